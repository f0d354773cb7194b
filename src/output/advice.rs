//! What to tell the user when writing output fails: the file, the cause in plain
//! words, and what to do about it.

use super::folder_of;
use crate::error::{Diagnostic, Error};
use std::io::{self, ErrorKind as K};
use std::path::Path;

/// The cause in plain words and what to do, for a failure writing in `dir`.
fn advice(err: &io::Error, dir: &Path) -> (String, String) {
    let dir = dir.display();
    let (what, help) = match err.kind() {
        K::StorageFull | K::QuotaExceeded => (
            "the disk is full".to_string(),
            format!("free space on the disk holding {dir} and build again"),
        ),
        K::PermissionDenied => (
            "no permission to write there".to_string(),
            format!("check the permissions of the folder {dir}, or choose another output folder with -o"),
        ),
        K::ReadOnlyFilesystem => (
            "it is on a read-only file system".to_string(),
            "choose another output folder with -o".to_string(),
        ),
        K::NotADirectory => (
            "part of that path is a file, not a folder".to_string(),
            "choose another output folder with -o".to_string(),
        ),
        K::NotFound => (
            "the folder does not exist".to_string(),
            format!("create {dir}, or choose another output folder with -o"),
        ),
        K::IsADirectory => (
            "a folder of that name is in the way".to_string(),
            "move that folder away, or choose another output folder with -o".to_string(),
        ),
        _ => (
            "the write failed".to_string(),
            format!("check the folder {dir} and the disk, and build again"),
        ),
    };
    (format!("{what} ({err})"), help)
}

/// A failure writing the file `path`; says whether the previous file there is kept.
pub fn write_error(path: &Path, err: &io::Error) -> Error {
    let (what, help) = advice(err, folder_of(path));
    let kept = if path.is_file() {
        format!("; the previous {} is kept unchanged", path.display())
    } else {
        String::new()
    };
    Error::input(
        Diagnostic::new(format!("cannot write {}: {what}{kept}", path.display()))
            .file(path)
            .help(help),
    )
}

/// A failure creating or writing into the output folder `dir`.
pub fn folder_error(dir: &Path, err: &io::Error) -> Error {
    let (what, help) = advice(err, dir);
    Error::input(
        Diagnostic::new(format!(
            "cannot write into the output folder {}: {what}",
            dir.display()
        ))
        .file(dir)
        .help(help),
    )
}
