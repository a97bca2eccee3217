//! What the schema check hands the validator in place of a member: its value parsed from
//! the member's canonical text, but with every array or object that the schema cannot
//! look into cut short.
//!
//! A serde_json object costs about 630 bytes however few members it has (its map is a
//! B-tree whose first node has room for eleven), so an array of 375,000 `{"":0}` (2.6 MB)
//! parsed whole cost 236 MB, and a bundle holding it where no check reads it (an
//! unknown member of `signatures`, `training.params`, `notes`) cost 9.5 to 17.7 times a
//! plain bundle of its size. The validator's findings at such a place depend only on the
//! container's kind (a `type` error, or none where the schema says nothing) and on the
//! first characters of its text (a message quotes an instance cut at 200 characters, the
//! `found` column at 70, an object's ancestors included): so a container at a place where
//! every keyword the schema applies is inert for its kind is parsed only far enough to
//! render its first [`RENDERED`] characters as serde_json renders the whole.

use crate::read::compact::Ends;
use serde_json::{Map, Value};

/// Characters of a cut container's rendering kept identical to the whole's: more than
/// the longest quotation of an instance (200 characters, `ellipsize` in `check`).
const RENDERED: usize = 512;

/// Members of at most this many bytes are parsed whole, in one pass: at most about 1.5 MB
/// as a tree however they are shaped, and the walk below, which parses each scalar on its
/// own, made a batch of seed-sized bundles 4 % more instructions (callgrind, 100 bundles:
/// 113.8 M to 118.8 M). Whole or cut, the validator's findings are the same (see above).
const WHOLE_BELOW: usize = 16 * 1024;

/// Containers of at most this many bytes are not indexed ([`Ends::longer_than`]): an
/// array of 375,000 `{"":0}` costs no index, and a short container is scanned when
/// stepped over, at most 16 bytes at each of the (at most 8) levels it holds.
const SCANNED: usize = 16;

/// A member's canonical text and where its arrays and objects end, found in one pass: the
/// walk below steps over each value by its end, so it reads the text a bounded number of
/// times however deep it nests. Finding each element's end by scanning it, then walking
/// into it, read a value once per level it is nested in: 3 MB of numbers 125 arrays deep
/// in `cost_analysis` took 3 times as long as one array deep.
struct Member<'t> {
    text: &'t [u8],
    ends: Ends,
}

impl<'t> Member<'t> {
    /// The text of the value starting at `at`.
    fn value(&self, at: usize) -> Option<&'t [u8]> {
        self.text.get(at..self.ends.value_end(self.text, at)?)
    }
}

/// Keywords that never make a container invalid, nor look inside one.
const INERT: &[&str] = &[
    "description",
    "title",
    "$comment",
    "$schema",
    "$id",
    "type",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "pattern",
    "format",
    "minLength",
    "maxLength",
];

/// The value of `text` (canonical JSON) for validating against `node` of `root`, and
/// whether anything was cut (then the value must not stand for the member elsewhere).
/// None only on text that is not what the reader wrote (a bug).
pub fn stand_in(root: &Value, node: &Value, text: &[u8]) -> Option<(Value, bool)> {
    if text.len() <= WHOLE_BELOW {
        return serde_json::from_slice(text).ok().map(|v| (v, false));
    }
    let mut cut = false;
    let member = Member { text, ends: Ends::longer_than(text, SCANNED) };
    let v = build(root, node, &member, 0, &mut cut)?;
    Some((v, cut))
}

