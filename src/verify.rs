//! The pipeline: read, integrity, signatures, schema and audit; then the verdict. Each
//! stage only adds findings to the outcome; nothing here prints.

use crate::audit::facts::Facts;
use crate::finding::{Outcome, Severity};
use crate::integrity::{self, Digest256};
use crate::marketplace::Statements;
use crate::options::{Options, Profile};
use crate::read::Document;
use crate::read::{self, locate_all, positions};
use crate::rules::Section;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Verified,
    Rejected,
}

/// Everything known about one bundle after verification.
#[derive(Debug)]
pub struct BundleReport {
    /// As the user named it (`-` for standard input).
    pub name: String,
    pub outcome: Outcome,
    pub digest: Option<Digest256>,
    /// One row per signature found, for the Signatures table.
    pub signatures: Vec<crate::signatures::SigRow>,
    /// Sections that did not run, and why (e.g. the bundle could not be read).
    pub skipped_sections: Vec<(Section, String)>,
    pub verdict: Verdict,
    /// Size and SHA-256 of the input's bytes as read, for the record of the audit
    /// (None when the bytes were not read, e.g. over --max-bytes).
    pub input: Option<InputDigest>,
}

/// What identifies the input a verdict was reached on.
#[derive(Debug, Clone, Serialize)]
pub struct InputDigest {
    pub bytes: u64,
    /// None when no report of the run shows it (`Options::input_hash`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

impl BundleReport {
    /// Findings of severity `s`, those past a rule's cap included.
    pub fn count(&self, s: Severity) -> usize {
        self.outcome.findings.iter().filter(|f| f.severity == s).map(crate::finding::Finding::counts_for).sum()
    }
}

/// Inputs at least this large have their bytes hashed (for the record of the audit) on
/// another thread while they are parsed, and their payload hashed on a third as it is
/// read (`integrity::read_hashing`): on a 10 MB bundle each hash was a tenth to a fifth
/// of the work, and a thread costs tens of microseconds.
const HASH_ASIDE_FROM: usize = 1 << 20;

/// Statements (the marketplace profile's strings) at least this long in all are read on
/// another thread while the claims are: a 3 MB statement takes about a fifth of a second
/// to read, a thread tens of microseconds; the seed's statements are a few hundred bytes.
const STATEMENTS_ASIDE_FROM: usize = 64 << 10;

pub fn verify(name: &str, bytes: impl Into<read::Source>, opts: &Options) -> BundleReport {
    let mut outcome = Outcome::with_texts(opts.texts);
    let source: read::Source = bytes.into();
    let within = source.len() as u64 <= opts.limits.max_bytes;
    let aside = (opts.input_hash && within && source.len() >= HASH_ASIDE_FROM).then(|| {
        let bytes = source.clone();
        std::thread::spawn(move || integrity::sha256_hex(&bytes))
    });
    let (read, streamed) = if source.len() >= HASH_ASIDE_FROM {
        integrity::read_hashing(source, &opts.limits)
    } else {
        (read::read(source, &opts.limits), None)
    };
    let unchecked = read.unchecked_rules();
    for rule in read::diags::RULES {
        match read.stopped_by {
            Some(stop) if unchecked.iter().any(|r| std::ptr::eq(*r, *rule)) => {
                outcome.skip(rule, format!("not checked: reading stopped at the first {} error", stop.id));
            }
            _ => outcome.mark(rule),
        }
    }
    outcome.extend(Outcome::of_findings(read.findings.clone()));
    let mut digest = None;
    let mut signatures = Vec::new();
    let mut skipped_sections = Vec::new();
    match &read.document {
        Some(doc) => {
            std::thread::scope(|scope| {
                // long statements are read on another thread from here on: while the
                // payload's hash is checked (a mismatch diagnosed), then while the claims
                // are read; only where the audit stages will run (the schema's first test)
                let market = opts.profile == Profile::Marketplace && opts.read_aside;
                let aside = (market && crate::schema::supported(doc) && Statements::size(doc) >= STATEMENTS_ASIDE_FROM)
                    .then(|| scope.spawn(|| Statements::read(doc)));
                let (checked, hashed) = integrity::check(doc, streamed, &mut outcome);
                digest = Some(checked);
                signatures = crate::signatures::check_hashed(doc, opts, hashed.as_ref(), &mut outcome);
                audit_stages(doc, opts, &mut outcome, &mut skipped_sections, aside);
            });
            crate::context::check(doc, name, opts, &mut outcome);
        }
        None => skipped_sections = unread_sections(),
    }
    crate::overrides::apply(&mut outcome, &opts.overrides);
    crate::finding::name_the_rest(&mut outcome.findings);
    if opts.positions {
        resolve_positions(&mut outcome, read.source(), read.document.as_ref());
    }
    outcome.findings.sort_by_key(|f| (f.rule.section, std::cmp::Reverse(f.severity), f.offset));
    let verdict = verdict(&outcome, opts);
    let source = read.source();
    // Over the size limit only the first bytes were read (a stream, to one byte past the
    // limit): their size and hash are not the input's, and none is claimed (a piped
    // bundle's report gave the hash of its first 1,001 bytes as the input's).
    let input = within.then(|| {
        let sha256 = match aside.map(std::thread::JoinHandle::join) {
            Some(Ok(hex)) => Some(hex),
            _ => opts.input_hash.then(|| integrity::sha256_hex(source)),
        };
        InputDigest { bytes: source.len() as u64, sha256 }
    });
    BundleReport { name: name.to_owned(), outcome, digest, signatures, skipped_sections, verdict, input }
}

/// Schema, consistency, claims, and the profiles' requirements.
/// `aside`: the statements being read on another thread, if they are long (the two
/// readers share nothing, and each costs about as much as the other).
fn audit_stages(
    doc: &Document,
    opts: &Options,
    outcome: &mut Outcome,
    skipped: &mut Vec<(Section, String)>,
    aside: Option<std::thread::ScopedJoinHandle<'_, Statements>>,
) {
    if !crate::schema::check(doc, outcome) {
        for s in [Section::Consistency, Section::Claims, Section::Redaction, Section::Marketplace] {
            skipped.push((s, "unsupported version".to_owned()));
        }
        unjudged_profile(opts.profile, outcome);
        return;
    }
    let facts = Facts::new(doc);
    crate::audit::check(&facts, opts, outcome);
    crate::claims::check(&facts, opts, outcome);
    if opts.profile != Profile::None {
        crate::redaction::check(doc, opts, outcome);
    }
    if opts.profile == Profile::Marketplace {
        // a thread that did not finish leaves each statement to be read in the check
        let read = aside.and_then(|h| h.join().ok()).unwrap_or_default();
        crate::marketplace::check(doc, &facts, &read, outcome);
    }
    if opts.profile == Profile::None {
        skipped.push((Section::Redaction, "no --profile public or marketplace".to_owned()));
    }
    if opts.profile != Profile::Marketplace {
        skipped.push((Section::Marketplace, "no --profile marketplace".to_owned()));
    }
}

/// A profile's requirements are not met by a bundle they cannot be judged on (a version
/// this tool does not read): the finding that stopped them breaks each, so that no
/// override lowers it and the checklist fails them. Before, `--profile public --allow
/// schema.unsupported-version` verified a bundle whose redaction nobody had checked.
fn unjudged_profile(profile: Profile, outcome: &mut Outcome) {
    let requirements: Vec<&'static crate::rules::Rule> = match profile {
        Profile::None => return,
        Profile::Public => crate::redaction::diags::RULES.to_vec(),
        Profile::Marketplace => {
            crate::redaction::diags::RULES.iter().chain(crate::marketplace::diags::RULES).copied().collect()
        }
    };
    let name = match profile {
        Profile::Marketplace => "marketplace",
        _ => "public",
    };
    let unsupported = &crate::schema::diags::UNSUPPORTED_VERSION;
    for f in outcome.findings.iter_mut().filter(|f| std::ptr::eq(f.rule, unsupported)) {
        f.message.push_str(&format!("; the requirements of --profile {name} cannot be judged on it, so none is met"));
        f.breaks.extend(requirements.iter().copied());
    }
}

