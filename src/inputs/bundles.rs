//! Bundle discovery and loading. A directory stands for the regular `*.json` files
//! below it (the extension in any case: `evidence.JSON` too), in name order. A hostile tree (a CI gate checks pull requests) must not
//! make the run hang, loop, or read a file the auditor did not point at, so the walk
//!
//! - never opens anything but a regular file: a FIFO named `b.json` would block the
//!   open, a device would never end; they are skipped with a notice;
//! - does not follow symbolic links unless asked (`--follow`), and then detects loops
//!   (walkdir compares each directory with its ancestors), walks each directory once
//!   however many links lead to it (a chain of directories each holding two links to
//!   the next has no loop, yet 2^n paths), reads each file once (a link to a file it
//!   reads is listed as read already), and refuses a link whose target lies outside
//!   the directory given or is what `--exclude` leaves out;
//! - without `--follow`, lists a link it does not follow as unverified (it may hide a
//!   bundle), unless its target is a directory or `*.json` file this walk reads anyway
//!   (device and inode, inside the directory given): `sub/up -> ..` hides nothing;
//!   across the paths named, a link to what another path reads hides nothing too;
//! - leaves out what `--exclude GLOB` matches (the path below the directory, or a name);
//! - opens a file it found only if it is still that file (device and inode), so a link
//!   swapped in after the walk is not read.
//!
//! A path named on the command line is the auditor's own choice and is opened as named
//! (so `aeb-verify <(curl ...)` works); only what a walk finds is held to the rules above.

use crate::finding::Finding;
use crate::read;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How directories are walked.
#[derive(Debug, Default, Clone)]
pub struct Walk {
    /// `--follow`: follow symbolic links (loops detected, targets kept inside the tree).
    pub follow: bool,
    /// `--exclude`: paths below a directory (or names) left out.
    pub exclude: GlobSet,
}

impl Walk {
    pub fn new(follow: bool, exclude: &[String]) -> Result<Walk, String> {
        let mut set = GlobSetBuilder::new();
        for pattern in exclude {
            set.add(Glob::new(pattern).map_err(|e| format!("--exclude {pattern}: {e}"))?);
        }
        let exclude = set.build().map_err(|e| format!("--exclude: {e}"))?;
        Ok(Walk { follow, exclude })
    }

    fn excluded(&self, root: &Path, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let below = path.strip_prefix(root).unwrap_or(path);
        self.exclude.is_match(below) || path.file_name().is_some_and(|n| self.exclude.is_match(n))
    }

    /// Whether `--exclude` leaves out `real` (a resolved path below `real_root`), by its
    /// own path and name or by a directory above it: the walk never enters an excluded
    /// directory, so nothing below one is read by its own path either.
    fn excluded_within(&self, real_root: &Path, real: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let Ok(below) = real.strip_prefix(real_root) else { return false };
        below.ancestors().filter(|a| !a.as_os_str().is_empty()).any(|a| self.excluded(real_root, &real_root.join(a)))
    }
}

/// One bundle to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// `walked`: found in a directory (then only a regular file is ever opened, and
    /// only the file the walk found: `id`, its device and inode then).
    File {
        path: PathBuf,
        walked: bool,
        id: Option<(u64, u64)>,
        /// Shown [`crate::text::spelled_out`]: another file of the run displays alike.
        spelled: bool,
    },
}

impl Input {
    /// The name reports use: the path as given (escaped by [`crate::text::path_name`]
    /// where it must be, so that two files never share a name; spelled out by
    /// [`crate::text::spelled_out`] when another file of the run displays alike), `-` for
    /// standard input.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File { path, spelled: false, .. } => crate::text::path_name(path),
            Input::File { path, spelled: true, .. } => crate::text::spelled_out(&crate::text::path_name(path)),
        }
    }

    /// The file's path; none for standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File { path, .. } => Some(path),
            Input::Stdin => None,
        }
    }

    /// The device and inode the walk found, when it found the file.
    pub fn walk_id(&self) -> Option<(u64, u64)> {
        match self {
            Input::File { id, .. } => *id,
            Input::Stdin => None,
        }
    }
}

/// A path and why it was left out or could not be used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notice {
    pub path: String,
    /// A sentence; a file it names is shown as a verdict line shows one
    /// ([`crate::text::shown_name`]: quoted when it holds `: `, so that no name reads as the
    /// reason's own words) and listed in `cited`.
    pub reason: String,
    /// The names (as [`crate::text::path_name`] wrote them) the reason quotes, each with
    /// the byte offset where it is shown there: spelled out in place
    /// ([`crate::text::spelled_out`]) when the run spells out names drawn alike, so that
    /// "already read as café.json" names the one file the reports name so.
    pub cited: Vec<(usize, String)>,
    /// For an entry a walk left out: whether it may hold a bundle that nothing verified
    /// (a link not followed, a FIFO), not one already walked (a loop). `--strict` fails
    /// the run on these: a delivery could hide its bundle behind a link.
    pub unverified: bool,
}

/// What the paths on the command line stand for.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The bundles to verify, in order.
    pub inputs: Vec<Input>,
    /// Entries a walk left out on purpose (links, FIFOs, devices, loops): notices.
    pub skipped: Vec<Notice>,
    /// Paths that could not be used at all (missing, unreadable directory, a directory
    /// with no bundle): the run cannot be complete (exit 2).
    pub unusable: Vec<Notice>,
    /// For each of `unusable`, how many of `inputs` come before it on the command line
    /// (an entry a walk could not read: after that walk's files), so that the record and
    /// its command list the paths in the order given.
    pub unusable_at: Vec<usize>,
}

