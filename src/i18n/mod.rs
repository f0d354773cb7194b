//! Translations: merging a locale into the source document, completeness and
//! staleness, and the translator's commands (status, init, accept).
//!
//! A missing or stale entry is an error, never filled in from the source language.

pub(crate) mod file;
pub(crate) mod po;
mod status;

use crate::discover::{Handout, LocaleFile};
use crate::error::{Diagnostic, Error, Pos, Result};
use crate::model::{load::load_file, Document, Limits, Origin};
pub use file::{fingerprint, Entry, EntryState, Status, TranslationFile};
pub use status::{status, LocaleStatus};
use std::path::Path;

/// The JSON Schema of translation files.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(TranslationFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// Loads a translation file.
pub fn load(
    path: &Path,
    limits: Limits,
) -> Result<(TranslationFile, String, crate::model::PositionIndex)> {
    let loaded = load_file::<TranslationFile>(path, limits)?;
    Ok((loaded.value, loaded.text, loaded.positions))
}

/// The source document translated into `locale`, or every reason it cannot be.
pub fn apply(mut doc: Document, locale: &LocaleFile, limits: Limits) -> Result<Document> {
    let (tf, text, positions) = load(&locale.path, limits)?;
    let path = locale.path.as_path();
    let at = |p: &str| positions.get(p).unwrap_or(Pos { line: 1, column: 1 });
    let mut errors = Vec::new();
    if tf.language != locale.locale {
        errors.push(Error::input(
            Diagnostic::new(format!(
                "the file is named {}.yaml but says `language: {}`",
                locale.locale, tf.language
            ))
            .file(path)
            .at(&text, at("language"))
            .help("make the file name and `language:` agree"),
        ));
    }
    if tf.status == Status::Reviewed
        && tf
            .reviewed_by
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        errors.push(Error::input(
            Diagnostic::new("`status: reviewed` without `reviewed_by`")
                .file(path)
                .at(&text, at("status"))
                .help("name the reviewer in `reviewed_by:`, or keep `status: draft`"),
        ));
    }
    // A label that would leave the footer without words or numbers.
    for (key, message) in tf.labels.leaflet_problems(doc.meta.url.is_some()) {
        errors.push(Error::input(
            Diagnostic::new(message)
                .file(path)
                .at(&text, at(&format!("labels.{key}")))
                .help(match key {
                    "page" => crate::model::PAGE_LABEL_HELP,
                    _ => "translate the label; the leaflet prints it",
                }),
        ));
    }
    let ids: Vec<String> = doc.texts().iter().map(|t| t.id.clone()).collect();
    for t in doc.texts_mut() {
        // One path serves the entry's messages and its text's origin.
        let text_path = format!("entries.{}.text", t.id);
        let entry_path = &text_path[..text_path.len() - ".text".len()];
        match tf.state(&t.id, &t.markup) {
            EntryState::Missing => {
                let place = if tf.entries.contains_key(&t.id) { entry_path } else { "entries" };
                errors.push(missing(path, &text, at(place), &t.id, &t.markup, &locale.locale))
            }
            EntryState::Stale(e) => errors.push(Error::input(
                Diagnostic::new(format!(
                    "the translation of `{}` in {}.yaml is stale: its source text changed",
                    t.id, locale.locale
                ))
                .file(path)
                .at(&text, at(&text_path))
                .help(format!(
                    "the source was: {}\n           it is now: {}\n         update `text`, then run `handout i18n accept {} -l {} --entry {}`",
                    e.source.trim(),
                    t.markup.trim(),
                    locale.path.parent().map(|p| p.display().to_string()).unwrap_or_default(),
                    locale.locale,
                    t.id
                )),
            )),
            EntryState::Current(e) if e.text.chars().count() > crate::model::MAX_TEXT_CHARS => errors.push(Error::input(
                Diagnostic::new(format!(
                    "the translation of `{}` is {} characters long; a text may have at most {}",
                    t.id,
                    e.text.chars().count(),
                    crate::model::MAX_TEXT_CHARS
                ))
                .file(path)
                .at(&text, at(&text_path))
                .help("split the source text into several paragraphs"),
            )),
            EntryState::Current(e) => {
                t.markup = e.text.clone();
                t.origin = Origin {
                    file: path.to_path_buf(),
                    pos: at(&text_path),
                };
                // A translated text is parsed and checked as soon as it replaces
                // the source's (which was checked when it was loaded).
                errors.extend(crate::model::markup_check::check(t, &text));
            }
        }
    }
    for id in tf.obsolete(&ids) {
        errors.push(Error::input(
            Diagnostic::new(format!("entry `{id}` is not in the source any more"))
                .file(path)
                .at(&text, at(&format!("entries.{id}")))
                .help(format!(
                    "remove it, or run `handout i18n accept {} -l {}` to drop obsolete entries",
                    locale
                        .path
                        .parent()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    locale.locale
                )),
        ));
    }
    if let Some(e) = Error::merge(errors) {
        return Err(e);
    }
    // Allowances of the source stay (they cover findings in the source file);
    // the translation's own cover findings in the translation.
    doc.allowed.extend(crate::model::allow::allowances(
        &tf.allow,
        crate::model::AllowScope::File,
        path,
        "allow",
        &positions,
    ));
    for (id, e) in &tf.entries {
        doc.allowed.extend(crate::model::allow::allowances(
            &e.allow,
            crate::model::AllowScope::Entry(id.clone()),
            path,
            &format!("entries.{id}.allow"),
            &positions,
        ));
    }
    doc.language = crate::model::Language::new(&tf.language);
    doc.terms = tf.terms;
    doc.term_forms = tf.term_forms;
    doc.labels = tf.labels;
    doc.draft = tf.status == Status::Draft;
    doc.source_text = text;
    doc.source_file = path.to_path_buf();
    Ok(doc)
}

