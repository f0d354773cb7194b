//! All typographic decisions in one place. Content files carry no layout knobs.
//!
//! Defaults follow ../shared/DOMAIN.md: body 12 pt (RNIB clear print; ≥ 10 pt for US
//! Medication Guides), line spacing ≥ 1.4 and ≥ 3 mm (EU readability guideline),
//! ragged-right text, about 80 characters per line (WCAG 1.4.8), bold (not italics or capitals) for emphasis, and
//! colours with ≥ 4.5:1 contrast against the background they sit on.

use super::form::{Imposition, PaperSize, PrintForm};
use super::inline::linebreak::Mode;
use super::inline::TextStyle;
use super::page::Rgb;

pub const MM: f32 = 72.0 / 25.4;

impl Style {
    /// The typography of print form `form`.
    ///
    /// A5 sets 11 pt body text. Large print (RNIB: 16–18 pt) sets body text at 17 pt
    /// with 1.5 line spacing. Two columns take the denser type of [`Style::compact`];
    /// a tri-fold keeps the body size while it fits its panels.
    pub fn for_form(form: &PrintForm) -> Style {
        let mut s = Style::default();
        if form.paper() == PaperSize::A5 {
            s.body_size = 11.0;
            s.body_leading = 15.5;
            s.title_size = 18.0;
            s.title_leading = 22.0;
            s.heading_size = 13.0;
            s.heading_leading = 16.5;
        }
        if form.large_print() {
            s.body_size = 17.0;
            s.body_leading = 25.5;
            s.paragraph_gap = 10.0;
            s.list_indent = 22.0;
            s.list_item_gap = 3.0;
            s.title_size = 28.0;
            s.title_leading = 34.0;
            s.heading_size = 21.0;
            s.heading_leading = 27.0;
            s.heading_gap_before = 16.0;
            s.box_padding = 12.0;
            s.box_accent_width = 6.0;
            s.disclaimer_size = 16.0;
            s.disclaimer_leading = 24.0;
            s.footer_size = 12.0;
            s.notice_size = 16.0;
        }
        match form.imposition() {
            Imposition::Single => s,
            Imposition::TwoColumn => {
                if s.body_size <= 16.0 {
                    // A title across both columns fits one line more often at 20 pt.
                    s.title_size = s.title_size.min(20.0);
                    s.title_leading = s.title_leading.min(24.0);
                }
                let mut s = s.compact();
                if form.paper() == PaperSize::Letter {
                    // US Medication Guides: no text under 10 pt on Letter.
                    s.disclaimer_size = s.disclaimer_size.max(10.0);
                    s.disclaimer_leading = s.disclaimer_leading.max(14.0);
                }
                s
            }
            Imposition::TriFold => {
                s.qr_size = s.qr_size.min(22.0 * MM);
                if s.body_size <= 16.0 {
                    s.title_size = 24.0;
                    s.title_leading = 29.0;
                    s.heading_size = s.heading_size.min(13.5);
                    s.heading_leading = s.heading_leading.min(17.0);
                }
                s
            }
        }
    }

    /// The same typography with every line spacing multiplied by `k`: scripts that
    /// reach far above and below the baseline (Nastaliq, Myanmar, Khmer) need it so
    /// that lines do not touch.
    pub fn with_leading_scale(mut self, k: f32) -> Style {
        for leading in [
            &mut self.body_leading,
            &mut self.title_leading,
            &mut self.heading_leading,
            &mut self.disclaimer_leading,
            &mut self.heading_gap_before,
        ] {
            *leading = (*leading * k * 10.0).round() / 10.0;
        }
        self
    }

    /// Denser type for narrow columns: 11 pt body (above the 10 pt floor) so that a
    /// column holds 40–50 characters. Large print stays large.
    pub fn compact(mut self) -> Style {
        if self.body_size > 16.0 {
            return self;
        }
        self.body_size = self.body_size.min(11.0);
        self.body_leading = self.body_leading.min(15.5);
        self.heading_size = self.heading_size.min(13.0);
        self.heading_leading = self.heading_leading.min(16.5);
        self.heading_gap_before = self.heading_gap_before.min(9.0);
        self.box_padding = self.box_padding.min(7.0);
        self.disclaimer_size = self.disclaimer_size.min(9.5);
        self.disclaimer_leading = self.disclaimer_leading.min(13.5);
        // About 2 × 2 cm (DOMAIN.md); modules stay ≥ 0.4 mm for a short address.
        self.qr_size = self.qr_size.min(20.0 * MM);
        self
    }
}

