//! The tri-fold's two sides: the title on the cover; the text through the flap and the
//! inside panels into the back panel, which ends with the closing lines (contact,
//! online address, QR code) and the revision line.

use super::columns::{coarsest, fill, flow_height, place, stack_height, Breaks};
use super::furniture::{self, artifact_lines};
use crate::error::{Diagnostic, Error, Result};
use crate::layout::flow::Flow;
use crate::layout::page::{Frame, FrameItem, Page, Point};
use crate::layout::panels::{Panel, READING_ORDER};
use crate::layout::style::MM;
use crate::model::{Labels, Meta};

/// Space between the back panel's text and its closing lines, and above the revision.
const CLOSING_GAP: f32 = 4.0 * MM;

/// Content that does not fit the panels: which part, and by how much (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overflow {
    pub what: &'static str,
    pub extra: f32,
}

impl Overflow {
    pub fn error(self, flow: &Flow) -> Error {
        Error::input(
            Diagnostic::new(format!(
                "the `{}` leaflet does not fit the {} (one sheet, both sides): {} overflows by {:.0} mm",
                flow.ctx.language,
                flow.geometry.form.name(),
                self.what,
                self.extra / MM
            ))
            .help(
                "shorten the text of this language, or print it with --layout single or two-column",
            ),
        )
    }
}

/// The two sides of the sheet, or an error for content that does not fit.
pub fn pages(flow: &mut Flow, meta: &Meta, labels: &Labels, draft: bool) -> Result<Vec<Page>> {
    try_pages(flow, meta, labels, draft)?.map_err(|o| o.error(flow))
}

type Frames = Vec<std::ops::Range<usize>>;

/// The text in four panels of equal fill, if it fits them, keeping as much whole as
/// [`coarsest`] allows (sections and lists, else paragraphs and items, else lines).
fn balanced(
    chunks: &[crate::layout::flow::Chunk],
    body: std::ops::Range<usize>,
    available: f32,
) -> Result<Option<Frames>> {
    let mut options = [None, None, None];
    for (option, breaks) in options.iter_mut().zip(Breaks::COARSEST_FIRST) {
        *option = balanced_at(chunks, body.clone(), available, breaks)?;
    }
    Ok(coarsest(options, available))
}

/// The shortest panel height at which the text fits four panels ending where `breaks`
/// allows (bisection; filling is monotonic in the height), and those panels.
fn balanced_at(
    chunks: &[crate::layout::flow::Chunk],
    body: std::ops::Range<usize>,
    available: f32,
    breaks: Breaks,
) -> Result<Option<(Frames, f32)>> {
    let fits = |h: f32| -> Result<Option<Frames>> {
        let (frames, end) = fill(chunks, body.clone(), available, "panel", breaks, |i| {
            (i < 4).then_some(h)
        })?;
        Ok((end == body.end).then_some(frames))
    };
    let Some(mut best) = fits(available)? else {
        return Ok(None);
    };
    let (mut lo, mut hi) = (flow_height(chunks, body.clone()) / 4.0, available);
    while hi - lo > 1.0 {
        let mid = (lo + hi) / 2.0;
        match fits(mid)? {
            Some(frames) => {
                best = frames;
                hi = mid;
            }
            None => lo = mid,
        }
    }
    let tallest = best
        .iter()
        .map(|r| stack_height(chunks, r.clone()))
        .fold(0.0, f32::max);
    Ok(Some((best, tallest)))
}

