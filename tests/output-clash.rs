//! `--output FORMAT=FILE` never overwrites what the run reads. Creating the report file
//! truncates it: before this check, `--output json=dir/a.json dir/` emptied the bundle
//! `a.json` before it was read (it was then rejected as unreadable JSON, and the
//! publisher's bundle was gone), and `--output junit=key.asc --cert key.asc` destroyed
//! the auditor's key file. The run now stops with exit 2 before any file is created,
//! naming the option and the file, and every input keeps its bytes.

mod common;

use common::{fixture, run, NOW};
use std::path::{Path, PathBuf};

const BUNDLE: &str = "signatures/bundles/pgp-ed25519.json";
const CERT: &str = "signatures/certs/ed25519.asc";

/// A directory of its own holding a copy of the signed fixture bundle and its key.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aeb-output-clash-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bundles")).unwrap();
    std::fs::copy(fixture(BUNDLE), dir.join("bundles/a.json")).unwrap();
    std::fs::copy(fixture(BUNDLE), dir.join("bundles/b.json")).unwrap();
    std::fs::copy(fixture(CERT), dir.join("key.asc")).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[track_caller]
fn assert_refused(r: &common::Run, spec: &str, names: &str) {
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(r.stderr.contains(&format!("--output {spec}")), "{}", r.stderr);
    assert!(r.stderr.contains(names), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "no report before the refusal: {}", r.stdout);
}

#[track_caller]
fn assert_unchanged(path: &Path, original: &str) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        std::fs::read(fixture(original)).unwrap(),
        "{} was changed",
        path.display()
    );
}

