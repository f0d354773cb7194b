//! What the print checks read of a laid-out page: its runs of text and its filled
//! rectangles, placed on the page, in drawing order.
//!
//! They are read by walking the page's frames and borrowing the runs, rather than
//! through `Page::elements`, which copies every shape (each run's glyphs and text)
//! only for the checks to read a few numbers of it: that copy cost as much as the
//! checks. The places are computed as `elements` computes them (`Placed::at`), to the
//! same bits.

use crate::layout::{GlyphRun, Page, Rgb, Role, Shape};

/// A run of text with at least one glyph.
pub struct Run<'a> {
    pub role: Role,
    /// Its logical block (`usize::MAX` for furniture).
    pub block: usize,
    /// Where it starts and its baseline, on the page.
    pub x: f32,
    pub baseline: f32,
    /// The run itself (its size, colour, glyphs and text; its own `x` and
    /// `baseline` are in the coordinates of the frame that holds it).
    pub run: &'a GlyphRun,
}

/// A filled rectangle on the page: x, y, width, height and fill.
pub type Fill = (f32, f32, f32, f32, Rgb);

/// One page as the checks read it.
#[derive(Default)]
pub struct PageModel<'a> {
    pub runs: Vec<Run<'a>>,
    pub fills: Vec<Fill>,
}

impl<'a> PageModel<'a> {
    pub fn of(page: &'a Page) -> PageModel<'a> {
        let mut model = PageModel::default();
        page.frame.walk(&mut |placed| match placed.shape {
            Shape::Glyphs(run) if !run.glyphs.is_empty() => {
                let (x, baseline) = placed.at(run.x, run.baseline);
                model.runs.push(Run {
                    role: placed.role,
                    block: placed.block,
                    x,
                    baseline,
                    run,
                });
            }
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill: Some(fill),
                ..
            } => {
                let (x, y) = placed.at(*x, *y);
                model.fills.push((x, y, *w, *h, *fill));
            }
            _ => {}
        });
        model
    }

    /// The page model of elements already placed on the page (hand-made pages of
    /// the tests).
    #[cfg(test)]
    pub fn of_elements(elements: &'a [crate::layout::Element]) -> PageModel<'a> {
        let mut model = PageModel::default();
        for e in elements {
            match &e.shape {
                Shape::Glyphs(run) if !run.glyphs.is_empty() => model.runs.push(Run {
                    role: e.role,
                    block: e.block,
                    x: run.x,
                    baseline: run.baseline,
                    run,
                }),
                Shape::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: Some(fill),
                    ..
                } => model.fills.push((*x, *y, *w, *h, *fill)),
                _ => {}
            }
        }
        model
    }
}
