//! Numbers with units in free-text claims, read the way people write them: "1 billion
//! records", "Records generated: 1 billion", "one thousand million rows", "1bn",
//! "1.0e9", "10^9", "1 000 000" / "1.000.000" / "1,000,000", "185,58 MB", "4,2x",
//! "4.2-fold", "x10", "75 per cent", "-90%", "5-10x", "under 1 TB".
//!
//! Pure text analysis on the normalised text (`crate::audit::normalize`): this module
//! says what a phrase claims; `super` decides which metric backs it and whether the
//! metric agrees. Digits and magnitude words it cannot tie to a metric come back as
//! `Unchecked`, so the report can say that a claim was not checked. A hand-written
//! scanner: no pattern to compile at start-up, one pass over the text.

mod fractions;

use crate::audit::normalize::{normalize, Normalized};
use crate::finding::MAX_PER_RULE;
use crate::text::WordSet;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

mod names;
pub(crate) use names::DONE;

/// Which metric a percentage names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentOf {
    CostSavings,
    TimeSavings,
    StatisticalFidelity,
    PrivacyScore,
    UtilityScore,
    Accuracy,
    SyntheticRatio,
    Roi,
}

impl PercentOf {
    pub fn name(self) -> &'static str {
        match self {
            PercentOf::CostSavings => "cost savings",
            PercentOf::TimeSavings => "time savings",
            PercentOf::StatisticalFidelity => "statistical fidelity",
            PercentOf::PrivacyScore => "privacy score",
            PercentOf::UtilityScore => "utility score",
            PercentOf::Accuracy => "accuracy",
            PercentOf::SyntheticRatio => "synthetic share",
            PercentOf::Roi => "return on investment",
        }
    }
}

/// Memory unit as written; whether it is SI or binary is not known (see `factors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemUnit {
    Kb,
    Mb,
    Gb,
    Tb,
    Kib,
    Mib,
    Gib,
    Tib,
}

impl MemUnit {
    /// Claimed amount in this unit per 1 GB of `memory_usage_gb`, for the SI (1000)
    /// and the binary (1024) reading of that GB. A unit written as SI may be meant as
    /// binary too ("MB" for MiB); one written as binary (MiB) is binary, and the GB may
    /// be either (16.5 GB is 15,736 MiB, or 16,896 MiB when it means GiB).
    pub fn factors(self) -> [f64; 2] {
        const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
        match self {
            MemUnit::Kb => [1e6, 1024.0 * 1024.0],
            MemUnit::Mb => [1e3, 1024.0],
            MemUnit::Gb => [1.0, 1.0],
            MemUnit::Tb => [1e-3, 1.0 / 1024.0],
            MemUnit::Kib => [1e9 / 1024.0, 1024.0 * 1024.0],
            MemUnit::Mib => [1e9 / (1024.0 * 1024.0), 1024.0],
            MemUnit::Gib => [1e9 / GIB, 1.0],
            MemUnit::Tib => [1e9 / (GIB * 1024.0), 1.0 / 1024.0],
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            MemUnit::Kb => "KB",
            MemUnit::Mb => "MB",
            MemUnit::Gb => "GB",
            MemUnit::Tb => "TB",
            MemUnit::Kib => "KiB",
            MemUnit::Mib => "MiB",
            MemUnit::Gib => "GiB",
            MemUnit::Tib => "TiB",
        }
    }
}

/// How a claimed number relates to the metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// "75% cost reduction", "up to 10x" (a boast is held to its upper bound).
    Exact,
    /// "over 1 billion", "at least 4x", "billion scale", "1M+".
    AtLeast,
    /// "under 1 TB", "below 20 GB", "less than 5%".
    AtMost,
}

/// What one number in a claim says.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A record count: `value` in units of `multiplier` ("1 billion": 1, 1e9).
    Records { value: f64, multiplier: f64 },
    /// Records per second.
    Throughput { value: f64 },
    /// A percentage of a named metric.
    Percent { value: f64, of: PercentOf },
    /// A percentage with no metric this tool knows ("100% compliance"); `subject` is
    /// the words that follow it.
    UnknownPercent { value: f64, subject: String },
    /// A speed-up factor ("4.2x").
    Speedup { value: f64 },
    /// A memory size (peak memory).
    Memory { value: f64, unit: MemUnit },
    /// The size of the trained model ("a 12.5 MB model", "model size: 12.5 MB").
    ModelSize { value: f64, unit: MemUnit },
}

/// One number found in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub quantity: Quantity,
    pub bound: Bound,
    /// Decimals shown in the claim ("185.58" -> 2); the comparison rounds to these.
    pub decimals: u32,
    /// Byte range of the phrase in the original claim text.
    pub span: Range<usize>,
    /// A percentage of speed ("76% faster"), which people write for the time saved and
    /// for the speed gained alike: a 4.2x speed-up is 76 % less time and 320 % faster.
    pub speed_gain: bool,
}

impl Mention {
    /// The phrase as written in `claim`, the text the mention was read from. Not kept
    /// in the mention: a claim can hold a mention per few bytes, and most hold.
    pub fn phrase<'c>(&self, claim: &'c str) -> &'c str {
        claim.get(self.span.clone()).unwrap_or_default().trim()
    }
}

/// Digits or magnitude words that could not be tied to a metric, or words that tie one
/// number to two metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Unchecked {
    pub span: Range<usize>,
    /// The phrase as written (filled in for the ones kept, see [`Extraction::unchecked`]).
    pub text: String,
    pub why: Cow<'static, str>,
}

#[derive(Debug, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    /// The first [`MAX_PER_RULE`] in the claim's order; the others are only counted in
    /// `unchecked_more`. A claim of a million bare numbers ("1 1 1 ... GB") made a phrase,
    /// a reason and a finding's message for each: 3.2 MB of claim took 3.6 s and 516 MB.
    pub unchecked: Vec<Unchecked>,
    pub unchecked_more: usize,
}

impl Extraction {
    /// Records an unchecked number, keeping the list to the first [`MAX_PER_RULE`] by
    /// position: sorted and cut each time it doubles (a stable sort, so the result is
    /// the whole list sorted and cut once).
    fn record_unchecked(&mut self, u: Unchecked) {
        self.unchecked.push(u);
        if self.unchecked.len() >= 2 * MAX_PER_RULE {
            self.cut_unchecked();
        }
    }

    fn cut_unchecked(&mut self) {
        self.unchecked.sort_by_key(|u| u.span.start);
        self.unchecked_more += self.unchecked.len().saturating_sub(MAX_PER_RULE);
        self.unchecked.truncate(MAX_PER_RULE);
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Digits,
    /// Digits of another script (Arabic-Indic `١٠٠٠`, Devanagari `१०००`: Unicode digits
    /// NFKC leaves as they are). Not read: a number written with them is reported as not
    /// checked (they were no token at all, and "١٠٠٠ million records" read as "million
    /// records", at least one million).
    Foreign,
    /// Letters, lower-cased at `lower` in [`Reader::lower`]; `upper` when written in
    /// capitals ("M", "B").
    Word {
        lower: (u32, u32),
        upper: bool,
    },
    Sym(char),
}

/// A token, 24 bytes: a claim can hold one per two bytes (`"1 1 1 …"`), and with
/// `usize` positions and a `String` per word the tokens of a 3 MB claim took 90 MB.
/// Positions are byte offsets in the normalised text, which [`extract`] reads only up
/// to [`MAX_TEXT`].
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: u32,
    end: u32,
    /// A clause ends before this token (`;`, `, `, `. `, brackets).
    clause: u32,
}

