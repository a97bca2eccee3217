//! What the auditor names on the command line, read from the file system: the bundles
//! behind the paths given, and the key files behind `--cert` and `--kms-key`; and the
//! `--output` files, which must not be any of those.
//! Verification itself never opens a file; it takes what is loaded here.

pub mod bundles;
pub mod keys;
pub mod outputs;
