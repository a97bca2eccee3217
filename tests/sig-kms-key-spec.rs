//! `--kms-key KEY_ID=FILE` is split by its text alone (at the last '='), never by
//! looking at the file system: a file planted under the literal name `KEY_ID=FILE`
//! cannot replace the auditor's key.

mod sigcommon;
use sigcommon::*;

#[test]
fn a_planted_file_named_like_the_whole_spec_is_ignored() {
    let dir = scratch("planted");
    std::fs::copy(fx("kms/p256.der"), dir.join("p256.der")).expect("copy");
    // The attacker's file, named exactly like the option's text: another key.
    let spec = format!("{JOSE_P256}=p256.der");
    std::fs::copy(fx("kms/p384.pem"), dir.join(&spec)).expect("plant");
    let bundle = fx("bundles/kms-ecdsa-p256-jose.json");
    let r = run_in(&dir, &["--kms-key", &spec, &bundle]);
    r.code(0);
    assert_eq!(r.verdicts(), ["verified"]);
    r.lacks("sig.kms.key-id-unbound");
    r.lacks("sig.kms.algorithm-mismatch");
}

#[test]
fn a_file_name_with_an_equals_sign_is_read_as_an_id() {
    // Documented: the last '=' splits, so "dir/a=b.pem" is KEY_ID "dir/a", FILE "b.pem",
    // which does not exist: exit 2 naming it, never a silent fallback.
    let dir = scratch("equals");
    std::fs::copy(fx("kms/p256.pem"), dir.join("a=b.pem")).expect("copy");
    let bundle = fx("bundles/kms-ecdsa-p256.json");
    let r = run_in(&dir, &["--kms-key", "a=b.pem", &bundle]);
    r.code(2);
    assert!(r.stderr.contains("--kms-key b.pem: cannot read"), "{}", r.stderr);
}

#[test]
fn empty_id_or_file_is_a_usage_error() {
    for spec in ["=x.pem", "id="] {
        let r = verify("bundles/kms-ecdsa-p256.json", ["--kms-key", spec]);
        r.code(2);
        assert!(r.stderr.contains(&format!("--kms-key {spec}: ")), "{}", r.stderr);
    }
}
