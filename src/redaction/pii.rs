//! Personal data in free text: e-mail addresses, phone numbers, IP addresses, payment
//! card numbers (Luhn-checked) and national identification numbers (US SSN, UK National
//! Insurance number); and, for the public profile, run seeds and algorithm parameters
//! written into strings (`seed=1234`, `xgboost(max_depth=6, ...)`).
//!
//! The text is the normalised one (`crate::audit::normalize`). Each string is read once
//! by one combined automaton (`RegexSet`); only the detectors it reports are then run
//! for their positions, and each candidate is validated (octet ranges, IPv6 parse,
//! Luhn, SSN area rules) to keep false positives down. `:` and `/` separate tokens
//! (`IP:203.0.113.42`, `tel:+1...`, URLs); only a letter, a digit or `_` glued to a
//! candidate makes it part of a longer word.

use regex::{Regex, RegexSet};
use std::net::Ipv6Addr;
use std::ops::Range;
use std::sync::OnceLock;

/// The kind of thing found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PiiKind {
    Email,
    Phone,
    Ip,
    Card,
    NationalId,
    /// A run seed written into a string (`seed=1234`).
    Seed,
    /// Algorithm parameters written into a string (`xgboost(max_depth=6)`).
    Params,
}

/// One match: kind, byte range in the (normalised) text, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiiHit {
    pub kind: PiiKind,
    pub span: Range<usize>,
    pub what: &'static str,
}

/// The detectors, in the order of `SOURCES`. E-mail addresses are found by hand around
/// each `@` (`emails`): a regex for letters of every script is slow to build and keeps
/// the scan off its fast path.
const PHONE_INTL: usize = 0;
const PHONE_NANP: usize = 1;
const PHONE_NATIONAL: usize = 2;
const IPV4: usize = 3;
const IPV6: usize = 4;
const CARD: usize = 5;
const SSN: usize = 6;
const NINO: usize = 7;
const SEED: usize = 8;
const PARAMS: usize = 9;
const IBAN: usize = 10;

/// An IBAN (ISO 13616): a country code, two check digits, then up to 30 letters and
/// digits, written whole or in groups of four (a space or a dash between); any case, as
/// it is keyed in.
const IBAN_SOURCE: &str = r"(?i-u:\b[a-z]{2}[0-9]{2}(?:[ -]?[a-z0-9]{4}){2,7}(?:[ -]?[a-z0-9]{1,4})?\b)";

/// The country codes of the IBAN registry (SWIFT), each with the length of its IBANs and
/// whether its account number (BBAN) is digits only: a code outside it is no IBAN, nor is a
/// string of another length, nor letters where the country writes digits. A 16-hex OpenPGP
/// key ID such as `BE12A9F3C0D7E068` has the shape of the loose pattern and passes the check
/// one time in 97: it was reported as a bank account, and an honest signed bundle rejected.
const IBAN_COUNTRIES: &[(&str, usize, bool)] = &[
    ("AD", 24, false),
    ("AE", 23, true),
    ("AL", 28, false),
    ("AT", 20, true),
    ("AZ", 28, false),
    ("BA", 20, true),
    ("BE", 16, true),
    ("BG", 22, false),
    ("BH", 22, false),
    ("BI", 27, true),
    ("BR", 29, false),
    ("BY", 28, false),
    ("CH", 21, false),
    ("CR", 22, true),
    ("CY", 28, false),
    ("CZ", 24, true),
    ("DE", 22, true),
    ("DJ", 27, true),
    ("DK", 18, true),
    ("DO", 28, false),
    ("EE", 20, true),
    ("EG", 29, true),
    ("ES", 24, true),
    ("FI", 18, true),
    ("FK", 18, false),
    ("FO", 18, true),
    ("FR", 27, false),
    ("GB", 22, false),
    ("GE", 22, false),
    ("GI", 23, false),
    ("GL", 18, true),
    ("GR", 27, false),
    ("GT", 28, false),
    ("HR", 21, true),
    ("HU", 28, true),
    ("IE", 22, false),
    ("IL", 23, true),
    ("IQ", 23, false),
    ("IS", 26, true),
    ("IT", 27, false),
    ("JO", 30, false),
    ("KW", 30, false),
    ("KZ", 20, false),
    ("LB", 28, false),
    ("LC", 32, false),
    ("LI", 21, false),
    ("LT", 20, true),
    ("LU", 20, false),
    ("LV", 21, false),
    ("LY", 25, true),
    ("MC", 27, false),
    ("MD", 24, false),
    ("ME", 22, true),
    ("MK", 19, false),
    ("MN", 20, true),
    ("MR", 27, true),
    ("MT", 31, false),
    ("MU", 30, false),
    ("NI", 28, false),
    ("NL", 18, false),
    ("NO", 15, true),
    ("OM", 23, false),
    ("PK", 24, false),
    ("PL", 28, true),
    ("PS", 29, false),
    ("PT", 25, true),
    ("QA", 29, false),
    ("RO", 24, false),
    ("RS", 22, true),
    ("RU", 33, false),
    ("SA", 24, false),
    ("SC", 31, false),
    ("SD", 18, true),
    ("SE", 24, true),
    ("SI", 19, true),
    ("SK", 24, true),
    ("SM", 27, false),
    ("SO", 23, true),
    ("ST", 25, true),
    ("SV", 28, false),
    ("TL", 23, true),
    ("TN", 24, true),
    ("TR", 26, false),
    ("UA", 29, false),
    ("VA", 22, true),
    ("VG", 24, false),
    ("XK", 20, true),
    ("YE", 30, false),
];

/// Whether `candidate` (letters, digits and spaces) is an IBAN: a registered country, the
/// length the registry gives it, digits only where its account numbers are, and the ISO
/// 7064 MOD 97-10 check (the first four characters moved to the end, each letter read as
/// 10-35, the number modulo 97 is 1). A random string of that shape passes one time in 97.
fn iban_ok(candidate: &str) -> bool {
    let chars: Vec<char> =
        candidate.chars().filter(|c| !matches!(c, ' ' | '-')).map(|c| c.to_ascii_uppercase()).collect();
    let country: String = chars.iter().take(2).collect();
    let Some(&(_, len, digits)) = IBAN_COUNTRIES.iter().find(|(c, _, _)| *c == country) else { return false };
    if chars.len() != len || (digits && !chars.iter().skip(4).all(char::is_ascii_digit)) {
        return false;
    }
    let mut rem = 0u32;
    for c in chars.iter().skip(4).chain(chars.iter().take(4)) {
        let Some(v) = c.to_digit(36) else { return false };
        rem = if v < 10 { (rem * 10 + v) % 97 } else { (rem * 100 + v) % 97 };
    }
    rem == 1
}

/// Algorithm parameter names: in strings (`max_depth=6`, `"max_depth": 6`,
/// `--max-depth 6`) and as member names at any depth (`redaction::named`, through its
/// folded copy `is_param_folded`).
pub const PARAM_NAMES: &[&str] = &[
    "max_depth",
    "learning_rate",
    "n_estimators",
    "num_leaves",
    "min_child_weight",
    "colsample_bytree",
    "subsample",
    "reg_alpha",
    "reg_lambda",
    "eta",
    "gamma",
    "max_features",
    "min_samples_leaf",
    "min_samples_split",
    "l2_regularization",
    "dropout",
    "batch_size",
    "num_layers",
    "hidden_size",
    "lr",
];

