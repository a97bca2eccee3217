//! `signatures.kms: null` means absent, exactly like `pgp: null` (contract section 3):
//! no schema finding, no form finding, an unsigned bundle.

mod sigcommon;
use sigcommon::*;

#[test]
fn kms_null_is_an_unsigned_bundle() {
    let r = run(&bundle_with("kms-null.json", r#"{"sha256": "SHA", "pgp": null, "kms": null}"#), &[]);
    r.code(0);
    r.finding("sig.none", "warning", "/signatures");
    r.lacks("schema.invalid");
    r.lacks("sig.form");
}

#[test]
fn kms_null_with_a_pgp_signature_checks_the_pgp_signature() {
    let text = std::fs::read_to_string(fx("bundles/pgp-ed25519.json")).expect("fixture");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let sigs = serde_json::json!({"sha256": "SHA", "pgp": v["signatures"]["pgp"], "kms": null});
    let r = run(&bundle_with("kms-null-pgp.json", &sigs.to_string()), &["--cert", &fx("certs/ed25519.asc")]);
    r.code(0);
    assert_eq!(r.verdicts(), ["verified"]);
    r.lacks("schema.invalid");
}
