//! `handout site`, `handout completions` and `handout man`: publishing and
//! installing.

use super::print;
use crate::error::{Error, Result};
use crate::layout::PrintForm;
use crate::model::Limits;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SiteArgs {
    /// A handout folder, a folder of handouts, or one .yaml file.
    #[arg(default_value = "handouts")]
    paths: Vec<PathBuf>,
    /// The site's folder, replaced as a whole when the new site is complete (its
    /// PDFs are built in `.<folder>.pdfs` beside it, kept for the next run).
    #[arg(short, long, default_value = "site")]
    output: PathBuf,
    /// The address the site is published at, e.g. https://clinic.org/handouts/
    /// (default: the host of the leaflets' `url:`).
    #[arg(long)]
    base_url: Option<String>,
    /// The PDFs each page offers: a4, letter, a5, each also as -large
    /// (e.g. a4-large).
    #[arg(long = "pdf", value_delimiter = ',', default_value = "a4,letter,a4-large", value_parser = crate::site::parse_form)]
    pdfs: Vec<PrintForm>,
    /// Number of parallel workers (default: one per core).
    #[arg(short = 'j', long = "jobs")]
    jobs: Option<usize>,
    /// Rebuild every PDF, even those whose inputs did not change.
    #[arg(long)]
    force: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: SiteArgs) -> Result<()> {
    let started = std::time::Instant::now();
    let limits = Limits::default();
    let mut handouts = Vec::new();
    for p in &args.paths {
        handouts.extend(crate::discover::discover_with(p, limits)?);
    }
    let opts = crate::site::Options {
        output: args.output.clone(),
        base_url: args.base_url,
        forms: args.pdfs,
        limits,
        jobs: args.jobs,
        force: args.force,
    };
    let summary = crate::site::build(&handouts, &opts)?;
    if !args.quiet {
        // The same text findings repeat in every PDF of a version: `handout check`
        // lists each once, with its place in the file.
        if !summary.warnings.is_empty() {
            print::line(format_args!(
                "  {}; `handout check` lists them",
                crate::error::count(summary.warnings.len(), "check warning", "check warnings")
            ));
        }
        print::line(format_args!(
            "{}: {}, {} PDFs ({} built, {} unchanged) in {:.0} ms",
            args.output.display(),
            crate::error::count(summary.pages, "page", "pages"),
            summary.pdfs_built + summary.pdfs_unchanged,
            summary.pdfs_built,
            summary.pdfs_unchanged,
            started.elapsed().as_secs_f64() * 1000.0
        ));
        print::line(match summary.published {
            crate::site::Published::Replaced => "published: the new site replaced the old one",
            crate::site::Published::Unchanged => "unchanged: the site already held these files",
        });
    }
    Ok(())
}

/// Prints the shell completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut command = <super::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "handout", &mut out);
    print::text(&String::from_utf8_lossy(&out));
    Ok(())
}

/// Prints the man page (roff) of the program and its subcommands.
pub fn man() -> Result<()> {
    let command = <super::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .map_err(|e| Error::internal(format!("cannot write the man page: {e}")))?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("handout-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone())
            .title(name)
            .render(&mut out)
            .map_err(|e| Error::internal(format!("cannot write the man page: {e}")))?;
    }
    print::text(&String::from_utf8_lossy(&out));
    Ok(())
}
