//! Time and findings stay linear in the input (contract section 1): for each hostile
//! shape in tests/common/hostile.rs, twice the input costs at most about twice the
//! time (a ratio within one run, not a wall-clock limit: a quadratic cost gives 4),
//! and a rule that fires a thousand times lists 100 findings and one "and N more".

mod common;
#[path = "common/hostile.rs"]
mod hostile;

use common::*;
use std::time::{Duration, Instant};

/// Listed findings per rule (`finding::MAX_PER_RULE`, documented in docs/spec.md).
const LISTED: usize = 100;

/// The timed tests of this file run one at a time: the test harness runs them side by
/// side, so on two cores each measurement also paid for the others' work. That noise is
/// removed; the machine's own load is what the retries are for (on 2026-12-04, under a
/// load of 3.7, "lone surrogates in member names" measured 3.14, and 1.84 on its own).
static TIMED: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    TIMED.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The whole run in-process, report included: the best of three, after a warm-up.
fn cost(case: &hostile::Case, n: usize) -> Duration {
    let bytes = (case.make)(n);
    let opts = hostile::options(case);
    let once = || {
        let t = Instant::now();
        hostile::verify_and_render(&bytes, &opts);
        t.elapsed()
    };
    once();
    (0..3).map(|_| once()).min().unwrap_or_default()
}

#[test]
fn doubling_a_hostile_input_at_most_about_doubles_the_time() {
    let _timed = one_at_a_time();
    let mut failures = Vec::new();
    for case in hostile::cases() {
        // The machine is shared: a ratio over the bound is measured again (twice at
        // most) before it counts. A quadratic cost never measures under about 3.5.
        let mut ratio = f64::INFINITY;
        for _ in 0..3 {
            let (one, two) = (cost(&case, case.n), cost(&case, 2 * case.n));
            ratio = ratio.min(two.as_secs_f64() / one.as_secs_f64().max(1e-6));
            eprintln!("{:45} n={:6}: {:8.1} ms, 2n: {:8.1} ms, ratio {ratio:.2}", case.name, case.n, ms(one), ms(two));
            if ratio <= 3.0 {
                break;
            }
        }
        if ratio > 3.0 {
            failures.push(format!("{}: ratio {ratio:.2}", case.name));
        }
    }
    assert!(failures.is_empty(), "superlinear: {failures:?}");
}

/// The same numbers 120 levels deep cost about what they cost one level deep: no
/// stage may pay once per level for each value (a pretty-printed layout, a serializer
/// that copies each nested value up through its parents, a pointer string per number).
/// The ratio test above cannot see such a cost when the depth is the reader's cap.
#[test]
fn nesting_depth_does_not_multiply_the_time() {
    let ratio = depth_ratio("numbers", 30_000, hostile::nested_numbers);
    assert!(ratio <= 3.0, "120 levels cost {ratio:.2} times one level");
}

/// The same duplicate names 120 objects deep cost about what they cost one level deep:
/// a finding only counted (past the cap) must not pay for a pointer it never shows. The
/// reader built the parent's pointer for every object with a duplicate, a lookup per
/// level for each level: 20 times the time at 120 levels (debug build).
#[test]
fn nesting_depth_does_not_multiply_the_time_of_counted_duplicates() {
    let ratio = depth_ratio("duplicates", 5_000, hostile::nested_duplicates);
    assert!(ratio <= 3.0, "120 levels cost {ratio:.2} times one level");
}

/// An extension member of 1.5 MB, arrays 120 deep, costs about what it costs one level
/// deep: the schema check's stand-in for a member over 16 KiB (`schema::stand_in`) found
/// each element's end by scanning it, then walked into it and scanned it again, once per
/// level: 3.3 times the time of one level (release build, 3 MB), 0.7 since it steps over
/// each value by its end, found in one pass.
#[test]
fn nesting_depth_does_not_multiply_the_time_of_the_schema_stand_in() {
    let ratio = depth_ratio("empty arrays", 500_000, hostile::nested_empty_arrays);
    assert!(ratio <= 2.0, "120 levels cost {ratio:.2} times one level");
}

