//! Rules of the schema check (spec section "Schema").

use crate::finding::Severity::{Error, Info, Warning};
use crate::rules::{Rule, Section::Schema};

pub static UNSUPPORTED_VERSION: Rule = Rule {
    id: "schema.unsupported-version",
    section: Schema,
    severity: Error,
    title: "Supported format version (1.0)",
    explanation: "`version` must be the string \"1.0\", the only version this tool knows. A bundle \
of another version may mean different things by the same fields, so it is rejected and the \
other schema checks are not run. (A missing `version` is reported by schema.invalid.)",
};

pub static INVALID: Rule = Rule {
    id: "schema.invalid",
    section: Schema,
    severity: Error,
    title: "Bundle matches the v1.0 JSON Schema",
    explanation: "The bundle must validate against the embedded JSON Schema (draft 2020-12; \
`aeb-verify schema` prints it): `version`, `generated_at` and `signatures.sha256` present; \
hashes 64 hex digits; `generated_at` an RFC 3339 date-time; `app_version` a semantic version; \
ratios and scores in [0, 1]; percentages in [0, 100]; `epsilon` and `convergence_speedup` \
greater than 0; counts non-negative integers; costs, times and sizes non-negative. Each \
violation is reported at the offending value with the schema keyword it breaks.",
};

pub static UNKNOWN_FIELD: Rule = Rule {
    id: "schema.unknown-field",
    section: Schema,
    severity: Error,
    title: "No unknown fields inside known sections",
    explanation: "Inside the sections the format defines (privacy, cleaning, cost_analysis, \
performance_metrics, enterprise_validation, training) every member must be one the format \
defines. A misspelt field (`gpu_hour`) would otherwise escape every check silently. The \
finding suggests the closest known name. Extensions belong in top-level members of their own.",
};

pub static EXTENSION_MEMBER: Rule = Rule {
    id: "schema.extension-member",
    section: Schema,
    severity: Info,
    title: "No top-level extension members",
    explanation: "A top-level member the format does not define is allowed (an extension) and \
reported so that an auditor knows it was not checked. When its name is close to a known one \
(`cost_anaylsis`), it is probably a typo and the finding says \"did you mean\": the misspelt \
section's figures were not audited.",
};

pub static LOOK_ALIKE_MEMBER: Rule = Rule {
    id: "schema.look-alike-member",
    section: Schema,
    severity: Warning,
    title: "No top-level member displayed as a known one",
    explanation: "A top-level member whose name displays as a section of the format but is \
spelled otherwise (a zero-width space inside `enterprise_validation`, a Cyrillic `е` for the \
Latin `e`, a capital `I` for `l`, an Armenian `օ` for `o`) is a second section that a reader \
takes for the real one, and its contents are never checked. Names are compared as displayed: \
blanks around the name (a trailing space, a Braille blank) dropped, NFKC, invisible characters removed, characters of any script drawn alike taken as one (the \
Unicode confusables skeleton, UTS #39), case ignored. A difference in case alone is a \
visible typo (`schema.extension-member`). Publisher: name extensions so they cannot pass for \
a section.",
};

pub static RULES: &[&Rule] = &[&UNSUPPORTED_VERSION, &INVALID, &UNKNOWN_FIELD, &EXTENSION_MEMBER, &LOOK_ALIKE_MEMBER];