// ASCII word boundaries and digits keep every pattern on the regex crate's DFA, on
// non-ASCII text too; the checks below (`glued_before`, `glued_after`) look at letters
// of every script.
const SOURCES: [&str; 9] = [
    // international: + or 00 and a country code
    r"(?:\+|(?-u:\b)00)[1-9][0-9 \t().-]{6,}[0-9]",
    r"(?:\([0-9]{3}\)[ .-]?|(?-u:\b)[0-9]{3}[.-])[0-9]{3}[.-][0-9]{4}(?-u:\b)|(?-u:\b)[2-9][0-9]{2} [2-9][0-9]{2} [0-9]{4}(?-u:\b)",
    // national formats with a trunk 0: 020 7946 0958, 030-1234-5678, 030 1234567,
    // 07700 900123, 06 12 34 56 78
    r"(?-u:\b)0[0-9]{1,4}(?:[ -][0-9]{2,8}){1,4}(?-u:\b)",
    // the dots may be defanged, as threat reports and tickets write an address so that it
    // is not a link (`203[.]0[.]113[.]42`, `203(.)0(.)113(.)42`, `[dot]`): still readable
    // and an EC2 host name spells its address with dashes (`ip-10-0-0-1.ec2.internal`,
    // `ec2-203-0-113-42.compute-1.amazonaws.com`), which passed
    r"(?-u:\b)([0-9]{1,3})(?:\.|\[\.\]|\(\.\)|\{\.\}|(?i-u:\[dot\]|\(dot\)))([0-9]{1,3})(?:\.|\[\.\]|\(\.\)|\{\.\}|(?i-u:\[dot\]|\(dot\)))([0-9]{1,3})(?:\.|\[\.\]|\(\.\)|\{\.\}|(?i-u:\[dot\]|\(dot\)))([0-9]{1,3})(?-u:\b)|(?i-u:\b(?:ip|ec2)-)([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})(?-u:\b)",
    r"(?:[0-9a-fA-F]{0,4}:){2,7}(?:[0-9a-fA-F]{1,4}(?-u:\b)|(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?-u:\b))?",
    // one space or dash anywhere; or wider separators (a run of spaces or tabs, a dash
    // with spaces around it: `4111  1111 - 1111\t1111`) only between the groups cards
    // are printed in (4-4-4-1..4 with an optional fifth group up to 19 digits, 4-6-4/5),
    // each run bounded so the automaton stays small and the scan linear; and one `_` or
    // `.` the same between each of the groups 4-4-4-1..4 (`4111_1111_1111_1111`, as
    // Python and Rust write a grouped literal; `4111.1111.1111.1111`): both passed
    r"(?-u:\b)(?:[0-9]{4}(?:_[0-9]{4}){2}_[0-9]{1,4}|[0-9]{4}(?:\.[0-9]{4}){2}\.[0-9]{1,4}|[0-9](?:[ -]?[0-9]){12,18}|[0-9]{4}(?:(?:[ \t]{1,8}|[ \t]{0,4}-[ \t]{0,4})[0-9]{4}){2}(?:[ \t]{1,8}|[ \t]{0,4}-[ \t]{0,4})[0-9]{1,4}(?:(?:[ \t]{1,8}|[ \t]{0,4}-[ \t]{0,4})[0-9]{1,3})?|[0-9]{4}(?:[ \t]{1,8}|[ \t]{0,4}-[ \t]{0,4})[0-9]{6}(?:[ \t]{1,8}|[ \t]{0,4}-[ \t]{0,4})[0-9]{4,5})(?-u:\b)",
    // 123-45-6789, 123 45 6789; nine digits in a row only behind "SSN"
    r"(?-u:\b)[0-9]{3}(?:-[0-9]{2}-|[ ][0-9]{2}[ ])[0-9]{4}(?-u:\b)|(?i-u:\bssn)[ \t]*[:#=]?[ \t]*[0-9]{9}(?-u:\b)",
    r"(?i-u:\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b)",
    // A seed name: the word seed(s) or random state, a seed list, value or number (as member
    // names: seed_value), numpy's seeding calls (default_rng, SeedSequence), a generator's
    // state or key (rng_state, prng_key), alone or ending an identifier (PYTHONHASHSEED,
    // torch.manual_seed, randomState, torch.cuda.rng_state), numbered or not (seed_1,
    // seed.1, as member names are); then
    // white space, or one to six links (= : ( [ { quotes # -> => <-, and the words of
    // "is", "was set to", "fixed at", "of", "value", "number"; `|`, the cell border of a
    // Markdown table, `| seed | 42 |`, which passed); then an integer.
    // Bounded, and with no word of its own ("seeds were removed in 3 steps", "seed-stage
    // funding of 2"), the window keeps prose out; `amount_after` drops amounts ("seed of
    // 2 million").
    // The integer may be signed (`seed=+42`) and grouped with underscores as Python,
    // Rust and TOML write it (`seed: 4_2`); the name may open an XML element
    // (`<seed>42</seed>`, `<random_state value="x">7`): `>` links only after `<name`, so
    // "seeds > 3" stays prose.
    // Or `seeded with` (`using`) and an integer that ends its clause ("The generator was
    // seeded with 42."; "seeded with 500 rows" counts rows).
    r#"(?i-u:(?:<[a-z0-9_:.-]{0,32}?(?:seeds?|random[_-]?state|rng[_-]?(?:state|key))(?:[_.]?[0-9]+)?(?:\s[\t\x20-\x3b=\x3f-\x7e]{0,64})?>\s*|\b[a-z0-9_]*(?:seeds?(?:[_ -]?(?:list|value|number))?|seed_?sequence|default_?rng|random[_ -]?state|rng[_ -]?(?:state|key)s?)(?:[_.]?[0-9]+)?\b(?:(?:\s*(?:[=:(\[{"'`#|]|->|=>|<-)|\s+(?:is|was|were|are|be|been|of|value|number|equals|(?:set|fixed|equal)(?:\s+(?:to|at))?)\b|\s+(?:no|nr|num)\b\.?){1,6}\s*|\s+))[+-]?(?:0x[0-9a-f]+|[0-9]+(?:_[0-9]+)*(?:\.[0-9]+)?(?:e\+?[0-9]{1,3})?)\b|\b(?:re)?seeded\s+(?:with|using)\s+[+-]?[0-9]+(?:_[0-9]+)*\s*(?:\.(?:\s|$)|[,;!)]|$))"#,
];

/// Parameters written into a string: `xgboost(max_depth=6, ...)`, or a parameter name
/// of `PARAM_NAMES` with a value (`=` for every name; `:`, quotes and `--name N` for the
/// names with an underscore, which prose does not use: "ETA: 5 minutes" is no `eta`).
fn params_source() -> String {
    let alt =
        |names: &mut dyn Iterator<Item = &&str>| names.map(|n| n.replace('_', "[_-]")).collect::<Vec<_>>().join("|");
    let every = alt(&mut PARAM_NAMES.iter());
    let distinct = alt(&mut PARAM_NAMES.iter().filter(|n| n.contains('_')));
    format!(
        r#"(?i-u:\b[a-z_][a-z0-9_.]*\([ \t]*[a-z_][a-z0-9_]*[ \t]*=[ \t]*[a-z0-9._+-]+|\b(?:{every})[ \t]*=[ \t]*["']?[0-9.e+-]+|["']?\b(?:{distinct})["']?[ \t]*:[ \t]*["']?[0-9][0-9.e+-]*|--(?:{distinct})(?:=|[ \t]+)[0-9][0-9.e+-]*)"#
    )
}

