//! The strict one-pass reader. It validates I-JSON and writes the RFC 8785 form of the
//! document into one buffer as it goes: no tree is built. Members of an object are
//! remembered as ranges of that buffer; when the object closes they are checked for
//! order (sorted input needs no work) and, if needed, rewritten in UTF-16 name order.
//! Duplicate names then sit next to each other. Containers are tracked on an explicit
//! stack, so hostile nesting costs a finding, never the call stack.

use super::{diags, SIGNATURES};
use crate::canonical::{cmp_utf16, push_escaped_char, push_number, unescape_canonical};
use crate::finding::{child, Finding, MAX_PER_RULE};
use crate::rules::Rule;
use std::cmp::Ordering;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;

#[derive(Debug, Clone, Copy)]
pub(crate) struct ParseOptions {
    pub max_depth: usize,
    /// false keeps members in source order: the layout a publisher may have hashed by
    /// mistake, rebuilt only to explain a hash mismatch.
    pub sort: bool,
    /// Copy numbers and strings as written instead of in canonical form (again only
    /// to rebuild what a publisher may have hashed, from a source the strict read
    /// accepted): members then keep the source's order, and repeated names are not
    /// looked for.
    pub verbatim: bool,
    /// Accept any JSON value at the top level and canonicalize it whole (the general
    /// RFC 8785 transform), instead of a bundle object whose members are kept apart.
    pub any_value: bool,
    /// Inputs at least this long have their second half read on another thread (see
    /// [`Parser::splice`]); `usize::MAX` never.
    pub split_from: usize,
}

/// A member of the top-level object, as laid out in the output.
#[derive(Debug, Clone)]
pub(crate) struct TopMember {
    pub name: String,
    /// From the opening quote of the name to the end of the value.
    pub member: Range<usize>,
    pub value: Range<usize>,
    /// Source offset of the value's first byte.
    pub value_offset: usize,
}

pub(crate) struct Parsed {
    pub out: Vec<u8>,
    pub top: Vec<TopMember>,
    pub findings: Vec<Finding>,
    /// The text could not be read to its end; `out` is incomplete.
    pub fatal: bool,
    /// What the sink was handed, if anything (see [`Parser::stream`]).
    pub streamed: Option<Streamed>,
    /// The second half read on another thread was used (see [`Parser::splice`]).
    #[cfg(test)]
    pub spliced: bool,
}

/// Receives the payload's first bytes while the document is still being read, so that
/// they can be hashed on another core: on a 10 MB bundle, hashing the payload after the
/// read was a tenth of the run. Nothing is promised until the reader's result confirms
/// it: [`Streamed`] says which bytes were handed over, and the document tells whether
/// they are indeed the payload's first bytes.
pub struct Sink<'s> {
    /// A top-level member is streamed once its canonical text is this long.
    pub from: usize,
    pub take: &'s mut dyn FnMut(Piece<'_>),
}

/// Payload bytes handed to a sink: borrowed from the reader's text (to be copied if
/// kept), or a whole text shared (the second half, read on another thread): the hash can
/// then run while the reader copies that text into its own.
pub enum Piece<'b> {
    Borrowed(&'b [u8]),
    Shared(Arc<Vec<u8>>),
}

/// What a sink received: `{`, then each member of `prefix` followed by a comma, then
/// the member starting at `start` up to `upto` (ranges of the canonical text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streamed {
    pub prefix: Vec<Range<usize>>,
    pub start: usize,
    pub upto: usize,
}

/// How far streaming has gone: not yet, one member being handed over (its index among
/// the top-level members), or never again in this document.
enum Streaming {
    Waiting,
    Member { index: usize, sent: Streamed },
    Over,
}

struct MemberRec {
    start: usize,
    key_end: usize,
    end: usize,
    name_offset: usize,
    value_offset: usize,
    /// The written name holds an escape, so bytes alone cannot order it.
    escaped: bool,
}

impl MemberRec {
    /// The name as written in `out`, between its quotes.
    fn name<'o>(&self, out: &'o [u8]) -> &'o [u8] {
        out.get(self.start + 1..self.key_end.saturating_sub(1)).unwrap_or_default()
    }

    /// Whether the member (`"name":value`) lies in `out` after its object's brace at
    /// `brace`, so that its name, value and whole text can be read there.
    fn lies_in(&self, out: &[u8], brace: usize) -> bool {
        brace < self.start && self.start + 2 <= self.key_end && self.key_end < self.end && self.end <= out.len()
    }
}

enum Frame {
    Object { start: usize, first: usize },
    Array { index: usize },
}

struct Stop;

/// The member names of the last object checked and their canonical order. Records of
/// one shape usually repeat the same names in the same order; for them the order
/// check and the sort are one comparison of names.
#[derive(Default)]
struct Shape {
    names: Vec<u8>,
    ends: Vec<usize>,
    order: Vec<usize>,
    in_order: bool,
}

impl Shape {
    fn matches(&self, out: &[u8], ms: &[MemberRec]) -> bool {
        if ms.len() != self.ends.len() || ms.len() < 2 {
            return false;
        }
        let mut from = 0;
        ms.iter().zip(&self.ends).all(|(m, &end)| {
            let same = self.names.get(from..end).is_some_and(|name| name == m.name(out));
            from = end;
            same
        })
    }

    fn remember(&mut self, out: &[u8], ms: &[MemberRec], in_order: bool, order: &[usize]) {
        self.names.clear();
        self.ends.clear();
        for m in ms {
            self.names.extend_from_slice(m.name(out));
            self.ends.push(self.names.len());
        }
        self.order.clear();
        self.order.extend_from_slice(order);
        self.in_order = in_order;
    }
}

/// Bytes that end a plain run inside a string: the quote, the backslash, C0 controls,
/// and every non-ASCII byte. UTF-8 is validated there, character by character, instead
/// of in a separate pass over the whole file: outside strings any non-ASCII byte is an
/// error anyway, and most bundles are nearly all ASCII.
#[inline]
fn is_string_stop(b: u8) -> bool {
    matches!(b, 0x00..=0x1F | b'"' | b'\\' | 0x80..=0xFF)
}

/// The finding for a state the reader never reaches unless aeb-verify has a bug: reading
/// stops there, so nothing it could not check is ever verified.
pub(crate) fn lost_place(pointer: String) -> Finding {
    Finding::new(
        &diags::SYNTAX,
        pointer,
        "the reader lost its place here, a bug in aeb-verify rather than in the bundle; the bundle cannot be \
         verified",
    )
}

/// The elements of a top-level member's array from a split point to the array's end,
/// read on another thread.
struct Tail {
    /// Where the array's closing bracket is.
    end: usize,
    out: Vec<u8>,
    count: usize,
}

/// A tail being read on another thread: where it starts, and its result when ready.
struct TailRead {
    at: usize,
    result: std::sync::mpsc::Receiver<Option<Tail>>,
}

pub(crate) fn parse(src: &[u8], opts: ParseOptions, sink: Option<Sink<'_>>) -> Parsed {
    let Some(at) = split_point(src, &opts) else { return parse_with(src, opts, sink, None) };
    std::thread::scope(|scope| {
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, result) = std::sync::mpsc::sync_channel(1);
        let stop = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
            let _ = tx.send(read_tail(src, opts, at, stop));
        });
        let tail = spawned.is_ok().then_some(TailRead { at, result });
        let parsed = parse_with(src, opts, sink, tail);
        // a tail not used stops at its next element rather than reading on; joined here
        // so that a panic in it (a bug) costs the tail, not the reading
        cancel.store(true, AtomicOrdering::Relaxed);
        if let Ok(handle) = spawned {
            let _ = handle.join();
        }
        parsed
    })
}

/// Where a second thread may start reading: just after a comma between two containers
/// (`},` then `{`), past the middle of the input. Only a guess: the tail is used only
/// if the reader, arriving there itself, is between two elements of a top-level
/// member's array, the one state the tail was read in.
fn split_point(src: &[u8], opts: &ParseOptions) -> Option<usize> {
    if src.len() < opts.split_from || opts.any_value {
        return None;
    }
    let from = src.len() / 2;
    let window = src.get(from..src.len().min(from + (1 << 20)))?;
    let is_ws = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    window.iter().enumerate().find_map(|(i, &b)| {
        let at = from + i;
        if b != b',' {
            return None;
        }
        let before = src.get(..at)?.iter().rev().find(|b| !is_ws(b));
        let after = src.get(at + 1..)?.iter().find(|b| !is_ws(b));
        (matches!(before, Some(b'}' | b']')) && matches!(after, Some(b'{' | b'['))).then_some(at + 1)
    })
}

/// Reads the elements from `at` to the end of their array as the reader would in a
/// top-level member's array: None at the first finding or error (the reader then reads
/// them itself and reports what it finds), or when cancelled.
fn read_tail(src: &[u8], opts: ParseOptions, at: usize, cancel: Arc<AtomicBool>) -> Option<Tail> {
    let mut p = Parser::new(src, opts, None);
    p.pos = at;
    p.out = Vec::with_capacity(src.len() - at);
    p.stack.push(Frame::Object { start: 0, first: 0 });
    p.stack.push(Frame::Array { index: 0 });
    p.cancel = Some(cancel);
    p.value().ok()?;
    let end = p.tail_end?;
    let count = match p.stack.last() {
        Some(Frame::Array { index }) => index + 1,
        _ => return None,
    };
    (p.findings.is_empty() && p.counts.is_empty() && p.firsts.is_empty()).then_some(Tail { end, out: p.out, count })
}

fn parse_with(src: &[u8], opts: ParseOptions, sink: Option<Sink<'_>>, tail: Option<TailRead>) -> Parsed {
    let mut p = Parser::new(src, opts, sink);
    p.tail = tail;
    p.run(src)
}

