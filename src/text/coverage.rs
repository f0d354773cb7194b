//! Font coverage of a whole leaflet, checked before layout.
//!
//! Layout meets characters one paragraph at a time and stops at the first one no
//! font has, so a translator would need one build per missing character. This pass
//! looks at everything the leaflet prints (texts, labels, footer facts) first and
//! reports every missing character once, with every place it occurs. The check in
//! `layout::inline` stays as the backstop.

use super::FontBook;
use crate::error::{Diagnostic, Error, Pos, Result};
use crate::fast_map::FastMap;
use crate::model::{Block, Document, Text};
use std::path::PathBuf;

/// Most places listed for one character (a pasted emoji can repeat thousands of times).
const MAX_PLACES: usize = 20;
/// Most characters reported one by one; the rest are counted.
const MAX_CHARS: usize = 50;

/// Where a character occurs.
#[derive(Debug, Clone)]
struct Place {
    file: Option<PathBuf>,
    pos: Option<Pos>,
    /// What holds it: "entry `x.1`", "label `page`", "the clinic name".
    what: String,
}

impl Place {
    fn describe(&self) -> String {
        match (&self.file, self.pos) {
            (Some(f), Some(p)) => {
                format!("{}:{}:{} ({})", f.display(), p.line, p.column, self.what)
            }
            (Some(f), None) => format!("{} ({})", f.display(), self.what),
            _ => self.what.clone(),
        }
    }
}

