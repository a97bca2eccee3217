//! `--format json`: the machine report described in docs/report-format.md. Bump
//! REPORT_VERSION on any change that removes or re-types a field.

use super::{checklist, Sink, Style};
use crate::batch::Tally;
use crate::finding::Severity;
use crate::inputs::bundles::Notice;
use crate::verify::BundleReport;
use serde_json::{json, Value};
use std::io::{self, Write};

pub const REPORT_VERSION: u32 = 1;

/// `--format json`: the header first, each bundle as it comes, the account last; only
/// one bundle's tree is in memory at a time (10,000 bundles stream in constant memory).
pub struct Stream<'a> {
    style: Style<'a>,
    first: bool,
}

impl<'a> Stream<'a> {
    pub fn new(style: Style<'a>) -> Self {
        Stream { style, first: true }
    }
}

impl Sink for Stream<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let head = json!({
            "report": "aeb-verify",
            "report_version": REPORT_VERSION,
            "tool_version": env!("CARGO_PKG_VERSION"),
            "now": self.style.now,
        });
        let head = serde_json::to_string_pretty(&head).map_err(io::Error::other)?;
        // The object stays open: its last members follow the bundles.
        let head = head.trim_end().trim_end_matches('}').trim_end();
        write!(out, "{head},\n  \"bundles\": [")
    }

    fn bundle(&mut self, r: &BundleReport, out: &mut dyn Write) -> io::Result<()> {
        let text = serde_json::to_string_pretty(&bundle(r, self.style.record)).map_err(io::Error::other)?;
        let text = crate::text::json_escape_hidden(text);
        // JSON strings hold no raw newline: re-indenting at each one is safe.
        let sep = if self.first { "\n" } else { ",\n" };
        self.first = false;
        write!(out, "{sep}    {}", text.replace('\n', "\n    "))
    }

    fn finish(&mut self, _all: &[BundleReport], tally: &Tally, style: &Style, out: &mut dyn Write) -> io::Result<()> {
        let tail = json!({
            // What the verdicts were reached on (issue 9 point 5): inputs with their
            // SHA-256, keys and what they verified, options, overrides, rerun command.
            // Last, because it is complete only when every bundle is.
            "record": style.record,
            "unreadable": notices(&tally.unreadable),
            "skipped": skips(&tally.skipped),
            "summary": summary(tally),
            "verdict": tally.verdict(),
        });
        let tail = crate::text::json_escape_hidden(serde_json::to_string_pretty(&tail).map_err(io::Error::other)?);
        let tail = tail.trim_start().trim_start_matches('{');
        let close = if self.first { "]," } else { "\n  ]," };
        writeln!(out, "{close}{tail}")
    }
}

/// The account of a run, as `summary` in the JSON and JSON-lines reports.
pub fn summary(tally: &Tally) -> Value {
    json!({
        "found": tally.found,
        "read": tally.read(),
        "bundles": tally.read(),
        "verified": tally.verified,
        "rejected": tally.rejected,
        "unreadable": tally.unreadable.len(),
        "skipped": tally.skipped.len(),
    })
}

/// Each reason cites names as the `file` fields write them ([`Notice::reason_as_data`]).
pub fn notices(list: &[Notice]) -> Vec<Value> {
    list.iter().map(|n| json!({ "file": n.path, "reason": n.reason_as_data() })).collect()
}

/// Entries a walk left out, and whether each may hold a bundle nothing verified.
pub fn skips(list: &[Notice]) -> Vec<Value> {
    list.iter().map(|n| json!({ "file": n.path, "reason": n.reason_as_data(), "unverified": n.unverified })).collect()
}

