//! `--format markdown`: the auditor's working paper, one document per run: the record
//! of the audit, the verdict, the findings with the bundle's own lines, and the
//! checklist (`[x]` held, `[ ]` did not, `[-]` not applicable). A batch puts a summary
//! table on top and details only rejected bundles (every bundle with --verbose).
//!
//! Bundle text is data: it is escaped so that it cannot add links, HTML or table cells.

use super::{checklist, esc, Record, Status, Style};
use crate::batch::Tally;
use crate::finding::{Finding, Severity};
use crate::rules::Section;
use crate::verify::{BundleReport, Verdict};
use std::fmt::Write;

pub fn render(reports: &[BundleReport], tally: &Tally, style: &Style) -> String {
    // A run of one bundle (beside inputs not read or entries left out) shows it in full.
    if reports.len() != 1 {
        let rows: Vec<Row> = reports.iter().map(|r| Row::of(r, style)).collect();
        return super::rows_text::<Document>(&rows, reports, tally, style);
    }
    whole(reports, tally, style)
}

/// What a batch's document shows of one bundle: its line in the summary table and, when
/// rejected or under `--verbose`, its section (with its checklist under `--verbose`).
/// Written as the bundle comes (neither depends on later bundles), so a batch keeps
/// this, not every report.
pub struct Row {
    line: String,
    section: Option<String>,
}

impl Row {
    pub fn of(r: &BundleReport, style: &Style) -> Row {
        let rec = style.record;
        let first = super::human::first_failing(r, style.strict).map_or("-".to_owned(), |id| format!("`{id}`"));
        let line = format!(
            "| {} | **{}** | {first} | {} |\n",
            cell_code(&r.name),
            word(r.verdict),
            md(&super::established(r, rec))
        );
        let section = (style.verbose || r.verdict == Verdict::Rejected).then(|| {
            let mut s = String::new();
            let _ = writeln!(s, "## {}\n", code(&r.name));
            let _ = writeln!(s, "**Verdict: {}**: {}\n", word(r.verdict), md(&super::established(r, rec)));
            findings(&mut s, r, rec, true);
            fix_steps(&mut s, r);
            if style.verbose {
                checks(&mut s, r, rec, true);
            }
            s
        });
        Row { line, section }
    }
}

/// A batch's header (which needs the whole run), before the rows' sections.
fn batch_head(rows: &[Row], tally: &Tally, style: &Style) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Evidence bundle audit: {} bundles\n", rows.len());
    let _ = writeln!(s, "**{}.**\n", tally.line());
    record(&mut s, style.record, None);
    s.push_str("## Summary\n\n| file | verdict | first failing rule | established |\n|---|---|---|---|\n");
    for r in rows {
        s.push_str(&r.line);
    }
    unread_rows(&mut s, tally);
    s.push('\n');
    s
}

/// The summary table's rows for the inputs that could not be read and the entries the
/// walk left out, after the bundles'.
fn unread_rows(s: &mut String, tally: &Tally) {
    for u in &tally.unreadable {
        let _ = writeln!(s, "| {} | **UNREADABLE** | - | {} |", cell_code(&u.path), md(&u.reason));
    }
    for n in &tally.skipped {
        let _ = writeln!(s, "| {} | **SKIPPED** | - | {} |", cell_code(&n.path), md(&super::left_out(n, tally.strict)));
    }
}

/// `--format markdown`, written from each bundle's [`Row`] ([`super::Rows`]).
pub struct Document;

impl super::RowFormat for Document {
    type Row = Row;

    fn row(r: &BundleReport, style: &Style) -> Row {
        Row::of(r, style)
    }

    /// The run's one bundle is shown in full, in a batch's frame when the run found more
    /// (an input not read, an entry left out).
    fn from_one(rows: usize, _tally: &Tally) -> bool {
        rows == 1
    }

    fn one(r: &BundleReport, tally: &Tally, style: &Style) -> String {
        whole(std::slice::from_ref(r), tally, style)
    }

