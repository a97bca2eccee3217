//! `aeb-verify diff OLD NEW`: what changed between two bundles of one dataset (spec
//! section 8, "Two bundles"): member by member, each number's relative change, the
//! signatures section and who signed, and whether NEW is newer than OLD.
//!
//! Memory is bounded by the two documents' trees: the walk borrows them (no value is
//! copied), builds pointers in one buffer as it goes, keeps only the first
//! [`MAX_LISTED`] changes of each section and counts the rest, and the report is
//! written as it is made. Two bundles of a million changes each once took 500 times
//! their size (a pointer string and two cloned values per change, then one JSON tree
//! and two strings of the whole report). The trees are [`Node`]s, not serde_json's
//! values: an object there is a B-tree whose first node holds room for eleven members
//! (about 630 bytes), so two bundles of an array of 375,000 `{"":0}` (2.6 MB each)
//! peaked at 512 MB, 17 times a plain bundle's run; a [`Node`] object is a vector of its
//! members, its strings borrowed from the canonical text.

use crate::cli::DiffFormat;
use crate::read::{Document, SIGNATURES};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::io::{self, Write};
use time::OffsetDateTime;

/// The report's version: bump on an incompatible change of the JSON form.
pub const DIFF_VERSION: u32 = 2;

/// A JSON value as diff compares and shows it, read from a member's canonical text:
/// strings borrowed from it where they hold no escape, an object's members in name
/// order (as serde_json's map lists them, so the reports are as they were). 32 bytes
/// a node and 56 a member, where serde_json gave a one-member object 630.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl Node<'_> {
    fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Node::Null => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Number(n) => n.serialize(s),
            Node::String(v) => s.serialize_str(v),
            Node::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

