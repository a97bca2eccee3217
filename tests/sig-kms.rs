//! KMS signatures: each algorithm family and naming scheme, key ID binding.

mod sigcommon;
use sigcommon::*;

#[test]
fn aws_ecdsa_p256_der() {
    let r = verified("bundles/kms-ecdsa-p256.json", args([kms(AWS_P256, "p256.pem")]), 1);
    r.lacks("sig.kms.key-id-unbound");
    assert_eq!(r.rows()[0]["algorithm"], "ECDSA_SHA_256");
}

#[test]
fn jose_es256_raw_r_s_with_der_key() {
    verified("bundles/kms-ecdsa-p256-jose.json", args([kms(JOSE_P256, "p256.der")]), 1);
}

#[test]
fn google_ecdsa_p384() {
    verified("bundles/kms-ecdsa-p384.json", args([kms(GCP_P384, "p384.pem")]), 1);
}

#[test]
fn google_rsa_pkcs1() {
    verified("bundles/kms-rsa-pkcs1.json", args([kms(GCP_PKCS1, "rsa2048.pem")]), 1);
}

#[test]
fn aws_rsa_pss() {
    verified("bundles/kms-rsa-pss.json", args([kms(AWS_PSS, "rsa3072.pem")]), 1);
}

#[test]
fn google_ed25519() {
    verified("bundles/kms-ed25519.json", args([kms(GCP_ED, "ed25519.pem")]), 1);
}

#[test]
fn array_with_aws_ed25519() {
    verified("bundles/kms-array.json", args([kms(AWS_P256, "p256.pem"), kms(AWS_ED, "ed25519.pem")]), 2);
}

#[test]
fn key_without_id_verifies_with_a_warning() {
    let r = verify("bundles/kms-ecdsa-p256.json", args([kms("", "p256.pem")]));
    r.code(0);
    r.has("sig.kms.key-id-unbound", "warning");
    assert_eq!(r.verdicts(), ["verified"]);
}

#[test]
fn key_for_another_id_leaves_it_unverified() {
    let mut a = args([kms("arn:aws:kms:eu-west-1:111122223333:key/other", "p256.pem")]);
    a.push("--no-require-signature".into());
    let r = verify("bundles/kms-ecdsa-p256.json", a);
    r.code(0);
    r.finding("sig.kms.unverified", "warning", "/signatures/kms");
    assert_eq!(r.verdicts(), ["unverified"]);
}

#[test]
fn wrong_key_under_the_right_id_is_a_bad_signature() {
    // The AWS RSA-PSS signature, with the ID bound to another RSA key (RSA-2048 instead
    // of the RSA-3072 that signed): the algorithm fits, the signature does not verify.
    let r = verify("bundles/kms-rsa-pss.json", args([kms(AWS_PSS, "rsa2048.pem")]));
    r.code(1);
    r.finding("sig.kms.bad", "error", "/signatures/kms");
    r.lacks("sig.kms.algorithm-mismatch");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn aws_digest_message_type_is_the_same_signature() {
    verified("bundles/kms-ecdsa-p256-digest.json", args([kms(AWS_P256, "p256.pem")]), 1);
}
