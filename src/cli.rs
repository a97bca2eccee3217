//! The command line, as data. Behaviour lives in `app`; this file only says what can
//! be typed (and so also feeds the man page and shell completions).

use crate::options::Profile;
use crate::report::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[derive(Debug, Parser)]
#[command(
    name = "aeb-verify",
    version,
    about = "Verify and audit signed evidence bundles, offline",
    long_about = "Verify and audit signed evidence bundles, offline.\n\n\
Reads each bundle strictly (I-JSON), recomputes the SHA-256 of its RFC 8785 payload, checks \
its signatures and audits it. Exit status: 0 verified, 1 rejected, 2 could not run.",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub verify: VerifyArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Bundles to verify: files, directories (every *.json below them), or - for stdin
    /// (none with --table: the bundle the table's aethergen.evidence_uri names)
    #[arg(value_name = "BUNDLE", required_unless_present = "table")]
    pub bundles: Vec<PathBuf>,

    /// Report format on standard output
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also write a report in FORMAT to FILE (e.g. sarif=results.sarif); repeatable.
    /// Every file is written in full before the exit status is known. A FILE that the
    /// run reads (a bundle, a key file, an artifact, the table's log) is refused
    #[arg(long = "output", value_name = "FORMAT=FILE", value_parser = output_parser())]
    pub outputs: Vec<OutputArg>,

    /// In directories, follow symbolic links (loops are detected; a link to outside
    /// the directory, or to what --exclude leaves out, is never read; each file and
    /// directory is read once). Without it links are skipped with a notice
    #[arg(long)]
    pub follow: bool,

    /// In directories, leave out paths matching this glob (matched against the path
    /// below the directory and against the name, e.g. 'drafts' or '*.draft.json');
    /// repeatable
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Reject on warnings too, not only on errors
    #[arg(long)]
    pub strict: bool,

    /// Judge times (signature dates, generated_at) as of this instant, RFC 3339; a date
    /// alone (2026-11-25) means its midnight UTC [default: the system clock]
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub now: Option<OffsetDateTime>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// When to colour the human report
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only the verdict line of each bundle on standard output (an --output file
    /// is the whole report)
    #[arg(short, long)]
    pub quiet: bool,

    /// Every check by name, with its status; in a batch, a full report per bundle.
    #[arg(short, long, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Keys and signature requirements; last, because its help heading carries over
    #[command(flatten)]
    pub sig: SigArgs,

    #[command(flatten)]
    pub audit: AuditArgs,

    #[command(flatten)]
    pub context: ContextArgs,
}

/// One `--output FORMAT=FILE`.
#[derive(Debug, Clone)]
pub struct OutputArg {
    pub format: Format,
    pub path: PathBuf,
}

/// `--output` as given: an OsString, so that FILE may be any name the file system
/// allows (`json=r\xff.json` stopped at clap's "invalid UTF-8 was detected").
fn output_parser() -> impl clap::builder::TypedValueParser<Value = OutputArg> {
    use clap::builder::TypedValueParser as _;
    clap::builder::OsStringValueParser::new().try_map(parse_output)
}

/// FILE is any name the file system allows, UTF-8 or not (split on the bytes).
fn parse_output(s: std::ffi::OsString) -> Result<OutputArg, String> {
    let (format, path) = crate::inputs::split_at_equals(&s, false).ok_or("FORMAT=FILE, e.g. sarif=results.sarif")?;
    let format = format.to_string_lossy();
    let format = Format::from_str(&format, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        format!("unknown format '{format}' (one of {})", names.join(", "))
    })?;
    if path.is_empty() {
        return Err("FORMAT=FILE needs a file name after '='".to_owned());
    }
    Ok(OutputArg { format, path: PathBuf::from(path) })
}

#[derive(Debug, Args, Clone, Copy)]
pub struct ReadArgs {
    /// Largest bundle accepted, in bytes (at least 1: 0 refused every bundle, read as "no
    /// limit" by many tools)
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_bytes: u64,
}

/// Trust roots and signature requirements (spec section 3). Only keys given here are
/// trusted; key material inside a bundle never is.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Signatures")]
pub struct SigArgs {
    /// Trust this OpenPGP certificate or keyring (armored or binary); repeatable;
    /// implies --require-signature
    #[arg(long = "cert", value_name = "FILE")]
    pub certs: Vec<PathBuf>,

