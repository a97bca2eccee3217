//! RSA-PSS signatures of the payload with a salt of another length than the digest's
//! (OpenSSL's default is the longest) are refused as PS256 defines the salt (spec 3.5),
//! saying what they are: before, "the payload changed after signing, or the signer
//! signed other bytes", which sent the auditor after a change that never happened.
//! Files: fixtures/signatures/kms-pss-salt (make.py, README.md).

mod sigcommon;
use sigcommon::*;

fn key() -> Vec<String> {
    vec!["--kms-key".into(), format!("aeb-ps256-salt={}", fx("kms-pss-salt/key.pem"))]
}

#[test]
fn a_salt_as_long_as_the_digest_verifies() {
    verified("kms-pss-salt/salt-digest.json", key(), 1);
}

#[test]
fn another_salt_length_is_refused_saying_so() {
    for (bundle, salt) in [("kms-pss-salt/salt-max.json", "222"), ("kms-pss-salt/salt-0.json", "0")] {
        let r = verify(bundle, key());
        r.code(1);
        let m = kms_entry_finding(&r, bundle, "sig.kms.bad");
        assert!(
            m.contains(&format!("RSA-PSS signature of the payload by this key with a salt of {salt} bytes")),
            "{m}"
        );
        assert!(m.contains("has 32"), "{m}");
        assert!(!m.contains("payload changed"), "{m}");
        assert_eq!(r.verdicts(), ["rejected"], "{bundle}");
    }
}
