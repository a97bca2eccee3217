//! `--format sarif`: SARIF 2.1.0, so code-scanning UIs show each finding at its line
//! and column in the bundle. Rules come from the catalogue, with their explanations.

use super::{Sink, Style};
use crate::batch::Tally;
use crate::finding::Severity;
use crate::rules;
use crate::text::shown_name;
use crate::verify::BundleReport;
use percent_encoding::{percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A result's level in this run: a finding that rejects the bundle is an `error`, so a
/// warning is one under `--strict` (as it is a JUnit `<failure>`): code scanning fails
/// its check on `error` results, and a bundle rejected by warnings alone showed none.
/// The finding's own severity stays in `properties.severity`.
fn result_level(s: Severity, strict: bool) -> &'static str {
    match s {
        Severity::Warning if strict => "error",
        s => level(s),
    }
}

fn rule_entries() -> Vec<Value> {
    rules::all()
        .map(|r| {
            json!({
                "id": r.id,
                "name": pascal_name(r.title),
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.explanation },
                "help": { "text": format!("{}\n\naeb-verify explain {}", r.explanation, r.id) },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "section": r.section.name() },
            })
        })
        .collect()
}

/// `--format sarif`: each bundle's results are written as it comes; only its artifact
/// entry (a line or two of text) is kept for the end, with the invocation (the record
/// of the run and its unreadable inputs, known only then). A 1,000-bundle batch held
/// every result as a tree until the end: 137 MB for 10 MB of SARIF.
pub struct Stream<'a> {
    style: Style<'a>,
    results: usize,
    /// Each bundle's `artifacts` entry, as written (indented).
    artifacts: Vec<String>,
}

impl<'a> Stream<'a> {
    pub fn new(style: Style<'a>) -> Self {
        Stream { style, results: 0, artifacts: Vec::new() }
    }
}

/// Indentation of a result and an artifact (the run's arrays' items).
const ITEM: &str = "        ";
/// Indentation of the run's members.
const MEMBER: &str = "      ";

/// `value` as pretty JSON whose lines after the first are indented by `indent` (it is
/// written where that indentation already is), hidden characters escaped as in every
/// JSON report. serde_json escapes line breaks in strings: every newline is layout.
fn pretty(value: &impl Serialize, indent: &str) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    Ok(crate::text::json_escape_hidden(text).replace('\n', &format!("\n{indent}")))
}

