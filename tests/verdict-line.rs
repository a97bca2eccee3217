//! Issue 9 point 2: the verdict line says what was established: who signed (name and
//! e-mail from the supplied certificate, fingerprint) or that nobody did, and what the
//! remaining warnings concern. Exit codes are unchanged.

mod common;
use common::*;

#[test]
fn unsigned_bundle_says_integrity_only_and_what_the_warnings_concern() {
    let r = quiet("seed-example-sealed.json", &[]);
    assert_eq!(r.code, 0);
    // The seed's own text: three record-count claims ("1 billion", "1B", "billion scale")
    // and the memory claim contradict its figures, "100% compliance" cites no metric,
    // deduped 10 > rows_removed 0, and `signatures` has no pgp or kms member.
    let expected = format!(
        "VERIFIED {}: unsigned: integrity only; 7 warnings: 1 missing signature, 1 inconsistent figure, \
         4 contradicted claims, 1 unsupported claim\n",
        fixture("seed-example-sealed.json").display()
    );
    assert_eq!(r.stdout, expected);
}

#[test]
fn a_rejection_under_strict_says_strict_is_why() {
    // The same seed, no error, its 7 warnings (listed above): --strict rejects it, and the
    // line says that is why rather than leaving a REJECTED with only warnings behind it.
    let r = quiet("seed-example-sealed.json", &["--strict"]);
    assert_eq!(r.code, 1);
    let expected = format!(
        "REJECTED {}: unsigned: integrity only; rejected under --strict for 7 warnings: 1 missing signature, \
         1 inconsistent figure, 4 contradicted claims, 1 unsupported claim\n",
        fixture("seed-example-sealed.json").display()
    );
    assert_eq!(r.stdout, expected);
}

