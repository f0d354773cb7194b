//! serde_yaml's errors in a newcomer's words, pointing at the line to fix.
//!
//! serde and libyaml describe what the parser saw ("missing field `body`" at the
//! section, "invalid type: string, expected struct SourceFile", the end of the file
//! for a quote that never closes); the person holding the file needs what to change
//! and where. Each explanation below starts from one such message.

use super::scan as indent;
use crate::error::{count, quote, Diagnostic, Error, Pos};
use std::path::Path;

/// Messages serde itself writes (as opposed to libyaml's syntax errors).
const SERDE_MESSAGES: &[&str] = &[
    "invalid type",
    "invalid value",
    "invalid length",
    "missing field",
    "unknown field",
    "unknown variant",
    "duplicate field",
    "duplicate entry",
    "data did not match",
    "a colon followed by a space",
    "an image needs",
    "a block is either",
];

/// Turns a serde_yaml error into a diagnostic with position, snippet and advice.
pub(super) fn serde_error(path: &Path, text: &str, err: &serde_yaml::Error) -> Error {
    let (message, context) = split_marks(&err.to_string());
    let reported = err.location().map(|l| Pos {
        line: l.line(),
        column: l.column(),
    });
    let (field_path, detail) = match message.split_once(": ") {
        Some((p, d)) if !p.contains(' ') => (Some(p.to_string()), d.to_string()),
        _ => (None, message.clone()),
    };
    let in_path = |m: String| match &field_path {
        Some(p) if p != "." => format!("{m} (in `{p}`)"),
        _ => m,
    };
    let syntax = field_path.is_none() && !SERDE_MESSAGES.iter().any(|m| detail.starts_with(m));
    let mut d = Diagnostic::new(in_path(detail.clone())).file(path);
    let mut pos = reported;
    let mut help = advice(&detail);

    if syntax {
        // libyaml reports an unclosed quote where the file ends (or where the next
        // quote happens to close it); the place to fix is where it opens.
        let open = context
            .as_deref()
            .filter(|c| c.starts_with("while scanning a quoted scalar"))
            .and_then(mark)
            .or_else(|| reported.and_then(|r| indent::unclosed_quote(text, r.line)));
        if let Some(open) = open {
            d.message = "this quote is not closed on its line".into();
            pos = Some(open);
            help = Some(
                "end the text with the same quote mark on this line; inside \"…\" write a \" as \\\", inside '…' write a ' as ''"
                    .into(),
            );
        } else if detail.starts_with("mapping values are not allowed") {
            let shifted = reported.and_then(|r| indent::shifted_key(text, r.line));
            if let Some(found) = shifted {
                d.message = format!(
                    "`{}` is indented by {}, the key above it by {}",
                    quote(&found.key),
                    count(found.indent, "space", "spaces"),
                    found.expected
                );
                pos = Some(found.pos);
                help = Some(format!(
                    "{}, like the key above it, if it belongs to the same part; YAML places a key by its indentation",
                    indent_to(found.expected)
                ));
            } else {
                d.message = "a colon followed by a space is not allowed here".into();
                help = Some("check this line's indentation against the lines above it; if it is a text with `: ` in it, put the whole text in quotes".into());
            }
        }
    } else if let Some(key) = between(&detail, "missing field `", "`") {
        if let Some(found) = reported.and_then(|r| indent::misplaced_key(text, r, key)) {
            d.message = in_path(format!(
                "`{}` is indented by {}, the keys before it by {}",
                quote(&found.key),
                count(found.indent, "space", "spaces"),
                found.expected
            ));
            pos = Some(found.pos);
            help = Some(format!(
                "{}, like the keys before it: YAML places a key by its indentation (this is why it found no `{key}:` here)",
                indent_to(found.expected)
            ));
        }
    } else if detail.starts_with("a colon followed by a space") {
        let line = reported.and_then(|r| text.lines().nth(r.line.saturating_sub(1)));
        let written = line.map(|l| l.trim_start().trim_start_matches("- ").trim_end());
        if let Some(written) = written {
            let quoted = format!("\"{}\"", written.replace('\\', "\\\\").replace('"', "\\\""));
            help = Some(format!(
                "put the whole text in quotes: {}, or write `>-` after the dash and the text on the next lines",
                quote(&quoted)
            ));
        }
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            d.message = in_path(format!(
                "expected {}, found {}",
                expected_words(expected),
                found_words(found)
            ));
        }
    } else if let Some(key) = between(&detail, "unknown field `", "`") {
        // A 200 KB key would be quoted whole: keep the message short.
        if key.chars().count() > crate::error::QUOTE_CHARS {
            d.message = in_path(format!("unknown field `{}`", quote(key)));
        }
    }
    if let Some(line) =
        between(&detail, "duplicate field `", "`").and_then(|k| second_key_line(text, k))
    {
        let column = 1 + text
            .lines()
            .nth(line - 1)
            .map(|l| l.chars().count() - l.trim_start().chars().count())
            .unwrap_or(0);
        pos = Some(Pos { line, column });
    }
    if let Some(p) = pos {
        d = d.at(text, p);
    }
    if let Some(h) = help {
        d = d.help(h);
    }
    Error::input(d)
}

