//! What the auditor names on the command line, read from the file system: the key
//! files behind `--cert` and `--kms-key`. Verification itself never opens a file; it
//! takes what is loaded here.

pub mod keys;
