//! Copies of one certificate (same fingerprint) are merged before use: the
//! revocation in any copy applies, whichever copy comes first (fixtures:
//! certs/revoked-compromised-old-copy.asc was exported before the hard revocation).

mod sigcommon;
use sigcommon::*;

const BUNDLE: &str = "bundles/pgp-revoked-compromised.json";

#[test]
fn the_old_copy_alone_verifies() {
    // The fixture is what it says: without the revocation the signature is good.
    verified(BUNDLE, args([cert("revoked-compromised-old-copy.asc")]), 1);
}

#[test]
fn two_files_old_copy_first_revocation_applies() {
    let r = verify(BUNDLE, args([cert("revoked-compromised-old-copy.asc"), cert("revoked-compromised.asc")]));
    r.code(1);
    r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn two_files_revoked_copy_first_revocation_applies() {
    let r = verify(BUNDLE, args([cert("revoked-compromised.asc"), cert("revoked-compromised-old-copy.asc")]));
    r.code(1);
    r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
}

#[test]
fn one_keyring_with_both_copies_revocation_applies() {
    let r = verify(BUNDLE, args([cert("revoked-compromised-two-copies.gpg")]));
    r.code(1);
    let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert!(m.contains(&primary("compromised")), "{m}");
}

/// A keyring of `n` copies of the ed25519 fixture's primary key, each followed by its
/// own user ID packet (no binding signature: anyone can append one to a certificate).
fn copies_keyring(n: usize) -> Vec<u8> {
    use openpgp::parse::Parse as _;
    use openpgp::serialize::SerializeInto as _;
    use sequoia_openpgp as openpgp;
    let cert = openpgp::Cert::from_file(fx("certs/ed25519.asc")).expect("fixture");
    let key = openpgp::Packet::from(cert.primary_key().key().clone().role_into_primary()).to_vec().expect("key");
    let mut out = Vec::new();
    for i in 0..n {
        out.extend_from_slice(&key);
        let uid = openpgp::Packet::from(openpgp::packet::UserID::from(format!("copy {i}"))).to_vec().expect("uid");
        out.extend_from_slice(&uid);
    }
    out
}

/// Copies are merged in pairs: merging each into the growing whole re-sorted the whole
/// each time, the square of the number of copies (8,000 took 23 s; the 4 MiB a key file
/// may hold, about half an hour). Twice the copies cost about twice the time (a ratio
/// within one run; a quadratic merge measures about 4).
#[test]
fn many_copies_of_one_certificate_load_in_linear_time() {
    let dir = std::env::temp_dir().join(format!("aeb-cert-copies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let cost = |n: usize| {
        let path = dir.join(format!("copies-{n}.gpg"));
        std::fs::write(&path, copies_keyring(n)).expect("write");
        let once = || {
            let t = std::time::Instant::now();
            let keys = aeb_verify::inputs::keys::load(&[&path], &[] as &[&str]).expect("load");
            assert_eq!(keys.certs.len(), 1, "one certificate");
            t.elapsed().as_secs_f64()
        };
        (0..3).map(|_| once()).fold(f64::INFINITY, f64::min)
    };
    let n = 600;
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let (one, two) = (cost(n), cost(2 * n));
        ratio = ratio.min(two / one.max(1e-6));
        eprintln!("{n} copies: {:.1} ms, {}: {:.1} ms, ratio {ratio:.2}", one * 1e3, 2 * n, two * 1e3);
        if ratio <= 3.0 {
            break;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ratio <= 3.0, "twice the copies cost {ratio:.2} times the time");
}
