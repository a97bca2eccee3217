//! RFC 8785 conformance of the canonicalizer: the cyberphone reference vectors, the
//! 10,000-line ECMAScript number sample, and random documents held against serde_jcs
//! (a second, independent implementation).

use aeb_verify::read::{canonicalize_value, Limits};
use proptest::prelude::*;
use std::path::Path;

fn canon(text: &[u8]) -> Vec<u8> {
    match canonicalize_value(text, &Limits::default()) {
        Ok(v) => v,
        Err(f) => panic!("rejected: {f:?}"),
    }
}

#[test]
fn cyberphone_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jcs");
    let mut n = 0;
    for entry in std::fs::read_dir(dir.join("input")).unwrap() {
        let input = entry.unwrap().path();
        let expected = std::fs::read(dir.join("output").join(input.file_name().unwrap())).unwrap();
        let got = canon(&std::fs::read(&input).unwrap());
        assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&expected), "{}", input.display());
        n += 1;
    }
    assert_eq!(n, 6, "all six vectors present");
}

#[test]
fn ecmascript_number_sample() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jcs/es6numbers-10000.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let (hex, expected) = line.split_once(',').unwrap();
        let v = f64::from_bits(u64::from_str_radix(hex, 16).unwrap());
        if !v.is_finite() {
            continue;
        }
        // The number formatter itself.
        let mut out = Vec::new();
        aeb_verify::canonical::push_number(&mut out, v);
        assert_eq!(String::from_utf8_lossy(&out), expected, "{hex}");
        // Through the reader, from three spellings: the expected form (fast path),
        // Rust's exponent form (slow path), Rust's plain decimal form (long digits).
        for spelling in [expected.to_owned(), format!("{v:e}"), format!("{v}")] {
            let got = canon(format!("[{spelling}]").as_bytes());
            assert_eq!(String::from_utf8_lossy(&got), format!("[{expected}]"), "{hex} written as {spelling}");
        }
        n += 1;
    }
    assert_eq!(n, 10_000);
}

fn key() -> impl Strategy<Value = String> {
    // Names that exercise UTF-16 ordering: ASCII, Latin-1, BMP private use (sorts after
    // astral in UTF-16), astral, and characters that need escaping.
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('b'),
            Just('Z'),
            Just('"'),
            Just('\\'),
            Just('\u{1}'),
            Just('\u{7f}'),
            Just('é'),
            Just('\u{e000}'),
            Just('\u{ff5e}'),
            Just('\u{1f600}'),
            Just('\u{10437}'),
            Just('€'),
        ],
        0..5,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53)..(1i64 << 53)).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        (-1e6f64..1e6).prop_map(|f| Value::from((f * 100.0).round() / 100.0)),
        key().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn agrees_with_serde_jcs(v in json_value()) {
        let oracle = serde_jcs::to_vec(&v).unwrap();
        for text in [serde_json::to_vec(&v).unwrap(), serde_json::to_vec_pretty(&v).unwrap()] {
            let ours = canon(&text);
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&oracle));
        }
    }
}
