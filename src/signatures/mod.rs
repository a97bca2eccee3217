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

use std::time::SystemTime;

use crate::finding::{child, Finding, Outcome};
use crate::options::{Options, Profile};
use crate::read::{Document, SIGNATURES};
use crate::rules::Rule;
use crate::text::json_kind;
use serde::Serialize;
use serde_json::Value;

/// Whether `signatures` carries any signature at all (a non-null `pgp` or `kms`).
pub fn present(sigs: Option<&Value>) -> bool {
    let Some(Value::Object(map)) = sigs else { return false };
    ["pgp", "kms"].iter().any(|k| !matches!(map.get(*k), None | Some(Value::Null)))
}

/// Signatures examined per bundle unless `--max-signatures` says otherwise.
pub const MAX_SIGNATURES: usize = 32;

/// What the auditor trusts and requires; part of [`Options`]. The keys come loaded
/// (`crate::inputs::keys` reads the files): verification never touches the file system.
#[derive(Debug, Clone)]
pub struct Trust {
    /// `--cert`, copies of one certificate merged ([`pgp::merge_copies`]).
    pub certs: Vec<sequoia_openpgp::Cert>,
    /// The `--cert` files each of `certs` came from (same order), for the record.
    pub cert_files: Vec<Vec<String>>,
    pub kms_keys: Vec<kms::KmsKey>,
    /// `--require-signature`: at least one signature must verify.
    pub require: bool,
    /// `--no-require-signature`: supplied keys do not by themselves demand a signature.
    pub keys_optional: bool,
    /// `--min-signers N`: N distinct trusted keys.
    pub min_signers: usize,
    /// `--signer`: only these keys count (fingerprints, long key IDs, KMS key IDs).
    pub signers: Vec<String>,
    /// `--max-signatures`: signature packets and KMS entries examined per bundle.
    pub max_signatures: usize,
    /// Revocations of `certs` by a designated revoker among `certs`, verified
    /// ([`pgp::designated_revocations`]); set by [`Trust::new`].
    pub designated_revocations: Vec<sequoia_openpgp::packet::Signature>,
    /// The fingerprints of `certs` as hex, made once ([`pgp::KeyHex`]); set by
    /// [`Trust::new`]. A memo: a key it lacks is formatted when asked.
    pub key_hex: pgp::KeyHex,
    /// The certificates of `certs` carrying a revocation by a designated revoker that no
    /// supplied key can check ([`pgp::unchecked_revocations_by_cert`]); set by [`Trust::new`].
    pub unchecked_revocations: Vec<(sequoia_openpgp::Fingerprint, String)>,
}

impl Default for Trust {
    fn default() -> Self {
        Trust {
            certs: Vec::new(),
            cert_files: Vec::new(),
            kms_keys: Vec::new(),
            require: false,
            keys_optional: false,
            min_signers: 0,
            signers: Vec::new(),
            max_signatures: MAX_SIGNATURES,
            designated_revocations: Vec::new(),
            key_hex: pgp::KeyHex::default(),
            unchecked_revocations: Vec::new(),
        }
    }
}

impl Trust {
    /// Trust these keys, with the default requirements. The revocations a designated
    /// revoker among `certs` made of one of them are verified here, once per run.
    pub fn new(certs: Vec<sequoia_openpgp::Cert>, kms_keys: Vec<kms::KmsKey>) -> Self {
        let designated_revocations = pgp::designated_revocations(&certs);
        let key_hex = pgp::KeyHex::of(&certs);
        let unchecked_revocations = pgp::unchecked_revocations_by_cert(&certs);
        Trust { certs, kms_keys, designated_revocations, key_hex, unchecked_revocations, ..Trust::default() }
    }

    /// Check `--signer` values: each must name a key supplied in this run, a KMS key ID
    /// the auditor bound with `--kms-key KEY_ID=FILE` or the fingerprint or long key ID
    /// of a `--cert` certificate's primary key or subkey. A hex value is read as an
    /// OpenPGP fingerprint or key ID unless it is such a KMS key ID (a JOSE `kid` may be
    /// any run of hex digits). A pin that names no supplied key can never be met: every
    /// bundle was rejected (`sig.required`, exit 1) for what is a mistake in the command
    /// (a certificate left out, a fingerprint mistyped), so it stops the run (exit 2), as
    /// a missing key file does. Set the keys first.
    pub fn set_signers(&mut self, signers: Vec<String>) -> Result<(), String> {
        // Looked up by hash: 16,000 pins on as many keys took 8 s, each pin held against
        // every key supplied.
        let bound: std::collections::HashSet<&str> = self.kms_keys.iter().filter_map(|k| k.key_id.as_deref()).collect();
        let by_key = pgp::certs_by_key_name(&self.certs);
        for s in &signers {
            // An empty pin names nobody: every bundle would be rejected for a typo in a
            // CI variable (`--signer "$SIGNER"` unset), with no word about why.
            if s.trim().is_empty() {
                return Err("--signer needs a fingerprint, a long key ID or a KMS key ID, not an empty value".into());
            }
            if bound.contains(s.as_str()) {
                continue;
            }
            if !looks_hex(s) {
                return Err(format!(
                    "--signer {s} names no supplied key: no --kms-key KEY_ID=FILE binds that key ID (a key given \
                     without KEY_ID= never satisfies --signer), and it is no OpenPGP fingerprint"
                ));
            }
            let claim = pgp::parse_claim(s).map_err(|e| format!("--signer {s}: {e}"))?;
            let holders: Vec<&sequoia_openpgp::Cert> =
                by_key.get(claim.hex()).into_iter().flatten().filter_map(|&i| self.certs.get(i)).collect();
            if holders.is_empty() {
                return Err(format!(
                    "--signer {s} names no supplied key: no --cert certificate has a primary key or subkey with \
                     that fingerprint or key ID, so no signature could ever count"
                ));
            }
            if !holders.iter().any(|c| pgp::pin_can_count(&claim, std::slice::from_ref(*c))) {
                return Err(format!(
                    "--signer {s} names a subkey that no binding signature marks for signing (an encryption \
                     key), so no signature could ever count; pin the certificate's primary key fingerprint, \
                     which counts signatures by any of its signing keys"
                ));
            }
        }
        self.signers = signers;
        Ok(())
    }

