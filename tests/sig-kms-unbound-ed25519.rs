//! Ed25519 signatures tried with keys given without a KEY_ID
//! (fixtures/signatures/kms-unbound-ed25519). The bound of spec 3.5 is on the bundle's
//! Ed25519 signatures (at most `kms::MAX_PURE_ED25519` verified), each tried with every
//! key that may have made it: the keys given for its key_id, or every Ed25519 key given
//! without one, a number the command fixes. Before, each key tried took one of the
//! bundle's four verifications: one genuine signature by the fifth unbound key, or three
//! by three unbound keys (1 + 2 + 3 tries), left a signature "not checked", `sig.too-many`,
//! and the bundle was rejected.

mod sigcommon;
use sigcommon::*;

fn unbound(names: &[&str]) -> Vec<String> {
    names.iter().flat_map(|n| ["--kms-key".to_owned(), fx(&format!("kms-unbound-ed25519/{n}"))]).collect()
}

#[test]
fn one_signature_by_the_fifth_unbound_key_verifies() {
    let bundle = "kms-unbound-ed25519/by-fifth.json";
    let r = verified(bundle, unbound(&["e0.pem", "e1.pem", "e2.pem", "e3.pem", "e4.pem"]), 1);
    r.lacks("sig.too-many");
    let f = r.whole("sig.kms.key-id-unbound");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0]["severity"].as_str(), f[0]["pointer"].as_str()), (Some("warning"), Some("/signatures/kms")));
    let (line, column) = kms_position(bundle);
    assert_eq!((f[0]["line"].as_u64(), f[0]["column"].as_u64()), (Some(line), Some(column)));
    assert!(f[0]["message"].as_str().unwrap_or_default().contains("e4.pem"), "{f:?}");
}

#[test]
fn three_signatures_by_three_unbound_keys_verify() {
    let r = verified("kms-unbound-ed25519/by-three.json", unbound(&["e0.pem", "e1.pem", "e2.pem"]), 3);
    r.lacks("sig.too-many");
    assert_eq!(r.of("sig.kms.key-id-unbound").len(), 3);
}
