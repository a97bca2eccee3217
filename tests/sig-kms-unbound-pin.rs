//! A KMS key supplied without KEY_ID (`--kms-key FILE`) verifies whatever key_id the
//! bundle writes, so that key_id is the bundle's word: it never satisfies a --signer pin.

mod sigcommon;
use sigcommon::*;

fn with(mut a: Vec<String>, extra: &[&str]) -> Vec<String> {
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

#[test]
fn unbound_key_does_not_satisfy_a_pin_on_the_bundles_key_id() {
    // No key is bound to the pinned ID, so no signature could ever count: the run stops
    // before any bundle is read, rather than rejecting each one (exit 1).
    let r = verify("bundles/kms-ecdsa-p256.json", with(args([kms("", "p256.pem")]), &["--signer", AWS_P256]));
    r.code(2);
    assert!(r.stderr.contains(&format!("--signer {AWS_P256} names no supplied key")), "{}", r.stderr);
}

#[test]
fn unbound_key_does_not_satisfy_an_openpgp_pin_the_bundle_writes_as_key_id() {
    // The hostile form: the KMS entry's key_id is the pinned OpenPGP fingerprint, the
    // signature is the P-256 one (good over the same payload).
    let text = std::fs::read_to_string(fx("bundles/kms-ecdsa-p256.json")).expect("fixture");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut entry = v["signatures"]["kms"].clone();
    entry["key_id"] = primary("ed25519").into();
    let sigs = serde_json::json!({"sha256": "SHA", "kms": entry});
    let path = bundle_with("kms-claims-pgp-fpr.json", &sigs.to_string());
    let key = fx("kms/p256.pem");
    // The pinned certificate is supplied: the pin names a key, which did not sign.
    let r = run(&path, &["--kms-key", &key, "--cert", &fx("certs/ed25519.asc"), "--signer", &primary("ed25519")]);
    r.code(1);
    r.finding("sig.required", "error", "/signatures");
    assert_eq!(r.verdicts(), ["verified"], "the signature itself is good; it only does not count");
}

#[test]
fn the_same_key_bound_to_the_id_satisfies_the_pin() {
    let r = verify("bundles/kms-ecdsa-p256.json", with(args([kms(AWS_P256, "p256.pem")]), &["--signer", AWS_P256]));
    r.code(0);
    r.lacks("sig.required");
}
