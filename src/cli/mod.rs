//! Command line: turns arguments into work for the library, prints, picks the exit code.

use crate::build::{self, Handout};
use crate::error::{Error, Result};
use crate::layout::Style;
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
}

#[derive(Subcommand, Debug)]
pub enum I18nCommand {
    /// Table of every handout × locale: translated, missing, stale, draft/reviewed.
    Status {
        #[arg(default_value = "handouts")]
        path: PathBuf,
        /// Machine-readable output for CI.
        #[arg(long)]
        json: bool,
    },
    /// Create <locale>.yaml in a handout folder with every entry to translate.
    Init {
        path: PathBuf,
        #[arg(short, long)]
        locale: String,
    },
    /// Mark updated translations as current (after the source text changed).
    Accept {
        path: PathBuf,
        #[arg(short, long)]
        locale: String,
        /// Only these entries (repeatable); default: every stale entry.
        #[arg(long = "entry")]
        entries: Vec<String>,
    },
    /// Export a locale as a gettext PO file for translation tools.
    Export {
        path: PathBuf,
        #[arg(short, long)]
        locale: String,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Import a PO file into a locale (entries not marked fuzzy become current).
    Import {
        path: PathBuf,
        #[arg(short, long)]
        locale: String,
        /// The PO file.
        file: PathBuf,
    },
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
    match execute(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprint!("{e}");
            e.kind.exit_code()
        }
    }
}

fn execute(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Schema { translation } => {
            if translation {
                println!("{}", crate::i18n::schema_json());
            } else {
                println!("{}", crate::model::schema_json());
            }
            Ok(())
        }
        Command::I18n(cmd) => i18n(cmd),
        Command::Build {
            paths,
            locales,
            output,
            max_file_size,
            quiet,
        } => {
            let limits = Limits {
                max_bytes: max_file_size,
                ..Limits::default()
            };
            build_all(&paths, &locales, &output, limits, quiet)
        }
    }
}

fn build_all(
    paths: &[PathBuf],
    locales: &[String],
    output: &Path,
    limits: Limits,
    quiet: bool,
) -> Result<()> {
    let mut handouts: Vec<Handout> = Vec::new();
    for p in paths {
        handouts.extend(build::discover(p)?);
    }
    let jobs = plan(&handouts, locales)?;
    prepare_output(output)?;
    let mut errors = Vec::new();
    for (h, locale) in jobs {
        let file = output.join(format!("{}.{locale}.pdf", h.name));
        let result = build::load(h, &locale, limits)
            .and_then(|doc| build::build(&doc, &Style::default()))
            .and_then(|built| build::write_atomic(&file, &built.pdf).map(|_| built));
        match result {
            Ok(built) => {
                if !quiet {
                    println!(
                        "built {} ({} page{}, {:.1} KB)",
                        file.display(),
                        built.pages,
                        if built.pages == 1 { "" } else { "s" },
                        built.pdf.len() as f64 / 1024.0
                    );
                }
            }
            Err(e) => errors.push(e),
        }
    }
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Every (handout, locale) pair to build; an unknown requested locale is a usage error.
fn plan<'a>(handouts: &'a [Handout], locales: &[String]) -> Result<Vec<(&'a Handout, String)>> {
    let mut jobs = Vec::new();
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
    for h in handouts {
        for l in h.locales() {
            if locales.is_empty() || locales.iter().any(|w| w == l) {
                jobs.push((h, l.to_string()));
            }
        }
    }
    Ok(jobs)
}

fn prepare_output(output: &Path) -> Result<()> {
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
    std::fs::create_dir_all(output).map_err(|e| Error::io("create the output folder", output, &e))
}

/// The one handout at `path` (a handout folder).
fn one_handout(path: &Path) -> Result<Handout> {
    let mut hs = build::discover(path)?;
    if hs.len() != 1 {
        return Err(Error::usage(format!(
            "{} holds {} handouts; give one handout folder, e.g. handouts/ketamine",
            path.display(),
            hs.len()
        )));
    }
    Ok(hs.remove(0))
}

fn i18n(cmd: I18nCommand) -> Result<()> {
    use crate::i18n;
    let limits = Limits::default();
    match cmd {
        I18nCommand::Status { path, json } => {
            let mut rows = Vec::new();
            for h in build::discover(&path)? {
                rows.extend(i18n::status(&h, limits)?);
            }
            if json {
                let text = serde_json::to_string_pretty(&rows)
                    .map_err(|e| Error::internal(e.to_string()))?;
                println!("{text}");
            } else {
                println!(
                    "{:<16} {:<8} {:>10} {:>8} {:>6} {:>8}  {:<9} ready",
                    "handout", "locale", "translated", "missing", "stale", "obsolete", "review"
                );
                for r in rows {
                    println!(
                        "{:<16} {:<8} {:>10} {:>8} {:>6} {:>8}  {:<9} {}",
                        r.handout,
                        r.locale,
                        format!("{}/{}", r.translated, r.total),
                        r.missing.len(),
                        r.stale.len(),
                        r.obsolete.len(),
                        r.review,
                        if r.ready { "yes" } else { "no" }
                    );
                    for id in &r.stale {
                        println!("    stale:   {id}");
                    }
                    for id in &r.missing {
                        println!("    missing: {id}");
                    }
                }
            }
            Ok(())
        }
        I18nCommand::Init { path, locale } => {
            let created = i18n::init(&one_handout(&path)?, &locale, limits)?;
            println!(
                "created {}: translate every `text`, then build with -l {locale}",
                created.display()
            );
            Ok(())
        }
        I18nCommand::Accept {
            path,
            locale,
            entries,
        } => {
            let updated = i18n::accept(&one_handout(&path)?, &locale, &entries, limits)?;
            if updated.is_empty() {
                println!("nothing was stale");
            }
            for id in updated {
                println!("accepted {id}");
            }
            Ok(())
        }
        I18nCommand::Export {
            path,
            locale,
            output,
        } => {
            let h = one_handout(&path)?;
            let lf = h
                .translations
                .iter()
                .find(|t| t.locale == locale)
                .ok_or_else(|| i18n::unknown_locale(&h, &locale))?;
            let doc = crate::model::load_source(&h.source.path, &h.name, limits)?;
            let (tf, _, _) = i18n::load(&lf.path, limits)?;
            let po = i18n::po::export(&doc, &tf);
            match output {
                Some(file) => build::write_atomic(&file, po.as_bytes())?,
                None => print!("{po}"),
            }
            Ok(())
        }
        I18nCommand::Import { path, locale, file } => {
            let h = one_handout(&path)?;
            let lf = h
                .translations
                .iter()
                .find(|t| t.locale == locale)
                .ok_or_else(|| i18n::unknown_locale(&h, &locale))?;
            let doc = crate::model::load_source(&h.source.path, &h.name, limits)?;
            let (mut tf, _, _) = i18n::load(&lf.path, limits)?;
            let po = std::fs::read_to_string(&file).map_err(|e| Error::io("read", &file, &e))?;
            let n = i18n::po::import(&file, &po, &mut tf)?;
            let order: Vec<String> = doc.texts().iter().map(|t| t.id.clone()).collect();
            build::write_atomic(&lf.path, i18n::file::render(&tf, &order).as_bytes())?;
            println!("imported {n} entries into {}", lf.path.display());
            Ok(())
        }
    }
}
