//! Decimal digits of every script, read as their value 0–9.
//!
//! Unicode lays out every decimal digit set (general category Nd) as ten consecutive code
//! points from its zero, so a digit's value is its distance from its set's zero. The zeros
//! are listed below (Unicode 14, 66 sets: ASCII, Arabic-Indic, Extended Arabic-Indic,
//! Devanagari, Bengali, Gurmukhi, Gujarati, Thai, Lao, Myanmar, Khmer, full-width, …);
//! a digit of a set added to Unicode later is found through its general category. Those
//! sets are all outside the Basic Multilingual Plane, so a letter of a living script is
//! rejected by the table alone (the category lookup cost 50 µs per Arabic leaflet).

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The first code point (digit zero) of every decimal digit set of Unicode 14.
const ZEROS: [u32; 66] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// A bit for every code point of the Basic Multilingual Plane: whether it is one of
/// the ten digits of a set in [`ZEROS`].
static BMP_DIGITS: [u64; 0x1_0000 / 64] = {
    let mut bits = [0u64; 0x1_0000 / 64];
    let mut i = 0;
    while i < ZEROS.len() {
        let mut c = ZEROS[i];
        while c < ZEROS[i] + 10 && c < 0x1_0000 {
            bits[(c / 64) as usize] |= 1 << (c % 64);
            c += 1;
        }
        i += 1;
    }
    bits
};

/// The value of `c` if it is a decimal digit of any script (`'٥'` → 5, `'५'` → 5).
pub fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    let code = c as u32;
    // Latin, Greek, Cyrillic, Armenian, Hebrew and the Arabic letters come before the
    // first non-ASCII zero (U+0660): most letters of a text stop here.
    if code < 0x0660 {
        return None;
    }
    // Most characters of a text are letters of the Basic Multilingual Plane: one bit
    // says whether a zero lies within ten below (the search cost each of them ~35
    // instructions, twice a translated entry).
    if let Some(&bits) = BMP_DIGITS.get(code as usize / 64) {
        if bits >> (code % 64) & 1 == 0 {
            return None;
        }
    }
    // The last zero at or below `code`; the digit belongs to it if within ten.
    let index = ZEROS.partition_point(|&zero| zero <= code);
    if index > 0 {
        let offset = code - ZEROS[index - 1];
        if offset < 10 {
            return Some(offset as u8);
        }
    }
    if code < 0x10000 {
        return None;
    }
    newer_digit_value(c)
}

/// A digit of a set newer than the table: its distance from the start of its run of Nd
/// code points, modulo ten (runs are whole sets of ten, some sets adjacent).
fn newer_digit_value(c: char) -> Option<u8> {
    if c.general_category() != GeneralCategory::DecimalNumber {
        return None;
    }
    let mut start = c as u32;
    while let Some(previous) = start.checked_sub(1).and_then(char::from_u32) {
        if previous.general_category() != GeneralCategory::DecimalNumber {
            break;
        }
        start -= 1;
    }
    Some(((c as u32 - start) % 10) as u8)
}

/// Whether `c` is an Arabic-Indic or Extended Arabic-Indic digit, whose numbers use the
/// Arabic separators (U+066B decimal, U+066C thousands) rather than the language's Latin ones.
pub fn is_arabic_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(digits: &str) -> Vec<u8> {
        digits
            .chars()
            .map(|c| digit_value(c).unwrap_or(99))
            .collect()
    }

    #[test]
    fn every_digit_system_reads_as_its_value() {
        let zero_to_nine = (0..10).collect::<Vec<u8>>();
        for (name, digits) in [
            ("ASCII", "0123456789"),
            ("Arabic-Indic", "٠١٢٣٤٥٦٧٨٩"),
            ("Persian/Urdu", "۰۱۲۳۴۵۶۷۸۹"),
            ("Devanagari", "०१२३४५६७८९"),
            ("Bengali", "০১২৩৪৫৬৭৮৯"),
            ("Gurmukhi", "੦੧੨੩੪੫੬੭੮੯"),
            ("Gujarati", "૦૧૨૩૪૫૬૭૮૯"),
            ("Thai", "๐๑๒๓๔๕๖๗๘๙"),
            ("Lao", "໐໑໒໓໔໕໖໗໘໙"),
            ("Khmer", "០១២៣៤៥៦៧៨៩"),
            ("Myanmar", "၀၁၂၃၄၅၆၇၈၉"),
            ("full-width", "０１２３４５６７８９"),
            ("Tamil", "௦௧௨௩௪௫௬௭௮௯"),
            ("mathematical bold", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"),
        ] {
            assert_eq!(read(digits), zero_to_nine, "{name}");
        }
    }

    /// The bit table answers as the search through the zeros it stands in front of,
    /// for every character of the Basic Multilingual Plane.
    #[test]
    fn the_bit_table_agrees_with_the_zeros() {
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let code = c as u32;
            let index = ZEROS.partition_point(|&zero| zero <= code);
            let want = index
                .checked_sub(1)
                .map(|i| code - ZEROS[i])
                .filter(|&offset| offset < 10)
                .map(|offset| offset as u8);
            assert_eq!(digit_value(c), want, "U+{code:04X}");
        }
    }

    #[test]
    fn letters_and_other_numerals_are_not_digits() {
        for c in ['a', '.', ',', '٫', '五', '፭', '²', '½', 'Ⅴ'] {
            assert_eq!(digit_value(c), None, "{c}");
        }
    }

    #[test]
    fn a_digit_outside_the_table_is_read_by_its_category() {
        // U+1D7D8..: the second of five adjacent mathematical digit sets.
        assert_eq!(newer_digit_value('\u{1D7DD}'), Some(5));
        assert_eq!(newer_digit_value('\u{0665}'), Some(5));
        assert_eq!(newer_digit_value('x'), None);
    }
}
