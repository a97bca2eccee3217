//! A good signature whose issuer subpackets name another key, or none: rejected when its
//! key_id names a supplied certificate (spec 3.4), and the finding says what the signature
//! names, not that the named certificate did not make it (here it did).
//! Expectations: fixtures/signatures/issuer-claims/README.md.

mod sigcommon;
use sigcommon::*;

fn fpr(name: &str) -> String {
    let text = std::fs::read_to_string(fx("issuer-claims/fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(str::to_owned))
        .unwrap_or_else(|| panic!("no {name} in fingerprints.txt"))
}

fn signer() -> Vec<String> {
    vec!["--cert".into(), fx("issuer-claims/signer.asc")]
}

#[test]
fn with_its_issuer_the_signature_verifies() {
    verified("issuer-claims/with-issuer.json", signer(), 1);
}

#[test]
fn a_misnamed_issuer_is_reported_as_what_the_signature_says() {
    let stranger_key_id = fpr("stranger")[24..].to_owned();
    for (bundle, says) in [
        ("issuer-claims/unhashed-stranger.json", stranger_key_id.as_str()),
        ("issuer-claims/no-issuer.json", "records no issuer"),
    ] {
        let r = verify(bundle, signer());
        r.code(1);
        let m = r.finding("sig.pgp.key-id-mismatch", "error", "/signatures/pgp");
        assert!(m.contains(&fpr("signer")) && m.contains(says), "{bundle}: {m}");
        assert!(!m.contains("made this signature"), "{bundle}: claims who made it: {m}");
        assert_eq!(r.verdicts(), ["rejected"], "{bundle}");
    }
}
