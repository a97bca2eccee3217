//! Small text helpers shared by checks and reporters.

use std::borrow::Cow;

/// A closed list of words, looked up in a hash set built at first use. The statement and
/// claims readers ask of every word whether it is in lists of dozens, and scanning them
/// was most of what a long statement cost (docs/performance.md).
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<Hashed<&'static str>>,
}

/// A set of words hashed with a fixed-seed fast hasher: the words are the readers' own
/// lists, so no input can choose colliding entries (only look them up).
pub type Hashed<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, set: std::sync::OnceLock::new() }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(w)
    }
}

/// Month names and their abbreviations, lower case: the statements' dates a plan is put
/// on (marketplace) and the dates a year after them makes (claims).
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Levenshtein distance over chars; inputs here are short names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the table, for b's prefixes of length 1..; the empty prefix's cell is
    // `left` at the start of each row, and `diag` keeps the cell the update overwrote.
    let mut row: Vec<usize> = (1..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let (mut diag, mut left) = (i, i + 1);
        for (cell, cb) in row.iter_mut().zip(&b) {
            left = (diag + usize::from(ca != *cb)).min(*cell + 1).min(left + 1);
            diag = std::mem::replace(cell, left);
        }
    }
    row.last().copied().unwrap_or_else(|| a.chars().count())
}

/// What kind of JSON value this is, as a message says it ("a string").
pub fn json_kind(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Lowercase hex of bytes. (Digit by digit: `write!` per byte was about 1% of a batch's
/// instructions, two digests per bundle.)
pub fn hex(bytes: &[u8]) -> String {
    let digit = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0');
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(digit(b >> 4));
        s.push(digit(b & 0x0f));
    }
    s
}

/// Text a bundle claims, quoted so that it cannot pass for the report's own words: a
/// JSON string literal (quotes and backslashes escaped, so the text cannot close its
/// quote and continue as the report), at most `max` characters of it, with "…" after
/// the closing quote when it was cut, and hidden characters escaped ([`escape_control`]).
pub fn quote_claim(s: &str, max: usize) -> String {
    let cut = s.chars().count() > max;
    let head: String = s.chars().take(max).collect();
    let quoted = serde_json::to_string(&head).unwrap_or_else(|_| "\"\"".to_owned());
    let mut out = escape_control(&quoted).into_owned();
    if cut {
        out.push('…');
    }
    out
}

/// A JSON pointer as a sentence shows it: bare when every reference token is a plain
/// name (letters and digits of any script, `_`, `-`, `.`, and `~` of the `~0`/`~1`
/// escapes), else as a JSON string literal, so that a member name cannot continue the
/// sentence: `/x/ok, line 3, column 1; nothing else` showed as the pointer `/x/ok`, a
/// position of its own and the tool saying "nothing else contains an e-mail address".
/// Quoted, a space, a comma or a quote in a name stays inside the quotes. Control and
/// hidden characters are escaped as [`quote_claim`] escapes them.
pub fn shown_pointer(pointer: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_alphanumeric() || matches!(c, '/' | '_' | '-' | '.' | '~');
    if pointer.chars().all(plain) {
        escape_control(pointer)
    } else {
        Cow::Owned(quote_claim(pointer, usize::MAX))
    }
}

/// A bundle's name (as [`path_name`] made it) where a sentence follows it after `: `,
/// as in the verdict line `VERIFIED NAME: signed by ...`: bare, unless it holds `: ` or
/// starts with a quote; then a JSON string literal. A file named `b.json: signed by ACME
/// (FPR); no warnings` made the line of an unsigned bundle read as signed by ACME, for a
/// CI log searched for the signer.
/// So is a name that only looks so ([`continues_a_sentence`]).
pub fn shown_name(name: &str) -> Cow<'_, str> {
    if continues_a_sentence(name) {
        Cow::Owned(quote_claim(name, usize::MAX))
    } else {
        escape_control(name)
    }
}

