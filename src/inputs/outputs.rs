//! `--output` files held against what the run reads. `File::create` truncates: a report
//! written over a bundle of the run destroyed the bundle before it was read (it then
//! read as empty and was rejected), and one written over a key file or an artifact
//! destroyed that. Files are compared by identity (device and inode on Unix), so another
//! spelling of the path, a symbolic link or a hard link is the same file.

use std::path::{Path, PathBuf};

/// A file the run reads, and what it is to the run (for the message).
pub struct ReadFile<'a> {
    pub what: &'static str,
    pub path: std::borrow::Cow<'a, Path>,
    /// Device and inode when the directory walk already has them: a batch written to
    /// `> report.json` asked the file system again for each of its thousand bundles.
    pub walk_id: Option<(u64, u64)>,
}

impl ReadFile<'_> {
    fn identity(&self) -> Option<Identity> {
        walk_identity(self.walk_id).or_else(|| identity(&self.path))
    }
}

/// Refuses an `--output` path that names a file the run reads or the file standard
/// output or standard error is written to, that exists and is not
/// a regular file (a symbolic link, FIFO, device or directory), or that lies in the
/// `_delta_log` of the `--table` directory (a report there would be read as a commit
/// of the table by the next reader). Run before any output file is created.
/// `reads_stdin`: a bundle is read from standard input (`-`), which the shell may have
/// opened on a file: `aeb-verify - --output json=b.json < b.json` truncated the bundle
/// before it was read (it was then rejected as empty, and the file was gone).
pub fn check_before(
    outputs: &[(&str, &Path)],
    reads: &[ReadFile<'_>],
    table: Option<&Path>,
    reads_stdin: bool,
) -> Result<(), String> {
    let existing: Vec<(&str, &Path, Identity)> =
        outputs.iter().filter_map(|(spec, path)| Some((*spec, *path, identity(path)?))).collect();
    if let Some(id) = reads_stdin.then(stdin_identity).flatten() {
        if let Some((spec, _, _)) = existing.iter().find(|(_, _, o)| *o == id) {
            return Err(format!(
                "--output {spec} is the file on standard input, which this run reads as a bundle: writing the \
                 report would overwrite it; write reports outside the run's inputs"
            ));
        }
    }
    // Standard output and standard error are reports too, which the shell may have
    // opened on the very file: `--format json --output junit=r.xml > r.xml` wrote both
    // reports over each other, each from its own offset, into one file that was neither
    // (a report and a notice in a log given twice: `--output json=ci.log > ci.log 2>&1`).
    for (stream, id) in [("standard output", stdout_identity()), ("standard error", stderr_identity())] {
        let Some(id) = id else { continue };
        if let Some((spec, _, _)) = existing.iter().find(|(_, _, o)| *o == id) {
            return Err(format!(
                "--output {spec} is the file {stream} is written to: the two would be written over each other \
                 into one file; give the report a file of its own"
            ));
        }
    }
    if !existing.is_empty() {
        for r in reads {
            let Some(id) = r.identity() else { continue };
            if let Some((spec, _, _)) = existing.iter().find(|(_, _, o)| *o == id) {
                return Err(format!(
                    "--output {spec} is the {} {}, which this run reads: writing the report would overwrite it; \
                     write reports outside the run's inputs",
                    r.what,
                    crate::text::path_name(&r.path)
                ));
            }
        }
    }
    // Two options naming one existing file (a typo in a CI script, `--output
    // json=notes.txt --output sarif=./notes.txt`) are refused here, before any file is
    // created: [`check_created`] would refuse them too, since [`create`] no longer
    // truncates, but only after creating the other options' new files, left empty.
    let ids: Vec<Option<Identity>> = outputs.iter().map(|(_, path)| identity(path)).collect();
    same_file(outputs, &ids)?;
    // After the inputs: a link to one of them is refused with the more telling message.
    for (spec, path) in outputs {
        if let Some(kind) = std::fs::symlink_metadata(path).ok().and_then(|m| not_regular(&m.file_type())) {
            return Err(format!(
                "--output {spec} is {kind}: a report is written only to a regular file or a new one (a link \
                 planted where the report goes would have it written over the file it points at, a FIFO would \
                 block the run)"
            ));
        }
    }
    // A relative path lies below the working directory, which in CI is the checkout the
    // change under review controls: a committed `reports -> /home/runner/.ssh` would have
    // `reports/x.sarif` created there. The directories of an absolute path are the
    // auditor's own spelling and are followed.
    for (spec, path) in outputs {
        if let Some(link) = linked_directory(path) {
            return Err(format!(
                "--output {spec}: {} is a symbolic link; a relative report path is not written through a \
                 link among its directories (the working directory may be a checkout that planted it); \
                 give a path without one, or an absolute path",
                crate::text::path_name(&link)
            ));
        }
    }
    if let Some(log) = table.and_then(|t| std::fs::canonicalize(t.join("_delta_log")).ok()) {
        for (spec, path) in outputs {
            if parent_dir(path).is_some_and(|dir| dir.starts_with(&log)) {
                return Err(format!(
                    "--output {spec} lies in the table's log {}: the next reader of the table would read the \
                     report as a commit; write reports outside the table",
                    crate::text::path_name(&log)
                ));
            }
        }
    }
    Ok(())
}

/// A standard stream the run would write into a file it reads.
pub struct StreamClash {
    /// Standard error is that file: the message cannot go there (it would be written
    /// into the file too).
    pub stderr: bool,
    pub message: String,
}

/// Refuses a run whose standard output or standard error is a file the run reads: the
/// shell opened it before the run began. `aeb-verify dir/ > dir/report.json` created
/// `report.json` in the directory walked, which was then read as a bundle while the
/// report was written into it (an honest delivery rejected); `>> b.json` appended the
/// report to the bundle `b.json` after verifying it (so did `- < b.json >> b.json`),
/// and `2>> key.asc` notices to a key file. `reads` is called only when a stream is a
/// regular file: otherwise this costs a few `fstat`s, whatever the batch's size.
pub fn check_streams<'a>(reads: impl FnOnce() -> Vec<ReadFile<'a>>, reads_stdin: bool) -> Result<(), StreamClash> {
    let streams: Vec<(&str, Identity)> =
        [("standard output", stdout_identity()), ("standard error", stderr_identity())]
            .into_iter()
            .filter_map(|(stream, id)| Some((stream, id?)))
            .collect();
    if streams.is_empty() {
        return Ok(());
    }
    let stdin = reads_stdin.then(stdin_identity).flatten();
    let reads = reads();
    for (stream, id) in streams {
        let what = if stdin.as_ref() == Some(&id) {
            Some("the file on standard input, a bundle of this run".to_owned())
        } else {
            reads
                .iter()
                .find(|r| r.identity().as_ref() == Some(&id))
                .map(|r| format!("the {} {}, which this run reads", r.what, crate::text::path_name(&r.path)))
        };
        if let Some(what) = what {
            return Err(StreamClash {
                stderr: stream == "standard error",
                message: format!(
                    "{stream} is written to {what}: the run would write into it; redirect {stream} to a file \
                     outside the run's inputs"
                ),
            });
        }
    }
    Ok(())
}

