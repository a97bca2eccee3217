//! Rules of the signature checks (spec section 3).

use crate::finding::Severity::{Error, Info, Warning};
use crate::rules::{Rule, Section::Signatures};

pub static NONE: Rule = Rule {
    id: "sig.none",
    section: Signatures,
    severity: Warning,
    title: "Bundle carries a signature",
    explanation: "The bundle carries no OpenPGP or KMS signature. Its hash proves only that the \
bytes are self-consistent: anyone who changes a figure can recompute the hash. Only a \
signature from a key the auditor trusts says who published it. Use --require-signature to \
make this fatal.",
};

pub static FORM: Rule = Rule {
    id: "sig.form",
    section: Signatures,
    severity: Error,
    title: "Signature members have a supported shape",
    explanation: "`signatures.pgp` must be null, an object {key_id, signature}, an array of such \
objects, or an armored signature string with a sibling `signatures.key_id`; \
`signatures.kms` must be null, an object {key_id, algorithm, signature} or an array of them. \
A signature in any other shape cannot be checked, so the bundle is rejected rather than \
treated as unsigned.",
};

pub static REQUIRED: Rule = Rule {
    id: "sig.required",
    section: Signatures,
    severity: Error,
    title: "Required signature present and verified",
    explanation: "A signature was required and none in the bundle verifies against a key the \
auditor supplied (with --signer, against one of the pinned keys). Supplying keys is itself \
the demand, as gpgv and sqv treat their keyrings: --cert and --kms-key imply \
--require-signature, and so do --signer, --min-signers and --profile marketplace. An unsigned \
bundle, one signed by a key that was not supplied, and one whose signatures all fail are \
treated alike: nobody the auditor trusts vouches for it. The finding names the signer the \
bundle claims and the keys that were tried. Supply the signer's certificate with --cert or \
public key with --kms-key KEY_ID=FILE, or obtain a properly signed bundle; \
--no-require-signature audits the bundle without demanding a signature from the supplied keys.",
};

pub static MIN_SIGNERS: Rule = Rule {
    id: "sig.min-signers",
    section: Signatures,
    severity: Error,
    title: "Enough distinct trusted signers",
    explanation: "--min-signers N asks for N distinct trusted keys (N OpenPGP certificates or KMS \
keys the auditor supplied, restricted to the --signer keys when given). Two signatures by \
the same certificate, even by two of its subkeys, count once, and so do signatures by one \
public key supplied twice: in two certificates, or as a certificate and a KMS key, and two RSA \
keys with one modulus whatever their exponents (sig.same-key names them).",
};

pub static SAME_KEY: Rule = Rule {
    id: "sig.same-key",
    section: Signatures,
    severity: Info,
    title: "Each supplied signer a distinct key",
    explanation: "Two keys the auditor supplied as different signers hold the same public key \
(the same Ed25519 point, EC point on the same curve, or RSA modulus): one private key in two \
OpenPGP certificates (made at two times, so with two fingerprints), or given both as an \
OpenPGP certificate and as a --kms-key. RSA keys are compared by their modulus alone: two keys \
with one modulus and different public exponents are held by whoever knows its two prime \
factors, who can compute the private key for any exponent, so they are one signer. \
Signatures by them are signatures by one key, so they count as one signer towards \
--min-signers; the finding names the keys that were merged. If two people were meant to \
sign, one of them did not.",
};

pub static TOO_MANY: Rule = Rule {
    id: "sig.too-many",
    section: Signatures,
    severity: Error,
    title: "Signatures within the per-bundle limit",
    explanation: "A bundle may carry at most --max-signatures signatures (OpenPGP signature \
packets and KMS entries together, an OpenPGP entry holding no signature counting as one; \
default 32). Each one costs a verification, so a bundle \
stuffed with thousands of them is a denial of service, not a publication; it is rejected and \
the signatures beyond the limit are not examined. Raise the limit with --max-signatures N if \
a bundle really has that many signers. Some signatures hash the whole payload on their \
own: an OpenPGP version 6 signature (after its salt) and a pure Ed25519 KMS signature. At \
most 4 of each are checked per bundle; a further one is not checked (it counts for nothing) \
and is reported here, at its pointer.",
};

