//! The terminal report: one table per section, then a one-line verdict. Colour only
//! when asked for (the caller decides from --color, the terminal and NO_COLOR).
//!
//! Table cells are coloured with comfy-table's own cell styles, not with escape codes
//! inside the text: the table then measures plain text, where parsing escape codes in
//! every cell cost 40% of a whole small run. owo-colors paints the lines around them.

use super::{checklist, Status};
use crate::finding::{Finding, Severity};
use crate::rules::Section;
use crate::verify::{BundleReport, Verdict};
use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use owo_colors::OwoColorize;
use std::fmt::Write;

pub fn render(reports: &[BundleReport], color: bool, quiet: bool) -> String {
    let mut s = String::new();
    for r in reports {
        if !quiet {
            bundle(&mut s, r, color);
        }
        let _ = writeln!(s, "{}", verdict_line(r, color));
    }
    // The batch account ("N files found, ...") follows, from report::render.
    s
}

fn paint(text: &str, status: Status, color: bool) -> String {
    if !color {
        return text.to_owned();
    }
    match status {
        Status::Pass => text.green().to_string(),
        Status::Fail => text.red().bold().to_string(),
        Status::Warn => text.yellow().to_string(),
        Status::Info => text.blue().to_string(),
        Status::Skip => text.dimmed().to_string(),
    }
}

/// A status cell, styled by the table when colour is on.
fn status_cell(text: &str, status: Status, color: bool) -> Cell {
    let cell = Cell::new(text);
    if !color {
        return cell;
    }
    match status {
        Status::Pass => cell.fg(Color::Green),
        Status::Fail => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Status::Warn => cell.fg(Color::Yellow),
        Status::Info => cell.fg(Color::Blue),
        Status::Skip => cell.add_attribute(Attribute::Dim),
    }
}

/// A table in the report's style; styles are emitted exactly when `color` says so.
fn new_table(color: bool) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if color {
        table.enforce_styling();
    }
    if table.width().is_none() {
        table.set_width(120);
    }
    table
}

fn bundle(s: &mut String, r: &BundleReport, color: bool) {
    let _ = writeln!(s, "aeb-verify {} · {}", env!("CARGO_PKG_VERSION"), r.name);
    if let Some(d) = &r.digest {
        let _ = writeln!(s, "payload: {} bytes, sha256 {}", d.payload_len, d.payload_sha256);
    }
    let checks = checklist(r);
    for section in Section::ALL {
        let rows: Vec<_> = checks.iter().filter(|c| c.rule.section == section).collect();
        if rows.is_empty() {
            continue;
        }
        let mut table = new_table(color);
        table.set_header(vec!["", section.name(), "Detail"]);
        let passed: Vec<&str> = rows.iter().filter(|c| c.status == Status::Pass).map(|c| c.rule.title).collect();
        // Checks skipped for one shared reason (a section that could not run) take one row.
        let skipped: Vec<_> = rows.iter().filter(|c| c.status == Status::Skip).collect();
        let one_reason = skipped.len() > 1 && skipped.windows(2).all(|w| w[0].reason == w[1].reason);
        if one_reason {
            let reason = skipped[0].reason.clone().unwrap_or_default();
            table.add_row(vec![
                status_cell("SKIP", Status::Skip, color),
                Cell::new(format!("{} checks", skipped.len())),
                Cell::new(reason),
            ]);
        }
        for c in rows.iter().filter(|c| c.status != Status::Pass && !(one_reason && c.status == Status::Skip)) {
            let findings: Vec<&Finding> = r.outcome.findings.iter().filter(|f| std::ptr::eq(f.rule, c.rule)).collect();
            if findings.is_empty() {
                let detail = c.reason.clone().unwrap_or_default();
                table.add_row(vec![
                    status_cell(c.status.label(), c.status, color),
                    Cell::new(check_name(c.rule)),
                    Cell::new(detail),
                ]);
            }
            for f in findings {
                let st = Status::from_severity(f.severity);
                table.add_row(vec![
                    status_cell(st.label(), st, color),
                    Cell::new(check_name(c.rule)),
                    Cell::new(detail(f)),
                ]);
            }
        }
        if !passed.is_empty() {
            let what = if passed.len() == 1 { "1 check".to_owned() } else { format!("{} checks", passed.len()) };
            table.add_row(vec![
                status_cell("PASS", Status::Pass, color),
                Cell::new(what),
                Cell::new(passed.join("; ")),
            ]);
        }
        let _ = writeln!(s, "{table}");
        if section == Section::Signatures && !r.signatures.is_empty() {
            s.push_str(&signature_rows(&r.signatures, color));
        }
    }
}

/// One small table per signature: who the bundle says signed, who did, and the verdict.
fn signature_rows(rows: &[crate::signatures::SigRow], color: bool) -> String {
    use crate::signatures::SigVerdict;
    let mut s = String::new();
    for r in rows {
        let status = match r.verdict {
            SigVerdict::Verified => Status::Pass,
            SigVerdict::Unverified => Status::Warn,
            SigVerdict::Rejected => Status::Fail,
        };
        let mut table = new_table(color);
        table.set_header(vec![
            status_cell(r.verdict.label(), status, color),
            Cell::new(format!("{} {} at {}", r.kind, r.form, r.pointer)),
        ]);
        let dash = || "-".to_owned();
        table.add_row(vec!["Claimed key ID".to_owned(), r.claimed_key_id.clone().unwrap_or_else(dash)]);
        table.add_row(vec!["Signed by".to_owned(), r.issuer.clone().unwrap_or_else(dash)]);
        table.add_row(vec!["Algorithm".to_owned(), r.algorithm.clone().unwrap_or_else(dash)]);
        if r.kind == "pgp" {
            table.add_row(vec!["Created".to_owned(), r.created.clone().unwrap_or_else(dash)]);
        }
        table.add_row(vec!["Verdict".to_owned(), r.reason.clone()]);
        let _ = writeln!(s, "{table}");
    }
    s
}

fn check_name(rule: &crate::rules::Rule) -> String {
    format!("{}\n{}", rule.title, rule.id)
}

fn detail(f: &Finding) -> String {
    let mut d = f.message.clone();
    let at = match (f.pointer.is_empty(), f.position) {
        (false, Some(p)) => format!("at {} (line {}, column {})", f.pointer, p.line, p.column),
        (true, Some(p)) => format!("at line {}, column {}", p.line, p.column),
        (false, None) => format!("at {}", f.pointer),
        (true, None) => String::new(),
    };
    if !at.is_empty() {
        let _ = write!(d, "\n{at}");
    }
    if let Some(e) = &f.expected {
        let _ = write!(d, "\nexpected: {e}");
    }
    if let Some(found) = &f.found {
        let _ = write!(d, "\nfound:    {found}");
    }
    if let Some(from) = f.remapped_from {
        let _ = write!(d, "\n(severity {} re-mapped from {})", f.severity, from);
    }
    d
}

pub fn verdict_line(r: &BundleReport, color: bool) -> String {
    let (e, w) = (r.count(Severity::Error), r.count(Severity::Warning));
    let counts = format!("{e} error(s), {w} warning(s)");
    match r.verdict {
        Verdict::Verified => {
            let word = paint("VERIFIED", Status::Pass, color);
            format!("{word} {}: {counts}", r.name)
        }
        Verdict::Rejected => {
            let word = paint("REJECTED", Status::Fail, color);
            format!("{word} {}: {counts}", r.name)
        }
    }
}
