//! A SHA-1 data signature is rejected by the standard policy (gpgv accepts it).

mod sigcommon;
use sigcommon::*;

#[test]
fn sha1_signature_is_rejected() {
    let r = verify("bundles/pgp-sha1.json", args([cert("rsa3072.asc")]));
    r.code(1);
    r.has("sig.pgp.policy", "error");
    let row = &r.rows()[0];
    assert_eq!(row["algorithm"], "RSA SHA1");
    assert!(row["reason"].as_str().unwrap_or("").contains("SHA1"), "{row}");
}

#[test]
fn an_old_now_does_not_make_sha1_acceptable() {
    // The policy is fixed at --now; even judged in 2025 SHA-1 is long past its cutoff.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
    cmd.args(["--format", "json", "--now", "2025-08-11T00:00:00Z"]).args(args([cert("rsa3072.asc")]));
    let out = cmd.arg(fx("bundles/pgp-sha1.json")).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
}
