//! What each command does. Output goes to the writers it is given, so the whole
//! tool can be driven in-process by tests; `main` only wires it to the process.

use crate::cli::{Cli, ColorChoice, Command, ReadArgs, VerifyArgs};
use crate::finding::Finding;
use crate::options::Options;
use crate::read::{self, Limits};
use crate::report;
use crate::rules;
use crate::text::escape_control;
use crate::verify::{self, BundleReport, Verdict};
use clap::CommandFactory;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
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
    pub no_color: bool,
    /// Columns for the human report: the terminal's width, else `COLUMNS`, else 80.
    pub width: usize,
}

pub fn run(cli: Cli, env: &mut Env) -> u8 {
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
            clap_complete::generate(shell, &mut Cli::command(), "aeb-verify", env.stdout);
            EXIT_VERIFIED
        }
        Some(Command::Man) => match clap_mangen::Man::new(Cli::command()).render(env.stdout) {
            Ok(()) => EXIT_VERIFIED,
            Err(e) => fail(env, &format!("cannot write the man page: {e}")),
        },
    };
    let _ = env.stdout.flush();
    code
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
    let mut inputs = Vec::new();
    let mut cannot_run = false;
    for path in &args.bundles {
        match expand(path) {
            Ok(found) if found.is_empty() => {
                cannot_run = true;
                let shown = path.display().to_string();
                let _ =
                    writeln!(env.stderr, "aeb-verify: {}: no *.json files in this directory", escape_control(&shown));
            }
            Ok(found) => inputs.extend(found),
            Err(e) => {
                cannot_run = true;
                let shown = path.display().to_string();
                let _ =
                    writeln!(env.stderr, "aeb-verify: {}: {}", escape_control(&shown), escape_control(&e.to_string()));
            }
        }
    }
    // Start the second core's work before the keys are loaded: it is the longest part
    // of a small bundle's run.
    let small_first = second_core(inputs.first());
    if small_first && args.audit.profile != crate::options::Profile::None {
        // This thread will soon be idle: it takes the personal-data patterns while the
        // other compiles the schema. (Claims need none: their reader is hand-written.)
        let _ = crate::redaction::pii::warm_up();
    }
    opts.strict = args.strict;
    opts.trust = match load_trust(&args.sig) {
        Ok(t) => t,
        Err(e) => return fail(env, &e),
    };
    opts.profile = args.audit.profile;
    if opts.profile == crate::options::Profile::Marketplace {
        // The marketplace requires a signature by a supplied key: the signature
        // module's own requirement (--require-signature) applies.
        opts.trust.require = true;
    }
    opts.tolerance = args.audit.tolerance;
    if opts.profile == crate::options::Profile::None && !args.audit.deny_patterns.is_empty() {
        // The patterns are a redaction requirement; without a profile they would check
        // nothing, and a silently ignored pattern reads as a clean bundle.
        return fail(env, "--deny-pattern needs --profile public or --profile marketplace");
    }
    opts.deny_patterns = args.audit.deny_patterns.clone();
    opts.overrides = match crate::overrides::resolve(&args.audit.allow, &args.audit.warn, &args.audit.deny) {
        Ok(o) => o,
        Err(e) => return fail(env, &e),
    };
    opts.context = match load_context(&args.context, opts.limits.max_bytes) {
        Ok(c) => c,
        Err(e) => return fail(env, &e),
    };

    let mut reports: Vec<BundleReport> = Vec::new();
    // Inputs that could not be read at all: listed in the report, not only on stderr.
    let mut unreadable: Vec<report::Unreadable> = Vec::new();
    for path in inputs {
        let name = path.display().to_string();
        match load(&path, opts.limits.max_bytes, env) {
            Ok(Loaded::Bytes(bytes)) => reports.push(verify::verify(&name, bytes, &opts)),
            Ok(Loaded::TooLarge(finding)) => reports.push(verify::rejected_unread(&name, finding)),
            Err(e) => {
                cannot_run = true;
                let _ = writeln!(env.stderr, "aeb-verify: cannot read {}: {e}", escape_control(&name));
                unreadable.push(report::Unreadable { path: name, reason: e.to_string() });
            }
        }
    }
    let now = opts.now.format(&Rfc3339).unwrap_or_default();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
    let record = report::Record::new(&opts, args.now.is_some(), &reports);
    let style = report::Style {
        now: &now,
        strict: opts.strict,
        color,
        quiet: args.quiet,
        verbose: args.verbose,
        unreadable: &unreadable,
        width: env.width,
        record: &record,
    };
    let text = report::render(args.format, &reports, style);
    if let Err(e) = env.stdout.write_all(text.as_bytes()) {
        return fail(env, &format!("cannot write the report: {e}"));
    }
    if cannot_run {
        EXIT_CANNOT_RUN
    } else if reports.iter().any(|r| r.verdict == Verdict::Rejected) {
        EXIT_REJECTED
    } else {
        EXIT_VERIFIED
    }
}

/// Keys and requirements of `--cert`, `--kms-key`, `--require-signature`,
/// `--min-signers` and `--signer`. A key file that is missing or does not parse
/// stops the run (exit 2): verifying without the key the auditor meant to supply
/// would report the wrong thing.
fn load_trust(args: &crate::cli::SigArgs) -> Result<crate::signatures::Trust, String> {
    let mut t = crate::signatures::Trust::load(&args.certs, &args.kms_keys)?;
    t.require = args.require_signature;
    t.min_signers = args.min_signers;
    t.set_signers(args.signers.clone())?;
    Ok(t)
}

