//! The validated handout: every text knows its entry id (what translations refer to)
//! and where it stands in its file (so any later stage can point at it).

use super::load::{load_file, Limits, Loaded};
use super::source::{BlockSource, SectionKind, SourceFile};
use super::values::{is_date, is_id, is_language_tag};
use crate::error::{quote, Diagnostic, Error, Pos, Result};
use std::path::{Path, PathBuf};

/// Longest accepted text (a paragraph, heading or list item), in characters: a
/// leaflet paragraph is a few hundred; this bounds the work a hostile file can cause.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Longest accepted `url`, in characters. The address becomes a QR code, whose
/// largest symbol holds 2331 bytes at the error correction used (level M); the
/// margin leaves room for `{locale}` to be replaced. (A phone reads a 2 cm code
/// reliably only for a far shorter address; that is the author's to judge.)
pub const MAX_URL_CHARS: usize = 2000;

/// A text of the handout: one translatable entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Entry id, e.g. `side-effects.2.1`; stable across languages.
    pub id: String,
    /// The text with inline markup, whitespace as written.
    pub markup: String,
    /// `markup` parsed (when the text was loaded, see `markup_check`): what is printed.
    pub styled: super::markup::StyledText,
    /// File and position the text came from.
    pub origin: Origin,
}

/// Where a text came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub file: PathBuf,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Text),
    List(Vec<Text>),
    Image(Image),
}

/// A checked image and the text that describes it (translated like any other text).
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub data: std::sync::Arc<crate::images::ImageData>,
    pub alt: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub heading: Option<Text>,
    pub kind: SectionKind,
    pub body: Vec<Block>,
}

/// Handout-level facts that are not translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Handout name: the folder name (or the file stem for a lone file).
    pub name: String,
    pub revised: String,
    pub version: String,
    pub url: Option<String>,
    pub clinic: Option<String>,
    pub author: Option<String>,
    /// Contact line from the clinic's branding file.
    pub contact: Option<String>,
    /// The clinic's logo from its branding file.
    pub logo: Option<Logo>,
    /// The clinic's own fonts from its branding file.
    pub fonts: Vec<super::clinic::FontSource>,
}

/// A clinic's logo and its text alternative (the clinic's name, as a rule).
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub data: std::sync::Arc<crate::images::ImageData>,
    pub alt: String,
}

/// A handout in one language, ready for typesetting.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Meta,
    /// The language of the text (from its BCP 47 tag).
    pub language: super::Language,
    pub title: Text,
    pub subject: Option<Text>,
    /// Words never to hyphenate (drug names, medical terms).
    pub terms: Vec<String>,
    /// In a translation: how each term of the source is written in its language
    /// (source term → forms), for `handout check`.
    pub term_forms: std::collections::BTreeMap<String, Vec<String>>,
    pub sections: Vec<Section>,
    pub disclaimer: Vec<Block>,
    /// The program's own words in this language.
    pub labels: super::Labels,
    /// A translation not yet signed off by a reviewer: the pages say so.
    pub draft: bool,
    /// The text of the file the texts come from, for diagnostics that show a line.
    pub source_text: String,
    pub source_file: PathBuf,
    /// Findings of `handout check` the source (and translation) files accept.
    pub allowed: Vec<super::Allowance>,
}

impl Document {
    /// Every text of the document in reading order.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out = vec![&self.title];
        out.extend(self.subject.iter());
        for s in &self.sections {
            out.extend(s.heading.iter());
            for b in &s.body {
                push_block(b, &mut out);
            }
        }
        for b in &self.disclaimer {
            push_block(b, &mut out);
        }
        out
    }

    /// Every image the leaflet shows: the clinic's logo, then the section images.
    pub fn images(&self) -> impl Iterator<Item = &crate::images::ImageData> {
        let blocks = self
            .sections
            .iter()
            .flat_map(|s| &s.body)
            .chain(&self.disclaimer);
        self.meta
            .logo
            .iter()
            .map(|l| &*l.data)
            .chain(blocks.filter_map(|b| match b {
                Block::Image(i) => Some(&*i.data),
                _ => None,
            }))
    }

    /// Calls `f` on every text, allowing replacement (used to apply translations).
    pub fn texts_mut(&mut self) -> Vec<&mut Text> {
        let mut out = vec![&mut self.title];
        out.extend(self.subject.iter_mut());
        for s in &mut self.sections {
            out.extend(s.heading.iter_mut());
            for b in &mut s.body {
                push_block_mut(b, &mut out);
            }
        }
        for b in &mut self.disclaimer {
            push_block_mut(b, &mut out);
        }
        out
    }
}

