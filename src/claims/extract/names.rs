//! Digits that name something: the designation of a standard, a protocol, an algorithm or
//! a version ("SOC 2 Type II", "ISO/IEC 27001:2022", "TLS 1.3", "AES-256", "Python 3.11"),
//! and a year after a word of time ("certified in 2024"). Read as figures with no metric,
//! they made honest statements `claims.unchecked`, which under `--profile marketplace`
//! breaks the requirement the statement proves. The names are a closed list, each with
//! the shape of the designation that may follow it (spec 5.4), never "a capitalised word
//! before a number": and a word the reader reads with a number (a unit, a magnitude, a
//! multiplier, a record noun, a metric) right after the digits makes them the figure they
//! are ("SOC 2 billion records", "TLS 1.3x faster", "ISO 27001 records").

use super::{
    against_saving, against_speedup, bound_before, is_currency, is_cut_word, is_multiple_word, is_preposition,
    is_record_noun, is_timestamp, magnitude_like, magnitude_word, mem_unit, names_other_metric, names_speed, per_time,
    percent_target, unit_after, unit_word, Bound, Kind, Reader,
};
use crate::text::MONTHS;

/// What may follow a name.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// `1`, `2` or `3`, then `Type I`/`Type II`/`Type 1`/`Type 2` (`SOC 2 Type II`).
    Soc,
    /// A standard's number of 3 to 5 digits, its parts and its year (`27001`,
    /// `62443-3-3`, `27001:2022`, `140-2`).
    Standard,
    /// A NIST series and number, a letter A-D after it, then `Rev. 5` or `Revision 5`
    /// (`800-53`, `800-63B Rev. 4`).
    Nist,
    /// A version: one or two digits, at most two more groups of one or two after dots
    /// (`1.3`, `3.11.4`, `12`).
    Version,
    /// [`Shape::Version`], then a conformance level `A`, `AA` or `AAA` (`WCAG 2.1 AA`).
    Wcag,
    /// One to four digits after a hyphen (`AES-256`, `SHA-3`, `RSA-4096`, `P-256`).
    Hyphen,
    /// A version after a slash (`HTTP/2`, `HTTP/1.1`).
    Slash,
    /// `Article` or `Art.` and one to three digits, a paragraph in brackets after them
    /// (`GDPR Article 32`, `GDPR Art. 32(1)`).
    Article,
}

/// The names, each a run of tokens (words compared ignoring ASCII case, except the
/// single capital `P`; `/` and `-` glued to the words on both sides, words otherwise one
/// space apart), and the shape of the designation after it. Longest first where one
/// starts another.
const NAMES: &[(&[&str], Shape)] = &[
    (&["soc"], Shape::Soc),
    (&["iso", "/", "iec"], Shape::Standard),
    (&["iso"], Shape::Standard),
    (&["iec"], Shape::Standard),
    (&["fips"], Shape::Standard),
    (&["nist", "sp"], Shape::Nist),
    (&["nist"], Shape::Nist),
    (&["pci", "dss"], Shape::Version),
    (&["pci", "-", "dss"], Shape::Version),
    (&["gdpr"], Shape::Article),
    (&["tls"], Shape::Version),
    (&["ssl"], Shape::Version),
    (&["oauth"], Shape::Version),
    (&["saml"], Shape::Version),
    (&["python"], Shape::Version),
    (&["java"], Shape::Version),
    (&["cuda"], Shape::Version),
    (&["version"], Shape::Version),
    (&["wcag"], Shape::Wcag),
    (&["aes"], Shape::Hyphen),
    (&["sha"], Shape::Hyphen),
    (&["rsa"], Shape::Hyphen),
    (&["P"], Shape::Hyphen),
    (&["utf"], Shape::Hyphen),
    (&["http"], Shape::Slash),
];

/// Words of time a year may follow (`since 2021`); `by` is not one (`cut by 2000`).
pub(super) const TIME_WORDS: [&str; 9] =
    ["in", "since", "until", "till", "through", "throughout", "during", "before", "after"];

/// Words of growth: like a cut word ([`is_cut_word`]), one before two bare years in their
/// clause makes them a change of an amount ("deployments grew from 2000 to 2050").
const GROWTH: [&str; 9] = ["grew", "grow", "grows", "grown", "growth", "scaled", "jumped", "climbed", "expanded"];

/// Words before `of` that make a year after it a date (`by the end of 2026`, `as of 2024`).
const OF_TIME: [&str; 6] = ["as", "end", "start", "beginning", "middle", "close"];

/// Past verbs of a check or a release, after which a year alone is a date (`released
/// 2024`, `certified '24`, `audited 03/2024`); not `tested` or `deployed` (`tested 2048
/// configurations`, `deployed 2000`, which may count).
pub(crate) const DONE: [&str; 14] = [
    "certified",
    "audited",
    "released",
    "launched",
    "validated",
    "verified",
    "accredited",
    "attested",
    "renewed",
    "issued",
    "published",
    "founded",
    "established",
    "approved",
];

/// Words before a colon that a year alone in its clause answers (`Enterprise ready:
/// 2024`, `Since: 2021`), besides [`DONE`].
const ANSWERED: [&str; 6] = ["ready", "since", "date", "dated", "year", "available"];

/// Words before a bare dotted version that make it a release (`upgraded from 1.9`, `in
/// 2.0`, `compatible with 2.0`, `since 2.0`, `as of 3.1`).
const VERSION_BEFORE: [&str; 5] = ["from", "in", "with", "since", "of"];

/// Words that may follow a year that is a date: a clause ends, or one of these starts
/// the next phrase (`certified in 2024 by EY`). Any other word may be what the number
/// counts (`in 2000 deployments`), and leaves it a figure; so does `or` (`in 2000 or
/// more records`).
const AFTER_YEAR: [&str; 16] = [
    "and", "by", "with", "without", "for", "at", "on", "in", "under", "from", "after", "before", "onward", "onwards",
    "when", "while",
];

/// Words after a connecting word that make the number before it a count (`in 2000 and
/// more records`, `ISO 500 or more records`), as a magnitude, a unit or a record noun
/// there does ([`count_word`]).
const COMPARE: [&str; 10] = ["more", "less", "fewer", "over", "above", "beyond", "up", "under", "below", "so"];

/// Per token of `r`: part of a name's designation or a date. One pass, a bounded
/// look-ahead at each token; the words before a date are read once, and only when a date
/// or a key size is found ([`Before`]).
pub(super) fn names(r: &Reader) -> Vec<bool> {
    names_from(r, may_start)
}

