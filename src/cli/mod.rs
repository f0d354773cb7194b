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
    Schema,
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
        Command::Schema => {
            println!("{}", crate::model::schema_json());
            Ok(())
        }
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
