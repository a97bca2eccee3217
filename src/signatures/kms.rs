//! Cloud-KMS signatures (AWS KMS, Google Cloud KMS, JOSE names) over the payload,
//! verified with RustCrypto against public keys the auditor supplies.

use crate::text::{hex, CLAIM_QUOTE_MAX};
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384, Sha512};

use p256::pkcs8::DecodePublicKey as _;
use rsa::traits::PublicKeyParts as _;

use super::{diags, Checked, SigRow, SigVerdict as Verdict, SignerId};
use crate::finding::Finding;
use crate::rules::Rule;

/// A public key from `--kms-key [KEY_ID=]FILE`.
#[derive(Clone, Debug)]
pub struct KmsKey {
    /// The key ID this key is bound to; `None` = trusted for any key_id (warned).
    pub key_id: Option<String>,
    /// The file, as reports name a file ([`crate::text::path_name`]).
    pub file: String,
    pub key: PublicKey,
    /// Lowercase hex SHA-256 of the key's SubjectPublicKeyInfo in one normal form
    /// (EC points uncompressed, RSA as SPKI): one key in two encodings is one signer.
    /// `openssl pkey -pubin -in FILE -outform DER | sha256sum` gives the same value.
    pub spki_sha256: String,
}

#[derive(Clone, Debug)]
pub enum PublicKey {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    Rsa(rsa::RsaPublicKey),
    Ed25519(ed25519_dalek::VerifyingKey),
}

/// RSA keys shorter than this are refused, as OpenPGP's standard policy refuses them.
pub const RSA_MIN_BITS: usize = 2048;

impl PublicKey {
    pub fn describe(&self) -> String {
        match self {
            PublicKey::P256(_) => "ECDSA P-256".into(),
            PublicKey::P384(_) => "ECDSA P-384".into(),
            PublicKey::Rsa(k) => format!("RSA-{}", k.n().bits()),
            PublicKey::Ed25519(_) => "Ed25519".into(),
        }
    }

    /// The key as SubjectPublicKeyInfo DER in its normal form.
    pub fn normal_spki(&self) -> Result<Vec<u8>, String> {
        use p256::pkcs8::EncodePublicKey as _;
        let doc = match self {
            PublicKey::P256(k) => k.to_public_key_der(),
            PublicKey::P384(k) => k.to_public_key_der(),
            PublicKey::Rsa(k) => k.to_public_key_der(),
            PublicKey::Ed25519(k) => k.to_public_key_der(),
        };
        doc.map(|d| d.as_bytes().to_vec()).map_err(|e| format!("cannot encode the key: {e}"))
    }

    /// The key's public material in one normal form, comparable with an OpenPGP key's
    /// ([`super::pgp::key_material`]): the algorithm family, then the Ed25519 point, the
    /// uncompressed SEC1 point of its curve, or RSA's modulus (no leading zeros). Not the
    /// RSA exponent: two keys with one modulus are held by whoever knows its factors, so
    /// they are one signer whatever their exponents.
    pub fn material(&self) -> String {
        match self {
            PublicKey::P256(k) => format!("ecdsa-p256:{}", hex(k.to_encoded_point(false).as_bytes())),
            PublicKey::P384(k) => format!("ecdsa-p384:{}", hex(k.to_encoded_point(false).as_bytes())),
            PublicKey::Rsa(k) => format!("rsa:{}", hex(&k.n().to_bytes_be())),
            PublicKey::Ed25519(k) => format!("ed25519:{}", hex(k.as_bytes())),
        }
    }

    /// Why this key may not vouch for anything, if it may not.
    pub fn weakness(&self) -> Option<String> {
        match self {
            PublicKey::Rsa(k) if k.n().bits() < RSA_MIN_BITS => Some(format!(
                "the supplied key is RSA-{}: RSA keys under {RSA_MIN_BITS} bits can be factored and are refused",
                k.n().bits()
            )),
            _ => None,
        }
    }
}

/// What a key file holds that is not a usable public key; the caller words the hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyFileError {
    /// A private key: the auditor must never need one.
    Private(String),
    /// Not a public key this tool reads (the reason).
    Unsupported(String),
}

impl std::fmt::Display for KeyFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyFileError::Private(s) | KeyFileError::Unsupported(s) => f.write_str(s),
        }
    }
}

/// Parse a public key file: SPKI ("PUBLIC KEY") in PEM or DER, as the AWS and
/// Google Cloud CLIs export them; PKCS#1 ("RSA PUBLIC KEY") in PEM or DER too. PEM is
/// decoded by the RustCrypto `pem-rfc7468` decoder (strict RFC 7468), never by hand (a
/// block it refuses is rewrapped in lines of 64 characters and given to it again:
/// [`rewrapped`]);
/// only the block is given to it, explanatory text before or after it being allowed
/// (RFC 7468 section 2, as `openssl pkey -pubout -text` writes it, and OpenSSL reads).
/// A file with two PEM blocks is refused: which key was meant is not the tool's guess.
/// A UTF-8 byte order mark before the file's first line is skipped. Returns the key and its identity ([`KmsKey::spki_sha256`]).
pub fn parse_key(bytes: &[u8]) -> Result<(PublicKey, String), KeyFileError> {
    use rsa::pkcs1::DecodeRsaPublicKey as _;
    let unsupported = |s: String| KeyFileError::Unsupported(s);
    // A UTF-8 byte order mark, as an editor saving "UTF-8 with BOM" writes it, is no text
    // before the BEGIN line (OpenSSL reads such a file); DER begins with 0x30, never it.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let pem =
        pem_block(bytes)?.or_else(|| bytes.trim_ascii_start().starts_with(b"-----BEGIN").then(|| bytes.trim_ascii()));
    let key = if let Some(pem) = pem {
        let (label, der) = match p256::pkcs8::der::pem::decode_vec(pem) {
            Ok((l, d)) => (std::borrow::Cow::Borrowed(l), d),
            // The base64 on one line, or white space around the lines (OpenSSL reads both:
            // `aws kms get-public-key --output text` between BEGIN and END lines is one
            // line): the block rewrapped as RFC 7468 writes it, still decoded strictly.
            Err(e) => rewrapped(pem)
                .and_then(|w| p256::pkcs8::der::pem::decode_vec(&w).ok().map(|(l, d)| (l.to_owned().into(), d)))
                .ok_or_else(|| unsupported(format!("not a well-formed PEM file ({e})")))?,
        };
        let label = label.as_ref();
        match label {
            "PUBLIC KEY" => spki_key(&der)?,
            "RSA PUBLIC KEY" => PublicKey::Rsa(rsa::RsaPublicKey::from_pkcs1_der(&der).map_err(|e| {
                rsa_out_of_bounds(&der).unwrap_or_else(|| unsupported(format!("bad PKCS#1 RSA public key: {e}")))
            })?),
            l if l.contains("PRIVATE") => {
                return Err(KeyFileError::Private(format!(
                    "this is a private key ({}); supply the public key only",
                    label_quoted(l)
                )))
            }
            l => {
                return Err(unsupported(format!(
                    "PEM block {} is not a public key (expected PUBLIC KEY)",
                    label_quoted(l)
                )))
            }
        }
    } else {
        match spki_key(bytes) {
            Ok(k) => k,
            Err(e) => match rsa::RsaPublicKey::from_pkcs1_der(bytes) {
                Ok(k) => PublicKey::Rsa(k),
                Err(_) => return Err(trailing_der(bytes).or_else(|| rsa_out_of_bounds(bytes)).unwrap_or(e)),
            },
        }
    };
    match &key {
        PublicKey::Rsa(k) => rsa_sane(k).map_err(unsupported)?,
        PublicKey::Ed25519(k) => ed25519_sane(k).map_err(unsupported)?,
        PublicKey::P256(_) | PublicKey::P384(_) => {}
    }
    let id = hex(&Sha256::digest(key.normal_spki().map_err(unsupported)?));
    Ok((key, id))
}

