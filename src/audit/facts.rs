//! The figures of a bundle as the audit, the claims cross-check and the marketplace
//! profile read them: values by JSON pointer, numbers with the decimals they were
//! written with.

use crate::finding::{child, split_top};
use crate::read::{locate, object_numbers, Document, NumberBounds};
use serde_json::Value;
use std::collections::HashMap;

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
    pub pointer: String,
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
    let fixed = format!("{:.*}", decimals.min(17) as usize, value);
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
    /// Decimals of a member's number literals (None: not found in the source), indexed
    /// in one walk of the member's source on the first figure asked of it: the audit,
    /// the claims and the profiles ask for the same figures many times.
    decimals: std::cell::RefCell<HashMap<String, HashMap<String, Option<u32>>>>,
}

impl<'d> Facts<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Facts { doc, decimals: std::cell::RefCell::default() }
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
        let value = self.get(pointer)?.as_f64().filter(|v| v.is_finite())?;
        let (top, inner) = split_top(pointer)?;
        let shown = {
            let mut index = self.decimals.borrow_mut();
            if !index.contains_key(top.as_ref()) {
                index.insert(top.clone().into_owned(), self.index_member(&top));
            }
            let member = index.get_mut(top.as_ref())?;
            match member.get(inner) {
                Some(known) => *known,
                // Beyond the index's bounds: this one figure's literal, found by itself.
                None => {
                    let found = self.decimals_at(&top, inner);
                    member.insert(inner.to_owned(), found);
                    found
                }
            }
        };
        let decimals = shown.unwrap_or_else(|| super::tolerance::decimals_of_value(value));
        Some(Num { pointer: pointer.to_owned(), value, decimals })
    }

    /// Decimals of the number literals of a top-level member, by pointer below it, in
    /// one walk of the member's own source (a large extension member elsewhere costs
    /// nothing). Only the figures the audit reads are indexed: numbers named by object
    /// members, at most INDEX_DEPTH deep and INDEX_MAX of them. Numbers in arrays or
    /// deeper are looked up one by one if asked for: a pointer string per number of a
    /// hostile nesting would cost the number count times the depth.
    fn index_member(&self, top: &str) -> HashMap<String, Option<u32>> {
        let Some(member) = self.doc.member(top) else {
            return HashMap::new();
        };
        let src = self.doc.source().get(member.offset..).unwrap_or_default();
        let bounds = NumberBounds { depth: INDEX_DEPTH, count: INDEX_MAX, pointer_len: INDEX_POINTER_MAX };
        object_numbers(src, bounds).into_iter().map(|(p, at)| (p, src.get(at..).and_then(literal_decimals))).collect()
    }

    /// Decimals of the one number literal at `inner` below the member `top`.
    fn decimals_at(&self, top: &str, inner: &str) -> Option<u32> {
        let member = self.doc.member(top)?;
        let src = self.doc.source().get(member.offset..)?;
        let at = locate(src, inner)?;
        literal_decimals(src.get(at..)?)
    }
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
