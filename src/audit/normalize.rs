//! The one normalisation every text scan (claims, personal data, deny patterns) reads
//! through, so that a rewording the eye cannot see does not defeat a check: Unicode
//! NFKC (full-width forms folded: `５` → `5`, `＠` → `@`), invisible format characters
//! removed (zero-width spaces, joiners, soft hyphens, bidi controls), every Unicode space
//! mapped to a space and every dash and minus sign to `-`, superscript exponents kept as
//! exponents (`10⁹` → `10^9`, where NFKC alone would give `109`).
//!
//! The personal-data and deny-pattern scans read one fold more ([`normalize_digits`]):
//! decimal digits of every script (Unicode `Nd`: Arabic-Indic `٤`, Devanagari `४`, ...)
//! as the ASCII digit of the same value, which NFKC leaves alone, and superscript digits
//! as digits, not as an exponent (`¹²³-⁴⁵-⁶⁷⁸⁹` is `123-45-6789`). The claims do not: a
//! figure in another script's digits is reported there as not read (spec 5.4).
//!
//! The normalised text keeps a map back to the original bytes, so that what a finding
//! quotes is what the bundle says.

use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// A text as the scans read it, with the way back to the original.
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// For each byte of `text`: the original byte range of the character (or combining
    /// sequence) it came from. Empty when `text` is the original (ASCII needs nothing).
    map: Vec<(u32, u32)>,
}

impl<'a> Normalized<'a> {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The original byte range of the normalised range `r`.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        if self.map.is_empty() {
            return r;
        }
        let start = self.map.get(r.start).map(|m| m.0 as usize).unwrap_or(self.original.len());
        let end = if r.end > r.start {
            self.map.get(r.end - 1).map(|m| m.1 as usize).unwrap_or(self.original.len())
        } else {
            start
        };
        start..end.max(start)
    }

    /// The original text behind the normalised range `r`.
    pub fn original_of(&self, r: Range<usize>) -> &'a str {
        self.original.get(self.original_range(r)).unwrap_or_default()
    }
}

/// Characters that render as nothing: removed. The control characters among them (C0
/// but tab, line feed, carriage return, vertical tab and form feed; DEL; C1 but NEL):
/// a web page or a viewer shows `4111 1111<ESC> 1111 1111` as a card number, and the
/// control character kept every detector from seeing one.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0000}'..='\u{0008}' | '\u{000E}'..='\u{001F}' | '\u{007F}'..='\u{0084}' | '\u{0086}'..='\u{009F}'
        | '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{E0000}'..='\u{E007F}')
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{058A}' | '\u{05BE}' | '\u{1400}' | '\u{1806}' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2043}'
                | '\u{207B}'
                | '\u{208B}'
                | '\u{2212}'
                | '\u{2E17}'
                | '\u{2E1A}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{2E40}'
                | '\u{301C}'
                | '\u{3030}'
                | '\u{30A0}'
                | '\u{FE31}'
                | '\u{FE32}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
    )
}

/// The ASCII digit a superscript digit (`¹`, `²`, `⁹`, ...) stands for.
pub fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '\u{2070}' => '0',
        '\u{00B9}' => '1',
        '\u{00B2}' => '2',
        '\u{00B3}' => '3',
        '\u{2074}'..='\u{2079}' => char::from_digit(c as u32 - 0x2070, 10)?,
        _ => return None,
    })
}

