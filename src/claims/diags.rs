//! Rules of the claims cross-check (spec section "Claims cross-check").

use crate::finding::Severity::Warning;
use crate::rules::{Rule, Section::Claims};

pub static RECORDS: Rule = Rule {
    id: "claims.records",
    section: Claims,
    severity: Warning,
    title: "Record-count claims match the records processed",
    explanation: "A record count in `enterprise_validation` prose (\"1 billion records\", \"1B \
scale\", \"1,000,000 rows\", \"billion scale\") is held against `platform_costs.records_processed`, \
or, when that is absent, against the count implied by `total_cost_usd / cost_per_record`. The \
claim is compared in its own unit at the decimals it shows (\"1 billion\" is consistent with \
1.2e9, not with 1e6); a bare magnitude (\"billion scale\") needs at least half of one such unit. \
Magnitudes multiply with or without a number before them (\"thousand million records\" is 10^9, \
\"hundred million\" 10^8); a lakh is 10^5 and a crore 10^7 (\"10 lakh records\" is a million); \
\"mln\" is 10^6, \"bln\" and \"milliard\" 10^9, \"MM\" in capitals a million (\"1000 MM\" is 10^9); \
a vague multiple is read as the least it can mean (\"tens of millions\" at least 10^7, \
\"hundreds of millions\" at least 10^8, \"several million\" at least two million); a fraction \
before a magnitude is that part of it (\"½ billion\", \"1/2 billion\", \"half a billion\" are 5 x 10^8, \
\"a quarter million\" 250,000), compared at the decimals of its decimal form, at most two. \
A contradiction means the prose oversells (or the cost figures are wrong).",
};

pub static PERCENTAGE: Rule = Rule {
    id: "claims.percentage",
    section: Claims,
    severity: Warning,
    title: "Percentage claims match the metric they name",
    explanation: "A percentage in the prose is held against the metric its words name: \"cost\" or \
\"saving\" -> cost_savings_percentage (without it vs_traditional_training x 100, the same share as a \
fraction), \"time\" -> time_savings_percentage, \"fidelity\", \
\"privacy\", \"utility\", \"accuracy\" -> the data-quality score or final accuracy x 100, \
\"synthetic\" -> synthetic_ratio x 100, \"ROI\" or \"return\" -> roi_percentage. A bare percentage in `efficiency_achieved` means cost \
savings, in `performance_improvement` time savings, unless its words name another quantity (\"20% less \
memory\", \"20% fewer GPUs\": not checked). A share that remains (\"cut to 25%\", \"25% of the cost\", \
\"25% as much\") is read as 75% saved. A fraction with no magnitude after it is a share, read as its \
percentage at whole percents (\"reduced by a third\" is 33% saved, \"reduced to a tenth\" and \"costs a \
tenth of\" 90%, \"halved\" and \"in half the time\" 50%). A percentage of speed (\"76% faster\", \"faster by 320%\") is \
written for the time saved and for the speed gained alike, so it holds when either reading does: \
time_savings_percentage, or (convergence_speedup - 1) x 100 (a 4.2x speed-up is 76% less time and \
320% faster). Only `faster` may name the metric for that: \"Faster convergence with time savings of \
320%\" claims time savings. Compared at the decimals the claim shows.",
};

pub static SPEEDUP: Rule = Rule {
    id: "claims.speedup",
    section: Claims,
    severity: Warning,
    title: "Speed-up claims match convergence_speedup",
    explanation: "A factor such as \"4.2x faster\" or \"4.2 times\" is held against \
`efficiency_gains.convergence_speedup`, at the decimals the claim shows (\"4x\" is consistent \
with 4.2). A multiple whose words name another quantity (\"4x ROI\", \"4x less memory\", \"4x more \
records\") or the speed of a process other than training (\"inference 4x faster\", \"4x faster \
queries\"), or with no word of speed outside `performance_improvement`, is not checked.",
};

pub static MEMORY: Rule = Rule {
    id: "claims.memory",
    section: Claims,
    severity: Warning,
    title: "Memory claims match memory_usage_gb",
    explanation: "A memory size (\"185.58 MB\", \"16.5 GB\", KB/MB/GB/TB and KiB/MiB/GiB/TiB) is \
held against `platform_costs.memory_usage_gb` (peak memory); a size whose words name the model \
(\"a 12.5 MB model\", \"Model size: 12.5 MB\") against `performance_metrics.training.model_size_mb`. \
A size of the data, its storage or files (\"a 2 TB dataset\") is not checked (claims.unchecked). \
The format does not say whether GB is 10^9 or 2^30 bytes, so the claim is consistent if it \
matches under either reading, at the decimals it shows.",
};

pub static THROUGHPUT: Rule = Rule {
    id: "claims.throughput",
    section: Claims,
    severity: Warning,
    title: "Throughput claims match records / compute time",
    explanation: "A rate such as \"50,522 records/sec\", \"records generated per second\", \"records a \
second\", \"records every second\" or \"records processed hourly\" is held against the record count \
(stated or implied) divided by `platform_costs.compute_time_seconds`.",
};

