//! Publishing the site atomically: the new site is written in full to a folder
//! beside the old one, flushed, and only then swapped in with two renames. A failed
//! run (a leaflet that does not build, a full disk) leaves the previous site as it
//! was; a run that changes nothing leaves it untouched, timestamps included.
//!
//! The site folder is the program's, but a host may need files of its own in it (a
//! `CNAME` for GitHub Pages, a `.well-known/` folder): every run records the files
//! it made in [`MANIFEST`], and any other file found in the folder is carried over
//! into the new site. A folder with files and no manifest is not a site: it is
//! never replaced.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A file of the new site.
pub enum Content {
    /// Bytes made by this run (HTML, CSS, the sitemap).
    Bytes(Vec<u8>),
    /// A file of the program's own build folder (a PDF): hard linked into the site
    /// where the file system allows, else copied. The build folder replaces its files
    /// by rename, never in place, so the link keeps the published bytes.
    Link(PathBuf),
    /// A file of the user's (an image, the logo, a file carried over): copied, so
    /// that changing the site's copy (permissions, an optimiser) never changes it.
    Copy(PathBuf),
}

/// The whole new site: path inside it (with `/`) → content.
pub type Tree = BTreeMap<String, Content>;

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The site on disk already held exactly these files.
    Unchanged,
    /// The new site replaced the old one (or was the first).
    Replaced,
}

/// The list of files a run made, at the site's root.
pub const MANIFEST: &str = ".handout-site";

/// Replaces the site at `output` with `tree`, keeping files of the folder's that no
/// run made.
pub fn publish(output: &Path, mut tree: Tree) -> Result<Published> {
    // A link to the web root is followed: the web root is what must change.
    let output = match std::fs::symlink_metadata(output) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(output).map_err(|e| crate::output::folder_error(output, &e))?
        }
        _ => output.to_path_buf(),
    };
    let output = output.as_path();
    let _lock = lock(output)?;
    recover(output)?;
    let made: Vec<String> = tree.keys().cloned().collect();
    tree.insert(
        MANIFEST.into(),
        Content::Bytes(format!("{}\n", made.join("\n")).into_bytes()),
    );
    if output.exists() {
        for carried in others(output)? {
            if tree.contains_key(&carried) {
                return Err(Error::usage(format!(
                    "{} was not made by `handout site`, and the new site has a file there; move it out of the folder",
                    output.join(&carried).display()
                )));
            }
            let from = output.join(&carried);
            tree.insert(carried, Content::Copy(from));
        }
        if holds_exactly(output, &tree) {
            return Ok(Published::Unchanged);
        }
    }
    let staging = sibling(output, "new");
    let _ = std::fs::remove_dir_all(&staging);
    if let Err(e) = write_tree(&staging, &tree) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if !output.exists() {
        return std::fs::rename(&staging, output)
            .map(|_| Published::Replaced)
            .map_err(|e| {
                let _ = std::fs::remove_dir_all(&staging);
                crate::output::folder_error(output, &e)
            });
    }
    let old = sibling(output, "old");
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(output, &old).map_err(|e| {
        let _ = std::fs::remove_dir_all(&staging);
        crate::output::folder_error(output, &e)
    })?;
    if let Err(e) = std::fs::rename(&staging, output) {
        // Put the old site back: the previous site stays published.
        let restored = std::fs::rename(&old, output);
        let _ = std::fs::remove_dir_all(&staging);
        let mut error = crate::output::folder_error(output, &e);
        if restored.is_err() {
            error = Error::internal(format!(
                "{error}; the previous site could not be put back and is in {}: rename it to {}",
                old.display(),
                output.display()
            ));
        }
        return Err(error);
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(Published::Replaced)
}

/// A hidden folder beside `output`: `.site.new`, `.site.old`, `.site.pdfs`.
pub fn sibling(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    crate::output::folder_of(output).join(format!(".{name}.{what}"))
}

/// One run at a time publishes into a folder: a second would share its staging
/// folder. The lock ends with the process, so a crash leaves none behind.
fn lock(output: &Path) -> Result<std::fs::File> {
    let path = sibling(output, "lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| crate::output::write_error(&path, &e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::usage(format!(
            "another `handout site` is publishing into {}; wait for it to finish",
            output.display()
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(crate::output::write_error(&path, &e)),
    }
}

/// After a crash between the two renames the site is in `.site.old` and `output` is
/// missing: put it back before anything else.
fn recover(output: &Path) -> Result<()> {
    let old = sibling(output, "old");
    if !output.exists() && old.is_dir() {
        std::fs::rename(&old, output).map_err(|e| crate::output::folder_error(output, &e))?;
    }
    Ok(())
}

/// The files of an existing site folder that no run made (none for an empty
/// folder). A folder with files and no manifest is refused.
fn others(output: &Path) -> Result<Vec<String>> {
    if !output.is_dir() {
        return Err(Error::usage(format!(
            "{} exists and is not a folder; give `-o` a folder for the site",
            output.display()
        )));
    }
    let mut on_disk = Vec::new();
    list(output, "", &mut on_disk).map_err(|e| crate::output::folder_error(output, &e))?;
    if on_disk.is_empty() {
        return Ok(on_disk);
    }
    let Ok(manifest) = std::fs::read_to_string(output.join(MANIFEST)) else {
        return Err(Error::usage(format!(
            "{} holds files and was not made by `handout site` (it has no {MANIFEST}); give `-o` a new or empty folder",
            output.display()
        )));
    };
    let made: std::collections::BTreeSet<&str> = manifest.lines().collect();
    Ok(on_disk
        .into_iter()
        .filter(|p| p != MANIFEST && !made.contains(p.as_str()))
        .collect())
}

