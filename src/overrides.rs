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

/// Resolves the command line's overrides, `(flag, id)` in the order typed: a later
/// flag wins over an earlier one for the same rule (`--deny claims --allow
/// claims.records` lowers that one rule). Errors name the unknown id (with
/// suggestions) or the rule that cannot be lowered.
pub fn resolve(in_order: &[(&'static str, String)]) -> Result<Vec<Override>, String> {
    let mut out: Vec<Override> = Vec::new();
    for (flag, id) in in_order {
        let (severity, flag) = match *flag {
            "--allow" => (Severity::Info, "--allow"),
            "--warn" => (Severity::Warning, "--warn"),
            "--deny" => (Severity::Error, "--deny"),
            other => return Err(format!("{other}: not a severity override")),
        };
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

    fn allow(id: &str) -> Vec<(&'static str, String)> {
        vec![("--allow", id.to_owned())]
    }

    #[test]
    fn integrity_errors_cannot_be_allowed() {
        assert!(resolve(&allow("integrity.hash-mismatch")).is_err());
        // Reading errors cannot be lowered either (the rule exists: a misspelt id would
        // make this pass for the wrong reason, as `read.duplicate-key` once did).
        assert!(rules::find("read.duplicate-name").is_some());
        let warn = [("--warn", "read.duplicate-name".to_owned())];
        assert!(resolve(&warn).unwrap_err().contains("read.duplicate-name"));
        assert!(resolve(&[("--deny", "integrity.hash-mismatch".to_owned())]).is_ok());
        assert!(resolve(&allow("claims.memory")).is_ok());
        assert!(resolve(&allow("claims.memroy")).unwrap_err().contains("claims.memory"));
        let section = resolve(&allow("claims")).unwrap();
        assert_eq!(section.len(), crate::claims::diags::RULES.len());
        assert!(section.iter().all(|o| o.as_typed() == "--allow claims"));
        assert!(resolve(&allow("sig")).unwrap_err().contains("sig.form"));
        assert!(resolve(&allow("c")).is_err(), "a single letter names no group");
    }

    /// spec.md 5.5: later flags win. Before, every `--deny` won over every `--allow`
    /// whatever the order typed (attacker pass 5).
    #[test]
    fn a_later_flag_wins() {
        let typed = |flags: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            flags.iter().map(|(f, id)| (*f, (*id).to_owned())).collect()
        };
        let severity_of = |o: &[Override], id: &str| o.iter().find(|o| o.rule.id == id).map(|o| o.severity);
        let o = resolve(&typed(&[("--deny", "claims.memory"), ("--allow", "claims.memory")])).unwrap();
        assert_eq!(severity_of(&o, "claims.memory"), Some(Severity::Info));
        let o = resolve(&typed(&[("--allow", "claims.memory"), ("--deny", "claims.memory")])).unwrap();
        assert_eq!(severity_of(&o, "claims.memory"), Some(Severity::Error));
        let o = resolve(&typed(&[("--deny", "claims"), ("--allow", "claims.records")])).unwrap();
        assert_eq!(severity_of(&o, "claims.records"), Some(Severity::Info));
        assert_eq!(severity_of(&o, "claims.memory"), Some(Severity::Error));
        let o = resolve(&typed(&[("--warn", "claims"), ("--allow", "claims")])).unwrap();
        assert!(o.iter().all(|o| o.severity == Severity::Info && o.flag == "--allow"));
    }
}
