//! A signature older than the bundle's generated_at is a warning.

mod sigcommon;
use sigcommon::*;

#[test]
fn signature_before_generated_at_warns() {
    let r = verify("bundles/pgp-before-generated.json", args([cert("ed25519.asc")]));
    r.code(0);
    r.has("sig.pgp.before-generated", "warning");
    assert_eq!(r.verdicts(), ["verified"]);
}
