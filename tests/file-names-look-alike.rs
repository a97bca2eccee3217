//! Two files of one run whose names display alike are shown apart in every report.
//! `caf\u{e9}.json` (NFC) and `cafe\u{301}.json` (NFD) are drawn identically, and so
//! are `paypal.json` and `\u{440}\u{430}ypal.json` (Cyrillic er and a): before, an
//! auditor read "VERIFIED café.json" and "REJECTED café.json" and could not tell which
//! file was the honest bundle and which the planted one. Now each name of such a pair
//! has its characters beyond ASCII spelled `\u{..}` (the escape file names already use),
//! and a name that collides with no other is shown as it is.

mod common;

use common::{fixture, rerun_recorded, NOW};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// (name on disk, as explicit code points; name the reports show; verified?)
const FILES: [(&str, &str, bool); 5] = [
    ("caf\u{e9}.json", "caf\\u{e9}.json", true),
    ("cafe\u{301}.json", "cafe\\u{301}.json", false),
    ("paypal.json", "paypal.json", true),
    ("\u{440}\u{430}ypal.json", "\\u{440}\\u{430}ypal.json", false),
    // Alike to no other name: shown as it is.
    ("na\u{ef}ve.json", "na\u{ef}ve.json", true),
];

fn scratch() -> PathBuf {
    let files: Vec<(&std::ffi::OsStr, bool)> = FILES.iter().map(|(name, _, ok)| (name.as_ref(), *ok)).collect();
    common::signed_and_tampered("names-alike", &files)
}

/// Exit code and standard output, which must be UTF-8.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let r = common::run_in(dir, args);
    (r.code, String::from_utf8(r.raw).unwrap())
}

fn want() -> BTreeSet<(String, String)> {
    FILES.iter().map(|(_, shown, ok)| (format!("b/{shown}"), verdict(*ok).to_owned())).collect()
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "verified"
    } else {
        "rejected"
    }
}

/// The raw names of the colliding files, which no report may show as they are.
fn raw_look_alikes() -> Vec<&'static str> {
    FILES.iter().filter(|(name, shown, _)| name != shown && !name.is_ascii()).map(|(name, _, _)| *name).collect()
}

