//! A certificate flooded with what anyone can append without its key (user IDs, copies
//! of the primary key, signatures that verify nowhere) is refused before sequoia sorts
//! its signatures: that sort tries each signature that belongs nowhere on every
//! component, the square of the flood (1,000 user IDs took 1.5 s, the 4 MiB a key file
//! may hold about ten minutes). A flood that costs only its size is read. Fixtures and
//! expectations: fixtures/signatures/flooded/README.md.

mod sigcommon;
use sigcommon::*;

const BUNDLE: &str = "bundles/pgp-ed25519.json";

fn flooded(name: &str) -> Vec<String> {
    vec!["--cert".into(), fx(&format!("flooded/{name}"))]
}

#[test]
fn user_ids_each_with_a_signature_that_belongs_nowhere_are_refused() {
    let r = verify(BUNDLE, flooded("ed25519-plus-1000-uids.gpg"));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    let fpr = primary("ed25519");
    for want in [
        "ed25519-plus-1000-uids.gpg",
        &format!("certificate {fpr}: 1001 signatures over 1002 components"),
        "more than the 128 MiB one --cert file may take",
        &format!("gpg --export-options export-minimal --export {fpr}"),
    ] {
        assert!(r.stderr.contains(want), "{want:?} not in {}", r.stderr);
    }
    assert!(!r.stderr.contains("not an OpenPGP certificate"), "{}", r.stderr);
}

#[test]
fn copies_each_with_a_signature_that_belongs_nowhere_are_refused_before_merging() {
    let r = verify(BUNDLE, flooded("ed25519-plus-300-copies.gpg"));
    r.code(2);
    assert!(r.stdout.is_empty(), "no report: {}", r.stdout);
    let want = format!("the 301 copies of certificate {}: 300 signatures", primary("ed25519"));
    assert!(r.stderr.contains(&want) && r.stderr.contains("merging them"), "{want:?} not in {}", r.stderr);
}

#[test]
fn signatures_that_belong_nowhere_on_one_user_id_are_read() {
    // Each is tried on the primary key and the one user ID: a cost of its size, under
    // the bound. The certificate's own self-signature still names the signer.
    let r = verified(BUNDLE, flooded("ed25519-plus-4000-sigs.gpg"), 1);
    let by = r.json()["bundles"][0]["established"].as_str().unwrap_or("").to_owned();
    assert!(by.contains("AEB fixture ed25519") && by.contains(&primary("ed25519")), "{by}");
}

#[test]
fn the_fixture_certificates_are_far_below_the_bound() {
    // The bound refuses floods, not certificates: every fixture certificate still loads.
    for name in ["keyring.asc", "rsa3072.gpg", "subkey.asc", "uids.asc", "revoked-compromised-two-copies.gpg"] {
        let keys = aeb_verify::inputs::keys::load(&[fx(&format!("certs/{name}"))], &[] as &[&str]);
        assert!(keys.is_ok(), "{name}: {:?}", keys.err());
    }
}

/// The budget is the file's, not each certificate's: two flooded certificates that each
/// fit it alone do not fit it together, whichever comes first. This also holds the
/// weighing to how sequoia 2 calls its certificate filter (twice a certificate, before
/// and after sorting; only the first call is charged): a sequoia that called it once
/// would leave every second certificate uncharged, and this keyring would load.
#[test]
fn two_flooded_certificates_in_one_file_share_its_budget() {
    // each alone loads: the ed25519 one verifies its bundle
    verified(BUNDLE, flooded("ed25519-plus-420-uids.gpg"), 1);
    let alone = aeb_verify::inputs::keys::load(&[fx("flooded/stranger-plus-420-uids.gpg")], &[] as &[&str]);
    assert!(alone.is_ok(), "{:?}", alone.err());
    let dir = scratch("flooded-two");
    let read = |name: &str| std::fs::read(fx(&format!("flooded/{name}"))).expect("fixture");
    let (ed, stranger) = (read("ed25519-plus-420-uids.gpg"), read("stranger-plus-420-uids.gpg"));
    for (file, bytes, second) in [
        ("ed25519-then-stranger.gpg", [ed.clone(), stranger.clone()].concat(), "stranger"),
        ("stranger-then-ed25519.gpg", [stranger, ed].concat(), "ed25519"),
    ] {
        let path = dir.join(file);
        std::fs::write(&path, bytes).expect("write");
        let r = verify(BUNDLE, ["--cert".to_owned(), path.display().to_string()]);
        r.code(2);
        let want = format!("certificate {}: 421 signatures over 422 components", primary(second));
        assert!(r.stderr.contains(&want) && r.stderr.contains(file), "{want:?} not in {}", r.stderr);
    }
}
