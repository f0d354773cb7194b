//! Where words may be hyphenated, per language, with typographic limits.
//!
//! Patterns come from the hyphenation crate (TeX patterns, embedded). Our policy on
//! top: at least 2 letters before and 3 after a break, no words under 6 letters, no
//! words with digits or capitals inside (acronyms), and never a listed term.

use crate::fast_map::Remembered;
use hyphenation::{Hyphenator as _, Language as Patterns, Load, Standard};
use std::sync::OnceLock;

const MIN_WORD: usize = 6;
const MIN_BEFORE: usize = 2;
const MIN_AFTER: usize = 3;

/// The hyphenation dictionary for `lang`, loaded on first use.
fn dictionary(lang: Patterns) -> Option<&'static Standard> {
    static DICTS: OnceLock<Vec<(Patterns, OnceLock<Option<Standard>>)>> = OnceLock::new();
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
    // Languages without patterns never break: asked first, so their words are not
    // scanned nor compared with the terms (a third of a 33-language batch's calls).
    let Some(patterns) = language.hyphenation() else {
        return Vec::new();
    };
    let Some(Core {
        start,
        end,
        letters,
    }) = alphabetic_core(word)
    else {
        return Vec::new();
    };
    let core = &word[start..end];
    if letters < MIN_WORD || is_term(core, terms) {
        return Vec::new();
    }
    let char_pos = |b: usize| core[..b].chars().count();
    with_pattern_breaks(patterns, core, |found| {
        found
            .iter()
            .copied()
            .filter(|b| core.is_char_boundary(*b))
            .filter(|b| char_pos(*b) >= MIN_BEFORE && letters - char_pos(*b) >= MIN_AFTER)
            .map(|b| b + start)
            .collect()
    })
}

/// The alphabetic core of a word ("(NMDA)," → "NMDA"): its byte range and letters.
struct Core {
    start: usize,
    end: usize,
    letters: usize,
}

/// The core of `word`, if it is one that may be hyphenated: only letters and
/// apostrophes inside, and no capital after the first letter (acronyms). One pass
/// over the characters (`is_alphabetic` outside ASCII is a table search).
fn alphabetic_core(word: &str) -> Option<Core> {
    let mut start = None;
    let mut end = 0;
    let mut letters = 0;
    // Characters since the first letter, and whether one of them is neither a letter
    // nor an apostrophe (harmless unless a letter follows it: trailing punctuation).
    let mut seen = 0;
    let mut gap = false;
    for (i, c) in word.char_indices() {
        let alphabetic = c.is_alphabetic();
        if start.is_none() {
            if !alphabetic {
                continue;
            }
            start = Some(i);
        } else if alphabetic && (gap || c.is_uppercase()) {
            return None;
        }
        seen += 1;
        if alphabetic {
            end = i + c.len_utf8();
            letters = seen;
        } else if c != '\u{2019}' && c != '\'' {
            gap = true;
        }
    }
    let start = start?;
    Some(Core {
        start,
        end,
        letters,
    })
}

/// Whether `core` is one of `terms`, compared case-insensitively as
/// `str::to_lowercase` compares (the core is lowered once, not once a term).
fn is_term(core: &str, terms: &[String]) -> bool {
    let mut lowered: Option<String> = None;
    let core_first = first_lowered(core);
    terms.iter().any(|t| {
        if t.eq_ignore_ascii_case(core) {
            return true;
        }
        // Lower-casing allocates: only needed when either side is not ASCII, and
        // the two lowered begin alike.
        if t.is_ascii() && core.is_ascii() || first_lowered(t) != core_first {
            return false;
        }
        let core_lower = lowered.get_or_insert_with(|| core.to_lowercase());
        // An ASCII term lowers to its ASCII lower case, and a lowered core has no
        // ASCII capitals: comparing ignoring ASCII case is the same test.
        if t.is_ascii() {
            t.eq_ignore_ascii_case(core_lower)
        } else {
            t.to_lowercase() == *core_lower
        }
    })
}

/// The first character of `s.to_lowercase()`, found without lowering the rest: the
/// first character's own lower case (`to_lowercase` maps only a capital sigma by its
/// context, and a first one, with nothing before it, as `char::to_lowercase` does).
fn first_lowered(s: &str) -> Option<char> {
    s.chars().next().and_then(|c| c.to_lowercase().next())
}

