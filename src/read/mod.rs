//! Reading a bundle: strict I-JSON in, the RFC 8785 payload and a map of the
//! top-level members out (spec section 1). See `parser` for the one-pass design.

pub mod diags;
mod locate;
pub(crate) mod parser;

use crate::finding::{Finding, Position};
use parser::{ParseOptions, TopMember};

pub use locate::{line_column, locate};

/// The top-level member that carries the hash and the signatures; it is not part of
/// the signed payload.
pub const SIGNATURES: &str = "signatures";

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: u64,
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 16 * 1024 * 1024, max_depth: 128 }
    }
}

/// A bundle that was read without a rejecting finding.
#[derive(Debug)]
pub struct Document {
    source: Vec<u8>,
    /// RFC 8785 form of the bundle without its top-level `signatures`: the signed bytes.
    payload: Vec<u8>,
    /// RFC 8785 form of the `signatures` value, if present.
    signatures: Option<Vec<u8>>,
    members: Vec<Member>,
}

/// A top-level member of the bundle.
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    /// Source offset of the member's value.
    pub offset: usize,
    /// Where its canonical value lies: in the payload, or (for `signatures`) apart.
    value: std::ops::Range<usize>,
}

/// What reading produced: a document when nothing rejected it, and the findings
/// (warnings such as big integers come with a document; errors come without).
#[derive(Debug)]
pub struct ReadResult {
    pub document: Option<Document>,
    pub findings: Vec<Finding>,
    /// The source bytes, kept for locating findings even when reading failed.
    pub source: Vec<u8>,
}

/// Reads and checks `source` (the whole file). Never panics on any input.
pub fn read(source: Vec<u8>, limits: &Limits) -> ReadResult {
    let mut findings = Vec::new();
    if source.len() as u64 > limits.max_bytes {
        findings.push(
            Finding::new(
                &diags::TOO_LARGE,
                "",
                format!("the bundle has {} bytes; the limit is {}", source.len(), limits.max_bytes),
            )
            .expected(format!("at most {} bytes (--max-bytes)", limits.max_bytes))
            .found(format!("{} bytes", source.len())),
        );
        return ReadResult { document: None, findings, source };
    }
    if source.starts_with(&[0xEF, 0xBB, 0xBF]) {
        findings.push(Finding::new(&diags::BOM, "", "the file starts with a UTF-8 byte order mark (EF BB BF)").at(0));
        return ReadResult { document: None, findings, source };
    }
    if let Err(e) = std::str::from_utf8(&source) {
        let at = e.valid_up_to();
        let bad = source.get(at).copied().unwrap_or(0);
        findings.push(
            Finding::new(&diags::INVALID_UTF8, "", format!("byte 0x{bad:02X} at offset {at} is not valid UTF-8"))
                .at(at),
        );
        return ReadResult { document: None, findings, source };
    }
    let parsed = parser::parse(&source, ParseOptions { max_depth: limits.max_depth, sort: true });
    findings.extend(parsed.findings);
    let rejected = parsed.fatal || findings.iter().any(|f| f.severity == crate::finding::Severity::Error);
    if rejected {
        return ReadResult { document: None, findings, source };
    }
    let (payload, signatures, members) = split_signatures(parsed.out, parsed.top);
    ReadResult { document: Some(Document { source: Vec::new(), payload, signatures, members }), findings, source }
        .keep_source()
}

impl ReadResult {
    /// Moves the source into the document when there is one (one copy of the bytes).
    fn keep_source(mut self) -> Self {
        if let Some(doc) = self.document.as_mut() {
            doc.source = std::mem::take(&mut self.source);
        }
        self
    }

    pub fn source(&self) -> &[u8] {
        match &self.document {
            Some(d) => &d.source,
            None => &self.source,
        }
    }
}

/// Cuts the top-level `signatures` member out of the canonical text.
fn split_signatures(mut out: Vec<u8>, top: Vec<TopMember>) -> (Vec<u8>, Option<Vec<u8>>, Vec<Member>) {
    let mut members: Vec<Member> =
        top.iter().map(|t| Member { name: t.name.clone(), offset: t.value_offset, value: t.value.clone() }).collect();
    let Some(k) = top.iter().position(|t| t.name == SIGNATURES) else {
        return (out, None, members);
    };
    let sig = out[top[k].value.clone()].to_vec();
    // Remove the member and one adjacent comma.
    let cut = if k + 1 < top.len() {
        top[k].member.start..top[k + 1].member.start
    } else if k > 0 {
        top[k - 1].member.end..top[k].member.end
    } else {
        top[k].member.clone()
    };
    let removed = cut.len();
    out.drain(cut);
    let sig_len = sig.len();
    for (i, m) in members.iter_mut().enumerate() {
        if i == k {
            m.value = 0..sig_len;
        } else if i > k {
            m.value = m.value.start - removed..m.value.end - removed;
        }
    }
    (out, Some(sig), members)
}

impl Document {
    pub fn source(&self) -> &[u8] {
        &self.source
    }

    /// The signed bytes: RFC 8785 form of the bundle minus `signatures`.
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }

    /// Canonical bytes of a top-level member's value.
    pub fn member_bytes(&self, name: &str) -> Option<&[u8]> {
        let m = self.member(name)?;
        if name == SIGNATURES {
            self.signatures.as_deref()
        } else {
            self.payload.get(m.value.clone())
        }
    }

    /// A top-level member's value as a serde_json tree, parsed from its canonical
    /// bytes (already validated, so this only fails on a bug, which yields None).
    pub fn member_value(&self, name: &str) -> Option<serde_json::Value> {
        serde_json::from_slice(self.member_bytes(name)?).ok()
    }

    /// An object holding only the named top-level members (those present). Schema
    /// and audit work on the members they know; a large extension member costs nothing.
    pub fn value_of(&self, names: &[&str]) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for name in names {
            if let Some(v) = self.member_value(name) {
                map.insert((*name).to_owned(), v);
            }
        }
        serde_json::Value::Object(map)
    }

    /// The whole bundle, `signatures` included, as a serde_json tree.
    pub fn value(&self) -> serde_json::Value {
        let names: Vec<&str> = self.members.iter().map(|m| m.name.as_str()).collect();
        self.value_of(&names)
    }

    /// Source position of the value at a JSON pointer (or of its nearest existing
    /// ancestor, for a member that is absent).
    pub fn position_of(&self, pointer: &str) -> Option<Position> {
        locate(&self.source, pointer).map(|off| line_column(&self.source, off))
    }
}

/// The payload with members in the order the source wrote them (numbers and strings
/// still in canonical form). Only the integrity diagnosis needs it.
pub fn source_order_payload(source: &[u8]) -> Option<Vec<u8>> {
    let parsed = parser::parse(source, ParseOptions { max_depth: Limits::default().max_depth, sort: false });
    if parsed.fatal {
        return None;
    }
    Some(split_signatures(parsed.out, parsed.top).0)
}
