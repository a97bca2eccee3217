//! An OpenPGP certificate whose Ed25519 key (primary, or a bound subkey) is a point of
//! small order vouches for nothing: anyone makes signatures it verifies, without a
//! secret. The run stops (exit 2) as it does for such a KMS key. Expectations:
//! fixtures/signatures/pgp-small-order/README.md (gpgv does not verify either signature).

mod sigcommon;
use sigcommon::*;

fn fpr(name: &str, which: usize) -> String {
    let text = std::fs::read_to_string(fx("pgp-small-order/fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(|f| f.split(' ').nth(which).unwrap_or("").to_owned()))
        .unwrap_or_else(|| panic!("no {name} in fingerprints.txt"))
}

#[track_caller]
fn refused(name: &str, which: &str) {
    let file = fx(&format!("pgp-small-order/{name}.asc"));
    let r = verify(&format!("pgp-small-order/{name}.json"), ["--cert".to_owned(), file.clone()]);
    r.code(2);
    assert!(r.stdout.is_empty(), "no report when the run cannot start: {}", r.stdout);
    let want = format!("--cert {file}: certificate {}: {which} is an Ed25519 public key of small order", fpr(name, 0));
    assert!(r.stderr.contains(&want), "expected {want:?} in stderr: {}", r.stderr);
}

#[test]
fn a_small_order_primary_key_is_refused() {
    refused("identity-primary", "its primary key");
}

#[test]
fn a_small_order_signing_subkey_is_refused() {
    refused("order8-subkey", &format!("its subkey {}", fpr("order8-subkey", 1)));
}
