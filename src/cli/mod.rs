//! Command line: turns arguments into work for the library, prints, picks the exit code.

mod check;
mod print;
mod site;
mod translators;

pub use translators::I18nCommand;

use crate::discover::{self, Handout};
use crate::error::{Error, Result};
use crate::layout::{Imposition, PaperSize, PrintForm};
use crate::model::Limits;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "handout",
    version,
    about = "Typesets YAML patient handouts into printable PDF leaflets"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build PDF leaflets: every handout and locale found under PATH.
    Build {
        /// A handout folder, a folder of handouts, or one .yaml file.
        #[arg(default_value = "handouts")]
        paths: Vec<PathBuf>,
        /// Build only these locales (repeat or separate with commas).
        #[arg(short, long = "locale", value_delimiter = ',')]
        locales: Vec<String>,
        /// Output folder; files are named <handout>.<locale>.pdf.
        #[arg(short, long, default_value = "out")]
        output: PathBuf,
        /// Largest accepted YAML file, in bytes.
        #[arg(long, default_value_t = Limits::default().max_bytes)]
        max_file_size: usize,
        /// Print nothing but errors.
        #[arg(short, long)]
        quiet: bool,
        /// Number of parallel workers (default: one per core).
        #[arg(short = 'j', long = "jobs")]
        jobs: Option<usize>,
        /// Write a JSON report (one entry per leaflet, plus totals).
        #[arg(long)]
        report: Option<PathBuf>,
        /// Write a JUnit XML report for CI systems.
        #[arg(long)]
        junit: Option<PathBuf>,
        /// Stop at the first failing leaflet (default: build all, report all failures).
        #[arg(long)]
        fail_fast: bool,
        /// Rebuild even leaflets whose inputs did not change.
        #[arg(long)]
        force: bool,
        /// Build only shard k of n (e.g. 2/4); every leaflet always lands in the same shard.
        #[arg(long)]
        shard: Option<crate::batch::Shard>,
        #[command(flatten)]
        form: FormArgs,
    },
    /// Check translations, readability, print guidelines and leftovers without
    /// building (every build runs the same checks).
    Check(check::CheckArgs),
    /// Rebuild what changed whenever a handout file is saved (Ctrl-C stops).
    Watch {
        #[arg(default_value = "handouts")]
        paths: Vec<PathBuf>,
        #[arg(short, long = "locale", value_delimiter = ',')]
        locales: Vec<String>,
        #[arg(short, long, default_value = "out")]
        output: PathBuf,
        /// How often to look for changes, in milliseconds.
        #[arg(long, default_value_t = 500)]
        interval: u64,
        #[command(flatten)]
        form: FormArgs,
    },
    /// Print the JSON Schema of handout source files (for editor completion).
    Schema {
        /// The schema of translation files instead.
        #[arg(long)]
        translation: bool,
    },
    /// Translator workflow: status, new locales, accepting updates, PO exchange.
    #[command(subcommand)]
    I18n(I18nCommand),
    /// Make the online versions the QR codes point to: a static web site with one
    /// page per handout and language, its PDFs, an index and a sitemap.
    Site(site::SiteArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `handout man > handout.1`.
    Man,
}

/// The print-form options of `build` and `watch`.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct FormArgs {
    /// Paper size (outputs for Letter and A5 are named <handout>.<locale>.letter.pdf…).
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    paper: Paper,
    /// Large print for readers with low vision (17 pt body; `.large` in the file name).
    #[arg(long)]
    large_print: bool,
    /// Page layout: one column, two balanced columns, or a tri-fold (a landscape
    /// sheet printed on both sides and folded in three; `.two-column`/`.trifold`
    /// in the file name).
    #[arg(long, value_enum, default_value_t = LayoutArg::Single)]
    layout: LayoutArg,
    /// Print fold lines in the margins of a tri-fold.
    #[arg(long)]
    fold_marks: bool,
}

impl FormArgs {
    /// The print form these options name; fold marks without a tri-fold are a usage error.
    pub fn form(self) -> Result<PrintForm> {
        let form = PrintForm::new(self.paper.into(), self.large_print, self.layout.into());
        if self.fold_marks {
            form.with_fold_marks()
        } else {
            Ok(form)
        }
    }
}

/// `--layout` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutArg {
    Single,
    TwoColumn,
    Trifold,
}

impl From<LayoutArg> for Imposition {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::Single => Imposition::Single,
            LayoutArg::TwoColumn => Imposition::TwoColumn,
            LayoutArg::Trifold => Imposition::TriFold,
        }
    }
}

/// `--paper` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    A4,
    Letter,
    A5,
}

