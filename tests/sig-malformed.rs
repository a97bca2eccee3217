//! Signature members in shapes the format does not allow: errors, never a crash.

mod sigcommon;
use sigcommon::*;

#[test]
fn pgp_is_a_number() {
    let r = run(&bundle_with("num.json", r#"{"sha256": "SHA", "pgp": 42}"#), &[]);
    r.code(1);
    r.has("sig.form", "error");
}

#[test]
fn pgp_object_without_key_id() {
    let sig =
        r#"{"sha256": "SHA", "pgp": {"signature": "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n"}}"#;
    let r = run(&bundle_with("nokeyid.json", sig), &[]);
    r.code(1);
    r.has("sig.pgp.key-id-missing", "error");
}

#[test]
fn garbage_armor() {
    let sig = r#"{"sha256": "SHA", "pgp": {"key_id": "0000000000000000000000000000000000000000", "signature": "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n"}}"#;
    let r = run(&bundle_with("garbage.json", sig), &[]);
    r.code(1);
    r.has("sig.pgp.malformed", "error");
}

#[test]
fn kms_entry_missing_members() {
    let r = run(&bundle_with("kmsmissing.json", r#"{"sha256": "SHA", "kms": {"key_id": "k"}}"#), &[]);
    r.code(1);
    r.has("sig.kms.malformed", "error");
}

#[test]
fn kms_unknown_algorithm() {
    let sig = r#"{"sha256": "SHA", "kms": {"key_id": "k", "algorithm": "ROT13", "signature": "AAAA"}}"#;
    let r = run(&bundle_with("kmsalg.json", sig), &[]);
    r.code(1);
    r.has("sig.kms.unknown-algorithm", "error");
}

#[test]
fn kms_signature_not_base64() {
    let sig = r#"{"sha256": "SHA", "kms": {"key_id": "k", "algorithm": "ES256", "signature": "***"}}"#;
    let r = run(&bundle_with("kmsb64.json", sig), &[]);
    r.code(1);
    r.has("sig.kms.malformed", "error");
}

/// The first 6 bytes of a DER ECDSA signature are no ECDSA signature (a SEQUENCE that
/// announces 0x45 bytes and holds 4): malformed, not a signature over other bytes.
#[test]
fn kms_truncated_signature_with_a_key() {
    let key = format!("k={}", fx("kms/p256.pem"));
    let sig = r#"{"sha256": "SHA", "kms": {"key_id": "k", "algorithm": "ES256", "signature": "MEUCIQ=="}}"#;
    let r = run(&bundle_with("kmsshort.json", sig), &["--kms-key", &key]);
    r.code(1);
    r.has("sig.kms.malformed", "error");
    r.lacks("sig.kms.bad");
}
