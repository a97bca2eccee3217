//! The marketplace profile: each requirement of the seed's "Databricks Marketplace
//! Evidence Requirements" mapped to the fields that prove it. A requirement holds when
//! its fields are present and no other check (schema, consistency, claims) has a
//! warning or error at one of its fields. Runs after every other check.

pub mod diags;
pub mod statement;

use crate::audit::diags as a;
use crate::audit::facts::Facts;
use crate::audit::{p, GAINS, PLATFORM, QUALITY as DATA_QUALITY, ROI as ROI_ANALYSIS, TRAINING};
use crate::finding::{Finding, Outcome, Severity};
use crate::read::{Document, SIGNATURES};
use crate::rules::{Rule, Section};
use diags::*;

const CLAIMS: &str = "/enterprise_validation";

struct Requirement {
    rule: &'static Rule,
    /// Fields that must be present.
    required: Vec<String>,
    /// Further fields whose findings also defeat the requirement.
    related: Vec<String>,
    /// Checks that must have run: a skipped equation proves nothing.
    checks: &'static [&'static Rule],
}

static SCALE_CHECKS: &[&Rule] = &[&a::COST_PER_RECORD];
static EFFICIENCY_CHECKS: &[&Rule] = &[&a::COST_SAVINGS_PERCENTAGE, &a::VS_TRADITIONAL, &a::TIME_SAVINGS];
static ROI_CHECKS: &[&Rule] = &[&a::COST_SAVINGS_USD, &a::ROI_PERCENTAGE, &a::PLATFORM_COST];
static PERFORMANCE_CHECKS: &[&Rule] = &[&a::TIME_SAVINGS];

fn requirements() -> Vec<Requirement> {
    let req = |rule: &'static Rule, required: &[String], related: &[String]| Requirement {
        rule,
        required: required.to_vec(),
        related: related.to_vec(),
        checks: match rule.id {
            "marketplace.scale" => SCALE_CHECKS,
            "marketplace.efficiency" => EFFICIENCY_CHECKS,
            "marketplace.roi" => ROI_CHECKS,
            "marketplace.performance" => PERFORMANCE_CHECKS,
            _ => &[],
        },
    };
    vec![
        req(
            &SCALE,
            &[p(CLAIMS, "scale_proven"), p(PLATFORM, "records_processed")],
            &[p(PLATFORM, "cost_per_record"), p(PLATFORM, "total_cost_usd")],
        ),
        req(&QUALITY, &[p(CLAIMS, "quality_maintained")], &[]),
        req(
            &EFFICIENCY,
            &[
                p(GAINS, "cost_savings_percentage"),
                p(GAINS, "vs_traditional_training"),
                p(GAINS, "time_savings_percentage"),
                p(CLAIMS, "efficiency_achieved"),
            ],
            &[],
        ),
        req(
            &ROI,
            &[
                p(ROI_ANALYSIS, "traditional_training_cost"),
                p(ROI_ANALYSIS, "platform_training_cost"),
                p(ROI_ANALYSIS, "cost_savings_usd"),
                p(ROI_ANALYSIS, "roi_percentage"),
                p(PLATFORM, "total_cost_usd"),
            ],
            &[],
        ),
        req(&ENTERPRISE_READY, &[p(CLAIMS, "enterprise_ready")], &[]),
        req(&STATISTICAL_FIDELITY, &[p(DATA_QUALITY, "statistical_fidelity")], &[]),
        req(&PRIVACY, &[p(DATA_QUALITY, "privacy_score"), "/privacy/epsilon".to_owned()], &[]),
        req(
            &PERFORMANCE,
            &[
                p(GAINS, "convergence_speedup"),
                p(TRAINING, "convergence_time_seconds"),
                p(CLAIMS, "performance_improvement"),
            ],
            &[],
        ),
        req(&MEMORY, &[p(PLATFORM, "memory_usage_gb"), p(CLAIMS, "memory_optimization")], &[]),
    ]
}

/// The shallowest absent ancestor of `pointer` ("/privacy" when the whole section is
/// missing), or None when the value is present.
fn missing_at(facts: &Facts, pointer: &str) -> Option<String> {
    if facts.has(pointer) {
        return None;
    }
    let mut at = String::new();
    for token in pointer.split('/').skip(1) {
        at.push('/');
        at.push_str(token);
        if !facts.has(&at) {
            return Some(at);
        }
    }
    Some(pointer.to_owned())
}

