//! The terminal report, in the order a reader needs it: the record of the audit, what
//! needs attention (errors first, each finding at the bundle's own line, the way
//! compilers show an error), one compact summary of the sections, then the verdict.
//! `--verbose` adds every check by name. Colour only when asked for (the caller decides
//! from --color, the terminal and NO_COLOR).
//!
//! Lines are wrapped at `Style::width` between words only: a JSON pointer, a hash or a
//! fingerprint has no spaces, so it is never split across lines.

use super::{checklist, esc, Record, Status, Style};
use crate::finding::{Finding, Severity};
use crate::inputs::bundles::Notice;
use crate::rules::Section;
use crate::text::{columns, shown_item, shown_name, shown_pointer};
use crate::verify::{BundleReport, InputDigest, Verdict};
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as DiagSeverity};
use codespan_reporting::files::Error as FilesError;
use codespan_reporting::term::{self, termcolor, Config, Styles, StylesWriter};
use owo_colors::OwoColorize;
use std::fmt::Write;
use std::ops::Range;

pub fn render(reports: &[BundleReport], unreadable: &[Notice], style: &Style) -> String {
    let mut s = String::new();
    if style.quiet {
        for r in reports {
            let _ = writeln!(s, "{}", verdict_line(r, style.record, style.color));
        }
        return s;
    }
    if reports.len() == 1 && unreadable.is_empty() || style.verbose {
        for (i, r) in reports.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            bundle(&mut s, r, style);
        }
    } else {
        batch(&mut s, reports, unreadable, style);
    }
    s
}

/// One bundle in full: record, findings, publisher's list, summary, verdict.
pub(super) fn bundle(s: &mut String, r: &BundleReport, style: &Style) {
    record(s, style.record, Some(r), style.width);
    s.push('\n');
    findings(s, r, style, style.verbose);
    signatures(s, r, style);
    fix_list(s, r, style.width);
    summary(s, r, style.width);
    if style.verbose {
        every_check(s, r, style.record, style.width);
    }
    s.push('\n');
    verdict_block(s, r, style);
}

/// The verdict wrapped at the width, its word and the bundle's name always on the
/// first line together, so the line can be found by what it starts with.
fn verdict_block(s: &mut String, r: &BundleReport, style: &Style) {
    let head = format!("{} {}:", verdict_word(r.verdict, style.color), esc(&r.name));
    let head_w = verdict_text(r.verdict).len() + 2 + columns(&esc(&r.name));
    let rest = super::established(r, style.record);
    let first = style.width.saturating_sub(head_w + 1);
    let lines = wrap(&rest, first.max(1), style.width.saturating_sub(4).max(20));
    for (i, line) in lines.iter().enumerate() {
        if i == 0 && columns(line) <= first {
            let _ = writeln!(s, "{head} {line}");
        } else if i == 0 {
            let _ = writeln!(s, "{head}\n    {line}");
        } else {
            let _ = writeln!(s, "    {line}");
        }
    }
}

/// Many bundles: one record, a table of verdicts, then what rejected each rejected
/// bundle; the batch's accounting follows (`report::render` adds it). File names are
/// never cut: two long paths that differ only at the end would read as one file.
fn batch(s: &mut String, reports: &[BundleReport], unreadable: &[Notice], style: &Style) {
    let rows: Vec<Row> = reports.iter().map(|r| Row::of(r, style)).collect();
    batch_head(s, &rows, unreadable, style);
    rows.iter().for_each(|r| s.push_str(r.rejected.as_deref().unwrap_or_default()));
}

/// What a batch's report shows of one bundle: its line in the table and, when rejected,
/// what rejected it. Written as the bundle comes (none of it depends on the bundles
/// after it), so a batch keeps this, not every report: a few hundred bytes a bundle
/// where a report with its checklist held about ten kilobytes.
pub struct Row {
    name: String,
    verdict: Verdict,
    first_failing: Option<&'static str>,
    rejected: Option<String>,
}

impl Row {
    pub fn of(r: &BundleReport, style: &Style) -> Row {
        let rejected = (r.verdict == Verdict::Rejected).then(|| {
            let mut s = String::new();
            let _ = writeln!(s, "\n── {} ──", esc(&r.name));
            findings(&mut s, r, style, false);
            verdict_block(&mut s, r, style);
            s
        });
        Row {
            name: esc(&r.name).into_owned(),
            verdict: r.verdict,
            first_failing: first_failing(r, style.strict),
            rejected,
        }
    }
}

