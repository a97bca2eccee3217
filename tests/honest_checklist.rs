//! A check that did not run is SKIP with its reason, in every format, never PASS.
//!
//! Expectations come from how the fixtures were made (fixtures/make-fixtures.py): the
//! array fixture holds a byte 0xFF inside its object, the syntax fixture a lone
//! surrogate after its leading-zero number; the seed's claims (its
//! `enterprise_validation`) hold a record count, a percentage, a speed-up and a memory
//! size, and no rate.

mod common;
use common::*;

fn checks(bundle: &serde_json::Value) -> &Vec<serde_json::Value> {
    bundle["checks"].as_array().expect("checks")
}

fn check<'a>(bundle: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    checks(bundle).iter().find(|c| c["rule"] == rule).unwrap_or_else(|| panic!("no check {rule}"))
}

fn formatted(format: &str, rel: &str) -> Run {
    let p = fixture(rel).to_str().unwrap().to_owned();
    run(&["--format", format, "--now", NOW, &p])
}

#[test]
fn reading_checks_after_a_stop_are_skipped_not_passed() {
    let (code, b) = verify_json("read/not-object-invalid-utf8.json", &[]);
    assert_eq!(code, 1);
    assert_eq!(check(&b, "read.not-object")["status"], "fail");
    // The 0xFF byte is there, but reading stopped at the '[': its check never ran.
    let utf8 = check(&b, "read.invalid-utf8");
    assert_eq!(utf8["status"], "skip");
    assert!(utf8["reason"].as_str().unwrap().contains("read.not-object"), "{utf8}");
    for rule in ["read.syntax", "read.duplicate-name", "read.lone-surrogate", "read.trailing-data"] {
        assert_eq!(check(&b, rule)["status"], "skip", "{rule}");
    }
    // Checked before the stop: the size limit and the byte order mark.
    assert_eq!(check(&b, "read.too-large")["status"], "pass");
    assert_eq!(check(&b, "read.bom")["status"], "pass");

    let (code, b) = verify_json("read/syntax-then-surrogate.json", &[]);
    assert_eq!(code, 1);
    assert_eq!(check(&b, "read.syntax")["status"], "fail");
    assert_eq!(check(&b, "read.lone-surrogate")["status"], "skip");
}

#[test]
fn a_complete_read_still_passes_its_checks() {
    // Trailing data is found after the whole value was read: nothing was left unchecked.
    let (code, b) = verify_json("read/trailing-data.json", &[]);
    assert_eq!(code, 1);
    assert_eq!(check(&b, "read.trailing-data")["status"], "fail");
    assert_eq!(check(&b, "read.duplicate-name")["status"], "pass");
    let (code, b) = verify_json("seed-example-sealed.json", &[]);
    assert_eq!(code, 0);
    assert!(checks(&b).iter().filter(|c| c["section"] == "Reading").all(|c| c["status"] == "pass"));
}

#[test]
fn junit_and_markdown_skip_what_did_not_run() {
    let j = formatted("junit", "read/not-object-invalid-utf8.json");
    assert_eq!(j.code, 1);
    let case = j.stdout.split("<testcase").find(|c| c.contains("read.invalid-utf8")).expect("a test case");
    assert!(case.contains("<skipped message=\"not checked"), "{case}");
    let m = formatted("markdown", "read/not-object-invalid-utf8.json");
    assert_eq!(m.code, 1);
    let line = m.stdout.lines().find(|l| l.contains("read.invalid-utf8")).expect("a checklist line");
    assert!(line.contains("SKIP") && !line.contains("[x]"), "{line}");
}

#[test]
fn only_the_kinds_of_claim_present_are_evaluated() {
    let (code, b) = verify_json("seed-example-sealed.json", &[]);
    assert_eq!(code, 0);
    let throughput = check(&b, "claims.throughput");
    assert_eq!(throughput["status"], "skip", "the seed has no throughput claim");
    assert!(throughput["reason"].as_str().unwrap().contains("no throughput claim"));
    // "75% cost reduction" and "4.2x faster" match the seed's own figures.
    assert_eq!(check(&b, "claims.percentage")["status"], "pass");
    assert_eq!(check(&b, "claims.speedup")["status"], "pass");
    // "1 billion records" and "185.58 MB" contradict them; "100% compliance" names no metric.
    assert_eq!(check(&b, "claims.records")["status"], "warn");
    assert_eq!(check(&b, "claims.memory")["status"], "warn");
    assert_eq!(check(&b, "claims.unsupported")["status"], "warn");

    let h = formatted("human", "seed-example-sealed.json");
    assert_eq!(h.code, 0);
    let passes: Vec<&str> = h.stdout.lines().filter(|l| l.contains("PASS")).collect();
    assert!(passes.iter().all(|l| !l.contains("Throughput claims")), "{}", h.stdout);
    let j = formatted("junit", "seed-example-sealed.json");
    let case = j.stdout.split("<testcase").find(|c| c.contains("claims.throughput")).expect("a test case");
    assert!(case.contains("<skipped message=\"no throughput claim"), "{case}");
}

