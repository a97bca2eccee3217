//! Strict reading (spec section 1): every defect is its own finding with a pointer and
//! a line:column, and rejects the bundle (exit 1). No input makes the tool panic.

mod common;
use common::*;
use sha2::Digest;

/// (fixture, rule, pointer, line, column)
const REJECTED: &[(&str, &str, &str, u64, u64)] = &[
    ("read/duplicate-name.json", "read.duplicate-name", "/app_version", 5, 3),
    ("read/duplicate-name-escaped.json", "read.duplicate-name", "/run_seed", 8, 3),
    ("read/duplicate-name-nested.json", "read.duplicate-name", "/performance_metrics/training/epochs", 35, 9),
    ("read/lone-surrogate.json", "read.lone-surrogate", "/training/backend", 53, 31),
    ("read/lone-low-surrogate.json", "read.lone-surrogate", "/training/target", 53, 53),
    ("read/noncharacter.json", "read.noncharacter", "/training/task", 53, 81),
    ("read/noncharacter-escaped.json", "read.noncharacter", "/training/task", 53, 81),
    ("read/number-overflow.json", "read.number-out-of-range", "/privacy/epsilon", 8, 27),
    ("read/number-underflow.json", "read.number-out-of-range", "/privacy/epsilon", 8, 27),
    ("read/invalid-utf8.json", "read.invalid-utf8", "/notes", 54, 13),
    ("read/bom.json", "read.bom", "", 1, 1),
    ("read/bom-after-blanks.json", "read.bom", "", 2, 2),
    ("read/utf16.json", "read.invalid-utf8", "", 1, 1),
    ("read/utf32.json", "read.invalid-utf8", "", 1, 1),
    ("read/trailing-data.json", "read.trailing-data", "", 57, 1),
    ("read/not-object.json", "read.not-object", "", 1, 1),
    ("read/syntax-trailing-comma.json", "read.syntax", "/training/params", 53, 112),
    ("read/syntax-unquoted-name.json", "read.syntax", "", 54, 3),
    ("read/syntax-raw-control.json", "read.syntax", "/notes", 54, 18),
    ("read/syntax-missing-colon.json", "read.syntax", "/notes", 54, 11),
    ("read/syntax-missing-colon-nested.json", "read.syntax", "/training/params/max_depth", 53, 108),
    ("read/syntax-missing-value.json", "read.syntax", "/training/params/max_depth", 53, 109),
    ("read/syntax-leading-zero.json", "read.syntax", "/performance_metrics/training/epochs", 34, 17),
    ("read/syntax-truncated.json", "read.syntax", "/cost_analysis/roi_analysis/roi_percentage", 30, 5),
    ("read/empty.json", "read.syntax", "", 1, 1),
];

#[test]
fn each_defect_is_rejected_with_its_rule_pointer_and_position() {
    for (file, rule, pointer, line, column) in REJECTED {
        let (code, bundle) = verify_json(file, &[]);
        assert_eq!(code, 1, "{file} exit code");
        assert_eq!(bundle["verdict"], "rejected", "{file}");
        assert_finding(&bundle, rule, pointer, *line, *column);
        // Nothing after a reading error is judged on a half-read document.
        assert!(bundle["payload"].is_null(), "{file}: no payload hash for an unreadable bundle");
    }
}

/// A file in another Unicode encoding is named by its byte order mark (the marks are
/// those of the Unicode Standard, section 23.8), not called "something that is not JSON".
#[test]
fn another_unicode_encoding_is_named_by_its_mark() {
    for (file, says) in [
        ("read/utf16.json", "the file starts with FF FE, the byte order mark of UTF-16"),
        ("read/utf32.json", "the file starts with 00 00 FE FF, the byte order mark of UTF-32"),
    ] {
        let (_, bundle) = verify_json(file, &[]);
        let f = findings(&bundle, "read.invalid-utf8");
        assert!(f[0]["message"].as_str().unwrap().starts_with(says), "{file}: {f:?}");
    }
    let r = run_with_stdin(&["--format", "json", "-"], Some(b"\xff\xfe\x00\x00{\x00\x00\x00}\x00\x00\x00"));
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let f = findings(&report["bundles"][0], "read.invalid-utf8");
    assert!(f[0]["message"].as_str().unwrap().contains("FF FE 00 00, the byte order mark of UTF-32"), "{f:?}");
}

