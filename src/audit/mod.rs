//! The consistency audit (spec section "Internal consistency"): every figure of the
//! bundle that can be recomputed from other figures is recomputed and compared.
//!
//! Each equation is one rule. An input the bundle leaves out is derived where the
//! contract equates it with others (the platform cost is `total_cost_usd`; the
//! traditional cost is savings + platform cost); a rule whose inputs are still absent is
//! skipped (and says which input is missing). An equation that cannot be computed
//! (a zero divisor) while the bundle states its result is an error, never a pass. The
//! schema check reports wrong types, so a figure that is not a number is not used here.

pub mod diags;
pub mod exact;
pub mod facts;
pub mod normalize;
pub mod tolerance;

use crate::finding::{Finding, Outcome};
use crate::options::Options;
use crate::rules::Rule;
use diags::*;
use exact::Formula;
use facts::{format_computed, Facts, Num};
use time::format_description::well_known::Rfc3339;
use tolerance::{compare, Tolerance};

pub const PLATFORM: &str = "/cost_analysis/platform_costs";
pub const GAINS: &str = "/cost_analysis/efficiency_gains";
pub const ROI: &str = "/cost_analysis/roi_analysis";
pub const TRAINING: &str = "/performance_metrics/training";
pub const QUALITY: &str = "/performance_metrics/data_quality";

pub fn p(section: &str, field: &str) -> String {
    format!("{section}/{field}")
}

/// The pointers of the figures the consistency audit reads, written out once: the audit
/// runs for every bundle of a batch, and formatting them anew was a twentieth of its
/// instructions.
/// (`pointers_are_their_sections` holds them to the section constants above.)
pub mod at {
    pub const RECORDS_PROCESSED: &str = "/cost_analysis/platform_costs/records_processed";
    pub const TOTAL_COST_USD: &str = "/cost_analysis/platform_costs/total_cost_usd";
    pub const COST_PER_RECORD: &str = "/cost_analysis/platform_costs/cost_per_record";
    pub const GPU_HOURS: &str = "/cost_analysis/platform_costs/gpu_hours";
    pub const COMPUTE_TIME_SECONDS: &str = "/cost_analysis/platform_costs/compute_time_seconds";
    pub const COST_SAVINGS_PERCENTAGE: &str = "/cost_analysis/efficiency_gains/cost_savings_percentage";
    pub const VS_TRADITIONAL_TRAINING: &str = "/cost_analysis/efficiency_gains/vs_traditional_training";
    pub const TIME_SAVINGS_PERCENTAGE: &str = "/cost_analysis/efficiency_gains/time_savings_percentage";
    pub const CONVERGENCE_SPEEDUP: &str = "/cost_analysis/efficiency_gains/convergence_speedup";
    pub const COST_SAVINGS_USD: &str = "/cost_analysis/roi_analysis/cost_savings_usd";
    pub const ROI_PERCENTAGE: &str = "/cost_analysis/roi_analysis/roi_percentage";
    pub const PLATFORM_TRAINING_COST: &str = "/cost_analysis/roi_analysis/platform_training_cost";
    pub const TRADITIONAL_TRAINING_COST: &str = "/cost_analysis/roi_analysis/traditional_training_cost";
    pub const CONVERGENCE_TIME_SECONDS: &str = "/performance_metrics/training/convergence_time_seconds";
    pub const CLEANING_DEDUPED: &str = "/cleaning/deduped";
    pub const CLEANING_ROWS_REMOVED: &str = "/cleaning/rows_removed";
}

/// The comparison `--tolerance` asks for.
pub fn tolerance(opts: &Options) -> Tolerance {
    opts.tolerance.map(Tolerance::Relative).unwrap_or(Tolerance::Decimals)
}

/// How a comparison was made, for messages.
pub fn basis(t: Tolerance, decimals: u32, expected: f64) -> String {
    match t {
        Tolerance::Decimals => {
            let d = decimals.min(17) as usize;
            format!("{expected:.d$} ({} rounded to the {decimals} decimal(s) shown)", format_computed(expected))
        }
        Tolerance::Relative(r) => format!("{} within ±{}%", format_computed(expected), format_computed(r * 100.0)),
    }
}

/// The number of records behind the cost figures.
#[derive(Debug, Clone)]
pub struct RecordCount {
    pub value: f64,
    pub pointer: String,
    /// `total_cost_usd` and `cost_per_record` when the count is implied by them; None
    /// when `records_processed` states it.
    implied_from: Option<(Num, Num)>,
}

impl RecordCount {
    /// Whether the count is `total_cost_usd / cost_per_record`, not stated.
    pub fn implied(&self) -> bool {
        self.implied_from.is_some()
    }

    /// Where the count comes from, for messages (formatted only for a finding).
    pub fn source(&self) -> String {
        match &self.implied_from {
            Some((total, per)) => format!(
                "{} / cost_per_record = {} / {} implies {} records",
                if &*total.pointer == at::TOTAL_COST_USD {
                    "total_cost_usd"
                } else if total.pointer.contains("stands for it") {
                    "platform_training_cost (total_cost_usd absent)"
                } else {
                    &total.pointer
                },
                total.shown(),
                per.shown(),
                group(self.value)
            ),
            None => format!("records_processed ({}) is {}", self.pointer, group(self.value)),
        }
    }
}

pub fn record_count(facts: &Facts) -> Option<RecordCount> {
    if let Some(n) = facts.num(at::RECORDS_PROCESSED) {
        return Some(RecordCount { value: n.value, pointer: n.pointer.to_string(), implied_from: None });
    }
    let total = total_cost(facts)?;
    let per = facts.num(at::COST_PER_RECORD).filter(|n| n.value > 0.0)?;
    Some(RecordCount {
        value: total.value / per.value,
        pointer: per.pointer.to_string(),
        implied_from: Some((total, per)),
    })
}

