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
    let mut out = Probe {
        translation: false,
        language: None,
    };
    // Lines as `str::lines` makes them: split at LF, a CR before it dropped.
    let lines = bytes
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    for (i, line) in lines.enumerate() {
        if line.starts_with(b"entries:") {
            out.translation = true;
        }
        if out.language.is_none() && line.starts_with(b"language:") {
            let line = String::from_utf8_lossy(line);
            if let Some(rest) = line.strip_prefix("language:") {
                let value = rest.trim_start();
                let column = line.chars().count() - value.chars().count() + 1;
                // A comment starts at " #"; quotes are YAML's, not the tag's.
                let value = value.split(" #").next().unwrap_or("").trim();
                let value = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(value);
                if !value.is_empty() {
                    out.language = Some((
                        value.to_string(),
                        Pos {
                            line: i + 1,
                            column,
                        },
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
