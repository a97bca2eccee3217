//! No input makes the audit panic: random prose through the claim extractor and the PII
//! scanner, and random values in every figure the audit reads, under every profile.

use aeb_verify::claims::extract::extract;
use aeb_verify::options::{Options, Profile};
use aeb_verify::redaction::pii::scan;
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;

const FIELDS: &[&str] = &[
    "/generated_at",
    "/version",
    "/cleaning/rows_removed",
    "/cleaning/deduped",
    "/cleaning",
    "/cost_analysis/platform_costs/compute_time_seconds",
    "/cost_analysis/platform_costs/gpu_hours",
    "/cost_analysis/platform_costs/memory_usage_gb",
    "/cost_analysis/platform_costs/total_cost_usd",
    "/cost_analysis/platform_costs/cost_per_record",
    "/cost_analysis/platform_costs/records_processed",
    "/cost_analysis/efficiency_gains/convergence_speedup",
    "/cost_analysis/efficiency_gains/cost_savings_percentage",
    "/cost_analysis/efficiency_gains/time_savings_percentage",
    "/cost_analysis/efficiency_gains/vs_traditional_training",
    "/cost_analysis/roi_analysis/traditional_training_cost",
    "/cost_analysis/roi_analysis/platform_training_cost",
    "/cost_analysis/roi_analysis/cost_savings_usd",
    "/cost_analysis/roi_analysis/roi_percentage",
    "/cost_analysis",
    "/performance_metrics/training/convergence_time_seconds",
    "/performance_metrics/data_quality/statistical_fidelity",
    "/enterprise_validation/scale_proven",
    "/enterprise_validation/memory_optimization",
    "/enterprise_validation",
    "/training",
    "/notes",
    "/signatures",
];

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(0.0)),
        Just(json!(-1)),
        Just(json!(1e308)),
        Just(json!(5e-324)),
        Just(json!(9007199254740993u64)),
        Just(Value::Null),
        Just(json!([])),
        Just(json!({})),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        ".{0,40}".prop_map(Value::String),
        "[0-9 .,%xMBGKb-]{0,30}( records| scale| MB| GB|%|x)?".prop_map(Value::String),
    ]
}

fn set(doc: &mut Value, pointer: &str, v: Value) {
    let (parent, last) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(Value::Object(m)) = doc.pointer_mut(parent) {
        m.insert(last.to_owned(), v);
    }
}

fn base() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/audit/pass-base.json"))
        .expect("pass-base.json");
    serde_json::from_str(&text).expect("JSON")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extractor_and_scanner_never_panic(field in "[a-z_]{0,20}", text in "\\PC{0,80}") {
        let _ = extract(&field, &text);
        let _ = scan(&text);
    }

    #[test]
    fn audit_never_panics(edits in proptest::collection::vec((0..FIELDS.len(), any_value()), 1..4),
                          profile in prop_oneof![Just(Profile::None), Just(Profile::Public), Just(Profile::Marketplace)],
                          tolerance in proptest::option::of(0.0f64..0.5)) {
        let mut doc = base();
        for (i, v) in edits {
            set(&mut doc, FIELDS[i], v);
        }
        let bytes = serde_json::to_vec_pretty(&doc).expect("serialize");
        let mut opts = Options::new(datetime!(2026-11-25 12:00 UTC));
        opts.profile = profile;
        opts.tolerance = tolerance;
        opts.deny_patterns = vec![regex::Regex::new("ACME-[0-9]+").expect("regex")];
        let report = aeb_verify::verify::verify("prop", bytes, &opts);
        prop_assert!(report.outcome.findings.iter().all(|f| !f.message.is_empty()));
    }
}

/// Time grows with the text, not with its square: a claim or a string of twice the
/// numbers (and twice the personal data) takes about twice as long. A ratio in one run,
/// not a wall-clock limit.
#[test]
fn claims_and_pii_scans_are_linear() {
    let unit = "1 000 records, 4,2x faster; 75% cost; one billion rows (5h 29m) jane@example.com 203.0.113.42 \
                call +1 415 555 0100, card 4111 1111 1111 1111, seed=7; ";
    let time = |n: usize| {
        let text = unit.repeat(n);
        let start = std::time::Instant::now();
        let e = extract("scale_proven", &text);
        let hits = scan(&text).expect("the detectors compile");
        let unchecked = e.unchecked.len() + e.unchecked_more;
        assert!(e.mentions.len() >= 4 * n && unchecked >= n, "every number of every repetition is read");
        assert!(hits.len() >= 5 * n, "every item of every repetition is found: {} for {n}", hits.len());
        start.elapsed().as_secs_f64()
    };
    // The best of three of each size, and the pair measured again (twice at most) while
    // over the bound: the proptests of this file run beside it on a machine of two cores,
    // and one stalled measurement failed the test (once, under a loaded machine, on 2026-12-04).
    // A quadratic scan measures about 4 every time; the bound is not loosened.
    let best = |n: usize| (0..3).map(|_| time(n)).fold(f64::INFINITY, f64::min);
    let _ = time(200);
    let (mut small, mut large) = (0.0, f64::INFINITY);
    for _ in 0..3 {
        (small, large) = (best(3000), best(6000));
        if large <= 3.0 * small + 0.05 {
            break;
        }
    }
    assert!(large <= 3.0 * small + 0.05, "3000 repetitions took {small:.3} s, 6000 took {large:.3} s");
}
