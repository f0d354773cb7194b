//! The unit aliases of each language: the data that [`super::units`] matches. How an alias
//! is written (`*` stem, `~` prefix, a whole word otherwise) and what was left out is
//! described there.

use super::units::Unit::{self, *};

/// Symbols counted in every language (whole words, compared in lower case).
pub(super) const EVERYWHERE: &[(&str, Unit)] = &[
    ("ng", Nanogram),
    ("µg", Microgram),
    ("μg", Microgram),
    ("mcg", Microgram),
    ("mg", Milligram),
    ("g", Gram),
    ("kg", Kilogram),
    ("µl", Microlitre),
    ("μl", Microlitre),
    ("ml", Millilitre),
    ("l", Litre),
    ("mmol", Millimole),
    ("%~", Percent),
    ("٪~", Percent),
    ("％~", Percent),
    ("‰~", PerMille),
    ("iu", InternationalUnit),
    ("i.u.", InternationalUnit),
    ("mmhg", MillimetreOfMercury),
    ("mm hg", MillimetreOfMercury),
    ("°c", DegreeCelsius),
    ("° c", DegreeCelsius),
    ("℃~", DegreeCelsius),
    ("mm", Millimetre),
    ("cm", Centimetre),
    ("min", Minute),
    ("h", Hour),
];

mod european;
mod other;

/// The words and local symbols of language `primary` (and `script` for Chinese).
pub(super) fn local(primary: &str, script: Option<&str>) -> &'static [(&'static str, Unit)] {
    european::local(primary)
        .or_else(|| other::local(primary, script))
        .unwrap_or(&[])
}

/// Words that may stand between a number and its unit, per language: the comparatives
/// and approximators that these languages put after the number ("50多年", "50여 년",
/// "50 से अधिक वर्षों"). Any other word between them breaks the adjacency.
pub(super) fn fillers(primary: &str) -> &'static [&'static str] {
    match primary {
        "zh" | "ja" => &["多", "余", "餘", "几", "幾", "余り"],
        "ko" => &["여", "수"],
        "hi" => &["से", "अधिक", "ज़्यादा", "ज्यादा", "कम"],
        _ => &[],
    }
}

/// The unit words a language writes before the number it counts: Myanmar counts
/// "noun + number" ("နှစ်ပေါင်း 50" — years, in all 50).
pub(super) fn before_words(primary: &str) -> &'static [(&'static str, Unit)] {
    match primary {
        "my" => &[("နှစ်", Year)],
        _ => &[],
    }
}
