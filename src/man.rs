//! The man pages: `aeb-verify(1)` and one page per subcommand
//! (`aeb-verify-canonicalize(1)`, ...), generated from the command line's definition by
//! clap_mangen, with the sections a reader of a man page expects added to the main page:
//! EXIT STATUS, ENVIRONMENT, EXAMPLES, SEE ALSO. `man/` holds them as
//! `aeb-verify man [SUBCOMMAND]` prints them; a test keeps every page fresh.

use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

/// The command tree as the pages describe it (no `help` subcommand; display names
/// such as `aeb-verify-canonicalize` filled in).
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Names of the subcommands that have a page of their own.
pub fn subcommands() -> Vec<String> {
    command().get_subcommands().filter(|s| !s.is_hide_set()).map(|s| s.get_name().to_owned()).collect()
}

/// The pages' date: the release they describe (a fixed date keeps `man/` reproducible).
const DATE: &str = "2026-12-01";

/// Writes the page of `sub` (None: the main page). Err names an unknown subcommand.
pub fn render(sub: Option<&str>, w: &mut dyn Write) -> Result<(), String> {
    let mut page = Vec::new();
    raw(sub, &mut page)?;
    w.write_all(tidy(&String::from_utf8_lossy(&page)).as_bytes()).map_err(|e| e.to_string())
}

fn man(cmd: clap::Command) -> clap_mangen::Man {
    let title = cmd.get_display_name().unwrap_or_else(|| cmd.get_name()).to_ascii_uppercase();
    clap_mangen::Man::new(cmd).title(title).date(DATE).source(format!("aeb-verify {}", env!("CARGO_PKG_VERSION")))
}

/// What `mandoc -Tlint` and `groff -ww` ask of the generated roff: no trailing blanks,
/// text lines of at most 80 bytes (broken at spaces), no `.br` next to a paragraph
/// space (`.sp` or a blank line).
fn tidy(roff: &str) -> String {
    let lines: Vec<&str> = roff.lines().map(str::trim_end).collect();
    let mut out = String::with_capacity(roff.len() + 256);
    for (i, line) in lines.iter().enumerate() {
        let near_sp =
            |j: Option<usize>| j.and_then(|j| lines.get(j)).is_some_and(|l| l.is_empty() || l.starts_with(".sp"));
        if *line == ".br" && (near_sp(i.checked_sub(1)) || near_sp(Some(i + 1))) {
            continue;
        }
        if line.starts_with(['.', '\'']) || line.len() <= 80 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > 80 {
                out.push_str(&current);
                out.push('\n');
                current.clear();
            }
            if current.is_empty() {
                // A text line must not start with a control character.
                if word.starts_with(['.', '\'']) {
                    current.push_str("\\&");
                }
            } else {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

fn raw(sub: Option<&str>, w: &mut dyn Write) -> Result<(), String> {
    let cmd = command();
    let io = |e: std::io::Error| e.to_string();
    let Some(name) = sub else {
        let man = man(cmd);
        man.render_title(w).map_err(io)?;
        man.render_name_section(w).map_err(io)?;
        man.render_synopsis_section(w).map_err(io)?;
        man.render_description_section(w).map_err(io)?;
        man.render_options_section(w).map_err(io)?;
        man.render_subcommands_section(w).map_err(io)?;
        w.write_all(MAIN_EXTRA.as_bytes()).map_err(io)?;
        let mut see_also: Vec<String> =
            subcommands().iter().map(|s| format!("\\fBaeb\\-verify\\-{s}\\fR(1)")).collect();
        see_also.extend(["\\fBgpgv\\fR(1)".to_owned(), "\\fBsqv\\fR(1)".to_owned()]);
        writeln!(w, ".SH \"SEE ALSO\"\n{}", see_also.join(",\n")).map_err(io)?;
        man.render_version_section(w).map_err(io)?;
        return Ok(());
    };
    let sc = cmd
        .get_subcommands()
        .find(|s| s.get_name() == name && !s.is_hide_set())
        .cloned()
        .ok_or_else(|| format!("no subcommand '{name}' (one of {})", subcommands().join(", ")))?;
    let man = man(sc);
    man.render_title(w).map_err(io)?;
    man.render_name_section(w).map_err(io)?;
    man.render_synopsis_section(w).map_err(io)?;
    man.render_description_section(w).map_err(io)?;
    man.render_options_section(w).map_err(io)?;
    let status: &[u8] = match name {
        "canonicalize" | "digest" => {
            b".SH \"EXIT STATUS\"\n0 on success; 1 when the bundle was rejected while reading;\n2 when the command could not run.\n"
        }
        _ => b".SH \"EXIT STATUS\"\n0 on success; 2 when the command could not run.\n",
    };
    w.write_all(status).map_err(io)?;
    w.write_all(b".SH \"SEE ALSO\"\n\\fBaeb\\-verify\\fR(1)\n").map_err(io)?;
    Ok(())
}

/// Roff for the main page's own sections.
const MAIN_EXTRA: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Every bundle was verified (warnings are allowed unless \fB\-\-strict\fR is given).
.TP
\fB1\fR
At least one bundle was rejected: an error finding, or a warning under \fB\-\-strict\fR.
.TP
\fB2\fR
The tool could not do its job: bad usage, a key file that cannot be loaded, an input that
cannot be read, a report that cannot be written. A reader that closes standard output
early (\fBaeb\-verify dir/ | head\fR) is not an error: the run ends with the verdict's code.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, the human report is not coloured, unless \fB\-\-color always\fR
is given.
.TP
\fBCLICOLOR\fR
When \fB0\fR, the human report is not coloured on a terminal, unless \fB\-\-color always\fR
is given or \fBCLICOLOR_FORCE\fR asks for colour.
.TP
\fBCLICOLOR_FORCE\fR
When set and not \fB0\fR, the human report is coloured even when standard output is not
a terminal, unless \fB\-\-color never\fR is given or \fBNO_COLOR\fR is set.
.TP
\fBTERM\fR
When \fBdumb\fR, the human report is not coloured on a terminal (such a terminal shows
escape codes as text), unless \fB\-\-color always\fR is given or \fBCLICOLOR_FORCE\fR
asks for colour.
.TP
\fBCI\fR
When set and not empty, no progress bar is drawn.
.SH EXAMPLES
Verify one bundle against the publisher's OpenPGP certificate, judged at a fixed
instant so that the verdict can be reproduced:
.PP
.RS 4
.nf
aeb\-verify \-\-strict \-\-now 2026\-11\-25T00:00:00Z \-\-cert publisher.asc bundle.json
.fi
.RE
.PP
A CI gate over a directory that writes SARIF and JUnit for the next steps while the
human report goes to the log:
.PP
.RS 4
.nf
aeb\-verify \-\-strict \-\-require\-signature \-\-cert publisher.asc \e
    \-\-output sarif=aeb.sarif \-\-output junit=aeb.xml bundles/
.fi
.RE
.PP
One JSON line per bundle, for a log processor:
.PP
.RS 4
.nf
aeb\-verify \-\-format jsonl bundles/ | jq \-c 'select(.verdict == "rejected") | .file'
.fi
.RE
.PP
The exact signed bytes, and the hash a publisher should have written:
.PP
.RS 4
.nf
aeb\-verify canonicalize bundle.json | sha256sum
aeb\-verify digest bundle.json
.fi
.RE
"#;
