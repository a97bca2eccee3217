//! Integrity (spec section 2): the recorded hash against the recomputed one, and what
//! a wrong hash matches instead.

mod common;
use common::*;

#[test]
fn the_seed_example_as_published_was_never_sealed() {
    let (code, bundle) = verify_json("seed-example.json", &[]);
    assert_eq!(code, 1);
    assert_finding(&bundle, "integrity.hash-not-filled", "/signatures/sha256", 55, 29);
    assert_eq!(findings(&bundle, "integrity.hash-not-filled")[0]["found"], "...");
}

#[test]
fn the_sealed_seed_verifies_with_the_integrity_only_warning() {
    // Its audit warnings (the seed contradicts itself) are the audit tests' subject.
    let (code, bundle) = verify_json("seed-example-sealed.json", &[]);
    assert_eq!(code, 0, "{bundle}");
    assert_eq!(bundle["verdict"], "verified");
    assert_eq!(bundle["counts"]["error"], 0);
    assert_eq!(findings(&bundle, "sig.none").len(), 1);
    // The hash the independent fixture script computed is what we recompute.
    let text = std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bundle["payload"]["sha256"], v["signatures"]["sha256"]);
    // --strict turns the warning into a rejection.
    assert_eq!(verify_json("seed-example-sealed.json", &["--strict"]).0, 1);
}

/// (fixture, rule, pointer, exit code, text the message must contain)
const CASES: &[(&str, &str, &str, i32, &str)] = &[
    ("integrity/empty-hash.json", "integrity.hash-not-filled", "/signatures/sha256", 1, "placeholder"),
    ("integrity/zeros-hash.json", "integrity.hash-not-filled", "/signatures/sha256", 1, "placeholder"),
    ("integrity/null-hash.json", "integrity.hash-not-filled", "/signatures/sha256", 1, "missing"),
    ("integrity/missing-signatures.json", "integrity.hash-not-filled", "/signatures", 1, "no `signatures`"),
    ("integrity/short-hash.json", "integrity.hash-malformed", "/signatures/sha256", 1, "40 characters"),
    ("integrity/base64-hash.json", "integrity.hash-malformed", "/signatures/sha256", 1, "44 characters"),
    ("integrity/number-hash.json", "integrity.hash-malformed", "/signatures/sha256", 1, "not a string"),
    ("integrity/uppercase-hash.json", "integrity.hash-uppercase", "/signatures/sha256", 0, "uppercase"),
    ("integrity/uncovered-member.json", "integrity.uncovered-member", "/signatures/signed_by", 0, "signed_by"),
    ("integrity/tampered.json", "integrity.hash-mismatch", "/signatures/sha256", 1, "changed after it was sealed"),
    (
        "integrity/hashed-before-filled.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "raw file bytes as they were with sha256 \"...\"",
    ),
    (
        // Sealed while schema_hash was "...", then filled in (fixtures/make-fixtures.py).
        "integrity/filled-after-sealing.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "with `/schema_hash` = \"...\": the field was filled in after the hash was computed",
    ),
    (
        "integrity/signatures-left-in.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "with `signatures` left in (sha256 an empty string)",
    ),
    (
        "integrity/pretty-source-order.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "source's key order, pretty-printed with 2 spaces",
    ),
    (
        // Sealed over the compact source text as written, whose member names (escaped
        // and not) the diagnosis once sorted by no total order: a panic, exit 101.
        "integrity/as-written-escaped-names.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "source's key order, numbers and strings as written, compact,",
    ),
    (
        // Sealed with Python's json.dumps(payload, sort_keys=True, separators=(",", ":"))
        // and written by json.dump (fixtures/make-fixtures.py): "2.0", not "2". Was
        // reported as "changed after it was sealed".
        "integrity/python-sorted-compact.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "the payload with sorted keys, numbers and strings as written, compact, not",
    ),
    (
        // The same with json.dumps(payload, sort_keys=True): ", " and ": ".
        "integrity/python-sorted-default.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "the payload with sorted keys, numbers and strings as written, with Python's default separators, not",
    ),
    (
        // Hashed as python-sorted-compact.json, but the bundle written with
        // ensure_ascii=False: its strings hold "é" where the hashed text held "\u00e9".
        // Was reported as "changed after it was sealed".
        "integrity/python-sorted-ensure-ascii.json",
        "integrity.hash-mismatch",
        "/signatures/sha256",
        1,
        "the payload with sorted keys, numbers and strings as written but characters beyond ASCII escaped (Python's default ensure_ascii), compact, not",
    ),
];

#[test]
fn each_integrity_case() {
    for (file, rule, pointer, code, text) in CASES {
        let (got, bundle) = verify_json(file, &[]);
        assert_eq!(got, *code, "{file}: {}", bundle["findings"]);
        let f = findings(&bundle, rule);
        assert_eq!(f.len(), 1, "{file}: {}", bundle["findings"]);
        assert_eq!(f[0]["pointer"], *pointer, "{file}");
        assert!(f[0]["line"].as_u64().is_some(), "{file}: a position");
        let message = f[0]["message"].as_str().unwrap();
        assert!(message.contains(text), "{file}: {message:?} lacks {text:?}");
    }
}

#[test]
fn a_mismatch_shows_both_hashes() {
    let (_, bundle) = verify_json("integrity/tampered.json", &[]);
    let f = findings(&bundle, "integrity.hash-mismatch")[0];
    let sealed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap()).unwrap();
    assert_eq!(f["found"], sealed["signatures"]["sha256"]);
    assert_eq!(f["expected"], bundle["payload"]["sha256"]);
    assert_ne!(f["expected"], f["found"]);
}

/// A layout too large to write is named, not tried, and named once. 20,000 numbers 120
/// arrays deep are about 40 KB of compact text (with the seed, about 42 KB), but indented
/// each number starts a line of its own after 120 units: about 4.9 MB with 2 spaces,
/// 9.7 MB with 4 and 2.5 MB with tabs, all past what is left of 16 times the payload plus
/// 1 MiB (about 1.7 MB) for all layouts together. Compact and Python's separators stay
/// near the payload's size and are tried.
/// The source's key order and the sorted order are both tried, and the three layouts
/// are still listed once each, in the order the diagnosis tries them.
#[test]
fn layouts_over_the_budget_are_named_not_tried() {
    let text = std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut deep = serde_json::Value::from(vec![1u8; 20_000]);
    for _ in 1..120 {
        deep = serde_json::Value::from(vec![deep]);
    }
    // the recorded hash is the seed's, which this bundle no longer matches
    v["x_deep"] = deep;
    let path = std::env::temp_dir().join(format!("aeb-untried-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    let r = run(&["--format", "json", "--now", NOW, path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let bundle = &report["bundles"][0];
    let mismatch = findings(bundle, "integrity.hash-mismatch");
    assert_eq!(mismatch.len(), 1, "{bundle}");
    let message = mismatch[0]["message"].as_str().unwrap();
    assert!(
        message.ends_with(
            " (not tried, as the diagnosis writes at most 16 times the payload's size in all: \
             pretty-printed with 2 spaces, pretty-printed with 4 spaces, pretty-printed with tabs)"
        ),
        "{message}"
    );
}