/// The artifacts of `--artifact`, read and hashed once. Like a key file, an artifact
/// that cannot be read stops the run.
fn load_context(args: &crate::cli::ContextArgs, max: u64) -> Result<crate::context::Inputs, String> {
    let mut inputs = crate::context::Inputs::default();
    for spec in &args.artifacts {
        let (name, path) = crate::context::artifacts::parse_spec(spec)?;
        if inputs.artifacts.iter().any(|a| a.name == name) {
            return Err(format!("--artifact {name}= given twice"));
        }
        inputs.artifacts.push(crate::context::artifacts::load(&name, &path, max)?);
    }
    Ok(inputs)
}

/// A directory stands for every `*.json` file below it, in name order.
fn expand(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.as_os_str() == "-" || !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let p = entry?.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A bundle smaller than this is verified in about the time the one-off compile of the
/// schema and claim patterns takes.
const SMALL: u64 = 1 << 20;

enum Loaded {
    Bytes(read::Source),
    TooLarge(Finding),
}

/// Starts the one-off compile of the schema and the claim patterns on a second thread,
/// before keys are loaded and the first bundle is read: the checks need them only after
/// parsing and hashing, and on a small bundle they are the longest part of the run.
/// Returns whether the first bundle is small. (Tried and dropped: touching the pages of
/// the canonical buffer on that thread while this one reads the file. Both threads then
/// fault pages in at once and the kernel time grew more than the parse saved.)
fn second_core(first: Option<&PathBuf>) -> bool {
    let _ = std::thread::Builder::new().name("aeb-warm-up".to_owned()).spawn(crate::audit::warm_up);
    first.and_then(|p| std::fs::metadata(p).ok()).map_or(true, |m| m.len() < SMALL)
}

/// Reads at most `max + 1` bytes, so an oversized input costs no more than the limit.
fn load(path: &Path, max: u64, env: &mut Env) -> std::io::Result<Loaded> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        env.stdin.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
        return Ok(Loaded::Bytes(bytes.into()));
    }
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max {
        let f = Finding::new(&read::diags::TOO_LARGE, "", format!("the bundle has {len} bytes; the limit is {max}"))
            .expected(format!("at most {max} bytes (--max-bytes)"))
            .found(format!("{len} bytes"));
        return Ok(Loaded::TooLarge(f));
    }
    Ok(Loaded::Bytes(read::Source::from_file(file, len, max)?))
}

/// `canonicalize` and `digest`: read strictly, then hand the document to `emit`.
/// A bundle that cannot be read is reported on stderr, one line per finding.
fn payload_command(
    file: &Path,
    read: ReadArgs,
    env: &mut Env,
    emit: impl Fn(&read::Document, &mut dyn Write) -> Result<(), String>,
) -> u8 {
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
    let mut docs = Vec::with_capacity(2);
    for file in [old, new] {
        match read_strict(file, read, env) {
            Ok(d) => docs.push(d),
            Err(EXIT_REJECTED) => {
                return fail(env, &format!("{} cannot be read strictly; nothing to compare", file.display()))
            }
            Err(code) => return code,
        }
    }
    let (Some(new_doc), Some(old_doc)) = (docs.pop(), docs.pop()) else { return EXIT_CANNOT_RUN };
    let d = crate::diff::diff(&old_doc, &new_doc);
    let text = crate::diff::render(&d, format, &old.display().to_string(), &new.display().to_string());
    if let Err(e) = env.stdout.write_all(text.as_bytes()) {
        return fail(env, &format!("cannot write: {e}"));
    }
    if d.identical_payloads() {
        EXIT_VERIFIED
    } else {
        EXIT_REJECTED
    }
}

/// A bundle read strictly. One that cannot be read is reported on stderr, one line per
/// finding, and yields exit 1 (an I/O error: 2); `diff` turns the 1 into 2.
fn read_strict(file: &Path, read: ReadArgs, env: &mut Env) -> Result<read::Document, u8> {
    let shown = file.display().to_string();
    let name = escape_control(&shown);
    let bytes = match load(file, read.max_bytes, env) {
        Ok(Loaded::Bytes(b)) => b,
        Ok(Loaded::TooLarge(f)) => {
            let _ = writeln!(env.stderr, "{name}: error[{}]: {}", f.rule.id, escape_control(&f.message));
            return Err(EXIT_REJECTED);
        }
        Err(e) => return Err(fail(env, &format!("cannot read {name}: {e}"))),
    };
    let result = read::read(bytes, &limits(read));
    let Some(doc) = result.document else {
        for f in &result.findings {
            let pos = f.offset.map(|o| read::line_column(&result.source, o));
            let at = pos.map(|p| format!("{}:{}:", p.line, p.column)).unwrap_or_default();
            let _ = writeln!(env.stderr, "{name}:{at} {}[{}]: {}", f.severity, f.rule.id, escape_control(&f.message));
        }
        return Err(EXIT_REJECTED);
    };
    Ok(doc)
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
    let _ = writeln!(
        env.stdout,
        "{}: {}\nsection: {}\ndefault severity: {}\n\n{body}\n\n{todo}",
        rule.id,
        rule.title,
        rule.section.name(),
        rule.severity,
    );
    EXIT_VERIFIED
}
