//! Writing a translation as a PO file.

use super::syntax::escape;
use super::{LABELS, TERMS, TERM_FORMS};
use crate::i18n::file::{EntryState, TranslationFile};
use crate::model::{Document, Labels};

/// The PO text for translation `tf` of `doc` (the source document). The output
/// depends only on the two files (dates come from `revised:` and `reviewed_on:`,
/// never the clock), so exporting twice gives the same bytes.
pub fn export(doc: &Document, tf: &TranslationFile) -> String {
    let mut out = header(doc, tf);
    for t in doc.texts() {
        out.push('\n');
        let entry = tf.entries.get(&t.id);
        // A stale translation is "fuzzy", with the source it was made from.
        if let EntryState::Stale(e) = tf.state(&t.id, &t.markup) {
            out.push_str("#, fuzzy\n");
            out.push_str(&format!("#| msgid {}\n", escape(&e.source)));
        }
        push_entry(
            &mut out,
            &t.id,
            &t.markup,
            entry.map(|e| e.text.as_str()).unwrap_or(""),
        );
    }
    for (key, english, ours) in label_pairs(&doc.labels, &tf.labels) {
        out.push('\n');
        let note = crate::model::LABEL_KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, note)| note);
        out.push_str(&format!("#. {note}\n"));
        // A label still in English is shown as untranslated, so that a translator
        // working only in PO sees it; left empty, import keeps the file's label.
        let english_kept = ours == english && !tf.language.starts_with("en");
        if english_kept {
            out.push_str(&format!(
                "#. Left empty, the label stays \"{}\".\n",
                ours.replace('\n', " ")
            ));
        }
        push_entry(
            &mut out,
            &format!("{LABELS}{key}"),
            english,
            if english_kept { "" } else { ours },
        );
    }
    out.push('\n');
    out.push_str("#. Words never hyphenated (drug names, medical terms) as spelled in this language, one per line.\n");
    let source_terms = if doc.terms.is_empty() {
        // msgid "" is the header's; an entry needs a msgid of its own.
        "(the source lists no terms)".to_string()
    } else {
        doc.terms.join("\n")
    };
    push_entry(&mut out, TERMS, &source_terms, &tf.terms.join("\n"));
    for term in &doc.terms {
        out.push('\n');
        out.push_str("#. How this term is written in this language, one form per line (a stem covers\n#. its inflected forms); `handout check` looks for one wherever the source uses it.\n#. Left empty: the term as the source writes it.\n");
        let forms = tf
            .term_forms
            .get(term)
            .map(|f| f.join("\n"))
            .unwrap_or_default();
        push_entry(&mut out, &format!("{TERM_FORMS}{term}"), term, &forms);
    }
    out
}

fn push_entry(out: &mut String, ctxt: &str, id: &str, string: &str) {
    out.push_str(&format!("msgctxt {}\n", escape(ctxt)));
    out.push_str(&format!("msgid {}\n", escape(id)));
    out.push_str(&format!("msgstr {}\n", escape(string)));
}

/// The labels by key: the source's (English) and the translation's.
pub fn label_pairs<'a>(
    source: &'a Labels,
    ours: &'a Labels,
) -> impl Iterator<Item = (&'static str, &'a str, &'a str)> {
    crate::model::LABEL_KEYS.iter().map(|(key, _)| {
        (
            *key,
            source.get(key).unwrap_or(""),
            ours.get(key).unwrap_or(""),
        )
    })
}

/// The standard header fields (`msgfmt --check` warns without them), plus
/// `X-Handout`, which import checks.
fn header(doc: &Document, tf: &TranslationFile) -> String {
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let revised = &doc.meta.revised;
    let reviewed = tf
        .reviewed_on
        .as_deref()
        .filter(|d| is_date(d))
        .unwrap_or(revised);
    let fields = [
        format!(
            "Project-Id-Version: {} {}",
            doc.meta.name,
            one_line(&doc.meta.version)
        ),
        format!("POT-Creation-Date: {revised} 00:00+0000"),
        format!("PO-Revision-Date: {reviewed} 00:00+0000"),
        format!(
            "Last-Translator: {}",
            one_line(tf.translator.as_deref().unwrap_or("unknown"))
        ),
        format!("Language-Team: {}", tf.language),
        format!("Language: {}", tf.language),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
        format!("X-Handout: {}", doc.meta.name),
    ];
    let mut out = format!(
        "# The {} translation of handout `{}`.\n# Keep the Language and X-Handout lines: import checks them.\n",
        tf.language, doc.meta.name
    );
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for f in fields {
        out.push_str(&escape(&format!("{f}\n")));
        out.push('\n');
    }
    out
}

/// `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        })
}
