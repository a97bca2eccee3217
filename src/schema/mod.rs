//! The v1.0 JSON Schema: embedded, compiled once per process, and applied to the
//! members it describes (extension members never reach the validator).

pub mod diags;
mod proof;
mod stand_in;

use crate::finding::{child, Finding, Outcome};
use crate::read::{Document, SIGNATURES};
use crate::text::{edit_distance, ellipsize, quote_claim};
use diags::*;
use jsonschema::error::ValidationErrorKind;
use jsonschema::Validator;
use serde_json::Value;
use std::sync::OnceLock;

/// The schema text, as shipped in `schema/evidence-bundle-v1.schema.json`.
pub const SCHEMA_TEXT: &str = include_str!("../../schema/evidence-bundle-v1.schema.json");

/// The only version this tool verifies.
pub const SUPPORTED_VERSION: &str = "1.0";

/// The embedded schema, read once per process. Cheap: the `jsonschema` validator,
/// which costs a few milliseconds to build, is built only when a bundle is not proved
/// valid by [`proof`], or by a test.
struct Embedded {
    schema: Value,
    /// Top-level member names the schema describes.
    known: Vec<String>,
    /// Each of them as it displays (see [`displayed`]), for the look-alike check.
    known_displayed: Vec<String>,
    /// The reason when the schema uses something `proof` does not handle (a test keeps
    /// the shipped schema out of that case).
    proof: Result<proof::Schema, String>,
}

fn embedded() -> Result<&'static Embedded, &'static str> {
    static E: OnceLock<Result<Embedded, String>> = OnceLock::new();
    E.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA_TEXT).map_err(|e| format!("embedded schema: {e}"))?;
        let known: Vec<String> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let known_displayed = known.iter().map(|k| displayed(k, usize::MAX)).collect();
        let proof = proof::Schema::new(&schema);
        Ok(Embedded { schema, known, known_displayed, proof })
    })
    .as_ref()
    .map_err(String::as_str)
}

fn validator() -> Result<&'static Validator, &'static str> {
    static V: OnceLock<Result<Validator, String>> = OnceLock::new();
    V.get_or_init(|| {
        let e = embedded().map_err(str::to_owned)?;
        jsonschema::options()
            .should_validate_formats(true)
            .build(&e.schema)
            .map_err(|e| format!("embedded schema does not compile: {e}"))
    })
    .as_ref()
    .map_err(String::as_str)
}

/// Whether the shipped schema is one [`proof`] handles, with the reason when not.
pub fn proof_applies() -> Result<(), String> {
    embedded().map_err(str::to_owned)?.proof.as_ref().map(|_| ()).map_err(String::clone)
}

/// Whether the quick proof accepts `instance` as [`check`] asks it: an object member by
/// member (false also when the proof does not apply to the shipped schema); for the
/// differential test.
pub fn proved_valid(instance: &Value) -> bool {
    let Some(p) = embedded().ok().and_then(|e| e.proof.as_ref().ok()) else { return false };
    match instance {
        Value::Object(m) => p.proves_members(&m.iter().map(|(k, v)| (k.as_str(), v)).collect::<Vec<_>>()),
        other => p.proves(other),
    }
}

/// The proof asked of `instance` whole, which the differential test holds to the same
/// answer as [`proved_valid`].
pub fn proved_valid_whole(instance: &Value) -> bool {
    embedded().ok().and_then(|e| e.proof.as_ref().ok()).is_some_and(|p| p.proves(instance))
}

/// `jsonschema`'s own answer, for the differential test.
pub fn jsonschema_valid(instance: &Value) -> Result<bool, String> {
    validator().map(|v| v.is_valid(instance)).map_err(str::to_owned)
}

