//! Rules of the public profile (spec section "Profiles", seed "Redaction"). They run
//! only under `--profile public` or `--profile marketplace`; each is then an error.

use crate::finding::Severity::Error;
use crate::rules::{Rule, Section::Redaction};

pub static RUN_SEED: Rule = Rule {
    id: "redaction.run-seed",
    section: Redaction,
    severity: Error,
    title: "No run seed (run_seed, seeds at any depth)",
    explanation: "A bundle shared publicly must not carry `run_seed`: with the recipe, the seed \
lets anyone regenerate the exact synthetic data set, and it can help reverse the generation. \
Remove the member (not only its value) before publishing. The same holds for a seed at any \
depth, top level and `signatures` included, under the usual names (any name ending in `seed` \
or `seeds`, `seed_value`, `seed_number` or `seed_list`, and the state or key of a random number \
generator: `random_state`, `np_random_state`, `prng_state`, `rng_key`, ...; numbered too: \
`seed_1`, `SEED_0`, `seed.1`, `Seed_0x2A`; not a bare `state` or `rng`, except the `state` \
beside numpy's `bit_generator` name or a PCG `inc`), and for a \
seed written into a string (`seed=N`, `seed.1=N`, `\"seed\": N`, `--seed N`, `np.random.seed(N)`, \
`RandomState(N)`, `default_rng(N)`, `SeedSequence(N)`, `seed_value=N`, `PYTHONHASHSEED=N`, `seed -> N`, `seed <- N`, `seed ≔ N`, `seed was set to N`): a seed \
name, then white space or up to six links of punctuation (`=`, `:`, `->`, `<-`, and the \
characters drawn like them: `≔`, `∶`, `→`, `←`, ...) and connecting words (`is`, `was`, `set to`, `of`, ...), \
then an integer that is not an amount (\"seed of 2 million\", \"seeds were removed in 3 steps\" \
are not seeds), signed (`seed=+42`) or grouped with underscores (`seed: 4_2`), or an integral \
decimal after a mark (`seed = 42.0`, `seed=1e3`), `seed no. N` too; `seeded with N` (`reseeded with N`) ending its clause; a seed name \
opening an XML element, then the integer (`<seed>42</seed>`; \"seeds > 3\" stays prose); each also \
in text a URL, a page or a JSON string encodes (`seed%3D42`, `&lt;seed&gt;42`, `{\\\"seed\\\": 42}`); and in a command \
line recorded as its arguments, an integer in the element after an option of two dashes whose \
name is one of the seed names above (`[\"train.py\", \"--seed\", \"42\"]`, `--random-seed`, \
`--seed-value`, `--random_state`, `--rng-key`; not `-s`, too short to tell from other options); and \
a seed held as a name/value pair (`{\"name\": \"SEED\", \"value\": \"42\"}`, `key`/`Value` and the \
like: the value of such a pair is read as a member of its name, by every scan of this profile).",
};

pub static PII_EMAIL: Rule = Rule {
    id: "redaction.pii-email",
    section: Redaction,
    severity: Error,
    title: "No e-mail addresses",
    explanation: "No string of the bundle (member names included, at any depth, and the \
unsigned members under `signatures` other than the signature material at its exact places: \
`sha256`, the armored `pgp` signature's base64 body, a `kms` entry's base64 `signature`; armor \
header lines such as `Comment:` are read) may contain an e-mail address, letters of any script included, nor one written out so that a \
search for `@` misses it (`jane [at] example [dot] com`, `jane(at)example.com`, `jane at example \
dot com`, `jane @ example.com`, `jane%40example.com`, and the HTML references `jane&#64;example.com`, \
`&#x40;`, `&commat;`, which a page shows as `@`). Text is read after Unicode normalisation (NFKC, \
invisible characters removed). The report masks what it found.",
};

pub static PII_PHONE: Rule = Rule {
    id: "redaction.pii-phone",
    section: Redaction,
    severity: Error,
    title: "No phone numbers",
    explanation: "No string may contain a phone number: international form (+ and 7 to 15 \
digits, with spaces, dots, dashes or parentheses; `tel:+1...` too), North American form ((415) \
555-0100, 415-555-0100, 415 555 0100), `00` and a country code (0049 30 12345678) or a national \
form with a trunk 0 (020 7946 0958, 030 1234567, 06 12 34 56 78); nor \
may an integer of 7 to 15 digits under a phone-like name (a word of it `phone`, `tel`, `mobile`, \
`fax`, `msisdn`, ...: `phoneNumber`, `contact_tel`, not `hotel_id`; in an array under one too), nor a string there that is such a number and nothing else (`\"phoneNumber\": \
\"4155550100\"`, `+` and separators allowed; a date is not one). Decimal digits of every script (Arabic-Indic `٤`, Devanagari `४`, full-width `４`, any Unicode `Nd`) and superscript digits (`¹²³`) are read as 0-9, through any combining mark drawn on a digit (`4̲`, `4⃣`); the report shows the original text, masked.",
};

