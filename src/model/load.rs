//! The one place where YAML is parsed (serde_yaml is deprecated upstream: keep it here).
//!
//! Cheap guards run before the parser sees the text, serde errors become diagnostics
//! with file, line, column and a hint, and a second, event-level pass records where
//! every value stands so later stages can point at the source too.

use super::positions::PositionIndex;
use crate::error::{Diagnostic, Error, Pos, Result};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Size and shape limits for YAML input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_bytes: usize,
    /// Deepest accepted nesting of mappings and sequences.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1024 * 1024,
            max_depth: 32,
        }
    }
}

/// A parsed YAML file together with its text and value positions.
pub struct Loaded<T> {
    pub value: T,
    pub text: String,
    pub positions: PositionIndex,
}

/// Reads `path` and parses it as `T`.
pub fn load_file<T: DeserializeOwned>(path: &Path, limits: Limits) -> Result<Loaded<T>> {
    let bytes = read_bounded(path, limits)?;
    parse(path, &bytes, limits)
}

/// The bytes of `path`, refusing a file over the size limit without reading it:
/// the size is checked first, and at most one byte past the limit is ever read, so
/// a file that grows meanwhile, or one whose size the system does not know (files
/// in /proc say 0), costs no more than the limit in time and memory.
pub fn read_bounded(path: &Path, limits: Limits) -> Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    if !meta.is_file() {
        return Err(Error::input(
            Diagnostic::new(format!("{} is not a file", path.display()))
                .file(path)
                .help("give a handout folder or a .yaml file"),
        ));
    }
    if meta.len() > limits.max_bytes as u64 {
        return Err(too_large(path, Some(meta.len()), limits));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(limits.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, &e))?;
    if bytes.len() > limits.max_bytes {
        return Err(too_large(path, None, limits));
    }
    Ok(bytes)
}

/// Parses YAML `bytes` that came from `path` (used for messages only).
pub fn parse<T: DeserializeOwned>(path: &Path, bytes: &[u8], limits: Limits) -> Result<Loaded<T>> {
    if bytes.len() > limits.max_bytes {
        return Err(too_large(path, Some(bytes.len() as u64), limits));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let column =
                String::from_utf8_lossy(good.rsplit(|&b| b == b'\n').next().unwrap_or(b""))
                    .chars()
                    .count()
                    + 1;
            return Err(Error::input(
                Diagnostic::new(format!(
                    "the file is not valid UTF-8 (byte {})",
                    e.valid_up_to()
                ))
                .file(path)
                .at(&String::from_utf8_lossy(bytes), Pos { line, column })
                .help("save the file with UTF-8 encoding"),
            ));
        }
    };
    precheck(path, text, limits)?;
    // The event pass runs first: it never expands aliases, so an alias bomb is
    // refused here before serde could spend time and memory on it.
    let positions = PositionIndex::build(text);
    if let Some((what, pos)) = &positions.forbidden {
        return Err(Error::input(
            Diagnostic::new(format!("{what} is not allowed in handout files"))
                .file(path)
                .at(text, *pos)
                .help("write the value out in full; anchors, aliases and custom tags are refused for safety"),
        ));
    }
    let value: T = serde_yaml::from_str(text).map_err(|e| serde_error(path, text, &e))?;
    Ok(Loaded {
        value,
        text: text.to_string(),
        positions,
    })
}

/// `size` is `None` when the file turned out larger than the system said.
fn too_large(path: &Path, size: Option<u64>, limits: Limits) -> Error {
    let max = limits.max_bytes;
    Error::input(
        Diagnostic::new(match size {
            Some(size) => format!("the file is {size} bytes, more than the limit of {max} bytes"),
            None => format!("the file is larger than the limit of {max} bytes"),
        })
        .file(path)
        .help("split the handout, or raise the limit with --max-file-size if it is really meant to be this large"),
    )
}

/// Guards that must run before the parser: things it reports badly or too slowly.
fn precheck(path: &Path, text: &str, limits: Limits) -> Result<()> {
    let at = |line: usize, column: usize, msg: String, help: &str| {
        Err(Error::input(
            Diagnostic::new(msg)
                .file(path)
                .at(text, Pos { line, column })
                .help(help),
        ))
    };
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return at(
            1,
            1,
            "the file is empty".into(),
            "write the handout's keys here; `handout schema` lists them",
        );
    }
    let mut depth = 0usize;
    let mut max_depth_seen = 0usize;
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line.find('\0') {
            return at(
                i + 1,
                col + 1,
                "the file contains a NUL byte".into(),
                "this looks like a binary file; handouts are UTF-8 text",
            );
        }
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(col) = indent.find('\t') {
            return at(
                i + 1,
                col + 1,
                "a tab is used for indentation".into(),
                "YAML indentation must use spaces; replace the tab with spaces",
            );
        }
        // Flow collections ([ { ) nest without indentation: count them, cheaply.
        for c in line.chars() {
            match c {
                '[' | '{' => {
                    depth += 1;
                    max_depth_seen = max_depth_seen.max(depth);
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        // Block collections nest by indentation ("- - - x" nests too); two spaces a level
        // is the tightest YAML allows, so this over-counts, never under-counts.
        let mut rest = line.trim_start();
        let mut dashes = 0;
        while let Some(r) = rest.strip_prefix("- ") {
            dashes += 1;
            rest = r.trim_start();
        }
        let indent_level = indent.len() / 2 + dashes;
        max_depth_seen = max_depth_seen.max(indent_level);
        if max_depth_seen > limits.max_depth {
            return at(
                i + 1,
                1,
                format!("the YAML nests deeper than {} levels", limits.max_depth),
                "a handout needs only a few levels (sections → body → list); flatten the structure",
            );
        }
    }
    Ok(())
}

/// Turns a serde_yaml error into a diagnostic with position, snippet and advice.
fn serde_error(path: &Path, text: &str, err: &serde_yaml::Error) -> Error {
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; we show the position ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    let (field_path, detail) = match message.split_once(": ") {
        Some((p, d)) if !p.contains(' ') => (Some(p.to_string()), d.to_string()),
        _ => (None, message.clone()),
    };
    let help = advice(&detail);
    let mut d = Diagnostic::new(match field_path {
        Some(p) if p != "." => format!("{detail} (in `{p}`)"),
        _ => detail.clone(),
    })
    .file(path);
    let duplicate = detail
        .strip_prefix("duplicate field `")
        .and_then(|r| r.split('`').next())
        .and_then(|key| second_key_line(text, key));
    if let Some(line) = duplicate {
        d = d.at(
            text,
            Pos {
                line,
                column: 1 + text
                    .lines()
                    .nth(line - 1)
                    .map(|l| l.len() - l.trim_start().len())
                    .unwrap_or(0),
            },
        );
    } else if let Some(loc) = err.location() {
        d = d.at(
            text,
            Pos {
                line: loc.line(),
                column: loc.column(),
            },
        );
    }
    if let Some(h) = help {
        d = d.help(h);
    }
    Error::input(d)
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
        return Some("the file must be a mapping of keys such as `language:` and `title:`; `handout schema` lists them".into());
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
}
