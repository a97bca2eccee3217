//! An RSA signature whose number is not below the key's modulus (the genuine signature
//! plus the modulus, still 256 bytes: fixtures/signatures/kms-rsa-modulus/make.py) is no
//! signature of that key (RFC 8017 5.2.2: "signature representative out of range";
//! OpenSSL refuses it, "data too large for modulus"). It is `sig.kms.bad`, as a signature
//! of another length is, saying so. Before, the `rsa` crate's refusal was reported as
//! "the payload changed after signing, or the signer signed other bytes", sending the
//! auditor after a change of the payload that never happened.

mod sigcommon;
use sigcommon::*;

#[test]
fn a_signature_not_below_the_modulus_is_said_so() {
    let bundle = "kms-rsa-modulus/plus-modulus.json";
    let r = verify(bundle, args([kms(GCP_PKCS1, "rsa2048.pem")]));
    r.code(1);
    let m = kms_entry_finding(&r, bundle, "sig.kms.bad");
    assert!(m.contains("not below this RSA-2048 key's modulus"), "{m}");
    assert!(!m.contains("payload changed"), "{m}");
    r.finding("sig.required", "error", "/signatures");
    assert_eq!(r.verdicts(), vec!["rejected"]);
}

/// The genuine signature it was made from still verifies.
#[test]
fn the_genuine_signature_verifies() {
    verified("bundles/kms-rsa-pkcs1.json", args([kms(GCP_PKCS1, "rsa2048.pem")]).to_vec(), 1);
}
