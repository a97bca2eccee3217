//! `--table` on a hostile table directory: symbolic links, a FIFO, a malformed or
//! missing commit, an impossible deletion vector, control characters and a `file:` URI in
//! the property, and a large log (linear time). Each table is a copy of a fixture of
//! fixtures/tables/ (see make-tables.py) changed the way the test says.

mod common;
use common::{commit, run, scratch};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn verify(table: &Path, bundle: Option<&str>, format: &str) -> common::Run {
    let t = table.display().to_string();
    let mut args = vec!["--format", format, "--now", "2030-01-01T00:00:00Z", "--table", &t];
    let b = bundle.map(|b| root().join(b).display().to_string());
    if let Some(b) = &b {
        args.push(b);
    }
    run(&args)
}

const APPENDS: &str = "fixtures/tables/bundles/appends.json";

/// Exit 1 with a `context.table-log` finding that says `says`.
#[track_caller]
fn assert_unreadable(table: &Path, says: &str) {
    let r = verify(table, Some(APPENDS), "json");
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let f =
        report["bundles"][0]["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "context.table-log").cloned();
    let message = f.map(|f| f["message"].as_str().unwrap().to_owned()).unwrap_or_default();
    assert!(message.contains(says), "should say {says:?}: {message}");
    let _ = std::fs::remove_dir_all(table.parent().unwrap());
}

#[test]
fn symbolic_links_are_not_followed() {
    let t = scratch("appends", "symlog");
    std::fs::remove_dir_all(t.join("_delta_log")).unwrap();
    std::os::unix::fs::symlink(root().join("fixtures/tables/appends/_delta_log"), t.join("_delta_log")).unwrap();
    assert_unreadable(&t, "symbolic link");

    let t = scratch("appends", "symcommit");
    std::fs::remove_file(commit(&t, 4)).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", commit(&t, 4)).unwrap();
    assert_unreadable(&t, "symbolic link");
}

#[test]
fn a_fifo_named_like_a_commit_does_not_block() {
    let t = scratch("appends", "fifo");
    std::fs::remove_file(commit(&t, 4)).unwrap();
    let made = std::process::Command::new("mkfifo").arg(commit(&t, 4)).status().unwrap();
    assert!(made.success());
    assert_unreadable(&t, "not a regular file");
}

#[test]
fn a_malformed_line_names_its_file_and_line() {
    let t = scratch("appends", "garbage");
    let text = std::fs::read_to_string(commit(&t, 1)).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(1, "{\"add\": not json}");
    std::fs::write(commit(&t, 1), lines.join("\n") + "\n").unwrap();
    assert_unreadable(&t, "00000000000000000001.json line 2 is not a Delta action");
}

#[test]
fn a_missing_commit_is_named() {
    let t = scratch("appends", "gap");
    std::fs::remove_file(commit(&t, 2)).unwrap();
    assert_unreadable(&t, "commit 2 (00000000000000000002.json) is missing");
}

#[test]
fn a_deletion_vector_larger_than_its_file_is_refused() {
    let t = scratch("deletion-vectors", "dv");
    let text = std::fs::read_to_string(commit(&t, 1)).unwrap().replace("\"cardinality\":7", "\"cardinality\":1000");
    std::fs::write(commit(&t, 1), text).unwrap();
    assert_unreadable(&t, "deletes 1000 rows of a file of 100");
}

/// Appends a commit that sets the property to `uri`, keeping the rest of the metaData.
fn set_property(table: &Path, version: u64, uri: &str) {
    let text = std::fs::read_to_string(commit(table, 3)).unwrap();
    let mut meta: Value =
        text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).find(|a| a.get("metaData").is_some()).unwrap();
    meta["metaData"]["configuration"]["aethergen.evidence_uri"] = Value::String(uri.to_owned());
    let info = serde_json::json!({"commitInfo": {"timestamp": 1893456000000i64, "operation": "SET TBLPROPERTIES"}});
    std::fs::write(commit(table, version), format!("{info}\n{meta}\n")).unwrap();
}

