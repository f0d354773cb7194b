//! The PDFs a site offers: built by the batch (incrementally, into the build folder
//! beside the site), and named on a page in its language.

use crate::batch;
use crate::discover::Handout;
use crate::error::{Error, Result};
use crate::layout::{Imposition, PaperSize, PrintForm};
use crate::model::Document;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A PDF in the build folder.
pub struct Pdf {
    pub path: PathBuf,
    pub bytes: usize,
    pub pages: usize,
}

/// (handout, locale, form suffix) → its PDF.
pub type Pdfs = BTreeMap<(String, String, String), Pdf>;

/// Builds every PDF the pages offer into `dir` with the batch (incremental: a PDF
/// whose inputs did not change is not typeset again). Returns them, how many were
/// built and unchanged, and the checks' warnings.
pub fn build_pdfs(
    handouts: &[Handout],
    forms: &[PrintForm],
    opts: &super::Options,
    dir: &Path,
) -> Result<(Pdfs, (usize, usize), Vec<String>)> {
    let mut pdfs = Pdfs::new();
    let (mut built, mut unchanged) = (0, 0);
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for form in forms {
        let batch_opts = batch::Options {
            output: dir.to_path_buf(),
            limits: opts.limits,
            form: *form,
            jobs: opts.jobs,
            fail_fast: false,
            force: opts.force,
            shard: None,
        };
        let jobs = batch::plan(handouts, &[], &batch_opts)?;
        let outcomes = batch::run(&jobs, &batch_opts, &|_| {})?;
        for (job, o) in jobs.iter().zip(outcomes) {
            match o.status {
                batch::report::Status::Built => built += 1,
                batch::report::Status::Unchanged => unchanged += 1,
                _ => {}
            }
            warnings.extend(o.warnings.iter().cloned());
            match o.error {
                Some(e) => errors.push(e),
                None => {
                    pdfs.insert(
                        (job.handout.name.clone(), job.locale.clone(), form.suffix()),
                        Pdf {
                            path: job.output.clone(),
                            bytes: o.bytes,
                            pages: o.pages,
                        },
                    );
                }
            }
        }
    }
    // A text's finding repeats in each PDF of its version: once is enough.
    warnings.sort();
    warnings.dedup();
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok((pdfs, (built, unchanged), warnings)),
    }
}

/// A print form named on a page in its language: "A4", "Letter", "Großdruck (A4)".
pub fn form_label(form: &PrintForm, doc: &Document) -> String {
    let paper = match form.paper() {
        PaperSize::A4 => "A4",
        PaperSize::Letter => "Letter",
        PaperSize::A5 => "A5",
    };
    if form.large_print() {
        format!("{} ({paper})", doc.labels.large_print)
    } else {
        paper.to_string()
    }
}

/// Reads `--pdf` values: `a4`, `letter`, `a5`, each optionally `-large`.
pub fn parse_form(text: &str) -> std::result::Result<PrintForm, String> {
    let lower = text.trim().to_ascii_lowercase();
    let (paper, large) = match lower.strip_suffix("-large") {
        Some(p) => (p, true),
        None => (lower.as_str(), false),
    };
    let paper = match paper {
        "a4" => PaperSize::A4,
        "letter" => PaperSize::Letter,
        "a5" => PaperSize::A5,
        _ => {
            return Err(format!(
                "`{text}` is no PDF form of the site; use a4, letter, a5, a4-large, letter-large or a5-large"
            ))
        }
    };
    Ok(PrintForm::new(paper, large, Imposition::Single))
}
