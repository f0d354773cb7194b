//! Tri-fold imposition (../shared/DOMAIN.md): one landscape sheet printed on both sides
//! and folded in three. The fold-in panel is narrower so that it nests (A4: 100/100/97
//! mm; Letter: 3.6875/3.6875/3.625 in).
//!
//! Outside, left to right: flap (narrow) | back | cover. Inside: first | middle | last
//! (narrow). Patients read cover → flap → the three inside panels → back, and
//! right-to-left locales mirror the whole sheet.

use super::style::{Style, MM};

/// A panel of the folded leaflet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Cover,
    Flap,
    InsideFirst,
    InsideMiddle,
    InsideLast,
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
    pub x: f32,
    pub width: f32,
}

/// Width of the two wide panels and of the narrow fold-in one.
fn widths(style: &Style) -> (f32, f32) {
    // The narrow panel is shorter by the nesting allowance: 1/16 in on Letter, 3 mm
    // elsewhere; then wide = (sheet + allowance) / 3.
    let w = style.paper.width;
    let allowance = if (w - 792.0).abs() < 1.0 {
        72.0 / 16.0
    } else {
        3.0 * MM
    };
    let wide = (w + allowance) / 3.0;
    (wide, w - 2.0 * wide)
}

/// The text width of every panel: the narrow panel's, so that text set once fits all.
pub fn text_width(style: &Style) -> f32 {
    widths(style).1 - 2.0 * INSET
}

/// Where `panel` lies, mirrored for right-to-left locales.
pub fn panel_box(style: &Style, panel: Panel, rtl: bool) -> PanelBox {
    let (wide, narrow) = widths(style);
    let (page, x, width) = match panel {
        Panel::Flap => (0, 0.0, narrow),
        Panel::Back => (0, narrow, wide),
        Panel::Cover => (0, narrow + wide, wide),
        Panel::InsideFirst => (1, 0.0, wide),
        Panel::InsideMiddle => (1, wide, wide),
        Panel::InsideLast => (1, 2.0 * wide, narrow),
    };
    let x = if rtl {
        style.paper.width - x - width
    } else {
        x
    };
    PanelBox { page, x, width }
}

impl PanelBox {
    /// Left edge of the panel's text.
    pub fn text_x(&self, style: &Style) -> f32 {
        self.x + (self.width - text_width(style)) / 2.0
    }
}

/// The x positions of the two folds on `page`.
pub fn folds(style: &Style, page: usize, rtl: bool) -> Vec<f32> {
    let mut xs: Vec<f32> = READING_ORDER
        .iter()
        .map(|p| panel_box(style, *p, rtl))
        .filter(|b| b.page == page && b.x > 1.0)
        .map(|b| b.x)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::style::{Imposition, PaperSize};

    fn mm(v: f32) -> f32 {
        (v / MM * 100.0).round() / 100.0
    }

    #[test]
    fn a4_panels_are_100_100_97_mm_and_mirror_for_rtl() {
        let s = Style::for_print(PaperSize::A4, false).with_imposition(Imposition::TriFold);
        let flap = panel_box(&s, Panel::Flap, false);
        let cover = panel_box(&s, Panel::Cover, false);
        assert_eq!((flap.page, mm(flap.x), mm(flap.width)), (0, 0.0, 97.0));
        assert_eq!((mm(cover.x), mm(cover.width)), (197.0, 100.0));
        let last = panel_box(&s, Panel::InsideLast, false);
        assert_eq!((last.page, mm(last.x), mm(last.width)), (1, 200.0, 97.0));
        assert_eq!(mm(panel_box(&s, Panel::Cover, true).x), 0.0);
        assert_eq!(mm(panel_box(&s, Panel::Flap, true).x), 200.0);
        let folds: Vec<f32> = folds(&s, 0, false).into_iter().map(mm).collect();
        assert_eq!(folds, vec![97.0, 197.0]);
    }

    #[test]
    fn letter_panels_are_3_6875_and_3_625_inches() {
        let s = Style::for_print(PaperSize::Letter, false).with_imposition(Imposition::TriFold);
        let b = panel_box(&s, Panel::Back, false);
        let f = panel_box(&s, Panel::Flap, false);
        assert!((b.width / 72.0 - 3.6875).abs() < 1e-4, "{}", b.width / 72.0);
        assert!((f.width / 72.0 - 3.625).abs() < 1e-4, "{}", f.width / 72.0);
    }
}
