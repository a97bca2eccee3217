//! `--format sarif`: SARIF 2.1.0, so code-scanning UIs show each finding at its line
//! and column in the bundle. Rules come from the catalogue, with their explanations.

use crate::finding::Severity;
use crate::rules;
use crate::verify::BundleReport;
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(reports: &[BundleReport], record: &super::Record) -> String {
    let catalogue: Vec<&rules::Rule> = rules::all().collect();
    let rule_entries: Vec<Value> = catalogue
        .iter()
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
        .collect();
    let mut results = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        for f in &r.outcome.findings {
            let mut location = json!({
                "physicalLocation": { "artifactLocation": { "uri": uri(&r.name), "index": i } },
                "logicalLocations": [{ "fullyQualifiedName": f.pointer, "kind": "member" }],
            });
            if let Some(p) = f.position {
                location["physicalLocation"]["region"] = json!({ "startLine": p.line, "startColumn": p.column });
            }
            results.push(json!({
                "ruleId": f.rule.id,
                "ruleIndex": catalogue.iter().position(|r| std::ptr::eq(*r, f.rule)),
                "level": level(f.severity),
                // Shown as text by code-scanning UIs: escaped as every text format does.
                "message": { "text": super::esc(&f.message) },
                "locations": [location],
                "properties": {
                    "pointer": f.pointer,
                    "expected": f.expected,
                    "found": f.found,
                    "remappedFrom": f.remapped_from,
                    "remappedBy": f.remapped_from.and_then(|_| record.override_for(f.rule.id)),
                },
            }));
        }
    }
    let artifacts: Vec<Value> = reports
        .iter()
        .map(|r| {
            let mut a = json!({ "location": { "uri": uri(&r.name) } });
            if let Some(i) = &r.input {
                a["length"] = json!(i.bytes);
                a["hashes"] = json!({ "sha-256": i.sha256 });
            }
            a
        })
        .collect();
    // The record of the audit: the command that repeats the run, and everything it used.
    let invocation = json!({
        "executionSuccessful": true,
        "commandLine": record.command,
        "properties": { "record": record },
    });
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "aeb-verify",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_entries,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "artifacts": artifacts,
            "results": results,
        }],
    });
    let mut s = crate::text::json_escape_hidden(serde_json::to_string_pretty(&doc).unwrap_or_default());
    s.push('\n');
    s
}

/// SARIF wants URI references: relative paths stay relative, with `/` separators;
/// spaces, `%` and the characters [`crate::text::is_hidden`] names are percent-encoded.
fn uri(name: &str) -> String {
    if name == "-" {
        return "stdin".to_owned();
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\\' => out.push('/'),
            c if c == ' ' || c == '%' || crate::text::is_hidden(c) => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
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