/// Text that stands in for a statement without making one: empty, only punctuation,
/// or a placeholder ("TBD", "N/A", "TODO", "-", "..."), however it is spaced, dotted or
/// cased ("N / A", "T.B.D.", "Not applicable"), or led by a placeholder word ("TBD -
/// pending", "TODO: fill in").
pub fn is_placeholder(text: &str) -> bool {
    let n = crate::audit::normalize::normalize(text);
    let lower = n.text().to_lowercase();
    const WHOLE: &[&str] = &[
        "tbd",
        "tba",
        "tbc",
        "na",
        "none",
        "null",
        "nil",
        "todo",
        "fixme",
        "x",
        "xx",
        "xxx",
        "placeholder",
        "pending",
        "unknown",
        "tobedetermined",
        "tobeconfirmed",
        "tobeannounced",
        "tobedone",
        "notapplicable",
        "notavailable",
        "notyetavailable",
        "comingsoon",
        "wip",
        // what a program prints for a value it never had, in the template that writes
        // the statement: JavaScript's `undefined`, `[object Object]` and `NaN`, a bare
        // `Lorem`; each proved a requirement under --profile marketplace
        "undefined",
        "objectobject",
        "nan",
        "lorem",
    ];
    const LEADING: &[&str] = &["tbd", "tba", "tbc", "todo", "fixme", "placeholder", "xxx"];
    // the letters and digits alone: "N / A", "n.a.", "T.B.D." are "na", "tbd"; only as
    // many as the longest of the words above, and whether more follow
    let longest = WHOLE.iter().map(|w| w.len()).max().unwrap_or(0).max("loremipsum".len());
    let mut alnum = lower.chars().filter(|c| c.is_alphanumeric());
    let compact: String = alnum.by_ref().take(longest).collect();
    let whole = alnum.next().is_none();
    let first = lower.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or_default();
    compact.is_empty()
        || whole && WHOLE.contains(&compact.as_str())
        || compact.starts_with("loremipsum")
        || LEADING.contains(&first)
}

/// Figures that prove a requirement only when they show a gain: the seed asks for a
/// "demonstration" of efficiency gains, "proof" of a performance improvement and a ROI
/// analysis as business proof, so a saving or a return of 0 and a speed-up of 1 (stated
/// consistently) prove nothing, like 0 records prove no scale. Field, the value at or
/// below which there is no gain, and why.
const GAINS_REQUIRED: &[(&str, f64, &str)] = &[
    ("/efficiency_gains/cost_savings_percentage", 0.0, "no cost saved is no efficiency gain"),
    ("/efficiency_gains/vs_traditional_training", 0.0, "no cost reduction is no efficiency gain"),
    ("/roi_analysis/cost_savings_usd", 0.0, "no saving is no return to prove"),
    ("/roi_analysis/roi_percentage", 0.0, "a return of 0 % or less proves no business case"),
    ("/efficiency_gains/convergence_speedup", 1.0, "a speed-up of 1x or less is no improvement"),
];

/// Why a present field still proves nothing: a string that is no statement that the
/// requirement was met (a placeholder, a denial, a redaction, a deferral, a hedge), no records, or
/// a figure that shows no gain.
fn unproving(facts: &Facts, pointer: &str, read: &Statements) -> Option<String> {
    if let Some(&(_, floor, why)) = GAINS_REQUIRED.iter().find(|(field, _, _)| pointer.ends_with(field)) {
        if let Some(n) = facts.get(pointer).and_then(|v| v.as_f64()).filter(|n| *n <= floor) {
            return Some(format!("{pointer} is {n}: {why}"));
        }
    }
    match facts.get(pointer)? {
        serde_json::Value::String(s) => {
            read.gap(pointer).unwrap_or_else(|| statement::gap(s, generated_at(facts))).map(|gap| {
                format!(
                    "{pointer} is {} ({}), not a statement that the requirement was met",
                    gap.describe(),
                    crate::text::quote_claim(s, usize::MAX)
                )
            })
        }
        serde_json::Value::Number(n) if pointer.ends_with("/records_processed") && n.as_f64() == Some(0.0) => {
            Some(format!("{pointer} is 0: no records prove no scale"))
        }
        _ => None,
    }
}

