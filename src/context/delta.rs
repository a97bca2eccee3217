//! Reading a Delta table's `_delta_log` offline, by the Delta protocol: the newest
//! complete checkpoint at or before the chosen version, then the JSON commits after it;
//! add and remove actions reconciled to the live files; the last protocol and metaData.
//!
//! The table directory is untrusted: no symbolic link inside it is followed, every file
//! is read up to a size limit, the directory listing is bounded, and the work is linear
//! in the bytes read. A log that cannot be read is an [`Error::Unreadable`] with a
//! message naming the file and line; a directory that is not a table is
//! [`Error::NotATable`].

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bounds on what a hostile table can make the reader do.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest commit, checkpoint part or sidecar file read.
    pub max_file_bytes: u64,
    /// Most entries listed in `_delta_log`.
    pub max_entries: usize,
    /// Most bytes the pages of one parquet checkpoint file may declare they decompress to.
    pub max_decoded_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 512 * 1024 * 1024, max_entries: 1_000_000, max_decoded_bytes: 1024 * 1024 * 1024 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Not a Delta table at all (no such directory, no `_delta_log`): the run stops.
    NotATable(String),
    /// A table whose log cannot be read completely: a finding.
    Unreadable(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotATable(m) | Error::Unreadable(m) => f.write_str(m),
        }
    }
}

/// The source of a commit time read from the file system, not from the log.
pub const MODIFIED: &str = "the commit file's modification time";

/// When a commit happened, and which field said so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommitTime {
    pub millis: i64,
    pub source: &'static str,
}

/// The version whose metaData set the property to its current value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertySet {
    pub version: u64,
    /// False when earlier commits are no longer in the log: it was set at or before
    /// `version` (the checkpoint it was first seen in).
    pub exact: bool,
    pub time: Option<CommitTime>,
}

/// What the log says about the table at one version.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub version: u64,
    /// The checkpoint the state was read from: version and kind, when one was used.
    pub checkpoint: Option<(u64, String)>,
    /// The column names of the last metaData's `schemaString`, read once for the run.
    pub schema: Schema,
    /// The table properties read: only [`EVIDENCE_URI`] is kept.
    pub configuration: BTreeMap<String, String>,
    pub property_set: Option<PropertySet>,
    pub reader_version: i64,
    pub reader_features: Vec<String>,
    pub live_files: u64,
    /// Sum of `numRecords` over the live files that have it.
    pub stats_records: u64,
    /// Sum of deletion-vector cardinalities of the live files that have `numRecords`.
    pub deleted_by_dv: u64,
    pub files_without_stats: u64,
    /// Things an auditor may want to know that do not stop the reading.
    pub notes: Vec<String>,
}

impl Table {
    /// The live record count; a lower bound when some live file has no statistics.
    pub fn live_records(&self) -> u64 {
        self.stats_records.saturating_sub(self.deleted_by_dv)
    }

    pub fn exact_count(&self) -> bool {
        self.files_without_stats == 0
    }

    pub fn property(&self, name: &str) -> Option<&str> {
        self.configuration.get(name).map(String::as_str)
    }
}

/// The largest record count read: the figures are compared and shown as doubles, which
/// hold every integer up to 2^53 and no table has more rows. A larger sum (2^64 - 1 twice
/// wraps or saturates in a `u64`) is no count at all, never an exact-looking wrong one.
const MAX_COUNT: u64 = 1 << 53;

/// The most complete checkpoints of one version read and compared: more make the log
/// unreadable (each is read in full, so the cost is bounded by this many checkpoints).
const MAX_CHECKPOINT_FORMS: usize = 8;

/// Reader features whose meaning does not change which rows are live or what the columns
/// are called (deletion vectors are subtracted; column mapping keeps logical names in
/// `schemaString`; v2 checkpoints and sidecars are read). Any other one stops the reading.
const KNOWN_READER_FEATURES: &[&str] = &[
    "deletionVectors",
    "columnMapping",
    "timestampNtz",
    "v2Checkpoint",
    "vacuumProtocolCheck",
    "typeWidening",
    "typeWidening-preview",
    "variantType",
    "variantType-preview",
];

/// A struct read from a JSON object only. serde's derive also reads a struct from an
/// array, field by field (`[{"path":"x"}]` is an `add`), which the Delta protocol does not
/// allow and other readers refuse: a reader that accepts it counts files, or a property,
/// that no other reader sees. Checked as the value is read, without building a tree.
#[derive(Debug)]
pub(super) struct Obj<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectOnly<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectOnly<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(ObjectOnly(std::marker::PhantomData)).map(Obj)
    }
}

/// An optional member that, when present and not null, must be a JSON object.
fn object<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Ok(Option::<Obj<T>>::deserialize(d)?.map(|Obj(t)| t))
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
struct Protocol {
    min_reader_version: i64,
    /// Required, as by delta-rs: a protocol without it is no protocol action.
    min_writer_version: i64,
    #[serde(default)]
    reader_features: Option<Vec<String>>,
    #[serde(default)]
    writer_features: Option<Vec<String>>,
}

