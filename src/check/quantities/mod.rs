//! Quantities (numbers with the unit written next to them) and tokens (URLs, e-mail
//! addresses, phone numbers) of a text, in a form that compares across languages: the
//! translation check asks whether a translation says "50 mg" wherever its source does.
//!
//! How a text is read, in order:
//! 1. URLs, e-mail addresses and phone numbers are found first ([`tokens`]); their digits
//!    are not quantities.
//! 2. Digits of every script are read by value ([`digits`]); a number glued to a preceding
//!    letter of a spaced alphabet (Latin, Greek, Cyrillic, Armenian: "v1.0", "B12", "CO2",
//!    "COVID-19") is part of a name and skipped. Letters of other scripts may precede it:
//!    Amharic and Hebrew attach prepositions ("ከ50", "מ-50").
//! 3. Dates in digits are skipped (East Asian dates keep year and day; see [`dates`]).
//! 4. A run of digit groups and separators is read by the language's convention
//!    ([`separators`]): "1.500" is 1500 in German and 1.5 in English.
//! 5. The unit ([`units`]) is the one written right after the number: after at most one
//!    space or a hyphen ("50 mg", "50mg", "50-year-old", "50 %"), and after the words
//!    the language puts between a number and its unit ("50多年", "50 से अधिक वर्षों");
//!    any other word breaks it ("50 patients over 3 years": 50 has no unit).
//!    Without one there, a percent sign right before the number counts ("%10", "٪۱۰"),
//!    and in Myanmar the counted noun before it ("နှစ်ပေါင်း 50"). A unit followed by
//!    "/" and a unit is a rate ("mg/kg": unit mg, per kg).
//! 6. In a range ("2–3 mg", "2-3 mg", "2~3mg") the first number takes the unit of the
//!    second when it has none. Worded ranges ("2 to 3 mg") are not joined.
//!
//! Known gaps: numbers in words ("fifty", "五十") are not read; Persian "/" as a decimal
//! mark ("۱/۵") is not read; times of day ("10:30") give two numbers; a long date gives
//! its day and year as plain numbers.

mod aliases;
mod dates;
pub mod digits;
pub mod separators;
pub mod tokens;
pub mod units;

#[cfg(test)]
mod handouts_test;
#[cfg(test)]
mod tests;

use crate::model::Language;
use separators::{is_space, Convention};
use std::ops::Range;
pub use tokens::{tokens, Token, Tokens};
pub use units::Unit;

/// A number written in a text, with its unit if one is written next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Canonical value: ASCII digits, '.' as decimal point, no grouping, no leading zeros
    /// (but "0.5"), no trailing zeros after the point ("1.50" is "1.5").
    pub value: String,
    /// The unit written next to it, if any.
    pub unit: Option<Unit>,
    /// The unit it is per ("mg/kg": per kilogram), if any.
    pub per: Option<Unit>,
    /// Byte range in the text: the number and its unit.
    pub span: Range<usize>,
    /// As written, for messages.
    pub written: String,
}

/// The quantities of `text` (in `language`), in order of appearance.
pub fn quantities(language: &Language, text: &str) -> Vec<Quantity> {
    quantities_besides(language, text, &tokens::scan(text))
}

/// The quantities of `text` outside its `tokens` (its [`tokens::scan`]), for a caller
/// that needs the tokens as well and scans the text once.
pub fn quantities_besides(language: &Language, text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let primary = language.primary();
    let vocabulary = Vocabulary::of(primary, language.script());
    let convention = Convention::of(primary);
    let mut skipped = tokens.iter().peekable();
    let mut found: Vec<Quantity> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Most of a text is letters: step over ASCII and UTF-8 continuation bytes at once.
        let byte = bytes[at];
        if (byte.is_ascii() && !byte.is_ascii_digit()) || (0x80..0xC0).contains(&byte) {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if digit_value(c).is_none() {
            at += c.len_utf8();
            continue;
        }
        while skipped.peek().is_some_and(|t| t.span.end <= at) {
            skipped.next();
        }
        if let Some(token) = skipped.peek().filter(|t| t.span.start <= at) {
            at = token.span.end;
            continue;
        }
        if part_of_name(text, at) {
            at = end_of_word(text, at);
            continue;
        }
        if let Some(date) = dates::date_at(text, at) {
            for part in date.kept {
                let value = canonical_digits(&text[part.clone()]);
                found.push(quantity(text, value, part, None, None));
            }
            at = date.end;
            continue;
        }
        let numeral = Numeral::scan(&convention, text, at);
        let readings = separators::read(&convention, &numeral.groups, &numeral.separators);
        let count = readings.len();
        for (index, reading) in readings.into_iter().enumerate() {
            let number = numeral.spans[reading.groups.start].start
                ..numeral.spans[reading.groups.end - 1].end;
            let mut unit = None;
            let mut per = None;
            let mut span = number.clone();
            if index + 1 == count {
                let taken = found.last().map_or(0, |q| q.span.end);
                if let Some(attached) = unit_of(&vocabulary, text, number.clone(), taken) {
                    unit = Some(attached.unit);
                    per = attached.per;
                    span = span.start.min(attached.span.start)..span.end.max(attached.span.end);
                }
            }
            found.push(quantity(text, reading.value, span, unit, per));
        }
        at = numeral.end;
    }
    join_ranges(text, &mut found);
    found
}

use digits::digit_value;
use units::Vocabulary;

/// A quantity of canonical `value` spanning `span`.
fn quantity(
    text: &str,
    value: String,
    span: Range<usize>,
    unit: Option<Unit>,
    per: Option<Unit>,
) -> Quantity {
    Quantity {
        value,
        unit,
        per,
        written: text[span.clone()].to_string(),
        span,
    }
}

