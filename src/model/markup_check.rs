//! Inline markup parsed and checked when a text is loaded (a source when it is read,
//! a translation when it is applied), so that a mistake is an input error at its line
//! and column in every print form rather than stray characters on the leaflet, and
//! no later stage parses markup again.

use super::document::Text;
use super::markup;
use crate::error::{Diagnostic, Error, Pos};

/// Parses `text`'s markup into `text.styled` and returns every mistake in it;
/// `source` is the text of the file it came from, to point at the mistake itself.
pub fn check(text: &mut Text, source: &str) -> Vec<Error> {
    let mut errors = Vec::new();
    let parsed = markup::read(&text.markup);
    match parsed.styled {
        Ok(styled) => text.styled = styled,
        Err(msg) => {
            text.styled = markup::StyledText::default();
            errors.push(Error::input(
                Diagnostic::new(format!("{msg} (entry `{}`)", text.id))
                    .file(&text.origin.file)
                    .at(source, text.origin.pos)
                    .help(
                        "remove the block syntax, or escape its first character with a backslash",
                    ),
            ));
        }
    }
    if let Some(at) = parsed.unclosed_bold {
        errors.push(error_at(
            text,
            source,
            at,
            format!(
                "this `**` starts bold text that is never closed (in `{}`)",
                text.id
            ),
            "end the bold text with `**` after its last word, or write `\\*\\*` for two stars",
        ));
    }
    if let Some(at) = parsed.bad_link {
        errors.push(error_at(
            text,
            source,
            at,
            format!(
                "this link does not lead to a web, mail or phone address (in `{}`)",
                text.id
            ),
            "write links as [text](https://…), [text](mailto:…) or [text](tel:…)",
        ));
    }
    errors
}

/// An error at byte `at` of `text`'s markup.
fn error_at(text: &Text, source: &str, at: usize, message: String, help: &str) -> Error {
    // The markup is the value as YAML gave it; the same characters stand in the
    // file from the value's start on, unless quoting escapes changed them.
    let needle: String = text.markup[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let pos = offset(source, text.origin.pos)
        .and_then(|start| source.get(start..)?.find(&needle).map(|i| start + i))
        .map_or(text.origin.pos, |i| position(source, i));
    Error::input(
        Diagnostic::new(message)
            .file(&text.origin.file)
            .at(source, pos)
            .help(help),
    )
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
