//! Parquet checkpoints (classic single-file and multi-part parts, v2 checkpoints in
//! parquet form, and their sidecars), read with the `parquet` crate's row API: each row
//! becomes the JSON form of its action, so that commits and checkpoints are decoded by
//! the same code.
//!
//! The file is untrusted and the decoder is not written for that: before it sees a file,
//! the footer's schema is walked here (without recursion) and one that nests deeper than
//! [`MAX_SCHEMA_DEPTH`] is refused, since the decoder builds the schema by recursion and
//! a footer of a few kilobytes would otherwise overflow the stack (an abort no
//! `catch_unwind` sees). A panic inside the decoder is caught, kept silent, and becomes
//! an unreadable-log error.

use super::delta::{file_label, read_bounded, Action, Error, Limits, Obj};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, Row};
use std::cell::Cell;
use std::path::Path;

/// Deepest schema accepted. A Delta checkpoint nests the table's own columns under
/// `add.stats_parsed.minValues` (and a map or list adds two levels): 64 leaves room for
/// any real table, and the decoder's recursion at that depth stays far inside a thread's
/// stack.
pub const MAX_SCHEMA_DEPTH: usize = 64;

/// Each action of one parquet checkpoint file, handed to `each` as it is decoded (none is
/// kept: the file's rows never all live in memory at once). The file is bounded like
/// every log file and read into memory once; what its pages declare they decompress to
/// is bounded too ([`Limits::max_decoded_bytes`], summed over the file), before any page
/// is decoded, so that a small file cannot make the decoder allocate without bound. So
/// is what its rows decode to ([`row_budget`]): a dictionary page lets one large value
/// stand for every row at a byte or so each.
pub(super) fn for_each(
    path: &Path,
    limits: &Limits,
    mut each: impl FnMut(Action) -> Result<(), Error>,
) -> Result<(), Error> {
    let shown = file_label(path);
    let unreadable = |why: String| Error::Unreadable(format!("{shown} is not a readable parquet checkpoint: {why}"));
    let bytes = read_bounded(path, limits)?;
    footer::check_schema_depth(&bytes).map_err(unreadable)?;
    match quietly(|| decode(bytes::Bytes::from(bytes), limits.max_decoded_bytes, &mut each)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(Stop::Decoder(e))) => Err(unreadable(e)),
        Ok(Err(Stop::Action(e))) => Err(e),
        Err(why) => Err(unreadable(format!("the parquet decoder failed ({why})"))),
    }
}

/// Why decoding stopped: the file, or what was done with one of its actions.
enum Stop {
    Decoder(String),
    Action(Error),
}

impl From<String> for Stop {
    fn from(e: String) -> Self {
        Stop::Decoder(e)
    }
}

/// The least the rows of a file may decode to before it is refused.
const MIN_ROW_BUDGET: u64 = 64 * 1024 * 1024;

/// How much a file's rows may decode to (their string and binary bytes, and
/// [`FIELD_COST`] for each value): 16 times what its pages declare, at least
/// [`MIN_ROW_BUDGET`]. A real checkpoint's repeated values are short (partition values,
/// map keys), so it stays well inside; the bound keeps the work linear in the input.
fn row_budget(declared: u64) -> u64 {
    declared.saturating_mul(16).max(MIN_ROW_BUDGET)
}

/// What each decoded value is counted as besides its bytes, so that rows of nulls (a
/// run-length page holds a million in a few bytes) are bounded too.
const FIELD_COST: u64 = 8;

thread_local! {
    /// Set while this thread runs the decoder: its panics are caught, and reported as a
    /// finding, so the panic hook must not print them too.
    static DECODING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic; the panic's message is returned instead of printed. The
/// process's panic hook is wrapped once: silent on a thread inside `quietly`, the hook
/// it replaced everywhere else (so a panic anywhere else still says what it says).
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static WRAPPED: std::sync::Once = std::sync::Once::new();
    WRAPPED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !DECODING.try_with(Cell::get).unwrap_or(false) {
                previous(info);
            }
        }));
    });
    let was = DECODING.with(|d| d.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    DECODING.with(|d| d.set(was));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // The first line, and not too much of it: the message may quote the file.
        let first: String = message.lines().next().unwrap_or_default().chars().take(200).collect();
        if first.is_empty() {
            "a panic".to_owned()
        } else {
            format!("a panic: {first}")
        }
    })
}

