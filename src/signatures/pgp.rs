//! OpenPGP detached signatures over the payload (sequoia-openpgp, pure-Rust backend).
//!
//! Trust comes only from the certificates passed with `--cert`. Policy is sequoia's
//! `StandardPolicy` fixed at the verifier's clock (`--now`), never at a date the
//! signer chose; key validity, expiry and revocation are judged at the signature's
//! creation time, except hard revocations, which sequoia applies whatever the time.

use std::time::{Duration, SystemTime};

use sequoia_openpgp as openpgp;

use openpgp::cert::prelude::*;
use openpgp::packet::Signature;
use openpgp::packet::{key, Key};
use openpgp::parse::Parse;
use openpgp::policy::Policy as _;
use openpgp::policy::{AsymmetricAlgorithm, HashAlgoSecurity, StandardPolicy};
use openpgp::types::HashAlgorithm;
use openpgp::types::{ReasonForRevocation, RevocationStatus, SignatureType};
use openpgp::{Cert, Fingerprint, KeyID, Packet};

use super::{diags, fmt_time, Checked, SigRow, SigVerdict as Verdict, SignerId};
use crate::finding::Finding;
use crate::rules::Rule;

/// Signatures dated later than `now` by more than this are "from the future".
use crate::options::CLOCK_SKEW;

/// How far ahead a scheduled policy cutoff is announced.
const CUTOFF_NOTICE: Duration = Duration::from_secs(365 * 24 * 3600);

/// Why a `--cert` file gave no certificates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertFileError {
    /// Not an OpenPGP certificate or keyring (sequoia's reason).
    Unreadable(String),
    /// Certificates whose signatures would cost too much to sort ([`MAX_CERT_SORT_WORK`]).
    TooCostly(String),
    /// A certificate whose key vouches for nothing ([`small_order_key`]).
    Refused(String),
}

impl std::fmt::Display for CertFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CertFileError::Unreadable(s) | CertFileError::TooCostly(s) | CertFileError::Refused(s) => f.write_str(s),
        }
    }
}

/// Parse one `--cert` file: armored or binary, one certificate or a keyring.
pub fn parse_cert_file(bytes: &[u8]) -> Result<Vec<Cert>, CertFileError> {
    let unreadable = |e: openpgp::anyhow::Error| CertFileError::Unreadable(format!("{e:#}"));
    let mut out = Vec::new();
    // One certificate in the plain armor layout (as `gpg --export --armor` writes it)
    // is decoded here, as signatures are (see `dearmor_plain` for what its reader
    // costs). Anything else (keyrings, headers, binary) goes to sequoia.
    let plain = std::str::from_utf8(bytes).ok().and_then(|t| dearmor_block(t.trim_start(), "PGP PUBLIC KEY BLOCK"));
    let parser = match &plain {
        Some(binary) => binary_packets(binary).map(CertParser::from),
        None => CertParser::from_bytes(bytes),
    }
    .map_err(unreadable)?;
    // Each certificate is weighed before sequoia sorts its signatures (the filter sees it
    // unsorted); one over what is left of the file's budget is skipped, and the file
    // refused below.
    let left = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(MAX_CERT_SORT_WORK));
    let refused = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    // Sequoia calls the filter again on each certificate it sorted: that call is not
    // charged (calls alternate, one before and one after, whenever the first says yes).
    let sorted_next = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (l, r, n) = (left.clone(), refused.clone(), sorted_next.clone());
    let parser = parser.unvalidated_cert_filter(move |cert, _| {
        use std::sync::atomic::Ordering::Relaxed;
        if n.swap(false, Relaxed) {
            return true;
        }
        if r.get().is_some() {
            return false;
        }
        let cost = SortCost::of(cert, all_signatures(cert));
        let fits = l.fetch_update(Relaxed, Relaxed, |left| left.checked_sub(cost.work())).is_ok();
        if fits {
            n.store(true, Relaxed);
        } else {
            let fpr = cert.fingerprint().to_hex();
            let _ = r.set(cost.refusal(&fpr, &format!("certificate {fpr}"), cost.work(), "one --cert file"));
        }
        fits
    });
    for cert in parser {
        let cert = cert.map_err(unreadable)?;
        if refused.get().is_none() {
            out.push(cert);
        }
    }
    if let Some(why) = refused.get() {
        return Err(CertFileError::TooCostly(why.clone()));
    }
    if out.is_empty() {
        return Err(CertFileError::Unreadable("no OpenPGP certificate found".into()));
    }
    if let Some(why) = out.iter().find_map(small_order_key) {
        return Err(CertFileError::Refused(why));
    }
    Ok(out)
}

/// Why `cert` is refused when its primary key, or a subkey bound to it (a subkey without
/// a binding signature signs nothing, and anyone can append one), is an Ed25519 point of
/// small order (legacy EdDSA or RFC 9580 Ed25519): sequoia verifies, without the
/// cofactor, signatures made with no secret under such a key (for the identity, R = [S]B
/// with any S), its self-signatures and data signatures alike
/// (fixtures/signatures/pgp-small-order). KMS keys are refused alike
/// ([`super::kms::ED25519_SMALL_ORDER`]).
fn small_order_key(cert: &Cert) -> Option<String> {
    use openpgp::crypto::mpi::PublicKey as M;
    use openpgp::types::Curve;
    let fpr = cert.fingerprint().to_hex();
    let primary =
        std::iter::once((cert.primary_key().key().role_as_unspecified().clone(), "its primary key".to_owned()));
    let subkeys =
        cert.keys().subkeys().filter(|ka| ka.self_signatures().next().is_some()).map(|ka| {
            (ka.key().role_as_unspecified().clone(), format!("its subkey {}", ka.key().fingerprint().to_hex()))
        });
    primary.chain(subkeys).find_map(|(key, which)| {
        let point = match key.mpis() {
            M::EdDSA { curve: Curve::Ed25519, q } => q.value().strip_prefix(&[0x40])?,
            M::Ed25519 { a } => &a[..],
            _ => return None,
        };
        super::kms::ed25519_small_order(point).then(|| {
            format!(
                "certificate {fpr}: {which} is {}; refused (no signature by this certificate can be trusted)",
                super::kms::ED25519_SMALL_ORDER
            )
        })
    })
}

/// Bytes hashed, at most, to sort the signatures of the certificates of one `--cert` file
/// (and again for merging the copies of certificates given in several): about a second.
/// Sequoia hashes each signature against the component it was found on, and one that
/// does not belong there against every other component of the certificate (a
/// misplaced one is moved, not dropped): the work is the number of signatures times the
/// number of user IDs, user attributes and subkeys. Anyone can append user IDs and
/// signatures to a certificate without its key (a keyserver serves them), and 5,000 user
/// IDs each followed by a signature that belongs nowhere, 0.8 MB, took 26 s to read;
/// the 4 MiB a key file may hold, about ten minutes.
pub const MAX_CERT_SORT_WORK: u64 = 1 << 27;

/// What starting one hash costs, counted in bytes hashed.
const HASH_START_COST: u64 = 256;

/// The shape of a certificate that decides what sorting its signatures costs
/// ([`MAX_CERT_SORT_WORK`]).
#[derive(Debug, Default, Clone, Copy)]
struct SortCost {
    /// Components a signature is tried on: the primary key, user IDs, user attributes,
    /// subkeys, unknown components.
    components: u64,
    /// Bytes hashed for each try besides the signature: the primary key, the component,
    /// and the cost of starting a hash; summed over the components.
    component_bytes: u64,
    /// Signatures that may be tried on every component.
    signatures: u64,
    /// Their serialized bytes (their hashed part is what each try hashes).
    signature_bytes: u64,
}

impl SortCost {
    fn of<'a>(cert: &Cert, sigs: impl Iterator<Item = &'a Signature>) -> Self {
        use openpgp::serialize::MarshalInto as _;
        let primary = cert.primary_key().key().serialized_len() as u64 + HASH_START_COST;
        let mut c = SortCost { components: 1, component_bytes: primary, ..SortCost::default() };
        let mut add = |len: usize| {
            c.components += 1;
            c.component_bytes = c.component_bytes.saturating_add(primary + len as u64);
        };
        cert.userids().for_each(|u| add(u.userid().value().len()));
        cert.user_attributes().for_each(|u| add(u.user_attribute().value().len()));
        cert.keys().subkeys().for_each(|k| add(k.key().serialized_len()));
        cert.unknowns().for_each(|u| add(u.unknown().body().len()));
        for s in sigs {
            c.signatures += 1;
            c.signature_bytes = c.signature_bytes.saturating_add(s.serialized_len() as u64);
        }
        c
    }

    fn add(self, o: SortCost) -> SortCost {
        SortCost {
            components: self.components.saturating_add(o.components),
            component_bytes: self.component_bytes.saturating_add(o.component_bytes),
            signatures: self.signatures.saturating_add(o.signatures),
            signature_bytes: self.signature_bytes.saturating_add(o.signature_bytes),
        }
    }

    /// Bytes hashed if every signature were tried on every component.
    fn work(&self) -> u64 {
        self.signatures
            .saturating_mul(self.component_bytes)
            .saturating_add(self.components.saturating_mul(self.signature_bytes))
    }

    fn refusal(&self, fpr: &str, what: &str, work: u64, place: &str) -> String {
        format!(
            "{what}: {} signatures over {} components (primary key, user IDs, user attributes, subkeys); \
             sorting them could hash {} MiB, more than the {} MiB {place} may take (a certificate flooded \
             with user IDs or signatures, which anyone can append without its key): give a clean copy \
             (`gpg --export-options export-minimal --export {fpr}`)",
            self.signatures,
            self.components,
            work >> 20,
            MAX_CERT_SORT_WORK >> 20
        )
    }
}

/// Every signature a certificate holds, on its components or left over.
fn all_signatures(cert: &Cert) -> impl Iterator<Item = &Signature> {
    cert.primary_key()
        .bundle()
        .signatures()
        .chain(cert.userids().flat_map(|u| u.bundle().signatures()))
        .chain(cert.user_attributes().flat_map(|u| u.bundle().signatures()))
        .chain(cert.keys().subkeys().flat_map(|k| k.bundle().signatures()))
        .chain(cert.unknowns().flat_map(|u| u.bundle().signatures()))
        .chain(cert.bad_signatures())
}

/// Most key revocations one `--cert` file may hold: a revocation certificate holds one,
/// and each is verified before it is applied.
pub const MAX_REVOCATIONS_PER_FILE: usize = 64;

/// The key revocations of a `--cert` file that holds nothing else (marker packets
/// aside): a revocation certificate (`gpg --gen-revoke`, `sq key revoke`) kept apart from
/// the certificate it revokes, as a key's owner publishes it. None when the file holds
/// anything else, or no revocation.
/// Armored revocation certificates concatenated in one file (`cat a.rev b.rev`, as gpg
/// imports them) are each read: sequoia's packet parser stops at the end of the first
/// armored block, and the revocations after it were dropped without a word.
pub fn parse_revocations(bytes: &[u8]) -> Option<Vec<Signature>> {
    let blocks = match std::str::from_utf8(bytes).ok().filter(|t| t.trim_start().starts_with("-----BEGIN ")) {
        Some(text) => armor_blocks(text).ok()?.into_iter().map(str::as_bytes).collect(),
        None => vec![bytes],
    };
    // Each armored block of a file of revocations holds one at least: past the blocks
    // that many revocations fill, the others are not opened one by one (each costs an
    // armor reader), and a file with more blocks than revocations is none.
    let mut out = Vec::new();
    for block in blocks.iter().take(MAX_REVOCATIONS_PER_FILE + 1) {
        revocations_of(block, &mut out)?;
        if out.len() > MAX_REVOCATIONS_PER_FILE {
            return Some(out);
        }
    }
    (!out.is_empty() && blocks.len() <= MAX_REVOCATIONS_PER_FILE).then_some(out)
}

/// Whether a `--cert` file begins with a key revocation and holds more after it (`cat
/// b.rev a.asc`): sequoia then refuses the whole file as a "Malformed Cert" whose first
/// token is a signature packet, which does not tell the auditor what to change (gpg
/// drops the revocation: "no public key - can't apply revocation certificate").
pub fn begins_with_revocation(bytes: &[u8]) -> bool {
    use openpgp::parse::{PacketParserBuilder, PacketParserResult};
    let text = std::str::from_utf8(bytes).ok().filter(|t| t.trim_start().starts_with("-----BEGIN "));
    let first = match text {
        Some(text) => match armor_blocks(text).ok().and_then(|b| b.first().copied()) {
            Some(block) => block.as_bytes(),
            None => return false,
        },
        None => bytes,
    };
    let Ok(ppr) = PacketParserBuilder::from_bytes(first).and_then(|b| b.max_recursion_depth(0).build()) else {
        return false;
    };
    matches!(ppr, PacketParserResult::Some(ref pp)
        if matches!(&pp.packet, Packet::Signature(s) if s.typ() == SignatureType::KeyRevocation))
}

/// The key revocations of one armored block or binary stream, added to `out`; None when
/// it holds anything else.
fn revocations_of(bytes: &[u8], out: &mut Vec<Signature>) -> Option<()> {
    use openpgp::parse::{PacketParserBuilder, PacketParserResult};
    // top level only, each packet dropped once looked at: a container (a compressed
    // data packet, a bomb) is never opened, a literal body never buffered
    let mut ppr = PacketParserBuilder::from_bytes(bytes).ok()?.max_recursion_depth(0).build().ok()?;
    while let PacketParserResult::Some(pp) = ppr {
        match &pp.packet {
            Packet::Signature(s) if s.typ() == SignatureType::KeyRevocation => out.push(s.clone()),
            Packet::Marker(_) => {}
            _ => return None,
        }
        if out.len() > MAX_REVOCATIONS_PER_FILE {
            break;
        }
        ppr = pp.next().ok()?.1;
    }
    Some(())
}

/// The armored blocks of `text`, each from its `-----BEGIN ` line to the first
/// `-----END ...-----` line after it (the last one runs to the end when it has none),
/// whitespace between them dropped. Sequoia's armor reader reads one block and ignores
/// the rest, so whatever follows the first block must be read block by block, or
/// refused: Err holds the text that stands outside any block.
fn armor_blocks(text: &str) -> Result<Vec<&str>, &str> {
    let mut blocks = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        if !rest.starts_with("-----BEGIN ") {
            return Err(rest);
        }
        let mut end = None;
        let mut at = 0;
        for line in rest.split_inclusive('\n') {
            at += line.len();
            let l = line.trim_end();
            if at > line.len() && l.starts_with("-----END ") && l.ends_with("-----") {
                end = Some(at);
                break;
            }
        }
        match end.and_then(|e| Some((rest.get(..e)?, rest.get(e..)?))) {
            Some((block, after)) => {
                blocks.push(block);
                rest = after.trim_start();
            }
            None => {
                blocks.push(rest);
                break;
            }
        }
    }
    Ok(blocks)
}

/// Applies a revocation certificate to the certificate of `certs` it revokes: the one
/// whose primary key issued it, once the signature verifies against that key; else, when
/// its issuer is a designated revoker of certificates given (RFC 9580 5.2.3.23) and that
/// revoker's key is given too, the first of them it verifies over with the revoker's key.
/// A key revocation does not name the key it revokes, only its issuer: a bare revocation by
/// a designated revoker (the signature packet alone, without the revoked primary key that
/// `gpg --desig-revoke` writes before it) was checked against the revoker's own
/// certificate and refused as "forged or damaged". Its index, or why not: a revocation of
/// no certificate given, or one that does not verify (forged or damaged), is refused
/// rather than left out, as the auditor gave it to be applied.
pub fn apply_revocation(certs: &mut [Cert], sig: Signature) -> Result<usize, String> {
    let issuers = sig.get_issuers();
    let own = certs.iter().position(|c| issuers.iter().any(|h| h.aliases(c.key_handle())));
    let mut refused = None;
    if let Some(i) = own {
        let cert = certs.get(i).ok_or("no certificate")?;
        let pk = cert.primary_key().key();
        match sig.verify_primary_key_revocation(pk, pk) {
            Ok(()) => return insert_revocation(certs, i, sig),
            Err(e) => refused = Some((cert.fingerprint().to_hex(), format!("{e:#}"))),
        }
    }
    if let Some(i) = designated_target(certs, &sig) {
        return insert_revocation(certs, i, sig);
    }
    match refused {
        Some((fpr, e)) => Err(format!(
            "the revocation certificate of {fpr} does not verify against it ({e}), nor as a revocation by a \
             designated revoker of a certificate given: a forged or damaged revocation is not applied"
        )),
        None => {
            // the issuer's fingerprint where the signature gives it, else its key ID
            let named = issuers
                .iter()
                .find(|h| matches!(h, openpgp::KeyHandle::Fingerprint(_)))
                .or(issuers.first())
                .map_or_else(|| "a key it does not name".to_owned(), |h| h.to_hex());
            Err(format!(
                "a revocation certificate issued by {named}, and no --cert gives that certificate, nor a \
                 certificate that designates it as a revoker together with its certificate: give the \
                 certificate it revokes (and, for a designated revoker's revocation, the revoker's) as well, or \
                 leave the revocation out"
            ))
        }
    }
}