impl Protocol {
    /// The protocol action's own consistency (PROTOCOL.md, Table Features): feature lists
    /// exactly at reader version 3 and writer version 7, every reader feature also a
    /// writer feature, and every reader-writer feature among the writer features also a
    /// reader feature (column mapping is implied by reader version 2). delta-rs refuses a
    /// table that breaks any of these; read here, a `deletionVectors` listed for readers
    /// only was subtracted and confirmed a count no other reader shows.
    fn invalid(&self) -> Option<String> {
        let (r, w) = (self.min_reader_version, self.min_writer_version);
        if !(1..=3).contains(&r) {
            return Some(format!("minReaderVersion {r} is not one this reader knows (1 to 3)"));
        }
        if w < 1 {
            return Some(format!("minWriterVersion {w} is below 1"));
        }
        match (r == 3, &self.reader_features) {
            // Without the list what a reader needs is unsaid (delta-rs refuses it).
            (true, None) => {
                return Some(
                    "the protocol has minReaderVersion 3 without readerFeatures: which features a reader must \
support is not said"
                        .to_owned(),
                )
            }
            (false, Some(_)) => {
                return Some(format!("the protocol lists readerFeatures with minReaderVersion {r}, not 3"))
            }
            _ => {}
        }
        match (w == 7, &self.writer_features) {
            (true, None) => return Some("the protocol has minWriterVersion 7 without writerFeatures".to_owned()),
            (false, Some(_)) => {
                return Some(format!("the protocol lists writerFeatures with minWriterVersion {w}, not 7"))
            }
            _ => {}
        }
        let writer = self.writer_features.as_deref().unwrap_or_default();
        let reader = self.reader_features.as_deref().unwrap_or_default();
        if let Some(f) = reader.iter().find(|f| !writer.contains(f)) {
            return Some(format!(
                "the reader feature {f:?} is not also listed in writerFeatures, as the Delta protocol requires of \
every reader feature"
            ));
        }
        let implied = |f: &str| r == 2 && f == "columnMapping";
        if let Some(f) =
            writer.iter().find(|f| KNOWN_READER_FEATURES.contains(&f.as_str()) && !reader.contains(f) && !implied(f))
        {
            return Some(format!(
                "the reader-writer feature {f:?} is listed in writerFeatures but not in readerFeatures (reader \
version {r}): the protocol lists such a feature in both"
            ));
        }
        None
    }
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
struct MetaData {
    schema_string: String,
    #[serde(default)]
    configuration: Option<Configuration>,
}

/// A metaData's `configuration`: a JSON object of strings (or nulls), of which only the
/// value of [`EVIDENCE_URI`] is kept. That name written twice is refused: readers that
/// keep the first and readers that keep the last would follow two bundles. Kept whole,
/// the properties took 15 times their size in memory (22 MB of short properties, 350
/// MB), and a checkpoint may be 512 MiB.
#[derive(Debug, Default, PartialEq, Eq)]
struct Configuration(Option<String>);

impl<'de> Deserialize<'de> for Configuration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Configuration;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of table properties")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Configuration, A::Error> {
                let mut uri = None;
                while let Some(key) = map.next_key::<String>()? {
                    // Every value must be a string or null, as in the map it stands for.
                    let value = map.next_value::<Option<String>>()?;
                    if key == EVIDENCE_URI {
                        if uri.is_some() {
                            return Err(serde::de::Error::custom(format_args!(
                                "the table property {EVIDENCE_URI} is set twice in one metaData"
                            )));
                        }
                        uri = Some(value);
                    }
                }
                Ok(Configuration(uri.flatten()))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Dv {
    storage_type: String,
    path_or_inline_dv: String,
    #[serde(default)]
    offset: Option<i64>,
    cardinality: u64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileAction {
    path: String,
    #[serde(default)]
    stats: Option<String>,
    /// Named so in the protocol's checkpoint schema, not camelCase like the rest (read as
    /// `statsParsed`, it was never found).
    #[serde(default, rename = "stats_parsed")]
    stats_parsed: Option<Value>,
    #[serde(default, deserialize_with = "object")]
    deletion_vector: Option<Dv>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommitInfo {
    #[serde(default)]
    timestamp: Option<i64>,
    #[serde(default)]
    in_commit_timestamp: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct Sidecar {
    path: String,
}

/// One line of a commit or one row of a checkpoint. Actions this reader has no use for
/// (txn, cdc, domainMetadata, checkpointMetadata, ...) are ignored, as the protocol
/// allows readers to.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Action {
    #[serde(default, deserialize_with = "object")]
    add: Option<FileAction>,
    #[serde(default, deserialize_with = "object")]
    remove: Option<FileAction>,
    #[serde(default, deserialize_with = "object")]
    meta_data: Option<MetaData>,
    #[serde(default, deserialize_with = "object")]
    protocol: Option<Protocol>,
    #[serde(default, deserialize_with = "object")]
    commit_info: Option<CommitInfo>,
    #[serde(default, deserialize_with = "object")]
    sidecar: Option<Sidecar>,
}

impl Action {
    /// The names of the actions this line or row holds, of those read.
    fn kinds(&self) -> impl Iterator<Item = &'static str> {
        [
            ("add", self.add.is_some()),
            ("remove", self.remove.is_some()),
            ("metaData", self.meta_data.is_some()),
            ("protocol", self.protocol.is_some()),
            ("commitInfo", self.commit_info.is_some()),
            ("sidecar", self.sidecar.is_some()),
        ]
        .into_iter()
        .filter_map(|(kind, present)| present.then_some(kind))
    }
}

/// The `numRecords` members of a statistics object, each as written; the other members
/// are skipped unread.
#[derive(Debug, Default)]
struct Stats {
    num_records: Vec<serde_json::Number>,
    /// A `numRecords` that is no number (a string, null): no count, as no statistics.
    other: bool,
}

impl<'de> Deserialize<'de> for Stats {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = Stats;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Stats, A::Error> {
                let mut stats = Stats::default();
                while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if name != "numRecords" {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    } else if let Value::Number(n) = map.next_value::<Value>()? {
                        stats.num_records.push(n);
                    } else {
                        stats.other = true;
                    }
                }
                Ok(stats)
            }
        }
        d.deserialize_map(Members)
    }
}

/// A live file: its record count (when its statistics say) and its deletion vector's
/// cardinality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Live {
    records: Option<u64>,
    deleted: u64,
}

/// The files of `_delta_log` this reader uses, by version.
#[derive(Debug, Default)]
struct Listing {
    commits: BTreeMap<u64, PathBuf>,
    /// Classic single-file checkpoints.
    single: BTreeMap<u64, PathBuf>,
    /// Multi-part checkpoints: version -> part count -> parts found (part number, path).
    multi: BTreeMap<u64, BTreeMap<u32, Vec<(u32, PathBuf)>>>,
    /// UUID-named (v2) checkpoints, JSON or parquet, of each version.
    v2: BTreeMap<u64, Vec<PathBuf>>,
    last_checkpoint: Option<PathBuf>,
}

