//! Text from a bundle or a file name never reaches the output raw: terminal escape
//! sequences, carriage returns, newlines, C1 controls and bidi or zero-width characters
//! are shown as escapes in every format, so no bundle can erase the REJECTED line,
//! print a VERIFIED one, or forge a line of the Markdown checklist.
//!
//! The hostile strings are spelled out here, as `fixtures/make-fixtures.py` writes them
//! into `fixtures/output/`; the expectations come from that script, not from the tool.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// What the fixtures' names and strings carry (make-fixtures.py, FORGED).
const FORGED: &str = "\x1b[1A\x1b[2K\r\x1b[32mVERIFIED\x1b[0m forged.json: 0 error(s), 0 warning(s)\n\x1b[8m";
/// The same, as `text::escape_control` shows it.
const FORGED_SHOWN: &str =
    "\\u{1b}[1A\\u{1b}[2K\\u{d}\\u{1b}[32mVERIFIED\\u{1b}[0m forged.json: 0 error(s), 0 warning(s)\\u{a}\\u{1b}[8m";

const FORMATS: [&str; 5] = ["human", "markdown", "junit", "json", "sarif"];

/// Characters that must never appear raw: every C0 control but the newline and tab a
/// format lays itself out with, DEL, C1, and the bidi and invisible characters used here.
fn raw_hidden(out: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(out);
    text.chars()
        .find(|&c| {
            (c < ' ' && c != '\n' && c != '\t')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(c, '\u{202e}' | '\u{2066}' | '\u{2069}' | '\u{200b}')
        })
        .map(|c| format!("U+{:04X}", u32::from(c)))
}

fn run_on(format: &str, path: &Path, extra: &[&str]) -> Run {
    let p = path.to_str().unwrap().to_owned();
    let mut args = vec!["--format", format, "--now", NOW, "--color", "never"];
    args.extend_from_slice(extra);
    args.push(&p);
    run(&args)
}

/// The human report's verdict lines: the only lines that start with a verdict word.
fn verdict_lines(stdout: &str) -> Vec<&str> {
    stdout.lines().filter(|l| l.starts_with("VERIFIED") || l.starts_with("REJECTED")).collect()
}

#[test]
fn member_names_cannot_forge_the_verdict() {
    // Two members named FORGED: a duplicate name, so the bundle is rejected (read.duplicate-name).
    let path = fixture("output/escape-member-name.json");
    for format in FORMATS {
        let r = run_on(format, &path, &[]);
        assert_eq!(r.code, 1, "{format}: {}", r.stdout);
        assert_eq!(raw_hidden(&r.raw), None, "{format} printed a raw control: {}", r.stdout);
        assert!(!r.stdout.contains(FORGED));
    }
    let human = run_on("human", &path, &[]);
    let lines = verdict_lines(&human.stdout);
    assert_eq!(lines.len(), 1, "{}", human.stdout);
    assert!(lines[0].starts_with("REJECTED "), "{}", lines[0]);
    // The name is still shown, escaped: the reader can see what the bundle holds.
    assert!(human.stdout.replace(['│', '┆', '\n', ' '], "").contains(&FORGED_SHOWN.replace([' ', '\n'], "")));

    // JSON keeps the data exact (decoded strings are the bundle's), and the message,
    // which is for people, shows the escapes.
    let (code, b) = verify_json("output/escape-member-name.json", &[]);
    assert_eq!(code, 1);
    let f = findings(&b, "read.duplicate-name");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["pointer"], format!("/{FORGED}"));
    assert_eq!((f[0]["line"].as_u64(), f[0]["column"].as_u64()), (Some(6), Some(3)));
    assert!(f[0]["message"].as_str().unwrap().contains(FORGED_SHOWN), "{}", f[0]["message"]);
}

