//! Which formula scores which language, and why the others are not scored.

use super::formula::{self, Formula};
use crate::model::Language;

/// The established formula for `language`, or the reason there is none to apply.
pub fn formula_for(language: &Language) -> Result<Formula, String> {
    let primary = language.primary().to_ascii_lowercase();
    let formula = match primary.as_str() {
        "en" => formula::ENGLISH,
        "es" => formula::SPANISH,
        "de" => formula::GERMAN,
        "fr" => formula::FRENCH,
        "it" => formula::ITALIAN,
        "pt" => formula::PORTUGUESE,
        "ru" => formula::RUSSIAN,
        "nl" => formula::DUTCH,
        "pl" => formula::POLISH,
        _ => return Err(reason(&primary)),
    };
    Ok(formula)
}

/// Why `primary` is not scored: no formula, or one this library cannot apply faithfully.
fn reason(primary: &str) -> String {
    let why = match primary {
        "ar" => {
            "Arabic: its formulas (OSMAN, Dawood, Al-Heeti) count syllables from \
                 short vowels that Arabic text does not write, so they need a \
                 diacritiser this program does not have"
        }
        "fa" => {
            "Persian: Dayani's formula counts syllables from short vowels that \
                 Persian text does not write"
        }
        "ur" => {
            "Urdu: no established readability formula, and its short vowels are \
                 not written"
        }
        "he" => {
            "Hebrew: no established readability formula, and its vowels are not \
                 written"
        }
        "zh" => {
            "Chinese: no established formula of sentence and word length; Chinese \
                 readability rests on graded character lists and word segmentation"
        }
        "ja" => {
            "Japanese: its formulas (Tateishi, jReadability) need morphological \
                 analysis and graded vocabulary lists"
        }
        "ko" => "Korean: no established readability formula",
        "th" => {
            "Thai: no established readability formula (words are not separated by \
                 spaces)"
        }
        "lo" => "Lao: no established readability formula",
        "km" => "Khmer: no established readability formula",
        "my" => "Burmese: no established readability formula",
        "hi" => "Hindi: no established readability formula",
        "bn" => "Bengali: no established readability formula",
        "gu" => "Gujarati: no established readability formula",
        "pa" => "Panjabi: no established readability formula",
        "ne" => "Nepali: no established readability formula",
        "uk" => {
            "Ukrainian: no established readability formula (Russian's is not \
                 applied to it)"
        }
        "el" => "Greek: no established readability formula",
        "hy" => "Armenian: no established readability formula",
        "am" => "Amharic: no established readability formula",
        "so" => "Somali: no established readability formula",
        "ht" => "Haitian Creole: no established readability formula",
        "tl" | "fil" => "Tagalog: no established readability formula",
        "vi" => "Vietnamese: no established, validated readability formula",
        _ => "no established readability formula is known for this language",
    };
    why.to_string()
}
