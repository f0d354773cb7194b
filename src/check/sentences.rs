//! Sentences and words of a text, for the rules that count them.

use crate::model::{Document, Text};

/// A leaflet's entries split into sentences, once for every rule that reads them
/// (long sentences, repeated sentences).
pub struct Split<'a> {
    /// Whether the language writes spaces between words ([`spaces_between_words`]).
    pub spaced: bool,
    /// Each entry, in [`Document::texts`] order, with its sentences.
    pub texts: Vec<(&'a Text, Vec<Sentence<'a>>)>,
}

/// One sentence of an entry.
pub struct Sentence<'a> {
    pub text: &'a str,
    /// Its [`word_count`] where the language writes spaces between words, else 0.
    pub words: usize,
}

/// The sentences of every entry of `doc`.
pub fn split(doc: &Document) -> Split<'_> {
    let spaced = spaces_between_words(doc.language.primary());
    let texts = doc
        .texts()
        .into_iter()
        .map(|t| {
            let split = sentences(&t.styled.text)
                .into_iter()
                .map(|text| Sentence {
                    text,
                    words: if spaced { word_count(text) } else { 0 },
                })
                .collect();
            (t, split)
        })
        .collect();
    Split { spaced, texts }
}

/// Characters that end a sentence in the scripts we ship: Latin/Cyrillic/Greek
/// full stop, question and exclamation marks, Arabic and Urdu question mark and full
/// stop, Devanagari danda, Armenian full stop, Ethiopic full stop, Myanmar section
/// mark, Khmer khan, Thai/Lao have none (a space ends a clause), CJK full stop and
/// full-width marks.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '۔' | '।' | '॥' | '։' | '።' | '။' | '។' | '。' | '！' | '？'
    )
}

/// The sentences of `text`, trimmed: split after a sentence-ending mark that is
/// followed by a space or the end (so "1.5", "e.g." inside a word and URLs stay
/// whole); CJK marks end a sentence wherever they stand.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !ends_sentence(c) {
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let wide = matches!(c, '。' | '！' | '？');
        if wide || next.is_none_or(char::is_whitespace) {
            let end = i + c.len_utf8();
            let s = text[start..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Whether the language writes spaces between words (so that words can be counted
/// by them): not Chinese, Japanese, Thai, Lao, Khmer or Burmese.
pub fn spaces_between_words(primary: &str) -> bool {
    !matches!(primary, "zh" | "ja" | "th" | "lo" | "km" | "my")
}

/// Words of a sentence in a language that writes spaces: runs of text between
/// spaces that hold at least one letter or digit.
pub fn word_count(sentence: &str) -> usize {
    sentence
        .split_whitespace()
        .filter(|w| w.chars().any(super::chars::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_marks_followed_by_space() {
        assert_eq!(
            sentences("Take 1.5 mg. Then wait! Is it https://x.org/a.b? Yes"),
            vec![
                "Take 1.5 mg.",
                "Then wait!",
                "Is it https://x.org/a.b?",
                "Yes"
            ]
        );
        assert_eq!(
            sentences("这是一句。这是两句。"),
            vec!["这是一句。", "这是两句。"]
        );
        assert_eq!(sentences("यह एक है। यह दो है।"), vec!["यह एक है।", "यह दो है।"]);
        assert_eq!(word_count("Take 1.5 mg — now."), 4);
    }
}
