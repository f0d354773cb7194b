//! A text's language: its BCP 47 tag and what the later stages need from it (script,
//! writing direction, hyphenation patterns), derived once when the tag is read.

use hyphenation::Language as Patterns;

/// The language of a document: tag, script, direction and hyphenation patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    tag: String,
    script: Option<&'static str>,
    direction: Direction,
    hyphenation: Option<Patterns>,
}

/// Writing direction of a language or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Language {
    /// The language of BCP 47 tag `tag` (as written; a malformed tag is reported when
    /// the file is validated, and gives a left-to-right language without patterns).
    pub fn new(tag: &str) -> Language {
        let primary = tag.split('-').next().unwrap_or("");
        let direction = if matches!(
            primary,
            "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
        ) {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
        Language {
            tag: tag.to_string(),
            script: script_of(tag, primary),
            direction,
            hyphenation: patterns_of(tag),
        }
    }

    /// The BCP 47 tag as written.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The primary language subtag (`ko` of `ko-KR`), as written.
    pub fn primary(&self) -> &str {
        self.tag.split('-').next().unwrap_or("")
    }

    /// The ISO 15924 script: the tag's script subtag, else the language's usual one
    /// (`None` where neither is known).
    pub fn script(&self) -> Option<&'static str> {
        self.script
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.direction == Direction::RightToLeft
    }

    /// The hyphenation patterns for the language, if there are any.
    pub fn hyphenation(&self) -> Option<Patterns> {
        self.hyphenation
    }

    /// The ISO date `iso` as the language writes it: CLDR's long Gregorian date in the
    /// language's digits ("25. November 2026", "۲۵ نوامبر ۲۰۲۶"); `iso` itself where
    /// CLDR has no date data for the language (see `locale_forms`).
    pub fn date(&self, iso: &str) -> String {
        super::locale_forms::long_date(&self.tag, iso).unwrap_or_else(|| iso.to_string())
    }

    /// `n` in the digits the language writes its dates with (`۱۲` in Persian).
    pub fn number(&self, n: usize) -> String {
        super::locale_forms::number(&self.tag, n)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.tag)
    }
}

/// A language is its tag as written (`language == "ar"`).
impl PartialEq<&str> for Language {
    fn eq(&self, other: &&str) -> bool {
        self.tag == *other
    }
}

/// Hyphenation patterns by tag prefix, most specific first: the languages whose
/// printed text is hyphenated and for which the hyphenation crate has patterns.
/// Left out although the crate has patterns: Thai, Hindi, Bengali, Panjabi, Gujarati
/// (and Ethiopic), whose books break lines between words or syllables without a
/// hyphen; a hyphen there would read as a dash. No patterns exist for Tagalog,
/// Haitian Creole, Somali, Vietnamese (one syllable a word) or the Arabic, Hebrew
/// and CJK scripts (not hyphenated).
pub(crate) const PATTERNS: &[(&str, Patterns)] = &[
    ("en-gb", Patterns::EnglishGB),
    ("en", Patterns::EnglishUS),
    ("de", Patterns::German1996),
    ("fr", Patterns::French),
    ("es", Patterns::Spanish),
    ("it", Patterns::Italian),
    ("pt", Patterns::Portuguese),
    ("nl", Patterns::Dutch),
    ("pl", Patterns::Polish),
    ("ru", Patterns::Russian),
    ("uk", Patterns::Ukrainian),
    ("sv", Patterns::Swedish),
    ("da", Patterns::Danish),
    ("cs", Patterns::Czech),
    ("tr", Patterns::Turkish),
    // Modern Greek is monotonic (one accent) since 1982.
    ("el", Patterns::GreekMono),
    ("hy", Patterns::Armenian),
];

fn patterns_of(tag: &str) -> Option<Patterns> {
    PATTERNS
        .iter()
        .find(|(prefix, _)| {
            tag.len() >= prefix.len()
                && tag.is_char_boundary(prefix.len())
                && tag[..prefix.len()].eq_ignore_ascii_case(prefix)
                && (tag.len() == prefix.len() || tag.as_bytes()[prefix.len()] == b'-')
        })
        .map(|(_, l)| *l)
}

/// The usual script of the languages the fonts cover, by primary subtag.
const SCRIPTS: &[(&str, &str)] = &[
    ("ar", "Arab"),
    ("fa", "Arab"),
    ("ur", "Arab"),
    ("ps", "Arab"),
    ("sd", "Arab"),
    ("ug", "Arab"),
    ("ckb", "Arab"),
    ("he", "Hebr"),
    ("yi", "Hebr"),
    ("dv", "Thaa"),
    ("ru", "Cyrl"),
    ("uk", "Cyrl"),
    ("bg", "Cyrl"),
    ("sr", "Cyrl"),
    ("el", "Grek"),
    ("hy", "Armn"),
    ("am", "Ethi"),
    ("ti", "Ethi"),
    ("zh", "Hani"),
    ("ja", "Jpan"),
    ("ko", "Kore"),
    ("hi", "Deva"),
    ("mr", "Deva"),
    ("ne", "Deva"),
    ("bn", "Beng"),
    ("pa", "Guru"),
    ("gu", "Gujr"),
    ("th", "Thai"),
    ("lo", "Laoo"),
    ("km", "Khmr"),
    ("my", "Mymr"),
];