/// Every character of `doc` that no font has, grouped by character in order of first
/// appearance, as one error with a diagnostic per character.
pub fn check(doc: &Document, book: &'static FontBook) -> Result<()> {
    // Each distinct character is looked up once: a font lookup costs ~300
    // instructions, and a leaflet repeats a few dozen letters thousands of times.
    let mut ascii: [Option<bool>; 128] = [None; 128];
    let mut others: FastMap<char, bool> = FastMap::default();
    let mut covered = |c: char| {
        let lookup = || {
            crate::text::fonts::drawn_by_no_font(c)
                || book.select(c, crate::text::FaceStyle::default()).is_some()
        };
        match ascii.get_mut(c as usize) {
            Some(slot) => *slot.get_or_insert_with(lookup),
            None => *others.entry(c).or_insert_with(lookup),
        }
    };
    // (character, its places, how many places in all), in order of first appearance.
    let mut missing: Vec<(char, Vec<Place>, usize)> = Vec::new();
    let mut index: FastMap<char, usize> = FastMap::default();
    // Places are computed only while they are listed: finding the n-th occurrence in
    // the file costs a scan, and a hostile file may repeat a character 100 000 times.
    let mut note = |c: char, place: &dyn Fn() -> Place| {
        let at = *index.entry(c).or_insert_with(|| {
            missing.push((c, Vec::new(), 0));
            missing.len() - 1
        });
        let (_, places, count) = &mut missing[at];
        if at < MAX_CHARS && places.len() < MAX_PLACES {
            places.push(place());
        }
        *count += 1;
    };
    for t in printed_texts(doc) {
        let styled = &t.styled;
        let mut nth = Occurrences::default();
        for c in styled.text.chars().filter(|c| !covered(*c)) {
            let n = nth.next(c);
            note(c, &|| Place {
                file: Some(t.origin.file.clone()),
                pos: Some(locate_nth(&doc.source_text, t.origin.pos, c, n)),
                what: format!("entry `{}`", t.id),
            });
        }
    }
    for (key, value) in printed_labels(doc) {
        let from = label_line(&doc.source_text, key);
        let mut nth = Occurrences::default();
        for c in value.chars().filter(|c| !covered(*c)) {
            let n = nth.next(c);
            note(c, &|| Place {
                file: Some(doc.source_file.clone()),
                pos: from.map(|p| locate_nth(&doc.source_text, p, c, n)),
                what: format!("label `{key}`"),
            });
        }
    }
    for (what, value) in footer_facts(doc) {
        for c in value.chars().filter(|c| !covered(*c)) {
            note(c, &|| Place {
                file: None,
                pos: None,
                what: what.to_string(),
            });
        }
    }
    let extra = missing.len().saturating_sub(MAX_CHARS);
    let mut errors: Vec<Error> = missing
        .into_iter()
        .take(MAX_CHARS)
        .map(|(c, places, count)| diagnostic(doc, book, c, &places, count))
        .map(Error::input)
        .collect();
    if extra > 0 {
        errors.push(Error::input(
            Diagnostic::new(format!(
                "{extra} more characters are not in any font for language `{}`",
                doc.language
            ))
            .file(&doc.source_file)
            .help("replace the characters above first; the next build lists the rest"),
        ));
    }
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Counts each character's occurrences in one text: its n-th occurrence there is
/// looked for as the n-th in the file from where the text starts.
#[derive(Default)]
struct Occurrences(FastMap<char, usize>);

impl Occurrences {
    /// How many times `c` was seen before (0 the first time).
    fn next(&mut self, c: char) -> usize {
        let n = self.0.entry(c).or_insert(0);
        *n += 1;
        *n - 1
    }
}

fn diagnostic(
    doc: &Document,
    book: &'static FontBook,
    c: char,
    places: &[Place],
    count: usize,
) -> Diagnostic {
    let mut message = format!(
        "character U+{:04X} {} is not in any font for language `{}`",
        c as u32,
        shown(c),
        doc.language
    );
    if let [only] = places {
        message.push_str(&format!(" ({})", only.what));
    } else {
        message.push_str(&format!("; it occurs in {count} places:"));
        for p in places {
            message.push_str(&format!("\n         {}", p.describe()));
        }
        if count > places.len() {
            message.push_str(&format!("\n         and {} more", count - places.len()));
        }
    }
    let help = match book.load_failure(c) {
        Some(why) => format!("the font for it could not be loaded: {why}"),
        None => crate::text::fonts::how_to_add_font(c),
    };
    let mut d = Diagnostic::new(message).help(help);
    if let Some(first) = places.first() {
        if let Some(file) = &first.file {
            d = d.file(file);
            if let Some(pos) = first.pos {
                d = d.at(&doc.source_text, pos);
            }
        }
    }
    d
}

/// `'c'`, or `'\u{XXXX}'` for a character a terminal would not show (or would obey).
pub fn shown(c: char) -> String {
    if is_invisible(c) {
        format!("'\\u{{{:04X}}}'", c as u32)
    } else {
        format!("'{c}'")
    }
}

/// Controls, format characters, separators other than the space, marks without a
/// base, variation selectors, private use and noncharacters: shown, they would be
/// blank, garbled or acted on by the terminal.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(
            c,
            '\u{00AD}'
                | '\u{0300}'..='\u{036F}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E000}'..='\u{F8FF}'
                | '\u{FDD0}'..='\u{FDEF}'
                | '\u{E0000}'..='\u{E0FFF}'
                | '\u{F0000}'..='\u{10FFFF}'
        )
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// The texts a leaflet sets in type: not the subject (PDF metadata only) and not the
/// images' text alternatives (they go into the PDF as strings, drawn by no font).
fn printed_texts(doc: &Document) -> Vec<&Text> {
    fn blocks<'a>(bs: &'a [Block], out: &mut Vec<&'a Text>) {
        for b in bs {
            match b {
                Block::Paragraph(t) => out.push(t),
                Block::List(items) => out.extend(items.iter()),
                Block::Image(_) => {}
            }
        }
    }
    let mut out = vec![&doc.title];
    for s in &doc.sections {
        out.extend(s.heading.iter());
        blocks(&s.body, &mut out);
    }
    blocks(&doc.disclaimer, &mut out);
    out
}

/// The labels this leaflet prints, with their keys.
fn printed_labels(doc: &Document) -> Vec<(&'static str, &str)> {
    let l = &doc.labels;
    let mut out = vec![
        ("revised", l.revised.as_str()),
        ("version", l.version.as_str()),
        ("page", l.page.as_str()),
    ];
    if doc.meta.url.is_some() {
        out.push(("online", l.online.as_str()));
    }
    if doc.draft {
        out.push(("draft_notice", l.draft_notice.as_str()));
    }
    out
}

