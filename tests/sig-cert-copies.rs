//! Copies of one certificate (same fingerprint) are merged before use: the
//! revocation in any copy applies, whichever copy comes first (fixtures:
//! certs/revoked-compromised-old-copy.asc was exported before the hard revocation).

mod sigcommon;
use sigcommon::*;

const BUNDLE: &str = "bundles/pgp-revoked-compromised.json";

#[test]
fn the_old_copy_alone_verifies() {
    // The fixture is what it says: without the revocation the signature is good.
    verified(BUNDLE, args([cert("revoked-compromised-old-copy.asc")]), 1);
}

#[test]
fn two_files_old_copy_first_revocation_applies() {
    let r = verify(BUNDLE, args([cert("revoked-compromised-old-copy.asc"), cert("revoked-compromised.asc")]));
    r.code(1);
    r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn two_files_revoked_copy_first_revocation_applies() {
    let r = verify(BUNDLE, args([cert("revoked-compromised.asc"), cert("revoked-compromised-old-copy.asc")]));
    r.code(1);
    r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
}

#[test]
fn one_keyring_with_both_copies_revocation_applies() {
    let r = verify(BUNDLE, args([cert("revoked-compromised-two-copies.gpg")]));
    r.code(1);
    let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert!(m.contains(&primary("compromised")), "{m}");
}
