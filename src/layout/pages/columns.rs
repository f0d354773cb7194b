//! Chunks → frames (pages, columns or tri-fold panels) honouring the break rules.

use super::furniture;
use crate::error::{Diagnostic, Error, Result};
use crate::layout::flow::{Chunk, Flow};
use crate::layout::form::Imposition;
use crate::layout::geometry::Frames;
use crate::layout::page::{Frame, FrameItem, Page, Point};
use crate::layout::style::MM;
use crate::model::{Labels, Meta};
use std::ops::Range;

/// Height of `range` stacked in one frame (the first chunk's space is dropped).
pub fn stack_height(chunks: &[Chunk], range: Range<usize>) -> f32 {
    let start = range.start;
    range
        .map(|i| {
            let c = &chunks[i];
            c.height + if i == start { 0.0 } else { c.space_before }
        })
        .sum()
}

/// Space `range` takes in the flow, its leading space included (for overflow figures).
pub fn flow_height(chunks: &[Chunk], range: Range<usize>) -> f32 {
    range
        .map(|i| chunks[i].space_before + chunks[i].height)
        .sum()
}

/// Where a frame may end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Before any chunk that allows a break (inside a long paragraph too).
    Any,
    /// Only between blocks, so that every paragraph, list item and box stays whole.
    Blocks,
    /// Only before a section, paragraph, whole list, box or image: a list stays whole.
    Groups,
}

impl Breaks {
    /// From the kind of break that keeps the most together to the one that keeps least.
    pub const COARSEST_FIRST: [Breaks; 3] = [Breaks::Groups, Breaks::Blocks, Breaks::Any];

    /// Whether a frame may end right before `chunk`.
    pub fn allowed(self, chunk: &Chunk) -> bool {
        match self {
            Breaks::Any => chunk.break_before,
            Breaks::Blocks => chunk.block_start,
            Breaks::Groups => chunk.group_start,
        }
    }
}

/// Fills frames in order with `chunks[range]`: frame `i` is `height(i)` tall (`None`
/// when there are no more frames), ending only where `breaks` allows. A frame is left
/// empty when what comes next only fits a full-height (`full`) frame; only what is
/// taller than a full frame is broken where it overflows (with [`Breaks::Any`] only).
/// Returns each frame's chunks and the index of the first chunk that found no frame.
pub fn fill(
    chunks: &[Chunk],
    range: Range<usize>,
    full: f32,
    unit: &str,
    breaks: Breaks,
    height: impl Fn(usize) -> Option<f32>,
) -> Result<(Vec<Range<usize>>, usize)> {
    let mut frames = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let Some(available) = height(frames.len()) else {
            break;
        };
        let start = i;
        let mut y = 0.0;
        while i < range.end {
            let c = &chunks[i];
            let h = if i == start {
                c.height
            } else {
                c.space_before + c.height
            };
            if y + h <= available + 0.01 {
                y += h;
                i += 1;
                continue;
            }
            if i == start && c.height > full + 0.01 {
                return Err(Error::input(
                    Diagnostic::new(format!(
                        "a block is {:.0} mm tall but a {unit} holds only {:.0} mm; it overflows by {:.0} mm",
                        c.height / MM,
                        full / MM,
                        (c.height - full) / MM
                    ))
                    .help("shorten the warning box or split it into two sections"),
                ));
            }
            // Go back to the last place a frame may end.
            if i > start {
                match (start + 1..=i).rev().find(|k| breaks.allowed(&chunks[*k])) {
                    Some(k) => i = k,
                    // A shorter frame (under a title, or balanced) is no reason to
                    // split what the rules keep together: it waits for a full one.
                    None if breaks != Breaks::Any || available < full - 0.01 => i = start,
                    None => {}
                }
            }
            break;
        }
        frames.push(start..i);
    }
    Ok((frames, i))
}

