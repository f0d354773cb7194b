//! All typographic decisions in one place. Content files carry no layout knobs.
//!
//! Defaults follow ../shared/DOMAIN.md: body 12 pt (RNIB clear print; ≥ 10 pt for US
//! Medication Guides), line spacing ≥ 1.4 and ≥ 3 mm (EU readability guideline),
//! ragged-right text, about 80 characters per line (WCAG 1.4.8), bold (not italics or capitals) for emphasis, and
//! colours with ≥ 4.5:1 contrast against the background they sit on.

use super::linebreak::Mode;
use super::page::Rgb;
use super::paragraph::TextStyle;

pub const MM: f32 = 72.0 / 25.4;

/// Paper size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub const A4: Paper = Paper {
        width: 210.0 * MM,
        height: 297.0 * MM,
    };
    pub const LETTER: Paper = Paper {
        width: 612.0,
        height: 792.0,
    };
    pub const A5: Paper = Paper {
        width: 148.0 * MM,
        height: 210.0 * MM,
    };
}

/// How the content is placed on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Imposition {
    /// One column per portrait page.
    #[default]
    Single,
    /// Two balanced columns per portrait page, the title across both.
    TwoColumn,
    /// One landscape sheet printed on both sides and folded in three (see `trifold.rs`).
    TriFold,
}

/// The paper sizes clinics print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperSize {
    #[default]
    A4,
    Letter,
    A5,
}

impl Style {
    /// The style for a paper size, in regular or large print.
    ///
    /// Large print (RNIB: 16–18 pt) sets body text at 17 pt with 1.5 line spacing; A5
    /// is a folded A4 sheet, so it may take four pages.
    pub fn for_print(paper: PaperSize, large_print: bool) -> Style {
        let mut s = Style {
            paper_size: paper,
            large_print,
            ..Style::default()
        };
        match paper {
            PaperSize::A4 => {}
            PaperSize::Letter => {
                s.paper = Paper::LETTER;
                s.margin_left = 1.0 * 72.0;
                s.margin_right = 1.0 * 72.0;
            }
            PaperSize::A5 => {
                s.paper = Paper::A5;
                s.margin_left = 15.0 * MM;
                s.margin_right = 15.0 * MM;
                s.margin_top = 16.0 * MM;
                s.margin_bottom = 22.0 * MM;
                s.footer_baseline = 14.0 * MM;
                s.notice_baseline = 12.5 * MM;
                s.body_size = 11.0;
                s.body_leading = 15.5;
                s.title_size = 18.0;
                s.title_leading = 22.0;
                s.heading_size = 13.0;
                s.heading_leading = 16.5;
                s.max_pages = Some(4);
            }
        }
        if large_print {
            s.margin_left = s.margin_left.min(20.0 * MM);
            s.margin_right = s.margin_right.min(20.0 * MM);
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
            s.footer_baseline = 13.0 * MM;
            s.margin_bottom = 26.0 * MM;
            // Type 1.4 times larger takes about twice the pages (the German
            // leaflet: 2 → 4 on A4, 3 → 7 on A5); four times the regular limit leaves
            // room for longer languages and still refuses a runaway input early.
            s.max_pages = s.max_pages.map(|p| 4 * p);
        }
        s
    }

    /// The print form in words, for messages: "A4", "Letter large print",
    /// "A5 two-column", "A4 tri-fold".
    pub fn form_name(&self) -> String {
        let mut name = match self.paper_size {
            PaperSize::A4 => "A4",
            PaperSize::Letter => "Letter",
            PaperSize::A5 => "A5",
        }
        .to_string();
        if self.large_print {
            name.push_str(" large print");
        }
        match self.imposition {
            Imposition::Single => {}
            Imposition::TwoColumn => name.push_str(" two-column"),
            Imposition::TriFold => name.push_str(" tri-fold"),
        }
        name
    }

