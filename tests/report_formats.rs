//! The machine and checklist formats carry the same findings as the JSON report.

mod common;
use common::*;

fn out(format: &str, rel: &str, extra: &[&str]) -> Run {
    let p = fixture(rel);
    let mut args = vec!["--format", format, "--now", NOW];
    args.extend_from_slice(extra);
    let p = p.to_str().unwrap().to_owned();
    args.push(&p);
    run(&args)
}

#[test]
fn sarif_locates_each_finding_and_describes_each_rule() {
    let r = out("sarif", "read/duplicate-name.json", &[]);
    assert_eq!(r.code, 1);
    let v: serde_json::Value = assert_valid_sarif(&r.stdout);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "read.duplicate-name");
    assert_eq!(result["level"], "error");
    let loc = &result["locations"][0];
    assert_eq!(loc["physicalLocation"]["region"]["startLine"], 5);
    assert_eq!(loc["physicalLocation"]["region"]["startColumn"], 3);
    assert_eq!(loc["logicalLocations"][0]["fullyQualifiedName"], "/app_version");
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    let rule = &run["tool"]["driver"]["rules"][index];
    assert_eq!(rule["id"], "read.duplicate-name");
    assert!(rule["fullDescription"]["text"].as_str().unwrap().contains("I-JSON"));
}

#[test]
fn junit_fails_the_check_that_rejects() {
    let r = out("junit", "seed-example.json", &[]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    // Two checks reject the seed: the unfilled hash, and the schema (its schema_hash and
    // recipe_hash are the placeholder "...").
    assert!(r.stdout.contains(r#"failures="2""#), "{}", r.stdout);
    assert!(r.stdout.contains(r#"<failure message="`signatures.sha256` holds the placeholder &quot;...&quot;"#));
    // A warning is output, not a failure, unless --strict.
    let sealed = out("junit", "seed-example-sealed.json", &[]);
    assert!(sealed.stdout.contains(r#"failures="0""#) && sealed.stdout.contains("<system-out>warning: no signature"));
    let strict = out("junit", "seed-example-sealed.json", &["--strict"]);
    // sig.none and the audit's four warning checks on the seed (dedup, records, memory,
    // unsupported claim).
    assert!(strict.stdout.contains(r#"failures="5""#), "{}", strict.stdout);
}

#[test]
fn markdown_ticks_what_held() {
    let r = out("markdown", "seed-example.json", &[]);
    assert!(r.stdout.starts_with("# Evidence bundle audit: `"));
    assert!(r.stdout.contains("\n**Verdict: REJECTED** `"), "{}", r.stdout);
    assert!(r.stdout.contains("- [ ] **FAIL** Hash filled in (`integrity.hash-not-filled`)"));
    assert!(r.stdout.contains("- [x] **PASS** Member names unique in each object (`read.duplicate-name`)"));
    let unread = out("markdown", "read/bom.json", &[]);
    assert!(unread.stdout.contains(": skipped, the bundle could not be read"), "{}", unread.stdout);
}

#[test]
fn markdown_lists_each_signature() {
    let cert = fixture("signatures/certs/ed25519.asc");
    let r = out("markdown", "signatures/bundles/pgp-ed25519.json", &["--cert", cert.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("| signature | claimed key ID | signed by | algorithm | created | verdict |"));
    assert!(r.stdout.contains("| pgp object at `/signatures/pgp` |"), "{}", r.stdout);
    assert!(r.stdout.contains("**VERIFIED**: good signature from a supplied certificate |"));
}

/// The publisher's steps under a fixable bundle's findings are a paragraph and a list of
/// their own. The findings list ended with the last finding's "what to do" line and no
/// blank line, so "To fix this bundle (publisher), in this order:" was a lazy
/// continuation of that line (CommonMark 5.2): a CommonMark reader (pulldown-cmark here,
/// markdown-it-py 4.3.0 likewise) showed it inside the last finding's list item, as if
/// it were that finding's advice ("what to do: ask for a signed bundle ... To fix this
/// bundle (publisher), in this order:"). Alone and in a batch's section.
#[test]
fn markdown_fix_steps_are_not_part_of_the_last_finding() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let seed = fixture("seed-example.json");
    let seed = seed.to_str().unwrap();
    let roi = fixture("audit/audit-roi-percentage.json");
    for args in [vec![seed], vec![seed, roi.to_str().unwrap()]] {
        let r = run(&[&["--format", "markdown", "--now", NOW][..], &args].concat());
        assert_eq!(r.code, 1, "{}", r.stdout);
        let (mut depth, mut seen) = (0usize, 0);
        let mut paragraph = String::new();
        for event in Parser::new_ext(&r.stdout, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS) {
            match event {
                Event::Start(Tag::List(_)) => depth += 1,
                Event::End(TagEnd::List(_)) => depth -= 1,
                Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) => paragraph.clear(),
                Event::Text(t) => paragraph.push_str(&t),
                Event::SoftBreak => paragraph.push('\n'),
                _ => {}
            }
            if let Some(at) = paragraph.find("To fix this bundle (publisher)") {
                assert_eq!(depth, 0, "inside a list item: {paragraph:?}");
                assert_eq!(at, 0, "continues another paragraph: {paragraph:?}");
                seen += 1;
                paragraph.clear();
            }
        }
        assert_eq!(seen, args.len(), "{}", r.stdout);
    }
}

/// `--min-signers 1` asks for one verified signer, which `sig.required` checks; its own
/// check is skipped, and the checklist of every format said why as "not asked for
/// (--min-signers)", beside a record stating "min 1 signers": a reader was told that
/// the option they gave was never asked for (spec 3: `--min-signers N`, N distinct
/// supplied keys must have signed).
#[test]
fn min_signers_1_is_not_reported_as_not_asked_for() {
    let cert = fixture("signatures/certs/ed25519.asc");
    let cert = cert.to_str().unwrap();
    let r = out("json", "signatures/bundles/pgp-ed25519.json", &["--cert", cert, "--min-signers", "1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let check = |id: &str| v["bundles"][0]["checks"].as_array().unwrap().iter().find(|c| c["rule"] == id).cloned();
    assert_eq!(check("sig.required").unwrap()["status"], "pass");
    let min = check("sig.min-signers").unwrap();
    assert_eq!(min["status"], "skip");
    let reason = min["reason"].as_str().unwrap();
    assert!(!reason.contains("not asked for") && reason.contains("sig.required"), "{reason}");
    let md = out("markdown", "signatures/bundles/pgp-ed25519.json", &["--cert", cert, "--min-signers", "1"]);
    assert!(md.stdout.contains("min 1 signers"), "{}", md.stdout);
    let row = md.stdout.lines().find(|l| l.contains("(`sig.min-signers`)")).unwrap();
    assert!(row.starts_with("- [-] **SKIP**") && !row.contains("not asked for"), "{row}");
    // Without the option the check is still not asked for.
    let plain = out("json", "signatures/bundles/pgp-ed25519.json", &["--cert", cert]);
    assert!(plain.stdout.contains("\"reason\": \"not asked for (--min-signers)\""), "{}", plain.stdout);
}
