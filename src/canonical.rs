//! RFC 8785 (JCS) building blocks: member-name order, string escaping, number form.
//! The reader uses them to write the canonical payload while it parses (one pass, no
//! tree); the integrity diagnosis uses the layout helpers to rebuild the usual
//! non-canonical serializations a publisher may have hashed by mistake.

use std::cmp::Ordering;

/// Orders two member names by their UTF-16 code units (RFC 8785 section 3.2.3),
/// working on their UTF-8 bytes. Byte order is UTF-16 order except that U+E000-U+FFFF
/// (lead bytes 0xEE, 0xEF) sort after the astral planes (lead bytes 0xF0-0xF4), which
/// UTF-16 writes as surrogates 0xD800-0xDFFF. At the first differing byte both names
/// are at the same character boundary or inside characters with equal lead bytes, so
/// remapping those two lead bytes is enough.
pub fn cmp_utf16(a: &[u8], b: &[u8]) -> Ordering {
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) => utf16_rank(*x).cmp(&utf16_rank(*y)),
        None => a.len().cmp(&b.len()),
    }
}

#[inline]
fn utf16_rank(b: u8) -> u16 {
    if b == 0xEE || b == 0xEF {
        u16::from(b) + 0x10
    } else {
        u16::from(b)
    }
}

/// Appends one decoded character in RFC 8785 string form (section 3.2.2.2): only the
/// quote, the backslash and C0 controls are escaped, with the short forms where JSON
/// has them and lowercase `\u00xx` otherwise.
pub fn push_escaped_char(out: &mut Vec<u8>, c: char) {
    match c {
        '"' => out.extend_from_slice(b"\\\""),
        '\\' => out.extend_from_slice(b"\\\\"),
        '\u{8}' => out.extend_from_slice(b"\\b"),
        '\t' => out.extend_from_slice(b"\\t"),
        '\n' => out.extend_from_slice(b"\\n"),
        '\u{c}' => out.extend_from_slice(b"\\f"),
        '\r' => out.extend_from_slice(b"\\r"),
        c if (c as u32) < 0x20 => {
            let v = c as u8;
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex_digit(v >> 4), hex_digit(v & 15)]);
        }
        c => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

/// The lowercase hex digit of the low four bits of `n`.
fn hex_digit(n: u8) -> u8 {
    match n & 15 {
        d @ 0..=9 => b'0' + d,
        d => b'a' + (d - 10),
    }
}

/// Undoes the escapes that [`push_escaped_char`] writes (and only those: the input is
/// canonical). Used where two escaped member names must be compared as text.
pub fn unescape_canonical(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s;
    while let [first, after @ ..] = rest {
        let (byte, tail) = match (first, after) {
            (b'\\', [b'u', a, b, c, d, tail @ ..]) => {
                let quad = [*a, *b, *c, *d];
                let hex = std::str::from_utf8(&quad).unwrap_or("0");
                (u8::from_str_radix(hex, 16).unwrap_or(0), tail)
            }
            (b'\\', [escaped, tail @ ..]) => {
                let byte = match escaped {
                    b'b' => 8,
                    b't' => 9,
                    b'n' => 10,
                    b'f' => 12,
                    b'r' => 13,
                    // `"`, `\` and anything a canonical text does not hold
                    other => *other,
                };
                (byte, tail)
            }
            _ => (*first, after),
        };
        out.push(byte);
        rest = tail;
    }
    out
}

/// ECMAScript `Number.prototype.toString` of a finite double, as RFC 8785 requires
/// (section 3.2.2.3); `-0` becomes `0`.
pub fn push_number(out: &mut Vec<u8>, v: f64) {
    if v == 0.0 {
        out.push(b'0');
        return;
    }
    let mut buf = ryu_js::Buffer::new();
    out.extend_from_slice(buf.format_finite(v).as_bytes());
}

/// Separators and indentation of the non-canonical layouts the integrity check tries.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// None: compact (no newlines).
    pub indent: Option<&'static str>,
    pub item_sep: &'static str,
    pub key_sep: &'static str,
}

impl Layout {
    pub const COMPACT: Layout = Layout { indent: None, item_sep: ",", key_sep: ":" };
    /// Python's `json.dumps` default.
    pub const PYTHON: Layout = Layout { indent: None, item_sep: ", ", key_sep: ": " };
    /// `JSON.stringify(v, null, 2)`, `json.dumps(v, indent=2)`.
    pub const INDENT2: Layout = Layout { indent: Some("  "), item_sep: ",", key_sep: ": " };
    pub const INDENT4: Layout = Layout { indent: Some("    "), item_sep: ",", key_sep: ": " };
    pub const TABS: Layout = Layout { indent: Some("\t"), item_sep: ",", key_sep: ": " };
}