fn insert_revocation(certs: &mut [Cert], i: usize, sig: Signature) -> Result<usize, String> {
    let cert = certs.get(i).ok_or("no certificate")?;
    let fpr = cert.fingerprint().to_hex();
    let (revoked, _) =
        cert.clone().insert_packets(sig).map_err(|e| format!("cannot apply the revocation to {fpr}: {e:#}"))?;
    if let Some(c) = certs.get_mut(i) {
        *c = revoked;
    }
    Ok(i)
}

/// The certificate of `certs` that `sig`, a key revocation, revokes as made by one of
/// its designated revokers whose key is given (a key of any of `certs`): the first it
/// verifies over. Each candidate costs a hash of its primary key; only one whose digest
/// starts as the signature says (gpg refuses any other) costs a signature verification,
/// so a keyring of many certificates designating one revoker is not verified against
/// one by one.
fn designated_target(certs: &[Cert], sig: &Signature) -> Option<usize> {
    if sig.typ() != SignatureType::KeyRevocation {
        return None;
    }
    let issuers = sig.get_issuers();
    let revokers: Vec<Key<key::PublicParts, key::UnspecifiedRole>> = certs
        .iter()
        .flat_map(|c| c.keys())
        .filter(|k| issuers.iter().any(|h| h.aliases(k.key().key_handle())))
        .map(|k| k.key().clone().role_into_unspecified())
        .collect();
    if revokers.is_empty() {
        return None;
    }
    certs.iter().position(|cert| {
        let designated = designated_revokers(cert);
        let pk = cert.primary_key().key();
        revokers.iter().any(|r| designated.contains(&r.fingerprint()) && revokes(sig, r, pk))
    })
}

/// Whether `sig` is a key revocation of `pk` made by `signer`: its digest prefix is
/// compared first (a hash), and the signature verified only when it matches.
fn revokes(
    sig: &Signature,
    signer: &Key<key::PublicParts, key::UnspecifiedRole>,
    pk: &Key<key::PublicParts, key::PrimaryRole>,
) -> bool {
    revocation_digest(sig, pk).is_some_and(|d| sig.verify_digest(signer, &d).is_ok())
}

/// The digest `sig`, a key revocation, signs when it revokes `pk`, when it starts as the
/// signature's digest prefix says (a hash, no signature verification); else `None`.
fn revocation_digest(sig: &Signature, pk: &Key<key::PublicParts, key::PrimaryRole>) -> Option<Vec<u8>> {
    let digest = (|| -> openpgp::Result<Vec<u8>> {
        let mut hash = sig.hash_algo().context()?.for_signature(sig.version());
        sig.hash_direct_key(&mut hash, pk)?;
        hash.into_digest()
    })();
    digest.ok().filter(|d| d.get(..2) == Some(&sig.digest_prefix()[..]))
}

/// Most revocations of one certificate checked against a designated revoker's key
/// ([`designated_revocations`]): each costs a signature verification.
pub const MAX_DESIGNATED_REVOCATIONS: usize = MAX_REVOCATIONS_PER_FILE;

/// The fingerprints a certificate's holder designated to revoke it (RFC 9580 5.2.3.23,
/// "Revocation Key"), named by any of its self-signatures (direct-key or user ID), which
/// sequoia verified when it read the certificate. A designation is not taken back by a
/// later self-signature that omits it (gpg keeps it too).
fn designated_revokers(cert: &Cert) -> Revokers {
    let mut out = Revokers::default();
    let selfsigs = cert.primary_key().self_signatures().chain(cert.userids().flat_map(|u| u.self_signatures()));
    for rk in selfsigs.flat_map(|s| s.revocation_keys()) {
        let fpr = rk.revoker().1;
        if out.fprs.insert(fpr.clone()) {
            out.ids.entry(KeyID::from(fpr)).or_default().push(fpr.clone());
            out.order.push(fpr.clone());
        }
    }
    out
}

/// A certificate's designated revokers, looked up by what a signature's issuer
/// subpackets give (a fingerprint or a key ID). A self-signature may name thousands of
/// revokers and anyone can append thousands of revocations naming them: comparing each
/// revocation with each revoker cost their product (1,000 revokers and 8,000 revocations,
/// a 1 MB file, 1.3 s in a debug build; twice each, 4.5 s).
#[derive(Debug, Default)]
struct Revokers {
    fprs: std::collections::HashSet<Fingerprint>,
    ids: std::collections::HashMap<KeyID, Vec<Fingerprint>>,
    /// In the order the self-signatures name them.
    order: Vec<Fingerprint>,
}

impl Revokers {
    fn contains(&self, f: &Fingerprint) -> bool {
        self.fprs.contains(f)
    }

    fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Whether any of a signature's issuers names one of the revokers.
    fn names_any(&self, issuers: &[openpgp::KeyHandle]) -> bool {
        issuers.iter().any(|h| match h {
            openpgp::KeyHandle::Fingerprint(f) => self.fprs.contains(f),
            openpgp::KeyHandle::KeyID(id) => self.ids.contains_key(id),
        })
    }
}

/// Every key of `certs` (primary keys and subkeys) by fingerprint: built once per run,
/// so finding a designated revoker's supplied key is a lookup. Searching every key of
/// every certificate for each certificate that designates a revoker cost the square of
/// the keyring (a keyring of many certificates that each name a revoker).
type SuppliedKeys = std::collections::HashMap<Fingerprint, PublicKey>;

/// A supplied public key, primary or subkey.
type PublicKey = Key<key::PublicParts, key::UnspecifiedRole>;

fn supplied_keys(certs: &[Cert]) -> SuppliedKeys {
    let mut out = SuppliedKeys::new();
    for k in certs.iter().flat_map(|c| c.keys()) {
        out.entry(k.key().fingerprint()).or_insert_with(|| k.key().clone().role_into_unspecified());
    }
    out
}

/// What a designated revoker's revocation revokes: the certificate (0x20), or one of its
/// subkeys (0x28; RFC 4880 and RFC 9580 5.2.1 count a subkey revocation by an authorized
/// revocation key as valid).
type Revoked<'a> = Option<&'a Key<key::PublicParts, key::SubordinateRole>>;

/// The revocations of `cert` (0x20) and of its subkeys (0x28) that sequoia keeps apart as
/// made by other keys, each with the subkey it revokes.
fn third_party_revocations(cert: &Cert) -> impl Iterator<Item = (&Signature, Revoked<'_>)> {
    let of_cert = cert.primary_key().other_revocations().filter(|s| s.typ() == SignatureType::KeyRevocation);
    let of_subkeys = cert.keys().subkeys().flat_map(|sk| {
        let key = sk.key();
        sk.other_revocations().filter(|s| s.typ() == SignatureType::SubkeyRevocation).map(move |s| (s, Some(key)))
    });
    of_cert.map(|s| (s, None)).chain(of_subkeys)
}

