//! A signature by a key the auditor did not supply is unverified: a warning, fatal
//! only when a signature is required.

mod sigcommon;
use sigcommon::*;

#[test]
fn unknown_signer_is_a_warning() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("ed25519.asc")]));
    r.code(0);
    r.has("sig.pgp.unverified", "warning");
    assert_eq!(r.verdicts(), ["unverified"]);
}

#[test]
fn unknown_signer_with_no_certs_at_all() {
    let r = verify("bundles/pgp-ed25519.json", Vec::<String>::new());
    r.code(0);
    r.has("sig.pgp.unverified", "warning");
}

#[test]
fn unknown_signer_under_require_signature_rejects() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a);
    r.code(1);
    r.has("sig.required", "error");
}

#[test]
fn the_signer_certificate_makes_it_verify() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("stranger.asc")]));
    r.code(0);
    assert_eq!(r.verdicts(), ["verified"]);
}
