//! A quick proof that an instance is valid, for the keywords the v1.0 schema uses.
//!
//! Compiling the schema with `jsonschema` means validating it against the 2020-12
//! meta-schemas and building a validator tree: about a third of the CPU time of a
//! whole single-bundle run, on every run. Most bundles are valid, and for them that
//! work only confirms it. This module reads the same embedded schema (the schema
//! file stays the one source of the rules) into a small tree and walks the instance
//! with it. It answers only "certainly valid": anything it does not handle exactly
//! as `jsonschema` does (a keyword it does not know, a float where an integer is
//! asked, a leap second, a lowercase `t`, a pattern with a construct whose meaning
//! differs between ECMA-262 and Rust's regex) makes it answer "not proved", and the
//! caller asks `jsonschema`, which then also explains every error. So a verdict never
//! rests on this module alone being right about an invalid bundle; the differential
//! test (`tests/schema_proof.rs`) holds it to `jsonschema` on every fixture, on
//! mutations of a valid bundle and on random values near the schema's edges.

use serde_json::{Map, Number, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The schema, read into what the proof needs.
pub struct Schema {
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    /// Allowed JSON types; `None`: any.
    types: Option<Vec<Kind>>,
    constant: Option<Value>,
    date_time: bool,
    pattern: Option<Pattern>,
    minimum: Option<Limit>,
    maximum: Option<Limit>,
    exclusive_minimum: Option<Limit>,
    required: Vec<String>,
    properties: Vec<(String, usize)>,
    /// `additionalProperties: false`.
    closed: bool,
    items: Option<usize>,
    /// `$ref`s, resolved to node indexes.
    refs: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    Boolean,
    Object,
    Array,
    String,
    Number,
    Integer,
}

/// A bound of the schema: an integer small enough that `f64` holds it exactly, so an
/// integer instance compares as an integer and a float compares exactly.
#[derive(Clone, Copy)]
struct Limit(i64);

/// A pattern, compiled when a string first needs it. The first matches of a process
/// use `regex-lite`, whose compile takes about a quarter of the full `regex` crate's
/// (90 against 400 us for the schema's two patterns, in a fresh process): that compile
/// is what a single run pays. Its PikeVM is slow per byte, though (a twelfth of a
/// batch's schema check went to it), so a pattern used more than [`SWITCH`] times is
/// compiled once more with `regex`, whose lazy DFA a batch then uses. For the patterns
/// admitted here (ASCII, no classes whose meaning depends on Unicode) the two crates
/// agree with each other and with ECMA-262; the differential test runs enough proofs
/// in one process to exercise both.
struct Pattern {
    source: String,
    lite: OnceLock<Option<regex_lite::Regex>>,
    full: OnceLock<Option<regex::Regex>>,
    uses: AtomicUsize,
}

/// Matches with `regex-lite` before `regex` is built for a pattern.
const SWITCH: usize = 32;

impl Pattern {
    fn new(source: &str) -> Pattern {
        Pattern { source: source.to_owned(), lite: OnceLock::new(), full: OnceLock::new(), uses: AtomicUsize::new(0) }
    }

    /// Whether `s` matches; `false` also when the pattern does not compile, and for a
    /// string over [`PATTERN_INPUT_MAX`]: regex-lite searches in time linear in the
    /// string but with a large factor (an 8 MiB `app_version` took 2 s), and a string
    /// that long is no hash or version; jsonschema's engine, a DFA, decides it.
    fn is_match(&self, s: &str) -> bool {
        if s.len() > PATTERN_INPUT_MAX {
            return false;
        }
        if self.uses.fetch_add(1, Ordering::Relaxed) < SWITCH {
            self.lite
                .get_or_init(|| regex_lite::Regex::new(&self.source).ok())
                .as_ref()
                .is_some_and(|re| re.is_match(s))
        } else {
            self.full.get_or_init(|| regex::Regex::new(&self.source).ok()).as_ref().is_some_and(|re| re.is_match(s))
        }
    }
}

/// The longest string a pattern is tried on here; longer ones are left to jsonschema.
const PATTERN_INPUT_MAX: usize = 1024;

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["description", "title", "$comment", "examples", "default"];

impl Schema {
    /// Reads the schema, or says which construct this module does not handle (then the
    /// proof is never attempted).
    pub fn new(schema: &Value) -> Result<Schema, String> {
        let root = schema.as_object().ok_or("the schema is not an object")?;
        let defs = match root.get("$defs") {
            None => None,
            Some(Value::Object(d)) => Some(d),
            Some(_) => return Err("$defs is not an object".to_owned()),
        };
        let mut b = Builder { defs, nodes: Vec::new(), def_nodes: Vec::new() };
        b.node(root, true)?;
        b.check_ref_cycles()?;
        Ok(Schema { nodes: b.nodes })
    }

    /// Whether `instance` is certainly valid. `false` means "not proved", not "invalid".
    pub fn proves(&self, instance: &Value) -> bool {
        self.valid(0, instance)
    }

    /// [`Schema::proves`] for the object of `members` (names distinct), without making
    /// it: the top-level members are trees the document shares. Not proved when the
    /// root asks for more than an object's members can answer one by one.
    pub fn proves_members(&self, members: &[(&str, &Value)]) -> bool {
        let Some(n) = self.nodes.first() else { return false };
        if n.constant.is_some() || !n.refs.is_empty() || n.types.as_ref().is_some_and(|t| !t.contains(&Kind::Object)) {
            return false;
        }
        if !n.required.iter().all(|r| members.iter().any(|(name, _)| name == r)) {
            return false;
        }
        members.iter().all(|(name, value)| match n.properties.iter().find(|(p, _)| p == name) {
            Some((_, i)) => self.valid(*i, value),
            None => !n.closed,
        })
    }

    fn valid(&self, at: usize, v: &Value) -> bool {
        let Some(n) = self.nodes.get(at) else { return false };
        if let Some(types) = &n.types {
            if !types.iter().any(|k| kind_holds(*k, v)) {
                return false;
            }
        }
        if let Some(c) = &n.constant {
            // serde_json's equality implies JSON equality (the converse fails for 1 and
            // 1.0, which only costs a proof).
            if c != v {
                return false;
            }
        }
        match v {
            Value::String(s) => {
                if n.date_time && !date_time(s) {
                    return false;
                }
                if n.pattern.as_ref().is_some_and(|p| !p.is_match(s)) {
                    return false;
                }
            }
            Value::Number(x) => {
                let holds = |limit: &Option<Limit>, ok: fn(std::cmp::Ordering) -> bool| {
                    limit.is_none_or(|l| compare(x, l).is_some_and(ok))
                };
                if !holds(&n.minimum, std::cmp::Ordering::is_ge)
                    || !holds(&n.maximum, std::cmp::Ordering::is_le)
                    || !holds(&n.exclusive_minimum, std::cmp::Ordering::is_gt)
                {
                    return false;
                }
            }
            Value::Object(m) => {
                if !self.object(n, m) {
                    return false;
                }
            }
            Value::Array(items) => {
                if let Some(i) = n.items {
                    if !items.iter().all(|item| self.valid(i, item)) {
                        return false;
                    }
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
        n.refs.iter().all(|r| self.valid(*r, v))
    }

    fn object(&self, n: &Node, m: &Map<String, Value>) -> bool {
        if !n.required.iter().all(|r| m.contains_key(r)) {
            return false;
        }
        for (name, value) in m {
            match n.properties.iter().find(|(p, _)| p == name) {
                Some((_, i)) if !self.valid(*i, value) => return false,
                Some(_) => {}
                None if n.closed => return false,
                None => {}
            }
        }
        true
    }
}

fn kind_holds(k: Kind, v: &Value) -> bool {
    match (k, v) {
        (Kind::Null, Value::Null)
        | (Kind::Boolean, Value::Bool(_))
        | (Kind::Object, Value::Object(_))
        | (Kind::Array, Value::Array(_))
        | (Kind::String, Value::String(_))
        | (Kind::Number, Value::Number(_)) => true,
        // A float with no fraction is an integer to jsonschema too; not proved here.
        (Kind::Integer, Value::Number(x)) => x.is_u64() || x.is_i64(),
        _ => false,
    }
}

/// `x` against `limit`, exactly; `None` when that cannot be said here.
fn compare(x: &Number, limit: Limit) -> Option<std::cmp::Ordering> {
    if let Some(u) = x.as_u64() {
        return Some(i128::from(u).cmp(&i128::from(limit.0)));
    }
    if let Some(i) = x.as_i64() {
        return Some(i.cmp(&limit.0));
    }
    // `limit` is at most 2^53 in size, so it converts to f64 exactly.
    x.as_f64().and_then(|f| f.partial_cmp(&(limit.0 as f64)))
}

/// RFC 3339 `date-time` in its common form only: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`,
/// uppercase `T` and `Z`, seconds 00-59. Every string accepted here is accepted by
/// jsonschema's `date-time` check; leap seconds and lowercase separators are left to it.
fn date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0u32, |acc, d| d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) =
        (num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2))
    else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 59 {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        let digits = b.iter().skip(i + 1).take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        i += 1 + digits;
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && at(i + 3, b':')
                && num(i + 1, 2).is_some_and(|h| h <= 23)
                && num(i + 4, 2).is_some_and(|m| m <= 59)
        }
        _ => false,
    }
}