/// A report for a bundle whose bytes are not available (the file was too large to
/// read into memory, say): only a reading finding to show.
pub fn rejected_unread(name: &str, finding: crate::finding::Finding) -> BundleReport {
    let mut outcome = Outcome::default();
    for rule in read::diags::RULES.iter().filter(|r| !std::ptr::eq(**r, finding.rule)) {
        outcome.skip(rule, format!("not checked: the bundle was not read ({})", finding.rule.id));
    }
    outcome.push(finding);
    let skipped_sections = unread_sections();
    BundleReport {
        name: name.to_owned(),
        outcome,
        digest: None,
        signatures: Vec::new(),
        skipped_sections,
        verdict: Verdict::Rejected,
        input: None,
    }
}

/// Every section after reading, skipped because the bundle could not be read.
fn unread_sections() -> Vec<(Section, String)> {
    Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Reading)
        .map(|s| (s, "the bundle could not be read".to_owned()))
        .collect()
}

fn verdict(outcome: &Outcome, opts: &Options) -> Verdict {
    let worst = outcome.worst();
    let rejected = worst == Some(Severity::Error) || (opts.strict && worst == Some(Severity::Warning));
    if rejected {
        Verdict::Rejected
    } else {
        Verdict::Verified
    }
}

/// Line and column of every finding, in two passes over the source whatever the number
/// of findings: one walk that finds all pointers (each top-level member entered from
/// its known offset, so a finding under `signatures` does not walk the whole bundle),
/// one pass that turns all offsets into lines and columns.
fn resolve_positions(outcome: &mut Outcome, source: &[u8], doc: Option<&Document>) {
    use std::collections::HashMap;
    let todo: Vec<usize> = (0..outcome.findings.len())
        .filter(|&i| outcome.findings.get(i).is_some_and(|f| f.position.is_none() || f.excerpt.is_none()))
        .collect();
    let mut offsets: Vec<Option<usize>> =
        todo.iter().map(|&i| outcome.findings.get(i).and_then(|f| f.offset)).collect();
    // Pointers to walk, grouped by where the walk starts: a top-level member's value,
    // or the top of the document.
    let members: HashMap<&str, usize> =
        doc.map(|d| d.members().iter().map(|m| (m.name.as_str(), m.offset)).collect()).unwrap_or_default();
    let mut groups: HashMap<usize, Vec<(usize, String)>> = HashMap::new();
    for (k, &i) in todo.iter().enumerate() {
        let Some(f) = outcome.findings.get(i) else { continue };
        if offsets.get(k).is_some_and(Option::is_some) {
            continue;
        }
        let (start, rest) = match crate::finding::split_top(&f.pointer) {
            Some((name, rest)) if members.contains_key(name.as_ref()) => {
                (members.get(name.as_ref()).copied().unwrap_or(0), rest.to_owned())
            }
            _ => (0, f.pointer.clone()),
        };
        groups.entry(start).or_default().push((k, rest));
    }
    for (start, items) in groups {
        let pointers: Vec<&str> = items.iter().map(|(_, p)| p.as_str()).collect();
        let found = locate_all(source.get(start..).unwrap_or_default(), &pointers);
        for ((k, _), at) in items.iter().zip(found) {
            if let Some(slot) = offsets.get_mut(*k) {
                *slot = at.map(|a| a + start);
            }
        }
    }
    let known: Vec<(usize, usize)> = todo.iter().zip(&offsets).filter_map(|(&i, o)| o.map(|o| (i, o))).collect();
    let lines = positions(source, &known.iter().map(|&(_, o)| o).collect::<Vec<_>>());
    for ((i, o), p) in known.into_iter().zip(lines) {
        if let Some(f) = outcome.findings.get_mut(i) {
            if f.position.is_none() {
                f.position = Some(p);
            }
            f.excerpt = excerpt(source, o);
        }
    }
}

