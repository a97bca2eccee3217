//! Rules of the consistency audit (spec section "Internal consistency").

use crate::finding::Severity::{Error, Info, Warning};
use crate::rules::{Rule, Section::Consistency};

pub static COST_SAVINGS_USD: Rule = Rule {
    id: "audit.cost-savings-usd",
    section: Consistency,
    severity: Error,
    title: "Cost savings = traditional cost - platform cost",
    explanation: "`roi_analysis.cost_savings_usd` must equal `traditional_training_cost - \
platform_training_cost`. A saving that does not follow from the two costs it compares is a \
false statement about the bundle's own figures. Reported numbers are compared at the decimals \
they show in their signed (RFC 8785) form, whatever the spelling in the file: 76.0 is signed \
as 76 (or within --tolerance).",
};

pub static ROI_PERCENTAGE: Rule = Rule {
    id: "audit.roi-percentage",
    section: Consistency,
    severity: Error,
    title: "ROI % = cost savings / platform cost x 100",
    explanation: "`roi_analysis.roi_percentage` must equal `cost_savings_usd / \
platform_training_cost * 100` (return on what was spent on the platform), the savings being \
`traditional_training_cost - platform_training_cost` when both costs are stated (a savings \
figure rounded within its own tolerance must not carry an ROI far from the costs). An ROI \
that does not follow from the savings and the cost is the most quoted and the least checked \
figure of a bundle. A platform cost of 0 under a stated ROI is an error (the ROI cannot be \
computed). The platform cost is `platform_training_cost` (`total_cost_usd` without it, and \
`traditional_training_cost - cost_savings_usd` without either), and the \
ROI must also hold on `total_cost_usd` when that states the cost to more decimals: a cost rounded \
to 24 for a total of 24.50 must not carry an ROI of 308 % where the total gives 300 %. Without \
the savings and the traditional cost, the share saved s (`cost_savings_percentage`, else \
`vs_traditional_training` x 100) fixes the ROI at s / (100 - s) * 100, each figure standing for \
the values it rounds: 75 % saved allows 292.2 % to 308.2 %, not 900 %.",
};

pub static PLATFORM_COST: Rule = Rule {
    id: "audit.platform-cost",
    section: Consistency,
    severity: Error,
    title: "Platform training cost = total platform cost",
    explanation: "`roi_analysis.platform_training_cost` must equal \
`platform_costs.total_cost_usd`: the ROI must be computed on the cost the bundle reports, not \
on a smaller one.",
};

pub static COST_SAVINGS_PERCENTAGE: Rule = Rule {
    id: "audit.cost-savings-percentage",
    section: Consistency,
    severity: Error,
    title: "Cost savings % = cost savings / traditional cost x 100",
    explanation: "`efficiency_gains.cost_savings_percentage` must equal `cost_savings_usd / \
traditional_training_cost * 100`: the share of the traditional cost that was saved, the savings \
being the difference of the two costs when both are stated. Without \
`traditional_training_cost` it is derived as savings + platform cost; a traditional cost of 0 \
under a stated percentage is an error.",
};

pub static VS_TRADITIONAL: Rule = Rule {
    id: "audit.vs-traditional",
    section: Consistency,
    severity: Error,
    title: "vs_traditional_training = cost savings % / 100",
    explanation: "`efficiency_gains.vs_traditional_training` is the cost reduction against \
traditional methods as a fraction (0.75 = 75 %): `cost_savings_percentage / 100`, as the \
contract's equation reads, when the percentage is stated (0.7541 beside 75.4 is an error: it \
does not restate the percentage); without the percentage it is computed as that percentage \
would be, from the two costs when both are stated, else from `cost_savings_usd / \
traditional_training_cost`, so a fraction is checked even when the percentage is left out. It \
is held to whole percents (2 decimals) at least: its signed form drops trailing zeros, \
and at the 0 decimals of a signed `1` it agreed with any share from 50 % up.",
};

pub static TIME_SAVINGS: Rule = Rule {
    id: "audit.time-savings",
    section: Consistency,
    severity: Error,
    title: "Time savings % = (1 - 1/convergence speed-up) x 100",
    explanation: "A run that converges `convergence_speedup` times faster takes `1/speedup` of \
the time, so it saves `(1 - 1/speedup) * 100` percent. `time_savings_percentage` must equal \
that (4.2x gives 76.19 %, so 76 is consistent and 75 is not).",
};