/// The key and subkey revocations of `cert` whose issuer is one of its designated
/// revokers, each with the supplied key of that revoker (a key of any supplied
/// certificate) it is to be verified against, and the subkey it revokes. Sequoia keeps
/// revocations by other keys apart and unverified (`RevocationStatus::CouldBe`); those no
/// supplied key can check are not listed.
fn designated_candidates<'a, 'k>(
    cert: &'a Cert,
    supplied: &'k SuppliedKeys,
) -> Vec<(&'a Signature, &'k Key<key::PublicParts, key::UnspecifiedRole>, Revoked<'a>)> {
    let revokers = designated_revokers(cert);
    // the revokers whose keys are supplied, by key ID: real keys, so a key ID names one
    // (the designations themselves may share a key ID by the thousand)
    let mut by_id: std::collections::HashMap<KeyID, Vec<(&Fingerprint, &'k PublicKey)>> =
        std::collections::HashMap::new();
    for f in &revokers.order {
        if let Some((f, k)) = supplied.get_key_value(f) {
            by_id.entry(KeyID::from(f)).or_default().push((f, k));
        }
    }
    if by_id.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (sig, subkey) in third_party_revocations(cert) {
        let key = sig.get_issuers().iter().find_map(|h| {
            let listed = by_id.get(&KeyID::from(h))?;
            listed.iter().find(|(f, _)| h.aliases(openpgp::KeyHandle::from(*f))).map(|(_, k)| *k)
        });
        if let Some(k) = key {
            out.push((sig, k, subkey));
        }
    }
    out
}

/// A certificate whose revocations by designated revokers are too many to check (more
/// than [`MAX_DESIGNATED_REVOCATIONS`]): anyone can append signatures that claim a
/// revoker as their issuer, and skipping some could skip the real one, so the file is
/// refused (exit 2) rather than read in part. None when every certificate is checkable.
pub fn too_many_designated_revocations(certs: &[Cert]) -> Option<String> {
    let supplied = supplied_keys(certs);
    certs.iter().find_map(|c| {
        let n = designated_candidates(c, &supplied).len();
        (n > MAX_DESIGNATED_REVOCATIONS).then(|| {
            format!(
                "certificate {} carries {n} revocations that name one of its designated revokers as their \
                 issuer, more than the {MAX_DESIGNATED_REVOCATIONS} checked (each costs a signature \
                 verification; anyone can append such signatures): give a clean copy of the certificate, with \
                 the revocation its revoker issued",
                c.fingerprint().to_hex()
            )
        })
    })
}

/// The revocations of the supplied certificates made by a designated revoker that the
/// auditor also supplied, verified against that revoker's key (at most
/// [`MAX_DESIGNATED_REVOCATIONS`] tried per certificate). Sequoia verifies only a
/// certificate holder's own revocations; one by the key its holder designated to revoke
/// it was reported as "could be" and ignored, so a certificate that its designated
/// revoker had revoked as compromised still verified signatures (gpg lists it as revoked).
/// [`Ctx::designated`] holds these: they count as the holder's own revocations, with the
/// same hard and soft rules.
pub fn designated_revocations(certs: &[Cert]) -> Vec<Signature> {
    let supplied = supplied_keys(certs);
    let mut out = Vec::new();
    for cert in certs {
        let pk = cert.primary_key().key();
        for (sig, revoker, subkey) in
            designated_candidates(cert, &supplied).into_iter().take(MAX_DESIGNATED_REVOCATIONS)
        {
            let verified = match subkey {
                None => sig.verify_primary_key_revocation(revoker, pk),
                Some(subkey) => sig.verify_subkey_revocation(revoker, pk, subkey),
            };
            if verified.is_ok() && !out.contains(sig) {
                out.push(sig.clone());
            }
        }
    }
    out
}

/// What the auditor is told about revocations by a designated revoker that no supplied
/// key can check (gpg: "may be revoked: revocation key ... not present"): one line per
/// certificate, naming the revokers whose certificates would settle it. Anyone can
/// append a signature that names a revoker as its issuer, so it cannot reject anything;
/// but the auditor may hold the revoker's certificate, and without it the certificate is
/// used as unrevoked.
pub fn unchecked_designated_revocations(certs: &[Cert]) -> Vec<String> {
    unchecked_revocations_by_cert(certs).into_iter().map(|(_, why)| why).collect()
}

/// [`unchecked_designated_revocations`], each line with the fingerprint of the
/// certificate it is about: a signature that certificate makes is verified, but whether
/// its key is revoked is not confirmed ([`REVOCATION_UNCHECKED`]).
pub fn unchecked_revocations_by_cert(certs: &[Cert]) -> Vec<(Fingerprint, String)> {
    let keys = supplied_keys(certs);
    let mut out = Vec::new();
    for cert in certs {
        let revokers = designated_revokers(cert);
        if revokers.is_empty() {
            continue;
        }
        // the missing revokers some revocation names, each once, in the order designated
        // each key ID's revokers are listed once, however many revocations name it
        let mut named: std::collections::HashSet<&Fingerprint> = std::collections::HashSet::new();
        let mut ids_seen: std::collections::HashSet<KeyID> = std::collections::HashSet::new();
        for (s, _) in third_party_revocations(cert) {
            for h in s.get_issuers() {
                match h {
                    openpgp::KeyHandle::Fingerprint(f) => {
                        if let Some(f) = revokers.fprs.get(&f).filter(|f| !keys.contains_key(*f)) {
                            named.insert(f);
                        }
                    }
                    openpgp::KeyHandle::KeyID(id) => {
                        if let Some(fs) = revokers.ids.get(&id).filter(|_| ids_seen.insert(id.clone())) {
                            named.extend(fs.iter().filter(|f| !keys.contains_key(*f)));
                        }
                    }
                }
            }
        }
        if named.is_empty() {
            continue;
        }
        let listed: Vec<String> =
            revokers.order.iter().filter(|f| named.contains(f)).take(3).map(|f| f.to_hex()).collect();
        let more = match named.len().saturating_sub(listed.len()) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        out.push((
            cert.fingerprint(),
            format!(
                "certificate {} carries a revocation that names its designated revoker {}{more} as its issuer, and \
                 no --cert gives that revoker's certificate: the revocation cannot be checked and the certificate \
                 is used as not revoked; give the revoker's certificate with --cert to have it checked",
                cert.fingerprint().to_hex(),
                listed.join(", ")
            ),
        ));
    }
    out
}

/// Key revocations that a certificate of `certs` carries, that its own key did not make
/// and no designated revoker of it made, whose issuer is the primary key of another
/// certificate of `certs`, and that are no revocation of this certificate by that key: a
/// revocation certificate of that other certificate that stood after this one in a file
/// (`cat a.asc b.rev > keys.asc`). Sequoia keeps it with the
/// certificate before it, as a signature that does not verify there, and it revoked
/// nothing (gpg ignores it too); [`apply_revocation`] applies it where it belongs. Each
/// with the index of the certificate it was found on. Err when a certificate carries
/// more than [`MAX_REVOCATIONS_PER_FILE`] of them (each is verified; anyone can append
/// such signatures): checking some could skip the real one.
///
/// With them, one warning per certificate that carries key revocations whose issuer is
/// none of these (no supplied certificate's primary key): a revocation certificate of a
/// certificate that was not supplied, appended after this one, or a third party's
/// revocation. Either revokes nothing here; it was dropped without a word, and an
/// auditor who meant to revoke a certificate was not told that it was not given.
pub fn stray_revocations(certs: &[Cert]) -> Result<StrayRevocations, String> {
    // the certificates by the key ID of their primary key: a signature's issuer is looked
    // up, not compared with every certificate (a keyring of many, each with many signatures)
    let mut by_key_id: std::collections::HashMap<KeyID, Vec<&Cert>> = std::collections::HashMap::new();
    for c in certs {
        by_key_id.entry(c.keyid()).or_default().push(c);
    }
    // the certificates that designate each revoker, built once
    let mut designating: std::collections::HashMap<Fingerprint, Vec<&Cert>> = std::collections::HashMap::new();
    for c in certs {
        for f in designated_revokers(c).order {
            designating.entry(f).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    let mut unresolved = Vec::new();
    for (i, cert) in certs.iter().enumerate() {
        let designated = designated_revokers(cert);
        // This certificate's keys as the designated revoker of others: a revocation one
        // made of another, appended after this certificate (`cat revoker.asc bare.rev`),
        // names this certificate as its issuer and does not verify over its own primary key.
        let revokes_for: Vec<(PublicKey, &Cert)> = cert
            .keys()
            .flat_map(|k| {
                let key = k.key().clone().role_into_unspecified();
                designating.get(&k.key().fingerprint()).into_iter().flatten().map(move |c| (key.clone(), *c))
            })
            .collect();
        // issuers of revocations no supplied certificate issued, each named once
        let mut strangers: Vec<String> = Vec::new();
        let mut strange = 0usize;
        let others =
            |issuers: &[openpgp::KeyHandle]| -> Option<&Cert> {
                issuers.iter().filter_map(|h| by_key_id.get(&KeyID::from(h))).flatten().copied().find(|c| {
                    c.fingerprint() != cert.fingerprint() && issuers.iter().any(|h| h.aliases(c.key_handle()))
                })
            };
        let mut found = 0;
        // sequoia may list one signature both ways: each is counted and applied once
        let mut seen: Vec<&Signature> = Vec::new();
        for sig in cert.primary_key().other_revocations().chain(cert.bad_signatures()) {
            let issuers = sig.get_issuers();
            let names = |h: &openpgp::KeyHandle| issuers.iter().any(|i| i.aliases(h));
            if sig.typ() != SignatureType::KeyRevocation || designated.names_any(&issuers) || seen.contains(&sig) {
                continue;
            }
            if names(&cert.key_handle()) {
                // sequoia keeps a self-revocation that does not verify among the bad
                // signatures: one this certificate's key made as another's designated
                // revoker is applied there ([`apply_revocation`] verifies it again). Each
                // whose digest prefix fits a designating certificate costs a verification
                // and counts, as the others do: anyone can append them.
                seen.push(sig);
                for (key, c) in &revokes_for {
                    let Some(d) = revocation_digest(sig, c.primary_key().key()) else { continue };
                    found += 1;
                    if found > MAX_REVOCATIONS_PER_FILE {
                        return Err(too_many_stray(cert));
                    }
                    if sig.verify_digest(key, &d).is_ok() {
                        out.push((i, sig.clone()));
                        break;
                    }
                }
                continue;
            }
            seen.push(sig);
            let Some(issuer) = others(&issuers) else {
                strange += 1;
                let named = issuers
                    .iter()
                    .find(|h| matches!(h, openpgp::KeyHandle::Fingerprint(_)))
                    .or(issuers.first())
                    .map_or_else(|| "a key it does not name".to_owned(), |h| h.to_hex());
                if strangers.len() < 3 && !strangers.contains(&named) {
                    strangers.push(named);
                }
                continue;
            };
            found += 1;
            if found > MAX_REVOCATIONS_PER_FILE {
                return Err(too_many_stray(cert));
            }
            // A revocation of this certificate by a key it never designated (it verifies
            // over this certificate's primary key) counts for nothing, as gpg has it.
            if sig.verify_primary_key_revocation(issuer.primary_key().key(), cert.primary_key().key()).is_ok() {
                continue;
            }
            out.push((i, sig.clone()));
        }
        if strange > 0 {
            unresolved.push((
                i,
                format!(
                "certificate {} carries {strange} key revocation(s) issued by {}{}, which no --cert gives (not its \
                 own key, nor a designated revoker of it): they revoke nothing here; if one is the revocation \
                 certificate of a certificate you meant to revoke, give that certificate with --cert",
                cert.fingerprint().to_hex(),
                strangers.join(", "),
                if strange > strangers.len() { " and others" } else { "" }
            ),
            ));
        }
    }
    Ok((out, unresolved))
}

/// Why [`stray_revocations`] stops the run for `cert`.
fn too_many_stray(cert: &Cert) -> String {
    format!(
        "certificate {} carries more than {MAX_REVOCATIONS_PER_FILE} key revocations to check against other \
         supplied certificates (each is verified; anyone can append such signatures): give the certificates and \
         their revocation certificates as clean copies",
        cert.fingerprint().to_hex()
    )
}

/// What [`stray_revocations`] finds: the revocations to apply, each with the index of
/// the certificate it was found on, and the warnings about those no supplied
/// certificate issued, each with the index of the certificate that carries them.
pub type StrayRevocations = (Vec<(usize, Signature)>, Vec<(usize, String)>);

/// The revocations that revoke `cert` at `t`: the holder's own, or, of those sequoia
/// could not verify, the ones a designated revoker the auditor supplied made
/// ([`designated_revocations`]). None when not revoked.
///
/// Sequoia judges a holder's own revocations at second-preimage resistance (the holder
/// chose what it signed) and a third party's at collision resistance, so a designated
/// revoker's key revocation made with SHA-1 was dropped before it was looked at: a
/// certificate its revoker had revoked as compromised still verified signatures (exit
/// 0), while the same revocation by the holder rejected them. A revocation already
/// verified as a designated revoker's counts as the holder's own, so it is judged at the
/// same level ([`DesignatedAsOwn`]). Honouring it can only reject more.
fn cert_revoked<'a>(cert: &'a Cert, t: SystemTime, ctx: &Ctx<'_>) -> Option<Vec<&'a Signature>> {
    let policy = DesignatedAsOwn { inner: ctx.policy, designated: ctx.designated };
    in_effect(cert.revocation_status(&policy, t), ctx)
}

/// The revocations a status holds that revoke: the holder's own, or, of those sequoia
/// could not verify ("could be"), the ones verified as a designated revoker's.
fn in_effect<'s>(status: RevocationStatus<'s>, ctx: &Ctx<'_>) -> Option<Vec<&'s Signature>> {
    let sigs: Vec<&Signature> = match status {
        RevocationStatus::Revoked(sigs) => sigs,
        RevocationStatus::CouldBe(sigs) => sigs.into_iter().filter(|s| ctx.designated.contains(s)).collect(),
        RevocationStatus::NotAsFarAsWeKnow => Vec::new(),
    };
    (!sigs.is_empty()).then_some(sigs)
}

/// The revocations that revoke the subkey `fpr` of `cert` at `t`: the holder's own, or a
/// designated revoker's the auditor supplied ([`designated_revocations`]), judged as
/// [`cert_revoked`] judges the certificate's. A designated revoker's subkey revocation was
/// ignored, so a subkey its revoker had revoked as compromised still verified signatures
/// (gpg 2.2 and sqv 1.1 ignore it too; RFC 9580 5.2.1 counts it as valid). None for the
/// primary key (see [`cert_revoked`]) or when not revoked.
fn subkey_revoked(cert: &Cert, fpr: &Fingerprint, t: SystemTime, ctx: &Ctx<'_>) -> Option<Vec<Signature>> {
    let policy = DesignatedAsOwn { inner: ctx.policy, designated: ctx.designated };
    let sk = cert.keys().subkeys().key_handle(fpr.clone()).next()?;
    // (cloned: the status borrows the amalgamation made here)
    Some(in_effect(sk.revocation_status(&policy, t), ctx)?.into_iter().cloned().collect())
}

/// The run's policy, except that a revocation in `designated` (verified as made by a
/// designated revoker) is judged as the holder's own revocations are: at second-preimage
/// resistance whatever the level asked ([`cert_revoked`]).
#[derive(Debug)]
struct DesignatedAsOwn<'a> {
    inner: &'a StandardPolicy<'a>,
    designated: &'a [Signature],
}

impl openpgp::policy::Policy for DesignatedAsOwn<'_> {
    fn signature(&self, sig: &Signature, sec: HashAlgoSecurity) -> openpgp::Result<()> {
        let sec = if self.designated.contains(sig) { HashAlgoSecurity::SecondPreImageResistance } else { sec };
        self.inner.signature(sig, sec)
    }

    fn key(&self, ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>) -> openpgp::Result<()> {
        self.inner.key(ka)
    }

    fn symmetric_algorithm(&self, algo: openpgp::types::SymmetricAlgorithm) -> openpgp::Result<()> {
        self.inner.symmetric_algorithm(algo)
    }

    fn aead_algorithm(&self, algo: openpgp::types::AEADAlgorithm) -> openpgp::Result<()> {
        self.inner.aead_algorithm(algo)
    }

    fn packet(&self, packet: &Packet) -> openpgp::Result<()> {
        self.inner.packet(packet)
    }
}

/// Merge copies of one certificate (same fingerprint, from several files or twice in
/// one keyring) into one, in order of first appearance: a revocation or expiry in any
/// copy then applies, whichever copy a lookup would have found first. With each
/// merged certificate, the positions in `certs` of the copies it came from.
pub fn merge_copies(certs: Vec<Cert>) -> Result<Vec<(Cert, Vec<usize>)>, String> {
    let mut index: std::collections::HashMap<Fingerprint, usize> = std::collections::HashMap::new();
    let mut groups: Vec<(Vec<Cert>, Vec<usize>)> = Vec::with_capacity(certs.len());
    for (i, cert) in certs.into_iter().enumerate() {
        let fpr = cert.fingerprint();
        match index.get(&fpr).and_then(|&at| groups.get_mut(at)) {
            Some((copies, from)) => {
                copies.push(cert);
                from.push(i);
            }
            None => {
                index.insert(fpr, groups.len());
                groups.push((vec![cert], vec![i]));
            }
        }
    }
    // Merging sorts the copies' signatures again, each that belonged nowhere tried on every
    // component of every copy, once per round of merge_all: bounded like reading them.
    let mut left = MAX_CERT_SORT_WORK;
    for (copies, _) in groups.iter().filter(|(copies, _)| copies.len() > 1) {
        let cost = copies.iter().fold(SortCost::default(), |sum, c| sum.add(SortCost::of(c, c.bad_signatures())));
        let rounds = u64::from(usize::BITS - (copies.len() - 1).leading_zeros());
        let work = cost.work().saturating_mul(rounds);
        match left.checked_sub(work) {
            Some(l) => left = l,
            None => {
                let fpr = copies.first().map(|c| c.fingerprint().to_hex()).unwrap_or_default();
                let what = format!("the {} copies of certificate {fpr}", copies.len());
                return Err(cost.refusal(&fpr, &what, work, "merging them"));
            }
        }
    }
    groups.into_iter().map(|(copies, from)| Ok((merge_all(copies)?, from))).collect()
}

/// One certificate from its copies, merged in pairs, then pairs of pairs. Each merge
/// re-sorts the whole result: merging the copies one at a time into the growing whole
/// cost the square of their number (a 480 KB keyring of 8,000 copies of one primary key,
/// each with its own user ID packet, which anyone can append, took 23 s; the 4 MiB a
/// key file may hold, about half an hour). In pairs, each copy is merged log2(n) times.
fn merge_all(mut copies: Vec<Cert>) -> Result<Cert, String> {
    while copies.len() > 1 {
        let mut merged = Vec::with_capacity(copies.len().div_ceil(2));
        let mut it = copies.into_iter();
        while let Some(a) = it.next() {
            match it.next() {
                Some(b) => {
                    let fpr = a.fingerprint();
                    merged.push(
                        a.merge_public(b)
                            .map_err(|e| format!("cannot merge two copies of certificate {}: {e:#}", fpr.to_hex()))?,
                    );
                }
                None => merged.push(a),
            }
        }
        copies = merged;
    }
    copies.into_iter().next().ok_or_else(|| "no certificate to merge".to_owned())
}

/// The names a certificate may be shown under: its user IDs that are validly bound
/// (self-signed) and not revoked under `policy` at `t`, the primary one first. Anyone
/// can append a user ID packet to a certificate without its key, so a name without a
/// valid binding, or one its owner revoked, is never shown as the signer's. Empty when
/// none is valid (or the certificate itself is not valid at `t`).
pub fn valid_user_ids(cert: &Cert, policy: &dyn openpgp::policy::Policy, t: SystemTime) -> Vec<String> {
    let Ok(vc) = cert.with_policy(policy, t) else { return Vec::new() };
    let live = |u: &ValidUserIDAmalgamation<'_>| !matches!(u.revocation_status(), RevocationStatus::Revoked(_));
    let mut out: Vec<&openpgp::packet::UserID> = Vec::new();
    if let Some(p) = vc.primary_userid().ok().filter(live) {
        out.push(p.userid());
    }
    for u in vc.userids().filter(live) {
        if !out.contains(&u.userid()) {
            out.push(u.userid());
        }
    }
    out.iter().map(|u| String::from_utf8_lossy(u.value()).into_owned()).collect()
}

/// The public key material of an OpenPGP key in the normal form KMS keys are compared
/// in ([`super::kms::PublicKey::material`]): one private key under two certificates (two
/// creation times, two fingerprints) or also given as a KMS key is one signer, and so are
/// two RSA keys with one modulus, whatever their exponents (the factors of the modulus
/// give the private key of each). Keys of other algorithms are known by their
/// fingerprint, so they never merge.
pub fn key_material<P: key::KeyParts, R: key::KeyRole>(k: &Key<P, R>) -> String {
    use openpgp::crypto::mpi::PublicKey as M;
    use openpgp::types::Curve;
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;
    let hex = crate::text::hex;
    match k.mpis() {
        M::EdDSA { curve: Curve::Ed25519, q } => match q.value() {
            [0x40, point @ ..] if point.len() == 32 => format!("ed25519:{}", hex(point)),
            _ => format!("openpgp:{}", k.fingerprint().to_hex()),
        },
        M::Ed25519 { a } => format!("ed25519:{}", hex(a)),
        M::ECDSA { curve: Curve::NistP256, q } => p256::PublicKey::from_sec1_bytes(q.value())
            .map(|p| format!("ecdsa-p256:{}", hex(p.to_encoded_point(false).as_bytes())))
            .unwrap_or_else(|_| format!("openpgp:{}", k.fingerprint().to_hex())),
        M::ECDSA { curve: Curve::NistP384, q } => p384::PublicKey::from_sec1_bytes(q.value())
            .map(|p| format!("ecdsa-p384:{}", hex(p.to_encoded_point(false).as_bytes())))
            .unwrap_or_else(|_| format!("openpgp:{}", k.fingerprint().to_hex())),
        // The modulus alone: whoever knows its factors holds every exponent's private key.
        M::RSA { n, .. } => format!("rsa:{}", hex(n.value())),
        _ => format!("openpgp:{}", k.fingerprint().to_hex()),
    }
}

/// The parsed `key_id` claim of a `pgp` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    Fingerprint(String),
    LongKeyId(String),
}

/// Normalize a key ID or fingerprint as a user or bundle writes it: case, spaces
/// and a `0x` prefix are ignored. Returns the upper-case hex or a reason.
pub fn parse_claim(raw: &str) -> Result<Claim, String> {
    let mut s: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if s.starts_with("0x") || s.starts_with("0X") {
        s.drain(..2);
    }
    if s.is_empty() {
        return Err("key_id is empty".into());
    }
    if !s.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("key_id {raw:?} is not hexadecimal"));
    }
    let s = s.to_ascii_uppercase();
    match s.len() {
        40 | 64 => Ok(Claim::Fingerprint(s)),
        16 => Ok(Claim::LongKeyId(s)),
        n => Err(format!(
            "key_id {raw:?} has {n} hex digits; a v4 (40) or v6 (64) fingerprint is \
             required, or a 16-digit long key ID"
        )),
    }
}

impl Claim {
    /// The key handle this claim names, to compare with keys without formatting each
    /// fingerprint as hex.
    fn handle(&self) -> Option<openpgp::KeyHandle> {
        match self {
            Claim::Fingerprint(h) => h.parse::<Fingerprint>().ok().map(openpgp::KeyHandle::from),
            Claim::LongKeyId(h) => h.parse::<KeyID>().ok().map(openpgp::KeyHandle::from),
        }
    }

    /// The claim's hex, upper case: a fingerprint (40 or 64 digits) or a long key ID (16).
    pub(crate) fn hex(&self) -> &str {
        match self {
            Claim::Fingerprint(h) | Claim::LongKeyId(h) => h,
        }
    }

    /// Does this claim name `fpr` (a fingerprint of the signing key or its primary)?
    fn names(&self, fpr: &Fingerprint) -> bool {
        match self {
            Claim::Fingerprint(h) => fpr.to_hex() == *h,
            Claim::LongKeyId(h) => KeyID::from(fpr).to_hex() == *h,
        }
    }
}

/// Each supplied key's fingerprint as hex, made once per run when the keys are loaded
/// ([`super::Trust::new`]): `Fingerprint::to_hex` cost about 1,700 instructions a call,
/// some seven calls a verified signature. A memo only: a fingerprint it does not hold
/// is formatted as before, so the text is the same either way.
#[derive(Debug, Default, Clone)]
pub struct KeyHex(std::collections::HashMap<Fingerprint, String, foldhash::fast::FixedState>);

impl KeyHex {
    /// The hex of every key of `certs` (primary keys and subkeys).
    pub fn of(certs: &[Cert]) -> Self {
        let mut map = std::collections::HashMap::with_hasher(foldhash::fast::FixedState::default());
        for fpr in certs.iter().flat_map(|c| c.keys().map(|k| k.key().fingerprint())) {
            map.entry(fpr).or_insert_with_key(Fingerprint::to_hex);
        }
        KeyHex(map)
    }

    /// `fpr.to_hex()`, looked up.
    pub fn hex(&self, fpr: &Fingerprint) -> String {
        self.0.get(fpr).cloned().unwrap_or_else(|| fpr.to_hex())
    }