/// Bytes of a line shown on either side of the spot: enough for any pretty-printed
/// line, and a bounded cost on a minified bundle that is one long line.
const WINDOW: usize = 240;

/// The line around `offset` (a window of it when long) and the token starting there;
/// None when `offset` is past the end.
fn excerpt(source: &[u8], offset: usize) -> Option<crate::finding::Excerpt> {
    let floor = offset.saturating_sub(WINDOW);
    let ceil = offset.saturating_add(WINDOW).min(source.len());
    // The line as positions count it: after the last line end before the spot (a
    // carriage return alone ends one, read::ends_line), up to the next CR or LF.
    let start = (floor..offset).rev().find(|&i| crate::read::ends_line(source, i)).map_or(floor, |i| i + 1);
    let end = source.get(offset..ceil)?.iter().position(|&b| b == b'\n' || b == b'\r').map_or(ceil, |i| offset + i);
    // Cut on char boundaries: skip continuation bytes at the window's edges.
    let start = (start..offset).find(|&i| source.get(i).is_some_and(|b| (b & 0xC0) != 0x80)).unwrap_or(offset);
    let end = (offset..=end).rev().find(|&i| source.get(i).is_none_or(|b| (b & 0xC0) != 0x80)).unwrap_or(end);
    let before = String::from_utf8_lossy(source.get(start..offset)?);
    let spot = source.get(offset..end)?;
    let token = spot.get(..token_len(spot))?;
    let text = String::from_utf8_lossy(source.get(start..end)?).into_owned();
    let col = before.chars().count();
    let len = String::from_utf8_lossy(token).chars().count().max(1);
    Some(crate::finding::Excerpt {
        clipped_start: start > 0 && !crate::read::ends_line(source, start - 1),
        clipped_end: end < source.len() && !matches!(source.get(end), Some(b'\n' | b'\r')),
        text,
        start: col,
        len,
    })
}