/// Opens the table at `dir` and reads its state at `version` (default: the latest).
pub fn read_table(dir: &Path, version: Option<u64>, limits: &Limits) -> Result<Table, Error> {
    let shown = crate::text::path_name(dir);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(Error::NotATable(format!("{shown} is not a directory"))),
        Err(e) => return Err(Error::NotATable(format!("{shown}: {e}"))),
    }
    let log = dir.join("_delta_log");
    match std::fs::symlink_metadata(&log) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Error::Unreadable(format!(
                "{shown}/_delta_log is a symbolic link; links inside a table are not followed"
            )))
        }
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(Error::NotATable(format!("{shown}/_delta_log is not a directory"))),
        Err(_) => {
            return Err(Error::NotATable(format!("{shown} is not a Delta table: it has no _delta_log directory")))
        }
    }
    let listing = list(&log, limits)?;
    Replay::new(&log, limits).run(&listing, version)
}

fn list(log: &Path, limits: &Limits) -> Result<Listing, Error> {
    let mut l = Listing::default();
    let entries = std::fs::read_dir(log).map_err(|e| Error::Unreadable(format!("_delta_log cannot be listed: {e}")))?;
    for (n, entry) in entries.enumerate() {
        if n >= limits.max_entries {
            return Err(Error::Unreadable(format!("_delta_log has more than {} entries", limits.max_entries)));
        }
        let entry = entry.map_err(|e| Error::Unreadable(format!("_delta_log cannot be listed: {e}")))?;
        let Ok(name) = entry.file_name().into_string() else { continue };
        let path = entry.path();
        if name == "_last_checkpoint" {
            l.last_checkpoint = Some(path);
            continue;
        }
        let Some((digits, rest)) = name.split_at_checked(20) else { continue };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(version) = digits.parse::<u64>() else { continue };
        match rest {
            ".json" => {
                l.commits.insert(version, path);
            }
            ".checkpoint.parquet" => {
                l.single.insert(version, path);
            }
            _ => {
                let Some(tail) = rest.strip_prefix(".checkpoint.") else { continue };
                if let Some((part, count)) = multi_part(tail) {
                    l.multi.entry(version).or_default().entry(count).or_default().push((part, path));
                } else if is_v2_name(tail) {
                    // Several may exist for one version (two writers raced): each is read
                    // (see `checkpoint_forms`), in name order, never in the order the
                    // directory lists them in, which differs between file systems.
                    l.v2.entry(version).or_default().push(path);
                }
            }
        }
    }
    Ok(l)
}

/// `0000000001.0000000003.parquet` -> (1, 3).
fn multi_part(tail: &str) -> Option<(u32, u32)> {
    let body = tail.strip_suffix(".parquet")?;
    let (part, count) = body.split_once('.')?;
    let ok = |s: &str| s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(part) || !ok(count) {
        return None;
    }
    let (part, count) = (part.parse().ok()?, count.parse().ok()?);
    (part >= 1 && part <= count).then_some((part, count))
}

/// `<uuid>.json` or `<uuid>.parquet`.
fn is_v2_name(tail: &str) -> bool {
    let body = tail.strip_suffix(".json").or_else(|| tail.strip_suffix(".parquet"));
    body.is_some_and(|b| b.len() == 36 && b.bytes().all(|c| c.is_ascii_hexdigit() || c == b'-'))
}

/// Opens a regular file (never through a symbolic link, never a FIFO that would block)
/// of at most the limit. The checks hold for the file opened, not only for the name
/// looked at before: it is opened without following a link and without blocking, and
/// what was opened is checked again, so a name swapped for a link or a FIFO in between
/// gains nothing.
pub(super) fn open_bounded(path: &Path, limits: &Limits) -> Result<(std::fs::File, u64), Error> {
    use std::os::unix::fs::OpenOptionsExt;
    let shown = file_label(path);
    let meta = std::fs::symlink_metadata(path).map_err(|e| Error::Unreadable(format!("{shown}: {e}")))?;
    if meta.file_type().is_symlink() {
        return Err(Error::Unreadable(format!("{shown} is a symbolic link; links inside a table are not followed")));
    }
    if !meta.is_file() {
        return Err(Error::Unreadable(format!("{shown} is not a regular file")));
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| Error::Unreadable(format!("{shown}: {e}")))?;
    let meta = file.metadata().map_err(|e| Error::Unreadable(format!("{shown}: {e}")))?;
    if !meta.is_file() {
        return Err(Error::Unreadable(format!("{shown} is not a regular file")));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Error::Unreadable(format!(
            "{shown} has {} bytes, over the limit of {}",
            meta.len(),
            limits.max_file_bytes
        )));
    }
    Ok((file, meta.len()))
}

/// Reads a file opened by [`open_bounded`]; one that grew past the limit since is refused.
pub(super) fn read_bounded(path: &Path, limits: &Limits) -> Result<Vec<u8>, Error> {
    let (file, len) = open_bounded(path, limits)?;
    let shown = file_label(path);
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Unreadable(format!("{shown}: {e}")))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Error::Unreadable(format!("{shown} grew over the limit of {} bytes", limits.max_file_bytes)));
    }
    Ok(bytes)
}

/// `_delta_log/NAME`, for messages.
pub(super) fn file_label(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match path.parent().and_then(|p| p.file_name()) {
        Some(parent) => format!("{}/{name}", parent.to_string_lossy()),
        None => name,
    }
}

/// Each newline-delimited action of a JSON commit (or a v2 checkpoint in JSON form),
/// handed to `each` as it is read. None is kept, nor a list of the lines: a commit of
/// millions of `{}` lines held as actions took 300 times its size in memory (15 MB, 5 GB).
/// A line that is not one JSON object, the last one cut short included, stops the reading.
fn for_each_json_action(
    path: &Path,
    bytes: &[u8],
    mut each: impl FnMut(Action) -> Result<(), Error>,
) -> Result<(), Error> {
    let shown = file_label(path);
    let ends_cleanly = bytes.last().is_none_or(|b| *b == b'\n');
    let mut lines = bytes.split(|b| *b == b'\n').enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Obj<Action>>(line) {
            Ok(Obj(a)) => {
                // One action a line (PROTOCOL.md). Of a line holding an add and a remove,
                // delta-rs applies the add only; applying both counted a file it reads.
                let mut kinds = a.kinds();
                if let (Some(first), Some(second)) = (kinds.next(), kinds.next()) {
                    return Err(Error::Unreadable(format!(
                        "{shown} line {} holds two actions, {first} and {second}; the protocol writes one action a \
line, and readers differ in which of them they apply",
                        i + 1
                    )));
                }
                each(a)?
            }
            Err(e) => {
                let last = lines.peek().is_none() && !ends_cleanly;
                let why = if last && e.is_eof() {
                    "is cut short (truncated line)".to_owned()
                } else {
                    format!("is not a Delta action ({e})")
                };
                return Err(Error::Unreadable(format!("{shown} line {} {why}", i + 1)));
            }
        }
    }
    Ok(())
}

