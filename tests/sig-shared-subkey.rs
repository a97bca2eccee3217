//! One signing subkey bound to two supplied certificates: the signature is checked
//! against the certificate its key_id names, whatever the order of the --cert options.
//! Expectations: fixtures/signatures/shared-subkey/README.md.

mod sigcommon;
use sigcommon::*;

fn fpr(name: &str) -> String {
    let text = std::fs::read_to_string(fx("shared-subkey/fingerprints.txt")).expect("fingerprints.txt");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")).map(str::to_owned))
        .unwrap_or_else(|| panic!("no {name} in fingerprints.txt"))
}

fn ss(name: &str) -> [String; 2] {
    ["--cert".into(), fx(&format!("shared-subkey/{name}"))]
}

#[test]
fn the_certificate_key_id_names_is_tried_first_whatever_the_order() {
    for order in [["first.asc", "second.asc"], ["second.asc", "first.asc"]] {
        let r = verified("shared-subkey/signed-first.json", args([ss(order[0]), ss(order[1])]), 1);
        r.lacks("sig.pgp.key-id-mismatch");
        let signer = &r.rows()[0]["signer"];
        assert_eq!(signer["primary"], fpr("first"), "{order:?}");
        assert_eq!(signer["key"], fpr("subkey"), "{order:?}");
    }
}