/// Where a re-layout goes: written out in pieces, or only measured.
trait Emit {
    /// Text of the input, strings and other runs, as it is.
    fn bytes(&mut self, b: &[u8]);
    /// A newline and `depth` indentation units, in an indented layout.
    fn newline(&mut self, depth: usize);
    /// The separator between items, at `depth`.
    fn comma(&mut self, depth: usize);
    /// The separator between a name and its value.
    fn colon(&mut self);
}

/// What the size of every layout of one text depends on, measured in one pass: the
/// diagnosis gives up a layout whose text would be too large before writing any of it
/// (indenting deeply nested arrays multiplies the text by the depth).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// The text without its separators and newlines.
    len: usize,
    commas: usize,
    colons: usize,
    /// Newlines of an indented layout, and the sum of their depths.
    newlines: usize,
    depths: usize,
}

impl Sizes {
    pub fn of(compact: &[u8]) -> Sizes {
        let mut sizes = Sizes::default();
        relayout_with(compact, &mut sizes);
        sizes
    }

    /// The length of `layout`'s text.
    pub fn of_layout(&self, layout: Layout) -> usize {
        let sep = |n: usize, s: &str| n.saturating_mul(s.len());
        let body = self.len.saturating_add(sep(self.colons, layout.key_sep));
        match layout.indent {
            Some(unit) => body
                .saturating_add(self.commas)
                .saturating_add(self.newlines)
                .saturating_add(self.depths.saturating_mul(unit.len())),
            None => body.saturating_add(sep(self.commas, layout.item_sep)),
        }
    }
}

impl Emit for Sizes {
    fn bytes(&mut self, b: &[u8]) {
        self.len = self.len.saturating_add(b.len());
    }
    fn newline(&mut self, depth: usize) {
        self.newlines = self.newlines.saturating_add(1);
        self.depths = self.depths.saturating_add(depth);
    }
    fn comma(&mut self, depth: usize) {
        self.commas = self.commas.saturating_add(1);
        self.newline(depth);
    }
    fn colon(&mut self) {
        self.colons = self.colons.saturating_add(1);
    }
}

/// Writes a re-layout to a sink in pieces of about CHUNK bytes; a longer run of the
/// input (a long string) goes to the sink as it is, without a copy.
struct Write<'s, S: FnMut(&[u8])> {
    layout: Layout,
    buf: Vec<u8>,
    sink: &'s mut S,
}

const CHUNK: usize = 64 << 10;

impl<S: FnMut(&[u8])> Emit for Write<'_, S> {
    fn bytes(&mut self, b: &[u8]) {
        if b.len() >= CHUNK {
            if !self.buf.is_empty() {
                (self.sink)(&self.buf);
                self.buf.clear();
            }
            (self.sink)(b);
            return;
        }
        self.buf.extend_from_slice(b);
        if self.buf.len() >= CHUNK {
            (self.sink)(&self.buf);
            self.buf.clear();
        }
    }
    fn newline(&mut self, depth: usize) {
        if let Some(unit) = self.layout.indent {
            self.buf.push(b'\n');
            for _ in 0..depth {
                self.bytes(unit.as_bytes());
            }
        }
    }
    fn comma(&mut self, depth: usize) {
        match self.layout.indent {
            Some(_) => {
                self.bytes(b",");
                self.newline(depth);
            }
            None => self.bytes(self.layout.item_sep.as_bytes()),
        }
    }
    fn colon(&mut self) {
        self.bytes(self.layout.key_sep.as_bytes());
    }
}

/// Re-lays out compact JSON text (as the reader writes it) with other separators or
/// indentation, handing the text to `sink` in pieces (never a copy of the whole of it).
/// Only structure outside strings is touched. Over `budget` bytes (by `sizes`, the
/// text's [`Sizes`]), nothing is written and the answer is false.
pub fn relayout_into(
    compact: &[u8],
    sizes: &Sizes,
    layout: Layout,
    budget: usize,
    sink: &mut impl FnMut(&[u8]),
) -> bool {
    if sizes.of_layout(layout) > budget {
        return false;
    }
    // compact separators and no indentation leave every byte as it is
    if layout.indent.is_none() && layout.item_sep == "," && layout.key_sep == ":" {
        sink(compact);
        return true;
    }
    let mut w = Write { layout, buf: Vec::with_capacity(CHUNK + 1024), sink };
    relayout_with(compact, &mut w);
    (w.sink)(&w.buf);
    true
}