fn build(root: &Value, node: &Value, m: &Member, at: usize, cut: &mut bool) -> Option<Value> {
    let kind = match m.text.get(at)? {
        b'{' => "object",
        b'[' => "array",
        _ => return serde_json::from_slice(m.value(at)?).ok(),
    };
    if inert(root, node, kind, 0) {
        let mut budget = RENDERED;
        let v = truncated(m, at, &mut budget, cut)?;
        return Some(v);
    }
    let map = node.as_object()?;
    let recursive = |extra: &[&str]| map.keys().all(|k| INERT.contains(&k.as_str()) || extra.contains(&k.as_str()));
    if kind == "object"
        && recursive(&["properties", "required", "additionalProperties", "items"])
        && map.get("additionalProperties").is_none_or(Value::is_boolean)
    {
        let free = Value::Object(Map::new());
        let props = map.get("properties").and_then(Value::as_object);
        let mut out = Map::new();
        for (key, value) in m.ends.member_starts(m.text, at)? {
            let key: String = serde_json::from_slice(key).ok()?;
            let sub = props.and_then(|p| p.get(&key)).unwrap_or(&free);
            let v = build(root, sub, m, value, cut)?;
            out.insert(key, v);
        }
        return Some(Value::Object(out));
    }
    if kind == "array"
        && recursive(&["items", "properties", "required", "additionalProperties"])
        && map.get("items").is_some_and(Value::is_object)
    {
        let items = map.get("items")?;
        // Past the first RENDERED characters of the array's rendering, an element that
        // the items' schema accepts by its kind alone stands as an empty container of its
        // kind: no message quotes it (nor the array past those characters), and the
        // validator finds it valid all the same. An array of 375,000 `{"":0}` in
        // `signatures.pgp` was 375,000 maps.
        // So does one it rejects by its kind alone, but for the first QUOTED of those in
        // pointer order: each is a `type` error, and they come first among the array's,
        // so those after them are past the rule's cap of listed findings, only counted.
        // An array of 290,000 `[{"":0}]` in `signatures.pgp` was as many maps.
        let quoted = first_rejected(root, items, m, at)?;
        let mut shown = 1usize;
        let mut out = Vec::new();
        for (i, e) in m.ends.elements(m.text, at).enumerate() {
            let (e, _) = e?;
            let kind = match m.text.get(e) {
                Some(b'{') => "object",
                Some(b'[') => "array",
                _ => "",
            };
            let stands = !kind.is_empty()
                && shown > RENDERED
                && (accepts(root, items, kind) || (rejects(root, items, kind) && quoted.binary_search(&i).is_err()));
            let empty = match kind {
                "object" if stands => Some(Value::Object(Map::new())),
                "array" if stands => Some(Value::Array(Vec::new())),
                _ => None,
            };
            let v = match empty {
                Some(v) => {
                    *cut = true;
                    v
                }
                None => build(root, items, m, e, cut)?,
            };
            if shown <= RENDERED {
                shown += rendered(&v) + 1;
            }
            out.push(v);
        }
        return Some(Value::Array(out));
    }
    serde_json::from_slice(m.value(at)?).ok()
}

/// Whether no keyword of `node` (its `$ref`s followed) can find a container of `kind`
/// invalid by its contents, nor look into it: it is invalid by its kind alone, or valid.
fn inert(root: &Value, node: &Value, kind: &str, depth: usize) -> bool {
    let Some(map) = node.as_object() else { return node == &Value::Bool(true) };
    if depth > 32 {
        return false;
    }
    map.iter().all(|(k, v)| match k.as_str() {
        k if INERT.contains(&k) => true,
        // an array or object never equals a constant that is neither
        "const" => !(v.is_array() || v.is_object()),
        "items" => kind == "object",
        "properties" | "required" | "additionalProperties" => kind == "array",
        "$ref" => v
            .as_str()
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|p| root.pointer(p))
            .is_some_and(|target| inert(root, target, kind, depth + 1)),
        _ => false,
    })
}

/// Whether `node` finds every container of `kind` valid, whatever it holds: inert for
/// it ([`inert`]) and naming it in `type` (its `$ref`s followed). False when unsure.
fn accepts(root: &Value, node: &Value, kind: &str) -> bool {
    fn named(root: &Value, node: &Value, kind: &str, depth: usize) -> bool {
        let Some(map) = node.as_object() else { return node == &Value::Bool(true) };
        if depth > 32 || map.contains_key("const") {
            return false;
        }
        let typed = match map.get("type") {
            None => true,
            Some(Value::String(t)) => t == kind,
            Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(kind)),
            Some(_) => false,
        };
        typed
            && match map.get("$ref") {
                None => true,
                Some(r) => r
                    .as_str()
                    .and_then(|r| r.strip_prefix('#'))
                    .and_then(|p| root.pointer(p))
                    .is_some_and(|target| named(root, target, kind, depth + 1)),
            }
    }
    inert(root, node, kind, 0) && named(root, node, kind, 0)
}

/// Containers an array's `items` rejects by their kind alone whose rendering is kept:
/// more than the listed findings of a rule (`schema::validate` sets aside past as many).
const QUOTED: usize = crate::finding::MAX_PER_RULE + 1;

/// Whether `node` finds every container of `kind` invalid by its kind: inert for it and
/// with a `type` that does not name it (no `$ref` followed: false when unsure).
fn rejects(root: &Value, node: &Value, kind: &str) -> bool {
    let named = match node.get("type") {
        Some(Value::String(t)) => t == kind,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(kind)),
        _ => return false,
    };
    !named && inert(root, node, kind, 0)
}

/// Indices of the first [`QUOTED`] elements of the array at `at`, in pointer order (as
/// text: "10" before "2"), that `items` rejects as containers by their kind alone.
fn first_rejected(root: &Value, items: &Value, m: &Member, at: usize) -> Option<Vec<usize>> {
    let rejected = |k: &str| rejects(root, items, k);
    let (objects, arrays) = (rejected("object"), rejected("array"));
    if !objects && !arrays {
        return Some(Vec::new());
    }
    let mut hits = Vec::new();
    for (i, e) in m.ends.elements(m.text, at).enumerate() {
        if match m.text.get(e?.0) {
            Some(b'{') => objects,
            Some(b'[') => arrays,
            _ => false,
        } {
            hits.push(i);
        }
    }
    let kept = first_in_pointer_order(hits.into_iter(), QUOTED);
    let mut kept: Vec<usize> = kept.into_iter().map(|k| k.parse().ok()).collect::<Option<_>>()?;
    kept.sort_unstable();
    Some(kept)
}