/// One bundle's object of the JSON and JSON-lines reports. Serialized straight from
/// the report (building a serde_json tree of every check and finding first was a third
/// of a `--format jsonl` batch); members are declared in the sorted order a tree
/// writes them in, so the text is unchanged.
pub fn bundle<'a>(r: &'a BundleReport, record: &'a super::Record) -> impl serde::Serialize + 'a {
    let checks = checklist(r)
        .into_iter()
        .map(|c| CheckOut {
            status: c.status.key(),
            reason: c.reason,
            rule: c.rule.id,
            section: c.rule.section.name(),
            title: c.rule.title,
        })
        .collect();
    bundle_out(r, record, checks)
}

/// [`bundle`] with its checks made by the caller.
fn bundle_out<'a>(r: &'a BundleReport, record: &'a super::Record, checks: Vec<CheckOut>) -> BundleOut<'a> {
    let findings = r
        .outcome
        .findings
        .iter()
        .map(|f| FindingOut {
            breaks: f.breaks.iter().map(|b| b.id).collect(),
            column: f.position.map(|p| p.column),
            expected: f.expected.as_deref(),
            found: f.found.as_deref(),
            line: f.position.map(|p| p.line),
            // For people: shown as text, so escaped as text is. The data fields
            // (pointer, expected, found, file) stay exact.
            message: super::esc(&f.message),
            pointer: &f.pointer,
            remapped_by: f.remapped_from.and_then(|_| record.override_for(f.rule.id)),
            remapped_from: f.remapped_from,
            rule: f.rule.id,
            section: f.rule.section.name(),
            severity: f.severity,
            title: f.rule.title,
        })
        .collect();
    BundleOut {
        checks,
        counts: Counts {
            error: r.count(Severity::Error),
            info: r.count(Severity::Info),
            warning: r.count(Severity::Warning),
        },
        established: super::established(r, record),
        file: &r.name,
        findings,
        payload: r.digest.as_ref().map(|d| Payload { bytes: d.payload_len, sha256: &d.payload_sha256 }),
        // A few rows: as a tree, for the sorted member order of the rest.
        signatures: serde_json::to_value(&r.signatures).unwrap_or_default(),
        verdict: r.verdict,
    }
}

/// [`bundle`] written compact, as `serde_json::to_string` writes it, byte for byte, and
/// appended to `out`: the line of `--format jsonl`. The checklist (about a hundred
/// checks, most of a 20 KB line) is written here: each rule's escaped `rule`, `section`
/// and `title` made once per run, its status a word, a reason escaped only when it holds
/// what JSON escapes. Through serde_json it was a fifth of a `--format jsonl` batch's
/// instructions. The stream writes each line into the buffer of the one before (a fresh
/// 16 KB string per bundle outgrew itself, and every line paid for the copy).
pub fn bundle_compact_into(out: &mut String, r: &BundleReport, record: &super::Record) -> serde_json::Result<()> {
    out.push_str("{\"checks\":[");
    let mut first = true;
    let mut rows = super::CheckRows::new(r);
    for (rule, (head, tail)) in crate::rules::all().zip(check_parts()) {
        let Some((status, reason)) = rows.of(rule) else { continue };
        out.push_str(if first { "{\"reason\":" } else { ",{\"reason\":" });
        first = false;
        match reason {
            Some(reason) => push_str(out, reason)?,
            None => out.push_str("null"),
        }
        out.push_str(head);
        out.push_str(status.key());
        out.push_str(tail);
    }
    let b = bundle_out(r, record, Vec::new());
    out.push_str("],\"counts\":");
    out.push_str(&serde_json::to_string(&b.counts)?);
    out.push_str(",\"established\":");
    push_str(out, &b.established)?;
    out.push_str(",\"file\":");
    push_str(out, b.file)?;
    out.push_str(",\"findings\":");
    out.push_str(&serde_json::to_string(&b.findings)?);
    out.push_str(",\"payload\":");
    out.push_str(&serde_json::to_string(&b.payload)?);
    out.push_str(",\"signatures\":");
    out.push_str(&serde_json::to_string(&b.signatures)?);
    out.push_str(",\"verdict\":");
    out.push_str(&serde_json::to_string(&b.verdict)?);
    out.push('}');
    Ok(())
}

