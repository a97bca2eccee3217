//! A bundle's KMS `key_id` and `algorithm` are its claims, quoted in findings as spec
//! 3.1 quotes a claimed key_id: a JSON string literal of at most 128 characters, `…`
//! after the quote when cut. Before, a 1 MB key_id was copied whole into the finding
//! and the row's reason, twice in each (4 MB of report for 1 MB of claim), and a 1 MB
//! algorithm name into both too.

mod sigcommon;
use sigcommon::*;

fn entry(key_id: &str, algorithm: &str) -> String {
    let text = std::fs::read_to_string(fx("bundles/kms-ecdsa-p256.json")).expect("fixture");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut kms = v["signatures"]["kms"].clone();
    kms["key_id"] = key_id.into();
    kms["algorithm"] = algorithm.into();
    serde_json::json!({"sha256": "SHA", "kms": kms}).to_string()
}

fn head_quoted(s: &str) -> String {
    format!("\"{}\"…", &s[..128])
}

#[test]
fn a_long_key_id_is_quoted_by_its_head() {
    let kid = format!("arn:aws:kms:eu-west-1:111122223333:key/{}", "x".repeat(1 << 20));
    let r = run(&bundle_with("long-kid.json", &entry(&kid, "ECDSA_SHA_256")), &[]);
    r.code(0);
    let msg = r.finding("sig.kms.unverified", "warning", "/signatures/kms");
    assert!(msg.contains(&head_quoted(&kid)), "{}", &msg[..msg.len().min(400)]);
    assert!(msg.len() < 1000, "{} bytes", msg.len());
    let row = &r.rows()[0];
    assert!(row["reason"].as_str().is_some_and(|s| s.len() < 1000));
    // The row keeps the claim itself, once: it is data, not a message.
    assert_eq!(row["claimed_key_id"], kid.as_str());
    assert!(r.stdout.len() < kid.len() + 100_000, "{} bytes of report", r.stdout.len());
}

#[test]
fn a_long_algorithm_is_quoted_by_its_head() {
    let alg = "ECDSA_SHA_256".repeat(80_000);
    let r = run(&bundle_with("long-alg.json", &entry("k", &alg)), &[]);
    r.code(1);
    let msg = r.finding("sig.kms.unknown-algorithm", "error", "/signatures/kms");
    assert!(msg.contains(&head_quoted(&alg)), "{}", &msg[..msg.len().min(400)]);
    assert!(msg.len() < 1000, "{} bytes", msg.len());
    assert!(r.stdout.len() < alg.len() + 100_000, "{} bytes of report", r.stdout.len());
}
