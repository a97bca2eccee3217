//! The one shape every check speaks in. Checks produce [`Finding`]s and mark the rules
//! they evaluated in an [`Outcome`]; reporters render them. Nothing here prints.

use crate::rules::Rule;
use serde::Serialize;

/// Ordered so that `max()` over findings gives the worst one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" | "deny" => Ok(Severity::Error),
            other => Err(format!("unknown severity '{other}' (info, warning, error)")),
        }
    }
}

/// 1-based line and column; the column counts Unicode scalar values, as SARIF's
/// `unicodeCodePoints` column kind does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One thing a check has to say about one place in a bundle.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// Set when `--allow/--warn/--deny` changed the severity for this run.
    pub remapped_from: Option<Severity>,
    /// RFC 6901 pointer into the bundle; "" is the whole document.
    pub pointer: String,
    /// Byte offset in the source, when the check knows it better than the pointer does
    /// (the reader does: a syntax error has no value to point at).
    pub offset: Option<usize>,
    /// Resolved from `offset` or `pointer` once, when the report is assembled.
    pub position: Option<Position>,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub message: String,
    /// Profile requirements this finding also breaks (a contradicted claim under
    /// `--profile marketplace`): one finding, counted once, that fails both checks.
    pub breaks: Vec<&'static Rule>,
    /// Non-zero for the one "and N more" finding that stands for the findings of its
    /// rule beyond [`MAX_PER_RULE`]: how many it stands for.
    pub more: usize,
    /// The bundle's own text around `position`, taken once when the report is
    /// assembled, so reporters can show the line without keeping the whole source.
    pub excerpt: Option<Excerpt>,
    /// Set on an info finding that says the check could not confirm what it holds the
    /// bundle to (a count the table gives only as a lower bound): the reason the check
    /// is SKIP, not PASS or INFO, in every format (spec section 7).
    pub unconfirmed: Option<&'static str>,
}

/// A window of one source line (raw text: reporters escape it) and the token a finding
/// points at within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line's text, or a window of it when the line is long (a minified bundle is
    /// one line); `clipped_start`/`clipped_end` say whether text was cut off.
    pub text: String,
    pub clipped_start: bool,
    pub clipped_end: bool,
    /// Char index in `text` where the pointed-at token starts, and its length in chars.
    pub start: usize,
    pub len: usize,
}

impl Finding {
    pub fn new(rule: &'static Rule, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            remapped_from: None,
            pointer: pointer.into(),
            offset: None,
            position: None,
            expected: None,
            found: None,
            message: message.into(),
            breaks: Vec::new(),
            more: 0,
            excerpt: None,
            unconfirmed: None,
        }
    }

    /// How many findings this one counts for in a report's tallies: itself, or the N
    /// findings an "and N more" finding stands for (listed or not, every finding counts).
    pub fn counts_for(&self) -> usize {
        self.more.max(1)
    }

    /// The "and N more" finding for `n` findings of `rule` not listed, pointing at the
    /// first of them.
    pub fn more(rule: &'static Rule, n: usize, severity: Severity, pointer: String, offset: Option<usize>) -> Self {
        let mut f = Finding::new(rule, pointer, more_message(rule, n)).severity(severity);
        f.offset = offset;
        f.more = n;
        f
    }

    /// The text this finding carries, for [`Outcome::listed_bytes`].
    pub(crate) fn text_bytes(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        self.pointer.len() + self.message.len() + opt(&self.expected) + opt(&self.found)
    }

    pub fn at(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    pub fn expected(mut self, v: impl Into<String>) -> Self {
        self.expected = Some(v.into());
        self
    }

    pub fn found(mut self, v: impl Into<String>) -> Self {
        self.found = Some(v.into());
        self
    }

    /// An info finding saying the check ran but could not confirm: its check reads SKIP,
    /// `reason` (". . .: not confirmed"), never PASS ([`Finding::unconfirmed`]).
    pub fn unconfirmed(mut self, reason: &'static str) -> Self {
        self.severity = Severity::Info;
        self.unconfirmed = Some(reason);
        self
    }

    /// For checks that decide severity themselves (a rule that is a warning in one
    /// situation and an error in another keeps one id).
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }
}

