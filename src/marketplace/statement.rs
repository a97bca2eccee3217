//! Whether an `enterprise_validation` string states that its requirement was met. A
//! requirement proved by a statement is not proved by text that denies it ("Quality was
//! not maintained", "false"), hides it ("[REDACTED]") or puts it off ("See notes",
//! "Pending review", "n/a - see appendix"): a reviewer would refuse each, so the profile
//! does too. The rule is narrow on purpose so that ordinary affirmative prose passes: a
//! negation only denies when it governs a word of achievement ("not proven", "no
//! improvement") or a check ("no audit"), not a word of harm ("no data loss", "never
//! above 16.5 GB", "no audit findings"). Nor is it
//! proved by a hedge: a statement that it will, could or may be met, that it was met in a
//! simulation, that it is planned or pending, or that wants a citation ("Could be
//! enterprise ready", "Enterprise ready: planned", "Enterprise ready [citation needed]"),
//! nor by one that puts it on a date, a version, a stage, a degree, a goal or a review
//! or release to come ("Enterprise readiness planned for Q3", "Enterprise ready (Q3)",
//! "Enterprise ready in v2", "Enterprise ready (beta)", "Almost enterprise ready",
//! "Enterprise readiness is the goal", "Enterprise ready once audited", "after GA"):
//! each word of these is read only where it hedges, so that "Released in beta in 2024,
//! generally available since 2025" stays a statement. Nor is it proved by a statement
//! dated after the bundle's own `generated_at` ("certified in Q3 2027" in a bundle of
//! 2025): see [`date_after`].

use super::is_placeholder;
use std::borrow::Cow;

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
    /// The statement is dated after the bundle was generated: a plan, however its verbs
    /// read ("Enterprise ready since 2027", "certified in Q3 2027").
    Later,
}

impl Gap {
    pub fn describe(self) -> &'static str {
        match self {
            Gap::Placeholder => "a placeholder",
            Gap::Redacted => "a redaction marker",
            Gap::Denial => "a denial",
            Gap::Deferral => "a deferral",
            Gap::Hedge => "a hedged statement",
            Gap::Later => "a hedged statement (a date after the bundle was generated)",
        }
    }
}

/// Negative answers, compared on letters and digits alone ("No.", "N", "Not yet").
const ANSWERS: &[&str] = &[
    "no",
    "n",
    "not",
    "nope",
    "nah",
    "notreally",
    "notquite",
    "notfully",
    "notentirely",
    "notatall",
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
    // "no" in the languages a European publisher answers in: no fixture's statement has one
    // of these as a whole segment, and `Enterprise ready: nein` proved the requirement
    "nein",
    "non",
    "nej",
    "nei",
    "nie",
    "nao",
    "não",
    "нет",
];

/// Whole segments that put the statement off, wherever they stand ("Enterprise ready: upon
/// request" proved the requirement; the phrases lead a first segment in [`DEFER_PHRASES`]).
const DEFER_SEGMENTS: &[&str] = &["onrequest", "uponrequest", "availableonrequest", "availableuponrequest"];

/// The longest word of [`ANSWERS`], [`DEFER_SEGMENTS`] and [`REDACTIONS`], which [`gap`]
/// compares with a segment's words run together (none of them is empty).
const LONGEST_WHOLE: usize = longest(&[ANSWERS, DEFER_SEGMENTS, REDACTIONS]);

/// The length of the longest word of `lists`.
const fn longest(mut lists: &[&[&str]]) -> usize {
    let mut max = 0;
    while let [list, more @ ..] = lists {
        let mut words = *list;
        while let [w, rest @ ..] = words {
            if w.len() > max {
                max = w.len();
            }
            words = rest;
        }
        lists = more;
    }
    max
}

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
    "fails", "failed", "failing", "lacks", "lacked", "lacking", "non", "without",
];

fn is_filler(w: &str) -> bool {
    Class::of(w).is(Class::FILLER)
}

fn is_achieved(w: &str) -> bool {
    Class::of(w).is(Class::ACHIEVED)
}

/// The word lists the reader asks of nearly every word ([`FILLERS`], [`ACHIEVED`],
/// [`NEGATORS`], [`UN_ACHIEVED`], the first words of hedges, [`WHEN_LEAD`],
/// [`RECURRING`]), answered by one look-up of the word: asked one list at a time, they
/// were most of what a long statement cost (docs/performance.md).
#[derive(Clone, Copy)]
struct Class(u8);

impl Class {
    const FILLER: u8 = 1;
    const ACHIEVED: u8 = 1 << 1;
    const NEGATOR: u8 = 1 << 2;
    const UN_ACHIEVED: u8 = 1 << 3;
    const MAY_HEDGE: u8 = 1 << 4;
    const WHEN_LEAD: u8 = 1 << 5;
    const RECURRING: u8 = 1 << 6;

