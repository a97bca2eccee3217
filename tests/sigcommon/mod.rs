//! Shared by the tests/sig-*.rs files: run the binary on a signature fixture and
//! look at its JSON report. Fixtures and what each one expects:
//! fixtures/signatures/CASES.md.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

pub const NOW: &str = "2026-11-25T00:00:00Z";
pub const AWS_P256: &str = "arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";
pub const AWS_PSS: &str = "arn:aws:kms:eu-west-1:111122223333:key/9c8b7a65-4321-4fed-8cba-0987654321fe";
pub const AWS_ED: &str = "arn:aws:kms:eu-west-1:111122223333:key/1e2d3c4b-5a69-4788-96a5-b4c3d2e1f0a9";
pub const GCP_PKCS1: &str =
    "projects/aeb-demo/locations/europe-west1/keyRings/evidence/cryptoKeys/rsa-pkcs1/cryptoKeyVersions/1";
pub const GCP_ED: &str =
    "projects/aeb-demo/locations/europe-west1/keyRings/evidence/cryptoKeys/ed25519/cryptoKeyVersions/1";
pub const GCP_P384: &str =
    "projects/aeb-demo/locations/europe-west1/keyRings/evidence/cryptoKeys/p384/cryptoKeyVersions/2";
pub const JOSE_P256: &str = "aeb-es256-2026";

/// A path under fixtures/signatures/.
pub fn fx(rel: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "fixtures", "signatures", rel].iter().collect();
    p.to_string_lossy().into_owned()
}

/// `--cert fixtures/signatures/certs/NAME`
pub fn cert(name: &str) -> [String; 2] {
    ["--cert".into(), fx(&format!("certs/{name}"))]
}