/// The record and the table of verdicts, before the rejected bundles' sections.
fn batch_head(s: &mut String, rows: &[Row], unreadable: &[Notice], style: &Style) {
    record(s, style.record, None, style.width);
    s.push('\n');
    let unread: Vec<_> = unreadable.iter().map(|u| esc(&u.path)).collect();
    // The file comes last: a name is printed whole, and a name padded with spaces
    // (`evil.json    VERIFIED  -        .json`) before the verdict column once showed
    // its own "VERIFIED" where the verdict is read, the true REJECTED far to the right.
    let rule_w = rows.iter().filter_map(|r| r.first_failing).map(str::len).max().unwrap_or(0).max(FIRST_FAILING.len());
    let _ = writeln!(s, "{:<8}  {FIRST_FAILING:<rule_w$}  file", "verdict");
    for r in rows {
        let first = r.first_failing.unwrap_or("-");
        let name = &r.name;
        let word = verdict_word(r.verdict, style.color);
        let pad = 8usize.saturating_sub(verdict_text(r.verdict).len());
        let _ = writeln!(s, "{word}{}  {first:<rule_w$}  {name}", " ".repeat(pad));
    }
    for name in &unread {
        let _ = writeln!(s, "{:<8}  {:<rule_w$}  {name}", "UNREAD", "-");
    }
}

/// The heading of the batch table's rule column.
const FIRST_FAILING: &str = "first failing rule";

/// The terminal report of a run without `-q` or `--verbose`, written from each
/// bundle's [`Row`] ([`super::Rows`]).
pub struct Terminal;

impl super::RowFormat for Terminal {
    type Row = Row;

    fn row(r: &BundleReport, style: &Style) -> Row {
        Row::of(r, style)
    }

    fn one(r: &BundleReport, tally: &crate::batch::Tally, style: &Style) -> String {
        let mut s = String::new();
        bundle(&mut s, r, style);
        super::human_tally(&mut s, tally);
        s
    }

    fn frame(rows: &[Row], _first: &[BundleReport], tally: &crate::batch::Tally, style: &Style) -> (String, String) {
        let (mut head, mut tail) = (String::new(), String::new());
        batch_head(&mut head, rows, &tally.unreadable, style);
        super::human_tally(&mut tail, tally);
        (head, tail)
    }

    fn section(row: &Row) -> &str {
        row.rejected.as_deref().unwrap_or_default()
    }
}

/// The rule a batch summary names for a rejected bundle: of the findings that reject it,
/// the most severe, and of those the first in report order. Report order is by section,
/// so under --strict the first rejecting finding was a warning of an earlier section
/// (`sig.none`) ahead of an error (`schema.unknown-field`), and the summary said the
/// bundle failed for want of a signature.
pub fn first_failing(r: &BundleReport, strict: bool) -> Option<&'static str> {
    r.outcome
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error || (strict && f.severity == Severity::Warning))
        // min_by_key keeps the first of equal keys: the first of the most severe.
        .min_by_key(|f| std::cmp::Reverse(f.severity))
        .map(|f| f.rule.id)
}

