//! The translation file: `handouts/<name>/<locale>.yaml` with `entries:`.
//!
//! Each entry keeps the source text it translates and that text's fingerprint, so a
//! change in the source marks exactly that entry stale, and the message can show the
//! old and the new source side by side.

use crate::fast_map::Remembered;
use crate::model::Labels;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Review state of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not yet signed off: every page says "Draft translation — not reviewed".
    #[default]
    Draft,
    /// Signed off by a reviewer (name in `reviewed_by`).
    Reviewed,
}

/// One translated text.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The source text this translation was made from (kept to show what changed).
    pub source: String,
    /// Fingerprint of `source`; `handout i18n accept` updates both.
    pub fingerprint: String,
    /// The translation, with the same inline markup as the source. Empty = missing.
    #[serde(default)]
    pub text: String,
    /// Findings of `handout check` accepted for this entry, by rule id or name, each
    /// with the reason (e.g. `untranslated: "NMDA is the same in every language"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub allow: crate::model::allow::AllowMap,
}

/// A translation file.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    /// Language of the translation as a BCP 47 tag (the file name without .yaml).
    pub language: String,
    /// `draft` until a reviewer signs it off, then `reviewed`.
    #[serde(default)]
    pub status: Status,
    /// Who translated it.
    #[serde(default)]
    pub translator: Option<String>,
    /// Who reviewed it, required when `status: reviewed`.
    #[serde(default)]
    pub reviewed_by: Option<String>,
    /// When it was reviewed, `YYYY-MM-DD`.
    #[serde(default)]
    pub reviewed_on: Option<String>,
    /// The program's own words (footer, notices) in this language.
    pub labels: Labels,
    /// Words never to hyphenate in this language (drug names as spelled here).
    #[serde(default)]
    pub terms: Vec<String>,
    /// How each term of the source is written in this language: `handout check` looks
    /// for one of these (ignoring case; a stem covers its inflected forms) wherever the
    /// source text uses the term. A term not listed is expected as in the source.
    #[serde(default)]
    pub term_forms: BTreeMap<String, Vec<String>>,
    /// Translations by entry id (`title`, `<section>.heading`, `<section>.<n>`, …).
    pub entries: BTreeMap<String, Entry>,
    /// Findings of `handout check` accepted for the whole file, by rule id or name,
    /// each with the reason.
    #[serde(default)]
    pub allow: crate::model::allow::AllowMap,
}

/// Where one entry of a translation stands against the current source text: the one
/// definition that building, `i18n status`, `i18n accept` and the PO export share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EntryState<'a> {
    /// No entry, or an entry whose `text` is empty or blank.
    Missing,
    /// Translated from a source text that has changed since.
    Stale(&'a Entry),
    /// Translated from the current source text.
    Current(&'a Entry),
}

impl TranslationFile {
    /// The state of entry `id`, whose source text is now `source_markup`.
    pub fn state(&self, id: &str, source_markup: &str) -> EntryState<'_> {
        match self.entries.get(id) {
            None => EntryState::Missing,
            Some(e) if e.text.trim().is_empty() => EntryState::Missing,
            Some(e) if !source_fingerprint_is(source_markup, &e.fingerprint) => {
                EntryState::Stale(e)
            }
            Some(e) => EntryState::Current(e),
        }
    }

    /// The entries whose id the source (`source_ids`) no longer has.
    pub fn obsolete<'a>(&'a self, source_ids: &'a [String]) -> impl Iterator<Item = &'a String> {
        self.entries.keys().filter(|k| !source_ids.contains(k))
    }
}

/// The fingerprint of a source text: whitespace runs count as one space, so
/// re-wrapping a paragraph in YAML does not make its translations stale.
pub fn fingerprint(text: &str) -> String {
    use sha2::{Digest, Sha256};
    // The words joined by single spaces, fed to the hash as they come.
    let mut hash = Sha256::new();
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            hash.update(b" ");
        }
        hash.update(word.as_bytes());
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(10);
    for b in &hash.finalize()[..5] {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    out
}

/// Source texts whose fingerprints a thread remembers; past this many they are
/// forgotten.
const REMEMBERED_SOURCES: usize = 1 << 12;

thread_local! {
    /// Fingerprints of source texts by text: a batch compares each source text
    /// with every translation of it (32 times for one handout in 33 languages).
    static SOURCE_FINGERPRINTS: std::cell::RefCell<Remembered<Box<str>, String, REMEMBERED_SOURCES>> =
        Default::default();
}

