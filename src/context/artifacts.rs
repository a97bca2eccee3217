//! `--artifact NAME=FILE`: the bundle's `NAME_hash` held against a file the auditor holds
//! (spec section 8, "Artifacts").

use super::diags::{ARTIFACT_FILLED, ARTIFACT_FORM, ARTIFACT_HASH};
use crate::finding::{Finding, Outcome, Severity};
use crate::integrity::sha256_hex;
use crate::read::{Document, Limits};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A supplied artifact, hashed once for every bundle of the run.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub name: String,
    /// The file as the user named it, for messages.
    pub file: String,
    pub bytes_sha256: String,
    /// SHA-256 of the RFC 8785 form, when the file is JSON that reads strictly.
    pub canonical_sha256: Option<String>,
    /// The first number of the file whose written value its RFC 8785 form does not keep
    /// (what the reader says of it, and its line): a hash of that form covers another value.
    pub changed_number: Option<(String, usize)>,
}

/// Splits `NAME=FILE` by its text alone (at the first `=`), so that what the option means
/// never depends on which files happen to exist. FILE may contain `=`.
/// FILE is any name the file system allows, UTF-8 or not.
pub fn parse_spec(spec: &std::ffi::OsStr) -> Result<(String, PathBuf), String> {
    let Some((name, file)) = crate::inputs::split_at_equals(spec, false) else {
        let shown = crate::text::path_name(Path::new(spec));
        return Err(format!("--artifact {shown}: expected NAME=FILE, e.g. schema=schema.json"));
    };
    let name = name.to_str().filter(|name| {
        name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    });
    let Some(name) = name else {
        return Err(format!(
            "--artifact: NAME must be a lowercase name such as schema or recipe (checks NAME_hash), not {:?}",
            crate::inputs::split_at_equals(spec, false).map(|(n, _)| n.to_string_lossy()).unwrap_or_default()
        ));
    };
    if file.is_empty() {
        return Err(format!("--artifact {name}=: no file given"));
    }
    Ok((name.to_owned(), PathBuf::from(file)))
}

