//! The schema check's quick proof of validity (src/schema/proof.rs) against the
//! `jsonschema` crate, the implementation that otherwise decides and explains: on every
//! fixture and on thousands of mutations of the seed, whatever the proof accepts,
//! `jsonschema` accepts too. The proof may decline a valid bundle (then `jsonschema`
//! decides, as before); it must never pass an invalid one.

mod common;
use common::*;
use serde_json::{json, Value};

fn known_members(v: &Value) -> Value {
    let schema: Value = serde_json::from_str(aeb_verify::schema::SCHEMA_TEXT).unwrap();
    let known = schema["properties"].as_object().unwrap();
    match v {
        Value::Object(m) => Value::Object(
            m.iter().filter(|(k, _)| known.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
        ),
        other => other.clone(),
    }
}

/// Checks one instance; returns (proved, valid).
fn judge(instance: &Value, what: &str) -> (bool, bool) {
    let proved = aeb_verify::schema::proved_valid(instance);
    assert_eq!(proved, aeb_verify::schema::proved_valid_whole(instance), "member by member and whole: {what}");
    let valid = aeb_verify::schema::jsonschema_valid(instance).unwrap();
    assert!(!proved || valid, "the proof accepts what jsonschema rejects: {what}\n{instance:#}");
    (proved, valid)
}

#[test]
fn the_shipped_schema_is_one_the_proof_handles() {
    assert_eq!(aeb_verify::schema::proof_applies(), Ok(()));
}

#[test]
fn every_fixture_the_proof_accepts_is_valid_and_it_proves_the_plain_valid_ones() {
    let mut files = Vec::new();
    files_with_extension(&fixture(""), "json", &mut files);
    files.sort();
    let (mut checked, mut proved, mut valid) = (0, 0, 0);
    let mut declined = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
        if !v.is_object() {
            continue;
        }
        let instance = known_members(&v);
        let (p, ok) = judge(&instance, &f.display().to_string());
        checked += 1;
        proved += usize::from(p);
        valid += usize::from(ok);
        if ok && !p {
            declined.push(f.strip_prefix(fixture("")).unwrap().display().to_string());
        }
    }
    assert!(checked > 300 && valid > 250, "checked {checked}, valid {valid}");
    // What the proof leaves to jsonschema among valid fixtures, each for a documented
    // reason (see proof.rs): nothing else may be declined, or the quick path is lost.
    // A leap second is jsonschema's to judge (it accepts 23:59:60 UTC on any day).
    let expected_declined: Vec<&str> = vec![
        "audit/audit-generated-at-leap-second.json",
        "audit/pass-generated-at-leap-second.json",
        "context/diff/leap-second-half.json",
        "context/diff/leap-second.json",
    ];
    assert_eq!(declined, expected_declined, "proved {proved} of {valid} valid fixtures");
}

/// A seed-sized bundle the schema accepts (the seed itself does not: its hashes are "...").
fn base() -> Value {
    let text = std::fs::read_to_string(fixture("signatures/bundles/pgp-ed25519.json")).unwrap();
    known_members(&serde_json::from_str(&text).unwrap())
}