/// What a run of checks produced: the findings, plus which rules were evaluated and
/// which were skipped (and why), so that a report can say PASS or SKIP and not only
/// list failures.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub evaluated: Vec<&'static str>,
    pub skipped: Vec<(&'static str, String)>,
    /// Per rule: findings kept so far, and where its "and N more" finding is once past
    /// [`MAX_PER_RULE`]. A check can make a finding per byte of hostile input (a claim
    /// of a million numbers, a million e-mail addresses): past the cap they are only
    /// counted, so a bundle's findings take memory bounded by the rules, not the input.
    counted: Vec<(&'static str, usize, Option<usize>)>,
    /// Bytes of text the listed findings carry (pointer, message, expected, found).
    /// A pointer repeats every member name on its path: a 4 MB name over 200 defects
    /// made 100 listed findings of 4 MB each (800 MB, 40 s). Past [`MAX_LISTED_BYTES`]
    /// findings are only counted, like those past [`MAX_PER_RULE`].
    listed_bytes: usize,
    /// No report of the run shows a finding's words (`-q` with no `--output`,
    /// [`crate::options::Options::texts`]): [`Outcome::push_lazy`] pushes its findings
    /// bare (rule, severity, pointer), their messages never formatted. The verdict line
    /// counts findings by rule and severity only; a batch formatted five claims messages
    /// a bundle for it to print none.
    untold: bool,
}

/// Whether `id` is `rule`'s: rules are statics with unique ids (`rules::tests`), so the
/// same rule always brings the same pointer and the text need not be compared (a batch
/// marks about a hundred rules per bundle, each against the list so far).
pub(crate) fn same_id(id: &&'static str, rule: &'static Rule) -> bool {
    let same = std::ptr::eq(*id, rule.id);
    // A rule declared `const` instead of `static` would break the premise: tests notice.
    debug_assert_eq!(same, *id == rule.id, "rule {} is not one static", rule.id);
    same
}

impl Outcome {
    /// Findings made apart from an outcome (a signature entry's), to `extend` one with.
    pub fn of_findings(findings: Vec<Finding>) -> Outcome {
        Outcome { findings, ..Outcome::default() }
    }

    /// An outcome whose lazily made findings are pushed without their words when
    /// `texts` is false (see `Outcome::untold`).
    pub fn with_texts(texts: bool) -> Outcome {
        Outcome { untold: !texts, ..Outcome::default() }
    }

    pub fn push(&mut self, f: Finding) {
        self.mark(f.rule);
        self.keep(f);
    }

    /// Keeps a finding, or past its rule's cap counts it in the rule's "and N more"
    /// finding (whose message [`name_the_rest`] writes once the count is final).
    fn keep(&mut self, f: Finding) {
        let at = match self.counted.iter().position(|(id, ..)| same_id(id, f.rule)) {
            Some(at) => at,
            None => {
                self.counted.push((f.rule.id, 0, None));
                self.counted.len() - 1
            }
        };
        let Some((_, kept, more)) = self.counted.get_mut(at) else { return };
        // A rule's first finding is listed past the text limit when its own text is
        // small: "and 1 more integrity.hash-mismatch finding(s) not listed" stood for the
        // one finding that rejected a bundle whose reading findings had used the limit,
        // with no expected or found hash.
        let first = *kept == 0 && more.is_none() && f.text_bytes() <= MAX_FIRST_BYTES;
        if *kept < MAX_PER_RULE && f.more == 0 && (self.listed_bytes < MAX_LISTED_BYTES || first) {
            *kept += 1;
            self.listed_bytes += f.text_bytes();
            self.findings.push(f);
            return;
        }
        let extra = f.more.max(1);
        match more.and_then(|i| self.findings.get_mut(i)) {
            Some(m) => {
                m.more += extra;
                m.severity = m.severity.max(f.severity);
            }
            None => {
                *more = Some(self.findings.len());
                let pointer = ancestor_within(f.pointer);
                self.findings.push(Finding::more(f.rule, extra, f.severity, pointer, f.offset));
            }
        }
    }

    /// Pushes the finding `make` builds, or, past its rule's cap, only counts it without
    /// building it. For a check that can make a finding per few bytes of input (a claim
    /// of "5% zorp" repeated: 3.2 MB of claim formatted 400,000 messages to list 100) and
    /// whose findings carry their rule's own severity and no offset.
    pub fn push_lazy(&mut self, rule: &'static Rule, pointer: &str, make: impl FnOnce() -> Finding) {
        if self.lists(rule) {
            let f = if self.untold {
                // counted as the made finding would be: the same rule, severity, pointer
                Finding::new(rule, pointer, String::new())
            } else {
                make()
            };
            debug_assert!(std::ptr::eq(f.rule, rule) && f.severity == rule.severity && f.offset.is_none());
            self.push(f);
        } else if !self.count_more(rule) {
            // the first past the cap: `keep` makes the rule's "and N more" finding of it
            self.push(Finding::more(rule, 1, rule.severity, pointer.to_owned(), None));
        }
    }

    /// Counts one more finding of `rule` without its pointer, when it would be neither
    /// listed nor the first past the cap (whose pointer the "and N more" finding keeps);
    /// false when the finding is needed whole. A pointer repeats every member name on its
    /// path: 20,000 e-mail addresses under a 4 MB name built 80 GB of pointers to count.
    pub fn count_only(&mut self, rule: &'static Rule) -> bool {
        !self.lists(rule) && self.count_more(rule)
    }

    /// Whether a finding of `rule` pushed now would be listed: within the caps, or the
    /// rule's first finding ([`keep`](Outcome::keep) lists it if its own text is small).
    fn lists(&self, rule: &'static Rule) -> bool {
        match self.counted.iter().find(|(id, ..)| same_id(id, rule)) {
            None => true,
            Some((_, kept, _)) => self.listed_bytes < MAX_LISTED_BYTES && *kept < MAX_PER_RULE,
        }
    }

    /// Adds one to the rule's "and N more" finding, if it has one yet.
    fn count_more(&mut self, rule: &'static Rule) -> bool {
        let more = self.counted.iter().find(|(id, ..)| same_id(id, rule)).and_then(|(.., more)| *more);
        let Some(m) = more.and_then(|i| self.findings.get_mut(i)) else { return false };
        m.more += 1;
        m.severity = m.severity.max(rule.severity);
        self.mark(rule);
        true
    }

    /// The rule was evaluated (whether or not it found anything).
    pub fn mark(&mut self, rule: &'static Rule) {
        if !self.evaluated.iter().any(|id| same_id(id, rule)) {
            self.evaluated.push(rule.id);
        }
    }

    pub fn skip(&mut self, rule: &'static Rule, why: impl Into<String>) {
        if !self.skipped.iter().any(|(id, _)| same_id(id, rule)) {
            self.skipped.push((rule.id, why.into()));
        }
    }

    pub fn extend(&mut self, other: Outcome) {
        for id in other.evaluated {
            if !self.evaluated.contains(&id) {
                self.evaluated.push(id);
            }
        }
        for s in other.skipped {
            if !self.skipped.iter().any(|(id, _)| *id == s.0) {
                self.skipped.push(s);
            }
        }
        for f in other.findings {
            self.keep(f);
        }
    }

    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Bytes of text (see [`Outcome::listed_bytes`]) after which a bundle's findings are
/// counted, not listed: the report's size is bounded by this plus one finding, not by
/// the input times the number of findings.
pub const MAX_LISTED_BYTES: usize = 4 << 20;

/// The most text (see [`Outcome::listed_bytes`]) a rule's first finding may carry to be
/// listed once [`MAX_LISTED_BYTES`] is reached: every rule then still shows what it
/// found, and the report grows by at most this much per rule of the catalogue.
pub(crate) const MAX_FIRST_BYTES: usize = 16 << 10;

/// The longest pointer an "and N more" finding keeps: longer, it points at the nearest
/// ancestor within the limit (its line and column still name the exact place).
const MAX_MORE_POINTER: usize = 4096;

/// `pointer`, or the pointer of its nearest ancestor no longer than
/// [`MAX_MORE_POINTER`] bytes ("" for the whole document).
pub(crate) fn ancestor_within(pointer: String) -> String {
    if pointer.len() <= MAX_MORE_POINTER {
        return pointer;
    }
    let mut cut = MAX_MORE_POINTER;
    while !pointer.is_char_boundary(cut) {
        cut -= 1;
    }
    let end = pointer.get(..cut).and_then(|head| head.rfind('/')).unwrap_or(0);
    pointer.get(..end).unwrap_or_default().to_owned()
}

/// How many findings of one rule a bundle's report lists; the rest are counted in one
/// "and N more" finding. A hostile bundle can hold a million lone surrogates: listing
/// them would make the report, not the bundle, the cost (contract section 1).
pub const MAX_PER_RULE: usize = 100;

fn more_message(rule: &Rule, n: usize) -> String {
    format!("and {n} more {} finding(s) not listed, the first of them here", rule.id)
}

/// The message of a rule's findings when none of them is listed (each was too long to
/// list once the report's text limit was reached): "and N more" would speak of a first
/// finding the report does not show.
fn unlisted_message(rule: &Rule, n: usize) -> String {
    format!(
        "{n} {} finding(s) not listed (each too long to list after {} MiB of findings), the first of them here",
        rule.id,
        MAX_LISTED_BYTES >> 20
    )
}

/// Writes each "and N more" finding's message, once every finding has been kept or
/// counted ([`Outcome::push`], which keeps the first [`MAX_PER_RULE`] of each rule).
pub fn name_the_rest(findings: &mut [Finding]) {
    let listed: Vec<&'static str> = findings.iter().filter(|f| f.more == 0).map(|f| f.rule.id).collect();
    for f in findings.iter_mut().filter(|f| f.more > 0) {
        f.message = if listed.iter().any(|id| std::ptr::eq(*id, f.rule.id)) {
            more_message(f.rule, f.more)
        } else {
            unlisted_message(f.rule, f.more)
        };
    }
}

/// Appends one reference token to a JSON pointer, escaped (RFC 6901), with no string
/// of its own: the decimals index builds a pointer for every member it passes.
pub fn push_token(pointer: &mut String, name: &str) {
    if name.contains(['~', '/']) {
        for c in name.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
    } else {
        pointer.push_str(name);
    }
}

/// The value at a JSON pointer (RFC 6901), as serde_json's `Value::pointer` finds it,
/// without allocating for tokens that hold no escape: the audit looks up hundreds of
/// pointers per bundle.
pub fn lookup<'v>(root: &'v serde_json::Value, pointer: &str) -> Option<&'v serde_json::Value> {
    use serde_json::Value;
    if pointer.is_empty() {
        return Some(root);
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').try_fold(root, |target, token| {
        let token: std::borrow::Cow<'_, str> = if token.as_bytes().contains(&b'~') {
            token.replace("~1", "/").replace("~0", "~").into()
        } else {
            token.into()
        };
        match target {
            Value::Object(map) => map.get(token.as_ref()),
            Value::Array(list) if token == "0" || !(token.starts_with('0') || token.starts_with('+')) => {
                token.parse::<usize>().ok().and_then(|i| list.get(i))
            }
            _ => None,
        }
    })
}