    fn of(w: &str) -> Class {
        type Map = std::collections::HashMap<&'static str, u8, foldhash::fast::FixedState>;
        static MAP: std::sync::LazyLock<Map> = std::sync::LazyLock::new(|| {
            let mut map = Map::default();
            let lists: [(u8, &mut dyn Iterator<Item = &'static str>); 7] = [
                (Class::FILLER, &mut FILLERS.iter().copied()),
                (Class::ACHIEVED, &mut ACHIEVED.iter().copied()),
                (Class::NEGATOR, &mut NEGATORS.iter().copied()),
                (Class::UN_ACHIEVED, &mut UN_ACHIEVED.iter().copied()),
                (Class::MAY_HEDGE, &mut hedge_starts()),
                (Class::WHEN_LEAD, &mut WHEN_LEAD.iter().copied()),
                (Class::RECURRING, &mut RECURRING.iter().copied()),
            ];
            for (bit, words) in lists {
                for w in words {
                    *map.entry(w).or_default() |= bit;
                }
            }
            map
        });
        Class(MAP.get(w).copied().unwrap_or(0))
    }

    fn is(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

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
    "audited",
    "accredited",
    "approved",
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
    "unaudited",
    "uncertified",
    "unapproved",
    "untested",
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
const HEDGE_ANYWHERE: &[&str] = &[
    "pending",
    "tbd",
    "tba",
    "tbc",
    "todo",
    "hypothetical",
    "hypothetically",
    "aspirational",
    "soon",
    "ish",
    "readyish",
    // hearsay: the publisher does not vouch for what follows ("Enterprise ready,
    // allegedly", "Aspirationally enterprise ready" each proved the requirement)
    "allegedly",
    "supposedly",
    "purportedly",
    "aspirationally",
];

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
    "estimated",
    "forecast",
    "forecasted",
    "hopefully",
    "ideally",
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
    // a check still running ("Enterprise readiness under evaluation" proved it)
    &["under", "evaluation"],
    &["under", "assessment"],
    &["under", "investigation"],
    &["under", "consideration"],
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
const CHECKING: &[&str] = &[
    "verify",
    "validate",
    "confirm",
    "prove",
    "show",
    "demonstrate",
    "test",
    "assess",
    "evaluate",
    "reach",
    "audit",
    "audited",
];

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

/// Words of degree or likelihood: followed (over fillers) by a state of achievement, the
/// statement claims less than the requirement ("Almost enterprise ready", "Partially
/// optimised", "Probably enterprise ready"). Not `largely` or `fully`: prose uses them
/// as intensifiers.
const QUALIFIERS: &[&str] = &[
    "almost",
    "nearly",
    "partially",
    "partly",
    "mostly",
    "probably",
    "likely",
    "presumably",
    "arguably",
    "apparently",
    "supposedly",
    "seemingly",
    "somewhat",
    "semi",
    "quasi",
    "borderline",
    "pseudo",
    "near",
    "kinda",
    "sorta",
];

/// Segments of one word that only leave the statement open ("Enterprise ready: unclear").
const LIKELIHOOD_WHOLE: &[&str] =
    &["perhaps", "unclear", "uncertain", "unsure", "undecided", "doubtful", "questionable"];

/// Segments that only give a degree, in more words than one of [`QUALIFIERS`] or in
/// another word ("Enterprise ready (kind of)", "(in part)", "(partial)").
const DEGREE_WHOLE: &[&[&str]] = &[
    &["partial"],
    &["kind", "of"],
    &["sort", "of"],
    &["kinda"],
    &["sorta"],
    &["more", "or", "less"],
    &["in", "part"],
    &["in", "parts"],
    &["to", "some", "extent"],
    &["to", "a", "degree"],
    &["to", "an", "extent"],
    &["in", "theory"],
    &["in", "principle"],
    &["on", "paper"],
];

/// Words of achievement a qualifier does not hedge: figures of a gain and nouns, which
/// it describes the share of ("mostly cost savings from spot instances").
const NOT_QUALIFIED: &[&str] = &[
    "faster",
    "quicker",
    "cheaper",
    "better",
    "gain",
    "gains",
    "saving",
    "savings",
    "speedup",
    "improvement",
    "improvements",
    "proof",
    "validation",
    "achievement",
    "optimisation",
    "optimization",
];

/// Phrases of striving: followed (over fillers) by a state of achievement, the state is
/// a goal ("Aiming for enterprise readiness", "Working towards enterprise readiness",
/// "On the path to scale"). "Aims for 96% fidelity" governs a figure and stays a
/// statement: the figure is what the claims check holds.
const STRIVING: &[&[&str]] = &[
    &["aiming", "for"],
    &["aim", "for"],
    &["aims", "for"],
    &["striving", "for"],
    &["strives", "for"],
    &["working", "towards"],
    &["working", "toward"],
    &["working", "on"],
    &["heading", "for"],
    &["heading", "towards"],
    &["moving", "towards"],
    &["moving", "toward"],
    &["progress", "towards"],
    &["progress", "toward"],
    &["path", "to"],
    &["road", "to"],
];

/// Stages before a release: a segment that names only one ("Enterprise ready (beta)",
/// "(pilot phase)", "(proof of concept)") or a stage the product is `still`,
/// `currently` or `only` in ("Enterprise ready, still in beta") makes the statement a
/// trial's, not the readiness asked for. "Released in beta in 2024, generally available
/// since 2025" names a stage that is over and stays a statement, as does "after a
/// successful pilot". The Greek letters are the stages written as symbols ("(β)").
const STAGES: &[&str] = &[
    "beta",
    "alpha",
    "\u{3b2}",
    "\u{3b1}",
    "pilot",
    "prototype",
    "experimental",
    "preview",
    "poc",
    "trial",
    "demo",
    "prerelease",
    "rc",
];

/// Stages in more than one word ("pre-release" and "pre-GA" are read as two words).
const STAGE_PHRASES: &[&[&str]] = &[
    &["proof", "of", "concept"],
    &["early", "access"],
    &["release", "candidate"],
    &["pre", "release"],
    &["pre", "ga"],
    &["pre", "production"],
];

/// Words that say which or whose trial a stage is, or how it is tried, in a segment that
/// names only a stage: "(public beta)", "(closed beta)", "(private preview)", "(beta
/// testing)". They keep the stage a stage before release.
const STAGE_KINDS: &[&str] = &[
    "public",
    "private",
    "closed",
    "open",
    "limited",
    "technical",
    "invite",
    "invitation",
    "customer",
    "customers",
    "internal",
    "external",
    "testing",
    "test",
    "tests",
    "tester",
    "testers",
];

/// Words that may stand around a stage in a segment that names only it ("in beta",
/// "pilot phase", "beta release", "still a prototype").
const STAGE_FILLERS: &[&str] = &[
    "in",
    "a",
    "an",
    "the",
    "still",
    "currently",
    "only",
    "now",
    "phase",
    "stage",
    "version",
    "mode",
    "program",
    "programme",
    "status",
    "release",
    "build",
    "project",
];

/// Words that put the statement on a date when a time follows ("Enterprise readiness
/// planned for Q3", "scheduled for the next release", "Enterprise ready - coming Q3",
/// "due in 2026"). Alone (or before anything but a time) they are prose: "all coming
/// from production", "backups scheduled for every night"; after `as` or `than` the
/// plan was met ("delivered as planned in Q3").
const SCHEDULED: &[&str] = &[
    "planned",
    "scheduled",
    "slated",
    "targeted",
    "target",
    "targeting",
    "eta",
    "due",
    "coming",
    "expected",
    "arriving",
];

/// Words that, before a word of [`SCHEDULED`] in its segment, make the schedule a
/// recurring check's, not the statement's: "SOC 2 certified, next audit scheduled for
/// Q3", "annual review due in March", "recertification due in 2026".
const RECURRING: &[&str] = &[
    "next",
    "annual",
    "annually",
    "yearly",
    "quarterly",
    "monthly",
    "weekly",
    "periodic",
    "recurring",
    "regular",
    "routine",
    "renewal",
    "recertification",
    "reaudit",
    "reassessment",
    "maintenance",
];

/// Words between a word of [`SCHEDULED`] and its time ("for the end of", "in early").
const WHEN_LEAD: &[&str] = &[
    "for", "in", "by", "on", "around", "before", "until", "the", "a", "an", "early", "late", "mid", "end", "of",
    "this", "next", "coming", "later", "upcoming", "future", "fiscal", "calendar", "first", "second", "third",
    "fourth", "1st", "2nd", "3rd", "4th",
];

/// Periods a plan is put on after a word of [`WHEN_LEAD`] ("for the next release", "by
/// the end of the year"). Right after the word of [`SCHEDULED`] they are prose ("the
/// coming year", "expected release behaviour"), so there only a [`DATES`] counts.
const PERIODS: &[&str] = &[
    "release",
    "releases",
    "version",
    "quarter",
    "half",
    "year",
    "month",
    "week",
    "sprint",
    "phase",
    "milestone",
    "update",
    "iteration",
    "launch",
    "ga",
    "rollout",
];

/// Seasons a plan is put on ("spring"); the other dates ("Q3", "2026", "FY27", "May"):
/// see [`is_date`].
const DATES: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// A season of [`DATES`], a month ([`crate::text::MONTHS`]), a year (`2026`), a quarter
/// or half (`q3`, `q326` from "Q3'26", `h2`, `2027q3`) or a fiscal year (`fy27`).
fn is_date(w: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    DATES.contains(&w)
        || crate::text::MONTHS.contains(&w)
        || (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && digits(w))
        || w.strip_prefix('q').is_some_and(|t| t.starts_with(['1', '2', '3', '4']) && digits(t))
        || w.strip_prefix('h').is_some_and(|t| t.starts_with(['1', '2']) && digits(t))
        || w.strip_prefix("fy").is_some_and(digits)
        // "3Q27", "2H", "2H2027"
        || ["1q", "2q", "3q", "4q", "1h", "2h"].iter().any(|p| w.strip_prefix(p).is_some_and(|t| t.is_empty() || digits(t)))
        // "2027Q3", "2027H2"
        || w.len() == 6 && w.get(..4).is_some_and(crate::text::is_year) && w.get(4..).is_some_and(is_date)
}

/// Words that, before [`NEXT_RELEASE`] words, make a time to come.
const NEXT: &[&str] = &["next", "future", "upcoming", "coming", "subsequent", "later"];

/// What comes next: "in the next release", "with a future version", "by the next quarter".
const NEXT_RELEASE: &[&str] = &[
    "release",
    "version",
    "update",
    "sprint",
    "quarter",
    "phase",
    "iteration",
    "milestone",
    "rollout",
    "launch",
    "build",
];

/// Prepositions that put the statement in the time that follows ("in the next release";
/// not "the next release adds SSO", which speaks of something else).
const INTO_TIME: &[&str] = &["in", "with", "by", "from", "after", "until"];

/// Checks still to come: after `once` (over fillers), the statement holds only from a
/// review on ("Enterprise ready once audited", "once the audit is complete", "once
/// certified"); after `when`, `if`, `after`, `following`, `until` or `before` too
/// ("Enterprise ready when certified", "after GA"), see [`CONDITIONS`].
const ONCE_PENDING: &[&str] = &[
    "audited",
    "audit",
    "certified",
    "certification",
    "approved",
    "approval",
    "accredited",
    "accreditation",
    "signed",
    "reviewed",
    "review",
    "released",
    "launched",
    "ga",
    "release",
    "launch",
    "verified",
    "validated",
    "tested",
    "assessed",
    "complete",
    "completed",
    "finished",
    "done",
    "available",
    "shipped",
];

/// Words that, like `once`, make what follows a condition when it is a check of
/// [`ONCE_PENDING`] or a release ("Enterprise ready when certified", "if approved",
/// "after GA", "awaiting audit"; `as soon as` too). All but `if` and `awaiting` say when
/// rather than whether, so a date later in the segment makes a check an event in time,
/// read as `certified in Q3 2025` is: "certified when audited by KPMG in 2024", "after
/// the audit in 2024".
const CONDITIONS: &[&str] = &["when", "whenever", "if", "after", "following", "awaiting"];

/// Words that make a condition of a release only, not of a check ("until GA", "before
/// v2", "prior to launch", "by GA"): "tested before release" is the order of a process.
/// `at` and `on` only after a state (see [`at_a_release`]): "at launch, 40 banks
/// onboarded" dates a past event; `by` not of a version, read with [`INTO_VERSION`].
const UNTIL_RELEASE: &[&str] = &["before", "until", "till", "prior", "by"];

/// Words that, before an act or a check, make it one still to come ("will be deployed",
/// "to be certified", "getting certified").
const TO_COME: &[&str] = &["be", "being", "will", "shall", "to", "get", "gets", "getting", "become", "becoming"];

/// Acts of a process: right before a word of [`CONDITIONS`] (over fillers and `only`,
/// `always`, ...) they give the order of the process, not a condition on the statement
/// ("every change deployed only after review", "patches applied when approved").
const PROCESS: &[&str] = &[
    "deployed",
    "merged",
    "shipped",
    "released",
    "applied",
    "published",
    "exported",
    "rolled",
    "pushed",
    "promoted",
    "executed",
    "rotated",
    "archived",
    "installed",
    "upgraded",
    "patched",
    "fixed",
    "resolved",
    "closed",
];

/// Whether a version starts at word `k`: `v2` (of "v2.0"), `version 2`, `release 3`.
fn version_at(ws: &[&str], k: usize) -> bool {
    let w = word_at(ws, k);
    w.strip_prefix('v').is_some_and(digits)
        || matches!(w, "version" | "ver" | "release" | "rel") && digits(word_at(ws, k + 1))
}

/// Prepositions that, before a version (an article allowed), put the statement in it:
/// "Enterprise ready in v2", "with version 2.0", "pre-v2". The text carries no clock,
/// so the version is read as one to come unless the statement says it is out (see
/// [`only_released`]); "since v2" and "as of v2" say so themselves. `from` too, but not
/// after a verb that names where something came from ("upgraded from v1"): see
/// [`into_version_at`].
const INTO_VERSION: &[&str] = &["in", "with", "by", "after", "until", "till", "before", "pre"];

/// Words that, before `with` and a version, say what works with it ("compatible with
/// v1 clients"), not when the statement holds.
const WORKS_WITH: &[&str] = &[
    "compatible",
    "works",
    "working",
    "integrates",
    "integrated",
    "interoperable",
    "interoperates",
    "supports",
    "runs",
    "backward",
    "backwards",
];

/// Verbs that, right before a preposition of [`INTO_VERSION`], say what a version
/// brought: "SSO added in v2", "proven in v2.1" date an event, not the statement.
const SHIPPED_IN: &[&str] = &[
    "added",
    "introduced",
    "shipped",
    "released",
    "fixed",
    "enabled",
    "delivered",
    "launched",
    "proven",
    "certified",
    "audited",
    "validated",
    "verified",
    "tested",
    "deployed",
    "completed",
    "achieved",
    "reached",
    "attained",
    "passed",
    "removed",
    "deprecated",
    "changed",
    "updated",
    "upgraded",
    "migrated",
    "supported",
];

/// Releases a statement may be put at ("Enterprise ready at GA", "on launch"): a word or
/// phrase, after an article and a word of which release ("at the initial launch").
const RELEASES: &[&[&str]] = &[
    &["ga"],
    &["launch"],
    &["release"],
    &["golive"],
    &["go", "live"],
    &["rollout"],
    &["roll", "out"],
    &["general", "availability"],
    &["general", "release"],
];

/// Words that may follow such a release and leave it the time the statement is put at
/// ("on launch day", "at the release of v3", "at GA in 2024"); any other word makes it
/// a noun the release describes ("proven with launch customers").
const RELEASE_TAIL: &[&str] = &[
    "day", "date", "time", "itself", "event", "in", "on", "of", "and", "or", "by", "for", "with", "to", "across",
    "onwards", "onward",
];

/// Words that may stand between `at` and a release: an article, whose release it is,
/// which release, and "the time of" ("at our GA", "at the commercial launch", "at the
/// time of GA").
const RELEASE_LEAD: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "its",
    "their",
    "your",
    "this",
    "next",
    "first",
    "initial",
    "official",
    "public",
    "product",
    "commercial",
    "full",
    "global",
    "market",
    "production",
    "planned",
    "upcoming",
    "expected",
    "time",
    "point",
    "moment",
    "of",
];

/// Whether `at`, `on`, `from` or `with` at word `i` is followed by a release of
/// [`RELEASES`] (over words of [`RELEASE_LEAD`]) and then the segment's end, a word of
/// [`RELEASE_TAIL`], a date, a number or a version.
fn at_a_release(ws: &[&str], i: usize) -> bool {
    let w = |k: usize| word_at(ws, k);
    if !matches!(w(i), "at" | "on" | "from" | "with") {
        return false;
    }
    let mut j = i + 1;
    while RELEASE_LEAD.contains(&w(j)) {
        j += 1;
    }
    let Some(p) = RELEASES.iter().find(|p| phrase_at(ws, j, p)) else { return false };
    let next = w(j + p.len());
    next.is_empty() || RELEASE_TAIL.contains(&next) || is_date(next) || digits(next) || version_tag(next)
}

/// Whether a segment is only a release of [`at_a_release`] and words of its time ("at
/// GA", "on launch day", "at the launch in 2024").
fn only_at_a_release(ws: &[&str]) -> bool {
    ws.len() <= 8 && at_a_release(ws, 0) && !ws.iter().any(|w| is_achieved(w))
}

/// Verbs that, right before `from` and a version, say where something came from
/// ("upgraded from v1", "forked from 2.0"), not when the statement holds.
const CAME_FROM: &[&str] = &[
    "upgraded",
    "upgrade",
    "upgrades",
    "migrated",
    "migration",
    "moved",
    "ported",
    "converted",
    "switched",
    "forked",
    "derived",
    "inherited",
    "carried",
    "evolved",
    "rewritten",
    "refactored",
    "extracted",
    "split",
    "separated",
    "rebuilt",
    "changed",
    "updated",
    "removed",
    "dropped",
    "deprecated",
    "unchanged",
    "different",
    "differs",
    "apart",
    "away",
];

/// Whether the preposition at word `i` puts the statement in the version after it: one
/// of [`INTO_VERSION`], or `from` ("Enterprise ready from v3": from a version on, which
/// may be to come as "in v3" may), not after a verb that says what a version brought
/// (`proven in v2.1`), what works with it (`compatible with v1`) or where something came
/// from (`upgraded from v1`).
fn into_version_at(ws: &[&str], i: usize) -> bool {
    let w = |k: usize| word_at(ws, k);
    let before = i.checked_sub(1).map(w).unwrap_or_default();
    match w(i) {
        "from" => !(SHIPPED_IN.contains(&before) || CAME_FROM.contains(&before)),
        // "starting v3", "beginning v3": as "from v3"
        "starting" | "beginning" => !SHIPPED_IN.contains(&before),
        "with" => !(SHIPPED_IN.contains(&before) || WORKS_WITH.contains(&before)),
        p => INTO_VERSION.contains(&p) && !SHIPPED_IN.contains(&before),
    }
}

/// Whether a segment puts the statement in a version (see [`into_version_at`]): `v2`,
/// `version 2.0`, a number before `release`, `version`, `update` ("in the 2.0
/// release"), or a bare version number with a dot ending the segment or before `and`,
/// `onwards`, ... ("Enterprise ready in 2.0", "from 3.1 onwards"; not "in 2.5 hours",
/// a figure the claims read). `seg` is the segment's text, whose dots the words lose.
fn in_a_version(seg: &str, ws: &[&str]) -> bool {
    let w = |k: usize| word_at(ws, k);
    // For each position, the first word at or after it that is not a number, and the
    // first that is neither an article nor a word of time to come: one pass each from the
    // right, so that a run of numbers or of articles ("1 1 1 ...", "the the ...") is read
    // once, not again from each of its words (a statement of 80,000 numbers took 5.6 s).
    let past_number = first_kept(ws.len(), |i| !digits(w(i)));
    let past_article = first_kept(ws.len(), |i| !(matches!(w(i), "the" | "a" | "an") || NEXT.contains(&w(i))));
    let numbered = |k: usize| {
        let end = past_number.get(k).map_or(ws.len(), |&j| j as usize);
        end > k && matches!(w(end), "release" | "version" | "update" | "build")
    };
    let named = (0..ws.len()).any(|i| {
        // an article and a word of time to come allowed: "in the upcoming v2"
        let j = past_article.get(i + 1).map_or(ws.len(), |&j| j as usize);
        (version_at(ws, j) || numbered(j)) && into_version_at(ws, i)
    });
    named || bare_version(seg)
}

/// A version number with a dot (`2.0`, `3.1.4`) after a preposition of
/// [`into_version_at`] (an article allowed), ending the segment or before a word that
/// may follow a version (`and`, `or`, `onwards`, `later`, ...).
fn bare_version(seg: &str) -> bool {
    // No dot, no dotted number: most segments end here, before any token is made.
    if !seg.as_bytes().windows(2).any(|p| matches!(p, [d, b'.'] if d.is_ascii_digit())) {
        return false;
    }
    let tokens: Vec<&str> = seg
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !(c.is_alphanumeric() || c == '.')).trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    // "2.0", "3.1.4", "3.x": a version family is a version too
    let dotted = |t: &str| {
        t.contains('.') && t.split('.').next().is_some_and(digits) && t.split('.').all(|p| digits(p) || p == "x")
    };
    let tok = |k: usize| word_at(&tokens, k);
    (0..tokens.len()).any(|k| {
        if !dotted(tok(k)) {
            return false;
        }
        let mut p = k;
        while p > 0 && matches!(tok(p - 1), "the" | "a" | "an") {
            p -= 1;
        }
        // the preposition and the word before it, read among the words of the two tokens
        // before the number (two only, so that a long run of numbers is read in one pass)
        let cleaned: Vec<Cow<str>> =
            tokens.get(p.saturating_sub(2)..p).unwrap_or_default().iter().map(|t| clean(t)).collect();
        let lead: Vec<&str> = cleaned.iter().flat_map(|t| words(t)).collect();
        lead.len().checked_sub(1).is_some_and(|i| into_version_at(&lead, i))
            && matches!(
                tok(k + 1),
                "" | "and" | "or" | "onwards" | "onward" | "upwards" | "later" | "release" | "version" | "build"
            )
    })
}

/// Whether a segment only says that the versions named are out: "(both released)",
/// "(GA)", "(all generally available since 2024)". Nothing else may stand in it, so
/// "(v2 released)" beside "in v3" or "(to be released)" says nothing of the version
/// the statement is put in.
fn only_released(ws: &[&str]) -> bool {
    let w = |k: usize| word_at(ws, k);
    let mut i = usize::from(matches!(w(0), "both" | "all" | "each" | "already" | "now"));
    match w(i) {
        "released" | "shipped" | "ga" | "live" => i += 1,
        "generally" if w(i + 1) == "available" => i += 2,
        _ => return false,
    }
    // "since 2024", "since Q3 2024", "since v2.0"
    if w(i) == "since" && i + 1 < ws.len() {
        i += 1;
        while i < ws.len() && (is_date(w(i)) || digits(w(i)) || version_tag(w(i))) {
            i += 1;
        }
    }
    i == ws.len()
}

/// Words that may lead a date that says the versions named were released ("released in
/// March 2024", "both GA on 2024-03-01").
const RELEASED_ON: &[&str] =
    &["both", "all", "each", "released", "shipped", "ga", "live", "generally", "available", "in", "on"];

/// Whether a segment only says that the versions named were released on a date whose
/// whole period is over by `generated` ("released 2024", "released in March 2024"; not
/// "released in 2027", nor "released in Q3", whose year the clock cannot tell, nor
/// "released in 2025" in a bundle of August 2025).
fn released_on(seg: &str, ws: &[&str], generated: time::OffsetDateTime) -> bool {
    let first = ws.iter().copied().find(|w| !matches!(*w, "both" | "all" | "each"));
    matches!(first, Some("released" | "shipped" | "ga" | "live" | "generally"))
        && date_gone_by(seg, generated, RELEASED_ON)
}

/// Words that may stand around a date in a segment that is only one ("(by Q3)",
/// "(end of 2027)", "(later this year)", "(March 15)").
const DATE_LEAD: &[&str] = &[
    "in",
    "by",
    "for",
    "from",
    "until",
    "till",
    "before",
    "around",
    "circa",
    "ca",
    "the",
    "early",
    "late",
    "mid",
    "end",
    "start",
    "beginning",
    "of",
    "this",
    "next",
    "later",
    "fiscal",
    "calendar",
    "year",
    "quarter",
    "month",
    "half",
];

/// Whether a segment is only a date ("Q3", "H2 2027", "2027", "FY27", "by March",
/// "2027-03"), over [`DATE_LEAD`], the day or month in figures beside a date, and a word
/// that makes it a target ("(Q3 target)", "(Q3 ETA)").
fn only_a_date(ws: &[&str]) -> bool {
    let dated = ws.iter().any(|w| is_date(w));
    let mut dates = 0;
    for w in ws {
        if is_date(w) || matches!(*w, "year" | "quarter" | "half") {
            dates += 1;
        } else if !(DATE_LEAD.contains(w)
            || dated && w.len() <= 2 && digits(w)
            || GOALS.contains(w)
            || SCHEDULED.contains(w)
            || matches!(*w, "est" | "approx" | "approximately" | "roughly" | "about"))
        {
            return false;
        }
    }
    dates > 0
}

/// Past checks and releases that a date after them dates ("SOC 2 certified (2024)",
/// "Released - March 2025"), and the last check named as a noun ("last audit: March
/// 2025"): the segment before a date decides whether it dates an event or the statement.
const DATED_EVENTS: &[&str] = &[
    "audited",
    "certified",
    "accredited",
    "approved",
    "attested",
    "passed",
    "completed",
    "released",
    "launched",
    "shipped",
    "signed",
    "issued",
    "renewed",
    "reviewed",
    "tested",
    "verified",
    "validated",
    "assessed",
    "published",
    "dated",
    "deployed",
    "delivered",
    "since",
];

/// Checks named as nouns: negated, the statement says it was not checked ("no audit",
/// "without certification"); after `ongoing`, work under way ("(ongoing audit)").
const CHECKS: &[&str] = &[
    "audit",
    "audits",
    "auditing",
    "certification",
    "certifications",
    "certificate",
    "accreditation",
    "attestation",
    "review",
    "reviews",
    "assessment",
    "assessments",
    "approval",
    "pentest",
    "verification",
    "evaluation",
    "testing",
];

/// Standards whose number a date after them dates ("SOC 2 Type II (2024)", "ISO
/// 27001:2022").
const STANDARDS: &[&str] = &["soc", "iso", "iec", "pci", "nist", "fips", "hitrust", "fedramp", "csa", "c5"];

/// Whether a segment that is only a date, in brackets, after a spaced dash or as an
/// answer (after `:`, `=`, `|`, an arrow), puts the statement on that date: "Enterprise
/// ready (Q3)", "Enterprise ready - 2027", "Scale proven: H2". It dates instead the past
/// check or release just named (`certified (2024)`, `released - March 2025`; not one
/// still to be, `to be deployed (Q3)`), the last check or report (`last audit: March
/// 2025`, `report date: 2025`; not `next audit (Q3)` nor `target date: Q3`) or the
/// standard (`SOC 2 Type II (2024)`, `ISO 27001:2022`, not `SOC 2: Q3 2027`). After a
/// comma it is a dateline and is not read.
fn dated_alone(
    seg: &str,
    ws: &[&str],
    opener: Option<char>,
    before: &[&str],
    generated: Option<time::OffsetDateTime>,
) -> bool {
    let n = before.len();
    let last = before.last().copied().unwrap_or_default();
    let second = n.checked_sub(2).map(|k| word_at(before, k)).unwrap_or_default();
    let third = n.checked_sub(3).map(|k| word_at(before, k)).unwrap_or_default();
    let past = DATED_EVENTS.contains(&last) && !TO_COME.contains(&second);
    // how long a thing done holds, as without the colon ("certificate valid: 2024-2027");
    // a date still to come there is read by [`date_after`]
    let validity = says_validity(last, second);
    let last_check = (CHECKS.contains(&last) || last == "report")
        && matches!(second, "last" | "latest" | "previous" | "recent")
        || last == "date"
            && (matches!(second, "report" | "issue")
                || CHECKS.contains(&second) && matches!(third, "last" | "latest" | "previous" | "recent"));
    // a standard's year after a colon only as its notation, unspaced: "ISO 27001:2022",
    // not "SOC 2: Q3 2027"
    let standard = || {
        (digits(last) || matches!(last, "i" | "ii"))
            && before.iter().any(|w| STANDARDS.contains(w))
            && (opener != Some(':') || seg.starts_with(|c: char| c.is_ascii_digit()))
    };
    // a goal, a schedule or a deadline makes a plan of the date whatever it dates:
    // "SOC 2 certified (Q3 target)", "last audit: by March"
    let planned = || {
        ws.iter().any(|w| {
            GOALS.contains(w)
                || SCHEDULED.contains(w)
                || matches!(*w, "by" | "until" | "till" | "before" | "next" | "later")
        })
    };
    let opened =
        opener.is_some_and(|c| matches!(c, '(' | '[' | '{' | '-' | '/' | ':' | '=' | '|' | '>') || is_arrow(c));
    // each list read only where it decides (a long segment's words are many)
    let event = || (past || last_check || validity || standard()) && !planned();
    // the bundle's clock reads a date whose whole period is over as a fact: "(2024)";
    // read last, as it tokenises the segment again
    opened && !event() && only_a_date(ws) && !generated.is_some_and(|g| date_gone_by(seg, g, &["in"]))
}

/// The words at which one of the hedges that [`hedges`] reads word by word may start
/// ([`Class::MAY_HEDGE`]): each of them starts at a word of one of these lists. Every
/// other word is passed over at the cost of its one look-up (the lists' scans at each
/// word were a third of a long statement's reading).
fn hedge_starts() -> impl Iterator<Item = &'static str> {
    let lists =
        [HEDGE_ANYWHERE, MODALS_FUTURE, MODALS_POSSIBLE, QUALIFIERS, SCHEDULED, INTO_TIME, CONDITIONS, UNTIL_RELEASE];
    let phrases = HEDGE_PHRASES.iter().chain(STRIVING).filter_map(|p| p.first());
    const WORDS: [&str; 15] = [
        "to",
        "still",
        "currently",
        "only",
        "once",
        "upon",
        "subject",
        "as",
        "ongoing",
        "at",
        "on",
        "from",
        "with",
        "pre",
        "post",
    ];
    lists.into_iter().flatten().chain(phrases).copied().chain(WORDS)
}

