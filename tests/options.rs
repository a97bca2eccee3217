//! Attacker pass on the options: what the verdict says it was reached under
//! (fixtures/options/README.md lists the fixtures and what each must give).

mod common;
use common::*;

fn quiet(rel: &str, extra: &[&str]) -> Run {
    let p = fixture(rel);
    let mut args = vec!["-q", "--now", NOW];
    args.extend_from_slice(extra);
    let p = p.to_str().unwrap().to_owned();
    args.push(&p);
    run(&args)
}

/// The verdict line counts what an override lowered as the tallies count findings: an
/// "and N more" finding is N of them. 150 customer IDs lowered by --allow were "101
/// errors lowered" (100 listed, one "and 50 more").
#[test]
fn the_verdict_line_counts_every_finding_an_override_lowered() {
    let opts = ["--profile", "public", "--deny-pattern", "ACME-[0-9]+", "--allow", "redaction.deny-pattern"];
    let r = quiet("options/customers-150.json", &opts);
    // Still rejected for the seed's run_seed and training.params (spec 6.1).
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("; 150 errors lowered by --allow redaction.deny-pattern\n"), "{}", r.stdout);
    let (code, b) = verify_json("options/customers-150.json", &opts);
    assert_eq!(code, 1);
    // JSON lists 100 findings of a rule, then one that says how many more there were.
    let fs = findings(&b, "redaction.deny-pattern");
    for f in &fs {
        assert_eq!((f["severity"].as_str(), f["remapped_from"].as_str()), (Some("info"), Some("error")));
    }
    let more: usize = fs
        .iter()
        .filter_map(|f| f["message"].as_str()?.strip_prefix("and ")?.split(' ').next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(fs.len() - 1 + more, 150, "{}", serde_json::to_string_pretty(&b["findings"]).unwrap());
    assert_eq!(findings(&b, "redaction.deny-pattern")[0]["pointer"], "/x_customers/0");
    assert_eq!(findings(&b, "redaction.run-seed")[0]["pointer"], "/run_seed");
}