fn local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// E-mail addresses: around each `@`, a local part and a dotted domain whose last label
/// has at least two letters; letters of every script count. The local part is the run
/// of characters a local part may hold that ends at the sign, found by one pass over the
/// text for all signs: `%40` is made of such characters, and a walk back from each sign
/// read a run of `%40.%40.` to its start again from every sign (120 KB took 4 s). An `@`
/// stops the run; the domain's walk forward stops at the next sign.
fn emails(text: &str, hits: &mut Vec<PiiHit>) {
    let mut from = 0;
    let mut signs = AtSigns { plain: None, encoded: None, entity: None };
    // the text is read up to `scanned`; the run of local characters there starts at `run`
    let (mut scanned, mut run) = (0, 0);
    while let Some((at, sign)) = signs.next(text, from) {
        from = at + sign;
        for (i, c) in text.get(scanned..at).unwrap_or_default().char_indices() {
            if !local_char(c) {
                run = scanned + i + c.len_utf8();
            }
        }
        scanned = at;
        let mut local = text.get(run..at).unwrap_or_default().trim_start_matches('.');
        if local.is_empty() {
            local = quoted_local(text.get(..at).unwrap_or_default());
        }
        let start = at - local.len();
        let after = text.get(at + sign..).unwrap_or_default();
        let (domain, len) = domain_after(after);
        let labels: Vec<&str> = domain.split('.').collect();
        let ok = !local.is_empty()
            && !local.ends_with('.')
            && labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
            && labels.last().is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
        if ok {
            hits.push(PiiHit { kind: PiiKind::Email, span: start..at + sign + len, what: "an e-mail address" });
        }
    }
}

/// The quoted local part (RFC 5322) that `before` ends with: `"jane doe"@example.com`,
/// `"jane@home"@example.com`; its opening quote no more than 64 bytes back (the most a
/// local part holds), so that each sign reads a bounded stretch. Empty when there is none.
fn quoted_local(before: &str) -> &str {
    let Some(inner) = before.strip_suffix('"') else { return "" };
    let mut from = inner.len().saturating_sub(MAX_LOCAL);
    while !inner.is_char_boundary(from) {
        from += 1;
    }
    let window = inner.get(from..).unwrap_or_default();
    let quoted = |open: usize| window.get(open + 1..).is_some_and(|q| !q.is_empty() && !q.contains(char::is_control));
    match window.rfind('"') {
        Some(open) if quoted(open) => before.get(from + open..).unwrap_or_default(),
        _ => "",
    }
}

/// The most bytes of a local part (RFC 5321, 4.5.3.1.1).
const MAX_LOCAL: usize = 64;

/// Top-level domains that end an address written with the word `at` (`jane at example
/// dot com`): there prose is near (`scores at inference dot products`), so only a domain
/// that ends as addresses commonly do makes one. The bracketed forms take any domain.
const SPELLED_TLDS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "mil", "int", "io", "ai", "co", "me", "info", "biz", "dev", "app", "eu", "uk",
    "de", "fr", "nl", "es", "it", "ch", "se", "no", "dk", "fi", "pl", "cz", "be", "ie", "pt", "ru", "cn", "jp", "kr",
    "in", "au", "nz", "ca", "us", "br", "mx", "za",
];

/// `word` (`at`, `dot`; any case) written as a sign at byte `i` of `b`: in brackets
/// (`[at]`, `(at)`, `{at}`, `<at>`) or as a word between spaces. Its end and whether it
/// was bracketed.
fn spelled_sign(b: &[u8], i: usize, word: &[u8]) -> Option<(usize, bool)> {
    let at = |k: usize| b.get(k).copied();
    let closer = match at(i)? {
        b'[' => Some(b']'),
        b'(' => Some(b')'),
        b'{' => Some(b'}'),
        b'<' => Some(b'>'),
        _ => None,
    };
    if let Some(close) = closer {
        // one space allowed inside each bracket: `[ at ]`
        let from = if at(i + 1) == Some(b' ') { i + 2 } else { i + 1 };
        let inner = b.get(from..from + word.len())?;
        let mut end = from + word.len();
        if at(end) == Some(b' ') {
            end += 1;
        }
        return (inner.eq_ignore_ascii_case(word) && at(end) == Some(close)).then_some((end + 1, true));
    }
    let inner = b.get(i..i + word.len())?;
    let spaced = i > 0 && at(i - 1) == Some(b' ') && at(i + word.len()) == Some(b' ');
    (spaced && inner.eq_ignore_ascii_case(word)).then_some((i + word.len(), false))
}

/// E-mail addresses written out so that a search for `@` misses them: `jane [at]
/// example [dot] com`, `jane(at)example.com`, `jane@example (dot) com`, `jane at example
/// dot com`, `jane @ example.com`. The sign is `at` or `@` in brackets, `@` with spaces
/// around it, or `@` or the word `at` when the domain spells a dot out (the word `at` only before a domain of [`SPELLED_TLDS`]: `available at
/// huggingface.co` is prose). The local part is the run of local characters before the
/// sign (spaces between allowed), the domain its labels after it, joined by `.` or by
/// `dot` written out. Each run read ends at the next sign, so the text is read a bounded
/// number of times.
fn written_out_emails(text: &str, hits: &mut Vec<PiiHit>) {
    // the addresses [`emails`] found, in text order: a written-out one over them is the
    // same address (its own never overlap, each read from the end of the last)
    let base = hits.len();
    let b = text.as_bytes();
    let label_end = |from: usize| -> usize {
        let t = text.get(from..).unwrap_or_default();
        from + t.char_indices().find(|&(_, c)| !(c.is_alphanumeric() || c == '-')).map_or(t.len(), |(i, _)| i)
    };
    let skip_spaces = |mut k: usize| {
        while b.get(k) == Some(&b' ') {
            k += 1;
        }
        k
    };
    // where the last domain read ended: a sign inside it is one of its labels, and is
    // not read again (each byte is read by one domain at most)
    let mut walked = 0;
    let mut i = 0;
    while i < b.len() {
        let sign = if b.get(i) == Some(&b'@') {
            Some((i + 1, false, true))
        } else {
            spelled_sign(b, i, b"at")
                .or_else(|| spelled_sign(b, i, b"@"))
                .map(|(end, bracketed)| (end, bracketed, false))
        };
        let Some((sign_end, bracketed, at_sign)) = sign.filter(|_| i >= walked) else {
            i += 1;
            continue;
        };
        // the local part: local characters before the sign, spaces between allowed
        let before = text.get(..i).unwrap_or_default().trim_end_matches(' ');
        let local_len = before.chars().rev().take_while(|&c| local_char(c)).map(char::len_utf8).sum::<usize>();
        let local = before.get(before.len() - local_len..).unwrap_or_default().trim_start_matches('.');
        let start = before.len() - local.len();
        let word_sign = !bracketed && !at_sign;
        // the domain: labels joined by `.` or by `dot` written out
        let mut labels: Vec<&str> = Vec::new();
        let mut spelled_dots = 0;
        let mut k = skip_spaces(sign_end);
        let mut end = k;
        loop {
            let e = label_end(k);
            let Some(label) = text.get(k..e).filter(|l| !l.is_empty()) else { break };
            labels.push(label);
            end = e;
            if b.get(e) == Some(&b'.')
                && text.get(e + 1..).and_then(|t| t.chars().next()).is_some_and(char::is_alphanumeric)
            {
                k = e + 1;
                continue;
            }
            // `example . com`: a dot set apart, after a sign no prose writes (`[at]`, `@`)
            let s = skip_spaces(e);
            if !word_sign && s > e && b.get(s) == Some(&b'.') && skip_spaces(s + 1) > s + 1 {
                spelled_dots += 1;
                k = skip_spaces(s + 1);
                continue;
            }
            match spelled_sign(b, s, b"dot") {
                Some((dot_end, _)) => {
                    spelled_dots += 1;
                    k = skip_spaces(dot_end);
                }
                None => break,
            }
        }
        walked = end;
        let tld = labels.last().copied().unwrap_or_default();
        // `jane @ example.com`: spaces around a bare `@` hide it from [`emails`] as well
        let spaced = before.len() < i || skip_spaces(sign_end) > sign_end;
        let ok = !local.is_empty()
            && !local.ends_with('.')
            && labels.len() >= 2
            && labels.iter().all(|l| !l.starts_with('-') && !l.ends_with('-'))
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic)
            && (bracketed || spelled_dots > 0 || at_sign && spaced)
            && (!word_sign || SPELLED_TLDS.iter().any(|t| tld.eq_ignore_ascii_case(t)));
        if ok && !overlaps(hits, base, &(start..end)) {
            hits.push(PiiHit { kind: PiiKind::Email, span: start..end, what: "an e-mail address written out" });
            i = end;
        } else {
            i = sign_end;
        }
    }
}

