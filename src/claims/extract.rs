//! Numbers with units in free-text claims ("1 billion records", "75% cost reduction",
//! "4.2x faster", "Peak usage only 185.58 MB", "billion scale").
//!
//! Pure text analysis: this module says what a phrase claims; `super` decides which
//! metric backs it and whether the metric agrees.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Which metric a percentage names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentOf {
    CostSavings,
    TimeSavings,
    StatisticalFidelity,
    PrivacyScore,
    UtilityScore,
    Accuracy,
    SyntheticRatio,
    Roi,
}

/// Memory unit as written; whether it is SI or binary is not known (see `factors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemUnit {
    Kb,
    Mb,
    Gb,
    Tb,
}

impl MemUnit {
    /// Claimed amount in this unit per 1 GB of `memory_usage_gb`, for the SI (1000)
    /// and the binary (1024) reading.
    pub fn factors(self) -> [f64; 2] {
        match self {
            MemUnit::Kb => [1e6, 1024.0 * 1024.0],
            MemUnit::Mb => [1e3, 1024.0],
            MemUnit::Gb => [1.0, 1.0],
            MemUnit::Tb => [1e-3, 1.0 / 1024.0],
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            MemUnit::Kb => "KB",
            MemUnit::Mb => "MB",
            MemUnit::Gb => "GB",
            MemUnit::Tb => "TB",
        }
    }
}

/// What one number in a claim says.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A record count: `value` in units of `multiplier` ("1 billion": 1, 1e9). `at_least`
    /// when only a magnitude word was written ("billion scale").
    Records { value: f64, multiplier: f64, at_least: bool },
    /// Records per second.
    Throughput { value: f64 },
    /// A percentage of a named metric.
    Percent { value: f64, of: PercentOf },
    /// A percentage with no metric this tool knows ("100% compliance"); `subject` is
    /// the words that follow it.
    UnknownPercent { value: f64, subject: String },
    /// A speed-up factor ("4.2x").
    Speedup { value: f64 },
    /// A memory size.
    Memory { value: f64, unit: MemUnit },
}

/// One number found in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub quantity: Quantity,
    /// Decimals shown in the claim ("185.58" -> 2); the comparison rounds to these.
    pub decimals: u32,
    /// Byte range of the phrase in the claim text.
    pub span: Range<usize>,
    /// The phrase as written.
    pub text: String,
}

fn number_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        // A literal pattern (covered by the tests): `ok()` keeps this panic-free.
        Regex::new(
            r"(?i-u)(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:[ \t]*(?P<mag>trillion|billion|million|thousand|[kmbt])\b)?(?:[ \t]*(?P<unit>%|percent\b|x\b|(?u:×)|times\b|[kmgt]i?b\b))?",
        )
        .ok()
    })
    .as_ref()
}

fn magnitude_word_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i-u)\b(trillion|billion|million|thousand)\b").ok()).as_ref()
}

/// Compiles the patterns now (see `crate::audit::warm_up`).
pub fn warm_up() {
    let _ = (number_re(), magnitude_word_re());
}

fn magnitude(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "trillion" | "t" => 1e12,
        "billion" | "b" => 1e9,
        "million" | "m" => 1e6,
        "thousand" | "k" => 1e3,
        _ => 1.0,
    }
}

/// The lower-cased words of `text`, split on anything that is not alphanumeric or '/'.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The first `n` of [`words`], reading no further than they end.
fn first_words(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

fn is_record_noun(w: &str) -> bool {
    ["record", "row", "sample", "scale", "entries", "entry"].iter().any(|n| w.starts_with(n))
}

fn is_rate(w: &str) -> bool {
    w.contains("/s") || w == "per" || w.starts_with("/sec")
}

/// The metric named by the first word of `words` that names one.
fn percent_target<'w>(words: impl IntoIterator<Item = &'w String>) -> Option<PercentOf> {
    for w in words {
        let t = match w.as_str() {
            w if w.starts_with("cost") || w.starts_with("saving") || w == "cheaper" => PercentOf::CostSavings,
            w if w.starts_with("time") => PercentOf::TimeSavings,
            w if w.starts_with("fidelity") => PercentOf::StatisticalFidelity,
            w if w.starts_with("privacy") => PercentOf::PrivacyScore,
            w if w.starts_with("utility") => PercentOf::UtilityScore,
            w if w.starts_with("accura") => PercentOf::Accuracy,
            w if w.starts_with("synthetic") => PercentOf::SyntheticRatio,
            "roi" | "return" => PercentOf::Roi,
            _ => continue,
        };
        return Some(t);
    }
    None
}

