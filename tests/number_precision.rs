//! A number whose written decimal value is not the value RFC 8785 signs (the nearest
//! double, in its shortest form) is a warning, whatever its spelling; spellings of the
//! signed value are silent (contract section 1).
//!
//! Expectations are fixtures/make-fixtures.py's SPELLINGS; the signed forms are Python's
//! `repr(float(literal))` written the ECMAScript way, not the tool's output.

mod common;
use common::*;

/// (member of /x-numbers, written, signed)
const CHANGED: [(&str, &str, &str); 7] = [
    ("a", "12345678901234567891.000", "12345678901234567000"),
    ("b", "1.234567890123456789e19", "12345678901234567000"),
    ("c", "1.000000000000000005", "1"),
    ("d", "12345678901234567891", "12345678901234567000"),
    ("e", "1.23456789012345e-320", "1.2347e-320"),
    ("f", "-9007199254740993", "-9007199254740992"),
    ("g", "0.30000000000000000001", "0.3"),
];

#[test]
fn every_spelling_that_changes_value_warns_with_pointer_written_and_signed() {
    // The seal is over the signed values, so the bundle verifies: warnings only.
    let (code, b) = verify_json("read/number-precision.json", &[]);
    assert_eq!(code, 0, "{b}");
    let fs = findings(&b, "read.integer-precision");
    let got: Vec<(String, String, String)> = fs
        .iter()
        .map(|f| {
            assert_eq!(f["severity"], "warning");
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("pointer"), s("expected"), s("found"))
        })
        .collect();
    let want: Vec<(String, String, String)> =
        CHANGED.iter().map(|(k, w, s)| (format!("/x-numbers/{k}"), w.to_string(), s.to_string())).collect();
    assert_eq!(got, want, "only the spellings that change value, in file order");
    // Each at its line: "a" is the first member of x-numbers, on line 76, column 10.
    assert_finding(&b, "read.integer-precision", "/x-numbers/a", 76, 10);
    let (code, _) = verify_json("read/number-precision.json", &["--strict"]);
    assert_eq!(code, 1, "under --strict the warnings reject");
}

#[test]
fn the_signed_payload_holds_the_double_not_the_text() {
    // What canonicalize prints is what was hashed: the shortest forms.
    let r = run(&["canonicalize", fixture("read/number-precision.json").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let want = r#""x-numbers":{"a":12345678901234567000,"b":12345678901234567000,"c":1,"d":12345678901234567000,"e":1.2347e-320,"f":-9007199254740992,"g":0.3,"h":1,"i":100,"j":0.1,"k":100000000000000000000,"l":5e-324,"m":1500,"n":0}"#;
    assert!(r.stdout.contains(want), "{}", r.stdout);
}

/// A literal of two million digits with an exponent that brings it back into range is
/// read as its value, and quoted by its first 40 and last 16 characters and its length
/// (docs/spec.md section 1), in the message and in `expected`: quoted whole twice, it
/// made a 4 MB report. The signed form is Python's `repr(float(literal))`
/// written the ECMAScript way.
#[test]
fn a_long_literal_is_quoted_by_its_ends() {
    let digits = 2_000_000;
    let literal = format!("1{}3e-1999800", "2".repeat(digits));
    let input = format!("{{\"version\":\"1.0\",\"n\":{literal}}}");
    let r = run_with_stdin(&["--format", "json", "-"], Some(input.as_bytes()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    // Its value is about 1.2e201: within the range (Rust's own parser read infinity).
    assert!(findings(&report["bundles"][0], "read.number-out-of-range").is_empty());
    assert!(r.stdout.len() < 100_000, "a report of {} bytes", r.stdout.len());
    let f = &findings(&report["bundles"][0], "read.integer-precision")[0];
    let shown = format!("{}…{} ({} characters)", "1".to_owned() + &"2".repeat(39), "2222223e-1999800", literal.len());
    assert_eq!(f["expected"], shown.as_str());
    assert_eq!(f["found"], "1.2222222222222222e+201");
    assert!(f["message"].as_str().unwrap().starts_with(&format!("{shown} is signed as 1.2222222222222222e+201")));
}

/// A literal of two million digits beyond the double range, or below it, is quoted by its
/// ends as a precision warning quotes one: whole, its message was 2 MB.
#[test]
fn a_long_literal_out_of_range_is_quoted_by_its_ends() {
    for (exponent, says) in [
        ("e400", "is beyond the largest double"),
        ("e-2000400", "is a non-zero number smaller than the smallest double"),
    ] {
        let literal = format!("1{}{exponent}", "2".repeat(2_000_000));
        let input = format!("{{\"version\":\"1.0\",\"n\":{literal}}}");
        let r = run_with_stdin(&["--format", "json", "-"], Some(input.as_bytes()));
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stdout.len() < 100_000, "{exponent}: a report of {} bytes", r.stdout.len());
        let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let f = &findings(&report["bundles"][0], "read.number-out-of-range")[0];
        let tail = &literal[literal.len() - 16..];
        let shown = format!("1{}…{tail} ({} characters)", "2".repeat(39), literal.len());
        assert!(f["message"].as_str().unwrap().starts_with(&format!("{shown} {says}")), "{}", f["message"]);
    }
}
