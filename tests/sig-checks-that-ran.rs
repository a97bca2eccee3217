//! Attack pass 7, problem 2: a signature check that needs a supplied key is PASS only
//! when it ran, for every signature of its kind (spec 7). A signature no supplied key
//! was tried on leaves those checks SKIP with the reason, in the JSON, JUnit and
//! Markdown checklists alike; with the key the same checks PASS or FAIL as before.
//!
//! Expectations: fixtures/signatures/attack7/README.md and fixtures/signatures/CASES.md.

mod common;
use common::*;

const NO_KEY: &str = "no supplied key for this signature: not checked";

fn path(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_owned()
}

fn cert(name: &str) -> String {
    path(&format!("signatures/certs/{name}"))
}

/// The KMS key of the attack 7 fixture, bound to its key ID.
fn attack7_kms() -> String {
    format!("arn:aws:kms:eu-west-1:111122223333:key/aeb-attack7={}", path("signatures/attack7/kms-p256.pem"))
}

const MIXED: &str = "signatures/attack7/pgp-other-bytes-kms-good.json";

#[track_caller]
fn skipped_because(b: &serde_json::Value, rule: &str, why: &str) {
    let c = checklist_entry(b, rule);
    assert_eq!(c["status"], "skip", "{rule}: {c}");
    assert!(c["reason"].as_str().unwrap_or_default().contains(why), "{rule}: {c}");
}

/// The attacker's CI gate: a good KMS signature, and an OpenPGP signature over other
/// bytes whose key was not supplied. VERIFIED with a warning, as before, but no check
/// says the OpenPGP signature matches.
#[test]
fn unchecked_openpgp_signature_is_skip_in_every_checklist() {
    let kms = attack7_kms();
    let (code, b) = bundle_keyed(MIXED, &["--require-signature", "--kms-key", &kms]);
    assert_eq!(code, 0);
    assert_eq!(b["verdict"], "verified");
    assert_eq!(findings(&b, "sig.pgp.unverified")[0]["pointer"], "/signatures/pgp");
    for rule in PGP_KEYED {
        skipped_because(&b, rule, NO_KEY);
    }
    // The KMS signature was checked with its key: its checks ran and passed.
    for rule in KMS_KEYED {
        assert_status(&b, rule, "pass");
    }
    // Checks that need no key still ran on the OpenPGP signature.
    assert_status(&b, "sig.pgp.wrong-type", "pass");
    assert_status(&b, "sig.pgp.future", "pass");

    let md = report_keyed("markdown", MIXED, &["--require-signature", "--kms-key", &kms]);
    assert_eq!(md.code, 0);
    for rule in ["sig.pgp.bad", "sig.pgp.policy", "sig.pgp.key-expired", "sig.pgp.revoked", "sig.pgp.key-id-mismatch"] {
        let line = md.stdout.lines().find(|l| l.contains(&format!("(`{rule}`)"))).expect(rule);
        assert!(line.starts_with("- [-] **SKIP**") && line.contains(NO_KEY), "{line}");
    }
    let bad = md.stdout.lines().find(|l| l.contains("(`sig.pgp.bad`)")).unwrap();
    assert!(bad.contains("OpenPGP signature matches the payload"), "{bad}");

    let junit = report_keyed("junit", MIXED, &["--require-signature", "--kms-key", &kms]);
    let case = junit.stdout.split("<testcase").find(|c| c.contains("name=\"sig.pgp.bad ")).expect("a test case");
    assert!(case.contains(&format!("<skipped message=\"{NO_KEY}")), "{case}");
}