/// The closest name to `name` among `known`, when it is plausibly a typo of it.
pub fn did_you_mean<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let length = name.chars().count();
    let limit = match length {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    // The distance is at least the difference in length: a name far longer than a known
    // one (a 4 MB member name) is no typo of it, and is not compared char by char with
    // each (40 s for one such name).
    let lower = name.to_lowercase();
    known
        .into_iter()
        .filter(|k| *k != name && k.chars().count().abs_diff(length) <= limit)
        .map(|k| (edit_distance(&lower, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// How a name displays, its first `max` characters: NFKC, invisible characters
/// (Unicode Cf, controls, and the other default-ignorable code points) removed, and
/// characters drawn alike taken as one by the Unicode confusables skeleton (UTS #39,
/// `unicode-security`: Cyrillic `е`, Greek `ε`... as `e`, Armenian `օ` and the digit
/// `0` as `o`, `I` and `1` as `l`, `rn` as `m`), then lower-cased, so that case alone
/// is compared away here and left to "did you mean". Each character is taken to its
/// skeleton by itself (the skeleton of a string is that of its characters but for the
/// order of combining marks, which no known name has), so the cut at `max` is made on
/// the skeleton: characters it drops cannot push the name's end past the cut. Lazy: a
/// long name costs one pass at most.
pub(crate) fn displayed(name: &str, max: usize) -> String {
    displayed_cased(name, max, false)
}

/// [`displayed`], with each character lower-cased before its skeleton too when
/// `lower_first`: in capitals a look-alike shows as one as well (`ENTЕRPRISE_VALIDATION`
/// with a Cyrillic `Е`), though the skeleton of a capital `I` is `l`.
fn displayed_cased(name: &str, max: usize, lower_first: bool) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut shown = 0;
    let mut buf = [0u8; 4];
    // Blanks around a name display as nothing beside it (a trailing space, a Braille
    // blank U+2800): `enterprise_validation ` shows as the section.
    let blank = |c: char| c.is_whitespace() || c == '\u{2800}';
    let name = name.trim_matches(blank);
    let chars = name.nfkc().filter(|c| !crate::text::is_hidden(*c));
    let chars: Box<dyn Iterator<Item = char>> =
        if lower_first { Box::new(chars.flat_map(char::to_lowercase)) } else { Box::new(chars) };
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        // A blank under a combining low line (U+0332) or low macron (U+0331) is drawn as
        // `_` and `ˍ`: Unicode's spacing clones of those marks are the blank with the mark
        // (The Unicode Standard, 7.9). `enterprise \u{332}validation` was an extension.
        let under = blank(c) && chars.next_if(|m| matches!(m, '\u{332}' | '\u{331}')).is_some();
        let c = if under || crate::text::drawn_as_low_line(c) { '_' } else { c };
        for d in unicode_security::skeleton(c.encode_utf8(&mut buf)).flat_map(char::to_lowercase) {
            if shown >= max {
                return out;
            }
            out.push(d);
            shown += 1;
        }
    }
    out
}

/// The known name that `name` displays as, when it is spelled otherwise by more than
/// case (a case difference shows, and is left to "did you mean"). `shown` holds each
/// of the `known` names as displayed. Any number of invisible characters may pad a look-alike
/// (a bound on the name's length let 500 zero-width spaces through); only what displays
/// is compared, and no more of it than the longest known name.
fn displayed_as<'k>(name: &str, known: &'k [String], shown: &[String]) -> Option<&'k str> {
    let longest = shown.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let at = [false, true].into_iter().find_map(|lower_first| {
        let d = displayed_cased(name, longest + 1, lower_first);
        shown.iter().zip(known).position(|(s, k)| *s == d && name.to_lowercase() != *k)
    })?;
    known.get(at).map(String::as_str)
}

/// The names the schema defines for the object at an instance pointer.
fn known_names_at<'s>(schema: &'s Value, pointer: &str) -> Vec<&'s str> {
    let mut node = schema;
    for token in pointer.split('/').skip(1) {
        match node.get("properties").and_then(|p| p.get(token)) {
            Some(n) => node = n,
            None => return Vec::new(),
        }
    }
    node.get("properties")
        .and_then(Value::as_object)
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// A schema finding not yet written: its pointer is enough to order it.
enum Pending<'e> {
    /// An unknown member `name` of the object at `known_at[parent]`.
    Unknown {
        parent: usize,
        name: &'e String,
    },
    Invalid(&'e jsonschema::ValidationError<'e>),
}

