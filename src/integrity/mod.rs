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

/// The payload is handed to the hashing thread in chunks of about this size.
const CHUNK: usize = 64 << 10;

/// Chunks waiting for the hashing thread at most: the reader waits beyond that.
const IN_FLIGHT: usize = 16;

/// A top-level member this long (canonical text) is hashed while it is read.
const STREAM_FROM: usize = 256 << 10;

/// Payload bytes on their way to the hashing thread.
enum Chunk {
    Copied(Vec<u8>),
    Shared(std::sync::Arc<Vec<u8>>),
}

/// The hash of the payload's first bytes, made while the bundle was read, and how many
/// bytes it covers.
pub struct Streamed {
    hash: Sha256,
    len: usize,
}

/// Reads the bundle while another thread hashes the payload's first bytes as the reader
/// hands them over: after the read only the rest is left to hash (on a 10 MB bundle,
/// most of a tenth of the run). For large inputs only: a thread costs tens of
/// microseconds.
pub fn read_hashing(source: read::Source, limits: &read::Limits) -> (read::ReadResult, Option<Streamed>) {
    read_hashing_from(source, limits, STREAM_FROM, read::SPLIT_FROM)
}

/// [`read_hashing`] streaming members from `from` bytes and splitting inputs from `split`
/// bytes (tests use small ones).
fn read_hashing_from(
    source: read::Source,
    limits: &read::Limits,
    from: usize,
    split: usize,
) -> (read::ReadResult, Option<Streamed>) {
    std::thread::scope(|scope| {
        let (full, chunks) = std::sync::mpsc::sync_channel::<Chunk>(IN_FLIGHT);
        let (spare, spares) = std::sync::mpsc::channel::<Vec<u8>>();
        let hashing = scope.spawn(move || {
            let mut hash = Sha256::new();
            for chunk in chunks {
                match chunk {
                    Chunk::Copied(bytes) => {
                        hash.update(&bytes);
                        let _ = spare.send(bytes);
                    }
                    Chunk::Shared(text) => hash.update(text.as_slice()),
                }
            }
            hash
        });
        let mut buf = Vec::new();
        let mut len = 0;
        let mut lost = false;
        let mut take = |piece: read::Piece<'_>| match piece {
            read::Piece::Borrowed(bytes) => {
                len += bytes.len();
                buf.extend_from_slice(bytes);
                if buf.len() >= CHUNK {
                    let mut next = spares.try_recv().unwrap_or_default();
                    next.clear();
                    lost |= full.send(Chunk::Copied(std::mem::replace(&mut buf, next))).is_err();
                }
            }
            read::Piece::Shared(text) => {
                len += text.len();
                if !buf.is_empty() {
                    lost |= full.send(Chunk::Copied(std::mem::take(&mut buf))).is_err();
                }
                lost |= full.send(Chunk::Shared(text)).is_err();
            }
        };
        let sink = Some(read::Sink { from, take: &mut take });
        let read = read::read_split(source, limits, sink, split);
        if !buf.is_empty() {
            lost |= full.send(Chunk::Copied(buf)).is_err();
        }
        drop(full);
        let hash = hashing.join().ok().filter(|_| !lost && len > 0);
        (read, hash.map(|hash| Streamed { hash, len }))
    })
}

/// SHA-256 of the payload, streamed from its pieces.
pub fn payload_sha256(doc: &Document) -> String {
    payload_sha256_after(doc, None)
}

/// The payload hashed with SHA-256 as an OpenPGP version 4 signature's hash starts (the
/// payload, nothing before it), not finished: the state [`check`] computed the payload's
/// SHA-256 from, handed on to the OpenPGP check, whose version 4 SHA-256 signatures
/// (gpg's default) hash the same bytes first and then their own trailer. The payload
/// was hashed twice a signed bundle, about 7 % of a batch's instructions.
pub struct PayloadState(sequoia_openpgp::crypto::hash::Context);

impl PayloadState {
    /// The state, for a version 4 signature whose hash algorithm is SHA-256.
    pub fn sha256_v4(&self) -> &sequoia_openpgp::crypto::hash::Context {
        &self.0
    }
}

