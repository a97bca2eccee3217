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

/// `--signer` naming the second certificate's primary key: the signature was made by the
/// subkey that certificate binds (with the subkey's back-signature; gpgv and sqv accept
/// the signature with second.asc alone, make.py checks), and a pin on a primary key
/// counts signatures by any of its certificate's signing keys (spec 3.6). Before, the
/// signature counted only for the certificate key_id names, the bundle's claim: exit 1,
/// `sig.required` at /signatures, "no signature verifies against one of the --signer
/// keys". One key is one signer still: both pinned with --min-signers 2 is not met.
#[test]
fn a_pin_on_the_second_certificate_counts_the_shared_subkeys_signature() {
    for order in [["first.asc", "second.asc"], ["second.asc", "first.asc"]] {
        for pin in [fpr("second"), fpr("second")[24..].to_owned(), fpr("first")] {
            let mut a = args([ss(order[0]), ss(order[1])]);
            a.extend(["--signer".to_owned(), pin.clone()]);
            let r = verified("shared-subkey/signed-first.json", a, 1);
            r.lacks("sig.required");
            assert_eq!(r.rows()[0]["signer"]["key"], fpr("subkey"), "{order:?} {pin}");
        }
    }
    let mut a = args([ss("first.asc"), ss("second.asc")]);
    a.extend(["--signer", &fpr("first"), "--signer", &fpr("second"), "--min-signers", "2"].map(str::to_owned));
    let r = verify("shared-subkey/signed-first.json", a);
    r.code(1);
    r.finding("sig.min-signers", "error", "/signatures");
}

/// A certificate that lists the subkey as its own without the subkey's back-signature
/// (gpgv and sqv refuse the signature with it): a pin on it is not met by the subkey's
/// signature, though the first certificate verifies it.
#[test]
fn a_pin_on_a_certificate_binding_the_subkey_without_its_back_signature_is_not_met() {
    let mut a = args([ss("first.asc"), ss("claimant-no-backsig.asc")]);
    a.extend(["--signer".to_owned(), fpr("claimant")]);
    let r = verify("shared-subkey/signed-first.json", a);
    r.code(1);
    let m = r.finding("sig.required", "error", "/signatures");
    assert!(m.contains(&fpr("claimant")), "{m}");
    assert_eq!(r.rows()[0]["verdict"], "verified");
}
