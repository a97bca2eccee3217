//! SARIF that code scanning accepts: valid against the OASIS 2.1.0 schema for every
//! fixture, file URIs percent-encoded per RFC 3986 (checked by resolving them with the
//! `url` crate, an independent URL implementation, and getting the path back), relative
//! paths against %SRCROOT%, a region on every result, fingerprints, and unreadable inputs
//! as tool execution notifications.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn sarif(args: &[&str], cwd: Option<&Path>) -> (i32, serde_json::Value) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
    cmd.args(["--format", "sarif", "--now", NOW]).args(args);
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (out.status.code().unwrap(), assert_valid_sarif(&text))
}

fn all_fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["", "read", "integrity", "audit", "signatures"] {
        let Ok(entries) = std::fs::read_dir(fixture(dir)) else { continue };
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "json") {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_gives_valid_sarif_with_a_region_on_every_result() {
    let fixtures = all_fixtures();
    assert!(fixtures.len() > 40, "{}", fixtures.len());
    for f in &fixtures {
        let (code, v) = sarif(&[f.to_str().unwrap()], None);
        assert!(code == 0 || code == 1, "{}: exit {code}", f.display());
        for r in v["runs"][0]["results"].as_array().unwrap() {
            let loc = &r["locations"][0]["physicalLocation"];
            assert!(loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1), "{}: {r}", f.display());
            assert!(r["partialFingerprints"]["aebFinding/v1"].is_string());
        }
    }
}

#[test]
fn a_whole_file_finding_is_at_line_1() {
    let seed = fixture("seed-example-sealed.json");
    let (code, v) = sarif(&["--max-bytes", "100", seed.to_str().unwrap()], None);
    assert_eq!(code, 1);
    let r = &v["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "read.too-large");
    assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
}

/// Names that break naive URIs: `%`, `#`, `?`, a space, quotes, a tab, a colon in the
/// first segment (would read as a scheme), non-ASCII.
const HOSTILE_NAMES: &[&str] = &[
    "100%.json",
    "a#b.json",
    "q?x=1.json",
    "with space.json",
    "quote\"d'.json",
    "tab\there.json",
    "c:d.json",
    "é.json",
];

#[test]
fn file_uris_are_percent_encoded_and_resolve_back_to_the_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sarif-uris");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub dir")).unwrap();
    for name in HOSTILE_NAMES {
        std::fs::copy(fixture("integrity/tampered.json"), dir.join("sub dir").join(name)).unwrap();
    }
    // Relative: against %SRCROOT%, the directory aeb-verify ran in.
    let (code, v) = sarif(&["sub dir"], Some(&dir));
    assert_eq!(code, 1);
    let run = &v["runs"][0];
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    let base = url::Url::parse(root).unwrap();
    assert_eq!(base.to_file_path().unwrap(), std::fs::canonicalize(&dir).unwrap());
    let artifacts = run["artifacts"].as_array().unwrap();
    assert_eq!(artifacts.len(), HOSTILE_NAMES.len());
    let mut names: Vec<&str> = HOSTILE_NAMES.to_vec();
    names.sort();
    for (a, name) in artifacts.iter().zip(&names) {
        let loc = &a["location"];
        assert_eq!(loc["uriBaseId"], "%SRCROOT%");
        let uri = loc["uri"].as_str().unwrap();
        assert!(!uri.contains([' ', '#', '?', '"', '\t']) && !uri.starts_with("c:"), "{uri}");
        let resolved = base.join(uri).unwrap();
        assert_eq!(resolved.to_file_path().unwrap(), std::fs::canonicalize(&dir).unwrap().join("sub dir").join(name));
    }
    // Every result points at its artifact the same way.
    for r in run["results"].as_array().unwrap() {
        let al = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        let i = al["index"].as_u64().unwrap() as usize;
        assert_eq!(al["uri"], artifacts[i]["location"]["uri"]);
    }
    // Absolute: a file:// URI of its own.
    let abs = dir.join("sub dir").join("a#b.json");
    let (_, v) = sarif(&[abs.to_str().unwrap()], None);
    let uri = v["runs"][0]["artifacts"][0]["location"]["uri"].as_str().unwrap();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert_eq!(url::Url::parse(uri).unwrap().to_file_path().unwrap(), abs);
}

