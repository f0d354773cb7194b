//! Bookmarks (the document outline): the title and every section heading, in the
//! leaflet's language and in reading order, each leading to where it starts.

use super::refs::Refs;
use pdf_writer::{Pdf, Ref, TextStr};

/// Writes the outline of `entries` (text, page index, top edge in points from the
/// page's top); `None` when there is nothing to list.
pub fn write(
    pdf: &mut Pdf,
    refs: &mut Refs,
    entries: &[(&str, usize, f32)],
    pages: &[(Ref, f32)],
) -> Option<Ref> {
    if entries.is_empty() {
        return None;
    }
    let root = refs.next();
    let ids: Vec<Ref> = entries.iter().map(|_| refs.next()).collect();
    let mut outline = pdf.outline(root);
    outline.first(ids[0]).last(ids[ids.len() - 1]);
    outline.count(ids.len() as i32);
    drop(outline);
    for (i, (text, page, top)) in entries.iter().enumerate() {
        let mut item = pdf.outline_item(ids[i]);
        item.title(TextStr(text)).parent(root);
        if i > 0 {
            item.prev(ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.next(*next);
        }
        if let Some((page_ref, height)) = pages.get(*page) {
            item.dest().page(*page_ref).xyz(0.0, height - top, None);
        }
    }
    Some(root)
}