pub static PGP_KEY_ID_MISSING: Rule = Rule {
    id: "sig.pgp.key-id-missing",
    section: Signatures,
    severity: Error,
    title: "OpenPGP signature names its key_id",
    explanation: "Every OpenPGP signature must carry a `key_id` (for the bare-string form, a \
sibling `signatures.key_id`) naming the signer by fingerprint. Without it the bundle makes \
no claim about who signed, and a signature by any supplied key would be accepted for it.",
};

pub static PGP_KEY_ID_INVALID: Rule = Rule {
    id: "sig.pgp.key-id-invalid",
    section: Signatures,
    severity: Error,
    title: "key_id is a fingerprint or long key ID",
    explanation: "`key_id` must be a v4 (40 hex digits) or v6 (64 hex digits) fingerprint; case, \
spaces and a 0x prefix are ignored. A 16-digit long key ID is accepted with a warning. \
Shorter IDs (the 8-digit 'short key ID') are trivially forged by generating keys until one \
collides, so they are rejected even when the signature verifies.",
};

pub static PGP_LONG_KEY_ID: Rule = Rule {
    id: "sig.pgp.long-key-id",
    section: Signatures,
    severity: Warning,
    title: "Signer named by full fingerprint",
    explanation: "`key_id` is a 16-digit long key ID. The signature is checked against the key \
that actually made it, but a 64-bit ID is a weak name: colliding key IDs can be generated \
with modest effort. Publishers should give the full fingerprint.",
};

pub static PGP_NOT_A_SIGNATURE: Rule = Rule {
    id: "sig.pgp.not-a-signature",
    section: Signatures,
    severity: Error,
    title: "OpenPGP member holds a signature",
    explanation: "The `signature` text is not an ASCII-armored OpenPGP signature (`-----BEGIN PGP \
SIGNATURE-----`). A common mistake is pasting the signer's public certificate there: a \
certificate proves nothing about the payload, and key material inside a bundle is never \
trusted anyway (only certificates passed with --cert are).",
};

pub static PGP_MALFORMED: Rule = Rule {
    id: "sig.pgp.malformed",
    section: Signatures,
    severity: Error,
    title: "OpenPGP signature parses",
    explanation: "The armored block could not be decoded into a usable OpenPGP signature packet \
(bad armor or checksum, truncated packet, unknown version, no creation time), or text stands \
after its armor's end line (several armored signature blocks are each read; anything else there \
would go unread). Nothing can be verified; the bundle is rejected.",
};

pub static PGP_WRONG_TYPE: Rule = Rule {
    id: "sig.pgp.wrong-type",
    section: Signatures,
    severity: Error,
    title: "Binary document signature (type 0x00)",
    explanation: "The format requires a detached signature of type 0x00 (binary document) over \
the payload bytes, as `gpg --detach-sign` makes. Text-mode signatures (0x01) normalise line \
endings and certification or key signatures sign something else; none of them is accepted.",
};

pub static PGP_FUTURE: Rule = Rule {
    id: "sig.pgp.future",
    section: Signatures,
    severity: Error,
    title: "Signature not dated in the future",
    explanation: "The signature's creation time is later than the verification time (--now, \
default the system clock) by more than the clock skew of five minutes. A signer's clock can be \
wrong, but a future date is also how a signature is made to look valid at a later time; \
gpgv accepts such signatures, aeb-verify rejects them.",
};

pub static PGP_BEFORE_GENERATED: Rule = Rule {
    id: "sig.pgp.before-generated",
    section: Signatures,
    severity: Warning,
    title: "Signature not older than the bundle",
    explanation: "The signature says it was made before the bundle's own `generated_at`. Either \
one of the two clocks is wrong, or the signature was made for an earlier bundle and the \
payload happens to match. The signature is still checked normally. An OpenPGP signature's time \
is whole seconds, so one made in the second of `generated_at` (12:00:00 for 12:00:00.5) is not \
older.",
};

