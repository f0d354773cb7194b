//! The positioned page model: what layout hands to the PDF writer.
//!
//! Plain data in points with the origin at the page's top-left corner (y grows
//! downwards). Every element keeps its semantic role and the logical block it belongs
//! to, so tagging and checks need no second layout.

use crate::text::FaceId;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
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
    Title,
    Heading,
    Paragraph,
    /// The bullet of a list item (a label, not content).
    ListLabel,
    ListItem,
    /// The highlighted warning box (its background and border).
    Box,
    Disclaimer,
    /// An image with a text alternative (diagram, logo).
    Figure,
    /// Page furniture not part of the content: footer, rules, backgrounds.
    Artifact,
}

/// A glyph placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    pub face: FaceId,
    pub gid: u16,
    /// Distance from the run's origin to this glyph's pen position, in points.
    pub x: f32,
    /// Advance used for this glyph in the layout, in points.
    pub advance: f32,
    pub x_offset: f32,
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
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub color: Rgb,
    pub glyphs: Vec<PlacedGlyph>,
    /// The run's text in logical (reading) order, held once; glyphs point into it.
    pub text: String,
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

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Glyphs(GlyphRun),
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
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

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub role: Role,
    /// Index of the logical block (heading, paragraph, list item…) in reading order;
    /// elements of one block share it, even across pages.
    pub block: usize,
    pub shape: Shape,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub elements: Vec<Element>,
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub language: String,
    pub title: String,
    pub author: Option<String>,
    pub subject: Option<String>,
    /// `YYYY-MM-DD`, used as the PDF's creation date so output is reproducible.
    pub date: String,
    pub rtl: bool,
}
