//! A certificate pasted where the signature goes is rejected, never trusted.

mod sigcommon;
use sigcommon::*;

#[test]
fn certificate_in_the_signature_member() {
    let r = verify("bundles/pgp-cert-as-signature.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.has("sig.pgp.not-a-signature", "error");
}

#[test]
fn certificate_in_the_signature_member_is_not_trusted_without_cert() {
    let r = verify("bundles/pgp-cert-as-signature.json", Vec::<String>::new());
    r.code(1);
    r.has("sig.pgp.not-a-signature", "error");
}