impl<'a, 's> Parser<'a, 's> {
    fn new(src: &'a [u8], opts: ParseOptions, sink: Option<Sink<'s>>) -> Self {
        Parser {
            src,
            streaming: if sink.is_some() && !opts.any_value && opts.sort && !opts.verbatim {
                Streaming::Waiting
            } else {
                Streaming::Over
            },
            sink,
            pos: 0,
            out: Vec::with_capacity(src.len()),
            // Room for a bundle's usual nesting and member counts from the start: growing
            // them from empty cost about 20 reallocations per seed-sized bundle.
            stack: Vec::with_capacity(16),
            members: Vec::with_capacity(64),
            top: Vec::with_capacity(16),
            findings: Vec::new(),
            scratch: Vec::new(),
            order: Vec::with_capacity(32),
            shape: Shape::default(),
            opts,
            counts: Vec::new(),
            firsts: Vec::new(),
            name_open: None,
            name_listed: Vec::new(),
            listed_bytes: 0,
            tail: None,
            cancel: None,
            tail_end: None,
            spliced: false,
        }
    }

    fn run(self, src: &[u8]) -> Parsed {
        let mut p = self;
        let fatal = p.document().is_err();
        let mut findings = p.findings;
        // Where each duplicate name was first seen, found in one pass over the source.
        let offsets: Vec<usize> = p.firsts.iter().map(|(_, offset, _)| *offset).collect();
        for ((i, _, name), at) in p.firsts.iter().zip(super::locate::positions(src, &offsets)) {
            if let Some(f) = findings.get_mut(*i) {
                f.found = Some(format!("a second \"{name}\" (the first is at line {}, column {})", at.line, at.column));
            }
        }
        for c in p.counts {
            if let Some((pointer, offset)) = c.first_unlisted {
                findings.push(Finding::more(c.rule, c.seen - c.listed, c.rule.severity, pointer, Some(offset)));
            }
        }
        let streamed = match p.streaming {
            Streaming::Member { sent, .. } => Some(sent),
            _ => None,
        };
        Parsed {
            out: p.out,
            top: p.top,
            findings,
            fatal,
            streamed,
            #[cfg(test)]
            spliced: p.spliced,
        }
    }
}

/// Pointer and offset of a rule's first finding not listed (past [`MAX_PER_RULE`], or
/// a second one in one member name).
type PastCap = (String, usize);

/// The findings of one rule so far: how many, how many listed, and where the first one
/// not listed was (where its "and N more" finding points).
struct RuleCount {
    rule: &'static Rule,
    seen: usize,
    listed: usize,
    first_unlisted: Option<PastCap>,
}

/// Whether a finding is listed, or only counted past [`MAX_PER_RULE`].
enum Cap {
    Listed,
    /// The first one past the cap: its place is where "and N more" points.
    First,
    Counted,
}

struct Parser<'a, 's> {
    src: &'a [u8],
    pos: usize,
    out: Vec<u8>,
    sink: Option<Sink<'s>>,
    streaming: Streaming,
    stack: Vec<Frame>,
    members: Vec<MemberRec>,
    top: Vec<TopMember>,
    findings: Vec<Finding>,
    scratch: Vec<u8>,
    order: Vec<usize>,
    shape: Shape,
    opts: ParseOptions,
    /// Findings per rule so far, and where the first one past the cap was. A rule
    /// that fires a million times costs a counter, not a million pointers.
    counts: Vec<RuleCount>,
    /// Duplicate-name findings (index, offset of the first occurrence, name): their
    /// `found` says where the first one is, once all are known.
    firsts: Vec<(usize, usize, String)>,
    /// Source offset of the opening quote of the member name being read: a defect in
    /// it is reported at the pointer of that member, not of the one before it.
    name_open: Option<usize>,
    /// Rules with a finding listed in the member name being read: one is listed per
    /// rule and name, the others counted. Each carries the whole name in its pointer,
    /// so a long name of many defects would otherwise cost its length 100 times over.
    name_listed: Vec<&'static Rule>,
    /// The second half, being read on another thread (the reader of the whole input).
    tail: Option<TailRead>,
    /// Set when the tail is no longer wanted (the reader of a tail).
    cancel: Option<Arc<AtomicBool>>,
    /// Where the tail's array closes, once reached (the reader of a tail).
    tail_end: Option<usize>,
    spliced: bool,
    /// Text carried by the findings listed so far ([`crate::finding::MAX_LISTED_BYTES`]):
    /// a pointer repeats every name on its path, so a 4 MB member name over 100 defects
    /// listed 400 MB of pointers. Past the budget, findings are counted, not listed.
    listed_bytes: usize,
}

fn describe(b: Option<u8>) -> String {
    match b {
        None => "the end of the input".to_owned(),
        Some(b) if b.is_ascii_graphic() => format!("'{}'", b as char),
        Some(b' ') => "a space".to_owned(),
        Some(b) => format!("byte 0x{b:02X}"),
    }
}

/// The byte order mark of another Unicode encoding at the start of `src`, as written and
/// named; the longer UTF-32 LE mark first, as it begins with UTF-16 LE's.
fn foreign_bom(src: &[u8]) -> Option<(&'static str, &'static str)> {
    match src {
        [0x00, 0x00, 0xFE, 0xFF, ..] => Some(("00 00 FE FF", "UTF-32")),
        [0xFF, 0xFE, 0x00, 0x00, ..] => Some(("FF FE 00 00", "UTF-32")),
        [0xFF, 0xFE, ..] => Some(("FF FE", "UTF-16")),
        [0xFE, 0xFF, ..] => Some(("FE FF", "UTF-16")),
        _ => None,
    }
}

/// A number literal as a finding quotes it: whole up to 64 characters, else its first 40
/// and last 16 around "…", with its length. Quoted whole (precision warnings put it in
/// the message and in `expected`), a 2 MB literal made a 4 MB report; the head and the
/// tail keep the digits that differ and the exponent, and the position leads to the rest.
fn shown_literal(literal: &str) -> String {
    const WHOLE: usize = 64;
    let n = literal.len();
    match (literal.get(..40), literal.get(n.saturating_sub(16)..)) {
        (Some(head), Some(tail)) if n > WHOLE => format!("{head}…{tail} ({n} characters)"),
        _ => literal.to_owned(),
    }
}

impl Parser<'_, '_> {
    fn document(&mut self) -> Result<(), Stop> {
        // Bytes that are not UTF-8 are that defect, not "something that is not JSON": a
        // UTF-16 file (what Windows PowerShell 5 redirects to) starts FF FE, a UTF-32 one
        // 00 00 FE FF (whose NULs are UTF-8, its BOM not) or FF FE 00 00.
        if let Some((bom, encoding)) = foreign_bom(self.src) {
            let f = Finding::new(
                &diags::INVALID_UTF8,
                "",
                format!("the file starts with {bom}, the byte order mark of {encoding}; a bundle is UTF-8"),
            )
            .at(0);
            self.findings.push(f);
            return Err(Stop);
        }
        self.skip_ws();
        match self.peek() {
            Some(b'{') => {}
            Some(_) if self.opts.any_value => {}
            None => return Err(self.syntax("an empty document; a bundle is one JSON object")),
            Some(0x80..=0xFF) if self.utf8_char().is_none() => return Err(self.invalid_utf8(self.pos)),
            Some(b) => {
                let what = match b {
                    b'[' => "an array",
                    b'"' => "a string",
                    b't' | b'f' => "a boolean",
                    b'n' => "null",
                    b'-' | b'0'..=b'9' => "a number",
                    _ => "something that is not JSON",
                };
                let f = Finding::new(&diags::NOT_OBJECT, "", format!("the top level is {what}, not an object"))
                    .at(self.pos)
                    .expected("an object")
                    .found(what);
                self.findings.push(f);
                return Err(Stop);
            }
        }
        self.value()?;
        self.skip_ws();
        if self.pos < self.src.len() {
            let f = Finding::new(
                &diags::TRAILING_DATA,
                "",
                format!(
                    "{} more byte(s) after the end of the top-level object, starting with {}",
                    self.src.len() - self.pos,
                    describe(self.peek())
                ),
            )
            .at(self.pos);
            self.findings.push(f);
            return Err(Stop);
        }
        Ok(())
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Pretty-printed bundles are mostly indentation: runs of spaces are skipped eight
    /// bytes at a time.
    #[inline]
    fn skip_ws(&mut self) {
        loop {
            match self.src.get(self.pos) {
                Some(b' ') => match word(self.src, self.pos) {
                    Some(x) => {
                        let other = x ^ (ONES * u64::from(b' '));
                        self.pos += if other == 0 { 8 } else { (other.trailing_zeros() / 8) as usize };
                    }
                    None => self.pos += 1,
                },
                Some(b'\n' | b'\r' | b'\t') => self.pos += 1,
                _ => return,
            }
        }
    }

    /// JSON pointer of the value being read.
    fn path(&self) -> String {
        self.path_upto(self.members.len())
    }

    /// The pointer as seen with only the first `members_len` member records: an
    /// object being closed still has its records above that mark.
    fn path_upto(&self, members_len: usize) -> String {
        let mut p = String::new();
        let last = self.stack.len().saturating_sub(1);
        for (i, frame) in self.stack.iter().enumerate() {
            match frame {
                // Its member has no record yet: the name is still being read.
                Frame::Object { .. } if i == last && self.name_open.is_some() => {
                    p = child(&p, &self.name_being_read());
                }
                Frame::Object { first, .. } => {
                    // The frame's current member is the last one pushed at its level;
                    // deeper objects have truncated theirs already or sit above it.
                    if let Some(m) = self.current_member(*first, members_len) {
                        p = child(&p, &self.member_name(m));
                    }
                }
                Frame::Array { index } => p = child(&p, &index.to_string()),
            }
        }
        p
    }

    fn current_member(&self, first: usize, members_len: usize) -> Option<&MemberRec> {
        // Members of this frame start at `first`; members of open child objects follow
        // the current one, so the current member is the last whose start precedes
        // every deeper frame's start. Walk back from the end.
        let deeper_start = self
            .stack
            .iter()
            .filter_map(|f| match f {
                Frame::Object { first: fi, .. } if *fi > first => Some(*fi),
                _ => None,
            })
            .min()
            .unwrap_or(members_len);
        if deeper_start > first {
            self.members.get(deeper_start - 1)
        } else {
            None
        }
    }

    /// The member name being read, decoded from the source to its closing quote (or
    /// the end of the input) as the canonical form decodes it: escapes undone, a lone
    /// surrogate as U+FFFD (as in the pointers of everything inside the member), a
    /// byte that is not UTF-8 as U+FFFD, a raw control character as itself.
    /// Called only for a finding, and then at most once per finding listed.
    fn name_being_read(&self) -> String {
        let mut name = String::new();
        let Some(open) = self.name_open else { return name };
        let mut i = open + 1;
        while let Some(&b) = self.src.get(i) {
            match b {
                b'"' => break,
                b'\\' => {
                    let (c, used) = match self.src.get(i + 1) {
                        Some(b'"') => ('"', 2),
                        Some(b'\\') => ('\\', 2),
                        Some(b'/') => ('/', 2),
                        Some(b'b') => ('\u{8}', 2),
                        Some(b'f') => ('\u{c}', 2),
                        Some(b'n') => ('\n', 2),
                        Some(b'r') => ('\r', 2),
                        Some(b't') => ('\t', 2),
                        Some(b'u') => match self.hex4(i + 2) {
                            Some(hi @ 0xD800..=0xDBFF) => {
                                let lo =
                                    if self.src.get(i + 6..i + 8) == Some(b"\\u") { self.hex4(i + 8) } else { None };
                                match lo {
                                    Some(lo @ 0xDC00..=0xDFFF) => {
                                        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                        (char::from_u32(cp).unwrap_or('\u{FFFD}'), 12)
                                    }
                                    _ => ('\u{FFFD}', 6),
                                }
                            }
                            Some(u) => (char::from_u32(u).unwrap_or('\u{FFFD}'), 6),
                            None => ('\\', 1),
                        },
                        _ => ('\\', 1),
                    };
                    name.push(c);
                    i += used;
                }
                0x80..=0xFF => {
                    let len = match b {
                        0xC2..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xF4 => 4,
                        _ => 1,
                    };
                    match self.src.get(i..i + len).and_then(|seq| std::str::from_utf8(seq).ok()) {
                        Some(c) => {
                            name.push_str(c);
                            i += len;
                        }
                        None => {
                            name.push('\u{FFFD}');
                            i += 1;
                        }
                    }
                }
                b => {
                    name.push(char::from(b));
                    i += 1;
                }
            }
        }
        name
    }

    /// The subject of a message about a character: the name being read, or a string.
    fn holder(&self) -> &'static str {
        if self.name_open.is_some() {
            "the member name"
        } else {
            "the string"
        }
    }

