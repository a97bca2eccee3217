//! Signatures (spec section 3): who vouches for the payload.
//!
//! The trust roots are only what the auditor passes on the command line
//! ([`Trust`]: `--cert` certificates and `--kms-key` public keys); key material
//! inside a bundle is never used. [`check`] verifies every OpenPGP and KMS
//! signature over the payload bytes, adds findings and returns one [`SigRow`] per
//! signature for the report; it never prints.

pub mod diags;
pub mod kms;
pub mod pgp;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::finding::{child, Finding, Outcome};
use crate::options::Options;
use crate::read::{Document, SIGNATURES};
use crate::text::json_kind;
use serde::Serialize;
use serde_json::Value;

/// Whether `signatures` carries any signature at all (a non-null `pgp` or `kms`).
pub fn present(sigs: Option<&Value>) -> bool {
    let Some(Value::Object(map)) = sigs else { return false };
    ["pgp", "kms"].iter().any(|k| !matches!(map.get(*k), None | Some(Value::Null)))
}

/// What the auditor trusts and requires; part of [`Options`].
#[derive(Debug, Clone, Default)]
pub struct Trust {
    pub certs: Vec<sequoia_openpgp::Cert>,
    /// The `--cert` file each of `certs` came from (same order), for the record.
    pub cert_files: Vec<String>,
    pub kms_keys: Vec<kms::KmsKey>,
    /// `--require-signature`: at least one signature must verify.
    pub require: bool,
    /// `--min-signers N`: N distinct trusted keys.
    pub min_signers: usize,
    /// `--signer`: only these keys count (fingerprints, long key IDs, KMS key IDs).
    pub signers: Vec<String>,
}

impl Trust {
    /// Load `--cert` files and `--kms-key [KEY_ID=]FILE` specs. An error here is a
    /// usage error (exit 2): the message names the file and what is wrong with it.
    pub fn load(cert_files: &[PathBuf], kms_specs: &[String]) -> Result<Trust, String> {
        let mut t = Trust::default();
        for f in cert_files {
            let bytes = read_key_file(f, "--cert")?;
            let certs = pgp::parse_cert_file(&bytes)
                .map_err(|e| format!("--cert {}: not an OpenPGP certificate or keyring: {e}", f.display()))?;
            t.cert_files.extend(std::iter::repeat_n(f.display().to_string(), certs.len()));
            t.certs.extend(certs);
        }
        for spec in kms_specs {
            let (key_id, file) = split_kms_spec(spec);
            if key_id.as_deref() == Some("") {
                return Err(format!("--kms-key {spec}: empty KEY_ID before '='"));
            }
            let bytes = read_key_file(Path::new(&file), "--kms-key")?;
            let (key, spki_sha256) = kms::parse_key(&bytes).map_err(|e| format!("--kms-key {file}: {e}"))?;
            t.kms_keys.push(kms::KmsKey { key_id, file, key, spki_sha256 });
        }
        Ok(t)
    }

    /// Check `--signer` values: a hex value must be a fingerprint or long key ID.
    pub fn set_signers(&mut self, signers: Vec<String>) -> Result<(), String> {
        for s in &signers {
            if looks_hex(s) {
                pgp::parse_claim(s).map_err(|e| format!("--signer {s}: {e}"))?;
            }
        }
        self.signers = signers;
        Ok(())
    }
}

fn looks_hex(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(&t);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_hexdigit())
}

fn read_key_file(path: &Path, opt: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{opt} {}: cannot read: {e}", path.display()))
}

/// `KEY_ID=FILE` or `FILE`. Key IDs (ARNs, resource names) hold no '=', paths
/// rarely do: an existing file named by the whole spec wins.
fn split_kms_spec(spec: &str) -> (Option<String>, String) {
    if !Path::new(spec).exists() {
        if let Some((id, file)) = spec.split_once('=') {
            return (Some(id.to_owned()), file.to_owned());
        }
    }
    (None, spec.to_owned())
}