impl Tok {
    fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The tokens of `t` and the arena their lower-cased words point into. Counted first,
/// so that the list is allocated once at its size: grown by doubling, the tokens of a
/// claim of a million numbers took up to three times their own size while it grew.
fn lex(t: &str) -> (Vec<Tok>, String) {
    let mut n = 0;
    scan(t, |_, _, _, _| n += 1);
    let mut toks = Vec::with_capacity(n);
    let mut lower = String::with_capacity(t.len());
    scan(t, |kind, at, end, clause| {
        let kind = match kind {
            Scanned::Digits => Kind::Digits,
            Scanned::Foreign => Kind::Foreign,
            Scanned::Sym(c) => Kind::Sym(c),
            Scanned::Word => {
                let word = t.get(at..end).unwrap_or_default();
                let from = lower.len();
                if word.is_ascii() {
                    lower.push_str(word);
                    if let Some(w) = lower.get_mut(from..) {
                        w.make_ascii_lowercase();
                    }
                } else {
                    // `str`'s own lower-casing: a final sigma is not a sigma (`char`'s is)
                    lower.push_str(&word.to_lowercase());
                }
                Kind::Word { lower: (pos(from), pos(lower.len())), upper: word.chars().all(|c| c.is_uppercase()) }
            }
        };
        toks.push(Tok { kind, start: pos(at), end: pos(end), clause });
    });
    (toks, lower)
}

enum Scanned {
    Digits,
    Foreign,
    Word,
    Sym(char),
}

/// Splits `t` into digit runs, letter runs and other characters, numbering clauses;
/// `emit` gets each token's kind, byte range and clause.
fn scan(t: &str, mut emit: impl FnMut(Scanned, usize, usize, u32)) {
    let mut clause: u32 = 0;
    let mut it = t.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = at + 1;
            while let Some(&(i, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                it.next();
            }
            (Scanned::Digits, end)
        } else if is_foreign_digit(c) {
            let mut end = at + c.len_utf8();
            while let Some(&(i, d)) = it.peek() {
                if !is_foreign_digit(d) {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            (Scanned::Foreign, end)
        } else if c.is_alphabetic() && !crate::text::drawn_as_mark(c) {
            let mut end = at + c.len_utf8();
            while let Some(&(i, d)) = it.peek() {
                if !d.is_alphabetic() || crate::text::drawn_as_mark(d) {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            (Scanned::Word, end)
        } else {
            let next = it.peek().map(|&(_, n)| n);
            let ends_clause = match c {
                ';' | '!' | '?' | '(' | ')' | '[' | ']' | '|' => true,
                '.' | ',' => next.is_none_or(char::is_whitespace),
                _ => false,
            };
            if ends_clause {
                clause = clause.saturating_add(1);
                continue;
            }
            (Scanned::Sym(c), at + c.len_utf8())
        };
        emit(kind, at, end, clause);
    }
}

/// A digit of another script than ASCII (a numeric character NFKC left as it is: the
/// decimal digits of Arabic-Indic, Devanagari, Bengali, Thai, ... and the few other
/// numeric characters it does not fold).
fn is_foreign_digit(c: char) -> bool {
    !c.is_ascii() && c.is_numeric()
}

/// A position in a text [`extract`] has checked to be under [`MAX_TEXT`] bytes, so that
/// its lower-cased words fit too (lower-casing at most makes three bytes of two: U+0130).
fn pos(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Magnitude words, the Indian lakh (10^5) and crore (10^7) among them: "10 lakh
/// records" is a million, not ten; the abbreviations `mln` and `bln`, and `milliard`
/// (10^9, the long-scale word English writers borrow).
fn magnitude_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "thousands" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "million" | "millions" | "mn" | "mio" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "bln" | "milliard" | "milliards" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        _ => return None,
    })
}

/// A magnitude glued to digits ("1M", "5k", "1bn") or a capital letter after a space;
/// `MM` in capitals is the financial million ("1000 MM" is 10^9).
fn magnitude_suffix(w: &str, glued: bool, upper: bool) -> Option<f64> {
    match w {
        "mm" if upper => Some(1e6),
        "k" if glued || upper => Some(1e3),
        "m" if glued || upper => Some(1e6),
        "b" if glued || upper => Some(1e9),
        "t" if glued || upper => Some(1e12),
        _ => magnitude_word(w),
    }
}

/// A word in the place of a magnitude (right after a number, before its record noun)
/// that could be one this tool does not read: a short form (`mil`, `mrd`, `tsd`,
/// lower-case `mm`), an SI prefix as a word (`giga`), a word that starts like a
/// magnitude (`millones`, `thousandfold`), a single letter (`1000 G rows`, `1 k
/// records`), or two capitals (`XB`). Dropped, it left the bare number: "1,000 bln
/// records" read as 1,000 records. `upper`: written in capitals.
fn magnitude_like(w: &str, upper: bool) -> bool {
    const SHORT: [&str; 15] =
        ["mil", "mils", "mm", "mrd", "md", "tsd", "bio", "bil", "bill", "tr", "trn", "thou", "lac", "lacs", "mld"];
    const PREFIX: [&str; 12] =
        ["mill", "bill", "trill", "quadr", "thous", "giga", "mega", "tera", "peta", "kilo", "lakh", "crore"];
    let letters = w.chars().count();
    magnitude_word(w).is_some()
        || SHORT.contains(&w)
        || PREFIX.iter().any(|p| w.starts_with(p))
        || (letters == 1 && w != "a")
        || (upper && letters <= 2)
}

/// [`magnitude_like`] for the word at token `j`: a single letter or two capitals joined
/// by a hyphen to a word ("e-commerce", "X-ray") is part of that word.
fn slot_magnitude(r: &Reader, j: usize, w: &str) -> bool {
    let joined = r.glued_hyphen(j + 1) || (j > 0 && r.glued_hyphen(j - 1));
    let short = w.chars().count() <= 2;
    magnitude_like(w, r.upper(j)) && !(joined && short && magnitude_word(w).is_none())
}

/// A collective number word at token `k` after a count, its factor and the token after
/// it (`of` read through before what it counts: "a score of million records"): `dozen`
/// (12) always; `score` (20) and `gross` (144) only before a magnitude, a unit or a record
/// noun, as they are ordinary words elsewhere ("a high score", "a score of 94%", "gross
/// margin").
fn collective(r: &Reader, k: usize) -> Option<(f64, usize)> {
    let c = match r.word(k)? {
        "dozen" => 12.0,
        "score" => 20.0,
        "gross" => 144.0,
        _ => return None,
    };
    let next = k + 1;
    let counted = |m: usize| {
        r.same_clause(k, m)
            && (r.word(m).is_some_and(|w| magnitude_word(w).is_some() || is_record_noun(w) || w == "dozen")
                || unit_after(r, m).is_some())
    };
    let of = r.word(next) == Some("of") && counted(next + 1);
    if c == 12.0 {
        return Some((c, if of { next + 1 } else { next }));
    }
    // "a score-million records": a hyphen joins it to what it counts, as "one-billion"
    let hyphen = r.glued_hyphen(next) && counted(next + 1);
    // "Records processed: a gross" counts the records named before it, as "Records: a
    // dozen" does; a word after it makes it that word's ("Records: a gross margin")
    let ends = !r.same_clause(k, next) || r.word(next).is_none();
    // "Costs cut by a gross": in a figure's place it is a number, reported unchecked there
    // as a dozen is ([`in_figure_slot`])
    let slot = k > 1 && matches!(r.word(k - 1), Some("a" | "an")) && figure_slot(r, k - 1) && figure_ends(r, next);
    if of {
        Some((c, next + 1))
    } else {
        (counted(next) || hyphen || slot || (ends && record_noun_before(r, k))).then_some((c, next))
    }
}

/// Words that may stand between `by` or a colon and the number of a claim's figure
/// ("by about a dozen", "by at least twelve"), at most [`SLOT_GAP`] of them.
const SLOT_BOUNDS: [&str; 14] = [
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "over",
    "under",
    "at",
    "least",
    "most",
    "some",
    "up",
    "to",
];

/// How many words of [`SLOT_BOUNDS`] [`figure_slot`] reads back over.
const SLOT_GAP: usize = 3;

/// Token `first` starts a number in a figure's place: after `by` or a colon in its
/// clause, with at most [`SLOT_GAP`] words of a bound between ("Faster by about twelve").
fn figure_slot(r: &Reader, first: usize) -> bool {
    for b in (first.saturating_sub(SLOT_GAP + 1)..first).rev() {
        if !r.same_clause(b, first) {
            return false;
        }
        if r.word(b) == Some("by") || r.sym(b) == Some(':') {
            return true;
        }
        if !r.word(b).is_some_and(|w| SLOT_BOUNDS.contains(&w)) {
            return false;
        }
    }
    false
}

/// Token `k` is a multiple in words that no reader reads, each of which passed as no figure
/// at all: a number word with `x` glued on (`tenx faster`) or after a hyphen (`ten-x faster`,
/// as `9-x` in digits is unchecked), and a multiplying word before a word of speed, cost or
/// records, `the` allowed between (`triple the speed`, `quintuple the throughput`; `speed
/// tripled` was read, and `triple-checked results` names no figure), and a count of digits
/// in words (`double-digit speed-up`).
fn multiple_in_words(r: &Reader, k: usize) -> bool {
    const MULTIPLYING: [&str; 18] = [
        "triple",
        "quadruple",
        "quintuple",
        "quintupled",
        "sextuple",
        "sextupled",
        "septuple",
        "septupled",
        "octuple",
        "octupled",
        "nonuple",
        "nonupled",
        "decuple",
        "decupled",
        "triples",
        "quadruples",
        "triplicate",
        "quadruplicate",
    ];
    let Some(w) = r.word(k) else { return false };
    if w.strip_suffix('x').and_then(crate::text::number_word).is_some() {
        return true;
    }
    // "a double-digit speed-up", "in the double digits": a count of digits, a range this
    // tool does not read (it passed beside a 4.2x speed-up)
    if matches!(w, "single" | "double" | "triple") {
        let next = if r.glued_hyphen(k + 1) { k + 2 } else { k + 1 };
        if r.same_clause(k, next) && matches!(r.word(next), Some("digit" | "digits")) {
            return true;
        }
    }
    // "a nine-to-one speed-up", "nine to one faster": a ratio in words, as "9:1 speedup"
    // in digits is unchecked ("one-to-one mapping" is none)
    if w != "one" && crate::text::number_word(w).is_some() {
        let skip = |j: usize| if r.glued_hyphen(j) { j + 1 } else { j };
        let to = skip(k + 1);
        let one = skip(to + 1);
        return r.word(to) == Some("to")
            && r.word(one) == Some("one")
            && r.same_clause(k, one + 1)
            && r.word(one + 1).is_some_and(|n| names_speed(n) || percent_target(n).is_some() || is_record_noun(n));
    }
    if w == "x" && k >= 2 && r.glued_hyphen(k - 1) && r.word(k - 2).and_then(crate::text::number_word).is_some() {
        return true;
    }
    if !MULTIPLYING.contains(&w) {
        return false;
    }
    let next = if r.word(k + 1) == Some("the") { k + 2 } else { k + 1 };
    r.same_clause(k, next)
        && !r.glued_hyphen(k + 1)
        && r.word(next).is_some_and(|n| {
            names_speed(n)
                || percent_target(n).is_some()
                || is_record_noun(n)
                || matches!(n, "throughput" | "performance" | "savings" | "cost" | "costs")
        })
}

/// Words that link a metric to its figure as `by` and a colon do ("Speed-up of nine",
/// "Savings reached ninety", "Speed-up equal to nine", "Speed-up = nine").
const SLOT_LINKS: [&str; 11] =
    ["of", "is", "was", "were", "are", "reached", "reaches", "hit", "hits", "equals", "equal"];

/// Token `first` starts a number after a word of [`SLOT_LINKS`] or `=` in its clause, with
/// at most [`SLOT_GAP`] words of a bound between: read as [`figure_slot`] reads `by`.
fn linked_slot(r: &Reader, first: usize) -> bool {
    for b in (first.saturating_sub(SLOT_GAP + 1)..first).rev() {
        if !r.same_clause(b, first) {
            return false;
        }
        if r.word(b).is_some_and(|w| SLOT_LINKS.contains(&w)) || r.sym(b) == Some('=') {
            return true;
        }
        if !r.word(b).is_some_and(|w| SLOT_BOUNDS.contains(&w)) {
            return false;
        }
    }
    false
}

/// Nothing at token `at` makes the number before it a count of something: its clause
/// ends, or a word that names nothing follows ("by a dozen over the baseline", "by
/// twelve and cheaper"); a noun does ("by a dozen teams").
fn figure_ends(r: &Reader, at: usize) -> bool {
    const LINKS: [&str; 14] = [
        "over", "than", "vs", "versus", "compared", "against", "relative", "and", "or", "but", "at", "to", "the",
        "when",
    ];
    match r.word(at) {
        _ if at == 0 || !r.same_clause(at - 1, at) => true,
        None => true,
        Some(w) => is_preposition(w) || LINKS.contains(&w),
    }
}

/// A number in words with no unit standing where a claim's figure stands ([`figure_slot`],
/// [`figure_ends`]), a word of a metric before it in the clause ("Faster by a dozen",
/// "Speed-up: twelve", "Costs cut by a gross over the year"). Digits there are reported
/// unchecked ("Faster by 12"), and so is it; "approved by twelve" and "one of twelve
/// teams" name no metric, "Faster by a dozen teams" counts teams.
fn in_figure_slot(r: &Reader, num: &Num, words_before: &[(usize, &str)]) -> bool {
    let metric = |w: &str| {
        names_speed(w)
            || names_other_metric(w)
            || percent_target(w).is_some()
            || is_cut_word(w)
            || is_saved_word(w)
            || against_saving(w)
            || against_speedup(w)
            || is_record_noun(w)
    };
    // digits first: every bare number of a claim reaches this question
    r.digits(num.first).is_none()
        && (figure_slot(r, num.first) || linked_slot(r, num.first))
        && figure_ends(r, num.last)
        && words_before.iter().any(|(_, w)| metric(w))
}

/// Token `first` starts a number right after `factor` or `factor of` in its clause ("faster
/// by a factor of nine", "Speed-up factor nine"): a multiple, which this tool does not read
/// as a speed-up; a number in words there was no figure at all (digits there are reported
/// unchecked), and a false "a factor of nine" passed.
fn after_factor(r: &Reader, first: usize) -> bool {
    let factor = |k: usize| matches!(r.word(k), Some("factor" | "factors")) && r.same_clause(k, first);
    (first > 0 && factor(first - 1)) || (first > 1 && r.word(first - 1) == Some("of") && factor(first - 2))
}

/// How far back [`record_noun_before`] looks: a constant, so that a run of collectives
/// costs linear time.
const NOUN_BEFORE_WINDOW: usize = 8;

/// A record noun among the [`NOUN_BEFORE_WINDOW`] tokens before token `k` in its clause,
/// with no preposition or number between ("Records processed: a gross"; not "records in a
/// score", "records, a score").
fn record_noun_before(r: &Reader, k: usize) -> bool {
    for j in (k.saturating_sub(NOUN_BEFORE_WINDOW)..k).rev() {
        if !r.same_clause(j, k) || r.digits(j).is_some() {
            return false;
        }
        match r.word(j) {
            Some(w) if is_record_noun(w) => return true,
            Some(w) if is_preposition(w) => return false,
            _ => {}
        }
    }
    false
}

fn unit_word(w: &str) -> Option<f64> {
    crate::text::number_word(w).map(f64::from)
}

fn mem_unit(w: &str) -> Option<MemUnit> {
    Some(match w {
        "kb" | "kbyte" | "kbytes" | "kilobyte" | "kilobytes" => MemUnit::Kb,
        // "megs" and "gigs" as people say them ("a couple hundred megs" passed as no figure)
        "mb" | "mbyte" | "mbytes" | "megabyte" | "megabytes" | "meg" | "megs" => MemUnit::Mb,
        "gb" | "gbyte" | "gbytes" | "gigabyte" | "gigabytes" | "gig" | "gigs" => MemUnit::Gb,
        "tb" | "tbyte" | "tbytes" | "terabyte" | "terabytes" => MemUnit::Tb,
        "kib" | "kibibyte" | "kibibytes" => MemUnit::Kib,
        "mib" | "mebibyte" | "mebibytes" => MemUnit::Mib,
        "gib" | "gibibyte" | "gibibytes" => MemUnit::Gib,
        "tib" | "tebibyte" | "tebibytes" => MemUnit::Tib,
        _ => return None,
    })
}

fn is_record_noun(w: &str) -> bool {
    ["record", "row", "sample", "scale", "entries", "entry", "observation", "datapoint"]
        .iter()
        .any(|n| w.starts_with(n))
}

/// The factor a "-fold" word names by its number word ("ten" in "tenfold").
fn fold_factor(prefix: &str) -> Option<f64> {
    match prefix {
        "hundred" => Some(100.0),
        "thousand" => Some(1000.0),
        "dozen" => Some(12.0),
        "many" | "manifold" | "" => None,
        p => unit_word(p).filter(|v| *v >= 2.0),
    }
}

/// Words that state a multiple or a fraction without digits.
fn is_multiple_word(w: &str) -> bool {
    ["twice", "thrice", "half", "halved", "doubled", "tripled", "quadrupled", "magnitude", "magnitudes"].contains(&w)
        || w.strip_suffix("fold").is_some_and(|p| !p.is_empty() && p != "mani")
}

/// A word of an amount that this tool does not read: `umpteen`, `countless`, `untold`,
/// `innumerable`, `myriad`, a number word with `-ish` glued (`twentyish`). Before a
/// figure's word (a magnitude, a unit, a record noun, `of` and one of these) it is
/// `claims.unchecked`: before "million records" it hid a count far above the one read
/// ("umpteen million" read as at least a million).
fn is_vague_unread(w: &str) -> bool {
    ["umpteen", "countless", "untold", "innumerable", "myriad", "myriads"].contains(&w)
        // "twentyish million records": about twenty
        || w.strip_suffix("ish").and_then(crate::text::number_word).is_some()
}

/// A made-up magnitude (`zillion`, `gazillion`, `bajillion`: an `-illion` that is no
/// magnitude of [`magnitude_word`]): `claims.unchecked` wherever it stands.
fn is_made_up_magnitude(w: &str) -> bool {
    w.strip_suffix('s').unwrap_or(w).ends_with("illion") && magnitude_word(w).is_none()
}

/// Words that join two numbers into one this tool does not compose, whatever follows: a
/// decimal point in words (`four point 2`, `4 point two`), a product (`five by five`,
/// `2 * 2`), a sum or difference (`three plus four`), a collective not read as a count
/// (`four score and seven`), a zero in words (`one oh five`).
fn joins_always(r: &Reader, k: usize) -> bool {
    let word = |k: usize| {
        r.word(k).is_some_and(|w| {
            decimal_point_word(w)
                || zero_word(w)
                || matches!(
                    w,
                    "pt" | "comma"
                        | "by"
                        | "times"
                        | "x"
                        | "plus"
                        | "minus"
                        | "score"
                        | "gross"
                        | "power"
                        | "raised"
                        | "squared"
                        | "cubed"
                )
        })
    };
    match r.sym(k) {
        // a decimal mark glued to a number in words ("four.two", "4.two"; "four,two")
        Some('.' | ',') => r.glued(k) || r.glued(k + 1),
        // "four-point-two", "two-by-two", "four-score-and-seven": a hyphen glued to a
        // joining word
        Some('-') => {
            let and = |k: usize| r.word(k) == Some("and");
            let beside = |k: usize| word(k) || and(k);
            r.glued(k) && r.glued(k + 1) && (beside(k.wrapping_sub(1)) || beside(k + 1))
        }
        Some(c) => matches!(c, '\u{d7}' | '*' | '+'),
        None => word(k),
    }
}

/// A decimal point in words: `four point two`, `4 dot 2`.
fn decimal_point_word(w: &str) -> bool {
    matches!(w, "point" | "dot" | "decimal")
}

/// A zero in words among decimals in words (`point oh five`), and between two numbers
/// (`one oh five`).
fn zero_word(w: &str) -> bool {
    matches!(w, "oh" | "o" | "nought" | "naught")
}

/// `and` and `over` join two numbers only when the second is a figure (`three and four
/// times faster`, `two over three times faster`, a record noun among the five words
/// after it or before it in its clause); before a count of nothing they are words (`one
/// and two year plans`).
fn joins_a_figure(r: &Reader, k: usize, next: &Num, noun_before: bool) -> bool {
    let noun = |j: usize| r.same_clause(j, next.first) && r.word(j).is_some_and(is_record_noun);
    // "two to the two times", "two to the power of four times": a power
    let power = |j: usize| matches!(r.word(j), Some("to" | "the" | "of"));
    (matches!(r.word(k), Some("and" | "over")) || r.sym(k) == Some('&') || power(k))
        && (next.mult != 1.0
            || unit_after(r, next.last).is_some()
            || (next.last..next.last + 5).any(noun)
            || noun_before)
}

/// Whether a record noun stands earlier in the clause of a token, asked of tokens in
/// the claim's order: read once over the claim, not back from each number (a clause of
/// a million numbers joined by `and` would be read a million times).
struct NounsBefore {
    at: usize,
    clause: u32,
    seen: bool,
}

impl NounsBefore {
    /// A record noun before token `k` in its clause (`k` no less than at the last call).
    fn before(&mut self, r: &Reader, k: usize) -> bool {
        while self.at < k {
            if let Some(t) = r.toks.get(self.at) {
                if t.clause != self.clause {
                    self.clause = t.clause;
                    self.seen = false;
                }
            }
            self.seen |= r.word(self.at).is_some_and(is_record_noun);
            self.at += 1;
        }
        let clause = r.toks.get(k).map_or(self.clause, |t| t.clause);
        self.seen && clause == self.clause
    }
}

/// The number `next` continues the one ending before token `end` (its unit included):
/// they make one number this tool does not compose, so neither is read alone. A number
/// with no unit, then right after it, or after at most five joining words, another:
/// `four four times` (read as 8, then 4), `forty 2 times` (2), `4 hundred times`, `four
/// point twenty-five times`, `three and four times` (7), `two dozen and three times` (3),
/// `four score and seven times` (7), `five by five times` (5). A speed-up, then another
/// number right after it or after a sign of a product: `2 × 2 times`, `four times four
/// times`, `2x by 2x` (each read as 2x, or 4x, where the claim says 4x or 16x).
fn joins_next(r: &Reader, end: usize, ends: Ends, next: &Num, nouns: &mut NounsBefore) -> bool {
    if next.first < end || !r.same_clause(end.saturating_sub(1), next.first) {
        return false;
    }
    let gap = end..next.first;
    // digits right after digits are each reported already ("40 2 times": the 40 is not
    // checked), and a run of them is read one by one ("since '24 5 billion records")
    let in_words = |k: usize| r.word(k).is_some();
    match ends {
        Ends::Bare if gap.is_empty() => in_words(end.saturating_sub(1)) || in_words(next.first),
        // "four / two times", "four · two times": one stray mark between a number in words
        // and another (digits, "4 / 2 times", are refused by the fraction reader); a spaced
        // hyphen is a range ("two - four times"), and a comma or semicolon ends a clause
        // ("for one, two times faster" claims 2x)
        Ends::Bare if gap.len() == 1 && matches!(r.sym(end), Some(c) if stray_mark(c)) => {
            in_words(end.saturating_sub(1)) || in_words(next.first)
        }
        Ends::Bare => {
            let noun_before = nouns.before(r, next.first);
            gap.len() <= 5
                && gap.clone().all(|k| {
                    r.same_clause(k, next.first) && (joins_always(r, k) || joins_a_figure(r, k, next, noun_before))
                })
        }
        Ends::Multiple => {
            gap.is_empty()
                || (gap.len() == 1
                    && (matches!(r.word(end), Some("by" | "times" | "x"))
                        || matches!(r.sym(end), Some('\u{d7}' | '*'))))
        }
        // "16.5 GB times two", "75% * 2"
        Ends::Unit => gap.len() == 1 && (r.word(end) == Some("times") || r.sym(end) == Some('*')),
    }
}

/// A mark that, alone between two numbers, joins them into nothing this tool reads: a
/// slash or a dot set in the middle of the line.
fn stray_mark(c: char) -> bool {
    matches!(c, '/' | '\u{b7}' | '\u{2022}' | '\u{2219}' | '\u{22c5}' | '\u{2044}' | '\u{2215}')
}

/// How a number ends, for [`joins_next`]: with no unit, with a multiplier (`x`, `times`,
/// `-fold`), or with another unit (`%`, `GB`), after which only a product joins a number.
#[derive(Clone, Copy)]
enum Ends {
    Bare,
    Multiple,
    Unit,
}

impl Ends {
    fn of(unit: Option<&Unit>) -> Ends {
        match unit {
            None => Ends::Bare,
            Some(Unit::Speedup) => Ends::Multiple,
            Some(_) => Ends::Unit,
        }
    }
}

/// The first token of words before a number at token `first` that compose with it into
/// a number this tool does not read, if any: `times` or `*` (`16.5 GB times two`: the
/// figure before was read alone), a decimal point in words before a number in words
/// (`point five times`, 0.5x, read as 5x), a collective no count was read with, joined
/// to it (`a score and seven times`), a multiple in words (`double 2x`, `twofold 2x`), a
/// word ending like a ten before a unit (`fourty two times`, `ninty-two`, `fourty 2`: a
/// ten misspelt, read as the unit alone).
fn composed_before(r: &Reader, first: usize, num_at: &[u32]) -> Option<usize> {
    // "four pt. two times": the full stop of the abbreviation ends no number
    let abbreviated = first.checked_sub(1).filter(|&k| {
        r.word(k) == Some("pt")
            && matches!((r.toks.get(k), r.toks.get(first)), (Some(a), Some(b)) if r.t.get(a.end as usize..b.start as usize) == Some(". "))
    });
    if let Some(from) = abbreviated.and_then(|k| number_at(num_at, k.wrapping_sub(1))) {
        return Some(from.0);
    }
    let prev = first.checked_sub(1).filter(|&k| r.same_clause(k, first))?;
    // every reading below starts from a word or a symbol before the number: after digits
    // (a run of bare numbers, "1 1 1 ...") there is none to look for
    if r.word(prev).is_none() && r.sym(prev).is_none() {
        return None;
    }
    let free = |k: usize| num_at.get(k).is_some_and(|&n| n == 0);
    let in_words = r.word(first).is_some();
    // a unit in words or one digit: what a ten would be followed by
    let unit = r.word(first).and_then(unit_word).is_some_and(|u| (1.0..=9.0).contains(&u))
        || r.digits(first).is_some_and(|d| d.len() == 1 && d != "0");
    let before = |k: usize| k.checked_sub(1).filter(|&b| r.same_clause(b, first));
    // "16.5 GB times two", "1 million records times two": a product of a figure read
    // before (not "at times", now and then)
    let product = (r.word(prev) == Some("times") && before(prev).is_none_or(|b| r.word(b) != Some("at")))
        || r.sym(prev) == Some('*');
    if product {
        return Some(prev);
    }
    match r.word(prev) {
        Some(w) if in_words && decimal_point_word(w) => return Some(prev),
        Some("double" | "triple" | "quadruple" | "twice" | "thrice") => return Some(prev),
        // "minus two times faster", "negative 2x": a sign in words, a figure below zero
        Some("minus" | "negative") => return Some(prev),
        // "twofold 2x faster": two multiples, one of the other
        Some(w) if w.strip_suffix("fold").and_then(fold_factor).is_some() => return Some(prev),
        Some(w) if unit && free(prev) && misspelt_ten(w) => return Some(prev),
        _ => {}
    }
    // "a score and seven", "fourscore and seven", "two-dozen-and-three": a glued hyphen
    // read through on either side of the `and`
    let hyphen = |k: usize| r.glued_hyphen(k);
    let through = |k: usize| if hyphen(k) { before(k) } else { Some(k) };
    let and = through(prev).filter(|&k| matches!(r.word(k), Some("and" | "plus")));
    if let Some(b) = and.and_then(before).and_then(through) {
        let collective = |w: &str| matches!(w, "scores" | "gross" | "dozen" | "dozens") || w.ends_with("score");
        if r.word(b).is_some_and(collective) && free(b) {
            return Some(b);
        }
    }
    // "ninty-two": a hyphen glued between
    if unit && r.glued_hyphen(prev) {
        let b = before(prev)?;
        if r.word(b).is_some_and(misspelt_ten) && free(b) {
            return Some(b);
        }
    }
    None
}

/// The first token of a number before token `k`, right before it or with only words
/// that join numbers between ([`joins_always`]): `forty tenfold`, `4 by twofold`.
fn number_joined_before(r: &Reader, k: usize, num_at: &[u32]) -> Option<usize> {
    let mut j = k.checked_sub(1)?;
    for _ in 0..=3 {
        if !r.same_clause(j, k) {
            return None;
        }
        if let Some((from, _)) = number_at(num_at, j) {
            return Some(from);
        }
        if !joins_always(r, j) {
            return None;
        }
        j = j.checked_sub(1)?;
    }
    None
}

/// The token of a word right after a number ending before token `k` that makes it
/// approximate, a count this tool does not read: `-some`, `-something`, `-ish` (glued or
/// after a hyphen: `twenty-some`, `20ish`), `plus` and `something` after a space too
/// (`twenty plus`). `twenty-some percent cost reduction` passed with no figure read.
fn approximate_after(r: &Reader, k: usize) -> Option<usize> {
    let hyphen = r.glued_hyphen(k);
    let at = if hyphen { k + 1 } else { k };
    let glued = hyphen || r.glued(k);
    let approximate = match r.word(at)? {
        "some" | "ish" => glued,
        "something" | "plus" => true,
        _ => false,
    };
    (approximate && r.same_clause(k.saturating_sub(1), at)).then_some(at)
}

/// A word that ends as a ten does and is none (`fourty`, `ninty`, `fivety`), or one
/// letter away from one and ending in `y` as it does (`twenny`, `nintey`).
fn misspelt_ten(w: &str) -> bool {
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    // asked of the word before most numbers: a few byte compares, no allocation; a ten
    // misspelt keeps its final `y` (`fourty`, `ninty`, `twenny`)
    w.ends_with('y')
        && (4..=9).contains(&w.len())
        && w.is_ascii()
        && unit_word(w).is_none()
        && (w.ends_with("ty") || w.ends_with("tey") || TENS.iter().any(|t| one_edit_apart(w.as_bytes(), t.as_bytes())))
}

/// `a` and `b` differ by at most one letter inserted, deleted or replaced.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (s, l) = (short.get(head..).unwrap_or_default(), long.get(head..).unwrap_or_default());
    match l.len() - s.len() {
        // one replaced: the rest after it the same
        0 => s.get(1..) == l.get(1..) || s.is_empty(),
        // one inserted in the longer
        _ => l.get(1..) == Some(s),
    }
}

/// `times` at token `k` before a comparative of speed (`faster`, `quicker`), its number
/// not read: a speed-up whose factor is a word this tool does not read ("umpteen times
/// faster", "countless times faster"). Not `at times faster` (now and then).
fn times_faster(r: &Reader, k: usize) -> bool {
    r.word(k) == Some("times")
        && r.word(k + 1).is_some_and(|w| ["faster", "quicker", "speedier", "sooner"].contains(&w))
        && r.same_clause(k, k + 1)
        && !(k > 0 && r.word(k - 1) == Some("at") && r.same_clause(k - 1, k))
}

/// A number from token `first` to `times` at token `last` that counts runs, not a speed-up:
/// right after a verb of repetition (`tested 3 times`, `ran three times`, `repeated 5
/// times`), with the clause ending after `times` or going on with a word that no figure
/// reads (`each`, `and`, `with`), and no comparative among the three tokens after it.
/// `tested 3 times faster`, `ran 3 times over the baseline` and `ran ten times, faster`
/// stay speed-ups: the reading never drops a figure that a comparative follows.
fn runs_counted(r: &Reader, first: usize, last: usize) -> bool {
    let verb = |w: &str| {
        matches!(
            w,
            "tested" | "ran" | "run" | "runs" | "rerun" | "reran" | "repeated" | "replicated" | "executed" | "retried"
        )
    };
    let ends = || {
        !r.same_clause(last, last + 1)
            || matches!(
                r.word(last + 1),
                Some("each" | "and" | "with" | "on" | "in" | "across" | "independently" | "per")
            )
    };
    // "ran ten times, faster", "ran ten times. Faster!": a comparative close after, even
    // past the clause's end, may be the speed-up's; not one that another figure holds,
    // after it ("and 2x faster") or right after the comparative ("and converged 2x faster")
    let figure = |j: usize| r.digits(j).is_some() || r.word(j).is_some_and(|w| crate::text::number_word(w).is_some());
    let near = || {
        (last + 1..last + 4).take_while(|&j| !figure(j)).any(|j| r.word(j).is_some_and(comparative) && !figure(j + 1))
    };
    r.word(last) == Some("times")
        && first.checked_sub(1).is_some_and(|k| r.same_clause(k, first) && r.word(k).is_some_and(verb))
        && ends()
        && !near()
}

/// `times`, `fold` or `x` glued to a comparative after it: `timesfaster`, `foldquicker`,
/// `xfaster`.
fn glued_multiplier(w: &str) -> bool {
    let rest = ["times", "fold", "x"].iter().find_map(|p| w.strip_prefix(p)).unwrap_or_default();
    !rest.is_empty() && comparative(rest)
}

/// A word of speed or a comparative, that may make the number before it a factor
/// (`faster`, `quicker`, `sooner`, `better`, `cheaper`, `less`).
fn comparative(w: &str) -> bool {
    names_speed(w)
        || matches!(
            w,
            "quicker"
                | "speedier"
                | "sooner"
                | "more"
                | "better"
                | "less"
                | "shorter"
                | "higher"
                | "lower"
                | "cheaper"
                | "smaller"
                | "improvement"
                | "improved"
        )
}

/// Words between a record noun and a number that make the number something else
/// ("records in 2 hours", "rows across 45 epochs", "records by 4 GPUs").
fn is_preposition(w: &str) -> bool {
    [
        "in", "on", "by", "for", "across", "per", "from", "after", "with", "using", "via", "during", "since", "until",
        "into", "every", "each",
    ]
    .contains(&w)
}

fn is_currency(w: &str) -> bool {
    ["usd", "eur", "gbp", "dollar", "dollars", "euro", "euros", "cents"].contains(&w)
}

/// A timestamp is a point in time, no span of it: `ISO 8601 timestamps` names no figure
/// (`timesteps`, `times` still do).
fn is_timestamp(w: &str) -> bool {
    matches!(w, "timestamp" | "timestamps" | "timestamped")
}

/// Words that name speed or time, which a speed-up factor measures.
fn names_speed(w: &str) -> bool {
    w == "faster"
        || (["speed", "time", "conver", "quick", "fast", "train"].iter().any(|p| w.starts_with(p)) && !is_timestamp(w))
}

/// A word that names a quantity other than speed or time: cost ("cheaper"), return,
/// memory, records, accuracy, privacy, quality, hardware, energy. A multiple with such a
/// word and no word of speed ("4x ROI", "4x less memory", "4x more records") is not the
/// convergence speed-up it was held against; a percentage with one is not the cost or
/// time savings its field defaults to ("20% less memory", "20% fewer GPUs").
fn names_other_metric(w: &str) -> bool {
    static OTHER: WordSet = WordSet::new(&[
        "memory",
        "mem",
        "ram",
        "vram",
        "footprint",
        "storage",
        "disk",
        "gpu",
        "gpus",
        "cpu",
        "cpus",
        "server",
        "servers",
        "node",
        "nodes",
        "machine",
        "machines",
        "hardware",
        "carbon",
        "co",
        "emission",
        "emissions",
        "energy",
        "power",
        "electricity",
        "watt",
        "watts",
        "quality",
        "data",
        "dataset",
        "datasets",
        "investment",
        "profit",
        "profits",
        "revenue",
        "margin",
        "margins",
        "budget",
        "price",
        "prices",
        "headcount",
        "staff",
        "people",
        "engineers",
        "parameters",
        "params",
        "model",
        "models",
        "size",
        "smaller",
        "larger",
        "bigger",
        "throughput",
        "capacity",
        "coverage",
        "recall",
        "precision",
        "error",
        "errors",
        "loss",
        "customers",
        "users",
        "inference",
        "serving",
        "queries",
        "latency",
        "deployment",
        "onboarding",
        "predictions",
    ]);
    matches!(percent_target(w), Some(t) if t != PercentOf::TimeSavings)
        || mem_unit(w).is_some()
        || is_record_noun(w)
        || OTHER.contains(w)
}

/// A word that names a process other than training, whose speed the convergence
/// speed-up does not measure: inference, serving, queries, loading, deployment.
fn names_other_process(w: &str) -> bool {
    matches!(
        w,
        "inference"
            | "inferences"
            | "serving"
            | "query"
            | "queries"
            | "querying"
            | "loading"
            | "deployment"
            | "deployments"
            | "onboarding"
            | "prediction"
            | "predictions"
            | "scoring"
            | "latency"
            | "startup"
            | "ingestion"
            | "export"
            | "exports"
            | "import"
            | "imports"
            | "retrieval"
            | "lookup"
            | "lookups"
            | "search"
            | "searches"
            | "requests"
            | "responses"
    )
}

/// A word that names training or convergence: beside a speed-up, the training's.
fn names_training(w: &str) -> bool {
    w.starts_with("train") || w.starts_with("conver") || w.starts_with("epoch")
}

/// The process a figure's clause names, read outwards from the figure (`after` in reading
/// order, `before` too) as far as the clause goes: the nearest word naming training or
/// another process decides. A window of three words after it read "4.2x faster than
/// competitors at inference" as the training's speed-up and passed it beside 4.2.
fn other_process_in_clause<'w>(after: &[(usize, &'w str)], before: &[(usize, &'w str)]) -> Option<&'w str> {
    let mut before = before.iter().rev();
    let mut after = after.iter();
    loop {
        let (a, b) = (after.next(), before.next());
        if a.is_none() && b.is_none() {
            return None;
        }
        for &(_, w) in a.into_iter().chain(b) {
            if names_training(w) {
                return None;
            }
            if names_other_process(w) {
                return Some(w);
            }
        }
    }
}

fn other_process_why(w: &str) -> Cow<'static, str> {
    format!(
        "its words (\"{w}\") name the speed of something other than the training convergence the bundle reports; \
         not held against it"
    )
    .into()
}

/// A word that names memory, which a size held against peak memory measures.
fn names_memory(w: &str) -> bool {
    matches!(w, "memory" | "mem" | "ram" | "vram" | "hbm" | "heap" | "peak" | "footprint" | "usage")
}

/// A word that names the trained model, whose size `model_size_mb` reports.
fn names_model(w: &str) -> bool {
    matches!(w, "model" | "models")
}

/// Words after a record count that name a part of the data rather than the records the run
/// processed: a split (`test set`, `validation split`, `eval set`, `holdout`): "2 million
/// records in the test set" was held against `records_processed` and rejected an honest
/// bundle. The split words alone (`test`, `validation`) are not enough: "1 million records
/// generated in a load test" is the run's.
fn names_data_part(words: &[&str]) -> Option<String> {
    const SPLIT: &[&str] = &["test", "testing", "validation", "eval", "evaluation", "holdout", "dev", "calibration"];
    const PART: &[&str] = &["set", "sets", "split", "splits", "partition", "partitions", "subset", "fold", "folds"];
    words.iter().enumerate().find_map(|(i, w)| {
        if matches!(*w, "holdout" | "subset") {
            return Some((*w).to_owned());
        }
        let next = words.get(i + 1)?;
        (SPLIT.contains(w) && PART.contains(next)).then(|| format!("{w} {next}"))
    })
}

/// A word that names the size of something that is neither peak memory nor the model:
/// the data, its storage, files ("a 2 TB dataset", "500 GB of storage").
fn names_other_size(w: &str) -> bool {
    matches!(
        w,
        "data"
            | "dataset"
            | "datasets"
            | "corpus"
            | "table"
            | "tables"
            | "storage"
            | "disk"
            | "disks"
            | "ssd"
            | "file"
            | "files"
            | "checkpoint"
            | "checkpoints"
            | "artifact"
            | "artifacts"
            | "cache"
            | "logs"
            | "download"
            | "upload"
            | "bandwidth"
            | "traffic"
            | "input"
            | "output"
            | "weights"
            | "embeddings"
            | "image"
            | "container"
            | "bundle"
    )
}

/// A word that says a cost or a time went up, the opposite of the savings a percentage
/// of cost or time savings is held against ("Costs 75% higher", "a 75% cost increase",
/// "cost overrun of 75%", "75% more expensive", "75% longer").
fn against_saving(w: &str) -> bool {
    [
        "higher",
        "increase",
        "increased",
        "increases",
        "increasing",
        "rise",
        "rises",
        "rose",
        "risen",
        "overrun",
        "overruns",
        "overspend",
        "overspent",
        "expensive",
        "costlier",
        "pricier",
        "dearer",
        "slower",
        "longer",
    ]
    .contains(&w)
}

/// A word that says the run was slower, the opposite of a speed-up ("4.2x slower",
/// "4.2x longer", "a 4.2x slowdown"; "4.2 times as long" is read by [`opposite_words`]).
fn against_speedup(w: &str) -> bool {
    ["slower", "slowdown", "slowed", "longer", "lengthier"].contains(&w)
}

/// The word of a claim that states the opposite direction of the metric its number is
/// held against, among the two words before the number and the two after it:
/// "Costs 75% higher" is no 75 % saving, "4.2x slower" no 4.2x speed-up. Such a claim is
/// reported unchecked, never held against the metric (where it passed).
fn opposite_words<'w>(
    quantity: &Quantity,
    before: &[(usize, &'w str)],
    after: &[(usize, &'w str)],
    sign: Option<char>,
) -> Option<Cow<'static, str>> {
    let near = || before.iter().rev().take(2).chain(after.iter().take(2)).map(|(_, w)| *w);
    let hit = match quantity {
        Quantity::Percent { of: PercentOf::CostSavings | PercentOf::TimeSavings, .. } => {
            // "Costs up 75%" (not "up to 75%"), "+75% cost"
            let up = before.last().is_some_and(|(_, w)| *w == "up");
            near()
                .find(|w| against_saving(w))
                .map(str::to_owned)
                .or_else(|| up.then(|| "up".to_owned()))
                .or_else(|| (sign == Some('+')).then(|| "+".to_owned()))
        }
        Quantity::Speedup { .. } => {
            let as_long = matches!(after, [(_, "as"), (_, "long"), ..]);
            near()
                .find(|w| against_speedup(w))
                .map(str::to_owned)
                .or_else(|| as_long.then(|| "as long".to_owned()))
                // "-4.2x faster": a speed-up below zero is no speed-up (it was read as 4.2x)
                .or_else(|| (sign == Some('-')).then(|| "-".to_owned()))
        }
        _ => None,
    }?;
    Some(Cow::Owned(format!(
        "its words (\"{hit}\") state the opposite of the {} the bundle reports; not held against it",
        match quantity {
            Quantity::Speedup { .. } => "speed-up",
            _ => "savings",
        }
    )))
}

/// Seconds per unit of a rate's time word ("/s", "per second", "/h", "a day").
fn per_time(w: &str) -> Option<f64> {
    Some(match w {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
        "day" | "days" => 86400.0,
        _ => return None,
    })
}

/// The rate after a record noun, as [`rate_after`] reads it.
enum Rate {
    /// Seconds per time unit, and the token after the rate.
    Read(f64, usize),
    /// A rate with words between it and the noun that make it unsure ("records per GPU
    /// per second", "records in a second"); the token after the rate.
    Unsure(usize),
    None,
}

/// Tokens after a record noun that a rate may stand in.
const RATE_WINDOW: usize = 8;

/// The rate after the record noun at token `k`, before token `limit` (the next number):
/// `/` or `per`, `a`, `an`, `every`, `each` before a time unit ("records/sec", "records
/// per second", "records a second", "records every second"), right after the noun or
/// after words that are no preposition and no conjunction ("records generated per
/// second"). Read only "records per second", the other forms were read as a count of
/// records, 7,200 times too high for the run, and passed. Looks at [`RATE_WINDOW`]
/// tokens.
fn rate_after(r: &Reader, k: usize, next: Option<(usize, usize)>) -> Rate {
    let limit = next.map_or(r.toks.len(), |(first, _)| first);
    let end = limit.min(k + 1 + RATE_WINDOW);
    // the time unit after a rate word at `j`, a hyphen read as a space ("per-second")
    let rate_at = |j: usize| -> Option<(f64, usize)> {
        let rate_word = r.sym(j) == Some('/') || matches!(r.word(j), Some("per" | "a" | "an" | "every" | "each"));
        let t = if r.glued_hyphen(j + 1) { j + 2 } else { j + 1 };
        r.word(t).and_then(per_time).filter(|_| rate_word).map(|secs| (secs, t + 1))
    };
    // a time unit raised to the power -1 at `j`, all glued ("s^-1", "sec−1", and "s⁻¹",
    // which the normalised text spells "s-^1"), and the token after it; "s^-1.5", "s-10"
    // are another power
    let inverse_at = |j: usize| -> Option<(f64, usize)> {
        // a capital is no SI time unit: "records S-1" names a filing
        let secs = r.word(j).filter(|_| !r.upper(j)).and_then(per_time)?;
        let glued_sym = |i: usize, c: &[char]| r.glued(i) && r.sym(i).is_some_and(|s| c.contains(&s));
        let minus = ['-', '\u{2212}', '\u{2010}', '\u{2011}'];
        let mut i = j + 1;
        let caret = glued_sym(i, &['^']);
        i += usize::from(caret);
        if !glued_sym(i, &minus) {
            return None;
        }
        i += 1;
        i += usize::from(!caret && glued_sym(i, &['^']));
        let more =
            r.glued(i + 1) && matches!(r.toks.get(i + 1).map(|t| t.kind), Some(Kind::Digits | Kind::Sym('.' | ',')));
        (r.digits(i) == Some("1") && r.glued(i) && !more).then_some((secs, i + 1))
    };
    let mut clean = true;
    for j in k + 1..end {
        // "records·s⁻¹", "records s^-1": a unit's product with an inverse time, right
        // after the noun or glued to it by a multiplication dot; read as a count of
        // records before, which rejected an honest "139 records·s⁻¹" of a run of 2,000
        let dot = j == k + 1
            && matches!(r.sym(j), Some('\u{B7}' | '\u{22C5}' | '\u{2219}' | '*'))
            && r.glued(j)
            && r.glued(j + 1);
        if let Some((secs, e)) = inverse_at(if dot { j + 1 } else { j }).filter(|_| j == k + 1) {
            return Rate::Read(secs, e);
        }
        if !r.same_clause(k, j) {
            // "1 million records, every second": a rate right after the clause ends
            return rate_at(j).map_or(Rate::None, |(_, e)| Rate::Unsure(e));
        }
        if let Some((secs, e)) = rate_at(j) {
            return if clean { Rate::Read(secs, e) } else { Rate::Unsure(e) };
        }
        // "records processed hourly"
        let adverb = match r.word(j) {
            Some("hourly") => Some(3600.0),
            Some("daily") => Some(86400.0),
            _ => None,
        };
        if let Some(secs) = adverb {
            return if clean { Rate::Read(secs, j + 1) } else { Rate::Unsure(j + 1) };
        }
        clean &= r.word(j).is_some_and(|w| !is_preposition(w) && !["and", "or", "but", "plus"].contains(&w));
    }
    // "records per 1 second", "records every 1.5 seconds": the time unit after a number
    if let Some((first, last)) = next.filter(|&(first, _)| first > k && first <= k + RATE_WINDOW) {
        let rate_word = matches!(r.word(first - 1), Some("per" | "every" | "each"));
        if rate_word && r.word(last).and_then(per_time).is_some() && r.same_clause(k, last) {
            return Rate::Unsure(last + 1);
        }
    }
    Rate::None
}

/// The metric a word names, for percentages.
/// Marks drawn like a grouping mark that this tool does not read as one: between digit
/// groups (`1‚000‚000` with a low-9 quote, `1′000′000` with a prime) they make the whole
/// run a number not read, never a number of its last group (`000 records` read as 0).
const LOOK_ALIKE_GROUP_MARKS: &[char] = &[
    '`', '\u{B4}', '\u{2D9}', '\u{5F3}', '\u{60C}', '\u{2018}', '\u{201A}', '\u{2027}', '\u{2032}', '\u{2219}',
    '\u{22C5}',
];

fn percent_target(w: &str) -> Option<PercentOf> {
    Some(match w {
        w if w.starts_with("cost") || w.starts_with("saving") || w == "cheaper" || w == "spend" => {
            PercentOf::CostSavings
        }
        w if (w.starts_with("time") && !is_timestamp(w)) || w == "faster" => PercentOf::TimeSavings,
        w if w.starts_with("fidelity") => PercentOf::StatisticalFidelity,
        w if w.starts_with("privacy") => PercentOf::PrivacyScore,
        w if w.starts_with("utility") => PercentOf::UtilityScore,
        w if w.starts_with("accura") => PercentOf::Accuracy,
        w if w.starts_with("synthetic") => PercentOf::SyntheticRatio,
        "roi" | "return" => PercentOf::Roi,
        _ => return None,
    })
}

/// The metric the words before a percentage name.
#[derive(Debug, PartialEq)]
enum Subject {
    None,
    One(PercentOf),
    Two(PercentOf, PercentOf),
}

/// The metric the words before a percentage name, read like the words after it: a
/// `saving` word names cost savings only when no other metric word is with it ("Training
/// time savings: 75%" is time savings, as "75% time savings" is); two different metrics
/// ("Cost and time savings: 75%") are [`Subject::Two`].
fn subject_before(words: &[(usize, &str)]) -> Subject {
    let generic = |w: &str| w.starts_with("saving");
    let mut found: Option<PercentOf> = None;
    let mut saving = false;
    for (_, w) in words {
        if generic(w) {
            saving = true;
            continue;
        }
        match (found, percent_target(w)) {
            (Some(a), Some(b)) if a != b => return Subject::Two(a, b),
            (_, Some(b)) => found = Some(b),
            _ => {}
        }
    }
    match (found, saving) {
        (Some(t), _) => Subject::One(t),
        (None, true) => Subject::One(PercentOf::CostSavings),
        (None, false) => Subject::None,
    }
}

/// A word that makes a cost or time cut ("cut to 25%", "down to 25%"; "cut 75%").
fn is_cut_word(w: &str) -> bool {
    [
        "cut",
        "cuts",
        "down",
        "reduce",
        "reduced",
        "reduces",
        "reducing",
        "lowered",
        "lower",
        "lowers",
        "fell",
        "fall",
        "falls",
        "dropped",
        "drop",
        "drops",
        "decreased",
        "decrease",
        "decreases",
        "shrunk",
        "shrank",
        "shrink",
        "shrinks",
        "slashed",
        "slash",
        "slashes",
        "trimmed",
        "trim",
        "trims",
        "declined",
        "declines",
        "brought",
        "went",
        "goes",
        "go",
    ]
    .contains(&w)
}

/// A word that says what was saved ("saves 75% of the cost", "75% of the cost eliminated").
fn is_saved_word(w: &str) -> bool {
    w.starts_with("sav")
        || w.starts_with("eliminat")
        || w.starts_with("remov")
        || w.starts_with("avoid")
        || w == "off"
        || (is_cut_word(w) && !["down", "brought", "went", "goes", "go"].contains(&w))
}

/// Where a percentage of cost or time states the share that remains, not the share
/// saved: "cut to 25%", "down to under 25%" (a cut word, then `to`, at most two words
/// before the number), "25% of the cost", "takes 24% of the time" (`of` right after it,
/// no word of saving in the two words before it or the four after `of`), "25% as much",
/// "24% as long". Returns the token the phrase starts at and the one after it ends;
/// `after` is the token after the `%`.
fn remaining_share(before: &[(usize, &str)], after_words: &[(usize, &str)], after: usize) -> Share {
    let near: Vec<&(usize, &str)> = before.iter().rev().take(4).collect();
    if let Some(p) = near.iter().take(3).position(|(_, w)| *w == "to") {
        match near.get(p + 1) {
            Some((k, w)) if is_cut_word(w) => return Share::Remaining(*k, after),
            // "from 100% to 25%": the new value of a subject not read here
            None => return Share::Unsure,
            _ => {}
        }
    }
    match after_words {
        [(k, "of"), rest @ ..] if *k == after => {
            let saved = near.iter().take(2).any(|(_, w)| is_saved_word(w))
                || rest.iter().take(4).any(|(_, w)| is_saved_word(w));
            if saved {
                Share::Saved
            } else {
                Share::Remaining(after, after + 1)
            }
        }
        [(k, "as"), (m, "much" | "long"), ..] if *k == after && *m == after + 1 => Share::Remaining(after, after + 2),
        // "half the time", "a third the cost" ("saves half the cost" is saved)
        [(k, "the"), (m, w), ..] if *k == after && *m == after + 1 && percent_target(w).is_some() => {
            if near.iter().take(2).any(|(_, w)| is_saved_word(w)) {
                Share::Saved
            } else {
                Share::Remaining(after, after + 2)
            }
        }
        _ => Share::Saved,
    }
}

/// A word after a percentage that names another quantity, then a conjunction, before the
/// metric word at token `target` ("20% fewer GPUs and lower cost"; not "75% reduction
/// in GPU costs"): the figure may be that quantity's.
fn other_before_target<'w>(after: &[(usize, &'w str)], target: usize) -> Option<&'w str> {
    let head = after.get(..after.iter().take_while(|(k, _)| *k < target).count())?;
    let conj = head.iter().position(|(_, w)| ["and", "or", "plus", "with", "while"].contains(w))?;
    head.get(..conj)?.iter().find(|(_, w)| names_other_metric(w) && percent_target(w).is_none()).map(|(_, w)| *w)
}

