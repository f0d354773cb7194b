//! URLs, e-mail addresses and phone numbers in a text: compared as wholes between a
//! source and its translation, and kept out of the quantities (the "1.0" of "?v=1.0"
//! and the digits of "+1 555 123 4567" are no doses).
//!
//! - URL: from "http://", "https://" or "www." (not inside a word) up to the first space
//!   or character outside printable ASCII, less trailing sentence punctuation, '*' of bold
//!   markup and a ')' that closes nothing inside it. Bare domains ("example.org") are
//!   not recognised.
//! - E-mail: ASCII local part `[A-Za-z0-9._%+-]+`, '@', a domain with a dot and a final
//!   label of two letters or more; not inside a URL.
//! - Phone: digits of any script joined by single spaces, '-', '.', '/' or parentheses,
//!   7–15 digits in all (ITU E.164 allows 15), which is
//!   - international: starts with '+';
//!   - or starts with an area code in parentheses: "(030) 1234-567";
//!   - or has a leading 0 (trunk prefix), three groups or more, or a 3-4 split
//!     ("555-1234"), and is not a grouped number ("1 500 000": a first group of 1–3
//!     digits then groups of three), not a date ("2026-11-25", "25.11.2026") and not a
//!     decimal ("0.0000001"). So "50 years", a year or "1990-2020" is never a phone.
//!
//!   The canonical form is the ASCII digits, with the leading '+' if any.

use super::dates::numeric_date;
use super::digits::digit_value;
use super::separators::is_space;
use super::units::is_word_char;
use std::ops::Range;

/// The URLs, e-mail addresses and phone numbers of a text, in order of appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    /// As written, less trailing punctuation.
    pub urls: Vec<String>,
    /// As written.
    pub emails: Vec<String>,
    /// ASCII digits, with a leading '+' where the number is written with one.
    pub phones: Vec<String>,
}

/// What kind of token a span of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Url,
    Email,
    Phone,
}

/// One token: its kind, byte range and canonical text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub span: Range<usize>,
    pub canonical: String,
}

/// The URLs, e-mail addresses and phone numbers of `text`.
pub fn tokens(text: &str) -> Tokens {
    Tokens::of(&scan(text))
}

impl Tokens {
    /// The tokens of a [`scan`], by kind.
    pub fn of(scanned: &[Token]) -> Tokens {
        let mut found = Tokens::default();
        for token in scanned {
            let canonical = token.canonical.clone();
            match token.kind {
                Kind::Url => found.urls.push(canonical),
                Kind::Email => found.emails.push(canonical),
                Kind::Phone => found.phones.push(canonical),
            }
        }
        found
    }
}

/// Every token of `text`, in order, not overlapping.
pub fn scan(text: &str) -> Vec<Token> {
    let mut found: Vec<Token> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only 'h', 'w', '+', '(' and digits start a token: step over other bytes at once.
        let byte = bytes[i];
        let ascii_start =
            matches!(byte, b'h' | b'H' | b'w' | b'W' | b'+' | b'(') || byte.is_ascii_digit();
        if (byte.is_ascii() && !ascii_start) || (0x80..0xC0).contains(&byte) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !c.is_ascii() && digit_value(c).is_none() {
            i += c.len_utf8();
            continue;
        }
        let token = if inside_word(text, i) {
            None
        } else if starts_url(&bytes[i..]) {
            Some(url(text, i))
        } else if c == '+' || c == '(' || digit_value(c).is_some() {
            phone(text, i)
        } else {
            None
        };
        match token {
            Some(token) => {
                i = token.span.end;
                found.push(token);
            }
            None => i += c.len_utf8(),
        }
    }
    let urls_and_phones = found.clone();
    let inside = |at: usize| urls_and_phones.iter().any(|t| t.span.contains(&at));
    for (at, _) in text.match_indices('@') {
        if !inside(at) {
            if let Some(email) = email(text, at) {
                found.retain(|t| t.span.end <= email.span.start || t.span.start >= email.span.end);
                found.push(email);
            }
        }
    }
    found.sort_by_key(|t| t.span.start);
    found
}

fn starts_url(rest: &[u8]) -> bool {
    let starts = |prefix: &[u8]| {
        rest.get(..prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
    };
    starts(b"http://") || starts(b"https://") || starts(b"www.")
}

/// Whether byte `at` continues a word or a number ("0.0000001": the digits after the
/// point do not start a phone number of their own).
fn inside_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        Some('.' | ',' | '\u{066B}' | '\u{066C}') => before.next().and_then(digit_value).is_some(),
        Some(c) => is_word_char(c),
        None => false,
    }
}

fn url(text: &str, start: usize) -> Token {
    let mut end = text[start..]
        .find(|c: char| !c.is_ascii_graphic() || matches!(c, '"' | '<' | '>' | '`'))
        .map_or(text.len(), |n| start + n);
    loop {
        let inner = &text[start..end];
        let trim = match inner.as_bytes().last() {
            Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*') => true,
            Some(b')') => inner.matches('(').count() < inner.matches(')').count(),
            _ => false,
        };
        if !trim {
            break;
        }
        end -= 1;
    }
    Token {
        kind: Kind::Url,
        span: start..end,
        canonical: text[start..end].to_string(),
    }
}

fn email(text: &str, at: usize) -> Option<Token> {
    let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-');
    let start = text[..at].rfind(|c: char| !local(c)).map_or(0, |n| n + 1);
    let mut end = text[at + 1..]
        .find(|c: char| !domain(c))
        .map_or(text.len(), |n| at + 1 + n);
    while text[..end].ends_with(['.', '-']) {
        end -= 1;
    }
    let host = &text[at + 1..end];
    let tld = host.rsplit('.').next().unwrap_or("");
    let valid = start < at
        && host.contains('.')
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    valid.then(|| Token {
        kind: Kind::Email,
        span: start..end,
        canonical: text[start..end].to_string(),
    })
}