/// The top-level member a pointer starts in (unescaped), and the rest of the pointer
/// (`/a~1b/c` -> `a/b`, `/c`); None for a pointer that names no member.
pub fn split_top(pointer: &str) -> Option<(std::borrow::Cow<'_, str>, &str)> {
    let rest = pointer.strip_prefix('/')?;
    // Byte searches: pointers are short, and a char pattern's searcher costs more to set
    // up than the search (the audit splits a few dozen pointers per bundle).
    let (top, inner) = match rest.bytes().position(|b| b == b'/') {
        Some(i) => (rest.get(..i)?, rest.get(i..)?),
        None => (rest, ""),
    };
    let top =
        if top.as_bytes().contains(&b'~') { top.replace("~1", "/").replace("~0", "~").into() } else { top.into() };
    Some((top, inner))
}

/// Joins a parent pointer and a member name or index.
pub fn child(parent: &str, token: &str) -> String {
    let mut p = String::with_capacity(parent.len() + token.len() + 1);
    p.push_str(parent);
    p.push('/');
    push_token(&mut p, token);
    p
}

#[cfg(test)]
mod tests {
    /// An "and N more" pointer is cut at a token boundary, never inside a character,
    /// and a short one is kept whole.
    #[test]
    fn a_long_pointer_is_cut_to_an_ancestor() {
        use super::ancestor_within;
        assert_eq!(ancestor_within("/a/b".to_owned()), "/a/b");
        let name = "\u{FFFD}".repeat(3000);
        assert_eq!(ancestor_within(format!("/a/{name}/0")), "/a");
        assert_eq!(ancestor_within(format!("/{name}")), "");
        let deep = format!("/x{}", "/abc".repeat(2000));
        let cut = ancestor_within(deep.clone());
        assert!(cut.len() <= 4096 && deep.starts_with(&cut) && deep[cut.len()..].starts_with('/'), "{}", cut.len());
    }

