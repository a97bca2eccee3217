//! aeb-verify: offline verification and audit of signed evidence bundles.
//!
//! The pipeline, one module per stage: [`read`] (strict I-JSON, RFC 8785 payload in
//! one pass) → [`integrity`] (SHA-256) → [`signatures`] (OpenPGP, KMS) → [`schema`] →
//! [`audit`] (consistency) → [`claims`] → [`redaction`] and [`marketplace`] (profiles)
//! → [`context`] (artifacts, the Delta table) → [`verify`] (verdict, [`overrides`]) → [`report`] (every output format). Checks
//! only produce [`finding::Finding`]s that name a rule of the one catalogue in
//! [`rules`]; only reporters render them. The clock and the policy come in through
//! [`options::Options`]. [`diff`] compares two bundles.
#![forbid(unsafe_code)]
// Nothing input can reach may panic: the whole library denies unwrap, expect, panic and
// unchecked indexing (tests may use them), with no `allow` anywhere (issue 7 point 10;
// tests/no_network_no_writes.rs checks that none comes back).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod app;
pub mod audit;
pub mod batch;
pub mod canonical;
pub mod claims;
pub mod cli;
pub mod clock;
pub mod context;
pub mod diff;
pub mod finding;
pub mod inputs;
pub mod integrity;
pub mod man;
pub mod marketplace;
pub mod options;
pub mod overrides;
pub mod read;
pub mod redaction;
pub mod report;
pub mod rules;
pub mod schema;
pub mod signatures;
pub mod text;
pub mod verify;