/// Places `chunks[range]` top-down from (x, y): each chunk's groups get one position.
/// Their frames move onto the page (no copy of a glyph); placing one twice is a bug.
pub fn place(
    chunks: &mut [Chunk],
    range: Range<usize>,
    x: f32,
    y: f32,
    out: &mut Frame,
) -> Result<()> {
    let mut y = y;
    let start = range.start;
    for i in range {
        let c = &mut chunks[i];
        if i > start {
            y += c.space_before;
        }
        let frame = c
            .frame
            .take()
            .ok_or_else(|| Error::internal("a chunk was placed twice"))?;
        // The groups sit at the chunk's origin (see `Chunk::frame`), so adding their
        // position changes nothing there.
        for (at, mut item) in frame.items {
            if let crate::layout::page::FrameItem::Group(g) = &mut item {
                g.seq = i as u32 + 1;
            }
            out.items.push((Point::new(x + at.x, y + at.y), item));
        }
        y += c.height;
    }
    Ok(())
}

/// The error for content past the page budget: the print form, its limit, and by how
/// much the text overflows.
pub fn over_budget(flow: &Flow, needed: usize, budget: usize, extra: f32) -> Error {
    Error::input(
        Diagnostic::new(format!(
            "the `{}` leaflet needs {needed} pages but {} allows {budget}: it overflows by {:.0} mm",
            flow.ctx.language,
            flow.geometry.form.name(),
            extra / MM
        ))
        .help("shorten the text of this language, or choose a layout with more room"),
    )
}

/// Places the flow on portrait pages, in one column or two, and adds the page
/// furniture. (A tri-fold is placed by `trifold_pages`.)
pub fn paginate(flow: &mut Flow, meta: &Meta, labels: &Labels, draft: bool) -> Result<Vec<Page>> {
    let g = flow.geometry;
    let contents = match g.form.imposition() {
        Imposition::Single => single(flow)?,
        Imposition::TwoColumn => two_columns(flow)?,
        // `layout::pages` sends a tri-fold to `trifold_pages`.
        Imposition::TriFold => return Err(Error::internal("a tri-fold has no portrait pages")),
    };
    let total = contents.len();
    let width = g.content.width;
    // The same on every page: set once.
    let revision = furniture::revision_footer(flow, meta, labels)?;
    let notice = if draft {
        let (text, lines) = furniture::draft_notice(flow, labels, width)?;
        let block = flow.block_id();
        flow.outline.notice_first(block, &text);
        Some((lines, block))
    } else {
        None
    };
    let mut pages = Vec::with_capacity(total);
    for (pi, mut frame) in contents.into_iter().enumerate() {
        frame.push(Point::ZERO, revision.clone());
        frame.push(
            Point::ZERO,
            furniture::page_footer(flow, labels, pi + 1, total)?,
        );
        if let Some((lines, block)) = &notice {
            let block = (pi == 0).then_some(*block);
            let placed = furniture::place_notice(flow, lines, g.content.x, width, block);
            // Where it is content it is drawn first, as it is read first.
            let at = if pi == 0 { 0 } else { frame.items.len() };
            frame
                .items
                .insert(at, (Point::ZERO, FrameItem::Group(placed)));
        }
        pages.push(Page {
            width: g.paper.width,
            height: g.paper.height,
            frame,
        });
    }
    Ok(pages)
}

/// One column per page.
fn single(flow: &mut Flow) -> Result<Vec<Frame>> {
    let g = flow.geometry;
    let available = g.content.height;
    let chunks = &flow.chunks;
    let (frames, _) = fill(
        chunks,
        0..chunks.len(),
        available,
        "page",
        Breaks::Any,
        |_| Some(available),
    )?;
    if let Some(budget) = g.max_pages.filter(|b| frames.len() > *b) {
        let extra = flow_height(chunks, frames[budget].start..chunks.len());
        return Err(over_budget(flow, frames.len(), budget, extra));
    }
    let mut pages = Vec::with_capacity(frames.len());
    for r in frames {
        let mut out = Frame::default();
        place(&mut flow.chunks, r, g.content.x, g.content.y, &mut out)?;
        pages.push(out);
    }
    Ok(pages)
}

