//! `--cert` files on arbitrary bytes, loaded as the run loads them
//! (`inputs::keys::load`): copies merged, revocation certificates applied where they
//! belong (also after another certificate in one file), revocations by designated
//! revokers checked. The first byte picks the files: the rest as one file, split in two,
//! or beside the designated-revoker fixture's revoker and signer certificates (so that
//! revocations naming them can be checked). No panic, no unbounded time or memory;
//! a load that succeeds has each certificate once, with the files it came from.
#![no_main]

use aeb_verify::inputs::keys;
use aeb_verify::signatures::Trust;
use libfuzzer_sys::fuzz_target;

const REVOKER: &[u8] = include_bytes!("../../fixtures/signatures/designated-revoker/revoker.asc");
const SIGNER: &[u8] = include_bytes!("../../fixtures/signatures/designated-revoker/signer.asc");

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else { return };
    let dir = std::env::temp_dir().join(format!("aeb-fuzz-certs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the fuzzing directory");
    let half = body.len() / 2;
    let files: Vec<&[u8]> = match mode % 3 {
        0 => vec![body],
        1 => vec![&body[..half], &body[half..]],
        _ => vec![REVOKER, SIGNER, body],
    };
    let paths: Vec<std::path::PathBuf> = files
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            let path = dir.join(format!("{i}.asc"));
            std::fs::write(&path, bytes).expect("write");
            path
        })
        .collect();
    if let Ok(loaded) = keys::load(&paths, &[] as &[&str]) {
        let fprs: std::collections::BTreeSet<_> = loaded.certs.iter().map(|c| c.fingerprint()).collect();
        assert_eq!(fprs.len(), loaded.certs.len(), "a certificate loaded twice");
        assert_eq!(loaded.cert_files.len(), loaded.certs.len(), "a certificate without its files");
        let _ = Trust::new(loaded.certs, loaded.kms_keys);
    }
});
