//! The figures of a bundle as the audit, the claims cross-check and the marketplace
//! profile read them: values by JSON pointer, numbers with the decimals they were
//! written with.

use crate::finding::{child, split_top};
use crate::read::{locate, object_numbers, Document, NumberBounds, NumberIndex};
use serde_json::Value;

/// The top-level members whose figures the audit reads.
pub const MEMBERS: &[&str] = &[
    "version",
    "generated_at",
    "run_seed",
    "privacy",
    "cleaning",
    "cost_analysis",
    "performance_metrics",
    "enterprise_validation",
    "training",
];

/// A number read from the bundle.
#[derive(Debug, Clone)]
pub struct Num {
    /// Shared: a bundle's checks ask about 30 times for some 14 figures, and each answer
    /// is handed out again.
    pub pointer: std::rc::Rc<str>,
    pub value: f64,
    /// Decimals as written in the source (`24.50` -> 2), the basis of the tolerance.
    pub decimals: u32,
}

impl Num {
    /// The value as the bundle shows it (trailing zeros as written).
    pub fn shown(&self) -> String {
        format_decimals(self.value, self.decimals)
    }
}

/// `value` printed with exactly `decimals` decimals, or shortest form when that is
/// shorter and exact.
pub fn format_decimals(value: f64, decimals: u32) -> String {
    let d = decimals.min(17) as usize;
    // When the shortest form that reads back as `value` shows at most `d` decimals and
    // `value` is small enough that its spacing (ulp) is under a unit of the d-th
    // decimal, that form padded with zeros is what exact rounding to `d` decimals
    // prints: `value` lies within half an ulp of it, less than half a unit of the grid.
    // Exact formatting and reading back cost ten times as much, for every figure a
    // message quotes.
    let ulp_bound = (1u64 << 51) as f64 / 10f64.powi(d as i32);
    if value.is_finite() && value.abs() < ulp_bound {
        let mut shortest = value.to_string();
        let shown = shortest.find('.').map_or(0, |dot| shortest.len() - dot - 1);
        if shown <= d {
            if shown == 0 && d > 0 {
                shortest.push('.');
            }
            shortest.extend(std::iter::repeat_n('0', d - shown));
            return shortest;
        }
    }
    let fixed = format!("{value:.d$}");
    if fixed.parse::<f64>().ok() == Some(value) {
        fixed
    } else {
        format!("{value}")
    }
}

/// A computed value for a report: enough digits to be useful, trailing zeros trimmed.
pub fn format_computed(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let magnitude = if value == 0.0 { 0 } else { value.abs().log10().floor() as i32 };
    let decimals = (6 - magnitude).clamp(0, 17) as usize;
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

pub struct Facts<'d> {
    doc: &'d Document,
    /// Where a member's number literals are (pointer below the member, source offset),
    /// indexed in one walk of the member's source on the first figure asked of it.
    numbers: std::cell::RefCell<Vec<(String, NumberIndex)>>,
    /// Numbers already asked for, by pointer: a bundle's checks ask about 30 times for
    /// some 14 figures, and each answer is a lookup in the tree and in the index.
    /// Linear: the pointers asked for are the checks' own, a few dozen at most.
    asked: std::cell::RefCell<Vec<(std::rc::Rc<str>, Option<Num>)>>,
}

impl<'d> Facts<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Facts { doc, numbers: std::cell::RefCell::default(), asked: std::cell::RefCell::default() }
    }

    pub fn get(&self, pointer: &str) -> Option<&'d Value> {
        let (top, inner) = split_top(pointer)?;
        if !MEMBERS.contains(&top.as_ref()) {
            return None;
        }
        crate::finding::lookup(self.doc.member_ref(&top)?, inner)
    }

    pub fn has(&self, pointer: &str) -> bool {
        self.get(pointer).is_some_and(|v| !v.is_null())
    }

    pub fn str(&self, pointer: &str) -> Option<&'d str> {
        self.get(pointer)?.as_str()
    }

    /// The object at `pointer`, as (name, pointer, value) of its members.
    pub fn members_of(&self, pointer: &str) -> Vec<(String, String, &'d Value)> {
        match self.get(pointer) {
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), child(pointer, k), v)).collect(),
            _ => Vec::new(),
        }
    }

    /// A finite number at `pointer`, with the decimals its source text shows.
    pub fn num(&self, pointer: &str) -> Option<Num> {
        if let Some((_, known)) = self.asked.borrow().iter().find(|(p, _)| **p == *pointer) {
            return known.clone();
        }
        let shared: std::rc::Rc<str> = pointer.into();
        let found = self.find_num(&shared);
        self.asked.borrow_mut().push((shared, found.clone()));
        found
    }

    fn find_num(&self, pointer: &std::rc::Rc<str>) -> Option<Num> {
        let value = self.get(pointer)?.as_f64().filter(|v| v.is_finite())?;
        let (top, inner) = split_top(pointer)?;
        let shown = self.decimals(&top, inner);
        let decimals = shown.unwrap_or_else(|| super::tolerance::decimals_of_value(value));
        Some(Num { pointer: pointer.clone(), value, decimals })
    }

    /// Decimals shown by the literal at `inner` below the member `top` (None: not found
    /// in the source).
    fn decimals(&self, top: &str, inner: &str) -> Option<u32> {
        let member = self.doc.member(top)?;
        let src = self.doc.source().get(member.offset..)?;
        let mut numbers = self.numbers.borrow_mut();
        let at = match numbers.iter().position(|(name, _)| name == top) {
            Some(i) => i,
            None => {
                numbers.push((top.to_owned(), index_member(src)));
                numbers.len() - 1
            }
        };
        let indexed = numbers.get(at)?.1.offset(inner);
        // Beyond the index's bounds: this one figure's literal, found by itself.
        let offset = indexed.or_else(|| locate(src, inner))?;
        literal_decimals(src.get(offset..)?)
    }
}