/// Each task item of a Markdown document as a CommonMark + GFM reader (pulldown-cmark)
/// reads it: whether it is ticked, and its text.
fn task_items(doc: &str) -> Vec<(bool, String)> {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut items: Vec<(bool, String)> = Vec::new();
    let mut open: Option<(bool, String)> = None;
    for event in Parser::new_ext(doc, Options::ENABLE_TASKLISTS) {
        match event {
            Event::TaskListMarker(ticked) => open = Some((ticked, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Item) => items.extend(open.take()),
            _ => {}
        }
    }
    items
}

/// The seed's record claims ("1 billion records", "1B scale", "billion scale") contradict
/// the 1,000,000 records its cost figures imply (docs/spec.md, section 5.4, "On the seed's
/// own example"). `--allow claims` lowers them to notes and the bundle verifies, as the
/// auditor chose; but the check did not hold. The Markdown checklist ticked it, "[x]
/// Record-count claims match the records processed", and the HTML page drew ☑. Now the
/// box is left empty and the row names the flag; a check that held is still ticked.
#[test]
fn a_check_that_held_only_by_an_override_is_not_ticked() {
    let p = fixture("seed-example-sealed.json").to_str().unwrap().to_owned();
    let md = run(&["--format", "markdown", "--now", NOW, "--allow", "claims", &p]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let items = task_items(&md.stdout);
    let row = |rule: &str| {
        items.iter().find(|(_, t)| t.contains(&format!("({rule})"))).unwrap_or_else(|| panic!("{rule}: {items:?}"))
    };
    let (ticked, text) = row("claims.records");
    assert!(!ticked, "{text}");
    assert!(text.contains("3 warnings lowered by --allow claims"), "{text}");
    assert!(!row("claims.memory").0, "{:?}", row("claims.memory"));
    // The seed's percentage claims agree with their metrics: that check held.
    assert!(row("claims.percentage").0, "{:?}", row("claims.percentage"));

    let html = run(&["--format", "html", "--now", NOW, "--allow", "claims", &p]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let li = html.stdout.split("<li>").skip(1).find(|li| li.contains("<code>claims.records</code>")).unwrap();
    assert!(li.contains("☐") && !li.contains("☑"), "{li}");
    assert!(li.contains("3 warnings lowered by --allow claims"), "{li}");
}

/// fixtures/tables/stats-missing (fixtures/tables/make-tables.py) holds a live file of 100
/// records with statistics and one of 60 without (pyarrow reads 160 rows): the table's
/// count is a lower bound, 100. The bundle states 160 records and claims "160 records":
/// not contradicted, not confirmed either (`aeb-verify explain context.table-records`:
/// "reported as info (not confirmed) rather than passed"). The finding said "cannot be
/// confirmed" while its check read INFO, ticked `[x]` in Markdown, ☑ in HTML and a passed
/// JUnit test case: a check that did not confirm must never read as passed (contract
/// section 7). Each of the two checks is SKIP with its reason in every format; the
/// findings stay info notes at their own lines.
#[test]
fn a_count_that_could_not_be_confirmed_is_skip_in_every_format() {
    let table = fixture("tables/stats-missing").to_str().unwrap().to_owned();
    let bundle = fixture("tables/bundles/stats-missing.json").to_str().unwrap().to_owned();
    let now = "2030-01-01T00:00:00Z";
    let go = |format: &str| {
        let r = run(&["--format", format, "--verbose", "--now", now, "--table", &table, &bundle]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        r.stdout
    };
    let rules = ["context.table-records", "context.table-records-claimed"];
    let places =
        [("/cost_analysis/platform_costs/records_processed", 26, 28), ("/enterprise_validation/scale_proven", 56, 21)];

    let json: serde_json::Value = serde_json::from_str(&go("json")).unwrap();
    let b = &json["bundles"][0];
    let line: serde_json::Value = serde_json::from_str(go("jsonl").lines().next().unwrap()).unwrap();
    for (rule, (pointer, l, c)) in rules.iter().zip(places) {
        for b in [b, &line] {
            let row = check(b, rule);
            assert_eq!(row["status"], "skip", "{row}");
            assert!(
                row["reason"]
                    .as_str()
                    .unwrap()
                    .ends_with("lower bound (a live file has no numRecords statistics): not confirmed"),
                "{row}"
            );
            assert_finding(b, rule, pointer, l, c);
            assert_eq!(findings(b, rule)[0]["severity"], "info");
        }
        // The checks that did confirm something still pass.
        assert_eq!(check(b, "context.table-references-bundle")["status"], "pass");
    }

    let md = go("markdown");
    let items = task_items(&md);
    for rule in rules {
        // `[-]` is no task item: neither ticked nor a box left empty.
        assert!(!items.iter().any(|(_, t)| t.contains(&format!("({rule})"))), "{rule}: {items:?}");
        let row = md.lines().find(|l| l.starts_with("- [") && l.contains(&format!("(`{rule}`)"))).unwrap();
        assert!(row.starts_with("- [-] **SKIP**") && row.contains("not confirmed"), "{row}");
    }
    let html = go("html");
    let junit = go("junit");
    let human = go("human");
    let sarif = assert_valid_sarif(&go("sarif"));
    for (rule, (pointer, l, c)) in rules.iter().zip(places) {
        let li = html.split("<li>").skip(1).find(|li| li.contains(&format!("<code>{rule}</code>"))).unwrap();
        assert!(li.contains("– SKIP") && !li.contains('☑') && li.contains("not confirmed"), "{li}");
        let case = junit.split("<testcase").find(|t| t.contains(&format!("name=\"{rule} ("))).unwrap();
        assert!(case.contains("<skipped message=\"the table&apos;s live record count is a lower bound"), "{case}");
        // A row of the --verbose list, its wrapped lines (indented further) joined.
        let rows = human.split("\n  ").fold(Vec::<String>::new(), |mut rows, piece| {
            match rows.last_mut() {
                Some(last) if piece.starts_with(' ') => last.push_str(piece),
                _ => rows.push(piece.to_owned()),
            }
            rows
        });
        let row = rows.iter().find(|r| r.contains(&format!("({rule})"))).unwrap();
        assert!(row.starts_with("SKIP") && row.contains("not confirmed"), "{row}");
        let result = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == *rule).unwrap();
        assert_eq!(result["level"], "note");
        assert_eq!(result["properties"]["pointer"], pointer);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(l), Some(c)));
    }
    assert!(junit.contains("name=\"fixtures/") || junit.contains("name=\"/"), "a suite per bundle");
}

/// fixtures/signatures/designated-revoker (made by its make.py with gpg; README.md):
/// `signer-compromised.asc` carries a "key compromised" revocation made by the revoker its
/// holder designated, whose certificate the auditor did not supply. gpg verifies the
/// signature and says the key "may be revoked: revocation key not present". aeb-verify
/// verified it too and said so on standard error alone: every report, a Markdown or HTML
/// working paper written to a file among them, ticked "[x] PASS Signing key not revoked".
/// Not revoked was not confirmed: the report says why, as an info finding at the
/// signature, and the check is SKIP with its reason in every format; the verdict stays
/// VERIFIED, as gpg's. With the revoker's certificate too, the check runs and passes
/// for the unrevoked `signer.asc`.
#[test]
fn a_revocation_that_could_not_be_checked_is_no_pass() {
    let dir = fixture("signatures/designated-revoker");
    let at = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    for (cert, bundle, line, column) in [
        ("signer-compromised.asc", "signed.json", 57, 12),
        ("signer-subkey-compromised.asc", "signed-by-subkey.json", 57, 12),
    ] {
        let go = |format: &str| {
            let r = run(&["--format", format, "--verbose", "--now", NOW, "--cert", &at(cert), &at(bundle)]);
            assert_eq!(r.code, 0, "{cert} {format}: {}", r.stderr);
            assert!(r.stderr.contains("cannot be checked"), "{}", r.stderr);
            r.stdout
        };
        let json: serde_json::Value = serde_json::from_str(&go("json")).unwrap();
        let b = &json["bundles"][0];
        assert_eq!(b["verdict"], "verified");
        let row = check(b, "sig.pgp.revoked");
        assert_eq!(row["status"], "skip", "{cert}: {row}");
        assert!(row["reason"].as_str().unwrap().ends_with("not supplied: not confirmed"), "{row}");
        assert_finding(b, "sig.pgp.revoked", "/signatures/pgp", line, column);
        let f = findings(b, "sig.pgp.revoked")[0];
        assert_eq!(f["severity"], "info");
        assert!(f["message"].as_str().unwrap().contains("cannot be checked"), "{f}");
        let md = go("markdown");
        let line_md = md.lines().find(|l| l.starts_with("- [") && l.contains("(`sig.pgp.revoked`)")).unwrap();
        assert!(line_md.starts_with("- [-] **SKIP**"), "{line_md}");
        let html = go("html");
        let li = html.split("<li>").skip(1).find(|li| li.contains("<code>sig.pgp.revoked</code>")).unwrap();
        assert!(li.contains("– SKIP") && !li.contains('☑'), "{li}");
        let junit = go("junit");
        let case = junit.split("<testcase").find(|t| t.contains("name=\"sig.pgp.revoked (")).unwrap();
        assert!(case.contains("<skipped message="), "{case}");
    }
    let r = run(&[
        "--format",
        "json",
        "--now",
        NOW,
        "--cert",
        &at("signer.asc"),
        "--cert",
        &at("revoker.asc"),
        &at("signed.json"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(check(&json["bundles"][0], "sig.pgp.revoked")["status"], "pass");
}
