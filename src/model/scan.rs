//! Line scans of a YAML file that failed to parse, to find the line a person must fix
//! when the parser reports a later one: a key indented unlike its neighbours, a
//! quote left open. Heuristics, used only to explain an error the parser found.

use crate::error::Pos;

/// A key indented unlike the keys of its mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misplaced {
    /// The key as written (`heading`), or the line's text when it is no key.
    pub key: String,
    pub pos: Pos,
    /// Spaces before it, and before the other keys of its mapping.
    pub indent: usize,
    pub expected: usize,
}

fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

fn is_blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// For serde's "missing field `key`" reported at `at` (the first key of a list
/// item's mapping): the first line of that item indented less than its keys, or the
/// missing key itself written at another indentation.
pub fn misplaced_key(text: &str, at: Pos, key: &str) -> Option<Misplaced> {
    let lines: Vec<&str> = text.lines().collect();
    let first = *lines.get(at.line.checked_sub(1)?)?;
    let expected = at.column.checked_sub(1)?;
    // The item's dash stands left of its first key; the item ends where a line is
    // indented no further than the dash.
    let dash = indent_of(first);
    if dash >= expected {
        return None;
    }
    let found = |i: usize, line: &str| {
        let indent = indent_of(line);
        let body = line.trim();
        Misplaced {
            key: body.split(':').next().unwrap_or(body).trim().to_string(),
            pos: Pos {
                line: i + 1,
                column: indent + 1,
            },
            indent,
            expected,
        }
    };
    let item: Vec<(usize, &str)> = lines
        .iter()
        .copied()
        .enumerate()
        .skip(at.line)
        .filter(|(_, l)| !is_blank(l))
        .take_while(|(_, l)| indent_of(l) > dash)
        .collect();
    item.iter()
        .find(|(_, l)| indent_of(l) < expected)
        .or_else(|| {
            item.iter().find(|(_, l)| {
                indent_of(l) != expected && l.trim_start().starts_with(&format!("{key}:"))
            })
        })
        .map(|(i, l)| found(*i, l))
}

/// For libyaml's "mapping values are not allowed" at `line`: the key on that line
/// when it is indented unlike the last key above it that holds a value on its own
/// line (`version: "1"` after `revised: …`), so the parser took it for the
/// continuation of that value.
pub fn shifted_key(text: &str, line: usize) -> Option<Misplaced> {
    let lines: Vec<&str> = text.lines().collect();
    let here = *lines.get(line.checked_sub(1)?)?;
    let above = lines[..line - 1].iter().rev().find(|l| !is_blank(l))?;
    // The column of the key above: after its indentation and any "- ".
    let key_column = |l: &str| {
        let mut i = indent_of(l);
        while l[i..].starts_with("- ") {
            i += 2 + indent_of(&l[i + 2..]);
        }
        i
    };
    let (indent, expected) = (indent_of(here), key_column(above));
    let opens_block = above.trim_end().ends_with(':');
    (indent != expected && !opens_block && above.contains(": ")).then(|| Misplaced {
        key: here
            .trim()
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_string(),
        pos: Pos {
            line,
            column: indent + 1,
        },
        indent,
        expected,
    })
}

/// Where a quoted value that is not closed on its own line opens, if the parser's
/// error at `error_line` can be its consequence: the quote never closes, or closes
/// (at the next quote mark) just before the error.
pub fn unclosed_quote(text: &str, error_line: usize) -> Option<Pos> {
    let lines: Vec<&str> = text.lines().collect();
    let mut block: Option<usize> = None;
    let mut found = None;
    for (i, line) in lines.iter().enumerate().take(error_line) {
        let indent = indent_of(line);
        // Lines of a `>-` or `|` block are text, whatever quotes they hold.
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        let Some((column, mark)) = value_start(line) else {
            continue;
        };
        let rest: String = line.chars().skip(column + 1).collect();
        match mark {
            '>' | '|' => block = Some(indent),
            _ if closes(&rest, mark).is_none() => {
                let after: String = lines[i + 1..].join("\n");
                let closed_at = closes(&after, mark)
                    .map(|n| i + 2 + after.chars().take(n).filter(|c| *c == '\n').count());
                if closed_at.is_none_or(|k| error_line <= k + 1) {
                    found = Some(Pos {
                        line: i + 1,
                        column: column + 1,
                    });
                }
            }
            _ => {}
        }
    }
    found
}

/// The first character of a line's value (0-based column) if it opens a quote or a
/// block: after the indentation, any `- ` and a `key: `.
fn value_start(line: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = indent_of(line);
    while chars.get(i) == Some(&'-') && chars.get(i + 1) == Some(&' ') {
        i += 2;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
    }
    let opens = |c: char| matches!(c, '"' | '\'' | '>' | '|');
    if chars.get(i).copied().is_some_and(|c| c == '"' || c == '\'') {
        return Some((i, chars[i]));
    }
    // `key: value` (a key holds no quote here: quoted keys are not handout style).
    let colon = (i..chars.len()).find(|&j| chars[j] == ':' && chars.get(j + 1) == Some(&' '))?;
    let v = (colon + 1..chars.len()).find(|&j| chars[j] != ' ')?;
    opens(chars[v]).then_some((v, chars[v]))
}

/// Characters of `s` before the quote that closes one opened with `mark`.
fn closes(s: &str, mark: char) -> Option<usize> {
    let mut chars = s.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match (mark, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
            }
            (m, c) if m == c => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_key_indented_less_than_its_neighbours() {
        let text = "sections:\n  - id: intro\n   heading: Hello\n    body:\n      - Text.\n";
        let m = misplaced_key(text, Pos { line: 2, column: 5 }, "body");
        assert_eq!(
            m,
            Some(Misplaced {
                key: "heading".into(),
                pos: Pos { line: 3, column: 4 },
                indent: 3,
                expected: 4
            })
        );
    }

    #[test]
    fn finds_where_an_open_quote_starts() {
        let text = "a: 1\ntitle: \"Open\nversion: \"1.0\"\nb: 'fine'\n";
        assert_eq!(unclosed_quote(text, 3), Some(Pos { line: 2, column: 8 }));
        // A quote closed on its line, or text in a block, is no suspect.
        let text = "title: \"Closed \\\" here\"\nbody: >-\n  \"quoted\n  text\nx: [\n";
        assert_eq!(unclosed_quote(text, 5), None);
    }
}
