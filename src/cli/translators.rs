//! The translator's commands: `handout i18n status|init|accept|export|import`.

use super::print;
use crate::build;
use crate::discover::{self, Handout};
use crate::error::{count, escape, Error, Result};
use crate::model::Limits;
use clap::Subcommand;
use std::path::{Path, PathBuf};

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

/// The one handout at `path` (a handout folder).
fn one_handout(path: &Path) -> Result<Handout> {
    let mut hs = discover::discover(path)?;
    if hs.len() != 1 {
        return Err(Error::usage(format!(
            "{} holds {} handouts; give one handout folder, e.g. handouts/ketamine",
            path.display(),
            hs.len()
        )));
    }
    Ok(hs.remove(0))
}

/// The source document, the locale file and the translation of one handout's locale.
fn translation(
    path: &Path,
    locale: &str,
    limits: Limits,
) -> Result<(
    crate::model::Document,
    discover::LocaleFile,
    crate::i18n::TranslationFile,
)> {
    let h = one_handout(path)?;
    let lf = h
        .translations
        .iter()
        .find(|t| t.locale == locale)
        .cloned()
        .ok_or_else(|| crate::i18n::unknown_locale(&h, locale))?;
    let doc = crate::model::load_source(&h.source.path, &h.name, limits)?;
    let (tf, _, _) = crate::i18n::load(&lf.path, limits)?;
    Ok((doc, lf, tf))
}

pub fn run(cmd: I18nCommand) -> Result<()> {
    use crate::i18n;
    let limits = Limits::default();
    match cmd {
        I18nCommand::Status { path, json } => {
            let mut rows = Vec::new();
            let builds =
                |h: &Handout, source, locale: &str| build::check(h, source, locale, limits);
            for h in discover::discover(&path)? {
                rows.extend(i18n::status(&h, limits, &builds)?);
            }
            if json {
                let text = serde_json::to_string_pretty(&rows)
                    .map_err(|e| Error::internal(e.to_string()))?;
                print::line(text);
            } else {
                print::text(&status_table(&rows));
            }
            Ok(())
        }
        I18nCommand::Init { path, locale } => {
            let created = i18n::init(&one_handout(&path)?, &locale, limits)?;
            print::line(format!(
                "created {}: translate every `text`, then build with -l {}",
                escape(&created.display().to_string()),
                escape(&locale)
            ));
            Ok(())
        }
        I18nCommand::Accept {
            path,
            locale,
            entries,
        } => {
            let updated = i18n::accept(&one_handout(&path)?, &locale, &entries, limits)?;
            if updated.is_empty() {
                print::line("nothing was stale");
            }
            for id in updated {
                print::line(format!("accepted {}", escape(&id)));
            }
            Ok(())
        }
        I18nCommand::Export {
            path,
            locale,
            output,
        } => {
            let (doc, _, tf) = translation(&path, &locale, limits)?;
            let po = i18n::po::export(&doc, &tf);
            match output {
                Some(file) => crate::output::write_atomic(&file, po.as_bytes())?,
                None => print::text(&po),
            }
            Ok(())
        }
        I18nCommand::Import { path, locale, file } => {
            let (doc, lf, mut tf) = translation(&path, &locale, limits)?;
            // A PO file is bounded like the YAML files: never read past the limit.
            let bytes = crate::model::load::read_bounded(&file, limits)?;
            let po = String::from_utf8(bytes).map_err(|e| {
                Error::input(
                    crate::error::Diagnostic::new(format!(
                        "the PO file is not valid UTF-8 (byte {})",
                        e.utf8_error().valid_up_to()
                    ))
                    .file(&file)
                    .help("save the PO file with UTF-8 encoding (charset=UTF-8)"),
                )
            })?;
            let n = i18n::po::import(&file, &po, &doc, &locale, &mut tf)?;
            let order: Vec<String> = doc.texts().iter().map(|t| t.id.clone()).collect();
            crate::output::write_atomic(&lf.path, i18n::file::render(&tf, &order).as_bytes())?;
            print::line(format!(
                "imported {} into {}",
                count(n, "entry", "entries"),
                escape(&lf.path.display().to_string())
            ));
            Ok(())
        }
    }
}

/// The human `i18n status` table; every name from the files is escaped.
fn status_table(rows: &[crate::i18n::LocaleStatus]) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "{:<16} {:<8} {:>10} {:>8} {:>6} {:>8}  {:<9} ready\n",
        "handout", "locale", "translated", "missing", "stale", "obsolete", "review"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<16} {:<8} {:>10} {:>8} {:>6} {:>8}  {:<9} {}",
            escape(&r.handout),
            escape(&r.locale),
            format!("{}/{}", r.translated, r.total),
            r.missing.len(),
            r.stale.len(),
            r.obsolete.len(),
            r.review,
            if r.ready { "yes" } else { "no" }
        );
        for id in &r.stale {
            let _ = writeln!(out, "    stale:   {}", escape(id));
        }
        for id in &r.missing {
            let _ = writeln!(out, "    missing: {}", escape(id));
        }
        if r.missing.is_empty() && r.stale.is_empty() {
            for p in &r.problems {
                let _ = writeln!(out, "    not ready: {p}");
            }
        }
        if !r.web_labels_missing.is_empty() {
            let _ = writeln!(
                out,
                "    web page: missing {}",
                r.web_labels_missing.join(", ")
            );
        }
    }
    out
}