/// The one PEM block of a key file, from its BEGIN line to its END line, without the
/// explanatory text around it; `None` when no line opens a block with a matching END line
/// (DER, or PEM the decoder will say is malformed). A private key anywhere in the file,
/// or two blocks, is an error.
fn pem_block(bytes: &[u8]) -> Result<Option<&[u8]>, KeyFileError> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in bytes.split(|&b| b == b'\n') {
        lines.push((at, line.trim_ascii_end()));
        at += line.len() + 1;
    }
    let mut blocks: Vec<(String, &[u8])> = Vec::new();
    let mut i = 0;
    while let Some(&(start, line)) = lines.get(i) {
        i += 1;
        let Some(label) = line.strip_prefix(b"-----BEGIN ").and_then(|l| l.strip_suffix(b"-----")) else {
            continue;
        };
        let label = String::from_utf8_lossy(label).into_owned();
        if label.contains("PRIVATE") {
            return Err(KeyFileError::Private(format!(
                "this file holds a private key ({}); supply the public key only",
                label_quoted(&label)
            )));
        }
        let end = [b"-----END ".as_slice(), label.as_bytes(), b"-----"].concat();
        // No END line for it: the rest of the file is no block either (and searching on
        // from each of many BEGIN lines would cost their number squared).
        let Some(j) = lines.iter().skip(i).position(|(_, l)| *l == end.as_slice()) else { break };
        let (end_at, end_line) = lines.get(i + j).copied().unwrap_or((start, b""));
        blocks.push((label, bytes.get(start..end_at + end_line.len()).unwrap_or_default()));
        i += j + 1;
    }
    // OpenSSL's text dump of a private key (`openssl ec -pubout -text` writes it before
    // the public key's block): the file holds the private key, as text.
    if !blocks.is_empty() && bytes.windows(11).any(|w| w == b"Private-Key") {
        return Err(KeyFileError::Private(
            "the text around the PEM block is a dump of a private key (Private-Key); supply the public key only".into(),
        ));
    }
    match blocks.as_slice() {
        [] => Ok(None),
        [(_, block)] => Ok(Some(block)),
        more => {
            let mut listed: Vec<String> = more.iter().take(3).map(|(l, _)| label_quoted(l)).collect();
            if more.len() > 3 {
                listed.push(format!("and {} more", more.len() - 3));
            }
            Err(KeyFileError::Unsupported(format!(
                "the file holds {} PEM blocks ({}); a key file holds one public key",
                more.len(),
                listed.join(", ")
            )))
        }
    }
}

/// A PEM block's lines with the white space around each dropped and its base64 rewrapped
/// in lines of 64 characters, as RFC 7468 writes it; `None` when it has no BEGIN and END
/// line around at least one line, or a header line (`Proc-Type:`: no public key has one).
fn rewrapped(pem: &[u8]) -> Option<Vec<u8>> {
    let lines: Vec<&[u8]> = pem.split(|&b| b == b'\n').map(<[u8]>::trim_ascii).filter(|l| !l.is_empty()).collect();
    let [begin, body @ .., end] = lines.as_slice() else { return None };
    if body.is_empty() || body.iter().any(|l| l.contains(&b':')) {
        return None;
    }
    let b64: Vec<u8> = body.concat();
    let mut out = [*begin, b"\n"].concat();
    for chunk in b64.chunks(64) {
        out.extend_from_slice(chunk);
        out.push(b'\n');
    }
    out.extend_from_slice(end);
    out.push(b'\n');
    Some(out)
}

/// A PEM label as a message quotes it: a JSON string literal of at most 64 characters.
fn label_quoted(label: &str) -> String {
    crate::text::quote_claim(label, 64)
}

/// When a DER file is a public key this tool reads followed by more bytes, says so
/// (OpenSSL reads the key and ignores them; a key file holds the key and nothing after).
fn trailing_der(bytes: &[u8]) -> Option<KeyFileError> {
    use p256::pkcs8::der::{asn1::AnyRef, Decode as _, Reader as _, SliceReader};
    use rsa::pkcs1::DecodeRsaPublicKey as _;
    let mut reader = SliceReader::new(bytes).ok()?;
    AnyRef::decode(&mut reader).ok()?;
    let len = usize::try_from(reader.position()).ok()?;
    let (key, rest) = (bytes.get(..len)?, bytes.get(len..)?);
    if rest.is_empty() || (spki_key(key).is_err() && rsa::RsaPublicKey::from_pkcs1_der(key).is_err()) {
        return None;
    }
    Some(KeyFileError::Unsupported(format!(
        "a DER public key ({len} bytes) followed by {} more bytes; a key file holds the key and nothing after it",
        rest.len()
    )))
}

fn spki_key(der: &[u8]) -> Result<PublicKey, KeyFileError> {
    if let Ok(k) = p256::ecdsa::VerifyingKey::from_public_key_der(der) {
        return Ok(PublicKey::P256(k));
    }
    if let Ok(k) = p384::ecdsa::VerifyingKey::from_public_key_der(der) {
        return Ok(PublicKey::P384(k));
    }
    if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_der(der) {
        return Ok(PublicKey::Ed25519(k));
    }
    if let Ok(k) = rsa::RsaPublicKey::from_public_key_der(der) {
        return Ok(PublicKey::Rsa(k));
    }
    let spki = rsa::pkcs8::SubjectPublicKeyInfoRef::try_from(der).ok();
    let rsa = spki
        .as_ref()
        .filter(|spki| spki.algorithm.oid == rsa::pkcs1::ALGORITHM_OID)
        .and_then(|spki| spki.subject_public_key.as_bytes().and_then(rsa_out_of_bounds));
    let named = spki.as_ref().and_then(spki_unsupported).map(KeyFileError::Unsupported);
    Err(rsa.or(named).unwrap_or_else(|| {
        KeyFileError::Unsupported(
            "not a supported SubjectPublicKeyInfo (ECDSA P-256/P-384, RSA, Ed25519; PEM or DER)".into(),
        )
    }))
}

/// What a well-formed SubjectPublicKeyInfo that no reader took holds, when its algorithm
/// says why: an RSA key restricted to RSASSA-PSS, an EC key with explicit curve
/// parameters or on another curve (or a P-256/P-384 point off its curve), a key of
/// another algorithm. `None` for an rsaEncryption key that did not decode, which keeps
/// the general message.
fn spki_unsupported(spki: &rsa::pkcs8::SubjectPublicKeyInfoRef<'_>) -> Option<String> {
    use p256::pkcs8::der::{asn1::ObjectIdentifier as Oid, Tag, Tagged as _};
    const READ: &str = "this tool reads ECDSA P-256/P-384 (named curve), RSA (rsaEncryption) and Ed25519 keys";
    let not_read = |what: &str| format!("{what} is not supported; {READ}");
    let oid = spki.algorithm.oid.to_string();
    Some(match oid.as_str() {
        "1.2.840.113549.1.1.1" => return None,
        "1.2.840.113549.1.1.10" => not_read(
            "an RSA key restricted to RSASSA-PSS (algorithm id-RSASSA-PSS in its SubjectPublicKeyInfo; AWS KMS \
             and Google Cloud KMS export RSA keys as rsaEncryption)",
        ),
        "1.2.840.10045.2.1" => match spki.algorithm.parameters.as_ref().map(|p| (p.tag(), p.decode_as::<Oid>())) {
            Some((_, Ok(curve))) => match curve.to_string().as_str() {
                "1.2.840.10045.3.1.7" => "the EC public point is not a point of the curve P-256".into(),
                "1.3.132.0.34" => "the EC public point is not a point of the curve P-384".into(),
                "1.3.132.0.35" => not_read("an ECDSA key on the curve P-521 (secp521r1)"),
                "1.3.132.0.10" => not_read("an ECDSA key on the curve secp256k1"),
                other => not_read(&format!("an EC key on the curve {other}")),
            },
            Some((Tag::Sequence, _)) => not_read(
                "an EC key with explicit curve parameters, not a named curve (RFC 5480 section 2.1.1; \
                 `openssl ec -pubin -in FILE -param_enc named_curve -pubout` writes it with its curve's name)",
            ),
            _ => not_read("an EC key without a named curve"),
        },
        "1.3.101.113" => not_read("an Ed448 key"),
        "1.3.101.110" | "1.3.101.111" => not_read("a key-agreement key (X25519/X448), not a signing key,"),
        "1.2.840.10040.4.1" => not_read("a DSA key"),
        other => not_read(&format!("a key of the algorithm {other}")),
    })
}

