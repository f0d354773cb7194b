//! Temporary files left behind by a run that was killed between creating and
//! renaming them, and the check that the output folder takes new files at all.

use super::{folder_error, temp_path, Disk, Sink};
use crate::error::Result;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Leftovers younger than this may belong to a build running right now.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// Whether `name` is a temporary file of ours: `.NAME.pdf.PID.tmp`, the cache's
/// `..handout-cache.json.PID.tmp` or the probe's `.handout-probe.PID.tmp`.
pub fn is_temp_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let Some((file, pid)) = inner.rsplit_once('.') else {
        return false;
    };
    let ours = (file.len() > 4 && file.ends_with(".pdf"))
        || file == ".handout-cache.json"
        || file == "handout-probe";
    ours && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
}

/// Removes our temporary files in `dir` last modified more than `age` ago (best
/// effort); returns how many were removed.
pub fn remove_stale(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(|e| e.ok())
        .filter(|e| is_temp_name(&e.file_name().to_string_lossy()))
        .filter(|e| {
            e.metadata()
                .ok()
                .filter(|m| m.is_file())
                .and_then(|m| m.modified().ok())
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|d| d > age)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Fails with a helpful message unless a new file can be created in `dir`.
pub fn check_writable(dir: &Path) -> Result<()> {
    let probe = temp_path(&dir.join("handout-probe"));
    let _ = std::fs::remove_file(&probe);
    let created = Disk.create(&probe);
    let _ = std::fs::remove_file(&probe);
    created.map(drop).map_err(|e| folder_error(dir, &e))
}