/// The run's total cost: `platform_costs.total_cost_usd`, or `platform_training_cost`
/// standing for it when it is absent (the contract equates the two). Without it a cost
/// per record beside a record count was never checked: 0.5 USD a record for 1,000,000
/// records beside a platform cost of 24.50 was verified.
fn total_cost(facts: &Facts) -> Option<Num> {
    facts.num(at::TOTAL_COST_USD).or_else(|| {
        facts
            .num(at::PLATFORM_TRAINING_COST)
            .map(|n| Num { pointer: format!("total_cost_usd (absent; {} stands for it)", n.pointer).into(), ..n })
            .or_else(|| cost_left_by_savings(facts, "total_cost_usd", ""))
    })
}

/// The platform cost when the bundle states neither `platform_training_cost` nor
/// `total_cost_usd`: `traditional_training_cost - cost_savings_usd`, as the savings
/// equation has it. Without it the ROI and the cost per record were never checked: an ROI
/// of 900 % and 5 USD a record beside a traditional cost of 98 and savings of 73.50 (a
/// platform cost of 24.50) were verified. Never while one of the two is the figure under
/// test (`found`): an input derived from it would prove it.
fn cost_left_by_savings(facts: &Facts, name: &str, found: &str) -> Option<Num> {
    if found == at::TRADITIONAL_TRAINING_COST || found == at::COST_SAVINGS_USD {
        return None;
    }
    let traditional = facts.num(at::TRADITIONAL_TRAINING_COST)?;
    let savings = facts.num(at::COST_SAVINGS_USD)?;
    Some(Num {
        pointer: format!(
            "{name} (absent, as is {}; traditional_training_cost - cost_savings_usd = {} - {})",
            if name == "total_cost_usd" { "platform_training_cost" } else { "total_cost_usd" },
            traditional.shown(),
            savings.shown()
        )
        .into(),
        value: traditional.value - savings.value,
        decimals: traditional.decimals.max(savings.decimals),
    })
}

