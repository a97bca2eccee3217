//! The record of the audit: what a verdict was reached on and under which options, so
//! that someone else can rerun the same command and get the same verdict. Built once
//! per run, after the bundles are verified (it names the signatures each key verified);
//! every format prints it first.

use crate::options::Options;
use crate::signatures::{SigVerdict, SignerId};
use crate::verify::BundleReport;
use clap::ValueEnum;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub tool_version: &'static str,
    /// The instant times were judged at (RFC 3339).
    pub now: String,
    /// "--now" when given, else "system clock" (read once at start).
    pub now_from: &'static str,
    pub inputs: Vec<Input>,
    pub keys: Vec<Key>,
    pub profile: &'static str,
    pub strict: bool,
    /// `--tolerance`; None compares at the decimals each figure shows.
    pub tolerance: Option<f64>,
    pub max_bytes: u64,
    pub max_depth: usize,
    /// Whether the run demanded a signature, by whatever option (`--cert` and
    /// `--kms-key` do, as gpgv's keyring does), not only `--require-signature`.
    pub require_signature: bool,
    /// The options that demanded it (`--require-signature`, `--cert`, `--signer`, ...).
    pub signature_required_by: Vec<&'static str>,
    /// `--no-require-signature`: the supplied keys did not by themselves demand one.
    pub no_require_signature: bool,
    /// `--max-signatures`: signatures examined per bundle before `sig.too-many`.
    pub max_signatures: usize,
    pub min_signers: usize,
    pub signers: Vec<String>,
    pub deny_patterns: Vec<String>,
    pub overrides: Vec<OverrideRecord>,
    /// `--artifact NAME=FILE`, with the SHA-256 of the file's bytes.
    pub artifacts: Vec<ArtifactRecord>,
    /// `--table DIR`, with the version read (None when its log could not be read).
    pub table: Option<TableRecord>,
    /// `--follow` and `--exclude GLOB` as given: which files of the directories named
    /// were verified at all. `inputs` lists the files read; these say why not others (an
    /// `--exclude 'rejected*'` left a bundle out, and the report of a VERIFIED run said so
    /// nowhere).
    pub follow: bool,
    pub exclude: Vec<String>,
    /// The command that reproduces this run (same inputs, keys, options and time).
    pub command: String,
    /// The paths as given, when only walking them again repeats the verdict
    /// ([`Record::walk_again`]).
    #[serde(skip)]
    walk_again: Option<WalkAgain>,
}

/// The paths a run was given and how it walked them, for its command.
#[derive(Debug, Clone)]
struct WalkAgain {
    paths: Vec<String>,
    follow: bool,
    exclude: Vec<String>,
}

/// One input as read: its bytes are what the verdict was reached on.
#[derive(Debug, Clone, Serialize)]
pub struct Input {
    pub path: String,
    /// None when the bytes were not read (larger than --max-bytes, or the input could
    /// not be read at all: it is still part of the run, and of its command).
    pub bytes: Option<u64>,
    pub sha256: Option<String>,
}

/// What the record says of a certificate none of whose user IDs is validly bound and
/// unrevoked: it is then known by its fingerprint alone.
pub const NO_VALID_USER_ID: &str = "no valid user ID";

/// One key the auditor supplied, and what it verified.
#[derive(Debug, Clone, Serialize)]
pub struct Key {
    /// "openpgp" or "kms".
    pub kind: &'static str,
    /// The file, or the files holding copies of one certificate, ", "-joined.
    pub file: String,
    /// The files one by one, for the command that repeats the run (a name may hold ", ").
    #[serde(skip)]
    pub files: Vec<String>,
    /// OpenPGP: the certificate's primary fingerprint; KMS: SHA-256 of the public key (SPKI DER).
    pub id: String,
    /// KMS: the key ID it was bound to with KEY_ID=FILE.
    pub key_id: Option<String>,
    /// OpenPGP: the certificate's user IDs validly bound and not revoked under the
    /// standard policy at the run's time, the primary first (names the key's owner chose
    /// and signed; empty when none is valid: a bare or revoked user ID is never a name);
    /// KMS: the key type.
    pub user_ids: Vec<String>,
    /// "bundle#pointer" of each signature this key verified.
    pub verified: Vec<String>,
}

