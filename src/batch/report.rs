//! What a batch did, per leaflet and in total: JSON for scripts, JUnit XML for CI UIs.

use super::Job;
use crate::error::Error;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Built,
    /// Inputs unchanged since the last build; the PDF was kept.
    Unchanged,
    Failed,
    /// A bug: reported as an internal error (exit code 3).
    Internal,
    /// Not attempted (`--fail-fast` after a failure).
    Skipped,
}

/// One leaflet's result.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub handout: String,
    pub locale: String,
    pub output: String,
    pub status: Status,
    pub pages: usize,
    pub bytes: usize,
    pub sha256: Option<String>,
    pub milliseconds: f64,
    pub warnings: Vec<String>,
    /// The error message, for failed leaflets.
    #[serde(rename = "error")]
    pub message: Option<String>,
    #[serde(skip)]
    pub error: Option<Error>,
}

/// The leaflet's names as reports and logs show them: folder and file names come
/// from users and may hold control characters (see [`crate::error::escape`]).
fn names(job: &Job) -> (String, String, String) {
    use crate::error::escape;
    (
        escape(&job.handout.name),
        escape(&job.locale),
        escape(&job.output.display().to_string()),
    )
}

impl Outcome {
    pub fn ok(
        job: &Job,
        status: Status,
        bytes: usize,
        sha256: String,
        pages: usize,
        ms: f64,
    ) -> Self {
        let (handout, locale, output) = names(job);
        Outcome {
            handout,
            locale,
            output,
            status,
            pages,
            bytes,
            sha256: Some(sha256),
            milliseconds: (ms * 100.0).round() / 100.0,
            warnings: Vec::new(),
            message: None,
            error: None,
        }
    }

    pub fn failed(job: &Job, status: Status, error: Error, ms: f64) -> Self {
        let (handout, locale, output) = names(job);
        Outcome {
            handout,
            locale,
            output,
            status,
            pages: 0,
            bytes: 0,
            sha256: None,
            milliseconds: (ms * 100.0).round() / 100.0,
            warnings: Vec::new(),
            message: Some(error.to_string()),
            error: Some(error),
        }
    }

    pub fn skipped(job: &Job) -> Self {
        let (handout, locale, output) = names(job);
        Outcome {
            handout,
            locale,
            output,
            status: Status::Skipped,
            pages: 0,
            bytes: 0,
            sha256: None,
            milliseconds: 0.0,
            warnings: Vec::new(),
            message: None,
            error: None,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub leaflets: usize,
    pub built: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub skipped: usize,
    pub pages: usize,
    pub bytes: usize,
    pub milliseconds: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub program: String,
    pub leaflets: Vec<Outcome>,
    pub totals: Totals,
}

impl Report {
    pub fn new(leaflets: Vec<Outcome>, wall_ms: f64) -> Self {
        let mut t = Totals {
            leaflets: leaflets.len(),
            milliseconds: (wall_ms * 100.0).round() / 100.0,
            ..Totals::default()
        };
        for o in &leaflets {
            match o.status {
                Status::Built => t.built += 1,
                Status::Unchanged => t.unchanged += 1,
                Status::Failed | Status::Internal => t.failed += 1,
                Status::Skipped => t.skipped += 1,
            }
            t.pages += o.pages;
            t.bytes += o.bytes;
        }
        Report {
            program: concat!("handout ", env!("CARGO_PKG_VERSION")).into(),
            leaflets,
            totals: t,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// JUnit XML: one test case per leaflet, failures with their message.
    pub fn to_junit(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.push_str(&format!(
            "<testsuites name=\"handout\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3}\">\n",
            self.totals.leaflets,
            self.totals.failed,
            self.totals.skipped,
            self.totals.milliseconds / 1000.0
        ));
        x.push_str(&format!(
            "  <testsuite name=\"leaflets\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
            self.totals.leaflets, self.totals.failed, self.totals.skipped
        ));
        for o in &self.leaflets {
            x.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
                esc(&o.handout),
                esc(&o.locale),
                o.milliseconds / 1000.0
            ));
            match (&o.status, &o.message) {
                (Status::Failed | Status::Internal, Some(m)) => {
                    let first = m.lines().next().unwrap_or("");
                    x.push_str(&format!(
                        ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                        esc(first),
                        esc(m)
                    ));
                }
                (Status::Skipped, _) => x.push_str(">\n      <skipped/>\n    </testcase>\n"),
                // Warnings of the checks: CI systems show a test case's output.
                _ if !o.warnings.is_empty() => x.push_str(&format!(
                    ">\n      <system-out>{}</system-out>\n    </testcase>\n",
                    esc(&o.warnings.join("\n"))
                )),
                _ => x.push_str("/>\n"),
            }
        }
        x.push_str("  </testsuite>\n</testsuites>\n");
        x
    }
}