#[test]
fn a_report_over_a_bundle_of_the_run_is_refused() {
    let dir = scratch("bundle");
    let (a, b) = (dir.join("bundles/a.json"), dir.join("bundles/b.json"));
    // Named on the command line, and spelt another way in --output.
    let spec = format!("json={}/bundles/../bundles/a.json", s(&dir));
    let r = run(&["--now", NOW, "--output", &spec, s(&a)]);
    assert_refused(&r, &spec, &format!("the bundle {}", s(&a)));
    assert_unchanged(&a, BUNDLE);
    // Found in a directory walk.
    let spec = format!("sarif={}", s(&b));
    let r = run(&["--now", NOW, "--output", &spec, s(&dir.join("bundles"))]);
    assert_refused(&r, &spec, "the bundle");
    assert_unchanged(&b, BUNDLE);
    // Through a symbolic link that is not itself a *.json file of the walk.
    std::os::unix::fs::symlink(&a, dir.join("report.out")).unwrap();
    let spec = format!("junit={}", s(&dir.join("report.out")));
    let r = run(&["--now", NOW, "--output", &spec, s(&dir.join("bundles"))]);
    assert_refused(&r, &spec, &format!("the bundle {}", s(&a)));
    assert_unchanged(&a, BUNDLE);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A report written into the bundles' directory by one run is an input of the next
/// run over that directory: the second run refuses instead of reading the report as a
/// bundle while truncating it.
#[test]
fn a_report_left_among_the_bundles_is_refused_on_the_next_run() {
    let dir = scratch("rerun");
    let report = dir.join("bundles/report.json");
    let spec = format!("json={}", s(&report));
    let (key, bundles) = (dir.join("key.asc"), dir.join("bundles"));
    let args = ["--now", NOW, "--cert", s(&key), "-q", "--output", &spec, s(&bundles)];
    let first = run(&args);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    let written = std::fs::read(&report).unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(parsed["bundles"].as_array().map(Vec::len), Some(2), "the first run verified the two bundles");
    let second = run(&args);
    assert_refused(&second, &spec, &format!("the bundle {}", s(&report)));
    assert_eq!(std::fs::read(&report).unwrap(), written, "the first report is kept");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_over_a_key_file_or_an_artifact_is_refused() {
    let dir = scratch("key");
    let key = dir.join("key.asc");
    let a = dir.join("bundles/a.json");
    let spec = format!("junit={}", s(&key));
    let r = run(&["--now", NOW, "--cert", s(&key), "--output", &spec, s(&a)]);
    assert_refused(&r, &spec, &format!("the key file {}", s(&key)));
    assert_unchanged(&key, CERT);

    let pem = dir.join("kms.pem");
    std::fs::copy(fixture("audit/keys/audit-ed25519.pub.pem"), &pem).unwrap();
    let spec = format!("markdown={}", s(&pem));
    let kms = format!("arn:aws:kms:eu-west-1:111122223333:key/x={}", s(&pem));
    let r = run(&["--now", NOW, "--kms-key", &kms, "--output", &spec, s(&a)]);
    assert_refused(&r, &spec, &format!("the key file {}", s(&pem)));
    assert_unchanged(&pem, "audit/keys/audit-ed25519.pub.pem");

    let artifact = dir.join("schema.json");
    std::fs::write(&artifact, b"{\"a\": 1}").unwrap();
    let spec = format!("json={}", s(&artifact));
    let r = run(&["--now", NOW, "--artifact", &format!("schema={}", s(&artifact)), "--output", &spec, s(&a)]);
    assert_refused(&r, &spec, &format!("the artifact {}", s(&artifact)));
    assert_eq!(std::fs::read(&artifact).unwrap(), b"{\"a\": 1}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_reports_into_one_file_are_refused() {
    let dir = scratch("twice");
    let a = dir.join("bundles/a.json");
    let first = format!("json={}", s(&dir.join("report.out")));
    let second = format!("sarif={}/./report.out", s(&dir));
    let r = run(&["--now", NOW, "--output", &first, "--output", &second, s(&a)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("--output {first} and --output {second} name the same file")), "{}", r.stderr);
    assert!(!dir.join("report.out").exists(), "the file this run made is left behind");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Two options naming one file that exists and is nothing the run reads (the
/// auditor's notes, a typo in a CI script): the first was created, so truncated, before
/// the second was compared with it, and the run that then refused had emptied the file.
#[test]
fn two_reports_into_one_existing_file_are_refused_before_it_is_truncated() {
    let dir = scratch("twice-existing");
    let a = dir.join("bundles/a.json");
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "the auditor's own notes\n").unwrap();
    let first = format!("json={}", s(&notes));
    let second = format!("sarif={}/./notes.txt", s(&dir));
    let r = run(&["--now", NOW, "--output", &first, "--output", &second, s(&a)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("--output {first} and --output {second} name the same file")), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "no report before the refusal: {}", r.stdout);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "the auditor's own notes\n", "the file was truncated");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An option whose file cannot be created (its directory does not exist) after one
/// naming an existing file: the first was created, so truncated, before the second
/// failed, and the run that then stopped (exit 2) had emptied the file.
#[test]
fn a_report_that_cannot_be_created_stops_the_run_before_another_file_is_truncated() {
    let dir = scratch("create-fails");
    let a = dir.join("bundles/a.json");
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "the auditor's own notes\n").unwrap();
    let first = format!("json={}", s(&notes));
    let second = format!("sarif={}/missing/report.sarif", s(&dir));
    let r = run(&["--now", NOW, "--output", &first, "--output", &second, s(&a)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("cannot create {}/missing/report.sarif", s(&dir))), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "no report before the refusal: {}", r.stdout);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "the auditor's own notes\n", "the file was truncated");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_in_the_tables_log_is_refused() {
    let table = common::scratch("appends", "output-clash");
    let spec = format!("json={}", s(&table.join("_delta_log/report.json")));
    let bundle = fixture("tables/bundles/appends.json");
    let r = run(&["--now", "2030-01-01T00:00:00Z", "--table", s(&table), "--output", &spec, s(&bundle)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("--output {spec} lies in the table's log")), "{}", r.stderr);
    assert!(!table.join("_delta_log/report.json").exists(), "no file was created in the log");
    std::fs::remove_dir_all(table.parent().unwrap()).unwrap();
}

/// Reports beside the inputs, each in its own file, are written as before.
#[test]
fn reports_beside_the_inputs_are_written() {
    let dir = scratch("beside");
    let (json, sarif) = (dir.join("report.json"), dir.join("report.sarif"));
    let r = run(&[
        "--now",
        NOW,
        "--cert",
        s(&dir.join("key.asc")),
        "-q",
        "--output",
        &format!("json={}", s(&json)),
        "--output",
        &format!("sarif={}", s(&sarif)),
        s(&dir.join("bundles")),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(report["bundles"].as_array().map(Vec::len), Some(2));
    common::assert_valid_sarif(&std::fs::read_to_string(&sarif).unwrap());
    assert_unchanged(&dir.join("bundles/a.json"), BUNDLE);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A pull request can commit a symbolic link where a CI recipe writes its report: the
/// report would go over whatever the link points at (here a file outside the checkout),
/// or create a file there through a dangling link. A FIFO there would block the run in
/// open(). Each is refused with exit 2 before anything is written.
#[test]
fn a_report_path_that_is_a_link_or_fifo_is_refused() {
    let dir = scratch("planted");
    let victim = dir.join("victim");
    std::fs::write(&victim, "ssh-ed25519 AAAA the auditor's key\n").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("aeb-verify.sarif")).unwrap();
    std::os::unix::fs::symlink(dir.join("created-by-aeb"), dir.join("aeb-verify.xml")).unwrap();
    let ok = std::process::Command::new("mkfifo").arg(dir.join("fifo.json")).status().unwrap().success();
    assert!(ok, "mkfifo");
    let bundles = dir.join("bundles");
    for (name, kind) in
        [("aeb-verify.sarif", "a symbolic link"), ("aeb-verify.xml", "a symbolic link"), ("fifo.json", "FIFO")]
    {
        let spec = format!("sarif={}", s(&dir.join(name)));
        let r = common::run_bounded(&["--now", NOW, "--output", &spec, s(&bundles)]);
        assert_refused(&r, &spec, kind);
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "ssh-ed25519 AAAA the auditor's key\n");
    assert!(!dir.join("created-by-aeb").exists(), "a file was created through the dangling link");
    // A regular file there is replaced by the report, as before.
    std::fs::write(dir.join("old.sarif"), "stale").unwrap();
    let spec = format!("sarif={}", s(&dir.join("old.sarif")));
    let r = common::run_bounded(&["--now", NOW, "--output", &spec, s(&bundles)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    common::assert_valid_sarif(&std::fs::read_to_string(dir.join("old.sarif")).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A relative report path is not written through a link among its directories: in CI the
/// working directory is the checkout, and a committed `reports -> ../victim-dir` had
/// `--output sarif=reports/aeb-verify.sarif` create the report in the directory it names.
/// An absolute path is the auditor's own spelling and is followed.
#[test]
fn a_relative_report_path_through_a_linked_directory_is_refused() {
    let dir = scratch("linked-dir");
    let checkout = dir.join("checkout");
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir_all(checkout.join("real/deeper")).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, checkout.join("reports")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, checkout.join("real/linked")).unwrap();
    let bundle = fixture("seed-example-sealed.json");
    let in_checkout = |spec: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .current_dir(&checkout)
            .args(["--now", NOW, "-q", "--output", spec, s(&bundle)])
            .output()
            .unwrap();
        common::Run {
            code: out.status.code().unwrap(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            raw: out.stdout,
        }
    };
    for (spec, link) in [
        ("sarif=reports/aeb-verify.sarif", "reports is a symbolic link"),
        ("sarif=./real/linked/x.sarif", "./real/linked is a symbolic link"),
        ("junit=real/../reports/x.xml", "real/../reports is a symbolic link"),
    ] {
        let r = in_checkout(spec);
        assert_refused(&r, spec, link);
    }
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0, "a report was written through the link");
    // Directories that are no links, and an absolute path through one, are written.
    assert_eq!(in_checkout("sarif=real/deeper/ok.sarif").code, 0);
    common::assert_valid_sarif(&std::fs::read_to_string(checkout.join("real/deeper/ok.sarif")).unwrap());
    let absolute = format!("sarif={}", s(&checkout.join("reports/abs.sarif")));
    assert_eq!(in_checkout(&absolute).code, 0);
    assert!(elsewhere.join("abs.sarif").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A bundle read from standard input that the shell opened on a file is an input too:
/// `aeb-verify - --output json=a.json < a.json` truncated the bundle before reading it
/// (it was then rejected as empty, and its bytes were gone).
#[test]
fn a_report_over_the_file_on_standard_input_is_refused() {
    let dir = scratch("stdin");
    let a = dir.join("bundles/a.json");
    let spec = format!("json={}", s(&a));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--now", NOW, "--output", &spec, "-"])
        .stdin(std::fs::File::open(&a).unwrap())
        .output()
        .unwrap();
    let r = common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw: out.stdout,
    };
    assert_refused(&r, &spec, "standard input");
    assert_unchanged(&a, BUNDLE);
    // Another file on standard input: the report is written.
    let b = dir.join("bundles/b.json");
    let report = dir.join("report.json");
    let spec = format!("json={}", s(&report));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--now", NOW, "--output", &spec, "-"])
        .stdin(std::fs::File::open(&b).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&report).unwrap().len() > 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Standard output and standard error are reports too (attacker pass 9):
/// `--format json --output junit=r.xml > r.xml` wrote the JSON and the JUnit report
/// over each other, each from its own offset, into a file that was neither, and the
/// run exited with the verdict's status. A run whose `--output` file is the file a
/// standard stream was opened on stops with exit 2 before anything is written.
#[test]
fn a_report_over_the_file_standard_output_or_error_is_written_to_is_refused() {
    let dir = scratch("std-streams");
    let a = dir.join("bundles/a.json");
    let report = dir.join("report.out");
    let run_into = |stdout: &Path, stderr: &Path| {
        let open = |p: &Path| std::fs::OpenOptions::new().create(true).append(true).open(p).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--now", NOW, "--format", "json", "--output", &format!("junit={}", s(&report)), s(&a)])
            .stdin(std::process::Stdio::null())
            .stdout(open(stdout))
            .stderr(open(stderr))
            .status()
            .unwrap();
        out.code()
    };
    let (log, other) = (dir.join("log.txt"), dir.join("other.txt"));
    for (stdout, stderr, stream) in
        [(&report, &log, "standard output"), (&other, &report, "standard error"), (&report, &report, "standard output")]
    {
        let _ = std::fs::remove_file(&report);
        std::fs::write(&report, b"").unwrap();
        let _ = std::fs::remove_file(&log);
        let _ = std::fs::remove_file(&other);
        let code = run_into(stdout, stderr);
        let said = std::fs::read_to_string(stderr).unwrap();
        assert_eq!(code, Some(2), "{stream}: {said}");
        assert!(
            said.contains(&format!("aeb-verify: --output junit={} is the file {stream} is written to", s(&report))),
            "{said}"
        );
        // Nothing but that message was written anywhere.
        let written = std::fs::read_to_string(&report).unwrap();
        assert!(written.is_empty() || written == said, "{written}");
        assert!(!written.contains("<testsuites") && !written.contains("\"verdict\""), "{written}");
    }
    // Streams on other files: both reports are written, each whole.
    let _ = std::fs::remove_file(&report);
    let code = run_into(&log, &other);
    assert_eq!(code, Some(0), "{}", std::fs::read_to_string(&other).unwrap());
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
    assert_eq!(json["verdict"], "verified");
    assert!(std::fs::read_to_string(&report).unwrap().starts_with("<?xml"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Standard output or standard error opened by the shell on a file the run reads: the
/// run stops with exit 2 before anything is read or written, and the file keeps its
/// bytes. `dir/ > dir/report.json` created `report.json` in the directory walked: it was
/// read as a bundle (empty, or holding the report so far) and rejected the delivery,
/// exit 1; `>> b.json` appended the report to the bundle it had just verified, `2>>`
/// the notices to a key file, and `- < b.json >> b.json` the report to the bundle read
/// on standard input.
#[test]
fn standard_output_or_error_on_a_file_the_run_reads_is_refused() {
    let dir = scratch("streams-on-inputs");
    let (bundles, a, b, key) =
        (dir.join("bundles"), dir.join("bundles/a.json"), dir.join("bundles/b.json"), dir.join("key.asc"));
    let report = bundles.join("report.json");
    let open = |p: &Path, append: bool| {
        let mut o = std::fs::OpenOptions::new();
        if append { o.append(true) } else { o.write(true).truncate(true) }.create(true).open(p).unwrap()
    };
    let run_into = |args: &[&str], stdin: Option<&Path>, stdout: std::fs::File, stderr: Option<std::fs::File>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
        c.args(["--now", NOW, "--cert", s(&key)]).args(args).stdout(stdout);
        c.stdin(stdin.map_or_else(std::process::Stdio::null, |p| std::fs::File::open(p).unwrap().into()));
        c.stderr(stderr.map_or_else(std::process::Stdio::piped, Into::into));
        let out = c.output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // `dir/ > dir/report.json`: the shell created the report among the bundles.
    let (code, said) = run_into(&[s(&bundles)], None, open(&report, false), None);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains(&format!("standard output is written to the bundle {}", s(&report))), "{said}");
    assert_eq!(std::fs::read(&report).unwrap(), b"", "nothing written into the report file");
    std::fs::remove_file(&report).unwrap();
    // `a.json b.json >> b.json`: the report appended to a bundle of the run.
    let (code, said) = run_into(&[s(&a), s(&b)], None, open(&b, true), None);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains(&format!("the bundle {}", s(&b))), "{said}");
    // `2>> key.asc`: the message goes to standard output, nothing into the key file.
    let out = dir.join("out.txt");
    let (code, _) = run_into(&[s(&a)], None, open(&out, false), Some(open(&key, true)));
    assert_eq!(code, Some(2));
    let said = std::fs::read_to_string(&out).unwrap();
    assert!(said.contains(&format!("standard error is written to the key file {}", s(&key))), "{said}");
    // `- < a.json >> a.json`.
    let (code, said) = run_into(&["-"], Some(&a), open(&a, true), None);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("standard output is written to the file on standard input"), "{said}");
    assert_unchanged(&a, BUNDLE);
    assert_unchanged(&b, BUNDLE);
    assert_unchanged(&key, CERT);
    // Streams on files of their own: the bundles verify (the fixture is signed by the key).
    let (code, said) = run_into(&[s(&bundles)], None, open(&out, false), None);
    assert_eq!(code, Some(0), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `canonicalize`, `digest` and `diff` refuse a standard stream opened on a bundle they
/// read, as `verify` does (spec 7), before anything is read: `digest b.json >> b.json`
/// appended the hash to the bundle and exited 0, `diff a.json b.json >> a.json` appended
/// the report to OLD, and `canonicalize - < a.json >> a.json` the payload to the bundle
/// read on standard input; each bundle then had bytes after its value (read.trailing-data).
#[test]
fn payload_commands_and_diff_refuse_a_stream_on_a_bundle_they_read() {
    let dir = scratch("streams-on-payload-commands");
    let (a, b) = (dir.join("bundles/a.json"), dir.join("bundles/b.json"));
    let append = |p: &Path| std::fs::OpenOptions::new().append(true).open(p).unwrap();
    let run_into = |args: &[&str], stdin: Option<&Path>, stdout: std::fs::File, stderr: Option<std::fs::File>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
        c.args(args).stdout(stdout);
        c.stdin(stdin.map_or_else(std::process::Stdio::null, |p| std::fs::File::open(p).unwrap().into()));
        c.stderr(stderr.map_or_else(std::process::Stdio::piped, Into::into));
        let out = c.output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    for args in [["digest", s(&a), ""], ["canonicalize", s(&a), ""], ["diff", s(&b), s(&a)]] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let (code, said) = run_into(&args, None, append(&a), None);
        assert_eq!(code, Some(2), "{args:?}: {said}");
        assert!(said.contains(&format!("standard output is written to the bundle {}", s(&a))), "{args:?}: {said}");
        assert_unchanged(&a, BUNDLE);
    }
    // `- < a.json >> a.json`, and `2>> b.json` (said on standard output).
    let (code, said) = run_into(&["canonicalize", "-"], Some(&a), append(&a), None);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("standard output is written to the file on standard input"), "{said}");
    let out = dir.join("out.txt");
    let (code, _) = run_into(&["diff", s(&a), s(&b)], None, std::fs::File::create(&out).unwrap(), Some(append(&b)));
    assert_eq!(code, Some(2));
    let said = std::fs::read_to_string(&out).unwrap();
    assert!(said.contains(&format!("standard error is written to the bundle {}", s(&b))), "{said}");
    assert_unchanged(&a, BUNDLE);
    assert_unchanged(&b, BUNDLE);
    // Streams on files of their own: the commands run.
    let (code, said) = run_into(&["digest", s(&a)], None, std::fs::File::create(&out).unwrap(), None);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(std::fs::read_to_string(&out).unwrap().trim().len(), 64);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Paths the auditor typed are named in messages as reports name files
/// (`text::path_name`): `display()` showed every byte that is not UTF-8 as U+FFFD, so
/// `table-\xfe` and `table-\xff` were one name in the message refusing them.
#[cfg(unix)]
#[test]
fn paths_that_are_not_utf8_are_named_byte_for_byte() {
    use std::os::unix::ffi::OsStringExt as _;
    let dir = scratch("not-utf8");
    let a = dir.join("bundles/a.json");
    let mut table = dir.as_os_str().to_owned().into_vec();
    table.extend_from_slice(b"/table-\xfe");
    let table = std::ffi::OsString::from_vec(table);
    let args: [&std::ffi::OsStr; 5] = ["--now".as_ref(), NOW.as_ref(), "--table".as_ref(), &table, a.as_os_str()];
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify")).args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{}/table-\\x{{fe}}", s(&dir))), "{stderr}");
    assert!(!stderr.contains('\u{fffd}'), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A run stopped by an `--output` that cannot be created removes the report files it had
/// already made for the other options: a CI step that uploads `new.json` after the failed
/// gate found an empty file, which it would upload as a report. A file that existed is
/// left as it was.
#[test]
fn a_report_that_cannot_be_created_leaves_no_new_file_behind() {
    let dir = scratch("create-fails-new");
    let a = dir.join("bundles/a.json");
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "the auditor's own notes\n").unwrap();
    let new = dir.join("new.json");
    let specs = [
        format!("json={}", s(&new)),
        format!("junit={}", s(&notes)),
        format!("sarif={}/missing/report.sarif", s(&dir)),
    ];
    let r = run(&["--now", NOW, "--output", &specs[0], "--output", &specs[1], "--output", &specs[2], s(&a)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("cannot create {}/missing/report.sarif", s(&dir))), "{}", r.stderr);
    assert!(!new.exists(), "the report file this run made for json= is left behind");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "the auditor's own notes\n", "an existing file changed");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--output FORMAT=FILE` takes any file name, as the bundles named do: a FILE that is not
/// UTF-8 (`json=r\xff.json`) stopped the run at clap's "invalid UTF-8 was detected in one
/// or more arguments", exit 2, with no report; it is written now, and one that names a
/// bundle of the run under such a name is refused as any other.
#[cfg(unix)]
#[test]
fn a_report_file_whose_name_is_not_utf8_is_written_and_held_to_the_inputs() {
    use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
    let dir = scratch("non-utf8");
    let odd = dir.join(std::ffi::OsStr::from_bytes(b"bundles/c\xff.json"));
    std::fs::copy(fixture(BUNDLE), &odd).unwrap();
    let report = dir.join(std::ffi::OsStr::from_bytes(b"r\xff.json"));
    let spec = |file: &Path| {
        let mut bytes = b"json=".to_vec();
        bytes.extend_from_slice(file.as_os_str().as_bytes());
        std::ffi::OsString::from_vec(bytes)
    };
    let run = |output: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--now", NOW, "--cert"])
            .arg(dir.join("key.asc"))
            .arg("--output")
            .arg(spec(output))
            .arg(&odd)
            .output()
            .unwrap()
    };
    let out = run(&report);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(written["summary"]["verified"], 1, "{}", written["summary"]);
    let original = std::fs::read(&odd).unwrap();
    let out = run(&odd);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("which this run reads"), "{:?}", out);
    assert_eq!(std::fs::read(&odd).unwrap(), original, "the bundle keeps its bytes");
    std::fs::remove_dir_all(&dir).unwrap();
}