impl Sink for Stream<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let tool = json!({ "driver": {
            "name": "aeb-verify",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rule_entries(),
        }});
        writeln!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{"
        )?;
        writeln!(out, "{MEMBER}\"tool\": {},", pretty(&tool, MEMBER)?)?;
        writeln!(out, "{MEMBER}\"columnKind\": \"unicodeCodePoints\",")?;
        // How lines were counted (read::ends_line): SARIF's default is CRLF and LF only,
        // and a viewer would place a finding in a file with lone CRs lines off.
        writeln!(out, "{MEMBER}\"newlineSequences\": [\"\\r\\n\", \"\\n\", \"\\r\"],")?;
        if let Some(root) = srcroot() {
            let base = json!({ SRCROOT: { "uri": root } });
            writeln!(out, "{MEMBER}\"originalUriBaseIds\": {},", pretty(&base, MEMBER)?)?;
        }
        write!(out, "{MEMBER}\"results\": [")
    }

    fn bundle(&mut self, r: &BundleReport, out: &mut dyn Write) -> io::Result<()> {
        let index = Some(self.artifacts.len());
        let artifact = artifact_location(&r.name);
        // How many findings of each rule at each pointer came before: the second claim
        // of one kind in one string is a result of its own, with a fingerprint of its own.
        let mut before: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
        for f in &r.outcome.findings {
            let occurrence = before.entry((f.rule.id, f.pointer.as_str())).or_insert(0);
            let fingerprint = fingerprint(&r.name, f.rule.id, &f.pointer, *occurrence);
            *occurrence += 1;
            let location = ArtifactLocation { index, ..artifact.clone() };
            // Code scanning needs a region on every result: a finding about the whole
            // file (its size, say) is shown at line 1.
            let region = match f.position {
                Some(p) => json!({ "startLine": p.line, "startColumn": p.column }),
                None => json!({ "startLine": 1 }),
            };
            let mut loc = Map::new();
            loc.insert("physicalLocation".into(), json!({ "artifactLocation": location, "region": region }));
            if !f.pointer.is_empty() {
                loc.insert("logicalLocations".into(), json!([{ "fullyQualifiedName": f.pointer, "kind": "member" }]));
            }
            let result = json!({
                "ruleId": f.rule.id,
                "ruleIndex": rules::all().position(|r| std::ptr::eq(r, f.rule)),
                "level": result_level(f.severity, self.style.strict),
                // Shown as text by code-scanning UIs: escaped as every text format does,
                // and saying which override re-mapped it, as every text format does.
                "message": { "text": match super::remap_note(f, self.style.record) {
                    Some(n) => format!("{} ({n})", text(&f.message)),
                    None => text(&f.message),
                } },
                "locations": [loc],
                "partialFingerprints": { "aebFinding/v1": fingerprint },
                "properties": {
                    "severity": f.severity,
                    "pointer": f.pointer,
                    "expected": f.expected,
                    "found": f.found,
                    "remappedFrom": f.remapped_from,
                    "remappedBy": f.remapped_from.and_then(|_| self.style.record.override_for(f.rule.id)),
                },
            });
            let sep = if self.results == 0 { "\n" } else { ",\n" };
            self.results += 1;
            write!(out, "{sep}{ITEM}{}", pretty(&result, ITEM)?)?;
        }
        let mut a = Map::new();
        a.insert("location".into(), json!(artifact));
        if let Some(i) = &r.input {
            a.insert("length".into(), json!(i.bytes));
            if let Some(sha256) = &i.sha256 {
                a.insert("hashes".into(), json!({ "sha-256": sha256 }));
            }
        }
        self.artifacts.push(pretty(&Value::Object(a), ITEM)?);
        Ok(())
    }

    fn finish(&mut self, _all: &[BundleReport], tally: &Tally, style: &Style, out: &mut dyn Write) -> io::Result<()> {
        let close = if self.results == 0 { "],\n" } else { "\n      ],\n" };
        write!(out, "{close}{MEMBER}\"artifacts\": [")?;
        for (i, a) in self.artifacts.drain(..).enumerate() {
            let sep = if i == 0 { "\n" } else { ",\n" };
            write!(out, "{sep}{ITEM}{a}")?;
        }
        // Inputs that could not be read are the tool's own failures, not results; entries
        // a walk left out are notices, errors when --strict fails the run for them.
        let notice = |level: &str, text: String, path: &str| {
            json!({
                "level": level,
                "message": { "text": text },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(path) } }],
            })
        };
        let unreadable = tally.unreadable.iter().map(|n| {
            notice("error", format!("cannot read {}: {}", text(&shown_name(&n.path)), text(&n.reason)), &n.path)
        });
        let skipped = tally.skipped.iter().map(|n| {
            let level = match (n.unverified, tally.strict) {
                (false, _) => "note",
                (true, false) => "warning",
                (true, true) => "error",
            };
            notice(level, format!("skipped {}: {}", text(&shown_name(&n.path)), text(&n.reason)), &n.path)
        });
        let notifications: Vec<Value> = unreadable.chain(skipped).collect();
        // The record of the audit: the command that repeats the run, and everything it used.
        let invocations = json!([{
            "executionSuccessful": tally.unreadable.is_empty() && !tally.strict_skips(),
            "commandLine": style.record.command,
            "toolExecutionNotifications": notifications,
            "properties": { "record": style.record },
        }]);
        write!(out, "\n{MEMBER}],\n{MEMBER}\"invocations\": {}\n    }}\n  ]\n}}\n", pretty(&invocations, MEMBER)?)
    }
}

/// Text for a SARIF plain text message, escaped as every text format does. In such a
/// message `[text](target)` is an embedded link (SARIF 2.1.0, 3.11.6: any URI, a
/// location id), which viewers render as one; a bracket cannot be escaped out of it
/// outside link text, so each `](` in the text (only bundle text and file names carry
/// one: no message of ours does) is shown with its parenthesis escaped, `]\u{28}`, as
/// the other characters a report must not act on are.
fn text(s: &str) -> String {
    let shown = super::esc(s);
    if shown.contains("](") {
        shown.replace("](", "]\\u{28}")
    } else {
        shown.into_owned()
    }
}

const SRCROOT: &str = "%SRCROOT%";

/// Where a bundle read from standard input lies: the file standard input is on POSIX
/// systems, absolute (so no consumer resolves it against a base of its own, as it would a
/// relative `stdin`) and outside every checkout (so code scanning places it on no file of
/// the repository, yet accepts it: it needs a `uri` in every location).
const STDIN_URI: &str = "file:///dev/stdin";