/// The state being rebuilt.
struct Replay<'a> {
    log: &'a Path,
    limits: &'a Limits,
    live: HashMap<(String, Option<String>), Live>,
    protocol: Option<Protocol>,
    meta: Option<MetaData>,
    /// The property's value as of the last metaData seen, and the version that set it.
    property: Option<(Option<String>, PropertySet)>,
    notes: Vec<String>,
    /// What the version being applied has held so far, to refuse a second metaData,
    /// protocol or add of one path within it.
    this_version: ThisVersion,
}

/// The actions of one version the protocol allows only once.
#[derive(Default)]
struct ThisVersion {
    version: Option<u64>,
    meta: bool,
    protocol: bool,
    /// Each path added, with its deletion vector's id; and each (path, deletion vector id)
    /// removed, in a commit. Kept as keyed 64-bit hashes, not as copies of the paths, so
    /// that a commit of a million files does not hold every path twice more (1,000,000
    /// removes took 240 MB as strings). Two that hash alike (keys random per version, one
    /// chance in 2^64) would refuse a valid version, never pass an invalid one.
    added: HashMap<u64, u64>,
    removed: HashSet<(u64, u64)>,
    keys: std::collections::hash_map::RandomState,
}

impl ThisVersion {
    fn hash(&self, s: Option<&str>) -> u64 {
        use std::hash::BuildHasher;
        self.keys.hash_one(s)
    }
}

/// The property whose history is followed.
pub const EVIDENCE_URI: &str = "aethergen.evidence_uri";

impl<'a> Replay<'a> {
    fn new(log: &'a Path, limits: &'a Limits) -> Self {
        Replay {
            log,
            limits,
            live: HashMap::new(),
            protocol: None,
            meta: None,
            property: None,
            notes: Vec::new(),
            this_version: ThisVersion::default(),
        }
    }

    fn run(mut self, l: &Listing, version: Option<u64>) -> Result<Table, Error> {
        // A checkpoint of version N means version N was committed, though its commits
        // may be gone: the latest version is the newer of the last commit and the last
        // complete checkpoint (as delta-rs reads it), never an older one silently.
        let last_commit = l.commits.keys().next_back().copied();
        let last_checkpoint = self.checkpoint_versions(l).last().copied();
        if let (Some(commit), Some(checkpoint)) = (last_commit, last_checkpoint) {
            if checkpoint > commit {
                self.notes.push(format!(
                    "the last JSON commit is version {commit}, older than the checkpoint of version {checkpoint}"
                ));
            }
        }
        let latest = last_commit.max(last_checkpoint);
        let Some(latest) = latest else {
            return Err(Error::Unreadable("_delta_log holds no commit and no checkpoint".to_owned()));
        };
        let target = version.unwrap_or(latest);
        if target > latest {
            return Err(Error::Unreadable(format!("--table-version {target}: the log ends at version {latest}")));
        }
        self.check_last_checkpoint(l);
        let checkpoint = self.checkpoint_versions(l).into_iter().rev().find(|v| *v <= target);
        // No commit is needed after a checkpoint of the target version (nor after one of
        // version 2^64 - 1).
        let first_needed = checkpoint.map_or(Some(0), |c| c.checked_add(1));
        if let Some(v) = first_needed.and_then(|first| first_gap(l, first, target)) {
            let from = checkpoint.map_or("from version 0".to_owned(), |c| format!("after the checkpoint at {c}"));
            return Err(Error::Unreadable(format!(
                "commit {v} ({v:020}.json) is missing: the log cannot be replayed {from} to {target}"
            )));
        }
        let mut used = None;
        if let Some(c) = checkpoint {
            used = Some((c, self.read_checkpoint(l, c)?));
            if self.meta.is_none() || self.protocol.is_none() {
                return Err(Error::Unreadable(format!("the checkpoint at version {c} has no metaData or no protocol")));
            }
            if let Some(meta) = &self.meta {
                let value = meta.configuration.as_ref().and_then(|c| c.0.clone());
                // Set at or before the checkpoint; an earlier retained commit may say exactly when.
                let earlier = self.history_before(l, c)?;
                let set = match earlier {
                    Some((v, set)) if v == value => set,
                    _ => PropertySet { version: c, exact: false, time: None },
                };
                self.property = Some((value, set));
            }
        }
        for (v, path) in first_needed.into_iter().flat_map(|first| commits(l, first, target)) {
            let bytes = read_bounded(path, self.limits)?;
            // The commit's time is known once its commitInfo is read, wherever it is in
            // the file: a property this version sets is dated after the file is read.
            let mut info = None;
            for_each_json_action(path, &bytes, |mut a| {
                if info.is_none() {
                    info = a.commit_info.take();
                }
                self.apply(a, *v, true, path)
            })?;
            if let Some((_, set)) = self.property.as_mut().filter(|(_, set)| set.version == *v && set.exact) {
                set.time = commit_time(path, info.as_ref());
            }
        }
        self.finish(target, used)
    }

    /// Versions with a complete checkpoint (single, every part of a multi-part one, or v2).
    fn checkpoint_versions(&self, l: &Listing) -> Vec<u64> {
        let mut v: Vec<u64> = l.single.keys().chain(l.v2.keys()).copied().collect();
        for (version, by_count) in &l.multi {
            if by_count.iter().any(|(count, parts)| complete(*count, parts)) {
                v.push(*version);
            }
        }
        v.sort_unstable();
        v.dedup();
        v
    }

    /// `_last_checkpoint` is a hint; one that names no checkpoint in the listing is noted.
    fn check_last_checkpoint(&mut self, l: &Listing) {
        let Some(path) = &l.last_checkpoint else { return };
        // Only its version is read: as a tree, a hint of 80 MB took 2.9 GB.
        #[derive(Deserialize)]
        struct Hint {
            version: u64,
        }
        let hint = read_bounded(path, self.limits)
            .ok()
            .and_then(|b| serde_json::from_slice::<Obj<Hint>>(&b).ok())
            .map(|Obj(h)| h.version);
        match hint {
            Some(v) if self.checkpoint_versions(l).contains(&v) => {}
            Some(v) => self.notes.push(format!(
                "_last_checkpoint names version {v}, but no complete checkpoint of that version is in the log"
            )),
            None => self.notes.push("_last_checkpoint cannot be read; the log was listed instead".to_owned()),
        }
    }