/// A JSON string as serde_json writes it: as it is when nothing in it is escaped.
fn push_str(out: &mut String, s: &str) -> serde_json::Result<()> {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(&serde_json::to_string(s)?);
    } else {
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
    Ok(())
}

/// For each rule of the catalogue, in its order, what a check's object holds after its
/// reason up to its status, and after its status (`CheckOut`'s members in order).
fn check_parts() -> &'static [(String, String)] {
    static PARTS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    PARTS.get_or_init(|| {
        let text = |s: &str| serde_json::to_string(s).unwrap_or_default();
        crate::rules::all()
            .map(|rule| {
                let head =
                    format!(",\"rule\":{},\"section\":{},\"status\":\"", text(rule.id), text(rule.section.name()));
                let tail = format!("\",\"title\":{}}}", text(rule.title));
                (head, tail)
            })
            .collect()
    })
}

#[derive(serde::Serialize)]
struct BundleOut<'a> {
    checks: Vec<CheckOut>,
    counts: Counts,
    established: String,
    file: &'a str,
    findings: Vec<FindingOut<'a>>,
    payload: Option<Payload<'a>>,
    signatures: Value,
    verdict: crate::verify::Verdict,
}

#[derive(serde::Serialize)]
struct Counts {
    error: usize,
    info: usize,
    warning: usize,
}

#[derive(serde::Serialize)]
struct Payload<'a> {
    bytes: usize,
    sha256: &'a str,
}

#[derive(serde::Serialize)]
struct CheckOut {
    reason: Option<String>,
    rule: &'static str,
    section: &'static str,
    status: &'static str,
    title: &'static str,
}

#[derive(serde::Serialize)]
struct FindingOut<'a> {
    breaks: Vec<&'static str>,
    column: Option<usize>,
    expected: Option<&'a str>,
    found: Option<&'a str>,
    line: Option<usize>,
    message: std::borrow::Cow<'a, str>,
    pointer: &'a str,
    remapped_by: Option<&'a str>,
    remapped_from: Option<Severity>,
    rule: &'static str,
    section: &'static str,
    severity: Severity,
    title: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON-lines writer of a bundle writes what serde_json writes of the JSON
    /// report's bundle object, byte for byte: bundles rejected and verified, with
    /// findings, overrides, skipped sections and an unreadable input among them.
    #[test]
    fn bundle_compact_is_serde_jsons_text() {
        let mut seen = 0;
        let mut compact = String::new();
        for run in super::super::testing::runs() {
            for r in &run.reports {
                for record in [&run.base, &run.record] {
                    let serde = serde_json::to_string(&bundle(r, record)).unwrap();
                    // one buffer for all, as the stream writes them
                    compact.clear();
                    bundle_compact_into(&mut compact, r, record).unwrap();
                    assert_eq!(compact, serde, "{}: {}", run.what, r.name);
                    seen += 1;
                }
            }
        }
        assert!(seen > 100, "{seen} bundles");
    }

    /// A check's row does not depend on where the search among the evaluated rules
    /// starts: rules asked for in reverse catalogue order through one `CheckRows` get
    /// the rows each gets from a fresh one.
    #[test]
    fn check_rows_do_not_depend_on_the_order_asked() {
        for run in super::super::testing::runs() {
            for r in &run.reports {
                let mut rows = super::super::CheckRows::new(r);
                for rule in crate::rules::all().collect::<Vec<_>>().into_iter().rev() {
                    assert_eq!(rows.of(rule), super::super::CheckRows::new(r).of(rule), "{}", rule.id);
                }
            }
        }
    }

    /// A string is written as serde_json writes it, escapes and all.
    #[test]
    fn push_str_escapes_as_serde_json() {
        for s in ["", "plain", "a\"b", "back\\slash", "\u{1}\u{1f}\n\t\r\u{8}\u{c}", "\u{7f}é\u{202e}", "##[x]"] {
            let mut out = String::new();
            push_str(&mut out, s).unwrap();
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }
}