    /// Trust this KMS public key (SPKI or PKCS#1, PEM or DER) for KEY_ID (the text
    /// splits at its last '='); without KEY_ID= it is trusted for any key_id, with a
    /// warning, and never satisfies --signer; repeatable; implies --require-signature
    #[arg(long = "kms-key", value_name = "[KEY_ID=]FILE")]
    pub kms_keys: Vec<std::ffi::OsString>,

    /// Reject unless at least one signature verifies against a supplied key
    #[arg(long)]
    pub require_signature: bool,

    /// Supplied keys do not demand a signature: a bundle no supplied key verifies is
    /// only warned about (the audit alone)
    #[arg(long, conflicts_with = "require_signature")]
    pub no_require_signature: bool,

    /// Examine at most N signatures per bundle (OpenPGP entries and packets, KMS
    /// entries); more is an error; at least 1
    #[arg(long, value_name = "N", default_value_t = crate::signatures::MAX_SIGNATURES)]
    pub max_signatures: usize,

    /// Reject unless N distinct supplied keys signed (implies --require-signature); N
    /// above the keys supplied or --max-signatures stops the run
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_signers: usize,

    /// Count only signatures by this key: OpenPGP fingerprint (or 16-hex key ID) or
    /// KMS key ID, of a key supplied with --cert or --kms-key KEY_ID=FILE (a pin naming
    /// none stops the run); repeatable; implies --require-signature
    #[arg(long = "signer", value_name = "FPR|KEY_ID")]
    pub signers: Vec<String>,
}

/// The audit's knobs: profile, tolerance, redaction patterns, severity overrides.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Audit")]
pub struct AuditArgs {
    /// Add the requirements of a profile (public: redaction; marketplace: Databricks
    /// Marketplace evidence, signature and redaction)
    #[arg(long, value_enum, default_value_t = Profile::None)]
    pub profile: Profile,

    /// Relative tolerance for recomputed figures and claims (0.01 = 1%)
    /// [default: compare at the decimals each reported value shows]
    #[arg(long, value_name = "FRACTION", value_parser = parse_tolerance)]
    pub tolerance: Option<f64>,

    /// A regular expression for customer identifiers that no string, member name or
    /// number (as written in the file, and in plain digits) may contain (public and
    /// marketplace profiles);
    /// repeatable
    #[arg(long = "deny-pattern", value_name = "REGEX", value_parser = parse_regex)]
    pub deny_patterns: Vec<regex::Regex>,

    /// Report this rule, or every rule of a group (`claims`, `sig.kms`), as info for
    /// this run (not for reading, integrity or signature errors); repeatable
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<String>,

    /// Report this rule as a warning for this run; repeatable
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<String>,

    /// Report this rule as an error for this run; repeatable
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<String>,

    /// `--allow/--warn/--deny` as typed, in command-line order ("--deny", "claims"), so
    /// that a later flag wins; filled by [`crate::app::parse_args`] (empty when the
    /// arguments were built in code: then all `--allow`s, `--warn`s, `--deny`s in turn).
    #[arg(skip)]
    pub overrides_in_order: Vec<(&'static str, String)>,
}

/// What the bundle is held against besides itself (spec section 8).
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Context")]
pub struct ContextArgs {
    /// Check NAME_hash against FILE (its bytes, or the RFC 8785 form of its JSON),
    /// e.g. schema=schema.json, recipe=recipe.yaml; repeatable
    #[arg(long = "artifact", value_name = "NAME=FILE")]
    pub artifacts: Vec<std::ffi::OsString>,

    /// Hold the bundle against this Delta table (a local directory with a _delta_log):
    /// its aethergen.evidence_uri, live record count, schema and commit times
    #[arg(long, value_name = "DIR")]
    pub table: Option<PathBuf>,

