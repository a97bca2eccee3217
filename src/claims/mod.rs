//! The claims cross-check: numbers in the free-text claims of
//! `enterprise_validation` held against the metrics they name.

pub mod diags;
pub mod extract;

use crate::audit::facts::{format_computed, format_decimals, Facts, Num};
use crate::audit::tolerance::compare;
use crate::audit::tolerance::Tolerance;
use crate::audit::{self, group, p, record_count, GAINS, PLATFORM, QUALITY, ROI, TRAINING};
use crate::finding::{Finding, Outcome};
use crate::options::Options;
use crate::rules::Rule;
use diags::*;
use extract::{extract, Bound, Mention, PercentOf, Quantity};
use std::borrow::Cow;

pub const CLAIMS: &str = "/enterprise_validation";

pub fn check(facts: &Facts, opts: &Options, out: &mut Outcome) {
    let claims = facts.members_of(CLAIMS);
    if claims.is_empty() {
        for rule in RULES {
            out.skip(rule, "no enterprise_validation claims");
        }
        return;
    }
    // Every number in the prose is checked for a metric behind it; a kind's own rule
    // is evaluated only when a claim of that kind was held against its metric.
    out.mark(&UNSUPPORTED);
    out.mark(&UNCHECKED);
    let mut unbacked: Vec<&'static Rule> = Vec::new();
    let j = Judge {
        facts,
        opts,
        records: std::cell::OnceCell::new(),
        source: std::cell::OnceCell::new(),
        metrics: Default::default(),
    };
    for (field, pointer, value) in claims {
        let Some(text) = value.as_str() else { continue };
        let found = extract(&field, text);
        for m in &found.mentions {
            let rule = kind_rule(&m.quantity);
            let broken = j.judge(out, &pointer, text, m);
            match (broken, rule) {
                (Some(b), Some(rule)) if std::ptr::eq(b, &UNSUPPORTED) => unbacked.push(rule),
                (_, Some(rule)) => out.mark(rule),
                (_, None) => {}
            }
        }
        for u in found.unchecked {
            out.push(
                Finding::new(
                    &UNCHECKED,
                    pointer.clone(),
                    format!(
                        "{} in the claim {} was not checked: {}",
                        quote(&u.text),
                        quote_claim(text, &u.span),
                        u.why
                    ),
                )
                .expected("every number of a claim read and held against a metric")
                .found(format!("{} (not checked)", quote(&u.text))),
            );
        }
        if found.unchecked_more > 0 {
            out.push(Finding::more(&UNCHECKED, found.unchecked_more, UNCHECKED.severity, pointer.clone(), None));
        }
    }
    let kinds: [(&'static Rule, &str); 5] = [
        (&RECORDS, "record-count"),
        (&PERCENTAGE, "percentage"),
        (&SPEEDUP, "speed-up"),
        (&MEMORY, "memory"),
        (&THROUGHPUT, "throughput"),
    ];
    for (rule, noun) in kinds {
        if out.evaluated.contains(&rule.id) {
            continue;
        }
        if unbacked.iter().any(|r| std::ptr::eq(*r, rule)) {
            out.skip(rule, format!("the {noun} claims name no metric the bundle reports (claims.unsupported)"));
        } else {
            out.skip(rule, format!("no {noun} claim in enterprise_validation"));
        }
    }
}

/// The rule that holds a claim of this kind against its metric; a percentage of
/// nothing known has none (only `claims.unsupported` speaks about it).
fn kind_rule(q: &Quantity) -> Option<&'static Rule> {
    match q {
        Quantity::Records { .. } => Some(&RECORDS),
        Quantity::Throughput { .. } => Some(&THROUGHPUT),
        Quantity::Percent { .. } => Some(&PERCENTAGE),
        Quantity::UnknownPercent { .. } => None,
        Quantity::Speedup { .. } => Some(&SPEEDUP),
        Quantity::Memory { .. } | Quantity::ModelSize { .. } => Some(&MEMORY),
    }
}

