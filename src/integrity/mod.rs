//! Integrity: recompute the SHA-256 of the payload and hold it against
//! `signatures.sha256` (spec section 2). On a mismatch, say what the recorded hash
//! does match, so the auditor can tell a broken pipeline from a changed bundle.

pub mod diags;

use crate::canonical::{relayout_into, Layout, Sizes};
use crate::finding::{Finding, Outcome};
use crate::read::{self, Document, SIGNATURES};
use crate::text::hex;
use crate::text::json_kind;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Members of `signatures` that the format defines.
pub const SIGNATURE_MEMBERS: &[&str] = &["sha256", "pgp", "kms", "key_id"];

/// What the report shows besides findings.
#[derive(Debug, Clone)]
pub struct Digest256 {
    pub payload_sha256: String,
    pub payload_len: usize,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of the payload, streamed from its pieces.
pub fn payload_sha256(doc: &Document) -> String {
    let mut h = Sha256::new();
    for piece in doc.payload_pieces() {
        h.update(piece);
    }
    hex(&h.finalize())
}

/// Members of a signature object the format defines (contract section 3).
const PGP_MEMBERS: &[&str] = &["key_id", "signature"];
const KMS_MEMBERS: &[&str] = &["key_id", "algorithm", "signature"];

/// Every member under `signatures` that the format does not define, at any depth: a
/// note inside a signature object is as unsigned as one beside it.
fn uncovered(map: &serde_json::Map<String, Value>, out: &mut Outcome) {
    let mut report = |pointer: String, shown: String| {
        out.push(Finding::new(
            &diags::UNCOVERED_MEMBER,
            pointer,
            format!("`{shown}` is not defined by the format and is covered by no hash or signature"),
        ));
    };
    for (name, value) in map {
        let at = crate::finding::child("/signatures", name);
        let defined = match name.as_str() {
            "pgp" => PGP_MEMBERS,
            "kms" => KMS_MEMBERS,
            n if SIGNATURE_MEMBERS.contains(&n) => continue,
            _ => {
                report(at, format!("signatures.{name}"));
                continue;
            }
        };
        let entries: Vec<(String, String, &Value)> = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (crate::finding::child(&at, &i.to_string()), format!("signatures.{name}[{i}]"), v))
                .collect(),
            v => vec![(at.clone(), format!("signatures.{name}"), v)],
        };
        for (pointer, shown, entry) in entries {
            if let Value::Object(fields) = entry {
                for field in fields.keys().filter(|k| !defined.contains(&k.as_str())) {
                    report(crate::finding::child(&pointer, field), format!("{shown}.{field}"));
                }
            }
        }
    }
}

pub fn check(doc: &Document, out: &mut Outcome) -> Digest256 {
    let computed = payload_sha256(doc);
    let digest = Digest256 { payload_sha256: computed.clone(), payload_len: doc.payload_len() };
    for rule in diags::RULES {
        out.mark(rule);
    }
    let sigs = doc.member_ref(SIGNATURES);
    let pointer = "/signatures/sha256";
    let recorded = match &sigs {
        None => {
            out.push(
                Finding::new(
                    &diags::HASH_NOT_FILLED,
                    "/signatures",
                    "the bundle has no `signatures` member, so no hash",
                )
                .expected(computed)
                .found("no signatures member"),
            );
            return digest;
        }
        Some(Value::Object(map)) => {
            uncovered(map, out);
            map.get("sha256")
        }
        Some(other) => {
            out.push(
                Finding::new(&diags::HASH_MALFORMED, "/signatures", "`signatures` is not an object")
                    .expected("an object with sha256")
                    .found(json_kind(other)),
            );
            return digest;
        }
    };
    let recorded = match recorded {
        None | Some(Value::Null) => {
            // Named by the missing member's pointer; located at `signatures`, the object it belongs to.
            let f = Finding::new(&diags::HASH_NOT_FILLED, pointer, "`signatures.sha256` is missing")
                .expected(computed)
                .found("absent");
            out.push(f);
            return digest;
        }
        Some(Value::String(s)) => s.as_str(),
        Some(other) => {
            out.push(
                Finding::new(&diags::HASH_MALFORMED, pointer, "`signatures.sha256` is not a string")
                    .expected("64 lowercase hex digits")
                    .found(json_kind(other)),
            );
            return digest;
        }
    };
    if is_placeholder(recorded) {
        out.push(
            Finding::new(
                &diags::HASH_NOT_FILLED,
                pointer,
                format!("`signatures.sha256` holds the placeholder {recorded:?}; the bundle was never sealed"),
            )
            .expected(computed)
            .found(recorded),
        );
        return digest;
    }
    if recorded.len() != 64 || !recorded.bytes().all(|b| b.is_ascii_hexdigit()) {
        out.push(
            Finding::new(
                &diags::HASH_MALFORMED,
                pointer,
                format!("`signatures.sha256` is not 64 hex digits ({} characters)", recorded.chars().count()),
            )
            .expected("64 lowercase hex digits")
            .found(recorded),
        );
        return digest;
    }
    if recorded.bytes().any(|b| b.is_ascii_uppercase()) {
        out.push(
            Finding::new(&diags::HASH_UPPERCASE, pointer, "the hash is written in uppercase hex")
                .expected(recorded.to_ascii_lowercase())
                .found(recorded),
        );
    }
    let recorded = recorded.to_ascii_lowercase();
    if recorded != computed {
        let explanation = match diagnose(doc, &recorded) {
            Diagnosis::Found(what) => {
                format!("the recorded hash is the SHA-256 of {what}, not of the RFC 8785 payload")
            }
            other => match filled_after_sealing(doc, &recorded) {
                Some((at, was)) => format!(
                    "the recorded hash is the SHA-256 of this payload with `{at}` = {was}: the field was \
filled in after the hash was computed. That is what sealing first and filling a placeholder \
later produces (a publishing mistake in the order of steps, not a changed figure); fill every \
field first, then run `aeb-verify digest` last"
                ),
                None => {
                    let mut text = "the recorded hash matches neither the payload nor any of the usual \
mistakes (raw file, signatures left in, source key order, pretty-printed, a placeholder filled \
after sealing): the bundle was changed after it was sealed, or sealed over other content"
                        .to_owned();
                    if let Diagnosis::Untried(layouts) = other {
                        text.push_str(&format!(
                            " (not tried, as the diagnosis writes at most {RELAYOUT_BUDGET} times the payload's size in all: {layouts})"
                        ));
                    }
                    text
                }
            },
        };
        out.push(Finding::new(&diags::HASH_MISMATCH, pointer, explanation).expected(computed).found(recorded));
    }
    digest
}

