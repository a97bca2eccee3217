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

/// A signing subkey soft-revoked (superseded, 2025-09-15) after it signed (2025-08-10):
/// the signature stays valid, and the note that the key was since retired is given as
/// for a certificate, naming the subkey (CASES.md: pgp-subkey-revoked-superseded.json).
#[test]
fn soft_revocation_of_the_signing_subkey_after_the_signature_keeps_it_valid_with_a_note() {
    let fprs = fingerprints("subkeyrevoked");
    let (primary, subkey) = (&fprs[0], &fprs[1]);
    let r = verified("bundles/pgp-subkey-revoked-superseded.json", args([cert("subkeyrevoked.asc")]), 1);
    let m = r.finding("sig.pgp.revoked-later", "info", "/signatures/pgp");
    assert!(
        m.starts_with(&format!(
            "signing subkey {subkey} of certificate {primary} was revoked on 2025-09-15T00:00:00Z (key superseded) \
             after this signature was made"
        )),
        "{m}"
    );
    assert_eq!(r.rows()[0]["signer"]["key"], subkey.as_str());
}