/// The percentage target a claim field implies when its words name none.
fn field_default(field: &str) -> Option<PercentOf> {
    match field {
        "efficiency_achieved" => Some(PercentOf::CostSavings),
        "performance_improvement" => Some(PercentOf::TimeSavings),
        _ => None,
    }
}

fn parse_number(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn decimals_of(s: &str) -> u32 {
    s.find('.').map(|i| (s.len() - i - 1) as u32).unwrap_or(0)
}

/// Extract every number-with-unit mention from the claim `text` found in the
/// `enterprise_validation` member `field`.
pub fn extract(field: &str, text: &str) -> Vec<Mention> {
    let (Some(re), Some(mag_re)) = (number_re(), magnitude_word_re()) else {
        return Vec::new();
    };
    let matches: Vec<regex::Captures<'_>> = re
        .captures_iter(text)
        .filter(|c| {
            // the number must start a token: not "sha256", "v2", "3.14" inside "1.3.14"
            let start = c.get(0).map(|m| m.start()).unwrap_or(0);
            !text[..start].chars().next_back().is_some_and(|p| p.is_alphanumeric() || p == '.' || p == '_' || p == '-')
        })
        .collect();
    let mut out = Vec::new();
    for (i, caps) in matches.iter().enumerate() {
        let Some(whole) = caps.get(0) else { continue };
        let Some(num) = caps.name("num") else { continue };
        let Some(value) = parse_number(num.as_str()) else { continue };
        let decimals = decimals_of(num.as_str());
        let mag = caps.name("mag").map(|m| m.as_str());
        let unit = caps.name("unit").map(|m| m.as_str().to_lowercase());
        let next_start = matches.get(i + 1).and_then(|c| c.get(0)).map(|m| m.start()).unwrap_or(text.len());
        let prev_end = if i == 0 { 0 } else { matches[i - 1].get(0).map(|m| m.end()).unwrap_or(0) };
        let after = words(&text[whole.end()..next_start]);
        let before = words(&text[prev_end..whole.start()]);
        let quantity = match unit.as_deref() {
            Some("%") | Some("percent") => {
                // the words after the number first, then the nearest words before it
                let of = percent_target(&after)
                    .or_else(|| percent_target(before.iter().rev()))
                    .or_else(|| field_default(field));
                match of {
                    Some(of) => Quantity::Percent { value, of },
                    None => Quantity::UnknownPercent {
                        value,
                        subject: after.iter().take(3).cloned().collect::<Vec<_>>().join(" "),
                    },
                }
            }
            Some("x") | Some("×") | Some("times") => Quantity::Speedup { value },
            Some(u) if u.ends_with('b') => {
                let unit = match u.chars().next() {
                    Some('k') => MemUnit::Kb,
                    Some('m') => MemUnit::Mb,
                    Some('g') => MemUnit::Gb,
                    _ => MemUnit::Tb,
                };
                Quantity::Memory { value, unit }
            }
            _ => {
                let multiplier = mag.map(magnitude).unwrap_or(1.0);
                let near: Vec<&String> = after.iter().take(3).collect();
                if near.first().is_some_and(|w| is_rate(w))
                    || near.iter().take(2).any(|w| is_record_noun(w) && is_rate(w))
                {
                    Quantity::Throughput { value: value * multiplier }
                } else if near.iter().any(|w| is_record_noun(w)) {
                    Quantity::Records { value, multiplier, at_least: false }
                } else {
                    continue;
                }
            }
        };
        out.push(Mention { quantity, decimals, span: whole.range(), text: text[whole.range()].trim_end().to_string() });
    }
    // magnitude words with no number: "billion scale", "million-record scale". Both
    // lists are in text order, so one cursor finds the number a word belongs to, and
    // only the next two words are read: linear however many mentions a claim holds.
    let spans: Vec<std::ops::Range<usize>> = matches.iter().filter_map(|c| c.get(0)).map(|w| w.range()).collect();
    let mut cursor = 0;
    for m in mag_re.find_iter(text) {
        while spans.get(cursor).is_some_and(|w| w.end < m.end()) {
            cursor += 1;
        }
        if spans.get(cursor).is_some_and(|w| w.start <= m.start() && m.end() <= w.end) {
            continue;
        }
        let after = first_words(&text[m.end()..], 2);
        if after.iter().any(|w| is_record_noun(w)) {
            let end = text[m.end()..].find(|c: char| c.is_whitespace()).map(|i| m.end() + i).unwrap_or(text.len());
            let phrase_end = text[end..]
                .trim_start()
                .find(|c: char| c.is_whitespace())
                .map(|i| end + (text[end..].len() - text[end..].trim_start().len()) + i)
                .unwrap_or(text.len());
            out.push(Mention {
                quantity: Quantity::Records { value: 1.0, multiplier: magnitude(m.as_str()), at_least: true },
                decimals: 0,
                span: m.start()..phrase_end,
                text: text[m.start()..phrase_end].to_string(),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(field: &str, text: &str) -> Vec<Quantity> {
        extract(field, text).into_iter().map(|m| m.quantity).collect()
    }

    #[test]
    fn seed_claims() {
        assert_eq!(
            q("scale_proven", "1 billion records generated successfully"),
            vec![Quantity::Records { value: 1.0, multiplier: 1e9, at_least: false }]
        );
        assert_eq!(
            q("quality_maintained", "100% compliance at massive scale"),
            vec![Quantity::UnknownPercent { value: 100.0, subject: "compliance at massive".into() }]
        );
        assert_eq!(
            q("efficiency_achieved", "75% cost reduction vs traditional methods"),
            vec![Quantity::Percent { value: 75.0, of: PercentOf::CostSavings }]
        );
        assert_eq!(
            q("performance_improvement", "4.2x faster training convergence"),
            vec![Quantity::Speedup { value: 4.2 }]
        );
        let m = extract("memory_optimization", "Peak usage only 185.58 MB at 1B scale");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].quantity, Quantity::Memory { value: 185.58, unit: MemUnit::Mb });
        assert_eq!(m[0].decimals, 2);
        assert_eq!(m[0].text, "185.58 MB");
        assert_eq!(m[1].quantity, Quantity::Records { value: 1.0, multiplier: 1e9, at_least: false });
        assert_eq!(m[1].text, "1B");
        let m = extract("enterprise_ready", "Proven at billion scale operations");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].quantity, Quantity::Records { value: 1.0, multiplier: 1e9, at_least: true });
        assert_eq!(m[0].text, "billion scale");
    }

    #[test]
    fn more_forms() {
        assert_eq!(
            q("scale_proven", "1,000,000 records generated"),
            vec![Quantity::Records { value: 1e6, multiplier: 1.0, at_least: false }]
        );
        assert_eq!(
            q("enterprise_ready", "Proven at million-record scale operations"),
            vec![Quantity::Records { value: 1.0, multiplier: 1e6, at_least: true }]
        );
        assert_eq!(q("x", "50,522 records/sec average"), vec![Quantity::Throughput { value: 50522.0 }]);
        assert_eq!(
            q("quality_maintained", "96% statistical fidelity maintained at scale"),
            vec![Quantity::Percent { value: 96.0, of: PercentOf::StatisticalFidelity }]
        );
        assert_eq!(q("x", "Completed in 5h 29m (vs expected 8-12 hours)"), vec![]);
        assert_eq!(q("x", "sha256 v2 build"), vec![]);
        assert_eq!(q("memory_optimization", "16.5 GB"), vec![Quantity::Memory { value: 16.5, unit: MemUnit::Gb }]);
        assert_eq!(q("x", "2 TB of RAM"), vec![Quantity::Memory { value: 2.0, unit: MemUnit::Tb }]);
        assert_eq!(q("x", "4.2 times faster"), vec![Quantity::Speedup { value: 4.2 }]);
        assert_eq!(q("x", "1920x1080"), vec![]);
        assert_eq!(q("x", "an ROI of 300%"), vec![Quantity::Percent { value: 300.0, of: PercentOf::Roi }]);
        assert_eq!(q("x", "300% return on investment"), vec![Quantity::Percent { value: 300.0, of: PercentOf::Roi }]);
        assert_eq!(q("x", "75 % cost reduction"), vec![Quantity::Percent { value: 75.0, of: PercentOf::CostSavings }]);
        assert_eq!(q("x", "4.2× faster"), vec![Quantity::Speedup { value: 4.2 }]);
        assert_eq!(
            q("x", "Generated 1.2M rows"),
            vec![Quantity::Records { value: 1.2, multiplier: 1e6, at_least: false }]
        );
    }
}
