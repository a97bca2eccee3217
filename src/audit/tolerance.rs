//! When is a reported number consistent with the value computed from its inputs?
//!
//! Default: the computed value, rounded to the number of decimals the reported value
//! shows, equals the reported value (76 vs 76.19 consistent, 75 vs 76.19 not). Put
//! differently, the difference is at most half a unit in the last decimal shown. With an
//! explicit relative tolerance (`--tolerance 0.01` = 1 %), the difference may be at most
//! that fraction of the larger magnitude instead.

/// Number of decimals a JSON number literal shows: `76` -> 0, `24.50` -> 2,
/// `2.45e-5` -> 7, `1.5E+3` -> 0. Text that is not a number literal yields 0.
pub fn decimals_shown(raw: &str) -> u32 {
    let raw = raw.trim();
    let (mantissa, exponent) = match raw.find(['e', 'E']) {
        Some(i) => (&raw[..i], raw[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (raw, 0),
    };
    let frac = match mantissa.find('.') {
        Some(i) => (mantissa.len() - i - 1) as i64,
        None => 0,
    };
    let d = frac - exponent;
    // Up to the decimals of the smallest double (5e-324): a cap of 20 once made any
    // value under 5e-21 consistent with any other there.
    d.clamp(0, MAX_DECIMALS) as u32
}

/// The most decimals a figure is taken to show.
const MAX_DECIMALS: i64 = 330;

/// The decimals of a number as RFC 8785 writes it, which is what its hash and signature
/// cover: `76.0` and `76` are one signed value, so both show 0 decimals. The spelling in
/// the file can be changed without touching the signature, and must not move a verdict.
pub fn decimals_signed(v: f64) -> u32 {
    if !v.is_finite() {
        return 0;
    }
    let mut text = Vec::with_capacity(24);
    crate::canonical::push_number(&mut text, v);
    std::str::from_utf8(&text).map_or(0, decimals_shown)
}

/// Half a unit of the last of `decimals` decimals: how far the value a figure rounds may
/// be from it.
pub fn half_unit(decimals: u32) -> f64 {
    0.5 * 10f64.powi(-(decimals.min(300) as i32))
}

/// 2^-30: see [`Comparison::undecided`].
const NEAR: f64 = 1.0 / (1u64 << 30) as f64;

/// How two numbers are compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// By the decimals the reported value shows.
    Decimals,
    /// |found - expected| <= rel * max(|found|, |expected|).
    Relative(f64),
}

/// The outcome of one comparison, with the allowed difference for the report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub consistent: bool,
    pub allowed: f64,
    pub difference: f64,
    /// How near `allowed` a difference is too near for doubles to decide (see
    /// [`Comparison::undecided`]).
    pub near: f64,
}

impl Comparison {
    /// Whether the difference lies so near the allowed difference that the rounding of
    /// doubles may have decided: within 2^-30 (about 10^-9) of the larger magnitude, far
    /// more than the few dozen units in the last place the formulas round by. A rule that
    /// can then compute exactly should ([`super::exact`]).
    pub fn undecided(&self) -> bool {
        self.difference.is_finite() && (self.difference - self.allowed).abs() <= self.near
    }
}

/// Compare a reported value (`found`, which shows `decimals` decimals) with the value
/// computed from its inputs (`expected`).
pub fn compare(found: f64, decimals: u32, expected: f64, tolerance: Tolerance) -> Comparison {
    // A few dozen ulps of slack, so that the rounding of the few operations that compute
    // `expected` (0.1 + 0.2 style noise) never decides a verdict. It was 1e-9 of the
    // magnitude, millions of ulps: 3,000,000,002.99 then passed for 3,000,000,000.00.
    let slack = 64.0 * f64::EPSILON * found.abs().max(expected.abs()).max(f64::MIN_POSITIVE);
    compare_within(found, decimals, expected, tolerance, slack)
}

/// [`compare`] for two counts the bundle or a table states (not computed): whole numbers
/// up to 2^53 are exact in doubles, and so is their difference, so no slack for rounding is
/// due. The 64 units in the last place of [`compare`] are more than half a record above
/// about 3.5 x 10^13: a `records_processed` of 900,000,000,000,010 beside a table of
/// 900,000,000,000,000 live records agreed.
pub fn compare_counts(found: f64, decimals: u32, expected: f64, tolerance: Tolerance) -> Comparison {
    const EXACT: f64 = (1u64 << 53) as f64;
    let whole = |v: f64| v.fract() == 0.0 && v.abs() <= EXACT;
    if whole(found) && whole(expected) {
        compare_within(found, decimals, expected, tolerance, 0.0)
    } else {
        compare(found, decimals, expected, tolerance)
    }
}