    /// Past the cap an outcome only counts a rule's findings: a thousand pushes keep
    /// 101 findings, and the report is the one capping all thousand would give
    /// (the first 100 in order, then "and 900 more" at the 101st's place, with the
    /// worst severity of those it stands for).
    #[test]
    fn an_outcome_counts_findings_past_the_cap() {
        use super::*;
        use crate::claims::diags::UNCHECKED;
        use crate::read::diags::DUPLICATE_NAME;
        let make = |i: usize| {
            let severity = if i == 500 { Severity::Error } else { Severity::Warning };
            Finding::new(&UNCHECKED, format!("/a/{i}"), format!("number {i}")).severity(severity).at(i)
        };
        let mut out = Outcome::default();
        let mut all = Vec::new();
        for i in 0..1000 {
            out.push(make(i));
            all.push(make(i));
            if i % 100 == 7 {
                out.push(Finding::new(&DUPLICATE_NAME, "/b", "other rule"));
                all.push(Finding::new(&DUPLICATE_NAME, "/b", "other rule"));
            }
        }
        assert_eq!(out.findings.len(), MAX_PER_RULE + 1 + 10);
        name_the_rest(&mut out.findings);
        // The reference: every finding made, then the first 100 of each rule kept in
        // order and the rest folded at the first one not listed.
        let mut listed: Vec<Finding> = Vec::new();
        for f in all {
            let n = listed.iter().filter(|g| g.rule.id == f.rule.id && g.more == 0).count();
            if n < MAX_PER_RULE {
                listed.push(f);
            } else if let Some(m) = listed.iter_mut().find(|g| g.rule.id == f.rule.id && g.more > 0) {
                m.more += 1;
                m.severity = m.severity.max(f.severity);
                m.message = more_message(f.rule, m.more);
            } else {
                listed.push(Finding::more(f.rule, 1, f.severity, f.pointer, f.offset));
            }
        }
        let all = listed;
        let shown = |fs: &[Finding]| -> Vec<(String, String, Severity, usize, Option<usize>)> {
            fs.iter().map(|f| (f.pointer.clone(), f.message.clone(), f.severity, f.more, f.offset)).collect()
        };
        assert_eq!(shown(&out.findings), shown(&all));
        let more = out.findings.iter().find(|f| f.more > 0).map(|f| (f.more, f.severity, f.offset));
        assert_eq!(more, Some((900, Severity::Error, Some(100))));
    }

