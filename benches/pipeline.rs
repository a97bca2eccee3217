//! In-process timings of the integrity path (`cargo bench`): strict read + RFC 8785
//! payload + SHA-256, on a generated bundle of about 10 MB, against the obvious
//! alternative (serde_json tree + serde_jcs + sha2). Whole-process comparisons with
//! sha256sum, openssl and gpgv are in benches/compare.sh.
//!
//! Plain std timing (no criterion): median of N runs, so it builds with no extra
//! dependency and runs in seconds.

use aeb_verify::integrity::payload_sha256;
use aeb_verify::read::{read, Limits};
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::time::{Duration, Instant};

/// A seed-like bundle with `records` small records, pretty-printed with 2 spaces,
/// deterministic (a fixed linear congruential sequence).
fn bundle(records: usize) -> Vec<u8> {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed-example-sealed.json"))
        .expect("fixture");
    let head = seed.trim_end().trim_end_matches('}').trim_end();
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "München", "日本"];
    let mut x: u64 = 8785;
    let mut next = move || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        x >> 33
    };
    let mut s = String::with_capacity(records * 200);
    s.push_str(head);
    s.push_str(",\n  \"sample_records\": [\n");
    for i in 0..records {
        let (a, b) = (words[next() as usize % words.len()], words[next() as usize % words.len()]);
        let score = (next() % 10_000_000) as f64 / 10_000.0;
        let _ = write!(
            s,
            "    {{\n      \"id\": {i},\n      \"name\": \"{a}-{b}-{i}\",\n      \"score\": {score},\n      \"tags\": [\n        \"{a}\",\n        \"{b}\"\n      ],\n      \"active\": {},\n      \"count\": {}\n    }}{}\n",
            next() % 2 == 0,
            next() % 1000,
            if i + 1 < records { "," } else { "" }
        );
    }
    s.push_str("  ]\n}\n");
    s.into_bytes()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let data = bundle(53_000);
    let mb = data.len() as f64 / 1e6;
    println!("bundle: {:.1} MB pretty-printed", mb);

    let ours = time(15, || {
        let r = read(data.clone(), &Limits { max_bytes: 1 << 30, max_depth: 128 });
        let doc = r.document.expect("valid");
        std::hint::black_box(payload_sha256(&doc));
    });
    if std::env::var_os("AEB_BENCH_ONLY_OURS").is_some() {
        // For profiling: perf record target/release/deps/pipeline-* with this set.
        let _ = time(60, || {
            let r = read(data.clone(), &Limits { max_bytes: 1 << 30, max_depth: 128 });
            std::hint::black_box(payload_sha256(&r.document.expect("valid")));
        });
        println!("aeb-verify: {:.2} ms", ours.as_secs_f64() * 1e3);
        return;
    }
    let tree = time(5, || {
        let v: serde_json::Value = serde_json::from_slice(&data).expect("valid");
        let mut v = v;
        if let Some(m) = v.as_object_mut() {
            m.remove("signatures");
        }
        let bytes = serde_jcs::to_vec(&v).expect("jcs");
        std::hint::black_box(Sha256::digest(&bytes));
    });
    let copy = time(15, || {
        std::hint::black_box(data.clone());
    });
    let hash_only = time(15, || {
        std::hint::black_box(Sha256::digest(&data));
    });
    let row = |name: &str, d: Duration| {
        println!("{name:<44} {:>8.2} ms  {:>7.0} MB/s", d.as_secs_f64() * 1e3, mb / d.as_secs_f64());
    };
    row("aeb-verify read + payload + sha256", ours);
    row("serde_json Value + serde_jcs + sha256", tree);
    row("sha256 of the raw file bytes (floor)", hash_only);
    row("copying the input (included above)", copy);
}