/// The verdict on one signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SigVerdict {
    /// Verified against a key the auditor supplied, all rules met.
    Verified,
    /// No supplied key for it: counts for nothing.
    #[default]
    Unverified,
    /// Present and wrong: the bundle is rejected.
    Rejected,
}

impl SigVerdict {
    pub fn label(self) -> &'static str {
        match self {
            SigVerdict::Verified => "VERIFIED",
            SigVerdict::Unverified => "UNVERIFIED",
            SigVerdict::Rejected => "REJECTED",
        }
    }
}

/// The key a verified signature counts for (two subkeys of one certificate, or
/// one KMS key under two IDs, are one signer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum SignerId {
    Pgp { primary: String, key: String },
    Kms { key_id: String, spki_sha256: String },
}

impl SignerId {
    fn identity(&self) -> &str {
        match self {
            SignerId::Pgp { primary, .. } => primary,
            SignerId::Kms { spki_sha256, .. } => spki_sha256,
        }
    }

    /// Does a `--signer` value name this key?
    fn pinned_by(&self, pin: &str) -> bool {
        match self {
            SignerId::Pgp { primary, key } => match pgp::parse_claim(pin) {
                Ok(pgp::Claim::Fingerprint(h)) => h == *primary || h == *key,
                Ok(pgp::Claim::LongKeyId(h)) => [primary, key].iter().any(|f| {
                    // v4 key IDs are a fingerprint's tail, v6 ones its head: let sequoia say.
                    f.parse::<sequoia_openpgp::Fingerprint>()
                        .is_ok_and(|f| sequoia_openpgp::KeyID::from(&f).to_hex() == h)
                }),
                Err(_) => false,
            },
            SignerId::Kms { key_id, .. } => key_id == pin,
        }
    }
}

/// One row of the report's Signatures table.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SigRow {
    /// "pgp" or "kms".
    pub kind: &'static str,
    /// How the bundle wrote it: object, array entry, bare string.
    pub form: String,
    pub pointer: String,
    pub claimed_key_id: Option<String>,
    /// The key that actually made the signature (OpenPGP: fingerprint from the
    /// verified key, else the signature's unauthenticated issuer; KMS: the key file).
    pub issuer: Option<String>,
    pub algorithm: Option<String>,
    /// OpenPGP creation time, RFC 3339 (KMS signatures carry none).
    pub created: Option<String>,
    pub verdict: SigVerdict,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<SignerId>,
}

impl SigRow {
    pub fn new(kind: &'static str, form: &str, pointer: &str) -> Self {
        SigRow { kind, form: form.into(), pointer: pointer.into(), ..Default::default() }
    }
}

/// One signature's row and findings.
pub struct Checked {
    pub row: SigRow,
    pub findings: Vec<Finding>,
}

pub fn fmt_time(t: SystemTime) -> String {
    let secs = match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    };
    time::OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|d| d.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_else(|| format!("@{secs}"))
}

fn str_member<'a>(v: &'a Value, name: &str) -> Option<&'a str> {
    v.get(name).and_then(Value::as_str)
}