/// The time of `n` items 120 levels deep over their time one level deep (`make(n,
/// depth)`), the best of three; measured again (twice at most) while over 3, as the
/// machine is shared.
fn depth_ratio(what: &str, n: usize, make: fn(usize, usize) -> Vec<u8>) -> f64 {
    let _timed = one_at_a_time();
    let time = |depth: usize| {
        let bytes = make(n, depth);
        let opts = hostile::plain_options();
        hostile::verify_and_render(&bytes, &opts);
        (0..3)
            .map(|_| {
                let t = Instant::now();
                hostile::verify_and_render(&bytes, &opts);
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let (flat, deep) = (time(1), time(120));
        ratio = ratio.min(deep.as_secs_f64() / flat.as_secs_f64().max(1e-6));
        eprintln!("{n} {what} 1 deep: {:8.1} ms, 120 deep: {:8.1} ms, ratio {ratio:.2}", ms(flat), ms(deep));
        if ratio <= 3.0 {
            break;
        }
    }
    ratio
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[test]
fn many_findings_of_one_rule_are_listed_up_to_the_cap_then_counted() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("linear-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for case in hostile::cases() {
        let n = 1_000;
        let path = dir.join("hostile.json");
        std::fs::write(&path, (case.make)(n)).unwrap();
        let mut args = vec!["--format", "json", "--now", NOW];
        if case.public {
            args.extend(["--profile", "public"]);
        }
        if case.marketplace {
            args.extend(["--profile", "marketplace"]);
        }
        if let Some(pattern) = case.deny {
            args.extend(["--deny-pattern", pattern]);
        }
        let p = path.to_str().unwrap().to_owned();
        args.push(&p);
        let r = run(&args);
        // Every shape holds an error: a reading error, or a hash that no longer matches
        // the seed it was built from.
        assert_eq!(r.code, 1, "{}: {}", case.name, r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let fs = findings(&v["bundles"][0], case.rule);
        assert_eq!(fs.len(), LISTED + 1, "{}: {} findings of {}", case.name, fs.len(), case.rule);
        let last = fs[LISTED]["message"].as_str().unwrap();
        assert!(last.starts_with("and ") && last.contains(&format!(" more {} finding(s)", case.rule)), "{last}");
        if let Some(total) = (case.findings)(n) {
            assert_eq!(
                last,
                format!("and {} more {} finding(s) not listed, the first of them here", total - LISTED, case.rule)
            );
            // The tallies count every finding, listed or not: the severity's count is the
            // shape's total plus the other rules' findings (each under its cap here).
            let bundle = &v["bundles"][0];
            let severity = fs[0]["severity"].as_str().unwrap();
            let others = bundle["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["rule"] != case.rule && f["severity"] == severity)
                .inspect(|f| assert!(!f["message"].as_str().unwrap().starts_with("and "), "{}: {f}", case.name))
                .count();
            assert_eq!(bundle["counts"][severity], total + others, "{}: counts {}", case.name, bundle["counts"]);
        }
        // The first unlisted one is located like any other finding.
        assert!(fs[LISTED]["line"].as_u64().is_some(), "{}", case.name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The verdict line and the Markdown checklist count the findings past the cap too: a
/// thousand lone surrogates are a thousand reading problems, not the hundred listed.
#[test]
fn the_verdict_line_and_checklist_count_every_finding() {
    let case = hostile::cases().into_iter().find(|c| c.rule == "read.lone-surrogate").unwrap();
    let n = 1_000;
    let total = (case.findings)(n).unwrap();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("counted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("surrogates.json");
    std::fs::write(&path, (case.make)(n)).unwrap();
    let p = path.to_str().unwrap();
    let quiet = run(&["-q", "--color", "never", "--now", NOW, p]);
    assert_eq!(quiet.code, 1, "{}", quiet.stderr);
    let want = format!("{total} errors: {total} reading problems");
    assert!(quiet.stdout.contains(&want), "no {want:?} in {}", quiet.stdout);
    let md = run(&["--format", "markdown", "--now", NOW, p]);
    let want = format!("(`read.lone-surrogate`): {total} finding(s), worst error");
    assert!(md.stdout.contains(&want), "no {want:?} in the checklist");
    let _ = std::fs::remove_dir_all(&dir);
}
