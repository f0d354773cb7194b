//! Applying the handout's allowances (`allow:` in its files) to findings.

use super::finding::Finding;
use super::rule;
use crate::error::{quote, Diagnostic, Error, Result};
use crate::model::{AllowScope, Allowance, Document};

/// Marks every finding an allowance of `doc` covers. An allowance that names no
/// rule, or gives no reason, is an input error: a typo must not silence nothing
/// while the author believes it silences something.
pub fn apply(doc: &Document, findings: &mut [Finding]) -> Result<()> {
    let mut errors = Vec::new();
    for a in &doc.allowed {
        let Some(rule) = rule::find(&a.rule) else {
            errors.push(problem(
                doc,
                a,
                format!("`allow` names `{}`, which is no rule", quote(&a.rule)),
                format!(
                    "write a rule's id or name, e.g. {} or {}; `handout check --rules` lists them",
                    rule::NUMBER_MISMATCH.id,
                    rule::NUMBER_MISMATCH.name
                ),
            ));
            continue;
        };
        if a.reason.trim().is_empty() {
            errors.push(problem(
                doc,
                a,
                format!("`allow: {}` gives no reason", rule.name),
                "write why the finding is acceptable, for the next reviewer".into(),
            ));
            continue;
        }
        for f in findings.iter_mut() {
            if f.rule == rule && covers(a, f) {
                f.allowed = Some(a.reason.clone());
            }
        }
    }
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Whether allowance `a` covers finding `f`: same file, and the entry, section or
/// whole file it is written for.
fn covers(a: &Allowance, f: &Finding) -> bool {
    if f.diagnostic.file.as_deref() != Some(a.file.as_path()) {
        return false;
    }
    let entry = f.entry.as_deref();
    match &a.scope {
        AllowScope::File => true,
        AllowScope::Entry(id) => entry == Some(id.as_str()),
        AllowScope::Section(id) => entry.is_some_and(|e| {
            e == id || e.split_once('.').is_some_and(|(section, _)| section == id)
        }),
    }
}

fn problem(doc: &Document, a: &Allowance, message: String, help: String) -> Error {
    // The allowance is in the source file or in the leaflet's translation, whose
    // text is the document's (a translated document keeps only its own text).
    let d = Diagnostic::new(message).file(&a.file);
    let d = if a.file == doc.source_file {
        d.at(&doc.source_text, a.pos)
    } else {
        Diagnostic {
            pos: Some(a.pos),
            ..d
        }
    };
    Error::input(d.help(help))
}
