//! Differential fuzzing of the strict reader (cargo fuzz run -s none reader).
//!
//! For any bytes: reading never panics. When serde_json accepts the text as well and
//! nothing I-JSON forbids is in it (serde_json silently keeps the last duplicate and
//! rounds big integers), our canonical form must equal serde_jcs's.
#![no_main]

use aeb_verify::read::{canonicalize_value, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ours = canonicalize_value(data, &Limits::default());
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    match ours {
        Ok(bytes) => {
            let oracle = serde_jcs::to_vec(&value).expect("serde_jcs serializes any Value");
            assert_eq!(
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&oracle),
                "input {:?}",
                String::from_utf8_lossy(data)
            );
        }
        Err(findings) => {
            // We may reject what serde_json accepts only for an I-JSON rule.
            let allowed = ["read.duplicate-name", "read.noncharacter", "read.number-out-of-range", "read.too-deep"];
            for f in &findings {
                assert!(
                    allowed.contains(&f.rule.id) || f.severity != aeb_verify::finding::Severity::Error,
                    "rejected {:?} with {} ({}) but serde_json accepts it",
                    String::from_utf8_lossy(data),
                    f.rule.id,
                    f.message
                );
            }
        }
    }
});