/// Every value in a seed-sized bundle, replaced in turn by each of these; every object given an
/// unknown member; every member removed.
#[test]
fn mutations_of_a_valid_bundle_never_pass_wrongly() {
    let seed = base();
    let (p, ok) = judge(&seed, "the base bundle");
    assert!(p && ok, "the base bundle is proved valid");
    let replacements = [
        json!(null),
        json!(true),
        json!(0),
        json!(-0.0),
        json!(-1),
        json!(0.5),
        json!(1),
        json!(1.0),
        json!(1.5),
        json!(100),
        json!(100.0000001),
        json!(101),
        json!(-1e-300),
        json!(1e300),
        json!(18446744073709551615_u64),
        json!(-9223372036854775808_i64),
        json!(""),
        json!("1.0"),
        json!("1.0.0"),
        json!("01.2.3"),
        json!("1.2.3-rc.1+build.5"),
        json!("1.2.3-01"),
        json!("1.2.3\n"),
        json!("2026-11-25T00:00:00Z"),
        json!("2026-11-25t00:00:00z"),
        json!("2026-11-25T23:59:60Z"),
        json!("2026-11-25T12:00:60Z"),
        json!("2026-11-25T00:59:60+01:00"),
        json!("2026-02-29T00:00:00Z"),
        json!("2024-02-29T00:00:00+14:00"),
        json!("2026-11-25T00:00:00.5-00:00"),
        json!("2026-11-25"),
        json!(format!("2026-11-25T00:00:00.{}Z", "1".repeat(2000))),
        json!("a".repeat(2000)),
        json!(format!("1.2.3-{}", "a".repeat(2000))),
        json!("a".repeat(64)),
        json!("A".repeat(64)),
        json!("g".repeat(64)),
        json!("a".repeat(63)),
        json!(format!("{}\n", "a".repeat(64))),
        json!([]),
        json!([{}]),
        json!([1]),
        json!({}),
        json!({"x": 1}),
    ];
    let mut pointers = Vec::new();
    collect(&seed, String::new(), &mut pointers);
    let (mut cases, mut proved) = (0, 0);
    for ptr in &pointers {
        for r in &replacements {
            let mut m = seed.clone();
            if ptr.is_empty() {
                m = r.clone();
            } else {
                *m.pointer_mut(ptr).unwrap() = r.clone();
            }
            let (p, _) = judge(&m, &format!("{ptr} = {r}"));
            cases += 1;
            proved += usize::from(p);
        }
        let here = seed.pointer(ptr).unwrap();
        if here.is_object() {
            let mut m = seed.clone();
            m.pointer_mut(ptr).unwrap().as_object_mut().unwrap().insert("unknown_member".into(), json!(1));
            judge(&m, &format!("{ptr} + unknown member"));
            cases += 1;
        }
        if let Some((parent, name)) = ptr.rsplit_once('/') {
            let mut m = seed.clone();
            if let Some(o) = m.pointer_mut(parent).and_then(Value::as_object_mut) {
                o.remove(name);
                judge(&m, &format!("{ptr} removed"));
                cases += 1;
            }
        }
    }
    assert!(cases > 1000 && proved > 100, "{cases} cases, {proved} proved");
}

/// The schema's own corner: members under `signatures` the schema describes.
#[test]
fn signature_shapes() {
    let seed = base();
    for (name, value) in [
        ("pgp", json!(null)),
        ("pgp", json!("-----BEGIN PGP SIGNATURE-----")),
        ("pgp", json!({"signature": "x"})),
        ("pgp", json!([{"signature": "x"}])),
        ("pgp", json!(["x"])),
        ("pgp", json!(1)),
        ("kms", json!("x")),
        ("kms", json!([{}, {}])),
        ("kms", json!([null])),
        ("key_id", json!(7)),
        ("sha256", json!(null)),
        ("extra", json!({})),
    ] {
        let mut m = seed.clone();
        m["signatures"][name] = value.clone();
        judge(&m, &format!("signatures/{name} = {value}"));
    }
}