/// A string borrowed from the text when it holds no escape.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Node<'de>, E> {
                Ok(Node::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node<'de>, E> {
                Ok(Node::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node<'de>, E> {
                Ok(Node::Number(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node<'de>, E> {
                Ok(Node::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node<'de>, E> {
                serde_json::Number::from_f64(v).map(Node::Number).ok_or_else(|| E::custom("a number beyond the range"))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Node<'de>, E> {
                Ok(Node::String(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node<'de>, E> {
                Ok(Node::String(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node<'de>, E> {
                Ok(Node::String(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                // No room kept for more: a vector grows to four items at once, and by
                // doubling after that.
                items.shrink_to_fit();
                Ok(Node::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
                let mut members: Vec<(Cow<'de, str>, Node<'de>)> = Vec::new();
                while let Some(Text(name)) = map.next_key()? {
                    members.push((name, map.next_value()?));
                }
                // The canonical text orders names by UTF-16 code units; the walk and the
                // reports by code points (serde_json's map order). Names are unique.
                members.sort_by(|a, b| a.0.cmp(&b.0));
                members.shrink_to_fit();
                Ok(Node::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

/// Each top-level member's value of a document as a [`Node`] tree, in the document's
/// member order (None for a value that cannot be parsed, which the reader makes
/// impossible). What [`diff`] compares; it borrows the document's canonical text.
pub struct Trees<'a> {
    doc: &'a Document,
    members: Vec<Option<Node<'a>>>,
}

impl<'a> Trees<'a> {
    pub fn new(doc: &'a Document) -> Trees<'a> {
        let members = (0..doc.members().len())
            .map(|i| doc.member_text(i).and_then(|text| serde_json::from_slice(text).ok()))
            .collect();
        Trees { doc, members }
    }

    fn member(&self, i: usize) -> Option<&Node<'a>> {
        self.members.get(i)?.as_ref()
    }

    fn named(&self, name: &str) -> Option<&Node<'a>> {
        self.member(self.doc.members().iter().position(|m| m.name == name)?)
    }
}

/// Changes listed per section (payload, signatures section); the others are counted
/// (`changes_not_listed`). Far more than two bundles of one dataset differ by, few
/// enough that the list of a hostile pair (every array element changed) stays small.
pub const MAX_LISTED: usize = 1000;

/// No change is listed once the pointers listed add up to this many bytes. A pointer
/// holds every name on its path: under one 2 MB member name, 1,000 listed changes were
/// 2 GB of pointers. A bundle's pointers are tens of bytes.
pub const MAX_LISTED_POINTER_BYTES: usize = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// One listed change. Fields in name order: the JSON report lists members sorted.
#[derive(Debug, Clone, Serialize)]
pub struct Change<'a> {
    pub change: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<&'a Node<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<&'a Node<'a>>,
    pub pointer: String,
    /// (new - old) / |old|, for two numbers with old not zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative_change: Option<f64>,
}

/// The changes of one section: the first [`MAX_LISTED`] (fewer when their pointers
/// pass [`MAX_LISTED_POINTER_BYTES`]) and the exact number of all.
#[derive(Debug, Clone, Default)]
pub struct Changes<'a> {
    pub listed: Vec<Change<'a>>,
    pub total: u64,
    /// Bytes of the pointers listed.
    pointer_bytes: usize,
}

impl<'a> Changes<'a> {
    fn push(
        &mut self,
        pointer: &str,
        change: Kind,
        old: Option<&'a Node<'a>>,
        new: Option<&'a Node<'a>>,
        rel: Option<f64>,
    ) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED && self.pointer_bytes < MAX_LISTED_POINTER_BYTES {
            self.pointer_bytes += pointer.len();
            self.listed.push(Change { change, new, old, pointer: pointer.to_owned(), relative_change: rel });
        }
    }

    /// How many changes were counted but not listed.
    pub fn not_listed(&self) -> u64 {
        self.total - self.listed.len() as u64
    }
}

#[derive(Debug, Clone)]
pub struct Diff<'a> {
    pub identical_payloads: bool,
    pub changes: Changes<'a>,
    pub signature_changes: Changes<'a>,
    /// Who signed, as each bundle says it (OpenPGP issuer fingerprint or key id, KMS
    /// key_id); unauthenticated: diff holds no keys.
    pub old_signers: Vec<String>,
    pub new_signers: Vec<String>,
    /// Whether a signature of either bundle names no signer (see [`signers`]).
    pub unnamed_signer: bool,
    /// Signatures NEW holds byte for byte as OLD does while the payloads differ (NEW's
    /// pointer, OLD's): one signature is good for one payload at most.
    pub reused: Vec<Reused>,
    /// Each bundle's `generated_at`, whatever its type (a number is shown as itself, not
    /// as absent).
    pub old_generated_at: Option<&'a Node<'a>>,
    pub new_generated_at: Option<&'a Node<'a>>,
    /// Some(true) when NEW's generated_at is after OLD's; None when one cannot be read.
    pub new_is_newer: Option<bool>,
}

impl Diff<'_> {
    /// The generated_at texts of OLD and NEW as `quote` shows a string, a value of
    /// another type as its JSON text (quoted the same way) marked as such.
    fn generated_at_shown(&self, quote: fn(&str) -> String) -> (String, String) {
        let one = |v: Option<&Node>| match v {
            None => "(absent)".to_owned(),
            Some(Node::String(s)) => quote(s),
            Some(v) => format!("{} (not a string)", quote(&short_json(v))),
        };
        (one(self.old_generated_at), one(self.new_generated_at))
    }

    pub fn identical_payloads(&self) -> bool {
        self.identical_payloads
    }

    /// None when a signature names no signer: it may be anyone's, so neither "changed"
    /// nor "unchanged" can be said.
    pub fn signers_changed(&self) -> Option<bool> {
        (!self.unnamed_signer).then(|| self.old_signers != self.new_signers)
    }
}

/// The changes from `old` to `new`, each read as its [`Trees`].
/// A signature NEW carries as OLD does, byte for byte, over another payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reused {
    pub new: String,
    pub old: String,
}

pub fn diff<'a>(old: &'a Trees<'a>, new: &'a Trees<'a>) -> Diff<'a> {
    let mut changes = Changes::default();
    let mut signature_changes = Changes::default();
    let mut pointer = String::new();
    // Top-level members by index, not by name: a lookup by name is a scan of the
    // members, which for a million of them would be quadratic.
    let names = |d: &'a Document| -> Vec<(&'a str, usize)> {
        d.members().iter().enumerate().map(|(i, m)| (m.name.as_str(), i)).collect()
    };
    for (name, o, n) in union(names(old.doc), names(new.doc)) {
        let out = if name == SIGNATURES { &mut signature_changes } else { &mut changes };
        pointer.clear();
        pointer.push('/');
        crate::finding::push_token(&mut pointer, name);
        let o = o.and_then(|i| old.member(i));
        let n = n.and_then(|i| new.member(i));
        walk(&mut pointer, o, n, out);
    }
    let old_generated_at = old.named("generated_at");
    let new_generated_at = new.named("generated_at");
    let new_is_newer = match (parse_time(old_generated_at), parse_time(new_generated_at)) {
        (Some(o), Some(n)) => Some(n > o),
        _ => None,
    };
    let (old_signers, old_unnamed, old_entries) = signers(old.doc);
    let (new_signers, new_unnamed, new_entries) = signers(new.doc);
    let identical_payloads = same_bytes(old.doc.payload_pieces(), new.doc.payload_pieces());
    let reused = if identical_payloads { Vec::new() } else { reused(old, &old_entries, new, &new_entries) };
    Diff {
        identical_payloads,
        changes,
        signature_changes,
        old_signers,
        new_signers,
        unnamed_signer: old_unnamed || new_unnamed,
        reused,
        old_generated_at,
        new_generated_at,
        new_is_newer,
    }
}

/// Whether two byte strings given in pieces are equal, without joining the pieces
/// (a contiguous payload would be one more copy of each bundle).
fn same_bytes<'a>(mut a: impl Iterator<Item = &'a [u8]>, mut b: impl Iterator<Item = &'a [u8]>) -> bool {
    let (mut x, mut y): (&[u8], &[u8]) = (&[], &[]);
    loop {
        while x.is_empty() {
            match a.next() {
                Some(p) => x = p,
                None => break,
            }
        }
        while y.is_empty() {
            match b.next() {
                Some(p) => y = p,
                None => break,
            }
        }
        if x.is_empty() || y.is_empty() {
            return x.is_empty() && y.is_empty();
        }
        let n = x.len().min(y.len());
        let (Some((xa, xr)), Some((ya, yr))) = (x.split_at_checked(n), y.split_at_checked(n)) else { return false };
        if xa != ya {
            return false;
        }
        (x, y) = (xr, yr);
    }
}

/// The members of two objects in name order, each with what it is on either side.
fn union<'a, T: Copy>(mut o: Vec<(&'a str, T)>, mut n: Vec<(&'a str, T)>) -> Vec<(&'a str, Option<T>, Option<T>)> {
    o.sort_by(|a, b| a.0.cmp(b.0));
    n.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::with_capacity(o.len().max(n.len()));
    let (mut i, mut j) = (0, 0);
    loop {
        match (o.get(i), n.get(j)) {
            (None, None) => break,
            (Some(a), Some(b)) if a.0 == b.0 => {
                out.push((a.0, Some(a.1), Some(b.1)));
                (i, j) = (i + 1, j + 1);
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                out.push((a.0, Some(a.1), None));
                i += 1;
            }
            (Some(a), None) => {
                out.push((a.0, Some(a.1), None));
                i += 1;
            }
            (_, Some(b)) => {
                out.push((b.0, None, Some(b.1)));
                j += 1;
            }
        }
    }
    out
}

/// Compares `old` and `new` at `pointer`, which it extends for each member or element
/// and gives back as it found it.
fn walk<'a>(pointer: &mut String, old: Option<&'a Node<'a>>, new: Option<&'a Node<'a>>, out: &mut Changes<'a>) {
    match (old, new) {
        (None, None) => {}
        (Some(o), None) => out.push(pointer, Kind::Removed, Some(o), None, None),
        (None, Some(n)) => out.push(pointer, Kind::Added, None, Some(n), None),
        (Some(Node::Object(o)), Some(Node::Object(n))) => {
            let len = pointer.len();
            let members = |m: &'a [(Cow<'a, str>, Node<'a>)]| m.iter().map(|(k, v)| (k.as_ref(), v)).collect();
            for (name, ov, nv) in union(members(o), members(n)) {
                pointer.push('/');
                crate::finding::push_token(pointer, name);
                walk(pointer, ov, nv, out);
                pointer.truncate(len);
            }
        }
        (Some(Node::Array(o)), Some(Node::Array(n))) => {
            let len = pointer.len();
            for i in 0..o.len().max(n.len()) {
                use std::fmt::Write as _;
                let _ = write!(pointer, "/{i}");
                walk(pointer, o.get(i), n.get(i), out);
                pointer.truncate(len);
            }
        }
        (Some(o), Some(n)) => {
            if same(o, n) {
                return;
            }
            let relative_change = match (o.as_f64(), n.as_f64()) {
                (Some(a), Some(b)) if a != 0.0 && a.is_finite() && b.is_finite() => {
                    // b - a overflows for figures near the range's ends (1e308 -> -1e308
                    // showed as -inf%): then the same change taken apart, and none when
                    // the change itself is beyond the range (every format then agrees).
                    let d = b - a;
                    let r = if d.is_finite() { d / a.abs() } else { b / a.abs() - a.signum() };
                    Some(r).filter(|r| r.is_finite())
                }
                _ => None,
            };
            out.push(pointer, Kind::Changed, Some(o), Some(n), relative_change);
        }
    }
}

/// Equal as the payload sees it: numbers by value (1.0 and 1 are one RFC 8785 number).
fn same(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Number(x), Node::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// A time as it orders (`clock::rfc3339_order`: within a leap second too).
fn parse_time(v: Option<&Node>) -> Option<(OffsetDateTime, u32)> {
    crate::clock::rfc3339_order(v?.as_str()?)
}

/// Who each signature names as its signer, without verifying anything, and whether one
/// names none. An OpenPGP signature is named by the issuer its packet records, never by
/// the bundle's `key_id` beside it: a text that holds no signature once showed as the
/// key its `key_id` claimed, "Signer unchanged" beside a real signature by that key, and
/// two signatures naming no one were both "unknown signer", one signer. A KMS signature
/// records no signer: its `key_id` is all there is. Signatures not examined (past
/// `--max-signatures`, `sig.too-many`) or entries that cannot be read (`sig.form`) name
/// no signer either: a key added as the 33rd signature was "Signer unchanged".
/// The pointers of the signature entries examined come third.
fn signers(doc: &Document) -> (Vec<String>, bool, Vec<String>) {
    let opts = crate::options::Options::new(OffsetDateTime::UNIX_EPOCH);
    let mut scratch = crate::finding::Outcome::default();
    let mut unnamed = false;
    let rows = crate::signatures::check(doc, &opts, &mut scratch);
    let entries = rows.iter().map(|row| row.pointer.clone()).collect();
    let mut ids: Vec<String> = rows
        .into_iter()
        .map(|row| {
            // A key_id is the bundle's text, quoted as a JSON string so that no key_id
            // reads as two signers (`k1, kms k2` was `kms k1, kms k2` in the list); an
            // OpenPGP issuer is hex the signature's packet gives.
            let quoted = |id: &str| serde_json::Value::String(id.to_owned()).to_string();
            let named = if row.kind == "kms" { row.claimed_key_id.as_deref().map(quoted) } else { row.issuer.clone() };
            match named {
                Some(who) => format!("{} {who}", row.kind),
                None => {
                    unnamed = true;
                    let claim = row
                        .claimed_key_id
                        .map(|c| format!(" (key_id claims {})", quoted(&crate::text::ellipsize(&c, SHOWN_CHARS))))
                        .unwrap_or_default();
                    format!("{} signature at {} naming no signer{claim}", row.kind, row.pointer)
                }
            }
        })
        .collect();
    use crate::signatures::diags::{FORM, TOO_MANY};
    for f in &scratch.findings {
        if f.severity == crate::finding::Severity::Error && (f.rule.id == FORM.id || f.rule.id == TOO_MANY.id) {
            unnamed = true;
            ids.push(if f.rule.id == TOO_MANY.id {
                format!("signatures past the first {} not examined ({})", crate::signatures::MAX_SIGNATURES, f.rule.id)
            } else {
                format!("signature entry at {} that cannot be read ({})", f.pointer, f.rule.id)
            });
        }
    }
    ids.sort();
    ids.dedup();
    (ids, unnamed, entries)
}

/// The signature text of the entry at `pointer` below `signatures` (an armored OpenPGP
/// signature or a KMS signature's base64): the entry itself when it is a string (`"pgp":
/// "-----BEGIN..."`), else its `signature` member. Members are found by binary search
/// (a node object is sorted): `signatures` may hold a million other members.
fn signature_text<'t>(signatures: &'t Node, pointer: &str) -> Option<&'t str> {
    let member = |members: &'t [(Cow<str>, Node)], name: &str| {
        let i = members.binary_search_by(|(n, _)| n.as_ref().cmp(name)).ok()?;
        members.get(i).map(|(_, v)| v)
    };
    let mut node = signatures;
    let tokens = pointer.strip_prefix("/signatures/")?.split('/').map(|t| t.replace("~1", "/").replace("~0", "~"));
    for token in tokens {
        node = match node {
            Node::Object(members) => member(members, &token)?,
            Node::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    match node {
        Node::String(text) => Some(text),
        Node::Object(members) => member(members, "signature")?.as_str(),
        _ => None,
    }
}

/// The signatures of NEW (by pointer) that OLD holds too, byte for byte, with OLD's
/// pointer; asked only when the payloads differ. A signature is good for one payload at
/// most (under one key, barring a broken hash), so one copied from OLD into a NEW whose
/// payload changed does not sign at least one of the two: `pgp-tampered-rehashed.json`
/// against the bundle it was made from was "Signer unchanged", the same issuer named.
/// OLD's texts are hashed once: each text is read once however many entries there are.
fn reused(old: &Trees, old_entries: &[String], new: &Trees, new_entries: &[String]) -> Vec<Reused> {
    let (Some(old_sigs), Some(new_sigs)) = (old.named(SIGNATURES), new.named(SIGNATURES)) else { return Vec::new() };
    let mut old_texts = std::collections::HashMap::new();
    for p in old_entries {
        if let Some(text) = signature_text(old_sigs, p) {
            old_texts.entry(text).or_insert(p);
        }
    }
    let mut reused: Vec<Reused> = new_entries
        .iter()
        .filter_map(|p| {
            let at = old_texts.get(signature_text(new_sigs, p)?)?;
            Some(Reused { new: p.clone(), old: (*at).clone() })
        })
        .collect();
    // An armor of several signature packets is one entry, and one row per packet.
    reused.dedup();
    reused
}

/// Text from a bundle or a file name, safe to print (see `text::escape_control`).
fn esc(s: &str) -> String {
    crate::text::escape_control(s).into_owned()
}

/// Characters a value is shown with, at most (`text::ellipsize`).
const SHOWN_CHARS: usize = 120;

/// A value's JSON text shortened to [`SHOWN_CHARS`] characters. Only the start of the
/// text is made: a listed value may be a whole added subtree.
fn short_json(v: &Node) -> String {
    /// Takes bytes up to `room`, then refuses, which stops the serializer.
    struct Prefix {
        bytes: Vec<u8>,
        room: usize,
    }
    impl Write for Prefix {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::other("enough"));
            }
            let taken = buf.get(..self.room).unwrap_or(buf);
            self.bytes.extend_from_slice(taken);
            self.room -= taken.len();
            Ok(taken.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    // One character more than is shown, at 4 bytes each (a cut character is dropped):
    // enough for `ellipsize` to tell a longer text from one that fits.
    let mut p = Prefix { bytes: Vec::new(), room: (SHOWN_CHARS + 1) * 4 + 3 };
    let _ = serde_json::to_writer(&mut p, v);
    let text = match std::str::from_utf8(&p.bytes) {
        Ok(s) => s,
        Err(e) => p.bytes.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default(),
    };
    crate::text::ellipsize(text, SHOWN_CHARS)
}

/// A value on one line, shortened; strings in JSON quotes.
fn shown(v: Option<&Node>) -> String {
    match v {
        None => "(absent)".to_owned(),
        Some(v) => esc(&short_json(v)),
    }
}

/// Where two changed strings first differ, when their shown values do not show it: the
/// shown values are equal (both cut before the difference, at [`SHOWN_CHARS`]), or a
/// character at the difference is not printable ASCII, where two strings may look alike
/// and differ (`é` written as one character or as `e` and a combining accent, which RFC
/// 8785 does not normalise; a Cyrillic `р` for a Latin `p`). Characters are counted from
/// 1 in Unicode scalar values and named by code point, `(end)` past a string's end.
fn first_difference(old: Option<&Node>, new: Option<&Node>) -> Option<String> {
    let (Some(Node::String(a)), Some(Node::String(b))) = (old, new) else { return None };
    let (index, x, y) = difference(a, b)?;
    let plain = |c: Option<char>| c.is_none_or(|c| (' '..='~').contains(&c));
    if plain(x) && plain(y) && shown(old) != shown(new) {
        return None;
    }
    Some(difference_text(index, x, y))
}

/// The first character (counted from 0) where two strings differ, and theirs there
/// (None past a string's end); None when they are equal.
fn difference(a: &str, b: &str) -> Option<(usize, Option<char>, Option<char>)> {
    let (mut xs, mut ys) = (a.chars(), b.chars());
    let mut index = 0;
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return None,
            (x, y) if x != y => return Some((index, x, y)),
            _ => index += 1,
        }
    }
}