/// The record of the audit: tool, inputs, time, keys, policy, overrides, and the
/// command that repeats the run. A bundle's own record (`r`) is written as the bundle
/// comes: it names what each key verified in it, and the command that repeats its
/// verdict.
fn record(s: &mut String, rec: &Record, r: Option<&BundleReport>, width: usize) {
    let title = match r {
        Some(r) => format!("aeb-verify {} · {}", rec.tool_version, esc(&r.name)),
        None if rec.inputs.len() == 1 => format!("aeb-verify {} · 1 input", rec.tool_version),
        None => format!("aeb-verify {} · {} inputs", rec.tool_version, rec.inputs.len()),
    };
    let _ = writeln!(s, "{title}");
    let field = |s: &mut String, label: &str, text: &str| {
        wrapped(s, text, &format!("  {label:<9} "), "            ", width);
    };
    match r {
        Some(r) => {
            match &r.input {
                Some(InputDigest { bytes, sha256: Some(sha256) }) => {
                    field(s, "file", &format!("{bytes} bytes, sha256 {sha256}"));
                }
                Some(InputDigest { bytes, sha256: None }) => field(s, "file", &format!("{bytes} bytes")),
                None => field(s, "file", "not read"),
            }
            if let Some(d) = &r.digest {
                let held = !r.outcome.findings.iter().any(|f| f.rule.section == Section::Integrity);
                let note = if held { " (matches signatures.sha256)" } else { "" };
                field(s, "payload", &format!("{} bytes, sha256 {}{note}", d.payload_len, d.payload_sha256));
            }
        }
        None => {
            for i in &rec.inputs {
                let hash = i.sha256.as_deref().unwrap_or("(not read)");
                field(s, "input", &format!("{hash}  {}", esc(&i.path)));
            }
        }
    }
    field(s, "judged at", &format!("{} ({})", rec.now, rec.now_from));
    if rec.keys.is_empty() {
        field(s, "keys", "none supplied");
    }
    for k in &rec.keys {
        let mut names: Vec<String> = k.names().iter().map(|u| esc(u).into_owned()).collect();
        if k.kind == "openpgp" && names.is_empty() {
            names.push(super::record::NO_VALID_USER_ID.to_owned());
        }
        let bound = k.key_id.as_deref().map(|id| format!(" for {}", esc(id))).unwrap_or_default();
        let what = if k.kind == "openpgp" { "OpenPGP certificate" } else { "KMS public key sha256" };
        // A bundle's own record names what the key verified in it, the run's what it
        // verified in every bundle.
        let in_bundle;
        let verified = match r {
            Some(r) => {
                in_bundle = Record::verified_in(k, r);
                &in_bundle
            }
            None => &k.verified,
        };
        let verified = if verified.is_empty() {
            "verified no signature".to_owned()
        } else {
            format!("verified {}", verified.iter().map(|v| esc(v).into_owned()).collect::<Vec<_>>().join(", "))
        };
        field(s, "key", &esc(&k.file));
        field(s, "", &format!("{what} {}{bound}", k.id));
        for n in names {
            field(s, "", &n);
        }
        field(s, "", &verified);
    }
    let tolerance = match rec.tolerance {
        Some(t) => format!("tolerance {t}"),
        None => "tolerance: the decimals shown".to_owned(),
    };
    let mut policy = vec![
        format!("profile {}", rec.profile),
        if rec.strict { "strict".to_owned() } else { "not strict".to_owned() },
        tolerance,
        format!("max {} bytes, depth {}", rec.max_bytes, rec.max_depth),
    ];
    policy.push(rec.signature_policy());
    if rec.min_signers > 0 {
        policy.push(format!("min {} signers", rec.min_signers));
    }
    if !rec.signers.is_empty() {
        policy.push(format!(
            "signers {}",
            rec.signers.iter().map(|x| shown_item(x).into_owned()).collect::<Vec<_>>().join(", ")
        ));
    }
    field(s, "policy", &policy.join(" · "));
    if !rec.deny_patterns.is_empty() {
        let p: Vec<String> = rec.deny_patterns.iter().map(|p| shown_item(p).into_owned()).collect();
        field(s, "deny", &p.join(" "));
    }
    for o in &rec.overrides {
        field(s, "override", &format!("{} ({} to {})", esc(&o.flag), o.rules.join(", "), o.severity));
    }
    let walk = rec.walk_policy();
    if !walk.is_empty() {
        field(s, "walk", &walk.join(" · "));
    }
    for (label, line) in rec.context_lines() {
        field(s, label, &line.text(|t| shown_item(t).into_owned()));
    }
    // A run of one bundle whose verdict rests on its walk (`Record::walk_again`) shows
    // the run's command: the bundle's own would verify.
    let command = match r {
        Some(r) if !(rec.walks_again() && rec.inputs.len() == 1) => rec.command_for(&r.name),
        _ => rec.command.clone(),
    };
    field(s, "rerun", &esc(&command));
}

