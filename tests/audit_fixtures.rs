//! Every case of fixtures/audit/cases.tsv (written by fixtures/audit/make-fixtures.py,
//! described in fixtures/audit/CASES.md): the binary is run on the bundle with the
//! case's arguments; the exit code must match, and the rule must (or must not) report
//! at the pointer.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary from the repository root with `--format json`; returns the exit
/// code and the report.
pub fn run(args: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .current_dir(root())
        .args(["--format", "json", "--color", "never"])
        .args(args)
        .output()
        .expect("the binary runs");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("no JSON report for {args:?}: {e}\nstderr: {}", String::from_utf8_lossy(&out.stderr))
    });
    (out.status.code().unwrap_or(-1), report)
}

pub fn findings(report: &Value) -> Vec<Value> {
    report["bundles"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|b| b["findings"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// fixtures/audit/cases.tsv: each fixture's expected exit, rule and pointer, as
/// make-fixtures.py wrote them.
fn cases_table() -> String {
    std::fs::read_to_string(root().join("fixtures/audit/cases.tsv")).expect("cases.tsv")
}

/// The KMS key the audit fixtures are signed with, bound to their key ID.
const AUDIT_KMS_KEY: &str =
    "arn:aws:kms:eu-west-1:111122223333:key/0a0b0c0d-aeb0-4000-8000-a0d17f1c7e51=fixtures/audit/keys/audit-ed25519.pub.pem";

fn summary(report: &Value) -> String {
    findings(report)
        .iter()
        .map(|f| format!("  {} {} at {:?}: {}", f["severity"], f["rule"], f["pointer"], f["message"]))
        .collect::<Vec<_>>()
        .join("\n")
}

fn expected_exit(s: &str) -> i32 {
    s.parse().expect("exit code")
}

#[test]
fn every_case_of_the_table() {
    let table = cases_table();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, rule, fires, args, exit, pointer, _kind, says] = cols[..] else { panic!("bad row {line}") };
        count += 1;
        let path = Path::new("fixtures/audit").join(file);
        let path = path.to_str().expect("utf-8 path");
        let mut argv: Vec<&str> = args.split_whitespace().collect();
        argv.push(path);
        let (code, report) = run(&argv);
        let expected_exit = expected_exit(exit);
        let fs = findings(&report);
        // A claims finding that breaks a marketplace requirement fails both, once.
        let breaks = |f: &Value| f["breaks"].as_array().is_some_and(|b| b.iter().any(|id| id == rule));
        let here = |f: &&Value| (f["rule"] == rule || breaks(f)) && f["pointer"] == pointer;
        let problem = if code != expected_exit {
            Some(format!("exit {code}, expected {expected_exit}"))
        } else if rule == "(all rules)" {
            let bad: Vec<&Value> = fs
                .iter()
                .filter(|f| {
                    f["severity"] != "info"
                        && f["rule"] != "sig.none"
                        && !f["rule"].as_str().unwrap_or_default().ends_with(".unverified")
                })
                .collect();
            (!bad.is_empty()).then(|| "unexpected findings".to_owned())
        } else if fires == "yes" && !fs.iter().any(|f| here(&f)) {
            Some(format!("no {rule} finding at {pointer:?}"))
        } else if !says.is_empty()
            && !fs
                .iter()
                .filter(|f| here(f))
                .any(|f| format!("{} {} {}", f["message"], f["expected"], f["found"]).contains(says))
        {
            Some(format!("the {rule} finding at {pointer:?} does not say {says:?} (the claim is misread)"))
        } else if fires == "no" && fs.iter().any(|f| f["rule"] == rule && f["severity"] != "info") {
            Some(format!("{rule} reported, expected silence"))
        } else {
            None
        };
        if let Some(p) = problem {
            failures.push(format!("{file} [{args}]: {p}\n{}", summary(&report)));
        }
    }
    assert!(count > 80, "only {count} cases read");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// The seed's own example must show what the issue lists.
#[test]
fn the_seed_example_contradicts_itself() {
    for file in ["fixtures/seed-example.json", "fixtures/audit/seed-sealed.json"] {
        let (code, report) = run(&[file]);
        assert_eq!(code, 1, "{file}");
        let fs = findings(&report);
        let has = |rule: &str, pointer: &str, text: &[&str]| {
            fs.iter().any(|f| {
                let all = format!("{} {} {}", f["message"], f["expected"], f["found"]);
                f["rule"] == rule && f["pointer"] == pointer && text.iter().all(|t| all.contains(t))
            })
        };
        assert!(
            has("audit.implied-records", "/cost_analysis/platform_costs/cost_per_record", &["1,000,000 records"]),
            "{file}: implied records\n{}",
            summary(&report)
        );
        assert!(
            has("claims.records", "/enterprise_validation/scale_proven", &["1 billion", "1,000,000 records"]),
            "{file}: 1 billion vs 1,000,000\n{}",
            summary(&report)
        );
        assert!(
            has("claims.memory", "/enterprise_validation/memory_optimization", &["185.58 MB", "16.5 GB"]),
            "{file}: memory\n{}",
            summary(&report)
        );
        assert!(
            has("audit.cleaning-dedup", "/cleaning/rows_removed", &["10 duplicates", "0 rows removed"]),
            "{file}: dedup\n{}",
            summary(&report)
        );
        assert!(
            has("claims.unsupported", "/enterprise_validation/quality_maintained", &["100% compliance"]),
            "{file}: 100% compliance\n{}",
            summary(&report)
        );
    }
}

/// Every rule of the audit's sections has a breaking case in the table (and
/// pass-base.json passes them all).
#[test]
fn every_audit_rule_has_a_breaking_fixture() {
    use aeb_verify::rules::{all, Section};
    let table = cases_table();
    let fired: Vec<&str> = table
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.get(2) == Some(&"yes")).then(|| cols.get(1).copied()).flatten()
        })
        .collect();
    let audited = [Section::Schema, Section::Consistency, Section::Claims, Section::Redaction, Section::Marketplace];
    let missing: Vec<&str> =
        all().filter(|r| audited.contains(&r.section) && !fired.contains(&r.id)).map(|r| r.id).collect();
    assert!(missing.is_empty(), "rules without a breaking fixture: {missing:?}");
}

