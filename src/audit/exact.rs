//! The equations of the audit computed exactly, on the decimals the bundle signs, for the
//! figures whose floating-point difference from the computed value lies too near half a
//! unit of their last decimal to decide.
//!
//! The floating-point comparison allows slack for the rounding of the operations that
//! compute a value ([`Formula::noise`]; it was 64 units in the last place of the figure).
//! Above about 3.5 x 10^11 those 64 units were more than half a cent, and a savings figure one cent (at 4 x 10^12, two cents) from
//! the costs' difference passed, though the contract's rule (the computed value, rounded to
//! the decimals shown, equals the figure) rejects it. Near that boundary a difference or a
//! restatement ([`decides`]) is taken as the exact decimals RFC 8785 writes (the text the
//! hash and the signatures cover), and decided with no slack at all, the publisher's own
//! double of the formula allowed beside it ([`holds_or_double`]): above 2^44 a cent is
//! finer than the doubles, and the slack alone passed savings 3 cents off at 6 x 10^13.
//! A quotient keeps the slack: a publisher's double of it may round either way near half a
//! unit, and an honest figure must not fail on that.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Num, Signed};

/// A formula of the audit: one evaluation for doubles, the same for exact rationals, so
/// that the two can never compute different things.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Formula {
    /// `a - b`
    Difference,
    /// `a`
    Same,
    /// `(1 - 1 / a) * 100`
    TimeSavings,
    /// `a / b`
    Quotient,
    /// `(t - p) / of * factor`, `of` being `p` (`of_platform`) or `t`.
    CostShare { of_platform: bool, percent: bool },
    /// `saved / of * factor`
    SavingsShare { percent: bool },
    /// `a / 100`
    Hundredth,
}

fn hundred<T: Num>() -> T {
    T::from_str_radix("100", 10).unwrap_or_else(|_| T::one())
}

fn factor<T: Num>(percent: bool) -> T {
    if percent {
        hundred()
    } else {
        T::one()
    }
}

impl Formula {
    /// The value of the formula on `v` (its inputs, in order); None where it divides by
    /// zero or the inputs are not as many as it reads.
    pub fn eval<T: Num + Clone>(self, v: &[T]) -> Option<T> {
        match (self, v) {
            (Formula::Difference, [a, b]) => Some(a.clone() - b.clone()),
            (Formula::Same, [a]) => Some(a.clone()),
            (Formula::TimeSavings, [a]) if !a.is_zero() => Some((T::one() - T::one() / a.clone()) * hundred()),
            (Formula::Quotient, [a, b]) if !b.is_zero() => Some(a.clone() / b.clone()),
            (Formula::CostShare { of_platform, percent }, [t, p]) => {
                let of = if of_platform { p.clone() } else { t.clone() };
                (!of.is_zero()).then(|| (t.clone() - p.clone()) / of * factor(percent))
            }
            (Formula::SavingsShare { percent }, [saved, of]) if !of.is_zero() => {
                Some(saved.clone() / of.clone() * factor(percent))
            }
            (Formula::Hundredth, [a]) => Some(a.clone() / hundred()),
            _ => None,
        }
    }
}

/// Half a unit in the last place, relative: how far a double may lie from the decimal it
/// stands for, and each operation from its exact result, in proportion to the value.
pub const HALF_ULP: f64 = f64::EPSILON / 2.0;
const U: f64 = HALF_ULP;

/// A double with a bound on its distance from the value it computes.
#[derive(Clone, Copy)]
struct Bounded(f64, f64);

impl Bounded {
    fn input(v: f64) -> Self {
        Bounded(v, U * v.abs())
    }
    fn sub(self, o: Self) -> Self {
        let r = self.0 - o.0;
        Bounded(r, self.1 + o.1 + U * r.abs())
    }
    fn div(self, o: Self) -> Self {
        let r = self.0 / o.0;
        Bounded(r, self.1 / o.0.abs() + self.0.abs() * o.1 / (o.0 * o.0) + U * r.abs())
    }
    fn times(self, k: f64) -> Self {
        let r = self.0 * k;
        Bounded(r, self.1 * k.abs() + U * r.abs())
    }
}