/// An integer-ish count with thousands separators: 1000000 -> "1,000,000".
pub fn group(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 1e21 {
        return format_computed(v);
    }
    let r = v.round();
    if (v - r).abs() > 1e-6 * v.abs().max(1.0) {
        return format_computed(v);
    }
    let digits = (r.abs() as u128).to_string();
    // Sized once: this runs for every count a message quotes.
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if r < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Audit<'a, 'd> {
    facts: &'a Facts<'d>,
    tol: Tolerance,
    out: &'a mut Outcome,
    platform: PlatformCost,
}

/// Which statement of the platform cost the equations read: the one the contract's
/// equations name (`platform_training_cost`, else `total_cost_usd`), or the more precise
/// of the two ([`platform_cost`]). Both must hold: see [`platform_equations`].
#[derive(Clone, Copy, PartialEq)]
enum PlatformCost {
    Stated,
    Precise,
}

impl PlatformCost {
    fn of(self, facts: &Facts) -> Option<Num> {
        match self {
            PlatformCost::Stated => stated_platform_cost(facts),
            PlatformCost::Precise => platform_cost(facts),
        }
    }
}

impl Audit<'_, '_> {
    /// The number at `pointer`, or one the contract lets us derive in its place.
    /// Never from `found`: an input derived from the value under test would prove it.
    fn value(&self, pointer: &str, found: &str) -> Option<Num> {
        if pointer == at::PLATFORM_TRAINING_COST {
            return self
                .platform
                .of(self.facts)
                .or_else(|| cost_left_by_savings(self.facts, "platform_training_cost", found));
        }
        if let Some(n) = self.facts.num(pointer) {
            return Some(n);
        }
        derive(self.facts, pointer, found, self.platform)
    }

    /// Numbers at `pointers`, or the rule is skipped naming what is missing.
    fn inputs(&mut self, rule: &'static Rule, pointers: &[&str]) -> Option<Vec<Num>> {
        self.inputs_for(rule, pointers, "")
    }

    fn inputs_for(&mut self, rule: &'static Rule, pointers: &[&str], found: &str) -> Option<Vec<Num>> {
        let nums: Vec<Option<Num>> = pointers.iter().map(|ptr| self.value(ptr, found)).collect();
        let missing: Vec<&str> = pointers.iter().zip(&nums).filter(|(_, n)| n.is_none()).map(|(p, _)| *p).collect();
        if !missing.is_empty() {
            self.out.skip(rule, format!("needs {}", missing.join(", ")));
            return None;
        }
        Some(nums.into_iter().flatten().collect())
    }

    /// `found` must equal `compute(inputs)`. The reported value itself is never derived.
    fn equation(&mut self, rule: &'static Rule, found: &str, formula: &str, inputs: &[&str], compute: Formula) {
        self.equation_held(rule, found, 0, formula, inputs, compute)
    }

    /// [`Self::equation`], with the reported value held to at least `min_decimals`
    /// decimals (a fraction to whole percents: see [`FRACTION_DECIMALS`]).
    fn equation_held(
        &mut self,
        rule: &'static Rule,
        found: &str,
        min_decimals: u32,
        formula: &str,
        inputs: &[&str],
        compute: Formula,
    ) {
        let Some(found) = self.facts.num(found) else {
            self.out.skip(rule, format!("needs {found}"));
            return;
        };
        let Some(inputs) = self.inputs_for(rule, inputs, &found.pointer) else { return };
        let values: Vec<f64> = inputs.iter().map(|n| n.value).collect();
        // Only a finding shows the inputs: most equations hold.
        let given = || inputs.iter().map(|n| format!("{} = {}", n.pointer, n.shown())).collect::<Vec<_>>().join(", ");
        let name = found.pointer.rsplit('/').next().unwrap_or_default();
        self.out.mark(rule);
        let computed = compute.eval(&values);
        let Some(expected) = computed.filter(|v| v.is_finite()) else {
            // A formula on legal inputs can also overflow (1e308 / 24.5 * 100): no double
            // holds its result, so the stated figure is not it either, but not for a zero.
            let why = if computed.is_some() { "its result is beyond the largest double" } else { "division by zero" };
            self.out.push(
                Finding::new(
                    rule,
                    &*found.pointer,
                    format!(
                        "{name} = {formula} cannot be computed from {} ({why}), yet the bundle states {}",
                        given(),
                        found.shown()
                    ),
                )
                .expected(format!("no {name}, or inputs it can be computed from"))
                .found(found.shown()),
            );
            return;
        };
        let held = found.decimals.max(min_decimals);
        // The rounding of the doubles: ours and a publisher's of the formula, each within
        // its noise, and the figure within half a unit in the last place of its decimal;
        // twice that again for a publisher who computed it in another order.
        let noise = compute.noise(&values) + exact::HALF_ULP * found.value.abs();
        let slack = (4.0 * noise).max(f64::MIN_POSITIVE);
        let c = tolerance::compare_within(found.value, held, expected, self.tol, slack);
        // Near half a unit of the last decimal, or past it within the slack, the doubles'
        // slack decides: there a difference or a restatement is held to the exact decimals
        // that are signed, or to the publisher's own double of it (see [`exact`]).
        let slack_decides = c.undecided() || (c.consistent && c.difference > c.allowed);
        let consistent = match self.tol {
            Tolerance::Decimals if slack_decides && exact::decides(compute) => {
                exact::holds_or_double(found.value, held, compute, &values, expected).unwrap_or(c.consistent)
            }
            _ => c.consistent,
        };
        if consistent {
            return;
        }
        let basis = match self.tol {
            Tolerance::Decimals if held > found.decimals => format!(
                "{expected:.d$} ({} rounded to {held} decimals: a fraction is held to whole percents at least)",
                format_computed(expected),
                d = held.min(17) as usize
            ),
            _ => basis(self.tol, found.decimals, expected),
        };
        self.out.push(
            Finding::new(
                rule,
                &*found.pointer,
                format!(
                    "{name} = {formula} = {} from {}; the bundle says {}",
                    format_computed(expected),
                    given(),
                    found.shown()
                ),
            )
            .expected(basis)
            .found(found.shown()),
        );
    }
}

/// An input the bundle leaves out, derived from the figures the contract equates it
/// with. The pointer names where the value came from, for messages.
fn derive(facts: &Facts, pointer: &str, found: &str, cost: PlatformCost) -> Option<Num> {
    // (The platform cost itself is asked by `Audit::value` first.)
    let platform = || cost.of(facts);
    if pointer == at::TOTAL_COST_USD && found != at::PLATFORM_TRAINING_COST {
        // (Not an input of the savings or the traditional cost: derived from them alike.)
        return total_cost(facts);
    }
    if pointer == at::TRADITIONAL_TRAINING_COST && found != at::COST_SAVINGS_USD {
        let savings = facts.num(at::COST_SAVINGS_USD)?;
        let platform = platform()?;
        return Some(Num {
            pointer: format!(
                "traditional_training_cost (absent; cost_savings_usd + platform cost = {} + {})",
                savings.shown(),
                platform.shown()
            )
            .into(),
            value: savings.value + platform.value,
            decimals: savings.decimals.max(platform.decimals),
        });
    }
    if pointer == at::COST_SAVINGS_USD && found != at::TRADITIONAL_TRAINING_COST {
        let traditional = facts.num(at::TRADITIONAL_TRAINING_COST)?;
        let platform = platform()?;
        return Some(Num {
            pointer: format!(
                "cost_savings_usd (absent; traditional_training_cost - platform cost = {} - {})",
                traditional.shown(),
                platform.shown()
            )
            .into(),
            value: traditional.value - platform.value,
            decimals: traditional.decimals.max(platform.decimals),
        });
    }
    None
}

/// The platform cost as the contract's equations name it: `platform_training_cost`, and
/// `total_cost_usd` standing for it when it is absent.
fn stated_platform_cost(facts: &Facts) -> Option<Num> {
    facts.num(at::PLATFORM_TRAINING_COST).or_else(|| {
        facts.num(at::TOTAL_COST_USD).map(|n| Num {
            pointer: format!("platform_training_cost (absent; {} stands for it)", n.pointer).into(),
            ..n
        })
    })
}

/// The platform cost stated most precisely: the contract
/// equates `platform_training_cost` with `total_cost_usd`, so it is whichever of the two
/// states it to more decimals (`platform_training_cost` on a tie), and `total_cost_usd`
/// alone stands for it. A `platform_training_cost` of 24 holds for a total of 24.50 at its
/// 0 decimals, and an ROI computed on the rounded 24 held at its own decimals again: 308 %
/// where the cost the bundle reports gives 300 % was verified.
fn platform_cost(facts: &Facts) -> Option<Num> {
    match (facts.num(at::PLATFORM_TRAINING_COST), facts.num(at::TOTAL_COST_USD)) {
        (Some(stated), Some(total)) if total.decimals > stated.decimals => Some(Num {
            pointer: format!(
                "platform_training_cost ({} = {} states it to more decimals than {})",
                total.pointer,
                total.shown(),
                stated.shown()
            )
            .into(),
            ..total
        }),
        _ => stated_platform_cost(facts),
    }
}

/// Whether [`platform_cost`] is another figure than [`stated_platform_cost`].
fn total_is_more_precise(facts: &Facts) -> bool {
    match (facts.num(at::PLATFORM_TRAINING_COST), facts.num(at::TOTAL_COST_USD)) {
        (Some(stated), Some(total)) => total.decimals > stated.decimals,
        _ => false,
    }
}

pub fn check(facts: &Facts, opts: &Options, out: &mut Outcome) {
    let mut a = Audit { facts, tol: tolerance(opts), out, platform: PlatformCost::Stated };

    platform_equations(&mut a);
    a.equation(
        &PLATFORM_COST,
        at::PLATFORM_TRAINING_COST,
        "platform_costs.total_cost_usd",
        &[at::TOTAL_COST_USD],
        Formula::Same,
    );
    a.equation(
        &TIME_SAVINGS,
        at::TIME_SAVINGS_PERCENTAGE,
        "(1 - 1 / convergence_speedup) * 100",
        &[at::CONVERGENCE_SPEEDUP],
        Formula::TimeSavings,
    );
    records(&mut a);
    gpu_hours(&mut a);
    convergence(&mut a);
    cleaning(&mut a);
    plausibility(&mut a);
    generated_at(facts, opts, a.out);
}

/// The equations that read the platform cost, on the cost the contract's equations name
/// and then, when `total_cost_usd` states it to more decimals, on that one too: each must
/// hold on both. On the stated cost alone, `platform_training_cost` 24 beside a total of
/// 24.50 carried an ROI of 308 % where the total gives 300 %; on the precise one alone,
/// an ROI of 300 % beside the stated 24 passed where the contract's equation gives 308 %.
/// A rule that fails on the first is not reported twice.
fn platform_equations(a: &mut Audit) {
    let from_costs = both_costs_stated(a.facts);
    let run = |a: &mut Audit| {
        a.equation(
            &COST_SAVINGS_USD,
            at::COST_SAVINGS_USD,
            "traditional_training_cost - platform_training_cost",
            &[at::TRADITIONAL_TRAINING_COST, at::PLATFORM_TRAINING_COST],
            Formula::Difference,
        );
        roi(a, from_costs);
        savings_share(a, &COST_SAVINGS_PERCENTAGE, at::COST_SAVINGS_PERCENTAGE, from_costs, Share::Percentage);
        vs_traditional(a, from_costs);
    };
    run(a);
    if !total_is_more_precise(a.facts) {
        return;
    }
    let mut second = Outcome::default();
    run(&mut Audit { facts: a.facts, tol: a.tol, out: &mut second, platform: PlatformCost::Precise });
    for f in second.findings {
        if !a.out.findings.iter().any(|g| std::ptr::eq(g.rule, f.rule)) {
            a.out.push(f);
        }
    }
}

/// A share of the savings: the ROI (of the platform's cost, in percent), the savings
/// percentage and `vs_traditional_training` (of the traditional cost, in percent and as a
/// fraction).
#[derive(Clone, Copy, PartialEq)]
enum Share {
    Roi,
    Percentage,
    Fraction,
}

impl Share {
    /// The formulas from the two costs and from `cost_savings_usd`, the pointer of the cost
    /// the share is taken of, and whether it is a percentage (a factor of 100).
    fn terms(self) -> (&'static str, &'static str, &'static str, bool) {
        match self {
            Share::Roi => (
                "(traditional_training_cost - platform_training_cost) / platform_training_cost * 100",
                "cost_savings_usd / platform_training_cost * 100",
                at::PLATFORM_TRAINING_COST,
                true,
            ),
            Share::Percentage => (
                "(traditional_training_cost - platform_training_cost) / traditional_training_cost * 100",
                "cost_savings_usd / traditional_training_cost * 100",
                at::TRADITIONAL_TRAINING_COST,
                true,
            ),
            Share::Fraction => (
                "(traditional_training_cost - platform_training_cost) / traditional_training_cost",
                "cost_savings_usd / traditional_training_cost",
                at::TRADITIONAL_TRAINING_COST,
                false,
            ),
        }
    }
}

/// `found` = savings / the share's cost (* 100 for a percentage), the savings being the two
/// costs' difference when `from_costs` (see [`both_costs_stated`]), else `cost_savings_usd`.
fn savings_share(a: &mut Audit, rule: &'static Rule, found: &str, from_costs: bool, share: Share) {
    let (formula_from_costs, formula_from_savings, base_pointer, percent) = share.terms();
    let held = if share == Share::Fraction { FRACTION_DECIMALS } else { 0 };
    if from_costs {
        let costs = [at::TRADITIONAL_TRAINING_COST, at::PLATFORM_TRAINING_COST];
        let of_platform = share == Share::Roi;
        let formula = Formula::CostShare { of_platform, percent };
        a.equation_held(rule, found, held, formula_from_costs, &costs, formula);
    } else {
        let inputs = [at::COST_SAVINGS_USD, base_pointer];
        a.equation_held(rule, found, held, formula_from_savings, &inputs, Formula::SavingsShare { percent });
    }
}

/// The ROI from the costs or the savings ([`savings_share`]), and, when neither the
/// savings nor the traditional cost is stated or derivable, from the share of the
/// traditional cost saved ([`roi_from_share`]).
fn roi(a: &mut Audit, from_costs: bool) {
    let found = at::ROI_PERCENTAGE;
    let computable = from_costs
        || a.value(at::COST_SAVINGS_USD, found).is_some() && a.value(at::PLATFORM_TRAINING_COST, found).is_some();
    if !computable && a.facts.num(found).is_some() && roi_from_share(a) {
        return;
    }
    savings_share(a, &ROI_PERCENTAGE, found, from_costs, Share::Roi);
}

/// The ROI a savings share implies: the savings are the share `s` of the traditional
/// cost and the platform cost the rest, so `roi_percentage = s / (100 - s) * 100` (the
/// contract's ROI, savings and savings-percentage equations together), whatever the costs.
/// The share stands for every value it rounds, and the ROI for every value it rounds:
/// they agree when the two ranges meet. An ROI of 900 % beside a 75 % saving (which gives
/// 292 % to 308 % as 74.5 % to 75.5 %) was verified when the bundle left out the savings
/// and the traditional cost. False when no share is stated.
fn roi_from_share(a: &mut Audit) -> bool {
    // The share in percent, half a unit of it, and how the bundle states it.
    let (percent, percent_half, stated) = if let Some(pct) = a.facts.num(at::COST_SAVINGS_PERCENTAGE) {
        (pct.value, tolerance::half_unit(pct.decimals), format!("{} = {}", pct.pointer, pct.shown()))
    } else if let Some(fraction) = a.facts.num(at::VS_TRADITIONAL_TRAINING) {
        let half = 100.0 * tolerance::half_unit(fraction.decimals.max(FRACTION_DECIMALS));
        (fraction.value * 100.0, half, format!("100 x {} = 100 x {}", fraction.pointer, fraction.shown()))
    } else {
        return false;
    };
    let Some(found) = a.facts.num(at::ROI_PERCENTAGE) else { return false };
    a.out.mark(&ROI_PERCENTAGE);
    let roi_of = |s: f64| if s >= 100.0 { f64::INFINITY } else { s.max(0.0) / (100.0 - s) * 100.0 };
    let (lo, hi) = match a.tol {
        Tolerance::Decimals => (roi_of(percent - percent_half), roi_of(percent + percent_half)),
        Tolerance::Relative(_) => (roi_of(percent), roi_of(percent)),
    };
    // (Not `clamp`, which panics on bounds it finds out of order: no input may panic.)
    let nearest = found.value.max(lo).min(hi);
    if compare(found.value, found.decimals, nearest, a.tol).consistent {
        return true;
    }
    let range = if lo == hi || a.tol != Tolerance::Decimals {
        format_computed(lo)
    } else {
        format!("{} to {}", format_computed(lo), format_computed(hi))
    };
    a.out.push(
        Finding::new(
            &ROI_PERCENTAGE,
            &*found.pointer,
            format!(
                "roi_percentage = s / (100 - s) * 100, s being the share of the traditional cost saved \
                 ({stated} as rounded; no cost_savings_usd or traditional_training_cost to compute the ROI \
                 from), is {range}; the bundle says {}",
                found.shown()
            ),
        )
        .expected(format!("{range} (the share as it rounds)"))
        .found(found.shown()),
    );
    true
}

/// `vs_traditional_training` is the savings percentage as a fraction: the contract's
/// `cost_savings_percentage / 100` when the percentage is stated (which its own rule holds
/// to the costs), else computed as the percentage would be, from the two costs or from
/// `cost_savings_usd`: a bundle without the percentage had its fraction never checked (0.9
/// beside costs that save 75 % was verified).
fn vs_traditional(a: &mut Audit, from_costs: bool) {
    let found = at::VS_TRADITIONAL_TRAINING;
    // The contract's equation first: with the percentage stated, the fraction restates it
    // (a verifier of the contract alone rejects 0.7541 beside 75.4, so this one does).
    // Without it, the costs decide.
    let computable = || {
        from_costs
            || a.value(at::COST_SAVINGS_USD, found).is_some() && a.value(at::TRADITIONAL_TRAINING_COST, found).is_some()
    };
    if a.facts.num(at::COST_SAVINGS_PERCENTAGE).is_none() && computable() {
        savings_share(a, &VS_TRADITIONAL, found, from_costs, Share::Fraction);
        return;
    }
    let pct = [at::COST_SAVINGS_PERCENTAGE];
    a.equation_held(
        &VS_TRADITIONAL,
        found,
        FRACTION_DECIMALS,
        "cost_savings_percentage / 100",
        &pct,
        Formula::Hundredth,
    );
}

/// The fewest decimals a fraction (`vs_traditional_training`) is held to: whole percents,
/// as the percentage it restates. Its signed form drops trailing zeros, so 1.00 is signed
/// `1` and shows 0 decimals, half a unit of which is half the whole range: 1 (a 100 % cost
/// reduction) agreed with any share from 50 % up, and was verified beside costs that save
/// 75 %. At whole percents 1 still stands for 99.5 % and more.
const FRACTION_DECIMALS: u32 = 2;

/// Whether the ROI and the savings share are computed from the two costs rather than
/// from `cost_savings_usd`, which stands for their difference: a savings figure passes
/// within its own rounding, and a share computed from the rounded figure passed within
/// its rounding again (an ROI of 4 % beside costs of 25.10 and 24.50, whose ROI is
/// 2.45 %, and savings stated as 1). The platform cost may be `total_cost_usd`.
fn both_costs_stated(facts: &Facts) -> bool {
    facts.num(at::TRADITIONAL_TRAINING_COST).is_some()
        && (facts.num(at::PLATFORM_TRAINING_COST).is_some() || facts.num(at::TOTAL_COST_USD).is_some())
}

/// The member name a pointer ends in.
fn field(pointer: &str) -> &str {
    pointer.rsplit('/').next().unwrap_or_default()
}

/// A figure as shown, in exponent form once it is too large to read digit by digit
/// (1e300, not 301 digits).
fn huge(n: &Num) -> String {
    if n.value.abs() >= RECORDS_LIMIT {
        format!("{:e}", n.value)
    } else {
        n.shown()
    }
}

/// More records than this is no run to believe (a petabyte at a byte a record).
const RECORDS_LIMIT: f64 = 1e15;
/// More GPUs in parallel than this is no run to believe: the largest clusters built hold a
/// few hundred thousand.
const GPUS_LIMIT: f64 = 1e6;
/// A differential-privacy budget above this protects nothing in practice.
const EPSILON_LIMIT: f64 = 20.0;

/// Whether a figure is implausible: the reason and what was expected.
type Implausible = dyn Fn(&Facts, f64) -> Option<(String, String)>;

/// Figures consistent with the others yet not true of a real run (spec 5.3): warnings,
/// each rule evaluated when its figures are present and skipped otherwise.
fn plausibility(a: &mut Audit) {
    implausible_records(a);
    let mut check = |rule: &'static Rule, pointer: &str, bad: &Implausible| {
        let Some(n) = a.facts.num(pointer) else {
            a.out.skip(rule, format!("needs {pointer}"));
            return;
        };
        a.out.mark(rule);
        if let Some((why, expected)) = bad(a.facts, n.value) {
            a.out.push(
                Finding::new(rule, &*n.pointer, format!("{} {}: {why}", field(&n.pointer), huge(&n)))
                    .expected(expected)
                    .found(huge(&n)),
            );
        }
    };
    check(&IMPLAUSIBLE_COST_PER_RECORD, at::COST_PER_RECORD, &|facts, v| {
        let total = total_cost(facts).filter(|t| v == 0.0 && t.value > 0.0)?;
        Some((
            format!(
                "no per-record cost beside a total of {} ({}): at 0 decimals it agrees with any record count",
                total.shown(),
                total.pointer
            ),
            "the cost per record, with the decimals it needs".to_owned(),
        ))
    });
    check(&IMPLAUSIBLE_MEMORY, "/cost_analysis/platform_costs/memory_usage_gb", &|_, v| {
        (v == 0.0).then(|| ("no run peaks at 0 GB of memory".to_owned(), "> 0".to_owned()))
    });
    check(&IMPLAUSIBLE_EPSILON, "/privacy/epsilon", &|_, v| {
        (v > EPSILON_LIMIT).then(|| {
            (
                "a differential-privacy budget above 20 (a likelihood ratio of e^epsilon) protects nothing".to_owned(),
                "<= 20".to_owned(),
            )
        })
    });
    // One rule for the three scores: each present score is evaluated, each 0 reported.
    let scores = ["statistical_fidelity", "privacy_score", "utility_score"].map(|f| p(QUALITY, f));
    if scores.iter().all(|ptr| a.facts.num(ptr).is_none()) {
        a.out.skip(&IMPLAUSIBLE_SCORE, format!("needs one of {}", scores.join(", ")));
        return;
    }
    a.out.mark(&IMPLAUSIBLE_SCORE);
    for ptr in &scores {
        let Some(n) = a.facts.num(ptr).filter(|n| n.value == 0.0) else { continue };
        a.out.push(
            Finding::new(
                &IMPLAUSIBLE_SCORE,
                &*n.pointer,
                format!("{} {}: a score of 0 is none at all, not a published result", field(&n.pointer), n.shown()),
            )
            .expected("> 0")
            .found(n.shown()),
        );
    }
}