/// [`names`], asking `start` where a name, a key size or a date may start (the tests
/// give it a `start` that lets every token of digits through, to show [`may_start`]
/// drops none that starts one).
fn names_from(r: &Reader, start: impl Fn(&Reader, usize) -> bool) -> Vec<bool> {
    let mut out = vec![false; r.toks.len()];
    let mut before = Before::default();
    let mut k = 0;
    while k < r.toks.len() {
        if !start(r, k) {
            k += 1;
            continue;
        }
        // a name starts at a word (`SOC`, `Article`): digits start only a key size or a date
        let mut found = if r.digits(k).is_none() { designation(r, k) } else { None };
        // "Records processed: Version: 5.0", "Records: SOC 2", "Records: TLS 1.3": a
        // designation right after a record noun, its count not given, is its count
        if found.is_some() && before.at(r, k, &out).uncounted() {
            found = None;
        }
        if let Some(end) = found.is_none().then(|| key_size(r, k)).flatten() {
            found = (!before.at(r, k, &out).counted).then_some(end);
        }
        if let Some((end, years)) = found.is_none().then(|| dated(r, k)).flatten() {
            let seen = before.at(r, k, &out);
            // two bare years after a word of a figure or of a change, after `by` or a
            // bound, are an amount: "GPUs: 2000-2048", "cut by 2000-2010", "over 2000-2048"
            let amount = years
                && (seen.quantity
                    || r.word(k.wrapping_sub(1)) == Some("by")
                    || !matches!(bound_before(r, k), Ok(Bound::Exact)));
            found = (!seen.counted && !amount).then_some(end);
        }
        if let Some(start) = found.is_none().then(|| year(r, k)).flatten() {
            // "Records: the second half of 2024", "Records (2024)": the words before the
            // date, not its own `of`, say whether it counts them
            let seen = before.at(r, start, &out);
            let counted = match bracketed(r, k) {
                Some(prev) => seen.counts_before(r, prev),
                None => start < k && seen.counted,
            };
            found = (!counted).then_some(k + 1);
        }
        if let Some(end) = found.is_none().then(|| more_dates(r, k, &out)).flatten() {
            let seen = before.at(r, k, &out);
            let counted = match bracketed(r, k) {
                Some(prev) => seen.counts_before(r, prev),
                None => seen.counted,
            };
            found = (!counted && !seen.quantity).then_some(end);
        }
        match found {
            Some(end) if end > k => {
                for slot in out.iter_mut().take(end).skip(k) {
                    *slot = true;
                }
                k = end;
            }
            _ => k += 1,
        }
    }
    out
}

/// Whether a name, a key size or a date may start at token `k`: digits, or a word that
/// starts a name ([`NAMES`], `Article`), names a cipher ([`CIPHERS`]), a month or a
/// quarter or half (`Q3`, `H1`). Every other token starts none of them: [`names`] skips
/// it before the look-ups, each of which scans its list (a long statement of words was a
/// tenth of its audit in them).
fn may_start(r: &Reader, k: usize) -> bool {
    static FIRST: std::sync::LazyLock<crate::text::Hashed<String>> = std::sync::LazyLock::new(|| {
        let names = NAMES.iter().filter_map(|(name, _)| name.first()).map(|w| w.to_ascii_lowercase());
        let others = CIPHERS.iter().chain(MONTHS.iter()).chain(&["article", "art", "q", "h"]).map(|w| w.to_string());
        names.chain(others).collect()
    });
    match r.toks.get(k).map(|t| t.kind) {
        Some(Kind::Digits) => r.digits(k).is_some_and(|d| digits_may_start(r, k, d)),
        Some(Kind::Word { .. }) => r.word(k).is_some_and(|w| FIRST.contains(w)),
        _ => false,
    }
}

/// Whether the digits `d` at token `k` pass the first test of a reader that starts at
/// digits: a size of [`KEY_SIZES`] ([`key_size`]), a year ([`calendar`], [`year`],
/// [`more_dates`]), or one or two digits with a word beside them or an apostrophe before
/// them (a day before its month, a version after its word, `'24`). Asked once, so that a
/// run of other numbers ("1 1 1 …") calls none of them: asked of each, they were a fifth
/// of the time of a claim of 1.5 million bare numbers.
fn digits_may_start(r: &Reader, k: usize, d: &str) -> bool {
    let beside = || {
        r.word(k + 1).is_some()
            || k.checked_sub(1).is_some_and(|p| r.word(p).is_some() || matches!(r.sym(p), Some('\'' | '\u{2019}')))
    };
    KEY_SIZES.contains(&d) || crate::text::is_year(d) || (d.len() <= 2 && beside())
}

/// The words before a token in its clause, read up to it as [`names`] goes: the clause
/// of the last record noun with no preposition after it (a number after it in that clause
/// is a count, "Records: 2019-2024", which no date or key size may hide), and the clause
/// of the last word of a figure or of a change (after which two bare years are no period,
/// "GPUs: 2000-2048", "incidents fell from 2000 to 2010").
#[derive(Default)]
struct Before {
    seen: usize,
    counted: Option<u32>,
    quantity: Option<u32>,
    /// Digits in the clause of `counted` before its record noun.
    prior: bool,
    /// Digits read after the record noun of `counted`: its count was given.
    given: bool,
    /// The clause of the last number read, while only a magnitude follows it.
    number: Option<u32>,
    /// The clause of the record noun a word of time took from `counted` ("Records
    /// generated since 2024: 1 million"), given back at a colon right after a date.
    dated: Option<u32>,
}

/// What [`Before`] says of a token.
struct Seen {
    counted: bool,
    quantity: bool,
    /// The clause of the record noun's count, none given yet ("Records (2024)").
    open: Option<u32>,
    /// Digits in the clause before the record noun of `counted` gave its count.
    prior: bool,
}

impl Seen {
    /// A date alone in brackets after token `prev` counts the record noun of `prev`'s
    /// clause when no number came after the noun: "Records generated ('24)", not
    /// "Records: 1 million (2024)".
    fn counts_before(&self, r: &Reader, prev: usize) -> bool {
        self.open.is_some() && self.open == r.toks.get(prev).map(|t| t.clause)
    }

    /// The token is in the clause of a record noun with no count given before or after
    /// it: a name's digits there are the count ("Records: SOC 2", not "1 million records
    /// SOC 2 audited").
    fn uncounted(&self) -> bool {
        self.counted && self.open.is_some() && !self.prior
    }
}

impl Before {
    /// Reads the words from where it stopped up to token `k` (names marked in `out` are
    /// no words of a figure: "SOC 2 Type II"), and says what they make of `k`.
    fn at(&mut self, r: &Reader, k: usize, out: &[bool]) -> Seen {
        for j in self.seen..k {
            // a number, not a name's or an identifier's digits ("Records: SOC 2 (2024)", "v2")
            let clause = r.toks.get(j).map(|t| t.clause);
            if r.digits(j).is_some() && !out.get(j).copied().unwrap_or(false) && !r.identifier(j) {
                self.given = true;
                self.number = clause;
            }
            if r.sym(j) == Some(':') {
                // "10x faster records: ISO 27001": a colon after the noun opens its count anew
                if self.counted.is_some() && self.counted == clause {
                    self.prior = false;
                }
                // "Records since 2024: SOC 2": the count follows the date, as in `extract`
                let date = j > 0 && out.get(j - 1).copied().unwrap_or(false) && r.digits(j - 1).is_some();
                if let Some(noun) = self.dated.take().filter(|&c| date && Some(c) == clause) {
                    (self.counted, self.given, self.prior) = (Some(noun), false, false);
                }
            }
            // "1 million records": only a magnitude between a number and the noun it counts;
            // any other word ("4.2x faster records") or mark makes the number no count of it
            let magnitude =
                r.word(j).is_some_and(|w| magnitude_word(w).is_some() || matches!(w, "k" | "m" | "b" | "mm"));
            if r.digits(j).is_none()
                && !magnitude
                && !matches!(r.sym(j), Some(',' | '.'))
                && !r.word(j).is_some_and(is_record_noun)
            {
                self.number = None;
            }
            let Some(w) = r.word(j) else { continue };
            let moved = is_cut_word(w) || GROWTH.contains(&w);
            if (moved || figure_word(r, j)) && !out.get(j).copied().unwrap_or(false) {
                self.quantity = clause;
            }
            if is_record_noun(w) {
                self.counted = clause;
                self.given = false;
                self.prior = self.number == clause;
            } else if is_preposition(w) {
                // one word of time after the noun may start a date its count follows
                self.dated = self.counted.take().filter(|_| TIME_WORDS.contains(&w));
            }
        }
        self.seen = self.seen.max(k);
        let clause = r.toks.get(k).map(|t| t.clause);
        Seen {
            counted: self.counted.is_some() && self.counted == clause,
            quantity: self.quantity.is_some() && self.quantity == clause,
            open: self.counted.filter(|_| !self.given),
            prior: self.prior,
        }
    }
}

