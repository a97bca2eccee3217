//! The bundle in its context (spec section 8): held against what the auditor holds
//! besides it, the artifacts it hashes and the Delta table it describes.

pub mod artifacts;
mod checkpoint;
pub mod delta;
pub mod diags;
pub mod table;

use crate::finding::Outcome;
use crate::options::Options;
use crate::read::Document;

/// What the auditor supplied to hold the bundles against; loaded once per run.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub artifacts: Vec<artifacts::Artifact>,
    pub table: Option<table::TableInput>,
}

/// `name` is the bundle as the user named it: the table's property must name its file.
pub fn check(doc: &Document, name: &str, opts: &Options, out: &mut Outcome) {
    artifacts::check(doc, &opts.context.artifacts, out);
    table::check(doc, name, opts.context.table.as_ref(), opts, out);
}