    fn frame(rows: &[Row], _first: &[BundleReport], tally: &Tally, style: &Style) -> (String, String) {
        (batch_head(rows, tally, style), String::new())
    }

    fn section(row: &Row) -> &str {
        row.section.as_deref().unwrap_or_default()
    }
}

/// The document from every report: a run of one bundle, and the definition a batch
/// written row by row is held to (in the tests).
fn whole(reports: &[BundleReport], tally: &Tally, style: &Style) -> String {
    let rec = style.record;
    let mut s = String::new();
    let batch = !super::alone(reports.len(), tally);
    match reports {
        [r] if !batch => {
            let _ = writeln!(s, "# Evidence bundle audit: {}\n", code(&r.name));
            let _ = writeln!(
                s,
                "**Verdict: {}** {}: {}\n",
                word(r.verdict),
                code(&r.name),
                md(&super::established(r, rec))
            );
        }
        _ => {
            let _ = writeln!(s, "# Evidence bundle audit: {} bundles\n", reports.len());
            let _ = writeln!(s, "**{}.**\n", tally.line());
        }
    }
    record(&mut s, rec, if batch { None } else { reports.first() });
    if batch {
        s.push_str("## Summary\n\n| file | verdict | first failing rule | established |\n|---|---|---|---|\n");
        for r in reports {
            let first = super::human::first_failing(r, style.strict).map_or("-".to_owned(), |id| format!("`{id}`"));
            let _ = writeln!(
                s,
                "| {} | **{}** | {first} | {} |",
                cell_code(&r.name),
                word(r.verdict),
                md(&super::established(r, rec))
            );
        }
        unread_rows(&mut s, tally);
        s.push('\n');
    }
    // The run's one bundle is shown in full, in a batch's frame when the run found more.
    let only = reports.len() == 1;
    for r in reports.iter().filter(|r| !batch || only || style.verbose || r.verdict == Verdict::Rejected) {
        if batch {
            let _ = writeln!(s, "## {}\n", code(&r.name));
            let _ = writeln!(s, "**Verdict: {}**: {}\n", word(r.verdict), md(&super::established(r, rec)));
        }
        findings(&mut s, r, rec, batch);
        fix_steps(&mut s, r);
        if !batch || only || style.verbose {
            checks(&mut s, r, rec, batch);
        }
    }
    s
}

/// The publisher's steps, for a bundle whose findings a publisher can fix.
fn fix_steps(s: &mut String, r: &BundleReport) {
    if super::fixable(r) {
        s.push_str("To fix this bundle (publisher), in this order:\n\n");
        for (i, step) in super::FIX_STEPS.iter().enumerate() {
            let _ = writeln!(s, "{}. {step}", i + 1);
        }
        s.push('\n');
    }
}

fn word(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "VERIFIED",
        Verdict::Rejected => "REJECTED",
    }
}