/// The `@` signs of a text, their URL-encoded form `%40` (`mailto:jane%40example.com`)
/// and their HTML character references (`jane&#64;example.com`, `&#x40;`, `&commat;`,
/// which a page that renders the text displays as `@`). Each kind's next position is
/// searched again only once the walk has passed it, so the text is read once whatever the
/// number of signs.
struct AtSigns {
    plain: Option<Option<usize>>,
    encoded: Option<Option<usize>>,
    entity: Option<Option<(usize, usize)>>,
}

/// The HTML character references of `.`, read as dots in a domain after a sign
/// (`jane&#64;example&#46;com`).
const DOT_ENTITIES: [&str; 6] = ["&#46;", "&#046;", "&#x2e;", "&#x2E;", "&#X2E;", "&period;"];

/// The domain at the start of `after` (the text after a sign): the run of characters a
/// domain may hold, a dot's HTML reference read as `.`, trailing dots and hyphens left
/// out. Returns the domain as read and its length in `after`. The walk stops at any sign,
/// which begins no dot, so the walks of all signs read the text once.
fn domain_after(after: &str) -> (String, usize) {
    let mut read: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    while let Some(rest) = after.get(i..) {
        if let Some(e) = DOT_ENTITIES.iter().find(|e| rest.starts_with(**e)) {
            i += e.len();
            read.push(('.', i));
            continue;
        }
        match rest.chars().next() {
            Some(c) if domain_char(c) => {
                i += c.len_utf8();
                read.push((c, i));
            }
            _ => break,
        }
    }
    while read.last().is_some_and(|&(c, _)| matches!(c, '.' | '-')) {
        read.pop();
    }
    let len = read.last().map_or(0, |&(_, end)| end);
    (read.into_iter().map(|(c, _)| c).collect(), len)
}

/// The HTML character references of `@`.
const AT_ENTITIES: [&str; 5] = ["&#64;", "&#064;", "&#x40;", "&#X40;", "&commat;"];

/// The first HTML reference of `@` at or after `from`: its offset and length.
fn at_entity(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(k) = text.get(i..).and_then(|t| t.find('&')) {
        let at = i + k;
        let rest = text.get(at..).unwrap_or_default();
        if let Some(e) = AT_ENTITIES.iter().find(|e| rest.starts_with(**e)) {
            return Some((at, e.len()));
        }
        i = at + 1;
    }
    None
}

impl AtSigns {
    /// The next sign at or after `from`: its offset and length.
    fn next(&mut self, text: &str, from: usize) -> Option<(usize, usize)> {
        let find = |cached: &mut Option<Option<usize>>, needle: &str| -> Option<usize> {
            if cached.is_none_or(|c| c.is_some_and(|at| at < from)) {
                *cached = Some(text.get(from..).and_then(|t| t.find(needle)).map(|i| from + i));
            }
            cached.flatten()
        };
        let plain = find(&mut self.plain, "@").map(|at| (at, 1));
        let encoded = find(&mut self.encoded, "%40").map(|at| (at, 3));
        if self.entity.is_none_or(|c| c.is_some_and(|(at, _)| at < from)) {
            self.entity = Some(at_entity(text, from));
        }
        [plain, encoded, self.entity.flatten()].into_iter().flatten().min_by_key(|&(at, _)| at)
    }
}

struct Patterns {
    set: RegexSet,
    each: Vec<Regex>,
}

/// The detectors, compiled once for the process. A pattern that does not compile is a
/// bug of this program: the error comes back to the check, which reports it as a failed
/// scan instead of silently finding nothing.
fn patterns() -> Result<&'static Patterns, &'static str> {
    static P: OnceLock<Result<Patterns, String>> = OnceLock::new();
    P.get_or_init(|| {
        let mut sources: Vec<String> = SOURCES.iter().map(|s| (*s).to_owned()).collect();
        sources.push(params_source());
        sources.push(IBAN_SOURCE.to_owned());
        let set = RegexSet::new(&sources).map_err(|e| e.to_string())?;
        let each = sources.iter().map(|s| Regex::new(s)).collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())?;
        Ok(Patterns { set, each })
    })
    .as_ref()
    .map_err(String::as_str)
}

/// Compiles the detectors now (a one-off cost), so that the first scan finds them ready.
pub fn warm_up() -> Result<(), &'static str> {
    patterns().map(|_| ())
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

/// A letter, digit or `_` right before `start`: the candidate is part of a longer word.
fn glued_before(text: &str, start: usize) -> bool {
    text.get(..start).and_then(|t| t.chars().next_back()).is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn glued_after(text: &str, end: usize) -> bool {
    text.get(end..).and_then(|t| t.chars().next()).is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The word right before `start`, over white space and a `:`, names a version
/// (`version 1.2.3.4`, `Build: 2.0.0.1`, `release 10.0.0.1`): a version of four parts, as
/// .NET and Windows number their builds, is no address (it rejected an honest bundle).
/// Reads at most the 16 bytes before the candidate.
fn after_version_word(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let before = before.trim_end_matches([' ', '\t']).trim_end_matches(':').trim_end_matches([' ', '\t']);
    let from = before.len().saturating_sub(16);
    let Some(tail) = (from..=before.len()).find_map(|k| before.get(k..)) else { return false };
    let word = tail.rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.').next().unwrap_or_default();
    let word = word.trim_start_matches('.').trim_end_matches('.');
    ["version", "ver", "build", "release", "rev", "revision"].iter().any(|v| word.eq_ignore_ascii_case(v))
}

/// A `.` (or a defanged one, `[.]`) and a digit on either side: part of a longer dotted
/// number (`1.2.3.4.5`, `1[.]2[.]3[.]4[.]5`).
fn longer_dotted(text: &str, r: &Range<usize>) -> bool {
    const DOTS: [&str; 6] = [".", "[.]", "(.)", "{.}", "[dot]", "(dot)"];
    let before = text.get(..r.start).unwrap_or_default();
    let after = text.get(r.end..).unwrap_or_default();
    DOTS.iter().any(|dot| {
        let digit = |c: char| c.is_ascii_digit();
        before
            .get(..before.len().saturating_sub(dot.len()))
            .is_some_and(|b| before.get(b.len()..).is_some_and(|d| d.eq_ignore_ascii_case(dot)) && b.ends_with(digit))
            || after.get(..dot.len()).is_some_and(|d| d.eq_ignore_ascii_case(dot))
                && after.get(dot.len()..).is_some_and(|a| a.starts_with(digit))
    })
}

fn card_ok(digits: &str) -> bool {
    digits.starts_with(['2', '3', '4', '5', '6']) && (13..=19).contains(&digits.len()) && luhn(digits)
}

/// A card number held as a JSON integer (its decimal digits).
pub fn number_is_card(digits: &str) -> bool {
    digits.bytes().all(|b| b.is_ascii_digit()) && card_ok(digits)
}

/// A seed candidate (the name, its links, then the number) whose number is an integer: as
/// written (`seed=42`, `seed: 0x2A`), or a decimal or an exponent of an integral value
/// (`seed = 42.0`, `seed=1e3`, `seed: 4.2e1`, as a config typed as a float writes it; each
/// passed `--profile public`) after a mark that links it (`=`, `:`, a bracket, a quote):
/// after a space or a word alone a decimal is prose (`Seed 2.0 launched`, `seed is 2.5 cm`).
fn integral_after_mark(candidate: &str) -> bool {
    // the clause's end after `seeded with 42.`
    let candidate = candidate.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let b = candidate.as_bytes();
    let start =
        b.iter().rposition(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'_'))).map_or(0, |i| i + 1);
    let number = candidate.get(start..).unwrap_or_default();
    let lower = number.to_ascii_lowercase();
    if lower.starts_with("0x") || !lower.contains(['.', 'e']) {
        return true;
    }
    let (mantissa, exponent) = lower.split_once('e').unwrap_or((&lower, "0"));
    let fraction = mantissa.split_once('.').map_or("", |(_, f)| f).trim_end_matches('0');
    let exponent: usize = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let linked = candidate.get(..start).unwrap_or_default().trim_end().ends_with(|c: char| !c.is_ascii_alphanumeric());
    fraction.len() <= exponent && linked
}

