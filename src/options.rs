//! The policy of one run. Everything a verdict depends on is here, the clock
//! included, so that a verdict can be reproduced with the same options.

use crate::read::Limits;
use crate::signatures::Trust;
use time::OffsetDateTime;

/// How far a date in a bundle (a signature's creation time, `generated_at`) may lie
/// after the verification time before it counts as "in the future": one value for
/// every check, so that no two checks disagree about the same clock.
pub const CLOCK_SKEW: std::time::Duration = std::time::Duration::from_secs(5 * 60);

#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    /// The time verdicts are judged at (`--now`); main reads the clock once.
    pub now: OffsetDateTime,
    /// Warnings reject too.
    pub strict: bool,
    /// The auditor's keys and signature requirements (`--cert`, `--kms-key`, ...).
    pub trust: Trust,
    /// Requirements added by `--profile`.
    pub profile: Profile,
    /// `--tolerance`: relative tolerance for consistency and claims comparisons; None
    /// compares at the decimals each reported value shows.
    pub tolerance: Option<f64>,
    /// `--deny-pattern`: customer identifiers that must not appear. They belong to the
    /// redaction requirements and apply under a profile; the command line refuses them
    /// without one (exit 2) rather than ignore them.
    pub deny_patterns: Vec<regex::Regex>,
    /// `--allow/--warn/--deny`: severities re-mapped for this run.
    pub overrides: Vec<crate::overrides::Override>,
    /// `--artifact`, `--table`: what the bundles are held against (spec section 8).
    pub context: crate::context::Inputs,
    /// Work out the findings' line:column and excerpts. Off only when no report of the
    /// run shows them (`-q` with no `--output`): in a batch, that walk is a fifteenth of
    /// the CPU time, and it changes no verdict.
    pub positions: bool,
    /// Hash each input file whole for the record of the audit. Off, like `positions`,
    /// only when no report of the run shows it: on a 10 MB bundle that hash kept the
    /// second core busy for a third of the run.
    pub input_hash: bool,
    /// Write the findings' words (messages, expected, found) where a check makes them
    /// lazily ([`crate::finding::Outcome::push_lazy`]). Off, like `positions`, only when
    /// no report of the run shows them: `-q` prints each verdict with its findings
    /// counted by kind, and a batch formatted a tenth of its audit's work for it. On under
    /// `--profile marketplace` whatever the report: the words count toward the listing
    /// budget, and what the budget folds away stands against every requirement there.
    pub texts: bool,
    /// Read long statements on a second thread while the payload's hash is checked and
    /// the claims are read (`verify::verify`). Off where the readers' summed cost is measured
    /// (tests/linear_time.rs): one reader's time would hide behind the other's.
    pub read_aside: bool,
}

/// `--profile`: requirements added on top of verification and audit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// Verification and audit only
    #[default]
    None,
    /// Redaction for public sharing: no run_seed, no PII, no customer identifiers,
    /// no algorithm parameters
    Public,
    /// Databricks Marketplace evidence: every business-proof and technical-validation
    /// item proved and consistent, a trusted signature, public redaction
    Marketplace,
}

impl Options {
    pub fn new(now: OffsetDateTime) -> Self {
        Options {
            limits: Limits::default(),
            now,
            strict: false,
            trust: Trust::default(),
            profile: Profile::None,
            tolerance: None,
            deny_patterns: Vec::new(),
            overrides: Vec::new(),
            context: crate::context::Inputs::default(),
            positions: true,
            input_hash: true,
            texts: true,
            read_aside: true,
        }
    }
}
