//! A wrong hash on a payload of many small members costs about what a right one costs
//! (fixtures/fuzz/README.md). The search for a field filled after sealing tries up to
//! 64 strings with 5 placeholders each; it once cloned and re-serialized the whole
//! payload for every try, about a second for the 59 kB fixture in a release build (14 s
//! in the debug build these tests run), found by the `verify` fuzz target on 2026-12-02.
//! It now hashes the canonical payload with the one string's bytes replaced.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const FIXTURE: &str = "fuzz/filled-search-many-members.json";
const WRONG: &str = "abababababababababababababababababababababababababababababababab";

/// A directory of one test's own under the system temporary directory, removed when
/// the test ends (52 were left behind in /tmp before this guard).
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("aeb-filled-search-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn report_of(path: &Path) -> (i32, serde_json::Value) {
    let p = path.to_str().unwrap();
    let r = run(&["--format", "json", "--now", NOW, p]);
    let report: serde_json::Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", r.stdout, r.stderr));
    (r.code, report["bundles"][0].clone())
}

/// The best of three runs of the real binary.
fn best_of_three(path: &Path) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            report_of(path);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn the_fixture_is_rejected_for_its_hash_at_signatures_sha256() {
    let (code, bundle) = verify_json(FIXTURE, &[]);
    assert_eq!(code, 1);
    assert_eq!(bundle["verdict"], "rejected");
    assert_finding(&bundle, "integrity.hash-mismatch", "/signatures/sha256", 1, 58937);
    let f = findings(&bundle, "integrity.hash-mismatch")[0];
    assert_eq!(f["found"], WRONG);
    assert!(
        f["message"].as_str().unwrap().contains("matches neither the payload nor any of the usual mistakes"),
        "{f}"
    );
}

#[test]
fn a_wrong_hash_costs_about_what_a_right_one_costs() {
    let wrong = fixture(FIXTURE);
    let (_, bundle) = report_of(&wrong);
    let computed = findings(&bundle, "integrity.hash-mismatch")[0]["expected"].as_str().unwrap().to_owned();
    let text = std::fs::read_to_string(&wrong).unwrap();
    let scratch = Scratch::new("cost");
    let right = scratch.file("right.json", &text.replace(WRONG, &computed));
    let (_, sealed) = report_of(&right);
    assert!(findings(&sealed, "integrity.hash-mismatch").is_empty(), "the recomputed hash seals the copy");
    // A ratio within one run, not a wall-clock limit: the machine is shared, so a ratio
    // over the bound is measured again (twice at most). The old search measured 90 to
    // 270 times (9.7-14 s against 0.04-0.15 s, debug build, with this test: it fails
    // there); splicing measures 1.5 to 7, the hashing of the 320 tries being
    // unoptimized in a debug build.
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let (w, r) = (best_of_three(&wrong), best_of_three(&right));
        ratio = ratio.min(w.as_secs_f64() / r.as_secs_f64().max(1e-6));
        eprintln!(
            "wrong hash {:.1} ms, right hash {:.1} ms, ratio {ratio:.2}",
            w.as_secs_f64() * 1e3,
            r.as_secs_f64() * 1e3
        );
        if ratio <= 20.0 {
            break;
        }
    }
    assert!(ratio <= 20.0, "a wrong hash costs {ratio:.1} times a right one");
}

/// The search still finds a placeholder filled in after sealing among thousands of
/// members: the last of the 64 strings, sealed as "..." and then filled with "s".
#[test]
fn a_field_filled_after_sealing_is_still_found_among_many_members() {
    let text = std::fs::read_to_string(fixture(FIXTURE)).unwrap();
    let at = text.rfind("\"s\"]").unwrap();
    let placeholder = format!("{}\"...\"{}", &text[..at], &text[at + 3..]);
    let scratch = Scratch::new("found");
    let (_, bundle) = report_of(&scratch.file("placeholder.json", &placeholder));
    let sealed_hash = findings(&bundle, "integrity.hash-mismatch")[0]["expected"].as_str().unwrap().to_owned();
    let filled = scratch.file("filled.json", &text.replace(WRONG, &sealed_hash));
    let (code, bundle) = report_of(&filled);
    assert_eq!(code, 1);
    let f = findings(&bundle, "integrity.hash-mismatch");
    assert_eq!(f.len(), 1, "{bundle}");
    assert_eq!(f[0]["pointer"], "/signatures/sha256");
    let message = f[0]["message"].as_str().unwrap();
    assert!(
        message.contains("with `/strings/63` = \"...\": the field was filled in after the hash was computed"),
        "{message}"
    );
}
