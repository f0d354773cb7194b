//! Layout: line breaking, blocks and pagination → a positioned page model.

pub mod flow;
pub mod furniture;
pub mod inline;
pub mod page;
pub mod paginate;
pub mod qr;
pub mod style;
pub mod trifold;
pub mod trifold_pages;

// The paths the flow phase, the tests and the examples know the inline phase by.
pub use inline as paragraph;
pub use inline::linebreak;

pub use page::{Element, GlyphRun, Layout, Page, Rgb, Role, Shape};
pub use style::Style;

use crate::error::{Error, Result};
use crate::model::Document;
use crate::text::FontBook;

/// Lays out `doc` with `style`.
pub fn layout(doc: &Document, style: &Style) -> Result<Layout> {
    let book = FontBook::shared().map_err(Error::internal)?;
    let pages = pages(doc, book, style).map_err(|mut e| {
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
        language: doc.language.tag().to_string(),
        title: doc.title.styled.text.clone(),
        author: doc.meta.author.clone(),
        subject: doc.subject.as_ref().map(|s| s.styled.text.clone()),
        date: doc.meta.revised.clone(),
        rtl: doc.language.is_rtl(),
    })
}

/// The document laid out on pages.
fn pages(doc: &Document, book: &'static FontBook, style: &Style) -> Result<Vec<Page>> {
    let labels = &doc.labels;
    let flow = flow_in(doc, book, style)?;
    if style.imposition != style::Imposition::TriFold {
        return paginate::paginate(&flow, &doc.meta, labels, doc.draft);
    }
    // A tri-fold whose text (or one box) outgrows the panels at the body size tries
    // the denser type of two columns before it reports the overflow.
    let first = trifold_pages::try_pages(&flow, &doc.meta, labels, doc.draft);
    if let Ok(Ok(pages)) = first {
        return Ok(pages);
    }
    let compact = style.clone().compact();
    if compact == *style {
        return first?.map_err(|over| over.error(&flow));
    }
    let flow = flow_in(doc, book, &compact)?;
    trifold_pages::pages(&flow, &doc.meta, labels, doc.draft)
}

/// The document's blocks as a flow of chunks set in `style`.
fn flow_in<'a>(
    doc: &'a Document,
    book: &'static FontBook,
    style: &'a Style,
) -> Result<flow::Flow<'a>> {
    let ctx = paragraph::Context {
        book,
        language: &doc.language,
        terms: &doc.terms,
        keep_whole: &[],
        source_text: &doc.source_text,
        direction: doc.language.direction(),
    };
    let mut flow = flow::Flow::new(ctx, style);
    flow.document(doc)?;
    if let Some(contact) = &doc.meta.contact {
        flow.note_line(contact)?;
    }
    if let Some(url) = &doc.meta.url {
        flow.online_line(&doc.labels.online, url)?;
    }
    Ok(flow)
}