pub static COST_PER_RECORD: Rule = Rule {
    id: "audit.cost-per-record",
    section: Consistency,
    severity: Error,
    title: "Cost per record = total cost / records processed",
    explanation: "`platform_costs.cost_per_record` must equal `total_cost_usd / \
records_processed` when the bundle reports `records_processed` (`roi_analysis.platform_training_cost`, \
which the contract equates with it, stands for `total_cost_usd` when it is absent, and \
`traditional_training_cost - cost_savings_usd` when both are); 0 records \
under a stated cost per record is an error (it cannot be computed).",
};

pub static IMPLIED_RECORDS: Rule = Rule {
    id: "audit.implied-records",
    section: Consistency,
    severity: Info,
    title: "Record count stated, not only implied by cost per record",
    explanation: "Without `platform_costs.records_processed`, the number of records behind the \
cost figures is `total_cost_usd / cost_per_record` (`platform_training_cost` when \
`total_cost_usd` is absent). It is reported so that an auditor can hold \
it against the scale the bundle claims (the claims cross-check does). Publishers should state \
`records_processed` explicitly.",
};

pub static GPU_HOURS: Rule = Rule {
    id: "audit.gpu-hours",
    section: Consistency,
    severity: Info,
    title: "GPU hours match wall-clock hours",
    explanation: "`platform_costs.gpu_hours` is compared with `compute_time_seconds / 3600`. \
More GPU hours than wall-clock hours means several GPUs ran in parallel (the implied number is \
reported); fewer means GPUs were idle for part of the run. Neither is wrong, both are worth \
knowing when judging cost figures.",
};

pub static GPU_HOURS_ZERO_COMPUTE: Rule = Rule {
    id: "audit.gpu-hours-zero-compute",
    section: Consistency,
    severity: Error,
    title: "No GPU hours with zero compute time",
    explanation: "GPU hours cannot be consumed in zero seconds: `gpu_hours > 0` with \
`compute_time_seconds = 0` is a contradiction.",
};

pub static CONVERGENCE_TIME: Rule = Rule {
    id: "audit.convergence-time",
    section: Consistency,
    severity: Error,
    title: "Convergence time <= compute time",
    explanation: "`performance_metrics.training.convergence_time_seconds` is part of the \
training run, so it cannot exceed `platform_costs.compute_time_seconds` (the actual training \
time). Each figure stands for the times it rounds (7200 for 7199.5 up to 7200.5): they agree when \
the least convergence time is below the most compute time, so 7200.3 beside 7200 holds and 7201 \
does not.",
};

pub static CLEANING_DEDUP: Rule = Rule {
    id: "audit.cleaning-dedup",
    section: Consistency,
    severity: Warning,
    title: "Duplicates found are removed",
    explanation: "`cleaning.deduped` counts duplicate rows found; deduplication removes them, so \
`cleaning.rows_removed` (rows removed for all causes) should be at least `deduped`. Fewer rows \
removed than duplicates found means duplicates were kept, or one of the counts is wrong \
(outliers capped, PII redacted and values imputed do not remove rows).",
};

pub static GENERATED_AT_FUTURE: Rule = Rule {
    id: "audit.generated-at-future",
    section: Consistency,
    severity: Error,
    title: "generated_at not in the future",
    explanation: "A bundle cannot have been generated after the moment it is verified (`--now`, \
default the system clock). A small clock skew (5 minutes) is allowed.",
};

// Plausibility (spec 5.3): figures that are consistent with each other yet cannot be
// true of a real run. Warnings, as the contract asks ("a figure that is merely
// implausible ... is a warning"); `--allow audit.implausible` lowers them all. Under the
// marketplace profile a warning at a requirement's field breaks the requirement.

pub static IMPLAUSIBLE_RECORDS: Rule = Rule {
    id: "audit.implausible.records",
    section: Consistency,
    severity: Warning,
    title: "Record count below 10^15",
    explanation: "`platform_costs.records_processed` above 10^15 (a quadrillion records, a \
petabyte at one byte each), or without it the count `total_cost_usd / cost_per_record` implies, \
is not a run this tool can believe: beyond 2^53 a JSON count is not \
even exact, and any cost per record beside it rounds to 0, so the cost equation holds whatever \
was spent. Check the count against the data the run read.",
};

