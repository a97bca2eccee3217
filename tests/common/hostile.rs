//! Hostile inputs that once cost more than linear time: each is made at any size `n`,
//! so a test or a benchmark can double it and compare. Shared by tests/linear_time.rs
//! and benches/hostile.rs.
#![allow(dead_code)]

use aeb_verify::options::{Options, Profile};
use aeb_verify::report::{self, Format, Style};

/// The instant both the test and the benchmark judge at.
const JUDGED_AT: &str = "2026-11-25T00:00:00Z";

/// The options a case runs under: its profile, a fixed clock.
pub fn options(case: &Case) -> Options {
    let mut opts = plain_options();
    if case.public {
        opts.profile = Profile::Public;
    }
    if case.marketplace {
        opts.profile = Profile::Marketplace;
        // both readers' time, not the longer of the two: read aside, a statement
        // reader growing faster than linear could hide behind the claims reader
        opts.read_aside = false;
    }
    if let Some(p) = case.deny {
        opts.deny_patterns = regex::Regex::new(p).into_iter().collect();
    }
    opts
}

/// A fixed clock, no profile.
pub fn plain_options() -> Options {
    let now = time::OffsetDateTime::parse(JUDGED_AT, &time::format_description::well_known::Rfc3339)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    Options::new(now)
}

/// What is timed: the whole run in-process, the human report included.
pub fn verify_and_render(bytes: &[u8], opts: &Options) {
    let r = aeb_verify::verify::verify("hostile.json", bytes.to_vec(), opts);
    let record = report::Record::new(opts, true, std::slice::from_ref(&r));
    let style = Style {
        now: JUDGED_AT,
        strict: false,
        color: false,
        quiet: false,
        verbose: false,
        width: 100,
        record: &record,
    };
    std::hint::black_box(report::render(Format::Human, std::slice::from_ref(&r), &Default::default(), style));
}

/// One hostile shape: what it repeats, the rule each repetition fires, and how many
/// findings of that rule `n` repetitions make (the expectation, from the shape alone).
pub struct Case {
    pub name: &'static str,
    pub rule: &'static str,
    pub make: fn(usize) -> Vec<u8>,
    /// A size at which the debug build takes a noticeable fraction of a second.
    pub n: usize,
    /// Findings of `rule` for `n` repetitions, if the shape alone says (None for shapes
    /// built on the seed, whose own findings of that rule are not counted here).
    pub findings: fn(usize) -> Option<usize>,
    /// Run with `--profile public` (the redaction scan is part of the cost).
    pub public: bool,
    /// Run with `--profile marketplace` (the statement reading is part of the cost).
    pub marketplace: bool,
    /// Run with this `--deny-pattern` (under the case's profile).
    pub deny: Option<&'static str>,
}

fn array_of(item: &str, n: usize) -> Vec<u8> {
    array_under("{\"a\":[", item, n)
}

/// `n` copies of `item` in an array that `head` opens.
fn array_under(head: &str, item: &str, n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(head.len() + 2 + n * (item.len() + 1));
    s.push_str(head);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(item);
    }
    s.push_str("]}");
    s.into_bytes()
}

fn seed() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed-example-sealed.json"))
        .expect("seed fixture");
    serde_json::from_str(&text).expect("seed is JSON")
}

/// `n` copies of `item` in an array under a member name of `10 * n` letters: every
/// finding's pointer repeats the name, so listing or even building one pointer per item
/// cost n^2 (a 4 MB name over 200 lone surrogates: 800 MB, 40 s).
fn under_long_name(item: &str, n: usize) -> Vec<u8> {
    array_under(&format!("{{\"version\":\"1.0\",\"{}\":[", "n".repeat(10 * n)), item, n)
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut b = seed();
    edit(&mut b);
    serde_json::to_vec_pretty(&b).expect("serializes")
}