pub fn discover(paths: &[PathBuf], walk: &Walk) -> Discovery {
    let mut d = Discovery::default();
    let mut stdin = false;
    // The directories named so far, by device and inode, and the path each was named as.
    let mut named_dirs: std::collections::HashMap<(u64, u64), &Path> = std::collections::HashMap::new();
    let mut bare = Vec::new();
    for path in paths {
        discover_one(path, walk, &mut d, &mut stdin, &mut named_dirs, &mut bare);
        // Whatever this path could not use comes after what it found.
        d.unusable_at.resize(d.unusable.len(), d.inputs.len());
    }
    if paths.len() > 1 {
        // Each directory holding an entry is resolved once, for all four passes.
        let mut dirs = std::collections::HashMap::new();
        let read = read_each_once(&mut d, walk.follow, &mut dirs);
        list_each_once(&mut d, &mut dirs);
        let roots: std::collections::HashMap<PathBuf, &Path> =
            named_dirs.values().filter_map(|p| Some((std::fs::canonicalize(p).ok()?, *p))).collect();
        settle_across(&mut d, &read, &roots, walk);
        usable_when_read_elsewhere(&mut d, &bare, &mut dirs);
        unusable_each_once(&mut d, &mut dirs);
    }
    spell_out_look_alikes(&mut d);
    d
}

/// A directory walked that gave no bundle, but left entries out: its notice in
/// `Discovery::unusable` and those entries (by [`entry_key`]).
struct Bare {
    unusable: usize,
    entries: Vec<PathBuf>,
}

/// Where an entry a walk met lives: its directory resolved, and its own name (a link
/// stays itself). Two walks that meet one entry by two spellings agree on it.
fn entry_key(path: &Path, dirs: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>) -> Option<PathBuf> {
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => dirs
            .entry(dir.to_path_buf())
            .or_insert_with(|| std::fs::canonicalize(dir).ok())
            .as_ref()
            .map(|dir| dir.join(name)),
        _ => None,
    }
}

/// What one path given stands for, added to `d`.
fn discover_one<'p>(
    path: &'p Path,
    walk: &Walk,
    d: &mut Discovery,
    stdin: &mut bool,
    named_dirs: &mut std::collections::HashMap<(u64, u64), &'p Path>,
    bare: &mut Vec<Bare>,
) {
    if path.as_os_str() == "-" {
        // Standard input is read once, for the first `-`. A later one could not be
        // handed those bytes; left among the inputs, whichever of the two a worker
        // thread reached first took them, so which `-` was verified and which
        // unreadable changed from run to run (the two may be a window apart).
        if std::mem::replace(stdin, true) {
            d.unusable.push(notice(path, "standard input given again: it is read once, for the first -".to_owned()));
        } else {
            d.inputs.push(Input::Stdin);
        }
        return;
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            // `d d/ ./d`: one directory, walked once (each of its bundles was read,
            // reported and counted once per spelling, one file as three).
            let first = match file_identity(&m).map(|id| named_dirs.entry(id)) {
                Some(std::collections::hash_map::Entry::Occupied(e)) => Some(*e.get()),
                Some(std::collections::hash_map::Entry::Vacant(e)) => {
                    e.insert(path);
                    None
                }
                None => None,
            };
            if let Some(first) = first {
                let (reason, cited) =
                    said(&[Say("the directory already walked as "), Name(first), Say(": not walked again")]);
                d.skipped.push(Notice { cited, ..notice(path, reason) });
                return;
            }
            let before = d.inputs.len();
            let unusable = d.unusable.len();
            let skipped = d.skipped.len();
            let excluded = walk_dir(path, walk, d);
            // A walk that met entries it could not read (a tree deeper than PATH_MAX,
            // a directory without permission) has said so: "no *.json files in this
            // directory" beside "cannot read ..." would claim what was not seen.
            if d.inputs.len() == before && d.unusable.len() == unusable {
                let left_out = d.skipped.get(skipped..).unwrap_or_default();
                if left_out.is_empty() && excluded > 0 {
                    // `--exclude '*.json' d` said "no *.json files in this directory"
                    // of a directory holding some.
                    let what = if excluded == 1 { "entry" } else { "entries" };
                    d.unusable.push(notice(
                        path,
                        format!(
                            "no bundle read in this directory: --exclude left out {excluded} {what} that \
                             may hold one (*.json files, directories)"
                        ),
                    ));
                } else if left_out.is_empty() {
                    d.unusable.push(notice(path, "no *.json files in this directory".to_owned()));
                } else {
                    // Its entries are listed; "no *.json files" would deny them. It gave
                    // no bundle: unusable unless another path of the run reads them.
                    let mut dirs = std::collections::HashMap::new();
                    let entries = left_out.iter().filter_map(|n| entry_key(&notice_path(n), &mut dirs)).collect();
                    bare.push(Bare { unusable: d.unusable.len(), entries });
                    d.unusable.push(notice(
                        path,
                        "no bundle read in this directory: its entries were left out (listed as skipped)".to_owned(),
                    ));
                }
            }
        }
        Ok(_) => d.inputs.push(Input::File { path: path.to_path_buf(), walked: false, id: None, spelled: false }),
        Err(e) => d.unusable.push(notice(path, e.to_string())),
    }
}