/// The payload's SHA-256 and, when the hash is made here whole (nothing streamed), its
/// unfinished state ([`PayloadState`]).
fn payload_sha256_state(doc: &Document, streamed: Option<Streamed>) -> (String, Option<PayloadState>) {
    if streamed.is_none() {
        if let Ok(hash) = sequoia_openpgp::types::HashAlgorithm::SHA256.context() {
            let mut state = hash.for_signature(4);
            for piece in doc.payload_pieces() {
                state.update(piece);
            }
            if let Ok(digest) = state.clone().into_digest() {
                return (hex(&digest), Some(PayloadState(state)));
            }
        }
    }
    (payload_sha256_after(doc, streamed), None)
}

/// SHA-256 of the payload, the hash of its first bytes taken from `streamed` when the
/// document confirms they are its first bytes (else computed whole).
fn payload_sha256_after(doc: &Document, streamed: Option<Streamed>) -> String {
    let (mut h, mut skip) = match streamed {
        Some(s) if doc.streamed_len() == Some(s.len) => (s.hash, s.len),
        _ => (Sha256::new(), 0),
    };
    for piece in doc.payload_pieces() {
        match piece.get(skip..) {
            Some(rest) => {
                h.update(rest);
                skip = 0;
            }
            None => skip -= piece.len(),
        }
    }
    hex(&h.finalize())
}

/// Members of a signature object the format defines (contract section 3).
const PGP_MEMBERS: &[&str] = &["key_id", "signature"];
const KMS_MEMBERS: &[&str] = &["key_id", "algorithm", "signature"];

/// Every member under `signatures` that the format does not define, at any depth: a
/// note inside a signature object is as unsigned as one beside it. Read from the
/// canonical text (the shared tree holds an array `pgp` or `kms` empty, see
/// [`Document::member_ref`]), in the tree's order (names as bytes); past the rule's cap
/// a finding is only counted: an array of 375,000 `{"":0}` made as many.
fn uncovered(doc: &Document, out: &mut Outcome) {
    let Some(text) = doc.signatures_text() else { return };
    let mut report = |pointer: &dyn Fn() -> String, shown: &dyn Fn() -> String| {
        if out.count_only(&diags::UNCOVERED_MEMBER) {
            return;
        }
        let pointer = pointer();
        let shown = in_code(&pointer, &shown());
        out.push(Finding::new(
            &diags::UNCOVERED_MEMBER,
            pointer,
            format!("{shown} is not defined by the format and is covered by no hash or signature"),
        ));
    };
    for (name, value) in sorted_members(text) {
        let at = crate::finding::child("/signatures", &name);
        let defined = match name.as_str() {
            "pgp" => PGP_MEMBERS,
            "kms" => KMS_MEMBERS,
            n if SIGNATURE_MEMBERS.contains(&n) => continue,
            _ => {
                report(&|| at.clone(), &|| format!("signatures.{name}"));
                continue;
            }
        };
        let mut entry = |i: Option<usize>, entry: &[u8]| {
            if entry.first() != Some(&b'{') {
                return;
            }
            for (field, _) in sorted_members(entry).into_iter().filter(|(k, _)| !defined.contains(&k.as_str())) {
                let pointer = || match i {
                    Some(i) => crate::finding::child(&crate::finding::child(&at, &i.to_string()), &field),
                    None => crate::finding::child(&at, &field),
                };
                let shown = || match i {
                    Some(i) => format!("signatures.{name}[{i}].{field}"),
                    None => format!("signatures.{name}.{field}"),
                };
                report(&pointer, &shown);
            }
        };
        if value.first() == Some(&b'[') {
            for (i, e) in crate::read::compact::Elements::new(value).enumerate() {
                entry(Some(i), e.unwrap_or_default());
            }
        } else {
            entry(None, value);
        }
    }
}

/// The members of a canonical object, names decoded, in the order of a serde_json map
/// (names as bytes, which is not always the canonical text's UTF-16 order).
fn sorted_members(text: &[u8]) -> Vec<(String, &[u8])> {
    let mut m: Vec<(String, &[u8])> = crate::read::compact::members(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, v)| Some((serde_json::from_slice::<String>(k).ok()?, v)))
        .collect();
    m.sort_by(|a, b| a.0.cmp(&b.0));
    m
}

