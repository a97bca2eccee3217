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
            status: c.status.label().to_ascii_lowercase(),
            reason: c.reason,
            rule: c.rule.id,
            section: c.rule.section.name(),
            title: c.rule.title,
        })
        .collect();
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
    status: String,
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
