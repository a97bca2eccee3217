//! Every output format lives here, and only here. Reporters read finished
//! [`BundleReport`]s; they decide nothing about the verdict.

mod human;
mod json;
mod junit;
mod markdown;
mod sarif;

use crate::finding::{Finding, Severity};
use crate::rules::{self, Rule, Section};
use crate::verify::BundleReport;

pub use json::REPORT_VERSION;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables per section and a one-line verdict.
    Human,
    /// The documented, versioned report (docs/report-format.md).
    Json,
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

/// Renders a run's reports in one format.
pub fn render(format: Format, reports: &[BundleReport], style: Style) -> String {
    match format {
        Format::Human => human::render(reports, style.color, style.quiet),
        Format::Json => json::render(reports, style.now),
        Format::Sarif => sarif::render(reports),
        Format::Junit => junit::render(reports, style.strict, style.now),
        Format::Markdown => markdown::render(reports, style.now),
    }
}

/// A finding on one line (plus expected/found), for formats without tables. Every
/// piece that can quote the bundle is escaped ([`esc`]): the line stays one line.
pub fn one_line(f: &Finding) -> String {
    let mut s = format!("{}: {}", f.severity, esc(&f.message));
    let ptr = esc(&f.pointer);
    match (f.pointer.is_empty(), f.position) {
        (false, Some(p)) => s.push_str(&format!(" (at {ptr}, line {}, column {})", p.line, p.column)),
        (true, Some(p)) => s.push_str(&format!(" (line {}, column {})", p.line, p.column)),
        (false, None) => s.push_str(&format!(" (at {ptr})")),
        (true, None) => {}
    }
    if let Some(e) = &f.expected {
        s.push_str(&format!("; expected {}", esc(e)));
    }
    if let Some(found) = &f.found {
        s.push_str(&format!("; found {}", esc(found)));
    }
    s
}

/// Text that may come from a bundle or a file name (names, pointers, messages that
/// quote them, expected/found, skip reasons, signature rows), as every text format
/// shows it: controls and invisible format characters escaped.
pub fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape_control(s)
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
