//! The rule catalogue: every finding names one of these. Ids are stable (they are
//! what `--allow`, SARIF `ruleId`, `aeb-verify explain` and the tests use), so a rule
//! is never renamed; a retired rule keeps its id out of use.
//!
//! Each check module owns its rules in its own `diags.rs`; this file only gathers them.

use crate::finding::Severity;
use serde::Serialize;

/// The report's sections, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Section {
    Reading,
    Integrity,
    Signatures,
    Schema,
    Consistency,
    Claims,
    Redaction,
    Marketplace,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Reading,
        Section::Integrity,
        Section::Signatures,
        Section::Schema,
        Section::Consistency,
        Section::Claims,
        Section::Redaction,
        Section::Marketplace,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Reading => "Reading",
            Section::Integrity => "Integrity",
            Section::Signatures => "Signatures",
            Section::Schema => "Schema",
            Section::Consistency => "Consistency",
            Section::Claims => "Claims",
            Section::Redaction => "Redaction",
            Section::Marketplace => "Marketplace",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub section: Section,
    pub severity: Severity,
    pub title: &'static str,
    /// What the rule checks, why it matters to an auditor, and what to do about it.
    pub explanation: &'static str,
}

impl Rule {
    /// Reading, integrity and signature errors are what the verdict rests on; no
    /// command-line override may turn them into less than an error.
    pub fn overridable(&self) -> bool {
        !matches!(self.section, Section::Reading | Section::Integrity | Section::Signatures)
            || self.severity != Severity::Error
    }
}

/// Every rule, in report order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    [crate::read::diags::RULES, crate::integrity::diags::RULES, crate::signatures::diags::RULES]
        .into_iter()
        .flat_map(|rules| rules.iter().copied())
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// Closest known ids, for "did you mean" on a mistyped `explain` or `--allow`.
pub fn suggest(id: &str) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> =
        all().map(|r| (crate::text::edit_distance(id, r.id), r.id)).filter(|(d, _)| *d <= 4).collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'),
                "rule id {} must be lowercase kebab with dots",
                r.id
            );
            assert!(!r.title.is_empty() && !r.explanation.is_empty(), "{}", r.id);
        }
    }
}
