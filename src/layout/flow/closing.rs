//! The closing lines under the text: the clinic's contact line, and the online
//! address beside (or under) its QR code. They keep with the text above them, so
//! that no page, column or panel holds them alone.

use super::{Chunk, Flow};
use crate::error::Result;
use crate::layout::inline::{self, SetLine, TextStyle};
use crate::layout::page::{Frame, FrameItem, Group, Point, Role, Shape};
use crate::layout::structure::Kind;
use crate::layout::style::MM;

impl Flow<'_> {
    /// A generated line under the disclaimer (the clinic's contact line).
    pub fn note_line(&mut self, text: &str) -> Result<()> {
        let style = self.style.note_text();
        let styled = crate::model::markup::StyledText {
            spans: vec![(0..text.len(), Default::default())],
            text: text.to_string(),
        };
        let lines = inline::set_styled(&self.ctx, &styled, None, &style, self.geometry.measure)?;
        // The closing lines never stand alone: they keep with the text above.
        self.keep_next = true;
        let block = self.text_chunks(
            &lines,
            0.0,
            &style,
            Role::Paragraph,
            self.style.paragraph_gap,
            false,
        );
        self.outline.leaf(Kind::Paragraph, block, text, None);
        Ok(())
    }

    /// "Online version: <url>" under the disclaimer, as a link.
    pub fn online_line(&mut self, label: &str, url: &str) -> Result<()> {
        let s = self.style;
        let style = s.note_text();
        let text = format!("{label}: {url}");
        let link_start = text.len() - url.len();
        let styled = crate::model::markup::StyledText {
            spans: vec![
                (0..link_start, Default::default()),
                (
                    link_start..text.len(),
                    crate::model::markup::SpanStyle {
                        link: Some(url.to_string()),
                        ..Default::default()
                    },
                ),
            ],
            text,
        };
        // The QR code (DOMAIN.md: ≥ 4-module quiet zone, modules ≥ 0.4 mm, about 2 cm)
        // sits at the start side; the address is printed beside it as text and link.
        let qr = crate::layout::qr::modules(url)?;
        // Only the address may break (after a `/`), never the label.
        let label_only = [label.to_string()];
        let ctx = inline::Context {
            keep_whole: &label_only,
            ..self.ctx
        };
        let quiet = 4usize;
        let total_modules = qr.width + 2 * quiet;
        let module = (s.qr_size / total_modules as f32).max(0.4 * MM);
        let qr_side = module * total_modules as f32;
        let gap = s.qr_gap;
        if qr_side > self.geometry.measure + 0.01 {
            return Err(crate::error::Error::input(
                crate::error::Diagnostic::new(format!(
                    "the QR code of {url} is {:.0} mm wide but the text column of this layout is {:.0} mm",
                    qr_side / MM,
                    self.geometry.measure / MM
                ))
                .help("use a shorter address (a long one needs more, smaller modules)"),
            ));
        }
        // The first of these that fits: beside the code, whole or broken after a `/`;
        // under it (a narrow column or panel), whole, in the footer size, or broken.
        // Addresses are never broken inside a name.
        let beside = self.geometry.measure - qr_side - gap;
        let small = s.footer_text();
        let attempts = [
            (false, style, false),
            (false, style, true),
            (true, style, false),
            (true, small, false),
            (true, style, true),
        ];
        let mut chosen = None;
        for (stacked, st, broken) in attempts {
            let measure = if stacked {
                self.geometry.measure
            } else {
                beside
            };
            let lines = if broken {
                self.broken_address(&ctx, label, url, &st, measure)?
            } else {
                let lines = inline::set_styled(&ctx, &styled, None, &st, measure)?;
                lines
                    .iter()
                    .all(|l| l.width <= measure + 0.01)
                    .then_some(lines)
            };
            if let Some(lines) = lines {
                chosen = Some((stacked, st, lines));
                break;
            }
        }
        let Some((stacked, style, lines)) = chosen else {
            return Err(crate::error::Error::input(
                crate::error::Diagnostic::new(format!(
                    "the online address {url} has a part too wide for the text column of this layout"
                ))
                .help("use a shorter address, or a layout with wider columns"),
            ));
        };
        // The code is a figure of its own, read before the address beside it.
        let code_block = self.block_id();
        let block = self.block_id();
        self.outline.leaf(
            Kind::QrCode,
            code_block,
            "",
            // "QR" is read the same in every language; the label says what it opens.
            Some(format!("QR: {label}, {url}")),
        );
        self.outline
            .leaf(Kind::Paragraph, block, &styled.text, None);
        let rtl = self.ctx.rtl();
        let qr_x = if rtl {
            self.geometry.measure - qr_side
        } else {
            0.0
        };
        let text_x = if rtl || stacked { 0.0 } else { qr_side + gap };
        let text_h = style.leading * lines.len() as f32;
        let text_top = if stacked {
            qr_side + gap
        } else {
            ((qr_side - text_h) / 2.0).max(0.0)
        };
        let height = if stacked {
            text_top + text_h
        } else {
            qr_side.max(text_h)
        };
        let mut code = Vec::new();
        for (row, cols) in qr.dark_runs() {
            for (col, len) in cols {
                let module_run = Shape::Rect {
                    x: qr_x + (quiet + col) as f32 * module,
                    y: (quiet + row) as f32 * module,
                    w: len as f32 * module,
                    h: module,
                    fill: Some(crate::layout::page::Rgb::BLACK),
                    stroke: None,
                };
                code.push((Point::ZERO, FrameItem::Shape(module_run)));
            }
        }
        // The code (an artifact: the address beside it is the content) and the address.
        let mut frame = Frame::of(Group {
            role: Role::QrCode,
            block: Some(code_block),
            seq: 0,
            frame: Frame { items: code },
        });
        for (k, line) in lines.iter().enumerate() {
            let top = text_top + k as f32 * style.leading;
            let line = self.line_group(line, text_x, top, &style, Role::Paragraph, block);
            frame.push(Point::ZERO, line);
        }
        // The code keeps the text above it (at least the disclaimer's last lines) on
        // its page: a page of only an address and a code reads as a stray.
        self.push(Chunk {
            height,
            space_before: s.paragraph_gap,
            break_before: false,
            block_start: false,
            group_start: false,
            frame: Some(frame),
        });
        Ok(())
    }
}