/// Whether `expected` is the fingerprint of `source_markup` (remembered per thread).
fn source_fingerprint_is(source_markup: &str, expected: &str) -> bool {
    let known =
        SOURCE_FINGERPRINTS.with(|m| m.borrow().get(source_markup).map(|found| found == expected));
    if let Some(same) = known {
        return same;
    }
    let found = fingerprint(source_markup);
    let same = found == expected;
    SOURCE_FINGERPRINTS.with(|m| m.borrow_mut().remember(source_markup.into(), found));
    same
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Serialises a translation file with entries in the source's reading order.
pub fn render(file: &TranslationFile, order: &[String]) -> String {
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../../schema/translation.schema.json\n");
    out.push_str("# Translate each `text`. `source` is the text it translates; do not edit\n");
    out.push_str("# `source` or `fingerprint`: `handout i18n accept` updates them.\n");
    out.push_str(&format!("language: {}\n", file.language));
    out.push_str(&format!(
        "status: {}\n",
        match file.status {
            Status::Draft => "draft",
            Status::Reviewed => "reviewed",
        }
    ));
    for (key, value) in [
        ("translator", &file.translator),
        ("reviewed_by", &file.reviewed_by),
        ("reviewed_on", &file.reviewed_on),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("{key}: {}\n", quoted(v)));
        }
    }
    out.push_str("labels:\n");
    let l = &file.labels;
    for (key, _) in crate::model::LABEL_KEYS {
        // Every label, an empty one too: the translator sees what is left to fill.
        let value = l.get(key).unwrap_or("");
        out.push_str(&format!("  {key}: {}\n", quoted(value)));
    }
    let terms: Vec<String> = file.terms.iter().map(|t| quoted(t)).collect();
    out.push_str(&format!("terms: [{}]\n", terms.join(", ")));
    if !file.term_forms.is_empty() {
        out.push_str("term_forms:\n");
        for (term, forms) in &file.term_forms {
            let forms: Vec<String> = forms.iter().map(|f| quoted(f)).collect();
            out.push_str(&format!("  {}: [{}]\n", quoted(term), forms.join(", ")));
        }
    }
    push_allow(&mut out, "", &file.allow);
    out.push_str("entries:\n");
    let mut ids: Vec<&String> = order
        .iter()
        .filter(|id| file.entries.contains_key(*id))
        .collect();
    ids.extend(file.entries.keys().filter(|k| !order.contains(k)));
    for id in ids {
        if let Some(e) = file.entries.get(id) {
            out.push_str(&format!("  {}:\n", quoted(id)));
            out.push_str(&format!("    source: {}\n", quoted(&e.source)));
            out.push_str(&format!("    fingerprint: {}\n", quoted(&e.fingerprint)));
            out.push_str(&format!("    text: {}\n", quoted(&e.text)));
            push_allow(&mut out, "    ", &e.allow);
        }
    }
    out
}

/// An `allow:` map at `indent`, if it has any entry (kept when a file is rewritten).
fn push_allow(out: &mut String, indent: &str, allow: &crate::model::allow::AllowMap) {
    if allow.is_empty() {
        return;
    }
    out.push_str(&format!("{indent}allow:\n"));
    for (rule, reason) in allow {
        out.push_str(&format!("{indent}  {}: {}\n", quoted(rule), quoted(reason)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_rewrapping_only() {
        assert_eq!(fingerprint("a  b\nc"), fingerprint("a b c"));
        assert_ne!(fingerprint("a b c"), fingerprint("a b d"));
        assert_eq!(fingerprint("x").len(), 10);
        // The first five bytes of SHA-256("Take **one** tablet."): files in the
        // field carry these, so the way of computing them must never change them.
        assert_eq!(fingerprint("  Take **one**\n tablet. "), "8a693b6cfb");
    }

    #[test]
    fn remembered_fingerprint_answers_as_computed() {
        let fp = fingerprint("The Role of Ketamine");
        for _ in 0..2 {
            assert!(source_fingerprint_is("The Role of Ketamine", &fp));
            assert!(source_fingerprint_is("The Role of  Ketamine", &fp));
            assert!(!source_fingerprint_is("The Role of Ketamine", "0000000000"));
            assert!(!source_fingerprint_is("The Role of Lidocaine", &fp));
        }
    }

    #[test]
    fn rendered_file_parses_back() {
        let mut entries = BTreeMap::new();
        entries.insert(
            "title".to_string(),
            Entry {
                source: "Title: \"quoted\"".into(),
                fingerprint: fingerprint("Title"),
                text: "Titel — «ü»\nzwei".into(),
                allow: [("untranslated".to_string(), "a name".to_string())].into(),
            },
        );
        let f = TranslationFile {
            language: "de".into(),
            status: Status::Draft,
            translator: Some("A. B.".into()),
            reviewed_by: None,
            reviewed_on: None,
            labels: Labels::default(),
            terms: vec!["Ketamin".into()],
            term_forms: [("ketamine".to_string(), vec!["Ketamin".to_string()])].into(),
            entries,
            allow: [("HC201".to_string(), "dense by nature".to_string())].into(),
        };
        let text = render(&f, &["title".to_string()]);
        let back: TranslationFile = serde_yaml::from_str(&text).expect("parses");
        assert_eq!(back, f);
    }
}
