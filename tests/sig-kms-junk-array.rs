//! A `signatures.kms` array of numbers (the schema's `items` wants objects): each item is
//! a `schema.invalid` finding, listed up to the cap in pointer order and then counted.
//! jsonschema holds every error it finds at once (about 450 bytes each), so 1.25 million
//! numbers (2.5 MB) peaked at 690 MB, 27 times a plain bundle of the same size (release
//! build); the schema check now gives it only the items that can be listed, and counts
//! the rest (src/schema/mod.rs `set_aside_items`). The findings are the same as before.
//! Contract section 1: no input may cost more than a small constant times reading it.

mod common;
mod sigcommon;
use sigcommon::*;

/// Peak memory of verifying `path` (`common::peak_kib`).
fn peak_kib(path: &str) -> u64 {
    common::peak_kib(&["-q", "--now", NOW, path])
}

fn junk_kms(name: &str, n: usize) -> String {
    bundle_with(name, &format!("{{ \"sha256\": \"SHA\", \"kms\": [{}] }}", vec!["1"; n].join(",")))
}

#[test]
fn the_listed_findings_and_the_count_are_those_of_every_item() {
    let n = 200_000;
    let path = junk_kms("kms-200k-numbers.json", n);
    let r = run(&path, &[]);
    r.code(1);
    let f = r.whole("schema.invalid");
    // Pointer order is text order: "/signatures/kms/10" before "/signatures/kms/2".
    let mut pointers: Vec<String> = (0..n).map(|i| format!("/signatures/kms/{i}")).collect();
    pointers.sort();
    assert_eq!(f.len(), 101, "100 listed and one 'and N more'");
    for (finding, pointer) in f.iter().zip(&pointers).take(100) {
        assert_eq!(finding["pointer"], pointer.as_str());
        assert_eq!(finding["message"], "[type] 1 is not of type \"object\"");
        assert_eq!(finding["severity"], "error");
    }
    let more = &f[100];
    assert_eq!(more["pointer"], pointers[100].as_str(), "the first not listed");
    assert_eq!(
        more["message"],
        format!("and {} more schema.invalid finding(s) not listed, the first of them here", n - 100)
    );
    // Line and column of the first item: the line of `"kms": [`, just after the `[`.
    let text = std::fs::read_to_string(&path).expect("bundle");
    let (i, line) = text.lines().enumerate().find(|(_, l)| l.contains("\"kms\": [")).expect("kms");
    let column = line.find("\"kms\": [").expect("kms") + "\"kms\": [".len() + 1;
    assert_eq!((f[0]["line"].as_u64(), f[0]["column"].as_u64()), (Some(i as u64 + 1), Some(column as u64)));
}

/// 1.25 million numbers in `signatures.kms` (2.5 MB) against a plain bundle of the same
/// size (its `notes` one long string): before, 19 to 27 times its peak (debug and release
/// builds); the same array as an unknown top-level member costs about 4 times.
#[test]
fn a_junk_kms_array_costs_a_small_multiple_of_a_plain_bundle() {
    let n = 1_250_000;
    let junk = junk_kms("kms-1.25m-numbers.json", n);
    let size = std::fs::metadata(&junk).expect("junk").len() as usize;
    let base = std::fs::read_to_string(fx("unsigned.json")).expect("fixture");
    let plain = base.replacen("\"notes\": \"", &format!("\"notes\": \"{}", "a".repeat(size - base.len())), 1);
    let plain_path = std::path::Path::new(&junk).with_file_name("plain-same-size.json");
    std::fs::write(&plain_path, plain).expect("write");
    let (p, j) = (peak_kib(&plain_path.to_string_lossy()), peak_kib(&junk));
    assert!(p > 0 && j > 0, "read /proc: {p} {j}");
    let ratio = j as f64 / p as f64;
    eprintln!("plain {p} KiB, junk kms array {j} KiB: {ratio:.1}x");
    assert!(ratio < 12.0, "a junk kms array peaked at {ratio:.1} times a plain bundle ({j} against {p} KiB)");
}
