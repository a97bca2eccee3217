//! The public profile: what must not leave the house (seed "Redaction").

pub mod diags;
pub mod pii;

use crate::audit::normalize::{decimal_digit, normalize_digits, superscript_digit};
use crate::finding::{child, Finding, Outcome};
use crate::options::Options;
use crate::read::compact::Ends;
use crate::read::{Document, SIGNATURES};
use crate::rules::Rule;
use crate::text::{escape_control, shown_pointer};
use diags::*;
use pii::PiiKind;
use std::borrow::Cow;
use std::ops::Range;

/// Masks a found value so the report does not leak it again: first and last two
/// characters kept.
pub fn mask(s: &str) -> String {
    let n = s.chars().count();
    if n <= 6 {
        return "*".repeat(n);
    }
    s.chars().enumerate().map(|(i, c)| if i < 2 || i + 2 >= n { c } else { '*' }).collect()
}

/// What a finding shows of the original text it found: masked ([`mask`]), any hidden
/// character escaped, and said when digits of another script were read as 0-9 (the mask
/// keeps those digits as written: `٤١***********١١`).
fn found_text(found: &str, how: &str) -> String {
    let masked = mask(found);
    let other_digits = found.chars().any(|c| !c.is_ascii() && decimal_digit(c).is_some());
    let raised = found.chars().any(|c| superscript_digit(c).is_some());
    let read = match (other_digits, raised) {
        (true, true) => ", digits of another script and superscript digits read as 0-9",
        (true, false) => ", digits of another script read as 0-9",
        (false, true) => ", superscript digits read as 0-9",
        (false, false) => "",
    };
    format!("{} ({how}{read})", escape_control(&masked))
}

fn rule_for(kind: PiiKind) -> &'static Rule {
    match kind {
        PiiKind::Email => &PII_EMAIL,
        PiiKind::Phone => &PII_PHONE,
        PiiKind::Ip => &PII_IP,
        PiiKind::Card => &PII_CARD,
        PiiKind::NationalId => &PII_NATIONAL_ID,
        PiiKind::Seed => &RUN_SEED,
        PiiKind::Params => &TRAINING_PARAMS,
    }
}

/// `name` lower-cased without `_`, `-` and spaces, in `buf`; None when it is too long
/// or not ASCII (then [`named`] folds it the slow way). No allocation: every member
/// name passes here.
fn folded<'b>(name: &str, buf: &'b mut [u8; 48]) -> Option<&'b [u8]> {
    let mut n = 0;
    for b in name.bytes() {
        if b == b'_' || b == b'-' || b == b' ' {
            continue;
        }
        if !b.is_ascii() || b.is_ascii_control() {
            return None;
        }
        *buf.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
    }
    buf.get(..n)
}

/// What a member's name says it holds, compared without case, `_` or `-`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    /// A run seed: any name ending in "seed" or "seeds" (`seed`, `random_seed`,
    /// `randomSeed`, `shuffle_seed`, `seeds`) or in "seedvalue" or "seednumber"
    /// (`seed_value`, `random_seed_value`), a seed list (`seeds_list`), and a generator's
    /// state or key (`random_state`, `prng_state`, `rng_key`); numbered too (`seed_1`,
    /// `random_seed2`, `seed.1`, `Seed_0x2A`). See [`is_seed_folded`].
    Seed,
    /// Algorithm parameters: a name ending in "params" or "parameters"
    /// (`hyperparameters`, `hparams`, `xgb_params`, `best_params`).
    Params,
    /// One parameter by its own name (`pii::PARAM_NAMES`: `max_depth`, `learning_rate`).
    Param,
    /// Model weights by the names libraries give them (`weights`, `coef_`, `intercept_`,
    /// `feature_importances_`, `state_dict`): the seed's "mathematical weight
    /// parameters", IP it keeps out of a bundle.
    Weights,
    /// A name ending in "weights" (`layer_weights`, `class_weights`): weights when it
    /// holds an array or object of numbers, not when it is one number (`num_weights`).
    WeightsSuffix,
}

/// `Named::Weights` names, folded.
fn is_weights_folded(n: &[u8]) -> bool {
    matches!(
        n,
        b"weights"
            | b"modelweights"
            | b"coef"
            | b"coefs"
            | b"coefficients"
            | b"intercept"
            | b"intercepts"
            | b"featureimportances"
            | b"featureimportance"
            | b"statedict"
    )
}

/// `pii::PARAM_NAMES` folded (a match compiles to a length test and a compare; the
/// test `param_names_folded` keeps the two lists one).
fn is_param_folded(n: &[u8]) -> bool {
    matches!(
        n,
        b"maxdepth"
            | b"learningrate"
            | b"nestimators"
            | b"numleaves"
            | b"minchildweight"
            | b"colsamplebytree"
            | b"subsample"
            | b"regalpha"
            | b"reglambda"
            | b"eta"
            | b"gamma"
            | b"maxfeatures"
            | b"minsamplesleaf"
            | b"minsamplessplit"
            | b"l2regularization"
            | b"dropout"
            | b"batchsize"
            | b"numlayers"
            | b"hiddensize"
            | b"lr"
    )
}

/// The name folded once (every member name of a bundle passes here), then compared.
/// A name too long for the buffer, not ASCII or with a control character in it is folded
/// after the text scans' own normalisation (NFKC, invisible characters removed, every
/// space a space): such names once went unchecked, so `ｓｅｅｄ`, `se<zero-width space>ed`
/// or a 57-letter `experiment_configuration_for_reproducibility_random_seed` hid a seed.
/// Then, as the look-alike check of top-level names reads them (spec 4), what displays
/// is compared: control characters and Braille blanks (U+2800) dropped, and each letter
/// beyond ASCII taken to the letter it is drawn like (UTS #39 skeleton: Cyrillic `е` and
/// `ѕ` are `e` and `s`), so `sееd`, `runѕeed`, `seed<NUL>` and `seed<Braille blank>`,
/// which display as seed names, are read as them. ASCII is kept as it is (the skeleton
/// of `1` is `l`, which would make `seed_1` no numbered seed).
fn named(name: &str) -> Option<Named> {
    let mut buf = [0u8; 48];
    match folded(name, &mut buf) {
        Some(n) => classify(n),
        None => {
            let norm = normalize_digits(name);
            let mut n = String::with_capacity(norm.text().len());
            let mut utf8 = [0u8; 4];
            let mut push = |d: char| {
                if !matches!(d, '_' | '-' | ' ' | '\u{2800}') && !crate::text::is_hidden(d) {
                    n.extend(d.to_lowercase());
                }
            };
            for c in norm.text().chars() {
                if c.is_ascii() {
                    push(c);
                } else if crate::text::drawn_as_low_line(c) {
                    push('_');
                } else {
                    unicode_security::skeleton(c.encode_utf8(&mut utf8)).for_each(&mut push);
                }
            }
            classify(n.as_bytes())
        }
    }
}

/// A folded name (see [`named`]) that names a seed, numbered or not.
fn is_seed_folded(n: &[u8]) -> bool {
    // a numbered seed is one of several seeds: `seed_1`, `random_seed2`, `SEED_0`, with a
    // dot before the number, `seed.1`, or the number in hexadecimal, `Seed_0x2A`
    let hex = n
        .windows(2)
        .rposition(|w| w == b"0x")
        .filter(|&at| n.get(at + 2..).is_some_and(|h| !h.is_empty() && h.iter().all(u8::is_ascii_hexdigit)));
    let (stem, numbered) = match hex {
        Some(at) => (n.get(..at).unwrap_or(n), true),
        None => {
            let digits = n.iter().rev().take_while(|b| b.is_ascii_digit()).count();
            (n.get(..n.len() - digits).unwrap_or(n), digits > 0)
        }
    };
    let stem = match stem.strip_suffix(b".") {
        Some(before) if numbered => before,
        _ => stem,
    };
    // A seed, a list of seeds, and the state or key of a random number generator (it
    // reproduces the draws as the seed does): `np_random_state`, `prng_state`,
    // `torch_rng_state`, `rng_key`, `seeds_list`. Not a bare `state` or `rng` (a
    // generator's name, `"rng": "PCG64"`), nor a name that only begins with these
    // (`random_state_description`, `seedling_count`).
    const ENDINGS: [&[u8]; 13] = [
        b"seed",
        b"seeds",
        b"seedvalue",
        b"seednumber",
        b"seedlist",
        b"seedslist",
        b"randomstate",
        b"randomstates",
        b"rngstate",
        b"rngstates",
        b"rngkey",
        b"rngkeys",
        b"bitgeneratorstate",
    ];
    ENDINGS.iter().any(|e| stem.ends_with(e))
}

fn classify(n: &[u8]) -> Option<Named> {
    if is_seed_folded(n) {
        Some(Named::Seed)
    } else if n.ends_with(b"params") || n.ends_with(b"parameters") {
        Some(Named::Params)
    } else if is_param_folded(n) {
        Some(Named::Param)
    } else if is_weights_folded(n) {
        Some(Named::Weights)
    } else if n.ends_with(b"weights") {
        Some(Named::WeightsSuffix)
    } else {
        None
    }
}

/// Member names whose integers, and strings that are a number and nothing else, are
/// phone numbers: a word of the name (split at `_`, `-`, `.`, spaces, digits and
/// camel case) that is a phone word, alone or with a number word glued after it
/// (`phoneNumber`, `contact_tel`, `mobileNo`, `cellphone`, `FAX`, `msisdn`), or `cell`
/// before a number word (`cell_no`). Words, not substrings: `hotel_id`,
/// `cells_processed`, `cancellations`, `telemetry_events` and `mobilenet_top1` hold no
/// phone, and a public bundle must not be rejected for them.
fn is_phone_name(name: &str) -> bool {
    const BASES: [&str; 7] = ["telephone", "phone", "mobile", "cellphone", "fax", "tel", "msisdn"];
    let words = name_words(name);
    // `phoneNumber` splits into two words; `phonenumber` is one: both are a base and a
    // number word.
    let is_phone = |w: &str| BASES.iter().any(|b| w.strip_prefix(b).is_some_and(|rest| AFTER.contains(&rest)));
    let cell_number = |w: &[String]| match w {
        [cell, number] => cell == "cell" && AFTER.iter().skip(2).any(|a| a == number),
        _ => false,
    };
    words.iter().any(|w| is_phone(w)) || words.windows(2).any(cell_number)
}

