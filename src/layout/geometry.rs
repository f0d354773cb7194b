//! Where things go on the sheet: paper, margins, content box, columns or tri-fold
//! panels, the footer's and the draft notice's baselines, and the page budget, all
//! computed once from the [`PrintForm`]. Typography lives in [`super::Style`].

#![warn(missing_docs)]

use super::form::{Imposition, PaperSize, PrintForm};
use super::panels::Panels;
use super::style::MM;

/// Paper size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
}

impl Paper {
    /// ISO A4, portrait.
    pub const A4: Paper = Paper {
        width: 210.0 * MM,
        height: 297.0 * MM,
    };
    /// US Letter, portrait.
    pub const LETTER: Paper = Paper {
        width: 612.0,
        height: 792.0,
    };
    /// ISO A5, portrait.
    pub const A5: Paper = Paper {
        width: 148.0 * MM,
        height: 210.0 * MM,
    };
}

/// Insets of the content from the paper's edges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// From the top edge.
    pub top: f32,
    /// From the bottom edge.
    pub bottom: f32,
    /// From the left edge.
    pub left: f32,
    /// From the right edge.
    pub right: f32,
}

/// A rectangle, `y` measured down from the paper's top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge, down from the paper's top.
    pub y: f32,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
}

/// A horizontal range: a column's left edge and width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Left edge.
    pub x: f32,
    /// Width in points.
    pub width: f32,
}

/// The page geometry of one print form.
///
/// `content`, `measure`, `title_measure` and `frames` follow from the
/// paper, the margins and the column gap; change the margins with
/// [`Geometry::with_margins`] so that they stay in step.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// The print form this geometry is of.
    pub form: PrintForm,
    /// The sheet as printed: landscape for a tri-fold.
    pub paper: Paper,
    /// Insets of the content box.
    pub margins: Margins,
    /// Space between the two columns.
    pub column_gap: f32,
    /// Distance of the footer baseline from the paper's bottom edge.
    pub footer_baseline: f32,
    /// Baseline of the draft notice, from the paper's top edge.
    pub notice_baseline: f32,
    /// Most pages the layout may take; more is an error that says by how much.
    pub max_pages: Option<usize>,
    /// The area inside the margins.
    pub content: Rect,
    /// Width of the text column (of one column, or of one tri-fold panel).
    pub measure: f32,
    /// Width the title is set at: across both columns in a two-column layout.
    pub title_measure: f32,
    /// The frames the text runs through: one column, two, or the tri-fold's panels.
    pub frames: Frames,
}

/// The frames of a page (or sheet) the text runs through.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Frames {
    /// One column, the width of the content box.
    Single(Span),
    /// Two columns, left to right.
    Columns([Span; 2]),
    /// The six panels and two folds of a tri-fold.
    Panels(Panels),
}

impl Geometry {
    /// The geometry of `form`. Letter has 1 in side margins, A5 and large print
    /// narrower ones; two columns take at most 18 mm; a tri-fold turns the sheet and
    /// its panels carry their own insets (≥ 6.35 mm from the edge, ≥ 3 mm from a fold).
    pub fn for_form(form: &PrintForm) -> Geometry {
        let mut paper = Paper::A4;
        let mut m = Margins {
            top: 18.0 * MM,
            bottom: 24.0 * MM,
            left: 25.0 * MM,
            right: 25.0 * MM,
        };
        let mut footer_baseline = 15.0 * MM;
        let mut notice_baseline = 14.0 * MM;
        // A leaflet is one sheet printed on both sides; A5 is a folded A4 sheet, so
        // it may take four pages.
        let mut max_pages = 2;
        match form.paper() {
            PaperSize::A4 => {}
            PaperSize::Letter => {
                paper = Paper::LETTER;
                m.left = 1.0 * 72.0;
                m.right = 1.0 * 72.0;
            }
            PaperSize::A5 => {
                paper = Paper::A5;
                m.left = 15.0 * MM;
                m.right = 15.0 * MM;
                m.top = 16.0 * MM;
                m.bottom = 22.0 * MM;
                footer_baseline = 14.0 * MM;
                notice_baseline = 12.5 * MM;
                max_pages = 4;
            }
        }
        if form.large_print() {
            m.left = m.left.min(20.0 * MM);
            m.right = m.right.min(20.0 * MM);
            footer_baseline = 13.0 * MM;
            m.bottom = 26.0 * MM;
            // Type 1.4 times larger takes about twice the pages (the German
            // leaflet: 2 → 4 on A4, 3 → 7 on A5); four times the regular limit leaves
            // room for longer languages and still refuses a runaway input early.
            max_pages *= 4;
        }
        match form.imposition() {
            Imposition::Single => {}
            Imposition::TwoColumn => {
                m.left = m.left.min(18.0 * MM);
                m.right = m.right.min(18.0 * MM);
            }
            Imposition::TriFold => {
                paper = Paper {
                    width: paper.height,
                    height: paper.width,
                };
                // The back panel carries the revision line.
                m.top = 18.0 * MM;
                m.bottom = 12.0 * MM;
                notice_baseline = 10.5 * MM;
                max_pages = 2;
            }
        }
        let mut g = Geometry {
            form: *form,
            paper,
            margins: m,
            column_gap: 8.0 * MM,
            footer_baseline,
            notice_baseline,
            max_pages: Some(max_pages),
            content: Rect {
                x: 0.0,
                y: 0.0,
                width: 0.0,
                height: 0.0,
            },
            measure: 0.0,
            title_measure: 0.0,
            frames: Frames::Single(Span { x: 0.0, width: 0.0 }),
        };
        g.derive();
        g
    }

