//! Whether an `enterprise_validation` string states that its requirement was met. A
//! requirement proved by a statement is not proved by text that denies it ("Quality was
//! not maintained", "false"), hides it ("[REDACTED]") or puts it off ("See notes",
//! "Pending review", "n/a - see appendix"): a reviewer would refuse each, so the profile
//! does too. The rule is narrow on purpose so that ordinary affirmative prose passes: a
//! negation only denies when it governs a word of achievement ("not proven", "no
//! improvement"), not a word of harm ("no data loss", "never above 16.5 GB"). Nor is it
//! proved by a hedge: a statement that it will, could or may be met, that it was met in a
//! simulation, that it is planned or pending, or that wants a citation ("Could be
//! enterprise ready", "Enterprise ready: planned", "Enterprise ready [citation needed]").

use super::is_placeholder;

/// Why a string is not a statement that its requirement was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Empty, punctuation or a placeholder word ("TBD", "N/A").
    Placeholder,
    /// A redaction marker ("[REDACTED]", "Withheld", "███").
    Redacted,
    /// A negative answer or a negated achievement ("false", "Not proven").
    Denial,
    /// The statement is put off or pointed elsewhere ("See notes", "Pending review").
    Deferral,
    /// The statement is hedged: possible, future, planned, pending, simulated or
    /// unsourced ("Could be enterprise ready", "Enterprise ready: pending security
    /// review", "Enterprise ready (simulated)", "Enterprise ready [citation needed]").
    Hedge,
}

impl Gap {
    pub fn describe(self) -> &'static str {
        match self {
            Gap::Placeholder => "a placeholder",
            Gap::Redacted => "a redaction marker",
            Gap::Denial => "a denial",
            Gap::Deferral => "a deferral",
            Gap::Hedge => "a hedged statement",
        }
    }
}

/// Negative answers, compared on letters and digits alone ("No.", "N", "Not yet").
const ANSWERS: &[&str] = &[
    "no",
    "n",
    "nope",
    "false",
    "negative",
    "fail",
    "failed",
    "notyet",
    "notmet",
    "notproven",
    "notverified",
    "notachieved",
    "notready",
    "notdone",
    "notconfirmed",
    "notdemonstrated",
    "notvalidated",
    "nottested",
    "notoptimised",
    "notoptimized",
    "notknown",
    "notstated",
    "notreported",
    "notdisclosed",
    "notmeasured",
    "notprovided",
];

/// Whole segments that only mark a removal.
const REDACTIONS: &[&str] = &[
    "redacted",
    "withheld",
    "removed",
    "hidden",
    "confidential",
    "omitted",
    "censored",
    "masked",
    "elided",
    "classified",
    "private",
    "proprietary",
];

/// Words that negate what follows.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "none", "nothing", "cannot", "nor", "neither", "isnt", "wasnt", "werent", "arent", "didnt",
    "doesnt", "dont", "hasnt", "havent", "hadnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "aint", "fail",
    "fails", "failed", "failing", "lacks", "lacked", "lacking",
];

/// Words that may stand between a negator and what it negates ("was not yet fully
/// proven", "no significant improvement", "not enterprise ready").
const FILLERS: &[&str] = &[
    "a",
    "an",
    "the",
    "any",
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "should",
    "may",
    "might",
    "to",
    "so",
    "as",
    "yet",
    "much",
    "fully",
    "entirely",
    "completely",
    "actually",
    "currently",
    "really",
    "truly",
    "sufficiently",
    "demonstrably",
    "formally",
    "independently",
    "externally",
    "officially",
    "successfully",
    "clearly",
    "quite",
    "ever",
    "significant",
    "significantly",
    "measurable",
    "measurably",
    "meaningful",
    "meaningfully",
    "noticeable",
    "notable",
    "material",
    "materially",
    "real",
    "clear",
    "reliably",
    "consistently",
    "properly",
    "adequately",
    "enterprise",
    "production",
    "quality",
    "scale",
    "performance",
    "memory",
    "efficiency",
    "cost",
    "time",
    "speed",
    "training",
    "convergence",
    "statistical",
    "fidelity",
];

