//! Reading a bundle: strict I-JSON in, the RFC 8785 payload and a map of the
//! top-level members out (spec section 1). See `parser` for the one-pass design.

pub(crate) mod compact;
pub mod diags;
mod locate;
pub(crate) mod parser;
mod source;

use crate::finding::{Finding, Position};
use parser::{ParseOptions, TopMember};
pub use parser::{Piece, Sink, Streamed};

pub use locate::{ends_line, line_column, locate, locate_all, numbers_as_written, positions, Step};
pub use source::Source;

/// The top-level member that carries the hash and the signatures; it is not part of
/// the signed payload.
pub const SIGNATURES: &str = "signatures";

/// The members of `signatures` whose array form lists signature entries: held empty in
/// [`Document::member_ref`]'s tree, read with [`Document::signature_entries`].
pub const ENTRY_ARRAYS: &[&str] = &["pgp", "kms"];

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
///
/// The payload is kept as the canonical text of each top-level member, in canonical
/// order: hashing and `canonicalize` stream those pieces, and one contiguous copy is
/// made only if a signature check asks for it.
#[derive(Debug)]
pub struct Document {
    source: Source,
    /// Canonical text of every top-level member (`name:value`), in source order.
    text: Vec<u8>,
    /// Ranges of `text` holding the payload's members, in canonical order.
    parts: Vec<std::ops::Range<usize>>,
    payload: std::sync::OnceLock<Vec<u8>>,
    /// What a [`Sink`] was handed while reading, held against `parts` by `streamed_len`.
    streamed: Option<Streamed>,
    members: Vec<Member>,
    /// Each member's value as a serde_json tree, parsed on first use: the integrity,
    /// signature, schema, audit and profile checks all read the same few members.
    values: Vec<std::sync::OnceLock<Option<serde_json::Value>>>,
    /// Each member's value cut short where no reader of figures looks, made on first use
    /// by [`Document::member_cut`] when `values` holds no whole tree of it yet.
    cut: Vec<std::sync::OnceLock<Option<serde_json::Value>>>,
}

/// A top-level member of the bundle.
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    /// Source offset of the member's value.
    pub offset: usize,
    /// Where its canonical value lies in the document's canonical text.
    value: std::ops::Range<usize>,
}

/// What reading produced: a document when nothing rejected it, and the findings
/// (warnings such as big integers come with a document; errors come without).
#[derive(Debug)]
pub struct ReadResult {
    pub document: Option<Document>,
    pub findings: Vec<Finding>,
    /// The source bytes, kept for locating findings even when reading failed.
    pub source: Source,
    /// The rule whose finding stopped reading before the end of the input: the checks
    /// of later bytes did not run, and must not be reported as passed.
    pub stopped_by: Option<&'static crate::rules::Rule>,
}

/// Reads and checks `source` (the whole file). Never panics on any input.
pub fn read(source: impl Into<Source>, limits: &Limits) -> ReadResult {
    read_into(source.into(), limits, None)
}

/// [`read`], handing `sink` the payload's first bytes as they are read (see [`Sink`];
/// [`Document::streamed_len`] tells how many of them hold).
pub fn read_into(source: Source, limits: &Limits, sink: Option<Sink<'_>>) -> ReadResult {
    read_split(source, limits, sink, SPLIT_FROM)
}

/// Inputs this long have their second half read on another core while the first is:
/// reading a 10 MB bundle took 20 ms on one core, a thread costs tens of microseconds.
pub(crate) const SPLIT_FROM: usize = 2 << 20;