/// Why a well-formed RSA public key (PKCS#1 `pkcs1`) is not read: a modulus over
/// [`rsa::RsaPublicKey::MAX_SIZE`] bits or an exponent over
/// [`rsa::RsaPublicKey::MAX_PUB_EXPONENT`], the `rsa` crate's bounds (no cloud KMS makes
/// RSA keys over 4096 bits, nor exponents that large). `None` for any other key or
/// defect, which keeps its general message.
fn rsa_out_of_bounds(pkcs1: &[u8]) -> Option<KeyFileError> {
    use rsa::BigUint;
    let key = rsa::pkcs1::RsaPublicKey::try_from(pkcs1).ok()?;
    let n = BigUint::from_bytes_be(key.modulus.as_bytes());
    let e = BigUint::from_bytes_be(key.public_exponent.as_bytes());
    let bits = n.bits();
    if bits > rsa::RsaPublicKey::MAX_SIZE {
        return Some(KeyFileError::Unsupported(format!(
            "an RSA key of {bits} bits: this tool reads RSA keys up to {} bits, the largest AWS KMS, Google \
             Cloud KMS and Azure Key Vault make",
            rsa::RsaPublicKey::MAX_SIZE
        )));
    }
    if e > BigUint::from(rsa::RsaPublicKey::MAX_PUB_EXPONENT) {
        return Some(KeyFileError::Unsupported(format!(
            "an RSA key whose public exponent has {} bits: this tool reads exponents up to 2^33 - 1 \
             (cloud KMS keys use 65537)",
            e.bits()
        )));
    }
    None
}

/// An RSA key no honest key generator makes: an even modulus (then 2 divides it) or an
/// exponent that is even, below 3 or not below the modulus.
fn rsa_sane(k: &rsa::RsaPublicKey) -> Result<(), String> {
    use rsa::BigUint;
    let (n, e) = (k.n(), k.e());
    let two = BigUint::from(2u8);
    if n % &two == BigUint::from(0u8) {
        return Err("RSA modulus is even: not a product of two primes".into());
    }
    if e % &two == BigUint::from(0u8) || e < &BigUint::from(3u8) || e >= n {
        return Err(format!("RSA public exponent {e} is not an odd number from 3 to below the modulus"));
    }
    Ok(())
}

/// An Ed25519 key no key generator makes: a point of small order (the identity or
/// another point whose order divides 8; `[a]B` for a secret `a` has the prime order L).
/// RFC 8032's equation holds for signatures made with no secret under such a key (for
/// the identity, `R = [S]B` with any S), and OpenSSL verifies them
/// (fixtures/signatures/kms-small-order): the key vouches for nothing.
fn ed25519_sane(k: &ed25519_dalek::VerifyingKey) -> Result<(), String> {
    if k.is_weak() {
        return Err(ED25519_SMALL_ORDER.into());
    }
    Ok(())
}

/// Why an Ed25519 key of small order is refused, KMS key or OpenPGP key alike.
pub const ED25519_SMALL_ORDER: &str = "an Ed25519 public key of small order (a point whose order divides 8, such \
                                       as the identity): anyone can make signatures it verifies, without a \
                                       secret, and no key generator makes one";

/// Whether the 32 bytes are an Ed25519 point of small order (see `ed25519_sane`); bytes
/// that are no point are not (they verify nothing).
pub fn ed25519_small_order(point: &[u8]) -> bool {
    <[u8; 32]>::try_from(point)
        .ok()
        .and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(&b).ok())
        .is_some_and(|k| k.is_weak())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn name(self) -> &'static str {
        match self {
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }

    /// The digest's length in bytes.
    fn len(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    EcdsaP256,
    EcdsaP384,
    RsaPkcs1(Hash, Option<usize>),
    RsaPss(Hash, Option<usize>),
    Ed25519,
}

/// Map an algorithm name (AWS, Google Cloud or JOSE) to a scheme, as written (ASCII
/// letters in any case): spec 3.5's table names no name with white space around it.
/// `Err(Some(reason))`: known but unsupported, or a known name with white space around
/// it; `Err(None)`: unknown.
pub fn scheme(name: &str) -> Result<Scheme, Option<&'static str>> {
    use Hash::*;
    use Scheme::*;
    let trimmed = name.trim();
    if trimmed.len() != name.len() {
        return match scheme(trimmed) {
            Ok(_) | Err(Some(_)) => Err(Some(
                "white space around the name is not part of any algorithm name (AWS, Google Cloud KMS and JOSE \
                 names are written without it)",
            )),
            Err(None) => Err(None),
        };
    }
    let n = name.to_ascii_uppercase();
    let s = match n.as_str() {
        // AWS KMS
        "ECDSA_SHA_256" => EcdsaP256,
        "ECDSA_SHA_384" => EcdsaP384,
        "RSASSA_PSS_SHA_256" => RsaPss(Sha256, None),
        "RSASSA_PSS_SHA_384" => RsaPss(Sha384, None),
        "RSASSA_PSS_SHA_512" => RsaPss(Sha512, None),
        "RSASSA_PKCS1_V1_5_SHA_256" => RsaPkcs1(Sha256, None),
        "RSASSA_PKCS1_V1_5_SHA_384" => RsaPkcs1(Sha384, None),
        "RSASSA_PKCS1_V1_5_SHA_512" => RsaPkcs1(Sha512, None),
        "ED25519_SHA_512" => Ed25519,
        "ECDSA_SHA_512" => return Err(Some("ECDSA P-521 is not supported")),
        "ED25519_PH_SHA_512" => return Err(Some("pre-hashed Ed25519ph is not supported")),
        "SM2DSA" => return Err(Some("SM2 is not supported")),
        // Google Cloud KMS
        "EC_SIGN_P256_SHA256" => EcdsaP256,
        "EC_SIGN_P384_SHA384" => EcdsaP384,
        "EC_SIGN_ED25519" => Ed25519,
        "EC_SIGN_SECP256K1_SHA256" => return Err(Some("secp256k1 is not supported")),
        // JOSE (RFC 7518, RFC 8037)
        "ES256" => EcdsaP256,
        "ES384" => EcdsaP384,
        "PS256" => RsaPss(Sha256, None),
        "PS384" => RsaPss(Sha384, None),
        "PS512" => RsaPss(Sha512, None),
        "RS256" => RsaPkcs1(Sha256, None),
        "RS384" => RsaPkcs1(Sha384, None),
        "RS512" => RsaPkcs1(Sha512, None),
        "EDDSA" => Ed25519,
        other => return google_rsa(other),
    };
    Ok(s)
}

