//! Signatures (spec section 3): who vouches for the payload.

pub mod diags;

use crate::finding::{Finding, Outcome};
use crate::read::{Document, SIGNATURES};
use serde_json::Value;

/// Whether `signatures` carries any signature at all (a non-null `pgp` or `kms`).
pub fn present(sigs: Option<&Value>) -> bool {
    let Some(Value::Object(map)) = sigs else { return false };
    ["pgp", "kms"].iter().any(|k| !matches!(map.get(*k), None | Some(Value::Null)))
}

pub fn check(doc: &Document, out: &mut Outcome) {
    let sigs = doc.member_value(SIGNATURES);
    out.mark(&diags::NONE);
    if !present(sigs.as_ref()) {
        out.push(Finding::new(
            &diags::NONE,
            "/signatures",
            "no signature: the hash shows the bundle is self-consistent, not who published it",
        ));
    }
}
