//! The blocks of a section in the flow: paragraphs and lists, bullets, images, the
//! warning box (never split) and the disclaimer set apart at the end.

use super::{Chunk, Flow};
use crate::error::Result;
use crate::layout::inline::{SetLine, TextStyle};
use crate::layout::page::{Frame, FrameItem, Group, Point, Role, Shape};
use crate::layout::structure::Kind;
use crate::model::{Block, Text};

/// What a list item's bullet stands for: the bullet and the space after it, so that
/// extracted and copied text reads "• nausea", not "•nausea".
const LABEL: &str = "• ";

impl Flow<'_> {
    /// Paragraphs and lists at indent `x` within `measure`.
    pub(super) fn blocks(
        &mut self,
        blocks: &[Block],
        x: f32,
        measure: f32,
        role: Role,
        style: &TextStyle,
    ) -> Result<()> {
        for (bi, b) in blocks.iter().enumerate() {
            let gap = if bi == 0 && self.keep_next {
                0.0
            } else {
                self.style.paragraph_gap
            };
            // A paragraph, image or list starts a group (its first item does).
            self.group_next = true;
            match b {
                Block::Paragraph(t) => {
                    let lines = self.set(t, style, measure)?;
                    let block = self.text_chunks(&lines, x, style, role, gap, false);
                    self.outline
                        .leaf(Kind::Paragraph, block, &t.styled.text, None);
                }
                Block::Image(img) => {
                    let alt = img.alt.styled.text.clone();
                    let (w, h) = self.image_size(&img.data, measure);
                    self.image_chunk(&img.data, alt, x, measure, w, h, gap);
                }
                Block::List(items) => {
                    self.outline.open(Kind::List, None);
                    for (ii, item) in items.iter().enumerate() {
                        let indent = self.style.list_indent;
                        let lines = self.set(item, style, measure - indent)?;
                        let item_gap = if ii == 0 {
                            gap
                        } else {
                            self.style.list_item_gap
                        };
                        let first_chunk = self.chunks.len();
                        // Bullets at the start side: left, or right in RTL.
                        let text_x = if self.ctx.rtl() { x } else { x + indent };
                        let block = self.text_chunks(
                            &lines,
                            text_x,
                            style,
                            Role::ListItem,
                            item_gap,
                            false,
                        );
                        let label = self.bullet(first_chunk, x, measure, style);
                        self.outline.open(Kind::ListItem, Some(block));
                        if label {
                            self.outline.leaf(Kind::Label, block, "•", None);
                        }
                        self.outline
                            .leaf(Kind::ListBody, block, &item.styled.text, None);
                        self.outline.close();
                    }
                    self.outline.close();
                }
            }
        }
        Ok(())
    }

    /// An image's printed size: its pixels at 150 dpi (sharp on office printers), no
    /// wider than `measure` and no taller than 40 % of the page's content area.
    pub(super) fn image_size(&self, data: &crate::images::ImageData, measure: f32) -> (f32, f32) {
        let aspect = data.height as f32 / data.width as f32;
        let max_h = self.style.image_max_height * self.geometry.content.height;
        let w = (data.width as f32 / 150.0 * 72.0)
            .min(measure)
            .min(max_h / aspect);
        (w, w * aspect)
    }

    /// One unbreakable chunk holding an image at the start side of `x..x + measure`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn image_chunk(
        &mut self,
        data: &std::sync::Arc<crate::images::ImageData>,
        alt: String,
        x: f32,
        measure: f32,
        w: f32,
        h: f32,
        space_before: f32,
    ) {
        let block = self.block_id();
        self.outline
            .leaf(Kind::Figure, block, "", Some(alt.clone()));
        let ix = if self.ctx.rtl() { x + measure - w } else { x };
        self.push(Chunk {
            height: h,
            space_before,
            break_before: !self.keep_next,
            block_start: !self.keep_next,
            group_start: !self.keep_next && self.group_next,
            frame: Some(Frame::of(Group::of_shapes(
                Role::Figure,
                Some(block),
                vec![Shape::Image {
                    x: ix,
                    y: 0.0,
                    w,
                    h,
                    data: data.clone(),
                    alt,
                }],
            ))),
        });
        self.keep_next = false;
        self.group_next = false;
    }

    /// Draws a bullet on the first line of the list item that starts at `chunk`; the
    /// list spans `x..x + measure` and its bullets sit at the start side.
    /// Whether a bullet was drawn (a font has one).
    pub(super) fn bullet(&mut self, chunk: usize, x: f32, measure: f32, style: &TextStyle) -> bool {
        let Some(face) = self.ctx.book.select('•', Default::default()) else {
            return false;
        };
        let shaped = crate::text::shape::shape_run(
            self.ctx.book,
            face,
            "•",
            0..3,
            style.size,
            self.ctx.language,
            false,
        );
        let Some(g) = shaped.into_iter().next() else {
            return false;
        };
        let bullet_x = if self.ctx.rtl() {
            measure - self.style.bullet_inset - g.advance
        } else {
            self.style.bullet_inset
        };
        let line = SetLine {
            runs: vec![crate::layout::page::GlyphRun {
                x: bullet_x,
                baseline: 0.0,
                size: style.size,
                color: style.color,
                glyphs: vec![crate::layout::page::PlacedGlyph {
                    face,
                    gid: g.gid,
                    x: 0.0,
                    advance: g.advance,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: 0..LABEL.len() as u32,
                    // Of the line's direction: in right-to-left text the space
                    // after the bullet is on its left.
                    level: u8::from(self.ctx.rtl()),
                }],
                text: LABEL.into(),
                lang: None,
            }],
            width: g.advance,
            measure: g.advance,
            rtl: false,
            run_links: vec![None],
            hyphenated: false,
        };
        let block = self
            .chunks
            .get(chunk)
            .and_then(|c| c.frame.as_ref()?.items.first())
            .and_then(|(_, item)| match item {
                FrameItem::Group(g) => g.block,
                FrameItem::Shape(_) => None,
            })
            .unwrap_or(0);
        let label = self.line_group(&line, x, 0.0, style, Role::ListLabel, block);
        if let Some(frame) = self.chunks.get_mut(chunk).and_then(|c| c.frame.as_mut()) {
            // The label comes first in reading order.
            frame
                .items
                .insert(0, (Point::ZERO, FrameItem::Group(label)));
            return true;
        }
        false
    }

    /// The warning section: tinted, bordered, never split across pages.
    pub(super) fn warning_box(&mut self, heading: Option<&Text>, body: &[Block]) -> Result<()> {
        let s = self.style;
        // The accent bar marks the start side: left, or right in RTL.
        let inset = if self.ctx.rtl() {
            s.box_padding
        } else {
            s.box_accent_width + s.box_padding
        };
        let inner = self.geometry.measure - inset - s.box_padding;
        let first = self.chunks.len();
        let box_block = self.block_id();
        self.outline.open(Kind::Box, Some(box_block));
        if let Some(h) = heading {
            let hs = s.heading_text(s.box_heading);
            let lines = self.set(h, &hs, inner)?;
            let block = self.text_chunks(&lines, inset, &hs, Role::Heading, 0.0, true);
            self.outline
                .leaf(Kind::Heading, block, &h.styled.text, None);
            self.pad_last(s.heading_gap_after);
        }
        let bs = s.body_text();
        self.blocks(body, inset, inner, Role::Paragraph, &bs)?;
        self.outline.close();
        // Everything since `first` goes into one chunk: the box's group holds its
        // background, its accent bar and each part one translate down.
        let parts = self.take_from(first);
        let w = self.geometry.measure;
        let mut items = Vec::new();
        let mut y = s.box_padding;
        for (i, c) in parts.into_iter().enumerate() {
            if i > 0 {
                y += c.space_before;
            }
            // A chunk's groups sit at its origin (see `Chunk::frame`).
            items.extend(
                c.frame
                    .into_iter()
                    .flat_map(|f| f.items)
                    .map(|(at, item)| (Point::new(at.x, at.y + y), item)),
            );
            y += c.height;
        }
        let height = y + s.box_padding;
        let background = [
            Shape::Rect {
                x: 0.0,
                y: 0.0,
                w,
                h: height,
                fill: Some(s.box_fill),
                stroke: Some((s.box_accent, s.rule_width)),
            },
            Shape::Rect {
                x: if self.ctx.rtl() {
                    w - s.box_accent_width
                } else {
                    0.0
                },
                y: 0.0,
                w: s.box_accent_width,
                h: height,
                fill: Some(s.box_accent),
                stroke: None,
            },
        ];
        items.splice(
            0..0,
            background
                .into_iter()
                .map(|r| (Point::ZERO, FrameItem::Shape(r))),
        );
        let frame = Some(Frame::of(Group {
            role: Role::Box,
            block: Some(box_block),
            seq: 0,
            frame: Frame { items },
        }));
        self.push(Chunk {
            height,
            space_before: s.box_gap,
            break_before: true,
            block_start: true,
            group_start: true,
            frame,
        });
        self.keep_next = false;
        Ok(())
    }

    /// The closing advice: a rule above, smaller muted text.
    pub(super) fn disclaimer(&mut self, blocks: &[Block]) -> Result<()> {
        let s = self.style;
        let style = s.disclaimer_text();
        let first = self.chunks.len();
        let rule_block = self.block_id();
        self.outline.open(Kind::Disclaimer, None);
        self.blocks(blocks, 0.0, self.geometry.measure, Role::Disclaimer, &style)?;
        self.outline.close();
        // The rule rides inside the first line's chunk so that it never ends up alone
        // and never reaches above the top of a page.
        if let Some(c) = self.chunks.get_mut(first) {
            let gap = s.disclaimer_rule_gap;
            c.height += gap;
            c.space_before = s.disclaimer_gap_before;
            let rule = Group::of_shapes(
                Role::Artifact,
                Some(rule_block),
                vec![Shape::Line {
                    x1: 0.0,
                    y1: 0.0,
                    x2: self.geometry.measure,
                    y2: 0.0,
                    color: s.muted,
                    width: s.rule_width,
                }],
            );
            // The first line moves down under the rule: one translate, inside a group
            // so that the chunk's groups stay at its origin.
            let lines = c
                .frame
                .take()
                .into_iter()
                .flat_map(|f| f.items)
                .map(|(at, item)| (Point::new(at.x, at.y + gap), item))
                .collect();
            let lines = Group {
                role: Role::Disclaimer,
                block: None,
                seq: 0,
                frame: Frame { items: lines },
            };
            c.frame = Some(Frame {
                items: vec![
                    (Point::ZERO, FrameItem::Group(rule)),
                    (Point::ZERO, FrameItem::Group(lines)),
                ],
            });
        }
        Ok(())
    }
}
