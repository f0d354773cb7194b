//! Where each value of a YAML file stands, by path (`sections[2].body[0]`).
//!
//! serde gives positions only for its own errors; later stages (a character no font
//! covers, a stale translation) need them too, so an event-level pass records them.

use crate::error::Pos;
use saphyr_parser::{Event, Parser};
use std::collections::HashMap;

/// Map from a value's path to its position in the file.
#[derive(Debug, Default, Clone)]
pub struct PositionIndex {
    map: HashMap<String, Pos>,
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
        let mut map = HashMap::new();
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
                                *key = Some(value.to_string());
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
            Some(if path.is_empty() {
                k
            } else {
                format!("{path}.{k}")
            })
        }
        Frame::Seq { index, path } => {
            let p = format!("{path}[{index}]");
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
}
