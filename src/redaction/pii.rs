//! Personal data in free text: e-mail addresses, phone numbers, IP addresses, payment
//! card numbers (Luhn-checked) and national identification numbers (US SSN, UK National
//! Insurance number). Detection is by pattern; each candidate is then validated
//! (octet ranges, IPv6 parse, Luhn, SSN area rules) to keep false positives down.

use regex::Regex;
use std::net::Ipv6Addr;
use std::ops::Range;
use std::sync::OnceLock;

/// The kind of personal data found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PiiKind {
    Email,
    Phone,
    Ip,
    Card,
    NationalId,
}

/// One match: kind, byte range in the text, and the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiiHit {
    pub kind: PiiKind,
    pub span: Range<usize>,
    pub what: &'static str,
}

struct Patterns {
    email: Regex,
    phone_intl: Regex,
    phone_nanp: Regex,
    ipv4: Regex,
    ipv6: Regex,
    card: Regex,
    ssn: Regex,
    nino: Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        Some(Patterns {
            email: Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b").ok()?,
            phone_intl: Regex::new(r"\+\d[\d \t().-]{6,}\d").ok()?,
            phone_nanp: Regex::new(r"(?:\(\d{3}\)[ .-]?|\b\d{3}[.-])\d{3}[.-]\d{4}\b").ok()?,
            ipv4: Regex::new(r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b").ok()?,
            ipv6: Regex::new(r"(?i)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}").ok()?,
            card: Regex::new(r"\b\d(?:[ -]?\d){12,18}\b").ok()?,
            ssn: Regex::new(r"\b(\d{3})-(\d{2})-(\d{4})\b").ok()?,
            nino: Regex::new(r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b").ok()?,
        })
    })
    .as_ref()
}

/// Luhn checksum over the digits of `s` (separators ignored).
pub fn luhn(s: &str) -> bool {
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() < 2 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn preceded_by_word(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ':' || c == '-' || c == '_')
}

fn followed_by_word(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '_')
}