/// The rewording cases of issue 8 are what the table says they are: every evasion runs
/// under `--strict` and must be rejected by its rule, every honest wording must pass
/// `--strict` with every rule silent (`every_case_of_the_table` runs them all).
#[test]
fn rewording_cases_are_strict_rejections_and_clean_passes() {
    let table = cases_table();
    let (mut evasions, mut honest) = (0, 0);
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, rule, fires, args, exit, _, kind, _] = cols[..] else { panic!("bad row {line}") };
        match kind {
            "" => continue,
            "evasion" => {
                evasions += 1;
                assert!(
                    fires == "yes" && exit == "1" && rule != "(all rules)",
                    "{file}: an evasion is rejected by its rule"
                );
            }
            "honest" => {
                honest += 1;
                assert!(fires == "no" && exit == "0" && rule == "(all rules)", "{file}: honest wording passes clean");
            }
            other => panic!("{file}: unknown kind {other}"),
        }
        assert!(args.contains("--strict"), "{file}: rewording cases run under --strict");
    }
    assert!(evasions >= 70 && honest >= 14, "{evasions} evasions, {honest} honest cases");
}

/// The false passes of the attacker passes (phone digits in a string, seeds in strings
/// and numbered seed names, lakh and crore; pass 7: unknown magnitudes, digits of another
/// script, rates, arrows, multiples of other quantities, remaining shares) stay in the table, each run here on its
/// own: verdict, rule and pointer as the table documents them, and the honest wording
/// beside each still clean. `every_case_of_the_table` runs them too; this test fails if
/// a row is dropped from the generator.
#[test]
fn attacker_pass_gaps_stay_closed() {
    let table = cases_table();
    let expected = [
        ("redaction-phone-string.json", "redaction.pii-phone", "/x_contact/phoneNumber"),
        ("redaction-phone-string-list.json", "redaction.pii-phone", "/x_contact/phones/0"),
        ("redaction-phone-number-list.json", "redaction.pii-phone", "/x_contact/mobiles/0"),
        ("redaction-seed-env.json", "redaction.run-seed", "/notes"),
        ("redaction-seed-newline.json", "redaction.run-seed", "/notes"),
        ("redaction-seed-arrow.json", "redaction.run-seed", "/notes"),
        ("redaction-seed-prose.json", "redaction.run-seed", "/notes"),
        ("redaction-seed-numbered-text.json", "redaction.run-seed", "/notes"),
        ("redaction-seed-numbered.json", "redaction.run-seed", "/x_run/seed_1"),
        ("redaction-seed-numbered-suffix.json", "redaction.run-seed", "/x_run/random_seed_2"),
        ("redaction-seed-numbered-upper.json", "redaction.run-seed", "/x_run/SEED_0"),
        ("claims-records-crore.json", "claims.records", "/enterprise_validation/scale_proven"),
        ("pass-honest-lakh.json", "(all rules)", ""),
        ("pass-honest-redaction-seed-words.json", "(all rules)", ""),
        ("pass-honest-redaction-phone-words.json", "(all rules)", ""),
        // attacker pass 6
        ("redaction-signatures-sig-member.json", "redaction.pii-email", "/signatures/sig/operator"),
        ("redaction-signatures-pgp-armor.json", "redaction.pii-email", "/signatures/pgp/armor"),
        ("redaction-signatures-signature-object.json", "redaction.run-seed", "/signatures/signature/random_seed"),
        ("redaction-signatures-kms-armored.json", "redaction.pii-national-id", "/signatures/kms/armored/ssn"),
        ("redaction-signatures-armor-header.json", "redaction.pii-email", "/signatures/pgp/signature"),
        ("redaction-card-double-spaces.json", "redaction.pii-card", "/notes"),
        ("redaction-card-spaced-dashes.json", "redaction.pii-card", "/notes"),
        ("redaction-card-tabs.json", "redaction.pii-card", "/notes"),
        ("pass-honest-redaction-card-groups.json", "(all rules)", ""),
        ("redaction-params-grid.json", "redaction.training-params", "/x_model/max_depth"),
        ("redaction-params-schedule.json", "redaction.training-params", "/x_model/learning_rate"),
        ("pass-honest-redaction-param-containers.json", "(all rules)", ""),
        ("redaction-weights.json", "redaction.training-params", "/x_model_card/weights"),
        ("redaction-weights-coef.json", "redaction.training-params", "/x_model_card/coef_"),
        ("redaction-weights-intercept.json", "redaction.training-params", "/x_model_card/intercept_"),
        ("pass-honest-redaction-weight-words.json", "(all rules)", ""),
        ("redaction-ssn-string.json", "redaction.pii-national-id", "/x_person/ssn"),
        ("redaction-ssn-number.json", "redaction.pii-national-id", "/x_person/SSN_number"),
        ("redaction-ssn-number-leading-zero.json", "redaction.pii-national-id", "/x_person/social_security_number"),
        ("pass-honest-redaction-ssn-words.json", "(all rules)", ""),
        // attacker pass 7: unknown magnitudes and digits of another script (problem 3)
        ("claims-records-bln.json", "claims.records", "/enterprise_validation/scale_proven"),
        ("claims-records-mm.json", "claims.records", "/enterprise_validation/enterprise_ready"),
        ("claims-records-magnitude-letter.json", "claims.unchecked", "/enterprise_validation/memory_optimization"),
        ("claims-records-magnitude-markup.json", "claims.unchecked", "/enterprise_validation/scale_proven"),
        ("claims-records-magnitude-html.json", "claims.unchecked", "/enterprise_validation/enterprise_ready"),
        ("marketplace-claims-unknown-magnitude.json", "marketplace.scale", "/enterprise_validation/scale_proven"),
        ("claims-records-arabic-indic-digits.json", "claims.unchecked", "/enterprise_validation/scale_proven"),
        ("claims-records-devanagari-digits.json", "claims.unchecked", "/enterprise_validation/enterprise_ready"),
        ("pass-honest-records-magnitude-abbreviations.json", "(all rules)", ""),
        // rates with words between the noun and the time unit (problem 4)
        ("claims-throughput-every-second.json", "claims.throughput", "/enterprise_validation/scale_proven"),
        ("claims-throughput-a-second.json", "claims.throughput", "/enterprise_validation/enterprise_ready"),
        ("claims-throughput-generated-per-second.json", "claims.throughput", "/enterprise_validation/scale_proven"),
        ("claims-throughput-hourly.json", "claims.throughput", "/enterprise_validation/scale_proven"),
        ("claims-throughput-unsure-rate.json", "claims.unchecked", "/enterprise_validation/scale_proven"),
        ("claims-records-duration-words.json", "claims.unchecked", "/enterprise_validation/scale_proven"),
        ("pass-honest-throughput-every-second.json", "(all rules)", ""),
        // arrows are no bounds (problem 5)
        ("claims-memory-arrow.json", "claims.memory", "/enterprise_validation/memory_optimization"),
        ("claims-memory-fat-arrow.json", "claims.memory", "/enterprise_validation/memory_optimization"),
        ("marketplace-claims-memory-arrow.json", "marketplace.memory", "/enterprise_validation/memory_optimization"),
        // multiples and percentages that name another quantity (problem 6)
        ("claims-speedup-roi.json", "claims.unchecked", "/enterprise_validation/efficiency_achieved"),
        ("claims-speedup-return.json", "claims.unchecked", "/enterprise_validation/enterprise_ready"),
        ("claims-speedup-memory.json", "claims.unchecked", "/enterprise_validation/memory_optimization"),
        ("claims-speedup-records.json", "claims.unchecked", "/enterprise_validation/scale_proven"),
        ("claims-percentage-memory-default.json", "claims.unchecked", "/enterprise_validation/efficiency_achieved"),
        ("claims-percentage-gpus-default.json", "claims.unchecked", "/enterprise_validation/efficiency_achieved"),
        ("claims-percentage-carbon-default.json", "claims.unchecked", "/enterprise_validation/efficiency_achieved"),
        ("claims-speedup-memory-field.json", "claims.unchecked", "/enterprise_validation/memory_optimization"),
        ("claims-percentage-subject-then-other.json", "claims.unchecked", "/enterprise_validation/efficiency_achieved"),
        ("pass-honest-speedup-with-memory.json", "(all rules)", ""),
        // a share that remains is no share saved (problem 7)
        ("claims-percentage-cut-to.json", "claims.percentage", "/enterprise_validation/efficiency_achieved"),
        ("claims-percentage-share-of-time.json", "claims.percentage", "/enterprise_validation/performance_improvement"),
        ("claims-percentage-as-much.json", "claims.percentage", "/enterprise_validation/efficiency_achieved"),
        ("claims-percentage-down-to.json", "claims.percentage", "/enterprise_validation/performance_improvement"),
        ("marketplace-claims-cut-to.json", "marketplace.efficiency", "/enterprise_validation/efficiency_achieved"),
        ("pass-honest-percentage-remaining-share.json", "(all rules)", ""),
    ];
    rows_hold(&table, &expected);
}

