//! Fractions in a claim: `1/2`, `3/4`, `½` (which NFKC writes `1⁄2`), `1½`, `1 1/2`,
//! `half`, `a third`, `two thirds`, `three quarters`, `halved`, `twenty-one fiftieths`,
//! `three twenty-fifths`. Read as the values they
//! are, before a magnitude ("½ billion records" is 5 x 10^8) or as a share, which the
//! percentage reading holds against its metric ("reduced by a third" is 33.3 % saved).
//! Forms with a slash that are no fraction are told apart: a date (`3/4/2025`, `since
//! 12/2025`) and `24/7` are no figure; a ratio (`50/50`, `3/2`), a denominator of 0,
//! more than one slash, a character drawn like a slash, digits of another script or a
//! number with decimals or groups around the slash are not read, whole. Ordinals and
//! periods (`third-party`, `the third release`, `once a quarter`) are no fraction; a
//! fraction in words that is neither before a magnitude nor a share is not read, and
//! reported when its clause names a figure.

use super::{
    against_saving, collective, field_default, is_cut_word, is_preposition, is_record_noun, is_saved_word,
    magnitude_word, mem_unit, names_speed, per_time, percent_target, unit_after, unit_word, Num, Reader, SUBJECT_ENDS,
};
use std::borrow::Cow;
use std::ops::Range;

/// The slashes read between a numerator and a denominator: the solidus (`／` folds to
/// it), the fraction slash that `½` folds to, and the division slash.
fn is_slash(c: char) -> bool {
    matches!(c, '/' | '\u{2044}' | '\u{2215}')
}

/// Characters drawn like a slash that are none: between digits they make the number not
/// read ("1╱2 billion" read as "2 billion" and passed for 2 x 10^9 records).
fn is_look_alike_slash(c: char) -> bool {
    LOOK_ALIKE_SLASHES.contains(&c)
}

/// The backslash, the big and the reverse big solidus, two box-drawing and two
/// mathematical diagonals, the Philippine single punctuation, the double and triple
/// solidus operators, the combining solidus overlays, and the katakana `ノ` (a letter: see
/// [`slash_at`]).
const LOOK_ALIKE_SLASHES: &[char] = &[
    '\\', '\u{29F8}', '\u{29F9}', '\u{2571}', '\u{2572}', '\u{27CB}', '\u{27CD}', '\u{1735}', '\u{2AFD}', '\u{2AFB}',
    '\u{0337}', '\u{0338}', '\u{20EB}', '\u{30CE}',
];

/// Words of time before a month and year (`since 12/2025`), and the past verbs of a check
/// or a release (`certified 03/2024`): only there is `M/YYYY` a date; elsewhere it is a
/// fraction (`1/2000 of the cost`).
fn is_time_word(w: &str) -> bool {
    super::names::DONE.contains(&w)
        || [
            "in",
            "since",
            "from",
            "until",
            "till",
            "through",
            "before",
            "after",
            "during",
            "on",
            "dated",
            "expires",
            "expiring",
            "updated",
            "effective",
            "valid",
        ]
        .contains(&w)
}