/// The record as a two-column table.
fn record(s: &mut String, rec: &Record, r: Option<&BundleReport>) {
    s.push_str("## Record of the audit\n\n| | |\n|---|---|\n");
    let mut row = |k: &str, v: String| {
        let _ = writeln!(s, "| {k} | {v} |");
    };
    row("tool", format!("aeb-verify {}", rec.tool_version));
    row("judged at", format!("{} ({})", rec.now, rec.now_from));
    for i in &rec.inputs {
        let what = match (&i.sha256, i.bytes) {
            (Some(h), Some(b)) => format!("{}, {b} bytes, sha256 `{h}`", cell_code(&i.path)),
            _ => format!("{}, not read", cell_code(&i.path)),
        };
        row("input", what);
    }
    if let Some(d) = r.and_then(|r| r.digest.as_ref()) {
        row("payload", format!("{} bytes, sha256 `{}`", d.payload_len, d.payload_sha256));
    }
    if rec.keys.is_empty() {
        row("keys", "none supplied".to_owned());
    }
    for k in &rec.keys {
        let mut uids: Vec<String> = k.names().iter().map(|u| md(u)).collect();
        if k.kind == "openpgp" && uids.is_empty() {
            uids.push(super::record::NO_VALID_USER_ID.to_owned());
        }
        let bound = k.key_id.as_deref().map(|id| format!(" for {}", cell_code(id))).unwrap_or_default();
        let verified = if k.verified.is_empty() {
            "verified no signature".to_owned()
        } else {
            format!("verified {}", k.verified.iter().map(|v| cell_code(v)).collect::<Vec<_>>().join(", "))
        };
        row("key", format!("{} {} `{}`{bound} ({}); {verified}", k.kind, cell_code(&k.file), k.id, uids.join("; ")));
    }
    let tolerance = rec.tolerance.map_or("the decimals shown".to_owned(), |t| t.to_string());
    // --min-signers N and the --signer pins, as the human record lists them: the policy
    // said "signature required (--signer, --min-signers)" without N or the keys pinned.
    let mut signers = String::new();
    if rec.min_signers > 0 {
        signers.push_str(&format!(", min {} signers", rec.min_signers));
    }
    if !rec.signers.is_empty() {
        let pins: Vec<String> = rec.signers.iter().map(|p| cell_code(p)).collect();
        signers.push_str(&format!(", signers {}", pins.join(", ")));
    }
    row(
        "policy",
        format!(
            "profile {}, {}, tolerance {tolerance}, max {} bytes, depth {}, {}{signers}",
            rec.profile,
            if rec.strict { "strict" } else { "not strict" },
            rec.max_bytes,
            rec.max_depth,
            rec.signature_policy()
        ),
    );
    if !rec.deny_patterns.is_empty() {
        row("deny", rec.deny_patterns.iter().map(|p| cell_code(p)).collect::<Vec<_>>().join(" "));
    }
    for o in &rec.overrides {
        row("override", format!("{} ({} to {})", cell_code(&o.flag), o.rules.join(", "), o.severity));
    }
    if rec.follow || !rec.exclude.is_empty() {
        let follow = rec.follow.then(|| "`--follow`".to_owned());
        let exclude = rec.exclude.iter().map(|g| format!("`--exclude` {}", cell_code(g)));
        row("walk", follow.into_iter().chain(exclude).collect::<Vec<_>>().join(", "));
    }
    for (label, line) in rec.context_lines() {
        row(label, line.text(cell_code));
    }
    row("rerun", cell_code(&rec.command));
    s.push('\n');
}

fn findings(s: &mut String, r: &BundleReport, rec: &Record, batch: bool) {
    if r.outcome.findings.is_empty() {
        return;
    }
    let h = if batch { "###" } else { "##" };
    let _ = writeln!(s, "{h} Findings\n");
    for f in super::by_severity(r) {
        finding(s, f, rec);
    }
    // A blank line ends the list: the publisher's steps after it were a lazy continuation
    // of the last finding's "what to do" line (CommonMark 5.2), shown as that finding's advice.
    s.push('\n');
}

fn finding(s: &mut String, f: &Finding, rec: &Record) {
    let _ = writeln!(s, "- **{}** `{}`: {}", f.severity, f.rule.id, md(&f.message));
    match (f.pointer.is_empty(), f.position) {
        (false, Some(p)) => {
            let _ = writeln!(s, "  - at {}, line {}, column {}", code(&f.pointer), p.line, p.column);
        }
        (true, Some(p)) => {
            let _ = writeln!(s, "  - at line {}, column {}", p.line, p.column);
        }
        (false, None) => {
            let _ = writeln!(s, "  - at {}", code(&f.pointer));
        }
        (true, None) => {}
    }
    if let (Some(e), Some(p)) = (&f.excerpt, f.position) {
        let text = esc(&e.text);
        let fence = "`".repeat(longest_run(&text, '`').max(2) + 1);
        let _ = writeln!(s, "\n  {fence}json\n  {:>4} | {}\n  {fence}\n", p.line, text);
    }
    if let Some(e) = &f.expected {
        let _ = writeln!(s, "  - expected: {}", md(e));
    }
    if let Some(found) = &f.found {
        let _ = writeln!(s, "  - found: {}", md(found));
    }
    if let Some(n) = super::remap_note(f, rec) {
        let _ = writeln!(s, "  - {}", md(&n));
    }
    let _ = writeln!(s, "  - what to do: {}", md(super::what_to_do(f.rule)));
}

