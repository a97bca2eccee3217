//! A `--signer` pin naming a subkey that is for encryption only can never be met: no
//! signature is made by such a key, and a pin counts only signatures by the key it names
//! (or, for a primary key, by any of its certificate's signing keys). Before, the pin was
//! accepted and every bundle was rejected (`sig.required`, exit 1) as if the bundles were
//! at fault. The run now stops (exit 2) before reading any bundle, as for a pin naming no
//! supplied key. The certificate is gpg's (`encryption-subkey/make.sh`, which checks that
//! gpg lists the subkey's capability as "e"); the fingerprints are gpg's, in
//! `encryption-subkey/fingerprints.txt`.

mod sigcommon;
use sigcommon::*;

fn fingerprint(role: &str) -> String {
    let text = std::fs::read_to_string(fx("encryption-subkey/fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(role).map(|f| f.trim().to_owned()))
        .unwrap_or_else(|| panic!("no {role} in fingerprints.txt"))
}

#[test]
fn a_pin_naming_an_encryption_subkey_stops_the_run() {
    let cert = fx("encryption-subkey/cert.asc");
    let sub = fingerprint("encryption ");
    // By fingerprint and by long key ID (a v4 key ID is the fingerprint's last 16 digits).
    for pin in [sub.clone(), sub[sub.len() - 16..].to_owned(), sub.to_lowercase()] {
        let r = verify("bundles/pgp-ed25519.json", ["--cert", cert.as_str(), "--signer", pin.as_str()]);
        assert_eq!(r.code, 2, "{pin}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "no report before the refusal: {}", r.stdout);
        assert!(r.stderr.contains(&format!("--signer {pin} names a subkey")), "{}", r.stderr);
    }
}

#[test]
fn a_pin_naming_the_primary_key_or_a_signing_subkey_is_accepted() {
    // The primary key of the same certificate: the run goes on, and the bundle (signed by
    // another key) is rejected for want of the pinned signer.
    let enc_cert = fx("encryption-subkey/cert.asc");
    let primary = fingerprint("primary ");
    let r = verify("bundles/pgp-ed25519.json", ["--cert", enc_cert.as_str(), "--signer", primary.as_str()]);
    r.code(1);
    r.has("sig.required", "error");
    // A signing subkey pinned by its own fingerprint (gpg signed with it) verifies.
    let signing = fingerprints("subkey")[1].clone();
    let mut a = args([cert("subkey.asc")]);
    a.extend(["--signer".to_owned(), signing]);
    verified("bundles/pgp-subkey-subkey-id.json", a, 1);
}
