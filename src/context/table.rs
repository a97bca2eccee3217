//! `--table DIR`: the bundle held against the Delta table it describes (spec section 8,
//! "Table"). The log is read once per run ([`super::delta`]); each bundle is then held
//! against the same state.

use super::delta::{self, Table, EVIDENCE_URI};
use super::diags::*;
use crate::audit::facts::Facts;
use crate::audit::tolerance::compare_counts;
use crate::audit::{group, record_count};
use crate::claims::extract::{extract, Bound, Quantity};
use crate::finding::{Finding, Outcome, Severity};
use crate::options::Options;
use crate::rules::Rule;
use std::path::PathBuf;
use std::sync::Arc;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The table of `--table`, as read once for the run.
#[derive(Debug, Clone)]
pub struct TableInput {
    pub dir: PathBuf,
    /// The table's state, or why its log cannot be read.
    pub state: Arc<Result<Table, String>>,
}

/// The rules of this check, in catalogue order; `context.table-log` first.
fn table_rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied().filter(|r| r.id.starts_with("context.table-"))
}

pub fn check(doc: &crate::read::Document, name: &str, table: Option<&TableInput>, opts: &Options, out: &mut Outcome) {
    let Some(input) = table else {
        for rule in table_rules() {
            out.skip(rule, "no --table given");
        }
        return;
    };
    out.mark(&TABLE_LOG);
    let t = match input.state.as_ref() {
        Ok(t) => t,
        Err(why) => {
            out.push(Finding::new(
                &TABLE_LOG,
                "",
                format!("the Delta log of {} cannot be read: {why}", crate::text::path_name(&input.dir)),
            ));
            for rule in table_rules().filter(|r| r.id != TABLE_LOG.id) {
                out.skip(rule, "the table's log could not be read");
            }
            return;
        }
    };
    out.push(Finding::new(&TABLE_FACTS, "", facts_message(&input.dir, t)));
    property(name, t, out);
    let facts = Facts::new(doc);
    records(&facts, t, opts, out);
    target(&facts, t, out);
    generated(&facts, t, out);
}

fn when(t: &Table) -> String {
    match &t.property_set {
        None => String::new(),
        Some(s) => {
            let at =
                if s.exact { format!("version {}", s.version) } else { format!("version {} or earlier", s.version) };
            match s.time {
                Some(c) => match rfc3339(c.millis) {
                    Some(time) => format!(", set at {at} ({time}, {})", c.source),
                    None => format!(", set at {at} ({} ms since 1970, out of range, {})", c.millis, c.source),
                },
                None => format!(", set at {at}"),
            }
        }
    }
}

fn facts_message(dir: &std::path::Path, t: &Table) -> String {
    let read_from = match &t.checkpoint {
        Some((v, kind)) => format!("{kind} at version {v} and the commits after it"),
        None => "the JSON commits from version 0".to_owned(),
    };
    let property = match t.property(EVIDENCE_URI) {
        Some(uri) => format!("{EVIDENCE_URI} = {uri:?}{}", when(t)),
        None => format!("no {EVIDENCE_URI}"),
    };
    let at_least = if t.exact_count() { "" } else { "at least " };
    let files = if t.live_files == 1 { "file" } else { "files" };
    let mut count =
        format!("{at_least}{} live records in {} live {files}", group(t.live_records() as f64), t.live_files);
    if t.deleted_by_dv > 0 {
        count.push_str(&format!(
            " ({} in statistics less {} deleted by deletion vectors)",
            group(t.stats_records as f64),
            group(t.deleted_by_dv as f64)
        ));
    }
    if !t.exact_count() {
        count.push_str(&format!(
            " ({} of them without numRecords statistics: the count is a lower bound)",
            t.files_without_stats
        ));
    }
    let mut s = format!(
        "table {} at version {} (read from {read_from}): {property}; {count}",
        crate::text::path_name(dir),
        t.version
    );
    for note in &t.notes {
        s.push_str("; ");
        s.push_str(note);
    }
    s
}

fn rfc3339(millis: i64) -> Option<String> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000).ok()?.format(&Rfc3339).ok()
}

