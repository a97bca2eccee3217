//! Supplying keys is a demand (issue 9, as gpgv and sqv treat their keyrings):
//! --cert and --kms-key imply --require-signature. When no supplied key verifies a
//! signature the bundle is rejected, and the finding names the signer the bundle
//! claims and the keys tried. --no-require-signature keeps the audit-only behaviour.

mod sigcommon;
use sigcommon::*;

#[test]
fn wrong_cert_rejects_naming_claimed_signer_and_keys_tried() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    let m = r.finding("sig.required", "error", "/signatures");
    assert!(m.contains(&primary("stranger")), "names the claimed signer: {m}");
    assert!(m.contains(&primary("ed25519")), "names the key tried: {m}");
    assert!(m.contains("--cert"), "says what demanded it: {m}");
}

#[test]
fn no_require_signature_keeps_the_warning_only() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--no-require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a);
    r.code(0);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    r.lacks("sig.required");
}

#[test]
fn mistyped_kms_key_id_rejects() {
    let r =
        verify("bundles/kms-ecdsa-p256.json", args([kms("arn:aws:kms:eu-west-1:111122223333:key/typo", "p256.pem")]));
    r.code(1);
    r.finding("sig.kms.unverified", "warning", "/signatures/kms");
    let m = r.finding("sig.required", "error", "/signatures");
    assert!(m.contains(AWS_P256) && m.contains("key/typo"), "{m}");
}

#[test]
fn unsigned_bundle_with_a_cert_rejects() {
    let r = verify("unsigned.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.finding("sig.none", "warning", "/signatures");
    let m = r.finding("sig.required", "error", "/signatures");
    assert!(m.contains("unsigned"), "{m}");
}

#[test]
fn without_keys_an_unsigned_bundle_still_passes_with_a_warning() {
    let r = verify("unsigned.json", Vec::<String>::new());
    r.code(0);
    r.finding("sig.none", "warning", "/signatures");
    r.lacks("sig.required");
}

#[test]
fn both_flags_at_once_is_a_usage_error() {
    let r = verify("unsigned.json", ["--require-signature", "--no-require-signature"]);
    r.code(2);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
}

#[test]
fn no_require_signature_does_not_cancel_an_explicit_signer_pin() {
    let mut a = args([cert("ed25519.asc"), cert("rsa3072.asc")]);
    a.extend(["--no-require-signature".into(), "--signer".into(), primary("rsa3072")]);
    let r = verify("bundles/pgp-ed25519.json", a);
    r.code(1);
    r.finding("sig.required", "error", "/signatures");
}
