//! Batches verified in parallel come out in input order, in every format; JSON lines
//! stream one bundle per line; `--output FORMAT=FILE` writes several reports from one
//! run; a reader that closes the pipe early does not turn the verdict into exit 2.

mod common;
use common::*;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// 300 bundles (more than one window of work): every seventh is the tampered seed
/// (integrity.hash-mismatch, rejected), the rest the sealed seed (verified).
fn batch(name: &str) -> (PathBuf, Vec<(String, &'static str)>) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-parallel-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut expected = Vec::new();
    for i in 0..300 {
        let path = dir.join(format!("{i:03}.json"));
        let (src, verdict) =
            if i % 7 == 3 { ("integrity/tampered.json", "rejected") } else { ("seed-example-sealed.json", "verified") };
        std::fs::copy(fixture(src), &path).unwrap();
        expected.push((path.to_str().unwrap().to_owned(), verdict));
    }
    (dir, expected)
}

#[test]
fn jsonl_lines_come_in_input_order_with_their_verdicts() {
    let (dir, expected) = batch("jsonl");
    let r = run(&["--format", "jsonl", "--now", NOW, dir.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 301);
    for ((file, verdict), line) in expected.iter().zip(&lines) {
        assert_eq!(line["file"], file.as_str());
        assert_eq!(line["verdict"], *verdict, "{file}");
        if *verdict == "rejected" {
            assert!(line["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "integrity.hash-mismatch"));
        }
    }
    let summary = &lines[300]["summary"];
    assert_eq!((summary["found"].as_u64(), summary["rejected"].as_u64()), (Some(300), Some(43)));
    assert_eq!(lines[300]["verdict"], "rejected");
}

#[test]
fn json_sarif_and_junit_keep_input_order() {
    let (dir, expected) = batch("json");
    let d = dir.to_str().unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let sarif = out.join("r.sarif");
    let junit = out.join("r.xml");
    let human = run(&[
        "--now",
        NOW,
        "--exclude",
        "out",
        "-q",
        "--output",
        &format!("sarif={}", sarif.display()),
        "--output",
        &format!("junit={}", junit.display()),
        d,
    ]);
    let json = run(&["--format", "json", "--now", NOW, "--exclude", "out", d]);
    assert_eq!((human.code, json.code), (1, 1));
    // The human report went to standard output, one verdict line per bundle, in order.
    let verdicts: Vec<&str> =
        human.stdout.lines().filter(|l| l.starts_with("VERIFIED") || l.starts_with("REJECTED")).collect();
    assert_eq!(verdicts.len(), 300);
    for ((file, verdict), line) in expected.iter().zip(&verdicts) {
        assert!(line.starts_with(&verdict.to_ascii_uppercase()) && line.contains(file.as_str()), "{line}");
    }
    assert!(human.stdout.contains("300 files found, 300 read, 257 verified, 43 rejected, 0 unreadable"));
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let files: Vec<&str> = v["bundles"].as_array().unwrap().iter().map(|b| b["file"].as_str().unwrap()).collect();
    let want: Vec<&str> = expected.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, want);
    // The files written alongside: SARIF results of the rejected bundles, in order.
    let s: serde_json::Value = assert_valid_sarif(&std::fs::read_to_string(&sarif).unwrap());
    let mismatches: Vec<u64> = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "integrity.hash-mismatch")
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["index"].as_u64().unwrap())
        .collect();
    let want: Vec<u64> = (0..300).filter(|i| i % 7 == 3).collect();
    assert_eq!(mismatches, want);
    let x = std::fs::read_to_string(&junit).unwrap();
    assert_eq!(x.matches("<testsuite ").count(), 300);
    let first = x.find("000.json").unwrap();
    let last = x.find("299.json").unwrap();
    assert!(first < last);
}

#[test]
fn output_rejects_an_unknown_format_and_an_unwritable_file() {
    let seed = fixture("seed-example-sealed.json");
    let s = seed.to_str().unwrap();
    let r = run(&["--output", "xml=out.xml", s]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown format 'xml'"), "{}", r.stderr);
    let r = run(&["--output", "json=/nonexistent-dir/r.json", s]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot create /nonexistent-dir/r.json"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing is verified before every output can be written");
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_verdicts_exit_code() {
    let (dir, _) = batch("pipe");
    for format in ["human", "jsonl", "json"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--format", format, "--now", NOW, dir.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -c 100`: read a little, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 100];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // 43 of the 300 are rejected: exit 1, whatever happened to standard output.
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(!stderr.contains("cannot write"), "{format}: {stderr}");
    }
}

#[test]
fn other_commands_end_quietly_on_a_closed_pipe_too() {
    for args in [&["rules"][..], &["schema"][..], &["rules", "--markdown"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A reader that is gone before the command writes (`| true`): every write fails.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// `-q` skips working out line:column only when no report shows it: a report written
/// by `--output` during a `-q` run still places each finding at its line, read here
/// from the fixture's own text.
#[test]
fn quiet_runs_still_give_positions_to_their_output_files() {
    let seed = fixture("seed-example.json");
    let text = std::fs::read_to_string(&seed).unwrap();
    let line = text.lines().position(|l| l.contains("\"schema_hash\"")).unwrap() + 1;
    let column = text.lines().nth(line - 1).unwrap().find("\"...\"").unwrap() + 1;
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("quiet-output.json");
    let r = run(&["-q", "--output", &format!("json={}", out.display()), seed.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "-q prints the verdict line only: {}", r.stdout);
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let findings = report["bundles"][0]["findings"].as_array().unwrap();
    let f = findings.iter().find(|f| f["pointer"] == "/schema_hash").unwrap();
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(line as u64), Some(column as u64)));
}

/// `-q` and `--format jsonl` write each verdict as the batch reaches it. The last input
/// is a FIFO named on the command line, which the run must wait for: the first
/// bundles' lines arrive before anything is written to it (40 bundles come before it,
/// more than the workers hand over at once). Before, `-q` kept every
/// report until the end of the run (its memory grew with the batch, about 10 KB a
/// bundle) and printed nothing until then. The time limit only keeps a failing run
/// from hanging the suite; nothing here is timed.
#[cfg(unix)]
#[test]
fn quiet_and_jsonl_lines_come_while_the_batch_runs() {
    use std::io::{BufRead, Write};
    use std::time::Duration;
    for (name, args) in [("quiet", &["-q"][..]), ("jsonl", &["--format", "jsonl"][..])] {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-streams-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut files: Vec<String> = Vec::new();
        for i in 0..40 {
            let path = dir.join(format!("{i}.json"));
            std::fs::copy(fixture("seed-example-sealed.json"), &path).unwrap();
            files.push(path.to_str().unwrap().to_owned());
        }
        let fifo = dir.join("later.json");
        assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success(), "mkfifo");
        let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(args)
            .args(["--now", NOW])
            .args(&files)
            .arg(&fifo)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let _ = tx.send(line.unwrap());
            }
        });
        let feed = |bundle: &str| {
            let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            w.write_all(&std::fs::read(fixture(bundle)).unwrap()).unwrap();
        };
        let Ok(first) = rx.recv_timeout(Duration::from_secs(300)) else {
            feed("seed-example-sealed.json");
            panic!("{name}: no verdict before the run's last input was written");
        };
        // The tampered seed (integrity.hash-mismatch) through the FIFO: rejected, last.
        feed("integrity/tampered.json");
        let out = child.wait_with_output().unwrap();
        reader.join().unwrap();
        let lines: Vec<String> = std::iter::once(first).chain(rx.try_iter()).collect();
        assert_eq!(out.status.code(), Some(1), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        for (file, line) in files.iter().zip(&lines) {
            match name {
                "quiet" => assert!(line.starts_with(&format!("VERIFIED {file}: ")), "{line}"),
                _ => {
                    let v: serde_json::Value = serde_json::from_str(line).unwrap();
                    assert_eq!((v["file"].as_str(), v["verdict"].as_str()), (Some(file.as_str()), Some("verified")));
                }
            }
        }
        let rest = &lines[files.len()..];
        let fifo_name = fifo.to_str().unwrap();
        match name {
            "quiet" => {
                assert!(rest[0].starts_with(&format!("REJECTED {fifo_name}: ")), "{rest:?}");
                assert_eq!(rest.last().unwrap(), "41 files found, 41 read, 40 verified, 1 rejected, 0 unreadable");
            }
            _ => {
                let v: serde_json::Value = serde_json::from_str(&rest[0]).unwrap();
                assert_eq!((v["file"].as_str(), v["verdict"].as_str()), (Some(fifo_name), Some("rejected")));
                let summary: serde_json::Value = serde_json::from_str(rest.last().unwrap()).unwrap();
                assert_eq!(summary["summary"]["rejected"], 1);
            }
        }
    }
}

/// Standard input given twice (`- -`) is read once, for the first `-`, in every run.
/// Both used to be inputs of the batch, and whichever a worker thread reached first
/// took the bytes: with the first `-` at the end of one group of work and the second at
/// the start of the next, the second was usually verified and the first "unreadable",
/// and which one changed from run to run. Fifteen large bundles before them keep the
/// first `-` far behind the second on its thread.
#[test]
fn standard_input_given_twice_is_read_for_the_first_dash_every_time() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("batch-parallel-stdin-twice");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut seed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("seed-example.json")).unwrap()).unwrap();
    seed["notes"] = serde_json::Value::String("x".repeat(1 << 20));
    let big = serde_json::to_vec(&seed).unwrap();
    let mut args: Vec<String> = ["--now", NOW, "--format", "jsonl"].map(str::to_owned).to_vec();
    for i in 0..15 {
        let path = dir.join(format!("big-{i:02}.json"));
        std::fs::write(&path, &big).unwrap();
        args.push(path.to_str().unwrap().to_owned());
    }
    args.extend(["-".to_owned(), "-".to_owned()]);
    let sealed = std::fs::read(fixture("seed-example-sealed.json")).unwrap();
    let mut first_stdout = None;
    for attempt in 0..3 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(&args)
            .env("RAYON_NUM_THREADS", "2")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &sealed).unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        // A `-` that cannot be read makes the run incomplete: exit 2.
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let dashes: Vec<(usize, &serde_json::Value)> =
            lines.iter().enumerate().filter(|(_, v)| v["file"] == "-").collect();
        assert_eq!(dashes.len(), 2, "{stdout}");
        // The bytes on standard input, the sealed seed, verified once, in the first `-`'s
        // place: right after the last of the fifteen files given before it.
        let reports = dashes.iter().filter(|(_, v)| v["verdict"].is_string()).count();
        assert_eq!(reports, 1, "attempt {attempt}: {stdout}");
        let last_file = lines.iter().rposition(|v| v["file"].as_str().is_some_and(|f| f.ends_with("big-14.json")));
        let after = &lines[last_file.unwrap() + 1];
        assert_eq!(
            (after["file"].as_str(), after["verdict"].as_str()),
            (Some("-"), Some("verified")),
            "attempt {attempt}"
        );
        assert!(dashes.iter().any(|(_, v)| v["unreadable"].is_string()), "{stdout}");
        match &first_stdout {
            None => first_stdout = Some(stdout),
            Some(first) => assert_eq!(first, &stdout, "attempt {attempt}: another report than the first run's"),
        }
    }
}
