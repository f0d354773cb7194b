//! Reading a translator's PO file back into a translation, all or nothing.
//!
//! Before anything is taken, the file must say it is this handout's translation into
//! this language (its `X-Handout` and `Language` headers), and every entry must be
//! one the source has. A wrong file is refused as a whole, with every reason at
//! once: a German file imported as French, or one handout's file imported into
//! another, would otherwise print a leaflet in the wrong language or with the wrong
//! text.

use super::syntax::{header_field, parse, PoEntry};
use super::{LABELS, TERMS, TERM_FORMS};
use crate::error::{Diagnostic, Error, Pos, Result};
use crate::i18n::file::{fingerprint, Entry, TranslationFile};
use crate::model::Document;
use std::collections::BTreeMap;
use std::path::Path;

/// Applies the PO file `po` (read from `path`) to `tf`, the `locale` translation of
/// `doc` (the source document); returns how many entries it set. On any error `tf`
/// is left as it was.
pub fn import(
    path: &Path,
    po: &str,
    doc: &Document,
    locale: &str,
    tf: &mut TranslationFile,
) -> Result<usize> {
    let entries = parse(path, po)?;
    let dir = doc
        .source_file
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| ".".into());
    let err = |line, message, help| refuse(path, po, line, message, help);
    let mut errors = check_header(path, po, &entries, doc, locale, &dir);
    let ids: Vec<String> = doc.texts().iter().map(|t| t.id.clone()).collect();
    let mut updated = tf.clone();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut set = 0;
    for e in entries.iter().filter(|e| !e.is_header()) {
        let (Some(source), Some(text)) = (&e.id, &e.string) else {
            errors.push(err(
                e.line,
                format!("the PO entry at line {} has no msgid or no msgstr", e.line),
                "every entry needs msgctxt, msgid and msgstr; export the file again and copy your translations over".into(),
            ));
            continue;
        };
        let Some(ctxt) = e.ctxt.as_deref() else {
            errors.push(err(
                e.line,
                format!("the PO entry `{}` has no msgctxt, so it is not known which text it translates", one_line(source)),
                "keep the msgctxt line of every entry (it names the text); export the file again with `handout i18n export` if a tool removed it".into(),
            ));
            continue;
        };
        if let Some(first) = seen.insert(ctxt, e.line) {
            errors.push(err(
                e.line,
                format!("msgctxt `{ctxt}` appears twice (first at line {first})"),
                "keep one of the two entries".into(),
            ));
            continue;
        }
        if ctxt == TERMS {
            updated.terms = text
                .lines()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
            set += 1;
        } else if let Some(term) = ctxt
            .strip_prefix(TERM_FORMS)
            .filter(|t| doc.terms.iter().any(|s| s == t))
        {
            let forms: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
            if forms.is_empty() {
                updated.term_forms.remove(term);
            } else {
                updated.term_forms.insert(term.to_string(), forms);
                set += 1;
            }
        } else if let Some(key) = ctxt.strip_prefix(LABELS) {
            match updated.labels.get_mut(key) {
                // An empty msgstr keeps the file's label (see export).
                Some(label) if !text.is_empty() => {
                    *label = text.clone();
                    set += 1;
                }
                Some(_) => {}
                None => errors.push(unknown_ctxt(path, po, e, ctxt, doc)),
            }
        } else if ids.iter().any(|id| id == ctxt) {
            let slot = updated
                .entries
                .entry(ctxt.to_string())
                .or_insert_with(|| Entry {
                    source: source.clone(),
                    fingerprint: fingerprint(source),
                    text: String::new(),
                    allow: Default::default(),
                });
            slot.text = text.clone();
            if !e.fuzzy {
                slot.fingerprint = fingerprint(source);
                slot.source = source.clone();
            }
            set += 1;
        } else {
            errors.push(unknown_ctxt(path, po, e, ctxt, doc));
        }
    }
    if let Some(e) = Error::merge(errors) {
        return Err(e);
    }
    *tf = updated;
    Ok(set)
}

/// The file must say which language and which handout it is: both are compared
/// with the target. A file without them is refused too: it cannot be checked, every
/// file `handout i18n export` writes has them, and translation tools keep them.
fn check_header(
    path: &Path,
    po: &str,
    entries: &[PoEntry],
    doc: &Document,
    locale: &str,
    dir: &str,
) -> Vec<Error> {
    let err = |line, message, help| refuse(path, po, line, message, help);
    let name = &doc.meta.name;
    let export = format!("handout i18n export {dir} -l {locale} -o {locale}.po");
    let Some(header) = entries.iter().find(|e| e.is_header()) else {
        return vec![err(
            1,
            "the PO file has no header (the entry with msgid \"\"), so it cannot be checked to be the right language and handout".into(),
            format!("export the file with `{export}`, translate that one, and import it"),
        )];
    };
    let mut errors = Vec::new();
    match header_field(po, header, "Language") {
        Some((lang, _)) if same_language(&lang, locale) => {}
        Some((lang, line)) if !lang.is_empty() => errors.push(err(
            line,
            format!("the PO file is in `{lang}` (its Language header), but it is being imported into `{locale}`"),
            format!("import it with `-l {lang}` if that is its language; to translate into `{locale}`, export with `{export}`"),
        )),
        found => errors.push(err(
            found.map_or(header.line, |(_, line)| line),
            "the PO file does not say its language (no Language header, or an empty one)".into(),
            format!("if this file is the `{locale}` translation, add the line \"Language: {locale}\\n\" to the header (the msgstr of msgid \"\")"),
        )),
    }
    match header_field(po, header, "X-Handout") {
        Some((h, _)) if h == *name => {}
        Some((h, line)) if !h.is_empty() => errors.push(err(
            line,
            format!("the PO file is from handout `{h}` (its X-Handout header), not `{name}`"),
            format!("import it into the handout `{h}`; to translate `{name}`, export with `{export}`"),
        )),
        found => errors.push(err(
            found.map_or(header.line, |(_, line)| line),
            format!("the PO file does not say which handout it belongs to (no X-Handout header), so it cannot be checked to be from `{name}`"),
            format!("if this file is a translation of `{name}`, add the line \"X-Handout: {name}\\n\" to the header (the msgstr of msgid \"\")"),
        )),
    }
    errors
}

/// The error for line `line` of the PO file.
fn refuse(path: &Path, po: &str, line: usize, message: String, help: String) -> Error {
    Error::input(
        Diagnostic::new(message)
            .file(path)
            .at(po, Pos { line, column: 1 })
            .help(help),
    )
}

fn unknown_ctxt(path: &Path, po: &str, e: &PoEntry, ctxt: &str, doc: &Document) -> Error {
    refuse(
        path,
        po,
        e.line,
        format!(
            "msgctxt `{ctxt}` is not a text of handout `{}`: the source has no such entry",
            doc.meta.name
        ),
        "remove this entry from the PO file; it comes from an older version of the handout or from another file".into(),
    )
}

/// Language tags compare without regard to case or `-`/`_` (gettext writes `pt_BR`).
fn same_language(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().replace('_', "-").to_ascii_lowercase();
    norm(a) == norm(b)
}

/// A text shortened to one line for a message.
fn one_line(s: &str) -> String {
    let line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}
