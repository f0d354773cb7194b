//! Units written next to a number, per language and script: symbols ("mg", "мг", "ملغ",
//! "毫克") and the time words as stems that match their inflected forms ("Jahr" matches
//! "Jahre", "Jahren"; "год" matches "года").
//!
//! An alias is written in lower case and marked by its last character:
//! - `*` a stem: it matches the start of a word and the unit spans the whole word
//!   ("rok*" matches "roku"). For languages whose suffixes attach (Arabic, Indic, Korean).
//! - `~` a prefix in a script without spaces between words (Chinese, Japanese, Thai, Lao,
//!   Khmer, Myanmar): it matches where it starts and spans only itself ("年" in "50年以上").
//! - no mark: a whole word ("an", "lat", "mg"), so "min" does not match "minimum".
//!
//! A space in an alias matches any space (NBSP, U+202F, ZWNJ included).
//! Latin symbols (mg, ml, %, IU, …) count in every language, because leaflets in every
//! script write them. Where we are not sure of a language's word it is left out, not
//! guessed; left out so far: mass and volume words in am (but ሚሊግራም), lo, km (but
//! មីលីក្រាម), my (but မီလီဂရမ်), ht, tl, so, vi, el and he (but מ"ג, גרם, מ"ל, ליטר); the
//! Myanmar month "လ" (one letter that starts too many words); Korean and Chinese native
//! numerals; "units" of insulin (not IU); worded per-day rates ("three times a day").

use super::aliases::{before_words, fillers, local, EVERYWHERE};
use super::separators::is_space;
use crate::check::chars;

/// A unit a leaflet writes after (or before) a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Nanogram,
    Microgram,
    Milligram,
    Gram,
    Kilogram,
    Microlitre,
    Millilitre,
    Litre,
    Millimole,
    Percent,
    PerMille,
    InternationalUnit,
    MillimetreOfMercury,
    DegreeCelsius,
    Millimetre,
    Centimetre,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A unit found in the text: which, and the byte just after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub unit: Unit,
    pub end: usize,
}

/// The unit words of one language, looked up once per text.
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    local: &'static [(&'static str, Unit)],
    /// Words that may stand between a number and its unit.
    pub fillers: &'static [&'static str],
    /// Unit words written before the number.
    pub before: &'static [(&'static str, Unit)],
}

impl Vocabulary {
    /// The vocabulary of language `primary` (written in `script`, for Chinese).
    pub fn of(primary: &str, script: Option<&str>) -> Vocabulary {
        Vocabulary {
            local: local(primary, script),
            fillers: fillers(primary),
            before: before_words(primary),
        }
    }

    /// The unit whose alias starts at byte `at` of `text`, longest alias first; its end is
    /// the byte after it (after the whole word, for a stem).
    pub fn unit_at(&self, text: &str, at: usize) -> Option<Found> {
        let rest = &text[at..];
        let first = narrow(rest.chars().next()?).to_lowercase().next()?;
        let mut best: Option<Found> = None;
        for &(alias, unit) in self.local.iter().chain(EVERYWHERE) {
            // Most aliases differ in their first character: skip them without matching.
            if !alias.starts_with(first) {
                continue;
            }
            if let Some(end) = matches(alias, rest) {
                if best.as_ref().is_none_or(|b| at + end > b.end) {
                    best = Some(Found {
                        unit,
                        end: at + end,
                    });
                }
            }
        }
        best
    }
}