    /// Every complete checkpoint of version `c`, each as its kind and files, in the order
    /// they are named in the report: a classic single-file checkpoint, the multi-part ones
    /// (most parts first), the v2 ones by file name (never in the order the directory
    /// lists them in, which differs between file systems and copies of one table).
    fn checkpoint_forms(l: &Listing, c: u64) -> Vec<(String, Vec<PathBuf>)> {
        let mut forms = Vec::new();
        if let Some(p) = l.single.get(&c) {
            forms.push(("classic single-file checkpoint".to_owned(), vec![p.clone()]));
        }
        for (count, parts) in l.multi.get(&c).into_iter().flat_map(|m| m.iter().rev()) {
            if complete(*count, parts) {
                let mut parts = parts.clone();
                parts.sort();
                parts.dedup_by_key(|(n, _)| *n);
                let files = parts.into_iter().map(|(_, p)| p).collect();
                forms.push((format!("classic multi-part checkpoint ({count} parts)"), files));
            }
        }
        let mut v2: Vec<&PathBuf> = l.v2.get(&c).into_iter().flatten().collect();
        v2.sort();
        forms.extend(v2.into_iter().map(|p| ("v2 checkpoint".to_owned(), vec![p.clone()])));
        forms
    }

    /// Reads the checkpoint of version `c`; returns its kind for the report. A version
    /// may have several complete checkpoints (two writers checkpointed it, or a hostile
    /// log): every one is read, each into a state of its own, and they must give one
    /// table. Readers choose among them differently (delta-rs read a multi-part one of
    /// 5,000 records where a single-file one of 1,000 was read here), so two that
    /// differ make the log ambiguous: unreadable.
    fn read_checkpoint(&mut self, l: &Listing, c: u64) -> Result<String, Error> {
        let forms = Self::checkpoint_forms(l, c);
        if forms.len() > MAX_CHECKPOINT_FORMS {
            return Err(Error::Unreadable(format!(
                "version {c} has {} complete checkpoints, more than the {MAX_CHECKPOINT_FORMS} read and compared",
                forms.len()
            )));
        }
        let mut forms = forms.into_iter();
        let Some((kind, files)) = forms.next() else {
            return Err(Error::Unreadable(format!("no checkpoint of version {c}")));
        };
        self.read_checkpoint_files(c, &files)?;
        let first_file = |files: &[PathBuf]| files.first().map(|f| file_label(f)).unwrap_or_default();
        let mut others = 0;
        for (other_kind, other_files) in forms {
            let mut other = Replay::new(self.log, self.limits);
            other.read_checkpoint_files(c, &other_files)?;
            let differ = [
                (self.protocol != other.protocol, "protocol"),
                (self.meta != other.meta, "metaData"),
                (self.live != other.live, "live files (or their numRecords or deletion vectors)"),
            ];
            if let Some((_, what)) = differ.iter().find(|(d, _)| *d) {
                return Err(Error::Unreadable(format!(
                    "the {kind} of version {c} ({}) and the {other_kind} ({}) give different {what}: readers \
choose among a version's checkpoints differently, so the table's state is ambiguous",
                    first_file(&files),
                    first_file(&other_files)
                )));
            }
            others += 1;
        }
        if others > 0 {
            self.notes.push(format!(
                "version {c} has {} complete checkpoints, which give the same state; the first named is {}",
                others + 1,
                first_file(&files)
            ));
        }
        Ok(kind)
    }

    /// Applies the actions of one checkpoint's files (and its sidecars) as version `c`.
    fn read_checkpoint_files(&mut self, c: u64, files: &[PathBuf]) -> Result<(), Error> {
        // Each sidecar is read once, however many sidecar actions name it: a checkpoint
        // of a few bytes per line must not make the reader decode one large file again
        // and again.
        let mut sidecars_read = std::collections::HashSet::new();
        for file in files {
            let limits = self.limits;
            let mut one = |a: Action| -> Result<(), Error> {
                if let Some(sidecar) = &a.sidecar {
                    let path = self.sidecar_path(&sidecar.path)?;
                    if sidecars_read.insert(path.clone()) {
                        super::checkpoint::for_each(&path, limits, |s| self.apply(s, c, false, &path))?;
                    }
                }
                self.apply(a, c, false, file)
            };
            if file.extension().is_some_and(|e| e == "json") {
                for_each_json_action(file, &read_bounded(file, limits)?, &mut one)?;
            } else {
                super::checkpoint::for_each(file, limits, one)?;
            }
        }
        Ok(())
    }