/// More than 10^15 records, stated or implied by `total_cost_usd / cost_per_record`: the
/// implied count is the same run's record count (the claims are held to it), and a count
/// left out to be implied was not held to the limit (a cost per record of 1.225e-14 beside
/// 24.50 USD, 2 x 10^15 records, was verified once `records_processed` was dropped).
fn implausible_records(a: &mut Audit) {
    let Some(rc) = record_count(a.facts) else {
        a.out.skip(
            &IMPLAUSIBLE_RECORDS,
            format!(
                "needs {}, or {} and a non-zero {}",
                at::RECORDS_PROCESSED,
                at::TOTAL_COST_USD,
                at::COST_PER_RECORD
            ),
        );
        return;
    };
    a.out.mark(&IMPLAUSIBLE_RECORDS);
    if rc.value <= RECORDS_LIMIT {
        return;
    }
    let count = if rc.value.is_finite() { format!("{:e}", rc.value) } else { "more than any double".to_owned() };
    let (what, found) = match &rc.implied_from {
        Some(_) => (rc.source(), format!("{count} records (implied)")),
        None => (format!("{} {count}", field(&rc.pointer)), count),
    };
    a.out.push(
        Finding::new(
            &IMPLAUSIBLE_RECORDS,
            rc.pointer.clone(),
            format!("{what}: more than 10^15 records (a petabyte at one byte each) is not a run to believe"),
        )
        .expected("<= 10^15")
        .found(found),
    );
}

