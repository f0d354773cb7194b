//! What `handout check` prints: for people (like build errors), JSON for scripts,
//! SARIF 2.1.0 for code scanning, GitHub Actions annotations for pull requests.

mod github;
mod json;
mod sarif;

use super::finding::{Finding, Tally};
use super::reading::ScoreLine;

/// Every finding of a run, and the readability scores of each leaflet.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    /// (handout, locale, scores of its sections and of the whole leaflet).
    pub scores: Vec<(String, String, Vec<ScoreLine>)>,
}

/// The output formats of `handout check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

impl CheckReport {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.findings)
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Human => self.human(),
            Format::Json => json::render(self),
            Format::Sarif => sarif::render(self),
            Format::Github => github::render(self),
        }
    }

    /// Findings like build errors (allowed ones in one line each), then the scores
    /// and the totals.
    fn human(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            if f.allowed.is_some() {
                continue;
            }
            out.push_str(&format!("{f}"));
            out.push_str(&format!("  = leaflet: {}/{}\n\n", f.handout, f.locale));
        }
        let allowed: Vec<&Finding> = self
            .findings
            .iter()
            .filter(|f| f.allowed.is_some())
            .collect();
        if !allowed.is_empty() {
            out.push_str("allowed:\n");
            for f in allowed {
                out.push_str(&format!(
                    "  {} — {}\n",
                    f.one_line(),
                    crate::error::escape(f.allowed.as_deref().unwrap_or(""))
                ));
            }
            out.push('\n');
        }
        for (handout, locale, scores) in &self.scores {
            if let Some(whole) = scores.iter().find(|s| s.scope == "leaflet") {
                out.push_str(&format!(
                    "readability {handout}/{locale}: grade {:.1} ({} {:.1}; {} words, {} sentences)\n",
                    whole.grade, whole.formula, whole.value, whole.words, whole.sentences
                ));
            }
        }
        let t = self.tally();
        out.push_str(&format!(
            "{}, {}, {}, {} allowed\n",
            crate::error::count(t.errors, "error", "errors"),
            crate::error::count(t.warnings, "warning", "warnings"),
            crate::error::count(t.notes, "note", "notes"),
            t.allowed
        ));
        out
    }
}