struct Judge<'a, 'd> {
    facts: &'a Facts<'d>,
    opts: &'a Options,
    /// The record count, worked out (and its source described) once for all claims.
    records: std::cell::OnceCell<Option<audit::RecordCount>>,
    /// Where the record count comes from, described once for every claim it contradicts.
    source: std::cell::OnceCell<String>,
    /// The figures claims are held against, each looked up once for every mention of it
    /// (a claim can hold a mention per few bytes): see [`Judge::metric`].
    metrics: [std::cell::OnceCell<Option<Num>>; PERCENT + PercentOf::Roi as usize + 1],
}

/// Slots of [`Judge::metrics`]: three figures, then one per [`PercentOf`].
const SECONDS: usize = 0;
const SPEEDUP_FIGURE: usize = 1;
const MEMORY_FIGURE: usize = 2;
const MODEL_FIGURE: usize = 3;
const PERCENT: usize = 4;

/// Claim text as a finding quotes it: a JSON string literal ([`crate::text::quote_claim`]),
/// so that a quote in the claim cannot close the quotation and go on as the finding's
/// own words. `fine" is backed by a metric. Nothing to report about "100% compliance`
/// was quoted between bare quotes and read `... in the claim "fine" is backed by a
/// metric. Nothing to report about "100% compliance" is not backed by a metric`.
fn quote(text: &str) -> String {
    crate::text::quote_claim(text, usize::MAX)
}

/// A claim longer than this is quoted as a window around the phrase a finding is about.
const WHOLE_CLAIM: usize = 240;
/// Bytes of the claim quoted on each side of that phrase.
const AROUND: usize = 80;

/// The claim as a finding quotes it: whole when short, else the phrase with up to
/// [`AROUND`] bytes either side and "…" where it was cut. A claim can hold a number
/// per two bytes and each can make a finding: quoted whole, a claim of 80,000 numbers
/// cost 72 s and a claim of some megabytes exhausted memory.
fn quote_claim(text: &str, phrase: &std::ops::Range<usize>) -> String {
    if text.len() <= WHOLE_CLAIM {
        return quote(text);
    }
    let mut start = phrase.start.saturating_sub(AROUND).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = phrase.end.saturating_add(AROUND).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let window = quote(text.get(start..end).unwrap_or_default());
    let inner = window.strip_prefix('"').and_then(|w| w.strip_suffix('"')).unwrap_or(&window);
    let (open, close) = (if start > 0 { "…" } else { "" }, if end < text.len() { "…" } else { "" });
    format!("\"{open}{inner}{close}\"")
}

/// A claimed percentage as the message shows it: as written, or, for a share no decimal
/// form writes out (`a third` is 33.333...%), "about" its value at one decimal.
fn shown_share(value: f64, decimals: u32) -> String {
    let exact = format_decimals(value, decimals);
    match exact.split_once('.') {
        Some((_, part)) if part.len() > 3 => format!("about {value:.1}"),
        _ => exact,
    }
}

/// Does the claimed `value` (showing `decimals`) hold for the metric's `actual`, given
/// the claim's bound? Exact claims compare at the decimals shown; "under"/"over" claims
/// hold when the metric is on the right side of the bound at that precision.
pub(crate) fn holds(bound: Bound, value: f64, decimals: u32, actual: f64, tol: Tolerance) -> bool {
    bounded(bound, compare(value, decimals, actual, tol).consistent, value, actual)
}

/// Whether a claim with `bound` holds, `consistent` being the comparison at its decimals.
fn bounded(bound: Bound, consistent: bool, value: f64, actual: f64) -> bool {
    match bound {
        Bound::Exact => consistent,
        Bound::AtLeast => consistent || actual >= value,
        Bound::AtMost => consistent || actual <= value,
    }
}

/// [`holds`] against a count that is stated, not computed (`records_processed`, a table's
/// live records): with no slack for rounding when both are whole numbers that doubles hold
/// exactly ([`crate::audit::tolerance::compare_counts`]).
pub(crate) fn holds_count(bound: Bound, value: f64, decimals: u32, actual: f64, tol: Tolerance) -> bool {
    bounded(bound, crate::audit::tolerance::compare_counts(value, decimals, actual, tol).consistent, value, actual)
}

