//! `--cert` and `--kms-key` files: read with bounds, parsed, merged, handed to
//! [`crate::signatures::Trust`]. Every problem is a usage error (exit 2) whose message
//! names the option and the file: verifying without the key the auditor meant to
//! supply would report something other than what was asked.

use std::io::Read;
use std::path::Path;

use crate::signatures::kms::{self, KeyFileError, KmsKey};
use crate::signatures::pgp;
use sequoia_openpgp::Cert;

/// Largest key file read. A keyring of a few hundred certificates fits; a device or a
/// mistaken path to a data file does not get read into memory.
pub const MAX_KEY_FILE_BYTES: u64 = 4 << 20;

/// The keys of one run, and what the auditor should be told about them.
#[derive(Debug, Default)]
pub struct Keys {
    /// Copies of one certificate merged into one.
    pub certs: Vec<Cert>,
    /// The `--cert` file(s) each of `certs` came from, for the record of the audit
    /// (names escaped one-to-one, as bundles' are: [`crate::text::path_name`]).
    pub cert_files: Vec<Vec<String>>,
    pub kms_keys: Vec<KmsKey>,
    /// Warnings about the key files themselves (a secret key given as a certificate).
    pub warnings: Vec<String>,
}

/// Load `--cert FILE` and `--kms-key [KEY_ID=]FILE` options.
pub fn load(cert_files: &[impl AsRef<Path>], kms_specs: &[impl AsRef<std::ffi::OsStr>]) -> Result<Keys, String> {
    let mut keys = Keys::default();
    let mut certs = Vec::new();
    let mut files = Vec::new();
    // revocation certificates given apart from the certificates they revoke
    let mut revocations = Vec::new();
    for f in cert_files {
        let f = f.as_ref();
        let name = crate::text::path_name(f);
        let bytes = read_key_file(f).map_err(|e| format!("--cert {name}: {e}"))?;
        let parsed = match parse_cert(&bytes) {
            Ok(certs) => certs,
            Err(e) => match pgp::parse_revocations(&bytes) {
                Some(sigs) if sigs.len() > pgp::MAX_REVOCATIONS_PER_FILE => {
                    return Err(format!(
                        "--cert {name}: more than the {} key revocations one file may hold (a revocation \
                         certificate holds one)",
                        pgp::MAX_REVOCATIONS_PER_FILE
                    ))
                }
                Some(sigs) => {
                    revocations.push((name, sigs));
                    continue;
                }
                None if pgp::begins_with_revocation(&bytes) => {
                    return Err(format!(
                    "--cert {name}: not an OpenPGP certificate or keyring: the file begins with a key revocation (a \
                         revocation certificate) and holds \
                         certificates or other packets after it; a revocation is read alone in its file or after \
                         the certificates: put it in a file of its own, or after the certificate it revokes, and \
                         give that with --cert (gpg drops a revocation placed first, and the certificate would be \
                         used as not revoked)"
                ))
                }
                None => return Err(format!("--cert {name}: {e}")),
            },
        };
        for cert in parsed {
            if cert.is_tsk() {
                keys.warnings.push(format!(
                    "--cert {name}: certificate {} holds secret key material; only its public part is used \
                     (export the certificate with `gpg --export`, and keep the secret key off this machine)",
                    cert.fingerprint().to_hex()
                ));
                certs.push(cert.strip_secret_key_material());
            } else {
                certs.push(cert);
            }
            files.push(name.clone());
        }
    }
    for (cert, from) in pgp::merge_copies(certs).map_err(|e| format!("--cert: {e}"))? {
        let mut names: Vec<String> = from.iter().filter_map(|&i| files.get(i).cloned()).collect();
        names.dedup();
        keys.certs.push(cert);
        keys.cert_files.push(names);
    }
    // A revocation certificate of one certificate that stood after another in a file
    // (`cat a.asc b.rev`) was read as part of the one before it, and revoked nothing:
    // applied where it belongs once it verifies; one that does not is said and left out
    // (anyone can append a signature to a certificate).
    let (stray, unresolved) = pgp::stray_revocations(&keys.certs).map_err(|e| format!("--cert: {e}"))?;
    for (from, why) in unresolved {
        let names = keys.cert_files.get(from).cloned().unwrap_or_default();
        keys.warnings.push(format!("--cert {}: {why}", names.join(", ")));
    }
    for (from, sig) in stray {
        let names = keys.cert_files.get(from).cloned().unwrap_or_default();
        match pgp::apply_revocation(&mut keys.certs, sig) {
            Ok(i) => {
                if let Some(files) = keys.cert_files.get_mut(i) {
                    for name in names {
                        if !files.contains(&name) {
                            files.push(name);
                        }
                    }
                }
            }
            Err(e) => keys.warnings.push(format!("--cert {}: {e}", names.join(", "))),
        }
    }
    for (name, sigs) in revocations {
        for sig in sigs {
            let i = pgp::apply_revocation(&mut keys.certs, sig).map_err(|e| format!("--cert {name}: {e}"))?;
            if let Some(files) = keys.cert_files.get_mut(i).filter(|f| !f.contains(&name)) {
                files.push(name.clone());
            }
        }
    }
    if let Some(why) = pgp::too_many_designated_revocations(&keys.certs) {
        return Err(format!("--cert: {why}"));
    }
    keys.warnings
        .extend(pgp::unchecked_designated_revocations(&keys.certs).into_iter().map(|w| format!("--cert: {w}")));
    for spec in kms_specs {
        let (key_id, file) = split_kms_spec(spec.as_ref())?;
        // Named as every report names a file (`text::path_name`), as `--cert` files are: raw,
        // a file holding ESC and one spelling `\u{1b}` showed alike, and the record's
        // `file` wrote names unlike its inputs' `path`.
        let name = crate::text::path_name(file);
        let bytes = read_key_file(file).map_err(|e| format!("--kms-key {name}: {e}"))?;
        let (key, spki_sha256) = parse_kms_key(&bytes).map_err(|e| format!("--kms-key {name}: {e}"))?;
        let file = name;
        keys.kms_keys.push(KmsKey { key_id: key_id.map(str::to_owned), file, key, spki_sha256 });
    }
    Ok(keys)
}

