//! The one normalisation every text scan (claims, personal data, deny patterns) reads
//! through, so that a rewording the eye cannot see does not defeat a check: Unicode
//! NFKC (full-width forms folded: `５` → `5`, `＠` → `@`), invisible format characters
//! removed (zero-width spaces, joiners, soft hyphens, bidi controls), every Unicode space
//! mapped to a space and every dash and minus sign to `-`, superscript exponents kept as
//! exponents (`10⁹` → `10^9`, where NFKC alone would give `109`).
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

/// Characters that render as nothing: removed.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{E0000}'..='\u{E007F}')
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'
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

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '\u{2070}' => '0',
        '\u{00B9}' => '1',
        '\u{00B2}' => '2',
        '\u{00B3}' => '3',
        '\u{2074}'..='\u{2079}' => char::from_digit(c as u32 - 0x2070, 10)?,
        _ => return None,
    })
}

/// Normalises `s` (see the module documentation). ASCII text is returned as it is,
/// without a copy: most strings of a large bundle cost one pass over their bytes.
pub fn normalize(s: &str) -> Normalized<'_> {
    if s.is_ascii() {
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
        if let Some(d) = superscript_digit(c) {
            if !in_superscript {
                push(&mut text, "^", at, end);
            }
            push(&mut text, d.encode_utf8(&mut buf), at, end);
            in_superscript = true;
            continue;
        }
        in_superscript = false;
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
        let folded: String = seq
            .nfkc()
            .map(|c| {
                if is_space(c) {
                    ' '
                } else if is_dash(c) {
                    '-'
                } else {
                    c
                }
            })
            .collect();
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
        assert_eq!(normalize("ACME\u{2011}4471 \u{2212}90%").text(), "ACME-4471 -90%");
        assert_eq!(normalize("1\u{2009}000\u{202f}000").text(), "1 000 000");
        assert_eq!(normalize("10\u{2079} and 10\u{00b9}\u{00b2}").text(), "10^9 and 10^12");
        assert_eq!(normalize("j\u{fc}rgen").text(), "j\u{fc}rgen");
        assert_eq!(normalize("ju\u{308}rgen").text(), "j\u{fc}rgen");
        assert_eq!(normalize("\u{fb01}ve").text(), "five");
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