/// What the schema asks for, in words, for the `expected` column.
fn expectation(schema: &Value, schema_path: &str, keyword: &str) -> String {
    let value = schema.pointer(schema_path);
    let def = |name: &str| schema_path.contains(&format!("/$defs/{name}/"));
    match keyword {
        "pattern" if def("sha256_hex") => "64 hexadecimal digits (a SHA-256)".to_owned(),
        "pattern" if schema_path.contains("app_version") => "a semantic version, MAJOR.MINOR.PATCH".to_owned(),
        "format" => {
            format!("format {} (RFC 3339, with a time-zone offset)", value.map(|v| v.to_string()).unwrap_or_default())
        }
        "required" => "required members present".to_owned(),
        _ => match value {
            Some(v) => format!("{keyword}: {}", ellipsize(&v.to_string(), 60)),
            None => keyword.to_owned(),
        },
    }
}

/// The top-level member `name`, from its canonical `text`, cut short where the schema
/// cannot look (see `stand_in`): whole wherever the schema names a member and asks for
/// its kind, so that the audit's figures read from it are those of the whole value.
pub fn figures(name: &str, text: &[u8]) -> Option<Value> {
    let c = embedded().ok()?;
    let node = c.schema.get("properties").and_then(|p| p.get(name))?;
    stand_in::stand_in(&c.schema, node, text).map(|(v, _)| v)
}

/// Whether `doc` states no version or the supported one: what [`check`] returns, asked
/// before it (`verify` starts reading long statements then).
pub fn supported(doc: &Document) -> bool {
    doc.member_ref("version").is_none_or(|v| v.as_str() == Some(SUPPORTED_VERSION))
}

