//! A finding: one rule's complaint about one place, with what to do about it.

use super::rule::{Rule, Severity};
use crate::error::{escape, Diagnostic};
use std::fmt;

/// What a rule found, where, and whether the handout allows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The rule's severity (findings of an allowed rule keep theirs, see `allowed`).
    pub severity: Severity,
    /// The handout (its folder name) and the locale whose leaflet it is about.
    pub handout: String,
    pub locale: String,
    /// The print form, for findings on the laid-out leaflet (e.g. `A4 tri-fold`).
    pub form: Option<String>,
    /// The entry id (`side-effects.2.1`), the section id, or none for the leaflet.
    pub entry: Option<String>,
    /// Message, file, line and column, source snippet and help.
    pub diagnostic: Diagnostic,
    /// The reason written in the handout for allowing it: then it does not count.
    pub allowed: Option<String>,
}

impl Finding {
    /// A finding of `rule` at its default severity.
    pub fn new(rule: &'static Rule, diagnostic: Diagnostic) -> Finding {
        Finding {
            rule,
            severity: rule.severity,
            handout: String::new(),
            locale: String::new(),
            form: None,
            entry: None,
            diagnostic,
            allowed: None,
        }
    }

    pub fn entry(mut self, entry: impl Into<String>) -> Finding {
        self.entry = Some(entry.into());
        self
    }

    /// Whether it counts against the exit code: not allowed, and at least `level`.
    pub fn counts_at(&self, level: Severity) -> bool {
        self.allowed.is_none() && self.severity >= level
    }

    /// `error[HC101 number-mismatch]`, or `allowed warning[…]`.
    pub fn label(&self) -> String {
        format!(
            "{}{}[{} {}]",
            if self.allowed.is_some() {
                "allowed "
            } else {
                ""
            },
            self.severity.word(),
            self.rule.id,
            self.rule.name
        )
    }

    /// One line: `path:line:col: warning[HC201 reading-grade]: message`.
    pub fn one_line(&self) -> String {
        let d = &self.diagnostic;
        let place = match (&d.file, d.pos) {
            (Some(f), Some(p)) => format!("{}:{}:{}: ", f.display(), p.line, p.column),
            (Some(f), None) => format!("{}: ", f.display()),
            _ => String::new(),
        };
        let first = d.message.lines().next().unwrap_or("");
        escape(&format!("{place}{}: {first}", self.label()))
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.diagnostic.render(f, &self.label())?;
        if let Some(form) = &self.form {
            writeln!(f, "  = print form: {}", escape(form))?;
        }
        if let Some(reason) = &self.allowed {
            writeln!(f, "  = allowed: {}", escape(reason))?;
        }
        Ok(())
    }
}

/// How many findings of each severity count (allowed ones apart).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub allowed: usize,
}

impl Tally {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            match (&f.allowed, f.severity) {
                (Some(_), _) => t.allowed += 1,
                (None, Severity::Error) => t.errors += 1,
                (None, Severity::Warning) => t.warnings += 1,
                (None, Severity::Note) => t.notes += 1,
            }
        }
        t
    }
}
