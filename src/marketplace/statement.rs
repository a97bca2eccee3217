//! Whether an `enterprise_validation` string states that its requirement was met. A
//! requirement proved by a statement is not proved by text that denies it ("Quality was
//! not maintained", "false"), hides it ("[REDACTED]") or puts it off ("See notes",
//! "Pending review", "n/a - see appendix"): a reviewer would refuse each, so the profile
//! does too. The rule is narrow on purpose so that ordinary affirmative prose passes: a
//! negation only denies when it governs a word of achievement ("not proven", "no
//! improvement"), not a word of harm ("no data loss", "never above 16.5 GB").

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
}

impl Gap {
    pub fn describe(self) -> &'static str {
        match self {
            Gap::Placeholder => "a placeholder",
            Gap::Redacted => "a redaction marker",
            Gap::Denial => "a denial",
            Gap::Deferral => "a deferral",
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