/// [`read_into`], splitting inputs of `split_from` bytes or more (tests split small ones).
pub(crate) fn read_split(source: Source, limits: &Limits, sink: Option<Sink<'_>>, split_from: usize) -> ReadResult {
    let mut findings = Vec::new();
    if source.len() as u64 > limits.max_bytes {
        // A stream (standard input, a FIFO, a file that grew) is read to one byte past the
        // limit and no further, so its length here is not the input's: only "more" is known.
        let max = limits.max_bytes;
        findings.push(
            Finding::new(&diags::TOO_LARGE, "", format!("the bundle has more than {max} bytes; the limit is {max}"))
                .expected(format!("at most {max} bytes (--max-bytes)"))
                .found(format!("more than {max} bytes")),
        );
        return ReadResult { document: None, findings, source, stopped_by: Some(&diags::TOO_LARGE) };
    }
    if let Some(f) = leading_bom(&source, "file") {
        findings.push(f);
        return ReadResult { document: None, findings, source, stopped_by: Some(&diags::BOM) };
    }
    let opts = ParseOptions { max_depth: limits.max_depth, sort: true, verbatim: false, any_value: false, split_from };
    let parsed = parser::parse(&source, opts, sink);
    findings.extend(parsed.findings);
    // Bytes after a complete value were all read: only an earlier stop leaves some unchecked.
    let stopped_by = match findings.last() {
        _ if !parsed.fatal => None,
        Some(f) if std::ptr::eq(f.rule, &diags::TRAILING_DATA) => None,
        Some(f) => Some(f.rule),
        None => Some(&diags::SYNTAX),
    };
    let rejected = parsed.fatal || findings.iter().any(|f| f.severity == crate::finding::Severity::Error);
    if rejected {
        return ReadResult { document: None, findings, source, stopped_by };
    }
    let Some(mut document) = Document::new(parsed.out, parsed.top) else {
        findings.push(parser::lost_place(String::new()));
        return ReadResult { document: None, findings, source, stopped_by: Some(&diags::SYNTAX) };
    };
    document.streamed = parsed.streamed;
    ReadResult { document: Some(document), findings, source, stopped_by: None }.keep_source()
}

impl ReadResult {
    /// Reading rules that were not checked over the whole input because reading stopped
    /// first (the size limit is always checked, the byte order mark unless the size
    /// stopped it); a rule that found something before the stop is not among them.
    pub fn unchecked_rules(&self) -> Vec<&'static crate::rules::Rule> {
        let Some(stop) = self.stopped_by else { return Vec::new() };
        diags::RULES
            .iter()
            .copied()
            .filter(|r| !std::ptr::eq(*r, &diags::TOO_LARGE))
            .filter(|r| !std::ptr::eq(*r, &diags::BOM) || std::ptr::eq(stop, &diags::TOO_LARGE))
            .filter(|r| !self.findings.iter().any(|f| std::ptr::eq(f.rule, *r)))
            .collect()
    }

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

impl Document {
    /// None when a member does not lie in `text` (the reader checks that as it closes
    /// the object, so only a bug gets there): no payload is built that could leave one out.
    fn new(text: Vec<u8>, top: Vec<TopMember>) -> Option<Document> {
        if top.iter().any(|t| text.get(t.member.clone()).is_none() || text.get(t.value.clone()).is_none()) {
            return None;
        }
        let parts = top.iter().filter(|t| t.name != SIGNATURES).map(|t| t.member.clone()).collect();
        let members: Vec<Member> =
            top.into_iter().map(|t| Member { name: t.name, offset: t.value_offset, value: t.value }).collect();
        let values = members.iter().map(|_| std::sync::OnceLock::new()).collect();
        let cut = members.iter().map(|_| std::sync::OnceLock::new()).collect();
        Some(Document {
            source: Source::default(),
            text,
            parts,
            payload: std::sync::OnceLock::new(),
            streamed: None,
            members,
            values,
            cut,
        })
    }

    /// The payload as the pieces that, concatenated, are its bytes.
    pub fn payload_pieces(&self) -> impl Iterator<Item = &[u8]> {
        let n = self.parts.len();
        std::iter::once(&b"{"[..])
            .chain(self.parts.iter().enumerate().flat_map(move |(i, r)| {
                let sep: &[u8] = if i + 1 < n { b"," } else { b"" };
                // In range: `new` checked every member.
                [self.text.get(r.clone()).unwrap_or_default(), sep]
            }))
            .chain(std::iter::once(&b"}"[..]))
    }

