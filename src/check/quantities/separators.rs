//! Decimal and grouping separators: how a run of digit groups ("1.500,5", "1 500", "1,50,000")
//! reads in a language.
//!
//! The rule, in order (a "group mark" is one the language groups thousands with):
//! 1. The last separator is the language's decimal mark (or U+066B ARABIC DECIMAL
//!    SEPARATOR, whatever the language) and everything before it is validly grouped:
//!    a decimal number. Valid grouping: one mark throughout (the space family — space,
//!    NBSP, U+202F, U+2009 — counts as one mark), a first group of 1–3 digits not starting
//!    with 0, then groups of exactly 3 digits; languages of India and Pakistan (hi, bn, gu,
//!    pa, ne, ur) also accept lakh grouping, groups of 2 then a last group of 3 ("1,50,000").
//! 2. Every separator is a group mark of the language (or U+066C ARABIC THOUSANDS
//!    SEPARATOR) and the grouping is valid: an integer ("1.500" in de is 1500).
//! 3. Otherwise, if the last separator is '.' or ',' and what comes before it is validly
//!    grouped, it is a decimal point after all: a group of other than three digits cannot
//!    be a thousands group ("1.5 mg" in a German text is 1.5 mg, "0,500" in English 0.5).
//!    So a foreign mark before exactly three digits reads in the language's convention:
//!    "1.500" is 1.5 in English and 1500 in German, as a reader of each would take it.
//! 4. Otherwise the run is not one number: split at spaces (fr "en 2026 500 patients"),
//!    or at commas alone ("1,2,3" is a list); a run with dots ("1.0.2", "25.11.2026") is a
//!    version or date and gives no quantity.
//!
//! The per-language marks follow CLDR's defaults (Haitian Creole and Khmer included: CLDR gives
//! them the decimal point, though readers there may also write a comma) (checked against ICU4X in the tests),
//! widened where print practice is wider: comma-decimal languages also group with the
//! space family (DIN 1333, ISO 80000 thin spaces) and with '.'.

use std::ops::Range;

/// How a language writes the decimal point and groups thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Convention {
    /// The decimal mark of numbers in Latin digits ('.' or ',').
    decimal: char,
    /// Whether ',' groups (the decimal-point languages); otherwise '.' and spaces group.
    comma_groups: bool,
    /// Whether lakh grouping (1,50,000) is read as well as groups of three.
    lakh: bool,
}

impl Convention {
    /// The convention of the language with primary subtag `primary`; the English one for
    /// a language not listed.
    pub fn of(primary: &str) -> Convention {
        let decimal_comma = matches!(
            primary,
            "de" | "es"
                | "it"
                | "pt"
                | "el"
                | "vi"
                | "lo"
                | "fr"
                | "ru"
                | "uk"
                | "pl"
                | "hy"
                | "nl"
                | "tr"
                | "id"
                | "cs"
                | "sv"
                | "da"
                | "nb"
                | "fi"
                | "ro"
                | "hu"
        );
        Convention {
            decimal: if decimal_comma { ',' } else { '.' },
            comma_groups: !decimal_comma,
            lakh: matches!(primary, "hi" | "bn" | "gu" | "pa" | "ne" | "ur" | "mr"),
        }
    }

    /// Whether a separator may join digit groups into one numeral in this language.
    /// Spaces join only where they group (comma-decimal languages): in English "2 500"
    /// stays two numbers.
    pub fn joins(&self, c: char) -> bool {
        matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}') || (!self.comma_groups && is_space(c))
    }

    fn is_decimal(&self, c: char) -> bool {
        c == self.decimal || c == '\u{066B}'
    }

    fn is_group(&self, c: char) -> bool {
        c == '\u{066C}'
            || if self.comma_groups {
                c == ','
            } else {
                c == '.' || is_space(c)
            }
    }
}

/// The space characters that group digits: space, NBSP, NARROW NBSP, THIN SPACE.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// One number read from a numeral: canonical value and the numeral's groups it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub value: String,
    pub groups: Range<usize>,
}

/// The numbers in a numeral of digit groups `groups` (ASCII digits) joined by
/// `separators` (`separators[i]` between `groups[i]` and `groups[i + 1]`).
pub fn read(convention: &Convention, groups: &[String], separators: &[char]) -> Vec<Reading> {
    if let Some(value) = whole(convention, groups, separators) {
        return vec![Reading {
            value,
            groups: 0..groups.len(),
        }];
    }
    let split_at = if separators.iter().any(|&c| is_space(c)) {
        Some(is_space as fn(char) -> bool)
    } else if separators.iter().all(|&c| c == ',' || c == '\u{060C}') {
        Some((|c| c == ',') as fn(char) -> bool)
    } else {
        None
    };
    let Some(split_at) = split_at else {
        return Vec::new(); // a version or a date
    };
    let mut readings = Vec::new();
    let mut start = 0;
    for end in 1..=groups.len() {
        if end == groups.len() || split_at(separators[end - 1]) {
            for mut reading in read(convention, &groups[start..end], &separators[start..end - 1]) {
                reading.groups = reading.groups.start + start..reading.groups.end + start;
                readings.push(reading);
            }
            start = end;
        }
    }
    readings
}