/// Token `k` is written as it reads: letters and digits in ASCII, nothing folded into
/// them by the normalisation (full-width `ＩＳＯ` or `２７００１`, a zero-width character
/// inside). A look-alike makes no name.
fn as_written(r: &Reader, k: usize) -> bool {
    r.toks.get(k).is_some_and(|t| {
        let text = r.t.get(t.range()).unwrap_or_default();
        text.is_ascii() && r.norm.original_of(t.range()) == text
    })
}

/// ASCII digits at token `k`, as written, `min..=max` of them.
fn digits_in(r: &Reader, k: usize, min: usize, max: usize) -> bool {
    r.digits(k).is_some_and(|d| (min..=max).contains(&d.len())) && as_written(r, k)
}

/// The symbol `c` at token `k`, glued to the tokens on both sides.
fn joins(r: &Reader, k: usize, c: char) -> bool {
    r.sym(k) == Some(c) && r.glued(k) && r.glued(k + 1)
}

/// Token `k` follows token `k - 1` after white space, in the same clause.
fn spaced(r: &Reader, k: usize) -> bool {
    k > 0 && k < r.toks.len() && !r.glued(k) && r.same_clause(k - 1, k)
}

/// The designation of a name starting at token `k`: the token after it.
fn designation(r: &Reader, k: usize) -> Option<usize> {
    // glued to digits before it, the name is part of something else ("5P-256")
    if r.glued(k) && r.toks.get(k - 1).is_some_and(|t| matches!(t.kind, Kind::Digits | Kind::Foreign)) {
        return None;
    }
    let named = NAMES.iter().find_map(|(name, shape)| name_at(r, k, name).map(|j| (j, *shape)));
    let (number_end, end) = match named {
        Some((j, shape)) => shape_at(r, j, shape)?,
        None => article_first(r, k)?,
    };
    // "SOC 2®", "ISO 27001's scope": a mark or a possessive ends the designation
    let last = possessive(r, mark(r, end));
    let number_end = if number_end == end { last } else { number_end };
    // a word of a figure right after the number, or after the whole designation, wins
    if figure_after(r, number_end) || figure_after(r, last) {
        return None;
    }
    Some(last)
}

/// A registered or trade mark glued to the designation ending before token `k` (`SOC
/// 2®`, `SOC 2™`, which the normalisation writes `TM`), nothing glued after it: the token
/// after it, or `k`.
fn mark(r: &Reader, k: usize) -> usize {
    let Some(t) = r.toks.get(k) else { return k };
    let written = r.norm.original_of(t.range());
    if r.glued(k) && matches!(written, "\u{ae}" | "\u{2122}") && !r.glued(k + 1) {
        k + 1
    } else {
        k
    }
}

/// A possessive `'s` (or `’s`) glued to the designation ending before token `k` (`ISO
/// 27001's scope`), nothing glued after it: the token after it, or `k`.
fn possessive(r: &Reader, k: usize) -> usize {
    let apostrophe = matches!(r.sym(k), Some('\'' | '\u{2019}'));
    if apostrophe && r.glued(k) && r.glued(k + 1) && r.word(k + 1) == Some("s") && !r.glued(k + 2) {
        k + 2
    } else {
        k
    }
}

/// An article before its name at token `k` (`Article 32 GDPR`, `Art. 32(1) of the
/// GDPR`): the token after its number and the token after the name.
fn article_first(r: &Reader, k: usize) -> Option<(usize, usize)> {
    (matches!(r.word(k), Some("article" | "art")) && as_written(r, k)).then_some(())?;
    let n = after_abbreviation(r, k).filter(|&n| digits_in(r, n, 1, 3))?;
    let mut at = paragraph(r, n + 1);
    // the words after it one space apart; after a paragraph, its closing bracket and a space
    let gap = |k: usize| {
        let (a, b) = (k.checked_sub(1).and_then(|p| r.toks.get(p)), r.toks.get(k));
        a.zip(b).and_then(|(a, b)| r.t.get(a.end as usize..b.start as usize))
    };
    let first = if at > n + 1 { ") " } else { " " };
    let mut sep = first;
    if r.word(at) == Some("of") && gap(at) == Some(sep) {
        at += 1;
        sep = " ";
        if r.word(at) == Some("the") && gap(at) == Some(sep) {
            at += 1;
        }
    }
    let gdpr = r.word(at) == Some("gdpr") && gap(at) == Some(sep) && as_written(r, at);
    gdpr.then_some((n + 1, at + 1))
}

/// The token after the name `name` at token `k`, if it is there as written.
fn name_at(r: &Reader, k: usize, name: &[&str]) -> Option<usize> {
    let mut at = k;
    for (n, part) in name.iter().enumerate() {
        let ok = match *part {
            "/" | "-" => part.starts_with(r.sym(at)?) && r.glued(at) && r.glued(at + 1),
            "P" => r.t.get(r.toks.get(at)?.range()) == Some("P") && as_written(r, at),
            w => r.word(at) == Some(w) && as_written(r, at),
        };
        let placed = n == 0 || r.glued(at) || spaced(r, at);
        if !ok || !placed {
            return None;
        }
        at += 1;
    }
    Some(at)
}