/// Words that end the subject of a percentage after it ("75% reduction vs traditional
/// methods", "20% less memory for training").
const SUBJECT_ENDS: [&str; 22] = [
    "vs", "versus", "than", "compared", "relative", "against", "over", "from", "when", "while", "across", "at", "on",
    "with", "using", "via", "thanks", "due", "through", "by", "and", "for",
];

/// A word among the three after a percentage, before a word that ends its subject, that
/// names another quantity than the metric the words before it name ("Savings: 75%
/// fewer GPUs"; not "Cost savings of 75% achieved in production").
fn other_after<'w>(after: &[(usize, &'w str)]) -> Option<&'w str> {
    after
        .iter()
        .take(3)
        .take_while(|(_, w)| !SUBJECT_ENDS.contains(w))
        .find(|(_, w)| names_other_metric(w))
        .map(|(_, w)| *w)
}

/// What a percentage of cost or time savings states, as [`remaining_share`] reads it.
enum Share {
    /// The share saved (as read so far).
    Saved,
    /// The share that remains: the tokens its phrase starts at and ends before.
    Remaining(usize, usize),
    /// A figure after `to` with no word before it ("from 100% to 25%").
    Unsure,
}

/// The word around a percentage that names a quantity other than its field's default
/// (cost savings in `efficiency_achieved`, time savings in `performance_improvement`):
/// among the three words before it one that names another quantity ("Memory down
/// 20%"), or after it, before a word that ends the subject (`vs`, `than`, `compared`,
/// `by`, `for`, `and`, ...), a word that is not one of comparison, direction or speed
/// ("20% less memory", "20% fewer GPUs", "20% lower carbon footprint"). These were held
/// against the default and passed.
fn names_no_default<'w>(before: &[(usize, &'w str)], after: &[(usize, &'w str)]) -> Option<&'w str> {
    const PLAIN: [&str; 48] = [
        "as",
        "much",
        "long",
        "shorter",
        "reduction",
        "reductions",
        "reduced",
        "reduce",
        "reduces",
        "reducing",
        "lower",
        "lowered",
        "less",
        "fewer",
        "more",
        "improvement",
        "improvements",
        "improved",
        "better",
        "gain",
        "gains",
        "efficiency",
        "efficient",
        "overall",
        "total",
        "net",
        "decrease",
        "decreased",
        "drop",
        "cut",
        "cuts",
        "down",
        "boost",
        "traditional",
        "methods",
        "method",
        "baseline",
        "achieved",
        "delivered",
        "realized",
        "realised",
        "demonstrated",
        "proven",
        "observed",
        "in",
        "of",
        "the",
        "average",
    ];
    if let Some((_, w)) = before.iter().rev().take(3).find(|(_, w)| names_other_metric(w)) {
        return Some(w);
    }
    for (_, w) in after.iter().take(8) {
        if SUBJECT_ENDS.contains(w) {
            return None;
        }
        if !PLAIN.contains(w) && !names_speed(w) && !against_saving(w) {
            return Some(w);
        }
    }
    None
}

/// The percentage target a claim field implies when its words name none.
fn field_default(field: &str) -> Option<PercentOf> {
    match field {
        "efficiency_achieved" => Some(PercentOf::CostSavings),
        "performance_improvement" => Some(PercentOf::TimeSavings),
        _ => None,
    }
}

/// A number as read: `value` in units of `mult`, with the decimals it shows.
#[derive(Debug, Clone, Copy)]
struct Num {
    /// NaN for a number written with a power of ten this tool does not read (see
    /// [`Num::unread`]); no such number reaches a mention.
    value: f64,
    mult: f64,
    decimals: u32,
    first: usize,
    /// One past the last token of the number (magnitudes included).
    last: usize,
    /// A vague multiple of a magnitude ("hundreds of millions", "several million"),
    /// read as the least it can mean: a floor, not a count.
    at_least: bool,
    /// A fraction with no magnitude or unit after it ("reduced by a third"): a share,
    /// read as a percentage (`value` x `mult` = 100).
    share: bool,
}

/// The largest power of ten read ("1e30", "10^30"). Beyond it ("1e400 records") the
/// number was once read as its mantissa alone, and a claim of 10^400 records held
/// against a record count of 1 passed; now it is reported as not checked.
const MAX_EXPONENT: i32 = 30;

impl Num {
    /// Tokens `first..last` make a number with a power of ten beyond [`MAX_EXPONENT`]
    /// (or one too long to parse): taken whole, so that neither its mantissa nor its
    /// exponent is read as a number of its own, and reported as not checked.
    fn unread(first: usize, last: usize) -> Num {
        Num { value: f64::NAN, mult: 1.0, decimals: 0, first, last, at_least: false, share: false }
    }

    fn is_unread(&self) -> bool {
        self.value.is_nan()
    }
}

struct Reader<'t> {
    t: &'t str,
    /// The text before normalisation, for the one question it answers: which spaces
    /// were typographic ones (thin, narrow no-break, no-break), which only group digits.
    norm: &'t crate::audit::normalize::Normalized<'t>,
    toks: Vec<Tok>,
    /// The lower-cased words, one after another.
    lower: String,
    /// Where each `>` that closes a markup tag starts, in order ([`tag_ends`]).
    tag_ends: Vec<u32>,
}

impl Reader<'_> {
    /// Token `i` is a `>` that closes a markup tag (`<b>`, `<span class="x">`, `<br/>`).
    fn closes_tag(&self, i: usize) -> bool {
        self.sym(i) == Some('>') && self.toks.get(i).is_some_and(|t| self.tag_ends.binary_search(&t.start).is_ok())
    }
    fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i)?.kind {
            Kind::Word { lower: (from, to), .. } => self.lower.get(from as usize..to as usize),
            _ => None,
        }
    }
    fn upper(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| &t.kind), Some(Kind::Word { upper: true, .. }))
    }
    fn sym(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Sym(c) => Some(c),
            _ => None,
        }
    }
    fn digits(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        matches!(t.kind, Kind::Digits).then(|| self.t.get(t.range())).flatten()
    }
    /// Token `i` starts right where token `i - 1` ends (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && matches!((self.toks.get(i - 1), self.toks.get(i)), (Some(a), Some(b)) if a.end == b.start)
    }
    /// A hyphen at token `k` glued on both sides, joining two words into one
    /// (`seventy-five`, `four-point-two`, `twenty-some`).
    fn glued_hyphen(&self, k: usize) -> bool {
        self.sym(k) == Some('-') && self.glued(k) && self.glued(k + 1)
    }
    /// Digits at token `i` glued to a word of ASCII letters before them, which makes them
    /// part of an identifier (`sha256`, `v2`, `TLSv1`). A word of other letters does not
    /// (`ᴖ10x`, `ஃ10x`: no identifier is written with them, and they hid the figure), nor
    /// does a multiplier or unit after the digits, glued or not (`v10x`, `v10 x`, `v10%`: a
    /// figure with a letter before it, read as that figure).
    fn identifier(&self, i: usize) -> bool {
        let ascii = || self.word(i.wrapping_sub(1)).is_some_and(|w| w.bytes().all(|b| b.is_ascii_alphabetic()));
        // asked last: the number reader asks this of every token of digits
        self.glued(i) && ascii() && unit_after(self, i + 1).is_none()
    }
    /// Token `i` follows token `i - 1` after exactly one space, in the same clause.
    fn one_space(&self, i: usize) -> bool {
        i > 0
            && matches!((self.toks.get(i - 1), self.toks.get(i)), (Some(a), Some(b))
                if b.start == a.end.saturating_add(1) && a.clause == b.clause && self.t.as_bytes().get(a.end as usize) == Some(&b' '))
    }
    /// Token `i` follows token `i - 1` after one space that was a typographic one in the
    /// original (U+00A0, U+2009, U+202F, ...: a space between digit groups, never between
    /// two numbers).
    fn typographic_space(&self, i: usize) -> bool {
        self.one_space(i)
            && self.toks.get(i - 1).is_some_and(|a| self.norm.original_of(a.end as usize..a.end as usize + 1) != " ")
    }

    /// Token `k` continues the digits before it: a grouping or decimal mark glued to
    /// digits on both sides (`,` `.` `'` `’` `٫` `٬` `·`, or a mark drawn like one that
    /// is none, [`LOOK_ALIKE_GROUP_MARKS`]), or digits after a typographic space.
    fn continues_digits(&self, k: usize) -> bool {
        let mark = self.sym(k).is_some_and(|c| {
            matches!(c, ',' | '.' | '\'' | '\u{2019}' | '\u{66B}' | '\u{66C}' | '\u{B7}' | '_')
                || LOOK_ALIKE_GROUP_MARKS.contains(&c)
                || crate::text::drawn_as_mark(c)
        }) && self.glued(k)
            && self.glued(k + 1)
            && self.digits(k + 1).is_some();
        mark || (self.digits(k).is_some() && self.typographic_space(k))
    }

    /// The end of the run of digit groups that token `k` continues ([`Self::continues_digits`]).
    fn digit_run_end(&self, mut k: usize) -> usize {
        while self.continues_digits(k) {
            k += if self.digits(k).is_some() { 1 } else { 2 };
        }
        k
    }

    /// The end of a number not read whose digit groups run on to token `k`
    /// ([`Self::digit_run_end`]), past a power glued to it (`^6`, `**6`, `e6`, `e+6`; a
    /// superscript `⁶` is `^6` after normalisation): the power is part of the number, and
    /// was read alone ("2·10⁶ records" claimed 6 records).
    fn unread_end(&self, k: usize) -> usize {
        let k = self.digit_run_end(k);
        let digits_at = |at: usize| self.digits(at).is_some() && self.glued(at);
        match (self.sym(k), self.sym(k + 1), self.word(k)) {
            (Some('^'), _, _) if self.glued(k) && digits_at(k + 1) => k + 2,
            (Some('*'), Some('*'), _) if self.glued(k) && self.glued(k + 1) && digits_at(k + 2) => k + 3,
            (_, _, Some("e")) if self.glued(k) => match self.sym(k + 1) {
                Some('+' | '-') if self.glued(k + 1) && digits_at(k + 2) => k + 3,
                _ if digits_at(k + 1) => k + 2,
                _ => k,
            },
            _ => k,
        }
    }

    fn same_clause(&self, a: usize, b: usize) -> bool {
        matches!((self.toks.get(a), self.toks.get(b)), (Some(x), Some(y)) if x.clause == y.clause)
    }

    fn foreign(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Foreign))
    }

    /// A number written with digits of another script at token `i` (ASCII digits glued
    /// to them and grouping or decimal marks between them included), with the
    /// magnitudes after it: taken whole and not read ([`Num::unread`]), so that neither
    /// "million" alone nor a part in ASCII digits is read as the claim.
    fn foreign_number(&self, i: usize) -> Num {
        let digit = |k: usize| self.foreign(k) || self.digits(k).is_some();
        let mut k = i + 1;
        loop {
            let mark =
                matches!(self.sym(k), Some(',' | '.' | '\'' | '\u{2019}' | '\u{66B}' | '\u{66C}' | '\u{B7}' | '_'))
                    && self.glued(k)
                    && self.glued(k + 1)
                    && digit(k + 1);
            if mark {
                k += 2;
            } else if digit(k) && (self.glued(k) || (self.one_space(k) && self.foreign(k))) {
                k += 1;
            } else {
                break;
            }
        }
        let mut num = Num::unread(i, k);
        self.magnitudes(&mut num);
        num
    }

    /// A number in digits starting at token `i`.
    /// The power of ten written as the digits at token `at`, glued to what precedes
    /// them: None when there are none, Some(None) when it is beyond [`MAX_EXPONENT`] (or
    /// too long to parse), which makes the whole number [`Num::unread`].
    fn power(&self, at: usize) -> Option<Option<i32>> {
        let digits = self.digits(at).filter(|_| self.glued(at))?;
        Some(digits.parse::<i32>().ok().filter(|e| *e <= MAX_EXPONENT))
    }

    fn digits_number(&self, i: usize) -> Option<Num> {
        let first = self.digits(i)?;
        // borrowed until a group is added: most numbers have none, and a statement of
        // bare numbers made two allocations per number
        let mut int = Cow::Borrowed(first);
        let mut frac = "";
        let mut j = i + 1;
        // thousands grouping: one separator, groups of three; the apostrophes (Swiss
        // `1’000’000`), the Arabic thousands separator `٬`, the middle dot and the
        // underscore of programming languages (`1_000_000`) too
        let group_sep = |j: usize| -> Option<(char, usize)> {
            if let Some(c) = self.sym(j) {
                let ok = matches!(c, ',' | '.' | '\'' | '\u{2019}' | '\u{66C}' | '\u{B7}' | '_')
                    && self.glued(j)
                    && self.glued(j + 1);
                return (ok && self.digits(j + 1)?.len() == 3).then_some((c, j + 1));
            }
            (self.digits(j)?.len() == 3 && self.one_space(j)).then_some((' ', j))
        };
        let mut sep_used: Option<char> = None;
        if first.len() <= 3 {
            while let Some((c, g)) = group_sep(j) {
                // separators mixed: a decimal mark is for the decimals below ("1 000,5",
                // "1’000.5"); any other ("1’000 500", "1,000’500") leaves the group unknown
                if sep_used.is_some_and(|s| s != c) {
                    if matches!(c, '.' | ',') {
                        break;
                    }
                    return Some(Num::unread(i, self.unread_end(g + 1)));
                }
                // one dot group alone is a decimal point ("1.000" reads as 1); one
                // middle-dot group alone may be either (the British decimal point):
                // left to the check below, which does not read it
                if matches!(c, '.' | '\u{B7}')
                    && sep_used.is_none()
                    && !matches!(group_sep(g + 1), Some((d, _)) if d == c)
                {
                    break;
                }
                if let Some(d) = self.digits(g) {
                    int.to_mut().push_str(d);
                }
                sep_used = Some(c);
                j = g + 1;
            }
        }
        // decimals: '.' unless dots grouped; ',' when it is not a grouping comma
        if let (Some(c), Some(d)) = (self.sym(j), self.digits(j + 1)) {
            let decimal = match c {
                '.' => sep_used != Some('.'),
                // the Arabic decimal separator is never a grouping mark
                '\u{66B}' => true,
                ',' => sep_used != Some(',') && (d.len() != 3 || sep_used == Some('.') || sep_used == Some(' ')),
                _ => false,
            };
            if decimal && self.glued(j) && self.glued(j + 1) {
                frac = d;
                j += 2;
            }
        }
        // Digit groups go on past what was read (a group of other than three digits,
        // separators mixed, a mark that is no decimal point here, digits after a
        // typographic space): the number is not read, whole, so that its last group is
        // never read alone ("1’00’500 records" is no claim of 500 records).
        if self.continues_digits(j) {
            return Some(Num::unread(i, self.unread_end(j)));
        }
        let text = if frac.is_empty() { int } else { Cow::Owned(format!("{int}.{frac}")) };
        // beyond the range of a double ("1,000,000,..." of 400 groups): not read, whole,
        // so that neither its groups are read alone nor each read again from the next
        // most numbers are a few digits: read exactly as an integer (below 2^53), without
        // the float parser
        let small = (text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<u64>().ok());
        let value = small.flatten().map(|n| n as f64).or_else(|| text.parse::<f64>().ok());
        let Some(value) = value.filter(|v| v.is_finite()) else {
            return Some(Num::unread(i, j));
        };
        let plain = frac.is_empty() && sep_used.is_none();
        if let Some(num) = fractions::digits(self, i, j, plain) {
            return Some(num);
        }
        let mut num =
            Num { value, mult: 1.0, decimals: frac.len() as u32, first: i, last: j, at_least: false, share: false };
        // exponent: 1.0e9, 1e+9
        if self.word(j) == Some("e") && self.glued(j) {
            let (sign, k) = match self.sym(j + 1) {
                Some('+') if self.glued(j + 1) => (1, j + 2),
                Some('-') if self.glued(j + 1) => (-1, j + 2),
                _ => (1, j + 1),
            };
            match self.power(k) {
                Some(Some(e)) => {
                    num.mult = 10f64.powi(sign * e);
                    num.last = k + 1;
                }
                Some(None) => return Some(Num::unread(i, k + 1)),
                None => {}
            }
        }
        // power of ten: 10^9, 10**9
        let caret = match (self.sym(num.last), self.sym(num.last + 1)) {
            (Some('^'), _) => Some(1),
            (Some('*'), Some('*')) if self.glued(num.last + 1) => Some(2),
            _ => None,
        };
        if let Some(width) = caret.filter(|_| text == "10" && self.glued(num.last)) {
            let at = num.last + width;
            match self.power(at) {
                Some(Some(e)) => {
                    num.value = 1.0;
                    num.mult = 10f64.powi(e);
                    num.last = at + 1;
                }
                Some(None) => return Some(Num::unread(i, at + 1)),
                None => {}
            }
        }
        // scientific notation: "1 × 10^9", "1x10^9", "1.5 x 10^9"
        let t = num.last;
        if num.mult == 1.0
            && (self.sym(t) == Some('\u{d7}') || self.word(t) == Some("x"))
            && self.digits(t + 1) == Some("10")
            && self.sym(t + 2) == Some('^')
            && self.glued(t + 2)
            && self.glued(t + 3)
        {
            match self.power(t + 3) {
                Some(Some(e)) => {
                    num.mult = 10f64.powi(e);
                    num.last = t + 4;
                }
                Some(None) => return Some(Num::unread(i, t + 4)),
                None => {}
            }
        }
        self.magnitudes(&mut num);
        Some(num)
    }

    /// Magnitudes after a number: "1M", "1 billion", "one thousand million"; a collective
    /// word right after the count multiplies the count ("a dozen million" is 12 x 10^6, not
    /// one unit of 12 x 10^6, so it is compared to the million); "-odd" after the count or a
    /// magnitude makes the number a floor ("a dozen-odd", "forty-odd million"), and "or so"
    /// after it an approximation, held as the figure ("a dozen or so times faster" is 12x).
    fn magnitudes(&self, num: &mut Num) {
        let mut k = num.last;
        // every reading below starts from a word or a symbol after the number: before
        // digits or at the end (a run of bare numbers, "1 1 1 ...") there is none to look for
        if self.word(k).is_none() && self.sym(k).is_none() {
            return;
        }
        if num.mult == 1.0 {
            // "a dozen dozen" is 144
            while let Some((c, next)) = collective(self, k) {
                num.value *= c;
                if num.value.fract() == 0.0 {
                    num.decimals = 0;
                }
                k = next;
            }
        }
        k = self.odd(num, k);
        k = self.or_so(num, k);
        loop {
            // "one-billion", "1-million": a hyphen joins a magnitude to its number
            if self.sym(k) == Some('-')
                && self.glued(k)
                && self.glued(k + 1)
                && self.word(k + 1).and_then(magnitude_word).is_some()
            {
                k += 1;
            }
            let Some(w) = self.word(k) else { break };
            let glued = self.glued(k) && k == num.last && num.mult == 1.0;
            let Some(m) = magnitude_suffix(w, glued, self.upper(k)) else { break };
            if !glued && k > num.first && !self.same_clause(k - 1, k) {
                break;
            }
            // "1 m" or "5 b" glued to another letter is a word, not a magnitude
            if w.len() == 1
                && self.toks.get(k + 1).is_some_and(|t| matches!(t.kind, Kind::Word { .. }))
                && self.glued(k + 1)
            {
                break;
            }
            num.mult *= m;
            k = self.odd(num, k + 1);
        }
        num.last = self.or_so(num, k);
    }

    /// The token after "or so" at token `k` ("a dozen or so", "a dozen or so million"), else `k`.
    fn or_so(&self, num: &Num, k: usize) -> usize {
        let at = self.word(k) == Some("or") && self.word(k + 1) == Some("so");
        if at && k > num.first && self.same_clause(num.first, k + 1) {
            k + 2
        } else {
            k
        }
    }

    /// "-odd" (or "odd") at token `k` after a count or a magnitude: the number is a floor
    /// ("twenty-odd", "a million-odd"); the token after it.
    fn odd(&self, num: &mut Num, k: usize) -> usize {
        let at = if self.glued_hyphen(k) { k + 1 } else { k };
        if self.word(at) == Some("odd") && k > num.first && self.same_clause(k - 1, at) {
            num.at_least = true;
            return at + 1;
        }
        k
    }

    /// A word at token `k` that makes a number a figure: a magnitude, a collective, a unit
    /// or a record noun ("a couple of million", "a score of times faster", "a pair of rows").
    fn figure_word(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| magnitude_word(w).is_some() || is_record_noun(w))
            || collective(self, k).is_some()
            || unit_after(self, k).is_some()
    }

    /// The token after `of` at `k` when a figure word follows it ("a couple of million"),
    /// else `k`: the count's `of` is read through only to what it counts.
    fn of_figure(&self, k: usize) -> usize {
        if self.word(k) == Some("of") && self.figure_word(k + 1) && self.same_clause(k, k + 1) {
            k + 1
        } else {
            k
        }
    }

    /// A vague multiple of a magnitude at token `i`, read as the least it can mean:
    /// "tens of millions" at least ten million, "dozens of" at least twelve, "scores of" at
    /// least twenty, "hundreds of" at least a hundred, "thousands of" at least a thousand
    /// (as "billions of records" is at least one billion); "several", "many", "multiple",
    /// "numerous", "a few" at least two ("a few dozen" at least 24, "several hundred" at
    /// least 200). Read before a magnitude, and before a unit or a record noun ("dozens of
    /// times faster" is at least 12x, "thousands of records" at least 1000); "several
    /// times", "many times" only before a word of speed ("tested many times" is how often,
    /// no multiple).
    fn vague_number(&self, i: usize) -> Option<Num> {
        let of = self.word(i + 1) == Some("of");
        let (mut value, mut at, adjective) = match self.word(i)? {
            "tens" if of => (10.0, i + 2, false),
            "dozens" if of => (12.0, i + 2, false),
            "scores" if of => (20.0, i + 2, false),
            "hundreds" if of => (100.0, i + 2, false),
            "thousands" if of => (1000.0, i + 2, false),
            "several" | "many" | "multiple" | "numerous" => (2.0, i + 1, true),
            "a" if self.word(i + 1) == Some("few") => (2.0, i + 2, true),
            _ => return None,
        };
        if adjective {
            if self.word(at) == Some("hundred") {
                value *= 100.0;
                at += 1;
            } else if let Some((c, next)) = collective(self, at) {
                value *= c;
                at = next;
            }
        }
        if !self.same_clause(i, at) {
            return None;
        }
        let mut num = Num { value, mult: 1.0, decimals: 0, first: i, last: at, at_least: true, share: false };
        self.magnitudes(&mut num);
        if num.last > at {
            return Some(num);
        }
        let counted = adjective && value > 2.0;
        let figure = match unit_after(self, at) {
            Some((Unit::Speedup, end)) => {
                !adjective || counted || (end..end + 2).any(|k| self.word(k).is_some_and(names_speed))
            }
            Some(_) => true,
            None => self.word(at).is_some_and(is_record_noun),
        };
        figure.then_some(num)
    }

    /// A magnitude with no number before it that another magnitude follows: "thousand
    /// million", "hundred million", "hundred thousand" read as "a thousand million", ...
    /// (a magnitude alone, "million records", is read by the pass for magnitude words).
    /// So is `dozen` alone ("dozen-fold", "dozen times faster": 12), and `hundred` alone before a
    /// unit or a record noun ("hundred times faster", "hundred records").
    fn bare_compound(&self, i: usize) -> bool {
        let first = matches!(self.word(i), Some("hundred" | "thousand" | "lakh" | "million" | "crore" | "billion"));
        let hundred = self.word(i) == Some("hundred") && self.figure_word(i + 1);
        let compound = first && self.word(i + 1).and_then(magnitude_word).is_some();
        self.word(i) == Some("dozen") || ((compound || hundred) && self.same_clause(i, i + 1))
    }

    /// Decimals in words after a number in words, from token `k`: `point`, `dot` or
    /// `decimal`, then digits one word each (`zero` to `nine`, `oh`, `o`, `nought`,
    /// `naught`): "four point two" is 4.2, "one hundred eighty-five point five eight"
    /// 185.58. Their digits, how many, and the token after them. Anything else after the
    /// point ("four point twenty", "four point 2") is none: the number before it is then
    /// joined to what follows and not read ([`joins_next`]); "four point two" was read
    /// as 2.
    fn decimals_in_words(&self, k: usize) -> Option<(String, u32, usize)> {
        if !decimal_point_word(self.word(k)?) || !self.same_clause(k.saturating_sub(1), k + 1) {
            return None;
        }
        let digit = |j: usize| match self.word(j)? {
            w if zero_word(w) => Some(0u8),
            w => crate::text::number_word(w).filter(|d| *d <= 9),
        };
        let mut digits = String::new();
        let mut end = k + 1;
        while let Some(d) = digit(end).filter(|_| self.same_clause(k, end)) {
            digits.push(char::from(b'0' + d));
            end += 1;
        }
        let places = u32::try_from(digits.len()).ok().filter(|p| *p > 0)?;
        Some((digits, places, end))
    }

    /// A number in words at token `i`: "ninety", "seventy-five", "one thousand million",
    /// "a billion", "thousand million", "hundreds of millions" (see [`Reader::vague_number`]).
    fn word_number(&self, i: usize) -> Option<Num> {
        if let Some(num) = self.vague_number(i) {
            return Some(num);
        }
        if let Some(num) = fractions::words(self, i) {
            return Some(num);
        }
        let w = self.word(i)?;
        let mut k = i;
        let mut value = 0.0;
        let mut seen = false;
        if self.bare_compound(i) {
            value = 1.0;
            seen = true;
        } else if w == "a" || w == "an" {
            let next = self.word(i + 1)?;
            let baker = next == "baker"
                && matches!(self.sym(i + 2), Some('\'' | '\u{2019}'))
                && self.word(i + 3) == Some("s")
                && self.word(i + 4) == Some("dozen");
            // "a couple of million", "a pair of rows", "a baker's dozen" (13)
            if matches!(next, "couple" | "pair") || baker {
                let mut end = if baker { i + 5 } else { i + 2 };
                let mut value = if baker { 13.0 } else { 2.0 };
                if !baker && self.word(end) == Some("hundred") {
                    value *= 100.0;
                    end += 1;
                }
                let mut num = Num {
                    value,
                    mult: 1.0,
                    decimals: 0,
                    first: i,
                    last: self.of_figure(end),
                    at_least: false,
                    share: false,
                };
                self.magnitudes(&mut num);
                return Some(num);
            }
            if magnitude_word(next).is_none() && next != "hundred" && collective(self, i + 1).is_none() {
                return None;
            }
            value = 1.0;
            seen = true;
            k += 1;
        } else if matches!(w, "oh" | "nought" | "naught") && self.decimals_in_words(i + 1).is_some() {
            // "oh point five", "nought point five": zero before a decimal point only
            value = 0.0;
            seen = true;
            k += 1;
        }
        // What English composes, and no more: a ten and a unit ("seventy-five", "sixty
        // four"), a count up to 99 and one `hundred`, `and` only after it ("a hundred and
        // five"). Anything else ends the number, and a number that follows it is joined to
        // it and not read ([`joins_next`]): "four four", "one five", "three and four" were
        // summed (8, 6, 7), so a claim of 44x held against 8 passed.
        let mut hundreds = 0.0;
        // the count below a hundred being read, and whether a unit may still join it
        let mut group: Option<f64> = seen.then_some(value);
        let mut takes_unit = false;
        while let Some(w) = self.word(k) {
            if let Some(u) = unit_word(w) {
                match group {
                    None => {
                        group = Some(u);
                        takes_unit = u >= 20.0;
                    }
                    Some(g) if takes_unit && (1.0..=9.0).contains(&u) => {
                        group = Some(g + u);
                        takes_unit = false;
                    }
                    Some(_) => break,
                }
                seen = true;
            } else if w == "hundred" && hundreds == 0.0 && group.is_some_and(|g| g >= 1.0) {
                hundreds = group.unwrap_or(1.0) * 100.0;
                group = None;
                takes_unit = false;
            } else if w == "and"
                && hundreds > 0.0
                && group.is_none()
                && self.word(k + 1).and_then(unit_word).is_some_and(|u| u >= 1.0)
            {
            } else {
                break;
            }
            k += 1;
            // "seventy-five": a hyphen joins a unit to a ten, nothing else
            if takes_unit
                && self.sym(k) == Some('-')
                && self.glued(k)
                && self.glued(k + 1)
                && self.word(k + 1).and_then(unit_word).is_some_and(|u| (1.0..=9.0).contains(&u))
            {
                k += 1;
            }
        }
        if !seen {
            return None;
        }
        value = hundreds + group.unwrap_or(0.0);
        let mut decimals = 0;
        if let Some((digits, places, end)) = self.decimals_in_words(k) {
            // read as the digits would be: "185.58", not 185 + 0.5 + 0.08
            value = format!("{value}.{digits}").parse().unwrap_or(value);
            decimals = places;
            k = end;
        // "one and a half", "sixteen and a half"
        } else if self.word(k) == Some("and") && self.word(k + 1) == Some("a") && self.word(k + 2) == Some("half") {
            value += 0.5;
            decimals = 1;
            k += 3;
        }
        let mut num = Num { value, mult: 1.0, decimals, first: i, last: k, at_least: false, share: false };
        self.magnitudes(&mut num);
        Some(num)
    }
}