/// `--kms-key ID=fixtures/signatures/kms/FILE` (no ID when `id` is empty)
pub fn kms(id: &str, file: &str) -> [String; 2] {
    let f = fx(&format!("kms/{file}"));
    ["--kms-key".into(), if id.is_empty() { f } else { format!("{id}={f}") }]
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("report is not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }

    /// The first bundle's findings as (rule, severity).
    pub fn findings(&self) -> Vec<(String, String)> {
        let j = self.json();
        j["bundles"][0]["findings"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| {
                        (f["rule"].as_str().unwrap_or("").to_owned(), f["severity"].as_str().unwrap_or("").to_owned())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first bundle's signature rows.
    pub fn rows(&self) -> Vec<Value> {
        self.json()["bundles"][0]["signatures"].as_array().cloned().unwrap_or_default()
    }

    pub fn verdicts(&self) -> Vec<String> {
        self.rows().iter().map(|r| r["verdict"].as_str().unwrap_or("").to_owned()).collect()
    }

    #[track_caller]
    pub fn has(&self, rule: &str, severity: &str) {
        let f = self.findings();
        assert!(
            f.iter().any(|(r, s)| r == rule && s == severity),
            "expected {rule} ({severity}) among {f:?}\n{}",
            self.stderr
        );
    }

    #[track_caller]
    pub fn lacks(&self, rule: &str) {
        let f = self.findings();
        assert!(!f.iter().any(|(r, _)| r == rule), "did not expect {rule} among {f:?}");
    }

    /// No signature finding is an error (other sections may still speak).
    #[track_caller]
    pub fn no_sig_errors(&self) {
        let f = self.findings();
        let errs: Vec<_> = f.iter().filter(|(r, s)| r.starts_with("sig.") && s == "error").collect();
        assert!(errs.is_empty(), "unexpected signature errors {errs:?}");
    }

    #[track_caller]
    pub fn code(&self, want: i32) {
        assert_eq!(self.code, want, "exit code; findings {:?}\nstderr: {}", self.findings(), self.stderr);
    }
}

/// Run `aeb-verify --format json --now NOW ARGS... fixtures/signatures/BUNDLE`.
pub fn verify<I, S>(bundle: &str, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aeb-verify"));
    cmd.args(["--format", "json", "--now", NOW]);
    for a in args {
        cmd.arg(a.into());
    }
    cmd.arg(fx(bundle));
    cmd.env_remove("RUST_BACKTRACE");
    let out = cmd.output().expect("run aeb-verify");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `--min-signers 2` with two supplied keys that hold one public key: a requirement no
/// bundle can meet, so the run stops (exit 2, spec 3.6) before any bundle is read.
#[track_caller]
pub fn two_keys_one_signer(bundle: &str, mut a: Vec<String>) {
    a.extend(["--min-signers".into(), "2".into()]);
    let r = verify(bundle, a);
    r.code(2);
    assert!(r.stdout.is_empty(), "no report when the run cannot start: {}", r.stdout);
    let want =
        "--min-signers 2 can never be met: the 2 keys supplied (--cert, --kms-key) hold 1 distinct public key(s)";
    assert!(r.stderr.contains(want), "expected {want:?} in stderr: {}", r.stderr);
}

/// Flatten option pairs: `args([cert("a.asc"), kms(..)])`.
/// Runs a bundle that must verify: exit 0, no signature error, `rows` verified rows.
#[track_caller]
pub fn verified(bundle: &str, a: Vec<String>, rows: usize) -> Run {
    let r = verify(bundle, a);
    r.code(0);
    r.no_sig_errors();
    assert_eq!(r.verdicts(), vec!["verified"; rows], "{:?}", r.rows());
    r
}

pub fn args<const N: usize>(pairs: [[String; 2]; N]) -> Vec<String> {
    pairs.into_iter().flatten().collect()
}

/// Write the unsigned fixture with its `signatures` replaced, into a temp file.
pub fn bundle_with(name: &str, signatures: &str) -> String {
    let base = std::fs::read_to_string(fx("unsigned.json")).expect("fixture");
    let at = base.find("\"signatures\"").expect("signatures member");
    let sha = &base[base.find("\"sha256\": \"").expect("sha") + 11..][..64];
    let text = format!("{}\"signatures\": {}\n}}\n", &base[..at], signatures.replace("\"SHA\"", &format!("\"{sha}\"")));
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("aeb-sig-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().into_owned()
}

pub fn run(path: &str, extra: &[&str]) -> Run {
    run_at(NOW, path, extra)
}

/// [`run`], judged at another instant.
pub fn run_at(now: &str, path: &str, extra: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--format", "json", "--now", now])
        .args(extra)
        .arg(path)
        .output()
        .expect("run");
    Run::from(out)
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// The fingerprints of a fixture certificate, primary first, as `gpg --with-colons`
/// listed them when the fixtures were made (certs/fingerprints.txt): an independent
/// source for pins and expected issuers.
pub fn fingerprints(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fx("certs/fingerprints.txt")).expect("certs/fingerprints.txt");
    text.lines()
        .find_map(|l| {
            let mut words = l.split_whitespace();
            (words.next() == Some(name)).then(|| words.map(str::to_owned).collect())
        })
        .unwrap_or_else(|| panic!("no {name} in certs/fingerprints.txt"))
}

/// The primary fingerprint of a fixture certificate.
pub fn primary(name: &str) -> String {
    fingerprints(name).into_iter().next().expect("a primary fingerprint")
}

impl Run {
    /// The first bundle's findings of `rule`, whole (line, column, expected, found...).
    pub fn whole(&self, rule: &str) -> Vec<Value> {
        let j = self.json();
        j["bundles"][0]["findings"]
            .as_array()
            .map(|a| a.iter().filter(|f| f["rule"] == rule).cloned().collect())
            .unwrap_or_default()
    }

    /// The first bundle's findings of `rule` as (severity, pointer, message).
    pub fn of(&self, rule: &str) -> Vec<(String, String, String)> {
        let j = self.json();
        j["bundles"][0]["findings"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|f| f["rule"] == rule)
                    .map(|f| {
                        let s = |k: &str| f[k].as_str().unwrap_or("").to_owned();
                        (s("severity"), s("pointer"), s("message"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Exactly the finding expected: rule, severity and pointer; returns its message.
    #[track_caller]
    pub fn finding(&self, rule: &str, severity: &str, pointer: &str) -> String {
        let found = self.of(rule);
        let hit = found.iter().find(|(s, p, _)| s == severity && p == pointer);
        match hit {
            Some((_, _, m)) => m.clone(),
            None => panic!("expected {rule} ({severity}) at {pointer:?}; found {found:?}\nall: {:?}", self.findings()),
        }
    }
}

/// Run the binary with exactly these arguments (no bundle added) in `dir`.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .current_dir(dir)
        .args(["--format", "json", "--now", NOW])
        .args(args)
        .output()
        .expect("run");
    Run::from(out)
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("aeb-sig-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Line and column (from 1) of the value of `"kms": ` in a fixture: where a finding at
/// `/signatures/kms` points.
pub fn kms_position(bundle: &str) -> (u64, u64) {
    member_position(bundle, "kms")
}

/// Line and column (from 1) of the value of the first `"NAME": ` in a fixture: where a
/// finding at `/signatures/NAME` points.
pub fn member_position(bundle: &str, name: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(fx(bundle)).expect("fixture");
    let key = format!("\"{name}\": ");
    let (i, line) = text.lines().enumerate().find(|(_, l)| l.contains(&key)).expect("the member");
    let col = line.find(&key).expect("the member") + key.len() + 1;
    (i as u64 + 1, col as u64)
}

/// The one finding of `rule` in the first bundle: an error at `/signatures/kms`, at the
/// line and column of the entry ([`kms_position`]); returns its message.
#[track_caller]
pub fn kms_entry_finding(r: &Run, bundle: &str, rule: &str) -> String {
    member_finding(r, bundle, rule, "kms")
}

/// The one finding of `rule` in the first bundle: an error at `/signatures/pgp`, at the
/// line and column of the `pgp` value ([`member_position`]); returns its message.
#[track_caller]
pub fn pgp_member_finding(r: &Run, bundle: &str, rule: &str) -> String {
    member_finding(r, bundle, rule, "pgp")
}

/// The one finding of `rule` in the first bundle: an error at `/signatures/MEMBER`, at
/// the line and column of that member's value ([`member_position`]); returns its message.
#[track_caller]
fn member_finding(r: &Run, bundle: &str, rule: &str, member: &str) -> String {
    let found = r.whole(rule);
    assert_eq!(found.len(), 1, "{bundle}: one {rule}: {found:?}");
    let f = &found[0];
    let pointer = format!("/signatures/{member}");
    assert_eq!((f["severity"].as_str(), f["pointer"].as_str()), (Some("error"), Some(pointer.as_str())), "{bundle}");
    let (line, column) = member_position(bundle, member);
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(line), Some(column)), "{bundle}");
    f["message"].as_str().unwrap_or_default().to_owned()
}
