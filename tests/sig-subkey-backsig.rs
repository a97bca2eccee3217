//! A signing subkey counts only with a back-signature made by the subkey itself: gpgv and
//! sqv refuse its signatures without one, and so must aeb-verify. Expectations:
//! fixtures/signatures/subkey-backsig/README.md.

mod sigcommon;
use sigcommon::*;

const BUNDLE: &str = "subkey-backsig/signed.json";

fn fpr(name: &str) -> String {
    let text = std::fs::read_to_string(fx("subkey-backsig/fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(str::to_owned))
        .unwrap_or_else(|| panic!("no {name} in fingerprints.txt"))
}

fn with(cert: &str) -> Vec<String> {
    vec!["--cert".into(), fx(&format!("subkey-backsig/{cert}"))]
}

#[test]
fn a_subkey_with_its_back_signature_verifies() {
    let r = verified(BUNDLE, with("backsig.asc"), 1);
    let signer = &r.rows()[0]["signer"];
    assert_eq!(signer["primary"], fpr("primary"));
    assert_eq!(signer["key"], fpr("subkey"));
}

#[test]
fn a_subkey_without_a_valid_back_signature_signs_nothing() {
    for cert in ["no-backsig.asc", "backsig-by-primary.asc"] {
        let r = verify(BUNDLE, with(cert));
        r.code(1);
        r.finding("sig.pgp.key-invalid", "error", "/signatures/pgp");
        r.has("sig.required", "error");
        assert_eq!(r.verdicts(), ["rejected"], "{cert}");
    }
}
