//! What each command does. Output goes to the writers it is given, so the whole
//! tool can be driven in-process by tests; `main` only wires it to the process.

use crate::batch::{self, Item, Tally};
use crate::cli::{Cli, ColorChoice, Command, ReadArgs, VerifyArgs};
use crate::inputs::bundles::{self, Loaded};
use crate::inputs::outputs;
use crate::options::Options;
use crate::read::{self, Limits};
use crate::report;
use crate::rules;
use crate::text::{escape_control, shown_name, shown_pointer};
use crate::verify::BundleReport;
use clap::{CommandFactory, ValueEnum};
use std::io::{Read, Write};
use std::path::Path;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub const EXIT_VERIFIED: u8 = 0;
pub const EXIT_REJECTED: u8 = 1;
pub const EXIT_CANNOT_RUN: u8 = 2;

/// The process around a run: what `main` knows and a test can fake.
pub struct Env<'a> {
    pub clock: OffsetDateTime,
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdout_is_terminal: bool,
    /// Standard error is a terminal (a progress bar may be drawn there).
    pub stderr_is_terminal: bool,
    /// Running under CI (`CI` set): no progress bar, whatever the terminal says.
    pub ci: bool,
    pub no_color: bool,
    /// `TERM=dumb`: a terminal that shows escape codes as text (Emacs' shell buffer, some
    /// CI log viewers).
    pub dumb_terminal: bool,
    /// `CLICOLOR=0`: the user asked for no colour on a terminal (bixense.com/clicolors);
    /// `CLICOLOR_FORCE` still forces it.
    pub clicolor_off: bool,
    /// `CLICOLOR_FORCE` set and not `0`: colour even when standard output is not a terminal.
    pub clicolor_force: bool,
    /// Columns for the human report: the terminal's width, else `COLUMNS`, else 80.
    pub width: usize,
}

/// The command line, parsed; or what to print and the exit status when it cannot be
/// run as given (a usage error, `--help`, `--version`).
pub enum Parsed {
    Run(Box<Cli>),
    /// `--help` or `--version`: clap prints it (in colour on a terminal), exit 0.
    Shown(Box<clap::Error>),
    /// A usage error, escaped, for standard error.
    Usage {
        text: String,
        code: u8,
    },
}

/// Parses the arguments as clap does, and records the order of `--allow/--warn/--deny`
/// (a later flag wins). A usage error echoes what clap could not parse, often a file
/// name from a glob, which is hostile input: every argument and value it quotes is
/// escaped as reports escape names, and so is any control character left on a line,
/// so that no name can print a line of its own ("VERIFIED ...") in a CI log.
pub fn parse_args(args: Vec<std::ffi::OsString>) -> Parsed {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::FromArgMatches as _;
    let parse = |command: clap::Command| {
        command.try_get_matches_from(&args).and_then(|m| {
            let mut cli = Cli::from_arg_matches(&m)?;
            cli.verify.audit.overrides_in_order = overrides_in_order(&m);
            Ok(cli)
        })
    };
    let e = match parse(Cli::command()) {
        Ok(cli) => return Parsed::Run(Box::new(cli)),
        Err(e) => e,
    };
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) || !e.use_stderr() {
        return Parsed::Shown(Box::new(e));
    }
    // Again without styling, for the text as typed: the plain rendering of a styled
    // error drops escape sequences from the arguments it quotes, naming another file.
    let e = parse(Cli::command().styles(clap::builder::Styles::plain())).err().unwrap_or(e);
    let mut text = e.render().ansi().to_string();
    let mut quoted: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    for kind in [ContextKind::InvalidArg, ContextKind::InvalidValue, ContextKind::InvalidSubcommand] {
        match e.get(kind) {
            Some(ContextValue::String(v)) => quoted.push(v.clone()),
            Some(ContextValue::Strings(v)) => quoted.extend(v.iter().cloned()),
            _ => {}
        }
    }
    // Longest first, so that a value is not escaped inside an argument already escaped.
    quoted.sort_by_key(|q| std::cmp::Reverse(q.len()));
    for q in quoted.iter().filter(|q| q.chars().any(crate::text::is_hidden)) {
        text = text.replace(q.as_str(), &escape_control(q));
    }
    let lines: Vec<String> = text.split('\n').map(|l| escape_control(l).into_owned()).collect();
    Parsed::Usage { text: lines.join("\n"), code: EXIT_CANNOT_RUN }
}