fn collect(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                collect(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                collect(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A long `app_version` that breaks the semantic-version pattern only at its end: the
/// proof leaves strings over 1 KiB to jsonschema (regex-lite's PikeVM took 2 s over
/// 8 MiB of it), and jsonschema reports the one violation at its pointer.
#[test]
fn a_long_version_string_is_left_to_jsonschema_and_reported_there() {
    let mut b: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap()).unwrap();
    b["app_version"] = json!(format!("1.2.3-{}!", "a".repeat(1 << 20)));
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("long-app-version.json");
    std::fs::write(&path, serde_json::to_vec(&b).unwrap()).unwrap();
    let r = run(&["--format", "json", "--now", NOW, path.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let schema: Vec<&Value> =
        v["bundles"][0]["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "schema.invalid").collect();
    assert_eq!(schema.len(), 1, "{schema:?}");
    assert_eq!(schema[0]["pointer"], "/app_version");
    assert!(schema[0]["message"].as_str().unwrap().starts_with("[pattern]"), "{}", schema[0]["message"]);
}

mod random {
    //! Random values, shaped to come near the schema's edges (digits, separators, hex,
    //! small and boundary numbers), put at random places of a valid bundle: whatever
    //! the proof accepts, jsonschema must accept too.
    use super::*;
    use proptest::prelude::*;

    fn near_edges_string() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9aAfFgT:.+\\-Zz]{0,70}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?([Zz]|[+-][0-9]{2}:[0-9]{2})",
            "(0|[1-9][0-9]?|0[0-9])\\.[0-9]{1,2}\\.[0-9]{1,2}(-[0-9a-z.\\-]{0,8})?(\\+[0-9a-z.\\-]{0,8})?\n?",
            "[0-9a-fA-F]{62,66}\n?",
        ]
    }

    fn number() -> impl Strategy<Value = Value> {
        prop_oneof![
            (-3i64..=102).prop_map(Value::from),
            prop::sample::select(vec![
                -1e-300,
                -0.0,
                0.0,
                1e-300,
                0.5,
                0.9999999999999999,
                1.0,
                1.0000000000000002,
                99.99,
                100.0,
                100.00000000000001,
                1e300
            ])
            .prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            number(),
            near_edges_string().prop_map(Value::from),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn the_proof_never_accepts_what_jsonschema_rejects(at in 0usize..1000, v in value(), add in any::<bool>()) {
            let mut b = base();
            let mut pointers = Vec::new();
            collect(&b, String::new(), &mut pointers);
            let ptr = &pointers[at % pointers.len()];
            let target = b.pointer_mut(ptr).unwrap();
            match (add, target.as_object_mut()) {
                // A new member of an object, named like one the schema knows or not.
                (true, Some(o)) => { o.insert(["sha256", "epsilon", "x", "pgp", "kms"][at % 5].to_owned(), v); }
                _ => *target = v,
            }
            let proved = aeb_verify::schema::proved_valid(&b);
            prop_assert_eq!(proved, aeb_verify::schema::proved_valid_whole(&b));
            let valid = aeb_verify::schema::jsonschema_valid(&b).unwrap();
            prop_assert!(!proved || valid, "the proof accepts what jsonschema rejects at {}: {:#}", ptr, b);
        }
    }
}

/// Shapes the mutations and the random values come near only by chance, each put where
/// the schema asks something of it: date-times with odd offsets, long fractions, leap
/// seconds away from 23:59 UTC and non-ASCII digits; versions and hashes with non-ASCII
/// digits, letters that fold to ASCII (`K` U+212A, `ſ`) and line ends; integers written
/// as floats (2020-12 counts `1.0` and `1e2` as integers; the proof leaves them to
/// jsonschema); bounds met by -0, subnormals and huge values; look-alike and zero-width
/// member names in closed sections. Whatever the proof accepts, jsonschema accepts.
#[test]
fn shapes_near_the_keywords_edges() {
    let seed = base();
    let times = [
        "0000-01-01T00:00:00-23:59",
        "9999-12-31T23:59:59+23:59",
        "2026-11-25T00:00:00-00:00",
        "2026-11-25T00:00:00+00:60",
        "2026-11-25T00:00:00.0000000000001Z",
        "2026-11-25T00:00:60Z",
        "2026-11-25T23:59:60+01:00",
        "2026-11-26T00:29:60+00:30",
        "2026-11-25T00:00:00\u{0}Z",
        "2026-11-25T00:00:00.\u{661}Z",
        "\u{661}026-11-25T00:00:00Z",
        "2026-11-25T00:00:00\u{ff3a}",
    ];
    let versions = [
        "1.2.3-\u{661}",
        "\u{661}.2.3",
        "1.2.3-0a",
        "1.2.3-00",
        "1.2.3-",
        "1.2.3+",
        "1.2.3-a..b",
        "1.2.3\r",
        "1.2.3\u{2028}",
        "1.2.3-\u{ff41}",
        "1.2.3-\u{212a}",
        "1.2.3-\u{17f}",
    ];
    let hex = |tail: &str| json!(format!("{}{tail}", "a".repeat(63)));
    let mut cases: Vec<(&str, Value)> = Vec::new();
    cases.extend(times.iter().map(|t| ("/generated_at", json!(t))));
    cases.extend(versions.iter().map(|v| ("/app_version", json!(v))));
    cases.extend(
        [hex("\u{661}"), hex("\u{212a}"), hex("\u{ff41}"), json!("\u{661}".repeat(64))].map(|h| ("/schema_hash", h)),
    );
    for n in [json!(1.0), json!(1e2), json!(-0.0), json!(1e300), json!(u64::MAX), json!(i64::MIN)] {
        cases.push(("/run_seed", n.clone()));
        cases.push(("/cleaning/rows_removed", n));
    }
    for n in [-0.0, 1e-320, 5e-324, -5e-324, 1e308, 0.9999999999999999, 1.0000000000000002] {
        cases.push(("/privacy/epsilon", json!(n)));
        cases.push(("/privacy/synthetic_ratio", json!(n)));
    }
    for (ptr, v) in cases {
        let mut m = seed.clone();
        *m.pointer_mut(ptr).unwrap() = v.clone();
        judge(&m, &format!("{ptr} = {v}"));
    }
    for name in ["ep\u{455}ilon", "epsilon\u{200b}", "Epsilon", "epsilon ", "\u{65}psilon\u{301}"] {
        let mut m = seed.clone();
        m["privacy"][name] = json!(1);
        let (p, ok) = judge(&m, &format!("/privacy + {name:?}"));
        assert!(!p && !ok, "an unknown member of a closed section: {name:?}");
    }
}
