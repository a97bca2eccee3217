//! KMS signature decoding and verification on arbitrary bytes, against the fixture
//! public keys (P-256, P-384, RSA-2048, Ed25519, and an unbound copy of each): the first
//! byte picks the algorithm name, the rest is the signature, given both as base64 and
//! as text. No panic, and nothing verifies over a payload nobody signed.
#![no_main]

use aeb_verify::signatures::{kms, SigVerdict};
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const KEYS: [&[u8]; 4] = [
    include_bytes!("../../fixtures/signatures/kms/p256.pem"),
    include_bytes!("../../fixtures/signatures/kms/p384.pem"),
    include_bytes!("../../fixtures/signatures/kms/rsa2048.pem"),
    include_bytes!("../../fixtures/signatures/kms/ed25519.pem"),
];

const ALGORITHMS: [&str; 12] = [
    "ECDSA_SHA_256",
    "ECDSA_SHA_384",
    "ES256",
    "RSASSA_PSS_SHA_256",
    "RSASSA_PKCS1_V1_5_SHA_512",
    "RSA_SIGN_PKCS1_2048_SHA256",
    "RSA_SIGN_PSS_3072_SHA256",
    "PS384",
    "EdDSA",
    "ED25519_SHA_512",
    "EC_SIGN_ED25519",
    "ECDSA_SHA_512",
];

fn keys() -> &'static [kms::KmsKey] {
    static KEYS_: OnceLock<Vec<kms::KmsKey>> = OnceLock::new();
    KEYS_.get_or_init(|| {
        KEYS.iter()
            .flat_map(|bytes| {
                let (key, spki_sha256) = kms::parse_key(bytes).expect("fixture key");
                [Some("k".to_owned()), None].map(|key_id| kms::KmsKey {
                    key_id,
                    file: "fixture".into(),
                    key: key.clone(),
                    spki_sha256: spki_sha256.clone(),
                })
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, sig)) = data.split_first() else { return };
    let alg = ALGORITHMS.get(usize::from(pick) % ALGORITHMS.len()).copied().unwrap_or("ES256");
    let ctx = kms::Ctx { keys: keys() };
    let payload = kms::Payload::new(b"nobody signed this payload");
    let b64 = base64::engine::general_purpose::STANDARD.encode(sig);
    let text = String::from_utf8_lossy(sig);
    for key_id in ["k", "unbound"] {
        for s in [b64.as_str(), &*text] {
            let c = kms::verify_entry("object", "/signatures/kms", Some(key_id), Some(alg), Some(s), &payload, &ctx);
            assert!(c.row.verdict != SigVerdict::Verified, "verified over an unsigned payload: {:?}", c.row);
        }
    }
});
