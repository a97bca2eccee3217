//! `aeb-verify diff OLD NEW`: what changed between two bundles of one dataset (spec
//! section 8, "Two bundles"): member by member, each number's relative change, the
//! signatures section and who signed, and whether NEW is newer than OLD.

use crate::cli::DiffFormat;
use crate::finding::child;
use crate::read::{Document, SIGNATURES};
use serde::Serialize;
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The report's version: bump on an incompatible change of the JSON form.
pub const DIFF_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub pointer: String,
    pub change: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// (new - old) / |old|, for two numbers with old not zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative_change: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub identical_payloads: bool,
    pub changes: Vec<Change>,
    pub signature_changes: Vec<Change>,
    /// Who signed, as each bundle says it (OpenPGP issuer fingerprint or key id, KMS
    /// key_id); unauthenticated: diff holds no keys.
    pub old_signers: Vec<String>,
    pub new_signers: Vec<String>,
    pub old_generated_at: Option<String>,
    pub new_generated_at: Option<String>,
    /// Some(true) when NEW's generated_at is after OLD's; None when one cannot be read.
    pub new_is_newer: Option<bool>,
}

impl Diff {
    pub fn identical_payloads(&self) -> bool {
        self.identical_payloads
    }

    pub fn signers_changed(&self) -> bool {
        self.old_signers != self.new_signers
    }
}

pub fn diff(old: &Document, new: &Document) -> Diff {
    let (old_v, new_v) = (old.value(), new.value());
    let mut changes = Vec::new();
    let mut signature_changes = Vec::new();
    let empty = serde_json::Map::new();
    let (om, nm) = (old_v.as_object().unwrap_or(&empty), new_v.as_object().unwrap_or(&empty));
    for (name, o, n) in union(om, nm) {
        let out = if name == SIGNATURES { &mut signature_changes } else { &mut changes };
        walk(&child("", name), o, n, out);
    }
    let old_generated_at = generated_at(&old_v);
    let new_generated_at = generated_at(&new_v);
    let new_is_newer = match (parse_time(old_generated_at.as_deref()), parse_time(new_generated_at.as_deref())) {
        (Some(o), Some(n)) => Some(n > o),
        _ => None,
    };
    Diff {
        identical_payloads: old.payload() == new.payload(),
        changes,
        signature_changes,
        old_signers: signers(old),
        new_signers: signers(new),
        old_generated_at,
        new_generated_at,
        new_is_newer,
    }
}

/// The members of two objects in name order, each with its value on either side.
fn union<'a>(
    o: &'a serde_json::Map<String, Value>,
    n: &'a serde_json::Map<String, Value>,
) -> Vec<(&'a String, Option<&'a Value>, Option<&'a Value>)> {
    let mut names: Vec<&String> = o.keys().chain(n.keys().filter(|k| !o.contains_key(*k))).collect();
    names.sort();
    names.into_iter().map(|k| (k, o.get(k), n.get(k))).collect()
}

fn walk(pointer: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Change>) {
    match (old, new) {
        (None, None) => {}
        (Some(o), None) => out.push(Change {
            pointer: pointer.to_owned(),
            change: Kind::Removed,
            old: Some(o.clone()),
            new: None,
            relative_change: None,
        }),
        (None, Some(n)) => out.push(Change {
            pointer: pointer.to_owned(),
            change: Kind::Added,
            old: None,
            new: Some(n.clone()),
            relative_change: None,
        }),
        (Some(Value::Object(o)), Some(Value::Object(n))) => {
            for (name, ov, nv) in union(o, n) {
                walk(&child(pointer, name), ov, nv, out);
            }
        }
        (Some(Value::Array(o)), Some(Value::Array(n))) => {
            for i in 0..o.len().max(n.len()) {
                walk(&child(pointer, &i.to_string()), o.get(i), n.get(i), out);
            }
        }
        (Some(o), Some(n)) => {
            if same(o, n) {
                return;
            }
            let relative_change = match (o.as_f64(), n.as_f64()) {
                (Some(a), Some(b)) if a != 0.0 && a.is_finite() && b.is_finite() => {
                    // b - a overflows for figures near the range's ends (1e308 -> -1e308
                    // showed as -inf%): then the same change taken apart, and none when
                    // the change itself is beyond the range (every format then agrees).
                    let d = b - a;
                    let r = if d.is_finite() { d / a.abs() } else { b / a.abs() - a.signum() };
                    Some(r).filter(|r| r.is_finite())
                }
                _ => None,
            };
            out.push(Change {
                pointer: pointer.to_owned(),
                change: Kind::Changed,
                old: Some(o.clone()),
                new: Some(n.clone()),
                relative_change,
            });
        }
    }
}

