//! Version 4 signatures hashed with SHA3-256 and SHA3-512 (RFC 9580 9.5) verify, and one
//! over other bytes does not, as OpenPGP.js 6.3 judges them (gpg 2.2 and sqv 1.1 do not
//! know SHA3). Expectations: fixtures/signatures/sha3/README.md.

mod sigcommon;
use sigcommon::*;

fn cert() -> Vec<String> {
    vec!["--cert".into(), fx("sha3/cert.asc")]
}

#[test]
fn sha3_signatures_verify_as_openpgp_js_says() {
    for (bundle, hash) in [("sha3/sha3-256.json", "SHA3-256"), ("sha3/sha3-512.json", "SHA3-512")] {
        let r = verified(bundle, cert(), 1);
        assert_eq!(r.rows()[0]["algorithm"], format!("EdDSA {hash}"), "{bundle}");
    }
}

#[test]
fn a_sha3_signature_over_other_bytes_is_bad() {
    let bundle = "sha3/sha3-256-other-bytes.json";
    let r = verify(bundle, cert());
    r.code(1);
    // at the value of "pgp", as findings under a signature member are placed
    pgp_member_finding(&r, bundle, "sig.pgp.bad");
    r.has("sig.required", "error");
}
