//! The YAML format of a handout's source file, as people write it.
//!
//! These types mirror the file one to one (so serde reports unknown keys and wrong types
//! with their line and column, and schemars derives the JSON Schema editors use). The
//! validated, position-carrying model is built from them in `document.rs`.

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A handout source file: `handouts/<name>/<locale>.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Language of this file as a BCP 47 tag, e.g. `en`, `de`, `zh-Hans`.
    pub language: String,
    /// Title of the leaflet, printed at the top and stored as the PDF title.
    pub title: String,
    /// Date of the last revision, `YYYY-MM-DD`; printed in the footer.
    pub revised: String,
    /// Version of the content, e.g. `"1.2"` (write it in quotes).
    pub version: String,
    /// Address of the online version of this leaflet.
    #[serde(default)]
    pub url: Option<String>,
    /// Name of the clinic that hands the leaflet out.
    #[serde(default)]
    pub clinic: Option<String>,
    /// Who wrote the content; stored as the PDF author.
    #[serde(default)]
    pub author: Option<String>,
    /// One-line summary; stored as the PDF subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Drug names and medical terms that must never be hyphenated.
    #[serde(default)]
    pub terms: Vec<String>,
    /// The sections of the leaflet, in reading order.
    pub sections: Vec<SectionSource>,
    /// Closing advice printed as a visually distinct disclaimer at the end.
    #[serde(default)]
    pub disclaimer: Vec<BlockSource>,
    /// Findings of `handout check` accepted for this file, by rule id or name, each
    /// with the reason (e.g. `reading-grade: "the drug's name is long"`).
    #[serde(default)]
    pub allow: super::allow::AllowMap,
    /// The program's own words on this leaflet and its web page. Built in for the
    /// languages the program ships (`handout` lists them in its README); give any of
    /// them here to word them differently, or all four leaflet labels for a language
    /// without them.
    #[serde(default)]
    pub labels: SourceLabels,
}

/// Labels a source file may set; each one left out is the built-in one of its
/// language. (A source is never a draft, so it has no draft notice.)
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceLabels {
    /// In the footer, before the revision date ("Revised").
    pub revised: Option<String>,
    /// In the footer, before the version ("Version").
    pub version: Option<String>,
    /// Page numbering in the footer, with `{page}` and `{pages}` ("Page {page} of {pages}").
    pub page: Option<String>,
    /// Before the address of the online version ("Online version").
    pub online: Option<String>,
    /// The language's own name on the web page's language list ("English").
    pub language_name: Option<String>,
    /// On the web page: names the list of the other language versions.
    pub languages: Option<String>,
    /// On the web page: heading of the list of printable PDFs.
    pub downloads: Option<String>,
    /// On the web page: before a PDF's page count.
    pub pages: Option<String>,
    /// On the web page: names the large-print PDF.
    pub large_print: Option<String>,
}

impl SourceLabels {
    /// The labels given, by key.
    pub fn given(&self) -> [(&'static str, Option<&String>); 9] {
        [
            ("revised", self.revised.as_ref()),
            ("version", self.version.as_ref()),
            ("page", self.page.as_ref()),
            ("online", self.online.as_ref()),
            ("language_name", self.language_name.as_ref()),
            ("languages", self.languages.as_ref()),
            ("downloads", self.downloads.as_ref()),
            ("pages", self.pages.as_ref()),
            ("large_print", self.large_print.as_ref()),
        ]
    }
}

/// One section: an optional heading followed by paragraphs and lists.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionSource {
    /// Stable identifier (lowercase words joined by `-`); translations refer to it.
    pub id: String,
    /// Section heading; leave it out for an untitled introduction.
    #[serde(default)]
    pub heading: Option<String>,
    /// `normal`, or `warning` for a highlighted box that is never split across pages.
    #[serde(default)]
    pub kind: SectionKind,
    /// Paragraphs (text with `**bold**`, `*italic*`, `[links](https://…)`) and lists.
    pub body: Vec<BlockSource>,
    /// Findings of `handout check` accepted for this section, by rule id or name,
    /// each with the reason.
    #[serde(default)]
    pub allow: super::allow::AllowMap,
}

/// What a section is, not how it looks: styles live in the program.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    #[default]
    Normal,
    /// Important safety information, set in a tinted, bordered box.
    Warning,
}

/// A paragraph (a text), a bullet list (`list:` with one text per item) or an image
/// (`image:` with its `alt:` text).
#[derive(Debug, JsonSchema)]
#[serde(untagged)]
pub enum BlockSource {
    /// A paragraph of text with inline markup.
    Paragraph(String),
    /// A bullet list.
    List(ListSource),
    /// A picture: a diagram or a photograph.
    Image(ImageSource),
}

/// An image in the handout's folder, PNG or JPEG, with the text that describes it to
/// readers who cannot see it (required; translated like any other text).
#[derive(Debug, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageSource {
    /// File name inside the handout's folder, e.g. `diagram.png`.
    pub image: String,
    /// What the image shows, in a sentence.
    pub alt: String,
}

/// A bullet list.
#[derive(Debug, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListSource {
    /// One text per bullet.
    pub list: Vec<String>,
}

// Hand-written so that a wrong block says what is expected instead of serde's
// "data did not match any variant of untagged enum".
impl<'de> Deserialize<'de> for BlockSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = BlockSource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a paragraph (a text), a list (`list:` followed by items) or an image (`image:` and `alt:`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BlockSource, E> {
                Ok(BlockSource::Paragraph(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BlockSource, A::Error> {
                const KEYS: &[&str] = &["list", "image", "alt"];
                let mut list: Option<Vec<String>> = None;
                let (mut image, mut alt): (Option<String>, Option<String>) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot_taken = match key.as_str() {
                        "list" => list.is_some(),
                        "image" => image.is_some(),
                        "alt" => alt.is_some(),
                        // "Common side effects: nausea" is a text, read as a key
                        // because of its ": ". A key-like word (`items`) is a
                        // misspelt key instead.
                        _ if !looks_like_a_key(&key) => {
                            return Err(de::Error::custom(format_args!(
                                "a colon followed by a space starts a key, so this text was read as the key `{}`",
                                crate::error::quote(&key)
                            )))
                        }
                        _ => return Err(de::Error::unknown_field(&key, KEYS)),
                    };
                    if slot_taken {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    match key.as_str() {
                        "list" => list = Some(map.next_value()?),
                        "image" => image = Some(map.next_value()?),
                        _ => alt = Some(map.next_value()?),
                    }
                }
                match (list, image, alt) {
                    (Some(list), None, None) => Ok(BlockSource::List(ListSource { list })),
                    (None, Some(image), Some(alt)) => {
                        Ok(BlockSource::Image(ImageSource { image, alt }))
                    }
                    (None, Some(_), None) => Err(de::Error::custom(
                        "an image needs `alt:`, a sentence that says what it shows",
                    )),
                    (None, None, _) => Err(de::Error::missing_field("list")),
                    _ => Err(de::Error::custom(
                        "a block is either a list (`list:`) or an image (`image:` and `alt:`), not both",
                    )),
                }
            }
        }
        deserializer.deserialize_any(BlockVisitor)
    }
}

/// Whether `s` could be a key a person meant to write: one lowercase word.
fn looks_like_a_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}
