//! KMS signature bytes that are no signature of their algorithm (DER with a byte after
//! it, BER, r = 0, s = n, r||s of zeros, a 63-byte Ed25519 signature, an Ed25519 S not
//! below L) are `sig.kms.malformed`, an error, with or without a key: OpenSSL refuses each
//! (fixtures/signatures/kms-malformed/make.py asks it), so no key can verify them. Before,
//! without a key they were an "unverified" warning (exit 0), and with the key
//! `sig.kms.bad`, "the payload changed after signing".

mod sigcommon;
use sigcommon::*;

const CASES: &[(&str, &str, &str)] = &[
    ("p256-der-trailing-byte.json", AWS_P256, "p256.pem"),
    ("p256-der-long-length.json", AWS_P256, "p256.pem"),
    ("p256-der-r-zero.json", AWS_P256, "p256.pem"),
    ("p256-der-s-order.json", AWS_P256, "p256.pem"),
    ("p256-raw-zero.json", AWS_P256, "p256.pem"),
    ("ed25519-63-bytes.json", GCP_ED, "ed25519.pem"),
    ("ed25519-s-plus-order.json", GCP_ED, "ed25519.pem"),
];

#[test]
fn no_signature_of_the_algorithm_is_malformed_without_a_key() {
    for (file, _, _) in CASES {
        let r = verify(&format!("kms-malformed/{file}"), Vec::<String>::new());
        assert_eq!(r.code, 1, "{file}: {:?}", r.findings());
        assert_eq!(r.json()["bundles"][0]["verdict"], "rejected", "{file}");
        r.finding("sig.kms.malformed", "error", "/signatures/kms");
        r.lacks("sig.kms.unverified");
        assert_eq!(r.verdicts(), vec!["rejected"], "{file}");
    }
}

#[test]
fn no_signature_of_the_algorithm_is_malformed_with_its_key() {
    for (file, id, key) in CASES {
        let r = verify(&format!("kms-malformed/{file}"), args([kms(id, key)]));
        assert_eq!(r.code, 1, "{file}: {:?}", r.findings());
        r.finding("sig.kms.malformed", "error", "/signatures/kms");
        r.finding("sig.required", "error", "/signatures");
        r.lacks("sig.kms.bad");
        assert_eq!(r.verdicts(), vec!["rejected"], "{file}");
    }
}

#[test]
fn the_finding_names_the_entry_and_the_good_one_still_verifies() {
    let file = "kms-malformed/p256-good-and-trailing-byte.json";
    let r = verify(file, Vec::<String>::new());
    r.code(1);
    r.finding("sig.kms.malformed", "error", "/signatures/kms/1");
    assert_eq!(r.of("sig.kms.malformed").len(), 1);

    let r = verify(file, args([kms(AWS_P256, "p256.pem")]));
    r.code(1);
    r.finding("sig.kms.malformed", "error", "/signatures/kms/1");
    assert_eq!(r.of("sig.kms.malformed").len(), 1);
    r.lacks("sig.kms.bad");
    assert_eq!(r.verdicts(), vec!["verified", "rejected"]);
}