/// Bytes kept as they are in a URI path: RFC 3986 unreserved characters and `/`.
/// Everything else (`%`, `#`, `?`, space, quotes, controls, non-ASCII) is percent-encoded.
const PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// A path's bytes percent-encoded: a name that is not UTF-8 keeps its own bytes in the
/// URI (`%FF`), not the replacement character's.
fn encode_path_bytes(path: &[u8]) -> String {
    percent_encode(path, PATH).to_string()
}

/// The bytes of a path as reports name it (text::path_name), `/` between directories
/// (a backslash separates them only on Windows).
fn path_bytes(name: &str) -> Vec<u8> {
    let mut bytes = crate::text::name_bytes(name);
    if cfg!(windows) {
        bytes.iter_mut().filter(|b| **b == b'\\').for_each(|b| *b = b'/');
    }
    bytes
}

/// SARIF's `artifactLocation`; `index` points a result at its entry in `artifacts`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Value>,
}

/// Where a bundle lies: a relative path against %SRCROOT% (the directory aeb-verify ran
/// in, as code scanning expects), an absolute one as a `file://` URI. Standard input is
/// [`STDIN_URI`], an absolute URI that is no file of a repository, with the description
/// "standard input". It was `"uri": "stdin"` with no base, a relative reference that a
/// consumer resolves against a base of its own choosing (SARIF 2.1.0, 3.4.4), and code
/// scanning against the repository: the findings landed on a file named `stdin`. Then it
/// had no `uri` at all, which SARIF allows (3.4.3) but code scanning refuses: the whole
/// upload failed ("locationFromSarifResult: expected artifact location").
fn artifact_location(name: &str) -> ArtifactLocation {
    let at =
        |uri: String, uri_base_id| ArtifactLocation { uri: Some(uri), uri_base_id, index: None, description: None };
    if name == "-" {
        return ArtifactLocation {
            uri: Some(STDIN_URI.to_owned()),
            uri_base_id: None,
            index: None,
            description: Some(json!({ "text": "standard input" })),
        };
    }
    // The report's name is escaped where it must be: the URI names the file's own bytes.
    let mut bytes = path_bytes(name);
    if bytes.starts_with(b"/") || std::path::Path::new(name).is_absolute() {
        if !bytes.starts_with(b"/") {
            bytes.insert(0, b'/');
        }
        return at(format!("file://{}", encode_path_bytes(&bytes)), None);
    }
    let rel = bytes.strip_prefix(b"./").unwrap_or(&bytes);
    at(encode_path_bytes(rel), Some(SRCROOT))
}

/// The working directory as an absolute `file://` URI ending in `/`.
fn srcroot() -> Option<String> {
    let dir = std::env::current_dir().ok()?;
    // The directory's own bytes, as for the artifacts: one that is not UTF-8 is no
    // replacement character in the URI.
    let mut path = path_bytes(&crate::text::path_name(&dir));
    if !path.starts_with(b"/") {
        path.insert(0, b'/');
    }
    if !path.ends_with(b"/") {
        path.push(b'/');
    }
    Some(format!("file://{}", encode_path_bytes(&path)))
}

/// Stable across runs and edits elsewhere in the file: the file, the rule and the
/// pointer of the value, hashed, and for the n-th finding of one rule at one pointer
/// after the first (two contradicted claims in one string), n as well. Results that
/// share every fingerprint are one result to a result management system (SARIF 2.1.0's
/// `partialFingerprints`; code scanning matches alerts by them): the second claim was shown as the
/// first, or not at all. The first keeps the hash it always had.
///
/// A file name and a rule id hold no NUL, but a member name may (`"x\u00001"`): each NUL
/// of the pointer is hashed as NUL and U+0001, which no terminator is followed by (an
/// occurrence is digits), so the stream names one (file, rule, pointer, occurrence).
/// `/x\u{0}1` was hashed as the second finding at `/x`, and the two were one alert. A
/// pointer without a NUL keeps its hash.
fn fingerprint(file: &str, rule: &str, pointer: &str, occurrence: usize) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [file, rule] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    for (i, piece) in pointer.split('\0').enumerate() {
        if i > 0 {
            h.update([0, 1]);
        }
        h.update(piece.as_bytes());
    }
    h.update([0]);
    if occurrence > 0 {
        h.update(occurrence.to_string().as_bytes());
        h.update([0]);
    }
    let digest: [u8; 32] = h.finalize().into();
    crate::text::hex(&digest[..16])
}

/// SARIF's rule `name` is an identifier-like form of what the rule requires
/// ("Hash matches the payload" -> "HashMatchesThePayload").
fn pascal_name(title: &str) -> String {
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|c| c.to_ascii_uppercase().to_string() + cs.as_str()).unwrap_or_default()
        })
        .collect()
}