pub(crate) fn bound_word(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "",
        Bound::AtLeast => "at least ",
        Bound::AtMost => "at most ",
    }
}

impl Judge<'_, '_> {
    fn records(&self) -> Option<&audit::RecordCount> {
        self.records.get_or_init(|| record_count(self.facts)).as_ref()
    }

    /// The figure in `slot`, at `pointer`, looked up the first time it is asked for (a
    /// slot past the table, a kind added without one, is looked up every time).
    fn metric(&self, slot: usize, pointer: impl FnOnce() -> String) -> Option<Cow<'_, Num>> {
        match self.metrics.get(slot) {
            Some(cell) => cell.get_or_init(|| self.facts.num(&pointer())).as_ref().map(Cow::Borrowed),
            None => self.facts.num(&pointer()).map(Cow::Owned),
        }
    }

    /// Holds the mention `m` against its metric and pushes a finding when it does not
    /// hold; returns that finding's rule. Findings go through [`Outcome::push_lazy`]: a
    /// claim can mention a thousand numbers, and past a rule's cap none is formatted.
    fn judge(&self, out: &mut Outcome, pointer: &str, text: &str, m: &Mention) -> Option<&'static Rule> {
        let tol = audit::tolerance(self.opts);
        // Quoted only for a finding: most claims hold.
        let phrase = || quote(m.phrase(text));
        match &m.quantity {
            Quantity::Records { value, multiplier } => {
                let Some(rc) = self.records() else {
                    return self.unsupported(out, pointer, text, m, || {
                        format!(
                            "no record count: neither {} nor {} and {}",
                            p(PLATFORM, "records_processed"),
                            p(PLATFORM, "total_cost_usd"),
                            p(PLATFORM, "cost_per_record")
                        )
                    });
                };
                let in_unit = rc.value / multiplier;
                let claimed = value * multiplier;
                let held = if rc.implied() { holds } else { holds_count };
                if held(m.bound, *value, m.decimals, in_unit, tol) {
                    return None;
                }
                out.push_lazy(&RECORDS, pointer, || {
                    let phrase = phrase();
                    let kind = bound_word(m.bound);
                    Finding::new(
                        &RECORDS,
                        pointer,
                        format!(
                            "{phrase} claims {kind}{} records, but {}",
                            group(claimed),
                            self.source.get_or_init(|| rc.source())
                        ),
                    )
                    .expected(format!(
                        "{} records ({} at {})",
                        group(rc.value),
                        if rc.implied() { "implied" } else { "records_processed" },
                        rc.pointer
                    ))
                    .found(format!("{kind}{} records ({phrase})", group(claimed)))
                });
                Some(&RECORDS)
            }
            Quantity::Throughput { value } => {
                let rc = self.records();
                let secs = self.metric(SECONDS, || p(PLATFORM, "compute_time_seconds")).filter(|n| n.value > 0.0);
                let (Some(rc), Some(secs)) = (rc, secs) else {
                    return self.unsupported(out, pointer, text, m, || {
                        format!("a rate needs a record count and a non-zero {}", p(PLATFORM, "compute_time_seconds"))
                    });
                };
                let rate = rc.value / secs.value;
                if holds(m.bound, *value, m.decimals, rate, tol) {
                    return None;
                }
                out.push_lazy(&THROUGHPUT, pointer, || {
                    let phrase = phrase();
                    Finding::new(
                        &THROUGHPUT,
                        pointer,
                        format!(
                            "{phrase} claims {} records/s, but {} records in compute_time_seconds {} ({}) is {} records/s",
                            format_computed(*value),
                            group(rc.value),
                            secs.shown(),
                            secs.pointer,
                            format_computed(rate)
                        ),
                    )
                    .expected(format!("{} records/s", format_computed(rate)))
                    .found(phrase)
                });
                Some(&THROUGHPUT)
            }
            Quantity::Percent { value, of } => {
                let (section, field, scale, name) = percent_metric(*of);
                // "320% faster": the speed gained, (speed-up - 1) x 100, is the other
                // reading of a percentage of speed (spec 5.4).
                let speedup =
                    m.speed_gain.then(|| self.metric(SPEEDUP_FIGURE, || p(GAINS, "convergence_speedup"))).flatten();
                let gain = speedup.as_ref().map(|s| (s.value - 1.0) * 100.0);
                if gain.is_some_and(|g| holds(m.bound, *value, m.decimals, g, tol)) {
                    return None;
                }
                // The cost saved is stated as a fraction too (vs_traditional_training, 0.75 =
                // 75 %, which the audit holds to the costs): without the percentage a claim is
                // held to it, not reported as backed by nothing.
                let fraction = || {
                    let saved = matches!(of, PercentOf::CostSavings);
                    saved.then(|| self.facts.num(audit::at::VS_TRADITIONAL_TRAINING)).flatten().map(Cow::Owned)
                };
                let (metric, scale) = match self.metric(PERCENT + *of as usize, || p(section, field)) {
                    Some(metric) => (metric, scale),
                    None => match fraction().map(|f| (f, 100.0)).or_else(|| computed_share(self.facts, *of)) {
                        Some(found) => found,
                        None => {
                            return self.unsupported(out, pointer, text, m, || {
                                format!("it names {name}, but {} is absent", p(section, field))
                            })
                        }
                    },
                };
                let expected = metric.value * scale;
                if holds(m.bound, *value, m.decimals, expected, tol) {
                    return None;
                }
                out.push_lazy(&PERCENTAGE, pointer, || {
                    let phrase = phrase();
                    let claimed = format!("{}{}%", bound_word(m.bound), shown_share(*value, m.decimals));
                    let message = match (&speedup, gain) {
                        (Some(s), Some(g)) => format!(
                            "{phrase} claims {claimed} faster, which is neither the time saved ({} is {}) nor the \
                             speed gained ({} is {}: {}% faster)",
                            metric.pointer,
                            metric.shown(),
                            s.pointer,
                            s.shown(),
                            format_computed(g)
                        ),
                        _ => format!(
                            "{phrase} claims {claimed} {name}, but {} is {}{}",
                            metric.pointer,
                            metric.shown(),
                            if scale == 1.0 { String::new() } else { format!(" = {}%", format_computed(expected)) }
                        ),
                    };
                    Finding::new(&PERCENTAGE, pointer, message)
                        .expected(match gain {
                            Some(g) => format!(
                                "{}% ({}), or {}% faster as the speed gained ({})",
                                format_computed(expected),
                                metric.pointer,
                                format_computed(g),
                                p(GAINS, "convergence_speedup")
                            ),
                            None => format!("{}% ({})", format_computed(expected), metric.pointer),
                        })
                        .found(phrase)
                });
                Some(&PERCENTAGE)
            }
            Quantity::UnknownPercent { subject, .. } => {
                self.unsupported(out, pointer, text, m, || format!("the bundle has no metric for \"{subject}\""))
            }
            Quantity::Speedup { value } => {
                let Some(metric) = self.metric(SPEEDUP_FIGURE, || p(GAINS, "convergence_speedup")) else {
                    return self.unsupported(out, pointer, text, m, || {
                        format!("{} is absent", p(GAINS, "convergence_speedup"))
                    });
                };
                if holds(m.bound, *value, m.decimals, metric.value, tol) {
                    return None;
                }
                out.push_lazy(&SPEEDUP, pointer, || {
                    let phrase = phrase();
                    Finding::new(
                        &SPEEDUP,
                        pointer,
                        format!(
                            "{phrase} claims {}a {}x speed-up, but convergence_speedup ({}) is {}",
                            bound_word(m.bound),
                            format_decimals(*value, m.decimals),
                            metric.pointer,
                            metric.shown()
                        ),
                    )
                    .expected(format!("{}x ({})", metric.shown(), metric.pointer))
                    .found(phrase)
                });
                Some(&SPEEDUP)
            }
            Quantity::Memory { value, unit } | Quantity::ModelSize { value, unit } => {
                // peak memory is reported in GB, the model's size in MB
                let (slot, field, per, metric_unit, what) = match m.quantity {
                    Quantity::ModelSize { .. } => {
                        (MODEL_FIGURE, "model_size_mb", [1e3, 1024.0], "MB", "the model's size")
                    }
                    _ => (MEMORY_FIGURE, "memory_usage_gb", [1.0, 1.0], "GB", "peak memory"),
                };
                let section = if slot == MODEL_FIGURE { TRAINING } else { PLATFORM };
                let Some(metric) = self.metric(slot, || p(section, field)) else {
                    return self.unsupported(out, pointer, text, m, || format!("{} is absent", p(section, field)));
                };
                let [si, bin] = unit.factors();
                let [si, bin] = [si / per[0], bin / per[1]];
                if [si, bin].iter().any(|f| holds(m.bound, *value, m.decimals, metric.value * f, tol)) {
                    return None;
                }
                out.push_lazy(&MEMORY, pointer, || {
                    let phrase = phrase();
                    let as_unit = metric.value * si;
                    let how = match m.bound {
                        Bound::AtMost => format!(
                            "above the {} {} the claim sets as a ceiling",
                            format_decimals(*value, m.decimals),
                            unit.name()
                        ),
                        Bound::AtLeast => format!(
                            "below the {} {} the claim sets as a floor",
                            format_decimals(*value, m.decimals),
                            unit.name()
                        ),
                        Bound::Exact if *value > 0.0 => format!(
                            "{what} is {} times the {} {} the claim says",
                            format_computed(as_unit / value),
                            format_decimals(*value, m.decimals),
                            unit.name()
                        ),
                        Bound::Exact => "the claim says nothing was used".to_owned(),
                    };
                    Finding::new(
                        &MEMORY,
                        pointer,
                        format!(
                            "{phrase} (read as {}{} {}) contradicts {field} ({}) = {} {metric_unit} = {} {}: {how}",
                            bound_word(m.bound),
                            format_decimals(*value, m.decimals),
                            unit.name(),
                            metric.pointer,
                            metric.shown(),
                            format_computed(as_unit),
                            unit.name(),
                        ),
                    )
                    .expected(format!("{} {metric_unit} ({})", metric.shown(), metric.pointer))
                    .found(phrase)
                });
                Some(&MEMORY)
            }
        }
    }

    /// A `claims.unsupported` finding for `m`, with `why` written only if it is listed.
    fn unsupported(
        &self,
        out: &mut Outcome,
        pointer: &str,
        text: &str,
        m: &Mention,
        why: impl FnOnce() -> String,
    ) -> Option<&'static Rule> {
        out.push_lazy(&UNSUPPORTED, pointer, || {
            Finding::new(
                &UNSUPPORTED,
                pointer,
                format!(
                    "{} in the claim {} is not backed by a metric: {}",
                    quote(m.phrase(text)),
                    quote_claim(text, &m.span),
                    why()
                ),
            )
            .expected("a metric in the bundle that the claim can be checked against")
            .found(quote_claim(text, &m.span))
        });
        Some(&UNSUPPORTED)
    }
}

