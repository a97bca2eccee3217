//! An Ed25519 `--kms-key` of small order (the identity point, a point of order 8) is made
//! by no key generator, and anyone can sign for it without a secret: for the identity,
//! `R = [S]B` satisfies RFC 8032's equation for every S and message, and OpenSSL
//! verifies such a signature (fixtures/signatures/kms-small-order/make.py asks it). The
//! key file is refused when read (exit 2, naming it), as an RSA key with an even modulus
//! is. Before, it was loaded, and the forged signature was `sig.kms.bad`, "the payload
//! changed after signing": the auditor was sent after a change, not told the key is void.

mod sigcommon;
use sigcommon::*;

const ID: &str = "aeb-ed25519-small-order";

fn with_key(file: &str) -> Run {
    let key = format!("{ID}={}", fx(&format!("kms-small-order/{file}")));
    verify("kms-small-order/forged.json", ["--kms-key".to_owned(), key])
}

#[test]
fn a_small_order_ed25519_key_is_refused_when_read() {
    for file in ["identity.pem", "order-8.pem"] {
        let r = with_key(file);
        assert_eq!(r.code, 2, "{file}: {}\n{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty(), "{file}: nothing verified, no report: {}", r.stdout);
        let named = format!("--kms-key {}: ", fx(&format!("kms-small-order/{file}")));
        assert!(r.stderr.contains(&named), "{file}: the option and file are named: {}", r.stderr);
        assert!(r.stderr.contains("Ed25519 public key of small order"), "{file}: {}", r.stderr);
        assert!(r.stderr.contains("anyone can make signatures it verifies"), "{file}: {}", r.stderr);
    }
}

/// Without the key, the forged signature is what any signature with no key is.
#[test]
fn without_the_key_the_entry_is_unverified() {
    let r = verify("kms-small-order/forged.json", Vec::<String>::new());
    r.code(0);
    r.finding("sig.kms.unverified", "warning", "/signatures/kms");
    assert_eq!(r.verdicts(), vec!["unverified"]);
}

/// A signature by an ordinary key whose R is the identity point (S = k * a mod L, made
/// with the key's secret scalar): RFC 8032's equation holds and OpenSSL verifies it, but
/// no RFC 8032 signer makes it (R = [r]B has the prime order L) and verify_strict refuses
/// every small-order R, whatever the key. It is `sig.kms.malformed`, with or without the
/// key, as an S not below L is. Before, it was `sig.kms.bad` ("the payload changed after
/// signing") with the key, and an unverified warning (exit 0) without one.
#[test]
fn a_small_order_r_is_malformed_with_or_without_the_key() {
    let bundle = "kms-small-order/identity-r.json";
    let key = format!("aeb-ed25519-seeded={}", fx("kms-small-order/seeded.pem"));
    for keys in [vec![], vec!["--kms-key".to_owned(), key]] {
        let r = verify(bundle, keys);
        r.code(1);
        let m = kms_entry_finding(&r, bundle, "sig.kms.malformed");
        assert!(m.contains("its R is a point of small order"), "{m}");
        r.lacks("sig.kms.bad");
        r.lacks("sig.kms.unverified");
        assert_eq!(r.verdicts(), vec!["rejected"]);
    }
}

/// The same key's RFC 8032 signature verifies.
#[test]
fn the_same_keys_rfc8032_signature_verifies() {
    let key = format!("aeb-ed25519-seeded={}", fx("kms-small-order/seeded.pem"));
    verified("kms-small-order/rfc8032.json", vec!["--kms-key".to_owned(), key], 1);
}
