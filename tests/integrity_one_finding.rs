//! Contract section 2: a placeholder hash is one finding, "hash not filled in", and
//! only that one (not also a schema error); and every member under `signatures` that
//! the format does not define is reported, at any depth (nothing there is signed).

mod common;
use common::*;

#[test]
fn a_placeholder_hash_is_one_finding() {
    // (fixture, what signatures.sha256 holds): make-fixtures.py.
    for rel in
        ["seed-example.json", "integrity/empty-hash.json", "integrity/zeros-hash.json", "integrity/null-hash.json"]
    {
        let (code, b) = verify_json(rel, &[]);
        assert_eq!(code, 1, "{rel}");
        let about_hash: Vec<&serde_json::Value> = b["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["pointer"].as_str().is_some_and(|p| p == "/signatures/sha256" || p == "/signatures"))
            // The signature section speaks of `signatures` too (sig.none): not about the hash.
            .filter(|f| !f["rule"].as_str().unwrap_or_default().starts_with("sig."))
            .collect();
        assert_eq!(about_hash.len(), 1, "{rel}: {about_hash:#?}");
        assert_eq!(about_hash[0]["rule"], "integrity.hash-not-filled", "{rel}");
        assert_eq!(about_hash[0]["pointer"], "/signatures/sha256", "{rel}");
    }
}

#[test]
fn members_inside_signature_objects_are_uncovered_too() {
    let cert = fixture("signatures/certs/ed25519.asc");
    let (code, b) = verify_json("integrity/uncovered-nested-pgp.json", &["--cert", cert.to_str().unwrap()]);
    assert_eq!(code, 0, "the signature still verifies: {b}");
    let ptrs: Vec<&str> =
        findings(&b, "integrity.uncovered-member").iter().map(|f| f["pointer"].as_str().unwrap()).collect();
    assert_eq!(ptrs, ["/signatures/comment", "/signatures/pgp/signed_by"]);
    assert_eq!(b["signatures"][0]["verdict"], "verified");

    let kms = |id: &str, file: &str| format!("{id}={}", fixture(&format!("signatures/kms/{file}")).display());
    let p256 = kms("arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b", "p256.pem");
    let ed = kms("arn:aws:kms:eu-west-1:111122223333:key/1e2d3c4b-5a69-4788-96a5-b4c3d2e1f0a9", "ed25519.pem");
    let (code, b) = verify_json("integrity/uncovered-nested-kms.json", &["--kms-key", &p256, "--kms-key", &ed]);
    assert_eq!(code, 0, "{b}");
    let ptrs: Vec<&str> =
        findings(&b, "integrity.uncovered-member").iter().map(|f| f["pointer"].as_str().unwrap()).collect();
    assert_eq!(ptrs, ["/signatures/kms/1/approved"]);
    // Line 83 of the fixture: `        "approved": true`, the value at column 21.
    assert_finding(&b, "integrity.uncovered-member", "/signatures/kms/1/approved", 83, 21);
}
