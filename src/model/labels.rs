//! The program's own words on a leaflet (footer, notices) and on its web page, per
//! language.

use schemars::JsonSchema;
use serde::Deserialize;

/// Labels printed by the program itself; a translation supplies its own.
///
/// The first five are printed on every leaflet and every translation must have them.
/// The rest appear only on the online version (`handout site`); a translation file
/// written before they existed still builds its leaflets, and `handout site` names
/// any that is missing instead of showing English on a page in another language.
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
    /// The language's own name, as its readers write it ("Deutsch", "العربية"): the
    /// web page's language switcher lists each version by it.
    #[serde(default)]
    pub language_name: String,
    /// Names the web page's list of the other language versions ("Other languages").
    #[serde(default)]
    pub languages: String,
    /// Heading of the web page's list of printable PDFs ("Printable versions (PDF)").
    #[serde(default)]
    pub downloads: String,
    /// "Pages" before a PDF's page count on the web page ("Pages: 2").
    #[serde(default)]
    pub pages: String,
    /// "Large print", naming the large-print PDF on the web page.
    #[serde(default)]
    pub large_print: String,
}

/// The English notice printed on every draft translation besides the local one.
pub const DRAFT_NOTICE_EN: &str = "Draft translation — not reviewed";

/// Every label key with what it is for (a translator's note in PO files).
pub const LABEL_KEYS: [(&str, &str); 10] = [
    (
        "draft_notice",
        "Printed on every page while the translation is a draft.",
    ),
    (
        "revised",
        "In the footer, before the revision date.",
    ),
    ("version", "In the footer, before the version."),
    (
        "page",
        "Page numbering in the footer: keep {page} and {pages}, they become the numbers.",
    ),
    (
        "online",
        "Before the address of the online version (a colon follows).",
    ),
    (
        "language_name",
        "The name of this language as its readers write it (Deutsch, Español): the web page's language list shows it.",
    ),
    (
        "languages",
        "On the web page: names the list of the other language versions.",
    ),
    (
        "downloads",
        "On the web page: heading of the list of printable PDF versions.",
    ),
    (
        "pages",
        "On the web page: before a PDF's page count (a colon and the number follow).",
    ),
    (
        "large_print",
        "On the web page: names the large-print PDF (17 pt text for readers with low vision).",
    ),
];

/// Labels only the web page shows (see [`Labels`]).
pub const SITE_LABEL_KEYS: [&str; 5] = [
    "language_name",
    "languages",
    "downloads",
    "pages",
    "large_print",
];

/// `get` and `get_mut` over the label fields, written from one list.
macro_rules! label_access {
    ($($field:ident),+ $(,)?) => {
        impl Labels {
            /// The label of `key` (one of [`LABEL_KEYS`]).
            pub fn get(&self, key: &str) -> Option<&str> {
                match key {
                    $(stringify!($field) => Some(&self.$field),)+
                    _ => None,
                }
            }

            /// The label of `key`, to change (one of [`LABEL_KEYS`]).
            pub fn get_mut(&mut self, key: &str) -> Option<&mut String> {
                match key {
                    $(stringify!($field) => Some(&mut self.$field),)+
                    _ => None,
                }
            }
        }
    };
}

label_access!(
    draft_notice,
    revised,
    version,
    page,
    online,
    language_name,
    languages,
    downloads,
    pages,
    large_print,
);

impl Labels {
    /// The draft notice in the leaflet's own language, where it is not the English
    /// one: the leaflet and the web page print it before the English notice.
    pub fn local_draft_notice(&self) -> Option<&str> {
        (self.draft_notice != DRAFT_NOTICE_EN).then_some(self.draft_notice.as_str())
    }

    /// The web page's labels that are empty here (`language_name`, …), in
    /// [`SITE_LABEL_KEYS`] order: `handout site` refuses the page and `i18n status`
    /// lists them.
    pub fn missing_site_labels(&self) -> Vec<&'static str> {
        SITE_LABEL_KEYS
            .into_iter()
            .filter(|k| self.get(k).is_none_or(|v| v.trim().is_empty()))
            .collect()
    }
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            draft_notice: DRAFT_NOTICE_EN.into(),
            revised: "Revised".into(),
            version: "Version".into(),
            page: "Page {page} of {pages}".into(),
            online: "Online version".into(),
            language_name: "English".into(),
            languages: "Other languages".into(),
            downloads: "Printable versions (PDF)".into(),
            pages: "Pages".into(),
            large_print: "Large print".into(),
        }
    }
}