/// RSA_SIGN_{PSS,PKCS1}_{2048,3072,4096}_SHA256 and RSA_SIGN_{PSS,PKCS1}_4096_SHA512, the
/// names Google Cloud KMS defines (SHA-512 only with 4096-bit keys); RSA_SIGN_RAW_* is
/// unsupported.
fn google_rsa(n: &str) -> Result<Scheme, Option<&'static str>> {
    if n.starts_with("RSA_SIGN_RAW_PKCS1_") {
        return Err(Some("raw PKCS#1 signing (no digest info) is not supported"));
    }
    let Some(rest) = n.strip_prefix("RSA_SIGN_") else { return Err(None) };
    let parts: Vec<&str> = rest.split('_').collect();
    let [pad, bits, hash] = parts.as_slice() else { return Err(None) };
    let bits: usize = match *bits {
        "2048" | "3072" | "4096" => bits.parse().map_err(|_| None)?,
        _ => return Err(None),
    };
    let hash = match (*hash, bits) {
        ("SHA256", _) => Hash::Sha256,
        ("SHA512", 4096) => Hash::Sha512,
        _ => return Err(None),
    };
    match *pad {
        "PSS" => Ok(Scheme::RsaPss(hash, Some(bits))),
        "PKCS1" => Ok(Scheme::RsaPkcs1(hash, Some(bits))),
        _ => Err(None),
    }
}

fn fits(s: Scheme, k: &PublicKey) -> Result<(), String> {
    let ok = match (s, k) {
        (Scheme::EcdsaP256, PublicKey::P256(_)) => true,
        (Scheme::EcdsaP384, PublicKey::P384(_)) => true,
        (Scheme::Ed25519, PublicKey::Ed25519(_)) => true,
        (Scheme::RsaPkcs1(_, bits) | Scheme::RsaPss(_, bits), PublicKey::Rsa(r)) => {
            if let Some(b) = bits {
                if r.n().bits() != b {
                    return Err(format!(
                        "the algorithm names an RSA-{b} key, the supplied key is RSA-{}",
                        r.n().bits()
                    ));
                }
            }
            true
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("the algorithm does not fit the supplied {} key", k.describe()))
    }
}

/// Decode the `signature` member: standard base64, padding optional, ASCII white space
/// (space, tab, line feed, form feed, carriage return: what wraps base64) ignored. Any
/// other character is refused (RFC 4648 3.3), a no-break space or U+2028 included: the
/// redaction check reads the same characters as signature material.
pub fn decode_sig(s: &str) -> Result<Vec<u8>, String> {
    use base64::engine::{general_purpose::GeneralPurpose, DecodePaddingMode, GeneralPurposeConfig};
    const STD: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let clean: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if clean.is_empty() {
        return Err("signature is empty".into());
    }
    if let Some((at, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        return Err(format!(
            "signature is not base64: its character {} is U+{:04X}, neither a base64 character nor ASCII \
             white space",
            at + 1,
            u32::from(c)
        ));
    }
    STD.decode(&clean).map_err(|e| {
        if clean.contains('-') || clean.contains('_') {
            format!("signature is not standard base64 ({e}); it looks like base64url")
        } else {
            format!("signature is not base64: {e}")
        }
    })
}

/// The payload and its digests, each computed at most once whatever the number of
/// signatures (a hostile bundle may carry many).
pub struct Payload<'a> {
    bytes: &'a [u8],
    sha256: std::cell::OnceCell<Vec<u8>>,
    sha384: std::cell::OnceCell<Vec<u8>>,
    sha512: std::cell::OnceCell<Vec<u8>>,
    /// Ed25519 signatures verified so far: each verification hashes the whole payload
    /// (after the signature's own R and the key), so they are bounded by
    /// [`MAX_PURE_ED25519`].
    pure: std::cell::Cell<usize>,
    /// Pure Ed25519 verifications made so far, one pass over the payload each: at most
    /// [`MAX_PURE_ED25519`] times the Ed25519 keys the auditor supplied for a signature.
    passes: std::cell::Cell<usize>,
}

/// Ed25519 signatures verified per bundle, at most: each verification hashes the payload
/// on its own, once per key tried (the keys given for its key_id, or, with none, every
/// Ed25519 key given without an ID: a number the command fixes, not the bundle). A
/// further Ed25519 signature is not checked (`sig.too-many`).
pub const MAX_PURE_ED25519: usize = 4;

impl<'a> Payload<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Payload {
            bytes,
            sha256: Default::default(),
            sha384: Default::default(),
            sha512: Default::default(),
            pure: Default::default(),
            passes: Default::default(),
        }
    }

    /// Takes one of the bundle's [`MAX_PURE_ED25519`] Ed25519 signature verifications,
    /// for one signature and all the keys it is tried with; false when they are spent.
    fn take_pure(&self) -> bool {
        let n = self.pure.get();
        if n >= MAX_PURE_ED25519 {
            return false;
        }
        self.pure.set(n + 1);
        true
    }

    /// Pure Ed25519 verifications made so far (each one pass over the payload).
    pub fn pure_passes(&self) -> usize {
        self.passes.get()
    }

    fn digest(&self, h: Hash) -> &[u8] {
        match h {
            Hash::Sha256 => self.sha256.get_or_init(|| Sha256::digest(self.bytes).to_vec()),
            Hash::Sha384 => self.sha384.get_or_init(|| Sha384::digest(self.bytes).to_vec()),
            Hash::Sha512 => self.sha512.get_or_init(|| Sha512::digest(self.bytes).to_vec()),
        }
    }
}

/// A signature read from its bytes in the form its algorithm has, before any key is
/// tried: ECDSA as DER or r||s with `r` and `s` from 1 to below the group order, Ed25519
/// as 64 bytes, RSA as the bytes themselves (their length depends on the key).
#[derive(Debug)]
pub enum Sig {
    P256(p256::ecdsa::Signature),
    P384(p384::ecdsa::Signature),
    Ed25519(ed25519_dalek::Signature),
    Rsa(Vec<u8>),
}

/// Read the decoded signature bytes as a signature of `s`. Err = why they are none: no
/// key, whichever it is, can verify them, so the entry is malformed whatever keys the
/// auditor supplied (openssl refuses the same bytes).
pub fn parse_sig(s: Scheme, bytes: &[u8]) -> Result<Sig, String> {
    Ok(match s {
        Scheme::EcdsaP256 => Sig::P256(ecdsa_sig!(p256::ecdsa::Signature, bytes, 32, "P-256")?),
        Scheme::EcdsaP384 => Sig::P384(ecdsa_sig!(p384::ecdsa::Signature, bytes, 48, "P-384")?),
        Scheme::Ed25519 => {
            let sig = ed25519_dalek::Signature::from_slice(bytes)
                .map_err(|_| format!("an Ed25519 signature has 64 bytes, this one has {}", bytes.len()))?;
            if !below_ed25519_order(sig.s_bytes()) {
                return Err("not an Ed25519 signature: its S is not below the group order L (RFC 8032 5.1.7)".into());
            }
            // R = [r]B of an RFC 8032 signer has the group's prime order; verify_strict
            // refuses a small-order R (the identity, a torsion point) whatever the key, as
            // it refuses a small-order key (`ed25519_sane`). The bytes are read as a point
            // here only to say so.
            if ed25519_dalek::VerifyingKey::from_bytes(sig.r_bytes()).is_ok_and(|r| r.is_weak()) {
                return Err("not an Ed25519 signature an RFC 8032 signer makes: its R is a point of small order \
                            (R = [r]B has the group's prime order), and such signatures are refused whatever the \
                            key"
                .into());
            }
            Sig::Ed25519(sig)
        }
        Scheme::RsaPkcs1(..) | Scheme::RsaPss(..) => Sig::Rsa(bytes.to_vec()),
    })
}

