//! A whole `handout check` run: every handout × locale (in parallel), its texts and
//! the page model of the print form, into one report.

use crate::check::report::CheckReport;
use crate::check::{self as checks, rule, Finding, Subject};
use crate::discover::Handout;
use crate::error::{Error, Result};
use crate::layout::{Geometry, PrintForm};
use crate::model::Limits;
use rayon::prelude::*;

/// What to check.
pub struct Options<'a> {
    /// Only these locales (all when empty).
    pub locales: &'a [String],
    /// The print form whose page model the layout rules look at.
    pub form: PrintForm,
    pub limits: Limits,
    /// `YYYY-MM-DD` (see [`crate::check::today`]).
    pub today: &'a str,
}

/// Checks every locale of every handout. A file that cannot be read at all (broken
/// YAML) is an error, as in a build; a translation that is incomplete is a finding.
pub fn run(handouts: &[Handout], opts: &Options) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    for h in handouts {
        let source = crate::model::load_source(&h.source.path, &h.name, opts.limits)?;
        let branding = crate::model::clinic::load_branding(h.branding_dir(), opts.limits)?;
        let locales: Vec<&str> = h
            .locales()
            .into_iter()
            .filter(|l| opts.locales.is_empty() || opts.locales.iter().any(|w| w == l))
            .collect();
        let results: Vec<Result<(Vec<Finding>, Vec<crate::check::ScoreLine>)>> = locales
            .par_iter()
            .map(|locale| one(h, &source, &branding, locale, opts))
            .collect();
        for (locale, r) in locales.iter().zip(results) {
            let (findings, scores) = r?;
            report.findings.extend(findings);
            report
                .scores
                .push((h.name.clone(), locale.to_string(), scores));
        }
    }
    Ok(report)
}

fn one(
    h: &Handout,
    source: &crate::model::Document,
    branding: &crate::model::clinic::Branding,
    locale: &str,
    opts: &Options,
) -> Result<(Vec<Finding>, Vec<crate::check::ScoreLine>)> {
    let (doc, style) =
        match crate::build::prepare(h, source.clone(), locale, &opts.form, branding, opts.limits) {
            Ok(prepared) => prepared,
            Err(e) if e.kind == crate::error::ErrorKind::Input => {
                return Ok((incomplete(h, locale, e), Vec::new()))
            }
            Err(e) => return Err(e),
        };
    let subject = Subject {
        handout: &h.name,
        locale,
        source,
        doc: &doc,
        settings: &branding.check,
        today: opts.today,
    };
    let mut findings = checks::texts(&subject);
    let laid = crate::build::typeset(&doc, &style, &Geometry::for_form(&opts.form))?;
    findings.extend(checks::laid_out(&subject, &laid, &opts.form));
    let findings = checks::settle(&subject, findings)?;
    Ok((findings, checks::scores(&doc)))
}

/// A leaflet that cannot be put together (a missing, stale or unreadable entry):
/// each reason is a finding, so one run lists every translation's gaps.
fn incomplete(h: &Handout, locale: &str, e: Error) -> Vec<Finding> {
    e.diagnostics
        .into_iter()
        .map(|d| {
            let mut f = Finding::new(&rule::TRANSLATION_INCOMPLETE, d);
            f.handout = h.name.clone();
            f.locale = locale.to_string();
            f
        })
        .collect()
}
