//! The public profile: what must not leave the house (seed "Redaction").

pub mod diags;
pub mod pii;

use crate::finding::{child, Finding, Outcome};
use crate::options::Options;
use crate::read::{Document, SIGNATURES};
use crate::rules::Rule;
use diags::*;
use pii::{scan, PiiKind};
use serde_json::Value;

/// Masks a found value so the report does not leak it again: first and last two
/// characters kept.
pub fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..2].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 4))
}

fn rule_for(kind: PiiKind) -> &'static Rule {
    match kind {
        PiiKind::Email => &PII_EMAIL,
        PiiKind::Phone => &PII_PHONE,
        PiiKind::Ip => &PII_IP,
        PiiKind::Card => &PII_CARD,
        PiiKind::NationalId => &PII_NATIONAL_ID,
    }
}

pub fn check(doc: &Document, opts: &Options, out: &mut Outcome) {
    for rule in RULES {
        out.mark(rule);
    }
    if doc.member("run_seed").is_some() {
        out.push(
            Finding::new(&RUN_SEED, "/run_seed", "run_seed is present: remove it before sharing the bundle publicly")
                .expected("absent")
                .found("present"),
        );
    }
    if let Some(Value::Object(training)) = doc.member_value("training") {
        if training.contains_key("params") {
            out.push(
                Finding::new(
                    &TRAINING_PARAMS,
                    "/training/params",
                    "training.params discloses algorithm parameters: possible leakage of intellectual property",
                )
                .expected("absent")
                .found("present"),
            );
        }
    }
    for m in doc.members() {
        if m.name == SIGNATURES {
            continue;
        }
        let mut path = vec![Seg::Key(&m.name)];
        scan_text(&m.name, &path, true, opts, out);
        if let Some(v) = doc.member_value(&m.name) {
            walk(&v, &mut path, opts, out);
        }
    }
}

/// One step of the path to a value; the pointer string is only built for a finding.
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn pointer_of(path: &[Seg]) -> String {
    let mut p = String::new();
    for s in path {
        p = match s {
            Seg::Key(k) => child(&p, k),
            Seg::Index(i) => child(&p, &i.to_string()),
        };
    }
    p
}

fn walk<'a>(v: &'a Value, path: &mut Vec<Seg<'a>>, opts: &Options, out: &mut Outcome) {
    match v {
        Value::String(s) => scan_text(s, path, false, opts, out),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(item, path, opts, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                path.push(Seg::Key(k));
                scan_text(k, path, true, opts, out);
                walk(item, path, opts, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn scan_text(text: &str, path: &[Seg], is_name: bool, opts: &Options, out: &mut Outcome) {
    let hits = scan(text);
    let denied: Vec<(&regex::Regex, regex::Match)> =
        opts.deny_patterns.iter().filter_map(|re| re.find(text).map(|m| (re, m))).collect();
    if hits.is_empty() && denied.is_empty() {
        return;
    }
    let pointer = pointer_of(path);
    let pointer = pointer.as_str();
    let whose = if is_name { "the member name at" } else { "the string at" };
    for hit in hits {
        let found = text.get(hit.span.clone()).unwrap_or_default();
        out.push(
            Finding::new(rule_for(hit.kind), pointer, format!("{whose} {pointer} contains {}", hit.what))
                .expected(format!("nothing like {}", hit.what))
                .found(format!("{} (masked)", mask(found))),
        );
    }
    for (re, m) in denied {
        {
            out.push(
                Finding::new(
                    &DENY_PATTERN,
                    pointer,
                    format!("{whose} {pointer} matches --deny-pattern {}", re.as_str()),
                )
                .expected(format!("no match for {}", re.as_str()))
                .found(format!("{} (masked)", mask(m.as_str()))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masking() {
        assert_eq!(mask("jane.doe@example.com"), "ja****************om");
        assert_eq!(mask("1234"), "****");
    }
}