/// The gaps the attacker pass on the audit, the claims reader and redaction closed, each
/// run on its own as [`attacker_pass_gaps_stay_closed`] runs the earlier ones.
#[test]
fn audit_pass_gaps_stay_closed() {
    let table = cases_table();
    let expected = [
        // a seed option of a recorded command line named as a seed member is named
        ("redaction-seed-argv-state-option.json", "redaction.run-seed", "/x_run/argv/3"),
        ("redaction-seed-argv-value-option.json", "redaction.run-seed", "/x_run/argv/3"),
        ("honest-seed-words-not-seeds.json", "(all rules)", ""),
        // a size that names the model is held against model_size_mb; one of the data is
        // not checked; neither is peak memory
        ("claims-memory-model-size.json", "claims.memory", "/enterprise_validation/memory_optimization"),
        (
            "marketplace-claims-memory-model-size.json",
            "marketplace.memory",
            "/enterprise_validation/memory_optimization",
        ),
        ("claims-memory-dataset-size.json", "claims.unchecked", "/enterprise_validation/memory_optimization"),
        ("pass-honest-memory-and-model-size.json", "(all rules)", ""),
        // a number is read whole or not at all: underscore groups, a power after groups
        ("pass-honest-records-underscore-groups.json", "(all rules)", ""),
        ("claims-records-power-after-groups.json", "claims.unchecked", "/enterprise_validation/scale_proven"),
        // an e-mail address with a quoted local part
        ("redaction-email-quoted-local.json", "redaction.pii-email", "/notes"),
        // a speed-up of inference is not the training's convergence speed-up
        ("claims-speedup-inference.json", "claims.unchecked", "/enterprise_validation/performance_improvement"),
        ("claims-time-savings-inference.json", "claims.unchecked", "/enterprise_validation/performance_improvement"),
        ("claims-speedup-x-number-word.json", "claims.unchecked", "/enterprise_validation/performance_improvement"),
        // a seed held as a name/value pair
        ("redaction-seed-name-value-pair.json", "redaction.run-seed", "/x_run/env/1/value"),
        ("redaction-phone-name-value-pair.json", "redaction.pii-phone", "/x_contact/1/value"),
        ("redaction-params-name-value-pair.json", "redaction.training-params", "/x_run/settings/0/Value"),
        // the cost per record without total_cost_usd
        (
            "audit-cost-per-record-no-total.json",
            "audit.cost-per-record",
            "/cost_analysis/platform_costs/cost_per_record",
        ),
        ("pass-honest-cost-per-record-no-total.json", "(all rules)", ""),
        // a percentage claim held to the share the figures give when the bundle states none
        (
            "claims-percentage-computed-from-costs.json",
            "claims.percentage",
            "/enterprise_validation/efficiency_achieved",
        ),
        ("pass-honest-percentages-computed.json", "(all rules)", ""),
        ("pass-honest-name-value-pairs.json", "(all rules)", ""),
    ];
    rows_hold(&table, &expected);
}