impl Key {
    /// Whether a verified signature by this signer counts for this key.
    fn counts_for(&self, signer: &SignerId) -> bool {
        match signer {
            SignerId::Pgp { primary, .. } => self.kind == "openpgp" && primary.eq_ignore_ascii_case(&self.id),
            SignerId::Kms { spki_sha256, key_id, .. } => {
                self.kind == "kms" && *spki_sha256 == self.id && self.key_id.as_ref().is_none_or(|id| id == key_id)
            }
        }
    }

    /// The names the record shows for this key: an OpenPGP certificate's user IDs each
    /// quoted (as [`crate::text::quote_user_id`] does, but whole), a KMS key its type as is.
    pub fn names(&self) -> Vec<String> {
        if self.kind == "openpgp" {
            self.user_ids.iter().map(|u| crate::text::quote_claim(u, usize::MAX)).collect()
        } else {
            self.user_ids.clone()
        }
    }
}

/// One `--allow/--warn/--deny` flag and the rules it re-mapped.
#[derive(Debug, Clone, Serialize)]
pub struct OverrideRecord {
    /// As typed: "--allow claims.records".
    pub flag: String,
    pub severity: crate::finding::Severity,
    pub rules: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArtifactRecord {
    pub name: String,
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableRecord {
    pub dir: String,
    pub version: Option<u64>,
}

/// An artifact or the table, for a text record's line ([`Record::context_lines`]).
#[derive(Debug, Clone, Copy)]
pub enum ContextLine<'a> {
    Artifact(&'a ArtifactRecord),
    Table(&'a TableRecord),
}

impl ContextLine<'_> {
    /// The user's text in the line (an artifact's name and file, the table's directory),
    /// each shown by `name` (escaped or quoted as the format needs), and the rest.
    pub fn text(&self, name: impl Fn(&str) -> String) -> String {
        match self {
            ContextLine::Artifact(a) => format!("{} {}, sha256 {}", name(&a.name), name(&a.file), a.sha256),
            ContextLine::Table(t) => match t.version {
                Some(v) => format!("{}, version {v}", name(&t.dir)),
                None => format!("{}, its log not read", name(&t.dir)),
            },
        }
    }
}

impl Record {
    pub fn new(opts: &Options, now_given: bool, reports: &[BundleReport]) -> Record {
        let now = opts.now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
        let inputs = reports
            .iter()
            .map(|r| Input {
                path: r.name.clone(),
                bytes: r.input.as_ref().map(|i| i.bytes),
                sha256: r.input.as_ref().and_then(|i| i.sha256.clone()),
            })
            .collect();
        let mut overrides: Vec<OverrideRecord> = Vec::new();
        for o in &opts.overrides {
            let flag = o.as_typed();
            match overrides.iter_mut().find(|r| r.flag == flag) {
                Some(r) => r.rules.push(o.rule.id),
                None => overrides.push(OverrideRecord { flag, severity: o.severity, rules: vec![o.rule.id] }),
            }
        }
        let demanded_by = opts.trust.demand(opts.profile);
        let mut record = Record {
            tool_version: env!("CARGO_PKG_VERSION"),
            now,
            now_from: if now_given { "--now" } else { "system clock" },
            inputs,
            keys: keys(opts, reports),
            profile: opts.profile.to_possible_value().map_or("none", |v| match v.get_name() {
                "public" => "public",
                "marketplace" => "marketplace",
                _ => "none",
            }),
            strict: opts.strict,
            tolerance: opts.tolerance,
            max_bytes: opts.limits.max_bytes,
            max_depth: opts.limits.max_depth,
            require_signature: demanded_by.0 > 0,
            signature_required_by: demanded_by.1,
            no_require_signature: opts.trust.keys_optional,
            max_signatures: opts.trust.max_signatures,
            min_signers: opts.trust.min_signers,
            signers: opts.trust.signers.clone(),
            deny_patterns: opts.deny_patterns.iter().map(|r| r.as_str().to_owned()).collect(),
            overrides,
            artifacts: opts
                .context
                .artifacts
                .iter()
                .map(|a| ArtifactRecord { name: a.name.clone(), file: a.file.clone(), sha256: a.bytes_sha256.clone() })
                .collect(),
            table: opts.context.table.as_ref().map(|t| TableRecord {
                dir: crate::text::path_name(&t.dir),
                version: t.state.as_ref().as_ref().ok().map(|s| s.version),
            }),
            command: String::new(),
            follow: false,
            exclude: Vec::new(),
            walk_again: None,
        };
        record.command = record.rerun();
        record
    }

    /// How the directories named were walked (`--follow`, `--exclude`), for the record.
    pub fn walked(&mut self, follow: bool, exclude: &[String]) {
        self.follow = follow;
        self.exclude = exclude.to_vec();
    }

    /// The walk options as the human formats list them: "--follow", "--exclude GLOB"
    /// (each value as [`crate::text::shown_item`] lists one); empty when none was given.
    /// Each `--artifact NAME=FILE` and the `--table` read, as the text records show them
    /// (label, value; names not yet escaped): "schema FILE, sha256 H", "DIR, version V".
    /// The artifact's bytes and the table's version decide the context checks, and only
    /// the JSON and SARIF records held them: the human, Markdown, HTML and JUnit records
    /// named the file in the command alone, so a VERIFIED report did not say which
    /// bytes `context.artifact-hash` held the bundle to.
    pub fn context_lines(&self) -> Vec<(&'static str, ContextLine<'_>)> {
        let artifacts = self.artifacts.iter().map(|a| ("artifact", ContextLine::Artifact(a)));
        let table = self.table.iter().map(|t| ("table", ContextLine::Table(t)));
        artifacts.chain(table).collect()
    }

    pub fn walk_policy(&self) -> Vec<String> {
        let follow = self.follow.then(|| "--follow".to_owned());
        let exclude = self.exclude.iter().map(|g| format!("--exclude {}", crate::text::shown_item(g)));
        follow.into_iter().chain(exclude).collect()
    }

    /// Whether the command walks the paths as given again ([`Record::walk_again`]).
    pub fn walks_again(&self) -> bool {
        self.walk_again.is_some()
    }

    /// The command names the paths as given (directories walked again, with `--follow`
    /// and `--exclude` as given) instead of the files read. For a run that `--strict`
    /// rejected for entries its walk left out unverified (a link, a FIFO): the files read
    /// alone verified, so a command naming them repeated a REJECTED run as VERIFIED.
    /// `inputs` still lists each file as read, with its hash.
    pub fn walk_again(&mut self, paths: &[std::path::PathBuf], follow: bool, exclude: &[String]) {
        let paths = paths.iter().map(|p| crate::text::path_name(p)).collect();
        self.walk_again = Some(WalkAgain { paths, follow, exclude: exclude.to_vec() });
        self.command = self.rerun();
    }

    /// Adds one verified bundle: its input, and the signatures each supplied key
    /// verified in it. A batch builds its record this way, bundle by bundle, without
    /// keeping the reports; `finish` then writes the command that repeats the run.
    pub fn add(&mut self, r: &BundleReport) {
        self.inputs.push(Input {
            path: r.name.clone(),
            bytes: r.input.as_ref().map(|i| i.bytes),
            sha256: r.input.as_ref().and_then(|i| i.sha256.clone()),
        });
        for key in &mut self.keys {
            let verified = Record::verified_in(key, r);
            key.verified.extend(verified);
        }
    }

    /// Adds an input that could not be read: not read, no hash, but named, so that the
    /// recorded command repeats the run whole (and ends as it did, with exit 2).
    pub fn add_unreadable(&mut self, n: &crate::inputs::bundles::Notice) {
        self.inputs.push(Input { path: n.path.clone(), bytes: None, sha256: None });
    }

    /// The signatures of this bundle that a supplied key verified ("bundle#pointer").
    pub fn verified_in(key: &Key, r: &BundleReport) -> Vec<String> {
        r.signatures
            .iter()
            .filter(|s| s.verdict == SigVerdict::Verified && s.signer.as_ref().is_some_and(|id| key.counts_for(id)))
            .map(|s| format!("{}#{}", r.name, s.pointer))
            .collect()
    }

    pub fn finish(&mut self) {
        self.command = self.rerun();
    }

    /// The signature part of the policy, as the human formats print it: "signature
    /// required (--cert)", "signature not required (--no-require-signature)", and the
    /// per-bundle limit when it is not the default.
    pub fn signature_policy(&self) -> String {
        let mut s = if self.require_signature {
            format!("signature required ({})", self.signature_required_by.join(", "))
        } else if self.no_require_signature {
            "signature not required (--no-require-signature)".to_owned()
        } else {
            "signature not required".to_owned()
        };
        if self.max_signatures != crate::signatures::MAX_SIGNATURES {
            s.push_str(&format!(", at most {} signatures", self.max_signatures));
        }
        s
    }

    /// The command that repeats this run's verdict for one of its inputs.
    pub fn command_for(&self, path: &str) -> String {
        let one = Input { path: path.to_owned(), bytes: None, sha256: None };
        Record { inputs: vec![one], walk_again: None, ..self.clone() }.rerun()
    }

    /// The override that re-mapped findings of this rule, as typed.
    pub fn override_for(&self, rule: &str) -> Option<&str> {
        self.overrides.iter().rev().find(|o| o.rules.contains(&rule)).map(|o| o.flag.as_str())
    }

    /// The supplied key a verified signature counts for.
    /// (A KMS key supplied twice, bound to one ID and unbound, is the one bound to the
    /// signature's key_id when there is one.)
    pub fn key_of(&self, signer: &SignerId) -> Option<&Key> {
        let bound = |k: &&Key| k.key_id.is_some();
        let counts = || self.keys.iter().filter(|k| k.counts_for(signer));
        counts().find(bound).or_else(|| counts().next())
    }

    /// A command line that repeats this run: same time, keys, options and inputs.
    /// Every option that can change a verdict is written, the effective demand for a
    /// signature included; a value or input that begins with `-` is written so that it
    /// cannot read as an option (`--cert=-k.asc`, `--` before the inputs).
    fn rerun(&self) -> String {
        let mut w: Vec<String> = vec!["aeb-verify".into(), "--now".into(), shell_quote(&self.now)];
        let flag = |w: &mut Vec<String>, f: &str| w.push(f.to_owned());
        // `quoted` is the value already quoted for the shell; `raw` the value itself.
        let opt = |w: &mut Vec<String>, f: &str, raw: &str, quoted: String| {
            if raw.starts_with('-') {
                w.push(format!("{f}={quoted}"));
            } else {
                w.extend([f.to_owned(), quoted]);
            }
        };
        if self.strict {
            flag(&mut w, "--strict");
        }
        if self.profile != "none" {
            opt(&mut w, "--profile", self.profile, self.profile.into());
        }
        if let Some(t) = self.tolerance {
            let t = t.to_string();
            opt(&mut w, "--tolerance", &t, shell_quote(&t));
        }
        if self.max_bytes != crate::read::Limits::default().max_bytes {
            opt(&mut w, "--max-bytes", "", self.max_bytes.to_string());
        }
        let mut files: Vec<&str> = Vec::new();
        for f in self.keys.iter().filter(|k| k.kind == "openpgp").flat_map(|k| &k.files) {
            if !files.contains(&f.as_str()) {
                files.push(f);
                opt(&mut w, "--cert", f, shell_quote_name(f));
            }
        }
        for k in self.keys.iter().filter(|k| k.kind == "kms") {
            // The file as reports name it, quoted back to its own bytes (as --cert files
            // and inputs are); the key ID as typed.
            let file = shell_quote_name(&k.file);
            let (spec, quoted) = match &k.key_id {
                Some(id) => (format!("{id}={}", k.file), format!("{}={file}", shell_quote(id))),
                None => (k.file.clone(), file),
            };
            opt(&mut w, "--kms-key", &spec, quoted);
        }
        if self.no_require_signature {
            flag(&mut w, "--no-require-signature");
        } else if self.signature_required_by.contains(&"--require-signature") {
            flag(&mut w, "--require-signature");
        }
        if self.max_signatures != crate::signatures::MAX_SIGNATURES {
            opt(&mut w, "--max-signatures", "", self.max_signatures.to_string());
        }
        if self.min_signers > 0 {
            opt(&mut w, "--min-signers", "", self.min_signers.to_string());
        }
        for s in &self.signers {
            opt(&mut w, "--signer", s, shell_quote(s));
        }
        for p in &self.deny_patterns {
            opt(&mut w, "--deny-pattern", p, shell_quote(p));
        }
        for o in &self.overrides {
            let (f, rule) = o.flag.split_once(' ').unwrap_or((o.flag.as_str(), ""));
            opt(&mut w, f, rule, shell_quote(rule));
        }
        for art in &self.artifacts {
            // The file as reports name it (`text::path_name`: `a\\b.json`, `x\u{200e}.json`),
            // quoted back to its own bytes as an input is: quoted as text, the command
            // named another file. NAME is `[a-z][a-z0-9_]*`, nothing a shell reads.
            let spec = format!("{}={}", art.name, art.file);
            opt(&mut w, "--artifact", &spec, format!("{}={}", art.name, shell_quote_name(&art.file)));
        }
        if let Some(t) = &self.table {
            opt(&mut w, "--table", &t.dir, shell_quote_name(&t.dir));
            // The version read, so that later commits do not change the verdict.
            if let Some(v) = t.version {
                opt(&mut w, "--table-version", "", v.to_string());
            }
        }
        let inputs: Vec<&str> = match &self.walk_again {
            Some(again) => {
                if again.follow {
                    flag(&mut w, "--follow");
                }
                for glob in &again.exclude {
                    opt(&mut w, "--exclude", glob, shell_quote(glob));
                }
                again.paths.iter().map(String::as_str).collect()
            }
            None => self.inputs.iter().map(|i| i.path.as_str()).collect(),
        };
        if inputs.iter().any(|i| i.starts_with('-') && *i != "-") {
            flag(&mut w, "--");
        }
        w.extend(inputs.iter().map(|i| shell_quote_name(i)));
        w.join(" ")
    }
}

fn keys(opts: &Options, reports: &[BundleReport]) -> Vec<Key> {
    let verified_by = |matches: &dyn Fn(&SignerId) -> bool| -> Vec<String> {
        reports
            .iter()
            .flat_map(|r| {
                r.signatures
                    .iter()
                    .filter(|s| s.verdict == SigVerdict::Verified && s.signer.as_ref().is_some_and(matches))
                    .map(move |s| format!("{}#{}", r.name, s.pointer))
            })
            .collect()
    };
    let mut keys = Vec::new();
    let now = std::time::SystemTime::from(opts.now);
    let policy = sequoia_openpgp::policy::StandardPolicy::at(now);
    for (i, cert) in opts.trust.certs.iter().enumerate() {
        let fpr = cert.fingerprint().to_hex();
        let user_ids = crate::signatures::pgp::valid_user_ids(cert, &policy, now);
        let files = opts.trust.cert_files.get(i).cloned().unwrap_or_default();
        keys.push(Key {
            kind: "openpgp",
            file: files.join(", "),
            files,
            verified: verified_by(
                &|s| matches!(s, SignerId::Pgp { primary, .. } if primary.eq_ignore_ascii_case(&fpr)),
            ),
            id: fpr,
            key_id: None,
            user_ids,
        });
    }
    for k in &opts.trust.kms_keys {
        keys.push(Key {
            kind: "kms",
            file: k.file.clone(),
            files: vec![k.file.clone()],
            id: k.spki_sha256.clone(),
            key_id: k.key_id.clone(),
            user_ids: vec![k.key.describe()],
            verified: verified_by(&|s| {
                matches!(s, SignerId::Kms { spki_sha256, key_id, .. } if *spki_sha256 == k.spki_sha256
                    && k.key_id.as_ref().is_none_or(|id| id == key_id))
            }),
        });
    }
    keys
}

/// An input as reports name it (text::path_name), quoted so that the shell reads back
/// the file's own bytes: a byte that is not UTF-8 is written `\xNN` inside `$'...'`.
fn shell_quote_name(name: &str) -> String {
    let bytes = match String::from_utf8(crate::text::name_bytes(name)) {
        // A name shown spelled out (`text::spelled_out`: another file displays alike) is
        // written with its characters beyond ASCII as escapes in the command too, so the
        // two files' arguments read apart as their names do.
        Ok(text) if name.is_ascii() && !text.is_ascii() => {
            let mut out = String::from("$'");
            let mut prev = None;
            for c in text.chars() {
                if c.is_ascii() {
                    out.push_str(&shell_escape_after(&mut prev, c));
                } else {
                    out.push_str(&shell_unicode_escape(c));
                    prev = None;
                }
            }
            out.push('\'');
            return out;
        }
        Ok(text) => return shell_quote(&text),
        Err(not_utf8) => not_utf8.into_bytes(),
    };
    let mut out = String::from("$'");
    let mut prev = None;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            out.push_str(&shell_escape_after(&mut prev, c));
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
            prev = None;
        }
    }
    out.push('\'');
    out
}

