//! Incremental builds: a leaflet whose inputs (source and translation files, program
//! build and version with its fonts, options) are unchanged, and whose PDF is still the one we
//! wrote, is not rebuilt. The record lives in `<output>/.handout-cache.json`.

use super::{Job, Options};
use crate::error::Result;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

const FILE: &str = ".handout-cache.json";

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Record {
    inputs: String,
    sha256: String,
    pages: usize,
    /// Image files the leaflet shows (they live outside the YAML): path and digest.
    #[serde(default)]
    images: Vec<(std::path::PathBuf, String)>,
    /// What the checks warned of, and the day they ran: an unchanged leaflet reports
    /// the same warnings as when it was built (a report does not depend on whether the
    /// run was warm), and only on that day, as the checks of revision and review age
    /// depend on the date.
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    checked_on: String,
}

/// A still-valid earlier build.
pub struct Hit {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub sha256: String,
    pub warnings: Vec<String>,
}

pub struct Cache {
    records: Mutex<BTreeMap<String, Record>>,
    changed: std::sync::atomic::AtomicBool,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The program's identity: version, the executable's length and time, and for each
/// shipped font, its length and table
/// directory (tag, checksum, offset and length of every table) if compiled in, or its
/// length and modification time if in the fonts folder, so a swapped font file is
/// noticed without reading the fonts themselves.
fn program_identity() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        use crate::text::fonts::catalog::{Origin, SHIPPED};
        let mut h = Sha256::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        // The executable's length and modification time: a rebuilt program of the same
        // version (a developer's, or a clinic's patched one) rebuilds every leaflet
        // instead of calling the old ones unchanged.
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        h.update(format!("{exe:?}").as_bytes());
        let folder = crate::text::fonts::folder::shipped_folder().ok();
        h.update(format!("{folder:?}").as_bytes());
        for entry in SHIPPED {
            match entry.origin {
                Origin::Builtin(d) => {
                    h.update(d.len().to_le_bytes());
                    let tables = d
                        .get(4..6)
                        .map_or(0, |n| usize::from(n[0]) << 8 | usize::from(n[1]));
                    h.update(&d[..d.len().min(12 + 16 * tables)]);
                }
                Origin::Folder(file, _) => {
                    let stat = folder.and_then(|f| std::fs::metadata(f.join(file)).ok());
                    let stamp = stat.map(|m| (m.len(), m.modified().ok()));
                    h.update(format!("{file}{stamp:?}").as_bytes());
                }
            }
        }
        hex(&h.finalize())
    })
}

/// Feeds a derived [`std::hash::Hash`] into the digest: the print form's part of the
/// key is its own fields (the style and geometry are functions of it), whatever
/// their Debug text says. (A compiler that encoded the fields differently would
/// only cost one rebuild.)
struct Feed<'a>(&'a mut Sha256);

impl std::hash::Hasher for Feed<'_> {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        // Only `write` is used: the digest is read from the Sha256 itself.
        0
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Digest of everything the leaflet's bytes depend on.
pub fn input_fingerprint(job: &Job, opts: &Options) -> Result<String> {
    let mut h = Sha256::new();
    h.update(program_identity().as_bytes());
    std::hash::Hash::hash(&opts.form, &mut Feed(&mut h));
    h.update(format!("{:?}", opts.limits).as_bytes());
    h.update(job.locale.as_bytes());
    let branding = job.handout.branding_dir().join("clinic.yaml");
    let mut files = vec![&job.handout.source.path];
    if branding.is_file() {
        files.push(&branding);
    }
    files.extend(
        job.handout
            .translations
            .iter()
            .filter(|t| t.locale == job.locale)
            .map(|t| &t.path),
    );
    clinic_fonts_stamp(job.handout.branding_dir(), &mut h);
    for f in files {
        // Bounded like every read of an input: a huge clinic.yaml (which discovery
        // does not look at) is refused here without being read.
        let bytes = crate::model::load::read_bounded(f, opts.limits)?;
        h.update(bytes.len().to_le_bytes());
        h.update(&bytes);
    }
    Ok(hex(&h.finalize()))
}

/// Length and modification time of every font file in the clinic's folder (the ones
/// clinic.yaml can name), without reading them: a replaced house font rebuilds.
fn clinic_fonts_stamp(dir: &Path, h: &mut Sha256) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut stamps: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_ascii_lowercase();
            name.ends_with(".ttf") || name.ends_with(".otf")
        })
        .filter_map(|e| {
            let m = e.metadata().ok()?;
            Some(format!(
                "{:?}{}{:?}",
                e.file_name(),
                m.len(),
                m.modified().ok()
            ))
        })
        .collect();
    stamps.sort();
    for s in stamps {
        h.update(s.as_bytes());
    }
}

fn key(output: &Path) -> String {
    output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Cache {
    pub fn open(dir: &Path) -> Cache {
        let records = std::fs::read(dir.join(FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Cache {
            records: Mutex::new(records),
            changed: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The earlier build of `output` if its inputs are `inputs` and the file on disk
    /// is still the one recorded.
    pub fn fresh(&self, output: &Path, inputs: &str) -> Option<Hit> {
        let rec = self.records.lock().ok()?.get(&key(output)).cloned()?;
        if rec.inputs != inputs || rec.checked_on != crate::check::today() {
            return None;
        }
        for (path, digest) in &rec.images {
            let bytes = std::fs::read(path).ok()?;
            if crate::images::digest(&bytes) != *digest {
                return None;
            }
        }
        let bytes = std::fs::read(output).ok()?;
        (sha256_hex(&bytes) == rec.sha256).then_some(Hit {
            bytes,
            pages: rec.pages,
            sha256: rec.sha256,
            warnings: rec.warnings,
        })
    }

    pub fn record(
        &self,
        output: &Path,
        inputs: &str,
        sha256: &str,
        pages: usize,
        images: Vec<(std::path::PathBuf, String)>,
        warnings: &[String],
    ) {
        self.changed
            .store(true, std::sync::atomic::Ordering::Relaxed);
        if let Ok(mut r) = self.records.lock() {
            r.insert(
                key(output),
                Record {
                    inputs: inputs.to_string(),
                    sha256: sha256.to_string(),
                    pages,
                    images,
                    warnings: warnings.to_vec(),
                    checked_on: crate::check::today().to_string(),
                },
            );
        }
    }

    /// Writes the record (best effort: a missing record only costs a rebuild). It is
    /// not flushed to disk: after a crash a lost or damaged record is read as empty.
    pub fn save(&self, dir: &Path) {
        if !self.changed.load(std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        if let Ok(r) = self.records.lock() {
            if let Ok(json) = serde_json::to_vec_pretty(&*r) {
                let _ = crate::output::stage(&dir.join(FILE), &json)
                    .and_then(crate::output::Staged::publish);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::PrintForm;

    fn key(form: &PrintForm) -> String {
        let mut h = Sha256::new();
        std::hash::Hash::hash(form, &mut Feed(&mut h));
        hex(&h.finalize())
    }

    #[test]
    fn every_print_form_has_its_own_key() {
        let mut keys = std::collections::BTreeSet::new();
        let mut forms = 0;
        for form in PrintForm::all() {
            assert_eq!(key(&form), key(&form));
            keys.insert(key(&form));
            forms += 1;
            if let Ok(marked) = form.with_fold_marks() {
                keys.insert(key(&marked));
                forms += 1;
            }
        }
        assert_eq!((forms, keys.len()), (24, 24));
    }
}
