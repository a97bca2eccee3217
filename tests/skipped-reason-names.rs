//! The machine formats cite a file in a notice's reason as their `file` fields write it
//! (docs/report-format.md, `skipped`): a consumer matches the name a reason gives to an
//! entry by string equality. JSON and JSON lines wrote the text formats' spelling, `:\u{3a}`
//! for the second colon of `::` and a JSON string literal for a name holding `: `, which
//! names no entry of the report. The text formats keep that spelling (spec 7: a name
//! cannot continue the sentence or start a CI log command). The tree is made here.
#![cfg(unix)]

mod common;
use common::*;

/// `b/x::y.json`, `b/p: q.json` and `b/h##k.json` (bundles the walk reads) and a link to
/// each, which the walk leaves out as a file it reads already.
fn tree(tag: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("skipped-reason-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    for (i, name) in ["x::y.json", "p: q.json", "h##k.json"].iter().enumerate() {
        std::fs::copy(fixture("audit/pass-honest-roi-from-costs.json"), dir.join("b").join(name)).unwrap();
        std::os::unix::fs::symlink(name, dir.join(format!("b/l{i}.json"))).unwrap();
    }
    dir
}

const WANT: [(&str, &str); 3] =
    [("b/l0.json", "b/x::y.json"), ("b/l1.json", "b/p: q.json"), ("b/l2.json", "b/h##k.json")];

fn reason_for(file: &str) -> String {
    format!("a symbolic link to {file}, a file this walk reads: not read twice")
}

#[test]
fn json_reasons_cite_names_as_the_file_fields_write_them() {
    let dir = tree("json");
    let r = run_in(&dir, &["--format", "json", "--now", NOW, "b"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["verdict"], "verified");
    let files: Vec<&str> = v["bundles"].as_array().unwrap().iter().map(|b| b["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["b/h##k.json", "b/p: q.json", "b/x::y.json"]);
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    for ((link, target), entry) in WANT.iter().zip(skipped) {
        assert_eq!(entry["file"], *link);
        assert_eq!(entry["reason"], reason_for(target), "{entry}");
        assert_eq!(entry["unverified"], false);
        assert!(files.contains(target), "{target} is the `file` of an entry");
    }
    // The sentences on standard error keep names from continuing them.
    for shown in ["b/x:\\u{3a}y.json, a file", "\"b/p: q.json\", a file", "b/h#\\u{23}k.json, a file"] {
        assert!(r.stderr.contains(&format!("a symbolic link to {shown}")), "{shown}: {}", r.stderr);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_reasons_cite_names_as_the_file_fields_write_them() {
    let dir = tree("jsonl");
    let r = run_in(&dir, &["--format", "jsonl", "--now", NOW, "b"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let last: serde_json::Value = serde_json::from_str(r.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["verdict"], "verified");
    let skipped = last["skipped"].as_array().unwrap();
    let got: Vec<(&str, &str)> =
        skipped.iter().map(|n| (n["file"].as_str().unwrap(), n["reason"].as_str().unwrap())).collect();
    let want: Vec<(String, String)> = WANT.iter().map(|(l, t)| ((*l).to_owned(), reason_for(t))).collect();
    assert_eq!(got, want.iter().map(|(l, r)| (l.as_str(), r.as_str())).collect::<Vec<_>>());
    // No raw `::` or `##` pair reaches a CI log through the JSON text itself.
    assert!(!r.stdout.contains("##"), "{}", r.stdout);
    // The human report (standard output, a text format) still shows them safely.
    let h = run_in(&dir, &["--now", NOW, "b"]);
    assert_eq!(h.code, 0, "{}", h.stderr);
    assert!(h.stdout.contains("a symbolic link to b/x:\\u{3a}y.json, a file"), "{}", h.stdout);
    assert!(h.stdout.contains("a symbolic link to \"b/p: q.json\", a file"), "{}", h.stdout);
    std::fs::remove_dir_all(&dir).unwrap();
}