fn checks(s: &mut String, r: &BundleReport, rec: &Record, batch: bool) {
    let h = if batch { "###" } else { "##" };
    let _ = writeln!(s, "{h} Checklist\n");
    let list = checklist(r);
    for section in Section::ALL {
        let rows: Vec<_> = list.iter().filter(|c| c.rule.section == section).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{h}# {}\n", section.name());
        for c in rows {
            let lowered = super::lowered_in_check(r, c.rule, rec);
            let tick = if lowered.is_some() { " " } else { box_for(c.status) };
            let _ = write!(s, "- [{tick}] **{}** {} (`{}`)", c.status.label(), c.rule.title, c.rule.id);
            if let Some(reason) = &c.reason {
                let _ = write!(s, ": skipped, {}", md(reason));
            }
            let n: usize =
                r.outcome.findings.iter().filter(|f| super::concerns_rule(f, c.rule)).map(Finding::counts_for).sum();
            if n > 0 {
                let worst = r
                    .outcome
                    .findings
                    .iter()
                    .filter(|f| super::concerns_rule(f, c.rule))
                    .map(|f| f.severity)
                    .max()
                    .unwrap_or(Severity::Info);
                let _ = write!(s, ": {n} finding(s), worst {worst}");
            }
            if let Some(lowered) = lowered {
                let _ = write!(s, " ({})", md(&lowered));
            }
            s.push('\n');
        }
        if section == Section::Signatures && !r.signatures.is_empty() {
            s.push_str("\n| signature | claimed key ID | signed by | algorithm | created | verdict |\n");
            s.push_str("|---|---|---|---|---|---|\n");
            for row in &r.signatures {
                let cell = |v: &Option<String>| v.as_deref().map_or("-".to_owned(), md);
                let _ = writeln!(
                    s,
                    "| {} {} at {} | {} | {} | {} | {} | **{}**: {} |",
                    row.kind,
                    md(&row.form),
                    cell_code(&row.pointer),
                    cell(&row.claimed_key_id),
                    match (&row.issuer, row.issuer_verified, row.kind) {
                        (Some(i), false, "pgp") => md(&format!("{i} (claimed issuer, unverified)")),
                        (Some(i), false, _) => md(&format!("{i} (key tried, not verified)")),
                        (issuer, ..) => cell(issuer),
                    },
                    cell(&row.algorithm),
                    cell(&row.created),
                    row.verdict.label(),
                    md(&row.reason)
                );
            }
        }
        s.push('\n');
    }
}

/// The checklist box: ticked when the check held, empty when it did not (or held only
/// because an override lowered what it found), and `-` (not applicable) when it did not
/// run, so a skipped check never looks like a failure.
fn box_for(status: Status) -> &'static str {
    match status {
        Status::Pass | Status::Info => "x",
        Status::Warn | Status::Fail => " ",
        Status::Skip => "-",
    }
}