/// The seed with `n` integers beyond 2^53 in an array nested `depth` deep under
/// `cost_analysis`. The hash no longer matches, so integrity tries pretty-printed
/// layouts, whose indentation multiplies these numbers by their depth; the audit reads
/// `cost_analysis`; each number fires read.integer-precision.
/// Written compact, so the file is the same size whatever the depth.
pub fn nested_numbers(n: usize, depth: usize) -> Vec<u8> {
    let mut b = seed();
    let mut v = serde_json::Value::from(vec![12_345_678_901_234_567_891_u64; n]);
    for _ in 1..depth {
        v = serde_json::Value::from(vec![v]);
    }
    b["cost_analysis"]["x_deep"] = v;
    serde_json::to_vec(&b).expect("serializes")
}

/// `n` empty arrays in an array nested `depth` arrays deep in `cost_analysis` (an
/// extension member no check reads, longer than the 16 KiB the schema check parses whole):
/// cheap to read and to hash, so what a stage pays per level of nesting shows.
pub fn nested_empty_arrays(n: usize, depth: usize) -> Vec<u8> {
    let mut b = seed();
    b["cost_analysis"]["x_deep"] = serde_json::Value::from("@deep@");
    let deep = format!("{}{}{}", "[".repeat(depth), vec!["[]"; n].join(","), "]".repeat(depth));
    serde_json::to_string(&b).expect("serializes").replacen("\"@deep@\"", &deep, 1).into_bytes()
}