/// Whether the folder `dir` holds exactly the files of `tree`, byte for byte.
fn holds_exactly(dir: &Path, tree: &Tree) -> bool {
    let mut on_disk = Vec::new();
    if list(dir, "", &mut on_disk).is_err() || on_disk.len() != tree.len() {
        return false;
    }
    on_disk.iter().all(|path| {
        let Some(content) = tree.get(path) else {
            return false;
        };
        let Ok(have) = std::fs::read(dir.join(path)) else {
            return false;
        };
        match content {
            Content::Bytes(b) => *b == have,
            Content::Link(f) | Content::Copy(f) => std::fs::read(f).is_ok_and(|b| b == have),
        }
    })
}

fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if entry.file_type()?.is_dir() {
            list(&entry.path(), &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Writes `tree` into the new folder `root` and flushes every file to disk.
fn write_tree(root: &Path, tree: &Tree) -> Result<()> {
    for (path, content) in tree {
        let target = root.join(path);
        let folder = crate::output::folder_of(&target);
        std::fs::create_dir_all(folder).map_err(|e| crate::output::folder_error(folder, &e))?;
        let written = match content {
            Content::Bytes(bytes) => std::fs::File::create(&target).and_then(|mut file| {
                std::io::Write::write_all(&mut file, bytes)?;
                file.sync_all()
            }),
            Content::Link(source) => {
                std::fs::hard_link(source, &target).or_else(|_| copy(source, &target))
            }
            Content::Copy(source) => copy(source, &target),
        };
        written.map_err(|e| crate::output::write_error(&target, &e))?;
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to)?;
    std::fs::File::open(to)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(page: &str) -> Tree {
        let mut t = Tree::new();
        t.insert("handout.css".into(), Content::Bytes(b"css".to_vec()));
        t.insert(
            "a/b/index.html".into(),
            Content::Bytes(page.as_bytes().to_vec()),
        );
        t
    }

    #[test]
    fn a_site_is_replaced_whole_and_an_unchanged_one_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        assert_eq!(publish(&out, tree("1")).unwrap(), Published::Replaced);
        assert_eq!(publish(&out, tree("1")).unwrap(), Published::Unchanged);
        let mut next = tree("2");
        next.insert("c.html".into(), Content::Bytes(b"c".to_vec()));
        assert_eq!(publish(&out, next).unwrap(), Published::Replaced);
        assert_eq!(
            std::fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "2"
        );
        assert_eq!(publish(&out, tree("2")).unwrap(), Published::Replaced);
        assert!(
            !out.join("c.html").exists(),
            "a page no longer made is gone"
        );
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".new") || n.ends_with(".old"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn files_the_site_did_not_make_are_carried_over_or_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        publish(&out, tree("1")).unwrap();
        std::fs::write(out.join("CNAME"), "handouts.example.org").unwrap();
        std::fs::create_dir_all(out.join(".well-known")).unwrap();
        std::fs::write(out.join(".well-known/security.txt"), "x").unwrap();
        assert_eq!(publish(&out, tree("2")).unwrap(), Published::Replaced);
        assert_eq!(
            std::fs::read_to_string(out.join("CNAME")).unwrap(),
            "handouts.example.org"
        );
        assert!(out.join(".well-known/security.txt").exists());
        // A file of the user's where the site now puts one: refused, kept.
        std::fs::write(out.join("c.html"), "mine").unwrap();
        let mut next = tree("3");
        next.insert("c.html".into(), Content::Bytes(b"c".to_vec()));
        assert!(publish(&out, next)
            .unwrap_err()
            .to_string()
            .contains("not made by"));
        assert_eq!(std::fs::read_to_string(out.join("c.html")).unwrap(), "mine");
        // A folder of other files, with no manifest, is never replaced.
        let mine = dir.path().join("mine");
        std::fs::create_dir_all(&mine).unwrap();
        std::fs::write(mine.join("notes.txt"), "mine").unwrap();
        let e = publish(&mine, tree("1")).unwrap_err();
        assert!(e.to_string().contains("was not made by"), "{e}");
        assert!(mine.join("notes.txt").exists());
    }

    #[test]
    fn a_link_to_the_web_root_publishes_into_the_web_root_and_a_crash_is_undone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("www");
        std::fs::create_dir_all(&root).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&root, &link).unwrap();
        publish(&link, tree("1")).unwrap();
        assert!(root.join("a/b/index.html").exists());
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        // A crash between the renames: the site is in `.www.old`, `www` is gone.
        std::fs::rename(&root, sibling(&root, "old")).unwrap();
        assert_eq!(publish(&root, tree("1")).unwrap(), Published::Unchanged);
        assert!(root.join("a/b/index.html").exists());
    }
}