/// The tag's script subtag (four letters, e.g. `zh-Hant`), else the language's usual
/// script; Latin for the languages not listed.
fn script_of(tag: &str, primary: &str) -> Option<&'static str> {
    const EXPLICIT: &[&str] = &[
        "Latn", "Cyrl", "Arab", "Hebr", "Grek", "Armn", "Ethi", "Hans", "Hant", "Hani", "Jpan",
        "Kore", "Deva", "Beng", "Guru", "Gujr", "Thai", "Laoo", "Khmr", "Mymr", "Thaa",
    ];
    if let Some(s) = tag
        .split('-')
        .skip(1)
        .find_map(|sub| EXPLICIT.iter().find(|e| e.eq_ignore_ascii_case(sub)))
    {
        return Some(s);
    }
    match SCRIPTS.iter().find(|(p, _)| *p == primary) {
        Some((_, s)) => Some(s),
        None if (2..=3).contains(&primary.len()) => Some("Latn"),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_script_and_patterns_follow_the_tag() {
        let ar = Language::new("ar");
        assert!(ar.is_rtl());
        assert_eq!(ar.script(), Some("Arab"));
        assert_eq!(ar.hyphenation(), None);
        let de = Language::new("de-AT");
        assert!(!de.is_rtl());
        assert_eq!(de.hyphenation(), Some(Patterns::German1996));
        assert_eq!(
            Language::new("en-GB").hyphenation(),
            Some(Patterns::EnglishGB)
        );
        assert_eq!(Language::new("zh-Hant").script(), Some("Hant"));
        assert_eq!(Language::new("vi").hyphenation(), None);
        assert_eq!(Language::new("he-IL").to_string(), "he-IL");
    }

    /// The script of every locale of the leaflets (issue 14), from its tag alone.
    #[test]
    fn every_leaflet_locale_has_its_script() {
        let expected = [
            ("en", "Latn"),
            ("tl", "Latn"),
            ("ht", "Latn"),
            ("so", "Latn"),
            ("vi", "Latn"),
            ("ru", "Cyrl"),
            ("uk", "Cyrl"),
            ("el", "Grek"),
            ("hy", "Armn"),
            ("am", "Ethi"),
            ("ar", "Arab"),
            ("fa", "Arab"),
            ("ur", "Arab"),
            ("he", "Hebr"),
            ("hi", "Deva"),
            ("ne", "Deva"),
            ("bn", "Beng"),
            ("pa", "Guru"),
            ("gu", "Gujr"),
            ("th", "Thai"),
            ("lo", "Laoo"),
            ("km", "Khmr"),
            ("my", "Mymr"),
            ("zh-Hans", "Hans"),
            ("zh-Hant", "Hant"),
            ("ja", "Jpan"),
            ("ko", "Kore"),
            ("pa-Arab", "Arab"),
        ];
        for (tag, script) in expected {
            assert_eq!(Language::new(tag).script(), Some(script), "{tag}");
        }
    }

    /// Languages hyphenated in print get the crate's patterns; those that break
    /// lines between words or syllables without a hyphen, or have no patterns, get
    /// none.
    #[test]
    fn only_languages_that_hyphenate_have_patterns() {
        for (tag, patterns) in [
            ("pt-BR", Patterns::Portuguese),
            ("pl", Patterns::Polish),
            ("it", Patterns::Italian),
            ("uk", Patterns::Ukrainian),
            ("el", Patterns::GreekMono),
            ("hy", Patterns::Armenian),
        ] {
            assert_eq!(Language::new(tag).hyphenation(), Some(patterns), "{tag}");
        }
        for tag in [
            "th", "lo", "km", "my", "ko", "ja", "zh-Hans", "zh-Hant", "he", "ar", "ur", "fa", "hi",
            "ne", "bn", "pa", "gu", "am", "tl", "ht", "so", "vi",
        ] {
            assert_eq!(Language::new(tag).hyphenation(), None, "{tag}");
        }
    }

    /// Every listed pattern set is embedded in the binary (a set the crate lacks
    /// would silently hyphenate nothing).
    #[test]
    fn every_listed_pattern_set_loads() {
        use hyphenation::{Load, Standard};
        for (prefix, patterns) in PATTERNS {
            assert!(Standard::from_embedded(*patterns).is_ok(), "{prefix}");
        }
    }

    /// The new locales' patterns split their medical words (anaesthetic, Greek and
    /// Armenian).
    #[test]
    fn greek_and_armenian_patterns_split_words() {
        use hyphenation::{Hyphenator, Load, Standard};
        for (tag, word) in [("el", "αναισθητικό"), ("hy", "անզգայացնող")] {
            let patterns = Language::new(tag).hyphenation().expect(tag);
            let dict = Standard::from_embedded(patterns).expect(tag);
            assert!(!dict.hyphenate(word).breaks.is_empty(), "{tag} {word}");
        }
    }

    #[test]
    fn the_primary_subtag_is_the_first() {
        assert_eq!(Language::new("ko-KR").primary(), "ko");
        assert_eq!(Language::new("zh-Hant").primary(), "zh");
        assert_eq!(Language::new("th").primary(), "th");
    }
}
