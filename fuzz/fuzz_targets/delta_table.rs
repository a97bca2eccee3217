//! A Delta table whose checkpoint or commit is arbitrary bytes, read as `--table` reads
//! it. No panic may escape (the parquet decoder's own are caught and become an
//! unreadable log), no input may cost unbounded time or memory (libFuzzer's `-timeout`
//! and `-rss_limit_mb`), and a table that reads is consistent with itself: its version
//! is the one its log was written to, and no more records are deleted than its live
//! files hold.
#![no_main]

use aeb_verify::context::delta::{read_table, Limits};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

/// One directory per fuzzing process, written again for each input.
fn table_dir() -> PathBuf {
    std::env::temp_dir().join(format!("aeb-fuzz-delta-{}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else { return };
    let dir = table_dir();
    let log = dir.join("_delta_log");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&log).expect("the fuzzing directory");
    // Mode 0: the bytes are the version-3 checkpoint `_last_checkpoint` points at, with
    // one commit after it. Mode 1: they are the first commit of a table.
    let expected_version = if mode % 2 == 0 {
        std::fs::write(log.join("00000000000000000003.checkpoint.parquet"), body).expect("write");
        std::fs::write(log.join("_last_checkpoint"), br#"{"version":3,"size":5}"#).expect("write");
        std::fs::write(log.join("00000000000000000004.json"), br#"{"commitInfo":{"timestamp":1}}"#)
            .expect("write");
        4
    } else {
        std::fs::write(log.join("00000000000000000000.json"), body).expect("write");
        0
    };
    let limits = Limits { max_file_bytes: 1 << 20, max_entries: 1000, max_decoded_bytes: 64 << 20 };
    if let Ok(table) = read_table(&dir, None, &limits) {
        assert_eq!(table.version, expected_version, "the table's version is its log's");
        assert!(table.deleted_by_dv <= table.stats_records, "more rows deleted than the live files hold");
        let _ = table.live_records();
    }
});
