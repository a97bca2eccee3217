//! OpenPGP signature parsing and verification on arbitrary bytes, with the fixture
//! keyring as the supplied certificates. Whatever the bytes, the check ends in a
//! verdict (no panic, no hang), and nothing verifies over a payload that nobody
//! signed. The bytes are tried as the armored body and as the whole `signature` text.
#![no_main]

use aeb_verify::signatures::{pgp, SigVerdict};
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

const KEYRING: &[u8] = include_bytes!("../../fixtures/signatures/certs/keyring.asc");
const KEY_ID: &str = "50B549DAADF1FD82404BE90EF350072273B9B9D0";

fn certs() -> &'static [sequoia_openpgp::Cert] {
    static CERTS: OnceLock<Vec<sequoia_openpgp::Cert>> = OnceLock::new();
    CERTS.get_or_init(|| pgp::parse_cert_file(KEYRING).expect("fixture keyring"))
}

fn key_hex() -> &'static pgp::KeyHex {
    static HEX: OnceLock<pgp::KeyHex> = OnceLock::new();
    HEX.get_or_init(|| pgp::KeyHex::of(certs()))
}

fuzz_target!(|data: &[u8]| {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_564_800);
    let policy = sequoia_openpgp::policy::StandardPolicy::at(now);
    let ctx = pgp::Ctx { now, generated_at: None, policy: &policy, certs: certs(), designated: &[], hex: key_hex(), unchecked_revocations: &[] };
    let body = base64::engine::general_purpose::STANDARD.encode(data);
    let armored = format!("-----BEGIN PGP SIGNATURE-----\n\n{body}\n-----END PGP SIGNATURE-----\n");
    let text = String::from_utf8_lossy(data);
    for (claim, sig) in [(Some(KEY_ID), armored.as_str()), (None, armored.as_str()), (Some(KEY_ID), &*text)] {
        for c in pgp::verify_entry("object", "/signatures/pgp", claim, sig, b"nobody signed this payload", &ctx) {
            assert!(c.row.verdict != SigVerdict::Verified, "verified over an unsigned payload: {:?}", c.row);
        }
    }
});
