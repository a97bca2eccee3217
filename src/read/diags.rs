//! Rules of the reading stage (spec section 1). Every one but `read.integer-precision`
//! rejects the bundle: a signed document must be read exactly as written.

use crate::finding::Severity::{Error, Warning};
use crate::rules::{Rule, Section::Reading};

pub static TOO_LARGE: Rule = Rule {
    id: "read.too-large",
    section: Reading,
    severity: Error,
    title: "Bundle within the size limit",
    explanation: "The file is larger than --max-bytes (default 16 MiB). The limit bounds the \
memory and time an untrusted input can cost. Raise it with --max-bytes if the bundle is \
legitimately that large.",
};

pub static INVALID_UTF8: Rule = Rule {
    id: "read.invalid-utf8",
    section: Reading,
    severity: Error,
    title: "Bytes are valid UTF-8",
    explanation: "RFC 8259 and I-JSON (RFC 7493) require UTF-8. A verifier that replaced the bad \
bytes would hash something other than what was signed, so the bundle is rejected at the \
first invalid byte.",
};

pub static BOM: Rule = Rule {
    id: "read.bom",
    section: Reading,
    severity: Error,
    title: "No leading byte order mark",
    explanation: "The file starts with the UTF-8 byte order mark EF BB BF (alone or after \
blanks). RFC 8259 forbids emitting one, and silently skipping it would mean verifying \
different bytes than were published. Re-export the bundle without a BOM.",
};

pub static SYNTAX: Rule = Rule {
    id: "read.syntax",
    section: Reading,
    severity: Error,
    title: "Valid JSON syntax",
    explanation: "The text breaks the JSON grammar of RFC 8259 at the position shown (a missing \
comma, an unquoted name, a raw control character in a string, a comment, a trailing \
comma...). Nothing after that point can be trusted to mean what it seems.",
};

pub static TRAILING_DATA: Rule = Rule {
    id: "read.trailing-data",
    section: Reading,
    severity: Error,
    title: "Nothing after the JSON value",
    explanation: "A bundle is exactly one JSON value, optionally surrounded by whitespace. Bytes \
after it (a second object, a stray brace, concatenated files) are rejected rather than \
ignored, because another reader might take them for the document.",
};

pub static NOT_OBJECT: Rule = Rule {
    id: "read.not-object",
    section: Reading,
    severity: Error,
    title: "Top level is an object",
    explanation: "An evidence bundle is a JSON object; an array, string, number or literal at \
the top level cannot carry `version`, `signatures` and the metrics.",
};

pub static TOO_DEEP: Rule = Rule {
    id: "read.too-deep",
    section: Reading,
    severity: Error,
    title: "Nesting within the depth limit",
    explanation: "Objects and arrays nest deeper than the limit (128 levels). No evidence bundle \
needs that; the limit keeps hostile input from exhausting memory or the stack.",
};

pub static DUPLICATE_NAME: Rule = Rule {
    id: "read.duplicate-name",
    section: Reading,
    severity: Error,
    title: "Member names unique in each object",
    explanation: "An object has the same member name twice (compared after unescaping, so \
\"a\" and \"\\u0061\" are the same). I-JSON forbids it because parsers disagree on which \
value wins: one reader could see a cost of 24.50 and another 2450. The bundle is \
ambiguous and is rejected.",
};

pub static LONE_SURROGATE: Rule = Rule {
    id: "read.lone-surrogate",
    section: Reading,
    severity: Error,
    title: "No unpaired surrogate escapes",
    explanation: "A \\uD800-\\uDFFF escape without its partner encodes no character. I-JSON \
forbids it; implementations replace it differently (U+FFFD, an error, raw bytes), so the \
canonical form and the hash would differ between verifiers.",
};

pub static NONCHARACTER: Rule = Rule {
    id: "read.noncharacter",
    section: Reading,
    severity: Error,
    title: "No Unicode noncharacters in strings",
    explanation: "The string holds a Unicode noncharacter (U+FDD0-U+FDEF, or U+nFFFE/U+nFFFF), \
written raw or escaped. I-JSON (RFC 7493 section 2.1) forbids them in interchange.",
};

pub static NUMBER_RANGE: Rule = Rule {
    id: "read.number-out-of-range",
    section: Reading,
    severity: Error,
    title: "Numbers within the IEEE-754 double range",
    explanation: "The number is too large for a double (it would become Infinity, which JSON \
cannot express) or a non-zero number so small it would become 0. RFC 8785 serializes \
every number as a double, so the value cannot be signed as written.",
};

pub static INTEGER_PRECISION: Rule = Rule {
    id: "read.integer-precision",
    section: Reading,
    severity: Warning,
    title: "Numbers signed with the value they show",
    explanation: "RFC 8785 signs every number as the nearest IEEE-754 double, written in its \
shortest form. A number whose written decimal value differs from that one is legal JSON, but \
the signed bundle then says something else than the text: 12345678901234567891 (beyond 2^53), \
12345678901234567891.000, 1.234567890123456789e19 and 1.000000000000000005 are all signed as \
another value. Spellings of the same value (1.0, 1e2, 0.1) are fine. The comparison is exact, \
on decimal digits. If the exact value matters, publish it as a string. (The id names integers, \
the first case found; it is kept so that --allow and --deny lists keep working.)",
};

pub static RULES: &[&Rule] = &[
    &TOO_LARGE,
    &INVALID_UTF8,
    &BOM,
    &SYNTAX,
    &TRAILING_DATA,
    &NOT_OBJECT,
    &TOO_DEEP,
    &DUPLICATE_NAME,
    &LONE_SURROGATE,
    &NONCHARACTER,
    &NUMBER_RANGE,
    &INTEGER_PRECISION,
];
