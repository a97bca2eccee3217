//! `--format html`: one self-contained page for working papers: the record of the
//! audit, the verdict, the findings with the bundle's own lines, the checklist. No
//! script, no external resource (styles are inline), so it opens and prints the same
//! anywhere; `@media print` keeps it readable on paper and in a PDF.
//!
//! maud escapes every interpolated string (`&`, `<`, `>`, `"`); bundle text also goes
//! through [`esc`](super::esc) so control characters show as escapes, and sits in a
//! `<bdi>` so right-to-left letters in it are laid out apart from the page's own words
//! ([`data`], [`pointer`], [`message`]). The output is well-formed
//! XML as well as HTML (void elements are self-closed), which the tests check.

use super::{checklist, esc, Record, Status, Style};
use crate::batch::Tally;
use crate::finding::Finding;
use crate::rules::Section;
use crate::verify::{BundleReport, Verdict};
use maud::{html, Markup, PreEscaped, DOCTYPE};

const CSS: &str = "
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f23;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:1.6rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.4rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.verdict{font-size:1.1rem;padding:.6rem .8rem;border-radius:6px;margin:.6rem 0}
.verified{background:#dafbe1;border:1px solid #4ac26b}.rejected{background:#ffebe9;border:1px solid #ff8182}
.finding{border-left:4px solid #d0d7de;padding:.3rem .7rem;margin:.7rem 0;page-break-inside:avoid}
.error{border-color:#cf222e}.warning{border-color:#bf8700}.info{border-color:#0969da}
pre{background:#f6f8fa;padding:.4rem .6rem;margin:.3rem 0;white-space:pre-wrap}
.caret{color:#cf222e;font-weight:bold}.st{font-weight:bold;white-space:nowrap}
.PASS{color:#1a7f37}.FAIL{color:#cf222e}.WARN{color:#9a6700}.INFO{color:#0969da}.SKIP{color:#6e7781}
ul.checks{list-style:none;padding-left:.4rem}ul.checks li{margin:.1rem 0}
@media print{body{margin:0;max-width:none;font-size:11px}h2{page-break-after:avoid}a{color:inherit}}
";

pub fn render(reports: &[BundleReport], tally: &Tally, style: &Style) -> String {
    let batch = !super::alone(reports.len(), tally);
    let rows: Vec<Row> = reports.iter().map(|r| Row::of(r, style, batch, reports.len() == 1)).collect();
    super::rows_text::<Page>(&rows, reports, tally, style)
}

/// What the page shows of one bundle: its line in the summary table and its section,
/// written as the bundle comes (neither depends on later bundles), so a batch keeps
/// this, not every report.
pub struct Row {
    name: String,
    verdict: Verdict,
    first_failing: Option<&'static str>,
    /// What the verdict established, as the summary's last column says it.
    established: String,
    section: String,
}

impl Row {
    /// `whole`: the run's one bundle (beside inputs not read or entries left out), shown
    /// in full as a run of it alone is.
    fn of(r: &BundleReport, style: &Style, batch: bool, whole: bool) -> Row {
        Row {
            name: esc(&r.name).into_owned(),
            verdict: r.verdict,
            first_failing: super::human::first_failing(r, style.strict),
            established: message(&super::established(r, style.record)).into_string(),
            section: bundle(r, style, batch, whole).into_string(),
        }
    }
}

/// Stands for the rows' sections in the page while its frame is written. Escaped text
/// holds no NUL, and the page is split at the last marker: only closing tags follow it,
/// so no text in the header can move where the sections go.
const SECTIONS: &str = "\u{0}sections\u{0}";

/// The page before and after the rows' sections; `reports` holds the run's first report
/// when it has one bundle (the record then shows its payload).
fn page(rows: &[Row], reports: &[BundleReport], tally: &Tally, style: &Style) -> (String, String) {
    let rec = style.record;
    let title = match rows {
        [r] => format!("aeb-verify: {}", r.name),
        _ => format!("aeb-verify: {} bundles", rows.len()),
    };
    let batch = !super::alone(rows.len(), tally);
    let single = reports.get(..1).filter(|_| rows.len() == 1).unwrap_or_default();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                (PreEscaped("<meta charset=\"utf-8\"/>"))
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { @match rows { [r] => { "aeb-verify: " (data(&r.name)) }, _ => { (title) } } }
                @if batch {
                    (summary(rows, tally))
                }
                (record(rec, single))
                (PreEscaped(SECTIONS))
            }
        }
    };
    let mut s = page.into_string();
    s.push('\n');
    match s.rsplit_once(SECTIONS) {
        Some((head, tail)) => (head.to_owned(), tail.to_owned()),
        None => (s, String::new()),
    }
}

/// `--format html`, written from each bundle's [`Row`] ([`super::Rows`]). Rows are made
/// for a batch; a run of one bundle is written again from its report, since its
/// section differs.
pub struct Page;

impl super::RowFormat for Page {
    type Row = Row;

    fn row(r: &BundleReport, style: &Style) -> Row {
        Row::of(r, style, true, false)
    }

    /// The run's one bundle is shown in full, in a batch's frame when the run found more
    /// (an input not read, an entry left out).
    fn from_one(rows: usize, _tally: &Tally) -> bool {
        rows == 1
    }

    fn one(r: &BundleReport, tally: &Tally, style: &Style) -> String {
        render(std::slice::from_ref(r), tally, style)
    }

    fn frame(rows: &[Row], first: &[BundleReport], tally: &Tally, style: &Style) -> (String, String) {
        page(rows, first, tally, style)
    }

    fn section(row: &Row) -> &str {
        &row.section
    }
}

/// Bundle or file-name text, escaped ([`esc`]) and isolated in a `<bdi>`: the Unicode
/// bidirectional algorithm lays out what a `<bdi>` holds apart from the page's own words
/// and digits around it, so right-to-left letters in a bundle's text cannot move the
/// report's "line 7" or ", " into or across it (`found "שלום" expected 42`).
fn data(s: &str) -> Markup {
    html! { bdi { (esc(s)) } }
}

/// A JSON pointer isolated as a whole, and each of its reference tokens on its own: in
/// `/a/א/1` the digit after the Hebrew token would otherwise be laid out with it, right
/// to left, and the pointer read `/a/1/א`, another member's.
fn pointer(p: &str) -> Markup {
    shown_pointer(&crate::text::shown_pointer(p))
}

/// A pointer as [`crate::text::shown_pointer`] shows it (bare, or a JSON string literal
/// when a name in it is not plain), isolated whole and token by token.
fn shown_pointer(p: &str) -> Markup {
    let mut tokens = p.split('/');
    let head = tokens.next().unwrap_or_default();
    html! { bdi { (head) @for t in tokens { "/" bdi { (t) } } } }
}

/// A strong right-to-left letter (bidi class R or AL, by block): Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and the right-to-left
/// scripts of the supplementary planes.
fn right_to_left(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x1_0800..=0x1_0FFF | 0x1_E800..=0x1_EFFF)
}

/// A message: the tool's words with bundle text in them. Each JSON string literal it
/// quotes (`"..."`, [`crate::text::quote_claim`]) is isolated, and so is every other word
/// that holds a right-to-left letter: a pointer among them (a member name in the pointer
/// a message names) token by token, as [`pointer`] shows one, so that no bundle text is
/// laid out together with the tool's digits and punctuation.
fn message(s: &str) -> Markup {
    let s = esc(s);
    let mut parts: Vec<(Part, &str)> = Vec::new();
    let mut rest: &str = &s;
    while let Some(open) = rest.find('"') {
        // The closing quote: the next one not escaped by a backslash.
        let mut close = None;
        let mut escaped = false;
        for (i, c) in rest[open + 1..].char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    close = Some(open + 1 + i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(close) = close else { break };
        words(&mut parts, &rest[..open]);
        // A pointer quoted because a name in it is not plain: token by token too.
        let quoted = &rest[open..=close];
        parts.push((if quoted.starts_with("\"/") { Part::Pointer } else { Part::Isolated }, quoted));
        rest = &rest[close + 1..];
    }
    words(&mut parts, rest);
    html! {
        @for (part, t) in parts {
            @match part {
                Part::Tool => { (t) }
                Part::Isolated => { bdi { (t) } }
                Part::Pointer => { (shown_pointer(t)) }
            }
        }
    }
}

/// How a piece of a message is shown: as the tool's words, isolated, or as a pointer.
#[derive(Clone, Copy)]
enum Part {
    Tool,
    Isolated,
    Pointer,
}

/// Text outside quotes, split so that bundle text with right-to-left letters in it is
/// isolated: a word holding a `/` from its first `/` on as a pointer, and otherwise each
/// run of words from one holding a right-to-left letter to the last such word before a
/// Latin (left-to-right) word, digits between them included (`שלום 42 עולם` is one
/// isolate, shown in its own order), without the punctuation that follows it in the
/// sentence.
fn words<'s>(parts: &mut Vec<(Part, &'s str)>, text: &'s str) {
    #[derive(PartialEq)]
    enum Kind {
        Rtl,
        Ltr,
        Neutral,
    }
    let kind = |w: &str| {
        if w.chars().any(right_to_left) {
            Kind::Rtl
        } else if w.chars().any(char::is_alphabetic) {
            Kind::Ltr
        } else {
            Kind::Neutral
        }
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for w in text.split(' ') {
        spans.push((at, at + w.len(), kind(w), w.contains('/')));
        at += w.len() + 1;
    }
    let trim = |w: &'s str| w.trim_end_matches([',', ';', ':', '.', ')']);
    let mut from = 0;
    let mut i = 0;
    while let Some(&(start, end, ref k, slash)) = spans.get(i) {
        if *k != Kind::Rtl {
            i += 1;
            continue;
        }
        if slash {
            let core = trim(text.get(start..end).unwrap_or_default());
            let lead = core.find('/').unwrap_or_default();
            parts.push((Part::Tool, text.get(from..start + lead).unwrap_or_default()));
            parts.push((Part::Pointer, core.get(lead..).unwrap_or_default()));
            from = start + core.len();
            i += 1;
            continue;
        }
        // The last right-to-left word reached through digits and punctuation.
        let mut last = (i, end);
        for (j, span) in spans.iter().enumerate().skip(i + 1) {
            if span.2 == Kind::Ltr || span.3 {
                break;
            }
            if span.2 == Kind::Rtl {
                last = (j, span.1);
            }
        }
        let core = trim(text.get(start..last.1).unwrap_or_default());
        parts.push((Part::Tool, text.get(from..start).unwrap_or_default()));
        parts.push((Part::Isolated, core));
        from = start + core.len();
        i = last.0 + 1;
    }
    parts.push((Part::Tool, text.get(from..).unwrap_or_default()));
}

fn verdict_class(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Verified => ("VERIFIED", "verdict verified"),
        Verdict::Rejected => ("REJECTED", "verdict rejected"),
    }
}

