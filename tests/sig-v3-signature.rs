//! A version 3 signature packet is refused under the standard policy, as sqv refuses it
//! (gpgv accepts it). Expectations: fixtures/signatures/v3-signature/README.md.

mod sigcommon;
use sigcommon::*;

#[test]
fn a_version_3_signature_is_refused_by_the_standard_policy() {
    let r = verify("v3-signature/signed.json", vec!["--cert".into(), fx("v3-signature/cert.asc")]);
    r.code(1);
    let m = r.finding("sig.pgp.policy", "error", "/signatures/pgp");
    assert!(m.contains("v3"), "{m}");
    r.has("sig.required", "error");
    assert_eq!(r.verdicts(), ["rejected"]);
}
