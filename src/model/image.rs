//! Image references in handouts (logos, diagrams): paths confined to their folder,
//! read and checked when the handout is loaded, so that a missing or broken file is
//! an input error with a position. Decoding lives in [`crate::images`].

use crate::error::{Diagnostic, Error, Result};
use crate::images::{load, ImageData};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Resolves `relative` (as written in `file`) inside `root`: no absolute paths, no
/// `..`, and no symbolic link that leads out of `root`.
pub fn confine(root: &Path, relative: &str) -> std::result::Result<PathBuf, String> {
    let rel = Path::new(relative);
    if relative.trim().is_empty() {
        return Err("the image path is empty".into());
    }
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(format!("`{relative}` is an absolute path"));
    }
    if rel.components().any(|c| c == Component::ParentDir) {
        return Err(format!("`{relative}` leaves the folder with `..`"));
    }
    // A folder given as "" (the parent of a relative "ketamine") is the current one.
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let joined = root.join(rel);
    let real_root = root
        .canonicalize()
        .map_err(|e| format!("the folder {} cannot be read: {e}", root.display()))?;
    let real = joined
        .canonicalize()
        .map_err(|_| format!("`{relative}` does not exist in {}", root.display()))?;
    if !real.starts_with(&real_root) {
        return Err(format!(
            "`{relative}` is a link that leads outside {}",
            root.display()
        ));
    }
    if !real.is_file() {
        return Err(format!("`{relative}` is not a file"));
    }
    Ok(real)
}

/// [`confine`] then [`load`], as one input error that names the YAML file and position.
pub fn resolve(
    root: &Path,
    relative: &str,
    diag: impl Fn(String) -> Diagnostic,
) -> Result<Arc<ImageData>> {
    let path = confine(root, relative).map_err(|msg| {
        Error::input(diag(format!("image {msg}")).help(
            "put the image in the handout's folder (or the clinic's) and write its name, e.g. logo.png",
        ))
    })?;
    let mut data =
        load(&path).map_err(|msg| {
            Error::input(diag(format!("image `{relative}` {msg}")).help(
                "save the image again as PNG or JPEG (RGB or greyscale), or choose another file",
            ))
        })?;
    // Incremental builds check the path as written, so that a link pointed at
    // another picture counts as a change.
    Arc::make_mut(&mut data).path = root.join(relative);
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_their_folder() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join("a.png"), b"x").expect("write");
        assert!(confine(dir.path(), "a.png").is_ok());
        assert!(confine(dir.path(), "../a.png").unwrap_err().contains(".."));
        assert!(confine(dir.path(), "/etc/passwd")
            .unwrap_err()
            .contains("absolute"));
        assert!(confine(dir.path(), "b.png")
            .unwrap_err()
            .contains("does not exist"));
        assert!(confine(dir.path(), "").is_err());
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().expect("tmp");
            std::fs::write(outside.path().join("secret.png"), b"x").expect("write");
            std::os::unix::fs::symlink(outside.path().join("secret.png"), dir.path().join("l.png"))
                .expect("link");
            assert!(confine(dir.path(), "l.png")
                .unwrap_err()
                .contains("outside"));
        }
    }
}