fn summary(rows: &[Row], tally: &Tally) -> Markup {
    html! {
        h2 { "Summary" }
        p { (tally.line()) "." }
        table {
            tr { th { "file" } th { "verdict" } th { "first failing rule" } th { "established" } }
            @for r in rows {
                tr {
                    td.mono { (data(&r.name)) }
                    td { (verdict_class(r.verdict).0) }
                    td.mono { (r.first_failing.unwrap_or("-")) }
                    td { (PreEscaped(&r.established)) }
                }
            }
            (unread_rows(tally))
        }
    }
}

/// The summary's rows for the inputs not read and the entries left out, after the
/// bundles', as Markdown's: the reason in the last column. It stood under "first
/// failing rule", as if "No such file or directory" were a rule the input failed.
fn unread_rows(tally: &Tally) -> Markup {
    html! {
        @for u in &tally.unreadable {
            tr { td.mono { (data(&u.path)) } td { "UNREADABLE" } td { "-" } td { (message(&u.reason)) } }
        }
        @for n in &tally.skipped {
            tr { td.mono { (data(&n.path)) } td { "SKIPPED" } td { "-" } td { (message(&super::left_out(n, tally.strict))) } }
        }
    }
}

fn record(rec: &Record, reports: &[BundleReport]) -> Markup {
    let tolerance = rec.tolerance.map_or("the decimals shown".to_owned(), |t| t.to_string());
    html! {
        h2 { "Record of the audit" }
        table {
            tr { th { "tool" } td { "aeb-verify " (rec.tool_version) } }
            tr { th { "judged at" } td.mono { (rec.now) " (" (rec.now_from) ")" } }
            @for i in &rec.inputs {
                tr { th { "input" } td.mono {
                    div { (data(&i.path)) }
                    div { @match (&i.sha256, i.bytes) {
                        (Some(h), Some(b)) => { (b) " bytes, sha256 " (h) }
                        _ => { "not read" }
                    } }
                } }
            }
            @if let [r] = reports {
                @if let Some(d) = &r.digest {
                    tr { th { "payload" } td.mono { (d.payload_len) " bytes, sha256 " (d.payload_sha256) } }
                }
            }
            @if rec.keys.is_empty() {
                tr { th { "keys" } td { "none supplied" } }
            }
            @for k in &rec.keys {
                tr { th { "key" } td {
                    span.mono { (k.kind) " " (data(&k.file)) " " (k.id) }
                    @if let Some(id) = &k.key_id { " for " span.mono { (data(id)) } }
                    @for u in &k.names() { div { (data(u)) } }
                    @if k.kind == "openpgp" && k.user_ids.is_empty() { div { (super::record::NO_VALID_USER_ID) } }
                    div { @if k.verified.is_empty() { "verified no signature" }
                    @else { "verified " span.mono { @for (i, v) in k.verified.iter().enumerate() { @if i > 0 { ", " } (data(v)) } } } }
                } }
            }
            tr { th { "policy" } td {
                "profile " (rec.profile) ", " (if rec.strict { "strict" } else { "not strict" })
                ", tolerance " (tolerance) ", max " (rec.max_bytes) " bytes, depth " (rec.max_depth)
                ", " (rec.signature_policy())
                @if rec.min_signers > 0 { ", min " (rec.min_signers) " signers" }
                @if !rec.signers.is_empty() {
                    ", signers " @for (i, p) in rec.signers.iter().enumerate() { @if i > 0 { ", " } span.mono { (data(p)) } }
                }
            } }
            @if !rec.deny_patterns.is_empty() {
                tr { th { "deny" } td { @for (i, p) in rec.deny_patterns.iter().enumerate() { @if i > 0 { " " } span.mono { (data(p)) } } } }
            }
            @for o in &rec.overrides {
                tr { th { "override" } td { span.mono { (data(&o.flag)) } " (" (o.rules.join(", ")) " to " (o.severity.as_str()) ")" } }
            }
            @if rec.follow || !rec.exclude.is_empty() {
                tr { th { "walk" } td {
                    @if rec.follow { span.mono { "--follow" } }
                    @for (i, g) in rec.exclude.iter().enumerate() {
                        @if rec.follow || i > 0 { ", " } span.mono { "--exclude " (data(g)) }
                    }
                } }
            }
            @for (label, line) in rec.context_lines() {
                tr { th { (label) } td.mono { (PreEscaped(line.text(|t| data(t).into_string()))) } }
            }
            tr { th { "rerun" } td.mono { (data(&rec.command)) } }
        }
    }
}

