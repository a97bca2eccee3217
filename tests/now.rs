//! `--now`: any instant the option accepts is judged without a panic (the clock-skew
//! arithmetic saturates at the end of representable time), and a date alone means its
//! midnight UTC.

mod sigcommon;
use sigcommon::*;

#[test]
fn the_last_second_of_year_9999_does_not_panic() {
    // A 2025 signature by a key with no expiry, under no scheduled cutoff: still good
    // at any later time.
    let cert = fx("certs/ed25519.asc");
    let r = run_at("9999-12-31T23:59:59Z", &fx("bundles/pgp-ed25519.json"), &["--cert", &cert]);
    r.code(0);
    assert_eq!(r.verdicts(), ["verified"]);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    let r = run_at("9999-12-31T23:59:59Z", &fx("unsigned.json"), &[]);
    r.code(0);
    r.lacks("audit.generated-at-future");
}

#[test]
fn a_date_alone_means_midnight_utc() {
    // unsigned.json was generated at 2025-08-10T12:00:00Z (CASES.md): at midnight that
    // day it lies twelve hours in the future; a day later it does not.
    let r = run_at("2025-08-10", &fx("unsigned.json"), &[]);
    r.code(1);
    let m = r.finding("audit.generated-at-future", "error", "/generated_at");
    assert!(m.contains("2025-08-10T00:00:00Z"), "{m}");
    run_at("2025-08-11", &fx("unsigned.json"), &[]).code(0);
}

#[test]
fn a_malformed_date_is_a_usage_error() {
    for bad in ["2025-13-01", "2025-08-10T25:00:00Z", "yesterday"] {
        let r = run_at(bad, &fx("unsigned.json"), &[]);
        r.code(2);
        assert!(r.stderr.contains("not an RFC 3339 time"), "{bad}: {}", r.stderr);
    }
    // A date alone is judged as a date: the message names the part that is wrong.
    for (bad, part) in [("2026-13-45", "'month'"), ("2026-02-30", "day was not in range")] {
        let r = run_at(bad, &fx("unsigned.json"), &[]);
        r.code(2);
        assert!(r.stderr.contains(part) && !r.stderr.contains("'separator'"), "{bad}: {}", r.stderr);
    }
}

/// The instant, not its spelling, is held to years 0 to 9999: 9999-12-31T23:59:59-01:00
/// is in year 10000 (it was accepted), and the conversion to UTC for any check or
/// report must never panic (time's `to_offset` does out of range).
#[test]
fn an_instant_beyond_year_9999_in_utc_is_a_usage_error() {
    for bad in ["9999-12-31T23:59:59-01:00", "0000-01-01T00:00:00+00:01"] {
        let r = run_at(bad, &fx("unsigned.json"), &[]);
        r.code(2);
        assert!(r.stderr.contains("outside 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z"), "{bad}: {}", r.stderr);
    }
    run_at("9999-12-31T23:59:59+23:59", &fx("unsigned.json"), &[]).code(0);
    // Accepted, and judged: the bundle's generated_at (2025) is then in the future.
    let r = run_at("0000-01-01T00:00:00-23:59", &fx("unsigned.json"), &[]);
    r.code(1);
    r.has("audit.generated-at-future", "error");
}

/// JUnit's `timestamp` has no offset, so it is `--now` in UTC: before, the offset was
/// cut off and 2026-11-25T00:00:00+23:59 became 2026-11-25T00:00:00, another instant.
#[test]
fn the_junit_timestamp_is_the_instant_in_utc() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--format", "junit", "--now", "2026-11-25T00:00:00+23:59"])
        .arg(fx("unsigned.json"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("timestamp=\"2026-11-24T00:01:00\""), "{text}");
    assert!(!text.contains("timestamp=\"2026-11-25T00:00:00\""), "{text}");
}

/// A leap second on a day that is not a month's end (the schema's `date-time` accepts
/// 23:59:60 UTC on any day; the `time` crate only at a month's end) is judged: the
/// check was skipped and a bundle dated 2099-01-15T23:59:60Z verified (attacker pass 7).
/// Expectations from fixtures/audit/CASES.md.
#[test]
fn a_leap_second_generated_at_is_judged_not_skipped() {
    let audit = |name: &str| format!("{}/fixtures/audit/{name}", env!("CARGO_MANIFEST_DIR"));
    let status = |r: &Run| {
        let j = r.json();
        let checks = j["bundles"][0]["checks"].as_array().cloned().unwrap_or_default();
        let c = checks.iter().find(|c| c["rule"] == "audit.generated-at-future").cloned().unwrap_or_default();
        c["status"].as_str().unwrap_or("absent").to_owned()
    };
    let r = run_at("2026-11-25T12:00:00Z", &audit("audit-generated-at-leap-second.json"), &[]);
    r.code(1);
    r.finding("audit.generated-at-future", "error", "/generated_at");
    assert_eq!(status(&r), "fail");
    let r = run_at("2026-11-25T12:00:00Z", &audit("pass-generated-at-leap-second.json"), &[]);
    r.code(0);
    r.lacks("audit.generated-at-future");
    assert_eq!(status(&r), "pass");
}