/// A power glued to digit groups that are not read is part of that number: it was read
/// alone ("2·10⁶ records" claimed 6 records, beside the finding that "2·10" was not read).
#[test]
fn a_power_after_groups_not_read_is_not_read_alone() {
    let (code, report) =
        run(&["--strict", "--kms-key", AUDIT_KMS_KEY, "fixtures/audit/claims-records-power-after-groups.json"]);
    assert_eq!(code, 1, "{}", summary(&report));
    let fs = findings(&report);
    let at = "/enterprise_validation/scale_proven";
    assert!(!fs.iter().any(|f| f["rule"] == "claims.records"), "{}", summary(&report));
    assert!(
        fs.iter()
            .any(|f| f["rule"] == "claims.unchecked" && f["pointer"] == at && f["found"] == "\"2·10⁶\" (not checked)"),
        "{}",
        summary(&report)
    );
}

/// Each (file, rule, pointer) is a row of the table, and running its case gives the row's
/// exit code with the rule at the pointer (or, for "(all rules)", no warning or error).
fn rows_hold(table: &str, expected: &[(&str, &str, &str)]) {
    for &(file, rule, pointer) in expected {
        let row = table
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|c| c.first() == Some(&file))
            .unwrap_or_else(|| panic!("{file}: no row in cases.tsv"));
        let [_, r, fires, args, exit, p, _, _] = row[..] else { panic!("{file}: bad row") };
        assert_eq!((r, p, fires), (rule, pointer, if rule == "(all rules)" { "no" } else { "yes" }), "{file}");
        let path = format!("fixtures/audit/{file}");
        let mut argv: Vec<&str> = args.split_whitespace().collect();
        argv.push(&path);
        let (code, report) = run(&argv);
        assert_eq!(code, expected_exit(exit), "{file}\n{}", summary(&report));
        let fs = findings(&report);
        if rule == "(all rules)" {
            assert_eq!(code, 0, "{file}");
            assert!(
                !fs.iter().any(|f| f["severity"] == "error" || f["severity"] == "warning"),
                "{file}\n{}",
                summary(&report)
            );
        } else {
            assert_eq!(code, 1, "{file}");
            // A claims finding that breaks a marketplace requirement stands for it too.
            let breaks = |f: &Value| f["breaks"].as_array().is_some_and(|b| b.iter().any(|id| id == rule));
            assert!(
                fs.iter().any(|f| (f["rule"] == rule || breaks(f)) && f["pointer"] == pointer),
                "{file}\n{}",
                summary(&report)
            );
        }
    }
}

/// The second attacker pass on the audit: a compute time whose hours underflow and whose
/// GPUs overflow is worded as numbers, and a clock's zero value in `generated_at` is
/// implausible. Rule, pointer and exit as fixtures/audit/CASES.md documents them.
#[test]
fn audit_pass2_gaps_stay_closed() {
    let table = cases_table();
    let expected = [
        ("audit-implausible-gpus-underflow.json", "audit.implausible.gpus", "/cost_analysis/platform_costs/gpu_hours"),
        ("audit-implausible-generated-at-year-zero.json", "audit.implausible.generated-at", "/generated_at"),
        ("audit-implausible-generated-at-epoch.json", "audit.implausible.generated-at", "/generated_at"),
        ("pass-honest-generated-at-after-epoch.json", "(all rules)", ""),
    ];
    rows_hold(&table, &expected);
}

/// 2 GPU hours in 5e-324 seconds: in doubles 5e-324 / 3600 is 0 and 2 / 0 is infinite, so
/// the words were "0 wall-clock hours" and "inf GPUs in parallel". Both findings now say
/// what is true: less than the smallest double (5e-324) hours, more than the largest
/// double (f64::MAX, 1.797693e308 to seven digits) GPUs.
#[test]
fn gpus_of_an_underflowing_compute_time_are_worded_as_numbers() {
    let (code, report) =
        run(&["--strict", "--kms-key", AUDIT_KMS_KEY, "fixtures/audit/audit-implausible-gpus-underflow.json"]);
    assert_eq!(code, 1, "{}", summary(&report));
    assert_eq!((5e-324_f64 / 3600.0, 2.0 / (5e-324_f64 / 3600.0)), (0.0, f64::INFINITY));
    let largest = format!("more than {}", "1.797693e308");
    let fs = findings(&report);
    for rule in ["audit.implausible.gpus", "audit.gpu-hours"] {
        let f = fs
            .iter()
            .find(|f| f["rule"] == rule && f["pointer"] == "/cost_analysis/platform_costs/gpu_hours")
            .unwrap_or_else(|| panic!("no {rule} finding\n{}", summary(&report)));
        let text = format!("{} | {} | {}", f["message"], f["expected"], f["found"]);
        assert!(!text.contains("inf") && !text.contains("NaN"), "{rule}: {text}");
        assert!(!text.contains(" 0 wall-clock hours"), "{rule}: {text}");
        assert!(text.contains("less than 5e-324 wall-clock hours"), "{rule}: {text}");
        assert!(text.contains(&format!("{largest} GPUs")), "{rule}: {text}");
    }
}

/// The second attacker pass on the marketplace requirements: a template's unfilled value
/// (`undefined`, `NaN`, `[object Object]`, `Lorem`), hearsay (`allegedly`,
/// `aspirationally`) and a check still running (`under evaluation`) each proved
/// `marketplace.enterprise-ready` under `--strict`; fixtures/audit/CASES.md documents each.
#[test]
fn marketplace_pass2_gaps_stay_closed() {
    let table = cases_table();
    let ready = "/enterprise_validation/enterprise_ready";
    let expected = [
        ("marketplace-placeholder-undefined.json", "marketplace.enterprise-ready", ready),
        ("marketplace-placeholder-nan.json", "marketplace.enterprise-ready", ready),
        ("marketplace-placeholder-object-object.json", "marketplace.enterprise-ready", ready),
        ("marketplace-placeholder-lorem.json", "marketplace.enterprise-ready", ready),
        ("marketplace-hedge-allegedly.json", "marketplace.enterprise-ready", ready),
        ("marketplace-hedge-aspirationally.json", "marketplace.enterprise-ready", ready),
        ("marketplace-hedge-under-evaluation.json", "marketplace.enterprise-ready", ready),
        ("honest-marketplace-nan-in-word.json", "(all rules)", ""),
    ];
    rows_hold(&table, &expected);
}