fn bundle(r: &BundleReport, style: &Style, batch: bool, whole: bool) -> Markup {
    let (word, class) = verdict_class(r.verdict);
    let detail = !batch || whole || style.verbose || r.verdict == Verdict::Rejected;
    html! {
        @if batch { h2 { (data(&r.name)) } }
        div class=(class) { strong { (word) } " " span.mono { (data(&r.name)) } ": " (message(&super::established(r, style.record))) }
        @if detail && !r.outcome.findings.is_empty() {
            h2 { "Findings" }
            @for f in super::by_severity(r) { (finding(f, style.record)) }
        }
        @if detail && super::fixable(r) {
            h3 { "To fix this bundle (publisher), in this order" }
            ol { @for step in super::FIX_STEPS { li { (step) } } }
        }
        @if detail {
            h2 { "Checklist" }
            (checks(r, style.record))
        }
    }
}

fn finding(f: &Finding, rec: &Record) -> Markup {
    let sev = f.severity.as_str();
    html! {
        div class={ "finding " (sev) } {
            div { strong { (sev) } " " code { (f.rule.id) } ": " (message(&f.message)) }
            @if let Some(p) = f.position {
                div.mono { "at " (pointer(&f.pointer)) ", line " (p.line) ", column " (p.column) }
            } @else if !f.pointer.is_empty() {
                div.mono { "at " (pointer(&f.pointer)) }
            }
            @if let (Some(e), Some(p)) = (&f.excerpt, f.position) {
                (source_line(e, p.line))
            }
            @if let Some(e) = &f.expected { div { "expected: " span.mono { (message(e)) } } }
            @if let Some(x) = &f.found { div { "found: " span.mono { (message(x)) } } }
            @if let Some(n) = super::remap_note(f, rec) { div { em { (n) } } }
            div { "what to do: " (super::what_to_do(f.rule)) }
        }
    }
}

