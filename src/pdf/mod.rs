//! Page model → PDF bytes, written directly with pdf-writer; fonts subset with
//! subsetter. Nothing here decides placement.

mod content;
mod deflate;
pub mod extract;
mod fonts;
mod image;
mod metadata;
mod refs;

use crate::error::Result;
use crate::images::ImageData;
use crate::layout::{Layout, Page, Shape};
use crate::text::FontBook;
use deflate::deflate;
use fonts::Fonts;
use pdf_writer::types::{ActionType, AnnotationType, Direction};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use refs::Refs;
use std::collections::BTreeMap;

/// Objects every document has, numbered first.
struct Skeleton {
    catalog: Ref,
    page_tree: Ref,
    info: Ref,
    /// One resource dictionary shared by every page.
    resources: Ref,
}

/// Renders `layout` to PDF bytes; equal layouts give byte-identical files.
pub fn render(layout: &Layout) -> Result<Vec<u8>> {
    let book = FontBook::shared().map_err(crate::error::Error::internal)?;
    let mut pdf = Pdf::with_capacity(64 * 1024);
    // PDF/A-2 is based on PDF 1.7.
    pdf.set_version(1, 7);
    let mut refs = Refs::new();
    let ids = Skeleton {
        catalog: refs.next(),
        page_tree: refs.next(),
        info: refs.next(),
        resources: refs.next(),
    };
    let fonts = Fonts::collect(layout);
    let font_refs = fonts.write(&mut pdf, &mut refs, book)?;
    let images = write_images(&mut pdf, &mut refs, layout)?;
    write_resources(&mut pdf, ids.resources, &font_refs, &images);
    let mut page_ids = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        page_ids.push(write_page(&mut pdf, &mut refs, &ids, page, &fonts, book)?);
    }
    pdf.pages(ids.page_tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    // The file ID is a digest of the pages and the metadata: equal input, equal ID.
    let meta = metadata::DocMeta::from(layout);
    let id = metadata::file_id(pdf.as_bytes(), &meta);
    let (xmp, profile) = (refs.next(), refs.next());
    metadata::write_metadata(&mut pdf, xmp, &meta, &id)?;
    metadata::write_output_profile(&mut pdf, profile)?;
    write_catalog(&mut pdf, &ids, layout, (xmp, profile));
    metadata::write_info(&mut pdf, ids.info, &meta)?;
    pdf.set_file_id((id.to_vec(), id.to_vec()));
    Ok(pdf.finish())
}

/// Each image once, named by its digest.
fn write_images(pdf: &mut Pdf, refs: &mut Refs, layout: &Layout) -> Result<BTreeMap<String, Ref>> {
    let mut images = BTreeMap::new();
    for data in layout_images(layout) {
        if let std::collections::btree_map::Entry::Vacant(slot) =
            images.entry(image::resource_name(data))
        {
            slot.insert(image::write(pdf, refs, data)?);
        }
    }
    Ok(images)
}

fn write_resources(
    pdf: &mut Pdf,
    id: Ref,
    fonts: &[(crate::text::FaceId, Ref)],
    images: &BTreeMap<String, Ref>,
) {
    let mut res = pdf.indirect(id).start::<pdf_writer::writers::Resources>();
    let mut font_dict = res.fonts();
    for (face, font) in fonts {
        font_dict.pair(Name(fonts::resource_name(*face).as_bytes()), *font);
    }
    font_dict.finish();
    if !images.is_empty() {
        let mut xobjects = res.x_objects();
        for (name, image) in images {
            xobjects.pair(Name(name.as_bytes()), *image);
        }
    }
}

/// One page: its content stream, its link annotations and the page itself.
fn write_page(
    pdf: &mut Pdf,
    refs: &mut Refs,
    ids: &Skeleton,
    page: &Page,
    fonts: &Fonts,
    book: &'static FontBook,
) -> Result<Ref> {
    let page_id = refs.next();
    let content_id = refs.next();
    let stream = content::page_content(page, fonts, book);
    pdf.stream(content_id, &deflate(&stream)?)
        .filter(Filter::FlateDecode);
    let mut links = Vec::new();
    page.frame.walk(&mut |e| {
        let Shape::Link { x, y, w, h, url } = e.shape else {
            return;
        };
        let (x, y) = e.at(*x, *y);
        let id = refs.next();
        let mut annot = pdf.annotation(id);
        annot
            .subtype(AnnotationType::Link)
            .rect(Rect::new(x, page.height - y - h, x + w, page.height - y))
            .border(0.0, 0.0, 0.0, None);
        annot
            .action()
            .action_type(ActionType::Uri)
            .uri(Str(url.as_bytes()));
        links.push(id);
    });
    let media = Rect::new(0.0, 0.0, page.width, page.height);
    let mut p = pdf.page(page_id);
    p.parent(ids.page_tree)
        .media_box(media)
        .trim_box(media)
        .contents(content_id)
        .pair(Name(b"Resources"), ids.resources);
    if !links.is_empty() {
        p.annotations(links);
    }
    Ok(page_id)
}

/// The catalog: document language, metadata, and reading direction for viewers.
fn write_catalog(pdf: &mut Pdf, ids: &Skeleton, layout: &Layout, (xmp, profile): (Ref, Ref)) {
    let mut cat = pdf.catalog(ids.catalog);
    cat.pages(ids.page_tree).lang(TextStr(&layout.language));
    metadata::add_to_catalog(&mut cat, xmp, profile);
    let mut prefs = cat.viewer_preferences();
    prefs.display_doc_title(true);
    if layout.rtl {
        prefs.direction(Direction::R2L);
    }
}

fn layout_images(layout: &Layout) -> Vec<&ImageData> {
    let mut images = Vec::new();
    for page in &layout.pages {
        page.frame.walk(&mut |e| {
            if let Shape::Image { data, .. } = e.shape {
                images.push(data.as_ref());
            }
        });
    }
    images
}
