//! Spec 6.2: what a statement says does not depend on its length. Statements of 64 KiB
//! and more are read on another thread while the claims are (`verify::audit_stages`);
//! each case is checked below and above that size, with the finding spec 6.2 gives it.

mod common;
use common::*;

const AT: &str = "/enterprise_validation/enterprise_ready";

/// The seed bundle with `enterprise_ready` set to `statement` (not resealed: the
/// integrity findings are the same for every case), verified under the marketplace profile.
fn verify_statement(tag: &str, statement: &str) -> (i32, serde_json::Value) {
    let seed = std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap();
    let mut bundle: serde_json::Value = serde_json::from_str(&seed).unwrap();
    bundle["enterprise_validation"]["enterprise_ready"] = statement.into();
    let path = std::env::temp_dir().join(format!("aeb-long-statement-{}-{tag}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_vec(&bundle).unwrap()).unwrap();
    let p = path.to_str().unwrap().to_owned();
    let r = run(&["--format", "json", "--now", NOW, "--profile", "marketplace", &p]);
    std::fs::remove_file(&path).unwrap();
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    (r.code, report["bundles"][0].clone())
}

/// The requirement's finding at `enterprise_ready`, with what the statement was read as.
fn requirement_found(b: &serde_json::Value) -> Option<String> {
    findings(b, "marketplace.enterprise-ready")
        .into_iter()
        .find(|f| f["pointer"] == AT)
        .map(|f| f["found"].as_str().unwrap_or_default().to_owned())
}

#[test]
fn a_hedge_or_a_date_to_come_fails_the_requirement_however_long_the_statement() {
    // numbers before the words that decide: the claims reader reads each of them too
    for (what, tail, reads_as) in [
        ("hedge", ", pending security review", "a hedged statement"),
        ("later", " and certified in Q3 2031", "a date after the bundle was generated"),
    ] {
        for words in [10, 40_000] {
            let statement = format!("Enterprise ready{}{tail}", " 1".repeat(words));
            assert!((statement.len() >= 64 << 10) == (words == 40_000), "{what}: one case each side of 64 KiB");
            let (code, b) = verify_statement(&format!("{what}-{words}"), &statement);
            assert_eq!(code, 1, "{what}, {words} numbers");
            let found = requirement_found(&b).unwrap_or_else(|| panic!("{what}, {words}: no requirement finding"));
            assert!(found.contains(reads_as), "{what}, {words}: {found}");
        }
    }
}

#[test]
fn a_plain_long_statement_is_no_hedge() {
    // the same long run of numbers with nothing that hedges: the requirement is not
    // failed for what the statement says (the claims reader fails the numbers)
    let (_, b) = verify_statement("plain", &format!("Enterprise ready{}", " 1".repeat(40_000)));
    let found = requirement_found(&b).unwrap_or_default();
    assert!(!found.contains("hedged") && !found.contains("placeholder"), "{found}");
}