fn difference_text(index: usize, x: Option<char>, y: Option<char>) -> String {
    let name = |c: Option<char>| c.map_or_else(|| "(end)".to_owned(), |c| format!("U+{:04X}", u32::from(c)));
    format!("first difference at character {}: {} -> {}", index + 1, name(x), name(y))
}

/// For each listed change, when it adds a member whose name displays as that of a
/// member removed beside it (the confusables skeleton the schema check uses: a Cyrillic
/// `а` for a Latin `a`, a zero-width space), the removed pointer and where the two names
/// first differ. `removed /paypal` and `added /paypal` read as nothing changed but the
/// order; the names differ. Only listed changes are paired.
fn lookalikes(c: &Changes) -> Vec<Option<(String, String)>> {
    // The parent pointer and the member's name, unescaped (RFC 6901: `~1`, then `~0`).
    let split =
        |p: &str| p.rsplit_once('/').map(|(parent, t)| (parent.to_owned(), t.replace("~1", "/").replace("~0", "~")));
    let skeleton = |name: &str| crate::schema::displayed(name, usize::MAX);
    let mut removed = std::collections::HashMap::new();
    for ch in c.listed.iter().filter(|ch| ch.change == Kind::Removed) {
        if let Some((parent, name)) = split(&ch.pointer) {
            removed.entry((parent, skeleton(&name))).or_insert((ch.pointer.as_str(), name));
        }
    }
    c.listed
        .iter()
        .map(|ch| {
            if ch.change != Kind::Added || removed.is_empty() {
                return None;
            }
            let (parent, name) = split(&ch.pointer)?;
            let (pointer, other) = removed.get(&(parent, skeleton(&name)))?;
            let (index, x, y) = difference(other, &name)?;
            Some(((*pointer).to_owned(), difference_text(index, x, y)))
        })
        .collect()
}