/// Across the paths named, each entry a walk left out is listed once. Two walks meet
/// the same entries where one directory lies inside another (`d d/sub`): each was
/// listed twice ("4 skipped" for two), and a link in `d/sub` to `d/a.json` was both a
/// link to a file the walk of `d` reads (hiding nothing) and, for the walk of `d/sub`,
/// a link to outside it, unverified: naming a subdirectory as well had `--strict`
/// reject a delivery that `--strict d` passed. The entry is listed where the run first
/// met it; if any walk found it leads to what it reads, it hides nothing.
fn list_each_once(d: &mut Discovery, dirs: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>) {
    let mut first: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    let mut kept: Vec<Notice> = Vec::with_capacity(d.skipped.len());
    for n in std::mem::take(&mut d.skipped) {
        let Some(resolved) = entry_key(&notice_path(&n), dirs) else {
            kept.push(n);
            continue;
        };
        match first.get(&resolved).and_then(|&at| kept.get_mut(at)) {
            Some(earlier) => {
                if earlier.unverified && !n.unverified {
                    *earlier = Notice { path: std::mem::take(&mut earlier.path), ..n };
                }
            }
            None => {
                first.insert(resolved, kept.len());
                kept.push(n);
            }
        }
    }
    d.skipped = kept;
}

/// The path a notice names ([`crate::text::name_bytes`] reads its report name back).
fn notice_path(n: &Notice) -> PathBuf {
    let bytes = crate::text::name_bytes(&n.path);
    #[cfg(unix)]
    {
        PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Across the paths named, each file is read once: the first time the run meets it (by
/// its path resolved, `canonicalize`), and listed as read already wherever else it is
/// met. `a.json a.json`, `d d/sub`, a named `link.json -> d/a.json` beside `d`: one
/// bundle was read, reported and counted twice, "2 verified" for one file. Two names of
/// one file in the file system (hard links) stay two inputs, as within a walk. A walk
/// alone never meets a file twice (it follows no link, or [`read_once`] settled them),
/// so this costs nothing to a run of one path; otherwise one `canonicalize` per
/// directory holding files (cached) and per named file, and under `--follow` per file
/// (a walked file may then be a link). Standard input (`-`) is one of the files it is
/// open on, by device and inode: `- /dev/stdin` with a pipe had two threads share its
/// bytes (one bundle VERIFIED, the other REJECTED, run to run), and `s.json - < s.json`
/// counted one file twice; the later of the two is listed as read already.
/// Returns each file read by its path resolved, and the path it is read as.
fn read_each_once(
    d: &mut Discovery,
    follow: bool,
    dirs: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>,
) -> std::collections::HashMap<PathBuf, PathBuf> {
    let mut first: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    // For each count of inputs before the filter, the count kept: where the unusable
    // paths stand among the inputs now.
    let mut kept_before = Vec::with_capacity(d.inputs.len() + 1);
    // What standard input is open on, when `-` is given: a path naming it too
    // (`- /dev/stdin`, or `s.json -` with `< s.json`) is the same bytes.
    let stdin = d.inputs.contains(&Input::Stdin).then(stdin_id).flatten();
    let mut stdin_read_as: Option<Option<PathBuf>> = None;
    for input in std::mem::take(&mut d.inputs) {
        kept_before.push(d.inputs.len());
        if let Some(id) = stdin {
            let same = match &input {
                Input::Stdin => true,
                Input::File { path, id: walked, .. } => {
                    walked.or_else(|| std::fs::metadata(path).ok().and_then(|m| file_identity(&m))) == Some(id)
                }
            };
            if same {
                if let Some(earlier) = &stdin_read_as {
                    let (at, (reason, cited)) = match (input.path(), earlier) {
                        (Some(path), None) => (
                            path,
                            said(&[Say("the file standard input is open on, already read as -: not read twice")]),
                        ),
                        (_, Some(earlier)) => (
                            Path::new("-"),
                            said(&[
                                Say("standard input, open on the file already read as "),
                                Name(earlier),
                                Say(": not read twice"),
                            ]),
                        ),
                        (None, None) => (Path::new("-"), said(&[Say("standard input given again")])),
                    };
                    d.skipped.push(Notice { cited, ..notice(at, reason) });
                    continue;
                }
                stdin_read_as = Some(input.path().map(Path::to_path_buf));
            }
        }
        let resolved = match &input {
            Input::File { path, walked: true, .. } if !follow => {
                if path.parent().is_some() && path.file_name().is_some() {
                    entry_key(path, dirs)
                } else {
                    std::fs::canonicalize(path).ok()
                }
            }
            Input::File { path, .. } => std::fs::canonicalize(path).ok(),
            Input::Stdin => None,
        };
        if let (Some(resolved), Some(path)) = (resolved, input.path()) {
            if let Some(earlier) = first.get(&resolved) {
                let (reason, cited) = if earlier == path {
                    said(&[Say("the file already read: not read twice")])
                } else {
                    said(&[Say("the file already read as "), Name(earlier), Say(": not read twice")])
                };
                d.skipped.push(Notice { cited, ..notice(path, reason) });
                continue;
            }
            first.insert(resolved, path.to_path_buf());
        }
        d.inputs.push(input);
    }
    kept_before.push(d.inputs.len());
    for at in &mut d.unusable_at {
        *at = kept_before.get(*at).copied().unwrap_or(d.inputs.len());
    }
    first
}

/// A link one walk left out unverified because it leads outside that walk, to what
/// another path of the run reads, hides nothing, as it would inside one walk: with
/// `a/l.json -> ../b/x.json`, `--strict a b` rejected the run for a link to a bundle it
/// verified, and under `--follow d d/sub` a link the walk of `d` read was listed
/// unverified by the walk of `d/sub`. A link to a file counts when that file, resolved
/// now, is one the run reads (`read`, from [`read_each_once`]); a link to a directory
/// when, resolved, it is or lies below a directory named (`roots`: resolved, and as named), whose walk
/// takes every directory below it, and no `--exclude` is in force (what a pattern left
/// out by its path below a directory the names through the link would not match). A
/// link to a file the run passes over, to a FIFO, or outside every path named stays
/// unverified. The directory named is found by the target's own ancestors, nearest
/// first, one look-up each: a scan of every directory named for each link made a run
/// of 4,000 directories named, each holding five links to outside, take 7.6 s where
/// 1,000 took 0.6 s (quadratic), and picked among nested roots in hash order.
fn settle_across(
    d: &mut Discovery,
    read: &std::collections::HashMap<PathBuf, PathBuf>,
    roots: &std::collections::HashMap<PathBuf, &Path>,
    walk: &Walk,
) {
    for n in d.skipped.iter_mut().filter(|n| n.unverified) {
        let path = notice_path(n);
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            continue;
        }
        let (Ok(target), Ok(real)) = (std::fs::metadata(&path), std::fs::canonicalize(&path)) else { continue };
        let settled = if target.is_file() {
            read.get(&real).map(|first| (first.clone(), ", a file the run reads: not read twice"))
        } else if target.is_dir() && walk.exclude.is_empty() {
            real.ancestors().find_map(|root| {
                let named = roots.get(root)?;
                let below = real.strip_prefix(root).ok()?;
                let shown = if below.as_os_str().is_empty() { named.to_path_buf() } else { named.join(below) };
                Some((shown, ", a directory the run walks: not walked twice"))
            })
        } else {
            None
        };
        if let Some((first, what)) = settled {
            // Under `--follow` another walk may have read the file through this very link.
            (n.reason, n.cited) = if first == path {
                said(&[Say("the file already read: not read twice")])
            } else {
                said(&[Say("a symbolic link to "), Name(&first), Say(what)])
            };
            n.unverified = false;
        }
    }
}

/// Each path that could not be used is listed once, where the run first met it: two
/// walks that meet one broken entry (`--follow d d/sub`, `d/sub/x.json -> nowhere`) listed
/// it twice and counted "2 unreadable", "4 found" for three files.
fn unusable_each_once(d: &mut Discovery, dirs: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>) {
    let mut seen = std::collections::HashSet::new();
    let keep: Vec<bool> =
        d.unusable.iter().map(|n| entry_key(&notice_path(n), dirs).is_none_or(|key| seen.insert(key))).collect();
    let mut each = keep.iter();
    d.unusable.retain(|_| each.next().copied().unwrap_or(true));
    let mut each = keep.iter();
    d.unusable_at.retain(|_| each.next().copied().unwrap_or(true));
}

/// A directory that gave no bundle because every entry it met was left out is usable
/// after all when each of those entries hides nothing and one of them is a file the run
/// reads elsewhere (`d d/sub`, `d/sub` holding only `l.json -> ../a.json`: "no *.json
/// files in this directory" stopped the run, exit 2, where the same `d/sub` holding a
/// copy of `a.json` passes). One whose entries lead only to directories (a loop, a link
/// to a directory walked) stays unusable: whether those hold a bundle is not its walk's
/// to say, and an auditor who names an empty directory hears of it.
fn usable_when_read_elsewhere(
    d: &mut Discovery,
    bare: &[Bare],
    dirs: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>,
) {
    if bare.is_empty() {
        return;
    }
    let mut settled: std::collections::HashMap<PathBuf, (bool, bool)> = std::collections::HashMap::new();
    for n in &d.skipped {
        if let Some(key) = entry_key(&notice_path(n), dirs) {
            let file = !std::fs::metadata(&key).is_ok_and(|m| m.is_dir());
            settled.insert(key, (!n.unverified, file));
        }
    }
    let mut drop: Vec<usize> = bare
        .iter()
        .filter(|b| {
            let state: Vec<(bool, bool)> =
                b.entries.iter().map(|e| settled.get(e).copied().unwrap_or((false, false))).collect();
            state.iter().all(|(hides_nothing, _)| *hides_nothing) && state.iter().any(|(_, file)| *file)
        })
        .map(|b| b.unusable)
        .collect();
    drop.sort_unstable();
    for at in drop.into_iter().rev() {
        if at < d.unusable.len() {
            d.unusable.remove(at);
            d.unusable_at.remove(at);
        }
    }
}

/// Marks the files whose names another file of the run displays alike (the same
/// [`crate::text::look_alike_key`], the names differing), so that each is shown with its
/// characters beyond ASCII spelled out and the verdicts read apart in every report. The
/// entries left out and the paths that could not be used are named in the same reports
/// ("cannot read café.json" beside "VERIFIED café.json"), so they take part too. A name
/// of ASCII alone with no blank at either end is left as it is: it shows every character
/// it has (`m.json` and `rn.json` share a skeleton and read apart). One key per name and a hash map: linear
/// in the number of files.
fn spell_out_look_alikes(d: &mut Discovery) {
    // Only a name that would be spelled out can be drawn like another: a run whose
    // names are all plain ASCII (a CI batch, nearly always) costs one scan of each name,
    // not a skeleton of each.
    let names = d.inputs.iter().filter_map(Input::path).map(crate::text::path_name);
    let notices = d
        .skipped
        .iter()
        .chain(&d.unusable)
        .flat_map(|n| std::iter::once(&n.path).chain(n.cited.iter().map(|(_, name)| name)))
        .cloned();
    if !names.chain(notices).any(|n| crate::text::needs_spelling(&n)) {
        return;
    }
    // Standard input is named `-` in reports, which a file named `\u{2010}` (a hyphen)
    // displays as.
    let inputs = d.inputs.iter().map(|i| Some(i.name()));
    let notices = d.skipped.iter().chain(&d.unusable).map(|n| Some(n.path.clone()));
    let keyed: Vec<Option<(String, String)>> =
        inputs.chain(notices).map(|n| n.map(|n| (crate::text::look_alike_key(&n), n))).collect();
    // The names the notices' reasons quote ("already read as café.json") are read beside
    // the others too: each notice's, in order.
    let cited: Vec<Vec<(String, String)>> = d
        .skipped
        .iter()
        .chain(&d.unusable)
        .map(|n| n.cited.iter().map(|(_, c)| (crate::text::look_alike_key(c), c.clone())).collect())
        .collect();
    // For each key, the first name seen and whether a different name shares it.
    let mut seen: std::collections::HashMap<&str, (&str, bool)> = std::collections::HashMap::new();
    for (key, name) in keyed.iter().flatten().chain(cited.iter().flatten()) {
        let entry = seen.entry(key.as_str()).or_insert((name.as_str(), false));
        if entry.0 != name.as_str() {
            entry.1 = true;
        }
    }
    let spell = |k: &Option<(String, String)>| {
        k.as_ref()
            .is_some_and(|(key, name)| crate::text::needs_spelling(name) && seen.get(key.as_str()).is_some_and(|e| e.1))
    };
    let (input_keys, notice_keys) = keyed.split_at(d.inputs.len().min(keyed.len()));
    for (input, key) in d.inputs.iter_mut().zip(input_keys) {
        if let Input::File { spelled, .. } = input {
            *spelled = spell(key);
        }
    }
    for ((notice, key), cited) in d.skipped.iter_mut().chain(d.unusable.iter_mut()).zip(notice_keys).zip(&cited) {
        if spell(key) {
            notice.path = crate::text::spelled_out(&notice.path);
        }
        // Last first, so that the offsets before each stay true; those after it move by
        // what the spelling added, and each cites the name as it is now shown.
        for (i, (key, name)) in cited.iter().enumerate().rev() {
            if crate::text::needs_spelling(name) && seen.get(key.as_str()).is_some_and(|e| e.1) {
                let Some(&(at, _)) = notice.cited.get(i) else { continue };
                let shown = at..at + crate::text::shown_name(name).len();
                let spelled = crate::text::spelled_out(name);
                let respelled = crate::text::shown_name(&spelled).into_owned();
                if notice.reason.get(shown.clone()).is_none() {
                    continue;
                }
                let grown = respelled.len().wrapping_sub(shown.len());
                notice.reason.replace_range(shown, &respelled);
                for later in notice.cited.iter_mut().skip(i + 1) {
                    later.0 = later.0.wrapping_add(grown);
                }
                if let Some(c) = notice.cited.get_mut(i) {
                    c.1 = spelled;
                }
            }
        }
    }
}

impl Notice {
    /// The reason as the machine formats (JSON, JSON lines) give it: each name it cites
    /// written as their `file` fields write a name ([`crate::text::path_name`], spelled out
    /// where the run spells it), so that a consumer finds the entry a reason names by
    /// string equality. The sentence ([`Notice::reason`]) shows a name as a sentence must:
    /// `b/x:\u{3a}y.json` for `b/x::y.json` (no `::` log command), `"b/p: q.json"` quoted
    /// for `b/p: q.json`; JSON gave those spellings, which name no entry.
    pub fn reason_as_data(&self) -> std::borrow::Cow<'_, str> {
        if self.cited.is_empty() {
            return std::borrow::Cow::Borrowed(&self.reason);
        }
        let mut out = String::with_capacity(self.reason.len());
        let mut from = 0;
        for (at, name) in &self.cited {
            let shown = crate::text::shown_name(name);
            let end = at + shown.len();
            match (self.reason.get(from..*at), self.reason.get(*at..end)) {
                (Some(before), Some(there)) if there == shown => {
                    out.push_str(before);
                    out.push_str(name);
                    from = end;
                }
                // Not where it was cited (never, as notices are made): the sentence as it is.
                _ => return std::borrow::Cow::Borrowed(&self.reason),
            }
        }
        out.push_str(self.reason.get(from..).unwrap_or_default());
        std::borrow::Cow::Owned(out)
    }
}

fn notice(path: &Path, reason: String) -> Notice {
    Notice { path: crate::text::path_name(path), reason, unverified: false, cited: Vec::new() }
}

/// A piece of a notice's reason: words, or a path it names.
enum Said<'a> {
    Say(&'a str),
    Name(&'a Path),
}
use Said::{Name, Say};

/// A notice's reason and the names it cites (`Notice::cited`): each path shown as a
/// sentence shows a name ([`crate::text::shown_name`]).
fn said(pieces: &[Said]) -> (String, Vec<(usize, String)>) {
    let mut reason = String::new();
    let mut cited = Vec::new();
    for piece in pieces {
        match piece {
            Say(words) => reason.push_str(words),
            Name(path) => {
                let name = crate::text::path_name(path);
                cited.push((reason.len(), name.clone()));
                reason.push_str(&crate::text::shown_name(&name));
            }
        }
    }
    (reason, cited)
}

/// An entry left out whose content nothing verified.
fn unverified(path: &Path, reason: String) -> Notice {
    Notice { unverified: true, ..notice(path, reason) }
}

/// Walks `root` into `d`. Returns how many `*.json` files and directories `--exclude`
/// left out (not listed: the auditor asked for it), so that a walk that found nothing
/// else does not say the directory holds no bundle.
fn walk_dir(root: &Path, walk: &Walk, d: &mut Discovery) -> usize {
    let mut excluded = 0;
    // Targets of followed links must stay below the directory as it really is.
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut it = walkdir::WalkDir::new(root).follow_links(walk.follow).sort_by_file_name().into_iter();
    // Directories walked so far (by device and inode) and the path each was walked as.
    let mut walked: std::collections::HashMap<(u64, u64), PathBuf> = std::collections::HashMap::new();
    // Links not followed whose target lay inside the tree, settled once the walk is done.
    let mut inward: Vec<Inward> = Vec::new();
    let first_input = d.inputs.len();
    // Under --follow: the directory links being walked (the link's path, its resolved
    // target), innermost last, to know what an entry's own path is (for --exclude, which
    // names paths as they are, not as a link spells them) and that it came through a link.
    let mut links: Vec<(PathBuf, PathBuf)> = Vec::new();
    // Under --follow: for each input this walk found, whether it came through a link
    // (it may then be a file the walk reads under its own name too).
    let mut through_link: Vec<bool> = Vec::new();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                match e.loop_ancestor() {
                    // walkdir (2.5) counts the directories above the one given as
                    // ancestors too: a link to one of them (`up -> ..` at the top,
                    // `root -> /`) leads outside the tree, to everything beside it, and
                    // is left out unverified like any link to outside; only a loop back
                    // to a directory of the tree hides nothing.
                    Some(a) if !std::fs::canonicalize(a).is_ok_and(|t| t.starts_with(&real_root)) => {
                        let (reason, cited) = said(&[
                            Say("a symbolic link to outside "),
                            Name(root),
                            Say(" (to "),
                            Name(a),
                            Say(", above it): not read"),
                        ]);
                        d.skipped.push(Notice { cited, ..unverified(&path, reason) });
                    }
                    Some(a) => {
                        let (reason, cited) = said(&[Say("a symbolic link loop back to "), Name(a)]);
                        d.skipped.push(Notice { cited, ..notice(&path, reason) });
                    }
                    None => d.unusable.push(notice(&path, io_reason(&e))),
                }
                continue;
            }
        };
        let path = entry.path();
        let ft = entry.file_type();
        if entry.depth() == 0 {
            // The directory given, as its target when it is a link (walkdir takes it so
            // even without --follow, yet its entry then stands for the link).
            let id = if walk.follow {
                identity(&entry)
            } else {
                std::fs::metadata(path).ok().and_then(|m| file_identity(&m))
            };
            if let Some(id) = id {
                walked.insert(id, path.to_path_buf());
            }
            continue;
        }
        if walk.excluded(root, path) {
            if ft.is_dir() {
                it.skip_current_dir();
            }
            excluded += usize::from(ft.is_dir() || is_json(path));
            continue;
        }
        while links.last().is_some_and(|(link, _)| !path.starts_with(link)) {
            links.pop();
        }
        // Below a followed link to a directory: what --exclude says of the entry's own
        // path (`drafts/*` for `alias/a.json`, `alias -> drafts`) holds through the link.
        if let Some((link, target)) = links.last() {
            let real = path.strip_prefix(link).map_or_else(|_| path.to_path_buf(), |rest| target.join(rest));
            if walk.excluded(&real_root, &real) {
                if ft.is_dir() {
                    it.skip_current_dir();
                }
                excluded += usize::from(ft.is_dir() || is_json(path));
                continue;
            }
        }
        if entry.path_is_symlink() && walk.follow {
            let real = std::fs::canonicalize(path).ok().filter(|t| t.starts_with(&real_root));
            let Some(real) = real else {
                if ft.is_dir() {
                    it.skip_current_dir();
                }
                if ft.is_dir() || is_json(path) {
                    let (reason, cited) = said(&[Say("a symbolic link to outside "), Name(root), Say(": not read")]);
                    d.skipped.push(Notice { cited, ..unverified(path, reason) });
                }
                continue;
            };
            // A link under another name to what --exclude leaves out (`evidence.json ->
            // drafts/old.json`, `alias -> drafts`) was followed and read: an exclusion
            // names files and directories, not the spellings the walk meets them by. It
            // stays unverified, as a link not followed to such a target does.
            if walk.excluded_within(&real_root, &real) {
                if ft.is_dir() {
                    it.skip_current_dir();
                }
                if ft.is_dir() || is_json(path) {
                    let target = root.join(real.strip_prefix(&real_root).unwrap_or(&real));
                    let (reason, cited) = said(&[
                        Say("a symbolic link to "),
                        Name(&target),
                        Say(", which --exclude leaves out: not read"),
                    ]);
                    d.skipped.push(Notice { cited, ..unverified(path, reason) });
                }
                continue;
            }
            if ft.is_dir() {
                links.push((path.to_path_buf(), real));
            }
        }
        if ft.is_dir() {
            if let Some(id) = walk.follow.then(|| identity(&entry)).flatten() {
                if let Some(first) = walked.get(&id) {
                    it.skip_current_dir();
                    if links.last().is_some_and(|(link, _)| link == path) {
                        links.pop();
                    }
                    let (reason, cited) =
                        said(&[Say("the directory already walked as "), Name(first), Say(": not walked again")]);
                    d.skipped.push(Notice { cited, ..notice(path, reason) });
                } else {
                    walked.insert(id, path.to_path_buf());
                }
            } else if let Some(id) = identity(&entry) {
                // Without --follow a directory is reached once (its own entry, never a
                // link): kept so that a link to it is known to hide nothing.
                walked.entry(id).or_insert_with(|| path.to_path_buf());
            }
            continue;
        }
        // What a link not followed leads to (only links reach here as such without
        // --follow; with it walkdir has resolved them).
        let target = if ft.is_symlink() { std::fs::metadata(path).ok() } else { None };
        // A link to a directory, not followed, would leave every bundle below it out
        // without a word: it is named, whatever its own name.
        if let Some(m) = target.as_ref().filter(|m| m.is_dir()) {
            d.skipped.push(unverified(
                path,
                "a symbolic link to a directory: not walked (--follow follows links)".to_owned(),
            ));
            // What --exclude left out of the target by its path below the tree
            // (`drafts/*`) its names through the link would not match: with any
            // exclusion, the link may lead to bundles the walk did not take.
            if walk.exclude.is_empty() {
                inward.extend(Inward::new(d.skipped.len() - 1, path, m, &real_root));
            }
            continue;
        }
        if !is_json(path) {
            continue;
        }
        if ft.is_symlink() {
            d.skipped.push(unverified(path, "a symbolic link: not followed (--follow follows links)".to_owned()));
            if let Some(m) = target.as_ref().filter(|m| m.is_file()) {
                inward.extend(Inward::new(d.skipped.len() - 1, path, m, &real_root));
            }
        } else if !ft.is_file() {
            d.skipped.push(unverified(path, "not a regular file (a FIFO, device or socket): not opened".to_owned()));
        } else {
            d.inputs.push(Input::File { path: path.to_path_buf(), walked: true, id: identity(&entry), spelled: false });
            if walk.follow {
                through_link.push(entry.path_is_symlink() || !links.is_empty());
            }
        }
    }
    settle_inward(&inward, &walked, first_input, &real_root, d);
    if through_link.contains(&true) {
        read_once(&through_link, first_input, d);
    }
    excluded
}

