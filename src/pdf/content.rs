//! One page of the page model → its content stream. Decides nothing about
//! placement: it turns top-left points into PDF user space and glyphs into CIDs.

use super::extract;
use super::fonts::{resource_name, Fonts};
use super::image::resource_name as image_name;
use super::operators::{Operators, ShowItems};
use super::tags::{Tags, Target};
use crate::layout::page::PlacedGlyph;
use crate::layout::{GlyphRun, Page, Placed, Rgb, Shape};
use crate::text::FontBook;

/// Coordinates to a thousandth of a point: finer than any printer, and shorter.
fn r3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

/// A link's clickable area on a page, and the element of its text.
pub struct LinkArea<'a> {
    pub element: usize,
    /// Left, top, width, height in points from the page's top-left corner.
    pub rect: (f32, f32, f32, f32),
    pub url: &'a str,
}

/// The content stream of page `index` (uncompressed), every shape marked as content of
/// its element (see `tags`) or as an artifact; and the page's link areas.
pub fn page_content<'a>(
    page: &'a Page,
    index: usize,
    fonts: &Fonts,
    book: &'static FontBook,
    tags: &mut Tags<'a>,
) -> (Vec<u8>, Vec<LinkArea<'a>>) {
    let mut c = Operators::new();
    let mut links = Vec::new();
    // The marked-content sequence open now: consecutive shapes of one element (the
    // lines of a paragraph, the modules of a QR code) share one.
    let mut open: Option<Target> = None;
    page.frame.walk(&mut |e| {
        let target = tags.target(&e);
        if let (Shape::Link { x, y, w, h, url }, Target::Element(element)) = (e.shape, target) {
            let (x, y) = e.at(*x, *y);
            links.push(LinkArea {
                element,
                rect: (x, y, *w, *h),
                url,
            });
            return;
        }
        if open != Some(target) {
            if open.is_some() {
                c.end_marked_content();
            }
            match target {
                Target::Artifact => {
                    c.begin_marked_content(b"Artifact");
                }
                Target::Element(element) => {
                    let mcid = tags.mark(index, element, e.seq, top(&e));
                    c.begin_marked_content_with_mcid(tags.tag(element).0, mcid);
                }
            }
            open = Some(target);
        }
        element(&mut c, &e, page.height, fonts, book);
    });
    if open.is_some() {
        c.end_marked_content();
    }
    (c.finish(), links)
}

/// The top edge of what `e` draws, in points from the page's top (where a bookmark
/// to it leads).
fn top(e: &Placed) -> f32 {
    match e.shape {
        Shape::Glyphs(run) => e.at(run.x, run.baseline).1 - run.size,
        Shape::Rect { x, y, .. } | Shape::Image { x, y, .. } | Shape::Link { x, y, .. } => {
            e.at(*x, *y).1
        }
        Shape::Line { x1, y1, .. } => e.at(*x1, *y1).1,
    }
}

/// One shape at its place on the page (the frames that hold it add their positions).
fn element(
    c: &mut Operators,
    e: &Placed,
    page_height: f32,
    fonts: &Fonts,
    book: &'static FontBook,
) {
    match e.shape {
        Shape::Glyphs(run) => {
            let origin = e.at(run.x, run.baseline);
            glyphs(c, run, origin, page_height, fonts, book)
        }
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let (x, y) = e.at(*x, *y);
            c.save_state();
            if let Some(f) = fill {
                set_fill(c, *f);
            }
            if let Some((color, width)) = stroke {
                set_stroke(c, *color);
                c.set_line_width(r3(*width));
            }
            c.rect(r3(x), r3(page_height - y - h), r3(*w), r3(*h));
            match (fill.is_some(), stroke.is_some()) {
                (true, true) => c.fill_nonzero_and_stroke(),
                (false, true) => c.stroke(),
                _ => c.fill_nonzero(),
            };
            c.restore_state();
        }
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            color,
            width,
        } => {
            let ((x1, y1), (x2, y2)) = (e.at(*x1, *y1), e.at(*x2, *y2));
            c.save_state();
            set_stroke(c, *color);
            c.set_line_width(r3(*width));
            c.move_to(r3(x1), r3(page_height - y1));
            c.line_to(r3(x2), r3(page_height - y2));
            c.stroke();
            c.restore_state();
        }
        Shape::Image {
            x, y, w, h, data, ..
        } => {
            // Its text alternative is its Figure element's /Alt.
            let (x, y) = e.at(*x, *y);
            c.save_state();
            c.transform([r3(*w), 0.0, 0.0, r3(*h), r3(x), r3(page_height - y - h)]);
            c.x_object(image_name(data).as_bytes());
            c.restore_state();
        }
        // Links are annotations, written with the page.
        Shape::Link { .. } => {}
    }
}

// Three decimals tell 8-bit colour levels apart (they are 1/255 ≈ 0.004 apart).
fn set_fill(c: &mut Operators, color: Rgb) {
    c.set_fill_rgb(r3(color.0), r3(color.1), r3(color.2));
}

fn set_stroke(c: &mut Operators, color: Rgb) {
    c.set_stroke_rgb(r3(color.0), r3(color.1), r3(color.2));
}

