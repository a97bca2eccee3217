//! `--format junit`: one test suite per bundle, one test case per check, so CI
//! systems list what passed and what failed. A check fails when its finding rejects
//! the bundle (an error, or a warning under --strict); other warnings are test output.
//! An input that could not be read is a suite with one errored test case.
//!
//! The shape is the one Jenkins' xunit plugin validates (`junit-10.xsd`): `errors` on
//! every `testsuite`, `testsuites` carrying only name and counts, a timestamp to the
//! second; tabs and newlines in attributes written as character references so that an
//! XML parser does not turn them into spaces.

use super::{checklist, Sink, Status, Style};
use crate::batch::Tally;
use crate::finding::Severity;
use crate::inputs::bundles::Notice;
use crate::text::shown_name;
use crate::verify::BundleReport;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Suites are rendered as bundles come (a few hundred bytes of text each; the reports
/// are dropped) and written at the end, under a header that needs the totals.
pub struct Stream<'a> {
    style: Style<'a>,
    /// Each bundle's `testsuite`, kept for the end: the totals come first, on
    /// `testsuites`. One string each (one string for all doubled as it grew: 370 MB for
    /// the 185 MB of XML of 10,000 bundles).
    suites: Vec<String>,
    tests: usize,
    failures: usize,
    errors: usize,
}

impl<'a> Stream<'a> {
    pub fn new(style: Style<'a>) -> Self {
        Stream { style, suites: Vec::new(), tests: 0, failures: 0, errors: 0 }
    }

    /// `now` in UTC to the second: the timestamp JUnit readers parse has no offset, so
    /// `--now 2026-11-25T00:00:00+23:59` must not become another instant.
    fn timestamp(&self) -> String {
        let rfc3339 = time::format_description::well_known::Rfc3339;
        let plain = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
        time::OffsetDateTime::parse(self.style.now, &rfc3339)
            .ok()
            .and_then(|t| t.checked_to_offset(time::UtcOffset::UTC)?.format(&plain).ok())
            .unwrap_or_else(|| self.style.now.get(..19).unwrap_or(self.style.now).to_owned())
    }
}

impl Sink for Stream<'_> {
    fn bundle(&mut self, r: &BundleReport, _out: &mut dyn Write) -> io::Result<()> {
        let strict = self.style.strict;
        let checks = checklist(r);
        let failed = checks.iter().filter(|c| fails(r, c.rule, strict)).count();
        let skipped = checks.iter().filter(|c| c.status == Status::Skip).count();
        self.tests += checks.len();
        self.failures += failed;
        let ts = attr(&self.timestamp());
        let s = &mut String::new();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"{skipped}\" timestamp=\"{ts}\">",
            attr(&r.name),
            checks.len(),
        );
        let record = self.style.record;
        properties(s, r, record);
        for c in &checks {
            let _ = write!(
                s,
                "    <testcase classname=\"{}\" name=\"{}\"",
                attr(c.rule.section.name()),
                attr(&format!("{} ({})", c.rule.id, c.rule.title))
            );
            if c.status == Status::Pass {
                s.push_str("/>\n");
                continue;
            }
            s.push_str(">\n");
            if c.status == Status::Skip {
                let _ = writeln!(s, "      <skipped message=\"{}\"/>", attr(c.reason.as_deref().unwrap_or("")));
            }
            let findings: Vec<_> = r.outcome.findings.iter().filter(|f| super::concerns_rule(f, c.rule)).collect();
            let text: Vec<String> = findings.iter().map(|f| super::one_line(f, record)).collect();
            if fails(r, c.rule, strict) {
                let first = findings.first().map(|f| f.message.as_str()).unwrap_or("");
                let _ = writeln!(
                    s,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    attr(first),
                    attr(c.rule.id),
                    text_node(&text.join("\n"))
                );
            } else if !text.is_empty() {
                let _ = writeln!(s, "      <system-out>{}</system-out>", text_node(&text.join("\n")));
            }
            s.push_str("    </testcase>\n");
        }
        s.push_str("  </testsuite>\n");
        self.suites.push(std::mem::take(s));
        Ok(())
    }

    fn unreadable(&mut self, n: &Notice, _out: &mut dyn Write) -> io::Result<()> {
        self.tests += 1;
        self.errors += 1;
        let ts = attr(&self.timestamp());
        self.suites.push(format!(
            "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" timestamp=\"{ts}\">\n    \
             <testcase classname=\"Reading\" name=\"The file can be read\">\n      \
             <error message=\"{}\" type=\"unreadable\"/>\n    </testcase>\n  </testsuite>\n",
            attr(&n.path),
            attr(&format!("cannot read {}: {}", shown_name(&n.path), n.reason)),
        ));
        Ok(())
    }

    fn finish(&mut self, _all: &[BundleReport], tally: &Tally, _style: &Style, out: &mut dyn Write) -> io::Result<()> {
        // An entry a walk left out unverified (a link, a FIFO) is a test that did not
        // run, and under --strict one that failed the run.
        let ts = attr(&self.timestamp());
        for n in tally.skipped.iter().filter(|n| n.unverified) {
            self.tests += 1;
            let message = attr(&format!("skipped {}: {}", shown_name(&n.path), n.reason));
            let (failures, skipped, outcome) = if tally.strict {
                self.failures += 1;
                (1, 0, format!("<failure message=\"{message}\" type=\"skipped-under-strict\"/>"))
            } else {
                (0, 1, format!("<skipped message=\"{message}\"/>"))
            };
            self.suites.push(format!(
                "  <testsuite name=\"{}\" tests=\"1\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" \
                 timestamp=\"{ts}\">\n    <testcase classname=\"Reading\" name=\"The entry was verified\">\n      \
                 {outcome}\n    </testcase>\n  </testsuite>\n",
                attr(&n.path),
            ));
        }
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <testsuites name=\"aeb-verify\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
            self.tests, self.failures, self.errors
        )?;
        for suite in self.suites.drain(..) {
            out.write_all(suite.as_bytes())?;
        }
        out.write_all(b"</testsuites>\n")
    }
}

