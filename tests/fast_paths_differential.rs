//! The speed passes' fast paths held against the paths they replaced, on inputs the
//! recordings did not reach (fixtures/fastpaths/make-fixtures.py says how each bundle is
//! made and what it must give).

mod common;
use common::*;

const KMS: &str = "arn:aws:kms:eu-west-1:111122223333:key/0a0b0c0d-aeb0-4000-8000-a0d17f1c7e51=";

fn kms_key() -> String {
    format!("{KMS}{}", fixture("audit/keys/audit-ed25519.pub.pem").display())
}

/// `-q` pushes lazily made findings without their words (perf7); the words count toward
/// the report's listing budget, and under the marketplace profile a finding the budget
/// folds into "and N more" stands against every requirement. 40 extension members with
/// 40,000-character names fill the budget in a report; the second of two members displayed
/// as "notes" is then folded and fails the requirements (an error). `-q` said VERIFIED,
/// exit 0, for the bundle the JSON report REJECTED.
#[test]
fn quiet_gives_the_json_verdict_when_the_text_budget_folds_a_finding_under_marketplace() {
    let rel = "fastpaths/marketplace-quiet-text-budget.json";
    let key = kms_key();
    let args = ["--profile", "marketplace", "--kms-key", key.as_str()];
    let (code, b) = verify_json(rel, &args);
    assert_eq!((code, b["verdict"].as_str()), (1, Some("rejected")), "{}", b["findings"]);
    let fs = findings(&b, "schema.look-alike-member");
    assert_eq!(fs.len(), 2, "{fs:?}");
    // the first is listed where it is; the second only counted, at its own member
    let at = |p: &str| *fs.iter().find(|f| f["pointer"] == p).unwrap_or_else(|| panic!("{p}: {fs:?}"));
    let (listed, folded) = (at("/not\u{435}s"), at("/n\u{43e}tes"));
    assert_eq!(
        (listed["severity"].as_str(), listed["line"].as_u64(), listed["column"].as_u64()),
        (Some("warning"), Some(117), Some(12))
    );
    assert_eq!(
        (folded["severity"].as_str(), folded["line"].as_u64(), folded["column"].as_u64()),
        (Some("error"), Some(118), Some(12))
    );
    assert!(folded["message"].as_str().unwrap().starts_with("and 1 more"), "{folded}");
    assert!(folded["breaks"].as_array().unwrap().iter().any(|r| r == "marketplace.scale"), "{folded}");

    let q = quiet(rel, &args);
    assert_eq!(q.code, code, "-q: {}{}", q.stdout, q.stderr);
    assert!(q.stdout.starts_with("REJECTED "), "{}", q.stdout);
    assert!(q.stdout.contains("1 error") && q.stdout.contains("1 warning"), "{}", q.stdout);
}
