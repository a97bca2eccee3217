//! Scanning canonical (compact, valid) JSON text without parsing it: the members of an
//! object and the elements of an array, as slices of the text.

/// The (name, value) texts of a canonical object's members: [`Ends::members`] with no
/// index, every value scanned.
pub(crate) fn members(text: &[u8]) -> Option<Vec<(&[u8], &[u8])>> {
    Ends::default().members(text, 0)
}

/// The elements of a canonical array, one at a time (a cut array is not listed whole).
pub(crate) struct Elements<'t> {
    spans: Spans<'t>,
}

impl<'t> Elements<'t> {
    pub(crate) fn new(text: &'t [u8]) -> Self {
        Elements { spans: Spans::new(text, &NO_ENDS, 0) }
    }
}

impl<'t> Iterator for Elements<'t> {
    type Item = Option<&'t [u8]>;

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.spans.text;
        Some(self.spans.next()?.and_then(|(at, end)| text.get(at..end)))
    }
}

/// No container's end known: every value is scanned.
static NO_ENDS: Ends = Ends { marks: Vec::new(), before: Vec::new(), ends: Vec::new() };

/// The elements of the array at an offset of a canonical text, as their first byte and
/// one past their last, each stepped over by its end when `ends` knows it.
pub(crate) struct Spans<'t> {
    text: &'t [u8],
    ends: &'t Ends,
    at: usize,
    done: bool,
}

impl<'t> Spans<'t> {
    fn new(text: &'t [u8], ends: &'t Ends, at: usize) -> Self {
        Spans { text, ends, at: at + 1, done: text.get(at + 1) == Some(&b']') }
    }
}

impl Iterator for Spans<'_> {
    type Item = Option<(usize, usize)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let at = self.at;
        let step = || {
            let end = self.ends.value_end(self.text, at)?;
            Some((end, *self.text.get(end)?))
        };
        match step() {
            Some((end, b',')) => {
                self.at = end + 1;
                Some(Some((at, end)))
            }
            Some((end, b']')) => {
                self.done = true;
                Some(Some((at, end)))
            }
            _ => {
                self.done = true;
                Some(None)
            }
        }
    }
}

/// Where each array and object of a canonical text ends, found in one pass: a reader that
/// looks at an object's members before walking them (by name, in the order of their
/// names) then skips any value in O(1) instead of reading it again at every level it is
/// nested in (nested one-member objects 100 deep read each byte 100 times). Four bytes
/// per array or object indexed, none for a scalar, and three sixteenths of a byte per
/// byte of text (a bit marking where each indexed container starts, and a count of the
/// marks before each 64 of them) when any is indexed: a start and an end of four bytes
/// each made short text nested deep (arrays 100 deep in `notes`) cost 4 bytes per byte.
#[derive(Default)]
pub(crate) struct Ends {
    /// One bit per byte of the text, set where an indexed container starts.
    marks: Vec<u64>,
    /// Per word of `marks`, how many bits are set in the words before it.
    before: Vec<u32>,
    /// One past each indexed container's last byte, in the order of their first bytes.
    ends: Vec<u32>,
}

impl Ends {
    /// The ends of `text`'s containers. A text this index cannot hold (4 GiB or more,
    /// or not what the reader wrote) gets none, and every value is then scanned.
    pub(crate) fn of(text: &[u8]) -> Ends {
        Ends::longer_than(text, 0)
    }

