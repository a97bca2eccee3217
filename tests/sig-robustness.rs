//! Whatever a bundle puts in its signature members, verification answers with a
//! finding and never panics.

use aeb_verify::signatures::{kms, pgp, SigVerdict};
use base64::Engine as _;
use proptest::prelude::*;
use std::time::{Duration, SystemTime};

fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800)
}

fn certs() -> Vec<sequoia_openpgp::Cert> {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/signatures/certs/keyring.asc");
    pgp::parse_cert_file(&std::fs::read(p).expect("fixture")).expect("keyring")
}

fn keys() -> Vec<kms::KmsKey> {
    ["p256.pem", "p384.pem", "rsa2048.pem", "ed25519.pem"]
        .iter()
        .map(|f| {
            let p = format!("{}/fixtures/signatures/kms/{f}", env!("CARGO_MANIFEST_DIR"));
            let (key, spki_sha256) = kms::parse_key(&std::fs::read(&p).expect("fixture")).expect("key");
            kms::KmsKey { key_id: Some("k".into()), file: p, key, spki_sha256 }
        })
        .collect()
}

/// Armor arbitrary bytes as if they were a signature.
fn armor(body: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(body);
    format!("-----BEGIN PGP SIGNATURE-----\n\n{b64}\n-----END PGP SIGNATURE-----\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_pgp_text_never_panics(text in ".{0,300}", key_id in "[0-9A-Fa-fx ]{0,70}") {
        let certs = certs();
        let policy = sequoia_openpgp::policy::StandardPolicy::at(now());
        let ctx = pgp::Ctx { now: now(), generated_at: None, policy: &policy, certs: &certs, designated: &[], hex: &pgp::KeyHex::default(), unchecked_revocations: &[] };
        for c in pgp::verify_entry("object", "/signatures/pgp", Some(&key_id), &text, b"payload", &ctx) {
            prop_assert!(c.row.verdict != SigVerdict::Verified);
        }
    }

    #[test]
    fn arbitrary_packets_in_armor_never_panic(body in proptest::collection::vec(any::<u8>(), 0..400)) {
        let certs = certs();
        let policy = sequoia_openpgp::policy::StandardPolicy::at(now());
        let ctx = pgp::Ctx { now: now(), generated_at: None, policy: &policy, certs: &certs, designated: &[], hex: &pgp::KeyHex::default(), unchecked_revocations: &[] };
        let key_id = "BE7433FC10F5F7D806239A8603CC749FB6F85D66";
        for c in pgp::verify_entry("object", "/signatures/pgp", Some(key_id), &armor(&body), b"payload", &ctx) {
            prop_assert!(c.row.verdict != SigVerdict::Verified);
        }
    }

    #[test]
    fn arbitrary_kms_signatures_never_panic(
        sig in proptest::collection::vec(any::<u8>(), 0..600),
        alg in prop::sample::select(vec![
            "ECDSA_SHA_256", "ES384", "RS256", "PS512", "RSA_SIGN_PKCS1_2048_SHA256", "EdDSA", "nonsense",
        ]),
    ) {
        let keys = keys();
        let ctx = kms::Ctx { keys: &keys };
        let b64 = base64::engine::general_purpose::STANDARD.encode(&sig);
        let payload = kms::Payload::new(b"payload");
        let c = kms::verify_entry("object", "/signatures/kms", Some("k"), Some(alg), Some(&b64), &payload, &ctx);
        prop_assert!(c.row.verdict != SigVerdict::Verified);
    }

    #[test]
    fn arbitrary_key_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = kms::parse_key(&bytes);
        let _ = pgp::parse_cert_file(&bytes);
        let mut pem = b"-----BEGIN PUBLIC KEY-----\n".to_vec();
        pem.extend(base64::engine::general_purpose::STANDARD.encode(&bytes).into_bytes());
        pem.extend(b"\n-----END PUBLIC KEY-----\n");
        let _ = kms::parse_key(&pem);
    }
}

/// Every single-byte change of a real signature packet: no panic, and a change in
/// the signed parts (everything but the unhashed subpacket area) never verifies.
#[test]
fn mutated_real_signature_never_verifies_when_signed_parts_change() {
    use sequoia_openpgp::parse::Parse as _;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/signatures/");
    let bundle: serde_json::Value =
        serde_json::from_slice(&std::fs::read(format!("{dir}bundles/pgp-ed25519.json")).expect("fixture"))
            .expect("json");
    let armored = bundle["signatures"]["pgp"]["signature"].as_str().expect("sig");
    let key_id = bundle["signatures"]["pgp"]["key_id"].as_str().expect("key_id");
    let payload = std::fs::read(format!("{dir}payload.jcs")).expect("payload");
    let body: String = armored.lines().filter(|l| !l.starts_with("-----") && !l.starts_with('=')).collect();
    let bytes = base64::engine::general_purpose::STANDARD.decode(body.trim()).expect("base64");
    let certs = certs();
    let policy = sequoia_openpgp::policy::StandardPolicy::at(now());
    let ctx = pgp::Ctx {
        now: now(),
        generated_at: None,
        policy: &policy,
        certs: &certs,
        designated: &[],
        hex: &pgp::KeyHex::default(),
        unchecked_revocations: &[],
    };
    let good = pgp::verify_entry("object", "/p", Some(key_id), armored, &payload, &ctx);
    assert_eq!(good[0].row.verdict, SigVerdict::Verified);
    let original = match sequoia_openpgp::Packet::from_bytes(&bytes).expect("packet") {
        sequoia_openpgp::Packet::Signature(s) => s,
        other => panic!("not a signature: {other:?}"),
    };
    // What the signature commits to: the hashed area, the type and algorithms, and the
    // MPIs. The unhashed area and the two-byte digest prefix (a quick-check hint, not
    // signed; sequoia and gpg ignore it) may change and still verify.
    let signed = |s: &sequoia_openpgp::packet::Signature| {
        (s.version(), s.hashed_area().clone(), s.pk_algo(), s.hash_algo(), s.mpis().clone(), s.typ())
    };
    let (mut rejected, mut tolerated) = (0, 0);
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            if let Some(x) = b.get_mut(i) {
                *x ^= flip;
            }
            let out = pgp::verify_entry("object", "/p", Some(key_id), &armor(&b), &payload, &ctx);
            let verified = out.iter().any(|c| c.row.verdict == SigVerdict::Verified);
            if !verified {
                rejected += 1;
                continue;
            }
            tolerated += 1;
            let still_signed = matches!(
                sequoia_openpgp::Packet::from_bytes(&b),
                Ok(sequoia_openpgp::Packet::Signature(ref s)) if signed(s) == signed(&original)
            );
            assert!(still_signed, "byte {i} ^ {flip:#04x} changed a signed part and still verified");
        }
    }
    // The signed parts are most of the packet: most mutations must be refused.
    assert!(rejected > 3 * tolerated, "rejected {rejected}, verified {tolerated}");
}
