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
            "skipped": notices(&tally.skipped),
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

pub fn notices(list: &[Notice]) -> Vec<Value> {
    list.iter().map(|n| json!({ "file": n.path, "reason": n.reason })).collect()
}

pub fn bundle(r: &BundleReport, record: &super::Record) -> Value {
    let checks: Vec<Value> = checklist(r)
        .into_iter()
        .map(|c| {
            json!({
                "rule": c.rule.id,
                "section": c.rule.section.name(),
                "title": c.rule.title,
                "status": c.status.label().to_ascii_lowercase(),
                "reason": c.reason,
            })
        })
        .collect();
    let findings: Vec<Value> = r
        .outcome
        .findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule.id,
                "section": f.rule.section.name(),
                "title": f.rule.title,
                "severity": f.severity,
                "remapped_from": f.remapped_from,
                "remapped_by": f.remapped_from.and_then(|_| record.override_for(f.rule.id)),
                "breaks": f.breaks.iter().map(|b| b.id).collect::<Vec<_>>(),
                "pointer": f.pointer,
                "line": f.position.map(|p| p.line),
                "column": f.position.map(|p| p.column),
                "expected": f.expected,
                "found": f.found,
                // For people: shown as text, so escaped as text is. The data fields
                // (pointer, expected, found, file) stay exact.
                "message": super::esc(&f.message),
            })
        })
        .collect();
    json!({
        "file": r.name,
        "verdict": r.verdict,
        "established": super::established(r, record),
        "payload": r.digest.as_ref().map(|d| json!({"sha256": d.payload_sha256, "bytes": d.payload_len})),
        "counts": {
            "error": r.count(Severity::Error),
            "warning": r.count(Severity::Warning),
            "info": r.count(Severity::Info),
        },
        "checks": checks,
        "findings": findings,
        "signatures": r.signatures,
    })
}
