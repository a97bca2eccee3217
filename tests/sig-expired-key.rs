//! A key that had expired when it signed is rejected (gpgv accepts it).

mod sigcommon;
use sigcommon::*;

#[test]
fn key_expired_before_the_signature() {
    let r = verify("bundles/pgp-expired-key.json", args([cert("expired.asc")]));
    r.code(1);
    r.has("sig.pgp.key-expired", "error");
    let reason = r.rows()[0]["reason"].as_str().unwrap_or("").to_owned();
    assert!(reason.contains("2025-06-10T12:00:00Z") && reason.contains("2025-08-10T12:30:00Z"), "{reason}");
}