fn decode(
    bytes: bytes::Bytes,
    max_decoded: u64,
    each: &mut dyn FnMut(Action) -> Result<(), Error>,
) -> Result<(), Stop> {
    let reader = SerializedFileReader::new(bytes.clone()).map_err(|e| e.to_string())?;
    let mut decoded = 0u64;
    for rg in reader.metadata().row_groups() {
        for col in rg.columns() {
            let start = col.dictionary_page_offset().unwrap_or_else(|| col.data_page_offset());
            decoded = footer::pages(&bytes, start, col.compressed_size(), decoded, max_decoded)?;
        }
    }
    let budget = row_budget(decoded);
    let mut rows_bytes = 0u64;
    for row in reader.get_row_iter(None).map_err(|e| e.to_string())? {
        let row = row.map_err(|e| e.to_string())?;
        rows_bytes = rows_bytes.saturating_add(row_size(&row));
        if rows_bytes > budget {
            return Err(Stop::Decoder(format!(
                "its rows decode to more than {budget} bytes, over the limit for a file whose pages declare {decoded} \
(16 times that, at least {MIN_ROW_BUDGET}): a value repeated through a dictionary?"
            )));
        }
        let Obj(action) = serde_json::from_value::<Obj<Action>>(row.to_json_value())
            .map_err(|e| format!("a row is not a Delta action ({e})"))?;
        each(action).map_err(Stop::Action)?;
    }
    Ok(())
}

/// The bytes one decoded row holds, as [`row_budget`] counts them; walked without
/// recursion.
fn row_size(row: &Row) -> u64 {
    let mut size = 0u64;
    let mut stack: Vec<&Field> = row.get_column_iter().map(|(_, f)| f).collect();
    while let Some(field) = stack.pop() {
        size = size.saturating_add(FIELD_COST);
        match field {
            Field::Str(s) => size = size.saturating_add(s.len() as u64),
            Field::Bytes(b) => size = size.saturating_add(b.len() as u64),
            Field::Group(g) => stack.extend(g.get_column_iter().map(|(_, f)| f)),
            Field::ListInternal(l) => stack.extend(l.elements()),
            Field::MapInternal(m) => stack.extend(m.entries().iter().flat_map(|(k, v)| [k, v])),
            _ => {}
        }
    }
    size
}

/// Just enough of the Thrift compact protocol to walk a parquet footer's schema list
/// (`FileMetaData` field 2, a flattened tree of `SchemaElement`s whose field 5 is
/// `num_children`) and measure its depth, with no recursion over the input; and to read
/// the sizes of each page header (`PageHeader` fields 2 and 3).
mod footer {
    use super::*;

    /// Deepest nesting of Thrift structs and containers skipped. Parquet's metadata
    /// nests a few levels (a logical type inside a schema element); the parquet crate
    /// itself gives up at 64.
    const MAX_THRIFT_NESTING: usize = 32;

    pub(super) fn check_schema_depth(file: &[u8]) -> Result<(), String> {
        let Some(meta) = metadata_bytes(file) else { return Ok(()) };
        let depth = schema_depth(meta)?;
        if depth > MAX_SCHEMA_DEPTH {
            return Err(format!("its schema nests more than {MAX_SCHEMA_DEPTH} levels deep, the most accepted"));
        }
        Ok(())
    }

    /// The footer's metadata bytes; `None` when the file has no plain parquet footer
    /// (too short, another magic, a length past the file): the decoder then refuses it
    /// with its own message.
    fn metadata_bytes(file: &[u8]) -> Option<&[u8]> {
        let tail_at = file.len().checked_sub(8)?;
        let [a, b, c, d, m0, m1, m2, m3] = *file.get(tail_at..)? else { return None };
        if [m0, m1, m2, m3] != *b"PAR1" {
            return None;
        }
        let meta_len = usize::try_from(u32::from_le_bytes([a, b, c, d])).ok()?;
        let start = tail_at.checked_sub(meta_len).filter(|s| *s >= 4)?;
        file.get(start..tail_at)
    }