/// Two columns per page, the title across both at the top of the first; the columns
/// of the last page are balanced.
fn two_columns(flow: &mut Flow) -> Result<Vec<Frame>> {
    let g = flow.geometry;
    let chunks = &flow.chunks;
    let available = g.content.height;
    let title_h = stack_height(chunks, 0..flow.title_end);
    if title_h > available {
        return Err(Error::input(
            Diagnostic::new(format!(
                "the title is {:.0} mm tall but a page holds only {:.0} mm; it overflows by {:.0} mm",
                title_h / MM,
                available / MM,
                (title_h - available) / MM
            ))
            .help("shorten the title"),
        ));
    }
    let column_h = |frame: usize| {
        if frame < 2 {
            available - title_h
        } else {
            available
        }
    };
    let body = flow.title_end..chunks.len();
    let (mut frames, _) = fill(chunks, body, available, "column", Breaks::Any, |i| {
        Some(column_h(i))
    })?;
    let pages = frames.len().div_ceil(2);
    if let Some(budget) = g.max_pages.filter(|b| pages > *b) {
        let extra = flow_height(chunks, frames[2 * budget].start..chunks.len());
        return Err(over_budget(flow, pages, budget, extra));
    }
    // Balance the last page: the best split of its chunks over its two columns.
    let first = 2 * (pages - 1);
    if let Some(all) = frames.get(first).map(|r| r.start..chunks.len()) {
        let split = frames.get(first + 1).map_or(chunks.len(), |r| r.start);
        frames.truncate(first);
        let (a, b) = balance(chunks, all, split, column_h(first));
        frames.push(a);
        frames.push(b);
    }
    let Frames::Columns([left, right]) = g.frames else {
        return Err(Error::internal("a two-column geometry without two columns"));
    };
    let (left, right) = (left.x, right.x);
    // Columns run right to left in RTL.
    let xs = if flow.ctx.rtl() {
        [right, left]
    } else {
        [left, right]
    };
    let mut out = vec![Frame::default(); pages];
    let (title_end, chunks) = (flow.title_end, &mut flow.chunks);
    place(chunks, 0..title_end, g.content.x, g.content.y, &mut out[0])?;
    for (i, r) in frames.into_iter().enumerate() {
        let top = g.content.y + if i < 2 { title_h } else { 0.0 };
        place(chunks, r, xs[i % 2], top, &mut out[i / 2])?;
    }
    Ok(out)
}

/// Splits `range` into two columns of at most `height` so that the taller column is
/// as short as it can be (ties: the first column the longer), keeping as much whole
/// as [`coarsest`] allows; keeps the filled `split` when no break does.
fn balance(
    chunks: &[Chunk],
    range: Range<usize>,
    split: usize,
    height: f32,
) -> (Range<usize>, Range<usize>) {
    let options = Breaks::COARSEST_FIRST.map(|breaks| {
        balance_at(chunks, range.clone(), height, breaks).map(|c| {
            let taller = stack_height(chunks, c.0.clone()).max(stack_height(chunks, c.1.clone()));
            (c, taller)
        })
    });
    coarsest(options, height).unwrap_or((range.start..split, split..range.end))
}

/// Of balanced frames for each kind of break, coarsest first, each with its fullest
/// frame's height: the coarsest whose fullest frame is no more than a fifth of a
/// `height` frame taller than the finest's, or any when the finest leaves its frames
/// more than half empty (a paragraph running on from a column that is full reads as
/// usual; from a half-empty one, as a mistake).
pub fn coarsest<T>(options: [Option<(T, f32)>; 3], height: f32) -> Option<T> {
    let finest = options.iter().rev().flatten().map(|(_, h)| *h).next()?;
    options
        .into_iter()
        .flatten()
        .find(|(_, h)| finest < height / 2.0 || *h <= finest + height / 5.0)
        .map(|(frames, _)| frames)
}

