//! Batch builds: every handout × locale, in parallel, sharded, incremental, reported.
//!
//! Each leaflet is built independently (one failure never stops or corrupts the
//! others) and written atomically; the output bytes do not depend on the number of
//! workers, because nothing a leaflet's layout reads is shared mutable state.

pub(crate) mod cache;
pub mod checks;
pub(crate) mod report;

use crate::build;
use crate::discover::Handout;
use crate::error::{Error, Result};
use crate::layout::PrintForm;
use crate::model::Limits;
use rayon::prelude::*;
use report::{Outcome, Status};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// One leaflet to build.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    pub handout: &'a Handout,
    pub locale: String,
    pub output: PathBuf,
}

impl Job<'_> {
    /// Stable name of the leaflet, `handout/locale`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.handout.name, self.locale)
    }
}

/// `k/n`: this run builds shard `k` (1-based) of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or("write the shard as k/n, e.g. 2/4")?;
        let index: usize = k.trim().parse().map_err(|_| "k in k/n must be a number")?;
        let count: usize = n.trim().parse().map_err(|_| "n in k/n must be a number")?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: k must be between 1 and n"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether `key` belongs to this shard: decided by a hash of the key alone, so a
    /// leaflet stays in its shard when others are added or removed.
    pub fn contains(&self, key: &str) -> bool {
        let digest = Sha256::digest(key.as_bytes());
        let n = u64::from_be_bytes([
            digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
        ]);
        (n % self.count as u64) as usize == self.index - 1
    }
}

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct Options {
    pub output: PathBuf,
    pub limits: Limits,
    /// The print form: the leaflets' style and geometry, output names and cache key.
    pub form: PrintForm,
    pub jobs: Option<usize>,
    pub fail_fast: bool,
    pub force: bool,
    pub shard: Option<Shard>,
}

/// Every (handout, locale) pair to build, in a stable order.
pub fn plan<'a>(
    handouts: &'a [Handout],
    locales: &[String],
    opts: &Options,
) -> Result<Vec<Job<'a>>> {
    for wanted in locales {
        if !handouts
            .iter()
            .any(|h| h.locales().contains(&wanted.as_str()))
        {
            let mut all: Vec<&str> = handouts.iter().flat_map(|h| h.locales()).collect();
            all.sort();
            all.dedup();
            return Err(Error::usage(format!(
                "unknown locale `{wanted}`; the locales that exist are: {}",
                all.join(", ")
            )));
        }
    }
    let suffix = opts.form.suffix();
    let mut jobs = Vec::new();
    for h in handouts {
        for l in h.locales() {
            if locales.is_empty() || locales.iter().any(|w| w == l) {
                jobs.push(Job {
                    handout: h,
                    locale: l.to_string(),
                    output: opts.output.join(format!("{}.{l}{suffix}.pdf", h.name)),
                });
            }
        }
    }
    // Two handouts with the same folder name would write the same PDF.
    let mut seen: std::collections::BTreeMap<&Path, &Path> = std::collections::BTreeMap::new();
    for j in &jobs {
        if let Some(first) = seen.insert(&j.output, &j.handout.dir) {
            if first != j.handout.dir.as_path() {
                return Err(Error::input(
                    crate::error::Diagnostic::new(format!(
                        "handouts {} and {} would both be written to {}",
                        first.display(),
                        j.handout.dir.display(),
                        j.output.display()
                    ))
                    .help("rename one of the folders, or build them into different output folders"),
                ));
            }
        }
    }
    if let Some(shard) = opts.shard {
        jobs.retain(|j| shard.contains(&j.key()));
    }
    Ok(jobs)
}

/// Source documents, parsed once per handout and shared by its locales.
type Sources = std::collections::HashMap<PathBuf, OnceLock<Result<crate::model::Document>>>;

/// Clinic branding (with its decoded logo), loaded once per handouts folder.
type Brandings =
    std::collections::HashMap<PathBuf, OnceLock<Result<crate::model::clinic::Branding>>>;