/// Whether a name holds `: ` or starts with a quote, as it is drawn: beyond ASCII, a
/// colon or a quote look-alike (the UTS #39 skeleton: U+A789 `꞉`, U+2236 `∶`, U+FF1A,
/// U+201C `“`) and any white space (U+00A0, U+2009, U+3000) read as the ASCII ones. A
/// file named `b.json:` U+00A0 `signed by "ACME" (FPR); no warnings` was shown bare, and
/// the line of an unsigned bundle read `VERIFIED b.json: signed by "ACME" (FPR); no
/// warnings...` in a terminal. ASCII names take no skeleton.
fn continues_a_sentence(name: &str) -> bool {
    if name.contains(": ") || name.starts_with('"') {
        return true;
    }
    if name.is_ascii() {
        return false;
    }
    let drawn: String = unicode_security::skeleton(name).map(|c| if is_blank(c) { ' ' } else { c }).collect();
    // The skeleton of `"` is two apostrophes, as that of U+201C and U+201D.
    drawn.contains(": ") || drawn.starts_with("''") || drawn.starts_with('"')
}

/// One of several values a report lists on one line (`--signer` pins joined by `, `,
/// `--deny-pattern`s by a space, policy items by ` · `): bare when it holds no white
/// space, comma or `·` and does not start with a quote, else a JSON string literal, so
/// that one value never reads as two or as a policy item of its own. `--deny-pattern
/// 'ACME [0-9]+'` was listed as `deny ACME [0-9]+`, the patterns `ACME` and `[0-9]+`; a
/// pin `k1 · strict` (a KMS key ID) as a pin and a strict run.
pub fn shown_item(value: &str) -> Cow<'_, str> {
    let splits = |c: char| c.is_whitespace() || is_blank(c) || c == ',' || c == '\u{b7}';
    if value.is_empty() || value.starts_with('"') || value.contains(splits) || continues_a_sentence(value) {
        Cow::Owned(quote_claim(value, usize::MAX))
    } else {
        escape_control(value)
    }
}

/// How many characters of a key ID a verdict line quotes.
pub const CLAIM_QUOTE_MAX: usize = 128;

/// A certificate's user ID as a verdict names the signer: a JSON string literal of at
/// most [`USER_ID_QUOTE_MAX`] characters ("…" after the quote when cut), as a KMS key_id
/// the bundle claims is quoted. A user ID is text the key holder chose: "A <a@x> (FPR) and B <b@y>" must not
/// read as the line's own words, two signers. The quotes keep an ordinary user ID as
/// readable as before: `"Alice <alice@example.org>" (FPR)`.
pub fn quote_user_id(uid: &str) -> String {
    quote_claim(uid, USER_ID_QUOTE_MAX)
}

/// How many characters of a user ID a verdict line quotes: more than of a key_id, as a
/// name with a comment and an address can be long; the record shows it whole.
pub const USER_ID_QUOTE_MAX: usize = 256;

/// How many terminal columns `s` takes as a terminal draws it (UAX #11 widths, as
/// unicode-width computes them): a CJK character or an emoji two, a combining mark none.
/// The human report wraps by this, not by characters, so wide text does not run past
/// the line and marks do not leave it short.
pub fn columns(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Shortens long values for one table cell, on a char boundary.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A number word from zero to ninety (`seven`, `twelve`, `thirty`): the claims read them
/// as figures, the marketplace statements as parts of a year in words.
pub fn number_word(w: &str) -> Option<u8> {
    // a match, not a list: the claims reader asks this of every word
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// `w` is a year as the readers of dates take one: four ASCII digits from 1900 to 2099.
pub fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"))
}

/// A character drawn as a low line `_` that the UTS #39 confusables leave out (its
/// skeleton is itself): the modifier letter low macron `ˍ` (U+02CD), the lower one
/// eighth block `▁` and the scan line `⎽`. `seedˍ1` and `runˍseed` display as the
/// names they imitate.
pub fn drawn_as_low_line(c: char) -> bool {
    matches!(c, '\u{2cd}' | '\u{2581}' | '\u{23bd}')
}

/// A modifier letter drawn as an apostrophe, a quote or a prime (`ʼ` U+02BC, `ʻ`, `ʽ`,
/// `ʹ`, `ˈ`, `ˊ`, `ˋ`, the saltillo `ꞌ`): Unicode calls them letters, so a reader that
/// splits words at non-letters glued them to the digits after them, and `ʼ10x faster`
/// was an identifier, `since ʼ27` no date.
pub fn drawn_as_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\u{2b9}' | '\u{2bb}' | '\u{2bc}' | '\u{2bd}' | '\u{2c8}' | '\u{2ca}' | '\u{2cb}' | '\u{a78b}' | '\u{a78c}'
    )
}

