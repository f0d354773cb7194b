//! `--format json`: one object with every finding, the scores and the totals.

use super::CheckReport;
use serde_json::{json, Value};

pub fn render(r: &CheckReport) -> String {
    let findings: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            json!({
                "rule": f.rule.id,
                "name": f.rule.name,
                "severity": f.severity.word(),
                "allowed": f.allowed.is_some(),
                "reason": f.allowed,
                "handout": f.handout,
                "locale": f.locale,
                "form": f.form,
                "entry": f.entry,
                "file": d.file.as_ref().map(|p| p.display().to_string()),
                "line": d.pos.map(|p| p.line),
                "column": d.pos.map(|p| p.column),
                "message": crate::error::escape(&d.message),
                "help": d.help.as_deref().map(crate::error::escape),
            })
        })
        .collect();
    let scores: Vec<Value> = r
        .scores
        .iter()
        .map(|(handout, locale, lines)| json!({"handout": handout, "locale": locale, "scores": lines}))
        .collect();
    let doc = json!({
        "program": concat!("handout ", env!("CARGO_PKG_VERSION")),
        "findings": findings,
        "readability": scores,
        "totals": r.tally(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