    /// Whether `claim` names `fpr` ([`Claim::names`]), the hex looked up.
    fn names(&self, claim: &Claim, fpr: &Fingerprint) -> bool {
        match (claim, self.0.get(fpr)) {
            (Claim::Fingerprint(h), Some(hex)) => hex == h,
            _ => claim.names(fpr),
        }
    }
}

pub struct Ctx<'a> {
    pub now: SystemTime,
    pub generated_at: Option<SystemTime>,
    pub policy: &'a StandardPolicy<'a>,
    pub certs: &'a [Cert],
    /// Revocations of `certs` by their designated revokers, verified
    /// ([`designated_revocations`]).
    pub designated: &'a [Signature],
    /// `certs`' fingerprints as hex ([`KeyHex`]).
    pub hex: &'a KeyHex,
    /// The certificates of `certs` that carry a revocation by a designated revoker no
    /// supplied key can check, with what to say ([`unchecked_revocations_by_cert`]).
    pub unchecked_revocations: &'a [(Fingerprint, String)],
}

/// Why `sig.pgp.revoked` is SKIP for a signature whose certificate carries a revocation
/// by its designated revoker that could not be checked (gpg: "may be revoked").
pub const REVOCATION_UNCHECKED: &str =
    "the certificate carries a revocation by its designated revoker, whose certificate was not supplied: not confirmed";

/// One `pgp` entry of a bundle: `claim` is its raw `key_id` (None when absent),
/// `armored` its `signature` text.
pub struct Entry<'a> {
    pub form: String,
    pub pointer: String,
    pub claim: Option<&'a str>,
    pub armored: &'a str,
}

/// Verify one `pgp` entry. One outcome per signature packet found.
pub fn verify_entry(
    form: &str,
    pointer: &str,
    claim_raw: Option<&str>,
    armored: &str,
    payload: &[u8],
    ctx: &Ctx<'_>,
) -> Vec<Checked> {
    let entry = Entry { form: form.to_owned(), pointer: pointer.to_owned(), claim: claim_raw, armored };
    let mut budget = usize::MAX;
    check_entries(std::slice::from_ref(&entry), payload, None, ctx, &mut budget).0
}

/// A signature packet that passed the checks made before cryptography.
struct Pending {
    slot: usize,
    claim: Option<Claim>,
    claim_present: bool,
    sig: Signature,
    /// The time sequoia judges the key at.
    at: SystemTime,
}

/// Verify every entry, one outcome per signature packet, in order. At most `budget`
/// signatures are examined (it is decreased by each packet, and by one for an entry
/// that holds none); the flag says whether more were left unexamined. The payload is hashed once per batch of signatures, so per hash
/// algorithm, not once per packet.
/// `hashed`: the payload hashed already for a version 4 SHA-256 signature (the
/// integrity check's hash, [`crate::integrity::PayloadState`]), if it was.
pub fn check_entries(
    entries: &[Entry<'_>],
    payload: &[u8],
    hashed: Option<&crate::integrity::PayloadState>,
    ctx: &Ctx<'_>,
    budget: &mut usize,
) -> (Vec<Checked>, bool) {
    let (out, truncated, _) = check_entries_counted(entries, payload, hashed, ctx, budget);
    (out, truncated)
}

/// [`check_entries`], and the number of passes it made over the payload.
fn check_entries_counted(
    entries: &[Entry<'_>],
    payload: &[u8],
    hashed: Option<&crate::integrity::PayloadState>,
    ctx: &Ctx<'_>,
    budget: &mut usize,
) -> (Vec<Checked>, bool, usize) {
    let mut out: Vec<Checked> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut truncated = false;
    for entry in entries {
        if *budget == 0 {
            truncated = true;
            break;
        }
        let mut row = SigRow::new("pgp", &entry.form, &entry.pointer);
        row.claimed_key_id = entry.claim.map(str::to_owned);
        let mut issues = Vec::new();
        let claim = parse_entry_claim(entry, &mut issues);
        for rule in [&diags::PGP_KEY_ID_MISSING, &diags::PGP_KEY_ID_INVALID, &diags::PGP_LONG_KEY_ID] {
            note(&mut row.ran, rule);
        }
        let parsed = parse_signatures(entry.armored, budget);
        note(&mut row.ran, &diags::PGP_NOT_A_SIGNATURE);
        note(&mut row.ran, &diags::PGP_MALFORMED);
        let sigs = match parsed {
            Ok((sigs, more)) => {
                truncated |= more;
                sigs
            }
            Err((rule, reason)) => {
                // An entry that holds no signature still cost an examination: junk
                // entries count against --max-signatures like signatures do.
                *budget = budget.saturating_sub(1);
                row.verdict = Verdict::Rejected;
                row.reason = reason.clone();
                issues.push(Finding::new(rule, &entry.pointer, reason));
                out.push(Checked { row, findings: issues });
                continue;
            }
        };
        // A row names its signature within its own armored block: counted across the
        // blocks of the entry, the first signature of a second block read "signature 2 of
        // the block", as if one block held both.
        let many = sigs.len() > 1;
        let blocks = sigs.last().map_or(0, |(b, _)| b + 1);
        let (mut prev, mut k) = (None, 0);
        for (i, (block, sig)) in sigs.into_iter().enumerate() {
            k = if prev == Some(block) { k + 1 } else { 1 };
            prev = Some(block);
            let mut row = row.clone();
            row.parsed = true;
            if many {
                row.form = if blocks > 1 {
                    format!("{} (signature {k} of block {} of {blocks})", entry.form, block + 1)
                } else {
                    format!("{} (signature {k} of the block)", entry.form)
                };
            }
            let mut issues = if i == 0 { std::mem::take(&mut issues) } else { Vec::new() };
            let at = precheck(&mut row, &mut issues, &entry.pointer, &sig, ctx);
            let slot = out.len();
            out.push(Checked { row, findings: issues });
            if let Some(at) = at {
                pending.push(Pending { slot, claim: claim.clone(), claim_present: entry.claim.is_some(), sig, at });
            }
        }
    }

    let mut digests = Digests::new(payload);
    if let Some(state) = hashed {
        digests.hashed_v4(state.sha256_v4());
    }
    for p in &pending {
        if let Some(c) = out.get_mut(p.slot) {
            note(&mut c.row.ran, &diags::PGP_UNVERIFIED);
            let res = verify_sig(&p.sig, p.claim.as_ref(), p.at, &mut digests, ctx, &mut c.row.ran);
            let pointer = c.row.pointer.clone();
            finish(&mut c.row, &mut c.findings, &pointer, p.claim.as_ref(), p.claim_present, &p.sig, res, ctx);
            if let Some(SignerId::Pgp { primary, key }) =
                c.row.signer.as_ref().filter(|_| c.row.verdict == Verdict::Verified)
            {
                c.row.also_bound_by = also_bound_by(&p.sig, p.at, primary, key, &mut digests, ctx);
            }
        }
    }
    (out, truncated, digests.passes)
}

/// The other supplied certificates that bind `key` (the key that verified `sig`, under
/// the certificate `primary`), each as its primary fingerprint, when `sig` verifies over
/// that certificate too, judged as it (its binding, expiry and revocations at `at`). One
/// signing subkey can be bound to two certificates (gpg's `addkey` of an existing key,
/// with the subkey's back-signature): its signatures are both certificates' signatures,
/// whatever `key_id` names, and a `--signer` pin on the second certificate's primary key
/// was not met by them (every such bundle rejected, `sig.required`).
fn also_bound_by(
    sig: &Signature,
    at: SystemTime,
    primary: &str,
    key: &str,
    digests: &mut Digests<'_>,
    ctx: &Ctx<'_>,
) -> Vec<String> {
    let Ok(handle) = key.parse::<Fingerprint>().map(openpgp::KeyHandle::from) else { return Vec::new() };
    let mut out = Vec::new();
    for cert in ctx.certs.iter().filter(|c| c.keys().key_handle(handle.clone()).next().is_some()) {
        let fpr = ctx.hex.hex(&cert.fingerprint());
        if fpr == primary || out.contains(&fpr) {
            continue;
        }
        let claim = Claim::Fingerprint(fpr.clone());
        let mut ran = Vec::new();
        if let Res::Good { primary_fpr, .. } = verify_sig(sig, Some(&claim), at, digests, ctx, &mut ran) {
            if ctx.hex.hex(&primary_fpr) == fpr {
                out.push(fpr);
            }
        }
    }
    out
}

/// Salted hashes of the payload (one per version 6 signature, whose salt comes first)
/// made per bundle, at most: a signature that would need another is not checked
/// (`sig.too-many`). Unsalted (v4) hashes are shared, one per hash algorithm.
pub const MAX_SALTED_HASHES: usize = 4;

/// Records that `rule` ran for a signature (see [`SigRow::ran`]).
fn note(ran: &mut Vec<&'static str>, rule: &'static Rule) {
    if !ran.contains(&rule.id) {
        ran.push(rule.id);
    }
}

fn bad_malformed(reason: String) -> Res {
    Res::Bad { rule: &diags::PGP_MALFORMED, reason, key_fpr: None }
}

/// The entry's `key_id` as a claim, with the findings its form deserves.
fn parse_entry_claim(entry: &Entry<'_>, issues: &mut Vec<Finding>) -> Option<Claim> {
    let pointer = entry.pointer.as_str();
    let Some(raw) = entry.claim else {
        issues.push(Finding::new(&diags::PGP_KEY_ID_MISSING, pointer, "no key_id: the bundle does not say who signed"));
        return None;
    };
    match parse_claim(raw) {
        Ok(c) => {
            if let Claim::LongKeyId(_) = c {
                issues.push(Finding::new(
                    &diags::PGP_LONG_KEY_ID,
                    pointer,
                    format!(
                        "key_id {raw:?} is a 64-bit key ID; key IDs can be forged by collision, name the \
                         signer by fingerprint"
                    ),
                ));
            }
            Some(c)
        }
        Err(reason) => {
            issues.push(Finding::new(&diags::PGP_KEY_ID_INVALID, pointer, reason));
            None
        }
    }
}

/// The signatures of an entry, each with the index of its armored block, and whether
/// more were left past the budget.
type ParsedSignatures = (Vec<(usize, Signature)>, bool);

/// Parse the armored text into signature packets, or say what it is instead. At most
/// `budget` packets are taken (it is decreased); the flag says more were left. Each
/// signature comes with the index of the armored block it was read from.
fn parse_signatures(armored: &str, budget: &mut usize) -> Result<ParsedSignatures, (&'static Rule, String)> {
    use openpgp::parse::{PacketParser, PacketParserResult};
    let text = armored.trim_start();
    if !text.starts_with("-----BEGIN PGP SIGNATURE-----") {
        let what = if text.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----") {
            "an armored public certificate (key block), not a signature: key material in a \
             bundle is never trusted, and a certificate signs nothing"
                .to_string()
        } else if text.starts_with("-----BEGIN PGP PRIVATE KEY BLOCK-----") {
            "an armored PRIVATE key, not a signature: the signer's secret key is exposed".to_string()
        } else if text.starts_with("-----BEGIN PGP MESSAGE-----")
            || text.starts_with("-----BEGIN PGP SIGNED MESSAGE-----")
        {
            "an OpenPGP message, not a detached signature over the payload".to_string()
        } else {
            "not an ASCII-armored OpenPGP signature (-----BEGIN PGP SIGNATURE-----)".to_string()
        };
        return Err((&diags::PGP_NOT_A_SIGNATURE, format!("signature holds {what}")));
    }
    let malformed = |e: openpgp::anyhow::Error| (&diags::PGP_MALFORMED, format!("signature does not parse: {e:#}"));
    // Every armored block of the text is read (gpgv reads each; sequoia's reader stops
    // after the first, and a second block was never looked at), and text outside the
    // blocks is refused rather than ignored.
    let blocks = armor_blocks(text).map_err(|outside| {
        let what = if outside.starts_with("-----BEGIN ") { "another armored block" } else { "text" };
        (
            &diags::PGP_MALFORMED,
            format!(
                "signature holds {what} after its armored signature ({} bytes from {:?}): one entry holds \
                 armored signatures only; nothing in it is left unread",
                outside.len(),
                outside.chars().take(16).collect::<String>()
            ),
        )
    })?;
    let mut sigs = Vec::new();
    let mut more = false;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && !block.starts_with("-----BEGIN PGP SIGNATURE-----") {
            return Err((
                &diags::PGP_NOT_A_SIGNATURE,
                format!(
                    "signature holds another armored block after its signature, {}, not a signature",
                    crate::text::quote_claim(block.lines().next().unwrap_or_default(), 64)
                ),
            ));
        }
        let before = sigs.len();
        let binary = dearmor_plain(block);
        let mut ppr = match &binary {
            Some(bytes) => binary_packets(bytes),
            None => PacketParser::from_bytes(block.as_bytes()),
        }
        .map_err(malformed)?;
        while let PacketParserResult::Some(pp) = ppr {
            if *budget == 0 {
                more = true;
                break;
            }
            let (packet, next) = pp.next().map_err(malformed)?;
            ppr = next;
            match packet {
                Packet::Signature(s) => {
                    sigs.push((i, s));
                    *budget = budget.saturating_sub(1);
                }
                Packet::Unknown(u) => {
                    return Err((&diags::PGP_MALFORMED, format!("signature packet does not parse: {:#}", u.error())))
                }
                other => {
                    return Err((
                        &diags::PGP_NOT_A_SIGNATURE,
                        format!("signature block holds a {} packet, not a signature", other.tag()),
                    ))
                }
            }
        }
        if more {
            break;
        }
        // A block that holds nothing is refused here, before the next one is read:
        // empty blocks would each cost an armor reader and count for nothing.
        if sigs.len() == before {
            return Err((&diags::PGP_MALFORMED, "signature block holds no signature".into()));
        }
    }
    if sigs.is_empty() && !more {
        return Err((&diags::PGP_MALFORMED, "signature block holds no signature".into()));
    }
    Ok((sigs, more))
}

/// The packets of an armored signature in the plain layout GnuPG and Sequoia write
/// (begin line, blank line, base64 lines, optional checksum that must match, end
/// line), decoded here; None for any other layout, which sequoia's armor reader then
/// reads. Its reader allocates and zeroes about 96 KiB per block, more than a whole
/// verification of a small bundle costs otherwise.
fn dearmor_plain(text: &str) -> Option<Vec<u8>> {
    dearmor_block(text, "PGP SIGNATURE")
}

/// A packet parser over bytes dearmored here: without the armor sniffing that
/// `from_bytes` does, whose reader set-up is what decoding here avoids.
fn binary_packets(bytes: &[u8]) -> openpgp::Result<openpgp::parse::PacketParserResult<'_>> {
    openpgp::parse::PacketParserBuilder::from_bytes(bytes)?.dearmor(openpgp::parse::Dearmor::Disabled).build()
}

/// [`dearmor_plain`] for a block of any label (`PGP PUBLIC KEY BLOCK`).
fn dearmor_block(text: &str, label: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let mut lines = text.lines().map(|l| l.trim_end_matches(['\r', ' ', '\t']));
    let (begin, end) = (format!("-----BEGIN {label}-----"), format!("-----END {label}-----"));
    if lines.next()? != begin || !lines.next()?.is_empty() {
        return None;
    }
    let mut body = String::new();
    let mut checksum = None;
    for line in lines.by_ref() {
        if line == end {
            let decoded = base64::engine::general_purpose::STANDARD.decode(&body).ok()?;
            let rest_blank = lines.all(|l| l.trim().is_empty());
            let sum_ok = match checksum {
                None => true,
                Some(sum) => base64::engine::general_purpose::STANDARD
                    .decode(sum)
                    .ok()
                    .is_some_and(|b: Vec<u8>| b == crc24(&decoded).to_be_bytes().get(1..).unwrap_or_default()),
            };
            return (rest_blank && sum_ok && !decoded.is_empty()).then_some(decoded);
        }
        match line.strip_prefix('=') {
            Some(sum) if checksum.is_none() && sum.len() == 4 => checksum = Some(sum),
            // Any byte outside the base64 alphabet fails the strict decode at the end.
            _ if checksum.is_none() => body.push_str(line),
            _ => return None,
        }
    }
    None
}

/// The armor checksum (RFC 9580 section 6.1.1), a byte at a time from a table: the
/// bit-at-a-time loop was a hundredth of a batch.
fn crc24(data: &[u8]) -> u32 {
    let mut crc: u32 = 0x00B7_04CE;
    for &b in data {
        let i = ((crc >> 16) ^ u32::from(b)) & 0xFF;
        crc = (crc << 8) ^ CRC24_TABLE.get(i as usize).copied().unwrap_or(0);
    }
    crc & 0x00FF_FFFF
}