fn percent(r: f64) -> String {
    let sign = if r > 0.0 { "+" } else { "" };
    format!("{sign}{}%", crate::audit::facts::format_computed(r * 100.0))
}

/// Writes the report to `out` as it is made (a listed value may be large; the JSON
/// report pretty-prints it, which multiplies a deeply nested one by its depth).
pub fn render(d: &Diff, format: DiffFormat, old: &str, new: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    match format {
        DiffFormat::Human => human(d, old, new, &mut out)?,
        DiffFormat::Json => machine(d, old, new, &mut out)?,
        DiffFormat::Markdown => markdown(d, old, new, &mut out)?,
    }
    out.flush()
}

/// The line after a section's list when some of its changes are not listed.
fn not_listed(c: &Changes) -> Option<String> {
    let why = if c.listed.len() >= MAX_LISTED {
        format!("at most {MAX_LISTED} are listed per section")
    } else {
        "none is listed once the pointers listed pass 1 MiB".to_owned()
    };
    (c.not_listed() > 0).then(|| format!("{} more change(s), not listed ({why})", c.not_listed()))
}

fn human_line(c: &Change, lookalike: Option<&(String, String)>, out: &mut impl Write) -> io::Result<()> {
    let kind = match c.change {
        Kind::Added => "added  ",
        Kind::Removed => "removed",
        Kind::Changed => "changed",
    };
    // A pointer is a JSON string literal when a name in it is not plain (spec 7): a name
    // `total_cost_usd: 500 -> 50 (-90%)` added read as a change of total_cost_usd.
    write!(out, "  {kind} {}: ", crate::text::shown_pointer(&c.pointer))?;
    match c.change {
        Kind::Added => out.write_all(shown(c.new).as_bytes())?,
        Kind::Removed => out.write_all(shown(c.old).as_bytes())?,
        Kind::Changed => write!(out, "{} -> {}", shown(c.old), shown(c.new))?,
    }
    if let Some(r) = c.relative_change {
        write!(out, " ({})", percent(r))?;
    }
    if let Some(at) = first_difference(c.old, c.new) {
        write!(out, " ({at})")?;
    }
    if let Some((removed, at)) = lookalike {
        write!(out, " (looks like the removed {}: {at})", crate::text::shown_pointer(removed))?;
    }
    writeln!(out)
}

