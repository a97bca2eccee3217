//! The signature checks that need no key are PASS only when they ran (spec 7), as the
//! key checks are (tests/sig-checks-that-ran.rs): a signature member whose armor holds no
//! OpenPGP signature packet, or whose KMS signature cannot be decoded, leaves the checks
//! of a signature (type, dates, signer among the supplied keys) SKIP with the reason,
//! never PASS; the check that found the garbage FAILs. The human, JSON, JUnit and
//! Markdown checklists say the same.
//!
//! Expectations: fixtures/signatures/unparsed/README.md (and ../CASES.md for the good
//! fixtures).

mod common;
use common::*;

/// The OpenPGP checks that need a signature packet but no key.
const PGP_PER_PACKET: [&str; 4] =
    ["sig.pgp.wrong-type", "sig.pgp.future", "sig.pgp.before-generated", "sig.pgp.unverified"];
/// The OpenPGP checks on the entry's text: they ran on the garbage too.
const PGP_ON_TEXT: [&str; 4] =
    ["sig.pgp.key-id-missing", "sig.pgp.key-id-invalid", "sig.pgp.long-key-id", "sig.pgp.not-a-signature"];

const NO_PACKET: &str = "no OpenPGP signature packet could be parsed: not checked";
const NO_KMS_SIGNATURE: &str = "no KMS signature could be read from the entry: not checked";

const GARBAGE_PGP: &str = "signatures/unparsed/pgp-garbage-armor.json";
const GARBAGE_KMS: &str = "signatures/unparsed/kms-garbage-signature.json";
const GOOD_AND_GARBAGE: &str = "signatures/unparsed/pgp-good-and-garbage.json";

const P256_ARN: &str = "arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";

fn path(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_owned()
}

fn ed25519() -> String {
    path("signatures/certs/ed25519.asc")
}

fn p256_key() -> String {
    format!("{P256_ARN}={}", path("signatures/kms/p256.pem"))
}

#[track_caller]
fn skipped_because(b: &serde_json::Value, rule: &str, why: &str) {
    let c = checklist_entry(b, rule);
    assert_eq!(c["status"], "skip", "{rule}: {c}");
    assert_eq!(c["reason"], why, "{rule}: {c}");
}

#[track_caller]
fn one_error_at(b: &serde_json::Value, rule: &str, pointer: &str) {
    let f = findings(b, rule);
    assert_eq!(f.len(), 1, "{rule}: {f:?}");
    assert_eq!(f[0]["pointer"], pointer);
    assert_eq!(f[0]["severity"], "error");
}

/// Garbage between the armor lines: the parse check FAILs, the checks of a signature
/// never ran (SKIP with the reason), with or without the certificate its key_id names.
#[test]
fn garbage_armor_leaves_the_packet_checks_skip() {
    let cert = ed25519();
    for keys in [vec![], vec!["--cert", cert.as_str()]] {
        let (code, b) = bundle_keyed(GARBAGE_PGP, &keys);
        assert_eq!(code, 1, "{keys:?}");
        assert_eq!(b["verdict"], "rejected");
        one_error_at(&b, "sig.pgp.malformed", "/signatures/pgp");
        assert_status(&b, "sig.pgp.malformed", "fail");
        for rule in PGP_PER_PACKET.iter().chain(&PGP_KEYED) {
            skipped_because(&b, rule, NO_PACKET);
        }
        for rule in PGP_ON_TEXT {
            assert_status(&b, rule, "pass");
        }
        skipped_because(&b, "sig.same-key", "no signature verified against a supplied key: not checked");
    }
}

/// A KMS entry whose signature is not base64: the decoding check FAILs, the algorithm
/// name was read (PASS), the rest never ran.
#[test]
fn undecodable_kms_signature_leaves_its_checks_skip() {
    let key = p256_key();
    for keys in [vec![], vec!["--kms-key", key.as_str()]] {
        let (code, b) = bundle_keyed(GARBAGE_KMS, &keys);
        assert_eq!(code, 1, "{keys:?}");
        one_error_at(&b, "sig.kms.malformed", "/signatures/kms");
        assert_status(&b, "sig.kms.malformed", "fail");
        assert_status(&b, "sig.kms.unknown-algorithm", "pass");
        skipped_because(&b, "sig.kms.unverified", NO_KMS_SIGNATURE);
        for rule in KMS_KEYED {
            skipped_because(&b, rule, NO_KMS_SIGNATURE);
        }
    }
}

