//! Issue 9 point 5: every format starts with the record of the audit (tool version,
//! time judged at, each input's SHA-256, every key and what it verified, the policy,
//! every override and each finding it re-mapped), and its command reproduces the verdict.

mod common;
use common::*;
use std::process::Command;

fn sha256sum(path: &str) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned()
}

fn args_for(format: &str) -> Vec<String> {
    let cert = fixture("signatures/certs/ed25519.asc");
    let bundle = fixture("signatures/bundles/pgp-ed25519.json");
    [
        "--format",
        format,
        "--now",
        NOW,
        "--strict",
        "--tolerance",
        "0.01",
        "--allow",
        "claims.records",
        "--cert",
        cert.to_str().unwrap(),
        bundle.to_str().unwrap(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn out(format: &str) -> Run {
    let a = args_for(format);
    run(&a.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The ed25519 fixture's fingerprint as gpg listed it when the fixtures were made
/// (fixtures/signatures/certs/fingerprints.txt; `gpg --show-keys` on the .asc agrees).
fn fpr() -> String {
    let list = std::fs::read_to_string(fixture("signatures/certs/fingerprints.txt")).unwrap();
    list.lines().find_map(|l| l.strip_prefix("ed25519 ")).unwrap().split_whitespace().next().unwrap().to_owned()
}
const UID: &str = "AEB fixture ed25519 <ed25519@example.test>";

#[test]
fn json_record_names_everything_the_verdict_rests_on() {
    let r = out("json");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rec = &v["record"];
    assert_eq!(rec["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(rec["now"], NOW);
    assert_eq!(rec["now_from"], "--now");
    let bundle = fixture("signatures/bundles/pgp-ed25519.json");
    assert_eq!(rec["inputs"][0]["sha256"], sha256sum(bundle.to_str().unwrap()));
    assert_eq!(rec["inputs"][0]["bytes"], std::fs::metadata(&bundle).unwrap().len());
    let key = &rec["keys"][0];
    assert_eq!(key["id"], fpr());
    assert_eq!(key["user_ids"][0], UID);
    assert_eq!(key["verified"][0], format!("{}#/signatures/pgp", bundle.display()));
    assert_eq!((rec["strict"].as_bool(), rec["tolerance"].as_f64()), (Some(true), Some(0.01)));
    assert_eq!(rec["profile"], "none");
    assert_eq!(rec["overrides"][0]["flag"], "--allow claims.records");
    // Each re-mapped finding says which flag re-mapped it.
    let f = v["bundles"][0]["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "claims.records").unwrap();
    assert_eq!((f["severity"].as_str(), f["remapped_from"].as_str()), (Some("info"), Some("warning")));
    assert_eq!(f["remapped_by"], "--allow claims.records");
}

#[test]
fn the_recorded_command_reproduces_the_verdict() {
    let r = out("json");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let command = v["record"]["command"].as_str().unwrap();
    assert!(command.starts_with(&format!("aeb-verify --now {NOW} --strict --tolerance 0.01 --cert ")), "{command}");
    let shell = format!("{} --format json {}", env!("CARGO_BIN_EXE_aeb-verify"), &command["aeb-verify ".len()..]);
    let again = Command::new("sh").arg("-c").arg(&shell).output().unwrap();
    assert_eq!(again.status.code(), Some(r.code), "{shell}");
    let w: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(w["bundles"][0]["verdict"], v["bundles"][0]["verdict"]);
    assert_eq!(w["bundles"][0]["findings"], v["bundles"][0]["findings"]);
}

#[test]
fn every_format_carries_the_record() {
    let hash = sha256sum(fixture("signatures/bundles/pgp-ed25519.json").to_str().unwrap());
    for format in ["human", "markdown", "html", "sarif", "junit"] {
        let r = out(format);
        let fpr = fpr();
        for needle in [hash.as_str(), fpr.as_str(), NOW, "--allow claims.records"] {
            assert!(r.stdout.contains(needle), "{format}: no {needle}\n{}", r.stdout);
        }
        let uid_escaped =
            ["AEB fixture ed25519 &lt;ed25519@example.test&gt;", "AEB fixture ed25519 \\<`ed25519@example.test`\\>"];
        assert!(r.stdout.contains(UID) || uid_escaped.iter().any(|u| r.stdout.contains(u)), "{format}: no user ID");
    }
    // GitHub's renderer links an e-mail address through escapes and entities, not in a
    // code span (docs/report-format.md): the certificate's address is shown as code.
    let md = out("markdown").stdout;
    assert!(md.contains("AEB fixture ed25519 \\<`ed25519@example.test`\\>"), "{md}");
    assert!(!md.contains("\\<ed25519@"), "{md}");
    let human = out("human").stdout;
    assert!(human.contains("warning lowered to info by --allow claims.records"), "{human}");
    let sarif: serde_json::Value = serde_json::from_str(&out("sarif").stdout).unwrap();
    let run = &sarif["runs"][0];
    assert!(run["invocations"][0]["commandLine"].as_str().unwrap().starts_with("aeb-verify --now "));
    assert_eq!(run["artifacts"][0]["hashes"]["sha-256"], hash);
    let junit = out("junit").stdout;
    assert!(junit.contains(&format!("<property name=\"aeb-verify.input.sha256\" value=\"{hash}\"/>")), "{junit}");
}

#[test]
fn clock_time_is_recorded_as_such() {
    let p = fixture("seed-example-sealed.json");
    let r = run(&["--format", "json", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["record"]["now_from"], "system clock");
    assert!(v["record"]["command"].as_str().unwrap().contains(&format!("--now {}", v["now"].as_str().unwrap())));
}

/// An input of a megabyte or more is hashed on another thread while it is parsed; the
/// record must still name exactly its bytes, as sha256sum does, in a batch with a small
/// one (each hashed its own way).
#[test]
fn large_input_is_hashed_whole_for_the_record() {
    let dir = std::env::temp_dir().join(format!("aeb-record-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("seed-example-sealed.json")).unwrap()).unwrap();
    let mut big = seed.clone();
    big["x_padding"] =
        serde_json::Value::Array((0..25_000).map(|i| serde_json::json!({"i": i, "s": "padding"})).collect());
    let large = dir.join("large.json");
    std::fs::write(&large, serde_json::to_vec_pretty(&big).unwrap()).unwrap();
    assert!(std::fs::metadata(&large).unwrap().len() >= 1 << 20);
    let small = fixture("seed-example-sealed.json");
    let (l, s) = (large.to_str().unwrap().to_owned(), small.to_str().unwrap().to_owned());
    let r = run(&["--format", "json", "--now", NOW, &l, &s]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    let inputs = v["record"]["inputs"].as_array().unwrap();
    let hashes: Vec<&str> = inputs.iter().map(|i| i["sha256"].as_str().unwrap()).collect();
    assert_eq!(hashes, vec![sha256sum(&l), sha256sum(&s)]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// An input that could not be read is part of what the verdict rests on: the record
/// lists it (not read, no hash) and the recorded command names it, so rerunning the
/// command ends as the run did (exit 2), not VERIFIED on the readable inputs alone.
#[test]
fn an_unreadable_input_is_in_the_record_and_its_command() {
    let sealed = fixture("seed-example-sealed.json").display().to_string();
    let missing = "/nonexistent/aeb-missing.json";
    let r = run(&["--format", "json", "--now", NOW, &sealed, missing]);
    assert_eq!(r.code, 2);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let inputs = v["record"]["inputs"].as_array().unwrap();
    let paths: Vec<&str> = inputs.iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&missing) && paths.contains(&sealed.as_str()), "{paths:?}");
    let entry = inputs.iter().find(|i| i["path"] == missing).unwrap();
    assert_eq!((entry["sha256"].is_null(), entry["bytes"].is_null()), (true, true), "{entry}");
    let command = v["record"]["command"].as_str().unwrap();
    assert!(command.ends_with(missing) || command.contains(&format!("{missing} ")), "{command}");
    let shell = format!("{} -q {}", env!("CARGO_BIN_EXE_aeb-verify"), &command["aeb-verify ".len()..]);
    let again = Command::new("sh").arg("-c").arg(&shell).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "{shell}");
    // The human record names it too.
    let human = run(&["--now", NOW, "--color", "never", &sealed, missing]).stdout;
    let record = human.split("\n\n").next().unwrap();
    assert!(record.contains(missing) && record.contains("2 inputs"), "{record}");
}

/// JUnit and SARIF show findings as text in CI and code-scanning UIs: a finding an
/// override re-mapped must say so there too, not only in a property.
#[test]
fn junit_and_sarif_mark_each_remapped_finding_in_its_text() {
    let note = "warning lowered to info by --allow claims.records";
    let junit = out("junit").stdout;
    let doc = roxmltree::Document::parse(&junit).unwrap();
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase") && n.attribute("name").is_some_and(|a| a.starts_with("claims.records ")))
        .unwrap();
    let text: String = case.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    // The pgp-ed25519 fixture holds the seed's three record-count claims.
    assert_eq!(text.matches(note).count(), 3, "{text}");
    let sarif: serde_json::Value = serde_json::from_str(&out("sarif").stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let remapped: Vec<&str> = results
        .iter()
        .filter(|x| x["ruleId"] == "claims.records")
        .map(|x| x["message"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(remapped.len(), 3);
    assert!(remapped.iter().all(|t| t.contains(note)), "{remapped:?}");
    assert!(results
        .iter()
        .filter(|x| x["ruleId"] != "claims.records")
        .all(|x| !x["message"]["text"].as_str().unwrap().contains("lowered")));
}

/// JUnit's record names, for each key, the signatures it verified in that bundle.
#[test]
fn junit_key_property_says_what_the_key_verified() {
    let junit = out("junit").stdout;
    let doc = roxmltree::Document::parse(&junit).unwrap();
    let key = doc
        .descendants()
        .find(|n| n.has_tag_name("property") && n.attribute("name") == Some("aeb-verify.key"))
        .and_then(|n| n.attribute("value"))
        .unwrap()
        .to_owned();
    let bundle = fixture("signatures/bundles/pgp-ed25519.json");
    assert!(key.contains(&fpr()) && key.contains(UID), "{key}");
    assert!(key.ends_with(&format!("verified {}#/signatures/pgp", bundle.display())), "{key}");
    // A key that verified nothing says so.
    let rsa = fixture("signatures/certs/rsa3072.asc");
    let r = run(&["--format", "junit", "--now", NOW, "--cert", rsa.to_str().unwrap(), bundle.to_str().unwrap()]);
    assert!(r.stdout.contains("verified no signature\"/>"), "{}", r.stdout);
}

/// The Markdown record shows names exactly: a backtick or a bar in a file name once
/// became a quote (or a stray backslash outside tables), so the recorded command named
/// another file. Read back by a CommonMark + GFM parser (pulldown-cmark), the heading
/// names the file and the rerun cell is a command that gives the same verdict.
#[test]
fn markdown_code_spans_keep_names_exact() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let dir = std::env::temp_dir().join(format!("aeb-md-code-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = dir.join("q3`final`|v2.json");
    std::fs::copy(fixture("seed-example-sealed.json"), &name).unwrap();
    let path = name.to_str().unwrap().to_owned();
    let r = run(&["--format", "markdown", "--now", NOW, &path]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let mut spans: Vec<(bool, String)> = Vec::new();
    let (mut in_heading, mut in_table) = (false, false);
    for event in Parser::new_ext(&r.stdout, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Table(_)) => in_table = true,
            Event::End(TagEnd::Table) => in_table = false,
            Event::Code(c) if in_heading || in_table => spans.push((in_heading, c.to_string())),
            _ => {}
        }
    }
    assert!(spans.iter().any(|(h, c)| *h && *c == path), "heading: {spans:?}");
    assert!(spans.iter().any(|(h, c)| !*h && *c == path), "input row: {spans:?}");
    let command = spans.iter().map(|(_, c)| c).find(|c| c.starts_with("aeb-verify --now")).unwrap();
    let shell = format!("{} -q {}", env!("CARGO_BIN_EXE_aeb-verify"), &command["aeb-verify ".len()..]);
    let again = Command::new("sh").arg("-c").arg(&shell).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(again.status.code(), Some(0), "{shell}: {}", String::from_utf8_lossy(&again.stderr));
    assert!(String::from_utf8_lossy(&again.stdout).starts_with(&format!("VERIFIED {path}: ")));
}

/// A file name holding a control character and a quote: the recorded command carries
/// neither raw (no report may print an escape sequence) and still names the same file
/// when bash reads it back, so the rerun reaches the same verdict on the same bytes.
#[test]
fn a_rerun_command_names_a_file_with_control_characters_exactly() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("record-ctl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = dir.join("tam\u{1b}[31mpered 'q'.json");
    std::fs::copy(fixture("integrity/tampered.json"), &name).unwrap();
    let path = name.to_str().unwrap();
    let r = run(&["--format", "json", "--now", NOW, path]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let command = v["record"]["command"].as_str().unwrap();
    assert!(!command.contains('\u{1b}'), "{command:?}");
    assert!(command.contains(r"$'") && command.contains(r"\x1b"), "{command}");
    // bash turns the command back into the same argument: the rerun reads the same file.
    let shell = format!("{} --format json {}", env!("CARGO_BIN_EXE_aeb-verify"), &command["aeb-verify ".len()..]);
    let again = Command::new("bash").arg("-c").arg(&shell).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "{shell}");
    let w: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    // Reports name the file escaped one-to-one (text::path_name), the rerun included.
    let shown = path.replace('\u{1b}', "\\u{1b}");
    assert_eq!(v["record"]["inputs"][0]["path"], shown.as_str());
    assert_eq!(w["record"]["inputs"][0]["path"], shown.as_str());
    assert_eq!(w["record"]["inputs"][0]["sha256"], v["record"]["inputs"][0]["sha256"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file name that spells CI log commands (`::`, `##[`): the human report shows the
/// recorded command with no `::` or `##` (a runner would act on them) and bash still
/// reads it back as the same file, so the rerun reaches the same verdict.
#[test]
fn a_rerun_command_names_a_file_with_log_commands_exactly() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("record-cmd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("::error::a ##[add-mask]b.json")).unwrap();
    let human = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["-v", "--now", NOW, "::error::a ##[add-mask]b.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    // The record's rerun line, wrapped at spaces: its words joined back.
    let mut lines = human.lines().skip_while(|l| !l.trim_start().starts_with("rerun "));
    let mut rerun = lines.next().unwrap().trim_start().trim_start_matches("rerun").trim().to_owned();
    for l in lines.take_while(|l| l.starts_with("            ")) {
        rerun = format!("{rerun} {}", l.trim());
    }
    let name = r"$'::error::a ##[add-mask]b.json'".replace("::", r":\x3a").replace("##", r"#\x23");
    assert_eq!(rerun, format!("aeb-verify --now {NOW} {name}"));
    let (code, first) = json_in(&["::error::a ##[add-mask]b.json"], &dir);
    let command = first["record"]["command"].as_str().unwrap();
    assert_eq!(command, rerun);
    let (again, v) = rerun_in(command, &dir);
    assert_eq!((again, code), (0, 0));
    assert_eq!(v["record"]["inputs"][0]["sha256"], first["record"]["inputs"][0]["sha256"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs a recorded command again with bash, from `dir`, as JSON.
fn rerun_in(command: &str, dir: &std::path::Path) -> (i32, serde_json::Value) {
    let shell = format!("{} --format json {}", env!("CARGO_BIN_EXE_aeb-verify"), &command["aeb-verify ".len()..]);
    let again = Command::new("bash").arg("-c").arg(&shell).current_dir(dir).output().unwrap();
    let v = serde_json::from_slice(&again.stdout)
        .unwrap_or_else(|e| panic!("{e}: {shell}\n{}", String::from_utf8_lossy(&again.stderr)));
    (again.status.code().unwrap(), v)
}

fn json_in(args: &[&str], dir: &std::path::Path) -> (i32, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--format", "json", "--now", NOW])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {args:?}"));
    (out.status.code().unwrap(), v)
}

fn verdicts(v: &serde_json::Value) -> Vec<(String, String)> {
    let bundles = v["bundles"].as_array().unwrap();
    bundles.iter().map(|b| (b["file"].as_str().unwrap().to_owned(), b["verdict"].to_string())).collect()
}

/// The record held the literal `--require-signature` flag, so `--cert K
/// --no-require-signature` (audit only, VERIFIED) and `--cert K` (a signature demanded,
/// REJECTED) had identical records, and the command dropped `--no-require-signature`
/// and `--max-signatures`: both reruns reached the opposite verdict (attacker pass 5).
#[test]
fn the_recorded_command_keeps_the_signature_policy() {
    let dir = std::env::temp_dir().join(format!("aeb-record-sig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (from, to) in [
        ("signatures/certs/ed25519.asc", "ed25519.asc"),
        ("signatures/certs/rsa3072.asc", "rsa3072.asc"),
        ("seed-example-sealed.json", "unsigned.json"),
        ("signatures/bundles/pgp-two-signers.json", "two.json"),
    ] {
        std::fs::copy(fixture(from), dir.join(to)).unwrap();
    }
    // sig-keys-imply-require.rs: supplied keys demand a signature unless
    // --no-require-signature, and the seed is unsigned.
    let (code, v) = json_in(&["--no-require-signature", "--cert", "ed25519.asc", "unsigned.json"], &dir);
    assert_eq!((code, v["verdict"].as_str()), (0, Some("verified")));
    let rec = &v["record"];
    assert_eq!((rec["require_signature"].as_bool(), rec["no_require_signature"].as_bool()), (Some(false), Some(true)));
    let command = rec["command"].as_str().unwrap();
    assert!(command.contains(" --no-require-signature "), "{command}");
    assert_eq!(rerun_in(command, &dir).0, 0, "{command}");
    let (code, v) = json_in(&["--cert", "ed25519.asc", "unsigned.json"], &dir);
    assert_eq!(code, 1);
    assert_eq!(v["record"]["require_signature"], true);
    assert_eq!(v["record"]["signature_required_by"], serde_json::json!(["--cert"]));
    assert_eq!(rerun_in(v["record"]["command"].as_str().unwrap(), &dir).0, 1);
    // Two signatures, at most one examined: sig.too-many, REJECTED; so must the rerun be.
    let (code, v) =
        json_in(&["--max-signatures", "1", "--cert", "ed25519.asc", "--cert", "rsa3072.asc", "two.json"], &dir);
    assert_eq!(code, 1);
    let rules: Vec<&str> =
        v["bundles"][0]["findings"].as_array().unwrap().iter().filter_map(|f| f["rule"].as_str()).collect();
    assert!(rules.contains(&"sig.too-many"), "{rules:?}");
    assert_eq!(v["record"]["max_signatures"], 1);
    let (again, w) = rerun_in(v["record"]["command"].as_str().unwrap(), &dir);
    assert_eq!((again, verdicts(&w)), (1, verdicts(&v)));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A tampered bundle named `-v` given after `--` was recorded without the `--`, so the
/// rerun read it as `--verbose` and VERIFIED the good bundle alone; a certificate file
/// named `-k, 2026.asc` was split at ", " into two files that do not exist.
#[test]
fn the_recorded_command_keeps_names_that_look_like_options() {
    let dir = std::env::temp_dir().join(format!("aeb-record-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("signatures/certs/ed25519.asc"), dir.join("-k, 2026.asc")).unwrap();
    std::fs::copy(fixture("signatures/bundles/pgp-tampered.json"), dir.join("-v")).unwrap();
    std::fs::copy(fixture("signatures/bundles/pgp-ed25519.json"), dir.join("good.json")).unwrap();
    let (code, v) = json_in(&["--cert=-k, 2026.asc", "--", "-v", "good.json"], &dir);
    assert_eq!(code, 1);
    let want = vec![("-v".to_owned(), "\"rejected\"".to_owned()), ("good.json".to_owned(), "\"verified\"".to_owned())];
    assert_eq!(verdicts(&v), want);
    let command = v["record"]["command"].as_str().unwrap();
    let (again, w) = rerun_in(command, &dir);
    assert_eq!((again, verdicts(&w)), (1, want), "{command}");
    assert_eq!(w["record"]["keys"][0]["file"], "-k, 2026.asc");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Attacker pass 9: a directory run that `--strict` rejected only for entries its walk
/// left out unverified (a link named like a bundle, leading outside) recorded a command
/// naming the files it read, which verify: rerun, the recorded command said VERIFIED,
/// exit 0, for a run that was REJECTED, exit 1. Such a command now names the
/// directory as given, with `--follow` and `--exclude`, and walking it again leaves
/// the same entry out; `inputs` still lists each file read with its hash. A run whose
/// verdict does not rest on the walk keeps naming the files read.
#[test]
fn a_run_rejected_for_what_its_walk_left_out_records_a_command_that_walks_again() {
    let dir = std::env::temp_dir().join(format!("aeb-record-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("delivery/drafts")).unwrap();
    std::fs::copy(fixture("audit/pass-honest-roi-from-costs.json"), dir.join("delivery/a.json")).unwrap();
    std::fs::copy(fixture("read/bom.json"), dir.join("delivery/drafts/x.json")).unwrap();
    std::fs::copy(fixture("read/bom.json"), dir.join("outside.json")).unwrap();
    std::os::unix::fs::symlink("../outside.json", dir.join("delivery/evidence.json")).unwrap();
    let key = format!(
        "arn:aws:kms:eu-west-1:111122223333:key/0a0b0c0d-aeb0-4000-8000-a0d17f1c7e51={}",
        fixture("audit/keys/audit-ed25519.pub.pem").display()
    );
    let a_sha = sha256sum(dir.join("delivery/a.json").to_str().unwrap());
    for follow in [false, true] {
        let mut args = vec!["--strict", "--exclude", "drafts", "--kms-key", &key, "delivery"];
        if follow {
            args.insert(0, "--follow");
        }
        let (code, v) = json_in(&args, &dir);
        assert_eq!((code, v["verdict"].as_str()), (1, Some("rejected")), "{}", v["skipped"]);
        assert_eq!(v["summary"]["verified"], 1, "{}", v["summary"]);
        let inputs = v["record"]["inputs"].as_array().unwrap();
        assert_eq!(inputs.len(), 1, "{inputs:?}");
        assert_eq!(
            (inputs[0]["path"].as_str(), inputs[0]["sha256"].as_str()),
            (Some("delivery/a.json"), Some(a_sha.as_str()))
        );
        let command = v["record"]["command"].as_str().unwrap();
        let walk = if follow { "--follow --exclude drafts delivery" } else { "--exclude drafts delivery" };
        assert!(command.ends_with(&format!(" --kms-key {key} {walk}")), "{command}");
        let (again, w) = rerun_in(command, &dir);
        assert_eq!((again, w["verdict"].as_str()), (1, Some("rejected")), "{command}\n{}", w["skipped"]);
        assert_eq!(w["record"]["command"], command);
    }
    // The human report of this one-bundle run shows the run's command, not the bundle's.
    let human = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--now", NOW, "--color", "never", "--strict", "--exclude", "drafts", "--kms-key", &key, "delivery"])
        .env("COLUMNS", "400")
        .current_dir(&dir)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&human.stdout);
    let rerun = shown.lines().find(|l| l.starts_with("  rerun ")).unwrap_or_else(|| panic!("{shown}"));
    assert!(rerun.ends_with(&format!(" --kms-key {key} --exclude drafts delivery")), "{rerun}");
    // Not strict: the link is a notice, the verdict rests on the file read, named.
    let (code, v) = json_in(&["--exclude", "drafts", "--kms-key", &key, "delivery"], &dir);
    assert_eq!(code, 0, "{}", v["summary"]);
    let command = v["record"]["command"].as_str().unwrap();
    assert!(command.ends_with(&format!(" --kms-key {key} delivery/a.json")), "{command}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The record lists the inputs, and its command the paths, in the order given: a path
/// that could not be used was listed first whatever its place (`a.json missing.json
/// b.json` was recorded as `missing.json a.json b.json`), so the command was not the one
/// run. A directory's files stand at its place, after a file named twice is read once.
#[test]
fn the_record_lists_unusable_paths_where_they_were_given() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("record-order");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    for f in ["a.json", "b.json", "d/c.json"] {
        std::fs::copy(fixture("seed-example-sealed.json"), dir.join(f)).unwrap();
    }
    let given = ["a.json", "missing.json", "b.json", "a.json", "empty", "d", "gone.json"];
    let mut args = vec!["--format", "json", "--now", NOW];
    args.extend(given);
    let r = common::run_in(&dir, &args);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let paths: Vec<&str> =
        v["record"]["inputs"].as_array().unwrap().iter().map(|i| i["path"].as_str().unwrap()).collect();
    // As given, the second a.json read once (listed as read already) and d as its file.
    let want = ["a.json", "missing.json", "b.json", "empty", "d/c.json", "gone.json"];
    assert_eq!(paths, want);
    let command = v["record"]["command"].as_str().unwrap();
    assert!(command.ends_with(&format!("{NOW} {}", want.join(" "))), "{command}");
    let (code, again) = rerun_in(command, &dir);
    assert_eq!(code, 2);
    assert_eq!(again["record"]["command"], command);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A `--kms-key` file is named as every report names a file (`text::path_name`), as
/// `--cert` files and inputs are: the record wrote its name raw, so a key file holding
/// ESC and one whose name spells `\u{1b}` showed alike in the human report (two keys,
/// one name), and `keys[].file` wrote `a\b.pem` where a `--cert` file's or an input's
/// field writes `a\\b.pem`. The recorded command still names the same files.
#[test]
fn a_kms_key_file_is_named_as_reports_name_files() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("record-kms-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("signatures/bundles/kms-ed25519.json"), dir.join("k.json")).unwrap();
    let key = fixture("signatures/kms/ed25519.pem");
    let id = "projects/aeb-demo/locations/europe-west1/keyRings/evidence/cryptoKeys/ed25519/cryptoKeyVersions/1";
    for (file, shown) in
        [("e\u{1b}d.pem", r"e\u{1b}d.pem"), (r"e\u{1b}d.pem", r"e\\u{1b}d.pem"), (r"a\b.pem", r"a\\b.pem")]
    {
        std::fs::copy(&key, dir.join(file)).unwrap();
        let spec = format!("{id}={file}");
        let (code, v) = json_in(&["--kms-key", &spec, "k.json"], &dir);
        assert_eq!(code, 0, "{file:?}: {v}");
        assert_eq!(v["verdict"], "verified");
        assert_eq!(v["record"]["keys"][0]["file"], shown, "{file:?}");
        assert_eq!(v["bundles"][0]["signatures"][0]["issuer"], format!("Ed25519 key {shown}"), "{file:?}");
        let human = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--now", NOW, "--kms-key", &spec, "k.json"])
            .current_dir(&dir)
            .output()
            .unwrap();
        let human = String::from_utf8(human.stdout).unwrap();
        assert!(human.contains(&format!("  key       {shown}\n")), "{file:?}: {human}");
        let command = v["record"]["command"].as_str().unwrap();
        let (again, w) = rerun_in(command, &dir);
        assert_eq!(again, 0, "{command}");
        assert_eq!(w["record"]["keys"][0]["file"], shown, "{command}");
        assert_eq!(w["record"]["keys"][0]["id"], v["record"]["keys"][0]["id"]);
        std::fs::remove_file(dir.join(file)).unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--min-signers N`, the `--signer` pins and the `--deny-pattern`s are part of the
/// policy a verdict was reached under, and every format's record states them, not only
/// its rerun command: Markdown, HTML and JUnit said "signature required (--signer,
/// --min-signers, --cert)" without N or the keys pinned, and listed no deny pattern.
#[test]
fn every_format_states_min_signers_pins_and_deny_patterns() {
    let (ed, rsa) = (fpr(), {
        let list = std::fs::read_to_string(fixture("signatures/certs/fingerprints.txt")).unwrap();
        list.lines().find_map(|l| l.strip_prefix("rsa3072 ")).unwrap().split_whitespace().next().unwrap().to_owned()
    });
    let (c1, c2) = (fixture("signatures/certs/ed25519.asc"), fixture("signatures/certs/rsa3072.asc"));
    let bundle = fixture("signatures/bundles/pgp-two-signers.json");
    let args = |format: &'static str| -> Vec<String> {
        [
            "--format",
            format,
            "--now",
            NOW,
            "--profile",
            "public",
            "--deny-pattern",
            "ACME-[0-9]+",
            "--cert",
            c1.to_str().unwrap(),
            "--cert",
            c2.to_str().unwrap(),
            "--min-signers",
            "2",
            "--signer",
            &ed,
            "--signer",
            &rsa,
            bundle.to_str().unwrap(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let go = |format: &'static str| run(&args(format).iter().map(String::as_str).collect::<Vec<_>>());
    // Both pinned signers verified; rejected for the seed's run_seed and training.params (public profile).
    let r = go("json");
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["bundles"][0]["verdict"], "rejected");
    assert_finding(&v["bundles"][0], "redaction.run-seed", "/run_seed", 7, 15);
    assert_eq!(v["record"]["min_signers"], 2);
    // The record's lines wrapped at 80 columns, joined back.
    let human = go("human").stdout.replace("\n            ", " ");
    assert!(human.contains(&format!("min 2 signers · signers {ed}, {rsa}\n")), "{human}");
    assert!(human.contains("\n  deny      ACME-[0-9]+\n"), "{human}");
    let md = go("markdown").stdout;
    let policy = md.lines().find(|l| l.starts_with("| policy |")).unwrap();
    assert!(policy.ends_with(&format!(", min 2 signers, signers `{ed}`, `{rsa}` |")), "{policy}");
    assert!(md.contains("\n| deny | `ACME-[0-9]+` |\n"), "{md}");
    let html = go("html").stdout;
    let pins = format!(
        ", min 2 signers, signers <span class=\"mono\"><bdi>{ed}</bdi></span>, <span class=\"mono\"><bdi>{rsa}</bdi></span></td>"
    );
    assert!(html.contains(&pins), "{html}");
    assert!(html.contains("<th>deny</th><td><span class=\"mono\"><bdi>ACME-[0-9]+</bdi></span></td>"), "{html}");
    let junit = go("junit").stdout;
    for p in [
        "<property name=\"aeb-verify.min-signers\" value=\"2\"/>".to_owned(),
        format!("<property name=\"aeb-verify.signer\" value=\"{ed}\"/>"),
        format!("<property name=\"aeb-verify.signer\" value=\"{rsa}\"/>"),
        "<property name=\"aeb-verify.deny-pattern\" value=\"ACME-[0-9]+\"/>".to_owned(),
    ] {
        assert!(junit.contains(&p), "{p} in {junit}");
    }
}

/// `--exclude` and `--follow` decide which files of a directory are verified at all,
/// and every format's record states them: `--exclude 'rejected*'` over a delivery left
/// its rejected bundle out, and the report of that VERIFIED run (its inputs, its
/// command naming the files read) said nowhere that a pattern had left anything out.
#[test]
fn every_format_states_the_walk_options() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("record-walk");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::copy(fixture("signatures/unsigned.json"), dir.join("d/a.json")).unwrap();
    std::fs::copy(fixture("signatures/bundles/pgp-tampered.json"), dir.join("d/rejected-1.json")).unwrap();
    let go = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--format", format, "--now", NOW, "--follow", "--exclude", "rejected*", "--exclude", "a b", "d"])
            .current_dir(&dir)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, json) = go("json");
    assert_eq!(code, Some(0), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["verdict"], "verified");
    assert_eq!(v["bundles"].as_array().unwrap().len(), 1);
    assert_eq!(v["bundles"][0]["file"], "d/a.json");
    assert_finding(&v["bundles"][0], "sig.none", "/signatures", 55, 17);
    assert_eq!(
        (v["record"]["follow"].as_bool(), &v["record"]["exclude"]),
        (Some(true), &serde_json::json!(["rejected*", "a b"]))
    );
    let (_, human) = go("human");
    assert!(human.contains("\n  walk      --follow · --exclude rejected* · --exclude \"a b\"\n"), "{human}");
    let (_, md) = go("markdown");
    assert!(md.contains("\n| walk | `--follow`, `--exclude` `rejected*`, `--exclude` `a b` |\n"), "{md}");
    let (_, html) = go("html");
    assert!(html.contains("<th>walk</th><td><span class=\"mono\">--follow</span>, <span class=\"mono\">--exclude <bdi>rejected*</bdi></span>"), "{html}");
    let (_, junit) = go("junit");
    for p in [
        "aeb-verify.follow\" value=\"true\"",
        "aeb-verify.exclude\" value=\"rejected*\"",
        "aeb-verify.exclude\" value=\"a b\"",
    ] {
        assert!(junit.contains(p), "{p} in {junit}");
    }
    let (_, sarif) = go("sarif");
    let s: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(s["runs"][0]["invocations"][0]["properties"]["record"]["exclude"][0], "rejected*");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The record says what the context checks held the bundle to in every format, as JSON
/// and SARIF do (`record.artifacts[].sha256`, `record.table.version`): the human,
/// Markdown, HTML and JUnit records named `--artifact schema=FILE` and `--table DIR` only
/// inside the command, so a report whose `context.artifact-hash` passed did not say which
/// bytes the file held (it may change after the audit), nor which version of the table
/// was read. The hash here is sha2's over the file, the version the last commit file in
/// the table's `_delta_log`.
#[test]
fn every_format_records_the_artifacts_and_the_table_read() {
    use sha2::{Digest, Sha256};
    let artifact = fixture("context/artifacts/schema.json");
    let sha: String = Sha256::digest(std::fs::read(&artifact).unwrap()).iter().map(|b| format!("{b:02x}")).collect();
    let table = fixture("tables/appends");
    let version = std::fs::read_dir(table.join("_delta_log"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".json")?.parse::<u64>().ok())
        .max()
        .unwrap();
    let bundle = fixture("tables/bundles/appends.json");
    let spec = format!("schema={}", artifact.display());
    let (t, b) = (table.to_str().unwrap(), bundle.to_str().unwrap());
    for format in ["human", "markdown", "html", "junit"] {
        let r = run(&["--format", format, "--now", NOW, "--artifact", &spec, "--table", t, b]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        // The record comes before the findings (a finding may quote the hash too).
        let end = ["\nerror[", "## Findings", "<h2>Findings", "<testcase"]
            .iter()
            .filter_map(|m| r.stdout.find(m))
            .min()
            .unwrap_or(r.stdout.len());
        let record = &r.stdout[..end];
        assert!(record.contains(&sha), "{format}: no sha256 of the artifact in the record: {record}");
        assert!(record.contains(&format!("version {version}")), "{format}: {record}");
    }
}
