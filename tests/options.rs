//! Attacker pass on the options: what the verdict says it was reached under
//! (fixtures/options/README.md lists the fixtures and what each must give).

mod common;
use common::*;

/// The verdict line counts what an override lowered as the tallies count findings: an
/// "and N more" finding is N of them. 150 customer IDs lowered by --allow were "101
/// errors lowered" (100 listed, one "and 50 more").
#[test]
fn the_verdict_line_counts_every_finding_an_override_lowered() {
    let opts = ["--profile", "public", "--deny-pattern", "ACME-[0-9]+", "--allow", "redaction.deny-pattern"];
    let r = quiet("options/customers-150.json", &opts);
    // Still rejected for the seed's run_seed and training.params (spec 6.1).
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("; 150 errors lowered by --allow redaction.deny-pattern\n"), "{}", r.stdout);
    let (code, b) = verify_json("options/customers-150.json", &opts);
    assert_eq!(code, 1);
    // JSON lists 100 findings of a rule, then one that says how many more there were.
    let fs = findings(&b, "redaction.deny-pattern");
    for f in &fs {
        assert_eq!((f["severity"].as_str(), f["remapped_from"].as_str()), (Some("info"), Some("error")));
    }
    let more: usize = fs
        .iter()
        .filter_map(|f| f["message"].as_str()?.strip_prefix("and ")?.split(' ').next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(fs.len() - 1 + more, 150, "{}", serde_json::to_string_pretty(&b["findings"]).unwrap());
    assert_eq!(findings(&b, "redaction.deny-pattern")[0]["pointer"], "/x_customers/0");
    assert_eq!(findings(&b, "redaction.run-seed")[0]["pointer"], "/run_seed");
}

/// gpg's fingerprint of a fixture certificate (fixtures/signatures/certs/fingerprints.txt).
fn fpr(name: &str) -> String {
    let list = std::fs::read_to_string(fixture("signatures/certs/fingerprints.txt")).unwrap();
    let line = list.lines().find_map(|l| l.strip_prefix(&format!("{name} "))).unwrap();
    line.split_whitespace().next().unwrap().to_owned()
}

fn path(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_owned()
}

