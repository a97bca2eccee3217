//! Attack pass 7, problem 11: signatures that hash the payload on their own (version 6
//! OpenPGP signatures, salted; pure Ed25519 KMS signatures) cannot multiply the cost
//! of a bundle. A v6 signature that names a supplied v4 key is refused before anything
//! is hashed for it; at most `pgp::MAX_SALTED_HASHES` salted hashes and
//! `kms::MAX_PURE_ED25519` Ed25519 verifications are made per bundle, and signatures
//! past them are not checked: `sig.too-many`, an error, each at its own pointer
//! (spec 3.4, 3.5). The pass counts themselves are asserted in src/signatures/pgp.rs
//! (`salted_hashes_are_bounded_per_bundle`) and below for KMS.

mod sigcommon;
use sigcommon::*;

use aeb_verify::signatures::kms;
use base64::Engine as _;

/// A version 6 signature packet nobody signed, naming the v4 fingerprint `issuer`, as
/// attack pass 7 made them (case11/v6.py), ASCII-armored.
fn junk_v6(issuer: &[u8], hash: u8, salt: &[u8]) -> String {
    let created: u32 = 1_754_829_000; // 2025-08-10T12:30:00Z
    let mut hashed = vec![5, 2 | 0x80];
    hashed.extend_from_slice(&created.to_be_bytes());
    hashed.extend_from_slice(&[22, 33, 4]);
    hashed.extend_from_slice(issuer);
    let mut body = vec![6, 0, 27, hash];
    body.extend_from_slice(&(hashed.len() as u32).to_be_bytes());
    body.extend_from_slice(&hashed);
    body.extend_from_slice(&0u32.to_be_bytes());
    body.extend_from_slice(&[0, 0, salt.len() as u8]);
    body.extend_from_slice(salt);
    body.extend_from_slice(&[0x11; 64]);
    let mut packet = vec![0xC2, body.len() as u8];
    packet.extend_from_slice(&body);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&packet);
    let lines: Vec<&str> = b64.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
    format!("-----BEGIN PGP SIGNATURE-----\n\n{}\n-----END PGP SIGNATURE-----\n", lines.join("\n"))
}

const ED25519_FPR: &str = "50B549DAADF1FD82404BE90EF350072273B9B9D0";