#[test]
fn names_drawn_alike_are_shown_apart_in_every_report() {
    // The pairs do display alike: equal after NFC (U+00E9 is U+0065 U+0301 composed),
    // and U+0440 U+0430 are drawn as Latin p and a.
    assert_eq!(FILES[0].0.len(), FILES[1].0.len() - 1);
    let dir = scratch();
    let cert = fixture("signatures/certs/ed25519.asc");
    let cert = cert.to_str().unwrap();
    let args = |format| vec!["--now", NOW, "--cert", cert, "--color", "never", "--format", format, "b"];

    let (code, json) = run(&dir, &args("json"));
    assert_eq!(code, 1, "two bundles are tampered");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let got: BTreeSet<(String, String)> = report["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["file"].as_str().unwrap().to_owned(), b["verdict"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(got, want());

    let (_, jsonl) = run(&dir, &args("jsonl"));
    let got: BTreeSet<(String, String)> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("file").is_some())
        .map(|b| (b["file"].as_str().unwrap().to_owned(), b["verdict"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(got, want(), "{jsonl}");

    let (_, quiet) = run(&dir, &["--now", NOW, "--cert", cert, "-q", "--color", "never", "b"]);
    for (_, shown, ok) in FILES {
        let line = format!("{} b/{shown}: ", verdict(ok).to_uppercase());
        assert_eq!(quiet.matches(&line).count(), 1, "{line} in\n{quiet}");
    }

    for format in ["human", "json", "jsonl", "junit", "markdown", "html", "sarif"] {
        let (code, text) = run(&dir, &args(format));
        assert_eq!(code, 1, "{format}");
        for raw in raw_look_alikes() {
            assert!(!text.contains(raw), "{format} shows {raw:?} raw:\n{text}");
        }
        if format != "sarif" {
            for (_, shown, _) in FILES {
                let shown =
                    if format == "json" || format == "jsonl" { shown.replace('\\', "\\\\") } else { shown.to_owned() };
                assert!(text.contains(&shown), "{format} lacks {shown:?}:\n{text}");
            }
        }
    }

    // JUnit: each test case under its own name, the tampered ones failed.
    let (_, junit) = run(&dir, &args("junit"));
    for (_, shown, ok) in FILES {
        let at = junit.find(&format!("name=\"b/{shown}\"")).unwrap_or_else(|| panic!("{shown} in\n{junit}"));
        let case = &junit[at..];
        let case = &case[..case.find("</testcase>").unwrap_or(case.len())];
        assert_eq!(case.contains("<failure"), !ok, "{shown}: {case}");
    }

    // SARIF names each file by its own bytes, percent-encoded (RFC 3986).
    let (_, sarif) = run(&dir, &args("sarif"));
    let sarif = common::assert_valid_sarif(&sarif);
    let uris = common::sarif_artifact_uris(&sarif);
    for uri in ["b/caf%C3%A9.json", "b/cafe%CC%81.json", "b/%D1%80%D0%B0ypal.json"] {
        assert!(uris.contains(uri), "{uri} in {uris:?}");
    }

    // The recorded command names the files apart too, and bash reads it back to the
    // same files and the same verdicts.
    let command = report["record"]["command"].as_str().unwrap();
    for raw in raw_look_alikes() {
        assert!(!command.contains(raw), "{command}");
    }
    let again = rerun_recorded(command, &dir);
    assert_eq!(again["summary"], report["summary"], "{command}");
    assert_eq!(again["bundles"].as_array().unwrap().len(), FILES.len());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A path named on the command line that cannot be used (here it does not exist) is
/// listed by name beside the verdicts: "cannot read café.json" (NFD) beside "VERIFIED
/// café.json" (NFC) read as one file both verified and unreadable. Both are spelled out.
#[test]
fn an_unusable_path_drawn_alike_is_named_apart_from_the_verified_file() {
    let dir = std::env::temp_dir().join(format!("aeb-names-alike-unusable-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let good = std::fs::read(fixture("signatures/bundles/pgp-ed25519.json")).unwrap();
    std::fs::write(dir.join("b/caf\u{e9}.json"), good).unwrap();
    let cert = fixture("signatures/certs/ed25519.asc");
    let cert = cert.to_str().unwrap();
    let base = ["--now", NOW, "--cert", cert, "--color", "never", "b", "b/cafe\u{301}.json"];

    let (code, json) = run(&dir, &[&base[..], &["--format", "json"]].concat());
    assert_eq!(code, 2, "a named path that cannot be read leaves the run incomplete");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["bundles"][0]["file"], "b/caf\\u{e9}.json");
    assert_eq!(report["bundles"][0]["verdict"], "verified");
    assert_eq!(report["unreadable"][0]["file"], "b/cafe\\u{301}.json");

    let (code, human) = run(&dir, &base);
    assert_eq!(code, 2);
    assert!(human.contains("VERIFIED  -                   b/caf\\u{e9}.json\n"), "{human}");
    assert!(human.contains("unreadable: b/cafe\\u{301}.json: "), "{human}");
    assert!(!human.contains("caf\u{e9}") && !human.contains("cafe\u{301}"), "{human}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Standard input is named `-`, which a file named U+2010 HYPHEN displays as: the
/// tampered bundle read from standard input and an honest file `\u{2010}` were
/// "REJECTED -" and "VERIFIED -". The file's name is spelled out.
#[test]
fn a_file_drawn_as_standard_input_is_named_apart_from_it() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("aeb-names-alike-stdin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("signatures/bundles/pgp-ed25519.json"), dir.join("\u{2010}")).unwrap();
    let bad = std::fs::read(fixture("signatures/bundles/pgp-tampered.json")).unwrap();
    let cert = fixture("signatures/certs/ed25519.asc");
    let run_stdin = |extra: &[&str]| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--now", NOW, "--cert", cert.to_str().unwrap(), "--color", "never", "-", "\u{2010}"])
            .args(extra)
            .current_dir(&dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&bad).unwrap();
        let out = child.wait_with_output().unwrap();
        (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, json) = run_stdin(&["--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["bundles"][0]["file"], "-");
    assert_eq!(report["bundles"][0]["verdict"], "rejected");
    assert_eq!(report["bundles"][1]["file"], "\\u{2010}");
    assert_eq!(report["bundles"][1]["verdict"], "verified");
    let (_, quiet) = run_stdin(&["-q"]);
    assert!(quiet.contains("REJECTED -: ") && quiet.contains("VERIFIED \\u{2010}: "), "{quiet}");
    assert!(!quiet.contains('\u{2010}'), "{quiet}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A name with a blank at its end ends a line of the summary table, or a Markdown code
/// span, as the name without it does: "VERIFIED - a.json" and "REJECTED ... a.json ".
#[test]
fn a_trailing_blank_is_spelled_out_beside_the_name_without_it() {
    let dir = std::env::temp_dir().join(format!("aeb-names-alike-blank-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("signatures/bundles/pgp-ed25519.json"), dir.join("a.json")).unwrap();
    std::fs::copy(fixture("signatures/bundles/pgp-tampered.json"), dir.join("a.json ")).unwrap();
    let cert = fixture("signatures/certs/ed25519.asc");
    let base = ["--now", NOW, "--cert", cert.to_str().unwrap(), "--color", "never", "a.json", "a.json "];
    let (code, json) = run(&dir, &[&base[..], &["--format", "json"]].concat());
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["bundles"][0]["file"], "a.json");
    assert_eq!(report["bundles"][0]["verdict"], "verified");
    assert_eq!(report["bundles"][1]["file"], "a.json\\u{20}");
    assert_eq!(report["bundles"][1]["verdict"], "rejected");
    let (_, human) = run(&dir, &base);
    assert!(human.contains("integrity.hash-mismatch  a.json\\u{20}\n"), "{human}");
    let (_, markdown) = run(&dir, &[&base[..], &["--format", "markdown"]].concat());
    assert!(markdown.contains("`a.json\\u{20}`") && !markdown.contains("`a.json `"), "{markdown}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The recorded command names the spelled-out files in every locale. It wrote their
/// characters beyond ASCII as `$'caf\u00e9.json'`, which bash turns into a character by
/// its locale: in the C or POSIX locale (a container's default, many CI runners') it
/// leaves the six characters `\u00E9` as they are, so the command named other files. A
/// delivery holding a file literally named `cafe\u0301.json` (signed) beside the
/// tampered `cafe\u{301}.json` had the rerun verify the planted file in the tampered
/// one's place. The bytes are now written `\xNN`, the same bytes in every locale.
#[test]
fn the_recorded_command_names_the_same_files_in_the_c_locale() {
    let mut files: Vec<(&std::ffi::OsStr, bool)> = FILES.iter().map(|(name, _, ok)| (name.as_ref(), *ok)).collect();
    // What bash in the C locale made of `$'cafe\u0301.json'`, planted and signed.
    files.push(("cafe\\u0301.json".as_ref(), true));
    files.push(("caf\\u00E9.json".as_ref(), false));
    let dir = common::signed_and_tampered("names-alike-c-locale", &files);
    let cert = fixture("signatures/certs/ed25519.asc");
    let (code, json) = run(&dir, &["--now", NOW, "--cert", cert.to_str().unwrap(), "--format", "json", "b"]);
    assert_eq!(code, 1, "three bundles are tampered");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let verdicts = |r: &serde_json::Value| -> Vec<(String, String)> {
        let bundles = r["bundles"].as_array().unwrap().iter();
        bundles.map(|b| (b["file"].as_str().unwrap().to_owned(), b["verdict"].as_str().unwrap().to_owned())).collect()
    };
    let mut want: Vec<(String, String)> = want().into_iter().collect();
    want.push(("b/cafe\\\\u0301.json".to_owned(), "verified".to_owned()));
    want.push(("b/caf\\\\u00E9.json".to_owned(), "rejected".to_owned()));
    want.sort();
    let mut got = verdicts(&report);
    got.sort();
    assert_eq!(got, want);
    let command = report["record"]["command"].as_str().unwrap();
    for locale in ["C", "POSIX", "C.UTF-8"] {
        let again = common::rerun_recorded_in_locale(command, &dir, Some(locale));
        let mut again_got = verdicts(&again);
        again_got.sort();
        assert_eq!(again_got, want, "LC_ALL={locale}: {command}");
        assert_eq!(again["summary"], report["summary"], "LC_ALL={locale}: {command}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A notice's reason names files too ("a symbolic link to b/café.json, a file this walk
/// reads"), and named them raw while the reports spelled the same file out: beside
/// `caf\u{e9}.json` (NFC, verified) and `cafe\u{301}.json` (NFD, rejected), the reason
/// could not say which of the two the link leads to. It now names it as every report
/// does (docs/report-format.md: such a name is `caf\u{e9}.json` in every format).
#[test]
fn a_name_quoted_in_a_notice_is_spelled_out_as_the_reports_spell_it() {
    let dir = scratch_tagged("names-alike-cited");
    std::os::unix::fs::symlink("caf\u{e9}.json", dir.join("b/link.json")).unwrap();
    let cert = fixture("signatures/certs/ed25519.asc");
    let r = common::run_in(&dir, &["--now", NOW, "--cert", cert.to_str().unwrap(), "--format", "json", "b"]);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0]["file"], "b/link.json");
    assert_eq!(skipped[0]["reason"], "a symbolic link to b/caf\\u{e9}.json, a file this walk reads: not read twice");
    assert!(r.stderr.contains("skipped b/link.json: a symbolic link to b/caf\\u{e9}.json, a file"), "{}", r.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn scratch_tagged(tag: &str) -> PathBuf {
    let files: Vec<(&std::ffi::OsStr, bool)> = FILES.iter().map(|(name, _, ok)| (name.as_ref(), *ok)).collect();
    common::signed_and_tampered(tag, &files)
}
