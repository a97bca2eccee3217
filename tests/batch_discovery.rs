//! Directories are walked safely: regular `*.json` files only, in name order; FIFOs
//! and devices never opened; symbolic links skipped unless `--follow`, loops detected,
//! a link to outside the tree never read; `--exclude`; and the batch account with the
//! unreadable inputs listed in every machine format. Trees are made at test time.
#![cfg(unix)]

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tree(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-discovery-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    dir
}

fn copy(fixture_rel: &str, to: &Path) {
    std::fs::copy(fixture(fixture_rel), to).unwrap();
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo");
}

fn report(args: &[&str]) -> (i32, serde_json::Value, String) {
    let mut all = vec!["--format", "json", "--now", NOW];
    all.extend_from_slice(args);
    let r = run_bounded(&all);
    let v = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", r.stdout, r.stderr));
    (r.code, v, r.stderr)
}

fn files(v: &serde_json::Value) -> Vec<String> {
    v["bundles"].as_array().unwrap().iter().map(|b| b["file"].as_str().unwrap().to_owned()).collect()
}

fn skipped(v: &serde_json::Value) -> Vec<String> {
    v["skipped"].as_array().unwrap().iter().map(|b| b["file"].as_str().unwrap().to_owned()).collect()
}

/// A hostile tree: a good bundle, a FIFO named like a bundle, a link to it, a link to
/// a file outside the tree that would be rejected if read (a byte order mark), and two
/// links that loop.
fn hostile(name: &str) -> PathBuf {
    let dir = tree(name);
    copy("seed-example-sealed.json", &dir.join("a.json"));
    copy("seed-example-sealed.json", &dir.join("sub/c.json"));
    mkfifo(&dir.join("b.json"));
    std::os::unix::fs::symlink(dir.join("a.json"), dir.join("link.json")).unwrap();
    std::os::unix::fs::symlink(fixture("read/bom.json"), dir.join("outside.json")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    dir
}

#[test]
fn a_walk_reads_regular_files_only_and_follows_no_link() {
    let dir = hostile("plain");
    let d = dir.to_str().unwrap();
    let (code, v, stderr) = report(&[d]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/sub/c.json")]);
    let skipped = skipped(&v);
    for name in ["b.json", "link.json", "outside.json"] {
        assert!(skipped.contains(&format!("{d}/{name}")), "{name} not listed as skipped: {skipped:?}");
        assert!(stderr.contains(&format!("skipped {d}/{name}")), "{stderr}");
    }
    assert_eq!(v["summary"]["found"], 2);
    assert_eq!(v["summary"]["verified"], 2);
    assert_eq!(v["summary"]["unreadable"], 0);
}

#[test]
fn follow_detects_loops_and_never_leaves_the_tree() {
    let dir = hostile("follow");
    let d = dir.to_str().unwrap();
    let (code, v, stderr) = report(&["--follow", d]);
    // The outside link points at a bundle with a byte order mark: had it been read, the
    // run would be rejected (exit 1).
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/link.json"), format!("{d}/sub/c.json")]);
    let skipped = skipped(&v);
    assert!(skipped.contains(&format!("{d}/outside.json")), "{skipped:?}");
    assert!(skipped.contains(&format!("{d}/b.json")), "{skipped:?}");
    assert!(skipped.contains(&format!("{d}/sub/loop")) && skipped.contains(&format!("{d}/sub/up")), "{skipped:?}");
    let reasons = v["skipped"].to_string();
    assert!(reasons.contains("loop"), "{reasons}");
}

#[test]
fn exclude_leaves_out_directories_and_names() {
    let dir = tree("exclude");
    let d = dir.to_str().unwrap();
    copy("seed-example-sealed.json", &dir.join("a.json"));
    copy("read/bom.json", &dir.join("a.draft.json"));
    copy("read/bom.json", &dir.join("sub/rejected.json"));
    let (code, v, _) = report(&["--exclude", "sub", "--exclude", "*.draft.json", d]);
    assert_eq!(code, 0);
    assert_eq!(files(&v), [format!("{d}/a.json")]);
    // Without --exclude both rejected bundles are read.
    let (code, v, _) = report(&[d]);
    assert_eq!(code, 1);
    assert_eq!(v["summary"]["rejected"], 2);
    let bad = run(&["--exclude", "[", d]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("--exclude"), "{}", bad.stderr);
}

#[test]
fn unreadable_inputs_are_counted_and_listed_in_every_format() {
    let dir = tree("unreadable");
    let d = dir.to_str().unwrap();
    copy("seed-example-sealed.json", &dir.join("a.json"));
    let missing = format!("{d}/missing.json");
    let good = format!("{d}/a.json");

    let (code, v, stderr) = report(&[&good, &missing]);
    assert_eq!(code, 2, "an input that cannot be read makes the run incomplete");
    assert!(stderr.contains("missing.json"), "{stderr}");
    assert_eq!(v["unreadable"][0]["file"], missing.as_str());
    assert!(v["unreadable"][0]["reason"].as_str().unwrap().contains("No such file"));
    let s = &v["summary"];
    assert_eq!((s["found"].as_u64(), s["read"].as_u64(), s["verified"].as_u64()), (Some(2), Some(1), Some(1)));
    assert_eq!((s["rejected"].as_u64(), s["unreadable"].as_u64()), (Some(0), Some(1)));
    assert_eq!(v["verdict"], "rejected", "not every input was verified");

    let h = run(&["--now", NOW, &good, &missing]);
    assert_eq!(h.code, 2);
    assert!(h.stdout.contains("2 files found, 1 read, 1 verified, 0 rejected, 1 unreadable"), "{}", h.stdout);
    assert!(h.stdout.contains(&format!("unreadable: {missing}")), "{}", h.stdout);

    let l = run(&["--format", "jsonl", "--now", NOW, &good, &missing]);
    assert_eq!(l.code, 2);
    let lines: Vec<serde_json::Value> = l.stdout.lines().map(|x| serde_json::from_str(x).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{}", l.stdout);
    // A named path that cannot be used is known before any bundle is verified.
    assert_eq!(lines[0]["file"], missing.as_str());
    assert!(lines[0]["unreadable"].is_string());
    assert_eq!(lines[1]["file"], good.as_str());
    assert_eq!(lines[2]["summary"]["unreadable"], 1);

    let sarif = run(&["--format", "sarif", "--now", NOW, &good, &missing]);
    let sv: serde_json::Value = assert_valid_sarif(&sarif.stdout);
    let inv = &sv["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(note["message"]["text"].as_str().unwrap().contains("missing.json"));

    let junit = run(&["--format", "junit", "--now", NOW, &good, &missing]);
    assert!(junit.stdout.contains(&format!("<testsuite name=\"{missing}\" tests=\"1\" failures=\"0\" errors=\"1\"")));
    assert!(junit.stdout.contains("<error message=\"cannot read"), "{}", junit.stdout);
}

/// A chain of directories, each holding two links to the next, has no loop, yet 2^n
/// paths lead to its last directory: `--follow` walks each directory once (a run of
/// 2^13 - 1 paths to the one bundle before), and says which links it did not take.
#[test]
fn follow_walks_each_directory_once_however_many_links_lead_to_it() {
    const DEPTH: usize = 12;
    let dir = tree("follow-chain");
    for i in 0..=DEPTH {
        std::fs::create_dir_all(dir.join(format!("d{i:02}"))).unwrap();
    }
    for i in 0..DEPTH {
        for link in ["a", "b"] {
            std::os::unix::fs::symlink(format!("../d{:02}", i + 1), dir.join(format!("d{i:02}/{link}"))).unwrap();
        }
    }
    copy("seed-example-sealed.json", &dir.join(format!("d{DEPTH:02}/x.json")));
    let d = dir.to_str().unwrap();
    let (code, v, stderr) = report(&["--follow", d]);
    assert_eq!(code, 0, "{stderr}");
    // The one bundle, reached first (in name order) down the `a` links from d00.
    assert_eq!(v["summary"]["found"], 1);
    let chain = format!("{d}/d00{}", "/a".repeat(DEPTH));
    assert_eq!(files(&v), [format!("{chain}/x.json")]);
    // Not walked again: each `b` link, whose directory its sibling `a` led to, and
    // d01 to d12 themselves, walked already down the chain.
    let mut expected: Vec<String> = (0..DEPTH).map(|k| format!("{d}/d00{}/b", "/a".repeat(k))).collect();
    expected.extend((1..=DEPTH).map(|i| format!("{d}/d{i:02}")));
    let mut got = skipped(&v);
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert!(v["skipped"].to_string().contains("already walked as"), "{}", v["skipped"]);
}