/// The second attacker pass on the claims: the process a speed-up or a time saving names is
/// read across its clause, nearest word first, not in a window of three words (fixtures/audit/
/// CASES.md documents each).
#[test]
fn claims_pass2_gaps_stay_closed() {
    let table = cases_table();
    let perf = "/enterprise_validation/performance_improvement";
    let expected = [
        ("claims-speedup-inference-far.json", "claims.unchecked", perf),
        ("claims-speedup-fold-inference-far.json", "claims.unchecked", perf),
        ("claims-time-savings-inference-far.json", "claims.unchecked", perf),
        ("pass-honest-speedup-training-before-inference.json", "(all rules)", ""),
    ];
    rows_hold(&table, &expected);
}

/// "2 million records in the test set" is the size of a split, not the records the run
/// processed: it was a `claims.records` error against `records_processed` (1,000,000) and
/// rejected an honest bundle without `--strict`. It is now `claims.unchecked` (a warning,
/// exit 0 without `--strict`), while a split word alone ("in a load test") still holds the
/// count against the run's. Expectations from fixtures/audit/CASES.md.
#[test]
fn a_count_of_a_data_split_is_not_the_records_processed() {
    let (code, report) = run(&["--kms-key", AUDIT_KMS_KEY, "fixtures/audit/claims-records-test-set.json"]);
    assert_eq!(code, 0, "{}", summary(&report));
    let fs = findings(&report);
    let at = "/enterprise_validation/scale_proven";
    assert!(
        fs.iter().any(|f| f["rule"] == "claims.unchecked" && f["pointer"] == at && f["severity"] == "warning"),
        "{}",
        summary(&report)
    );
    assert!(!fs.iter().any(|f| f["rule"] == "claims.records"), "{}", summary(&report));
    let table = cases_table();
    rows_hold(&table, &[("claims-records-load-test.json", "claims.records", at)]);
}

/// The second attacker pass on redaction: a Luhn-valid card number grouped by `_` (as
/// Python and Rust write a grouped literal) or by `.`, a seed in a Markdown table row and
/// a customer ID URL-encoded or HTML-escaped (against its `--deny-pattern`) passed
/// `--profile public`
/// (fixtures/audit/CASES.md documents each; Luhn by the generator's own data).
#[test]
fn redaction_pass2_gaps_stay_closed() {
    let table = cases_table();
    let expected = [
        ("redaction-card-underscore-groups.json", "redaction.pii-card", "/notes"),
        ("redaction-card-dot-groups.json", "redaction.pii-card", "/notes"),
        ("pass-honest-redaction-underscore-groups.json", "(all rules)", ""),
        // a seed in a Markdown table row: `| seed | 42 |`
        ("redaction-seed-markdown-table.json", "redaction.run-seed", "/notes"),
        ("pass-honest-redaction-markdown-table.json", "(all rules)", ""),
        // a customer ID URL-encoded or written with HTML character references
        ("redaction-deny-url-encoded.json", "redaction.deny-pattern", "/notes"),
        ("redaction-deny-html-reference.json", "redaction.deny-pattern", "/notes"),
        ("pass-honest-deny-encoded-text.json", "(all rules)", ""),
    ];
    rows_hold(&table, &expected);
}

/// Runs a fixture of the table with its row's arguments and asserts its exit code and
/// one finding of `rule` at `pointer`, line and column (each as CASES.md documents it).
fn fires_at(file: &str, rule: &str, pointer: &str, line: u64, column: u64) {
    let table = cases_table();
    rows_hold(&table, &[(file, rule, pointer)]);
    let row = table.lines().find(|l| l.starts_with(&format!("{file}\t"))).unwrap_or_default();
    let args = row.split('\t').nth(3).unwrap_or_default();
    let path = format!("fixtures/audit/{file}");
    let mut argv: Vec<&str> = args.split_whitespace().collect();
    argv.push(&path);
    let (code, report) = run(&argv);
    assert_eq!(code, 1, "{file}\n{}", summary(&report));
    assert!(
        findings(&report).iter().any(|f| f["rule"] == rule
            && f["pointer"] == pointer
            && f["line"] == line
            && f["column"] == column
            && f["severity"] == "error"),
        "{file}: no {rule} error at {pointer} {line}:{column}\n{}",
        summary(&report)
    );
}

/// The second attacker pass on the arithmetic: a bundle that states neither
/// `platform_training_cost` nor `total_cost_usd` has the platform cost its savings
/// equation gives (`traditional_training_cost - cost_savings_usd`, 98 - 73.50 = 24.50):
/// an ROI of 900 % and a cost per record of 5 USD were skipped and verified.
#[test]
fn the_platform_cost_the_savings_leave_is_audited() {
    fires_at(
        "audit-roi-platform-left-by-savings.json",
        "audit.roi-percentage",
        "/cost_analysis/roi_analysis/roi_percentage",
        36,
        25,
    );
    fires_at(
        "audit-cost-per-record-platform-left-by-savings.json",
        "audit.cost-per-record",
        "/cost_analysis/platform_costs/cost_per_record",
        23,
        26,
    );
    rows_hold(&cases_table(), &[("pass-honest-platform-left-by-savings.json", "(all rules)", "")]);
}

/// The second attacker pass on the arithmetic: savings one cent from the costs' difference
/// at 1.05 x 10^12 USD passed, the doubles' slack (64 units in the last place, 0.015 there)
/// being more than half a cent; decided on the exact signed decimals, they are rejected,
/// and exact cents at that magnitude still pass.
#[test]
fn a_cent_off_at_a_trillion_is_a_cent_off() {
    fires_at(
        "audit-cost-savings-one-cent-at-a-trillion.json",
        "audit.cost-savings-usd",
        "/cost_analysis/roi_analysis/cost_savings_usd",
        37,
        27,
    );
    rows_hold(&cases_table(), &[("pass-honest-cost-savings-cents-at-a-trillion.json", "(all rules)", "")]);
}

