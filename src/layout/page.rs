//! The positioned page model: what layout hands to the PDF writer.
//!
//! Plain data in points with the origin at the page's top-left corner (y grows
//! downwards). A page holds one frame: a tree of groups positioned relative to their
//! parent (see `frame`), each with its semantic role and the logical block it belongs
//! to, so tagging and checks need no second layout.

#![warn(missing_docs)]

use crate::text::FaceId;

mod frame;
pub use frame::{Frame, FrameItem, Group, Placed, Point};

/// An sRGB colour, each component from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Black.
    pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);

    /// From `0xRRGGBB`.
    pub const fn hex(v: u32) -> Rgb {
        Rgb(
            ((v >> 16) & 0xff) as f32 / 255.0,
            ((v >> 8) & 0xff) as f32 / 255.0,
            (v & 0xff) as f32 / 255.0,
        )
    }
}

/// What an element is in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The leaflet's title.
    Title,
    /// A section heading.
    Heading,
    /// A paragraph of body text.
    Paragraph,
    /// The bullet of a list item (its label).
    ListLabel,
    /// The text of a list item (its body).
    ListItem,
    /// Linked text and its clickable area, inside the line that holds it.
    Link,
    /// The notice on a translation not yet reviewed (content on the first page, where
    /// it is read; an artifact where it repeats).
    Notice,
    /// The QR code for the online version (a figure; its text alternative names the
    /// address).
    QrCode,
    /// The highlighted warning box (its background and border are artifacts).
    Box,
    /// The closing advice set apart at the end (and the closing lines under it).
    Disclaimer,
    /// An image with a text alternative (diagram, logo).
    Figure,
    /// Page furniture not part of the content: footer, rules, backgrounds.
    Artifact,
}

/// A glyph placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// The font face it is drawn from.
    pub face: FaceId,
    /// Its glyph id in that face.
    pub gid: u16,
    /// Distance from the run's origin to this glyph's pen position, in points.
    pub x: f32,
    /// Advance used for this glyph in the layout, in points.
    pub advance: f32,
    /// Horizontal offset from the pen position (from shaping), in points.
    pub x_offset: f32,
    /// Vertical offset from the baseline (from shaping), in points.
    pub y_offset: f32,
    /// The characters this glyph stands for: a byte range of its run's `text` (the
    /// whole cluster on its first glyph, empty on the cluster's other glyphs). What a
    /// text extractor reads for it is the pdf stage's decision (`pdf::extract`).
    pub text: std::ops::Range<u32>,
    /// Bidi embedding level (odd = right to left).
    pub level: u8,
}

/// Glyphs of one size and colour on one baseline, in visual (left-to-right) order,
/// and the text they stand for in logical order.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The run's left edge on the page, in points.
    pub x: f32,
    /// Its baseline, in points from the top of the page.
    pub baseline: f32,
    /// Its font size, in points.
    pub size: f32,
    /// Its text colour.
    pub color: Rgb,
    /// Its glyphs in visual order.
    pub glyphs: Vec<PlacedGlyph>,
    /// The run's text in logical (reading) order, held once; glyphs point into it.
    pub text: String,
    /// Its language where that is not the document's (BCP 47), for /Lang.
    pub lang: Option<String>,
}

impl GlyphRun {
    /// Width from the run's origin to the end of its last glyph.
    pub fn width(&self) -> f32 {
        self.glyphs.last().map(|g| g.x + g.advance).unwrap_or(0.0)
    }

    /// The run's text in logical order, as extraction should return it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The characters glyph `g` of this run stands for, in logical order.
    pub fn glyph_text(&self, g: &PlacedGlyph) -> &str {
        self.text
            .get(g.text.start as usize..g.text.end as usize)
            .unwrap_or("")
    }
}

/// What an element draws. Positions are in points from the top-left corner of the
/// frame that holds it (of the page, in an [`Element`]).
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // x, y, w, h, colours and widths say what they are
pub enum Shape {
    /// A run of text.
    Glyphs(GlyphRun),
    /// A rectangle, filled and/or stroked (stroke: colour and line width).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A straight line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
        width: f32,
    },
    /// An image scaled into the box; `alt` says what it shows.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        data: std::sync::Arc<crate::images::ImageData>,
        alt: String,
    },
    /// A clickable area that opens `url`.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
}

/// One thing drawn on a page, with its place in the document's structure: a shape of
/// the page's frame tree moved to page coordinates ([`Page::elements`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// What it is in the structure.
    pub role: Role,
    /// Index of the logical block (heading, paragraph, list item…) in reading order;
    /// elements of one block share it, even across pages (`usize::MAX` for furniture).
    pub block: usize,
    /// What it draws.
    pub shape: Shape,
}

/// One page (one side of a tri-fold sheet), in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What is drawn on it, content in reading order, then furniture.
    pub frame: Frame,
}

impl Page {
    /// Every shape on the page at its place on the page, with its role and block, in
    /// drawing order (for tests, snapshots and checks; the pdf stage walks the frame).
    pub fn elements(&self) -> Vec<Element> {
        self.frame.elements()
    }
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The pages in print order.
    pub pages: Vec<Page>,
    /// The logical structure in reading order, which the pages' groups refer to by
    /// block.
    pub structure: super::structure::Node,
    /// The document's language tag (BCP 47), for the catalog's /Lang.
    pub language: String,
    /// The title as plain text, for the metadata.
    pub title: String,
    /// The author, for the metadata.
    pub author: Option<String>,
    /// The subject as plain text, for the metadata.
    pub subject: Option<String>,
    /// `YYYY-MM-DD`, used as the PDF's creation date so output is reproducible.
    pub date: String,
    /// Whether the document reads right to left (the viewer's /Direction).
    pub rtl: bool,
    /// The fonts the glyphs' faces refer to.
    pub book: BookRef,
}

/// The font book a layout was set with: its face ids index it. Layouts compare equal
/// when they use the same book.
#[derive(Clone, Copy)]
pub struct BookRef(pub &'static crate::text::FontBook);

impl PartialEq for BookRef {
    fn eq(&self, other: &BookRef) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::fmt::Debug for BookRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FontBook")
    }
}