/// The integer before `rest` is an amount, not a seed: a decimal fraction, a percentage
/// or a magnitude word follows it ("seed of 2 million", "seeds were 3% of the rows").
/// Reads the spaces after the integer, which the next search reads anyway, and ten
/// bytes more: a candidate costs the same however long the text.
fn amount_after(rest: &str) -> bool {
    if rest.starts_with('%') || rest.strip_prefix('.').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
        return true;
    }
    let rest = rest.trim_start_matches(' ').as_bytes();
    // a word of ten letters or more is none of these
    let len = rest.iter().take(10).position(|b| !b.is_ascii_alphabetic()).unwrap_or(rest.len().min(10));
    let mut word = [0u8; 10];
    for (w, b) in word.iter_mut().zip(rest.iter().take(len)) {
        *w = b.to_ascii_lowercase();
    }
    matches!(
        word.get(..len).unwrap_or_default(),
        b"percent"
            | b"thousand"
            | b"thousands"
            | b"million"
            | b"millions"
            | b"billion"
            | b"billions"
            | b"trillion"
            | b"trillions"
            | b"lakh"
            | b"lakhs"
            | b"crore"
            | b"crores"
    )
}

/// The whole of `text` (normalised) as a phone number, with nothing else in it: an
/// optional `+`, then 7 to 15 digits and the separators numbers are written with (space,
/// `.`, `-`, `/`, parentheses), a digit last. Only a phone-like member name makes such a
/// string a phone number (`"phoneNumber": "4155550100"`); alone, ten digits are any
/// number. A date (`2025-08-10`) is not one. Stops at the first other character.
pub fn whole_phone(text: &str) -> Option<Range<usize>> {
    let space = |c: char| c.is_ascii_whitespace();
    let start = text.len() - text.trim_start_matches(space).len();
    let t = text.trim_matches(space);
    let body = t.strip_prefix('+').unwrap_or(t);
    if !body.starts_with(|c: char| c.is_ascii_digit() || c == '(') || !body.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut digits = 0;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b' ' | b'.' | b'-' | b'/' | b'(' | b')' => {}
            _ => return None,
        }
    }
    ((7..=15).contains(&digits) && !is_date(t)).then_some(start..start + t.len())
}

/// Nine digits that can be a US social security number: not area 000, 666 or 9xx, not
/// group 00, not serial 0000 (never issued).
pub fn ssn_ok(nine: &str) -> bool {
    let part = |r: Range<usize>| nine.get(r).unwrap_or_default();
    let (area, group, serial) = (part(0..3), part(3..5), part(5..9));
    nine.len() == 9
        && nine.bytes().all(|b| b.is_ascii_digit())
        && !(area == "000" || area == "666" || area.starts_with('9') || group == "00" || serial == "0000")
}

/// The whole of `text` (normalised) as a US social security number with nothing else in
/// it: nine digits, or three, two and four digits with one `-`, `.` or space between
/// the groups. Only an SSN-like member name makes a bare nine-digit string one
/// (`"ssn": "078051120"`); alone, nine digits are any number.
pub fn whole_ssn(text: &str) -> Option<Range<usize>> {
    let space = |c: char| c.is_ascii_whitespace();
    let start = text.len() - text.trim_start_matches(space).len();
    let t = text.trim_matches(space);
    let b = t.as_bytes();
    let digits: String = match b.len() {
        9 => t.to_owned(),
        11 if matches!(b.get(3), Some(b'-' | b'.' | b' ')) && b.get(6) == b.get(3) => {
            [t.get(0..3), t.get(4..6), t.get(7..11)].into_iter().flatten().collect()
        }
        _ => return None,
    };
    ssn_ok(&digits).then_some(start..start + t.len())
}

/// Whether the first two octets open a private or link-local IPv4 range that no count
/// grouped by dots opens in prose: 192.168, 172.16-172.31 (RFC 1918), 169.254 (RFC 3927).
/// (10 and 127 are left out: `10.000.000.000` is ten billion.)
fn private_prefix(octets: &[&str]) -> bool {
    let n = |i: usize| octets.get(i).and_then(|o| o.parse::<u16>().ok());
    matches!((n(0), n(1)), (Some(192), Some(168)) | (Some(169), Some(254)) | (Some(172), Some(16..=31)))
}

/// `YYYY-MM-DD` (or `.`, `/`) in 1900-2099: a date under a phone-like name
/// (`phone_verified_at`), not a number.
fn is_date(t: &str) -> bool {
    // only digits and separators reach here (`whole_phone`)
    let b = t.as_bytes();
    let num = |r: Range<usize>| t.get(r).and_then(|s| s.parse::<u32>().ok());
    let sep = b.get(4).filter(|s| matches!(s, b'-' | b'.' | b'/'));
    b.len() == 10
        && sep.is_some()
        && b.get(7) == sep
        && num(0..4).is_some_and(|y| (1900..2100).contains(&y))
        && num(5..7).is_some_and(|m| (1..=12).contains(&m))
        && num(8..10).is_some_and(|d| (1..=31).contains(&d))
}

