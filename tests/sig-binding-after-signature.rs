//! A key bound only by self-signatures made after the signature it made (a signing subkey
//! whose binding is dated after it, a primary key whose only self-signature is) is
//! refused, as sqv and OpenPGP.js refuse it (gpgv accepts it): the certificate says
//! nothing of the key at the signature's time (spec 3.4). Expectations:
//! fixtures/signatures/binding-after-signature/README.md.

mod sigcommon;
use sigcommon::*;

#[test]
fn a_key_bound_only_after_it_signed_is_refused() {
    for name in ["subkey-bound-later", "primary-bound-later"] {
        let bundle = format!("binding-after-signature/{name}.json");
        let r = verify(&bundle, vec!["--cert".into(), fx(&format!("binding-after-signature/{name}.asc"))]);
        r.code(1);
        let m = pgp_member_finding(&r, &bundle, "sig.pgp.key-invalid");
        assert!(m.contains("binds the key only by self-signatures made after the signature"), "{name}: {m}");
        r.has("sig.required", "error");
        assert_eq!(r.verdicts(), ["rejected"], "{name}");
    }
}
