//! Blocks → a vertical flow of chunks, each with the page-break rules around it.
//!
//! A chunk is the smallest thing pagination moves: one line of a paragraph, or a whole
//! warning box. Whether a page may break before a chunk encodes the rules: headings
//! stay with what follows, a paragraph never leaves one line alone at the top or the
//! bottom of a page (widows and orphans), a line that ends in an inserted hyphen never
//! ends a page, a box is never split, and the closing lines (contact, online address
//! and QR code) stay with the text before them so that no page holds them alone.

use super::geometry::Geometry;
use super::inline::{self, Context, SetLine, TextStyle};
use super::page::{Frame, FrameItem, Group, Point, Role, Shape};
use super::structure::{Kind, Outline};
use super::style::Style;

mod blocks;
mod closing;
#[cfg(test)]
mod tests;
use crate::error::Result;
use crate::model::{Document, SectionKind, Text};

/// Smallest number of a paragraph's lines left at the bottom or carried to the top.
const MIN_LINES: usize = 2;

/// A paragraph or list item of at most this many lines moves whole to the next page,
/// column or panel rather than leave two lines on each side (a page that ends with
/// the start of a short text and one that begins with its end both read badly).
const SHORT_LINES: usize = 5;

pub struct Chunk {
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Whether a page may end right before this chunk.
    pub break_before: bool,
    /// A break here keeps blocks whole (it comes before a paragraph, list item, box or
    /// image, not inside one): balanced columns and panels try these first.
    pub block_start: bool,
    /// A break here keeps more together: it comes before a section, a paragraph, a
    /// whole list, a box or an image, never between the items of a list.
    pub group_start: bool,
    /// What it draws, relative to the chunk's top-left corner: groups at the origin,
    /// so that placing the chunk is giving each of them one position. Placing moves
    /// the frame out (no copy of its glyphs); `None` once placed.
    pub frame: Option<Frame>,
}

pub struct Flow<'a> {
    pub ctx: Context<'a>,
    pub style: &'a Style,
    pub geometry: &'a Geometry,
    pub chunks: Vec<Chunk>,
    /// `chunks[..title_end]` are the title (set across both columns, or on the cover).
    pub title_end: usize,
    /// `chunks[closing_start..]` are the closing lines: contact, online address and QR.
    pub closing_start: usize,
    next_block: usize,
    /// The logical structure of what has been laid out so far.
    pub outline: Outline,
    /// A page may not break before the next chunk (set after headings).
    keep_next: bool,
    /// The next chunk starts a group (see [`Chunk::group_start`]).
    group_next: bool,
    /// Height the print form can hold at most (all its pages, columns or panels full);
    /// past it the leaflet cannot fit, so chunks keep their height for the overflow
    /// figure but no longer their frames (a huge input stays small in memory).
    budget: f32,
    /// Height of the chunks so far (without their spaces: a lower bound).
    used: f32,
}

impl<'a> Flow<'a> {
    pub fn new(ctx: Context<'a>, style: &'a Style, geometry: &'a Geometry) -> Self {
        Flow {
            ctx,
            style,
            geometry,
            chunks: Vec::new(),
            title_end: 0,
            closing_start: 0,
            next_block: 0,
            outline: Outline::default(),
            keep_next: false,
            group_next: false,
            budget: geometry.capacity(),
            used: 0.0,
        }
    }

    /// Adds `chunk` to the flow, without its frame once past the budget.
    fn push(&mut self, mut chunk: Chunk) {
        self.used += chunk.height;
        if self.used > self.budget {
            chunk.frame = Some(Frame::default());
        }
        self.chunks.push(chunk);
    }

    /// Takes the chunks from `first` on out of the flow (to be merged into one).
    fn take_from(&mut self, first: usize) -> Vec<Chunk> {
        let parts: Vec<Chunk> = self.chunks.drain(first..).collect();
        self.used -= parts.iter().map(|c| c.height).sum::<f32>();
        parts
    }

    pub fn block_id(&mut self) -> usize {
        self.next_block += 1;
        self.next_block - 1
    }

    /// Distance from a line's top to its baseline, centring the font's extent in the leading.
    fn baseline_offset(&self, size: f32, leading: f32) -> f32 {
        let face = self.ctx.book.face(crate::text::FaceId(0));
        let (a, d) = (
            face.ascender / face.units_per_em,
            face.descender / face.units_per_em,
        );
        (leading - (a + d) * size) / 2.0 + a * size
    }

    /// One set line placed at (x, top), as a group of `role` and `block`.
    pub fn line_group(
        &self,
        line: &SetLine,
        x: f32,
        top: f32,
        style: &TextStyle,
        role: Role,
        block: usize,
    ) -> Group {
        let baseline = top + self.baseline_offset(style.size, style.leading);
        // Right-to-left lines end at the right edge of the measure.
        let x = if line.rtl {
            x + line.measure - line.width
        } else {
            x
        };
        let mut items = Vec::with_capacity(line.runs.len());
        for (r, link) in line.runs.iter().zip(&line.run_links) {
            let mut r = r.clone();
            r.x += x;
            r.baseline = baseline;
            let Some(url) = link else {
                items.push((Point::ZERO, FrameItem::Shape(Shape::Glyphs(r))));
                continue;
            };
            // Linked text is a group of its own: its clickable area (which says where
            // it leads), then its glyphs.
            let area = Shape::Link {
                x: r.x,
                y: top,
                w: r.width(),
                h: style.leading,
                url: url.clone(),
            };
            let link = Group::of_shapes(Role::Link, Some(block), vec![area, Shape::Glyphs(r)]);
            items.push((Point::ZERO, FrameItem::Group(link)));
        }
        Group {
            role,
            block: Some(block),
            seq: 0,
            frame: Frame { items },
        }
    }

