//! Attack pass 7, problem 13: a user ID is the key holder's text, and a verdict quotes
//! it as a JSON string literal, as it quotes a KMS key_id the bundle claims (spec 3.1,
//! 3.6). A user ID written "A <a@x> (FPR) and B <b@y>" then cannot read as two signers.
//! Fixture: fixtures/signatures/attack7 (make.sh, gpg), README.md there.

mod common;
use common::*;

const NAME: &str = "Acme Bank Release Signing <release@acme-bank.example> \
                    (0D1E2F3A4B5C6D7E8F9000112233445566778899) and Mallory Data Co <m@mallory.example>";
const BUNDLE: &str = "signatures/attack7/uid-reads-as-two-signers.json";
const CERT: &str = "signatures/attack7/uid-reads-as-two-signers.asc";

fn args<'a>(format: &'a str, extra: &[&'a str], cert: &'a str, bundle: &'a str) -> Vec<&'a str> {
    let mut a = vec!["--format", format, "--now", NOW, "--require-signature", "--cert", cert];
    a.extend_from_slice(extra);
    a.push(bundle);
    a
}

/// The signer's fingerprint: the key_id the bundle names (the key gpg made).
fn fpr() -> String {
    let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture(BUNDLE)).unwrap()).unwrap();
    b["signatures"]["pgp"]["key_id"].as_str().unwrap().to_owned()
}

#[test]
fn a_user_id_that_reads_as_two_signers_is_quoted_in_every_format() {
    let (cert, bundle) = (fixture(CERT), fixture(BUNDLE));
    let (cert, bundle) = (cert.to_str().unwrap(), bundle.to_str().unwrap());
    let fpr = fpr();
    let quoted = format!("\"{NAME}\" ({fpr})");

    let r = run(&args("human", &["-q"], cert, bundle));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("VERIFIED "), "{}", r.stdout);
    assert!(r.stdout.contains(&format!(": signed by {quoted}; ")), "{}", r.stdout);
    assert!(!r.stdout.contains("signed by Acme"), "{}", r.stdout);

    let r = run(&args("json", &[], cert, bundle));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let established = v["bundles"][0]["established"].as_str().unwrap();
    assert!(established.starts_with(&format!("signed by {quoted};")), "{established}");
    // The record's structured list keeps the user ID as it is.
    assert_eq!(v["record"]["keys"][0]["user_ids"], serde_json::json!([NAME]));

    let md = run(&args("markdown", &[], cert, bundle)).stdout;
    // Markdown escapes the angle brackets and shows each address as code (no mailto link).
    let md_name = NAME.replace('<', "\\<`").replace('>', "`\\>");
    let verdict = md.lines().find(|l| l.starts_with("**Verdict:")).unwrap();
    assert!(verdict.contains(&format!("signed by \"{md_name}\" ({fpr})")), "{verdict}");
    let key = md.lines().find(|l| l.starts_with("| key ")).unwrap();
    assert!(key.contains(&format!("\"{md_name}\"")), "{key}");

    let human = run(&args("human", &[], cert, bundle)).stdout;
    assert!(human.contains("\"Acme Bank Release Signing"), "{human}");
    assert!(!human.contains("signed by Acme"), "{human}");

    // One signer, as --min-signers 2 says: rejected at /signatures. A second key is
    // supplied (it did not sign): with one key, --min-signers 2 stops the run (exit 2).
    let stranger = fixture("signatures/certs/stranger.asc");
    let r = run(&args("json", &["--min-signers", "2", "--cert", stranger.to_str().unwrap()], cert, bundle));
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let f = findings(&v["bundles"][0], "sig.min-signers");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["pointer"], "/signatures");
    assert_eq!(f[0]["severity"], "error");
    let established = v["bundles"][0]["established"].as_str().unwrap();
    assert!(established.starts_with(&format!("signed by {quoted};")), "{established}");
}

/// A quote in a user ID is escaped: it cannot close the quote and go on as the line.
#[test]
fn a_quote_in_a_user_id_cannot_close_it() {
    let q = aeb_verify::text::quote_user_id("A <a@x>\" (0D1E) and \"B <b@y>");
    assert_eq!(q, r#""A <a@x>\" (0D1E) and \"B <b@y>""#);
    let long = "x".repeat(aeb_verify::text::USER_ID_QUOTE_MAX + 10);
    assert!(aeb_verify::text::quote_user_id(&long).ends_with("\"…"));
}
