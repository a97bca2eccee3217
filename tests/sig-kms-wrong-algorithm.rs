//! An algorithm that does not fit the supplied key is an error, never a crash.

mod sigcommon;
use sigcommon::*;

#[test]
fn rsa_algorithm_for_an_ec_key() {
    let r = verify("bundles/kms-wrong-algorithm.json", args([kms(AWS_P256, "p256.pem")]));
    r.code(1);
    r.has("sig.kms.algorithm-mismatch", "error");
}

#[test]
fn google_rsa_size_must_match_the_key() {
    // RSA_SIGN_PKCS1_2048_SHA256 held against the RSA-3072 key.
    let r = verify("bundles/kms-rsa-pkcs1.json", args([kms(GCP_PKCS1, "rsa3072.pem")]));
    r.code(1);
    r.has("sig.kms.algorithm-mismatch", "error");
}