/// Words of achievement: negated, the statement denies its requirement.
const ACHIEVED: &[&str] = &[
    "prove",
    "proves",
    "proved",
    "proven",
    "proof",
    "maintain",
    "maintains",
    "maintained",
    "achieve",
    "achieves",
    "achieved",
    "achievement",
    "achievable",
    "ready",
    "readiness",
    "optimise",
    "optimised",
    "optimize",
    "optimized",
    "optimisation",
    "optimization",
    "optimal",
    "improve",
    "improves",
    "improved",
    "improvement",
    "improvements",
    "verify",
    "verified",
    "validate",
    "validated",
    "validation",
    "meet",
    "meets",
    "met",
    "reach",
    "reached",
    "demonstrate",
    "demonstrated",
    "demonstrable",
    "show",
    "shown",
    "confirm",
    "confirmed",
    "observed",
    "attain",
    "attained",
    "deliver",
    "delivered",
    "efficient",
    "faster",
    "quicker",
    "cheaper",
    "better",
    "gain",
    "gains",
    "saving",
    "savings",
    "speedup",
    "compliant",
    "pass",
    "passed",
    "tested",
    "measured",
    "assessed",
    "evaluated",
    "done",
    "complete",
    "completed",
    "established",
    "applicable",
    "available",
    "known",
    "determined",
    "disclosed",
    "reported",
    "provided",
    "guaranteed",
    "certified",
    "suitable",
    "fit",
    "possible",
    "scalable",
    "sufficient",
];

/// Words of achievement negated in one word: a denial wherever they stand.
const UN_ACHIEVED: &[&str] = &[
    "unverified",
    "unproven",
    "unproved",
    "unmet",
    "unconfirmed",
    "unvalidated",
    "unsubstantiated",
    "unachieved",
    "unready",
];

/// Words that, leading the statement, put it off or point elsewhere.
const DEFER_LEADING: &[&str] = &[
    "see",
    "refer",
    "pending",
    "awaiting",
    "tbd",
    "tba",
    "tbc",
    "todo",
    "fixme",
    "placeholder",
    "xxx",
    "unknown",
    "withheld",
    "redacted",
    "upcoming",
    "forthcoming",
];

/// Words that, ending the statement's first clause, put it off ("Results pending").
const DEFER_TRAILING: &[&str] = &["pending", "tbd", "tba", "tbc", "todo", "outstanding", "forthcoming"];

/// Phrases that, leading the statement, put it off.
const DEFER_PHRASES: &[&[&str]] = &[
    &["to", "be"],
    &["in", "progress"],
    &["on", "request"],
    &["upon", "request"],
    &["available", "on", "request"],
    &["available", "upon", "request"],
    &["not", "applicable"],
    &["not", "available"],
    &["under", "review"],
    &["will", "be"],
];

/// Words that hedge a statement wherever they stand in it, unless a negator comes right
/// before them ("no pending issues" is affirmative).
const HEDGE_ANYWHERE: &[&str] =
    &["pending", "tbd", "tba", "tbc", "todo", "hypothetical", "hypothetically", "aspirational", "soon"];

/// Words that hedge a statement when they lead a segment, end it or are all of it
/// ("Enterprise ready: planned", "Enterprise ready (simulated)", "Simulated results";
/// "Delivered as planned" is a statement, and so is "Proven on simulated workloads").
const HEDGE_EDGE: &[&str] = &[
    "planned",
    "planning",
    "scheduled",
    "simulated",
    "simulation",
    "simulations",
    "projected",
    "theoretical",
    "theoretically",
    "provisional",
    "tentative",
    "tentatively",
    "preliminary",
    "draft",
    "mock",
    "mocked",
    "roadmap",
    "upcoming",
    "forthcoming",
    "eventually",
    "expected",
    "anticipated",
];

