//! `--verbose` on a batch: each bundle in full as it comes, its own record naming what
//! each key verified in that bundle and the command that repeats its verdict. The
//! record named what each key verified in the whole run, so N signed bundles printed
//! N^2 lines (1,000 bundles: 100 MB) and every report was kept until the end.

mod sigcommon;
use sigcommon::*;

#[test]
fn each_bundle_names_only_what_the_key_verified_in_it() {
    // Both verify with certs/ed25519.asc (fixtures/signatures/CASES.md).
    let a = fx("bundles/pgp-ed25519.json");
    let b = fx("bundles/pgp-and-kms.json");
    let cert = fx("certs/ed25519.asc");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aeb-verify"))
        .args(["--verbose", "--color", "never", "--now", NOW, "--no-require-signature", "--cert", &cert, &a, &b])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Each section starts with its title line; cut the report at them.
    let sections: Vec<&str> = words.split("aeb-verify 0.").skip(1).collect();
    assert_eq!(sections.len(), 2, "{words}");
    for (section, own, other) in [(sections[0], &a, &b), (sections[1], &b, &a)] {
        assert!(section.contains(&format!("verified {own}#/signatures/pgp")), "{section}");
        assert!(!section.contains(&format!("{other}#")), "names the other bundle's signature: {section}");
        // The command that repeats this bundle's verdict: up to its own name, no other.
        let rerun = section.split("rerun ").nth(1).unwrap_or_default();
        let command = rerun.split(own.as_str()).next().unwrap_or_default();
        assert!(rerun.contains(own.as_str()) && !command.contains(other.as_str()), "{rerun}");
    }
    // The run's account still follows the bundles.
    assert!(words.contains("2 files found, 2 read"), "{words}");
}
