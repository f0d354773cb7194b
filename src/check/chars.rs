//! The Unicode character classes the checks ask about, answered from a memo.
//!
//! Outside ASCII, `char::is_alphabetic` walks the standard library's tables: about 490
//! instructions a call (measured, Rust 1.95), for every letter of a Devanagari, Arabic or
//! Cyrillic text, several times over as each rule splits and trims words. Here each
//! class is looked up once per code point and process, and remembered: the answer is
//! the standard library's (or, for marks, `unicode_properties`'), so the checks' findings
//! are the same; only the cost of asking again is gone.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU16, Ordering::Relaxed};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// A class remembered, numbered for its two bits in the memo.
#[derive(Clone, Copy)]
enum Class {
    Alphabetic = 0,
    Numeric = 1,
    Uppercase = 2,
    Lowercase = 3,
    Mark = 4,
    /// Has a lowercase form other than itself.
    Lowers = 5,
    /// A nonspacing or enclosing mark (Mn, Me: no width of its own).
    ZeroWidthMark = 6,
}

impl Class {
    /// The answer from the tables (the slow path).
    fn of(self, c: char) -> bool {
        match self {
            Class::Alphabetic => c.is_alphabetic(),
            Class::Numeric => c.is_numeric(),
            Class::Uppercase => c.is_uppercase(),
            Class::Lowercase => c.is_lowercase(),
            Class::Mark => c.general_category_group() == GeneralCategoryGroup::Mark,
            Class::Lowers => !c.to_lowercase().eq([c]),
            Class::ZeroWidthMark => matches!(
                c.general_category(),
                GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
            ),
        }
    }
}

/// For every code point of the Basic Multilingual Plane (where the scripts we ship
/// are), two bits a class: whether it is known, and the answer. Threads that race on a
/// code point compute the same answer, so relaxed ordering is enough.
static MEMO: [AtomicU16; 0x1_0000] = [const { AtomicU16::new(0) }; 0x1_0000];

fn is(class: Class, c: char) -> bool {
    let Some(slot) = MEMO.get(c as usize) else {
        return class.of(c); // beyond the BMP: rare, asked of the tables
    };
    let known = 1u16 << (2 * class as u16);
    let yes = known << 1;
    let bits = slot.load(Relaxed);
    if bits & known != 0 {
        return bits & yes != 0;
    }
    let answer = class.of(c);
    slot.fetch_or(if answer { known | yes } else { known }, Relaxed);
    answer
}

/// ASCII answered by `ascii` (no look-up at all), any other character by the memo.
fn ascii_or(c: char, ascii: fn(&char) -> bool, class: Class) -> bool {
    match c.is_ascii() {
        true => ascii(&c),
        false => is(class, c),
    }
}

/// `char::is_alphabetic`.
pub fn is_alphabetic(c: char) -> bool {
    ascii_or(c, char::is_ascii_alphabetic, Class::Alphabetic)
}

/// `char::is_numeric`.
pub fn is_numeric(c: char) -> bool {
    ascii_or(c, char::is_ascii_digit, Class::Numeric)
}

/// `char::is_alphanumeric`: alphabetic or numeric.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is(Class::Alphabetic, c) || is(Class::Numeric, c)
    }
}

/// `char::is_uppercase`.
pub fn is_uppercase(c: char) -> bool {
    ascii_or(c, char::is_ascii_uppercase, Class::Uppercase)
}

/// `char::is_lowercase`.
pub fn is_lowercase(c: char) -> bool {
    ascii_or(c, char::is_ascii_lowercase, Class::Lowercase)
}

/// A combining mark (general category M: Mn, Mc or Me); none in ASCII.
pub fn is_mark(c: char) -> bool {
    !c.is_ascii() && is(Class::Mark, c)
}

/// A nonspacing or enclosing mark (general category Mn or Me); none in ASCII.
pub fn is_nonspacing_or_enclosing_mark(c: char) -> bool {
    !c.is_ascii() && is(Class::ZeroWidthMark, c)
}

/// `s.to_lowercase()`, borrowed when no character of `s` has a lowercase form other
/// than itself (most text of scripts without case): `str::to_lowercase` maps each
/// character to its `char::to_lowercase`, except capital sigma (which has one).
pub fn lowercase(s: &str) -> Cow<'_, str> {
    let lowers = |c: char| ascii_or(c, char::is_ascii_uppercase, Class::Lowers);
    if !s.chars().any(lowers) {
        return Cow::Borrowed(s);
    }
    // Capital sigma lowers by its context: the standard library's rule.
    if s.contains('Σ') {
        return Cow::Owned(s.to_lowercase());
    }
    // Otherwise `str::to_lowercase` is each character's `char::to_lowercase`; a
    // character the memo knows to have no other lowercase form (every letter of a
    // Cyrillic or Greek text but the capitals) is copied without the case tables.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is(Class::Lowers, c) {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every BMP code point (asked twice: from the tables, then from the memo) and a
    /// sample beyond it answer as the standard library and `unicode_properties` do.
    #[test]
    fn answers_as_the_tables() {
        let bmp = 0..0x1_0000u32;
        let beyond = (0x1_0000..0x11_0000u32).step_by(61);
        for c in bmp.chain(beyond).filter_map(char::from_u32) {
            for _ in 0..2 {
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
                assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
                assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
                assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
                let mark = c.general_category_group() == GeneralCategoryGroup::Mark;
                assert_eq!(is_mark(c), mark, "{c:?}");
                let zero_width = matches!(
                    c.general_category(),
                    GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
                );
                assert_eq!(is_nonspacing_or_enclosing_mark(c), zero_width, "{c:?}");
                let alone = c.to_string();
                assert_eq!(lowercase(&alone), alone.to_lowercase(), "{c:?}");
            }
        }
    }

    #[test]
    fn lowercases_as_the_standard_library() {
        for s in [
            "ΟΔΟΣ ΟΔΟΣ.",
            "Ketamine NMDA",
            "Кетамин — ЭТО препарат",
            "Ἀθῆναι ΚΕΤΑΜΊΝΗ ᾼ",
            "İSTANBUL ǄǅǆẞÅ",
            "Ketamin ist ein Arzneimittel. ÄÖÜ",
            "केटामाइन",
            "İstanbul",
            "ǅ",
            "ketamine",
            "",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
        }
        assert!(matches!(lowercase("केटामाइन 50 mg"), Cow::Borrowed(_)));
    }
}
