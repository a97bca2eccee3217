//! Issue 9 point 6 (rendering): a batch reads as one account: a summary table first
//! (file, verdict, first failing rule), the findings of rejected bundles only (full
//! reports with --verbose), and every input that could not be read listed.

mod common;
use common::*;

fn batch(extra: &[&str]) -> Run {
    let sealed = fixture("seed-example-sealed.json");
    let unsealed = fixture("seed-example.json");
    let mut args = vec!["--now", NOW, "--color", "never"];
    args.extend_from_slice(extra);
    let (a, b) = (sealed.to_str().unwrap().to_owned(), unsealed.to_str().unwrap().to_owned());
    args.extend([a.as_str(), b.as_str(), "/nonexistent/missing.json"]);
    run(&args)
}

#[test]
fn human_batch_is_a_table_then_what_rejected() {
    let r = batch(&["--format", "human"]);
    assert_eq!(r.code, 2, "an unreadable input: the run could not do its whole job");
    let sealed = fixture("seed-example-sealed.json").display().to_string();
    let unsealed = fixture("seed-example.json").display().to_string();
    let table = r.stdout.find("first failing rule").unwrap_or_else(|| panic!("{}", r.stdout));
    // The unsealed seed's first error is its "..." hash (integrity comes before schema).
    let header = r.stdout.lines().find(|l| l.contains("first failing rule")).unwrap();
    assert!(header.starts_with("verdict   first failing rule") && header.ends_with("  file"), "{header}");
    let row = r.stdout.lines().find(|l| !l.starts_with(' ') && l.ends_with(&format!("  {unsealed}"))).unwrap();
    assert!(row.starts_with("REJECTED  integrity.hash-not-filled  "), "{row}");
    let row = r.stdout.lines().find(|l| !l.starts_with(' ') && l.ends_with(&format!("  {sealed}"))).unwrap();
    assert!(row.starts_with("VERIFIED  -  "), "{row}");
    assert!(r.stdout.lines().any(|l| l.starts_with("UNREAD    -  ") && l.ends_with("  /nonexistent/missing.json")));
    // Findings of the rejected bundle only, after the table.
    let details = r.stdout.find(&format!("── {unsealed} ──")).unwrap();
    assert!(table < details);
    assert!(!r.stdout.contains(&format!("── {sealed} ──")));
    assert!(r.stdout.contains("3 files found, 2 read, 1 verified, 1 rejected, 1 unreadable"), "{}", r.stdout);
    assert!(r.stdout.contains("unreadable: /nonexistent/missing.json: "), "{}", r.stdout);
}

#[test]
fn verbose_batch_has_a_full_report_per_bundle() {
    let r = batch(&["--format", "human", "--verbose"]);
    let reports = r.stdout.lines().filter(|l| l.starts_with("aeb-verify ") && l.contains(" · ")).count();
    assert_eq!(reports, 2, "{}", r.stdout);
    assert!(r.stdout.contains("SKIP  OpenPGP signature matches the payload"));
}

#[test]
fn markdown_batch_is_one_document_with_the_summary_on_top() {
    let r = batch(&["--format", "markdown"]);
    let h1: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(h1, vec!["# Evidence bundle audit: 2 bundles"], "{}", r.stdout);
    let summary = r.stdout.find("## Summary").unwrap();
    let first_bundle = r.stdout.find("## `").unwrap();
    assert!(summary < first_bundle);
    assert!(r.stdout.contains("| `/nonexistent/missing.json` | **UNREADABLE** |"), "{}", r.stdout);
    assert!(r.stdout.contains("**3 files found, 2 read, 1 verified, 1 rejected, 1 unreadable.**"), "{}", r.stdout);
    // Only the rejected bundle is detailed.
    assert_eq!(r.stdout.matches("## `").count(), 1, "{}", r.stdout);
}