/// Segments that are only a goal ("Target: enterprise ready", "Goal - 1B records").
const HEDGE_WHOLE: &[&str] =
    &["target", "goal", "objective", "aim", "plan", "vision", "aspiration", "intent", "future"];

/// Phrases that hedge a statement wherever they stand.
const HEDGE_PHRASES: &[&[&str]] = &[
    &["citation", "needed"],
    &["citation", "required"],
    &["citations", "needed"],
    &["needs", "citation"],
    &["source", "needed"],
    &["source", "required"],
    &["sources", "needed"],
    &["in", "progress"],
    &["under", "review"],
    &["under", "way"],
    &["underway"],
    &["not", "yet"],
    &["yet", "to", "be"],
    &["on", "track", "to"],
    &["going", "to"],
];

/// Modals of the future: followed (over fillers) by a word of achievement, the
/// statement promises ("Will be enterprise ready", "Shall reach scale in Q3").
const MODALS_FUTURE: &[&str] = &["will", "shall", "wll"];

/// Modals of possibility: followed (over fillers) by a state of achievement, the
/// statement only allows it ("Could be enterprise ready", "May be ready"). A verb of
/// checking after one names who may check, not a hedge ("customers may verify the log").
const MODALS_POSSIBLE: &[&str] = &["could", "may", "might", "would", "should", "possibly", "potentially", "maybe"];

/// Verbs that, after `to`, make the words before them a plan ("expected to be ready",
/// "aims to reach scale", "plans to achieve").
const PLAN_VERBS: &[&str] = &[
    "expected",
    "expect",
    "expects",
    "aim",
    "aims",
    "aiming",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "hope",
    "hopes",
    "hoping",
    "want",
    "wants",
    "designed",
    "projected",
    "scheduled",
    "set",
];

/// Verbs of checking: after a modal of possibility they name someone who may check.
const CHECKING: &[&str] =
    &["verify", "validate", "confirm", "prove", "show", "demonstrate", "test", "assess", "evaluate", "reach"];

/// Words that may stand between `to be` and a decision put off ("to be confirmed",
/// "still to be independently verified").
const TO_BE_DECIDED: &[&str] = &[
    "confirmed",
    "determined",
    "verified",
    "validated",
    "announced",
    "decided",
    "defined",
    "done",
    "assessed",
    "reviewed",
    "tested",
    "completed",
    "evaluated",
    "measured",
    "established",
    "provided",
    "published",
    "finalised",
    "finalized",
    "proven",
    "proved",
    "demonstrated",
];

/// Whether the words of one segment hedge the statement (see [`Gap::Hedge`]).
fn hedges(ws: &[String]) -> bool {
    let w = |i: usize| ws.get(i).map(String::as_str).unwrap_or_default();
    let negated = |i: usize| i.checked_sub(1).is_some_and(|j| NEGATORS.contains(&w(j)));
    // "as planned", "better than expected": the plan was met
    let compared = |i: usize| i.checked_sub(1).is_some_and(|j| matches!(w(j), "as" | "than"));
    let first = w(0);
    let last_at = ws.len().saturating_sub(1);
    let last = w(last_at);
    if HEDGE_EDGE.contains(&first) || HEDGE_EDGE.contains(&last) && !negated(last_at) && !compared(last_at) {
        return true;
    }
    if ws.len() == 1 && HEDGE_WHOLE.contains(&first) {
        return true;
    }
    let phrase_at = |i: usize, p: &[&str]| p.iter().enumerate().all(|(k, p)| w(i + k) == *p);
    // For each position, the first word at or after it that is not a filler ("still"
    // counts as one here): one pass from the right, so a run of fillers is read once
    // however many modals stand in it.
    let mut solid = vec![ws.len(); ws.len() + 1];
    let mut next = ws.len();
    for (i, slot) in solid.iter_mut().enumerate().take(ws.len()).rev() {
        if !(FILLERS.contains(&w(i)) || w(i) == "still") {
            next = i;
        }
        *slot = next;
    }
    // the first word after `i` that is not a filler
    let governed = |i: usize| solid.get(i + 1).map(|&j| w(j)).filter(|g| !g.is_empty());
    (0..ws.len()).any(|i| {
        let word = w(i);
        let anywhere = HEDGE_ANYWHERE.contains(&word)
            && !negated(i)
            && !(word == "soon" && i > 0 && w(i - 1) == "as" && w(i + 1) == "as");
        let phrase = HEDGE_PHRASES.iter().any(|p| phrase_at(i, p)) && !negated(i);
        let to_be = phrase_at(i, &["to", "be"]) && solid.get(i + 2).is_some_and(|&j| TO_BE_DECIDED.contains(&w(j)));
        let future = (MODALS_FUTURE.contains(&word) || (word == "to" && i > 0 && PLAN_VERBS.contains(&w(i - 1))))
            && !negated(i)
            && governed(i).is_some_and(|g| ACHIEVED.contains(&g));
        let possible = MODALS_POSSIBLE.contains(&word)
            && !negated(i)
            && governed(i).is_some_and(|g| ACHIEVED.contains(&g) && !CHECKING.contains(&g));
        anywhere || phrase || to_be || future || possible
    })
}