pub static IMPLAUSIBLE_COST_PER_RECORD: Rule = Rule {
    id: "audit.implausible.cost-per-record",
    section: Consistency,
    severity: Warning,
    title: "Cost per record not 0 when the run cost money",
    explanation: "`platform_costs.cost_per_record` written as 0 beside a `total_cost_usd` above 0 \
states no per-record cost: at 0 decimals it agrees with any record count, so \
`audit.cost-per-record` checks nothing. Write it with the decimals it needs (2.45e-05).",
};

pub static IMPLAUSIBLE_GPUS: Rule = Rule {
    id: "audit.implausible.gpus",
    section: Consistency,
    severity: Warning,
    title: "GPUs in parallel below 10^6",
    explanation: "`platform_costs.gpu_hours` divided by the wall-clock hours of the run \
(`compute_time_seconds / 3600`) is the number of GPUs that ran in parallel. Above 10^6 it is more \
than any cluster holds (the largest built hold a few hundred thousand GPUs): not a run this tool \
can believe, whatever the cost figures beside it say. `audit.gpu-hours` reports the number as \
information; this warns when it cannot be true.",
};
pub static IMPLAUSIBLE_MEMORY: Rule = Rule {
    id: "audit.implausible.memory",
    section: Consistency,
    severity: Warning,
    title: "Peak memory above 0 GB",
    explanation: "`platform_costs.memory_usage_gb` of 0 is no peak: every run holds its data and \
model in memory. A 0 here is usually a default left in, and it proves no memory efficiency.",
};

pub static IMPLAUSIBLE_EPSILON: Rule = Rule {
    id: "audit.implausible.epsilon",
    section: Consistency,
    severity: Warning,
    title: "Differential-privacy epsilon at most 20",
    explanation: "`privacy.epsilon` bounds how much one record can change what is released, by a \
factor of e^epsilon. Above 20 (e^20 is about 5 x 10^8) the bound protects nothing in practice; \
deployed budgets stay below it (the 2020 US Census used about 19.6, most synthetic-data \
releases 0.1 to 10). A budget this large is no privacy preservation.",
};

pub static IMPLAUSIBLE_SCORE: Rule = Rule {
    id: "audit.implausible.score",
    section: Consistency,
    severity: Warning,
    title: "Data quality scores above 0",
    explanation: "A `data_quality` score (`statistical_fidelity`, `privacy_score`, \
`utility_score`) of exactly 0 means no fidelity, no privacy or no utility at all: not a result \
a bundle publishes, usually a default left in. It proves nothing about the data.",
};

pub static IMPLAUSIBLE_GENERATED_AT: Rule = Rule {
    id: "audit.implausible.generated-at",
    section: Consistency,
    severity: Warning,
    title: "generated_at after the Unix epoch",
    explanation: "A `generated_at` at or before 1970-01-01T00:00:00Z is the zero value of a clock \
(Unix time 0, the year 1 of Go and .NET, a zeroed 0000-01-01) left in, not the time a bundle was \
generated: no synthetic-data run, no OpenPGP or cloud-KMS signature and no RFC 8785 hash is that \
old. The contract bounds the time only from above (not in the future); this bounds it from below.",
};

pub static RULES: &[&Rule] = &[
    &COST_SAVINGS_USD,
    &ROI_PERCENTAGE,
    &PLATFORM_COST,
    &COST_SAVINGS_PERCENTAGE,
    &VS_TRADITIONAL,
    &TIME_SAVINGS,
    &COST_PER_RECORD,
    &IMPLIED_RECORDS,
    &GPU_HOURS,
    &GPU_HOURS_ZERO_COMPUTE,
    &CONVERGENCE_TIME,
    &CLEANING_DEDUP,
    &GENERATED_AT_FUTURE,
    &IMPLAUSIBLE_RECORDS,
    &IMPLAUSIBLE_COST_PER_RECORD,
    &IMPLAUSIBLE_GPUS,
    &IMPLAUSIBLE_MEMORY,
    &IMPLAUSIBLE_EPSILON,
    &IMPLAUSIBLE_SCORE,
    &IMPLAUSIBLE_GENERATED_AT,
];