/// The bundle's line with the pointed-at token marked, escaped char by char.
fn source_line(e: &crate::finding::Excerpt, line: usize) -> Markup {
    let before: String = e.text.chars().take(e.start).collect();
    let token: String = e.text.chars().skip(e.start).take(e.len).collect();
    let after: String = e.text.chars().skip(e.start.saturating_add(e.len)).collect();
    html! {
        pre {
            (line) " | "
            bdi dir="ltr" {
                @if e.clipped_start { "…" }
                (esc(&before)) span.caret { u { (esc(&token)) } } (esc(&after))
                @if e.clipped_end { "…" }
            }
        }
    }
}

fn checks(r: &BundleReport, rec: &Record) -> Markup {
    let list = checklist(r);
    html! {
        @for section in Section::ALL {
            @let rows: Vec<_> = list.iter().filter(|c| c.rule.section == section).collect();
            @if !rows.is_empty() {
                h3 { (section.name()) }
                ul.checks {
                    @for c in rows {
                        @let lowered = super::lowered_in_check(r, c.rule, rec);
                        li {
                            span class={ "st " (c.status.label()) } {
                                (if lowered.is_some() { "☐" } else { mark(c.status) }) " " (c.status.label())
                            }
                            " " (c.rule.title) " " code { (c.rule.id) }
                            @if let Some(why) = &c.reason { ": skipped, " (message(why)) }
                            @if let Some(lowered) = &lowered { " (" (lowered) ")" }
                        }
                    }
                }
            }
        }
    }
}