/// The attacker's shape, small: 32 junk v6 packets naming the supplied ed25519 key.
/// Each is sig.pgp.bad at its own entry, said to be impossible for that key.
#[test]
fn v6_signatures_naming_a_v4_key_are_refused_before_hashing() {
    let fpr: Vec<u8> = (0..20).map(|i| u8::from_str_radix(&ED25519_FPR[2 * i..2 * i + 2], 16).unwrap()).collect();
    let entries: Vec<serde_json::Value> = (0..32)
        .map(|i| {
            let (h, n) = [(8u8, 16usize), (10, 32), (14, 64)][i % 3];
            serde_json::json!({ "key_id": ED25519_FPR, "signature": junk_v6(&fpr, h, &vec![i as u8; n]) })
        })
        .collect();
    let sigs = serde_json::json!({ "sha256": "SHA", "pgp": entries });
    let path = bundle_with("v6-junk-v4-issuer.json", &sigs.to_string());
    let cert = fx("certs/ed25519.asc");
    let r = run(&path, &["--cert", &cert]);
    r.code(1);
    let j = r.json();
    let b = &j["bundles"][0];
    let bad: Vec<&serde_json::Value> =
        b["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "sig.pgp.bad").collect();
    assert_eq!(bad.len(), 32);
    for (i, f) in bad.iter().enumerate() {
        assert_eq!(f["pointer"], format!("/signatures/pgp/{i}"));
        assert_eq!(f["severity"], "error");
        let m = f["message"].as_str().unwrap();
        assert!(m.contains("a version 6 signature cannot be made by the version 4 key"), "{m}");
    }
    r.lacks("sig.too-many");
}

/// An Ed25519 signature that is well formed (R the base point, s = 1) and verifies
/// nothing: checking it means hashing the payload.
fn junk_ed25519() -> String {
    let mut sig = vec![0x58];
    sig.extend_from_slice(&[0x66; 31]);
    sig.push(1);
    sig.extend_from_slice(&[0; 31]);
    base64::engine::general_purpose::STANDARD.encode(sig)
}

/// Six junk pure Ed25519 entries bound to a supplied key: the first four are checked
/// (sig.kms.bad), the last two are not (sig.too-many, unverified rows).
#[test]
fn pure_ed25519_verifications_are_bounded_per_bundle() {
    let n = kms::MAX_PURE_ED25519 + 2;
    let entries: Vec<serde_json::Value> = (0..n)
        .map(|_| serde_json::json!({ "key_id": GCP_ED, "algorithm": "EC_SIGN_ED25519", "signature": junk_ed25519() }))
        .collect();
    let sigs = serde_json::json!({ "sha256": "SHA", "pgp": null, "kms": entries });
    let path = bundle_with("kms-ed25519-junk.json", &sigs.to_string());
    let key = kms(GCP_ED, "ed25519.pem");
    let r = run(&path, &[&key[0], &key[1]]);
    r.code(1);
    let j = r.json();
    let b = &j["bundles"][0];
    let of = |rule: &str| -> Vec<String> {
        b["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .map(|f| f["pointer"].as_str().unwrap().to_owned())
            .collect()
    };
    let want = |range: std::ops::Range<usize>| range.map(|i| format!("/signatures/kms/{i}")).collect::<Vec<_>>();
    assert_eq!(of("sig.kms.bad"), want(0..kms::MAX_PURE_ED25519));
    assert_eq!(of("sig.too-many"), want(kms::MAX_PURE_ED25519..n));
    let rows = b["signatures"].as_array().unwrap();
    for row in &rows[kms::MAX_PURE_ED25519..] {
        assert_eq!(row["verdict"], "unverified");
        assert!(row["reason"].as_str().unwrap().starts_with("not checked"), "{row}");
    }
}

/// 32 junk Ed25519 entries claiming key_id "k", checked with `keys`: the passes made over
/// the payload, and the rules of the findings.
fn junk_entries(keys: &[kms::KmsKey]) -> (usize, Vec<&'static str>) {
    let ctx = kms::Ctx { keys };
    let bytes = std::fs::read(fx("payload.jcs")).unwrap();
    let payload = kms::Payload::new(&bytes);
    let sig = junk_ed25519();
    let rules = (0..32)
        .flat_map(|i| {
            let p = format!("/signatures/kms/{i}");
            kms::verify_entry("array", &p, Some("k"), Some("EdDSA"), Some(&sig), &payload, &ctx).findings
        })
        .map(|f| f.rule.id)
        .collect();
    (payload.pure_passes(), rules)
}

/// The count itself: 32 entries, one payload, MAX_PURE_ED25519 passes over it.
#[test]
fn pure_ed25519_passes_are_counted() {
    let (key, spki) = kms::parse_key(&std::fs::read(fx("kms/ed25519.pem")).unwrap()).unwrap();
    let keys = [kms::KmsKey { key_id: Some("k".into()), file: "ed25519.pem".into(), key, spki_sha256: spki }];
    let (passes, rules) = junk_entries(&keys);
    assert_eq!(passes, kms::MAX_PURE_ED25519);
    assert_eq!(rules.iter().filter(|r| **r == "sig.kms.bad").count(), kms::MAX_PURE_ED25519);
    assert_eq!(rules.iter().filter(|r| **r == "sig.too-many").count(), 32 - kms::MAX_PURE_ED25519);
}

/// With five Ed25519 keys given without an ID, each of the bundle's first
/// MAX_PURE_ED25519 signatures is tried with all five (the command's number, not the
/// bundle's), and the rest are not checked: 32 entries, 4 x 5 passes over the payload.
#[test]
fn unbound_keys_multiply_the_passes_by_the_commands_number_only() {
    let keys: Vec<kms::KmsKey> = (0..5)
        .map(|i| {
            let file = fx(&format!("kms-unbound-ed25519/e{i}.pem"));
            let (key, spki) = kms::parse_key(&std::fs::read(&file).unwrap()).unwrap();
            kms::KmsKey { key_id: None, file, key, spki_sha256: spki }
        })
        .collect();
    let (passes, rules) = junk_entries(&keys);
    assert_eq!(passes, kms::MAX_PURE_ED25519 * keys.len());
    assert_eq!(rules.iter().filter(|r| **r == "sig.kms.bad").count(), kms::MAX_PURE_ED25519);
    assert_eq!(rules.iter().filter(|r| **r == "sig.too-many").count(), 32 - kms::MAX_PURE_ED25519);
}