/// Payloads larger than this are not searched for a field filled after sealing: each
/// try hashes the whole payload again.
const FILLED_SEARCH_MAX_BYTES: usize = 64 << 10;
/// At most this many string fields are tried (hash-like and `*_hash` fields first).
const FILLED_SEARCH_MAX_FIELDS: usize = 64;

/// Whether the recorded hash is that of the payload with one string field still holding
/// a placeholder: the publisher sealed, then filled the field. Returns the field's
/// pointer and the placeholder it held.
///
/// Putting a placeholder in one string changes only that string's bytes in the RFC 8785
/// text (member order depends on names alone), so each try hashes the canonical payload
/// with the string's span replaced: no tree is cloned or re-serialized. Re-serializing
/// the whole payload for each of the 320 tries cost about a second on a 60 kB payload of
/// many small members (found by the `verify` fuzz target, 2026-12-02).
fn filled_after_sealing(doc: &Document, recorded: &str) -> Option<(String, String)> {
    if doc.payload_len() > FILLED_SEARCH_MAX_BYTES {
        return None;
    }
    let payload = doc.payload();
    let mut fields = string_spans(payload);
    // Hash fields are the ones filled last; try them first.
    fields.sort_by_key(|f| {
        !(f.pointer.ends_with("_hash") || (f.value.len() == 64 && f.value.bytes().all(|b| b.is_ascii_hexdigit())))
    });
    let zeros = format!("\"{}\"", "0".repeat(64));
    let blanks: [(&str, &[u8]); 5] = [
        ("\"...\"", b"\"...\""),
        ("\"\"", b"\"\""),
        ("null", b"null"),
        ("\"TODO\"", b"\"TODO\""),
        ("64 zeros", zeros.as_bytes()),
    ];
    for field in fields.into_iter().take(FILLED_SEARCH_MAX_FIELDS) {
        if is_placeholder(&field.value) {
            continue;
        }
        let (Some(before), Some(after)) = (payload.get(..field.span.start), payload.get(field.span.end..)) else {
            continue;
        };
        let prefix = Sha256::new_with_prefix(before);
        for (label, blank) in &blanks {
            let mut h = prefix.clone();
            h.update(blank);
            h.update(after);
            if hex(&h.finalize()) == recorded {
                return Some((field.pointer, (*label).to_owned()));
            }
        }
    }
    None
}

/// A string value of a canonical text: where it is, its bytes (quotes included) and
/// what it says.
#[derive(Debug, PartialEq)]
struct StringSpan {
    pointer: String,
    span: std::ops::Range<usize>,
    value: String,
}

/// What a container of the canonical text is waiting for.
enum Frame {
    /// An object: its pointer, and the name of the member whose value comes next.
    Object(String, Option<String>),
    /// An array: its pointer and the index of the next item.
    Array(String, usize),
}

