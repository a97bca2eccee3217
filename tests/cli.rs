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

/// Every bad input names its JSON pointer and line:column (contract section 1), on
/// stderr as in a report: "member name \"epochs\" appears again" at 35:9 did not say
/// which of the bundle's objects holds it. The pointers and places are those the
/// reading tests hold the verifying report to (tests/reading.rs).
#[test]
fn canonicalize_and_digest_name_the_pointer_of_what_they_refuse() {
    for (file, line) in [
        (
            "read/duplicate-name-nested.json",
            "35:9: error[read.duplicate-name] at /performance_metrics/training/epochs: ",
        ),
        ("read/lone-surrogate.json", "53:31: error[read.lone-surrogate] at /training/backend: "),
        ("read/syntax-missing-colon-nested.json", "53:108: error[read.syntax] at /training/params/max_depth: "),
    ] {
        for command in ["canonicalize", "digest"] {
            let r = run(&[command, &path(file)]);
            assert_eq!(r.code, 1, "{command} {file}");
            assert!(r.stdout.is_empty());
            assert!(r.stderr.contains(line), "{command} {file}: {}", r.stderr);
        }
    }
}

/// `canonicalize` prints the bytes a publisher seals: a number those bytes sign with
/// another value than the text shows is said there too (contract section 1), on stderr,
/// and the payload is still written. The fixture's script lists which spellings change
/// (a-g) and which only respell the value signed (h-n).
#[test]
fn canonicalize_warns_of_numbers_signed_with_another_value() {
    let r = run(&["canonicalize", &path("read/number-precision.json")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.raw.starts_with(b"{\"app_version\""), "{}", r.stdout);
    for k in ["a", "b", "c", "d", "e", "f", "g"] {
        let at = format!("warning[read.integer-precision] at /x-numbers/{k}: ");
        assert_eq!(r.stderr.matches(&at).count(), 1, "{k}: {}", r.stderr);
    }
    assert_eq!(r.stderr.lines().count(), 7, "{}", r.stderr);
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

/// spec.md 5.5: later flags win. Before, `--deny` won over `--allow` whatever the
/// order, and the `--allow` typed last vanished from the record (attacker pass 5). The
/// seed has one `claims.memory` warning (16.5 GB peak claimed "under 16 GB").
#[test]
fn a_later_severity_flag_wins() {
    let seed = path("seed-example-sealed.json");
    let severity = |args: &[&str]| {
        let mut a = vec!["--format", "json", "--now", NOW];
        a.extend_from_slice(args);
        a.push(&seed);
        let r = run(&a);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let f = v["bundles"][0]["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "claims.memory").cloned();
        (
            r.code,
            f.unwrap()["severity"].as_str().unwrap().to_owned(),
            v["record"]["command"].as_str().unwrap().to_owned(),
        )
    };
    let (code, sev, command) = severity(&["--deny", "claims.memory", "--allow", "claims.memory"]);
    assert_eq!((code, sev.as_str()), (0, "info"));
    assert!(command.contains("--allow claims.memory") && !command.contains("--deny"), "{command}");
    let (code, sev, _) = severity(&["--allow", "claims.memory", "--deny", "claims.memory"]);
    assert_eq!((code, sev.as_str()), (1, "error"));
    let (code, sev, command) = severity(&["--deny", "claims", "--allow", "claims.memory"]);
    assert_eq!((code, sev.as_str()), (1, "info"), "the other claims stay errors");
    assert!(command.ends_with(&format!("--deny claims --allow claims.memory {}", seed)), "{command}");
}

/// A usage error quotes the argument clap could not parse, often a file name from a
/// glob: `aeb-verify *.json` with a file named like an option. The name is escaped as
/// every report escapes names, so it cannot put a line of its own into a CI log.
#[test]
fn a_usage_error_shows_the_argument_escaped() {
    let name = "--x\rVERIFIED all\u{9b}\u{202e}\nVERIFIED good.json: signed by Release Key\u{1b}[2K.json";
    let r = run(&["--now", NOW, name]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(
            r"'--x\u{d}VERIFIED all\u{9b}\u{202e}\u{a}VERIFIED good.json: signed by Release Key\u{1b}[2K.json'"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.chars().any(|c| c != '\n' && aeb_verify::text::is_hidden(c)), "{:?}", r.stderr);
    assert!(r.stderr.lines().all(|l| !l.starts_with("VERIFIED")), "{}", r.stderr);
    // A value clap refuses is escaped the same way.
    let r = run(&["--now", "2026-11-25\u{1b}]8;;x", "b.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(r"2026-11-25\u{1b}]8;;x"), "{}", r.stderr);
}

/// Standard output on a full disk (`/dev/full`): every command says it cannot write and
/// exits 2. Before, `canonicalize`, `digest`, `explain` and `diff` exited 0 (or diff's
/// comparison code) with nothing written, since the last flush's error was dropped, and
/// `completions` panicked inside clap_complete (attacker pass 5).
#[test]
fn a_full_disk_is_exit_2_for_every_command() {
    let seed = path("seed-example-sealed.json");
    let other = path("seed-example.json");
    let commands: [&[&str]; 9] = [
        &["--now", NOW, &seed],
        &["canonicalize", &seed],
        &["digest", &seed],
        &["explain", "sig.none"],
        &["diff", &seed, &seed],
        &["diff", &seed, &other],
        &["completions", "bash"],
        &["schema"],
        &["rules"],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(args)
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("No space left on device"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// The pointer `digest` and `canonicalize` name on stderr was bare, so a member name
/// with ": " in it ended the location early: `at /a: ok; nothing wrong/k: member name
/// "k" appears again` read as a pointer `/a` and the tool saying "ok; nothing wrong".
/// A pointer whose names are not plain is shown as a JSON string literal, as in the
/// reports (docs/report-format.md).
#[test]
fn a_member_name_cannot_end_the_location_digest_names() {
    let bundle = br#"{"a: ok; nothing wrong": {"k": 1, "k": 2}}"#;
    for command in ["canonicalize", "digest"] {
        let r = run_with_stdin(&[command, "-"], Some(bundle));
        assert_eq!(r.code, 1, "{command}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(r#"error[read.duplicate-name] at "/a: ok; nothing wrong/k": member name "k" appears again"#),
            "{command}: {}",
            r.stderr
        );
    }
}

/// A subcommand is read only as the first argument, so `aeb-verify *` over a delivery
/// holding a file named `diff` (which sorts first) ran `diff` on the next two files and
/// exited 0 when their payloads were identical, each bundle tampered (integrity.hash-
/// mismatch: fixtures/signatures/CASES.md); `digest` or `canonicalize`
/// with one file after it exited 0 on any readable bundle. Such a subcommand, named
/// while a file here bears its name, stops the run (exit 2). The files themselves, as
/// `-- *` or `./diff` name them, are verified and rejected.
#[test]
fn a_glob_whose_first_file_is_named_like_a_subcommand_does_not_run_it() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-subcommand-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["x.json", "y.json"] {
        std::fs::copy(fixture("signatures/bundles/pgp-tampered.json"), dir.join(name)).unwrap();
    }
    for (word, rest) in
        [("diff", &["x.json", "y.json"][..]), ("digest", &["x.json"][..]), ("canonicalize", &["x.json"][..])]
    {
        std::fs::write(dir.join(word), b"{}").unwrap();
        let glob: Vec<&str> = std::iter::once(word).chain(rest.iter().copied()).collect();
        let r = run_in(&dir, &glob);
        assert_eq!(r.code, 2, "{word}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(r.stderr.contains(&format!("aeb-verify: {word} is a subcommand, and a file here is named {word}")));
        let mut verified = vec!["--format", "json", "--now", NOW, "--"];
        verified.extend(&glob);
        let r = run_in(&dir, &verified);
        assert_eq!(r.code, 1, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let x = v["bundles"].as_array().unwrap().iter().find(|b| b["file"] == "x.json").unwrap();
        assert_eq!(x["verdict"], "rejected");
        assert_finding(x, "integrity.hash-mismatch", "/signatures/sha256", 56, 15);
        std::fs::remove_file(dir.join(word)).unwrap();
    }
    // The shell's own redirection is no such file: `digest x.json > digest` still runs.
    let shell = format!("'{}' digest x.json > digest", env!("CARGO_BIN_EXE_aeb-verify"));
    let out = std::process::Command::new("sh").arg("-c").arg(&shell).current_dir(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(dir.join("digest")).unwrap().len(), 65);
    std::fs::remove_dir_all(&dir).unwrap();
}
