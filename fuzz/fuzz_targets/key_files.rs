//! Key files on arbitrary bytes: KMS public keys (PEM or DER, SPKI or PKCS#1) and
//! OpenPGP certificates or keyrings. No panic; a KMS key that loads has one identity
//! whatever its encoding (re-reading its normal form gives the same identity), and
//! merging a keyring's copies never loses a certificate's fingerprint.
#![no_main]

use aeb_verify::signatures::{kms, pgp};
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut pem = b"-----BEGIN PUBLIC KEY-----\n".to_vec();
    pem.extend(base64::engine::general_purpose::STANDARD.encode(data).into_bytes());
    pem.extend(b"\n-----END PUBLIC KEY-----\n");
    for bytes in [data, pem.as_slice()] {
        if let Ok((key, id)) = kms::parse_key(bytes) {
            let normal = key.normal_spki().expect("a loaded key encodes");
            let (_, again) = kms::parse_key(&normal).expect("the normal form loads");
            assert_eq!(id, again, "one key, two identities");
        }
    }
    if let Ok(certs) = pgp::parse_cert_file(data) {
        let fprs: std::collections::BTreeSet<_> = certs.iter().map(|c| c.fingerprint()).collect();
        if let Ok(merged) = pgp::merge_copies(certs) {
            let after: std::collections::BTreeSet<_> = merged.iter().map(|(c, _)| c.fingerprint()).collect();
            assert_eq!(fprs, after);
            assert_eq!(merged.len(), after.len(), "copies left unmerged");
        }
    }
});
