//! Issue 9 point 2: the verdict line says what was established: who signed (name and
//! e-mail from the supplied certificate, fingerprint) or that nobody did, and what the
//! remaining warnings concern. Exit codes are unchanged.

mod common;
use common::*;

fn quiet(rel: &str, extra: &[&str]) -> Run {
    let p = fixture(rel);
    let mut args = vec!["-q", "--now", NOW];
    args.extend_from_slice(extra);
    let p = p.to_str().unwrap().to_owned();
    args.push(&p);
    run(&args)
}

#[test]
fn unsigned_bundle_says_integrity_only_and_what_the_warnings_concern() {
    let r = quiet("seed-example-sealed.json", &[]);
    assert_eq!(r.code, 0);
    // The seed's own text: three record-count claims ("1 billion", "1B", "billion scale")
    // and the memory claim contradict its figures, "100% compliance" cites no metric,
    // deduped 10 > rows_removed 0, and `signatures` has no pgp or kms member.
    let expected = format!(
        "VERIFIED {}: unsigned: integrity only; 7 warnings: 1 missing signature, 1 inconsistent figure, \
         4 contradicted claims, 1 unsupported claim\n",
        fixture("seed-example-sealed.json").display()
    );
    assert_eq!(r.stdout, expected);
}

#[test]
fn signed_bundle_names_the_signer_from_the_certificate() {
    let cert = fixture("signatures/certs/ed25519.asc");
    let r = quiet("signatures/bundles/pgp-ed25519.json", &["--cert", cert.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // User ID and fingerprint as gpg listed them when the fixtures were made
    // (fixtures/signatures/certs/fingerprints.txt, make-fixtures.sh).
    let list = std::fs::read_to_string(fixture("signatures/certs/fingerprints.txt")).unwrap();
    let fpr = list.lines().find_map(|l| l.strip_prefix("ed25519 ")).unwrap().split_whitespace().next().unwrap();
    assert!(
        r.stdout.contains(&format!(": signed by AEB fixture ed25519 <ed25519@example.test> ({fpr}); ")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.starts_with("VERIFIED "));
}

#[test]
fn a_signature_nobody_supplied_a_key_for_is_not_a_signer() {
    let r = quiet("signatures/bundles/pgp-ed25519.json", &[]);
    assert!(r.stdout.contains(": 1 signature(s), none verified by a supplied key: integrity only; "), "{}", r.stdout);
    assert!(!r.stdout.contains("signed by"), "{}", r.stdout);
}

#[test]
fn rejected_line_counts_errors_by_concern() {
    let r = quiet("seed-example.json", &[]);
    assert_eq!(r.code, 1);
    // The unsealed seed: sha256 is "..." (integrity.hash-not-filled, alone: contract
    // section 2) and the schema_hash and recipe_hash placeholders break the schema.
    assert!(
        r.stdout.starts_with(&format!(
            "REJECTED {}: unsigned: integrity only; 3 errors: 1 integrity problem, 2 schema violations; 7 warnings",
            fixture("seed-example.json").display()
        )),
        "{}",
        r.stdout
    );
}