/// The local bundle the table's property names: a path (relative to the table
/// directory) or a `file:` URI, of a `*.json` file inside the table directory. Anything
/// else cannot be fetched offline or is not read: the message says where it points.
pub fn named_bundle(input: &TableInput) -> Result<PathBuf, String> {
    let dir = crate::text::path_name(&input.dir);
    let t = input.state.as_ref().as_ref().map_err(|why| format!("the Delta log of {dir} cannot be read: {why}"))?;
    let Some(uri) = t.property(EVIDENCE_URI) else {
        return Err(format!(
            "the table {dir} (version {}) has no {EVIDENCE_URI}: name the bundle to verify",
            t.version
        ));
    };
    // The property is a URI reference, read here as the references check reads it: what
    // follows `?` or `#` is a query or a fragment, not part of the file's name. Read as
    // part of a relative path, `q3#final.json` had the tool verify that file and then
    // report that the property names `q3`, not it.
    let path = if let Some(rest) = uri_path(uri).strip_prefix("file:") {
        // file:///abs, file://localhost/abs, file:/abs. Another host's file cannot be read
        // offline (and is no local path: `file://host/x` is not `./host/x`).
        let rest = match rest.strip_prefix("//") {
            Some(authority_and_path) => {
                let (host, path) =
                    authority_and_path.split_at(authority_and_path.find('/').unwrap_or(authority_and_path.len()));
                if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
                    return Err(format!(
                        "the table's {EVIDENCE_URI} points at {uri:?}, a file on the host {host:?}, which cannot be \
read offline: fetch it and run aeb-verify --table {dir} FILE"
                    ));
                }
                path
            }
            None => rest,
        };
        let path = PathBuf::from(percent_decode(rest));
        if !path.is_absolute() {
            return Err(format!("the table's {EVIDENCE_URI} {uri:?} is a file: URI without an absolute path"));
        }
        path
    } else if has_scheme(uri) {
        return Err(format!(
            "the table's {EVIDENCE_URI} points at {uri:?}, which cannot be read offline: fetch it and run aeb-verify --table {dir} FILE"
        ));
    } else {
        input.dir.join(percent_decode(uri_path(uri)))
    };
    // A table is untrusted: it must not make the tool read, and quote lines of, any local
    // file the auditor can read. Bundles are JSON files (seed "Storage"): the name and the
    // file it resolves to (a link inside the table named `x.json` may point anywhere) must
    // both be *.json.
    let not_json = |p: &std::path::Path| !p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let refuse = |p: &std::path::Path| {
        format!(
            "{EVIDENCE_URI} names {}, which is not a *.json file; from a table only a bundle named *.json is read \
(name the bundle on the command line to verify it)",
            crate::text::path_name(p)
        )
    };
    if not_json(&path) {
        return Err(refuse(&path));
    }
    let resolved = std::fs::canonicalize(&path)
        .map_err(|e| format!("{EVIDENCE_URI} names {}: {e}", crate::text::path_name(&path)))?;
    if not_json(&resolved) {
        return Err(format!("{} (it is a link to {})", refuse(&path), crate::text::path_name(&resolved)));
    }
    // Nor may it name a JSON file elsewhere: credentials are often JSON
    // (~/.config/gcloud/application_default_credentials.json, ~/.docker/config.json, a CI
    // step's key file in the workspace). Only a bundle inside the table directory, after
    // resolving links, is read; the auditor names any other.
    let inside = std::fs::canonicalize(&input.dir).is_ok_and(|table| resolved.starts_with(table));
    if !inside {
        return Err(format!(
            "{EVIDENCE_URI} names {}, which is not inside the table directory {dir}; from a table only a bundle \
inside its directory is read (name the bundle on the command line to verify it)",
            crate::text::path_name(&path)
        ));
    }
    match std::fs::metadata(&resolved) {
        Ok(m) if m.is_file() => Ok(path),
        Ok(_) => Err(format!("{EVIDENCE_URI} names {}, which is not a regular file", crate::text::path_name(&path))),
        Err(e) => Err(format!("{EVIDENCE_URI} names {}: {e}", crate::text::path_name(&path))),
    }
}

