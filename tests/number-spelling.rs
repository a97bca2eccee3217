//! The spelling of a number is not signed: `76.0`, `76` and `7.6e1` are one RFC 8785
//! value, one hash and one signature, so a signed bundle gets one verdict whatever the
//! spelling (attacker pass 7, problem 12: anyone relaying a signed bundle re-spelled
//! `76.0` as `76` and turned REJECTED into VERIFIED without a key).
//!
//! Expectations are the fixtures' own (fixtures/audit/make-fixtures.py, CASES.md): the
//! time savings of a 4.2x speed-up are 76.19 %, which the signed value 76 states at its 0
//! decimals and 75 does not. Each re-spelled copy must keep the fixture's exit code, and
//! the supplied KMS key must still verify it (exit 0 needs the signature under --strict).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const KEY: &str = "arn:aws:kms:eu-west-1:111122223333:key/0a0b0c0d-aeb0-4000-8000-a0d17f1c7e51=\
                   fixtures/audit/keys/audit-ed25519.pub.pem";
const POINTER: &str = "/cost_analysis/efficiency_gains/time_savings_percentage";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(path: &Path) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .current_dir(root())
        .args([
            "--format",
            "json",
            "--strict",
            "--require-signature",
            "--now",
            "2026-11-25T12:00:00Z",
            "--kms-key",
            KEY,
        ])
        .arg(path)
        .output()
        .expect("the binary runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    (out.status.code().unwrap_or(-1), report)
}

fn rules_at(report: &Value, pointer: &str) -> Vec<String> {
    report["bundles"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["pointer"] == pointer && f["severity"] != "info")
        .map(|f| f["rule"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A fixture, the literal it is written with, its other spellings, the expected exit, and
/// the rule that must report at the figure.
type Case = (&'static str, &'static str, &'static [&'static str], i32, Option<&'static str>);

const CASES: [Case; 2] = [
    ("audit-time-savings-spelled-76.0.json", "76.0", &["76", "76.00", "7.6e1", "760E-1", "76.000000"], 0, None),
    (
        "audit-time-savings-spelled-75.0.json",
        "75.0",
        &["75", "75.00", "7.5e1", "750e-1"],
        1,
        Some("audit.time-savings"),
    ),
];

#[test]
fn every_spelling_of_a_signed_figure_gets_the_fixtures_verdict() {
    let dir = std::env::temp_dir().join(format!("aeb-number-spelling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (file, written, others, exit, rule) in CASES {
        let original = root().join("fixtures/audit").join(file);
        let text = std::fs::read_to_string(&original).expect("fixture");
        let member = format!("\"time_savings_percentage\": {written}\n");
        assert_eq!(text.matches(&member).count(), 1, "{file} writes the figure as {written}");
        let mut paths = vec![original.clone()];
        for spelling in others {
            let path = dir.join(format!("{spelling}-{file}"));
            let respelled = text.replace(&member, &format!("\"time_savings_percentage\": {spelling}\n"));
            std::fs::write(&path, respelled).expect("write copy");
            paths.push(path);
        }
        for path in &paths {
            let (code, report) = run(path);
            let at = rules_at(&report, POINTER);
            assert_eq!(code, exit, "{}: {report}", path.display());
            match rule {
                Some(rule) => assert_eq!(at, vec![rule.to_owned()], "{}", path.display()),
                None => assert!(at.is_empty(), "{}: {at:?}", path.display()),
            }
            // The signature verified (it is over the signed form only).
            let sig_errors: Vec<&Value> = report["bundles"][0]["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|f| f["rule"].as_str().is_some_and(|r| r.starts_with("sig.") || r.starts_with("integrity.")))
                .filter(|f| f["severity"] != "info")
                .collect();
            assert!(sig_errors.is_empty(), "{}: {sig_errors:?}", path.display());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