/// `--allow/--warn/--deny` values in the order typed.
fn overrides_in_order(m: &clap::ArgMatches) -> Vec<(&'static str, String)> {
    let mut typed: Vec<(usize, &'static str, String)> = Vec::new();
    for (id, flag) in [("allow", "--allow"), ("warn", "--warn"), ("deny", "--deny")] {
        let (Some(at), Some(values)) = (m.indices_of(id), m.get_many::<String>(id)) else { continue };
        typed.extend(at.zip(values).map(|(i, v)| (i, flag, v.clone())));
    }
    typed.sort_by_key(|(i, _, _)| *i);
    typed.into_iter().map(|(_, flag, v)| (flag, v)).collect()
}

pub fn run(cli: Cli, env: &mut Env) -> u8 {
    if let Some(word) = cli.command.as_ref().and_then(file_subcommand) {
        // A subcommand is read only as the first argument, so a shell glob over a
        // delivery (`aeb-verify *`) whose first file is named `diff`, `digest` or
        // `canonicalize` ran that subcommand on the next files and exited 0 (`diff
        // x.json y.json`: identical payloads, each bundle tampered) instead of verifying
        // them. Such a name, when a file here holds it, is refused; a file the shell
        // opened for standard output or error (`digest b.json > digest`) is no such file.
        let here = Path::new(word);
        if here.symlink_metadata().is_ok() && !outputs::is_a_standard_stream(here) {
            return fail(
                env,
                &format!(
                    "{word} is a subcommand, and a file here is named {word} too: the command line may be a \
                     glob over bundles (aeb-verify *), which would run `{word}` on them instead of verifying \
                     them; to verify the file, name it ./{word} or put -- before the files; to run `{word}`, \
                     run it where no file has that name"
                ),
            );
        }
    }
    let code = match cli.command {
        None => verify_all(&cli.verify, env),
        Some(Command::Canonicalize { file, read }) => payload_command(&file, read, env, |doc, out| {
            doc.payload_pieces().try_for_each(|p| out.write_all(p)).map_err(|e| e.to_string())
        }),
        Some(Command::Digest { file, read }) => payload_command(&file, read, env, |doc, out| {
            writeln!(out, "{}", crate::integrity::payload_sha256(doc)).map_err(|e| e.to_string())
        }),
        Some(Command::Explain { rule }) => explain(&rule, env),
        Some(Command::Diff { old, new, format, read }) => diff_command(&old, &new, format, read, env),
        Some(Command::Schema) => match env.stdout.write_all(crate::schema::SCHEMA_TEXT.as_bytes()) {
            Ok(()) => EXIT_VERIFIED,
            Err(e) => fail(env, &format!("cannot write: {e}")),
        },
        Some(Command::Rules { markdown }) => {
            let text = if markdown { rules::markdown() } else { rules::listing() };
            match env.stdout.write_all(text.as_bytes()) {
                Ok(()) => EXIT_VERIFIED,
                Err(e) => fail(env, &format!("cannot write: {e}")),
            }
        }
        Some(Command::Completions { shell }) => {
            // Into memory first: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "aeb-verify", &mut script);
            match env.stdout.write_all(&script) {
                Ok(()) => EXIT_VERIFIED,
                Err(e) => fail(env, &format!("cannot write: {e}")),
            }
        }
        Some(Command::Man { page }) => match crate::man::render(page.as_deref(), env.stdout) {
            Ok(()) => EXIT_VERIFIED,
            Err(e) => fail(env, &format!("man: {e}")),
        },
    };
    // What is still buffered is written here: a full disk shows only now, and a digest
    // or payload cut short must not exit 0 (a closed pipe is quiet: see [`Guard`]).
    match env.stdout.flush() {
        Err(e) if code != EXIT_CANNOT_RUN => fail(env, &format!("cannot write: {e}")),
        _ => code,
    }
}

/// The subcommands that take bundles as operands and can exit 0 on them, by name.
fn file_subcommand(command: &Command) -> Option<&'static str> {
    match command {
        Command::Canonicalize { .. } => Some("canonicalize"),
        Command::Digest { .. } => Some("digest"),
        Command::Diff { .. } => Some("diff"),
        _ => None,
    }
}

/// Messages quote file names, key files and arguments: escaped like every report text.
fn fail(env: &mut Env, message: &str) -> u8 {
    let _ = writeln!(env.stderr, "aeb-verify: {}", escape_control(message));
    EXIT_CANNOT_RUN
}