    /// `--min-signers` and `--max-signatures` against each other and the keys supplied:
    /// a requirement no bundle can meet (more signers than keys supplied, or than
    /// signatures examined) is a mistake in the command, and stops the run (exit 2),
    /// rather than reject every bundle as if the bundles were at fault. So is
    /// `--max-signatures 0`, under which every signed bundle was rejected, its verdict
    /// calling it "unsigned". Set the keys first.
    pub fn check_limits(&self) -> Result<(), String> {
        if self.max_signatures == 0 {
            return Err("--max-signatures 0 would examine no signature and reject every signed bundle; \
                        give at least 1 (default 32)"
                .into());
        }
        // Signers at most: the certificates (copies of one merged) and the KMS keys
        // supplied, less those that can only ever count as one signer ([`distinct_keys`]).
        // With no key at all, --min-signers demands a signature as --require-signature
        // does: every bundle is rejected (sig.required), as documented for a gate that
        // admits nothing unsigned.
        let keys = self.certs.len() + self.kms_keys.len();
        if keys > 0 && self.min_signers > keys {
            return Err(format!(
                "--min-signers {} can never be met: {keys} distinct key(s) supplied (--cert, --kms-key)",
                self.min_signers
            ));
        }
        let distinct = distinct_keys(self.certs.iter(), self.kms_keys.iter());
        if keys > 0 && self.min_signers > distinct {
            return Err(format!(
                "--min-signers {} can never be met: the {keys} keys supplied (--cert, --kms-key) hold {distinct} \
                 distinct public key(s); one public key supplied twice (under two key IDs, in two encodings or \
                 certificates, or one RSA modulus) is one signer (sig.same-key)",
                self.min_signers
            ));
        }
        // Some signatures are checked a bounded number of times per bundle: a version 6
        // OpenPGP signature needs a hash of the payload after its own salt, which RFC 9580
        // has random ([`pgp::MAX_SALTED_HASHES`] per bundle), and a KMS Ed25519 one a pure
        // verification ([`kms::MAX_PURE_ED25519`]). Keys past those bounds can sign but
        // never count, and every bundle was rejected (sig.min-signers) for the command's
        // demand.
        let reach = reachable_signers(self.certs.iter(), self.kms_keys.iter());
        if keys > 0 && self.min_signers > reach {
            return Err(format!(
                "--min-signers {} can never be met: of the {keys} key(s) supplied, at most {reach} can have a \
                 signature checked in one bundle ({})",
                self.min_signers,
                bounds_said()
            ));
        }
        // With --signer, only the pinned keys count.
        if !self.signers.is_empty() {
            // By hash, as in set_signers: each certificate's key names and each KMS key ID
            // looked up among the pins once.
            let claims: std::collections::HashSet<String> =
                self.signers.iter().filter_map(|p| pgp::parse_claim(p).ok()).map(|c| c.hex().to_owned()).collect();
            let pins: std::collections::HashSet<&str> = self.signers.iter().map(String::as_str).collect();
            let pinned_cert = |c: &sequoia_openpgp::Cert| pgp::key_names(c).any(|n| claims.contains(&n));
            let pinned_kms = |k: &&kms::KmsKey| k.key_id.as_deref().is_some_and(|id| pins.contains(id));
            let pinned =
                self.certs.iter().filter(|c| pinned_cert(c)).count() + self.kms_keys.iter().filter(pinned_kms).count();
            if self.min_signers > pinned {
                return Err(format!(
                    "--min-signers {} can never be met: the --signer pins name {pinned} of the supplied keys, and \
                     only signatures by those count",
                    self.min_signers
                ));
            }
            // Pins naming two keys that hold one public key (two certificates of one
            // private key) name one signer: `--min-signers 2` with such a pair pinned was
            // let through, and every bundle was rejected (sig.min-signers).
            let distinct =
                distinct_keys(self.certs.iter().filter(|c| pinned_cert(c)), self.kms_keys.iter().filter(pinned_kms));
            if self.min_signers > distinct {
                return Err(format!(
                    "--min-signers {} can never be met: the {pinned} supplied keys the --signer pins name hold \
                     {distinct} distinct public key(s); one public key supplied twice (under two key IDs, in two \
                     encodings or certificates, or one RSA modulus) is one signer (sig.same-key)",
                    self.min_signers
                ));
            }
            let reach = reachable_signers(
                self.certs.iter().filter(|c| pinned_cert(c)),
                self.kms_keys.iter().filter(pinned_kms),
            );
            if self.min_signers > reach {
                return Err(format!(
                    "--min-signers {} can never be met: of the {pinned} keys the --signer pins name, at most \
                     {reach} can have a signature checked in one bundle ({})",
                    self.min_signers,
                    bounds_said()
                ));
            }
        }
        if self.min_signers > self.max_signatures {
            return Err(format!(
                "--min-signers {} can never be met: at most {} signature(s) are examined per bundle \
                 (--max-signatures)",
                self.min_signers, self.max_signatures
            ));
        }
        Ok(())
    }