impl Flow<'_> {
    /// "label:" on its own line, then `url` in pieces that each fit `measure`, every
    /// piece a link to the whole address; `None` when a piece is wider than `measure`.
    fn broken_address(
        &self,
        ctx: &inline::Context,
        label: &str,
        url: &str,
        style: &TextStyle,
        measure: f32,
    ) -> Result<Option<Vec<SetLine>>> {
        // An address reads left to right even in a right-to-left leaflet (a piece
        // ending in `/` would otherwise show it on the left); its lines still align
        // to the leaflet's start side.
        let ltr = inline::Context {
            direction: crate::model::Direction::LeftToRight,
            ..*ctx
        };
        let set = |text: &str, link: bool| {
            let styled = crate::model::markup::StyledText {
                spans: vec![(
                    0..text.len(),
                    crate::model::markup::SpanStyle {
                        link: link.then(|| url.to_string()),
                        ..Default::default()
                    },
                )],
                text: text.to_string(),
            };
            let ctx = if link { &ltr } else { ctx };
            let mut lines = inline::set_styled(ctx, &styled, None, style, measure)?;
            for l in &mut lines {
                l.rtl = self.ctx.rtl();
            }
            Ok::<_, crate::error::Error>(lines)
        };
        let fits = |lines: &[SetLine]| lines.iter().all(|l| l.width <= measure + 0.01);
        let mut lines = set(&format!("{label}:"), false)?;
        // Pieces end after a separator; "https://" stays whole.
        let mut pieces: Vec<&str> = Vec::new();
        let mut start = 0;
        for (i, c) in url.char_indices() {
            let after = i + c.len_utf8();
            if matches!(c, '/' | '?' | '&' | '#') && !url[after..].starts_with('/') {
                pieces.push(&url[start..after]);
                start = after;
            }
        }
        pieces.push(&url[start..]);
        // Greedy: a line takes pieces while it fits; each line is set once more only
        // when it is closed by a piece that did not fit.
        let (mut current, mut current_lines) = (String::new(), Vec::new());
        for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
            let candidate = format!("{current}{piece}");
            let candidate_lines = set(&candidate, true)?;
            if current.is_empty() || fits(&candidate_lines) {
                (current, current_lines) = (candidate, candidate_lines);
            } else {
                if !fits(&current_lines) {
                    return Ok(None);
                }
                lines.append(&mut current_lines);
                current = piece.to_string();
                current_lines = set(&current, true)?;
            }
        }
        if !fits(&current_lines) || !fits(&lines) {
            return Ok(None);
        }
        lines.append(&mut current_lines);
        Ok(Some(lines))
    }
}