    /// How many of the payload's first bytes the reading's sink was handed, if they are
    /// those bytes: the member streamed must be the payload's member after exactly the
    /// ones sent before it (no member read later sorted before it), and its text no
    /// shorter than what was sent. None when nothing was streamed or the bet was lost.
    pub fn streamed_len(&self) -> Option<usize> {
        let s = self.streamed.as_ref()?;
        let k = s.prefix.len();
        let own = self.parts.get(k)?;
        let holds = self.parts.get(..k)? == s.prefix.as_slice() && own.start == s.start && s.upto <= own.end;
        let own_sent = s.upto.checked_sub(s.start)?;
        holds.then(|| 1 + s.prefix.iter().map(|r| r.len() + 1).sum::<usize>() + own_sent)
    }

    pub fn payload_len(&self) -> usize {
        2 + self.parts.iter().map(|r| r.len()).sum::<usize>() + self.parts.len().saturating_sub(1)
    }

    pub fn source(&self) -> &[u8] {
        &self.source
    }

    /// The signed bytes: RFC 8785 form of the bundle minus `signatures`, made
    /// contiguous on first use.
    pub fn payload(&self) -> &[u8] {
        self.payload.get_or_init(|| {
            let mut bytes = Vec::with_capacity(self.payload_len());
            for piece in self.payload_pieces() {
                bytes.extend_from_slice(piece);
            }
            bytes
        })
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }

    /// Canonical bytes of the `i`th top-level member's value (in source order, as
    /// [`Document::members`]).
    pub fn member_text(&self, i: usize) -> Option<&[u8]> {
        self.text.get(self.members.get(i)?.value.clone())
    }

    /// Canonical bytes of a top-level member's value.
    pub fn member_bytes(&self, name: &str) -> Option<&[u8]> {
        self.text.get(self.member(name)?.value.clone())
    }

    /// A top-level member's value as a serde_json tree, parsed once from its canonical
    /// bytes (already validated, so this only fails on a bug, which yields None) and
    /// shared: borrowed, not copied (the checks made three copies of `signatures` a
    /// bundle, its armour included).
    ///
    /// In `signatures`, only the members the format defines (`sha256`, `pgp`, `kms`,
    /// `key_id`) are parsed; any other holds null here: the checks read those members'
    /// names only (an unknown member is covered by nothing, and said so), and its text is
    /// in [`Document::member_bytes`]. An unknown member of 375,000 `{"":0}` cost 236 MB
    /// as a tree. An array `pgp` or `kms` is held here empty: its entries are read with
    /// [`Document::signature_entries`], at most as many as a check looks at.
    pub fn member_ref(&self, name: &str) -> Option<&serde_json::Value> {
        let i = self.index(name)?;
        self.values.get(i)?.get_or_init(|| self.parse_shared(i)).as_ref()
    }

