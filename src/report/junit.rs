//! `--format junit`: one test suite per bundle, one test case per check, so CI
//! systems list what passed and what failed. A check fails when its finding rejects
//! the bundle (an error, or a warning under --strict); other warnings are test output.

use super::{checklist, Status};
use crate::finding::Severity;
use crate::verify::BundleReport;
use std::fmt::Write;

pub fn render(reports: &[BundleReport], strict: bool, now: &str, record: &super::Record) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let all: Vec<_> = reports.iter().map(|r| (r, checklist(r))).collect();
    let tests: usize = all.iter().map(|(_, c)| c.len()).sum();
    let failures: usize = all.iter().map(|(r, c)| c.iter().filter(|c| fails(r, c.rule, strict)).count()).sum();
    let _ = writeln!(
        s,
        "<testsuites name=\"aeb-verify\" tests=\"{tests}\" failures=\"{failures}\" timestamp=\"{}\">",
        esc(now)
    );
    for (r, checks) in &all {
        let failed = checks.iter().filter(|c| fails(r, c.rule, strict)).count();
        let skipped = checks.iter().filter(|c| c.status == Status::Skip).count();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" skipped=\"{skipped}\">",
            esc(&r.name),
            checks.len()
        );
        properties(&mut s, r, record);
        for c in checks {
            let _ = write!(
                s,
                "    <testcase classname=\"{}\" name=\"{} ({})\"",
                esc(c.rule.section.name()),
                esc(c.rule.id),
                esc(c.rule.title)
            );
            let findings: Vec<_> = r.outcome.findings.iter().filter(|f| super::concerns_rule(f, c.rule)).collect();
            if c.status == Status::Pass {
                s.push_str("/>\n");
                continue;
            }
            s.push_str(">\n");
            if c.status == Status::Skip {
                let _ = writeln!(s, "      <skipped message=\"{}\"/>", esc(c.reason.as_deref().unwrap_or("")));
            }
            let text: Vec<String> = findings.iter().map(|f| super::one_line(f)).collect();
            if fails(r, c.rule, strict) {
                let first = findings.first().map(|f| f.message.as_str()).unwrap_or("");
                let _ = writeln!(
                    s,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    esc(first),
                    esc(c.rule.id),
                    xml(&text.join("\n"))
                );
            } else if !text.is_empty() {
                let _ = writeln!(s, "      <system-out>{}</system-out>", xml(&text.join("\n")));
            }
            s.push_str("    </testcase>\n");
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

/// The record of the audit, as the suite's properties (CI systems show them per suite).
fn properties(s: &mut String, r: &BundleReport, record: &super::Record) {
    let mut props: Vec<(&str, String)> = vec![
        ("aeb-verify.version", record.tool_version.to_owned()),
        ("aeb-verify.now", format!("{} ({})", record.now, record.now_from)),
        ("aeb-verify.verdict", super::established(r, record)),
    ];
    if let Some(i) = &r.input {
        props.push(("aeb-verify.input.sha256", i.sha256.clone()));
        props.push(("aeb-verify.input.bytes", i.bytes.to_string()));
    }
    for k in &record.keys {
        let uids = k.user_ids.join("; ");
        props.push(("aeb-verify.key", format!("{} {} {} [{uids}]", k.kind, k.file, k.id)));
    }
    props.push(("aeb-verify.profile", record.profile.to_owned()));
    props.push(("aeb-verify.strict", record.strict.to_string()));
    props.push(("aeb-verify.tolerance", record.tolerance.map_or("decimals shown".to_owned(), |t| t.to_string())));
    props.push(("aeb-verify.max-bytes", record.max_bytes.to_string()));
    for o in &record.overrides {
        props.push(("aeb-verify.override", format!("{} ({})", o.flag, o.rules.join(", "))));
    }
    props.push(("aeb-verify.command", record.command.clone()));
    s.push_str("    <properties>\n");
    for (name, value) in props {
        let _ = writeln!(s, "      <property name=\"{}\" value=\"{}\"/>", esc(name), esc(&value));
    }
    s.push_str("    </properties>\n");
}

fn fails(r: &BundleReport, rule: &crate::rules::Rule, strict: bool) -> bool {
    r.outcome
        .findings
        .iter()
        .filter(|f| super::concerns_rule(f, rule))
        .any(|f| f.severity == Severity::Error || (strict && f.severity == Severity::Warning))
}

/// XML text and attribute escaping, after the controls and invisible characters every
/// text format escapes ([`super::esc`]): none of them reaches a CI page raw.
fn esc(s: &str) -> String {
    xml(&super::esc(s))
}

/// XML escaping of text already made safe; the two characters XML 1.0 cannot carry are
/// written as escapes too. Newlines are ours (one finding per line).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c if c < ' ' && c != '\n' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}