/// Equal as the payload sees it: numbers by value (1.0 and 1 are one RFC 8785 number).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn generated_at(v: &Value) -> Option<String> {
    v.get("generated_at")?.as_str().map(str::to_owned)
}

fn parse_time(s: Option<&str>) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s?, &Rfc3339).ok()
}

/// Who each signature names as its signer, without verifying anything.
fn signers(doc: &Document) -> Vec<String> {
    let opts = crate::options::Options::new(OffsetDateTime::UNIX_EPOCH);
    let mut scratch = crate::finding::Outcome::default();
    let mut ids: Vec<String> = crate::signatures::check(doc, &opts, &mut scratch)
        .into_iter()
        .map(|row| {
            let who = row.issuer.or(row.claimed_key_id).unwrap_or_else(|| "unknown signer".to_owned());
            format!("{} {who}", row.kind)
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Text from a bundle or a file name, safe to print (see `text::escape_control`).
fn esc(s: &str) -> String {
    crate::text::escape_control(s).into_owned()
}

/// A value on one line, shortened; strings in JSON quotes.
fn shown(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".to_owned(),
        Some(v) => esc(&crate::text::ellipsize(&v.to_string(), 120)),
    }
}

fn percent(r: f64) -> String {
    let sign = if r > 0.0 { "+" } else { "" };
    format!("{sign}{}%", crate::audit::facts::format_computed(r * 100.0))
}

pub fn render(d: &Diff, format: DiffFormat, old: &str, new: &str) -> String {
    match format {
        DiffFormat::Human => human(d, old, new),
        DiffFormat::Json => machine(d, old, new),
        DiffFormat::Markdown => markdown(d, old, new),
    }
}

fn human_line(c: &Change) -> String {
    let kind = match c.change {
        Kind::Added => "added  ",
        Kind::Removed => "removed",
        Kind::Changed => "changed",
    };
    let mut s = format!("  {kind} {}: ", esc(&c.pointer));
    match c.change {
        Kind::Added => s.push_str(&shown(c.new.as_ref())),
        Kind::Removed => s.push_str(&shown(c.old.as_ref())),
        Kind::Changed => s.push_str(&format!("{} -> {}", shown(c.old.as_ref()), shown(c.new.as_ref()))),
    }
    if let Some(r) = c.relative_change {
        s.push_str(&format!(" ({})", percent(r)));
    }
    s.push('\n');
    s
}

fn human(d: &Diff, old: &str, new: &str) -> String {
    let mut s = format!("OLD {}\nNEW {}\n", esc(old), esc(new));
    s.push_str(&format!("\nPayload: {} change(s)\n", d.changes.len()));
    for c in &d.changes {
        s.push_str(&human_line(c));
    }
    s.push_str(&format!("\nSignatures section: {} change(s)\n", d.signature_changes.len()));
    for c in &d.signature_changes {
        s.push_str(&human_line(c));
    }
    let list = |v: &[String]| if v.is_empty() { "none".to_owned() } else { esc(&v.join(", ")) };
    if d.signers_changed() {
        s.push_str(&format!(
            "\nSigner changed (as the bundles name it, not verified): {} -> {}\n",
            list(&d.old_signers),
            list(&d.new_signers)
        ));
    } else {
        s.push_str(&format!("\nSigner unchanged (as the bundles name it, not verified): {}\n", list(&d.old_signers)));
    }
    s.push_str(&generated_note(d, esc, "warning:"));
    s.push('\n');
    s.push_str(if d.identical_payloads { "IDENTICAL payloads\n" } else { "DIFFERENT payloads\n" });
    s
}

/// The generated_at line, each bundle's value shown by `quote` (escaped text for the
/// terminal, a code span for Markdown, where raw text could open a link or HTML).
fn generated_note(d: &Diff, quote: fn(&str) -> String, warning: &str) -> String {
    let o = d.old_generated_at.as_deref().map(quote).unwrap_or_else(|| "(absent)".to_owned());
    let n = d.new_generated_at.as_deref().map(quote).unwrap_or_else(|| "(absent)".to_owned());
    match d.new_is_newer {
        Some(true) => format!("generated_at: {o} -> {n} (NEW is newer)\n"),
        Some(false) if d.identical_payloads => format!("generated_at: {n} in both\n"),
        Some(false) => format!("{warning} NEW's generated_at {n} is not after OLD's {o}\n"),
        None => format!("{warning} generated_at cannot be compared ({o} -> {n}): not both RFC 3339 times\n"),
    }
}

fn machine(d: &Diff, old: &str, new: &str) -> String {
    let doc = json!({
        "diff_version": DIFF_VERSION,
        "old": old,
        "new": new,
        "identical_payloads": d.identical_payloads,
        "changes": d.changes,
        "signature_changes": d.signature_changes,
        "signers": { "old": d.old_signers, "new": d.new_signers, "changed": d.signers_changed() },
        "generated_at": { "old": d.old_generated_at, "new": d.new_generated_at, "new_is_newer": d.new_is_newer },
    });
    let mut s = crate::text::json_escape_hidden(serde_json::to_string_pretty(&doc).unwrap_or_default());
    s.push('\n');
    s
}

/// A table cell: the verify report's code span, which no bar, backtick run or newline
/// can break, and which shows a backtick as itself.
fn cell(s: &str) -> String {
    crate::report::markdown::cell_code(s)
}

fn markdown(d: &Diff, old: &str, new: &str) -> String {
    let mut s = format!("# Changes from {} to {}\n\n", cell(old), cell(new));
    s.push_str(if d.identical_payloads { "**Identical payloads.**\n" } else { "**Payloads differ.**\n" });
    for (title, changes) in [("Payload", &d.changes), ("Signatures section", &d.signature_changes)] {
        s.push_str(&format!("\n## {title}: {} change(s)\n", changes.len()));
        if changes.is_empty() {
            continue;
        }
        s.push_str("\n| Pointer | Change | Old | New | Relative change |\n|---|---|---|---|---|\n");
        for c in changes.iter() {
            let kind = match c.change {
                Kind::Added => "added",
                Kind::Removed => "removed",
                Kind::Changed => "changed",
            };
            let old_cell =
                c.old.as_ref().map(|v| cell(&crate::text::ellipsize(&v.to_string(), 120))).unwrap_or_default();
            let new_cell =
                c.new.as_ref().map(|v| cell(&crate::text::ellipsize(&v.to_string(), 120))).unwrap_or_default();
            s.push_str(&format!(
                "| {} | {kind} | {old_cell} | {new_cell} | {} |\n",
                cell(&c.pointer),
                c.relative_change.map(percent).unwrap_or_default()
            ));
        }
    }
    let list = |v: &[String]| {
        if v.is_empty() {
            "none".to_owned()
        } else {
            v.iter().map(|x| cell(x)).collect::<Vec<_>>().join(", ")
        }
    };
    s.push_str(&format!(
        "\n## Signers (as the bundles name them, not verified)\n\n- OLD: {}\n- NEW: {}\n- {}\n",
        list(&d.old_signers),
        list(&d.new_signers),
        if d.signers_changed() { "**Signer changed.**" } else { "Unchanged." }
    ));
    s.push_str(&format!("\n## generated_at\n\n{}", generated_note(d, crate::report::markdown::code, "**Warning:**")));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls() {
        assert_eq!(esc("a\u{1b}[2Jb\u{202e}"), "a\\u{1b}[2Jb\\u{202e}");
    }

    #[test]
    fn relative_change_of_numbers() {
        let mut out = Vec::new();
        walk("/x", Some(&json!(24.5)), Some(&json!(49)), &mut out);
        assert_eq!(out[0].relative_change, Some(1.0));
        out.clear();
        walk("/x", Some(&json!(1)), Some(&json!(1.0)), &mut out);
        assert!(out.is_empty());
        // Near the ends of the range: -200%, not -inf (the difference overflows).
        walk("/x", Some(&json!(1e308)), Some(&json!(-1e308)), &mut out);
        assert_eq!(out[0].relative_change, Some(-2.0));
        out.clear();
        // A change beyond the range is not stated at all, in any format.
        walk("/x", Some(&json!(1e-308)), Some(&json!(1e308)), &mut out);
        assert_eq!(out[0].relative_change, None);
    }
}