/// Verify every signature; add findings to `out`; return the report rows.
pub fn check(doc: &Document, opts: &Options, out: &mut Outcome) -> Vec<SigRow> {
    let trust = &opts.trust;
    let sigs = doc.member_value(SIGNATURES);
    out.mark(&diags::NONE);
    out.mark(&diags::FORM);
    let need =
        if trust.min_signers > 0 { trust.min_signers } else { usize::from(trust.require || !trust.signers.is_empty()) };
    if need > 0 {
        out.mark(&diags::REQUIRED);
    } else {
        out.skip(&diags::REQUIRED, "not asked for (--require-signature, --signer)");
    }
    if trust.min_signers > 1 {
        out.mark(&diags::MIN_SIGNERS);
    } else {
        out.skip(&diags::MIN_SIGNERS, "not asked for (--min-signers)");
    }

    let mut rows = Vec::new();
    let (pgp_value, kms_value, sibling_key_id) = match &sigs {
        Some(Value::Object(map)) => (map.get("pgp"), map.get("kms"), map.get("key_id")),
        _ => (None, None, None),
    };
    let has_pgp = !matches!(pgp_value, None | Some(Value::Null));
    let has_kms = !matches!(kms_value, None | Some(Value::Null));
    skip_or_mark(out, "sig.pgp.", has_pgp, "no OpenPGP signature in the bundle");
    skip_or_mark(out, "sig.kms.", has_kms, "no KMS signature in the bundle");

    if !has_pgp && !has_kms {
        out.push(Finding::new(
            &diags::NONE,
            "/signatures",
            "no signature: the hash shows the bundle is self-consistent, not who published it",
        ));
    }

    // The payload is made contiguous only for a signature to verify: hashing streamed it.
    let payload: &[u8] = if has_pgp || has_kms { doc.payload() } else { &[] };
    let now = SystemTime::from(opts.now);
    if has_pgp {
        let generated_at = doc.member_value("generated_at").and_then(|v| {
            let s = v.as_str()?.to_owned();
            time::OffsetDateTime::parse(&s, &time::format_description::well_known::Rfc3339).ok().map(SystemTime::from)
        });
        let policy = sequoia_openpgp::policy::StandardPolicy::at(now);
        let ctx = pgp::Ctx { now, generated_at, policy: &policy, certs: &trust.certs };
        let base = "/signatures/pgp";
        let mut checked = Vec::new();
        match pgp_value {
            Some(Value::String(armored)) => {
                let claim = match sibling_key_id {
                    Some(Value::String(k)) => Some(k.as_str()),
                    Some(_) => {
                        form_error(out, "/signatures/key_id", "`signatures.key_id` is not a string");
                        None
                    }
                    None => None,
                };
                checked.extend(pgp::verify_entry("bare string", base, claim, armored, payload, &ctx));
            }
            Some(entry @ Value::Object(_)) => {
                checked.extend(pgp_entry("object", base, entry, payload, &ctx, out));
            }
            Some(Value::Array(items)) => {
                for (i, entry) in items.iter().enumerate() {
                    let p = child(base, &i.to_string());
                    checked.extend(pgp_entry(&format!("array [{i}]"), &p, entry, payload, &ctx, out));
                }
                if items.is_empty() {
                    form_error(out, base, "`signatures.pgp` is an empty array");
                }
            }
            Some(other) => form_error(
                out,
                base,
                &format!("`signatures.pgp` is {}, not an object, array or armored string", json_kind(other)),
            ),
            None => {}
        }
        for c in checked {
            out.extend(Outcome { findings: c.findings, ..Outcome::default() });
            rows.push(c.row);
        }
    }
    if sibling_key_id.is_some() && !matches!(pgp_value, Some(Value::String(_))) {
        out.push(
            Finding::new(
                &diags::FORM,
                "/signatures/key_id",
                "`signatures.key_id` belongs to the bare armored `signatures.pgp` string form; \
                 here it names nobody's signature and is ignored",
            )
            .severity(crate::finding::Severity::Warning),
        );
    }

    if has_kms {
        let ctx = kms::Ctx { keys: &trust.kms_keys };
        let base = "/signatures/kms";
        let mut entries: Vec<(String, String, &Value)> = Vec::new();
        match kms_value {
            Some(v @ Value::Object(_)) => entries.push(("object".into(), base.into(), v)),
            Some(Value::Array(items)) => {
                if items.is_empty() {
                    form_error(out, base, "`signatures.kms` is an empty array");
                }
                for (i, v) in items.iter().enumerate() {
                    entries.push((format!("array [{i}]"), child(base, &i.to_string()), v));
                }
            }
            Some(other) => {
                form_error(out, base, &format!("`signatures.kms` is {}, not an object or array", json_kind(other)))
            }
            None => {}
        }
        for (form, pointer, v) in entries {
            if !v.is_object() {
                form_error(out, &pointer, &format!("KMS entry is {}, not an object", json_kind(v)));
                continue;
            }
            let c = kms::verify_entry(
                &form,
                &pointer,
                str_member(v, "key_id"),
                str_member(v, "algorithm"),
                str_member(v, "signature"),
                payload,
                &ctx,
            );
            out.extend(Outcome { findings: c.findings, ..Outcome::default() });
            rows.push(c.row);
        }
    }

    // The verdict options: count distinct trusted (and pinned) signers.
    if need > 0 {
        let mut counted: Vec<&str> = Vec::new();
        for row in rows.iter().filter(|r| r.verdict == SigVerdict::Verified) {
            let Some(id) = &row.signer else { continue };
            let pinned = trust.signers.is_empty() || trust.signers.iter().any(|p| id.pinned_by(p));
            if pinned && !counted.contains(&id.identity()) {
                counted.push(id.identity());
            }
        }
        let which = if trust.signers.is_empty() {
            "a supplied key".to_owned()
        } else {
            format!("one of the --signer keys ({})", trust.signers.join(", "))
        };
        if counted.is_empty() {
            out.push(
                Finding::new(&diags::REQUIRED, "/signatures", format!("no signature verifies against {which}"))
                    .expected(format!("at least {need} verified signer(s)"))
                    .found("none"),
            );
        } else if counted.len() < need {
            out.push(
                Finding::new(
                    &diags::MIN_SIGNERS,
                    "/signatures",
                    format!("{} distinct trusted signer(s) verified, {need} required (--min-signers)", counted.len()),
                )
                .expected(need.to_string())
                .found(counted.len().to_string()),
            );
        }
    }
    rows
}