    /// How many distinct trusted signers the run demands, and why (empty: none).
    /// Supplying keys is a demand, as gpgv and sqv treat their keyrings; so are the
    /// signature options and the marketplace profile, which requires a signature.
    pub fn demand(&self, profile: Profile) -> (usize, Vec<&'static str>) {
        let mut why = Vec::new();
        if self.require {
            why.push("--require-signature");
        }
        if !self.signers.is_empty() {
            why.push("--signer");
        }
        if self.min_signers > 0 {
            why.push("--min-signers");
        }
        if profile == Profile::Marketplace {
            why.push("--profile marketplace");
        }
        if !self.keys_optional && !self.certs.is_empty() {
            why.push("--cert");
        }
        if !self.keys_optional && !self.kms_keys.is_empty() {
            why.push("--kms-key");
        }
        let need = if why.is_empty() { 0 } else { self.min_signers.max(1) };
        (need, why)
    }

    /// The supplied keys, as a finding names them: a certificate by its primary valid
    /// user ID at `now` ([`pgp::valid_user_ids`]), never by a name nobody bound to it.
    fn describe_keys(&self, now: SystemTime) -> Vec<String> {
        let policy = sequoia_openpgp::policy::StandardPolicy::at(now);
        let mut out: Vec<String> = self
            .certs
            .iter()
            .map(|c| match pgp::valid_user_ids(c, &policy, now).first() {
                // Quoted as the verdict quotes it: the key holder's text, not ours.
                Some(u) => format!("OpenPGP {} ({})", c.fingerprint().to_hex(), crate::text::quote_user_id(u)),
                None => format!("OpenPGP {} (no valid user ID)", c.fingerprint().to_hex()),
            })
            .collect();
        out.extend(self.kms_keys.iter().map(|k| match &k.key_id {
            Some(id) => format!("KMS {id} ({} key {})", k.key.describe(), k.file),
            None => format!("KMS key {} ({}, no KEY_ID: never satisfies --signer)", k.file, k.key.describe()),
        }));
        out
    }
}

/// The per-bundle bounds [`reachable_signers`] applies, as a message says them.
fn bounds_said() -> String {
    format!(
        "a version 6 OpenPGP signature needs a salted hash of its own, at most {} per bundle; KMS Ed25519 \
         signatures pure verifications, of at most {} signatures per bundle",
        pgp::MAX_SALTED_HASHES,
        kms::MAX_PURE_ED25519
    )
}

/// How many of these keys can each have a signature checked in one bundle, at most: a
/// version 6 certificate's signatures need salted hashes, of which a bundle gets
/// [`pgp::MAX_SALTED_HASHES`]; a KMS Ed25519 key's need pure verifications, made for at
/// most [`kms::MAX_PURE_ED25519`] signatures of a bundle. Other keys are not bounded so.
fn reachable_signers<'a>(
    certs: impl Iterator<Item = &'a sequoia_openpgp::Cert>,
    kms_keys: impl Iterator<Item = &'a kms::KmsKey>,
) -> usize {
    let (mut v6, mut ed25519, mut other) = (0usize, 0usize, 0usize);
    for c in certs {
        if c.primary_key().key().version() == 6 {
            v6 += 1;
        } else {
            other += 1;
        }
    }
    for k in kms_keys {
        if matches!(k.key, kms::PublicKey::Ed25519(_)) {
            ed25519 += 1;
        } else {
            other += 1;
        }
    }
    other + v6.min(pgp::MAX_SALTED_HASHES) + ed25519.min(kms::MAX_PURE_ED25519)
}

/// How many distinct signers the supplied keys can make at most: signers are told apart
/// by the public key that verified ([`signer_groups`]), so keys that each hold exactly
/// one public key, the same one (a KMS key under two IDs or encodings, a certificate
/// of one key and its copy as a KMS key), always count as one. A certificate with
/// several keys counts apart from every other key: its other keys may sign.
fn distinct_keys<'a>(
    certs: impl Iterator<Item = &'a sequoia_openpgp::Cert>,
    kms_keys: impl Iterator<Item = &'a kms::KmsKey>,
) -> usize {
    let mut single = std::collections::HashSet::new();
    let mut several = 0usize;
    for c in certs {
        let materials: std::collections::HashSet<String> = c.keys().map(|ka| pgp::key_material(ka.key())).collect();
        match materials.into_iter().collect::<Vec<_>>().as_slice() {
            [one] => {
                single.insert(one.clone());
            }
            _ => several += 1,
        }
    }
    for k in kms_keys {
        single.insert(k.key.material());
    }
    single.len() + several
}

fn looks_hex(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(&t);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_hexdigit())
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
    Pgp {
        primary: String,
        key: String,
    },
    /// `bound`: the auditor gave the key for this key_id (`--kms-key KEY_ID=FILE`).
    Kms {
        key_id: String,
        spki_sha256: String,
        bound: bool,
    },
}

impl SignerId {
    /// The supplied key this signer is: a certificate (whichever of its keys signed)
    /// or a KMS public key (whatever its ID or encoding).
    fn identity(&self) -> (&'static str, &str) {
        match self {
            SignerId::Pgp { primary, .. } => ("pgp", primary),
            SignerId::Kms { spki_sha256, .. } => ("kms", spki_sha256),
        }
    }