impl Formula {
    /// How far a double evaluation of the formula on `v` may lie from its value on the
    /// decimals the doubles stand for (to first order: each input within half a unit in
    /// the last place of its decimal, each operation rounding by half a unit of its result).
    /// A publisher's double of the same formula lies as far again. A subtraction of near
    /// costs loses the digits the costs had, and the bound says so, where a number of units
    /// in the last place of the result does not. 0 where the formula cannot be computed.
    pub fn noise(self, v: &[f64]) -> f64 {
        // (No vector: this runs for every equation of every bundle.)
        let b = match *v {
            [a] => [Bounded::input(a), Bounded(0.0, 0.0)],
            [a, c] => [Bounded::input(a), Bounded::input(c)],
            _ => return 0.0,
        };
        let b: &[Bounded] = if v.len() == 1 { &b[..1] } else { &b };
        let one = Bounded(1.0, 0.0);
        let bound = match (self, b) {
            (Formula::Difference, [a, c]) => a.sub(*c),
            (Formula::Same, [a]) => *a,
            (Formula::TimeSavings, [a]) => one.sub(one.div(*a)).times(100.0),
            (Formula::Quotient, [a, c]) => a.div(*c),
            (Formula::CostShare { of_platform, percent }, [t, p]) => {
                let of = if of_platform { *p } else { *t };
                t.sub(*p).div(of).times(if percent { 100.0 } else { 1.0 })
            }
            (Formula::SavingsShare { percent }, [saved, of]) => saved.div(*of).times(if percent { 100.0 } else { 1.0 }),
            (Formula::Hundredth, [a]) => a.div(Bounded(100.0, 0.0)),
            _ => return 0.0,
        };
        if bound.1.is_finite() {
            bound.1
        } else {
            0.0
        }
    }
}

/// The decimal a double stands for in the signed payload: its RFC 8785 form, exactly
/// (`24.5` is 49/2, `2.45e-7` is 245/10^9, `1e+21` is 10^21). None for a value that is not
/// finite.
pub fn signed_decimal(v: f64) -> Option<BigRational> {
    if !v.is_finite() {
        return None;
    }
    let mut text = Vec::with_capacity(24);
    crate::canonical::push_number(&mut text, v);
    let text = std::str::from_utf8(&text).ok()?;
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = BigInt::parse_bytes(format!("{int}{frac}").as_bytes(), 10)?;
    let scale = i64::try_from(frac.len()).ok()? - exponent;
    let ten = BigInt::from(10);
    let power = num_traits::pow(ten, usize::try_from(scale.unsigned_abs()).ok()?);
    Some(if scale >= 0 { BigRational::new(digits, power) } else { BigRational::from_integer(digits * power) })
}

/// Whether the equation is for [`holds_or_double`] to decide: a difference or a
/// restatement, whose value on the signed decimals is itself a decimal. A quotient (a
/// share, a cost per record, a time saving) has no exact decimal, so a publisher's double
/// of it may round either way near half a unit, in an order of operations of its own: the
/// doubles' slack stays for it (bounded by [`Formula::noise`], about 10^-14 of the figure:
/// only a figure that shows some 15 significant digits is decided inside it).
pub fn decides(formula: Formula) -> bool {
    matches!(formula, Formula::Difference | Formula::Same)
}

/// Whether `found` (held to `decimals` decimals) is within half a unit of its last decimal
/// of `formula` on `inputs`, all taken as the decimals they are signed as. None when a value
/// is not finite or the formula cannot be computed.
pub fn holds(found: f64, decimals: u32, formula: Formula, inputs: &[f64]) -> Option<bool> {
    let found = signed_decimal(found)?;
    let inputs = inputs.iter().map(|v| signed_decimal(*v)).collect::<Option<Vec<_>>>()?;
    let expected = formula.eval(&inputs)?;
    let unit = num_traits::pow(BigInt::from(10), usize::try_from(decimals).ok()?);
    let half = BigRational::new(BigInt::from(1), unit * 2);
    Some((found - expected).abs() <= half)
}