pub static UNSUPPORTED: Rule = Rule {
    id: "claims.unsupported",
    section: Claims,
    severity: Warning,
    title: "Claims are backed by a metric",
    explanation: "A number in the prose that names no metric of the bundle (\"100% compliance\"), \
or names one the bundle does not report and cannot compute (a cost saving, an ROI or a time \
saving is computed from the costs or the speed-up when its percentage is absent), cannot be \
checked: it is an assertion, not evidence. Either report the metric or drop the claim.",
};

pub static UNCHECKED: Rule = Rule {
    id: "claims.unchecked",
    section: Claims,
    severity: Warning,
    title: "Every number of a claim is read and checked",
    explanation: "A claim that carries digits, magnitude words (\"thousand\", \"million\", \"billion\"), a unit with no number read (\"%\", \"percent\", \"gigabytes\") or a multiple in words (\"twice\", \"an order of magnitude\") the extractor could not tie to a metric (\"5h 29m\"; a fraction it does not read: \"1/0\", \"50/50\", \"1 / 2\", \"1/2/3\", a slash look-alike \"1╱2\", a fraction in words near a figure that is neither a count nor a share, \"Costs reviewed once a quarter\"), or whose words name two different metrics around one number (\"Costs down 96% at full fidelity\", \"4x cheaper\" held against a speed-up), or whose words state the opposite direction of the metric (\"Costs 75% higher\", \"cost increase\", \"overrun\", \"more expensive\", \"longer\" by a savings percentage; \"4.2x slower\", \"longer\", \"slowdown\", \"4.2 times as long\" by a speed-up), or that a negation makes uncertain (\"not within 200 MB\", \"never goes above\", \"not 1 billion\"; a negation right before a bound reverses it: \"no less than 1 billion\" is at least a billion, \"never above 200 MB\" at most 200 MB), or that carries a word in the place of a magnitude the extractor does not read (\"1000 G rows\", \"1 mil records\", \"1,000 **million** records\") or digits of another script (\"١٠٠٠ million\"), or digit groups it does not read with certainty (\"1’00’500 records\", \"1’000 500\", \"1·500\", \"1‚000‚500\": a group of other than three digits, separators mixed, a middle dot alone, a mark drawn like a grouping mark that is none such as the low-9 quote or the prime; never read by its last group alone), or numbers written together in a way it does not compose (\"four score and seven times\", \"three and four times\", \"four four times\", \"forty 2 times\", \"2 × 2 times\", \"five by five\", \"four point 2\", \"4x squared\", \"four / two times\"; a count made approximate, \"twenty-some\", \"20ish\"; never read by one part alone: a number in words composes as English does, \"sixty-four\", \"a hundred and five\", and decimals in words are read, \"four point two\" is 4.2), or a number in words after \"factor\" (\"faster by a factor of nine\"), or a multiple in words it does not read (\"ten-x faster\", \"triple the speed\"), or a number in words where a claim's figure stands with no unit (\"Faster by twelve\", \"Speed-up of nine\", \"Savings reached ninety\"), or whose words name another quantity than its metric (\"4x ROI\", \"20% fewer GPUs\"), or a rate it cannot read with certainty (\"records per GPU per second\"), or that comes before an arrow (\"40 GB -> 16.5 GB\": the figure after the arrow is the value), was not checked. A claim that displays as something else than it says is not read at all, each cause reported: a text-direction control (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM: reversed text displays as a claim), or a look-alike word (Latin mixed with Cyrillic or Greek letters drawn alike, \"bіllion\"; a capital I for l or digits for letters, \"bilIion\", \"bi11ion\", spelling a word the extractor reads; letters for digits, \"1OO\"). It is reported so that it never reads as a claim that passed: reword it in a form that names its metric (\"4.2x faster\", \"75% cost reduction\"), or check it by hand. The digits of a designation after a name of the closed list of spec 5.4 (\"SOC 2 Type II\", \"ISO/IEC 27001:2022\", \"NIST SP 800-53\", \"FIPS 140-3\", \"TLS 1.3\", \"AES-256\", \"HTTP/2\", \"Python 3.11\", \"GDPR Art. 32\") and a key size with its cipher (\"256-bit AES\"), a year after a word of time (\"certified in 2024\", \"since 2021\", \"by the end of 2026\"), an ISO 8601 date (\"certified 2025-08-10\"), a day with its month and year (\"March 15, 2025\", \"3 March 2024\") or a period (\"audited 2019-2024\", \"Q3 2024-Q1 2025\") are names and dates, not numbers, unless a word of a figure follows them (\"SOC 2 billion records\", \"TLS 1.3x faster\", \"2024 records\", \"2019-2024 records\": read as figures) or a record noun before them counts them (\"Records: 2019-2024\", \"Records: SOC 2\").",
};

pub static RULES: &[&Rule] = &[&RECORDS, &PERCENTAGE, &SPEEDUP, &MEMORY, &THROUGHPUT, &UNSUPPORTED, &UNCHECKED];