/// The order L of the Ed25519 group, 2^252 + 27742317777372353535851937790883648493,
/// little-endian (RFC 8032 section 5.1).
const ED25519_L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// Whether a little-endian S is below L: RFC 8032 verification refuses any other S.
fn below_ed25519_order(s: &[u8; 32]) -> bool {
    s.iter().rev().cmp(ED25519_L.iter().rev()) == std::cmp::Ordering::Less
}

/// Cryptographic check of `sig` over the payload. Err = reason it does not verify.
/// ECDSA and RSA verify the cached digest; pure Ed25519 hashes the message itself.
pub fn verify_raw(s: Scheme, k: &PublicKey, msg: &Payload<'_>, sig: &Sig) -> Result<(), Mismatch> {
    use rsa::signature::hazmat::PrehashVerifier as _;
    let bad = |e: &dyn std::fmt::Display| Mismatch::Verification(format!("{e}"));
    match (s, k, sig) {
        (Scheme::EcdsaP256, PublicKey::P256(vk), Sig::P256(sig)) => {
            vk.verify_prehash(msg.digest(Hash::Sha256), sig).map_err(|e| {
                other_hash(Hash::Sha256, msg, |d| vk.verify_prehash(d, sig).is_ok()).unwrap_or_else(|| bad(&e))
            })
        }
        (Scheme::EcdsaP384, PublicKey::P384(vk), Sig::P384(sig)) => {
            vk.verify_prehash(msg.digest(Hash::Sha384), sig).map_err(|e| {
                other_hash(Hash::Sha384, msg, |d| vk.verify_prehash(d, sig).is_ok()).unwrap_or_else(|| bad(&e))
            })
        }
        (Scheme::Ed25519, PublicKey::Ed25519(vk), Sig::Ed25519(sig)) => {
            msg.passes.set(msg.passes.get() + 1);
            vk.verify_strict(msg.bytes, sig).map_err(|e| bad(&e))
        }
        (Scheme::RsaPkcs1(h, _), PublicKey::Rsa(pk), Sig::Rsa(sig)) => {
            rsa_of_key(pk, sig)?;
            let sig = rsa::pkcs1v15::Signature::try_from(sig.as_slice()).map_err(|e| bad(&e))?;
            let pkcs1 = |h: Hash, d: &[u8]| {
                let pk = pk.clone();
                match h {
                    Hash::Sha256 => rsa::pkcs1v15::VerifyingKey::<Sha256>::new(pk).verify_prehash(d, &sig),
                    Hash::Sha384 => rsa::pkcs1v15::VerifyingKey::<Sha384>::new(pk).verify_prehash(d, &sig),
                    Hash::Sha512 => rsa::pkcs1v15::VerifyingKey::<Sha512>::new(pk).verify_prehash(d, &sig),
                }
            };
            pkcs1(h, msg.digest(h)).map_err(|e| {
                let by_len =
                    |d: &[u8]| [Hash::Sha256, Hash::Sha384, Hash::Sha512].into_iter().find(|h| h.len() == d.len());
                other_hash(h, msg, |d| by_len(d).is_some_and(|other| pkcs1(other, d).is_ok()))
                    .unwrap_or_else(|| bad(&e))
            })
        }
        (Scheme::RsaPss(h, _), PublicKey::Rsa(pk), Sig::Rsa(bytes)) => {
            // Salt length = digest length, as AWS KMS and Google Cloud KMS sign.
            rsa_of_key(pk, bytes)?;
            let sig = rsa::pss::Signature::try_from(bytes.as_slice()).map_err(|e| bad(&e))?;
            let d = msg.digest(h);
            pss_verify(h, pk, d, &sig, None)
                .map_err(|e| pss_other_salt(h, pk, bytes, d, &sig).map_or_else(|| bad(&e), Mismatch::Parameters))
        }
        _ => Err(Mismatch::Verification("algorithm does not fit the key".into())),
    }
}

/// When a signature that does not verify over the payload's `want` digest verifies over
/// another SHA-2 digest of the payload (`openssl dgst -sha384 -sign` with a P-256 key for
/// ES256), says so: "the payload changed after signing" sent the auditor after a change
/// that never happened. Tried only for a signature that failed, with the payload hashed
/// once per algorithm per bundle, as every digest of it is.
fn other_hash(want: Hash, msg: &Payload<'_>, verifies: impl Fn(&[u8]) -> bool) -> Option<Mismatch> {
    let other =
        [Hash::Sha256, Hash::Sha384, Hash::Sha512].into_iter().find(|&h| h != want && verifies(msg.digest(h)))?;
    Some(Mismatch::Parameters(format!(
        "it is a signature of the payload by this key with {}, where the algorithm hashes with {}: it is refused, \
         as the signer did not sign as the algorithm named says",
        other.name(),
        want.name()
    )))
}

/// RSA-PSS (MGF1 with the same hash) of the digest `d`, with a salt as long as the
/// digest, or of `salt` bytes.
fn pss_verify(
    h: Hash,
    pk: &rsa::RsaPublicKey,
    d: &[u8],
    sig: &rsa::pss::Signature,
    salt: Option<usize>,
) -> Result<(), rsa::signature::Error> {
    use rsa::pss::VerifyingKey;
    use rsa::signature::hazmat::PrehashVerifier as _;
    let pk = pk.clone();
    match (h, salt) {
        (Hash::Sha256, None) => VerifyingKey::<Sha256>::new(pk).verify_prehash(d, sig),
        (Hash::Sha384, None) => VerifyingKey::<Sha384>::new(pk).verify_prehash(d, sig),
        (Hash::Sha512, None) => VerifyingKey::<Sha512>::new(pk).verify_prehash(d, sig),
        (Hash::Sha256, Some(n)) => VerifyingKey::<Sha256>::new_with_salt_len(pk, n).verify_prehash(d, sig),
        (Hash::Sha384, Some(n)) => VerifyingKey::<Sha384>::new_with_salt_len(pk, n).verify_prehash(d, sig),
        (Hash::Sha512, Some(n)) => VerifyingKey::<Sha512>::new_with_salt_len(pk, n).verify_prehash(d, sig),
    }
}

/// When an RSA-PSS signature that does not verify with a salt as long as the digest is
/// one of the payload by this key with another salt length (OpenSSL signs with the
/// longest salt unless told otherwise), says so: "the payload changed after signing"
/// sent the auditor after a change that never happened. The salt length is read from the
/// signature's encoded message (RFC 8017 9.1.2), and the signature verified with it by
/// the `rsa` crate; one verification more, only for a signature that failed.
fn pss_other_salt(
    h: Hash,
    pk: &rsa::RsaPublicKey,
    bytes: &[u8],
    d: &[u8],
    sig: &rsa::pss::Signature,
) -> Option<String> {
    let salt = match h {
        Hash::Sha256 => pss_salt_len::<Sha256>(pk, bytes),
        Hash::Sha384 => pss_salt_len::<Sha384>(pk, bytes),
        Hash::Sha512 => pss_salt_len::<Sha512>(pk, bytes),
    }?;
    let want = d.len();
    (salt != want && pss_verify(h, pk, d, sig, Some(salt)).is_ok()).then(|| {
        format!(
            "it is an RSA-PSS signature of the payload by this key with a salt of {salt} bytes, where RSA-PSS as \
             the KMS names define it (salt as long as the digest) has {want}: it was not made by the KMS, and \
             is refused (OpenSSL signs with the longest salt unless given `-sigopt rsa_pss_saltlen:digest`)"
        )
    })
}