/// What to do to put a line at indentation `n`.
fn indent_to(n: usize) -> String {
    match n {
        0 => "start it at the beginning of the line".into(),
        n => format!("indent it by exactly {}", count(n, "space", "spaces")),
    }
}

/// The message without libyaml's " at line L column C" marks, and the context
/// libyaml adds after ", " ("while scanning a quoted scalar at line 2 column 8").
fn split_marks(full: &str) -> (String, Option<String>) {
    let (main, context) = match full.split_once(", while ") {
        Some((m, c)) => (m, Some(format!("while {c}"))),
        None => (full, None),
    };
    let main = match main.rfind(" at line ") {
        Some(i) if mark(&main[i..]).is_some() => &main[..i],
        _ => main,
    };
    (main.to_string(), context)
}

/// The position in "… at line L column C".
fn mark(s: &str) -> Option<Pos> {
    let rest = &s[s.rfind(" at line ")? + " at line ".len()..];
    let (line, column) = rest.split_once(" column ")?;
    Some(Pos {
        line: line.trim().parse().ok()?,
        column: column.trim().parse().ok()?,
    })
}

/// The text between `start` and the next `end` in `s`, if `s` starts with `start`.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    s.strip_prefix(start)?.split(end).next()
}

/// serde's name of what it found, in words: `string "x"` → the text "x".
fn found_words(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {}", quote(s));
    }
    if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return format!("the number {}", n.trim_matches('`'));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return format!("{b} (a yes/no value)");
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "keys with values".into(),
        "unit value" => "nothing (an empty value)".into(),
        other => other.into(),
    }
}

/// serde's name of what it expected, in words: `struct SourceFile` → a handout file.
fn expected_words(expected: &str) -> String {
    match expected {
        "a string" => "a text".into(),
        "a sequence" => "a list (one item per line, each starting with `- `)".into(),
        "a boolean" => "true or false".into(),
        "struct SourceFile" => {
            "a handout file (keys such as `language:`, `title:` and `sections:`)".into()
        }
        "struct TranslationFile" => {
            "a translation file (keys such as `language:` and `entries:`)".into()
        }
        "struct SectionSource" => "a section (`id:`, `heading:` and `body:`)".into(),
        e if e.starts_with("struct ") || e.starts_with("a map") => {
            "keys with values (`handout schema` lists them)".into()
        }
        other => other.into(),
    }
}

/// The line of the second `key:` in the file (serde reports duplicates at the map).
fn second_key_line(text: &str, key: &str) -> Option<usize> {
    let pat = format!("{key}:");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().trim_start_matches("- ").starts_with(&pat))
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// A hint for common serde messages: spelling of keys, quoting of versions.
fn advice(detail: &str) -> Option<String> {
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`')?;
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let best = candidates
            .iter()
            .map(|c| (strsim::damerau_levenshtein(key, c), *c))
            .min()
            .filter(|(d, c)| *d <= 2.max(c.len() / 3));
        return Some(match best {
            Some((_, c)) => format!("did you mean `{c}`?"),
            // In a body, the likelier mistake is a text with ": " in it.
            None if candidates == ["list", "image", "alt"] => format!(
                "the keys allowed here are: {}; if this is a text, put it in quotes (a colon followed by a space starts a key)",
                candidates.join(", ")
            ),
            None => format!("the keys allowed here are: {}", candidates.join(", ")),
        });
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let key = rest.split('`').next()?;
        return Some(format!(
            "add `{key}:` here; `handout schema` describes every key"
        ));
    }
    if detail.starts_with("duplicate field") || detail.contains("duplicate entry") {
        return Some("remove one of the two entries with the same key".into());
    }
    if detail.contains("expected a string") && detail.starts_with("invalid type") {
        return Some("write the value in quotes, e.g. version: \"1.0\"".into());
    }
    if detail.starts_with("invalid type")
        && (detail.ends_with("expected struct SourceFile")
            || detail.ends_with("expected struct TranslationFile"))
    {
        return Some("the file must hold keys such as `language:` and `title:`, one per line; `handout schema` lists them".into());
    }
    if detail.starts_with("invalid type") {
        return Some("check the value's form against `handout schema`".into());
    }
    if detail.contains("unknown variant") {
        return Some("use one of the values listed above".into());
    }
    if detail.contains("recursion limit") || detail.contains("repetition limit") {
        return Some("remove the deep nesting or the repeated aliases (&anchor / *alias)".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let a = advice("unknown field `heding`, expected one of `id`, `heading`, `kind`, `body`");
        assert_eq!(a.as_deref(), Some("did you mean `heading`?"));
    }

    #[test]
    fn lists_keys_when_nothing_is_near() {
        let a = advice("unknown field `zzzzzzzz`, expected `list`");
        assert_eq!(a.as_deref(), Some("the keys allowed here are: list"));
    }

    #[test]
    fn marks_are_split_off() {
        let (m, c) = split_marks("found unexpected end of stream at line 10 column 1, while scanning a quoted scalar at line 2 column 8");
        assert_eq!(m, "found unexpected end of stream");
        assert_eq!(
            c.as_deref().and_then(mark),
            Some(Pos { line: 2, column: 8 })
        );
    }
}