fn push_block<'a>(b: &'a Block, out: &mut Vec<&'a Text>) {
    match b {
        Block::Paragraph(t) => out.push(t),
        Block::List(items) => out.extend(items.iter()),
        Block::Image(i) => out.push(&i.alt),
    }
}

fn push_block_mut<'a>(b: &'a mut Block, out: &mut Vec<&'a mut Text>) {
    match b {
        Block::Paragraph(t) => out.push(t),
        Block::List(items) => out.extend(items.iter_mut()),
        Block::Image(i) => out.push(&mut i.alt),
    }
}

/// Parses and validates a handout source held in memory (`path` names it in messages).
pub fn parse_source(path: &Path, name: &str, bytes: &[u8], limits: Limits) -> Result<Document> {
    let loaded: Loaded<SourceFile> = super::load::parse(path, bytes, limits)?;
    build(path, name, loaded)
}

/// Loads and validates a handout source file.
pub fn load_source(path: &Path, name: &str, limits: Limits) -> Result<Document> {
    let loaded: Loaded<SourceFile> = load_file(path, limits)?;
    build(path, name, loaded)
}

fn build(path: &Path, name: &str, loaded: Loaded<SourceFile>) -> Result<Document> {
    let Loaded {
        value: src,
        text,
        positions,
    } = loaded;
    let mut errors = Vec::new();
    let pos_of = |p: &str| positions.get(p).unwrap_or(Pos { line: 1, column: 1 });
    let invalid = |errors: &mut Vec<Error>, p: &str, msg: String, help: &str| {
        errors.push(Error::input(
            Diagnostic::new(msg)
                .file(path)
                .at(&text, pos_of(p))
                .help(help),
        ));
    };
    let source_text = text.as_str();
    let mut text_at = |yaml_path: &str, id: String, markup: &str, errors: &mut Vec<Error>| {
        if markup.trim().is_empty() {
            invalid(
                errors,
                yaml_path,
                format!("`{}` is empty", quote(&id)),
                "write the text, or remove the entry",
            );
        }
        let chars = markup.chars().count();
        if chars > MAX_TEXT_CHARS {
            invalid(
                errors,
                yaml_path,
                format!(
                    "`{}` is {chars} characters long; a text may have at most {MAX_TEXT_CHARS}",
                    quote(&id)
                ),
                "split it into several paragraphs or sections",
            );
        }
        let mut text = Text {
            id,
            markup: markup.to_string(),
            styled: Default::default(),
            origin: Origin {
                file: path.to_path_buf(),
                pos: pos_of(yaml_path),
            },
        };
        errors.extend(super::markup_check::check(&mut text, source_text));
        text
    };

    if !is_date(&src.revised) {
        invalid(
            &mut errors,
            "revised",
            format!("`revised: {}` is not a date", quote(&src.revised)),
            "write the date of the last revision as YYYY-MM-DD, e.g. 2026-11-25",
        );
    }
    if !is_language_tag(&src.language) {
        invalid(
            &mut errors,
            "language",
            format!("`language: {}` is not a language tag", quote(&src.language)),
            "use a BCP 47 tag such as en, de, pt-BR or zh-Hans",
        );
    }
    if let Some(url) = &src.url {
        let chars = url.chars().count();
        if chars > MAX_URL_CHARS {
            invalid(
                &mut errors,
                "url",
                format!(
                    "the address in `url` is {chars} characters long; it may have at most {MAX_URL_CHARS}"
                ),
                "use a shorter address: it is printed on the leaflet and made into a QR code",
            );
        } else if !(url.starts_with("https://") || url.starts_with("http://")) {
            invalid(
                &mut errors,
                "url",
                format!("`url: {}` is not a web address", quote(url)),
                "write the full address, starting with https://",
            );
        }
    }
    if src.sections.is_empty() {
        invalid(
            &mut errors,
            "sections",
            "the handout has no sections".into(),
            "add at least one section with a body",
        );
    }

    let title = text_at("title", "title".into(), &src.title, &mut errors);
    let subject = src
        .subject
        .as_deref()
        .map(|s| text_at("subject", "subject".into(), s, &mut errors));

    // Images live in the handout's folder.
    let root = path.parent().unwrap_or(Path::new("."));
    let image_diagnostic =
        |p: &str, msg: String| Diagnostic::new(msg).file(path).at(&text, pos_of(p));
    let images = ImageContext {
        root,
        diagnostic: &image_diagnostic,
    };
    let mut seen_ids: Vec<&str> = Vec::new();
    let mut sections = Vec::new();
    let mut allowed = super::allow::allowances(
        &src.allow,
        super::AllowScope::File,
        path,
        "allow",
        &positions,
    );
    for (si, s) in src.sections.iter().enumerate() {
        let base = format!("sections[{si}]");
        if !is_id(&s.id) {
            invalid(
                &mut errors,
                &format!("{base}.id"),
                format!("section id `{}` is not a valid id", quote(&s.id)),
                "use lowercase letters, digits and `-`, e.g. side-effects",
            );
        } else if seen_ids.contains(&s.id.as_str())
            || s.id == "disclaimer"
            || s.id == "title"
            || s.id == "subject"
        {
            invalid(
                &mut errors,
                &format!("{base}.id"),
                format!("section id `{}` is used twice or is reserved", quote(&s.id)),
                "give every section its own id (title, subject and disclaimer are reserved)",
            );
        }
        seen_ids.push(&s.id);
        if s.body.is_empty() {
            invalid(
                &mut errors,
                &format!("{base}.body"),
                format!("section `{}` has an empty body", quote(&s.id)),
                "add a paragraph or a list",
            );
        }
        let heading = s.heading.as_deref().map(|h| {
            text_at(
                &format!("{base}.heading"),
                format!("{}.heading", s.id),
                h,
                &mut errors,
            )
        });
        let body = blocks(
            &s.body,
            &format!("{base}.body"),
            &s.id,
            &mut text_at,
            &images,
            &mut errors,
        );
        allowed.extend(super::allow::allowances(
            &s.allow,
            super::AllowScope::Section(s.id.clone()),
            path,
            &format!("{base}.allow"),
            &positions,
        ));
        sections.push(Section {
            id: s.id.clone(),
            heading,
            kind: s.kind,
            body,
        });
    }
    let disclaimer = blocks(
        &src.disclaimer,
        "disclaimer",
        "disclaimer",
        &mut text_at,
        &images,
        &mut errors,
    );

    let language = super::Language::new(&src.language);
    let (labels, label_problems) =
        super::labels::for_source(&language, &src.labels, src.url.is_some());
    for (yaml_path, message, help) in label_problems {
        invalid(&mut errors, &yaml_path, message, help);
    }
    if let Some(e) = Error::merge(errors) {
        return Err(e);
    }
    Ok(Document {
        meta: Meta {
            name: name.to_string(),
            revised: src.revised,
            version: src.version,
            url: src.url,
            clinic: src.clinic,
            author: src.author,
            contact: None,
            logo: None,
            fonts: Vec::new(),
        },
        language,
        title,
        subject,
        terms: src.terms,
        term_forms: Default::default(),
        sections,
        disclaimer,
        labels,
        draft: false,
        source_text: text,
        source_file: path.to_path_buf(),
        allowed,
    })
}