/// With the certificate, the same signature is checked, and it does not match.
#[test]
fn with_the_certificate_the_same_signature_fails() {
    let kms = attack7_kms();
    let ed = cert("ed25519.asc");
    let (code, b) = bundle_keyed(MIXED, &["--cert", &ed, "--kms-key", &kms]);
    assert_eq!(code, 1);
    assert_eq!(b["verdict"], "rejected");
    let bad = findings(&b, "sig.pgp.bad");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0]["pointer"], "/signatures/pgp");
    assert_eq!(bad[0]["severity"], "error");
    assert_status(&b, "sig.pgp.bad", "fail");
    // Checked before the cryptography, on the same key: they ran and held.
    for rule in ["sig.pgp.key-invalid", "sig.pgp.revoked", "sig.pgp.key-expired", "sig.pgp.policy"] {
        assert_status(&b, rule, "pass");
    }
    // A signature that does not verify says nothing about who made it.
    skipped_because(&b, "sig.pgp.key-id-mismatch", "rejected by an earlier check");
    let junit = report_keyed("junit", MIXED, &["--cert", &ed, "--kms-key", &kms]);
    let case = junit.stdout.split("<testcase").find(|c| c.contains("name=\"sig.pgp.bad ")).expect("a test case");
    assert!(case.contains("<failure"), "{case}");
}

/// The fixture changed after signing, integrity only: the signature was never
/// checked, so "matches the payload" is SKIP in JSON, JUnit and Markdown.
#[test]
fn tampered_bundle_without_keys_does_not_pass_the_signature() {
    let rel = "signatures/bundles/pgp-tampered-rehashed.json";
    let (code, b) = bundle_keyed(rel, &[]);
    assert_eq!(code, 0, "integrity only: unverified is a warning");
    for rule in PGP_KEYED {
        skipped_because(&b, rule, NO_KEY);
    }
    let junit = report_keyed("junit", rel, &[]);
    let case = junit.stdout.split("<testcase").find(|c| c.contains("name=\"sig.pgp.bad ")).expect("a test case");
    assert!(case.contains(&format!("<skipped message=\"{NO_KEY}")), "{case}");
    let md = report_keyed("markdown", rel, &[]);
    let line = md.stdout.lines().find(|l| l.contains("(`sig.pgp.bad`)")).unwrap();
    assert!(line.starts_with("- [-] **SKIP**") && line.contains(NO_KEY), "{line}");

    // CASES.md: with certs/ed25519.asc it is sig.pgp.bad.
    let (code, b) = bundle_keyed(rel, &["--cert", &cert("ed25519.asc")]);
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "sig.pgp.bad")[0]["pointer"], "/signatures/pgp");
    assert_status(&b, "sig.pgp.bad", "fail");
}

/// A KMS signature over other bytes, no key: none of its key checks passed.
#[test]
fn kms_signature_without_its_key_does_not_pass() {
    let rel = "signatures/bundles/kms-noncanonical.json";
    let (code, b) = bundle_keyed(rel, &[]);
    assert_eq!(code, 0);
    for rule in KMS_KEYED {
        skipped_because(&b, rule, NO_KEY);
    }
    assert_status(&b, "sig.kms.unverified", "warn");
    let junit = report_keyed("junit", rel, &[]);
    let md = report_keyed("markdown", rel, &[]);
    for rule in ["sig.kms.bad", "sig.kms.algorithm-mismatch", "sig.kms.weak-key"] {
        let case = junit.stdout.split("<testcase").find(|c| c.contains(&format!("name=\"{rule} "))).expect(rule);
        assert!(case.contains(&format!("<skipped message=\"{NO_KEY}")), "{case}");
        let line = md.stdout.lines().find(|l| l.contains(&format!("(`{rule}`)"))).expect(rule);
        assert!(line.starts_with("- [-] **SKIP**") && line.contains(NO_KEY), "{line}");
    }

    // CASES.md: with kms/p256.pem for its key ID it is sig.kms.bad; the algorithm fits
    // and the key is strong, both checked.
    let key = format!(
        "arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b={}",
        path("signatures/kms/p256.pem")
    );
    let (code, b) = bundle_keyed(rel, &["--kms-key", &key]);
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "sig.kms.bad")[0]["pointer"], "/signatures/kms");
    assert_status(&b, "sig.kms.bad", "fail");
    assert_status(&b, "sig.kms.algorithm-mismatch", "pass");
    assert_status(&b, "sig.kms.weak-key", "pass");
    skipped_because(&b, "sig.kms.key-id-unbound", "rejected by an earlier check");
}