fn records(a: &mut Audit) {
    if a.facts.has(at::RECORDS_PROCESSED) {
        a.out.skip(&IMPLIED_RECORDS, "records_processed is stated");
        a.equation(
            &COST_PER_RECORD,
            at::COST_PER_RECORD,
            "total_cost_usd / records_processed",
            &[at::TOTAL_COST_USD, at::RECORDS_PROCESSED],
            Formula::Quotient,
        );
        return;
    }
    a.out.skip(&COST_PER_RECORD, format!("no {}: the record count can only be implied", at::RECORDS_PROCESSED));
    let Some(rc) = record_count(a.facts) else {
        a.out.skip(&IMPLIED_RECORDS, format!("needs {} and a non-zero {}", at::TOTAL_COST_USD, at::COST_PER_RECORD));
        return;
    };
    a.out.push_lazy(&IMPLIED_RECORDS, &rc.pointer, || {
        Finding::new(
            &IMPLIED_RECORDS,
            rc.pointer.clone(),
            format!("no records_processed: {}; hold this against the scale the bundle claims", rc.source()),
        )
        .found(format!("{} records (implied)", group(rc.value)))
    });
}

fn gpu_hours(a: &mut Audit) {
    let Some(nums) = a.inputs(&GPU_HOURS, &[at::GPU_HOURS, at::COMPUTE_TIME_SECONDS]) else {
        let needs = format!("needs {} and {}", at::GPU_HOURS, at::COMPUTE_TIME_SECONDS);
        a.out.skip(&GPU_HOURS_ZERO_COMPUTE, needs.clone());
        a.out.skip(&IMPLAUSIBLE_GPUS, needs);
        return;
    };
    let [gpu, secs] = nums.as_slice() else { return };
    a.out.mark(&GPU_HOURS);
    a.out.mark(&GPU_HOURS_ZERO_COMPUTE);
    if secs.value == 0.0 {
        a.out.skip(
            &IMPLAUSIBLE_GPUS,
            "compute_time_seconds is 0: no number of GPUs follows (see audit.gpu-hours-zero-compute)",
        );
        if gpu.value > 0.0 {
            a.out.push(
                Finding::new(
                    &GPU_HOURS_ZERO_COMPUTE,
                    &*gpu.pointer,
                    format!("{} GPU hours reported, but compute_time_seconds ({}) is 0", gpu.shown(), secs.pointer),
                )
                .expected("0 GPU hours, or a non-zero compute time")
                .found(gpu.shown()),
            );
        }
        return;
    }
    let wall = secs.value / 3600.0;
    let ratio = gpu.value / wall;
    // A compute time near the smallest double: its hours underflow to 0 and the number of
    // GPUs overflows; "inf GPUs" in "0 wall-clock hours" was printed for 5e-324 seconds.
    let wall_shown = if wall == 0.0 && secs.value != 0.0 {
        format!("less than {:e}", f64::from_bits(1))
    } else {
        format_computed(wall)
    };
    let gpus_shown = |r: f64| {
        if r.is_finite() {
            format_computed(r)
        } else {
            format!("more than {}", format_computed(f64::MAX))
        }
    };
    a.out.mark(&IMPLAUSIBLE_GPUS);
    if ratio > GPUS_LIMIT {
        a.out.push(
            Finding::new(
                &IMPLAUSIBLE_GPUS,
                &*gpu.pointer,
                format!(
                    "gpu_hours {} in {} wall-clock hours (compute_time_seconds {} / 3600) is {} GPUs in parallel: \
                     more than 10^6 GPUs, more than any cluster holds, is not a run to believe",
                    huge(gpu),
                    wall_shown,
                    secs.shown(),
                    gpus_shown(ratio.round())
                ),
            )
            .expected("<= 10^6 GPUs in parallel")
            .found(format!("{} GPUs", gpus_shown(ratio.round()))),
        );
    }
    if compare(gpu.value, gpu.decimals, wall, a.tol).consistent {
        return;
    }
    let what = if ratio > 1.0 {
        // Tenths, unless ten times the number overflows (5e307 GPUs is a number still).
        let n = if (ratio * 10.0).is_finite() { (ratio * 10.0).round() / 10.0 } else { ratio.round() };
        let about = if n.is_finite() { "about " } else { "" };
        format!("{about}{} GPUs in parallel", gpus_shown(n))
    } else {
        format!("GPUs busy about {}% of the run", format_computed((ratio * 1000.0).round() / 10.0))
    };
    a.out.push(
        Finding::new(
            &GPU_HOURS,
            &*gpu.pointer,
            format!(
                "gpu_hours {} vs compute_time_seconds / 3600 = {} / 3600 = {} wall-clock hours: {what}",
                gpu.shown(),
                secs.shown(),
                wall_shown
            ),
        )
        .expected(format!("{wall_shown} GPU hours for one GPU"))
        .found(gpu.shown()),
    );
}