/// The value of the whole numeral, if it reads as one number (rules 1–3).
fn whole(convention: &Convention, groups: &[String], separators: &[char]) -> Option<String> {
    let Some((&last, before)) = separators.split_last() else {
        return Some(canonical(&groups[0], ""));
    };
    let integer = &groups[..groups.len() - 1];
    let fraction = &groups[groups.len() - 1];
    if convention.is_decimal(last) && grouped(convention, integer, before) {
        return Some(canonical(&integer.concat(), fraction));
    }
    if separators.iter().all(|&c| convention.is_group(c)) && grouped(convention, groups, separators)
    {
        return Some(canonical(&groups.concat(), ""));
    }
    let other_marks_before = before.iter().all(|&c| c != last);
    if matches!(last, '.' | ',') && other_marks_before && grouped(convention, integer, before) {
        return Some(canonical(&integer.concat(), fraction));
    }
    None
}

/// Whether `groups` joined by `separators` form one validly grouped integer.
fn grouped(convention: &Convention, groups: &[String], separators: &[char]) -> bool {
    let Some((first, rest)) = groups.split_first() else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let one_mark = separators.iter().all(|&c| {
        convention.is_group(c) && (c == separators[0] || (is_space(c) && is_space(separators[0])))
    });
    if !one_mark || first.is_empty() || first.len() > 3 || first.starts_with('0') {
        return false;
    }
    let thousands = rest.iter().all(|g| g.len() == 3);
    let lakh = convention.lakh
        && first.len() <= 2
        && rest
            .split_last()
            .is_some_and(|(last, middle)| last.len() == 3 && middle.iter().all(|g| g.len() == 2));
    thousands || lakh
}

/// ASCII digits without leading zeros (but "0" before a point) or trailing fraction zeros.
fn canonical(integer: &str, fraction: &str) -> String {
    let integer = integer.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let mut value = String::with_capacity(integer.len() + fraction.len() + 2);
    value.push_str(if integer.is_empty() { "0" } else { integer });
    if !fraction.is_empty() {
        value.push('.');
        value.push_str(fraction);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values read from `numeral` (ASCII digits and separators) in language `primary`.
    fn values(primary: &str, numeral: &str) -> Vec<String> {
        let mut groups = vec![String::new()];
        let mut separators = Vec::new();
        for c in numeral.chars() {
            if c.is_ascii_digit() {
                if let Some(group) = groups.last_mut() {
                    group.push(c);
                }
            } else {
                separators.push(c);
                groups.push(String::new());
            }
        }
        read(&Convention::of(primary), &groups, &separators)
            .into_iter()
            .map(|r| r.value)
            .collect()
    }

    #[test]
    fn each_language_reads_its_own_marks() {
        for (primary, numeral, expected) in [
            ("en", "1,500", vec!["1500"]),
            ("en", "1,500.5", vec!["1500.5"]),
            ("en", "1,234,567.25", vec!["1234567.25"]),
            ("en", "0.50", vec!["0.5"]),
            ("en", "007", vec!["7"]),
            ("de", "1,5", vec!["1.5"]),
            ("de", "1.500,5", vec!["1500.5"]),
            ("de", "1 500,5", vec!["1500.5"]),
            ("de", "1.500", vec!["1500"]),
            ("fr", "1 500", vec!["1500"]),
            ("fr", "1\u{202F}500,25", vec!["1500.25"]),
            ("fr", "1\u{A0}500\u{202F}000", vec!["1500000"]),
            ("ru", "2,5", vec!["2.5"]),
            ("hi", "1,50,000", vec!["150000"]),
            ("hi", "1,00,00,000.5", vec!["10000000.5"]),
            ("hi", "150,000", vec!["150000"]),
            ("ar", "1\u{066C}500\u{066B}5", vec!["1500.5"]),
            ("de", "1\u{066B}5", vec!["1.5"]),
        ] {
            assert_eq!(values(primary, numeral), expected, "{primary} {numeral:?}");
        }
    }

    #[test]
    fn a_mark_that_cannot_group_is_a_decimal_point() {
        assert_eq!(values("de", "1.5"), ["1.5"]);
        assert_eq!(values("en", "1,5"), ["1.5"]);
        assert_eq!(values("en", "0,500"), ["0.5"]);
        assert_eq!(values("fr", "2.5"), ["2.5"]);
        // Three digits after a foreign mark: the language decides.
        assert_eq!(values("en", "1.500"), ["1.5"]);
        assert_eq!(values("de", "1.500"), ["1500"]);
    }

    #[test]
    fn lakh_grouping_is_read_only_in_the_languages_that_use_it() {
        assert_eq!(values("en", "1,50,000"), ["1", "50", "0"]);
    }

    #[test]
    fn versions_and_dotted_dates_are_not_numbers() {
        assert!(values("en", "1.0.2").is_empty());
        assert!(values("de", "25.11.2026").is_empty());
        assert!(values("en", "1.500.5").is_empty());
    }

    #[test]
    fn runs_that_are_not_one_number_split() {
        assert_eq!(values("fr", "2026 500"), ["2026", "500"]);
        assert_eq!(values("en", "1,2,3"), ["1", "2", "3"]);
    }
}
