//! Where words may be hyphenated, per language, with typographic limits.
//!
//! Patterns come from the hyphenation crate (TeX patterns, embedded). Our policy on
//! top: at least 2 letters before and 3 after a break, no words under 6 letters, no
//! words with digits or capitals inside (acronyms), and never a listed term.

use hyphenation::{Hyphenator as _, Language, Load, Standard};
use std::sync::OnceLock;

const MIN_WORD: usize = 6;
const MIN_BEFORE: usize = 2;
const MIN_AFTER: usize = 3;

/// The hyphenation dictionary for `lang`, loaded on first use.
fn dictionary(lang: Language) -> Option<&'static Standard> {
    static DICTS: OnceLock<Vec<(Language, OnceLock<Option<Standard>>)>> = OnceLock::new();
    let dicts = DICTS.get_or_init(|| {
        crate::model::language::PATTERNS
            .iter()
            .map(|(_, l)| (*l, OnceLock::new()))
            .collect()
    });
    let (_, cell) = dicts.iter().find(|(l, _)| *l == lang)?;
    cell.get_or_init(|| Standard::from_embedded(lang).ok())
        .as_ref()
}

/// Byte offsets inside `word` where a hyphen may be inserted.
///
/// `word` is one segment between line-break opportunities (it may carry punctuation);
/// `terms` are words never to hyphenate, compared case-insensitively.
pub fn breaks(language: &crate::model::Language, word: &str, terms: &[String]) -> Vec<usize> {
    // The alphabetic core: "(NMDA)," → "NMDA".
    let start = word.find(|c: char| c.is_alphabetic()).unwrap_or(word.len());
    let end = word
        .char_indices()
        .filter(|(_, c)| c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(start);
    if start >= end {
        return Vec::new();
    }
    let core = &word[start..end];
    let letters = core.chars().count();
    if letters < MIN_WORD
        || core
            .chars()
            .any(|c| !c.is_alphabetic() && c != '\u{2019}' && c != '\'')
        || core.chars().skip(1).any(|c| c.is_uppercase())
        || terms.iter().any(|t| {
            t.eq_ignore_ascii_case(core)
                // Lower-casing allocates: only needed when either side is not ASCII.
                || (!(t.is_ascii() && core.is_ascii()) && t.to_lowercase() == core.to_lowercase())
        })
    {
        return Vec::new();
    }
    let Some(dict) = language.hyphenation().and_then(dictionary) else {
        return Vec::new();
    };
    let char_pos = |b: usize| core[..b].chars().count();
    dict.hyphenate(core)
        .breaks
        .into_iter()
        .filter(|b| core.is_char_boundary(*b))
        .filter(|b| char_pos(*b) >= MIN_BEFORE && letters - char_pos(*b) >= MIN_AFTER)
        .map(|b| b + start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn parts(word: &str, terms: &[String]) -> Vec<String> {
        let b = breaks(&Language::new("en"), word, terms);
        let mut out = Vec::new();
        let mut last = 0;
        for i in b {
            out.push(word[last..i].to_string());
            last = i;
        }
        out.push(word[last..].to_string());
        out
    }

    #[test]
    fn english_words_break_with_limits() {
        assert_eq!(parts("management", &[]), vec!["man", "age", "ment"]);
        assert_eq!(parts("pain", &[]), vec!["pain"]);
        assert_eq!(parts("(NMDA)", &[]), vec!["(NMDA)"]);
    }

    #[test]
    fn terms_are_never_hyphenated() {
        assert!(
            !breaks(&Language::new("en"), "ketamine", &[]).is_empty(),
            "patterns do split ketamine"
        );
        assert!(breaks(&Language::new("en"), "Ketamine,", &["ketamine".into()]).is_empty());
    }

    #[test]
    fn languages_without_patterns_do_not_break() {
        assert!(breaks(&Language::new("vi"), "nghiên", &[]).is_empty());
        assert!(breaks(&Language::new("ar"), "مستشفيات", &[]).is_empty());
    }
}