#[test]
fn signed_bundle_names_the_signer_from_the_certificate() {
    let cert = fixture("signatures/certs/ed25519.asc");
    let r = quiet("signatures/bundles/pgp-ed25519.json", &["--cert", cert.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // User ID and fingerprint as gpg listed them when the fixtures were made
    // (fixtures/signatures/certs/fingerprints.txt, make-fixtures.sh).
    let list = std::fs::read_to_string(fixture("signatures/certs/fingerprints.txt")).unwrap();
    let fpr = list.lines().find_map(|l| l.strip_prefix("ed25519 ")).unwrap().split_whitespace().next().unwrap();
    assert!(
        r.stdout.contains(&format!(": signed by \"AEB fixture ed25519 <ed25519@example.test>\" ({fpr}); ")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.starts_with("VERIFIED "));
}

#[test]
fn a_signature_nobody_supplied_a_key_for_is_not_a_signer() {
    let r = quiet("signatures/bundles/pgp-ed25519.json", &[]);
    assert!(r.stdout.contains(": 1 signature(s), none verified by a supplied key: integrity only; "), "{}", r.stdout);
    assert!(!r.stdout.contains("signed by"), "{}", r.stdout);
}

#[test]
fn rejected_line_counts_errors_by_concern() {
    let r = quiet("seed-example.json", &[]);
    assert_eq!(r.code, 1);
    // The unsealed seed: sha256 is "..." (integrity.hash-not-filled, alone: contract
    // section 2) and the schema_hash and recipe_hash placeholders break the schema.
    assert!(
        r.stdout.starts_with(&format!(
            "REJECTED {}: unsigned: integrity only; 3 errors: 1 integrity problem, 2 schema violations; 7 warnings",
            fixture("seed-example.json").display()
        )),
        "{}",
        r.stdout
    );
}

/// A KMS key given without `KEY_ID=` vouches for the key, not for the name the bundle
/// gives it: the verdict names the key file and its hash, and says the ID is unbound,
/// instead of "signed by KMS key <the bundle's own key_id>".
#[test]
fn an_unbound_kms_key_is_named_by_its_file_not_by_the_bundles_key_id() {
    let pem = fixture("signatures/kms/p256.pem");
    // The same key as DER SPKI, written by OpenSSL (make-fixtures.sh); sha256sum's hash.
    let der = fixture("signatures/kms/p256.der");
    let out = std::process::Command::new("sha256sum").arg(&der).output().unwrap();
    let spki = String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned();
    let arn = "arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";
    let r = quiet("signatures/bundles/kms-ecdsa-p256.json", &["--kms-key", pem.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            ": signed by the KMS public key {} (sha256 {spki}), bound to no key ID (the bundle claims key_id \"{arn}\", \
             not checked); ",
            pem.display()
        )),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains(&format!("signed by KMS key {arn}")), "{}", r.stdout);
    // Bound with KEY_ID=FILE, the ID is the auditor's and the verdict names it.
    let bound = format!("{arn}={}", pem.display());
    let r = quiet("signatures/bundles/kms-ecdsa-p256.json", &["--kms-key", &bound]);
    assert!(
        r.stdout.contains(&format!(": signed by KMS key {arn} (public key sha256 {spki}, {}); ", pem.display())),
        "{}",
        r.stdout
    );
}

/// A key_id is the bundle's text, and `signatures` is not signed: anyone can rewrite it
/// around a good KMS signature. With an unbound key, the line quotes it as a JSON
/// string (cut at 128 characters, labelled as the bundle's claim), so a key_id that
/// closes the parenthesis and names a second, bound KMS key cannot read as one.
#[test]
fn an_unbound_kms_key_id_cannot_read_as_a_second_signer() {
    let pem = fixture("signatures/kms/p256.pem");
    let text = std::fs::read_to_string(fixture("signatures/bundles/kms-ecdsa-p256.json")).unwrap();
    let arn = "arn:aws:kms:eu-west-1:111122223333:key/6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";
    let spoof = "x) and KMS key arn:aws:kms:eu-west-1:999988887777:key/auditor-root (public key sha256 \
                 d207e974b3a1c0de5f5e9a1c2b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5, kms/p256.pem";
    assert_eq!(text.matches(arn).count(), 1);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("verdict-line-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("spoof.json");
    std::fs::write(&path, text.replace(arn, spoof)).unwrap();
    let r = run(&["-q", "--now", NOW, "--kms-key", pem.to_str().unwrap(), path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(spoof.len() > 128);
    let quoted: String = spoof.chars().take(128).collect();
    assert!(
        r.stdout.contains(&format!("bound to no key ID (the bundle claims key_id \"{quoted}\"…, not checked); ")),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("the bundle names"), "{}", r.stdout);
    assert!(!r.stdout.contains(spoof), "the whole key_id is quoted: {}", r.stdout);
}

/// A VERIFIED reached only because an override lowered errors says so on the line that
/// is read (and in JSON's `established`): before, `--profile public --allow redaction`
/// printed a plain VERIFIED for the seed, whose `run_seed` and `training.params` fail
/// the public profile (docs/spec.md 6, redaction.run-seed and redaction.training-params).
#[test]
fn a_verdict_reached_through_lowered_errors_says_so() {
    let plain = quiet("seed-example-sealed.json", &["--profile", "public"]);
    assert_eq!(plain.code, 1, "{}", plain.stdout);
    let r = quiet("seed-example-sealed.json", &["--profile", "public", "--allow", "redaction"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("VERIFIED "), "{}", r.stdout);
    assert!(r.stdout.trim_end().ends_with("; 2 errors lowered by --allow redaction"), "{}", r.stdout);
    let (_, v) = verify_json("seed-example-sealed.json", &["--profile", "public", "--allow", "redaction"]);
    let lowered: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["remapped_from"] == "error")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(lowered, ["redaction.run-seed", "redaction.training-params"]);
    assert!(v["established"].as_str().unwrap().ends_with("2 errors lowered by --allow redaction"));
    // Raising is no leniency: the line stays as it was.
    let r = quiet("seed-example-sealed.json", &["--deny", "audit.implied-records"]);
    assert!(!r.stdout.contains("lowered"), "{}", r.stdout);
}

/// A file name cannot continue the verdict line's sentence: the name of an unsigned
/// bundle holding `: signed by ...` read as that signer (`VERIFIED b.json: signed by
/// ACME ...: unsigned: integrity only`), for a CI log searched for the signer. Such a
/// name is quoted as a JSON string; one without `: ` is shown bare, as before.
#[test]
fn a_file_name_cannot_name_a_signer_in_the_verdict_line() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("verdict-line-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let forged = "b.json: signed by \"ACME <release@acme.example>\" (0123456789ABCDEF); no warnings.json";
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join(forged)).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("plain name.json")).unwrap();
    let r = run(&["-q", "--now", NOW, dir.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let path = dir.join(forged);
    let quoted = serde_json::to_string(path.to_str().unwrap()).unwrap();
    let want = format!("VERIFIED {quoted}: unsigned: integrity only");
    assert!(lines.iter().any(|l| l.starts_with(&want)), "{want}\n{}", r.stdout);
    let plain = format!("VERIFIED {}: unsigned: integrity only", dir.join("plain name.json").display());
    assert!(lines.iter().any(|l| l.starts_with(&plain)), "{plain}\n{}", r.stdout);
    assert!(!lines.iter().any(|l| l.starts_with(&format!("VERIFIED {}", path.display()))), "{}", r.stdout);
}

/// Every sentence that names a file before `: ` quotes a name holding `: `, not only the
/// verdict line. A link to a directory outside the delivery (unverified: it may hide a
/// bundle) named `x: the directory already walked as b: not walked again` made the
/// notice read "skipped b/x: the directory already walked as b: not walked again: a
/// symbolic link ...", a duplicate that hides nothing, on standard error and in the
/// SARIF notification and JUnit message that CI shows. The name is now quoted there, as
/// a JSON string; the JSON report's `file` field keeps the name itself.
#[test]
fn a_file_name_cannot_continue_a_notice_about_it() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("verdict-line-notice-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::create_dir_all(dir.join("outside")).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("b/a.json")).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("outside/hidden.json")).unwrap();
    let forged = "x: the directory already walked as b: not walked again";
    std::os::unix::fs::symlink(dir.join("outside"), dir.join("b").join(forged)).unwrap();
    let quoted = serde_json::to_string(&format!("b/{forged}")).unwrap();
    let want = format!("skipped {quoted}: a symbolic link to a directory: not walked");

    let r = common::run_in(&dir, &["-q", "--now", NOW, "b"]);
    assert_eq!(r.code, 0, "a notice only, without --strict: {}", r.stderr);
    assert!(r.stderr.contains(&format!("aeb-verify: {want}")), "{want}\n{}", r.stderr);
    assert!(!r.stderr.contains(&format!("skipped b/{forged}")), "{}", r.stderr);

    let sarif = common::run_in(&dir, &["--now", NOW, "--format", "sarif", "b"]);
    let sarif = common::assert_valid_sarif(&sarif.stdout);
    let texts: Vec<&str> = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert!(texts.iter().any(|t| t.starts_with(&want)), "{want}\n{texts:?}");

    let junit = common::run_in(&dir, &["--now", NOW, "--format", "junit", "b"]);
    let escaped = want.replace('"', "&quot;");
    assert!(junit.stdout.contains(&format!("message=\"{escaped}")), "{escaped}\n{}", junit.stdout);

    let json = common::run_in(&dir, &["--now", NOW, "--format", "json", "b"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["skipped"][0]["file"], format!("b/{forged}"));
    assert_eq!(report["skipped"][0]["unverified"], true);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The same name with a colon or a space that only looks like one: `b.json:` and a
/// NO-BREAK SPACE (U+00A0), or the MODIFIER LETTER COLON (U+A789) and a space, is drawn
/// as `b.json: signed by ...` in a terminal and a CI log, and was shown bare, so the
/// line of an unsigned bundle read as signed by ACME. Such a name is quoted as the ASCII
/// one is (the look-alikes are UTS #39 confusables of `:` and white space); a name
/// holding a colon-like letter not followed by a blank stays bare.
#[test]
fn a_file_name_cannot_name_a_signer_with_look_alike_colons_or_spaces() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("verdict-line-look-alike-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let tail = "signed by \"ACME <release@acme.example>\" (0123456789ABCDEF); no warnings.json";
    let forged =
        [format!("b.json:\u{a0}{tail}"), format!("c.json\u{a789} {tail}"), format!("d.json\u{2236}\u{2009}{tail}")];
    for name in forged.iter().chain([&"e\u{a789}x.json".to_owned()]) {
        std::fs::copy(fixture("seed-example-sealed.json"), dir.join(name)).unwrap();
    }
    let r = common::run_in(&dir, &["-q", "--now", NOW, "."]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    for name in &forged {
        let quoted = serde_json::to_string(&format!("./{name}")).unwrap();
        let want = format!("VERIFIED {quoted}: unsigned: integrity only");
        assert!(lines.iter().any(|l| l.starts_with(&want)), "{want}\n{}", r.stdout);
    }
    let bare = "VERIFIED ./e\u{a789}x.json: unsigned: integrity only";
    assert!(lines.iter().any(|l| l.starts_with(bare)), "{bare}\n{}", r.stdout);
}