/// Refuses two `--output` options that name one file (their reports would be written
/// over each other). Run once the files are created, so that paths that did not exist
/// before are compared too ([`check_before`] refused two naming one existing file, before
/// any was created). Nothing is truncated yet: [`truncate`] runs after this.
pub fn check_created(created: &[(&str, &Path)]) -> Result<(), String> {
    let ids: Vec<Option<Identity>> = created.iter().map(|(_, path)| identity(path)).collect();
    same_file(created, &ids)
}

/// Refuses two options whose files (`ids`, none for a file that does not exist) are one.
fn same_file(outputs: &[(&str, &Path)], ids: &[Option<Identity>]) -> Result<(), String> {
    for (i, (spec, _)) in outputs.iter().enumerate() {
        let Some(Some(id)) = ids.get(i) else { continue };
        let earlier = ids.iter().take(i).position(|other| other.as_ref() == Some(id));
        if let Some((first, _)) = earlier.and_then(|j| outputs.get(j)) {
            return Err(format!(
                "--output {first} and --output {spec} name the same file: give each report its own file"
            ));
        }
    }
    Ok(())
}

/// The first directory of a relative path that is a symbolic link.
pub(crate) fn linked_directory(path: &Path) -> Option<PathBuf> {
    if path.is_absolute() {
        return None;
    }
    let mut prefix = PathBuf::new();
    let parent = path.parent()?;
    for component in parent.components() {
        prefix.push(component);
        if std::fs::symlink_metadata(&prefix).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(prefix);
        }
    }
    None
}