/// The number literals of a member's source, by pointer below it, in one walk (a large
/// extension member elsewhere costs nothing). Only the figures the audit reads are
/// indexed: numbers named by object members, at most INDEX_DEPTH deep and INDEX_MAX of
/// them. Numbers in arrays or deeper are looked up one by one if asked for: a pointer
/// string per number of a hostile nesting would cost the number count times the depth.
/// Searched linearly: each figure is asked for once ([`Facts::num`] remembers the
/// answers), and the figures asked for are the checks' own few dozen.
fn index_member(src: &[u8]) -> NumberIndex {
    let bounds = NumberBounds { depth: INDEX_DEPTH, count: INDEX_MAX, pointer_len: INDEX_POINTER_MAX };
    object_numbers(src, bounds)
}

/// How deep below its member, and how many, numbers the decimals index holds.
const INDEX_DEPTH: usize = 6;
const INDEX_MAX: usize = 4096;
/// Longer pointers are left to the one-by-one lookup.
const INDEX_POINTER_MAX: usize = 512;

/// Decimals shown by the number literal at the start of `src`.
fn literal_decimals(src: &[u8]) -> Option<u32> {
    let end = src
        .iter()
        .position(|b| !(b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')))
        .unwrap_or(src.len());
    let literal = std::str::from_utf8(src.get(..end)?).ok()?;
    if literal.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        Some(super::tolerance::decimals_shown(literal))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_decimals(24.5, 2), "24.50");
        assert_eq!(format_decimals(0.0000245, 7), "0.0000245");
        assert_eq!(format_decimals(76.0, 0), "76");
        assert_eq!(format_computed(76.19047619), "76.19048");
        assert_eq!(format_computed(73.5), "73.5");
        assert_eq!(format_computed(999999.9999999999), "1000000");
        assert_eq!(format_computed(0.0000245), "0.0000245");
    }

    /// The short way to print a figure agrees with exact rounding followed by a
    /// read-back check (the definition), on awkward values and on many random ones.
    #[test]
    fn format_decimals_agrees_with_exact_rounding() {
        fn exact(value: f64, decimals: u32) -> String {
            let fixed = format!("{:.*}", decimals.min(17) as usize, value);
            if fixed.parse::<f64>().ok() == Some(value) {
                fixed
            } else {
                format!("{value}")
            }
        }
        let mut values = vec![
            0.0,
            -0.0,
            0.1,
            0.125,
            0.375,
            2.5,
            24.5,
            1e-7,
            5e-324,
            1e15,
            1e16,
            1e21,
            1e23,
            123456789.125,
            2251799813685248.5,
            4503599627370497.0,
            9007199254740993.0,
            0.30000000000000004,
            76.19047619,
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Random bit patterns (every magnitude) and short decimals (the usual figures).
            values.push(f64::from_bits(state));
            values.push((state % 10_000_000) as f64 / 10f64.powi((state >> 40) as i32 % 9));
        }
        for v in values.into_iter().filter(|v| v.is_finite()) {
            for d in [0, 1, 2, 3, 5, 8, 12, 15, 17, 20] {
                assert_eq!(format_decimals(v, d), exact(v, d), "{v:e} at {d} decimals");
                assert_eq!(format_decimals(-v, d), exact(-v, d), "{:e} at {d} decimals", -v);
            }
        }
    }

    /// Decimals as written, whether the number is in the one-walk index (shallow, named
    /// by object members) or beyond it (in an array, deeper than INDEX_DEPTH).
    #[test]
    fn decimals_as_written_inside_and_beyond_the_index() {
        let deep = format!("{}2.50{}", "{\"d\":".repeat(INDEX_DEPTH + 2), "}".repeat(INDEX_DEPTH + 2));
        let text = format!(r#"{{"cost_analysis":{{"a":1.500,"list":[7,3.0],"deep":{deep},"z":1e2}}}}"#);
        let r = crate::read::read(text.into_bytes(), &crate::read::Limits::default());
        let doc = r.document.unwrap();
        let facts = Facts::new(&doc);
        let deep_ptr = format!("/cost_analysis/deep{}", "/d".repeat(INDEX_DEPTH + 2));
        for (pointer, want) in
            [("/cost_analysis/a", 3), ("/cost_analysis/list/1", 1), (deep_ptr.as_str(), 2), ("/cost_analysis/z", 0)]
        {
            assert_eq!(facts.num(pointer).map(|n| n.decimals), Some(want), "{pointer}");
            // Asked again: the cached answer is the same.
            assert_eq!(facts.num(pointer).map(|n| n.decimals), Some(want), "{pointer}");
        }
    }
}
