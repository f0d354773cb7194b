//! Finding handouts on disk: a handout folder, a folder of handout folders, or one
//! file, each file's locale and whether it is the source or a translation.

#![warn(missing_docs)]

use crate::error::{Diagnostic, Error, Result};
use crate::model::{self, Limits};
use std::path::{Path, PathBuf};

/// One language file of a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFile {
    /// The language it is in (its `language:`; the file name when named after it).
    pub locale: String,
    /// Where it is.
    pub path: PathBuf,
}

/// A handout: its name and its language files (the source first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    /// The handout's name: its folder's (the PDFs are `<name>.<locale>.pdf`).
    pub name: String,
    /// Its folder.
    pub dir: PathBuf,
    /// The source file (the one with `sections:`).
    pub source: LocaleFile,
    /// The translation files (those with `entries:`).
    pub translations: Vec<LocaleFile>,
}

impl Handout {
    /// Every locale of the handout, the source's first.
    pub fn locales(&self) -> Vec<&str> {
        std::iter::once(self.source.locale.as_str())
            .chain(self.translations.iter().map(|t| t.locale.as_str()))
            .collect()
    }

    /// The folder holding this handout's folder: where the clinic's branding
    /// (`clinic.yaml` and its logo) lives.
    pub fn branding_dir(&self) -> &Path {
        self.dir.parent().unwrap_or(Path::new("."))
    }
}

/// A YAML file's locale and whether it is a translation (a top-level `entries:`).
///
/// The locale is the language the file says it is in (`language:`), so a file not
/// named after its language (`leaflet.yaml`) still gives `leaflet.en.pdf`, never
/// `leaflet.leaflet.pdf`. A file named like a language tag keeps that name as its
/// locale: if `language:` disagrees, loading it says so, for sources and
/// translations alike (`localize`, `i18n::apply`), rather than printing a leaflet
/// under the wrong language's name. Reading is bounded by the size limit.
fn examine(path: &Path, limits: Limits) -> Result<(LocaleFile, bool)> {
    let bytes = crate::model::load::read_bounded(path, limits)?;
    let probe = crate::model::probe::probe_bytes(&bytes);
    let stem = stem(path);
    // A `language:` that is no tag (it could hold a path) never names a file; the
    // loader reports it.
    let locale = match probe.language {
        Some((language, _))
            if !model::looks_like_language(&stem) && model::looks_like_language(&language) =>
        {
            language
        }
        _ => stem,
    };
    let file = LocaleFile {
        locale,
        path: path.to_path_buf(),
    };
    Ok((file, probe.translation))
}

fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read folder", dir, &e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        // The clinic's branding file sits beside the handout folders; it is no handout.
        .filter(|p| p.file_name().is_none_or(|n| n != "clinic.yaml"))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Finds the handouts at `path` (with the default size limit).
pub fn discover(path: &Path) -> Result<Vec<Handout>> {
    discover_with(path, Limits::default())
}

/// Finds the handouts at `path`: a handout folder, a folder of handout folders, or one
/// file; no file over `limits` is read past the limit.
pub fn discover_with(path: &Path, limits: Limits) -> Result<Vec<Handout>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    if meta.is_file() {
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let (source, _) = examine(path, limits)?;
        // `handouts/ketamine/en.yaml` is the ketamine handout, as when its folder is
        // built; a file not named after a language names its handout itself.
        let stem = stem(path);
        let name = if model::looks_like_language(&stem) {
            dir.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(stem)
        } else {
            stem
        };
        return Ok(vec![Handout {
            name,
            dir,
            source,
            translations: Vec::new(),
        }]);
    }
    let files = yaml_files(path)?;
    if !files.is_empty() {
        return handout_in(path, files, limits).map(|h| vec![h]);
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io("read folder", path, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for d in dirs {
        let files = yaml_files(&d)?;
        if !files.is_empty() {
            out.push(handout_in(&d, files, limits)?);
        }
    }
    if out.is_empty() {
        return Err(Error::input(
            Diagnostic::new(format!("no handouts found in {}", path.display()))
                .file(path)
                .help("a handout is a folder with one <locale>.yaml per language, e.g. handouts/ketamine/en.yaml"),
        ));
    }
    Ok(out)
}

fn handout_in(dir: &Path, files: Vec<PathBuf>, limits: Limits) -> Result<Handout> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "handout".into());
    let mut translations = Vec::new();
    let mut sources = Vec::new();
    for path in files {
        let (file, translation) = examine(&path, limits)?;
        if let Some(other) = sources
            .iter()
            .chain(&translations)
            .find(|f: &&LocaleFile| f.locale == file.locale)
        {
            return Err(Error::input(
                Diagnostic::new(format!(
                    "handout `{name}` has two files for `{}`: {} and {}",
                    crate::error::quote(&file.locale),
                    file_name(&other.path),
                    file_name(&file.path)
                ))
                .file(dir)
                .help("keep one file per language; both would be written to the same PDF"),
            ));
        }
        if translation {
            translations.push(file);
        } else {
            sources.push(file);
        }
    }
    let source = match sources.len() {
        1 => sources.remove(0),
        0 => {
            return Err(Error::input(
                Diagnostic::new(format!(
                    "handout `{name}` has no source file, only translations"
                ))
                .file(dir)
                .help("add the source language file (the one with `sections:`), e.g. en.yaml"),
            ))
        }
        n => {
            return Err(Error::input(
                Diagnostic::new(format!(
                    "handout `{name}` has {n} source files ({}); it must have exactly one",
                    sources
                        .iter()
                        .map(|f| stem(&f.path))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .file(dir)
                .help("keep one source file; translations list their texts under `entries:`"),
            ))
        }
    };
    Ok(Handout {
        name,
        dir: dir.to_path_buf(),
        source,
        translations,
    })
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
