//! What each command does. Output goes to the writers it is given, so the whole
//! tool can be driven in-process by tests; `main` only wires it to the process.

use crate::cli::{Cli, ColorChoice, Command, ReadArgs, VerifyArgs};
use crate::finding::Finding;
use crate::options::Options;
use crate::read::{self, Limits};
use crate::report;
use crate::rules;
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

fn fail(env: &mut Env, message: &str) -> u8 {
    let _ = writeln!(env.stderr, "aeb-verify: {message}");
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
                let _ = writeln!(env.stderr, "aeb-verify: {}: no *.json files in this directory", path.display());
            }
            Ok(found) => inputs.extend(found),
            Err(e) => {
                cannot_run = true;
                let _ = writeln!(env.stderr, "aeb-verify: {}: {e}", path.display());
            }
        }
    }
    // Start the second core's work before the keys are loaded: it is the longest part
    // of a small bundle's run.
    let small_first = second_core(inputs.first());
    if small_first {
        // This thread will soon be idle: it takes the claim patterns while the other
        // compiles the schema.
        crate::claims::extract::warm_up();
    }
    opts.strict = args.strict;
    opts.trust = match load_trust(&args.sig, env) {
        Ok(t) => t,
        Err(e) => return fail(env, &e),
    };
    opts.profile = args.audit.profile;
    opts.tolerance = args.audit.tolerance;
    opts.deny_patterns = args.audit.deny_patterns.clone();
    opts.overrides = match crate::overrides::resolve(&args.audit.allow, &args.audit.warn, &args.audit.deny) {
        Ok(o) => o,
        Err(e) => return fail(env, &e),
    };

    let mut reports: Vec<BundleReport> = Vec::new();
    for path in inputs {
        let name = path.display().to_string();
        match load(&path, opts.limits.max_bytes, env) {
            Ok(Loaded::Bytes(bytes)) => reports.push(verify::verify(&name, bytes, &opts)),
            Ok(Loaded::TooLarge(finding)) => reports.push(verify::rejected_unread(&name, finding)),
            Err(e) => {
                cannot_run = true;
                let _ = writeln!(env.stderr, "aeb-verify: cannot read {name}: {e}");
            }
        }
    }
    let now = opts.now.format(&Rfc3339).unwrap_or_default();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
    let style = report::Style { now: &now, strict: opts.strict, color, quiet: args.quiet };
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
/// `--no-require-signature`, `--min-signers`, `--signer` and `--max-signatures`. A key
/// file that cannot be used stops the run (exit 2); warnings about key files go to
/// stderr before any report.
fn load_trust(args: &crate::cli::SigArgs, env: &mut Env) -> Result<crate::signatures::Trust, String> {
    let keys = crate::inputs::keys::load(&args.certs, &args.kms_keys)?;
    for w in &keys.warnings {
        let _ = writeln!(env.stderr, "aeb-verify: warning: {w}");
    }
    let mut t = crate::signatures::Trust::new(keys.certs, keys.kms_keys);
    t.require = args.require_signature;
    t.keys_optional = args.no_require_signature;
    t.min_signers = args.min_signers;
    t.max_signatures = args.max_signatures;
    t.set_signers(args.signers.clone())?;
    Ok(t)
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
    let name = file.display().to_string();
    let bytes = match load(file, read.max_bytes, env) {
        Ok(Loaded::Bytes(b)) => b,
        Ok(Loaded::TooLarge(f)) => {
            let _ = writeln!(env.stderr, "{name}: error[{}]: {}", f.rule.id, f.message);
            return EXIT_REJECTED;
        }
        Err(e) => return fail(env, &format!("cannot read {name}: {e}")),
    };
    let result = read::read(bytes, &limits(read));
    let Some(doc) = &result.document else {
        for f in &result.findings {
            let pos = f.offset.map(|o| read::line_column(result.source(), o));
            let at = pos.map(|p| format!("{}:{}:", p.line, p.column)).unwrap_or_default();
            let _ = writeln!(env.stderr, "{name}:{at} {}[{}]: {}", f.severity, f.rule.id, f.message);
        }
        return EXIT_REJECTED;
    };
    match emit(doc, env.stdout) {
        Ok(()) => EXIT_VERIFIED,
        Err(e) => fail(env, &format!("cannot write: {e}")),
    }
}

fn explain(id: &str, env: &mut Env) -> u8 {
    let Some(rule) = rules::find(id) else {
        let hint = match rules::suggest(id).as_slice() {
            [] => "`aeb-verify rules` lists them".to_owned(),
            ids => format!("did you mean {}?", ids.join(", ")),
        };
        return fail(env, &format!("no rule '{id}'; {hint}"));
    };
    let _ = writeln!(
        env.stdout,
        "{}: {}\nsection: {}\ndefault severity: {}\n\n{}",
        rule.id,
        rule.title,
        rule.section.name(),
        rule.severity,
        rule.explanation
    );
    EXIT_VERIFIED
}
