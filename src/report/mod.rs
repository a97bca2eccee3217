//! Every output format lives here, and only here. Reporters read finished
//! [`BundleReport`]s; they decide nothing about the verdict.

mod advice;
mod html;
mod human;
mod json;
mod jsonl;
mod junit;
pub(crate) mod markdown;
pub mod record;
mod sarif;

use crate::batch::Tally;
use crate::finding::{Finding, Severity};
use crate::inputs::bundles::Notice;
use crate::rules::{self, Rule, Section};
use crate::signatures::SigVerdict;
use crate::verify::BundleReport;
pub use advice::{fixable, what_to_do, FIX_STEPS};
pub use human::wrap;
pub use record::Record;
use std::io::{self, Write};

pub use json::REPORT_VERSION;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The record, each finding at the bundle's own line, a summary of the sections, the verdict.
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
    /// One self-contained HTML page (record, verdict, findings, checklist) for working papers.
    Html,
}

/// What a reporter may need besides the reports.
#[derive(Debug, Clone, Copy)]
pub struct Style<'a> {
    pub now: &'a str,
    pub strict: bool,
    pub color: bool,
    pub quiet: bool,
    /// `--verbose`: every check, and a full report per bundle in a batch.
    pub verbose: bool,
    /// Columns to lay the human report out in (the terminal's, or COLUMNS when piped).
    pub width: usize,
    /// What the verdicts were reached on; every format prints it first.
    pub record: &'a Record,
}

