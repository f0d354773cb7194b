//! Exchange with translation tools in gettext PO (Poedit, Weblate, Lokalize, OmegaT,
//! Crowdin all read it). PO was chosen over XLIFF 2 because its "fuzzy" flag with the
//! previous msgid (`#|`) is exactly our stale entry with its old source, and it is
//! line-oriented text that reviews well in git.
//!
//! Every entry's `msgctxt` names what it translates:
//! - an entry id (`title`, `what-is-ketamine.1`, …): `msgid` = current source,
//!   `msgstr` = translation; stale entries are `#, fuzzy` with the old source as
//!   `#| msgid`. On import an entry without the fuzzy flag is current (source and
//!   fingerprint become the msgid's).
//! - `labels.<key>` (`labels.page`, `labels.online`, …): the program's own words;
//!   `msgid` is the English label. An empty `msgstr` keeps the file's label.
//! - `terms`: the words never hyphenated, one per line in `msgstr` (the source's
//!   terms, one per line, in `msgid`); the lines become the `terms:` list in order.
//!
//! The header names the language (`Language`) and the handout (`X-Handout`); import
//! refuses a file whose language or handout is not the one it is imported into.

mod export;
mod import;
mod syntax;

pub use export::export;
pub use import::import;

/// `msgctxt` of the entry that carries the `terms` list.
const TERMS: &str = "terms";
/// Prefix of the `msgctxt` of the entries that say how each source term is written
/// (`term_forms.ketamine`).
const TERM_FORMS: &str = "term_forms.";
/// Prefix of the `msgctxt` of label entries (`labels.page`).
const LABELS: &str = "labels.";
