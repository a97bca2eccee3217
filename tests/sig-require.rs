//! --require-signature, --min-signers and --signer.

mod sigcommon;
use sigcommon::*;

fn with(mut a: Vec<String>, extra: &[&str]) -> Vec<String> {
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

#[test]
fn unsigned_under_require_signature_rejects() {
    let r = verify("unsigned.json", ["--require-signature"]);
    r.code(1);
    r.has("sig.required", "error");
    r.has("sig.none", "warning");
}

#[test]
fn verified_signature_satisfies_require_signature() {
    let r = verify("bundles/pgp-ed25519.json", with(args([cert("ed25519.asc")]), &["--require-signature"]));
    r.code(0);
    r.lacks("sig.required");
}

#[test]
fn two_signers_satisfy_min_signers_2() {
    let a = with(args([cert("ed25519.asc"), cert("rsa3072.asc")]), &["--min-signers", "2"]);
    verify("bundles/pgp-two-signers.json", a).code(0);
}

#[test]
fn one_known_signer_of_two_fails_min_signers_2() {
    // Two keys supplied (fewer stops the run: tests/options.rs); the stranger did not sign.
    let a = with(args([cert("ed25519.asc"), cert("stranger.asc")]), &["--min-signers", "2"]);
    let r = verify("bundles/pgp-two-signers.json", a);
    r.code(1);
    r.has("sig.min-signers", "error");
}

#[test]
fn pgp_and_kms_count_as_two_signers() {
    let a = with(args([cert("ed25519.asc"), kms(AWS_P256, "p256.pem")]), &["--min-signers", "2"]);
    verify("bundles/pgp-and-kms.json", a).code(0);
}

// Pins come from certs/fingerprints.txt (gpg --with-colons at fixture time), never
// from aeb-verify's own output.

#[test]
fn signer_pin_matches_one_of_two() {
    let a = with(args([cert("ed25519.asc"), cert("rsa3072.asc")]), &["--signer", &primary("rsa3072")]);
    let r = verify("bundles/pgp-two-signers.json", a);
    r.code(0);
    r.lacks("sig.required");
}

#[test]
fn signer_pin_by_long_key_id_matches() {
    let fpr = primary("rsa3072");
    let a = with(args([cert("ed25519.asc"), cert("rsa3072.asc")]), &["--signer", &fpr[24..]]);
    verify("bundles/pgp-two-signers.json", a).code(0);
}

#[test]
fn signer_pin_on_the_primary_counts_a_subkey_signature() {
    let a = with(args([cert("subkey.asc")]), &["--signer", &fingerprints("subkey")[0]]);
    verify("bundles/pgp-subkey-subkey-id.json", a).code(0);
}

#[test]
fn signer_pin_that_did_not_sign_rejects() {
    // The pinned key is supplied (a pin naming no supplied key stops the run:
    // tests/options.rs), but the bundle is signed by the other one.
    let a = with(args([cert("ed25519.asc"), cert("stranger.asc")]), &["--signer", &primary("stranger")]);
    let r = verify("bundles/pgp-ed25519.json", a);
    r.code(1);
    let m = r.finding("sig.required", "error", "/signatures");
    assert!(m.contains(&primary("stranger")), "{m}");
}

#[test]
fn kms_key_id_as_signer_pin() {
    let a = with(args([kms(AWS_P256, "p256.pem")]), &["--signer", AWS_P256]);
    verify("bundles/kms-ecdsa-p256.json", a).code(0);
}

#[test]
fn more_signers_required_than_signed_rejects() {
    // The keyring's three signers and a fourth key, which did not sign.
    let a = with(args([cert("keyring.asc"), cert("stranger.asc")]), &["--min-signers", "4"]);
    let r = verify("bundles/pgp-keyring.json", a);
    r.code(1);
    r.has("sig.min-signers", "error");
}

#[test]
fn one_certificate_signing_twice_counts_once() {
    // The subkey signature twice, once named by the primary, once by the subkey.
    let rows = |b: &str| {
        let text = std::fs::read_to_string(fx(b)).expect("fixture");
        let v: serde_json::Value = serde_json::from_str(&text).expect("json");
        v["signatures"]["pgp"].clone()
    };
    let sigs = serde_json::json!({
        "sha256": "SHA",
        "pgp": [rows("bundles/pgp-subkey-primary-id.json"), rows("bundles/pgp-subkey-subkey-id.json")],
    });
    let path = bundle_with("twice.json", &sigs.to_string());
    let key = fx("certs/subkey.asc");
    // A second key supplied, which did not sign: two signers could be met.
    let r = run(&path, &["--cert", &key, "--cert", &fx("certs/stranger.asc"), "--min-signers", "2"]);
    r.code(1);
    r.has("sig.min-signers", "error");
    assert_eq!(r.verdicts(), ["verified", "verified"]);
    run(&path, &["--cert", &key, "--min-signers", "1"]).code(0);
}

#[test]
fn short_signer_pin_is_a_usage_error() {
    let r = verify("bundles/pgp-ed25519.json", with(args([cert("ed25519.asc")]), &["--signer", "B6F85D66"]));
    r.code(2);
}

/// `--signer ""` (an unset CI variable) pinned nobody and rejected every bundle with no
/// word about the option; it is a usage error naming it (attacker pass 5).
#[test]
fn an_empty_signer_pin_is_a_usage_error() {
    for empty in ["", "  "] {
        let r = verify("bundles/pgp-ed25519.json", with(args([cert("ed25519.asc")]), &["--signer", empty]));
        r.code(2);
        assert!(r.stderr.contains("--signer needs a fingerprint"), "{}", r.stderr);
        assert!(r.stdout.is_empty());
    }
}