/// Bundle text as Markdown prose: controls escaped (one line stays one line), then every
/// character Markdown would act on backslash-escaped, so a name cannot open a link, an
/// HTML comment that hides the rest of the report, an entity that decodes to a bidi
/// override, or a table cell. GitHub's renderer also links a bare `https://...` or
/// `www.` in text: an escaped `:` before `//` and `.` after `www` stop it (checked with
/// the cmark-gfm of Python's cmarkgfm 2025.10.22), so a bundle cannot put a link in the
/// report. It links an e-mail address through escapes and entities alike (`a\\@b\\.c` is
/// still `mailto:a@b.c`), and GitHub a mention or an issue reference, but not inside a
/// code span: such a run is shown as one, exactly as written ([`reference_runs`]).
pub fn md(s: &str) -> String {
    let s = esc(s);
    let mut out = String::with_capacity(s.len() + 8);
    let mut runs = reference_runs(&s).into_iter().peekable();
    let mut skip_to = 0;
    for (i, c) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        if let Some((start, end)) = runs.next_if(|&(start, _)| start == i) {
            out.push('`');
            out.push_str(s.get(start..end).unwrap_or_default());
            out.push('`');
            skip_to = end;
            continue;
        }
        let scheme = c == ':' && s.get(i + 1..).is_some_and(|t| t.starts_with("//"));
        let after_www =
            c == '.' && out.get(out.len().saturating_sub(3)..).is_some_and(|t| t.eq_ignore_ascii_case("www"));
        if scheme
            || after_www
            || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#')
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The byte ranges of bundle text that GitHub would turn into a link or a notification,
/// shown as code spans by [`md`]: its renderer and its reference filters leave text in
/// `code` alone (html-pipeline's `IGNORE_PARENTS`), and escapes do not stop them.
/// - An e-mail address (cmark-gfm's extended autolink, as `mailto:`): around an `@`, the
///   ASCII letters, digits and `.+-_` before it and the letters, digits and `.-_/` after
///   it (a little wider than its own definition), less trailing dots.
/// - A mention, `@user` or `@org/team`, which notifies them when the report is pasted
///   into an issue or a pull request: the same run with nothing before the `@`.
/// - An issue reference, `#12` or `owner/repo#12`, which links the issue and marks it
///   as mentioned: a `#` followed by digits, with the name before it.
/// - An emoji shortcode, `:white_check_mark:`, drawn as the picture: a ✅ in a failed
///   check's message (one glued to a word, `x:smile:`, is left: an ARN's `:aws:`
///   would be code too).
///
/// Only ASCII, so every end is a character boundary; runs never overlap.
fn reference_runs(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let at_byte = |i: usize, ok: &dyn Fn(u8) -> bool| b.get(i).copied().is_some_and(ok);
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-' | b'_');
    let name = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'/');
    let emoji = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-');
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let floor = runs.last().map_or(0, |r| r.1);
        let run = match b.get(i) {
            Some(b'@') => {
                let mut start = i;
                while start > floor && at_byte(start - 1, &local) {
                    start -= 1;
                }
                let mut end = i + 1;
                while at_byte(end, &name) {
                    end += 1;
                }
                while end > i + 1 && at_byte(end - 1, &|c| c == b'.') {
                    end -= 1;
                }
                (end > i + 1).then_some((start, end))
            }
            // an emoji shortcode, ":white_check_mark:": GitHub draws it (a tick beside
            // a failed check), escapes or not; one with a letter, not glued to a word
            // before it (an ARN's ":aws:", a time's ":30:" stay text)
            Some(b':') if at_byte(i + 1, &emoji) && (i == 0 || !at_byte(i - 1, &|c| c.is_ascii_alphanumeric())) => {
                let mut end = i + 1;
                while at_byte(end, &emoji) {
                    end += 1;
                }
                let lettered = b
                    .get(i + 1..end)
                    .is_some_and(|n| n.iter().any(|c| c.is_ascii_alphabetic() || matches!(c, b'+' | b'-')));
                (lettered && at_byte(end, &|c| c == b':')).then_some((i, end + 1))
            }
            Some(b'#') if at_byte(i + 1, &|c| c.is_ascii_digit()) => {
                let mut start = i;
                while start > floor && at_byte(start - 1, &name) {
                    start -= 1;
                }
                let mut end = i + 1;
                while at_byte(end, &|c| c.is_ascii_digit()) {
                    end += 1;
                }
                Some((start, end))
            }
            _ => None,
        };
        match run {
            // Two spans side by side would read as one fence of two backticks: one run.
            Some((start, end)) => {
                match runs.last_mut() {
                    Some(last) if last.1 == start => last.1 = end,
                    _ => runs.push((start, end)),
                }
                i = end;
            }
            None => i += 1,
        }
    }
    runs
}