/// Where images are looked up, and how to point at a YAML path in a message.
struct ImageContext<'a> {
    root: &'a Path,
    diagnostic: &'a dyn Fn(&str, String) -> Diagnostic,
}

fn blocks(
    src: &[BlockSource],
    yaml_base: &str,
    id_base: &str,
    text_at: &mut impl FnMut(&str, String, &str, &mut Vec<Error>) -> Text,
    images: &ImageContext,
    errors: &mut Vec<Error>,
) -> Vec<Block> {
    src.iter()
        .enumerate()
        .filter_map(|(bi, b)| {
            let yaml = format!("{yaml_base}[{bi}]");
            let id = format!("{id_base}.{}", bi + 1);
            Some(match b {
                BlockSource::Image(img) => {
                    let alt = text_at(
                        &format!("{yaml}.alt"),
                        format!("{id}.alt"),
                        &img.alt,
                        errors,
                    );
                    let at = format!("{yaml}.image");
                    match super::image::resolve(images.root, &img.image, |m| {
                        (images.diagnostic)(&at, m)
                    }) {
                        Ok(data) => Block::Image(Image { data, alt }),
                        Err(e) => {
                            errors.push(e);
                            return None;
                        }
                    }
                }
                BlockSource::Paragraph(p) => Block::Paragraph(text_at(&yaml, id, p, errors)),
                BlockSource::List(l) => Block::List(
                    l.list
                        .iter()
                        .enumerate()
                        .map(|(li, item)| {
                            text_at(
                                &format!("{yaml}.list[{li}]"),
                                format!("{id}.{}", li + 1),
                                item,
                                errors,
                            )
                        })
                        .collect(),
                ),
            })
        })
        .collect()
}