/// Every piece of personal data in `text`, in text order.
pub fn scan(text: &str) -> Vec<PiiHit> {
    let Some(p) = patterns() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    // Cheap prefilters: every detector needs '@', a digit or ':'; most strings of a
    // large bundle have none of them.
    let has_at = text.contains('@');
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    if !has_at && !has_digit && !text.contains(':') {
        return hits;
    }
    for m in has_at.then(|| p.email.find_iter(text)).into_iter().flatten() {
        hits.push(PiiHit { kind: PiiKind::Email, span: m.range(), what: "an e-mail address" });
    }
    for c in has_digit.then(|| p.ipv4.captures_iter(text)).into_iter().flatten() {
        let Some(m) = c.get(0) else { continue };
        if preceded_by_word(text, m.start()) || followed_by_word(text, m.end()) {
            continue;
        }
        let octets_ok =
            (1..=4).all(|i| c.get(i).and_then(|o| o.as_str().parse::<u16>().ok()).is_some_and(|o| o <= 255));
        if octets_ok {
            hits.push(PiiHit { kind: PiiKind::Ip, span: m.range(), what: "an IPv4 address" });
        }
    }
    for m in text.contains(':').then(|| p.ipv6.find_iter(text)).into_iter().flatten() {
        let s = m.as_str();
        if preceded_by_word(text, m.start()) && !text[..m.start()].ends_with(' ') {
            // "...abc12:34" inside a word: not an address
            if text[..m.start()].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
        }
        let groups = s.split(':').filter(|g| !g.is_empty()).count();
        if groups >= 3 && s.parse::<Ipv6Addr>().is_ok() {
            hits.push(PiiHit { kind: PiiKind::Ip, span: m.range(), what: "an IPv6 address" });
        }
    }
    for m in has_digit.then(|| p.card.find_iter(text)).into_iter().flatten() {
        let digits: String = m.as_str().chars().filter(|c| c.is_ascii_digit()).collect();
        let first_ok = digits.starts_with(['2', '3', '4', '5', '6']);
        if first_ok && (13..=19).contains(&digits.len()) && luhn(&digits) && !preceded_by_word(text, m.start()) {
            hits.push(PiiHit { kind: PiiKind::Card, span: m.range(), what: "a payment card number (Luhn-valid)" });
        }
    }
    for c in has_digit.then(|| p.ssn.captures_iter(text)).into_iter().flatten() {
        let Some(m) = c.get(0) else { continue };
        let part = |i: usize| c.get(i).map(|g| g.as_str()).unwrap_or("");
        let (area, group, serial) = (part(1), part(2), part(3));
        if area == "000" || area == "666" || area.starts_with('9') || group == "00" || serial == "0000" {
            continue;
        }
        if preceded_by_word(text, m.start()) || followed_by_word(text, m.end()) {
            continue;
        }
        hits.push(PiiHit { kind: PiiKind::NationalId, span: m.range(), what: "a US social security number" });
    }
    for c in has_digit.then(|| p.nino.captures_iter(text)).into_iter().flatten() {
        let Some(m) = c.get(0) else { continue };
        let prefix = c.get(1).map(|g| g.as_str()).unwrap_or("");
        if ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(&prefix) {
            continue;
        }
        hits.push(PiiHit { kind: PiiKind::NationalId, span: m.range(), what: "a UK National Insurance number" });
    }
    for m in has_digit.then(|| p.phone_intl.find_iter(text).chain(p.phone_nanp.find_iter(text))).into_iter().flatten() {
        let digits = m.as_str().chars().filter(|c| c.is_ascii_digit()).count();
        if !(7..=15).contains(&digits) {
            continue;
        }
        // a card or ID number already reported covers this span
        if hits.iter().any(|h| h.span.start < m.end() && m.start() < h.span.end) {
            continue;
        }
        if m.as_str().starts_with('+') && preceded_by_word(text, m.start()) {
            continue;
        }
        hits.push(PiiHit { kind: PiiKind::Phone, span: m.range(), what: "a phone number" });
    }
    hits.sort_by_key(|h| h.span.start);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<PiiKind> {
        scan(t).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn finds() {
        assert_eq!(kinds("Questions to jane.doe@example.com"), vec![PiiKind::Email]);
        assert_eq!(kinds("Support line +1 415 555 0100"), vec![PiiKind::Phone]);
        assert_eq!(kinds("Support line (415) 555-0100"), vec![PiiKind::Phone]);
        assert_eq!(kinds("call 415-555-0100 now"), vec![PiiKind::Phone]);
        assert_eq!(kinds("Uploaded from 203.0.113.42"), vec![PiiKind::Ip]);
        assert_eq!(kinds("Uploaded from 2001:db8::8a2e:370:7334"), vec![PiiKind::Ip]);
        assert_eq!(kinds("Billed to 4111 1111 1111 1111"), vec![PiiKind::Card]);
        assert_eq!(kinds("Billed to 4111-1111-1111-1111."), vec![PiiKind::Card]);
        assert_eq!(kinds("Operator SSN 123-45-6789"), vec![PiiKind::NationalId]);
        assert_eq!(kinds("Operator NI number AB 12 34 56 C"), vec![PiiKind::NationalId]);
    }

    #[test]
    fn does_not_find() {
        for t in [
            "Batch 4111 1111 1111 1112",
            "2025-08-10T12:00:00Z",
            "2.0.0",
            "Enterprise-scale synthetic data generation with proven efficiency and quality",
            "1 billion records generated successfully",
            "Peak usage only 185.58 MB at 1B scale",
            "50,522 records/sec average generation speed",
            "1,000,000,000 synthetic records",
            "Completed in 5h 29m (vs expected 8-12 hours)",
            "use std::fs::read in Rust",
            "a3f1e2d4c5b6a7980123456789abcdef0123456789abcdef0123456789abcdef",
            "SSN 000-12-3456 and 666-12-3456 are never issued",
            "version 10.0.0.1234",
            "ratio 0.0000245 per record",
            "aa:bb:cc:dd:ee:ff",
        ] {
            assert_eq!(kinds(t), vec![], "{t}");
        }
    }

    #[test]
    fn luhn_check() {
        assert!(luhn("4111111111111111"));
        assert!(!luhn("4111111111111112"));
        assert!(luhn("378282246310005"));
    }
}
