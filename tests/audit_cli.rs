//! The audit's command-line surface: `schema`, `rules`, `explain`, severity overrides,
//! and docs/rules.md kept in step with the catalogue.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn aeb(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aeb-verify")).current_dir(root()).args(args).output().expect("the binary runs")
}

fn json(args: &[&str]) -> (i32, Vec<Value>) {
    let mut argv = vec!["--format", "json"];
    argv.extend_from_slice(args);
    let out = aeb(&argv);
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let findings = report["bundles"][0]["findings"].as_array().cloned().unwrap_or_default();
    (out.status.code().unwrap_or(-1), findings)
}

fn of<'a>(findings: &'a [Value], rule: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

#[test]
fn docs_rules_md_is_generated_from_the_catalogue() {
    let path = root().join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == aeb_verify::rules::markdown(),
        "docs/rules.md is stale: run `cargo run -q -- rules --markdown > docs/rules.md`"
    );
}

#[test]
fn schema_command_prints_the_shipped_schema() {
    let out = aeb(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let shipped = std::fs::read(root().join("schema/evidence-bundle-v1.schema.json")).expect("schema file");
    assert_eq!(out.stdout, shipped);
    let v: Value = serde_json::from_slice(&out.stdout).expect("the schema is JSON");
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

#[test]
fn rules_command_lists_the_catalogue() {
    let out = aeb(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for rule in aeb_verify::rules::all() {
        assert!(text.contains(rule.id), "{} not listed", rule.id);
    }
    for id in ["schema.invalid", "audit.time-savings", "claims.memory", "redaction.pii-card", "marketplace.roi"] {
        assert!(text.contains(id), "{id}");
    }
}

#[test]
fn explain_knows_the_audit_rules() {
    let out = aeb(&["explain", "audit.time-savings"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("(1 - 1/speedup) * 100"));
    let out = aeb(&["explain", "audit.time-saving"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("audit.time-savings"));
}

#[test]
fn allow_lowers_a_rule_and_says_so() {
    let (code, fs) = json(&["fixtures/audit/audit-time-savings.json"]);
    assert_eq!(code, 1);
    assert_eq!(of(&fs, "audit.time-savings")[0]["severity"], "error");

    let (code, fs) = json(&["--allow", "audit.time-savings", "fixtures/audit/audit-time-savings.json"]);
    assert_eq!(code, 0);
    let f = of(&fs, "audit.time-savings")[0];
    assert_eq!(f["severity"], "info");
    assert_eq!(f["remapped_from"], "error");

    let out = aeb(&["--color", "never", "--allow", "audit.time-savings", "fixtures/audit/audit-time-savings.json"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("error lowered to info by --allow audit.time-savings"));
}

#[test]
fn deny_and_warn_raise_a_rule() {
    let (code, fs) = json(&["fixtures/audit/audit-cleaning-dedup.json"]);
    assert_eq!(code, 0);
    assert_eq!(of(&fs, "audit.cleaning-dedup")[0]["severity"], "warning");

    let (code, fs) = json(&["--deny", "audit.cleaning-dedup", "fixtures/audit/audit-cleaning-dedup.json"]);
    assert_eq!(code, 1);
    let f = of(&fs, "audit.cleaning-dedup")[0];
    assert_eq!((f["severity"].as_str(), f["remapped_from"].as_str()), (Some("error"), Some("warning")));

    let (code, fs) = json(&["--warn", "audit.gpu-hours", "--strict", "fixtures/audit/audit-gpu-hours-multi.json"]);
    assert_eq!(code, 1);
    assert_eq!(of(&fs, "audit.gpu-hours")[0]["remapped_from"], "info");
}

#[test]
fn integrity_errors_cannot_be_allowed_away() {
    let out = aeb(&["--allow", "integrity.hash-mismatch", "fixtures/audit/pass-base.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be lowered"));
    let out = aeb(&["--warn", "integrity.hash-not-filled", "fixtures/seed-example.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_rule_is_a_usage_error_with_a_suggestion() {
    let out = aeb(&["--allow", "claims.memroy", "fixtures/audit/pass-base.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("claims.memory"));
}

/// A pattern that would check nothing is refused, not ignored (spec 6.1).
#[test]
fn a_deny_pattern_without_a_profile_is_a_usage_error() {
    let out = aeb(&["--deny-pattern", "ACME-[0-9]+", "fixtures/audit/redaction-deny-pattern.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--deny-pattern needs --profile"));
    let (code, fs) =
        json(&["--profile", "public", "--deny-pattern", "ACME-[0-9]+", "fixtures/audit/redaction-deny-pattern.json"]);
    assert_eq!(code, 1);
    assert_eq!(of(&fs, "redaction.deny-pattern")[0]["pointer"], "/notes");
}

#[test]
fn a_bad_deny_pattern_or_tolerance_is_a_usage_error() {
    assert_eq!(aeb(&["--deny-pattern", "(", "fixtures/audit/pass-base.json"]).status.code(), Some(2));
    assert_eq!(aeb(&["--tolerance", "-1", "fixtures/audit/pass-base.json"]).status.code(), Some(2));
    assert_eq!(aeb(&["--tolerance", "nan", "fixtures/audit/pass-base.json"]).status.code(), Some(2));
}

#[test]
fn unsupported_version_stops_the_audit() {
    let (code, fs) = json(&["fixtures/audit/schema-version-unsupported.json"]);
    assert_eq!(code, 1);
    assert_eq!(of(&fs, "schema.unsupported-version").len(), 1);
    assert!(fs.iter().all(|f| !f["rule"].as_str().unwrap_or_default().starts_with("audit.")));
}

#[test]
fn no_network_crate_in_the_build() {
    // The jsonschema crate is built without its default features (HTTP and file
    // resolving); the lock file must hold none of the network stack.
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock");
    for name in ["reqwest", "hyper", "tokio", "rustls"] {
        assert!(!lock.contains(&format!("name = \"{name}\"")), "{name} is in Cargo.lock");
    }
}