impl From<Paper> for PaperSize {
    fn from(p: Paper) -> Self {
        match p {
            Paper::A4 => PaperSize::A4,
            Paper::Letter => PaperSize::Letter,
            Paper::A5 => PaperSize::A5,
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if let Command::Check(args) = cli.command {
        return match check::run(args) {
            Ok(failed) => i32::from(failed),
            Err(e) => {
                print::error(&e.to_string());
                e.kind.exit_code()
            }
        };
    }
    match execute(cli) {
        Ok(()) => 0,
        Err(e) => {
            print::error(&e.to_string());
            e.kind.exit_code()
        }
    }
}

fn execute(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Schema { translation } => {
            if translation {
                print::line(crate::i18n::schema_json());
            } else {
                print::line(crate::model::schema_json());
            }
            Ok(())
        }
        Command::I18n(cmd) => translators::run(cmd),
        Command::Site(args) => site::run(args),
        Command::Completions { shell } => site::completions(shell),
        Command::Man => site::man(),
        // Handled by `run`, which owns the exit code of findings.
        Command::Check(_) => Ok(()),
        Command::Watch {
            paths,
            locales,
            output,
            interval,
            form,
        } => watch(&paths, &locales, output, interval, form.form()?),
        Command::Build {
            paths,
            locales,
            output,
            max_file_size,
            quiet,
            jobs,
            report,
            junit,
            fail_fast,
            force,
            shard,
            form,
        } => {
            // Checked before anything is read or written.
            let form = form.form()?;
            let opts = crate::batch::Options {
                output,
                limits: Limits {
                    max_bytes: max_file_size,
                    ..Limits::default()
                },
                form,
                jobs,
                fail_fast,
                force,
                shard,
            };
            build_all(
                &paths,
                &locales,
                &opts,
                quiet,
                report.as_deref(),
                junit.as_deref(),
            )
        }
    }
}

fn build_all(
    paths: &[PathBuf],
    locales: &[String],
    opts: &crate::batch::Options,
    quiet: bool,
    report: Option<&Path>,
    junit: Option<&Path>,
) -> Result<()> {
    use crate::batch::{self, report::Status};
    use std::io::IsTerminal;
    let started = std::time::Instant::now();
    let mut handouts: Vec<Handout> = Vec::new();
    for p in paths {
        handouts.extend(discover::discover_with(p, opts.limits)?);
    }
    let jobs = batch::plan(&handouts, locales, opts)?;
    batch::check_output(&opts.output)?;
    for (path, flag) in [(report, "--report"), (junit, "--junit")] {
        if let Some(path) = path {
            batch::check_not_an_input(&handouts, path, flag)?;
        }
    }
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(jobs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(if jobs.len() == 1 {
                "{bar:30} {pos}/{len} leaflet {msg}"
            } else {
                "{bar:30} {pos}/{len} leaflets {msg}"
            })
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let progress = |o: &batch::report::Outcome| {
        if let Some(b) = &bar {
            b.set_message(format!("{}.{}", o.handout, o.locale));
            b.inc(1);
            for w in &o.warnings {
                b.println(format!("  {w}"));
            }
        } else if !quiet {
            let what = match o.status {
                Status::Built => "built",
                Status::Unchanged => "unchanged",
                Status::Failed | Status::Internal => "FAILED",
                Status::Skipped => "skipped",
            };
            if o.error.is_none() {
                print::line(format_args!(
                    "{what} {} ({}, {:.1} KB)",
                    o.output,
                    crate::error::count(o.pages, "page", "pages"),
                    o.bytes as f64 / 1024.0
                ));
            } else {
                print::line(format_args!("{what} {}", o.output));
            }
            for w in &o.warnings {
                print::line(format_args!("  {w}"));
            }
        }
    };
    let outcomes = batch::run(&jobs, opts, &progress)?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let rep = batch::report::Report::new(outcomes, started.elapsed().as_secs_f64() * 1000.0);
    if let Some(path) = report {
        crate::output::write_atomic(path, rep.to_json().as_bytes())?;
    }
    if let Some(path) = junit {
        crate::output::write_atomic(path, rep.to_junit().as_bytes())?;
    }
    if !quiet {
        let t = &rep.totals;
        print::line(format_args!(
            "{}: {} built, {} unchanged, {} failed{} in {:.0} ms",
            crate::error::count(t.leaflets, "leaflet", "leaflets"),
            t.built,
            t.unchanged,
            t.failed,
            if t.skipped > 0 {
                format!(", {} skipped", t.skipped)
            } else {
                String::new()
            },
            t.milliseconds
        ));
    }
    let errors: Vec<Error> = rep.leaflets.into_iter().filter_map(|o| o.error).collect();
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Modification times of every YAML file under `paths`.
fn snapshot(paths: &[PathBuf]) -> Vec<(PathBuf, Option<std::time::SystemTime>)> {
    fn walk(p: &Path, out: &mut Vec<(PathBuf, Option<std::time::SystemTime>)>) {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                for e in entries {
                    walk(&e, out);
                }
            }
        } else if p.extension().is_some_and(|x| {
            // Sources, translations, branding, and the images they show.
            ["yaml", "yml", "png", "jpg", "jpeg"]
                .iter()
                .any(|e| x.eq_ignore_ascii_case(e))
        }) {
            out.push((
                p.to_path_buf(),
                std::fs::metadata(p).and_then(|m| m.modified()).ok(),
            ));
        }
    }
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out);
    }
    out
}

/// Polls for changes and rebuilds (incrementally: only changed leaflets are built) in
/// print form `form`, as `build` would with the same options.
fn watch(
    paths: &[PathBuf],
    locales: &[String],
    output: PathBuf,
    interval: u64,
    form: PrintForm,
) -> Result<()> {
    let opts = crate::batch::Options {
        output,
        limits: Limits::default(),
        form,
        jobs: None,
        fail_fast: false,
        force: false,
        shard: None,
    };
    let mut last = None;
    print::line(format_args!(
        "watching {} (Ctrl-C to stop)",
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    loop {
        let now = snapshot(paths);
        if last.as_ref() != Some(&now) {
            if let Err(e) = build_all(paths, locales, &opts, false, None, None) {
                print::error(&e.to_string());
            }
            last = Some(now);
        }
        std::thread::sleep(std::time::Duration::from_millis(interval.max(50)));
    }
}