/// Renders a whole run's reports in one format (the formats that need every report
/// before they can start: human, markdown).
pub fn render(format: Format, reports: &[BundleReport], tally: &Tally, style: Style) -> String {
    let mut s = match format {
        Format::Human => human::render(reports, &tally.unreadable, &style),
        Format::Markdown => markdown::render(reports, tally, &style),
        Format::Html => html::render(reports, tally, &style),
        Format::Json | Format::Jsonl | Format::Sarif | Format::Junit => {
            let mut out = Vec::new();
            let mut sink = sink(format, style);
            let written = sink.begin(&mut out).and_then(|()| {
                reports.iter().try_for_each(|r| sink.bundle(r, &mut out))?;
                tally.unreadable.iter().try_for_each(|n| sink.unreadable(n, &mut out))?;
                sink.finish(reports, tally, &style, &mut out)
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

/// The batch account under the human report: what was found, read and decided, every
/// input that could not be read, and every entry a walk left out, as Markdown and HTML
/// list them (spec 7: listed in every format). The notices on standard error name them
/// too, but a report written with `--output human=FILE` holds no standard error: it said
/// "1 skipped (1 unverified: rejected under --strict)" and not which entry.
fn human_tally(s: &mut String, tally: &Tally) {
    if tally.found > 1 || !tally.unreadable.is_empty() || !tally.skipped.is_empty() {
        s.push('\n');
        s.push_str(&tally.line());
        s.push('\n');
        for n in &tally.unreadable {
            s.push_str(&format!("unreadable: {}: {}\n", crate::text::shown_name(&n.path), esc(&n.reason)));
        }
        for n in &tally.skipped {
            let reason = left_out(n, tally.strict);
            s.push_str(&format!("skipped: {}: {}\n", crate::text::shown_name(&n.path), esc(&reason)));
        }
    }
}

/// Whether a Markdown or HTML report shows its run as one bundle alone: one bundle read
/// and nothing else found. A run that could not read an input, or whose walk left
/// entries out, opens with the run's account and lists each of them: shown alone, a
/// `--strict` run of one verified bundle beside a link it left out unverified read
/// "Verdict: VERIFIED" and nothing more, while it exited 1.
pub(super) fn alone(bundles: usize, tally: &Tally) -> bool {
    bundles == 1 && tally.unreadable.is_empty() && tally.skipped.is_empty()
}

/// An entry a directory walk left out, as the summary tables of the Markdown and HTML
/// reports say it (not escaped: the caller escapes it for its format).
pub(super) fn left_out(n: &Notice, strict: bool) -> String {
    let what = match (n.unverified, strict) {
        (false, _) => "walked already: hides nothing",
        (true, false) => "unverified: it may hold a bundle nothing checked",
        (true, true) => "unverified: it may hold a bundle nothing checked; rejects the run under --strict",
    };
    format!("{}; {what}", n.reason)
}

/// A report being written while bundles are verified: each bundle is handed over once,
/// in input order, and may be dropped after; `finish` closes the document. A format
/// whose header needs the whole run keeps a row per bundle ([`Rows`]) and is given the
/// first report at `finish`.
/// Sinks do not flush: the caller does whenever the batch has caught up with the
/// verified bundles, so a reader downstream sees each verdict about when it is known.
pub trait Sink {
    /// Which reports `finish` needs (the caller keeps them).
    fn keeps(&self) -> Keep {
        Keep::None
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
    /// `style.record` is the full record of the run (inputs and what each key verified);
    /// while bundles are handed over, the sink's own style holds the record as known
    /// before the run (options, keys).
    fn finish(&mut self, all: &[BundleReport], tally: &Tally, style: &Style, out: &mut dyn Write) -> io::Result<()>;
}

/// The sink for a format.
pub fn sink<'a>(format: Format, style: Style<'a>) -> Box<dyn Sink + 'a> {
    match format {
        Format::Json => Box::new(json::Stream::new(style)),
        Format::Jsonl => Box::new(jsonl::Stream::new(style)),
        Format::Sarif => Box::new(sarif::Stream::new(style)),
        Format::Junit => Box::new(junit::Stream::new(style)),
        Format::Human if style.quiet => Box::new(Lines { style }),
        Format::Human if !style.verbose => Box::new(Rows::<human::Terminal>::new(style)),
        Format::Markdown => Box::new(Rows::<markdown::Document>::new(style)),
        Format::Html => Box::new(Rows::<html::Page>::new(style)),
        Format::Human => Box::new(Full { style, first: true }),
    }
}

/// A format whose report of a batch is a header that needs the whole run (the record,
/// the account) followed by what it shows of each bundle, none of which depends on
/// the bundles after it: that part is written as each bundle comes (its `Row`), so a
/// batch keeps rows, not reports (a report with its checklist is about ten kilobytes).
pub trait RowFormat {
    type Row;
    /// Made with the style as known before the run (options, keys), which is all a
    /// bundle's part of the report reads.
    fn row(r: &BundleReport, style: &Style) -> Self::Row;
    /// Whether a run of `rows` bundles is written by [`RowFormat::one`] from its report:
    /// by default a run of one bundle and no unreadable input.
    fn from_one(rows: usize, tally: &Tally) -> bool {
        rows == 1 && tally.unreadable.is_empty()
    }
    /// A run that [`RowFormat::from_one`] says is written from its one report.
    fn one(r: &BundleReport, tally: &Tally, style: &Style) -> String;
    /// Any other run: what comes before the rows' sections and what comes after;
    /// `first` holds at least the first report when there is one.
    fn frame(rows: &[Self::Row], first: &[BundleReport], tally: &Tally, style: &Style) -> (String, String);
    /// The row's section, if it has one.
    fn section(row: &Self::Row) -> &str;
}

/// A batch of a [`RowFormat`] written whole into a string (for [`render`]).
fn rows_text<F: RowFormat>(rows: &[F::Row], first: &[BundleReport], tally: &Tally, style: &Style) -> String {
    let (head, tail) = F::frame(rows, first, tally, style);
    let mut s = head;
    rows.iter().for_each(|r| s.push_str(F::section(r)));
    s.push_str(&tail);
    s
}

/// The sink of a [`RowFormat`]: a row per bundle as it comes, the first report kept in
/// case the run is one bundle. At the end each section is written and dropped in turn:
/// a batch's sections can be as large as the report (`--verbose`), and the report is
/// not built a second time in memory.
struct Rows<'a, F: RowFormat> {
    style: Style<'a>,
    rows: Vec<F::Row>,
}

impl<'a, F: RowFormat> Rows<'a, F> {
    fn new(style: Style<'a>) -> Self {
        Rows { style, rows: Vec::new() }
    }
}

impl<F: RowFormat> Sink for Rows<'_, F> {
    fn keeps(&self) -> Keep {
        Keep::First
    }

    fn bundle(&mut self, r: &BundleReport, _out: &mut dyn Write) -> io::Result<()> {
        self.rows.push(F::row(r, &self.style));
        Ok(())
    }

    fn finish(&mut self, all: &[BundleReport], tally: &Tally, style: &Style, out: &mut dyn Write) -> io::Result<()> {
        if let (Some(r), true) = (all.first(), F::from_one(self.rows.len(), tally)) {
            return out.write_all(F::one(r, tally, style).as_bytes());
        }
        let (head, tail) = F::frame(&self.rows, all, tally, style);
        out.write_all(head.as_bytes())?;
        for row in self.rows.drain(..) {
            out.write_all(F::section(&row).as_bytes())?;
        }
        out.write_all(tail.as_bytes())
    }
}

/// Which of the run's reports a sink's `finish` is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Keep {
    None,
    /// The first: a run of one bundle is shown in full.
    First,
}

/// `-q`: each bundle's verdict line as soon as it is known, then the batch account.
/// Nothing is kept: a quiet batch of any size holds one window of reports, not all.
struct Lines<'a> {
    style: Style<'a>,
}

