//! Inline markup checked when a text is loaded, so that a mistake is an input error
//! at its line and column rather than stray characters on the printed leaflet.

use super::document::{Document, Text};
use crate::error::{Diagnostic, Error, Pos, Result};

/// An error if `text` has a `**` that opens no bold text; `source` is the text of
/// the file it came from, to point at the `**` itself.
pub fn check(text: &Text, source: &str) -> Option<Error> {
    let at = crate::model::markup::unclosed_bold(&text.markup)?;
    // The markup is the value as YAML gave it; the same characters stand in the
    // file from the value's start on, unless quoting escapes changed them.
    let needle: String = text.markup[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let pos = offset(source, text.origin.pos)
        .and_then(|start| source.get(start..)?.find(&needle).map(|i| start + i))
        .map_or(text.origin.pos, |i| position(source, i));
    Some(Error::input(
        Diagnostic::new(format!(
            "this `**` starts bold text that is never closed (in `{}`)",
            text.id
        ))
        .file(&text.origin.file)
        .at(source, pos)
        .help("end the bold text with `**` after its last word, or write `\\*\\*` for two stars"),
    ))
}

/// [`check`] for every text of `doc` (a translation applied to its source).
pub fn check_all(doc: &Document) -> Result<()> {
    let errors: Vec<Error> = doc
        .texts()
        .into_iter()
        .filter_map(|t| check(t, &doc.source_text))
        .collect();
    Error::merge(errors).map_or(Ok(()), Err)
}

/// The byte offset of `pos` (1-based line, column in characters) in `source`.
fn offset(source: &str, pos: Pos) -> Option<usize> {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(pos.line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let line = source.get(line_start..)?;
    let column: usize = line
        .chars()
        .take(pos.column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    Some(line_start + column)
}

/// The line and column of byte `i` of `source`.
fn position(source: &str, i: usize) -> Pos {
    let before = &source[..i];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}