/// One character inside `$'...'` after `prev`: the second character of a `::` or `##`
/// is written `\x3a` or `\x23`, so that the command, shown in a report printed into a
/// CI log, holds no log command and still names the file (`text::is_command_pair`).
fn shell_escape_after(prev: &mut Option<char>, c: char) -> String {
    if crate::text::is_command_pair(*prev, c) {
        *prev = None;
        format!("\\x{:02x}", u32::from(c))
    } else {
        *prev = Some(c);
        shell_escape_char(c)
    }
}

/// One character inside `$'...'`.
fn shell_escape_char(c: char) -> String {
    match c {
        '\'' => "\\'".to_owned(),
        '\\' => "\\\\".to_owned(),
        c if crate::text::is_hidden(c) => shell_unicode_escape(c),
        c => c.to_string(),
    }
}

/// A character as its escape inside `$'...'`: each byte of its UTF-8 form as `\xNN`.
/// Not `\uNNNN`: bash turns that into a character by the locale it runs in, and in the
/// C or POSIX locale (a container's default, many CI runners') it is left as the six
/// characters `\u00E9`, so the recorded command named another file (`caf\u00E9.json`,
/// which a delivery can hold) instead of `café.json`. A byte escape is the same byte in
/// every locale, and in bash, zsh, ksh93 and POSIX's `$'...'` alike.
fn shell_unicode_escape(c: char) -> String {
    let mut utf8 = [0u8; 4];
    c.encode_utf8(&mut utf8).bytes().map(|b| format!("\\x{b:02x}")).collect()
}

/// One argument as a POSIX shell reads it back, quoted only where needed. A control or
/// invisible character is written as byte escapes inside `$'...'` (bash, zsh, ksh, and
/// POSIX since 2024, in any locale), so the command can be pasted into a shell and no report carries
/// the raw character.
fn shell_quote(s: &str) -> String {
    let pairs = s.contains("::") || s.contains("##");
    // A leading `=` is quoted: zsh (macOS's default shell) replaces `=word` by the path
    // of the command `word` and stops when there is none.
    let plain = !pairs
        && !s.is_empty()
        && !s.starts_with('=')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        s.to_owned()
    } else if pairs || s.chars().any(crate::text::is_hidden) {
        let mut out = String::from("$'");
        let mut prev = None;
        s.chars().for_each(|c| out.push_str(&shell_escape_after(&mut prev, c)));
        out.push('\'');
        out
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