#[test]
fn nesting_100000_levels_is_a_finding_not_a_stack_overflow() {
    let (code, bundle) = verify_json("read/too-deep.json", &[]);
    assert_eq!(code, 1);
    let f = findings(&bundle, "read.too-deep");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0]["line"].as_u64(), f[0]["column"].as_u64()), (Some(1), Some(137)));
    assert!(f[0]["pointer"].as_str().unwrap().starts_with("/deep/0/0/"));
}

#[test]
fn all_duplicates_are_reported_not_only_the_first() {
    let r = run_with_stdin(
        &["--format", "json", "-"],
        Some(br#"{"a":1,"b":{"x":1,"x":2},"a":3,"c":[{"k":1,"\u006b":2}]}"#),
    );
    assert_eq!(r.code, 1);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let mut pointers: Vec<&str> =
        findings(&report["bundles"][0], "read.duplicate-name").iter().map(|f| f["pointer"].as_str().unwrap()).collect();
    pointers.sort();
    assert_eq!(pointers, ["/a", "/b/x", "/c/0/k"]);
}

#[test]
fn size_limit_is_checked_before_reading() {
    let (code, bundle) = verify_json("seed-example-sealed.json", &["--max-bytes", "1000"]);
    assert_eq!(code, 1);
    let f = findings(&bundle, "read.too-large");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["expected"], "at most 1000 bytes (--max-bytes)");
    // Piped input is held to the same limit.
    let bytes = std::fs::read(fixture("seed-example-sealed.json")).unwrap();
    let r = run_with_stdin(&["--format", "json", "--max-bytes", "1000", "-"], Some(&bytes));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("read.too-large"));
    // It is read to one byte past the limit, no further: the report claims no size or
    // hash those 1,001 bytes would give, but the input's only, as for the file, whose
    // report records neither (it was not read).
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let f = findings(&report["bundles"][0], "read.too-large");
    let said = format!("{} {}", f[0]["message"], f[0]["found"]);
    assert!(!said.contains("1001") && said.contains("more than 1000 bytes"), "{said}");
    let real = bytes.len().to_string();
    for (args, name) in [(vec!["--format", "junit", "--max-bytes", "1000"], "-"), (vec!["--max-bytes", "1000"], "-")] {
        let r = run_with_stdin(&[args.as_slice(), &[name]].concat(), Some(&bytes));
        assert_eq!(r.code, 1);
        let prefix = format!("{:x}", sha2::Sha256::digest(&bytes[..1001]));
        assert!(!r.stdout.contains(&prefix) && !r.stdout.contains("1001"), "{}", r.stdout);
        assert!(!r.stdout.contains("input.bytes") || r.stdout.contains(&real), "{}", r.stdout);
    }
}

#[test]
fn integers_beyond_2_53_warn_but_verify() {
    let (code, bundle) = verify_json("read/big-integer.json", &[]);
    assert_eq!(code, 0, "{bundle}");
    let f = findings(&bundle, "read.integer-precision");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["pointer"], "/cleaning/rows_removed");
    assert_eq!(f[0]["severity"], "warning");
    assert_eq!(f[0]["found"], "12345678901234567000");
    // Under --strict the warning rejects.
    let (code, _) = verify_json("read/big-integer.json", &["--strict"]);
    assert_eq!(code, 1);
}