    /// Read the table as of this version [default: the latest]
    #[arg(long, value_name = "N", requires = "table")]
    pub table_version: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal (not TERM=dumb, not CLICOLOR=0) and NO_COLOR is not set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the signed payload (RFC 8785 form of the bundle without `signatures`) to
    /// standard output, byte for byte: `aeb-verify canonicalize b.json | sha256sum`
    Canonicalize {
        /// The bundle, or - for standard input
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the SHA-256 of the payload, as `signatures.sha256` should hold it
    Digest {
        /// The bundle, or - for standard input
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Explain a rule: what it checks, why it matters, what to do
    Explain {
        /// A rule id, as reports print it (e.g. integrity.hash-mismatch)
        rule: String,
    },
    /// Show what changed between two bundles of one dataset, member by member. Exit
    /// status: 0 identical payloads, 1 they differ, 2 one cannot be read
    Diff {
        /// The earlier bundle
        old: PathBuf,
        /// The later bundle
        new: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the embedded JSON Schema of bundle v1.0
    Schema,
    /// List every rule: id, section, default severity, title
    Rules {
        /// Print the catalogue as Markdown (docs/rules.md is this output)
        #[arg(long)]
        markdown: bool,
    },
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): aeb-verify(1), or a subcommand's page
    #[command(hide = true)]
    Man {
        /// A subcommand (canonicalize, digest, ...): print aeb-verify-SUBCOMMAND(1)
        page: Option<String>,
    },
}

/// Formats of `aeb-verify diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change
    Human,
    /// A JSON document: each change with pointer, old, new and relative change
    Json,
    /// A Markdown table
    Markdown,
}

fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        // `-0` is the tolerance 0 and is recorded so, not as a negative tolerance.
        Ok(v) if v.is_finite() && (0.0..1.0).contains(&v) => Ok(v.abs()),
        _ => Err("a fraction from 0 to below 1, e.g. 0.01 for 1%".to_owned()),
    }
}

fn parse_regex(s: &str) -> Result<regex::Regex, String> {
    let re = regex::Regex::new(s).map_err(|e| format!("not a valid regular expression: {e}"))?;
    // A pattern that matches the empty text matches in every string, member name and
    // number: an empty value (`--deny-pattern "$IDS"` unset in CI) or `x*` rejected every
    // bundle with a finding on each string, naming no customer identifier.
    // Exactly: a pattern whose shortest match is empty (`\b` too, which matches in
    // every string with a letter or digit), not only one that matches "".
    let can_match_empty = regex_syntax::parse(s).map_or(true, |hir| hir.properties().minimum_len() == Some(0));
    if can_match_empty {
        return Err("the pattern can match empty text, so it matches in every string; a customer \
                    identifier is never empty (e.g. 'ACME-[0-9]+', not 'ACME-[0-9]*', '\\b' or '')"
            .to_owned());
    }
    Ok(re)
}

/// RFC 3339, or a date alone (`2026-11-25`), which means its midnight UTC.
pub fn parse_time(s: &str) -> Result<OffsetDateTime, String> {
    let date = time::macros::format_description!("[year]-[month]-[day]");
    let hint = "e.g. 2026-11-25T00:00:00Z, or 2026-11-25 for its midnight UTC";
    // A date alone is judged as a date: "the 'month' component is out of range", not
    // the RFC 3339 parser's complaint about the missing 'T'.
    if s.len() <= 10 && !s.contains(['T', 't', ' ']) {
        return time::Date::parse(s, &date)
            .map(|d| d.midnight().assume_utc())
            .map_err(|e| format!("not an RFC 3339 time nor a date ({e}); {hint}"));
    }
    // a leap second (`23:59:60Z`) is read as bundle times are (`clock::parse_rfc3339`)
    let t = OffsetDateTime::parse(s, &Rfc3339)
        .or_else(|e| crate::clock::parse_rfc3339(s).ok_or(e))
        .map_err(|e| format!("not an RFC 3339 time ({e}); {hint}"))?;
    // RFC 3339 (5.6) separates the date from the time with `T` (either case) or, by its
    // note, a space; the `time` crate takes any byte there (`2026-11-25x00:00:00Z`).
    if !matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return Err(format!("not an RFC 3339 time (the date and the time are separated by 'T'); {hint}"));
    }
    // A leap second only where one can be (RFC 3339 5.7, and the schema's `date-time`): the last
    // second of a day in UTC. `00:00:60Z` or `23:59:60+01:00` names no instant; it was
    // read as the second before.
    if s.get(17..19) == Some("60")
        && t.checked_to_offset(time::UtcOffset::UTC).is_none_or(|u| (u.hour(), u.minute()) != (23, 59))
    {
        return Err(format!("not an RFC 3339 time (a leap second is 23:59:60 in UTC only); {hint}"));
    }
    // The instant, not its spelling, must be a date of years 0 to 9999 (9999-12-31T23:59:59-01:00
    // is in year 10000), as the verdict's limits and the reports' timestamps assume.
    match t.checked_to_offset(time::UtcOffset::UTC).map(|u| u.year()) {
        Some(0..=9999) => Ok(t),
        _ => Err(format!("{s} is outside 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z; {hint}")),
    }
}