/// The length in bytes that `alias` (with its mark) covers at the start of `text`.
fn matches(alias: &str, text: &str) -> Option<usize> {
    let (core, mark) = match alias.char_indices().last() {
        Some((i, m @ ('*' | '~'))) if i > 0 => (&alias[..i], Some(m)),
        _ => (alias, None),
    };
    let mut chars = text.char_indices().peekable();
    for a in core.chars() {
        let (_, t) = chars.next()?;
        let t = narrow(t);
        let same = if a == ' ' {
            is_space(t) || t == '\u{200C}'
        } else {
            t == a || t.to_lowercase().eq(std::iter::once(a))
        };
        if !same {
            return None;
        }
    }
    let end = chars.peek().map_or(text.len(), |&(i, _)| i);
    match mark {
        Some('~') => Some(end),
        Some(_) => Some(
            chars
                .find(|&(_, c)| !is_word_char(c))
                .map_or(text.len(), |(i, _)| i),
        ),
        None => {
            let next_is_word = chars.peek().is_some_and(|&(_, c)| is_word_char(c));
            let core_is_word = core.chars().last().is_some_and(is_word_char);
            (!(next_is_word && core_is_word)).then_some(end)
        }
    }
}

/// A full-width ASCII form (U+FF01–U+FF5E, "ｍｇ" in Japanese text) as its ASCII letter.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Whether `c` continues a word: a letter, digit or mark, or a zero-width (non-)joiner.
pub fn is_word_char(c: char) -> bool {
    chars::is_alphanumeric(c) || matches!(c, '\u{200C}' | '\u{200D}') || chars::is_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Unit::*;

    fn unit<'a>(primary: &str, text: &'a str) -> Option<(Unit, &'a str)> {
        let script = (primary == "zh").then_some("Hans");
        Vocabulary::of(primary, script)
            .unit_at(text, 0)
            .map(|f| (f.unit, &text[..f.end]))
    }

    #[test]
    fn symbols_match_whole_words_only() {
        assert_eq!(unit("en", "mg daily"), Some((Milligram, "mg")));
        assert_eq!(unit("en", "mL."), Some((Millilitre, "mL")));
        assert_eq!(unit("en", "minimum"), None);
        assert_eq!(unit("en", "mgx"), None);
        assert_eq!(unit("de", "l"), Some((Litre, "l")));
    }

    #[test]
    fn stems_span_the_inflected_word() {
        assert_eq!(unit("de", "Jahren zur"), Some((Year, "Jahren")));
        assert_eq!(unit("pl", "roku"), Some((Year, "roku")));
        assert_eq!(unit("pl", "lat."), Some((Year, "lat")));
        assert_eq!(unit("ru", "года"), Some((Year, "года")));
        assert_eq!(unit("ru", "лет"), Some((Year, "лет")));
        assert_eq!(unit("ar", "عامًا"), Some((Year, "عامًا")));
        assert_eq!(unit("bn", "বছরেরও বেশি"), Some((Year, "বছরেরও")));
        assert_eq!(unit("ko", "년 넘게"), Some((Year, "년")));
    }

    #[test]
    fn the_longest_alias_wins() {
        assert_eq!(unit("ar", "ملغ"), Some((Milligram, "ملغ")));
        assert_eq!(unit("ar", "مل "), Some((Millilitre, "مل")));
        assert_eq!(unit("ru", "мг/кг"), Some((Milligram, "мг")));
        assert_eq!(unit("ru", "г."), Some((Year, "г.")));
        assert_eq!(unit("ru", "г "), Some((Gram, "г")));
    }

    #[test]
    fn scripts_without_spaces_match_a_prefix() {
        assert_eq!(unit("zh", "年。"), Some((Year, "年")));
        assert_eq!(unit("ja", "年以上"), Some((Year, "年")));
        assert_eq!(unit("th", "ปี เคตามีน"), Some((Year, "ปี")));
        assert_eq!(unit("zh", "毫克"), Some((Milligram, "毫克")));
    }

    #[test]
    fn spaces_in_an_alias_match_any_space() {
        assert_eq!(
            unit("fa", "میلی\u{200C}گرم"),
            Some((Milligram, "میلی\u{200C}گرم"))
        );
        assert_eq!(
            unit("ru", "мм\u{A0}рт. ст."),
            Some((MillimetreOfMercury, "мм\u{A0}рт. ст."))
        );
    }
}