#[test]
fn strings_cannot_forge_the_verdict_or_reorder_text() {
    // A claim holding FORGED between a right-to-left override and an isolate, and an
    // extension member whose name sets the terminal title: both quoted in findings.
    let path = fixture("output/escape-strings.json");
    for format in FORMATS {
        // --strict: the claims' warnings reject, so a forged VERIFIED would be a lie.
        let r = run_on(format, &path, &["--strict"]);
        assert_eq!(r.code, 1, "{format}: {}", r.stdout);
        assert_eq!(raw_hidden(&r.raw), None, "{format} printed a raw control: {}", r.stdout);
    }
    let human = run_on("human", &path, &["--strict"]);
    let lines = verdict_lines(&human.stdout);
    assert_eq!(lines.len(), 1, "{}", human.stdout);
    assert!(lines[0].starts_with("REJECTED "));

    let (code, b) = verify_json("output/escape-strings.json", &[]);
    assert_eq!(code, 0, "warnings only without --strict");
    // A claim holding direction controls is not read (its "100%" was claims.unsupported):
    // one claims.unchecked finding, quoting it escaped: as a JSON string literal (the
    // controls as JSON writes them), the invisible characters JSON keeps raw as `\u{..}`.
    let claim = findings(&b, "claims.unchecked");
    assert_eq!(claim.len(), 1);
    assert_eq!(claim[0]["pointer"], "/enterprise_validation/quality_maintained");
    let message = claim[0]["message"].as_str().unwrap();
    let forged = serde_json::to_string(FORGED).unwrap();
    let forged = forged.trim_matches('"');
    assert!(
        message.contains(&format!("100% compliance\\u{{202e}}\\u{{2066}}{forged}\\u{{2069}}\\u{{200b}}\"")),
        "{message}"
    );
    let ext = findings(&b, "schema.extension-member");
    assert_eq!(ext[0]["pointer"], "/x-\x1b]0;VERIFIED\x07\u{202e}");
}

#[test]
fn signature_rows_are_escaped() {
    // key_id = U+202E + FORGED; the signature text ends in ESC [2K.
    let path = fixture("output/escape-signature.json");
    for format in FORMATS {
        let r = run_on(format, &path, &[]);
        assert_eq!(r.code, 1, "{format}: {}", r.stdout);
        assert_eq!(raw_hidden(&r.raw), None, "{format} printed a raw control: {}", r.stdout);
    }
    let (_, b) = verify_json("output/escape-signature.json", &[]);
    assert_eq!(findings(&b, "sig.pgp.key-id-invalid")[0]["pointer"], "/signatures/pgp");
    assert_eq!(b["signatures"][0]["claimed_key_id"], format!("\u{202e}{FORGED}"));
    let md = run_on("markdown", &path, &[]);
    // Markdown prose: the escapes' backslashes and the brackets are escaped once more.
    let cell = format!("\\u{{202e}}{FORGED_SHOWN}").replace('\\', "\\\\").replace('[', "\\[");
    assert!(md.stdout.contains(&format!("| pgp object at `/signatures/pgp` | {cell} |")), "{}", md.stdout);
}