    /// The supplied key, as a finding names it.
    fn describe(&self) -> String {
        match self {
            SignerId::Pgp { primary, .. } => format!("OpenPGP certificate {primary}"),
            SignerId::Kms { key_id, spki_sha256, bound: true } => {
                format!("KMS key {key_id:?} (public key sha256 {spki_sha256})")
            }
            SignerId::Kms { spki_sha256, .. } => {
                format!("the KMS public key sha256 {spki_sha256} given without a key ID")
            }
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
            // An unbound key verified whatever key_id the bundle wrote: that name is the
            // bundle's claim, not the auditor's, so it never satisfies a pin.
            SignerId::Kms { key_id, bound, .. } => *bound && key_id == pin,
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
    /// Whether `issuer` is the key the signature verified with. Otherwise it is only
    /// what the signature claims (OpenPGP: its issuer subpacket, written by whoever made
    /// it) or the supplied key tried (KMS), and reports must not say "made by".
    pub issuer_verified: bool,
    pub algorithm: Option<String>,
    /// OpenPGP creation time, RFC 3339 (KMS signatures carry none).
    pub created: Option<String>,
    pub verdict: SigVerdict,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<SignerId>,
    /// The public key material of the key that verified (`pgp::key_material`,
    /// `kms::PublicKey::material`): what makes two supplied keys one signer.
    #[serde(skip)]
    pub key_material: Option<String>,
    /// The rules of its kind (`sig.pgp.*`, `sig.kms.*`) really evaluated for this
    /// signature: one whose armor or base64 holds no signature, one no supplied key was
    /// tried on, or one rejected before a check, leaves that check unrun (spec 7).
    #[serde(skip)]
    pub ran: Vec<&'static str>,
    /// Whether a signature was read from the entry: an OpenPGP signature packet parsed
    /// from its armor, a KMS signature decoded from its base64.
    #[serde(skip)]
    pub parsed: bool,
    /// The primary fingerprints of the other supplied certificates that bind the key
    /// that verified (one signing subkey bound to two certificates) and over which the
    /// signature verifies too: a `--signer` pin naming one of them counts it, since a pin
    /// on a primary key counts signatures by any of its certificate's signing keys. Which
    /// certificate `signer` names is the bundle's `key_id`'s choice, not the auditor's.
    #[serde(skip)]
    pub also_bound_by: Vec<String>,
}

impl SigRow {
    pub fn new(kind: &'static str, form: &str, pointer: &str) -> Self {
        SigRow { kind, form: form.into(), pointer: pointer.into(), ..Default::default() }
    }

    /// Does a `--signer` value name one of [`SigRow::also_bound_by`]'s certificates?
    fn also_pinned_by(&self, pin: &str) -> bool {
        self.also_bound_by.iter().any(|primary| {
            let id = SignerId::Pgp { primary: primary.clone(), key: primary.clone() };
            id.pinned_by(pin)
        })
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
    check_hashed(doc, opts, None, out)
}

/// [`check`], given the payload's SHA-256 state the integrity check made (see
/// [`crate::integrity::PayloadState`]), so a version 4 SHA-256 signature does not hash
/// the payload again.
pub fn check_hashed(
    doc: &Document,
    opts: &Options,
    hashed: Option<&crate::integrity::PayloadState>,
    out: &mut Outcome,
) -> Vec<SigRow> {
    let trust = &opts.trust;
    let sigs = doc.member_ref(SIGNATURES);
    out.mark(&diags::NONE);
    out.mark(&diags::FORM);
    out.mark(&diags::TOO_MANY);
    let (need, demanded_by) = trust.demand(opts.profile);
    if need > 0 {
        out.mark(&diags::REQUIRED);
    } else {
        out.skip(&diags::REQUIRED, "not asked for (no key supplied, no --require-signature or --signer)");
    }
    // `--min-signers 1` demands one verified signer, which is `sig.required`'s check
    // (`demand`): the skip says so. It said "not asked for (--min-signers)" in every
    // format of a run given `--min-signers 1`, beside a record stating "min 1 signers".
    match trust.min_signers {
        0 => out.skip(&diags::MIN_SIGNERS, "not asked for (--min-signers)"),
        1 => out.skip(&diags::MIN_SIGNERS, "--min-signers 1 asks for one verified signer, which sig.required checks"),
        _ => out.mark(&diags::MIN_SIGNERS),
    }

    let mut rows = Vec::new();
    let (pgp_value, kms_value, sibling_key_id) = match &sigs {
        Some(Value::Object(map)) => (map.get("pgp"), map.get("kms"), map.get("key_id")),
        _ => (None, None, None),
    };
    // An array's entries, past the first --max-signatures, are counted, not parsed: no
    // check looks at more (the shared tree holds such an array empty).
    let head = |name: &str, v: Option<&Value>| match v {
        Some(Value::Array(_)) => doc.signature_entries(name, trust.max_signatures).map(|(h, n)| {
            let more = n > h.len();
            (Value::Array(h), more)
        }),
        _ => None,
    };
    let pgp_head = head("pgp", pgp_value);
    let kms_head = head("kms", kms_value);
    let pgp_value = pgp_head.as_ref().map(|(v, _)| v).or(pgp_value);
    let kms_value = kms_head.as_ref().map(|(v, _)| v).or(kms_value);
    let has_pgp = !matches!(pgp_value, None | Some(Value::Null));
    let has_kms = !matches!(kms_value, None | Some(Value::Null));
    if !has_pgp {
        skip_family(out, "sig.pgp.", "no OpenPGP signature in the bundle");
    }
    if !has_kms {
        skip_family(out, "sig.kms.", "no KMS signature in the bundle");
    }

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
    let mut budget = trust.max_signatures;
    let mut pgp_seen = Examined::default();
    let mut kms_seen = Examined::default();
    if has_pgp {
        let generated_at =
            doc.member_ref("generated_at").and_then(|v| crate::clock::parse_rfc3339(v.as_str()?)).map(SystemTime::from);
        if generated_at.is_none() {
            // Nothing to hold the signing time against: not checked, never PASS.
            out.skip(&diags::PGP_BEFORE_GENERATED, "no RFC 3339 generated_at in the bundle (see Schema)");
        }
        let policy = sequoia_openpgp::policy::StandardPolicy::at(now);
        let ctx = pgp::Ctx {
            now,
            generated_at,
            policy: &policy,
            certs: &trust.certs,
            designated: &trust.designated_revocations,
            hex: &trust.key_hex,
            unchecked_revocations: &trust.unchecked_revocations,
        };
        let entries = pgp_entries(pgp_value, sibling_key_id, &mut budget, out, &mut pgp_seen);
        pgp_seen.truncated |= pgp_head.as_ref().is_some_and(|(_, more)| *more);
        let (checked, more) = pgp::check_entries(&entries, payload, hashed, &ctx, &mut budget);
        pgp_seen.truncated |= more;
        for c in checked {
            out.extend(Outcome::of_findings(c.findings));
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
        let payload = kms::Payload::new(payload);
        let entries = kms_entries(kms_value, &mut budget, out, &mut kms_seen);
        kms_seen.truncated |= kms_head.as_ref().is_some_and(|(_, more)| *more);
        for (form, pointer, v) in entries {
            // A member present but not a string is named for what it is, at its pointer
            // (as an OpenPGP entry's `key_id` is); the entry is then malformed.
            for name in ["key_id", "algorithm", "signature"] {
                if let Some(m) = v.get(name).filter(|m| !m.is_string()) {
                    form_error(out, &child(&pointer, name), &format!("`{name}` is {}, not a string", json_kind(m)));
                }
            }
            let c = kms::verify_entry(
                &form,
                &pointer,
                str_member(v, "key_id"),
                str_member(v, "algorithm"),
                str_member(v, "signature"),
                &payload,
                &ctx,
            );
            out.extend(Outcome::of_findings(c.findings));
            rows.push(c.row);
        }
    }
    if pgp_seen.truncated || kms_seen.truncated {
        let max = trust.max_signatures;
        out.push(
            Finding::new(
                &diags::TOO_MANY,
                "/signatures",
                format!(
                    "more than {max} signatures (OpenPGP entries and packets, KMS entries): the first {max} \
                     were examined, the rest were not"
                ),
            )
            .expected(format!("at most {max} signatures (--max-signatures)"))
            .found(format!("more than {max}")),
        );
    }

    if has_pgp {
        let family =
            Family { kind: "pgp", name: "OpenPGP", keyed: diags::PGP_KEYED, per_signature: diags::PGP_PER_PACKET };
        mark_family(out, &rows, &family, &pgp_seen);
    }
    if has_kms {
        let family =
            Family { kind: "kms", name: "KMS", keyed: diags::KMS_KEYED, per_signature: diags::KMS_PER_SIGNATURE };
        mark_family(out, &rows, &family, &kms_seen);
    }

    if rows.iter().any(|r| r.verdict == SigVerdict::Verified) {
        out.mark(&diags::SAME_KEY);
        same_key(&rows, out);
    } else if has_pgp || has_kms {
        // Only keys that verified are compared: with none, nothing was.
        out.skip(&diags::SAME_KEY, "no signature verified against a supplied key: not checked");
    } else {
        out.skip(&diags::SAME_KEY, "no signature in the bundle");
    }
    if need > 0 {
        require(trust, &rows, need, &demanded_by, now, out, has_pgp || has_kms);
    }
    rows
}

/// Verified signatures grouped by signer, as indices into `rows`: two are by one
/// signer when one supplied key verified both (a certificate, whichever of its keys
/// signed; a KMS key, whatever its ID or encoding) or when the keys that verified have
/// the same public key material, whatever they were supplied as (one private key in two
/// certificates, or as a certificate and a KMS key). Groups in order of first row.
fn signer_groups(rows: &[&SigRow]) -> Vec<Vec<usize>> {
    // Union-find over the rows (at most --max-signatures of them).
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while let Some(&p) = parent.get(i) {
            if p == i {
                break;
            }
            let grand = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }
    let mut by_key: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let keys = row
            .signer
            .as_ref()
            .map(|id| {
                let (kind, id) = id.identity();
                format!("{kind}:{id}")
            })
            .into_iter()
            .chain(row.key_material.iter().map(|m| format!("material:{m}")));
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, j), root(&mut parent, i));
                    if let Some(slot) = parent.get_mut(b) {
                        *slot = a;
                    }
                }
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..rows.len() {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// An info finding for each signer the auditor supplied under two or more keys (the
/// same public key as two certificates, or as a certificate and a KMS key): the report
/// names them separately, but they count once.
fn same_key(rows: &[SigRow], out: &mut Outcome) {
    let verified: Vec<&SigRow> = rows.iter().filter(|r| r.verdict == SigVerdict::Verified).collect();
    for group in signer_groups(&verified) {
        let mut names: Vec<String> = Vec::new();
        let mut at: Vec<&str> = Vec::new();
        for row in group.iter().filter_map(|&i| verified.get(i)) {
            let Some(id) = &row.signer else { continue };
            let name = id.describe();
            if !names.contains(&name) {
                names.push(name);
            }
            at.push(&row.pointer);
        }
        if names.len() < 2 {
            continue;
        }
        let family = group
            .first()
            .and_then(|&i| verified.get(i))
            .and_then(|r| r.key_material.as_deref())
            .and_then(|m| m.split(':').next())
            .unwrap_or("public");
        // RSA keys are one signer by their modulus alone, whatever their exponents.
        let one = match family {
            "rsa" => "one RSA modulus (whoever knows its factors holds the key for every exponent)".to_owned(),
            _ => format!("one {family} key"),
        };
        out.push(Finding::new(
            &diags::SAME_KEY,
            "/signatures",
            format!(
                "{one} was supplied as {}: its signatures ({}) count as one signer",
                names.join(" and "),
                at.join(", ")
            ),
        ));
    }
}

/// The verdict options: count distinct trusted (and pinned) signers.
/// `signed`: the bundle has a `pgp` or `kms` member, usable or not.
fn require(
    trust: &Trust,
    rows: &[SigRow],
    need: usize,
    demanded_by: &[&str],
    now: SystemTime,
    out: &mut Outcome,
    signed: bool,
) {
    let pinned: Vec<&SigRow> = rows
        .iter()
        .filter(|r| r.verdict == SigVerdict::Verified)
        .filter(|r| {
            r.signer.as_ref().is_some_and(|id| {
                trust.signers.is_empty() || trust.signers.iter().any(|p| id.pinned_by(p) || r.also_pinned_by(p))
            })
        })
        .collect();
    let counted = signer_groups(&pinned);
    if counted.is_empty() {
        let which = if trust.signers.is_empty() {
            "a supplied key".to_owned()
        } else {
            format!("one of the --signer keys ({})", trust.signers.join(", "))
        };
        let claimed: Vec<String> = rows
            .iter()
            .map(|r| match r.claimed_key_id.as_deref() {
                // Quoted: a key_id cannot continue the list as another claim or key.
                Some(k) => format!("{} {}", r.kind, crate::text::quote_claim(k, crate::text::CLAIM_QUOTE_MAX)),
                None => format!("{} (no key_id)", r.kind),
            })
            .collect();
        let claimed = match (claimed.is_empty(), signed) {
            (false, _) => claimed.join(", "),
            (true, false) => "no signer (it is unsigned)".to_owned(),
            // `pgp: 42`, or entries past --max-signatures: a signature member, not unsigned
            (true, true) => "no signer (its signature members hold no usable signature)".to_owned(),
        };
        let keys = trust.describe_keys(now);
        let tried = if keys.is_empty() { "none were supplied".to_owned() } else { keys.join("; ") };
        out.push(
            Finding::new(
                &diags::REQUIRED,
                "/signatures",
                format!(
                    "no signature verifies against {which} (required by {}): the bundle claims {claimed}; keys \
                     tried: {tried}",
                    demanded_by.join(", ")
                ),
            )
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

/// What of a family's signatures no check could look at: entries `sig.form` refused,
/// and whether some were left past `--max-signatures`. With any, no check of the family
/// ran on all its signatures, so none is PASS (spec 7).
#[derive(Debug, Default)]
struct Examined {
    /// Pointers of the entries that hold no usable signature entry (`sig.form`).
    unusable: Vec<String>,
    /// Signatures past `--max-signatures` were not examined.
    truncated: bool,
}

/// The `pgp` member as entries, in the forms the format allows; other shapes are
/// `sig.form` findings, their pointers in `seen`. Each array entry counts against
/// `budget` (`--max-signatures`): one that is not a usable entry costs one here, a usable
/// one is left for [`pgp::check_entries`] to charge (its packets, at least one). Entries
/// past the budget are not looked at; `seen` says there were some.
fn pgp_entries<'a>(
    pgp_value: Option<&'a Value>,
    sibling_key_id: Option<&'a Value>,
    budget: &mut usize,
    out: &mut Outcome,
    seen: &mut Examined,
) -> Vec<pgp::Entry<'a>> {
    let base = "/signatures/pgp";
    let mut entries = Vec::new();
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
            entries.push(pgp::Entry { form: "bare string".into(), pointer: base.into(), claim, armored });
        }
        Some(entry @ Value::Object(_)) => match pgp_entry("object".into(), base.into(), entry, out) {
            Some(e) => entries.push(e),
            None => seen.unusable.push(base.into()),
        },
        Some(Value::Array(items)) => {
            for (i, entry) in items.iter().enumerate() {
                if entries.len() >= *budget {
                    seen.truncated = true;
                    break;
                }
                let pointer = child(base, &i.to_string());
                match pgp_entry(format!("array [{i}]"), pointer.clone(), entry, out) {
                    Some(e) => entries.push(e),
                    None => {
                        seen.unusable.push(pointer);
                        *budget = budget.saturating_sub(1);
                    }
                }
            }
            if items.is_empty() {
                form_error(out, base, "`signatures.pgp` is an empty array");
                seen.unusable.push(base.into());
            }
        }
        Some(Value::Null) | None => {}
        Some(other) => {
            form_error(
                out,
                base,
                &format!("`signatures.pgp` is {}, not an object, array or armored string", json_kind(other)),
            );
            seen.unusable.push(base.into());
        }
    }
    entries
}

fn pgp_entry<'a>(form: String, pointer: String, entry: &'a Value, out: &mut Outcome) -> Option<pgp::Entry<'a>> {
    let Value::Object(_) = entry else {
        form_error(out, &pointer, &format!("OpenPGP entry is {}, not an object", json_kind(entry)));
        return None;
    };
    if entry.get("key_id").is_some_and(|k| !k.is_string()) {
        form_error(out, &child(&pointer, "key_id"), "`key_id` is not a string");
    }
    let Some(armored) = str_member(entry, "signature") else {
        form_error(out, &pointer, "OpenPGP entry has no `signature` string");
        return None;
    };
    Some(pgp::Entry { form, pointer, claim: str_member(entry, "key_id"), armored })
}