/// The zero of every run of ten decimal digits (Unicode general category `Nd`, Unicode
/// 16.0), sorted: each run is ten consecutive code points from its zero to its nine
/// (the Unicode standard keeps `Nd` so), so a digit's value is its distance from the
/// greatest zero at or below it. The test `zeros_are_every_decimal_digit` holds this
/// table to the regex crate's own `\d` (Unicode `Nd`) over every code point.
const DIGIT_ZEROS: [char; 76] = [
    '\u{30}',
    '\u{660}',
    '\u{6F0}',
    '\u{7C0}',
    '\u{966}',
    '\u{9E6}',
    '\u{A66}',
    '\u{AE6}',
    '\u{B66}',
    '\u{BE6}',
    '\u{C66}',
    '\u{CE6}',
    '\u{D66}',
    '\u{DE6}',
    '\u{E50}',
    '\u{ED0}',
    '\u{F20}',
    '\u{1040}',
    '\u{1090}',
    '\u{17E0}',
    '\u{1810}',
    '\u{1946}',
    '\u{19D0}',
    '\u{1A80}',
    '\u{1A90}',
    '\u{1B50}',
    '\u{1BB0}',
    '\u{1C40}',
    '\u{1C50}',
    '\u{A620}',
    '\u{A8D0}',
    '\u{A900}',
    '\u{A9D0}',
    '\u{A9F0}',
    '\u{AA50}',
    '\u{ABF0}',
    '\u{FF10}',
    '\u{104A0}',
    '\u{10D30}',
    '\u{10D40}',
    '\u{11066}',
    '\u{110F0}',
    '\u{11136}',
    '\u{111D0}',
    '\u{112F0}',
    '\u{11450}',
    '\u{114D0}',
    '\u{11650}',
    '\u{116C0}',
    '\u{116D0}',
    '\u{116DA}',
    '\u{11730}',
    '\u{118E0}',
    '\u{11950}',
    '\u{11BF0}',
    '\u{11C50}',
    '\u{11D50}',
    '\u{11DA0}',
    '\u{11F50}',
    '\u{16130}',
    '\u{16A60}',
    '\u{16AC0}',
    '\u{16B50}',
    '\u{16D70}',
    '\u{1CCF0}',
    '\u{1D7CE}',
    '\u{1D7D8}',
    '\u{1D7E2}',
    '\u{1D7EC}',
    '\u{1D7F6}',
    '\u{1E140}',
    '\u{1E2F0}',
    '\u{1E4F0}',
    '\u{1E5F1}',
    '\u{1E950}',
    '\u{1FBF0}',
];

/// The value of a decimal digit of any script (`٤` is 4, `४` is 4, `4` is 4); None for
/// any other character. `char::to_digit` reads ASCII digits only.
pub fn decimal_digit(c: char) -> Option<u8> {
    let i = DIGIT_ZEROS.partition_point(|&z| z <= c);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let value = u32::from(c) - u32::from(zero);
    u8::try_from(value).ok().filter(|v| *v < 10)
}

/// [`normalize`], and every decimal digit of another script read as the ASCII digit of
/// its value (`ACME-٤٤٧١` is `ACME-4471`): the text the personal-data and deny-pattern
/// scans read. A finding's range still maps to the original characters.
pub fn normalize_digits(s: &str) -> Normalized<'_> {
    normalize_with(s, true)
}

/// Normalises `s` (see the module documentation). ASCII text is returned as it is,
/// without a copy: most strings of a large bundle cost one pass over their bytes.
pub fn normalize(s: &str) -> Normalized<'_> {
    normalize_with(s, false)
}

/// Whether `c` is a combining mark (an accent, an underline, an enclosing keycap) drawn
/// on the digit that `before` ends with.
fn mark_on_digit(before: &str, c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c) && before.ends_with(|d: char| d.is_ascii_digit())
}

/// A decimal digit beyond ASCII as its ASCII digit, when `digits` asks for it.
fn ascii_digit(c: char, digits: bool) -> Option<char> {
    if !digits || c.is_ascii() {
        return None;
    }
    decimal_digit(c).map(|d| char::from(b'0' + d))
}