fn limits(read: ReadArgs) -> Limits {
    Limits { max_bytes: read.max_bytes, ..Limits::default() }
}

fn verify_all(args: &VerifyArgs, env: &mut Env) -> u8 {
    let mut opts = Options::new(args.now.unwrap_or(env.clock));
    opts.limits = limits(args.read);
    let walk = match bundles::Walk::new(args.follow, &args.exclude) {
        Ok(w) => w,
        Err(e) => return fail(env, &e),
    };
    let mut found = bundles::discover(&args.bundles, &walk);
    opts.strict = args.strict;
    opts.positions = !(args.quiet && args.format == crate::report::Format::Human && args.outputs.is_empty());
    opts.input_hash = opts.positions;
    opts.trust = match load_trust(&args.sig, env) {
        Ok(t) => t,
        Err(e) => return fail(env, &e),
    };
    opts.profile = args.audit.profile;
    // The findings' words count toward the report's listing budget (finding.rs
    // MAX_LISTED_BYTES), and a finding past it is folded into an "and N more" finding,
    // which under the marketplace profile stands against every requirement: there the
    // words decide the verdict. Bare findings (-q) made 40 extensions with 40,000-character
    // names take a third of the budget they take in a report, and a second look-alike
    // member stayed a listed warning: -q said VERIFIED a bundle every report REJECTED.
    opts.texts = opts.positions || opts.profile == crate::options::Profile::Marketplace;
    opts.tolerance = args.audit.tolerance;
    if opts.profile == crate::options::Profile::None && !args.audit.deny_patterns.is_empty() {
        // The patterns are a redaction requirement; without a profile they would check
        // nothing, and a silently ignored pattern reads as a clean bundle.
        return fail(env, "--deny-pattern needs --profile public or --profile marketplace");
    }
    // A pattern given twice (a CI variable and a config file both adding it) is one
    // requirement: each match was reported once per copy, and 150 customer IDs were "302
    // items not redacted". Patterns that differ still each report what they match.
    opts.deny_patterns = Vec::with_capacity(args.audit.deny_patterns.len());
    for re in &args.audit.deny_patterns {
        if !opts.deny_patterns.iter().any(|r| r.as_str() == re.as_str()) {
            opts.deny_patterns.push(re.clone());
        }
    }
    let in_order: Vec<(&'static str, String)> = if args.audit.overrides_in_order.is_empty() {
        let each =
            |flag: &'static str, ids: &[String]| ids.iter().map(move |id| (flag, id.clone())).collect::<Vec<_>>();
        [each("--allow", &args.audit.allow), each("--warn", &args.audit.warn), each("--deny", &args.audit.deny)]
            .concat()
    } else {
        args.audit.overrides_in_order.clone()
    };
    opts.overrides = match crate::overrides::resolve(&in_order) {
        Ok(o) => o,
        Err(e) => return fail(env, &e),
    };
    opts.context = match load_context(&args.context, opts.limits.max_bytes) {
        Ok(c) => c,
        Err(e) => return fail(env, &e),
    };
    if args.bundles.is_empty() {
        // `--table DIR` alone: the bundle the table names.
        match opts.context.table.as_ref().map(crate::context::table::named_bundle) {
            Some(Ok(path)) => found = bundles::discover(&[path], &walk),
            Some(Err(e)) => return fail(env, &e),
            None => return fail(env, "no bundle given"),
        }
    }

    let now = opts.now.format(&Rfc3339).unwrap_or_default();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => colour_by_default(env),
    };
    // What the verdicts rest on, as known before any bundle is read (options, keys);
    // the full record (inputs, what each key verified) is built as bundles come.
    let mut base = report::Record::new(&opts, args.now.is_some(), &[]);
    base.walked(args.follow, &args.exclude);
    let mut record = base.clone();
    // Named paths that cannot be used are inputs of the run all the same, recorded where
    // they were given among the others (the command lists them so): each is added
    // before the input it came before.
    let mut unusable = found.unusable.iter().zip(&found.unusable_at).peekable();
    let mut add_unusable_before = |record: &mut report::Record, input: usize| {
        while let Some((n, _)) = unusable.next_if(|(_, at)| **at <= input) {
            record.add_unreadable(n);
        }
    };
    let mut inputs_recorded = 0;
    let style = report::Style {
        now: &now,
        strict: opts.strict,
        color,
        quiet: args.quiet,
        verbose: args.verbose,
        width: env.width,
        record: &base,
    };
    // Each --output file is created before any bundle is verified: a path that cannot
    // be written stops the run before it costs anything. None may be a file the run
    // reads (creating it would truncate it), nor two of them one file.
    let reads_stdin = found.inputs.contains(&bundles::Input::Stdin);
    if let Err(code) = refuse_streams(outputs::check_streams(|| files_read(args, &found), reads_stdin), env) {
        return code;
    }
    let specs: Vec<String> = args.outputs.iter().map(output_spec).collect();
    let named: Vec<(&str, &Path)> =
        specs.iter().map(String::as_str).zip(args.outputs.iter().map(|o| o.path.as_path())).collect();
    if !named.is_empty() {
        if let Err(e) =
            outputs::check_before(&named, &files_read(args, &found), args.context.table.as_deref(), reads_stdin)
        {
            return fail(env, &e);
        }
    }
    let mut opened: Vec<(&crate::cli::OutputArg, outputs::Created)> = Vec::new();
    let made = |opened: &[(&crate::cli::OutputArg, outputs::Created)]| {
        outputs::discard_new(opened.iter().map(|(o, c)| (o.path.as_path(), c.new)))
    };
    for o in &args.outputs {
        match outputs::create(&o.path) {
            Ok(c) => opened.push((o, c)),
            Err(e) => {
                made(&opened);
                return fail(env, &format!("cannot create {}: {e}", crate::text::path_name(&o.path)));
            }
        }
    }
    if let Err(e) = outputs::check_created(&named) {
        made(&opened);
        return fail(env, &e);
    }
    // Only now, every file open and none named twice, is any emptied.
    if let Some((o, e)) = opened.iter().find_map(|(o, c)| outputs::truncate(&c.file).err().map(|e| (o, e))) {
        let message = format!("cannot create {}: {e}", crate::text::path_name(&o.path));
        made(&opened);
        return fail(env, &message);
    }
    let files: Vec<_> = opened.into_iter().map(|(o, c)| (o, std::io::BufWriter::new(c.file))).collect();
    // `-q` quiets standard output only: a human report written to a file is the whole
    // report, with the record of the audit. `-q --output human=audit.txt` (a quiet CI log,
    // the report kept) wrote the verdict lines alone: no --now, keys, policy, overrides
    // or command, nothing a reader could repeat the verdict with.
    let file_style = report::Style { color: false, quiet: false, ..style };
    let mut outs: Vec<Out> = Vec::with_capacity(files.len() + 1);
    outs.push(Out { sink: report::sink(args.format, style), w: Dest::Stdout, name: None, error: None });
    for (o, w) in files {
        outs.push(Out { sink: report::sink(o.format, file_style), w: Dest::File(w), name: Some(&o.path), error: None });
    }

    // Found = read + unreadable: a named path that does not exist counts as found and unreadable.
    let mut tally = Tally {
        found: found.inputs.len() + found.unusable.len(),
        skipped: found.skipped,
        strict: opts.strict,
        ..Tally::default()
    };
    for n in &tally.skipped {
        let _ = writeln!(env.stderr, "aeb-verify: skipped {}: {}", shown_name(&n.path), escape_control(&n.reason));
    }
    for n in &found.unusable {
        let _ = writeln!(env.stderr, "aeb-verify: cannot read {}: {}", shown_name(&n.path), escape_control(&n.reason));
    }
    let stdin = reads_stdin.then(|| bundles::load_stdin(env.stdin, opts.limits.max_bytes));
    let keep = outs.iter().map(|o| o.sink.keeps()).max().unwrap_or(report::Keep::None);
    let mut kept: Vec<BundleReport> = Vec::new();
    let progress = Progress::new(found.inputs.len(), env.stderr_is_terminal && !env.ci);
    let share_terminal = env.stdout_is_terminal;
    {
        let mut stdout = Guard { inner: &mut *env.stdout, closed: false };
        // Flushed when the batch has caught up: a reader downstream (a pipe, a log
        // follower) sees the verdicts about when they are known, not when a buffer fills.
        let emit_to = |outs: &mut Vec<Out>, stdout: &mut Guard, item: &Item, caught_up: bool| {
            for o in outs.iter_mut().filter(|o| o.error.is_none()) {
                let w: &mut dyn Write = match &mut o.w {
                    Dest::Stdout => &mut *stdout,
                    Dest::File(f) => f,
                };
                let r = match item {
                    Item::Report(r) => o.sink.bundle(r, w),
                    Item::Unreadable(n) => o.sink.unreadable(n, w),
                };
                o.error = r.and_then(|()| if caught_up { w.flush() } else { Ok(()) }).err();
            }
        };
        for o in outs.iter_mut() {
            let w: &mut dyn Write = match &mut o.w {
                Dest::Stdout => &mut stdout,
                Dest::File(f) => f,
            };
            // Named paths that cannot be used are known before any bundle is verified.
            o.error =
                o.sink.begin(w).and_then(|()| found.unusable.iter().try_for_each(|n| o.sink.unreadable(n, w))).err();
        }
        batch::run(&found.inputs, stdin, &opts, |item, caught_up| {
            tally.count(&item);
            add_unusable_before(&mut record, inputs_recorded);
            inputs_recorded += 1;
            match &item {
                Item::Report(r) => record.add(r),
                Item::Unreadable(n) => record.add_unreadable(n),
            }
            progress.tick();
            // On a terminal shared with the progress bar, each verdict is written with
            // the bar taken down, or it would land on the bar's line.
            if share_terminal {
                progress.suspend(|| emit_to(&mut outs, &mut stdout, &item, caught_up));
            } else {
                emit_to(&mut outs, &mut stdout, &item, caught_up);
            }
            match item {
                Item::Report(r) if keep == report::Keep::First && kept.is_empty() => kept.push(r),
                Item::Report(_) => {}
                Item::Unreadable(n) => {
                    progress.suspend(|| {
                        let _ = writeln!(
                            env.stderr,
                            "aeb-verify: cannot read {}: {}",
                            shown_name(&n.path),
                            escape_control(&n.reason)
                        );
                    });
                }
            }
        });
        progress.done();
        tally.unreadable.extend(found.unusable.iter().cloned());
        add_unusable_before(&mut record, usize::MAX);
        record.finish();
        if tally.strict_skips() && !args.bundles.is_empty() {
            record.walk_again(&args.bundles, args.follow, &args.exclude);
        }
        let full = report::Style { record: &record, ..style };
        let full_file = report::Style { color: false, quiet: false, ..full };
        for o in outs.iter_mut().filter(|o| o.error.is_none()) {
            let w: &mut dyn Write = match &mut o.w {
                Dest::Stdout => &mut stdout,
                Dest::File(f) => f,
            };
            let st = if o.name.is_some() { &full_file } else { &full };
            o.error = o.sink.finish(&kept, &tally, st, w).and_then(|()| w.flush()).err();
        }
    }
    let mut cannot_write = false;
    for o in &outs {
        if let Some(e) = &o.error {
            cannot_write = true;
            let what = o
                .name
                .map_or_else(|| "the report".to_owned(), |p| escape_control(&crate::text::path_name(p)).into_owned());
            let _ = writeln!(env.stderr, "aeb-verify: cannot write {what}: {e}");
        }
    }
    if cannot_write || !tally.unreadable.is_empty() {
        EXIT_CANNOT_RUN
    } else if tally.rejected > 0 {
        EXIT_REJECTED
    } else if tally.strict_skips() {
        let _ = writeln!(
            env.stderr,
            "aeb-verify: rejected under --strict: {} (see \"skipped\" above)",
            match tally.unverified_skips() {
                1 => "1 entry was left out unverified: it may hold a bundle nothing checked".to_owned(),
                n => format!("{n} entries were left out unverified: each may hold a bundle nothing checked"),
            }
        );
        EXIT_REJECTED
    } else {
        EXIT_VERIFIED
    }
}

