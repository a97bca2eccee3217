//! The bundle in its context (spec section 8): held against what the auditor holds
//! besides it, the artifacts it hashes.

pub mod artifacts;
pub mod diags;

use crate::finding::Outcome;
use crate::read::Document;

/// What the auditor supplied to hold the bundles against; loaded once per run.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub artifacts: Vec<artifacts::Artifact>,
}

pub fn check(doc: &Document, inputs: &Inputs, out: &mut Outcome) {
    artifacts::check(doc, &inputs.artifacts, out);
}
