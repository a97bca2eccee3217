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
        let _ = writeln!(s, "# Evidence bundle audit: `{}`\n", code(&r.name));
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
                    let _ = write!(s, ": skipped, {}", text(reason));
                }
                s.push('\n');
                for f in r.outcome.findings.iter().filter(|f| std::ptr::eq(f.rule, c.rule)) {
                    let _ = writeln!(s, "  - {}", text(&super::one_line(f)));
                }
            }
            if section == Section::Signatures && !r.signatures.is_empty() {
                s.push_str("\n| signature | claimed key ID | signed by | algorithm | created | verdict |\n");
                s.push_str("|---|---|---|---|---|---|\n");
                for row in &r.signatures {
                    let cell = |v: &Option<String>| text(v.as_deref().unwrap_or("-"));
                    let _ = writeln!(
                        s,
                        "| {} {} at `{}` | {} | {} | {} | {} | **{}**: {} |",
                        row.kind,
                        text(&row.form),
                        code(&row.pointer),
                        cell(&row.claimed_key_id),
                        cell(&row.issuer),
                        cell(&row.algorithm),
                        cell(&row.created),
                        row.verdict.label(),
                        text(&row.reason)
                    );
                }
            }
            s.push('\n');
        }
    }
    s
}

/// Bundle text as Markdown prose: controls escaped (one line stays one line), then every
/// character Markdown would act on backslash-escaped, so a name cannot open a link, an
/// HTML comment that hides the rest of the report, an entity that decodes to a bidi
/// override, or a table cell.
fn text(s: &str) -> String {
    let s = super::esc(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Bundle text inside a code span: controls escaped; a backtick would end the span and
/// a bar the table cell.
fn code(s: &str) -> String {
    super::esc(s).replace('`', "'").replace('|', "\\|")
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