/// The bundle's own time, `generated_at`, which a date in a statement is read against
/// (never the verifier's clock: the verdict must not change with the day it is run).
fn generated_at(facts: &Facts) -> Option<time::OffsetDateTime> {
    facts.str("/generated_at").and_then(crate::clock::parse_rfc3339)
}

fn under(pointer: &str, field: &str) -> bool {
    pointer == field || pointer.strip_prefix(field).is_some_and(|rest| rest.starts_with('/'))
}

/// What the strings at the requirements' fields say ([`statement::gap`]), read ahead of
/// [`check`]: a long statement is read on another thread while the payload's hash is
/// checked and the claims are read (see `verify::verify`). Empty, each statement is read where [`check`] asks for it.
#[derive(Default)]
pub struct Statements(Vec<(String, Option<statement::Gap>)>);

impl Statements {
    /// Every string at a requirement's fields, each read once.
    pub fn read(doc: &Document) -> Statements {
        let facts = Facts::new(doc);
        let generated = generated_at(&facts);
        let mut read = Vec::new();
        for_each_statement(&facts, |ptr, text| read.push((ptr.to_owned(), statement::gap(text, generated))));
        Statements(read)
    }

    /// The bytes of those strings: what reading them will cost.
    pub fn size(doc: &Document) -> usize {
        let mut size = 0;
        for_each_statement(&Facts::new(doc), |_, text| size += text.len());
        size
    }

    /// The statement at `pointer` as read, or None when it was not read ahead.
    fn gap(&self, pointer: &str) -> Option<Option<statement::Gap>> {
        self.0.iter().find(|(p, _)| p == pointer).map(|(_, gap)| *gap)
    }
}

/// Each string at a requirement's required fields, once per pointer.
fn for_each_statement(facts: &Facts, mut each: impl FnMut(&str, &str)) {
    let mut seen: Vec<String> = Vec::new();
    for r in requirements() {
        for ptr in r.required {
            if let Some(serde_json::Value::String(text)) = facts.get(&ptr).filter(|_| !seen.contains(&ptr)) {
                each(&ptr, text);
                seen.push(ptr);
            }
        }
    }
}