    fn member_name(&self, m: &MemberRec) -> String {
        let raw = m.name(&self.out);
        if m.escaped {
            String::from_utf8_lossy(&unescape_canonical(raw)).into_owned()
        } else {
            String::from_utf8_lossy(raw).into_owned()
        }
    }

    fn syntax(&mut self, message: impl Into<String>) -> Stop {
        let f = Finding::new(&diags::SYNTAX, self.path(), message).at(self.pos);
        self.findings.push(f);
        Stop
    }

    /// Stops at a state the reader never reaches (see [`lost_place`]).
    fn lost(&mut self) -> Stop {
        let f = lost_place(self.path()).at(self.pos);
        self.findings.push(f);
        Stop
    }

    fn expected(&mut self, what: &str) -> Stop {
        let pointer = self.path();
        self.expected_at(what, pointer)
    }

    /// [`Self::expected`] with the pointer given: a member whose name is missing has no
    /// pointer of its own, and the member before it is not where the defect is.
    fn expected_at(&mut self, what: &str, pointer: String) -> Stop {
        let found = match self.peek() {
            Some(0x80..) => match self.utf8_char() {
                // A character beyond ASCII is shown, not its first byte.
                Some(c) => format!("'{c}' (U+{:04X})", u32::from(c)),
                None => return self.invalid_utf8(self.pos),
            },
            b => describe(b),
        };
        let f = Finding::new(&diags::SYNTAX, pointer, format!("expected {what}, found {found}"))
            .at(self.pos)
            .expected(what)
            .found(found);
        self.findings.push(f);
        Stop
    }

    fn note(&mut self, rule: &'static Rule, offset: usize, message: String) {
        let in_name = self.name_open.is_some();
        let listable = !(in_name && self.name_listed.iter().any(|r| std::ptr::eq(*r, rule)));
        match self.cap_listable(rule, listable) {
            Cap::Listed => {
                if in_name {
                    self.name_listed.push(rule);
                }
                let f = Finding::new(rule, self.path(), message).at(offset);
                self.list(f);
            }
            Cap::First => {
                let pointer = self.path();
                self.first_past_cap(rule, pointer, offset);
            }
            Cap::Counted => {}
        }
    }

    /// Counts a finding of `rule`; a handful of rules ever fire, so a list will do.
    fn cap(&mut self, rule: &'static Rule) -> Cap {
        self.cap_listable(rule, true)
    }

    /// Counts a finding of `rule`, listed when `listable` and the rule is under its cap;
    /// the first one not listed is where the rule's "and N more" finding points.
    fn cap_listable(&mut self, rule: &'static Rule, listable: bool) -> Cap {
        let i = match self.counts.iter().position(|c| std::ptr::eq(c.rule, rule)) {
            Some(i) => i,
            None => {
                self.counts.push(RuleCount { rule, seen: 0, listed: 0, first_unlisted: None });
                self.counts.len() - 1
            }
        };
        let within_budget = self.listed_bytes < crate::finding::MAX_LISTED_BYTES;
        // Past the budget a rule's first finding is still listed when its pointer is
        // short (the path is built for it once per rule at most), as the checks' are
        // ([`crate::finding::Outcome::push`]): long findings met first cannot hide it.
        let first_short = !within_budget
            && listable
            && self.counts.get(i).is_some_and(|c| c.listed == 0 && c.first_unlisted.is_none())
            && self.path().len() <= crate::finding::MAX_FIRST_BYTES / 2;
        let Some(entry) = self.counts.get_mut(i) else { return Cap::Listed };
        entry.seen += 1;
        if listable && entry.listed < MAX_PER_RULE && (within_budget || first_short) {
            entry.listed += 1;
            Cap::Listed
        } else if entry.first_unlisted.is_none() {
            Cap::First
        } else {
            Cap::Counted
        }
    }

    /// Records where the first finding of `rule` not listed is; called for [`Cap::First`].
    fn first_past_cap(&mut self, rule: &'static Rule, pointer: String, offset: usize) {
        if let Some(entry) = self.counts.iter_mut().find(|c| std::ptr::eq(c.rule, rule)) {
            entry.first_unlisted = Some((crate::finding::ancestor_within(pointer), offset));
        }
    }

    /// Lists a finding the cap let through, counting the text it carries.
    fn list(&mut self, f: Finding) {
        self.listed_bytes += f.text_bytes();
        self.findings.push(f);
    }