    /// Walks the page headers of one column chunk (`len` bytes from `start`) and adds
    /// the sizes they declare uncompressed to `decoded`; more than `max` in all is refused
    /// before anything is decompressed. Returns the new total.
    pub(super) fn pages(file: &[u8], start: i64, len: i64, mut decoded: u64, max: u64) -> Result<u64, String> {
        let bad = || format!("a column chunk lies outside the file ({start}, {len} bytes)");
        let from = usize::try_from(start).map_err(|_| bad())?;
        let to = from.checked_add(usize::try_from(len).map_err(|_| bad())?).ok_or_else(bad)?;
        let mut chunk = file.get(from..to).ok_or_else(bad)?;
        while !chunk.is_empty() {
            let mut input = Input { rest: chunk };
            let (mut uncompressed, mut compressed) = (None, None);
            let mut last = 0;
            while let Some((id, t)) = input.field(&mut last)? {
                match (id, t) {
                    (2, I32) => uncompressed = Some(input.zigzag()?),
                    (3, I32) => compressed = Some(input.zigzag()?),
                    _ => input.skip(t, true, 1)?,
                }
            }
            let (Some(u), Some(c)) = (uncompressed, compressed) else {
                return Err("a page header has no sizes".to_owned());
            };
            let (Ok(u), Ok(c)) = (u64::try_from(u), u64::try_from(c)) else {
                return Err("a page header declares a negative size".to_owned());
            };
            decoded = decoded.saturating_add(u);
            if decoded > max {
                return Err(format!(
                    "its pages declare more than {max} bytes uncompressed (a page of {u}), over the limit"
                ));
            }
            input.skip_bytes(c).map_err(|_| "a page runs past its column chunk".to_owned())?;
            chunk = input.rest;
        }
        Ok(decoded)
    }

    const BOOL_TRUE: u8 = 1;
    const BOOL_FALSE: u8 = 2;
    const BYTE: u8 = 3;
    const I16: u8 = 4;
    const I32: u8 = 5;
    const I64: u8 = 6;
    const DOUBLE: u8 = 7;
    const BINARY: u8 = 8;
    const LIST: u8 = 9;
    const SET: u8 = 10;
    const MAP: u8 = 11;
    const STRUCT: u8 = 12;