pub static PII_IP: Rule = Rule {
    id: "redaction.pii-ip",
    section: Redaction,
    severity: Error,
    title: "No IP addresses",
    explanation: "No string may contain an IPv4 address (four octets 0-255, behind `IP:`, \
before a port or inside a URL too, its dots defanged too: `203[.]0[.]113[.]42`, `(.)`, `[dot]`; \
zero-padded octets are an address unless they read as thousands grouping, `1.000.000.000`, \
which a private or link-local range never does, `192.168.001.001`, \
and a quad right after `version`, `build` or `release` is a version; an EC2 host name's dashed \
form too: `ip-10-0-0-1.ec2.internal`, `ec2-203-0-113-42.compute-1.amazonaws.com`) or an IPv6 address (at least three \
groups, valid per RFC 4291, IPv4-mapped included). IP addresses identify hosts and often \
people. Decimal digits of every script (Arabic-Indic `٤`, Devanagari `४`, full-width `４`, any Unicode `Nd`) and superscript digits (`¹²³`) are read as 0-9, through any combining mark drawn on a digit (`4̲`, `4⃣`); the report shows the original text, masked.",
};

pub static PII_CARD: Rule = Rule {
    id: "redaction.pii-card",
    section: Redaction,
    severity: Error,
    title: "No payment card or bank account numbers",
    explanation: "No string or integer may contain a payment card number: 13 to 19 digits \
starting with 2-6 and passing the Luhn check, with a space or a dash between any digits, or \
runs of spaces or tabs and spaced dashes (`4111  1111 - 1111`) between the groups cards are \
printed in. Digit runs that fail \
Luhn are not reported. Nor may a string contain a bank account number as an IBAN (ISO 13616: \
a registered country code and the length the registry gives its IBANs, digits only where its \
account numbers are, whole or in groups of four with a space or a dash between, any case, \
passing the MOD 97-10 check: `GB82 WEST 1234 5698 7654 32`). Decimal digits of every script (Arabic-Indic `٤`, Devanagari `४`, full-width `４`, any Unicode `Nd`) and superscript digits (`¹²³`) are read as 0-9, through any combining mark drawn on a digit (`4̲`, `4⃣`); the report shows the original text, masked.",
};

pub static PII_NATIONAL_ID: Rule = Rule {
    id: "redaction.pii-national-id",
    section: Redaction,
    severity: Error,
    title: "No national identification numbers",
    explanation: "No string may contain a US social security number (NNN-NN-NNNN, NNN NN \
NNNN, or nine digits behind `SSN`; under an SSN-like name such as `ssn`, `SSN_number` or \
`social_security_number`, a string that is nine digits and nothing else, or an integer of up \
to nine digits with its leading zeros restored; never-issued areas 000, 666, 900-999, group 00 and serial \
0000 excluded) or a UK National Insurance number (two letters, six digits, A-D, either case; invalid prefixes excluded). Decimal digits of every script (Arabic-Indic `٤`, Devanagari `४`, full-width `４`, any Unicode `Nd`) and superscript digits (`¹²³`) are read as 0-9, through any combining mark drawn on a digit (`4̲`, `4⃣`); the report shows the original text, masked.",
};

pub static DENY_PATTERN: Rule = Rule {
    id: "redaction.deny-pattern",
    section: Redaction,
    severity: Error,
    title: "No customer identifiers (--deny-pattern)",
    explanation: "No string or member name, at any depth, may match a `--deny-pattern REGEX` \
given on the command line (Rust regex syntax; repeatable), in its normalised or its original \
form (normalised: NFKC, invisible characters removed, and decimal digits of every script and \
superscript digits read as 0-9, so `ACME-٤٤٧١` matches `ACME-[0-9]+`); nor may a JSON number, \
read as it is written in the file, never re-formatted through a float (`\"account\": 44710023` \
matches `4471[0-9]{4}`), and, written with an exponent, also in plain digits (`4.4710023e7` is \
`44710023` too). Without a profile the flag \
is a usage error. Use it for customer names, account numbers, project code names: \
whatever identifies a customer in your organisation.",
};

pub static TRAINING_PARAMS: Rule = Rule {
    id: "redaction.training-params",
    section: Redaction,
    severity: Error,
    title: "No algorithm parameters or model weights (training.params, hyperparameters, weights)",
    explanation: "The seed's redaction policy keeps algorithm details and mathematical weights \
private. `training.params` holds algorithm parameters (e.g. max_depth): possible leakage of \
intellectual property. Remove it from bundles shared publicly, and likewise objects under a \
name ending in `params` or `parameters` (`hyperparameters`, `xgb_params`) at any depth, members \
named after a known parameter (`max_depth`, `learning_rate`, ...) holding a value, a grid or a \
schedule (`max_depth: [6, 8]`, `learning_rate: {\"initial\": 0.05}`), model weights (the seed's \"mathematical weight \
parameters\") under the names libraries give them (`weights`, `coef_`, `coefficients`, \
`intercept_`, `feature_importances_`, `state_dict`, and arrays or objects of numbers under a \
name ending in `weights`) and parameters written into \
strings (`xgboost(max_depth=6, ...)`, `max_depth: 6`, `--max-depth 6`).",
};

pub static RULES: &[&Rule] =
    &[&RUN_SEED, &PII_EMAIL, &PII_PHONE, &PII_IP, &PII_CARD, &PII_NATIONAL_ID, &DENY_PATTERN, &TRAINING_PARAMS];