/// Number words that may follow a base word, glued or not (`phoneNumber`, `ssn_no`).
const AFTER: [&str; 7] = ["", "s", "no", "nr", "num", "number", "numbers"];

/// The words of a member name, lower-cased: split at every character that is not an
/// ASCII letter (`_`, `-`, `.`, spaces, digits) and at camel case.
fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let split = !c.is_ascii_alphabetic() || (c.is_ascii_uppercase() && prev_lower);
        if split && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphabetic() {
            word.push(c.to_ascii_lowercase());
        }
        prev_lower = c.is_ascii_lowercase();
    }
    words.push(word);
    words
}

/// Member names whose nine-digit values are US social security numbers: a word `ssn`,
/// alone or with a number word glued on (`ssn`, `SSN_number`, `ssnNo`, `ssns`), or
/// `social` `security` (`social_security_number`, `socialSecurityNo`,
/// `socialsecuritynumber`). Words, not substrings, as for phone names: `classnum` holds
/// no SSN.
fn is_ssn_name(name: &str) -> bool {
    let words = name_words(name);
    let glued = |w: &str, base: &str| w.strip_prefix(base).is_some_and(|rest| AFTER.contains(&rest));
    words.iter().any(|w| glued(w, "ssn") || glued(w, "socialsecurity"))
        || words.windows(2).any(|w| matches!(w, [a, b] if a == "social" && glued(b, "security")))
}

/// The value at `path` is held under an SSN-like name, its own or its array's.
fn under_ssn_name(path: &[Seg]) -> bool {
    path.iter().rev().find_map(Seg::name).is_some_and(is_ssn_name)
}

/// The value at `path` is held under a phone-like name: its member's, or in an array
/// the array's (`"phones": ["4155550100"]`).
fn under_phone_name(path: &[Seg]) -> bool {
    path.iter().rev().find_map(Seg::name).is_some_and(is_phone_name)
}

/// The signature material under `signatures`, at the exact places the format (spec 3.3)
/// puts it: `sha256`, the armored `pgp` string or the `signature` of a `pgp` entry, and
/// the `signature` of a `kms` entry. Any other member there, whatever its name (`sig`,
/// `armor`, ...) and at any depth, is unsigned text and is scanned like any member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Material {
    /// `sha256`: material when it is hex and nothing else.
    Hash,
    /// An ASCII-armored OpenPGP signature: its base64 body is material, not the armor
    /// header lines (`Comment: ...`) nor any text around the block.
    Armored,
    /// A KMS signature: material when it is base64 and nothing else.
    Base64,
}

fn signature_material(path: &[Seg]) -> Option<Material> {
    #[derive(Clone, Copy)]
    enum S<'s> {
        Key(&'s str),
        Index,
        Other,
    }
    use S::{Index, Key};
    if path.len() > 4 {
        return None;
    }
    let steps: Vec<S> = path
        .iter()
        .map(|s| match s {
            Seg::Key(k) => Key(k),
            Seg::Index(_) => Index,
            Seg::Named { .. } => S::Other,
        })
        .collect();
    match steps.as_slice() {
        [Key(SIGNATURES), Key("sha256")] => Some(Material::Hash),
        [Key(SIGNATURES), Key("pgp")]
        | [Key(SIGNATURES), Key("pgp"), Key("signature")]
        | [Key(SIGNATURES), Key("pgp"), Index, Key("signature")] => Some(Material::Armored),
        [Key(SIGNATURES), Key("kms"), Key("signature")] | [Key(SIGNATURES), Key("kms"), Index, Key("signature")] => {
            Some(Material::Base64)
        }
        _ => None,
    }
}

/// A character of standard base64, the `=` padding (and armor checksum) included.
fn base64_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
}

/// A line of nothing but base64 characters.
fn base64_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.bytes().all(base64_char)
}

/// The text of a signature value that is not signature material, to be scanned; None
/// when all of it is material. An armored string keeps its armor header lines
/// (`Comment:`, `Version:`: free text that `gpg --comment` writes, not signed) and
/// whatever surrounds the block; only the base64 lines of the body and the BEGIN and
/// END lines are dropped. One pass over the lines.
fn unsigned_text(s: &str, kind: Material) -> Option<std::borrow::Cow<'_, str>> {
    match kind {
        Material::Hash => (!s.bytes().all(|b| b.is_ascii_hexdigit())).then_some(s.into()),
        Material::Base64 => (!s.bytes().all(|b| base64_char(b) || b.is_ascii_whitespace())).then_some(s.into()),
        Material::Armored => {
            #[derive(PartialEq)]
            enum At {
                Outside,
                Headers,
                Body,
            }
            let mut at = At::Outside;
            let mut kept = String::new();
            for line in s.split('\n') {
                let t = line.trim();
                let keep = match at {
                    At::Outside if t.starts_with("-----BEGIN ") && t.ends_with("-----") => {
                        at = At::Headers;
                        false
                    }
                    At::Outside => true,
                    // the blank line ends the headers; a body with no headers and no
                    // blank line starts at its first base64 line
                    At::Headers if t.is_empty() || (base64_line(t) && !t.contains(':')) => {
                        at = At::Body;
                        false
                    }
                    At::Headers => true,
                    At::Body if t.starts_with("-----END ") => {
                        at = At::Outside;
                        false
                    }
                    At::Body => !t.is_empty() && !base64_line(t),
                };
                if keep && !t.is_empty() {
                    if !kept.is_empty() {
                        kept.push('\n');
                    }
                    kept.push_str(line);
                }
            }
            (!kept.is_empty()).then_some(kept.into())
        }
    }
}

/// A string that is a number and nothing else (`"0.05"`, `" 6 "`).
fn numeric(s: &str) -> bool {
    let t = s.trim();
    t.bytes().any(|b| b.is_ascii_digit()) && t.parse::<f64>().is_ok()
}

/// An object whose `state` member is a random number generator's state, which replays
/// its draws as the seed does, although no name says "seed": numpy's
/// `bit_generator.state` (`{"bit_generator": "PCG64", "state": {"state": ..., "inc":
/// ...}}`, MT19937's `{"key": [...], "pos": 624}` likewise) and a PCG state on its own
/// (`{"state": ..., "inc": ...}`, numbers or strings of digits). A bare `state` elsewhere
/// (`"state": "running"`) is nothing.
/// `get` gives a member's canonical text.
fn generator_state<'v>(get: impl Fn(&str) -> Option<&'v [u8]>) -> bool {
    let number = |v: &[u8]| kind_of(v) == Kind::Number || string_of(v).is_some_and(|s| numeric(&s));
    get("bit_generator").is_some_and(|v| kind_of(v) == Kind::String)
        || (get("inc").is_some_and(number) && get("state").is_some_and(number))
}