pub fn check(doc: &Document, facts: &Facts, read: &Statements, out: &mut Outcome) {
    let mut new = Vec::new();
    for r in requirements() {
        out.mark(r.rule);
        let missing: Vec<String> = r.required.iter().filter_map(|ptr| missing_at(facts, ptr)).collect();
        if let Some(first) = missing.first() {
            new.push(
                Finding::new(r.rule, first.clone(), format!("requirement not proved: missing {}", missing.join(", ")))
                    .expected(r.required.join(", "))
                    .found(format!("missing {}", missing.join(", "))),
            );
            continue;
        }
        if let Some((ptr, why)) = r.required.iter().find_map(|ptr| unproving(facts, ptr, read).map(|w| (ptr, w))) {
            new.push(
                Finding::new(r.rule, ptr.clone(), format!("requirement not proved: {why}"))
                    .expected(format!("{ptr}: a figure or a statement that can be checked"))
                    .found(why),
            );
            continue;
        }
        let skipped = r.checks.iter().find_map(|rule| {
            (!out.evaluated.contains(&rule.id))
                .then(|| out.skipped.iter().find(|(id, _)| *id == rule.id).map(|(_, why)| (rule.id, why.clone())))
                .flatten()
        });
        if let Some((id, why)) = skipped {
            let first = r.required.first().cloned().unwrap_or_default();
            new.push(
                Finding::new(r.rule, first, format!("requirement not proved: {id} did not run ({why})"))
                    .expected(format!("{id} evaluated and holding"))
                    .found(format!("{id} skipped: {why}")),
            );
            continue;
        }
        let fields: Vec<&String> = r.required.iter().chain(&r.related).collect();
        // An "and N more" finding stands for findings whose pointers were not kept (past
        // a rule's cap or the report's text budget): any of them may sit at these fields,
        // so it stands against every requirement. Before, 100 false claims in an extension
        // member pushed a false claim in `scale_proven` past the cap, and the requirement
        // held.
        let against = out.findings.iter_mut().filter(|f| {
            f.severity >= Severity::Warning
                && matches!(f.rule.section, Section::Schema | Section::Consistency | Section::Claims)
                && (f.more > 0 || fields.iter().any(|field| under(&f.pointer, field)))
        });
        // The problem is reported once: every finding that stands against the requirement
        // names it and fails it too (an error under this profile, which no override
        // lowers). Only the first was raised: a second contradiction in the same field
        // stayed a warning, and `--allow claims` lowered it to info.
        for f in against {
            f.message.push_str(&format!("; this breaks the marketplace requirement {} ({})", r.rule.id, r.rule.title));
            f.breaks.push(r.rule);
            f.severity = Severity::Error;
        }
    }
    out.mark(&SIGNATURE);
    let sigs = doc.member_ref(SIGNATURES);
    if !crate::signatures::present(sigs) {
        new.push(
            Finding::new(&SIGNATURE, "/signatures", "no signature: a marketplace bundle must be signed")
                .expected("a signature that verifies against a supplied key")
                .found("none"),
        );
    } else if let Some(f) =
        out.findings.iter().find(|f| f.rule.section == Section::Signatures && f.severity >= Severity::Warning)
    {
        new.push(
            Finding::new(
                &SIGNATURE,
                f.pointer.clone(),
                format!("no trusted, valid signature: {} ({})", f.rule.id, f.message),
            )
            .expected("a signature that verifies against a supplied key")
            .found(f.rule.id),
        );
    }
    for f in new {
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_facts(json: &str, f: impl FnOnce(&Facts)) {
        let r = crate::read::read(json.as_bytes().to_vec(), &crate::read::Limits::default());
        let doc = r.document.expect("test JSON reads");
        f(&Facts::new(&doc));
    }

    const SPEEDUP: &str = "/cost_analysis/efficiency_gains/convergence_speedup";
    const SAVINGS_PCT: &str = "/cost_analysis/efficiency_gains/cost_savings_percentage";
    const VS_TRAD: &str = "/cost_analysis/efficiency_gains/vs_traditional_training";
    const TIME_PCT: &str = "/cost_analysis/efficiency_gains/time_savings_percentage";
    const SAVINGS_USD: &str = "/cost_analysis/roi_analysis/cost_savings_usd";
    const ROI_PCT: &str = "/cost_analysis/roi_analysis/roi_percentage";

    #[test]
    fn no_gain_proves_no_gain() {
        let zero = r#"{"cost_analysis":{"efficiency_gains":{"convergence_speedup":1.0,"cost_savings_percentage":0,
            "vs_traditional_training":0.0,"time_savings_percentage":0},
            "roi_analysis":{"cost_savings_usd":0.0,"roi_percentage":0}}}"#;
        with_facts(zero, |facts| {
            for ptr in [SPEEDUP, SAVINGS_PCT, VS_TRAD, SAVINGS_USD, ROI_PCT] {
                assert!(unproving(facts, ptr, &Statements::default()).is_some(), "{ptr}");
            }
            // time savings follow the speed-up; the performance requirement reads that
            assert_eq!(unproving(facts, TIME_PCT, &Statements::default()), None);
        });
        with_facts(r#"{"cost_analysis":{"efficiency_gains":{"convergence_speedup":0.8}}}"#, |facts| {
            let why = unproving(facts, SPEEDUP, &Statements::default()).unwrap_or_default();
            assert!(why.contains("0.8") && why.contains("no improvement"), "{why}");
        });
    }

    #[test]
    fn a_gain_proves_a_gain() {
        let gain = r#"{"cost_analysis":{"efficiency_gains":{"convergence_speedup":1.01,"cost_savings_percentage":0.5,
            "vs_traditional_training":0.005},"roi_analysis":{"cost_savings_usd":0.01,"roi_percentage":300}}}"#;
        with_facts(gain, |facts| {
            for ptr in [SPEEDUP, SAVINGS_PCT, VS_TRAD, SAVINGS_USD, ROI_PCT] {
                assert_eq!(unproving(facts, ptr, &Statements::default()), None, "{ptr}");
            }
        });
    }
}