/// Section and field (the pointer is `p(section, field)`), scale to percent, and name of
/// the metric a percentage names.
/// A percentage the bundle leaves out, computed from the figures its equation reads
/// (spec 5.2), for the claims to be held to: the cost savings and the ROI from the two
/// costs (or the savings and the platform cost), the time savings from the speed-up. Such
/// a claim was `claims.unsupported`, "not backed by a metric", whether it was true or false.
fn computed_share(facts: &Facts, of: PercentOf) -> Option<(Cow<'static, Num>, f64)> {
    use audit::at;
    let num = |ptr: &str| facts.num(ptr).map(|n| n.value);
    let platform = || num(at::PLATFORM_TRAINING_COST).or_else(|| num(at::TOTAL_COST_USD));
    // the traditional cost and the savings, each stated or the other plus the platform cost
    let costs = || {
        let p = platform()?;
        match (num(at::TRADITIONAL_TRAINING_COST), num(at::COST_SAVINGS_USD)) {
            (Some(t), _) => Some((t, t - p, p)),
            (None, Some(saved)) => Some((saved + p, saved, p)),
            (None, None) => None,
        }
    };
    let (formula, value) = match of {
        PercentOf::CostSavings => {
            let (t, saved, _) = costs()?;
            ("cost_savings_usd / traditional_training_cost * 100", (t != 0.0).then(|| saved / t * 100.0)?)
        }
        PercentOf::Roi => {
            let (_, saved, p) = costs()?;
            ("cost_savings_usd / platform_training_cost * 100", (p != 0.0).then(|| saved / p * 100.0)?)
        }
        PercentOf::TimeSavings => {
            let s = num(at::CONVERGENCE_SPEEDUP)?;
            ("(1 - 1 / convergence_speedup) * 100", (s != 0.0).then(|| (1.0 - 1.0 / s) * 100.0)?)
        }
        _ => return None,
    };
    if !value.is_finite() {
        return None;
    }
    let (section, field, _, _) = percent_metric(of);
    let pointer = format!("{formula} (computed: {} is absent)", p(section, field));
    Some((Cow::Owned(Num { pointer: pointer.into(), value, decimals: 2 }), 1.0))
}