/// Two long paths that differ only in their last characters must stay two rows an
/// auditor can tell apart: the table never cuts a file name (CI's checkout path once
/// made both fixtures read `/tmp/ci/a-rather-long-…` in the same row position).
#[test]
fn long_names_are_printed_whole() {
    let dir = std::env::temp_dir().join(format!(
        "aeb-batch-long-{}/{}",
        std::process::id(),
        "a-directory-name-long-enough-to-push-the-file-name-past-any-column-width"
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("bundle-2026-verified.json");
    let bad = dir.join("bundle-2026-rejected.json");
    std::fs::copy(fixture("seed-example-sealed.json"), &good).unwrap();
    std::fs::copy(fixture("seed-example.json"), &bad).unwrap();
    let (g, b) = (good.display().to_string(), bad.display().to_string());
    let r = run(&["--now", NOW, "--color", "never", &g, &b]);
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    assert_eq!(r.code, 1, "{}", r.stdout);
    let row = |name: &str| {
        r.stdout.lines().find(|l| !l.starts_with(' ') && l.ends_with(&format!("  {name}"))).map(str::to_owned)
    };
    let good_row = row(&g).unwrap_or_else(|| panic!("no whole row for {g}:\n{}", r.stdout));
    let bad_row = row(&b).unwrap_or_else(|| panic!("no whole row for {b}:\n{}", r.stdout));
    assert!(good_row.starts_with("VERIFIED  -  "), "{good_row}");
    assert!(bad_row.starts_with("REJECTED  integrity.hash-not-filled  "), "{bad_row}");
}

/// Attacker pass 9: the table printed the file first, whole, then the verdict column,
/// so a name padded with spaces (`evil.json    VERIFIED  -      ...      .json`)
/// showed its own "VERIFIED  -" where the eye reads the verdict, and the true
/// REJECTED ran off the right of the terminal or CI log line. The verdict and the rule
/// now come first and the name last: nothing follows a name, so none can push or
/// imitate a column.
#[test]
fn a_file_name_cannot_stand_in_for_the_verdict_column() {
    let dir = std::env::temp_dir().join(format!("aeb-batch-spoof-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let evil = format!("evil.json    VERIFIED  -{}.json", " ".repeat(120));
    std::fs::copy(fixture("seed-example.json"), dir.join(&evil)).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("good.json")).unwrap();
    let d = dir.display().to_string();
    let r = run(&["--now", NOW, "--color", "never", &d]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let table: Vec<&str> =
        r.stdout.lines().skip_while(|l| !l.contains("first failing rule")).take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        table,
        [
            "verdict   first failing rule         file".to_owned(),
            format!("REJECTED  integrity.hash-not-filled  {d}/{evil}"),
            format!("VERIFIED  -                          {d}/good.json"),
        ],
        "{}",
        r.stdout
    );
}

/// The verdict line of each rejected bundle in a batch wraps at the width like the
/// single report's (it once ran to 200 columns at COLUMNS=80); words stay whole.
#[test]
fn batch_verdict_lines_fit_the_width() {
    // Short copies of the seeds: the table's file column is as wide as the longest name
    // (names are never cut), and the checkout's path must not decide what fits.
    let dir = std::env::temp_dir().join(format!("aeb-bw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (sealed_path, unsealed_path) = (dir.join("s.json"), dir.join("u.json"));
    std::fs::copy(fixture("seed-example-sealed.json"), &sealed_path).unwrap();
    std::fs::copy(fixture("seed-example.json"), &unsealed_path).unwrap();
    // Named relative to the directory they are in, however long TMPDIR is.
    let (sealed, unsealed) = ("s.json", "u.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--now", NOW, "--color", "never", sealed, unsealed])
        .current_dir(&dir)
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "line too long at 80 columns: {line:?}");
    }
    // The verdict's words are all there, in order, starting the block.
    let block = &text[text.find(&format!("REJECTED {unsealed}:")).unwrap_or_else(|| panic!("{text}"))..];
    let words = block.split_whitespace().take_while(|w| *w != "unsigned:").count();
    assert_eq!(words, 2, "{block}");
    let joined = block.split("\n\n").next().unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.ends_with("4 contradicted claims, 1 unsupported claim"), "{joined}");
}

/// The summary's "first failing rule" was the first rejecting finding in report order,
/// which goes by section: under --strict the unsigned bundle's `sig.none` warning
/// (Signatures) came before its `schema.unknown-field` error (Schema), and the table,
/// the Markdown summary and the HTML one said it failed for want of a signature. The
/// fixture (fixtures/make-fixtures.py, output/wide-text.json) is unsigned and has an
/// unknown member: the error is named.
#[test]
fn the_summary_names_the_error_not_a_warning_before_it() {
    let wide = fixture("output/wide-text.json").display().to_string();
    let seed = fixture("seed-example-sealed.json").display().to_string();
    let r = run(&["--now", NOW, "--strict", "--color", "never", &wide, &seed]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let row = r
        .stdout
        .lines()
        .find(|l| l.starts_with("REJECTED  ") && l.ends_with(&wide))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(row.starts_with("REJECTED  schema.unknown-field "), "{row}");
    let md = run(&["--now", NOW, "--strict", "--format", "markdown", &wide, &seed]);
    let row = md.stdout.lines().find(|l| l.contains("wide-text.json`") && l.contains("**REJECTED**")).unwrap();
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert_eq!(cells.get(3), Some(&"`schema.unknown-field`"), "{row}");
    let html = run(&["--now", NOW, "--strict", "--format", "html", &wide, &seed]);
    assert!(html.stdout.contains("<td class=\"mono\">schema.unknown-field</td>"), "{}", html.stdout);
}
