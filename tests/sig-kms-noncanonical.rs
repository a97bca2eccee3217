//! A KMS signature over the raw file bytes, not the canonical payload, is bad.

mod sigcommon;
use sigcommon::*;

#[test]
fn signature_over_raw_file_bytes() {
    let r = verify("bundles/kms-noncanonical.json", args([kms(AWS_P256, "p256.pem")]));
    r.code(1);
    r.has("sig.kms.bad", "error");
    r.lacks("integrity.hash-mismatch");
}
