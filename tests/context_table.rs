//! `--table DIR`: every case of fixtures/tables/expectations.json, written by
//! fixtures/tables/make-tables.py with the real Delta writer (deltalake). Exit code, the
//! status of each context rule, the live record count the report states (which the
//! script checked against `DeltaTable(...).to_pyarrow_table().num_rows`), and what the
//! findings must say.

mod common;
use common::{commit, run, scratch};
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn expectations() -> Value {
    let text = std::fs::read_to_string(root().join("fixtures/tables/expectations.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// 1000 -> "1,000", as reports group counts.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn context_text(bundle: &Value) -> String {
    bundle["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["section"] == "Context")
        .map(|f| format!("{} {} {} {}\n", f["rule"], f["message"], f["expected"], f["found"]))
        .collect()
}

#[test]
fn every_table_case() {
    let e = expectations();
    let now = e["now"].as_str().unwrap();
    for case in e["cases"].as_array().unwrap() {
        let table = root().join(case["table"].as_str().unwrap()).display().to_string();
        let mut args: Vec<String> =
            vec!["--format".into(), "json".into(), "--now".into(), now.into(), "--table".into(), table];
        args.extend(case["args"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()));
        if let Some(b) = case["bundle"].as_str() {
            args.push(root().join(b).display().to_string());
        }
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&argv);
        let want_exit = case["exit"].as_i64().unwrap();
        assert_eq!(r.code as i64, want_exit, "{case}\nstderr: {}\nstdout: {}", r.stderr, r.stdout);
        let says: Vec<&str> = case["says"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        if want_exit == 2 {
            for s in says {
                assert!(r.stderr.contains(s), "{case}: stderr should say {s:?}: {}", r.stderr);
            }
            continue;
        }
        let report: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stderr));
        let bundle = &report["bundles"][0];
        let text = context_text(bundle);
        for (rule, status) in case["checks"].as_object().unwrap() {
            let check = bundle["checks"].as_array().unwrap().iter().find(|c| c["rule"] == rule.as_str());
            let got = check.map(|c| c["status"].clone()).unwrap_or(Value::Null);
            assert_eq!(&got, status, "{case}: {rule}\n{text}");
        }
        if let Some(live) = case["live_records"].as_u64() {
            let phrase = format!("{} live records", grouped(live));
            assert!(text.contains(&phrase), "{case}: should state {phrase:?}:\n{text}");
        }
        for s in says {
            assert!(text.contains(s), "{case}: should say {s:?}:\n{text}");
        }
    }
}

#[test]
fn live_counts_agree_with_the_python_reader() {
    let e = expectations();
    let appends = root().join("fixtures/tables/bundles/appends.json").display().to_string();
    for (name, t) in e["tables"].as_object().unwrap() {
        let Some(pyarrow) = t["pyarrow_num_rows"].as_u64() else { continue };
        let dir = root().join("fixtures/tables").join(name).display().to_string();
        let r = run(&["--format", "json", "--now", e["now"].as_str().unwrap(), "--table", &dir, &appends]);
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        let text = context_text(&report["bundles"][0]);
        if text.contains("lower bound") {
            // Files without statistics: the count the report states is at most the rows
            // the Python reader finds.
            let stated = text
                .split("at least ")
                .nth(1)
                .and_then(|rest| rest.split(" live records").next())
                .map(|n| n.replace(',', "").parse::<u64>().unwrap())
                .unwrap_or_else(|| panic!("{name}: no lower bound stated:\n{text}"));
            assert!(stated <= pyarrow, "{name}: states at least {stated}, pyarrow reads {pyarrow} rows");
        } else {
            assert!(
                text.contains(&format!("{} live records", grouped(pyarrow))),
                "{name}: {pyarrow} rows per pyarrow:\n{text}"
            );
        }
    }
}

#[test]
fn no_table_is_skip_with_its_reason() {
    let b = root().join("fixtures/tables/bundles/appends.json").display().to_string();
    let r = run(&["--format", "json", "--now", "2030-01-01T00:00:00Z", &b]);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let checks = report["bundles"][0]["checks"].as_array().unwrap();
    let c = checks.iter().find(|c| c["rule"] == "context.table-records").unwrap();
    assert_eq!((c["status"].as_str(), c["reason"].as_str()), (Some("skip"), Some("no --table given")));
}

#[test]
fn a_directory_that_is_no_table_is_exit_2() {
    let b = root().join("fixtures/tables/bundles/appends.json").display().to_string();
    for (dir, says) in [("fixtures/tables/bundles", "no _delta_log"), ("fixtures/tables/nonexistent", "nonexistent")] {
        let d = root().join(dir).display().to_string();
        let r = run(&["--table", &d, &b]);
        assert_eq!(r.code, 2, "{dir}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{dir}: {}", r.stderr);
    }
    let r = run(&["--table-version", "3", &b]);
    assert_eq!(r.code, 2, "--table-version needs --table");
    let d = root().join("fixtures/tables/appends").display().to_string();
    let r = run(&["--format", "json", "--table", &d, "--table-version", "99", &b]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("the log ends at version 4"), "{}", r.stdout);
}

#[test]
fn the_record_pins_the_table_version_for_a_rerun() {
    // overwritten: versions 0-4 (write, append, overwrite, delete, set property).
    let d = root().join("fixtures/tables/overwritten").display().to_string();
    let b = root().join("fixtures/tables/bundles/overwritten.json").display().to_string();
    let a = root().join("fixtures/context/artifacts/schema.json").display().to_string();
    let art = format!("schema={a}");
    let r = run(&["--format", "json", "--now", "2030-01-01T00:00:00Z", "--table", &d, "--artifact", &art, &b]);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let record = &report["record"];
    assert_eq!(record["table"]["version"], 4);
    assert_eq!(record["artifacts"][0]["name"], "schema");
    let command = record["command"].as_str().unwrap();
    assert!(command.contains("--table-version 4") && command.contains("--artifact"), "{command}");
}

/// overwritten keeps one live file after its overwrite and delete (the Python deltalake
/// reader lists one file and 40 rows): "1 live file", not "1 live files".
#[test]
fn one_live_file_is_one_file() {
    let d = root().join("fixtures/tables/overwritten").display().to_string();
    let b = root().join("fixtures/tables/bundles/overwritten.json").display().to_string();
    let r = run(&["--now", "2030-01-01T00:00:00Z", "--color", "never", "--table", &d, &b]);
    let text = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("40 live records in 1 live file;") || text.contains("40 live records in 1 live file "),
        "{text}"
    );
    assert!(!text.contains("1 live files"), "{text}");
}