#[test]
fn fingerprints_are_stable_and_tell_findings_apart() {
    let p = fixture("seed-example-sealed.json");
    let (_, a) = sarif(&[p.to_str().unwrap()], None);
    let (_, b) = sarif(&[p.to_str().unwrap()], None);
    let prints = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let key = format!("{} {}", r["ruleId"], r["properties"]["pointer"]);
                (key, r["partialFingerprints"]["aebFinding/v1"].as_str().unwrap().to_owned())
            })
            .collect()
    };
    let (pa, pb) = (prints(&a), prints(&b));
    assert!(pa.len() >= 5);
    assert_eq!(pa, pb, "the same run gives the same fingerprints");
    // One fingerprint per (rule, pointer), never shared between two of them.
    let keys: std::collections::BTreeSet<_> = pa.iter().map(|(k, _)| k).collect();
    let fps: std::collections::BTreeSet<_> = pa.iter().map(|(_, f)| f).collect();
    assert_eq!(keys.len(), fps.len());
}

#[test]
fn the_schema_check_itself_rejects_invalid_sarif() {
    // No tool.driver, a level that does not exist: the vendored schema must say no.
    let bad = r#"{"version":"2.1.0","runs":[{"tool":{},"results":[{"message":{"text":"x"},"level":"fatal"}]}]}"#;
    assert!(std::panic::catch_unwind(|| assert_valid_sarif(bad)).is_err());
}