/// Under `--follow`, a file reached through a link (`copy.json -> a.json`, or below a
/// link to a directory) that this walk also reads by another path is read once: it was
/// verified and reported twice, as two bundles, where without `--follow` the link is
/// left out ("not read twice") and each directory is walked once. The file met by its
/// own path is kept (the link may come first in name order), else the first link to it;
/// the others are listed as walked already. Two regular files that are one (hard links)
/// are both read, as without `--follow`.
fn read_once(through_link: &[bool], first_input: usize, d: &mut Discovery) {
    let found = d.inputs.split_off(first_input);
    let mut first: std::collections::HashMap<(u64, u64), PathBuf> = found
        .iter()
        .zip(through_link)
        .filter(|(_, linked)| !**linked)
        .filter_map(|(i, _)| Some((i.walk_id()?, i.path()?.to_path_buf())))
        .collect();
    for (input, linked) in found.into_iter().zip(through_link) {
        if *linked {
            if let (Some(id), Some(path)) = (input.walk_id(), input.path()) {
                if let Some(earlier) = first.get(&id) {
                    let (reason, cited) =
                        said(&[Say("the file already read as "), Name(earlier), Say(": not read twice")]);
                    d.skipped.push(Notice { cited, ..notice(path, reason) });
                    continue;
                }
                first.insert(id, path.to_path_buf());
            }
        }
        d.inputs.push(input);
    }
}