/// Every finding as a diagnostic at its line (notes stay one line each unless verbose).
fn findings(s: &mut String, r: &BundleReport, style: &Style, verbose: bool) {
    // A finding an override lowered to info still gets its full block: the record
    // must show what the auditor chose to overlook.
    let full = |f: &&Finding| f.severity > Severity::Info || f.remapped_from.is_some();
    let (serious, notes): (Vec<&Finding>, Vec<&Finding>) = super::by_severity(r).into_iter().partition(full);
    // "What to do" once per rule: the same advice under each of four claims is noise.
    let mut advised: Vec<&str> = Vec::new();
    let mut advise = |f: &Finding| {
        let first = !advised.contains(&f.rule.id);
        advised.push(f.rule.id);
        first
    };
    for f in &serious {
        diagnostic(s, r, f, style, advise(f));
    }
    if verbose {
        for f in &notes {
            diagnostic(s, r, f, style, advise(f));
        }
    } else if !notes.is_empty() {
        for f in notes {
            let at = f.position.map(|p| format!(" ({}:{})", p.line, p.column)).unwrap_or_default();
            let text = format!("note[{}]: {}{at}", f.rule.id, esc(&f.message));
            wrapped(s, &text, "", "    ", style.width);
        }
        s.push('\n');
    }
}

/// A single source line (or a window of it) standing in for the bundle, so the
/// diagnostic shows the bundle's own text, escaped, with its real line and column.
struct Snippet {
    name: String,
    text: String,
    line: usize,
    column: usize,
}

impl<'a> codespan_reporting::files::Files<'a> for Snippet {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }
    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }
    fn line_index(&'a self, (): (), _byte: usize) -> Result<usize, FilesError> {
        Ok(0)
    }
    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, FilesError> {
        Ok(self.line)
    }
    fn column_number(&'a self, (): (), _line_index: usize, _byte: usize) -> Result<usize, FilesError> {
        Ok(self.column)
    }
    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        if line_index == 0 {
            Ok(0..self.text.len())
        } else {
            Err(FilesError::LineTooLarge { given: line_index, max: 0 })
        }
    }
}

/// The excerpt escaped and cut to `avail` chars around the token; returns the text and
/// the token's byte range in it.
fn window(f: &Finding, avail: usize) -> Option<(String, Range<usize>)> {
    let e = f.excerpt.as_ref()?;
    // Each char as it will be shown (control characters escaped), with its index.
    let mut prev = None;
    let shown: Vec<(usize, String)> = e
        .text
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let (t, next) = crate::text::show_char(prev, c);
            prev = next;
            (i, t)
        })
        .collect();
    let width_of = |r: &[(usize, String)]| r.iter().map(|(_, t)| columns(t)).sum::<usize>();
    let avail = avail.max(20);
    let tok_end = e.start.saturating_add(e.len).min(shown.len());
    // Start a third of the way before the token when the line does not fit.
    let mut from = 0;
    let mut clipped_start = e.clipped_start;
    if width_of(&shown) > avail {
        let mut back = 0;
        let token_at = e.start.min(shown.len());
        let kept = shown
            .iter()
            .take(token_at)
            .rev()
            .take_while(|(_, t)| {
                back += columns(t);
                back <= avail / 3
            })
            .count();
        from = token_at - kept;
        // Indentation before the window is not worth showing; text is.
        if from > 0 {
            clipped_start = true;
        }
    }
    let mut text = String::new();
    if clipped_start {
        text.push('…');
    }
    let mut used = 0;
    let mut range = text.len()..text.len();
    let mut clipped_end = e.clipped_end;
    for (i, t) in shown.iter().skip(from) {
        let w = columns(t);
        if used + w > avail.saturating_sub(2) && *i > e.start {
            clipped_end = true;
            break;
        }
        if *i == e.start {
            range.start = text.len();
        }
        text.push_str(t);
        used += w;
        if *i + 1 == tok_end {
            range.end = text.len();
        }
    }
    if e.start >= shown.len() {
        // The spot is past the line's last char (the end of the input): the caret
        // goes after the text, where the column says, not under the line's start.
        range = text.len()..text.len();
    }
    if range.end < range.start {
        range.end = text.len();
    }
    if clipped_end {
        text.push('…');
    }
    Some((text, range))
}

