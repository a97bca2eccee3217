//! key_id binding: fingerprints pass, long key IDs warn, short IDs and a key_id that
//! names someone else reject.

mod sigcommon;
use sigcommon::*;

#[test]
fn long_key_id_is_a_warning() {
    let r = verify("bundles/pgp-long-keyid.json", args([cert("ed25519.asc")]));
    r.code(0);
    r.has("sig.pgp.long-key-id", "warning");
    assert_eq!(r.verdicts(), ["verified"]);
}

#[test]
fn long_key_id_under_strict_rejects() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--strict".into());
    verify("bundles/pgp-long-keyid.json", a).code(1);
}

#[test]
fn short_key_id_is_rejected_even_though_the_signature_verifies() {
    let r = verify("bundles/pgp-short-keyid.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.has("sig.pgp.key-id-invalid", "error");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn key_id_naming_another_supplied_key_is_rejected() {
    let r = verify("bundles/pgp-keyid-mismatch.json", args([cert("ed25519.asc"), cert("rsa3072.asc")]));
    r.code(1);
    r.has("sig.pgp.key-id-mismatch", "error");
}

#[test]
fn key_id_naming_another_key_is_rejected_with_only_the_signer_supplied() {
    let r = verify("bundles/pgp-keyid-mismatch.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.has("sig.pgp.key-id-mismatch", "error");
}

#[test]
fn key_id_naming_another_key_without_certs_is_unverified_with_a_note() {
    let r = verify("bundles/pgp-keyid-mismatch.json", Vec::<String>::new());
    r.code(0);
    r.has("sig.pgp.unverified", "warning");
    let reason = r.rows()[0]["reason"].as_str().unwrap_or("").to_owned();
    assert!(reason.contains("different key"), "{reason}");
}
