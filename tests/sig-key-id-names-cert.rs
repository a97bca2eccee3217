//! When key_id names a supplied certificate, the signature is checked against that
//! certificate: made by another key, or recording no issuer at all, it is an error,
//! never "unverified".

mod sigcommon;
use base64::Engine as _;
use sequoia_openpgp as openpgp;
use sigcommon::*;

#[test]
fn signed_by_another_key_than_the_named_supplied_cert() {
    // key_id = the Ed25519 certificate, signature by the stranger key (CASES.md).
    let r = verify("bundles/pgp-keyid-names-supplied-cert.json", args([cert("ed25519.asc")]));
    r.code(1);
    let m = r.finding("sig.pgp.key-id-mismatch", "error", "/signatures/pgp");
    assert!(m.contains(&primary("ed25519")) && m.contains(&primary("stranger")), "{m}");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn without_the_named_cert_it_is_only_unverified() {
    let r = verify("bundles/pgp-keyid-names-supplied-cert.json", args([cert("rsa3072.asc")]));
    r.code(1);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    r.finding("sig.required", "error", "/signatures");
    r.lacks("sig.pgp.key-id-mismatch");
}

/// The fixture's good signature with every issuer subpacket removed (sequoia edits the
/// packet; the hashed area changes, so it could not verify anyway).
fn without_issuer() -> String {
    use openpgp::packet::signature::subpacket::SubpacketTag;
    use openpgp::parse::Parse as _;
    use openpgp::serialize::SerializeInto as _;
    let text = std::fs::read_to_string(fx("bundles/pgp-ed25519.json")).expect("fixture");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let armored = v["signatures"]["pgp"]["signature"].as_str().expect("signature");
    let pile = openpgp::PacketPile::from_bytes(armored.as_bytes()).expect("parse");
    let Some(openpgp::Packet::Signature(sig)) = pile.into_children().next() else { panic!("no signature") };
    let mut sig = sig;
    for tag in [SubpacketTag::Issuer, SubpacketTag::IssuerFingerprint] {
        sig.hashed_area_mut().remove_all(tag);
        sig.unhashed_area_mut().remove_all(tag);
    }
    assert!(sig.get_issuers().is_empty());
    let bytes = openpgp::Packet::from(sig).to_vec().expect("serialize");
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("-----BEGIN PGP SIGNATURE-----\n\n{b64}\n-----END PGP SIGNATURE-----\n")
}

#[test]
fn a_packet_with_no_issuer_under_a_supplied_key_id_is_an_error() {
    let sigs = serde_json::json!({
        "sha256": "SHA",
        "pgp": { "key_id": primary("ed25519"), "signature": without_issuer() },
    });
    let path = bundle_with("no-issuer.json", &sigs.to_string());
    let key = fx("certs/ed25519.asc");
    let r = run(&path, &["--cert", &key]);
    r.code(1);
    let m = r.finding("sig.pgp.key-id-mismatch", "error", "/signatures/pgp");
    assert!(m.contains("records no issuer"), "{m}");
    // Even when the auditor asks for the audit alone, it is an error.
    let r = run(&path, &["--cert", &key, "--no-require-signature"]);
    r.code(1);
    r.finding("sig.pgp.key-id-mismatch", "error", "/signatures/pgp");
}