impl Sink for Lines<'_> {
    fn bundle(&mut self, r: &BundleReport, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", human::verdict_line(r, self.style.record, self.style.color))
    }
    fn finish(&mut self, _all: &[BundleReport], tally: &Tally, _style: &Style, out: &mut dyn Write) -> io::Result<()> {
        let mut s = String::new();
        human_tally(&mut s, tally);
        out.write_all(s.as_bytes())
    }
}

/// The `--verbose` human report: each bundle in full as it comes, then the batch
/// account. A bundle's record names what each key verified in that bundle: it named
/// the whole run's, so a batch of N signed bundles printed N^2 lines and kept every
/// report until the end (1,000 bundles: 100 MB of text, 213 MB of memory).
struct Full<'a> {
    style: Style<'a>,
    first: bool,
}

impl Sink for Full<'_> {
    fn bundle(&mut self, r: &BundleReport, out: &mut dyn Write) -> io::Result<()> {
        let mut s = String::new();
        if !self.first {
            s.push('\n');
        }
        self.first = false;
        human::bundle(&mut s, r, &self.style);
        out.write_all(s.as_bytes())
    }
    fn finish(&mut self, _all: &[BundleReport], tally: &Tally, _style: &Style, out: &mut dyn Write) -> io::Result<()> {
        let mut s = String::new();
        human_tally(&mut s, tally);
        out.write_all(s.as_bytes())
    }
}

pub use crate::text::quote_user_id;

