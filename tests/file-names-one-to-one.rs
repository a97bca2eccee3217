//! Two files never share a name in a report. Directory trees are hostile: before this,
//! a name holding a newline and a name spelling `\u{a}` were both reported as
//! `x\u{a}y.json`, and every name with bytes that are not UTF-8 became U+FFFD (two files
//! `\xff.json` and `\xfe.json` were both `�.json`), so a REJECTED bundle and a VERIFIED
//! one could carry the same name in every format, and SARIF pointed both at a file that
//! does not exist. Names are now escaped one-to-one (`\\` for a backslash, `\u{..}`,
//! `\x{..}`), SARIF percent-encodes the file's own bytes, and the recorded command names
//! the files themselves.

mod common;

use common::{fixture, rerun_recorded, NOW};
use std::collections::BTreeSet;
use std::os::unix::ffi::OsStrExt as _;
use std::path::PathBuf;
use std::process::Command;

/// (name on disk, name the reports show, percent-encoded URI, verified?)
const FILES: [(&[u8], &str, &str, bool); 4] = [
    (b"x\ny.json", "x\\u{a}y.json", "x%0Ay.json", false),
    (b"x\\u{a}y.json", "x\\\\u{a}y.json", "x%5Cu%7Ba%7Dy.json", true),
    (b"\xff.json", "\\x{ff}.json", "%FF.json", true),
    (b"\xfe.json", "\\x{fe}.json", "%FE.json", false),
];

fn scratch() -> PathBuf {
    let files: Vec<(&std::ffi::OsStr, bool)> =
        FILES.iter().map(|(name, _, _, ok)| (std::ffi::OsStr::from_bytes(name), *ok)).collect();
    common::signed_and_tampered("names", &files)
}

fn args<'a>(cert: &'a str, format: &'a str) -> Vec<&'a str> {
    vec!["--now", NOW, "--cert", cert, "--format", format, "b"]
}

/// (file, verdict) of each bundle of a JSON report.
fn verdicts(report: &serde_json::Value) -> BTreeSet<(String, String)> {
    let bundles = report["bundles"].as_array().unwrap().iter();
    bundles.map(|b| (b["file"].as_str().unwrap().to_owned(), b["verdict"].as_str().unwrap().to_owned())).collect()
}

