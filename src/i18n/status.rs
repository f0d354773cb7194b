//! `handout i18n status`: how complete each locale is, and whether it builds.

use super::file::{EntryState, Status};
use crate::discover::Handout;
use crate::error::{Error, Result};
use crate::model::{Document, Limits};

/// Completeness of one locale of one handout.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LocaleStatus {
    pub handout: String,
    pub locale: String,
    pub source: bool,
    pub total: usize,
    pub translated: usize,
    pub missing: Vec<String>,
    pub stale: Vec<String>,
    pub obsolete: Vec<String>,
    /// `source`, `draft` or `reviewed`.
    pub review: String,
    /// Whether this locale builds (in the default print form).
    pub ready: bool,
    /// Why it does not build, one line each (`file:line:column: message`).
    pub problems: Vec<String>,
    /// The web page's labels the file lacks (`language_name`, …): the leaflet still
    /// builds, but `handout site` refuses the page until they are translated.
    pub web_labels_missing: Vec<String>,
}

/// Status of every locale of `handout`. `builds` tries to build the leaflet of one
/// locale from the loaded source document (the caller passes the real build, which
/// this stage may not call itself); its errors become the locale's `problems`.
pub fn status(
    handout: &Handout,
    limits: Limits,
    builds: &dyn Fn(&Handout, Document, &str) -> Result<()>,
) -> Result<Vec<LocaleStatus>> {
    let doc = crate::model::load_source(&handout.source.path, &handout.name, limits)?;
    let texts = doc.texts();
    let mut out = vec![LocaleStatus {
        handout: handout.name.clone(),
        locale: handout.source.locale.clone(),
        source: true,
        total: texts.len(),
        translated: texts.len(),
        missing: Vec::new(),
        stale: Vec::new(),
        obsolete: Vec::new(),
        review: "source".into(),
        ready: false,
        problems: Vec::new(),
        web_labels_missing: Vec::new(),
    }];
    for lf in &handout.translations {
        let (tf, _, _) = super::load(&lf.path, limits)?;
        let mut s = LocaleStatus {
            handout: handout.name.clone(),
            locale: lf.locale.clone(),
            source: false,
            total: texts.len(),
            translated: 0,
            missing: Vec::new(),
            stale: Vec::new(),
            obsolete: Vec::new(),
            review: match tf.status {
                Status::Draft => "draft".into(),
                Status::Reviewed => "reviewed".into(),
            },
            ready: false,
            problems: Vec::new(),
            web_labels_missing: tf
                .labels
                .missing_site_labels()
                .into_iter()
                .map(|k| format!("labels.{k}"))
                .collect(),
        };
        for t in &texts {
            match tf.state(&t.id, &t.markup) {
                EntryState::Current(_) => s.translated += 1,
                EntryState::Stale(_) => s.stale.push(t.id.clone()),
                EntryState::Missing => s.missing.push(t.id.clone()),
            }
        }
        let ids: Vec<String> = texts.iter().map(|t| t.id.clone()).collect();
        s.obsolete = tf.obsolete(&ids).cloned().collect();
        out.push(s);
    }
    for s in &mut out {
        let incomplete = [
            (s.missing.len(), "missing"),
            (s.stale.len(), "stale"),
            (s.obsolete.len(), "obsolete"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {} {what}", if *n == 1 { "entry" } else { "entries" }))
        .collect::<Vec<_>>();
        // An incomplete translation cannot build, and the lists above say why.
        s.problems = if incomplete.is_empty() {
            builds(handout, doc.clone(), &s.locale)
                .err()
                .map(|e| one_line_each(&e))
                .unwrap_or_default()
        } else {
            vec![incomplete.join(", ")]
        };
        s.ready = s.problems.is_empty();
    }
    Ok(out)
}

/// Each diagnostic of `e` as `file:line:column: message` on one line.
fn one_line_each(e: &Error) -> Vec<String> {
    e.diagnostics
        .iter()
        .map(|d| {
            // A message that lists places on lines of its own keeps them, `; `-separated.
            let mut lines = d.message.lines().map(str::trim);
            let first = lines.next().unwrap_or_default();
            let rest: Vec<&str> = lines.collect();
            let message = if rest.is_empty() {
                first.to_string()
            } else {
                format!("{first} {}", rest.join("; "))
            };
            // Messages quote the files; on a terminal a control character would act.
            let message: String = message
                .chars()
                .map(|c| {
                    if c.is_control()
                        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                    {
                        format!("\\u{{{:04X}}}", c as u32)
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            match (&d.file, d.pos) {
                (Some(f), Some(p)) => format!("{}:{}:{}: {message}", f.display(), p.line, p.column),
                (Some(f), None) => format!("{}: {message}", f.display()),
                _ => message,
            }
        })
        .collect()
}
