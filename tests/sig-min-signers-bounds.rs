//! `--min-signers N` that the per-bundle bounds make unmeetable stops the run (exit 2), as
//! other unmeetable requirements do (tests/options.rs): a bundle gets at most 4 salted
//! hashes for version 6 OpenPGP signatures and at most 4 pure Ed25519 verifications for
//! KMS signatures (docs/spec.md 3.4, 3.5), so five such keys can never make five signers.
//! Before, the run went on and rejected every bundle (sig.min-signers).

mod sigcommon;
use sigcommon::*;

use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};

/// Ed25519 SubjectPublicKeyInfo DER (RFC 8410): this prefix, then the 32-byte point.
const ED25519_SPKI_PREFIX: [u8; 12] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/// `n` distinct Ed25519 public keys as DER files in `dir`, as `--kms-key ID=FILE` options.
fn ed25519_kms_keys(dir: &Path, n: u8) -> Vec<String> {
    (1..=n)
        .flat_map(|i| {
            let point = ed25519_dalek::SigningKey::from_bytes(&[i; 32]).verifying_key().to_bytes();
            let file = dir.join(format!("ed{i}.der"));
            std::fs::write(&file, [&ED25519_SPKI_PREFIX[..], &point[..]].concat()).expect("write key");
            ["--kms-key".to_owned(), format!("aeb-ed-{i}={}", file.display())]
        })
        .collect()
}

/// `n` version 6 certificates (RFC 9580 profile), armored in `dir`: (file, fingerprint).
fn v6_certs(dir: &Path, n: usize) -> Vec<(PathBuf, String)> {
    use openpgp::serialize::SerializeInto as _;
    (0..n)
        .map(|i| {
            let (cert, _) = openpgp::cert::CertBuilder::general_purpose(Some(format!("v6 {i} <v6-{i}@example.test>")))
                .set_profile(openpgp::Profile::RFC9580)
                .expect("profile")
                .generate()
                .expect("generate");
            assert_eq!(cert.primary_key().key().version(), 6);
            let file = dir.join(format!("v6-{i}.asc"));
            std::fs::write(&file, cert.armored().to_vec().expect("armor")).expect("write cert");
            (file, cert.fingerprint().to_hex())
        })
        .collect()
}

fn run_with(args: &[String]) -> Run {
    let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
    let bundle = fx("unsigned.json");
    a.push(&bundle);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--format", "json", "--now", NOW])
        .args(&a)
        .output()
        .expect("run");
    Run::from(out)
}

#[track_caller]
fn stops(args: &[String], says: &[&str]) {
    let r = run_with(args);
    assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for s in says {
        assert!(r.stderr.contains(s), "expected {s:?} in stderr: {}", r.stderr);
    }
}

/// Not stopped: the (unsigned) bundle is read and rejected for want of a signature.
#[track_caller]
fn runs(args: &[String]) {
    let r = run_with(args);
    r.code(1);
    r.has("sig.required", "error");
}

#[test]
fn five_kms_ed25519_keys_never_make_five_signers() {
    let dir = scratch("min-signers-ed25519");
    let keys = ed25519_kms_keys(&dir, 5);
    let with = |extra: &[&str]| [keys.clone(), extra.iter().map(|s| s.to_string()).collect()].concat();
    stops(&with(&["--min-signers", "5"]), &["--min-signers 5 can never be met", "at most 4", "Ed25519"]);
    runs(&with(&["--min-signers", "4"]));
    // a sixth key of another kind makes five reachable, unless the pins leave it out
    let mut six = with(&["--min-signers", "5"]);
    six.extend(kms("p256-other", "p256.pem"));
    runs(&six);
    let pins: Vec<String> = (1..=5).flat_map(|i| ["--signer".to_owned(), format!("aeb-ed-{i}")]).collect();
    stops(&[six, pins].concat(), &["--min-signers 5 can never be met", "--signer pins name", "at most 4"]);
}

#[test]
fn five_version_6_certificates_never_make_five_signers() {
    let dir = scratch("min-signers-v6");
    let certs = v6_certs(&dir, 5);
    let args: Vec<String> = certs.iter().flat_map(|(f, _)| ["--cert".to_owned(), f.display().to_string()]).collect();
    let with = |extra: &[&str]| [args.clone(), extra.iter().map(|s| s.to_string()).collect()].concat();
    stops(&with(&["--min-signers", "5"]), &["--min-signers 5 can never be met", "at most 4", "version 6"]);
    runs(&with(&["--min-signers", "4"]));
    // four version 6 certificates and a version 4 one: five can sign
    let mut mixed: Vec<String> = args[..8].to_vec();
    mixed.extend(cert("ed25519.asc"));
    mixed.extend(["--min-signers".into(), "5".into()]);
    runs(&mixed);
}

/// `--signer` pins naming two keys that hold one public key name one signer: the
/// notary certificate is the ed25519 key again (gpg made it a day later from the same
/// private key, fixtures/signatures/CASES.md), and `p256-compressed.pem` is
/// `p256.pem` in another encoding. A third, distinct key supplied made the keys' count
/// 2 distinct and let `--min-signers 2` through; the pins leave one signer, so every
/// bundle was rejected (exit 1, sig.min-signers on the bundle both certificates signed)
/// instead of the run stopping (exit 2, spec 3.6: a requirement no bundle can meet).
#[test]
fn pins_naming_one_public_key_twice_are_one_signer() {
    let ed = primary("ed25519");
    let notary = primary("notary");
    let rsa = primary("rsa3072");
    let mut pgp = args([cert("ed25519.asc"), cert("notary.asc"), cert("rsa3072.asc")]);
    pgp.extend(["--signer".into(), ed.clone(), "--signer".into(), notary, "--min-signers".into(), "2".into()]);
    let r = verify("bundles/pgp-same-key-two-certs.json", pgp.clone());
    r.code(2);
    assert!(r.stdout.is_empty(), "no report when the run cannot start: {}", r.stdout);
    let want =
        "--min-signers 2 can never be met: the 2 supplied keys the --signer pins name hold 1 distinct public key(s)";
    assert!(r.stderr.contains(want), "expected {want:?} in stderr: {}", r.stderr);
    // Two pins on two distinct keys still run: both sign pgp-two-signers.json.
    let mut two = args([cert("ed25519.asc"), cert("notary.asc"), cert("rsa3072.asc")]);
    two.extend(["--signer".into(), ed, "--signer".into(), rsa, "--min-signers".into(), "2".into()]);
    verified("bundles/pgp-two-signers.json", two, 2);

    let mut kms_keys =
        args([kms(AWS_P256, "p256.pem"), kms(JOSE_P256, "p256-compressed.pem"), kms(AWS_PSS, "rsa3072.pem")]);
    kms_keys.extend(["--signer", AWS_P256, "--signer", JOSE_P256, "--min-signers", "2"].map(String::from));
    let r = verify("bundles/kms-same-key-two-ids.json", kms_keys);
    r.code(2);
    assert!(r.stderr.contains(want), "expected {want:?} in stderr: {}", r.stderr);
}