fn normalize_with(s: &str, digits: bool) -> Normalized<'_> {
    // printable ASCII, tabs and line breaks: nothing to fold, nothing to remove
    if s.bytes().all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r')) {
        return Normalized { original: s, text: Cow::Borrowed(s), map: Vec::new() };
    }
    let mut text = String::with_capacity(s.len());
    let mut map: Vec<(u32, u32)> = Vec::with_capacity(s.len());
    let mut push = |text: &mut String, piece: &str, from: usize, to: usize| {
        text.push_str(piece);
        map.extend(std::iter::repeat_n((from as u32, to as u32), piece.len()));
    };
    let mut chars = s.char_indices().peekable();
    let mut in_superscript = false;
    let mut buf = [0u8; 4];
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        // The scans read a digit under a mark as the digit: an underline, an accent or a
        // keycap drawn on each digit (`4̲1̲1̲1̲`, `4⃣`) kept every detector from seeing a run.
        if digits && mark_on_digit(&text, c) {
            continue;
        }
        if let Some(d) = superscript_digit(c) {
            // The scans read a raised digit as a digit: `¹²³-⁴⁵-⁶⁷⁸⁹` is an SSN as
            // displayed, and `^` between its digits hid it from every detector.
            if digits {
                push(&mut text, d.encode_utf8(&mut buf), at, end);
                continue;
            }
            if !in_superscript {
                push(&mut text, "^", at, end);
            }
            push(&mut text, d.encode_utf8(&mut buf), at, end);
            in_superscript = true;
            continue;
        }
        in_superscript = false;
        if let Some(d) = ascii_digit(c, digits) {
            push(&mut text, d.encode_utf8(&mut buf), at, end);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if is_space(c) {
            push(&mut text, " ", at, end);
            continue;
        }
        if is_dash(c) {
            push(&mut text, "-", at, end);
            continue;
        }
        // the ideographic full stops IDNA reads as dots (U+FF0E folds by NFKC itself)
        if matches!(c, '\u{3002}' | '\u{FF61}') {
            push(&mut text, ".", at, end);
            continue;
        }
        let next_combines = chars.peek().is_some_and(|&(_, n)| !n.is_ascii() && canonical_combining_class(n) != 0);
        // most characters (ASCII, "ü", "日") are their own NFKC form: no work beyond the test
        let stable = c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes;
        if stable && !next_combines {
            push(&mut text, c.encode_utf8(&mut buf), at, end);
            continue;
        }
        // a starter and the combining marks that follow it compose together
        let mut seq_end = end;
        while let Some(&(next_at, next)) = chars.peek() {
            if canonical_combining_class(next) == 0 || is_invisible(next) {
                break;
            }
            seq_end = next_at + next.len_utf8();
            chars.next();
        }
        let seq = s.get(at..seq_end).unwrap_or_default();
        let mut folded = String::new();
        for c in seq.nfkc() {
            let c = if is_space(c) {
                ' '
            } else if is_dash(c) {
                '-'
            } else {
                ascii_digit(c, digits).unwrap_or(c)
            };
            let after = if folded.is_empty() { text.as_str() } else { folded.as_str() };
            if digits && mark_on_digit(after, c) {
                continue;
            }
            folded.push(c);
        }
        push(&mut text, &folded, at, seq_end);
    }
    Normalized { original: s, text: Cow::Owned(text), map }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_the_eye_cannot_see() {
        assert_eq!(normalize("185.58\u{a0}MB").text(), "185.58 MB");
        assert_eq!(normalize("\u{ff15}x \u{ff18}\u{ff10}\u{ff05}").text(), "5x 80%");
        assert_eq!(normalize("jane@exam\u{200b}ple.com").text(), "jane@example.com");
        // control characters render as nothing too; the vertical tab and form feed as space
        assert_eq!(normalize("jane@exa\u{1b}mple.com").text(), "jane@example.com");
        assert_eq!(normalize("4111 1111\u{1}\u{7f}\u{9b} 1111").text(), "4111 1111 1111");
        assert_eq!(normalize("a\u{b}b\u{c}c\u{85}d\te\nf").text(), "a b c d\te\nf");
        assert_eq!(normalize("ACME\u{2011}4471 \u{2212}90%").text(), "ACME-4471 -90%");
        assert_eq!(normalize("1\u{2009}000\u{202f}000").text(), "1 000 000");
        assert_eq!(normalize("10\u{2079} and 10\u{00b9}\u{00b2}").text(), "10^9 and 10^12");
        assert_eq!(normalize("j\u{fc}rgen").text(), "j\u{fc}rgen");
        assert_eq!(normalize("ju\u{308}rgen").text(), "j\u{fc}rgen");
        assert_eq!(normalize("\u{fb01}ve").text(), "five");
    }

    /// Every decimal digit of every script, and nothing else, has a value: the table of
    /// zeros agrees with the regex crate's Unicode `\d` (general category `Nd`) at every
    /// code point, and each digit's value is its place in its run.
    #[test]
    fn zeros_are_every_decimal_digit() {
        let nd = regex::Regex::new(r"^\d$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(decimal_digit(c).is_some(), nd.is_match(c.encode_utf8(&mut buf)), "{:#x}", u32::from(c));
        }
        for (zero, digits) in
            [('0', "0123456789"), ('\u{660}', "\u{660}\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}\u{668}\u{669}")]
        {
            for (v, c) in digits.chars().enumerate() {
                assert_eq!(decimal_digit(c), Some(v as u8), "{zero:?} {c:?}");
            }
        }
        assert_eq!(decimal_digit('\u{96a}'), Some(4));
        assert_eq!(decimal_digit('\u{6f4}'), Some(4));
        assert_eq!(decimal_digit('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_digit('\u{1e5fa}'), Some(9));
        for c in ['\u{2f}', '\u{3a}', '\u{b2}', '\u{2460}', '\u{216b}', '\u{65f}', '\u{1e5f0}', 'a'] {
            assert_eq!(decimal_digit(c), None, "{c:?}");
        }
    }

    /// The scans' fold reads every script's digits as ASCII; the claims' does not; the
    /// range of a folded digit is the original digit.
    #[test]
    fn digits_of_other_scripts_fold_for_the_scans_only() {
        let s = "ACME-\u{664}\u{664}\u{667}\u{661} \u{96a}\u{6f1}\u{ff11}1";
        let n = normalize_digits(s);
        assert_eq!(n.text(), "ACME-4471 4111");
        assert_eq!(n.original_of(5..9), "\u{664}\u{664}\u{667}\u{661}");
        assert_eq!(n.original_of(10..12), "\u{96a}\u{6f1}");
        assert_eq!(normalize(s).text(), "ACME-\u{664}\u{664}\u{667}\u{661} \u{96a}\u{6f1}11");
        assert_eq!(normalize_digits("plain 42").text(), "plain 42");
        // raised digits are digits to the scans, an exponent to the claims
        let raised = "SSN \u{b9}\u{b2}\u{b3}-\u{2074}\u{2075}-\u{2076}\u{2077}\u{2078}\u{2079}";
        let n = normalize_digits(raised);
        assert_eq!(n.text(), "SSN 123-45-6789");
        assert_eq!(n.original_of(4..7), "\u{b9}\u{b2}\u{b3}");
        assert_eq!(normalize(raised).text(), "SSN ^123-^45-^6789");
        // marks drawn on digits are read through by the scans, kept by the claims
        let marked = "4\u{332}1\u{332}1\u{332}1\u{332} 4\u{20e3}2\u{301}\u{332} \u{664}\u{332} e\u{301}";
        let n = normalize_digits(marked);
        assert_eq!(n.text(), "4111 42 4 \u{e9}");
        assert_eq!(n.original_of(0..4), "4\u{332}1\u{332}1\u{332}1\u{332}");
        assert_eq!(normalize(marked).text().chars().filter(|c| !c.is_ascii()).count(), 10);
    }

    #[test]
    fn ranges_point_into_the_original() {
        let s = "Peak 185.58\u{a0}MB";
        let n = normalize(s);
        let at = n.text().find("185").unwrap_or(0);
        assert_eq!(n.original_of(at..n.text().len()), "185.58\u{a0}MB");
        let s = "mail jane@exam\u{200b}ple.com";
        let n = normalize(s);
        assert_eq!(n.original_of(5..n.text().len()), "jane@exam\u{200b}ple.com");
        let ascii = normalize("plain");
        assert_eq!(ascii.original_of(1..3), "la");
    }
}