/// [`compare`], with `slack` for the doubles' rounding: the equations bound it from their
/// formula ([`super::exact::Formula::noise`]), which 64 ulps of the result overstated
/// (above about 3.5e11 it was more than half a cent) and, for a difference of near costs,
/// understated.
pub fn compare_within(found: f64, decimals: u32, expected: f64, tolerance: Tolerance, slack: f64) -> Comparison {
    let difference = (found - expected).abs();
    let allowed = match tolerance {
        Tolerance::Decimals => half_unit(decimals),
        Tolerance::Relative(rel) => rel.abs() * found.abs().max(expected.abs()),
    };
    let consistent = difference.is_finite() && difference <= allowed + slack;
    let near = NEAR * found.abs().max(expected.abs()).max(f64::MIN_POSITIVE);
    Comparison { consistent, allowed, difference, near }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(decimals_shown("76"), 0);
        assert_eq!(decimals_shown("24.50"), 2);
        assert_eq!(decimals_shown("0.0000245"), 7);
        assert_eq!(decimals_shown("2.45e-5"), 7);
        assert_eq!(decimals_shown("2.45E-05"), 7);
        assert_eq!(decimals_shown("1.5e3"), 0);
        assert_eq!(decimals_shown("-3.25"), 2);
        assert_eq!(decimals_signed(24.5), 1);
        assert_eq!(decimals_signed(2.0), 0);
        assert_eq!(decimals_signed(76.0), 0);
        assert_eq!(decimals_signed(2.45e-5), 7);
        assert_eq!(decimals_signed(1.5e-7), 8);
        assert_eq!(decimals_signed(1e21), 0);
        assert_eq!(decimals_signed(-0.0), 0);
    }

    #[test]
    fn the_contract_examples() {
        let t = Tolerance::Decimals;
        assert!(compare(76.0, 0, 76.19047, t).consistent);
        assert!(!compare(75.0, 0, 76.19047, t).consistent);
        assert!(compare(76.2, 1, 76.19047, t).consistent);
        assert!(!compare(76.1, 1, 76.19047, t).consistent);
        assert!(compare(0.0000245, 7, 24.5 / 1_000_000.0, t).consistent);
        assert!(!compare(0.00003, 7, 24.5 / 1_000_000.0, t).consistent);
        assert!(compare(0.75, 2, 75.0 / 100.0, t).consistent);
        assert!(compare(75.0, 0, 73.5 / 98.0 * 100.0, t).consistent);
    }

    /// Half a unit of the last decimal shown, at every magnitude: large figures were
    /// allowed a further 1e-9 of their size (2.99 on 3e9, 1,000 on 1e12), and decimals
    /// were capped at 20 (4.9e-21 passed for 1e-21). Rounding noise still never decides.
    #[test]
    fn half_a_unit_of_the_last_decimal_at_every_magnitude() {
        let t = Tolerance::Decimals;
        assert!(!compare(3_000_000_002.99, 2, 4_000_000_000.00 - 1_000_000_000.00, t).consistent);
        assert!(compare(3_000_000_000.004, 2, 3_000_000_000.0, t).consistent);
        assert!(!compare(1_000_000_001_000.0, 0, 1e12, t).consistent);
        assert_eq!(decimals_shown("4.9e-21"), 22);
        assert!(!compare(4.9e-21, decimals_shown("4.9e-21"), 1e-21, t).consistent);
        assert!(compare(1.0e-21, decimals_shown("1.0e-21"), 1e-21, t).consistent);
        assert_eq!(decimals_shown("5e-330"), 330);
        assert!(compare(0.3, 17, 0.1 + 0.2, t).consistent, "rounding noise");
        assert!(compare(2.45e-5, 7, 24.5 / 1_000_000.0, t).consistent);
    }

    #[test]
    fn relative() {
        assert!(compare(75.0, 0, 76.19, Tolerance::Relative(0.02)).consistent);
        assert!(!compare(75.0, 0, 76.19, Tolerance::Relative(0.01)).consistent);
        assert!(compare(0.0, 0, 0.0, Tolerance::Relative(0.0)).consistent);
        assert!(!compare(1.0, 0, f64::NAN, Tolerance::Decimals).consistent);
    }
}