/// Bundle text inside a code span, shown exactly (controls escaped): the fence is one
/// backtick longer than the longest run inside, padded with a space when the text
/// starts or ends with a backtick, as CommonMark strips it again. A name with a
/// backtick is never shown with another character in its place (two files would read
/// as one, and the recorded command would name the wrong file).
pub fn code(s: &str) -> String {
    let text = esc(s);
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    let spaced = text.starts_with(' ') && text.ends_with(' ') && text.trim() != "";
    let pad = if text.starts_with('`') || text.ends_with('`') || spaced { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// [`code`] inside a table cell: a bar would end the cell, so it is escaped (GFM
/// removes the backslash inside the code span again).
pub fn cell_code(s: &str) -> String {
    code(s).replace('|', "\\|")
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for ch in s.chars() {
        cur = if ch == c { cur + 1 } else { 0 };
        best = best.max(cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::report::{self, testing, Format, Keep, Style};

    /// What cmark-gfm (GitHub's renderer; Python's cmarkgfm 2025.10.22) links in text
    /// stays text: each expected string, rendered by
    /// `cmarkgfm.github_flavored_markdown_to_html`, gives no `<a`, while the text as given
    /// does (but the last two). A character before `www` that is not ASCII cannot split a slice.
    #[test]
    fn bundle_text_opens_no_link_on_github() {
        for (text, want) in [
            ("see https://evil.example/x", "see https\\://evil.example/x"),
            ("ftp://a.b", "ftp\\://a.b"),
            ("go to www.evil.example", "go to www\\.evil.example"),
            ("WWW.evil.example", "WWW\\.evil.example"),
            ("\u{e9}\u{e9}.www.x", "\u{e9}\u{e9}.www\\.x"),
            ("3.5x faster", "3.5x faster"),
            ("mail ops@evil.example.", "mail `ops@evil.example`."),
            ("mailto:a.b+c@x-y.example", "mailto:`a.b+c@x-y.example`"),
            ("xmpp:a@b.example/r", "xmpp:`a@b.example/r`"),
            ("https://u@evil.example/x", "https\\://`u@evil.example/x`"),
            ("a_b@c.d@e.f", "`a_b@c.d@e.f`"),
            ("Alice <alice@example.org>", "Alice \\<`alice@example.org`\\>"),
            ("caf\u{e9}@x.example", "caf\u{e9}`@x.example`"),
            ("a@ and @ and @.", "a@ and @ and @."),
        ] {
            assert_eq!(super::md(text), want);
        }
    }

    /// What GitHub turns into a mention (a notification) or an issue reference when the
    /// report is pasted into an issue or a pull request is a code span, which its
    /// filters leave alone (html-pipeline's IGNORE_PARENTS: pre, code, a).
    #[test]
    fn mentions_and_issue_references_are_code() {
        for (text, want) in [
            ("ping @octocat, @org/team-x.", "ping `@octocat`, `@org/team-x`."),
            ("see #12 and owner/repo#345", "see `#12` and `owner/repo#345`"),
            ("a # 1 and #x", "a \\# 1 and \\#x"),
            ("@@x", "@`@x`"),
            ("ok :white_check_mark: :+1: a:b c: :d", "ok `:white_check_mark:` `:+1:` a:b c: :d"),
            ("at 12:30:45, arn:aws:kms:eu-west-1:1:key/x", "at 12:30:45, arn:aws:kms:eu-west-1:1:key/x"),
        ] {
            assert_eq!(super::md(text), want, "{text}");
        }
    }

    /// A batch document written row by row as bundles come says exactly what the whole
    /// rendering from every report kept to the end says.
    #[test]
    fn a_batch_written_as_it_comes_reads_as_one_rendered_at_the_end() {
        for run in testing::runs() {
            for verbose in [false, true] {
                let full = Style { verbose, ..run.style(&run.record) };
                let want = super::whole(&run.reports, &run.tally, &full);
                let mut sink = report::sink(Format::Markdown, Style { verbose, ..run.style(&run.base) });
                assert_eq!(sink.keeps(), Keep::First);
                assert_eq!(run.streamed(sink.as_mut(), &full), want, "{}, verbose {verbose}", run.what);
            }
        }
    }
}
