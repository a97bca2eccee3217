//! A KMS key supplied without KEY_ID (`--kms-key FILE`) verifies whatever key_id the
//! bundle writes, so that key_id is the bundle's word: it never satisfies a --signer pin.

mod sigcommon;
use sigcommon::*;

fn with(mut a: Vec<String>, extra: &[&str]) -> Vec<String> {
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

#[test]
fn unbound_key_does_not_satisfy_a_pin_on_the_bundles_key_id() {
    let r = verify("bundles/kms-ecdsa-p256.json", with(args([kms("", "p256.pem")]), &["--signer", AWS_P256]));
    r.code(1);
    r.finding("sig.required", "error", "/signatures");
    r.finding("sig.kms.key-id-unbound", "warning", "/signatures/kms");
    assert_eq!(r.verdicts(), ["verified"]);
}

#[test]
fn unbound_key_does_not_satisfy_an_openpgp_pin() {
    let a = with(args([kms("", "p256.pem")]), &["--signer", &primary("ed25519")]);
    let r = verify("bundles/kms-ecdsa-p256.json", a);
    r.code(1);
    r.finding("sig.required", "error", "/signatures");
}

#[test]
fn the_same_key_bound_to_the_id_satisfies_the_pin() {
    let r = verify("bundles/kms-ecdsa-p256.json", with(args([kms(AWS_P256, "p256.pem")]), &["--signer", AWS_P256]));
    r.code(0);
    r.lacks("sig.required");
}