/// Checks the bundle's shape. Returns false when the version is unsupported (the
/// other checks should not trust the field names then).
pub fn check(doc: &Document, out: &mut Outcome) -> bool {
    for rule in RULES {
        out.mark(rule);
    }
    if let Some(v) = doc.member_ref("version") {
        if !supported(doc) {
            out.push(
                Finding::new(
                    &UNSUPPORTED_VERSION,
                    "/version",
                    format!(
                        "version {} is not supported; this tool verifies version \"{SUPPORTED_VERSION}\"",
                        ellipsize(&v.to_string(), 40)
                    ),
                )
                .expected(format!("\"{SUPPORTED_VERSION}\""))
                .found(ellipsize(&v.to_string(), 40)),
            );
            for rule in [&INVALID, &UNKNOWN_FIELD, &EXTENSION_MEMBER, &LOOK_ALIKE_MEMBER] {
                out.evaluated.retain(|id| *id != rule.id);
                out.skip(rule, "unsupported version");
            }
            return false;
        }
    }
    let c = match embedded() {
        Ok(c) => c,
        Err(e) => {
            // Only a broken build gets here; say so rather than pass silently.
            out.push(Finding::new(&INVALID, "", format!("internal error: {e}")));
            return true;
        }
    };
    let names: Vec<&str> = c.known.iter().map(String::as_str).collect();
    // Most bundles are proved valid on their members as they are (copying those that
    // earlier checks parsed into one object was a fortieth of a batch's allocations);
    // only an unproved one is assembled into one object for jsonschema. A member not
    // parsed yet is parsed here from its canonical text, cut short where the schema
    // cannot look (`stand_in`): whole, it is kept for the later checks; cut, it stands
    // for the member here only.
    let free = Value::Bool(true);
    let node = |name: &str| c.schema.get("properties").and_then(|p| p.get(name)).unwrap_or(&free);
    let mut shared: Vec<(&str, &Value)> = Vec::new();
    let mut fresh = serde_json::Map::new();
    let mut cut: Vec<(&str, Value)> = Vec::new();
    for name in &names {
        // `signatures` as the checks share it is not the member (an unknown member holds
        // null there, an array `pgp` or `kms` no entries): it is read from its text here,
        // and never kept
        let sigs = *name == SIGNATURES;
        if let Some(v) = doc.parsed(name).filter(|_| !sigs) {
            shared.push((name, v));
            continue;
        }
        let Some(text) = doc.member_bytes(name) else { continue };
        match stand_in::stand_in(&c.schema, node(name), text) {
            Some((v, false)) if !sigs => {
                fresh.insert((*name).to_owned(), v);
            }
            Some((v, _)) => cut.push((name, v)),
            None => {}
        }
    }
    let mut members = shared.clone();
    members.extend(fresh.iter().map(|(k, v)| (k.as_str(), v)));
    members.extend(cut.iter().map(|(k, v)| (*k, v)));
    if c.proof.as_ref().is_ok_and(|p| p.proves_members(&members)) {
        drop(members);
        doc.keep(Value::Object(fresh));
    } else {
        drop(members);
        let kept: Vec<String> = fresh.keys().cloned().collect();
        let mut whole = fresh;
        whole.extend(cut.into_iter().map(|(k, v)| (k.to_owned(), v)));
        // those parsed already are not copied whole either: a copy of `signatures` with
        // a long unknown member doubled what it cost
        for (name, v) in shared {
            let standing = doc.member_bytes(name).and_then(|t| stand_in::stand_in(&c.schema, node(name), t));
            whole.insert(name.to_owned(), standing.map_or_else(|| v.clone(), |(s, _)| s));
        }
        if let Value::Object(mut instance) = validate(c, Value::Object(whole), out) {
            instance.retain(|k, _| kept.contains(k));
            doc.keep(Value::Object(instance));
        }
    }
    for m in doc.members() {
        if names.contains(&m.name.as_str()) {
            continue;
        }
        let pointer = child("", &m.name);
        if let Some(known) = displayed_as(&m.name, &c.known, &c.known_displayed) {
            out.push_lazy(&LOOK_ALIKE_MEMBER, &pointer, || {
                Finding::new(
                    &LOOK_ALIKE_MEMBER,
                    pointer.as_str(),
                    format!(
                        "top-level member {} displays as \"{known}\" but is another member: its contents were not checked",
                        quote_claim(&m.name, usize::MAX)
                    ),
                )
                .expected(format!("\"{known}\" spelled as the format spells it, or a name of its own"))
                .found(m.name.clone())
            });
            continue;
        }
        out.push_lazy(&EXTENSION_MEMBER, &pointer, || {
            let hint = did_you_mean(&m.name, names.iter().copied());
            let message = match hint {
                Some(k) => format!(
                    "top-level member {} is not part of the format; did you mean \"{k}\"? (its contents were not checked)",
                    quote_claim(&m.name, usize::MAX)
                ),
                None => format!("top-level member {} is an extension: allowed, not checked", quote_claim(&m.name, usize::MAX)),
            };
            let f = Finding::new(&EXTENSION_MEMBER, pointer.as_str(), message).found(m.name.clone());
            match hint {
                Some(k) => f.expected(k.to_owned()),
                None => f,
            }
        });
    }
    true
}

