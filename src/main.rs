//! The binary: parse the command line, read the clock once, run, exit.
#![forbid(unsafe_code)]

use aeb_verify::app;
use std::io::IsTerminal;
use std::process::ExitCode;

/// A batch allocates and frees many small values per bundle (trees, pointers, findings):
/// glibc's malloc and free took about a sixth of its time, mimalloc about half of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // sequoia uses errors for control flow while parsing packets, and each anyhow error
    // captures a backtrace when RUST_BACKTRACE is set (as CI jobs often do): a fifth of
    // a batch's time, for backtraces no report ever shows. Library backtraces are off
    // unless asked for by name; panics still honour RUST_BACKTRACE. No thread exists yet.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    let cli = match app::parse_args(std::env::args_os().collect()) {
        app::Parsed::Run(cli) => *cli,
        app::Parsed::Shown(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        app::Parsed::Usage { text, code } => {
            use std::io::Write as _;
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            return ExitCode::from(code);
        }
    };
    let stdout = std::io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    // Whole blocks, not lines: std's standard output is line-buffered, and searched each
    // 20 KB JSON line of a batch for its last newline. The report flushes where a reader
    // must see what it wrote (a batch's verdicts as they are known, the end of a run).
    let (mut file, mut lock) = (None, None);
    let raw: &mut dyn std::io::Write = match stdout_file(&stdout) {
        Some(f) => file.insert(f),
        None => lock.insert(stdout.lock()),
    };
    let mut env = app::Env {
        clock: time::OffsetDateTime::now_utc(),
        stdin: &mut std::io::stdin().lock(),
        // Every command, not only verification: `aeb-verify rules | head` ends quietly.
        stdout: &mut app::Guard { inner: &mut std::io::BufWriter::new(raw), closed: false },
        stderr: &mut std::io::stderr().lock(),
        stdout_is_terminal,
        stderr_is_terminal: std::io::stderr().is_terminal(),
        ci: std::env::var_os("CI").is_some_and(|v| !v.is_empty()),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        dumb_terminal: std::env::var_os("TERM").is_some_and(|v| v == "dumb"),
        clicolor_off: std::env::var_os("CLICOLOR").is_some_and(|v| v == "0"),
        clicolor_force: std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0"),
        width: width(stdout_is_terminal),
    };
    ExitCode::from(app::run(cli, &mut env))
}

/// Standard output's descriptor, duplicated, to write it without std's line buffer. None
/// where it cannot be (not open: std's `Stdout` then drops what is written, quietly) or
/// off Unix.
#[cfg(unix)]
fn stdout_file(stdout: &std::io::Stdout) -> Option<std::fs::File> {
    use std::os::fd::AsFd as _;
    stdout.as_fd().try_clone_to_owned().ok().map(std::fs::File::from)
}

#[cfg(not(unix))]
fn stdout_file(_: &std::io::Stdout) -> Option<std::fs::File> {
    None
}

/// The terminal's columns; when piped, `COLUMNS` if set (so `COLUMNS=120 aeb-verify ... | less`
/// lays out wide), else 80.
fn width(terminal: bool) -> usize {
    let from_terminal = terminal.then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))).flatten();
    let from_env = || std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok());
    from_terminal.or_else(from_env).filter(|w| *w > 0).unwrap_or(80).clamp(40, 400)
}