/// Every string value (not member names) of an RFC 8785 text, in text order, with its
/// JSON pointer. One pass, no recursion: the text has no whitespace, and its strings
/// escape only `"`, `\` and controls, so a string ends at the first unescaped quote.
fn string_spans(text: &[u8]) -> Vec<StringSpan> {
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'{' => {
                let at = value_pointer(&mut stack);
                stack.push(Frame::Object(at, None));
                i += 1;
            }
            b'[' => {
                let at = value_pointer(&mut stack);
                stack.push(Frame::Array(at, 0));
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while let Some(&c) = text.get(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                let end = (i + 1).min(text.len());
                i = end;
                let inner = text.get(start + 1..end.saturating_sub(1)).unwrap_or_default();
                let decoded = String::from_utf8_lossy(&crate::canonical::unescape_canonical(inner)).into_owned();
                match stack.last_mut() {
                    // A member name: the value after the colon is under it.
                    Some(Frame::Object(_, name @ None)) => *name = Some(decoded),
                    _ => {
                        let pointer = value_pointer(&mut stack);
                        out.push(StringSpan { pointer, span: start..end, value: decoded });
                    }
                }
            }
            b',' | b':' => i += 1,
            _ => {
                // A number, true, false or null: a value, no string.
                value_pointer(&mut stack);
                while text.get(i).is_some_and(|c| !matches!(c, b',' | b'}' | b']')) {
                    i += 1;
                }
            }
        }
    }
    out
}

/// The pointer of the value that starts now, moving its container on past it.
fn value_pointer(stack: &mut [Frame]) -> String {
    match stack.last_mut() {
        None => String::new(),
        Some(Frame::Object(at, name)) => crate::finding::child(at, &name.take().unwrap_or_default()),
        Some(Frame::Array(at, next)) => {
            let p = crate::finding::child(at, &next.to_string());
            *next += 1;
            p
        }
    }
}

/// The bytes before and after the first occurrence of `needle`.
fn split_around<'a>(haystack: &'a [u8], needle: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    let at = memchr::memmem::find(haystack, needle)?;
    Some((haystack.get(..at)?, haystack.get(at + needle.len()..)?))
}

fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || t.chars().all(|c| c == '.' || c == '…' || c == '*' || c == '-' || c == 'x' || c == 'X')
        || t.chars().all(|c| c == '0')
        || matches!(t.to_ascii_lowercase().as_str(), "todo" | "tbd" | "placeholder" | "<sha256>" | "sha256")
}

/// The diagnosis writes at most this many times the payload (plus the slack), all its
/// layouts together, and gives up a layout that would go past what is left: an honest
/// payload indented 4 spaces is a few times its compact form. The budget was per layout
/// (fifteen of them): a forged 14 MB bundle of nested arrays cost 15-18 times a plain
/// one (attacker pass 7); now 5.4 times.
const RELAYOUT_BUDGET: usize = 16;
const RELAYOUT_SLACK: usize = 1 << 20;

/// What the recorded hash was found to be the digest of.
#[derive(Debug, PartialEq)]
pub enum Diagnosis {
    Found(String),
    NotFound,
    /// Not found, with these layouts given up for their size.
    Untried(String),
}

