//! Every output format lives here, and only here. Reporters read finished
//! [`BundleReport`]s; they decide nothing about the verdict.

mod human;
mod json;
mod jsonl;
mod junit;
mod markdown;
mod sarif;

use crate::batch::Tally;
use crate::finding::{Finding, Severity};
use crate::inputs::bundles::Notice;
use crate::rules::{self, Rule, Section};
use crate::verify::BundleReport;
use std::io::{self, Write};

pub use json::REPORT_VERSION;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables per section and a one-line verdict.
    Human,
    /// The documented, versioned report (docs/report-format.md).
    Json,
    /// One JSON object per line: each bundle as soon as its verdict is known, then the
    /// summary (docs/report-format.md).
    Jsonl,
    /// SARIF 2.1.0, for code-scanning UIs.
    Sarif,
    /// JUnit XML, for CI test reports.
    Junit,
    /// The auditor's checklist, ticked.
    Markdown,
}

/// What a reporter may need besides the reports.
#[derive(Debug, Clone, Copy)]
pub struct Style<'a> {
    pub now: &'a str,
    pub strict: bool,
    pub color: bool,
    pub quiet: bool,
}

/// Renders a whole run's reports in one format (the formats that need every report
/// before they can start: human, markdown).
pub fn render(format: Format, reports: &[BundleReport], tally: &Tally, style: Style) -> String {
    let mut s = match format {
        Format::Human => human::render(reports, style.color, style.quiet),
        Format::Markdown => markdown::render(reports, style.now),
        Format::Json | Format::Jsonl | Format::Sarif | Format::Junit => {
            let mut out = Vec::new();
            let mut sink = sink(format, style);
            let written = sink.begin(&mut out).and_then(|()| {
                reports.iter().try_for_each(|r| sink.bundle(r, &mut out))?;
                tally.unreadable.iter().try_for_each(|n| sink.unreadable(n, &mut out))?;
                sink.finish(reports, tally, &mut out)
            });
            debug_assert!(written.is_ok(), "writing to memory");
            return String::from_utf8_lossy(&out).into_owned();
        }
    };
    if format == Format::Human {
        human_tally(&mut s, tally);
    }
    s
}

/// The batch account under the human report: what was found, read and decided, and
/// every input that could not be read (entries left out are notices on standard error).
fn human_tally(s: &mut String, tally: &Tally) {
    if tally.found > 1 || !tally.unreadable.is_empty() || !tally.skipped.is_empty() {
        s.push('\n');
        s.push_str(&tally.line());
        s.push('\n');
        for n in &tally.unreadable {
            s.push_str(&format!("unreadable: {}: {}\n", n.path, n.reason));
        }
    }
}

/// A report being written while bundles are verified: each bundle is handed over once,
/// in input order, and may be dropped after; `finish` closes the document. Formats that
/// need the whole run first (human, markdown) are given every report at `finish`.
pub trait Sink {
    /// Whether `finish` needs every report (the caller then keeps them).
    fn needs_all(&self) -> bool {
        false
    }
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn bundle(&mut self, _r: &BundleReport, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// An input that could not be read, in its place among the bundles.
    fn unreadable(&mut self, _n: &Notice, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self, all: &[BundleReport], tally: &Tally, out: &mut dyn Write) -> io::Result<()>;
}

/// The sink for a format.
pub fn sink<'a>(format: Format, style: Style<'a>) -> Box<dyn Sink + 'a> {
    match format {
        Format::Json => Box::new(json::Stream::new(style)),
        Format::Jsonl => Box::new(jsonl::Stream::new(style)),
        Format::Sarif => Box::new(sarif::Stream::new()),
        Format::Junit => Box::new(junit::Stream::new(style)),
        Format::Human | Format::Markdown => Box::new(Whole { format, style }),
    }
}

/// Human and markdown: rendered from every report at the end.
struct Whole<'a> {
    format: Format,
    style: Style<'a>,
}

impl Sink for Whole<'_> {
    fn needs_all(&self) -> bool {
        true
    }
    fn finish(&mut self, all: &[BundleReport], tally: &Tally, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(self.format, all, tally, self.style).as_bytes())
    }
}

/// A finding on one line (plus expected/found), for formats without tables.
pub fn one_line(f: &Finding) -> String {
    let mut s = format!("{}: {}", f.severity, f.message);
    match (f.pointer.is_empty(), f.position) {
        (false, Some(p)) => s.push_str(&format!(" (at {}, line {}, column {})", f.pointer, p.line, p.column)),
        (true, Some(p)) => s.push_str(&format!(" (line {}, column {})", p.line, p.column)),
        (false, None) => s.push_str(&format!(" (at {})", f.pointer)),
        (true, None) => {}
    }
    if let Some(e) = &f.expected {
        s.push_str(&format!("; expected {e}"));
    }
    if let Some(found) = &f.found {
        s.push_str(&format!("; found {found}"));
    }
    s
}

/// The status of one check (one rule) for one bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Pass,
    Info,
    Skip,
    Warn,
    Fail,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Warn => "WARN",
            Status::Info => "INFO",
            Status::Skip => "SKIP",
        }
    }

    pub fn from_severity(s: Severity) -> Status {
        match s {
            Severity::Error => Status::Fail,
            Severity::Warning => Status::Warn,
            Severity::Info => Status::Info,
        }
    }
}

/// One row of the checklist: a rule and what became of it.
#[derive(Debug, Clone)]
pub struct Check {
    pub rule: &'static Rule,
    pub status: Status,
    /// Why it was skipped, when it was.
    pub reason: Option<String>,
}

/// The checklist of a bundle: every rule of every section that ran or was skipped,
/// in catalogue order. Rules of sections that never applied are left out.
pub fn checklist(report: &BundleReport) -> Vec<Check> {
    let o = &report.outcome;
    rules::all()
        .filter_map(|rule| {
            let worst = o.findings.iter().filter(|f| std::ptr::eq(f.rule, rule)).map(|f| f.severity).max();
            if let Some(s) = worst {
                return Some(Check { rule, status: Status::from_severity(s), reason: None });
            }
            if o.evaluated.contains(&rule.id) {
                return Some(Check { rule, status: Status::Pass, reason: None });
            }
            let reason = o
                .skipped
                .iter()
                .find(|(id, _)| *id == rule.id)
                .map(|(_, why)| why.clone())
                .or_else(|| section_skip(report, rule.section))?;
            Some(Check { rule, status: Status::Skip, reason: Some(reason) })
        })
        .collect()
}

fn section_skip(report: &BundleReport, section: Section) -> Option<String> {
    report.skipped_sections.iter().find(|(s, _)| *s == section).map(|(_, why)| why.clone())
}
