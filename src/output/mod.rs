//! Atomic output: bytes go to a temporary file beside the destination, which is
//! flushed to disk and only then renamed into place. A failed or interrupted write
//! leaves no partial file and keeps what was there before.
//!
//! A single file (a report, a translation) is written, flushed and renamed at once
//! ([`write_atomic`]). The PDFs of a batch are staged ([`stage`]: written, not yet
//! flushed), flushed together at the end ([`flush`]: one `syncfs` instead of one
//! fsync a leaflet, which cost a fifth of a batch's time), and then renamed into
//! place ([`Staged::publish`]).

mod advice;
mod leftovers;
#[cfg(test)]
mod tests;

pub use advice::{folder_error, write_error};
#[cfg(test)]
use leftovers::is_temp_name;
pub use leftovers::{check_writable, remove_stale, STALE_AFTER};

use crate::error::Result;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where the temporary file's bytes go: the disk in production; tests inject a
/// writer that fails (e.g. with "no space left on device") part way.
pub trait Sink {
    type File: Write;
    /// Opens `path` (the temporary file) for writing.
    fn create(&self, path: &Path) -> io::Result<Self::File>;
    /// Makes the written bytes durable before the rename.
    fn sync(&self, file: Self::File) -> io::Result<()>;
}

/// The real file system.
pub struct Disk;

impl Sink for Disk {
    type File = std::fs::File;

    fn create(&self, path: &Path) -> io::Result<std::fs::File> {
        // A new file only: never follow a link planted at the temporary name.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    }

    fn sync(&self, file: std::fs::File) -> io::Result<()> {
        file.sync_all()
    }
}

/// The folder `path` is written in ("." for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The temporary file for `path`: `.NAME.PID.tmp` in the same folder, so the final
/// rename never crosses file systems.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    folder_of(path).join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether `path` is a regular file (not a link) holding exactly `bytes`. Rewriting
/// an identical PDF gains nothing and costs a new file (ext4 spent 1.6 ms a file
/// finding a free inode among recently deleted ones when a batch replaced 800 PDFs).
pub fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// Writes `bytes` to `path` atomically on the real disk.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(&Disk, path, bytes)
}

/// Writes `bytes` to `path` atomically through `sink`; on any failure the temporary
/// file is removed and `path` is left as it was.
pub fn write_atomic_with<S: Sink>(sink: &S, path: &Path, bytes: &[u8]) -> Result<()> {
    let staged = stage_with(sink, path, bytes, true)?;
    staged.publish()
}

/// A file written to its temporary name, waiting to be flushed and renamed.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    path: PathBuf,
}

/// Writes `bytes` to the temporary file for `path` without flushing it; [`flush`]
/// and [`Staged::publish`] finish the job.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    stage_with(&Disk, path, bytes, false)
}

fn stage_with<S: Sink>(sink: &S, path: &Path, bytes: &[u8], sync: bool) -> Result<Staged> {
    let temp = temp_path(path);
    let result = (|| {
        let mut f = match sink.create(&temp) {
            // Left by a killed run whose process id we now have: replace it.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                std::fs::remove_file(&temp)?;
                sink.create(&temp)?
            }
            other => other?,
        };
        f.write_all(bytes)?;
        if sync {
            sink.sync(f)?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(Staged {
            temp,
            path: path.to_path_buf(),
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(write_error(path, &e))
        }
    }
}

impl Staged {
    /// Renames the file into place; on failure the temporary file is removed and
    /// the destination is left as it was.
    pub fn publish(self) -> Result<()> {
        std::fs::rename(&self.temp, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&self.temp);
            write_error(&self.path, &e)
        })
    }

    /// Gives up: the temporary file goes, the destination stays as it was.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// Flushes staged files in `folder` to disk: one file by itself; several at once
/// with the whole file system on Linux (`syncfs`), one by one elsewhere.
pub fn flush(folder: &Path, staged: &[&Staged]) -> Result<()> {
    let sync_each = || {
        for s in staged {
            // Write access: Windows flushes only handles that may write.
            std::fs::OpenOptions::new()
                .write(true)
                .open(&s.temp)
                .and_then(|f| f.sync_all())
                .map_err(|e| write_error(&s.path, &e))?;
        }
        Ok(())
    };
    if staged.len() <= 1 {
        return sync_each();
    }
    #[cfg(target_os = "linux")]
    {
        let _ = sync_each;
        std::fs::File::open(folder)
            .and_then(|dir| rustix::fs::syncfs(&dir).map_err(io::Error::from))
            .map_err(|e| write_error(folder, &e))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        sync_each()
    }
}
