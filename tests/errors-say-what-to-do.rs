//! Issue 9 point 8 (the parts outside keys): `--allow` takes a whole group of rules,
//! `explain` wraps to the terminal and says what to do.

mod common;
use common::*;
use std::process::Command;

#[test]
fn allow_a_whole_section() {
    // The sealed seed's claims findings: three record counts, one memory size, one
    // unsupported "100%" (see tests/verdict-line.rs).
    let (code, b) = verify_json("seed-example-sealed.json", &["--allow", "claims"]);
    assert_eq!(code, 0);
    let claims: Vec<_> = b["findings"].as_array().unwrap().iter().filter(|f| f["section"] == "Claims").collect();
    assert_eq!(claims.len(), 5, "{}", b["findings"]);
    for f in claims {
        assert_eq!(f["severity"], "info", "{f}");
        assert_eq!(f["remapped_from"], "warning");
        assert_eq!(f["remapped_by"], "--allow claims");
    }
    // Other sections keep their severities.
    assert_eq!(findings(&b, "audit.cleaning-dedup")[0]["severity"], "warning");
    // A group that holds errors the verdict rests on cannot be lowered.
    let p = fixture("seed-example-sealed.json");
    let r = run(&["--allow", "integrity", p.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("integrity.hash-mismatch"), "{}", r.stderr);
    let typo = run(&["--allow", "claimz", p.to_str().unwrap()]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("no such rule or group of rules"), "{}", typo.stderr);
    // A group name one letter short is offered the group (`claims`), not only rule ids.
    for (given, meant) in [("claim", "did you mean claims"), ("sig.km", "did you mean sig.kms")] {
        let near = run(&["--allow", given, p.to_str().unwrap()]);
        assert_eq!(near.code, 2);
        assert!(near.stderr.contains(meant), "{given}: {}", near.stderr);
    }
}

#[test]
fn explain_wraps_to_the_terminal_and_says_what_to_do() {
    for columns in ["50", "100"] {
        let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["explain", "claims.memory"])
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        let width: usize = columns.parse().unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= width), "{columns}:\n{text}");
        assert!(text.contains("\nwhat to do: publisher: correct the claim"), "{text}");
        // Words are whole: the explanation's text survives the wrapping.
        assert!(
            text.replace('\n', " ").contains("held against `platform_costs.memory_usage_gb` (peak memory)"),
            "{text}"
        );
    }
}