/// Whether the words of one segment hedge the statement (see [`Gap::Hedge`]); `class`
/// holds each word's [`Class`].
fn hedges(ws: &[&str], class: &[Class]) -> bool {
    let w = |i: usize| word_at(ws, i);
    let is = |i: usize, bit: u8| class.get(i).is_some_and(|c| c.is(bit));
    let negated = |i: usize| i.checked_sub(1).is_some_and(|j| is(j, Class::NEGATOR));
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
    // a segment that is only a degree or a likelihood: "Enterprise ready (almost)",
    // "(mostly)", "(kind of)", "(in part)"
    if ws.len() == 1 && QUALIFIERS.contains(&first) || DEGREE_WHOLE.iter().any(|p| p[..] == *ws) {
        return true;
    }
    // a segment that is only a possibility or a doubt: "Enterprise ready: maybe",
    // "(perhaps)", "Enterprise ready: unclear"
    if ws.len() == 1 && (MODALS_POSSIBLE.contains(&first) || LIKELIHOOD_WHOLE.contains(&first)) {
        return true;
    }
    // For each position, the first word at or after it that is not a filler ("still"
    // counts as one here), so that a run of fillers is read once however many modals
    // stand in it
    let solid = first_kept(ws.len(), |i| !(is(i, Class::FILLER) || w(i) == "still"));
    let solid = |i: usize| solid.get(i).map(|&j| j as usize);
    // the first word after `i` that is not a filler
    let governed = |i: usize| solid(i + 1).map(w).filter(|g| !g.is_empty());
    // For each position, the first word at or after it not of WHEN_LEAD, and whether a
    // word of RECURRING stands before it: one pass each, so a run of schedule words
    // ("coming coming ...", "planned x planned x ...") is not read again from each.
    let past_lead = first_kept(ws.len(), |i| !is(i, Class::WHEN_LEAD));
    let recurring_before: Vec<bool> = class
        .iter()
        .scan(false, |seen, c| {
            let before = *seen;
            *seen |= c.is(Class::RECURRING);
            Some(before)
        })
        .collect();
    let recurring = recurring_before.last().is_some_and(|&b| b) || class.last().is_some_and(|c| c.is(Class::RECURRING));
    // whether a date stands after each position: one pass, so a run of conditions ("when
    // audited when audited ...") does not look for it again from each
    let mut date_after: Vec<bool> = ws
        .iter()
        .rev()
        .scan(false, |seen, word| {
            *seen |= is_date(word);
            Some(*seen)
        })
        .collect();
    date_after.reverse();
    // the first word of achievement: one pass, for a run of "at GA at GA ..."
    let first_state = class.iter().position(|c| c.is(Class::ACHIEVED));
    // the last word before `i` that is not a filler: read only at a release, back over
    // fillers alone, so the runs read for all releases never overlap (linear in all)
    let last_solid = |i: usize| (0..i).rev().find(|&b| !is_filler(w(b)));
    (0..ws.len()).any(|i| {
        let word = w(i);
        // every hedge below starts at a word of `hedge_starts`: one added here is
        // added there
        if !is(i, Class::MAY_HEDGE) {
            return false;
        }
        let anywhere = HEDGE_ANYWHERE.contains(&word)
            && !negated(i)
            && !(word == "soon" && i > 0 && w(i - 1) == "as" && w(i + 1) == "as");
        let phrase = HEDGE_PHRASES.iter().any(|p| phrase_at(ws, i, p)) && !negated(i);
        let to_be = phrase_at(ws, i, &["to", "be"]) && solid(i + 2).is_some_and(|j| TO_BE_DECIDED.contains(&w(j)));
        let future = (MODALS_FUTURE.contains(&word) || (word == "to" && i > 0 && PLAN_VERBS.contains(&w(i - 1))))
            && !negated(i)
            && governed(i).is_some_and(is_achieved);
        let possible = MODALS_POSSIBLE.contains(&word)
            && !negated(i)
            && governed(i).is_some_and(|g| is_achieved(g) && !CHECKING.contains(&g));
        let qualified = QUALIFIERS.contains(&word)
            && !negated(i)
            && governed(i).is_some_and(|g| is_achieved(g) && !NOT_QUALIFIED.contains(&g));
        let striving = STRIVING.iter().find(|p| phrase_at(ws, i, p)).is_some_and(|p| {
            let after = solid(i + p.len()).map(w).unwrap_or_default();
            is_achieved(after) && !CHECKING.contains(&after)
        });
        let stage = matches!(word, "still" | "currently" | "only")
            && (stage_at(ws, i + 1) || matches!(w(i + 1), "in" | "a" | "an") && stage_at(ws, i + 2));
        let scheduled =
            SCHEDULED.contains(&word) && !negated(i) && !compared(i) && recurring_before.get(i) == Some(&false) && {
                let lead = past_lead.get(i + 1).map_or(ws.len(), |&j| j as usize);
                let when = |k: usize| k == ws.len() || is_date(w(k)) || PERIODS.contains(&w(k));
                lead > i + 1 && when(lead) || is_date(w(i + 1))
            };
        let next_release = INTO_TIME.contains(&word) && {
            let j = if matches!(w(i + 1), "the" | "a" | "an") { i + 2 } else { i + 1 };
            // "in future releases", "from later versions"; not after `with`: "compatible
            // with future versions" speaks of something else
            let period = w(j + 1);
            let singular = period.strip_suffix('s').filter(|_| word != "with").unwrap_or(period);
            NEXT.contains(&w(j)) && NEXT_RELEASE.contains(&singular)
        };
        // "once audited", "upon certification", "subject to audit"
        let once = (matches!(word, "once" | "upon") || word == "subject" && w(i + 1) == "to")
            && solid(if word == "subject" { i + 2 } else { i + 1 })
                .is_some_and(|j| ONCE_PENDING.contains(&w(j)) || version_at(ws, j));
        // "when certified", "if approved", "after GA", "until general availability", "before
        // v2". A date later in the segment makes a check an event in time ("after the audit
        // in 2024"), not a release ("after GA in 2024": "GA since 2024" says it is out), nor
        // anything after `if`. `before`, `until` and `till` only a release: "tested before
        // release" is the order of a process.
        // an act done, not one still to be ("will be deployed after GA")
        let process = || {
            (0..i)
                .rev()
                .find(|&b| {
                    !(is_filler(w(b))
                        || matches!(w(b), "only" | "always" | "just" | "immediately" | "right" | "directly"))
                })
                .is_some_and(|b| PROCESS.contains(&w(b)) && !b.checked_sub(1).is_some_and(|a| TO_COME.contains(&w(a))))
        };
        let as_soon_as = word == "as" && i >= 2 && w(i - 1) == "soon" && w(i - 2) == "as";
        let until = UNTIL_RELEASE.contains(&word) && (word != "prior" || w(i + 1) == "to");
        let condition = (CONDITIONS.contains(&word) || as_soon_as || until)
            && !process()
            && solid(i + 1).is_some_and(|j| {
                let ga = matches!(w(j), "ga" | "launch")
                    || phrase_at(ws, j, &["general", "availability"])
                    || phrase_at(ws, j, &["generally", "available"]);
                let version = version_at(ws, j);
                if until {
                    return ga || version && word != "by";
                }
                let release = ga || version || matches!(w(j), "release" | "released" | "launched" | "shipped");
                let check = ONCE_PENDING.contains(&w(j)) && !release;
                let dated = date_after.get(j + 1).is_some_and(|&d| d);
                release || check && (matches!(word, "if" | "awaiting") || !dated)
            });
        // "audit ongoing", "certification still ongoing since May": work written noun
        // first, not "ongoing monitoring" nor a recurring check, "audit ongoing annually"
        let ongoing =
            word == "ongoing"
                && i > 0
                && matches!(w(i + 1), "" | "since" | "for" | "still" | "now" | "at" | "with" | "by" | "until" | "and")
                && !recurring
                && !ws.iter().take(i).rev().find(|b| !matches!(**b, "is" | "are" | "still" | "currently")).is_some_and(
                    |b| matches!(*b, "monitoring" | "support" | "patching" | "operations" | "maintenance"),
                );
        // "Enterprise ready at GA", "available on launch", "ready from GA": a state put at
        // a release, as "after GA" is, its date or not ("at GA in 2024": an honest
        // statement writes "since GA"); not after a verb that says what the release brought
        // or saw ("certified at launch"), what works with it, or where something came from
        let at_release = at_a_release(ws, i)
            && first_state.is_some_and(|f| f < i)
            && !last_solid(i)
                .is_some_and(|b| SHIPPED_IN.contains(&w(b)) || WORKS_WITH.contains(&w(b)) || CAME_FROM.contains(&w(b)));
        // "Enterprise ready pre-GA", "post-GA": a stage before or a time after a release
        // ending the segment
        let pre = matches!(word, "pre" | "post")
            && i + 2 == ws.len()
            && matches!(w(i + 1), "ga" | "release" | "launch" | "production");
        anywhere
            || phrase
            || to_be
            || future
            || possible
            || qualified
            || striving
            || stage
            || scheduled
            || next_release
            || once
            || condition
            || ongoing
            || pre
            || at_release
    }) || only_a_stage(ws)
        || a_goal(ws)
        || only_work_under_way(ws)
        || only_a_reservation(ws)
}

/// Segments that only say whose word the statement is, where it holds, or when it will
/// ("Enterprise ready (self-reported)", "(in the lab)", "(not for production)", "(in the
/// future)"), over `only`: a reviewer reads each as taking the statement back.
const RESERVATIONS: &[&[&str]] = &[
    &["self", "assessed"],
    &["self", "assessment"],
    &["self", "reported"],
    &["self", "declared"],
    &["self", "certified"],
    &["claimed"],
    &["est"],
    &["we", "hope"],
    &["we", "believe"],
    &["we", "think"],
    &["in", "the", "lab"],
    &["lab"],
    &["test", "environment"],
    &["dev"],
    &["internal", "use"],
    &["not", "for", "production"],
    &["non", "production"],
    &["staging"],
    &["not", "ga"],
    &["limited", "availability"],
    &["someday"],
    &["some", "day"],
    &["one", "day"],
    &["in", "the", "future"],
    &["next", "year"],
    &["ambition"],
    &["approx"],
    &["approximately"],
    &["roughly"],
];

/// Whether a segment is only a reservation of [`RESERVATIONS`], over `only`.
fn only_a_reservation(ws: &[&str]) -> bool {
    // at most the longest reservation and a few `only`: longer segments are no reservation
    if ws.len() > 8 {
        return false;
    }
    let rest: Vec<&str> = ws.iter().copied().filter(|w| *w != "only").collect();
    RESERVATIONS.iter().any(|r| r[..] == rest[..])
}

/// Goals, in the plural too: after `is`, `was`, `remains` ("Enterprise readiness is the
/// goal") or before it ("Our goal is enterprise readiness"), a goal is no statement.
const GOALS: &[&str] = &[
    "goal",
    "goals",
    "target",
    "targets",
    "aim",
    "aims",
    "objective",
    "objectives",
    "ambition",
    "aspiration",
    "intent",
    "intention",
    "vision",
    "plan",
];

/// Words that may stand before a goal ("our stated goal", "the main target").
const GOAL_WORDS: &[&str] = &[
    "the",
    "our",
    "a",
    "an",
    "my",
    "their",
    "its",
    "main",
    "key",
    "primary",
    "ultimate",
    "stated",
    "current",
    "next",
    "long",
    "term",
    "overall",
    "final",
    "immediate",
    "top",
    "first",
];

/// Copulas that make a goal of what they join ("is the goal", "goal is ...").
const COPULAS: &[&str] = &["is", "was", "are", "were", "remains", "remain", "stays", "becomes"];

/// Words that say a goal was met, after a subject or an auxiliary ("the goal we met",
/// "the target was reached", "our goal has been achieved").
const GOAL_MET: &[&str] = &[
    "met",
    "reached",
    "achieved",
    "attained",
    "exceeded",
    "hit",
    "accomplished",
    "fulfilled",
    "delivered",
    "surpassed",
    "realised",
    "realized",
];

/// Whether a segment states a goal rather than the requirement: a goal is all of it
/// over [`GOAL_WORDS`] ("(our goal)"), or joined by a copula to the rest ("Enterprise
/// readiness is the goal", "Our goal is enterprise readiness"), unless the segment goes
/// on to say it was met ("zero downtime is the goal we met", "the target was reached"):
/// `met` after `we`, `which`, `that`, `was`, `has`, `been`, ..., not "the goal to be met".
fn a_goal(ws: &[&str]) -> bool {
    let w = |k: usize| word_at(ws, k);
    let Some(g) = ws.iter().position(|x| GOALS.contains(x)) else { return false };
    let lead = ws.iter().take(g).all(|x| GOAL_WORDS.contains(x));
    if lead && g + 1 == ws.len() {
        return true;
    }
    // back over the words before a goal to a copula: "is the goal", "remains our target"
    let mut b = g;
    while b > 0 && GOAL_WORDS.contains(&w(b - 1)) {
        b -= 1;
    }
    let after_copula = b > 0 && COPULAS.contains(&w(b - 1));
    let before_copula = lead && COPULAS.contains(&w(g + 1));
    let met = (g + 1..ws.len()).any(|k| {
        GOAL_MET.contains(&w(k))
            && k.checked_sub(1).is_some_and(|j| {
                matches!(
                    w(j),
                    "we" | "they"
                        | "which"
                        | "that"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "been"
                        | "is"
                        | "are"
                        | "fully"
                        | "already"
                        | "now"
                )
            })
    });
    (after_copula || before_copula) && !met
}

/// For each of `n` positions and the one past the end, the first position at or after
/// it whose word `keep` accepts (`n` when none): one pass from the right, so that a run
/// of words passed over is read once however many words look past it. Positions as
/// `u32`, half the memory of a statement's million words (a statement under the read
/// limits has fewer than 2^32 words).
fn first_kept(n: usize, keep: impl Fn(usize) -> bool) -> Vec<u32> {
    let end = u32::try_from(n).unwrap_or(u32::MAX);
    let mut out = vec![end; n + 1];
    let mut next = end;
    for (i, slot) in out.iter_mut().enumerate().take(n).rev() {
        if keep(i) {
            next = u32::try_from(i).unwrap_or(u32::MAX);
        }
        *slot = next;
    }
    out
}

/// Word `k` of a segment, empty past its end (so a phrase never matches there).
fn word_at<'a>(ws: &[&'a str], k: usize) -> &'a str {
    ws.get(k).copied().unwrap_or_default()
}

/// Whether the words of phrase `p` stand at word `i` of a segment.
fn phrase_at(ws: &[&str], i: usize, p: &[&str]) -> bool {
    p.iter().enumerate().all(|(k, p)| word_at(ws, i + k) == *p)
}

/// Whether a stage of [`STAGES`] or [`STAGE_PHRASES`] starts at word `i`.
fn stage_at(ws: &[&str], i: usize) -> bool {
    STAGES.contains(&word_at(ws, i)) || STAGE_PHRASES.iter().any(|p| phrase_at(ws, i, p))
}

/// Whether `w` is a number.
fn digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// A version tag beside a stage: `v2`, `v0` of "v0.9", `rc1`, `b3`. A bare number is
/// not one ("Trial 1: 96% fidelity" numbers trials), but after a tag it is the rest of
/// the version ("v0.9").
fn version_tag(w: &str) -> bool {
    ["v", "rc", "b", "r"].iter().any(|p| w.strip_prefix(p).is_some_and(digits))
}

/// Whether a segment names only stages, over [`STAGE_FILLERS`], [`STAGE_KINDS`] and
/// version tags ("beta", "in pilot", "proof of concept", "beta release", "public beta",
/// "v0.9 beta", "alpha/beta", "release candidate", "pre-release", "RC1").
fn only_a_stage(ws: &[&str]) -> bool {
    let w = |k: usize| word_at(ws, k);
    let mut stages = 0;
    let mut i = 0;
    // one pass, each word read once: a stage phrase first ("release candidate", whose
    // `release` alone is a filler), then a stage, then the words that may stand around one
    while i < ws.len() {
        if let Some(p) = STAGE_PHRASES.iter().find(|p| phrase_at(ws, i, p)) {
            stages += 1;
            i += p.len();
            continue;
        }
        let word = w(i);
        let after_tag = i.checked_sub(1).is_some_and(|j| version_tag(w(j)));
        if STAGES.contains(&word) || word.strip_prefix("rc").is_some_and(digits) {
            stages += 1;
        } else if !(STAGE_FILLERS.contains(&word)
            || STAGE_KINDS.contains(&word)
            || version_tag(word)
            || after_tag && digits(word))
        {
            return false;
        }
        i += 1;
    }
    stages > 0
}

/// Segments that are only work still under way: "Enterprise ready (in development)",
/// "(under evaluation)", "(being tested)", "(ongoing)".
fn only_work_under_way(ws: &[&str]) -> bool {
    let w = |k: usize| word_at(ws, k);
    const WORK: &[&str] = &["development", "testing", "test", "evaluation", "construction", "validation", "assessment"];
    const BEING: &[&str] =
        &["developed", "built", "tested", "evaluated", "reviewed", "audited", "certified", "validated", "assessed"];
    match ws.len() {
        1 => matches!(w(0), "ongoing" | "wip" | "unfinished" | "incomplete"),
        2 => {
            matches!(w(0), "in" | "under") && WORK.contains(&w(1))
                || matches!(w(0), "being" | "getting") && BEING.contains(&w(1))
                || w(0) == "ongoing" && CHECKS.contains(&w(1))
        }
        _ => false,
    }
}