/// The `kms` member as (form, pointer, object) entries; other shapes are findings,
/// their pointers in `seen`. Every entry, usable or not, costs one of `budget`
/// (`--max-signatures`); those past it are not looked at, and `seen` says there were some.
fn kms_entries<'a>(
    kms_value: Option<&'a Value>,
    budget: &mut usize,
    out: &mut Outcome,
    seen: &mut Examined,
) -> Vec<(String, String, &'a Value)> {
    let base = "/signatures/kms";
    let mut entries: Vec<(String, String, &Value)> = Vec::new();
    match kms_value {
        Some(v @ Value::Object(_)) if *budget > 0 => {
            *budget -= 1;
            entries.push(("object".into(), base.into(), v));
        }
        Some(Value::Object(_)) => seen.truncated = true,
        Some(Value::Array(items)) => {
            if items.is_empty() {
                form_error(out, base, "`signatures.kms` is an empty array");
                seen.unusable.push(base.into());
            }
            for (i, v) in items.iter().enumerate() {
                if *budget == 0 {
                    seen.truncated = true;
                    break;
                }
                *budget -= 1;
                entries.push((format!("array [{i}]"), child(base, &i.to_string()), v));
            }
        }
        Some(Value::Null) | None => {}
        Some(other) => {
            form_error(out, base, &format!("`signatures.kms` is {}, not an object or array", json_kind(other)));
            seen.unusable.push(base.into());
        }
    }
    entries.retain(|(_, pointer, v)| {
        if v.is_object() {
            return true;
        }
        form_error(out, pointer, &format!("KMS entry is {}, not an object", json_kind(v)));
        seen.unusable.push(pointer.clone());
        false
    });
    entries
}

