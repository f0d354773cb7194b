//! Publishing the site atomically: the new site is written in full to a folder
//! beside the old one, flushed, and only then swapped in with two renames. A failed
//! run (a leaflet that does not build, a full disk) leaves the previous site as it
//! was; a run that changes nothing leaves it untouched, timestamps included.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A file of the new site.
pub enum Content {
    /// Bytes made by this run (HTML, CSS, the sitemap).
    Bytes(Vec<u8>),
    /// A file that exists already (a PDF from the build folder, an image): hard
    /// linked into the site where the file system allows, else copied.
    File(PathBuf),
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

/// The first line of the stylesheet: marks a folder as a site this program made, so
/// that it never replaces a folder of other files (`-o .`, `-o handouts`).
pub const MARK: &str = "/* made by handout site */";

/// Replaces the site at `output` with `tree`.
pub fn publish(output: &Path, tree: &Tree, stylesheet: &str) -> Result<Published> {
    if output.exists() {
        refuse_foreign(output, stylesheet)?;
        if holds_exactly(output, tree) {
            return Ok(Published::Unchanged);
        }
    }
    let staging = sibling(output, "new");
    let _ = std::fs::remove_dir_all(&staging);
    let written = write_tree(&staging, tree);
    if let Err(e) = written {
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
        let _ = std::fs::rename(&old, output);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(crate::output::folder_error(output, &e));
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

/// An existing `output` must be an earlier site (its stylesheet carries [`MARK`]) or
/// an empty folder.
fn refuse_foreign(output: &Path, stylesheet: &str) -> Result<()> {
    if !output.is_dir() {
        return Err(Error::usage(format!(
            "{} exists and is not a folder; give `-o` a folder for the site",
            output.display()
        )));
    }
    let empty = std::fs::read_dir(output)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    let ours =
        std::fs::read_to_string(output.join(stylesheet)).is_ok_and(|css| css.starts_with(MARK));
    if empty || ours {
        return Ok(());
    }
    Err(Error::usage(format!(
        "{} holds files that `handout site` did not make; it replaces the whole folder, so give `-o` a new or empty folder (or an earlier site)",
        output.display()
    )))
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
            Content::File(f) => std::fs::read(f).is_ok_and(|b| b == have),
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
        match content {
            Content::Bytes(bytes) => {
                let mut file = std::fs::File::create(&target)
                    .map_err(|e| crate::output::write_error(&target, &e))?;
                std::io::Write::write_all(&mut file, bytes)
                    .and_then(|_| file.sync_all())
                    .map_err(|e| crate::output::write_error(&target, &e))?;
            }
            Content::File(source) => {
                // The build folder's PDFs are already on disk and are replaced by
                // rename, never rewritten in place: a link stays the published bytes.
                if std::fs::hard_link(source, &target).is_err() {
                    std::fs::copy(source, &target)
                        .and_then(|_| std::fs::File::open(&target)?.sync_all())
                        .map_err(|e| crate::output::write_error(&target, &e))?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(css: &str, page: &str) -> Tree {
        let mut t = Tree::new();
        t.insert(
            "handout.css".into(),
            Content::Bytes(format!("{MARK}\n{css}").into_bytes()),
        );
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
        assert_eq!(
            publish(&out, &tree("x", "1"), "handout.css").unwrap(),
            Published::Replaced
        );
        assert_eq!(
            publish(&out, &tree("x", "1"), "handout.css").unwrap(),
            Published::Unchanged
        );
        let mut next = tree("x", "2");
        next.insert("c.html".into(), Content::Bytes(b"c".to_vec()));
        assert_eq!(
            publish(&out, &next, "handout.css").unwrap(),
            Published::Replaced
        );
        assert_eq!(
            std::fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "2"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(
            leftovers.len(),
            1,
            "no staging or old folder is left behind"
        );
    }

    #[test]
    fn a_folder_of_other_files_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let e = publish(dir.path(), &tree("x", "1"), "handout.css").unwrap_err();
        assert!(e.to_string().contains("did not make"), "{e}");
        assert!(dir.path().join("notes.txt").exists());
    }
}