/// The designation of shape `shape` at token `j`: the token after its number and the
/// token after the whole of it.
fn shape_at(r: &Reader, j: usize, shape: Shape) -> Option<(usize, usize)> {
    match shape {
        Shape::Soc => {
            (spaced(r, j) && matches!(r.digits(j), Some("1" | "2" | "3")) && as_written(r, j)).then_some(())?;
            // "SOC 2® Type II": the mark after the number
            let m = mark(r, j + 1);
            let typed = r.word(m) == Some("type")
                && spaced(r, m)
                && spaced(r, m + 1)
                && (matches!(r.word(m + 1), Some("i" | "ii")) || matches!(r.digits(m + 1), Some("1" | "2")))
                && as_written(r, m)
                && as_written(r, m + 1);
            Some((m, if typed { m + 2 } else { m }))
        }
        Shape::Standard => {
            (spaced(r, j) && digits_in(r, j, 3, 5)).then_some(())?;
            let mut k = j + 1;
            while joins(r, k, '-') && digits_in(r, k + 1, 1, 2) {
                k += 2;
            }
            if joins(r, k, ':') && digits_in(r, k + 1, 4, 4) {
                k += 2;
            }
            Some((k, k))
        }
        Shape::Nist => {
            (spaced(r, j) && digits_in(r, j, 3, 3) && joins(r, j + 1, '-') && digits_in(r, j + 2, 1, 3))
                .then_some(())?;
            let mut k = j + 3;
            let letter = r.toks.get(k).and_then(|t| r.t.get(t.range()));
            if r.glued(k) && letter.is_some_and(|l| matches!(l, "A" | "B" | "C" | "D")) && as_written(r, k) {
                k += 1;
            }
            let number = k;
            if matches!(r.word(k), Some("rev" | "revision")) && spaced(r, k) && as_written(r, k) {
                if let Some(n) = after_abbreviation(r, k).filter(|&n| digits_in(r, n, 1, 2)) {
                    k = n + 1;
                }
            }
            Some((number, k))
        }
        Shape::Version | Shape::Wcag => {
            // "Version: 2.0": a colon glued to the name, one space, the version
            let colon = r.sym(j) == Some(':') && r.glued(j) && r.one_space(j + 1) && r.same_clause(j, j + 1);
            let j = if colon { j + 1 } else { j };
            let mut k = version(r, j).filter(|_| colon || spaced(r, j))?;
            // "TLS 1.2+", "Python 3.8+": that version or a later one
            if shape == Shape::Version && r.sym(k) == Some('+') && r.glued(k) && !r.glued(k + 1) {
                k += 1;
            }
            let level = shape == Shape::Wcag
                && spaced(r, k)
                && matches!(r.toks.get(k).and_then(|t| r.t.get(t.range())), Some("A" | "AA" | "AAA"))
                && as_written(r, k);
            let end = if level { k + 1 } else { k };
            Some((end, end))
        }
        Shape::Hyphen => {
            (joins(r, j, '-') && digits_in(r, j + 1, 1, 4)).then_some(())?;
            Some((j + 2, j + 2))
        }
        Shape::Slash => {
            let k = version(r, j + 1).filter(|_| joins(r, j, '/'))?;
            Some((k, k))
        }
        Shape::Article => {
            (matches!(r.word(j), Some("article" | "art")) && spaced(r, j) && as_written(r, j)).then_some(())?;
            let n = after_abbreviation(r, j).filter(|&n| digits_in(r, n, 1, 3))?;
            let end = paragraph(r, n + 1);
            Some((n + 1, end))
        }
    }
}

/// A version at token `j` (one or two digits, at most two more groups after dots): the
/// token after it.
fn version(r: &Reader, j: usize) -> Option<usize> {
    digits_in(r, j, 1, 2).then_some(())?;
    let mut k = j + 1;
    for _ in 0..2 {
        if !(joins(r, k, '.') && digits_in(r, k + 1, 1, 2)) {
            break;
        }
        k += 2;
    }
    Some(k)
}

/// The token after an abbreviation word at `k` (`Art. 32`, `Rev.5`, `Article 32`): the
/// next one after a space, a dot, or a dot and a space (a dot and a space end a clause,
/// and are no token).
fn after_abbreviation(r: &Reader, k: usize) -> Option<usize> {
    let (a, b) = (r.toks.get(k)?, r.toks.get(k + 1)?);
    let gap = r.t.get(a.end as usize..b.start as usize)?;
    if joins(r, k + 1, '.') {
        return Some(k + 2);
    }
    matches!(gap, " " | ". ").then_some(k + 1)
}

/// A paragraph in brackets glued to an article's number ending before token `k`
/// (`32(1)`): the token after it, or `k`.
fn paragraph(r: &Reader, k: usize) -> usize {
    let Some(prev) = k.checked_sub(1).and_then(|p| r.toks.get(p)) else { return k };
    let (Some(t), true) = (r.toks.get(k), digits_in(r, k, 1, 2)) else { return k };
    let open = r.t.get(prev.end as usize..t.start as usize) == Some("(");
    let close = r.t.get(t.end as usize..).is_some_and(|rest| rest.starts_with(')'));
    if open && close {
        k + 1
    } else {
        k
    }
}

/// A figure's word at token `k`, right after a designation (in its clause): a unit, a
/// multiplier (`%`, `x`, `GB`, `-fold`), digits or a letter glued to it (`2M`, `1.3x`),
/// more digits (`SOC 2 000 000`), or a word the reader reads with a number. A hyphen
/// and a word are read as that word (`ISO 27001-certified`, `AES-256-GCM`).
fn figure_after(r: &Reader, k: usize) -> bool {
    let Some(tok) = r.toks.get(k) else { return false };
    if k == 0 || !r.same_clause(k - 1, k) {
        return false;
    }
    if unit_after(r, k).is_some() {
        return true;
    }
    if r.glued(k) {
        if r.sym(k) == Some('-') && r.glued(k + 1) && r.word(k + 1).is_some() {
            return figure_word(r, k + 1);
        }
        return true;
    }
    // "ISO 500 or more records": a connecting word, then a word of a count
    let connected = matches!(r.word(k), Some("or" | "and" | "to" | "plus")) && r.word(k + 1).is_some_and(count_word);
    match tok.kind {
        Kind::Digits | Kind::Foreign => true,
        // "ISO 8601 timestamps per second": a rate of what the number counts
        Kind::Word { .. } => {
            let rate = r.word(k).is_some_and(is_timestamp) && (figure_word(r, k + 1) || r.sym(k + 1) == Some('/'));
            connected || rate || figure_word(r, k)
        }
        Kind::Sym(_) => false,
    }
}

/// A word that makes the number before the word before it a count (`or more records`,
/// `and over`, `and million-record`): a comparison ([`COMPARE`]), a magnitude, a memory
/// unit, a record noun.
fn count_word(w: &str) -> bool {
    COMPARE.contains(&w) || magnitude_word(w).is_some() || mem_unit(w).is_some() || is_record_noun(w)
}

/// The word at token `k` is one the reader reads with a number: a magnitude or a word
/// in its place, a number word, a unit, a record noun, a metric's name, a word of speed,
/// of time or of another quantity, a currency, a multiple, a word of direction.
fn figure_word(r: &Reader, k: usize) -> bool {
    let Some(w) = r.word(k) else { return false };
    magnitude_word(w).is_some()
        || magnitude_like(w, r.upper(k))
        || unit_word(w).is_some()
        || mem_unit(w).is_some()
        || is_record_noun(w)
        || percent_target(w).is_some()
        || names_speed(w)
        || names_other_metric(w)
        || per_time(w).is_some()
        || is_currency(w)
        || is_multiple_word(w)
        || against_saving(w)
        || against_speedup(w)
        || ["hundred", "percent", "pct", "percentage", "per", "x", "times", "fold"].contains(&w)
}

/// A year that is a date at token `k`: four digits from 1900 to 2099, as written, after
/// a word of time ([`TIME_WORDS`], `as of`, `end of`, a month, a quarter `Q3` or half
/// `H1`), with a clause ending after it or a word of [`AFTER_YEAR`] (and no word of a
/// count after that).
fn year(r: &Reader, k: usize) -> Option<usize> {
    if !r.digits(k).is_some_and(crate::text::is_year) || !as_written(r, k) {
        return None;
    }
    // A year alone in brackets dates what it follows ("SOC 2 Type II (2024)"), when
    // another clause starts after the brackets or a word that may follow a date does.
    if let Some(range) = r.toks.get(k).map(|t| t.range()) {
        let open = range.start.checked_sub(1).and_then(|at| r.t.get(at..range.start)) == Some("(");
        if open && r.t.get(range.end..range.end + 1) == Some(")") {
            return after_brackets(r, k).then_some(k);
        }
    }
    if !spaced(r, k) {
        return None;
    }
    let before = k - 1;
    let word = r.word(before);
    let time_word = word.is_some_and(|w| TIME_WORDS.contains(&w));
    let of = word == Some("of")
        && before > 0
        && spaced(r, before)
        && r.word(before - 1).is_some_and(|w| OF_TIME.contains(&w) || span(r, before - 1));
    // a month or a quarter before it, standing alone: "March 2025", "Q3 2026", "H1 2025"
    let part = |s: usize| !r.glued(s) && calendar(r, s).is_some_and(|(end, _, c)| end == k + 1 && c == Cal::Part);
    let start = if time_word {
        k
    } else if of {
        before - 1
    } else if part(before) {
        before
    } else if before > 0 && part(before - 1) {
        before - 1
    } else {
        return None;
    };
    ends_a_date(r, k).then_some(start)
}