pub static PGP_UNVERIFIED: Rule = Rule {
    id: "sig.pgp.unverified",
    section: Signatures,
    severity: Warning,
    title: "OpenPGP signer among the supplied certificates",
    explanation: "No certificate passed with --cert holds the key that made this signature, so \
it could not be checked: it counts for nothing. Obtain the signer's certificate through a \
channel you trust (`gpg --export --armor FINGERPRINT > signer.asc`) and pass it with --cert. \
Under --require-signature or --min-signers an unverified signature does not count.",
};

pub static PGP_KEY_ID_MISMATCH: Rule = Rule {
    id: "sig.pgp.key-id-mismatch",
    section: Signatures,
    severity: Error,
    title: "Signature made by the key key_id names",
    explanation: "The signature verifies, but the key that made it is neither the key nor the \
primary key of the certificate that `key_id` names. The bundle misstates who signed it; a \
reader who trusts the name in the bundle would be misled, so it is rejected. When `key_id` \
names a certificate the auditor supplied, the signature is checked against that certificate \
alone: a signature by any other key, or one that records no issuer at all, is rejected rather \
than left unverified.",
};

pub static PGP_BAD: Rule = Rule {
    id: "sig.pgp.bad",
    section: Signatures,
    severity: Error,
    title: "OpenPGP signature matches the payload",
    explanation: "The signing key is known and valid, but the signature does not verify over the \
payload (the RFC 8785 form of the bundle without `signatures`). The bundle was changed after \
it was signed (recomputing `signatures.sha256` does not help), or the signer signed other \
bytes (the file as written, a pretty-printed form).",
};

pub static PGP_POLICY: Rule = Rule {
    id: "sig.pgp.policy",
    section: Signatures,
    severity: Error,
    title: "Signature accepted by the standard policy",
    explanation: "The signature uses an algorithm that Sequoia's standard policy no longer \
accepts at the verification time, typically a SHA-1 or MD5 digest. Collisions make such \
signatures transferable to other content. The policy is judged at --now, never at the date \
the signer wrote into the signature, so backdating does not help. gpgv still accepts SHA-1 \
data signatures; aeb-verify does not.",
};

pub static PGP_ALGORITHM_CUTOFF: Rule = Rule {
    id: "sig.pgp.algorithm-cutoff",
    section: Signatures,
    severity: Warning,
    title: "Algorithm not scheduled for rejection within a year",
    explanation: "The standard policy still accepts an algorithm this signature uses, but has a \
cutoff date for it less than a year after --now. From that date the bundle will be \
rejected; ask the publisher to re-sign with a current algorithm.",
};

pub static PGP_SIGNATURE_EXPIRED: Rule = Rule {
    id: "sig.pgp.signature-expired",
    section: Signatures,
    severity: Error,
    title: "Signature not expired",
    explanation: "The signature carries an expiration time, and that time has passed at --now. \
The signer chose to limit how long it vouches for the payload.",
};

pub static PGP_KEY_EXPIRED: Rule = Rule {
    id: "sig.pgp.key-expired",
    section: Signatures,
    severity: Error,
    title: "Signing key not expired when it signed",
    explanation: "The key (or its certificate) had expired, or was not yet valid, at the \
signature's creation time. An expired key should not sign; a signature dated after expiry \
means either a wrong clock or a key used outside its life. gpgv accepts such signatures; \
aeb-verify rejects them. Expiry is judged at the signature's time: a key that expired after \
signing does not invalidate earlier signatures.",
};

pub static PGP_REVOKED: Rule = Rule {
    id: "sig.pgp.revoked",
    section: Signatures,
    severity: Error,
    title: "Signing key not revoked",
    explanation: "The certificate or the signing key is revoked. A hard revocation (reason 'key \
compromised', or no reason given) rejects every signature whatever its date, because a thief \
can backdate signatures. A soft revocation (superseded, retired) only rejects signatures \
made after it. Copies of one certificate (same fingerprint, in several --cert files or twice \
in one keyring) are merged before use, so a revocation in any copy applies. A revocation \
made by the key the holder designated to revoke it counts once that revoker's certificate is \
supplied; without it the revocation cannot be checked, the signature is verified (as gpg \
does: \"may be revoked\") and this check is SKIP, \"not confirmed\", with an info finding.",
};

