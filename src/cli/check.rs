//! `handout check`: the checks of every build, over every handout and locale, with
//! output for people, scripts, code scanning and pull requests.

use super::print;
use crate::check::report::Format;
use crate::check::{rule::RULES, Severity};
use crate::error::{Error, Result};
use std::path::PathBuf;

/// `--deny` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// Fail (exit 1) on warnings too.
    Warnings,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// A handout folder, a folder of handouts, or one .yaml file.
    #[arg(default_value = "handouts")]
    paths: Vec<PathBuf>,
    /// Check only these locales (repeat or separate with commas).
    #[arg(short, long = "locale", value_delimiter = ',')]
    locales: Vec<String>,
    /// Output: human (default), json, sarif (GitHub code scanning) or github
    /// (annotations on a pull request).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// `--deny warnings`: warnings fail the check too (exit 1).
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// List the rules (id, name, default severity, what they find) and exit.
    #[arg(long)]
    rules: bool,
    /// The date to check revision dates against, YYYY-MM-DD (default: today, UTC).
    #[arg(long)]
    today: Option<String>,
    #[command(flatten)]
    form: super::FormArgs,
}

/// Runs the check; `Ok(true)` when it fails (findings at the denied level).
pub fn run(args: CheckArgs) -> Result<bool> {
    if args.rules {
        for r in RULES {
            print::line(format_args!(
                "{}  {:<24} {:<8} {}",
                r.id,
                r.name,
                r.severity.word(),
                r.summary
            ));
        }
        return Ok(false);
    }
    let form = args.form.form()?;
    let today = match args.today {
        Some(d) if crate::model::is_date(&d) => d,
        Some(d) => {
            return Err(Error::usage(format!(
                "--today {}: write the date as YYYY-MM-DD",
                crate::error::quote(&d)
            )))
        }
        None => crate::check::today().to_string(),
    };
    let limits = crate::model::Limits::default();
    let mut handouts = Vec::new();
    for p in &args.paths {
        handouts.extend(crate::discover::discover_with(p, limits)?);
    }
    // An unknown locale is a usage error, as in `build`.
    crate::batch::plan(
        &handouts,
        &args.locales,
        &crate::batch::Options {
            output: PathBuf::from("."),
            limits,
            form,
            jobs: None,
            fail_fast: false,
            force: false,
            shard: None,
        },
    )?;
    let report = crate::batch::checks::run(
        &handouts,
        &crate::batch::checks::Options {
            locales: &args.locales,
            form,
            limits,
            today: &today,
        },
    )?;
    print::text(&report.render(args.format));
    let level = match args.deny {
        Some(Deny::Warnings) => Severity::Warning,
        None => Severity::Error,
    };
    Ok(report.findings.iter().any(|f| f.counts_at(level)))
}