/// `KEY_ID=FILE` or `FILE`, decided from the text alone, never from what exists on
/// disk (a file planted under the literal name `ID=path` must not replace the key):
/// the text splits at its last `=`. KMS key IDs (AWS ARNs and aliases, Google Cloud
/// resource names, Azure key URLs) hold no `=`, JOSE key IDs may end in base64 `=`
/// padding; so a key file whose name contains `=` must be renamed or linked. FILE is any
/// name the file system allows, UTF-8 or not; KEY_ID is text, as a bundle's `key_id` is.
pub fn split_kms_spec(spec: &std::ffi::OsStr) -> Result<(Option<&str>, &Path), String> {
    let shown = || crate::text::path_name(Path::new(spec));
    match crate::inputs::split_at_equals(spec, true) {
        None => Ok((None, Path::new(spec))),
        Some((id, _)) if id.is_empty() => Err(format!("--kms-key {}: empty KEY_ID before '='", shown())),
        Some((_, file)) if file.is_empty() => Err(format!("--kms-key {}: no FILE after the last '='", shown())),
        Some((id, file)) => match id.to_str() {
            Some(id) => Ok((Some(id), Path::new(file))),
            None => Err(format!("--kms-key {}: KEY_ID is not UTF-8 (a bundle's key_id is text)", shown())),
        },
    }
}

/// Read a key file: a regular file (symbolic links to one are fine) of at most
/// [`MAX_KEY_FILE_BYTES`]. A FIFO, a device, a directory is refused before it is
/// opened, so `/dev/zero` or a FIFO with no writer cannot hang or fill memory.
fn read_key_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    check_meta(&meta)?;
    read_opened(path)
}