/// `--now` takes a leap second as bundle times do (the end of the second before); it was
/// a usage error (exit 2) while a bundle's `generated_at` of 23:59:60 was read (attacker
/// pass of 2026-12-04). Expectations from fixtures/audit/CASES.md.
#[test]
fn a_leap_second_now_is_read_as_bundle_times_are() {
    let audit = |name: &str| format!("{}/fixtures/audit/{name}", env!("CARGO_MANIFEST_DIR"));
    // generated 2016-12-31T23:59:60Z: judged at that very instant, it is not in the future
    let r = run_at("2016-12-31T23:59:60Z", &audit("pass-generated-at-leap-second.json"), &[]);
    r.code(0);
    r.lacks("audit.generated-at-future");
    let r = run_at("2026-11-25T23:59:60Z", &audit("audit-generated-at-leap-second.json"), &[]);
    r.code(1);
    r.finding("audit.generated-at-future", "error", "/generated_at");
    for bad in ["2026-11-25T23:59:61Z", "2026-11-25T23:59:60"] {
        let r = run_at(bad, &fx("unsigned.json"), &[]);
        r.code(2);
        assert!(r.stderr.contains("not an RFC 3339 time"), "{bad}: {}", r.stderr);
    }
}

/// `--now` is an RFC 3339 time: a leap second only as the last second of a day in UTC
/// (RFC 3339 5.7), the date and time separated by `T` or `t` (5.6; its note also allows
/// a space). `2026-11-25T00:00:60Z`, `23:59:60+01:00` (22:59:60 UTC) and a `x`
/// separator were accepted and read as some other instant. The expectation for each
/// spelling but the space is the schema's own `date-time` check, by the `jsonschema`
/// crate, so `--now` and a bundle's `generated_at` accept the same times.
#[test]
fn now_accepts_what_rfc_3339_does_and_no_other_leap_second() {
    let date_time = jsonschema::options()
        .should_validate_formats(true)
        .build(&serde_json::json!({"type": "string", "format": "date-time"}))
        .unwrap();
    for (now, ok) in [
        ("2026-11-25T23:59:60Z", true),
        ("2026-11-26T00:29:60+00:30", true),
        ("2026-11-25T22:59:60-01:00", true),
        ("2026-11-25t23:59:60.5z", true),
        ("2026-11-25T00:00:60Z", false),
        ("2026-11-25T23:58:60Z", false),
        ("2026-11-25T23:59:60+01:00", false),
        ("2026-11-25T22:59:60+01:00", false),
        ("2026-11-25x00:00:00Z", false),
        ("2026-11-25_00:00:00Z", false),
        ("2026-11-25Z00:00:00Z", false),
    ] {
        assert_eq!(date_time.is_valid(&serde_json::json!(now)), ok, "the expectation for {now}");
        let r = run_at(now, &fx("unsigned.json"), &[]);
        if ok {
            r.code(0);
        } else {
            r.code(2);
            assert!(r.stderr.contains("not an RFC 3339 time"), "{now}: {}", r.stderr);
        }
    }
    // RFC 3339's note: a space may separate them (jsonschema's `date-time` does not take it).
    run_at("2026-11-25 00:00:00Z", &fx("unsigned.json"), &[]).code(0);
}

/// `generated_at` may be up to five minutes after `--now`, inclusive to the nanosecond
/// (docs/spec.md 5.2): unsigned.json was generated at 2025-08-10T12:00:00Z.
#[test]
fn generated_at_exactly_five_minutes_ahead_is_within_the_skew() {
    let r = run_at("2025-08-10T11:55:00Z", &fx("unsigned.json"), &[]);
    r.code(0);
    r.lacks("audit.generated-at-future");
    let r = run_at("2025-08-10T11:54:59.999999999Z", &fx("unsigned.json"), &[]);
    r.code(1);
    r.has("audit.generated-at-future", "error");
}
