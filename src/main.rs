//! The binary: parse the command line, read the clock once, run, exit.
#![forbid(unsafe_code)]

use aeb_verify::{app, cli::Cli};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    let mut env = app::Env {
        clock: time::OffsetDateTime::now_utc(),
        stdin: &mut std::io::stdin().lock(),
        stdout: &mut std::io::BufWriter::new(stdout.lock()),
        stderr: &mut std::io::stderr().lock(),
        stdout_is_terminal,
        stderr_is_terminal: std::io::stderr().is_terminal(),
        ci: std::env::var_os("CI").is_some_and(|v| !v.is_empty()),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        clicolor_force: std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0"),
    };
    ExitCode::from(app::run(cli, &mut env))
}