/// One good signature and one garbage entry: the checks ran for one of the two, which
/// is no pass for the other.
#[test]
fn one_parsed_signature_of_two_is_not_a_pass() {
    let cert = ed25519();
    let (code, b) = bundle_keyed(GOOD_AND_GARBAGE, &["--cert", &cert]);
    assert_eq!(code, 1);
    one_error_at(&b, "sig.pgp.malformed", "/signatures/pgp/1");
    assert_eq!(b["signatures"][0]["verdict"], "verified", "{}", b["signatures"]);
    let partial = "checked for 1 of the 2 OpenPGP signatures; not checked for /signatures/pgp/1 (no OpenPGP \
                   signature packet could be parsed)";
    for rule in PGP_PER_PACKET.iter().chain(&PGP_KEYED) {
        skipped_because(&b, rule, partial);
    }
    for rule in PGP_ON_TEXT {
        assert_status(&b, rule, "pass");
    }
}

/// Signatures that parse and verify: every check of their kind ran and PASSes.
#[test]
fn good_signatures_still_pass_every_check() {
    let cert = ed25519();
    let (code, b) = bundle_keyed("signatures/bundles/pgp-ed25519.json", &["--cert", &cert]);
    assert_eq!(code, 0);
    for rule in PGP_ON_TEXT.iter().chain(&PGP_PER_PACKET).chain(&PGP_KEYED).chain(&["sig.pgp.malformed"]) {
        assert_status(&b, rule, "pass");
    }
    assert_status(&b, "sig.same-key", "pass");
    let key = p256_key();
    let (code, b) = bundle_keyed("signatures/bundles/kms-ecdsa-p256.json", &["--kms-key", &key]);
    assert_eq!(code, 0);
    for rule in KMS_KEYED.iter().chain(&["sig.kms.malformed", "sig.kms.unknown-algorithm", "sig.kms.unverified"]) {
        assert_status(&b, rule, "pass");
    }
    // Without keys the checks of the signature itself ran; the key checks did not.
    let (_, b) = bundle_keyed("signatures/bundles/pgp-ed25519.json", &[]);
    for rule in ["sig.pgp.wrong-type", "sig.pgp.future", "sig.pgp.before-generated"] {
        assert_status(&b, rule, "pass");
    }
    assert_status(&b, "sig.pgp.unverified", "warn");
}

/// Each rule's status in the human `--verbose` checklist: its entries start with the
/// status in column 3 and continue on lines indented by 8.
fn human_statuses(text: &str) -> Vec<(String, String)> {
    let mut entries: Vec<String> = Vec::new();
    for line in text.lines() {
        let is_entry = ["PASS", "FAIL", "SKIP", "WARN", "INFO"].iter().any(|s| line.starts_with(&format!("  {s}  ")));
        if is_entry {
            entries.push(line.trim().to_owned());
        } else if line.starts_with("        ") {
            if let Some(last) = entries.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        }
    }
    entries.into_iter().map(|e| (e.get(..4).unwrap_or_default().to_ascii_lowercase(), e)).collect()
}

