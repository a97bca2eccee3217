//! Rules of the context checks (spec section 8): the bundle held against the artifacts
//! it hashes and the Delta table it describes.

use crate::finding::Severity::{Error, Info, Warning};
use crate::rules::{Rule, Section::Context};

pub static ARTIFACT_HASH: Rule = Rule {
    id: "context.artifact-hash",
    section: Context,
    severity: Error,
    title: "Artifact hash matches the supplied file",
    explanation: "With `--artifact NAME=FILE` (e.g. `schema=schema.json`, `recipe=recipe.yaml`), \
the bundle's `NAME_hash` must be the lowercase hex SHA-256 of FILE: of its bytes, or, when FILE \
is JSON, of its RFC 8785 form (so a re-indented schema still matches). A mismatch means the \
bundle was made from a different schema or recipe than the one you hold. Skipped when no \
`--artifact` is given. A match by the RFC 8785 form of a file that writes a number that form \
does not keep (1.0000000000000000001 is kept as 1, as `read.integer-precision` says of a \
bundle) is a warning: the hash covers another value than the file shows.",
};

pub static ARTIFACT_FILLED: Rule = Rule {
    id: "context.artifact-hash-filled",
    section: Context,
    severity: Error,
    title: "Artifact hash is filled in",
    explanation: "The bundle's `NAME_hash` for an artifact you supplied is missing, not a string, \
or a placeholder (\"...\", empty, all zeros): the bundle does not commit to any artifact, so the \
file cannot be held against it. An error, as a supplied key with no signature is: the check \
you asked for cannot pass, and a bundle must not be VERIFIED against a file it never named. \
Ask the publisher for a bundle that states the hash. Without `--artifact`, a `schema_hash` or \
`recipe_hash` of 64 zeros (the placeholder the schema's hex pattern admits) or the SHA-256 of \
empty input is a warning: the bundle commits to no artifact, whatever file you may later hold \
against it.",
};

pub static ARTIFACT_FORM: Rule = Rule {
    id: "context.artifact-form",
    section: Context,
    severity: Info,
    title: "The report says which form of the artifact the hash covers",
    explanation: "Says whether a matching artifact hash is the SHA-256 of the file's bytes or of \
the RFC 8785 form of its JSON. Both are accepted; the bytes are the stronger statement (the \
canonical form ignores whitespace and member order).",
};

pub static TABLE_LOG: Rule = Rule {
    id: "context.table-log",
    section: Context,
    severity: Error,
    title: "The table's Delta log can be read",
    explanation: "With `--table DIR`, the Delta log in `DIR/_delta_log` is read offline: JSON \
commits, classic parquet checkpoints (single-file and multi-part), v2 checkpoints with their \
sidecars, and `_last_checkpoint`. A log \
that cannot be read completely (a truncated or malformed line, a line holding two actions, an \
action that is not a JSON object, a missing commit, an incomplete checkpoint, a reader feature this tool does not know, reader version 3 \
without its list of reader features, a protocol inconsistent in itself (a reader feature not also \
listed in `writerFeatures`, feature lists at versions that have none), a deletion vector in a table whose protocol does not enable \
them, a `schemaString` that is no JSON object with a `fields` array, a file whose `stats` and \
`stats_parsed` state two record counts, a symbolic link, a file over the size \
limits, a checkpoint the parquet decoder cannot read, whose schema nests more than 64 \
levels or whose rows decode to more than their bound, a version holding two metaData, two \
protocol or two adds of one path, or a commit adding and removing one file, which the protocol \
calls invalid, complete checkpoints of one version that give different states (readers choose \
among them differently) or more than 8 of one version, or live files whose \
numRecords add up to more than 2^53) leaves the table's state unknown, so nothing can be held against it: every other \
table check is skipped, and the bundle is not verified against its table.",
};

pub static TABLE_FACTS: Rule = Rule {
    id: "context.table-facts",
    section: Context,
    severity: Info,
    title: "The report states what the table records",
    explanation: "The table version read, the value of `aethergen.evidence_uri`, the version and \
commit time that set it, and the live record count (the sum of `numRecords` in the live files' \
statistics, less deletion-vector cardinalities; a lower bound when some files have no \
statistics), so that the auditor can see what the bundle was held against.",
};