/// A date at token `k` alone in brackets (`(2024)`, `('24)`): the token before the
/// opening bracket, in the clause the date follows.
fn bracketed(r: &Reader, k: usize) -> Option<usize> {
    let first = if matches!(r.sym(k.checked_sub(1)?), Some('\'' | '\u{2019}')) && r.glued(k) { k - 1 } else { k };
    in_brackets(r, first, k).then_some(())?;
    first.checked_sub(1)
}

/// Tokens `first..=last` stand alone in brackets: `(` right before the first, `)` right
/// after the last.
fn in_brackets(r: &Reader, first: usize, last: usize) -> bool {
    let (Some(a), Some(b)) = (r.toks.get(first), r.toks.get(last)) else { return false };
    let (open, close) = (a.start as usize, b.end as usize);
    open > 0 && r.t.get(open - 1..open) == Some("(") && r.t.get(close..close + 1) == Some(")")
}

/// What follows the year in brackets at token `k` leaves it a date: nothing, another
/// clause after the brackets, or a word that may follow a date with no count after it.
fn after_brackets(r: &Reader, k: usize) -> bool {
    let this = r.toks.get(k).map(|t| t.clause);
    match r.toks.get(k + 1) {
        None => true,
        Some(next) if this.is_some_and(|c| next.clause > c.saturating_add(1)) => true,
        Some(_) => r.word(k + 1).is_some_and(|w| AFTER_YEAR.contains(&w)) && !r.word(k + 2).is_some_and(count_word),
    }
}

/// A year at token `i` (as [`year_at`]) spaced after the word before it, that ends as a
/// date does ([`ends_a_date`]): the year of a span of it ("the first two quarters of 2025").
pub(super) fn year_of(r: &Reader, i: usize) -> bool {
    year_at(r, i).is_some() && spaced(r, i) && ends_a_date(r, i)
}

/// A four-digit year 1900-2099 at token `i`, as written.
fn year_at(r: &Reader, i: usize) -> Option<u32> {
    r.digits(i).filter(|d| crate::text::is_year(d) && as_written(r, i)).and_then(|d| d.parse().ok())
}

/// The dates and versions that [`year`] and [`dated`] do not read, ending as a date must
/// ([`ends_a_date`]): the token after them. [`names`] drops them after a record noun or a
/// word of a figure in their clause, as it does periods.
/// - `between 2019 and 2024`, the second year not before the first;
/// - a year listed after a year read as a date (`since 2021 and 2024`, `2024 or 2027`);
/// - a year of two digits after an apostrophe, after a word of time or of [`DONE`]
///   (`since '24`, `released ’24`);
/// - a year after a word of [`DONE`] (`released 2024`);
/// - a year alone in its clause after a colon and a word of [`ANSWERED`] or [`DONE`]
///   (`Enterprise ready: 2024`);
/// - a version with a dot after a word of [`VERSION_BEFORE`] (`upgraded from 1.9`), then
///   the end of its clause or a word that may follow a date with no number after it.
fn more_dates(r: &Reader, k: usize, out: &[bool]) -> Option<usize> {
    let prev = k.checked_sub(1).filter(|&p| r.same_clause(p, k))?;
    // '24: the apostrophe glued to the digits, spaced from a word of time
    let quote = matches!(r.sym(prev), Some('\'' | '\u{2019}'));
    if quote && r.glued(k) && digits_in(r, k, 2, 2) {
        // ('24): the apostrophe and the digits alone in brackets, as a year of four is (see [`year`])
        if in_brackets(r, prev, k) {
            return after_brackets(r, k).then_some(k + 1);
        }
        if !spaced(r, prev) {
            return None;
        }
        let w = r.word(prev.checked_sub(1)?)?;
        let timed = TIME_WORDS.contains(&w) || DONE.contains(&w);
        return (timed && !r.glued(k + 1) && ends_a_date(r, k)).then_some(k + 1);
    }
    if !spaced(r, k) {
        return None;
    }
    if let Some(first) = year_at(r, k) {
        let w = r.word(prev);
        if w == Some("between") {
            let and = r.word(k + 1) == Some("and") && spaced(r, k + 1) && spaced(r, k + 2);
            year_at(r, k + 2).filter(|&y| and && y >= first && !r.glued(k + 3))?;
            return ends_a_date(r, k + 2).then_some(k + 3);
        }
        let listed = (matches!(w, Some("and" | "or")) || r.sym(prev) == Some('&'))
            && prev.checked_sub(1).is_some_and(|y| out.get(y).copied().unwrap_or(false) && year_at(r, y).is_some());
        if listed || w.is_some_and(|w| DONE.contains(&w)) {
            return ends_a_date(r, k).then_some(k + 1);
        }
        let colon = r.sym(prev) == Some(':') && r.glued(prev);
        let asked =
            prev.checked_sub(1).and_then(|a| r.word(a)).is_some_and(|w| ANSWERED.contains(&w) || DONE.contains(&w));
        let alone = r.toks.get(k + 1).is_none_or(|_| !r.same_clause(k, k + 1));
        return (colon && asked && alone).then_some(k + 1);
    }
    let w = r.word(prev)?;
    let of = w != "of" || prev.checked_sub(1).and_then(|a| r.word(a)) == Some("as");
    let end = version(r, k).filter(|&end| end > k + 1 && of && VERSION_BEFORE.contains(&w) && !r.glued(end))?;
    let number_after = r.same_clause(end - 1, end) && r.digits(end + 1).is_some();
    (ends_a_date(r, end - 1) && !number_after).then_some(end)
}

/// `quarters`, `quarter`, `half` or `halves` at token `k` after an ordinal, `last` or
/// `the`, a count of two to four between them or not: a span of the year after `of` (`the
/// first two quarters of 2025`, `the second half of 2025`).
fn span(r: &Reader, k: usize) -> bool {
    let noun = r.word(k).is_some_and(|w| w.starts_with("quarter") || matches!(w, "half" | "halves"));
    let led = |i: usize| {
        matches!(r.word(i), Some("first" | "second" | "third" | "fourth" | "last" | "the")) && r.same_clause(i, k)
    };
    let counted = k > 1 && r.word(k - 1).and_then(unit_word).is_some_and(|c| (2.0..=4.0).contains(&c)) && led(k - 2);
    noun && k > 0 && (led(k - 1) || counted)
}

