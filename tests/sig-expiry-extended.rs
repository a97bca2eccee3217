//! A certificate exported after its key's expiry was extended binds the key only from
//! then on (gpg keeps the newest self-signature alone): a signature made before is
//! rejected, as sqv rejects it, and the finding says why and what to supply instead.
//! Expectations: fixtures/signatures/expiry-extended/README.md.

mod sigcommon;
use sigcommon::*;

fn with(cert: &str) -> Vec<String> {
    vec!["--cert".into(), fx(&format!("expiry-extended/{cert}"))]
}

#[test]
fn the_copy_from_before_the_extension_verifies() {
    verified("expiry-extended/signed.json", with("cert-before.asc"), 1);
}

#[test]
fn the_copy_from_after_the_extension_says_why_it_binds_nothing_then() {
    let r = verify("expiry-extended/signed.json", with("cert-after.asc"));
    r.code(1);
    let m = r.finding("sig.pgp.key-invalid", "error", "/signatures/pgp");
    for needle in ["self-signatures made after the signature", "exported before", "2025-08-10T12:30:00Z"] {
        assert!(m.contains(needle), "expected {needle:?} in {m}");
    }
    assert_eq!(m.matches("No binding signature at time").count(), 1, "{m}");
}