enum Unit {
    Percent,
    Speedup,
    Memory(MemUnit),
}

/// The unit after a number ending before token `k`: returns it and the token after it.
fn unit_after(r: &Reader, k: usize) -> Option<(Unit, usize)> {
    if !r.same_clause(k.saturating_sub(1), k) {
        return None;
    }
    if matches!(r.sym(k), Some('%' | '\u{66A}')) {
        return Some((Unit::Percent, k + 1));
    }
    if r.sym(k) == Some('\u{d7}') {
        return Some((Unit::Speedup, k + 1));
    }
    // "4.2-fold", "10-times", "16.5-GB", "90 per-cent"
    if r.glued_hyphen(k) {
        match r.word(k + 1) {
            Some("fold" | "times") => return Some((Unit::Speedup, k + 2)),
            Some(w) if mem_unit(w).is_some() && r.sym(k + 2) != Some('/') => {
                return mem_unit(w).map(|u| (Unit::Memory(u), k + 2));
            }
            _ => {}
        }
    }
    let w = r.word(k)?;
    let followed_by_alnum = r.glued(k + 1) && r.toks.get(k + 1).is_some_and(|t| !matches!(t.kind, Kind::Sym(_)));
    match w {
        "percent" | "pct" | "percentage" => Some((Unit::Percent, k + 1)),
        "per" if r.word(k + 1) == Some("cent") => Some((Unit::Percent, k + 2)),
        "per" if r.sym(k + 1) == Some('-') && r.glued(k + 1) && r.word(k + 2) == Some("cent") => {
            Some((Unit::Percent, k + 3))
        }
        "x" if !followed_by_alnum => Some((Unit::Speedup, k + 1)),
        "times" | "fold" => Some((Unit::Speedup, k + 1)),
        _ => {
            let unit = mem_unit(w)?;
            // MB/s is a rate, not a size
            if r.sym(k + 1) == Some('/') && r.glued(k + 1) {
                return None;
            }
            // "Gb", "Mb": bits, eight times less than bytes (16 Gb of memory was held
            // against 16.5 GB as the same size); not read as a size
            let written = r.toks.get(k).and_then(|t| r.t.get(t.range()));
            if written.is_some_and(|u| matches!(u, "Kb" | "Mb" | "Gb" | "Tb")) {
                return None;
            }
            Some((Unit::Memory(unit), k + 1))
        }
    }
}

/// A word that denies what follows it: "no less than", "not over", "never above",
/// "without exceeding", "doesn't exceed" (read as the word "n't", see [`Reader::words_back`]).
fn is_negation(w: &str) -> bool {
    [
        "no", "not", "never", "nor", "neither", "none", "nothing", "without", "cannot", "hardly", "scarcely", "n't",
        "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "cant", "couldnt",
    ]
    .contains(&w)
}

/// A token before a number, as [`Reader::words_back`] reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Back<'w> {
    Word(&'w str),
    Sym(char),
    Digits,
}

impl Reader<'_> {
    /// The `N` tokens before token `i` within its clause, nearest first. A hyphen between
    /// two words is skipped ("never-above" reads as "never above": read as a symbol, it
    /// hid the negation), and a `t` glued to an apostrophe after a word is the word "n't"
    /// ("doesn't exceed"). At most `2 N` tokens are looked at.
    fn words_back<const N: usize>(&self, i: usize) -> [Option<Back<'_>>; N] {
        let mut out = [None; N];
        let mut n = 0;
        let mut k = i;
        while n < N {
            let Some(at) = k.checked_sub(1).filter(|&at| self.same_clause(at, i)) else { break };
            let joins_words = |j: usize| {
                j > 0 && self.word(j - 1).is_some() && self.word(j + 1).is_some() && self.glued(j) && self.glued(j + 1)
            };
            if self.sym(at) == Some('-') && joins_words(at) {
                k = at;
                continue;
            }
            let contraction = self.word(at) == Some("t")
                && at >= 2
                && matches!(self.sym(at - 1), Some('\'' | '\u{2019}'))
                && self.glued(at)
                && self.glued(at - 1)
                && self.word(at - 2).is_some();
            let (back, next) = if contraction {
                (Back::Word("n't"), at - 2)
            } else if let Some(w) = self.word(at) {
                (Back::Word(w), at)
            } else if let Some(c) = self.sym(at) {
                (Back::Sym(c), at)
            } else {
                (Back::Digits, at)
            };
            if let Some(slot) = out.get_mut(n) {
                *slot = Some(back);
            }
            n += 1;
            k = next;
        }
        out
    }
}

/// Where each `>` that closes a markup tag starts: a `<` glued to a letter, to `/` and a
/// letter, or to `!` (`<b>`, `</span>`, `<span class="x">`, `<br/>`, `<!-- -->`), then no
/// `<` or `>` up to the `>`. One pass over the text. Such a `>` is markup, no bound: read
/// as "more than", it made `Peak usage <b>185.58 MB</b>` a floor that a 16.5 GB peak met.
fn tag_ends(t: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut open = false;
    for (at, c) in t.char_indices() {
        match c {
            '<' => {
                let mut ahead = t.get(at + 1..).unwrap_or("").chars();
                open = match ahead.next() {
                    Some('/') => ahead.next().is_some_and(|c| c.is_ascii_alphabetic()),
                    Some(c) => c.is_ascii_alphabetic() || c == '!',
                    None => false,
                };
            }
            '>' if open => {
                open = false;
                out.extend(u32::try_from(at).ok());
            }
            _ => {}
        }
    }
    out
}

/// An arrow `->` or `=>` (the dash normalised; `- >` spaced too, `->>`, `=>>` with a
/// doubled head) right before token `i`.
fn is_arrow(r: &Reader, i: usize) -> bool {
    first_gt(r, i).is_some_and(|head| head >= 1 && matches!(r.sym(head - 1), Some('-' | '=')))
}

/// The first of the `>`s glued together right before token `i` (`>`, `>>`), if any.
fn first_gt(r: &Reader, i: usize) -> Option<usize> {
    let mut first = i.checked_sub(1).filter(|&j| r.sym(j) == Some('>'))?;
    while first > 0 && r.sym(first - 1) == Some('>') && r.glued(first) {
        first -= 1;
    }
    Some(first)
}

/// Where the `>` right before token `i` (with the `>`s glued before it) stands when it
/// starts its line.
#[derive(Clone, Copy, PartialEq)]
enum LineStart {
    /// Not at the start of a line.
    No,
    /// After a line break: a Markdown quote marker ("Peak usage:\n> 185.58 MB" renders
    /// as "Peak usage: 185.58 MB"), markup as a tag is, no floor.
    Quote,
    /// At the start of the text: a quote marker or "more than", either.
    Text,
}

fn line_start(r: &Reader, i: usize) -> LineStart {
    let Some(first) = first_gt(r, i) else { return LineStart::No };
    // only the white space right before it is read: reading back to the line's start
    // made a claim of "> 1 MB > 1 MB ..." on one line quadratic (80,000 of them: 45 s)
    let line_break = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    let before = r.toks.get(first).and_then(|t| r.t.get(..t.start as usize)).unwrap_or_default();
    let rest = before.trim_end_matches(|c: char| c.is_whitespace() && !line_break(c));
    match rest.chars().next_back() {
        None => LineStart::Text,
        Some(c) if line_break(c) => LineStart::Quote,
        Some(_) => LineStart::No,
    }
}

/// How the words before a number bound it, or why they cannot be read with certainty.
///
/// A negation right before a bound reverses it: "no less than 1 billion" is at least a
/// billion, "never above 185.58 MB" at most 185.58 MB (they were read as the bound alone,
/// backwards, and false claims passed). A negation before any other bound ("not at
/// most", "not within"), right before the number ("not 1 billion"), or one word further
/// ("never goes above", "not only over") is not read: the error is the reason, which the
/// `claims.unchecked` finding gives.
fn bound_before(r: &Reader, i: usize) -> Result<Bound, Cow<'static, str>> {
    fn word<'a>(back: &[Option<Back<'a>>], d: usize) -> Option<&'a str> {
        match back.get(d) {
            Some(Some(Back::Word(w))) => Some(*w),
            _ => None,
        }
    }
    // two tokens back name the bound; up to two more are read for a negation before it,
    // only when there is a bound (most numbers have none)
    let near: [Option<Back>; 2] = r.words_back(i);
    let w = |d: usize| word(&near, d);
    // the bound, the words it takes, and whether a negation right before it reverses it
    let (bound, len, flips) = match (w(1), w(0)) {
        (Some("less" | "fewer"), Some("than")) => (Bound::AtMost, 2, true),
        (Some("more" | "greater"), Some("than")) => (Bound::AtLeast, 2, true),
        (Some("at"), Some("most")) | (Some("fits" | "fit"), Some("in" | "into")) => (Bound::AtMost, 2, false),
        (Some("at"), Some("least")) => (Bound::AtLeast, 2, false),
        (_, Some("under" | "below")) => (Bound::AtMost, 1, true),
        (_, Some("over" | "above" | "beyond" | "exceeding" | "exceed" | "exceeds" | "exceeded")) => {
            (Bound::AtLeast, 1, true)
        }
        (_, Some("max" | "maximum" | "within")) => (Bound::AtMost, 1, false),
        (_, Some("min" | "minimum")) => (Bound::AtLeast, 1, false),
        // an arrow ("16.5 GB -> 185.58 MB", "=>") leads to the figure, which is a value,
        // not a floor: read as ">", the seed's own contradiction passed
        _ if is_arrow(r, i) => (Bound::Exact, 0, false),
        _ => match (near.first(), line_start(r, i)) {
            (Some(Some(Back::Sym('>'))), LineStart::Quote) => (Bound::Exact, 0, false),
            (Some(Some(Back::Sym('>'))), LineStart::Text) => {
                return Err(Cow::Borrowed(
                    "a \">\" that opens the text, a Markdown quote marker as much as \"more than\"; not held \
                     against the metric",
                ))
            }
            (Some(Some(Back::Sym('<' | '\u{2264}'))), _) => (Bound::AtMost, 1, false),
            // the end of a tag (`<b>185.58 MB</b>`) is markup around the figure, no bound
            (Some(Some(Back::Sym('>'))), _) if r.closes_tag(i - 1) => (Bound::Exact, 0, false),
            (Some(Some(Back::Sym('>' | '\u{2265}'))), _) => (Bound::AtLeast, 1, false),
            _ => (Bound::Exact, 0, false),
        },
    };
    let [a, b] = near;
    let far: [Option<Back>; 4] = if len == 0 { [a, b, None, None] } else { r.words_back(i) };
    let negation = |d: usize| word(&far, d).filter(|w| is_negation(w));
    match (negation(len), negation(len + 1)) {
        (Some(_), _) if flips => Ok(match bound {
            Bound::AtLeast => Bound::AtMost,
            Bound::AtMost => Bound::AtLeast,
            Bound::Exact => Bound::Exact,
        }),
        (Some(neg), _) if len == 0 => Err(Cow::Owned(format!(
            "a negation (\"{neg}\") right before it, which this tool does not read; not held against the metric"
        ))),
        (Some(neg), _) => Err(Cow::Owned(format!(
            "a negation (\"{neg}\") before its bound, which this tool does not read; not held against the metric"
        ))),
        (None, Some(neg)) => Err(Cow::Owned(format!(
            "a negation (\"{neg}\") in the words before it, which this tool does not read with certainty; not held \
             against the metric"
        ))),
        (None, None) => Ok(bound),
    }
}