/// Status and finding of one rule in a bundle report.
fn check_of<'a>(bundle: &'a Value, rule: &str) -> (Value, Option<&'a Value>) {
    let status = bundle["checks"].as_array().unwrap().iter().find(|c| c["rule"] == rule).map(|c| c["status"].clone());
    let finding = bundle["findings"].as_array().unwrap().iter().find(|f| f["rule"] == rule);
    (status.unwrap_or(Value::Null), finding)
}

#[test]
fn the_count_implied_by_the_costs_is_held_against_the_table() {
    // The seed states no records_processed: its total_cost_usd / cost_per_record implies
    // the count (read here from the seed itself), and its prose claims "1 billion records".
    let seed_path = root().join("fixtures/seed-example-sealed.json");
    let seed: Value = serde_json::from_str(&std::fs::read_to_string(&seed_path).unwrap()).unwrap();
    let costs = &seed["cost_analysis"]["platform_costs"];
    assert!(costs.get("records_processed").is_none());
    let implied =
        (costs["total_cost_usd"].as_f64().unwrap() / costs["cost_per_record"].as_f64().unwrap()).round() as u64;
    assert_eq!(implied, 1_000_000);
    let seed_arg = seed_path.display().to_string();
    let verify = |table: &std::path::Path| {
        let t = table.display().to_string();
        let r = run(&["--format", "json", "--now", "2030-01-01T00:00:00Z", "--table", &t, &seed_arg]);
        let report: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
        (r.code, report["bundles"][0].clone())
    };

    // appends: 1,000 live records (pyarrow), far from 1,000,000: an error.
    let (code, bundle) = verify(&root().join("fixtures/tables/appends"));
    assert_eq!(code, 1);
    let (status, finding) = check_of(&bundle, "context.table-records");
    assert_eq!(status, "fail");
    let finding = finding.unwrap();
    assert_eq!(finding["pointer"], "/cost_analysis/platform_costs/cost_per_record");
    assert!(finding["expected"].as_str().unwrap().contains("1,000 records"), "{finding}");
    assert!(finding["found"].as_str().unwrap().contains("(implied"), "{finding}");
    assert_eq!(check_of(&bundle, "context.table-records-claimed").0, "warn");

    // The same table grown to 1,000,000 live records by one more commit: the implied
    // count agrees, and the claim of a billion still does not.
    let t = scratch("appends", "implied");
    let text = std::fs::read_to_string(commit(&t, 4)).unwrap();
    let mut add: Value =
        text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).find(|a| a.get("add").is_some()).unwrap();
    add["add"]["path"] = Value::String("part-big.parquet".into());
    add["add"]["stats"] = Value::String(format!("{{\"numRecords\":{}}}", 1_000_000 - 1000));
    let info = serde_json::json!({"commitInfo": {"timestamp": 1893456000000i64, "operation": "WRITE"}});
    std::fs::write(commit(&t, 5), format!("{info}\n{add}\n")).unwrap();
    let (_, bundle) = verify(&t);
    assert_eq!(check_of(&bundle, "context.table-records").0, "pass", "{}", bundle["findings"]);
    assert_eq!(check_of(&bundle, "context.table-records-claimed").0, "warn");
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The property names the bundle's file by its bytes: a file name that is not UTF-8
/// matches only its own bytes (before, `%FF.json` matched a file `\xfe.json`, both read
/// as U+FFFD), and a name the reports escape (a backslash) still matches its file.
#[test]
fn the_property_names_a_file_by_its_bytes() {
    use std::os::unix::ffi::OsStrExt as _;
    let t = scratch("appends", "bytes");
    let dir = t.parent().unwrap().to_path_buf();
    let bundle = std::fs::read(root().join("fixtures/tables/bundles/appends.json")).unwrap();
    let status = |property: &str, file: &[u8]| {
        let text = std::fs::read_to_string(commit(&t, 3)).unwrap();
        let text = text.replace("\"../bundles/appends.json\"", &format!("\"../bundles/{property}\""));
        assert!(text.contains(property));
        std::fs::write(commit(&t, 3), text).unwrap();
        let path = dir.join(std::ffi::OsStr::from_bytes(file));
        std::fs::write(&path, &bundle).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--format", "json", "--now", "2030-01-01T00:00:00Z", "--table"])
            .arg(&t)
            .arg(&path)
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let _ = std::fs::remove_file(&path);
        // Back to the fixture's property for the next case.
        let text = std::fs::read_to_string(commit(&t, 3)).unwrap();
        std::fs::write(
            commit(&t, 3),
            text.replace(&format!("\"../bundles/{property}\""), "\"../bundles/appends.json\""),
        )
        .unwrap();
        check_of(&report["bundles"][0], "context.table-references-bundle").0
    };
    assert_eq!(status("%FF.json", b"\xff.json"), "pass");
    assert_eq!(status("%FF.json", b"\xfe.json"), "fail");
    assert_eq!(status("a%5Cb.json", b"a\\b.json"), "pass");
    assert_eq!(status("a%5Cb.json", b"a\\\\b.json"), "fail");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A commit with no time of its own (no `inCommitTimestamp`, no `commitInfo`) is dated by
/// its file's modification time, which whoever wrote the copy sets. Before, a far-future
/// time made `context.table-generated-before` PASS for any bundle; now it is SKIP, while a
/// modification time before `generated_at` (2025-08-10T12:00:00Z, the bundle's) still
/// fails, since a copy is written after its commit.
#[test]
fn a_modification_time_can_fail_the_date_but_never_pass_it() {
    let t = scratch("appends", "mtime");
    let bundle = root().join("fixtures/tables/bundles/appends.json");
    let text = std::fs::read_to_string(commit(&t, 3)).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("{\"commitInfo\"")).collect();
    assert!(kept.len() < text.lines().count(), "version 3 had a commitInfo");
    assert!(kept.iter().any(|l| l.contains("aethergen.evidence_uri")), "version 3 sets the property");
    std::fs::write(commit(&t, 3), kept.join("\n") + "\n").unwrap();
    let at = |unix: u64| {
        let file = std::fs::File::options().write(true).open(commit(&t, 3)).unwrap();
        file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix)).unwrap();
        drop(file);
        let r = run(&[
            "--format",
            "json",
            "--now",
            "2030-01-01T00:00:00Z",
            "--table",
            &t.display().to_string(),
            &bundle.display().to_string(),
        ]);
        let report: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
        let bundle = report["bundles"][0].clone();
        let (status, finding) = check_of(&bundle, "context.table-generated-before");
        let reason = bundle["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["rule"] == "context.table-generated-before")
            .map(|c| c["reason"].clone());
        (status, finding.cloned(), reason)
    };
    // 2099-01-01: after generated_at, so nothing is confirmed.
    let (status, finding, reason) = at(4_070_908_800);
    assert_eq!(status, "skip");
    assert!(finding.is_none());
    let reason = reason.unwrap().to_string();
    assert!(reason.contains("modification time (2099-01-01T00:00:00Z)"), "{reason}");
    // 2025-01-01: before generated_at, so the bundle came too late.
    let (status, finding, _) = at(1_735_689_600);
    assert_eq!(status, "fail");
    let finding = finding.unwrap();
    assert_eq!(finding["pointer"], "/generated_at");
    assert_eq!(finding["expected"], "at or before 2025-01-01T00:00:00Z");
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}