/// Validates the known members with `jsonschema`, which explains every error: for a
/// bundle the proof did not prove valid.
/// Returns `instance` as it was handed in.
fn validate(c: &Embedded, mut instance: Value, out: &mut Outcome) -> Value {
    let validator = match validator() {
        Ok(v) => v,
        Err(e) => {
            out.push(Finding::new(&INVALID, "", format!("internal error: {e}")));
            return instance;
        }
    };
    // What each finding is about, its pointer first: findings are reported in pointer
    // order, and past a rule's cap only counted, so a message is written only for
    // those listed. Building every one first made about 190,000 unknown members
    // (3.3 MB) cost 0.8 s and 168 MB, 54 times the bundle's size.
    let aside = set_aside_items(&mut instance);
    let errors: Vec<jsonschema::ValidationError> = validator.iter_errors(&instance).collect();
    let mut known_at: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut pending: Vec<(String, Pending)> = Vec::new();
    for e in &errors {
        let at = e.instance_path().as_str();
        if let ValidationErrorKind::AdditionalProperties { unexpected } = e.kind() {
            known_at.push((at, known_names_at(&c.schema, at)));
            let parent = known_at.len() - 1;
            pending.extend(unexpected.iter().map(|name| (child(at, name), Pending::Unknown { parent, name })));
            continue;
        }
        // A missing member is named by its own pointer (the position resolves to the
        // object it belongs to), not by the object's.
        let at = match e.kind() {
            ValidationErrorKind::Required { property: Value::String(name) } => child(at, name),
            _ => at.to_owned(),
        };
        pending.push((at, Pending::Invalid(e)));
    }
    // `signatures` and its `sha256` are the integrity check's: it reports a missing,
    // placeholder or malformed hash with one finding of its own ("hash not filled in"
    // for "..."), never also as a schema error.
    pending.retain(|(at, _)| at != "/signatures" && at != "/signatures/sha256");
    pending.sort_by(|a, b| a.0.cmp(&b.0));
    for (pointer, p) in &pending {
        match *p {
            Pending::Unknown { parent, name } => out.push_lazy(&UNKNOWN_FIELD, pointer, || {
                let (at, known) = known_at.get(parent).map(|(a, k)| (*a, k.as_slice())).unwrap_or_default();
                let hint = did_you_mean(name, known.iter().copied());
                let message = match hint {
                    Some(k) => {
                        format!("unknown field {} in {at}; did you mean \"{k}\"?", quote_claim(name, usize::MAX))
                    }
                    None => {
                        format!(
                            "unknown field {} in {at}; known fields: {}",
                            quote_claim(name, usize::MAX),
                            known.join(", ")
                        )
                    }
                };
                let f = Finding::new(&UNKNOWN_FIELD, pointer.as_str(), message).found(name.clone());
                match hint {
                    Some(k) => f.expected(k.to_owned()),
                    None => f,
                }
            }),
            Pending::Invalid(e) => out.push_lazy(&INVALID, pointer, || {
                let keyword = e.kind().keyword();
                let message = match keyword {
                    "pattern" | "format" => format!(
                        "{} is not {}",
                        ellipsize(&e.instance().to_string(), 70),
                        expectation(&c.schema, e.schema_path().as_str(), keyword)
                    ),
                    _ => e.to_string(),
                };
                Finding::new(&INVALID, pointer.as_str(), format!("[{keyword}] {}", ellipsize(&message, 200)))
                    .expected(expectation(&c.schema, e.schema_path().as_str(), keyword))
                    .found(ellipsize(&e.instance().to_string(), 70))
            }),
        }
    }
    // they borrow `instance`, which the document keeps for the checks after this one
    drop(pending);
    drop(errors);
    if let Some(first) = aside.first() {
        // Each is a `type` error past the cap: counted in the rule's "and N more".
        let pointer = child(&child("/signatures", first.0), &first.1.to_string());
        out.push(Finding::more(&INVALID, aside.len(), INVALID.severity, pointer, None));
    }
    restore_items(&mut instance, aside);
    instance
}

/// Non-object items of `signatures.pgp` or `signatures.kms` that jsonschema validates, at
/// most, per array: more than the listed findings of a rule, so that those set aside are
/// past the cap whatever else is found.
const ITEMS_VALIDATED: usize = crate::finding::MAX_PER_RULE + 1;

/// Sets aside, replaced by empty objects, the items of `signatures.pgp` and
/// `signatures.kms` that are not objects (each a `type` error of the schema's `items`)
/// beyond the [`ITEMS_VALIDATED`] first of them in pointer order: jsonschema holds every
/// error it finds at once, about 450 bytes each, so an array of 1.25 million numbers (2.5
/// MB) cost 690 MB and 5 s. Those set aside would be past the cap of listed findings
/// (the kept ones come first in pointer order), so the report is the same: they are
/// counted. Returns them (member, index, value), in index order, for [`restore_items`].
fn set_aside_items(instance: &mut Value) -> Vec<(&'static str, usize, Value)> {
    let mut aside = Vec::new();
    for member in ["pgp", "kms"] {
        let Some(Value::Array(items)) = instance.get_mut("signatures").and_then(|s| s.get_mut(member)) else {
            continue;
        };
        let odd = items.iter().filter(|v| !v.is_object()).count();
        if odd <= ITEMS_VALIDATED {
            continue;
        }
        // The ITEMS_VALIDATED smallest indices in pointer order (as text: "10" < "2").
        let odd_items = items.iter().enumerate().filter(|(_, v)| !v.is_object()).map(|(i, _)| i);
        let kept = stand_in::first_in_pointer_order(odd_items, ITEMS_VALIDATED);
        let Some(last_kept) = kept.peek().cloned() else { continue };
        for (i, item) in items.iter_mut().enumerate() {
            if !item.is_object() && i.to_string() > last_kept {
                aside.push((member, i, std::mem::replace(item, Value::Object(serde_json::Map::new()))));
            }
        }
    }
    aside
}

