//! The progress bar: drawn on standard error for a batch that runs longer than about a
//! second when standard error is a terminal (here a pseudo-terminal made by util-linux
//! `script`), never when standard error is piped, nor under CI.
#![cfg(unix)]

mod common;
use common::*;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// A batch long enough to pass the one-second mark in a debug build (800 bundles no
/// longer were, once positions took one pass).
fn batch() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("progress-bar-3000");
    if !dir.join("2999.json").exists() {
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..3000 {
            std::fs::copy(fixture("seed-example-sealed.json"), dir.join(format!("{i:04}.json"))).unwrap();
        }
    }
    dir
}

/// Runs aeb-verify with standard error on a pseudo-terminal and standard output to
/// /dev/null; returns what the terminal showed and the exit status.
fn on_a_terminal(ci: bool) -> (String, i32) {
    let cmd = format!("{} -q --now {NOW} {} > /dev/null", env!("CARGO_BIN_EXE_aeb-verify"), batch().display());
    let mut c = Command::new("script");
    c.args(["-qec", &cmd, "/dev/null"]).env_remove("CI").stdin(Stdio::null());
    if ci {
        c.env("CI", "true");
    }
    let out = c.output().expect("util-linux script");
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn a_long_batch_on_a_terminal_shows_progress() {
    let (shown, code) = on_a_terminal(false);
    assert_eq!(code, 0);
    assert!(shown.contains("/3000 bundles"), "no progress bar on the terminal: {shown:?}");
}

#[test]
fn no_progress_bar_under_ci_or_when_piped() {
    let (shown, code) = on_a_terminal(true);
    assert_eq!(code, 0);
    assert!(!shown.contains("bundles,"), "a progress bar under CI: {shown:?}");
    let piped = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["-q", "--now", NOW])
        .arg(batch())
        .env_remove("CI")
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert!(piped.stderr.is_empty(), "{}", String::from_utf8_lossy(&piped.stderr));
}

/// With standard output on the same terminal, the verdict lines (written as the batch
/// goes, since `-q` streams) must not land on the bar's line: each is written with the
/// bar taken down. Read from the terminal's transcript: after the last carriage return
/// of a line and without escape sequences, a verdict line starts with its word.
#[test]
fn verdict_lines_on_the_same_terminal_are_not_drawn_over() {
    let cmd = format!("{} -q --now {NOW} {}", env!("CARGO_BIN_EXE_aeb-verify"), batch().display());
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env_remove("CI")
        .stdin(Stdio::null())
        .output()
        .expect("util-linux script");
    assert_eq!(out.status.code(), Some(0));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("/3000 bundles"), "no progress bar on the terminal: {shown:?}");
    let escape = regex::Regex::new("\x1b\\[[0-9;]*[A-Za-z]").unwrap();
    let mut verdicts = 0;
    for line in shown.split('\n').filter(|l| l.contains("VERIFIED")) {
        // The terminal ends each line with CR LF.
        let line = line.trim_end_matches('\r');
        let last = line.rsplit('\r').next().unwrap_or(line);
        let text = escape.replace_all(last, "");
        assert!(text.starts_with("VERIFIED "), "a verdict drawn over: {line:?}");
        verdicts += 1;
    }
    assert_eq!(verdicts, 3000);
}