/// The fifth attacker pass on the arithmetic: above 2^44 USD a cent is finer than two
/// units in the last place of the doubles, and the savings were decided with the doubles'
/// slack (about 0.1 USD at 6 x 10^13): savings 3 cents from 8e13 - 2e13 (exact in doubles)
/// verified. They are decided on the exact signed decimals there too, and the publisher's
/// own double of the difference (59,999,999,999,505.17 for an exact .18) still passes.
#[test]
fn cents_above_2_44_are_decided_exactly() {
    fires_at(
        "audit-cost-savings-cents-above-2-44.json",
        "audit.cost-savings-usd",
        "/cost_analysis/roi_analysis/cost_savings_usd",
        37,
        27,
    );
    rows_hold(&cases_table(), &[("pass-honest-cost-savings-publishers-double-above-2-44.json", "(all rules)", "")]);
}

/// The fifth attacker pass on the claims: a record count claimed to the record, 10 from
/// `records_processed` at 9 x 10^14, passed: the comparison kept 64 units in the last place
/// of slack (about 13 records there), though whole counts below 2^53 are exact in doubles.
#[test]
fn a_count_claimed_to_the_record_is_held_to_the_record() {
    warns_at(
        "claims-records-ten-off-at-nine-hundred-trillion.json",
        "claims.records",
        "/enterprise_validation/scale_proven",
        55,
        21,
    );
    rows_hold(
        &cases_table(),
        &[("pass-honest-records-to-the-record-at-nine-hundred-trillion.json", "(all rules)", "")],
    );
}

/// The second attacker pass on the arithmetic: a bundle without `cost_savings_usd` and
/// `traditional_training_cost` had its ROI skipped, though the share saved fixes it (s %
/// saved is an ROI of s / (100 - s) * 100): 900 % beside 75 % saved (292 % to 308 % as 75
/// rounds) verified, with the percentage or with the fraction alone; an ROI that the
/// rounded share allows still passes.
#[test]
fn the_roi_is_held_to_the_share_saved() {
    fires_at(
        "audit-roi-from-savings-percentage.json",
        "audit.roi-percentage",
        "/cost_analysis/roi_analysis/roi_percentage",
        36,
        25,
    );
    fires_at(
        "audit-roi-from-vs-traditional.json",
        "audit.roi-percentage",
        "/cost_analysis/roi_analysis/roi_percentage",
        35,
        25,
    );
    rows_hold(&cases_table(), &[("pass-honest-roi-from-rounded-share.json", "(all rules)", "")]);
}

/// The second attacker pass on the arithmetic: the allowance for the doubles' rounding was
/// 64 units in the last place of the figure, whatever the formula: a cost per record three
/// units of its 15th decimal off (0.769645833333336 for 923,575 / 1,200,000) passed, and an
/// honest ROI computed as (83.52 / 83.32 - 1) * 100, whose near costs lose more digits than
/// 64 units of 0.24, was rejected. The allowance is now bounded from the formula.
#[test]
fn the_doubles_rounding_is_bounded_by_the_formula() {
    fires_at(
        "audit-cost-per-record-three-units-off.json",
        "audit.cost-per-record",
        "/cost_analysis/platform_costs/cost_per_record",
        24,
        26,
    );
    rows_hold(&cases_table(), &[("pass-honest-roi-of-near-costs-full-precision.json", "(all rules)", "")]);
}

/// A fixture of the table run with `--strict` and the audit key: rejected, with a warning of
/// `rule` at `pointer`, line and column (each as CASES.md documents it).
fn warns_at(file: &str, rule: &str, pointer: &str, line: u64, column: u64) {
    let path = format!("fixtures/audit/{file}");
    let (code, report) = run(&["--strict", "--kms-key", AUDIT_KMS_KEY, &path]);
    assert_eq!(code, 1, "{file}\n{}", summary(&report));
    assert!(
        findings(&report).iter().any(|f| f["rule"] == rule
            && f["pointer"] == pointer
            && f["line"] == line
            && f["column"] == column
            && f["severity"] == "warning"),
        "{file}: no {rule} warning at {pointer} {line}:{column}\n{}",
        summary(&report)
    );
}

/// A fixture of the table that fires as [`fires_at`] checks, then rows that hold as
/// [`rows_hold`] checks (the shape of each third attacker pass's test).
fn fires_then_rows_hold(fired: (&str, &str, &str, u64, u64), expected: &[(&str, &str, &str)]) {
    let (file, rule, pointer, line, column) = fired;
    fires_at(file, rule, pointer, line, column);
    rows_hold(&cases_table(), expected);
}

/// The third attacker pass on the claims: the `>` that ends a markup tag was read as "more
/// than", so `Peak usage <span class="metric">185.58 MB</span>` (rendered: "Peak usage
/// 185.58 MB") was a floor that a 16.5 GB peak met, and verified under `--strict --profile
/// marketplace` (the contract, section 5: the seed's 185.58 MB against 16.5 GB must be
/// caught). Markup around a figure is no bound; each case as fixtures/audit/CASES.md
/// documents it.
#[test]
fn claims_pass3_markup_is_no_bound() {
    fires_then_rows_hold(
        (
            "marketplace-claims-memory-html-tag.json",
            "claims.memory",
            "/enterprise_validation/memory_optimization",
            59,
            28,
        ),
        &[
            ("claims-memory-html-bold.json", "claims.memory", "/enterprise_validation/memory_optimization"),
            ("claims-memory-html-break.json", "claims.memory", "/enterprise_validation/memory_optimization"),
            ("claims-records-html-tag.json", "claims.records", "/enterprise_validation/scale_proven"),
            ("claims-speedup-html-tag.json", "claims.speedup", "/enterprise_validation/performance_improvement"),
            ("pass-honest-claims-html-tag.json", "(all rules)", ""),
        ],
    );
}