/// Whether a pattern means the same to Rust's regex as to ECMA-262, the dialect JSON
/// Schema patterns are written in: only literal characters, anchors, groups,
/// alternation, quantifiers, bracket ranges, and escaped punctuation. (An unescaped
/// `.`, `\d`, `\w`, `\s`, `\b` and the like differ between the two, as do many
/// bracket escapes.)
fn plain_pattern(p: &str) -> bool {
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if e.is_ascii_punctuation() => {}
                _ => return false,
            },
            '.' => return false,
            c if c.is_ascii_alphanumeric() => {}
            '^' | '$' | '(' | ')' | '|' | '*' | '+' | '?' | '{' | '}' | ',' | '[' | ']' | '-' | '_' | ':' | '@'
            | '/' | '#' | '=' | '!' | '<' | '>' | ' ' => {}
            _ => return false,
        }
    }
    true
}

struct Builder<'s> {
    defs: Option<&'s Map<String, Value>>,
    nodes: Vec<Node>,
    /// `$defs` names already built, with their node.
    def_nodes: Vec<(&'s str, usize)>,
}

impl<'s> Builder<'s> {
    fn node(&mut self, schema: &'s Map<String, Value>, root: bool) -> Result<usize, String> {
        let at = self.nodes.len();
        self.nodes.push(Node::default());
        let mut n = Node::default();
        for (key, value) in schema {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$schema" | "$id" | "$defs" if root => {}
                "type" => n.types = Some(types(value)?),
                "const" => n.constant = Some(value.clone()),
                "format" => match value.as_str() {
                    Some("date-time") => n.date_time = true,
                    _ => return Err(format!("format {value}")),
                },
                "pattern" => match value.as_str() {
                    Some(p) if plain_pattern(p) => n.pattern = Some(Pattern::new(p)),
                    _ => return Err(format!("pattern {value}")),
                },
                "minimum" => n.minimum = Some(limit(value)?),
                "maximum" => n.maximum = Some(limit(value)?),
                "exclusiveMinimum" => n.exclusive_minimum = Some(limit(value)?),
                "required" => {
                    let names = value.as_array().ok_or("required is not an array")?;
                    for name in names {
                        n.required.push(name.as_str().ok_or("required holds a non-string")?.to_owned());
                    }
                }
                "properties" => {
                    for (name, sub) in value.as_object().ok_or("properties is not an object")? {
                        let i = self.sub(sub)?;
                        n.properties.push((name.clone(), i));
                    }
                }
                "additionalProperties" => match value {
                    Value::Bool(false) => n.closed = true,
                    Value::Bool(true) => {}
                    _ => return Err("additionalProperties is a schema".to_owned()),
                },
                "items" => n.items = Some(self.sub(value)?),
                "$ref" => {
                    let r = value.as_str().ok_or("$ref is not a string")?;
                    n.refs.push(self.reference(r)?);
                }
                other => return Err(format!("keyword {other}")),
            }
        }
        match self.nodes.get_mut(at) {
            Some(slot) => *slot = n,
            None => return Err("a node went missing".to_owned()),
        }
        Ok(at)
    }

    fn sub(&mut self, schema: &'s Value) -> Result<usize, String> {
        match schema {
            Value::Object(m) => self.node(m, false),
            Value::Bool(true) => self.node(EMPTY.get_or_init(Map::new), false),
            _ => Err("a subschema that is not an object".to_owned()),
        }
    }

    /// `#/$defs/NAME` only.
    fn reference(&mut self, r: &str) -> Result<usize, String> {
        let name = r.strip_prefix("#/$defs/").filter(|n| !n.contains(['/', '~', '%'])).ok_or(format!("$ref {r}"))?;
        if let Some((_, i)) = self.def_nodes.iter().find(|(n, _)| *n == name) {
            return Ok(*i);
        }
        let (name, def) =
            self.defs.and_then(|d| d.get_key_value(name)).ok_or(format!("$ref {r} names no definition"))?;
        let def = def.as_object().ok_or(format!("$ref {r} is not an object schema"))?;
        // Reserve the index first, so that a definition that refers to itself resolves.
        let at = self.nodes.len();
        self.def_nodes.push((name.as_str(), at));
        let built = self.node(def, false)?;
        debug_assert_eq!(built, at);
        Ok(at)
    }

    /// A `$ref` chain that comes back to its start without descending into the
    /// instance would never end; refuse such a schema.
    fn check_ref_cycles(&self) -> Result<(), String> {
        for start in 0..self.nodes.len() {
            let mut seen = vec![false; self.nodes.len()];
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                for &r in self.nodes.get(i).map_or(&[][..], |n| &n.refs) {
                    if r == start {
                        return Err("a $ref cycle".to_owned());
                    }
                    if let Some(s @ false) = seen.get_mut(r) {
                        *s = true;
                        stack.push(r);
                    }
                }
            }
        }
        Ok(())
    }
}