    /// `push_lazy` gives the outcome `push` gives, and past the cap builds nothing:
    /// 250 findings of one rule interleaved with another rule's, pushed both ways.
    #[test]
    fn a_lazy_push_past_the_cap_counts_without_building() {
        use super::*;
        use crate::claims::diags::{UNCHECKED, UNSUPPORTED};
        let make = |rule: &'static Rule, i: usize| Finding::new(rule, format!("/c/{i}"), format!("claim {i}"));
        let (mut eager, mut lazy) = (Outcome::default(), Outcome::default());
        let mut built = 0;
        for i in 0..250 {
            let rule = if i % 3 == 0 { &UNCHECKED } else { &UNSUPPORTED };
            eager.push(make(rule, i));
            lazy.push_lazy(rule, &format!("/c/{i}"), || {
                built += 1;
                make(rule, i)
            });
        }
        // 84 of one rule and 166 of the other: 84 + 100 built, the other 66 only counted
        assert_eq!(built, 84 + MAX_PER_RULE);
        name_the_rest(&mut eager.findings);
        name_the_rest(&mut lazy.findings);
        let shown = |o: &Outcome| -> Vec<(&str, String, String, Severity, usize)> {
            o.findings.iter().map(|f| (f.rule.id, f.pointer.clone(), f.message.clone(), f.severity, f.more)).collect()
        };
        assert_eq!(shown(&lazy), shown(&eager));
        assert_eq!(lazy.evaluated, eager.evaluated);
        assert_eq!(lazy.findings.iter().map(|f| f.more).sum::<usize>(), 66);
    }

