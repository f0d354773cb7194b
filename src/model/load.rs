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
    let value: T =
        serde_yaml::from_str(text).map_err(|e| super::yaml_error::serde_error(path, text, &e))?;
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

/// Whether byte `b` can begin a control character other than tab and CR: C0 codes,
/// DEL, or the lead byte 0xC2 of the C1 codes U+0080–U+009F (it also leads other
/// Latin-1 characters, which the character check then passes).
const fn may_start_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\r') || b == 0x7F || b == 0xC2
}

/// What the guards look for, by byte: a byte of class 0 (almost every byte of a
/// handout) needs nothing more, so a line is scanned once with one table look-up a
/// byte rather than once per guard.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            0 => NUL,
            b'[' | b'{' => OPENS,
            b']' | b'}' => CLOSES,
            c if may_start_control(c) => MAY_BE_CONTROL,
            _ => 0,
        };
        b += 1;
    }
    table
};
const NUL: u8 = 1;
const MAY_BE_CONTROL: u8 = 2;
const OPENS: u8 = 3;
const CLOSES: u8 = 4;

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
        let bytes = line.as_bytes();
        // Looked for byte by byte (a NUL and the characters below are never part of
        // another character in UTF-8); the column counts characters.
        let column = |byte: usize| line[..byte].chars().count() + 1;
        // Flow collections ([ { ) nest without indentation: count them, cheaply.
        // Counted before the other guards of the line look, which is the same: a
        // line they refuse is never measured for depth.
        let mut may_be_control = false;
        for (at_byte, &b) in bytes.iter().enumerate() {
            match BYTE_CLASS[usize::from(b)] {
                0 => {}
                NUL => {
                    return at(
                        i + 1,
                        column(at_byte),
                        "the file contains a NUL byte".into(),
                        "this looks like a binary file; handouts are UTF-8 text",
                    );
                }
                MAY_BE_CONTROL => may_be_control = true,
                OPENS => {
                    depth += 1;
                    max_depth_seen = max_depth_seen.max(depth);
                }
                CLOSES => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        // The parser refuses these too, but at the start of the file; here the
        // message points at the character itself.
        let control = match may_be_control {
            true => line
                .char_indices()
                .find(|(_, c)| c.is_control() && *c != '\t' && *c != '\r'),
            false => None,
        };
        if let Some((at_byte, c)) = control {
            return at(
                i + 1,
                column(at_byte),
                format!("the file contains the control character U+{:04X}", u32::from(c)),
                "remove it: handout files hold printable text only (a control character is invisible in an editor and can act on a terminal)",
            );
        }
        let indent_len = bytes
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        if let Some(col) = bytes[..indent_len].iter().position(|&b| b == b'\t') {
            return at(
                i + 1,
                col + 1,
                "a tab is used for indentation".into(),
                "YAML indentation must use spaces; replace the tab with spaces",
            );
        }
        // Block collections nest by indentation ("- - - x" nests too); two spaces a level
        // is the tightest YAML allows, so this over-counts, never under-counts.
        let mut rest = line.trim_start();
        let mut dashes = 0;
        while let Some(r) = rest.strip_prefix("- ") {
            dashes += 1;
            rest = r.trim_start();
        }
        let indent_level = indent_len / 2 + dashes;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the guards point: line and column in characters, also after letters of
    /// several bytes; a Latin-1 letter (lead byte 0xC2 like the C1 codes) passes.
    #[test]
    fn guards_point_at_the_character() {
        let pos = |text: &str| match precheck(Path::new("x.yaml"), text, Limits::default()) {
            Ok(()) => None,
            Err(e) => e.diagnostics[0].pos.map(|p| (p.line, p.column)),
        };
        assert_eq!(pos("a: 1\nb: \"é\0\"\n"), Some((2, 6)));
        assert_eq!(pos("a: 1\nb: \"é\u{1b}[2J\"\n"), Some((2, 6)));
        assert_eq!(pos("b: \"ü\u{85}\"\n"), Some((1, 6)));
        assert_eq!(pos("a:\n \tb: 1\n"), Some((2, 2)));
        assert_eq!(pos("b: \"¡ü°\"\r\nc: 'x\ty'\n"), None);
        // A NUL anywhere on a line is named before a control character ahead of it.
        assert_eq!(pos("a: 1\nb: \"\u{1b}x\0\"\n"), Some((2, 7)));
        // Brackets nest across lines; the line that goes too deep is named.
        let deep = |text: &str| {
            let limits = Limits {
                max_depth: 2,
                ..Limits::default()
            };
            match precheck(Path::new("x.yaml"), text, limits) {
                Ok(()) => None,
                Err(e) => e.diagnostics[0].pos.map(|p| (p.line, p.column)),
            }
        };
        assert_eq!(deep("a: [[1]]\nb: [{c: 1}]\n"), None);
        assert_eq!(deep("a: [[\n  1]]\nb: [[{c: 1}]]\n"), Some((3, 1)));
        assert_eq!(deep("a: [\"x\", [\n  [1]]]\n"), Some((2, 1)));
    }
}