/// Who vouches for the bundle, as the verdict says it: each verified signer's name and
/// e-mail from the certificate the auditor supplied (its primary user ID among those
/// validly bound and not revoked, see [`Record`]), with its fingerprint; or that
/// nobody does.
///
/// Supplied keys that hold one public key (`sig.same-key`) are one signer, and the
/// line says so: "one key supplied as A and as B", never "A and B".
pub fn signed_by(r: &BundleReport, record: &Record) -> String {
    // Each signer's names, with the public key material they share.
    let mut who: Vec<(Vec<String>, Option<&str>)> = Vec::new();
    for row in r.signatures.iter().filter(|s| s.verdict == SigVerdict::Verified) {
        let Some(id) = &row.signer else { continue };
        let text = match (record.key_of(id), id) {
            (Some(k), crate::signatures::SignerId::Pgp { primary, .. }) => match k.user_ids.first() {
                Some(uid) => format!("{} ({primary})", quote_user_id(uid)),
                None => format!("certificate {primary} (the certificate has no valid user ID)"),
            },
            (Some(k), crate::signatures::SignerId::Kms { key_id, .. }) if k.key_id.is_some() => {
                format!("KMS key {} (public key sha256 {}, {})", esc(key_id), k.id, esc(&k.file))
            }
            // Given without KEY_ID=: the key is the auditor's, the name only the bundle's,
            // quoted as a JSON string so that no key_id reads as the line's own words (a
            // second signer after a ")").
            (Some(k), crate::signatures::SignerId::Kms { key_id, .. }) => format!(
                "the KMS public key {} (sha256 {}), bound to no key ID (the bundle claims key_id {}, not checked)",
                esc(&k.file),
                k.id,
                crate::text::quote_claim(key_id, crate::text::CLAIM_QUOTE_MAX)
            ),
            (None, crate::signatures::SignerId::Pgp { primary, .. }) => format!("certificate {primary}"),
            (None, crate::signatures::SignerId::Kms { key_id, .. }) => {
                format!("KMS key {}", crate::text::quote_claim(key_id, crate::text::CLAIM_QUOTE_MAX))
            }
        };
        let material = row.key_material.as_deref();
        match who.iter_mut().find(|(names, m)| names.contains(&text) || (material.is_some() && *m == material)) {
            Some((names, _)) if names.contains(&text) => {}
            Some((names, _)) => names.push(text),
            None => who.push((vec![text], material)),
        }
    }
    if !who.is_empty() {
        let signers: Vec<String> = who
            .into_iter()
            .map(|(names, _)| match names.as_slice() {
                [one] => one.clone(),
                _ => format!("one key supplied as {}", names.join(" and as ")),
            })
            .collect();
        return format!("signed by {}", signers.join(" and "));
    }
    // The payload is hashed whenever the bundle is read as JSON: without a digest nothing
    // was established, not even its integrity (a bundle cut short was "unsigned: integrity
    // only", though it may carry a signature and no hash was checked).
    if r.digest.is_none() {
        return "not read".to_owned();
    }
    // "Unsigned" only of a bundle that carries no signature (`sig.none`, whatever an
    // override made of it): one whose `pgp` or `kms` member holds nothing usable
    // (`sig.form`) was called unsigned too.
    let unsigned = r.outcome.findings.iter().any(|f| std::ptr::eq(f.rule, &crate::signatures::diags::NONE));
    match r.signatures.len() {
        0 if unsigned => "unsigned: integrity only".to_owned(),
        0 => "a signature member holds no usable signature: integrity only".to_owned(),
        n => format!("{n} signature(s), none verified by a supplied key: integrity only"),
    }
}