/// Most words a thread hyphenates it has hyphenated before (a leaflet repeats its
/// words, a batch its handouts); past this many the remembered ones are forgotten.
const REMEMBERED_WORDS: usize = 1 << 14;

/// The patterns' break offsets of each word a thread has hyphenated, by
/// [`word_key`].
type Breaks = Remembered<Box<str>, Box<[usize]>, REMEMBERED_WORDS>;

thread_local! {
    /// The remembered breaks, and the key being looked up (kept to reuse its memory:
    /// a word found needs no allocation).
    static PATTERN_BREAKS: std::cell::RefCell<(Breaks, String)> = Default::default();
}

/// The key of `core` in the language of `patterns`: the language as one character
/// (its number; there are a few dozen), then the word.
fn word_key(key: &mut String, patterns: Patterns, core: &str) {
    key.clear();
    key.push(char::from_u32(patterns as u32).unwrap_or(char::REPLACEMENT_CHARACTER));
    key.push_str(core);
}

/// The patterns' break offsets in `core` (before our limits), remembered per thread,
/// handed to `take`, which runs while the memory is borrowed and so must not
/// hyphenate (that would panic).
fn with_pattern_breaks<R>(patterns: Patterns, core: &str, take: impl FnOnce(&[usize]) -> R) -> R {
    PATTERN_BREAKS.with(|cell| {
        let (remembered, key) = &mut *cell.borrow_mut();
        word_key(key, patterns, core);
        if let Some(found) = remembered.get(key.as_str()) {
            return take(found);
        }
        let Some(dict) = dictionary(patterns) else {
            return take(&[]);
        };
        let found: Box<[usize]> = dict.hyphenate(core).breaks.into();
        let out = take(&found);
        remembered.remember(key.as_str().into(), found);
        out
    })
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

    /// The reading `breaks` replaced: three scans for the core, the terms lowered
    /// for every word, no remembered words.
    fn three_scans(language: &Language, word: &str, terms: &[String]) -> Vec<usize> {
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
            || terms
                .iter()
                .any(|t| t.to_lowercase() == core.to_lowercase())
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

    #[test]
    fn one_scan_and_remembered_words_break_as_three_scans_did() {
        let words = [
            "management",
            "management,",
            "(management)",
            "\u{201C}ketamine\u{201D}",
            "Ketamine",
            "KETAMINE",
            "ketAmine",
            "keta-mine",
            "patient\u{2019}s",
            "patient's",
            "don't",
            "d'accord",
            "1ketamine",
            "ketamine2",
            "k3tamine",
            "Überwachung",
            "Schmerzbehandlung",
            "ΟΔΟΣΤΡΩΜΑ",
            "οδόστρωμα",
            "обезболивание",
            "ОБЕЗБОЛИВАНИЕ",
            "Anästhesie.",
            "\u{212A}etamine",
            "\u{130}stanbul",
            "aaaaaaa\u{2160}bbbb",
            "médicaments\u{2026}",
            "...",
            "",
            "    ",
        ];
        let terms: Vec<String> = [
            "ketamine",
            "Обезболивание",
            "ΟΔΟΣΤΡΩΜΑ",
            "istanbul",
            "N-methyl",
        ]
        .map(String::from)
        .to_vec();
        for tag in ["en", "de", "fr", "ru", "el", "tr", "vi"] {
            let language = Language::new(tag);
            for word in words {
                for terms in [&terms[..], &[]] {
                    // Twice: the second time from the remembered words.
                    for _ in 0..2 {
                        assert_eq!(
                            breaks(&language, word, terms),
                            three_scans(&language, word, terms),
                            "{tag} {word:?} {terms:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_first_lowered_character_is_that_of_the_lowered_text() {
        let alone = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .map(String::from);
        let sigmas = ["\u{3A3}", "\u{3A3}A", "\u{3A3}\u{3A3}", "A\u{3A3}", ""];
        for s in alone.chain(sigmas.map(String::from)) {
            assert_eq!(first_lowered(&s), s.to_lowercase().chars().next(), "{s:?}");
        }
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