fn missing(path: &Path, text: &str, pos: Pos, id: &str, source: &str, locale: &str) -> Error {
    Error::input(
        Diagnostic::new(format!(
            "the translation of `{id}` is missing in {locale}.yaml"
        ))
        .file(path)
        .at(text, pos)
        .help(format!("translate: {}", source.trim())),
    )
}

/// Creates `<locale>.yaml` for `handout` with every entry to translate.
pub fn init(handout: &Handout, locale: &str, limits: Limits) -> Result<std::path::PathBuf> {
    if !crate::model::looks_like_language(locale) {
        return Err(Error::usage(format!(
            "`{locale}` is not a language tag; use e.g. pt, pt-BR, zh-Hans"
        )));
    }
    if handout.locales().contains(&locale) {
        return Err(Error::usage(format!(
            "handout `{}` already has locale `{locale}`",
            handout.name
        )));
    }
    let doc = crate::model::load_source(&handout.source.path, &handout.name, limits)?;
    let order: Vec<String> = doc.texts().iter().map(|t| t.id.clone()).collect();
    let entries = doc
        .texts()
        .iter()
        .map(|t| {
            (
                t.id.clone(),
                Entry {
                    source: t.markup.clone(),
                    fingerprint: fingerprint(&t.markup),
                    text: String::new(),
                    allow: Default::default(),
                },
            )
        })
        .collect();
    let tf = TranslationFile {
        language: locale.to_string(),
        status: Status::Draft,
        translator: None,
        reviewed_by: None,
        reviewed_on: None,
        // The program's own labels in the language where it has them (translated
        // once for every handout); else the English ones as a starting point, without
        // the language's own name (an English "English" would mislabel the web page).
        labels: crate::model::Labels::built_in(&crate::model::Language::new(locale))
            .unwrap_or_else(|| crate::model::Labels {
                language_name: String::new(),
                ..Default::default()
            }),
        terms: Vec::new(),
        term_forms: Default::default(),
        entries,
        allow: Default::default(),
    };
    let path = handout.dir.join(format!("{locale}.yaml"));
    crate::output::write_atomic(&path, file::render(&tf, &order).as_bytes())?;
    Ok(path)
}

/// Marks translations current after the translator updated them: stale entries
/// (all, or those in `only`) take the current source text and fingerprint, entries
/// the source no longer has are dropped, new source entries are added empty.
/// Returns the ids whose source was updated.
pub fn accept(
    handout: &Handout,
    locale: &str,
    only: &[String],
    limits: Limits,
) -> Result<Vec<String>> {
    let lf = handout
        .translations
        .iter()
        .find(|t| t.locale == locale)
        .ok_or_else(|| unknown_locale(handout, locale))?;
    let doc = crate::model::load_source(&handout.source.path, &handout.name, limits)?;
    let (mut tf, _, _) = load(&lf.path, limits)?;
    for id in only {
        if !doc.texts().iter().any(|t| &t.id == id) {
            return Err(Error::usage(format!("the source has no entry `{id}`")));
        }
    }
    let order: Vec<String> = doc.texts().iter().map(|t| t.id.clone()).collect();
    let mut updated = Vec::new();
    for t in doc.texts() {
        // New source entries are added, untranslated.
        tf.entries.entry(t.id.clone()).or_insert_with(|| Entry {
            source: t.markup.clone(),
            fingerprint: fingerprint(&t.markup),
            text: String::new(),
            allow: Default::default(),
        });
    }
    for t in doc.texts() {
        if !only.is_empty() && !only.contains(&t.id) {
            continue;
        }
        let stale = matches!(tf.state(&t.id, &t.markup), EntryState::Stale(_));
        if let Some(e) = tf.entries.get_mut(&t.id) {
            // An untranslated entry simply follows the source; a stale one is
            // reported as accepted.
            if e.fingerprint != fingerprint(&t.markup) {
                e.source = t.markup.clone();
                e.fingerprint = fingerprint(&t.markup);
                if stale {
                    updated.push(t.id.clone());
                }
            }
        }
    }
    tf.entries.retain(|k, _| order.contains(k));
    crate::output::write_atomic(&lf.path, file::render(&tf, &order).as_bytes())?;
    Ok(updated)
}

/// The usage error for a locale that is not one of the handout's translations: the
/// source language (which export, import and accept do not work on), or none at all.
pub fn unknown_locale(handout: &Handout, locale: &str) -> Error {
    let translations: Vec<&str> = handout
        .translations
        .iter()
        .map(|t| t.locale.as_str())
        .collect();
    let listed = if translations.is_empty() {
        "it has no translations yet".to_string()
    } else {
        format!("its translations are: {}", translations.join(", "))
    };
    let dir = handout.dir.display();
    if locale == handout.source.locale {
        return Error::usage(format!(
            "`{locale}` is the source language of handout `{}` ({}), not a translation: export, import and accept work on translations; {listed}",
            handout.name,
            handout.source.path.display()
        ));
    }
    Error::usage(format!(
        "handout `{}` has no translation `{locale}`; {listed} (start a new one with `handout i18n init {dir} -l {locale}`)",
        handout.name
    ))
}