pub static TABLE_PROPERTY: Rule = Rule {
    id: "context.table-evidence-uri",
    section: Context,
    severity: Error,
    title: "The table names its evidence bundle in `aethergen.evidence_uri`",
    explanation: "The publisher's spec (\"Storage\") references the bundle from the table through \
the table property `aethergen.evidence_uri`. A table without it does not say which evidence \
describes it, so no bundle can be tied to it. Set it with the writer's table-properties API \
(`ALTER TABLE ... SET TBLPROPERTIES`).",
};

pub static TABLE_REFERENCES: Rule = Rule {
    id: "context.table-references-bundle",
    section: Context,
    severity: Error,
    title: "The table's `aethergen.evidence_uri` names this bundle",
    explanation: "The last segment of the property's URI or path must be the verified bundle's file \
name. Otherwise the table points at another bundle (an older or newer one, or one of another \
dataset) and this bundle's figures are not the ones published with the table. Compare with \
`aeb-verify diff` against the bundle the table names.",
};

pub static TABLE_RECORDS: Rule = Rule {
    id: "context.table-records",
    section: Context,
    severity: Error,
    title: "The table's live record count agrees with the records the bundle processed",
    explanation: "The live record count of the table (see `context.table-facts`) is held against \
`cost_analysis.platform_costs.records_processed`, or, when that is absent, against the count \
implied by `total_cost_usd / cost_per_record` (within the precision `cost_per_record` is written \
with, or `--tolerance`). A contradiction of a stated field is an error: the bundle describes \
another dataset, or the table changed since. When some live files have no statistics the count \
is a lower bound: only a bundle figure below it contradicts, and a figure above it is \
reported as info and the check is SKIP (\"not confirmed\") rather than passed. A publisher \
who strips statistics cannot make an inflated count pass silently.",
};

pub static TABLE_CLAIMS: Rule = Rule {
    id: "context.table-records-claimed",
    section: Context,
    severity: Warning,
    title: "Record-count claims agree with the table's live record count",
    explanation: "Record counts in the `enterprise_validation` prose (\"1 billion records\") are \
held against the table's live record count, in the claim's own unit at the decimals it shows, \
as `claims.records` holds them against the bundle's figures. Like the other claims, a \
contradiction is a warning. When some live file has no statistics the count is a lower bound: \
only an \"at least\" claim the bound meets is confirmed, and any other claim it does not \
contradict is an info finding, and the check SKIP (\"not confirmed\"), not a pass.",
};

pub static TABLE_TARGET: Rule = Rule {
    id: "context.table-target-column",
    section: Context,
    severity: Error,
    title: "`training.target` is a column of the table",
    explanation: "The training target the bundle names must be a column of the table's schema \
(the `schemaString` of its metaData; a dotted name may reach into a struct column). A target the \
table does not have means the model was not trained on this table.",
};

pub static TABLE_GENERATED: Rule = Rule {
    id: "context.table-generated-before",
    section: Context,
    severity: Error,
    title: "`generated_at` is at or before the commit that set `aethergen.evidence_uri`",
    explanation: "The table referenced its evidence at the commit that set the property; a bundle \
generated after that commit cannot be the evidence the table was published with (it was \
regenerated, or replaced). The commit time is the commit's in-commit timestamp, else its \
`commitInfo.timestamp`, else the commit file's modification time, as the Delta protocol says. \
A modification time is when this copy was written, set by whoever wrote it: it can show a \
bundle generated too late (the copy came after the commit), but a time at or after \
`generated_at` confirms nothing, so the check is then SKIP. A time that is no calendar date (before year -9999 or after 9999) compares with nothing: the \
check is SKIP with the time it read, never PASS.",
};

pub static RULES: &[&Rule] = &[
    &ARTIFACT_HASH,
    &ARTIFACT_FILLED,
    &ARTIFACT_FORM,
    &TABLE_LOG,
    &TABLE_FACTS,
    &TABLE_PROPERTY,
    &TABLE_REFERENCES,
    &TABLE_RECORDS,
    &TABLE_CLAIMS,
    &TABLE_TARGET,
    &TABLE_GENERATED,
];
