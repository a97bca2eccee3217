//! `--signer KEY_ID` pins a KMS key bound with `--kms-key KEY_ID=FILE` (spec 3.6), whatever
//! the ID is made of: a JOSE `kid` may be a run of hex digits of any length. Before, such an
//! ID was read as an OpenPGP key ID of the wrong length and the run stopped (exit 2).
//! The signature is the fixture's genuine ES256 one (OpenSSL verified it when
//! make-fixtures.sh made it); only the `key_id` beside it, which no signature covers, is
//! set here.

mod sigcommon;
use sigcommon::*;

fn es256_entry(key_id: &str) -> String {
    let text = std::fs::read_to_string(fx("bundles/kms-ecdsa-p256-jose.json")).expect("fixture");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut kms = v["signatures"]["kms"].clone();
    kms["key_id"] = key_id.into();
    serde_json::json!({"sha256": "SHA", "kms": kms}).to_string()
}

#[test]
fn a_bound_hex_kms_key_id_is_a_signer_pin() {
    for kid in ["0123456789abcdef0123456789abcdef", "12345678", "c0ffee"] {
        let b = bundle_with(&format!("hex-kid-{}.json", kid.len()), &es256_entry(kid));
        let key = format!("{kid}={}", fx("kms/p256.der"));
        let r = run(&b, &["--kms-key", &key, "--signer", kid]);
        r.code(0);
        assert_eq!(r.verdicts(), vec!["verified"], "{kid}");
        r.lacks("sig.required");
    }
}

#[test]
fn a_hex_pin_no_key_is_bound_to_is_still_a_short_key_id() {
    let b = bundle_with("hex-kid-unbound.json", &es256_entry("12345678"));
    let key = format!("12345678={}", fx("kms/p256.der"));
    let r = run(&b, &["--kms-key", &key, "--signer", "87654321"]);
    r.code(2);
    assert!(r.stderr.contains("--signer 87654321"), "{}", r.stderr);
}