/// Builds one leaflet, turning a panic into an internal error for that leaflet. A
/// new PDF comes back staged: written beside its destination, not yet flushed or
/// renamed (see `run`).
fn build_one(
    job: &Job,
    opts: &Options,
    cache: &cache::Cache,
    sources: &Sources,
    brandings: &Brandings,
) -> (Outcome, Option<crate::output::Staged>) {
    let started = Instant::now();
    let key = job.key();
    type Built = (
        Status,
        usize,
        usize,
        String,
        Option<crate::output::Staged>,
        Vec<String>,
    );
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<Built> {
        let fingerprint = cache::input_fingerprint(job, opts)?;
        if !opts.force {
            if let Some(hit) = cache.fresh(&job.output, &fingerprint) {
                return Ok((
                    Status::Unchanged,
                    hit.bytes.len(),
                    hit.pages,
                    hit.sha256,
                    None,
                    hit.warnings,
                ));
            }
        }
        let path = &job.handout.source.path;
        let load = || crate::model::load_source(path, &job.handout.name, opts.limits);
        let source = match sources.get(path) {
            Some(cell) => cell.get_or_init(load).clone()?,
            None => load()?,
        };
        let root = job.handout.branding_dir();
        let load_brand = || crate::model::clinic::load_branding(root, opts.limits);
        let branding = match brandings.get(root) {
            Some(cell) => cell.get_or_init(load_brand).clone()?,
            None => load_brand()?,
        };
        let built = build::leaflet(
            job.handout,
            source,
            &job.locale,
            &opts.form,
            &branding,
            opts.limits,
        )?;
        // Output is reproducible, so a forced rebuild often gives the bytes
        // already there: then the file is left alone.
        let staged = if crate::output::holds(&job.output, &built.pdf) {
            None
        } else {
            Some(crate::output::stage(&job.output, &built.pdf)?)
        };
        let sha = cache::sha256_hex(&built.pdf);
        let warnings: Vec<String> = built
            .findings
            .iter()
            .filter(|f| f.severity >= crate::check::Severity::Warning)
            .map(|f| f.one_line())
            .collect();
        cache.record(
            &job.output,
            &fingerprint,
            &sha,
            built.pages,
            built.images,
            &warnings,
        );
        Ok((
            Status::Built,
            built.pdf.len(),
            built.pages,
            sha,
            staged,
            warnings,
        ))
    }));
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(Ok((status, bytes, pages, sha, staged, warnings))) => {
            let mut o = Outcome::ok(job, status, bytes, sha, pages, elapsed);
            o.warnings = warnings;
            (o, staged)
        }
        Ok(Err(e)) => (Outcome::failed(job, Status::Failed, e, elapsed), None),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let e = Error::internal(format!(
                "internal error while building {key} ({}): {what}; please report this with the input file",
                job.handout.source.path.display()
            ));
            (Outcome::failed(job, Status::Internal, e, elapsed), None)
        }
    }
}

/// Builds every job, calling `progress` after each; returns the outcomes in job order.
pub fn run(
    jobs: &[Job],
    opts: &Options,
    progress: &(dyn Fn(&Outcome) + Sync),
) -> Result<Vec<Outcome>> {
    std::fs::create_dir_all(&opts.output)
        .map_err(|e| crate::output::folder_error(&opts.output, &e))?;
    crate::output::check_writable(&opts.output)?;
    crate::output::remove_stale(&opts.output, crate::output::STALE_AFTER);
    let cache = cache::Cache::open(&opts.output);
    let brandings: Brandings = jobs
        .iter()
        .map(|j| (j.handout.branding_dir().to_path_buf(), OnceLock::new()))
        .collect();
    let sources: Sources = jobs
        .iter()
        .map(|j| (j.handout.source.path.clone(), OnceLock::new()))
        .collect();
    let stop = AtomicBool::new(false);
    let one = |job: &Job| {
        if stop.load(Ordering::Relaxed) {
            return (Outcome::skipped(job), None);
        }
        let (o, staged) = build_one(job, opts, &cache, &sources, &brandings);
        if opts.fail_fast && o.error.is_some() {
            stop.store(true, Ordering::Relaxed);
        }
        progress(&o);
        (o, staged)
    };
    let work = || jobs.par_iter().map(one).collect::<Vec<_>>();
    let results = match opts.jobs {
        // One leaflet, or one worker asked for: no thread pool to start.
        n if jobs.len() <= 1 || n.is_some_and(|n| n <= 1) => jobs.iter().map(one).collect(),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| Error::internal(format!("cannot start {n} workers: {e}")))?
            .install(work),
        None => work(),
    };
    // New PDFs are flushed to disk together, then renamed into place: until then
    // each previous PDF stays as it was, and if the flush fails none is replaced.
    let (mut outcomes, staged): (Vec<Outcome>, Vec<_>) = results.into_iter().unzip();
    let staged: Vec<(usize, crate::output::Staged)> = staged
        .into_iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    let files: Vec<&crate::output::Staged> = staged.iter().map(|(_, s)| s).collect();
    if let Err(e) = crate::output::flush(&opts.output, &files) {
        staged.into_iter().for_each(|(_, s)| s.discard());
        return Err(e);
    }
    for (i, s) in staged {
        if let Err(e) = s.publish() {
            let ms = outcomes[i].milliseconds;
            outcomes[i] = Outcome::failed(&jobs[i], Status::Failed, e, ms);
        }
    }
    cache.save(&opts.output);
    Ok(outcomes)
}

/// The output folder must be a folder (or not exist yet).
pub fn check_output(output: &Path) -> Result<()> {
    if output.exists() && !output.is_dir() {
        return Err(Error::input(
            crate::error::Diagnostic::new(format!(
                "the output path {} is a file, not a folder",
                output.display()
            ))
            .file(output)
            .help("choose another output folder with -o"),
        ));
    }
    Ok(())
}

/// A report written to `path` (given with `flag`) must not replace a handout file.
pub fn check_not_an_input(handouts: &[Handout], path: &Path, flag: &str) -> Result<()> {
    let Ok(target) = path.canonicalize() else {
        return Ok(()); // does not exist yet, so it is no input
    };
    let clinic = handouts
        .iter()
        .map(|h| h.branding_dir().join("clinic.yaml"));
    let mut inputs = handouts
        .iter()
        .flat_map(|h| std::iter::once(&h.source).chain(&h.translations))
        .map(|f| f.path.clone())
        .chain(clinic);
    if inputs.any(|p| p.canonicalize().is_ok_and(|p| p == target)) {
        return Err(Error::new(
            crate::error::ErrorKind::Usage,
            crate::error::Diagnostic::new(format!(
                "{flag} {} would overwrite an input file",
                path.display()
            ))
            .file(path)
            .help(format!("give {flag} a new file name, e.g. report.json")),
        ));
    }
    Ok(())
}