/// The phone number starting at byte `start`, if the digits there make one.
fn phone(text: &str, start: usize) -> Option<Token> {
    // Most numbers are short: reject them before collecting anything.
    let reachable = text[start..]
        .chars()
        .take_while(|&c| {
            matches!(c, '+' | '-' | '.' | '/' | '(' | ')')
                || is_space(c)
                || digit_value(c).is_some()
        })
        .filter(|&c| digit_value(c).is_some())
        .take(7)
        .count();
    if reachable < 7 {
        return None;
    }
    let plus = text[start..].starts_with('+');
    let mut groups: Vec<usize> = Vec::new(); // digits per group
    let mut separators: Vec<char> = Vec::new();
    let mut digits = String::new();
    let mut area_code = false;
    let mut end = start;
    let mut pending: Vec<char> = Vec::new(); // separators since the last digit
    let mut chars = text[start..].char_indices().peekable();
    if plus {
        chars.next();
    }
    while let Some(&(offset, c)) = chars.peek() {
        if let Some(d) = digit_value(c) {
            if groups.is_empty() || !pending.is_empty() {
                let joins = if groups.is_empty() {
                    pending.is_empty() || pending == ['(']
                } else {
                    valid_gap(&pending)
                };
                if !joins {
                    break;
                }
                if groups.len() == 1 && pending.first() == Some(&')') {
                    area_code = text[start..].starts_with('(');
                }
                if let Some(&s) = pending.iter().find(|&&s| s != '(' && s != ')') {
                    separators.push(s);
                } else if !groups.is_empty() {
                    separators.push(pending.first().copied().unwrap_or(' '));
                }
                groups.push(1);
            } else if let Some(last) = groups.last_mut() {
                *last += 1;
            }
            pending.clear();
            digits.push(char::from(b'0' + d));
            end = start + offset + c.len_utf8();
        } else if matches!(c, '-' | '.' | '/' | '(' | ')') || is_space(c) {
            if pending.len() == 2 {
                break;
            }
            pending.push(c);
        } else {
            break;
        }
        chars.next();
    }
    let count = digits.len();
    if !(7..=15).contains(&count) || (groups.len() == 1 && !plus && !digits.starts_with('0')) {
        return None;
    }
    let is_phone = plus
        || area_code
        || !(grouped_number(&groups, &separators, &digits)
            || numeric_date(&groups, &separators)
            || (groups.len() == 2 && separators.iter().any(|&s| matches!(s, '.' | ',')))
            || !(digits.starts_with('0') || groups.len() >= 3 || groups == [3, 4]));
    if !is_phone {
        return None;
    }
    let canonical = if plus { format!("+{digits}") } else { digits };
    Some(Token {
        kind: Kind::Phone,
        span: start..end,
        canonical,
    })
}

/// Whether the characters between two digit groups keep them in one phone number: one
/// space, '-', '.' or '/', or a parenthesis with a space on its outer side ("(0)30", ") 12").
fn valid_gap(gap: &[char]) -> bool {
    match gap {
        [c] => matches!(c, '-' | '.' | '/' | '(' | ')') || is_space(*c),
        [')', c] => *c == '-' || is_space(*c),
        [c, '('] => is_space(*c),
        _ => false,
    }
}

/// "1 500 000": a first group of 1–3 digits (not 0) and then groups of three, one mark.
fn grouped_number(groups: &[usize], separators: &[char], digits: &str) -> bool {
    let same_mark = separators
        .iter()
        .all(|&s| s == separators[0] || (is_space(s) && is_space(separators[0])));
    same_mark
        && !digits.starts_with('0')
        && groups.first().is_some_and(|&g| (1..=3).contains(&g))
        && groups[1..].iter().all(|&g| g == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_end_before_trailing_punctuation() {
        let found = tokens("See https://handouts.example.org/ketamine/en?v=1.0. Or www.nhs.uk/pain, (https://a.org/x_(y)).");
        assert_eq!(
            found.urls,
            [
                "https://handouts.example.org/ketamine/en?v=1.0",
                "www.nhs.uk/pain",
                "https://a.org/x_(y)"
            ]
        );
    }

    #[test]
    fn emails_are_found_outside_urls() {
        let found = tokens(
            "Write to pain.team+leaflet@clinic.example.org. Not https://user@host.org/ or a@b.",
        );
        assert_eq!(found.emails, ["pain.team+leaflet@clinic.example.org"]);
    }

    #[test]
    fn phone_numbers_in_common_forms() {
        let found = tokens(
            "Call +1 555 123 4567, (030) 1234-567, 0800 123 456, 555-1234, +49 (0)30 12345678 \
             or ٠٣٠ ١٢٣٤ ٥٦٧.",
        );
        assert_eq!(
            found.phones,
            [
                "+15551234567",
                "0301234567",
                "0800123456",
                "5551234",
                "+4903012345678",
                "0301234567"
            ]
        );
    }

    #[test]
    fn numbers_years_and_dates_are_not_phones() {
        for text in [
            "over 50 years",
            "in 2026",
            "1 500 000 people",
            "1,500,000 people",
            "1990-2020",
            "2026-11-25",
            "25.11.2026",
            "0.0000001 g",
            "12345678",
        ] {
            assert_eq!(tokens(text).phones, Vec::<String>::new(), "{text}");
        }
    }
}