/// One run in one text object, as TJ arrays (see `show`). A change of face, or a
/// glyph raised or lowered by the shaper (marks), starts a new positioned segment;
/// a glyph with text of its own (see `extract::span_text`) is a segment of its own,
/// inside its /ActualText span, and so is a word extractors cannot rebuild from its
/// glyphs (see `extract::word_spans`), whose span holds its glyphs' segments.
fn glyphs(
    c: &mut Operators,
    run: &GlyphRun,
    (run_x, baseline): (f32, f32),
    page_height: f32,
    fonts: &Fonts,
    book: &'static FontBook,
) {
    let texts = extract::glyph_texts(run);
    // Each glyph's CID and own text, from one look-up per glyph.
    let mut cids: Vec<u16> = Vec::with_capacity(run.glyphs.len());
    let mut own: Vec<Option<&str>> = Vec::with_capacity(run.glyphs.len());
    for (g, e) in run.glyphs.iter().zip(&texts) {
        let (cid, mapped) = fonts.glyph(g.face, g.gid);
        cids.push(cid);
        own.push(extract::span_text(e, mapped));
    }
    let words = extract::word_spans(run, &texts, &own);
    // Readers take the outermost span: a word's glyphs need none of their own.
    for word in &words {
        own[word.glyphs.clone()].fill(None);
    }
    // The order glyphs are drawn in: a word span's lead glyph first (extractors put
    // the word where its first glyph is), the others left to right.
    let mut order: Vec<usize> = (0..run.glyphs.len()).collect();
    for word in &words {
        order[word.glyphs.start..=word.first].rotate_right(1);
    }
    let mut words = words.iter().peekable();
    // The end of the word span open now.
    let mut word_end = None;
    let mut font = None;
    // Vertical glyph offsets (marks, Nastaliq's cascading joins) are drawn as text
    // rise, not by moving the text matrix: the matrix stays on the line's baseline,
    // so readers (and our own read-back) keep the glyphs on one line.
    let mut rise = 0.0;
    // The string of a segment's CIDs, reused by every segment of the run.
    let mut codes: Vec<u8> = Vec::new();
    c.begin_text();
    set_fill(c, run.color);
    // `p` counts glyphs drawn; `i` is the glyph drawn now.
    let mut p = 0;
    while p < run.glyphs.len() {
        if let Some(word) = words.next_if(|w| w.glyphs.start == p) {
            c.begin_span_with_actual_text(&word.text);
            word_end = Some(word.glyphs.end);
        }
        // A segment stays inside the word it is part of, or before the next word.
        let limit = word_end
            .or_else(|| words.peek().map(|w| w.glyphs.start))
            .unwrap_or(run.glyphs.len());
        let i = order[p];
        let (face_id, y_off) = (run.glyphs[i].face, run.glyphs[i].y_offset);
        let mut len = 1;
        // A glyph with its own text is a segment of its own, inside its span; a
        // segment is glyphs drawn in their visual order.
        while own[i].is_none()
            && p + len < limit
            && order[p + len] == i + len
            && run.glyphs[i + len].face == face_id
            && own[i + len].is_none()
            && (run.glyphs[i + len].y_offset - y_off).abs() < 0.001
        {
            len += 1;
        }
        let seg = &run.glyphs[i..i + len];
        if let Some(text) = own[i] {
            c.begin_span_with_actual_text(text);
        }
        if font != Some(face_id) {
            c.set_font(resource_name(face_id).as_bytes(), run.size);
            font = Some(face_id);
        }
        let x = run_x + seg[0].x + seg[0].x_offset;
        let y = page_height - baseline;
        if r3(y_off) != rise {
            rise = r3(y_off);
            c.set_rise(rise);
        }
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, r3(x), r3(y)]);
        c.show_positioned(|items| show(items, seg, &cids[i..i + len], run.size, book, &mut codes));
        if own[i].is_some() {
            c.end_marked_content();
        }
        p += len;
        if word_end == Some(p) {
            c.end_marked_content();
            word_end = None;
        }
    }
    // Rise is graphics state that outlives the text object: leave it at zero.
    if rise != 0.0 {
        c.set_rise(0.0);
    }
    c.end_text();
}

/// The items of one segment's (one face, one baseline) TJ array; `cids` are its glyphs' CIDs
/// and `codes` a buffer for the strings between adjustments. Each glyph's advance
/// in the layout may differ from the font's (kerning, justified spaces); the
/// adjustment after a glyph makes up the difference, in thousandths of an em.
fn show(
    items: &mut ShowItems,
    seg: &[PlacedGlyph],
    cids: &[u16],
    size: f32,
    book: &'static FontBook,
    codes: &mut Vec<u8>,
) {
    let Some(first) = seg.first() else { return };
    let face = book.face(first.face);
    let em = 1000.0 / size;
    codes.clear();
    for (k, (g, cid)) in seg.iter().zip(cids).enumerate() {
        codes.extend_from_slice(&cid.to_be_bytes());
        // Where the next glyph must start, relative to where this one was drawn.
        let Some(next) = seg.get(k + 1) else { break };
        let font_adv = face.advance(u32::from(g.gid)) * size / face.units_per_em;
        let wanted = next.x + next.x_offset - (g.x + g.x_offset);
        let adjust = ((font_adv - wanted) * em * 100.0).round() / 100.0;
        if adjust.abs() >= 0.01 {
            items.show(codes);
            items.adjust(adjust);
            codes.clear();
        }
    }
    if !codes.is_empty() {
        items.show(codes);
    }
}