fn human(d: &Diff, old: &str, new: &str, out: &mut impl Write) -> io::Result<()> {
    write!(out, "OLD {}\nNEW {}\n", esc(old), esc(new))?;
    for (title, changes) in [("Payload", &d.changes), ("Signatures section", &d.signature_changes)] {
        write!(out, "\n{title}: {} change(s)\n", changes.total)?;
        for (c, l) in changes.listed.iter().zip(lookalikes(changes)) {
            human_line(c, l.as_ref(), out)?;
        }
        if let Some(more) = not_listed(changes) {
            writeln!(out, "  and {more}")?;
        }
    }
    let list = |v: &[String]| if v.is_empty() { "none".to_owned() } else { esc(&v.join(", ")) };
    match d.signers_changed() {
        Some(true) => {
            write!(out, "\nOther signer named ({UNVERIFIED}): {} -> {}\n", list(&d.old_signers), list(&d.new_signers))?
        }
        Some(false) => write!(out, "\nSame signer named ({UNVERIFIED}): {}\n", list(&d.old_signers))?,
        None => write!(
            out,
            "\nSigner cannot be compared (a signature names no signer): {} -> {}\n",
            list(&d.old_signers),
            list(&d.new_signers)
        )?,
    }
    for r in &d.reused {
        writeln!(out, "warning: {}", reused_text(r, |p| esc(&crate::text::shown_pointer(p))))?;
    }
    out.write_all(generated_note(d, esc, "warning:").as_bytes())?;
    writeln!(out)?;
    out.write_all(if d.identical_payloads { b"IDENTICAL payloads\n" } else { b"DIFFERENT payloads\n" })
}