    /// An outcome without texts (`-q`) builds no lazy finding, and counts what one with
    /// them counts: per rule and severity, listed or folded past the cap alike.
    #[test]
    fn an_untold_outcome_builds_nothing_and_counts_the_same() {
        use super::*;
        use crate::claims::diags::{UNCHECKED, UNSUPPORTED};
        let make = |rule: &'static Rule, i: usize| Finding::new(rule, format!("/c/{i}"), format!("claim {i}"));
        let (mut told, mut untold) = (Outcome::with_texts(true), Outcome::with_texts(false));
        let mut built = 0;
        for i in 0..250 {
            let rule = if i % 3 == 0 { &UNCHECKED } else { &UNSUPPORTED };
            told.push_lazy(rule, &format!("/c/{i}"), || make(rule, i));
            untold.push_lazy(rule, &format!("/c/{i}"), || {
                built += 1;
                make(rule, i)
            });
        }
        assert_eq!(built, 0);
        let counts = |o: &Outcome| -> Vec<(&str, Severity, usize)> {
            let mut c: Vec<(&str, Severity, usize)> = Vec::new();
            for f in &o.findings {
                match c.iter_mut().find(|(id, s, _)| *id == f.rule.id && *s == f.severity) {
                    Some(e) => e.2 += f.counts_for(),
                    None => c.push((f.rule.id, f.severity, f.counts_for())),
                }
            }
            c
        };
        assert_eq!(counts(&untold), counts(&told));
        assert_eq!(
            counts(&untold),
            vec![(UNCHECKED.id, UNCHECKED.severity, 84), (UNSUPPORTED.id, UNSUPPORTED.severity, 166)]
        );
        assert_eq!(untold.evaluated, told.evaluated);
        assert!(untold.findings.iter().all(|f| f.message.is_empty() || f.more > 0));
    }

    /// `lookup` finds what serde_json's own `Value::pointer` finds (the independent
    /// implementation), escapes, array indices and malformed tokens included.
    #[test]
    fn lookup_agrees_with_serde_json() {
        let v = serde_json::json!({
            "a": {"b/c": 1, "d~e": [10, 20, {"": 3}], "": {"x": true}},
            "0": "zero", "arr": [[1, 2], [3]]
        });
        let pointers = [
            "",
            "/",
            "/a",
            "/a/b~1c",
            "/a/d~0e",
            "/a/d~0e/1",
            "/a/d~0e/2/",
            "/a/d~0e/01",
            "/a/d~0e/+1",
            "/a/d~0e/-",
            "/a/d~0e/3",
            "/a//x",
            "/0",
            "/arr/0/1",
            "/arr/1/0",
            "/arr/00",
            "a",
            "/a/b~2c",
            "/a/d~0e/18446744073709551616",
            "/a/d~01",
        ];
        for p in pointers {
            assert_eq!(super::lookup(&v, p), v.pointer(p), "{p:?}");
        }
    }
}
