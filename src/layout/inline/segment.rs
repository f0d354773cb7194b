//! Where a line may break in a paragraph's text, by language and script: UAX #14,
//! plus word segmentation for the scripts that write no spaces between words (Thai,
//! Lao, Khmer, Myanmar), Korean broken between words only, and the Japanese kinsoku.

use crate::model::Language;
use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness, LineBreakWordOption};
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};
use unicode_linebreak::{break_property, BreakClass, BreakOpportunity};

/// Byte offsets where a line may start, ascending, each with whether the break is
/// mandatory (a line feed, or the end of the text, which is always the last).
pub(super) fn opportunities(text: &str, language: &Language) -> Vec<(usize, BreakOpportunity)> {
    let keep_all = language.primary().eq_ignore_ascii_case("ko");
    if !keep_all && !has_complex_context(text) {
        // UAX #14 alone: most paragraphs of most languages, Chinese and Japanese
        // included (unicode-linebreak resolves CJ to NS, the strict kinsoku below).
        // ICU4X's segmenter finds the same breaks in such text (segment_tests.rs) but
        // costs 1.4 % more instructions for a whole English leaflet.
        return unicode_linebreak::linebreaks(text).collect();
    }
    segmented(text, keep_all)
}

/// The breaks ICU4X's line segmenter finds, less those that would start a line with
/// a Thai or Lao vowel that follows its consonant (the dictionaries cut unknown
/// words, such as the drug's name, into letters: "เคต|า|มีน") or end one with a
/// vowel that precedes it.
fn segmented(text: &str, keep_all: bool) -> Vec<(usize, BreakOpportunity)> {
    segmenter(keep_all)
        .segment_str(text)
        // ICU4X reports the start of the text as a break too; a line never starts
        // empty there.
        .filter(|i| *i > 0)
        .map(|i| (i, kind(text, i)))
        .filter(|(i, op)| {
            *op == BreakOpportunity::Mandatory
                || !(text[*i..].starts_with(follows_its_consonant)
                    || text[*i..].starts_with(is_mark)
                    || text[..*i].ends_with(precedes_its_consonant))
        })
        .collect()
}

/// A combining mark belongs to the letter before it. The dictionaries can place a
/// word boundary before one (Burmese "သရ|ာ", whose vowel sign AA Unicode even leaves
/// out of grapheme clusters); a line broken there draws the sign on a dotted circle.
fn is_mark(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Thai and Lao vowels written after their consonant as letters of their own (not
/// combining marks), and the repetition marks: they never start a line.
fn follows_its_consonant(c: char) -> bool {
    matches!(
        c,
        '\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E45}' | '\u{0E46}' // ะ า ำ ๅ ๆ
        | '\u{0EB0}' | '\u{0EB2}' | '\u{0EB3}' | '\u{0EC6}' // ະ າ ຳ ໆ
    )
}

/// Thai and Lao vowels written before the consonant they follow in speech: they
/// never end a line.
fn precedes_its_consonant(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}' | '\u{0EC0}'..='\u{0EC4}')
}

/// Whether `text` has a character of UAX #14 class SA (Thai, Lao, Khmer, Myanmar,
/// Tai scripts), whose words only a segmenter can find.
pub(super) fn has_complex_context(text: &str) -> bool {
    // No SA character comes before the Thai block (checked in segment_tests.rs):
    // Latin, Greek, Cyrillic, Arabic and Hebrew text needs no table look-up.
    !text.is_ascii()
        && text
            .chars()
            .any(|c| c >= FIRST_COMPLEX && break_property(c as u32) == BreakClass::ComplexContext)
}

/// The start of the Thai block, the first with characters of class SA.
const FIRST_COMPLEX: char = '\u{0E00}';

/// The segmenter for text with words to find, or Korean text (`keep_all`).
fn segmenter(keep_all: bool) -> LineSegmenterBorrowed<'static> {
    let mut options = LineBreakOptions::default();
    // Strict, as unicode-linebreak is: no line starts with a small kana or the
    // prolonged sound mark (UAX #14 class CJ resolved to NS, LB1), as JIS X 4051 asks
    // of Japanese text books; the other kinsoku rules (no line starts with closing
    // punctuation or ends with opening punctuation) are UAX #14's own.
    options.strictness = Some(LineBreakStrictness::Strict);
    // Korean is written in words separated by spaces: a word's syllables stay
    // together (CSS `word-break: keep-all`), as Korean books set it.
    if keep_all {
        options.word_option = Some(LineBreakWordOption::KeepAll);
    }
    // Thai, Lao, Khmer and Myanmar (UAX #14 class SA) break between words found in
    // ICU4X's dictionaries (compiled in; browsers use ICU4C's). Its LSTM models are
    // smaller (+0.4 MB to the binary against +1.2 MB) and guess unknown words
    // better, but cost a hundred times more: 99 M instructions for 1 300 Thai
    // characters against 0.9 M (callgrind).
    LineSegmenter::new_dictionary(options)
}

/// Whether the break before byte `i` is mandatory (UAX #14 LB3–LB6).
fn kind(text: &str, i: usize) -> BreakOpportunity {
    let forced = i == text.len()
        || text[..i].chars().next_back().is_some_and(|c| {
            matches!(
                break_property(c as u32),
                BreakClass::Mandatory
                    | BreakClass::CarriageReturn
                    | BreakClass::LineFeed
                    | BreakClass::NextLine
            )
        });
    if forced {
        BreakOpportunity::Mandatory
    } else {
        BreakOpportunity::Allowed
    }
}

#[cfg(test)]
#[path = "segment_tests.rs"]
mod tests;