/// Puts back what [`set_aside_items`] set aside: the later checks read the bundle as it is.
fn restore_items(instance: &mut Value, aside: Vec<(&'static str, usize, Value)>) {
    for (member, i, value) in aside {
        if let Some(slot) = instance.get_mut("signatures").and_then(|s| s.get_mut(member)).and_then(|a| a.get_mut(i)) {
            *slot = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_compiles() {
        assert!(validator().is_ok(), "{:?}", validator().err());
    }

    #[test]
    fn suggestions() {
        let known = ["version", "cost_analysis", "cleaning", "notes", "gpu_hours"];
        assert_eq!(did_you_mean("cost_anaylsis", known), Some("cost_analysis"));
        assert_eq!(did_you_mean("Version", known), Some("version"));
        assert_eq!(did_you_mean("gpu_hour", known), Some("gpu_hours"));
        assert_eq!(did_you_mean("x_vendor_build", known), None);
    }

    /// A name that displays as a known one is a look-alike whatever the script of its
    /// look-alike letters (the confusables skeleton of UTS #39), not only Cyrillic or
    /// Greek: an Armenian `օ` for `o` got only an info note (attacker pass 7). A
    /// difference in case alone is not one (it shows, and "did you mean" says so).
    #[test]
    fn look_alike_names_by_the_confusables_skeleton() {
        let known: Vec<String> =
            ["enterprise_validation", "cost_analysis", "notes", "version"].iter().map(|s| (*s).to_owned()).collect();
        let shown: Vec<String> = known.iter().map(|k| displayed(k, usize::MAX)).collect();
        for (name, as_known) in [
            ("enterprise_validati\u{585}n", "enterprise_validation"),
            ("\u{435}nterprise_validation", "enterprise_validation"),
            ("ENT\u{415}RPRISE_VALIDATION", "enterprise_validation"),
            ("enterprise\u{200b}_validation", "enterprise_validation"),
            ("enterprise\u{fe00}\u{fe00}\u{fe00}_validation", "enterprise_validation"),
            ("cost_anaIysis", "cost_analysis"),
            ("c0st_analysis", "cost_analysis"),
            ("n\u{3bf}tes", "notes"),
            ("\u{13d9}ersion", "version"),
            ("\u{ff56}ersion", "version"),
            ("enterprise_validation ", "enterprise_validation"),
            ("\u{2800}enterprise_validation", "enterprise_validation"),
            ("notes\u{a0}\u{3000}", "notes"),
            // a blank under a combining low line or low macron is drawn as a low line
            ("enterprise \u{332}validation", "enterprise_validation"),
            ("enterprise\u{a0}\u{331}validation", "enterprise_validation"),
            ("cost\u{3000}\u{332}analysis", "cost_analysis"),
        ] {
            assert_eq!(displayed_as(name, &known, &shown), Some(as_known), "{name:?}");
        }
        for name in [
            "Enterprise_Validation",
            "ENTERPRISE_VALIDATION",
            "Notes",
            "x_notes",
            "versions",
            "enterprise",
            " ",
            // under a letter, the line underlines it: no `_` is drawn between the words
            "enterprise\u{332}validation",
        ] {
            assert_eq!(displayed_as(name, &known, &shown), None, "{name:?}");
        }
        // the cut at the longest known name: a long name is read that far only
        let long = format!("enterprise_validation{}", "o".repeat(1 << 20));
        assert_eq!(displayed_as(&long, &known, &shown), None);
        assert_eq!(displayed(&long, 25).chars().count(), 25);
    }
}