    /// A top-level member's whole value: [`Document::member_ref`]'s tree, but for
    /// `signatures`, parsed whole here and not kept, for a reader of every value (the
    /// publishing profiles' scan for personal data and seeds).
    pub fn member_whole(&self, name: &str) -> Option<std::borrow::Cow<'_, serde_json::Value>> {
        if name == SIGNATURES {
            return self.index(name).and_then(|i| self.parse_member(i)).map(std::borrow::Cow::Owned);
        }
        self.member_ref(name).map(std::borrow::Cow::Borrowed)
    }

    /// The value of the `i`th top-level member (in source order, as [`Document::members`]),
    /// as [`Document::member_ref`] shares it, without a search by name.
    pub fn member_value(&self, i: usize) -> Option<&serde_json::Value> {
        self.values.get(i)?.get_or_init(|| self.parse_shared(i)).as_ref()
    }

    /// A top-level member's value as `cut` makes it from the member's name and canonical
    /// text (made once, then shared), for a reader that looks only where `cut` keeps the
    /// value whole; the whole tree instead when a check has parsed it already.
    pub fn member_cut(
        &self,
        name: &str,
        cut: impl FnOnce(&str, &[u8]) -> Option<serde_json::Value>,
    ) -> Option<&serde_json::Value> {
        let i = self.index(name)?;
        if let Some(whole) = self.values.get(i)?.get() {
            return whole.as_ref();
        }
        self.cut.get(i)?.get_or_init(|| cut(name, self.text.get(self.members.get(i)?.value.clone())?)).as_ref()
    }

    /// A top-level member's value if a check has parsed it already (see
    /// [`Document::member_ref`]); None when not parsed yet (nor parsed here).
    pub fn parsed(&self, name: &str) -> Option<&serde_json::Value> {
        self.values.get(self.index(name)?)?.get()?.as_ref()
    }

    /// The named top-level members (those present), for a check that reads them
    /// together: those parsed already as the shared trees they are, the others parsed
    /// here into an object the caller owns (so a large member is never copied). Hand
    /// that object to [`Document::keep`] afterwards and later stages share its trees.
    pub fn members_split<'n>(
        &self,
        names: &[&'n str],
    ) -> (Vec<(&'n str, &serde_json::Value)>, serde_json::Map<String, serde_json::Value>) {
        let mut shared = Vec::new();
        let mut fresh = serde_json::Map::new();
        for name in names {
            let Some(i) = self.index(name) else { continue };
            match self.values.get(i).and_then(|v| v.get()) {
                Some(parsed) => shared.extend(parsed.as_ref().map(|v| (*name, v))),
                None => {
                    if let Some(v) = self.parse_member(i) {
                        fresh.insert((*name).to_owned(), v);
                    }
                }
            }
        }
        (shared, fresh)
    }

    /// An object holding only the named top-level members (those present): those
    /// parsed already are copied, the others parsed straight into it (see
    /// [`Document::members_split`]).
    pub fn value_of(&self, names: &[&str]) -> serde_json::Value {
        let (shared, mut map) = self.members_split(names);
        for (name, v) in shared {
            map.insert(name.to_owned(), v.clone());
        }
        serde_json::Value::Object(map)
    }

    /// Takes back an object made by [`Document::value_of`]: its members become the
    /// shared trees of those not parsed yet.
    pub fn keep(&self, object: serde_json::Value) {
        let serde_json::Value::Object(map) = object else { return };
        for (name, value) in map {
            if let Some(slot) = self.index(&name).and_then(|i| self.values.get(i)) {
                let _ = slot.set(Some(value));
            }
        }
    }

    /// Where the top-level member `name` is in `members` (and its tree in `values`).
    fn index(&self, name: &str) -> Option<usize> {
        self.members.iter().position(|m| m.name == name)
    }

    /// The `i`th member's value as [`Document::member_ref`] shares it.
    fn parse_shared(&self, i: usize) -> Option<serde_json::Value> {
        let m = self.members.get(i)?;
        let text = self.text.get(m.value.clone())?;
        if m.name != SIGNATURES || text.first() != Some(&b'{') {
            return self.parse_member(i);
        }
        let mut map = serde_json::Map::new();
        for (k, v) in compact::members(text)? {
            let k: String = serde_json::from_slice(k).ok()?;
            let defined = crate::integrity::SIGNATURE_MEMBERS.contains(&k.as_str());
            let value = match v.first() {
                _ if !defined => serde_json::Value::Null,
                Some(b'[') if ENTRY_ARRAYS.contains(&k.as_str()) => serde_json::Value::Array(Vec::new()),
                _ => serde_json::from_slice(v).ok()?,
            };
            map.insert(k, value);
        }
        Some(serde_json::Value::Object(map))
    }

    /// The canonical text of `signatures` when it is an object.
    pub fn signatures_text(&self) -> Option<&[u8]> {
        self.member_bytes(SIGNATURES).filter(|t| t.first() == Some(&b'{'))
    }

    /// The canonical text of `signatures.NAME`, if `signatures` is an object that has it.
    pub fn signatures_member_text(&self, name: &str) -> Option<&[u8]> {
        let text = self.signatures_text()?;
        let quoted = serde_json::to_vec(name).ok()?;
        compact::members(text)?.into_iter().find(|(k, _)| *k == quoted.as_slice()).map(|(_, v)| v)
    }

    /// The entries of `signatures.NAME` (`pgp` or `kms`) when it is an array: the first
    /// `head` of them parsed, and how many it holds in all (those past `head` counted,
    /// not parsed). [`Document::member_ref`] holds such an array empty: an array of
    /// 375,000 `{"":0}` (2.6 MB) cost 236 MB as a tree, and no check reads past
    /// `--max-signatures` entries. None when it is no array.
    pub fn signature_entries(&self, name: &str, head: usize) -> Option<(Vec<serde_json::Value>, usize)> {
        let text = self.signatures_member_text(name).filter(|t| t.first() == Some(&b'['))?;
        let mut parsed = Vec::new();
        let mut total = 0usize;
        for e in compact::Elements::new(text) {
            if total < head {
                parsed.push(serde_json::from_slice(e?).ok()?);
            } else {
                e?;
            }
            total += 1;
        }
        Some((parsed, total))
    }

    fn parse_member(&self, i: usize) -> Option<serde_json::Value> {
        serde_json::from_slice(self.text.get(self.members.get(i)?.value.clone())?).ok()
    }

    /// The whole bundle, `signatures` included, as a serde_json tree.
    pub fn value(&self) -> serde_json::Value {
        let names: Vec<&str> = self.members.iter().map(|m| m.name.as_str()).collect();
        self.value_of(&names)
    }

    /// The RFC 8785 text of the whole bundle with the top-level member `name` holding
    /// the canonical value `value` (added or replaced; None: left out), handed to `sink`
    /// in pieces. The other members' canonical text is reused as it is, so this costs
    /// one pass over the payload however deeply it nests.
    pub fn canonical_with(&self, name: &str, value: Option<&[u8]>, sink: &mut impl FnMut(&[u8])) {
        let mut entries: Vec<(&str, &[u8])> = self
            .members
            .iter()
            .filter(|m| m.name != name)
            .filter_map(|m| Some((m.name.as_str(), self.text.get(m.value.clone())?)))
            .collect();
        entries.extend(value.map(|v| (name, v)));
        entries.sort_by(|a, b| crate::canonical::cmp_utf16(a.0.as_bytes(), b.0.as_bytes()));
        sink(b"{");
        let mut key = Vec::new();
        for (i, (n, v)) in entries.into_iter().enumerate() {
            key.clear();
            if i > 0 {
                key.push(b',');
            }
            key.push(b'"');
            for c in n.chars() {
                crate::canonical::push_escaped_char(&mut key, c);
            }
            key.extend_from_slice(b"\":");
            sink(&key);
            sink(v);
        }
        sink(b"}");
    }

    /// Source position of the value at a JSON pointer (or of its nearest existing
    /// ancestor, for a member that is absent).
    pub fn position_of(&self, pointer: &str) -> Option<Position> {
        locate(&self.source, pointer).map(|off| line_column(&self.source, off))
    }
}