/// JSON, human, JUnit and Markdown give each signature check the same status, and a
/// skipped check the same reason.
#[test]
fn every_format_says_the_same() {
    let cert = ed25519();
    let key = p256_key();
    for (rel, keys) in [
        (GARBAGE_PGP, vec!["--cert", cert.as_str()]),
        (GARBAGE_KMS, vec!["--kms-key", key.as_str()]),
        (GOOD_AND_GARBAGE, vec!["--cert", cert.as_str()]),
    ] {
        let (_, b) = bundle_keyed(rel, &keys);
        let mut verbose = keys.clone();
        verbose.push("--verbose");
        let human = human_statuses(&report_keyed("human", rel, &verbose).stdout);
        let junit = report_keyed("junit", rel, &keys).stdout;
        let md = report_keyed("markdown", rel, &keys).stdout;
        let mut compared = 0;
        for c in b["checks"].as_array().unwrap().iter().filter(|c| c["rule"].as_str().unwrap().starts_with("sig.")) {
            let rule = c["rule"].as_str().unwrap();
            let want = c["status"].as_str().unwrap();
            let reason = c["reason"].as_str().unwrap_or_default();

            let (h, entry) = human
                .iter()
                .find(|(_, e)| e.contains(&format!("({rule})")))
                .unwrap_or_else(|| panic!("{rule} in the human checklist"));
            assert_eq!(h, want, "{rel} human {entry}");

            let line = md.lines().find(|l| l.contains(&format!("(`{rule}`)"))).unwrap_or_else(|| panic!("{rule}"));
            assert!(line.starts_with("- ["), "{line}");
            assert!(line.contains(&format!("**{}**", want.to_ascii_uppercase())), "{rel} markdown {line}");

            let case = junit
                .split("<testcase")
                .find(|t| t.contains(&format!("name=\"{rule} (")))
                .unwrap_or_else(|| panic!("{rule} in JUnit"));
            let case = case.split("</testsuite>").next().unwrap_or(case);
            match want {
                "fail" => assert!(case.contains("<failure"), "{rel} junit {case}"),
                "skip" => assert!(case.contains("<skipped message="), "{rel} junit {case}"),
                "pass" => assert!(!case.contains("<failure") && !case.contains("<skipped"), "{rel} junit {case}"),
                _ => {}
            }
            if want == "skip" {
                assert!(entry.contains(reason), "{rel} human {entry} lacks {reason}");
                assert!(line.contains(reason), "{rel} markdown {line} lacks {reason}");
                assert!(case.contains(&format!("<skipped message=\"{reason}\"")), "{rel} junit {case}");
            }
            compared += 1;
        }
        assert_eq!(compared, 31, "{rel}: every signature rule compared");
    }
}

/// 40 entries of garbage, past the default --max-signatures (32): the 32 examined are
/// each a malformed finding, the rest are sig.too-many, and no check of the kind is PASS,
/// since some signatures were never examined.
#[test]
fn garbage_past_the_signature_limit_is_neither_pass_nor_unbounded() {
    let (code, b) = bundle_keyed("signatures/unparsed/pgp-many-garbage.json", &[]);
    assert_eq!(code, 1);
    let malformed = findings(&b, "sig.pgp.malformed");
    assert_eq!(malformed.len(), 32, "one per examined entry");
    assert_eq!(malformed[31]["pointer"], "/signatures/pgp/31");
    one_error_at(&b, "sig.too-many", "/signatures");
    let past = "; those past --max-signatures were not examined (sig.too-many)";
    for rule in PGP_ON_TEXT {
        skipped_because(&b, rule, &format!("checked for the 32 OpenPGP signature(s) examined{past}"));
    }
    for rule in PGP_PER_PACKET.iter().chain(&PGP_KEYED) {
        skipped_because(
            &b,
            rule,
            &format!(
                "no OpenPGP signature packet could be parsed, for any of the 32 OpenPGP signatures: not checked{past}"
            ),
        );
    }
}

/// One good signature and 40 of garbage, all examined (--max-signatures 100): the
/// reason lists three of the signatures not checked and counts the rest, whatever
/// their number.
#[test]
fn many_unchecked_signatures_make_a_short_reason() {
    let cert = ed25519();
    let (code, b) = bundle_keyed(
        "signatures/unparsed/pgp-good-and-many-garbage.json",
        &["--cert", &cert, "--max-signatures", "100"],
    );
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "sig.pgp.malformed").len(), 40);
    let no = "(no OpenPGP signature packet could be parsed)";
    let want = format!(
        "checked for 1 of the 41 OpenPGP signatures; not checked for /signatures/pgp/1 {no}, /signatures/pgp/2 {no}, \
         /signatures/pgp/3 {no}, and 37 more"
    );
    for rule in PGP_PER_PACKET.iter().chain(&PGP_KEYED) {
        skipped_because(&b, rule, &want);
    }
}

