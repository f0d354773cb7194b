//! Page model → PDF bytes, written directly with pdf-writer; fonts subset with
//! subsetter. Nothing here decides placement.

mod bookmarks;
mod content;
mod deflate;
pub mod extract;
mod fonts;
mod image;
mod metadata;
mod operators;
mod refs;
mod syntax;
mod tags;
mod unhint;

use crate::error::Result;
use crate::images::ImageData;
use crate::layout::{Layout, Page, Shape};
use crate::text::FontBook;
use deflate::deflate;
use fonts::Fonts;
use pdf_writer::types::{
    ActionType, AnnotationFlags, AnnotationType, Direction, PageMode, TabOrder,
};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};
use refs::Refs;
use std::collections::BTreeMap;
use tags::Tags;

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
    let book: &'static FontBook = layout.book.0;
    // Written compactly: the structure tree is many small objects.
    let mut pdf = Pdf::with_settings_and_capacity(Settings { pretty: false }, 64 * 1024);
    // PDF/A-2 and PDF/UA-1 are based on PDF 1.7.
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
    let mut tags = Tags::new(&layout.structure, layout.pages.len());
    // Page ids first: a link's structure reference names its page.
    let page_ids: Vec<Ref> = layout.pages.iter().map(|_| refs.next()).collect();
    for (index, page) in layout.pages.iter().enumerate() {
        let at = PageAt {
            index,
            id: page_ids[index],
        };
        write_page(&mut pdf, &mut refs, &ids, page, at, &fonts, book, &mut tags)?;
    }
    pdf.pages(ids.page_tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    let page_heights: Vec<(Ref, f32)> = page_ids
        .iter()
        .zip(&layout.pages)
        .map(|(id, p)| (*id, p.height))
        .collect();
    let outline = bookmarks::write(&mut pdf, &mut refs, &tags.bookmarks(), &page_heights);
    let parent_tree = refs.next();
    let (document, next_key) = tags.write(&mut pdf, || refs.next(), &page_ids, parent_tree);
    // The file ID is a digest of the pages and the metadata: equal input, equal ID.
    let meta = metadata::DocMeta::from(layout);
    let id = metadata::file_id(pdf.as_bytes(), &meta);
    let (xmp, profile) = (refs.next(), refs.next());
    metadata::write_metadata(&mut pdf, xmp, &meta, &id)?;
    metadata::write_output_profile(&mut pdf, profile)?;
    let tree = TreeRefs {
        document,
        parent_tree,
        next_key,
        outline,
        xmp,
        profile,
    };
    write_catalog(&mut pdf, &ids, layout, &tree);
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

/// Which page is being written: its index and its id.
#[derive(Clone, Copy)]
struct PageAt {
    index: usize,
    id: Ref,
}

/// The structure tree's objects the catalog points to.
struct TreeRefs {
    document: Ref,
    parent_tree: Ref,
    next_key: i32,
    outline: Option<Ref>,
    /// The XMP metadata stream and the output intent's ICC profile.
    xmp: Ref,
    profile: Ref,
}

/// One page: its content stream, its link annotations and the page itself.
#[allow(clippy::too_many_arguments)]
fn write_page<'a>(
    pdf: &mut Pdf,
    refs: &mut Refs,
    ids: &Skeleton,
    page: &'a Page,
    at: PageAt,
    fonts: &Fonts,
    book: &'static FontBook,
    tags: &mut Tags<'a>,
) -> Result<()> {
    let content_id = refs.next();
    let (stream, areas) = content::page_content(page, at.index, fonts, book, tags);
    pdf.stream(content_id, &deflate(&stream)?)
        .filter(Filter::FlateDecode);
    let mut links = Vec::with_capacity(areas.len());
    for area in areas {
        let (x, y, w, h) = area.rect;
        let id = refs.next();
        let key = tags.annotation(area.element, at.index, id, area.url);
        let mut annot = pdf.annotation(id);
        annot
            .subtype(AnnotationType::Link)
            .rect(Rect::new(x, page.height - y - h, x + w, page.height - y))
            .border(0.0, 0.0, 0.0, None)
            // PDF/A: printed like the page; PDF/UA: described for assistive technology.
            .flags(AnnotationFlags::PRINT)
            .contents(TextStr(area.url))
            .struct_parent(key);
        annot
            .action()
            .action_type(ActionType::Uri)
            .uri(Str(area.url.as_bytes()));
        links.push(id);
    }
    let media = Rect::new(0.0, 0.0, page.width, page.height);
    let mut p = pdf.page(at.id);
    p.parent(ids.page_tree)
        .media_box(media)
        .trim_box(media)
        .contents(content_id)
        .struct_parents(at.index as i32)
        // Tab through links in the order they are read.
        .tab_order(TabOrder::StructureOrder)
        .pair(Name(b"Resources"), ids.resources);
    if !links.is_empty() {
        p.annotations(links);
    }
    Ok(())
}

/// The catalog: language, structure tree, bookmarks, metadata, and how viewers open it.
fn write_catalog(pdf: &mut Pdf, ids: &Skeleton, layout: &Layout, tree: &TreeRefs) {
    let mut cat = pdf.catalog(ids.catalog);
    cat.pages(ids.page_tree).lang(TextStr(&layout.language));
    cat.mark_info().marked(true);
    let mut root = cat.struct_tree_root();
    root.children().item(tree.document);
    root.pair(Name(b"ParentTree"), tree.parent_tree);
    root.parent_tree_next_key(tree.next_key);
    root.finish();
    if let Some(outline) = tree.outline {
        cat.outlines(outline);
        cat.page_mode(PageMode::UseOutlines);
    }
    metadata::add_to_catalog(&mut cat, tree.xmp, tree.profile);
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