/// Finds which usual non-canonical serialization, if any, the recorded hash is the
/// digest of. Runs only on a mismatch, so it may re-read the source; its work is
/// bounded by a multiple of the payload's size.
pub fn diagnose(doc: &Document, recorded: &str) -> Diagnosis {
    let src = doc.source();
    // The file as it was before the hash was written into it.
    let quoted = format!("\"{recorded}\"");
    let upper = format!("\"{}\"", recorded.to_ascii_uppercase());
    for needle in [quoted, upper] {
        let Some((head, tail)) = split_around(src, needle.as_bytes()) else { continue };
        // the file is never copied, and the part before the hash is hashed once
        let before_hash = Sha256::new().chain_update(head);
        for blank in ["\"\"", "\"...\"", "null", &format!("\"{}\"", "0".repeat(64))] {
            let digest = before_hash.clone().chain_update(blank.as_bytes()).chain_update(tail).finalize();
            if hex(&digest) == recorded {
                return Diagnosis::Found(format!(
                    "the raw file bytes as they were with sha256 {blank}, before the hash was filled in"
                ));
            }
        }
    }

    // The whole bundle, `signatures` left in, with the hash blanked in the usual ways:
    // only `signatures` is serialized again, the other members' canonical text is reused
    // (serializing the whole tree would copy each value once per level it is nested).
    if let Some(Value::Object(sig)) = doc.member_ref(SIGNATURES) {
        let mut sig = sig.clone();
        let blanks: [(&str, Option<Value>); 5] = [
            ("an empty string", Some(Value::String(String::new()))),
            ("null", Some(Value::Null)),
            ("\"...\"", Some(Value::String("...".into()))),
            ("64 zeros", Some(Value::String("0".repeat(64)))),
            ("removed", None),
        ];
        for (label, blank) in blanks {
            match blank {
                Some(b) => {
                    sig.insert("sha256".into(), b);
                }
                None => {
                    sig.remove("sha256");
                }
            }
            let canonical =
                serde_json::to_vec(&sig).ok().and_then(|t| read::canonicalize_value(&t, &read::Limits::default()).ok());
            let Some(canonical) = canonical else { continue };
            let mut h = Sha256::new();
            doc.canonical_with(SIGNATURES, Some(&canonical), &mut |piece| h.update(piece));
            if hex(&h.finalize()) == recorded {
                return Diagnosis::Found(format!(
                    "the RFC 8785 form of the whole bundle with `signatures` left in (sha256 {label})"
                ));
            }
        }
    }

    // The payload in other layouts: source key order or sorted, compact or pretty. Each
    // layout is hashed as it is written, with and without a final newline, and given up
    // past RELAYOUT_BUDGET times the payload: indenting deeply nested arrays multiplies
    // the text by the depth, which a hostile bundle would make hundreds of times.
    let source_order = read::source_order_payload(src, false);
    let as_written = read::source_order_payload(src, true);
    let orders: [(&str, Option<&[u8]>); 3] = [
        ("in the source's key order, numbers and strings as written", as_written.as_deref()),
        ("in the source's key order", source_order.as_deref()),
        ("with sorted keys", Some(doc.payload())),
    ];
    let layouts = [
        ("compact", Layout::COMPACT),
        ("with Python's default separators", Layout::PYTHON),
        ("pretty-printed with 2 spaces", Layout::INDENT2),
        ("pretty-printed with 4 spaces", Layout::INDENT4),
        ("pretty-printed with tabs", Layout::TABS),
    ];
    let mut untried = Vec::new();
    let mut budget = doc.payload().len().saturating_mul(RELAYOUT_BUDGET).saturating_add(RELAYOUT_SLACK);
    for (k, (order, bytes)) in orders.iter().enumerate() {
        let Some(bytes) = *bytes else { continue };
        // an order whose text is an earlier one's has had every layout tried already (a
        // bundle whose strings and numbers are written canonically, or whose keys are
        // written sorted): the same bytes give the same hashes and the same budget
        if orders.get(..k).is_some_and(|earlier| earlier.iter().any(|(_, e)| *e == Some(bytes))) {
            continue;
        }
        // every layout's size from one pass: one over budget costs no writing or hashing
        let sizes = Sizes::of(bytes);
        for (layout_name, layout) in layouts {
            let mut h = Sha256::new();
            if !relayout_into(bytes, &sizes, layout, budget, &mut |piece| h.update(piece)) {
                if !untried.contains(&layout_name) {
                    untried.push(layout_name);
                }
                continue;
            }
            budget = budget.saturating_sub(sizes.of_layout(layout));
            let with_newline = h.clone().chain_update(b"\n");
            if hex(&h.finalize()) == recorded {
                return Diagnosis::Found(format!("the payload {order}, {layout_name}"));
            }
            if hex(&with_newline.finalize()) == recorded {
                return Diagnosis::Found(format!("the payload {order}, {layout_name}, with a final newline"));
            }
        }
    }
    if untried.is_empty() {
        Diagnosis::NotFound
    } else {
        Diagnosis::Untried(untried.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splicing a placeholder into a string's span gives the bytes serde_jcs writes for
    /// the tree with that string replaced: what the search hashed before it spliced.
    #[test]
    fn a_spliced_placeholder_is_the_re_serialized_tree() {
        let text = br#"{"a":"x","b":{"\u00e9\"/~":["y",1,{"c":"z\\\"\n"},null,"w"]},"d":[],"e":{},"f":"\u001f"}"#;
        let canonical = read::canonicalize_value(text, &read::Limits::default()).unwrap();
        let tree: Value = serde_json::from_slice(&canonical).unwrap();
        let spans = string_spans(&canonical);
        let pointers: Vec<&str> = spans.iter().map(|s| s.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a", "/b/é\"~1~0/0", "/b/é\"~1~0/2/c", "/b/é\"~1~0/4", "/f"]);
        assert_eq!(spans[2].value, "z\\\"\n");
        assert_eq!(spans[4].value, "\u{1f}");
        for s in &spans {
            assert_eq!(tree.pointer(&s.pointer), Some(&Value::String(s.value.clone())));
            let mut spliced = canonical[..s.span.start].to_vec();
            spliced.extend_from_slice(b"\"...\"");
            spliced.extend_from_slice(&canonical[s.span.end..]);
            let mut v = tree.clone();
            *v.pointer_mut(&s.pointer).unwrap() = Value::String("...".into());
            assert_eq!(String::from_utf8(spliced).unwrap(), String::from_utf8(serde_jcs::to_vec(&v).unwrap()).unwrap());
        }
    }
}