/// A KMS entry that is not an object (sig.form) beside a good one: the checks ran for
/// one of the two entries, so none is PASS.
#[test]
fn an_entry_refused_by_its_form_is_not_a_pass_for_the_kind() {
    let key = p256_key();
    let (code, b) = bundle_keyed("signatures/unparsed/kms-good-and-not-an-object.json", &["--kms-key", &key]);
    assert_eq!(code, 1);
    one_error_at(&b, "sig.form", "/signatures/kms/1");
    assert_eq!(b["signatures"][0]["verdict"], "verified");
    let want = "checked for 1 of the 2 KMS signatures; not checked for /signatures/kms/1 (not a usable entry, see \
                sig.form)";
    for rule in KMS_KEYED.iter().chain(&["sig.kms.malformed", "sig.kms.unknown-algorithm", "sig.kms.unverified"]) {
        skipped_because(&b, rule, want);
    }
}

/// Armor headers and body carrying terminal controls and a right-to-left override: the
/// entry is malformed, its checks are SKIP, and no format prints a control character or
/// the override raw.
#[test]
fn hostile_armor_is_malformed_and_never_printed_raw() {
    let rel = "signatures/unparsed/pgp-hostile-armor.json";
    let (code, b) = bundle_keyed(rel, &[]);
    assert_eq!(code, 1);
    one_error_at(&b, "sig.pgp.malformed", "/signatures/pgp");
    for rule in PGP_PER_PACKET.iter().chain(&PGP_KEYED) {
        skipped_because(&b, rule, NO_PACKET);
    }
    for format in ["human", "json", "junit", "markdown", "sarif", "html"] {
        let r = report_keyed(format, rel, &["--verbose"]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        let raw: Vec<u8> = r.raw.iter().copied().filter(|c| *c < 0x20 && !b"\n\r\t".contains(c)).collect();
        assert!(raw.is_empty(), "{format} prints control bytes {raw:?}");
        assert!(!r.stdout.contains('\u{202e}'), "{format} prints the right-to-left override");
        assert!(!r.stderr.contains('\u{1b}'), "{format} stderr");
    }
}

/// Five good pure Ed25519 signatures: four are verified, the fifth is past the per-bundle
/// bound of Ed25519 verifications (sig.too-many at its pointer). The checks it was not
/// put through are SKIP as not checked for that reason, not as "rejected".
#[test]
fn a_signature_past_the_verification_bound_is_skip_for_that_reason() {
    let gcp_ed = "projects/aeb-demo/locations/europe-west1/keyRings/evidence/cryptoKeys/ed25519/cryptoKeyVersions/1";
    let key = format!("{gcp_ed}={}", path("signatures/kms/ed25519.pem"));
    let (code, b) = bundle_keyed("signatures/unparsed/kms-five-ed25519.json", &["--kms-key", &key]);
    assert_eq!(code, 1);
    one_error_at(&b, "sig.too-many", "/signatures/kms/4");
    let verdicts: Vec<&str> =
        b["signatures"].as_array().unwrap().iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["verified", "verified", "verified", "verified", "unverified"]);
    let want = "checked for 4 of the 5 KMS signatures; not checked for /signatures/kms/4 (past the per-bundle bound \
                of such verifications, see sig.too-many)";
    for rule in ["sig.kms.bad", "sig.kms.key-id-unbound"] {
        skipped_because(&b, rule, want);
    }
    // Run for all five before the bound: the key fits and is strong, and was supplied.
    for rule in ["sig.kms.algorithm-mismatch", "sig.kms.weak-key", "sig.kms.unverified", "sig.kms.malformed"] {
        assert_status(&b, rule, "pass");
    }
}
