//! Key files: a missing, unparseable or unsuitable --cert / --kms-key file stops the
//! run at once, exit 2, with a message naming the option, the file and what is wrong.

mod sigcommon;
use sigcommon::*;
use std::time::{Duration, Instant};

#[track_caller]
fn cannot_run(a: Vec<String>, needle: &str) {
    let started = Instant::now();
    let r = verify("bundles/pgp-ed25519.json", a);
    r.code(2);
    assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    assert!(r.stdout.is_empty(), "no report when the run cannot start: {}", r.stdout);
    // "At once": nothing is read from a device or waited for on a FIFO. A generous
    // bound (a hang would be killed by the harness much later).
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
}

fn opt(o: &str, v: &str) -> Vec<String> {
    vec![o.into(), v.into()]
}

#[test]
fn missing_cert_file() {
    let f = fx("certs/no-such.asc");
    cannot_run(opt("--cert", &f), &format!("--cert {f}: cannot read"));
}

#[test]
fn cert_file_that_is_not_a_cert() {
    let f = fx("CASES.md");
    cannot_run(opt("--cert", &f), &format!("--cert {f}: not an OpenPGP certificate or keyring"));
}

#[test]
fn pem_public_key_given_as_cert_suggests_kms_key() {
    cannot_run(
        opt("--cert", &fx("kms/p256.pem")),
        "this is a PEM public key, not an OpenPGP certificate: did you mean --kms-key?",
    );
}

#[test]
fn der_public_key_given_as_cert_suggests_kms_key() {
    cannot_run(
        opt("--cert", &fx("kms/p256.der")),
        "this is a DER public key, not an OpenPGP certificate: did you mean --kms-key?",
    );
}

#[test]
fn missing_kms_key_file() {
    let f = fx("kms/missing.pem");
    cannot_run(args([kms(AWS_P256, "missing.pem")]), &format!("--kms-key {f}: cannot read"));
}

#[test]
fn pgp_cert_given_as_kms_key_suggests_cert() {
    cannot_run(
        opt("--kms-key", &format!("id={}", fx("certs/ed25519.asc"))),
        "this is an OpenPGP certificate, not a KMS public key: did you mean --cert?",
    );
}

#[test]
fn malformed_pem_kms_key_is_an_error_not_a_panic() {
    let dir = scratch("badpem");
    let f = dir.join("bad.pem");
    std::fs::write(&f, "-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----").expect("write");
    cannot_run(opt("--kms-key", &format!("id={}", f.display())), "not a well-formed PEM file");
}

#[test]
fn dev_zero_as_cert_or_kms_key() {
    cannot_run(opt("--cert", "/dev/zero"), "--cert /dev/zero: a device, not a key file");
    cannot_run(opt("--kms-key", "id=/dev/zero"), "--kms-key /dev/zero: a device, not a key file");
}

#[test]
fn directory_as_cert() {
    let d = fx("certs");
    cannot_run(opt("--cert", &d), &format!("--cert {d}: a directory, not a key file"));
}

#[test]
fn fifo_as_cert_or_kms_key_does_not_hang() {
    let dir = scratch("fifo");
    let f = dir.join("key.fifo");
    let made = std::process::Command::new("mkfifo").arg(&f).status().expect("mkfifo");
    assert!(made.success());
    let f = f.to_string_lossy().into_owned();
    cannot_run(opt("--cert", &f), "a FIFO (named pipe), not a key file");
    cannot_run(opt("--kms-key", &format!("id={f}")), "a FIFO (named pipe), not a key file");
}

#[test]
fn oversized_key_file() {
    let dir = scratch("big");
    let f = dir.join("big.asc");
    let file = std::fs::File::create(&f).expect("create");
    // Sparse: 4 MiB + 1 byte of nothing, the bound plus one.
    file.set_len(aeb_verify::inputs::keys::MAX_KEY_FILE_BYTES + 1).expect("set_len");
    let f = f.to_string_lossy().into_owned();
    cannot_run(opt("--cert", &f), "a key file may have at most 4194304 bytes");
    cannot_run(opt("--kms-key", &format!("id={f}")), "a key file may have at most 4194304 bytes");
}