/// The third attacker pass on redaction: the detectors read a string only as written, so a
/// seed or an address that a page, a URL or a JSON string encodes passed `--profile public`
/// (the deny patterns already read the text decoded, 6.1): `&lt;seed&gt;42` (a page shows
/// `<seed>42`, the XML form 6.1 lists), `seed%3D42` in a URL, a JSON config written into a
/// string (`{\"seed\": 42}`), `jane.doe&#x0040;example.com` (the contract's e-mail address,
/// `&#x40;` with leading zeros, as a page renders it), `203&#46;0&#46;113&#46;42`.
#[test]
fn redaction_pass3_encoded_text_is_read() {
    fires_at("redaction-seed-html-escaped-xml.json", "redaction.run-seed", "/notes", 67, 12);
    fires_then_rows_hold(
        ("redaction-email-hex-reference-zeros.json", "redaction.pii-email", "/notes", 67, 12),
        &[
            ("redaction-seed-url-encoded.json", "redaction.run-seed", "/notes"),
            ("redaction-seed-escaped-json.json", "redaction.run-seed", "/notes"),
            ("redaction-email-reference-zeros.json", "redaction.pii-email", "/notes"),
            ("redaction-email-json-escape.json", "redaction.pii-email", "/notes"),
            ("redaction-ip-html-references.json", "redaction.pii-ip", "/notes"),
            ("pass-honest-redaction-encoded-text.json", "(all rules)", ""),
        ],
    );
}

/// The third attacker pass on redaction: an IPv4 address with defanged dots
/// (`203[.]0[.]113[.]42`, `hxxp://203.0.113[.]42/`, `203(dot)0(dot)113(dot)42`: written so
/// that it is no link, still read as the address) and one zero-padded from its first octet
/// (`010.000.000.001`, which no count is written as) passed `--profile public`; a count
/// grouped by dots and a longer defanged dotted number stay clean.
#[test]
fn redaction_pass3_defanged_and_padded_addresses() {
    fires_then_rows_hold(
        ("redaction-ip-defanged.json", "redaction.pii-ip", "/notes", 67, 12),
        &[
            ("redaction-ip-defanged-last-dot.json", "redaction.pii-ip", "/notes"),
            ("redaction-ip-defanged-word.json", "redaction.pii-ip", "/notes"),
            ("redaction-ip-zero-padded.json", "redaction.pii-ip", "/notes"),
            ("pass-honest-redaction-dotted-counts.json", "(all rules)", ""),
        ],
    );
}

/// The fifth attacker pass on redaction: a private or link-local address zero-padded after
/// its first octet (`192.168.001.001`, `169.254.000.001`, `172.016.000.010`, as Cisco and some
/// log formats print one) was read as a count grouped by dots and passed `--profile public`;
/// dotted counts that open with 10, 100 or 127 stay counts.
#[test]
fn redaction_pass5_private_address_zero_padded() {
    fires_then_rows_hold(
        ("redaction-ip-private-zero-padded.json", "redaction.pii-ip", "/notes", 67, 12),
        &[
            ("redaction-ip-link-local-zero-padded.json", "redaction.pii-ip", "/notes"),
            ("pass-honest-redaction-dotted-counts-ten-billion.json", "(all rules)", ""),
            ("pass-honest-redaction-dotted-counts.json", "(all rules)", ""),
        ],
    );
}

/// The third attacker pass on redaction: a seed typed as a float (`seed = 42.0`, `seed=1e3`;
/// Python's `random.seed` takes one) passed `--profile public`, since a decimal fraction
/// after the integer made it an amount; an integral value after a mark that links it is the
/// integer, while a decimal after a space or a word stays prose.
#[test]
fn redaction_pass3_seed_typed_as_a_float() {
    fires_then_rows_hold(
        ("redaction-seed-float.json", "redaction.run-seed", "/notes", 67, 12),
        &[
            ("redaction-seed-exponent.json", "redaction.run-seed", "/notes"),
            ("pass-honest-redaction-seed-decimals.json", "(all rules)", ""),
        ],
    );
}

/// The third attacker pass on redaction: `The generator was seeded with 42.` passed
/// `--profile public` (a word between the name and the number ended the window): `seeded
/// with` (or `using`) and an integer that ends its clause is a seed; `seeded with 500 rows`
/// counts rows.
#[test]
fn redaction_pass3_seeded_with_a_number() {
    fires_then_rows_hold(
        ("redaction-seed-seeded-with.json", "redaction.run-seed", "/notes", 67, 12),
        &[("pass-honest-redaction-seeded-with-rows.json", "(all rules)", "")],
    );
}

/// The third attacker pass on the marketplace requirements: a statement struck through
/// (`Enterprise ready: ~~yes~~`, each letter under a combining long stroke), a doubt alone
/// after the colon (`maybe`, `unclear`), a check that failed (`Enterprise readiness
/// failed`) and the emoji of "no" (`🚫`) each proved `marketplace.enterprise-ready` under
/// `--strict`; a struck correction (`~~beta~~ GA`) and `no checks failed` stay statements.
#[test]
fn marketplace_pass3_gaps_stay_closed() {
    let ready = "/enterprise_validation/enterprise_ready";
    fires_then_rows_hold(
        ("marketplace-struck-through-answer.json", "marketplace.enterprise-ready", ready, 60, 25),
        &[
            ("marketplace-struck-through-overlay.json", "marketplace.enterprise-ready", ready),
            ("marketplace-hedge-maybe.json", "marketplace.enterprise-ready", ready),
            ("marketplace-hedge-unclear.json", "marketplace.enterprise-ready", ready),
            ("marketplace-denial-readiness-failed.json", "marketplace.enterprise-ready", ready),
            ("marketplace-denial-no-entry-sign.json", "marketplace.enterprise-ready", ready),
            ("honest-marketplace-struck-correction.json", "(all rules)", ""),
        ],
    );
}

/// The fifth attacker pass on the marketplace requirements: "no" in another European
/// language as the whole answer (`Enterprise ready: nein`, `não`) and a deferral phrase as a
/// whole segment after the first (`Enterprise ready: upon request`, `(available on
/// request)`) each proved `marketplace.enterprise-ready` under `--strict`; the phrase inside
/// a segment stays a statement.
#[test]
fn marketplace_pass5_foreign_no_and_on_request() {
    let ready = "/enterprise_validation/enterprise_ready";
    fires_then_rows_hold(
        ("marketplace-denial-nein.json", "marketplace.enterprise-ready", ready, 60, 25),
        &[
            ("marketplace-denial-nao.json", "marketplace.enterprise-ready", ready),
            ("marketplace-deferral-upon-request.json", "marketplace.enterprise-ready", ready),
            ("marketplace-deferral-available-on-request.json", "marketplace.enterprise-ready", ready),
            ("honest-marketplace-on-request-inside.json", "(all rules)", ""),
        ],
    );
}

