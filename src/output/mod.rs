//! Atomic output: bytes go to a temporary file beside the destination, which is
//! renamed into place only when complete. A failed or interrupted write leaves no
//! partial file and keeps what was there before.
//!
//! Durability: a single file (a report, a translation) is flushed to disk before
//! its rename. A batch of leaflets is flushed once at the end ([`sync_folder`]),
//! before the incremental-build record is saved and the run reports success: one
//! flush instead of one per leaflet, which cost a fifth of a batch's time.

mod advice;
mod leftovers;
#[cfg(test)]
mod tests;

pub use advice::{folder_error, write_error};
pub use leftovers::{check_writable, is_temp_name, remove_stale, STALE_AFTER};

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

/// Writes without waiting for the disk; the caller flushes later (a batch, with
/// [`sync_folder`]) or can afford to lose the file (the incremental-build record).
pub struct Unsynced;

impl Sink for Unsynced {
    type File = std::fs::File;

    fn create(&self, path: &Path) -> io::Result<std::fs::File> {
        Disk.create(path)
    }

    fn sync(&self, _file: std::fs::File) -> io::Result<()> {
        Ok(())
    }
}

/// Flushes the files written in `folder` to disk: one file by itself; several at
/// once with the whole file system on Linux (`syncfs`), one by one elsewhere.
pub fn sync_folder(folder: &Path, written: &[PathBuf]) -> Result<()> {
    let sync_each = || {
        for path in written {
            std::fs::File::open(path)
                .and_then(|f| f.sync_all())
                .map_err(|e| write_error(path, &e))?;
        }
        Ok(())
    };
    if written.len() <= 1 {
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

/// Whether `path` already holds exactly `bytes`. Rewriting an identical PDF gains
/// nothing and costs a new file (ext4 spent 1.6 ms a file finding a free inode
/// among recently deleted ones when a batch replaced 800 PDFs).
pub fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// Writes `bytes` to `path` atomically on the real disk.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(&Disk, path, bytes)
}

/// Writes `bytes` to `path` atomically through `sink`; on any failure the temporary
/// file is removed and `path` is left as it was.
pub fn write_atomic_with<S: Sink>(sink: &S, path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = match sink.create(&tmp) {
            // Left by a killed run whose process id we now have: replace it.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                std::fs::remove_file(&tmp)?;
                sink.create(&tmp)?
            }
            other => other?,
        };
        f.write_all(bytes)?;
        sink.sync(f)?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        write_error(path, &e)
    })
}