    /// A sidecar lives in `_delta_log/_sidecars/`; only a plain file name is accepted, so
    /// no path in the log can lead outside it. The protocol writes the path URI-encoded:
    /// its last segment is decoded, and the decoded name is what must be plain (an
    /// encoded `..%2F` is a climb, not a name).
    fn sidecar_path(&self, path: &str) -> Result<PathBuf, Error> {
        let name = super::table::uri_file_name(path);
        if name.is_empty() || name == ".." || name == "." || name.contains(['/', '\\', '\0']) {
            return Err(Error::Unreadable(format!("sidecar path {path:?} is not a file name")));
        }
        let dir = self.log.join("_sidecars");
        if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Error::Unreadable("_delta_log/_sidecars is a symbolic link; not followed".to_owned()));
        }
        Ok(dir.join(name))
    }

    /// The property's value and setting version from the retained commits at or before
    /// the checkpoint: exact only when commit 0 onwards are all there.
    fn history_before(&self, l: &Listing, c: u64) -> Result<Option<(Option<String>, PropertySet)>, Error> {
        if first_gap(l, 0, c).is_some() {
            return Ok(None);
        }
        let mut state: Option<(Option<String>, PropertySet)> = None;
        for (v, path) in commits(l, 0, c) {
            let bytes = read_bounded(path, self.limits)?;
            let (mut info, mut value) = (None, None);
            for_each_json_action(path, &bytes, |a| {
                if info.is_none() {
                    info = a.commit_info;
                }
                if let Some(meta) = a.meta_data {
                    // Only dated here, but a second metaData makes the version invalid all
                    // the same: which of the two set the property would be a guess (as in
                    // `apply`).
                    if value.is_some() {
                        return Err(Error::Unreadable(format!(
                            "{}: version {v} holds a second metaData action; the Delta protocol allows one, so \
                             the version is invalid",
                            file_label(path)
                        )));
                    }
                    value = Some(meta.configuration.and_then(|c| c.0));
                }
                Ok(())
            })?;
            if let Some(value) = value {
                if state.as_ref().is_none_or(|(old, _)| *old != value) {
                    let time = commit_time(path, info.as_ref());
                    state = Some((value, PropertySet { version: *v, exact: true, time }));
                }
            }
        }
        Ok(state)
    }

    fn apply(&mut self, a: Action, version: u64, in_commit: bool, file: &Path) -> Result<(), Error> {
        // A version with two of these is invalid (PROTOCOL.md: one metaData, one protocol,
        // at most one add per path; actions within a version have no order): reading the
        // last would show one count or URI where another reader shows another.
        if self.this_version.version != Some(version) {
            self.this_version = ThisVersion { version: Some(version), ..ThisVersion::default() };
        }
        let twice = |what: &str| {
            Error::Unreadable(format!(
                "{}: version {version} holds {what}; the Delta protocol allows one, so the version is invalid",
                file_label(file)
            ))
        };
        if a.protocol.is_some() && std::mem::replace(&mut self.this_version.protocol, true) {
            return Err(twice("a second protocol action"));
        }
        if a.meta_data.is_some() && std::mem::replace(&mut self.this_version.meta, true) {
            return Err(twice("a second metaData action"));
        }
        if let Some(add) = &a.add {
            let tv = &mut self.this_version;
            let (path, dv) = (tv.hash(Some(&add.path)), tv.hash(add.deletion_vector.as_ref().map(dv_id).as_deref()));
            if tv.added.insert(path, dv).is_some() {
                return Err(twice(&format!("a second add action of the path {:?}", add.path)));
            }
            if in_commit && tv.removed.contains(&(path, dv)) {
                return Err(add_and_remove(file, version, &add.path));
            }
        }
        // An add and a remove of one file (one path, one deletion vector) in one commit:
        // the protocol allows the two only with different deletion vectors, and gives the
        // actions of a version no order, so whether the file is live would be a guess
        // (applied in file order it was the last action's; delta-rs reads it the other
        // way round).
        if let Some(r) = a.remove.as_ref().filter(|_| in_commit) {
            let tv = &mut self.this_version;
            let (path, dv) = (tv.hash(Some(&r.path)), tv.hash(r.deletion_vector.as_ref().map(dv_id).as_deref()));
            if tv.added.get(&path) == Some(&dv) {
                return Err(add_and_remove(file, version, &r.path));
            }
            tv.removed.insert((path, dv));
        }
        if let Some(p) = a.protocol {
            self.protocol = Some(p);
        }
        if let Some(meta) = a.meta_data {
            if in_commit {
                let value = meta.configuration.as_ref().and_then(|c| c.0.clone());
                if self.property.as_ref().is_none_or(|(old, _)| *old != value) {
                    // Dated by the caller once the whole commit is read.
                    self.property = Some((value, PropertySet { version, exact: true, time: None }));
                }
            }
            self.meta = Some(meta);
        }
        // A checkpoint's removes are tombstones kept for VACUUM: its adds are already the
        // live files, and the order of rows within a version means nothing (PROTOCOL.md).
        if let Some(r) = a.remove.filter(|_| in_commit) {
            let key = (r.path, r.deletion_vector.as_ref().map(dv_id));
            self.live.remove(&key);
        }
        if let Some(add) = a.add {
            let deleted = add.deletion_vector.as_ref().map_or(0, |d| d.cardinality);
            let records = num_records(&add, in_commit).map_err(|what| {
                Error::Unreadable(format!(
                    "{}: the add of {:?} states {what}; readers differ in the count they take from it (delta-rs \
takes stats_parsed over stats, the last of two, and a whole number written as 500.0)",
                    file_label(file),
                    add.path
                ))
            })?;
            if let Some(n) = records {
                if deleted > n {
                    return Err(Error::Unreadable(format!(
                        "{}: the deletion vector of {} deletes {deleted} rows of a file of {n}",
                        file_label(file),
                        add.path
                    )));
                }
            }
            let key = (add.path, add.deletion_vector.as_ref().map(dv_id));
            self.live.insert(key, Live { records, deleted });
        }
        Ok(())
    }

    fn finish(self, version: u64, checkpoint: Option<(u64, String)>) -> Result<Table, Error> {
        let Some(protocol) = self.protocol else {
            return Err(Error::Unreadable(format!("no protocol action at or before version {version}")));
        };
        let Some(meta) = self.meta else {
            return Err(Error::Unreadable(format!("no metaData action at or before version {version}")));
        };
        let features = protocol.reader_features.clone().unwrap_or_default();
        if let Some(why) = protocol.invalid() {
            return Err(Error::Unreadable(format!("{why}; the protocol action is invalid")));
        }
        if let Some(unknown) = features.iter().find(|f| !KNOWN_READER_FEATURES.contains(&f.as_str())) {
            return Err(Error::Unreadable(format!(
                "the table requires the reader feature {unknown:?}, which aeb-verify does not know; \
its live files or record count could be read wrongly"
            )));
        }
        // A deletion vector is part of the table only where the protocol enables it (reader
        // version 3, the feature listed). Elsewhere a reader that follows the protocol reads
        // every row of the file (delta-rs does), and subtracting the descriptor's
        // cardinality would confirm a count no reader of the table sees.
        let dv_enabled = protocol.min_reader_version == 3 && features.iter().any(|f| f == "deletionVectors");
        if !dv_enabled {
            if let Some(path) = self.live.keys().filter(|(_, dv)| dv.is_some()).map(|(path, _)| path).min() {
                return Err(Error::Unreadable(format!(
                    "the live file {path:?} has a deletion vector, but the table's protocol (reader version {}) does \
not enable the reader feature deletionVectors: readers that follow the protocol read all its rows, so the live \
count cannot be told",
                    protocol.min_reader_version
                )));
            }
        }
        let mut t = Table {
            version,
            checkpoint,
            schema: Schema::read(&meta.schema_string, version)?,
            configuration: meta
                .configuration
                .and_then(|c| c.0)
                .map(|v| (EVIDENCE_URI.to_owned(), v))
                .into_iter()
                .collect(),
            property_set: self.property.and_then(|(value, set)| value.map(|_| set)),
            reader_version: protocol.min_reader_version,
            reader_features: features,
            notes: self.notes,
            ..Table::default()
        };
        for live in self.live.values() {
            t.live_files += 1;
            match live.records {
                // A deletion vector is subtracted from its own file's count only: the
                // cardinality of one on a file without statistics says nothing of the
                // others (and could otherwise cancel their records).
                Some(n) => {
                    t.stats_records = t.stats_records.checked_add(n).filter(|s| *s <= MAX_COUNT).ok_or_else(|| {
                        Error::Unreadable(format!(
                            "the live files' numRecords add up to more than {MAX_COUNT} (2^53), \
the most counted exactly: the record count cannot be read"
                        ))
                    })?;
                    // At most each file's own count (checked when applied), so within the sum.
                    t.deleted_by_dv += live.deleted;
                }
                None => t.files_without_stats += 1,
            }
        }
        Ok(t)
    }
}