/// The digits of `digits` (any script) as ASCII, without leading zeros.
fn canonical_digits(digits: &str) -> String {
    let value: String = digits
        .chars()
        .filter_map(digit_value)
        .map(|d| char::from(b'0' + d))
        .collect();
    let trimmed = value.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }.to_string()
}

/// Digit groups and the separators between them, as scanned from the text.
struct Numeral {
    groups: Vec<String>,
    separators: Vec<char>,
    spans: Vec<Range<usize>>,
    end: usize,
}

impl Numeral {
    /// The digit groups from byte `start` joined by single separators the language joins with.
    fn scan(convention: &Convention, text: &str, start: usize) -> Numeral {
        // One empty group at `start`; the scan widens it and adds the next ones.
        let spans = std::iter::once(start..start).collect();
        let mut numeral = Numeral {
            groups: vec![String::new()],
            separators: Vec::new(),
            spans,
            end: start,
        };
        let mut chars = text[start..].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let at = start + offset;
            if let Some(d) = digit_value(c) {
                if let (Some(group), Some(span)) =
                    (numeral.groups.last_mut(), numeral.spans.last_mut())
                {
                    group.push(char::from(b'0' + d));
                    span.end = at + c.len_utf8();
                }
                numeral.end = at + c.len_utf8();
                continue;
            }
            // Full-width marks read as their ASCII forms.
            let mark = match c {
                '，' => ',',
                '．' => '.',
                other => other,
            };
            let digit_follows = chars
                .peek()
                .is_some_and(|&(_, next)| digit_value(next).is_some());
            if !convention.joins(mark) || !digit_follows {
                break;
            }
            let next = at + c.len_utf8();
            numeral.separators.push(mark);
            numeral.groups.push(String::new());
            numeral.spans.push(next..next);
        }
        numeral
    }
}

/// Whether the number at `at` is glued to a letter of a spaced alphabet before it, or to
/// such a letter and a hyphen ("B12", "v1.0", "COVID-19").
fn part_of_name(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    let alphabet = |c: char| {
        crate::check::chars::is_alphabetic(c)
            && ((c as u32) < 0x0590 || ('\u{1E00}'..='\u{1FFF}').contains(&c))
    };
    match before.next() {
        Some('-') => before.next().is_some_and(alphabet),
        Some(c) => alphabet(c),
        None => false,
    }
}

/// The end of the word (letters, digits and marks, with '.' and '-' between them) at `at`.
fn end_of_word(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut chars = text[at..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let joins = matches!(c, '.' | '-' | ',')
            && chars.peek().is_some_and(|&(_, n)| units::is_word_char(n));
        if !(units::is_word_char(c) || joins) {
            break;
        }
        end = at + offset + c.len_utf8();
    }
    end
}

/// A unit found next to a number.
struct Attached {
    unit: Unit,
    per: Option<Unit>,
    span: Range<usize>,
}

/// The unit written next to the number at `number`, if any (rule 5 of the module
/// documentation). `taken` is where the previous quantity ends: a sign before the
/// number that belongs to it is not this number's.
fn unit_of(
    vocabulary: &Vocabulary,
    text: &str,
    number: Range<usize>,
    taken: usize,
) -> Option<Attached> {
    let mut at = number.end;
    let rest = &text[at..];
    let gap = rest
        .chars()
        .next()
        .filter(|&c| is_space(c) || c == '-')
        .map_or(0, char::len_utf8);
    at += gap;
    for _ in 0..2 {
        let Some(filler) = vocabulary
            .fillers
            .iter()
            .find(|f| text[at..].starts_with(**f))
        else {
            break;
        };
        at += filler.len();
        at += text[at..]
            .chars()
            .next()
            .filter(|&c| is_space(c))
            .map_or(0, char::len_utf8);
    }
    if let Some(found) = vocabulary.unit_at(text, at) {
        let mut end = found.end;
        let mut per = None;
        if text[end..].starts_with('/') {
            if let Some(divisor) = vocabulary.unit_at(text, end + 1) {
                per = Some(divisor.unit);
                end = divisor.end;
            }
        }
        return Some(Attached {
            unit: found.unit,
            per,
            span: at..end,
        });
    }
    let before = &text[taken.min(number.start)..number.start];
    if let Some(sign) = ['%', '٪', '％'].into_iter().find(|&s| before.ends_with(s)) {
        let start = number.start - sign.len_utf8();
        return Some(Attached {
            unit: Unit::Percent,
            per: None,
            span: start..number.start,
        });
    }
    let word_end = before.trim_end_matches(is_space);
    let word_start = word_end
        .char_indices()
        .rev()
        .find(|&(_, c)| !units::is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &word_end[word_start..];
    let offset = taken.min(number.start);
    vocabulary
        .before
        .iter()
        .find(|(alias, _)| !word.is_empty() && word.starts_with(alias))
        .map(|&(_, unit)| Attached {
            unit,
            per: None,
            span: offset + word_start..offset + word_end.len(),
        })
}

/// Give the first number of a range ("2–3 mg") the unit of the second.
fn join_ranges(text: &str, found: &mut [Quantity]) {
    for i in 1..found.len() {
        let (first, second) = (&found[i - 1], &found[i]);
        if first.unit.is_some() || second.unit.is_none() || first.span.end > second.span.start {
            continue;
        }
        let between = text[first.span.end..second.span.start].trim_matches(is_space);
        if matches!(
            between,
            "-" | "–" | "—" | "‒" | "~" | "〜" | "～" | "至" | "到"
        ) {
            let (unit, per) = (second.unit, second.per);
            found[i - 1].unit = unit;
            found[i - 1].per = per;
        }
    }
}
