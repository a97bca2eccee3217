//! A signature dated after --now is rejected (gpgv accepts it).

mod sigcommon;
use sigcommon::*;

#[test]
fn signature_from_the_future_is_rejected() {
    let r = verify("bundles/pgp-future.json", args([cert("ed25519.asc")]));
    r.code(1);
    r.has("sig.pgp.future", "error");
    assert_eq!(r.rows()[0]["created"], "2029-06-01T00:00:00Z");
}

#[test]
fn the_same_signature_is_good_once_its_time_has_come() {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
    cmd.args(["--format", "json", "--now", "2029-06-01T00:04:00Z"]).args(args([cert("ed25519.asc")]));
    let out = cmd.arg(fx("bundles/pgp-future.json")).output().expect("run");
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::new(),
    };
    r.code(0);
    r.lacks("sig.pgp.future");
    assert_eq!(r.verdicts(), ["verified"]);
}

/// The skew is inclusive to the nanosecond (docs/spec.md: "more than five minutes after
/// `--now` is rejected"): made 2029-06-01T00:00:00Z, the signature is good at exactly
/// five minutes before and from the future a nanosecond earlier.
#[test]
fn exactly_five_minutes_ahead_is_within_the_skew() {
    let bundle = fx("bundles/pgp-future.json");
    let [flag, cert] = cert("ed25519.asc");
    let r = run_at("2029-05-31T23:55:00Z", &bundle, &[&flag, &cert]);
    r.code(0);
    r.lacks("sig.pgp.future");
    let r = run_at("2029-05-31T23:54:59.999999999Z", &bundle, &[&flag, &cert]);
    r.code(1);
    r.has("sig.pgp.future", "error");
}
