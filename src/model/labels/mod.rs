//! The program's own words on a leaflet (footer, notices) and on its web page, per
//! language.

mod known;

use super::Language;
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

/// Labels every leaflet prints (the rest are the web page's, see [`SITE_LABEL_KEYS`]).
pub const LEAFLET_LABEL_KEYS: [&str; 4] = ["revised", "version", "page", "online"];

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

impl Labels {
    /// The labels built into the program for `language` (see `known.rs`): those of
    /// its own tag, else of its language in its script (`zh-TW` → `zh-Hant`,
    /// `pt-BR` → `pt`); `None` for a language without them, or where the tag alone
    /// does not tell which (`zh` could be either script).
    pub fn built_in(language: &Language) -> Option<Labels> {
        let tag = language.tag();
        let primary = language.primary();
        let row = |wanted: &str| {
            known::KNOWN
                .iter()
                .find(|(t, _)| t.eq_ignore_ascii_case(wanted))
        };
        let found = row(tag).or_else(|| match primary {
            "zh" => chinese_script(tag).and_then(|script| row(&format!("zh-{script}"))),
            // `sr-Latn` must not get labels written in another script.
            _ => row(primary).filter(|(t, _)| Language::new(t).script() == language.script()),
        });
        found.map(|(_, values)| {
            let mut labels = Labels::default();
            for ((key, _), value) in LABEL_KEYS.iter().zip(values) {
                if let Some(slot) = labels.get_mut(key) {
                    *slot = (*value).to_string();
                }
            }
            labels
        })
    }

    /// What is wrong with the labels a leaflet prints, by key: empty ones, and a
    /// page label without both numbers (the leaflet would silently lose them).
    /// `online` is printed, so needed, only when the leaflet has an address.
    pub fn leaflet_problems(&self, has_address: bool) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        for key in LEAFLET_LABEL_KEYS {
            if key == "online" && !has_address {
                continue;
            }
            if self.get(key).is_none_or(|v| v.trim().is_empty()) {
                problems.push((key, format!("the label `{key}` is empty")));
            }
        }
        if !self.page.trim().is_empty() {
            for placeholder in ["{page}", "{pages}"] {
                let times = self.page.matches(placeholder).count();
                if times != 1 {
                    problems.push((
                        "page",
                        format!(
                            "the label `page` has `{placeholder}` {times} times instead of once: `{}`",
                            crate::error::quote(&self.page)
                        ),
                    ));
                }
            }
        }
        problems
    }
}

/// What to do about a page label [`Labels::leaflet_problems`] finds wrong.
pub const PAGE_LABEL_HELP: &str = "write `{page}` and `{pages}` once each where the numbers go, as in the English \"Page {page} of {pages}\"";

/// A problem with a source file's labels: the YAML path it is at, what is wrong and
/// what to do.
pub type LabelProblem = (String, String, &'static str);

/// The labels of a leaflet written in `language`: the built-in ones, with those the
/// source file gives in their place; and what is wrong with them.
pub fn for_source(
    language: &Language,
    given: &super::source::SourceLabels,
    has_address: bool,
) -> (Labels, Vec<LabelProblem>) {
    let built_in = Labels::built_in(language);
    let known = built_in.is_some();
    let mut labels = built_in.unwrap_or_else(|| Labels {
        language_name: String::new(),
        languages: String::new(),
        downloads: String::new(),
        pages: String::new(),
        large_print: String::new(),
        revised: String::new(),
        version: String::new(),
        page: String::new(),
        online: String::new(),
        ..Labels::default()
    });
    for (key, value) in given.given() {
        if let (Some(value), Some(slot)) = (value, labels.get_mut(key)) {
            slot.clone_from(value);
        }
    }
    let mut problems = Vec::new();
    let mut missing = Vec::new();
    for (key, message) in labels.leaflet_problems(has_address) {
        let given = given.given().iter().any(|(k, v)| *k == key && v.is_some());
        if given {
            let help = if key == "page" {
                PAGE_LABEL_HELP
            } else {
                "write the label in the leaflet's language"
            };
            problems.push((format!("labels.{key}"), message, help));
        } else if !missing.contains(&key) {
            missing.push(key);
        }
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
        let message = if known {
            format!("the labels {} are empty", list.join(", "))
        } else {
            format!(
                "`language: {}` has no built-in labels (the words the leaflet prints around its footer and page numbers); missing: {}",
                crate::error::quote(language.tag()),
                list.join(", ")
            )
        };
        problems.push((
            "language".to_string(),
            message,
            "add them under `labels:` in this language, e.g. `page: \"Page {page} of {pages}\"` (`handout schema` lists every label)",
        ));
    }
    (labels, problems)
}

/// The script of a Chinese tag: its script subtag, else what its region writes.
fn chinese_script(tag: &str) -> Option<&'static str> {
    let subtags = || tag.split('-').skip(1);
    if let Some(script) = subtags().find_map(|s| {
        ["Hans", "Hant"]
            .into_iter()
            .find(|known| known.eq_ignore_ascii_case(s))
    }) {
        return Some(script);
    }
    subtags().find_map(|region| match region.to_ascii_uppercase().as_str() {
        "TW" | "HK" | "MO" => Some("Hant"),
        "CN" | "SG" | "MY" => Some("Hans"),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in(tag: &str) -> Option<Labels> {
        Labels::built_in(&Language::new(tag))
    }

    #[test]
    fn every_built_in_language_has_every_label_and_both_page_numbers() {
        for (tag, _) in known::KNOWN {
            let labels = built_in(tag).expect(tag);
            assert_eq!(labels.leaflet_problems(true), Vec::new(), "{tag}");
            assert_eq!(labels.missing_site_labels(), Vec::<&str>::new(), "{tag}");
        }
        assert_eq!(built_in("en"), Some(Labels::default()));
    }

    #[test]
    fn a_tag_finds_its_language_in_its_script_only() {
        assert_eq!(built_in("es").expect("es").page, "Página {page} de {pages}");
        assert_eq!(built_in("pt-BR"), built_in("pt"));
        assert_eq!(built_in("zh-TW"), built_in("zh-Hant"));
        assert_eq!(built_in("zh-Hans-CN"), built_in("zh-Hans"));
        assert_ne!(built_in("zh-Hant"), built_in("zh-Hans"));
        // Which script `zh` means is not known; nor is Serbian built in.
        assert_eq!(built_in("zh"), None);
        assert_eq!(built_in("sw"), None);
        // Russian written in Latin letters must not get Cyrillic labels.
        assert_eq!(built_in("ru-Latn"), None);
    }

    #[test]
    fn a_page_label_without_its_numbers_is_a_problem() {
        let mut labels = Labels {
            page: "Seite von".into(),
            online: " ".into(),
            ..Labels::default()
        };
        let keys: Vec<&str> = labels.leaflet_problems(true).iter().map(|p| p.0).collect();
        assert_eq!(keys, ["online", "page", "page"]);
        labels.page = "{page}/{pages}".into();
        labels.online = "Online".into();
        assert!(labels.leaflet_problems(true).is_empty());
    }
}
