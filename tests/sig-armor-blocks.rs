//! A `signature` string, or a `--cert` revocation file, holding several armored blocks:
//! every block is read, as gpg reads them, never only the first. Expectations (checked
//! against gpgv and gpg by the script that makes them):
//! fixtures/signatures/armor-blocks/README.md.

mod sigcommon;
use sigcommon::*;

fn ab(name: &str) -> String {
    fx(&format!("armor-blocks/{name}"))
}

fn cert_ab(name: &str) -> [String; 2] {
    ["--cert".into(), ab(name)]
}

/// A primary fingerprint from armor-blocks/fingerprints.txt (as gpg lists it).
fn fpr(name: &str) -> String {
    let text = std::fs::read_to_string(ab("fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .unwrap_or_else(|| panic!("{name} in fingerprints.txt"))
        .trim()
        .to_owned()
}

#[test]
fn a_bad_block_after_a_good_one_is_checked_and_rejects() {
    let r = verify("armor-blocks/good-then-other-bytes.json", args([cert_ab("signer.asc")]));
    r.code(1);
    let m = r.finding("sig.pgp.bad", "error", "/signatures/pgp");
    assert!(m.contains(&fpr("blocks")), "{m}");
    assert_eq!(r.verdicts(), ["verified", "rejected"], "{:?}", r.rows());
}

#[test]
fn the_good_block_twice_verifies_both() {
    let r = verified("armor-blocks/good-twice.json", args([cert_ab("signer.asc")]), 2);
    for row in r.rows() {
        assert_eq!(row["signer"]["primary"].as_str(), Some(fpr("blocks").as_str()), "{row}");
    }
    // Each row names its signature within its own block: each block holds one (README.md).
    // The rows read "signature 1 of the block" and "signature 2 of the block", as if one
    // block held both.
    let forms: Vec<String> = r.rows().iter().map(|row| row["form"].as_str().unwrap_or("").to_owned()).collect();
    assert_eq!(forms, ["object (signature 1 of block 1 of 2)", "object (signature 1 of block 2 of 2)"]);
}

#[test]
fn every_revocation_of_a_file_applies() {
    let r = verify(
        "armor-blocks/revoked-signed.json",
        args([cert_ab("revoked.asc"), cert_ab("other.asc"), cert_ab("two-revocations.asc")]),
    );
    r.code(1);
    let m = r.finding("sig.pgp.revoked", "error", "/signatures/pgp");
    assert!(m.contains(&fpr("revoked")) && m.contains("key compromised") && m.contains("2025-09-15"), "{m}");
    assert_eq!(r.verdicts(), ["rejected"]);
}

#[test]
fn without_the_revocations_the_signature_is_good() {
    verified("armor-blocks/revoked-signed.json", args([cert_ab("revoked.asc"), cert_ab("other.asc")]), 1);
}
