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

/// Each entry left out, and whether it is marked as one that may hide an unverified bundle.
fn skipped_marked(v: &serde_json::Value) -> Vec<(String, bool)> {
    v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["file"].as_str().unwrap().to_owned(), n["unverified"] == true))
        .collect()
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
    // `link.json -> a.json` leads to a file the walk reads: read once, as each
    // directory is walked once (it was verified and reported twice).
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/sub/c.json")]);
    let skipped = skipped(&v);
    assert!(skipped.contains(&format!("{d}/link.json")), "{skipped:?}");
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

/// The test KMS key of fixtures/audit (CASES.md), as `--kms-key ID=FILE`.
fn audit_key() -> String {
    format!(
        "arn:aws:kms:eu-west-1:111122223333:key/0a0b0c0d-aeb0-4000-8000-a0d17f1c7e51={}",
        fixture("audit/keys/audit-ed25519.pub.pem").display()
    )
}

/// A delivery whose every regular bundle passes `--strict` (signed, clean), beside
/// entries a walk leaves out: a FIFO and a link named like bundles, and a link to a
/// directory of bundles (whose own name is no bundle's).
fn delivery(name: &str) -> PathBuf {
    let dir = tree(name);
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/c.json"));
    let elsewhere = dir.with_file_name(format!("batch-discovery-{name}-elsewhere"));
    let _ = std::fs::remove_dir_all(&elsewhere);
    std::fs::create_dir_all(&elsewhere).unwrap();
    // Rejected if read: a byte order mark.
    copy("read/bom.json", &elsewhere.join("hidden.json"));
    std::os::unix::fs::symlink(&elsewhere, dir.join("more")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("hidden.json"), dir.join("evidence.json")).unwrap();
    mkfifo(&dir.join("b.json"));
    dir
}