/// The UTF-8 byte order mark before the value, first or after JSON whitespace (an editor
/// or a `printf ' '` before the export): the same defect wherever the blanks put it, and
/// named as such rather than as a top level that is not JSON.
fn leading_bom(source: &[u8], what: &str) -> Option<Finding> {
    let at = source.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(source.len());
    if !source.get(at..).is_some_and(|rest| rest.starts_with(&[0xEF, 0xBB, 0xBF])) {
        return None;
    }
    let message = match at {
        0 => format!("the {what} starts with a UTF-8 byte order mark (EF BB BF)"),
        n => format!("the {what} has a UTF-8 byte order mark (EF BB BF) after {n} byte(s) of whitespace"),
    };
    Some(Finding::new(&diags::BOM, "", message).at(at))
}

/// The payload compacted with members in the order the source wrote them, or sorted as
/// RFC 8785 sorts them (`sorted`); numbers and strings in canonical form, or as written
/// (`verbatim`: `json.dumps(payload, sort_keys=True, separators=(",", ":"))` over the
/// tree Python wrote the file from is the payload sorted and verbatim). Only the
/// integrity diagnosis needs it.
pub fn source_order_payload(source: &[u8], sorted: bool, verbatim: bool) -> Option<Vec<u8>> {
    let opts = ParseOptions {
        max_depth: Limits::default().max_depth,
        sort: sorted,
        verbatim,
        any_value: false,
        split_from: usize::MAX,
    };
    let parsed = parser::parse(source, opts, None);
    if parsed.fatal {
        return None;
    }
    Some(Document::new(parsed.out, parsed.top)?.payload().to_vec())
}

