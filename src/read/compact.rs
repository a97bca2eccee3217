//! Scanning canonical (compact, valid) JSON text without parsing it: the members of an
//! object and the elements of an array, as slices of the text.

/// The (name, value) texts of a canonical object's members: [`Ends::members`] with no
/// index, every value scanned.
pub(crate) fn members(text: &[u8]) -> Option<Vec<(&[u8], &[u8])>> {
    Ends::default().members(text, 0)
}

/// The elements of a canonical array, one at a time (a cut array is not listed whole).
pub(crate) struct Elements<'t> {
    text: &'t [u8],
    at: usize,
    done: bool,
}

impl<'t> Elements<'t> {
    pub(crate) fn new(text: &'t [u8]) -> Self {
        Elements { text, at: 1, done: text.get(1) == Some(&b']') }
    }
}

impl<'t> Iterator for Elements<'t> {
    type Item = Option<&'t [u8]>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let step = || {
            let end = value_end(self.text, self.at)?;
            let e = self.text.get(self.at..end)?;
            Some((e, end, *self.text.get(end)?))
        };
        match step() {
            Some((e, end, b',')) => {
                self.at = end + 1;
                Some(Some(e))
            }
            Some((e, _, b']')) => {
                self.done = true;
                Some(Some(e))
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
/// names) then skips any value in O(log n) instead of reading it again at every level
/// it is nested in (nested one-member objects 100 deep read each byte 100 times). Eight
/// bytes per array or object, none for a scalar.
#[derive(Default)]
pub(crate) struct Ends {
    /// Offsets of the containers' first bytes, ascending, and one past their last.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Ends {
    /// The ends of `text`'s containers. A text this index cannot hold (4 GiB or more,
    /// or not what the reader wrote) gets none, and every value is then scanned.
    pub(crate) fn of(text: &[u8]) -> Ends {
        let none = Ends::default();
        if u32::try_from(text.len()).is_err() {
            return none;
        }
        let (mut starts, mut ends, mut open) = (Vec::new(), Vec::new(), Vec::new());
        let mut i = 0;
        while let Some(&b) = text.get(i) {
            match b {
                b'"' => {
                    let Some(end) = string_end(text, i) else { return none };
                    i = end;
                    continue;
                }
                b'{' | b'[' => {
                    open.push(starts.len());
                    starts.push(i as u32);
                    ends.push(0);
                }
                b'}' | b']' => match open.pop().and_then(|k| ends.get_mut(k)) {
                    Some(e) => *e = (i + 1) as u32,
                    None => return none,
                },
                _ => {}
            }
            i += 1;
        }
        if !open.is_empty() {
            return none;
        }
        Ends { starts, ends }
    }

    /// One past the last byte of the value starting at `at`.
    pub(crate) fn value_end(&self, text: &[u8], at: usize) -> Option<usize> {
        if matches!(text.get(at), Some(b'{' | b'[')) {
            let found = u32::try_from(at).ok().and_then(|a| self.starts.binary_search(&a).ok());
            if let Some(&end) = found.and_then(|k| self.ends.get(k)) {
                return Some(end as usize);
            }
        }
        value_end(text, at)
    }

    /// The (name, value) texts of the object starting at `at`.
    pub(crate) fn members<'t>(&self, text: &'t [u8], at: usize) -> Option<Vec<(&'t [u8], &'t [u8])>> {
        let mut out = Vec::new();
        let mut i = at + 1;
        if text.get(i) == Some(&b'}') {
            return Some(out);
        }
        loop {
            let key_end = string_end(text, i)?;
            if text.get(key_end) != Some(&b':') {
                return None;
            }
            let end = self.value_end(text, key_end + 1)?;
            out.push((text.get(i..key_end)?, text.get(key_end + 1..end)?));
            match text.get(end)? {
                b',' => i = end + 1,
                b'}' => return Some(out),
                _ => return None,
            }
        }
    }
}

/// Where the value starting at `at` of compact JSON ends (one past its last byte).
fn value_end(text: &[u8], at: usize) -> Option<usize> {
    match *text.get(at)? {
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
            Some(at + rest.iter().position(|b| matches!(b, b',' | b'}' | b']' | b':')).unwrap_or(rest.len()))
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
}