/// `scheme:` as RFC 3986 spells it (a Windows drive letter is no scheme).
fn has_scheme(uri: &str) -> bool {
    match uri.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// The file name a URI or path ends in: after the last `/`, without query or fragment,
/// percent-decoded.
pub fn uri_file_name(uri: &str) -> String {
    String::from_utf8_lossy(&uri_file_name_bytes(uri)).into_owned()
}

/// The bytes of [`uri_file_name`], before any is replaced for not being UTF-8.
fn uri_file_name_bytes(uri: &str) -> Vec<u8> {
    let path = uri_path(uri);
    let last = path.rsplit('/').next().unwrap_or(path);
    percent_decode_bytes(last)
}

/// A URI reference without its query and fragment (still percent-encoded).
fn uri_path(uri: &str) -> &str {
    uri.split(['?', '#']).next().unwrap_or(uri)
}

pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// The bytes `%XX` escapes stand for (a name that is not UTF-8 keeps its own bytes); a
/// `%` not followed by two hex digits is taken as it is.
fn percent_decode_bytes(s: &str) -> Vec<u8> {
    percent_encoding::percent_decode_str(s).collect()
}

fn property(name: &str, t: &Table, out: &mut Outcome) {
    out.mark(&TABLE_PROPERTY);
    let Some(uri) = t.property(EVIDENCE_URI) else {
        out.push(Finding::new(
            &TABLE_PROPERTY,
            "",
            format!("the table (version {}) has no {EVIDENCE_URI} property: it names no evidence bundle", t.version),
        ));
        out.skip(&TABLE_REFERENCES, format!("the table has no {EVIDENCE_URI}"));
        out.skip(&TABLE_GENERATED, format!("the table has no {EVIDENCE_URI}"));
        return;
    };
    if name == "-" {
        out.skip(&TABLE_REFERENCES, "the bundle was read from standard input and has no file name");
        return;
    }
    out.mark(&TABLE_REFERENCES);
    // Compared as bytes: `name` is the report's one-to-one name of the file
    // (text::path_name), and a name that is not UTF-8 must match only its own bytes, not
    // every name that reads as U+FFFD.
    let file = name.split('/').rfind(|s| !s.is_empty()).unwrap_or_default();
    let named_bytes = uri_file_name_bytes(uri);
    if named_bytes != crate::text::name_bytes(file) {
        let named = String::from_utf8_lossy(&named_bytes);
        out.push(
            Finding::new(
                &TABLE_REFERENCES,
                "",
                format!("the table's {EVIDENCE_URI} {uri:?} names {named:?}, not this bundle ({file:?})"),
            )
            .expected(format!("a URI ending in {file}"))
            .found(uri.to_owned()),
        );
    }
}

/// Why a record-count check that found no contradiction is SKIP and not PASS.
const LOWER_BOUND: &str = "the table's live record count is a lower bound (a live file has no numRecords \
statistics): not confirmed";

fn records(facts: &Facts, t: &Table, opts: &Options, out: &mut Outcome) {
    let live = t.live_records() as f64;
    let exact = t.exact_count();
    let table_says = if exact {
        format!("the table has {} live records", group(live))
    } else {
        format!("the table has at least {} live records", group(live))
    };
    match record_count(facts) {
        None => out.skip(&TABLE_RECORDS, "the bundle states no records_processed, total_cost_usd or cost_per_record"),
        Some(rc) => {
            out.mark(&TABLE_RECORDS);
            // The bundle's figure, as a range when it is implied from rounded inputs.
            let (low, high) = if rc.implied() { implied_range(facts, opts) } else { (rc.value, rc.value) };
            let tol = crate::audit::tolerance(opts);
            let decimals = facts.num(&rc.pointer).map_or(0, |n| n.decimals);
            let agrees_with = |x: f64| {
                if rc.implied() {
                    x >= low && x <= high
                } else {
                    compare_counts(rc.value, decimals, x, tol).consistent
                }
            };
            let contradicts = if exact { !agrees_with(live) } else { high < live && !agrees_with(live) };
            if contradicts {
                let basis = if rc.implied() {
                    format!(
                        "{} to {} records (implied, within the precision of the cost figures)",
                        group(low),
                        group(high)
                    )
                } else {
                    format!("{} records", group(rc.value))
                };
                out.push(
                    Finding::new(&TABLE_RECORDS, rc.pointer.clone(), format!("{table_says}, but {}", rc.source()))
                        .expected(if exact {
                            format!("{} records", group(live))
                        } else {
                            format!("at least {} records", group(live))
                        })
                        .found(basis),
                );
            } else if !exact && !agrees_with(live) {
                // Not a contradiction, not a confirmation either: say so rather than pass.
                out.push(
                    Finding::new(
                        &TABLE_RECORDS,
                        rc.pointer.clone(),
                        format!(
                            "{table_says} ({} live file{} without numRecords statistics), so {} cannot be confirmed",
                            t.files_without_stats,
                            if t.files_without_stats == 1 { "" } else { "s" },
                            rc.source()
                        ),
                    )
                    .unconfirmed(LOWER_BOUND),
                );
            }
        }
    }
    claims(facts, live, exact, opts, out);
}

/// The records `total_cost_usd / cost_per_record` can stand for, given the decimals
/// both are written with (or `--tolerance`).
fn implied_range(facts: &Facts, opts: &Options) -> (f64, f64) {
    let total = facts.num("/cost_analysis/platform_costs/total_cost_usd");
    let per = facts.num("/cost_analysis/platform_costs/cost_per_record");
    let (Some(total), Some(per)) = (total, per) else { return (f64::NAN, f64::NAN) };
    let value = total.value / per.value;
    if let Some(rel) = opts.tolerance {
        return (value * (1.0 - rel), value * (1.0 + rel));
    }
    let half = |d: u32| 0.5 * 10f64.powi(-(d.min(300) as i32));
    let (dt, dp) = (half(total.decimals), half(per.decimals));
    let low = (total.value - dt).max(0.0) / (per.value + dp);
    let high = if per.value - dp > 0.0 { (total.value + dt) / (per.value - dp) } else { f64::INFINITY };
    (low.min(value), high.max(value))
}

fn claims(facts: &Facts, live: f64, exact: bool, opts: &Options, out: &mut Outcome) {
    let claims = facts.members_of(crate::claims::CLAIMS);
    let mut any = false;
    let tol = crate::audit::tolerance(opts);
    for (field, pointer, value) in claims {
        let Some(text) = value.as_str() else { continue };
        for m in extract(&field, text).mentions {
            let Quantity::Records { value, multiplier } = m.quantity else { continue };
            any = true;
            let in_unit = live / multiplier;
            // the live count is a count: exact, when every live file states it
            let holds = if exact {
                crate::claims::holds_count(m.bound, value, m.decimals, in_unit, tol)
            } else {
                crate::claims::holds(m.bound, value, m.decimals, in_unit, tol)
            };
            // A lower bound contradicts only a claim below it: "at least" never, an exact
            // or "under" claim when even the bound exceeds it.
            let contradicts = if exact { !holds } else { !holds && m.bound != Bound::AtLeast && in_unit > value };
            // Against a lower bound only an "at least" claim the bound meets is confirmed;
            // any other that is not contradicted is not confirmed either: say so, not PASS.
            let confirmed = holds && (exact || m.bound == Bound::AtLeast);
            if !contradicts && !confirmed {
                out.push(
                    Finding::new(
                        &TABLE_CLAIMS,
                        pointer.clone(),
                        format!(
                            "{} claims {}{} records; the table has at least {} live records (a lower bound), \
so the claim cannot be confirmed",
                            crate::text::quote_claim(m.phrase(text), usize::MAX),
                            crate::claims::bound_word(m.bound),
                            group(value * multiplier),
                            group(live)
                        ),
                    )
                    .unconfirmed(LOWER_BOUND),
                );
                continue;
            }
            if !contradicts {
                continue;
            }
            let kind = crate::claims::bound_word(m.bound);
            out.push(
                Finding::new(
                    &TABLE_CLAIMS,
                    pointer.clone(),
                    format!(
                        "{} claims {kind}{} records, but the table has {}{} live records",
                        crate::text::quote_claim(m.phrase(text), usize::MAX),
                        group(value * multiplier),
                        if exact { "" } else { "at least " },
                        group(live)
                    ),
                )
                .expected(format!("{} records (the table's live count)", group(live)))
                .found(format!("{kind}{} records", group(value * multiplier)))
                .severity(Severity::Warning),
            );
        }
    }
    if any {
        out.mark(&TABLE_CLAIMS);
    } else {
        out.skip(&TABLE_CLAIMS, "no record-count claim in enterprise_validation");
    }
}

fn target(facts: &Facts, t: &Table, out: &mut Outcome) {
    let Some(target) = facts.str("/training/target") else {
        out.skip(&TABLE_TARGET, "the bundle names no training.target");
        return;
    };
    out.mark(&TABLE_TARGET);
    if !t.schema.has_column(target) {
        out.push(
            Finding::new(
                &TABLE_TARGET,
                "/training/target",
                format!("training.target {target:?} is not a column of the table (version {})", t.version),
            )
            .expected(column_list(&t.schema))
            .found(target.to_owned()),
        );
    }
}

/// The table's top-level columns for a message: the first [`COLUMNS_LISTED`] and a count
/// of the rest (a schema may have millions, and the message is quoted whole).
fn column_list(schema: &delta::Schema) -> String {
    let columns = schema.columns();
    let count = columns.len();
    let mut list = columns.take(COLUMNS_LISTED).collect::<Vec<_>>().join(", ");
    if count > COLUMNS_LISTED {
        list.push_str(&format!(" and {} more", count - COLUMNS_LISTED));
    }
    format!("one of {list}")
}

const COLUMNS_LISTED: usize = 50;

fn generated(facts: &Facts, t: &Table, out: &mut Outcome) {
    let Some(set) = &t.property_set else { return };
    let Some(time) = set.time else {
        out.skip(
            &TABLE_GENERATED,
            format!(
                "the commit that set {EVIDENCE_URI} is no longer in the log (at or before version {})",
                set.version
            ),
        );
        return;
    };
    let Some(generated) = facts.str("/generated_at").and_then(crate::clock::parse_rfc3339) else {
        out.skip(&TABLE_GENERATED, "the bundle has no RFC 3339 generated_at");
        return;
    };
    // A time no calendar date stands for (before year -9999 or after 9999) compares with
    // nothing: the check did not run, so it is SKIP, never PASS.
    let Ok(committed) = OffsetDateTime::from_unix_timestamp_nanos(i128::from(time.millis) * 1_000_000) else {
        out.skip(
            &TABLE_GENERATED,
            format!(
                "the time of version {} ({} ms since 1970, from {}) is out of the range of dates",
                set.version, time.millis, time.source
            ),
        );
        return;
    };
    // A modification time is when this copy of the file was written, and whoever wrote
    // it chose it (`touch -d 2099-01-01`). A copy is written after the commit, so a bundle
    // generated after it is still too late; but a time at or after `generated_at` confirms
    // nothing, so it is SKIP, never PASS.
    if time.source == delta::MODIFIED && generated <= committed {
        let shown = committed.format(&Rfc3339).unwrap_or_default();
        out.skip(
            &TABLE_GENERATED,
            format!(
                "version {} states no commit time (no inCommitTimestamp, no commitInfo.timestamp); \
                 its file's modification time ({shown}) is when this copy was written, set by whoever \
                 wrote it, so it can show a bundle generated too late but never confirm one",
                set.version
            ),
        );
        return;
    }
    out.mark(&TABLE_GENERATED);
    if generated > committed {
        let shown = committed.format(&Rfc3339).unwrap_or_default();
        out.push(
            Finding::new(
                &TABLE_GENERATED,
                "/generated_at",
                format!(
                    "the bundle was generated after version {} of the table set {EVIDENCE_URI} ({shown}, {})",
                    set.version, time.source
                ),
            )
            .expected(format!("at or before {shown}"))
            .found(facts.str("/generated_at").unwrap_or_default().to_owned()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_of_uris() {
        assert_eq!(uri_file_name("s3://bucket/evidence/2025%20q3.json?versionId=3"), "2025 q3.json");
        assert_eq!(uri_file_name("../bundles/appends.json"), "appends.json");
        assert_eq!(uri_file_name("file:///srv/e/b.json#x"), "b.json");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("a%20b%2Fc%2"), "a b/c%2");
        assert_eq!(percent_decode_bytes("%FF%fe.json"), b"\xff\xfe.json");
    }
}