/// Open `path` and read it if what was opened is a key file ([`check_meta`]). Opened
/// without waiting ([`super::open_no_wait`]): a FIFO swapped in after the check above
/// would otherwise block the run until something writes to it.
fn read_opened(path: &Path) -> Result<Vec<u8>, String> {
    let file = super::open_no_wait(path, false).map_err(|e| format!("cannot read: {e}"))?;
    // The same checks on what was opened, in case the path changed in between.
    check_meta(&file.metadata().map_err(|e| format!("cannot read: {e}"))?)?;
    let mut bytes = Vec::new();
    file.take(MAX_KEY_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_KEY_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn check_meta(meta: &std::fs::Metadata) -> Result<(), String> {
    let ft = meta.file_type();
    if !ft.is_file() {
        let what = if ft.is_dir() {
            "a directory"
        } else if is_fifo(&ft) {
            "a FIFO (named pipe)"
        } else if is_device(&ft) {
            "a device"
        } else {
            "not a regular file"
        };
        return Err(format!("{what}, not a key file: a key must be a regular file"));
    }
    if meta.len() > MAX_KEY_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    Ok(())
}

fn too_large(len: u64) -> String {
    format!("{len} bytes or more; a key file may have at most {MAX_KEY_FILE_BYTES} bytes")
}

#[cfg(unix)]
fn is_fifo(ft: &std::fs::FileType) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(ft)
}

#[cfg(unix)]
fn is_device(ft: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    ft.is_char_device() || ft.is_block_device()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::FileType) -> bool {
    false
}

#[cfg(not(unix))]
fn is_device(_: &std::fs::FileType) -> bool {
    false
}

/// A `--cert` file, or what it is instead when it is a KMS public key.
fn parse_cert(bytes: &[u8]) -> Result<Vec<Cert>, String> {
    pgp::parse_cert_file(bytes).map_err(|e| {
        if let pgp::CertFileError::TooCostly(why) | pgp::CertFileError::Refused(why) = e {
            why
        } else if kms::parse_key(bytes).is_ok() {
            let form = if bytes.windows(10).any(|w| w == b"-----BEGIN") { "PEM" } else { "DER" };
            format!("this is a {form} public key, not an OpenPGP certificate: did you mean --kms-key?")
        } else {
            format!("not an OpenPGP certificate or keyring: {e}")
        }
    })
}

/// A `--kms-key` file, or what it is instead when it is an OpenPGP certificate.
fn parse_kms_key(bytes: &[u8]) -> Result<(kms::PublicKey, String), String> {
    kms::parse_key(bytes).map_err(|e| match e {
        KeyFileError::Private(why) => why,
        KeyFileError::Unsupported(why) => {
            if pgp::parse_cert_file(bytes).is_ok() {
                "this is an OpenPGP certificate, not a KMS public key: did you mean --cert?".to_owned()
            } else {
                why
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kms_spec_splits_at_the_last_equals_sign_by_text_alone() {
        let split = |s: &'static str| split_kms_spec(std::ffi::OsStr::new(s));
        let k = Path::new("k.pem");
        assert_eq!(split("arn:aws:kms:eu-west-1:1:key/x=k.pem"), Ok((Some("arn:aws:kms:eu-west-1:1:key/x"), k)));
        assert_eq!(split("kid-padded==k.pem"), Ok((Some("kid-padded="), k)));
        assert_eq!(split("k.pem"), Ok((None, k)));
        assert!(split("=k.pem").is_err());
        assert!(split("id=").is_err());
    }

    /// A FIFO found where a key file was checked a moment before (the race
    /// `read_key_file` cannot close by checking first): refused at once, not waited on.
    #[cfg(unix)]
    #[test]
    fn a_fifo_swapped_in_after_the_check_is_refused_without_waiting() {
        let dir = std::env::temp_dir().join(format!("aeb-keys-fifo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("key.asc");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || tx.send(read_opened(&path)).unwrap());
        let got = rx.recv_timeout(std::time::Duration::from_secs(10));
        let _ = std::fs::remove_dir_all(&dir);
        let got = got.expect("opening a FIFO with no writer returned within 10 s");
        assert_eq!(got, Err("a FIFO (named pipe), not a key file: a key must be a regular file".to_owned()));
    }
}
