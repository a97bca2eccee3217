//! Severity overrides for one run (`--allow`, `--warn`, `--deny`), as cargo-deny has
//! them. A re-mapped finding keeps its original severity in `remapped_from`, so every
//! report can show that the verdict was reached under an override.

use crate::finding::{Outcome, Severity};
use crate::rules::{self, Rule};

/// One `--allow/--warn/--deny RULE`, resolved against the catalogue.
#[derive(Debug, Clone)]
pub struct Override {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// The flag as typed (`--allow claims`), for the record and for marking each
    /// finding it re-mapped.
    pub flag: &'static str,
    pub given: String,
}

impl Override {
    /// "--allow claims.records".
    pub fn as_typed(&self) -> String {
        format!("{} {}", self.flag, self.given)
    }
}

/// The rules a `--allow/--warn/--deny` value names: one rule by id, or every rule of a
/// group by id prefix (`claims` for the whole Claims section, `sig.kms` for the KMS checks).
fn named(id: &str) -> Vec<&'static Rule> {
    if let Some(rule) = rules::find(id) {
        return vec![rule];
    }
    let prefix = format!("{}.", id.trim_end_matches('.').to_ascii_lowercase());
    if prefix.len() < 3 {
        return Vec::new();
    }
    rules::all().filter(|r| r.id.starts_with(&prefix)).collect()
}

/// Resolves the command line's overrides. Later flags win over earlier ones for the
/// same rule. Errors name the unknown id (with suggestions) or the rule that cannot
/// be lowered.
pub fn resolve(allow: &[String], warn: &[String], deny: &[String]) -> Result<Vec<Override>, String> {
    let mut out: Vec<Override> = Vec::new();
    let groups =
        [(allow, Severity::Info, "--allow"), (warn, Severity::Warning, "--warn"), (deny, Severity::Error, "--deny")];
    for (ids, severity, flag) in groups {
        for id in ids {
            let rules = named(id);
            if rules.is_empty() {
                let mut near = rules::suggest_group(id);
                near.extend(rules::suggest(id));
                near.truncate(3);
                let hint = match near.as_slice() {
                    [] => "`aeb-verify rules` lists them".to_owned(),
                    ids => format!("did you mean {}?", ids.join(", ")),
                };
                return Err(format!("{flag} {id}: no such rule or group of rules; {hint}"));
            }
            let fixed: Vec<&str> =
                rules.iter().filter(|r| severity < r.severity && !r.overridable()).map(|r| r.id).collect();
            if !fixed.is_empty() {
                return Err(format!(
                    "{flag} {id}: reading, integrity and signature errors cannot be lowered; the verdict rests on them ({})",
                    fixed.join(", ")
                ));
            }
            for rule in rules {
                out.retain(|o| !std::ptr::eq(o.rule, rule));
                out.push(Override { rule, severity, flag, given: id.clone() });
            }
        }
    }
    Ok(out)
}

/// Re-maps the severity of every finding of an overridden rule.
pub fn apply(outcome: &mut Outcome, overrides: &[Override]) {
    for f in &mut outcome.findings {
        let Some(o) = overrides.iter().find(|o| std::ptr::eq(o.rule, f.rule)) else { continue };
        if f.severity == o.severity {
            continue;
        }
        // Never lower an error the verdict rests on, whatever the caller passed in; nor
        // one that breaks a profile requirement (profiles are judged before overrides).
        if o.severity < f.severity && (!f.rule.overridable() || !f.breaks.is_empty()) {
            continue;
        }
        f.remapped_from = Some(f.remapped_from.unwrap_or(f.severity));
        f.severity = o.severity;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_errors_cannot_be_allowed() {
        assert!(resolve(&["integrity.hash-mismatch".into()], &[], &[]).is_err());
        // Reading errors cannot be lowered either (the rule exists: a misspelt id would
        // make this pass for the wrong reason, as `read.duplicate-key` once did).
        assert!(rules::find("read.duplicate-name").is_some());
        assert!(resolve(&[], &["read.duplicate-name".into()], &[]).unwrap_err().contains("read.duplicate-name"));
        assert!(resolve(&[], &[], &["integrity.hash-mismatch".into()]).is_ok());
        assert!(resolve(&["claims.memory".into()], &[], &[]).is_ok());
        assert!(resolve(&["claims.memroy".into()], &[], &[]).unwrap_err().contains("claims.memory"));
        let section = resolve(&["claims".into()], &[], &[]).unwrap();
        assert_eq!(section.len(), crate::claims::diags::RULES.len());
        assert!(section.iter().all(|o| o.as_typed() == "--allow claims"));
        assert!(resolve(&["sig".into()], &[], &[]).unwrap_err().contains("sig.form"));
        assert!(resolve(&["c".into()], &[], &[]).is_err(), "a single letter names no group");
    }
}
