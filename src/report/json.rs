//! `--format json`: the machine report described in docs/report-format.md. Bump
//! REPORT_VERSION on any change that removes or re-types a field.

use super::checklist;
use crate::finding::Severity;
use crate::verify::{BundleReport, Verdict};
use serde_json::{json, Value};

pub const REPORT_VERSION: u32 = 1;

pub fn render(reports: &[BundleReport], now: &str, record: &super::Record) -> String {
    let bundles: Vec<Value> = reports.iter().map(|r| bundle(r, record)).collect();
    let verified = reports.iter().filter(|r| r.verdict == Verdict::Verified).count();
    let overall = if verified == reports.len() { Verdict::Verified } else { Verdict::Rejected };
    let doc = json!({
        "report": "aeb-verify",
        "report_version": REPORT_VERSION,
        "tool_version": env!("CARGO_PKG_VERSION"),
        "now": now,
        // What the verdicts were reached on (issue 9 point 5): inputs with their
        // SHA-256, keys and what they verified, options, overrides, rerun command.
        "record": record,
        "verdict": overall,
        "summary": {
            "bundles": reports.len(),
            "verified": verified,
            "rejected": reports.len() - verified,
        },
        "bundles": bundles,
    });
    let mut s = crate::text::json_escape_hidden(serde_json::to_string_pretty(&doc).unwrap_or_default());
    s.push('\n');
    s
}

fn bundle(r: &BundleReport, record: &super::Record) -> Value {
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
