//! `--kms-key` files as OpenSSL writes them with `-text`: the PEM block with OpenSSL's
//! text dump before or after it (RFC 7468 section 2 allows text around the block, and
//! OpenSSL reads these files). Before, both stopped the run (exit 2, "not a supported
//! SubjectPublicKeyInfo" or "not a well-formed PEM file"). A text dump of a private key,
//! and two blocks in one file, are refused, each for what it is; so are RSA keys over the
//! sizes read.
//! Files: fixtures/signatures/key-files (make.sh, README.md).

mod sigcommon;
use sigcommon::*;

fn key_file(name: &str) -> String {
    fx(&format!("key-files/{name}"))
}

/// Each file verifies the P-256 bundle as the key whose SPKI hash make.sh took from
/// `../kms/p256.pem` with openssl.
fn reads_as_the_p256_key(names: &[&str]) {
    let spki = std::fs::read_to_string(key_file("p256.spki.sha256")).expect("fixture");
    for name in names {
        let r =
            verify("bundles/kms-ecdsa-p256.json", ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file(name))]);
        r.code(0);
        r.no_sig_errors();
        assert_eq!(r.verdicts(), vec!["verified"], "{name}");
        assert_eq!(r.json()["record"]["keys"][0]["id"], spki.trim(), "{name}");
    }
}

#[test]
fn openssl_text_dump_before_or_after_the_block_is_the_key() {
    reads_as_the_p256_key(&["p256-text-after.pem", "p256-text-before.pem"]);
}

/// A UTF-8 byte order mark before the BEGIN line (an editor's "UTF-8 with BOM"): OpenSSL
/// reads the key (make.sh checks), and so does aeb-verify. Before, it stopped the run
/// (exit 2, "not a supported SubjectPublicKeyInfo (... PEM or DER)").
#[test]
fn a_byte_order_mark_before_the_block_is_the_key() {
    let spki = std::fs::read_to_string(key_file("p256.spki.sha256")).expect("fixture");
    let r = verify(
        "bundles/kms-ecdsa-p256.json",
        ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file("p256-bom.pem"))],
    );
    r.code(0);
    r.no_sig_errors();
    assert_eq!(r.verdicts(), vec!["verified"]);
    assert_eq!(r.json()["record"]["keys"][0]["id"], spki.trim());
    assert_eq!(r.rows()[0]["pointer"], "/signatures/kms");
}

/// The base64 on one line between BEGIN and END lines (as a user wraps `aws kms
/// get-public-key --output text`), or with white space around the lines: OpenSSL reads
/// both (make.sh checks), and so does aeb-verify, the block rewrapped as RFC 7468 writes
/// it. Before, both stopped the run (exit 2, "not a well-formed PEM file (PEM Base64
/// error: invalid Base64 encoding)" for valid base64, or "PEM type label invalid").
#[test]
fn base64_on_one_line_or_indented_is_the_key() {
    reads_as_the_p256_key(&["p256-one-line.pem", "p256-spaces.pem"]);
}

#[test]
fn a_private_key_dump_is_refused_and_never_printed() {
    let r = verify(
        "bundles/kms-ecdsa-p256.json",
        ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file("private-text-dump.pem"))],
    );
    r.code(2);
    assert!(r.stderr.contains("private key"), "{}", r.stderr);
    // The dump's first bytes of the private scalar (make.sh fixes it: 5e:ed:ae:b0...).
    assert!(!r.stderr.contains("5e:ed") && !r.stdout.contains("5e:ed"), "{}", r.stderr);
}

#[test]
fn two_blocks_are_refused_as_two_keys() {
    let r = verify(
        "bundles/kms-ecdsa-p256.json",
        ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file("two-blocks.pem"))],
    );
    r.code(2);
    assert!(r.stderr.contains("2 PEM blocks"), "{}", r.stderr);
}

/// A DER key with a byte after it is refused (a key file holds the key and nothing
/// after it), saying so; OpenSSL reads the key (make.sh checks), so "not a supported
/// SubjectPublicKeyInfo", what was said before, was not true.
#[test]
fn a_der_key_with_a_byte_after_it_is_refused_for_that() {
    let r = verify(
        "bundles/kms-ecdsa-p256.json",
        ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file("p256-trailing-byte.der"))],
    );
    r.code(2);
    assert!(r.stderr.contains("followed by 1 more bytes"), "{}", r.stderr);
}

/// RSA keys outside the `rsa` crate's bounds (a modulus over 4096 bits, an exponent over
/// 2^33 - 1) are refused saying which bound, in SPKI and in PKCS#1; OpenSSL reads each
/// (make.sh checks its "Public-Key: (8192 bit)" and the exponent), so "not a supported
/// SubjectPublicKeyInfo", what was said before, sent the auditor after the file's format.
#[test]
fn rsa_keys_beyond_the_sizes_read_are_refused_saying_which_size() {
    for (name, says) in [
        ("rsa-8192.pem", "an RSA key of 8192 bits"),
        ("rsa-8192.pkcs1.der", "an RSA key of 8192 bits"),
        ("rsa-exponent-41-bits.pem", "public exponent has 41 bits"),
    ] {
        let r =
            verify("bundles/kms-ecdsa-p256.json", ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file(name))]);
        r.code(2);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
        assert!(!r.stderr.contains("not a supported"), "{name}: {}", r.stderr);
    }
}

/// Keys of kinds this tool does not read are refused naming the kind (exit 2, spec 3.1:
/// a key file that does not parse stops the run). Before, each was "not a supported
/// SubjectPublicKeyInfo (ECDSA P-256/P-384, RSA, Ed25519; PEM or DER)": for an RSA key
/// restricted to RSASSA-PSS and for a P-256 key written with explicit curve parameters,
/// which OpenSSL reads as the very keys of ../kms (make.sh checks), that list says the key
/// is of a kind read, and points at the file's format.
#[test]
fn keys_of_kinds_not_read_are_refused_naming_the_kind() {
    for (name, says) in [
        ("rsa-pss.pem", "an RSA key restricted to RSASSA-PSS (algorithm id-RSASSA-PSS"),
        ("rsa-pss.der", "an RSA key restricted to RSASSA-PSS (algorithm id-RSASSA-PSS"),
        ("p256-explicit.pem", "an EC key with explicit curve parameters, not a named curve"),
        ("p384-explicit.pem", "an EC key with explicit curve parameters, not a named curve"),
        ("p521.pem", "an ECDSA key on the curve P-521 (secp521r1) is not supported"),
        ("secp256k1.pem", "an ECDSA key on the curve secp256k1 is not supported"),
        ("ed448.pem", "an Ed448 key is not supported"),
    ] {
        let f = key_file(name);
        let r = verify("bundles/kms-ecdsa-p256.json", ["--kms-key".to_owned(), format!("{AWS_P256}={f}")]);
        r.code(2);
        assert!(r.stdout.is_empty(), "{name}: no report when the run cannot start: {}", r.stdout);
        assert!(r.stderr.contains(&format!("--kms-key {f}: {says}")), "{name}: {}", r.stderr);
        assert!(!r.stderr.contains("not a supported SubjectPublicKeyInfo"), "{name}: {}", r.stderr);
    }
    let explicit = verify(
        "bundles/kms-ecdsa-p256.json",
        ["--kms-key".to_owned(), format!("{AWS_P256}={}", key_file("p256-explicit.pem"))],
    );
    assert!(explicit.stderr.contains("-param_enc named_curve"), "{}", explicit.stderr);
}