/// A link not followed whose target, when the walk met it, was a directory or a
/// regular file inside the tree: it hides nothing if the walk took that very directory
/// or file itself (by device and inode, not by name).
struct Inward {
    /// Its notice in `Discovery::skipped`.
    skipped: usize,
    link: PathBuf,
    /// The target's device and inode when the walk met the link.
    target: (u64, u64),
    dir: bool,
}

impl Inward {
    fn new(skipped: usize, link: &Path, target: &std::fs::Metadata, real_root: &Path) -> Option<Inward> {
        let inside = std::fs::canonicalize(link).is_ok_and(|t| t.starts_with(real_root));
        Some(Inward { skipped, link: link.to_path_buf(), target: file_identity(target)?, dir: target.is_dir() })
            .filter(|_| inside)
    }
}

/// Makes the links of `inward` that lead to a directory or file this walk took
/// (`walked`, and the files it found from `first_input` on) notices of entries walked
/// anyway, which `--strict` does not hold against the run. The walk's order is no
/// guide (a link may come before its target), hence after it. A link to a file whose
/// name the walk passes over (`a.json -> notes.txt`), to a FIFO, to an excluded
/// directory, or outside, leads to nothing the walk took and stays unverified; so does
/// one that no longer leads where it did, or no longer inside (the tree is changing).
fn settle_inward(
    inward: &[Inward],
    walked: &std::collections::HashMap<(u64, u64), PathBuf>,
    first_input: usize,
    real_root: &Path,
    d: &mut Discovery,
) {
    if inward.is_empty() {
        return;
    }
    let files: std::collections::HashMap<(u64, u64), &PathBuf> = d
        .inputs
        .get(first_input..)
        .unwrap_or_default()
        .iter()
        .filter_map(|i| match i {
            Input::File { path, walked: true, id: Some(id), .. } => Some((*id, path)),
            _ => None,
        })
        .collect();
    for link in inward {
        let same = std::fs::metadata(&link.link).ok().and_then(|m| file_identity(&m)) == Some(link.target);
        if !same || !std::fs::canonicalize(&link.link).is_ok_and(|t| t.starts_with(real_root)) {
            continue;
        }
        let (first, what) = if link.dir {
            (walked.get(&link.target), "a directory this walk reads: not walked twice")
        } else {
            (files.get(&link.target).copied(), "a file this walk reads: not read twice")
        };
        if let (Some(first), Some(n)) = (first, d.skipped.get_mut(link.skipped)) {
            (n.reason, n.cited) = said(&[Say("a symbolic link to "), Name(first), Say(", "), Say(what)]);
            n.unverified = false;
        }
    }
}