/// [`canonicalize_value`], with the warnings of the reading (a number whose written value
/// the RFC 8785 form does not keep): a file matched by its canonical hash must not hide one.
pub fn canonicalize_value_warnings(source: &[u8], limits: &Limits) -> Result<(Vec<u8>, Vec<Finding>), Vec<Finding>> {
    if let Some(f) = leading_bom(source, "text") {
        return Err(vec![f]);
    }
    let opts = ParseOptions {
        max_depth: limits.max_depth,
        sort: true,
        verbatim: false,
        any_value: true,
        split_from: usize::MAX,
    };
    let parsed = parser::parse(source, opts, None);
    if parsed.fatal || parsed.findings.iter().any(|f| f.severity == crate::finding::Severity::Error) {
        return Err(parsed.findings);
    }
    Ok((parsed.out, parsed.findings))
}

/// The RFC 8785 form of any JSON text (not only a bundle), read as strictly as a
/// bundle is. Errors are the reading findings.
pub fn canonicalize_value(source: &[u8], limits: &Limits) -> Result<Vec<u8>, Vec<Finding>> {
    canonicalize_value_warnings(source, limits).map(|(out, _)| out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole bundle with one member replaced, as serde_jcs (an independent RFC 8785
    /// implementation) writes the same tree: names that sort differently in UTF-16 than
    /// in UTF-8, names that need escaping, a member added, one left out.
    #[test]
    fn canonical_with_agrees_with_serde_jcs() {
        let text = "{\"\u{e000}\":1,\"signatures\":{\"sha256\":\"x\"},\"b\\\"q\":[1.50,{\"z\":2,\"a\":\"\\u00e9\"}],\
\"\u{1f600}\":true,\"a\\n\":null}";
        let r = read(text.as_bytes().to_vec(), &Limits::default());
        let doc = r.document.unwrap();
        let mut tree: serde_json::Value = serde_json::from_str(text).unwrap();
        for replacement in [Some(r#"{"sha256":""}"#), None] {
            let mut got = Vec::new();
            let value = replacement.map(|v| canonicalize_value(v.as_bytes(), &Limits::default()).unwrap());
            doc.canonical_with("signatures", value.as_deref(), &mut |p| got.extend_from_slice(p));
            match replacement {
                Some(v) => tree["signatures"] = serde_json::from_str(v).unwrap(),
                None => {
                    tree.as_object_mut().unwrap().remove("signatures");
                }
            }
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(serde_jcs::to_vec(&tree).unwrap()).unwrap());
        }
    }
}
