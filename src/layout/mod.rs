//! Layout: line breaking, blocks and pagination → a positioned page model.

pub mod flow;
pub mod linebreak;
pub mod page;
pub mod paginate;
pub mod paragraph;
pub mod qr;
pub mod style;

pub use page::{Element, GlyphRun, Layout, Page, Rgb, Role, Shape};
pub use style::Style;

use crate::error::{Error, Result};
use crate::model::Document;
use crate::text::FontBook;

/// Lays out `doc` with `style`.
pub fn layout(doc: &Document, style: &Style) -> Result<Layout> {
    let labels = &doc.labels;
    let book = FontBook::shared().map_err(Error::internal)?;
    let ctx = paragraph::Context {
        book,
        language: &doc.language,
        terms: &doc.terms,
        source_text: &doc.source_text,
        rtl: is_rtl(&doc.language),
    };
    let mut flow = flow::Flow::new(ctx, style);
    flow.document(doc)?;
    if let Some(contact) = &doc.meta.contact {
        flow.note_line(contact)?;
    }
    if let Some(url) = &doc.meta.url {
        flow.online_line(&labels.online, url)?;
    }
    let pages = paginate::paginate(&flow, &doc.meta, labels, doc.draft).map_err(|mut e| {
        // Layout errors concern the whole file: name it.
        for d in &mut e.diagnostics {
            if d.file.is_none() {
                d.file = Some(doc.source_file.clone());
            }
        }
        e
    })?;
    Ok(Layout {
        pages,
        language: doc.language.clone(),
        title: crate::text::markup::parse(&doc.title.markup)
            .map(|s| s.text)
            .unwrap_or_else(|_| doc.title.markup.clone()),
        author: doc.meta.author.clone(),
        subject: doc.subject.as_ref().map(|s| {
            crate::text::markup::parse(&s.markup)
                .map(|t| t.text)
                .unwrap_or_default()
        }),
        date: doc.meta.revised.clone(),
        rtl: is_rtl(&doc.language),
    })
}

/// Whether `language` is written right to left.
pub fn is_rtl(language: &str) -> bool {
    let primary = language.split('-').next().unwrap_or("");
    matches!(
        primary,
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
    )
}