/// What the signer lines say of the names they list: an OpenPGP issuer is a subpacket
/// whoever made the signature wrote, a KMS `key_id` a label beside it.
const UNVERIFIED: &str = "a claim, not verified: diff checks no signature; verify each bundle with its keys";

/// The warning on a signature NEW holds as OLD does while the payloads differ.
fn reused_text(r: &Reused, quote: fn(&str) -> String) -> String {
    format!(
        "NEW's signature at {} is OLD's at {} byte for byte, yet the payloads differ: a signature is good for \
         one payload at most, so it does not sign at least one of the two bundles",
        quote(&r.new),
        quote(&r.old)
    )
}

/// The generated_at line, each bundle's value shown by `quote` (escaped text for the
/// terminal, a code span for Markdown, where raw text could open a link or HTML).
fn generated_note(d: &Diff, quote: fn(&str) -> String, warning: &str) -> String {
    let (o, n) = d.generated_at_shown(quote);
    match d.new_is_newer {
        Some(true) => format!("generated_at: {o} -> {n} (NEW is newer)\n"),
        Some(false) if d.identical_payloads => format!("generated_at: {n} in both\n"),
        Some(false) => format!("{warning} NEW's generated_at {n} is not after OLD's {o}\n"),
        None => format!("{warning} generated_at cannot be compared ({o} -> {n}): not both RFC 3339 times\n"),
    }
}

/// The JSON report, members in name order. `changes` and `signature_changes` list at
/// most [`MAX_LISTED`] changes each; `*_not_listed` counts the others.
#[derive(Serialize)]
struct Machine<'d, 'a> {
    changes: &'d [Change<'a>],
    changes_not_listed: u64,
    diff_version: u32,
    generated_at: GeneratedAt<'d>,
    identical_payloads: bool,
    new: &'d str,
    old: &'d str,
    signature_changes: &'d [Change<'a>],
    signature_changes_not_listed: u64,
    signers: Signers<'d>,
}

#[derive(Serialize)]
struct GeneratedAt<'d> {
    /// The member as the bundle has it, of any type; null when absent.
    new: Option<&'d Node<'d>>,
    new_is_newer: Option<bool>,
    old: Option<&'d Node<'d>>,
}

#[derive(Serialize)]
struct Signers<'d> {
    /// null when a signature names no signer.
    changed: Option<bool>,
    new: &'d [String],
    old: &'d [String],
    /// NEW's signatures that are OLD's byte for byte, the payloads differing.
    reused: &'d [Reused],
}

fn machine(d: &Diff, old: &str, new: &str, out: &mut impl Write) -> io::Result<()> {
    let doc = Machine {
        changes: &d.changes.listed,
        changes_not_listed: d.changes.not_listed(),
        diff_version: DIFF_VERSION,
        generated_at: GeneratedAt { new: d.new_generated_at, new_is_newer: d.new_is_newer, old: d.old_generated_at },
        identical_payloads: d.identical_payloads,
        new,
        old,
        signature_changes: &d.signature_changes.listed,
        signature_changes_not_listed: d.signature_changes.not_listed(),
        signers: Signers { changed: d.signers_changed(), new: &d.new_signers, old: &d.old_signers, reused: &d.reused },
    };
    let mut escaped = crate::text::JsonHiddenEscaper::new(&mut *out);
    let mut ser = serde_json::Serializer::with_formatter(&mut escaped, Layout::default());
    doc.serialize(&mut ser).map_err(io::Error::other)?;
    escaped.finish()?;
    writeln!(out)
}

/// Levels of the JSON report laid out one member or element a line (the report's own
/// three, then 17 of a listed value); deeper ones are written on one line.
const PRETTY_LEVELS: usize = 20;