/// What the findings of one severity concern, in words: "4 contradicted claims, 1
/// inconsistent figure".
pub fn concerns(r: &BundleReport, severity: Severity) -> String {
    let mut groups: Vec<(&'static str, &'static str, usize)> = Vec::new();
    for f in r.outcome.findings.iter().filter(|f| f.severity == severity) {
        let (one, many) = concern(f.rule);
        match groups.iter_mut().find(|g| g.0 == one) {
            Some(g) => g.2 += f.counts_for(),
            None => groups.push((one, many, f.counts_for())),
        }
    }
    groups
        .iter()
        .map(|(one, many, n)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
}

fn concern(rule: &Rule) -> (&'static str, &'static str) {
    match (rule.section, rule.id) {
        (_, "sig.none") => ("missing signature", "missing signatures"),
        (_, "claims.unsupported") => ("unsupported claim", "unsupported claims"),
        (Section::Claims, _) => ("contradicted claim", "contradicted claims"),
        (Section::Consistency, _) => ("inconsistent figure", "inconsistent figures"),
        (Section::Reading, _) => ("reading problem", "reading problems"),
        (Section::Integrity, _) => ("integrity problem", "integrity problems"),
        (Section::Signatures, _) => ("signature problem", "signature problems"),
        (Section::Schema, _) => ("schema violation", "schema violations"),
        (Section::Redaction, _) => ("item not redacted", "items not redacted"),
        (Section::Marketplace, _) => ("unmet marketplace requirement", "unmet marketplace requirements"),
        (Section::Context, _) => ("context mismatch", "context mismatches"),
    }
}

/// "7 warnings: 4 contradicted claims, ..." or "no warnings".
pub fn counted(r: &BundleReport, severity: Severity) -> String {
    let n = r.count(severity);
    let word = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    match n {
        0 => format!("no {word}s"),
        1 => format!("1 {word}: {}", concerns(r, severity)),
        n => format!("{n} {word}s: {}", concerns(r, severity)),
    }
}

/// The verdict's sentence after its word and the bundle's name: who signed, then what
/// remains ("unsigned: integrity only; 7 warnings: 4 contradicted claims, ...").
pub fn established(r: &BundleReport, record: &Record) -> String {
    let mut parts = vec![signed_by(r, record)];
    if r.count(Severity::Error) > 0 {
        parts.push(counted(r, Severity::Error));
    }
    let warnings = counted(r, Severity::Warning);
    // Under --strict a warning rejects: say so where a reader looks for the reason.
    if record.strict && r.count(Severity::Error) == 0 && r.count(Severity::Warning) > 0 {
        parts.push(format!("rejected under --strict for {warnings}"));
    } else {
        parts.push(warnings);
    }
    if let Some(lowered) = lowered(r, record) {
        parts.push(lowered);
    }
    parts.join("; ")
}

/// Findings an override lowered, as the verdict line says them: a VERIFIED reached only
/// because `--allow redaction` lowered two errors must say so where it is read, not
/// only in the findings ("2 errors lowered to info by --allow redaction").
fn lowered(r: &BundleReport, record: &Record) -> Option<String> {
    lowered_among(r.outcome.findings.iter(), record)
}

/// What an override lowered among the findings of one check, as its checklist row says
/// it ("3 warnings lowered by --allow claims"). Such a check did not hold: the auditor
/// accepted what it found. Its row says so and is not ticked; it was ticked, "[x] Record-
/// count claims match the records processed" under three contradicted record claims.
pub fn lowered_in_check(r: &BundleReport, rule: &Rule, record: &Record) -> Option<String> {
    lowered_among(r.outcome.findings.iter().filter(|f| concerns_rule(f, rule)), record)
}

fn lowered_among<'a>(findings: impl Iterator<Item = &'a Finding>, record: &Record) -> Option<String> {
    let lowered: Vec<&Finding> = findings.filter(|f| f.remapped_from.is_some_and(|from| f.severity < from)).collect();
    if lowered.is_empty() {
        return None;
    }
    let mut counts = Vec::new();
    for (severity, one) in [(Severity::Error, "error"), (Severity::Warning, "warning")] {
        // An "and N more" finding stands for N findings, as in the tallies beside it: 150
        // lowered errors were "101 errors lowered" (100 listed, one "and 50 more").
        let n: usize = lowered.iter().filter(|f| f.remapped_from == Some(severity)).map(|f| f.counts_for()).sum();
        if n > 0 {
            counts.push(format!("{n} {one}{}", if n == 1 { "" } else { "s" }));
        }
    }
    let mut by: Vec<&str> = lowered.iter().filter_map(|f| record.override_for(f.rule.id)).collect();
    by.dedup();
    by.sort_unstable();
    by.dedup();
    Some(format!("{} lowered by {}", counts.join(" and "), by.join(", ")))
}

/// A bundle's findings as the reports that a person reads list them: errors first (they
/// decide the verdict), then warnings, then notes; within a severity, the pipeline's order.
pub fn by_severity(r: &BundleReport) -> Vec<&Finding> {
    let mut all: Vec<&Finding> = r.outcome.findings.iter().collect();
    all.sort_by_key(|f| std::cmp::Reverse(f.severity));
    all
}