/// A date that needs no word of time before it, apart from the text before it and
/// followed as a year must be ([`ends_a_date`]): the token after it. A calendar date with
/// its day or written as ISO 8601 does (`3 March 2024`, `March 15, 2024`, `2025-09`,
/// `2025-08-10`), or a period of two dates, the second not before the first (`2019-2024`,
/// `2024 – 2027`, `Q3 2024-Q1 2025`, `2019 to 2024`). Read as numbers they were a day, a
/// range or two years with no metric; `2019-2024 records` and `15 March 2024 records`
/// stay figures. With it, whether it is two bare years, which may be a range of counts
/// (`GPUs: 2000-2048`: [`names`] decides).
fn dated(r: &Reader, k: usize) -> Option<(usize, bool)> {
    if r.glued(k) {
        return None;
    }
    let (first, from, head) = calendar(r, k)?;
    let (end, years) = match period_link(r, first).and_then(|next| calendar(r, next)) {
        Some((end, until, second)) if until >= from => (end, head == Cal::Year && second == Cal::Year),
        _ if head == Cal::Day => (first, false),
        // "2024-27": the end year in two digits, after the first in its century
        _ if head == Cal::Year && joins(r, first, '-') && digits_in(r, first + 1, 2, 2) => {
            let end: u32 = r.digits(first + 1).and_then(|d| d.parse().ok())?;
            (from / 100 * 100 + end > from).then_some((first + 2, true))?
        }
        _ => return None,
    };
    (!r.glued(end) && ends_a_date(r, end - 1)).then_some((end, years))
}

/// What a date of [`calendar`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cal {
    /// A date on its own: a day or an ISO 8601 date.
    Day,
    /// A month or a quarter and its year, a date only as a part of a period.
    Part,
    /// A year alone, a date only as a part of a period.
    Year,
}

/// A date at token `k`: the token after it, its year, and what it is.
fn calendar(r: &Reader, k: usize) -> Option<(usize, u32, Cal)> {
    let year =
        |i: usize| r.digits(i).filter(|d| crate::text::is_year(d) && as_written(r, i)).and_then(|d| d.parse().ok());
    let two = |i: usize, max: u32| {
        r.digits(i)
            .filter(|d| d.len() == 2 && as_written(r, i))
            .and_then(|d| d.parse::<u32>().ok())
            .is_some_and(|n| (1..=max).contains(&n))
    };
    if let Some(y) = year(k) {
        // YYYY-MM, YYYY-MM-DD
        if joins(r, k + 1, '-') && two(k + 2, 12) {
            let end = if joins(r, k + 3, '-') && two(k + 4, 31) { k + 5 } else { k + 3 };
            return Some((end, y, Cal::Day));
        }
        return Some((k + 1, y, Cal::Year));
    }
    // 15 March 2024, 3rd March 2024: a word after the day (its month or its ending), or
    // none of it is there; asked first, as `day` reads the text as written
    if let Some(d) = r.word(k + 1).and_then(|_| day(r, k)) {
        let y = month_at(r, d).then(|| year(d + 1).filter(|_| spaced(r, d) && spaced(r, d + 1)))??;
        return Some((d + 2, y, Cal::Day));
    }
    if month_at(r, k) {
        // March 15, 2024; March 15 2024
        if let Some(d) = day(r, k + 1).filter(|_| spaced(r, k + 1)) {
            let prev = r.toks.get(d - 1);
            let comma =
                prev.zip(r.toks.get(d)).and_then(|(a, b)| r.t.get(a.end as usize..b.start as usize)) == Some(", ");
            let y = year(d).filter(|_| spaced(r, d) || comma)?;
            return Some((d + 1, y, Cal::Day));
        }
        // March 2024
        let y = year(k + 1).filter(|_| spaced(r, k + 1))?;
        return Some((k + 2, y, Cal::Part));
    }
    // Q3 2024, H1 2025: digits glued to a `Q` or an `H` standing alone
    let period =
        matches!((r.word(k), r.digits(k + 1)), (Some("q"), Some("1" | "2" | "3" | "4")) | (Some("h"), Some("1" | "2")));
    if period && as_written(r, k) && as_written(r, k + 1) && r.glued(k + 1) {
        let y = year(k + 2).filter(|_| spaced(r, k + 2))?;
        return Some((k + 3, y, Cal::Part));
    }
    None
}

/// A word of a month at token `k` as written (`May` only with its capital: `may` is a
/// verb too).
fn month_at(r: &Reader, k: usize) -> bool {
    let written = || r.toks.get(k).and_then(|t| r.t.get(t.range()));
    r.word(k).is_some_and(|w| MONTHS.contains(&w) && (w != "may" || written() == Some("May"))) && as_written(r, k)
}

/// A day of a month at token `k`, 1 to 31 in one or two digits as written, an ordinal's
/// ending glued on or not (`15`, `3rd`): the token after it.
fn day(r: &Reader, k: usize) -> Option<usize> {
    let n: u32 = r.digits(k).filter(|d| d.len() <= 2 && as_written(r, k))?.parse().ok()?;
    (1..=31).contains(&n).then_some(())?;
    let suffix = r.glued(k + 1) && matches!(r.word(k + 1), Some("st" | "nd" | "rd" | "th")) && as_written(r, k + 1);
    let end = if suffix { k + 2 } else { k + 1 };
    (!r.glued(end)).then_some(end)
}

/// What joins the two dates of a period after token `k`'s date: a hyphen or dash glued
/// on both sides or spaced on both, or `to`, `through`, `until`, `till` between spaces:
/// the token where the second date starts.
fn period_link(r: &Reader, k: usize) -> Option<usize> {
    let dash = r.sym(k) == Some('-') && ((r.glued(k) && r.glued(k + 1)) || (spaced(r, k) && spaced(r, k + 1)));
    let word = matches!(r.word(k), Some("to" | "through" | "until" | "till"))
        && as_written(r, k)
        && spaced(r, k)
        && spaced(r, k + 1);
    (dash || word).then_some(k + 1)
}

/// Key sizes of ciphers, in bits.
const KEY_SIZES: [&str; 13] =
    ["128", "192", "256", "384", "512", "521", "1024", "2048", "3072", "4096", "7680", "8192", "15360"];

/// Ciphers a key size names, after it or before it (`256-bit AES`, `AES 256-bit`).
const CIPHERS: [&str; 4] = ["aes", "rsa", "ecc", "ecdsa"];

/// A key size with a cipher (`256-bit AES`, `AES 256-bit`, `4096-bit RSA keys`, `256-bit
/// encryption`): a size of [`KEY_SIZES`], `-bit` or ` bit`, a cipher of [`CIPHERS`] or
/// `key`, `keys`, `encryption` after it, or a cipher before it; no figure's word after
/// it. The token after it. `4096-bit records` stays a figure.
fn key_size(r: &Reader, k: usize) -> Option<usize> {
    let bits = |i: usize| {
        let size = r.digits(i).is_some_and(|d| KEY_SIZES.contains(&d)) && as_written(r, i);
        if !size {
            return None;
        }
        if joins(r, i + 1, '-') && r.word(i + 2) == Some("bit") && as_written(r, i + 2) {
            Some(i + 3)
        } else if spaced(r, i + 1) && r.word(i + 1) == Some("bit") && as_written(r, i + 1) {
            Some(i + 2)
        } else {
            None
        }
    };
    let cipher = |i: usize| r.word(i).is_some_and(|w| CIPHERS.contains(&w)) && as_written(r, i);
    if r.glued(k) {
        return None;
    }
    let end = match bits(k) {
        Some(b) => {
            let named = cipher(b) || (matches!(r.word(b), Some("key" | "keys" | "encryption")) && as_written(r, b));
            (named && spaced(r, b)).then_some(b + 1)?
        }
        None => (cipher(k) && spaced(r, k + 1)).then(|| bits(k + 1)).flatten()?,
    };
    (!figure_after(r, end)).then_some(end)
}