fn convergence(a: &mut Audit) {
    let Some(nums) = a.inputs(&CONVERGENCE_TIME, &[at::CONVERGENCE_TIME_SECONDS, at::COMPUTE_TIME_SECONDS]) else {
        return;
    };
    let [conv, secs] = nums.as_slice() else { return };
    a.out.mark(&CONVERGENCE_TIME);
    let holds = match a.tol {
        // Each figure stands for the times it rounds: the two are consistent when the least
        // convergence time is below the most compute time. A compute time of 7200 (7200.4
        // rounded) beside a convergence at 7200.3 s was an error.
        Tolerance::Decimals => {
            conv.value <= secs.value
                || conv.value - tolerance::half_unit(conv.decimals) < secs.value + tolerance::half_unit(secs.decimals)
        }
        Tolerance::Relative(r) => conv.value <= secs.value + r.abs() * secs.value.abs(),
    };
    if holds {
        return;
    }
    a.out.push(
        Finding::new(
            &CONVERGENCE_TIME,
            &*conv.pointer,
            format!(
                "convergence_time_seconds {} exceeds compute_time_seconds {} ({}): training cannot converge after it ended",
                conv.shown(),
                secs.shown(),
                secs.pointer
            ),
        )
        .expected(format!("<= {}", secs.shown()))
        .found(conv.shown()),
    );
}

