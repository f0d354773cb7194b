//! The guideline checks on the text itself, the same in every print form: emphasis by
//! italics or capitals, and the revision date's place in time.

use crate::check::chars;
use crate::check::finding::Finding;
use crate::check::hygiene::at;
use crate::check::rule;
use crate::check::sentences;
use crate::check::Subject;
use crate::error::{Diagnostic, Pos};
use crate::model::Document;

/// Where `revised:` is written (in the source file, which translations share).
fn revised_at(s: &Subject) -> Diagnostic {
    let src = s.source;
    // The top-level key, at the start of its line.
    let pos = src
        .source_text
        .lines()
        .position(|l| l.starts_with("revised:"))
        .map_or(Pos { line: 1, column: 1 }, |i| Pos {
            line: i + 1,
            column: 10,
        });
    Diagnostic::new(String::new())
        .file(&src.source_file)
        .at(&src.source_text, pos)
}

/// Days since 0000-03-01 of a `YYYY-MM-DD` date, for differences.
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

pub(super) fn revision_dates(s: &Subject, out: &mut Vec<Finding>) {
    let revised = &s.source.meta.revised;
    let (Some(r), Some(today)) = (day_number(revised), day_number(s.today)) else {
        return;
    };
    // One day of grace: the author's time zone may be ahead of the build machine's.
    if r > today + 1 {
        let d = revised_at(s);
        out.push(Finding::new(
            &rule::REVISION_DATE,
            Diagnostic {
                message: format!(
                    "the revision date {revised} lies in the future (today is {})",
                    s.today
                ),
                ..d
            }
            .help("write the date of the last revision, e.g. today's"),
        ));
    } else if (today - r) as f64 > f64::from(s.settings.review_years) * 365.25 {
        let d = revised_at(s);
        out.push(Finding::new(
            &rule::REVIEW_AGE,
            Diagnostic {
                message: format!(
                    "the leaflet was last revised on {revised}, more than {} ago",
                    crate::error::count(s.settings.review_years as usize, "year", "years")
                ),
                ..d
            }
            .help("have the content reviewed, then update `revised:`"),
        ));
    }
}

/// Italics, and words in capitals, used for emphasis: the EU guideline asks for bold.
pub(super) fn emphasis_style(doc: &Document, out: &mut Vec<Finding>) {
    for t in doc.texts() {
        // Italics are named first: then the words need no reading.
        let italic = t.styled.spans.iter().any(|(_, s)| s.italic);
        let what = if italic {
            "italics".to_string()
        } else {
            match capitals(&t.styled.text, &doc.terms) {
                Some(w) => format!("capitals (“{w}”)"),
                None => continue,
            }
        };
        out.push(
            Finding::new(
                &rule::EMPHASIS_STYLE,
                at(doc, t, format!("`{}` emphasises with {what}", t.id))
                    .help("use bold (**…**) for emphasis; italics and capitals are harder to read"),
            )
            .entry(&t.id),
        );
    }
}

/// The first word in capitals used for emphasis: five letters or more, or two
/// capitalised words in a row, that are not terms (acronyms such as NMDA are terms).
pub(super) fn capitals(text: &str, terms: &[String]) -> Option<String> {
    // Letters in capitals: an uppercase letter first (one lookup a word, false at
    // once in scripts without case), then no lowercase one, then no uncased one.
    let caps_letters = |w: &str| -> usize {
        if !w.chars().next().is_some_and(chars::is_uppercase)
            || w.chars().any(chars::is_lowercase)
            || terms.iter().any(|t| t == w)
        {
            return 0;
        }
        // Every letter a capital: a word with letters of a script without case
        // ("N-메틸-D-아스파르트산") is no shouting.
        let letters = w.chars().filter(|&c| chars::is_alphabetic(c));
        if letters.clone().all(chars::is_uppercase) {
            letters.count()
        } else {
            0
        }
    };
    // Words are trimmed lazily: one whose first letter or digit is no capital
    // counts no capitals (most words), whatever its end.
    let mut words = sentences::words(text).peekable();
    let count = |w: &str| {
        let first = w.chars().find(|&c| chars::is_alphanumeric(c));
        match first {
            Some(c) if chars::is_uppercase(c) => {
                caps_letters(w.trim_matches(|c: char| !chars::is_alphanumeric(c)))
            }
            _ => 0,
        }
    };
    while let Some(w) = words.next() {
        let n = count(w);
        if n >= 2 && (n >= 5 || words.peek().is_some_and(|&next| count(next) >= 2)) {
            return Some(
                w.trim_matches(|c: char| !chars::is_alphanumeric(c))
                    .to_string(),
            );
        }
    }
    None
}