/// The error of a commit that adds and removes one file.
fn add_and_remove(file: &Path, version: u64, path: &str) -> Error {
    Error::Unreadable(format!(
        "{}: version {version} holds an add and a remove action of the path {path:?} with the same deletion \
         vector; the Delta protocol gives the actions of a version no order, so the version is invalid",
        file_label(file)
    ))
}

/// Every part from 1 to `count` is there. Part numbers were checked to lie in 1..=count
/// when listed, so counting the distinct ones is enough (and costs nothing for a name
/// that claims a billion parts).
fn complete(count: u32, parts: &[(u32, PathBuf)]) -> bool {
    let distinct: std::collections::BTreeSet<u32> = parts.iter().map(|(p, _)| *p).collect();
    distinct.len() as u64 == u64::from(count)
}

/// The commits of versions `from..=to`; none when `from > to` (where `BTreeMap::range`
/// would panic).
fn commits(l: &Listing, from: u64, to: u64) -> impl Iterator<Item = (&u64, &PathBuf)> {
    (from <= to).then(|| l.commits.range(from..=to)).into_iter().flatten()
}

/// The first version in `from..=to` without a commit, in time linear in the commits
/// listed (never in the span of versions: a hostile log may name version 10^19).
fn first_gap(l: &Listing, from: u64, to: u64) -> Option<u64> {
    let mut expected = from;
    for v in commits(l, from, to).map(|(v, _)| *v) {
        if v != expected {
            return Some(expected);
        }
        expected = v.checked_add(1)?;
    }
    (expected <= to).then_some(expected)
}

/// A deletion vector's unique id, as the protocol forms it.
fn dv_id(d: &Dv) -> String {
    match d.offset {
        Some(o) => format!("{}{}@{o}", d.storage_type, d.path_or_inline_dv),
        None => format!("{}{}", d.storage_type, d.path_or_inline_dv),
    }
}

/// `numRecords` from the statistics string, or from `stats_parsed` in a checkpoint (a
/// commit's add has no such member: delta-rs does not read one there).
/// Statistics that do not parse, or a `numRecords` that is no number, count as no
/// statistics (the count becomes a lower bound), never as a number. A count readers take
/// differently is an error (its description): both forms with two counts, `numRecords`
/// written twice in the statistics (`{"numRecords":500,"numRecords":7}`: delta-rs takes
/// the last, 7; taken as no statistics it only bounded the count from below, so any
/// larger figure passed), or a number that is no whole count (`500.0`, which delta-rs
/// reads as 500, `-1`, `1e3`).
fn num_records(add: &FileAction, in_commit: bool) -> Result<Option<u64>, String> {
    let stats = match add.stats.as_deref().map(serde_json::from_str::<Stats>) {
        Some(Ok(Stats { num_records, other })) => match num_records.as_slice() {
            [] => None,
            [n] if !other => {
                Some(n.as_u64().ok_or_else(|| format!("numRecords {n} in stats, which is no whole count"))?)
            }
            _ => return Err("numRecords more than once in stats".to_owned()),
        },
        Some(Err(_)) | None => None,
    };
    let parsed =
        add.stats_parsed.as_ref().filter(|_| !in_commit).and_then(|p| p.get("numRecords")).and_then(Value::as_u64);
    match (stats, parsed) {
        (Some(s), Some(p)) if s != p => Err(format!("numRecords {s} in stats and {p} in stats_parsed")),
        (s, p) => Ok(s.or(p)),
    }
}

/// The commit's time: in-commit timestamp, else commitInfo.timestamp, else the file's
/// modification time (the protocol's order).
fn commit_time(path: &Path, info: Option<&CommitInfo>) -> Option<CommitTime> {
    if let Some(ms) = info.and_then(|i| i.in_commit_timestamp) {
        return Some(CommitTime { millis: ms, source: "inCommitTimestamp" });
    }
    if let Some(ms) = info.and_then(|i| i.timestamp) {
        return Some(CommitTime { millis: ms, source: "commitInfo.timestamp" });
    }
    let modified = std::fs::symlink_metadata(path).ok()?.modified().ok()?;
    let ms = modified.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis();
    Some(CommitTime { millis: i64::try_from(ms).ok()?, source: MODIFIED })
}

/// A struct type of a `schemaString`, as far as column names go: each field's name and,
/// when its type is a struct, that struct's fields. It is read without building a JSON
/// tree, and an entry of `fields` that is no field (no object with a string `name`) is
/// skipped, not kept: as a tree, a schema of 20 MB of `0,` entries took 870 MB, once for
/// every bundle held against the table.
#[derive(Debug, Clone, Default)]
struct StructType {
    fields: Vec<Field>,
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    /// The fields of its type when that is a struct (none for any other type).
    inner: StructType,
}

