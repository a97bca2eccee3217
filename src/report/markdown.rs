//! `--format markdown`: the auditor's checklist, one ticked box per check that held.

use super::{checklist, Status};
use crate::finding::Severity;
use crate::rules::Section;
use crate::verify::{BundleReport, Verdict};
use std::fmt::Write;

pub fn render(reports: &[BundleReport], now: &str) -> String {
    let mut s = String::new();
    for r in reports {
        let verdict = match r.verdict {
            Verdict::Verified => "VERIFIED",
            Verdict::Rejected => "REJECTED",
        };
        let _ = writeln!(s, "# Evidence bundle audit: `{}`\n", r.name.replace('`', "'"));
        let _ = writeln!(
            s,
            "**Verdict: {verdict}** ({} error(s), {} warning(s), {} info), judged at {now} by aeb-verify {}.\n",
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info),
            env!("CARGO_PKG_VERSION")
        );
        if let Some(d) = &r.digest {
            let _ = writeln!(s, "Payload: {} bytes, SHA-256 `{}`.\n", d.payload_len, d.payload_sha256);
        }
        let checks = checklist(r);
        for section in Section::ALL {
            let rows: Vec<_> = checks.iter().filter(|c| c.rule.section == section).collect();
            if rows.is_empty() {
                continue;
            }
            let _ = writeln!(s, "## {}\n", section.name());
            for c in rows {
                let tick = box_for(c.status);
                let _ = write!(s, "- [{tick}] **{}** {} (`{}`)", c.status.label(), c.rule.title, c.rule.id);
                if let Some(reason) = &c.reason {
                    let _ = write!(s, ": skipped, {reason}");
                }
                s.push('\n');
                for f in r.outcome.findings.iter().filter(|f| std::ptr::eq(f.rule, c.rule)) {
                    let _ = writeln!(s, "  - {}", super::one_line(f).replace('\n', " "));
                }
            }
            if section == Section::Signatures && !r.signatures.is_empty() {
                s.push_str("\n| signature | claimed key ID | signed by | algorithm | created | verdict |\n");
                s.push_str("|---|---|---|---|---|---|\n");
                for row in &r.signatures {
                    let cell = |v: &Option<String>| v.as_deref().unwrap_or("-").replace('|', "\\|");
                    let _ = writeln!(
                        s,
                        "| {} {} at `{}` | {} | {} | {} | {} | **{}**: {} |",
                        row.kind,
                        row.form,
                        row.pointer,
                        cell(&row.claimed_key_id),
                        cell(&row.issuer),
                        cell(&row.algorithm),
                        cell(&row.created),
                        row.verdict.label(),
                        row.reason.replace('|', "\\|")
                    );
                }
            }
            s.push('\n');
        }
    }
    s
}

/// The checklist box: ticked when the check held, empty when it did not, and `-` (not
/// applicable) when it did not run, so a skipped check never looks like a failure.
fn box_for(status: Status) -> &'static str {
    match status {
        Status::Pass | Status::Info => "x",
        Status::Warn | Status::Fail => " ",
        Status::Skip => "-",
    }
}