/// What a file that is not a regular one is, for the message refusing it.
fn not_regular(ft: &std::fs::FileType) -> Option<&'static str> {
    if ft.is_file() {
        None
    } else if ft.is_symlink() {
        Some("a symbolic link")
    } else if ft.is_dir() {
        Some("a directory")
    } else {
        Some("not a regular file (a FIFO, device or socket)")
    }
}

/// Creates (or truncates) an `--output` file. [`check_before`] refused what was not a
/// regular file; opening without following a link and without blocking, then checking
/// what was opened, holds if the path was swapped since. The file is not truncated
/// here: the caller empties every one ([`truncate`]) only once all are open, so that an
/// option whose file cannot be created (a missing directory, no permission) stops the
/// run before an earlier option's existing file was emptied. The file is made with
/// `O_EXCL` when it does not exist, so [`Created::new`] says for certain whether this run
/// made it (and [`discard_new`] may remove it).
pub fn create(path: &Path) -> std::io::Result<Created> {
    let open = |new: bool| {
        let mut o = std::fs::OpenOptions::new();
        o.write(true).truncate(false);
        if new {
            o.create_new(true);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        o.open(path)
    };
    let (file, new) = match open(true) {
        Ok(f) => (f, true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => (open(false)?, false),
        Err(e) => return Err(e),
    };
    match not_regular(&file.metadata()?.file_type()) {
        None => Ok(Created { file, new }),
        Some(kind) => Err(std::io::Error::other(format!("{kind}: not written"))),
    }
}

/// An `--output` file [`create`] opened.
pub struct Created {
    pub file: std::fs::File,
    /// This run made the file (it did not exist).
    pub new: bool,
}

/// Removes the files this run made for reports it will not write, when a later
/// `--output` stops the run: a CI step that uploads `r.sarif` after a failed gate found
/// an empty file, not a missing one. Files that existed are left as they were (none was
/// emptied yet).
pub fn discard_new<'a>(created: impl IntoIterator<Item = (&'a Path, bool)>) {
    for (path, new) in created {
        if new {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Empties an output file [`create`] opened; the report is then written from its start.
pub fn truncate(file: &std::fs::File) -> std::io::Result<()> {
    file.set_len(0)
}

/// The canonical directory a path to be created lies in.
fn parent_dir(path: &Path) -> Option<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).ok()
}

#[cfg(unix)]
type Identity = (u64, u64);

#[cfg(unix)]
fn walk_identity(id: Option<(u64, u64)>) -> Option<Identity> {
    id
}

#[cfg(not(unix))]
fn walk_identity(_id: Option<(u64, u64)>) -> Option<Identity> {
    None
}

/// Whether `path` names the file standard output or standard error is written to (the
/// shell opened it before the run: `aeb-verify digest b.json > digest`).
pub fn is_a_standard_stream(path: &Path) -> bool {
    identity(path).is_some_and(|id| [stdout_identity(), stderr_identity()].contains(&Some(id)))
}

/// The identity of the file a path names, following links as `File::create` does.
#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The identity of the file standard input is open on (none for a pipe or terminal
/// that no output path can name).
#[cfg(unix)]
fn stdin_identity() -> Option<Identity> {
    use std::os::fd::AsFd as _;
    stream_identity(std::io::stdin().as_fd())
}

/// The identity of the file standard output is open on, as for standard input.
#[cfg(unix)]
fn stdout_identity() -> Option<Identity> {
    use std::os::fd::AsFd as _;
    stream_identity(std::io::stdout().as_fd())
}

/// The identity of the file standard error is open on, as for standard input.
#[cfg(unix)]
fn stderr_identity() -> Option<Identity> {
    use std::os::fd::AsFd as _;
    stream_identity(std::io::stderr().as_fd())
}

/// A regular file's identity behind a standard stream (none when closed, a pipe or a
/// terminal).
#[cfg(unix)]
fn stream_identity(fd: std::os::fd::BorrowedFd<'_>) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt as _;
    let fd = fd.try_clone_to_owned().ok()?;
    let meta = std::fs::File::from(fd).metadata().ok()?;
    meta.file_type().is_file().then(|| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn stdin_identity() -> Option<Identity> {
    None
}

#[cfg(not(unix))]
fn stdout_identity() -> Option<Identity> {
    None
}

#[cfg(not(unix))]
fn stderr_identity() -> Option<Identity> {
    None
}

#[cfg(not(unix))]
type Identity = PathBuf;

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<Identity> {
    std::fs::canonicalize(path).ok()
}
