//! RSA keys under 2048 bits are refused, as OpenPGP's standard policy refuses them,
//! even though the signature is mathematically good (OpenSSL verifies it when the
//! fixtures are made).

mod sigcommon;
use sigcommon::*;

#[test]
fn rsa_1024_is_rejected() {
    let r = verify("bundles/kms-rsa1024.json", args([kms("aeb-rs256-weak-1024", "rsa1024.pem")]));
    r.code(1);
    let m = r.finding("sig.kms.weak-key", "error", "/signatures/kms");
    assert!(m.contains("RSA-1024"), "{m}");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn rsa_512_is_rejected() {
    let r = verify("bundles/kms-rsa512.json", args([kms("aeb-rs256-weak-512", "rsa512.pem")]));
    r.code(1);
    r.finding("sig.kms.weak-key", "error", "/signatures/kms");
}

#[test]
fn rsa_1024_without_a_key_id_is_rejected_too() {
    let r = verify("bundles/kms-rsa1024.json", args([kms("", "rsa1024.pem")]));
    r.code(1);
    r.finding("sig.kms.weak-key", "error", "/signatures/kms");
}
