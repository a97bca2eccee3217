//! What the auditor names on the command line, read from the file system: the bundles
//! behind the paths given, and the key files behind `--cert` and `--kms-key`; and the
//! `--output` files, which must not be any of those.
//! Verification itself never opens a file; it takes what is loaded here.

pub mod bundles;
pub mod keys;
pub mod outputs;

use std::ffi::OsStr;
use std::path::Path;

/// `spec` split at its first `=` (at its last with `last`), by its bytes: an option's
/// FILE may be a name that is not UTF-8, which the file system allows and `--cert`
/// and the bundles named take (`--artifact schema=sch\xff.json` stopped at clap's
/// "invalid UTF-8 was detected"). Where names are UTF-16 (Windows) only text splits.
pub fn split_at_equals(spec: &OsStr, last: bool) -> Option<(&OsStr, &OsStr)> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let bytes = spec.as_bytes();
        let at = if last { bytes.iter().rposition(|b| *b == b'=') } else { bytes.iter().position(|b| *b == b'=') }?;
        Some((OsStr::from_bytes(bytes.get(..at)?), OsStr::from_bytes(bytes.get(at + 1..)?)))
    }
    #[cfg(not(unix))]
    {
        let text = spec.to_str()?;
        let (a, b) = if last { text.rsplit_once('=') } else { text.split_once('=') }?;
        Some((OsStr::new(a), OsStr::new(b)))
    }
}

/// Open a file to read without waiting: a FIFO (named pipe) swapped in for a path after
/// its type was checked opens at once instead of blocking until a writer comes, and the
/// caller's check of what was opened (`File::metadata`) then refuses it. With
/// `no_follow`, a symbolic link as the last component is refused (ELOOP) rather than
/// followed, so a link swapped in after `symlink_metadata` is not read either. Reads of
/// a regular file are unchanged by `O_NONBLOCK`.
#[cfg(unix)]
pub fn open_no_wait(path: &Path, no_follow: bool) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = libc::O_NONBLOCK | if no_follow { libc::O_NOFOLLOW } else { 0 };
    std::fs::OpenOptions::new().read(true).custom_flags(flags).open(path)
}

#[cfg(not(unix))]
pub fn open_no_wait(path: &Path, _no_follow: bool) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::open_no_wait;

    /// What a path swapped after its check may be: a FIFO with no writer opens at once
    /// (and is seen as no regular file), a link is not followed when asked.
    #[test]
    fn a_fifo_opens_without_waiting_and_a_link_is_not_followed() {
        let dir = std::env::temp_dir().join(format!("aeb-open-no-wait-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (fifo, file, link) = (dir.join("fifo"), dir.join("file"), dir.join("link"));
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        std::fs::write(&file, b"{}").unwrap();
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || tx.send(open_no_wait(&path, true).map(|f| f.metadata().map(|m| m.is_file()))));
        let opened = rx.recv_timeout(std::time::Duration::from_secs(10));
        let followed = open_no_wait(&link, true).is_ok();
        let plain = std::io::read_to_string(open_no_wait(&file, true).unwrap()).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let is_file = opened.expect("a FIFO with no writer opened within 10 s").unwrap().unwrap();
        assert!(!is_file, "a FIFO is no regular file");
        assert!(!followed, "a link is refused with no_follow");
        assert_eq!(plain, "{}");
    }
}
