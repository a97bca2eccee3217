//! `diff` on two arbitrary bundles (cargo fuzz run -s none diff): the input is OLD, a NUL
//! byte, then NEW (a NUL cannot stand raw in JSON, so no readable bundle holds one).
//! When both read strictly, as `aeb-verify diff` reads them:
//! - no panic in any format (human, json, markdown);
//! - no report carries a raw control or invisible format character other than a
//!   newline, nor a CI log command (`##[`, `##vso[`, `##teamcity[`, a line starting `::`);
//! - the JSON report parses, and its `identical_payloads` is the Diff's;
//! - `identical_payloads` agrees with an independent path: serde_json parses each file,
//!   `signatures` removed, serde_jcs canonicalizes it, the two byte strings compared
//!   (when reading raised no finding at all, so serde_json sees what the reader saw:
//!   no duplicate name, no number beyond what serde_json keeps);
//! - two identical payloads list no payload change, and a listed change means they differ.
#![no_main]

use aeb_verify::cli::DiffFormat;
use aeb_verify::read::{self, Limits};
use libfuzzer_sys::fuzz_target;

fn payload_jcs(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    v.as_object_mut()?.remove("signatures");
    serde_jcs::to_vec(&v).ok()
}

fn check_text(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| c != '\n' && aeb_verify::text::is_hidden(c)) {
        panic!("diff {what} printed U+{:04X} raw", u32::from(c));
    }
    for command in ["##[", "##vso[", "##teamcity["] {
        assert!(!text.contains(command), "diff {what} carries the log command {command}");
    }
    assert!(!text.lines().any(|l| l.trim_start().starts_with("::")), "diff {what} has a line starting ::");
}

fuzz_target!(|data: &[u8]| {
    let Some(at) = data.iter().position(|&b| b == 0) else { return };
    let (old_bytes, new_bytes) = (&data[..at], &data[at + 1..]);
    let limits = Limits::default();
    let old = read::read(old_bytes.to_vec(), &limits);
    let new = read::read(new_bytes.to_vec(), &limits);
    let (Some(old_doc), Some(new_doc)) = (&old.document, &new.document) else { return };
    let (old_trees, new_trees) = (aeb_verify::diff::Trees::new(old_doc), aeb_verify::diff::Trees::new(new_doc));
    let d = aeb_verify::diff::diff(&old_trees, &new_trees);
    for format in [DiffFormat::Human, DiffFormat::Json, DiffFormat::Markdown] {
        let mut out = Vec::new();
        aeb_verify::diff::render(&d, format, "old\u{1b}.json", "new.json", &mut out).expect("writing to memory");
        let text = String::from_utf8(out).expect("the diff report is UTF-8");
        check_text(&format!("{format:?}"), &text);
        if format == DiffFormat::Json {
            let v: serde_json::Value = serde_json::from_str(&text).expect("the JSON diff parses");
            assert_eq!(v["identical_payloads"], d.identical_payloads(), "JSON identical_payloads");
        }
    }
    if d.identical_payloads() {
        assert_eq!(d.changes.total, 0, "identical payloads, yet payload changes listed");
    }
    if old.findings.is_empty() && new.findings.is_empty() {
        if let (Some(a), Some(b)) = (payload_jcs(old_bytes), payload_jcs(new_bytes)) {
            assert_eq!(d.identical_payloads(), a == b, "identical_payloads disagrees with serde_jcs");
        }
    }
});