/// The integrity check; with the digest, the payload's hash state when it was made here
/// ([`PayloadState`], for the signature check).
pub fn check(doc: &Document, streamed: Option<Streamed>, out: &mut Outcome) -> (Digest256, Option<PayloadState>) {
    let (computed, state) = payload_sha256_state(doc, streamed);
    (check_computed(doc, computed, out), state)
}

fn check_computed(doc: &Document, computed: String, out: &mut Outcome) -> Digest256 {
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
            uncovered(doc, out);
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
                    "the recorded hash is the SHA-256 of this payload with {} = {was}: the field was \
filled in after the hash was computed. That is what sealing first and filling a placeholder \
later produces (a publishing mistake in the order of steps, not a changed figure); fill every \
field first, then run `aeb-verify digest` last",
                    in_code(&at, &at)
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

/// A member a message names: `shown` (its pointer, or `signatures.NAME`) in backticks
/// when every name in `pointer` is plain, else the pointer as a JSON string literal
/// ([`crate::text::shown_pointer`], spec 7). In backticks, a name holding a backtick
/// closed the quote and went on as the tool's words: an unsigned member named
/// "note` is covered by the pgp signature, checked; `signatures.none" read as covered.
fn in_code(pointer: &str, shown: &str) -> String {
    match crate::text::shown_pointer(pointer) {
        plain if plain == pointer => format!("`{shown}`"),
        quoted => quoted.into_owned(),
    }
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
    // `signatures` is spliced as canonical text: its members' texts are the reader's, the
    // hash member put in (or left out) where RFC 8785 sorts it. Serializing a copy of its
    // tree cost what the tree did: 236 MB for an unknown member of 375,000 `{"":0}`.
    let sig_text = doc.signatures_text();
    if let Some(entries) = sig_text.and_then(read::compact::members) {
        let names: Vec<Option<String>> = entries.iter().map(|(k, _)| serde_json::from_slice(k).ok()).collect();
        let zeros = format!("\"{}\"", "0".repeat(64));
        let blanks: [(&str, Option<&[u8]>); 5] = [
            ("an empty string", Some(b"\"\"")),
            ("null", Some(b"null")),
            ("\"...\"", Some(b"\"...\"")),
            ("64 zeros", Some(zeros.as_bytes())),
            ("removed", None),
        ];
        for (label, blank) in blanks {
            let mut canonical = Vec::with_capacity(sig_text.map_or(0, <[u8]>::len) + 72);
            let mut put = |k: &[u8], v: &[u8]| {
                canonical.push(if canonical.is_empty() { b'{' } else { b',' });
                canonical.extend_from_slice(k);
                canonical.push(b':');
                canonical.extend_from_slice(v);
            };
            let mut placed = false;
            for ((k, v), name) in entries.iter().zip(&names) {
                let Some(name) = name else { continue };
                if name == "sha256" {
                    continue;
                }
                if !placed && crate::canonical::cmp_utf16(name.as_bytes(), b"sha256").is_gt() {
                    if let Some(b) = blank {
                        put(b"\"sha256\"", b);
                    }
                    placed = true;
                }
                put(k, v);
            }
            if let (false, Some(b)) = (placed, blank) {
                put(b"\"sha256\"", b);
            }
            if canonical.is_empty() {
                canonical.push(b'{');
            }
            canonical.push(b'}');
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
    let source_order = read::source_order_payload(src, false, false);
    let as_written = read::source_order_payload(src, false, true);
    // What `json.dumps(payload, sort_keys=True)` writes, the usual "canonical JSON" of a
    // Python publisher: keys sorted, numbers and strings as the same Python wrote the file.
    let sorted_as_written = read::source_order_payload(src, true, true);
    // The same from a file Python wrote with `ensure_ascii=False` (readable UTF-8) and
    // a hash over `json.dumps`'s default, which escapes every character beyond ASCII.
    let limit = doc.payload().len().saturating_mul(RELAYOUT_BUDGET).saturating_add(RELAYOUT_SLACK);
    let sorted_ascii = sorted_as_written.as_deref().and_then(|t| escaped_beyond_ascii(t, limit));
    let orders: [(&str, Option<&[u8]>); 5] = [
        ("in the source's key order, numbers and strings as written", as_written.as_deref()),
        ("in the source's key order", source_order.as_deref()),
        ("with sorted keys", Some(doc.payload())),
        ("with sorted keys, numbers and strings as written", sorted_as_written.as_deref()),
        (
            "with sorted keys, numbers and strings as written but characters beyond ASCII escaped (Python's default ensure_ascii)",
            sorted_ascii.as_deref(),
        ),
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

/// JSON text with each character beyond ASCII, and DEL, written `\uXXXX` (lowercase,
/// UTF-16 units) as Python's `json.dumps` writes them by default; `None` when that
/// changes nothing or would exceed `limit` bytes. Outside strings JSON text is ASCII, so
/// the text can be escaped as a whole.
fn escaped_beyond_ascii(text: &[u8], limit: usize) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let wide = |c: char| !c.is_ascii() || c == '\u{7f}';
    let size: usize = text.chars().map(|c| if wide(c) { 6 * c.len_utf16() } else { 1 }).sum();
    if size > limit || !text.chars().any(wide) {
        return None;
    }
    let mut out = Vec::with_capacity(size);
    let mut units = [0u16; 2];
    for c in text.chars() {
        if wide(c) {
            for unit in c.encode_utf16(&mut units) {
                out.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
            }
        } else {
            out.push(c as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The payload's SHA-256 as an independent implementation writes it: serde_json's
    /// tree without `signatures`, serde_jcs, sha2.
    fn independent(text: &str) -> String {
        let mut tree: Value = serde_json::from_str(text).unwrap();
        tree.as_object_mut().unwrap().remove("signatures");
        sha256_hex(&serde_jcs::to_vec(&tree).unwrap())
    }

    /// The payload hash when read with a hashing thread, and how many bytes that thread
    /// hashed during the read and the document confirmed (0: nothing was streamed, or
    /// the bet was lost).
    fn hashed_while_read(text: &str, from: usize) -> (String, usize) {
        let (hash, held) = hashed_while_read_split(text, from, usize::MAX);
        // read in two halves on two threads, the same hash; streamed whenever the read on
        // one thread is (and also when the threshold is passed only in the last element,
        // which a read on one thread hands over only once the document is read)
        let (split, held_split) = hashed_while_read_split(text, from, 0);
        assert_eq!(split, hash);
        assert!(held == 0 || held_split > 0, "{held} {held_split}");
        (hash, held)
    }

    fn hashed_while_read_split(text: &str, from: usize, split: usize) -> (String, usize) {
        let (read, streamed) =
            read_hashing_from(text.as_bytes().to_vec().into(), &read::Limits::default(), from, split);
        let doc = read.document.expect("a document");
        let held = match (&streamed, doc.streamed_len()) {
            (Some(s), Some(n)) if s.len == n => n,
            _ => 0,
        };
        (payload_sha256_after(&doc, streamed), held)
    }

    fn records(n: usize) -> String {
        let one = |i: usize| format!(r#"{{"z":{i},"id":"r{i}","tags":["a","b"],"x":{{"b":1.50,"a":[1e2]}}}}"#);
        format!("[{}]", (0..n).map(one).collect::<Vec<_>>().join(",\n  "))
    }

    /// The bundle's usual shape (records last, after `signatures`) is hashed while read,
    /// in chunks, and the hash is the payload's; so are the shapes that lose the bet (a
    /// member read later that sorts before the records) or never make it (escaped
    /// names, records in an object or an array's array, `signatures` itself large).
    #[test]
    fn the_payload_hashed_while_read_is_the_payload_hash() {
        let big = records(6000);
        assert!(big.len() > 4 * CHUNK, "several chunks: {}", big.len());
        let cases: Vec<(String, bool)> = vec![
            (
                format!(
                    r#"{{"version":"1.0","b":{{"y":1,"x":2}},"signatures":{{"sha256":"00"}},"sample_records":{big}}}"#
                ),
                true,
            ),
            (format!(r#"{{"sample_records":{big},"version":"1.0"}}"#), true),
            (format!(r#"{{"zz":1,"sample_records":{big},"aa":[true]}}"#), false),
            (format!(r#"{{"zz":1,"sample_records":{big},"signatures":{{"a":1}}}}"#), true),
            (format!(r#"{{"signatures":{big},"a":1}}"#), false),
            (format!(r#"{{"\u0061":1,"sample_records":{big}}}"#), true),
            (format!(r#"{{"a\n":1,"sample_records":{big}}}"#), false),
            (format!(r#"{{"a":1,"sample_records":{{"all":{big}}}}}"#), false),
            (format!(r#"{{"a":1,"sample_records":[[{big}]]}}"#), false),
            (format!("{{\"\u{e000}\":1,\"\u{10000}\":2,\"records\":{big}}}"), true),
            (format!("{{\"\u{10000}\":2,\"\u{e000}\":1,\"\u{f000}\":{big}}}"), true),
            (format!("{{\"\u{f000}\":{big},\"\u{10000}\":2}}"), false),
        ];
        for (text, streams) in &cases {
            let (hash, held) = hashed_while_read(text, 1024);
            let start: String = text.chars().take(40).collect();
            assert_eq!(hash, independent(text), "{start}");
            assert_eq!(held > 0, *streams, "{start}: {held} bytes streamed");
            if *streams {
                assert!(held > 3 * CHUNK, "{start}: {held} bytes streamed");
            }
        }
    }

    /// What the sink is handed is the payload's first bytes, byte for byte, whenever the
    /// document says so.
    #[test]
    fn the_streamed_bytes_are_the_payload_s_first_bytes() {
        let text = format!(r#"{{"m":"x","signatures":{{"sha256":"0"}},"a":{{"q":[1,2]}},"r":{}}}"#, records(3000));
        let mut got = Vec::new();
        let mut take = |piece: read::Piece<'_>| match piece {
            read::Piece::Borrowed(b) => got.extend_from_slice(b),
            read::Piece::Shared(b) => got.extend_from_slice(&b),
        };
        let sink = read::Sink { from: 100, take: &mut take };
        let read = read::read_into(text.into_bytes().into(), &read::Limits::default(), Some(sink));
        let doc = read.document.unwrap();
        let n = doc.streamed_len().unwrap();
        assert_eq!(n, got.len());
        assert_eq!(&doc.payload()[..n], &got[..]);
        assert!(got.starts_with(br#"{"a":{"q":[1,2]},"m":"x","r":[{"id":"r0","#));
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("signatures".to_owned()),
            Just("records".to_owned()),
            "[a-z]{1,3}",
            "[a-c\u{e9}\u{e000}\u{10000}]{1,2}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Random top levels with one long array among small members, names in any
        /// order, the long one's sometimes written with an escape: the hash made while
        /// reading equals the independent one, streamed or not.
        #[test]
        fn any_layout_hashes_to_the_payload(
            before in proptest::collection::vec((name(), 0u8..3), 0..6),
            after in proptest::collection::vec((name(), 0u8..3), 0..6),
            big_name in name(),
            escape in proptest::bool::ANY,
            n in 1usize..400,
        ) {
            let value = |k: u8| match k { 0 => "1", 1 => r#"{"b":[2,1],"a":"x"}"#, _ => "[0.10]" };
            let mut seen = std::collections::HashSet::new();
            let mut members = Vec::new();
            for (nm, k) in &before {
                if seen.insert(nm.clone()) { members.push(format!("{}:{}", serde_json::to_string(nm).unwrap(), value(*k))); }
            }
            prop_assume!(seen.insert(big_name.clone()));
            let mut chars = big_name.chars();
            let first = chars.next().unwrap();
            let shown = if escape { format!("\\u{:04x}{}", u32::from(first), chars.as_str()) } else { big_name.clone() };
            prop_assume!(!escape || u32::from(first) < 0x10000);
            members.push(format!("\"{shown}\":{}", records(n)));
            let utf16 = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
            let mut sorts_before = false;
            for (nm, k) in &after {
                if seen.insert(nm.clone()) {
                    members.push(format!("{}:{}", serde_json::to_string(nm).unwrap(), value(*k)));
                    sorts_before |= nm != "signatures" && utf16(nm) < utf16(&big_name);
                }
            }
            let text = format!("{{{}}}", members.join(",\n"));
            let (hash, held) = hashed_while_read(&text, 16);
            prop_assert_eq!(hash, independent(&text));
            // streamed exactly when the bet holds: an element past the threshold, a name
            // other than `signatures`, and no member read later that sorts before it
            prop_assert_eq!(held > 0, n >= 2 && big_name != "signatures" && !sorts_before);
        }
    }

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