/// The first `"` or `\\` in `text`. The first byte is looked at before memchr is
/// called: escapes come in runs (a string of 1.5 million escaped backslashes spent 44%
/// of a run in memchr's calls, each finding its byte at once), and memchr's own
/// handling of short text is faster than a loop here for names and values.
fn find_quote_or_backslash(text: &[u8]) -> Option<usize> {
    match text.first() {
        Some(b'"' | b'\\') => Some(0),
        _ => memchr::memchr2(b'"', b'\\', text),
    }
}

/// The re-layout itself. Strings and the runs between structural characters (numbers,
/// literals) are handed on whole: byte by byte, the hash-mismatch diagnosis of a 3 MB
/// bundle took 0.2 s, twenty times reading it.
fn relayout_with(compact: &[u8], out: &mut impl Emit) {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = compact.get(i) {
        match b {
            b'"' => {
                // to the closing quote; a backslash and the byte after it are a pair
                let mut end = i + 1;
                loop {
                    match compact.get(end..).and_then(find_quote_or_backslash) {
                        Some(k) if compact.get(end + k) == Some(&b'\\') => end += k + 2,
                        Some(k) => {
                            end += k + 1;
                            break;
                        }
                        None => {
                            end = compact.len();
                            break;
                        }
                    }
                }
                let end = end.min(compact.len());
                out.bytes(compact.get(i..end).unwrap_or_default());
                i = end;
            }
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                if compact.get(i + 1) == Some(&close) {
                    out.bytes(&[b, close]);
                    i += 2;
                } else {
                    out.bytes(&[b]);
                    depth += 1;
                    out.newline(depth);
                    i += 1;
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                out.newline(depth);
                out.bytes(&[b]);
                i += 1;
            }
            b',' => {
                out.comma(depth);
                i += 1;
            }
            b':' => {
                out.colon();
                i += 1;
            }
            _ => {
                let rest = compact.get(i..).unwrap_or_default();
                let run = rest.iter().position(|c| matches!(c, b'"' | b'{' | b'[' | b'}' | b']' | b',' | b':'));
                let end = i + run.unwrap_or(rest.len()).max(1);
                out.bytes(compact.get(i..end).unwrap_or_default());
                i = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relayout(compact: &[u8], layout: Layout) -> Vec<u8> {
        let mut out = Vec::new();
        assert!(
            relayout_into(compact, &Sizes::of(compact), layout, usize::MAX, &mut |piece| out.extend_from_slice(piece))
        );
        out
    }

    #[test]
    fn relayout_stops_at_its_budget() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let mut seen = 0;
        let sizes = Sizes::of(deep.as_bytes());
        assert!(!relayout_into(deep.as_bytes(), &sizes, Layout::INDENT4, 10_000, &mut |p| seen += p.len()));
        assert_eq!(seen, 0, "nothing is handed on over the budget");
        // 64 KiB pieces and the budget exactly met.
        let long = format!("[{}1]", "1,".repeat(100_000));
        let mut text = Vec::new();
        assert!(relayout_into(
            long.as_bytes(),
            &Sizes::of(long.as_bytes()),
            Layout::PYTHON,
            long.len() + 100_000,
            &mut |p| { text.extend_from_slice(p) }
        ));
        assert_eq!(text.len(), long.len() + 100_000);
        assert_eq!(text, long.replace(',', ", ").into_bytes());
        assert!(relayout_into(deep.as_bytes(), &sizes, Layout::COMPACT, deep.len(), &mut |p| seen += p.len()));
        assert_eq!(seen, deep.len());
    }

    /// The definition the run-at-a-time re-layout must keep: one byte at a time, a
    /// backslash in a string taking the byte after it along.
    fn relayout_bytewise(compact: &[u8], layout: Layout) -> Vec<u8> {
        let mut out = Vec::new();
        let (mut depth, mut in_string) = (0usize, false);
        let mut bytes = compact.iter().copied().peekable();
        let newline = |out: &mut Vec<u8>, depth: usize| {
            if let Some(ind) = layout.indent {
                out.push(b'\n');
                out.extend(ind.as_bytes().repeat(depth));
            }
        };
        while let Some(b) = bytes.next() {
            if in_string {
                out.push(b);
                if b == b'\\' {
                    out.extend(bytes.next());
                } else if b == b'"' {
                    in_string = false;
                }
                continue;
            }
            match b {
                b'"' => {
                    in_string = true;
                    out.push(b);
                }
                b'{' | b'[' => {
                    let close = if b == b'{' { b'}' } else { b']' };
                    out.push(b);
                    if bytes.next_if_eq(&close).is_some() {
                        out.push(close);
                    } else {
                        depth += 1;
                        newline(&mut out, depth);
                    }
                }
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                    out.push(b);
                }
                b',' if layout.indent.is_some() => {
                    out.push(b',');
                    newline(&mut out, depth);
                }
                b',' => out.extend_from_slice(layout.item_sep.as_bytes()),
                b':' => out.extend_from_slice(layout.key_sep.as_bytes()),
                _ => out.push(b),
            }
        }
        out
    }

    /// Any bytes, well-formed or not, strings long enough to pass the sink whole (over
    /// CHUNK): the re-layout writes what the byte-at-a-time definition writes, in every
    /// layout, and `Sizes` measures exactly that many bytes.
    #[test]
    fn relayout_writes_what_the_bytewise_definition_writes() {
        use proptest::prelude::*;
        let tokens: Vec<&[u8]> = vec![
            b"\"",
            b"\\",
            b"\\\"",
            b"{",
            b"}",
            b"[",
            b"]",
            b"{}",
            b"[]",
            b",",
            b":",
            b"12.5e3",
            b"true",
            "\u{e9}\u{1f600}".as_bytes(),
        ];
        let piece = prop_oneof![
            14 => proptest::sample::select(tokens).prop_map(<[u8]>::to_vec),
            1 => (1usize..3).prop_map(|k| vec![b'a'; k * CHUNK / 2 + 7]),
        ];
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(200));
        let result = runner.run(&proptest::collection::vec(piece, 0..40), |pieces| {
            let text: Vec<u8> = pieces.concat();
            for layout in [Layout::COMPACT, Layout::PYTHON, Layout::INDENT2, Layout::INDENT4, Layout::TABS] {
                let want = relayout_bytewise(&text, layout);
                let mut got = Vec::new();
                let sizes = Sizes::of(&text);
                prop_assert!(relayout_into(&text, &sizes, layout, usize::MAX, &mut |p| got.extend_from_slice(p)));
                prop_assert_eq!(&got, &want);
                prop_assert_eq!(sizes.of_layout(layout), want.len());
                // one byte under its size, a layout is given up and nothing is written
                let mut seen = 0;
                let under = want.len().saturating_sub(1);
                prop_assert_eq!(relayout_into(&text, &sizes, layout, under, &mut |p| seen += p.len()), want.is_empty());
                prop_assert!(want.is_empty() || seen == 0);
            }
            Ok(())
        });
        assert!(result.is_ok(), "{result:?}");
    }

    #[test]
    fn utf16_order_puts_bmp_private_use_after_astral() {
        // U+E000 (EE 80 80) vs U+1F600 (F0 9F 98 80): UTF-16 D83D < E000.
        assert_eq!(cmp_utf16("\u{e000}".as_bytes(), "\u{1f600}".as_bytes()), Ordering::Greater);
        assert_eq!(cmp_utf16(b"a", b"b"), Ordering::Less);
        assert_eq!(cmp_utf16(b"ab", b"a"), Ordering::Greater);
        assert_eq!(cmp_utf16("\u{80}".as_bytes(), "\u{e000}".as_bytes()), Ordering::Less);
    }

    #[test]
    fn relayout_indents_outside_strings_only() {
        let got = relayout(br#"{"a":[1,{}],"b":"x,{y}:"}"#, Layout::INDENT2);
        assert_eq!(String::from_utf8_lossy(&got), "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x,{y}:\"\n}");
        let py = relayout(br#"{"a":[1,2]}"#, Layout::PYTHON);
        assert_eq!(String::from_utf8_lossy(&py), r#"{"a": [1, 2]}"#);
        let escaped = relayout(br#"{"a\"":"\\","e":[]}"#, Layout::COMPACT);
        assert_eq!(String::from_utf8_lossy(&escaped), r#"{"a\"":"\\","e":[]}"#);
    }

    #[test]
    fn escapes_round_trip() {
        let mut out = Vec::new();
        for c in "a\"\\\u{8}\t\n\u{c}\r\u{0}\u{1f}é".chars() {
            push_escaped_char(&mut out, c);
        }
        assert_eq!(String::from_utf8_lossy(&out), "a\\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u001fé");
        assert_eq!(unescape_canonical(&out), "a\"\\\u{8}\t\n\u{c}\r\u{0}\u{1f}é".as_bytes());
        // A `\u` cut short is not decoded.
        assert_eq!(unescape_canonical(b"x\\u00"), b"xu00");
        assert_eq!(unescape_canonical(b"x\\"), b"x\\");
    }

    #[test]
    fn numbers_in_ecmascript_form() {
        let cases = [(1e21, "1e+21"), (0.0000001, "1e-7"), (-0.0, "0"), (24.5, "24.5"), (2.0, "2")];
        for (v, want) in cases {
            let mut out = Vec::new();
            push_number(&mut out, v);
            assert_eq!(String::from_utf8_lossy(&out), want);
        }
    }
}