fn pgp_entry(
    form: &str,
    pointer: &str,
    entry: &Value,
    payload: &[u8],
    ctx: &pgp::Ctx<'_>,
    out: &mut Outcome,
) -> Vec<Checked> {
    let Value::Object(_) = entry else {
        form_error(out, pointer, &format!("OpenPGP entry is {}, not an object", json_kind(entry)));
        return Vec::new();
    };
    if entry.get("key_id").is_some_and(|k| !k.is_string()) {
        form_error(out, &child(pointer, "key_id"), "`key_id` is not a string");
    }
    let Some(armored) = str_member(entry, "signature") else {
        form_error(out, pointer, "OpenPGP entry has no `signature` string");
        return Vec::new();
    };
    pgp::verify_entry(form, pointer, str_member(entry, "key_id"), armored, payload, ctx)
}

fn form_error(out: &mut Outcome, pointer: &str, message: &str) {
    out.push(Finding::new(&diags::FORM, pointer, message));
}

fn skip_or_mark(out: &mut Outcome, prefix: &str, present: bool, why: &str) {
    for rule in diags::RULES.iter().filter(|r| r.id.starts_with(prefix)) {
        if present {
            out.mark(rule);
        } else {
            out.skip(rule, why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kms_spec_splits_at_the_first_equals_sign() {
        assert_eq!(
            split_kms_spec("arn:aws:kms:eu-west-1:1:key/x=k.pem"),
            (Some("arn:aws:kms:eu-west-1:1:key/x".into()), "k.pem".into())
        );
        assert_eq!(split_kms_spec("k.pem"), (None, "k.pem".into()));
    }

    #[test]
    fn signer_pins() {
        let pgp = SignerId::Pgp { primary: "A".repeat(40), key: "B".repeat(40) };
        assert!(pgp.pinned_by(&"a".repeat(40)));
        assert!(pgp.pinned_by(&"B".repeat(16)));
        assert!(!pgp.pinned_by(&"C".repeat(40)));
        let kms = SignerId::Kms { key_id: "arn:x".into(), spki_sha256: "00".into() };
        assert!(kms.pinned_by("arn:x") && !kms.pinned_by("arn:y"));
        let mut t = Trust::default();
        assert!(t.set_signers(vec!["B6F85D66".into()]).is_err());
        assert!(t.set_signers(vec!["arn:aws:kms:eu-west-1:1:key/x".into(), "A".repeat(40)]).is_ok());
    }
}
