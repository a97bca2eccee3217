//! Rules of the signature checks (spec section 3).

use crate::finding::Severity::Warning;
use crate::rules::{Rule, Section::Signatures};

pub static NONE: Rule = Rule {
    id: "sig.none",
    section: Signatures,
    severity: Warning,
    title: "No signature: integrity only",
    explanation: "The bundle carries no OpenPGP or KMS signature. Its hash proves only that the \
bytes are self-consistent: anyone who changes a figure can recompute the hash. Only a \
signature from a key the auditor trusts says who published it. Use --require-signature to \
make this fatal.",
};

pub static RULES: &[&Rule] = &[&NONE];
