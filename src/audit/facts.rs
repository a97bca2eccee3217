//! The figures of a bundle as the audit, the claims cross-check and the marketplace
//! profile read them: values by JSON pointer, numbers with the decimals they were
//! written with.

use crate::finding::{child, split_top};
use crate::read::{locate_all, Document};
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
    /// Decimals of every number literal of a member, indexed in one walk of the
    /// member's source on the first figure asked of it: the audit, the claims and the
    /// profiles ask for the same figures many times.
    decimals: std::cell::RefCell<HashMap<String, HashMap<String, u32>>>,
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
                let walked = self.index_member(&top);
                index.insert(top.clone().into_owned(), walked);
            }
            index.get(top.as_ref()).and_then(|m| m.get(inner)).copied()
        };
        let decimals = shown.unwrap_or_else(|| super::tolerance::decimals_of_value(value));
        Some(Num { pointer: pointer.to_owned(), value, decimals })
    }

    /// Decimals of every number literal in a top-level member, by pointer below it:
    /// the pointers come from the parsed value, their literals from one walk of the
    /// member's own source (a large extension member elsewhere costs nothing).
    fn index_member(&self, top: &str) -> HashMap<String, u32> {
        let mut pointers = Vec::new();
        if let Some(v) = self.doc.member_ref(top) {
            number_pointers(v, &mut String::new(), &mut pointers);
        }
        let (Some(member), false) = (self.doc.member(top), pointers.is_empty()) else {
            return HashMap::new();
        };
        let src = self.doc.source().get(member.offset..).unwrap_or_default();
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        let found = locate_all(src, &refs);
        pointers.into_iter().zip(found).filter_map(|(p, at)| Some((p, literal_decimals(src.get(at?..)?)?))).collect()
    }
}

/// Pointers (below `at`) of every number in `v`.
fn number_pointers(v: &Value, at: &mut String, out: &mut Vec<String>) {
    let len = at.len();
    match v {
        Value::Number(_) => out.push(at.clone()),
        Value::Object(map) => {
            for (k, item) in map {
                at.push('/');
                at.push_str(&crate::finding::pointer_token(k));
                number_pointers(item, at, out);
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push('/');
                at.push_str(&i.to_string());
                number_pointers(item, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

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
}
