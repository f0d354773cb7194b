//! `handout check`: what no typesetter checks. A translation against its source
//! (numbers, units, terms, addresses, emphasis, lists), how hard the text is to read,
//! the laid-out leaflet against print guidelines, and leftovers in the text.
//!
//! The same checks run inside every build (error findings stop that leaflet). Rules
//! live in [`rule`], each finding in [`finding`]; output formats in [`report`].
//! Data flows one way: model (and layout, for the print checks) → findings.

mod allow;
mod chars;
mod consistency;
pub mod finding;
mod guidelines;
mod hygiene;
pub mod quantities;
pub mod readability;
mod reading;
pub mod report;
pub mod rule;
mod sentences;
mod source_facts;

pub use finding::{Finding, Tally};
pub use reading::{scores, ScoreLine};
pub use rule::{Rule, Severity, RULES};

use crate::error::Result;
use crate::layout::{Layout, PrintForm};
use crate::model::clinic::CheckSettings;
use crate::model::Document;

/// One leaflet's texts, as the checks see them.
pub struct Subject<'a> {
    /// The handout's name (its folder).
    pub handout: &'a str,
    pub locale: &'a str,
    /// The handout's source document (the language translations are made from).
    pub source: &'a Document,
    /// The leaflet's document: the translation, or the source itself.
    pub doc: &'a Document,
    pub settings: &'a CheckSettings,
    /// Today as `YYYY-MM-DD` (see [`today`]), for the date rules.
    pub today: &'a str,
}

impl Subject<'_> {
    /// Whether the leaflet is a translation (then the translation rules apply).
    fn is_translation(&self) -> bool {
        self.source.source_file != self.doc.source_file
    }
}

/// The findings on a leaflet's texts: its translation against the source, its
/// readability and its hygiene. Independent of the print form.
pub fn texts(s: &Subject) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.is_translation() {
        consistency::check(s.source, s.doc, &mut out);
    }
    let split = sentences::split(s.doc);
    reading::check(s, &split, &mut out);
    hygiene::check(s, &split, &mut out);
    guidelines::texts(s, &mut out);
    out
}

/// The findings on one print form of the leaflet, from its page model.
pub fn laid_out(s: &Subject, laid: &Layout, form: &PrintForm) -> Vec<Finding> {
    let mut out = Vec::new();
    guidelines::check(s, laid, form, &mut out);
    for f in &mut out {
        f.form = Some(form.name());
    }
    out
}

/// Names each finding's leaflet, marks the ones the handout allows (an allowance
/// naming no rule, or giving no reason, is an input error), and orders them by
/// file, position and rule.
pub fn settle(s: &Subject, mut findings: Vec<Finding>) -> Result<Vec<Finding>> {
    allow::apply(s.doc, &mut findings)?;
    for f in &mut findings {
        f.handout = s.handout.to_string();
        f.locale = s.locale.to_string();
    }
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.diagnostic.file.clone(),
                f.diagnostic.pos.map(|p| (p.line, p.column)),
                f.rule.id,
                f.form.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    findings.dedup_by(|a, b| a.rule == b.rule && a.diagnostic == b.diagnostic);
    Ok(findings)
}

/// Today's date in UTC as `YYYY-MM-DD`, from the system clock (read once a
/// process: a batch that runs over midnight judges every leaflet by one date).
pub fn today() -> &'static str {
    static TODAY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TODAY.get_or_init(system_today)
}

fn system_today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date((secs / 86_400) as i64)
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (H. Hinnant's
/// `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(20_789), "2026-12-02");
        assert_eq!(super::civil_date(11_016), "2000-02-29");
    }
}
