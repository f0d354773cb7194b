//! The program's own words on a leaflet (footer, notices), per language.

use schemars::JsonSchema;
use serde::Deserialize;

/// Labels printed by the program itself; a translation supplies its own.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Shown on every page of a draft translation, next to the English notice.
    pub draft_notice: String,
    /// "Revised" before the revision date in the footer.
    pub revised: String,
    /// "Version" before the version in the footer.
    pub version: String,
    /// Page numbering, with `{page}` and `{pages}` placeholders.
    pub page: String,
    /// "Online version" before the leaflet's address.
    pub online: String,
}

/// The English notice printed on every draft translation besides the local one.
pub const DRAFT_NOTICE_EN: &str = "Draft translation — not reviewed";

impl Default for Labels {
    fn default() -> Self {
        Labels {
            draft_notice: DRAFT_NOTICE_EN.into(),
            revised: "Revised".into(),
            version: "Version".into(),
            page: "Page {page} of {pages}".into(),
            online: "Online version".into(),
        }
    }
}