/// A setting held as a name/value pair, the name as data: `{"name": "SEED", "value":
/// "42"}` (a Kubernetes environment variable), `{"Name": "random_state", "Value": "42"}`
/// (SageMaker), `{"key": "seed", "value": 42}` (MLflow), `{"name": "phone", "value":
/// "4155550100"}`. When the object has one member of [`PAIR_NAMES`] whose string is a name
/// the scans read (a seed, parameters, weights, a phone or SSN name) and one member of
/// [`PAIR_VALUES`]: the value member's key and that name. Its value is then read as the
/// value of a member of that name; such pairs passed a public profile that rejects
/// `"seed": 42`.
fn named_pair<'a>(tree: &Tree<'a>, map: &[(Cow<'a, str>, Range<usize>)]) -> Option<(Cow<'a, str>, Cow<'a, str>)> {
    let member = |names: &[&str]| {
        let mut found = map.iter().filter(|(k, _)| names.iter().any(|n| k.eq_ignore_ascii_case(n)));
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    let name = string_of(tree.bytes(&member(&PAIR_NAMES)?.1))?;
    if name.len() > MAX_PAIR_NAME || (named(&name).is_none() && !is_phone_name(&name) && !is_ssn_name(&name)) {
        return None;
    }
    Some((member(&PAIR_VALUES)?.0.clone(), name))
}

/// The members that name a name/value pair ([`named_pair`]), any case.
const PAIR_NAMES: [&str; 5] = ["name", "key", "param", "parameter", "variable"];
/// The members that hold its value, any case.
const PAIR_VALUES: [&str; 3] = ["value", "val", "default"];
/// The longest name of a pair read as a name: names are short, and a long string under
/// `name` is text, scanned as text.
const MAX_PAIR_NAME: usize = 128;

/// What the scans share for one bundle.
struct Scan<'o> {
    deny: Option<regex::RegexSet>,
    opts: &'o Options,
    broken: Option<&'static str>,
    /// How many generator states ([`generator_state`]) the walk is inside.
    in_state: usize,
}

pub fn check(doc: &Document, opts: &Options, out: &mut Outcome) {
    for rule in RULES {
        out.mark(rule);
    }
    if doc.member("run_seed").is_some() {
        out.push(
            Finding::new(&RUN_SEED, "/run_seed", "run_seed is present: remove it before sharing the bundle publicly")
                .expected("absent")
                .found("present"),
        );
    }
    // read from the canonical text: `training` is walked below without a tree
    let training = doc.member_bytes("training").filter(|t| kind_of(t) == Kind::Object);
    if let Some(members) = training.and_then(crate::read::compact::members) {
        if members.iter().any(|(k, _)| *k == b"\"params\"") {
            out.push(
                Finding::new(
                    &TRAINING_PARAMS,
                    "/training/params",
                    "training.params discloses algorithm parameters: possible leakage of intellectual property",
                )
                .expected("absent")
                .found("present"),
            );
        }
    }
    // The patterns were compiled when the command line was read; a set of them is one
    // automaton, so each string is read once whatever the number of patterns.
    let deny = if opts.deny_patterns.is_empty() {
        None
    } else {
        regex::RegexSet::new(opts.deny_patterns.iter().map(|r| r.as_str())).ok()
    };
    let mut scan = Scan { deny, opts, broken: pii::warm_up().err(), in_state: 0 };
    if let Some(err) = scan.broken {
        for rule in [&PII_EMAIL, &PII_PHONE, &PII_IP, &PII_CARD, &PII_NATIONAL_ID] {
            out.push(
                Finding::new(
                    rule,
                    "",
                    format!("the personal-data scan could not run: its pattern failed to build ({err})"),
                )
                .expected("a completed scan")
                .found("no scan"),
            );
        }
    }
    // the whole bundle may be a generator's state too (its `state` is then a member the
    // schema does not know, which is a warning only)
    let generator = generator_state(|k| doc.member_bytes(k));
    for (i, m) in doc.members().iter().enumerate() {
        let mut path = vec![Seg::Key(Cow::Borrowed(&m.name))];
        scan.text(&m.name, &path, true, out);
        // Each member is walked in its canonical text, every member of `signatures`
        // included (a note beside the signatures is as public as any other), with no
        // serde_json tree: an object costs about 630 bytes as one, and an array of
        // 375,000 `{"":0}` in `training.params` made `--profile public` 10.6 times a
        // plain bundle's memory.
        if let Some(text) = doc.member_text(i) {
            let tree = Tree::new(text);
            let whole = 0..text.len();
            let state = generator && m.name == "state";
            scan.in_state = usize::from(state);
            let held = scan.walk(&tree, whole, &mut path, out);
            scan.in_state = 0;
            if state {
                scan.seed(kind_of(text), &path, out);
            } else {
                scan.name(&m.name, kind_of(text), held, &path, out);
            }
        }
    }
    if let Some(set) = &scan.deny {
        for m in doc.members() {
            deny_numbers(set, opts, doc.source(), m, out);
        }
    }
}

/// The deny patterns over every JSON number of a top-level member, as it is written in
/// the file (`44710023`, `4.4710023e7`: the source text, not a re-formatted value; the
/// parsed tree keeps only the value, so the member's source is walked once more): an
/// account number stored as a number is as much a customer identifier as the same digits
/// in a string, which the patterns read.
fn deny_numbers(set: &regex::RegexSet, opts: &Options, src: &[u8], m: &crate::read::Member, out: &mut Outcome) {
    crate::read::numbers_as_written(src, m.offset, &mut |steps, literal| {
        // written with an exponent, the number is also read in plain digits
        // (`4.4710023e7` is 44710023), as a reader of the bundle sees its value
        let plain = plain_decimal(literal);
        let mut hits: Vec<(usize, &str)> = set.matches(literal).into_iter().map(|i| (i, literal)).collect();
        if let Some(p) = plain.as_deref() {
            let more: Vec<usize> = set.matches(p).into_iter().filter(|i| !hits.iter().any(|h| h.0 == *i)).collect();
            hits.extend(more.into_iter().map(|i| (i, p)));
        }
        for (i, text) in hits {
            let Some(re) = opts.deny_patterns.get(i) else { continue };
            // past the cap a hit is only counted, and its pointer is not built
            if out.count_only(&DENY_PATTERN) {
                continue;
            }
            let mut pointer = child("", &m.name);
            for s in steps {
                pointer = match s {
                    crate::read::Step::Key(k) => child(&pointer, k),
                    crate::read::Step::Index(i) => child(&pointer, &i.to_string()),
                };
            }
            let shown = escape_control(re.as_str());
            let found = re.find(text).map_or(text, |m| m.as_str());
            out.push_lazy(&DENY_PATTERN, &pointer, || {
                Finding::new(
                    &DENY_PATTERN,
                    pointer.as_str(),
                    format!("the number at {} matches --deny-pattern {shown}", shown_pointer(&pointer)),
                )
                .expected(format!("no match for {shown}"))
                .found(found_text(found, "masked"))
            });
        }
    });
}

/// A JSON number literal written with an exponent, in plain decimal digits, exactly (the
/// digits shifted, never through a float): `4.4710023e7` is `44710023`, `-1.5E-3` is
/// `-0.0015`. None without an exponent, or when the plain form would be longer than 64
/// characters (`1e300` is no identifier, and the work stays linear in the literal).
fn plain_decimal(literal: &str) -> Option<String> {
    let (mantissa, exp) = literal.split_once(['e', 'E'])?;
    let exp: i64 = exp.strip_prefix('+').unwrap_or(exp).parse().ok()?;
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    let point = i64::try_from(int.len()).ok()?.checked_add(exp)?;
    let len = i64::try_from(digits.len()).ok()?;
    if !(-64..=64).contains(&point) || len > 64 {
        return None;
    }
    let (whole, part) = if point <= 0 {
        (String::new(), "0".repeat(usize::try_from(-point).ok()?) + &digits)
    } else if point >= len {
        (digits.clone() + &"0".repeat(usize::try_from(point - len).ok()?), String::new())
    } else {
        let at = usize::try_from(point).ok()?;
        (digits.get(..at)?.to_owned(), digits.get(at..)?.to_owned())
    };
    let whole = whole.trim_start_matches('0');
    let part = part.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let plain = if part.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}.{part}") };
    (plain.len() <= 64).then_some(plain)
}

/// One step of the path to a value; the pointer string is only built for a finding.
/// A member name is borrowed from the canonical text, or decoded when it was written with
/// escapes.
enum Seg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
    /// The value member `key` of a name/value pair whose name member says `name`
    /// ([`named_pair`]): its pointer is the key's, what it holds is named by `name`.
    Named {
        key: Cow<'a, str>,
        name: Cow<'a, str>,
    },
}

impl Seg<'_> {
    /// The name that says what the value under this step holds: a member's own, or the
    /// name of its pair.
    fn name(&self) -> Option<&str> {
        match self {
            Seg::Key(k) => Some(k),
            Seg::Named { name, .. } => Some(name),
            Seg::Index(_) => None,
        }
    }
}

fn pointer_of(path: &[Seg]) -> String {
    let mut p = String::new();
    for s in path {
        p = match s {
            Seg::Key(k) | Seg::Named { key: k, .. } => child(&p, k),
            Seg::Index(i) => child(&p, &i.to_string()),
        };
    }
    p
}

/// A command-line option naming a seed, as an argument of its own: two dashes and a name
/// that names a seed as a member name does ([`named`]: `--seed`, `--random-seed`,
/// `--data_seed`, `--seed-value`, `--random-state`, `--rng-key`, `--seed_1`; any case).
/// It read only names ending in `seed` or `seeds`, so `["train.py", "--random_state",
/// "42"]` passed a public profile that rejects `"random_state": 42` and the string
/// `--random_state 42`. One dash (`-s`) is too short a name to tell from others.
fn seed_option(s: &str) -> bool {
    let Some(name) = s.strip_prefix("--") else { return false };
    name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && named(name) == Some(Named::Seed)
}

/// An integer as an argument holds it: a JSON integer, or a string of one (signed,
/// grouped with underscores, or hexadecimal).
fn integer(v: &[u8]) -> bool {
    match kind_of(v) {
        Kind::Number => serde_json::from_slice::<serde_json::Number>(v).is_ok_and(|n| n.is_i64() || n.is_u64()),
        Kind::String => {
            let Some(s) = string_of(v) else { return false };
            let t = s.trim().trim_start_matches(['+', '-']);
            let hex = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"));
            match hex {
                Some(h) => !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()),
                None => {
                    t.bytes().next().is_some_and(|b| b.is_ascii_digit())
                        && t.bytes().all(|b| b.is_ascii_digit() || b == b'_')
                        && !t.ends_with('_')
                }
            }
        }
        _ => false,
    }
}

/// What a value of canonical JSON text is, by its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Null,
    Number,
    String,
    Array,
    Object,
    /// `true`, `false`, or no value.
    Other,
}

fn kind_of(text: &[u8]) -> Kind {
    match text.first() {
        Some(b'"') => Kind::String,
        Some(b'[') => Kind::Array,
        Some(b'{') => Kind::Object,
        Some(b'n') => Kind::Null,
        Some(b'-' | b'0'..=b'9') => Kind::Number,
        _ => Kind::Other,
    }
}

/// The string a canonical string literal (its quotes included) holds: borrowed from the
/// text when it has no escape, else decoded. None for anything else.
fn string_of(text: &[u8]) -> Option<Cow<'_, str>> {
    let inner = text.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    if inner.contains(&b'\\') {
        return serde_json::from_slice::<String>(text).ok().map(Cow::Owned);
    }
    std::str::from_utf8(inner).ok().map(Cow::Borrowed)
}

/// A top-level member's canonical text, as the scan walks it: values are ranges of it,
/// and every array and object can be stepped over by its end ([`Ends`]), so the walk
/// reads the text once at any depth and builds no tree (spec 4.1).
struct Tree<'a> {
    text: &'a [u8],
    ends: Ends,
}

impl<'a> Tree<'a> {
    fn new(text: &'a [u8]) -> Self {
        Tree { text, ends: Ends::of(text) }
    }

