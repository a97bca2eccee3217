//! Signatures that verify: every accepted form and key type (CASES.md, exit 0).

mod sigcommon;
use sigcommon::*;

#[test]
fn ed25519_object_form() {
    let r = verified("bundles/pgp-ed25519.json", args([cert("ed25519.asc")]), 1);
    let row = &r.rows()[0];
    assert_eq!(row["kind"], "pgp");
    assert_eq!(row["created"], "2025-08-10T12:30:00Z");
    assert_eq!(row["issuer"], row["claimed_key_id"]);
    r.lacks("sig.none");
}

#[test]
fn rsa3072_binary_cert_and_spaced_lowercase_key_id() {
    verified("bundles/pgp-rsa3072.json", args([cert("rsa3072.gpg")]), 1);
}

#[test]
fn p256_bare_string_with_sibling_key_id() {
    let r = verified("bundles/pgp-p256.json", args([cert("p256.asc")]), 1);
    assert_eq!(r.rows()[0]["form"], "bare string");
}

#[test]
fn signing_subkey_named_by_primary_fingerprint() {
    let r = verified("bundles/pgp-subkey-primary-id.json", args([cert("subkey.asc")]), 1);
    assert!(r.rows()[0]["issuer"].as_str().unwrap_or("").contains("subkey of"));
}

#[test]
fn signing_subkey_named_by_subkey_fingerprint() {
    verified("bundles/pgp-subkey-subkey-id.json", args([cert("subkey.asc")]), 1);
}

#[test]
fn two_signers_in_an_array() {
    verified("bundles/pgp-two-signers.json", args([cert("ed25519.asc"), cert("rsa3072.asc")]), 2);
}

#[test]
fn three_certs_from_one_keyring_file() {
    verified("bundles/pgp-keyring.json", args([cert("keyring.asc")]), 3);
}

#[test]
fn pgp_and_kms_together() {
    verified("bundles/pgp-and-kms.json", args([cert("ed25519.asc"), kms(AWS_P256, "p256.pem")]), 2);
}

#[test]
fn unsigned_bundle_is_integrity_only() {
    let r = verify("unsigned.json", Vec::<String>::new());
    r.code(0);
    r.has("sig.none", "warning");
    assert!(r.rows().is_empty());
}

#[test]
fn human_report_has_a_signatures_table() {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
    cmd.args(["--now", NOW, "--color", "never"]).args(args([cert("ed25519.asc")])).arg(fx("bundles/pgp-ed25519.json"));
    let out = cmd.output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("VERIFIED    pgp object at /signatures/pgp: good signature"), "{text}");
    // The fingerprint as gpg listed it when the fixtures were made (certs/fingerprints.txt).
    assert!(text.contains(&format!("made by   {}\n", primary("ed25519"))), "{text}");
}
