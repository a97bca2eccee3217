//! Every rule id a test names exists in the catalogue, so no test passes vacuously by
//! asserting about a rule that cannot fire (src/overrides.rs once tested
//! `read.duplicate-key`, which does not exist). The only ids allowed to be unknown are
//! deliberate misspellings of a real one or of a group of them (within two edits), which
//! tests use to check the "did you mean" suggestions.

mod common;
use common::files_with_extension;

use aeb_verify::rules;
use aeb_verify::text::edit_distance;
use std::path::Path;

#[test]
fn every_rule_id_named_in_code_and_tests_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        files_with_extension(&root.join(dir), "rs", &mut files);
    }
    let sections = rules::all().map(|r| r.id.split('.').next().unwrap_or_default()).collect::<Vec<_>>().join("|");
    let id = regex::Regex::new(&format!(r#""((?:{sections})\.[a-z0-9]+(?:[.-][a-z0-9]+)*)""#)).unwrap();
    // Rule ids, and the groups `--allow/--warn/--deny` take (`sig.kms`: an id's prefix
    // that ends before a dot).
    let mut known: Vec<&str> = rules::all().map(|r| r.id).collect();
    known.extend(rules::groups());
    let mut named = 0;
    let mut unknown = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for c in id.captures_iter(&text) {
            let name = &c[1];
            // File names (schema.json) are not rule ids.
            if [".json", ".rs", ".md", ".asc", ".pem", ".der"].iter().any(|x| name.ends_with(x)) {
                continue;
            }
            named += 1;
            if known.contains(&name) {
                continue;
            }
            let nearest = known.iter().map(|k| edit_distance(name, k)).min().unwrap_or(usize::MAX);
            if nearest > 2 {
                unknown.push(format!("{}: \"{name}\"", f.strip_prefix(root).unwrap_or(f).display()));
            }
        }
    }
    assert!(named > 100, "the scan found only {named} ids: the pattern is broken");
    assert!(unknown.is_empty(), "rule ids that are not in the catalogue: {unknown:#?}");
}
