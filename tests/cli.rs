//! The command line as a user meets it: subcommands, stdin, many bundles, exit codes.

mod common;
use common::*;
use sha2::{Digest, Sha256};

fn path(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_owned()
}

#[test]
fn canonicalize_writes_exactly_the_payload_bytes() {
    let r = run(&["canonicalize", &path("seed-example-sealed.json")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let digest = run(&["digest", &path("seed-example-sealed.json")]);
    assert_eq!(digest.code, 0);
    let hex: String = Sha256::digest(&r.raw).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(digest.stdout, format!("{hex}\n"));
    assert!(r.raw.starts_with(b"{\"app_version\":\"2.0.0\""), "{}", r.stdout);
    assert!(!r.stdout.contains("signatures"));
    assert!(!r.raw.ends_with(b"\n"), "no newline: the bytes are the payload");
}

#[test]
fn canonicalize_refuses_what_the_reader_rejects() {
    let r = run(&["canonicalize", &path("read/duplicate-name.json")]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("5:3: error[read.duplicate-name]"), "{}", r.stderr);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let bytes = std::fs::read(fixture("seed-example-sealed.json")).unwrap();
    let r = run_with_stdin(&["--now", NOW, "-q", "-"], Some(&bytes));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("VERIFIED -"), "{}", r.stdout);
    let d = run_with_stdin(&["digest", "-"], Some(&bytes));
    assert_eq!(d.stdout, run(&["digest", &path("seed-example-sealed.json")]).stdout);
}

#[test]
fn many_bundles_and_directories_with_one_summary() {
    let r = run(&["--now", NOW, "--format", "json", &path("read"), &path("seed-example-sealed.json")]);
    assert_eq!(r.code, 1, "one rejected bundle rejects the run");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let n = std::fs::read_dir(fixture("read")).unwrap().count() + 1;
    assert_eq!(v["summary"]["bundles"], n);
    assert_eq!(v["bundles"][n - 1]["verdict"], "verified");
    let human = run(&["--now", NOW, "-q", &path("read"), &path("seed-example-sealed.json")]);
    assert!(human.stdout.contains(&format!("{n} files found, {n} read, ")), "{}", human.stdout);
}

#[test]
fn could_not_run_is_exit_2() {
    let r = run(&["/nonexistent/bundle.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read /nonexistent/bundle.json"), "{}", r.stderr);
    assert_eq!(run(&["--format", "yaml", &path("seed-example.json")]).code, 2);
    assert_eq!(run(&["--now", "yesterday", &path("seed-example.json")]).code, 2);
    assert_eq!(run(&[]).code, 2, "no bundle named");
    assert_eq!(run(&["explain", "no.such-rule"]).code, 2);
}

#[test]
fn explain_prints_the_catalogue_entry() {
    let r = run(&["explain", "integrity.hash-mismatch"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("integrity.hash-mismatch: Hash matches the payload"));
    assert!(r.stdout.contains("default severity: error"));
    let typo = run(&["explain", "integrity.hash-mismatc"]);
    assert!(typo.stderr.contains("did you mean integrity.hash-mismatch"), "{}", typo.stderr);
}

#[test]
fn human_report_is_plain_when_piped_and_coloured_on_request() {
    let plain = run(&["--now", NOW, &path("seed-example.json")]);
    assert_eq!(plain.code, 1);
    assert!(!plain.stdout.contains('\u{1b}'), "no escape codes when piped");
    assert!(plain.stdout.contains("error[integrity.hash-not-filled]"), "{}", plain.stdout);
    assert!(plain.stdout.contains(&format!("{}:55:29", path("seed-example.json"))));
    assert!(plain.stdout.contains("= at /signatures/sha256"));
    // The seed's three "..." placeholders: sha256 (integrity.hash-not-filled, alone),
    // schema_hash and recipe_hash (schema); then the audit's warnings. The verdict
    // comes last.
    let last = plain.stdout.trim_end().rsplit("\n\n").next().unwrap().replace("\n    ", " ");
    assert!(
        last.starts_with(&format!("REJECTED {}: unsigned: integrity only; 3 errors", path("seed-example.json"))),
        "{last}"
    );
    assert!(last.contains("; 7 warnings: "), "{last}");
    let verbose = run(&["--now", NOW, "--verbose", &path("seed-example.json")]);
    assert!(verbose.stdout.contains("FAIL  Hash filled in (integrity.hash-not-filled)"), "{}", verbose.stdout);
    let colour = run(&["--now", NOW, "--color", "always", &path("seed-example.json")]);
    assert!(colour.stdout.contains("\u{1b}["));
}

#[test]
fn json_report_is_versioned() {
    let (_, _) = verify_json("seed-example.json", &[]);
    let r = run(&["--format", "json", "--now", NOW, &path("seed-example.json")]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["report"], "aeb-verify");
    assert_eq!(v["report_version"], 1);
    assert_eq!(v["now"], NOW);
    assert_eq!(v["verdict"], "rejected");
}
