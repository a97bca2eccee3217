//! The signer's name comes only from user IDs its certificate validly binds: a bare
//! user ID packet anyone appended, or one the owner revoked, is never shown, in the
//! verdict, the record or any format; the primary user ID comes first; a certificate
//! with no valid user ID is named by its fingerprint, and the report says so
//! (CASES.md: `certs/ed25519-plus-unbound-uid.gpg`, `bundles/pgp-uid-revoked.json`).

mod sigcommon;
use sigcommon::*;

const ED25519_UID: &str = "AEB fixture ed25519 <ed25519@example.test>";
const UNBOUND_UID: &str = "A Bank Security Team <security@bank.example>";
const UIDS_PRIMARY: &str = "AEB fixture uids <uids@example.test>";
const UIDS_SECOND: &str = "A1 Second Name <second@example.test>";
const UIDS_REVOKED: &str = "A Former Employer Inc <former@example.test>";

/// The run in every format: the text of each, for names that must not appear.
fn all_formats(bundle: &str, cert_file: &str) -> Vec<(String, String)> {
    ["human", "json", "markdown", "junit", "html", "sarif"]
        .iter()
        .map(|f| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
                .args(["--format", f, "--now", NOW, "--cert", &fx(&format!("certs/{cert_file}")), &fx(bundle)])
                .output()
                .expect("run");
            assert_eq!(out.status.code(), Some(0), "{f}: {}", String::from_utf8_lossy(&out.stdout));
            (f.to_string(), String::from_utf8_lossy(&out.stdout).into_owned())
        })
        .collect()
}

fn quiet(bundle: &str, extra: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["-q", "--now", NOW])
        .args(extra)
        .arg(bundle)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_appended_user_id_without_self_signature_is_never_the_signers_name() {
    let fpr = primary("ed25519");
    let pin = ["--signer".to_owned(), fpr.clone()];
    let r =
        verified("bundles/pgp-ed25519.json", [cert("ed25519-plus-unbound-uid.gpg").to_vec(), pin.to_vec()].concat(), 1);
    let b = &r.json()["bundles"][0];
    assert_eq!(b["verdict"], "verified");
    let established = b["established"].as_str().unwrap();
    assert!(established.starts_with(&format!("signed by \"{ED25519_UID}\" ({fpr});")), "{established}");
    assert_eq!(r.json()["record"]["keys"][0]["user_ids"], serde_json::json!([ED25519_UID]));

    let line = quiet(
        &fx("bundles/pgp-ed25519.json"),
        &["--signer", &fpr, "--cert", &fx("certs/ed25519-plus-unbound-uid.gpg")],
    );
    assert!(line.starts_with("VERIFIED "), "{line}");
    assert!(line.contains(&format!(": signed by \"{ED25519_UID}\" ({fpr}); ")), "{line}");
    for (format, text) in all_formats("bundles/pgp-ed25519.json", "ed25519-plus-unbound-uid.gpg") {
        assert!(!text.contains("Bank Security"), "{format} shows the unbound user ID {UNBOUND_UID:?}");
        assert!(text.contains("AEB fixture ed25519"), "{format} lacks the signer's name");
    }
}

#[test]
fn a_revoked_user_id_is_never_shown_and_the_primary_comes_first() {
    let fpr = primary("uids");
    let r = verified("bundles/pgp-uid-revoked.json", args([cert("uids.asc")]), 1);
    let established = r.json()["bundles"][0]["established"].as_str().unwrap().to_owned();
    assert!(established.starts_with(&format!("signed by \"{UIDS_PRIMARY}\" ({fpr});")), "{established}");
    // Both valid names, the primary first although "A1" sorts before "AEB"; not the revoked one.
    assert_eq!(r.json()["record"]["keys"][0]["user_ids"], serde_json::json!([UIDS_PRIMARY, UIDS_SECOND]));
    let line = quiet(&fx("bundles/pgp-uid-revoked.json"), &["--cert", &fx("certs/uids.asc")]);
    assert!(line.contains(&format!(": signed by \"{UIDS_PRIMARY}\" ({fpr}); ")), "{line}");
    for (format, text) in all_formats("bundles/pgp-uid-revoked.json", "uids.asc") {
        assert!(!text.contains("Former Employer"), "{format} shows the revoked user ID {UIDS_REVOKED:?}");
        assert!(text.contains("AEB fixture uids"), "{format} lacks the signer's name");
    }
}

/// A certificate whose only user ID is a bare packet (its primary key bound by a
/// direct-key signature, as sequoia makes a certificate without user IDs): the verdict
/// names the fingerprint and says there is no valid user ID. gpg cannot make such a
/// certificate, so sequoia makes it here, and signs the fixture payload with it.
#[test]
fn a_certificate_with_no_valid_user_id_is_named_by_its_fingerprint() {
    use openpgp::cert::CertBuilder;
    use openpgp::serialize::stream::{Armorer, Message, Signer};
    use openpgp::serialize::Serialize as _;
    use sequoia_openpgp as openpgp;
    use std::io::Write as _;
    use std::time::{Duration, SystemTime};

    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_748_736_000); // 2025-06-01
    let t1 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_754_829_000); // 2025-08-10T12:30Z
    let (cert, _) = CertBuilder::new()
        .set_creation_time(t0)
        .set_primary_key_flags(openpgp::types::KeyFlags::empty().set_signing().set_certification())
        .generate()
        .unwrap();
    let cert = cert.insert_packets(openpgp::packet::UserID::from(UNBOUND_UID)).unwrap().0;
    assert_eq!(cert.userids().count(), 1);
    let policy = openpgp::policy::StandardPolicy::new();
    let signer = cert.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
    let payload = std::fs::read(fx("payload.jcs")).unwrap();
    let mut armored = Vec::new();
    {
        let m = Armorer::new(Message::new(&mut armored)).kind(openpgp::armor::Kind::Signature).build().unwrap();
        let mut s = Signer::new(m, signer).unwrap().detached().creation_time(t1).build().unwrap();
        s.write_all(&payload).unwrap();
        s.finalize().unwrap();
    }
    assert!(cert.with_policy(&policy, t1).is_ok());
    let fpr = cert.fingerprint().to_hex();
    let sig = serde_json::to_string(&String::from_utf8(armored).unwrap()).unwrap();
    let bundle = bundle_with(
        "no-valid-uid.json",
        &format!(r#"{{"sha256": "SHA", "pgp": {{"key_id": "{fpr}", "signature": {sig}}}}}"#),
    );
    let mut public = Vec::new();
    cert.serialize(&mut public).unwrap();
    let cert_file = format!("{bundle}.cert.gpg");
    std::fs::write(&cert_file, public).unwrap();

    let line = quiet(&bundle, &["--cert", &cert_file]);
    assert!(
        line.contains(&format!(": signed by certificate {fpr} (the certificate has no valid user ID); ")),
        "{line}"
    );
    let r = run(&bundle, &["--cert", &cert_file]);
    r.code(0);
    assert_eq!(r.json()["record"]["keys"][0]["user_ids"], serde_json::json!([]));
    assert!(!r.stdout.contains("Bank Security"), "{}", r.stdout);
    let human = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--now", NOW, "--cert", &cert_file, &bundle])
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains("no valid user ID") && !human.contains("Bank Security"), "{human}");
}