/// The best two columns of [`balance`] ending only where `breaks` allows.
fn balance_at(
    chunks: &[Chunk],
    range: Range<usize>,
    height: f32,
    breaks: Breaks,
) -> Option<(Range<usize>, Range<usize>)> {
    let (start, end) = (range.start, range.end);
    let mut best = None;
    let mut best_key = (f32::INFINITY, true);
    for k in start + 1..=end {
        if k < end && !breaks.allowed(&chunks[k]) {
            continue;
        }
        let (h1, h2) = (stack_height(chunks, start..k), stack_height(chunks, k..end));
        if h1 > height + 0.01 || h2 > height + 0.01 {
            continue;
        }
        let key = (h1.max(h2), h1 < h2);
        if key.0 < best_key.0 - 0.01 || ((key.0 - best_key.0).abs() <= 0.01 && !key.1 && best_key.1)
        {
            best_key = key;
            best = Some((start..k, k..end));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk 10 pt tall; `brk`: a frame may end before it; `block`: it starts a block.
    fn chunk(brk: bool, block: bool) -> Chunk {
        Chunk {
            height: 10.0,
            space_before: 0.0,
            break_before: brk,
            block_start: block,
            group_start: block,
            frame: Some(Frame::default()),
        }
    }

    #[test]
    fn a_short_frame_never_splits_what_the_rules_keep_together() {
        // Three lines that may not part (a two-line item and its keep), in a first
        // frame of 25 pt (under a title), then frames of 40 pt.
        let chunks = [chunk(true, true), chunk(false, false), chunk(false, false)];
        let height = |i: usize| Some(if i == 0 { 25.0 } else { 40.0 });
        let (frames, end) = fill(&chunks, 0..3, 40.0, "column", Breaks::Any, height).expect("fits");
        assert_eq!((frames, end), (vec![0..0, 0..3], 3));
        // Taller than a full frame, it has to break where it overflows.
        let (frames, _) =
            fill(&chunks, 0..3, 25.0, "column", Breaks::Any, |_| Some(25.0)).expect("fits");
        assert_eq!(frames, vec![0..2, 2..3]);
    }

    #[test]
    fn columns_balance_by_whole_blocks_first() {
        // A two-line item, then a six-line paragraph that may break after its second,
        // third or fourth line.
        let mut chunks = vec![chunk(true, true), chunk(false, false)];
        chunks.extend([
            chunk(true, true),
            chunk(false, false),
            chunk(true, false),
            chunk(true, false),
            chunk(true, false),
            chunk(false, false),
        ]);
        // Split inside the paragraph the columns would be 40 and 40 pt; whole, 20 and
        // 60 pt, in columns of 100 pt that stay more than half empty either way.
        assert_eq!(balance(&chunks, 0..8, 8, 100.0), (0..2, 2..8));
        // In columns of 70 pt, 60 is far worse than 40 in columns over half full.
        assert_eq!(balance(&chunks, 0..8, 8, 70.0), (0..4, 4..8));
    }

    #[test]
    fn a_list_stays_whole_in_half_empty_columns() {
        // A two-line paragraph, then a list of three two-line items.
        let item = Chunk {
            group_start: false,
            ..chunk(true, true)
        };
        let mut chunks = vec![chunk(true, true), chunk(false, false)];
        chunks.extend([chunk(true, true), chunk(false, false)]);
        chunks.extend([item, chunk(false, false)]);
        chunks.push(Chunk {
            group_start: false,
            ..chunk(true, true)
        });
        chunks.push(chunk(false, false));
        // Items apart, 40 and 40 pt; the list whole, 20 and 60 pt.
        assert_eq!(balance(&chunks, 0..8, 8, 100.0), (0..2, 2..8));
    }
}
