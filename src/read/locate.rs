//! Source positions on demand. The reader keeps no per-value positions (a 10 MB bundle
//! has hundreds of thousands of values and only a handful of findings); instead the
//! findings' JSON pointers are walked over the source text, all in one walk, when the
//! report needs them ([`locate_all`], then [`positions`]).

use crate::finding::Position;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Byte offsets of many pointers in one walk of the source: only the containers on
/// some pointer's path are entered, and every other value is skipped once, so the
/// cost is one read of the source however many pointers there are. Each result is as
/// [`locate`] gives it (the deepest existing value for a pointer whose last members do
/// not exist; None if the text is not JSON enough to walk, or the pointer is not one).
pub fn locate_all(src: &[u8], pointers: &[&str]) -> Vec<Option<usize>> {
    let mut trie = Trie { nodes: vec![Node::default()] };
    for (i, p) in pointers.iter().enumerate() {
        trie.insert(p, i);
    }
    let mut out = vec![None; pointers.len()];
    let mut w = Walker { src, pos: 0, remaining: pointers.len() };
    w.ws();
    // None also means "every pointer found": the walk stops there rather than skipping
    // the rest of the document (a 10 MB extension member after the last finding).
    let _ = trie.walk(0, &mut w, &mut out, 0);
    out
}

/// The pointers' reference tokens as a tree; a node lists the pointers that end there.
struct Trie {
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    children: HashMap<String, usize>,
    targets: Vec<usize>,
}

/// Deeper than any document the reader accepts; past it the walk stops descending.
const MAX_WALK_DEPTH: usize = 1024;

impl Trie {
    fn insert(&mut self, pointer: &str, target: usize) {
        let mut node = 0;
        if !pointer.is_empty() {
            let Some(rest) = pointer.strip_prefix('/') else { return };
            for token in rest.split('/') {
                let token = token.replace("~1", "/").replace("~0", "~");
                let next = self.nodes.len();
                let Some(n) = self.nodes.get_mut(node) else { return };
                node = *n.children.entry(token).or_insert(next);
                if node == next {
                    self.nodes.push(Node::default());
                }
            }
        }
        if let Some(n) = self.nodes.get_mut(node) {
            n.targets.push(target);
        }
    }

    /// At the start of a value: records it for the pointers ending here, enters it for
    /// those that go deeper, and leaves the walker after the value.
    fn walk(&self, node: usize, w: &mut Walker, out: &mut [Option<usize>], depth: usize) -> Option<()> {
        let here = w.pos;
        let n = self.nodes.get(node)?;
        for &t in &n.targets {
            if let Some(slot) = out.get_mut(t) {
                if slot.replace(here).is_none() {
                    w.remaining = w.remaining.saturating_sub(1);
                }
            }
        }
        if w.remaining == 0 {
            return None;
        }
        let mut entered = HashSet::new();
        if n.children.is_empty() || depth > MAX_WALK_DEPTH {
            w.skip_value()?;
        } else {
            match w.peek()? {
                b'{' => {
                    w.pos += 1;
                    while let Some(key) = w.next_member()? {
                        match n.children.get(key.as_ref()) {
                            // The first of duplicate names, as `locate` finds it.
                            Some(&c) if entered.insert(c) => self.walk(c, w, out, depth + 1)?,
                            _ => w.skip_value()?,
                        }
                    }
                }
                b'[' => {
                    w.pos += 1;
                    let mut index = 0usize;
                    loop {
                        w.ws();
                        match w.peek()? {
                            b']' => {
                                w.pos += 1;
                                break;
                            }
                            b',' => {
                                w.pos += 1;
                                continue;
                            }
                            _ => {}
                        }
                        match n.children.get(&index.to_string()) {
                            Some(&c) => {
                                entered.insert(c);
                                self.walk(c, w, out, depth + 1)?;
                            }
                            None => w.skip_value()?,
                        }
                        index += 1;
                    }
                }
                _ => w.skip_value()?,
            }
        }
        // Members and elements that do not exist: the deepest value that does.
        for &c in n.children.values() {
            if !entered.contains(&c) {
                w.remaining = w.remaining.saturating_sub(self.fill(c, here, out));
            }
        }
        Some(())
    }

    /// Every pointer in the subtree at `node` resolves to `offset`; returns how many
    /// were still unresolved.
    fn fill(&self, node: usize, offset: usize, out: &mut [Option<usize>]) -> usize {
        let mut filled = 0;
        let mut stack = vec![node];
        while let Some(n) = stack.pop().and_then(|i| self.nodes.get(i)) {
            for &t in &n.targets {
                if let Some(slot) = out.get_mut(t) {
                    if slot.replace(offset).is_none() {
                        filled += 1;
                    }
                }
            }
            stack.extend(n.children.values().copied());
        }
        filled
    }
}