    /// This style re-laid for `imposition`. Two columns take the denser type of
    /// [`Style::compact`]; a tri-fold keeps the body size while it fits its panels.
    pub fn with_imposition(mut self, imposition: Imposition) -> Style {
        self.imposition = imposition;
        match imposition {
            Imposition::Single => self,
            Imposition::TwoColumn => {
                self.margin_left = self.margin_left.min(18.0 * MM);
                self.margin_right = self.margin_right.min(18.0 * MM);
                if self.body_size <= 16.0 {
                    // A title across both columns fits one line more often at 20 pt.
                    self.title_size = self.title_size.min(20.0);
                    self.title_leading = self.title_leading.min(24.0);
                }
                self.compact()
            }
            Imposition::TriFold => {
                // Landscape sheet; the panels carry their own insets (≥ 6.35 mm from
                // the edge, ≥ 3 mm from a fold), and the back panel the revision line.
                self.paper = Paper {
                    width: self.paper.height,
                    height: self.paper.width,
                };
                self.margin_top = 18.0 * MM;
                self.margin_bottom = 12.0 * MM;
                self.notice_baseline = 10.5 * MM;
                self.qr_size = self.qr_size.min(22.0 * MM);
                self.max_pages = Some(2);
                if self.body_size <= 16.0 {
                    self.title_size = 24.0;
                    self.title_leading = 29.0;
                    self.heading_size = self.heading_size.min(13.5);
                    self.heading_leading = self.heading_leading.min(17.0);
                }
                self
            }
        }
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

    /// Suffix of output names for this print form: "" for A4, ".letter",
    /// ".a5.large", ".letter.trifold", ".trifold.fold-marks"…
    ///
    /// Every option that changes the PDF changes the name, so two print forms built
    /// into one folder never overwrite each other.
    pub fn variant(
        paper: PaperSize,
        large_print: bool,
        imposition: Imposition,
        fold_marks: bool,
    ) -> String {
        let mut v = match paper {
            PaperSize::A4 => String::new(),
            PaperSize::Letter => ".letter".into(),
            PaperSize::A5 => ".a5".into(),
        };
        if large_print {
            v.push_str(".large");
        }
        match imposition {
            Imposition::Single => {}
            Imposition::TwoColumn => v.push_str(".two-column"),
            Imposition::TriFold => v.push_str(".trifold"),
        }
        if fold_marks {
            v.push_str(".fold-marks");
        }
        v
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub paper: Paper,
    /// The paper size and print the style was made for (see [`Style::for_print`]);
    /// `paper` holds its dimensions (turned for a tri-fold).
    pub paper_size: PaperSize,
    pub large_print: bool,
    pub imposition: Imposition,
    /// Space between the two columns.
    pub column_gap: f32,
    /// Short fold lines in the margins of a tri-fold.
    pub fold_marks: bool,
    /// Content area insets from the paper edge.
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub margin_left: f32,
    pub margin_right: f32,
    /// Distance of the footer baseline from the paper's bottom edge.
    pub footer_baseline: f32,
    pub footer_size: f32,
    /// Printed size of the QR code including its quiet zone.
    pub qr_size: f32,
    /// Most pages the layout may take; more is an error that says by how much.
    pub max_pages: Option<usize>,
    /// Baseline of the draft notice, from the paper's top edge.
    pub notice_baseline: f32,

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
            paper: Paper::A4,
            paper_size: PaperSize::A4,
            large_print: false,
            imposition: Imposition::Single,
            column_gap: 8.0 * MM,
            fold_marks: false,
            margin_top: 18.0 * MM,
            margin_bottom: 24.0 * MM,
            margin_left: 25.0 * MM,
            margin_right: 25.0 * MM,
            footer_baseline: 15.0 * MM,
            footer_size: 8.5,
            notice_baseline: 14.0 * MM,
            // A leaflet is one sheet printed on both sides.
            max_pages: Some(2),
            qr_size: 24.0 * MM,

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

impl Style {
    /// Width of the text column (of one column, or of one tri-fold panel).
    pub fn measure(&self) -> f32 {
        let full = self.paper.width - self.margin_left - self.margin_right;
        match self.imposition {
            Imposition::Single => full,
            Imposition::TwoColumn => (full - self.column_gap) / 2.0,
            Imposition::TriFold => super::trifold::text_width(self),
        }
    }

    /// Width the title is set at: across both columns in a two-column layout.
    pub fn title_measure(&self) -> f32 {
        match self.imposition {
            Imposition::TwoColumn => self.paper.width - self.margin_left - self.margin_right,
            _ => self.measure(),
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
            ..self.text(
                self.footer_size + 1.0,
                (self.footer_size + 1.0) * 1.3,
                self.notice,
            )
        }
    }

    pub fn footer_text(&self) -> TextStyle {
        self.text(self.footer_size, self.footer_size * 1.3, self.muted)
    }
}
