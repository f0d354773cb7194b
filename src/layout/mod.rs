//! Layout: line breaking, blocks and pagination → a positioned page model.

pub(crate) mod flow;
pub(crate) mod form;
pub mod geometry;
pub mod inline;
pub(crate) mod page;
pub(crate) mod pages;
pub mod panels;
pub(crate) mod qr;
pub mod structure;
pub(crate) mod style;

pub use form::{Imposition, PaperSize, PrintForm};
pub use geometry::Geometry;
pub use page::{
    Element, Frame, FrameItem, GlyphRun, Group, Layout, Page, Placed, Point, Rgb, Role, Shape,
};
pub use style::Style;

use crate::error::Result;
use crate::model::Document;
use crate::text::FontBook;

/// Lays out `doc` in `style` (the typography of `geometry.form`, branded) on `geometry`.
pub fn layout(doc: &Document, style: &Style, geometry: &Geometry) -> Result<Layout> {
    let book = FontBook::for_document(doc)?;
    let scaled;
    let style = match book.leading_scale() {
        k if k > 1.0 => {
            scaled = style.clone().with_leading_scale(k);
            &scaled
        }
        _ => style,
    };
    let (pages, structure) = pages(doc, book, style, geometry).map_err(|mut e| {
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
        structure,
        language: doc.language.tag().to_string(),
        title: doc.title.styled.text.clone(),
        author: doc.meta.author.clone(),
        subject: doc.subject.as_ref().map(|s| s.styled.text.clone()),
        date: doc.meta.revised.clone(),
        rtl: doc.language.is_rtl(),
        book: page::BookRef(book),
    })
}

/// The document laid out on pages, and its structure: the one place that dispatches
/// on the imposition.
fn pages(
    doc: &Document,
    book: &'static FontBook,
    style: &Style,
    geometry: &Geometry,
) -> Result<(Vec<Page>, structure::Node)> {
    let first = flow_in(doc, book, style, geometry)?;
    // A draft notice that wraps onto the content moves the content down.
    let roomier = match doc.draft {
        true => pages::furniture::notice_room(&first, &doc.labels)?,
        false => None,
    };
    let (geometry, mut flow) = match &roomier {
        Some(g) => (g, flow_in(doc, book, style, g)?),
        None => (geometry, first),
    };
    match geometry.form.imposition() {
        Imposition::Single | Imposition::TwoColumn => {
            let pages = pages::columns::paginate(&mut flow, &doc.meta, &doc.labels, doc.draft)?;
            Ok((pages, flow.outline.finish()))
        }
        Imposition::TriFold => trifold(doc, book, style, geometry, flow),
    }
}

/// The tri-fold's two sides. One whose text (or one box) outgrows the panels at the
/// body size tries the denser type of two columns before it reports the overflow.
fn trifold(
    doc: &Document,
    book: &'static FontBook,
    style: &Style,
    geometry: &Geometry,
    mut flow: flow::Flow,
) -> Result<(Vec<Page>, structure::Node)> {
    let labels = &doc.labels;
    let first = pages::trifold::try_pages(&mut flow, &doc.meta, labels, doc.draft);
    if let Ok(Ok(pages)) = first {
        return Ok((pages, flow.outline.finish()));
    }
    let compact = style.clone().compact();
    if compact == *style {
        let pages = first?.map_err(|over| over.error(&flow))?;
        return Ok((pages, flow.outline.finish()));
    }
    let mut flow = flow_in(doc, book, &compact, geometry)?;
    let pages = pages::trifold::pages(&mut flow, &doc.meta, labels, doc.draft)?;
    Ok((pages, flow.outline.finish()))
}

/// The document's blocks as a flow of chunks set in `style`.
fn flow_in<'a>(
    doc: &'a Document,
    book: &'static FontBook,
    style: &'a Style,
    geometry: &'a Geometry,
) -> Result<flow::Flow<'a>> {
    let ctx = inline::Context {
        book,
        language: &doc.language,
        terms: &doc.terms,
        keep_whole: &[],
        source_text: &doc.source_text,
        direction: doc.language.direction(),
    };
    let mut flow = flow::Flow::new(ctx, style, geometry);
    flow.document(doc)?;
    if let Some(contact) = &doc.meta.contact {
        flow.note_line(contact)?;
    }
    if let Some(url) = &doc.meta.url {
        flow.online_line(&doc.labels.online, url)?;
    }
    Ok(flow)
}