#[test]
fn hostile_bytes_never_panic() {
    // A sample of truncations and byte flips of a real bundle: the exit code is always
    // 0 or 1 (101 would be a panic).
    let base = std::fs::read(fixture("seed-example-sealed.json")).unwrap();
    let mut inputs: Vec<Vec<u8>> = (0..base.len()).step_by(97).map(|n| base[..n].to_vec()).collect();
    for (i, b) in [0x00u8, 0x22, 0x5c, 0x7b, 0x7d, 0x80, 0xc3, 0xed, 0xf4, 0xff].iter().enumerate() {
        let mut v = base.clone();
        let at = (i * 173 + 11) % v.len();
        v[at] = *b;
        inputs.push(v);
    }
    inputs.push(b"{\"a\":\"\\ud800\\u".to_vec());
    inputs.push(b"{\"a\":-}".to_vec());
    inputs.push(b"{\"a\":1e}".to_vec());
    inputs.push(b"{\"a\":\"\xf0\x9f\"}".to_vec());
    for input in inputs {
        let r = run_with_stdin(&["--format", "json", "-"], Some(&input));
        assert!(r.code == 0 || r.code == 1, "exit {} for {:?}: {}", r.code, String::from_utf8_lossy(&input), r.stderr);
    }
}

/// A defect inside a member *name* (fixtures/make-fixtures.py, "name-"): reported at
/// the pointer of the member whose name holds it, the name as read (a lone surrogate
/// and a byte that is not UTF-8 as U+FFFD, a control character as itself;
/// docs/report-format.md), not at the member before it; the message says so.
/// (fixture, rule, pointer, line, column)
const NAME_DEFECTS: &[(&str, &str, &str, u64, u64)] = &[
    ("read/name-lone-surrogate.json", "read.lone-surrogate", "/training/back\u{FFFD}end", 53, 22),
    ("read/name-noncharacter.json", "read.noncharacter", "/training/ta\u{FDD0}sk", 53, 61),
    ("read/name-invalid-utf8.json", "read.invalid-utf8", "/no\u{FFFD}tes", 54, 6),
    ("read/name-raw-control.json", "read.syntax", "/no\ttes", 54, 6),
];

#[test]
fn a_defect_in_a_member_name_is_at_that_members_pointer() {
    for (file, rule, pointer, line, column) in NAME_DEFECTS {
        let (code, bundle) = verify_json(file, &[]);
        assert_eq!(code, 1, "{file} exit code");
        assert_finding(&bundle, rule, pointer, *line, *column);
        let f = findings(&bundle, rule);
        assert_eq!(f.len(), 1, "{file}: {f:?}");
        let message = f[0]["message"].as_str().unwrap();
        assert!(message.starts_with("the member name holds "), "{file}: {message}");
    }
}

