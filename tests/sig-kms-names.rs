//! A KMS entry's `algorithm` must be a name of spec 3.5's table (ASCII letters in any
//! case), and its `signature` standard base64 with nothing but ASCII white space between
//! (RFC 4648 3.3: characters outside the alphabet MUST be rejected unless the
//! specification says otherwise; spec 3.5 allows the white space that wraps base64).
//! Every signature here is genuine (fixtures/signatures/kms-names/make.py; OpenSSL
//! verifies each), so only the name or the characters decide. Before, the name was
//! trimmed of any Unicode white space (`ES256\u{3000}` verified), every Google-style
//! `RSA_SIGN_{PSS,PKCS1}_{2048,3072}_SHA512` verified though Google Cloud KMS defines
//! SHA-512 with 4096-bit keys only (the table lists only those), and a no-break space or
//! U+2028 in the base64 was skipped as white space: each of those bundles was VERIFIED.

mod sigcommon;
use sigcommon::*;

const GCP_SHA512: &str =
    "projects/aeb-demo/locations/europe-west1/keyRings/evidence/cryptoKeys/rsa-sha512/cryptoKeyVersions/1";

/// `--kms-key ID=fixtures/signatures/kms-names/FILE`
fn names_key(id: &str, file: &str) -> [String; 2] {
    ["--kms-key".into(), format!("{id}={}", fx(&format!("kms-names/{file}")))]
}

#[test]
fn white_space_around_an_algorithm_name_makes_it_no_name() {
    for (file, shown) in [
        ("es256-ideographic-space.json", "\"ES256\u{3000}\""),
        ("es256-space-before.json", "\" ES256\""),
        ("es256-newline-after.json", "\"ES256\\n\""),
    ] {
        let bundle = format!("kms-names/{file}");
        let r = verify(&bundle, args([kms(JOSE_P256, "p256.pem")]));
        r.code(1);
        assert_eq!(r.json()["bundles"][0]["verdict"], "rejected", "{file}");
        let m = kms_entry_finding(&r, &bundle, "sig.kms.unknown-algorithm");
        assert!(m.contains(shown) && m.contains("white space around the name"), "{file}: {m}");
        r.finding("sig.required", "error", "/signatures");
        r.lacks("sig.kms.bad");
        assert_eq!(r.verdicts(), vec!["rejected"], "{file}");
    }
}

#[test]
fn an_algorithm_name_in_lower_case_still_verifies() {
    verified("kms-names/es256-lower-case.json", args([kms(JOSE_P256, "p256.pem")]).to_vec(), 1);
}

#[test]
fn a_google_rsa_name_google_does_not_define_is_unknown() {
    let bundle = "kms-names/gcp-rsa-pkcs1-2048-sha512.json";
    let r = verify(bundle, args([names_key(GCP_SHA512, "rsa2048-sha512.pem")]));
    r.code(1);
    let m = kms_entry_finding(&r, bundle, "sig.kms.unknown-algorithm");
    assert!(m.contains("\"RSA_SIGN_PKCS1_2048_SHA512\""), "{m}");
    r.finding("sig.required", "error", "/signatures");
    assert_eq!(r.verdicts(), vec!["rejected"]);
    // The same signature under the AWS name, which names no key size, verifies.
    verified("kms-names/aws-rsa-pkcs1-sha512.json", args([names_key(GCP_SHA512, "rsa2048-sha512.pem")]).to_vec(), 1);
}

#[test]
fn white_space_beyond_ascii_in_the_base64_is_malformed() {
    for (file, said) in [
        ("p256-base64-no-break-space.json", "its character 21 is U+00A0"),
        ("p256-base64-line-separator.json", "is U+2028"),
    ] {
        let bundle = format!("kms-names/{file}");
        for keys in [vec![], args([kms(AWS_P256, "p256.pem")]).to_vec()] {
            let with_key = !keys.is_empty();
            let r = verify(&bundle, keys);
            r.code(1);
            let m = kms_entry_finding(&r, &bundle, "sig.kms.malformed");
            assert!(m.contains(said) && m.contains("neither a base64 character nor ASCII white space"), "{file}: {m}");
            r.lacks("sig.kms.bad");
            r.lacks("sig.kms.unverified");
            if with_key {
                r.finding("sig.required", "error", "/signatures");
            }
            assert_eq!(r.verdicts(), vec!["rejected"], "{file}");
        }
    }
}

#[test]
fn base64_wrapped_with_ascii_white_space_verifies() {
    verified("kms-names/p256-base64-wrapped.json", args([kms(AWS_P256, "p256.pem")]).to_vec(), 1);
}
