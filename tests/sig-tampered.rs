//! A bundle changed after signing: with the old hash (hash and signature fail) and
//! with a recomputed hash (the signature still fails).

mod sigcommon;
use sigcommon::*;

#[test]
fn tampered_with_old_hash() {
    let r = verify("bundles/pgp-tampered.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.has("integrity.hash-mismatch", "error");
    r.has("sig.pgp.bad", "error");
}

#[test]
fn tampered_and_rehashed() {
    let r = verify("bundles/pgp-tampered-rehashed.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.lacks("integrity.hash-mismatch");
    r.has("sig.pgp.bad", "error");
}