fn cleaning(a: &mut Audit) {
    let Some(nums) = a.inputs(&CLEANING_DEDUP, &[at::CLEANING_DEDUPED, at::CLEANING_ROWS_REMOVED]) else {
        return;
    };
    let [deduped, removed] = nums.as_slice() else { return };
    a.out.mark(&CLEANING_DEDUP);
    if removed.value >= deduped.value {
        return;
    }
    a.out.push_lazy(&CLEANING_DEDUP, &removed.pointer, || {
        Finding::new(
            &CLEANING_DEDUP,
            &*removed.pointer,
            format!(
                "{} duplicates found ({}) but {} rows removed: duplicates were kept, or a count is wrong",
                deduped.shown(),
                deduped.pointer,
                removed.shown()
            ),
        )
        .expected(format!(">= {} (cleaning.deduped)", deduped.shown()))
        .found(removed.shown())
    });
}

/// The most characters of a time a finding quotes: `2026-11-25T12:00:00.123456789+05:30`
/// is 35.
const TIME_SHOWN_CHARS: usize = 40;

fn generated_at(facts: &Facts, opts: &Options, out: &mut Outcome) {
    let Some(text) = facts.str("/generated_at") else {
        out.skip(&GENERATED_AT_FUTURE, "no generated_at string");
        out.skip(&IMPLAUSIBLE_GENERATED_AT, "no generated_at string");
        return;
    };
    let Some(at) = crate::clock::parse_rfc3339(text) else {
        out.skip(&GENERATED_AT_FUTURE, "generated_at is not an RFC 3339 time (see Schema)");
        out.skip(&IMPLAUSIBLE_GENERATED_AT, "generated_at is not an RFC 3339 time (see Schema)");
        return;
    };
    out.mark(&GENERATED_AT_FUTURE);
    out.mark(&IMPLAUSIBLE_GENERATED_AT);
    if at <= time::OffsetDateTime::UNIX_EPOCH {
        // A clock's zero value (Unix time 0, Go's and .NET's year 1, a zeroed year 0000)
        // left in: it passed every check, as no upper bound is crossed.
        let shown = crate::text::ellipsize(text, TIME_SHOWN_CHARS);
        out.push(
            Finding::new(
                &IMPLAUSIBLE_GENERATED_AT,
                "/generated_at",
                format!(
                    "generated_at {shown} is not after 1970-01-01T00:00:00Z (the Unix epoch): \
                     a clock's zero value left in, not the time a bundle was generated"
                ),
            )
            .expected("after 1970-01-01T00:00:00Z")
            .found(shown),
        );
    }
    // Near the end of representable time the limit saturates rather than overflowing.
    let skew = time::Duration::try_from(crate::options::CLOCK_SKEW).unwrap_or(time::Duration::ZERO);
    let limit = opts.now.checked_add(skew).unwrap_or(opts.now);
    if at <= limit {
        return;
    }
    let now = opts.now.format(&Rfc3339).unwrap_or_default();
    // RFC 3339 bounds no fraction of a second: two megabytes of digits were quoted whole,
    // twice, in every format's report. Nanoseconds are the most a time is read to.
    let text = crate::text::ellipsize(text, TIME_SHOWN_CHARS);
    out.push(
        Finding::new(
            &GENERATED_AT_FUTURE,
            "/generated_at",
            format!(
                "generated_at {text} is after the verification time {now} (--now), beyond {} minutes of clock skew",
                crate::options::CLOCK_SKEW.as_secs() / 60
            ),
        )
        .expected(format!("not after {now}"))
        .found(text),
    );
}

#[cfg(test)]
mod tests {
    use super::group;

    /// The plausibility rules that fire on `json`, with their pointers.
    fn implausible(json: &str) -> Vec<(&'static str, String)> {
        let r = crate::read::read(json.as_bytes().to_vec(), &crate::read::Limits::default());
        let doc = r.document.expect("test JSON reads");
        let facts = super::Facts::new(&doc);
        let mut out = crate::finding::Outcome::default();
        let mut a = super::Audit {
            facts: &facts,
            tol: super::Tolerance::Decimals,
            out: &mut out,
            platform: super::PlatformCost::Stated,
        };
        super::plausibility(&mut a);
        out.findings.iter().map(|f| (f.rule.id, f.pointer.clone())).collect()
    }