/// What follows token `k` (a year, or the bracket closing it) leaves it a date: the end
/// of its clause, a colon glued to it and spaced from what follows ("since 2024: 1
/// million"), or a word that may follow a date with no count after it.
fn ends_a_date(r: &Reader, k: usize) -> bool {
    match r.toks.get(k + 1) {
        None => true,
        Some(_) if !r.same_clause(k, k + 1) => true,
        Some(_) if r.sym(k + 1) == Some(':') && r.glued(k + 1) => !r.glued(k + 2),
        Some(_) => {
            let count = r.word(k + 2).is_some_and(count_word);
            spaced(r, k + 1) && r.word(k + 1).is_some_and(|w| AFTER_YEAR.contains(&w)) && !count
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, MemUnit, Quantity};

    /// Nothing read, nothing reported.
    fn clean(field: &str, text: &str) {
        let e = extract(field, text);
        assert!(e.mentions.is_empty() && e.unchecked.is_empty(), "{text}: {:?} {:?}", e.mentions, e.unchecked);
    }

    /// Read as a figure: held against a metric or reported unchecked, never dropped.
    fn read(field: &str, text: &str) {
        let e = extract(field, text);
        assert!(!e.mentions.is_empty() || !e.unchecked.is_empty(), "{text}: read as a name or a date");
    }

    fn records(text: &str) -> Vec<f64> {
        extract("scale_proven", text)
            .mentions
            .iter()
            .filter_map(|m| match m.quantity {
                Quantity::Records { value, multiplier } => Some(value * multiplier),
                _ => None,
            })
            .collect()
    }

    /// A period of two years, of months or quarters, a day with its month and year, in a
    /// year to come too (the marketplace reader judges plans, not this one).
    #[test]
    fn periods_and_days_are_dates() {
        for text in [
            "valid 2024\u{2013}2027",
            "valid 2024-2027",
            "audited 2019-2024 by EY, renewed 2024 \u{2013} 2027",
            "Q3 2025-Q1 2027, H1 2024 - H2 2025, March 2024 to June 2025, 2019 through 2024, from 2019 to 2024",
            "since 2019-2024",
            "March 15, 2027; 15 March 2024; 3 March 2024; 3rd March 2024; Sept 30 2024",
            "Enterprise ready; SOC 2 Type II audited 2019-2024",
            "audited 2019-2024 and 2025-09 with no exceptions",
        ] {
            clean("enterprise_ready", text);
        }
    }

    /// A figure's word after a period or a day, a record noun before it (no preposition
    /// between), a word of a figure before two bare years, years out of order or out of
    /// 1900-2099, glued or look-alike digits: read as before.
    #[test]
    fn a_period_or_a_day_that_counts_is_a_figure() {
        assert_eq!(records("2019-2024 records"), vec![2024.0]);
        assert_eq!(records("2000-3000 records"), vec![3000.0]);
        assert_eq!(records("March 15, 2027 records"), vec![2027.0]);
        assert_eq!(records("valid 2024-2027; 2027 records"), vec![2027.0]);
        assert_eq!(records("Records: 2019-2024"), vec![2024.0]);
        assert_eq!(records("Records: 15 March 2024"), vec![15.0]);
        assert_eq!(records("audited 2019-2024 and 5 billion records"), vec![5e9]);
        for text in [
            "2019-2024 records",
            "2019-2024x faster",
            "2019-2024 and more records",
            "GPUs: 2000-2048",
            "Batch size 2000-2048",
            "Costs fell from 2000 to 2010",
            "Incidents fell from 2000 to 2010",
            "Deployments grew 2000-2050",
            "Incidents cut by 2000-2010",
            "Proven over 2000-2048",
            "Proven at least 2000-2048",
            "valid 2027-2024",
            "valid 1800-1900",
            "valid 2024-20275",
            "valid x2024-2027",
            "valid 2024-2027-2030",
            "valid \u{ff12}024-2027",
            "15 March 2024 records",
            "32 March 2024",
            "March 15",
            "15 may 2024",
            "Q3 2025-Q1 2024",
            "Q3 2024-Q1 2025 records",
        ] {
            read("scale_proven", text);
        }
    }

    /// Dates and versions the marketplace reader reads (claims13): a short year after an
    /// apostrophe, a year after a past check or release, after a colon, listed after a
    /// date, between two years, a period with a two-digit end, a dotted version after
    /// `from`/`in`/`with`, a span of quarters of a year, timestamps.
    #[test]
    fn more_dates_and_versions_are_dates() {
        for text in [
            "since '24",
            "since \u{2019}24, released 2024, certified 03/2024",
            "Enterprise ready: 2024",
            "since 2021 and 2024",
            "between 2019 and 2024",
            "valid 2024-27",
            "upgraded from 1.9, in 2.0, compatible with 2.0 onwards, as of 3.1",
            "ISO 8601 timestamps",
        ] {
            clean("enterprise_ready", text);
        }
        let e = extract("efficiency_achieved", "Costs cut 75% in the first two quarters of 2025");
        assert!(e.unchecked.is_empty() && e.mentions.len() == 1, "{:?} {:?}", e.mentions, e.unchecked);
    }

    /// The doors of those dates: a count after them, a record noun before them, a number
    /// after a version, a year that ends no period, a timestamp rate, a span of no year.
    #[test]
    fn a_date_or_version_that_counts_is_a_figure() {
        assert_eq!(records("since '24 5 billion records"), vec![5e9]);
        assert_eq!(records("released 2024 records"), vec![2024.0]);
        assert_eq!(records("Records released 2024"), vec![2024.0]);
        assert_eq!(records("Enterprise ready: 2024 records"), vec![2024.0]);
        assert_eq!(records("since 2021 and 2024 records"), vec![2024.0]);
        assert_eq!(records("2024-27 records"), vec![27.0]);
        assert_eq!(records("from 1.9 to 5 billion records"), vec![5e9]);
        for text in [
            "since '24x faster",
            "tested 2048",
            "deployed 2000",
            "Scale: 2024",
            "Enterprise ready: 2024 2025",
            "between 2024 and 2019",
            "GPUs: 2024-27",
            "valid 2027-24",
            "since 2.0 and 5",
            "faster with 9.5",
            "in 2.5 hours",
            "ISO 8601 timestamps per second",
            "ISO 8601 timesteps",
            "8601 timestamps",
            "the first two quarters of the cost",
        ] {
            read("scale_proven", text);
        }
    }

    /// dates13: a half of a year, `Version:`, a short year alone in brackets, a month and
    /// year of two digits each after a past check; and their doors.
    #[test]
    fn halves_version_colons_and_short_years_are_dates() {
        for text in ["Version: 2.0", "SOC 2 certified ('24), renewed (\u{2019}24)", "certified 03/24"] {
            clean("enterprise_ready", text);
        }
        let e = extract("efficiency_achieved", "Costs cut 75% in the second half of 2024");
        assert!(e.unchecked.is_empty() && e.mentions.len() == 1, "{:?} {:?}", e.mentions, e.unchecked);
        assert_eq!(records("Version: 2 billion records"), vec![2e9]);
        assert_eq!(records("certified ('24 5 million records)"), vec![5e6]);
        assert_eq!(records("in the second half of 2024 records"), vec![2024.0]);
        for text in ["certified 03/24 billion records", "cut 03/24", "certified 3/24", "gross margin of 75% on costs"] {
            read("scale_proven", text);
        }
    }

    /// attack14: a half of a year, a month or half and its year, `Version:` and a year
    /// alone in brackets after a record noun are its count, as a period or a day there is;
    /// with a preposition between, or a count before the bracket, they stay dates.
    #[test]
    fn a_date_or_version_after_a_record_noun_is_its_count() {
        assert_eq!(records("Records: the second half of 2024"), vec![2024.0]);
        assert_eq!(records("Records: March 2024"), vec![2024.0]);
        assert_eq!(records("Records: H1 2024"), vec![2024.0]);
        assert_eq!(records("Records processed: Version: 5.0"), vec![5.0]);
        assert_eq!(records("Records: 1 million (2024)"), vec![1e6]);
        for text in ["Records (2024)", "Records: ('24)", "Records generated (\u{2019}24)", "Records: v2 (2024)"] {
            read("scale_proven", text);
        }
        for text in [
            "Version: 2.0",
            "Records encrypted since the second half of 2024",
            "Records kept in March 2024",
            "Records with version 2.0",
            "Records kept; certified (2024)",
        ] {
            clean("enterprise_ready", text);
        }
    }

    /// attack15: a name's designation right after a record noun, no count given before or
    /// after the noun, is its count, as `Version:` is; with a preposition between, or a
    /// count given, it stays a name.
    #[test]
    fn a_name_after_a_record_noun_is_its_count() {
        assert_eq!(records("Records: TLS 1.3"), vec![1.3]);
        assert_eq!(records("Records: SOC 2"), vec![2.0]);
        assert_eq!(records("Records processed: ISO 27001"), vec![27001.0]);
        assert_eq!(records("Records: AES-256"), vec![256.0]);
        assert_eq!(records("Records: 1 million TLS 1.3"), vec![1e6]);
        assert_eq!(records("1 million records AES-256 encrypted, SOC 2 audited"), vec![1e6]);
        assert_eq!(records("1,000,000 records SOC 2 audited, 1M records TLS 1.3"), vec![1e6, 1e6]);
        // a number before the noun that counts something else gives it no count
        assert_eq!(records("Proven 4.2x faster records SOC 2"), vec![2.0]);
        // a colon after the noun opens its count anew: the number before it gave none
        read("scale_proven", "10x faster records: ISO 27001");
        read("scale_proven", "Records since 2024: SOC 2");
        for text in ["SOC 2 Type II certified; records", "Records encrypted with TLS 1.3", "Records, SOC 2 audited"] {
            clean("enterprise_ready", text);
        }
    }

    /// attack15: a year before a colon ends a date, and one word of time between a record
    /// noun and that date leaves the number after the colon its count.
    #[test]
    fn a_count_after_a_dated_colon_counts_the_records() {
        assert_eq!(records("Records generated since the second half of 2024: 1 million"), vec![1e6]);
        assert_eq!(records("Records generated since the second half of 2024: 5 million"), vec![5e6]);
        assert_eq!(records("Records generated in March 2024: 5 million"), vec![5e6]);
        assert_eq!(records("Records: the second half of 2024: 1 million").first(), Some(&2024.0));
        // two prepositions: the first takes the number, it is no count
        read("scale_proven", "Records processed by 4 GPUs since 2024: 1 million");
        assert!(records("Records processed by 4 GPUs since 2024: 1 million").is_empty());
        // glued after the colon: a time of day, no date
        read("scale_proven", "Records generated since 2024:10 million");
        clean("enterprise_ready", "Certified since the second half of 2024: SOC 2 Type II");
    }

    /// A mark, a possessive, a later version, a key size with its cipher, `UTF-8`: names.
    #[test]
    fn marks_possessives_and_key_sizes_are_names() {
        for text in [
            "SOC 2\u{ae}, SOC 2\u{2122}, SOC 2\u{ae} Type II, SOC 2 Type II\u{ae}",
            "TLS 1.2+ and Python 3.8+ only",
            "ISO 27001's scope, SOC 2\u{2019}s criteria",
            "256-bit AES, AES 256-bit, RSA-4096, 4096-bit RSA keys, 2048 bit RSA, 256-bit encryption",
            "SHA-256, P-256, ISO 8601, IPv6, UTF-8 and UTF-16",
            "Data encrypted with 256-bit AES",
        ] {
            clean("enterprise_ready", text);
        }
    }

    /// The doors of those names: a figure's word after them, digits after them, a mark
    /// that is no mark, `+` after a name that is no version, a key size with no cipher or
    /// of no known size, a record noun before a key size.
    #[test]
    fn a_figure_behind_a_mark_or_a_key_size_is_read() {
        assert_eq!(records("256-bit AES over 5 billion records"), vec![5e9]);
        assert_eq!(records("SOC 2\u{ae} 5 billion records"), vec![5e9]);
        assert_eq!(records("4096-bit records"), vec![4096.0]);
        assert_eq!(records("AES 256-bit records"), vec![256.0]);
        assert_eq!(records("Records: 4096-bit RSA"), vec![4096.0]);
        let speedups = |text: &str| -> Vec<f64> {
            extract("performance_improvement", text)
                .mentions
                .iter()
                .filter_map(|m| match m.quantity {
                    Quantity::Speedup { value } => Some(value),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(speedups("TLS 1.2+ 10x faster"), vec![10.0]);
        let memory = extract("memory_optimization", "UTF-8 GB peak").mentions;
        assert!(memory.iter().any(|m| m.quantity == Quantity::Memory { value: 8.0, unit: MemUnit::Gb }), "{memory:?}");
        for text in [
            "SOC 2\u{ae} billion records",
            "SOC 2's billion records",
            "SOC 2TM",
            "SOC 2\u{ae}x faster",
            "SOC 2+",
            "TLS 1.2+ million records",
            "TLS 1.2++",
            "ISO 27001'st",
            "1000-bit AES",
            "256-bit",
            "256-bit keys records",
            "AES 256-bit records",
            "256-bit AES records",
            "UTF-8 records",
        ] {
            read("scale_proven", text);
        }
    }

    /// [`super::may_start`] lets through every token of digits that starts a name, a key
    /// size or a date: over claims made of the pieces the readers look for, [`super::names`]
    /// marks the same tokens as it does when every token of digits may start one.
    #[test]
    fn digits_may_start_drops_no_start() {
        const PIECES: [&str; 48] = [
            "1", "7", "15", "24", "31", "99", "128", "256", "2048", "1999", "2024", "2027", "12345", "AES", "RSA",
            "bit", "key", "March", "May", "Q", "H", "3rd", "th", "since", "from", "in", "of", "as", "between", "and",
            "or", "released", "ready", "to", "records", "GPUs", "by", "over", "SOC", "Type", "ISO", "TLS", "v",
            "Article", "million", "x", "GB", "until",
        ];
        const GLUE: [&str; 12] = [" ", " ", " ", "", "-", ".", ", ", ": ", " '", "(", ") ", "/"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(8) {
                text.push_str(PIECES[next(PIECES.len())]);
                text.push_str(GLUE[next(GLUE.len())]);
            }
            let norm = super::super::normalize(&text);
            let (toks, lower) = super::super::lex(norm.text());
            let r = super::super::Reader { t: norm.text(), norm: &norm, toks, lower, tag_ends: Vec::new() };
            let every = super::names_from(&r, |r, k| r.digits(k).is_some() || super::may_start(r, k));
            assert_eq!(super::names(&r), every, "{text:?}");
        }
    }
}
