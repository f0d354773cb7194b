//! Dates written with digits, which are no quantities: "2026-11-25", "25.11.2026",
//! "11/25/26", and the East Asian "2026年11月25日" / "2026년 11월 25일".
//!
//! A numeric date gives no number at all. An East Asian date keeps its year and day as
//! plain numbers (no unit) and drops the month, so that it compares equal to the same
//! date written with a month name ("25 November 2026" gives 25 and 2026).

use super::digits::digit_value;
use std::ops::Range;

/// A date found in the text: where it ends, and the parts that still count as numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    pub end: usize,
    pub kept: Vec<Range<usize>>,
}

/// Three digit groups joined by one mark ('-', '.' or '/') that read as a date: a year of
/// four digits first or last, the middle group of one or two digits.
pub fn numeric_date(groups: &[usize], separators: &[char]) -> bool {
    groups.len() == 3
        && separators
            .iter()
            .all(|&s| s == separators[0] && matches!(s, '-' | '.' | '/'))
        && (1..=2).contains(&groups[1])
        && ((groups[0] == 4 && groups[2] <= 2) || (groups[0] <= 2 && matches!(groups[2], 2 | 4)))
}

/// The date starting at byte `start` of `text` (a digit), if one does.
pub fn date_at(text: &str, start: usize) -> Option<Date> {
    numeric(text, start).or_else(|| east_asian(text, start))
}

/// The end of the run of digits at `at` and how many digits it has.
fn digit_run(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut end = at;
    let mut count = 0;
    for c in text[at..].chars() {
        if digit_value(c).is_none() {
            break;
        }
        end += c.len_utf8();
        count += 1;
    }
    (count > 0).then_some((end, count))
}

fn numeric(text: &str, start: usize) -> Option<Date> {
    let mut groups = Vec::with_capacity(3);
    let mut separators = Vec::with_capacity(2);
    let mut at = start;
    loop {
        let (end, count) = digit_run(text, at)?;
        groups.push(count);
        at = end;
        if groups.len() == 3 {
            break;
        }
        let separator = text[at..].chars().next()?;
        if !matches!(separator, '-' | '.' | '/') {
            return None;
        }
        separators.push(separator);
        at += 1;
    }
    // "1.2.3.4" or "2026-11-25-1" continue past three groups: not a date.
    let mut after = text[at..].chars();
    let continues = matches!(after.next(), Some('-' | '.' | '/'))
        && after.next().and_then(digit_value).is_some();
    (numeric_date(&groups, &separators) && !continues).then(|| Date {
        end: at,
        kept: Vec::new(),
    })
}

fn east_asian(text: &str, start: usize) -> Option<Date> {
    let mut parts: Vec<(Range<usize>, u8)> = Vec::with_capacity(3);
    let mut at = start;
    while parts.len() < 3 {
        let Some((end, _)) = digit_run(text, at) else {
            break;
        };
        let Some(marker) = text[end..].chars().next() else {
            break;
        };
        // 0 year, 1 month, 2 day: the order they are written in.
        let part = match marker {
            '年' | '년' => 0,
            '月' | '월' => 1,
            '日' | '일' => 2,
            _ => break,
        };
        if parts.last().is_some_and(|&(_, last)| last >= part) {
            break;
        }
        parts.push((at..end, part));
        at = end + marker.len_utf8();
        let next = text[at..].trim_start_matches([' ', '\u{A0}']);
        if parts.len() < 3 && next.chars().next().and_then(digit_value).is_some() {
            at = text.len() - next.len();
        } else {
            break;
        }
    }
    let has = |p: u8| parts.iter().any(|&(_, q)| q == p);
    if !(has(1) && (has(0) || has(2))) {
        return None;
    }
    let end = parts
        .last()
        .map(|(range, _)| range.end + text[range.end..].chars().next().map_or(0, char::len_utf8))?;
    Some(Date {
        end,
        kept: parts
            .into_iter()
            .filter(|&(_, part)| part != 1)
            .map(|(range, _)| range)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Option<(usize, Vec<&str>)> {
        date_at(text, 0).map(|d| (d.end, d.kept.into_iter().map(|r| &text[r]).collect()))
    }

    #[test]
    fn numeric_dates_keep_nothing() {
        assert_eq!(kept("2026-11-25 x"), Some((10, vec![])));
        assert_eq!(kept("25.11.2026"), Some((10, vec![])));
        assert_eq!(kept("11/25/26"), Some((8, vec![])));
        assert_eq!(kept("٢٠٢٦-١١-٢٥"), Some(("٢٠٢٦-١١-٢٥".len(), vec![])));
    }

    #[test]
    fn versions_and_numbers_are_not_dates() {
        assert_eq!(kept("1.0.2"), None);
        assert_eq!(kept("1.2.3.4"), None);
        assert_eq!(kept("2026"), None);
        assert_eq!(kept("1,500"), None);
    }

    #[test]
    fn east_asian_dates_keep_year_and_day() {
        assert_eq!(
            kept("2026年11月25日に"),
            Some(("2026年11月25日".len(), vec!["2026", "25"]))
        );
        assert_eq!(
            kept("2026년 11월 25일"),
            Some(("2026년 11월 25일".len(), vec!["2026", "25"]))
        );
        assert_eq!(kept("50年以上"), None);
        assert_eq!(kept("3日"), None);
    }
}