#[test]
fn unreadable_inputs_are_tool_execution_notifications() {
    let seed = fixture("seed-example-sealed.json");
    let (code, v) = sarif(&[seed.to_str().unwrap(), "/nonexistent/x.json"], None);
    assert_eq!(code, 2);
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = &inv["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert_eq!(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///nonexistent/x.json");
    let (code, v) = sarif(&[seed.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

/// Paths that are not UTF-8, in the working directory (%SRCROOT%) and in file names, and
/// names holding a backslash or a newline: each URI resolves to the file's own bytes.
/// Before, a stray byte became the replacement character (`%EF%BF%BD`), naming no file.
#[test]
fn uris_name_the_files_own_bytes() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(std::ffi::OsStr::from_bytes(b"sarif-bytes-\xff"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let names: [&[u8]; 3] = [b"\xfe.json", b"back\\slash.json", b"new\nline.json"];
    for name in names {
        std::fs::copy(fixture("integrity/tampered.json"), dir.join("b").join(std::ffi::OsStr::from_bytes(name)))
            .unwrap();
    }
    let (code, v) = sarif(&["b"], Some(&dir));
    assert_eq!(code, 1);
    let run = &v["runs"][0];
    let base = url::Url::parse(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap()).unwrap();
    assert_eq!(base.to_file_path().unwrap(), std::fs::canonicalize(&dir).unwrap());
    let mut resolved: Vec<PathBuf> = run["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| base.join(a["location"]["uri"].as_str().unwrap()).unwrap().to_file_path().unwrap())
        .collect();
    resolved.sort();
    let mut want: Vec<PathBuf> = names
        .iter()
        .map(|n| std::fs::canonicalize(&dir).unwrap().join("b").join(std::ffi::OsStr::from_bytes(n)))
        .collect();
    want.sort();
    assert_eq!(resolved, want);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Entries a directory walk left out are tool execution notifications: a warning when
/// nothing verified what they name, an error under `--strict`, which makes the run
/// unsuccessful; the document stays valid SARIF.
#[cfg(unix)]
#[test]
fn entries_left_out_are_notifications() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sarif-left-out");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("a.json")).unwrap();
    std::os::unix::fs::symlink(fixture("seed-example-sealed.json"), dir.join("link.json")).unwrap();
    let d = dir.to_str().unwrap();
    for (strict, code, level, success) in [(false, 0, "warning", true), (true, 1, "error", false)] {
        let args: Vec<&str> = if strict { vec!["--strict", d] } else { vec![d] };
        let (got, v) = sarif(&args, None);
        // Under --strict the seed's own warnings reject it too; the run is unsuccessful
        // only because of the entry left out (its findings are results, not failures).
        assert_eq!(got, code);
        let inv = &v["runs"][0]["invocations"][0];
        assert_eq!(inv["executionSuccessful"], success);
        let n = &inv["toolExecutionNotifications"][0];
        assert_eq!(n["level"], level);
        assert!(n["message"]["text"].as_str().unwrap().contains("link.json: a symbolic link"), "{n}");
    }
}

/// Standard input is no file of the repository: its artifact location is the absolute
/// `file:///dev/stdin`, with the description "standard input". It was `"uri": "stdin"`
/// with no `uriBaseId`, a relative reference code scanning resolves against the
/// repository: the findings of a bundle piped in were put on a file named `stdin`
/// (`assert_valid_sarif` now refuses any relative `uri` without a base, 3.4.4). Then it
/// had no `uri`, which SARIF 2.1.0 allows (3.4.3) but code scanning does not: it requires
/// a non-empty `physicalLocation.artifactLocation.uri` in every result's location and
/// refuses the whole upload otherwise, "locationFromSarifResult: expected artifact
/// location" (github/codeql-action issue 1738, microsoft/sarif-sdk pull request 2704), so
/// `aeb-verify - < b.json --format sarif` could not be uploaded at all.
#[test]
fn standard_input_is_no_file_of_the_repository() {
    let bytes = std::fs::read(fixture("seed-example.json")).unwrap();
    let r = run_with_stdin(&["--format", "sarif", "--now", NOW, "-"], Some(&bytes));
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let v = assert_valid_sarif(&r.stdout);
    let run = &v["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty(), "the unsealed example has findings");
    for res in results {
        let loc = &res["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uri"], "file:///dev/stdin", "{loc}");
        assert!(loc.get("uriBaseId").is_none(), "{loc}");
        assert_eq!(loc["description"]["text"], "standard input");
        assert_eq!(loc["index"], 0);
        assert!(res["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().is_some());
    }
    let art = &run["artifacts"][0]["location"];
    assert_eq!(art["uri"], "file:///dev/stdin", "{art}");
    assert_eq!(art["description"]["text"], "standard input");
    // The same findings, at the same lines, as `--format json` reports for the input.
    let json = run_with_stdin(&["--format", "json", "--now", NOW, "-"], Some(&bytes));
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let expected: Vec<_> = report["bundles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].clone(), f["pointer"].clone(), f["line"].clone(), f["column"].clone()))
        .collect();
    let got: Vec<_> = results
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].clone(),
                r["properties"]["pointer"].clone(),
                region["startLine"].clone(),
                region["startColumn"].clone(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

/// `aebFinding/v1` as docs/report-format.md defines it, computed here apart from the
/// tool: the first 16 bytes of SHA-256 over file, rule and pointer (each followed by a
/// NUL), and for the n-th finding of one rule at one pointer after the first, n too.
fn documented_fingerprint(file: &str, rule: &str, pointer: &str, occurrence: usize) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [file, rule, pointer] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    if occurrence > 0 {
        h.update(format!("{occurrence}\0").as_bytes());
    }
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// "1 billion records and 2 billion rows" holds two contradicted record claims in one
/// string (fixtures/audit/CASES.md: "both contradictions"): two claims.records results
/// at one pointer. They shared one fingerprint, so a result management system (code
/// scanning matches alerts by fingerprint) took them for one result and showed one
/// claim. Every result of a run now has its own; the first keeps the one it had.
#[test]
fn two_findings_of_one_rule_at_one_pointer_have_two_fingerprints() {
    let rel = "audit/marketplace-claims-two-in-one-field.json";
    let p = fixture(rel);
    let (_, v) = sarif(&[p.to_str().unwrap()], None);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let pointer = "/enterprise_validation/scale_proven";
    let claims: Vec<&serde_json::Value> =
        results.iter().filter(|r| r["ruleId"] == "claims.records" && r["properties"]["pointer"] == pointer).collect();
    assert_eq!(claims.len(), 2, "{results:?}");
    // The file as named on the command line: the report's name for it.
    let file = p.to_str().unwrap();
    let prints: Vec<&str> =
        claims.iter().map(|r| r["partialFingerprints"]["aebFinding/v1"].as_str().unwrap()).collect();
    assert_eq!(
        prints,
        [
            documented_fingerprint(file, "claims.records", pointer, 0),
            documented_fingerprint(file, "claims.records", pointer, 1)
        ]
    );
    for other in ["audit/claims-years-after-change.json", "audit/claims-words-umpteen-times.json", rel] {
        let p = fixture(other);
        let (_, v) = sarif(&[p.to_str().unwrap()], None);
        let results = v["runs"][0]["results"].as_array().unwrap();
        let distinct: std::collections::BTreeSet<&str> =
            results.iter().map(|r| r["partialFingerprints"]["aebFinding/v1"].as_str().unwrap()).collect();
        assert_eq!(distinct.len(), results.len(), "{other}: {results:?}");
    }
}

/// Under `--strict` a warning rejects the bundle, so its result is at level `error`:
/// code scanning fails its check on `error` results, and a gate reading the SARIF counts
/// them. The sealed seed has warnings and no error (`sig.none` at `/signatures`, the
/// audit's and claims' warnings, one info `audit.implied-records`): before, under
/// `--strict` it was rejected (exit 1) with every result at `warning` or `note`, so the
/// SARIF of a rejected run showed nothing failing. The finding's own severity stays in
/// `properties.severity`; an info stays a `note`.
#[test]
fn strict_warnings_are_error_results() {
    let sealed = fixture("seed-example-sealed.json");
    let f = sealed.to_str().unwrap();
    for (strict, code, warning_level) in [(true, 1, "error"), (false, 0, "warning")] {
        let args: Vec<&str> = if strict { vec!["--strict", f] } else { vec![f] };
        let (got, v) = sarif(&args, None);
        assert_eq!(got, code, "strict {strict}");
        let results = v["runs"][0]["results"].as_array().unwrap();
        let sig_none = results
            .iter()
            .find(|r| r["ruleId"] == "sig.none")
            .unwrap_or_else(|| panic!("no sig.none result: {results:?}"));
        assert_eq!(sig_none["properties"]["pointer"], "/signatures");
        assert_eq!(sig_none["level"], warning_level, "strict {strict}");
        let errors = results.iter().filter(|r| r["level"] == "error").count();
        assert_eq!(errors > 0, strict, "strict {strict}: {errors} error results");
        let info = results.iter().find(|r| r["ruleId"] == "audit.implied-records").unwrap();
        assert_eq!(info["level"], "note");
        assert_eq!(sig_none["properties"]["severity"], "warning");
        assert_eq!(info["properties"]["severity"], "info");
    }
}

/// A member name may hold a NUL (`"x\u00001"`, valid JSON and I-JSON), and the hashed
/// stream had a NUL after the pointer then the occurrence's digits: the e-mail address
/// in `/x-notes/x\u{0}1` (line 77) hashed as the second one in `/x-notes/x` (line 76),
/// so two results at two lines shared one fingerprint, one alert to code scanning
/// (fixtures/output/fingerprint-nul-name.json, made by fixtures/make-fixtures.py). A NUL
/// in the pointer is now hashed as NUL and U+0001, which no terminator is followed by;
/// a pointer without a NUL keeps the fingerprint the documentation defines.
#[test]
fn a_nul_in_a_member_name_cannot_share_a_fingerprint() {
    let p = fixture("output/fingerprint-nul-name.json");
    let file = p.to_str().unwrap();
    let (code, v) = sarif(&["--profile", "public", file], None);
    assert_eq!(code, 1);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let email: Vec<(&str, u64, &str)> = results
        .iter()
        .filter(|r| r["ruleId"] == "redaction.pii-email")
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["properties"]["pointer"].as_str().unwrap(),
                region["startLine"].as_u64().unwrap(),
                r["partialFingerprints"]["aebFinding/v1"].as_str().unwrap(),
            )
        })
        .collect();
    let (x, nul) = ("/x-notes/x", "/x-notes/x\u{0}1");
    let at: Vec<(&str, u64)> = email.iter().map(|e| (e.0, e.1)).collect();
    let (line_x, line_nul) = (line_of("\"x\": \"mail alice"), line_of("\"x\\u00001\""));
    assert_eq!(at, [(x, line_x as u64), (x, line_x as u64), (nul, line_nul as u64)], "{email:?}");
    assert_eq!(email[0].2, documented_fingerprint(file, "redaction.pii-email", x, 0));
    assert_eq!(email[1].2, documented_fingerprint(file, "redaction.pii-email", x, 1));
    let distinct: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r["partialFingerprints"]["aebFinding/v1"].as_str().unwrap()).collect();
    assert_eq!(distinct.len(), results.len(), "{results:?}");
}
