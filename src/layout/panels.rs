//! Tri-fold imposition (../shared/DOMAIN.md): one landscape sheet printed on both sides
//! and folded in three. The fold-in panel is narrower so that it nests (A4: 100/100/97
//! mm; Letter: 3.6875/3.6875/3.625 in).
//!
//! Outside, left to right: flap (narrow) | back | cover. Inside: first | middle | last
//! (narrow). Patients read cover → flap → the three inside panels → back, and
//! right-to-left locales mirror the whole sheet.

use super::form::PaperSize;
use super::style::MM;

/// A panel of the folded leaflet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// Outside, right: the title.
    Cover,
    /// Outside, left: the narrow fold-in panel.
    Flap,
    /// Inside, left.
    InsideFirst,
    /// Inside, middle.
    InsideMiddle,
    /// Inside, right (narrow).
    InsideLast,
    /// Outside, middle: the closing lines and the revision.
    Back,
}

/// The order in which a patient reads the panels.
pub const READING_ORDER: [Panel; 6] = [
    Panel::Cover,
    Panel::Flap,
    Panel::InsideFirst,
    Panel::InsideMiddle,
    Panel::InsideLast,
    Panel::Back,
];

/// Space between a panel's edges (paper edge or fold) and its text: ≥ 6.35 mm from
/// the paper edge that office printers cannot reach, ≥ 3 mm from a fold.
const INSET: f32 = 8.0 * MM;

/// Where a panel lies on the sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelBox {
    /// 0: the outside (cover) side, 1: the inside.
    pub page: usize,
    /// Left edge on the sheet.
    pub x: f32,
    /// Width in points.
    pub width: f32,
    /// Left edge of the panel's text.
    pub text_x: f32,
}

/// The panels of one tri-fold sheet (part of its [`super::Geometry`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Panels {
    /// Width of the landscape sheet.
    sheet: f32,
    wide: f32,
    narrow: f32,
}

impl Panels {
    /// The panels of a landscape sheet `sheet` points wide, cut from `paper`.
    pub fn new(sheet: f32, paper: PaperSize) -> Panels {
        // The narrow panel is shorter by the nesting allowance: 1/16 in on Letter, 3 mm
        // elsewhere; then wide = (sheet + allowance) / 3.
        let allowance = match paper {
            PaperSize::Letter => 72.0 / 16.0,
            PaperSize::A4 | PaperSize::A5 => 3.0 * MM,
        };
        let wide = (sheet + allowance) / 3.0;
        Panels {
            sheet,
            wide,
            narrow: sheet - 2.0 * wide,
        }
    }

    /// The text width of every panel: the narrow panel's, so that text set once fits all.
    pub fn text_width(&self) -> f32 {
        self.narrow - 2.0 * INSET
    }

    /// Where `panel` lies, mirrored for right-to-left locales.
    pub fn panel_box(&self, panel: Panel, rtl: bool) -> PanelBox {
        let (wide, narrow) = (self.wide, self.narrow);
        let (page, x, width) = match panel {
            Panel::Flap => (0, 0.0, narrow),
            Panel::Back => (0, narrow, wide),
            Panel::Cover => (0, narrow + wide, wide),
            Panel::InsideFirst => (1, 0.0, wide),
            Panel::InsideMiddle => (1, wide, wide),
            Panel::InsideLast => (1, 2.0 * wide, narrow),
        };
        let x = if rtl { self.sheet - x - width } else { x };
        PanelBox {
            page,
            x,
            width,
            text_x: x + (width - self.text_width()) / 2.0,
        }
    }

    /// The x positions of the two folds on `page`.
    pub fn folds(&self, page: usize, rtl: bool) -> Vec<f32> {
        let mut xs: Vec<f32> = READING_ORDER
            .iter()
            .map(|p| self.panel_box(*p, rtl))
            .filter(|b| b.page == page && b.x > 1.0)
            .map(|b| b.x)
            .collect();
        xs.sort_by(f32::total_cmp);
        xs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::form::{Imposition, PrintForm};
    use crate::layout::Geometry;

    fn mm(v: f32) -> f32 {
        (v / MM * 100.0).round() / 100.0
    }

    fn panels(paper: PaperSize) -> Panels {
        let form = PrintForm::new(paper, false, Imposition::TriFold);
        Geometry::for_form(&form)
            .panels()
            .expect("a tri-fold has panels")
    }

    #[test]
    fn a4_panels_are_100_100_97_mm_and_mirror_for_rtl() {
        let s = panels(PaperSize::A4);
        let flap = s.panel_box(Panel::Flap, false);
        let cover = s.panel_box(Panel::Cover, false);
        assert_eq!((flap.page, mm(flap.x), mm(flap.width)), (0, 0.0, 97.0));
        assert_eq!((mm(cover.x), mm(cover.width)), (197.0, 100.0));
        let last = s.panel_box(Panel::InsideLast, false);
        assert_eq!((last.page, mm(last.x), mm(last.width)), (1, 200.0, 97.0));
        assert_eq!(mm(s.panel_box(Panel::Cover, true).x), 0.0);
        assert_eq!(mm(s.panel_box(Panel::Flap, true).x), 200.0);
        let folds: Vec<f32> = s.folds(0, false).into_iter().map(mm).collect();
        assert_eq!(folds, vec![97.0, 197.0]);
    }

    #[test]
    fn letter_panels_are_3_6875_and_3_625_inches() {
        let s = panels(PaperSize::Letter);
        let b = s.panel_box(Panel::Back, false);
        let f = s.panel_box(Panel::Flap, false);
        assert!((b.width / 72.0 - 3.6875).abs() < 1e-4, "{}", b.width / 72.0);
        assert!((f.width / 72.0 - 3.625).abs() < 1e-4, "{}", f.width / 72.0);
    }
}