/// The `n` first of `indices` in pointer order (as text: "10" before "2"), the last of
/// them on top.
pub(super) fn first_in_pointer_order(
    indices: impl Iterator<Item = usize>,
    n: usize,
) -> std::collections::BinaryHeap<String> {
    let mut kept = std::collections::BinaryHeap::new();
    for i in indices {
        let text = i.to_string();
        if kept.len() < n {
            kept.push(text);
        } else if kept.peek().is_some_and(|largest| text < *largest) {
            kept.pop();
            kept.push(text);
        }
    }
    kept
}

/// The value at `at`, cut once `budget` characters of its rendering are written: its
/// first `budget` characters (all of them when shorter) render as the whole value's.
fn truncated(m: &Member, at: usize, budget: &mut usize, cut: &mut bool) -> Option<Value> {
    match m.text.get(at)? {
        b'[' => {
            *budget = budget.saturating_sub(1);
            let mut out = Vec::new();
            for e in m.ends.elements(m.text, at) {
                if *budget == 0 {
                    *cut = true;
                    break;
                }
                out.push(truncated(m, e?.0, budget, cut)?);
                *budget = budget.saturating_sub(1);
            }
            Some(Value::Array(out))
        }
        b'{' => {
            *budget = budget.saturating_sub(1);
            // rendered in the map's order (bytes of the names), which is not always the
            // canonical text's (UTF-16 code units)
            let mut entries: Vec<(String, usize)> = m
                .ends
                .member_starts(m.text, at)?
                .into_iter()
                .map(|(k, v)| Some((serde_json::from_slice::<String>(k).ok()?, v)))
                .collect::<Option<_>>()?;
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out = Map::new();
            for (key, value) in entries {
                if *budget == 0 {
                    *cut = true;
                    break;
                }
                *budget = budget.saturating_sub(rendered(&Value::String(key.clone())) + 1);
                let v = truncated(m, value, budget, cut)?;
                out.insert(key, v);
                *budget = budget.saturating_sub(1);
            }
            Some(Value::Object(out))
        }
        _ => {
            let v: Value = serde_json::from_slice(m.value(at)?).ok()?;
            *budget = budget.saturating_sub(rendered(&v));
            Some(v)
        }
    }
}

/// Characters of `v` as serde_json renders it (what `ellipsize` counts).
fn rendered(v: &Value) -> usize {
    v.to_string().chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> Value {
        serde_json::from_str(crate::schema::SCHEMA_TEXT).unwrap()
    }

    /// Whatever is cut, the rendering's first characters are the whole's, and what the
    /// schema looks into is kept whole.
    #[test]
    fn cut_where_the_schema_does_not_look() {
        let root = schema();
        let many = format!("[{}]", vec![r#"{"":0}"#; 5000].join(","));
        for (name, text) in [
            ("notes", many.clone()),
            ("training", format!(r#"{{"backend":"x","params":{many}}}"#)),
            ("signatures", format!(r#"{{"junk":{many},"pgp":[1,{{"a":{many}}}],"sha256":"x"}}"#)),
            ("cleaning", format!(r#"{{"\ud83d\ude00":{many},"\uffff":2,"deduped":{many}}}"#)),
        ] {
            let node = &root["properties"][name];
            let (v, cut) = stand_in(&root, node, text.as_bytes()).unwrap();
            assert!(cut, "{name}");
            let whole: Value = serde_json::from_str(&text).unwrap();
            let (a, b) = (v.to_string(), whole.to_string());
            let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            assert!(common >= 300, "{name}: {common}");
            assert!(a.len() < 20_000, "{name}: {}", a.len());
        }
        // a place the schema reads is kept whole: nothing cut
        let text = r#"{"platform_costs":{"gpu_hours":1.5},"roi_analysis":{"roi_percentage":3}}"#;
        let whole = serde_json::from_str::<Value>(text).unwrap();
        let (v, cut) = stand_in(&root, &root["properties"]["cost_analysis"], text.as_bytes()).unwrap();
        assert!(!cut);
        assert_eq!(v, whole);
        // and the walk that longer members take keeps it whole too
        let mut cut = false;
        let member = Member { text: text.as_bytes(), ends: Ends::longer_than(text.as_bytes(), SCANNED) };
        let v = build(&root, &root["properties"]["cost_analysis"], &member, 0, &mut cut).unwrap();
        assert!(!cut);
        assert_eq!(v, whole);
    }
}
