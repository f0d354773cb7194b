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
    words(sentence)
        .filter(|w| w.chars().any(super::chars::is_alphanumeric))
        .count()
}

/// `text.split_whitespace()`: the runs between white space (`char::is_whitespace`).
/// `split_whitespace` decodes and tests every character through a pattern searcher,
/// and the checks split every sentence this way; here ASCII is tested a byte at a
/// time, and a character outside ASCII is decoded only where its first byte is one
/// that white space starts with ([`MAY_BE_SPACE`]).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = skip(text, at, true);
        if start == text.len() {
            return None;
        }
        at = skip(text, start, false);
        text.get(start..at)
    })
}

/// The first bytes of the characters outside ASCII that are white space (U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); a test
/// checks every character.
const MAY_BE_SPACE: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];

/// From byte `from` (where a character starts), over white space (`space`) or
/// over what is not: where the first character of the other kind starts, or the
/// end.
#[inline]
fn skip(text: &str, from: usize, space: bool) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        let (is_space, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else if !MAY_BE_SPACE.contains(&b) {
            // The length of a UTF-8 sequence, from its first byte.
            (
                false,
                if b < 0xE0 {
                    2
                } else if b < 0xF0 {
                    3
                } else {
                    4
                },
            )
        } else {
            match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if is_space != space {
            break;
        }
        at += len;
    }
    at.min(text.len())
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

    #[test]
    fn words_are_split_as_split_whitespace_splits() {
        for text in [
            "",
            " ",
            "one",
            "  two words\t",
            "a\u{A0}b\u{3000}c\u{2028}d\u{85}e\u{200B}f",
            "\u{0B}x\u{0C}y\r\nz ",
            "केटामाइन  50 mg।",
            "نص عربي، هنا",
            "日本語のテキスト　です",
        ] {
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if c.is_whitespace() && !c.is_ascii() {
                let first = c.to_string().as_bytes()[0];
                assert!(MAY_BE_SPACE.contains(&first), "U+{:04X}", u32::from(c));
            }
        }
    }
}