/// Facts the footer and the closing block print that come from the source or the
/// clinic's branding rather than from a translatable text.
fn footer_facts(doc: &Document) -> Vec<(&'static str, std::borrow::Cow<'_, str>)> {
    let m = &doc.meta;
    // The date and page numbers as the footer prints them: in the language's own
    // month names and digits.
    // Every digit, in one number (no grouping separators): one formatter, not ten.
    let digits = doc.language.number(1_234_567_890);
    let mut out = vec![
        (
            "the revision date (`revised:`), as the footer writes it",
            doc.language.date(&m.revised).into(),
        ),
        ("the page numbers in the footer", digits.into()),
        ("the version (`version:`)", m.version.as_str().into()),
    ];
    for (what, value) in [
        ("the clinic name (`clinic:` or clinic.yaml)", &m.clinic),
        ("the contact line (clinic.yaml)", &m.contact),
        ("the online address (`url:`)", &m.url),
    ] {
        if let Some(v) = value {
            out.push((what, v.as_str().into()));
        }
    }
    out
}

/// The start of the line of label `key` under `labels:` in a translation file.
fn label_line(source: &str, key: &str) -> Option<Pos> {
    let mut in_labels = false;
    for (i, line) in source.lines().enumerate() {
        if !line.starts_with(' ') {
            in_labels = line.trim_end() == "labels:";
            continue;
        }
        if in_labels && line.trim_start().starts_with(&format!("{key}:")) {
            return Some(Pos {
                line: i + 1,
                column: 1,
            });
        }
    }
    None
}

/// The position of the `nth` (0-based) `c` at or after `from` in `source`; `from`
/// itself if there are fewer nearby.
fn locate_nth(source: &str, from: Pos, c: char, nth: usize) -> Pos {
    let mut left = nth;
    // A character written as an escape (`\u2603`) is never found: the search stops
    // after about the longest text's length instead of reading on to the file's end.
    let mut budget = 4 * crate::model::MAX_TEXT_CHARS;
    for (li, line) in source.lines().enumerate().skip(from.line.saturating_sub(1)) {
        let skip = if li + 1 == from.line {
            from.column.saturating_sub(1)
        } else {
            0
        };
        for (col, ch) in line.chars().enumerate().skip(skip) {
            budget = match budget.checked_sub(1) {
                Some(b) => b,
                None => return from,
            };
            if ch == c {
                if left == 0 {
                    return Pos {
                        line: li + 1,
                        column: col + 1,
                    };
                }
                left -= 1;
            }
        }
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_source, Limits};
    use std::path::Path;

    fn doc(paragraph: &str) -> Document {
        let yaml = format!(
            "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - \"{paragraph}\"\n"
        );
        parse_source(
            Path::new("en.yaml"),
            "t",
            yaml.as_bytes(),
            Limits::default(),
        )
        .expect("parses")
    }

    fn errors(paragraph: &str) -> Vec<String> {
        let book = FontBook::shared().expect("fonts");
        match check(&doc(paragraph), book) {
            Ok(()) => Vec::new(),
            Err(e) => e.diagnostics.iter().map(|d| d.message.clone()).collect(),
        }
    }

    #[test]
    fn covered_text_passes() {
        assert!(errors("Ketamine, كيتامين, 氯胺酮, кетамин, soft\u{AD}hyphen.").is_empty());
    }

    #[test]
    fn invisible_characters_are_shown_escaped() {
        assert_eq!(shown('\u{202E}'), "'\\u{202E}'");
        assert_eq!(shown('\u{E000}'), "'\\u{E000}'");
        assert_eq!(shown('\u{1}'), "'\\u{0001}'");
        assert_eq!(shown('☃'), "'☃'");
    }

    #[test]
    fn places_and_characters_are_capped() {
        let many = "\u{1F48A}".repeat(MAX_PLACES + 5);
        let e = errors(&many);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with(&format!(
                "character U+1F48A '\u{1F48A}' is not in any font for language `en`; it occurs in {} places:\n         en.yaml:8:10 (entry `a.1`)\n         en.yaml:8:11 (entry `a.1`)\n",
                MAX_PLACES + 5
            )),
            "{}",
            e[0]
        );
        assert!(e[0].ends_with("\n         and 5 more"), "{}", e[0]);
        assert_eq!(e[0].matches("(entry `a.1`)").count(), MAX_PLACES);

        let distinct: String = (0..MAX_CHARS as u32 + 10)
            .filter_map(|i| char::from_u32(0xE000 + i))
            .collect();
        let e = errors(&distinct);
        assert_eq!(e.len(), MAX_CHARS + 1);
        assert_eq!(
            e[MAX_CHARS],
            "10 more characters are not in any font for language `en`"
        );
    }
}
