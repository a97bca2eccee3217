//! Rules of the integrity check (spec section 2).

use crate::finding::Severity::{Error, Warning};
use crate::rules::{Rule, Section::Integrity};

pub static HASH_NOT_FILLED: Rule = Rule {
    id: "integrity.hash-not-filled",
    section: Integrity,
    severity: Error,
    title: "Hash filled in",
    explanation: "`signatures.sha256` is missing, empty, a placeholder such as \"...\", or all \
zeros. The publisher never sealed the bundle, so nothing ties the figures to what was \
published. Compute it with `aeb-verify digest BUNDLE` (the lowercase hex SHA-256 of the \
RFC 8785 form of the bundle without `signatures`) and publish again.",
};

pub static HASH_MALFORMED: Rule = Rule {
    id: "integrity.hash-malformed",
    section: Integrity,
    severity: Error,
    title: "Hash is 64 hexadecimal digits",
    explanation: "`signatures.sha256` must be a string of 64 hexadecimal digits (a SHA-256 \
digest). A different length, non-hex characters, base64, or a non-string value cannot be \
compared with the recomputed digest.",
};

pub static HASH_UPPERCASE: Rule = Rule {
    id: "integrity.hash-uppercase",
    section: Integrity,
    severity: Warning,
    title: "Hash written in lowercase hex",
    explanation: "The format asks for lowercase hex. The digest is compared without regard to \
case, but tools that compare strings byte for byte will disagree; publish lowercase.",
};

pub static HASH_MISMATCH: Rule = Rule {
    id: "integrity.hash-mismatch",
    section: Integrity,
    severity: Error,
    title: "Hash matches the payload",
    explanation: "The SHA-256 of the payload (the bundle without its top-level `signatures`, \
serialized with RFC 8785) differs from `signatures.sha256`. Either the bundle was changed \
after it was sealed, or the publisher hashed something else. The finding says what the \
recorded hash does match when it is one of the usual mistakes (the raw file, the bundle \
with `signatures` left in, the original key order, a pretty-printed form), which tells a \
broken publishing pipeline from tampering. Either way the bundle is rejected.",
};

pub static UNCOVERED_MEMBER: Rule = Rule {
    id: "integrity.uncovered-member",
    section: Integrity,
    severity: Warning,
    title: "Only defined members under `signatures`",
    explanation: "Nothing under `signatures` is covered by the hash or by any signature, so a \
member there that the format does not define (anything but sha256, pgp, kms, key_id) can \
be changed by anyone without detection. Do not rely on it; publishers should move such \
data into the signed part of the bundle.",
};

pub static RULES: &[&Rule] = &[&HASH_NOT_FILLED, &HASH_MALFORMED, &HASH_UPPERCASE, &HASH_MISMATCH, &UNCOVERED_MEMBER];