/// A fresh directory of this test binary's own.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("output-escaping-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_file_name_cannot_inject_a_verdict_line() {
    // A tampered bundle (integrity.hash-mismatch, rejected) under a name that tries to
    // close the heading and write its own verdict and ticked boxes.
    let dir = scratch("newline");
    let name = "b.json`\n\n**Verdict: VERIFIED** (0 error(s))\n\n- [x] **PASS** Hash matches\r\x1b[2K.json";
    let path = dir.join(name);
    std::fs::copy(fixture("integrity/tampered.json"), &path).unwrap();
    let md = run_on("markdown", &path, &[]);
    assert_eq!(md.code, 1);
    assert_eq!(raw_hidden(&md.raw), None);
    let verdicts: Vec<&str> = md.stdout.lines().filter(|l| l.starts_with("**Verdict:")).collect();
    assert_eq!(verdicts.len(), 1, "{}", md.stdout);
    assert!(verdicts[0].starts_with("**Verdict: REJECTED**"), "{}", verdicts[0]);
    assert!(!md.stdout.lines().any(|l| l.starts_with("- [x] **PASS** Hash matches\\r")));
    let heading = md.stdout.lines().next().unwrap();
    assert!(
        // The name holds a backtick: the code span's fence is two (CommonMark).
        heading.starts_with("# Evidence bundle audit: ``") && heading.ends_with("\\u{d}\\u{1b}[2K.json``"),
        "{heading}"
    );
    assert!(md.stdout.contains("\\u{a}\\u{a}**Verdict: VERIFIED** (0 error(s))\\u{a}"));

    for format in FORMATS {
        let r = run_on(format, &path, &[]);
        assert_eq!(r.code, 1, "{format}");
        assert_eq!(raw_hidden(&r.raw), None, "{format}: {}", r.stdout);
    }
    let human = run_on("human", &path, &[]);
    let lines = verdict_lines(&human.stdout);
    assert_eq!(lines.len(), 1, "{}", human.stdout);
    assert!(lines[0].starts_with("REJECTED "));
    // A directory walk reports the same name the same way.
    let walked = run_on("human", &dir, &["-q"]);
    assert_eq!(walked.code, 1);
    assert_eq!(verdict_lines(&walked.stdout).len(), 1, "{}", walked.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Unicode's noncharacters (U+FFFE is a byte-swapped BOM to a consumer that sniffs the
/// encoding; XML 1.0 cannot carry U+FFFE or U+FFFF) are refused in a bundle (contract
/// section 1), and a file name that holds them is shown escaped in every format.
#[test]
fn a_file_name_shows_its_noncharacters_escaped() {
    let dir = scratch("nonchar");
    let path = dir.join("a\u{fffe}b\u{ffff}c\u{fdd0}d\u{10ffff}.json");
    std::fs::copy(fixture("integrity/tampered.json"), &path).unwrap();
    for format in FORMATS {
        let r = run_on(format, &path, &[]);
        assert_eq!(r.code, 1, "{format}");
        let text = String::from_utf8_lossy(&r.raw);
        let raw = text.chars().find(|&c| matches!(c, '\u{fdd0}'..='\u{fdef}') || u32::from(c) & 0xfffe == 0xfffe);
        assert_eq!(raw, None, "{format} printed a noncharacter raw: {text}");
    }
    let human = run_on("human", &path, &[]);
    assert!(human.stdout.contains("a\\u{fffe}b\\u{ffff}c\\u{fdd0}d\\u{10ffff}.json"), "{}", human.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stderr_messages_escape_file_names() {
    // A missing file whose name would clear the line and print a verdict: exit 2, and
    // the message shows the name escaped.
    let dir = scratch("stderr");
    let path = dir.join("missing\r\x1b[2KVERIFIED.json");
    let r = run_on("human", &path, &[]);
    assert_eq!(r.code, 2);
    assert_eq!(raw_hidden(r.stderr.as_bytes()), None, "{}", r.stderr);
    assert!(r.stderr.contains("missing\\u{d}\\u{1b}[2KVERIFIED.json"), "{}", r.stderr);
    // canonicalize and digest report an unreadable bundle on stderr, one line per finding.
    let bad = dir.join("dup\x1b[2K.json");
    std::fs::copy(fixture("output/escape-member-name.json"), &bad).unwrap();
    let r = run(&["digest", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert_eq!(raw_hidden(r.stderr.as_bytes()), None, "{}", r.stderr);
    assert!(r.stderr.contains("dup\\u{1b}[2K.json:6:3: error[read.duplicate-name]"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// canonicalize, digest and diff name a file on stderr as verify's notices do (spec 7):
/// quoted when it holds `: `. A bundle named `b.json: ok; 0 errors` was reported as
/// `b.json: ok; 0 errors:1:8: error[...]`, and a missing `missing.json: ok` as `cannot
/// read missing.json: ok: No such file`, where verify says `cannot read "missing.json: ok"`.
#[test]
fn payload_commands_quote_a_file_name_that_holds_a_colon() {
    let dir = scratch("stderr-colon");
    let bad = dir.join("b.json: ok; 0 errors");
    std::fs::write(&bad, r#"{"a":1,"a":2}"#).unwrap();
    let missing = dir.join("missing.json: ok");
    let (bad, missing) = (bad.to_str().unwrap(), missing.to_str().unwrap());
    for command in ["digest", "canonicalize"] {
        let r = run(&[command, bad]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_eq!(r.stderr, format!("{bad:?}:1:8: error[read.duplicate-name] at /a: member name \"a\" appears again; readers disagree on which value wins\n"));
        let r = run(&[command, missing]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(r.stderr, format!("aeb-verify: cannot read {missing:?}: No such file or directory (os error 2)\n"));
    }
    let r = run(&["diff", bad, missing]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.ends_with(&format!("aeb-verify: {bad:?} cannot be read strictly; nothing to compare\n")),
        "{}",
        r.stderr
    );
    // verify names the missing file the same way
    let r = run(&["-q", missing]);
    assert!(r.stderr.contains(&format!("cannot read {missing:?}: No such file")), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A right-to-left override displays what follows it reversed: the string below shows
/// "4111 1111 1111 1111" (a Luhn-valid test card) while its stored order is not one;
/// `--profile public` passed it (attacker pass 6). It is read reversed too now.
#[test]
fn personal_data_displayed_reversed_by_an_override_is_found() {
    let bundle = br#"{"version":"1.0","notes":"Card \u202e1111 1111 1111 1114\u202c on file"}"#;
    let r = run_with_stdin(&["--format", "json", "--now", NOW, "--profile", "public", "-"], Some(bundle));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let cards: Vec<&serde_json::Value> =
        v["bundles"][0]["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "redaction.pii-card").collect();
    assert_eq!(cards.len(), 1, "{cards:?}");
    assert_eq!(cards[0]["pointer"], "/notes");
    assert!(cards[0]["message"].as_str().unwrap().contains("shown reversed by a right-to-left override"));
    // Without the override the same digits are no card number (Luhn), and nothing is found.
    let plain = br#"{"version":"1.0","notes":"Card 1111 1111 1111 1114 on file"}"#;
    let r = run_with_stdin(&["--format", "json", "--now", NOW, "--profile", "public", "-"], Some(plain));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = v["bundles"][0]["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["rule"] != "redaction.pii-card"), "{findings:?}");
}

/// SARIF viewers render `[text](target)` in a plain text message as a link (SARIF 2.1.0,
/// 3.11.6): the claim and the member name make-fixtures.py wrote with one are shown
/// with the parenthesis escaped, never as a link; the JSON data keeps them exact.
#[test]
fn bundle_text_opens_no_link_in_sarif() {
    let path = fixture("output/link-in-text.json");
    let r = run_on("sarif", &path, &[]);
    let sarif: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let texts: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["message"]["text"].as_str().unwrap())
        .collect();
    assert!(texts.iter().all(|t| !t.contains("](")), "{texts:?}");
    for shown in ["[the audit]\\u{28}https://evil.example/audit)", "\"x-[details]\\u{28}https://evil.example/x)\""] {
        assert!(texts.iter().any(|t| t.contains(shown)), "{shown} in {texts:?}");
    }
    let (_, b) = verify_json("output/link-in-text.json", &[]);
    assert_eq!(findings(&b, "schema.extension-member")[0]["pointer"], "/x-[details](https:~1~1evil.example~1x)");
}

/// A line a CI runner would read as a log command (GitHub Actions: `::name::` at the
/// start of a line after blanks, `##[name]` anywhere in one; Azure Pipelines `##vso[`;
/// TeamCity `##teamcity[`), if the output holds one.
fn log_command(out: &str) -> Option<&str> {
    out.lines()
        .find(|l| l.trim_start().starts_with("::") || ["##[", "##vso[", "##teamcity["].iter().any(|p| l.contains(p)))
}

/// Bundle text that spells log commands (make-fixtures.py, `output/ci-commands.json`:
/// `##[add-mask]REJECTED` would hide every later REJECTED of a GitHub Actions log,
/// `::stop-commands::` turn commands off) and file names that do: no report, in any
/// format, verbose or not, and no message on stderr prints one; the JSON data keeps
/// the exact strings.
#[test]
fn no_output_line_is_a_ci_log_command() {
    let path = fixture("output/ci-commands.json");
    for format in ["human", "markdown", "junit", "json", "jsonl", "sarif", "html"] {
        for extra in [&[][..], &["-v"][..], &["--strict"][..]] {
            let r = run_on(format, &path, extra);
            assert!(r.code == 0 || (r.code == 1 && extra == ["--strict"]), "{format} {extra:?}: {}", r.code);
            assert_eq!(log_command(&r.stdout), None, "{format} {extra:?}");
            assert_eq!(log_command(&r.stderr), None, "{format} {extra:?}");
        }
    }
    let seed = fixture("seed-example-sealed.json");
    for format in ["human", "json"] {
        let r = run(&["diff", "--format", format, seed.to_str().unwrap(), path.to_str().unwrap()]);
        assert!(r.stdout.contains("quality_maintained"), "{}", r.stdout);
        assert_eq!(log_command(&r.stdout), None, "diff {format}");
    }
    let (_, b) = verify_json("output/ci-commands.json", &[]);
    let ext = findings(&b, "schema.extension-member");
    assert_eq!(ext[0]["pointer"], "/x-::error title=VERIFIED::all checks passed ::notice::x");

    let dir = scratch("ci-commands");
    for name in ["##[add-mask]REJECTED.json", "::error title=VERIFIED::x.json"] {
        std::fs::copy(&path, dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("##vso[task.complete result=Succeeded].json"), "[").unwrap();
    for format in ["human", "markdown", "junit", "json", "jsonl", "sarif", "html"] {
        for extra in [&["-q"][..], &[][..]] {
            let r = run_on(format, &dir, extra);
            assert_eq!(r.code, 1, "{format} {extra:?}");
            assert_eq!(log_command(&r.stdout), None, "{format} {extra:?}: {}", r.stdout);
            assert_eq!(log_command(&r.stderr), None, "{format} {extra:?}: {}", r.stderr);
        }
    }
    let missing = dir.join("::error::missing.json");
    let r = run_on("human", &missing, &[]);
    assert_eq!(r.code, 2);
    assert_eq!(log_command(&r.stderr), None, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A member name that reads as the report's own words where a sentence shows its pointer
/// (fixtures/output/pointer-sentence.json: `ok, line 3, column 1; nothing else` under
/// `x-notes`, holding an e-mail address). Bare, "the string at /x-notes/ok, line 3,
/// column 1; nothing else contains an e-mail address" named line 3 and said nothing else
/// does; JUnit's "(at /x-notes/ok, line 3, column 1; nothing else, line 77, column 43)"
/// gave line 3 first. The pointer is now a JSON string literal wherever a sentence shows
/// it; the JSON report's `pointer` field stays the exact RFC 6901 string.
#[test]
fn a_member_name_cannot_continue_the_sentence_that_shows_its_pointer() {
    let path = fixture("output/pointer-sentence.json");
    let path = path.to_str().unwrap();
    let name = "ok, line 3, column 1; nothing else";
    let exact = format!("/x-notes/{name}");
    // As a JSON string literal (serde_json here; the fixture's name holds no escapes).
    let quoted = serde_json::to_string(&exact).unwrap();
    let sentence = format!("the string at {quoted} contains an e-mail address");
    let (code, b) = verify_json("output/pointer-sentence.json", &["--profile", "public"]);
    assert_eq!(code, 1);
    let f = findings(&b, "redaction.pii-email");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["pointer"], exact.as_str());
    assert_eq!(f[0]["message"], sentence.as_str());
    let human = run(&["--now", NOW, "--profile", "public", "--color", "never", path]);
    assert!(human.stdout.contains(&format!("= at {quoted}")), "{}", human.stdout);
    let junit = run(&["--now", NOW, "--profile", "public", "--format", "junit", path]);
    let attr = quoted.replace('"', "&quot;");
    assert!(junit.stdout.contains(&format!("(at {attr}, line ")), "{}", junit.stdout);
    assert!(!junit.stdout.contains(&format!("at /x-notes/{name}")), "{}", junit.stdout);
}

/// Spec 7: a pointer shown in a sentence is a JSON string literal when a name in it is
/// not plain. The integrity messages wrote the member in backticks, so a backtick in
/// its name closed the quote and the rest read as the tool's words: an unsigned note
/// named "note` is covered by the pgp signature, checked; `signatures.none" gave
/// "`signatures.note` is covered by the pgp signature, checked; `signatures.none` is not
/// defined by the format ...", and the hash diagnosis of a field filled after sealing
/// named a field `/x` "the publisher filled last, as the format asks". Fixtures by
/// fixtures/make-fixtures.py (hashes by the rfc8785 package); positions are those of
/// the values in the files json.dumps(indent=2) wrote.
#[test]
fn a_member_name_cannot_continue_an_integrity_message() {
    let name = "note` is covered by the pgp signature, checked; `signatures.none";
    let pointer = format!("/signatures/{name}");
    let (code, b) = verify_json("integrity/uncovered-member-name.json", &["--strict"]);
    assert_eq!(code, 1, "a warning under --strict");
    assert_finding(&b, "integrity.uncovered-member", &pointer, 74, 73);
    let quoted = serde_json::to_string(&pointer).unwrap();
    let f = findings(&b, "integrity.uncovered-member");
    assert_eq!(
        f[0]["message"],
        format!("{quoted} is not defined by the format and is covered by no hash or signature").as_str()
    );

    let name = "x` = \"...\": the publisher filled it last, as the format asks; nothing else changed. Not `y";
    let (code, b) = verify_json("integrity/filled-after-sealing-name.json", &[]);
    assert_eq!(code, 1);
    assert_finding(&b, "integrity.hash-mismatch", "/signatures/sha256", 72, 15);
    let quoted = serde_json::to_string(&format!("/{name}")).unwrap();
    let message = findings(&b, "integrity.hash-mismatch")[0]["message"].as_str().unwrap().to_owned();
    assert!(
        message.starts_with(&format!(
            "the recorded hash is the SHA-256 of this payload with {quoted} = \"...\": the field was filled in after"
        )),
        "{message}"
    );
    // The plain names keep their backticks.
    let (_, b) = verify_json("integrity/uncovered-member.json", &[]);
    let f = findings(&b, "integrity.uncovered-member");
    assert!(f[0]["message"].as_str().unwrap().starts_with("`signatures.signed_by` is not defined"), "{f:?}");
}

/// A claim is quoted in a finding as a JSON string literal (spec section 7: text from the
/// bundle cannot pass for the report's own words, as `text::quote_claim` quotes user IDs
/// and revocation reasons). The claims module quoted it between bare quotes, so a claim
/// `fine" is backed by a metric. Nothing to report about "100% compliance` made the
/// finding read `"100%" in the claim "fine" is backed by a metric. Nothing to report
/// about "100% compliance" is not backed by a metric`. The bundle is the seed with that
/// claim written by serde_json (no signature involved); the expectation is the claim
/// itself, parsed back from the message.
#[test]
fn a_claim_cannot_close_its_quotation() {
    let claim = "fine\" is backed by a metric. Nothing to report about \"100% compliance \\ ok";
    let mut seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("seed-example.json")).unwrap()).unwrap();
    seed["enterprise_validation"]["quality_maintained"] = claim.into();
    let path = scratch("claim-quote").join("b.json");
    let text = serde_json::to_string_pretty(&seed).unwrap();
    std::fs::write(&path, &text).unwrap();
    // Where serde_json wrote the claim's value: its line, and its column in characters.
    let at = text.find("\"quality_maintained\": ").unwrap() + "\"quality_maintained\": ".len();
    let line = text[..at].matches('\n').count() as u64 + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() as u64 + 1;
    let r = run_on("json", &path, &[]);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let b = &report["bundles"][0];
    let f = findings(b, "claims.unsupported")
        .into_iter()
        .find(|f| f["pointer"] == "/enterprise_validation/quality_maintained")
        .expect("the claim's 100% names no metric");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(line), Some(column)), "{f}");
    let message = f["message"].as_str().unwrap();
    let quoted = message
        .strip_prefix("\"100%\" in the claim ")
        .and_then(|m| m.split_once(" is not backed by a metric: "))
        .map(|(quoted, _)| quoted)
        .unwrap_or_else(|| panic!("{message}"));
    assert_eq!(serde_json::from_str::<String>(quoted).unwrap(), claim, "{message}");
    assert_eq!(serde_json::from_str::<String>(f["found"].as_str().unwrap()).unwrap(), claim);
    // The other formats show the same words.
    for format in ["human", "markdown", "junit", "sarif", "html"] {
        let out = run_on(format, &path, &[]).stdout;
        assert!(!out.contains("the claim \"fine\" is backed"), "{format}");
    }
}

/// The phrase of a record-count claim held against a table (`context.table-records-claimed`)
/// is quoted as the claims module quotes it: `160 " records` (one live file of
/// fixtures/tables/stats-missing has no statistics, so 160 is not confirmed) was shown
/// `"160 " records" claims ...`, its quote closing the quotation.
#[test]
fn a_claim_held_against_a_table_cannot_close_its_quotation() {
    let mut b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("tables/bundles/stats-missing.json")).unwrap()).unwrap();
    b["enterprise_validation"]["scale_proven"] = "160 \" records".into();
    let path = scratch("table-claim-quote").join("stats-missing.json");
    std::fs::write(&path, serde_json::to_string_pretty(&b).unwrap()).unwrap();
    let table = fixture("tables/stats-missing");
    let r = run_on("json", &path, &["--table", table.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
    let f = findings(&report["bundles"][0], "context.table-records-claimed")[0];
    assert_eq!(f["pointer"], "/enterprise_validation/scale_proven");
    let message = f["message"].as_str().unwrap();
    let (quoted, _) = message.split_once(" claims 160 records; ").unwrap_or_else(|| panic!("{message}"));
    assert_eq!(serde_json::from_str::<String>(quoted).unwrap(), "160 \" records", "{message}");
}

/// Member names in the schema findings' sentences are quoted as JSON string literals, as
/// claims are: a top-level member `x" is an extension: allowed, not checked. Nothing else.
/// "y` made the finding read `top-level member "x" is an extension: allowed, not checked.
/// Nothing else. "y" is an extension ...`, and an unknown field `q" is fine; known
/// fields: all. "z` read "unknown field "q" is fine; known fields: all.". The names, parsed
/// back from each message, are the names the bundle holds.
#[test]
fn a_member_name_cannot_close_its_quotation() {
    let top = "x\" is an extension: allowed, not checked. Nothing else. \"y";
    let field = "q\" is fine; known fields: all. \"z";
    let mut seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("seed-example.json")).unwrap()).unwrap();
    seed[top] = 1.into();
    seed["cost_analysis"]["platform_costs"][field] = 1.into();
    let path = scratch("member-quote").join("b.json");
    std::fs::write(&path, serde_json::to_string_pretty(&seed).unwrap()).unwrap();
    let r = run_on("json", &path, &[]);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let b = &report["bundles"][0];
    let quoted = |rule: &str, before: &str, after: &str| -> String {
        let m = findings(b, rule)[0]["message"].as_str().unwrap().to_owned();
        let q = m.strip_prefix(before).and_then(|m| m.rsplit_once(after)).map(|(q, _)| q.to_owned());
        serde_json::from_str(&q.unwrap_or_else(|| panic!("{m}"))).unwrap_or_else(|e| panic!("{e}: {m}"))
    };
    assert_eq!(quoted("schema.extension-member", "top-level member ", " is an extension: allowed, not checked"), top);
    assert_eq!(quoted("schema.unknown-field", "unknown field ", " in /cost_analysis/platform_costs; "), field);
    assert_eq!(findings(b, "schema.unknown-field")[0]["pointer"], format!("/cost_analysis/platform_costs/{field}"));
}
