//! JUnit that CI viewers accept: the structure of Jenkins xunit's `junit-10.xsd`
//! (jenkinsci/xunit-plugin), checked with an XML parser (quick-xml): which attributes
//! each element may and must carry, which children it may hold, counts that match the
//! test cases, a timestamp to the second, and tabs and newlines in attributes that
//! survive XML attribute normalization.

mod common;
use common::*;
use quick_xml::events::{BytesStart, Event};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// From junit-10.xsd: (element, attributes allowed, attributes required, children allowed).
type Shape = (&'static str, &'static [&'static str], &'static [&'static str], &'static [&'static str]);
const SHAPE: &[Shape] = &[
    ("testsuites", &["name", "time", "tests", "failures", "errors"], &[], &["testsuite"]),
    (
        "testsuite",
        &[
            "name",
            "tests",
            "failures",
            "errors",
            "group",
            "time",
            "skipped",
            "timestamp",
            "hostname",
            "id",
            "package",
            "file",
            "log",
            "url",
        ],
        &["name", "tests", "failures", "errors"],
        &["testsuite", "properties", "testcase", "system-out", "system-err"],
    ),
    (
        "testcase",
        &["name", "time", "classname", "group"],
        &["name"],
        &["skipped", "error", "failure", "system-out", "system-err"],
    ),
    ("properties", &[], &[], &["property"]),
    ("property", &["name", "value"], &["name", "value"], &[]),
    ("failure", &["type", "message"], &[], &[]),
    ("error", &["type", "message"], &[], &[]),
    ("skipped", &["type", "message"], &[], &[]),
    ("system-out", &[], &[], &[]),
    ("system-err", &[], &[], &[]),
];

#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Node>,
}

fn attrs(e: &BytesStart) -> BTreeMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
            // As an XML 1.0 parser sees it: raw tabs and newlines become spaces.
            let value = a.normalized_value(quick_xml::XmlVersion::Explicit1_0).expect("attribute value").into_owned();
            (key, value)
        })
        .collect()
}