/// Verified with their keys, every key check ran and passed.
#[test]
fn verified_signatures_pass_their_key_checks() {
    let (code, b) = bundle_keyed("signatures/bundles/pgp-ed25519.json", &["--cert", &cert("ed25519.asc")]);
    assert_eq!(code, 0);
    for rule in PGP_KEYED {
        assert_status(&b, rule, "pass");
    }
    let key = format!(
        "arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b={}",
        path("signatures/kms/p256.pem")
    );
    let (code, b) = bundle_keyed("signatures/bundles/kms-ecdsa-p256.json", &["--kms-key", &key]);
    assert_eq!(code, 0);
    for rule in KMS_KEYED {
        assert_status(&b, rule, "pass");
    }
}

/// Two OpenPGP signers, one certificate supplied: the checks ran for one signature
/// only, so they are not PASS for the bundle's OpenPGP signatures. The reason says for
/// how many they ran and which signature was not checked. With both certificates they
/// pass.
#[test]
fn checked_for_one_of_two_signatures_is_not_a_pass() {
    let rel = "signatures/bundles/pgp-two-signers.json";
    let (code, b) = bundle_keyed(rel, &["--cert", &cert("ed25519.asc")]);
    assert_eq!(code, 0);
    for rule in PGP_KEYED {
        skipped_because(&b, rule, "checked for 1 of the 2 OpenPGP signatures; not checked for /signatures/pgp/1");
    }
    let (code, b) = bundle_keyed(rel, &["--cert", &cert("ed25519.asc"), "--cert", &cert("rsa3072.asc")]);
    assert_eq!(code, 0);
    for rule in PGP_KEYED {
        assert_status(&b, rule, "pass");
    }
}

/// A key rejected for an earlier reason: the checks after it did not run.
#[test]
fn checks_after_a_rejection_are_not_passed() {
    let (code, b) = bundle_keyed("signatures/bundles/pgp-expired-key.json", &["--cert", &cert("expired.asc")]);
    assert_eq!(code, 1);
    assert_status(&b, "sig.pgp.key-expired", "fail");
    assert_eq!(findings(&b, "sig.pgp.key-expired")[0]["pointer"], "/signatures/pgp");
    assert_status(&b, "sig.pgp.revoked", "pass");
    for rule in ["sig.pgp.bad", "sig.pgp.policy", "sig.pgp.signature-expired"] {
        skipped_because(&b, rule, "rejected by an earlier check");
    }
}

/// With no `generated_at` to hold the signing time against, `sig.pgp.before-generated`
/// did not run: SKIP, never PASS. The signed fixture with its `generated_at` line taken
/// out (fixtures/signatures/CASES.md: pgp-ed25519.json verifies with certs/ed25519.asc).
#[test]
fn before_generated_is_skip_without_a_generated_at() {
    let text = std::fs::read_to_string(fixture("signatures/bundles/pgp-ed25519.json")).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("\"generated_at\"")).collect();
    assert_eq!(kept.len() + 1, text.lines().count(), "one generated_at line");
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("aeb-no-generated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("no-generated-at.json");
    std::fs::write(&p, kept.join("\n")).unwrap();
    let cert = cert("ed25519.asc");
    let r = run(&["--format", "json", "--now", NOW, "--cert", &cert, p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
    let b = &v["bundles"][0];
    assert_eq!(r.code, 1, "generated_at is required: {}", r.stdout);
    skipped_because(b, "sig.pgp.before-generated", "no RFC 3339 generated_at");
    // The fixture as published: the check ran.
    let (_, b) = bundle_keyed("signatures/bundles/pgp-ed25519.json", &["--cert", &cert]);
    assert_status(&b, "sig.pgp.before-generated", "pass");
}