fn percent_metric(of: PercentOf) -> (&'static str, &'static str, f64, &'static str) {
    match of {
        PercentOf::CostSavings => (GAINS, "cost_savings_percentage", 1.0, "cost savings"),
        PercentOf::TimeSavings => (GAINS, "time_savings_percentage", 1.0, "time savings"),
        PercentOf::StatisticalFidelity => (QUALITY, "statistical_fidelity", 100.0, "statistical fidelity"),
        PercentOf::PrivacyScore => (QUALITY, "privacy_score", 100.0, "privacy score"),
        PercentOf::UtilityScore => (QUALITY, "utility_score", 100.0, "utility score"),
        PercentOf::Accuracy => (TRAINING, "final_accuracy", 100.0, "accuracy"),
        PercentOf::SyntheticRatio => ("/privacy", "synthetic_ratio", 100.0, "synthetic share"),
        PercentOf::Roi => (ROI, "roi_percentage", 1.0, "return on investment"),
    }
}

/// Every claims rule, for callers that need to know whether a finding is a claim issue.
pub fn is_claims_rule(rule: &Rule) -> bool {
    RULES.iter().any(|r| std::ptr::eq(*r, rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short claim is quoted whole; a long one as the phrase with at most AROUND
    /// bytes either side, cut on character boundaries and marked where it was cut.
    #[test]
    fn a_long_claim_is_quoted_around_the_phrase() {
        assert_eq!(quote_claim("5% zorp", &(0..2)), "\"5% zorp\"");
        let claim = format!("{}12 GB{}", "é".repeat(200), "ü".repeat(200));
        let at = claim.find("12 GB").unwrap();
        let q = quote_claim(&claim, &(at..at + 5));
        let inner = q.strip_prefix("\"…").and_then(|q| q.strip_suffix("…\"")).unwrap();
        assert!(inner.contains("é12 GBü"), "{q}");
        assert!(inner.len() <= 5 + 2 * AROUND + 2, "{} bytes", inner.len());
        // At the claim's start and end nothing is cut there.
        let q = quote_claim(&claim, &(0..2));
        assert!(q.starts_with("\"é") && q.ends_with("…\""), "{q}");
        let end = claim.len();
        let q = quote_claim(&claim, &(end - 2..end));
        assert!(q.starts_with("\"…") && q.ends_with("ü\""), "{q}");
        // A quote or a backslash in the claim is escaped: it cannot close the quotation.
        assert_eq!(quote_claim("a\" ok \\ 5%", &(8..10)), "\"a\\\" ok \\\\ 5%\"");
        let claim = format!("{}\"12 GB{}", "é".repeat(200), "ü".repeat(200));
        let at = claim.find("12 GB").unwrap();
        assert!(quote_claim(&claim, &(at..at + 5)).contains("é\\\"12 GBü"));
    }
}