/// The third attacker pass on the claims: a count of digits or of nines is no figure this
/// tool reads. `Five nines accuracy at scale` (99.999 % beside a 94 % accuracy) and
/// `Double-digit speedup` (beside 4.2x) verified under `--strict` as no figure at all, and
/// `Proven at seven-figure scale` was read as a claim of 7 records, a contradiction on an
/// honest bundle of 1,000,000 records; each is `claims.unchecked` now.
#[test]
fn claims_pass3_counts_of_digits_are_not_read() {
    warns_at(
        "claims-unchecked-five-nines.json",
        "claims.unchecked",
        "/enterprise_validation/quality_maintained",
        56,
        27,
    );
    let table = cases_table();
    rows_hold(
        &table,
        &[("claims-unchecked-double-digit.json", "claims.unchecked", "/enterprise_validation/performance_improvement")],
    );
    let (code, report) =
        run(&["--strict", "--kms-key", AUDIT_KMS_KEY, "fixtures/audit/claims-unchecked-figure-count.json"]);
    assert_eq!(code, 1, "{}", summary(&report));
    let fs = findings(&report);
    assert!(!fs.iter().any(|f| f["rule"] == "claims.records"), "{}", summary(&report));
    assert!(
        fs.iter().any(|f| f["rule"] == "claims.unchecked" && f["pointer"] == "/enterprise_validation/scale_proven"),
        "{}",
        summary(&report)
    );
}

/// The third attacker pass on the claims: `Peak usage: hundreds of megabytes` was read as a
/// floor of 100 MB, which the 16.5 GB peak meets (a smaller peak is what a memory claim
/// boasts of: the seed's own 185.58 MB against 16.5 GB), and `a couple hundred megs` was no
/// figure; both verified under `--strict`. A vague amount of memory is `claims.unchecked`,
/// and `megs`/`gigs` are memory units.
#[test]
fn claims_pass3_vague_memory_is_no_floor() {
    warns_at(
        "claims-memory-vague-floor.json",
        "claims.unchecked",
        "/enterprise_validation/memory_optimization",
        59,
        28,
    );
    let table = cases_table();
    rows_hold(
        &table,
        &[
            ("claims-memory-megs.json", "claims.memory", "/enterprise_validation/memory_optimization"),
            ("pass-honest-memory-gigs.json", "(all rules)", ""),
        ],
    );
}

/// The third attacker pass on redaction, an honest bundle rejected: `runtime version
/// 4.8.0.0`, `Build: 2.0.0.1`, `release 10.0.0.1` (versions of four parts, as .NET and
/// Windows number builds) were each reported as an IPv4 address under `--profile public`.
#[test]
fn redaction_pass3_a_version_of_four_parts_is_no_address() {
    let table = cases_table();
    rows_hold(&table, &[("pass-honest-redaction-version-quad.json", "(all rules)", "")]);
}

/// A rate written as a product with an inverse time, as SI and papers write units:
/// `50,522 records·s⁻¹` (also `records s^-1`, `records⋅s−1`) was read as a count of
/// 50,522 records, so a false throughput got the wrong finding, and an honest `139
/// records·s⁻¹` of 1,000,000 records in 7,200 s (138.9/s) was rejected as a count of 139
/// records. The claim sits at 55:21 of each fixture (the value of `scale_proven`).
#[test]
fn a_time_unit_to_the_power_minus_one_makes_a_rate() {
    warns_at(
        "claims-throughput-inverse-superscript.json",
        "claims.throughput",
        "/enterprise_validation/scale_proven",
        55,
        21,
    );
    rows_hold(
        &cases_table(),
        &[
            ("claims-throughput-inverse-caret.json", "claims.throughput", "/enterprise_validation/scale_proven"),
            ("claims-throughput-inverse-minus-sign.json", "claims.throughput", "/enterprise_validation/scale_proven"),
            ("pass-honest-throughput-inverse-superscript.json", "(all rules)", ""),
        ],
    );
}

/// A Markdown quote marker (`Peak usage at 1M scale:\n> 185.58 MB`, which renders as
/// "Peak usage at 1M scale: 185.58 MB") and an arrow with a doubled head (`16.5 GB ->>
/// 185.58 MB`) were read as ">", a floor that the 16.5 GB peak met: the seed's own
/// contradiction verified under `--strict`. A `>` opening the whole text may be either and
/// is not read. The claim sits at 59:28 of each fixture (the value of
/// `memory_optimization`); each case as fixtures/audit/CASES.md documents it.
#[test]
fn a_quote_marker_and_a_double_headed_arrow_set_no_floor() {
    warns_at("claims-memory-quote-marker.json", "claims.memory", "/enterprise_validation/memory_optimization", 59, 28);
    rows_hold(
        &cases_table(),
        &[
            ("claims-memory-nested-quote-marker.json", "claims.memory", "/enterprise_validation/memory_optimization"),
            ("claims-memory-arrow-double-head.json", "claims.memory", "/enterprise_validation/memory_optimization"),
            ("claims-memory-quote-opens-text.json", "claims.unchecked", "/enterprise_validation/memory_optimization"),
            ("pass-honest-memory-quote-marker.json", "(all rules)", ""),
        ],
    );
}

/// Leftovers of the third redaction pass, each of which passed `--profile public`: an EC2
/// host name that spells its address with dashes (`ip-203-0-113-42.ec2.internal`,
/// `ec2-203-0-113-42.compute-1.amazonaws.com`), `reseeded with 42.` and `seed no. 42`.
/// Rule, pointer and exit as fixtures/audit/CASES.md documents them; `notes` sits at 67:12.
#[test]
fn redaction_host_names_reseeding_and_seed_numbers() {
    fires_then_rows_hold(
        ("redaction-ip-ec2-host-name.json", "redaction.pii-ip", "/notes", 67, 12),
        &[
            ("redaction-ip-ec2-public-name.json", "redaction.pii-ip", "/notes"),
            ("redaction-seed-reseeded-with.json", "redaction.run-seed", "/notes"),
            ("redaction-seed-number-abbreviated.json", "redaction.run-seed", "/notes"),
            ("pass-honest-redaction-ip-words.json", "(all rules)", ""),
        ],
    );
}