/// `n` objects that each write one member name twice, in an array inside objects nested
/// `depth` deep (objects, not arrays: each level of an object's pointer is a member to
/// look up). Every object is a duplicate-name finding, all but 100 only counted.
pub fn nested_duplicates(n: usize, depth: usize) -> Vec<u8> {
    let mut b = seed();
    b["cost_analysis"]["x_deep"] = serde_json::Value::from("@deep@");
    let inner = format!("[{}]", vec![r#"{"k":1,"k":1}"#; n].join(","));
    let deep = format!("{}{inner}{}", r#"{"a":"#.repeat(depth - 1), "}".repeat(depth - 1));
    serde_json::to_string(&b).expect("serializes").replacen("\"@deep@\"", &deep, 1).into_bytes()
}

pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "lone surrogates",
            rule: "read.lone-surrogate",
            make: |n| array_of("\"\\ud800\"", n),
            n: 60_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "noncharacters",
            rule: "read.noncharacter",
            make: |n| array_of("\"\u{ffff}\"", n),
            n: 60_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "duplicate names",
            rule: "read.duplicate-name",
            make: |n| {
                let mut s = String::from("{");
                for i in 0..n {
                    s.push_str(if i > 0 { ",\"a\":1" } else { "\"a\":1" });
                }
                s.push('}');
                s.into_bytes()
            },
            n: 40_000,
            findings: |n| Some(n - 1),
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "integers beyond 2^53",
            rule: "read.integer-precision",
            make: |n| array_of("12345678901234567891", n),
            n: 30_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "lone surrogates under a 10 kB member name",
            rule: "read.lone-surrogate",
            make: |n| array_under(&format!("{{\"{}\":[", "x".repeat(10_000)), "\"\\ud800\"", n),
            n: 60_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Each name's pointer is decoded from the source for its finding.
            name: "lone surrogates in member names",
            rule: "read.lone-surrogate",
            make: |n| {
                let mut s = String::from("{");
                for i in 0..n {
                    s.push_str(&format!("{}\"k\\ud800{i}\":1", if i > 0 { "," } else { "" }));
                }
                s.push('}');
                s.into_bytes()
            },
            n: 40_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "lone surrogates 120 levels deep",
            rule: "read.lone-surrogate",
            make: |n| {
                let mut s = "{\"d\":".repeat(120);
                s.push_str(&String::from_utf8(array_of("\"\\ud800\"", n)).unwrap_or_default());
                s.push_str(&"}".repeat(120));
                s.into_bytes()
            },
            n: 40_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Named to sort (and so to be written) before the audited figures: past the
            // audit's decimals index (4,096 numbers), each figure is looked up by
            // itself in a walk of the member, a fixed number of walks however large.
            name: "numbers before the audited figures, past the decimals index",
            rule: "schema.unknown-field",
            make: |n| {
                with(|b| {
                    for i in 0..n {
                        b["cost_analysis"]["platform_costs"][format!("a{i}")] = 1.5.into();
                    }
                })
            },
            n: 6_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "unknown members",
            rule: "schema.unknown-field",
            make: |n| {
                with(|b| {
                    for i in 0..n {
                        b["privacy"][format!("k{i}")] = 1.into();
                    }
                })
            },
            n: 4_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "e-mail addresses in a public bundle",
            rule: "redaction.pii-email",
            make: |n| {
                with(|b| {
                    for i in 0..n {
                        b["training"]["params"][format!("p{i}")] = format!("user{i}@example.com").into();
                    }
                })
            },
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // URL-encoded at signs in one string ("x%40ex.com%40ex.com..."): `%`, `4` and
            // `0` may stand in a local part, so the walk back from each sign once read the
            // whole run before it; each sign is an address.
            name: "URL-encoded at signs in one string in a public bundle",
            rule: "redaction.pii-email",
            make: |n| with(|b| b["notes"] = format!("x{}", "%40ex.com".repeat(n)).into()),
            n: 8_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // Addresses written out, and the signs and spelled dots of one with nothing
            // to make it whole: each sign's local part and domain are read once.
            name: "written-out e-mail addresses in one string in a public bundle",
            rule: "redaction.pii-email",
            make: |n| {
                let text = "jane [at] example [dot] com x [at] at dot at dot at dot 1 y at z dot at @ @ (at)(at) ";
                with(|b| b["notes"] = text.repeat(n).into())
            },
            n: 4_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // Each string is a seed in prose, then the word seed before an amount and
            // the connecting words of the seed detector's window, none of which is one.
            name: "seeds in prose in a public bundle",
            rule: "redaction.run-seed",
            make: |n| {
                let text = "the seed was set to 7; seed of 2 million, seed is is is is is is is seed -> ";
                with(|b| b["x_notes"] = vec![text; n].into())
            },
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // One long string of digit groups with wide separators (runs of spaces,
            // tabs, spaced dashes): every group starts a card candidate.
            name: "card-like groups with wide separators in a public bundle",
            rule: "redaction.pii-card",
            make: |n| with(|b| b["x_notes"] = "4111  1111 - 1111\t1111; 4111  1111  111 ".repeat(n).into()),
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // One long string of card numbers whose digits mix four scripts (Arabic-Indic,
            // Extended Arabic-Indic, Devanagari, ASCII), each followed by one that fails
            // Luhn: every digit beyond ASCII is folded once, then scanned as ASCII.
            name: "card numbers in digits of mixed scripts in a public bundle",
            rule: "redaction.pii-card",
            make: |n| {
                let groups = "\u{664}\u{661}\u{661}\u{661} 1111 \u{6f1}\u{6f1}\u{6f1}\u{6f1} \u{967}\u{967}\u{967}\u{967}; \
                              \u{96a}\u{967}\u{967}\u{967} \u{661}\u{661}\u{661}\u{661} 1111 \u{6f1}\u{6f1}\u{6f1}\u{6f2}; ";
                with(|b| b["x_notes"] = groups.repeat(n).into())
            },
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // One long string of card numbers in superscript digits and in digits under
            // combining marks (an underline, a keycap, an accent), each followed by one
            // that fails Luhn: every raised digit and every mark on a digit is read once.
            name: "card numbers in raised and marked digits in a public bundle",
            rule: "redaction.pii-card",
            make: |n| {
                let groups = "\u{2074}\u{b9}\u{b9}\u{b9} \u{b9}\u{b9}\u{b9}\u{b9} 1\u{332}1\u{332}1\u{332}1\u{332} \
                              1\u{20e3}1\u{20e3}1\u{20e3}1\u{20e3}; 4\u{332}1\u{332}1\u{332}1\u{332} \
                              \u{b9}\u{b9}\u{b9}\u{b9} 1111 1\u{20e3}1\u{20e3}1\u{20e3}2\u{20e3}\u{301}; ";
                with(|b| b["x_notes"] = groups.repeat(n).into())
            },
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // One long string of seeds and customer-ID look-alikes in letters of other
            // scripts drawn like Latin ones and under combining marks: each is found in the
            // second, look-alike reading, and none is compared with each other one.
            name: "seeds in look-alike letters in a public bundle",
            rule: "redaction.run-seed",
            make: |n| {
                let item = "s\u{435}\u{435}d=1234 seed=7 A\u{332}C\u{332}ME-4471 \u{410}\u{421}\u{41c}\u{415}; ";
                with(|b| b["x_notes"] = item.repeat(n).into())
            },
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // The deny patterns read every number as written in the file: each number of
            // the array is a finding, past the cap only counted, and no pointer is built
            // for a number the patterns do not match.
            name: "numbers under a deny pattern",
            rule: "redaction.deny-pattern",
            make: |n| array_of("44710023,1.5e3", n),
            n: 100_000,
            findings: Some,
            public: true,
            marketplace: false,
            deny: Some("4471[0-9]{4}"),
        },
        Case {
            // Assignment marks drawn as one character (`≔`, `≕`, `←`, `⩵`) are read as
            // the links they stand for, in the same second reading as the look-alikes.
            name: "seeds after assignment marks in a public bundle",
            rule: "redaction.run-seed",
            make: |n| with(|b| b["x_notes"] = "seed\u{2254}1 seed \u{2190} 2 ".repeat(n / 2).into()),
            n: 100_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // Armor header lines are scanned as text: one armored signature of n lines.
            name: "armor header lines in a public bundle",
            rule: "redaction.pii-email",
            make: |n| {
                let mut armor = String::from("-----BEGIN PGP SIGNATURE-----\n");
                for i in 0..n {
                    armor.push_str(&format!("Comment: user{i}@example.com\n"));
                }
                armor.push_str("\niHUEABYIAB0WIQRQtUnarfH9gkBL6Q7zUAcic7m5\n-----END PGP SIGNATURE-----\n");
                with(|b| b["signatures"]["pgp"] = serde_json::json!({"key_id": "0123456789ABCDEF", "signature": armor}))
            },
            n: 3_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            // Depth grows with n, so a cost of n times depth would be quadratic.
            name: "large integers nested n/500 deep in an audited member",
            rule: "read.integer-precision",
            make: |n| nested_numbers(n, (n / 500).clamp(1, 120)),
            n: 30_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "claim mentions",
            rule: "claims.records",
            make: |n| {
                with(|b| b["enterprise_validation"]["scale_proven"] = vec!["1 billion records"; n].join(" ").into())
            },
            n: 2_000,
            findings: |_| None,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Each number fires a finding that quotes the claim: quoted whole, a claim
            // of n numbers cost n^2 (80,000 numbers took 72 s and 830 MB).
            name: "numbers with no unit in a claim",
            rule: "claims.unchecked",
            make: |n| with(|b| b["enterprise_validation"]["scale_proven"] = format!("{}GB", "1 ".repeat(n)).into()),
            n: 8_000,
            // The last number is "1 GB", a memory claim; the seed has no other.
            findings: |n| Some(n - 1),
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "lone surrogates under a long member name",
            rule: "read.lone-surrogate",
            make: |n| under_long_name("\"\\ud800\"", n),
            n: 6_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // The look-alike check reads a top-level name up to the longest known name's
            // length in its confusables skeleton; characters the skeleton drops
            // (variation selectors) do not count towards it, so such a name is read
            // whole, once.
            name: "lone surrogates under a member name of variation selectors",
            rule: "read.lone-surrogate",
            make: |n| {
                array_under(&format!("{{\"version\":\"1.0\",\"x{}\":[", "\u{fe00}".repeat(10 * n)), "\"\\ud800\"", n)
            },
            n: 6_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Blanks around a top-level name are dropped before the look-alike check:
            // a name of blanks is trimmed once, from both ends.
            name: "lone surrogates under a member name padded with blanks",
            rule: "read.lone-surrogate",
            make: |n| {
                let pad = " \u{2800}\u{3000}".repeat(n);
                array_under(&format!("{{\"version\":\"1.0\",\"{pad}x{pad}\":["), "\"\\ud800\"", n)
            },
            n: 6_000,
            findings: Some,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "e-mail addresses under a long member name",
            rule: "redaction.pii-email",
            make: |n| under_long_name("\"a@example.com\"", n),
            n: 6_000,
            findings: Some,
            public: true,
            marketplace: false,
            deny: None,
        },
        Case {
            name: "percentages of nothing the bundle reports",
            rule: "claims.unsupported",
            make: |n| with(|b| b["enterprise_validation"]["scale_proven"] = "5% zorp ".repeat(n).into()),
            n: 4_000,
            findings: |_| None,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Each look-alike word is a finding, past the cap only counted; the
            // direction control makes one more.
            name: "look-alike words and direction controls in a claim",
            rule: "claims.unchecked",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["scale_proven"] =
                        format!("\u{202e}{}", "bi\u{456}llion ".repeat(n)).into()
                })
            },
            n: 4_000,
            findings: |n| Some(n + 1),
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // A marketplace statement read for hedges: a run of modals and fillers with
            // no word of achievement after it ("will be will be ... zorp") makes each
            // modal look past the fillers to the end; the percentages before it are
            // claims with no metric, one finding each.
            name: "modals and fillers in a marketplace statement",
            rule: "claims.unsupported",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["enterprise_ready"] =
                        format!("{}{}zorp", "5% zorp ".repeat(n), "could be will be may still ".repeat(4 * n)).into()
                })
            },
            n: 4_000,
            findings: |_| None,
            public: false,
            marketplace: true,
            deny: None,
        },
        Case {
            // A marketplace statement read for hedges: schedule words with no time after
            // them ("planned x", "coming coming ...": `coming` is a schedule word and may
            // lead to a time as well) make each look back for a recurring check and ahead
            // past the leads to a time; the percentages before it are claims with no
            // metric, one finding each.
            name: "schedule words in a marketplace statement",
            rule: "claims.unsupported",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["enterprise_ready"] =
                        format!("{}{}zorp", "5% zorp ".repeat(n), "planned x coming coming ".repeat(2 * n)).into()
                })
            },
            n: 4_000,
            findings: |_| None,
            public: false,
            marketplace: true,
            deny: None,
        },
        Case {
            // A marketplace statement read for hedges: one segment of stage words, kinds of
            // trial and version tags ("public beta v0 9 release candidate pre ...") that a
            // last word makes no stage, read once from its start, after many short
            // segments cut at answer marks (`--`, `->`, an arrow, `=`, `|`); the
            // percentages before it are claims with no metric, one finding each.
            name: "stage words and answer marks in a marketplace statement",
            rule: "claims.unsupported",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["enterprise_ready"] = format!(
                        "{}{}{}zorp",
                        "5% zorp ".repeat(n),
                        "zorp -- zorp -> zorp \u{2192} zorp = zorp | ".repeat(n),
                        "public beta v0 9 release candidate pre in ".repeat(2 * n)
                    )
                    .into()
                })
            },
            n: 4_000,
            findings: |_| None,
            public: false,
            marketplace: true,
            deny: None,
        },
        Case {
            // A marketplace statement read for a version it is put in: a run of numbers
            // and a run of articles ("1 1 1 ... in the the the ..."), each word of which
            // once looked past the whole run for `release` or a version (80,000 numbers
            // took 5.6 s); the percentages before them are claims with no metric, one
            // finding each.
            name: "runs of numbers and articles in a marketplace statement",
            rule: "claims.unsupported",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["enterprise_ready"] =
                        format!("{}{}in {}zorp", "5% zorp ".repeat(n), "1 ".repeat(4 * n), "the ".repeat(4 * n)).into()
                })
            },
            n: 4_000,
            findings: |_| None,
            public: false,
            marketplace: true,
            deny: None,
        },
        Case {
            // A marketplace statement read for unfilled templates and unticked boxes:
            // openings of variables and boxes with no close ("{{ ${ < [ {"), then
            // closes with text between that is no variable, and a `%` after each word;
            // each opening is looked for once from where the last ended.
            name: "template openings and boxes in a marketplace statement",
            rule: "claims.unsupported",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["enterprise_ready"] = format!(
                        "{}{}{}zorp",
                        "5% zorp ".repeat(n),
                        "<a b c> {a b} [x] % zorp% ".repeat(n),
                        "{{ ${ < [ { ".repeat(2 * n)
                    )
                    .into()
                })
            },
            n: 4_000,
            findings: |_| None,
            public: false,
            marketplace: true,
            deny: None,
        },
        Case {
            // Digit groups not read (a two-digit group, a thin space, an apostrophe, marks
            // drawn like grouping marks), each one number not checked, then one run of n
            // groups beyond a double:
            // read once as one number, not once from each of its groups.
            name: "digit groups not read in a claim",
            rule: "claims.unchecked",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["scale_proven"] = format!(
                        "{}1{} records",
                        "1\u{2019}00\u{2019}500 records; 1\u{2009}00\u{2009}5 rows; 1\u{201a}000\u{2032}500 rows; "
                            .repeat(n),
                        "\u{2019}000".repeat(n)
                    )
                    .into()
                })
            },
            n: 2_000,
            findings: |_| None,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // The readings of attack pass 7 (unknown magnitudes, markup, digits of
            // another script, rates after words, arrows, other quantities, remaining
            // shares), each looking a few words around its number.
            name: "magnitudes, rates, arrows and shares in a claim",
            rule: "claims.unchecked",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["scale_proven"] = "1,000 bln records generated every second; 16.5 GB -> \
                         185.58 MB; \u{661}\u{660}\u{660}\u{660} million rows; 4x ROI; 20% fewer GPUs and lower costs; \
                         cut to 25% of the cost; 1000 **million** records per GPU per second; 1000 G rows; "
                        .repeat(n)
                        .into()
                })
            },
            n: 1_000,
            findings: |_| None,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Markup tags before figures (each tag's `>` is found in one pass, not looked
            // for from each figure), and tags left open.
            name: "markup tags before figures in a claim",
            rule: "claims.memory",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["memory_optimization"] =
                        "Peak usage <span class=\"m\">185.58 MB</span> <br/>2 GB <b <i 3 GB ".repeat(n).into()
                })
            },
            n: 1_000,
            findings: |_| None,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // A `>` before each figure of one long line: whether it opens its line (a
            // Markdown quote marker) is read from the white space before it only; read
            // back to the line's start, 80,000 of them took 45 s (release build: ratio
            // 4.2 at this n).
            name: "quote markers and floors before figures in a claim",
            rule: "claims.memory",
            make: |n| {
                with(|b| {
                    b["enterprise_validation"]["memory_optimization"] =
                        format!("\n> 1 MB{}", " > 1 MB >> 2 MB ->> 3 MB".repeat(n)).into()
                })
            },
            n: 1_000,
            findings: |_| None,
            public: false,
            marketplace: false,
            deny: None,
        },
        Case {
            // Encoded text: HTML references, URL encoding and JSON escapes, decoded once
            // for every detector, in strings that each hold many of them.
            name: "encoded seeds and addresses in a public bundle",
            rule: "redaction.run-seed",
            make: |n| {
                let text =
                    "&lt;seed&gt;42 seed%3D7 {\\\"seed\\\": 1} jane&#x0040;example.com &#;&amp \\u00 % ".repeat(8);
                with(|b| b["x_notes"] = vec![text.as_str(); n].into())
            },
            n: 4_000,
            findings: |_| None,
            public: true,
            marketplace: false,
            deny: None,
        },
    ]
}
