//! The whole verify path on arbitrary bytes, with fixed keys (cargo fuzz run -s none
//! verify): read, integrity, OpenPGP and KMS signatures against supplied keys, schema,
//! audit, claims, the public and marketplace profiles, then every text format.
//!
//! The first byte picks the policy (byte % 6: `--strict` off/on times profile
//! none/public/marketplace); the bundle is the rest (seed-corpora.py prefixes each
//! fixture with such a byte).
//!
//! For any bytes: no panic; the verdict is REJECTED exactly when a finding is an error
//! (or, under `--strict`, a warning);
//! in every format (human, json, jsonl, sarif, junit, markdown, html) no report carries
//! a raw control or invisible format character other than a newline (a bundle must not
//! be able to forge a line of the report), nor a CI log command (`##[`, `##vso[`,
//! `##teamcity[`, a line starting `::`); the JSON and SARIF reports and every JSON Lines
//! line parse (serde_json), and the run's verdict there (JSON `verdict`, SARIF results
//! at level `error`, JUnit failures) agrees with the bundle's; the JUnit and HTML
//! reports are well-formed XML (roxmltree), and the JUnit report holds a `<failure>`
//! element exactly when the bundle is rejected.
#![no_main]

use aeb_verify::batch::Tally;
use aeb_verify::options::{Options, Profile};
use aeb_verify::report::{self, Format, Record, Style};
use aeb_verify::signatures::Trust;
use aeb_verify::verify::{verify, Verdict};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn options(pick: u8) -> &'static Options {
    static OPTS: OnceLock<Vec<Options>> = OnceLock::new();
    let all = OPTS.get_or_init(|| {
        let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/signatures");
        let cert = fixtures.join("certs/ed25519.asc");
        let kms = format!("arn:aws:kms:eu-west-1:111122223333:key/fuzz={}", fixtures.join("kms/p256.pem").display());
        let now = time::OffsetDateTime::from_unix_timestamp(1_795_000_000).expect("a fixed instant");
        let mut o = Options::new(now);
        let keys = aeb_verify::inputs::keys::load(&[cert], &[kms]).expect("fixture keys load");
        o.trust = Trust::new(keys.certs, keys.kms_keys);
        let mut all = Vec::new();
        for strict in [false, true] {
            for profile in [Profile::None, Profile::Public, Profile::Marketplace] {
                all.push(Options { strict, profile, ..o.clone() });
            }
        }
        all
    });
    &all[usize::from(pick) % all.len()]
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, data)) = data.split_first() else { return };
    let opts = options(pick);
    let r = verify("fuzz.json", data.to_vec(), opts);
    use aeb_verify::finding::Severity;
    let errors = r
        .outcome
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error || (opts.strict && f.severity == Severity::Warning));
    assert_eq!(r.verdict == Verdict::Rejected, errors, "verdict and findings disagree");
    let rejected = r.verdict == Verdict::Rejected;
    let reports = std::slice::from_ref(&r);
    let record = Record::new(opts, true, reports);
    // The run's account as the batch keeps it for one bundle read (found = read).
    let tally = Tally {
        found: 1,
        verified: usize::from(!rejected),
        rejected: usize::from(rejected),
        strict: opts.strict,
        ..Tally::default()
    };
    for format in
        [Format::Human, Format::Json, Format::Jsonl, Format::Sarif, Format::Junit, Format::Markdown, Format::Html]
    {
        let style = Style {
            now: "2026-11-18T00:00:00Z",
            strict: opts.strict,
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
                let doc = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("the JUnit report is not well-formed XML: {e}"));
                let failures = doc.descendants().filter(|n| n.has_tag_name("failure")).count();
                assert_eq!(failures > 0, rejected, "JUnit <failure> elements and the verdict disagree");
            }
            Format::Html => {
                // The page opens with `<!DOCTYPE html>`, which roxmltree refuses by default.
                let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
                if let Err(e) = roxmltree::Document::parse_with_options(&text, opts) {
                    panic!("the HTML report is not well-formed XML: {e}");
                }
            }
            _ => {}
        }
    }
});