/// The typography of a leaflet: sizes, leading, gaps and colours. Where things sit on
/// the sheet is its [`super::Geometry`].
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub footer_size: f32,
    /// The draft notice: content a reader must see, so never under the body's
    /// guideline (10 pt; 16 pt in large print).
    pub notice_size: f32,
    /// Printed size of the QR code including its quiet zone.
    pub qr_size: f32,
    /// Gap between the QR code and the address beside it.
    pub qr_gap: f32,
    /// Height of the clinic's logo above the title.
    pub logo_height: f32,
    /// Largest share of the content height an image may take.
    pub image_max_height: f32,
    /// Distance of a list bullet from the start edge of its item's indent.
    pub bullet_inset: f32,
    /// Width of the warning box's border and of the rule above the disclaimer.
    pub rule_width: f32,
    /// Space between the rule above the disclaimer and its first line.
    pub disclaimer_rule_gap: f32,
    /// Fold marks run from this distance from the sheet's top and bottom edges …
    pub fold_mark_from: f32,
    /// … to this one.
    pub fold_mark_to: f32,
    /// Width of the fold marks.
    pub fold_mark_width: f32,

    pub body_size: f32,
    pub body_leading: f32,
    pub body_mode: Mode,
    /// First-fit instead of total-fit line breaking for running text (comparisons only).
    pub body_first_fit: bool,
    pub paragraph_gap: f32,
    pub list_indent: f32,
    pub list_item_gap: f32,

    pub title_size: f32,
    pub title_leading: f32,
    pub title_gap_after: f32,
    pub heading_size: f32,
    pub heading_leading: f32,
    pub heading_gap_before: f32,
    pub heading_gap_after: f32,

    pub box_padding: f32,
    pub box_accent_width: f32,
    pub box_gap: f32,

    pub disclaimer_size: f32,
    pub disclaimer_leading: f32,
    pub disclaimer_gap_before: f32,

    pub text_color: Rgb,
    pub accent: Rgb,
    pub muted: Rgb,
    pub box_fill: Rgb,
    pub box_accent: Rgb,
    pub box_heading: Rgb,
    pub notice: Rgb,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            // 9 pt: the EU readability guideline's smallest size, which the footer's
            // revision date is held to like any text (`handout check`, HC301); the
            // draft notice is set 1 pt larger, 10 pt, the US Medication Guide size.
            footer_size: 9.0,
            notice_size: 10.0,
            qr_size: 24.0 * MM,
            qr_gap: 2.0 * MM,
            logo_height: 14.0 * MM,
            image_max_height: 0.4,
            bullet_inset: 3.0,
            rule_width: 0.75,
            disclaimer_rule_gap: 7.0,
            // Outside the 6.35 mm an office printer cannot reach, inside the 12 mm top
            // and bottom margins of the tri-fold.
            fold_mark_from: 6.5 * MM,
            fold_mark_to: 11.0 * MM,
            fold_mark_width: 0.5,

            body_size: 12.0,
            body_leading: 17.0,
            body_mode: Mode::RaggedRight,
            body_first_fit: false,
            paragraph_gap: 6.0,
            list_indent: 16.0,
            list_item_gap: 1.5,

            title_size: 22.0,
            title_leading: 27.0,
            title_gap_after: 10.0,
            heading_size: 14.5,
            heading_leading: 18.5,
            heading_gap_before: 11.0,
            heading_gap_after: 3.0,

            box_padding: 9.0,
            box_accent_width: 4.0,
            box_gap: 12.0,

            disclaimer_size: 10.5,
            disclaimer_leading: 15.0,
            disclaimer_gap_before: 14.0,

            // Contrast on white: text 21:1, accent #1F4E79 8.6:1, muted #3D3D3D 11:1.
            text_color: Rgb::BLACK,
            accent: Rgb::hex(0x1F4E79),
            muted: Rgb::hex(0x3D3D3D),
            // Box: heading #7A2E0E on #FFF3E0 is 8.7:1; body text black on it 19:1.
            box_fill: Rgb::hex(0xFFF3E0),
            box_accent: Rgb::hex(0xC2570C),
            box_heading: Rgb::hex(0x7A2E0E),
            // #B00020 on white: 6.9:1.
            notice: Rgb::hex(0xB00020),
        }
    }
}

/// The text styles of the leaflet's parts, derived from one [`Style`].
impl Style {
    fn text(&self, size: f32, leading: f32, color: Rgb) -> TextStyle {
        TextStyle {
            size,
            leading,
            color,
            bold: false,
            mode: Mode::RaggedRight,
            hyphenate: false,
            balance: false,
            first_fit: false,
        }
    }

    /// Running text: the body mode, hyphenated.
    pub fn body_text(&self) -> TextStyle {
        TextStyle {
            mode: self.body_mode,
            hyphenate: true,
            first_fit: self.body_first_fit,
            ..self.text(self.body_size, self.body_leading, self.text_color)
        }
    }

    /// Bold, balanced, never hyphenated.
    pub fn heading_text(&self, color: Rgb) -> TextStyle {
        TextStyle {
            bold: true,
            balance: true,
            ..self.text(self.heading_size, self.heading_leading, color)
        }
    }

    pub fn title_text(&self) -> TextStyle {
        TextStyle {
            bold: true,
            balance: true,
            ..self.text(self.title_size, self.title_leading, self.accent)
        }
    }

    pub fn disclaimer_text(&self) -> TextStyle {
        TextStyle {
            mode: self.body_mode,
            hyphenate: true,
            ..self.text(self.disclaimer_size, self.disclaimer_leading, self.muted)
        }
    }

    /// Generated lines (online address): muted, not hyphenated.
    pub fn note_text(&self) -> TextStyle {
        self.text(self.disclaimer_size, self.disclaimer_leading, self.muted)
    }

    /// The draft notice: bold, in the warning red.
    pub fn notice_text(&self) -> TextStyle {
        TextStyle {
            bold: true,
            ..self.text(self.notice_size, self.notice_size * 1.3, self.notice)
        }
    }

    pub fn footer_text(&self) -> TextStyle {
        self.text(self.footer_size, self.footer_size * 1.3, self.muted)
    }
}