/// How a re-mapped finding says so: "warning lowered to info by --allow claims.records".
pub fn remap_note(f: &Finding, record: &Record) -> Option<String> {
    let from = f.remapped_from?;
    let how = if f.severity < from { "lowered" } else { "raised" };
    let by = record.override_for(f.rule.id).unwrap_or("an override");
    Some(format!("{from} {how} to {} by {by}", f.severity))
}

/// A finding on one line (plus expected/found, and the override that re-mapped it), for
/// formats without tables. Every piece that can quote the bundle is escaped ([`esc`]):
/// the line stays one line.
pub fn one_line(f: &Finding, record: &Record) -> String {
    let mut s = format!("{}: {}", f.severity, esc(&f.message));
    let ptr = crate::text::shown_pointer(&f.pointer);
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
    if let Some(remap) = remap_note(f, record) {
        s.push_str(&format!("; {remap}"));
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

    /// [`Status::label`] in lower case, as the JSON reports write it.
    pub fn key(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Warn => "warn",
            Status::Info => "info",
            Status::Skip => "skip",
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

/// Whether a finding counts against this rule's check: its own rule, or a profile
/// requirement it breaks.
pub fn concerns_rule(f: &Finding, rule: &Rule) -> bool {
    std::ptr::eq(f.rule, rule) || f.breaks.iter().any(|b| std::ptr::eq(*b, rule))
}

/// The checklist of a bundle: every rule of every section that ran or was skipped,
/// in catalogue order. Rules of sections that never applied are left out.
pub fn checklist(report: &BundleReport) -> Vec<Check> {
    let mut rows = CheckRows::new(report);
    rules::all()
        .filter_map(|rule| {
            rows.of(rule).map(|(status, reason)| Check { rule, status, reason: reason.map(str::to_owned) })
        })
        .collect()
}

/// The rows of a bundle's [`checklist`], asked for rule by rule in catalogue order.
pub(crate) struct CheckRows<'r> {
    report: &'r BundleReport,
    /// Where in the evaluated rules the search for the next rule starts: after the last
    /// one found. Checks mark their rules in about catalogue order, so the next rule is
    /// nearly always the next one there (each of a hundred rules was searched for among
    /// the hundred evaluated from the start: 3 % of a `--format jsonl` batch).
    next: usize,
}

impl<'r> CheckRows<'r> {
    pub(crate) fn new(report: &'r BundleReport) -> Self {
        CheckRows { report, next: 0 }
    }

    /// What became of `rule` (its row of [`checklist`], the reason borrowed); None when
    /// its section never applied.
    pub(crate) fn of(&mut self, rule: &'static Rule) -> Option<(Status, Option<&'r str>)> {
        let report = self.report;
        let o = &report.outcome;
        let worst = o.findings.iter().filter(|f| concerns_rule(f, rule)).map(|f| f.severity).max();
        if let Some(s) = worst {
            // Findings that only inform and say the check could not confirm what it holds
            // the bundle to leave it SKIP with that reason: a check that did not confirm
            // never reads as passed (a ticked box, a passed test case). One an override
            // lowered to info keeps the check INFO, shown as lowered.
            let unconfirmed = || {
                let mut own = o.findings.iter().filter(|f| concerns_rule(f, rule));
                let why = own.clone().find_map(|f| f.unconfirmed)?;
                own.all(|f| f.remapped_from.is_none_or(|r| r <= Severity::Info)).then_some(why)
            };
            if let (Severity::Info, Some(why)) = (s, unconfirmed()) {
                return Some((Status::Skip, Some(why)));
            }
            return Some((Status::from_severity(s), None));
        }
        // Every evaluated rule is looked at, from `next` round to it: whether the rule
        // is among them does not depend on where the search starts. Rules are statics
        // with unique ids, so a rule's id is the same pointer (`finding::same_id`).
        let n = o.evaluated.len();
        let (head, tail) = o.evaluated.split_at(self.next.min(n));
        let found = tail.iter().chain(head).position(|id| crate::finding::same_id(id, rule));
        if let Some(k) = found {
            self.next = (self.next.min(n) + k) % n.max(1) + 1;
            return Some((Status::Pass, None));
        }
        let reason = o
            .skipped
            .iter()
            .find(|(id, _)| *id == rule.id)
            .map(|(_, why)| why.as_str())
            .or_else(|| section_skip(report, rule.section))?;
        Some((Status::Skip, Some(reason)))
    }
}

fn section_skip(report: &BundleReport, section: Section) -> Option<&str> {
    report.skipped_sections.iter().find(|(s, _)| *s == section).map(|(_, why)| why.as_str())
}

/// Runs of fixture bundles for the tests that hold a report written as bundles come
/// to the same report rendered from every report at the end.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Record, Sink, Style};
    use crate::batch::Tally;
    use crate::verify::{BundleReport, Verdict};

    pub struct Run {
        pub what: String,
        pub reports: Vec<BundleReport>,
        pub tally: Tally,
        /// The record as known before the run (what a sink is made with) and after it.
        pub base: Record,
        pub record: Record,
        strict: bool,
    }

    impl Run {
        pub fn style<'r>(&self, record: &'r Record) -> Style<'r> {
            Style {
                now: "2026-11-25T00:00:00Z",
                strict: self.strict,
                color: false,
                quiet: false,
                verbose: false,
                width: 90,
                record,
            }
        }

        /// What `sink` writes when handed the run's bundles one by one, then only the
        /// first report at the end (as the caller keeps it for a `Keep::First` sink),
        /// with `full`, the style of the whole run.
        pub fn streamed(&self, sink: &mut dyn Sink, full: &Style) -> String {
            let mut out = Vec::new();
            self.reports.iter().for_each(|r| sink.bundle(r, &mut out).unwrap());
            let first = self.reports.get(..1).unwrap_or_default();
            sink.finish(first, &self.tally, full, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        }
    }

    /// Batches with rejected bundles, a key, an override, --strict and an unreadable
    /// input, and runs of one bundle (alone, and with an unreadable input).
    pub fn runs() -> Vec<Run> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let keys =
            crate::inputs::keys::load(&[root.join("fixtures/signatures/certs/ed25519.asc")], &[] as &[&str]).unwrap();
        let mut files: Vec<_> = ["fixtures/signatures/bundles", "fixtures/audit", "fixtures/read"]
            .iter()
            .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap().map(|e| e.unwrap().path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        let unreadable = crate::inputs::bundles::Notice {
            path: "gone.json".into(),
            reason: "no such file".into(),
            ..Default::default()
        };
        let mut runs = Vec::new();
        for (strict, allow, take, gone) in
            [(false, false, 12, false), (true, true, 40, true), (false, false, 1, false), (false, true, 1, true)]
        {
            let mut opts = crate::options::Options::new(time::macros::datetime!(2026-11-25 00:00 UTC));
            opts.strict = strict;
            opts.trust = crate::signatures::Trust::new(keys.certs.clone(), Vec::new());
            if allow {
                opts.overrides = crate::overrides::resolve(&[("--allow", "claims.records".into())]).unwrap();
            }
            let reports: Vec<_> = files
                .iter()
                .take(take)
                .map(|p| crate::verify::verify(&p.display().to_string(), std::fs::read(p).unwrap(), &opts))
                .collect();
            assert!(take == 1 || reports.iter().any(|r| r.verdict == Verdict::Rejected));
            let base = Record::new(&opts, true, &[]);
            let mut record = base.clone();
            let mut tally = Tally { found: reports.len() + usize::from(gone), ..Default::default() };
            for r in &reports {
                record.add(r);
                match r.verdict {
                    Verdict::Verified => tally.verified += 1,
                    Verdict::Rejected => tally.rejected += 1,
                }
            }
            if gone {
                record.add_unreadable(&unreadable);
                tally.unreadable.push(unreadable.clone());
            }
            record.finish();
            let what = format!("{take} bundles, strict {strict}, override {allow}, unreadable {gone}");
            runs.push(Run { what, reports, tally, base, record, strict });
        }
        runs
    }
}