/// The salt length of `sig`, an RSA-PSS signature by `pk` with MGF1 and the hash `D`,
/// read from its encoded message (RFC 8017 9.1.2, steps 1 to 10); `None` when the encoded
/// message is no EMSA-PSS encoding.
fn pss_salt_len<D: Digest>(pk: &rsa::RsaPublicKey, sig: &[u8]) -> Option<usize> {
    let h_len = <D as Digest>::output_size();
    let em_bits = pk.n().bits().checked_sub(1)?;
    let em_len = em_bits.div_ceil(8);
    let m = rsa::BigUint::from_bytes_be(sig).modpow(pk.e(), pk.n()).to_bytes_be();
    let mut em = vec![0u8; em_len.checked_sub(m.len())?];
    em.extend_from_slice(&m);
    if em.last() != Some(&0xbc) {
        return None;
    }
    let db_len = em_len.checked_sub(h_len + 1)?;
    let (masked, rest) = em.split_at(db_len);
    let hash = rest.get(..h_len)?;
    let mut db = masked.to_vec();
    for (counter, chunk) in (0u32..).zip(db.chunks_mut(h_len)) {
        let mask = D::new().chain_update(hash).chain_update(counter.to_be_bytes()).finalize();
        chunk.iter_mut().zip(mask.iter()).for_each(|(b, m)| *b ^= m);
    }
    if let Some(first) = db.first_mut() {
        *first &= 0xffu8.checked_shr(u32::try_from(8 * em_len - em_bits).ok()?).unwrap_or(0);
    }
    let one = db.iter().position(|&b| b != 0)?;
    (db.get(one) == Some(&1)).then(|| db_len - one - 1)
}

/// Why a signature does not verify with a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// An RSA signature no signature by this key can be (of another length than its
    /// modulus, or not below it): another key made it.
    Length(String),
    /// The cryptographic check failed.
    Verification(String),
    /// A signature of the payload by this key, with parameters the algorithm does not
    /// use (an RSA-PSS salt of another length): no change of the payload.
    Parameters(String),
}

/// An RSA signature is as long as the key's modulus (RFC 8017 8.1.2, 8.2.2), and as a
/// number below it (RSAVP1, 5.2.2: "signature representative out of range"): one of
/// another length, or not below the modulus, was made by another key (or changed),
/// never by this one over other bytes.
fn rsa_of_key(pk: &rsa::RsaPublicKey, sig: &[u8]) -> Result<(), Mismatch> {
    if sig.len() != pk.size() {
        return Err(Mismatch::Length(format!(
            "the signature has {} bytes, a signature by this RSA-{} key has {}: another key made it",
            sig.len(),
            pk.n().bits(),
            pk.size()
        )));
    }
    if rsa::BigUint::from_bytes_be(sig) >= *pk.n() {
        return Err(Mismatch::Length(format!(
            "the signature, read as a number, is not below this RSA-{} key's modulus, as every signature by \
             the key is (RFC 8017 5.2.2): another key made it, or its bytes were changed",
            pk.n().bits()
        )));
    }
    Ok(())
}

/// ECDSA signature as DER (what KMS returns) or fixed-size r||s (JOSE), `r` and `s`
/// from 1 to below the group order (the RustCrypto parsers check both).
macro_rules! ecdsa_sig {
    ($sig:ty, $b:expr, $field:expr, $curve:expr) => {{
        let b: &[u8] = $b;
        match <$sig>::from_der(b) {
            Ok(s) if b.first() == Some(&0x30) => Ok(s),
            _ if b.len() == 2 * $field => <$sig>::from_slice(b).map_err(|_| {
                format!(
                    "not an ECDSA {} signature: as {}-byte r||s, r or s is 0 or not below the group order",
                    $curve,
                    2 * $field
                )
            }),
            _ if b.first() == Some(&0x30) => Err(format!(
                "not an ECDSA {} signature: not DER (a SEQUENCE of two INTEGERs r and s, each from 1 to \
                 below the group order, minimally encoded, nothing after it; {} bytes)",
                $curve,
                b.len()
            )),
            _ => Err(format!(
                "not an ECDSA {} signature: neither DER nor {}-byte r||s ({} bytes)",
                $curve,
                2 * $field,
                b.len()
            )),
        }
    }};
}
use ecdsa_sig;

/// A bundle's `key_id` or `algorithm` as a message quotes it: a JSON string literal of
/// at most [`CLAIM_QUOTE_MAX`] characters (`…` after the quote when cut), so that a
/// megabyte of claim is not copied into every finding and row that names it.
fn quoted(claim: &str) -> String {
    crate::text::quote_claim(claim, CLAIM_QUOTE_MAX)
}

pub struct Ctx<'a> {
    pub keys: &'a [KmsKey],
}

