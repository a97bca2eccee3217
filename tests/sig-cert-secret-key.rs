//! A transferable secret key given to --cert: its public part is used, and stderr
//! warns that the file holds secret key material.

mod sigcommon;
use sigcommon::*;

#[test]
fn secret_key_file_verifies_with_its_public_part_and_warns() {
    let r = verified("bundles/pgp-ed25519.json", args([cert("ed25519-secret-key.asc")]), 1);
    assert!(r.stderr.contains("warning: --cert") && r.stderr.contains("holds secret key material"), "{}", r.stderr);
    assert!(r.stderr.contains(&primary("ed25519")), "{}", r.stderr);
}

#[test]
fn a_public_certificate_gets_no_such_warning() {
    let r = verified("bundles/pgp-ed25519.json", args([cert("ed25519.asc")]), 1);
    assert!(!r.stderr.contains("secret key"), "{}", r.stderr);
}