/// A slash form starting at a number, as [`slash_form`] reads it.
#[derive(Debug, PartialEq)]
enum Form {
    /// `whole + p/q`, ending before token `end`.
    Fraction { whole: f64, p: f64, q: f64, end: usize },
    /// No figure (a date, `24/7`), ending before token `end`.
    Quiet(usize),
    /// Not read, whole, and why; ending before token `end`.
    Unread(&'static str, usize),
}

/// A slash (or a character drawn like one) glued to digits on both sides at token `k`.
/// The katakana `ノ`, drawn like a slash, is a letter: a word of its own (`1ノ2` made `2`
/// an identifier and left "billion records" to be read alone).
fn slash_at(r: &Reader, k: usize) -> Option<char> {
    let c = r.sym(k).or_else(|| (r.word(k) == Some("\u{30CE}")).then_some('\u{30CE}'));
    let c = c.filter(|&c| is_slash(c) || is_look_alike_slash(c))?;
    let digits = r.digits(k + 1).is_some() || r.foreign(k + 1);
    (r.glued(k) && r.glued(k + 1) && digits).then_some(c)
}

const MANY: &str = "more than one slash between digits, which is no fraction this tool reads (a date is \
                    day/month/year: 3/4/2025); not read in part either";
const RATIO: &str = "a ratio of two figures (50/50, 3/2, an 80/20 split), which is no fraction and no metric of \
                     the bundle; not read in part either";

/// The slash form of the number at token `i` whose digits end before token `j` (`plain`:
/// digits only, no group or decimal mark), or None when there is none. Reads a run of
/// slashes once, whatever its length (`½½½…` is one run).
fn slash_form(r: &Reader, i: usize, j: usize, plain: bool) -> Option<Form> {
    // "1 / 2 billion": a slash with a space beside it between two numbers (read as "2
    // billion" once)
    let spaced = r.sym(j).is_some_and(|c| is_slash(c) || is_look_alike_slash(c))
        && (r.digits(j + 1).is_some() || r.foreign(j + 1))
        && !(r.glued(j) && r.glued(j + 1))
        && r.same_clause(i, j + 1)
        && r.toks.get(j + 1).zip(r.toks.get(j)).is_some_and(|(b, a)| b.start <= a.end + 1);
    if spaced && r.toks.get(j).zip(r.toks.get(j - 1)).is_some_and(|(b, a)| b.start <= a.end + 1) {
        return Some(Form::Unread(
            "a slash with a space beside it between two numbers, which this tool does not read as a fraction; not \
             read in part either",
            r.unread_end(j + 2),
        ));
    }
    // a ratio starts at `in` or `out`: the number is parsed only then
    let ratio = plain && j == i + 1 && matches!(r.word(j), Some("in" | "out"));
    let n = r.digits(i).filter(|_| ratio).and_then(|d| d.parse::<f64>().ok());
    if let Some(end) = n.and_then(|n| ratio_end(r, n, j)) {
        return Some(Form::Unread(COUNTS, end));
    }
    if slash_at(r, j).is_none() {
        // "1 1/2 billion": a whole number, one space, a fraction less than one
        // the slash first: in a run of bare numbers ("1 1 1 ...") every number has the
        // space and the digits after it, none the slash
        if plain && j == i + 1 && slash_at(r, j + 1).is_some() && r.digits(j).is_some() && r.one_space(j) {
            if let Some(Form::Fraction { whole, p, q, end }) = slash_form(r, j, j + 1, true) {
                let int = r.digits(i).and_then(|d| d.parse::<f64>().ok()).filter(|_| whole == 0.0)?;
                return Some(Form::Fraction { whole: int, p, q, end });
            }
        }
        return None;
    }
    let mut end = j;
    let mut slashes = 0;
    let mut look_alike = false;
    let mut foreign = r.foreign(i);
    while let Some(c) = slash_at(r, end) {
        look_alike |= is_look_alike_slash(c);
        slashes += 1;
        foreign |= r.foreign(end + 1);
        end += 2;
        // "1/2٣": digits of another script glued to the digits
        while r.glued(end) && (r.digits(end).is_some() || r.foreign(end)) {
            foreign |= r.foreign(end);
            end += 1;
        }
    }
    // digit groups or an exponent glued after it: "1/2.5", "1/1,000", "1/1e308", "1/10^9"
    if r.continues_digits(end) {
        return Some(Form::Unread(GLUED, r.unread_end(end)));
    }
    if r.glued(end) && (r.word(end) == Some("e") || matches!(r.sym(end), Some('^' | '*'))) {
        let mut k = end + 1;
        while k < r.toks.len() && r.glued(k) {
            k += 1;
        }
        return Some(Form::Unread(GLUED, k));
    }
    if foreign {
        return Some(Form::Unread(
            "digits of another script than ASCII (0-9) around a slash, which this tool does not read",
            end,
        ));
    }
    if look_alike {
        return Some(Form::Unread(
            "a character drawn like a slash between digits that is none (a big solidus, a box-drawing diagonal, a \
             katakana no, a backslash); not read in part either",
            end,
        ));
    }
    if !plain {
        return Some(Form::Unread(GLUED, end));
    }
    let part = |k: usize| r.digits(k).unwrap_or_default();
    if slashes == 2 {
        // day/month/year: two parts of one or two digits, a day and a month, and a year
        let (a, b, y) = (part(i), part(j + 1), part(j + 3));
        let n = |s: &str| s.parse::<u32>().unwrap_or(0);
        let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
        let short = a.len() <= 2 && b.len() <= 2;
        if short && y.len() == 4 && (day_month(n(a), n(b)) || day_month(n(b), n(a))) {
            return Some(Form::Quiet(end));
        }
        return Some(Form::Unread(MANY, end));
    }
    if slashes > 2 {
        return Some(Form::Unread(MANY, end));
    }
    let (num_tok, den_tok) = (r.toks.get(i)?.range(), r.toks.get(j + 1)?.range());
    let (mut whole, mut p, q) = (r.t.get(0..0)?, r.t.get(num_tok.clone())?, r.t.get(den_tok.clone())?);
    // `1½` folds to `11⁄2`: the digits the vulgar fraction folded to are its numerator and
    // denominator, those before it the whole number; digits glued after it ("½0") are not
    // its denominator
    let slash = r.toks.get(j)?.range();
    let of_char = |b: usize| r.norm.original_range(b..b + 1) == r.norm.original_range(slash.clone());
    if of_char(num_tok.end - 1) || of_char(den_tok.start) {
        let split = num_tok.clone().find(|&b| of_char(b)).unwrap_or(num_tok.start);
        whole = r.t.get(num_tok.start..split)?;
        p = r.t.get(split..num_tok.end)?;
        if !den_tok.clone().all(of_char) {
            return Some(Form::Unread(
                "digits glued to a fraction character (½0), which this tool does not read; not read in part either",
                end,
            ));
        }
    }
    if p.len() > 15 || q.len() > 15 || whole.len() > 15 {
        return Some(Form::Unread("a fraction with more digits than this tool reads; not read in part either", end));
    }
    let value = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    let (p_v, q_v, whole_v) = (value(p), value(q), value(whole));
    if q_v == 0.0 {
        return Some(Form::Unread("a fraction with a denominator of 0; not read in part either", end));
    }
    let before = i.checked_sub(1).filter(|&b| r.same_clause(b, i)).and_then(|b| r.word(b));
    if whole.is_empty() {
        if p == "24" && q == "7" {
            return Some(Form::Quiet(end));
        }
        // month/year after a word of time: "since 12/2025"
        let year = q.len() == 4 && (1900.0..=2099.0).contains(&q_v);
        let share = r.word(end).is_some_and(|w| SHARE_NEXT.contains(&w));
        if year && (1.0..=12.0).contains(&p_v) && p.len() <= 2 && before.is_some_and(is_time_word) && !share {
            return Some(Form::Quiet(end));
        }
        // month/year in two digits each after a past check or release: "certified 03/24"
        let done = before.is_some_and(|w| super::names::DONE.contains(&w));
        if p.len() == 2 && q.len() == 2 && (1.0..=12.0).contains(&p_v) && done && !share {
            return Some(Form::Quiet(end));
        }
    }
    let split = matches!(r.word(end), Some("split" | "splits" | "ratio" | "ratios" | "mix"));
    if p_v >= q_v || split {
        return Some(Form::Unread(RATIO, end));
    }
    Some(Form::Fraction { whole: whole_v, p: p_v, q: q_v, end })
}

/// A ratio of counts after the number `n` ending before token `j`: `in` or `out of`, then
/// a larger number in digits or a word, no time unit after it (`1 in 10`, `one in ten`,
/// `9 out of 10`; not `500 in 2 hours`); the token after it.
fn ratio_end(r: &Reader, n: f64, j: usize) -> Option<usize> {
    let k = match r.word(j)? {
        "in" => j + 1,
        "out" if r.word(j + 1) == Some("of") => j + 2,
        _ => return None,
    };
    let m = match r.digits(k) {
        Some(d) => d.parse::<f64>().ok()?,
        None => r.word(k).and_then(unit_word)?,
    };
    let end = r.digit_run_end(k + 1);
    let time = r.word(end).and_then(per_time).is_some();
    (n < m && !time && r.same_clause(j.saturating_sub(1), k)).then_some(end)
}

const COUNTS: &str = "a ratio of counts (one in ten, 9 out of 10), which no metric of the bundle is held against; \
                      not read in part either";

const GLUED: &str = "digits, decimals or a power glued to a fraction (1/2.5, 1,000/2,000, 1/1e308), which this tool \
                     does not read; not read in part either";

/// The decimals a fraction is held at: those of its decimal form, at most two (`½` is
/// 0.5, `¼` 0.25, `⅛` 0.13, `⅓` 0.33).
fn decimals(p: f64, q: f64) -> u32 {
    let mut q = q;
    let mut g = p.max(1.0);
    // the fraction in its lowest terms (6/8 shows what 3/4 shows)
    let mut b = q;
    while b > 0.0 {
        (g, b) = (b, g % b);
    }
    if g > 0.0 && p > 0.0 {
        q /= g;
    }
    let (mut twos, mut fives) = (0u32, 0u32);
    while q % 2.0 == 0.0 && twos < 64 {
        q /= 2.0;
        twos += 1;
    }
    while q % 5.0 == 0.0 && fives < 64 {
        q /= 5.0;
        fives += 1;
    }
    if q == 1.0 {
        twos.max(fives).min(2)
    } else {
        2
    }
}

/// The token after `of` and `a` or `an`, each if there, from token `k`: where the
/// magnitude or unit a fraction is part of stands (`half of a billion`, `a tenth of a
/// percent`).
fn skip_of_a(r: &Reader, k: usize) -> usize {
    // "half-a-billion": a hyphen between the words is read as a space
    let hyphen = |m: usize| if r.glued_hyphen(m) { m + 1 } else { m };
    let mut m = hyphen(k);
    if r.word(m) == Some("of") {
        m = hyphen(m + 1);
    }
    if matches!(r.word(m), Some("a" | "an")) {
        m = hyphen(m + 1);
    }
    m
}

/// The token of a magnitude or a unit after a fraction ending before token `k`, in its
/// clause (`of` and `a` skipped: `1/2 of a billion`, `half a percent`).
fn part_of(r: &Reader, k: usize) -> Option<usize> {
    let m = skip_of_a(r, k);
    // "half a dozen": a collective is read as a magnitude is (6)
    let magnitude = r.word(m).and_then(magnitude_word).is_some() || collective(r, m).is_some();
    let unit = m > k && unit_after(r, m).is_some();
    ((magnitude || unit) && r.same_clause(k.saturating_sub(1), m)).then_some(m)
}

/// The number a fraction makes: before a magnitude a count of it (`½ billion`), after a
/// whole number a mixed number (`1½ million`), else with no unit after it a share
/// (`reduced to ¼`): a percentage, held at whole percents.
fn number(r: &Reader, i: usize, whole: f64, p: f64, q: f64, end: usize) -> Num {
    let mut num = Num {
        value: whole + p / q,
        mult: 1.0,
        decimals: decimals(p, q),
        first: i,
        last: part_of(r, end).unwrap_or(end),
        at_least: false,
        share: false,
    };
    r.magnitudes(&mut num);
    let duration = r.word(num.last).and_then(per_time).is_some();
    if whole == 0.0 && num.mult == 1.0 && !duration && unit_after(r, num.last).is_none() {
        num.mult = 100.0;
        num.decimals = 0;
        num.share = true;
    }
    num
}

/// The fraction with a slash at the number at token `i` whose digits end before token
/// `j` (`plain`: no group or decimal mark in them), or None when there is none. A form
/// not read, or no figure, is [`Num::unread`] whole (with its magnitudes), so that no part
/// of it is read alone ("1/2 billion" was read as "2 billion"); [`why_unread`] says why.
pub(super) fn digits(r: &Reader, i: usize, j: usize, plain: bool) -> Option<Num> {
    Some(match slash_form(r, i, j, plain)? {
        Form::Fraction { whole, p, q, end } => number(r, i, whole, p, q, end),
        Form::Quiet(end) | Form::Unread(_, end) => {
            let mut num = Num::unread(i, end);
            r.magnitudes(&mut num);
            num
        }
    })
}

/// The denominator a word names, and whether the word is plural: `half`, the ordinals
/// from `third` to `twentieth`, the tens (`thirtieth` to `ninetieth`), `hundredth`,
/// `thousandth`, `millionth`, and `quarter`. Not `first` and `second` (`two seconds` is a
/// duration).
fn denominator(w: &str) -> Option<(f64, bool)> {
    if w == "half" {
        return Some((2.0, false));
    }
    if w == "halves" {
        return Some((2.0, true));
    }
    let (base, plural) = match w.strip_suffix('s') {
        Some(b) => (b, true),
        None => (w, false),
    };
    ordinal(base).filter(|&q| q >= 3.0).map(|q| (q, plural))
}

/// The number an ordinal word names, from `first` to `twentieth`, the tens and
/// `hundredth`, `thousandth`, `millionth` (`quarter` too: a denominator only).
fn ordinal(w: &str) -> Option<f64> {
    const ORDINALS: [(&str, f64); 31] = [
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
        ("quarter", 4.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("sixth", 6.0),
        ("seventh", 7.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
        ("tenth", 10.0),
        ("eleventh", 11.0),
        ("twelfth", 12.0),
        ("thirteenth", 13.0),
        ("fourteenth", 14.0),
        ("fifteenth", 15.0),
        ("sixteenth", 16.0),
        ("seventeenth", 17.0),
        ("eighteenth", 18.0),
        ("nineteenth", 19.0),
        ("twentieth", 20.0),
        ("thirtieth", 30.0),
        ("fortieth", 40.0),
        ("fiftieth", 50.0),
        ("sixtieth", 60.0),
        ("seventieth", 70.0),
        ("eightieth", 80.0),
        ("ninetieth", 90.0),
        ("hundredth", 100.0),
        ("thousandth", 1000.0),
        ("millionth", 1e6),
    ];
    ORDINALS.iter().find(|(o, _)| *o == w).map(|(_, q)| *q)
}

/// The denominator at token `n`, whether it is plural, and its last token: a word of
/// [`denominator`], or a ten and an ordinal from `third` to `ninth` joined by a hyphen
/// (`twenty-fifths` is 1/25; not `twenty-first` or `thirty-second`, which are a date's or
/// a duration's more often than a share's).
fn denominator_at(r: &Reader, n: usize) -> Option<(f64, bool, usize)> {
    let w = r.word(n)?;
    let tens = unit_word(w).filter(|t| *t >= 20.0 && t % 10.0 == 0.0);
    if let Some(t) = tens.filter(|_| r.glued_hyphen(n + 1)) {
        let u = r.word(n + 2)?;
        let (q, plural) = denominator(u).filter(|(q, _)| *q < 10.0 && !u.starts_with("quarter"))?;
        return Some((t + q, plural, n + 2));
    }
    denominator(w).map(|(q, plural)| (q, plural, n))
}

/// A word of a fraction (`half`, `third`, `quarters`, `halved`): for the look-alike check.
pub(super) fn is_fraction_word(w: &str) -> bool {
    w == "halved" || denominator(w).is_some()
}

/// A fraction in words: `p/q` from token `first` (its count, or `half`) to its noun at
/// `noun`.
struct Words {
    p: f64,
    q: f64,
    first: usize,
    noun: usize,
    /// The count and the denominator make a fraction below one this tool reads: not `five
    /// thirds`, `one thirds`, `two third` (the words are still a fraction's, so no part of
    /// them is read alone as a count).
    proper: bool,
}

/// The fraction in words at token `i`: a count (`a`, `an`, `one`, ..., `ninety-nine`)
/// and a denominator (`a third`, `two thirds`, `one-quarter`, `twenty-one fiftieths`,
/// `three twenty-fifths`), or `half` alone. A denominator word with no count is an ordinal
/// or a period (`the third release`, `every quarter`), no fraction; one whose count does
/// not agree with it or is not below it (`five thirds`, `one thirds`) is no fraction this
/// tool reads ([`Words::proper`]).
fn words_at(r: &Reader, i: usize) -> Option<Words> {
    let w = r.word(i)?;
    if w == "half" {
        return Some(Words { p: 1.0, q: 2.0, first: i, noun: i, proper: true });
    }
    let (count, mut n) = match w {
        "a" | "an" | "one" => (1.0, i + 1),
        w => {
            let c = unit_word(w).filter(|c| *c >= 2.0)?;
            // "twenty-one", "twenty one"
            let joined = r.glued_hyphen(i + 1);
            let unit_at = if joined { i + 2 } else { i + 1 };
            let unit = r.word(unit_at).and_then(unit_word).filter(|u| (1.0..=9.0).contains(u));
            match unit.filter(|_| c >= 20.0 && c % 10.0 == 0.0 && r.same_clause(i, unit_at)) {
                Some(u) => (c + u, unit_at + 1),
                None => (c, i + 1),
            }
        }
    };
    if r.glued_hyphen(n) {
        n += 1;
    }
    let (q, plural, noun) = denominator_at(r, n)?;
    let agrees = (count == 1.0) != plural;
    let proper = agrees && count < q;
    if !proper && count >= q && quarters_of_time(r, i, noun) {
        return None;
    }
    if span_of_year(r, i, noun) {
        return None;
    }
    r.same_clause(i, noun).then_some(Words { p: count, q, first: i, noun, proper })
}

/// The count at token `i` and `quarters` at token `k` are periods: a word of time before
/// the count ("over five quarters", as "every quarter" is one); "cut by four quarters" is
/// the whole.
pub(super) fn quarters_of_time(r: &Reader, i: usize, k: usize) -> bool {
    let periods = ["over", "for", "in", "across", "during", "within", "past", "last", "next", "after", "first"];
    let timed = i > 0 && r.same_clause(i - 1, i) && r.word(i - 1).is_some_and(|w| periods.contains(&w));
    timed && r.word(k).is_some_and(|w| w.starts_with("quarter"))
}

/// The count at token `i` and `quarters` or `halves` at token `k` are a span of a year:
/// `first`, `last` or `the` before the count, `of` and a year that ends as a date after
/// the noun ("the first two quarters of 2025"). "two quarters of the cost", "the first two
/// quarters of 2025 records" stay shares.
fn span_of_year(r: &Reader, i: usize, k: usize) -> bool {
    let led = i > 0 && r.same_clause(i - 1, i) && matches!(r.word(i - 1), Some("first" | "last" | "the"));
    let noun = r.word(k).is_some_and(|w| w.starts_with("quarter") || w == "halves");
    let of = r.word(k + 1) == Some("of") && r.same_clause(k, k + 2);
    led && noun && of && super::names::year_of(r, k + 2)
}

/// `half` at token `f.noun` alone after `first`, `second`, `latter` or `last`, then `of`
/// and a year that ends as a date ([`super::names::year_of`]): a span of the year, no
/// figure ("in the second half of 2024"). "the second half of 2024 records" stays one.
fn half_of_year(r: &Reader, f: &Words) -> bool {
    let k = f.noun;
    let led = f.first == k
        && k > 0
        && r.same_clause(k - 1, k)
        && matches!(r.word(k - 1), Some("first" | "second" | "latter" | "last"));
    led && r.word(k) == Some("half") && r.word(k + 1) == Some("of") && r.same_clause(k, k + 2) && {
        super::names::year_of(r, k + 2)
    }
}

/// How a fraction in words is used, as [`use_of`] reads it.
enum Use {
    /// Before the magnitude or unit at this token: `a quarter million`, `half a billion`,
    /// `three quarters of a billion`, `a quarter-million`, `a tenth of a percent`.
    Magnitude(usize),
    /// A share of a metric: `reduced by a third`, `a quarter of the cost`, `in half the time`.
    Share,
    /// Joined by a hyphen to the word at this token: `half-precision`, `a third-party`.
    Compound(usize),
    /// None of these: `once a quarter`, `a third party`, `the second half`.
    Other,
}

/// Words after a fraction that make it a share: `a quarter of the cost`, `half the time`,
/// `a third less`, `a quarter as much`.
const SHARE_NEXT: [&str; 12] =
    ["of", "the", "as", "less", "fewer", "cheaper", "lower", "faster", "shorter", "smaller", "quicker", "more"];

fn use_of(r: &Reader, f: &Words) -> Use {
    let k = f.noun + 1;
    if let Some(m) = part_of(r, k) {
        return Use::Magnitude(m);
    }
    if r.glued_hyphen(k) && r.word(k + 1).is_some() {
        return Use::Compound(k + 1);
    }
    // "the second half", "the first half of 2025": a period
    let ordinal = ["first", "second", "latter", "former", "other", "back", "front", "top", "bottom", "upper"];
    if f.first == f.noun && f.first > 0 && r.word(f.first - 1).is_some_and(|w| ordinal.contains(&w)) {
        return Use::Other;
    }
    match r.word(k).filter(|_| r.same_clause(f.noun, k)) {
        Some(w) if SHARE_NEXT.contains(&w) => return Use::Share,
        // "a third party": the noun it numbers
        Some(w) if !(is_preposition(w) || SUBJECT_ENDS.contains(&w) || ["to", "and", "or", "but"].contains(&w)) => {
            return Use::Other
        }
        _ => {}
    }
    // "reduced by a third", "cut costs in half", "savings of a quarter", "down by between a
    // third and a half"
    let cut = (f.first.saturating_sub(6)..f.first)
        .filter(|&b| r.same_clause(b, f.first))
        .filter_map(|b| r.word(b))
        .any(|w| is_cut_word(w) || is_saved_word(w));
    if cut {
        Use::Share
    } else {
        Use::Other
    }
}

/// The fraction in words at token `i` (and `halved`), or None when there is none. A
/// fraction that is no count and no share is [`Num::unread`]; [`why_unread`] says
/// whether that is worth a finding.
pub(super) fn words(r: &Reader, i: usize) -> Option<Num> {
    let share = |first: usize, last: usize, value: f64| Num {
        value,
        mult: 100.0,
        decimals: 0,
        first,
        last,
        at_least: false,
        share: true,
    };
    // "Costs halved": half of the cost saved
    if r.word(i) == Some("halved") {
        return Some(share(i, i + 1, 0.5));
    }
    // "one in ten"
    if let Some(end) = r.word(i).and_then(unit_word).and_then(|n| ratio_end(r, n, i + 1)) {
        let mut num = Num::unread(i, end);
        r.magnitudes(&mut num);
        return Some(num);
    }
    let f = words_at(r, i)?;
    let value = f.p / f.q;
    if !f.proper {
        // "five thirds of the cost": taken whole, reported by [`why_unread`] by its use
        return Some(match use_of(r, &f) {
            Use::Magnitude(m) => Num::unread(i, m + 1),
            Use::Compound(k) => Num::unread(i, k + 1),
            Use::Share | Use::Other => Num::unread(i, f.noun + 1),
        });
    }
    Some(match use_of(r, &f) {
        Use::Magnitude(m) => {
            let mut num = Num {
                value,
                mult: 1.0,
                decimals: decimals(f.p, f.q),
                first: i,
                last: m,
                at_least: false,
                share: false,
            };
            r.magnitudes(&mut num);
            num
        }
        Use::Share => share(i, f.noun + 1, value),
        Use::Compound(k) => Num::unread(i, k + 1),
        Use::Other => Num::unread(i, f.noun + 1),
    })
}

/// A word that names a figure of the bundle, or a change in one.
fn names_figure(w: &str) -> bool {
    percent_target(w).is_some()
        || names_speed(w)
        || magnitude_word(w).is_some()
        || is_record_noun(w)
        || mem_unit(w).is_some()
        || is_cut_word(w)
        || is_saved_word(w)
        || against_saving(w)
        // a duration ("a half-hour"); "second" is also the ordinal of "the second half"
        || (per_time(w).is_some() && w != "second")
}

/// Tokens on each side of a fraction in words looked at for a word that names a figure.
const NEAR: usize = 8;

/// Why the number at tokens `toks`, [`Num::unread`] by [`digits`] or [`words`], is not
/// read: `Some(None)` when it is no figure at all (a date, `24/7`, an ordinal or period,
/// `half-precision`), `Some(Some(why))` when it is to be reported, None when it is no
/// fraction form (the caller's reasons apply).
pub(super) fn why_unread(r: &Reader, field: &str, toks: Range<usize>) -> Option<Option<Cow<'static, str>>> {
    let first = toks.start;
    if r.digits(first).is_some() || r.foreign(first) {
        let ratio = r.digits(first).and_then(|d| d.parse::<f64>().ok()).and_then(|n| ratio_end(r, n, first + 1));
        if ratio.is_some() {
            return Some(Some(Cow::Borrowed(COUNTS)));
        }
        let slash_like =
            |k: usize| r.sym(k).is_some_and(|c| is_slash(c) || is_look_alike_slash(c)) || slash_at(r, k).is_some();
        let j = (first + 1..toks.end).find(|&k| slash_like(k))?;
        let plain = j == first + 1 && r.digits(first).is_some();
        return match slash_form(r, first, j, plain)? {
            // a date or 24/7 with a figure's word after it ("24/7 billion records", "24/7 of
            // the cost") is reported
            Form::Quiet(end) if end == toks.end && !figure_after(r, end) => Some(None),
            Form::Quiet(_) => Some(Some(Cow::Borrowed(
                "a date or 24/7 with a magnitude, unit, record noun or share after it, which this tool does not read",
            ))),
            Form::Unread(why, _) => Some(Some(Cow::Borrowed(why))),
            Form::Fraction { .. } => None,
        };
    }
    if r.word(first).and_then(unit_word).and_then(|n| ratio_end(r, n, first + 1)).is_some() {
        return Some(Some(Cow::Borrowed(COUNTS)));
    }
    let f = words_at(r, first)?;
    let word = |k: usize| r.word(k).unwrap_or_default();
    let improper = || {
        format!(
            "a count and a denominator word (\"{}\") that make no fraction below one this tool reads (\"five \
             thirds\", \"one thirds\"); not read in part either",
            word(f.noun)
        )
    };
    if half_of_year(r, &f) {
        return Some(None);
    }
    let why = match use_of(r, &f) {
        Use::Magnitude(_) | Use::Share if !f.proper => improper(),
        Use::Compound(k) if names_figure(word(k)) || ["price", "prices", "priced"].contains(&word(k)) => format!(
            "a fraction joined to a word that names a figure (\"{}-{}\"), which this tool does not read",
            word(f.noun),
            word(k)
        ),
        Use::Compound(_) => return Some(None),
        _ => {
            let near = (f.first.saturating_sub(NEAR)..f.noun + 1 + NEAR)
                .filter(|&k| (k < f.first || k > f.noun) && r.same_clause(k, f.first))
                .find_map(|k| r.word(k).filter(|w| names_figure(w)));
            // in a field whose figures default to a metric ("We pay a third" in
            // efficiency_achieved), or with a unit after it ("half a percent")
            let default = field_default(field).map(|_| field);
            let unit = unit_after(r, f.noun + 1).map(|_| word(f.noun + 1));
            match near.or(unit).or(default) {
                Some(_) if !f.proper => improper(),
                Some(w) => format!(
                    "a fraction in words (\"{}\") that is neither before a magnitude nor a share this tool reads \
                     (\"reduced by a third\", \"a quarter of the cost\"), with a figure named near it or by its \
                     field (\"{w}\"); not held against a metric",
                    word(f.noun)
                ),
                None => return Some(None),
            }
        }
    };
    Some(Some(Cow::Owned(why)))
}

/// A magnitude, a unit, a record noun or a word of a share right after token `end`.
fn figure_after(r: &Reader, end: usize) -> bool {
    unit_after(r, end).is_some()
        || r.word(end).is_some_and(|w| SHARE_NEXT.contains(&w))
        || (end..end + 2).any(|k| r.word(k).is_some_and(|w| magnitude_word(w).is_some() || is_record_noun(w)))
}

#[cfg(test)]
mod tests {
    use super::decimals;

    #[test]
    fn a_fraction_shows_the_decimals_of_its_decimal_form_up_to_two() {
        assert_eq!(decimals(1.0, 2.0), 1);
        assert_eq!(decimals(1.0, 4.0), 2);
        assert_eq!(decimals(3.0, 4.0), 2);
        assert_eq!(decimals(1.0, 8.0), 2);
        assert_eq!(decimals(1.0, 3.0), 2);
        assert_eq!(decimals(1.0, 5.0), 1);
        assert_eq!(decimals(1.0, 10.0), 1);
        assert_eq!(decimals(5.0, 10.0), 1);
        assert_eq!(decimals(6.0, 8.0), 2);
        assert_eq!(decimals(0.0, 3.0), 2);
    }
}