/// Every finding in `text` (already normalised), in text order. `Err` when the
/// detectors could not be built.
pub fn scan(text: &str) -> Result<Vec<PiiHit>, &'static str> {
    let mut hits = Vec::new();
    if text.bytes().any(|b| matches!(b, b'@' | b'%' | b'&')) {
        emails(text, &mut hits);
    }
    written_out_emails(text, &mut hits);
    // Every other detector needs a digit; most strings of a large bundle have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Ok(hits);
    }
    let p = patterns()?;
    let matched = p.set.matches(text);
    if !matched.matched_any() {
        return Ok(hits);
    }
    let re = |i: usize| p.each.get(i).filter(|_| matched.matched(i));
    for c in re(IPV4).into_iter().flat_map(|r| r.captures_iter(text)) {
        let Some(m) = c.get(0) else { continue };
        if glued_before(text, m.start())
            || glued_after(text, m.end())
            || longer_dotted(text, &m.range())
            || after_version_word(text, m.start())
        {
            continue;
        }
        // octets as an address writes them: 0-255; "1.000.000.000" is a count, so a
        // leading zero rules an address out when every later group has three digits,
        // as thousands grouping does ("203.0.113.042" is still an address), and the first
        // group has none: no count is written "010.000.000.001", a zero-padded address
        // ("192.168.001.001" is an address too: a private or link-local range's first two
        // octets, 192.168, 172.16-31, 169.254, open no count a bundle writes, and the grouped
        // counts of honest prose are round, "1.000.000.000")
        let octets: Vec<&str> = (1..=8).filter_map(|i| c.get(i).map(|o| o.as_str())).collect();
        let padded_first = octets.first().is_some_and(|o| o.len() > 1 && o.starts_with('0'));
        let grouped = !padded_first && !private_prefix(&octets) && octets.iter().skip(1).all(|o| o.len() == 3);
        let octets_ok = octets.len() == 4
            && octets
                .iter()
                .all(|s| !(grouped && s.len() > 1 && s.starts_with('0')) && s.parse::<u16>().is_ok_and(|v| v <= 255));
        if octets_ok {
            hits.push(PiiHit { kind: PiiKind::Ip, span: m.range(), what: "an IPv4 address" });
        }
    }
    let base = settled(&mut hits);
    for m in re(IPV6).into_iter().flat_map(|r| r.find_iter(text)) {
        if glued_before(text, m.start()) {
            continue;
        }
        let s = m.as_str();
        let groups = s.split(':').filter(|g| !g.is_empty()).count();
        if groups >= 3 && s.parse::<Ipv6Addr>().is_ok() && !overlaps(&hits, base, &m.range()) {
            hits.push(PiiHit { kind: PiiKind::Ip, span: m.range(), what: "an IPv6 address" });
        }
    }
    for m in re(CARD).into_iter().flat_map(|r| r.find_iter(text)) {
        let digits: String = m.as_str().chars().filter(|c| c.is_ascii_digit()).collect();
        if card_ok(&digits) && !glued_before(text, m.start()) && !longer_dotted(text, &m.range()) {
            hits.push(PiiHit { kind: PiiKind::Card, span: m.range(), what: "a payment card number (Luhn-valid)" });
        }
    }
    for m in re(IBAN).into_iter().flat_map(|r| r.find_iter(text)) {
        if iban_ok(m.as_str()) && !glued_before(text, m.start()) && !glued_after(text, m.end()) {
            hits.push(PiiHit {
                kind: PiiKind::Card,
                span: m.range(),
                what: "a bank account number (IBAN, checksum-valid)",
            });
        }
    }
    let base = settled(&mut hits);
    for m in re(SSN).into_iter().flat_map(|r| r.find_iter(text)) {
        // the last nine digits: area, group, serial
        let digits: Vec<char> = m.as_str().chars().filter(char::is_ascii_digit).collect();
        let nine = digits.get(digits.len().saturating_sub(9)..).unwrap_or_default();
        if !ssn_ok(&nine.iter().collect::<String>()) {
            continue;
        }
        if glued_before(text, m.start()) || glued_after(text, m.end()) || overlaps(&hits, base, &m.range()) {
            continue;
        }
        hits.push(PiiHit { kind: PiiKind::NationalId, span: m.range(), what: "a US social security number" });
    }
    for c in re(NINO).into_iter().flat_map(|r| r.captures_iter(text)) {
        let Some(m) = c.get(0) else { continue };
        let prefix = c.get(1).map(|g| g.as_str().to_ascii_uppercase()).unwrap_or_default();
        if ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(&prefix.as_str()) {
            continue;
        }
        hits.push(PiiHit { kind: PiiKind::NationalId, span: m.range(), what: "a UK National Insurance number" });
    }
    for i in [PHONE_INTL, PHONE_NANP, PHONE_NATIONAL] {
        let base = settled(&mut hits);
        for m in re(i).into_iter().flat_map(|r| r.find_iter(text)) {
            let digits = m.as_str().chars().filter(|c| c.is_ascii_digit()).count();
            let range = if i == PHONE_NATIONAL { 10..=11 } else { 7..=15 };
            if !range.contains(&digits) || overlaps(&hits, base, &m.range()) {
                continue;
            }
            if glued_before(text, m.start()) || glued_after(text, m.end()) || longer_dotted(text, &m.range()) {
                continue;
            }
            hits.push(PiiHit { kind: PiiKind::Phone, span: m.range(), what: "a phone number" });
        }
    }
    for m in re(SEED).into_iter().flat_map(|r| r.find_iter(text)) {
        if !amount_after(text.get(m.end()..).unwrap_or_default()) && integral_after_mark(m.as_str()) {
            hits.push(PiiHit { kind: PiiKind::Seed, span: m.range(), what: "a run seed" });
        }
    }
    let base = settled(&mut hits);
    for m in re(PARAMS).into_iter().flat_map(|r| r.find_iter(text)) {
        // one finding for one string's parameters
        if !overlaps(&hits, base, &m.range()) {
            hits.push(PiiHit { kind: PiiKind::Params, span: m.range(), what: "algorithm parameters" });
            break;
        }
    }
    hits.sort_by_key(|h| h.span.start);
    Ok(hits)
}

/// Whether `r` overlaps a hit of an earlier detector: one of the first `base` hits,
/// which are sorted by start (see `settled`). Only the few hits that start just before
/// `r` can reach into it, so a string with thousands of hits costs a binary search per
/// candidate, not a rescan.
fn overlaps(hits: &[PiiHit], base: usize, r: &Range<usize>) -> bool {
    let hits = hits.get(..base).unwrap_or(hits);
    let i = hits.partition_point(|h| h.span.start < r.end);
    hits.get(..i).unwrap_or_default().iter().rev().take(8).any(|h| r.start < h.span.end)
}

