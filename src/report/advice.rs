//! One line of what to do about a finding, for the reports and `explain`. The rule's
//! explanation says why; this says what the reader does next.

use crate::rules::{Rule, Section};

/// What the publisher does to get a rejected bundle accepted, in the order that works:
/// every edit first, the hash last (it covers every other field), the signature after it.
pub const FIX_STEPS: [&str; 4] = [
    "fill every placeholder (\"...\", zeros, TODO) and correct each field named above;",
    "run `aeb-verify digest FILE` last, after every edit, and write its output into signatures.sha256 (editing any field afterwards changes the hash);",
    "sign the payload again if it is signed: `aeb-verify canonicalize FILE | gpg --detach-sign --armor`;",
    "run aeb-verify on the result.",
];

/// Whether the publisher's list applies: something other than reading rejected it
/// (a bundle that cannot be read is exported again, not edited).
pub fn fixable(r: &crate::verify::BundleReport) -> bool {
    r.verdict == crate::verify::Verdict::Rejected
        && r.outcome
            .findings
            .iter()
            .any(|f| f.severity >= crate::finding::Severity::Warning && f.rule.section != Section::Reading)
}

pub fn what_to_do(rule: &Rule) -> &'static str {
    match rule.id {
        "read.too-large" => "raise --max-bytes if a bundle this large is expected; otherwise do not accept it",
        "read.integer-precision" => "publish the number as a string, or with at most 15 significant digits; consumers will round it",
        "integrity.hash-not-filled" | "integrity.hash-malformed" => {
            "publisher: fill every other placeholder first, then run `aeb-verify digest` last and write its output into signatures.sha256"
        }
        "integrity.hash-uppercase" => "publisher: write the hash in lowercase hex",
        "integrity.hash-mismatch" => {
            "auditor: do not accept it unless the publisher explains the change; publisher: run `aeb-verify digest` after the last edit"
        }
        "integrity.uncovered-member" => "do not rely on it; publisher: move it into the signed part of the bundle",
        "sig.none" => "ask for a signed bundle and verify it with --cert or --kms-key (a supplied key demands a signature)",
        "sig.required" | "sig.pgp.unverified" => {
            "obtain the signer's certificate through a channel you trust and pass it with --cert (KMS: --kms-key KEY_ID=FILE)"
        }
        "sig.kms.unverified" => "export the public key (aws kms get-public-key, gcloud kms ...) and pass it with --kms-key KEY_ID=FILE",
        "sig.kms.key-id-unbound" => "give the key as --kms-key KEY_ID=FILE so the bundle's key_id is checked",
        "sig.min-signers" => "obtain signatures from more distinct trusted keys, or lower --min-signers",
        "sig.pgp.long-key-id" => "publisher: name the signer by its full fingerprint in key_id",
        "sig.pgp.bad" | "sig.kms.bad" => {
            "do not accept it: the bundle changed after signing, or the signer signed other bytes than `aeb-verify canonicalize` prints"
        }
        "sig.pgp.algorithm-cutoff" => "ask the publisher to re-sign with a current algorithm before the cutoff",
        "sig.pgp.before-generated" => "check the signer's and the generator's clocks; the signature itself was checked",
        "sig.pgp.revoked-later" => "nothing to fix; newer bundles should be signed by the successor key",
        "audit.implied-records" => "publisher: state platform_costs.records_processed",
        "audit.gpu-hours" => "nothing to fix; weigh it when judging the cost figures",
        "audit.generated-at-future" => "check --now and the publisher's clock; correct generated_at",
        "audit.implausible.generated-at" => "publisher: set generated_at to the time the bundle was made, not a clock's zero value",
        "claims.unsupported" => "publisher: report the metric the claim rests on, or drop the claim",
        "schema.extension-member" => "check the name: a misspelt section escapes every check",
        _ => match rule.section {
            Section::Reading => "publisher: export the bundle again as strict JSON (I-JSON); never repair it by hand",
            Section::Integrity => "publisher: correct signatures.sha256 with `aeb-verify digest`",
            Section::Signatures => "publisher: sign the payload again (`aeb-verify canonicalize FILE | gpg --detach-sign --armor`) with a valid key",
            Section::Schema => "publisher: correct the field to the v1.0 schema (`aeb-verify schema`), then recompute the hash",
            Section::Consistency => "publisher: correct the figure or the ones it is computed from, then recompute the hash",
            Section::Claims => "publisher: correct the claim or the metric it cites, then recompute the hash",
            Section::Redaction => "publisher: remove it before publishing, then recompute the hash",
            Section::Context => "check the artifact or the older bundle named: the bundle does not match it",
            Section::Marketplace => {
                "publisher: provide the fields the requirement names, consistent with each other, then recompute the hash"
            }
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_says_what_to_do_in_one_line() {
        for rule in crate::rules::all() {
            let advice = super::what_to_do(rule);
            assert!(!advice.is_empty() && !advice.contains('\n'), "{}", rule.id);
        }
    }
}
