//! Many small objects where no check reads them: an array of 375,000 `{"":0}` (2.6 MB) as
//! an unknown member of `signatures`, as `notes` (the schema wants a string) or as
//! `training.params` (an object). A serde_json object costs about 630 bytes however few
//! members it has (a B-tree with room for eleven), and `verify` parsed each such member
//! whole, `signatures` twice more (a copy for the schema validator, a copy for the
//! hash-mismatch diagnosis): 512 MB, 17.7 times a plain bundle of the same size, and
//! 276 MB (9.5 times) for `notes` and `training.params` (release build). Contract section
//! 1 bounds every input at 8 times; these now cost about what a plain bundle does. The
//! findings are those the whole values gave (spec 2: an unknown member of `signatures`
//! is covered by nothing and said so, by name; spec 4.1: `notes` is a string and
//! `training.params` an object, a `type` error quoting the start of the value).

mod common;
mod sigcommon;
use sigcommon::*;

const N: usize = 375_000;

fn small_objects() -> String {
    format!("[{}]", vec![r#"{"":0}"#; N].join(","))
}

/// The unsigned fixture (its hash right) with `from` replaced by `to`, written as `name`.
fn edited(name: &str, from: &str, to: &str) -> String {
    let base = std::fs::read_to_string(fx("unsigned.json")).expect("fixture");
    assert!(base.contains(from), "{from}");
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("aeb-small-objects-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let p = dir.join(name);
    std::fs::write(&p, base.replacen(from, to, 1)).expect("write");
    p.to_string_lossy().into_owned()
}

/// Line and column (1-based, in characters) of the value written after `key` in `path`.
fn position(path: &str, key: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(path).expect("read");
    let at = text.find(key).expect("key") + key.len();
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u64, column as u64)
}

/// Peak memory of `path` as a multiple of a plain bundle's of the same size (the fixture
/// with one long `notes`).
fn ratio(path: &str) -> f64 {
    ratio_with(path, &[])
}

/// [`ratio`], both run with `extra` (a profile).
fn ratio_with(path: &str, extra: &[&str]) -> f64 {
    let size = std::fs::metadata(path).expect("size").len() as usize;
    let base = std::fs::read_to_string(fx("unsigned.json")).expect("fixture").len();
    let long = format!("\"notes\": \"{}", "a".repeat(size.saturating_sub(base)));
    let plain = edited(&format!("plain-{size}.json"), "\"notes\": \"", &long);
    let args = |p: &str| -> Vec<String> {
        ["-q", "--now", NOW].iter().chain(extra).chain([&p]).map(|a| a.to_string()).collect()
    };
    let peak = |p: &str| common::peak_kib(&args(p).iter().map(String::as_str).collect::<Vec<_>>());
    let p = peak(&plain);
    let m = peak(path);
    assert!(p > 0 && m > 0, "read /proc: {p} {m}");
    let r = m as f64 / p as f64;
    eprintln!("{path}: {m} KiB against a plain bundle's {p} KiB: {r:.1}x");
    r
}

#[test]
fn an_unknown_member_of_signatures_is_named_not_parsed() {
    let path =
        bundle_with("signatures-junk.json", &format!("{{ \"sha256\": \"SHA\", \"junk\": {} }}", small_objects()));
    let r = run(&path, &[]);
    let f = r.whole("integrity.uncovered-member");
    assert_eq!(f.len(), 1, "{:?}", r.findings());
    assert_eq!(f[0]["pointer"], "/signatures/junk");
    assert_eq!(position(&path, "\"junk\": "), (f[0]["line"].as_u64().unwrap(), f[0]["column"].as_u64().unwrap()));
    assert!(r.whole("schema.invalid").is_empty(), "{:?}", r.findings());
    assert!(r.whole("integrity.hash-mismatch").is_empty(), "the hash covers no part of signatures");
    let m = ratio(&path);
    assert!(m < 4.0, "an unknown member of 375,000 small objects in signatures peaked at {m:.1} times a plain bundle");
}

#[test]
fn notes_and_params_of_small_objects_are_a_type_error_read_no_further() {
    let objects = small_objects();
    let quoted = format!("{}…", &objects[..objects.char_indices().nth(69).unwrap().0]);
    for (name, from, to, pointer) in [
        (
            "notes-objects.json",
            "\"notes\": \"Enterprise-scale synthetic data generation with proven efficiency and quality\"",
            format!("\"notes\": {objects}"),
            "/notes",
        ),
        (
            "params-objects.json",
            "\"params\": { \"max_depth\": 6 }",
            format!("\"params\": {objects}"),
            "/training/params",
        ),
    ] {
        let path = edited(name, from, &to);
        let r = run(&path, &[]);
        r.code(1);
        let f = r.whole("schema.invalid");
        assert_eq!(f.len(), 1, "{:?}", r.findings());
        assert_eq!(f[0]["pointer"], pointer);
        assert_eq!(f[0]["found"], quoted.as_str());
        let message = f[0]["message"].as_str().unwrap();
        assert!(message.starts_with(r#"[type] [{"":0},{"":0},"#) && message.ends_with('…'), "{message}");
        assert_eq!(message.chars().count(), "[type] ".len() + 200, "{message}");
        let at = position(&path, &format!("{}: ", from.split(':').next().unwrap()));
        assert_eq!(at, (f[0]["line"].as_u64().unwrap(), f[0]["column"].as_u64().unwrap()), "{pointer}");
        let m = ratio(&path);
        assert!(m < 4.0, "{pointer} of 375,000 small objects peaked at {m:.1} times a plain bundle");
    }
}

/// In the closed sections whose figures the audit reads, an unknown member of small
/// objects is a `schema.unknown-field` named by its pointer, and a list where a figure
/// belongs a `type` error; the audit read each section whole (10.5 times a plain bundle)
/// though it looks only at the figures the format names.
#[test]
fn small_objects_in_sections_of_figures_are_read_no_further() {
    let objects = small_objects();
    for (name, from, to, rule, pointer, key) in [
        (
            "cleaning-objects.json",
            "\"cleaning\": { ",
            format!("\"cleaning\": {{ \"junk\": {objects}, "),
            "schema.unknown-field",
            "/cleaning/junk",
            "\"junk\": ",
        ),
        (
            "epochs-objects.json",
            "\"epochs\": 45",
            format!("\"epochs\": {objects}"),
            "schema.invalid",
            "/performance_metrics/training/epochs",
            "\"epochs\": ",
        ),
    ] {
        let path = edited(name, from, &to);
        let r = run(&path, &[]);
        r.code(1);
        let f = r.whole(rule);
        assert_eq!(f.len(), 1, "{:?}", r.findings());
        assert_eq!(f[0]["pointer"], pointer);
        assert_eq!(
            position(&path, key),
            (f[0]["line"].as_u64().unwrap(), f[0]["column"].as_u64().unwrap()),
            "{pointer}"
        );
        let m = ratio(&path);
        assert!(m < 4.0, "{pointer} of 375,000 small objects peaked at {m:.1} times a plain bundle");
    }
}

/// The publishing profiles scan every string, number and member name of a bundle for
/// seeds, parameters and personal data: they walked each member as a serde_json tree, so
/// `training.params` holding 375,000 `{"":0}` (2.6 MB) cost 270 MB under `--profile
/// public`, 10.6 times a plain bundle (contract section 1: at most 8), and the same in
/// `notes` or a claims section likewise. They now walk the member's canonical text. The
/// findings are those the tree gave: `training.params` is present (spec 6.1), and `notes`
/// is not a string (spec 4.1).
#[test]
fn small_objects_under_the_publishing_profiles_are_scanned_without_a_tree() {
    let objects = small_objects();
    for (name, from, to, profile, pointer, key) in [
        (
            "params-objects-public.json",
            "\"params\": { \"max_depth\": 6 }".to_owned(),
            format!("\"params\": {objects}"),
            "public",
            "/training/params",
            "\"params\": ",
        ),
        (
            "notes-objects-marketplace.json",
            "\"notes\": \"Enterprise-scale synthetic data generation with proven efficiency and quality\"".to_owned(),
            format!("\"notes\": {objects}"),
            "marketplace",
            "/notes",
            "\"notes\": ",
        ),
    ] {
        let path = edited(name, &from, &to);
        let r = run(&path, &["--profile", profile]);
        r.code(1);
        let rule = if pointer == "/notes" { "schema.invalid" } else { "redaction.training-params" };
        let f = r.whole(rule);
        assert_eq!(f.len(), 1, "{name}: {:?}", r.findings());
        assert_eq!(f[0]["pointer"], pointer);
        let at = position(&path, key);
        assert_eq!(at, (f[0]["line"].as_u64().unwrap(), f[0]["column"].as_u64().unwrap()), "{name}");
        // nothing else of the profile: no name, string or number there says anything
        let j = r.json();
        let others: Vec<_> = j["bundles"][0]["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["rule"].as_str().is_some_and(|r| r.starts_with("redaction.")))
            .filter(|f| f["pointer"] != "/training/params" && f["pointer"] != "/run_seed")
            .collect();
        assert!(others.is_empty(), "{name}: {others:?}");
        let m = ratio_with(&path, &["--profile", profile]);
        assert!(m < 4.0, "{name}: 375,000 small objects peaked at {m:.1} times a plain bundle");
    }
}

/// The claims are strings in `enterprise_validation`, and the claims and marketplace
/// readers read nothing else there; the audit read the section as a tree, so 375,000
/// `{"":0}` as `scale_proven` cost 265 MB, 10.8 times a plain bundle (9.4 without a
/// profile). The section is now read cut short where the schema does not look, as the
/// closed sections of figures are: `scale_proven` is not a string (spec 4.1), and no
/// claim of it is read.
#[test]
fn small_objects_as_a_claim_are_read_no_further() {
    let objects = small_objects();
    let from = "\"scale_proven\": \"";
    let base = std::fs::read_to_string(fx("unsigned.json")).expect("fixture");
    let start = base.find(from).expect("scale_proven") + from.len() - 1;
    let end = start + 1 + base[start + 1..].find('"').expect("end of the claim");
    let claim = &base[start..=end];
    for profile in [None, Some("marketplace")] {
        let name = format!("claim-objects-{}.json", profile.unwrap_or("none"));
        let path = edited(&name, &format!("\"scale_proven\": {claim}"), &format!("\"scale_proven\": {objects}"));
        let extra: Vec<&str> = profile.map(|p| vec!["--profile", p]).unwrap_or_default();
        let r = run(&path, &extra);
        r.code(1);
        let f = r.whole("schema.invalid");
        let f: Vec<_> = f.iter().filter(|f| f["pointer"] == "/enterprise_validation/scale_proven").collect();
        assert_eq!(f.len(), 1, "{name}: {:?}", r.findings());
        let at = position(&path, "\"scale_proven\": ");
        assert_eq!(at, (f[0]["line"].as_u64().unwrap(), f[0]["column"].as_u64().unwrap()), "{name}");
        let m = ratio_with(&path, &extra);
        assert!(m < 4.0, "{name}: 375,000 small objects as a claim peaked at {m:.1} times a plain bundle");
    }
}

/// `signatures.pgp` and `signatures.kms` holding 375,000 `{"":0}`: each entry holds no
/// signature (`sig.form`, `sig.kms.malformed`) and has a member the format does not define
/// (`integrity.uncovered-member`), and past `--max-signatures` (32) entries are not
/// examined (`sig.too-many`, spec 3). The signature stages parsed every entry into a
/// serde_json tree, and the schema validator got another: 12.0 times a plain bundle
/// (benches/hostile-memory.sh). Only the first 32 entries need reading, and the schema
/// finds every entry valid (`items: {type: object}`), so the findings are the same whole
/// or cut: the first 100 of each rule listed, the rest counted.
#[test]
fn signature_arrays_of_small_objects_are_counted_past_the_cap() {
    for member in ["pgp", "kms"] {
        let path = bundle_with(
            &format!("signatures-{member}-objects.json"),
            &format!("{{ \"sha256\": \"SHA\", \"{member}\": {} }}", small_objects()),
        );
        let r = run(&path, &[]);
        r.code(1);
        let uncovered = r.whole("integrity.uncovered-member");
        assert_eq!(uncovered.len(), 101, "{member}: 100 listed and one 'and N more'");
        assert_eq!(uncovered[0]["pointer"], format!("/signatures/{member}/0/"));
        let more = uncovered[100]["message"].as_str().unwrap();
        assert!(more.starts_with(&format!("and {} more integrity.uncovered-member", N - 100)), "{member}: {more}");
        assert_eq!(uncovered[100]["pointer"], format!("/signatures/{member}/100/"));
        let at = position(&path, &format!("\"{member}\": [{{\"\":"));
        assert_eq!((uncovered[0]["line"].as_u64().unwrap(), uncovered[0]["column"].as_u64().unwrap()), at);
        // an OpenPGP entry without a `signature` string is no entry (`sig.form`); a KMS
        // object without its strings is a malformed KMS signature
        let rule = if member == "pgp" { "sig.form" } else { "sig.kms.malformed" };
        let form = r.whole(rule);
        assert_eq!(form.len(), 32, "{member}: the first --max-signatures entries examined: {form:?}");
        assert_eq!(form[0]["pointer"], format!("/signatures/{member}/0"));
        let many = r.whole("sig.too-many");
        assert_eq!(many.len(), 1, "{member}");
        assert_eq!(many[0]["pointer"], "/signatures");
        assert!(r.whole("schema.invalid").is_empty(), "{member}: every entry is an object: {:?}", r.findings());
        let m = ratio(&path);
        assert!(m < 4.0, "signatures.{member} of 375,000 small objects peaked at {m:.1} times a plain bundle");
    }
}

/// Entries that are not objects, each a list holding a small object (290,000 `[{"":0}]`,
/// 2.6 MB): the schema's `items` finds each a `type` error (spec 4.1: the first 100 in
/// pointer order listed, quoting the entry, the rest counted), and the signature checks
/// look at the first 32 (`sig.form`; `sig.too-many`). The schema's stand-in held every
/// entry as a list and a map: 290 MB, 11 times a plain bundle (19 times before the
/// entries past --max-signatures were counted, not parsed).
#[test]
fn signature_arrays_of_small_lists_are_type_errors_counted_past_the_cap() {
    const LISTS: usize = 290_000;
    for member in ["pgp", "kms"] {
        let lists = format!("[{}]", vec![r#"[{"":0}]"#; LISTS].join(","));
        let path = bundle_with(
            &format!("signatures-{member}-lists.json"),
            &format!("{{ \"sha256\": \"SHA\", \"{member}\": {lists} }}"),
        );
        let r = run(&path, &[]);
        r.code(1);
        let f = r.whole("schema.invalid");
        assert_eq!(f.len(), 101, "{member}: 100 listed and one 'and N more'");
        assert_eq!(f[0]["pointer"], format!("/signatures/{member}/0"));
        assert_eq!(f[0]["found"], r#"[{"":0}]"#);
        let at = position(&path, &format!("\"{member}\": ["));
        assert_eq!((f[0]["line"].as_u64().unwrap(), f[0]["column"].as_u64().unwrap()), at);
        let more = f[100]["message"].as_str().unwrap();
        assert!(more.starts_with(&format!("and {} more schema.invalid", LISTS - 100)), "{member}: {more}");
        assert_eq!(r.whole("sig.too-many").len(), 1, "{member}");
        let m = ratio(&path);
        assert!(m < 6.0, "signatures.{member} of 290,000 small lists peaked at {m:.1} times a plain bundle");
    }
}