    #[test]
    fn absurd_figures_are_warnings_at_the_figure() {
        let got = implausible(
            r#"{"privacy":{"epsilon":1e300},"cost_analysis":{"platform_costs":{"memory_usage_gb":0,
            "total_cost_usd":24.5,"cost_per_record":0,"records_processed":1e300}},
            "performance_metrics":{"data_quality":{"statistical_fidelity":0.0,"privacy_score":0.0,"utility_score":0.9}}}"#,
        );
        let ids: Vec<&str> = got.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            ids,
            [
                "audit.implausible.records",
                "audit.implausible.cost-per-record",
                "audit.implausible.memory",
                "audit.implausible.epsilon",
                "audit.implausible.score",
                "audit.implausible.score"
            ]
        );
        assert_eq!(got[5].1, "/performance_metrics/data_quality/privacy_score");
    }

    #[test]
    fn plausible_figures_and_limits_pass() {
        let got = implausible(
            r#"{"privacy":{"epsilon":20},"cost_analysis":{"platform_costs":{"memory_usage_gb":0.5,
            "total_cost_usd":0,"cost_per_record":0,"records_processed":1000000000000000}},
            "performance_metrics":{"data_quality":{"statistical_fidelity":0.01,"privacy_score":1.0}}}"#,
        );
        assert!(got.is_empty(), "{got:?}");
    }

    /// The written-out pointers name what the section constants and the field names do.
    #[test]
    fn pointers_are_their_sections() {
        use super::{at, p, GAINS, PLATFORM, ROI, TRAINING};
        let pairs = [
            (at::RECORDS_PROCESSED, p(PLATFORM, "records_processed")),
            (at::TOTAL_COST_USD, p(PLATFORM, "total_cost_usd")),
            (at::COST_PER_RECORD, p(PLATFORM, "cost_per_record")),
            (at::GPU_HOURS, p(PLATFORM, "gpu_hours")),
            (at::COMPUTE_TIME_SECONDS, p(PLATFORM, "compute_time_seconds")),
            (at::COST_SAVINGS_PERCENTAGE, p(GAINS, "cost_savings_percentage")),
            (at::VS_TRADITIONAL_TRAINING, p(GAINS, "vs_traditional_training")),
            (at::TIME_SAVINGS_PERCENTAGE, p(GAINS, "time_savings_percentage")),
            (at::CONVERGENCE_SPEEDUP, p(GAINS, "convergence_speedup")),
            (at::COST_SAVINGS_USD, p(ROI, "cost_savings_usd")),
            (at::ROI_PERCENTAGE, p(ROI, "roi_percentage")),
            (at::PLATFORM_TRAINING_COST, p(ROI, "platform_training_cost")),
            (at::TRADITIONAL_TRAINING_COST, p(ROI, "traditional_training_cost")),
            (at::CONVERGENCE_TIME_SECONDS, p(TRAINING, "convergence_time_seconds")),
            (at::CLEANING_DEDUPED, "/cleaning/deduped".to_owned()),
            (at::CLEANING_ROWS_REMOVED, "/cleaning/rows_removed".to_owned()),
        ];
        for (written, built) in pairs {
            assert_eq!(written, built);
        }
    }

    /// The findings of the consistency audit on `json`: (rule, message).
    fn audited(json: &str) -> Vec<(&'static str, String)> {
        let r = crate::read::read(json.as_bytes().to_vec(), &crate::read::Limits::default());
        let doc = r.document.expect("test JSON reads");
        let facts = super::Facts::new(&doc);
        let mut out = crate::finding::Outcome::default();
        let opts = crate::options::Options::new(time::OffsetDateTime::UNIX_EPOCH);
        super::check(&facts, &opts, &mut out);
        out.findings.iter().map(|f| (f.rule.id, f.message.clone())).collect()
    }

    /// A formula that overflows on legal inputs is an error that says so, not a
    /// "division by zero"; its figures are quoted in exponent form, not 309 digits.
    #[test]
    fn an_overflowing_formula_says_so() {
        let got = audited(
            r#"{"cost_analysis":{"roi_analysis":{"traditional_training_cost":1e308,
            "platform_training_cost":24.5,"roi_percentage":1e308}}}"#,
        );
        let roi: Vec<&String> = got.iter().filter(|(id, _)| *id == "audit.roi-percentage").map(|(_, m)| m).collect();
        assert_eq!(roi.len(), 1, "{got:?}");
        assert!(roi[0].contains("beyond the largest double"), "{}", roi[0]);
        assert!(roi[0].contains("= 1e308") && roi[0].len() < 400, "{}", roi[0]);
        let zero = audited(
            r#"{"cost_analysis":{"roi_analysis":{"traditional_training_cost":98,
            "platform_training_cost":0,"roi_percentage":300}}}"#,
        );
        assert!(zero.iter().any(|(id, m)| *id == "audit.roi-percentage" && m.contains("division by zero")), "{zero:?}");
    }

    /// A generated_at with two million digits of a second is quoted shortened.
    #[test]
    fn a_long_future_time_is_quoted_short() {
        let json = format!(r#"{{"generated_at":"2099-01-15T12:00:00.{}Z"}}"#, "1".repeat(2_000_000));
        let got = audited(&json);
        let future: Vec<&String> =
            got.iter().filter(|(id, _)| *id == "audit.generated-at-future").map(|(_, m)| m).collect();
        assert_eq!(future.len(), 1, "{got:?}");
        assert!(future[0].len() < 300 && future[0].contains("2099-01-15T12:00:00.111"), "{}", future[0]);
    }

    #[test]
    fn grouping() {
        assert_eq!(group(1_000_000.0), "1,000,000");
        assert_eq!(group(999_999.999_999_999_9), "1,000,000");
        assert_eq!(group(100.0), "100");
        assert_eq!(group(1e9), "1,000,000,000");
        assert_eq!(group(12.5), "12.5");
    }
}