fn diagnostic(s: &mut String, r: &BundleReport, f: &Finding, style: &Style, advise: bool) {
    let sev = match f.severity {
        Severity::Error => DiagSeverity::Error,
        Severity::Warning => DiagSeverity::Warning,
        Severity::Info => DiagSeverity::Note,
    };
    let width = style.width.max(40);
    let message = wrap(&esc(&f.message), width.saturating_sub(f.rule.id.len() + 11).max(30), width - 4);
    let mut d = Diagnostic::new(sev).with_code(f.rule.id).with_message(message.join("\n    "));
    let gutter = f.position.map_or(1, |p| p.line.to_string().len()) + 4;
    let snippet = match (f.position, window(f, width.saturating_sub(gutter + 2))) {
        (Some(p), Some((text, range))) => {
            // No label text: expected and found follow as notes, and a label after a
            // long caret would run past the width.
            d = d.with_labels(vec![Label::primary((), range)]);
            Some(Snippet { name: esc(&r.name).into_owned(), text, line: p.line, column: p.column })
        }
        _ => None,
    };
    let mut notes = Vec::new();
    let note_w = width.saturating_sub(gutter + 4).max(30);
    let mut note = |label: &str, text: &str| {
        notes.push(wrap(&format!("{label}{text}"), note_w, note_w).join("\n  "));
    };
    if !f.pointer.is_empty() || snippet.is_none() {
        let at = match f.position {
            Some(p) if snippet.is_none() => {
                format!("{} (line {}, column {})", shown_pointer(&f.pointer), p.line, p.column)
            }
            _ => shown_pointer(&f.pointer).into_owned(),
        };
        if !at.is_empty() {
            note("at ", &at);
        }
    }
    if let Some(e) = &f.expected {
        note("expected: ", &esc(e));
    }
    if let Some(found) = &f.found {
        note("found:    ", &esc(found));
    }
    if let Some(remap) = super::remap_note(f, style.record) {
        note("", &remap);
    }
    if advise {
        note("what to do: ", super::what_to_do(f.rule));
    }
    d = d.with_notes(notes);
    let config = Config::default();
    let file = snippet.unwrap_or(Snippet { name: esc(&r.name).into_owned(), text: String::new(), line: 1, column: 1 });
    if style.color {
        let styles = Styles::default();
        let mut ansi = termcolor::Ansi::new(Vec::new());
        let ok = term::emit_to_write_style(&mut StylesWriter::new(&mut ansi, &styles), &config, &file, &d).is_ok();
        if ok {
            s.push_str(&String::from_utf8_lossy(&ansi.into_inner()));
        }
    } else if let Ok(text) = term::emit_into_string(&config, &file, &d) {
        s.push_str(&text);
    }
}

/// Each signature: where it is, its verdict, who made it and who the bundle says did.
fn signatures(s: &mut String, r: &BundleReport, style: &Style) {
    if r.signatures.is_empty() {
        return;
    }
    let _ = writeln!(s, "signatures");
    for row in &r.signatures {
        let head = format!("{} {} at {}: {}", row.kind, esc(&row.form), esc(&row.pointer), esc(&row.reason));
        wrapped(s, &head, &format!("  {:<10}  ", row.verdict.label()), "              ", style.width);
        let mut field = |label: &str, v: &Option<String>| {
            if let Some(v) = v {
                wrapped(s, &esc(v), &format!("              {label:<10}"), "                        ", style.width);
            }
        };
        match (&row.issuer, row.issuer_verified, row.kind) {
            (Some(_), true, _) => field("made by", &row.issuer),
            // Not verified: the issuer is the signature's own word, or the key tried.
            (Some(i), false, "pgp") => field("issuer", &Some(format!("{i} (the signature's claim, unverified)"))),
            (Some(_), false, _) => field("key tried", &row.issuer),
            (None, ..) => {}
        }
        field("key_id", &row.claimed_key_id);
        field("algorithm", &row.algorithm);
        field("created", &row.created);
    }
    s.push('\n');
}

/// The publisher's ordered list, when editing the bundle can fix it.
fn fix_list(s: &mut String, r: &BundleReport, width: usize) {
    if !super::fixable(r) {
        return;
    }
    let _ = writeln!(s, "to fix this bundle (publisher), in this order:");
    for (i, step) in super::FIX_STEPS.iter().enumerate() {
        wrapped(s, step, &format!("  {}. ", i + 1), "     ", width);
    }
    s.push('\n');
}

