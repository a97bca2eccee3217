//! One private key is one signer, whatever it was supplied as: in two OpenPGP
//! certificates (gpg made the second from the first's keygrip a day later, so with
//! another fingerprint), or as an OpenPGP certificate and a KMS key (its seed read
//! from gpg's export, signed with by OpenSSL). Both signatures verify; they count once
//! towards --min-signers (two such keys cannot meet `--min-signers 2`: exit 2), and sig.same-key (info) names the keys merged
//! (CASES.md: `pgp-same-key-two-certs.json`, `pgp-and-kms-same-key.json`).

mod sigcommon;
use sigcommon::*;

const SAME_ED: &str = "aeb-eddsa-same-as-pgp";

fn min2(mut a: Vec<String>) -> Vec<String> {
    a.extend(["--min-signers".into(), "2".into()]);
    a
}

#[test]
fn one_key_in_two_certificates_is_one_signer() {
    let (ed, notary) = (primary("ed25519"), primary("notary"));
    assert_ne!(ed, notary);
    let keys = args([cert("ed25519.asc"), cert("notary.asc")]);
    let r = verified("bundles/pgp-same-key-two-certs.json", keys.clone(), 2);
    let m = r.finding("sig.same-key", "info", "/signatures");
    assert!(
        m.contains(&format!("OpenPGP certificate {ed}")) && m.contains(&format!("OpenPGP certificate {notary}")),
        "{m}"
    );
    assert!(m.contains("/signatures/pgp/0") && m.contains("/signatures/pgp/1"), "{m}");
    // The verdict names one signer, under both certificates: never "A and B".
    let established = r.json()["bundles"][0]["established"].as_str().unwrap().to_owned();
    let one = format!(
        "signed by one key supplied as \"AEB fixture ed25519 <ed25519@example.test>\" ({ed}) and as \"AEB fixture \
         notary <notary@example.test>\" ({notary});"
    );
    assert!(established.starts_with(&one), "{established}");

    two_keys_one_signer("bundles/pgp-same-key-two-certs.json", keys);
}

#[test]
fn one_key_as_a_certificate_and_a_kms_key_is_one_signer() {
    let ed = primary("ed25519");
    let keys = [cert("ed25519.asc").to_vec(), kms(SAME_ED, "ed25519-same-as-pgp.pem").to_vec()].concat();
    let r = verified("bundles/pgp-and-kms-same-key.json", keys.clone(), 2);
    let m = r.finding("sig.same-key", "info", "/signatures");
    assert!(m.starts_with("one ed25519 key was supplied as "), "{m}");
    assert!(m.contains(&format!("OpenPGP certificate {ed}")) && m.contains(&format!("KMS key \"{SAME_ED}\"")), "{m}");
    let established = r.json()["bundles"][0]["established"].as_str().unwrap().to_owned();
    let one = format!(
        "signed by one key supplied as \"AEB fixture ed25519 <ed25519@example.test>\" ({ed}) and as KMS key {SAME_ED} "
    );
    assert!(established.starts_with(&one), "{established}");

    two_keys_one_signer("bundles/pgp-and-kms-same-key.json", keys);
}

/// Distinct keys stay distinct: two signers, no merge.
#[test]
fn two_different_keys_are_two_signers() {
    let a = min2([cert("ed25519.asc").to_vec(), kms(AWS_P256, "p256.pem").to_vec()].concat());
    let r = verified("bundles/pgp-and-kms.json", a, 2);
    r.lacks("sig.same-key");
    let established = r.json()["bundles"][0]["established"].as_str().unwrap().to_owned();
    assert!(!established.contains("one key supplied as"), "{established}");
    assert!(established.contains(") and KMS key "), "two signers: {established}");
    r.lacks("sig.min-signers");
}
