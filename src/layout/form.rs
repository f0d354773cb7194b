//! The print form: paper, print size, imposition and fold marks, chosen once per build.
//!
//! It is the one source of everything that depends on how a leaflet is printed: its
//! typography ([`Style::for_form`](super::Style::for_form)), its geometry
//! ([`Geometry::for_form`](super::Geometry::for_form)), the suffix of its file name and
//! its part of the cache key.

#![warn(missing_docs)]

use crate::error::{Error, Result};

/// The paper sizes clinics print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PaperSize {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A5, 148 × 210 mm (a folded A4 sheet).
    A5,
}

/// How the content is placed on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Imposition {
    /// One column per portrait page.
    #[default]
    Single,
    /// Two balanced columns per portrait page, the title across both.
    TwoColumn,
    /// One landscape sheet printed on both sides and folded in three (see `trifold.rs`).
    TriFold,
}

/// How a leaflet is printed. Fold marks exist only on a tri-fold: the fields are
/// private so that no other combination can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PrintForm {
    paper: PaperSize,
    large_print: bool,
    imposition: Imposition,
    fold_marks: bool,
}

impl PrintForm {
    /// The form for `paper`, in regular or large print, laid out by `imposition`.
    pub fn new(paper: PaperSize, large_print: bool, imposition: Imposition) -> PrintForm {
        PrintForm {
            paper,
            large_print,
            imposition,
            fold_marks: false,
        }
    }

    /// This tri-fold with fold lines in its margins; any other form is a usage error.
    pub fn with_fold_marks(self) -> Result<PrintForm> {
        if self.imposition != Imposition::TriFold {
            return Err(Error::usage(
                "--fold-marks only applies to --layout trifold",
            ));
        }
        Ok(PrintForm {
            fold_marks: true,
            ..self
        })
    }

    /// Every print form without fold marks: paper × large print × imposition.
    pub fn all() -> impl Iterator<Item = PrintForm> {
        [PaperSize::A4, PaperSize::Letter, PaperSize::A5]
            .into_iter()
            .flat_map(|paper| [false, true].map(|large| (paper, large)))
            .flat_map(|(paper, large)| {
                [
                    Imposition::Single,
                    Imposition::TwoColumn,
                    Imposition::TriFold,
                ]
                .map(|imposition| PrintForm::new(paper, large, imposition))
            })
    }

    /// The paper the leaflet is printed on.
    pub fn paper(&self) -> PaperSize {
        self.paper
    }

    /// Whether the type is large (17 pt body).
    pub fn large_print(&self) -> bool {
        self.large_print
    }

    /// How the content is placed on the sheet.
    pub fn imposition(&self) -> Imposition {
        self.imposition
    }

    /// Whether a tri-fold gets fold lines in its margins.
    pub fn fold_marks(&self) -> bool {
        self.fold_marks
    }

    /// The print form in words, for messages: "A4", "Letter large print",
    /// "A5 two-column", "A4 tri-fold".
    pub fn name(&self) -> String {
        let mut name = match self.paper {
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

    /// Suffix of output names for this print form: "" for A4, ".letter",
    /// ".a5.large", ".letter.trifold", ".trifold.fold-marks"…
    ///
    /// Every option that changes the PDF changes the name, so two print forms built
    /// into one folder never overwrite each other.
    pub fn suffix(&self) -> String {
        let mut v = match self.paper {
            PaperSize::A4 => String::new(),
            PaperSize::Letter => ".letter".into(),
            PaperSize::A5 => ".a5".into(),
        };
        if self.large_print {
            v.push_str(".large");
        }
        match self.imposition {
            Imposition::Single => {}
            Imposition::TwoColumn => v.push_str(".two-column"),
            Imposition::TriFold => v.push_str(".trifold"),
        }
        if self.fold_marks {
            v.push_str(".fold-marks");
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_marks_need_a_trifold() {
        let single = PrintForm::new(PaperSize::A4, false, Imposition::Single);
        assert!(single.with_fold_marks().is_err());
        let tri = PrintForm::new(PaperSize::Letter, true, Imposition::TriFold);
        let marked = tri.with_fold_marks().expect("tri-fold");
        assert_eq!(marked.suffix(), ".letter.large.trifold.fold-marks");
        assert_eq!(marked.name(), "Letter large print tri-fold");
        assert_eq!(PrintForm::default().suffix(), "");
    }
}