    fn bytes(&self, r: &Range<usize>) -> &'a [u8] {
        self.text.get(r.clone()).unwrap_or_default()
    }

    /// One past the value starting at `at`.
    fn end(&self, at: usize) -> Option<usize> {
        self.ends.value_end(self.text, at)
    }

    /// The members of the object at `at`, names decoded, in the order of their names'
    /// bytes (a serde_json map's, which the scan kept before it read text: findings
    /// come in the order they did). Only what the reader wrote gets here; text that is
    /// not gives no members.
    fn members(&self, at: usize) -> Vec<(Cow<'a, str>, Range<usize>)> {
        let text = self.text;
        let Some(listed) = self.ends.members(text, at) else { return Vec::new() };
        let base = text.as_ptr() as usize;
        let mut out: Vec<(Cow<'a, str>, Range<usize>)> = listed
            .into_iter()
            .filter_map(|(k, v)| {
                let start = v.as_ptr() as usize - base;
                Some((string_of(k)?, start..start + v.len()))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

impl Scan<'_> {
    /// Scans `v` and everything in it. Says whether it holds a number at any depth (a
    /// JSON number or a string that is one): a parameter or weights name over an array
    /// or object discloses values only then, and computing it here, bottom up, keeps
    /// nested names from walking their subtrees again.
    fn walk<'a>(&mut self, tree: &Tree<'a>, v: Range<usize>, path: &mut Vec<Seg<'a>>, out: &mut Outcome) -> bool {
        let bytes = tree.bytes(&v);
        match kind_of(bytes) {
            Kind::String => {
                let Some(s) = string_of(bytes) else { return false };
                if let Some(kind) = signature_material(path) {
                    if let Some(text) = unsigned_text(&s, kind) {
                        self.text(&text, path, false, out);
                    }
                    return false;
                }
                self.text(&s, path, false, out);
                numeric(&s)
            }
            Kind::Number => {
                if let Ok(n) = serde_json::from_slice::<serde_json::Number>(bytes) {
                    self.number(&n, path, out);
                }
                true
            }
            Kind::Array => {
                let mut held = false;
                // the elements one at a time, each skipped by its end (`Tree`)
                let mut at = v.start + 1;
                let mut after_seed_option = false;
                let mut i = 0;
                while bytes.get(1) != Some(&b']') {
                    let Some(end) = tree.end(at) else { break };
                    path.push(Seg::Index(i));
                    held |= self.walk(tree, at..end, path, out);
                    let item = tree.bytes(&(at..end));
                    if after_seed_option && integer(item) {
                        self.seed_argument(path, out);
                    }
                    path.pop();
                    after_seed_option =
                        kind_of(item) == Kind::String && string_of(item).is_some_and(|s| seed_option(&s));
                    match tree.text.get(end) {
                        Some(b',') => at = end + 1,
                        _ => break,
                    }
                    i += 1;
                }
                held
            }
            Kind::Object => {
                let mut held = false;
                let map = tree.members(v.start);
                // one finding for a generator's state, not one more for a state inside it
                let get = |k: &str| map.iter().find(|(name, _)| name == k).map(|(_, r)| tree.bytes(r));
                let generator = self.in_state == 0 && generator_state(get);
                let pair = named_pair(tree, &map);
                for (k, item) in map.iter() {
                    // the value of a name/value pair is held under the pair's name
                    let named = pair.as_ref().filter(|(key, _)| key == k).map(|(_, name)| name);
                    let seg = match named {
                        Some(name) if name != k => Seg::Named { key: k.clone(), name: name.clone() },
                        _ => Seg::Key(k.clone()),
                    };
                    let name = named.unwrap_or(k);
                    path.push(seg);
                    self.text(k, path, true, out);
                    let state = generator && k == "state";
                    self.in_state += usize::from(state);
                    let inner = self.walk(tree, item.clone(), path, out);
                    self.in_state -= usize::from(state);
                    let kind = kind_of(tree.bytes(item));
                    if state {
                        self.seed(kind, path, out);
                    } else {
                        self.name(name, kind, inner, path, out);
                    }
                    held |= inner;
                    path.pop();
                }
                held
            }
            Kind::Null | Kind::Other => false,
        }
    }

    /// A member whose name says it holds a seed, algorithm parameters or model weights,
    /// at any depth (top-level members and the unsigned members under `signatures`
    /// included); `held`: its value holds a number (`walk`). `run_seed` and
    /// `training.params` have findings of their own, above.
    fn name(&mut self, k: &str, v: Kind, held: bool, path: &[Seg], out: &mut Outcome) {
        let keys = || path.iter().filter_map(Seg::name);
        let mut top = keys();
        match (top.next(), top.next()) {
            (Some("run_seed"), None) | (Some("training"), Some("params")) => return,
            _ => {}
        }
        let params = || {
            (&TRAINING_PARAMS, "discloses algorithm parameters: possible leakage of intellectual property", "absent")
        };
        // one finding for a parameters object, not one more per parameter in it
        let in_params = || keys().take(path.len().saturating_sub(1)).any(|a| named(a) == Some(Named::Params));
        let container = matches!(v, Kind::Array | Kind::Object);
        let (null, number, string) = (v == Kind::Null, v == Kind::Number, v == Kind::String);
        let weights = || (&TRAINING_PARAMS, "holds model weights: possible leakage of intellectual property", "absent");
        let (rule, what, expected) = match named(k) {
            Some(Named::Seed) if !null => {
                (&RUN_SEED, "holds a run seed: remove it before sharing the bundle publicly", "no seed")
            }
            Some(Named::Params) if container || string => params(),
            // a grid or a schedule (`max_depth: [6, 8]`, `learning_rate: {"initial": 0.05}`)
            // discloses the parameter as a value does
            Some(Named::Param) if (number || string || (container && held)) && !in_params() => params(),
            Some(Named::Weights) if (number || string || container) && held && !in_params() => weights(),
            Some(Named::WeightsSuffix) if container && held && !in_params() => weights(),
            _ => return,
        };
        let pointer = pointer_of(path);
        out.push_lazy(rule, &pointer, || {
            Finding::new(rule, pointer.as_str(), format!("{} {what}", shown_pointer(&pointer)))
                .expected(expected)
                .found("present")
        });
    }

    /// A generator's state found by its shape rather than its name ([`generator_state`]).
    fn seed(&mut self, v: Kind, path: &[Seg], out: &mut Outcome) {
        if v != Kind::Null {
            seed_finding(path, "holds a random number generator's state", out);
        }
    }

    /// The value after a seed option in a command line recorded as its arguments
    /// (`["train.py", "--seed", "42"]`): a string reads `--seed 42` as a seed, the same
    /// words one element apart passed.
    fn seed_argument(&mut self, path: &[Seg], out: &mut Outcome) {
        seed_finding(path, "is the value of a seed option in a recorded command line", out);
    }

    /// Integers that are card or phone numbers, held as JSON numbers.
    fn number(&mut self, n: &serde_json::Number, path: &[Seg], out: &mut Outcome) {
        // an integer, or a whole number written as a float (4111111111111111.0)
        let digits = match (n.as_u64(), n.as_f64()) {
            (Some(v), _) if v >= 1_000_000 => v.to_string(),
            (None, Some(f)) if f.fract() == 0.0 && (1e6..9_007_199_254_740_992.0).contains(&f) => format!("{f:.0}"),
            _ => return,
        };
        let kind = if pii::number_is_card(&digits) {
            Some((&PII_CARD, "a payment card number (Luhn-valid)"))
        } else if (7..=15).contains(&digits.len()) && under_phone_name(path) {
            Some((&PII_PHONE, "a phone number"))
        } else if digits.len() <= 9 && pii::ssn_ok(&format!("{digits:0>9}")) && under_ssn_name(path) {
            // an integer loses the leading zeros of the area (078051120 is 78051120)
            Some((&PII_NATIONAL_ID, "a US social security number"))
        } else {
            None
        };
        if let Some((rule, what)) = kind {
            let pointer = pointer_of(path);
            out.push_lazy(rule, &pointer, || {
                Finding::new(rule, pointer.as_str(), format!("the number at {} is {what}", shown_pointer(&pointer)))
                    .expected(format!("nothing like {what}"))
                    .found(format!("{} (masked)", mask(&digits)))
            });
        }
    }

    fn text(&mut self, original: &str, path: &[Seg], is_name: bool, out: &mut Outcome) {
        let norm = normalize_digits(original);
        let text = norm.text();
        let mut hits = if self.broken.is_some() { Vec::new() } else { pii::scan(text).unwrap_or_default() };
        // Letters of other scripts drawn like Latin ones are read as those too: a
        // customer ID `АСМЕ-4471` in Cyrillic capitals, or `sееd=1234`, displays as the
        // ASCII the patterns and detectors look for.
        let latin = if original.is_ascii() { None } else { as_latin(text) };
        if let (Some((folded, from)), None) = (&latin, &self.broken) {
            // What the text itself showed is not counted twice (a set: a string may hold
            // a hit every few bytes, and comparing each with each was quadratic).
            let seen: std::collections::HashSet<(u8, usize, usize)> =
                hits.iter().map(|h| (h.kind as u8, h.span.start, h.span.end)).collect();
            for hit in pii::scan(folded).unwrap_or_default() {
                let Some(span) = from_latin(from, &hit.span) else { continue };
                if !seen.contains(&(hit.kind as u8, span.start, span.end)) {
                    hits.push(pii::PiiHit { span, ..hit });
                }
            }
        }
        // a string that is only a number, under a phone-like name, as an integer there is
        // ("4155550100" has no separator a free-text detector could tell a phone by)
        if hits.is_empty() && !is_name {
            if let Some(span) = pii::whole_phone(text).filter(|_| under_phone_name(path)) {
                hits.push(pii::PiiHit { kind: PiiKind::Phone, span, what: "a phone number" });
            } else if let Some(span) = pii::whole_ssn(text).filter(|_| under_ssn_name(path)) {
                hits.push(pii::PiiHit { kind: PiiKind::NationalId, span, what: "a US social security number" });
            }
        }
        // A right-to-left override (U+202E) displays what follows it in reverse: stored as
        // "1111 1111 1111 1114" it shows a card number that the stored order does not
        // hold. Text holding one is read reversed too (the whole text: what the override
        // governs is contiguous there as well).
        // The deny patterns read it reversed as well: `<U+202E>1744-EMCA` displays as `ACME-4471`.
        let rev: Option<String> = original.contains('\u{202E}').then(|| text.chars().rev().collect());
        let reversed: Vec<(pii::PiiHit, String)> = if let (Some(rev), None) = (&rev, &self.broken) {
            let found = |h: &pii::PiiHit| rev.get(h.span.clone()).unwrap_or_default().to_owned();
            pii::scan(rev)
                .unwrap_or_default()
                .into_iter()
                .map(|h| {
                    let f = found(&h);
                    (h, f)
                })
                .collect()
        } else {
            Vec::new()
        };
        // A URL or a web page keeps a customer name encoded (`?customer=ACME%2D4471`,
        // `ACME+Corp`, `ACME&#45;4471`): the patterns read it decoded too, and normalised.
        // So do the detectors: `&lt;seed&gt;42` displays as `<seed>42`, `seed%3D42` is
        // `seed=42` in a URL, `jane&#x0040;example.com` an address; a kind the text showed
        // as written is not reported again.
        let decoded: Option<(String, String)> = self.deny.as_ref().and_then(|_| {
            let d = url_and_entities_decoded(original, true)?;
            let n = crate::audit::normalize::normalize(&d).text().to_owned();
            Some((d, n))
        });
        // (a `+` stays a plus there: `seeds+3 varieties` is prose, not a form's space)
        let detected = match &self.broken {
            None => url_and_entities_decoded(original, false).map(|d| normalize_digits(&d).text().to_owned()),
            Some(_) => None,
        };
        let decoded_hits: Vec<(pii::PiiHit, String)> = match &detected {
            Some(n) => {
                let mut kinds: Vec<PiiKind> = hits.iter().map(|h| h.kind).collect();
                let mut found = Vec::new();
                for h in pii::scan(n).unwrap_or_default() {
                    if !kinds.contains(&h.kind) {
                        kinds.push(h.kind);
                        let f = n.get(h.span.clone()).unwrap_or_default().to_owned();
                        found.push((h, f));
                    }
                }
                found
            }
            None => Vec::new(),
        };
        let denied: Vec<usize> = match &self.deny {
            Some(set) => {
                let mut ids: Vec<usize> = set.matches(text).into_iter().collect();
                if let Some((d, n)) = &decoded {
                    ids.extend(set.matches(d));
                    ids.extend(set.matches(n));
                }
                if text != original {
                    ids.extend(set.matches(original));
                }
                if let Some((folded, _)) = &latin {
                    ids.extend(set.matches(folded));
                }
                if let Some(rev) = &rev {
                    ids.extend(set.matches(rev));
                }
                ids.sort_unstable();
                ids.dedup();
                ids
            }
            None => Vec::new(),
        };
        if hits.is_empty() && denied.is_empty() && reversed.is_empty() && decoded_hits.is_empty() {
            return;
        }
        // Past the caps a hit is only counted, and its pointer (every name on the path,
        // however long) is not built for it.
        if denied.is_empty()
            && reversed.is_empty()
            && decoded_hits.is_empty()
            && hits.iter().all(|h| out.count_only(rule_for(h.kind)))
        {
            return;
        }
        let pointer = pointer_of(path);
        let pointer = pointer.as_str();
        let whose = if is_name { "the member name at" } else { "the string at" };
        // a string can hold a hit per few bytes: past the cap none is written
        for hit in hits {
            let rule = rule_for(hit.kind);
            out.push_lazy(rule, pointer, || {
                let found = norm.original_of(hit.span.clone());
                Finding::new(rule, pointer, format!("{whose} {} contains {}", shown_pointer(pointer), hit.what))
                    .expected(format!("nothing like {}", hit.what))
                    .found(found_text(found, "masked"))
            });
        }
        // what the text shows otherwise than as stored: reversed, or decoded
        let shown_otherwise = reversed
            .into_iter()
            .map(|(h, f)| (h, f, ", shown reversed by a right-to-left override", "masked, as displayed"))
            .chain(decoded_hits.into_iter().map(|(h, f)| {
                (h, f, " once its URL encoding, HTML character references or escapes are decoded", "masked, as decoded")
            }));
        for (hit, found, how, masked) in shown_otherwise {
            let rule = rule_for(hit.kind);
            out.push_lazy(rule, pointer, || {
                let message = format!("{whose} {} contains {}{how}", shown_pointer(pointer), hit.what);
                Finding::new(rule, pointer, message)
                    .expected(format!("nothing like {}", hit.what))
                    .found(found_text(&found, masked))
            });
        }
        for i in denied {
            let Some(re) = self.opts.deny_patterns.get(i) else { continue };
            let m = re
                .find(text)
                .map(|m| norm.original_of(m.range()))
                .or_else(|| re.find(original).map(|m| m.as_str()))
                .or_else(|| {
                    let (folded, from) = latin.as_ref()?;
                    let m = re.find(folded)?;
                    Some(norm.original_of(from_latin(from, &m.range())?))
                })
                .or_else(|| re.find(rev.as_deref()?).map(|m| m.as_str()))
                .or_else(|| {
                    let (d, n) = decoded.as_ref()?;
                    re.find(d).or_else(|| re.find(n)).map(|m| m.as_str())
                });
            let shown = escape_control(re.as_str());
            out.push(
                Finding::new(
                    &DENY_PATTERN,
                    pointer,
                    format!("{whose} {} matches --deny-pattern {shown}", shown_pointer(pointer)),
                )
                .expected(format!("no match for {shown}"))
                .found(found_text(m.unwrap_or_default(), "masked")),
            );
        }
    }
}

/// `text` with its URL encoding (`%2D`, `+` for a space) and HTML character references
/// (`&#45;`, `&#x2D;`, `&amp;`, `&hyphen;`, ...) and the backslash escapes of a JSON string
/// written into this one (`\"`, `\u0040`) decoded, in one pass; `+` as a space only when
/// `plus_is_space` (a form's encoding, for the deny patterns); `None` when there is nothing
/// to decode. Invalid sequences stay as written.
fn url_and_entities_decoded(text: &str, plus_is_space: bool) -> Option<String> {
    if !text.contains(['%', '+', '&', '\\']) {
        return None;
    }
    const NAMED: [(&str, char); 18] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", ' '),
        ("hyphen", '-'),
        ("dash", '-'),
        ("minus", '-'),
        ("period", '.'),
        ("commat", '@'),
        ("lowbar", '_'),
        ("colon", ':'),
        ("sol", '/'),
        ("equals", '='),
        ("num", '#'),
        ("lpar", '('),
        ("rpar", ')'),
    ];
    let b = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let hex = |c: u8| (c as char).to_digit(16);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'%' => {
                if let (Some(h), Some(l)) = (b.get(i + 1).and_then(|&x| hex(x)), b.get(i + 2).and_then(|&x| hex(x))) {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
                continue;
            }
            // the escapes of a JSON or JavaScript string written into this one
            // (`{\"seed\": 42}`, `jane\u0040example.com`)
            b'\\' => match b.get(i + 1) {
                Some(&e @ (b'"' | b'\'' | b'\\' | b'/')) => {
                    out.push(e);
                    i += 2;
                    continue;
                }
                Some(b'u') => {
                    let code = b.get(i + 2..i + 6).and_then(|h| std::str::from_utf8(h).ok());
                    let ch = code
                        .filter(|h| h.bytes().all(|x| x.is_ascii_hexdigit()))
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32);
                    if let Some(ch) = ch {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        i += 6;
                        continue;
                    }
                }
                _ => {}
            },
            b'&' => {
                // a reference is at most a few characters up to its `;`
                let window = b.get(i + 1..b.len().min(i + 12)).unwrap_or_default();
                if let Some(end) = window.iter().position(|&x| x == b';') {
                    let body = window.get(..end).and_then(|w| std::str::from_utf8(w).ok()).unwrap_or_default();
                    let numeric = body.strip_prefix('#').and_then(|n| match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => n.parse::<u32>().ok(),
                    });
                    let ch = match numeric {
                        Some(n) => char::from_u32(n),
                        None => NAMED.iter().find(|(name, _)| *name == body).map(|&(_, ch)| ch),
                    };
                    if let Some(ch) = ch {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        i += end + 2;
                        continue;
                    }
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    let decoded = String::from_utf8_lossy(&out).into_owned();
    (decoded != text).then_some(decoded)
}

/// `text` (as the scans read it) with each character beyond ASCII that is drawn like an
/// ASCII letter (its UTS #39 confusables skeleton is that one letter: Cyrillic `А`, `С`,
/// `М`, `Е`, `е`, `ѕ`; Greek `Α`, `Μ`, `ο`), or like `:` or `=` (the ratio sign `∶`, the
/// modifier colons `꞉` and `ː`, which put a seed after its name as `:` does), written as
/// that character, and for each byte of
/// the result the byte range of `text` it comes from (in u32, as the normalisation's own
/// map: a string is at most --max-bytes). None when no character is folded.
/// Never a digit: a skeleton that is one (Cyrillic `З` is drawn like `3`) could make a
/// number of prose. Combining marks drawn on an ASCII letter or digit (underlined
/// `A̲C̲M̲E̲`, struck through) are dropped; accents NFKC composes are kept (`é` stays).
fn as_latin(text: &str) -> Option<(String, Vec<(u32, u32)>)> {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut folded = false;
    let mut utf8 = [0u8; 4];
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        // A mark drawn on an ASCII letter or digit (an underline `A̲`, a strike-through,
        // an overline) is read through, as the scans read through marks on digits.
        if !c.is_ascii()
            && unicode_normalization::char::is_combining_mark(c)
            && out.ends_with(|p: char| p.is_ascii_alphanumeric())
        {
            folded = true;
            continue;
        }
        // Arrows are the `->` and `=>` a seed's link may be written with, and a Braille
        // blank shows as a space.
        // Assignment marks drawn as one character are the links they stand for: a left
        // arrow is R's `<-`, and the definition signs (`≝`, `≜`, `≡`, `≣`) are `=`, as
        // the look-alike colons and equals signs below are.
        let wide = match c {
            '\u{2192}' | '\u{27f6}' | '\u{2794}' | '\u{279d}' | '\u{279e}' | '\u{21fe}' => Some("->"),
            '\u{21d2}' | '\u{27f9}' => Some("=>"),
            '\u{2190}' | '\u{27f5}' | '\u{2b05}' | '\u{21a4}' | '\u{21e6}' | '\u{2b60}' => Some("<-"),
            '\u{225d}' | '\u{225c}' | '\u{2261}' | '\u{2263}' => Some("="),
            '\u{29f4}' => Some(":->"),
            '\u{2800}' => Some(" "),
            _ => None,
        };
        // A dot drawn at mid-height between two digits is the full stop it stands in for:
        // `203·0·113·42` displays as an address (between other characters it stays: `Jos·é`).
        let between_digits = || {
            out.ends_with(|p: char| p.is_ascii_digit())
                && text.get(end..).is_some_and(|rest| rest.starts_with(|n: char| n.is_ascii_digit()))
        };
        let wide = wide.or_else(|| (is_mid_dot(c) && between_digits()).then_some("."));
        if let Some(w) = wide {
            folded = true;
            out.push_str(w);
            from.extend(std::iter::repeat_n((at as u32, end as u32), w.len()));
            continue;
        }
        // The skeleton, up to four characters (a longer one folds to nothing).
        let mut shown = ['\0'; 4];
        let mut n = 0;
        if !c.is_ascii() {
            for d in unicode_security::skeleton(c.encode_utf8(&mut utf8)) {
                match shown.get_mut(n) {
                    Some(slot) => *slot = d,
                    None => {
                        n = 0;
                        break;
                    }
                }
                n += 1;
            }
        }
        let shown = shown.get(..n).unwrap_or_default();
        let letter = match shown {
            [d] if d.is_ascii_alphabetic() || matches!(d, ':' | '=') => Some(*d),
            _ => None,
        };
        // A skeleton of colons and equals signs is the assignment it is drawn as (`≔` is
        // `:=`, `≕` `=:`, `⩵` `==`, `∷` `::`), marks drawn on them dropped (`≐` is `=`
        // with a dot above).
        // A stroke through one (`≠` is `=` with U+0338) negates it: no link.
        let marks = || shown.iter().filter(|d| !unicode_normalization::char::is_combining_mark(**d));
        let assign = letter.is_none()
            && shown.first().is_some_and(|d| matches!(d, ':' | '='))
            && !shown.iter().any(|d| matches!(d, '\u{338}' | '\u{20d2}' | '\u{20e5}'))
            && marks().all(|d| matches!(d, ':' | '='));
        match letter {
            Some(d) => {
                folded = true;
                out.push(d);
                from.push((at as u32, end as u32));
            }
            None if assign => {
                folded = true;
                for d in marks() {
                    out.push(*d);
                    from.push((at as u32, end as u32));
                }
            }
            None => {
                out.push(c);
                from.extend(std::iter::repeat_n((at as u32, end as u32), c.len_utf8()));
            }
        }
    }
    folded.then_some((out, from))
}

/// Dots drawn at mid-height: the middle dot, the hyphenation point, the bullet and dot
/// operators, the katakana middle dots, the Greek ano teleia and the word separator dot.
fn is_mid_dot(c: char) -> bool {
    matches!(c, '\u{b7}' | '\u{387}' | '\u{2027}' | '\u{2219}' | '\u{22c5}' | '\u{30fb}' | '\u{ff65}' | '\u{2e31}')
}

/// The range of the text [`as_latin`] read that a range of its result comes from.
fn from_latin(from: &[(u32, u32)], r: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let start = from.get(r.start)?.0 as usize;
    let end = from.get(r.end.checked_sub(1)?)?.1 as usize;
    Some(start..end)
}

/// `redaction.run-seed` at `path`, saying what the value there `is`.
fn seed_finding(path: &[Seg], is: &str, out: &mut Outcome) {
    let pointer = pointer_of(path);
    out.push_lazy(&RUN_SEED, &pointer, || {
        Finding::new(
            &RUN_SEED,
            pointer.as_str(),
            format!("{} {is}: remove it before sharing the bundle publicly", shown_pointer(&pointer)),
        )
        .expected("no seed")
        .found("present")
    });
}

#[cfg(test)]
mod tests {
    /// What a URL or a page decodes to, by the rules of RFC 3986 (`%XX`), form encoding
    /// (`+`) and HTML (`&#N;`, `&#xH;`, named references); broken sequences stay as written.
    #[test]
    fn url_and_entities_decode() {
        let d = |t: &str| super::url_and_entities_decoded(t, true);
        assert_eq!(d("ACME%2D4471").as_deref(), Some("ACME-4471"));
        assert_eq!(d("ACME+Corp").as_deref(), Some("ACME Corp"));
        assert_eq!(d("ACME&#45;4471 &#x2d; &hyphen; &amp;").as_deref(), Some("ACME-4471 - - &"));
        assert_eq!(d("no encoding"), None);
        for broken in ["100%", "%4", "%zz", "&", "&#;", "&#xFFFFFFFF;", "&#55296;", "&unknown;", "& 1;"] {
            assert_eq!(d(broken), None, "{broken}");
        }
        assert_eq!(d("%FF").as_deref(), Some("\u{FFFD}"), "an invalid UTF-8 byte");
        // a JSON string written into this one, and the references of `=` and `#`
        assert_eq!(d(r#"{\"seed\": 42} jane\u0040example.com"#).as_deref(), Some(r#"{"seed": 42} jane@example.com"#));
        assert_eq!(d("seed&equals;42 &num;1").as_deref(), Some("seed=42 #1"));
        assert_eq!(super::url_and_entities_decoded("seeds+3", false), None, "a plus stays a plus for the detectors");
        for broken in [r"\u12", r"\uD800", r"\q"] {
            assert_eq!(d(broken), None, "{broken}");
        }
    }

    use super::{
        folded, is_param_folded, is_phone_name, is_ssn_name, mask, named, pii::PARAM_NAMES, signature_material,
        under_phone_name, unsigned_text, Material, Named, Seg,
    };
    use crate::read::SIGNATURES;

    const BODY: &str = "iHUEABYIAB0WIQRQtUnarfH9gkBL6Q7zUAcic7m50AUCaJiQyAAKCRDzUAcic7m5\n\
                        0JI4AQCaVXDTBk8jZM/BLKoAJiZKON91p4DjG8SOvAGuKkaGyAD/YBGLQyB583q4\n\
                        eRvaWqpwSo4sEzPW66AxO6FlPJCmDgY=\n=fzYl\n";

    /// Only the exact places of signature material are exempt: a member named `sig`,
    /// `armor` or `signature` anywhere else under `signatures` hid whole objects of
    /// personal data, seeds and parameters from every scan.
    #[test]
    fn signature_material_is_exact() {
        use Seg::{Index, Key};
        let s = Key(SIGNATURES.into());
        assert_eq!(signature_material(&[Key(SIGNATURES.into()), Key("sha256".into())]), Some(Material::Hash));
        assert_eq!(signature_material(&[Key(SIGNATURES.into()), Key("pgp".into())]), Some(Material::Armored));
        assert_eq!(
            signature_material(&[Key(SIGNATURES.into()), Key("pgp".into()), Key("signature".into())]),
            Some(Material::Armored)
        );
        let pgp_n = [Key(SIGNATURES.into()), Key("pgp".into()), Index(2), Key("signature".into())];
        assert_eq!(signature_material(&pgp_n), Some(Material::Armored));
        assert_eq!(
            signature_material(&[Key(SIGNATURES.into()), Key("kms".into()), Key("signature".into())]),
            Some(Material::Base64)
        );
        let kms_n = [Key(SIGNATURES.into()), Key("kms".into()), Index(0), Key("signature".into())];
        assert_eq!(signature_material(&kms_n), Some(Material::Base64));
        for path in [
            vec![Key(SIGNATURES.into()), Key("sig".into())],
            vec![Key(SIGNATURES.into()), Key("signature".into())],
            vec![Key(SIGNATURES.into()), Key("pgp".into()), Key("armor".into())],
            vec![Key(SIGNATURES.into()), Key("kms".into()), Key("armored".into())],
            vec![Key(SIGNATURES.into()), Key("kms".into()), Key("signature_b64".into())],
            vec![Key(SIGNATURES.into()), Key("pgp".into()), Key("signature".into()), Key("signature".into())],
            vec![Key(SIGNATURES.into()), Key("sig".into()), Key("signature".into())],
            vec![Key(SIGNATURES.into()), Key("pgp".into()), Index(0), Key("sig".into())],
            vec![Key(SIGNATURES.into()), Key("key_id".into())],
            vec![Key("x_signatures".into()), Key("pgp".into())],
            vec![Key("notes".into()), Key("signature".into())],
            vec![s],
        ] {
            assert_eq!(signature_material(&path), None, "{}", super::pointer_of(&path));
        }
    }

    /// The armor header lines and any text around the block are unsigned free text;
    /// the base64 body is the material.
    #[test]
    fn armor_headers_are_text() {
        let armored =
            |headers: &str| format!("-----BEGIN PGP SIGNATURE-----\n{headers}\n{BODY}-----END PGP SIGNATURE-----\n");
        assert_eq!(unsigned_text(&armored(""), Material::Armored), None);
        let with_comment = armored("Comment: Signed for jane.doe@example.com\nVersion: GnuPG v2\n");
        assert_eq!(
            unsigned_text(&with_comment, Material::Armored).as_deref(),
            Some("Comment: Signed for jane.doe@example.com\nVersion: GnuPG v2")
        );
        // no header and no blank line: the body starts at once
        let bare = format!("-----BEGIN PGP SIGNATURE-----\n{BODY}-----END PGP SIGNATURE-----");
        assert_eq!(unsigned_text(&bare, Material::Armored), None);
        let around = format!("Signed by SSN 078-05-1120\n{}trailer 4111 1111 1111 1111", armored(""));
        assert_eq!(
            unsigned_text(&around, Material::Armored).as_deref(),
            Some("Signed by SSN 078-05-1120\ntrailer 4111 1111 1111 1111")
        );
        // a body line that is not base64 is text
        let odd = format!("-----BEGIN PGP SIGNATURE-----\n\n{BODY}jane@example.com\n-----END PGP SIGNATURE-----");
        assert_eq!(unsigned_text(&odd, Material::Armored).as_deref(), Some("jane@example.com"));
        let crlf = with_comment.replace('\n', "\r\n");
        assert!(unsigned_text(&crlf, Material::Armored).is_some_and(|t| t.contains("jane.doe@example.com")));
    }

    #[test]
    fn kms_and_hash_material_is_base64_or_hex_only() {
        let sig = "MEUCIQDx7Lx1+2r3/ABC=\n  xyz09==";
        assert_eq!(unsigned_text(sig, Material::Base64), None);
        assert!(unsigned_text("jane@example.com", Material::Base64).is_some());
        assert!(unsigned_text("SSN 078-05-1120", Material::Base64).is_some());
        assert_eq!(unsigned_text(&"ab".repeat(32), Material::Hash), None);
        assert!(unsigned_text("seed=1234", Material::Hash).is_some());
    }

    /// Seed and parameter names of any length and script, as the text scans read them.
    #[test]
    fn names_long_or_not_ascii_are_read_too() {
        for name in [
            "seed",
            "experiment_configuration_for_reproducibility_random_seed",
            "a_very_long_prefix_that_goes_on_and_on_and_on_and_on_random_seed",
            "\u{ff53}\u{ff45}\u{ff45}\u{ff44}",
            "se\u{200b}ed",
            "Seed\u{a0}",
            "random seed ",
            "Random\u{2011}Seed",
            "s\u{435}\u{435}d",
            "run\u{455}eed",
            "seed\u{0}",
            "seed\u{7}",
            "seed\u{2800}",
            "random_\u{455}tate",
        ] {
            assert!(matches!(named(name), Some(Named::Seed)), "{name:?}");
        }
        let long_params = "the_complete_and_fully_documented_training_hyperparameters";
        assert!(matches!(named(long_params), Some(Named::Params)));
        for name in ["seedling_count", "description", "\u{ff4e}\u{ff41}\u{ff4d}\u{ff45}"] {
            assert!(named(name).is_none(), "{name:?}");
        }
    }

    /// A seed name with a number after it is a seed too: one of several seeds
    /// (`seed_1`, `random_seed_2`) was not read as one, and passed.
    #[test]
    fn numbered_seed_names_are_seeds() {
        for name in
            ["seed_1", "seed1", "random_seed_2", "seed_value_2", "SEED_0", "seeds-3", "random_state_7", "seed\u{2cd}1"]
        {
            assert!(matches!(named(name), Some(Named::Seed)), "{name:?}");
        }
        for name in ["seedling_2", "sha256", "exceed_1", "seed_v2", "123", "num_seeds_removed_3"] {
            assert!(named(name).is_none(), "{name:?}");
        }
    }

    /// A dot before the number (`seed.1`) and a name ending in `seed_value` or
    /// `seed_number` (`random_seed_value`) are seed names too: both passed `--profile
    /// public` (attacker pass 9).
    #[test]
    fn dotted_and_valued_seed_names_are_seeds() {
        for name in [
            "seed.1",
            "SEED.0",
            "random_seed.2",
            "seeds.3",
            "seed-1",
            "seed 1",
            "random_seed_value",
            "initialSeedValue",
            "RANDOM_SEED_VALUE_2",
            "random_seed_value.2",
            "global_seed_number",
            "s\u{435}\u{435}d.1",
            // fix11: the state or key of a generator, lists of seeds, a hexadecimal number
            "prng_state",
            "rng_state",
            "np_random_state",
            "sklearn_random_state",
            "torch_cuda_rng_state",
            "RNGState",
            "rng_states",
            "random_states_2",
            "rng_key",
            "jax_prng_key",
            "rng_seed_list",
            "seeds_list",
            "seedList",
            "Seed_0x2A",
            "seed.0x1f",
        ] {
            assert!(matches!(named(name), Some(Named::Seed)), "{name:?}");
        }
        for name in [
            "state",
            "rng",
            "random_state_description",
            "strings",
            "rng_algorithm",
            "state_0x2A",
            "seed_0xZZ",
            "seed_0x",
            "seed_list_count",
            "numpy_state_dir",
            "seedling_count",
            "seeded_from",
            "reseeded",
            "seed.",
            "seed.txt",
            "seed.v2",
            "version.1",
            "seed_value_count",
            "seedvalues",
            "exceed.1",
            "1.2",
        ] {
            assert!(named(name).is_none(), "{name:?}");
        }
    }

    /// The name that makes a number a phone number is the nearest member's, through
    /// arrays (`"phones": ["4155550100"]` held a phone number out of reach).
    #[test]
    fn phone_names_reach_into_arrays() {
        assert!(under_phone_name(&[Seg::Key("x_contact".into()), Seg::Key("phoneNumber".into())]));
        assert!(under_phone_name(&[Seg::Key("phones".into()), Seg::Index(0), Seg::Index(1)]));
        assert!(!under_phone_name(&[Seg::Key("phones".into()), Seg::Key("note".into())]));
        assert!(!under_phone_name(&[Seg::Index(0)]));
        assert!(!under_phone_name(&[]));
    }

    /// Phone words are words of the name, not substrings of it: `hotel_id: "1234567"`
    /// was a phone number, and so was `cancellations: 12345678`.
    #[test]
    fn phone_names_are_words() {
        let phones = [
            "phone",
            "phoneNumber",
            "phone_number",
            "phonenumber",
            "PHONE_NO",
            "home_phone",
            "phone_work",
            "phones",
            "contact_tel",
            "telNo",
            "tel",
            "mobile",
            "mobileNo",
            "mobile_phone",
            "cellPhone",
            "cell_phone",
            "cellphone",
            "cell_no",
            "fax",
            "FAX_NUMBER",
            "msisdn",
            "telephone",
            "phone2",
            "x-phone",
        ];
        for name in phones {
            assert!(is_phone_name(name), "{name:?}");
        }
        let others = [
            "hotel_id",
            "cells_processed",
            "cell_count",
            "cancellations",
            "cancelled",
            "telemetry_events",
            "intel",
            "satellite",
            "mobilenet_top1",
            "excellent",
            "faxed",
            "hostel",
            "records_processed",
            "tele",
        ];
        for name in others {
            assert!(!is_phone_name(name), "{name:?}");
        }
    }

    /// The findings of the member scan over `v`'s members, as (rule, pointer).
    fn scanned(v: &serde_json::Value) -> Vec<(&'static str, String)> {
        let opts = crate::options::Options::new(time::OffsetDateTime::UNIX_EPOCH);
        let mut scan = super::Scan { deny: None, opts: &opts, broken: None, in_state: 0 };
        let mut out = crate::finding::Outcome::default();
        // serde_json's compact text, as the reader's canonical text is written
        let text = serde_json::to_vec(v).unwrap();
        let tree = super::Tree::new(&text);
        for (k, item) in tree.members(0) {
            let kind = super::kind_of(tree.bytes(&item));
            let mut path = vec![Seg::Key(k.clone())];
            let held = scan.walk(&tree, item, &mut path, &mut out);
            scan.name(&k, kind, held, &path, &mut out);
        }
        out.findings.iter().map(|f| (f.rule.id, f.pointer.clone())).collect()
    }

    /// A generator's state replays its draws as the seed does, whatever it is called:
    /// numpy's `bit_generator.state` (PCG64, MT19937) and a PCG state on its own passed
    /// the public profile with no finding.
    #[test]
    fn a_generator_state_is_a_seed_by_its_shape() {
        let seed = |v: serde_json::Value| {
            scanned(&v).into_iter().filter(|(r, _)| *r == "redaction.run-seed").map(|(_, p)| p).collect::<Vec<_>>()
        };
        let pcg = serde_json::json!({"rng": {"bit_generator": "PCG64",
            "state": {"state": 35399562948360463u64, "inc": 3064840799u64},
            "has_uint32": 0, "uinteger": 0}});
        assert_eq!(seed(pcg), ["/rng/state"]);
        let mt = serde_json::json!({"training": {"generator": {"bit_generator": "MT19937",
            "state": {"key": [1, 2, 3], "pos": 624}}}});
        assert_eq!(seed(mt), ["/training/generator/state"]);
        let bare = serde_json::json!({"rng": {"state": "35399562948360463", "inc": 30648}});
        assert_eq!(seed(bare), ["/rng/state"]);
        assert_eq!(seed(serde_json::json!({"bit_generator_state": {"a": 1}})), ["/bit_generator_state"]);
        // a state that is no generator's
        for honest in [
            serde_json::json!({"job": {"state": "running", "inc": 1}}),
            serde_json::json!({"job": {"state": 3}}),
            serde_json::json!({"cluster": {"state": 7, "increment": 2}}),
            serde_json::json!({"rng": {"bit_generator": {"name": "PCG64"}, "state": "idle"}}),
            serde_json::json!({"rng": {"bit_generator": "PCG64", "state": null}}),
        ] {
            assert!(seed(honest.clone()).is_empty(), "{honest}");
        }
    }

    /// A number written with an exponent is matched in plain digits too.
    #[test]
    fn exponent_literals_in_plain_digits() {
        for (lit, plain) in [
            ("4.4710023e7", Some("44710023")),
            ("4.47100230E+7", Some("44710023")),
            ("-1.5E-3", Some("-0.0015")),
            ("44710023e0", Some("44710023")),
            ("0.0e5", Some("0")),
            ("12e-1", Some("1.2")),
            ("1e63", Some("1000000000000000000000000000000000000000000000000000000000000000")),
            ("1e64", None),
            ("1e-63", None),
            ("1e-62", Some("0.00000000000000000000000000000000000000000000000000000000000001")),
            ("1e-99999999999999999999", None),
            ("44710023", None),
            ("4471.0023", None),
        ] {
            assert_eq!(super::plain_decimal(lit).as_deref(), plain, "{lit}");
        }
    }

    /// An address written with dots drawn at mid-height displays as the address (it
    /// passed the public profile); a mid-height dot elsewhere is left as it is.
    #[test]
    fn mid_height_dots_between_digits_are_full_stops() {
        for dot in ['\u{b7}', '\u{387}', '\u{2027}', '\u{2219}', '\u{22c5}', '\u{30fb}', '\u{ff65}', '\u{2e31}'] {
            let text = format!("Uploaded from 203{dot}0{dot}113{dot}42");
            let found = scanned(&serde_json::json!({ "notes": text }));
            assert_eq!(found, [("redaction.pii-ip", "/notes".to_owned())], "{text:?}");
        }
        assert!(super::as_latin("Jos\u{b7}e 1\u{b7} 2").is_none());
        assert!(scanned(&serde_json::json!({ "notes": "1\u{b7}500 rows, 2\u{b7}5 GB" })).is_empty());
    }

    /// Letters of other scripts drawn like Latin ones are read as those by the scans and
    /// the deny patterns (attacker pass 9: `АСМЕ-4471` in Cyrillic capitals and `sееd=1234`
    /// passed); only a skeleton that is one ASCII letter folds, and ASCII text is read as
    /// it is.
    #[test]
    fn look_alike_letters_read_as_latin() {
        let (folded, from) = super::as_latin("\u{410}\u{421}\u{41c}\u{415}-4471").unwrap();
        assert_eq!(folded, "ACME-4471");
        assert_eq!(from.first(), Some(&(0, 2)));
        assert_eq!(folded.len(), from.len());
        assert!(super::as_latin("plain ascii").is_none());
        let underlined = "A\u{332}C\u{332}M\u{332}E\u{332}-4471 A\u{336}B";
        assert_eq!(super::as_latin(underlined).map(|(f, _)| f).as_deref(), Some("ACME-4471 AB"));
        assert!(super::as_latin("Jos\u{e9}").is_none(), "a composed accent is a letter of its own");
        assert!(super::as_latin("\u{417}\u{431}").is_none(), "a skeleton that is a digit stays");
        assert_eq!(super::as_latin("s\u{435}\u{435}d=1234").map(|(f, _)| f).as_deref(), Some("seed=1234"));
        for (text, read) in
            [("seed \u{2192} 1234", "seed -> 1234"), ("seed \u{21d2} 7", "seed => 7"), ("seed\u{2800}=1", "seed =1")]
        {
            assert_eq!(super::as_latin(text).map(|(f, _)| f).as_deref(), Some(read), "{text:?}");
            let found = scanned(&serde_json::json!({ "notes": text }));
            assert!(found.iter().any(|(r, _)| *r == "redaction.run-seed"), "{text:?}: {found:?}");
        }
        // assignment marks drawn as one character (fix11: `seed ≔ 1234` passed)
        for (mark, read) in [
            ("\u{2254}", ":="),
            ("\u{2255}", "=:"),
            ("\u{2a75}", "=="),
            ("\u{2a76}", "==="),
            ("\u{2237}", "::"),
            ("\u{2250}", "="),
            ("\u{2259}", "="),
            ("\u{225d}", "="),
            ("\u{225c}", "="),
            ("\u{2261}", "="),
            ("\u{2190}", "<-"),
            ("\u{27f5}", "<-"),
            ("\u{29f4}", ":->"),
        ] {
            let text = format!("seed {mark} 1234");
            assert_eq!(super::as_latin(&text).map(|(f, _)| f), Some(format!("seed {read} 1234")), "{mark:?}");
            let found = scanned(&serde_json::json!({ "notes": text }));
            assert!(found.iter().any(|(r, _)| *r == "redaction.run-seed"), "{mark:?}: {found:?}");
        }
        // colons and equals signs NFKC folds (vertical, small, full-width forms)
        for mark in ["\u{fe13}", "\u{fe55}", "\u{ff1a}", "\u{fe66}", "\u{ff1d}", "\u{2a74}"] {
            let found = scanned(&serde_json::json!({ "notes": format!("seed{mark} 1234") }));
            assert!(found.iter().any(|(r, _)| *r == "redaction.run-seed"), "{mark:?}: {found:?}");
        }
        // a struck-through sign is no link: the seed is not 42
        for mark in ["\u{2260}", "\u{2262}", "\u{2249}"] {
            let text = format!("seed {mark} 42");
            assert!(super::as_latin(&text).is_none_or(|(f, _)| !f.contains('=')), "{mark:?}");
            assert_eq!(scanned(&serde_json::json!({ "notes": text })), vec![], "{mark:?}");
        }
        // never a digit, and prose with these marks and no seed stays clean
        assert!(super::as_latin("x \u{2254} 3").is_some_and(|(f, _)| f == "x := 3"));
        for text in ["Let n \u{2254} 1000000 records", "version \u{2190} 2.0.0", "the seed stage \u{2254} 3 hours"] {
            assert_eq!(scanned(&serde_json::json!({ "notes": text })), vec![], "{text:?}");
        }
        for colon in ["\u{2236}", "\u{a789}", "\u{2d0}"] {
            let text = format!("seed{colon} 1234");
            assert_eq!(super::as_latin(&text).map(|(f, _)| f).as_deref(), Some("seed: 1234"), "{colon:?}");
        }
        let found = scanned(&serde_json::json!({"notes": "Reproduce with s\u{435}\u{435}d=1234"}));
        assert!(found.iter().any(|(r, p)| *r == "redaction.run-seed" && p == "/notes"), "{found:?}");
        let mut opts = crate::options::Options::new(time::OffsetDateTime::UNIX_EPOCH);
        opts.deny_patterns = vec![regex::Regex::new("ACME-[0-9]+").unwrap()];
        let mut scan =
            super::Scan { deny: regex::RegexSet::new(["ACME-[0-9]+"]).ok(), opts: &opts, broken: None, in_state: 0 };
        let mut out = crate::finding::Outcome::default();
        let v = serde_json::to_vec(&serde_json::json!("customer \u{410}\u{421}\u{41c}\u{415}-4471")).unwrap();
        let mut path = vec![Seg::Key("notes".into())];
        scan.walk(&super::Tree::new(&v), 0..v.len(), &mut path, &mut out);
        let f = out.findings.iter().find(|f| f.rule.id == "redaction.deny-pattern").expect("deny-pattern");
        assert_eq!(f.pointer, "/notes");
    }

    /// A known parameter name over an array or object of numbers (a grid, a schedule)
    /// discloses the parameter as a number does; `max_depth: [6, 8, 10]` passed.
    #[test]
    fn parameter_names_over_arrays_and_objects() {
        let v = serde_json::json!({
            "x_model": {
                "max_depth": [6, 8, 10],
                "learning_rate": {"initial": 0.05, "decay": 0.9},
                "n_estimators": [[100], ["300"]],
                "lr": 0.1,
                "dropout": {"enabled": false},
                "gamma": [],
                "subsample": ["auto"],
                "hyperparameters": {"max_depth": [6, 8]}
            }
        });
        let mut got = scanned(&v);
        got.sort();
        let params = |p: &str| ("redaction.training-params", p.to_owned());
        assert_eq!(
            got,
            vec![
                params("/x_model/hyperparameters"),
                params("/x_model/learning_rate"),
                params("/x_model/lr"),
                params("/x_model/max_depth"),
                params("/x_model/n_estimators"),
            ]
        );
    }

    /// Model weights under the names libraries give them passed in an extension
    /// member; the seed lists weights as IP not to include.
    #[test]
    fn model_weights_by_name() {
        let v = serde_json::json!({
            "x_model_card": {
                "weights": [0.3141, -1.2718],
                "coef_": [[0.31, -1.27], [0.08, 2.51]],
                "intercept_": 0.42,
                "feature_importances_": {"age": 0.3},
                "state_dict": {"layer1.weight": [[0.1]]},
                "layer_weights": [[0.5]],
                "Coefficients": "1.5",
                "num_weights": 1000,
                "weights_file": "model.bin",
                "weights_note": [1, 2],
                "class_weights": "balanced",
                "coefficients": "withheld",
                "best_params": {"weights": [0.1]}
            }
        });
        let mut got = scanned(&v);
        got.sort();
        let p = |p: &str| ("redaction.training-params", p.to_owned());
        assert_eq!(
            got,
            vec![
                p("/x_model_card/Coefficients"),
                p("/x_model_card/best_params"),
                p("/x_model_card/coef_"),
                p("/x_model_card/feature_importances_"),
                p("/x_model_card/intercept_"),
                p("/x_model_card/layer_weights"),
                p("/x_model_card/state_dict"),
                p("/x_model_card/weights"),
            ]
        );
        for name in ["weights", "coef_", "Coefficients", "intercept_", "feature_importances_", "state_dict"] {
            assert!(matches!(named(name), Some(Named::Weights)), "{name}");
        }
        for name in ["weight", "weightless", "sample_weight", "coefficient_of_variation", "interceptor"] {
            assert!(!matches!(named(name), Some(Named::Weights | Named::WeightsSuffix)), "{name}");
        }
    }

    /// A nine-digit value under an SSN-like name is an SSN: `{"ssn": "078051120"}`
    /// passed while "SSN 078051120" in text was caught.
    #[test]
    fn ssn_under_ssn_names() {
        for name in [
            "ssn",
            "SSN",
            "SSN_number",
            "ssnNo",
            "employee_ssn",
            "ssns",
            "social_security_number",
            "socialSecurityNo",
            "SocialSecurity",
            "socialsecuritynumber",
            "ssn2",
        ] {
            assert!(is_ssn_name(name), "{name:?}");
        }
        for name in ["classnum", "lessons", "assn", "ssnx", "social", "security_number", "social_media_security"] {
            assert!(!is_ssn_name(name), "{name:?}");
        }
        let v = serde_json::json!({
            "x_person": {
                "ssn": "078051120",
                "SSN_number": 123456789,
                "social_security_number": 78051120,
                "ssns": ["078 05 1120"],
                "ssn_count": 3,
                "ssn_status": "withheld",
                "ssn_area": 900123456,
                "record_id": 78051120
            }
        });
        let mut got = scanned(&v);
        got.sort();
        let id = |p: &str| ("redaction.pii-national-id", p.to_owned());
        assert_eq!(
            got,
            vec![
                id("/x_person/SSN_number"),
                id("/x_person/social_security_number"),
                id("/x_person/ssn"),
                id("/x_person/ssns/0"),
            ]
        );
    }

    #[test]
    fn param_names_folded() {
        for name in PARAM_NAMES {
            let mut buf = [0u8; 48];
            assert!(folded(name, &mut buf).is_some_and(is_param_folded), "{name}");
        }
        assert!(!is_param_folded(b"name") && !is_param_folded(b"maxdepths"));
    }

    #[test]
    fn masking() {
        assert_eq!(mask("jane.doe@example.com"), "ja****************om");
        assert_eq!(mask("1234"), "****");
        assert_eq!(mask("1234567"), "12***67");
        assert_eq!(mask("ééabcdeüü"), "éé*****üü");
    }
}