/// Characters that change the order in which text is displayed: the embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069), and the marks that can reorder
/// numbers and the neutral characters between them (LRM, RLM, ALM). The normalisation
/// removes them, so a claim would be read in its stored order, which can differ from
/// what a reader sees: `"\u{202e}sdrocer noillib eno\u{202c}"` displays as "one billion
/// records" and reads as reversed words, no claim at all.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The stretch of `text` the direction controls govern, from the first control to the
/// last (to the end when the last one opens a stretch it does not close), or None.
fn bidi_span(text: &str) -> Option<Range<usize>> {
    if text.is_ascii() {
        return None;
    }
    let first = text.char_indices().find(|&(_, c)| is_bidi_control(c))?;
    let (last, c) = text.char_indices().rev().find(|&(_, c)| is_bidi_control(c)).unwrap_or(first);
    let start = first.0;
    let closes = matches!(c, '\u{202C}' | '\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
    Some(start..if closes { last + c.len_utf8() } else { text.len() })
}

/// The Latin letter a letter or digit looks like, for the look-alike check: Cyrillic and
/// Greek letters drawn like Latin ones, a capital I and the digit 1 like `l`, the digit
/// 0 like `o`; other letters lower-cased, other characters as they are.
pub(crate) fn look_alike(c: char) -> char {
    match c {
        'I' | '1' | '\u{406}' | '\u{4C0}' | '\u{4CF}' | '\u{399}' | '\u{1C0}' => 'l',
        '0' => 'o',
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{430}' | '\u{410}' | '\u{3B1}' | '\u{391}' => 'a',
        '\u{432}' | '\u{412}' | '\u{3B2}' | '\u{392}' => 'b',
        '\u{441}' | '\u{421}' | '\u{3F2}' | '\u{3F9}' => 'c',
        '\u{501}' => 'd',
        '\u{435}' | '\u{415}' | '\u{451}' | '\u{401}' | '\u{395}' => 'e',
        '\u{4BB}' | '\u{41D}' | '\u{43D}' | '\u{397}' => 'h',
        '\u{456}' | '\u{457}' | '\u{3B9}' | '\u{131}' | '\u{269}' => 'i',
        '\u{458}' | '\u{408}' | '\u{3F3}' => 'j',
        '\u{43A}' | '\u{41A}' | '\u{3BA}' | '\u{39A}' => 'k',
        '\u{41C}' | '\u{43C}' | '\u{39C}' => 'm',
        '\u{39D}' => 'n',
        '\u{43E}' | '\u{41E}' | '\u{3BF}' | '\u{39F}' => 'o',
        '\u{440}' | '\u{420}' | '\u{3C1}' | '\u{3A1}' => 'p',
        '\u{51B}' | '\u{51A}' => 'q',
        '\u{455}' | '\u{405}' => 's',
        '\u{442}' | '\u{422}' | '\u{3C4}' | '\u{3A4}' => 't',
        '\u{3C5}' => 'u',
        '\u{3BD}' => 'v',
        '\u{51D}' | '\u{51C}' => 'w',
        '\u{445}' | '\u{425}' | '\u{3C7}' | '\u{3A7}' => 'x',
        '\u{443}' | '\u{423}' | '\u{3A5}' => 'y',
        '\u{396}' => 'z',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

fn is_cyrillic_or_greek(c: char) -> bool {
    // the micro sign folds to a Greek mu under NFKC: "5μs" is no look-alike
    matches!(c, '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}' | '\u{1C80}'..='\u{1C8F}' | '\u{1F00}'..='\u{1FFF}')
        && c != '\u{3BC}'
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}'))
}

/// A word the extractor reads: a magnitude, a number word, a unit, a record noun, a
/// metric's name, a bound, a negation, a word of direction.
fn is_read_word(w: &str) -> bool {
    magnitude_word(w).is_some()
        || unit_word(w).is_some()
        || mem_unit(w).is_some()
        || is_record_noun(w)
        || percent_target(w).is_some()
        || names_speed(w)
        || is_multiple_word(w)
        || fractions::is_fraction_word(w)
        || against_saving(w)
        || against_speedup(w)
        || is_negation(w)
        || is_currency(w)
        || [
            "hundred",
            "tens",
            "dozen",
            "dozens",
            "score",
            "scores",
            "gross",
            "couple",
            "pair",
            "few",
            "odd",
            "hundreds",
            "several",
            "many",
            "multiple",
            "numerous",
            "percent",
            "pct",
            "percentage",
            "per",
            "cent",
            "x",
            "times",
            "fold",
            "less",
            "fewer",
            "than",
            "more",
            "greater",
            "most",
            "least",
            "fits",
            "fit",
            "into",
            "under",
            "below",
            "over",
            "above",
            "beyond",
            "exceeding",
            "exceed",
            "exceeds",
            "exceeded",
            "max",
            "maximum",
            "within",
            "min",
            "minimum",
            "up",
            "between",
            "long",
        ]
        .contains(&w)
}

/// Words written to look like another: a run of letters and digits (no space or
/// symbol between them) that mixes Latin letters with Cyrillic or Greek look-alikes
/// ("bіllion" with a Cyrillic і), whose look-alike form is a word this tool reads while
/// its own spelling is not ("bilIion" with a capital I, "bi11ion", "recоrds"), or a
/// number with letters drawn like digits ("1OO"). Each is reported, with its reason;
/// the claim is then not read, since what it says is not what it displays. One pass
/// over the tokens; a run is spelled out only when it has a character beyond lower-case
/// ASCII letters. The first [`MAX_PER_RULE`] are kept, the others counted in `more`.
fn look_alikes(r: &Reader, more: &mut usize) -> Vec<(Range<usize>, Cow<'static, str>)> {
    let mut found = Vec::new();
    let mut skeleton = String::new();
    let is_alnum = |k: usize| matches!(r.toks.get(k).map(|t| t.kind), Some(Kind::Word { .. } | Kind::Digits));
    let mut k = 0;
    while k < r.toks.len() {
        if !is_alnum(k) {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < r.toks.len() && is_alnum(k) && r.glued(k) {
            k += 1;
        }
        // digits alone have no letter to draw like another: most tokens of a long claim
        if k == start + 1 && r.digits(start).is_some() {
            continue;
        }
        // the run as a whole ("bi11ion", "1OO"), else each of its words ("2х" in "4.2х")
        let run = tok_span(r, start, k);
        let words = (start..k).filter(|&j| r.word(j).is_some()).map(|j| tok_span(r, j, j + 1));
        let hit = std::iter::once(run).chain(words.filter(|_| k - start > 1)).find_map(|span| {
            look_alike_why(r.t.get(span.clone()).unwrap_or_default(), &mut skeleton).map(|w| (span, w))
        });
        match hit {
            Some(_) if found.len() >= MAX_PER_RULE => *more += 1,
            Some((span, why)) => {
                let why = format!("{why}; the claim is not read, since it says something else than it displays");
                found.push((span, Cow::Owned(why)));
            }
            None => {}
        }
    }
    found
}

/// Why the letters and digits `written` (no space or symbol between them) look like
/// something else, or None; `skeleton` is a buffer for their look-alike form.
fn look_alike_why(written: &str, skeleton: &mut String) -> Option<String> {
    let letters = written.chars().any(char::is_alphabetic);
    let plain = written.bytes().all(|b| b.is_ascii_lowercase() || (b.is_ascii_uppercase() && b != b'I'));
    if !letters || plain {
        return None;
    }
    // A number with a unit glued on ("10x", "16GB", "4k"): no letter of the unit is drawn
    // like a digit, so nothing here displays as anything else. Most tokens of a claim
    // are these, and the word lists below are not searched for them.
    let unit = written.trim_start_matches(|c: char| c.is_ascii_digit());
    if unit.len() < written.len() && unit.bytes().all(|b| b.is_ascii_alphabetic() && !b"IOlo".contains(&b)) {
        return None;
    }
    let mixed = written.chars().any(is_latin)
        && written.chars().any(|c| is_cyrillic_or_greek(c) && look_alike(c).is_ascii_lowercase());
    skeleton.clear();
    skeleton.extend(written.chars().map(look_alike));
    let digits = written.chars().any(|c| c.is_ascii_digit());
    let like_digits = |c: char| c.is_ascii_digit() || matches!(look_alike(c), 'o' | 'l');
    if mixed {
        Some(format!(
            "the word mixes Latin with Cyrillic or Greek letters drawn alike (it displays like \"{skeleton}\")"
        ))
    } else if digits && written.chars().all(like_digits) {
        Some("the number mixes digits with letters drawn like digits (O for 0, I or l for 1)".to_owned())
    } else if is_read_word(skeleton) && !is_read_word(&written.to_lowercase()) {
        Some(format!(
            "the word displays like \"{skeleton}\", which this tool reads, but is spelled with look-alike characters"
        ))
    } else {
        None
    }
}

/// The longest normalised claim read: token positions are `u32` (see [`Tok`]).
const MAX_TEXT: usize = (u32::MAX / 2) as usize;

/// Extract every number of the claim `text` found in the `enterprise_validation`
/// member `field`.
pub fn extract(field: &str, text: &str) -> Extraction {
    let norm = normalize(text);
    if norm.text().len() > MAX_TEXT {
        let mut out = Extraction::default();
        out.record_unchecked(Unchecked {
            text: String::new(),
            span: 0..0,
            why: Cow::Borrowed("the claim is too long to read (over 2 GiB once normalised)"),
        });
        return out;
    }
    let (toks, lower) = lex(norm.text());
    let tag_ends = tag_ends(norm.text());
    let r = Reader { t: norm.text(), norm: &norm, toks, lower, tag_ends };
    let mut more = 0;
    let spoofs = look_alikes(&r, &mut more);
    let bidi = bidi_span(text);
    if bidi.is_some() || !spoofs.is_empty() {
        let mut out = Extraction { unchecked_more: more, ..Extraction::default() };
        if let Some(span) = bidi {
            let why = "the claim holds text-direction controls (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM), which \
                       make it display differently from how it reads; the claim is not read";
            out.record_unchecked(Unchecked { text: String::new(), span, why: Cow::Borrowed(why) });
        }
        for (span, why) in spoofs {
            out.record_unchecked(Unchecked { text: String::new(), span: norm.original_range(span), why });
        }
        return finish(out, text);
    }
    // the digits of a name ("SOC 2", "TLS 1.3") and years that are dates are no figures
    let names = names::names(&r);
    let mut nums = Numbers {
        r: &r,
        names: &names,
        at: 0,
        ahead: VecDeque::new(),
        num_at: vec![0; r.toks.len()],
        unread: Vec::new(),
    };
    let mut out = Extraction::default();
    let mut claimed = names.clone();
    let mut prev_num_end = 0;
    let mut nouns = NounsBefore { at: 0, clause: 0, seen: false };
    while let Some(mut num) = nums.peek(0) {
        // a number inside the phrase of one read before it ("records per 1 second")
        if claimed.get(num.first).copied().unwrap_or(false) {
            nums.pop();
            prev_num_end = prev_num_end.max(num.last);
            continue;
        }
        let mut first = num.first;
        // a range "5-10x" / "5 to 10x": the upper bound carries the unit
        if let Some(next) = nums.peek(1) {
            let sep = num.last;
            let between = num.first > 0 && r.word(num.first - 1) == Some("between");
            let joins =
                (r.sym(sep) == Some('-') || r.word(sep) == Some("to") || (between && r.word(sep) == Some("and")))
                    && next.first == sep + 1;
            if joins && unit_after(&r, num.last).is_none() && r.same_clause(num.first, next.first) {
                first = num.first;
                num = next;
                nums.pop();
            }
        }
        nums.pop();
        let prefix_times = first > 0
            && (r.sym(first - 1) == Some('\u{d7}')
                || (r.word(first - 1) == Some("x") && r.glued(first) && !(first > 1 && r.glued(first - 1))));
        // the words before "x10" bound it, not the "x"
        let read_bound = bound_before(&r, if prefix_times { first - 1 } else { first });
        let mut bound = read_bound.clone().unwrap_or(Bound::Exact);
        if num.at_least && read_bound.is_ok() {
            if bound == Bound::AtMost {
                let why = "a vague amount (\"hundreds of millions\") given as a ceiling, which this tool does not read";
                not_checked(&mut out, &mut claimed, &norm, &r, first..num.last, why.into());
                prev_num_end = num.last;
                continue;
            }
            bound = Bound::AtLeast;
        }
        let unit = unit_after(&r, num.last);
        // "hundreds of megabytes", "forty-odd GB": a vague amount is a floor, which any
        // larger peak meets, and a smaller peak is what a memory claim boasts of ("Peak
        // usage: hundreds of megabytes" passed beside 16.5 GB): not read for memory
        if num.at_least && matches!(unit, Some((Unit::Memory(_), _))) {
            let why = "a vague amount of memory (\"hundreds of megabytes\"), a floor that a larger peak meets, \
                       which this tool does not read";
            let to = unit.as_ref().map_or(num.last, |(_, k)| *k);
            not_checked(&mut out, &mut claimed, &norm, &r, first..to, why.into());
            prev_num_end = to;
            continue;
        }
        // "tested 3 times", "the suite ran three times": a count of runs, no speed-up
        if matches!(unit, Some((Unit::Speedup, _))) && runs_counted(&r, first, num.last) {
            prev_num_end = num.last + 1;
            continue;
        }
        let (unit, mut after) = match unit {
            Some((u, k)) => (Some(u), k),
            None if prefix_times => (Some(Unit::Speedup), num.last),
            None if num.share => (Some(Unit::Percent), num.last),
            None => (None, num.last),
        };
        if prefix_times {
            first -= 1;
        }
        // "three timesfaster": a multiplier glued to its comparative, no word the reader
        // reads (in digits, "3 timesfaster", the digits are reported unread as it is)
        if unit.is_none() && r.same_clause(num.first, after) && r.word(after).is_some_and(glued_multiplier) {
            let why = "a multiplier glued to the word after it (\"three timesfaster\"), which this tool does not read";
            not_checked(&mut out, &mut claimed, &norm, &r, first..after + 1, why.into());
            prev_num_end = after + 1;
            continue;
        }
        // "1M+" is a lower bound
        if r.sym(after) == Some('+') && r.glued(after) {
            bound = Bound::AtLeast;
            after += 1;
        }
        // "seven-figure scale", "five nines of fidelity": a count of digits or of nines, which
        // this tool does not read ("seven-figure scale" was 7 records, and an honest
        // bundle of a million records a contradiction; "five nines accuracy" passed beside
        // 94 %)
        let counted = if r.glued_hyphen(after) { after + 1 } else { after };
        if unit.is_none()
            && r.same_clause(first, counted)
            && matches!(r.word(counted), Some("figure" | "figures" | "nines" | "digit" | "digits"))
        {
            let why = "a count of digits or of nines (\"seven-figure\", \"five nines\"), which this tool does not read";
            not_checked(&mut out, &mut claimed, &norm, &r, first..counted + 1, why.into());
            prev_num_end = counted + 1;
            continue;
        }
        // numbers written together that this tool does not compose ("four score and
        // seven", "2 × 2 times", "four point twenty"): the whole run is not read, nor any
        // part of it alone
        let mut ends = Ends::of(unit.as_ref());
        let mut end = after;
        let mut joined = None;
        while let Some(next) = nums.peek(0) {
            if !joins_next(&r, end, ends, &next, &mut nouns) {
                break;
            }
            nums.pop();
            (ends, end) = match unit_after(&r, next.last) {
                Some((u, k)) => (Ends::of(Some(&u)), k),
                None => (Ends::Bare, next.last),
            };
            joined = Some(end);
        }
        let composed = composed_before(&r, first, &nums.num_at);
        let raised = matches!(r.word(after), Some("squared" | "cubed")) && r.same_clause(first, after);
        if joined.is_some() || composed.is_some() || raised {
            let from = composed.unwrap_or(first);
            let to = joined.unwrap_or(after) + usize::from(raised && joined.is_none());
            let why = "numbers written together in a way this tool does not compose (a decimal point or a \
                       product in words, a sum, a collective joined by \"and\", a power: \"four score and \
                       seven\", \"2 × 2\", \"four point twenty\", \"4x squared\", \"four / two times\"); not read in \
                       part either";
            not_checked(&mut out, &mut claimed, &norm, &r, from..to, why.into());
            prev_num_end = to;
            continue;
        }
        // "twenty-some percent", "20ish", "twenty plus records": about the count, not it
        if let Some(k) = approximate_after(&r, num.last) {
            let why = "a count made approximate by a word after it (\"twenty-some\", \"20ish\", \"twenty plus\"), \
                       which this tool does not read";
            not_checked(&mut out, &mut claimed, &norm, &r, first..k + 1, why.into());
            prev_num_end = k + 1;
            continue;
        }
        let next_span = nums.peek(0).map(|n| (n.first, n.last));
        let next_num = next_span.map_or(r.toks.len(), |(first, _)| first);
        let clause_words = |from: usize, to: usize| -> Vec<(usize, &str)> {
            (from..to).filter(|&k| r.same_clause(k, num.first)).filter_map(|k| r.word(k).map(|w| (k, w))).collect()
        };
        let words_after = clause_words(after, next_num);
        let words_before = clause_words(prev_num_end, first);
        prev_num_end = num.last;
        // the last word a mention reads as its own (its noun, its metric's name): the
        // next number's words before it start after that word
        let mut used = after;
        let value = num.value;
        let mut speed_gain = false;
        let quantity = match unit {
            Some(Unit::Percent) => {
                let after_k = words_after.iter().find_map(|(k, w)| percent_target(w).map(|t| (*k, t)));
                let after_word = words_after.iter().find(|(_, w)| percent_target(w).is_some()).map(|(_, w)| *w);
                // Before it, `faster` must be the only word naming a metric: "Faster
                // convergence with time savings of 320%" claims time savings, not speed.
                speed_gain = match after_word {
                    Some(w) => w == "faster",
                    None => {
                        words_before.iter().any(|(_, w)| *w == "faster")
                            && !words_before.iter().any(|(_, w)| *w != "faster" && percent_target(w).is_some())
                    }
                };
                let after_t = after_k.map(|(_, t)| t);
                used = after_k.map_or(used, |(k, _)| k + 1);
                let before_t = match subject_before(&words_before) {
                    Subject::Two(a, b) => {
                        let why = format!(
                            "its words name two metrics ({} and {} before it); which one it claims is not clear",
                            a.name(),
                            b.name()
                        );
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    Subject::One(t) => Some(t),
                    Subject::None => None,
                };
                match (after_t, before_t) {
                    (Some(a), Some(b)) if a != b => {
                        let why = format!(
                            "its words name two metrics ({} before it, {} after it); which one it claims is not clear",
                            b.name(),
                            a.name()
                        );
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    (Some(of), _) | (None, Some(of)) => {
                        // "20% fewer GPUs and lower cost": the figure is the GPUs'
                        // "Savings: 75% fewer GPUs": the subject before it, another quantity after
                        // "gross margin of 75% on costs": with the metric named only after
                        // it, a word of another quantity among the three before it is the
                        // figure's subject (a margin on costs is no cost saving)
                        let other_first = (after_k.is_some() && before_t.is_none()).then(|| {
                            let before = words_before.iter().rev().take(3);
                            before.map(|(_, w)| *w).find(|w| names_other_metric(w) && percent_target(w).is_none())
                        });
                        let other = match (after_k, other_first.flatten()) {
                            (Some(_), Some(w)) => Some(w),
                            (Some((target, _)), None) => other_before_target(&words_after, target),
                            (None, _) => other_after(&words_after),
                        };
                        if let Some(w) = other {
                            let why = format!(
                                "its words name a quantity (\"{w}\") other than the {} they go on to name; which one \
                                 it claims is not clear",
                                of.name()
                            );
                            not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                            continue;
                        }
                        // "90% faster inference": the time of another process than training
                        if let Some(w) = other_process_in_clause(&words_after, &words_before)
                            .filter(|_| of == PercentOf::TimeSavings)
                        {
                            not_checked(&mut out, &mut claimed, &norm, &r, first..after, other_process_why(w));
                            continue;
                        }
                        Quantity::Percent { value: value * num.mult, of }
                    }
                    (None, None) => match field_default(field) {
                        Some(of) => {
                            // the field's default only when no word names another quantity:
                            // "20% less memory" is no cost saving
                            if let Some(w) = names_no_default(&words_before, &words_after) {
                                let why = format!(
                                    "its words (\"{w}\") name something other than the {} this field's figures \
                                     default to; not held against it",
                                    of.name()
                                );
                                not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                                continue;
                            }
                            Quantity::Percent { value: value * num.mult, of }
                        }
                        None => Quantity::UnknownPercent {
                            value: value * num.mult,
                            subject: words_after.iter().take(3).map(|(_, w)| *w).collect::<Vec<_>>().join(" "),
                        },
                    },
                }
            }
            Some(Unit::Speedup) => {
                // "10x cheaper" is a cost ratio, "4x ROI", "4x less memory", "4x more
                // records" no speed-up either: the two words after it decide, else the
                // two before it; a word of speed or time among them makes it a speed-up
                let other = |ws: &mut dyn Iterator<Item = &(usize, &str)>| -> Option<Option<String>> {
                    let ws: Vec<&str> = ws.map(|(_, w)| *w).collect();
                    if ws.iter().any(|w| names_speed(w)) {
                        return Some(None);
                    }
                    ws.iter().find(|w| names_other_metric(w)).map(|w| Some((*w).to_owned()))
                };
                let named =
                    other(&mut words_after.iter().take(2)).or_else(|| other(&mut words_before.iter().rev().take(2)));
                // with no word of speed, a multiple is a speed-up only where the field
                // names one: "Peak usage 4x lower" in memory_optimization is memory's
                if named.is_none() && field != "performance_improvement" {
                    let why = "a multiple with no word of speed or time, in a field that names a quantity other \
                               than the convergence speed-up; not held against it";
                    not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                    continue;
                }
                // three words after: the comparative is one of them ("10x faster data loading")
                if let Some(w) = other_process_in_clause(&words_after, &words_before) {
                    not_checked(&mut out, &mut claimed, &norm, &r, first..after, other_process_why(w));
                    continue;
                }
                if let Some(w) = named.flatten() {
                    let why = if percent_target(&w) == Some(PercentOf::CostSavings) {
                        format!("its words (\"{w}\") name cost, not the convergence speed-up the bundle reports")
                    } else {
                        format!(
                            "its words (\"{w}\") name something other than the convergence speed-up the bundle \
                             reports; not held against it"
                        )
                    };
                    not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                    continue;
                }
                Quantity::Speedup { value: value * num.mult }
            }
            Some(Unit::Memory(unit)) => {
                // "a 12.5 MB model" is the model's size, "a 2 TB dataset" the data's: a size
                // is peak memory unless the two words after it or the two before it name
                // something else (both read, as for a speed-up); a word of memory anywhere
                // in its words beside that makes it unclear ("Peak memory of the model:
                // 16.5 GB")
                let near = || words_after.iter().take(2).chain(words_before.iter().rev().take(2)).map(|(_, w)| *w);
                let memory = words_after.iter().chain(&words_before).map(|(_, w)| *w).find(|w| names_memory(w));
                let model = near().find(|w| names_model(w));
                let other = near().find(|w| names_other_size(w));
                match (memory, model.or(other)) {
                    (Some(m), Some(o)) => {
                        let why =
                            format!("its words name two sizes (\"{m}\" and \"{o}\"); which one it claims is not clear");
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    (None, Some(o)) if model.is_none() => {
                        let why = format!(
                            "its words (\"{o}\") name the size of something other than the peak memory or the \
                             model the bundle reports; not held against either"
                        );
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    (None, Some(_)) if other.is_some() => {
                        let why = "its words name the model and another thing; which size it claims is not clear";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    (None, Some(_)) => Quantity::ModelSize { value: value * num.mult, unit },
                    _ => Quantity::Memory { value: value * num.mult, unit },
                }
            }
            None => {
                // a price is no count: "$24.50", "24.50 USD"
                let currency = (first > 0 && matches!(r.sym(first - 1), Some('$' | '\u{20ac}' | '\u{a3}' | '\u{a5}')))
                    || words_after.first().is_some_and(|(_, w)| is_currency(w));
                // a count's noun, not a rate's denominator ("$0.0000245/record", "per row")
                let noun_after = words_after
                    .iter()
                    .take(5)
                    .find(|(k, w)| {
                        is_record_noun(w)
                            && !k.checked_sub(1).is_some_and(|b| r.sym(b) == Some('/') || r.word(b) == Some("per"))
                    })
                    .map(|(k, _)| *k)
                    .filter(|_| !currency);
                // the noun before it, with no preposition between: "Records generated: 1
                // billion" is a count, "records in 2 hours" is not; nor does one word of time
                // before a date set off by a colon take the number ("Records generated since
                // the second half of 2024: 1 million")
                let dated = first >= 2
                    && r.sym(first - 1) == Some(':')
                    && names.get(first - 2).copied().unwrap_or(false)
                    && r.digits(first - 2).is_some();
                let noun_before = !currency
                    && words_before.iter().rposition(|(_, w)| is_record_noun(w)).is_some_and(|i| {
                        let mut between = words_before.iter().skip(i + 1).filter(|(_, w)| is_preposition(w));
                        match (between.next(), between.next()) {
                            (None, _) => true,
                            (Some((_, w)), None) => dated && names::TIME_WORDS.contains(w),
                            _ => false,
                        }
                    });
                // a word in the magnitude's place this tool does not read: "1,000 bln
                // records", "1000 G rows", "1,000 **million** records" (dropped, it left
                // the bare number, held against the count as 1,000)
                let slot_words: &[(usize, &str)] = match noun_after {
                    Some(k) => words_after.get(..words_after.iter().take_while(|(j, _)| *j < k).count()),
                    None if noun_before => words_after.get(..1).filter(|w| w.iter().all(|(j, _)| *j <= after + 2)),
                    None => None,
                }
                .unwrap_or_default();
                // "Records: 1,000 (billion)": a magnitude in brackets right after the
                // number, in a clause of its own
                let bracketed = noun_after
                    .is_none()
                    .then(|| {
                        let prev = after.saturating_sub(1);
                        let gap = |t: &Tok| t.start.saturating_sub(r.toks.get(prev).map_or(0, |p| p.end));
                        let near = r.toks.get(after).is_some_and(|t| gap(t) <= 3 && !r.same_clause(prev, after));
                        r.word(after).filter(|w| near && slot_magnitude(&r, after, w)).map(|w| (after, w))
                    })
                    .flatten();
                let slot = slot_words
                    .iter()
                    .find(|(_, w)| magnitude_word(w).is_some())
                    .or_else(|| slot_words.iter().find(|(j, w)| slot_magnitude(&r, *j, w)))
                    .map(|(j, w)| (*j, *w))
                    .or(bracketed);
                if let Some((j, w)) = slot {
                    let why = if magnitude_word(w).is_some() {
                        format!(
                            "a magnitude (\"{w}\") set apart from the number by symbols (markup such as ** or <b>), \
                             which this tool does not read as part of it; not held against the record count"
                        )
                    } else {
                        format!(
                            "a word in the place of a magnitude (\"{w}\") that this tool does not read as one; not \
                             held against the record count"
                        )
                    };
                    not_checked(&mut out, &mut claimed, &norm, &r, first..noun_after.unwrap_or(j) + 1, why.into());
                    continue;
                }
                if let Some(k) = noun_after {
                    // a rate: "records/sec", "rows per second", "records generated every
                    // second", "records a second"
                    match rate_after(&r, k, next_span) {
                        Rate::Read(secs, end) => {
                            after = end;
                            Quantity::Throughput { value: value * num.mult / secs }
                        }
                        Rate::Unsure(end) => {
                            let why = "rate words after its record noun (a time unit) that this tool does not read \
                                       with certainty; not held against the record count or the throughput";
                            not_checked(&mut out, &mut claimed, &norm, &r, first..end, why.into());
                            continue;
                        }
                        Rate::None => {
                            let rest: Vec<&str> = words_after.iter().filter(|(j, _)| *j > k).map(|(_, w)| *w).collect();
                            if let Some(part) = names_data_part(&rest) {
                                let why = format!(
                                    "its words (\"{part}\") name a part of the data, not the records the run \
                                     processed; not held against the record count"
                                );
                                not_checked(&mut out, &mut claimed, &norm, &r, first..k + 1, why.into());
                                continue;
                            }
                            after = k + 1;
                            Quantity::Records { value, multiplier: num.mult }
                        }
                    }
                } else if noun_before {
                    Quantity::Records { value, multiplier: num.mult }
                } else {
                    // a duration, in words too ("in one second": a number in words was
                    // not reported, and the rate it makes of a count was lost)
                    if r.word(num.last).and_then(per_time).is_some() && r.same_clause(num.first, num.last) {
                        let why = "a duration, which no metric of the bundle is held against";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..num.last + 1, why.into());
                    }
                    // "cut by a dozen hundredths": a count no fraction reads before a
                    // denominator (read as a count of nothing, the share passed)
                    let denominator = r.word(num.last).is_some_and(fractions::is_fraction_word)
                        && !fractions::quarters_of_time(&r, num.first, num.last);
                    if denominator && r.same_clause(num.first, num.last) {
                        let why = "a count before a denominator word that this tool does not read as a fraction (\"a \
                                   dozen hundredths\", \"seven and a half tenths\")";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..num.last + 1, why.into());
                    } else if in_figure_slot(&r, &num, &words_before) {
                        let why = "a number in words where a claim's figure stands (after \"by\" or a colon, in a \
                                   claim of speed, cost or records), with no unit this tool reads";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..num.last, why.into());
                    } else if r.digits(num.first).is_none()
                        && num.first > 0
                        && r.word(num.first - 1) == Some("x")
                        && !r.upper(num.first - 1)
                        && !(num.first > 1 && r.glued(num.first - 1))
                    {
                        // "speedup x nine": in digits ("x 9") it is not read either; "× nine"
                        // is read as a speed-up, a letter x alone before a word is not (a
                        // capital X is a name: "Platform X one of the first")
                        let why = "a number in words after a spaced \"x\" (\"speedup x nine\"): a multiple this \
                                   tool does not read, not held against a metric";
                        not_checked(&mut out, &mut claimed, &norm, &r, num.first - 1..num.last, why.into());
                    } else if r.digits(num.first).is_none() && after_factor(&r, num.first) {
                        let why = "a number in words after \"factor\" (\"by a factor of nine\"): a multiple this \
                                   tool does not read, not held against a metric";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..num.last, why.into());
                    }
                    continue;
                }
            }
        };
        // "cut to 25%", "25% of the cost", "24% as long": the share that remains, 100 - N
        // saved (read as N saved, a claim that triples the gain passed)
        let mut span_from = first;
        let quantity = match quantity {
            Quantity::Percent { value, of: of @ (PercentOf::CostSavings | PercentOf::TimeSavings) } => {
                // "costs 1/4th of traditional": an ordinal's ending glued to a fraction is
                // read through, as "a fourth of" is (the "of" after it went unseen, and the
                // quarter that remains was read as a quarter saved)
                let suffix = r.glued(after)
                    && r.digits(after.wrapping_sub(1)).is_some()
                    && matches!(r.word(after), Some("th" | "ths" | "rd" | "rds" | "nd" | "nds"));
                let (share_words, share_at) = match words_after.split_first() {
                    Some((&(k, _), rest)) if suffix && k == after => (rest, after + 1),
                    _ => (&words_after[..], after),
                };
                match remaining_share(&words_before, share_words, share_at) {
                    Share::Unsure => {
                        let why = "a figure after \"to\" with no word before it to say what it is the new value of \
                                   (\"from 100% to 25%\"); not held against the savings";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    Share::Remaining(..) if value > 100.0 => {
                        let why = "a share that remains above 100 % (an increase), which states the opposite of the \
                                   savings the bundle reports; not held against it";
                        not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
                        continue;
                    }
                    Share::Remaining(from, to) => {
                        span_from = from.min(first);
                        after = after.max(to);
                        bound = match bound {
                            Bound::AtLeast => Bound::AtMost,
                            Bound::AtMost => Bound::AtLeast,
                            Bound::Exact => Bound::Exact,
                        };
                        Quantity::Percent { value: 100.0 - value, of }
                    }
                    Share::Saved => Quantity::Percent { value, of },
                }
            }
            q => q,
        };
        // A sign glued to the number: "+75%", "-4.2x". A minus must not be glued to what
        // precedes it too (then it is a hyphen: "model-4.2x").
        let sign = match (first.checked_sub(1).and_then(|k| r.sym(k)), r.glued(first)) {
            (Some('+'), true) => Some('+'),
            (Some('-'), true) if first == 1 || !r.glued(first - 1) => Some('-'),
            _ => None,
        };
        if let Some(why) = read_bound.err().or_else(|| opposite_words(&quantity, &words_before, &words_after, sign)) {
            not_checked(&mut out, &mut claimed, &norm, &r, first..after, why);
            continue;
        }
        // the figure before an arrow ("40 GB -> 16.5 GB") is a value it changed from,
        // which the bundle does not report
        let arrow = matches!(r.sym(after), Some('\u{2192}' | '\u{21d2}' | '\u{27f6}'))
            || (matches!(r.sym(after), Some('-' | '=')) && is_arrow(&r, after + 2));
        if arrow {
            let why = "a value before an arrow, which the claim says changed to the figure after it; not held \
                       against the metric";
            not_checked(&mut out, &mut claimed, &norm, &r, first..after, why.into());
            continue;
        }
        // a plain number of records cannot be negative: "-" before it is a dash
        prev_num_end = prev_num_end.max(after).max(used);
        let span = tok_span(&r, span_from, after);
        mark(&mut claimed, first, after);
        let speed_gain = speed_gain && matches!(quantity, Quantity::Percent { of: PercentOf::TimeSavings, .. });
        out.mentions.push(Mention {
            quantity,
            bound,
            decimals: num.decimals,
            span: norm.original_range(span),
            speed_gain,
        });
    }
    // every number has been read: the loop above ends when the scan does
    let num_at = nums.num_at;
    // magnitude words with no number: "billion scale", "billions of records"
    for (k, tok) in r.toks.iter().enumerate() {
        if claimed.get(k).copied().unwrap_or(true) || num_at.get(k).is_some_and(|&n| n != 0) {
            continue;
        }
        let Some(m) = r.word(k).and_then(magnitude_word) else { continue };
        let noun = (k + 1..k + 3).find(|&j| r.same_clause(k, j) && r.word(j).is_some_and(is_record_noun));
        if let Some(j) = noun {
            let span = tok.range().start..r.toks.get(j).map(|t| t.range().end).unwrap_or(tok.range().end);
            mark(&mut claimed, k, j + 1);
            out.mentions.push(Mention {
                quantity: Quantity::Records { value: 1.0, multiplier: m },
                bound: Bound::AtLeast,
                decimals: 0,
                span: norm.original_range(span),
                speed_gain: false,
            });
        }
    }
    // a factor in one word: "tenfold", "twofold", "hundredfold"
    for (k, tok) in r.toks.iter().enumerate() {
        if claimed.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Some(v) = r.word(k).and_then(|w| w.strip_suffix("fold")).and_then(fold_factor) else { continue };
        // "four point twofold", "forty tenfold": numbers written together, as above
        if let Some(from) = composed_before(&r, k, &num_at).or_else(|| number_joined_before(&r, k, &num_at)) {
            let why = "a -fold word joined to a number or a decimal point before it (\"four point twofold\", \
                       \"forty tenfold\"), which this tool does not compose; not read in part either";
            not_checked(&mut out, &mut claimed, &norm, &r, from..k + 1, why.into());
            continue;
        }
        let around: Vec<(usize, &str)> = (k.saturating_sub(3)..k + 4)
            .filter(|&j| j != k && r.same_clause(j, k))
            .filter_map(|j| r.word(j).map(|w| (j, w)))
            .collect();
        let (before, after): (Vec<_>, Vec<_>) = around.into_iter().partition(|(j, _)| *j < k);
        // "fourfold ROI", "tenfold less memory": no speed-up (see the multiples above)
        let speed = |ws: &[&(usize, &str)]| ws.iter().any(|(_, w)| names_speed(w));
        let other = |ws: &[&(usize, &str)]| -> Option<String> {
            ws.iter().find(|(_, w)| names_other_metric(w)).map(|(_, w)| (*w).to_owned())
        };
        let (a2, b2): (Vec<_>, Vec<_>) = (after.iter().take(2).collect(), before.iter().rev().take(2).collect());
        let named = if speed(&a2) { None } else { other(&a2).or_else(|| other(&b2).filter(|_| !speed(&b2))) };
        if named.is_none() && !speed(&a2) && !speed(&b2) && field != "performance_improvement" {
            let why = "a multiple with no word of speed or time, in a field that names a quantity other than the \
                       convergence speed-up; not held against it";
            not_checked(&mut out, &mut claimed, &norm, &r, k..k + 1, why.into());
            continue;
        }
        // the clause's words either side, as far as the next figure (digits or another
        // -fold word): each word is read for at most the two figures beside it
        let figure = |j: usize| {
            matches!(r.toks.get(j).map(|t| t.kind), Some(Kind::Digits | Kind::Foreign))
                || r.word(j).is_some_and(|w| w.ends_with("fold"))
        };
        let words = |js: &mut dyn Iterator<Item = usize>| -> Vec<(usize, &str)> {
            js.take_while(|&j| r.same_clause(j, k) && !figure(j)).filter_map(|j| r.word(j).map(|w| (j, w))).collect()
        };
        let clause_after = words(&mut (k + 1..r.toks.len()));
        let mut clause_before = words(&mut (0..k).rev());
        clause_before.reverse();
        if let Some(w) = other_process_in_clause(&clause_after, &clause_before) {
            not_checked(&mut out, &mut claimed, &norm, &r, k..k + 1, other_process_why(w));
            continue;
        }
        if let Some(w) = named {
            let why = format!(
                "its words (\"{w}\") name something other than the convergence speed-up the bundle reports; not \
                 held against it"
            );
            not_checked(&mut out, &mut claimed, &norm, &r, k..k + 1, why.into());
            continue;
        }
        if let Some(why) = opposite_words(&Quantity::Speedup { value: v }, &before, &after, None) {
            not_checked(&mut out, &mut claimed, &norm, &r, k..k + 1, why);
            continue;
        }
        let bound = match bound_before(&r, k) {
            Ok(b) => b,
            Err(why) => {
                not_checked(&mut out, &mut claimed, &norm, &r, k..k + 1, why);
                continue;
            }
        };
        let span = tok.range();
        mark(&mut claimed, k, k + 1);
        out.mentions.push(Mention {
            quantity: Quantity::Speedup { value: v },
            bound,
            decimals: 0,
            span: norm.original_range(span),
            speed_gain: false,
        });
    }
    for toks in &nums.unread {
        if claimed.get(toks.clone()).is_some_and(|c| c.iter().any(|&c| c)) {
            continue;
        }
        match fractions::why_unread(&r, field, toks.clone()) {
            Some(None) => {
                mark(&mut claimed, toks.start, toks.end);
                continue;
            }
            Some(Some(why)) => {
                not_checked(&mut out, &mut claimed, &norm, &r, toks.clone(), why);
                continue;
            }
            None => {}
        }
        // a power beyond 10^30 (`1e400`, `10^400`), not one glued to digit groups that are
        // not read (`2·10^6`: it is the groups)
        let beyond = |k: usize| r.digits(k).is_none_or(|d| d.parse::<i32>().map_or(true, |e| e > MAX_EXPONENT));
        let power = toks.clone().any(|k| match (r.sym(k), r.word(k)) {
            (Some('^'), _) => beyond(k + 1),
            (Some('*'), _) => r.sym(k + 1) != Some('*') && beyond(k + 1),
            (_, Some("e")) => beyond(if matches!(r.sym(k + 1), Some('+' | '-')) { k + 2 } else { k + 1 }),
            (_, word) => word.is_some(),
        });
        let why = Cow::Borrowed(if toks.clone().any(|k| r.foreign(k)) {
            "digits of another script than ASCII (0-9), which this tool does not read"
        } else if power {
            "a power of ten beyond 10^30, which this tool does not read"
        } else {
            "digit groups this tool does not read with certainty (a group of other than three digits, separators \
             mixed, a mark that may be a decimal point or a thousands separator, or a number too large to read); \
             not read in part either"
        });
        not_checked(&mut out, &mut claimed, &norm, &r, toks.clone(), why);
    }
    // what is left: digits and magnitude words the claim carries but nothing read
    for (k, tok) in r.toks.iter().enumerate() {
        if claimed.get(k).copied().unwrap_or(true) {
            continue;
        }
        let is_digits = matches!(tok.kind, Kind::Digits);
        // digits glued to a word are part of an identifier ("sha256", "v2.0.1", "Q3")
        if is_digits && r.identifier(k) {
            let mut to = k + 1;
            while to < r.toks.len() && r.glued(to) {
                to += 1;
            }
            mark(&mut claimed, k, to);
            continue;
        }
        let is_magnitude = r.word(k).is_some_and(|w| {
            magnitude_word(w).is_some()
                || is_made_up_magnitude(w)
                || (is_vague_unread(w) && r.figure_word(r.of_figure(k + 1)))
        });
        // a unit or a multiple with no number read: "one and a half gigabytes" read
        // wrong, "twice as fast", "an order of magnitude faster", "umpteen times faster"
        let is_unit =
            r.word(k).is_some_and(|w| mem_unit(w).is_some() || is_multiple_word(w) || matches!(w, "percent" | "pct"))
                || matches!(r.sym(k), Some('%' | '\u{66A}'))
                || times_faster(&r, k)
                || multiple_in_words(&r, k);
        if !(is_digits || is_magnitude || is_unit) {
            continue;
        }
        // the whole number (or the run of unread tokens) it belongs to
        let (from, to) = number_at(&num_at, k).unwrap_or((k, k + 1));
        let mut to = to;
        while to < r.toks.len() && r.glued(to) && !claimed.get(to).copied().unwrap_or(true) {
            to += 1;
        }
        let span = tok_span(&r, from, to);
        mark(&mut claimed, from, to);
        out.record_unchecked(Unchecked {
            text: String::new(),
            span: norm.original_range(span),
            why: Cow::Borrowed("no metric of the bundle could be tied to it (no unit or record noun this tool reads)"),
        });
    }
    finish(out, text)
}

/// Puts the mentions in the claim's order, keeps the first unchecked numbers (see
/// [`Extraction::unchecked`]) and fills in their phrases from the claim `text`.
fn finish(mut out: Extraction, text: &str) -> Extraction {
    out.mentions.sort_by_key(|m| m.span.start);
    out.cut_unchecked();
    for u in &mut out.unchecked {
        u.text = text.get(u.span.clone()).unwrap_or_default().to_owned();
    }
    out
}

/// The numbers of a claim in order, read as they are needed: the loop over them looks
/// one ahead, and a claim of a million numbers need not hold them all (40 bytes each;
/// the list kept before held 48, with a flag).
struct Numbers<'r, 't> {
    r: &'r Reader<'t>,
    /// Per token: part of a name or a date ([`names::names`]), never read as a number.
    names: &'r [bool],
    /// The next token to read a number from.
    at: usize,
    ahead: VecDeque<Num>,
    /// Per token: 1 + the first token of the number it is part of, or 0; so the passes
    /// after the numbers' own need no list of them ([`number_at`]).
    num_at: Vec<u32>,
    /// Token ranges of the numbers with a power of ten not read ([`Num::unread`]).
    unread: Vec<Range<usize>>,
}

impl Numbers<'_, '_> {
    /// The `k`-th number not yet popped.
    fn peek(&mut self, k: usize) -> Option<Num> {
        while self.ahead.len() <= k {
            let n = self.read()?;
            self.ahead.push_back(n);
        }
        self.ahead.get(k).copied()
    }

    fn pop(&mut self) {
        self.ahead.pop_front();
    }

    /// Reads the next number of the claim, if any, and records its tokens in `num_at`.
    fn read(&mut self) -> Option<Num> {
        let r = self.r;
        while self.at < r.toks.len() {
            let i = self.at;
            if self.names.get(i).copied().unwrap_or(false) {
                self.at += 1;
                continue;
            }
            // digits glued to a word before them are part of it ("sha256", "v2", "x10" below)
            let glued_to_word = r.identifier(i) && (r.word(i - 1) != Some("x") || r.glued(i - 1));
            let foreign = r.foreign(i) || (r.digits(i).is_some() && r.foreign(i + 1) && r.glued(i + 1));
            let n = if foreign {
                Some(r.foreign_number(i))
            } else if r.digits(i).is_some() && !glued_to_word {
                r.digits_number(i)
            } else if r.digits(i).is_none() {
                r.word_number(i)
            } else {
                None
            };
            match n {
                Some(n) if n.last > i => {
                    self.at = n.last;
                    let id = pos(n.first).saturating_add(1);
                    for slot in self.num_at.iter_mut().take(n.last).skip(n.first) {
                        *slot = id;
                    }
                    if n.is_unread() {
                        self.unread.push(n.first..n.last);
                        continue;
                    }
                    return Some(n);
                }
                _ => self.at += 1,
            }
        }
        None
    }
}

/// The tokens `first..last` of the number token `k` is part of.
fn number_at(num_at: &[u32], k: usize) -> Option<(usize, usize)> {
    let id = *num_at.get(k).filter(|&&n| n != 0)?;
    let first = id as usize - 1;
    let len = num_at.get(first..).unwrap_or_default().iter().take_while(|&&n| n == id).count();
    Some((first, first + len))
}

fn tok_span(r: &Reader, from: usize, to: usize) -> Range<usize> {
    let start = r.toks.get(from).map(|t| t.range().start).unwrap_or(0);
    let end = to.checked_sub(1).and_then(|k| r.toks.get(k)).map(|t| t.range().end).unwrap_or(start);
    start..end.max(start)
}

/// Tokens `toks` of a number the claim states but that is not held against a metric.
fn not_checked(
    out: &mut Extraction,
    claimed: &mut [bool],
    norm: &Normalized,
    r: &Reader,
    toks: Range<usize>,
    why: Cow<'static, str>,
) {
    let span = tok_span(r, toks.start, toks.end);
    out.record_unchecked(Unchecked { text: String::new(), span: norm.original_range(span), why });
    mark(claimed, toks.start, toks.end);
}

fn mark(claimed: &mut [bool], from: usize, to: usize) {
    for c in claimed.iter_mut().take(to).skip(from) {
        *c = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(field: &str, text: &str) -> Vec<Quantity> {
        extract(field, text).mentions.into_iter().map(|m| m.quantity).collect()
    }

    fn rec(value: f64, multiplier: f64) -> Vec<Quantity> {
        vec![Quantity::Records { value, multiplier }]
    }

    #[test]
    fn seed_claims() {
        assert_eq!(q("scale_proven", "1 billion records generated successfully"), rec(1.0, 1e9));
        assert_eq!(
            q("quality_maintained", "100% compliance at massive scale"),
            vec![Quantity::UnknownPercent { value: 100.0, subject: "compliance at massive".into() }]
        );
        assert_eq!(
            q("efficiency_achieved", "75% cost reduction vs traditional methods"),
            vec![Quantity::Percent { value: 75.0, of: PercentOf::CostSavings }]
        );
        assert_eq!(
            q("performance_improvement", "4.2x faster training convergence"),
            vec![Quantity::Speedup { value: 4.2 }]
        );
        let m = extract("memory_optimization", "Peak usage only 185.58 MB at 1B scale").mentions;
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].quantity, Quantity::Memory { value: 185.58, unit: MemUnit::Mb });
        assert_eq!(m[0].decimals, 2);
        assert_eq!(m[0].phrase("Peak usage only 185.58 MB at 1B scale"), "185.58 MB");
        assert_eq!(m[1].quantity, Quantity::Records { value: 1.0, multiplier: 1e9 });
        let e = extract("enterprise_ready", "Proven at billion scale operations");
        assert_eq!(e.mentions.len(), 1);
        assert_eq!(e.mentions[0].quantity, Quantity::Records { value: 1.0, multiplier: 1e9 });
        assert_eq!(e.mentions[0].bound, Bound::AtLeast);
        assert_eq!(e.mentions[0].phrase("Proven at billion scale operations"), "billion scale");
        assert!(e.unchecked.is_empty());
    }

    #[test]
    fn record_counts_as_written() {
        for (text, value, mult) in [
            ("1,000,000 records generated", 1e6, 1.0),
            ("Records generated: 1 billion", 1.0, 1e9),
            ("Scale proven: 1 billion", 1.0, 1e9),
            ("1 billion high-quality synthetic records", 1.0, 1e9),
            ("one billion records", 1.0, 1e9),
            ("a billion records", 1.0, 1e9),
            ("one thousand million records", 1.0, 1e9),
            ("1bn records", 1.0, 1e9),
            ("1.0e9 records", 1.0, 1e9),
            ("10^9 records", 1.0, 1e9),
            ("10\u{2079} records", 1.0, 1e9),
            ("1 000 000 000 records", 1e9, 1.0),
            ("1\u{2009}000\u{2009}000 records", 1e6, 1.0),
            ("1.000.000.000 records", 1e9, 1.0),
            ("Generated 1.2M rows", 1.2, 1e6),
            ("at 1M scale", 1.0, 1e6),
            ("one-billion records", 1.0, 1e9),
            ("1 \u{d7} 10^9 records", 1.0, 1e9),
            ("1x10^9 records", 1.0, 1e9),
            ("1 x 10\u{2079} records", 1.0, 1e9),
            ("10**9 records", 1.0, 1e9),
        ] {
            assert_eq!(q("scale_proven", text), rec(value, mult), "{text}");
        }
    }

    #[test]
    fn units_as_written() {
        use Quantity::*;
        for (text, want) in [
            ("Peak usage only 185,58 MB", Memory { value: 185.58, unit: MemUnit::Mb }),
            ("185.58\u{a0}MB", Memory { value: 185.58, unit: MemUnit::Mb }),
            ("185.58 megabytes", Memory { value: 185.58, unit: MemUnit::Mb }),
            ("185.58 MBytes", Memory { value: 185.58, unit: MemUnit::Mb }),
            ("177 MiB", Memory { value: 177.0, unit: MemUnit::Mib }),
            ("0.19 gigabytes", Memory { value: 0.19, unit: MemUnit::Gb }),
            ("16,5 GB", Memory { value: 16.5, unit: MemUnit::Gb }),
            ("16,500 MB", Memory { value: 16500.0, unit: MemUnit::Mb }),
            ("4,2x faster", Speedup { value: 4.2 }),
            ("4.2-fold faster", Speedup { value: 4.2 }),
            ("x10 faster", Speedup { value: 10.0 }),
            ("\u{d7}10 faster", Speedup { value: 10.0 }),
            ("4.2 times faster", Speedup { value: 4.2 }),
            ("\u{ff15}x faster", Speedup { value: 5.0 }),
            ("5-10x faster", Speedup { value: 10.0 }),
            ("up to 10x faster", Speedup { value: 10.0 }),
            ("80 pct cost reduction", Percent { value: 80.0, of: PercentOf::CostSavings }),
            ("80 per cent cost reduction", Percent { value: 80.0, of: PercentOf::CostSavings }),
            ("ninety percent cost reduction", Percent { value: 90.0, of: PercentOf::CostSavings }),
            ("seventy-five percent cost reduction", Percent { value: 75.0, of: PercentOf::CostSavings }),
            ("-90% training cost", Percent { value: 90.0, of: PercentOf::CostSavings }),
            ("80\u{a0}% cost reduction", Percent { value: 80.0, of: PercentOf::CostSavings }),
            ("an ROI of 300%", Percent { value: 300.0, of: PercentOf::Roi }),
            ("50,522 records/sec average", Throughput { value: 50522.0 }),
            ("3600 rows per hour", Throughput { value: 1.0 }),
            ("a 16.5-GB peak", Memory { value: 16.5, unit: MemUnit::Gb }),
            ("15.4 GiB peak", Memory { value: 15.4, unit: MemUnit::Gib }),
            ("one and a half gigabytes", Memory { value: 1.5, unit: MemUnit::Gb }),
            ("tenfold faster", Speedup { value: 10.0 }),
            ("10-times faster", Speedup { value: 10.0 }),
            ("between 3 and 4x faster", Speedup { value: 4.0 }),
            ("90 per-cent cost reduction", Percent { value: 90.0, of: PercentOf::CostSavings }),
            ("90\u{66a} cost reduction", Percent { value: 90.0, of: PercentOf::CostSavings }),
        ] {
            assert_eq!(q("x", text), vec![want], "{text}");
        }
    }

    #[test]
    fn bounds() {
        let m = extract("x", "Peak usage under 1 TB").mentions;
        assert_eq!(m[0].bound, Bound::AtMost);
        let m = extract("x", "over 1 billion records").mentions;
        assert_eq!(m[0].bound, Bound::AtLeast);
        let m = extract("x", "1M+ rows").mentions;
        assert_eq!(m[0].bound, Bound::AtLeast);
        let m = extract("x", "Fits in 20 GB of RAM").mentions;
        assert_eq!(m[0].bound, Bound::AtMost);
    }

    /// A negation before a bound reverses it: "no less than 1 billion" is a floor, not
    /// the ceiling "less than" alone makes (read so, false claims passed against smaller
    /// metrics). Any other negation near a bound or a figure makes it unchecked.
    #[test]
    fn a_negated_bound_reads_reversed() {
        use Quantity::*;
        let records = Records { value: 1.0, multiplier: 1e9 };
        let mb = |value: f64| Memory { value, unit: MemUnit::Mb };
        for (text, want, bound) in [
            ("No less than 1 billion records generated successfully", records.clone(), Bound::AtLeast),
            ("not fewer than one billion records", records.clone(), Bound::AtLeast),
            ("never under 1B records", records.clone(), Bound::AtLeast),
            ("not below 1 billion records", records.clone(), Bound::AtLeast),
            ("never below 1 billion records", records.clone(), Bound::AtLeast),
            (
                "Cost reduction of no less than 95% vs traditional methods",
                Percent { value: 95.0, of: PercentOf::CostSavings },
                Bound::AtLeast,
            ),
            ("Training converges no less than 10x faster", Speedup { value: 10.0 }, Bound::AtLeast),
            ("Training converges not less than x10 faster", Speedup { value: 10.0 }, Bound::AtLeast),
            ("no less than tenfold faster", Speedup { value: 10.0 }, Bound::AtLeast),
            ("Peak usage never above 185.58 MB", mb(185.58), Bound::AtMost),
            ("Peak usage never-above 185.58 MB", mb(185.58), Bound::AtMost),
            ("not over 200 MB", mb(200.0), Bound::AtMost),
            ("not more than 200 MB", mb(200.0), Bound::AtMost),
            ("never more than 200 MB", mb(200.0), Bound::AtMost),
            ("no more than 200 MB", mb(200.0), Bound::AtMost),
            ("not exceeding 200 MB", mb(200.0), Bound::AtMost),
            ("never exceeds 200 MB", mb(200.0), Bound::AtMost),
            ("Peak usage doesn't exceed 200 MB", mb(200.0), Bound::AtMost),
            ("Peak usage doesn\u{2019}t exceed 200 MB", mb(200.0), Bound::AtMost),
            ("without exceeding 200 MB", mb(200.0), Bound::AtMost),
            ("exceeds 200 MB", mb(200.0), Bound::AtLeast),
            ("not less than 1 TB", Memory { value: 1.0, unit: MemUnit::Tb }, Bound::AtLeast),
            (
                "no fewer than hundreds of millions of records",
                Records { value: 100.0, multiplier: 1e6 },
                Bound::AtLeast,
            ),
        ] {
            let e = extract("x", text);
            let got: Vec<(Quantity, Bound)> = e.mentions.iter().map(|m| (m.quantity.clone(), m.bound)).collect();
            assert_eq!(got, vec![(want, bound)], "{text}");
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
        // a negation it cannot read with certainty: not checked, and said so
        for (text, phrase) in [
            ("not 1 billion records", "1 billion records"),
            ("never 10x faster", "10x"),
            ("not at most 200 MB", "200 MB"),
            ("not within 200 MB", "200 MB"),
            ("no max 200 MB", "200 MB"),
            ("not < 200 MB", "200 MB"),
            ("Peak usage never goes above 185.58 MB", "185.58 MB"),
            ("not only over 1 billion records", "1 billion records"),
            ("not even 95% cost reduction", "95%"),
            ("never tenfold faster", "tenfold"),
            ("not more than hundreds of millions of records", "hundreds of millions"),
        ] {
            let e = extract("x", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
            assert_eq!(e.unchecked[0].text, phrase, "{text}");
            assert!(
                e.unchecked[0].why.contains("negation") || e.unchecked[0].why.contains("ceiling"),
                "{text}: {:?}",
                e.unchecked
            );
        }
        // a negation elsewhere, or a word that is not a bound, keeps the reading
        assert_eq!(q("x", "no downtime; 1 billion records"), rec(1.0, 1e9));
        assert_eq!(q("x", "No data loss with 1 billion records"), rec(1.0, 1e9));
        let m = extract("x", "no one lost, over 1 billion records").mentions;
        assert_eq!(m[0].bound, Bound::AtLeast);
    }

    /// Text that displays as a claim this tool reads but is written otherwise: look-alike
    /// letters ("bіllion" with a Cyrillic і, "bilIion" with a capital I, "recоrds" with a
    /// Cyrillic о) or direction controls around reversed text. Each was read as no claim
    /// at all and passed; now the claim is not read, and each is reported.
    #[test]
    fn text_that_displays_otherwise_is_not_read() {
        for (text, phrase, why) in [
            ("A bi\u{456}llion records generated", "bi\u{456}llion", "Cyrillic"),
            ("A billi\u{43e}n records generated", "billi\u{43e}n", "Cyrillic"),
            ("1 billion rec\u{43e}rds generated", "rec\u{43e}rds", "Cyrillic"),
            ("A bilIion records generated", "bilIion", "\"billion\""),
            ("1 MiIIion records", "MiIIion", "\"million\""),
            ("A bi11ion records generated", "bi11ion", "\"billion\""),
            ("1OO million records", "1OO", "digits"),
            ("4.2\u{445} faster", "\u{445}", "\"x\""),
            ("4.2 \u{445} faster", "\u{445}", "\"x\""),
            ("Peak usage n\u{43e} more than 200 MB", "n\u{43e}", "Cyrillic"),
            ("Costs 75% h\u{456}gher than before", "h\u{456}gher", "Cyrillic"),
            ("\u{3bf}ne billion records", "\u{3bf}ne", "\"one\""),
            ("\u{202e}sdrocer noillib eno\u{202c} generated", "\u{202e}sdrocer noillib eno\u{202c}", "direction"),
            ("\u{2067}sdrocer noillib eno\u{2069}", "\u{2067}sdrocer noillib eno\u{2069}", "direction"),
            ("1 billion records \u{202e}gnitset", "\u{202e}gnitset", "direction"),
            ("\u{200f}10-5x faster", "\u{200f}", "direction"),
        ] {
            let e = extract("scale_proven", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert!(e.unchecked.iter().any(|u| u.text == phrase && u.why.contains(why)), "{text}: {:?}", e.unchecked);
            assert!(e.unchecked.iter().all(|u| u.why.contains("not read")), "{text}: {:?}", e.unchecked);
        }
        // what is spelled as it displays keeps its reading
        for (text, want) in [
            ("1 BILLION RECORDS", rec(1.0, 1e9)),
            ("1 MILLION records", rec(1.0, 1e6)),
            ("1 billion records INTO production, IIoT-ready", rec(1.0, 1e9)),
            ("1bn records", rec(1.0, 1e9)),
            ("1 billion records, latency 5\u{b5}s", rec(1.0, 1e9)),
            ("1 billion records for \u{394}t analysis", rec(1.0, 1e9)),
            ("1 billion records (caf\u{e9} data)", rec(1.0, 1e9)),
            ("1 billion records, sha256 v2", rec(1.0, 1e9)),
        ] {
            let e = extract("scale_proven", text);
            let got: Vec<Quantity> = e.mentions.into_iter().map(|m| m.quantity).collect();
            assert_eq!(got, want, "{text}");
            assert!(e.unchecked.iter().all(|u| !u.why.contains("displays")), "{text}: {:?}", e.unchecked);
        }
    }

    /// A power of ten beyond what is read: the number was read as its mantissa ("1e400
    /// records" as 1 record, which a record count of 1 passed) or its exponent ("10^400
    /// records" as 400). Now it is one number, not checked, and nothing else is read of it.
    #[test]
    fn a_power_of_ten_not_read_is_not_checked_and_not_read_in_part() {
        for (text, unread) in [
            ("1e400 records generated", "1e400"),
            ("1E+31 records", "1E+31"),
            ("2.5e-400 TB peak", "2.5e-400"),
            ("10^400 records", "10^400"),
            ("10**99 records/s", "10**99"),
            ("1 x 10^400 records", "1 x 10^400"),
            ("10^309-fold faster", "10^309"),
            ("1e99999999999999999999 records", "1e99999999999999999999"),
        ] {
            let e = extract("scale_proven", text);
            assert_eq!(e.mentions, [], "{text}: nothing is read of it");
            let u = e.unchecked.first().unwrap_or_else(|| panic!("{text}: not reported"));
            assert_eq!(u.text, unread, "{text}");
            assert!(u.why.contains("power of ten"), "{text}: {}", u.why);
        }
        // At the bound, still read.
        assert_eq!(q("scale_proven", "1e30 records"), rec(1.0, 1e30));
        assert_eq!(q("scale_proven", "10^30 records"), rec(1.0, 1e30));
    }

    /// Digit groups with the apostrophes, the Arabic thousands separator, the middle dot
    /// or typographic spaces between them: read as thousands when every group has three
    /// digits, else not read at all. "1’000’500 records" was read as 500 records (only
    /// the last group), which a bundle of 500 records passed (attacker pass 7).
    #[test]
    fn digit_groups_are_read_whole_or_not_at_all() {
        for (text, value) in [
            ("1\u{2019}000\u{2019}500 records", 1_000_500.0),
            ("1'000'500 records", 1_000_500.0),
            ("1\u{66c}000\u{66c}000\u{66c}000 records", 1e9),
            ("1\u{b7}000\u{b7}500 records", 1_000_500.0),
            ("1\u{2009}000\u{2009}500 records", 1_000_500.0),
            ("1\u{202f}000\u{202f}500 records", 1_000_500.0),
            ("1\u{a0}000\u{a0}500 records", 1_000_500.0),
            ("1\u{2019}000 records", 1000.0),
            ("1\u{2019}000.5 records", 1000.5),
            ("12\u{2019}500 records", 12_500.0),
            ("1,000,500 records", 1_000_500.0),
            ("1.000.500 records", 1_000_500.0),
            ("1 000,500 records", 1000.5),
            ("1\u{66c}000\u{66b}5 records", 1000.5),
            ("1\u{2009}000,5 records", 1000.5),
        ] {
            assert_eq!(q("scale_proven", text), rec(value, 1.0), "{text}");
        }
        for (text, unread) in [
            ("1\u{2019}00\u{2019}500 records", "1\u{2019}00\u{2019}500"),
            ("1'00'500 records", "1'00'500"),
            ("1\u{66c}00\u{66c}500 records", "1\u{66c}00\u{66c}500"),
            ("1\u{b7}000 records", "1\u{b7}000"),
            ("1\u{b7}5x faster", "1\u{b7}5"),
            ("1\u{2019}000,500 records", "1\u{2019}000,500"),
            ("1\u{2019}000 500 records", "1\u{2019}000 500"),
            ("1\u{201a}000\u{201a}000 records", "1\u{201a}000\u{201a}000"),
            ("1\u{2032}000\u{2032}000 records", "1\u{2032}000\u{2032}000"),
            ("3\u{2018}001,000,000 records", "3\u{2018}001,000,000"),
            ("1,000 500 records", "1,000 500"),
            ("1,000\u{2019}500 records", "1,000\u{2019}500"),
            ("1,000.500.000 records", "1,000.500.000"),
            ("1\u{2009}00\u{2009}500 records", "1\u{2009}00\u{2009}500"),
            ("1\u{a0}5000 records", "1\u{a0}5000"),
            ("10,00,000 records", "10,00,000"),
            ("1000,000 records", "1000,000"),
            ("1\u{66b}5\u{66b}3 records", "1\u{66b}5\u{66b}3"),
        ] {
            let e = extract("scale_proven", text);
            assert!(
                !e.mentions.iter().any(|m| matches!(m.quantity, Quantity::Records { .. } | Quantity::Speedup { .. })),
                "{text}: read in part: {:?}",
                e.mentions
            );
            assert!(e.unchecked.iter().any(|u| u.text == unread), "{text}: {:?}", e.unchecked);
        }
        // a number beyond a double, in groups: one number not read, none of its groups
        let huge = format!("1{} records", ",000".repeat(110));
        let e = extract("scale_proven", &huge);
        assert_eq!(e.mentions, [], "nothing of it is read");
        assert_eq!(e.unchecked.len(), 1, "{:?}", e.unchecked);
        // two numbers with an ordinary space between them stay two numbers
        assert_eq!(q("scale_proven", "Mike\u{2019}s 500 records"), rec(500.0, 1.0));
    }

    /// A duration in words is reported like one in digits ("in one second" was not).
    #[test]
    fn a_duration_in_words_is_not_checked() {
        for (text, phrase) in
            [("1 million records generated in one second", "one second"), ("1 million records in 2 hours", "2 hours")]
        {
            let e = extract("scale_proven", text);
            assert!(e.unchecked.iter().any(|u| u.text == phrase && u.why.contains("duration")), "{text}: {e:?}");
        }
    }

    #[test]
    fn a_number_after_a_count_is_not_a_count() {
        for (text, unread) in [
            ("1 billion records in 2 hours", "2"),
            ("1 billion records across 45 epochs", "45"),
            ("1 billion records for $24.50", "24.50"),
            ("1 billion records for 24.50 USD", "24.50"),
            ("1,000,000,000 records at $0.0000000245/record", "0.0000000245"),
            ("Records generated in 7200 seconds", "7200"),
        ] {
            let e = extract("scale_proven", text);
            let counts: Vec<&Quantity> = e.mentions.iter().map(|m| &m.quantity).collect();
            assert!(
                counts
                    .iter()
                    .all(|q| matches!(q, Quantity::Records { value, multiplier } if value * multiplier >= 1e9)),
                "{text}: {counts:?}"
            );
            assert!(e.unchecked.iter().any(|u| u.text.contains(unread)), "{text}: {:?}", e.unchecked);
        }
    }

    /// The subject before a percentage is read as the one after it: "time savings" is
    /// time savings on either side of the number (the `savings` nearest the number was
    /// read as cost savings, and a claim of 75 % time savings was held against 75 % cost
    /// savings and passed).
    #[test]
    fn a_subject_before_the_number_reads_as_after_it() {
        let time = |v: f64| vec![Quantity::Percent { value: v, of: PercentOf::TimeSavings }];
        for (text, v) in [
            ("Training time savings: 75% at scale", 75.0),
            ("time savings of 75%", 75.0),
            ("a time saving of 50%", 50.0),
            ("75% time savings", 75.0),
        ] {
            assert_eq!(q("enterprise_ready", text), time(v), "{text}");
        }
        assert_eq!(
            q("enterprise_ready", "Savings: 75%"),
            vec![Quantity::Percent { value: 75.0, of: PercentOf::CostSavings }]
        );
        assert_eq!(
            q("enterprise_ready", "Cost savings: 75%"),
            vec![Quantity::Percent { value: 75.0, of: PercentOf::CostSavings }]
        );
        for text in ["Cost and time savings: 75%", "Time and cost savings of 75%"] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
            assert!(e.unchecked[0].why.contains("two metrics"), "{text}: {:?}", e.unchecked);
        }
    }

    /// Magnitude words with no number before them multiply as after one: "thousand
    /// million records" is "a thousand million" (only "million records", at least a
    /// million, was read, and a claim of 10^9 held against 10^6 records passed).
    #[test]
    fn magnitudes_without_a_number_multiply() {
        for (text, value, mult) in [
            ("Thousand million records generated successfully", 1.0, 1e9),
            ("Proven at hundred million record scale", 100.0, 1e6),
            ("hundred thousand records", 100.0, 1e3),
            ("one thousand million records", 1.0, 1e9),
            ("a hundred million records", 100.0, 1e6),
        ] {
            let e = extract("scale_proven", text);
            let got: Vec<(Quantity, Bound)> = e.mentions.iter().map(|m| (m.quantity.clone(), m.bound)).collect();
            assert_eq!(got, vec![(Quantity::Records { value, multiplier: mult }, Bound::Exact)], "{text}");
        }
    }

    /// The Indian magnitudes multiply as "million" does: a lakh is 10^5, a crore 10^7
    /// ("10 lakh records" was read as 10 records, a false alarm against a million).
    #[test]
    fn lakh_and_crore_are_magnitudes() {
        for (text, value, mult, bound) in [
            ("10 lakh records generated successfully", 10.0, 1e5, Bound::Exact),
            ("1 crore records generated successfully", 1.0, 1e7, Bound::Exact),
            ("2.5 crores of rows", 2.5, 1e7, Bound::Exact),
            ("ten lakhs records", 10.0, 1e5, Bound::Exact),
            ("a lakh records", 1.0, 1e5, Bound::Exact),
            ("1 lakh crore records", 1.0, 1e12, Bound::Exact),
            ("lakh crore records", 1.0, 1e12, Bound::Exact),
            ("several lakh records", 2.0, 1e5, Bound::AtLeast),
            ("lakh-record scale", 1.0, 1e5, Bound::AtLeast),
        ] {
            let e = extract("scale_proven", text);
            let got: Vec<(Quantity, Bound)> = e.mentions.iter().map(|m| (m.quantity.clone(), m.bound)).collect();
            assert_eq!(got, vec![(Quantity::Records { value, multiplier: mult }, bound)], "{text}");
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
    }

    /// Vague multiples of a magnitude are read as the least they can mean, a floor:
    /// "hundreds of millions" at least 10^8, "tens of millions" at least 10^7, "several
    /// million" at least two million (they were read as "millions": at least one).
    #[test]
    fn vague_magnitudes_are_floors() {
        for (text, value, mult, phrase) in [
            ("hundreds of millions of records", 100.0, 1e6, "hundreds of millions of records"),
            ("tens of millions of records", 10.0, 1e6, "tens of millions of records"),
            ("dozens of millions of records", 12.0, 1e6, "dozens of millions of records"),
            ("several million records", 2.0, 1e6, "several million records"),
            ("many millions of rows", 2.0, 1e6, "many millions of rows"),
            ("hundreds of thousands of records", 100.0, 1e3, "hundreds of thousands of records"),
            ("thousands of millions of records", 1000.0, 1e6, "thousands of millions of records"),
        ] {
            let e = extract("scale_proven", text);
            assert_eq!(e.mentions.len(), 1, "{text}: {:?}", e.mentions);
            let m = &e.mentions[0];
            assert_eq!(m.quantity, Quantity::Records { value, multiplier: mult }, "{text}");
            assert_eq!(m.bound, Bound::AtLeast, "{text}");
            assert_eq!(m.phrase(text), phrase);
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
        // with no record noun, or as a ceiling, they are said to be unchecked
        for text in ["hundreds of millions processed", "under tens of millions of records"] {
            let e = extract("scale_proven", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
        }
        // the magnitude word alone keeps its reading
        assert_eq!(q("scale_proven", "billions of records"), rec(1.0, 1e9));
        assert_eq!(q("scale_proven", "Proven at million-record scale"), rec(1.0, 1e6));
    }

    /// Gigabits are no gigabytes: "16 Gb" was held against a memory size in GB as the
    /// same figure. Written that way (capital, then a small b) it is not read as a size.
    #[test]
    fn bits_are_not_bytes() {
        for text in ["Peak usage 16 Gb", "Peak usage 16Gb", "512 Mb peak memory"] {
            let e = extract("memory_optimization", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            // The number and the unit, each not checked.
            assert!(e.unchecked.iter().any(|u| u.text.starts_with(['1', '5'])), "{text}: {:?}", e.unchecked);
        }
        for text in ["Peak usage 16 GB", "Peak usage 16 gb", "16GB peak", "512 MB peak memory"] {
            assert_eq!(q("memory_optimization", text).len(), 1, "{text}");
        }
    }

    /// Words that state the opposite direction of the metric: the number was held
    /// against the savings or the speed-up and passed ("Costs 75% higher" against 75 %
    /// savings, "4.2x slower" against a 4.2x speed-up). Now not checked, and said so.
    #[test]
    fn a_claim_in_the_opposite_direction_is_not_checked() {
        for (field, text, phrase) in [
            ("efficiency_achieved", "Costs 75% higher than traditional methods", "75%"),
            ("efficiency_achieved", "75% more expensive than traditional methods", "75%"),
            ("efficiency_achieved", "75% cost increase vs traditional methods", "75%"),
            ("efficiency_achieved", "cost overrun of 75%", "75%"),
            ("efficiency_achieved", "Costs up 75% year on year", "75%"),
            ("efficiency_achieved", "+75% training cost", "75%"),
            ("performance_improvement", "75% longer training time", "75%"),
            ("performance_improvement", "4.2x slower training convergence", "4.2x"),
            ("performance_improvement", "4.2x longer training time", "4.2x"),
            ("performance_improvement", "takes 4.2 times as long", "4.2 times"),
            ("performance_improvement", "a 4.2-fold slowdown", "4.2-fold"),
            ("performance_improvement", "tenfold slower convergence", "tenfold"),
            ("performance_improvement", "-4.2x faster training convergence", "4.2x"),
            ("performance_improvement", "training at \u{2212}4.2x the speed", "4.2x"),
        ] {
            let e = extract(field, text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
            assert_eq!(e.unchecked[0].text, phrase, "{text}");
            assert!(e.unchecked[0].why.contains("opposite"), "{text}: {:?}", e.unchecked);
        }
        // the right direction still reads
        for (field, text) in [
            ("efficiency_achieved", "75% lower costs than traditional methods"),
            ("efficiency_achieved", "up to 75% cost reduction"),
            ("performance_improvement", "4.2x faster training convergence"),
            ("quality_maintained", "96% higher fidelity"),
            ("efficiency_achieved", "75% cost savings with higher accuracy"),
            ("performance_improvement", "model-4.2x faster convergence"),
            ("performance_improvement", "2-4.2x faster convergence"),
        ] {
            assert_eq!(q(field, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn two_metrics_in_turn_are_two_claims() {
        assert_eq!(
            q("efficiency_achieved", "75% cost reduction and 76% time savings"),
            vec![
                Quantity::Percent { value: 75.0, of: PercentOf::CostSavings },
                Quantity::Percent { value: 76.0, of: PercentOf::TimeSavings }
            ]
        );
        assert_eq!(q("quality_maintained", "96% fidelity and 98% privacy").len(), 2);
    }

    /// Unchecked numbers past the cap are counted, not kept: the list holds the first
    /// MAX_PER_RULE by position whatever order they were found in (cost words first,
    /// then bare numbers, interleaved), each with its own text and reason.
    #[test]
    fn unchecked_numbers_past_the_cap_are_counted_not_kept() {
        let n = 5 * MAX_PER_RULE + 7;
        let parts: Vec<String> =
            (0..n).map(|i| if i % 3 == 0 { format!("{}x cheaper", i + 10) } else { format!("{}", i + 10) }).collect();
        let e = extract("notes", &parts.join("; "));
        assert!(e.mentions.is_empty(), "{:?}", e.mentions);
        assert_eq!(e.unchecked.len(), MAX_PER_RULE);
        assert_eq!(e.unchecked_more, n - MAX_PER_RULE);
        for (i, u) in e.unchecked.iter().enumerate() {
            let cost = i % 3 == 0;
            assert_eq!(u.text, if cost { format!("{}x", i + 10) } else { format!("{}", i + 10) });
            assert_eq!(u.why.contains("cost"), cost, "{u:?}");
        }
    }

    /// The cap bounds what is kept, not what is read: a record count after hundreds
    /// of bare numbers is still a mention the check holds against the metric.
    #[test]
    fn a_claim_after_the_cap_is_still_read() {
        let e = extract("scale_proven", &format!("{}1 billion records", "1 ".repeat(5 * MAX_PER_RULE)));
        assert_eq!(e.unchecked.len() + e.unchecked_more, 5 * MAX_PER_RULE);
        let counts: Vec<&Quantity> = e.mentions.iter().map(|m| &m.quantity).collect();
        assert_eq!(counts, vec![&Quantity::Records { value: 1.0, multiplier: 1e9 }]);
    }

    #[test]
    fn multiples_it_cannot_hold_against_a_metric_are_unchecked() {
        for (text, why) in [("10x cheaper", "cost"), ("twice as fast", ""), ("an order of magnitude faster", "")] {
            let e = extract("performance_improvement", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
            assert!(e.unchecked[0].why.contains(why), "{text}: {:?}", e.unchecked);
        }
    }

    #[test]
    fn what_it_does_not_read_it_says() {
        let e = extract("quality_maintained", "Costs down 96% at full fidelity");
        assert!(e.mentions.is_empty());
        assert_eq!(e.unchecked.len(), 1);
        assert!(e.unchecked[0].why.contains("cost savings"), "{:?}", e.unchecked);
        let e = extract("x", "Convergence in 1/0 of the time");
        assert!(e.mentions.is_empty());
        assert_eq!(e.unchecked.len(), 1, "{:?}", e.unchecked);
        assert_eq!(e.unchecked[0].text, "1/0");
        let e = extract("x", "sha256 v2 build");
        assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{e:?}");
        let e = extract("x", "1920x1080");
        assert!(e.mentions.is_empty());
        assert_eq!(e.unchecked.len(), 1, "{:?}", e.unchecked);
    }

    /// Fractions with a slash, as one character (NFKC `1⁄2`) and in words are read as the
    /// values they are: before a magnitude a count ("½ billion" was read as "2 billion"),
    /// else a share held as a percentage of its metric, at the decimals of its decimal form
    /// up to two (a share at whole percents).
    #[test]
    fn fractions_are_read_as_their_values() {
        let pct = |value: f64, of: PercentOf| Quantity::Percent { value, of };
        for (field, text, want, decimals, phrase) in [
            (
                "scale_proven",
                "1/2 billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "1/2 billion records",
            ),
            (
                "scale_proven",
                "\u{bd} billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "\u{bd} billion records",
            ),
            (
                "scale_proven",
                "1\u{2044}2 billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "1\u{2044}2 billion records",
            ),
            (
                "scale_proven",
                "1\u{2215}2 billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "1\u{2215}2 billion records",
            ),
            (
                "scale_proven",
                "1\u{ff0f}2 billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "1\u{ff0f}2 billion records",
            ),
            (
                "scale_proven",
                "1\u{bd} billion records",
                Quantity::Records { value: 1.5, multiplier: 1e9 },
                1,
                "1\u{bd} billion records",
            ),
            (
                "scale_proven",
                "1 1/2 billion records",
                Quantity::Records { value: 1.5, multiplier: 1e9 },
                1,
                "1 1/2 billion records",
            ),
            (
                "scale_proven",
                "\u{be} million records",
                Quantity::Records { value: 0.75, multiplier: 1e6 },
                2,
                "\u{be} million records",
            ),
            (
                "scale_proven",
                "\u{2153} billion rows",
                Quantity::Records { value: 1.0 / 3.0, multiplier: 1e9 },
                2,
                "\u{2153} billion rows",
            ),
            (
                "scale_proven",
                "\u{2152} billion rows",
                Quantity::Records { value: 0.1, multiplier: 1e9 },
                1,
                "\u{2152} billion rows",
            ),
            (
                "scale_proven",
                "half a billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "half a billion records",
            ),
            (
                "scale_proven",
                "1/2 of a billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "1/2 of a billion records",
            ),
            (
                "efficiency_achieved",
                "Costs cut by half a percent",
                pct(0.5, PercentOf::CostSavings),
                1,
                "half a percent",
            ),
            (
                "scale_proven",
                "half-a-billion records",
                Quantity::Records { value: 0.5, multiplier: 1e9 },
                1,
                "half-a-billion records",
            ),
            (
                "efficiency_achieved",
                "Cost reduced to one twelfth",
                pct(100.0 - 1.0 / 12.0 * 100.0, PercentOf::CostSavings),
                0,
                "reduced to one twelfth",
            ),
            (
                "efficiency_achieved",
                "Cost down by a third to a half",
                pct(50.0, PercentOf::CostSavings),
                0,
                "a third to a half",
            ),
            ("performance_improvement", "4\u{bd}x faster", Quantity::Speedup { value: 4.5 }, 1, "4\u{bd}x"),
            (
                "scale_proven",
                "a quarter million records",
                Quantity::Records { value: 0.25, multiplier: 1e6 },
                2,
                "a quarter million records",
            ),
            (
                "scale_proven",
                "a quarter-million records",
                Quantity::Records { value: 0.25, multiplier: 1e6 },
                2,
                "a quarter-million records",
            ),
            (
                "scale_proven",
                "three quarters of a billion records",
                Quantity::Records { value: 0.75, multiplier: 1e9 },
                2,
                "three quarters of a billion records",
            ),
            (
                "efficiency_achieved",
                "Cost reduced by a third",
                pct(1.0 / 3.0 * 100.0, PercentOf::CostSavings),
                0,
                "a third",
            ),
            (
                "efficiency_achieved",
                "Cost reduced by three quarters",
                pct(75.0, PercentOf::CostSavings),
                0,
                "three quarters",
            ),
            (
                "efficiency_achieved",
                "Cost reduced by two-thirds",
                pct(2.0 / 3.0 * 100.0, PercentOf::CostSavings),
                0,
                "two-thirds",
            ),
            (
                "efficiency_achieved",
                "Costs a quarter of traditional methods",
                pct(75.0, PercentOf::CostSavings),
                0,
                "a quarter of",
            ),
            (
                "efficiency_achieved",
                "Cost reduced to a tenth",
                pct(90.0, PercentOf::CostSavings),
                0,
                "reduced to a tenth",
            ),
            (
                "efficiency_achieved",
                "Cost reduced to \u{bc}",
                pct(75.0, PercentOf::CostSavings),
                0,
                "reduced to \u{bc}",
            ),
            ("efficiency_achieved", "Cost reduced by a half", pct(50.0, PercentOf::CostSavings), 0, "a half"),
            ("efficiency_achieved", "Costs cut in half", pct(50.0, PercentOf::CostSavings), 0, "half"),
            ("efficiency_achieved", "Costs halved", pct(50.0, PercentOf::CostSavings), 0, "halved"),
            ("efficiency_achieved", "1/1000 of the cost", pct(99.9, PercentOf::CostSavings), 0, "1/1000 of"),
            // a month/year is a date only after a word of time and with no share after it
            (
                "performance_improvement",
                "Converges in 1/2000 of the time",
                pct(99.95, PercentOf::TimeSavings),
                0,
                "1/2000 of",
            ),
            (
                "efficiency_achieved",
                "Saves a third the cost",
                pct(1.0 / 3.0 * 100.0, PercentOf::CostSavings),
                0,
                "a third",
            ),
            (
                "performance_improvement",
                "Converges in half the time",
                pct(50.0, PercentOf::TimeSavings),
                0,
                "half the time",
            ),
            (
                "performance_improvement",
                "Convergence in 1/5 of the time",
                pct(80.0, PercentOf::TimeSavings),
                0,
                "1/5 of",
            ),
            (
                "memory_optimization",
                "Peak usage 1/2 GB",
                Quantity::Memory { value: 0.5, unit: MemUnit::Gb },
                1,
                "1/2 GB",
            ),
        ] {
            let e = extract(field, text);
            let got: Vec<(Quantity, u32, &str)> =
                e.mentions.iter().map(|m| (m.quantity.clone(), m.decimals, m.phrase(text))).collect();
            assert_eq!(got, vec![(want, decimals, phrase)], "{text}");
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
        // a share of what no metric measures is a percentage of it, as "20% of the runs" is
        assert!(matches!(
            q("enterprise_ready", "a fifth of the runs were retried").as_slice(),
            [Quantity::UnknownPercent { value, .. }] if *value == 20.0
        ));
    }

    /// Ordinals, periods, dates, `24/7` and compounds are no fraction and no figure;
    /// a fraction in words that is neither a count nor a share is reported when its clause
    /// names a figure, and so is `half` in a hyphenated word that names one.
    #[test]
    fn ordinals_periods_and_dates_are_no_fractions() {
        for text in [
            "Third-party audit every quarter; quarterly reviews since Q3",
            "Audited by a third party once a quarter",
            "Delivered in the third release, last quarter",
            "Supports half-precision (fp16) training",
            "Reviewed in the second half of the year",
            "24/7 support, released 3/4/2025, renewed since 12/2025",
            "TCP/IP and/or UDP",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        for (field, text, phrase, why) in [
            ("efficiency_achieved", "Costs reviewed once a quarter", "a quarter", "figure named"),
            ("efficiency_achieved", "Half-price training", "Half-price", "names a figure"),
            ("efficiency_achieved", "We pay a third", "a third", "field"),
            ("enterprise_ready", "Trains in a half-hour", "a half-hour", "names a figure"),
            ("enterprise_ready", "24/7 of the cost", "24/7", "share"),
            ("scale_proven", "1 / 2 billion records", "1 / 2 billion", "space"),
            ("scale_proven", "1 \u{2044}2 billion records", "1 \u{2044}2 billion", "space"),
            ("enterprise_ready", "50/50 split of the runs", "50/50", "ratio"),
            ("enterprise_ready", "80/20 split", "80/20", "ratio"),
            ("scale_proven", "3/2 billion records", "3/2 billion", "ratio"),
            ("scale_proven", "one in ten records", "one in ten", "ratio"),
            ("scale_proven", "9 out of 10 records", "9 out of 10", "ratio"),
            // a month/year with no word of time before it is no date: a fraction, here of no metric
            ("scale_proven", "24/7 billion records", "24/7 billion", "24/7"),
        ] {
            let e = extract(field, text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert!(e.unchecked.iter().any(|u| u.text == phrase && u.why.contains(why)), "{text}: {:?}", e.unchecked);
        }
        assert!(matches!(
            q("enterprise_ready", "Costs 1/2025 of the budget").as_slice(),
            [Quantity::UnknownPercent { .. }] | []
        ));
    }

    /// Attacker view: a fraction this tool cannot read with certainty is not read in part
    /// ("1/2 billion" was "2 billion", "1/2/3/4 billion" "4 billion"), whole, with why.
    #[test]
    fn a_fraction_not_read_is_not_read_in_part() {
        for (text, phrase, why) in [
            ("1/0 billion records", "1/0 billion", "denominator of 0"),
            ("1/1e308 billion records", "1/1e308 billion", "glued"),
            ("1/2.5 billion records", "1/2.5 billion", "glued"),
            ("1,000/2,000 records", "1,000/2,000", "glued"),
            ("1/2/3/4 billion records", "1/2/3/4 billion", "more than one slash"),
            ("1/2/3 billion records", "1/2/3 billion", "more than one slash"),
            ("1\u{2571}2 billion records", "1\u{2571}2 billion", "drawn like a slash"),
            ("1\u{29f8}2 billion records", "1\u{29f8}2 billion", "drawn like a slash"),
            ("1\\2 billion records", "1\\2 billion", "drawn like a slash"),
            ("1\u{30ce}2 billion records", "1\u{30ce}2 billion", "drawn like a slash"),
            ("1\u{338}2 billion records", "1\u{338}2 billion", "drawn like a slash"),
            ("1/\u{662} billion records", "1/\u{662} billion", "another script"),
            ("\u{bd}0 billion records", "\u{bd}0 billion", "fraction character"),
            ("1/1234567890123456 billion records", "1/1234567890123456 billion", "more digits"),
        ] {
            let e = extract("scale_proven", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert!(e.unchecked.iter().any(|u| u.text == phrase && u.why.contains(why)), "{text}: {:?}", e.unchecked);
        }
        // digits of another script on both sides: each is not read, and neither is "billion"
        let e = extract("scale_proven", "\u{661}/\u{662} billion records");
        assert!(e.mentions.is_empty() && !e.unchecked.is_empty(), "{e:?}");
    }

    /// A run of fraction characters is read once: a megabyte of `½` glued together is one
    /// number not read, and one `½` per word one share each, whatever their count.
    /// Collectives multiply the count before them ("a dozen million" is 12 x 10^6, compared
    /// to the million), vague multiples before a unit or a record noun are floors, "-odd"
    /// makes a floor and "or so" an approximation held as the figure. Each was read as no
    /// number at all, or as the magnitude alone ("a dozen million" as at least a million).
    #[test]
    fn collectives_and_vague_words_are_counts() {
        use Quantity::*;
        let speed = |value: f64| Speedup { value };
        let recs = |value: f64, multiplier: f64| Records { value, multiplier };
        for (text, want, bound, phrase) in [
            ("a dozen times faster", speed(12.0), Bound::Exact, "a dozen times"),
            ("one dozen times faster", speed(12.0), Bound::Exact, "one dozen times"),
            ("dozen-fold faster", speed(12.0), Bound::Exact, "dozen-fold"),
            ("a dozenfold speed-up", speed(12.0), Bound::Exact, "dozenfold"),
            ("half a dozen times faster", speed(6.0), Bound::Exact, "half a dozen times"),
            ("a half-dozen times faster", speed(6.0), Bound::Exact, "a half-dozen times"),
            ("a baker's dozen times faster", speed(13.0), Bound::Exact, "a baker's dozen times"),
            ("a dozen-odd times faster", speed(12.0), Bound::AtLeast, "a dozen-odd times"),
            ("twenty-odd times faster", speed(20.0), Bound::AtLeast, "twenty-odd times"),
            ("a dozen or so times faster", speed(12.0), Bound::Exact, "a dozen or so times"),
            ("twelve or so times faster", speed(12.0), Bound::Exact, "twelve or so times"),
            ("a dozen or so million records", recs(12.0, 1e6), Bound::Exact, "a dozen or so million records"),
            ("a million or so records", recs(1.0, 1e6), Bound::Exact, "a million or so records"),
            ("a couple of times faster", speed(2.0), Bound::Exact, "a couple of times"),
            ("a couple times faster", speed(2.0), Bound::Exact, "a couple times"),
            ("a score of times faster", speed(20.0), Bound::Exact, "a score of times"),
            ("dozens of times faster", speed(12.0), Bound::AtLeast, "dozens of times"),
            ("tens of times faster", speed(10.0), Bound::AtLeast, "tens of times"),
            ("scores of times faster", speed(20.0), Bound::AtLeast, "scores of times"),
            ("hundreds of times faster", speed(100.0), Bound::AtLeast, "hundreds of times"),
            ("hundred times faster", speed(100.0), Bound::Exact, "hundred times"),
            ("many times faster", speed(2.0), Bound::AtLeast, "many times"),
            ("a few times faster", speed(2.0), Bound::AtLeast, "a few times"),
            ("many times as fast", speed(2.0), Bound::AtLeast, "many times"),
            ("a dozen million records", recs(12.0, 1e6), Bound::Exact, "a dozen million records"),
            ("twelve dozen records", recs(144.0, 1.0), Bound::Exact, "twelve dozen records"),
            ("a dozen dozen records", recs(144.0, 1.0), Bound::Exact, "a dozen dozen records"),
            ("2 dozen records", recs(24.0, 1.0), Bound::Exact, "2 dozen records"),
            ("a score of million records", recs(20.0, 1e6), Bound::Exact, "a score of million records"),
            ("a score-million records", recs(20.0, 1e6), Bound::Exact, "a score-million records"),
            ("two score million records", recs(40.0, 1e6), Bound::Exact, "two score million records"),
            ("a gross of million records", recs(144.0, 1e6), Bound::Exact, "a gross of million records"),
            ("a couple of million records", recs(2.0, 1e6), Bound::Exact, "a couple of million records"),
            ("a pair of million records", recs(2.0, 1e6), Bound::Exact, "a pair of million records"),
            ("a couple hundred records", recs(200.0, 1.0), Bound::Exact, "a couple hundred records"),
            ("half a dozen million records", recs(6.0, 1e6), Bound::Exact, "half a dozen million records"),
            ("a few dozen million records", recs(24.0, 1e6), Bound::AtLeast, "a few dozen million records"),
            ("several hundred records", recs(200.0, 1.0), Bound::AtLeast, "several hundred records"),
            ("a few million records", recs(2.0, 1e6), Bound::AtLeast, "a few million records"),
            ("thousands of records", recs(1000.0, 1.0), Bound::AtLeast, "thousands of records"),
            ("forty-odd million records", recs(40.0, 1e6), Bound::AtLeast, "forty-odd million records"),
            ("a million-odd records", recs(1.0, 1e6), Bound::AtLeast, "a million-odd records"),
        ] {
            let e = extract("performance_improvement", text);
            assert_eq!(e.mentions.len(), 1, "{text}: {:?} {:?}", e.mentions, e.unchecked);
            let m = &e.mentions[0];
            assert_eq!(m.quantity, want, "{text}");
            assert_eq!(m.bound, bound, "{text}");
            assert_eq!(m.phrase(text), phrase, "{text}");
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
        let e = extract("efficiency_achieved", "Saves a dozen percent");
        assert_eq!(e.mentions[0].quantity, Percent { value: 12.0, of: PercentOf::CostSavings });
        // a count of no metric, and a frequency, are no figure (as "twelve teams" is none)
        for text in ["a couple of teams and a dozen pilots onboarded", "tested many times", "a pair of GPUs"] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {e:?}");
        }
    }

    /// attack14: a number in words where a claim's figure stands, after `by` or a colon at
    /// the end of a claim of speed or cost, is not checked, as digits there are; a count
    /// of no metric stays no figure.
    #[test]
    fn a_number_in_words_in_a_figures_place_is_not_checked() {
        for (field, text) in [
            ("performance_improvement", "Faster by a dozen"),
            ("performance_improvement", "Faster by twelve"),
            ("performance_improvement", "Speed-up: a dozen"),
            ("efficiency_achieved", "Costs cut by a gross"),
            ("performance_improvement", "Faster by about twelve over the baseline"),
            ("performance_improvement", "Speed-up: at least a dozen, measured"),
            ("efficiency_achieved", "Costs cut by nearly a gross in the pilot"),
            // atk-claims: linked by other words than `by`, each was no figure at all
            ("performance_improvement", "Speed-up of nine"),
            ("performance_improvement", "A speed-up of about nine over the baseline"),
            ("performance_improvement", "Speed-up equal to nine"),
            ("performance_improvement", "Speed-up = nine"),
            ("performance_improvement", "The speed-up was nine"),
            ("efficiency_achieved", "Cost savings of ninety"),
            ("efficiency_achieved", "Savings reached ninety-five"),
            ("efficiency_achieved", "Savings hit ninety five"),
        ] {
            let e = extract(field, text);
            assert!(e.mentions.is_empty() && e.unchecked.len() == 1, "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        for text in [
            "Reviewed by twelve",
            "one of twelve teams",
            "a dozen customers",
            "Faster by a dozen teams",
            "Speed is one of our strengths",
            "Faster training for one of nine customers",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
    }

    /// atk-claims: multiples in words no reader reads were no figure at all.
    #[test]
    fn a_multiple_in_words_not_read_is_not_checked() {
        for text in [
            "Ten-x faster training",
            "tenx faster",
            "Triple the speed of the baseline",
            "quintupled throughput",
            "A nine-to-one speed-up",
            "nine to one faster",
        ] {
            let e = extract("performance_improvement", text);
            assert!(e.mentions.is_empty() && e.unchecked.len() == 1, "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        for text in [
            "triple-checked results",
            "a triple redundancy setup",
            "six experts, an index of ten",
            "one-to-one mapping, a two-to-one majority",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
    }

    /// A number in words after `factor` was no figure at all, where digits are unchecked:
    /// "faster by a factor of nine" beside a 4.2x speed-up verified under --strict.
    #[test]
    fn a_number_in_words_after_factor_is_not_checked() {
        for (field, text) in [
            ("performance_improvement", "Faster by a factor of nine"),
            ("performance_improvement", "A factor of nine speed-up"),
            ("performance_improvement", "Speed-up factor nine"),
            ("performance_improvement", "faster by a factor of four point two"),
            ("efficiency_achieved", "Costs cut by a factor of ten"),
            ("memory_optimization", "Memory reduced by a factor of a dozen"),
        ] {
            let e = extract(field, text);
            assert!(e.mentions.is_empty() && e.unchecked.len() == 1, "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        for text in ["A key factor in our success", "factor analysis of nine datasets"] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
    }

    /// attack14: only a word of ASCII letters makes the digits glued after it an
    /// identifier, and not with a multiplier glued after them.
    #[test]
    fn only_ascii_letters_make_an_identifier() {
        for text in
            ["Proven \u{1d54}10x faster", "Proven \u{b83}10x faster", "Proven v10x faster", "Proven v10 x faster"]
        {
            let q = q("performance_improvement", text);
            assert_eq!(q, vec![Quantity::Speedup { value: 10.0 }], "{text}");
        }
        assert_eq!(q("efficiency_achieved", "Costs cut v10%").len(), 1);
        // a Cyrillic letter is reported as a look-alike, and the figure is no identifier's
        let e = extract("performance_improvement", "Proven \u{432}10x faster");
        assert!(!e.mentions.is_empty() || !e.unchecked.is_empty(), "{:?} {:?}", e.mentions, e.unchecked);
        let e = extract("enterprise_ready", "sha256 v2 build, TLSv1.3, Ed25519 keys");
        assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{:?} {:?}", e.mentions, e.unchecked);
    }

    /// `score` and `gross` count only before a magnitude, a unit or a record noun; as the
    /// ordinary words they are (a metric's name among them) they are read as before.
    #[test]
    fn score_and_gross_count_only_before_what_they_count() {
        for text in [
            "a high score",
            "top score on utility",
            "gross margin and gross revenue reported",
            "a gross margin review",
            "scores of reviewers",
            "a score of reviewers",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {e:?}");
        }
        let pct = |value: f64, of: PercentOf| vec![Quantity::Percent { value, of }];
        assert_eq!(q("quality_maintained", "a privacy score of 98%"), pct(98.0, PercentOf::PrivacyScore));
        assert_eq!(q("quality_maintained", "a score of 98% privacy"), pct(98.0, PercentOf::PrivacyScore));
        assert_eq!(q("scale_proven", "a score of 20 million records"), rec(20.0, 1e6));
        assert_eq!(q("scale_proven", "gross 1 million records"), rec(1.0, 1e6));
    }

    /// Fractions in words with a count up to ninety-nine and any ordinal denominator
    /// (`twenty-one fiftieths`, `three twenty-fifths`) are shares; a count and a
    /// denominator that make no fraction below one are not read, whole.
    #[test]
    fn compound_fractions_in_words_are_shares() {
        let cost = |value: f64| vec![Quantity::Percent { value, of: PercentOf::CostSavings }];
        for (text, value) in [
            ("Costs cut by twenty-one fiftieths", 42.0),
            ("Costs cut by twenty one fiftieths", 42.0),
            ("twenty-one fiftieths cheaper", 42.0),
            ("Costs cut by three twenty-fifths", 12.0),
            ("Costs cut by seventy-five hundredths", 75.0),
            ("Costs cut by fifteen twentieths", 75.0),
            ("Costs cut by three hundredths", 3.0),
            ("Costs cut by nine elevenths", 9.0 / 11.0 * 100.0),
        ] {
            assert_eq!(q("efficiency_achieved", text), cost(value), "{text}");
        }
        for text in ["Costs cut by five thirds", "Costs cut by one thirds", "Costs cut by two third"] {
            let e = extract("efficiency_achieved", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
            assert!(e.unchecked[0].why.contains("no fraction below one"), "{text}: {:?}", e.unchecked);
        }
        // a mixed count or a collective before a denominator is not read, whole
        for (text, phrase) in [
            ("Costs cut by seven and a half tenths", "seven and a half tenths"),
            ("Costs cut by a dozen hundredths", "a dozen hundredths"),
        ] {
            let e = extract("efficiency_achieved", text);
            assert!(e.mentions.is_empty() && e.unchecked.len() == 1, "{e:?}");
            assert_eq!(e.unchecked[0].text, phrase);
        }
        // periods, ordinals and a compound ordinal that names no share are no figure
        let e = extract("efficiency_achieved", "Costs cut 75% over five quarters");
        assert!(e.unchecked.is_empty() && e.mentions.len() == 1, "{e:?}");
        // without a word of time before them, four quarters are the whole: not read
        let e = extract("efficiency_achieved", "Costs cut by four quarters");
        assert!(e.mentions.is_empty() && e.unchecked.len() == 1, "{e:?}");
        for text in ["two third-party audits", "a twenty-fifth anniversary", "the twenty-first century"] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {e:?}");
        }
    }

    /// A word of an amount no reader places before what it counts, a made-up magnitude,
    /// and `times faster` after a word not read are `claims.unchecked`, never passed.
    #[test]
    fn amounts_no_reader_places_are_not_checked() {
        for (text, phrase) in [
            ("umpteen times faster", "umpteen"),
            ("umpteen million records", "umpteen"),
            ("a zillion records", "zillion"),
            ("zillions of records", "zillions"),
            ("countless times faster", "countless"),
            ("a bajillion times faster", "bajillion"),
            ("a dozen-plus times faster", "times"),
        ] {
            let e = extract("performance_improvement", text);
            assert!(e.unchecked.iter().any(|u| u.text == phrase), "{text}: {:?}", e.unchecked);
        }
        for text in ["a myriad of use cases", "countless enterprises", "at times faster convergence"] {
            let e = extract("enterprise_ready", text);
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
    }

    #[test]
    fn a_run_of_fractions_is_read_in_one_pass() {
        let text = "\u{bd}".repeat(200_000) + " billion records";
        let t = std::time::Instant::now();
        let e = extract("scale_proven", &text);
        assert!(e.mentions.is_empty(), "{:?}", e.mentions.len());
        assert_eq!(e.unchecked.len(), 1);
        assert_eq!(e.unchecked[0].text.len(), text.len() - " records".len());
        let text = "\u{bd} ".repeat(100_000);
        let e = extract("enterprise_ready", &text);
        assert_eq!(e.mentions.len(), 100_000);
        assert!(e.unchecked.len() <= MAX_PER_RULE);
        let text = "Costs a quarter ".repeat(50_000);
        let e = extract("efficiency_achieved", &text);
        assert!(e.unchecked.len() <= MAX_PER_RULE && e.unchecked.len() + e.unchecked_more <= 50_000);
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }

    /// Words are lower-cased as `str` does it, not `char` by `char`: a final capital
    /// sigma becomes a final sigma, and capitals are read as capitals ("1 M" is a million).
    #[test]
    fn words_are_lower_cased_as_words() {
        let subject = |text: &str| match q("x", text).as_slice() {
            [Quantity::UnknownPercent { subject, .. }] => subject.clone(),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(subject("5% ΟΔΥΣΣΕΑΣ ΣΚΟΡ"), "οδυσσεας σκορ");
        assert_eq!(subject("5% İSTANBUL Zorp"), "i\u{307}stanbul zorp");
        assert_eq!(q("x", "1 M records"), rec(1.0, 1e6));
    }

    /// Attacker pass 7, problem 3: a word in the magnitude's place that was dropped
    /// ("1,000 bln records" read as 1,000 records), a magnitude set apart by markup, and
    /// digits of another script. Read when the magnitude is well defined, else unchecked.
    #[test]
    fn unknown_magnitudes_and_other_digits_are_not_dropped() {
        for (text, value, mult) in [
            ("1,000 bln records generated successfully", 1000.0, 1e9),
            ("Proven at 1000 MM record scale", 1000.0, 1e6),
            ("1000MM records", 1000.0, 1e6),
            ("1 milliard records", 1.0, 1e9),
            ("5 mln rows", 5.0, 1e6),
            ("1 million e-commerce records", 1.0, 1e6),
            ("1,000,000 high-quality synthetic records", 1e6, 1.0),
        ] {
            let e = extract("scale_proven", text);
            assert_eq!(e.mentions.iter().map(|m| m.quantity.clone()).collect::<Vec<_>>(), rec(value, mult), "{text}");
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
        for (text, phrase, why) in [
            ("Peak usage only 16.5 GB for 1000 G rows", "1000 G rows", "magnitude"),
            ("1000G rows", "1000G rows", "magnitude"),
            ("1 giga records", "1 giga records", "magnitude"),
            ("1 mil records", "1 mil records", "magnitude"),
            ("1000 mm records", "1000 mm records", "magnitude"),
            ("1 k records", "1 k records", "magnitude"),
            ("Records generated: 1000 bil", "1000 bil", "magnitude"),
            ("Records generated: 1,000 (billion)", "1,000 (billion", "markup"),
            ("1,000 **million** records", "1,000 **million** records", "markup"),
            ("Proven at 1000 <b>billion</b> record scale", "1000 <b>billion</b> record", "markup"),
            ("\u{661}\u{660}\u{660}\u{660} million records", "\u{661}\u{660}\u{660}\u{660} million", "script"),
            ("\u{967},\u{966}\u{966}\u{966} million-record scale", "\u{967},\u{966}\u{966}\u{966} million", "script"),
            ("1\u{660}\u{660}\u{660} records", "1\u{660}\u{660}\u{660}", "script"),
        ] {
            let e = extract("scale_proven", text);
            let counts: Vec<&Mention> =
                e.mentions.iter().filter(|m| matches!(m.quantity, Quantity::Records { .. })).collect();
            assert!(counts.is_empty(), "{text}: {counts:?}");
            assert!(e.unchecked.iter().any(|u| u.text == phrase && u.why.contains(why)), "{text}: {:?}", e.unchecked);
        }
    }

    /// Attacker pass 7, problem 4: rate words after the record noun with words between,
    /// or with "a", "every", "each": a throughput, not a count (which passed).
    #[test]
    fn rates_with_words_between_are_throughputs() {
        for (text, value) in [
            ("1 million records generated every second", 1e6),
            ("Sustains 1 million records a second in production", 1e6),
            ("1 million records generated per second", 1e6),
            ("1 million records each minute", 1e6 / 60.0),
            ("3600 rows processed successfully every hour", 1.0),
            ("86400 records a day", 1.0),
            ("1 million records per-second", 1e6),
            ("3600 records processed hourly", 1.0),
        ] {
            assert_eq!(q("scale_proven", text), vec![Quantity::Throughput { value }], "{text}");
        }
        for text in [
            "1 million records per GPU per second",
            "1 million records in a second",
            "1 million records, every second",
            "1 million records per 1 second",
            "1 million records every 1.5 seconds",
        ] {
            let e = extract("scale_proven", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert!(e.unchecked.iter().any(|u| u.why.contains("rate")), "{text}: {:?}", e.unchecked);
        }
    }

    /// A time unit to the power -1 after the record noun is a rate, as SI writes units
    /// (it was read as a count of records); another power, or a spaced minus, is not.
    #[test]
    fn an_inverse_time_after_the_noun_is_a_rate() {
        for (text, value) in [
            ("139 records\u{B7}s\u{207B}\u{B9}", 139.0),
            ("139 records s^-1", 139.0),
            ("139 records\u{22C5}s\u{2212}1", 139.0),
            ("139 records*sec^-1", 139.0),
            ("500,000 records\u{B7}h\u{207B}\u{B9}", 500_000.0 / 3600.0),
        ] {
            assert_eq!(q("scale_proven", text), vec![Quantity::Throughput { value }], "{text}");
        }
        for text in
            ["139 records s^-2", "139 records s^-1.5", "139 records s^-10", "139 records s - 1", "139 records S-1"]
        {
            assert!(!q("scale_proven", text).contains(&Quantity::Throughput { value: 139.0 }), "{text}");
        }
    }

    /// Attacker pass 7, problem 5: an arrow leads to a value, it sets no floor.
    #[test]
    fn an_arrow_is_no_bound() {
        for text in [
            "Peak usage: 16.5 GB -> 185.58 MB",
            "Peak usage: 16.5 GB => 185.58 MB",
            "Peak usage: 16.5 GB - > 185.58 MB",
            "16.5 GB \u{2192} 185.58 MB",
        ] {
            let e = extract("memory_optimization", text);
            let got: Vec<(Quantity, Bound)> = e.mentions.iter().map(|m| (m.quantity.clone(), m.bound)).collect();
            assert_eq!(got, vec![(Quantity::Memory { value: 185.58, unit: MemUnit::Mb }, Bound::Exact)], "{text}");
            // the figure before it is not held, and said so
            let before: Vec<&str> = e.unchecked.iter().map(|u| u.text.as_str()).collect();
            assert_eq!(before, ["16.5 GB"], "{text}");
            assert!(e.unchecked[0].why.contains("arrow"), "{text}: {:?}", e.unchecked);
        }
        assert_eq!(extract("x", "Peak usage > 20 GB").mentions[0].bound, Bound::AtLeast);
        assert_eq!(extract("x", "Peak usage < 20 GB").mentions[0].bound, Bound::AtMost);
    }

    /// A `>` opening a line after a break is a Markdown quote marker and `->>` an arrow:
    /// the figure is read as written; a `>` opening the text is either, not read; a `>`
    /// inside a line is still "more than".
    #[test]
    fn a_quote_marker_and_a_double_headed_arrow_are_no_floor() {
        let bounds = |text: &str| -> Vec<Bound> {
            extract("memory_optimization", text).mentions.iter().map(|m| m.bound).collect()
        };
        for text in [
            "Peak usage:\n> 185.58 MB",
            "Peak usage:\r\n  >> 185.58 MB",
            "Peak usage ->> 185.58 MB",
            "Peak usage =>> 185.58 MB",
        ] {
            assert_eq!(bounds(text), [Bound::Exact], "{text:?}");
        }
        let e = extract("memory_optimization", "> 185.58 MB peak");
        assert!(e.mentions.is_empty() && e.unchecked.iter().any(|u| u.why.contains("opens the text")), "{e:?}");
        for text in ["Peak usage > 20 GB", "Peak usage:\nabove >> 20 GB", "Peak usage >> 20 GB"] {
            assert_eq!(bounds(text), [Bound::AtLeast], "{text:?}");
        }
    }

    /// Attacker pass 7, problem 6: a multiple or a percentage whose words name another
    /// quantity is not held against the speed-up or the field's default savings.
    #[test]
    fn a_figure_that_names_another_quantity_is_not_checked() {
        for (field, text, phrase) in [
            ("efficiency_achieved", "20% cost reduction and 4x ROI vs traditional methods", "4x"),
            ("efficiency_achieved", "Proven with a 4x return on investment", "4x"),
            ("memory_optimization", "4x less memory than traditional training", "4x"),
            ("scale_proven", "4x more records", "4x"),
            ("quality_maintained", "4x higher accuracy", "4x"),
            ("quality_maintained", "4x better privacy", "4x"),
            ("efficiency_achieved", "fourfold ROI", "fourfold"),
            ("efficiency_achieved", "20% less memory", "20%"),
            ("efficiency_achieved", "20% fewer GPUs", "20%"),
            ("efficiency_achieved", "20% more records", "20%"),
            ("efficiency_achieved", "20% lower carbon footprint", "20%"),
            ("efficiency_achieved", "20% reduction in memory vs traditional methods", "20%"),
            ("efficiency_achieved", "Memory down 20%", "20%"),
            ("performance_improvement", "20% fewer GPUs", "20%"),
            ("efficiency_achieved", "20% fewer GPUs and lower costs", "20%"),
            ("efficiency_achieved", "Savings: 20% fewer GPUs", "20%"),
            ("memory_optimization", "Peak usage 4x lower", "4x"),
            ("scale_proven", "tenfold the records", "tenfold"),
        ] {
            let e = extract(field, text);
            let held: Vec<&Quantity> = e
                .mentions
                .iter()
                .map(|m| &m.quantity)
                .filter(|q| matches!(q, Quantity::Speedup { .. } | Quantity::Percent { .. }))
                .filter(|q| !matches!(q, Quantity::Percent { value, .. } if *value == 20.0 && text.contains("cost")))
                .collect();
            assert!(held.is_empty(), "{text}: {held:?}");
            assert!(
                e.unchecked.iter().any(|u| u.text == phrase && u.why.contains("other than")),
                "{text}: {:?}",
                e.unchecked
            );
        }
        for (field, text, want) in [
            ("performance_improvement", "4.2x faster training convergence", Quantity::Speedup { value: 4.2 }),
            ("performance_improvement", "4x faster training with less memory", Quantity::Speedup { value: 4.0 }),
            ("performance_improvement", "Training time cut 4x", Quantity::Speedup { value: 4.0 }),
            (
                "efficiency_achieved",
                "75% reduction vs traditional methods",
                Quantity::Percent { value: 75.0, of: PercentOf::CostSavings },
            ),
            (
                "performance_improvement",
                "76% improvement in convergence",
                Quantity::Percent { value: 76.0, of: PercentOf::TimeSavings },
            ),
            (
                "efficiency_achieved",
                "75% more efficient than traditional methods",
                Quantity::Percent { value: 75.0, of: PercentOf::CostSavings },
            ),
        ] {
            assert_eq!(q(field, text), vec![want], "{text}");
        }
    }

    /// Attacker pass 7, problem 7: "cut to 25%", "25% of the cost", "24% as long" state
    /// what remains: 75 % saved, not 25 %.
    #[test]
    fn a_remaining_share_is_read_as_what_was_saved() {
        let pct = |value: f64, of: PercentOf| Quantity::Percent { value, of };
        for (field, text, want, bound, phrase) in [
            (
                "efficiency_achieved",
                "Costs cut to 25% of traditional methods",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "cut to 25%",
            ),
            (
                "performance_improvement",
                "Training takes 24% of the time of traditional methods",
                pct(76.0, PercentOf::TimeSavings),
                Bound::Exact,
                "24% of",
            ),
            (
                "efficiency_achieved",
                "runs at 25% of the cost",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "25% of",
            ),
            (
                "efficiency_achieved",
                "25% of the traditional cost",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "25% of",
            ),
            (
                "efficiency_achieved",
                "costs 25% as much",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "25% as much",
            ),
            (
                "performance_improvement",
                "time down to 24% of the baseline",
                pct(76.0, PercentOf::TimeSavings),
                Bound::Exact,
                "down to 24%",
            ),
            (
                "efficiency_achieved",
                "Costs cut to under 25% of traditional methods",
                pct(75.0, PercentOf::CostSavings),
                Bound::AtLeast,
                "cut to under 25%",
            ),
            ("efficiency_achieved", "Saves 75% of the cost", pct(75.0, PercentOf::CostSavings), Bound::Exact, "75%"),
            ("efficiency_achieved", "up to 75% cost reduction", pct(75.0, PercentOf::CostSavings), Bound::Exact, "75%"),
            (
                "performance_improvement",
                "Takes 24% as long",
                pct(76.0, PercentOf::TimeSavings),
                Bound::Exact,
                "24% as long",
            ),
            ("efficiency_achieved", "25% as much", pct(75.0, PercentOf::CostSavings), Bound::Exact, "25% as much"),
            (
                "scale_proven",
                "Cost savings of 75% achieved in production",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "75%",
            ),
            (
                "efficiency_achieved",
                "75% reduction in GPU costs",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "75%",
            ),
            // atk-claims: an ordinal's ending glued to the fraction hid the `of` after it
            (
                "efficiency_achieved",
                "Costs 1/4th of traditional methods",
                pct(75.0, PercentOf::CostSavings),
                Bound::Exact,
                "1/4th of",
            ),
            (
                "efficiency_achieved",
                "Costs 1/20th of traditional methods",
                pct(95.0, PercentOf::CostSavings),
                Bound::Exact,
                "1/20th of",
            ),
        ] {
            let e = extract(field, text);
            let got: Vec<(Quantity, Bound, &str)> =
                e.mentions.iter().map(|m| (m.quantity.clone(), m.bound, m.phrase(text))).collect();
            assert_eq!(got, vec![(want, bound, phrase)], "{text}");
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
        // the new value of a subject not read: not checked
        let e = extract("efficiency_achieved", "Costs fell from 100% to 25%");
        assert!(e.unchecked.iter().any(|u| u.text == "25%" && u.why.contains("to")), "{:?}", e.unchecked);
        assert!(!e.mentions.iter().any(|m| m.phrase("Costs fell from 100% to 25%") == "25%"), "{:?}", e.mentions);
    }

    /// The digits of a standard's, a protocol's, an algorithm's or a version's
    /// designation are a name: nothing unchecked, nothing held against a metric.
    #[test]
    fn designations_are_names() {
        for text in [
            "Enterprise ready, SOC 2 Type II audited",
            "SOC 1 and SOC 3 reports; SOC 2 Type 2",
            "Enterprise ready; ISO 27001 certified",
            "ISO/IEC 27001:2022, ISO 9001:2015, ISO 42001, IEC 62443-3-3 and ISO 8601-1:2019",
            "ISO\u{a0}27001 certified",
            "ISO 27001-certified, SOC 2-compliant",
            "NIST SP 800-53 Rev. 5, NIST 800-171, NIST SP 800-63B Revision 4",
            "FIPS 140-2 and FIPS 140-3 validated modules",
            "PCI DSS 4.0, PCI-DSS v4.0",
            "GDPR Article 32, GDPR Art. 32(1), Art. 32 GDPR, Article 28(3) of the GDPR, HITRUST, CCPA",
            "TLS 1.3 and TLS 1.2 in transit, SSL 3.0 disabled",
            "AES-256-GCM at rest, SHA-256 digests, SHA-3, RSA-4096 and P-256 keys, Ed25519 signatures",
            "HTTP/2 and HTTP/1.1 endpoints",
            "Python 3.11.4, CUDA 12, Java 17, version 2.1, v2.1, OAuth 2.0, SAML 2.0, WCAG 2.1 AA",
            "SHA3-256, TLSv1.3, iso 27001, records with SOC 2, ISO 27001 certified records",
            "ISO\u{a0}27001 and FIPS 140\u{2011}2",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
        }
    }

    /// A word of a figure right after the digits wins over the name: they are read as
    /// the figure they are, and a figure after a designation is still read.
    #[test]
    fn a_figure_after_a_name_is_read() {
        use Quantity::*;
        for (field, text, want) in [
            ("scale_proven", "SOC 2 billion records", rec(2.0, 1e9)),
            ("scale_proven", "ISO 500 million records", rec(500.0, 1e6)),
            ("scale_proven", "ISO 27001 records processed", rec(27001.0, 1.0)),
            ("scale_proven", "SOC 2M records", rec(2.0, 1e6)),
            ("scale_proven", "SOC 2 000 000 records", rec(2e6, 1.0)),
            ("scale_proven", "GDPR Art. 32 records", rec(32.0, 1.0)),
            ("performance_improvement", "TLS 1.3x faster", vec![Speedup { value: 1.3 }]),
            ("performance_improvement", "HTTP/2 times faster", vec![Speedup { value: 2.0 }]),
            ("performance_improvement", "SOC 2-fold faster", vec![Speedup { value: 2.0 }]),
            ("memory_optimization", "AES-256 GB memory", vec![Memory { value: 256.0, unit: MemUnit::Gb }]),
            ("memory_optimization", "AES-256-GB peak", vec![Memory { value: 256.0, unit: MemUnit::Gb }]),
            (
                "quality_maintained",
                "ISO 27001 certified, 99.9% accuracy",
                vec![Percent { value: 99.9, of: PercentOf::Accuracy }],
            ),
            ("quality_maintained", "ISO 42001 % accuracy", vec![Percent { value: 42001.0, of: PercentOf::Accuracy }]),
        ] {
            assert_eq!(q(field, text), want, "{text}");
        }
        // a number left with no metric is reported, never dropped as a name
        for text in [
            "ISO 500 or more records",
            "SOC 2 and over",
            "SOC 2 Type II or more",
            "SOC 2 Type II records",
            "SOC 2 GPUs",
            "Python 3.11 hours",
            "SOC 2+",
            "ISO 27001.5",
            "CUDA 12 training runs",
            "SOC 2 x",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(!e.unchecked.is_empty() || !e.mentions.is_empty(), "{text}: read as a name");
        }
    }

    /// A name is one written as it displays: letters of another script drawn alike,
    /// full-width letters or digits, digits of another script, or a zero-width character
    /// inside make no name, and the digits stay a figure with no metric.
    #[test]
    fn a_look_alike_name_is_no_name() {
        for text in [
            "SOC 2 audited in Cyrillic: \u{405}\u{41e}\u{421} 2",
            "\u{ff29}\u{ff33}\u{ff2f} 27001 certified",
            "ISO \u{ff12}\u{ff17}\u{ff10}\u{ff10}\u{ff11} certified",
            "SOC \u{662} Type II",
            "IS\u{200b}O 27001 certified",
            "\u{406}SO 27001 certified",
            "\u{ff30}-256 keys",
            "WCAG 2.1 \u{ff21}\u{ff21}",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(!e.unchecked.is_empty(), "{text}: read as a name");
        }
    }

    /// A four-digit year after a word of time is a date; with a figure's word (or any
    /// word that is not one of the few that may follow a date) it stays a figure.
    #[test]
    fn a_year_after_a_word_of_time_is_a_date() {
        for text in [
            "Enterprise ready; certified in 2024",
            "Enterprise ready since 2021",
            "renewal by the end of 2026",
            "audited in 2024 by EY, as of March 2025, Q3 2024, in May 2023 and since 2019 without incident",
            "renewed Sept 2024, due H1 2025 (close of 2025)",
            "SOC 2 Type II (2024)",
            "Enterprise ready; SOC 2 Type II (2024) and ISO 27001 (2023), without exceptions",
            "Enterprise ready; audited 2025-09 by EY, certified 2025-08-10",
        ] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        assert_eq!(q("scale_proven", "2024 records generated in 2024"), rec(2024.0, 1.0));
        assert_eq!(q("performance_improvement", "2024x faster since 2024"), vec![Quantity::Speedup { value: 2024.0 }]);
        assert_eq!(q("scale_proven", "since 2021 records"), rec(2021.0, 1.0));
        for text in [
            "Proven in 2000 deployments",
            "Costs cut by 2000",
            "in 2024 hours",
            "may 2024",
            "in 1899",
            "in 20245",
            "in \u{ff12}\u{ff10}\u{ff12}\u{ff14}",
            // a year listed after a date is one (claims13), but not before what it counts
            "in 2024 and 2000 records",
            "Generated in 2000 or more records",
            "Generated in 2000 and more records",
            "Proven in 2000 with million-record batches",
            "Generated (2000) records",
            "Generated (2000)records",
            "Proven ( 2000 ) with a spaced bracket",
            "Proven (2000 or more records)",
        ] {
            // read as a figure: held against a metric or reported unchecked, never dropped
            let e = extract("enterprise_ready", text);
            let read = e.mentions.iter().any(|m| m.phrase(text).contains("2000")) || !e.unchecked.is_empty();
            assert!(read, "{text}: read as a date");
        }
    }

    /// An ISO 8601 date (`YYYY-MM`, `YYYY-MM-DD`) is a date where a year would be one; with
    /// a figure's word after it, a month out of range or glued to other text, it is read
    /// as before.
    #[test]
    fn an_iso_date_is_a_date() {
        for text in ["Enterprise ready; audited 2025-09 by EY, certified 2025-08-10", "renewed 2024-12."] {
            let e = extract("enterprise_ready", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        for text in [
            "Generated 2025-09 records",
            "Generated 2025-13 and more",
            "Generated 2025-09x faster",
            "Generated 2025-09-10 records",
            "Generated x2025-09 ok",
            "Generated 2025-09-32",
            "Generated \u{ff12}025-09",
        ] {
            let e = extract("scale_proven", text);
            assert!(!e.mentions.is_empty() || !e.unchecked.is_empty(), "{text}: read as a date");
        }
    }

    /// A name repeated a million times is read in one pass (as long as a claim of as many
    /// plain words and numbers): nothing is kept per name.
    #[test]
    fn a_million_names_keep_nothing() {
        let e = extract("enterprise_ready", &"SOC 2 ".repeat(1_000_000));
        assert!(e.mentions.is_empty() && e.unchecked.is_empty() && e.unchecked_more == 0);
        let text = "SOC 2 Type II, ISO 27001:2022, TLS 1.3 since 2021; ".repeat(50_000);
        let e = extract("enterprise_ready", &text);
        assert!(e.mentions.is_empty() && e.unchecked.is_empty() && e.unchecked_more == 0);
        // with a figure after each, the findings are capped as for any claim
        let text = "SOC 2 billion records ".repeat(50_000);
        let e = extract("scale_proven", &text);
        assert_eq!(e.mentions.len(), 50_000);
        assert!(e.unchecked.len() <= MAX_PER_RULE);
    }

    /// Attacker pass 13: a letter drawn as a mark (a modifier letter, a click, the saltillo)
    /// is a mark, not a letter glued to the digits after it: `ʼ10x faster` and `ǀ10x
    /// faster` were identifiers and passed.
    #[test]
    fn a_letter_drawn_as_an_apostrophe_is_a_mark() {
        for text in [
            "Proven \u{2bc}10x faster",
            "Proven \u{2c8}10x faster",
            "Proven \u{a78c}10x faster",
            "Proven \u{1c0}10x faster",
            "Proven \u{2d0}10x faster",
            "Proven \u{30fc}10x faster",
            "Proven \u{a78f}10x faster",
        ] {
            assert_eq!(q("performance_improvement", text), vec![Quantity::Speedup { value: 10.0 }], "{text}");
        }
        // no apostrophe of a date, and no grouping mark: read as nothing, not as a year or a count
        for text in [
            "Enterprise ready since \u{2bc}24",
            "Proven 5\u{2bc}000\u{2bc}000 records",
            "Proven 5\u{2d0}000\u{2d0}000 records",
        ] {
            let e = extract("scale_proven", text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            assert_eq!(e.unchecked.len(), 1, "{text}: {:?}", e.unchecked);
        }
        // a letter inside a word stays where it is
        assert!(extract("enterprise_ready", "Deployed in Hawai\u{2bb}i").unchecked.is_empty());
    }

    /// Attacker pass 13: `score` and `gross` at the end of a clause that names records
    /// before them count the records, as `dozen` does; elsewhere they stay words.
    #[test]
    fn a_collective_after_a_record_noun_counts_it() {
        for (text, value) in [("Records processed: a gross", 144.0), ("Records: two score", 40.0)] {
            assert_eq!(q("scale_proven", text), rec(value, 1.0), "{text}");
        }
        for text in ["Records: a high score", "Records processed: a gross margin", "Records with a score"] {
            let e = extract("scale_proven", text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?}", e.mentions);
        }
    }

    /// A count of runs after a verb of repetition is no speed-up; a comparative after it
    /// keeps it one.
    #[test]
    fn a_count_of_runs_is_no_speedup() {
        let speeds = |text: &str| -> Vec<f64> {
            let e = extract("performance_improvement", text);
            e.mentions
                .iter()
                .filter_map(|m| match m.quantity {
                    Quantity::Speedup { value } => Some(value),
                    _ => None,
                })
                .collect()
        };
        for text in ["2x faster; the suite ran three times", "2x faster, tested twenty-one times each"] {
            assert_eq!(speeds(text), vec![2.0], "{text}");
            assert!(extract("performance_improvement", text).unchecked.is_empty(), "{text}");
        }
        // digits of a count tie to no metric: reported, never read as a speed-up
        let e = extract("performance_improvement", "4.2x faster, tested 3 times");
        assert_eq!(speeds("4.2x faster, tested 3 times"), vec![4.2]);
        let got: Vec<&str> = e.unchecked.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(got, vec!["3"]);
        for (text, want) in [
            ("tested 3 times faster", vec![3.0]),
            ("2x faster, ran 3 times over the baseline", vec![2.0, 3.0]),
            ("repeated three times quicker", vec![3.0]),
            ("ran ten times, faster", vec![10.0]),
            ("ran ten times. Faster!", vec![10.0]),
            ("ran ten times each faster", vec![10.0]),
            // the comparative after the count is another figure's
            ("ran three times and converged 2x faster", vec![2.0]),
            ("Training ran three times; converged 2x faster", vec![2.0]),
            ("ran ten times and 2x faster", vec![2.0]),
            ("ran ten times, two times faster", vec![2.0]),
            ("ran ten times and converged faster", vec![10.0]),
        ] {
            assert_eq!(speeds(text), want, "{text}");
        }
        // a multiplier glued to its comparative: not read, reported
        for (text, phrase) in [("three timesfaster", "three timesfaster"), ("two xfaster training", "two xfaster")] {
            let e = extract("performance_improvement", text);
            let got: Vec<&str> = e.unchecked.iter().map(|u| u.text.as_str()).collect();
            assert_eq!(got, vec![phrase], "{text}");
        }
        // honest words that start alike
        for text in ["at times, faster convergence", "timestamps kept"] {
            assert!(extract("performance_improvement", text).unchecked.is_empty(), "{text}");
        }
    }

    /// Numbers in words read as English composes them, a decimal point in words
    /// included; what it composes otherwise is not read, whole, and no part of it alone.
    #[test]
    fn numbers_in_words_compose_as_english_does_or_not_at_all() {
        use Quantity::*;
        let speed = |value: f64| Speedup { value };
        for (field, text, want, decimals) in [
            ("performance_improvement", "four point two times faster", speed(4.2), 1),
            ("performance_improvement", "FOUR POINT TWO TIMES FASTER", speed(4.2), 1),
            ("performance_improvement", "zero point two times faster", speed(0.2), 1),
            ("performance_improvement", "nought point five times faster", speed(0.5), 1),
            ("performance_improvement", "oh point five times faster", speed(0.5), 1),
            ("performance_improvement", "four point two five times faster", speed(4.25), 2),
            ("performance_improvement", "forty-two point two times faster", speed(42.2), 1),
            ("performance_improvement", "four dot two times faster", speed(4.2), 1),
            ("performance_improvement", "sixty four times faster", speed(64.0), 0),
            ("performance_improvement", "a hundred and five times faster", speed(105.0), 0),
            ("performance_improvement", "one hundred twenty-five times faster", speed(125.0), 0),
            ("performance_improvement", "between three and four times faster", speed(4.0), 0),
            (
                "efficiency_achieved",
                "seventy point five percent cost reduction",
                Percent { value: 70.5, of: PercentOf::CostSavings },
                1,
            ),
            (
                "efficiency_achieved",
                "seventy-five point oh percent cost reduction",
                Percent { value: 75.0, of: PercentOf::CostSavings },
                1,
            ),
            ("scale_proven", "one point five billion records", Records { value: 1.5, multiplier: 1e9 }, 1),
            ("scale_proven", "two point five million rows", Records { value: 2.5, multiplier: 1e6 }, 1),
            (
                "memory_optimization",
                "one hundred eighty-five point five eight megabytes",
                Memory { value: 185.58, unit: MemUnit::Mb },
                2,
            ),
            ("memory_optimization", "a hundred and eighty-five MB", Memory { value: 185.0, unit: MemUnit::Mb }, 0),
        ] {
            let e = extract(field, text);
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
            let got: Vec<(&Quantity, u32)> = e.mentions.iter().map(|m| (&m.quantity, m.decimals)).collect();
            assert_eq!(got, vec![(&want, decimals)], "{text}");
        }
        for (field, text, phrase) in [
            ("performance_improvement", "four score and seven times faster", "four score and seven times"),
            ("performance_improvement", "a score and seven times faster", "score and seven times"),
            ("performance_improvement", "four-score-and-seven times faster", "four-score-and-seven times"),
            ("performance_improvement", "fourscore and seven times faster", "fourscore and seven times"),
            ("performance_improvement", "two-dozen-and-three times faster", "two-dozen-and-three times"),
            ("performance_improvement", "two dozen and three times faster", "two dozen and three times"),
            ("performance_improvement", "three and four times faster", "three and four times"),
            ("performance_improvement", "three & four times faster", "three & four times"),
            ("performance_improvement", "four times four times faster", "four times four times"),
            ("performance_improvement", "2 \u{d7} 2 times faster", "2 \u{d7} 2 times"),
            ("performance_improvement", "2x by 2x faster", "2x by 2x"),
            ("performance_improvement", "five by five times faster", "five by five times"),
            ("performance_improvement", "two-by-two times faster", "two-by-two times"),
            ("performance_improvement", "three plus four times faster", "three plus four times"),
            ("performance_improvement", "two over three times faster", "two over three times"),
            ("performance_improvement", "two to the two times faster", "two to the two times"),
            ("performance_improvement", "four four times faster", "four four times"),
            ("performance_improvement", "one five times faster", "one five times"),
            ("performance_improvement", "twenty twenty-five times faster", "twenty twenty-five times"),
            ("performance_improvement", "forty 2 times faster", "forty 2 times"),
            ("performance_improvement", "4 hundred times faster", "4 hundred times"),
            ("performance_improvement", "one thousand two times faster", "one thousand two times"),
            ("performance_improvement", "four point 2 times faster", "four point 2 times"),
            ("performance_improvement", "4 point two times faster", "4 point two times"),
            ("performance_improvement", "four point twenty-five times faster", "four point twenty-five times"),
            ("performance_improvement", "four-point-two times faster", "four-point-two times"),
            ("performance_improvement", "four.two times faster", "four.two times"),
            ("performance_improvement", "four pt. two times faster", "four pt. two times"),
            ("performance_improvement", "four comma two times faster", "four comma two times"),
            ("performance_improvement", "one oh five times faster", "one oh five times"),
            ("performance_improvement", "point five times faster", "point five times"),
            ("performance_improvement", "fourty two times faster", "fourty two times"),
            ("performance_improvement", "ninty-two times faster", "ninty-two times"),
            ("performance_improvement", "double 2x faster", "double 2x"),
            ("performance_improvement", "twofold 2x faster", "twofold 2x"),
            ("performance_improvement", "fourty 2 times faster", "fourty 2 times"),
            ("memory_optimization", "Peak usage 16.5 GB times two", "16.5 GB times two"),
            ("performance_improvement", "4x squared faster", "4x squared"),
            ("performance_improvement", "four point twofold faster", "point twofold"),
            ("performance_improvement", "forty tenfold faster", "forty tenfold"),
            ("performance_improvement", "minus two times faster", "minus two times"),
            ("performance_improvement", "negative 2x faster", "negative 2x"),
            ("performance_improvement", "four / two times faster", "four / two times"),
            ("performance_improvement", "four \u{b7} two times faster", "four \u{b7} two times"),
            ("performance_improvement", "four\u{2219}two times faster", "four\u{2219}two times"),
            ("performance_improvement", "two/three times faster", "two/three times"),
            ("efficiency_achieved", "minus 75% cost reduction", "minus 75%"),
            ("efficiency_achieved", "seventy point 5% cost reduction", "seventy point 5%"),
            ("efficiency_achieved", "seventy-odd 5% cost reduction", "seventy-odd 5%"),
            ("scale_proven", "two by five million rows", "two by five million"),
            ("scale_proven", "three and five generated records", "three and five"),
            ("scale_proven", "Records: four score and five", "four score and five"),
            ("memory_optimization", "one hundred eighty-five point 58 MB", "one hundred eighty-five point 58 MB"),
        ] {
            let e = extract(field, text);
            assert!(e.mentions.is_empty(), "{text}: {:?}", e.mentions);
            let got: Vec<&str> = e.unchecked.iter().map(|u| u.text.as_str()).collect();
            assert_eq!(got, vec![phrase], "{text}");
        }
        for (a, b, near) in [
            ("ninty", "ninety", true),
            ("fourty", "forty", true),
            ("twenny", "twenty", true),
            ("forty", "forty", true),
            ("fifyt", "fifty", false),
            ("records", "seventy", false),
            ("sixt", "sixty", true),
            ("s", "sixty", false),
        ] {
            assert_eq!(one_edit_apart(a.as_bytes(), b.as_bytes()), near, "{a} {b}");
            assert_eq!(one_edit_apart(a.as_bytes(), b.as_bytes()), crate::text::edit_distance(a, b) <= 1, "{a} {b}");
        }
        // a count made approximate; a percent with no number read
        for (field, text, phrases) in [
            ("efficiency_achieved", "twenty-some percent cost reduction", vec!["twenty-some", "percent"]),
            ("efficiency_achieved", "twentyish percent cost reduction", vec!["twentyish", "percent"]),
            ("scale_proven", "twenty plus records", vec!["twenty plus"]),
            ("scale_proven", "20ish records", vec!["20ish"]),
            ("scale_proven", "twentyish million records", vec!["twentyish"]),
        ] {
            let e = extract(field, text);
            let got: Vec<&str> = e.unchecked.iter().map(|u| u.text.as_str()).collect();
            assert_eq!(got, phrases, "{text}: {:?}", e.mentions);
        }
        // words, not numbers written together
        for (field, text) in [
            ("enterprise_ready", "Enterprise ready; one and two year plans, reviewed by twelve, one of twelve teams"),
            ("performance_improvement", "a point of contention resolved; point-in-time recovery"),
        ] {
            let e = extract(field, text);
            assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
        }
        for text in [
            "the key point: 4.2x faster",
            "at this point 4.2x faster",
            "75% cost cut and 4.2x faster",
            // a comma ends the clause: "one" is a pronoun here, not a number joined to 4.2x
            "for one, 4.2x faster",
        ] {
            let e = extract("performance_improvement", text);
            assert!(e.unchecked.is_empty(), "{text}: {:?}", e.unchecked);
            assert!(e.mentions.iter().any(|m| m.quantity == speed(4.2)), "{text}: {:?}", e.mentions);
        }
    }
}