static EMPTY: OnceLock<Map<String, Value>> = OnceLock::new();

fn types(value: &Value) -> Result<Vec<Kind>, String> {
    let one = |v: &Value| match v.as_str() {
        Some("null") => Ok(Kind::Null),
        Some("boolean") => Ok(Kind::Boolean),
        Some("object") => Ok(Kind::Object),
        Some("array") => Ok(Kind::Array),
        Some("string") => Ok(Kind::String),
        Some("number") => Ok(Kind::Number),
        Some("integer") => Ok(Kind::Integer),
        _ => Err(format!("type {v}")),
    };
    match value {
        Value::Array(list) => list.iter().map(one).collect(),
        v => Ok(vec![one(v)?]),
    }
}

fn limit(value: &Value) -> Result<Limit, String> {
    const EXACT: i64 = 1 << 53;
    match value.as_i64() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => Ok(Limit(i)),
        _ => Err(format!("bound {value} (only integers up to 2^53 are handled)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn date_time_common_form_only() {
        for ok in ["2026-11-25T00:00:00Z", "2024-02-29T23:59:59.123+05:30", "0000-01-01T00:00:00-23:59"] {
            assert!(date_time(ok), "{ok}");
        }
        for not in [
            "2026-11-25t00:00:00Z",
            "2026-11-25T00:00:00z",
            "2025-02-29T00:00:00Z",
            "2026-11-25T23:59:60Z",
            "2026-11-25T00:00:00",
            "2026-11-25T00:00:00.Z",
            "2026-11-25T00:00:00+24:00",
            "2026-11-25T00:00:00+0100",
            "2026-13-01T00:00:00Z",
            "2026-11-31T00:00:00Z",
            "2026-11-25 00:00:00Z",
            "+2026-11-25T00:00:00Z",
            "2026-11-25T00:00:00Z ",
            "",
        ] {
            assert!(!date_time(not), "{not}");
        }
    }

    #[test]
    fn both_engines_give_the_same_answers() {
        let p =
            Pattern::new("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+)?(\\+[0-9A-Za-z-]+)?$");
        let cases = [("1.2.3", true), ("01.2.3", false), ("1.2.3-rc1+b5", true), ("1.2", false), ("1.2.3\n", false)];
        for round in 0..SWITCH / cases.len() + 2 {
            for (s, want) in cases {
                assert_eq!(p.is_match(s), want, "{s:?}, round {round}");
            }
        }
        assert!(p.lite.get().is_some() && p.full.get().is_some(), "both engines were used");
    }

    #[test]
    fn long_strings_under_a_pattern_are_left_to_jsonschema() {
        let s = Schema::new(&json!({"type": "string", "pattern": "^(0|[1-9][0-9]*)(-[0-9a-z]+)?$"})).unwrap();
        let fits = format!("1-{}", "a".repeat(PATTERN_INPUT_MAX - 2));
        assert!(s.proves(&json!(fits)));
        assert!(!s.proves(&json!(format!("{fits}a"))), "valid, but longer than the limit: not proved");
    }

    #[test]
    fn patterns_that_differ_between_dialects_are_declined() {
        assert!(plain_pattern("^[0-9a-fA-F]{64}$"));
        assert!(plain_pattern("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"));
        for p in ["^.+$", "\\d+", "\\w", "[\\s]", "\\bx", "\\u0041", "é"] {
            assert!(!plain_pattern(p), "{p}");
        }
    }

    #[test]
    fn constructs_not_handled_are_refused() {
        for s in [
            json!({"anyOf": [{"type": "string"}]}),
            json!({"additionalProperties": {"type": "string"}}),
            json!({"minimum": 0.5}),
            json!({"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}}),
            json!({"$ref": "other.json#/x"}),
            json!({"format": "email"}),
            json!({"properties": {"a": {"$id": "x"}}}),
        ] {
            assert!(Schema::new(&s).is_err(), "{s}");
        }
    }

    #[test]
    fn floats_for_integers_and_bounds_are_exact() {
        let s = Schema::new(&json!({"type": "integer", "minimum": 0, "maximum": 9007199254740992_i64})).unwrap();
        assert!(s.proves(&json!(0)));
        assert!(s.proves(&json!(9007199254740992_u64)));
        assert!(!s.proves(&json!(9007199254740993_u64)));
        assert!(!s.proves(&json!(-1)));
        assert!(!s.proves(&json!(1.0)), "a float is not proved an integer");
        let r = Schema::new(&json!({"type": "number", "exclusiveMinimum": 0, "maximum": 1})).unwrap();
        assert!(r.proves(&json!(1)) && r.proves(&json!(1e-300)));
        assert!(!r.proves(&json!(0)) && !r.proves(&json!(-0.0)) && !r.proves(&json!(1.0000000000000002)));
    }
}