/// The words of a segment, lower case, apostrophes dropped ("isn't" is "isnt").
fn words(segment: &str) -> Vec<String> {
    segment
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The text cut where a clause ends (5.4: `;`, `!`, `?`, brackets, `.` or `,` before a
/// space) and where an answer starts (`:`, a spaced dash: "Ready: no", "No - not ready").
fn segments(lower: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = lower.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let spaced = |n: Option<char>| n.is_none_or(char::is_whitespace);
        let prev_space = lower[..i].ends_with(char::is_whitespace);
        let cut = matches!(c, ';' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | ':')
            || (matches!(c, '.' | ',') && spaced(next))
            || (c == '-' && prev_space && spaced(next));
        if cut {
            out.push(&lower[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&lower[start..]);
    out.into_iter().filter(|s| s.chars().any(char::is_alphanumeric)).collect()
}

/// A redaction marker anywhere: block characters ("███") or a bracketed removal
/// ("[REDACTED]", "<withheld>").
fn has_redaction_marker(lower: &str) -> bool {
    if lower.chars().any(|c| ('\u{2580}'..='\u{259F}').contains(&c)) {
        return true;
    }
    let mut rest = lower;
    while let Some(open) = rest.find(['[', '<', '{']) {
        let inner = &rest[open + 1..];
        let Some(close) = inner.find([']', '>', '}']) else { break };
        let compact: String = inner[..close].chars().filter(|c| c.is_alphanumeric()).collect();
        if REDACTIONS.contains(&compact.as_str()) || (compact.len() >= 3 && compact.chars().all(|c| c == 'x')) {
            return true;
        }
        rest = &inner[close..];
    }
    false
}

/// A negator governing a word of achievement, over filler words only ("was not yet
/// proven", "no improvement"). A negator right after another does not count: "never
/// failed to meet" is affirmative. "Not only faster but cheaper" stays affirmative
/// because "only" is not a filler.
fn denies(words: &[String]) -> bool {
    if words.iter().any(|w| UN_ACHIEVED.contains(&w.as_str())) {
        return true;
    }
    let negator = |w: Option<&String>| w.is_some_and(|w| NEGATORS.contains(&w.as_str()));
    words.iter().enumerate().any(|(i, w)| {
        negator(Some(w))
            && !negator(i.checked_sub(1).and_then(|j| words.get(j)))
            && words
                .iter()
                .skip(i + 1)
                .find(|w| !FILLERS.contains(&w.as_str()))
                .is_some_and(|w| ACHIEVED.contains(&w.as_str()))
    })
}

/// Why `text` states nothing that proves its requirement, or None for a statement.
pub fn gap(text: &str) -> Option<Gap> {
    if is_placeholder(text) {
        return Some(Gap::Placeholder);
    }
    let n = crate::audit::normalize::normalize(text);
    let lower = n.text().to_lowercase();
    if has_redaction_marker(&lower) {
        return Some(Gap::Redacted);
    }
    let segs = segments(&lower);
    let head = lower.trim_start();
    if head.starts_with("n/a") || head.starts_with("n.a.") {
        return Some(Gap::Deferral);
    }
    for (k, seg) in segs.iter().enumerate() {
        let ws = words(seg);
        let compact: String = ws.concat();
        if REDACTIONS.contains(&compact.as_str()) {
            return Some(Gap::Redacted);
        }
        if ANSWERS.contains(&compact.as_str()) || denies(&ws) {
            return Some(Gap::Denial);
        }
        // "none" or "x" after a colon often answers a question of harm ("Data loss: none")
        if is_placeholder(seg) && !matches!(compact.as_str(), "none" | "nil" | "null" | "x" | "xx") {
            return Some(Gap::Placeholder);
        }
        if k == 0 {
            let first = ws.first().map(String::as_str).unwrap_or_default();
            let last = ws.last().map(String::as_str).unwrap_or_default();
            let led_by = |p: &[&str]| ws.len() >= p.len() && ws.iter().zip(p).all(|(w, p)| w == p);
            if DEFER_LEADING.contains(&first)
                || DEFER_TRAILING.contains(&last)
                || DEFER_PHRASES.iter().any(|p| led_by(p))
            {
                return Some(Gap::Deferral);
            }
        }
        if hedges(&ws) {
            return Some(Gap::Hedge);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_prove_nothing() {
        for t in [
            "Not proven",
            "Quality was not maintained",
            "false",
            "FALSE",
            "No",
            "No.",
            "No improvement observed",
            "Not optimised",
            "No - not ready for enterprise use",
            "Unverified",
            "Scale has not yet been proven",
            "Enterprise ready: no",
            "Ready? No",
            "Failed to achieve target scale",
            "Quality isn't maintained at scale",
            "We couldn't demonstrate any efficiency gains",
            "1.0x convergence speed: no faster than before",
            "No significant improvement",
            "Not enterprise ready",
            "Quality maintained (not verified)",
            "Not yet",
        ] {
            assert_eq!(gap(t), Some(Gap::Denial), "{t}");
        }
    }

    #[test]
    fn non_statements_prove_nothing() {
        for (t, g) in [
            ("[REDACTED]", Gap::Redacted),
            ("Withheld", Gap::Redacted),
            ("Scale proven at \u{2588}\u{2588}\u{2588} records", Gap::Redacted),
            ("Proven at <redacted> scale", Gap::Redacted),
            ("See notes", Gap::Deferral),
            ("see appendix B", Gap::Deferral),
            ("Pending review", Gap::Deferral),
            ("n/a - see appendix", Gap::Deferral),
            ("N.A. (see below)", Gap::Deferral),
            ("Results pending", Gap::Deferral),
            ("To be confirmed after the audit", Gap::Deferral),
            ("Available on request", Gap::Deferral),
            ("Under review", Gap::Deferral),
            ("Scale proven: TBD", Gap::Placeholder),
            ("Scale proven: N/A", Gap::Placeholder),
            ("TBD", Gap::Placeholder),
            ("unknown", Gap::Placeholder),
        ] {
            assert_eq!(gap(t), Some(g), "{t}");
        }
    }

    /// Attacker pass 7: a statement that the requirement will, could or may be met, that
    /// it was met in a simulation, is planned or pending, or wants a citation, proved it.
    #[test]
    fn hedges_prove_nothing() {
        for t in [
            "Enterprise ready: pending security review",
            "Enterprise ready: planned",
            "Enterprise ready (simulated)",
            "Could be enterprise ready",
            "Enterprise ready [citation needed]",
            "Enterprise ready pending security review",
            "Enterprise ready, security review pending",
            "May be enterprise ready",
            "Might be ready for enterprise use",
            "Will be enterprise ready by Q3",
            "Will reach enterprise readiness in Q3",
            "Enterprise ready soon",
            "Enterprise readiness in progress",
            "Enterprise ready - on the roadmap",
            "Enterprise ready: TBD",
            "Enterprise ready, to be confirmed",
            "Enterprise readiness still to be independently verified",
            "Expected to be enterprise ready",
            "Aims to achieve enterprise readiness",
            "Enterprise ready (projected)",
            "Simulated enterprise readiness",
            "Target: enterprise ready",
            "Enterprise ready (source needed)",
            "Enterprise ready, under review",
            "Enterprise readiness is aspirational",
            "Enterprise ready: not yet",
            "Potentially enterprise ready",
            "Should be enterprise ready",
            "On track to be enterprise ready",
        ] {
            assert!(matches!(gap(t), Some(Gap::Hedge | Gap::Deferral | Gap::Placeholder | Gap::Denial)), "{t}");
        }
        for t in [
            "Enterprise ready: pending security review",
            "Enterprise ready: planned",
            "Enterprise ready (simulated)",
            "Could be enterprise ready",
            "Enterprise ready [citation needed]",
            "Will reach enterprise readiness in Q3",
            "Enterprise ready soon",
        ] {
            assert_eq!(gap(t), Some(Gap::Hedge), "{t}");
        }
    }

    /// Honest statements that use the hedges' words otherwise stay statements.
    #[test]
    fn hedge_words_in_statements() {
        for t in [
            "Enterprise ready: yes",
            "Ready for enterprise use",
            "Proven to be enterprise ready",
            "Delivered as planned at 1M scale",
            "Enterprise readiness delivered as planned",
            "Converged faster than expected",
            "Enterprise ready, as scheduled",
            "Proven on simulated enterprise workloads at 1M scale",
            "Enterprise ready; no pending issues",
            "Enterprise ready, nothing pending",
            "Security review completed; enterprise ready",
            "Enterprise ready since 2024; SOC 2 audit passed",
            "Enterprise ready; customers may verify the audit log",
            "Enterprise ready - see appendix for the review",
            "Enterprise ready, review passed in May 2025",
            "Ready as soon as deployed, proven at 1M scale",
            "Enterprise ready: the target scale of 1M records was reached",
            "Proven at million-record scale operations",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }

    /// Unclosed brackets, multi-byte text around the cuts, nothing but cuts: no panic.
    #[test]
    fn odd_text_is_read_without_panic() {
        for t in ["[", "<é", "{ü]", "é - ü", "-", " - ", ":", "É: ", "N/", "n/a", "\u{2588}", "[xx]", "not", "no:"]
        {
            let _ = gap(t);
        }
        assert_eq!(gap("Scale proven at [XXX] records"), Some(Gap::Redacted));
    }

    #[test]
    fn affirmative_prose_is_a_statement() {
        for t in [
            "Quality maintained at 99% fidelity",
            "96% statistical fidelity maintained at scale",
            "75% cost reduction vs traditional methods",
            "4.2x faster training convergence",
            "Peak usage 16.5 GB at 1M scale",
            "Peak usage never above 16.5 GB",
            "Proven at million-record scale operations",
            "1 million records generated successfully",
            "No data loss; 96% fidelity maintained",
            "No less than 1 million records generated",
            "Not a single record lost at 1M scale",
            "Not only faster but 75% cheaper",
            "Quality was not compromised at scale",
            "Never failed to meet the SLA",
            "Enterprise ready: yes",
            "Scale proven - see appendix for the run log",
            "Quality maintained (see notes)",
            "No scaling issues at 1M records",
            "Memory footprint optimised, no swapping",
            "Scale proven with 5 PII values redacted before generation",
            "Handles unknown categories at 96% fidelity",
            "Recovered from failed nodes with no data loss",
            "Ready for enterprise use",
            "Quality maintained; data loss: none",
            "[x] Enterprise ready",
            "False positives: 0; quality maintained",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }
}