/// The first member of an object (once reported at its parent), one after another
/// (once at that one), and what lies inside a member whose name is defective.
#[test]
fn a_name_defect_is_not_blamed_on_the_parent_or_the_previous_member() {
    let cases: &[(&[u8], &str, &[&str])] = &[
        (br#"{"n\ud800":1}"#, "read.lone-surrogate", &["/n\u{FFFD}"]),
        (br#"{"a":{"b":1,"c\udc00d":{"e\ufdd0":1}}}"#, "read.lone-surrogate", &["/a/c\u{FFFD}d"]),
        (br#"{"a":{"b":1,"c\udc00d":{"e\ufdd0":1}}}"#, "read.noncharacter", &["/a/c\u{FFFD}d/e\u{FDD0}"]),
        (br#"{"a":[{"x~/\ufdd0":2}]}"#, "read.noncharacter", &["/a/0/x~0~1\u{FDD0}"]),
        (b"{\"version\":\"1.0\",\"big\":1,\"n\xff\":2}", "read.invalid-utf8", &["/n\u{FFFD}"]),
        (b"{\"a\":{\"\x01\":2}}", "read.syntax", &["/a/\u{1}"]),
    ];
    for (input, rule, want) in cases {
        let r = run_with_stdin(&["--format", "json", "-"], Some(input));
        assert_eq!(r.code, 1, "{}", String::from_utf8_lossy(input));
        let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let got: Vec<&str> =
            findings(&report["bundles"][0], rule).iter().map(|f| f["pointer"].as_str().unwrap()).collect();
        assert_eq!(&got, want, "{}", String::from_utf8_lossy(input));
    }
}

/// Each one-line input is rejected with `read.syntax` at (pointer, line 1, column) and
/// that message.
#[track_caller]
fn assert_syntax_at(cases: &[(&[u8], &str, u64, &str)]) {
    for (input, pointer, column, message) in cases {
        let text = String::from_utf8_lossy(input);
        let r = run_with_stdin(&["--format", "json", "-"], Some(input));
        assert_eq!(r.code, 1, "{text}");
        let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let bundle = &report["bundles"][0];
        assert_finding(bundle, "read.syntax", pointer, 1, *column);
        assert_eq!(findings(bundle, "read.syntax")[0]["message"], *message, "{text}");
    }
}

/// A colon or a value missing after a member name is a defect of that member: its
/// pointer names it (it once named the member before it, or the parent for a first
/// member), at the byte where the colon or value should be.
#[test]
fn a_missing_colon_or_value_is_at_the_member_being_read() {
    let cases: &[(&[u8], &str, u64, &str)] = &[
        (br#"{"a": 1, "b" 2}"#, "/b", 14, "expected ':' after a member name, found '2'"),
        (br#"{"a": {"x": 1, "y" 2}}"#, "/a/y", 20, "expected ':' after a member name, found '2'"),
        (br#"{"a": {"y" 2}}"#, "/a/y", 12, "expected ':' after a member name, found '2'"),
        (br#"{"a":[{"k~/" 1}]}"#, "/a/0/k~0~1", 14, "expected ':' after a member name, found '1'"),
        (br#"{"b" }"#, "/b", 6, "expected ':' after a member name, found '}'"),
        (br#"{"a":1,"b" "#, "/b", 12, "expected ':' after a member name, found the end of the input"),
        (br#"{"b": }"#, "/b", 7, "expected a value, found '}'"),
        (br#"{"b":"#, "/b", 6, "expected a value, found the end of the input"),
        (br#"{"a":1,"b":,"c":2}"#, "/b", 12, "expected a value, found ','"),
        (br#"{"a":{"x":1,"y":}}"#, "/a/y", 17, "expected a value, found '}'"),
    ];
    assert_syntax_at(cases);
    // A byte that is not UTF-8 where the colon should be: that rule, at that member.
    let r = run_with_stdin(&["--format", "json", "-"], Some(b"{\"a\":1,\n \"b\" \xff}"));
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_finding(&report["bundles"][0], "read.invalid-utf8", "/b", 2, 6);
}

/// A member with no name in double quotes has no pointer of its own: it is at the
/// object that holds it (docs/report-format.md), not at the member before it, which has
/// no defect. A character beyond ASCII is named as itself, not as its first byte.
#[test]
fn a_missing_member_name_is_at_its_object() {
    let cases: &[(&[u8], &str, u64, &str)] = &[
        ("{\"a\":1,\u{e9}:1}".as_bytes(), "", 8, "expected a member name in double quotes, found '\u{e9}' (U+00E9)"),
        (br#"{"a":{"b":1,}}"#, "/a", 13, "expected a member name in double quotes, found '}'"),
        (br#"{"a":{"b":{"c":1},}}"#, "/a", 19, "expected a member name in double quotes, found '}'"),
        (br#"{"a":[{"x":1,}]}"#, "/a/0", 14, "expected a member name in double quotes, found '}'"),
        (br#"{,}"#, "", 2, "expected a member name in double quotes, found ','"),
        (br#"{"a":{'b':1}}"#, "/a", 7, "expected a member name in double quotes, found '''"),
    ];
    assert_syntax_at(cases);
}

/// Many defects in one long member name: the first of each rule is listed, at the
/// name's pointer, and the others counted exactly in the rule's "and N more" finding.
/// Each listed finding carries the whole name: listing a hundred of them made a 3 MB
/// name cost 300 MB and 15 s.
#[test]
fn many_defects_in_one_name_list_one_and_count_the_rest() {
    let n = 5_000;
    let input = format!("{{\"version\":\"1.0\",\"a\":{{\"b\":1,\"{}\":2}}}}", "x\\ud800".repeat(n));
    let r = run_with_stdin(&["--format", "json", "-"], Some(input.as_bytes()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let bundle = &report["bundles"][0];
    let fs = findings(bundle, "read.lone-surrogate");
    assert_eq!(fs.len(), 2, "{fs:?}");
    let name = "x\u{FFFD}".repeat(n);
    assert_eq!(fs[0]["pointer"], format!("/a/{name}"));
    assert_eq!((fs[0]["line"].as_u64(), fs[0]["column"].as_u64()), (Some(1), Some(31)));
    // The "and N more" finding points at the nearest ancestor of at most 4 KiB (the
    // name is 15 KB); its column is the first unlisted defect's.
    assert_eq!(fs[1]["pointer"], "/a");
    assert_eq!(fs[1]["column"], 38);
    assert_eq!(
        fs[1]["message"],
        format!("and {} more read.lone-surrogate finding(s) not listed, the first of them here", n - 1)
    );
    assert_eq!(bundle["counts"]["error"], n);
}

/// Every pointer under a member name repeats it: a 2 MB name over 50 lone surrogates
/// listed 50 findings of 2 MB each (a 4 MB name over 200 took 800 MB and 40 s). Listed
/// findings now carry at most about 4 MiB of text between them (plus one); the rest are
/// counted, exactly, in the rule's "and N more" finding, whose pointer is cut to an
/// ancestor of at most 4 KiB (its line and column stay exact).
#[test]
fn findings_under_a_long_name_are_counted_past_a_text_budget() {
    let name = "n".repeat(2 << 20);
    let items = vec!["\"\\ud800\""; 50].join(",");
    let bundle = format!("{{\"version\":\"1.0\",\"{name}\":[{items}]}}");
    let r = run_with_stdin(&["--format", "json", "--now", NOW, "-"], Some(bundle.as_bytes()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.len() < 16 << 20, "a report of {} bytes", r.stdout.len());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = v["bundles"][0]["findings"].as_array().unwrap();
    let ours: Vec<&serde_json::Value> = findings.iter().filter(|f| f["rule"] == "read.lone-surrogate").collect();
    let listed = ours.iter().filter(|f| !f["message"].as_str().unwrap().starts_with("and ")).count();
    assert!((1..=3).contains(&listed), "{listed} listed");
    let more = ours.iter().find(|f| f["message"].as_str().unwrap().starts_with("and ")).unwrap();
    assert_eq!(
        more["message"],
        format!("and {} more read.lone-surrogate finding(s) not listed, the first of them here", 50 - listed)
    );
    assert!(more["pointer"].as_str().unwrap().len() <= 4096, "the more-finding's pointer is cut to an ancestor");
    assert_eq!(v["bundles"][0]["counts"]["error"], 50);
}

/// The seed, sealed, with a member added after sealing: 100 levels of 10,000-character
/// names over 300 integers that RFC 8785 rounds (five read.integer-precision findings
/// listed, each with a megabyte-long pointer: past the 4 MiB of findings text listed,
/// docs/security.md), then `late` before `notes`. Written under the target directory.
fn flooded(tag: &str, late: &str) -> (String, std::path::PathBuf) {
    let sealed = std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap();
    let mut deep = format!("[{}]", vec!["12345678901234567890"; 300].join(","));
    for i in 0..100u8 {
        let name = char::from(b'a' + i % 26).to_string().repeat(10_000);
        deep = format!("{{\"{name}\":{deep}}}");
    }
    let text = sealed.replacen("\"notes\":", &format!("\"x-deep\": {deep},\n  {late}\"notes\":"), 1);
    assert_ne!(text, sealed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("flood-{tag}"));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bundle.json");
    std::fs::write(&path, &text).unwrap();
    (text, path)
}

/// Line and column (1-based, in characters: the text here is ASCII) of byte `at`.
fn line_column(text: &str, at: usize) -> (u64, u64) {
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    (line as u64, column as u64)
}

/// The five long reading findings spent the budget, and the one finding that rejects
/// the bundle, the hash mismatch, was shown as "and 1 more integrity.hash-mismatch
/// finding(s) not listed", with no expected or found hash. A rule's first finding is
/// now listed whenever its own text is small.
#[test]
fn a_flood_of_long_reading_findings_does_not_hide_the_hash_mismatch() {
    let (text, path) = flooded("mismatch", "");
    let r = run(&["--format", "json", "--now", NOW, path.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let b = &v["bundles"][0];
    let precision = findings(b, "read.integer-precision");
    assert!(precision.iter().any(|f| f["pointer"].as_str().is_some_and(|p| p.len() > 1_000_000)), "{precision:?}");
    let mismatch = findings(b, "integrity.hash-mismatch");
    assert_eq!(mismatch.len(), 1, "{mismatch:?}");
    let f = mismatch[0];
    assert!(!f["message"].as_str().unwrap().starts_with("and "), "{f}");
    // The hash the seed states (the member was added after sealing).
    let sealed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("seed-example-sealed.json")).unwrap()).unwrap();
    let stated = sealed["signatures"]["sha256"].as_str().unwrap();
    assert_eq!(f["found"], stated, "{f}");
    let (line, column) = line_column(&text, text.find(&format!("\"{stated}\"")).unwrap());
    assert_finding(b, "integrity.hash-mismatch", "/signatures/sha256", line, column);
}

/// The reader keeps the same budget: after the five long findings, a lone surrogate at
/// `/x-late` was "and 1 more read.lone-surrogate finding(s) not listed". It is listed.
#[test]
fn a_flood_of_long_reading_findings_does_not_hide_a_later_reading_error() {
    let (text, path) = flooded("surrogate", "\"x-late\": \"\\ud800\",\n  ");
    let r = run(&["--format", "json", "--now", NOW, path.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let b = &v["bundles"][0];
    let late = findings(b, "read.lone-surrogate");
    assert_eq!(late.len(), 1, "{late:?}");
    assert!(!late[0]["message"].as_str().unwrap().contains("not listed"), "{}", late[0]);
    // At the escape's backslash, as for fixtures/read/lone-surrogate.json.
    let (line, column) = line_column(&text, text.find("\"\\ud800\"").unwrap() + 1);
    assert_finding(b, "read.lone-surrogate", "/x-late", line, column);
}

/// A line ends at LF, CRLF or a lone CR (classic Mac OS); U+2028, U+2029 and U+0085 inside
/// a string do not (docs/spec.md, "Positions"). The fixtures are number-overflow.json with
/// other line ends, so the finding is where that file has it, line 8, column 27, in every
/// format: a file saved with lone CRs put every finding on line 1 before.
#[test]
fn lines_end_at_lf_crlf_and_lone_cr_in_every_format() {
    for file in ["read/lines-cr.json", "read/lines-crlf.json", "read/lines-separators.json"] {
        let (code, bundle) = verify_json(file, &[]);
        assert_eq!(code, 1, "{file}");
        assert_finding(&bundle, "read.number-out-of-range", "/privacy/epsilon", 8, 27);

        let path = fixture(file);
        let path = path.to_str().unwrap();
        let sarif = run(&["--format", "sarif", "--now", NOW, path]);
        let v = assert_valid_sarif(&sarif.stdout);
        // SARIF's default is CRLF and LF only: the run says a lone CR counted too.
        assert_eq!(v["runs"][0]["newlineSequences"], serde_json::json!(["\r\n", "\n", "\r"]), "{file}");
        let result = v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "read.number-out-of-range")
            .unwrap_or_else(|| panic!("{file}: no SARIF result"));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(8), Some(27)), "{file}");

        // The human report's place and the source line it shows: line 8 alone.
        let human = run(&["--now", NOW, path]);
        assert!(human.stdout.contains(&format!("{path}:8:27")), "{file}: {}", human.stdout);
        let line8 = "8 │   \"privacy\": { \"epsilon\": 1e400, \"synthetic_ratio\": 0.98 },\n";
        assert!(human.stdout.contains(line8), "{file}: {}", human.stdout);

        // canonicalize and digest refuse it, naming the same place.
        let canon = run(&["canonicalize", path]);
        assert_eq!(canon.code, 1, "{file}");
        assert!(canon.stderr.contains(&format!("{path}:8:27: error[read.number-out-of-range]")), "{}", canon.stderr);
    }
}
