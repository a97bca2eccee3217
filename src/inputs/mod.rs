//! What the auditor names on the command line, read from the file system: the bundles
//! behind the paths given. Verification itself never opens a file; it takes what is
//! loaded here.

pub mod bundles;