/// A visitor's methods for the JSON values it takes as "nothing here": its `Value`'s
/// default. A sequence is consumed without being kept.
macro_rules! nothing_but_maps {
    () => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

impl<'de> Deserialize<'de> for StructType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = StructType;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a schema")
            }
            nothing_but_maps!();
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<StructType, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(StructType::default())
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<StructType, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "fields" {
                        fields = map.next_value::<Fields>()?.0;
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(StructType { fields })
            }
        }
        d.deserialize_any(V)
    }
}

/// The fields of a struct: the entries of its `fields` array that are fields.
#[derive(Default)]
struct Fields(Vec<Field>);

/// Reads the fields of a struct; any JSON value (as a nested type) through
/// `deserialize_any`, an array only (the schema's own `fields`) through `deserialize_seq`.
struct FieldsVisitor;

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldsVisitor)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldsVisitor {
    type Value = Fields;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the fields of a struct")
    }
    nothing_but_maps!();
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
        Ok(Fields::default())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Fields, A::Error> {
        let mut fields = Vec::new();
        while let Some(entry) = seq.next_element::<MaybeField>()? {
            fields.extend(entry.0);
        }
        Ok(Fields(fields))
    }
}

/// An entry of `fields`: a field when it is an object with a string `name`.
#[derive(Default)]
struct MaybeField(Option<Field>);

impl<'de> Deserialize<'de> for MaybeField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = MaybeField;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a field")
            }
            nothing_but_maps!();
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeField, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(MaybeField(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<MaybeField, A::Error> {
                let (mut name, mut inner) = (None, StructType::default());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => name = map.next_value::<NameOrNothing>()?.0,
                        "type" => inner = map.next_value::<StructType>()?,
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(MaybeField(name.map(|name| Field { name, inner })))
            }
        }
        d.deserialize_any(V)
    }
}

/// A field's `name` when it is a string.
#[derive(Default)]
struct NameOrNothing(Option<String>);

impl<'de> Deserialize<'de> for NameOrNothing {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = NameOrNothing;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<NameOrNothing, E> {
                Ok(NameOrNothing(Some(s.to_owned())))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<NameOrNothing, E> {
                Ok(NameOrNothing(None))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<NameOrNothing, E> {
                Ok(NameOrNothing(None))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<NameOrNothing, E> {
                Ok(NameOrNothing(None))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<NameOrNothing, E> {
                Ok(NameOrNothing(None))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<NameOrNothing, E> {
                Ok(NameOrNothing(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<NameOrNothing, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(NameOrNothing(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<NameOrNothing, A::Error> {
                while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(NameOrNothing(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl StructType {
    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A table's schema as far as column names go, read once from the `schemaString` of
/// the table's metaData (it was read again for every bundle held against the table: a
/// batch cost the schema's size times the bundles).
#[derive(Debug, Clone, Default)]
pub struct Schema(StructType);

impl Schema {
    /// A `schemaString` that is not a JSON object with a `fields` array is no schema:
    /// delta-rs refuses the table, and every column would read as missing.
    fn read(schema_string: &str, version: u64) -> Result<Schema, Error> {
        serde_json::from_str(schema_string).map_err(|_| {
            Error::Unreadable(format!(
                "the schemaString of the table's metaData as of version {version} is not a schema: not a JSON object \
with a fields array"
            ))
        })
    }

    /// Whether `name` is a column; a dotted name may reach into structs.
    pub fn has_column(&self, name: &str) -> bool {
        if self.0.field(name).is_some() {
            return true;
        }
        let mut at = &self.0;
        for part in name.split('.') {
            match at.field(part) {
                Some(f) => at = &f.inner,
                None => return false,
            }
        }
        true
    }

    /// The top-level column names, for messages.
    pub fn columns(&self) -> impl ExactSizeIterator<Item = &str> {
        self.0.fields.iter().map(|f| f.name.as_str())
    }
}

impl<'de> Deserialize<'de> for Schema {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Schema;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object with a fields array")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Schema, A::Error> {
                let mut fields = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "fields" {
                        fields = Some(map.next_value::<FieldArray>()?.0 .0);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                let fields = fields.ok_or_else(|| serde::de::Error::missing_field("fields"))?;
                Ok(Schema(StructType { fields }))
            }
        }
        d.deserialize_map(V)
    }
}

/// The schema's own `fields`: an array, nothing else.
struct FieldArray(Fields);

impl<'de> Deserialize<'de> for FieldArray {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(FieldsVisitor).map(FieldArray)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(multi_part("0000000001.0000000002.parquet"), Some((1, 2)));
        assert_eq!(multi_part("0000000003.0000000002.parquet"), None);
        assert!(is_v2_name("80a083e8-7026-4e79-81be-64bd76c43a11.json"));
        assert!(!is_v2_name("parquet"));
    }

    #[test]
    fn columns_and_nested() {
        let read = |s: &str| Schema::read(s, 0).unwrap();
        let s = read(
            r#"{"type":"struct","fields":[{"name":"label","type":"long"},{"name":"a","type":{"type":"struct","fields":[{"name":"b","type":"string"}]}}]}"#,
        );
        assert!(s.has_column("label"));
        assert!(s.has_column("a.b"));
        assert!(!s.has_column("a.c"));
        assert!(!s.has_column("target"));
        assert_eq!(s.columns().collect::<Vec<_>>(), vec!["label", "a"]);
        // Entries that are no field are skipped, whatever they hold.
        let s = read(
            r#"{"fields":[0,"x",[1,[2]],{"name":5},{"name":["y"]},{"name":"l","type":{"fields":[{"name":"b"}]}}]}"#,
        );
        assert!(s.has_column("l.b"));
        assert!(!s.has_column("x"));
        assert_eq!(s.columns().collect::<Vec<_>>(), vec!["l"]);
        // What is not an object with a fields array is no schema (delta-rs refuses each).
        for no in ["[1]", "{\"fields\":{}}", "nope", "5", "{}", "{\"fields\":5}", "{\"fields\":[],\"x\":"] {
            assert!(Schema::read(no, 7).is_err(), "{no}");
        }
    }

    #[test]
    fn truncated_last_line() {
        let e = for_each_json_action(
            Path::new("_delta_log/x.json"),
            b"{\"commitInfo\":{}}\n{\"add\":{\"path\":\"a\"",
            |_| Ok(()),
        )
        .unwrap_err();
        assert!(e.to_string().contains("line 2 is cut short"), "{e}");
    }
}
