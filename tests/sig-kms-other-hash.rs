//! KMS signatures of the payload made with another SHA-2 hash than their algorithm names
//! (`openssl dgst -sha384 -sign` for ES256) are refused saying so: before, "the payload
//! changed after signing, or the signer signed other bytes", which sent the auditor after
//! a change that never happened. Files: fixtures/signatures/kms-other-hash (make.py,
//! README.md).

mod sigcommon;
use sigcommon::*;

fn keys() -> Vec<String> {
    let key = |id: &str, f: &str| ["--kms-key".to_owned(), format!("{id}={}", fx(&format!("kms-other-hash/{f}")))];
    args([key("aeb-p256", "p256.pem"), key("aeb-rsa2048", "rsa2048.pem")])
}

#[test]
fn signatures_with_the_named_hash_verify() {
    for bundle in ["kms-other-hash/es256-sha256.json", "kms-other-hash/rs256-sha256.json"] {
        verified(bundle, keys(), 1);
    }
}

#[test]
fn signatures_with_another_hash_are_refused_saying_which() {
    for (bundle, hash) in
        [("kms-other-hash/es256-sha384.json", "SHA-384"), ("kms-other-hash/rs256-sha512.json", "SHA-512")]
    {
        let r = verify(bundle, keys());
        r.code(1);
        let m = kms_entry_finding(&r, bundle, "sig.kms.bad");
        assert!(
            m.contains(&format!(
                "a signature of the payload by this key with {hash}, where the algorithm hashes with SHA-256"
            )),
            "{m}"
        );
        assert!(!m.contains("payload changed"), "{m}");
        assert_eq!(r.verdicts(), ["rejected"], "{bundle}");
    }
}