/// A `--signer` pin that names no supplied key can never be met. Every bundle was
/// rejected (exit 1, `sig.required`) as if the bundles were at fault; it is a mistake in
/// the command (the certificate left out, a fingerprint or KMS key ID mistyped), and
/// stops the run (exit 2) before any bundle is read, as a missing key file does.
#[test]
fn a_signer_pin_that_names_no_supplied_key_stops_the_run() {
    let bundle = path("signatures/bundles/pgp-ed25519.json");
    let ed25519 = path("signatures/certs/ed25519.asc");
    let stranger = fpr("stranger");
    let runs: Vec<(Vec<String>, String)> = vec![
        // a certificate given, the pin names another
        (vec!["--cert".into(), ed25519.clone(), "--signer".into(), stranger.clone()], stranger.clone()),
        // the pin's certificate left out altogether
        (vec!["--signer".into(), fpr("ed25519")], fpr("ed25519")),
        // the pin's long key ID (the fingerprint's last 16 digits, v4), lower case
        (
            vec!["--cert".into(), ed25519.clone(), "--signer".into(), stranger[24..].to_lowercase()],
            stranger[24..].to_lowercase(),
        ),
        // a KMS key ID no --kms-key binds
        (
            vec![
                "--kms-key".into(),
                format!("arn:aws:kms:eu-west-1:111122223333:key/a={}", path("signatures/kms/p256.pem")),
                "--signer".into(),
                "arn:aws:kms:eu-west-1:111122223333:key/b".into(),
            ],
            "arn:aws:kms:eu-west-1:111122223333:key/b".into(),
        ),
    ];
    for (opts, pin) in runs {
        let mut args: Vec<&str> = vec!["--now", NOW];
        args.extend(opts.iter().map(String::as_str));
        args.push(&bundle);
        let r = run(&args);
        assert_eq!(r.code, 2, "{opts:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty(), "{opts:?}: no report before the run can start: {}", r.stdout);
        assert!(r.stderr.contains(&format!("--signer {pin} names no supplied key")), "{opts:?}: {}", r.stderr);
    }
    // The same pins, each with its key supplied, are taken: the bundle is signed by the
    // ed25519 key (fixtures/signatures/CASES.md), so the stranger pin rejects it (exit 1)
    // and the ed25519 pin verifies it (exit 0).
    let stranger_cert = path("signatures/certs/stranger.asc");
    let r = run(&["--now", NOW, "-q", "--cert", &ed25519, "--cert", &stranger_cert, "--signer", &stranger, &bundle]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let (code, b) = verify_json(
        "signatures/bundles/pgp-ed25519.json",
        &["--cert", &ed25519, "--cert", &stranger_cert, "--signer", &stranger],
    );
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "sig.required")[0]["pointer"], "/signatures");
    let r = run(&["--now", NOW, "-q", "--signer", &fpr("ed25519")[24..], "--cert", &ed25519, &bundle]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// Requirements no bundle can meet stop the run (exit 2) rather than reject every
/// bundle as if the bundles were at fault: `--max-signatures 0` (every signed bundle
/// was rejected, its verdict calling it "unsigned: integrity only"), more signers than
/// keys supplied, more signers than signatures examined.
#[test]
fn signature_requirements_no_bundle_can_meet_stop_the_run() {
    let bundle = path("signatures/bundles/pgp-two-signers.json");
    let ed = path("signatures/certs/ed25519.asc");
    let rsa = path("signatures/certs/rsa3072.asc");
    let ed_fpr = fpr("ed25519");
    let cases: [(&[&str], &str); 4] = [
        (&["--cert", &ed, "--cert", &rsa, "--max-signatures", "0"], "--max-signatures 0"),
        (&["--cert", &ed, "--min-signers", "2"], "--min-signers 2 can never be met: 1 distinct key(s) supplied"),
        (
            &["--cert", &ed, "--cert", &rsa, "--min-signers", "2", "--max-signatures", "1"],
            "--min-signers 2 can never be met: at most 1 signature(s) are examined",
        ),
        // two keys supplied, one pinned: only its signatures count
        (
            &["--cert", &ed, "--cert", &rsa, "--min-signers", "2", "--signer", &ed_fpr],
            "--min-signers 2 can never be met: the --signer pins name 1 of the supplied keys",
        ),
    ];
    for (opts, says) in cases {
        let mut args = vec!["--now", NOW];
        args.extend_from_slice(opts);
        args.push(&bundle);
        let r = run(&args);
        assert_eq!(r.code, 2, "{opts:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty(), "{opts:?}: {}", r.stdout);
        assert!(r.stderr.contains(says), "{opts:?}: {}", r.stderr);
    }
    // With no key at all, --min-signers demands a signature as --require-signature does
    // (README, "Supplying keys"): the unsigned seed is rejected for want of one.
    let (code, b) = verify_json("seed-example-sealed.json", &["--min-signers", "1"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "sig.required")[0]["pointer"], "/signatures");
    // Met as far as the options go: the bundle is signed by both keys
    // (fixtures/signatures/CASES.md), so it verifies.
    let r = run(&[
        "--now",
        NOW,
        "-q",
        "--cert",
        &ed,
        "--cert",
        &rsa,
        "--min-signers",
        "2",
        "--max-signatures",
        "2",
        &bundle,
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// A `--deny-pattern` that can match empty text matches in every string: an empty
/// value (a CI variable unset) or `x*` put a redaction.deny-pattern error on each of the
/// seed's strings and rejected an honest bundle, naming no customer identifier.
#[test]
fn a_deny_pattern_that_matches_the_empty_text_is_refused() {
    let seed = path("seed-example-sealed.json");
    for pattern in ["", "x*", "(ACME)?", "^", r"\b", r"(?:ACME-[0-9]+)?\b"] {
        let r = run(&["--now", NOW, "--profile", "public", "--deny-pattern", pattern, &seed]);
        assert_eq!(r.code, 2, "{pattern:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty());
        assert!(r.stderr.contains("can match empty text"), "{pattern:?}: {}", r.stderr);
    }
    // A pattern that needs a character is taken; the seed holds no ACME identifier, so
    // no string of it matches.
    let (code, b) = verify_json("seed-example-sealed.json", &["--profile", "public", "--deny-pattern", "ACME-[0-9]+"]);
    assert_eq!(code, 1, "the seed's run_seed and training.params still fail the public profile");
    assert!(findings(&b, "redaction.deny-pattern").is_empty());
    assert_eq!(findings(&b, "redaction.run-seed")[0]["pointer"], "/run_seed");
}

/// Under a profile, a bundle of a version this tool does not read cannot be judged by
/// the profile's requirements, so none of them is met: lowering the version error
/// (`--allow schema.unsupported-version`, or `--allow schema`) verified, under `--profile
/// public`, a bundle whose redaction nobody had checked (fixtures/audit/CASES.md:
/// schema-version-unsupported.json is the seed, run_seed included, at version "2.0").
#[test]
fn a_profile_is_not_met_by_a_bundle_it_cannot_judge() {
    for allow in ["schema.unsupported-version", "schema"] {
        for profile in ["public", "marketplace"] {
            let (code, b) = verify_json(
                "audit/schema-version-unsupported.json",
                &["--profile", profile, "--allow", allow, "--no-require-signature"],
            );
            assert_eq!(code, 1, "--profile {profile} --allow {allow}: {}", b["established"]);
            let f = findings(&b, "schema.unsupported-version");
            assert_eq!(f.len(), 1);
            assert_eq!((f[0]["pointer"].as_str(), f[0]["severity"].as_str()), (Some("/version"), Some("error")));
            assert!(f[0]["remapped_from"].is_null(), "not lowered: {}", f[0]);
            let breaks: Vec<&str> = f[0]["breaks"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
            assert!(breaks.contains(&"redaction.run-seed"), "{breaks:?}");
            assert_eq!(breaks.contains(&"marketplace.scale"), profile == "marketplace", "{breaks:?}");
            assert_status(&b, "redaction.run-seed", "fail");
        }
    }
    // Without a profile the override is the auditor's, as spec 5.5 has it: the verdict
    // line says what was lowered.
    let r = run(&["--now", NOW, "-q", "--allow", "schema", &path("audit/schema-version-unsupported.json")]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 error lowered by --allow schema"), "{}", r.stdout);
}

/// The verdict line says "unsigned: integrity only" only of a bundle that was read and
/// carries no signature. A signed bundle cut short (nothing read, no hash checked) and a
/// bundle whose `pgp` member holds a number were both called "unsigned: integrity only".
#[test]
fn the_verdict_line_calls_unsigned_only_a_bundle_read_without_a_signature() {
    let (code, b) = verify_json("options/cut-short.json", &[]);
    assert_eq!(code, 1);
    assert_eq!(b["verdict"], "rejected");
    assert_eq!(findings(&b, "read.syntax").len(), 1, "{}", b["findings"]);
    let said = b["established"].as_str().unwrap();
    assert!(said.starts_with("not read; "), "{said}");
    assert!(!said.contains("unsigned") && !said.contains("integrity only"), "{said}");

    let (code, b) = verify_json("options/pgp-member-a-number.json", &[]);
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "sig.form")[0]["pointer"], "/signatures/pgp");
    assert!(findings(&b, "sig.none").is_empty());
    let said = b["established"].as_str().unwrap();
    assert!(said.starts_with("a signature member holds no usable signature: integrity only; "), "{said}");
    // and sig.required, under a supplied key, says the same
    let cert = path("signatures/certs/ed25519.asc");
    let (code, b) = verify_json("options/pgp-member-a-number.json", &["--cert", &cert]);
    assert_eq!(code, 1);
    let required = findings(&b, "sig.required");
    assert_eq!(required[0]["pointer"], "/signatures");
    let m = required[0]["message"].as_str().unwrap();
    assert!(m.contains("the bundle claims no signer (its signature members hold no usable signature)"), "{m}");

    // The seed, which carries no signature at all, is still "unsigned" (sig.none).
    let (_, b) = verify_json("seed-example-sealed.json", &[]);
    assert_eq!(findings(&b, "sig.none")[0]["pointer"], "/signatures");
    assert!(b["established"].as_str().unwrap().starts_with("unsigned: integrity only; "));
}

/// `--max-bytes 0` accepted nothing: every bundle was rejected (read.too-large, exit 1)
/// as if it were too large, where many tools read 0 as "no limit". It is a usage error.
#[test]
fn max_bytes_zero_is_a_usage_error() {
    let seed = path("seed-example-sealed.json");
    for sub in [&[][..], &["digest"][..], &["canonicalize"][..]] {
        let mut args: Vec<&str> = sub.to_vec();
        args.extend(["--max-bytes", "0", &seed]);
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.is_empty());
        assert!(r.stderr.contains("--max-bytes"), "{}", r.stderr);
    }
    // One byte is a limit: the seed is over it (read.too-large, at the top).
    let (code, b) = verify_json("seed-example-sealed.json", &["--max-bytes", "1"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&b, "read.too-large")[0]["pointer"], "");
}

/// `--tolerance=-0` (or `-0.0`, `-0e5`) is the tolerance 0, and the report records it so:
/// it was recorded as `"tolerance": -0.0` and `--tolerance=-0`, a negative tolerance
/// where the option takes a fraction from 0 (spec 5.1).
#[test]
fn a_negative_zero_tolerance_is_recorded_as_zero() {
    for spelling in ["-0", "-0.0", "-0e5"] {
        let option = format!("--tolerance={spelling}");
        let r = run(&["--now", common::NOW, "--format", "json", &option, &path("seed-example-sealed.json")]);
        let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let record = &report["record"];
        assert_eq!(record["tolerance"].as_f64().map(f64::is_sign_negative), Some(false), "{spelling}: {record}");
        assert_eq!(record["tolerance"], 0.0, "{spelling}");
        let command = record["command"].as_str().unwrap();
        assert!(command.contains(" --tolerance 0 "), "{spelling}: {command}");
    }
}

/// `-q` quiets standard output, not the report a run writes to a file: with `-q
/// --output human=FILE` (a quiet CI log, the report kept as an artifact) the file held
/// the verdict line alone, with no record of the time, keys, policy, overrides or the
/// command that repeats the verdict (spec 7: every format prints the record first).
#[test]
fn quiet_leaves_a_human_report_file_whole() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("options-quiet-file");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("kept-report.txt");
    let output = format!("human={}", file.display());
    let bundle = path("signatures/unsigned.json");
    let args = ["--now", NOW, "-q", "--strict", "--allow", "claims.memory", "--output", &output, &bundle];
    let r = run(&args);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    // Standard output: the verdict line alone, as -q asks.
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.starts_with("REJECTED "), "{}", r.stdout);
    let text = std::fs::read_to_string(&file).unwrap();
    for want in [
        "judged at 2026-11-25T00:00:00Z (--now)",
        "keys      none supplied",
        "policy    profile none · strict",
        "override  --allow claims.memory",
        "rerun     aeb-verify --now 2026-11-25T00:00:00Z --strict --allow claims.memory",
        // the finding that rejected it under --strict, at its place
        "warning[sig.none]: no signature",
        "unsigned.json:55:17",
        "= at /signatures",
        "REJECTED ",
    ] {
        assert!(text.contains(want), "{want:?} in the report file:\n{text}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The human record lists `--signer` pins joined by `, ` and `--deny-pattern`s by a
/// space, in a policy line whose items are joined by ` · `: a value holding one of those
/// read as two values, or as a policy item. `--deny-pattern 'ACME [0-9]+'` was listed as
/// `deny ACME [0-9]+` (the patterns `ACME` and `[0-9]+`), and a pin on the KMS key ID
/// `k1 · strict` made the line of a run that was not strict read `· signers k1 · strict`.
/// Such a value is a JSON string literal now; plain ones are listed bare.
#[test]
fn a_listed_option_value_never_reads_as_two() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("options-listed-values");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("signatures/kms/ed25519.pem"), dir.join("e.pem")).unwrap();
    let bundle = path("signatures/bundles/kms-ed25519.json");
    let r = run_in(
        &dir,
        &[
            "--now",
            NOW,
            "--profile",
            "public",
            "--deny-pattern",
            "ACME [0-9]+",
            "--deny-pattern",
            "X-[0-9]+",
            "--kms-key",
            "k1 · strict=e.pem",
            "--kms-key",
            "plain-id=e.pem",
            "--signer",
            "k1 · strict",
            "--signer",
            "plain-id",
            &bundle,
        ],
    );
    // Signed by that key under another key ID: no pinned signature (sig.required).
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("error[sig.required]"), "{}", r.stdout);
    assert!(r.stdout.contains("   = at /signatures\n"), "{}", r.stdout);
    let policy: String = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("  policy "))
        .take_while(|l| l.starts_with("  policy ") || l.starts_with("            "))
        .map(|l| l.trim_start().trim_start_matches("policy").trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(policy.contains("not strict"), "{policy}");
    assert!(policy.ends_with("· signers \"k1 · strict\", plain-id"), "{policy}");
    assert!(r.stdout.contains("\n  deny      \"ACME [0-9]+\" X-[0-9]+\n"), "{}", r.stdout);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A `--deny-pattern` given twice is one requirement: fixtures/options/customers-150.json
/// holds 150 customer IDs (fixtures/options/README.md), and with `ACME-[0-9]+` given
/// twice the verdict counted "302 items not redacted" (each ID reported once per copy)
/// and JSON listed each pointer twice. The record lists the pattern once.
#[test]
fn a_deny_pattern_given_twice_counts_each_match_once() {
    let once = ["--profile", "public", "--deny-pattern", "ACME-[0-9]+"];
    let twice = ["--profile", "public", "--deny-pattern", "ACME-[0-9]+", "--deny-pattern", "ACME-[0-9]+"];
    let r = quiet("options/customers-150.json", &twice);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("; 152 errors: 152 items not redacted;"), "{}", r.stdout);
    let (code, b) = verify_json("options/customers-150.json", &twice);
    assert_eq!(code, 1);
    let (_, b1) = verify_json("options/customers-150.json", &once);
    assert_eq!(b["findings"], b1["findings"]);
    assert_eq!(b["counts"]["error"], 152);
    let fs = findings(&b, "redaction.deny-pattern");
    assert_eq!(fs[0]["pointer"], "/x_customers/0");
    assert_eq!(fs[1]["pointer"], "/x_customers/1");
    assert_finding(&b, "redaction.run-seed", "/run_seed", 7, 15);
}
