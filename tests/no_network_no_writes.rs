//! Structural promises (docs/security.md): no network code in the dependency graph, a
//! library that allows none of the lints that keep it from panicking, and a run leaves
//! every input byte-for-byte as it was and writes no file.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that open connections; none may be in the graph (issue 7 point 10).
const NETWORK: [&str; 7] = ["reqwest", "hyper", "tokio", "rustls", "ureq", "curl", "native-tls"];

#[test]
fn no_network_crate_is_in_the_dependency_graph() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let host = Command::new(rustc).arg("-vV").output().expect("rustc -vV");
    let host = String::from_utf8_lossy(&host.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    // Every package of the resolved graph for this platform: normal, build and dev
    // dependencies alike. --offline: what `cargo test` fetched is all there is.
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline", "--filter-platform", &host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = meta["packages"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
    assert!(names.len() > 50 && names.contains(&"sequoia-openpgp"), "not the whole graph: {names:?}");
    let network: Vec<&&str> =
        names.iter().filter(|n| NETWORK.iter().any(|bad| **n == *bad || n.starts_with(&format!("{bad}-")))).collect();
    assert!(network.is_empty(), "network crates in the graph: {network:?}");
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p.clone());
                out.insert(p, Vec::new());
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// The lints `src/lib.rs` denies so that nothing input can reach panics.
const NO_PANIC_LINTS: [&str; 4] =
    ["clippy::unwrap_used", "clippy::expect_used", "clippy::panic", "clippy::indexing_slicing"];

/// Clippy checks the lints; this checks that nothing turns one off: they are named in the
/// source only where lib.rs denies them, so no `allow` or `expect` of any, on however
/// many lines, can hide.
#[test]
fn the_library_turns_off_none_of_the_no_panic_lints() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (mut denied, mut named) = (false, Vec::new());
    for (path, bytes) in tree(&src) {
        for (n, line) in String::from_utf8_lossy(&bytes).lines().enumerate() {
            let deny = path.ends_with("lib.rs") && line.starts_with("#![cfg_attr(not(test), deny(");
            if deny {
                assert!(NO_PANIC_LINTS.iter().all(|lint| line.contains(lint)), "lib.rs denies them all: {line}");
                denied = true;
            } else if NO_PANIC_LINTS.iter().any(|lint| line.contains(lint)) {
                named.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(denied, "src/lib.rs denies the no-panic lints");
    assert!(named.is_empty(), "a no-panic lint named outside lib.rs's deny:\n{}", named.join("\n"));
}

#[test]
fn a_run_changes_no_input_and_writes_no_file() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("no-writes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bundles")).unwrap();
    for (from, to) in [
        ("signatures/bundles/pgp-ed25519.json", "bundles/signed.json"),
        ("integrity/tampered.json", "bundles/tampered.json"),
        ("read/duplicate-name.json", "bundles/unreadable.json"),
        ("seed-example.json", "seed.json"),
        ("signatures/certs/ed25519.asc", "signer.asc"),
        ("signatures/kms/p256.pem", "kms.pem"),
    ] {
        std::fs::copy(fixture(from), dir.join(to)).unwrap();
    }
    let before = tree(&dir);
    let runs: [(&[&str], i32); 8] = [
        (&["--cert", "signer.asc", "bundles/signed.json"], 0),
        (&["--format", "json", "--cert", "signer.asc", "bundles"], 1),
        (&["--format", "sarif", "--kms-key", "kms.pem", "bundles"], 1),
        (&["--format", "junit", "--profile", "marketplace", "--kms-key", "kms.pem", "bundles", "seed.json"], 1),
        (&["--format", "markdown", "--profile", "public", "seed.json"], 1),
        (&["canonicalize", "bundles/signed.json"], 0),
        (&["digest", "seed.json"], 0),
        (&["bundles/unreadable.json"], 1),
    ];
    for (args, code) in runs {
        let payload_command = matches!(args.first(), Some(&"canonicalize" | &"digest"));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
        if !payload_command {
            cmd.args(["--now", NOW]);
        }
        let out = cmd.args(args).current_dir(&dir).env_remove("NO_COLOR").output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let after = tree(&dir);
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "files appeared or vanished");
    for (path, bytes) in &before {
        assert!(after.get(path) == Some(bytes), "{} changed", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