/// A segment as its words are read: `@` as ` at ` ("Enterprise ready @ GA"), apostrophes
/// dropped ("isn't" is "isnt"); borrowed when it has neither, as most segments do, so
/// that its words are slices of it.
fn clean(segment: &str) -> Cow<'_, str> {
    if !segment.contains(['@', '\'', '\u{2019}']) {
        return Cow::Borrowed(segment);
    }
    let mut out = String::with_capacity(segment.len() + 8);
    for c in segment.chars() {
        match c {
            '@' => out.push_str(" at "),
            '\'' | '\u{2019}' => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The words of a segment [`clean`] made: its runs of letters and digits. At most one
/// per two bytes: allocated once at that size (grown by doubling, a long statement's
/// list was copied a dozen times, each copy more memory touched).
fn words(cleaned: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(cleaned.len() / 2 + 1);
    out.extend(cleaned.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()));
    out
}

/// The text cut where a clause ends (5.4: `;`, `!`, `?`, brackets, `.` or `,` before a
/// space) and where an answer starts (`:`, a spaced dash: "Ready: no", "No - not ready"),
/// each segment with the mark it was cut at before it (none for the first).
fn segments(lower: &str) -> Vec<(Option<char>, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut opener = None;
    let mut chars = lower.char_indices().peekable();
    let mut prev = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let spaced = |n: Option<char>| n.is_none_or(char::is_whitespace);
        let prev = prev.replace(c);
        let prev_space = prev.is_some_and(char::is_whitespace);
        // an answer after `=`, `|`, an arrow (`->`, `=>`, `→`), a spaced `--` or `/`:
        // "Enterprise ready = false", "Enterprise ready → no", "Ready -- no"
        let dash_run = |n: Option<char>| n.is_none_or(|n| n.is_whitespace() || n == '-');
        let cut = matches!(c, ';' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | ':' | '=' | '|')
            || (matches!(c, '.' | ',') && spaced(next))
            || (c == '-' && (prev_space || prev == Some('-')) && dash_run(next))
            || (c == '/' && prev_space && spaced(next))
            || (c == '>' && prev == Some('-'))
            || is_arrow(c);
        if cut {
            out.push((opener, &lower[start..i]));
            start = i + c.len_utf8();
            opener = Some(c);
        }
    }
    out.push((opener, &lower[start..]));
    out.into_iter().filter(|(_, s)| s.chars().any(char::is_alphanumeric)).collect()
}

/// An arrow drawn as one character (`→`, `⇒`, `⟶`, `➔`), which leads to an answer as `->` does.
fn is_arrow(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{27F0}'..='\u{27FF}' | '\u{2794}'..='\u{27BF}' | '\u{2900}'..='\u{297F}')
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
/// because "only" is not a filler. `class` holds each word's [`Class`].
fn denies(words: &[&str], class: &[Class]) -> bool {
    if class.iter().any(|c| c.is(Class::UN_ACHIEVED)) {
        return true;
    }
    // "Enterprise readiness failed", "Scale validation fails": the check or the state the
    // statement names failed (not "0 tests failed", "no checks failed", "nothing failed",
    // "when a node fails")
    if let [.., subject, "failed" | "fails"] = words {
        let counted = words
            .len()
            .checked_sub(3)
            .and_then(|k| words.get(k))
            .is_some_and(|w| digits(w) || matches!(*w, "zero" | "no" | "none") || Class::of(w).is(Class::NEGATOR));
        if !counted && (is_achieved(subject) || CHECKS.contains(subject) || FAILED_SUBJECTS.contains(subject)) {
            return true;
        }
    }
    let negator = |k: Option<usize>| k.and_then(|k| class.get(k)).is_some_and(|c| c.is(Class::NEGATOR));
    let at = |k: Option<usize>| k.and_then(|k| words.get(k)).copied();
    words.iter().enumerate().any(|(i, w)| {
        // "w/o" is `without`, of a check only: "Enterprise ready w/o audit"
        if *w == "w" && at(Some(i + 1)) == Some("o") {
            return negated_check(words, i + 1);
        }
        (negator(Some(i)) || *w == "zero" && negated_check(words, i))
            && !negator(i.checked_sub(1))
            // "whether or not audited by customers" leaves it open, it denies nothing
            && !(*w == "not" && at(i.checked_sub(1)) == Some("or") && at(i.checked_sub(2)) == Some("whether"))
            && (words
                .iter()
                .skip(i + 1)
                .find(|w| !is_filler(w))
                .is_some_and(|w| is_achieved(w))
                || negated_check(words, i))
    })
}

/// What the requirement rests on, which fails before `failed` or `fails` at the end of a
/// segment, besides a word of achievement and a check of [`CHECKS`].
const FAILED_SUBJECTS: &[&str] =
    &["readiness", "validation", "test", "tests", "check", "checks", "benchmark", "benchmarks", "compliance", "proof"];

/// Words that may stand between a negator and the check it negates ("no third-party
/// audit", "without a SOC 2 Type II audit").
const CHECK_KINDS: &[&str] = &[
    "third",
    "party",
    "independent",
    "external",
    "internal",
    "formal",
    "official",
    "soc",
    "iso",
    "type",
    "ii",
    "i",
    "security",
    "compliance",
    "code",
    "penetration",
    "customer",
    "regulatory",
];

/// Harm a check may find: after a negated check (its log or trail allowed between),
/// what is negated is the harm, not the check ("no audit findings", "no audit log gaps",
/// "no review comments"). Any other word leaves the check negated ("no audit yet", "no
/// audit report", "without certification").
const CHECK_HARM: &[&str] = &[
    "finding",
    "findings",
    "issue",
    "issues",
    "exception",
    "exceptions",
    "failure",
    "failures",
    "error",
    "errors",
    "gap",
    "gaps",
    "concern",
    "concerns",
    "deviation",
    "deviations",
    "observation",
    "observations",
    "remark",
    "remarks",
    "incident",
    "incidents",
    "defect",
    "defects",
    "problem",
    "problems",
    "flag",
    "flags",
    "comment",
    "comments",
    "objection",
    "objections",
    "violation",
    "violations",
    "nonconformity",
    "nonconformities",
    "nonconformance",
    "nonconformances",
    "blocker",
    "blockers",
    "risk",
    "risks",
];

/// Whether the negator at word `i` (not `fail`, whose "0 failed tests" is harm; `zero`
/// too) negates a check of [`CHECKS`]: "no audit", "without certification", "no SOC 2
/// audit yet", "zero audits". `without` (`w/o`) only after a word of achievement or
/// leading its segment: "works without manual approval" tells what a feature needs.
fn negated_check(words: &[&str], i: usize) -> bool {
    let at = |k: usize| word_at(words, k);
    if at(i).starts_with("fail") {
        return false;
    }
    if matches!(at(i), "without" | "o") {
        let start = if at(i) == "o" { i.saturating_sub(1) } else { i };
        let after_state = (0..start)
            .rev()
            .find(|&b| !is_filler(at(b)))
            .is_none_or(|b| Class::of(at(b)).is(Class::ACHIEVED | Class::UN_ACHIEVED));
        if !after_state {
            return false;
        }
    }
    let Some(c) = (i + 1..words.len()).find(|&k| {
        let w = at(k);
        !(is_filler(w) || CHECK_KINDS.contains(&w) || digits(w))
    }) else {
        return false;
    };
    let mut h = c + 1;
    while matches!(at(h), "log" | "logs" | "trail" | "trails") {
        h += 1;
    }
    CHECKS.contains(&at(c)) && !CHECK_HARM.contains(&at(h))
}

/// A template never filled in: a variable (`{{enterprise_ready}}`, `${STATUS}`,
/// `{status}`, `%STATUS%`, `<status>`, `<insert statement>`), an instruction to fill it
/// ("Insert statement here", "Your text here", "changeme"), a question left without an
/// answer (`Enterprise ready:`, `Enterprise ready: ???`, `Ready = -`, `Ready: ___`), or
/// the statement asked as one (`Enterprise ready?`, `Enterprise ready (?)`).
fn unfilled(lower: &str) -> bool {
    let ident = |t: &str| {
        !t.is_empty()
            && t.chars().any(char::is_alphabetic)
            && t.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
            && !t.starts_with([' ', '-', '.'])
            && !t.ends_with([' ', '-', '.'])
    };
    // each opening is looked for once from where the last one ended: linear
    let enclosed = |open: &str, close: &str, inner: &dyn Fn(&str) -> bool| {
        let mut rest = lower;
        while let Some(at) = rest.find(open) {
            let after = &rest[at + open.len()..];
            let Some(end) = after.find(close) else { return false };
            if inner(&after[..end]) {
                return true;
            }
            rest = &after[end..];
        }
        false
    };
    // a variable's name has no space ("<on-prem and cloud>" is prose in brackets); an
    // instruction to fill it may ("<insert statement>")
    let name = |t: &str| ident(t) && !t.contains(' ');
    let instruction = |t: &str| {
        ident(t) && matches!(t.split(' ').next(), Some("insert" | "enter" | "your" | "add" | "put" | "type" | "fill"))
    };
    if enclosed("{{", "}}", &|t: &str| !t.trim_matches(' ').is_empty())
        || enclosed("${", "}", &|t: &str| name(t))
        || enclosed("{", "}", &|t: &str| name(t))
        || enclosed("<", ">", &|t: &str| name(t) || instruction(t))
        || lower.split('%').collect::<Vec<_>>().get(1..).is_some_and(|between| {
            // a part with `%` on both sides: not the text after the last one ("96%fidelity")
            between.split_last().is_some_and(|(_, inner)| inner.iter().any(|t| name(t)))
        })
    {
        return true;
    }
    let mut words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or_default();
    let last = words.next_back().unwrap_or_default();
    // the letters and digits alone, as far as the longest word below and one more
    let compact: String = lower.chars().filter(|c| c.is_alphanumeric()).take(11).collect();
    if matches!(first, "insert" | "enter" | "your" | "add" | "put" | "type" | "write") && last == "here"
        || matches!(compact.as_str(), "changeme" | "dummy" | "dummytext" | "sampletext" | "foo" | "foobar" | "test")
    {
        return true;
    }
    // a question, not a statement: "Enterprise ready?", "Enterprise ready (?)"
    if lower.trim_end().ends_with('?') || lower.contains("(?)") || lower.contains("[?]") {
        return true;
    }
    // the answer after the last `:` or `=` is empty or only marks of a blank
    lower.rfind([':', '=']).is_some_and(|at| {
        lower[at + 1..]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '?' | '-' | '_' | '.' | '\u{2026}' | '*' | '/'))
    })
}

/// A box left unticked or a cross ("[ ] Enterprise ready", "☐ Enterprise ready",
/// "Enterprise ready: ✗", "Enterprise ready ❌", "Enterprise ready: 🚫", "⛔", "👎"): the
/// publisher's own checklist says no.
/// A ticked box ("[x] Enterprise ready", "☑", "✓") is a statement.
fn unticked(lower: &str) -> bool {
    let mut rest = lower;
    while let Some(at) = rest.find('[') {
        let after = &rest[at + 1..];
        let Some(end) = after.find(']') else { break };
        if after[..end].chars().all(char::is_whitespace) {
            return true;
        }
        rest = &after[end..];
    }
    lower.chars().any(|c| {
        matches!(
            c,
            '\u{2610}'
                | '\u{25A1}'
                | '\u{2B1C}'
                | '\u{25FB}'
                | '\u{2717}'
                | '\u{2718}'
                | '\u{274C}'
                | '\u{274E}'
                // prohibited, no entry, thumbs down: a checklist's "no" as well
                | '\u{1F6AB}'
                | '\u{26D4}'
                | '\u{1F44E}'
        )
    })
}

/// A small capital as the letter it displays (`ɴᴏᴛ ᴘʀᴏᴠᴇɴ` is "not proven", `(ʙᴇᴛᴀ)` a
/// stage): NFKC leaves these Latin letters alone, and text generators offer them as a
/// "font". Other characters are returned as they are.
fn small_capital(c: char) -> char {
    match c {
        '\u{1D00}' => 'a',
        '\u{0299}' => 'b',
        '\u{1D04}' => 'c',
        '\u{1D05}' => 'd',
        '\u{1D07}' => 'e',
        '\u{A730}' => 'f',
        '\u{0262}' => 'g',
        '\u{029C}' => 'h',
        '\u{026A}' => 'i',
        '\u{1D0A}' => 'j',
        '\u{1D0B}' => 'k',
        '\u{029F}' => 'l',
        '\u{1D0D}' => 'm',
        '\u{0274}' => 'n',
        '\u{1D0F}' => 'o',
        '\u{1D18}' => 'p',
        '\u{A7AF}' => 'q',
        '\u{0280}' => 'r',
        '\u{A731}' => 's',
        '\u{1D1B}' => 't',
        '\u{1D1C}' => 'u',
        '\u{1D20}' => 'v',
        '\u{1D21}' => 'w',
        '\u{028F}' => 'y',
        '\u{1D22}' => 'z',
        _ => c,
    }
}

/// Words before a year standing alone that make it a date ("since 2027", "by 2027",
/// "end of 2027"), as do a past check or release of [`DATED_EVENTS`] and `GA`
/// ("certified 2027", "released 2027"); a year after any other word is left to the
/// claims, which read it as a figure they cannot check (5.4).
const YEAR_LEAD: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "through",
    "thru",
    "throughout",
    "during",
    "before",
    "after",
    "by",
    "from",
    "for",
    "of",
    "circa",
    "ca",
    "around",
    "early",
    "late",
    "mid",
    "year",
    "cy",
    "to",
];

/// Words after a year that leave it a date ("certified in 2027 by EY"); any other word
/// may be what the number counts ("in 2048 regions"), which the claims read.
const YEAR_TAIL: &[&str] = &[
    "and", "by", "with", "without", "for", "at", "on", "in", "under", "from", "after", "before", "onward", "onwards",
    "when", "while", "to", "until", "till", "through", "thru",
];

/// The words of a statement as the date reader sees them, each with what stood before
/// it, kept in one buffer (a word costs 12 bytes beside its text, not two strings).
/// Word `k` past the end is empty.
struct DateWords {
    text: String,
    /// Per word: where its separator starts, where the word starts and ends in `text`,
    /// and whether a clause ends before it (`;`, `,`, `.`, `:`, a bracket, a spaced dash...).
    at: Vec<(u32, u32, u32, bool)>,
}

impl DateWords {
    fn len(&self) -> usize {
        self.at.len()
    }

    /// Letters lower-cased and taken to their confusables skeleton (a Cyrillic `а` is
    /// `a`), digits of any script as ASCII digits (`٢٠٢٧` is `2027`), and a word of four
    /// digits but for an `o`, `l` or `i` read as a number (`2O27` is `2027`).
    fn word(&self, k: usize) -> &str {
        self.at.get(k).and_then(|&(_, a, b, _)| self.text.get(a as usize..b as usize)).unwrap_or_default()
    }

    /// The characters before word `k`, spaces removed ("'" in "Q3 '27", "-" in "2027-03").
    fn sep(&self, k: usize) -> &str {
        self.at.get(k).and_then(|&(s, a, _, _)| self.text.get(s as usize..a as usize)).unwrap_or_default()
    }

    /// A clause ends before word `k` (false past the end).
    fn opens(&self, k: usize) -> bool {
        self.at.get(k).is_some_and(|a| a.3)
    }

    /// Word `k` exists and no clause ends before it.
    fn joined(&self, k: usize) -> bool {
        self.at.get(k).is_some_and(|a| !a.3)
    }
}

/// The words of `normalized` (the text after `crate::audit::normalize::normalize`, which
/// [`gap`] has already made) for the date reader (see [`DateWords`]).
fn date_words(normalized: &str) -> DateWords {
    // at most one word per two bytes, and about as much text as the statement's:
    // allocated once
    let mut out =
        DateWords { text: String::with_capacity(normalized.len()), at: Vec::with_capacity(normalized.len() / 2 + 1) };
    let mut word = String::new();
    let mut sep = String::new();
    let mut spaced = false;
    let mut buf = [0u8; 4];
    // a capital `H` after one digit: "2H27" is a half and its year, "1h30" a time
    let mut capital_h = false;
    let flush = |word: &mut String, sep: &mut String, spaced: &mut bool, capital_h: &mut bool, out: &mut DateWords| {
        if std::mem::take(capital_h) && word.len() == 4 && matches!(word.get(..2), Some("1h" | "2h")) {
            // read as the half and the year of four digits it names ("2h2027"), which
            // [`period_of`] reads
            if let Some(y) = word.get(2..).filter(|d| digits(d)).and_then(year2or4) {
                word.truncate(2);
                word.push_str(&y.to_string());
            }
        }
        if !word.is_empty() {
            // a year with a letter drawn as a digit ("2O27", "2l27"): read as the year
            let digit_like = |c: char| c.is_ascii_digit() || matches!(c, 'o' | 'l' | 'i');
            if word.len() == 4 && word.chars().all(digit_like) && word.chars().filter(char::is_ascii_digit).count() >= 2
            {
                *word = word
                    .chars()
                    .map(|c| match c {
                        'o' => '0',
                        'l' | 'i' => '1',
                        c => c,
                    })
                    .collect();
            }
            let opens = sep.chars().any(|c| ";!?()[]{}:=|,.\"".contains(c) || is_arrow(c))
                || *spaced && sep.chars().any(|c| c == '-' || c == '/');
            // a statement of 4 GiB is refused long before (read limits): the offsets fit
            let offset = |t: &String| u32::try_from(t.len()).unwrap_or(u32::MAX);
            let start = offset(&out.text);
            out.text.push_str(sep);
            let word_start = offset(&out.text);
            out.text.push_str(word);
            out.at.push((start, word_start, offset(&out.text), opens));
            word.clear();
            sep.clear();
            *spaced = false;
        }
    };
    for c in normalized.chars() {
        if c.is_ascii_alphanumeric() {
            capital_h |= c == 'H' && word.len() == 1 && word.starts_with(|d: char| d.is_ascii_digit());
            word.push(c.to_ascii_lowercase());
        } else if let Some(d) = crate::audit::normalize::decimal_digit(c) {
            word.push(char::from(b'0' + d));
        } else if c.is_alphanumeric() && !crate::text::drawn_as_apostrophe(c) {
            // the letter it is drawn as, capital or small (Cyrillic `М`, `а`; small
            // capitals `ᴍᴀʀᴄʜ`); the skeleton draws `m` as `rn`
            let skeleton: String = unicode_security::skeleton(c.encode_utf8(&mut buf))
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphanumeric())
                .collect();
            if skeleton == "rn" {
                word.push('m');
            } else if !skeleton.is_empty() && skeleton.is_ascii() {
                word.push_str(&skeleton);
            } else {
                word.extend(c.to_lowercase().map(small_capital));
            }
        } else {
            flush(&mut word, &mut sep, &mut spaced, &mut capital_h, &mut out);
            if c.is_whitespace() {
                spaced = true;
            } else if sep.len() < 8 {
                // a long run of punctuation is no date's separator; its start is kept
                // read as drawn: a quote or a modifier letter drawn as an apostrophe
                // (`since ʼ27`), the fraction and division slashes (`certified 03⁄27`)
                sep.push(match c {
                    '\u{2018}' | '\u{2019}' | '`' => '\'',
                    c if crate::text::drawn_as_apostrophe(c) => '\'',
                    '\u{2044}' | '\u{2215}' => '/',
                    c => c,
                });
            } else {
                sep.push(',');
            }
        }
    }
    flush(&mut word, &mut sep, &mut spaced, &mut capital_h, &mut out);
    out
}

