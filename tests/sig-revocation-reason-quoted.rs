//! A reason for revocation is the key holder's text: findings quote it as a JSON string
//! literal, cut as user IDs are (spec 3.1), so it cannot read as the finding's own words
//! and a long one is not copied whole. Expectations:
//! fixtures/signatures/revocation-reason/README.md.

mod sigcommon;
use sigcommon::*;

#[test]
fn the_reason_for_revocation_is_quoted_and_cut() {
    let reason = std::fs::read_to_string(fx("revocation-reason/reason.txt")).expect("reason.txt");
    assert_eq!(reason.chars().count(), 400, "the fixture's reason is 400 characters");
    let r = verified("revocation-reason/signed.json", vec!["--cert".into(), fx("revocation-reason/cert.asc")], 1);
    let m = r.finding("sig.pgp.revoked-later", "info", "/signatures/pgp");
    let head: String = reason.chars().take(128).collect();
    let quoted = format!("{}…", serde_json::to_string(&head).expect("json"));
    assert!(m.contains(&format!("key superseded: {quoted}")), "expected {quoted} in {m}");
    // the revoker's words never stand bare, and the rest of the text is not copied
    assert!(!m.contains("moved\") after"), "{m}");
    assert!(!m.contains(&reason[200..]), "{m}");
}
