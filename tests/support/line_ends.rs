//! Where lines end, checked on a PDF read back against each writing system's rules:
//! scripts written without spaces (Thai, Lao, Khmer, Myanmar) end a line only at a
//! word boundary ICU4X's word segmenter reports, never inside a grapheme cluster;
//! Korean never splits a word; no Chinese or Japanese line starts with closing
//! punctuation, a small kana or the prolonged sound mark, nor ends with opening
//! punctuation (kinsoku).
#![allow(dead_code)]

use super::breaks::{lines, source_blocks, squash, Line, SourceBlock};
use super::PageText;
use handout::layout::{Geometry, Style};
use handout::model::Document;
use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{GraphemeClusterSegmenter, WordSegmenter};

/// Kinsoku (JIS X 4051, strict): no line starts with these.
pub const NO_LINE_START: &str =
    "、。，．）」』】！？：；…‥ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々";
/// … and no line ends with these.
pub const NO_LINE_END: &str = "（「『【";

/// A line break inside a block: the block's printed text and the byte range of the
/// whitespace between the two lines (empty where the script writes none).
#[derive(Debug, Clone)]
pub struct LineEnd {
    pub text: String,
    pub gap: std::ops::Range<usize>,
    /// A hyphen was inserted: the break is a hyphenation point, not a boundary.
    pub hyphenated: bool,
}

/// Every break of the line-end rule for `doc`'s script in `pages` (empty when all hold
/// or the script has no such rule).
pub fn violations(style: &Style, g: &Geometry, doc: &Document, pages: &[PageText]) -> Vec<String> {
    let blocks = source_blocks(doc);
    let lines = match lines(style, g, doc, pages, &blocks) {
        Ok(l) => l,
        Err(e) => return vec![e],
    };
    let ends = line_ends(&blocks, &lines);
    match doc.language.primary() {
        "th" | "lo" | "km" | "my" => off_word_boundaries(&ends),
        "ko" => split_korean_words(&ends),
        "zh" | "ja" => kinsoku(&ends),
        _ => Vec::new(),
    }
}

/// The breaks between consecutive lines of one block, located in its printed text.
pub fn line_ends(blocks: &[SourceBlock], lines: &[Line]) -> Vec<LineEnd> {
    lines
        .windows(2)
        .filter(|w| w[0].block == w[1].block)
        .map(|w| {
            let text = &blocks[w[1].block].text;
            LineEnd {
                text: text.clone(),
                gap: gap_at(text, w[1].start),
                hyphenated: w[0].inserted_hyphen,
            }
        })
        .collect()
}

/// The whitespace of `text` before its character at `squashed` (a byte offset in
/// `text` without whitespace and marks).
fn gap_at(text: &str, squashed: usize) -> std::ops::Range<usize> {
    let mut seen = 0;
    let mut end_of_previous = 0;
    for (i, c) in text.char_indices() {
        if squash(c.encode_utf8(&mut [0; 4])).is_empty() {
            continue;
        }
        if seen == squashed {
            return end_of_previous..i;
        }
        seen += c.len_utf8();
        end_of_previous = i + c.len_utf8();
    }
    end_of_previous..text.len()
}

/// Breaks that fall on no word boundary or inside a grapheme cluster.
pub fn off_word_boundaries(ends: &[LineEnd]) -> Vec<String> {
    let words = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let graphemes = GraphemeClusterSegmenter::new();
    ends.iter()
        .filter(|e| !e.hyphenated)
        .filter(|e| {
            let at = |b: &usize| e.gap.start <= *b && *b <= e.gap.end;
            let word = words.segment_str(&e.text).any(|b| at(&b));
            let cluster = graphemes.segment_str(&e.text).any(|b| at(&b));
            !(word && cluster)
        })
        .map(|e| format!("a line ends inside a word: {}", shown(e)))
        .collect()
}

/// Breaks between two Hangul syllables (inside a word).
pub fn split_korean_words(ends: &[LineEnd]) -> Vec<String> {
    let hangul = |c: Option<char>| c.is_some_and(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    ends.iter()
        .filter(|e| {
            e.gap.is_empty()
                && hangul(e.text[..e.gap.start].chars().next_back())
                && hangul(e.text[e.gap.end..].chars().next())
        })
        .map(|e| format!("a Korean word is split: {}", shown(e)))
        .collect()
}

/// Lines that start with a closing mark or end with an opening one.
pub fn kinsoku(ends: &[LineEnd]) -> Vec<String> {
    ends.iter()
        .filter(|e| {
            let last = e.text[..e.gap.start].chars().next_back();
            let first = e.text[e.gap.end..].chars().next();
            first.is_some_and(|c| NO_LINE_START.contains(c))
                || last.is_some_and(|c| NO_LINE_END.contains(c))
        })
        .map(|e| format!("kinsoku: {}", shown(e)))
        .collect()
}

/// The break in context: "…before|after…".
fn shown(e: &LineEnd) -> String {
    let before: String = e.text[..e.gap.start].chars().rev().take(12).collect();
    let after: String = e.text[e.gap.end..].chars().take(12).collect();
    format!(
        "{:?}",
        before.chars().rev().collect::<String>() + "|" + &after
    )
}
