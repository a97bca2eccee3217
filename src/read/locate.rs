//! Source positions on demand. The reader keeps no per-value positions (a 10 MB bundle
//! has hundreds of thousands of values and only a handful of findings); instead a
//! finding's JSON pointer is walked over the source text when the report needs it.

use crate::finding::Position;

/// Byte offset of the value at `pointer`; for a pointer whose last members do not
/// exist, the offset of the deepest value that does. None if the text is not JSON
/// enough to walk (only possible for a source the reader rejected).
pub fn locate(src: &[u8], pointer: &str) -> Option<usize> {
    let mut w = Walker { src, pos: 0 };
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

/// 1-based line and column (in Unicode scalar values) of a byte offset.
pub fn line_column(src: &[u8], offset: usize) -> Position {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // Count chars: every byte that is not a UTF-8 continuation byte starts one.
    let column = before[line_start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
    Position { line, column }
}

struct Walker<'a> {
    src: &'a [u8],
    pos: usize,
}

impl Walker<'_> {
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
        loop {
            self.ws();
            match self.peek()? {
                b'}' => {
                    self.pos = start;
                    return Some(false);
                }
                b',' => {
                    self.pos += 1;
                    continue;
                }
                b'"' => {}
                _ => return None,
            }
            let key = self.string()?;
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.ws();
            if key == name {
                return Some(true);
            }
            self.skip_value()?;
        }
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

    /// Reads a string at '"' and returns its unescaped text.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
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
                    return Some(String::from_utf16_lossy(&units));
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

    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    loop {
                        match self.peek()? {
                            b'\\' => self.pos += 2,
                            b'"' => {
                                self.pos += 1;
                                break;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    while let Some(b) = self.peek() {
                        if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                            break;
                        }
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