    fn value(&mut self) -> Result<(), Stop> {
        'value: loop {
            self.skip_ws();
            match self.peek() {
                Some(b'{') => {
                    self.open()?;
                    self.pos += 1;
                    self.out.push(b'{');
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        self.out.push(b'}');
                        if self.stack.is_empty() {
                            return Ok(());
                        }
                    } else {
                        self.stack.push(Frame::Object { start: self.out.len() - 1, first: self.members.len() });
                        self.member_name_and_colon()?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.open()?;
                    self.pos += 1;
                    self.out.push(b'[');
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        self.out.push(b']');
                    } else {
                        self.stack.push(Frame::Array { index: 0 });
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                _ => return Err(self.expected("a value")),
            }
            // A value is complete: close every container it completes.
            loop {
                self.skip_ws();
                match self.stack.last_mut() {
                    None => return Ok(()),
                    Some(Frame::Object { .. }) => {
                        let end = self.out.len();
                        if let Some(m) = self.members.last_mut() {
                            m.end = end;
                        }
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                self.out.push(b',');
                                self.skip_ws();
                                self.member_name_and_colon()?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                self.close_object()?;
                            }
                            _ => return Err(self.expected("',' or '}' after an object member")),
                        }
                    }
                    Some(Frame::Array { index }) => match self.src.get(self.pos) {
                        Some(b',') => {
                            *index += 1;
                            self.pos += 1;
                            if self.stack.len() == 2 {
                                if let Some(cancel) = &self.cancel {
                                    // a tail is worth nothing once it has a finding
                                    let found = !self.findings.is_empty() || !self.counts.is_empty();
                                    if found || cancel.load(AtomicOrdering::Relaxed) {
                                        return Err(Stop);
                                    }
                                }
                                if !matches!(self.streaming, Streaming::Over) {
                                    self.stream();
                                }
                                if self.tail.as_ref().is_some_and(|t| t.at == self.pos) {
                                    self.out.push(b',');
                                    if self.splice() {
                                        continue;
                                    }
                                    continue 'value;
                                }
                            }
                            self.out.push(b',');
                            continue 'value;
                        }
                        Some(b']') if self.cancel.is_some() && self.stack.len() == 2 => {
                            self.tail_end = Some(self.pos);
                            return Ok(());
                        }
                        Some(b']') => {
                            self.pos += 1;
                            self.out.push(b']');
                            self.stack.pop();
                        }
                        _ => return Err(self.expected("',' or ']' after an array element")),
                    },
                }
            }
        }
    }

    /// Hands the sink the payload's bytes as they become final. Called when an element
    /// of an array that is a top-level member's value is complete: no object is open
    /// below the top level then, so nothing written so far will be rewritten (only
    /// closing an object reorders, and only its own members). The top-level members are
    /// sorted only at the end; the member being read is streamed on the bet that no
    /// member to come sorts before it, which the document checks once read (a bundle's
    /// large member is its records, usually last). The bet is made only when every name
    /// so far is written without escapes and none repeats, so bytes order them.
    fn stream(&mut self) {
        let len = self.out.len();
        let in_array = self.in_top_member_array();
        let Some(sink) = self.sink.as_mut() else { return };
        let last = self.members.len().wrapping_sub(1);
        match &mut self.streaming {
            Streaming::Over => {}
            Streaming::Member { index, sent } => {
                if *index == last && len.saturating_sub(sent.upto) >= STREAM_CHUNK {
                    if let Some(bytes) = self.out.get(sent.upto..len) {
                        (sink.take)(Piece::Borrowed(bytes));
                        sent.upto = len;
                    }
                }
            }
            Streaming::Waiting => {
                let Some(x) = self.members.last() else { return };
                if len.saturating_sub(x.start) < sink.from || !in_array {
                    return;
                }
                self.streaming = Streaming::Over;
                let out = &self.out;
                let name = x.name(out);
                if self.members.iter().any(|m| m.escaped) || name == SIGNATURES.as_bytes() {
                    return;
                }
                let mut before: Vec<&MemberRec> = self.members.iter().take(last).collect();
                before.sort_unstable_by(|a, b| cmp_utf16(a.name(out), b.name(out)));
                if before.windows(2).any(|w| matches!(w, [a, b] if a.name(out) == b.name(out)))
                    || before.iter().any(|m| m.name(out) == name)
                {
                    return;
                }
                let prefix: Vec<Range<usize>> = before
                    .iter()
                    .filter(|m| cmp_utf16(m.name(out), name) == Ordering::Less && m.name(out) != SIGNATURES.as_bytes())
                    .map(|m| m.start..m.end)
                    .collect();
                let texts: Option<Vec<&[u8]>> = prefix.iter().map(|r| out.get(r.clone())).collect();
                let (Some(texts), Some(own)) = (texts, out.get(x.start..len)) else { return };
                (sink.take)(Piece::Borrowed(b"{"));
                for text in texts {
                    (sink.take)(Piece::Borrowed(text));
                    (sink.take)(Piece::Borrowed(b","));
                }
                (sink.take)(Piece::Borrowed(own));
                self.streaming =
                    Streaming::Member { index: last, sent: Streamed { prefix, start: x.start, upto: len } };
            }
        }
    }

    /// Whether the reader is in the array that is a top-level member's value, with no
    /// container open below it: the one state in which text written so far is final
    /// (`stream`) and in which a tail was read (`splice`).
    fn in_top_member_array(&self) -> bool {
        matches!(self.stack.as_slice(), [Frame::Object { first: 0, .. }, Frame::Array { .. }])
    }

    /// Takes the tail read on another thread, if it was read: the reader is where the
    /// tail began, between two elements of a top-level member's array, with nothing
    /// open below it. What the tail wrote is what this reader would write from here,
    /// and it found nothing this reader would have to report (else there is no tail),
    /// so its text is appended and reading goes on at the array's closing bracket.
    fn splice(&mut self) -> bool {
        let Some(tail) = self.tail.take() else { return false };
        if !self.in_top_member_array() {
            return false;
        }
        let Ok(Some(read)) = tail.result.recv() else { return false };
        let text = Arc::new(read.out);
        // The member's text so far and the tail's go to the sink before the tail is
        // copied here, so that they are hashed meanwhile.
        let len = self.out.len();
        let last = self.members.len().wrapping_sub(1);
        let mut shared = false;
        if let (Streaming::Member { index, sent }, Some(sink)) = (&mut self.streaming, self.sink.as_mut()) {
            if let Some(rest) = self.out.get(sent.upto..len).filter(|_| *index == last) {
                (sink.take)(Piece::Borrowed(rest));
                (sink.take)(Piece::Shared(Arc::clone(&text)));
                sent.upto = len + text.len();
                shared = true;
            }
        }
        self.out.extend_from_slice(&text);
        self.pos = read.end;
        if let Some(Frame::Array { index }) = self.stack.last_mut() {
            *index += read.count.saturating_sub(1);
        }
        if !shared && !matches!(self.streaming, Streaming::Over) {
            self.stream();
        }
        self.spliced = true;
        true
    }

    fn open(&mut self) -> Result<(), Stop> {
        if self.stack.len() + 1 > self.opts.max_depth {
            let f = Finding::new(
                &diags::TOO_DEEP,
                self.path(),
                format!("nesting deeper than {} levels", self.opts.max_depth),
            )
            .at(self.pos)
            .expected(format!("at most {} levels", self.opts.max_depth));
            self.findings.push(f);
            return Err(Stop);
        }
        Ok(())
    }

    fn member_name_and_colon(&mut self) -> Result<(), Stop> {
        if self.peek() != Some(b'"') {
            // The defect is in the object: the pointer is the object's own.
            let first = match self.stack.last() {
                Some(Frame::Object { first, .. }) => *first,
                _ => self.members.len(),
            };
            let pointer = self.path_upto(first);
            return Err(self.expected_at("a member name in double quotes", pointer));
        }
        let start = self.out.len();
        let name_offset = self.pos;
        self.name_open = Some(name_offset);
        self.name_listed.clear();
        let read = self.string();
        self.name_open = None;
        let escaped = read?;
        let key_end = self.out.len();
        // The member is on record once its name is read: a missing colon or value is a
        // defect of this member, and its pointer names it, not the member before it.
        self.members.push(MemberRec { start, key_end, end: key_end, name_offset, value_offset: self.pos, escaped });
        // Pretty-printed bundles write `": "`; take that in one step.
        if self.src.get(self.pos..self.pos + 2) == Some(b": ") {
            self.pos += 2;
        } else {
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.expected("':' after a member name"));
            }
            self.pos += 1;
        }
        self.out.push(b':');
        self.skip_ws();
        let value_offset = self.pos;
        if let Some(m) = self.members.last_mut() {
            m.value_offset = value_offset;
        }
        Ok(())
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<(), Stop> {
        if self.src.get(self.pos..).is_some_and(|rest| rest.starts_with(word)) {
            self.out.extend_from_slice(word);
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.expected("a value (true, false, null, a number, a string, an object or an array)"))
        }
    }

    /// Reads a string, writing its canonical form. Returns whether the written form
    /// holds an escape.
    #[inline]
    fn string(&mut self) -> Result<bool, Stop> {
        // Most strings are plain text: copy them, quotes included, in one piece.
        let open = self.pos;
        let end = plain_run(self.src, open + 1);
        if let Some(quoted @ [.., b'"']) = self.src.get(open..=end) {
            self.out.extend_from_slice(quoted);
            self.pos = end + 1;
            return Ok(false);
        }
        if self.opts.verbatim {
            let (open, written) = (self.pos, self.out.len());
            let escaped = self.canonical_string()?;
            let Some(as_written) = self.src.get(open..self.pos) else { return Err(self.lost()) };
            self.out.truncate(written);
            self.out.extend_from_slice(as_written);
            return Ok(escaped);
        }
        self.canonical_string()
    }

    /// Strings with escapes, non-ASCII text or defects (the plain case is in `string`).
    #[inline(never)]
    fn canonical_string(&mut self) -> Result<bool, Stop> {
        let open = self.pos;
        self.pos += 1;
        self.out.push(b'"');
        let mut escaped = false;
        loop {
            let run = self.pos;
            self.pos = plain_run(self.src, self.pos);
            let Some(plain) = self.src.get(run..self.pos) else { return Err(self.lost()) };
            self.out.extend_from_slice(plain);
            let Some(b) = self.peek() else {
                self.pos = open;
                return Err(self.syntax("unterminated string: no closing '\"'"));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    self.out.push(b'"');
                    return Ok(escaped);
                }
                b'\\' => escaped |= self.escape()?,
                0x80..=0xFF => {
                    let at = self.pos;
                    let Some(c) = self.utf8_char() else {
                        return Err(self.invalid_utf8(at));
                    };
                    self.check_nonchar(c as u32, at);
                    // Valid UTF-8 has one encoding per char: these are the source's bytes.
                    self.out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    self.pos = at + c.len_utf8();
                }
                c => {
                    let message = if self.name_open.is_some() {
                        format!("the member name holds the raw control character U+{c:04X}; JSON requires it escaped (\\u{c:04x})")
                    } else {
                        format!("raw control character U+{c:04X} in a string; JSON requires it escaped (\\u{c:04x})")
                    };
                    return Err(self.syntax(message));
                }
            }
        }
    }

    /// The UTF-8 character at the current position, if the bytes there are one.
    fn utf8_char(&self) -> Option<char> {
        let len = match self.peek()? {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        let seq = self.src.get(self.pos..self.pos + len)?;
        std::str::from_utf8(seq).ok()?.chars().next()
    }

    fn invalid_utf8(&mut self, at: usize) -> Stop {
        let bad = self.src.get(at).copied().unwrap_or(0);
        let f = Finding::new(
            &diags::INVALID_UTF8,
            self.path(),
            match self.name_open {
                Some(_) => format!("the member name holds byte 0x{bad:02X} at offset {at}, which is not valid UTF-8"),
                None => format!("byte 0x{bad:02X} at offset {at} is not valid UTF-8"),
            },
        )
        .at(at);
        self.findings.push(f);
        Stop
    }

    fn check_nonchar(&mut self, cp: u32, offset: usize) {
        if (0xFDD0..=0xFDEF).contains(&cp) || (cp & 0xFFFE) == 0xFFFE {
            let message = format!("{} holds the noncharacter U+{cp:04X}", self.holder());
            self.note(&diags::NONCHARACTER, offset, message);
        }
    }

    /// "\ud800 is a high surrogate ...", or in a name "the member name holds \ud800, a ...".
    fn surrogate_message(&self, unit: u32, what: &str) -> String {
        match self.name_open {
            Some(_) => format!("the member name holds \\u{unit:04x}, {what}"),
            None => format!("\\u{unit:04x} is {what}"),
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.src.get(at..at + 4)?;
        let mut v = 0u32;
        for d in digits {
            v = v * 16 + char::from(*d).to_digit(16)?;
        }
        Some(v)
    }

    /// Reads one escape at `self.pos` and writes its canonical form; returns whether
    /// that form is itself an escape.
    fn escape(&mut self) -> Result<bool, Stop> {
        let at = self.pos;
        let c = match self.src.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let Some(unit) = self.hex4(at + 2) else {
                    self.pos = at;
                    return Err(self.syntax("\\u must be followed by four hexadecimal digits"));
                };
                let mut used = 6;
                let cp = match unit {
                    0xD800..=0xDBFF => {
                        let low = if self.src.get(at + 6..at + 8) == Some(b"\\u") { self.hex4(at + 8) } else { None };
                        match low {
                            Some(lo @ 0xDC00..=0xDFFF) => {
                                used = 12;
                                0x10000 + ((unit - 0xD800) << 10) + (lo - 0xDC00)
                            }
                            _ => {
                                let message =
                                    self.surrogate_message(unit, "a high surrogate with no low surrogate after it");
                                self.note(&diags::LONE_SURROGATE, at, message);
                                0xFFFD
                            }
                        }
                    }
                    0xDC00..=0xDFFF => {
                        let message = self.surrogate_message(unit, "a low surrogate with no high surrogate before it");
                        self.note(&diags::LONE_SURROGATE, at, message);
                        0xFFFD
                    }
                    u => u,
                };
                self.check_nonchar(cp, at);
                self.pos = at + used;
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                push_escaped_char(&mut self.out, c);
                return Ok(needs_escape(c));
            }
            other => {
                self.pos = at;
                return Err(self.syntax(format!("invalid escape: '\\' followed by {}", describe(other.copied()))));
            }
        };
        self.pos = at + 2;
        push_escaped_char(&mut self.out, c);
        Ok(needs_escape(c))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), Stop> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    self.pos = int_start;
                    return Err(self.syntax("a number may not have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.expected("a digit")),
        }
        let int = int_start..self.pos;
        let mut frac = self.pos..self.pos;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let fs = self.pos;
            if self.digits() == 0 {
                return Err(self.expected("a digit after the decimal point"));
            }
            frac = fs..self.pos;
        }
        let mut has_exp = false;
        if let Some(b'e' | b'E') = self.peek() {
            has_exp = true;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.expected("a digit in the exponent"));
            }
        }
        let Some(text) = self.src.get(start..self.pos) else { return Err(self.lost()) };
        if self.opts.verbatim {
            self.out.extend_from_slice(text);
            return Ok(());
        }
        if !has_exp && frac.is_empty() && int.len() <= 15 {
            // A plain integer below 10^15 is its own ECMAScript form (but for -0).
            if text == b"-0" {
                self.out.push(b'0');
            } else {
                self.out.extend_from_slice(text);
            }
            return Ok(());
        }
        if !has_exp && self.short_form(negative, int.clone(), frac.clone()) {
            return Ok(());
        }
        // Slow path: the literal is ASCII by construction.
        let literal = std::str::from_utf8(text).unwrap_or("0");
        let v = parse_double(literal);
        if !v.is_finite() {
            self.note(
                &diags::NUMBER_RANGE,
                start,
                format!("{} is beyond the largest double (about 1.8e308)", shown_literal(literal)),
            );
            self.out.push(b'0');
            return Ok(());
        }
        if v == 0.0 && text.iter().any(|b| matches!(b, b'1'..=b'9')) && !self.exponent_only_digits(text) {
            self.note(
                &diags::NUMBER_RANGE,
                start,
                format!(
                    "{} is a non-zero number smaller than the smallest double; it would become 0",
                    shown_literal(literal)
                ),
            );
            self.out.push(b'0');
            return Ok(());
        }
        let mut canon = Vec::new();
        push_number(&mut canon, v);
        // Only a literal with more than 15 significant digits, or a subnormal one, can
        // name another value than its double's shortest form; the exact comparison runs
        // on those alone, so ordinary numbers keep the fast path.
        let maybe_changed = significant_digits(text) > 15 || v.abs() < f64::MIN_POSITIVE;
        if maybe_changed && decimal_value(text) != decimal_value(&canon) {
            match self.cap(&diags::INTEGER_PRECISION) {
                Cap::Listed => {}
                Cap::First => {
                    let pointer = self.path();
                    self.first_past_cap(&diags::INTEGER_PRECISION, pointer, start);
                    push_number(&mut self.out, v);
                    return Ok(());
                }
                Cap::Counted => {
                    push_number(&mut self.out, v);
                    return Ok(());
                }
            }
            let signed = String::from_utf8_lossy(&canon).into_owned();
            let literal = shown_literal(literal);
            let f = Finding::new(
                &diags::INTEGER_PRECISION,
                self.path(),
                format!(
                    "{literal} is signed as {signed}: RFC 8785 writes the nearest double, whose value differs \
                     from the written one"
                ),
            )
            .at(start)
            .expected(literal)
            .found(signed);
            self.list(f);
        }
        self.out.extend_from_slice(&canon);
        Ok(())
    }

    /// True when every non-zero digit of the literal is in its exponent (`0e5`).
    fn exponent_only_digits(&self, text: &[u8]) -> bool {
        !text.iter().take_while(|b| !matches!(b, b'e' | b'E')).any(|b| matches!(b, b'1'..=b'9'))
    }

    /// Writes numbers whose ECMAScript form can be read off the literal: at most 15
    /// significant digits (so the double round-trips to the same digits) and no
    /// exponent form in the output (value 0 or between 1e-6 and 1e21).
    fn short_form(&mut self, negative: bool, int: Range<usize>, frac: Range<usize>) -> bool {
        let src = self.src;
        // Both ranges are the literal's; were one not, the slow path would read it whole.
        let (Some(int_digits), Some(mut frac_digits)) = (src.get(int), src.get(frac)) else {
            return false;
        };
        while let [rest @ .., b'0'] = frac_digits {
            frac_digits = rest;
        }
        let int_is_zero = int_digits == b"0";
        let significant = if int_is_zero {
            let lead = frac_digits.iter().take_while(|&&b| b == b'0').count();
            if lead > 5 && !frac_digits.is_empty() {
                return false;
            }
            frac_digits.len() - lead
        } else {
            int_digits.len() + frac_digits.len()
        };
        if significant > 15 {
            return false;
        }
        if int_is_zero && frac_digits.is_empty() {
            self.out.push(b'0');
            return true;
        }
        if negative {
            self.out.push(b'-');
        }
        self.out.extend_from_slice(int_digits);
        if !frac_digits.is_empty() {
            self.out.push(b'.');
            self.out.extend_from_slice(frac_digits);
        }
        true
    }

    fn close_object(&mut self) -> Result<(), Stop> {
        let Some(Frame::Object { start, first }) = self.stack.pop() else {
            return Ok(());
        };
        let top_level = self.stack.is_empty() && !self.opts.any_value;
        let out = &self.out;
        // Checked once here, so that no read of a name or a member below can fail.
        let Some(ms) = self.members.get(first..).filter(|ms| ms.iter().all(|m| m.lies_in(out, start))) else {
            return Err(self.lost());
        };
        let key = |m: &MemberRec| m.name(out);
        let cmp = |a: &MemberRec, b: &MemberRec| {
            if a.escaped || b.escaped {
                cmp_utf16(&unescape_canonical(key(a)), &unescape_canonical(key(b)))
            } else {
                cmp_utf16(key(a), key(b))
            }
        };
        // `order` holds indices of `ms`; were one not, it would count as a duplicate name.
        let cmp_at = |a: usize, b: usize| ms.get(a).zip(ms.get(b)).map_or(Ordering::Equal, |(a, b)| cmp(a, b));
        let mut order = std::mem::take(&mut self.order);
        order.clear();
        let mut in_order = true;
        let mut duplicates = false;
        if self.opts.verbatim {
            // Names are held as written here, and no comparison of written names is an
            // order: `"\u00e9"` is six bytes beside `"]"` but 'é' beside `"]\n"`, whose
            // escape makes `cmp` decode both. Sorting by a comparison that is no total
            // order panics (a 330-byte bundle with a wrong hash stopped the run, and a
            // whole batch, with exit 101). The strict read found any repeated name.
            // Sorted (the diagnosis's stand-in for Python's `sort_keys=True`), names
            // are compared decoded, in code point order as Python compares them, with
            // the written bytes as a tie-break: one key per member, so a total order.
            if self.opts.sort {
                let keys: Vec<(Option<String>, &[u8])> = ms
                    .iter()
                    .map(|m| {
                        let quoted = out.get(m.start..m.key_end).unwrap_or_default();
                        (serde_json::from_slice::<String>(quoted).ok(), quoted)
                    })
                    .collect();
                in_order = keys.iter().zip(keys.iter().skip(1)).all(|(a, b)| a <= b);
                if !in_order {
                    order.extend(0..ms.len());
                    order.sort_by(|&a, &b| keys.get(a).cmp(&keys.get(b)));
                }
            }
        } else if self.shape.matches(out, ms) {
            // Same names in the same order as the last object that was checked: its
            // verdict holds (sorted or not, never duplicates).
            in_order = self.shape.in_order;
            if !in_order {
                order.extend_from_slice(&self.shape.order);
            }
        } else {
            for (a, b) in ms.iter().zip(ms.iter().skip(1)) {
                match cmp(a, b) {
                    Ordering::Less => {}
                    Ordering::Equal => duplicates = true,
                    Ordering::Greater => in_order = false,
                }
            }
            if !in_order {
                order.extend(0..ms.len());
                order.sort_by(|&a, &b| cmp_at(a, b));
                duplicates = order.iter().zip(order.iter().skip(1)).any(|(&a, &b)| cmp_at(a, b) == Ordering::Equal);
            }
            if !duplicates && ms.len() > 1 {
                self.shape.remember(out, ms, in_order, &order);
            }
        }
        if duplicates {
            // The parent's pointer is built for a finding that shows it (listed, or where
            // "and N more" points) and only then: it costs a member lookup per level, and
            // a million counted duplicates 120 objects deep paid it a million times.
            let mut parent: Option<String> = None;
            let mut found = Vec::new();
            if order.is_empty() {
                order.extend(0..ms.len());
            }
            for (&i, &j) in order.iter().zip(order.iter().skip(1)) {
                let (Some(a), Some(b)) = (ms.get(i), ms.get(j)) else { return Err(self.lost()) };
                if cmp(a, b) == Ordering::Equal {
                    let (first_seen, again) = if a.name_offset < b.name_offset { (a, b) } else { (b, a) };
                    found.push((self.member_name(again), again.name_offset, first_seen.name_offset));
                }
            }
            for (name, offset, earlier) in found {
                let cap = self.cap(&diags::DUPLICATE_NAME);
                if matches!(cap, Cap::Counted) {
                    continue;
                }
                let pointer = child(parent.get_or_insert_with(|| self.path_upto(first)), &name);
                if matches!(cap, Cap::First) {
                    self.first_past_cap(&diags::DUPLICATE_NAME, pointer, offset);
                    continue;
                }
                let f = Finding::new(
                    &diags::DUPLICATE_NAME,
                    pointer,
                    format!("member name \"{name}\" appears again; readers disagree on which value wins"),
                )
                .at(offset);
                self.firsts.push((self.findings.len(), earlier, name));
                self.list(f);
            }
        }
        let Some(ms) = self.members.get(first..) else { return Err(self.lost()) };
        if top_level {
            // The top level is not rewritten here: the reader copies its members once,
            // in order and without `signatures`, into the payload.
            if order.is_empty() || !self.opts.sort {
                order.clear();
                order.extend(0..ms.len());
            }
            for &i in &order {
                let Some(m) = ms.get(i) else { return Err(self.lost()) };
                let name = self.member_name(m);
                self.top.push(TopMember {
                    name,
                    member: m.start..m.end,
                    value: m.key_end + 1..m.end,
                    value_offset: m.value_offset,
                });
            }
        } else if !in_order && self.opts.sort {
            let base = start + 1;
            let Some(members) = self.out.get(base..) else { return Err(self.lost()) };
            self.scratch.clear();
            self.scratch.extend_from_slice(members);
            self.out.truncate(base);
            for (n, &i) in order.iter().enumerate() {
                let text =
                    ms.get(i).and_then(|m| self.scratch.get(m.start.checked_sub(base)?..m.end.checked_sub(base)?));
                let Some(text) = text else { return Err(self.lost()) };
                if n > 0 {
                    self.out.push(b',');
                }
                self.out.extend_from_slice(text);
            }
        }
        self.order = order;
        self.out.push(b'}');
        self.members.truncate(first);
        Ok(())
    }
}

