//! Issue 9 point 4: every check is titled by what it requires, in every format, and a
//! skipped check is marked not applicable, never with the box of a failure.

mod common;
use common::*;

fn out(format: &str, rel: &str) -> Run {
    let p = fixture(rel);
    run(&["--format", format, "--now", NOW, p.to_str().unwrap()])
}

/// The issue's own example: the failing hash check reads "Hash matches the payload".
const HASH_TITLE: &str = "Hash matches the payload";

#[test]
fn json_titles_say_what_is_required() {
    let (code, b) = verify_json("integrity/tampered.json", &[]);
    assert_eq!(code, 1);
    let check = b["checks"].as_array().unwrap().iter().find(|c| c["rule"] == "integrity.hash-mismatch").unwrap();
    assert_eq!(check["status"], "fail");
    assert_eq!(check["title"], HASH_TITLE);
    assert_eq!(findings(&b, "integrity.hash-mismatch")[0]["title"], HASH_TITLE);
}

#[test]
fn junit_sarif_and_human_use_the_same_titles() {
    let junit = out("junit", "integrity/tampered.json");
    assert_eq!(junit.code, 1);
    assert!(junit.stdout.contains(r#"name="integrity.hash-mismatch (Hash matches the payload)""#), "{}", junit.stdout);
    let sarif = out("sarif", "integrity/tampered.json");
    let v: serde_json::Value = assert_valid_sarif(&sarif.stdout);
    let rule = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "integrity.hash-mismatch")
        .unwrap()
        .clone();
    assert_eq!(rule["name"], "HashMatchesThePayload");
    assert_eq!(rule["shortDescription"]["text"], HASH_TITLE);
    let p = fixture("integrity/tampered.json");
    let human = run(&["--verbose", "--now", NOW, p.to_str().unwrap()]);
    assert!(human.stdout.contains(HASH_TITLE), "{}", human.stdout);
}

#[test]
fn skipped_checks_are_not_applicable_in_markdown() {
    // The sealed seed is unsigned: the OpenPGP checks did not run.
    let md = out("markdown", "seed-example-sealed.json");
    assert_eq!(md.code, 0, "{}", md.stdout);
    let line = md.stdout.lines().find(|l| l.contains("(`sig.pgp.bad`)")).unwrap();
    assert!(line.starts_with("- [-] **SKIP** OpenPGP signature matches the payload"), "{line}");
    for l in md.stdout.lines().filter(|l| l.contains("**SKIP**")) {
        assert!(l.starts_with("- [-]"), "a skipped check with another box: {l}");
    }
    for l in md.stdout.lines().filter(|l| l.contains("**FAIL**") || l.contains("**WARN**")) {
        assert!(l.starts_with("- [ ]"), "{l}");
    }
}

#[test]
fn no_title_is_phrased_as_the_defect() {
    let r = run(&["rules"]);
    assert_eq!(r.code, 0);
    // Words that describe what went wrong rather than what must hold.
    let defect = [" does not ", " is not ", "missing", "without", "Too few", "Unknown ", "Not ", "Unsigned "];
    for line in r.stdout.lines() {
        // id, section, severity, then the title.
        let title = format!(" {} ", line.split_whitespace().skip(3).collect::<Vec<_>>().join(" "));
        for w in defect {
            assert!(!title.contains(w), "title reads as a defect ({w:?}): {line}");
        }
    }
}