/// Byte offset of the value at `pointer`; for a pointer whose last members do not
/// exist, the offset of the deepest value that does. None if the text is not JSON
/// enough to walk (only possible for a source the reader rejected).
pub fn locate(src: &[u8], pointer: &str) -> Option<usize> {
    let mut w = Walker { src, pos: 0, remaining: 0 };
    w.ws();
    if pointer.is_empty() {
        return Some(w.pos);
    }
    let tokens = pointer.strip_prefix('/')?.split('/').map(|t| t.replace("~1", "/").replace("~0", "~"));
    for token in tokens {
        let here = w.pos;
        let found = match w.peek()? {
            b'{' => w.find_member(&token)?,
            b'[' => match token.parse::<usize>() {
                Ok(i) => w.find_element(i)?,
                Err(_) => false,
            },
            _ => false,
        };
        if !found {
            return Some(here);
        }
    }
    Some(w.pos)
}

/// A line ends at a line feed, a carriage return followed by a line feed (one end, not
/// two), or a carriage return alone: the three line ends of JSON's whitespace, as LSP,
/// VS Code and the SARIF report (`newlineSequences`) count them. U+2028, U+2029 and
/// U+0085, which JSON allows only inside strings, do not end a line (editors show them
/// on the line). Returns whether `src[i]` ends a line.
pub fn ends_line(src: &[u8], i: usize) -> bool {
    match src.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => src.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// 1-based line and column (in Unicode scalar values) of a byte offset, lines ending as
/// [`ends_line`] has it. For more than one offset, [`positions`]: this one scans from
/// the start.
pub fn line_column(src: &[u8], offset: usize) -> Position {
    positions(src, &[offset]).first().copied().unwrap_or(Position { line: 1, column: 1 })
}

/// Line and column of many byte offsets in one pass over the source, up to the largest
/// offset: each stretch between two offsets (in sorted order) is read once, so a
/// thousand findings on one long line cost one read of that line, not a thousand.
pub fn positions(src: &[u8], offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<(usize, usize)> = offsets.iter().map(|&o| o.min(src.len())).zip(0..).collect();
    order.sort_unstable();
    let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for (target, i) in order {
        // Line ends are judged on the whole source, not the span: a carriage return at
        // the span's end may be followed by a line feed past it.
        let (mut newlines, mut after) = (0usize, None);
        for i in (at..target).filter(|&i| ends_line(src, i)) {
            newlines += 1;
            after = Some(i + 1);
        }
        match after {
            None => column += chars(src.get(at..target).unwrap_or_default()),
            Some(start) => {
                line += newlines;
                column = 1 + chars(src.get(start..target).unwrap_or_default());
            }
        }
        at = target;
        if let Some(slot) = out.get_mut(i) {
            *slot = Position { line, column };
        }
    }
    out
}

/// One step of the path to a value found by [`numbers_as_written`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// Every JSON number of the value at `offset` in `src`, in source order, as it is
/// written in the file (`44710023`, `4.4710023e7`, `-0.0`: the text, never re-formatted),
/// with the path of member names and indices from that value to it. One walk of the
/// value, with no recursion (an explicit stack, so any depth the reader accepted is
/// walked) and no pointer string built: the caller builds one for a number it reports.
/// Stops where the text is not JSON enough to walk (only a source the reader rejected).
pub fn numbers_as_written<'a>(src: &'a [u8], offset: usize, found: &mut dyn FnMut(&[Step<'a>], &'a str)) {
    enum Frame {
        Object,
        Array(usize),
    }
    let mut w = Walker { src, pos: offset, remaining: 0 };
    let mut frames: Vec<Frame> = Vec::new();
    // one step per entered value below the start: `path.len() == frames.len()` while a
    // value is read, one less between values
    let mut path: Vec<Step<'a>> = Vec::new();
    'value: loop {
        w.ws();
        let Some(b) = w.peek() else { return };
        match b {
            b'{' => {
                w.pos += 1;
                frames.push(Frame::Object);
            }
            b'[' => {
                w.pos += 1;
                frames.push(Frame::Array(0));
            }
            b'"' => {
                if w.skip_value().is_none() {
                    return;
                }
                if frames.is_empty() {
                    return;
                }
                path.pop();
            }
            _ => {
                let start = w.pos;
                while let Some(b) = w.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    w.pos += 1;
                }
                if start == w.pos {
                    return;
                }
                let literal = src.get(start..w.pos).and_then(|t| std::str::from_utf8(t).ok()).unwrap_or_default();
                if literal.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
                    found(&path, literal);
                }
                if frames.is_empty() {
                    return;
                }
                path.pop();
            }
        }
        // the next value to read, closing the containers that end before it
        loop {
            match frames.last_mut() {
                None => return,
                Some(Frame::Object) => match w.next_member() {
                    None => return,
                    Some(Some(key)) => {
                        path.push(Step::Key(key));
                        continue 'value;
                    }
                    Some(None) => {}
                },
                Some(Frame::Array(next)) => {
                    w.ws();
                    if w.peek() == Some(b',') {
                        w.pos += 1;
                        w.ws();
                    }
                    match w.peek() {
                        None => return,
                        Some(b']') => w.pos += 1,
                        Some(_) => {
                            path.push(Step::Index(*next));
                            *next += 1;
                            continue 'value;
                        }
                    }
                }
            }
            // the container at the top of the stack closed
            frames.pop();
            path.truncate(frames.len().saturating_sub(1));
            if frames.is_empty() {
                return;
            }
        }
    }
}

