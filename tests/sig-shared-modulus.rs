//! Two RSA keys with one modulus and different public exponents (65537 and 3) are held
//! by whoever knows the modulus's factors: one signer, as OpenPGP certificates, as KMS
//! keys, and one of each. Both signatures verify; they count once towards
//! --min-signers (two such keys cannot meet `--min-signers 2`: exit 2), and sig.same-key (info) names both keys.
//!
//! Expectations: fixtures/signatures/shared-modulus/README.md (made by its make.sh with
//! Python `cryptography`, openssl, gpgsm and gpg).

mod sigcommon;
use sigcommon::*;

const DIR: &str = "shared-modulus";
const E65537: &str = "aeb-rsa-e65537";
const E3: &str = "aeb-rsa-e3";

/// The fingerprint `make.sh` recorded for a certificate of the fixture.
fn fpr(name: &str) -> String {
    let text = std::fs::read_to_string(fx(&format!("{DIR}/fingerprints.txt"))).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(str::to_owned))
        .unwrap_or_else(|| panic!("no {name} in fingerprints.txt"))
}

fn cert_of(name: &str) -> [String; 2] {
    ["--cert".into(), fx(&format!("{DIR}/{name}.asc"))]
}

fn kms_of(id: &str, name: &str) -> [String; 2] {
    ["--kms-key".into(), format!("{id}={}", fx(&format!("{DIR}/{name}.pem")))]
}

fn bundle(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// The sig.same-key finding: one info at /signatures naming each key and each pointer.
#[track_caller]
fn same_key_names(r: &Run, keys: &[String], pointers: &[&str]) {
    let m = r.finding("sig.same-key", "info", "/signatures");
    assert_eq!(r.of("sig.same-key").len(), 1, "{:?}", r.of("sig.same-key"));
    assert!(m.starts_with("one RSA modulus "), "{m}");
    for k in keys {
        assert!(m.contains(k.as_str()), "{m} lacks {k}");
    }
    for p in pointers {
        assert!(m.contains(p), "{m} lacks {p}");
    }
}

#[test]
fn two_certificates_with_one_modulus_are_one_signer() {
    let (a, b) = (fpr("rsa-e65537"), fpr("rsa-e3"));
    assert_ne!(a, b, "two certificates, two fingerprints");
    let keys = args([cert_of("rsa-e65537"), cert_of("rsa-e3")]);
    let names = [format!("OpenPGP certificate {a}"), format!("OpenPGP certificate {b}")];
    let pointers = ["/signatures/pgp/0", "/signatures/pgp/1"];

    let r = verified(&bundle("pgp-two-exponents.json"), keys.clone(), 2);
    same_key_names(&r, &names, &pointers);

    two_keys_one_signer(&bundle("pgp-two-exponents.json"), keys);
}

#[test]
fn two_kms_keys_with_one_modulus_are_one_signer() {
    let keys = args([kms_of(E65537, "rsa-e65537"), kms_of(E3, "rsa-e3")]);
    let names = [format!("KMS key \"{E65537}\""), format!("KMS key \"{E3}\"")];
    let pointers = ["/signatures/kms/0", "/signatures/kms/1"];

    let r = verified(&bundle("kms-two-exponents.json"), keys.clone(), 2);
    same_key_names(&r, &names, &pointers);

    two_keys_one_signer(&bundle("kms-two-exponents.json"), keys);
}

#[test]
fn a_certificate_and_a_kms_key_with_one_modulus_are_one_signer() {
    let keys = args([cert_of("rsa-e3"), kms_of(E65537, "rsa-e65537")]);
    let r = verified(&bundle("pgp-and-kms-two-exponents.json"), keys.clone(), 2);
    let names = [format!("OpenPGP certificate {}", fpr("rsa-e3")), format!("KMS key \"{E65537}\"")];
    same_key_names(&r, &names, &["/signatures/pgp", "/signatures/kms"]);
    two_keys_one_signer(&bundle("pgp-and-kms-two-exponents.json"), keys);
}

/// Distinct RSA moduli stay distinct signers (CASES.md: pgp-two-signers.json, an
/// Ed25519 and an RSA-3072 signer; kms-rsa-pss.json beside kms-rsa-pkcs1.json would need
/// one bundle): two OpenPGP signers of which one RSA pass --min-signers 2.
#[test]
fn different_moduli_are_still_two_signers() {
    let mut keys = args([cert("ed25519.asc"), cert("rsa3072.asc")]);
    keys.extend(["--min-signers".into(), "2".into()]);
    let r = verified("bundles/pgp-two-signers.json", keys, 2);
    r.lacks("sig.same-key");
    r.lacks("sig.min-signers");
}
