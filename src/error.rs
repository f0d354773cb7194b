//! Errors as values: every failure carries where it happened and what to do about it.
//!
//! The library never prints or exits; the CLI renders [`Error`] once, at the edge.

use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of failure this is; decides the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input (YAML, fonts, paths) is wrong: exit code 1.
    Input,
    /// The command line is wrong: exit code 2.
    Usage,
    /// A bug or an environment failure we did not expect: exit code 3.
    Internal,
}

impl ErrorKind {
    /// Process exit code for this kind of failure.
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::Input => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Internal => 3,
        }
    }
}

/// A place in a source file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// One message about one place, rendered like a compiler diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    pub file: Option<PathBuf>,
    pub pos: Option<Pos>,
    /// The offending source line (a window of it), shown under the location.
    pub snippet: Option<Snippet>,
    /// What the user can do about it.
    pub help: Option<String>,
}

/// What a diagnostic shows of the source line: at most [`SNIPPET_CHARS`] characters
/// around the column, with `…` where the line goes on, and no character that could
/// act on a terminal (see [`escape`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Characters of `text` before the one the diagnostic points at.
    pub marker: usize,
}

/// Widest source window a diagnostic shows: one error on a 200 KB line must not
/// write 200 KB to the terminal or into a report.
pub const SNIPPET_CHARS: usize = 80;

/// Longest user value quoted inside a message (see [`quote`]).
pub const QUOTE_CHARS: usize = 60;

/// Whether `c` may act on a terminal or change how the text around it is shown:
/// C0 and C1 control characters and DEL (a crafted title could clear the screen or
/// forge a line), and the bidi embeddings, overrides and isolates U+202A–U+202E,
/// U+2066–U+2069, which reorder what follows them (a message could be made to read
/// differently from what it says). Ordinary right-to-left letters are not among them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// `s` with every unsafe character ([`is_unsafe`]) written as an escape (`\u{001b}`,
/// `\t`), for anything quoted from a user's file in messages, reports and logs.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_escaped(&mut out, c));
    out
}

/// [`escape`] for text of several lines: line breaks are kept.
fn escape_lines(s: &str) -> String {
    s.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

/// A user's value as quoted in a message: escaped, and shortened to
/// [`QUOTE_CHARS`] characters with `…` (the snippet shows where it stands).
pub fn quote(s: &str) -> String {
    let mut short: String = s.chars().take(QUOTE_CHARS).collect();
    if short.len() < s.len() {
        short.push('…');
    }
    escape(&short)
}

/// `n` and the noun, singular or plural: "1 leaflet", "2 leaflets", "0 spaces".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

impl Snippet {
    /// The window of `line` around `column` (1-based, in characters).
    pub fn new(line: &str, column: usize) -> Snippet {
        let col = column.saturating_sub(1);
        let len = line.chars().count();
        let start = if len <= SNIPPET_CHARS {
            0
        } else {
            col.saturating_sub(SNIPPET_CHARS / 2)
                .min(len - SNIPPET_CHARS)
        };
        let end = (start + SNIPPET_CHARS).min(len);
        let mut text = String::new();
        let mut marker = None;
        if start > 0 {
            text.push('…');
        }
        for (i, c) in line.chars().enumerate().skip(start).take(end - start) {
            if i == col {
                marker = Some(text.chars().count());
            }
            push_escaped(&mut text, c);
        }
        let marker = marker.unwrap_or_else(|| text.chars().count());
        if end < len {
            text.push('…');
        }
        Snippet { text, marker }
    }
}

/// The error type of the whole library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub diagnostics: Vec<Diagnostic>,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            file: None,
            pos: None,
            snippet: None,
            help: None,
        }
    }

    pub fn file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    /// Points at `pos` in `source` (the file's text), keeping the line as a snippet.
    pub fn at(mut self, source: &str, pos: Pos) -> Self {
        self.snippet = source
            .lines()
            .nth(pos.line.saturating_sub(1))
            .map(|l| Snippet::new(l, pos.column));
        self.pos = Some(pos);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl Error {
    pub fn new(kind: ErrorKind, diagnostic: Diagnostic) -> Self {
        Error {
            kind,
            diagnostics: vec![diagnostic],
        }
    }

    pub fn input(diagnostic: Diagnostic) -> Self {
        Error::new(ErrorKind::Input, diagnostic)
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, Diagnostic::new(message))
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Internal, Diagnostic::new(message))
    }

    /// An I/O failure on `path`, with a hint that depends on what went wrong.
    pub fn io(action: &str, path: &Path, err: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let help = match err.kind() {
            K::NotFound => "check the path; it is relative to the current directory",
            K::PermissionDenied => "check the file permissions",
            K::StorageFull => "free some disk space and build again",
            _ => "check the path and try again",
        };
        Error::input(
            Diagnostic::new(format!("cannot {action} {}: {err}", path.display()))
                .file(path)
                .help(help),
        )
    }

    /// Joins several errors into one (e.g. every missing translation at once).
    pub fn merge(errors: Vec<Error>) -> Option<Error> {
        let kind = errors
            .iter()
            .map(|e| e.kind)
            .max_by_key(|k| k.exit_code())?;
        Some(Error {
            kind,
            diagnostics: errors.into_iter().flat_map(|e| e.diagnostics).collect(),
        })
    }
}

impl Diagnostic {
    /// Writes the diagnostic under `label` (`error`, `warning[HC201 reading-grade]`).
    pub fn render(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        // Everything shown may quote a user's file: escaped here, once for all
        // messages, reports and logs.
        writeln!(f, "{label}: {}", escape_lines(&self.message))?;
        if let Some(file) = &self.file {
            let file = escape(&file.display().to_string());
            match self.pos {
                Some(p) => writeln!(f, "  --> {file}:{}:{}", p.line, p.column)?,
                None => writeln!(f, "  --> {file}")?,
            }
        }
        if let (Some(snippet), Some(p)) = (&self.snippet, self.pos) {
            let num = p.line.to_string();
            let pad = " ".repeat(num.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {}", snippet.text)?;
            writeln!(f, "{pad} | {}^", " ".repeat(snippet.marker))?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {}", escape_lines(help))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, "error")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_column() {
        let line = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let s = Snippet::new(&line, 1001);
        assert_eq!(s.text, format!("…{}X{}…", "a".repeat(40), "b".repeat(39)));
        assert_eq!(s.marker, 41);
        let s = Snippet::new(&line, 2001);
        assert_eq!(s.text, format!("…{}", "b".repeat(80)));
        assert_eq!(s.marker, 80);
        assert_eq!(
            Snippet::new("short", 3),
            Snippet {
                text: "short".into(),
                marker: 2
            }
        );
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "leaflet", "leaflets"), "1 leaflet");
        assert_eq!(count(0, "leaflet", "leaflets"), "0 leaflets");
        assert_eq!(count(2, "entry", "entries"), "2 entries");
    }

    #[test]
    fn terminal_controls_and_bidi_overrides_are_escaped() {
        assert_eq!(
            escape("a\u{1b}[2Jb\u{7f}\u{85}\u{202e}c\td"),
            "a\\u{001b}[2Jb\\u{007f}\\u{0085}\\u{202e}c\\td"
        );
        assert_eq!(escape("الألم — ok"), "الألم — ok");
        let s = Snippet::new("\u{1b}x\ty", 4);
        assert_eq!((s.text.as_str(), s.marker), ("\\u{001b}x\\ty", 11));
        assert_eq!(quote(&"é".repeat(100)), format!("{}…", "é".repeat(60)));
    }
}
