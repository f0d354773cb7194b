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
    /// The offending source line, shown under the location.
    pub snippet: Option<String>,
    /// What the user can do about it.
    pub help: Option<String>,
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
            .map(|l| l.to_string());
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        if let Some(file) = &self.file {
            match self.pos {
                Some(p) => writeln!(f, "  --> {}:{}:{}", file.display(), p.line, p.column)?,
                None => writeln!(f, "  --> {}", file.display())?,
            }
        }
        if let (Some(snippet), Some(p)) = (&self.snippet, self.pos) {
            let num = p.line.to_string();
            let pad = " ".repeat(num.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {snippet}")?;
            let marker: String = snippet
                .chars()
                .take(p.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{pad} | {marker}^")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
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
