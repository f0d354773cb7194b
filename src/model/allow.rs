//! Allowed findings: a handout may accept one rule's finding for one entry, section
//! or file, with a written reason (`allow: {number-mismatch: "…why…"}`).
//!
//! The model only records what is written and where; `check` knows the rules and
//! refuses a name it does not know.

use crate::error::Pos;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `allow:` as written in a file: rule id or name → the reason.
pub type AllowMap = BTreeMap<String, String>;

/// What an allowance covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowScope {
    /// Every finding located in the file (written at the top level).
    File,
    /// The findings of one section: its heading, its texts and its scores.
    Section(String),
    /// The findings of one translated entry (`entries.<id>.allow`).
    Entry(String),
}

/// One allowed rule, where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowance {
    /// The rule id or name as written (`check` resolves it).
    pub rule: String,
    pub reason: String,
    pub scope: AllowScope,
    /// The file that says so: it covers findings located in that file only.
    pub file: PathBuf,
    pub pos: Pos,
}

/// The allowances of one `allow:` map, found at YAML path `base` (`allow`,
/// `sections[2].allow`, `entries.title.allow`) of `file`.
pub fn allowances(
    map: &AllowMap,
    scope: AllowScope,
    file: &std::path::Path,
    base: &str,
    positions: &super::PositionIndex,
) -> Vec<Allowance> {
    map.iter()
        .map(|(rule, reason)| Allowance {
            rule: rule.clone(),
            reason: reason.clone(),
            scope: scope.clone(),
            file: file.to_path_buf(),
            pos: positions
                .get(&format!("{base}.{rule}"))
                .or_else(|| positions.get(base))
                .unwrap_or(Pos { line: 1, column: 1 }),
        })
        .collect()
}
