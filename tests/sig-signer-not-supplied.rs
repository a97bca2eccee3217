//! A signature by a key the auditor did not supply is unverified: a warning; fatal
//! when a signature is required, which supplying any key implies
//! (--no-require-signature keeps it a warning).

mod sigcommon;
use sigcommon::*;

#[test]
fn unknown_signer_is_a_warning_when_keys_do_not_demand_a_signature() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--no-require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a);
    r.code(0);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    assert_eq!(r.verdicts(), ["unverified"]);
}

#[test]
fn unknown_signer_with_a_supplied_key_rejects() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    r.finding("sig.required", "error", "/signatures");
}

#[test]
fn unknown_signer_with_no_certs_at_all() {
    let r = verify("bundles/pgp-ed25519.json", Vec::<String>::new());
    r.code(0);
    r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
}

#[test]
fn unknown_signer_under_require_signature_rejects() {
    let mut a = args([cert("ed25519.asc")]);
    a.push("--require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a);
    r.code(1);
    r.finding("sig.required", "error", "/signatures");
}

#[test]
fn the_signer_certificate_makes_it_verify() {
    let r = verify("bundles/pgp-signer-not-supplied.json", args([cert("stranger.asc")]));
    r.code(0);
    assert_eq!(r.verdicts(), ["verified"]);
    assert_eq!(r.rows()[0]["issuer"], primary("stranger"));
}

/// The issuer of a signature nobody verified is the signature's own claim (its issuer
/// subpacket, written by whoever made it): the reports label it so, never "made by".
/// Verified, the same field is the key that verified, and says "made by".
#[test]
fn an_unverified_issuer_is_labelled_a_claim() {
    let stranger = primary("stranger");
    let mut a = args([cert("ed25519.asc")]);
    a.push("--no-require-signature".into());
    let r = verify("bundles/pgp-signer-not-supplied.json", a.clone());
    r.code(0);
    let row = &r.rows()[0];
    assert_eq!(row["verdict"], "unverified");
    assert_eq!(row["issuer"], stranger.as_str());
    assert_eq!(row["issuer_verified"], false);
    let m = r.finding("sig.pgp.unverified", "warning", "/signatures/pgp");
    assert_eq!(
        m,
        format!(
            "no supplied certificate holds the key the signature claims as its issuer, {stranger} (unverified: \
             whoever made the signature wrote that claim)"
        )
    );

    let text = |format: &str, a: &[String]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
            .args(["--format", format, "--now", NOW, "--color", "never"])
            .env("COLUMNS", "200")
            .args(a)
            .arg(fx("bundles/pgp-signer-not-supplied.json"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let human = text("human", &a);
    assert!(human.contains(&format!("issuer    {stranger} (the signature's claim, unverified)")), "{human}");
    assert!(!human.contains("made by"), "{human}");
    assert!(!human.contains("the signing key"), "{human}");
    let md = text("markdown", &a);
    assert!(md.contains(&format!("| {stranger} (claimed issuer, unverified) |")), "{md}");

    let verified = verify("bundles/pgp-signer-not-supplied.json", args([cert("stranger.asc")]));
    assert_eq!(verified.rows()[0]["issuer_verified"], true);
    let human = text("human", &args([cert("stranger.asc")]));
    assert!(human.contains(&format!("made by   {stranger}")), "{human}");
}