/// Verify one `kms` entry (object with key_id, algorithm, signature).
pub fn verify_entry(
    form: &str,
    pointer: &str,
    key_id: Option<&str>,
    algorithm: Option<&str>,
    signature: Option<&str>,
    payload: &Payload<'_>,
    ctx: &Ctx<'_>,
) -> Checked {
    let mut row = SigRow::new("kms", form, pointer);
    row.claimed_key_id = key_id.map(str::to_owned);
    row.algorithm = algorithm.map(str::to_owned);
    let mut issues = Vec::new();
    let reject = |row: &mut SigRow, issues: &mut Vec<Finding>, rule: &'static Rule, reason: String| {
        row.verdict = Verdict::Rejected;
        row.reason = reason.clone();
        issues.push(Finding::new(rule, pointer, reason));
    };

    // Each check is noted as it runs (`SigRow::ran`): one after a rejection did not run.
    let ran = |row: &mut SigRow, rule: &'static Rule| {
        if !row.ran.contains(&rule.id) {
            row.ran.push(rule.id);
        }
    };
    let (Some(key_id), Some(alg), Some(sig_b64)) = (key_id, algorithm, signature) else {
        let missing: Vec<String> = [("key_id", key_id), ("algorithm", algorithm), ("signature", signature)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| format!("`{n}`"))
            .collect();
        // "no string": the member may be absent, null, or of another kind (sig.form names it).
        let reason = format!("KMS entry has no {} string", missing.join(", "));
        reject(&mut row, &mut issues, &diags::KMS_MALFORMED, reason);
        return Checked { row, findings: issues };
    };
    ran(&mut row, &diags::KMS_UNKNOWN_ALGORITHM);
    let scheme = match scheme(alg) {
        Ok(s) => s,
        Err(why) => {
            let reason = match why {
                Some(w) => format!("algorithm {}: {w}", quoted(alg)),
                None => {
                    format!("unknown algorithm {} (AWS, Google Cloud KMS and JOSE names are accepted)", quoted(alg))
                }
            };
            reject(&mut row, &mut issues, &diags::KMS_UNKNOWN_ALGORITHM, reason);
            return Checked { row, findings: issues };
        }
    };
    ran(&mut row, &diags::KMS_MALFORMED);
    // Bytes that are no signature of the algorithm (DER with bytes after it, r = 0, an
    // Ed25519 signature of 63 bytes) are refused here, whatever keys were supplied: no
    // key verifies them, and with none supplied they are no "unverified" signature.
    let sig = match decode_sig(sig_b64).and_then(|bytes| parse_sig(scheme, &bytes)) {
        Ok(s) => s,
        Err(e) => {
            reject(&mut row, &mut issues, &diags::KMS_MALFORMED, e);
            return Checked { row, findings: issues };
        }
    };

    // Bound keys: exactly those supplied for this ID. Otherwise keys supplied
    // without an ID, each tried in turn (with a warning when one verifies).
    let bound: Vec<&KmsKey> = ctx.keys.iter().filter(|k| k.key_id.as_deref() == Some(key_id)).collect();
    let is_unbound = bound.is_empty();
    row.parsed = true;
    ran(&mut row, &diags::KMS_UNVERIFIED);
    let candidates: Vec<&KmsKey> = if is_unbound {
        ctx.keys.iter().filter(|k| k.key_id.is_none() && fits(scheme, &k.key).is_ok()).collect()
    } else {
        bound
    };
    if candidates.is_empty() {
        row.verdict = Verdict::Unverified;
        let hint = if key_id.chars().count() <= CLAIM_QUOTE_MAX { key_id } else { "KEY_ID" };
        row.reason = format!("no public key supplied for key_id {} (--kms-key {hint}=FILE)", quoted(key_id));
        issues.push(Finding::new(&diags::KMS_UNVERIFIED, pointer, row.reason.clone()));
        return Checked { row, findings: issues };
    }

    let mut last_err: Option<(&'static Rule, String)> = None;
    let mut not_checked = false;
    // Whether this Ed25519 signature got one of the bundle's verifications, taken at the
    // first key it is tried with and good for every key: a signature by the fifth key
    // given without an ID is checked as one by the first (each unbound key tried took one
    // of the bundle's four, so one signature was "not checked", sig.too-many).
    let mut admitted: Option<bool> = None;
    for k in &candidates {
        row.issuer = Some(format!("{} key {}", k.key.describe(), k.file));
        ran(&mut row, &diags::KMS_ALGORITHM_MISMATCH);
        if let Err(e) = fits(scheme, &k.key) {
            last_err = Some((&diags::KMS_ALGORITHM_MISMATCH, format!("algorithm {}: {e}", quoted(alg))));
            continue;
        }
        ran(&mut row, &diags::KMS_WEAK_KEY);
        if let Some(why) = k.key.weakness() {
            last_err = Some((&diags::KMS_WEAK_KEY, format!("{why} ({})", k.file)));
            continue;
        }
        if scheme == Scheme::Ed25519 && !*admitted.get_or_insert_with(|| payload.take_pure()) {
            not_checked = true;
            continue;
        }
        ran(&mut row, &diags::KMS_BAD);
        match verify_raw(scheme, &k.key, payload, &sig) {
            Ok(()) => {
                ran(&mut row, &diags::KMS_KEY_ID_UNBOUND);
                if is_unbound {
                    issues.push(Finding::new(
                        &diags::KMS_KEY_ID_UNBOUND,
                        pointer,
                        format!(
                            "verified with {} supplied without a key ID: nothing binds it to \
                             key_id {}",
                            k.file,
                            quoted(key_id)
                        ),
                    ));
                }
                row.verdict = Verdict::Verified;
                row.issuer_verified = true;
                row.reason = "good signature from a supplied public key".into();
                row.key_material = Some(k.key.material());
                row.signer = Some(SignerId::Kms {
                    key_id: key_id.to_owned(),
                    spki_sha256: k.spki_sha256.clone(),
                    bound: !is_unbound,
                });
                return Checked { row, findings: issues };
            }
            Err(Mismatch::Length(e) | Mismatch::Parameters(e)) => {
                let reason = format!("signature does not verify with the supplied key for {}: {e}", quoted(key_id));
                last_err = Some((&diags::KMS_BAD, reason));
            }
            Err(Mismatch::Verification(e)) => {
                let reason = format!(
                    "signature does not verify with the supplied key for {} ({e}): the \
                     payload changed after signing, or the signer signed other bytes",
                    quoted(key_id)
                );
                last_err = Some((&diags::KMS_BAD, reason));
            }
        }
    }
    match last_err {
        Some((rule, reason)) => reject(&mut row, &mut issues, rule, reason),
        None if not_checked => {
            // Not examined, like a signature past --max-signatures: it counts for
            // nothing, and the bundle is rejected for carrying it.
            row.verdict = Verdict::Unverified;
            row.reason = format!(
                "not checked: {MAX_PURE_ED25519} Ed25519 signatures of the bundle were verified already \
                 (each verification hashes the whole payload); no more are, so this signature counts for \
                 nothing"
            );
            issues.push(Finding::new(&diags::TOO_MANY, pointer, row.reason.clone()));
        }
        None => {
            row.verdict = Verdict::Unverified;
            row.reason = format!("no supplied key fits algorithm {} for key_id {}", quoted(alg), quoted(key_id));
            issues.push(Finding::new(&diags::KMS_UNVERIFIED, pointer, row.reason.clone()));
        }
    }
    Checked { row, findings: issues }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_names_of_the_three_families() {
        assert_eq!(scheme("ECDSA_SHA_256"), Ok(Scheme::EcdsaP256));
        assert_eq!(scheme("EC_SIGN_P384_SHA384"), Ok(Scheme::EcdsaP384));
        assert_eq!(scheme("ES384"), Ok(Scheme::EcdsaP384));
        assert_eq!(scheme("RSA_SIGN_PSS_3072_SHA256"), Ok(Scheme::RsaPss(Hash::Sha256, Some(3072))));
        assert_eq!(scheme("RSA_SIGN_PKCS1_4096_SHA512"), Ok(Scheme::RsaPkcs1(Hash::Sha512, Some(4096))));
        assert_eq!(scheme("RSASSA_PKCS1_V1_5_SHA_384"), Ok(Scheme::RsaPkcs1(Hash::Sha384, None)));
        assert_eq!(scheme("PS512"), Ok(Scheme::RsaPss(Hash::Sha512, None)));
        assert_eq!(scheme("EdDSA"), Ok(Scheme::Ed25519));
        assert_eq!(scheme("ED25519_SHA_512"), Ok(Scheme::Ed25519));
        assert!(matches!(scheme("ECDSA_SHA_512"), Err(Some(_))));
        assert!(matches!(scheme("RSA_SIGN_RAW_PKCS1_2048"), Err(Some(_))));
        for bad in ["", "RSA_SIGN_PSS_1024_SHA256", "RSA_SIGN_PSS_2048_SHA1", "HS256", "RSA_SIGN_"] {
            assert_eq!(scheme(bad), Err(None), "{bad}");
        }
        // Google Cloud KMS offers SHA-512 with 4096-bit keys only.
        assert_eq!(scheme("RSA_SIGN_PSS_4096_SHA512"), Ok(Scheme::RsaPss(Hash::Sha512, Some(4096))));
        for bad in [
            "RSA_SIGN_PSS_2048_SHA512",
            "RSA_SIGN_PSS_3072_SHA512",
            "RSA_SIGN_PKCS1_2048_SHA512",
            "RSA_SIGN_PKCS1_3072_SHA512",
        ] {
            assert_eq!(scheme(bad), Err(None), "{bad}");
        }
        // Any case, but as written: white space around a name is no part of it.
        assert_eq!(scheme("es256"), Ok(Scheme::EcdsaP256));
        for spaced in [" ES256", "ES256\n", "ES256\u{3000}", "\u{a0}EdDSA", " ECDSA_SHA_512"] {
            assert!(matches!(scheme(spaced), Err(Some(w)) if w.contains("white space")), "{spaced:?}");
        }
        assert_eq!(scheme(" HS256"), Err(None));
    }

    #[test]
    fn base64_padding_optional_whitespace_ignored() {
        assert_eq!(decode_sig("AAEC"), Ok(vec![0, 1, 2]));
        assert_eq!(decode_sig("AAE="), Ok(vec![0, 1]));
        assert_eq!(decode_sig("AAE"), Ok(vec![0, 1]));
        assert_eq!(decode_sig(" AA\nEC "), Ok(vec![0, 1, 2]));
        assert_eq!(decode_sig("A\tA\r\nE\x0cC"), Ok(vec![0, 1, 2]));
        // White space beyond ASCII is no base64 (RFC 4648 3.3), nor what wraps it.
        for text in ["AA\u{a0}EC", "AAEC\u{2028}", "\u{3000}AAEC", "AA\u{85}EC"] {
            assert!(decode_sig(text).unwrap_err().contains("neither a base64 character"), "{text:?}");
        }
        assert!(decode_sig("").is_err());
        assert!(decode_sig("_-_-").unwrap_err().contains("base64url"));
    }

    #[test]
    fn key_files_pem_and_der() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/kms");
        let pem = std::fs::read(dir.join("p256.pem")).unwrap();
        let der = std::fs::read(dir.join("p256.der")).unwrap();
        let (a, ida) = parse_key(&pem).unwrap();
        let (b, idb) = parse_key(&der).unwrap();
        assert!(matches!((a, b), (PublicKey::P256(_), PublicKey::P256(_))));
        assert_eq!(ida, idb);
        assert!(parse_key(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").is_err());
        assert!(parse_key(b"\x30\x03\x02\x01\x00").is_err());
    }

    /// Malformed PEM is an error from the RustCrypto decoder, never a panic (the
    /// hand-written decoder this replaced sliced past the header).
    #[test]
    fn malformed_pem_is_an_error() {
        for text in [
            "-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN -----",
            "-----BEGIN",
            "-----BEGIN PUBLIC KEY-----\n\u{e9}\n-----END PUBLIC KEY-----\n",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        ] {
            assert!(matches!(parse_key(text.as_bytes()), Err(KeyFileError::Unsupported(_))), "{text:?}");
        }
    }

    /// A key file of many BEGIN lines with no END is read once (not from each BEGIN line
    /// on: 230,000 of them made 2.6e10 comparisons), and what is said of its labels is
    /// bounded, however many or long they are.
    #[test]
    fn pem_blocks_read_in_one_pass_and_named_briefly() {
        let many = "-----BEGIN X-----\n".repeat(230_000);
        assert!(matches!(parse_key(many.as_bytes()), Err(KeyFileError::Unsupported(_))));
        let blocks = "-----BEGIN X-----\nAAAA\n-----END X-----\n".repeat(10_000);
        let Err(KeyFileError::Unsupported(why)) = parse_key(blocks.as_bytes()) else { panic!("refused") };
        assert!(why.contains("10000 PEM blocks") && why.len() < 200, "{why}");
        let label = "A".repeat(100_000);
        let long = format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----\n");
        let Err(KeyFileError::Unsupported(why)) = parse_key(long.as_bytes()) else { panic!("refused") };
        assert!(why.len() < 200, "{} bytes", why.len());
    }

    /// One key, two encodings, one identity: the point compressed or not, RSA as SPKI
    /// or PKCS#1 (files made by openssl, see make-fixtures.sh).
    #[test]
    fn identity_is_the_key_not_its_encoding() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/kms");
        let id = |f: &str| parse_key(&std::fs::read(dir.join(f)).unwrap()).unwrap().1;
        assert_eq!(id("p256.pem"), id("p256-compressed.pem"));
        assert_eq!(id("p256.pem"), id("p256.der"));
        assert_eq!(id("rsa2048.pem"), id("rsa2048-pkcs1.pem"));
        assert_ne!(id("p256.pem"), id("p384.pem"));
        // The normal form is the SPKI DER that openssl writes by default.
        let der = std::fs::read(dir.join("p256.der")).unwrap();
        assert_eq!(id("p256-compressed.pem"), hex(&Sha256::digest(der)));
    }

    /// One RSA modulus with exponents 65537 and 3 (fixtures/signatures/shared-modulus,
    /// made by its make.sh): two keys with two identities, one key material, since whoever
    /// knows the modulus's factors holds both. Other moduli stay apart.
    #[test]
    fn rsa_keys_are_one_by_their_modulus() {
        use rsa::BigUint;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures");
        let key = |f: &str| parse_key(&std::fs::read(dir.join(f)).unwrap()).unwrap();
        let ((a, id_a), (b, id_b)) = (key("shared-modulus/rsa-e65537.pem"), key("shared-modulus/rsa-e3.pem"));
        let (PublicKey::Rsa(ra), PublicKey::Rsa(rb)) = (&a, &b) else { panic!("two RSA keys") };
        assert_eq!(ra.n(), rb.n());
        assert_eq!((ra.e(), rb.e()), (&BigUint::from(65537u32), &BigUint::from(3u32)));
        assert_ne!(id_a, id_b, "two public keys");
        assert_eq!(a.material(), b.material(), "one signer");
        assert_ne!(key("kms/rsa2048.pem").0.material(), key("kms/rsa3072.pem").0.material());
        assert_ne!(key("kms/rsa2048.pem").0.material(), a.material());
    }

    /// Moduli and exponents no key generator makes are refused when the key is read.
    #[test]
    fn rsa_parameters_are_sane() {
        use rsa::BigUint;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/kms");
        let Ok((PublicKey::Rsa(good), _)) = parse_key(&std::fs::read(dir.join("rsa2048.pem")).unwrap()) else {
            panic!("rsa2048.pem")
        };
        assert!(rsa_sane(&good).is_ok());
        let n = good.n().clone();
        let even_n = &n + BigUint::from(1u8);
        for (n, e) in [(even_n, 65537u32), (n.clone(), 4), (n.clone(), 65538)] {
            let k = rsa::RsaPublicKey::new_unchecked(n, BigUint::from(e));
            assert!(rsa_sane(&k).is_err());
        }
    }

    #[test]
    fn weak_rsa_keys_are_named() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signatures/kms");
        let weak = |f: &str| parse_key(&std::fs::read(dir.join(f)).unwrap()).unwrap().0.weakness();
        assert!(weak("rsa1024.pem").is_some_and(|w| w.contains("RSA-1024")));
        assert!(weak("rsa512.pem").is_some());
        assert!(weak("rsa2048.pem").is_none());
        assert!(weak("p256.pem").is_none());
    }

    #[test]
    fn ecdsa_in_der_and_raw_with_odd_lengths_refused() {
        for len in [0, 1, 63, 65, 200] {
            assert!(parse_sig(Scheme::EcdsaP256, &vec![0x30; len]).is_err());
        }
        // r = s = 0 as r||s
        assert!(parse_sig(Scheme::EcdsaP256, &[0; 64]).is_err());
        assert!(parse_sig(Scheme::Ed25519, &[0; 63]).is_err());
        // S = L - 1 is below L, S = L is not (R = the base point B, y = 4/5).
        let mut sig = [0u8; 64];
        sig[0] = 0x58;
        sig[1..32].fill(0x66);
        sig[32..].copy_from_slice(&ED25519_L);
        assert!(parse_sig(Scheme::Ed25519, &sig).is_err());
        sig[32] -= 1;
        assert!(parse_sig(Scheme::Ed25519, &sig).is_ok());
        // R of small order: the identity (y = 1), a point of order 4 (y = 0), of order 2
        // (y = -1).
        let mut minus_one = [0xff; 32];
        minus_one[0] = 0xec;
        minus_one[31] = 0x7f;
        for r in [[[1u8].as_slice(), &[0; 31]].concat(), vec![0; 32], minus_one.to_vec()] {
            sig[..32].copy_from_slice(&r);
            assert!(parse_sig(Scheme::Ed25519, &sig).unwrap_err().contains("small order"), "{r:02x?}");
        }
        assert!(matches!(parse_sig(Scheme::RsaPss(Hash::Sha256, None), &[1; 3]), Ok(Sig::Rsa(_))));
    }
}