/// Unicode scalar values in UTF-8 bytes: every byte that is not a continuation byte
/// starts one.
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

struct Walker<'a> {
    src: &'a [u8],
    pos: usize,
    /// Pointers of a [`locate_all`] walk not resolved yet.
    remaining: usize,
}

impl<'a> Walker<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// At '{': moves to the value of member `name` and returns true, or returns false
    /// leaving the position at the object.
    fn find_member(&mut self, name: &str) -> Option<bool> {
        let start = self.pos;
        self.pos += 1;
        while let Some(key) = self.next_member()? {
            if key == name {
                return Some(true);
            }
            self.skip_value()?;
        }
        self.pos = start;
        Some(false)
    }

    /// Inside an object (after its '{' or a member's value): the next member's name,
    /// leaving the walker at its value; Some(None) past the closing '}'; None where the
    /// text is not JSON enough to walk.
    fn next_member(&mut self) -> Option<Option<Cow<'a, str>>> {
        loop {
            self.ws();
            match self.peek()? {
                b'}' => {
                    self.pos += 1;
                    return Some(None);
                }
                b',' => self.pos += 1,
                b'"' => break,
                _ => return None,
            }
        }
        let key = self.string()?;
        self.ws();
        if self.peek()? != b':' {
            return None;
        }
        self.pos += 1;
        self.ws();
        Some(Some(key))
    }

    fn find_element(&mut self, index: usize) -> Option<bool> {
        let start = self.pos;
        self.pos += 1;
        let mut i = 0;
        loop {
            self.ws();
            match self.peek()? {
                b']' => {
                    self.pos = start;
                    return Some(false);
                }
                b',' => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            if i == index {
                return Some(true);
            }
            self.skip_value()?;
            i += 1;
        }
    }

    /// Reads a string at '"' and returns its unescaped text, borrowed from the source
    /// when it holds no escape (nearly every member name).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.pos += 1;
        // Most names hold no escape: their bytes are the text.
        let rest = self.src.get(self.pos..)?;
        if let Some(end) = rest.iter().position(|&b| b == b'"' || b == b'\\') {
            if rest.get(end) == Some(&b'"') {
                self.pos += end + 1;
                let bytes = rest.get(..end)?;
                // A name in a read document is valid UTF-8: one check, borrowed.
                return Some(String::from_utf8_lossy(bytes));
            }
        }
        let mut units: Vec<u16> = Vec::new();
        let mut bytes: Vec<u8> = Vec::new();
        let flush = |bytes: &mut Vec<u8>, units: &mut Vec<u16>| {
            units.extend(String::from_utf8_lossy(bytes).encode_utf16());
            bytes.clear();
        };
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'"' => {
                    flush(&mut bytes, &mut units);
                    return Some(Cow::Owned(String::from_utf16_lossy(&units)));
                }
                b'\\' => {
                    flush(&mut bytes, &mut units);
                    let e = self.peek()?;
                    self.pos += 1;
                    let unit = match e {
                        b'u' => {
                            let hex = std::str::from_utf8(self.src.get(self.pos..self.pos + 4)?).ok()?;
                            self.pos += 4;
                            u16::from_str_radix(hex, 16).ok()?
                        }
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => 10,
                        b'r' => 13,
                        b't' => 9,
                        other => u16::from(other),
                    };
                    units.push(unit);
                }
                other => bytes.push(other),
            }
        }
    }

    /// Steps over the value here (after any whitespace), with the scanner the reader's
    /// canonical text is scanned with (`compact::value_end`).
    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        self.pos = super::compact::value_end(self.src, self.pos)?;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers as written, with their paths: nested, in arrays, after escaped names,
    /// and none from strings, names, literals or a string holding digits.
    #[test]
    fn numbers_as_written_with_paths() {
        let src = br#"{"x": {"a": 44710023, "b\u002fc": [1, -2.5e3, {"d": 4.4710023e7}], "s": "12", "t": true},
            "n": null, "z": [[], {}, 0]}"#;
        let mut got = Vec::new();
        numbers_as_written(src, 0, &mut |path, lit| {
            let p: Vec<String> = path
                .iter()
                .map(|s| match s {
                    Step::Key(k) => k.to_string(),
                    Step::Index(i) => i.to_string(),
                })
                .collect();
            got.push((p.join("/"), lit.to_owned()));
        });
        let want: Vec<(String, String)> =
            [("x/a", "44710023"), ("x/b/c/0", "1"), ("x/b/c/1", "-2.5e3"), ("x/b/c/2/d", "4.4710023e7"), ("z/2", "0")]
                .iter()
                .map(|(p, l)| ((*p).to_owned(), (*l).to_owned()))
                .collect();
        assert_eq!(got, want);
        let mut one = Vec::new();
        numbers_as_written(b"  -0.0 ", 2, &mut |path, lit| one.push((path.len(), lit.to_owned())));
        assert_eq!(one, vec![(0, "-0.0".to_owned())]);
    }

    const DOC: &str = "{\n  \"a\": {\"b~/c\": [10, {\"d\": \"é\"}]},\n  \"x\\u0079\": true\n}";

    #[test]
    fn walks_members_elements_and_escapes() {
        let at = |p: &str| line_column(DOC.as_bytes(), locate(DOC.as_bytes(), p).unwrap());
        assert_eq!(at(""), Position { line: 1, column: 1 });
        assert_eq!(at("/a"), Position { line: 2, column: 8 });
        assert_eq!(at("/a/b~0~1c/1/d"), Position { line: 2, column: 28 });
        assert_eq!(at("/xy"), Position { line: 3, column: 14 });
        // Absent member: the nearest existing ancestor.
        assert_eq!(at("/a/missing"), Position { line: 2, column: 8 });
    }

    /// Lines end at LF, CRLF (once) and a lone CR, never at U+2028, U+2029 or U+0085:
    /// positions counted by hand.
    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let src = "{\"a\": 1,\r\"b\": 2,\r\n\"c\": \"\u{2028}\u{2029}\u{85}\", \"d\": 3,\n\r\"e\": 4}";
        let offsets: Vec<usize> = ["1", "2", "\"\u{2028}", "3", "4"].iter().filter_map(|t| src.find(t)).collect();
        let at = |line, column| Position { line, column };
        assert_eq!(positions(src.as_bytes(), &offsets), [at(1, 7), at(2, 6), at(3, 6), at(3, 18), at(5, 6)]);
        // A CR whose LF is past the span still ends the line once.
        let lf = src.find("\r\n").map(|i| i + 1).unwrap_or(0);
        assert_eq!(positions(src.as_bytes(), &[lf, lf + 1]), [at(2, 9), at(3, 1)]);
    }

    /// The one-walk forms agree with the one-pointer ones (hand-checked above), in any
    /// order, with repeats, absent members, indexes past the end and non-pointers.
    #[test]
    fn one_walk_agrees_with_one_pointer_at_a_time() {
        let src = DOC.as_bytes();
        let pointers =
            ["/xy", "/a/b~0~1c/1/d", "", "/a", "/a/missing", "/a/b~0~1c/7", "/a/b~0~1c/0/deeper", "/xy", "nope"];
        let all = locate_all(src, &pointers);
        for (p, got) in pointers.iter().zip(&all) {
            assert_eq!(*got, locate(src, p), "{p}");
        }
        let offsets: Vec<usize> = all.iter().map(|o| o.unwrap_or(0)).chain([0, src.len(), src.len() + 5]).collect();
        let one_pass = positions(src, &offsets);
        for (o, p) in offsets.iter().zip(one_pass) {
            // Independent: count lines and columns by splitting the text.
            let before = String::from_utf8_lossy(&src[..(*o).min(src.len())]).into_owned();
            let line = before.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).count();
            let column = before.rsplit(['\r', '\n']).next().map_or(0, |l| l.chars().count()) + 1;
            assert_eq!(p, Position { line, column }, "offset {o}");
        }
    }
}
