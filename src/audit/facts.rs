//! The figures of a bundle as the audit, the claims cross-check and the marketplace
//! profile read them: values by JSON pointer, numbers with the decimals they are signed
//! with.

use crate::finding::{child, split_top};
use crate::read::Document;
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
    /// Decimals of the signed form (`24.50` -> 1, as RFC 8785 writes it `24.5`), the
    /// basis of the tolerance: the spelling in the file is not signed.
    pub decimals: u32,
}

impl Num {
    /// The value as the bundle signs it; in exponent form when written out it would be
    /// longer than [`SHOWN_DIGITS`] (5e-324 is 324 digits written out, 1e300 is 301, and a
    /// message quoted each figure of a formula so).
    pub fn shown(&self) -> String {
        let fixed = format_decimals(self.value, self.decimals);
        if fixed.len() > SHOWN_DIGITS {
            format!("{:e}", self.value)
        } else {
            fixed
        }
    }
}

/// The longest a figure is written out in a message: a double has 17 significant digits,
/// and 0.0000245 or a count below 10^21 with its sign fit.
const SHOWN_DIGITS: usize = 24;

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
    // Seven significant digits need 6 - magnitude decimals, and a computed 2.45e-18 came
    // out as 0 at the 17 decimals written out; 1e300 as 301 digits.
    if !(-11..21).contains(&magnitude) {
        let s = format!("{value:.6e}");
        return match s.split_once('e') {
            Some((mantissa, exponent)) if mantissa.contains('.') => {
                format!("{}e{exponent}", mantissa.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => s,
        };
    }
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
    /// Numbers already asked for, by pointer: a bundle's checks ask about 30 times for
    /// some 14 figures, and each answer is a lookup in the tree.
    /// Linear: the pointers asked for are the checks' own, a few dozen at most.
    asked: std::cell::RefCell<Vec<(std::rc::Rc<str>, Option<Num>)>>,
}

impl<'d> Facts<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Facts { doc, asked: std::cell::RefCell::default() }
    }

    pub fn get(&self, pointer: &str) -> Option<&'d Value> {
        let (top, inner) = split_top(pointer)?;
        if !MEMBERS.contains(&top.as_ref()) {
            return None;
        }
        let tree = match top.as_ref() {
            // closed sections of figures: an unknown member (375,000 `{"":0}`, 236 MB as a
            // tree) or a list where a figure belongs is read no further than its start;
            // so are the claims, whose readers (claims, marketplace) read only strings:
            // 375,000 `{"":0}` as `scale_proven` cost 265 MB, 10.8 times a plain bundle
            "privacy" | "cleaning" | "cost_analysis" | "performance_metrics" | "enterprise_validation" => {
                self.doc.member_cut(&top, crate::schema::figures)?
            }
            _ => self.doc.member_ref(&top)?,
        };
        crate::finding::lookup(tree, inner)
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

    /// A finite number at `pointer`, with the decimals of its signed form.
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
        Some(Num { pointer: pointer.clone(), value, decimals: super::tolerance::decimals_signed(value) })
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
        assert_eq!(format_computed(2.45e-18), "2.45e-18");
        assert_eq!(format_computed(-1e-300), "-1e-300");
        assert_eq!(format_computed(1.2345678e300), "1.234568e300");
        assert_eq!(format_computed(1.5e-11), "0.000000000015");
        assert_eq!(format_computed(0.0), "0");
    }

    /// A figure too long to read written out is quoted in exponent form; the usual ones
    /// as signed.
    #[test]
    fn shown_figures_stay_short() {
        let num =
            |value: f64| Num { pointer: "/x".into(), value, decimals: super::super::tolerance::decimals_signed(value) };
        assert_eq!(num(5e-324).shown(), "5e-324");
        assert_eq!(num(1e300).shown(), "1e300");
        assert_eq!(num(-1.5e-300).shown(), "-1.5e-300");
        assert_eq!(num(0.0000245).shown(), "0.0000245");
        assert_eq!(num(1.225e-14).shown(), "0.00000000000001225");
        assert_eq!(num(9007199254740992.0).shown(), "9007199254740992");
        assert_eq!(num(24.5).shown(), "24.5");
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

    /// The tolerance follows the signed form, not the spelling: `76.0` and `76` are one
    /// signed value (and one hash), so they must get one verdict. A re-spelling in the
    /// file could otherwise turn a rejected signed bundle into a verified one.
    #[test]
    fn decimals_of_the_signed_form_whatever_the_spelling() {
        for (spellings, want) in [
            (&["1.500", "1.5", "15e-1", "0.15E1"][..], 1),
            (&["76", "76.0", "76.000", "7.6e1", "760e-1"][..], 0),
            (&["2.45e-5", "0.0000245", "0.00002450"][..], 7),
            (&["1e2", "100", "100.00"][..], 0),
            (&["1.000000000000000005", "1"][..], 0),
        ] {
            for s in spellings {
                let text = format!(r#"{{"cost_analysis":{{"a":{s},"list":[7,{s}]}}}}"#);
                let r = crate::read::read(text.into_bytes(), &crate::read::Limits::default());
                let doc = r.document.unwrap();
                let facts = Facts::new(&doc);
                for pointer in ["/cost_analysis/a", "/cost_analysis/list/1"] {
                    assert_eq!(facts.num(pointer).map(|n| n.decimals), Some(want), "{s} at {pointer}");
                    assert_eq!(facts.num(pointer).map(|n| n.decimals), Some(want), "{s} asked again");
                }
            }
        }
    }
}
