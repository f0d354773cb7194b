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

/// Hyphenation patterns by tag prefix, most specific first.
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
    ("zh", "Hani"),
    ("ja", "Jpan"),
    ("ko", "Kore"),
    ("hi", "Deva"),
    ("th", "Thai"),
];

/// The tag's script subtag (four letters, e.g. `zh-Hant`), else the language's usual
/// script; Latin for the languages not listed.
fn script_of(tag: &str, primary: &str) -> Option<&'static str> {
    const EXPLICIT: &[&str] = &[
        "Latn", "Cyrl", "Arab", "Hebr", "Grek", "Hans", "Hant", "Hani", "Jpan", "Kore", "Deva",
        "Thai", "Thaa",
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
}