/// A letter drawn as a mark, not as a letter of a word: a modifier letter (Unicode
/// category `Lm`: `ʼ`, `ː`, `ˑ`, `ー`, ...), the clicks drawn as `|`, `‖`, `ǂ`, `!` (U+01C0 to
/// U+01C3), the sinological dot `ꞏ` drawn as `·`, and the saltillo (`ꞌ`, `Ꞌ`). Glued to the digits after it, a reader that splits
/// words at non-letters read `ǀ10x faster` as an identifier.
pub fn drawn_as_mark(c: char) -> bool {
    !c.is_ascii()
        && (drawn_as_apostrophe(c)
            || matches!(c, '\u{1c0}'..='\u{1c3}' | '\u{a78f}')
            || unicode_general_category::get_general_category(c)
                == unicode_general_category::GeneralCategory::ModifierLetter)
}

/// Whether a character can move, hide or erase other text when shown: C0 and C1
/// controls and DEL (terminal escape sequences, carriage returns, newlines that forge
/// report lines), line and paragraph separators, and the invisible format characters
/// (Unicode category Cf: bidi embeddings, overrides, isolates and marks, zero-width
/// characters, tags), the Hangul fillers that render as blanks, the noncharacters, and
/// every other Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties: the
/// variation selectors U+FE00-U+FE0F and U+E0100-U+E01EF, the combining grapheme joiner
/// U+034F, the Khmer and Mongolian ones, the unassigned U+2065, U+FFF0-U+FFF8 and
/// U+E0000-U+E0FFF), which display as nothing: `a\u{fe0f}.json` showed as `a.json`
/// beside the file `a.json`, two files and two verdicts under one visible name.
#[inline]
pub fn is_hidden(c: char) -> bool {
    // Printable ASCII first: reports escape every character they show, nearly all ASCII.
    if c < '\u{7f}' {
        return c < ' ';
    }
    is_hidden_beyond_ascii(c)
}

fn is_hidden_beyond_ascii(c: char) -> bool {
    is_noncharacter(c)
        || matches!(
        c,
        '\u{7f}'..='\u{9f}'
            | '\u{ad}'
            | '\u{34f}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
        )
}

/// Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of every plane):
/// a bundle holding one is refused, but a file name or an option can carry one to a
/// report, and there U+FFFE is a byte-swapped BOM to a consumer that sniffs the
/// encoding and XML 1.0 cannot carry U+FFFE or U+FFFF at all.
fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{fdd0}'..='\u{fdef}') || u32::from(c) & 0xfffe == 0xfffe
}

/// A file's path as reports name it: one text for one file, and back to the path's
/// bytes by [`name_bytes`]. Shown as it is unless it holds a backslash, an
/// [`is_hidden`] character or bytes that are not UTF-8; then a backslash is written
/// `\\`, a hidden character `\u{..}` and a stray byte `\x{..}`. Escaping the hidden
/// characters alone showed a name holding a newline and a name spelling `\u{a}` alike,
/// and replacing stray bytes by U+FFFD showed every such name alike: two files, one name
/// in the report, whatever their verdicts.
pub fn path_name(path: &std::path::Path) -> String {
    if let Some(text) = path.to_str() {
        if !text.contains(|c: char| c == '\\' || is_hidden(c)) {
            return text.to_owned();
        }
    }
    let bytes = path_bytes(path);
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else if is_hidden(c) {
                push_escape(&mut out, c);
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{{{b:02x}}}"));
        }
    }
    out
}