pub static PGP_REVOKED_LATER: Rule = Rule {
    id: "sig.pgp.revoked-later",
    section: Signatures,
    severity: Info,
    title: "Signing key not retired since signing",
    explanation: "The certificate, or the subkey that signed, was soft-revoked (superseded or \
retired) after this signature was made. The signature remains valid; newer bundles should be \
signed by the successor key.",
};

pub static PGP_KEY_INVALID: Rule = Rule {
    id: "sig.pgp.key-invalid",
    section: Signatures,
    severity: Error,
    title: "Signing key valid for signing",
    explanation: "The certificate does not validly bind the signing key at the signature's time \
under the standard policy (no valid binding signature, weak binding algorithm, key created \
after the signature) or the key is not marked for signing.",
};

pub static KMS_MALFORMED: Rule = Rule {
    id: "sig.kms.malformed",
    section: Signatures,
    severity: Error,
    title: "KMS signature entry complete, in base64",
    explanation: "A `kms` entry needs `key_id`, `algorithm` and `signature` (standard base64, \
padding optional, ASCII white space ignored; any other character, a no-break space included, \
is refused), and the signature must have the form of its algorithm: ECDSA as DER (a \
SEQUENCE of two INTEGERs r and s, each from 1 to below the group order, nothing after it) or \
as fixed-size r||s, Ed25519 as 64 bytes whose S is below the group order and whose R is not a \
point of small order. Bytes of any other form are no signature that any \
key could verify, so the entry is an error whether or not a key was supplied for it, not an \
unverified signature; nothing can be verified.",
};

pub static KMS_UNKNOWN_ALGORITHM: Rule = Rule {
    id: "sig.kms.unknown-algorithm",
    section: Signatures,
    severity: Error,
    title: "KMS algorithm known and supported",
    explanation: "The algorithm is not one of the accepted names: AWS (ECDSA_SHA_256, \
ECDSA_SHA_384, RSASSA_PSS_SHA_256/384/512, RSASSA_PKCS1_V1_5_SHA_256/384/512, ED25519_SHA_512), \
Google Cloud (EC_SIGN_P256_SHA256, EC_SIGN_P384_SHA384, RSA_SIGN_PSS_{2048,3072,4096}_SHA256, \
RSA_SIGN_PSS_4096_SHA512, RSA_SIGN_PKCS1_{2048,3072,4096}_SHA256, RSA_SIGN_PKCS1_4096_SHA512, \
EC_SIGN_ED25519) or JOSE (ES256, ES384, PS256/384/512, RS256/384/512, EdDSA), in any case but \
as written: white space around a name is part of no name.",
};

pub static KMS_ALGORITHM_MISMATCH: Rule = Rule {
    id: "sig.kms.algorithm-mismatch",
    section: Signatures,
    severity: Error,
    title: "KMS algorithm fits the key",
    explanation: "The bundle names an algorithm that the supplied public key cannot have made \
(an RSA scheme for an EC key, ECDSA P-384 for a P-256 key, an RSA-2048 algorithm name for an \
RSA-3072 key). Either the algorithm or the key is wrong.",
};

pub static KMS_UNVERIFIED: Rule = Rule {
    id: "sig.kms.unverified",
    section: Signatures,
    severity: Warning,
    title: "Public key supplied for the KMS key_id",
    explanation: "No --kms-key was given for this `key_id` (and no unbound key fits), so the \
signature could not be checked: it counts for nothing. Export the public key \
(`aws kms get-public-key`, `gcloud kms keys versions get-public-key`) and pass it with \
--kms-key KEY_ID=FILE.",
};

pub static KMS_KEY_ID_UNBOUND: Rule = Rule {
    id: "sig.kms.key-id-unbound",
    section: Signatures,
    severity: Warning,
    title: "KMS key supplied bound to its key ID",
    explanation: "The signature verified with a key given as --kms-key FILE, without KEY_ID=. \
The key is trusted for any key_id, so the bundle's claim of which KMS key signed is not \
checked, and such a key never satisfies a --signer pin. Give the key as --kms-key \
KEY_ID=FILE to bind it.",
};

