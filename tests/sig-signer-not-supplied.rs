//! A signature by a key the auditor did not supply is unverified: a warning; fatal
//! when a signature is required, which supplying any key implies
//! (--no-require-signature keeps it a warning).

mod sigcommon;
use sigcommon::*;

#[test]
fn unknown_signer_is_a_warning_when_keys_do_not_demand_a_signature() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--no-require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a);
    r.code(0);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    assert_eq!(r.verdicts(), ["unverified"]);
}

#[test]
fn unknown_signer_with_a_supplied_key_rejects() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    r.finding("sig.required", "error", "/signatures");
}

#[test]
fn unknown_signer_with_no_certs_at_all() {
    let r = verify("bundles/pgp-ed25519.json", Vec::<String>::new());
    r.code(0);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
}

#[test]
fn unknown_signer_under_require_signature_rejects() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a);
    r.code(1);
    r.finding("sig.required", "error", "/signatures");
}

#[test]
fn the_signer_certificate_makes_it_verify() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("stranger.asc")]));
    r.code(0);
    assert_eq!(r.verdicts(), ["verified"]);
    assert_eq!(r.rows()[0]["issuer"], primary("stranger"));
}
