//! Where each value of a YAML file stands, by path (`sections[2].body[0]`).
//!
//! serde gives positions only for its own errors; later stages (a character no font
//! covers, a stale translation) need them too, so an event-level pass records them.

use crate::error::Pos;
use crate::fast_map::FastMap;
use saphyr_parser::{Event, Parser};
use std::fmt::Write;

/// Map from a value's path to its position in the file.
#[derive(Debug, Default, Clone)]
pub struct PositionIndex {
    map: FastMap<String, Pos>,
    /// The first construct handout files may not use: an anchor, an alias or a
    /// custom tag (what it is, and where).
    pub forbidden: Option<(String, Pos)>,
}

enum Frame {
    Map { key: Option<String>, path: String },
    Seq { index: usize, path: String },
}

impl PositionIndex {
    /// Indexes `text`; a text the event parser rejects yields an empty index (serde
    /// has already reported its errors by then).
    pub fn build(text: &str) -> Self {
        let mut map = FastMap::default();
        let mut forbidden: Option<(String, Pos)> = None;
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let pos = Pos {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            let mut forbid = |what: &str| {
                if forbidden.is_none() {
                    forbidden = Some((what.to_string(), pos));
                }
            };
            match &event {
                Event::Scalar(_, _, anchor, tag)
                | Event::MappingStart(anchor, tag)
                | Event::SequenceStart(anchor, tag) => {
                    if *anchor != 0 {
                        forbid("an anchor (&name)");
                    }
                    if let Some(t) = tag {
                        // Only the core schema's own tags (!!str, !!int, …) are harmless.
                        if t.handle != "tag:yaml.org,2002:" && t.handle != "!!" {
                            forbid(&format!("the custom tag !{}", t.suffix));
                        }
                    }
                }
                Event::Alias(_) => forbid("an alias (*name)"),
                _ => {}
            }
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map { key, .. }) = stack.last() {
                        if key.is_none() {
                            if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                                *key = Some(value.into_owned());
                            }
                            continue;
                        }
                    }
                    if let Some(path) = value_path(&mut stack) {
                        map.insert(path, pos);
                    }
                }
                Event::Alias(_) => {
                    if let Some(path) = value_path(&mut stack) {
                        map.insert(path, pos);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = value_path(&mut stack).unwrap_or_default();
                    map.insert(path.clone(), pos);
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { key: None, path }
                    } else {
                        Frame::Seq { index: 0, path }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        PositionIndex { map, forbidden }
    }

    /// Position of the value at `path`, e.g. `sections[1].heading`.
    pub fn get(&self, path: &str) -> Option<Pos> {
        self.map.get(path).copied()
    }
}

/// The path of the value that the current event starts, advancing the parent.
fn value_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut()? {
        Frame::Map { key, path } => {
            let k = key.take()?;
            if path.is_empty() {
                return Some(k);
            }
            // Pushed rather than formatted: this runs for every value of every file.
            let mut p = String::with_capacity(path.len() + 1 + k.len());
            p.push_str(path);
            p.push('.');
            p.push_str(&k);
            Some(p)
        }
        Frame::Seq { index, path } => {
            let mut p = String::with_capacity(path.len() + 4);
            p.push_str(path);
            // Writing into a String cannot fail.
            let _ = write!(p, "[{index}]");
            *index += 1;
            Some(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text =
            "title: A\nsections:\n  - id: x\n    body:\n      - first\n      - list: [a, b]\n";
        let idx = PositionIndex::build(text);
        assert_eq!(idx.get("title"), Some(Pos { line: 1, column: 8 }));
        assert_eq!(idx.get("sections[0].id"), Some(Pos { line: 3, column: 9 }));
        assert_eq!(
            idx.get("sections[0].body[0]"),
            Some(Pos { line: 5, column: 9 })
        );
        assert_eq!(
            idx.get("sections[0].body[1].list[1]"),
            Some(Pos {
                line: 6,
                column: 19
            })
        );
    }

    /// The paths a translation file's messages look up: quoted entry ids, the
    /// `text` of an entry, an `allow` rule, a term in a flow sequence.
    #[test]
    fn finds_translation_entries() {
        let text = "language: de\nterms: [\"Ketamin\", \"NMDA\"]\nentries:\n  \"side-effects.2\":\n    source: \"Übel\"\n    text: \"Übelkeit\"\n    allow: {untranslated: \"a name\"}\n";
        let idx = PositionIndex::build(text);
        assert_eq!(
            idx.get("terms[1]"),
            Some(Pos {
                line: 2,
                column: 20
            })
        );
        assert_eq!(idx.get("entries"), Some(Pos { line: 4, column: 3 }));
        assert_eq!(
            idx.get("entries.side-effects.2.text"),
            Some(Pos {
                line: 6,
                column: 11
            })
        );
        assert_eq!(
            idx.get("entries.side-effects.2.allow.untranslated"),
            Some(Pos {
                line: 7,
                column: 27
            })
        );
        assert_eq!(idx.get("[0]"), None);
        let list = PositionIndex::build("- a\n- [b, c]\n");
        assert_eq!(list.get("[1][1]"), Some(Pos { line: 2, column: 7 }));
    }
}