/// serde_json's pretty layout (two spaces a level) down to [`PRETTY_LEVELS`], compact
/// below. Indenting every level repeats the depth on every line: a 2 MB subtree 120
/// levels deep, added, once made a 500 MB report.
#[derive(Default)]
struct Layout {
    level: usize,
    has_value: bool,
}

impl Layout {
    fn line(&self, w: &mut (impl Write + ?Sized), level: usize) -> io::Result<()> {
        if level <= PRETTY_LEVELS {
            w.write_all(b"\n")?;
            for _ in 0..level {
                w.write_all(b"  ")?;
            }
        }
        Ok(())
    }

    fn begin(&mut self, w: &mut (impl Write + ?Sized), open: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(open)
    }

    fn end(&mut self, w: &mut (impl Write + ?Sized), close: &[u8]) -> io::Result<()> {
        let inner = self.level;
        self.level = self.level.saturating_sub(1);
        if self.has_value && inner <= PRETTY_LEVELS {
            self.line(w, self.level)?;
        }
        w.write_all(close)
    }

    fn item(&mut self, w: &mut (impl Write + ?Sized), first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w, self.level)
    }
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.level <= PRETTY_LEVELS { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A table cell: the verify report's code span, which no bar, backtick run or newline
/// can break, and which shows a backtick as itself.
fn cell(s: &str) -> String {
    crate::report::markdown::cell_code(s)
}

fn markdown(d: &Diff, old: &str, new: &str, out: &mut impl Write) -> io::Result<()> {
    // a heading is no table: a bar there stays a bar (`cell` would show `\|`)
    let name = crate::report::markdown::code;
    write!(out, "# Changes from {} to {}\n\n", name(old), name(new))?;
    out.write_all(if d.identical_payloads { b"**Identical payloads.**\n" } else { b"**Payloads differ.**\n" })?;
    for (title, changes) in [("Payload", &d.changes), ("Signatures section", &d.signature_changes)] {
        write!(out, "\n## {title}: {} change(s)\n", changes.total)?;
        if changes.total == 0 {
            continue;
        }
        out.write_all(b"\n| Pointer | Change | Old | New | Relative change |\n|---|---|---|---|---|\n")?;
        for (c, lookalike) in changes.listed.iter().zip(lookalikes(changes)) {
            let kind = match c.change {
                Kind::Added => "added",
                Kind::Removed => "removed",
                Kind::Changed => "changed",
            };
            let old_cell = c.old.map(|v| cell(&short_json(v))).unwrap_or_default();
            let mut new_cell = c.new.map(|v| cell(&short_json(v))).unwrap_or_default();
            if let Some(at) = first_difference(c.old, c.new) {
                new_cell = format!("{new_cell} ({at})");
            }
            let mut pointer_cell = cell(&c.pointer);
            if let Some((removed, at)) = lookalike {
                pointer_cell = format!("{pointer_cell} (looks like the removed {}: {at})", cell(&removed));
            }
            writeln!(
                out,
                "| {pointer_cell} | {kind} | {old_cell} | {new_cell} | {} |",
                c.relative_change.map(percent).unwrap_or_default()
            )?;
        }
        if let Some(more) = not_listed(changes) {
            write!(out, "\nAnd {more}.\n")?;
        }
    }
    let list = |v: &[String]| {
        if v.is_empty() {
            "none".to_owned()
        } else {
            v.iter().map(|x| cell(x)).collect::<Vec<_>>().join(", ")
        }
    };
    write!(
        out,
        "\n## Signers named ({UNVERIFIED})\n\n- OLD: {}\n- NEW: {}\n- {}\n",
        list(&d.old_signers),
        list(&d.new_signers),
        match d.signers_changed() {
            Some(true) => "**Other signer named.**",
            Some(false) => "Same signer named.",
            None => "**Cannot be compared:** a signature names no signer.",
        }
    )?;
    for r in &d.reused {
        writeln!(out, "- **Warning:** {}.", reused_text(r, crate::report::markdown::code))?;
    }
    write!(out, "\n## generated_at\n\n{}", generated_note(d, crate::report::markdown::code, "**Warning:**"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A value as diff reads it, from its JSON text; leaked, a test's few values.
    fn node(v: &Value) -> &'static Node<'static> {
        let text: &'static [u8] = Box::leak(serde_json::to_vec(v).unwrap().into_boxed_slice());
        Box::leak(Box::new(serde_json::from_slice(text).unwrap()))
    }

    #[test]
    fn escapes_controls() {
        assert_eq!(esc("a\u{1b}[2Jb\u{202e}"), "a\\u{1b}[2Jb\\u{202e}");
    }

    fn changes(old: &Value, new: &Value) -> Changes<'static> {
        let mut out = Changes::default();
        walk(&mut "/x".to_owned(), Some(node(old)), Some(node(new)), &mut out);
        out
    }

    /// A node is the value serde_json reads: written back, the same JSON, members in
    /// name order; strings without escapes borrowed from the text.
    #[test]
    fn nodes_are_the_values_serde_json_reads() {
        let v = json!({"b": [1, -2, 2.5, 1e21, "x\"y", null, true, {}], "a": {"\u{e9}": "é", "z": []}, "": 0});
        assert_eq!(serde_json::to_string(node(&v)).unwrap(), v.to_string());
        let text = br#"{"k":"plain","e":"a\nb"}"#;
        let Ok(Node::Object(m)) = serde_json::from_slice::<Node>(text) else { panic!("an object") };
        assert!(matches!(&m[1], (Cow::Borrowed("k"), Node::String(Cow::Borrowed("plain")))), "{m:?}");
        assert!(matches!(&m[0], (_, Node::String(Cow::Owned(s))) if s == "a\nb"), "{m:?}");
    }

    /// Pointers that hold a long name stop the list early; the count stays exact.
    #[test]
    fn long_pointers_stop_the_list_early() {
        let name = "x".repeat(MAX_LISTED_POINTER_BYTES / 4);
        let (o, n) = (json!({ name.as_str(): vec![0; 20] }), json!({ name.as_str(): vec![1; 20] }));
        let c = changes(&o, &n);
        assert_eq!(c.total, 20);
        assert_eq!(c.listed.len(), 4);
        assert_eq!(c.not_listed(), 16);
        assert_eq!(c.listed[3].pointer, format!("/x/{name}/3"));
        assert!(not_listed(&c).unwrap().ends_with("not listed (none is listed once the pointers listed pass 1 MiB)"));
        // One pointer longer than the budget is listed still.
        let name = "x".repeat(MAX_LISTED_POINTER_BYTES * 2);
        let c = changes(&json!({ name.as_str(): [0, 0] }), &json!({ name.as_str(): [1, 1] }));
        assert_eq!((c.listed.len(), c.total), (1, 2));
    }

    #[test]
    fn relative_change_of_numbers() {
        assert_eq!(changes(&json!(24.5), &json!(49)).listed[0].relative_change, Some(1.0));
        assert_eq!(changes(&json!(1), &json!(1.0)).total, 0);
        // Near the ends of the range: -200%, not -inf (the difference overflows).
        assert_eq!(changes(&json!(1e308), &json!(-1e308)).listed[0].relative_change, Some(-2.0));
        // A change beyond the range is not stated at all, in any format.
        assert_eq!(changes(&json!(1e-308), &json!(1e308)).listed[0].relative_change, None);
    }

    /// Past [`MAX_LISTED`] changes are counted, not kept; pointers are built as the walk
    /// goes and given back (`/x/a~1b/2`, not the previous member's).
    #[test]
    fn changes_past_the_cap_are_counted_not_listed() {
        let n = MAX_LISTED * 3 + 7;
        let c = changes(&json!({"a/b": vec![0; n], "z": 1}), &json!({"a/b": vec![1; n], "y": 2}));
        assert_eq!(c.total, n as u64 + 2);
        assert_eq!(c.listed.len(), MAX_LISTED);
        assert_eq!(c.not_listed(), (n + 2 - MAX_LISTED) as u64);
        assert_eq!(c.listed[2].pointer, "/x/a~1b/2");
        let few = changes(&json!({"a/b": [0, 0], "z": 1}), &json!({"a/b": [1, 0], "y": 2}));
        let got: Vec<_> = few.listed.iter().map(|c| (c.pointer.as_str(), c.change)).collect();
        assert_eq!(got, [("/x/a~1b/0", Kind::Changed), ("/x/y", Kind::Added), ("/x/z", Kind::Removed)]);
    }

    /// The shortened value is the one the whole text would give, made from its start.
    #[test]
    fn short_json_is_ellipsize_of_the_whole_text() {
        for v in [json!("é".repeat(300)), json!(vec!["😀"; 200]), json!([1, 2]), json!("x".repeat(118))] {
            assert_eq!(short_json(node(&v)), crate::text::ellipsize(&v.to_string(), SHOWN_CHARS), "{v}");
        }
    }

    /// The report's layout is serde_json's pretty one down to [`PRETTY_LEVELS`], and
    /// one line below, the same JSON either way.
    #[test]
    fn layout_is_pretty_then_compact() {
        let write = |v: &Value| {
            let mut out = Vec::new();
            v.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Layout::default())).unwrap();
            String::from_utf8(out).unwrap()
        };
        let shallow = json!({"a": [1, {"b": [], "c": {}}, [2, 3]], "d": "x"});
        assert_eq!(write(&shallow), serde_json::to_string_pretty(&shallow).unwrap());
        let mut deep = json!([1, {"k": [2]}]);
        for _ in 0..PRETTY_LEVELS + 5 {
            deep = json!([deep]);
        }
        let text = write(&deep);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), deep);
        assert_eq!(text.lines().count(), 2 * PRETTY_LEVELS + 1, "{text}");
        assert!(text.contains("[[[[[1,{\"k\":[2]}]]]]]"), "{text}");
    }

    #[test]
    fn pieces_compare_as_their_bytes() {
        let p = |v: &[&'static str]| v.iter().map(|s| s.as_bytes()).collect::<Vec<_>>();
        assert!(same_bytes(p(&["ab", "", "c"]).into_iter(), p(&["a", "bc"]).into_iter()));
        assert!(!same_bytes(p(&["ab"]).into_iter(), p(&["abc"]).into_iter()));
        assert!(!same_bytes(p(&["abd"]).into_iter(), p(&["a", "bc"]).into_iter()));
        assert!(same_bytes(p(&[]).into_iter(), p(&[""]).into_iter()));
    }
}