/// One row per section: counts of each status, and why checks were skipped.
fn summary(s: &mut String, r: &BundleReport, width: usize) {
    let checks = checklist(r);
    let _ = writeln!(s, " {:<12} {:>4}  {:>4}  {:>4}  {:>4}  {:>4}", "section", "pass", "fail", "warn", "info", "skip");
    for section in Section::ALL {
        let rows: Vec<_> = checks.iter().filter(|c| c.rule.section == section).collect();
        if rows.is_empty() {
            continue;
        }
        let n = |st: Status| match rows.iter().filter(|c| c.status == st).count() {
            0 => ".".to_owned(),
            k => k.to_string(),
        };
        let mut reasons: Vec<(String, usize)> = Vec::new();
        for c in rows.iter().filter(|c| c.status == Status::Skip) {
            let why = c.reason.clone().unwrap_or_default();
            match reasons.iter_mut().find(|(w, _)| *w == why) {
                Some(e) => e.1 += 1,
                None => reasons.push((why, 1)),
            }
        }
        let why = match reasons.as_slice() {
            [] => String::new(),
            [(w, _)] => esc(w).into_owned(),
            many => many.iter().map(|(w, k)| format!("{} ({k})", esc(w))).collect::<Vec<_>>().join("; "),
        };
        let line = format!(
            " {:<12} {:>4}  {:>4}  {:>4}  {:>4}  {:>4}",
            section.name(),
            n(Status::Pass),
            n(Status::Fail),
            n(Status::Warn),
            n(Status::Info),
            n(Status::Skip)
        );
        let col = columns(&line) + 3;
        if why.is_empty() {
            let _ = writeln!(s, "{line}");
        } else if col + columns(&why) <= width {
            let _ = writeln!(s, "{line}   {why}");
        } else {
            // Too long for the space beside the counts: below them, indented.
            let _ = writeln!(s, "{line}");
            wrapped(s, &format!("skipped: {why}"), "   ", "     ", width);
        }
    }
}

/// `--verbose`: every check by name, with its status.
fn every_check(s: &mut String, r: &BundleReport, record: &Record, width: usize) {
    let checks = checklist(r);
    for section in Section::ALL {
        let rows: Vec<_> = checks.iter().filter(|c| c.rule.section == section).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}", section.name());
        for c in rows {
            let why = c.reason.as_deref().map(|w| format!(": {}", esc(w))).unwrap_or_default();
            let lowered = super::lowered_in_check(r, c.rule, record).map(|l| format!(" ({l})")).unwrap_or_default();
            let text = format!("{} ({}){why}{lowered}", c.rule.title, c.rule.id);
            wrapped(s, &text, &format!("  {:<4}  ", c.status.label()), "        ", width);
        }
    }
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "VERIFIED",
        Verdict::Rejected => "REJECTED",
    }
}

fn verdict_word(v: Verdict, color: bool) -> String {
    let word = verdict_text(v);
    match (color, v) {
        (false, _) => word.to_owned(),
        (true, Verdict::Verified) => word.green().bold().to_string(),
        (true, Verdict::Rejected) => word.red().bold().to_string(),
    }
}

/// "VERIFIED b.json: signed by \"Alice <a@example.org>\" (FPR); no warnings".
pub fn verdict_line(r: &BundleReport, record: &Record, color: bool) -> String {
    format!("{} {}: {}", verdict_word(r.verdict, color), shown_name(&r.name), super::established(r, record))
}

/// Greedy word wrap: breaks only at spaces, so no token (pointer, hash, fingerprint) is
/// ever split; a token longer than the line gets a line of its own.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for word in text.split(' ') {
        let limit = if lines.is_empty() { first } else { rest };
        let w = columns(word);
        if cur_w > 0 && cur_w + 1 + w > limit {
            lines.push(std::mem::take(&mut cur).trim_end().to_owned());
            cur_w = 0;
        }
        if cur_w > 0 {
            cur.push(' ');
            cur_w += 1;
        }
        cur.push_str(word);
        cur_w += w;
    }
    lines.push(cur);
    lines
}