/// Length in bytes of the JSON token at the start of `rest`: a whole string, number or
/// literal; one byte for anything else (a brace, a stray character).
fn token_len(rest: &[u8]) -> usize {
    match rest.first() {
        Some(b'"') => {
            let mut escaped = false;
            for (i, &b) in rest.iter().enumerate().skip(1) {
                match b {
                    b'\\' if !escaped => escaped = true,
                    b'"' if !escaped => return i + 1,
                    _ => escaped = false,
                }
            }
            rest.len()
        }
        Some(b'-' | b'0'..=b'9') => {
            rest.iter().position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')).unwrap_or(rest.len())
        }
        Some(b't' | b'f' | b'n') => rest.iter().position(|b| !b.is_ascii_lowercase()).unwrap_or(rest.len()),
        Some(_) => 1,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(source: &str, offset: usize) -> Option<(String, bool, bool, usize, usize)> {
        excerpt(source.as_bytes(), offset).map(|e| (e.text, e.clipped_start, e.clipped_end, e.start, e.len))
    }

    #[test]
    fn excerpt_is_the_line_and_the_token() {
        let doc = "{\n  \"ré\": \"välue\",\r\n  \"n\": -1.5e3\n}";
        let at = |s: &str| doc.find(s).unwrap_or(usize::MAX);
        assert_eq!(shown(doc, at("\"välue\"")), Some(("  \"ré\": \"välue\",".into(), false, false, 8, 7)));
        assert_eq!(shown(doc, at("-1.5")), Some(("  \"n\": -1.5e3".into(), false, false, 7, 6)));
        assert_eq!(shown(doc, at("}")), Some(("}".into(), false, false, 0, 1)));
        assert_eq!(shown(doc, doc.len()), Some(("}".into(), false, false, 1, 1)));
        assert_eq!(shown(doc, doc.len() + 1), None);
        assert_eq!(shown("", 0), Some((String::new(), false, false, 0, 1)));
    }

    #[test]
    fn a_long_line_is_windowed_on_char_boundaries() {
        let doc = format!("[{}true{}]", "é".repeat(300), "ü".repeat(300));
        let offset = doc.find("true").unwrap_or(usize::MAX);
        let e = excerpt(doc.as_bytes(), offset);
        assert_eq!(
            e.map(|e| (e.clipped_start, e.clipped_end, e.start, e.len, e.text.chars().count())),
            Some((true, true, WINDOW / 2, 4, WINDOW / 2 + 4 + (WINDOW - 4) / 2))
        );
    }
}