/// Like [`pages`], with an overflow as a value so that a caller can try a denser style.
pub fn try_pages(
    flow: &mut Flow,
    meta: &Meta,
    labels: &Labels,
    draft: bool,
) -> Result<std::result::Result<Vec<Page>, Overflow>> {
    let overflow = |what, extra| Ok(Err(Overflow { what, extra }));
    let s = flow.style;
    let g = flow.geometry;
    let Some(sheet) = g.panels() else {
        return Err(Error::internal("a tri-fold geometry without panels"));
    };
    let rtl = flow.ctx.rtl();
    let chunks = &flow.chunks;
    let top = g.content.y;
    let available = g.content.height;
    let width = g.measure;
    let at = |p: Panel| sheet.panel_box(p, rtl);
    let mut sides: [Frame; 2] = Default::default();

    // Cover: the title a third of the way down, the clinic's name under it.
    let cover = at(Panel::Cover);
    let note = s.note_text();
    let (clinic, clinic_lines) = match &meta.clinic {
        Some(name) => {
            let (group, lines) =
                artifact_lines(flow, name.clone(), &note, cover.text_x, width, 0.0, rtl)?;
            (Some(group), lines)
        }
        None => (None, 0),
    };
    let title_h = stack_height(chunks, 0..flow.title_end);
    let cover_h = title_h + note.leading * clinic_lines as f32;
    if cover_h > available {
        return overflow("the title on the cover", cover_h - available);
    }
    let title_top = top + (available - cover_h) * 0.3;
    let first_baseline = title_top + title_h + note.leading;
    let clinic_item = clinic.map(|g| (Point::new(0.0, first_baseline), FrameItem::Group(g)));

    // The back panel ends with the revision line, and the closing lines above it.
    let back = at(Panel::Back);
    let footer_style = s.footer_text();
    let (footer, footer_lines) = furniture::revision_text(meta, labels, flow.ctx.language).place(
        flow,
        &footer_style,
        back.text_x,
        width,
        0.0,
        rtl,
    )?;
    let last_baseline = footer_lines.saturating_sub(1) as f32 * footer_style.leading;
    let bottom = top + available;
    let shift = bottom - 0.25 * footer_style.size - last_baseline;
    // Placed `shift` down (below), its first line's baseline is at `shift`.
    let footer_top = shift - footer_style.size;
    // The closing lines take the text's last block with them (the disclaimer's last
    // paragraph), or failing that its last lines, so that the back panel never holds
    // an address and a code alone; only the closing lines if neither fits.
    let closing_top =
        |from: usize| footer_top - CLOSING_GAP - stack_height(chunks, from..chunks.len());
    let last_break = |breaks: Breaks| {
        (flow.title_end..flow.closing_start)
            .rev()
            .find(|k| breaks.allowed(&chunks[*k]))
            .filter(|k| closing_top(*k) >= top)
    };
    let tail = last_break(Breaks::Blocks)
        .or_else(|| last_break(Breaks::Any))
        .unwrap_or(flow.closing_start);
    let closing = tail..chunks.len();
    let closing_top = closing_top(tail);
    if closing_top < top {
        return overflow("the back panel", top - closing_top);
    }
    let back_text = (closing_top - CLOSING_GAP - top).max(0.0);

    // The text runs flap → inside panels, evenly filled, and into the back panel only
    // when those four are full.
    let panels = [
        Panel::Flap,
        Panel::InsideFirst,
        Panel::InsideMiddle,
        Panel::InsideLast,
        Panel::Back,
    ];
    let heights = [available, available, available, available, back_text];
    let body = flow.title_end..tail;
    let frames = match balanced(chunks, body.clone(), available)? {
        Some(frames) => frames,
        None => {
            let (frames, end) = fill(chunks, body, available, "panel", Breaks::Any, |i| {
                heights.get(i).copied()
            })?;
            if end < tail {
                let extra = flow_height(chunks, end..tail);
                return overflow("the text", extra);
            }
            frames
        }
    };
    // Placed only now that the sheet holds everything (the frames move out of the
    // flow): the title on the cover first, as it is drawn first.
    let title = 0..flow.title_end;
    let chunks = &mut flow.chunks;
    place(chunks, title, cover.text_x, title_top, &mut sides[0])?;
    // Drawn after the title as before: the clinic's name under it.
    sides[0].items.extend(clinic_item);
    for (panel, range) in panels.iter().zip(frames) {
        let b = at(*panel);
        place(chunks, range, b.text_x, top, &mut sides[b.page])?;
    }
    place(chunks, closing, back.text_x, closing_top, &mut sides[0])?;
    sides[0].push(Point::new(0.0, shift), footer);

    if draft {
        // Set once, shown at the top of every panel.
        let (text, notice) = furniture::draft_notice(flow, labels, width)?;
        let block = flow.block_id();
        flow.outline.notice_first(block, &text);
        for (k, panel) in READING_ORDER.into_iter().enumerate() {
            let b = at(panel);
            let block = (k == 0).then_some(block);
            let placed = furniture::place_notice(flow, &notice, b.text_x, width, block);
            // Where it is content (the cover) it is drawn first, as it is read first.
            let side = &mut sides[b.page];
            let at = if k == 0 { 0 } else { side.items.len() };
            side.items
                .insert(at, (Point::ZERO, FrameItem::Group(placed)));
        }
    }
    let mut pages = Vec::new();
    for (page, mut frame) in sides.into_iter().enumerate() {
        if g.form.fold_marks() {
            frame.push(
                Point::ZERO,
                furniture::fold_marks(flow, &sheet.folds(page, rtl)),
            );
        }
        pages.push(Page {
            width: g.paper.width,
            height: g.paper.height,
            frame,
        });
    }
    Ok(Ok(pages))
}
