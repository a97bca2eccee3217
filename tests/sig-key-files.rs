//! A missing or unparseable --cert / --kms-key file stops the run: exit 2 and a
//! message naming the file.

mod sigcommon;
use sigcommon::*;

#[track_caller]
fn cannot_run(a: Vec<String>, needle: &str) {
    let r = verify("bundles/pgp-ed25519.json", a);
    r.code(2);
    assert!(r.stderr.contains(needle), "stderr: {}", r.stderr);
}

#[test]
fn missing_cert_file() {
    cannot_run(vec!["--cert".into(), fx("certs/no-such.asc")], "no-such.asc");
}

#[test]
fn cert_file_that_is_not_a_cert() {
    cannot_run(vec!["--cert".into(), fx("CASES.md")], "not an OpenPGP certificate");
}

#[test]
fn kms_pem_given_as_cert() {
    cannot_run(vec!["--cert".into(), fx("kms/p256.pem")], "--cert");
}

#[test]
fn missing_kms_key_file() {
    cannot_run(args([kms(AWS_P256, "missing.pem")]), "missing.pem");
}

#[test]
fn kms_key_that_is_a_pgp_cert() {
    cannot_run(vec!["--kms-key".into(), format!("id={}", fx("certs/ed25519.asc"))], "--kms-key");
}
