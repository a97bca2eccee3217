//! Revocation: a hard revocation (key compromised) rejects whatever the date; a soft
//! one (superseded) made after the signature leaves it valid.

mod sigcommon;
use sigcommon::*;

#[test]
fn hard_revocation_after_the_signature_rejects() {
    let r = verify("bundles/pgp-revoked-compromised.json", args([cert("revoked-compromised.asc")]));
    r.code(1);
    r.has("sig.pgp.revoked", "error");
    let reason = r.rows()[0]["reason"].as_str().unwrap_or("").to_owned();
    assert!(reason.contains("key compromised") && reason.contains("2025-09-15"), "{reason}");
}

#[test]
fn soft_revocation_after_the_signature_keeps_it_valid() {
    let r = verify("bundles/pgp-revoked-superseded.json", args([cert("revoked-superseded.asc")]));
    r.code(0);
    r.has("sig.pgp.revoked-later", "info");
    r.lacks("sig.pgp.revoked");
    assert_eq!(r.verdicts(), ["verified"]);
}
