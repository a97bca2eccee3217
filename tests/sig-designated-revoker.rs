//! A revocation made by the key a certificate's holder designated to revoke it (RFC 9580
//! 5.2.3.23) applies once the auditor supplies that revoker's certificate, as gpg applies
//! it; a forged one, or one by a key that was never designated, does not. Expectations
//! (each checked against gpg by the script that made the files):
//! fixtures/signatures/designated-revoker/README.md.

mod sigcommon;
use sigcommon::*;

const BUNDLE: &str = "designated-revoker/signed.json";

fn dr(name: &str) -> [String; 2] {
    ["--cert".into(), fx(&format!("designated-revoker/{name}"))]
}

/// A fingerprint from designated-revoker/fingerprints.txt (written by make.py).
fn fpr(name: &str) -> String {
    let text = std::fs::read_to_string(fx("designated-revoker/fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(str::to_owned))
        .unwrap_or_else(|| panic!("no {name} in fingerprints.txt"))
}

#[test]
fn the_designating_certificate_alone_verifies() {
    let r = verified(BUNDLE, args([dr("revoker.asc"), dr("signer.asc")]), 1);
    r.lacks("sig.pgp.revoked-later");
    assert_eq!(r.rows()[0]["signer"]["primary"], fpr("signer"));
}

#[test]
fn a_compromise_revocation_by_the_designated_revoker_rejects() {
    // in either order of the files
    for files in [["revoker.asc", "signer-compromised.asc"], ["signer-compromised.asc", "revoker.asc"]] {
        let r = verify(BUNDLE, args([dr(files[0]), dr(files[1])]));
        r.code(1);
        let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
        for needle in [fpr("signer"), fpr("revoker"), "key compromised".into(), "2025-09-15".into()] {
            assert!(m.contains(&needle), "{files:?}: expected {needle:?} in {m}");
        }
        assert_eq!(r.verdicts(), ["rejected"], "{files:?}");
        r.has("sig.required", "error");
    }
}

#[test]
fn a_soft_revocation_by_the_designated_revoker_after_the_signature_is_noted() {
    let r = verified(BUNDLE, args([dr("revoker.asc"), dr("signer-superseded.asc")]), 1);
    let m = r.finding("sig.pgp.revoked-later", "info", "/signatures/pgp");
    for needle in [fpr("signer"), fpr("revoker"), "key superseded".into()] {
        assert!(m.contains(&needle), "expected {needle:?} in {m}");
    }
}

#[test]
fn a_forged_designated_revocation_is_ignored() {
    let r = verified(BUNDLE, args([dr("revoker.asc"), dr("signer-forged.asc")]), 1);
    r.lacks("sig.pgp.revoked-later");
}

#[test]
fn a_revocation_by_a_key_never_designated_is_ignored() {
    let r = verified(BUNDLE, args([dr("stranger.asc"), dr("signer-stranger.asc")]), 1);
    r.lacks("sig.pgp.revoked-later");
    assert!(!r.stderr.contains("designated revoker") && !r.stderr.contains("does not verify"), "{}", r.stderr);
}

#[test]
fn without_the_revokers_certificate_the_auditor_is_warned() {
    let r = verified(BUNDLE, args([dr("signer-compromised.asc")]), 1);
    for needle in [fpr("signer"), fpr("revoker"), "cannot be checked".into()] {
        assert!(r.stderr.contains(&needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
    // nothing to say when there is no such revocation
    let r = verified(BUNDLE, args([dr("signer.asc")]), 1);
    assert!(!r.stderr.contains("designated revoker"), "{}", r.stderr);
}

#[test]
fn a_designated_revocation_as_gpg_desig_revoke_writes_it_applies() {
    let r = verify(BUNDLE, args([dr("signer.asc"), dr("revoker.asc"), dr("compromised.desig-rev.asc")]));
    r.code(1);
    let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert!(m.contains(&fpr("revoker")) && m.contains("key compromised"), "{m}");
}

#[test]
fn more_designated_revocations_than_are_checked_stop_the_run() {
    let r = verify(BUNDLE, args([dr("revoker.asc"), dr("signer-65-forged.asc")]));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for needle in [fpr("signer"), "65 revocations".into(), "more than the 64 checked".into()] {
        assert!(r.stderr.contains(&needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn a_bare_designated_revocation_given_as_its_own_file_applies() {
    // the revocation signature alone names only its issuer, the revoker: it is checked
    // over the certificates that designate the revoker (gpg checked it against the
    // revoker's own certificate: "Bad signature", and aeb-verify up to c039020 said
    // "forged or damaged", exit 2), in either order of the files
    for files in [
        ["signer.asc", "revoker.asc", "compromised.bare-desig-rev.asc"],
        ["compromised.bare-desig-rev.asc", "revoker.asc", "signer.asc"],
    ] {
        let r = verify(BUNDLE, args([dr(files[0]), dr(files[1]), dr(files[2])]));
        r.code(1);
        let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
        for needle in [fpr("signer"), fpr("revoker"), "key compromised".into(), "2025-09-15".into()] {
            assert!(m.contains(&needle), "{files:?}: expected {needle:?} in {m}");
        }
    }
}

#[test]
fn a_bare_forged_designated_revocation_stops_the_run() {
    let r = verify(BUNDLE, args([dr("signer.asc"), dr("revoker.asc"), dr("forged.bare-desig-rev.asc")]));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for needle in ["forged.bare-desig-rev.asc", "does not verify", "is not applied"] {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn a_bare_designated_revocation_without_the_revoker_stops_the_run() {
    let r = verify(BUNDLE, args([dr("signer.asc"), dr("compromised.bare-desig-rev.asc")]));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    for needle in ["compromised.bare-desig-rev.asc", &fpr("revoker"), "no --cert gives that certificate"] {
        assert!(r.stderr.contains(needle), "expected {needle:?} in stderr: {}", r.stderr);
    }
}

#[test]
fn a_sha1_compromise_revocation_by_the_designated_revoker_rejects() {
    // sequoia judges a third party's revocation at collision resistance and dropped a
    // SHA-1 one before it was looked at (c039020: exit 0, verified, nothing said), while
    // the holder's own SHA-1 revocation rejects; gpg lists the certificate as revoked
    let r = verify(BUNDLE, args([dr("revoker.asc"), dr("signer-compromised-sha1.asc")]));
    r.code(1);
    let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    for needle in [fpr("signer"), fpr("revoker"), "key compromised".into(), "2025-09-15".into()] {
        assert!(m.contains(&needle), "expected {needle:?} in {m}");
    }
}