fn form_error(out: &mut Outcome, pointer: &str, message: &str) {
    out.push(Finding::new(&diags::FORM, pointer, message));
}

/// Skips every rule of a family (`sig.pgp.`, `sig.kms.`) when the bundle has none of
/// its signatures.
fn skip_family(out: &mut Outcome, prefix: &str, why: &str) {
    for rule in diags::RULES.iter().filter(|r| r.id.starts_with(prefix)) {
        out.skip(rule, why);
    }
}

/// A family of signature rules, for [`mark_family`].
struct Family {
    /// The rows' kind ("pgp", "kms"); its rules are `sig.{kind}.*`.
    kind: &'static str,
    /// How a reason names its signatures.
    name: &'static str,
    /// The rules that need a supplied key.
    keyed: &'static [&'static Rule],
    /// The rules that need no key but a signature read from the entry.
    per_signature: &'static [&'static Rule],
}

/// Pointers listed in a "not checked" reason, at most.
const NOT_CHECKED_LISTED: usize = 3;

/// The rules of a family present in the bundle: each is PASS only when it ran for every
/// signature of the family (spec 7: a rule is PASS only when it really ran), as the rows
/// record ([`SigRow::ran`]), with no entry refused by `sig.form` and none left past
/// `--max-signatures`. A rule that needs a signature packet is not PASS for an entry whose
/// armor holds none, one that needs a key not for a signature no supplied key was tried
/// on. One signature checked and one not is not a pass for both: the rule is SKIP, its
/// reason saying for how many it ran and which were not checked. A finding makes the rule
/// FAIL (or WARN, INFO) whatever this says.
fn mark_family(out: &mut Outcome, rows: &[SigRow], family: &Family, seen: &Examined) {
    let prefix = format!("sig.{}.", family.kind);
    let name = family.name;
    let rows: Vec<&SigRow> = rows.iter().filter(|r| r.kind == family.kind).collect();
    let unread = match family.kind {
        "pgp" => "no OpenPGP signature packet could be parsed",
        _ => "no KMS signature could be read from the entry",
    };
    let reached = |r: &SigRow| r.ran.iter().any(|id| family.keyed.iter().any(|k| k.id == *id));
    for &rule in diags::RULES.iter().filter(|r| r.id.starts_with(prefix.as_str())) {
        let keyed = family.keyed.iter().any(|k| std::ptr::eq(*k, rule));
        let needs_signature = keyed || family.per_signature.iter().any(|k| std::ptr::eq(*k, rule));
        let (ran, not): (Vec<&SigRow>, Vec<&SigRow>) = rows.iter().partition(|r| r.ran.contains(&rule.id));
        if !ran.is_empty() && not.is_empty() && seen.unusable.is_empty() && !seen.truncated {
            out.mark(rule);
            continue;
        }
        let why_not = |r: &SigRow| {
            if keyed && reached(r) && r.verdict != SigVerdict::Rejected {
                // A supplied key was tried, and the signature neither verified nor failed:
                // the per-bundle bound of salted hashes or Ed25519 verifications was spent.
                "past the per-bundle bound of such verifications, see sig.too-many"
            } else if keyed && reached(r) {
                "rejected by an earlier check"
            } else if needs_signature && !r.parsed {
                unread
            } else if r.verdict == SigVerdict::Rejected {
                if keyed {
                    "rejected before a supplied key could be tried"
                } else {
                    "rejected by an earlier check"
                }
            } else if keyed {
                "no supplied key for this signature"
            } else {
                "not reached"
            }
        };
        let mut missed: Vec<(&str, &str)> = not.iter().map(|r| (r.pointer.as_str(), why_not(r))).collect();
        missed.extend(seen.unusable.iter().map(|p| (p.as_str(), "not a usable entry, see sig.form")));
        let total = ran.len() + missed.len();
        let mut reason = match (ran.len(), missed.as_slice()) {
            (_, []) if ran.is_empty() => format!("no {name} signature was examined: not checked"),
            (k, []) => format!("checked for the {k} {name} signature(s) examined"),
            (0, [(_, why)]) => format!("{why}: not checked"),
            (0, [(_, first), rest @ ..]) if rest.iter().all(|(_, why)| why == first) => {
                if *first == "no supplied key for this signature" {
                    format!("no supplied key for any of the {total} {name} signatures: not checked")
                } else {
                    format!("{first}, for any of the {total} {name} signatures: not checked")
                }
            }
            (k, _) => {
                let mut listed: Vec<String> =
                    missed.iter().take(NOT_CHECKED_LISTED).map(|(p, why)| format!("{p} ({why})")).collect();
                if missed.len() > NOT_CHECKED_LISTED {
                    listed.push(format!("and {} more", missed.len() - NOT_CHECKED_LISTED));
                }
                format!("checked for {k} of the {total} {name} signatures; not checked for {}", listed.join(", "))
            }
        };
        if seen.truncated {
            reason.push_str("; those past --max-signatures were not examined (sig.too-many)");
        }
        out.skip(rule, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What demands a signature is the library's policy, the marketplace profile
    /// included, not the command line's glue.
    #[test]
    fn demand_comes_from_keys_options_and_profile() {
        let t = Trust::default();
        assert_eq!(t.demand(Profile::None), (0, vec![]));
        assert_eq!(t.demand(Profile::Public), (0, vec![]));
        assert_eq!(t.demand(Profile::Marketplace), (1, vec!["--profile marketplace"]));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/certs");
        let certs = pgp::parse_cert_file(&std::fs::read(dir.join("ed25519.asc")).unwrap()).unwrap();
        let mut t = Trust::new(certs, Vec::new());
        assert_eq!(t.demand(Profile::None), (1, vec!["--cert"]));
        t.keys_optional = true;
        assert_eq!(t.demand(Profile::None), (0, vec![]));
        t.min_signers = 2;
        assert_eq!(t.demand(Profile::Marketplace), (2, vec!["--min-signers", "--profile marketplace"]));
    }

    /// A row whose key checks stopped at the per-bundle bound (verdict unverified,
    /// `sig.too-many`) is said to be not checked for that reason, not "rejected".
    #[test]
    fn a_signature_past_the_verification_bound_is_not_said_rejected() {
        let row = |i: usize, verdict: SigVerdict, ran: &[&'static Rule]| SigRow {
            verdict,
            parsed: true,
            ran: ran.iter().map(|r| r.id).chain([diags::KMS_MALFORMED.id, diags::KMS_UNKNOWN_ALGORITHM.id]).collect(),
            ..SigRow::new("kms", "array", &format!("/signatures/kms/{i}"))
        };
        let all = [&diags::KMS_ALGORITHM_MISMATCH, &diags::KMS_WEAK_KEY, &diags::KMS_BAD, &diags::KMS_KEY_ID_UNBOUND];
        let rows = [
            row(0, SigVerdict::Verified, &[&all[..], &[&diags::KMS_UNVERIFIED]].concat()),
            row(
                1,
                SigVerdict::Unverified,
                &[&diags::KMS_ALGORITHM_MISMATCH, &diags::KMS_WEAK_KEY, &diags::KMS_UNVERIFIED],
            ),
        ];
        let mut out = Outcome::default();
        let family =
            Family { kind: "kms", name: "KMS", keyed: diags::KMS_KEYED, per_signature: diags::KMS_PER_SIGNATURE };
        mark_family(&mut out, &rows, &family, &Examined::default());
        let reason = |rule: &Rule| out.skipped.iter().find(|(id, _)| *id == rule.id).map(|(_, why)| why.clone());
        assert_eq!(
            reason(&diags::KMS_BAD).as_deref(),
            Some(
                "checked for 1 of the 2 KMS signatures; not checked for /signatures/kms/1 (past the per-bundle \
                 bound of such verifications, see sig.too-many)"
            )
        );
        for rule in
            [&diags::KMS_ALGORITHM_MISMATCH, &diags::KMS_WEAK_KEY, &diags::KMS_UNVERIFIED, &diags::KMS_MALFORMED]
        {
            assert!(out.evaluated.contains(&rule.id) && reason(rule).is_none(), "{}", rule.id);
        }
    }

    #[test]
    fn signer_pins() {
        let pgp = SignerId::Pgp { primary: "A".repeat(40), key: "B".repeat(40) };
        assert!(pgp.pinned_by(&"a".repeat(40)));
        assert!(pgp.pinned_by(&"B".repeat(16)));
        assert!(!pgp.pinned_by(&"C".repeat(40)));
        let kms = SignerId::Kms { key_id: "arn:x".into(), spki_sha256: "00".into(), bound: true };
        assert!(kms.pinned_by("arn:x") && !kms.pinned_by("arn:y"));
        let unbound = SignerId::Kms { key_id: "arn:x".into(), spki_sha256: "00".into(), bound: false };
        assert!(!unbound.pinned_by("arn:x"));
        let mut t = Trust::default();
        assert!(t.set_signers(vec!["B6F85D66".into()]).is_err());
        // With no key supplied, no pin can ever be met (tests/options.rs runs the binary).
        for pin in ["arn:aws:kms:eu-west-1:1:key/x".to_owned(), "A".repeat(40)] {
            assert!(t.set_signers(vec![pin]).unwrap_err().contains("names no supplied key"));
        }
    }
}