/// [`holds`], or `found` is the publisher's own double of the formula, `double` (the one
/// double `a - b` or `a` gives: IEEE rounds each operation correctly), rounded to its
/// decimals or written in full. Where cents are finer than two units in the last place of
/// the doubles (above 2^44, about 1.76 x 10^13 USD) that double may be a cent or more from
/// the exact difference (59,999,999,999,505.17 for an exact .18), and an honest publisher
/// who computed in doubles writes it; a figure that neither the exact decimals nor that
/// double round to was passed by the doubles' slack alone (3 cents at 6 x 10^13, some
/// tenths of a dollar at 9 x 10^13).
pub fn holds_or_double(found: f64, decimals: u32, formula: Formula, inputs: &[f64], double: f64) -> Option<bool> {
    Some(holds(found, decimals, formula, inputs)? || holds(found, decimals, Formula::Same, &[double])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_decimals_are_exact() {
        let r = |n: i64, d: i64| BigRational::new(BigInt::from(n), BigInt::from(d));
        assert_eq!(signed_decimal(24.5), Some(r(49, 2)));
        assert_eq!(signed_decimal(0.1), Some(r(1, 10)));
        assert_eq!(signed_decimal(2.45e-7), Some(r(245, 1_000_000_000)));
        assert_eq!(signed_decimal(-3.0), Some(r(-3, 1)));
        assert_eq!(signed_decimal(0.0), Some(r(0, 1)));
        assert_eq!(signed_decimal(1e21), Some(BigRational::from_integer(num_traits::pow(BigInt::from(10), 21))));
        assert!(signed_decimal(5e-324).is_some());
        assert!(signed_decimal(f64::MAX).is_some());
        assert_eq!(signed_decimal(f64::NAN), None);
    }

    /// The noise of a formula is its inputs' and its operations' rounding, to first order.
    #[test]
    fn noise_is_the_rounding_of_inputs_and_operations() {
        let d = Formula::Difference.noise(&[1.4e12, 3.5e11]);
        assert!(d > 1.4e12 * U && d < 4.0 * 1.4e12 * U, "{d}");
        // near costs: the difference keeps their error, not one of its own size
        let near = Formula::CostShare { of_platform: true, percent: true }.noise(&[100.000_000_01, 100.0]);
        // (an ROI of 1e-8 %: its own ulps are 1e-24, the costs' rounding 2.2e-14)
        assert!(near > 2e-14 && near < 3e-14, "{near}");
        assert_eq!(Formula::Quotient.noise(&[1.0, 0.0]), 0.0);
    }

    /// The doubles and the rationals compute one formula.
    #[test]
    fn one_formula_for_both() {
        let f = Formula::CostShare { of_platform: true, percent: true };
        assert_eq!(f.eval(&[98.0, 24.5]), Some(300.0));
        assert_eq!(f.eval(&[98.0, 0.0]), None);
        assert_eq!(Formula::TimeSavings.eval(&[4.0]), Some(75.0));
        assert_eq!(Formula::Hundredth.eval(&[75.0]), Some(0.75));
        assert_eq!(Formula::Quotient.eval(&[1.0]), None);
    }

    /// One cent from the costs' difference is one cent at every magnitude, and an exact
    /// half a unit holds (either rounding of a half).
    #[test]
    fn a_cent_is_a_cent() {
        let d = Formula::Difference;
        assert_eq!(holds(1_050_000_000_000.01, 2, d, &[1_400_000_000_000.0, 350_000_000_000.0]), Some(false));
        assert_eq!(holds(3_000_000_000_000.01, 2, d, &[4_000_000_000_000.0, 1_000_000_000_000.0]), Some(false));
        assert_eq!(holds(3_000_000_000_000.0, 2, d, &[4_000_000_000_000.004, 1_000_000_000_000.0]), Some(true));
        assert_eq!(holds(0.3, 1, d, &[0.4, 0.1]), Some(true));
        assert_eq!(holds(73.0, 0, d, &[98.0, 24.5]), Some(true));
        assert_eq!(holds(74.0, 0, d, &[98.0, 24.5]), Some(true));
        assert_eq!(holds(72.0, 0, d, &[98.0, 24.5]), Some(false));
        assert!(decides(d) && decides(Formula::Same));
        assert!(!decides(Formula::Quotient) && !decides(Formula::TimeSavings));
        // above 2^44: the exact difference, or the publisher's double of it, and nothing else
        let (t, p) = (80_000_000_000_154.55, 20_000_000_000_649.37);
        assert_eq!(t - p, 59_999_999_999_505.17, "the double is a cent from the exact .18");
        assert_eq!(holds_or_double(59_999_999_999_505.18, 2, d, &[t, p], t - p), Some(true));
        assert_eq!(holds_or_double(59_999_999_999_505.17, 2, d, &[t, p], t - p), Some(true));
        assert_eq!(holds_or_double(59_999_999_999_505.16, 2, d, &[t, p], t - p), Some(false));
        assert_eq!(holds_or_double(59_999_999_999_505.19, 2, d, &[t, p], t - p), Some(false));
        assert_eq!(holds_or_double(60_000_000_000_000.03, 2, d, &[8e13, 2e13], 6e13), Some(false));
        assert_eq!(holds_or_double(0.3 - 0.1, 17, d, &[0.3, 0.1], 0.3 - 0.1), Some(true), "a double in full");
    }
}
