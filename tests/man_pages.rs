//! The man pages in `man/`: one per visible subcommand besides aeb-verify(1), each what
//! `aeb-verify man [SUBCOMMAND]` prints (regenerate: `cargo run -- man > man/aeb-verify.1`
//! and `cargo run -- man NAME > man/aeb-verify-NAME.1`), with the sections a reader
//! expects, and clean under `groff -ww` and `mandoc -Tlint` (.ci/run installs both).

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

fn man_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("man")
}

/// The subcommands `--help` lists (the independent source of which pages must exist).
fn subcommands() -> Vec<String> {
    let help = run(&["--help"]).stdout;
    let section = help.split("Commands:").nth(1).expect("a Commands section").split("\n\n").next().unwrap();
    section
        .lines()
        // "  name  description"; wrapped description lines are indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| *w != "help")
        .map(str::to_owned)
        .collect()
}

fn pages() -> Vec<PathBuf> {
    let mut p: Vec<PathBuf> = std::fs::read_dir(man_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "1"))
        .collect();
    p.sort();
    p
}

#[test]
fn every_page_is_current_and_every_subcommand_has_one() {
    let subs = subcommands();
    assert!(subs.contains(&"canonicalize".to_owned()) && subs.len() >= 6, "{subs:?}");
    let mut expected: Vec<String> = subs.iter().map(|s| format!("aeb-verify-{s}.1")).collect();
    expected.push("aeb-verify.1".to_owned());
    expected.sort();
    let found: Vec<String> = pages().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(found, expected, "man/ must hold one page per subcommand");
    for page in pages() {
        let file = page.file_name().unwrap().to_string_lossy().into_owned();
        let sub = file.strip_prefix("aeb-verify-").map(|s| s.trim_end_matches(".1").to_owned());
        let mut args = vec!["man".to_owned()];
        args.extend(sub.clone());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let committed = std::fs::read_to_string(&page).unwrap();
        assert!(r.stdout == committed, "man/{file} is stale: run `cargo run -- {} > man/{file}`", args.join(" "));
    }
}

#[test]
fn the_main_page_has_exit_status_environment_and_examples() {
    let page = std::fs::read_to_string(man_dir().join("aeb-verify.1")).unwrap();
    for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH EXAMPLES", ".SH \"SEE ALSO\""] {
        assert!(page.contains(section), "no {section}");
    }
    for var in ["NO_COLOR", "CLICOLOR_FORCE"] {
        assert!(page.contains(&format!("\\fB{var}\\fR")), "ENVIRONMENT names {var}");
    }
    // The page names every subcommand's page.
    for s in subcommands() {
        assert!(page.contains(&format!("aeb\\-verify\\-{s}")), "no reference to aeb-verify-{s}(1)");
    }
    let canon = std::fs::read_to_string(man_dir().join("aeb-verify-canonicalize.1")).unwrap();
    assert!(canon.contains(".SH OPTIONS") && canon.contains("max\\-bytes"), "the subcommand's own options");
}

#[test]
fn groff_and_mandoc_find_nothing_to_say() {
    // README's `cargo test` must pass on a fresh machine with only a Rust toolchain; the
    // linters are system packages. CI (.ci/run installs both, and sets CI) must run it.
    let have = |tool: &str| Command::new(tool).arg("--version").output().is_ok();
    if !(have("groff") && have("mandoc")) && std::env::var_os("CI").is_none() {
        eprintln!("man-page lint not run: groff or mandoc is not installed (apt-get install groff mandoc)");
        return;
    }
    for page in pages() {
        let groff = Command::new("groff").args(["-ww", "-man", "-Tutf8", "-z"]).arg(&page).output();
        let groff = groff.expect("groff is installed (apt-get install groff; .ci/run does it)");
        assert!(
            groff.status.success() && groff.stderr.is_empty(),
            "groff -ww {}: {}",
            page.display(),
            String::from_utf8_lossy(&groff.stderr)
        );
        let mandoc = Command::new("mandoc").arg("-Tlint").arg(&page).output();
        let mandoc = mandoc.expect("mandoc is installed (apt-get install mandoc; .ci/run does it)");
        let said = String::from_utf8_lossy(&mandoc.stdout).into_owned() + &String::from_utf8_lossy(&mandoc.stderr);
        assert!(mandoc.status.success() && said.trim().is_empty(), "mandoc -Tlint {}: {said}", page.display());
    }
}

#[test]
fn colour_follows_no_color_and_clicolor_force() {
    let seed = fixture("seed-example-sealed.json");
    let s = seed.to_str().unwrap();
    let esc = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
        cmd.args(args).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap().stdout.contains(&0x1b)
    };
    assert!(!esc(&[s], &[]), "piped: no colour");
    assert!(esc(&[s], &[("CLICOLOR_FORCE", "1")]), "CLICOLOR_FORCE colours a pipe");
    assert!(!esc(&[s], &[("CLICOLOR_FORCE", "0")]));
    assert!(!esc(&[s], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]), "NO_COLOR wins");
    assert!(!esc(&["--color", "never", s], &[("CLICOLOR_FORCE", "1")]));
}

/// `CLICOLOR=0` declines colour on a terminal (bixense.com/clicolors, as the man page's
/// ENVIRONMENT says); `CLICOLOR_FORCE` still forces it. Run under a pseudo-terminal
/// (util-linux `script`), since a pipe is never coloured anyway.
#[test]
fn clicolor_zero_declines_colour_on_a_terminal() {
    let seed = fixture("seed-example-sealed.json");
    let line = format!("'{}' --now 2026-11-25T00:00:00Z '{}'", env!("CARGO_BIN_EXE_aeb-verify"), seed.display());
    let esc = |env: &[(&str, &str)]| {
        let mut cmd = Command::new("script");
        cmd.args(["-qec", &line, "/dev/null"])
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR");
        cmd.env("TERM", "xterm");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("util-linux script runs a pseudo-terminal");
        assert!(out.status.code() == Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout.contains(&0x1b)
    };
    assert!(esc(&[]), "a terminal is coloured");
    assert!(esc(&[("CLICOLOR", "1")]));
    assert!(!esc(&[("CLICOLOR", "0")]), "CLICOLOR=0 declines colour");
    assert!(esc(&[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")]), "CLICOLOR_FORCE wins");
}