/// The CRC-24 of each byte value shifted to the top of the register, built on first use.
static CRC24_TABLE: std::sync::LazyLock<[u32; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|i| {
        let mut crc = (i as u32) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x0100_0000 != 0 {
                crc ^= 0x0186_4CFB;
            }
        }
        crc & 0x00FF_FFFF
    })
});

/// The checks that need no key: type, creation time, dates. Returns the time to judge
/// the key at, or None when the signature is already rejected.
fn precheck(
    row: &mut SigRow,
    issues: &mut Vec<Finding>,
    pointer: &str,
    sig: &Signature,
    ctx: &Ctx<'_>,
) -> Option<SystemTime> {
    row.algorithm = Some(format!("{} {}", sig.pk_algo(), sig.hash_algo()));
    row.issuer =
        sig.issuer_fingerprints().next().map(|f| ctx.hex.hex(f)).or_else(|| sig.issuers().next().map(|k| k.to_hex()));
    let created = sig.signature_creation_time();
    row.created = created.map(fmt_time);

    // Each check is noted as it runs (`SigRow::ran`): one after a rejection did not run.
    let reject = |row: &mut SigRow, issues: &mut Vec<Finding>, rule: &'static Rule, reason: String| {
        row.verdict = Verdict::Rejected;
        row.reason = reason.clone();
        issues.push(Finding::new(rule, pointer, reason));
        None
    };
    note(&mut row.ran, &diags::PGP_WRONG_TYPE);
    if sig.typ() != SignatureType::Binary {
        let reason = format!(
            "signature type is {}, a detached binary signature (type 0x00) over the payload is required",
            sig.typ()
        );
        return reject(row, issues, &diags::PGP_WRONG_TYPE, reason);
    }
    let Some(created) = created else {
        return reject(row, issues, &diags::PGP_MALFORMED, "signature has no creation time".into());
    };
    // Far-future clocks saturate instead of overflowing: nothing is later than "never".
    let latest = ctx.now.checked_add(CLOCK_SKEW).unwrap_or(ctx.now);
    note(&mut row.ran, &diags::PGP_FUTURE);
    if created > latest {
        let reason = format!(
            "signature claims to be made {}, after the verification time {}: a signature from the \
             future is rejected",
            fmt_time(created),
            fmt_time(ctx.now)
        );
        return reject(row, issues, &diags::PGP_FUTURE, reason);
    }
    if let Some(gen) = ctx.generated_at {
        note(&mut row.ran, &diags::PGP_BEFORE_GENERATED);
        // A signature's time is whole seconds: one made in the second of a generated_at
        // with a fraction (12:00:00.5) reads 12:00:00, and is not before it.
        let gen_second = gen
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(gen, |d| SystemTime::UNIX_EPOCH + Duration::from_secs(d.as_secs()));
        if created < gen_second {
            issues.push(Finding::new(
                &diags::PGP_BEFORE_GENERATED,
                pointer,
                format!("signature made {}, before the bundle's generated_at {}", fmt_time(created), fmt_time(gen)),
            ));
        }
    }
    // Liveness of the signature is judged at `now` (at its own time when it is
    // ahead of `now` by less than the skew); the policy stays at `now` regardless.
    Some(if created > ctx.now { created } else { ctx.now })
}

/// The supplied certificate a claim names (by the fingerprint or key ID of its
/// primary key or of a subkey), if any.
/// What a claim can name of a certificate's keys: each key's fingerprint and long key
/// ID, as [`Claim::hex`] writes them (a claim names a key exactly when its hex is one of
/// these: [`Claim::names`]).
pub(crate) fn key_names(cert: &Cert) -> impl Iterator<Item = String> + '_ {
    cert.keys().flat_map(|k| {
        let fpr = k.key().fingerprint();
        [fpr.to_hex(), KeyID::from(&fpr).to_hex()]
    })
}

/// The certificates each key name ([`key_names`]) belongs to, by index, in order: one pass
/// over the keys, so that many `--signer` pins are each looked up once, not held against
/// every certificate.
pub(crate) fn certs_by_key_name(certs: &[Cert]) -> std::collections::HashMap<String, Vec<usize>> {
    let mut by: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, c) in certs.iter().enumerate() {
        for name in key_names(c) {
            let holders = by.entry(name).or_default();
            if holders.last() != Some(&i) {
                holders.push(i);
            }
        }
    }
    by
}

pub(crate) fn named_cert<'c>(claim: &Claim, certs: &'c [Cert]) -> Option<&'c Cert> {
    certs.iter().find(|c| c.keys().any(|k| claim.names(&k.key().fingerprint())))
}

/// Whether a signature could ever count for a `--signer` pin naming `claim`: the pin
/// names a supplied certificate's primary key (signatures by any of its signing keys
/// count), or a subkey that some binding signature marks for signing. A pin naming an
/// encryption-only subkey was accepted and could never be met: no signature is made
/// by that key, and the run rejected every bundle for a mistake in its command.
pub(crate) fn pin_can_count(claim: &Claim, certs: &[Cert]) -> bool {
    certs.iter().any(|c| {
        claim.names(&c.primary_key().key().fingerprint())
            || c.keys().subkeys().any(|k| {
                claim.names(&k.key().fingerprint())
                    && k.self_signatures().any(|s| s.key_flags().is_some_and(|f| f.for_signing()))
            })
    })
}

#[allow(clippy::too_many_arguments)]
fn finish(
    row: &mut SigRow,
    issues: &mut Vec<Finding>,
    pointer: &str,
    claim: Option<&Claim>,
    claim_present: bool,
    sig: &Signature,
    res: Res,
    ctx: &Ctx<'_>,
) {
    let reject = |row: &mut SigRow, issues: &mut Vec<Finding>, rule: &'static Rule, reason: String| {
        row.verdict = Verdict::Rejected;
        row.reason = reason.clone();
        issues.push(Finding::new(rule, pointer, reason));
    };
    match res {
        Res::Good { key_fpr, primary_fpr, later_revocation, asym, material } => {
            row.issuer_verified = true;
            let (key_hex, primary_hex) = (ctx.hex.hex(&key_fpr), ctx.hex.hex(&primary_fpr));
            row.issuer = Some(if key_fpr == primary_fpr {
                key_hex.clone()
            } else {
                format!("{key_hex} (subkey of {primary_hex})")
            });
            if claim.is_some() {
                note(&mut row.ran, &diags::PGP_KEY_ID_MISMATCH);
            }
            match claim {
                Some(c) if ctx.hex.names(c, &key_fpr) || ctx.hex.names(c, &primary_fpr) => {}
                Some(_) => {
                    let by = row.issuer.clone().unwrap_or_default();
                    return reject(
                        row,
                        issues,
                        &diags::PGP_KEY_ID_MISMATCH,
                        format!(
                            "signature verifies, but it was made by {by}, not by {} that key_id names",
                            row.claimed_key_id.as_deref().unwrap_or("?")
                        ),
                    );
                }
                None => {
                    let why = if claim_present { "invalid" } else { "missing" };
                    row.verdict = Verdict::Rejected;
                    row.reason = format!("signature verifies, but key_id is {why}");
                    return;
                }
            }
            note(&mut row.ran, &diags::PGP_REVOKED_LATER);
            note(&mut row.ran, &diags::PGP_ALGORITHM_CUTOFF);
            // Verified as gpg verifies it ("may be revoked"), but not confirmed unrevoked:
            // said in the report, not only on standard error, and never a PASS.
            if let Some((_, why)) = ctx.unchecked_revocations.iter().find(|(f, _)| *f == primary_fpr) {
                issues.push(Finding::new(&diags::PGP_REVOKED, pointer, why.clone()).unconfirmed(REVOCATION_UNCHECKED));
            }
            if let Some(later) = later_revocation {
                issues.push(Finding::new(&diags::PGP_REVOKED_LATER, pointer, later));
            }
            for cutoff in cutoff_notices(sig, asym, ctx) {
                issues.push(Finding::new(&diags::PGP_ALGORITHM_CUTOFF, pointer, cutoff));
            }
            row.verdict = Verdict::Verified;
            row.reason = "good signature from a supplied certificate".into();
            row.signer = Some(SignerId::Pgp { primary: primary_hex, key: key_hex });
            row.key_material = Some(material);
        }
        Res::Missing => {
            let Some(claim) = claim else {
                row.verdict = Verdict::Rejected;
                row.reason = "key_id is missing or invalid (signer not supplied)".into();
                return;
            };
            // key_id names a certificate the auditor supplied: that certificate must
            // have made the signature. The issuer recorded in a packet is unauthenticated
            // and may be absent; it never turns this into "unverified".
            if let Some(named) = named_cert(claim, ctx.certs) {
                note(&mut row.ran, &diags::PGP_KEY_ID_MISMATCH);
                // What is known is what the signature names, not who made it: no key was
                // tried. "No key of that certificate made this signature" was said of a
                // signature the named certificate's key had made, its issuer (unsigned,
                // in the unhashed area) changed or dropped.
                let issuer = match row.issuer.as_deref() {
                    Some(i) => format!("the signature names {i} as its issuer, no key of that certificate"),
                    None => "the signature records no issuer".to_owned(),
                };
                return reject(
                    row,
                    issues,
                    &diags::PGP_KEY_ID_MISMATCH,
                    format!(
                        "key_id names the supplied certificate {}, but {issuer}: it is checked only against the \
                         key it names as its issuer, so it cannot count as that certificate's signature",
                        named.fingerprint().to_hex()
                    ),
                );
            }
            row.verdict = Verdict::Unverified;
            row.reason = match row.issuer.as_deref() {
                Some(i) => format!(
                    "no supplied certificate holds the key the signature claims as its issuer, {i} \
                     (unverified: whoever made the signature wrote that claim)"
                ),
                None => "no supplied certificate can be tried: the signature records no issuer".to_owned(),
            };
            // Unauthenticated, but worth saying: the issuer recorded in the signature
            // is not the key the bundle names.
            let names_issuer = sig.issuer_fingerprints().any(|f| claim.names(f))
                || sig.issuers().any(|k| matches!(claim, Claim::LongKeyId(h) if k.to_hex() == *h));
            if !names_issuer && (sig.issuer_fingerprints().next().is_some() || sig.issuers().next().is_some()) {
                row.reason.push_str("; note that key_id names a different key than the signature's issuer");
            }
            issues.push(Finding::new(&diags::PGP_UNVERIFIED, pointer, row.reason.clone()));
        }
        Res::Bad { rule, reason, key_fpr } => {
            if let Some(k) = key_fpr {
                row.issuer = Some(k);
            }
            reject(row, issues, rule, reason)
        }
        Res::NotChecked { reason } => {
            // Not examined, like a signature past --max-signatures: it counts for
            // nothing, and the bundle is rejected for carrying it.
            row.verdict = Verdict::Unverified;
            row.reason = reason.clone();
            issues.push(Finding::new(&diags::TOO_MANY, pointer, reason));
        }
    }
}

/// Cutoffs StandardPolicy schedules for the hash or public-key algorithm of a
/// signature it accepts today, when they fall within a year of `now`.
fn cutoff_notices(sig: &Signature, asym: Option<AsymmetricAlgorithm>, ctx: &Ctx<'_>) -> Vec<String> {
    let horizon = ctx.now.checked_add(CUTOFF_NOTICE).unwrap_or(ctx.now);
    let soon = |t: SystemTime| t > ctx.now && t <= horizon;
    let mut out = Vec::new();
    if let Some(cut) = ctx.policy.hash_cutoff(sig.hash_algo(), HashAlgoSecurity::CollisionResistance) {
        if soon(cut) {
            out.push(format!(
                "the standard policy stops accepting {} signatures on {}: this signature will then \
                 be rejected",
                sig.hash_algo(),
                fmt_time(cut)
            ));
        }
    }
    if let Some(a) = asym {
        if let Some(cut) = ctx.policy.asymmetric_algo_cutoff(a) {
            if soon(cut) {
                out.push(format!(
                    "the standard policy stops accepting {a} keys on {}: this signature will then be \
                     rejected",
                    fmt_time(cut)
                ));
            }
        }
    }
    out
}

/// The policy's name for a key's algorithm and size (as `StandardPolicy::key` maps it).
fn asymmetric_algo<P: key::KeyParts, R: key::KeyRole>(k: &Key<P, R>) -> Option<AsymmetricAlgorithm> {
    use openpgp::crypto::mpi::PublicKey as M;
    use openpgp::types::{Curve, PublicKeyAlgorithm as A};
    #[allow(deprecated)]
    let a = match (k.pk_algo(), k.mpis()) {
        (A::RSAEncryptSign | A::RSASign, m) => match m.bits()? {
            b if b < 2048 => AsymmetricAlgorithm::RSA1024,
            b if b < 3072 => AsymmetricAlgorithm::RSA2048,
            b if b < 4096 => AsymmetricAlgorithm::RSA3072,
            _ => AsymmetricAlgorithm::RSA4096,
        },
        (A::DSA, m) => match m.bits()? {
            b if b < 2048 => AsymmetricAlgorithm::DSA1024,
            b if b < 3072 => AsymmetricAlgorithm::DSA2048,
            b if b < 4096 => AsymmetricAlgorithm::DSA3072,
            _ => AsymmetricAlgorithm::DSA4096,
        },
        (_, M::ECDSA { curve, .. } | M::EdDSA { curve, .. }) => match curve {
            Curve::NistP256 => AsymmetricAlgorithm::NistP256,
            Curve::NistP384 => AsymmetricAlgorithm::NistP384,
            Curve::NistP521 => AsymmetricAlgorithm::NistP521,
            Curve::BrainpoolP256 => AsymmetricAlgorithm::BrainpoolP256,
            Curve::BrainpoolP384 => AsymmetricAlgorithm::BrainpoolP384,
            Curve::BrainpoolP512 => AsymmetricAlgorithm::BrainpoolP512,
            Curve::Ed25519 => AsymmetricAlgorithm::EdDSA,
            _ => return None,
        },
        (A::Ed25519, _) => AsymmetricAlgorithm::Ed25519,
        (A::Ed448, _) => AsymmetricAlgorithm::Ed448,
        _ => return None,
    };
    Some(a)
}

enum Res {
    Good {
        key_fpr: Fingerprint,
        primary_fpr: Fingerprint,
        later_revocation: Option<String>,
        asym: Option<AsymmetricAlgorithm>,
        /// [`key_material`] of the key that verified.
        material: String,
    },
    Missing,
    Bad {
        rule: &'static Rule,
        reason: String,
        key_fpr: Option<String>,
    },
    /// A supplied key holds the issuer, but the payload was not hashed for it: the
    /// bundle's salted hashes were spent ([`MAX_SALTED_HASHES`]).
    NotChecked {
        reason: String,
    },
}

/// The payload hashed once per (hash algorithm, signature version): every v4
/// signature with the same algorithm shares one digest state. A v6 signature's salt
/// comes first, so it needs a hash of its own (one per distinct salt): at most
/// [`MAX_SALTED_HASHES`] of those are made per bundle.
struct Digests<'a> {
    payload: &'a [u8],
    states: std::collections::HashMap<(HashAlgorithm, u8, Vec<u8>), openpgp::crypto::hash::Context>,
    /// Salted hashes made so far.
    salted: usize,
    /// Passes over the payload made so far (what the tests count).
    passes: usize,
}

impl<'a> Digests<'a> {
    fn new(payload: &'a [u8]) -> Self {
        Digests { payload, states: std::collections::HashMap::new(), salted: 0, passes: 0 }
    }

    /// Takes `state`, the payload hashed with SHA-256 for a version 4 signature (nothing
    /// before it: such a signature has no salt), as the state every version 4 SHA-256
    /// signature starts from: the payload is then not hashed again.
    fn hashed_v4(&mut self, state: &openpgp::crypto::hash::Context) {
        self.states.insert((HashAlgorithm::SHA256, 4, Vec::new()), state.clone());
    }