/// Parses the whole document into a tree; panics on anything not well-formed.
fn parse(xml: &str) -> Node {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(Node {
                name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
                attrs: attrs(&e),
                children: vec![],
            }),
            Event::Empty(e) => {
                let node = Node {
                    name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
                    attrs: attrs(&e),
                    children: vec![],
                };
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}

fn check_shape(n: &Node) {
    let (_, allowed, required, children) = SHAPE
        .iter()
        .find(|(name, ..)| *name == n.name)
        .unwrap_or_else(|| panic!("element <{}> not in junit-10.xsd", n.name));
    for a in n.attrs.keys() {
        assert!(allowed.contains(&a.as_str()), "<{}> may not carry {a}", n.name);
    }
    for a in *required {
        assert!(n.attrs.contains_key(*a), "<{}> must carry {a}: {:?}", n.name, n.attrs);
    }
    for c in &n.children {
        assert!(children.contains(&c.name.as_str()), "<{}> may not hold <{}>", n.name, c.name);
        check_shape(c);
    }
}

fn count(n: &Node, attr: &str) -> usize {
    n.attrs[attr].parse().unwrap()
}

fn check_counts(root: &Node) {
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for suite in &root.children {
        let cases: Vec<&Node> = suite.children.iter().filter(|c| c.name == "testcase").collect();
        let with = |what: &str| cases.iter().filter(|c| c.children.iter().any(|x| x.name == what)).count();
        assert_eq!(count(suite, "tests"), cases.len());
        assert_eq!(count(suite, "failures"), with("failure"));
        assert_eq!(count(suite, "errors"), with("error"));
        assert_eq!(count(suite, "skipped"), with("skipped"));
        let ts = &suite.attrs["timestamp"];
        assert!(
            ts.len() == 19 && ts.as_bytes()[10] == b'T' && !ts.contains('.'),
            "timestamp to the second, without fractions: {ts}"
        );
        tests += cases.len();
        failures += with("failure");
        errors += with("error");
    }
    assert_eq!((count(root, "tests"), count(root, "failures"), count(root, "errors")), (tests, failures, errors));
}

fn junit(args: &[&str]) -> (i32, Node, String) {
    let mut all = vec!["--format", "junit"];
    all.extend_from_slice(args);
    let r = run(&all);
    let root = parse(&r.stdout);
    assert_eq!(root.name, "testsuites");
    check_shape(&root);
    check_counts(&root);
    (r.code, root, r.stdout)
}

#[test]
fn fixtures_give_the_junit_10_structure() {
    for (rel, code) in [
        ("seed-example.json", 1),
        ("seed-example-sealed.json", 0),
        ("read/not-object-invalid-utf8.json", 1),
        ("integrity/tampered.json", 1),
    ] {
        let p = fixture(rel);
        // No --now: the clock has nanoseconds, the timestamp must not.
        let (got, root, _) = junit(&[p.to_str().unwrap()]);
        assert_eq!(got, code, "{rel}");
        assert_eq!(root.children.len(), 1);
    }
    let (code, root, _) = junit(&["--strict", "--now", NOW, &fixture("seed-example-sealed.json").to_string_lossy()]);
    assert_eq!(code, 1);
    assert_eq!(count(&root, "failures"), 5, "sig.none and the seed's four warning checks, under --strict");
}

#[test]
fn tabs_and_newlines_in_names_survive_and_unreadable_inputs_are_errors() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("junit-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let name = "tab\there\nand newline & <quote\".json";
    std::fs::copy(fixture("integrity/tampered.json"), dir.join(name)).unwrap();
    let missing = dir.join("missing.json");
    let (code, root, raw) = junit(&["--now", NOW, dir.join(name).to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 2, "an unreadable input");
    assert!(!raw.contains('\t'), "no raw tab anywhere");
    // Named paths that cannot be used are known first, and come first.
    let suite = &root.children[1];
    // After XML attribute normalization the name still shows where the tab and the
    // newline were (visible escapes, as every format shows control characters), with
    // the markup characters intact.
    let shown = dir.join(name).to_str().unwrap().replace('\t', "\\u{9}").replace('\n', "\\u{a}");
    assert_eq!(suite.attrs["name"], shown);
    let unreadable = &root.children[0];
    assert_eq!(unreadable.attrs["name"], missing.to_str().unwrap());
    assert_eq!((count(unreadable, "errors"), count(unreadable, "tests")), (1, 1));
    let error = &unreadable.children[0].children[0];
    assert_eq!(error.name, "error");
    assert!(error.attrs["message"].contains("No such file"), "{:?}", error.attrs);
    assert_eq!(count(&root, "errors"), 1);
}

/// Entries a directory walk left out unverified (a link, a FIFO) are testcases too:
/// skipped, or failed under `--strict`, which rejects the run; the structure and the
/// counts stay those of junit-10.xsd.
#[cfg(unix)]
#[test]
fn entries_left_out_are_skipped_or_failed_under_strict() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("junit-left-out");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("seed-example-sealed.json"), dir.join("a.json")).unwrap();
    std::os::unix::fs::symlink(fixture("seed-example-sealed.json"), dir.join("link.json")).unwrap();
    let d = dir.to_str().unwrap();
    let (code, root, _) = junit(&["--now", NOW, d]);
    assert_eq!(code, 0);
    let left_out = root.children.iter().find(|s| s.attrs["name"] == format!("{d}/link.json")).expect("a suite");
    assert_eq!(left_out.children[0].children[0].name, "skipped");
    let (code, root, _) = junit(&["--strict", "--now", NOW, d]);
    assert_eq!(code, 1);
    let left_out = root.children.iter().find(|s| s.attrs["name"] == format!("{d}/link.json")).expect("a suite");
    assert_eq!(left_out.children[0].children[0].name, "failure");
    assert_eq!(left_out.children[0].children[0].attrs["type"], "skipped-under-strict");
}