/// One report being written: to standard output or to an `--output` file.
struct Out<'a> {
    sink: Box<dyn report::Sink + 'a>,
    w: Dest,
    name: Option<&'a Path>,
    /// The first write error; nothing more is written there.
    error: Option<std::io::Error>,
}

enum Dest {
    Stdout,
    File(std::io::BufWriter<std::fs::File>),
}

/// Standard output that a reader may close early (`aeb-verify dir/ | head`): from the
/// first broken pipe on, writes are dropped quietly, as ripgrep does, and the run ends
/// with the verdict's exit code; other write errors are reported.
pub struct Guard<'a> {
    pub inner: &'a mut dyn Write,
    pub closed: bool,
}

impl Write for Guard<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            r => r,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            r => r,
        }
    }
}

/// A progress bar on standard error, for a batch that runs longer than about a second
/// on a terminal; never when standard error is not a terminal or under CI.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: std::time::Instant,
}

impl Progress {
    fn new(len: usize, allowed: bool) -> Progress {
        let bar = (allowed && len > 1).then(|| {
            let bar =
                indicatif::ProgressBar::with_draw_target(Some(len as u64), indicatif::ProgressDrawTarget::hidden());
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} bundles, {per_sec}, {eta} left")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, start: std::time::Instant::now() }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if bar.is_hidden() && self.start.elapsed() > std::time::Duration::from_secs(1) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `--color auto`: on a terminal that draws colours and where `CLICOLOR=0` does not decline
/// them, or when `CLICOLOR_FORCE` asks; never under `NO_COLOR`.
fn colour_by_default(env: &Env) -> bool {
    ((env.stdout_is_terminal && !env.dumb_terminal && !env.clicolor_off) || env.clicolor_force) && !env.no_color
}

/// `FORMAT=FILE` as given, for messages.
fn output_spec(o: &crate::cli::OutputArg) -> String {
    let format = o.format.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default();
    format!("{format}={}", crate::text::path_name(&o.path))
}

/// The files the run reads besides standard input: bundles, key files, artifacts.
fn files_read<'a>(args: &'a VerifyArgs, found: &'a bundles::Discovery) -> Vec<outputs::ReadFile<'a>> {
    use outputs::ReadFile;
    let mut reads: Vec<ReadFile<'a>> = Vec::new();
    for input in &found.inputs {
        if let Some(path) = input.path() {
            reads.push(ReadFile { what: "bundle", path: path.into(), walk_id: input.walk_id() });
        }
    }
    reads.extend(args.sig.certs.iter().map(|path| ReadFile { what: "key file", path: path.into(), walk_id: None }));
    for spec in &args.sig.kms_keys {
        if let Ok((_, file)) = crate::inputs::keys::split_kms_spec(spec) {
            reads.push(ReadFile { what: "key file", path: file.into(), walk_id: None });
        }
    }
    for spec in &args.context.artifacts {
        if let Ok((_, file)) = crate::context::artifacts::parse_spec(spec) {
            reads.push(ReadFile { what: "artifact", path: file.into(), walk_id: None });
        }
    }
    reads
}

/// Keys and requirements of `--cert`, `--kms-key`, `--require-signature`,
/// `--no-require-signature`, `--min-signers`, `--signer` and `--max-signatures`. A key
/// file that cannot be used stops the run (exit 2); warnings about key files go to
/// stderr before any report.
fn load_trust(args: &crate::cli::SigArgs, env: &mut Env) -> Result<crate::signatures::Trust, String> {
    let keys = crate::inputs::keys::load(&args.certs, &args.kms_keys)?;
    for w in &keys.warnings {
        let _ = writeln!(env.stderr, "aeb-verify: warning: {w}");
    }
    let mut t = crate::signatures::Trust::new(keys.certs, keys.kms_keys);
    t.cert_files = keys.cert_files;
    t.require = args.require_signature;
    t.keys_optional = args.no_require_signature;
    t.min_signers = args.min_signers;
    t.max_signatures = args.max_signatures;
    t.set_signers(args.signers.clone())?;
    t.check_limits()?;
    Ok(t)
}

/// The artifacts of `--artifact`, read and hashed once, and the table of `--table`, read
/// once. Like a key file, an artifact that cannot be read stops the run.
fn load_context(args: &crate::cli::ContextArgs, max: u64) -> Result<crate::context::Inputs, String> {
    let mut inputs = crate::context::Inputs::default();
    for spec in &args.artifacts {
        let (name, path) = crate::context::artifacts::parse_spec(spec)?;
        if inputs.artifacts.iter().any(|a| a.name == name) {
            return Err(format!("--artifact {name}= given twice"));
        }
        inputs.artifacts.push(crate::context::artifacts::load(&name, &path, max)?);
    }
    if let Some(dir) = &args.table {
        use crate::context::delta;
        // A directory that is no table stops the run; a table whose log cannot be read is
        // a finding on each bundle.
        let state = match delta::read_table(dir, args.table_version, &delta::Limits::default()) {
            Ok(t) => Ok(t),
            Err(delta::Error::NotATable(m)) => return Err(format!("--table: {m}")),
            Err(delta::Error::Unreadable(m)) => Err(m),
        };
        inputs.table = Some(crate::context::table::TableInput { dir: dir.clone(), state: std::sync::Arc::new(state) });
    }
    Ok(inputs)
}

/// Standard output or standard error written to a file the run reads (`check_streams`)
/// stops it with exit 2, said on the other stream.
fn refuse_streams(checked: Result<(), outputs::StreamClash>, env: &mut Env) -> Result<(), u8> {
    match checked {
        Ok(()) => Ok(()),
        Err(clash) if clash.stderr => {
            // Standard error is the file the run reads: said on standard output.
            let _ = writeln!(env.stdout, "aeb-verify: {}", escape_control(&clash.message));
            Err(EXIT_CANNOT_RUN)
        }
        Err(clash) => Err(fail(env, &clash.message)),
    }
}

/// `canonicalize`, `digest` and `diff` read bundles as `verify` does, and refuse as it
/// does a standard stream that is one of them (spec 7), before anything is read:
/// `digest b.json >> b.json` appended the hash to the bundle and exited 0.
fn refuse_streams_onto(files: &[&Path], env: &mut Env) -> Result<(), u8> {
    let stdin = Path::new("-");
    let reads = || {
        let named = files.iter().filter(|f| **f != stdin);
        named.map(|f| outputs::ReadFile { what: "bundle", path: (*f).into(), walk_id: None }).collect()
    };
    refuse_streams(outputs::check_streams(reads, files.contains(&stdin)), env)
}

/// `canonicalize` and `digest`: read strictly, then hand the document to `emit`.
/// A bundle that cannot be read is reported on stderr, one line per finding.
fn payload_command(
    file: &Path,
    read: ReadArgs,
    env: &mut Env,
    emit: impl Fn(&read::Document, &mut dyn Write) -> Result<(), String>,
) -> u8 {
    if let Err(code) = refuse_streams_onto(&[file], env) {
        return code;
    }
    let doc = match read_strict(file, read, env) {
        Ok(d) => d,
        Err(code) => return code,
    };
    match emit(&doc, env.stdout) {
        Ok(()) => EXIT_VERIFIED,
        Err(e) => fail(env, &format!("cannot write: {e}")),
    }
}

/// `diff`: both bundles read strictly; a bundle that cannot be read stops it (exit 2).
fn diff_command(old: &Path, new: &Path, format: crate::cli::DiffFormat, read: ReadArgs, env: &mut Env) -> u8 {
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        return fail(env, "standard input can be read only once: give OLD or NEW as a file");
    }
    if let Err(code) = refuse_streams_onto(&[old, new], env) {
        return code;
    }
    let mut docs = Vec::with_capacity(2);
    for file in [old, new] {
        match read_strict(file, read, env) {
            Ok(d) => docs.push(d),
            Err(EXIT_REJECTED) => {
                return fail(
                    env,
                    &format!(
                        "{} cannot be read strictly; nothing to compare",
                        shown_name(&crate::text::path_name(file))
                    ),
                )
            }
            Err(code) => return code,
        }
    }
    let (Some(new_doc), Some(old_doc)) = (docs.pop(), docs.pop()) else { return EXIT_CANNOT_RUN };
    let (old_trees, new_trees) = (crate::diff::Trees::new(&old_doc), crate::diff::Trees::new(&new_doc));
    let d = crate::diff::diff(&old_trees, &new_trees);
    // Named as every report names a file (`text::path_name`): `display()` made every
    // name with bytes that are not UTF-8 one name, `a\u{fffd}.json`, two files alike.
    let (old_name, new_name) = (crate::text::path_name(old), crate::text::path_name(new));
    if let Err(e) = crate::diff::render(&d, format, &old_name, &new_name, env.stdout) {
        return fail(env, &format!("cannot write: {e}"));
    }
    if d.identical_payloads() {
        EXIT_VERIFIED
    } else {
        EXIT_REJECTED
    }
}

/// A bundle read strictly, its reading findings on stderr, one line each (warnings
/// too). One that cannot be read yields exit 1 (an I/O error: 2); `diff` turns the 1
/// into 2.
fn read_strict(file: &Path, read: ReadArgs, env: &mut Env) -> Result<read::Document, u8> {
    // Quoted when it holds `: ` (spec 7), as verify's notices name a file: `cannot read
    // x.json: ok: ...` and `b.json: ok; 0 errors:1:8: error[...]` read as other sentences.
    let shown = crate::text::path_name(file);
    let name = shown_name(&shown);
    let loaded = if file.as_os_str() == "-" {
        bundles::load_stdin(env.stdin, read.max_bytes)
    } else {
        bundles::load_file(file, false, None, read.max_bytes)
    };
    let bytes = match loaded {
        Ok(Loaded::Bytes(b)) => b,
        Ok(Loaded::TooLarge(f)) => {
            let _ = writeln!(env.stderr, "{name}: error[{}]: {}", f.rule.id, escape_control(&f.message));
            return Err(EXIT_REJECTED);
        }
        Err(e) => return Err(fail(env, &format!("cannot read {name}: {e}"))),
    };
    let result = read::read(bytes, &limits(read));
    // Warnings too, though the bundle is read: `canonicalize` prints the bytes a publisher
    // seals, and a number whose written value they do not keep (read.integer-precision)
    // was left unsaid there.
    let offsets: Vec<usize> = result.findings.iter().map(|f| f.offset.unwrap_or(0)).collect();
    let lines = read::positions(result.source(), &offsets);
    for (f, p) in result.findings.iter().zip(lines) {
        let at = f.offset.map(|_| format!("{}:{}:", p.line, p.column)).unwrap_or_default();
        // The value's pointer as well as its place: a message such as "member name
        // \"a\" appears again" does not say which of the bundle's objects holds it.
        let pointer = match f.pointer.as_str() {
            "" => String::new(),
            // quoted when a name in it is not plain: "at /a: ok/k: ..." read as two fields
            p => format!(" at {}", shown_pointer(p)),
        };
        let _ =
            writeln!(env.stderr, "{name}:{at} {}[{}]{pointer}: {}", f.severity, f.rule.id, escape_control(&f.message));
    }
    result.document.ok_or(EXIT_REJECTED)
}

fn explain(id: &str, env: &mut Env) -> u8 {
    let Some(rule) = rules::find(id) else {
        let hint = match rules::suggest(id).as_slice() {
            [] => "`aeb-verify rules` lists them".to_owned(),
            ids => format!("did you mean {}?", ids.join(", ")),
        };
        return fail(env, &format!("no rule '{id}'; {hint}"));
    };
    // Wrapped to the terminal (or COLUMNS), between words only.
    let width = env.width.max(40);
    let body = report::wrap(rule.explanation, width, width).join("\n");
    let todo = report::wrap(&format!("what to do: {}", report::what_to_do(rule)), width, width - 4).join("\n    ");
    let written = writeln!(
        env.stdout,
        "{}: {}\nsection: {}\ndefault severity: {}\n\n{body}\n\n{todo}",
        rule.id,
        rule.title,
        rule.section.name(),
        rule.severity,
    );
    match written {
        Ok(()) => EXIT_VERIFIED,
        Err(e) => fail(env, &format!("cannot write: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--color auto` by environment: colour on a terminal, not on a dumb one, always
    /// when forced, never under NO_COLOR (which wins over CLICOLOR_FORCE, as its
    /// definition at no-color.org asks).
    #[test]
    fn colour_by_default_follows_the_terminal_and_the_environment() {
        let (mut stdin, mut stdout, mut stderr) = (std::io::empty(), Vec::new(), Vec::new());
        let mut env = Env {
            clock: OffsetDateTime::UNIX_EPOCH,
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            stdout_is_terminal: true,
            stderr_is_terminal: true,
            ci: false,
            no_color: false,
            dumb_terminal: false,
            clicolor_off: false,
            clicolor_force: false,
            width: 80,
        };
        assert!(colour_by_default(&env));
        env.dumb_terminal = true;
        assert!(!colour_by_default(&env), "TERM=dumb shows escape codes as text");
        env.clicolor_force = true;
        assert!(colour_by_default(&env), "CLICOLOR_FORCE asks for colour anywhere");
        env.no_color = true;
        assert!(!colour_by_default(&env), "NO_COLOR wins");
        env.no_color = false;
        env.clicolor_force = false;
        env.dumb_terminal = false;
        env.clicolor_off = true;
        assert!(!colour_by_default(&env), "CLICOLOR=0 declines colour on a terminal");
        env.clicolor_force = true;
        assert!(colour_by_default(&env), "CLICOLOR_FORCE wins over CLICOLOR=0");
        env.clicolor_force = false;
        env.clicolor_off = false;
        env.stdout_is_terminal = false;
        assert!(!colour_by_default(&env), "piped");
    }
}