/// The earliest calendar day of a date read in a statement: year, month, day.
type Day = (i32, u8, u8);

/// `w`, two digits, as the end year of a period from `start` ("2025-27"): the year of
/// those last two digits later in `start`'s century.
fn short_end(start: i32, w: &str) -> Option<i32> {
    let yy: i32 = w.parse().ok().filter(|_| w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()))?;
    Some(start - start.rem_euclid(100) + yy).filter(|&y| y > start)
}

/// `w` as a year of four digits from 1900 to 2099.
fn year4(w: &str) -> Option<i32> {
    crate::text::is_year(w).then(|| w.parse().ok()).flatten()
}

/// `w` as a year of two (`27` of "Q3'27": 2027; from `69`, as POSIX `strptime` reads
/// `%y`, the 1900s: `'99` is 1999) or four digits.
fn year2or4(w: &str) -> Option<i32> {
    match w.len() {
        2 if digits(w) => w.parse::<i32>().ok().map(|y| if y >= 69 { 1900 + y } else { 2000 + y }),
        _ => year4(w),
    }
}

/// The month a word names (`march`, `mar`, `sept`), 1 to 12.
fn month_of(w: &str) -> Option<u8> {
    const FIRST: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if !crate::text::MONTHS.contains(&w) {
        return None;
    }
    let m = FIRST.iter().position(|f| w.starts_with(f))?;
    u8::try_from(m + 1).ok()
}

/// `w` as a day of a month, 1 to 31 ("15", "15th").
fn day_of(w: &str) -> Option<u8> {
    let w = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(w);
    (w.len() <= 2 && digits(w)).then(|| w.parse::<u8>().ok()).flatten().filter(|d| (1..=31).contains(d))
}

/// A quarter (`q3`, `3q`: 3) or a half (`h2`, `2h`: 2) at the start of `w`, as its first
/// month, its length in months and the rest of the word ("q327" is month 7, 3 months
/// and "27").
fn period_of(w: &str) -> Option<(u8, u8, &str)> {
    let b = w.as_bytes();
    let (kind, n) = match (b.first()?, b.get(1)?) {
        (&k @ (b'q' | b'h'), n) if n.is_ascii_digit() => (k, *n),
        // "1h30" is a time: a half leading with its number takes a year of four digits
        (n, b'h') if n.is_ascii_digit() && !matches!(w.len(), 3 | 4) => (b'h', *n),
        (n, b'q') if n.is_ascii_digit() => (b'q', *n),
        _ => return None,
    };
    let n = n - b'0';
    let (month, months) = match kind {
        b'q' if (1..=4).contains(&n) => ((n - 1) * 3 + 1, 3),
        b'h' if (1..=2).contains(&n) => ((n - 1) * 6 + 1, 6),
        _ => return None,
    };
    Some((month, months, w.get(2..)?))
}

/// A date read in a statement: its earliest day, the first day after the latest it may
/// name (its `start` again when it names a day, which counts as gone by from its first
/// moment), and how many words it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dated {
    start: Day,
    end: Day,
    used: usize,
}

impl Dated {
    /// A period of `months` months from the first of `month` ("Q3 2027": 3 from July).
    fn months(year: i32, month: u8, months: u8, used: usize) -> Dated {
        let past = i32::from(month) - 1 + i32::from(months);
        let end = (year + past.div_euclid(12), u8::try_from(past.rem_euclid(12) + 1).unwrap_or(1), 1);
        Dated { start: (year, month, 1), end, used }
    }

    /// One day.
    fn day(day: Day, used: usize) -> Dated {
        Dated { start: day, end: day, used }
    }
}

/// A month and year in figures (`03/2027`, `3.2027`) or a day, month and year
/// (`15/03/2027`, `03/15/2027`, `15-03-2027`) at word `i`: figures of one or two digits,
/// then a year of four, each after the same `/`, `-` or `.`. A day and month that may be
/// read either way are read both ways, from the earlier reading to the later.
fn figures(t: &DateWords, i: usize) -> Option<Dated> {
    let w = |k: usize| t.word(k);
    let n = |k: usize| (w(k).len() <= 2 && digits(w(k))).then(|| w(k).parse::<u8>().ok()).flatten();
    let s = t.sep(i + 1);
    if !matches!(s, "/" | "-" | ".") {
        return None;
    }
    let first = n(i)?;
    if let Some(y) = year4(w(i + 1)).filter(|_| (1..=12).contains(&first)) {
        return Some(Dated::months(y, first, 1, 2));
    }
    // "certified 03/27": a month and a year of two digits each after a slash, after a word
    // of time or a past check or release (the claims read it as a date after one of those:
    // it must not pass there and go unread here); "24/7", "1/2", "50/50" are none
    let before = i.checked_sub(1).filter(|_| t.joined(i)).map(w);
    let lead = before
        .is_some_and(|b| YEAR_LEAD.contains(&b) || DATED_EVENTS.contains(&b) || matches!(b, "founded" | "established"));
    // after a verb that may count, which the claims read no date after ("passed 12/30
    // checks", "tested 10/12 configurations": a share there), a date only as a year is
    // followed; after a check the claims read one after, any word ("certified 03/27 audit")
    let counts = before.is_some_and(|b| !YEAR_LEAD.contains(&b) && !crate::claims::extract::DONE.contains(&b));
    let followed = i + 2 >= t.len() || t.opens(i + 2) || YEAR_TAIL.contains(&w(i + 2));
    let short = s == "/" && w(i).len() == 2 && w(i + 1).len() == 2 && t.sep(i + 2) != "/" && (!counts || followed);
    if let Some(y) = year2or4(w(i + 1)).filter(|_| short && lead && digits(w(i + 1)) && (1..=12).contains(&first)) {
        return Some(Dated::months(y, first, 1, 2));
    }
    let second = n(i + 1).filter(|_| t.sep(i + 2) == s)?;
    let y = year4(w(i + 2))?;
    let day = |m: u8, d: u8| ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d));
    let mut readings = [day(second, first), day(first, second)].into_iter().flatten();
    let a = readings.next()?;
    let b = readings.next().unwrap_or(a);
    Some(Dated { start: a.min(b), end: a.max(b), used: 3 })
}

/// The date that starts at word `i`: a quarter or half with its year (`Q3 2027`,
/// `Q3'27`, `3Q27`, `H2 2027`, `2027Q3`), a fiscal year (`FY27`, `FY 2027`: from 1
/// January of the year before, the earliest any fiscal year of that name starts, to the
/// end of the year after, the latest it ends), a month with its year (`March 2027`, `15
/// March 2027`, `March 15, 2027`, `Mar '27`), a year with its month in figures
/// (`2027-03`, `2027-03-15`), a month and year in figures (`03/2027`, `3.2027`) or a day,
/// month and year (`15/03/2027`, `03/15/2027`: either order, from the earlier reading to
/// the later), or a year alone (or starting a period, `2026-2027`; of two digits after an
/// apostrophe, `'27`) after a word of time, a past check or release (`certified 2027`)
/// or opening a clause, and before the clause's end or a word that may follow a date
/// (`since 2027`, `(2027)`, `in 2027 by EY`).
fn date_at(t: &DateWords, i: usize) -> Option<Dated> {
    let w = |k: usize| t.word(k);
    let sep = |k: usize| t.sep(k);
    let joined = |k: usize| t.joined(k);
    // a year of two digits only after an apostrophe ("Q3 '27"), of four after a space,
    // a dash or a slash ("Q3 2027", "Q3-2027"); None when word `k` is no such year
    let year_after = |k: usize| {
        if sep(k).ends_with('\'') {
            year2or4(w(k))
        } else if joined(k) {
            year4(w(k))
        } else {
            None
        }
    };
    let word = w(i);
    if let Some((month, months, rest)) = period_of(word) {
        return match rest {
            "" => year_after(i + 1).map(|y| Dated::months(y, month, months, 2)),
            _ => year2or4(rest).map(|y| Dated::months(y, month, months, 1)),
        };
    }
    if let Some(rest) = word.strip_prefix("fy") {
        let (y, used) = match rest {
            "" => (year_after(i + 1).or_else(|| joined(i + 1).then(|| year2or4(w(i + 1))).flatten())?, 2),
            _ => (year2or4(rest)?, 1),
        };
        return Some(Dated::months(y - 1, 1, 36, used));
    }
    // a calendar year, "CY2027" ("CY 2027" is a year after a word of time)
    if let Some(rest) = word.strip_prefix("cy").filter(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
        return year2or4(rest).map(|y| Dated::months(y, 1, 12, 1));
    }
    // "spring 2027": from the earliest start of that season in either hemisphere (a
    // southern summer and a northern winter start in the December before) to the latest end
    let season = match word {
        "spring" | "autumn" | "fall" => Some((0, 3)),
        "summer" | "winter" => Some((-1, 12)),
        _ => None,
    };
    if let Some((back, month)) = season {
        return year_after(i + 1).map(|y| Dated::months(y + back, month, 9, 2));
    }
    // "third quarter 2027", "3rd quarter of 2027", "second half 2027"
    let nth = match word {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        _ => None,
    };
    if let Some(n) = nth {
        let (month, months) = match w(i + 1) {
            "quarter" if n <= 4 => ((n - 1) * 3 + 1, 3),
            "half" if n <= 2 => ((n - 1) * 6 + 1, 6),
            _ => return None,
        };
        let of = usize::from(w(i + 2) == "of" && joined(i + 2));
        return year_after(i + 2 + of).map(|y| Dated::months(y, month, months, 3 + of));
    }
    if let Some(m) = month_of(word) {
        // "15 March 2027"
        let before = i.checked_sub(1).filter(|_| t.joined(i)).and_then(|k| day_of(w(k)));
        if let Some(y) =
            year_after(i + 1).or_else(|| matches!(sep(i + 1), "," | ".").then(|| year4(w(i + 1))).flatten())
        {
            return Some(match before {
                Some(d) => Dated::day((y, m, d), 2),
                None => Dated::months(y, m, 1, 2),
            });
        }
        // "March 15, 2027"
        let day = day_of(w(i + 1)).filter(|_| joined(i + 1));
        let y = day.and_then(|_| matches!(sep(i + 2), "" | ",").then(|| year4(w(i + 2))).flatten());
        return day.zip(y).map(|(d, y)| Dated::day((y, m, d), 3));
    }
    if let Some(d) = figures(t, i) {
        return Some(d);
    }
    // "2027Q3", "2027H2"
    if let Some((y, (m, months, _))) =
        word.get(..4).and_then(year4).zip(word.get(4..).and_then(period_of).filter(|(_, _, rest)| rest.is_empty()))
    {
        return Some(Dated::months(y, m, months, 1));
    }
    // a year of two digits after an apostrophe, where a year of four would be read: "since '27"
    let short = (word.len() == 2 && sep(i).ends_with('\'')).then(|| year2or4(word)).flatten();
    let (y, used) = match year4(word).or(short) {
        Some(y) => (y, 1),
        None => spelled_year(t, i)?,
    };
    // "2027-03", "2027/03/15"
    let month = (matches!(sep(i + 1), "-" | "/") && w(i + 1).len() == 2)
        .then(|| w(i + 1).parse::<u8>().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m));
    // "2027 Q3", "2027-H2"
    let period = period_of(w(i + 1)).filter(|(_, _, rest)| rest.is_empty() && joined(i + 1) && used == 1);
    if let Some((m, months, _)) = period {
        return Some(Dated::months(y, m, months, 2));
    }
    if let Some(m) = month.filter(|_| used == 1 && short.is_none()) {
        let day = (sep(i + 2) == sep(i + 1) && w(i + 2).len() == 2).then(|| day_of(w(i + 2))).flatten();
        return Some(match day {
            Some(d) => Dated::day((y, m, d), 3),
            None => Dated::months(y, m, 1, 2),
        });
    }
    let opens = t.opens(i) || i == 0;
    // a period of years is a date wherever it stands ("valid 2024-2027")
    let period = matches!(sep(i + 1), "-" | "/") && (year4(w(i + 1)).or_else(|| short_end(y, w(i + 1))).is_some());
    // a year listed after another date: "since 2024 and 2027", "(2024 & 2027)"
    let listed = i.checked_sub(2).is_some_and(|k| matches!(w(k + 1), "and" | "or" | "then" | "nor") && is_date(w(k)))
        || sep(i).contains('&') && i.checked_sub(1).is_some_and(|k| is_date(w(k)));
    let lead = opens
        || period
        || listed
        || i.checked_sub(1).is_some_and(|k| YEAR_LEAD.contains(&w(k)) || DATED_EVENTS.contains(&w(k)) || w(k) == "ga");
    let next = i + used;
    let tail = (next >= t.len() || t.opens(next) || matches!(t.sep(next), "-" | "/")) || YEAR_TAIL.contains(&w(next));
    (lead && tail).then_some(Dated::months(y, 1, 12, used))
}

/// A number word from one to ninety: `seven`, `twelve`, `thirty`.
fn number_word(w: &str) -> Option<i32> {
    crate::text::number_word(w).filter(|n| *n > 0).map(i32::from)
}

/// A year written in words at word `i`, and how many words it takes: "twenty twenty-seven",
/// "twenty oh nine", "nineteen ninety", "two thousand (and) twenty-seven": a year
/// the digit reader cannot read must not pass where `2027` fails.
fn spelled_year(t: &DateWords, i: usize) -> Option<(i32, usize)> {
    let w = |k: usize| t.word(k);
    // a number of two words at most: "twenty seven", "twelve"
    let two = |k: usize| {
        let a = number_word(w(k))?;
        let b = (a >= 20 && a % 10 == 0).then(|| number_word(w(k + 1)).filter(|b| *b < 10)).flatten();
        Some(b.map_or((a, 1), |b| (a + b, 2)))
    };
    match w(i) {
        "twenty" | "nineteen" => {
            let century = if w(i) == "twenty" { 2000 } else { 1900 };
            if w(i + 1) == "oh" {
                return number_word(w(i + 2)).filter(|n| *n < 10).map(|n| (century + n, 3));
            }
            two(i + 1).filter(|(n, _)| *n >= 10).map(|(n, used)| (century + n, used + 1))
        }
        "two" if w(i + 1) == "thousand" => {
            let k = if w(i + 2) == "and" { i + 3 } else { i + 2 };
            Some(two(k).map_or((2000, 2), |(n, used)| (2000 + n, k - i + used)))
        }
        _ => None,
    }
}

/// Whether the date at word `i` is a recurring check's next round, not the statement's
/// ("next audit scheduled for Q3 2027", "annual review due in March 2027",
/// "recertification due in 2027", "renewal by the end of 2026"): a word of
/// [`RECURRING`] before a check, or a renewal, in its clause before the date, with no
/// word of a check done between them ("annual audit completed in 2027" is the
/// statement's) and no condition or time word before it ("after the annual audit due in
/// 2027", "with the next audit in 2027").
fn recurring_schedule(t: &DateWords, i: usize) -> bool {
    // a clause of 32 words at most, so that a long run of dates costs one pass
    let floor = i.saturating_sub(32);
    let start = (floor..=i).rev().find(|&k| t.opens(k)).unwrap_or(floor);
    let clause: Vec<&str> = (start..i).map(|k| t.word(k)).collect();
    let renewal = |w: &str| matches!(w, "renewal" | "recertification" | "reaudit" | "reassessment");
    let check = (0..clause.len()).find(|&k| {
        let w = clause.get(k).copied().unwrap_or_default();
        renewal(w) || RECURRING.contains(&w) && clause.get(k + 1).is_some_and(|n| CHECKS.contains(n))
    });
    let Some(k) = check else { return false };
    let leads = |w: &&str| {
        CONDITIONS.contains(w) || INTO_TIME.contains(w) || UNTIL_RELEASE.contains(w) || matches!(*w, "once" | "upon")
    };
    let done = |w: &&str| DATED_EVENTS.contains(w) && *w != "since" || is_achieved(w);
    !clause.get(..k).unwrap_or_default().iter().any(leads) && !clause.get(k..).unwrap_or_default().iter().any(done)
}

