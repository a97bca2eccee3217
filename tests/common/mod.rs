//! Runs the real binary, as a user would, and reads its JSON report.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub const NOW: &str = "2026-11-25T00:00:00Z";

/// Every file under `dir` whose name ends in `.ext`, depth first.
pub fn files_with_extension(dir: &std::path::Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_with_extension(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub raw: Vec<u8>,
}

/// Runs aeb-verify with `dir` as its working directory.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify")).args(args).current_dir(dir).output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw: out.stdout,
    }
}

/// A fresh directory `aeb-TAG-PID` in the temp dir with a subdirectory `b` holding each
/// named file: the signed fixture when its flag is true, the tampered one otherwise.
pub fn signed_and_tampered(tag: &str, files: &[(&std::ffi::OsStr, bool)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aeb-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let good = std::fs::read(fixture("signatures/bundles/pgp-ed25519.json")).unwrap();
    let bad = std::fs::read(fixture("signatures/bundles/pgp-tampered.json")).unwrap();
    for (name, verified) in files {
        std::fs::write(dir.join("b").join(name), if *verified { &good } else { &bad }).unwrap();
    }
    dir
}

/// The command a report recorded, run again by bash in `dir` (with this build's
/// aeb-verify first on PATH) with `--format json`, and its report.
pub fn rerun_recorded(command: &str, dir: &std::path::Path) -> serde_json::Value {
    rerun_recorded_in_locale(command, dir, None)
}

/// [`rerun_recorded`] with bash run in the locale `LC_ALL=locale` when given (`C`: a
/// container's default, where bash reads a `\u` escape as six characters).
pub fn rerun_recorded_in_locale(command: &str, dir: &std::path::Path, locale: Option<&str>) -> serde_json::Value {
    rerun_recorded_by("bash", command, dir, locale)
}

/// [`rerun_recorded_in_locale`] with another shell (`zsh`, `dash`).
pub fn rerun_recorded_by(shell: &str, command: &str, dir: &std::path::Path, locale: Option<&str>) -> serde_json::Value {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_aeb-verify"));
    let mut bash = Command::new(shell);
    if let Some(locale) = locale {
        bash.env("LC_ALL", locale).env_remove("LANG").env_remove("LC_CTYPE");
    }
    let rerun = bash
        .arg("-c")
        .arg(format!("{command} --format json"))
        .current_dir(dir)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()))
        .output()
        .unwrap();
    serde_json::from_slice(&rerun.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&rerun.stderr)))
}

/// `aeb-verify -q --now NOW EXTRA... fixtures/REL`: the verdict lines.
pub fn quiet(rel: &str, extra: &[&str]) -> Run {
    let p = fixture(rel);
    let mut args = vec!["-q", "--now", NOW];
    args.extend_from_slice(extra);
    let p = p.to_str().unwrap().to_owned();
    args.push(&p);
    run(&args)
}

pub fn run(args: &[&str]) -> Run {
    run_with_stdin(args, None)
}

pub fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn aeb-verify");
    if let Some(input) = stdin {
        // A run may end without reading standard input (`diff - -` is refused first):
        // the write then meets a closed pipe, which is no failure of the test.
        if let Err(e) = child.stdin.take().unwrap().write_all(input) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing standard input: {e}");
        }
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("exited, not killed by a signal (a panic would be 101)"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw: out.stdout,
    }
}

/// Runs with a deadline, for inputs that would block a run that opened them (a FIFO):
/// past 30 s the process is killed and the test fails saying so.
pub fn run_bounded(args: &[&str]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let Ok(out) = rx.recv_timeout(std::time::Duration::from_secs(30)) else {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        panic!("aeb-verify {args:?} did not finish in 30 s");
    };
    let out = out.unwrap();
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw: out.stdout,
    }
}

/// Verifies one fixture with `--format json` and returns (exit code, bundle report).
pub fn verify_json(rel: &str, extra: &[&str]) -> (i32, serde_json::Value) {
    let path = fixture(rel);
    let mut args = vec!["--format", "json", "--now", NOW];
    args.extend_from_slice(extra);
    let p = path.to_str().unwrap().to_owned();
    args.push(&p);
    let r = run(&args);
    let report: serde_json::Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{rel}: not JSON ({e}): {}\n{}", r.stdout, r.stderr));
    (r.code, report["bundles"][0].clone())
}

/// The findings of a bundle report with this rule id.
pub fn findings<'a>(bundle: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    bundle["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule).collect()
}

/// Asserts exactly the expected finding: rule, pointer and line:column.
#[track_caller]
pub fn assert_finding(bundle: &serde_json::Value, rule: &str, pointer: &str, line: u64, column: u64) {
    let fs = findings(bundle, rule);
    assert!(!fs.is_empty(), "no {rule} finding in {}", serde_json::to_string_pretty(&bundle["findings"]).unwrap());
    let f = fs[0];
    assert_eq!(f["pointer"], pointer, "{rule} pointer");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(line), Some(column)), "{rule} line:column");
    assert!(!f["message"].as_str().unwrap().is_empty());
}