    /// A hash context over the payload for `sig`, ready for `Signature::verify_hash`;
    /// None when it would need a salted hash past [`MAX_SALTED_HASHES`].
    fn for_signature(&mut self, sig: &Signature) -> openpgp::Result<Option<openpgp::crypto::hash::Context>> {
        let algo = sig.hash_algo();
        let version = sig.version();
        let salt = match sig {
            Signature::V6(s) => s.salt().to_vec(),
            _ => Vec::new(),
        };
        let key = (algo, version, salt);
        if let Some(ctx) = self.states.get(&key) {
            return Ok(Some(ctx.clone()));
        }
        let salted = !key.2.is_empty();
        if salted && self.salted >= MAX_SALTED_HASHES {
            return Ok(None);
        }
        let mut ctx = algo.context()?.for_signature(version);
        ctx.update(&key.2);
        ctx.update(self.payload);
        self.passes += 1;
        if salted {
            self.salted += 1;
        }
        self.states.insert(key, ctx.clone());
        Ok(Some(ctx))
    }
}

/// Why `sig` cannot have been made by `key`, decided without hashing the payload: a
/// version 6 signature is made only by a version 6 key and a version 6 key makes only
/// version 6 signatures (RFC 9580 section 5.2.3), the salt has the size its hash
/// algorithm fixes, and the signature's public-key algorithm is the key's. Sequoia
/// checks the same, but only after the payload was hashed for the signature.
fn cannot_be_by<P: key::KeyParts, R: key::KeyRole>(sig: &Signature, key: &Key<P, R>) -> Option<String> {
    let fpr = key.fingerprint().to_hex();
    if (sig.version() == 6) != (key.version() == 6) {
        return Some(format!(
            "a version {} signature cannot be made by the version {} key {fpr} it names as its issuer",
            sig.version(),
            key.version()
        ));
    }
    if let Signature::V6(s) = sig {
        let want = sig.hash_algo().salt_size().ok();
        if want != Some(s.salt().len()) {
            return Some(format!(
                "the signature's salt has {} bytes, not the {} its hash algorithm {} fixes",
                s.salt().len(),
                want.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
                sig.hash_algo()
            ));
        }
    }
    if sig.pk_algo() != key.pk_algo() {
        return Some(format!(
            "the signature is {}, the key {fpr} it names as its issuer is {}",
            sig.pk_algo(),
            key.pk_algo()
        ));
    }
    None
}

/// Verify one signature against the supplied certificates, as sequoia's streaming
/// verifier does (key found by issuer, bound under the policy at the signature's time,
/// certificate and key alive and not revoked, signing-capable, signature alive at
/// `at`, the policy on the signature, then cryptography), but over a digest computed
/// once for all signatures of the bundle, and only for a signature that can be the
/// key's ([`cannot_be_by`]). `ran` gets each key-dependent rule that was evaluated.
fn verify_sig(
    sig: &Signature,
    claim: Option<&Claim>,
    at: SystemTime,
    digests: &mut Digests<'_>,
    ctx: &Ctx<'_>,
    ran: &mut Vec<&'static str>,
) -> Res {
    let Some(sig_time) = sig.signature_creation_time() else {
        return bad_malformed("signature has no creation time".into());
    };
    let issuers = sig.get_issuers();
    if issuers.is_empty() {
        return Res::Missing;
    }
    let mut res = Res::Missing;
    // The certificates `key_id` names are tried first: one key can be bound to two
    // supplied certificates (a subkey added to a second one), and the first that
    // verified made the signer, so the verdict on a signature whose key_id names the
    // second hung on the order of the --cert options (key-id-mismatch, or verified).
    let handle = claim.and_then(Claim::handle);
    let named = |c: &&Cert| handle.as_ref().is_some_and(|h| c.keys().key_handle(h.clone()).next().is_some());
    let certs = ctx.certs.iter().filter(named).chain(ctx.certs.iter().filter(|c| !named(c)));
    for ka in certs.flat_map(|c| c.keys().key_handles(issuers.clone())) {
        let cert = ka.cert();
        note(ran, &diags::PGP_KEY_INVALID);
        let ka = match ka.with_policy(ctx.policy, sig_time) {
            Ok(ka) => ka,
            Err(error) => {
                // The key existed when it signed and is bound now, but by self-signatures
                // made after the signature only: gpg keeps only a key's newest
                // self-signature when its expiry is changed, so a certificate exported
                // after that binds the key from then on. Said, not accepted (spec 3.4).
                let later = ka.key().creation_time() <= sig_time && ka.clone().with_policy(ctx.policy, ctx.now).is_ok();
                let hint = if later {
                    "; the certificate binds the key only by self-signatures made after the signature (gpg \
                     keeps only the newest self-signature when a key's expiry is changed): give a copy of the \
                     certificate exported before that change"
                } else {
                    ""
                };
                res = Res::Bad {
                    rule: &diags::PGP_KEY_INVALID,
                    reason: format!(
                        "certificate {} does not validly bind the signing key at the signature's time ({}): {}{hint}",
                        cert.fingerprint().to_hex(),
                        fmt_time(sig_time),
                        error_chain(&error)
                    ),
                    key_fpr: None,
                };
                continue;
            }
        };
        note(ran, &diags::PGP_REVOKED);
        note(ran, &diags::PGP_KEY_EXPIRED);
        if ka.valid_cert().alive().is_err()
            || ka.alive().is_err()
            || cert_revoked(ka.cert(), ka.valid_cert().time(), ctx).is_some()
            || matches!(ka.revocation_status(), RevocationStatus::Revoked(_))
            || subkey_revoked(ka.cert(), &ka.key().fingerprint(), ka.valid_cert().time(), ctx).is_some()
            || !ka.for_signing()
        {
            res = bad_key(sig, &ka, ctx);
            continue;
        }
        note(ran, &diags::PGP_SIGNATURE_EXPIRED);
        if let Err(error) = sig.signature_alive(at, Duration::ZERO) {
            res = bad_signature(&ka, &error);
            continue;
        }
        if let Some(reason) = cannot_be_by(sig, ka.key()) {
            note(ran, &diags::PGP_BAD);
            res = Res::Bad { rule: &diags::PGP_BAD, reason, key_fpr: Some(ka.key().fingerprint().to_hex()) };
            continue;
        }
        // The policy judges the signature's algorithms, not the payload: a SHA-1
        // signature is refused without hashing anything for it. It judges the packet
        // too, as sequoia's verifier (and sqv) judge every packet: the standard policy
        // refuses version 3 signature packets, which `Policy::signature` alone let
        // through, so one verified.
        note(ran, &diags::PGP_POLICY);
        let policy = ctx.policy.packet(&Packet::from(sig.clone()));
        if let Err(error) = policy.and_then(|()| ctx.policy.signature(sig, Default::default())) {
            res = bad_signature(&ka, &error);
            continue;
        }
        let hash = match digests.for_signature(sig) {
            Ok(Some(hash)) => hash,
            Ok(None) => {
                res = Res::NotChecked {
                    reason: format!(
                        "not checked: the bundle's signatures already needed {MAX_SALTED_HASHES} salted hashes \
                         of the payload (a version 6 signature hashes it after its own salt); no more are made, \
                         so this signature counts for nothing"
                    ),
                };
                continue;
            }
            Err(error) => {
                note(ran, &diags::PGP_BAD);
                res = bad_signature(&ka, &error);
                continue;
            }
        };
        note(ran, &diags::PGP_BAD);
        res = match sig.verify_hash(ka.key(), hash) {
            Ok(()) => return good(&ka, ctx),
            Err(error) => bad_signature(&ka, &error),
        };
    }
    res
}

fn good(ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>, ctx: &Ctx<'_>) -> Res {
    let cert = ka.cert();
    // Revoked at `now` but not when it signed: a soft revocation of the certificate or
    // of the signing subkey, after the signature. Either retires the key from then on.
    let subkey_revoked = || {
        let sigs = subkey_revoked(cert, &ka.key().fingerprint(), ctx.now, ctx)?;
        Some(describe_revocation(cert, &sigs.iter().collect::<Vec<_>>()))
    };
    let later = match cert_revoked(cert, ctx.now, ctx) {
        Some(sigs) => Some(format!(
            "certificate {} was {} after this signature was made; the signature stays valid (soft \
             revocation), later ones by this key would not",
            cert.fingerprint().to_hex(),
            describe_revocation(cert, &sigs)
        )),
        None => subkey_revoked().map(|revoked| {
            format!(
                "signing subkey {} of certificate {} was {revoked} after this signature was made; the \
                 signature stays valid (soft revocation), later ones by this subkey would not",
                ka.key().fingerprint().to_hex(),
                cert.fingerprint().to_hex(),
            )
        }),
    };
    Res::Good {
        key_fpr: ka.key().fingerprint(),
        primary_fpr: cert.fingerprint(),
        later_revocation: later,
        asym: asymmetric_algo(ka.key()),
        material: key_material(ka.key()),
    }
}

/// An error and its causes, as `{:#}` writes them, with a cause that repeats the message
/// before it said once ("No binding signature at time T: No binding signature at time T").
fn error_chain(error: &openpgp::anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in error.chain() {
        let e = e.to_string();
        if parts.last() != Some(&e) {
            parts.push(e);
        }
    }
    parts.join(": ")
}

/// Why a key that holds the issuer could not vouch for the signature.
fn bad_key(sig: &Signature, ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>, ctx: &Ctx<'_>) -> Res {
    let fpr = ka.key().fingerprint().to_hex();
    let created = sig.signature_creation_time().map(fmt_time).unwrap_or_default();
    let vc = ka.valid_cert();
    if let Some(sigs) = cert_revoked(ka.cert(), vc.time(), ctx) {
        return Res::Bad {
            rule: &diags::PGP_REVOKED,
            reason: format!(
                "certificate {} was {}: {} (signature made {created})",
                vc.fingerprint().to_hex(),
                describe_revocation(ka.cert(), &sigs),
                revocation_effect(&sigs)
            ),
            key_fpr: Some(fpr),
        };
    }
    let own = match ka.revocation_status() {
        RevocationStatus::Revoked(sigs) => Some(sigs.into_iter().cloned().collect()),
        _ => subkey_revoked(ka.cert(), &ka.key().fingerprint(), vc.time(), ctx),
    };
    if let Some(sigs) = own {
        let sigs: Vec<&Signature> = sigs.iter().collect();
        return Res::Bad {
            rule: &diags::PGP_REVOKED,
            reason: format!(
                "signing key {fpr} was {}: {} (signature made {created})",
                describe_revocation(ka.cert(), &sigs),
                revocation_effect(&sigs)
            ),
            key_fpr: Some(fpr),
        };
    }
    if let Err(error) = vc.alive().and_then(|()| ka.alive()) {
        let exp = if vc.alive().is_err() { vc.primary_key().key_expiration_time() } else { ka.key_expiration_time() };
        let created_key = fmt_time(ka.key().creation_time());
        return Res::Bad {
            rule: &diags::PGP_KEY_EXPIRED,
            reason: match exp {
                Some(e) => {
                    format!("signing key {fpr} expired on {}, before the signature was made ({created})", fmt_time(e))
                }
                None => format!(
                    "signing key {fpr} (created {created_key}) was not alive when the signature was made \
                     ({created}): {error:#}"
                ),
            },
            key_fpr: Some(fpr),
        };
    }
    Res::Bad {
        rule: &diags::PGP_KEY_INVALID,
        reason: format!("key {fpr} is not marked for signing"),
        key_fpr: Some(fpr),
    }
}

/// A signature that the key holding its issuer does not accept.
fn bad_signature(ka: &ValidErasedKeyAmalgamation<'_, key::PublicParts>, error: &openpgp::anyhow::Error) -> Res {
    let fpr = ka.key().fingerprint().to_hex();
    let is = |f: fn(&openpgp::Error) -> bool| error.chain().any(|e| e.downcast_ref::<openpgp::Error>().is_some_and(f));
    if is(|e| matches!(e, openpgp::Error::PolicyViolation(..))) {
        Res::Bad {
            rule: &diags::PGP_POLICY,
            reason: format!("the standard policy rejects this signature: {error:#}"),
            key_fpr: Some(fpr),
        }
    } else if is(|e| matches!(e, openpgp::Error::Expired(..))) {
        Res::Bad {
            rule: &diags::PGP_SIGNATURE_EXPIRED,
            reason: format!("the signature itself has expired: {error:#}"),
            key_fpr: Some(fpr),
        }
    } else {
        Res::Bad {
            rule: &diags::PGP_BAD,
            reason: format!(
                "signature by {fpr} does not match the payload: the bundle was changed after signing, or \
                 the signature covers other bytes"
            ),
            key_fpr: Some(fpr),
        }
    }
}

fn reason_words(r: &ReasonForRevocation) -> String {
    match r {
        ReasonForRevocation::Unspecified => "no reason given".into(),
        ReasonForRevocation::KeySuperseded => "key superseded".into(),
        ReasonForRevocation::KeyCompromised => "key compromised".into(),
        ReasonForRevocation::KeyRetired => "key retired".into(),
        other => format!("{other}"),
    }
}

/// Why a revocation applies to a signature: hard ones always, soft ones only to
/// signatures made after them.
fn revocation_effect(sigs: &[&Signature]) -> &'static str {
    let hard = sigs.iter().any(|s| {
        s.reason_for_revocation().is_none_or(|(r, _)| r.revocation_type() == openpgp::types::RevocationType::Hard)
    });
    if hard {
        "a hard revocation (key compromised, or no reason given) rejects every signature by the key, \
         whatever its date"
    } else {
        "the soft revocation predates the signature"
    }
}