/// Reads a regular file of at most `max` bytes and hashes it both ways. Anything else
/// (missing, a directory, a FIFO that would block, too large) stops the run: checking
/// without the artifact the auditor meant to supply would report the wrong thing.
pub fn load(name: &str, path: &Path, max: u64) -> Result<Artifact, String> {
    let shown = crate::text::path_name(path);
    // A link is refused, not followed: in CI the path is fixed by the job and the file
    // comes from the change under review, which can make it a link to a secret of the
    // runner; its hash would then be printed in every report (`expected`).
    let link = std::fs::symlink_metadata(path).map_err(|e| format!("--artifact {name}={shown}: {e}"))?;
    if link.file_type().is_symlink() {
        return Err(format!(
            "--artifact {name}={shown}: a symbolic link: give the file itself (a link is not followed, so that a \
             link to another file cannot have that file's hash printed)"
        ));
    }
    // So for a link among the directories of a relative path, which lies in the checkout
    // (`schemas -> /home/runner/secrets`), as for `--output`; an absolute path's
    // directories are the auditor's own spelling.
    if let Some(dir) = crate::inputs::outputs::linked_directory(path) {
        return Err(format!(
            "--artifact {name}={shown}: {} is a symbolic link; a relative artifact path is not read through a link \
             among its directories (the working directory may be a checkout that planted it); give a path without \
             one, or an absolute path",
            crate::text::path_name(&dir)
        ));
    }
    // Asked before opening: opening a FIFO would block until someone writes to it.
    let before = std::fs::metadata(path).map_err(|e| format!("--artifact {name}={shown}: {e}"))?;
    if !before.is_file() {
        return Err(format!("--artifact {name}={shown}: not a regular file"));
    }
    // Opened without waiting and without following a link: a FIFO or a link swapped in
    // since the checks above is refused below (not a regular file) or here (ELOOP).
    let file = crate::inputs::open_no_wait(path, true).map_err(|e| format!("--artifact {name}={shown}: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("--artifact {name}={shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("--artifact {name}={shown}: not a regular file"));
    }
    if meta.len() > max {
        return Err(format!("--artifact {name}={shown}: {} bytes, over the limit of {max} (--max-bytes)", meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("--artifact {name}={shown}: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!("--artifact {name}={shown}: grew over the limit of {max} bytes while read"));
    }
    let limits = Limits { max_bytes: max, ..Limits::default() };
    let (canonical_sha256, changed_number) = match crate::read::canonicalize_value_warnings(&bytes, &limits) {
        Ok((canonical, warnings)) => {
            let changed =
                warnings.into_iter().find(|f| f.rule.id == crate::read::diags::INTEGER_PRECISION.id).map(|f| {
                    // lines as every position counts them (a lone CR ends one too)
                    let line = f.offset.map_or(0, |o| crate::read::line_column(&bytes, o).line);
                    (f.message, line)
                });
            (Some(sha256_hex(&canonical)), changed)
        }
        Err(_) => (None, None),
    };
    Ok(Artifact {
        name: name.to_owned(),
        file: shown,
        bytes_sha256: sha256_hex(&bytes),
        canonical_sha256,
        changed_number,
    })
}

/// A value that stands for "not filled in".
fn placeholder(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || t.chars().all(|c| c == '.' || c == '\u{2026}') || (t.len() == 64 && t.chars().all(|c| c == '0'))
}

/// The SHA-256 of no bytes at all: a hash that names no artifact.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Without `--artifact`, the hashes the schema's hex pattern admits but that commit to no
/// artifact: 64 zeros (the contract's placeholder) and the SHA-256 of empty input. Warnings,
/// as the contract has a placeholder; with the file supplied it is an error (spec 8.1).
fn unfilled_without_files(doc: &Document, out: &mut Outcome) {
    let mut seen = false;
    for member in ["schema_hash", "recipe_hash"] {
        let Some(Value::String(s)) = doc.member_ref(member) else { continue };
        let lower = s.to_ascii_lowercase();
        let what = if s.len() == 64 && s.chars().all(|c| c == '0') {
            "64 zeros, a placeholder"
        } else if lower == EMPTY_SHA256 {
            "the SHA-256 of empty input"
        } else {
            continue;
        };
        seen = true;
        out.mark(&ARTIFACT_FILLED);
        out.push(
            Finding::new(
                &ARTIFACT_FILLED,
                crate::finding::child("", member),
                format!("{member} is {what}: the bundle commits to no {} file", member.trim_end_matches("_hash")),
            )
            .expected("the SHA-256 of the artifact the run used")
            .found(s.clone())
            .severity(Severity::Warning),
        );
    }
    if !seen {
        out.skip(&ARTIFACT_FILLED, "no --artifact given");
    }
}

pub fn check(doc: &Document, artifacts: &[Artifact], out: &mut Outcome) {
    if artifacts.is_empty() {
        unfilled_without_files(doc, out);
        for rule in [&ARTIFACT_HASH, &ARTIFACT_FORM] {
            out.skip(rule, "no --artifact given");
        }
        return;
    }
    for a in artifacts {
        let member = format!("{}_hash", a.name);
        let pointer = crate::finding::child("", &member);
        out.mark(&ARTIFACT_FILLED);
        let recorded = match doc.member_ref(&member) {
            Some(Value::String(s)) if !placeholder(s) => s,
            other => {
                let what = match other {
                    None => "absent".to_owned(),
                    Some(Value::String(s)) => format!("the placeholder {s:?}"),
                    Some(v) => format!("a {}, not a string", crate::text::json_kind(v)),
                };
                out.push(
                    Finding::new(
                        &ARTIFACT_FILLED,
                        pointer,
                        format!("{member} is {what}, so {} cannot be held against the bundle", a.file),
                    )
                    .expected(format!("the SHA-256 of {}", a.file))
                    .found(what),
                );
                out.skip(&ARTIFACT_HASH, format!("{member} is not filled in"));
                continue;
            }
        };
        out.mark(&ARTIFACT_HASH);
        let lower = recorded.to_ascii_lowercase();
        let form = if lower == a.bytes_sha256 {
            Some("the file's bytes")
        } else if a.canonical_sha256.as_deref() == Some(lower.as_str()) {
            Some("the RFC 8785 form of the file's JSON")
        } else {
            None
        };
        match form {
            Some(form) => {
                out.push(Finding::new(
                    &ARTIFACT_FORM,
                    pointer.clone(),
                    format!("{member} is the SHA-256 of {form} ({})", a.file),
                ));
                // As for a bundle (read.integer-precision): the canonical form signs the
                // nearest double, so the hash covers another value than the file shows.
                if let (false, Some((what, line))) = (lower == a.bytes_sha256, &a.changed_number) {
                    out.push(
                        Finding::new(
                            &ARTIFACT_HASH,
                            pointer,
                            format!(
                                "{member} matches the RFC 8785 form of {}, which does not keep a number the \
file writes (line {line}: {what}): the hash covers another value than the file shows",
                                a.file
                            ),
                        )
                        .severity(Severity::Warning),
                    );
                }
            }
            None => {
                let mut expected = format!("{} (bytes of {})", a.bytes_sha256, a.file);
                if let Some(c) = &a.canonical_sha256 {
                    expected.push_str(&format!(" or {c} (its RFC 8785 form)"));
                }
                out.push(
                    Finding::new(
                        &ARTIFACT_HASH,
                        pointer,
                        format!("{member} is neither the SHA-256 of {}'s bytes nor of its RFC 8785 form", a.file),
                    )
                    .expected(expected)
                    .found(recorded),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_by_text() {
        assert_eq!(parse_spec("schema=a=b.json".as_ref()).unwrap(), ("schema".to_owned(), PathBuf::from("a=b.json")));
        assert!(parse_spec("schema.json".as_ref()).is_err());
        assert!(parse_spec("Schema=x".as_ref()).is_err());
        assert!(parse_spec("=x".as_ref()).is_err());
        assert!(parse_spec("recipe=".as_ref()).is_err());
    }

    #[test]
    fn placeholders() {
        assert!(placeholder("..."));
        assert!(placeholder(""));
        assert!(placeholder(&"0".repeat(64)));
        assert!(!placeholder("abc"));
    }
}