    struct Input<'a> {
        rest: &'a [u8],
    }

    const CUT: &str = "its footer ends inside a value";

    impl Input<'_> {
        fn byte(&mut self) -> Result<u8, String> {
            let (first, rest) = self.rest.split_first().ok_or(CUT)?;
            self.rest = rest;
            Ok(*first)
        }

        fn skip_bytes(&mut self, n: u64) -> Result<(), String> {
            let n = usize::try_from(n).map_err(|_| CUT)?;
            self.rest = self.rest.get(n..).ok_or(CUT)?;
            Ok(())
        }

        fn varint(&mut self) -> Result<u64, String> {
            let mut value = 0u64;
            for shift in (0..64).step_by(7) {
                let b = self.byte()?;
                value |= u64::from(b & 0x7f) << shift;
                if b & 0x80 == 0 {
                    return Ok(value);
                }
            }
            Err("its footer holds a varint longer than 10 bytes".to_owned())
        }

        fn zigzag(&mut self) -> Result<i64, String> {
            let n = self.varint()?;
            Ok(((n >> 1) as i64) ^ -((n & 1) as i64))
        }

        /// A field header: `None` at the struct's end, else (id, type). Thrift field ids
        /// are 16-bit: a long-form id past them, or a short-form delta that runs past
        /// them, is refused (a delta added to an id of 2^63 - 1 overflowed, outside the
        /// decoder's catch).
        fn field(&mut self, last: &mut i16) -> Result<Option<(i16, u8)>, String> {
            const PAST_I16: &str = "its footer holds a field id past 16 bits";
            let b = self.byte()?;
            if b == 0 {
                return Ok(None);
            }
            let delta = i16::from(b >> 4);
            *last = if delta == 0 {
                i16::try_from(self.zigzag()?).map_err(|_| PAST_I16)?
            } else {
                last.checked_add(delta).ok_or(PAST_I16)?
            };
            Ok(Some((*last, b & 0x0f)))
        }

        /// A list or set header: (size, element type).
        fn list(&mut self) -> Result<(u64, u8), String> {
            let b = self.byte()?;
            let size = if b >> 4 == 15 { self.varint()? } else { u64::from(b >> 4) };
            Ok((size, b & 0x0f))
        }

        /// Skips one value of type `t`; `in_field` says a bool carries no byte (its
        /// value sits in the field header). Each step consumes input, so the work is
        /// linear in the footer's size.
        fn skip(&mut self, t: u8, in_field: bool, nesting: usize) -> Result<(), String> {
            if nesting > MAX_THRIFT_NESTING {
                return Err(format!("its footer nests values more than {MAX_THRIFT_NESTING} levels deep"));
            }
            match t {
                BOOL_TRUE | BOOL_FALSE if in_field => Ok(()),
                BOOL_TRUE | BOOL_FALSE | BYTE => self.byte().map(drop),
                I16 | I32 | I64 => self.varint().map(drop),
                DOUBLE => self.skip_bytes(8),
                BINARY => {
                    let n = self.varint()?;
                    self.skip_bytes(n)
                }
                LIST | SET => {
                    let (size, element) = self.list()?;
                    for _ in 0..size {
                        self.skip(element, false, nesting + 1)?;
                    }
                    Ok(())
                }
                MAP => {
                    let size = self.varint()?;
                    if size > 0 {
                        let kinds = self.byte()?;
                        for _ in 0..size {
                            self.skip(kinds >> 4, false, nesting + 1)?;
                            self.skip(kinds & 0x0f, false, nesting + 1)?;
                        }
                    }
                    Ok(())
                }
                STRUCT => {
                    let mut last = 0;
                    while let Some((_, ft)) = self.field(&mut last)? {
                        self.skip(ft, true, nesting + 1)?;
                    }
                    Ok(())
                }
                other => Err(format!("its footer holds an unknown Thrift type {other}")),
            }
        }
    }

    /// The depth of the schema tree (the root's children are at depth 1); 0 when the
    /// metadata has no schema list.
    pub(super) fn schema_depth(meta: &[u8]) -> Result<usize, String> {
        let mut input = Input { rest: meta };
        let mut last = 0;
        while let Some((id, t)) = input.field(&mut last)? {
            if id != 2 || t != LIST {
                input.skip(t, true, 1)?;
                continue;
            }
            let (size, element) = input.list()?;
            if element != STRUCT {
                return Err("its schema is not a list of structs".to_owned());
            }
            // Children still to come of each open group, innermost last.
            let mut open: Vec<i64> = Vec::new();
            let mut deepest = 0;
            for _ in 0..size {
                let mut children = 0;
                let mut last = 0;
                while let Some((id, t)) = input.field(&mut last)? {
                    if id == 5 && t == I32 {
                        children = input.zigzag()?;
                    } else {
                        input.skip(t, true, 2)?;
                    }
                }
                deepest = deepest.max(open.len());
                if deepest > MAX_SCHEMA_DEPTH {
                    return Ok(deepest);
                }
                if let Some(top) = open.last_mut() {
                    *top -= 1;
                }
                if children > 0 {
                    open.push(children);
                }
                while open.last().is_some_and(|c| *c <= 0) {
                    open.pop();
                }
            }
            return Ok(deepest);
        }
        Ok(0)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// A compact-protocol schema list of `n` elements, each nested in the one before.
        fn nested(n: usize) -> Vec<u8> {
            let mut m = vec![0x15, 0x02]; // field 1 (i32) version = 1
            m.push(0x19); // field 2, a list
            m.push(0xfc); // of structs, size follows
            m.push(n as u8);
            for i in 0..n {
                m.extend([0x48, 0x01, b'a']); // field 4 (binary) name "a"
                if i + 1 < n {
                    m.extend([0x15, 0x02]); // field 5 (i32) num_children = 1
                }
                m.push(0);
            }
            m.push(0);
            m
        }

        #[test]
        fn depth_of_a_chain() {
            assert_eq!(schema_depth(&nested(1)).unwrap(), 0);
            assert_eq!(schema_depth(&nested(5)).unwrap(), 4);
            assert_eq!(schema_depth(&nested(100)).unwrap(), MAX_SCHEMA_DEPTH + 1);
        }

        #[test]
        fn a_cut_footer_is_an_error() {
            let m = nested(5);
            assert_eq!(schema_depth(&m[..m.len() - 4]).unwrap_err(), CUT);
        }
    }
}
