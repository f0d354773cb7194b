//! YAML → typed document, with source positions for errors.

pub mod allow;
pub mod clinic;
mod document;
pub(crate) mod image;
mod labels;
pub(crate) mod language;
pub mod load;
mod locale_forms;
pub mod markup;
pub(crate) mod markup_check;
mod positions;
pub(crate) mod probe;
mod scan;
pub(crate) mod source;
mod values;
mod yaml_error;

pub use allow::{AllowScope, Allowance};
pub use document::{
    load_source, parse_source, Block, Document, Image, Logo, Meta, Origin, Section, Text,
    MAX_TEXT_CHARS,
};
pub use labels::{Labels, DRAFT_NOTICE_EN, LABEL_KEYS, PAGE_LABEL_HELP, SITE_LABEL_KEYS};
pub use language::{Direction, Language};
pub use load::Limits;
pub use positions::PositionIndex;
pub use source::SectionKind;
pub use values::{is_date, is_language_tag as looks_like_language};

/// The JSON Schema of a handout source file, for editors (yaml-language-server).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(source::SourceFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
