//! The policy of one run. Everything a verdict depends on is here, the clock
//! included, so that a verdict can be reproduced with the same options.

use crate::read::Limits;
use crate::signatures::Trust;
use time::OffsetDateTime;

#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    /// The time verdicts are judged at (`--now`); main reads the clock once.
    pub now: OffsetDateTime,
    /// Warnings reject too.
    pub strict: bool,
    /// The auditor's keys and signature requirements (`--cert`, `--kms-key`, ...).
    pub trust: Trust,
}

impl Options {
    pub fn new(now: OffsetDateTime) -> Self {
        Options { limits: Limits::default(), now, strict: false, trust: Trust::default() }
    }
}
