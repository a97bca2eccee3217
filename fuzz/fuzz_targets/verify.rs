//! The whole verify path on arbitrary bytes, with fixed keys (cargo fuzz run -s none
//! verify): read, integrity, OpenPGP and KMS signatures against supplied keys, schema,
//! audit, claims, the public and marketplace profiles, then every text format.
//!
//! For any bytes: no panic; the verdict is REJECTED exactly when a finding is an error;
//! in every format (human, json, jsonl, sarif, junit, markdown, html) no report carries
//! a raw control or invisible format character other than a newline (a bundle must not
//! be able to forge a line of the report), nor a CI log command (`##[`, `##vso[`,
//! `##teamcity[`, a line starting `::`); the JSON and SARIF reports and every JSON Lines
//! line parse (serde_json), and the run's verdict there (JSON `verdict`, SARIF results
//! at level `error`, JUnit failures) agrees with the bundle's.
#![no_main]

use aeb_verify::batch::Tally;
use aeb_verify::options::{Options, Profile};
use aeb_verify::report::{self, Format, Record, Style};
use aeb_verify::signatures::Trust;
use aeb_verify::verify::{verify, Verdict};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn options() -> &'static Options {
    static OPTS: OnceLock<Options> = OnceLock::new();
    OPTS.get_or_init(|| {
        let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/signatures");
        let cert = fixtures.join("certs/ed25519.asc");
        let kms = format!("arn:aws:kms:eu-west-1:111122223333:key/fuzz={}", fixtures.join("kms/p256.pem").display());
        let now = time::OffsetDateTime::from_unix_timestamp(1_795_000_000).expect("a fixed instant");
        let mut o = Options::new(now);
        let keys = aeb_verify::inputs::keys::load(&[cert], &[kms]).expect("fixture keys load");
        o.trust = Trust::new(keys.certs, keys.kms_keys);
        o.profile = Profile::Marketplace;
        o
    })
}

fuzz_target!(|data: &[u8]| {
    let opts = options();
    let r = verify("fuzz.json", data.to_vec(), opts);
    let errors = r.outcome.findings.iter().any(|f| f.severity == aeb_verify::finding::Severity::Error);
    assert_eq!(r.verdict == Verdict::Rejected, errors, "verdict and findings disagree");
    let rejected = r.verdict == Verdict::Rejected;
    let reports = std::slice::from_ref(&r);
    let record = Record::new(opts, true, reports);
    // The run's account as the batch keeps it for one bundle read (found = read).
    let tally =
        Tally { found: 1, verified: usize::from(!rejected), rejected: usize::from(rejected), ..Tally::default() };
    for format in
        [Format::Human, Format::Json, Format::Jsonl, Format::Sarif, Format::Junit, Format::Markdown, Format::Html]
    {
        let style = Style {
            now: "2026-11-18T00:00:00Z",
            strict: false,
            color: false,
            quiet: false,
            verbose: true,
            width: 100,
            record: &record,
        };
        let text = report::render(format, reports, &tally, style);
        if let Some(c) = text.chars().find(|&c| c != '\n' && aeb_verify::text::is_hidden(c)) {
            panic!("{format:?} report printed U+{:04X} raw", u32::from(c));
        }
        for command in ["##[", "##vso[", "##teamcity["] {
            assert!(!text.contains(command), "{format:?} report carries the log command {command}");
        }
        assert!(!text.lines().any(|l| l.trim_start().starts_with("::")), "{format:?} report has a line starting ::");
        match format {
            Format::Json => {
                let v: serde_json::Value = serde_json::from_str(&text).expect("the JSON report parses");
                let verdict = if rejected { "rejected" } else { "verified" };
                assert_eq!(v["verdict"], verdict, "JSON verdict");
                assert_eq!(v["bundles"][0]["verdict"], verdict, "JSON bundle verdict");
            }
            Format::Jsonl => {
                for line in text.lines() {
                    let _: serde_json::Value = serde_json::from_str(line).expect("each JSON Lines line parses");
                }
            }
            Format::Sarif => {
                let v: serde_json::Value = serde_json::from_str(&text).expect("the SARIF report parses");
                let errors =
                    v["runs"][0]["results"].as_array().is_some_and(|a| a.iter().any(|x| x["level"] == "error"));
                assert_eq!(errors, rejected, "SARIF results at level error and the verdict disagree");
            }
            Format::Junit => {
                let failed = text.contains("<failure");
                assert_eq!(failed, rejected, "JUnit failures and the verdict disagree");
            }
            _ => {}
        }
    }
});