    /// This geometry with other margins (and what follows from them).
    pub fn with_margins(mut self, margins: Margins) -> Geometry {
        self.margins = margins;
        self.derive();
        self
    }

    /// Height the print form holds at most: all its pages' columns or panels full (the
    /// tri-fold's cover included); unlimited without a page limit.
    pub fn capacity(&self) -> f32 {
        let frames_per_page = match self.form.imposition() {
            Imposition::Single => 1.0,
            Imposition::TwoColumn => 2.0,
            Imposition::TriFold => 3.0,
        };
        self.max_pages.map_or(f32::INFINITY, |pages| {
            pages as f32 * frames_per_page * self.content.height
        })
    }

    /// The tri-fold's panels, if the form is one.
    pub fn panels(&self) -> Option<Panels> {
        match self.frames {
            Frames::Panels(p) => Some(p),
            _ => None,
        }
    }

    /// Recomputes the content box, measures, columns and panels.
    fn derive(&mut self) {
        let (p, m) = (self.paper, self.margins);
        self.content = Rect {
            x: m.left,
            y: m.top,
            width: p.width - m.left - m.right,
            height: p.height - m.top - m.bottom,
        };
        let full = self.content.width;
        match self.form.imposition() {
            Imposition::Single => {
                self.measure = full;
                self.title_measure = full;
                self.frames = Frames::Single(Span {
                    x: m.left,
                    width: full,
                });
            }
            Imposition::TwoColumn => {
                let measure = (full - self.column_gap) / 2.0;
                self.measure = measure;
                self.title_measure = full;
                let left = Span {
                    x: m.left,
                    width: measure,
                };
                let right = Span {
                    x: m.left + measure + self.column_gap,
                    width: measure,
                };
                self.frames = Frames::Columns([left, right]);
            }
            Imposition::TriFold => {
                // From the paper the form names, never guessed from a width.
                let panels = Panels::new(p.width, self.form.paper());
                self.measure = panels.text_width();
                self.title_measure = self.measure;
                self.frames = Frames::Panels(panels);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_columns_fill_the_content_box() {
        let form = PrintForm::new(PaperSize::A5, true, Imposition::TwoColumn);
        let g = Geometry::for_form(&form);
        let Frames::Columns([l, r]) = g.frames else {
            panic!("{:?}", g.frames);
        };
        assert!((r.x + r.width - (g.content.x + g.content.width)).abs() < 0.01);
        assert!((r.x - (l.x + l.width) - g.column_gap).abs() < 0.01);
        assert_eq!(g.max_pages, Some(16));
    }

    #[test]
    fn a_trifold_turns_the_sheet() {
        let form = PrintForm::new(PaperSize::Letter, false, Imposition::TriFold);
        let g = Geometry::for_form(&form);
        assert_eq!((g.paper.width, g.paper.height), (792.0, 612.0));
        assert!(matches!(g.frames, Frames::Panels(_)), "{:?}", g.frames);
    }
}