    /// Adds the lines of one text as chunks (one per line) with widow/orphan rules.
    fn text_chunks(
        &mut self,
        lines: &[SetLine],
        x: f32,
        style: &TextStyle,
        role: Role,
        space_before: f32,
        keep_with_next: bool,
    ) -> usize {
        let block = self.block_id();
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let inner = n > SHORT_LINES && i >= MIN_LINES && n - i >= MIN_LINES;
            let break_before = if i == 0 {
                !self.keep_next
            } else {
                // A word hyphenated across a page turn is read as two.
                inner && !keep_with_next && !lines[i - 1].hyphenated
            };
            let frame = Some(Frame::of(self.line_group(line, x, 0.0, style, role, block)));
            self.push(Chunk {
                height: style.leading,
                space_before: if i == 0 { space_before } else { 0.0 },
                break_before,
                block_start: i == 0 && break_before,
                group_start: i == 0 && break_before && self.group_next,
                frame,
            });
        }
        self.keep_next = keep_with_next;
        self.group_next = false;
        block
    }

    /// Sets `text`; a piece that no break can bring inside `measure` (a long term that
    /// is never hyphenated, in a narrow column) is an error, never text over the
    /// neighbouring column, fold or margin.
    pub fn set(&self, text: &Text, style: &TextStyle, measure: f32) -> Result<Vec<SetLine>> {
        let lines = inline::set(&self.ctx, text, style, measure)?;
        if let Some(line) = lines.iter().find(|l| l.width > measure + 0.5) {
            let shown: String = line.runs.iter().map(|r| r.text()).collect();
            let mm = super::style::MM;
            return Err(crate::error::Error::input(
                crate::error::Diagnostic::new(format!(
                    "`{}` is {:.0} mm wide but the text column of this layout is {:.0} mm",
                    shown.trim(),
                    line.width / mm,
                    measure / mm
                ))
                .file(&text.origin.file)
                .at(self.ctx.source_text, text.origin.pos)
                .help("allow a break in it (a soft hyphen, or remove it from `terms`), or choose a layout with wider columns"),
            ));
        }
        Ok(lines)
    }

    /// Lays out the whole document into chunks.
    pub fn document(&mut self, doc: &Document) -> Result<()> {
        let s = self.style;
        if let Some(logo) = &doc.meta.logo {
            // The clinic's logo above the title (narrower when it is wide).
            let aspect = logo.data.height as f32 / logo.data.width as f32;
            let w = (s.logo_height / aspect).min(self.geometry.title_measure / 2.0);
            self.image_chunk(
                &logo.data,
                logo.alt.clone(),
                0.0,
                self.geometry.title_measure,
                w,
                w * aspect,
                0.0,
            );
            self.pad_last(s.title_gap_after);
            self.keep_next = true;
        }
        let title_style = s.title_text();
        let lines = self.set(&doc.title, &title_style, self.geometry.title_measure)?;
        let block = self.text_chunks(&lines, 0.0, &title_style, Role::Title, 0.0, true);
        self.outline
            .leaf(Kind::Title, block, &doc.title.styled.text, None);
        if let Some(last) = self.chunks.last_mut() {
            last.height += s.title_gap_after;
        }
        self.keep_next = false;
        self.title_end = self.chunks.len();

        for section in &doc.sections {
            match section.kind {
                SectionKind::Normal => {
                    if let Some(h) = &section.heading {
                        self.group_next = true;
                        let hs = s.heading_text(s.accent);
                        let lines = self.set(h, &hs, self.geometry.measure)?;
                        let block = self.text_chunks(
                            &lines,
                            0.0,
                            &hs,
                            Role::Heading,
                            s.heading_gap_before,
                            true,
                        );
                        self.outline
                            .leaf(Kind::Heading, block, &h.styled.text, None);
                        self.pad_last(s.heading_gap_after);
                    }
                    let bs = s.body_text();
                    self.blocks(
                        &section.body,
                        0.0,
                        self.geometry.measure,
                        Role::Paragraph,
                        &bs,
                    )?;
                }
                SectionKind::Warning => {
                    self.warning_box(section.heading.as_ref(), &section.body)?
                }
            }
        }

        if !doc.disclaimer.is_empty() {
            self.disclaimer(&doc.disclaimer)?;
        }
        self.closing_start = self.chunks.len();
        Ok(())
    }

    fn pad_last(&mut self, extra: f32) {
        if let Some(last) = self.chunks.last_mut() {
            last.height += extra;
        }
    }
}