#[test]
fn each_file_keeps_a_name_of_its_own_in_every_report() {
    let dir = scratch();
    let cert = fixture("signatures/certs/ed25519.asc");
    let cert = cert.to_str().unwrap();

    let json = common::run_in(&dir, &args(cert, "json"));
    assert_eq!(json.code, 1, "two of the four bundles are tampered: {}", json.stderr);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let got = verdicts(&report);
    let want: BTreeSet<(String, String)> = FILES
        .iter()
        .map(|(_, shown, _, ok)| (format!("b/{shown}"), if *ok { "verified" } else { "rejected" }.to_owned()))
        .collect();
    assert_eq!(got, want);

    let human = common::run_in(&dir, &["--now", NOW, "--cert", cert, "-q", "--color", "never", "b"]);
    for (_, shown, _, ok) in FILES {
        let line = format!("{} b/{shown}: ", if ok { "VERIFIED" } else { "REJECTED" });
        assert_eq!(human.stdout.matches(&line).count(), 1, "{line} in\n{}", human.stdout);
    }

    let sarif = common::run_in(&dir, &args(cert, "sarif"));
    let sarif = common::assert_valid_sarif(&sarif.stdout);
    let uris = common::sarif_artifact_uris(&sarif);
    let want: BTreeSet<String> = FILES.iter().map(|(_, _, uri, _)| format!("b/{uri}")).collect();
    assert_eq!(uris, want);

    // The recorded command, run by bash, reads the same four files to the same verdicts.
    let command = sarif["runs"][0]["invocations"][0]["commandLine"].as_str().unwrap();
    let again = rerun_recorded(command, &dir);
    assert_eq!(verdicts(&again), got, "{command}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt; the same ranges as
/// the `regex` package's `\p{Default_Ignorable_Code_Point}`): characters a renderer
/// shows as nothing when it does not support them, and many show as nothing anyway.
const DEFAULT_IGNORABLE: [(u32, u32); 17] = [
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

fn ignorable(c: char) -> bool {
    DEFAULT_IGNORABLE.iter().any(|(lo, hi)| (*lo..=*hi).contains(&u32::from(c)))
}

/// A name holding a character that displays as nothing (a variation selector, the
/// combining grapheme joiner, a Mongolian free variation selector, a variation selector
/// supplement) read as the name without it: `v\u{fe0f}.json`, verified, showed as
/// `v.json` beside the tampered `v.json`, rejected. No report carries such a character
/// raw, in any format.
#[test]
fn characters_that_display_as_nothing_are_escaped_in_names() {
    let dir = std::env::temp_dir().join(format!("aeb-names-ignorable-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let good = std::fs::read(fixture("signatures/bundles/pgp-ed25519.json")).unwrap();
    let bad = std::fs::read(fixture("signatures/bundles/pgp-tampered.json")).unwrap();
    std::fs::write(dir.join("b/v.json"), &bad).unwrap();
    for hidden in ['\u{fe0f}', '\u{34f}', '\u{180f}', '\u{e0100}', '\u{17b4}', '\u{2065}'] {
        std::fs::write(dir.join(format!("b/v{hidden}.json")), &good).unwrap();
    }
    let cert = fixture("signatures/certs/ed25519.asc");
    for format in ["human", "json", "jsonl", "sarif", "junit", "markdown", "html"] {
        let r = common::run_in(&dir, &args(cert.to_str().unwrap(), format));
        assert_eq!(r.code, 1, "{format}: v.json is tampered: {}", r.stderr);
        let text = String::from_utf8(r.raw).unwrap();
        let raw: Vec<String> =
            text.chars().filter(|c| ignorable(*c)).map(|c| format!("U+{:04X}", u32::from(c))).collect();
        assert!(raw.is_empty(), "{format}: {raw:?} raw in the report");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// An `--artifact` file is named back to its own bytes in the recorded command, as an
/// input is. It was written as its report name inside plain quotes (`--artifact
/// 'schema=sch\\ema.json'`, `'recipe=x\u{200e}y.json'`): bash handed the rerun other
/// names, so the recorded command stopped with "cannot read" (exit 2) instead of
/// repeating the run, or hashed a file planted under the escaped name. Each file's
/// hash, as `sha256sum` computes it, is the same in the run and in its rerun.
#[test]
fn the_recorded_command_names_artifact_files_by_their_own_bytes() {
    let dir = common::signed_and_tampered("names-artifacts", &[("a.json".as_ref(), true)]);
    // (`--artifact` takes UTF-8 text: clap refuses other bytes before the run.)
    let names: [&[u8]; 3] = [b"sch\\ema.json", "x\u{200e}y.json".as_bytes(), "caf\u{e9}.json".as_bytes()];
    for (i, name) in names.iter().enumerate() {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), format!("{{\"n\": {i}}}")).unwrap();
    }
    let sha256sum = |name: &[u8]| -> String {
        // Read on standard input: `sha256sum NAME` marks a name holding a backslash.
        let file = std::fs::File::open(dir.join(std::ffi::OsStr::from_bytes(name))).unwrap();
        let out = std::process::Command::new("sha256sum").stdin(file).output().unwrap();
        String::from_utf8(out.stdout).unwrap().split(' ').next().unwrap().to_owned()
    };
    let mut args: Vec<std::ffi::OsString> = vec!["--now".into(), NOW.into(), "--format".into(), "json".into()];
    for (kind, name) in ["schema", "recipe", "other"].iter().zip(names) {
        let mut spec = std::ffi::OsString::from(format!("{kind}="));
        spec.push(std::ffi::OsStr::from_bytes(name));
        args.extend(["--artifact".into(), spec]);
    }
    args.push("b/a.json".into());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify")).args(&args).current_dir(&dir).output();
    let out = out.unwrap();
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let hashes = |r: &serde_json::Value| -> Vec<String> {
        r["record"]["artifacts"].as_array().unwrap().iter().map(|a| a["sha256"].as_str().unwrap().to_owned()).collect()
    };
    let want: Vec<String> = names.iter().map(|n| sha256sum(n)).collect();
    assert_eq!(hashes(&report), want);
    let command = report["record"]["command"].as_str().unwrap();
    let again = rerun_recorded(command, &dir);
    assert_eq!(hashes(&again), want, "{command}");
    assert_eq!(again["verdict"], report["verdict"], "{command}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A name that starts with `=` was recorded unquoted (`aeb-verify ... =x.json`). bash and
/// sh read that back as the name, but zsh, a common interactive shell (macOS's default),
/// replaces a word starting with `=` by the path of the command it names (its EQUALS
/// option, on by default: `=ls` is `/usr/bin/ls`) and stops with "x.json not found"
/// when there is none. Such a name is quoted, and the command, run by zsh where it is
/// installed, repeats the run.
#[test]
fn a_name_starting_with_an_equals_sign_is_quoted_for_zsh() {
    let dir = common::signed_and_tampered("names-equals", &[("=x.json".as_ref(), true), ("=ls".as_ref(), false)]);
    let cert = fixture("signatures/certs/ed25519.asc");
    let run = common::run_in(
        &dir.join("b"),
        &args(cert.to_str().unwrap(), "json")[..6].iter().copied().chain(["=x.json", "=ls"]).collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 1, "=ls is tampered: {}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let command = report["record"]["command"].as_str().unwrap();
    assert!(command.ends_with(" '=x.json' '=ls'"), "{command}");
    let want =
        BTreeSet::from([("=ls".to_owned(), "rejected".to_owned()), ("=x.json".to_owned(), "verified".to_owned())]);
    assert_eq!(verdicts(&report), want);
    for shell in ["bash", "dash", "zsh"] {
        if Command::new(shell).arg("-c").arg("true").status().is_ok_and(|s| s.success()) {
            let again = common::rerun_recorded_by(shell, command, &dir.join("b"), None);
            assert_eq!(verdicts(&again), want, "{shell}: {command}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