/// Writes `text` wrapped at `width` with a first-line prefix and a continuation indent.
fn wrapped(s: &mut String, text: &str, first: &str, indent: &str, width: usize) {
    let fw = width.saturating_sub(columns(first)).max(20);
    let rw = width.saturating_sub(columns(indent)).max(20);
    for (i, line) in wrap(text, fw, rw).iter().enumerate() {
        let prefix = if i == 0 { first } else { indent };
        let _ = writeln!(s, "{prefix}{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::{window, wrap, BundleReport, Notice, Style, Verdict};
    use crate::finding::{Excerpt, Finding};

    #[test]
    fn a_long_line_is_shown_from_a_third_before_the_token() {
        let mut f = Finding::new(&crate::integrity::diags::HASH_MALFORMED, "/x", "m");
        let text = format!("{}\u{1b}TOKEN{}", "é".repeat(50), "ü".repeat(50));
        f.excerpt = Some(Excerpt { text, clipped_start: false, clipped_end: false, start: 51, len: 5 });
        let (shown, range) = window(&f, 40).unwrap_or_default();
        assert_eq!(shown, format!("…{}\\u{{1b}}TOKEN{}…", "é".repeat(7), "ü".repeat(20)));
        assert_eq!(shown.get(range), Some("TOKEN"));
    }

    #[test]
    fn a_spot_past_the_end_of_the_line_is_marked_after_its_text() {
        // `{"a":` then the end of the input: the parser reports column 6.
        let mut f = Finding::new(&crate::read::diags::SYNTAX, "/a", "m");
        f.excerpt =
            Some(Excerpt { text: "{\"a\":".into(), clipped_start: false, clipped_end: false, start: 5, len: 1 });
        let (shown, range) = window(&f, 40).unwrap_or_default();
        assert_eq!((shown.as_str(), range), ("{\"a\":", 5..5));
    }

    /// The batch report as written before [`super::Row`] (2026-12-02): from every report,
    /// kept to the end of the run. The definition the row-by-row writing is held to.
    fn rendered_from_every_report(s: &mut String, reports: &[BundleReport], unreadable: &[Notice], style: &Style) {
        use super::{esc, findings, first_failing, record, verdict_block, verdict_text, verdict_word};
        use std::fmt::Write as _;
        record(s, style.record, None, style.width);
        s.push('\n');
        let rules = reports.iter().filter_map(|r| first_failing(r, style.strict));
        let rule_w = rules.map(str::len).max().unwrap_or(0).max("first failing rule".len());
        let _ = writeln!(s, "{:<8}  {:<rule_w$}  file", "verdict", "first failing rule");
        for r in reports {
            let first = first_failing(r, style.strict).unwrap_or("-");
            let name = esc(&r.name);
            let word = verdict_word(r.verdict, style.color);
            let pad = 8usize.saturating_sub(verdict_text(r.verdict).len());
            let _ = writeln!(s, "{word}{}  {first:<rule_w$}  {name}", " ".repeat(pad));
        }
        for u in unreadable {
            let name = esc(&u.path);
            let _ = writeln!(s, "{:<8}  {:<rule_w$}  {name}", "UNREAD", "-");
        }
        for r in reports.iter().filter(|r| r.verdict == Verdict::Rejected) {
            let _ = writeln!(s, "\n── {} ──", esc(&r.name));
            findings(s, r, style, false);
            verdict_block(s, r, style);
        }
    }

    /// A batch written row by row as bundles come says exactly what rendering it from
    /// every report kept to the end says (the definition), rejected bundles, a key, an
    /// override, --strict and unreadable inputs included; a run of one shows it whole.
    #[test]
    fn a_batch_written_as_it_comes_reads_as_one_rendered_at_the_end() {
        use crate::report::{self, testing, Format, Keep};
        for run in testing::runs() {
            let full = run.style(&run.record);
            let want = if run.reports.len() == 1 && run.tally.unreadable.is_empty() {
                report::render(Format::Human, &run.reports, &run.tally, full)
            } else {
                let mut s = String::new();
                rendered_from_every_report(&mut s, &run.reports, &run.tally.unreadable, &full);
                crate::report::human_tally(&mut s, &run.tally);
                s
            };
            let mut sink = report::sink(Format::Human, run.style(&run.base));
            assert_eq!(sink.keeps(), Keep::First);
            assert_eq!(run.streamed(sink.as_mut(), &run.style(&run.record)), want, "{}", run.what);
        }
    }

    #[test]
    fn wrap_never_splits_a_token() {
        let hash = "3ac83c06602e1697167b4630b0e81d0ee721ded423748816ea6f721c1cc39de7";
        let lines = wrap(&format!("payload 1629 bytes, sha256 {hash} (matches)"), 40, 40);
        assert!(lines.iter().any(|l| l == hash), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), format!("payload1629bytes,sha256{hash}(matches)"));
    }
}
