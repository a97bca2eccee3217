//! The figures of a bundle as the audit, the claims cross-check and the marketplace
//! profile read them: values by JSON pointer, numbers with the decimals they were
//! written with.

use crate::finding::child;
use crate::read::{locate, Document};
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
    value: Value,
    /// Decimals of each number literal already walked to: the audit, the claims and the
    /// profiles ask for the same figures many times, and each walk re-reads the source.
    decimals: std::cell::RefCell<std::collections::HashMap<String, Option<u32>>>,
}

impl<'d> Facts<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Facts { doc, value: doc.value_of(MEMBERS), decimals: std::cell::RefCell::default() }
    }

    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.value.pointer(pointer)
    }

    pub fn has(&self, pointer: &str) -> bool {
        self.get(pointer).is_some_and(|v| !v.is_null())
    }

    pub fn str(&self, pointer: &str) -> Option<&str> {
        self.get(pointer)?.as_str()
    }

    /// The object at `pointer`, as (name, pointer, value) of its members.
    pub fn members_of(&self, pointer: &str) -> Vec<(String, String, &Value)> {
        match self.get(pointer) {
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), child(pointer, k), v)).collect(),
            _ => Vec::new(),
        }
    }

    /// A finite number at `pointer`, with the decimals its source text shows.
    pub fn num(&self, pointer: &str) -> Option<Num> {
        let value = self.get(pointer)?.as_f64().filter(|v| v.is_finite())?;
        let known = self.decimals.borrow().get(pointer).copied();
        let shown = match known {
            Some(d) => d,
            None => {
                let d = self.source_decimals(pointer);
                self.decimals.borrow_mut().insert(pointer.to_owned(), d);
                d
            }
        };
        let decimals = shown.unwrap_or_else(|| super::tolerance::decimals_of_value(value));
        Some(Num { pointer: pointer.to_owned(), value, decimals })
    }

    /// Reads the number literal in the source. Only the top-level member's own text is
    /// walked, so a large extension member elsewhere costs nothing.
    fn source_decimals(&self, pointer: &str) -> Option<u32> {
        let rest = pointer.strip_prefix('/')?;
        let (top, inner) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let member = self.doc.member(&top.replace("~1", "/").replace("~0", "~"))?;
        let src = self.doc.source().get(member.offset..)?;
        let at = locate(src, inner)?;
        let literal: Vec<u8> = src
            .get(at..)?
            .iter()
            .copied()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
            .collect();
        if literal.first().is_some_and(|b| b.is_ascii_digit() || *b == b'-') {
            Some(super::tolerance::decimals_shown(std::str::from_utf8(&literal).ok()?))
        } else {
            None
        }
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