/// Pass 7: a directory batch skipped links and FIFOs with a notice and exited 0 even
/// under `--strict`, so a delivery could carry its real `evidence.json` as a link next
/// to verified files and pass the gate; a link to a directory was left out silently.
/// Now every such entry is listed as unverified, and `--strict` rejects the run (exit 1)
/// in every format; without `--strict` they stay notices (exit 0, contract section 7).
#[test]
fn strict_rejects_a_run_that_left_entries_out_unverified() {
    let dir = delivery("strict");
    let d = dir.to_str().unwrap();
    let key = audit_key();
    let unverified = [format!("{d}/b.json"), format!("{d}/evidence.json"), format!("{d}/more")];

    let (code, v, stderr) = report(&["--kms-key", &key, d]);
    assert_eq!(code, 0, "not strict: notices only\n{stderr}");
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/sub/c.json")]);
    assert_eq!(v["verdict"], "verified", "{}", v["summary"]);
    let listed = skipped_marked(&v);
    let want: Vec<(String, bool)> = unverified.iter().map(|f| (f.clone(), true)).collect();
    assert_eq!(listed, want);
    assert!(stderr.contains(&format!("skipped {d}/more: a symbolic link to a directory")), "{stderr}");

    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(v["verdict"], "rejected", "{}", v["summary"]);
    assert_eq!(v["summary"]["verified"], 2, "both bundles read verify: the run is what fails");
    assert!(stderr.contains("rejected under --strict: 3 entries"), "{stderr}");

    let human = run_bounded(&["--now", NOW, "--color", "never", "--strict", "--kms-key", &key, d]);
    assert_eq!(human.code, 1);
    assert!(
        human.stdout.contains("2 files found, 2 read, 2 verified, 0 rejected, 0 unreadable, 3 skipped (3 unverified: rejected under --strict)"),
        "{}",
        human.stdout
    );

    let junit = run_bounded(&["--now", NOW, "--format", "junit", "--strict", "--kms-key", &key, d]);
    assert_eq!(junit.code, 1);
    let failures = junit.stdout.matches("type=\"skipped-under-strict\"").count();
    assert_eq!(failures, 3, "{}", junit.stdout);
    assert!(junit.stdout.contains("failures=\"3\""), "{}", junit.stdout);

    let sarif = run_bounded(&["--now", NOW, "--format", "sarif", "--strict", "--kms-key", &key, d]);
    assert_eq!(sarif.code, 1);
    let s: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let inv = &s["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let levels: Vec<&str> =
        inv["toolExecutionNotifications"].as_array().unwrap().iter().map(|n| n["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["error", "error", "error"]);
}

/// Entries left out because they were walked already (a loop, a second link to one
/// directory) hide nothing: `--strict --follow` passes a tree whose links all lead
/// inside it.
#[test]
fn strict_accepts_entries_left_out_because_walked_already() {
    let dir = tree("strict-follow");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    std::os::unix::fs::symlink(".", dir.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("again")).unwrap();
    let key = audit_key();
    let (code, v, stderr) = report(&["--strict", "--follow", "--kms-key", &key, d]);
    assert_eq!(code, 0, "{stderr}\n{}", v["skipped"]);
    let skipped = &v["skipped"];
    assert!(
        skipped.as_array().is_some_and(|s| !s.is_empty() && s.iter().all(|n| n["unverified"] == false)),
        "{skipped}"
    );
}

/// A link to a directory above the tree (`up -> ..` at its top, `root -> /`) leads
/// outside it, to everything beside the tree. walkdir counts those directories as
/// ancestors, so with `--follow` such a link came back as "a symbolic link loop back to
/// /", a notice that hides nothing, and `--strict --follow` passed a delivery whose
/// `up -> ..` reached a rejected bundle next to the tree, which the same run without
/// `--follow` rejected (attacker pass 9). Now it is a link to outside, unverified, in
/// both runs; a loop back inside the tree (`sub/loop -> .`) is still a notice.
#[test]
fn strict_follow_rejects_a_link_to_a_directory_above_the_tree() {
    let base = tree("above");
    let dir = base.join("delivery");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    // Beside the tree, rejected if read (a byte order mark).
    copy("read/bom.json", &base.join("sub/hidden.json"));
    std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
    std::os::unix::fs::symlink("/", dir.join("sub/root")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("sub/loop")).unwrap();
    let d = dir.to_str().unwrap();
    let key = audit_key();
    let want = [(format!("{d}/sub/loop"), false), (format!("{d}/sub/root"), true), (format!("{d}/up"), true)];
    for follow in [true, false] {
        let mut args = vec!["--strict", "--kms-key", &key, d];
        if follow {
            args.insert(0, "--follow");
        }
        let (code, v, stderr) = report(&args);
        assert_eq!(code, 1, "--follow {follow}: {stderr}\n{}", v["skipped"]);
        assert_eq!(v["verdict"], "rejected", "{}", v["summary"]);
        assert_eq!(files(&v), [format!("{d}/a.json")]);
        assert_eq!(v["summary"]["verified"], 1);
        let mut listed = skipped_marked(&v);
        listed.sort();
        if follow {
            assert_eq!(listed, want, "{}", v["skipped"]);
            let base = base.canonicalize().unwrap();
            assert!(
                stderr.contains(&format!(
                    "skipped {d}/up: a symbolic link to outside {d} (to {}, above it)",
                    base.display()
                )),
                "{stderr}"
            );
            assert!(
                stderr.contains(&format!("skipped {d}/sub/root: a symbolic link to outside {d} (to /, above it)")),
                "{stderr}"
            );
            assert!(
                stderr.contains(&format!("skipped {d}/sub/loop: a symbolic link loop back to {d}/sub")),
                "{stderr}"
            );
        } else {
            // Without --follow the loop is a link to a directory the walk reads anyway.
            assert!(listed.contains(&want[1]) && listed.contains(&want[2]), "{}", v["skipped"]);
        }
        assert!(stderr.contains("rejected under --strict: 2 entries were left out unverified"), "{stderr}");
    }
}

/// A file the walk found, then replaced by a link to a file outside the tree before the
/// batch opened it (attacker pass 8: the walk follows no link, yet the open did, and
/// read the outside file as the tree's). The file opened must be the one walked: the
/// swapped entry is unreadable, with its reason; an entry left as walked verifies.
#[test]
fn a_file_swapped_for_a_link_after_the_walk_is_not_read() {
    use aeb_verify::batch::{verify_one, Item};
    use aeb_verify::inputs::bundles::{discover, Walk};
    let dir = tree("swapped-after-walk");
    copy("audit/pass-base.json", &dir.join("a.json"));
    copy("audit/pass-base.json", &dir.join("b.json"));
    let outside = dir.parent().unwrap().join("batch-discovery-swapped-outside.json");
    copy("audit/pass-marketplace.json", &outside);
    let found = discover(std::slice::from_ref(&dir), &Walk::default());
    assert_eq!(found.inputs.len(), 2, "{:?}", found.inputs);
    let swapped = dir.join("b.json");
    std::fs::remove_file(&swapped).unwrap();
    std::os::unix::fs::symlink(&outside, &swapped).unwrap();
    let now = time::OffsetDateTime::parse(NOW, &time::format_description::well_known::Rfc3339).unwrap();
    let opts = aeb_verify::options::Options::new(now);
    let stdin = std::sync::Mutex::new(None);
    let items: Vec<Item> = found.inputs.iter().map(|i| verify_one(i, &stdin, &opts)).collect();
    match &items[..] {
        [Item::Report(a), Item::Unreadable(b)] => {
            assert!(a.name.ends_with("a.json"), "{}", a.name);
            assert_eq!(a.verdict, aeb_verify::verify::Verdict::Verified, "{}", a.name);
            assert!(b.path.ends_with("b.json"), "{}", b.path);
            assert_eq!(b.reason, "replaced since the directory was walked (another file now): not read");
        }
        _ => panic!("the swapped entry was read: {:?}", items.iter().map(kind).collect::<Vec<_>>()),
    }
    let _ = std::fs::remove_file(&outside);
}

/// A walked file the walk could not identify (it vanished between the directory's
/// listing and its `lstat`), whose name then holds a link to a file outside: the open
/// follows the link, and with no identity to hold the opened file to, the outside file
/// was read as the tree's. Such an entry is unreadable, with its reason.
#[test]
fn a_walked_file_that_was_not_identified_is_not_read() {
    use aeb_verify::batch::{verify_one, Item};
    use aeb_verify::inputs::bundles::Input;
    let dir = tree("unidentified-after-walk");
    let outside = dir.parent().unwrap().join("batch-discovery-unidentified-outside.json");
    copy("audit/pass-base.json", &outside);
    let link = dir.join("b.json");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let now = time::OffsetDateTime::parse(NOW, &time::format_description::well_known::Rfc3339).unwrap();
    let opts = aeb_verify::options::Options::new(now);
    let stdin = std::sync::Mutex::new(None);
    let input = Input::File { path: link.clone(), walked: true, id: None, spelled: false };
    match verify_one(&input, &stdin, &opts) {
        Item::Unreadable(n) => assert_eq!(n.reason, "gone while the directory was walked (not identified): not read"),
        other => panic!("the unidentified entry was read: {}", kind(&other)),
    }
    // named on the command line, the same link is the auditor's choice and is read
    let named = Input::File { path: link, walked: false, id: None, spelled: false };
    assert!(matches!(verify_one(&named, &stdin, &opts), Item::Report(_)));
    let _ = std::fs::remove_file(&outside);
}

fn kind(i: &aeb_verify::batch::Item) -> String {
    match i {
        aeb_verify::batch::Item::Report(r) => format!("{} {:?}", r.name, r.verdict),
        aeb_verify::batch::Item::Unreadable(n) => format!("{} unreadable: {}", n.path, n.reason),
    }
}

/// A tree of signed, clean bundles and links that all lead to what the walk reads
/// anyway: the tree itself (`sub/up -> ..`), a directory in it (`again -> sub`), a walked
/// file, before it in name order (`0.json -> sub/c.json`) and after (`link.json ->
/// a.json`).
fn inward(name: &str) -> PathBuf {
    let dir = tree(name);
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/c.json"));
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("again")).unwrap();
    std::os::unix::fs::symlink("sub/c.json", dir.join("0.json")).unwrap();
    std::os::unix::fs::symlink(dir.join("a.json"), dir.join("link.json")).unwrap();
    dir
}

/// Attacker pass 8, case5: without --follow a link back into the tree (`sub/up -> ..`)
/// was an unverified skip and rejected `--strict` (exit 1), though everything it
/// reaches is walked anyway (with --follow it was a loop notice, exit 0). A link whose
/// target is a directory or file the walk itself reads is now a notice that hides
/// nothing, in every format; one more link to a file the walk passes over is not.
#[test]
fn strict_accepts_links_without_follow_to_what_the_walk_reads_anyway() {
    let dir = inward("strict-inward");
    let d = dir.to_str().unwrap();
    let key = audit_key();
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, d]);
    assert_eq!(code, 0, "{stderr}\n{}", v["skipped"]);
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/sub/c.json")]);
    let listed = skipped_marked(&v);
    let want: Vec<(String, bool)> =
        ["0.json", "again", "link.json", "sub/up"].iter().map(|f| (format!("{d}/{f}"), false)).collect();
    assert_eq!(listed, want);
    assert!(
        stderr.contains(&format!("skipped {d}/sub/up: a symbolic link to {d}, a directory this walk reads")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("skipped {d}/0.json: a symbolic link to {d}/sub/c.json, a file this walk reads")),
        "{stderr}"
    );

    let sarif = run_bounded(&["--now", NOW, "--format", "sarif", "--strict", "--kms-key", &key, d]);
    assert_eq!(sarif.code, 0, "{}", sarif.stderr);
    let s: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let inv = &s["runs"][0]["invocations"][0];
    let levels: Vec<&str> =
        inv["toolExecutionNotifications"].as_array().unwrap().iter().map(|n| n["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["note"; 4]);
    let junit = run_bounded(&["--now", NOW, "--format", "junit", "--strict", "--kms-key", &key, d]);
    assert_eq!(junit.code, 0, "{}", junit.stdout);
    assert!(!junit.stdout.contains("skipped-under-strict"), "{}", junit.stdout);

    // A link to a file inside the tree whose name the walk passes over hides it: one
    // entry, said so (not "entries named like bundles": the grammar and the kind).
    copy("read/bom.json", &dir.join("notes.txt"));
    std::os::unix::fs::symlink("notes.txt", dir.join("evidence.json")).unwrap();
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    let hidden: Vec<String> = skipped_marked(&v).into_iter().filter(|(_, u)| *u).map(|(f, _)| f).collect();
    assert_eq!(hidden, [format!("{d}/evidence.json")]);
    assert!(stderr.contains("rejected under --strict: 1 entry was left out unverified"), "{stderr}");
}

/// Links that resolve inside the tree to what the walk does not read stay unverified
/// under `--strict`: to a file whose name is no bundle's, to a FIFO, to a file in an
/// excluded directory, to a directory while `--exclude` is in force (what it left out
/// by path below the tree, the link's names would not match), and to the parent of
/// the tree (which holds the tree, and more).
#[test]
fn strict_rejects_links_inside_the_tree_to_what_the_walk_does_not_read() {
    let dir = tree("strict-inward-hidden");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("read/bom.json", &dir.join("notes.txt"));
    mkfifo(&dir.join("pipe"));
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    copy("read/bom.json", &dir.join("drafts/x.json"));
    std::os::unix::fs::symlink("notes.txt", dir.join("evidence.json")).unwrap();
    std::os::unix::fs::symlink("pipe", dir.join("p.json")).unwrap();
    std::os::unix::fs::symlink("drafts/x.json", dir.join("excl.json")).unwrap();
    std::os::unix::fs::symlink("drafts", dir.join("d")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("s")).unwrap();
    std::os::unix::fs::symlink("../..", dir.join("sub/out")).unwrap();
    let key = audit_key();
    let (code, v, stderr) = report(&["--strict", "--exclude", "drafts", "--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(files(&v), [format!("{d}/a.json")]);
    let listed = skipped_marked(&v);
    let want: Vec<(String, bool)> = ["d", "evidence.json", "excl.json", "p.json", "s", "sub/out"]
        .iter()
        .map(|f| (format!("{d}/{f}"), true))
        .collect();
    assert_eq!(listed, want);
    assert!(stderr.contains("rejected under --strict: 6 entries were left out unverified"), "{stderr}");
    // Without --exclude the link to `sub` leads to a directory the walk reads.
    std::fs::remove_dir_all(dir.join("drafts")).unwrap();
    for l in ["d", "excl.json"] {
        std::fs::remove_file(dir.join(l)).unwrap();
    }
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    let s = v["skipped"].as_array().unwrap();
    let s_link = s.iter().find(|n| n["file"] == format!("{d}/s")).unwrap();
    assert_eq!(s_link["unverified"], false, "{s_link}");
    assert_eq!(s.iter().filter(|n| n["unverified"] == true).count(), 3, "{}", v["skipped"]);
}

/// Attacker pass 8: a directory's `evidence.JSON` was passed over without a word, even
/// under `--strict`, though on a case-insensitive file system it is the delivery's
/// `evidence.json`. A `.json` extension in any case is a bundle's name: read (here a
/// rejected one, so that being read shows), and a FIFO or a link so named is left out
/// unverified like any bundle's. `.jsonl` and other names stay out; `--exclude`
/// patterns match as written.
#[test]
fn a_json_extension_in_any_case_is_walked() {
    let dir = tree("json-any-case");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("read/bom.json", &dir.join("evidence.JSON"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/bundle.Json"));
    copy("read/bom.json", &dir.join("lines.jsonl"));
    copy("read/bom.json", &dir.join("notes.JSONX"));
    mkfifo(&dir.join("b.jSoN"));
    std::os::unix::fs::symlink(fixture("read/bom.json"), dir.join("outside.JSON")).unwrap();
    let key = audit_key();
    let (code, v, stderr) = report(&["--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/evidence.JSON"), format!("{d}/sub/bundle.Json")]);
    assert_eq!(v["summary"]["rejected"], 1, "{}", v["summary"]);
    let listed = skipped_marked(&v);
    assert_eq!(listed, [(format!("{d}/b.jSoN"), true), (format!("{d}/outside.JSON"), true)]);

    // Alone in its directory, an upper-case bundle is what the directory stands for.
    let only = tree("json-any-case-only");
    copy("audit/pass-honest-roi-from-costs.json", &only.join("sub/EVIDENCE.JSON"));
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, only.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(v["summary"]["verified"], 1, "{}", v["summary"]);

    // An exclusion matches as written: `evidence.json` does not leave out
    // `evidence.JSON` (which is then read: more is checked, never less).
    let (code, v, stderr) = report(&["--exclude", "evidence.json", "--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    assert!(files(&v).contains(&format!("{d}/evidence.JSON")), "{:?}", files(&v));
}

/// Attacker pass 9: a file named `.json` (nothing before the extension) has no
/// extension to Rust's `Path`, so the walk passed it over without a word, even under
/// `--strict`, though it ends `.json` (`find -name '*.json'` lists it, a publishing
/// step that copies `*.json` files would copy it) and `.hidden.json` was read. It is
/// a bundle's name: read (here a rejected one, so that being read shows), in any case,
/// and a FIFO so named is left out unverified.
#[test]
fn a_file_named_only_json_is_walked() {
    let dir = tree("dot-json");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("read/bom.json", &dir.join(".json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/.JSON"));
    std::fs::create_dir_all(dir.join("pipes")).unwrap();
    mkfifo(&dir.join("pipes/.Json"));
    let key = audit_key();
    let (code, v, stderr) = report(&["--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(files(&v), [format!("{d}/.json"), format!("{d}/a.json"), format!("{d}/sub/.JSON")]);
    assert_eq!(v["summary"]["verified"], 2, "{}", v["summary"]);
    assert_eq!(v["summary"]["rejected"], 1, "{}", v["summary"]);
    let rejected = &v["bundles"][0];
    assert_eq!(rejected["verdict"], "rejected");
    assert_eq!(rejected["findings"][0]["rule"], "read.bom", "{rejected}");
    assert_eq!(skipped_marked(&v), [(format!("{d}/pipes/.Json"), true)]);
}

/// A tree deeper than PATH_MAX: the walk cannot read its deepest directory ("File name
/// too long", exit 2), and does not add "no *.json files in this directory" for the
/// directory given, which it did not see all of (attacker pass 9). A directory the walk
/// read whole and found empty still says so.
#[test]
fn a_walk_that_met_errors_does_not_claim_an_empty_directory() {
    let dir = tree("too-deep");
    let d = dir.to_str().unwrap();
    // Two chains of directories, each within PATH_MAX, one moved to the end of the
    // other: no path used here is too long, the one that results is.
    let chain: PathBuf = std::iter::repeat_n("d".repeat(250), 9).collect();
    let deep = dir.join("sub").join(&chain);
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::create_dir_all(dir.join("b").join(&chain)).unwrap();
    std::fs::rename(dir.join("b"), deep.join("b")).unwrap();
    assert!(deep.join("b").join(&chain).as_os_str().len() > 4096);

    let (code, v, stderr) = report(&[d]);
    assert_eq!(code, 2, "{stderr}");
    let reasons: Vec<String> = v["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| format!("{}: {}", n["file"].as_str().unwrap(), n["reason"].as_str().unwrap()))
        .collect();
    assert!(reasons.iter().any(|r| r.contains("File name too long")), "{reasons:?}");
    assert!(!reasons.iter().any(|r| r.contains("no *.json files")), "{reasons:?}");
    let h = run(&["--now", NOW, d]);
    assert_eq!(h.code, 2);
    assert!(!h.stdout.contains("no *.json files") && !h.stderr.contains("no *.json files"), "{}{}", h.stdout, h.stderr);
    let _ = std::fs::remove_dir_all(&dir);

    let empty = tree("empty");
    let (code, v, stderr) = report(&[empty.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(v["unreadable"][0]["reason"], "no *.json files in this directory");
}

/// Attacker pass (leftovers): `--exclude` names files and directories, yet under
/// `--follow` a link under another name to one it leaves out (`alias -> drafts`,
/// `evidence.json -> drafts/x.json`, `e.json -> old.draft.json`) was followed and the
/// excluded file read. Each excluded file here would reject the run if read (a byte
/// order mark). Now such a link is left out unverified, as the same link is without
/// `--follow` (spec section 7), and what a pattern leaves out by its path below the
/// directory (`drafts/*`) is left out through a link to the directory too.
#[test]
fn follow_reads_nothing_exclude_leaves_out_through_a_link() {
    let dir = tree("follow-exclude");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    copy("read/bom.json", &dir.join("drafts/x.json"));
    copy("read/bom.json", &dir.join("old.draft.json"));
    std::os::unix::fs::symlink("drafts", dir.join("alias")).unwrap();
    std::os::unix::fs::symlink("drafts/x.json", dir.join("evidence.json")).unwrap();
    std::os::unix::fs::symlink("old.draft.json", dir.join("e.json")).unwrap();
    let key = audit_key();
    let args = |pattern: &'static str, strict: bool| {
        let mut a = vec!["--follow", "--kms-key", &key, "--exclude", pattern, "--exclude", "*.draft.json", d];
        if strict {
            a.insert(0, "--strict");
        }
        report(&a)
    };
    // `drafts` leaves out the directory and all below it: both links lead into it.
    let (code, v, stderr) = args("drafts", false);
    assert_eq!(code, 0, "{stderr}\n{}", v["skipped"]);
    assert_eq!(files(&v), [format!("{d}/a.json")]);
    let want: Vec<(String, bool)> =
        ["alias", "e.json", "evidence.json"].iter().map(|f| (format!("{d}/{f}"), true)).collect();
    assert_eq!(skipped_marked(&v), want);
    let (code, _, stderr) = args("drafts", true);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("rejected under --strict: 3 entries were left out unverified"), "{stderr}");
    // `drafts/*` leaves out what is below it: `alias/x.json` is `drafts/x.json`.
    let (code, v, stderr) = args("drafts/*", false);
    assert_eq!(code, 0, "{stderr}\n{}", v["skipped"]);
    assert_eq!(files(&v), [format!("{d}/a.json")]);
    let marked = skipped_marked(&v);
    assert!(marked.contains(&(format!("{d}/evidence.json"), true)), "{marked:?}");
    assert!(marked.contains(&(format!("{d}/e.json"), true)), "{marked:?}");
}

/// Attacker pass (leftovers): under `--follow` a link to a file the walk reads
/// (`link.json -> a.json`, or `0.json -> sub/c.json`, which comes before its target in
/// name order) was read again and reported as a second bundle; without `--follow` it is
/// left out, "not read twice". Each file is now read once, under its own name, and the
/// link listed as walked already: it hides nothing, and `--strict` passes.
#[test]
fn follow_reads_each_file_once_however_many_links_lead_to_it() {
    let dir = tree("follow-file-once");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/c.json"));
    std::os::unix::fs::symlink("a.json", dir.join("link.json")).unwrap();
    std::os::unix::fs::symlink("sub/c.json", dir.join("0.json")).unwrap();
    std::os::unix::fs::symlink("../a.json", dir.join("sub/b.json")).unwrap();
    let key = audit_key();
    let (code, v, stderr) = report(&["--strict", "--follow", "--kms-key", &key, d]);
    assert_eq!(code, 0, "{stderr}\n{}", v["skipped"]);
    assert_eq!(files(&v), [format!("{d}/a.json"), format!("{d}/sub/c.json")]);
    let mut marked = skipped_marked(&v);
    marked.sort();
    let want: Vec<(String, bool)> =
        ["0.json", "link.json", "sub/b.json"].iter().map(|f| (format!("{d}/{f}"), false)).collect();
    assert_eq!(marked, want);
    assert_eq!(v["summary"]["read"], 2, "{}", v["summary"]);
}

/// The text of each row of the Markdown document's tables, cell by cell, as a CommonMark
/// + GFM reader (pulldown-cmark) reads them.
fn markdown_rows(doc: &str) -> Vec<Vec<String>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let (mut rows, mut cell): (Vec<Vec<String>>, Option<String>) = (Vec::new(), None);
    for event in Parser::new_ext(doc, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(row), Some(c)) = (rows.last_mut(), cell.take()) {
                    row.push(c);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    rows
}

/// A `--strict` run of one bundle that verifies, beside a link its walk left out
/// unverified, exits 1 (contract section 7; the JSON report says "rejected"). The
/// Markdown and HTML reports showed such a run as the bundle alone, "Verdict: VERIFIED",
/// and named neither the link nor the run's rejection. Now each shows the run's account
/// ("rejected under --strict") and a summary row for the entry left out.
#[test]
fn markdown_and_html_of_one_bundle_name_the_entries_left_out() {
    let dir = tree("one-and-a-link");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    let elsewhere = dir.with_file_name("batch-discovery-one-and-a-link-elsewhere");
    let _ = std::fs::remove_dir_all(&elsewhere);
    std::fs::create_dir_all(&elsewhere).unwrap();
    copy("read/bom.json", &elsewhere.join("hidden.json"));
    std::os::unix::fs::symlink(elsewhere.join("hidden.json"), dir.join("evidence.json")).unwrap();
    let key = audit_key();
    let link = format!("{d}/evidence.json");

    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, d]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(v["verdict"], "rejected");
    assert_eq!(v["summary"]["verified"], 1, "the bundle read verifies: the run is what fails");

    let md = run_bounded(&["--now", NOW, "--format", "markdown", "--strict", "--kms-key", &key, d]);
    assert_eq!(md.code, 1, "{}", md.stderr);
    assert!(md.stdout.contains("1 skipped (1 unverified: rejected under --strict)"), "{}", md.stdout);
    let rows = markdown_rows(&md.stdout);
    let row = rows.iter().find(|r| r.first() == Some(&link)).unwrap_or_else(|| panic!("no row for {link}: {rows:?}"));
    assert_eq!(row.get(1).map(String::as_str), Some("SKIPPED"), "{row:?}");
    assert!(row.get(3).is_some_and(|c| c.contains("rejects the run under --strict")), "{row:?}");
    // The one bundle read is still shown in full, its checklist included, as alone.
    assert!(md.stdout.contains("- [x] **PASS** Hash matches the payload (`integrity.hash-mismatch`)"), "{}", md.stdout);

    let html = run_bounded(&["--now", NOW, "--format", "html", "--strict", "--kms-key", &key, d]);
    assert_eq!(html.code, 1, "{}", html.stderr);
    assert!(html.stdout.contains("1 skipped (1 unverified: rejected under --strict)"), "{}", html.stdout);
    let cell = format!("<tr><td class=\"mono\"><bdi>{link}</bdi></td><td>SKIPPED</td>");
    assert!(html.stdout.contains(&cell), "{}", html.stdout);

    // Not strict: the run verifies (exit 0), and the entry left out is still named.
    let md = run_bounded(&["--now", NOW, "--format", "markdown", "--kms-key", &key, d]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let rows = markdown_rows(&md.stdout);
    let row = rows.iter().find(|r| r.first() == Some(&link)).unwrap_or_else(|| panic!("no row for {link}: {rows:?}"));
    assert!(row.get(3).is_some_and(|c| c.contains("unverified") && !c.contains("--strict")), "{row:?}");
    let _ = std::fs::remove_dir_all(&elsewhere);
}

/// One file is one bundle however often the command line reaches it. A directory named
/// twice (`d d/ ./d`, or through a link to it), a directory and one inside it, a file
/// named beside the directory that holds it, or a named link to a file that is read:
/// each bundle was read, reported and counted once per spelling ("6 files found, 6
/// verified" for two files), and the recorded command repeated every copy. Now each file
/// is read once, where the run first meets it, and every other path to it is listed as
/// read already (hiding nothing: `--strict` passes). Two hard links are two names, read
/// both, as within a walk.
#[test]
fn a_file_the_command_line_reaches_twice_is_read_once() {
    let dir = tree("named-twice");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/c.json"));
    let beside = dir.with_file_name("batch-discovery-named-twice-beside");
    let _ = std::fs::remove_dir_all(&beside);
    std::fs::create_dir_all(&beside).unwrap();
    std::os::unix::fs::symlink(&dir, beside.join("alias")).unwrap();
    std::os::unix::fs::symlink(dir.join("a.json"), beside.join("link.json")).unwrap();
    std::fs::hard_link(dir.join("a.json"), beside.join("hard.json")).unwrap();
    let (alias, link, hard) = (beside.join("alias"), beside.join("link.json"), beside.join("hard.json"));
    let (alias, link, hard) = (alias.to_str().unwrap(), link.to_str().unwrap(), hard.to_str().unwrap());
    let (slash, dot) = (format!("{d}/"), format!("{d}/./sub/../"));
    let (sub, a) = (format!("{d}/sub"), format!("{d}/a.json"));
    let key = audit_key();
    let (code, v, stderr) = report(&[
        "--strict",
        "--kms-key",
        &key,
        d,
        &slash,
        &dot,
        alias,
        &sub,
        &a,
        link,
        hard,
        &format!("{alias}/sub/c.json"),
    ]);
    assert_eq!(code, 0, "{stderr}\n{}", v["skipped"]);
    // Three names in the file system hold a bundle: a.json, sub/c.json and the hard link.
    assert_eq!(files(&v), [a.clone(), format!("{d}/sub/c.json"), hard.to_owned()]);
    assert_eq!(v["summary"]["found"], 3, "{}", v["summary"]);
    assert_eq!(v["summary"]["verified"], 3, "{}", v["summary"]);
    // Each other path, none unverified: the directories named again, then the files
    // met again, in the order met, each entry once (`alias/sub/c.json` is the entry
    // `sub/c.json`, listed already).
    let again = [&slash, &dot, alias, &format!("{d}/sub/c.json"), &a, link];
    let want: Vec<(String, bool)> = again.iter().map(|p| (p.to_string(), false)).collect();
    assert_eq!(skipped_marked(&v), want);
    // The recorded command names each file once.
    let command = v["record"]["command"].as_str().unwrap();
    assert_eq!(command.matches("a.json").count(), 1, "{command}");
    assert_eq!(command.matches("c.json").count(), 1, "{command}");
    std::fs::remove_dir_all(&beside).unwrap();
}

/// Naming a directory inside another as well (`d d/sub`) leaves each entry out once.
/// Both walks met `sub/l.json -> ../a.json`: the walk of `d` reads `a.json` (the link
/// hides nothing) while for the walk of `d/sub` it leads outside, so the run listed it
/// twice, once unverified, and `--strict d d/sub` rejected a delivery that `--strict d`
/// passes (docs/spec.md: a link to a file the walk reads hides nothing). It is now
/// listed once, as hiding nothing.
#[test]
fn strict_passes_a_delivery_whose_subdirectory_is_named_too() {
    let dir = tree("subdirectory-named-too");
    let d = dir.to_str().unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/c.json"));
    std::os::unix::fs::symlink("../a.json", dir.join("sub/l.json")).unwrap();
    let key = audit_key();
    let link = (format!("{d}/sub/l.json"), false);
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, d]);
    assert_eq!(code, 0, "the tree alone passes: {stderr}");
    assert_eq!(skipped_marked(&v), std::slice::from_ref(&link));
    let sub = format!("{d}/sub");
    // Besides the link, `sub/c.json` is met twice and read once.
    let mut want = vec![link, (format!("{d}/sub/c.json"), false)];
    want.sort();
    for args in [[d, sub.as_str()], [sub.as_str(), d]] {
        let (code, v, stderr) = report(&["--strict", "--kms-key", &key, args[0], args[1]]);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let mut marked = skipped_marked(&v);
        marked.sort();
        assert_eq!(marked, want, "{args:?}");
        assert_eq!(v["summary"]["verified"], 2, "{args:?}");
    }
}

/// The names a notice's reason cites are spelled out where they stand, not wherever
/// their text occurs: a directory named ` d` (a blank first) beside `d` is spelled
/// `\u{20}d`, and "the directory already walked as  d" had every ` d` of the sentence
/// replaced, "the\u{20}directory already walked as \u{20}d".
#[test]
fn a_cited_name_is_spelled_out_in_its_place_only() {
    let dir = tree("cited-in-place");
    std::fs::create_dir_all(dir.join(" d")).unwrap();
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::copy(fixture("audit/pass-honest-roi-from-costs.json"), dir.join(" d/a.json")).unwrap();
    std::fs::copy(fixture("audit/pass-honest-roi-from-costs.json"), dir.join("d/a.json")).unwrap();
    let r = common::run_in(&dir, &["--format", "json", "--now", NOW, "d", " d", "d", " d"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
    let reasons: Vec<(&str, &str)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["file"].as_str().unwrap(), n["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("d", "the directory already walked as d: not walked again"),
            ("\\u{20}d", "the directory already walked as \\u{20}d: not walked again"),
        ]
    );
}

/// A link one path's walk leaves out because it leads outside that walk hides nothing
/// when another path named reads what it leads to, as inside one walk (spec 7): with
/// `a/l.json -> ../b/x.json`, `--strict a b` rejected the run (exit 1) for a link to a
/// bundle it verified, and under `--follow d d/sub` a link that the walk of `d` read was
/// listed unverified by the walk of `d/sub`. A link to a file the run passes over, and a
/// link to a directory while `--exclude` is in force, stay unverified.
#[test]
fn strict_passes_links_between_the_directories_named() {
    let dir = tree("across");
    let (a, b) = (dir.join("a"), dir.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &a.join("c.json"));
    copy("audit/pass-honest-roi-from-costs.json", &b.join("x.json"));
    std::os::unix::fs::symlink("../b/x.json", a.join("l.json")).unwrap();
    std::os::unix::fs::symlink("../b", a.join("more")).unwrap();
    let key = audit_key();
    let (sa, sb) = (a.to_str().unwrap(), b.to_str().unwrap());
    // `a` alone does not read `b/x.json` or walk `b`: both links may hide a bundle.
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, sa]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(skipped_marked(&v), [(format!("{sa}/l.json"), true), (format!("{sa}/more"), true)]);
    for args in [[sa, sb], [sb, sa]] {
        let (code, v, stderr) = report(&["--strict", "--kms-key", &key, args[0], args[1]]);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(skipped_marked(&v), [(format!("{sa}/l.json"), false), (format!("{sa}/more"), false)], "{args:?}");
        let reasons: Vec<&str> =
            v["skipped"].as_array().unwrap().iter().map(|n| n["reason"].as_str().unwrap()).collect();
        assert_eq!(
            reasons,
            [
                format!("a symbolic link to {sb}/x.json, a file the run reads: not read twice"),
                format!("a symbolic link to {sb}, a directory the run walks: not walked twice"),
            ],
            "{args:?}"
        );
        assert_eq!(v["summary"]["verified"], 2, "{args:?}");
    }
    // What `--exclude` left out below `b` the names through `a/more` would not match.
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, "--exclude", "*.txt", sa, sb]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(skipped_marked(&v), [(format!("{sa}/l.json"), false), (format!("{sa}/more"), true)]);
    // A link to a file no path named reads (its name is no bundle's) still may hide one.
    std::fs::write(b.join("notes.txt"), b"{}").unwrap();
    std::os::unix::fs::symlink("../b/notes.txt", a.join("n.json")).unwrap();
    let (code, v, stderr) = report(&["--strict", "--kms-key", &key, sa, sb]);
    assert_eq!(code, 1, "{stderr}");
    assert!(skipped_marked(&v).contains(&(format!("{sa}/n.json"), true)), "{v}");

    // Under --follow the walk of `d` reads `sub/a.json -> ../data/x.txt` through the
    // link (no walk meets the target by a bundle's name); `d/sub` named too must not
    // call that link unverified.
    let d = tree("across-follow");
    std::fs::create_dir_all(d.join("data")).unwrap();
    copy("audit/pass-honest-roi-from-costs.json", &d.join("data/x.txt"));
    std::os::unix::fs::symlink("../data/x.txt", d.join("sub/a.json")).unwrap();
    let sd = d.to_str().unwrap();
    let sub = format!("{sd}/sub");
    for args in [[sd, sub.as_str()], [sub.as_str(), sd]] {
        let (code, v, stderr) = report(&["--strict", "--follow", "--kms-key", &key, args[0], args[1]]);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(files(&v), [format!("{sub}/a.json")], "{args:?}");
        assert_eq!(skipped_marked(&v), [(format!("{sub}/a.json"), false)], "{args:?}");
    }
}

/// A directory whose only entry is a link to a bundle another path of the run reads
/// (`d d/sub`, `d/sub` holding only `l.json -> ../a.json`) was "no *.json files in this
/// directory", exit 2, where the same `d/sub` holding a copy of `a.json` passes: it
/// holds a `*.json` entry, and what that leads to is verified. Named alone, it still
/// gives no bundle (exit 2), and the reason no longer denies the entry it lists.
#[test]
fn a_directory_holding_only_a_link_to_a_bundle_read_elsewhere_is_usable() {
    let dir = tree("only-a-link");
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    std::os::unix::fs::symlink("../a.json", dir.join("sub/l.json")).unwrap();
    let key = audit_key();
    let d = dir.to_str().unwrap();
    let sub = format!("{d}/sub");
    for args in [[d, sub.as_str()], [sub.as_str(), d]] {
        let (code, v, stderr) = report(&["--strict", "--kms-key", &key, args[0], args[1]]);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(v["unreadable"].as_array().map(Vec::len), Some(0), "{args:?}: {v}");
        assert_eq!(skipped_marked(&v), [(format!("{sub}/l.json"), false)], "{args:?}");
    }
    let (code, v, stderr) = report(&["--kms-key", &key, &sub]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(v["unreadable"][0]["file"], sub.as_str());
    assert_eq!(
        v["unreadable"][0]["reason"],
        "no bundle read in this directory: its entries were left out (listed as skipped)"
    );
    assert_eq!(skipped_marked(&v), [(format!("{sub}/l.json"), true)]);
}

/// A broken entry two walks meet (`--follow d d/sub`, `d/sub/x.json -> nowhere`) is
/// listed once: it was listed twice and counted "2 unreadable", "4 found" for three
/// entries (a leftover).
#[test]
fn an_entry_two_walks_cannot_read_is_listed_once() {
    let dir = tree("broken-twice");
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("a.json"));
    copy("audit/pass-honest-roi-from-costs.json", &dir.join("sub/c.json"));
    std::os::unix::fs::symlink("nowhere", dir.join("sub/x.json")).unwrap();
    let d = dir.to_str().unwrap();
    let sub = format!("{d}/sub");
    for args in [[d, sub.as_str()], [sub.as_str(), d]] {
        let (code, v, stderr) = report(&["--follow", args[0], args[1]]);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        let unreadable: Vec<&str> =
            v["unreadable"].as_array().unwrap().iter().map(|n| n["file"].as_str().unwrap()).collect();
        assert_eq!(unreadable, [format!("{sub}/x.json")], "{args:?}");
        assert_eq!(v["summary"]["unreadable"], 1, "{args:?}");
        assert_eq!(v["summary"]["found"], 3, "{args:?}");
    }
}

/// Settling the links a walk left out against the directories named costs one look-up
/// per ancestor of each target, not a scan of every directory named per link: `n`
/// directories named, each holding a bundle and four links to a directory outside
/// them all, took about four times as long for twice `n` (7.6 s for 4,000 directories
/// in a release build). The links stay unverified (nothing named walks `out`).
#[test]
fn settling_links_across_many_paths_named_is_linear() {
    let time = |n: usize| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-discovery-many-roots-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("out")).unwrap();
        let mut args: Vec<String> = vec!["--format".into(), "json".into(), "--now".into(), NOW.into()];
        for i in 0..n {
            let r = dir.join(format!("r{i:05}"));
            std::fs::create_dir_all(&r).unwrap();
            std::fs::write(r.join("a.txt"), b"not a bundle").unwrap();
            for j in 0..4 {
                std::os::unix::fs::symlink("../out", r.join(format!("l{j}"))).unwrap();
            }
            args.push(r.to_str().unwrap().to_owned());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut best = std::time::Duration::MAX;
        for _ in 0..2 {
            let t = std::time::Instant::now();
            let r = run_bounded(&args);
            best = best.min(t.elapsed());
            assert_eq!(r.code, 2, "{}", r.stderr);
            let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            let marked = skipped_marked(&v);
            assert_eq!(marked.len(), 4 * n);
            assert_eq!(marked[0], (format!("{}/r00000/l0", dir.display()), true));
            assert!(marked.iter().all(|(_, unverified)| *unverified));
        }
        let _ = std::fs::remove_dir_all(&dir);
        best
    };
    let (small, large) = (time(1500), time(3000));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(ratio < 3.0, "1,500 paths named: {small:?}; 3,000: {large:?} (x{ratio:.1})");
}

/// Standard input and a path naming the file it is open on are one input: `- /dev/stdin`
/// with a pipe had two worker threads share the pipe's bytes (one bundle VERIFIED, the
/// other REJECTED as empty or cut, run to run, exit 1), and with `< a.json` the run
/// counted one file as two bundles ("2 verified"), as `a.json -` did. The contract: a
/// file is one bundle however often the paths given reach it, and standard input is
/// read once (docs/spec.md 7). The later of the two is listed as read already.
#[test]
fn standard_input_and_a_path_to_what_it_is_open_on_are_read_once() {
    use std::io::Write as _;
    use std::process::Stdio;
    let dir = tree("stdin-named");
    let a = dir.join("a.json");
    copy("seed-example-sealed.json", &a);
    let a = a.to_str().unwrap();
    let run = |args: &[&str], piped: bool| {
        let mut all = vec!["--format", "json", "--now", NOW];
        all.extend_from_slice(args);
        let stdin = if piped { Stdio::piped() } else { Stdio::from(std::fs::File::open(a).unwrap()) };
        let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(&all)
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if piped {
            let bytes = std::fs::read(a).unwrap();
            let _ = child.stdin.take().unwrap().write_all(&bytes);
        }
        let out = child.wait_with_output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code().unwrap(), v, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    for (args, piped, read, again) in [
        (["-", "/dev/stdin"], true, "-", "/dev/stdin"),
        (["-", "/dev/stdin"], false, "-", "/dev/stdin"),
        (["/dev/stdin", "-"], false, "/dev/stdin", "-"),
        ([a, "-"], false, a, "-"),
        (["-", a], false, "-", a),
    ] {
        let (code, v, stderr) = run(&args, piped);
        assert_eq!(code, 0, "{args:?} piped {piped}: {stderr}\n{v:#}");
        assert_eq!(files(&v), [read], "{args:?} piped {piped}");
        assert_eq!(skipped_marked(&v), [(again.to_owned(), false)], "{args:?} piped {piped}");
        assert_eq!(v["summary"]["verified"], 1, "{args:?} piped {piped}: {}", v["summary"]);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A directory whose every bundle `--exclude` leaves out holds *.json files: "no *.json
/// files in this directory" (`--exclude '*.json' d`, `--exclude '**' d`) said otherwise
/// of a directory holding two, as if the delivery were empty. The run still cannot
/// verify anything there (exit 2); the reason now says that --exclude left them out. A
/// directory that holds none says so as before, and an exclusion that leaves a bundle
/// reads it.
#[test]
fn a_directory_whose_bundles_exclude_leaves_out_is_not_called_empty() {
    let dir = tree("exclude-all");
    let d = dir.to_str().unwrap();
    copy("seed-example-sealed.json", &dir.join("a.json"));
    copy("seed-example-sealed.json", &dir.join("sub/b.json"));
    for glob in ["*.json", "**"] {
        let (code, v, stderr) = report(&["--exclude", glob, d]);
        assert_eq!(code, 2, "{stderr}");
        let unreadable = v["unreadable"].as_array().unwrap();
        assert_eq!(unreadable.len(), 1, "{unreadable:?}");
        assert_eq!(unreadable[0]["file"], d);
        let reason = unreadable[0]["reason"].as_str().unwrap();
        assert!(!reason.contains("no *.json files"), "{glob}: {reason}");
        assert!(reason.contains("--exclude left out 2 entries"), "{glob}: {reason}");
    }
    let (code, v, _) = report(&["--exclude", "sub", d]);
    assert_eq!((code, files(&v)), (0, vec![format!("{d}/a.json")]));
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, v, _) = report(&[empty.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(v["unreadable"][0]["reason"], "no *.json files in this directory");
    std::fs::remove_dir_all(&dir).unwrap();
}