/// Sorts the hits so far and says how many there are: the candidates of the next
/// detector are checked against these (its own matches never overlap each other).
fn settled(hits: &mut [PiiHit]) -> usize {
    hits.sort_by_key(|h| h.span.start);
    hits.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<PiiKind> {
        let n = crate::audit::normalize::normalize_digits(t);
        scan(n.text()).unwrap_or_default().into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn the_detectors_compile() {
        assert_eq!(warm_up(), Ok(()));
    }

    #[test]
    fn finds() {
        use PiiKind::*;
        for (t, k) in [
            ("Questions to jane.doe@example.com", Email),
            ("Support line +1 415 555 0100", Phone),
            ("Support line (415) 555-0100", Phone),
            ("call 415-555-0100 now", Phone),
            ("Uploaded from 203.0.113.42", Ip),
            ("Uploaded from 2001:db8::8a2e:370:7334", Ip),
            ("Billed to 4111 1111 1111 1111", Card),
            ("Billed to 4111-1111-1111-1111.", Card),
            // attacker pass 6: wider separators between the groups
            ("Billed to 4111  1111  1111  1111", Card),
            ("Billed to 4111 - 1111 - 1111 - 1111", Card),
            ("Billed to 4111\t1111\t1111\t1111", Card),
            ("Billed to 4111 -1111-  1111 \t 1111", Card),
            ("Amex 3782  822463  10005", Card),
            ("Card 4111  1111  1111  1111  110", Card),
            ("Operator SSN 123-45-6789", NationalId),
            ("Operator NI number AB 12 34 56 C", NationalId),
            ("IP:203.0.113.42", Ip),
            ("203.0.113.42:443", Ip),
            ("http://203.0.113.42:8080/upload", Ip),
            ("Client ::ffff:203.0.113.42", Ip),
            ("Call tel:+14155550100", Phone),
            ("Card:4111111111111111", Card),
            ("test_card = 4111_1111_1111_1111", Card),
            ("Card 4111.1111.1111.1111", Card),
            ("SSN:123-45-6789", NationalId),
            ("Contact j\u{fc}rgen.m\u{fc}ller@example.de", Email),
            ("Contact ops@b\u{fc}cher.example", Email),
            ("mailto:jane.doe@example.com", Email),
            ("Support line 020 7946 0958", Phone),
            ("Support line 415 555 0100", Phone),
            ("jane.doe@exam\u{200b}ple.com", Email),
            (
                "\u{ff0b}\u{ff11} \u{ff14}\u{ff11}\u{ff15} \u{ff15}\u{ff15}\u{ff15} \u{ff10}\u{ff11}\u{ff10}\u{ff10}",
                Phone,
            ),
            ("Reproduce with seed=1234", Seed),
            ("random_state: 42", Seed),
            ("Model: xgboost(max_depth=6, eta=0.3)", Params),
            ("tuned with learning_rate=0.05", Params),
            // issue 8 review: forms the first detectors let through
            ("Contact jane@example\u{3002}com", Email),
            ("Feedback: mailto:jane%40example.com", Email),
            // written out so that a search for `@` misses it
            ("contact jane [at] example [dot] com", Email),
            ("contact jane(at)example.com", Email),
            ("contact JANE [AT] EXAMPLE [DOT] COM", Email),
            ("contact jane{at}example{dot}co{dot}uk", Email),
            ("contact jane <at> example <dot> org", Email),
            ("contact jane at example dot com", Email),
            ("contact jane.doe at example dot co dot uk", Email),
            ("contact jane@example (dot) com", Email),
            ("contact jane @ example.com", Email),
            ("contact jane [@] example.com", Email),
            ("contact jane at example [dot] io", Email),
            ("contact jane [ at ] example [ dot ] com", Email),
            ("contact jane @ example . com", Email),
            ("contact jane [at] example . co . uk", Email),
            // bank account numbers
            ("Paid from DE89 3704 0044 0532 0130 00", Card),
            ("Paid from DE89370400440532013000", Card),
            ("Paid from GB82 WEST 1234 5698 7654 32", Card),
            ("Paid from gb82west12345698765432", Card),
            ("IBAN: FR14 2004 1010 0505 0001 3M02 606", Card),
            ("IBAN NO93 8601 1117 947", Card),
            ("IBAN GB82-WEST-1234-5698-7654-32", Card),
            ("IBAN BE71 0961 2345 6769", Card),
            ("IBAN DE89 3704 0044 0532 0130 00", Card),
            // the local part runs back over a sign before it, as it always did
            ("Contact jane.doe%40%40example.com", Email),
            // atk-claims: HTML character references of `@`, displayed as `@` wherever the
            // text is rendered as HTML
            ("Contact jane&#64;example.com", Email),
            ("Contact jane&#x40;example.com", Email),
            ("Contact jane&commat;example.com", Email),
            ("Contact jane.doe&#064;example.co.uk", Email),
            ("Contact jane&#64;example&#46;com", Email),
            ("Contact jane@example&period;co&#x2E;uk", Email),
            ("Uploaded from 203.0.113.042", Ip),
            ("Call 0049 30 12345678", Phone),
            ("Call 030 1234567", Phone),
            ("Call 07700 900123", Phone),
            ("Call 06 12 34 56 78", Phone),
            ("SSN 123 45 6789", NationalId),
            ("SSN: 123456789", NationalId),
            ("NI ab123456c", NationalId),
            ("Reproduce with seed 1234", Seed),
            // a leftover of the third pass: a prefix, an abbreviation of "number", and an
            // EC2 host name that spells its address with dashes
            ("The generator was reseeded with 42.", Seed),
            ("Use seed no. 42 to reproduce", Seed),
            ("seed No 42", Seed),
            ("seed nr. 42", Seed),
            ("worker ip-203-0-113-42.ec2.internal", Ip),
            ("host ec2-203-0-113-42.compute-1.amazonaws.com", Ip),
            ("IP-10-0-0-1", Ip),
            ("run with --seed 1234", Seed),
            ("np.random.seed(42)", Seed),
            ("torch.manual_seed(42)", Seed),
            ("set_seed(42)", Seed),
            ("RandomState(42)", Seed),
            ("config {\"seed\": 1234}", Seed),
            ("seed=\"1234\"", Seed),
            ("max_depth: 6", Params),
            ("{'max_depth': 6, 'eta': 0.3}", Params),
            ("lr=0.001", Params),
            ("--max-depth 6", Params),
            // attacker pass 7: digits of other scripts (Unicode Nd), read as 0-9
            ("Billed to \u{664}\u{661}\u{661}\u{661} \u{661}\u{661}\u{661}\u{661} \u{661}\u{661}\u{661}\u{661} \u{661}\u{661}\u{661}\u{661}", Card),
            ("Billed to 4111 \u{661}\u{661}\u{661}\u{661} \u{6f1}\u{6f1}\u{6f1}\u{6f1} \u{967}\u{967}\u{967}\u{967}", Card),
            ("Operator SSN \u{6f1}\u{6f2}\u{6f3}-\u{6f4}\u{6f5}-\u{6f6}\u{6f7}\u{6f8}\u{6f9}", NationalId),
            ("Uploaded from \u{968}\u{966}\u{969}.\u{966}.\u{967}\u{967}\u{969}.\u{96a}\u{968}", Ip),
            ("Support line +\u{9e7} \u{9ea}\u{9e7}\u{9eb} \u{9eb}\u{9eb}\u{9eb} \u{9e6}\u{9e7}\u{9e6}\u{9e6}", Phone),
        ] {
            assert_eq!(kinds(t), vec![k], "{t}");
        }
    }

    /// An address `emails` found is not found again as written out, wherever it stands
    /// among the written-out ones.
    #[test]
    fn a_written_out_address_over_a_plain_one_is_one_finding() {
        for t in [
            "contact jane [at] example [dot] com and bob@example.com [dot] uk",
            "contact bob@example.com [dot] uk and jane [at] example [dot] com",
        ] {
            assert_eq!(kinds(t), vec![PiiKind::Email, PiiKind::Email], "{t}");
        }
    }

    #[test]
    fn does_not_find() {
        for t in [
            "Batch 4111 1111 1111 1112",
            "Batch 4111  1111  1111  1112",
            // groups of `_` or `.`: not Luhn-valid, glued to a word, mixed separators, or
            // part of a longer dotted number
            "Batch 4111_1111_1111_1112",
            "run_4111_1111_1111_1111",
            "Batch 4111_1111.1111_1111",
            "Build 1.4111.1111.1111.1111",
            // an IBAN's shape with a wrong check, or no registered country
            "Paid from GB83 WEST 1234 5698 7654 32",
            "Build ZZ82 WEST 1234 5698 7654 32",
            // OpenPGP long key IDs that pass the check: BE's account numbers are 16
            // characters of digits, DE's 22
            "key BE12A9F3C0D7E068",
            "key DE44A9F3C0D7E041",
            "key BE12 A9F3 C0D7 E068",
            // prose near the written-out forms of an address
            "available at huggingface.co",
            "scores at inference dot products",
            "trained at scale dot by dot",
            "published at example.com (see docs)",
            "peak at 16.5 GB at 1M scale",
            "at [at] (at) {at} at dot at dot at",
            "meet @ the office",
            "we ran it at home . In total",
            "peak at 16 . 5 GB",
            "tag @ v2.0",
            "R&D&amp;QA at example&#46;com, &#64;home, &commat; 16.5 GB",
            "Rows 41  11  11  11  11  11  11  11",
            "4111 -- 1111 -- 1111 -- 1111",
            "4111         1111         1111         1111",
            "2025-08-10T12:00:00Z",
            "2.0.0",
            "Enterprise-scale synthetic data generation with proven efficiency and quality",
            "1 billion records generated successfully",
            "Peak usage only 185.58 MB at 1B scale",
            "50,522 records/sec average generation speed",
            "1,000,000,000 synthetic records",
            "1.000.000.000 records",
            "1 000 000 000 records",
            "Completed in 5h 29m (vs expected 8-12 hours)",
            "use std::fs::read in Rust",
            "a3f1e2d4c5b6a7980123456789abcdef0123456789abcdef0123456789abcdef",
            "SSN 000-12-3456 and 666-12-3456 are never issued",
            "version 10.0.0.1234",
            "ratio 0.0000245 per record",
            "aa:bb:cc:dd:ee:ff",
            "build 1.2.3.4.5",
            "arn:aws:kms:eu-west-1:111122223333:key/0a0b0c0d-aeb0-4000-8000-a0d17f1c7e51",
            "München-日本-52999",
            "Seeded from production data",
            "f(x) = 2x + 1",
            "ETA: 5 minutes",
            "the seed stage took 3 hours",
            "Seeds of doubt",
            "Reference 0301 2345",
            "Run 0 12 34 56 78 ids",
            "fingerprint 0012345678901234ABCDEF0123456789ABCDEF01",
            "1.000.000.000 records and 100.000.000 rows",
            "Model parameters withheld; learning rate schedule withheld",
            "Batch \u{664}\u{661}\u{661}\u{661} \u{661}\u{661}\u{661}\u{661} \u{661}\u{661}\u{661}\u{661} \u{661}\u{661}\u{661}\u{662}",
            "\u{661}\u{660}\u{660}\u{660} \u{633}\u{62c}\u{644}",
        ] {
            assert_eq!(kinds(t), vec![], "{t}");
        }
    }

    /// Seeds the attacker pass wrote past the detector, and prose that must stay clean:
    /// "seed" (a word, or the end of an identifier) then at most six links (`=`, `:`,
    /// brackets, quotes, `#`, `->`, `=>`, `is`, `was`, `set to`, `of`, `value`, ...) then
    /// an integer that is not an amount.
    #[test]
    fn seeds_in_prose_and_code() {
        for t in [
            "PYTHONHASHSEED=1234",
            "export PYTHONHASHSEED=0",
            "seed\n1234",
            "seed\r\n1234",
            "seed -> 1234",
            "seed => 1234",
            "seed <- 1234",
            "set.seed <- 42",
            "seed := 1234",
            "seed was set to 1234",
            "seed is 1234",
            "seed of 1234",
            "The random seed was fixed at 42.",
            "seed value: 42",
            "seed number 42",
            "seed #42",
            "seeds: [1, 2, 3]",
            "seed_1=42",
            "seed.1=42",
            "Reproduce with seed.1 = 42",
            "random_seed.2: 9",
            "prng_state=42",
            "torch.cuda.rng_state = 7",
            "rng key: 7",
            "jax.random.PRNGKey(42)",
            "seeds_list = [1, 2]",
            "seed list: 3",
            "SEED_0: 7",
            "random_seed2 = 9",
            "seed equal to 3",
            "seed is -1",
            "seed: 0x1f",
            "sklearn_random_state=42",
            "--random-seed 42",
            "Seed\u{a0}=\u{a0}42",
            "\u{ff53}\u{ff45}\u{ff45}\u{ff44}=42",
            "d\u{e9}j\u{e0} seed=42 \u{65e5}\u{672c}",
            // seed names that were read as member names only, and numpy's seeding calls
            "seed_value = 42",
            "random_seed_value: 7",
            "seed_number=3",
            "rng = np.random.default_rng(42)",
            "np.random.SeedSequence(12345)",
            // signed, grouped with underscores, in an XML element
            "seed=+42",
            "seed: 4_2",
            "<seed>42</seed>",
            "<random_state value=\"fixed\">7</random_state>",
        ] {
            assert_eq!(kinds(t), vec![PiiKind::Seed], "{t:?}");
        }
        for t in [
            "seed-stage funding of 2 million",
            "seed of 2 million",
            "seed funding of 3.5 million",
            "seed is 0.5",
            "seeds were 3% of the sample",
            "seeds were removed in 3 steps",
            "seed round: 2 million",
            "the seed for this run was withheld in 2025",
            "seeds at 3 sites",
            "seed-42",
            "seeds > 3 mm were kept",
            "<seedling>4</seedling>",
            "seed round of +3 million",
            "seed42 runs",
            "seeded 3 times",
            "seedling 3",
            "see seed.txt and figure seed.2 for the seed stage. 1234 rows were kept",
            "seed.1.2 = 3",
            "strings 3",
            "the state is 3",
            "rng: PCG64 of 2 streams",
            "a seed, 3 of them",
            "\u{e9}seed \u{e9}",
            "np.random.default_rng() from fresh entropy, 3 streams",
            "a seed sequence of 3 steps",
            "seed_value_description 3",
        ] {
            assert_eq!(kinds(t), vec![], "{t:?}");
        }
    }

    /// A phone number written as a string with nothing else in it (`redaction::Scan`
    /// holds it a phone number only under a phone-like name).
    #[test]
    fn whole_phone_strings() {
        for t in [
            "4155550100",
            "+14155550100",
            "415.555.0100",
            "(415) 555-0100",
            " 415 5550100 ",
            "030/1234567",
            "5550100",
            "555-0100",
            "+44 20 7946 0958",
            "123456789012345",
        ] {
            let n = crate::audit::normalize::normalize(t);
            let span = whole_phone(n.text());
            assert!(span.is_some(), "{t:?}");
            assert_eq!(span.and_then(|s| n.text().get(s)), Some(t.trim()), "{t:?}");
        }
        // full-width digits are read after normalisation
        let n = crate::audit::normalize::normalize(
            "\u{ff14}\u{ff11}\u{ff15}\u{ff15}\u{ff15}\u{ff15}\u{ff10}\u{ff11}\u{ff10}\u{ff10}",
        );
        assert!(whole_phone(n.text()).is_some());
        for t in [
            "",
            "call me",
            "withheld",
            "555-010",
            "1234567890123456",
            "2025-08-10",
            "2025/08/10",
            "ext. 4155550100",
            "4155550100 (office)",
            "4155550100.",
            "-4155550100",
            "+",
            "++4155550100",
            "41555501\u{e9}00",
            "\u{0664}\u{0661}\u{0665}\u{0665}\u{0665}\u{0665}\u{0660}\u{0661}\u{0660}\u{0660}",
        ] {
            assert_eq!(whole_phone(t), None, "{t:?}");
        }
    }

    /// A string that is an SSN and nothing else (`redaction::Scan` holds it one only
    /// under an SSN-like name).
    #[test]
    fn whole_ssn_strings() {
        for t in ["078051120", " 078051120 ", "078-05-1120", "078 05 1120", "078.05.1120"] {
            assert!(whole_ssn(t).is_some(), "{t:?}");
        }
        for t in [
            "",
            "withheld",
            "07805112",
            "0780511200",
            "000051120",
            "666051120",
            "900051120",
            "078001120",
            "078050000",
            "078-05.1120",
            "078-051-120",
            "SSN 078051120",
            "07805112a",
            "\u{e9}78051120",
        ] {
            assert_eq!(whole_ssn(t), None, "{t:?}");
        }
        assert!(ssn_ok("078051120") && !ssn_ok("78051120") && !ssn_ok("07805112x"));
    }

    #[test]
    fn luhn_check() {
        assert!(luhn("4111111111111111"));
        assert!(!luhn("4111111111111112"));
        assert!(luhn("378282246310005"));
        assert!(number_is_card("4111111111111111"));
        assert!(!number_is_card("1234567"));
    }
}