pub static KMS_WEAK_KEY: Rule = Rule {
    id: "sig.kms.weak-key",
    section: Signatures,
    severity: Error,
    title: "KMS key strong enough (RSA at least 2048 bits)",
    explanation: "The supplied public key is RSA shorter than 2048 bits. RSA-512 keys are \
factored in hours and RSA-1024 is within reach of a determined attacker, so a signature by \
such a key proves little; it is rejected, as Sequoia's standard policy rejects weak OpenPGP \
keys. Cloud KMS services only create RSA keys of 2048 bits or more.",
};

pub static KMS_BAD: Rule = Rule {
    id: "sig.kms.bad",
    section: Signatures,
    severity: Error,
    title: "KMS signature matches the payload",
    explanation: "The signature does not verify with the supplied public key over the payload \
(the RFC 8785 form of the bundle without `signatures`). The bundle was changed after \
signing, the signer signed other bytes (the raw file, a pretty-printed form), or the key is \
not the one that signed. A KMS that signed the SHA-256 digest (message type DIGEST) produces \
the same signature and verifies. An RSA-PSS signature of the payload whose salt is not as long \
as the digest (OpenSSL's default is the longest), or a signature of the payload made with another \
SHA-2 hash than the algorithm names, is refused too, saying so: no KMS makes it.",
};

/// The OpenPGP rules that only run once a supplied certificate holds the signature's
/// issuer (or key_id names one): without such a key they are SKIP, never PASS.
pub static PGP_KEYED: &[&Rule] = &[
    &PGP_KEY_ID_MISMATCH,
    &PGP_BAD,
    &PGP_POLICY,
    &PGP_ALGORITHM_CUTOFF,
    &PGP_SIGNATURE_EXPIRED,
    &PGP_KEY_EXPIRED,
    &PGP_REVOKED,
    &PGP_REVOKED_LATER,
    &PGP_KEY_INVALID,
];

/// The KMS rules that only run once a supplied public key is tried on the signature.
pub static KMS_KEYED: &[&Rule] = &[&KMS_ALGORITHM_MISMATCH, &KMS_KEY_ID_UNBOUND, &KMS_WEAK_KEY, &KMS_BAD];

/// The OpenPGP rules that need no key but a signature packet parsed from the armor:
/// an entry whose armor holds none leaves them unrun (SKIP, never PASS). The other rules
/// that need no key (the entry's `key_id`, whether its text parses) run on every entry.
pub static PGP_PER_PACKET: &[&Rule] = &[&PGP_WRONG_TYPE, &PGP_FUTURE, &PGP_BEFORE_GENERATED, &PGP_UNVERIFIED];

/// The KMS rules that need no key but a signature decoded from the entry.
pub static KMS_PER_SIGNATURE: &[&Rule] = &[&KMS_UNVERIFIED];

pub static RULES: &[&Rule] = &[
    &NONE,
    &FORM,
    &REQUIRED,
    &MIN_SIGNERS,
    &SAME_KEY,
    &TOO_MANY,
    &PGP_KEY_ID_MISSING,
    &PGP_KEY_ID_INVALID,
    &PGP_LONG_KEY_ID,
    &PGP_NOT_A_SIGNATURE,
    &PGP_MALFORMED,
    &PGP_WRONG_TYPE,
    &PGP_FUTURE,
    &PGP_BEFORE_GENERATED,
    &PGP_UNVERIFIED,
    &PGP_KEY_ID_MISMATCH,
    &PGP_BAD,
    &PGP_POLICY,
    &PGP_ALGORITHM_CUTOFF,
    &PGP_SIGNATURE_EXPIRED,
    &PGP_KEY_EXPIRED,
    &PGP_REVOKED,
    &PGP_REVOKED_LATER,
    &PGP_KEY_INVALID,
    &KMS_MALFORMED,
    &KMS_UNKNOWN_ALGORITHM,
    &KMS_ALGORITHM_MISMATCH,
    &KMS_UNVERIFIED,
    &KMS_KEY_ID_UNBOUND,
    &KMS_WEAK_KEY,
    &KMS_BAD,
];