#[test]
fn a_file_uri_in_the_property_is_verified_from_the_table() {
    // A bundle kept inside the table directory, named by an absolute file: URI (with and
    // without the host localhost) and by a relative path.
    let t = scratch("appends", "fileuri");
    std::fs::create_dir(t.join("evidence")).unwrap();
    let bundle = t.join("evidence/appends.json");
    std::fs::copy(root().join(APPENDS), &bundle).unwrap();
    for (version, uri) in [
        (5, format!("file://{}", bundle.display())),
        (6, format!("file://localhost{}", bundle.display())),
        (7, "evidence/appends.json".to_owned()),
    ] {
        set_property(&t, version, &uri);
        let r = verify(&t, None, "json");
        assert_eq!(r.code, 0, "{uri}: {}\n{}", r.stderr, r.stdout);
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        let file = report["bundles"][0]["file"].as_str().unwrap().to_owned();
        assert!(file.ends_with("evidence/appends.json"), "{uri}: {file}");
    }
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn a_table_cannot_make_the_tool_read_a_json_file_outside_it() {
    // A credentials file shaped like gcloud's application_default_credentials.json, next to
    // the table: named by an absolute URI, a relative climb or an encoded one, it is not
    // read (with --verbose its members would be quoted), and exit 2 says why.
    let t = scratch("appends", "leak");
    let secret = t.parent().unwrap().join("application_default_credentials.json");
    std::fs::write(&secret, "{\"client_secret\": \"hunter2-secret\", \"refresh_token\": \"1//tok\"}\n").unwrap();
    for (version, uri) in [
        (5, format!("file://{}", secret.display())),
        (6, "../application_default_credentials.json".to_owned()),
        (7, "..%2Fapplication_default_credentials.json".to_owned()),
    ] {
        set_property(&t, version, &uri);
        let r = run(&["--verbose", "--table", &t.display().to_string()]);
        assert_eq!(r.code, 2, "{uri}: {}", r.stdout);
        assert!(r.stderr.contains("which is not inside the table directory"), "{uri}: {}", r.stderr);
        assert!(!r.stdout.contains("hunter2") && !r.stderr.contains("hunter2"), "{uri}: {}", r.stdout);
    }
    // file://HOST/path is a file on another host, not ./HOST/path.
    std::fs::create_dir(t.join("evil.example")).unwrap();
    std::fs::copy(root().join(APPENDS), t.join("evil.example/appends.json")).unwrap();
    set_property(&t, 8, "file://evil.example/appends.json");
    let r = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--table"])
        .arg(&t)
        .current_dir(&t)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("a file on the host \"evil.example\", which cannot be read offline"), "{stderr}");
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The evidence property written twice in one metaData names two bundles: Jackson and
/// serde keep the last, other readers the first. The log is refused, not read either way.
#[test]
fn the_evidence_property_written_twice_is_refused() {
    let t = scratch("appends", "twice");
    set_property(&t, 5, "s3://bucket/FIRST.json");
    let text = std::fs::read_to_string(commit(&t, 5)).unwrap();
    let twice = text.replacen(
        "\"aethergen.evidence_uri\":\"s3://bucket/FIRST.json\"",
        "\"aethergen.evidence_uri\":\"s3://bucket/FIRST.json\",\"aethergen.evidence_uri\":\"s3://bucket/SECOND.json\"",
        1,
    );
    assert_ne!(text, twice);
    std::fs::write(commit(&t, 5), twice).unwrap();
    assert_unreadable(&t, "00000000000000000005.json line 2 is not a Delta action (the table property aethergen.evidence_uri is set twice in one metaData");
}

#[test]
fn control_characters_in_the_property_are_escaped() {
    let t = scratch("appends", "control");
    set_property(&t, 5, "s3://bucket/\u{1b}[2J\u{1b}]0;VERIFIED\u{7}evil.json");
    let r = verify(&t, Some(APPENDS), "human");
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{7}'), "raw control characters: {:?}", r.stdout);
    let alone = verify(&t, None, "human");
    assert_eq!(alone.code, 2);
    assert!(!alone.stderr.contains('\u{1b}'), "{:?}", alone.stderr);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn a_large_log_is_read_in_linear_time() {
    // 100,000 files added in one commit and removed in the next but 10: 10 live records.
    let t = scratch("appends", "large");
    let mut adds = String::from("{\"commitInfo\":{\"timestamp\":1893456000000}}\n");
    let mut removes = adds.clone();
    for i in 0..100_000 {
        adds.push_str(&format!(
            "{{\"add\":{{\"path\":\"f{i}.parquet\",\"partitionValues\":{{}},\"size\":1,\"modificationTime\":0,\"dataChange\":true,\"stats\":\"{{\\\"numRecords\\\":1}}\"}}}}\n"
        ));
        if i >= 10 {
            removes.push_str(&format!("{{\"remove\":{{\"path\":\"f{i}.parquet\",\"dataChange\":true}}}}\n"));
        }
    }
    std::fs::write(commit(&t, 5), adds).unwrap();
    std::fs::write(commit(&t, 6), removes).unwrap();
    let start = std::time::Instant::now();
    let r = verify(&t, Some(APPENDS), "json");
    let took = start.elapsed();
    assert!(r.stdout.contains("1,010 live records in 14 live files"), "{}", r.stdout);
    assert!(took.as_secs() < 20, "took {took:?}");
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn huge_version_numbers_and_part_counts_cost_nothing() {
    // A commit named version 10^19 - 1 and a checkpoint claiming 9,999,999,999 parts: the
    // reader must not walk the span of versions or parts.
    let t = scratch("appends", "huge");
    let log = t.join("_delta_log");
    std::fs::write(log.join("09999999999999999999.json"), "{\"commitInfo\":{}}\n").unwrap();
    std::fs::write(log.join("00000000000000000002.checkpoint.0000000001.9999999999.parquet"), b"PAR1").unwrap();
    let start = std::time::Instant::now();
    let r = verify(&t, Some(APPENDS), "json");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert!(r.stdout.contains("commit 5 (00000000000000000005.json) is missing"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn a_table_cannot_make_the_tool_read_any_local_file() {
    let t = scratch("appends", "passwd");
    for (version, uri) in [(5, "../../../../../../../../etc/passwd"), (6, "/etc/passwd"), (7, "file:///etc/passwd")] {
        set_property(&t, version, uri);
        let r = verify(&t, None, "human");
        assert_eq!(r.code, 2, "{uri}");
        assert!(r.stderr.contains("not a *.json file"), "{uri}: {}", r.stderr);
        assert!(!r.stdout.contains("root:"), "{uri}: {}", r.stdout);
    }
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The hostile checkpoints of fixtures/tables/hostile/ (make-hostile.py): each is an
/// unreadable log that says why, with exit 1, nothing on stderr (no panic message, no
/// backtrace: RUST_BACKTRACE is forced on here), and no crash: a stack overflow or an
/// abort would end the process by a signal, which `run` refuses.
#[test]
fn hostile_checkpoints_are_findings_never_crashes() {
    let cases = [
        ("checkpoint-panics", "the parquet decoder failed (a panic: "),
        ("checkpoint-deep-schema", "its schema nests more than 64 levels deep"),
        ("checkpoint-page-bomb", "its pages declare more than 1073741824 bytes uncompressed (a page of 2147483647)"),
        ("checkpoint-truncated", "Parquet error: Invalid Parquet file. Corrupt footer"),
        ("checkpoint-outside", "a column chunk lies outside the file (-5, 33 bytes)"),
        ("checkpoint-huge-rows", "Parquet error: Unexpected end of column data"),
        // Thrift field ids are 16-bit (pyarrow: "Couldn't deserialize thrift"); the footer
        // walk added a delta to an id of 2^63 - 1 and panicked, outside the decoder's catch.
        ("checkpoint-field-id-overflow", "its footer holds a field id past 16 bits"),
    ];
    let bundle = root().join("fixtures/tables/bundles/checkpointed.json").display().to_string();
    for (name, says) in cases {
        let table = root().join("fixtures/tables/hostile").join(name).display().to_string();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--format", "json", "--now", "2030-01-01T00:00:00Z", "--table", &table, &bundle])
            .env("RUST_BACKTRACE", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.is_empty(), "{name}: stderr should be empty: {stderr}");
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let finding = report["bundles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "context.table-log")
            .cloned()
            .unwrap_or_default();
        // The table is no place in the bundle: the whole document, at 1:1.
        assert_eq!(
            (&finding["severity"], &finding["pointer"], &finding["line"], &finding["column"]),
            (&Value::from("error"), &Value::from(""), &Value::from(1), &Value::from(1)),
            "{name}"
        );
        let message = finding["message"].as_str().unwrap_or_default();
        let want = format!("00000000000000000003.checkpoint.parquet is not a readable parquet checkpoint: {says}");
        assert!(message.contains(&want), "{name}: should say {want:?}: {message}");
        // The same table with no bundle named: exit 2 with the reason, still no panic text.
        let alone = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--table", &table])
            .env("RUST_BACKTRACE", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&alone.stderr);
        assert_eq!(alone.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(says) && !stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn a_sidecar_named_again_and_again_is_read_once() {
    // The v2 checkpoint names its one sidecar 200,000 times more (7 MB of lines): read
    // once per name, the count is the table's and the time is the reading of the lines.
    let t = scratch("v2-checkpoint", "sidecars");
    let (checkpoint, text) = v2_checkpoint(&t);
    let line = text.lines().find(|l| l.contains("\"sidecar\"")).unwrap().to_owned();
    let mut grown = text.clone();
    for _ in 0..200_000 {
        grown.push_str(&line);
        grown.push('\n');
    }
    std::fs::write(&checkpoint, grown).unwrap();
    let b = "fixtures/tables/bundles/checkpointed.json";
    let start = std::time::Instant::now();
    let r = verify(&t, Some(b), "json");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("450 live records in 5 live files"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The v2 checkpoint of a scratch copy of `v2-checkpoint`, and its text.
fn v2_checkpoint(t: &Path) -> (PathBuf, String) {
    let checkpoint = std::fs::read_dir(t.join("_delta_log"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".json") && p.to_string_lossy().contains(".checkpoint."))
        .unwrap();
    let text = std::fs::read_to_string(&checkpoint).unwrap();
    (checkpoint, text)
}

#[test]
fn a_sidecar_path_is_percent_decoded() {
    // The protocol's sidecar `path` is URI-encoded ("URI-encoded path to the sidecar
    // file", PROTOCOL.md, Sidecar File Information): a sidecar whose name holds a space
    // and a percent sign is named `a%20b%25c.parquet` and must be found as `a b%c.parquet`.
    let t = scratch("v2-checkpoint", "sidecar-encoded");
    let sidecars = t.join("_delta_log/_sidecars");
    let old = "00000000-0000-0000-0000-000000000001.parquet";
    std::fs::rename(sidecars.join(old), sidecars.join("side car 100%.parquet")).unwrap();
    let (checkpoint, text) = v2_checkpoint(&t);
    assert_eq!(text.matches(old).count(), 1, "{text}");
    std::fs::write(&checkpoint, text.replace(old, "side%20car%20100%25.parquet")).unwrap();
    let r = verify(&t, Some("fixtures/tables/bundles/checkpointed.json"), "json");
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("450 live records in 5 live files"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());

    // Decoded, a name must still be a plain file name: an encoded climb out of
    // _sidecars/ is refused, not opened.
    for climb in ["..%2F..%2F_delta_log%2F00000000000000000004.json", "%2E%2E", "a%5Cb.parquet", "a%00b.parquet"] {
        let t = scratch("v2-checkpoint", "sidecar-climb");
        let (checkpoint, text) = v2_checkpoint(&t);
        std::fs::write(&checkpoint, text.replace(old, climb)).unwrap();
        assert_unreadable(&t, "is not a file name");
    }

    // A decoded name may hold control characters: it is looked for, not found, and
    // the report names it escaped (the terminal never receives ESC or BEL).
    let t = scratch("v2-checkpoint", "sidecar-control");
    let (checkpoint, text) = v2_checkpoint(&t);
    std::fs::write(&checkpoint, text.replace(old, "%1B%5B31mred%07.parquet")).unwrap();
    let r = verify(&t, Some("fixtures/tables/bundles/checkpointed.json"), "human");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains(r"\u{1b}[31mred\u{7}.parquet"), "{}", r.stdout);
    assert!(!r.stdout.contains(['\u{1b}', '\u{7}']), "{}", r.stdout);
    assert_unreadable(&t, "No such file");
}

/// The protocol action that enables deletion vectors (PROTOCOL.md: reader version 3 with
/// the feature listed), for a commit that adds one to a table that had none.
const DV_PROTOCOL: &str = r#"{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["deletionVectors"],"writerFeatures":["deletionVectors"]}}"#;

#[test]
fn a_deletion_vector_counts_against_its_own_file_only() {
    // stats-missing: a file of 100 records with statistics and one without. A deletion
    // vector of 60 rows on the file without statistics must not cancel 60 of the other
    // file's records: the lower bound stays 100.
    let t = scratch("stats-missing", "dvnostats");
    let text = std::fs::read_to_string(commit(&t, 2)).unwrap();
    let add: Value =
        text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).find(|a| a.get("add").is_some()).unwrap();
    let path = add["add"]["path"].as_str().unwrap();
    let mut with_dv = add.clone();
    with_dv["add"]["deletionVector"] = serde_json::json!({
        "storageType": "u", "pathOrInlineDv": "ab^-aqEH.-t@S}K{vb[*k^", "offset": 1, "sizeInBytes": 36, "cardinality": 60
    });
    let remove =
        serde_json::json!({"remove": {"path": path, "deletionTimestamp": 1893456000000i64, "dataChange": true}});
    let info = serde_json::json!({"commitInfo": {"timestamp": 1893456000000i64, "operation": "DELETE"}});
    std::fs::write(commit(&t, 3), format!("{info}\n{DV_PROTOCOL}\n{remove}\n{with_dv}\n")).unwrap();
    let r = verify(&t, Some("fixtures/tables/bundles/stats-missing.json"), "json");
    assert!(r.stdout.contains("at least 100 live records in 2 live files"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn deletion_vector_files_are_never_opened() {
    // Only a deletion vector's cardinality is read: descriptors naming files outside the
    // table (an absolute path, a climb out of it, a FIFO that would block any reader)
    // change nothing but the count.
    let t = scratch("deletion-vectors", "dvpaths");
    let fifo = t.join("dv.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let text = std::fs::read_to_string(commit(&t, 1)).unwrap();
    let mut lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let add = lines.iter_mut().find(|a| a.get("add").is_some()).unwrap();
    let template = add["add"].clone();
    add["add"]["deletionVector"] = serde_json::json!({
        "storageType": "p", "pathOrInlineDv": fifo.display().to_string(), "sizeInBytes": 40, "cardinality": 7
    });
    for (i, target) in ["/etc/shadow", "../../../../../../etc/passwd"].into_iter().enumerate() {
        let mut extra = template.clone();
        extra["path"] = Value::String(format!("copy-{i}.parquet"));
        extra["deletionVector"] =
            serde_json::json!({"storageType": "p", "pathOrInlineDv": target, "sizeInBytes": 40, "cardinality": 1});
        lines.push(serde_json::json!({ "add": extra }));
    }
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(commit(&t, 1), text).unwrap();
    let r = verify(&t, Some("fixtures/tables/bundles/deletion-vectors.json"), "json");
    // 100 - 7, and two more files of 100 less 1 each.
    assert!(r.stdout.contains("291 live records in 3 live files"), "{}", r.stdout);
    assert!(!r.stdout.contains("root:"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// A negative count was read as no statistics ("at least 900 live records"), where
/// delta-rs 1.6.6 reads -100 and counts 800: readers differ, so the log is refused as a
/// count written twice or as 500.0 is.
#[test]
fn a_negative_record_count_is_refused() {
    let t = scratch("appends", "negative");
    let text = std::fs::read_to_string(commit(&t, 4)).unwrap();
    let text = text.replacen("\\\"numRecords\\\":100", "\\\"numRecords\\\":-100", 1);
    assert!(text.contains("-100"), "the append of 100 rows has its statistics in commit 4");
    std::fs::write(commit(&t, 4), text).unwrap();
    let r = verify(&t, Some(APPENDS), "json");
    assert_eq!(r.code, 1, "{}", r.stdout);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let f = report["bundles"][0]["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "context.table-log");
    let m = f.and_then(|f| f["message"].as_str()).unwrap_or_default();
    assert!(m.contains("states numRecords -100 in stats, which is no whole count"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The fifth attacker pass (context): a `records_processed` 10 from the table's live count at
/// 9 x 10^14 agreed with it, the comparison keeping 64 units in the last place of slack
/// (about 13 records there), though both are whole counts that doubles hold exactly below
/// 2^53; the count itself still agrees.
#[test]
fn a_stated_count_ten_off_at_nine_hundred_trillion_is_off() {
    let t = scratch("appends", "ten-off");
    let text = std::fs::read_to_string(commit(&t, 4)).unwrap();
    // 900 rows in the other commits, so the live count is 9 x 10^14
    let text = text.replacen("\\\"numRecords\\\":100", "\\\"numRecords\\\":899999999999100", 1);
    assert!(text.contains("899999999999100"), "the append of 100 rows has its statistics in commit 4");
    std::fs::write(commit(&t, 4), text).unwrap();
    let bundle = std::fs::read_to_string(root().join(APPENDS)).unwrap();
    for (stated, off) in [("900000000000010", true), ("900000000000000", false)] {
        let b = t.parent().unwrap().join("appends.json");
        std::fs::write(
            &b,
            bundle.replacen("\"records_processed\": 1000", &format!("\"records_processed\": {stated}"), 1),
        )
        .unwrap();
        let r = verify(&t, Some(b.to_str().unwrap()), "json");
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        let found = report["bundles"][0]["findings"].as_array().unwrap().iter().any(|f| {
            f["rule"] == "context.table-records"
                && f["pointer"] == "/cost_analysis/platform_costs/records_processed"
                && f["line"] == 26
                && f["column"] == 28
                && f["severity"] == "error"
        });
        assert_eq!(found, off, "records_processed {stated}: {}", r.stdout);
    }
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn a_link_named_like_a_bundle_cannot_lead_to_another_file() {
    // A table holding evil.json -> a secret file: the property names a *.json file, but
    // the file it resolves to is not one, so it is not read (nor quoted in a finding).
    let t = scratch("appends", "jsonlink");
    let secret = t.parent().unwrap().join("credentials.txt");
    std::fs::write(&secret, "SECRET_TOKEN=hunter2\n").unwrap();
    std::os::unix::fs::symlink(&secret, t.join("evil.json")).unwrap();
    set_property(&t, 5, "evil.json");
    let r = verify(&t, None, "human");
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("not a *.json file") && r.stderr.contains("it is a link to"), "{}", r.stderr);
    assert!(!r.stdout.contains("hunter2") && !r.stderr.contains("hunter2"), "{}", r.stdout);
    // A directory or a FIFO named *.json is no bundle either (a FIFO would block).
    std::fs::create_dir(t.join("dir.json")).unwrap();
    set_property(&t, 6, "dir.json");
    let r = verify(&t, None, "human");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    assert!(std::process::Command::new("mkfifo").arg(t.join("pipe.json")).status().unwrap().success());
    set_property(&t, 7, "pipe.json");
    let r = verify(&t, None, "human");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// A table of fixtures/tables/hostile/ (make-hostile.py's pyarrow half) checked against
/// appends.json: the exit code and the JSON report.
fn hostile(name: &str) -> (i32, Value) {
    let r = verify(&root().join("fixtures/tables/hostile").join(name), Some(APPENDS), "json");
    (r.code, serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{name}: {e}: {}", r.stderr)))
}

/// What delta-rs read of a hostile table, as make-hostile.py recorded it.
fn delta_rs(name: &str) -> Value {
    let path = root().join("fixtures/tables/hostile/expectations.json");
    let e: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    e[name]["delta_rs"].clone()
}

/// The message of the bundle's finding of `rule`, or "" when there is none.
fn message(report: &Value, rule: &str) -> String {
    report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .map(|f| f["message"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[test]
fn a_value_repeated_through_a_dictionary_is_bounded() {
    // 2,000 rows sharing one 200 kB statistics string in a file of about 30 kB: 400 MB of
    // decoded rows, refused at the budget of 64 MiB, quickly.
    let start = std::time::Instant::now();
    let (code, report) = hostile("checkpoint-dict-amplification");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert_eq!(code, 1);
    let m = message(&report, "context.table-log");
    assert!(m.contains("its rows decode to more than 67108864 bytes"), "{m}");
}

#[test]
fn a_checkpoints_removes_are_tombstones_only() {
    // add a (1,000), add b (5,000), remove b, in one checkpoint: both files are live.
    let (code, report) = hostile("checkpoint-add-remove");
    let d = delta_rs("checkpoint-add-remove");
    assert_eq!(d["live_records"], 6000);
    assert_eq!(code, 1, "appends.json says 1,000 records");
    let m = message(&report, "context.table-facts");
    assert!(m.contains("6,000 live records in 2 live files"), "{m}");
    assert!(message(&report, "context.table-records").contains("6,000 live records"));
}

#[test]
fn a_checkpoint_newer_than_the_last_commit_is_the_latest_version() {
    // Commits 0 to 2 (a: 1,000 records), a checkpoint of version 5 (a and b: 6,000).
    let (code, report) = hostile("checkpoint-beyond-commits");
    let d = delta_rs("checkpoint-beyond-commits");
    assert_eq!((d["version"].as_u64(), d["live_records"].as_u64()), (Some(5), Some(6000)));
    assert_eq!(code, 1, "appends.json says 1,000 records");
    let m = message(&report, "context.table-facts");
    assert!(m.contains("at version 5 (read from classic single-file checkpoint at version 5"), "{m}");
    assert!(m.contains("6,000 live records in 2 live files"), "{m}");
    assert!(m.contains("the last JSON commit is version 2, older than the checkpoint of version 5"), "{m}");
}

#[test]
fn the_version_of_a_checkpoint_can_be_chosen() {
    // --table-version 3 where the checkpoint is of version 3: no commit after it is read
    // (this panicked on an empty range of versions). delta-rs reads 300 records at
    // version 3 (`DeltaTable("fixtures/tables/checkpointed", version=3)`).
    let table = root().join("fixtures/tables/checkpointed").display().to_string();
    let bundle = root().join("fixtures/tables/bundles/checkpointed.json").display().to_string();
    let r =
        run(&["--format", "json", "--now", "2030-01-01T00:00:00Z", "--table", &table, "--table-version", "3", &bundle]);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let m = message(&report, "context.table-facts");
    assert!(m.contains("at version 3 (read from classic single-file checkpoint at version 3"), "{m}");
    assert!(m.contains("; 300 live records in 3 live files"), "{m}");
}

#[test]
fn a_record_count_past_what_is_counted_exactly_is_unreadable() {
    // a: 2^64 - 1 records, 2^64 - 1001 of them deleted; b: 2^64 - 1 records. By the
    // protocol the live count is 2^64 + 999, past a u64: the saturated sums showed
    // "1,000 live records" and the bundle's 1,000 passed.
    let t = scratch("appends", "overflow");
    let max = u64::MAX;
    let add = |path: &str, dv: &str| {
        format!(
            "{{\"add\":{{\"path\":\"{path}\",\"partitionValues\":{{}},\"size\":1,\"modificationTime\":0,\
\"dataChange\":true,\"stats\":\"{{\\\"numRecords\\\":{max}}}\"{dv}}}}}\n"
        )
    };
    let dv = format!(
        ",\"deletionVector\":{{\"storageType\":\"u\",\"pathOrInlineDv\":\"ab^-aqEH.-t@S}}K{{vb[*k^\",\
\"offset\":1,\"sizeInBytes\":10,\"cardinality\":{}}}",
        max - 1000
    );
    let text =
        format!("{{\"commitInfo\":{{\"timestamp\":1893456000000}}}}\n{DV_PROTOCOL}\n{}{}", add("a", &dv), add("b", ""));
    std::fs::write(commit(&t, 5), text).unwrap();
    assert_unreadable(&t, "the live files' numRecords add up to more than 9007199254740992 (2^53)");
}

#[test]
fn a_commit_time_out_of_range_does_not_pass() {
    // The property set (again) at version 6, whose commitInfo.timestamp is -10^15 ms (the
    // year -29,719): generated_at 2025 is after it, so the check cannot pass; no date
    // stands for that time, so it is SKIP with the reason.
    let t = scratch("appends", "tsneg");
    set_property(&t, 5, "other.json");
    set_property(&t, 6, "../bundles/appends.json");
    let text = std::fs::read_to_string(commit(&t, 6)).unwrap().replace("1893456000000", "-1000000000000000");
    std::fs::write(commit(&t, 6), text).unwrap();
    let r = verify(&t, Some(APPENDS), "json");
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let checks = report["bundles"][0]["checks"].as_array().unwrap();
    let c = checks.iter().find(|c| c["rule"] == "context.table-generated-before").unwrap();
    assert_eq!(c["status"], "skip", "{c}");
    assert!(c["reason"].as_str().unwrap().contains("-1000000000000000 ms since 1970"), "{c}");
    let m = message(&report, "context.table-facts");
    assert!(
        m.contains("set at version 6 (-1000000000000000 ms since 1970, out of range, commitInfo.timestamp)"),
        "{m}"
    );
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn a_version_holding_an_action_twice_is_unreadable() {
    // PROTOCOL.md: a valid version holds at most one add per path and one metaData; a
    // reader that keeps the last one shows 1,000 records or appends.json where delta-rs
    // shows 5,000 (or 6,000) and x.json.
    for (name, says) in [
        ("checkpoint-dup-add", "version 0 holds a second add action of the path \"a\""),
        ("checkpoint-two-meta", "version 0 holds a second metaData action"),
    ] {
        let (code, report) = hostile(name);
        assert_eq!(code, 1, "{name}");
        let m = message(&report, "context.table-log");
        assert!(m.contains(says) && m.contains("the version is invalid"), "{name}: {m}");
    }
    let t = scratch("appends", "dupadd");
    let add = |n: u64| {
        format!(
            "{{\"add\":{{\"path\":\"a\",\"partitionValues\":{{}},\"size\":1,\"modificationTime\":0,\
\"dataChange\":true,\"stats\":\"{{\\\"numRecords\\\":{n}}}\"}}}}\n"
        )
    };
    std::fs::write(
        commit(&t, 5),
        format!("{{\"commitInfo\":{{\"timestamp\":1893456000000}}}}\n{}{}", add(5000), add(1000)),
    )
    .unwrap();
    assert_unreadable(&t, "00000000000000000005.json: version 5 holds a second add action of the path \"a\"");
    let t = scratch("appends", "twometa");
    set_property(&t, 5, "x.json");
    let second =
        std::fs::read_to_string(commit(&t, 5)).unwrap().lines().nth(1).unwrap().replace("x.json", "appends.json");
    let text = std::fs::read_to_string(commit(&t, 5)).unwrap() + &second + "\n";
    std::fs::write(commit(&t, 5), text).unwrap();
    assert_unreadable(&t, "00000000000000000005.json: version 5 holds a second metaData action");
    // A commit before a checkpoint is read only to date the property, and the check holds
    // there too: a second metaData in version 2 of `checkpointed` (checkpoint at 3) would
    // have dated the property by whichever of the two came last.
    let t = scratch("checkpointed", "twometa-replayed");
    let text = std::fs::read_to_string(commit(&t, 2)).unwrap();
    let meta = text.lines().find(|l| l.starts_with("{\"metaData\"")).unwrap().replace("checkpointed.json", "x.json");
    std::fs::write(commit(&t, 2), format!("{}\n{meta}\n", text.trim_end())).unwrap();
    assert_unreadable(&t, "00000000000000000002.json: version 2 holds a second metaData action");
}

/// Runs on `table` against appends.json with at most 512 MiB of address space (`ulimit
/// -v`): a reader whose memory is a large multiple of what it reads aborts there.
fn verify_in_512_mib(table: &Path) -> common::Run {
    let bin = env!("CARGO_BIN_EXE_aeb-verify");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 524288 && exec \"$0\" --format json --now 2030-01-01T00:00:00Z --table \"$1\" \"$2\"")
        .arg(bin)
        .arg(table)
        .arg(root().join(APPENDS))
        .output()
        .unwrap();
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw: out.stdout,
    }
}

#[test]
fn a_commit_of_many_small_lines_is_read_in_bounded_memory() {
    // 5,000,000 lines `{}` (15 MB): each line held as a parsed action took about 300 bytes
    // (5 GB in all), and the list of lines 16 bytes a line; now each is applied as read.
    let t = scratch("appends", "manylines");
    let mut text = String::from("{\"commitInfo\":{\"timestamp\":1893456000000}}\n");
    text.push_str(&"{}\n".repeat(5_000_000));
    std::fs::write(commit(&t, 5), text).unwrap();
    let r = verify_in_512_mib(&t);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("table") && r.stdout.contains("at version 5"), "{}", r.stdout);
    // A line of nothing but a newline costs no more.
    std::fs::write(commit(&t, 6), "\n".repeat(30_000_000)).unwrap();
    let r = verify_in_512_mib(&t);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("at version 6"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn a_large_last_checkpoint_hint_is_read_in_bounded_memory() {
    // `_last_checkpoint` is a hint, of which only `version` is read; a 30 MB one, read as a
    // JSON tree, took about 1.1 GB. Its version names no checkpoint: noted, as for any hint.
    let t = scratch("appends", "bighint");
    let hint = format!("{{\"version\":3,\"size\":1,\"x\":[{}0]}}", "0,".repeat(15_000_000));
    std::fs::write(t.join("_delta_log/_last_checkpoint"), hint).unwrap();
    let r = verify_in_512_mib(&t);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("_last_checkpoint names version 3, but no complete checkpoint of that version is in the log"),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn an_action_or_statistics_written_as_an_array_is_no_object() {
    // serde's derive reads a struct from a JSON array, field by field: `[{"path":"b",...}]`
    // was an add of 5,000 records, and `{"add":["b", stats]}` one too, in logs delta-rs
    // refuses (make-hostile.py records its error); statistics `[5000]` were 5,000 records
    // where delta-rs reads none.
    for (name, line, column) in [("commit-array-action", 2, 0), ("commit-array-add", 2, 8)] {
        assert!(delta_rs(name)["error"].as_str().unwrap().contains("expected {"), "{name}");
        let (code, report) = hostile(name);
        assert_eq!(code, 1, "{name}");
        let m = message(&report, "context.table-log");
        assert!(
            m.ends_with(&format!(
                "_delta_log/00000000000000000001.json line {line} is not a Delta action (invalid type: sequence, \
expected a JSON object at line 1 column {column})"
            )),
            "{name}: {m}"
        );
    }
    let expected = delta_rs("commit-array-stats");
    assert_eq!((expected["live_records"].as_u64(), expected["files_without_stats"].as_u64()), (Some(1000), Some(1)));
    let (_, report) = hostile("commit-array-stats");
    let m = message(&report, "context.table-facts");
    assert!(
        m.ends_with(
            "at least 1,000 live records in 2 live files (1 of them without numRecords statistics: the count is a \
lower bound)"
        ),
        "{m}"
    );
}

#[test]
fn a_commit_that_adds_and_removes_one_file_is_unreadable() {
    // PROTOCOL.md allows an add and a remove of one path in a version only with different
    // deletion vectors, and gives a version's actions no order. Applied in file order, the
    // add-then-remove table had 1,000 records and verified appends.json (1,000), where
    // delta-rs reads 6,000; and the other way round.
    for (name, delta_rs_count) in [("commit-add-then-remove", 6000), ("commit-remove-then-add", 1000)] {
        assert_eq!(delta_rs(name)["live_records"].as_u64(), Some(delta_rs_count), "{name}");
        let (code, report) = hostile(name);
        assert_eq!(code, 1, "{name}");
        let m = message(&report, "context.table-log");
        assert!(
            m.ends_with(
                "_delta_log/00000000000000000001.json: version 1 holds an add and a remove action of the path \"b\" \
with the same deletion vector; the Delta protocol gives the actions of a version no order, so the version is invalid"
            ),
            "{name}: {m}"
        );
    }
}

#[test]
fn which_of_several_v2_checkpoints_is_read_does_not_depend_on_the_listing() {
    // Eight v2 checkpoints of version 3 (a table two writers raced on, or a hostile one):
    // the last one the directory listed was read, and a directory lists in an order of
    // its own (tmpfs newest first, ext4 by hash), so one table, copied, verified on one
    // machine and not on another. Every one is read and they must agree: eight alike
    // verify, naming the first by name; one of eight naming another bundle, created
    // first or last, makes the log unreadable either way.
    let t = scratch("v2-checkpoint", "v2many");
    let log = t.join("_delta_log");
    let original = std::fs::read_dir(&log)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".checkpoint."))
        .unwrap();
    let text = std::fs::read_to_string(&original).unwrap();
    std::fs::remove_file(&original).unwrap();
    let write = |odd: Option<usize>| {
        for i in (0..8).rev() {
            let uri = if Some(i) == odd { "other.json" } else { "../bundles/checkpointed.json" };
            std::fs::write(
                log.join(format!("00000000000000000003.checkpoint.00000000-0000-0000-0000-00000000001{i}.json")),
                text.replace("../bundles/checkpointed.json", uri),
            )
            .unwrap();
        }
    };
    write(None);
    let r = verify(&t, Some("fixtures/tables/bundles/checkpointed.json"), "json");
    assert_eq!(r.code, 0, "{}", r.stdout);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let facts = message(&report, "context.table-facts");
    assert!(facts.contains("aethergen.evidence_uri = \"../bundles/checkpointed.json\""), "{facts}");
    assert!(
        facts.ends_with(
            "version 3 has 8 complete checkpoints, which give the same state; the first named is \
_delta_log/00000000000000000003.checkpoint.00000000-0000-0000-0000-000000000010.json"
        ),
        "{facts}"
    );
    assert_eq!(message(&report, "context.table-references-bundle"), "");
    for odd in [0, 7] {
        write(Some(odd));
        let r = verify(&t, Some("fixtures/tables/bundles/checkpointed.json"), "json");
        assert_eq!(r.code, 1, "{}", r.stdout);
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        let m = message(&report, "context.table-log");
        assert!(
            m.contains("v2 checkpoint (_delta_log/00000000000000000003.checkpoint.00000000-0000-0000-0000-00000000001"),
            "{m}"
        );
        assert!(m.contains("give different metaData"), "{odd}: {m}");
    }
    // A ninth complete checkpoint of the version: more than are read and compared.
    std::fs::write(log.join("00000000000000000003.checkpoint.00000000-0000-0000-0000-000000000020.json"), &text)
        .unwrap();
    assert_unreadable(&t, "version 3 has 9 complete checkpoints, more than the 8 read and compared");
}

#[test]
fn checkpoints_of_one_version_that_disagree_make_the_log_unreadable() {
    // Version 0 has a single-file checkpoint (a: 1,000 records) and a complete multi-part
    // one (a: 4,000, b: 1,000). delta-rs reads the multi-part one, 5,000 records
    // (recorded); the single-file one was read here and appends.json's 1,000 records were
    // VERIFIED, exit 0.
    assert_eq!(delta_rs("checkpoint-forms-disagree")["live_records"], 5000);
    let m = table_log_at_root("checkpoint-forms-disagree");
    assert!(
        m.ends_with(
            "the classic single-file checkpoint of version 0 (_delta_log/00000000000000000000.checkpoint.parquet) \
and the classic multi-part checkpoint (2 parts) \
(_delta_log/00000000000000000000.checkpoint.0000000001.0000000002.parquet) give different live files (or their \
numRecords or deletion vectors): readers choose among a version's checkpoints differently, so the table's state is \
ambiguous"
        ),
        "{m}"
    );
    // Two forms that give one table (a: 1,000 in each) verify, as delta-rs reads them.
    assert_eq!(delta_rs("checkpoint-forms-agree")["live_records"], 1000);
    let (code, report) = hostile("checkpoint-forms-agree");
    assert_eq!((code, report["verdict"].as_str()), (0, Some("verified")), "{report}");
    let m = message(&report, "context.table-facts");
    assert!(m.contains("(read from classic single-file checkpoint at version 0"), "{m}");
    assert!(m.contains("1,000 live records in 1 live file; version 0 has 2 complete checkpoints"), "{m}");
}

/// Writes `schema` as the schemaString of version 3's metaData (appends sets the property
/// there).
fn set_schema(table: &Path, schema: String) {
    let text = std::fs::read_to_string(commit(table, 3)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut meta: Value = serde_json::from_str(&lines[1]).unwrap();
    meta["metaData"]["schemaString"] = Value::String(schema);
    lines[1] = meta.to_string();
    std::fs::write(commit(table, 3), lines.join("\n") + "\n").unwrap();
}

/// A schema of `n` entries that are no field (`0,`), then the column `label`.
fn label_after_non_fields(n: usize) -> String {
    format!("{{\"type\":\"struct\",\"fields\":[{}{{\"name\":\"label\",\"type\":\"long\"}}]}}", "0,".repeat(n))
}

#[test]
fn a_large_schema_is_read_in_bounded_memory_and_listed_in_part() {
    // A schemaString of 10,000,000 entries that are no field (20 MB), then `label`: as a
    // JSON tree it took 870 MB (once for every bundle); now only fields are kept.
    let t = scratch("appends", "bigschema");
    set_schema(&t, label_after_non_fields(10_000_000));
    let r = verify_in_512_mib(&t);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A schema of 120 columns, none the target: the message lists 50 and counts the rest.
    let fields: Vec<String> = (0..120).map(|i| format!("{{\"name\":\"c{i}\",\"type\":\"long\"}}")).collect();
    set_schema(&t, format!("{{\"type\":\"struct\",\"fields\":[{}]}}", fields.join(",")));
    let r = verify(&t, Some(APPENDS), "json");
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let f = report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "context.table-target-column")
        .unwrap()
        .clone();
    let listed: Vec<String> = (0..50).map(|i| format!("c{i}")).collect();
    assert_eq!(f["expected"], format!("one of {} and 70 more", listed.join(", ")));
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn many_table_properties_are_read_in_bounded_memory() {
    // 4,000,000 short properties (60 MB) besides aethergen.evidence_uri: kept as a map
    // they took 15 times their size; only the evidence URI is kept now.
    let t = scratch("appends", "manyprops");
    let text = std::fs::read_to_string(commit(&t, 3)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let uri = "\"aethergen.evidence_uri\":\"../bundles/appends.json\"";
    assert!(lines[1].contains(uri));
    let props: String = (0..4_000_000).map(|i| format!("\"k{i}\":\"\",")).collect();
    lines[1] = lines[1].replace(uri, &format!("{props}{uri}"));
    std::fs::write(commit(&t, 3), lines.join("\n") + "\n").unwrap();
    let r = verify_in_512_mib(&t);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("aethergen.evidence_uri = \\\"../bundles/appends.json\\\", set at version 3"),
        "{}",
        r.stdout
    );
    // A property that is not a string is still no table property.
    lines[1] = lines[1].replace("\"k0\":\"\"", "\"k0\":5");
    std::fs::write(commit(&t, 3), lines.join("\n") + "\n").unwrap();
    assert_unreadable(
        &t,
        "00000000000000000003.json line 2 is not a Delta action (invalid type: integer `5`, expected a string",
    );
}

#[test]
fn a_commit_of_a_million_removes_is_read_in_bounded_memory() {
    // 1,000,000 removes (30 MB) of files never added: each action was kept (950 MB on
    // fe99c83); what a version must remember of its removes is a hash of each.
    let t = scratch("appends", "removes");
    let mut text = String::from("{\"commitInfo\":{\"timestamp\":1893456000000}}\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("{{\"remove\":{{\"path\":\"f{i}\"}}}}\n"));
    }
    std::fs::write(commit(&t, 5), text).unwrap();
    let r = verify_in_512_mib(&t);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("at version 5") && r.stdout.contains("1,000 live records in 4 live files"),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The bundle's `context.table-log` finding of a hostile table: the run rejects
/// appends.json with it, at the document's root (pointer "", line 1, column 1).
#[track_caller]
fn table_log_at_root(name: &str) -> String {
    let (code, report) = hostile(name);
    assert_eq!(code, 1, "{name}");
    assert_eq!(report["verdict"], "rejected", "{name}");
    let f = report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "context.table-log")
        .unwrap_or_else(|| panic!("{name}: no context.table-log finding"))
        .clone();
    assert_eq!((f["pointer"].as_str(), f["line"].as_u64(), f["column"].as_u64()), (Some(""), Some(1), Some(1)));
    assert_eq!(f["severity"], "error");
    f["message"].as_str().unwrap().to_owned()
}

#[test]
fn a_deletion_vector_the_protocol_does_not_enable_is_refused() {
    // File a of 5,000 records with a deletion vector of 4,000 rows, in a table at reader
    // version 1 (no deletionVectors feature). delta-rs counts 5,000 (recorded); the 4,000
    // were subtracted, and appends.json's 1,000 records passed: VERIFIED, exit 0.
    assert_eq!(delta_rs("commit-dv-undeclared")["live_records"], 5000);
    let m = table_log_at_root("commit-dv-undeclared");
    assert!(
        m.contains(
            "the live file \"a\" has a deletion vector, but the table's protocol (reader version 1) does not \
enable the reader feature deletionVectors"
        ),
        "{m}"
    );
}

#[test]
fn reader_version_3_without_reader_features_is_refused() {
    // delta-rs refuses the protocol (recorded); it was read as a table needing no feature.
    let d = delta_rs("protocol-v3-no-features");
    assert!(d["error"].as_str().unwrap().contains("Reader features must be present when minimum reader version = 3"));
    let m = table_log_at_root("protocol-v3-no-features");
    assert!(m.contains("minReaderVersion 3 without readerFeatures"), "{m}");
}

#[test]
fn a_reader_feature_not_listed_for_writers_is_refused() {
    // readerFeatures [deletionVectors] with writerFeatures [] (or none at writer version
    // 7): the protocol lists a reader-writer feature in both, and delta-rs refuses both
    // tables (recorded). The 4,000 rows a's descriptor claims were subtracted from its
    // 5,000, and appends.json's 1,000 records passed: VERIFIED, exit 0.
    for (name, delta, says) in [
        (
            "protocol-reader-feature-not-writer",
            "also listed in writer features, but DeletionVectors is not",
            "the reader feature \"deletionVectors\" is not also listed in writerFeatures",
        ),
        (
            "protocol-writer-features-missing",
            "Writer features must be present when minimum writer version = 7",
            "minWriterVersion 7 without writerFeatures",
        ),
        (
            "protocol-features-below-table-features",
            "Reader features must not be present when minimum reader version != 3",
            "lists readerFeatures with minReaderVersion 1, not 3",
        ),
    ] {
        assert!(delta_rs(name)["error"].as_str().unwrap().contains(delta), "{name}");
        let m = table_log_at_root(name);
        assert!(m.contains(says) && m.contains("the protocol action is invalid"), "{name}: {m}");
        let (_, report) = hostile(name);
        assert_eq!(message(&report, "context.table-records"), "", "{name}");
    }
}

#[test]
fn a_schema_string_that_is_no_schema_makes_the_log_unreadable() {
    // The metaData's schemaString cut short (delta-rs refuses the table, recorded): it was
    // read as a schema of no columns, and the bundle's target reported "not a column of
    // the table" against an empty list of columns.
    assert!(delta_rs("commit-schema-cut-short")["error"].as_str().unwrap().contains("EOF while parsing"));
    let m = table_log_at_root("commit-schema-cut-short");
    assert!(m.contains("the schemaString of the table's metaData as of version 0 is not a schema"), "{m}");
    let (_, report) = hostile("commit-schema-cut-short");
    assert_eq!(message(&report, "context.table-target-column"), "");
}

#[test]
fn the_schema_is_read_once_for_a_batch() {
    // A schema of 2,000,000 entries that are no field, then `label` (4 MB), held against
    // 16 bundles: it was read again for each, the batch costing 16 times one bundle's run.
    let t = scratch("appends", "batchschema");
    set_schema(&t, label_after_non_fields(2_000_000));
    let batch = t.parent().unwrap().join("batch");
    std::fs::create_dir(&batch).unwrap();
    for i in 0..16 {
        std::fs::copy(root().join(APPENDS), batch.join(format!("b{i}.json"))).unwrap();
    }
    let time = |what: &Path| {
        let start = std::time::Instant::now();
        // An absolute path: root().join() keeps it as it is.
        let r = verify(&t, Some(what.to_str().unwrap()), "json");
        assert!(r.stdout.contains("live records"), "{}", r.stderr);
        start.elapsed().as_secs_f64()
    };
    // The best of two, measured again (twice at most) while over the bound: the machine
    // is shared.
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let one = time(&batch.join("b0.json")).min(time(&batch.join("b0.json")));
        let sixteen = time(&batch).min(time(&batch));
        ratio = ratio.min(sixteen / one);
        if ratio < 3.0 {
            break;
        }
    }
    assert!(ratio < 3.0, "16 bundles took {ratio:.1} times one bundle's run");
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn the_bundle_read_from_a_table_is_the_one_its_property_names() {
    // The references check reads the property as a URI reference (spec 8.3: its last
    // segment, with no query or fragment); the bundle verified from the table alone is
    // now found the same way. It was found by the whole text as a path: a query made the
    // file "missing", and `q3#final.json` was verified and then rejected because the
    // property "names q3" (context.table-references-bundle, an error at the root).
    let t = scratch("appends", "fragment");
    std::fs::create_dir(t.join("evidence")).unwrap();
    std::fs::copy(root().join(APPENDS), t.join("evidence/appends.json")).unwrap();
    std::fs::copy(root().join(APPENDS), t.join("q3#final.json")).unwrap();
    set_property(&t, 5, "evidence/appends.json?versionId=3");
    let r = verify(&t, None, "json");
    assert_eq!(r.code, 0, "{}\n{}", r.stderr, r.stdout);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(report["bundles"][0]["file"].as_str().unwrap().ends_with("evidence/appends.json"));
    assert_eq!(message(&report, "context.table-references-bundle"), "");
    set_property(&t, 6, "q3#final.json");
    let r = verify(&t, None, "json");
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("q3, which is not a *.json file"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn numrecords_written_twice_with_two_values_is_refused() {
    // A checkpoint's add of a states numRecords 1,000 in stats and 5,000 in stats_parsed.
    // delta-rs takes stats_parsed (5,000, recorded); this reader took stats, and
    // appends.json's 1,000 records were VERIFIED, exit 0.
    assert_eq!(delta_rs("checkpoint-stats-disagree")["live_records"], 5000);
    let m = table_log_at_root("checkpoint-stats-disagree");
    assert!(m.contains("the add of \"a\" states numRecords 1000 in stats and 5000 in stats_parsed"), "{m}");
}

#[test]
fn numrecords_in_stats_parsed_is_read() {
    // A checkpoint whose add has statistics in parsed form only (stats null): the member
    // was looked up as `statsParsed`, never found, and the count was "at least 0" (any
    // figure then passed, as not confirmed). delta-rs reads 1,000 (recorded).
    assert_eq!(delta_rs("checkpoint-stats-parsed-only")["live_records"], 1000);
    let (code, report) = hostile("checkpoint-stats-parsed-only");
    let m = message(&report, "context.table-facts");
    assert!(m.contains("; 1,000 live records in 1 live file"), "{m}");
    assert_eq!(message(&report, "context.table-records"), "");
    assert_eq!(code, 0, "{report}");
}

#[test]
fn a_line_holding_two_actions_is_refused() {
    // Version 1 is one line {"add": c (no records), "remove": b}. delta-rs applies the add
    // only (6,000 records, recorded); both were applied, and appends.json's 1,000 records
    // were VERIFIED, exit 0.
    assert_eq!(delta_rs("commit-two-actions-one-line")["live_records"], 6000);
    let m = table_log_at_root("commit-two-actions-one-line");
    assert!(m.contains("_delta_log/00000000000000000001.json line 2 holds two actions, add and remove"), "{m}");
}

#[test]
fn statistics_in_parsed_form_are_not_read_from_a_commit() {
    // A commit's adds with no stats, one with stats_parsed (the checkpoint's member),
    // one with statsParsed: the protocol gives a commit neither, and delta-rs reads no
    // count for either (recorded). Each was read as 1,000 records (statsParsed before
    // stats_parsed was read under its own name in checkpoints, stats_parsed after).
    assert_eq!(delta_rs("commit-stats-parsed")["files_without_stats"], 2);
    let (code, report) = hostile("commit-stats-parsed");
    let m = message(&report, "context.table-facts");
    assert!(m.contains("at least 0 live records in 2 live files (2 of them without numRecords statistics"), "{m}");
    let f = report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "context.table-records")
        .unwrap()
        .clone();
    assert_eq!(
        (f["severity"].as_str(), f["pointer"].as_str()),
        (Some("info"), Some("/cost_analysis/platform_costs/records_processed"))
    );
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(26), Some(28)));
    assert!(f["message"].as_str().unwrap().contains("cannot be confirmed"), "{f}");
    assert_eq!(code, 0);
}

#[test]
fn numrecords_written_twice_in_the_statistics_is_refused() {
    // b's stats are {"numRecords":5000,"numRecords":7}: delta-rs takes the last (1,007
    // live records, recorded). Read as no statistics, the live count was "at least 1,000",
    // so any larger records_processed passed with an info finding (exit 0).
    assert_eq!(delta_rs("commit-stats-numrecords-twice")["live_records"], 1007);
    let m = table_log_at_root("commit-stats-numrecords-twice");
    assert!(m.contains("the add of \"b\" states numRecords more than once in stats"), "{m}");
}

#[test]
fn numrecords_that_is_no_whole_count_is_refused() {
    // b's stats are {"numRecords":5000.0}: delta-rs reads 5,000 (6,000 live, recorded);
    // it was read as no statistics, the count a lower bound.
    assert_eq!(delta_rs("commit-stats-numrecords-float")["live_records"], 6000);
    let m = table_log_at_root("commit-stats-numrecords-float");
    assert!(m.contains("the add of \"b\" states numRecords 5000.0 in stats, which is no whole count"), "{m}");
}