/// The sink is handed a member's new text once this much has become final: a few
/// hand-overs per megabyte, each worth the hashing thread's wake-up.
const STREAM_CHUNK: usize = 64 << 10;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes at `at` as a little-endian word, if there are eight.
#[inline]
fn word(src: &[u8], at: usize) -> Option<u64> {
    let bytes: [u8; 8] = src.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// End of the run of plain string bytes starting at `at`: the first quote, backslash,
/// control or non-ASCII byte, found eight bytes at a time (the classic "has zero
/// byte" bit trick; a false hit can only sit above a true one, so the lowest is right).
#[inline]
fn plain_run(src: &[u8], mut at: usize) -> usize {
    while let Some(x) = word(src, at) {
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let hits = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (x.wrapping_sub(ONES * 0x20) & !x)
            | x;
        let hits = hits & HIGH;
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    // Fewer than eight bytes are left in the whole input.
    at + src.get(at..).map_or(0, |rest| rest.iter().take_while(|&&b| !is_string_stop(b)).count())
}

fn needs_escape(c: char) -> bool {
    matches!(c, '"' | '\\') || (c as u32) < 0x20
}

/// Digits of a JSON number's mantissa from its first to its last non-zero digit.
fn significant_digits(text: &[u8]) -> usize {
    let end = text.iter().position(|b| matches!(b, b'e' | b'E')).unwrap_or(text.len());
    let (mut seen, mut first, mut last) = (0usize, None, 0usize);
    for &b in text.iter().take(end).filter(|b| b.is_ascii_digit()) {
        if b != b'0' {
            first.get_or_insert(seen);
            last = seen;
        }
        seen += 1;
    }
    first.map_or(0, |f| last + 1 - f)
}

/// The double nearest a JSON number literal. Rust's parser caps the exponent it reads at
/// 65,536 before it counts the digits, so a literal of more digits than that with an
/// exponent that brings it back into range (`1` and 2,000,000 digits `e-1999800`, about
/// 1.2e201) parsed as infinity and was refused as out of range, while Python and
/// ECMAScript read its value. A long literal is therefore rewritten first as its first
/// 800 significant digits, a `1` standing for the nonzero digits cut, and the exponent
/// of the last digit kept: no halfway point between two doubles needs more than 767
/// significant digits, so the rewritten literal lies strictly on the same side of each
/// as the written one and rounds to the same double.
fn parse_double(literal: &str) -> f64 {
    const KEPT: usize = 800;
    if literal.len() <= 1000 {
        return literal.parse().unwrap_or(f64::NAN);
    }
    let (negative, digits, exp) = decimal_value(literal.as_bytes());
    let (kept, sticky) = match digits.get(..KEPT) {
        Some(head) if digits.len() > KEPT => (head, "1"),
        _ => (digits.as_slice(), ""),
    };
    let cut = i64::try_from(digits.len() - kept.len()).unwrap_or(i64::MAX);
    let exp = exp.saturating_add(cut).saturating_sub(i64::from(!sticky.is_empty()));
    let short = format!("{}0{}{sticky}e{exp}", if negative { "-" } else { "" }, String::from_utf8_lossy(kept));
    short.parse().unwrap_or(f64::NAN)
}

/// The exact value of a JSON number (or of its ECMAScript form, `1.5e+21`): sign,
/// significant digits and the power of ten of the last one, so that two spellings of
/// one value compare equal (`1.50e3`, `1500`, `1500.0` are all (+, "15", 2)) and
/// nothing is rounded on the way. Zero is (+, "", 0) whatever its sign or exponent.
fn decimal_value(text: &[u8]) -> (bool, Vec<u8>, i64) {
    let negative = text.first() == Some(&b'-');
    let end = text.iter().position(|b| matches!(b, b'e' | b'E')).unwrap_or(text.len());
    let mantissa = text.get(..end).unwrap_or_default();
    let mut digits: Vec<u8> = Vec::with_capacity(mantissa.len());
    let mut frac_len: i64 = 0;
    let mut in_frac = false;
    for &b in mantissa {
        match b {
            b'.' => in_frac = true,
            b'0'..=b'9' => {
                if !(digits.is_empty() && b == b'0') {
                    digits.push(b);
                }
                if in_frac {
                    frac_len = frac_len.saturating_add(1);
                }
            }
            _ => {}
        }
    }
    let exp_text = text.get(end + 1..).unwrap_or_default();
    let exp_negative = exp_text.first() == Some(&b'-');
    let exp = exp_text
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0i64, |acc, &b| acc.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    let mut exp = if exp_negative { -exp } else { exp }.saturating_sub(frac_len);
    while digits.last() == Some(&b'0') {
        digits.pop();
        exp = exp.saturating_add(1);
    }
    if digits.is_empty() {
        return (false, digits, 0);
    }
    (negative, digits, exp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Everything a read yields that a report or the payload could show.
    fn outcome(p: &Parsed) -> String {
        let top: Vec<_> = p.top.iter().map(|t| (&t.name, &t.member, &t.value, t.value_offset)).collect();
        format!("{}\n{top:?}\n{:?}\n{}", String::from_utf8_lossy(&p.out), p.findings, p.fatal)
    }

    fn both(text: &[u8]) -> (Parsed, Parsed) {
        let opts =
            |split_from| ParseOptions { max_depth: 128, sort: true, verbatim: false, any_value: false, split_from };
        (parse(text, opts(usize::MAX), None), parse(text, opts(0), None))
    }

    fn records(n: usize, element: &dyn Fn(usize) -> String) -> String {
        let all: Vec<String> = (0..n).map(element).collect();
        format!("{{\n  \"b\": 1,\n  \"records\": [\n    {}\n  ],\n  \"a\": {{}}\n}}", all.join(",\n    "))
    }

    /// Read in two halves, the usual records read the same as on one thread, and the
    /// tail is used; a finding or an error in the second half (warnings, a duplicate
    /// name, a syntax error, nesting too deep) reads the same too, the tail unused.
    #[test]
    fn a_split_read_is_the_whole_read() {
        let plain = |i: usize| format!(r#"{{"z": {i}, "id": "r{i}", "x": {{"b": 1.50, "a": [1e2, "\u00e9"]}}}}"#);
        let text = records(200, &plain);
        let (one, two) = both(text.as_bytes());
        assert!(two.spliced && !one.spliced);
        assert_eq!(outcome(&one), outcome(&two));
        assert!(one.findings.is_empty());
        let defects: [(&str, &dyn Fn(usize) -> String); 6] = [
            ("big integer", &|i| if i == 150 { r#"{"n": 12345678901234567890}"#.into() } else { plain(i) }),
            ("duplicate", &|i| if i == 170 { r#"{"n": 1, "n": 2}"#.into() } else { plain(i) }),
            ("syntax", &|i| if i == 180 { r#"{"n": 1,}"#.into() } else { plain(i) }),
            ("deep", &|i| if i == 190 { format!("{}{}", "[".repeat(140), "]".repeat(140)) } else { plain(i) }),
            ("first half", &|i| if i == 20 { r#"{"n": 1, "n": 2}"#.into() } else { plain(i) }),
            ("last element", &|i| if i == 199 { r#"{"n": 1e400}"#.into() } else { plain(i) }),
        ];
        for (what, element) in defects {
            let text = records(200, element);
            let (one, two) = both(text.as_bytes());
            assert!(!one.findings.is_empty(), "{what}");
            assert_eq!(outcome(&one), outcome(&two), "{what}");
        }
    }

    /// The guessed split point inside a string, a nested array, or records that are not
    /// a top-level member's: read the same as on one thread, the tail unused.
    #[test]
    fn a_split_in_the_wrong_place_is_not_used() {
        let cases = [
            records(100, &|i| format!(r#"{{"s": "}},{{}},{{{i}"}}"#)),
            records(100, &|i| format!(r#"[{{"i": {i}}}, {{"j": [{{}},{{}}]}}]"#)),
            format!(
                r#"{{"a": {{"r": [{}]}}}}"#,
                (0..200).map(|i| format!(r#"{{"i":{i}}}"#)).collect::<Vec<_>>().join(",")
            ),
        ];
        for text in cases {
            let (one, two) = both(text.as_bytes());
            assert_eq!(outcome(&one), outcome(&two));
        }
    }

    fn element() -> impl Strategy<Value = String> {
        // mostly valid, so that many inputs are read in two halves; now and then a
        // defect, a warning, or text that looks like the split point
        let leaf = prop_oneof![
            60 => Just("1".to_owned()),
            60 => Just("0.50e1".to_owned()),
            60 => "[a-c]{0,2}".prop_map(|s| format!("{s:?}")),
            20 => Just("\"}, {\"".to_owned()),
            1 => Just("1E400".to_owned()),
            1 => Just("9007199254740993".to_owned()),
            1 => Just(r#""\ud800""#.to_owned()),
            1 => Just(r#""a\u0000""#.to_owned()),
            1 => Just("tru".to_owned()),
        ];
        leaf.prop_recursive(4, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
                proptest::collection::vec(("[a-z]{1,4}", inner), 0..4).prop_map(|v| {
                    let m: Vec<String> = v.into_iter().map(|(k, v)| format!("{k:?}: {v}")).collect();
                    format!("{{{}}}", m.join(",\n "))
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Any array of containers (valid or not, findings or none) reads the same split.
        #[test]
        fn any_split_read_is_the_whole_read(elements in proptest::collection::vec(element(), 1..40)) {
            let boxed: Vec<String> = elements.iter().map(|e| format!("{{\"v\": {e}}}")).collect();
            let text = format!("{{\"r\": [\n{}\n], \"s\": 1}}", boxed.join(",\n"));
            let (one, two) = both(text.as_bytes());
            prop_assert_eq!(outcome(&one), outcome(&two));
        }
    }

    /// A read whose tail starts at `at`, whatever `split_point` would guess, read to its
    /// end before the reader starts (so that the reader always finds it ready), with a
    /// sink from `from` bytes if given: what the sink got comes back too.
    fn forced(text: &[u8], at: usize, max_depth: usize, from: Option<usize>) -> (Parsed, Vec<u8>) {
        let opts = ParseOptions { max_depth, sort: true, verbatim: false, any_value: false, split_from: 0 };
        let (tx, result) = std::sync::mpsc::sync_channel(1);
        tx.send(read_tail(text, opts, at, Arc::new(AtomicBool::new(false)))).unwrap();
        sunk(text, opts, from, Some(TailRead { at, result }))
    }

    fn sunk(text: &[u8], opts: ParseOptions, from: Option<usize>, tail: Option<TailRead>) -> (Parsed, Vec<u8>) {
        let mut got = Vec::new();
        let mut take = |piece: Piece<'_>| match piece {
            Piece::Borrowed(b) => got.extend_from_slice(b),
            Piece::Shared(b) => got.extend_from_slice(&b),
        };
        let sink = from.map(|from| Sink { from, take: &mut take });
        let parsed = parse_with(text, opts, sink, tail);
        (parsed, got)
    }

    /// What the sink was handed holds whenever the document says so: it is the payload's
    /// first bytes, and as many as the document counts.
    fn check_streamed(what: &str, p: &Parsed, got: &[u8]) {
        let Some(streamed) = p.streamed.clone() else {
            assert!(got.is_empty(), "{what}: {} bytes handed over, none on record", got.len());
            return;
        };
        if p.fatal || p.findings.iter().any(|f| f.severity == crate::finding::Severity::Error) {
            return;
        }
        let mut doc = super::super::Document::new(p.out.clone(), p.top.clone()).expect("a document");
        doc.streamed = Some(streamed);
        if let Some(n) = doc.streamed_len() {
            assert_eq!(n, got.len(), "{what}: length on record");
            assert_eq!(&doc.payload()[..n], got, "{what}: the bytes handed over");
        }
    }

    /// Small documents of every shape the split and the streaming meet: elements that
    /// are empty containers, scalars, strings holding `},{`, escapes and surrogate pairs,
    /// numbers written shorter than their canonical form, unsorted and repeated shapes,
    /// findings (duplicates, lone surrogates, noncharacters, numbers out of range, big
    /// integers), nesting at the limit, invalid UTF-8, cut-off documents, trailing data,
    /// escaped or repeated top-level names around the array, `signatures`.
    fn corpus() -> Vec<Vec<u8>> {
        let elements: &[&str] = &[
            "{}",
            "[]",
            "[[]]",
            "{\"a\":{}}",
            r#"{"s":"},{"}"#,
            r#"{"s":"],["}"#,
            r#"["},{", "],[", ",", "\"},{\""]"#,
            r#"{"e":"\ud83d\ude00\u00e9\n\"\\"}"#,
            r#"{"n":[1e20,-0,1.50,0.0000001,1E-7,123456789012345678]}"#,
            r#"{"b":1,"a":2}"#,
            r#"{"b":{"d":[],"c":null},"a":[{"y":1,"x":0}]}"#,
            r#"{"\u0062":1,"a\n":2,"\u00e9":3}"#,
            "[1,true,false,null,\"x\"]",
        ];
        let defects: &[&str] = &[
            r#"{"a":1,"a":2}"#,
            r#"{"a":1,"\u0061":2}"#,
            r#"{"s":"\ud800"}"#,
            r#"{"s":"\udc00\ud83d"}"#,
            r#"{"s":"\ufdd0"}"#,
            r#"{"n":1e400}"#,
            r#"{"n":1e-400}"#,
            r#"{"n":12345678901234567891}"#,
            r#"{"n":01}"#,
            r#"{"n":1.}"#,
            r#"{"a":1,}"#,
            r#"[1,]"#,
            r#"{"s":"a"#,
            "[[[[[[]]]]]]",
            "{\"s\":\"\u{1}\"}",
            "tru",
        ];
        let wrap = |els: &[&str], sep: &str| -> Vec<u8> {
            format!("{{\"a\":1,\"r\":[{}],\"z\":{{\"y\":1,\"x\":2}}}}", els.join(sep)).into_bytes()
        };
        let mut docs = Vec::new();
        for e in elements {
            docs.push(wrap(&[e, e, e], ","));
            docs.push(wrap(&[e, e, e], " ,\n "));
        }
        docs.push(wrap(elements, ","));
        for d in defects {
            docs.push(wrap(&["{}", d, "[]"], ","));
            docs.push(wrap(&["{}", "[]", d], ","));
            docs.push(wrap(&[d, "{}", "[]"], ","));
        }
        // many findings of one rule, past the cap, in either half or both
        let many: Vec<&str> = std::iter::repeat_n(r#"{"s":"\ud800"}"#, MAX_PER_RULE + 3).collect();
        let plain: Vec<&str> = std::iter::repeat_n("{}", MAX_PER_RULE + 3).collect();
        docs.push(wrap(&[many.as_slice(), plain.as_slice()].concat(), ","));
        docs.push(wrap(&[plain.as_slice(), many.as_slice()].concat(), ","));
        docs.push(wrap(&many, ","));
        let r = r#"[{"b":2,"a":1},{"b":2,"a":1},[],{"s":"},{"}]"#;
        let tops: Vec<String> = vec![
            format!(r#"{{"r":{r}}}"#),
            format!(r#"{{"r":{r},"a":1}}"#),
            format!(r#"{{"r":{r},"r":1}}"#),
            format!(r#"{{"a":1,"r":{r},"\u0061":2}}"#),
            format!(r#"{{"\u0061":1,"r":{r}}}"#),
            format!(r#"{{"r\n":{r},"a":2}}"#),
            format!(r#"{{"signatures":{r},"a":2}}"#),
            format!(r#"{{"signature\u0073":{r},"a":2}}"#),
            format!(r#"{{"signatures":{{"sha256":"x"}},"t":{r},"a":[{{}},{{}}]}}"#),
            format!(r#"{{"t":{r},"u":{r},"s":{r}}}"#),
            format!(r#"{{"":{r},"a":1}}"#),
            format!(r#"{{"a":1,"":{r}}}"#),
            format!(r#"{{"a":1,"a\"":{r}}}"#),
            format!(r#"{{"t":{r},"t2":{{"x":{r}}},"a":[{r},{r}]}}"#),
            format!("{{\"\u{e000}\":1,\"\u{10000}\":{r},\"\u{f000}\":2}}"),
            format!(r#"{{"r":{r}}} "#),
            format!(r#"{{"r":{r}}}{{}}"#),
            format!(r#"{{"r":{r}}},[{{}}]"#),
            format!(r#"{{"r":{r}"#),
            format!(r#"{{"r":{r},"#),
            format!(r#"{{"r":[{{}},{{}}"#),
            format!(r#"{{"r":[{{}},"#),
            format!(r#"{{"r":[{{}},{{"#),
            format!(r#"{{"a":[[{{}},{{}}],[{{}},{{}}]],"b":{{"c":[{{}},{{}}]}}}}"#),
            format!(r#"{{"r":[{{}},{{}}]]}}"#),
            format!(r#"{{"r":[{{}},{{}}}}]}}"#),
            format!("{{\"r\":[{{}},\t\r\n{{}}  ,  [] ] , \"q\" : [ [] , {{}} ] }}"),
        ];
        docs.extend(tops.into_iter().map(String::into_bytes));
        // bytes that are not UTF-8, around a split point and inside an element
        for bad in [&b"\xff"[..], b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"] {
            let mut d = b"{\"r\":[{},".to_vec();
            d.extend_from_slice(bad);
            d.extend_from_slice(b"{},{}]}");
            docs.push(d);
            let mut d = b"{\"r\":[{},{\"s\":\"".to_vec();
            d.extend_from_slice(bad);
            d.extend_from_slice(b"\"},{}]}");
            docs.push(d);
        }
        docs.push("{\"r\":[{\"s\":\"\u{e9}},{\u{10000}\"},{}]}".as_bytes().to_vec());
        docs
    }

    /// Every offset of every small document taken as the split point, the tail read
    /// there whether or not `split_point` would guess it: the reading is the one-thread
    /// reading (text, members, findings, `fatal`), at the usual depth limit and at
    /// limits that fall inside the elements, and what a sink was handed is the payload's
    /// first bytes whenever the document says so.
    #[test]
    fn a_split_at_any_offset_is_the_whole_read() {
        let mut spliced = 0;
        for doc in corpus() {
            let what = String::from_utf8_lossy(&doc).into_owned();
            for max_depth in [128, 3, 0, 1, 2, 4] {
                let opts = ParseOptions { max_depth, sort: true, verbatim: false, any_value: false, split_from: 0 };
                let one = parse_with(&doc, opts, None, None);
                let want = outcome(&one);
                // the guessed split point, on two threads
                assert_eq!(outcome(&parse(&doc, opts, None)), want, "{what} (guessed split, depth {max_depth})");
                // every offset at the usual limit and one inside the elements (the rest
                // of the limits at the guessed point only, to keep the test short)
                let froms: &[Option<usize>] = match max_depth {
                    128 => &[None, Some(0), Some(12)],
                    3 => &[Some(0)],
                    _ => &[],
                };
                for &from in froms {
                    let (alone, got) = sunk(&doc, opts, from, None);
                    check_streamed(&what, &alone, &got);
                    for at in 0..=doc.len() {
                        let (two, got) = forced(&doc, at, max_depth, from);
                        assert_eq!(outcome(&two), want, "{what}: split at {at}, depth {max_depth}");
                        check_streamed(&format!("{what}: split at {at}"), &two, &got);
                        spliced += usize::from(two.spliced);
                    }
                }
            }
        }
        assert!(spliced > 500, "the tail was used {spliced} times");
    }

    fn top_name() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("\"signatures\"".to_owned()),
            Just("\"signature\\u0073\"".to_owned()),
            Just("\"r\"".to_owned()),
            Just("\"\\u0061\"".to_owned()),
            Just("\"a\\n\"".to_owned()),
            "[a-c]{1,2}".prop_map(|s| format!("{s:?}")),
            "[\u{e9}\u{e000}\u{10000}]{1,2}".prop_map(|s| format!("\"{s}\"")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(150))]
        /// Random top levels (names escaped or not, `signatures`, repeats) around an array
        /// of random elements, split at every offset, with a sink: the one-thread reading,
        /// the sink handed the payload's first bytes whenever the document says so, and
        /// a payload without findings is the one serde_jcs writes.
        #[test]
        fn a_random_layout_split_anywhere_is_the_whole_read(
            before in proptest::collection::vec((top_name(), element()), 0..3),
            array_name in top_name(),
            elements in proptest::collection::vec(element(), 1..8),
            after in proptest::collection::vec((top_name(), element()), 0..3),
            pretty in proptest::bool::ANY,
        ) {
            let sep = if pretty { " ,\n  " } else { "," };
            let member = |(n, v): &(String, String)| format!("{n}:{v}");
            let mut members: Vec<String> = before.iter().map(member).collect();
            members.push(format!("{array_name}:[{}]", elements.join(sep)));
            members.extend(after.iter().map(member));
            let doc = format!("{{{}}}", members.join(sep)).into_bytes();
            let opts = ParseOptions { max_depth: 128, sort: true, verbatim: false, any_value: false, split_from: 0 };
            let one = parse_with(&doc, opts, None, None);
            let want = outcome(&one);
            if !one.fatal && one.findings.is_empty() {
                let mut tree: serde_json::Value = serde_json::from_slice(&doc).unwrap();
                tree.as_object_mut().unwrap().remove(SIGNATURES);
                let payload = super::super::Document::new(one.out.clone(), one.top.clone()).unwrap().payload().to_vec();
                prop_assert_eq!(String::from_utf8_lossy(&payload), String::from_utf8(serde_jcs::to_vec(&tree).unwrap()).unwrap());
            }
            let what = String::from_utf8_lossy(&doc).into_owned();
            for at in 0..=doc.len() {
                let (two, got) = forced(&doc, at, 128, Some(0));
                prop_assert_eq!(outcome(&two), want.clone(), "split at {}", at);
                check_streamed(&format!("{what}: split at {at}"), &two, &got);
            }
        }
    }

    #[test]
    fn long_literals_parse_to_the_double_python_reads() {
        // Expectations: Python's float() of each literal (exact decimal-to-double).
        let zeros = |n: usize| "0".repeat(n);
        let cases = [
            (format!("9007199254740993{}1e-2001", zeros(2000)), 9007199254740994.0),
            (format!("9007199254740993{}e-2000", zeros(2000)), 9007199254740992.0),
            (format!("0.{}1e70001", zeros(70000)), 1.0),
            (format!("-0.{}17976931348623157e70309", zeros(70000)), -1.7976931348623157e308),
            (format!("0.{}2e-253", zeros(70000)), 0.0),
            (format!("1{}3e-1999800", "2".repeat(2_000_000)), 1.2222222222222222e201),
        ];
        for (literal, want) in cases {
            assert_eq!(parse_double(&literal).to_bits(), f64::to_bits(want), "{}", &literal[..40]);
        }
        // Beyond the range, still infinite.
        assert!(parse_double(&format!("1{}e99999999999", zeros(2000))).is_infinite());
    }

    #[test]
    fn decimal_values_compare_exactly() {
        let v = |s: &str| decimal_value(s.as_bytes());
        assert_eq!(v("1500"), v("1.50e3"));
        assert_eq!(v("1500"), v("1500.000"));
        assert_eq!(v("1.5e+21"), v("1500000000000000000000"));
        assert_eq!(v("0.1"), v("1e-1"));
        assert_eq!(v("-0"), v("0.000e99999999999999999999999"));
        assert_ne!(v("12345678901234567891"), v("12345678901234567000"));
        assert_ne!(v("1.000000000000000005"), v("1"));
        assert_ne!(v("-1"), v("1"));
        assert_eq!(significant_digits(b"12345678901234567891.000"), 20);
        assert_eq!(significant_digits(b"0.000120e5"), 2);
        assert_eq!(significant_digits(b"100000000000000000000"), 1);
        assert_eq!(significant_digits(b"0.0"), 0);
    }

    fn canon(s: &str) -> String {
        let r = crate::read::read(s.as_bytes().to_vec(), &crate::read::Limits::default());
        let doc = r.document.unwrap_or_else(|| panic!("{s}: {:?}", r.findings));
        String::from_utf8(doc.payload().to_vec()).unwrap()
    }

    #[test]
    fn sorts_nested_members() {
        assert_eq!(
            canon(r#"{"b":1,"a":{"z":[1,{"y":2,"x":3}],"c":null}}"#),
            r#"{"a":{"c":null,"z":[1,{"x":3,"y":2}]},"b":1}"#
        );
    }

    #[test]
    fn numbers_short_and_slow_paths() {
        assert_eq!(
            canon(r#"{"a":[24.50,-0,-0.0,0.0000245,0.0000001,1E3,100,1e21,12345678901234567890]}"#),
            r#"{"a":[24.5,0,0,0.0000245,1e-7,1000,100,1e+21,12345678901234567000]}"#
        );
    }

    #[test]
    fn trailing_fraction_zeros_and_escaped_names() {
        assert_eq!(canon(r#"{"a":[1.500,0.000,10.0,-0.50,0.0000010]}"#), r#"{"a":[1.5,0,10,-0.5,0.000001]}"#);
        // Escaped names sort by what they decode to; non-ASCII text is copied as written.
        assert_eq!(
            canon(r#"{"\u0062":"é日😀","a\n":1,"\u00e9":[],"a":{"\u005a":0,"Y":"\u00e9"}}"#),
            r#"{"a":{"Y":"é","Z":0},"a\n":1,"b":"é日😀","é":[]}"#
        );
    }

    #[test]
    fn pointer_of_nested_duplicate() {
        let p = parse(
            br#"{"a":{"x":1},"b":[{"k":1,"k":2}]}"#,
            ParseOptions { max_depth: 128, sort: true, verbatim: false, any_value: false, split_from: usize::MAX },
            None,
        );
        let f = &p.findings[0];
        assert_eq!(f.rule.id, "read.duplicate-name");
        assert_eq!(f.pointer, "/b/0/k");
    }
}