/// An entry's device and inode (a followed link's target's), which no two paths to one
/// directory can differ in. Only links can reach a directory twice, so only a walk that
/// follows them needs this for directories; a file's is held to the file opened later.
#[cfg(unix)]
fn identity(entry: &walkdir::DirEntry) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = entry.metadata().ok()?;
    Some((m.dev(), m.ino()))
}

/// Elsewhere links to directories need privileges to make, and walkdir's loop check
/// still holds.
#[cfg(not(unix))]
fn identity(_entry: &walkdir::DirEntry) -> Option<(u64, u64)> {
    None
}

/// A file's device and inode, to tell the file the walk found from one put in its place.
#[cfg(unix)]
fn file_identity(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_identity(_m: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The device and inode of what standard input is open on, whatever it is (a file, a
/// pipe, a terminal): a path that names it (`/dev/stdin`, `/proc/self/fd/0`, the file the
/// shell redirected) names the same bytes.
#[cfg(unix)]
fn stdin_id() -> Option<(u64, u64)> {
    use std::os::fd::AsFd as _;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    file_identity(&std::fs::File::from(fd).metadata().ok()?)
}

#[cfg(not(unix))]
fn stdin_id() -> Option<(u64, u64)> {
    None
}

/// A bundle's name: the extension `json` in any case. On a case-insensitive file system
/// (macOS, Windows) `evidence.JSON` is the publisher's `evidence.json` to everyone who
/// opens it; passed over, it would leave the delivery's bundle unchecked without a word,
/// even under `--strict`. ASCII case only, as the table reader's rule for `*.json`; a
/// `.jsonl` file is JSON lines, no bundle, and stays out as before. A file named `.json`
/// alone has no extension to `Path` (that is a hidden file's whole name), yet it ends
/// `.json`, `find -name '*.json'` lists it, and the walk reads `.hidden.json`: it was
/// passed over without a word, even under `--strict`.
fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || path.file_name().is_some_and(|n| n.eq_ignore_ascii_case(".json"))
}

fn io_reason(e: &walkdir::Error) -> String {
    e.io_error().map_or_else(|| e.to_string(), |io| io.to_string())
}

/// A bundle's bytes, or the finding that says why they were not read.
pub enum Loaded {
    Bytes(read::Source),
    TooLarge(Box<Finding>),
}

/// Reads at most `max + 1` bytes of a file, so an oversized input costs no more than
/// the limit. A walked entry is opened without blocking and must still be a regular
/// file once open, and the file the walk found (`id`): it may have been replaced since,
/// by a link to a file outside the tree among others, which the walk never follows.
pub fn load_file(path: &Path, walked: bool, id: Option<(u64, u64)>, max: u64) -> std::io::Result<Loaded> {
    let file = open(path, walked)?;
    let meta = file.metadata()?;
    if walked && !meta.is_file() {
        return Err(std::io::Error::other("no longer a regular file: not read"));
    }
    if id.is_some() && id != file_identity(&meta) {
        return Err(std::io::Error::other("replaced since the directory was walked (another file now): not read"));
    }
    // A walked file the walk could not identify had gone by then: whatever now has its
    // name (a link to a file outside the tree, say) is nothing the walk found.
    if cfg!(unix) && walked && id.is_none() {
        return Err(std::io::Error::other("gone while the directory was walked (not identified): not read"));
    }
    let len = meta.len();
    if meta.is_file() && len > max {
        return Ok(Loaded::TooLarge(Box::new(too_large(len, max))));
    }
    Ok(Loaded::Bytes(read::Source::from_file(file, len, max)?))
}

/// Reads standard input, at most `max + 1` bytes.
pub fn load_stdin(stdin: &mut dyn Read, max: u64) -> std::io::Result<Loaded> {
    let mut bytes = Vec::new();
    stdin.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(Loaded::Bytes(bytes.into()))
}

fn too_large(len: u64, max: u64) -> Finding {
    Finding::new(&read::diags::TOO_LARGE, "", format!("the bundle has {len} bytes; the limit is {max}"))
        .expected(format!("at most {max} bytes (--max-bytes)"))
        .found(format!("{len} bytes"))
}

fn open(path: &Path, walked: bool) -> std::io::Result<std::fs::File> {
    if walked {
        // A FIFO swapped in after the walk opens at once instead of waiting for a writer.
        super::open_no_wait(path, false)
    } else {
        std::fs::File::open(path)
    }
}
