//! Rules of the marketplace profile (seed "Databricks Marketplace Evidence
//! Requirements"). Each title names the fields that prove the requirement; each is an
//! error under `--profile marketplace`.

use crate::finding::Severity::Error;
use crate::rules::{Rule, Section::Marketplace};

// Common to every requirement: a field present as an empty string, a placeholder (TBD,
// N/A, TODO, -, ...), a denial, a redaction marker, a deferral or a hedge (statement.rs), or a
// records_processed of 0 proves nothing, and neither does an equation that was skipped.

pub static SCALE: Rule = Rule {
    id: "marketplace.scale",
    section: Marketplace,
    severity: Error,
    title: "Scale achievement validation: enterprise_validation.scale_proven + platform_costs.records_processed",
    explanation: "Business proof \"Scale achievement validation\": the scale claim \
(`enterprise_validation.scale_proven`) and the stated record count \
(`cost_analysis.platform_costs.records_processed`; a count implied by cost per record is not \
proof; 0 records prove nothing) must be present, `audit.cost-per-record` must have run, and no \
consistency or claims finding may stand against them or `cost_per_record`/`total_cost_usd`. \
Under every marketplace requirement, an empty string or a placeholder (TBD, N/A, TODO, -, ...) \
is not a statement, nor is text that denies the requirement (\"Not proven\", \"Quality was not \
maintained\", \"false\"), hides it (\"[REDACTED]\", \"Withheld\") or puts it off (\"See notes\", \
\"Pending review\", \"n/a - see appendix\"); a negation of harm (\"no data loss\") is affirmative. \
An equation that was skipped is no proof.",
};

pub static QUALITY: Rule = Rule {
    id: "marketplace.quality",
    section: Marketplace,
    severity: Error,
    title: "Quality compliance proof: enterprise_validation.quality_maintained",
    explanation: "Business proof \"Quality compliance proof\": `enterprise_validation.quality_maintained` \
must be present, state that quality was maintained (not deny, hide, defer or hedge it), and every \
number in it must be backed by a consistent metric (\"100% compliance\" with no compliance metric \
fails).",
};

pub static EFFICIENCY: Rule = Rule {
    id: "marketplace.efficiency",
    section: Marketplace,
    severity: Error,
    title: "Efficiency gains demonstration: cost_analysis.efficiency_gains + enterprise_validation.efficiency_achieved",
    explanation: "Business proof \"Efficiency gains demonstration\": \
`efficiency_gains.cost_savings_percentage`, `vs_traditional_training`, \
`time_savings_percentage` and the claim `enterprise_validation.efficiency_achieved` must be \
present and consistent, and show a gain: `cost_savings_percentage` and `vs_traditional_training` \
above 0 (0 % saved demonstrates no efficiency gain).",
};

pub static ROI: Rule = Rule {
    id: "marketplace.roi",
    section: Marketplace,
    severity: Error,
    title: "ROI analysis: cost_analysis.roi_analysis (4 fields) + platform_costs.total_cost_usd",
    explanation: "Business proof \"ROI analysis\": `roi_analysis.traditional_training_cost`, \
`platform_training_cost`, `cost_savings_usd`, `roi_percentage` and \
`platform_costs.total_cost_usd` must be present, the ROI equations must hold, and \
`cost_savings_usd` and `roi_percentage` must be above 0 (an analysis that shows no return is no \
business proof).",
};

pub static ENTERPRISE_READY: Rule = Rule {
    id: "marketplace.enterprise-ready",
    section: Marketplace,
    severity: Error,
    title: "Enterprise readiness validation: enterprise_validation.enterprise_ready",
    explanation: "Business proof \"Enterprise readiness validation\": \
`enterprise_validation.enterprise_ready` must be present, state readiness (not deny, hide, \
defer or hedge it: \"No - not ready\", \"Unverified\", \"Could be enterprise ready\", \"Enterprise \
ready: pending security review\", \"Enterprise ready (simulated)\", \"Enterprise ready [citation \
needed]\", \"Enterprise readiness planned for Q3\", \"Enterprise ready (beta)\", \"Almost enterprise \
ready\", \"Enterprise ready once audited\", \"Enterprise ready in the next release\" fail; \"Released \
in beta last year, generally available since then\" and \"delivered as planned\" do not) and no claims \
finding may stand against it.",
};

pub static STATISTICAL_FIDELITY: Rule = Rule {
    id: "marketplace.statistical-fidelity",
    section: Marketplace,
    severity: Error,
    title: "Statistical fidelity metrics: performance_metrics.data_quality.statistical_fidelity",
    explanation: "Technical validation \"Statistical fidelity metrics\": \
`performance_metrics.data_quality.statistical_fidelity` must be present and valid.",
};

pub static PRIVACY: Rule = Rule {
    id: "marketplace.privacy",
    section: Marketplace,
    severity: Error,
    title: "Privacy preservation scores: data_quality.privacy_score + privacy.epsilon",
    explanation: "Technical validation \"Privacy preservation scores\": \
`performance_metrics.data_quality.privacy_score` and the differential-privacy budget \
`privacy.epsilon` must be present and valid.",
};

pub static PERFORMANCE: Rule = Rule {
    id: "marketplace.performance",
    section: Marketplace,
    severity: Error,
    title: "Performance improvement proof: efficiency_gains.convergence_speedup + training.convergence_time_seconds + enterprise_validation.performance_improvement",
    explanation: "Technical validation \"Performance improvement proof\": \
`efficiency_gains.convergence_speedup`, `performance_metrics.training.convergence_time_seconds` \
and the claim `enterprise_validation.performance_improvement` must be present and consistent, \
and `convergence_speedup` above 1 (a 1.0x speed-up is no improvement).",
};

pub static MEMORY: Rule = Rule {
    id: "marketplace.memory",
    section: Marketplace,
    severity: Error,
    title: "Memory efficiency validation: platform_costs.memory_usage_gb + enterprise_validation.memory_optimization",
    explanation: "Technical validation \"Memory efficiency validation\": \
`platform_costs.memory_usage_gb` and the claim `enterprise_validation.memory_optimization` must \
be present, and the claim must agree with the metric.",
};

pub static SIGNATURE: Rule = Rule {
    id: "marketplace.signature",
    section: Marketplace,
    severity: Error,
    title: "Signed by a trusted key",
    explanation: "A marketplace bundle must carry at least one signature that verifies against a \
key the auditor supplied (--cert, --kms-key), with no signature error or warning. Integrity \
alone proves nothing about the publisher.",
};

pub static RULES: &[&Rule] = &[
    &SCALE,
    &QUALITY,
    &EFFICIENCY,
    &ROI,
    &ENTERPRISE_READY,
    &STATISTICAL_FIDELITY,
    &PRIVACY,
    &PERFORMANCE,
    &MEMORY,
    &SIGNATURE,
];