/// Asserts that a SARIF report is valid against the OASIS SARIF 2.1.0 JSON Schema
/// (vendored in tests/schemas, with its licence) and returns it parsed.
#[track_caller]
pub fn assert_valid_sarif(text: &str) -> serde_json::Value {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    let validator = SCHEMA.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
        let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    });
    let v: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("SARIF is not JSON ({e})"));
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF not valid against the 2.1.0 schema:\n{}", errors.join("\n"));
    assert_uris_resolvable(&v, "");
    v
}

/// The `uri` of every artifact a SARIF report lists, as written (percent-encoded).
pub fn sarif_artifact_uris(sarif: &serde_json::Value) -> std::collections::BTreeSet<String> {
    sarif["runs"][0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap().to_owned())
        .collect()
}

/// SARIF 2.1.0, 3.4.4: a relative `uri` is resolved against its `uriBaseId`; one with
/// none leaves the base to each consumer (code scanning takes the repository's root).
/// The SARIF SDK's validator holds the same: with no `uriBaseId`, `uri` is absolute or
/// absent. Checked with the `url` crate, which parses only an absolute URI.
#[track_caller]
fn assert_uris_resolvable(v: &serde_json::Value, at: &str) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(uri), None) = (m.get("uri").and_then(|u| u.as_str()), m.get("uriBaseId")) {
                assert!(url::Url::parse(uri).is_ok(), "{at}: uri {uri:?} is relative with no uriBaseId");
            }
            for (k, x) in m {
                assert_uris_resolvable(x, &format!("{at}/{k}"));
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                assert_uris_resolvable(x, &format!("{at}/{i}"));
            }
        }
        _ => {}
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fresh copy of a table of fixtures/tables/ in a directory of its own (`table` in
/// it), to be changed the way a test says; remove the copy's parent when done.
pub fn scratch(table_fixture: &str, tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aeb-table-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let table = dir.join("table");
    copy_dir(&fixture("tables").join(table_fixture), &table);
    table
}

/// The commit file of version `v` of a table.
pub fn commit(table: &std::path::Path, v: u64) -> PathBuf {
    table.join("_delta_log").join(format!("{v:020}.json"))
}

/// Runs the binary on a fixture with keys (and any other options) in `format`.
pub fn report_keyed(format: &str, rel: &str, keys: &[&str]) -> Run {
    let p = fixture(rel).to_str().unwrap().to_owned();
    let mut args = vec!["--format", format, "--now", NOW];
    args.extend_from_slice(keys);
    args.push(&p);
    run(&args)
}

/// The exit code and the one bundle of the JSON report of [`report_keyed`].
pub fn bundle_keyed(rel: &str, keys: &[&str]) -> (i32, serde_json::Value) {
    let r = report_keyed("json", rel, keys);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
    (r.code, v["bundles"][0].clone())
}

/// A bundle's checklist entry for `rule`.
pub fn checklist_entry<'a>(b: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    b["checks"].as_array().unwrap().iter().find(|c| c["rule"] == rule).unwrap_or_else(|| panic!("no check {rule}"))
}

#[track_caller]
pub fn assert_status(b: &serde_json::Value, rule: &str, want: &str) {
    assert_eq!(checklist_entry(b, rule)["status"], want, "{rule}: {}", checklist_entry(b, rule));
}

/// The OpenPGP checks that need a supplied key (spec 7), listed here by their ids, apart
/// from the library's own list.
pub const PGP_KEYED: [&str; 9] = [
    "sig.pgp.key-id-mismatch",
    "sig.pgp.bad",
    "sig.pgp.policy",
    "sig.pgp.algorithm-cutoff",
    "sig.pgp.signature-expired",
    "sig.pgp.key-expired",
    "sig.pgp.revoked",
    "sig.pgp.revoked-later",
    "sig.pgp.key-invalid",
];

/// The KMS checks that need a supplied key.
pub const KMS_KEYED: [&str; 4] =
    ["sig.kms.algorithm-mismatch", "sig.kms.key-id-unbound", "sig.kms.weak-key", "sig.kms.bad"];

/// Peak memory of one run of the binary with `args`, in KiB: the largest high-water mark
/// (VmHWM) read from /proc while it runs (the mark only grows, so the last read is the
/// run's peak but for its last milliseconds).
pub fn peak_kib(args: &[&str]) -> u64 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().expect("wait").is_none() {
        let hwm = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("VmHWM:")?.trim().strip_suffix("kB")?.trim().parse::<u64>().ok())
        });
        peak = peak.max(hwm.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    peak
}
