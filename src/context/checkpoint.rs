//! Parquet checkpoints (classic single-file and multi-part parts, v2 checkpoints in
//! parquet form, and their sidecars), read with the `parquet` crate's row API: each row
//! becomes the JSON form of its action, so that commits and checkpoints are decoded by
//! the same code.

use super::delta::{file_label, open_bounded, Action, Error, Limits};
use parquet::file::reader::{FileReader, SerializedFileReader};
use std::path::Path;

/// The actions of one parquet checkpoint file. The file is bounded like every log file,
/// and each column chunk's declared uncompressed size too, so that a small file cannot
/// expand without bound. A panic inside the parquet decoder on a malformed file is
/// turned into an unreadable-log error rather than ending the run.
pub(super) fn actions(path: &Path, limits: &Limits) -> Result<Vec<Action>, Error> {
    let shown = file_label(path);
    let (file, _) = open_bounded(path, limits)?;
    let max = limits.max_file_bytes;
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| decode(file, max)));
    match read {
        Ok(Ok(actions)) => Ok(actions),
        Ok(Err(e)) => Err(Error::Unreadable(format!("{shown} is not a readable parquet checkpoint: {e}"))),
        Err(_) => Err(Error::Unreadable(format!("{shown} is not a readable parquet checkpoint (the decoder failed)"))),
    }
}

fn decode(file: std::fs::File, max: u64) -> Result<Vec<Action>, String> {
    let reader = SerializedFileReader::new(file).map_err(|e| e.to_string())?;
    for rg in reader.metadata().row_groups() {
        for col in rg.columns() {
            if u64::try_from(col.uncompressed_size()).map_or(true, |n| n > max) {
                return Err(format!(
                    "a column chunk declares {} bytes uncompressed, over the limit",
                    col.uncompressed_size()
                ));
            }
        }
    }
    let mut out = Vec::new();
    for row in reader.get_row_iter(None).map_err(|e| e.to_string())? {
        let row = row.map_err(|e| e.to_string())?;
        let action: Action =
            serde_json::from_value(row.to_json_value()).map_err(|e| format!("a row is not a Delta action ({e})"))?;
        out.push(action);
    }
    Ok(out)
}