    /// The ends of `text`'s containers longer than `min` bytes: a shorter one is scanned
    /// when stepped over, at most `min` bytes at each level it is nested in (a constant
    /// times its length), and costs no index (an array of 375,000 `{"":0}` none at all).
    pub(crate) fn longer_than(text: &[u8], min: usize) -> Ends {
        let none = Ends::default();
        if u32::try_from(text.len()).is_err() {
            return none;
        }
        // zeroed, so that the pages of a text with no container are never touched
        let mut marks = vec![0u64; text.len().div_ceil(64)];
        let (mut ends, mut open) = (Vec::new(), Vec::new());
        let mut i = 0;
        while let Some(&b) = text.get(i) {
            match b {
                b'"' => {
                    let Some(end) = string_end(text, i) else { return none };
                    i = end;
                    continue;
                }
                b'{' | b'[' => {
                    open.push((ends.len(), i));
                    if let Some(m) = marks.get_mut(i / 64) {
                        *m |= 1 << (i % 64);
                    }
                    ends.push(0);
                }
                b'}' | b']' => {
                    let Some((k, start)) = open.pop() else { return none };
                    if i - start < min {
                        // its own and its children's entries, the last ones: at most
                        // `min` marks cleared
                        ends.truncate(k);
                        for at in start..i {
                            if let Some(m) = marks.get_mut(at / 64) {
                                *m &= !(1 << (at % 64));
                            }
                        }
                    } else if let Some(e) = ends.get_mut(k) {
                        *e = (i + 1) as u32;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if !open.is_empty() || ends.is_empty() {
            return none;
        }
        let mut before = Vec::with_capacity(marks.len());
        let mut count = 0u32;
        for m in &marks {
            before.push(count);
            count += m.count_ones();
        }
        Ends { marks, before, ends }
    }

    /// The entry of the indexed container starting at `at`: the marks before it.
    fn entry(&self, at: usize) -> Option<usize> {
        let word = *self.marks.get(at / 64)?;
        let bit = 1u64 << (at % 64);
        if word & bit == 0 {
            return None;
        }
        let below = (word & (bit - 1)).count_ones() as usize;
        Some(*self.before.get(at / 64)? as usize + below)
    }

    /// One past the last byte of the value starting at `at`.
    pub(crate) fn value_end(&self, text: &[u8], at: usize) -> Option<usize> {
        if matches!(text.get(at), Some(b'{' | b'[')) {
            if let Some(&end) = self.entry(at).and_then(|k| self.ends.get(k)) {
                return Some(end as usize);
            }
        }
        value_end(text, at)
    }

    /// The (name, value) texts of the object starting at `at`.
    pub(crate) fn members<'t>(&self, text: &'t [u8], at: usize) -> Option<Vec<(&'t [u8], &'t [u8])>> {
        let mut out = Vec::new();
        self.each_member(text, at, |k, _, v| out.push((k, v)))?;
        Some(out)
    }

    /// The members of the object starting at `at`: each one's name (its text) and where
    /// its value starts.
    pub(crate) fn member_starts<'t>(&self, text: &'t [u8], at: usize) -> Option<Vec<(&'t [u8], usize)>> {
        let mut out = Vec::new();
        self.each_member(text, at, |k, start, _| out.push((k, start)))?;
        Some(out)
    }

    /// The elements of the array starting at `at`, as [`Spans`].
    pub(crate) fn elements<'t>(&'t self, text: &'t [u8], at: usize) -> Spans<'t> {
        Spans::new(text, self, at)
    }

    fn each_member<'t>(
        &self,
        text: &'t [u8],
        at: usize,
        mut found: impl FnMut(&'t [u8], usize, &'t [u8]),
    ) -> Option<()> {
        let mut i = at + 1;
        if text.get(i) == Some(&b'}') {
            return Some(());
        }
        loop {
            let key_end = string_end(text, i)?;
            if text.get(key_end) != Some(&b':') {
                return None;
            }
            let end = self.value_end(text, key_end + 1)?;
            found(text.get(i..key_end)?, key_end + 1, text.get(key_end + 1..end)?);
            match text.get(end)? {
                b',' => i = end + 1,
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }
}

/// Where the value starting at `at` ends (one past its last byte): the one scanner of
/// JSON text, for canonical text here and for the source as written by
/// `locate::Walker` (whitespace between tokens is stepped over inside a container, and
/// ends a scalar). None where no value starts at `at` (a closing bracket, a comma, the
/// end of the text) or the text ends before the value does.
pub(crate) fn value_end(text: &[u8], at: usize) -> Option<usize> {
    match *text.get(at)? {
        b'}' | b']' => None,
        b'"' => string_end(text, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match *text.get(i)? {
                    b'"' => i = string_end(text, i)?,
                    b'{' | b'[' => {
                        depth += 1;
                        i += 1;
                    }
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        i += 1;
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => i += 1,
                }
            }
        }
        _ => {
            let rest = text.get(at..)?;
            let len = rest
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b':' | b' ' | b'\n' | b'\r' | b'\t'))
                .unwrap_or(rest.len());
            (len > 0).then_some(at + len)
        }
    }
}

/// One past the closing quote of the string starting at `at`.
fn string_end(text: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        // an armored signature is a long string with no escape but its line ends: found
        // a vector at a time, not a byte at a time (6,000 instructions a bundle)
        i += memchr::memchr2(b'"', b'\\', text.get(i..)?)?;
        match *text.get(i)? {
            b'\\' => i += 2,
            _ => return Some(i + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanning_canonical_text() {
        let t = br#"{"a\"}":[1,{"b":"]"}],"c":{},"d":[]}"#;
        let m = members(t).unwrap();
        let names: Vec<&[u8]> = m.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, vec![&br#""a\"}""#[..], br#""c""#, br#""d""#]);
        assert_eq!(m[0].1, br#"[1,{"b":"]"}]"#);
        let elements = |t: &'static [u8]| Elements::new(t).collect::<Option<Vec<_>>>();
        assert_eq!(elements(br#"[1,"x",[2,3],{}]"#).unwrap().len(), 4);
        assert_eq!(elements(b"[]").unwrap().len(), 0);
        assert!(members(br#"{"a":1"#).is_none());
    }

    /// The index answers as the scanner does at every byte, wherever containers start
    /// (across the 64-byte words of its marks) and whichever are too short to be indexed.
    #[test]
    fn the_index_agrees_with_the_scanner() {
        let mut text = String::from("[");
        for k in 0..40 {
            let depth = k % 9;
            let item = format!("{}{k}{}", "[".repeat(depth), "]".repeat(depth));
            text.push_str(&format!(r#"{item},{{"a{k}":{item},"b":"[{{\"]"}},"#));
        }
        // 44 arrays nested, then the outer one closed
        text.push_str(&format!("{}{}]", "[".repeat(44), "]".repeat(44)));
        let t = text.as_bytes();
        for min in [0, 1, 7, 16, 100, t.len() + 1] {
            let ends = Ends::longer_than(t, min);
            for at in 0..t.len() + 2 {
                assert_eq!(ends.value_end(t, at), value_end(t, at), "min {min}, at {at}");
            }
        }
        assert!(Ends::of(t).ends.len() > 64, "the text spans several words of marks");
        assert!(Ends::longer_than(t, t.len() + 1).marks.is_empty(), "nothing indexed, nothing kept");
        assert!(Ends::of(b"[1,2").marks.is_empty(), "an unclosed text gets no index");
    }
}