/// The record of the audit, as the suite's properties (CI systems show them per suite);
/// the command given repeats this bundle's verdict.
fn properties(s: &mut String, r: &BundleReport, record: &super::Record) {
    let mut props: Vec<(&str, String)> = vec![
        ("aeb-verify.version", record.tool_version.to_owned()),
        ("aeb-verify.now", format!("{} ({})", record.now, record.now_from)),
        ("aeb-verify.verdict", super::established(r, record)),
    ];
    if let Some(i) = &r.input {
        if let Some(sha256) = &i.sha256 {
            props.push(("aeb-verify.input.sha256", sha256.clone()));
        }
        props.push(("aeb-verify.input.bytes", i.bytes.to_string()));
    }
    for k in &record.keys {
        let uids = match k.names().join("; ") {
            u if u.is_empty() && k.kind == "openpgp" => super::record::NO_VALID_USER_ID.to_owned(),
            u => u,
        };
        let bound = k.key_id.as_deref().map(|id| format!(" for {id}")).unwrap_or_default();
        let verified = match super::Record::verified_in(k, r).join(", ") {
            v if v.is_empty() => "verified no signature".to_owned(),
            v => format!("verified {v}"),
        };
        props.push(("aeb-verify.key", format!("{} {} {}{bound} [{uids}]; {verified}", k.kind, k.file, k.id)));
    }
    props.push(("aeb-verify.profile", record.profile.to_owned()));
    props.push(("aeb-verify.strict", record.strict.to_string()));
    props.push(("aeb-verify.tolerance", record.tolerance.map_or("decimals shown".to_owned(), |t| t.to_string())));
    props.push(("aeb-verify.max-bytes", record.max_bytes.to_string()));
    props.push(("aeb-verify.signatures", record.signature_policy()));
    if record.min_signers > 0 {
        props.push(("aeb-verify.min-signers", record.min_signers.to_string()));
    }
    props.extend(record.signers.iter().map(|p| ("aeb-verify.signer", p.clone())));
    props.extend(record.deny_patterns.iter().map(|p| ("aeb-verify.deny-pattern", p.clone())));
    if record.follow {
        props.push(("aeb-verify.follow", "true".to_owned()));
    }
    props.extend(record.exclude.iter().map(|g| ("aeb-verify.exclude", g.clone())));
    for (label, line) in record.context_lines() {
        let name = if label == "table" { "aeb-verify.table" } else { "aeb-verify.artifact" };
        props.push((name, line.text(str::to_owned)));
    }
    for o in &record.overrides {
        props.push(("aeb-verify.override", format!("{} ({})", o.flag, o.rules.join(", "))));
    }
    props.push(("aeb-verify.command", record.command_for(&r.name)));
    s.push_str("    <properties>\n");
    for (name, value) in props {
        let _ = writeln!(s, "      <property name=\"{}\" value=\"{}\"/>", attr(name), attr(&value));
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

/// An attribute value: text from bundles and file names made visible first (a tab in a
/// file name shows as `\u{9}`, as in every format), markup escaped, and any tab,
/// newline or carriage return left as a character reference (a parser normalizes raw
/// ones to spaces).
fn attr(s: &str) -> String {
    escape(&super::esc(s), true)
}

/// Text content (findings already escaped by `one_line`, one per line): markup escaped;
/// our own newlines kept.
fn text_node(s: &str) -> String {
    escape(s, false)
}

/// Characters XML 1.0 cannot carry (other controls, U+FFFE, U+FFFF) are shown as
/// `\u{XX}`, so nothing from a bundle or a file name vanishes or breaks the document.
fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:X}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}
