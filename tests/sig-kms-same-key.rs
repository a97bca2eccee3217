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

/// Counted once: `--min-signers 2` can never be met by the two, and the run stops.
#[test]
fn p256_under_two_ids_and_two_encodings_counts_once() {
    let a = args([kms(AWS_P256, "p256.pem"), kms(JOSE_P256, "p256-compressed.pem")]);
    two_keys_one_signer("bundles/kms-same-key-two-ids.json", a);
}

#[test]
fn rsa_as_spki_and_pkcs1_counts_once() {
    let a = args([kms(GCP_PKCS1, "rsa2048.pem"), kms(AWS_RSA_ALIAS, "rsa2048-pkcs1.pem")]);
    verified("bundles/kms-rsa-same-key-two-ids.json", a.clone(), 2);
    two_keys_one_signer("bundles/kms-rsa-same-key-two-ids.json", a);
}
