//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it: every rule in
//! the tool's driver, results with a relative file location, allowed findings as
//! in-source suppressions with their reason.

use super::CheckReport;
use crate::check::rule::RULES;
use serde_json::{json, Value};

/// Where the SARIF 2.1.0 schema lives (what validators and GitHub look for).
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(r: &CheckReport) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": format!("{} {}", rule.summary, rule.why)},
                "help": {"text": rule.why},
                "defaultConfiguration": {"level": rule.severity.word()},
            })
        })
        .collect();
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            let index = RULES.iter().position(|x| *x == f.rule).unwrap_or(0);
            let mut text = crate::error::escape(&d.message);
            if let Some(help) = &d.help {
                text.push_str(&format!("\n{}", crate::error::escape(help)));
            }
            let mut region = json!({});
            if let Some(p) = d.pos {
                region = json!({"startLine": p.line.max(1), "startColumn": p.column.max(1)});
            }
            let uri = d
                .file
                .as_ref()
                .map(|p| p.display().to_string().replace('\\', "/"))
                .unwrap_or_default();
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                }
            });
            if d.pos.is_some() {
                location["physicalLocation"]["region"] = region;
            }
            let mut result = json!({
                "ruleId": f.rule.id,
                "ruleIndex": index,
                "level": f.severity.word(),
                "message": {"text": text},
                "locations": [location],
                "properties": {
                    "handout": f.handout,
                    "locale": f.locale,
                    "form": f.form,
                    "entry": f.entry,
                },
            });
            if let Some(reason) = &f.allowed {
                result["suppressions"] = json!([{"kind": "inSource", "justification": reason}]);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "handout",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/handout/handout#checks",
                "rules": rules,
            }},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
