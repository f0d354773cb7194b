//! What finding handouts needs to know of a YAML file before it is loaded: whether
//! it is a translation, and which language it says it is in.
//!
//! A line scan, not a parse: discovery looks at every file of every handout, and
//! the real parse (with its precise errors) comes later, when the file is loaded.
//! Handout files write these keys at the top level as `key: value`, which is all
//! this reads; anything else is left for the loader to report.

use crate::error::Pos;

/// The top-level facts of one handout file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The file has a top-level `entries:` key: it is a translation.
    pub translation: bool,
    /// The value of the top-level `language:` key and where it stands.
    pub language: Option<(String, Pos)>,
}

/// Reads the top-level keys of `text` that discovery needs.
pub fn probe(text: &str) -> Probe {
    probe_bytes(text.as_bytes())
}

/// [`probe`] on a file's bytes as read: only a `language:` line is decoded (as
/// `String::from_utf8_lossy` would, line by line), so discovery does not validate
/// every file of every handout as UTF-8 first (half of a one-leaflet build's
/// discovery; the loader reads and checks the file it builds).
pub fn probe_bytes(bytes: &[u8]) -> Probe {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    // Only the lines that start with a key matter, so the bytes are searched for
    // the key after a line feed (memchr's vectorised search) instead of being split
    // into lines: discovery probes every file of a handout, 33 for one `-l en`
    // build, and the line split was 6 % of that build's instructions.
    Probe {
        translation: lines_starting(bytes, b"entries:").next().is_some(),
        // The first `language:` line with a value (an empty one is passed over).
        language: lines_starting(bytes, b"language:").find_map(|at| language_at(bytes, at)),
    }
}

/// The offsets of the lines of `bytes` that start with `key` (lines split at LF, as
/// `str::lines` splits them), in order.
fn lines_starting<'a>(bytes: &'a [u8], key: &[u8]) -> impl Iterator<Item = usize> + 'a {
    let first = bytes.starts_with(key).then_some(0);
    let after_lf = [b"\n", key].concat();
    let rest: Vec<usize> = memchr::memmem::find_iter(bytes, &after_lf)
        .map(|lf| lf + 1)
        .collect();
    first.into_iter().chain(rest)
}

/// The value of the `language:` line starting at byte `start` of `bytes`, and where
/// it stands; `None` when it is empty.
fn language_at(bytes: &[u8], start: usize) -> Option<(String, Pos)> {
    let rest = &bytes[start..];
    let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = String::from_utf8_lossy(line);
    let value = line.strip_prefix("language:")?.trim_start();
    let column = line.chars().count() - value.chars().count() + 1;
    // A comment starts at " #"; quotes are YAML's, not the tag's.
    let value = value.split(" #").next().unwrap_or("").trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    if value.is_empty() {
        return None;
    }
    let line_number = memchr::memchr_iter(b'\n', &bytes[..start]).count() + 1;
    Some((
        value.to_string(),
        Pos {
            line: line_number,
            column,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line-by-line reading the searching one replaced: every line split off,
    /// the first `language:` line with a value taken.
    fn line_by_line(text: &str) -> Probe {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut out = Probe {
            translation: false,
            language: None,
        };
        for (i, line) in text.lines().enumerate() {
            out.translation |= line.starts_with("entries:");
            if out.language.is_some() {
                continue;
            }
            if let Some(rest) = line.strip_prefix("language:") {
                let value = rest.trim_start();
                let column = line.chars().count() - value.chars().count() + 1;
                let value = value.split(" #").next().unwrap_or("").trim();
                let value = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(value);
                if !value.is_empty() {
                    let pos = Pos {
                        line: i + 1,
                        column,
                    };
                    out.language = Some((value.to_string(), pos));
                }
            }
        }
        out
    }

    #[test]
    fn searching_finds_what_reading_every_line_finds() {
        let cases = [
            "language: en\nentries:\n",
            "\u{FEFF}entries: {}\r\nlanguage: \"fr\" # x\r\n",
            "language:\nlanguage:   de\n",
            "language: ''\ntitle: x\nlanguage: 'vi'\n",
            "title: x\n language: fr\n entries:\nsections: []",
            "x: entries:\nlanguage: é s\r\n",
            "\n\n\nlanguage: zh-Hans",
            "language: ar\nlanguage: fa\n",
            "",
            "\r\n",
        ];
        for text in cases {
            assert_eq!(probe(text), line_by_line(text), "{text:?}");
        }
    }

    #[test]
    fn reads_the_language_and_the_kind() {
        let p = probe("# c\nlanguage: \"de\"  # German\ntitle: x\nentries:\n  a: b\n");
        assert!(p.translation);
        assert_eq!(
            p.language,
            Some((
                "de".into(),
                Pos {
                    line: 2,
                    column: 11
                }
            ))
        );
        let p = probe("title: x\n  language: fr\nsections: []\n");
        assert_eq!(
            p,
            Probe {
                translation: false,
                language: None
            }
        );
    }

    #[test]
    fn bytes_read_as_their_lossy_text_reads() {
        let cases: [&[u8]; 5] = [
            b"\xEF\xBB\xBFlanguage: en\r\nentries:\r\n",
            b"title: \xFF\xFE\nlanguage: \xC3\xA9s # x\n",
            b"language:\xE2\x82 fr\n",
            b"\n\nlanguage: 'vi'",
            b"entries: {}\nlanguage:\n",
        ];
        for bytes in cases {
            assert_eq!(
                probe_bytes(bytes),
                probe(&String::from_utf8_lossy(bytes)),
                "{bytes:?}"
            );
        }
    }
}
