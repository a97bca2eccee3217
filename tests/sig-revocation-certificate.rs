//! A revocation certificate given apart from the certificate it revokes (`--cert
//! rev.asc`, as `gpg --gen-revoke` writes one) applies to it; one of a certificate not
//! given, or one that does not verify, stops the run (exit 2). Expectations:
//! fixtures/signatures/revocations/README.md.

mod sigcommon;
use sigcommon::*;

const BUNDLE: &str = "bundles/pgp-revoked-compromised.json";

fn rev(name: &str) -> [String; 2] {
    ["--cert".into(), fx(&format!("revocations/{name}"))]
}

#[test]
fn a_revocation_certificate_apart_from_the_certificate_applies() {
    for form in ["compromised.rev.asc", "compromised.rev.gpg"] {
        let r = verify(BUNDLE, args([cert("revoked-compromised-old-copy.asc"), rev(form)]));
        r.code(1);
        let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
        assert!(m.contains(&primary("compromised")), "{form}: {m}");
        let reason = r.rows()[0]["reason"].as_str().unwrap_or("").to_owned();
        assert!(reason.contains("key compromised") && reason.contains("2025-09-15"), "{form}: {reason}");
        assert_eq!(r.verdicts(), ["rejected"], "{form}");
        // the record of the audit names the revocation's file with the certificate's
        let files = r.json()["record"]["keys"][0]["file"].as_str().unwrap_or("").to_owned();
        assert!(files.contains("revoked-compromised-old-copy.asc") && files.contains(form), "{form}: {files}");
    }
}

#[test]
fn the_certificate_alone_verifies() {
    // what the revocation changes: without it the signature is good
    verified(BUNDLE, args([cert("revoked-compromised-old-copy.asc")]), 1);
}

#[test]
fn a_revocation_of_a_certificate_not_given_stops_the_run() {
    let r = verify(BUNDLE, args([cert("ed25519.asc"), rev("compromised.rev.asc")]));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for needle in ["compromised.rev.asc", &primary("compromised"), "no --cert gives that certificate"] {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn a_forged_revocation_stops_the_run() {
    let r = verify(BUNDLE, args([cert("revoked-compromised-old-copy.asc"), rev("compromised-forged.rev.asc")]));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for needle in ["compromised-forged.rev.asc", "does not verify against it", "is not applied"] {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn a_revocation_beside_any_other_packet_is_no_revocation_certificate() {
    // the revocation, then a compressed data packet (algorithm 0, stored) holding a
    // literal data packet: containers are never opened, the file is refused as it was
    let dir = scratch("revocation-plus-container");
    let rev_bytes = std::fs::read(fx("revocations/compromised.rev.gpg")).expect("fixture");
    let literal = [&[0xCB, 8, b'b', 0, 0, 0, 0, 0][..], b"hi"].concat();
    let compressed = [&[0xC8, (literal.len() + 1) as u8, 0][..], &literal].concat();
    let path = dir.join("rev-plus.gpg");
    std::fs::write(&path, [rev_bytes, compressed].concat()).expect("write");
    let r =
        verify(BUNDLE, args([cert("revoked-compromised-old-copy.asc"), ["--cert".into(), path.display().to_string()]]));
    r.code(2);
    assert!(r.stderr.contains("rev-plus.gpg") && r.stderr.contains("not an OpenPGP certificate"), "{}", r.stderr);
}

#[test]
fn a_revocation_certificate_after_another_certificate_in_one_file_applies() {
    // `cat ed25519.asc compromised.rev.asc`: the revocation stood after another certificate
    // and was read as one of its signatures; it revoked nothing, and the key verified.
    let r = verify(BUNDLE, args([rev("ed25519-then-compromised.rev.asc"), cert("revoked-compromised-old-copy.asc")]));
    r.code(1);
    let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert!(m.contains(&primary("compromised")) && m.contains("key compromised"), "{m}");
    assert_eq!(r.verdicts(), ["rejected"]);
    let keys = r.json()["record"]["keys"].clone();
    let compromised = keys
        .as_array()
        .and_then(|k| k.iter().find(|k| k["id"] == primary("compromised")))
        .cloned()
        .unwrap_or_else(|| panic!("no record of the compromised certificate: {keys}"));
    let files = compromised["file"].as_str().unwrap_or("").to_owned();
    assert!(files.contains("ed25519-then-compromised.rev.asc"), "{files}");
}

#[test]
fn a_forged_revocation_after_another_certificate_is_said_and_left_out() {
    let r = verify(BUNDLE, args([rev("ed25519-then-forged.rev.asc"), cert("revoked-compromised-old-copy.asc")]));
    r.code(0);
    r.lacks("sig.pgp.revoked");
    for needle in ["ed25519-then-forged.rev.asc", &primary("compromised"), "does not verify"] {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn more_revocations_after_a_certificate_than_are_checked_stop_the_run() {
    let r = verify(BUNDLE, args([rev("ed25519-then-65-forged.rev.asc"), cert("revoked-compromised-old-copy.asc")]));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for needle in [&primary("ed25519"), "more than 64"] {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn a_revocation_before_its_certificate_in_one_file_says_what_to_change() {
    // `cat b.rev a.asc`, armored and binary: sequoia's "Malformed Cert: Unrecognized token
    // `Signature Packet`" (c039020) named no fix; gpg drops the revocation ("can't apply
    // revocation certificate") and uses the certificate as not revoked
    for file in ["compromised.rev-then-cert.asc", "compromised.rev-then-cert.gpg"] {
        let r = verify(BUNDLE, args([rev(file)]));
        r.code(2);
        assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
        for needle in [file, "begins with a key revocation", "put it in a file of its own"] {
            assert!(r.stderr.contains(needle), "{file}: expected {needle:?} in stderr: {}", r.stderr);
        }
        assert!(!r.stderr.contains("Unrecognized token"), "{}", r.stderr);
    }
}

#[test]
fn a_revocation_of_a_certificate_not_given_after_another_certificate_is_said() {
    // `cat a.asc b.rev` with b's certificate not given: the revocation revokes nothing
    // here (the signature is a's, and verifies), and stderr now says so, naming the file
    // and the revoked certificate (c039020: nothing said); gpg ignores it as well
    let r = verified("bundles/pgp-ed25519.json", args([rev("ed25519-then-compromised.rev.asc")]), 1);
    assert_eq!(r.rows()[0]["signer"]["primary"], primary("ed25519"));
    for needle in
        ["ed25519-then-compromised.rev.asc", &primary("compromised"), "revoke nothing here", "no --cert gives"]
    {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}