/// When, why and, unless the certificate's own primary key made it, by whom `sigs` (the
/// first of them) revoked a key of `cert`.
fn describe_revocation(cert: &Cert, sigs: &[&Signature]) -> String {
    let Some(s) = sigs.first() else { return "revoked".into() };
    let own = s.get_issuers().iter().any(|h| h.aliases(cert.key_handle()));
    let by = match s.issuer_fingerprints().next() {
        _ if own => String::new(),
        Some(f) => format!(" by its designated revoker {}", f.to_hex()),
        None => s.issuers().next().map(|k| format!(" by its designated revoker {}", k.to_hex())).unwrap_or_default(),
    };
    let when = s.signature_creation_time().map(fmt_time).unwrap_or_else(|| "?".into());
    // The reason's text is the revoker's words, quoted and cut as a user ID's are (spec
    // 3.1): it cannot close the parenthesis and go on as the finding's own words ("...")
    // after this signature was made; the signature stays valid"), and a long one is not
    // copied whole into every finding of every bundle.
    let why = s
        .reason_for_revocation()
        .map(|(r, msg)| {
            let msg = String::from_utf8_lossy(msg);
            if msg.trim().is_empty() {
                reason_words(&r)
            } else {
                format!("{}: {}", reason_words(&r), crate::text::quote_claim(msg.trim(), crate::text::CLAIM_QUOTE_MAX))
            }
        })
        .unwrap_or_else(|| "no reason given".into());
    format!("revoked{by} on {when} ({why})")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No fingerprint formatted ahead: every one is formatted when asked.
    static NO_HEX: std::sync::LazyLock<KeyHex> = std::sync::LazyLock::new(KeyHex::default);

    /// The context of a bundle with no `generated_at` and no designated revocations.
    fn test_ctx<'a>(now: SystemTime, policy: &'a StandardPolicy<'a>, certs: &'a [Cert]) -> Ctx<'a> {
        Ctx { now, generated_at: None, policy, certs, designated: &[], hex: &NO_HEX, unchecked_revocations: &[] }
    }
    use std::path::Path;

    fn fixture(rel: &str) -> Vec<u8> {
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures").join(rel)).unwrap()
    }

    /// The table-driven CRC-24 agrees with the bit-at-a-time definition, and with the
    /// checksum GnuPG wrote under the fixture certificate's armor.
    #[test]
    fn crc24_is_the_armor_checksum() {
        fn bitwise(data: &[u8]) -> u32 {
            let mut crc: u32 = 0x00B7_04CE;
            for &b in data {
                crc ^= u32::from(b) << 16;
                for _ in 0..8 {
                    crc <<= 1;
                    if crc & 0x0100_0000 != 0 {
                        crc ^= 0x0186_4CFB;
                    }
                }
            }
            crc & 0x00FF_FFFF
        }
        let all: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for data in [&b""[..], b"a", b"123456789", &all] {
            assert_eq!(crc24(data), bitwise(data), "{data:?}");
        }
        assert_eq!(crc24(b""), 0x00B7_04CE);
        let text = String::from_utf8(fixture("certs/ed25519.asc")).unwrap();
        let body: String = text.lines().skip(2).take_while(|l| !l.starts_with('=')).collect();
        use base64::Engine;
        let decoded = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
        let sum = text.lines().find_map(|l| l.strip_prefix('=')).unwrap();
        let written = base64::engine::general_purpose::STANDARD.decode(sum).unwrap();
        assert_eq!(crc24(&decoded).to_be_bytes()[1..], written[..]);
    }

    /// sequoia's own armor reader: the independent decoder the fast path must agree with.
    fn sequoia_dearmor(text: &str) -> Option<Vec<u8>> {
        use openpgp::armor::{Kind, Reader, ReaderMode};
        use std::io::Read;
        let mut out = Vec::new();
        let mut r = Reader::from_bytes(text.as_bytes(), ReaderMode::Tolerant(Some(Kind::Signature)));
        r.read_to_end(&mut out).ok().map(|_| out)
    }

    /// Every armored signature among the fixtures, as GnuPG and sq wrote them, and
    /// variants: the fast path decodes exactly what sequoia decodes, or declines.
    #[test]
    fn plain_dearmor_agrees_with_sequoia_or_declines() {
        let mut texts = Vec::new();
        for entry in
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/bundles")).unwrap()
        {
            let v: serde_json::Value = serde_json::from_slice(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap();
            let pgp = v.pointer("/signatures/pgp").cloned().unwrap_or_default();
            for sig in pgp.as_array().cloned().unwrap_or_else(|| vec![pgp]) {
                match sig.get("signature").and_then(|s| s.as_str()) {
                    Some(t) if t.starts_with("-----BEGIN PGP SIGNATURE-----") => texts.push(t.to_owned()),
                    _ => {}
                }
            }
        }
        assert!(texts.len() > 20, "{}", texts.len());
        let mut decoded = 0;
        for text in &texts {
            let variants = [
                text.clone(),
                text.replace('\n', "\r\n"),
                text.replacen("\n\n", "\nVersion: x\n\n", 1),
                text.replacen("\n=", "\n=A", 1),
                text.replacen("-----END", "garbage\n-----END", 1),
                text.replacen("\n\n", "\n\nab cd\n", 1),
                text.replacen("\n\n", "\n\nabc\u{e9}\n", 1),
                text.replacen("\n\n", "\n\nab:c\n", 1),
                format!("{text}\ntrailing"),
                text.lines().filter(|l| !l.starts_with('=')).collect::<Vec<_>>().join("\n"),
            ];
            for v in &variants {
                if let Some(fast) = dearmor_plain(v.trim_start()) {
                    assert_eq!(Some(&fast), sequoia_dearmor(v).as_ref(), "{v}");
                    decoded += 1;
                }
            }
            assert!(dearmor_plain(text.trim_start()).is_some(), "plain layout declined: {text}");
        }
        // A wrong checksum is never accepted by the fast path.
        let bad = texts[0].lines().map(|l| if l.starts_with('=') { "=AAAA" } else { l }).collect::<Vec<_>>();
        assert_eq!(dearmor_plain(&bad.join("\n")), None);
        assert!(decoded >= texts.len() * 3, "{decoded}");
    }

    /// Every armored certificate among the fixtures: the fast path decodes exactly what
    /// sequoia's armor reader decodes, or declines (a keyring of several blocks).
    #[test]
    fn plain_cert_dearmor_agrees_with_sequoia_or_declines() {
        use openpgp::armor::{Kind, Reader, ReaderMode};
        use std::io::Read;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/certs");
        let mut decoded = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            if let Some(fast) = dearmor_block(text.trim_start(), "PGP PUBLIC KEY BLOCK") {
                let mut want = Vec::new();
                let mut r = Reader::from_bytes(text.as_bytes(), ReaderMode::Tolerant(Some(Kind::PublicKey)));
                r.read_to_end(&mut want).unwrap();
                assert_eq!(fast, want, "{}", path.display());
                decoded += 1;
            }
        }
        assert!(decoded >= 5, "{decoded}");
        let ed = std::fs::read_to_string(dir.join("ed25519.asc")).unwrap();
        assert_eq!(dearmor_block(&ed, "PGP SIGNATURE"), None);
        assert_eq!(dearmor_block(&ed.replacen("\n=", "\n=A", 1), "PGP PUBLIC KEY BLOCK"), None);
    }

    /// Text after an armored signature is refused, not ignored (sequoia's reader stops at
    /// the end line); whitespace after it is fine, and so is a second signature block.
    #[test]
    fn text_after_the_armor_is_malformed() {
        let bundle: serde_json::Value = serde_json::from_slice(&fixture("bundles/pgp-ed25519.json")).unwrap();
        let sig = bundle["signatures"]["pgp"]["signature"].as_str().unwrap().to_owned();
        let parse =
            |t: &str| parse_signatures(t, &mut usize::MAX.clone()).map(|(s, _)| s.len()).map_err(|(r, m)| (r.id, m));
        assert_eq!(parse(&sig), Ok(1));
        assert_eq!(parse(&format!("{sig}\n \r\n\t")), Ok(1));
        assert_eq!(parse(&format!("{sig}{sig}")), Ok(2));
        // an empty block between two signatures holds nothing, and is refused as such
        let empty = "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n";
        let e = parse(&format!("{sig}{empty}{sig}")).unwrap_err();
        assert_eq!(e, ("sig.pgp.malformed", "signature block holds no signature".to_owned()));
        for after in ["hello", "- -----BEGIN PGP SIGNATURE-----"] {
            let e = parse(&format!("{sig}\n{after}\n")).unwrap_err();
            assert_eq!(e.0, "sig.pgp.malformed", "{after}: {}", e.1);
        }
        // The second block's first line is quoted by its start: a megabyte of it is not
        // copied into the finding.
        let long = format!("{sig}-----BEGIN {}-----\n", "X".repeat(1 << 20));
        let e = parse(&long).unwrap_err();
        assert_eq!(e.0, "sig.pgp.not-a-signature", "{}", e.1);
        assert!(e.1.len() < 400 && e.1.contains("\"-----BEGIN XXX"), "{} bytes: {:.200}", e.1.len(), e.1);
        for block in ["-----BEGIN PGP MESSAGE-----\n\nyA==\n-----END PGP MESSAGE-----\n", "-----BEGIN PGP SIGNATUR\n"] {
            let e = parse(&format!("{sig}{block}")).unwrap_err();
            assert_eq!(e.0, "sig.pgp.not-a-signature", "{block}: {}", e.1);
        }
    }

    /// Each armored block of a revocation file is read (fixtures/signatures/armor-blocks:
    /// two revocation certificates, `cat a.rev b.rev`); past the blocks 64 revocations
    /// fill, none is opened, and a file holding more blocks than revocations is none.
    #[test]
    fn every_armored_revocation_of_a_file_is_read() {
        let two = String::from_utf8(fixture("armor-blocks/two-revocations.asc")).unwrap();
        assert_eq!(parse_revocations(two.as_bytes()).map(|r| r.len()), Some(2));
        let many = two.repeat(40);
        assert_eq!(parse_revocations(many.as_bytes()).map(|r| r.len()), Some(MAX_REVOCATIONS_PER_FILE + 1));
        let first = two.split_inclusive("-----END PGP PUBLIC KEY BLOCK-----\n").next().unwrap();
        let marker = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nygNQR1A=\n-----END PGP PUBLIC KEY BLOCK-----\n";
        assert_eq!(parse_revocations(format!("{first}{marker}").as_bytes()).map(|r| r.len()), Some(1));
        let markers = format!("{first}{}", marker.repeat(MAX_REVOCATIONS_PER_FILE));
        assert!(parse_revocations(markers.as_bytes()).is_none());
        assert!(parse_revocations(format!("{two}hello\n").as_bytes()).is_none());
    }

    /// The normal forms KMS keys are compared in: EC points uncompressed (0x04, x, y),
    /// the RSA modulus without leading zeros (not the exponent), the Ed25519 point without OpenPGP's 0x40 prefix.
    #[test]
    fn key_material_is_the_normal_form() {
        let material = |f: &str| {
            let certs = parse_cert_file(&fixture(&format!("certs/{f}"))).unwrap();
            key_material(certs[0].primary_key().key())
        };
        let p = material("p256.asc");
        assert!(p.starts_with("ecdsa-p256:04") && p.len() == "ecdsa-p256:".len() + 130, "{p}");
        let r = material("rsa3072.asc");
        assert!(r.starts_with("rsa:") && r.len() == "rsa:".len() + 768, "{r}");
        let e = material("ed25519.asc");
        assert!(e.starts_with("ed25519:") && e.len() == "ed25519:".len() + 64, "{e}");
        let kms = super::super::kms::parse_key(&fixture("kms/ed25519-same-as-pgp.pem")).unwrap().0;
        assert_eq!(kms.material(), e, "the KMS copy of the ed25519 OpenPGP key");
    }

    /// Two certificates gpg made on one RSA modulus with exponents 65537 and 3
    /// (fixtures/signatures/shared-modulus, made by its make.sh): two fingerprints, one
    /// key material, the same as the KMS copies of either key.
    #[test]
    fn rsa_key_material_is_the_modulus_alone() {
        use openpgp::crypto::mpi::PublicKey as M;
        let key = |f: &str| {
            let certs = parse_cert_file(&fixture(&format!("shared-modulus/{f}"))).unwrap();
            certs[0].primary_key().key().clone()
        };
        let (a, b) = (key("rsa-e65537.asc"), key("rsa-e3.asc"));
        let (M::RSA { e: ea, n: na }, M::RSA { e: eb, n: nb }) = (a.mpis(), b.mpis()) else { panic!("RSA keys") };
        assert_eq!(na, nb);
        assert_eq!((ea.value(), eb.value()), (&[1u8, 0, 1][..], &[3u8][..]));
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_eq!(key_material(&a), key_material(&b));
        let kms = super::super::kms::parse_key(&fixture("shared-modulus/rsa-e65537.pem")).unwrap().0;
        assert_eq!(kms.material(), key_material(&b), "the e = 3 certificate and the e = 65537 KMS key");
        let other = parse_cert_file(&fixture("certs/rsa3072.asc")).unwrap();
        assert_ne!(key_material(other[0].primary_key().key()), key_material(&a));
    }

    #[test]
    fn claims_ignore_case_spaces_and_0x() {
        let fpr = "BE74 33FC 10F5 F7D8 0623  9A86 03CC 749F B6F8 5D66";
        assert_eq!(
            parse_claim(&fpr.to_lowercase()),
            Ok(Claim::Fingerprint("BE7433FC10F5F7D806239A8603CC749FB6F85D66".into()))
        );
        assert_eq!(parse_claim("0x03CC749FB6F85D66"), Ok(Claim::LongKeyId("03CC749FB6F85D66".into())));
        assert!(matches!(parse_claim(&"AB".repeat(32)), Ok(Claim::Fingerprint(h)) if h.len() == 64));
    }

    #[test]
    fn claims_of_other_lengths_are_refused_not_truncated() {
        for bad in ["B6F85D66", "", "0x", "XYZ", &"A".repeat(39), &"A".repeat(41), &"A".repeat(17)] {
            assert!(parse_claim(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn several_certs_in_one_file() {
        assert_eq!(parse_cert_file(&fixture("certs/keyring.asc")).unwrap().len(), 3);
        assert!(parse_cert_file(b"not a cert").is_err());
        assert!(parse_cert_file(b"").is_err());
    }

    /// A scheduled cutoff within a year of `now` is announced; one further out is not.
    #[test]
    fn algorithm_cutoff_within_a_year_warns() {
        let bundle: serde_json::Value = serde_json::from_slice(&fixture("bundles/pgp-ed25519.json")).unwrap();
        let entry = &bundle["signatures"]["pgp"];
        let certs = parse_cert_file(&fixture("certs/ed25519.asc")).unwrap();
        let payload = fixture("payload.jcs");
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800); // 2026-11-25
        let run = |days: u64| {
            let mut policy = StandardPolicy::at(now);
            policy.reject_hash_at(openpgp::types::HashAlgorithm::SHA256, now + Duration::from_secs(days * 86_400));
            let ctx = test_ctx(now, &policy, &certs);
            let out = verify_entry(
                "object",
                "/signatures/pgp",
                entry["key_id"].as_str(),
                entry["signature"].as_str().unwrap(),
                &payload,
                &ctx,
            );
            assert_eq!(out[0].row.verdict, Verdict::Verified);
            out[0].findings.iter().map(|f| (f.rule.id, f.message.clone())).collect::<Vec<_>>()
        };
        let soon = run(100);
        assert_eq!(soon.len(), 1, "{soon:?}");
        assert_eq!(soon[0].0, "sig.pgp.algorithm-cutoff");
        assert!(soon[0].1.contains("2027-03-05"), "{}", soon[0].1);
        assert!(run(500).is_empty());
    }

    /// `cert`'s public part as `--cert` reads it from a file.
    fn as_supplied(cert: &openpgp::Cert) -> Vec<Cert> {
        use openpgp::serialize::Serialize as _;
        let mut public = Vec::new();
        cert.serialize(&mut public).unwrap();
        parse_cert_file(&public).unwrap()
    }

    /// A version 6 certificate whose Ed25519 (RFC 9580, algorithm 27) primary key is the
    /// identity point, or a point of order 8, is refused like a legacy EdDSA one
    /// (fixtures/signatures/pgp-small-order); an ordinary v6 key is not.
    #[test]
    fn a_v6_ed25519_key_of_small_order_is_refused() {
        use openpgp::packet::key::{Key6, PublicParts, UnspecifiedRole};
        use openpgp::serialize::Serialize as _;
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_748_736_000);
        let hex = "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a";
        let order8: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
        let mut identity = [0u8; 32];
        identity[0] = 1;
        for point in [&identity[..], &order8[..]] {
            let k: Key6<PublicParts, UnspecifiedRole> = Key6::import_public_ed25519(point, t0).unwrap();
            let primary = Key::from(k).role_into_primary();
            let uid = openpgp::packet::UserID::from("small <small@example.test>");
            let cert = Cert::from_packets(vec![Packet::from(primary), uid.into()].into_iter()).unwrap();
            let mut bytes = Vec::new();
            cert.serialize(&mut bytes).unwrap();
            match parse_cert_file(&bytes) {
                Err(CertFileError::Refused(why)) => {
                    assert!(why.contains("its primary key is an Ed25519 public key of small order"), "{why}")
                }
                other => panic!("a small-order v6 key was not refused: {other:?}"),
            }
        }
        let (cert, _, _) = v6_cert();
        assert!(as_supplied(&cert).len() == 1, "an ordinary v6 certificate loads");
    }

    /// A version 6 certificate made 2025-06-01, a signing time a day later, and the
    /// time it is judged at (2026-11-25).
    fn v6_cert() -> (openpgp::Cert, SystemTime, SystemTime) {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_748_736_000); // 2025-06-01
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800);
        let (cert, _) = openpgp::cert::CertBuilder::general_purpose(Some("v6 <v6@example.test>"))
            .set_profile(openpgp::Profile::RFC9580)
            .unwrap()
            .set_creation_time(t0)
            .generate()
            .unwrap();
        (cert, t0 + Duration::from_secs(86_400), now)
    }

    /// An armored detached signature over `msg` by `cert`'s signing key, dated `at`
    /// (any time: the key is taken as bound when the certificate was made).
    fn v6_sign(cert: &openpgp::Cert, policy: &StandardPolicy, at: SystemTime, msg: &[u8]) -> String {
        v6_sign_for(cert, policy, at, None, msg)
    }

    /// [`v6_sign`], the signature valid for `validity` from `at` when given (its own
    /// expiration, RFC 9580 5.2.3.18).
    fn v6_sign_for(
        cert: &openpgp::Cert,
        policy: &StandardPolicy,
        at: SystemTime,
        validity: Option<Duration>,
        msg: &[u8],
    ) -> String {
        use openpgp::packet::signature::SignatureBuilder;
        use openpgp::serialize::stream::{Armorer, Message, Signer};
        use std::io::Write as _;
        let signer = cert
            .keys()
            .with_policy(policy, cert.primary_key().key().creation_time())
            .for_signing()
            .secret()
            .next()
            .unwrap()
            .key()
            .clone()
            .into_keypair()
            .unwrap();
        let mut armored = Vec::new();
        let m = Message::new(&mut armored);
        let m = Armorer::new(m).kind(openpgp::armor::Kind::Signature).build().unwrap();
        let mut template = SignatureBuilder::new(openpgp::types::SignatureType::Binary);
        if let Some(validity) = validity {
            template = template.set_signature_validity_period(validity).unwrap();
        }
        let mut s = Signer::with_template(m, signer, template).unwrap().detached().creation_time(at).build().unwrap();
        s.write_all(msg).unwrap();
        s.finalize().unwrap();
        String::from_utf8(armored).unwrap()
    }

    /// The key's lifetime at the signature's time: from its creation, inclusive, to its
    /// expiry, exclusive (RFC 9580 5.2.3.13: a key expires the given number of seconds
    /// after its creation; 5.2.3.18 likewise for a signature). A key made 2025-06-01 to
    /// live ten days signs good from its first second to its last, not at the expiry.
    #[test]
    fn a_key_signs_from_its_creation_up_to_its_expiry() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_748_736_000); // 2025-06-01
        let life = Duration::from_secs(10 * 86_400);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800); // 2026-11-25
        let (cert, _) = openpgp::cert::CertBuilder::general_purpose(Some("v6 <v6@example.test>"))
            .set_profile(openpgp::Profile::RFC9580)
            .unwrap()
            .set_creation_time(t0)
            .set_validity_period(life)
            .generate()
            .unwrap();
        let policy = StandardPolicy::at(now);
        let certs = as_supplied(&cert);
        let ctx = test_ctx(now, &policy, &certs);
        let claim = cert.fingerprint().to_hex();
        let payload = b"{\"version\":\"1.0\"}";
        let second = Duration::from_secs(1);
        for (at, want, rule) in [
            (t0 - second, Verdict::Rejected, Some("sig.pgp.key-invalid")),
            (t0, Verdict::Verified, None),
            (t0 + life - second, Verdict::Verified, None),
            (t0 + life, Verdict::Rejected, Some("sig.pgp.key-expired")),
        ] {
            let armored = v6_sign(&cert, &policy, at, payload);
            let out = verify_entry("object", "/p", Some(&claim), &armored, payload, &ctx);
            let what = format!(
                "signed {} s after the key's creation",
                at.duration_since(t0).map_or(-1, |d| d.as_secs() as i64)
            );
            assert_eq!(out[0].row.verdict, want, "{what}: {}", out[0].row.reason);
            let rules: Vec<&str> = out[0].findings.iter().map(|f| f.rule.id).collect();
            assert!(rule.is_none_or(|r| rules.contains(&r)), "{what}: {rules:?}");
        }
    }

    /// A signature's own expiry, judged at `--now`: valid up to its last second, expired
    /// at the instant creation + validity (RFC 9580 5.2.3.18: the signature expires that
    /// many seconds after its creation), as a key's expiry is read above.
    #[test]
    fn a_signature_is_alive_up_to_its_own_expiry() {
        let (cert, signed, _) = v6_cert();
        let day = Duration::from_secs(86_400);
        let certs = as_supplied(&cert);
        let payload = b"{\"version\":\"1.0\"}";
        let claim = cert.fingerprint().to_hex();
        let second = Duration::from_secs(1);
        for (now, want) in [(signed + day - second, Verdict::Verified), (signed + day, Verdict::Rejected)] {
            let policy = StandardPolicy::at(now);
            let armored = v6_sign_for(&cert, &policy, signed, Some(day), payload);
            let ctx = test_ctx(now, &policy, &certs);
            let out = verify_entry("object", "/p", Some(&claim), &armored, payload, &ctx);
            let rules: Vec<&str> = out[0].findings.iter().map(|f| f.rule.id).collect();
            assert_eq!(out[0].row.verdict, want, "{rules:?}: {}", out[0].row.reason);
            assert_eq!(rules.contains(&"sig.pgp.signature-expired"), want == Verdict::Rejected, "{rules:?}");
        }
    }

    /// An OpenPGP signature's time is whole seconds (RFC 9580 5.2.3.11): one made in the
    /// same second as a `generated_at` with a fraction (12:00:00.5) reads 12:00:00 and
    /// is not before it; one a second earlier is.
    #[test]
    fn a_signature_in_the_second_of_generated_at_is_not_before_it() {
        let (cert, signed, now) = v6_cert();
        let certs = as_supplied(&cert);
        let policy = StandardPolicy::at(now);
        let payload = b"{\"version\":\"1.0\"}";
        let claim = cert.fingerprint().to_hex();
        let half = Duration::from_millis(500);
        let second = Duration::from_secs(1);
        for (generated_at, warned) in [
            (signed, false),
            (signed + half, false),
            (signed + second - Duration::from_nanos(1), false),
            (signed + second, true),
            (signed + second + half, true),
        ] {
            let armored = v6_sign(&cert, &policy, signed, payload);
            let ctx = Ctx {
                now,
                generated_at: Some(generated_at),
                policy: &policy,
                certs: &certs,
                designated: &[],
                hex: &NO_HEX,
                unchecked_revocations: &[],
            };
            let out = verify_entry("object", "/p", Some(&claim), &armored, payload, &ctx);
            let rules: Vec<&str> = out[0].findings.iter().map(|f| f.rule.id).collect();
            let after = generated_at.duration_since(signed).unwrap_or_default();
            assert_eq!(rules.contains(&"sig.pgp.before-generated"), warned, "generated {after:?} after: {rules:?}");
            assert_eq!(out[0].row.verdict, Verdict::Verified);
        }
    }

    /// A soft revocation (key retired) rejects signatures made after it and keeps earlier
    /// ones: one second before it the signature verifies (`sig.pgp.revoked-later`, info),
    /// in its very second it is revoked (whole seconds cannot order the two, and the
    /// signature's date is the signer's word), and after it too.
    #[test]
    fn a_soft_revocation_rejects_signatures_from_its_own_second() {
        use openpgp::cert::CertRevocationBuilder;
        use openpgp::types::ReasonForRevocation;
        let (cert, signed, now) = v6_cert();
        let retired = signed + Duration::from_secs(3_600);
        let mut primary = cert.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
        let rev = CertRevocationBuilder::new()
            .set_reason_for_revocation(ReasonForRevocation::KeyRetired, b"retired")
            .unwrap()
            .set_signature_creation_time(retired)
            .unwrap()
            .build(&mut primary, &cert, None)
            .unwrap();
        let (revoked, _) = cert.clone().insert_packets(Some(rev)).unwrap();
        let certs = as_supplied(&revoked);
        let policy = StandardPolicy::at(now);
        let payload = b"{\"version\":\"1.0\"}";
        let claim = cert.fingerprint().to_hex();
        let second = Duration::from_secs(1);
        for (at, want, rule) in [
            (retired - second, Verdict::Verified, "sig.pgp.revoked-later"),
            (retired, Verdict::Rejected, "sig.pgp.revoked"),
            (retired + second, Verdict::Rejected, "sig.pgp.revoked"),
        ] {
            let armored = v6_sign(&cert, &policy, at, payload);
            let ctx = test_ctx(now, &policy, &certs);
            let out = verify_entry("object", "/p", Some(&claim), &armored, payload, &ctx);
            let rules: Vec<&str> = out[0].findings.iter().map(|f| f.rule.id).collect();
            assert_eq!(out[0].row.verdict, want, "{rules:?}: {}", out[0].row.reason);
            assert!(rules.contains(&rule), "{rules:?}");
        }
    }

    /// v6 (RFC 9580) keys: 64-hex fingerprints, key IDs from the fingerprint's head.
    /// gpg 2.2 cannot make them, so sequoia makes this one.
    #[test]
    fn v6_certificate_and_signature() {
        let (cert, t1, now) = v6_cert();
        let policy = StandardPolicy::at(now);
        let signing_fpr = cert.keys().with_policy(&policy, t1).for_signing().next().unwrap().key().fingerprint();
        let payload = b"{\"version\":\"1.0\"}";
        let armored = v6_sign(&cert, &policy, t1, payload);
        let certs = as_supplied(&cert);
        let ctx = test_ctx(now, &policy, &certs);
        let run = |claim: &str| verify_entry("object", "/p", Some(claim), &armored, payload, &ctx);

        let primary = cert.fingerprint().to_hex();
        assert_eq!(primary.len(), 64);
        for claim in [primary.clone(), signing_fpr.to_hex(), primary.to_lowercase()] {
            let out = run(&claim);
            assert_eq!(out[0].row.verdict, Verdict::Verified, "{claim}: {}", out[0].row.reason);
        }
        // A v6 long key ID is the head of the fingerprint, and is accepted with a warning.
        let out = run(&primary[..16]);
        assert_eq!(out[0].row.verdict, Verdict::Verified);
        assert!(out[0].findings.iter().any(|f| f.rule.id == "sig.pgp.long-key-id"));
        // The tail of a v6 fingerprint is not its key ID.
        assert_eq!(run(&primary[48..])[0].row.verdict, Verdict::Rejected);
        // 40 hex digits of a 64-digit fingerprint name nobody.
        assert_eq!(run(&primary[..40])[0].row.verdict, Verdict::Rejected);
        let signer_id = super::SignerId::Pgp { primary: primary.clone(), key: signing_fpr.to_hex() };
        assert!(signer_id.pinned_by(&primary[..16]) && !signer_id.pinned_by(&primary[48..]));
    }

    /// A version 6 signature packet nobody signed (no private key needed): `issuer` is
    /// the fingerprint it names (its version byte from the length), `salt` its salt.
    /// As attack pass 7 made them (case11/v6.py).
    fn junk_v6(issuer: &[u8], hash: u8, salt: &[u8]) -> String {
        let created: u32 = 1_754_829_000; // 2025-08-10T12:30:00Z
        let mut hashed = vec![5, 2 | 0x80];
        hashed.extend_from_slice(&created.to_be_bytes());
        hashed.push(u8::try_from(issuer.len() + 2).unwrap());
        hashed.push(33);
        hashed.push(if issuer.len() == 32 { 6 } else { 4 });
        hashed.extend_from_slice(issuer);
        let mut body = vec![6, 0, 27, hash];
        body.extend_from_slice(&u32::try_from(hashed.len()).unwrap().to_be_bytes());
        body.extend_from_slice(&hashed);
        body.extend_from_slice(&0u32.to_be_bytes());
        body.extend_from_slice(&[0, 0, u8::try_from(salt.len()).unwrap()]);
        body.extend_from_slice(salt);
        body.extend_from_slice(&[0x11; 64]); // an Ed25519 signature's 64 bytes
        let mut packet = vec![0xC2, u8::try_from(body.len()).unwrap()];
        packet.extend_from_slice(&body);
        let mut armored = Vec::new();
        {
            use std::io::Write as _;
            let mut w = openpgp::armor::Writer::new(&mut armored, openpgp::armor::Kind::Signature).unwrap();
            w.write_all(&packet).unwrap();
            w.finalize().unwrap();
        }
        String::from_utf8(armored).unwrap()
    }

    fn entries_of(armored: &[String], claim: &str) -> Vec<Entry<'static>> {
        armored
            .iter()
            .enumerate()
            .map(|(i, a)| Entry {
                form: format!("array [{i}]"),
                pointer: format!("/signatures/pgp/{i}"),
                claim: Some(Box::leak(claim.to_owned().into_boxed_str())),
                armored: Box::leak(a.clone().into_boxed_str()),
            })
            .collect()
    }

    /// Attack pass 7, problem 11: junk version 6 packets naming a supplied version 4 key
    /// are refused before the payload is hashed for any of them (they cost nothing
    /// beyond parsing), whatever their hash algorithm.
    #[test]
    fn v6_packets_naming_a_v4_key_are_refused_without_hashing() {
        let certs = parse_cert_file(&fixture("certs/ed25519.asc")).unwrap();
        let fpr = certs[0].fingerprint();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800);
        let policy = StandardPolicy::at(now);
        let ctx = test_ctx(now, &policy, &certs);
        // SHA-256, SHA-512, SHA3-512 with the salt sizes RFC 9580 fixes for them.
        let armored: Vec<String> = [(8u8, 16usize), (10, 32), (14, 64)]
            .iter()
            .cycle()
            .take(32)
            .enumerate()
            .map(|(i, &(h, n))| junk_v6(fpr.as_bytes(), h, &vec![u8::try_from(i).unwrap(); n]))
            .collect();
        let entries = entries_of(&armored, &fpr.to_hex());
        let mut budget = 32;
        let (out, truncated, passes) =
            check_entries_counted(&entries, &fixture("payload.jcs"), None, &ctx, &mut budget);
        assert!(!truncated);
        assert_eq!(passes, 0, "the payload was hashed for a signature that cannot be the key's");
        assert_eq!(out.len(), 32);
        for (i, c) in out.iter().enumerate() {
            assert_eq!(c.row.verdict, Verdict::Rejected);
            let f: Vec<_> = c.findings.iter().map(|f| (f.rule.id, f.pointer.as_str())).collect();
            assert_eq!(f, [("sig.pgp.bad", format!("/signatures/pgp/{i}").as_str())]);
            assert!(c.findings[0].message.contains("a version 6 signature cannot be made by the version 4 key"));
        }
    }

    /// Real version 6 signatures by a supplied version 6 key, each over other bytes and
    /// with its own salt: at most MAX_SALTED_HASHES salted hashes are made; the others are
    /// not checked (sig.too-many, counting for nothing). A good signature first verifies.
    #[test]
    fn salted_hashes_are_bounded_per_bundle() {
        let (cert, t1, now) = v6_cert();
        let policy = StandardPolicy::at(now);
        let payload = b"{\"version\":\"1.0\"}";
        let sign = |msg: &[u8]| v6_sign(&cert, &policy, t1, msg);
        let mut armored = vec![sign(payload)];
        armored.extend((0..7).map(|i| sign(format!("other bytes {i}").as_bytes())));
        let certs = as_supplied(&cert);
        let ctx = test_ctx(now, &policy, &certs);
        let entries = entries_of(&armored, &cert.fingerprint().to_hex());
        let mut budget = 32;
        let (out, _, passes) = check_entries_counted(&entries, payload, None, &ctx, &mut budget);
        assert_eq!(passes, MAX_SALTED_HASHES);
        assert_eq!(out[0].row.verdict, Verdict::Verified, "{}", out[0].row.reason);
        let rules: Vec<&str> = out[1..].iter().flat_map(|c| c.findings.iter().map(|f| f.rule.id)).collect();
        let bad = MAX_SALTED_HASHES - 1;
        assert_eq!(rules[..bad], vec!["sig.pgp.bad"; bad][..]);
        assert_eq!(rules[bad..], vec!["sig.too-many"; 7 - bad][..]);
        for c in &out[1 + bad..] {
            assert_eq!(c.row.verdict, Verdict::Unverified);
            assert!(c.row.reason.starts_with("not checked"), "{}", c.row.reason);
            assert!(!c.row.ran.contains(&"sig.pgp.bad"));
        }
    }
    /// The integrity check's SHA-256 state of the payload stands for a version 4 SHA-256
    /// signature's own pass over it (gpg's default): the signature verifies with no pass
    /// of its own. Held against the state of another bundle's payload, with this
    /// bundle's payload handed over, it fails: the state is what the signature is
    /// verified over, not a shortcut past it.
    #[test]
    fn the_integrity_hash_is_the_signatures_first_pass() {
        let state_of = |rel: &str| {
            let read = crate::read::read(fixture(rel), &crate::read::Limits::default());
            let doc = read.document.unwrap();
            let (_, state) = crate::integrity::check(&doc, None, &mut crate::finding::Outcome::default());
            (doc, state.unwrap())
        };
        let (doc, state) = state_of("bundles/pgp-ed25519.json");
        let (_, other) = state_of("bundles/pgp-tampered.json");
        let sigs = doc.member_ref("signatures").unwrap();
        let armored = vec![sigs["pgp"]["signature"].as_str().unwrap().to_owned()];
        let certs = parse_cert_file(&fixture("certs/ed25519.asc")).unwrap();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800);
        let policy = StandardPolicy::at(now);
        let ctx = test_ctx(now, &policy, &certs);
        let entries = entries_of(&armored, &certs[0].fingerprint().to_hex());
        let (out, _, passes) = check_entries_counted(&entries, doc.payload(), None, &ctx, &mut 32);
        assert_eq!((passes, out[0].row.verdict), (1, Verdict::Verified), "{}", out[0].row.reason);
        let (out, _, passes) = check_entries_counted(&entries, doc.payload(), Some(&state), &ctx, &mut 32);
        assert_eq!((passes, out[0].row.verdict), (0, Verdict::Verified), "{}", out[0].row.reason);
        let (out, _, passes) = check_entries_counted(&entries, doc.payload(), Some(&other), &ctx, &mut 32);
        assert_eq!((passes, out[0].row.verdict), (0, Verdict::Rejected));
        let f: Vec<_> = out[0].findings.iter().map(|f| (f.rule.id, f.pointer.as_str())).collect();
        assert_eq!(f, [("sig.pgp.bad", "/signatures/pgp/0")]);
    }
}