/// The first moment of `day` where the bundle was generated: a date is read in the
/// offset `generated_at` was written in. A day past its month's end is its month's start.
fn earliest(day: Day, generated: time::OffsetDateTime) -> Option<time::OffsetDateTime> {
    let (y, m, d) = day;
    let month = time::Month::try_from(m).ok()?;
    let date =
        time::Date::from_calendar_date(y, month, d).or_else(|_| time::Date::from_calendar_date(y, month, 1)).ok()?;
    Some(time::PrimitiveDateTime::new(date, time::Time::MIDNIGHT).assume_offset(generated.offset()))
}

/// Whether the two words before a date (`before` the nearer) say how long a thing done
/// holds: `valid` or `validity`, not negated (`certificate valid 2024-2027`; not `not
/// valid`, `never valid`). Read by [`date_after`] and, after a colon, by [`dated_alone`].
fn says_validity(before: &str, two_before: &str) -> bool {
    matches!(before, "valid" | "validity") && !matches!(two_before, "not" | "no" | "never" | "nor")
}

/// The first date in `text` whose earliest moment is after `generated` (the bundle's
/// `generated_at`), as written: a statement dated after the bundle was made is a plan,
/// however its verbs read ("certified in Q3 2027"). A period counts from its start
/// when written as one ("valid 2024-2027"). A recurring check's next date does not
/// count (see [`recurring_schedule`]). `normalized` as for [`date_words`].
pub fn date_after(normalized: &str, generated: time::OffsetDateTime) -> Option<String> {
    let t = date_words(normalized);
    let mut i = 0;
    while i < t.len() {
        let Some(Dated { start, used, .. }) = date_at(&t, i) else {
            i += 1;
            continue;
        };
        let mut next = i + used;
        let mut shown_end = i + used;
        // a period written as one, "2024-2027", "Q3 2025-Q1 2027", counts from its end as
        // well ("Enterprise ready Q3 2025-Q1 2027" is not ready all of it yet), unless
        // `valid` says the period is how long a thing done holds ("certificate valid
        // 2024-2027"); "2024 to 2027" is two dates ("moved from 2024 to 2027")
        let mut after = earliest(start, generated).is_some_and(|e| e > generated);
        if next < t.len() && matches!(t.sep(next), "-" | "/") {
            let short = || short_end(start.0, t.word(next)).filter(|_| used == 1);
            let end = date_at(&t, next)
                .map(|d| (d.used, d.start))
                .or_else(|| year4(t.word(next)).or_else(short).map(|y| (1, (y, 1, 1))));
            let two_before = if i > 1 { t.word(i - 2) } else { "" };
            let validity = i > 0 && says_validity(t.word(i - 1), two_before);
            if let Some((end_used, end_start)) = end {
                if !after && !validity && earliest(end_start, generated).is_some_and(|e| e > generated) {
                    after = true;
                    shown_end = next + end_used;
                }
                next += end_used;
            }
        }
        if after && !recurring_schedule(&t, i) {
            let shown: Vec<&str> = (i..shown_end).map(|k| t.word(k)).collect();
            return Some(shown.join(" "));
        }
        i = next;
    }
    None
}

/// Whether `segment` (lower case, normalised) is one date with its year, words of `lead`
/// allowed before it (`in` for a date alone), whose whole period is over by `generated`: "(2024)", "(March 2024)",
/// "(Q2 2025)" in a bundle generated 2025-08-10 date a fact; "(2025)" and "(August
/// 2025)" are not over then, and a date alone that is not over is a plan.
fn date_gone_by(segment: &str, generated: time::OffsetDateTime, lead: &[&str]) -> bool {
    let t = date_words(segment);
    let start = (0..t.len()).find(|&k| !lead.contains(&t.word(k))).unwrap_or(t.len());
    date_at(&t, start)
        .filter(|d| start + d.used == t.len())
        .and_then(|d| earliest(d.end, generated))
        .is_some_and(|end| end <= generated)
}

/// `text` without what it strikes through, or None when it strikes nothing: a Markdown
/// strikethrough (`~~yes~~`, `~~Enterprise ready~~`) and the characters a combining
/// overlay strikes (`Y̶e̶s̶` with U+0336, U+0334 to U+0338). A page shows them crossed out,
/// withdrawn: `Enterprise ready: ~~yes~~` is a question left without an answer, and it
/// proved the requirement. A correction keeps what it corrects to (`~~beta~~ GA`).
fn struck_out(text: &str) -> Option<String> {
    let overlay = |c: char| matches!(c, '\u{0334}'..='\u{0338}');
    if !text.contains("~~") && !text.chars().any(overlay) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(open) = rest.find("~~") {
        let after = rest.get(open + 2..).unwrap_or_default();
        match after.find("~~") {
            Some(close) if close > 0 => {
                out.push_str(rest.get(..open).unwrap_or_default());
                rest = after.get(close + 2..).unwrap_or_default();
                changed = true;
            }
            _ => break,
        }
    }
    out.push_str(rest);
    if out.chars().any(overlay) {
        let mut kept = String::with_capacity(out.len());
        let mut chars = out.chars().peekable();
        while let Some(c) = chars.next() {
            if overlay(c) {
                changed = true;
            } else if !chars.peek().is_some_and(|&n| overlay(n)) {
                kept.push(c);
            }
        }
        out = kept;
    }
    changed.then_some(out)
}

