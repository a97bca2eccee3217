//! Issue 9 point 7: a rejected bundle comes with the publisher's steps in the order that
//! works (placeholders first, `aeb-verify digest` last), and a hash computed before a
//! placeholder was filled is named as that, in plain words, not as tampering.

mod common;
use common::*;

fn report(format: &str, rel: &str) -> Run {
    let p = fixture(rel);
    run(&["--format", format, "--now", NOW, "--color", "never", p.to_str().unwrap()])
}

#[test]
fn rejected_bundle_lists_the_steps_in_order() {
    // The unsealed seed: "..." placeholders in sha256, schema_hash and recipe_hash.
    for format in ["human", "markdown"] {
        let r = report(format, "seed-example.json");
        assert_eq!(r.code, 1);
        let text = r.stdout.replace("\n     ", " ");
        let fill = text.find("1. fill every placeholder").unwrap_or_else(|| panic!("{format}: {text}"));
        let digest = text.find("2. run `aeb-verify digest FILE` last").unwrap_or_else(|| panic!("{format}: {text}"));
        assert!(fill < digest, "{format}");
    }
    let html = report("html", "seed-example.json");
    assert!(html.stdout.contains("<ol><li>fill every placeholder"), "{}", html.stdout);
    // A verified bundle has nothing to fix, and an unreadable one is exported again.
    assert!(!report("human", "seed-example-sealed.json").stdout.contains("to fix this bundle"));
    assert!(!report("human", "read/bom.json").stdout.contains("to fix this bundle"));
}

#[test]
fn a_field_filled_after_sealing_is_named_in_plain_words() {
    // fixtures/make-fixtures.py sealed it with schema_hash "...", then filled schema_hash.
    let (code, b) = verify_json("integrity/filled-after-sealing.json", &[]);
    assert_eq!(code, 1, "still rejected");
    let f = findings(&b, "integrity.hash-mismatch");
    let message = f[0]["message"].as_str().unwrap();
    assert!(message.contains("with `/schema_hash` = \"...\": the field was filled in after the hash was computed"));
    assert!(message.contains("not a changed figure") && message.contains("`aeb-verify digest` last"), "{message}");
    assert!(!message.contains("changed after it was sealed"), "{message}");
    // Real tampering still reads as such.
    let (_, t) = verify_json("integrity/tampered.json", &[]);
    assert!(findings(&t, "integrity.hash-mismatch")[0]["message"]
        .as_str()
        .unwrap()
        .contains("changed after it was sealed"));
}