/// A report name ([`path_name`]) with every character beyond ASCII written `\u{..}`,
/// which [`name_bytes`] reads back: the name shown for a file whose name another of the
/// run's files displays alike ([`look_alike_key`]). `caf\u{e9}.json` (NFC) and
/// `cafe\u{301}.json` (NFD), or `paypal.json` and `\u{440}\u{430}ypal.json` (Cyrillic),
/// are drawn identically; a verdict on each under one visible name could not be told
/// apart.
/// Blanks at either end are written `\u{20}` too: `a.json ` ends a line of the summary
/// table, or a Markdown code span, as `a.json` does.
pub fn spelled_out(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    let start = name.len() - name.trim_start_matches(is_blank).len();
    let end = start.max(name.trim_end_matches(is_blank).len());
    for (at, c) in name.char_indices() {
        if c.is_ascii() && (start..end).contains(&at) {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// Whether a name would be spelled out beside one drawn alike: it holds a character
/// beyond ASCII, or a blank at either end.
pub fn needs_spelling(name: &str) -> bool {
    !name.is_ascii() || name.starts_with(is_blank) || name.ends_with(is_blank)
}

/// A character drawn as nothing at the end of a line: white space, the Braille blank.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{2800}'
}

/// What a report name looks like, for telling names drawn alike: the Unicode
/// confusables skeleton (UTS #39, `unicode-security`), which is taken after NFD, so two
/// names equal after normalisation (NFC or NFD alike) share it, and so do names whose
/// letters are look-alikes (Latin `a` and Cyrillic `\u{430}`), and names that differ
/// by blanks at their ends. One pass over the name.
pub fn look_alike_key(name: &str) -> String {
    unicode_security::skeleton(name.trim_matches(is_blank)).collect()
}

/// The bytes of the path that [`path_name`] wrote as `name`. Text that is not one of
/// its escapes is taken as it is.
pub fn name_bytes(name: &str) -> Vec<u8> {
    if !name.contains('\\') {
        return name.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find('\\') {
        out.extend_from_slice(rest.get(..at).unwrap_or_default().as_bytes());
        let escape = rest.get(at..).unwrap_or_default();
        let braced = |prefix: &str| -> Option<(u32, usize)> {
            let hex = escape.strip_prefix(prefix)?;
            // At most six digits: the search stops there, so a long name costs its length.
            let end = hex.bytes().take(7).position(|b| b == b'}')?;
            let digits = hex.get(..end)?;
            let n = (1..=6).contains(&digits.len()).then(|| u32::from_str_radix(digits, 16).ok()).flatten()?;
            Some((n, prefix.len() + end + 1))
        };
        let (bytes, used): (Vec<u8>, usize) = if escape.starts_with("\\\\") {
            (vec![b'\\'], 2)
        } else if let Some((n, used)) = braced("\\u{") {
            match char::from_u32(n) {
                Some(c) => (c.to_string().into_bytes(), used),
                None => (vec![b'\\'], 1),
            }
        } else if let Some((n, used)) = braced("\\x{") {
            match u8::try_from(n) {
                Ok(b) => (vec![b], used),
                Err(_) => (vec![b'\\'], 1),
            }
        } else {
            (vec![b'\\'], 1)
        };
        out.extend_from_slice(&bytes);
        rest = escape.get(used..).unwrap_or_default();
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

/// A hidden character as its visible escape, `\u{1b}`: the one spelling of
/// [`escape_control`] and [`path_name`].
fn push_escape(out: &mut String, c: char) {
    out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
}

#[cfg(unix)]
fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

/// Text from a bundle or a file name, made safe to show: every [`is_hidden`] character
/// becomes a visible `\u{..}` escape (ESC is `\u{1b}`, a newline `\u{a}`), so that no
/// name or string can erase, reorder or forge a line of a report; and so does the second
/// character of each `##` and `::` ([`is_command_pair`]), so that no line of a report
/// is a CI runner's log command. Borrowed when there is nothing to escape, which is
/// nearly always.
pub fn escape_control(s: &str) -> Cow<'_, str> {
    // Printable ASCII without `##` or `::` (nearly every message) has nothing shown
    // otherwise: settled by a byte scan, not a walk over characters and their pairs.
    let mut before = 0u8;
    let plain = s.bytes().all(|c| {
        let pair = c == before && (c == b'#' || c == b':');
        before = c;
        (b' '..b'\x7f').contains(&c) && !pair
    });
    if plain {
        return Cow::Borrowed(s);
    }
    // One pass to the first character shown otherwise, the character before it kept.
    let mut prev = None;
    let mut before = None;
    let first = s.char_indices().find_map(|(i, c)| {
        let hit = shown_otherwise(prev, c);
        before = prev;
        prev = Some(c);
        hit.then_some(i)
    });
    let Some(first) = first else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(s.get(..first).unwrap_or_default());
    let mut prev = before;
    for c in s.get(first..).unwrap_or_default().chars() {
        prev = push_shown(&mut out, prev, c);
    }
    Cow::Owned(out)
}

/// Whether `c` after `prev` is escaped: hidden, or the second character of a log command.
fn shown_otherwise(prev: Option<char>, c: char) -> bool {
    is_hidden(c) || is_command_pair(prev, c)
}

/// Writes `c` as [`escape_control`] shows it after `prev`, the character shown before it
/// (`None` at the start or after an escape); returns the `prev` for the next character.
fn push_shown(out: &mut String, prev: Option<char>, c: char) -> Option<char> {
    if shown_otherwise(prev, c) {
        push_escape(out, c);
        None
    } else {
        out.push(c);
        Some(c)
    }
}

/// One character as [`escape_control`] shows it after `prev`, the character shown
/// before it (`None` at the start or after an escape); returns the text and the `prev`
/// for the next character. For views built a character at a time (the excerpts).
pub fn show_char(prev: Option<char>, c: char) -> (String, Option<char>) {
    // Sized for the character as it is: an escape, rare, grows it once.
    let mut out = String::with_capacity(c.len_utf8());
    let next = push_shown(&mut out, prev, c);
    (out, next)
}

/// Whether `c` after `prev` completes the start of a CI runner's log command: GitHub
/// Actions reads `::name::` at the start of a line (after blanks) and `##[name]`
/// anywhere in one, Azure Pipelines `##vso[`, TeamCity `##teamcity[`. A command in a
/// bundle's text would act on the job that prints the report: `##[add-mask]REJECTED`
/// hides every later REJECTED of the log, `::stop-commands::` turns commands off, an
/// `::error::` adds an annotation. Wrapped report lines can start anywhere in a text,
/// so every `::` counts, not only one at the start.
pub fn is_command_pair(prev: Option<char>, c: char) -> bool {
    matches!((prev, c), (Some('#'), '#') | (Some(':'), ':'))
}

/// A JSON text whose strings carry no [`is_hidden`] character raw: each becomes a JSON
/// `\uXXXX` escape (a surrogate pair above the BMP). serde_json escapes C0 already, but
/// leaves DEL, C1 and the bidi and zero-width characters as they are; a consumer that
/// pages or greps the report would show them. The second `#` of each `##` is written
/// `\u0023`, so that a report printed into a CI log holds no `##[` command
/// ([`is_command_pair`]; a JSON line starts with a quote or a bracket, so `::` cannot
/// start one). The decoded strings are unchanged.
pub fn json_escape_hidden(json: String) -> String {
    match json_escape_hidden_ref(&json) {
        Cow::Borrowed(_) => json,
        Cow::Owned(out) => out,
    }
}

/// [`json_escape_hidden`] of a borrowed text: the text itself when nothing in it is
/// escaped (nearly every report line).
pub fn json_escape_hidden_ref(json: &str) -> Cow<'_, str> {
    let mut out = String::new();
    match json_escape_into(json, false, &mut out) {
        Escaped::Nothing => Cow::Borrowed(json),
        Escaped::Written { .. } => Cow::Owned(out),
    }
}

/// What [`json_escape_into`] did: nothing to escape (nothing written), or the escaped
/// text written, and whether it ended with a `#` not escaped (a `#` at the start of the
/// next piece completes a pair).
enum Escaped {
    Nothing,
    Written { open_hash: bool },
}

fn json_escape_into(json: &str, open_hash: bool, out: &mut String) -> Escaped {
    // C0 characters in serde_json's output are its own layout (newlines, indentation):
    // inside strings it has escaped them already.
    let raw = |c: char| c > '\u{1f}' && is_hidden(c);
    let pairs = memchr::memmem::find(json.as_bytes(), b"##").is_some() || (open_hash && json.starts_with('#'));
    // Above C0 only DEL and non-ASCII can be hidden: a byte scan settles most reports
    // (the word-at-a-time ASCII test and memchr, not a loop over 15 KB per bundle line).
    if !pairs && ((json.is_ascii() && !json.as_bytes().contains(&0x7f)) || !json.contains(raw)) {
        return Escaped::Nothing;
    }
    out.reserve(json.len() + 16);
    let mut prev = open_hash.then_some('#');
    for c in json.chars() {
        if raw(c) || is_command_pair(prev.filter(|p| *p == '#'), c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
            prev = None;
        } else {
            out.push(c);
            prev = Some(c);
        }
    }
    Escaped::Written { open_hash: prev == Some('#') }
}

/// [`json_escape_hidden`] for a JSON text written in pieces: a writer that passes
/// serde_json's output on with every hidden character escaped, so a large report is
/// never held whole. Pieces may split a character; [`JsonHiddenEscaper::finish`]
/// writes what is still held.
pub struct JsonHiddenEscaper<W: std::io::Write> {
    inner: W,
    /// Bytes not written yet: a buffer, and at most 3 bytes of a character cut short.
    held: Vec<u8>,
    /// The text written so far ends with a `#` not escaped: a `#` next is escaped.
    open_hash: bool,
}

impl<W: std::io::Write> JsonHiddenEscaper<W> {
    pub fn new(inner: W) -> Self {
        JsonHiddenEscaper { inner, held: Vec::new(), open_hash: false }
    }

    /// Escapes and writes the held bytes that form whole characters; a byte that is
    /// not UTF-8 (serde_json writes none) is passed on as it is, never held for good.
    fn pass_on(&mut self) -> std::io::Result<()> {
        let mut rest: &[u8] = &self.held;
        loop {
            let (text, bad) = match std::str::from_utf8(rest) {
                Ok(s) => (s, 0),
                Err(e) => {
                    let text = rest.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok());
                    (text.unwrap_or_default(), e.error_len().unwrap_or(0))
                }
            };
            let mut escaped = String::new();
            match json_escape_into(text, self.open_hash, &mut escaped) {
                Escaped::Nothing => {
                    self.inner.write_all(text.as_bytes())?;
                    self.open_hash = if text.is_empty() { self.open_hash } else { text.ends_with('#') };
                }
                Escaped::Written { open_hash } => {
                    self.inner.write_all(escaped.as_bytes())?;
                    self.open_hash = open_hash;
                }
            }
            let (raw, after) = rest.get(text.len()..).unwrap_or_default().split_at_checked(bad).unwrap_or_default();
            self.inner.write_all(raw)?;
            if !raw.is_empty() {
                self.open_hash = false;
            }
            rest = after;
            if bad == 0 {
                break;
            }
        }
        // What is left is a character cut short at the end.
        let done = self.held.len() - rest.len();
        self.held.drain(..done);
        Ok(())
    }

    /// Writes what is held; bytes that are not UTF-8 (serde_json never writes any) are
    /// passed on as they are.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.pass_on()?;
        self.inner.write_all(&self.held)?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> std::io::Write for JsonHiddenEscaper<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.held.extend_from_slice(buf);
        if self.held.len() >= 1 << 16 {
            self.pass_on()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on()?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_that_looks_like_it_continues_a_sentence_is_quoted() {
        use super::shown_name;
        // Look-alike colons and spaces, and a typographic quote at the start.
        for name in [
            "b.json:\u{a0}signed by ACME",
            "b.json\u{a789} signed by ACME",
            "b.json\u{2236}\u{2009}signed by ACME",
            "b.json\u{ff1a}\u{3000}signed by ACME",
            "\u{201c}b.json",
        ] {
            assert!(shown_name(name).starts_with('"'), "{name}: {}", shown_name(name));
        }
        // Names that only hold a colon, or characters beyond ASCII, stay bare.
        for name in ["a:b.json", "caf\u{e9}.json", "\u{65e5}\u{672c}:x.json", "b.json\u{a789}x"] {
            assert_eq!(shown_name(name), name);
        }
    }

    use super::*;

    /// The number words and years the claims and marketplace readers share.
    #[test]
    fn number_words_and_years() {
        let read: Vec<Option<u8>> = ["zero", "seven", "nineteen", "twenty", "ninety", "hundred", "Seven"]
            .iter()
            .map(|w| number_word(w))
            .collect();
        assert_eq!(read, [Some(0), Some(7), Some(19), Some(20), Some(90), None, None]);
        for (w, year) in
            [("1900", true), ("2099", true), ("1899", false), ("2100", false), ("202", false), ("20x4", false)]
        {
            assert_eq!(is_year(w), year, "{w}");
        }
        assert!(!is_year("\u{ff12}\u{ff10}\u{ff12}\u{ff14}"), "full-width digits are not ASCII");
    }

    /// Written in pieces, even pieces that cut characters, the escaper gives what
    /// `json_escape_hidden` gives the whole text; bytes that are not UTF-8 pass through.
    #[test]
    fn hidden_escaper_in_pieces_is_the_whole_text_escaped() {
        use std::io::Write as _;
        // Past 64 KiB the escaper passes its buffer on, cutting where a piece ends.
        let text = "{\"a\": \"x\u{202e}y\u{7f}\u{1F600}\u{85}é\"}".repeat(5000);
        for size in [1, 3, 7, 64, 70_000] {
            let mut out = Vec::new();
            let mut w = JsonHiddenEscaper::new(&mut out);
            for piece in text.as_bytes().chunks(size) {
                w.write_all(piece).unwrap();
            }
            w.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), json_escape_hidden(text.clone()), "pieces of {size}");
        }
        // Runs of `#` across the pieces' ends: no two stay side by side, and the JSON
        // still decodes to the same strings.
        let text = serde_json::to_string(&["a##[add-mask]b###c#", "#d"].repeat(4000)).unwrap();
        for size in [1, 2, 3, 64, 70_000] {
            let mut out = Vec::new();
            let mut w = JsonHiddenEscaper::new(&mut out);
            for piece in text.as_bytes().chunks(size) {
                w.write_all(piece).unwrap();
            }
            w.finish().unwrap();
            let out = String::from_utf8(out).unwrap();
            assert_eq!(out, json_escape_hidden(text.clone()), "pieces of {size}");
            assert!(!out.contains("##"), "pieces of {size}");
            let back: Vec<String> = serde_json::from_str(&out).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), text);
        }
        let mut out = Vec::new();
        let mut w = JsonHiddenEscaper::new(&mut out);
        w.write_all(b"a\xffb\xe2\x80").unwrap();
        w.finish().unwrap();
        assert_eq!(out, b"a\xffb\xe2\x80");
    }

    /// A CI runner's log commands (GitHub Actions `::name::` and `##[name]`, Azure
    /// Pipelines `##vso[`, TeamCity `##teamcity[`) never survive in shown text.
    #[test]
    fn log_commands_are_broken() {
        for (text, shown) in [
            ("##[add-mask]REJECTED", "#\\u{23}[add-mask]REJECTED"),
            ("::stop-commands::tok", ":\\u{3a}stop-commands:\\u{3a}tok"),
            ("x ##vso[task.complete result=Succeeded]", "x #\\u{23}vso[task.complete result=Succeeded]"),
            ("###[", "#\\u{23}#["),
            (":::", ":\\u{3a}:"),
            ("#\u{200b}#[", "#\\u{200b}#["),
            ("a # b : c", "a # b : c"),
        ] {
            assert_eq!(escape_control(text), shown, "{text:?}");
            assert!(!shown.contains("##") && !shown.contains("::"));
        }
    }

    /// path_name is one-to-one and name_bytes undoes it: names that spell an escape,
    /// hold the character it stands for, or hold bytes that are not UTF-8, each keep a
    /// name of their own; plain names are shown as they are.
    #[test]
    fn names_drawn_alike_share_a_key_and_spell_out_apart() {
        // NFC and NFD of "café", and Latin "paypal" beside Cyrillic er, a (U+0440, U+0430).
        let (nfc, nfd) = ("caf\u{e9}.json", "cafe\u{301}.json");
        let (latin, cyrillic) = ("paypal.json", "\u{440}\u{430}ypal.json");
        assert_eq!(look_alike_key(nfc), look_alike_key(nfd));
        assert_eq!(look_alike_key(latin), look_alike_key(cyrillic));
        assert_ne!(look_alike_key(nfc), look_alike_key("cafe.json"));
        assert_eq!(spelled_out(nfc), "caf\\u{e9}.json");
        assert_eq!(spelled_out(nfd), "cafe\\u{301}.json");
        assert_eq!(spelled_out(cyrillic), "\\u{440}\\u{430}ypal.json");
        assert_eq!(look_alike_key("a.json "), look_alike_key("a.json"));
        assert_eq!(spelled_out(" a b.json\u{a0} "), "\\u{20}a b.json\\u{a0}\\u{20}");
        for name in [nfc, nfd, cyrillic, "a\\u{e9}\u{e9}.json", " a b.json\u{a0} ", "   "] {
            let shown = spelled_out(&path_name(std::path::Path::new(name)));
            assert!(shown.is_ascii(), "{shown}");
            assert_eq!(name_bytes(&shown), name.as_bytes(), "{shown}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn path_names_are_one_to_one_and_read_back() {
        use std::os::unix::ffi::OsStrExt as _;
        let mut names: Vec<Vec<u8>> = [
            &b"plain/name.json"[..],
            b"x\ny.json",
            b"x\\u{a}y.json",
            b"x\\\\u{a}y.json",
            b"\xff.json",
            b"\xfe.json",
            b"\\x{ff}.json",
            "\u{fffd}.json".as_bytes(),
            b"\xed\xa0\x80.json",
            b"a\\",
            b"\\",
            b"\\u{zz}",
            b"\\x{100}",
            "bidi\u{202e}gnp.json".as_bytes(),
            b"tab\there",
        ]
        .iter()
        .map(|b| b.to_vec())
        .collect();
        // Every string of up to three symbols over an alphabet of escapes and their parts.
        let parts: [&[u8]; 7] = [b"\\", b"u{a}", b"x{ff}", b"\n", b"\xff", b"a", b"}"];
        let mut frontier: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..3 {
            frontier = frontier.iter().flat_map(|n| parts.iter().map(move |p| [n.as_slice(), p].concat())).collect();
            names.extend(frontier.iter().cloned());
        }
        let mut seen = std::collections::HashMap::new();
        for bytes in names {
            let shown = path_name(std::path::Path::new(std::ffi::OsStr::from_bytes(&bytes)));
            assert_eq!(name_bytes(&shown), bytes, "{shown}");
            assert!(!shown.contains(is_hidden), "{shown:?}");
            if let Some(other) = seen.insert(shown.clone(), bytes.clone()) {
                assert_eq!(other, bytes, "two files shown as {shown}");
            }
        }
        // Not escapes: too many digits, or no closing brace; taken as they are.
        for text in ["\\u{1234567}", "\\x{ff", "\\u{", "\\q"] {
            assert_eq!(name_bytes(text), text.as_bytes(), "{text}");
        }
        assert_eq!(path_name(std::path::Path::new("plain/name.json")), "plain/name.json");
        assert_eq!(path_name(std::path::Path::new(std::ffi::OsStr::from_bytes(b"\xff.json"))), "\\x{ff}.json");
    }

    #[test]
    fn hidden_ascii_is_c0_and_del_only() {
        for b in 0u8..=0x7f {
            assert_eq!(is_hidden(char::from(b)), b < 0x20 || b == 0x7f, "{b:#x}");
        }
        for c in ['\u{80}', '\u{9f}', '\u{ad}', '\u{200b}', '\u{202e}', '\u{feff}', '\u{e0041}'] {
            assert!(is_hidden(c), "{c:?}");
        }
        for c in ['\u{a0}', 'é', '\u{2010}', '\u{fffd}', '\u{1f600}'] {
            assert!(!is_hidden(c), "{c:?}");
        }
        assert_eq!(json_escape_hidden("\"a\u{7f}\"".to_owned()), "\"a\\u007f\"");
        assert_eq!(json_escape_hidden("{\n  \"é\"\n}".to_owned()), "{\n  \"é\"\n}");
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("cost_anaylsis", "cost_analysis"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 2);
    }

    #[test]
    fn hex_is_lowercase_two_digits_a_byte() {
        assert_eq!(hex(&[0, 9, 0xab, 0xff]), "0009abff");
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn escapes_what_could_forge_a_line() {
        assert!(matches!(escape_control("plain é ✓ 日本"), Cow::Borrowed(_)));
        assert_eq!(escape_control("a\u{1b}[2K\rVERIFIED\n"), "a\\u{1b}[2K\\u{d}VERIFIED\\u{a}");
        assert_eq!(escape_control("\u{7f}\u{9b}\u{85}"), "\\u{7f}\\u{9b}\\u{85}");
        // Bidi override, isolates, zero-width space and joiner, BOM, a tag character.
        assert_eq!(escape_control("x\u{202e}y\u{2066}\u{2069}"), "x\\u{202e}y\\u{2066}\\u{2069}");
        assert_eq!(escape_control("\u{200b}\u{200d}\u{feff}\u{e0041}"), "\\u{200b}\\u{200d}\\u{feff}\\u{e0041}");
        assert_eq!(escape_control("\u{2028}\u{2029}"), "\\u{2028}\\u{2029}");
    }

    #[test]
    fn json_keeps_the_value_and_drops_the_raw_characters() {
        let v = serde_json::json!({"m": "a\u{1b}b\u{202e}c\u{9b}d\u{e0041}"});
        let text = json_escape_hidden(serde_json::to_string_pretty(&v).unwrap_or_default());
        assert!(!text.contains(|c| is_hidden(c) && c != '\n'), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).ok(), Some(v));
        assert!(text.contains("\\u202e") && text.contains("\\udb40\\udc41"));
    }
}