/// Why `text` states nothing that proves its requirement, or None for a statement.
/// `generated`: the bundle's `generated_at`, against which a date in the text is read
/// (see [`date_after`]); None when it is missing or unreadable, and no date is read
/// then (the schema fails such a bundle).
pub fn gap(text: &str, generated: Option<time::OffsetDateTime>) -> Option<Gap> {
    // what is struck through is withdrawn: the statement is what is left of it
    if let Some(shown) = struck_out(text) {
        return gap(&shown, generated);
    }
    if is_placeholder(text) {
        return Some(Gap::Placeholder);
    }
    let n = crate::audit::normalize::normalize(text);
    // small capitals are beyond ASCII: lower-cased ASCII text is read as it is, not
    // rebuilt a character at a time (a tenth of the reader's time on a 3 MB statement)
    let lower = n.text().to_lowercase();
    let lower: String = if lower.is_ascii() { lower } else { lower.chars().map(small_capital).collect() };
    if has_redaction_marker(&lower) {
        return Some(Gap::Redacted);
    }
    if unfilled(&lower) {
        return Some(Gap::Placeholder);
    }
    if unticked(&lower) {
        return Some(Gap::Denial);
    }
    let segs = segments(&lower);
    let head = lower.trim_start();
    if head.starts_with("n/a") || head.starts_with("n.a.") {
        return Some(Gap::Deferral);
    }
    // Each segment's words are read once: as the segment, then as the one before the next.
    let cleaned: Vec<Cow<str>> = segs.iter().map(|(_, s)| clean(s)).collect();
    let mut before: Vec<&str> = Vec::new();
    for (k, (&(opener, seg), text)) in segs.iter().zip(&cleaned).enumerate() {
        let ws = words(text);
        // each word's lists, looked up once for the readers below
        let class: Vec<Class> = ws.iter().map(|w| Class::of(w)).collect();
        // the words run together, compared only with whole segments of the short lists
        // below: a segment of more letters than the longest of them is none of them, and
        // is not copied into one string (a statement of 3 MB was, each time it was read)
        let letters: usize = ws.iter().map(|w| w.len()).sum();
        let compact: String = if letters <= LONGEST_WHOLE { ws.concat() } else { String::new() };
        if REDACTIONS.contains(&compact.as_str()) {
            return Some(Gap::Redacted);
        }
        if ANSWERS.contains(&compact.as_str()) || denies(&ws, &class) {
            return Some(Gap::Denial);
        }
        if DEFER_SEGMENTS.contains(&compact.as_str()) {
            return Some(Gap::Deferral);
        }
        // "none" or "x" after a colon often answers a question of harm ("Data loss: none"),
        // not after a check ("Audit: none")
        if matches!(compact.as_str(), "none" | "nil" | "null") && before.last().is_some_and(|l| CHECKS.contains(l)) {
            return Some(Gap::Denial);
        }
        if is_placeholder(seg) && !matches!(compact.as_str(), "none" | "nil" | "null" | "x" | "xx") {
            return Some(Gap::Placeholder);
        }
        if k == 0 {
            let first = ws.first().copied().unwrap_or_default();
            let last = ws.last().copied().unwrap_or_default();
            let led_by = |p: &[&str]| ws.len() >= p.len() && ws.iter().zip(p).all(|(w, p)| w == p);
            if DEFER_LEADING.contains(&first)
                || DEFER_TRAILING.contains(&last)
                || DEFER_PHRASES.iter().any(|p| led_by(p))
            {
                return Some(Gap::Deferral);
            }
        }
        // the versions named, said to be out in the next segment: "in v2 and v3 (both released)"
        let out = || {
            segs.get(k + 1).zip(cleaned.get(k + 1)).is_some_and(|((_, s), text)| {
                let ws = words(text);
                only_released(&ws) || generated.is_some_and(|g| released_on(s, &ws, g))
            })
        };
        // a segment that is only a release puts at it the state it introduces or closes:
        // "At GA, enterprise ready", "Enterprise ready (at GA)"; not "at launch, 40 banks
        // onboarded" nor "SOC 2 certified (at launch)"
        let states = |s: &[&str]| s.iter().any(|w| is_achieved(w));
        let at_release = only_at_a_release(&ws)
            && (cleaned.get(k + 1).is_some_and(|text| states(&words(text)))
                || k + 1 == segs.len() && states(&before) && !before.last().is_some_and(|l| SHIPPED_IN.contains(l)));
        if at_release
            || hedges(&ws, &class)
            || in_a_version(seg, &ws) && !out()
            || dated_alone(seg, &ws, opener, &before, generated)
        {
            return Some(Gap::Hedge);
        }
        before = ws;
    }
    // the words are not needed by the date reader, which reads its own
    drop(before);
    if generated.is_some_and(|g| date_after(n.text(), g).is_some()) {
        return Some(Gap::Later);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader with no clock: the rules that read no date.
    fn gap(t: &str) -> Option<Gap> {
        super::gap(t, None)
    }

    /// A segment of more letters than [`LONGEST_WHOLE`] is not run together: no word
    /// of those lists may be empty (an empty one would match that), and the longest of
    /// each is still read ("Available upon request", "Confidential").
    #[test]
    fn whole_segments_are_read_up_to_the_longest_listed() {
        assert!(ANSWERS.iter().chain(DEFER_SEGMENTS).chain(REDACTIONS).all(|w| !w.is_empty()));
        assert_eq!(
            LONGEST_WHOLE,
            ANSWERS.iter().chain(DEFER_SEGMENTS).chain(REDACTIONS).map(|w| w.len()).max().unwrap_or(0)
        );
        assert_eq!(gap("Available upon request"), Some(Gap::Deferral));
        assert_eq!(gap("Confidential"), Some(Gap::Redacted));
        assert_eq!(gap(&format!("Enterprise ready {}", "1 ".repeat(1000))), None);
    }

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

    /// Attacker pass 8, case6: hedges in words the lists did not read proved
    /// `marketplace.enterprise-ready` under `--strict`: a plan on a date, a stage before
    /// release, a qualifier of degree or likelihood, a review still to come, a goal.
    #[test]
    fn hedges_in_other_words_prove_nothing() {
        for t in [
            "Enterprise readiness planned for Q3",
            "Enterprise readiness scheduled for Q3 2026",
            "Enterprise ready, scheduled for the next release",
            "Enterprise readiness slated for FY27",
            "Enterprise readiness planned for later this year",
            "Enterprise ready: certification expected by the end of H2",
            "Enterprise readiness due in Q3'26",
            "Enterprise ready (beta)",
            "Enterprise ready (\u{3b2})",
            "Enterprise ready (\u{391}/\u{392})",
            "Enterprise ready (pilot)",
            "Enterprise ready (proof of concept)",
            "Enterprise ready (in beta)",
            "Enterprise ready (pilot phase)",
            "Enterprise ready (early access)",
            "Enterprise ready, still in beta",
            "Enterprise ready; currently a prototype",
            "Almost enterprise ready",
            "Partially enterprise ready",
            "Probably enterprise ready",
            "Nearly ready for enterprise use",
            "Most likely enterprise ready",
            "Semi-ready for enterprise use",
            "Enterprise ready once audited",
            "Enterprise ready once the audit is complete",
            "Enterprise ready once certified",
            "Enterprise ready in the next release",
            "Enterprise ready with a future version",
            "Enterprise ready from the next update",
            "Enterprise ready - coming Q3",
            "Enterprise ready, coming in the next release",
            "Enterprise readiness coming in spring",
            "Aiming for enterprise readiness",
            "Working towards enterprise readiness",
            "On the path to enterprise readiness",
        ] {
            assert_eq!(gap(t), Some(Gap::Hedge), "{t}");
        }
    }

    /// Honest statements that use the new hedges' words otherwise stay statements: a
    /// stage that is over, a plan that was met, words of schedule before no time, a
    /// preposition before a release that speaks of something else, a qualifier of a
    /// figure or of a share.
    #[test]
    fn new_hedge_words_in_statements() {
        for t in [
            "Released in beta in 2024, generally available since 2025",
            "Enterprise ready after a successful pilot with 3 banks",
            "Enterprise ready; the beta ended in 2024",
            "Enterprise ready (generally available)",
            "Enterprise ready, delivered as planned in Q3",
            "Enterprise ready in Q3 2025, as scheduled",
            "Enterprise ready; backups scheduled for every night",
            "Enterprise ready; all traffic coming from 40 regions",
            "Enterprise ready, due to 4.2x faster convergence",
            "Enterprise ready; the next release adds SSO",
            "Enterprise ready for the coming year's workloads",
            "Proven at nearly 1 million records",
            "Enterprise ready; mostly cost savings from spot instances",
            "Aims for 96% fidelity and reached 96.2%",
            "Enterprise ready since the previous release",
            "Enterprise ready; audited once a year since 2023",
            "Trial 1: 96% fidelity; trial 2: 97% fidelity; quality maintained",
            "Enterprise ready; SOC 2 certified, next audit scheduled for Q3",
            "Enterprise ready; annual review due in March",
            "Enterprise ready since 2024; recertification due in 2026",
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

    /// Hedges and answers the reader passed over (attacker pass 10): a stage named with
    /// its kind or version, or as several stages; a time to come in the plural; a
    /// segment that is only a degree or work under way; an answer after `=`, `|`, an
    /// arrow, a spaced `--` or `/`; `not` as all of an answer.
    #[test]
    fn stages_answers_and_degrees_in_other_forms() {
        for t in [
            "Enterprise ready (public beta)",
            "Enterprise ready (closed beta)",
            "Enterprise ready (private preview)",
            "Enterprise ready (v0.9 beta)",
            "Enterprise ready (beta v2)",
            "Enterprise ready (beta testing)",
            "Enterprise ready (beta-testing)",
            "Enterprise ready (alpha/beta)",
            "Enterprise ready (release candidate)",
            "Enterprise ready (RC1)",
            "Enterprise ready (pre-release)",
            "Enterprise ready (pre-GA)",
            "Enterprise ready in future releases",
            "Enterprise ready in upcoming versions",
            "Enterprise ready (almost)",
            "Enterprise ready: mostly",
            "Enterprise ready (kind of)",
            "Enterprise ready (in part)",
            "Enterprise ready (in theory)",
            "Enterprise ready (under development)",
            "Enterprise ready (being tested)",
            "Enterprise ready (ongoing)",
        ] {
            assert_eq!(gap(t), Some(Gap::Hedge), "{t}");
        }
        for t in [
            "Enterprise ready = false",
            "Enterprise ready=no",
            "Enterprise ready | no",
            "Enterprise ready -> no",
            "Enterprise ready => no",
            "Enterprise ready \u{2192} no",
            "Enterprise ready \u{21d2} no",
            "Enterprise ready -- no",
            "Enterprise ready / no",
            "Enterprise ready (not)",
            "Enterprise ready. Not.",
            "Enterprise ready - not really",
            "Enterprise ready (not quite)",
        ] {
            assert_eq!(gap(t), Some(Gap::Denial), "{t}");
        }
        for t in [
            "Enterprise ready; compatible with future versions of Spark",
            "Enterprise ready, SSO = enabled, RBAC = enabled",
            "Enterprise ready | SOC 2 | ISO 27001",
            "Enterprise ready -> deployed in production at 40 banks",
            "Enterprise ready; open beta closed in 2024",
            "Enterprise ready (GA since v2.0)",
            "Enterprise ready (v2.1)",
            "Enterprise ready; testing complete",
            "Enterprise ready; ongoing monitoring in place",
            "Enterprise ready; mostly deployed on Azure",
            "Enterprise ready; well-known--and audited",
            "Enterprise ready and/or certified",
            "Pilot 2: 96% fidelity; quality maintained",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }

    /// Templates never filled in, questions left unanswered and unticked boxes (attacker
    /// pass 10) prove nothing; a ticked box, a link in brackets and prose in brackets do.
    #[test]
    fn unfilled_templates_and_unticked_boxes_prove_nothing() {
        for t in [
            "{{enterprise_ready}}",
            "{{ enterprise_ready }}",
            "${ENTERPRISE_READY}",
            "%ENTERPRISE_READY%",
            "Enterprise ready: {status}",
            "Enterprise ready: {{status}}",
            "<enterprise_ready>",
            "Enterprise ready: <status>",
            "<insert statement>",
            "[insert statement here]",
            "INSERT_STATEMENT_HERE",
            "Your text here",
            "changeme",
            "CHANGE ME",
            "Enterprise ready:",
            "Enterprise ready: ???",
            "Enterprise ready: ___",
            "Enterprise ready: -",
            "Enterprise ready = ?",
            "Enterprise ready?",
            "Enterprise ready (?)",
        ] {
            assert_eq!(gap(t), Some(Gap::Placeholder), "{t}");
        }
        for t in [
            "[ ] Enterprise ready",
            "Enterprise ready: [ ]",
            "\u{2610} Enterprise ready",
            "Enterprise ready: \u{25a1}",
            "Enterprise ready: \u{2717}",
            "Enterprise ready \u{274c}",
        ] {
            assert_eq!(gap(t), Some(Gap::Denial), "{t}");
        }
        for t in [
            "[x] Enterprise ready",
            "\u{2713} Enterprise ready",
            "Enterprise ready: \u{2714}",
            "Enterprise ready :)",
            "Latency a < b > c in production",
            "Ready for enterprise <on-prem and cloud>",
            "Enterprise ready, see <https://example.com/audit>",
            "Cut 50%, with 96%fidelity and 30% fewer nodes",
            "Your data stays in your VPC; enterprise ready",
            "Insert throughput proven at scale",
            "Enterprise ready; data loss: none",
            "Enterprise ready; ratio 1:1",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }

    /// A review still to come after `upon` or `subject to`; a target on a date; an
    /// estimate or a hope at a segment's edge (attacker pass 10).
    #[test]
    fn conditions_targets_and_estimates_hedge() {
        for t in [
            "Enterprise ready upon certification",
            "Enterprise ready, subject to audit",
            "Enterprise ready - target Q3",
            "Enterprise ready, targeting Q3",
            "Enterprise ready ETA Q3",
            "Enterprise ready (estimated)",
            "Estimated 40% cost reduction",
            "Enterprise ready (forecast)",
            "Hopefully enterprise ready",
            "Enterprise ready-ish",
            "Enterprise ready(ish)",
            "Enterprise readyish",
            "Pseudo-enterprise-ready",
            "Near-enterprise-ready",
            "Kinda enterprise ready",
            "Enterprise ready (self-reported)",
            "Enterprise ready (in the lab)",
            "Enterprise ready (test environment only)",
            "Enterprise ready, not for production",
            "Enterprise ready (non-production)",
            "Enterprise ready (someday)",
            "Enterprise ready (est.)",
        ] {
            assert_eq!(gap(t), Some(Gap::Hedge), "{t}");
        }
        for t in [
            "Enterprise ready; SOC 2 certified when audited by KPMG in 2024 and since",
            "Enterprise ready; target column validated",
            "Enterprise ready; met the 2025 target",
            "Enterprise ready upon request of the bank, deployed in production",
            "Enterprise ready; cost lower than estimated",
            "Enterprise ready; near real-time replication proven",
            "Proven at near 1 million records",
            "Enterprise ready; lab results reproduced in production",
            "Enterprise ready (claimed and verified by KPMG)",
            "Enterprise ready for the next year of growth",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }

    /// A review negated, and `non-` before a word of achievement (attacker pass 10).
    #[test]
    fn reviews_negated_and_non_deny() {
        for t in [
            "Enterprise ready (not audited)",
            "Enterprise ready (never audited)",
            "Enterprise ready (unaudited)",
            "Enterprise ready, uncertified",
            "Enterprise ready (not approved)",
            "Non-enterprise-ready",
            "Non enterprise ready",
        ] {
            assert_eq!(gap(t), Some(Gap::Denial), "{t}");
        }
        for t in [
            "Enterprise ready; audited once a year since 2023",
            "Enterprise ready; customers may audit the log",
            "Enterprise ready; the log may be audited by customers",
            "Enterprise ready; non-stop operations proven",
            "Enterprise ready on non-PII data",
            "Enterprise ready; never failed an audit",
            "Enterprise ready; audited and approved by the bank",
            "Enterprise ready; whether or not audited by customers, certified",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }

    /// Small capitals read as the letters they display (attacker pass 10).
    #[test]
    fn small_capitals_are_read_as_letters() {
        assert_eq!(gap("Enterprise ready (\u{299}\u{1d07}\u{1d1b}\u{1d00})"), Some(Gap::Hedge));
        assert_eq!(gap("\u{274}\u{1d0f}\u{1d1b} \u{1d18}\u{280}\u{1d0f}\u{1d20}\u{1d07}\u{274}"), Some(Gap::Denial));
        assert_eq!(gap("Enterprise ready: \u{274}\u{1d0f}"), Some(Gap::Denial));
        assert_eq!(gap("\u{1d07}\u{274}\u{1d1b}\u{1d07}\u{280}\u{1d18}\u{280}\u{26a}\u{a731}\u{1d07} \u{280}\u{1d07}\u{1d00}\u{1d05}\u{28f}"), None);
    }

    /// Hedges that still proved `marketplace.enterprise-ready` on main (attacker pass 11):
    /// a version or a release to come, a check as a condition, a segment that is only a
    /// date, work under way written noun first, a goal stated at the end.
    #[test]
    fn versions_conditions_dates_work_and_goals_hedge() {
        for t in [
            "Enterprise ready in v2",
            "Enterprise ready in version 2.0",
            "Enterprise ready with v3",
            "Enterprise ready in the 2.0 release",
            "Enterprise ready, pre-v2",
            "Enterprise ready pre-GA",
            "Enterprise ready after GA",
            "Enterprise ready after GA in 2024",
            "Enterprise ready until GA",
            "Enterprise ready before GA",
            "Enterprise ready after general availability",
            "Enterprise ready for production after GA",
            "Enterprise ready; will be deployed after GA",
            "Enterprise ready; to be deployed after GA",
            "Enterprise ready, getting certified (2027)",
            "Enterprise ready (SOC 2: Q3 2027)",
            "Enterprise ready post-GA",
            "Enterprise ready by launch",
            "Enterprise ready prior to GA",
            "Enterprise ready after release",
            "Enterprise ready as soon as certified",
            "Enterprise ready, awaiting certification",
            "Enterprise ready awaiting audit in March",
            "Enterprise ready when the audit completes",
            "Enterprise ready when v2 ships",
            "Enterprise ready in v3 (v2 released)",
            "Enterprise ready in v3; v2 (released)",
            "Enterprise ready in v3 (to be released)",
            "Enterprise ready in v3 (released in 2027)",
            "Became enterprise ready in v2",
            "Enterprise ready when certified",
            "Enterprise ready when audited",
            "Enterprise ready whenever certified",
            "Enterprise ready if certified",
            "Enterprise ready if certified in 2024",
            "Enterprise ready, if approved",
            "Enterprise ready after the audit",
            "Enterprise ready (Q3)",
            "Enterprise ready (H2 2027)",
            "Enterprise ready (2027)",
            "Enterprise ready (2024)",
            "Enterprise ready (FY27)",
            "Enterprise ready (3Q27)",
            "Enterprise ready (March)",
            "Enterprise ready (by Q3)",
            "Enterprise ready (end of 2027)",
            "Enterprise ready (2027-03)",
            "Enterprise ready (Q3/Q4)",
            "Enterprise ready (Q3 target)",
            "Enterprise ready (Q3 ETA)",
            "Enterprise ready / Q3",
            "Enterprise ready (approx. Q3)",
            "Enterprise ready in an upcoming v2",
            "Enterprise ready upon v2",
            "Enterprise ready - 2027",
            "Enterprise ready \u{2013} Q3 2027",
            "Enterprise ready: Q3",
            "Enterprise ready for banks (Q3)",
            "Enterprise ready, to be deployed (Q3)",
            "Enterprise ready; target date: Q3",
            "Enterprise ready; next audit (Q3)",
            "Enterprise ready; audit: Q3",
            "Scale proven (2027)",
            "Quality maintained | H2",
            "Enterprise ready (audit ongoing)",
            "Enterprise ready (audit is ongoing)",
            "Enterprise ready (certification still ongoing)",
            "Enterprise ready (audit ongoing since May)",
            "Enterprise ready (ongoing audit)",
            "Performance improvement ongoing",
            "Enterprise readiness is the goal",
            "Enterprise readiness is our goal",
            "Enterprise readiness is the target",
            "Enterprise readiness remains our main objective",
            "Enterprise readiness is the goal we set",
            "Enterprise readiness is the goal to be met",
            "Our goal is enterprise readiness",
            "Enterprise ready (our goal)",
            "Readiness is our ambition",
        ] {
            assert_eq!(gap(t), Some(Gap::Hedge), "{t}");
        }
    }

    /// A check negated, as a noun (attacker pass 11): "no audit" says it was not checked;
    /// "no audit findings" negates the harm a check finds.
    #[test]
    fn negated_checks_deny() {
        for t in [
            "Enterprise ready (no audit)",
            "Enterprise ready (no certification)",
            "Enterprise ready without audit",
            "Enterprise ready without certification",
            "Enterprise ready (no third-party audit)",
            "Enterprise ready; no SOC 2 audit yet",
            "Enterprise ready, lacks certification",
            "Enterprise ready (no audit report)",
            "Enterprise ready (no audit results)",
            "Enterprise ready; no audit trail",
            "Enterprise ready (zero audits)",
            "Enterprise ready (audit: none)",
            "Enterprise ready (no audits to date)",
            "Enterprise ready w/o audit",
            "Enterprise ready, without certification",
            "Scale proven without independent audit",
        ] {
            assert_eq!(gap(t), Some(Gap::Denial), "{t}");
        }
    }

    /// True statements that the rules of attacker pass 11 must leave alone: a version that
    /// is out, a check or release that is over or dated, a condition on deployment, a date
    /// of an event or a standard, a recurring check under way, a negation of harm, a goal
    /// that was met.
    #[test]
    fn versions_dates_and_goals_in_statements() {
        for t in [
            "Enterprise ready since v2",
            "Enterprise ready as of v2.1",
            "Enterprise ready (v2.1)",
            "Enterprise ready (GA since v2.0)",
            "Enterprise ready in v2 and v3 (both released)",
            "Enterprise ready in v2 (GA since 2024)",
            "Enterprise ready; SSO added in v2",
            "Enterprise ready, proven in v2.1",
            "Enterprise ready; GA since 2024",
            "Enterprise ready after the SOC 2 audit in 2024",
            "Enterprise ready after the audit in 2024",
            "Enterprise ready; SOC 2 certified when audited by KPMG in 2024 and since",
            "Enterprise ready when deployed on-premises",
            "Enterprise ready; tested before release",
            "Enterprise ready; every change deployed only after review",
            "Enterprise ready; patches applied when approved",
            "Enterprise ready; bugs fixed after release",
            "Enterprise ready; at launch, 40 banks onboarded",
            "Enterprise ready; runs on v2 clusters",
            "Enterprise ready; auto-scaling works without manual approval",
            "Enterprise ready; upgraded from v1",
            "Enterprise ready; compatible with v1 clients",
            "Enterprise ready; deprecated API removed in v2",
            "Enterprise ready; zero audit findings",
            "Enterprise ready; data loss: none",
            "Enterprise ready; SOC 2 audit passed (March)",
            "Ready as soon as deployed; proven in production operations",
            "Enterprise ready after 2 audits",
            "Enterprise ready (certified Q3 2025)",
            "Enterprise ready; certified in Q3 2025",
            "Enterprise ready (since 2024)",
            "Enterprise ready in Q3 2025, as scheduled",
            "Enterprise ready; SOC 2 certified (2024)",
            "Enterprise ready; SOC 2 Type II (2024)",
            "Enterprise ready (ISO 27001:2022)",
            "Enterprise ready; ISO 27001 - 2022",
            "Enterprise ready, SOC 2 Type II, 2024",
            "Enterprise ready; released - March 2025",
            "Enterprise ready; last audit: March 2025",
            "Enterprise ready; latest report: March 2025",
            "Enterprise ready; report date: 2025",
            "Enterprise ready; audit ongoing annually",
            "Enterprise ready; monitoring ongoing",
            "Enterprise ready with ongoing security patches",
            "Enterprise ready; no audit findings",
            "Enterprise ready; no audit log gaps",
            "Enterprise ready; 0 failed tests",
            "Enterprise ready without downtime",
            "Enterprise ready; zero downtime is the goal we met",
            "Enterprise ready; the 2025 target was reached",
            "Enterprise ready; our goal of zero downtime was met",
            "Goal met: enterprise ready",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
    }

    fn at(t: &str) -> time::OffsetDateTime {
        crate::clock::parse_rfc3339(t).expect("test time")
    }

    /// The date of `text` after the fixtures' `generated_at`, 2025-08-10T12:00:00Z.
    fn after(text: &str) -> Option<String> {
        date_after(crate::audit::normalize::normalize(text).text(), at("2025-08-10T12:00:00Z"))
    }

    /// Attacker pass 11, the clock: a statement dated after the bundle was generated is
    /// a plan, whatever its verbs ("certified in Q3 2027" written as done).
    #[test]
    fn dates_after_generated_at_hedge() {
        for (t, date) in [
            ("Enterprise ready when certified in 2027", "2027"),
            ("Enterprise ready after the audit in 2027", "2027"),
            ("Enterprise ready since 2027", "2027"),
            ("Enterprise ready, certified in Q3 2027", "q3 2027"),
            ("Enterprise ready; SOC 2 audit completed in March 2027", "march 2027"),
            ("Enterprise ready (certified Q3'27)", "q3 27"),
            ("Enterprise ready (certified Q3 \u{2019}27)", "q3 27"),
            ("Enterprise ready, certified 3Q27", "3q27"),
            ("Enterprise ready, certified in H2 2027", "h2 2027"),
            ("Enterprise ready, certified 2H 2027", "2h 2027"),
            ("Enterprise ready, certified FY27", "fy27"),
            ("Enterprise ready, certified FY 2027", "fy 2027"),
            ("Enterprise ready, audited 2027-03", "2027 03"),
            ("Enterprise ready, audited 2027/03/15", "2027 03 15"),
            ("Enterprise ready, audited 15 March 2027", "march 2027"),
            ("Enterprise ready, audited March 15, 2027", "march 15 2027"),
            ("Enterprise ready, audited Mar '27", "mar 27"),
            ("Enterprise ready, audited Dec. 2025", "dec 2025"),
            ("Enterprise ready, audited March, 2027", "march 2027"),
            ("Enterprise ready, audited March 15th, 2027", "march 15th 2027"),
            ("Enterprise ready, certified in CY2027", "cy2027"),
            ("Enterprise ready since 2O27", "2027"),
            ("Enterprise ready, certified 2027 Q3", "2027 q3"),
            ("Enterprise ready since spring 2027", "spring 2027"),
            ("Enterprise ready since the third quarter of 2027", "third quarter of 2027"),
            ("Enterprise ready since 2nd half 2026", "2nd half 2026"),
            ("Enterprise ready since twenty twenty-seven", "twenty twenty seven"),
            ("Enterprise ready since two thousand and twenty-six", "two thousand and twenty six"),
            ("Enterprise ready (twenty thirty)", "twenty thirty"),
            ("Enterprise ready since 2O3O", "2030"),
            ("Enterprise ready (2027)", "2027"),
            ("Enterprise ready: 2027", "2027"),
            ("Enterprise ready by the end of 2027", "2027"),
            ("Enterprise ready, certified in 2027 by EY", "2027"),
            ("Enterprise ready, certified in December 2025", "december 2025"),
            ("Enterprise ready, certified 2026-2027", "2026"),
            // a period running past generated_at is not all over yet, unless `valid`
            ("Enterprise ready Q3 2025-Q1 2027", "q3 2025 q1 2027"),
            ("Enterprise ready 2025-2027", "2025 2027"),
            ("Enterprise ready; certified Q3 2025-Q1 2027", "q3 2025 q1 2027"),
            ("Enterprise ready, audited 2025/2026", "2025 2026"),
            ("Enterprise ready, not valid Q3 2025-Q1 2027", "q3 2025 q1 2027"),
            ("Enterprise ready 2025-27", "2025 27"),
            ("Enterprise readiness moved from 2024 to 2027", "2027"),
            ("Enterprise ready, certificate valid until 2027", "2027"),
            ("Enterprise ready, certificate valid: 2027", "2027"),
            ("Enterprise ready, not valid: Q3 2025-Q1 2027", "q3 2025 q1 2027"),
            // other digits, look-alike letters: read as what they show
            ("Enterprise ready in \u{ff12}\u{ff10}\u{ff12}\u{ff17}", "2027"),
            ("Enterprise ready in \u{662}\u{660}\u{662}\u{667}", "2027"),
            ("Enterprise ready in \u{968}\u{966}\u{968}\u{96d}", "2027"),
            ("Enterprise ready, certified in M\u{430}rch 2027", "march 2027"),
            ("Enterprise ready, certified in \u{41c}\u{430}r\u{441}h 2027", "march 2027"),
            ("Enterprise ready, certified in \u{1d0d}\u{1d00}\u{280}\u{1d04}\u{29c} 2027", "march 2027"),
            // a recurring check with a condition is still a condition
            ("Enterprise ready after the annual audit due in 2027", "2027"),
            ("Enterprise ready; next scheduled for 2027", "2027"),
            ("Enterprise ready; annual audit completed in 2027", "2027"),
            ("Enterprise ready; annual audit passed in 2027", "2027"),
            ("Enterprise ready with the next audit in 2027", "2027"),
        ] {
            assert_eq!(after(t).as_deref(), Some(date), "{t}");
            // (a date alone in brackets or as an answer hedges without the clock too)
            let g = super::gap(t, Some(at("2025-08-10T12:00:00Z")));
            assert!(matches!(g, Some(Gap::Later | Gap::Hedge)), "{t}: {g:?}");
        }
    }

    #[test]
    fn dates_at_or_before_generated_at_pass() {
        for t in [
            "Enterprise ready after the SOC 2 audit in 2024",
            "Enterprise ready, certified in Q3 2025",
            "Enterprise ready; GA since 2024",
            "Enterprise ready, certified in 2025",
            "Enterprise ready, certified FY26",
            "Enterprise ready; SOC 2 audited in August 2025",
            "Enterprise ready; audited 2025-08-10",
            "Enterprise ready, certificate valid 2024-2027",
            "Enterprise ready, certificate valid Q3 2025-Q1 2027",
            "SOC 2 certified, valid: Q3 2025-Q1 2027",
            "Enterprise ready (certificate valid: 2024-2027)",
            "Enterprise ready; validity: 2025-2027",
            "Enterprise ready, validity 2025-2027",
            "Enterprise ready, audited 2024-2025, Q2 2025-Q3 2025, 2024-25",
            "Enterprise ready; next audit scheduled for Q3 2027",
            "Enterprise ready; annual review due in March 2027",
            "Enterprise ready; recertification due in 2027",
            "Enterprise ready since 2021; SOC 2 Type II audited in 2024, renewal by the end of 2026",
            "Enterprise ready; next audit in 2027",
            "SOC 2 Type II, ISO/IEC 27001:2022, TLS 1.3 since 2021",
            // figures, not dates: the claims read them
            "Scale proven on 2048 GPUs",
            "Memory optimised to 2030 MB",
            "Proven in 2048 regions",
            "Converged in 1h30",
            "Enterprise ready since twenty twenty-four",
            "Enterprise ready, certified in nineteen ninety-nine",
            "Scale proven on twenty twenty-seven nodes",
            "Enterprise ready for twenty-seven customers",
            "Enterprise ready, certified 2025 Q3",
            "Enterprise ready since spring 2025",
            "Enterprise ready since the first half of 2025",
            "Enterprise ready; first quarter results beat the plan",
            "Enterprise ready for 2500 customers",
            // a date with no year is left to the other rules
            "Enterprise ready, certified in March",
            "Enterprise ready, certified in Q3",
        ] {
            assert_eq!(after(t), None, "{t}");
        }
        // no generated_at: no date is read
        assert_eq!(super::gap("Enterprise ready since 2027", None), None);
    }

    /// The earliest moment of a date against `generated_at`, in the offset it is
    /// written in: the same day, month, quarter or year is not after it.
    #[test]
    fn dates_compare_by_their_earliest_moment() {
        let cases = [
            ("2025-08-10T12:00:00Z", "audited 2025-08-10", false),
            ("2025-08-10T12:00:00Z", "audited 2025-08-11", true),
            ("2025-08-10T23:59:59Z", "audited 2025-08-11", true),
            ("2025-08-11T00:00:00Z", "audited 2025-08-11", false),
            // the date is read in generated_at's own offset
            ("2025-08-10T23:30:00-05:00", "audited 2025-08-11", true),
            ("2025-08-11T01:00:00+02:00", "audited 2025-08-11", false),
            ("2025-08-10T12:00:00Z", "audited in August 2025", false),
            ("2025-08-10T12:00:00Z", "audited in September 2025", true),
            ("2025-08-10T12:00:00Z", "audited in Q3 2025", false),
            ("2025-08-10T12:00:00Z", "audited in Q4 2025", true),
            ("2025-08-10T12:00:00Z", "audited in H2 2025", false),
            ("2025-08-10T12:00:00Z", "audited in 2025", false),
            ("2025-08-10T12:00:00Z", "audited in 2026", true),
            // a season from its earliest start in either hemisphere
            ("2025-08-10T12:00:00Z", "audited in winter 2026", true),
            ("2025-12-01T00:00:00Z", "audited in winter 2026", false),
            ("2025-12-01T00:00:00Z", "audited in summer 2026", false),
            ("2025-08-10T12:00:00Z", "audited in autumn 2025", false),
            ("2025-12-31T23:59:59Z", "audited in 2026", true),
            ("2026-01-01T00:00:00Z", "audited in 2026", false),
            // leap day
            ("2028-02-28T23:00:00Z", "audited 2028-02-29", true),
            ("2028-02-29T00:00:00Z", "audited 2028-02-29", false),
            ("2028-02-29T00:00:00Z", "audited 29 February 2028", false),
            ("2028-02-28T00:00:00Z", "audited 29 February 2028", true),
            // no such day: the month's start
            ("2027-02-01T00:00:00Z", "audited 2027-02-30", false),
            // a generated_at far in the future makes every date the past (5.2's
            // audit.generated-at-future rejects such a bundle)
            ("9999-12-31T23:59:59Z", "audited in 2099", false),
        ];
        for (generated, t, later) in cases {
            let n = crate::audit::normalize::normalize(t);
            assert_eq!(date_after(n.text(), at(generated)).is_some(), later, "{t} against {generated}");
        }
    }

    /// Attacker pass 12: a state put at a release or in a version to come by other
    /// prepositions (`at`, `on`, `from`, `with`), a bare version number, a release alone
    /// in a segment around the statement. The date of the release does not help: "at GA
    /// (March 2024)" is put on the release as "after GA in 2024" is; "since GA" is not.
    #[test]
    fn releases_and_versions_to_come_hedge() {
        for t in [
            "Enterprise ready at GA",
            "Enterprise ready on launch",
            "Enterprise ready at launch",
            "Enterprise ready at the initial launch",
            "Enterprise ready from GA",
            "Enterprise ready with GA",
            "Enterprise ready on release",
            "Enterprise ready at go-live",
            "Enterprise ready at general availability",
            "Available for enterprise use at GA",
            "Enterprise ready at GA (March 2024)",
            "Enterprise ready on launch day 2024-03-01",
            "Enterprise ready at GA (2024 plan: GA in 2027)",
            "At GA, enterprise ready",
            "Enterprise ready (at GA)",
            "Enterprise ready; on launch",
            "Enterprise ready from v3",
            "Enterprise ready from version 3",
            "Enterprise ready from v2.0 onwards",
            "Enterprise ready in 2.0",
            "Enterprise ready in the 2.0",
            "Enterprise ready with 3.1",
            "Enterprise ready from 3.1.4 onwards",
            "Enterprise ready with v3",
            "Enterprise ready from v3, released 2027",
            // the doors of the rule: `@` for `at`, words before the release, `starting`
            "Enterprise ready @ GA",
            "Enterprise ready at our GA",
            "Enterprise ready at the time of GA",
            "Enterprise ready at the commercial launch",
            "Enterprise ready starting v3",
            "Enterprise ready starting with v3",
            "Enterprise ready in 3.x",
        ] {
            assert_eq!(gap(t), Some(Gap::Hedge), "{t}");
        }
        for t in [
            "Enterprise ready at scale",
            "Enterprise ready on premises",
            "Enterprise ready, encrypted at rest",
            "Enterprise ready on AWS",
            "Enterprise ready from day one",
            "Enterprise ready since GA in 2024",
            "Enterprise ready; GA since March 2024",
            "Enterprise ready; at launch, 40 banks onboarded",
            "Enterprise ready; 40 banks onboarded (at launch)",
            "Enterprise ready, proven with launch customers",
            "Enterprise ready, SOC 2 certified at launch",
            "Enterprise ready, SOC 2 certified (at launch)",
            "Enterprise ready; tested on release candidates",
            "Enterprise ready; upgraded from 1.9",
            "Enterprise ready; forked from 2.0 in 2023",
            "Enterprise ready; compatible with 2.0 clients",
            "Enterprise ready; compatible with 2.0",
            "Enterprise ready in 2.5 hours of setup",
            "Enterprise ready since 2.0",
            "Enterprise ready as of 3.1",
        ] {
            assert_eq!(gap(t), None, "{t}");
        }
        // a version said to be released on a date the clock reads: out when it is gone by
        let clock = Some(at("2025-08-10T12:00:00Z"));
        for t in [
            "Enterprise ready from v2.0 onwards, released 2024",
            "Enterprise ready from v2.0, released in March 2024",
            "Enterprise ready in v3 (released on 2025-08-01)",
            "Enterprise ready since GA (March 2024)",
        ] {
            assert_eq!(super::gap(t, clock), None, "{t}");
        }
        for t in [
            "Enterprise ready from v3, released 2027",
            "Enterprise ready in v3 (released in 2027)",
            "Enterprise ready in v3 (released in Q3)",
        ] {
            assert!(matches!(super::gap(t, clock), Some(Gap::Later | Gap::Hedge)), "{t}");
        }
    }

    /// Attacker pass 12: dates the reader did not read (a year of two digits after an
    /// apostrophe, a quarter glued to its year, a month or a day in figures before the
    /// year, a year after a past check or release) and the boundaries of each against
    /// generated_at 2025-08-10T12:00:00Z.
    #[test]
    fn dates_in_figures_and_short_years() {
        for (t, date) in [
            ("Enterprise ready since '27", "27"),
            ("Enterprise ready since \u{2019}26", "26"),
            ("Enterprise ready (\u{2019}26)", "26"),
            ("Enterprise ready, certified 2027Q3", "2027q3"),
            ("Enterprise ready, certified 2025Q4", "2025q4"),
            ("Enterprise ready, certified 2026H1", "2026h1"),
            ("Enterprise ready, certified 01/2027", "01 2027"),
            ("Enterprise ready, certified 1/2027", "1 2027"),
            ("Enterprise ready, certified 09/2025", "09 2025"),
            ("Enterprise ready, certified 3.2027", "3 2027"),
            ("Enterprise ready, certified 03/15/2027", "03 15 2027"),
            ("Enterprise ready, certified 15/03/2027", "15 03 2027"),
            ("Enterprise ready, certified 15.03.2027", "15 03 2027"),
            ("Enterprise ready, certified 11/08/2025", "11 08 2025"),
            ("Enterprise ready, certified 13-08-2025", "13 08 2025"),
            ("Enterprise ready, released 2027", "2027"),
            ("Enterprise ready, certified 2026", "2026"),
            ("Enterprise ready, GA 2026", "2026"),
            ("Enterprise ready, certified Q3/2027", "q3 2027"),
            ("Enterprise ready, certified 2027-03-15", "2027 03 15"),
            ("Enterprise ready, GA'27", "27"),
            // a month and year of two digits each after a word of time or a past check
            ("Enterprise ready, certified 03/27", "03 27"),
            ("Enterprise ready, founded 03/27", "03 27"),
            ("Enterprise ready since 12/25", "12 25"),
            // a half before its year of two digits, with a capital H ("1h30" is a time)
            ("Enterprise ready 2H27", "2h2027"),
            ("Enterprise ready by 1H26", "1h2026"),
            // a year listed after another date
            ("Enterprise ready since 2024 and 2027", "2027"),
            ("Enterprise ready (2024 and 2027)", "2027"),
            ("Enterprise ready (2024 & 2027)", "2027"),
            ("Enterprise ready, certified March 2024 or 2027", "2027"),
        ] {
            assert_eq!(after(t).as_deref(), Some(date), "{t}");
        }
        for t in [
            "Enterprise ready since '25",
            "Enterprise ready since '24",
            "Enterprise ready since '99",
            "Enterprise ready, certified 2025Q3",
            "Enterprise ready, certified 08/2025",
            "Enterprise ready, certified 8/2025",
            "Enterprise ready, certified 03/2024",
            // 10 August or 8 October: the earlier reading is not after generated_at
            "Enterprise ready, certified 10/08/2025",
            "Enterprise ready, certified 2024-03",
            "Enterprise ready, released 2024",
            "Enterprise ready, released 3/4/2025",
            "Enterprise ready; 24/7 support",
            "Enterprise ready; tested 2048 configurations",
            "Enterprise ready; customers' 27 sites",
            "Enterprise ready since 2021 and 2024",
            "Enterprise ready in 2024 and 2048 regions",
            "Converged in 1h30",
            "Enterprise ready, certified 03/24",
            "Enterprise ready; 24/7 support, 50/50 split, 1/2 of the cost",
            "Enterprise ready; scored 03/27",
            "Enterprise ready 2H24",
            "Enterprise ready, converged in 1h30 and 2h27",
            "Enterprise ready, 3H27",
            "Enterprise ready, certified 03/27/2024",
        ] {
            assert_eq!(after(t), None, "{t}");
        }
    }

    /// A date alone in brackets, after a spaced dash or as an answer (attacker pass 12):
    /// with the bundle's clock, a date whose whole period is over dates a fact, as `SOC 2
    /// Type II (2024)` does; one not over (the year, month or quarter generated_at falls
    /// in, or later) is a plan. Without a clock, any such date is a plan.
    #[test]
    fn a_date_alone_is_read_with_the_clock() {
        let clock = Some(at("2025-08-10T12:00:00Z"));
        for t in [
            "Enterprise ready (2024)",
            "Enterprise ready (in 2024)",
            "Enterprise ready (March 2024)",
            "Enterprise ready (July 2025)",
            "Enterprise ready (Q2 2025)",
            "Enterprise ready (H1 2025)",
            "Enterprise ready (2025-08-09)",
            "Enterprise ready (2025-08-10)",
            "Enterprise ready (13/07/2025)",
            "Enterprise ready (03/04/2025)",
            "Enterprise ready (\u{2019}24)",
            "Enterprise ready - March 2024",
            "Enterprise ready: March 2024",
            "Enterprise ready; SOC 2 Type II (2024)",
        ] {
            assert_eq!(super::gap(t, clock), None, "{t}");
            // (`’24` is `24` to the words read without a clock)
            if !t.contains("SOC") && !t.contains('\u{2019}') {
                assert_eq!(gap(t), Some(Gap::Hedge), "{t} without a clock");
            }
        }
        for t in [
            "Enterprise ready (2025)",
            "Enterprise ready (August 2025)",
            "Enterprise ready (Q3 2025)",
            "Enterprise ready (H2 2025)",
            "Enterprise ready (2025-08-11)",
            "Enterprise ready (11/08/2025)",
            // 10 August or 8 October: the later reading is not over
            "Enterprise ready (10/08/2025)",
            "Enterprise ready (2027)",
            "Enterprise ready (\u{2019}26)",
            "Enterprise ready (FY24)",
            "Enterprise ready (Q3)",
            "Enterprise ready (by 2024)",
            "Enterprise ready (end of 2024)",
            "Enterprise ready (2024 target)",
            "Enterprise ready (2024 est.)",
            "Enterprise ready (approx. 2024)",
            "Enterprise ready (2024-2025)",
            "Enterprise ready (2024) (2027)",
            "Enterprise ready (2024, 2027)",
            "Enterprise ready since '24 (target)",
            "Enterprise ready, SOC 2 certified (Q3 target)",
            "Enterprise ready; last audit: by March",
        ] {
            assert!(matches!(super::gap(t, clock), Some(Gap::Hedge | Gap::Later)), "{t}");
        }
    }

    #[test]
    fn long_runs_of_dates_are_read_in_one_pass() {
        let text = "next audit scheduled for 2027 ".repeat(20_000);
        assert_eq!(after(&text), None);
        let text = "\u{2019}-".repeat(50_000) + " since 2027";
        assert_eq!(after(&text).as_deref(), Some("2027"));
        // pass 12's rules read a run of releases or versions once
        let text = "Enterprise ready ".to_owned() + &"at the time of GA and ".repeat(20_000);
        assert_eq!(gap(&text), Some(Gap::Hedge));
        let text = "Enterprise ready ".to_owned() + &"with 1.5 GB in 2.5 hours ".repeat(20_000);
        assert_eq!(gap(&text), None);
    }

    /// Attacker pass 13: a modifier letter drawn as an apostrophe (`ʼ`, `ˈ`, the saltillo
    /// `ꞌ`) before a year of two digits, and the fraction and division slashes between a
    /// month and its year, are read as the apostrophe and the slash they are drawn as.
    #[test]
    fn marks_drawn_as_apostrophes_and_slashes_date() {
        for (t, date) in [
            ("Enterprise ready since \u{2bc}27", "27"),
            ("Enterprise ready since \u{2c8}27", "27"),
            ("Enterprise ready, certified (\u{a78c}27)", "27"),
            ("Enterprise ready, certified 03\u{2044}27", "03 27"),
            ("Enterprise ready, certified 03\u{2215}2027", "03 2027"),
        ] {
            assert_eq!(after(t).as_deref(), Some(date), "{t}");
        }
        for t in ["Enterprise ready since \u{2bc}24", "Enterprise ready, certified 03\u{2044}24"] {
            assert_eq!(after(t), None, "{t}");
        }
    }

    /// Attacker pass 13: after a verb that may count, a month and year of two digits
    /// each is a date only as a year is followed; "passed 12/30 checks" was a plan dated
    /// December 2030. After a check the claims read a date after, any word may follow.
    #[test]
    fn a_short_month_after_a_count_verb_is_followed_as_a_year() {
        for (t, date) in [
            ("Enterprise ready, certified 03/27 audit", "03 27"),
            ("Enterprise ready, passed 03/27", "03 27"),
            ("Enterprise ready, passed 03/27 by EY", "03 27"),
            ("Enterprise ready since 12/25 checks", "12 25"),
        ] {
            assert_eq!(after(t).as_deref(), Some(date), "{t}");
        }
        for t in ["Enterprise ready: passed 12/30 checks", "Enterprise ready, completed 03/27 audits"] {
            assert_eq!(after(t), None, "{t}");
        }
    }
}