fn mark(s: Status) -> &'static str {
    match s {
        Status::Pass | Status::Info => "☑",
        Status::Warn | Status::Fail => "☐",
        Status::Skip => "–",
    }
}

#[cfg(test)]
mod tests {
    use super::{bundle, data, esc, message, record, verdict_class, BundleReport, Style, Tally, CSS};
    use crate::finding::Excerpt;
    use crate::report::{self, testing, Format, Keep};
    use maud::{html, Markup, PreEscaped, DOCTYPE};

    /// The page as written before [`super::Row`] (2026-12-02), from every report kept to
    /// the end of the run: the definition the row-by-row page is held to.
    fn rendered_from_every_report(reports: &[BundleReport], tally: &Tally, style: &Style) -> String {
        let rec = style.record;
        let title = match reports {
            [r] => format!("aeb-verify: {}", esc(&r.name)),
            _ => format!("aeb-verify: {} bundles", reports.len()),
        };
        let batch = reports.len() != 1 || !tally.unreadable.is_empty();
        let page = html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    (PreEscaped("<meta charset=\"utf-8\"/>"))
                    title { (title) }
                    style { (PreEscaped(CSS)) }
                }
                body {
                    h1 { @match reports { [r] => { "aeb-verify: " (data(&r.name)) }, _ => { (title) } } }
                    @if batch {
                        (summary_from_every_report(reports, tally, style))
                    }
                    (record(rec, reports))
                    @for r in reports {
                        (bundle(r, style, batch, reports.len() == 1))
                    }
                }
            }
        };
        let mut s = page.into_string();
        s.push('\n');
        s
    }

    fn summary_from_every_report(reports: &[BundleReport], tally: &Tally, style: &Style) -> Markup {
        html! {
            h2 { "Summary" }
            p { (tally.line()) "." }
            table {
                tr { th { "file" } th { "verdict" } th { "first failing rule" } th { "established" } }
                @for r in reports {
                    tr {
                        td.mono { (data(&r.name)) }
                        td { (verdict_class(r.verdict).0) }
                        td.mono { (super::super::human::first_failing(r, style.strict).unwrap_or("-")) }
                        td { (message(&super::super::established(r, style.record))) }
                    }
                }
                (super::unread_rows(tally))
            }
        }
    }

    /// A page written row by row as bundles come says exactly what rendering it from
    /// every report at the end says, for batches and for runs of one bundle.
    #[test]
    fn a_page_written_as_it_comes_reads_as_one_rendered_at_the_end() {
        for run in testing::runs() {
            for verbose in [false, true] {
                let full = Style { verbose, ..run.style(&run.record) };
                let want = rendered_from_every_report(&run.reports, &run.tally, &full);
                assert_eq!(super::render(&run.reports, &run.tally, &full), want, "{}", run.what);
                let mut sink = report::sink(Format::Html, Style { verbose, ..run.style(&run.base) });
                assert_eq!(sink.keeps(), Keep::First);
                assert_eq!(run.streamed(sink.as_mut(), &full), want, "{}, verbose {verbose}", run.what);
            }
        }
    }

    /// Right-to-left bundle text in a message is isolated: a run of Hebrew words with the
    /// digits between them as one (their own order kept), a pointer token by token, a
    /// quoted value whole; the tool's Latin words and punctuation stay outside.
    #[test]
    fn a_message_isolates_right_to_left_text_and_pointers() {
        let m = |s: &str| super::message(s).into_string();
        assert_eq!(m("found שלום 42 עולם, and more"), "found <bdi>שלום 42 עולם</bdi>, and more");
        assert_eq!(
            m("the string at /x/א/1 contains 7"),
            "the string at <bdi>/<bdi>x</bdi>/<bdi>א</bdi>/<bdi>1</bdi></bdi> contains 7"
        );
        assert_eq!(m("\"אבג 42\" is 42"), "<bdi>&quot;אבג 42&quot;</bdi> is 42");
        assert_eq!(m("a א 1 b ב"), "a <bdi>א</bdi> 1 b <bdi>ב</bdi>");
        assert_eq!(m("no quote \" closes א"), "no quote &quot; closes <bdi>א</bdi>");
    }

    #[test]
    fn the_token_is_marked_on_its_chars() {
        let e = |start, len| Excerpt { text: "ab\"é\"<c".into(), clipped_start: true, clipped_end: false, start, len };
        let pre = |start, len| super::source_line(&e(start, len), 7).into_string();
        let ltr = "<pre>7 | <bdi dir=\"ltr\">";
        assert_eq!(pre(2, 3), format!("{ltr}…ab<span class=\"caret\"><u>&quot;é&quot;</u></span>&lt;c</bdi></pre>"));
        assert_eq!(pre(6, 4), format!("{ltr}…ab&quot;é&quot;&lt;<span class=\"caret\"><u>c</u></span></bdi></pre>"));
        assert_eq!(pre(9, 1), format!("{ltr}…ab&quot;é&quot;&lt;c<span class=\"caret\"><u></u></span></bdi></pre>"));
    }
}
