//! A fixed-seed sample of the differential test fixtures/jcs/differential.py: generated
//! documents in many source forms (numbers spelled every way, every escape, names whose
//! UTF-16 order is not their code point order, nesting to the depth limit), whose
//! canonical form from `aeb-verify canonicalize` must be byte for byte what the Python
//! `rfc8785` package (an implementation independent of this one) writes; and inputs
//! I-JSON forbids but Python's parser accepts, which must be rejected with their rule
//! and pointer; and the verifying run's payload hash and integrity verdict on bundles
//! sealed with the oracle's hash and not, some over 2 MiB (read in two halves, hashed
//! while read). The README gives the figures of the long run.

use std::path::Path;
use std::process::Command;

#[test]
fn canonical_form_agrees_with_the_rfc8785_package() {
    // Python and its rfc8785 package are not Rust dependencies; like the man-page lint,
    // the test says so and passes without them, except under CI (.ci/run installs them).
    let have = Command::new("python3").args(["-c", "import rfc8785"]).output().is_ok_and(|o| o.status.success());
    if !have && std::env::var_os("CI").is_none() {
        eprintln!(
            "JCS differential test not run: python3 with the rfc8785 package is not installed (pip install rfc8785)"
        );
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jcs/differential.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--bin", env!("CARGO_BIN_EXE_aeb-verify"), "--seed", "1", "--docs", "2000", "--rejects", "140"])
        .args(["--verify", "10", "--large", "1"])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("2000 documents") && stdout.contains("differences: 0"), "{stdout}");
    assert!(stdout.contains("forbidden inputs: 140, wrongly handled: 0"), "{stdout}");
    // the verifying run's payload hash and integrity verdict, sealed and not (a wrong
    // hash is diagnosed: names as written once panicked there), and a file over 2 MiB
    assert!(stdout.contains(" and 1 over 2 MiB, wrong: 0"), "{stdout}");
}
