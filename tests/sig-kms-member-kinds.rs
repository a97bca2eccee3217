//! A KMS entry's `key_id`, `algorithm` and `signature` are strings (contract section 3).
//! One of another kind is named for what it is, at its own pointer (`sig.form`, as an
//! OpenPGP entry's `key_id` is), and the entry is `sig.kms.malformed` for having no such
//! string. Before, the only finding said the entry "lacks" a member it has.

mod sigcommon;
use sigcommon::*;

#[test]
fn members_of_another_kind_are_named_at_their_pointers() {
    let sigs = r#"{"sha256": "SHA", "kms": [{"key_id": 5, "algorithm": "ES256", "signature": ["AAAA"]},
        {"key_id": "k", "algorithm": {"name": "ES256"}, "signature": null}]}"#;
    let r = run(&bundle_with("kms-kinds.json", sigs), &[]);
    r.code(1);
    assert_eq!(r.json()["bundles"][0]["verdict"], "rejected");
    let m = r.finding("sig.form", "error", "/signatures/kms/0/key_id");
    assert!(m.contains("number"), "{m}");
    let m = r.finding("sig.form", "error", "/signatures/kms/0/signature");
    assert!(m.contains("array"), "{m}");
    let m = r.finding("sig.form", "error", "/signatures/kms/1/algorithm");
    assert!(m.contains("object"), "{m}");
    let m = r.finding("sig.form", "error", "/signatures/kms/1/signature");
    assert!(m.contains("null"), "{m}");
    for p in ["/signatures/kms/0", "/signatures/kms/1"] {
        let m = r.finding("sig.kms.malformed", "error", p);
        assert!(!m.contains("lacks"), "{m}");
    }
}
