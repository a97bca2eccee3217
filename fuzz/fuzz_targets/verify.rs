//! The whole verify path on arbitrary bytes, with fixed keys (cargo fuzz run -s none
//! verify): read, integrity, OpenPGP and KMS signatures against supplied keys, schema,
//! audit, claims, the public and marketplace profiles, then every text format.
//!
//! For any bytes: no panic; the verdict is REJECTED exactly when a finding is an error;
//! no text report carries a raw control or invisible format character (a bundle must
//! not be able to forge a line of the report).
#![no_main]

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
    let reports = std::slice::from_ref(&r);
    let record = Record::new(opts, true, reports);
    for format in [Format::Human, Format::Markdown, Format::Junit] {
        let style = Style { now: "2026-11-18T00:00:00Z", strict: false, color: false, quiet: false, verbose: true, width: 100, record: &record };
        let text = report::render(format, reports, &Default::default(), style);
        if let Some(c) = text.chars().find(|&c| c != '\n' && aeb_verify::text::is_hidden(c)) {
            panic!("{format:?} report printed U+{:04X} raw", u32::from(c));
        }
    }
});
