//! One KMS key is one signer, whatever IDs and encodings it is supplied under: the
//! EC point compressed or not, RSA as SPKI or PKCS#1 (files made by openssl).

mod sigcommon;
use sigcommon::*;

const AWS_RSA_ALIAS: &str = "aeb-rs256-2026";

#[test]
fn p256_under_two_ids_and_two_encodings_verifies_twice() {
    let a = args([kms(AWS_P256, "p256.pem"), kms(JOSE_P256, "p256-compressed.pem")]);
    verified("bundles/kms-same-key-two-ids.json", a, 2);
}

#[test]
fn p256_under_two_ids_and_two_encodings_counts_once() {
    let mut a = args([kms(AWS_P256, "p256.pem"), kms(JOSE_P256, "p256-compressed.pem")]);
    a.extend(["--min-signers".into(), "2".into()]);
    let r = verify("bundles/kms-same-key-two-ids.json", a);
    r.code(1);
    let m = r.finding("sig.min-signers", "error", "/signatures");
    assert!(m.starts_with("1 distinct"), "{m}");
}

#[test]
fn rsa_as_spki_and_pkcs1_counts_once() {
    let mut a = args([kms(GCP_PKCS1, "rsa2048.pem"), kms(AWS_RSA_ALIAS, "rsa2048-pkcs1.pem")]);
    a.extend(["--min-signers".into(), "2".into()]);
    let r = verify("bundles/kms-rsa-same-key-two-ids.json", a);
    r.code(1);
    r.finding("sig.min-signers", "error", "/signatures");
    assert_eq!(r.verdicts(), ["verified", "verified"]);
}
