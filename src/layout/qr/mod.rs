//! QR codes for the online version, as modules the layout draws as vector squares.

mod penalty;

use crate::error::{Diagnostic, Error, Result};
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, Version};

/// A QR symbol without its quiet zone.
pub struct Modules {
    pub width: usize,
    dark: Vec<bool>,
}

/// Encodes `url` with error correction level M (15 %: survives a fold or a smudge).
///
/// The mask is the one the qrcode crate would choose (lowest ISO 18004 penalty, the
/// first of equals), but scored here on a plain grid: the crate's own scoring took
/// ~4 M instructions a leaflet, more than shaping.
pub fn modules(url: &str) -> Result<Modules> {
    let refuse = |e: qrcode::types::QrError| {
        Error::input(
            Diagnostic::new(format!(
                "the address {url} cannot be made into a QR code: {e}"
            ))
            .help("use a shorter address (a few hundred characters at most)"),
        )
    };
    let bits = qrcode::bits::encode_auto(url.as_bytes(), EcLevel::M).map_err(refuse)?;
    let version = bits.version();
    let (data, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).map_err(refuse)?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = version.width().max(0) as usize;
    let masks: &[MaskPattern] = match version {
        Version::Normal(_) => &[
            MaskPattern::Checkerboard,
            MaskPattern::HorizontalLines,
            MaskPattern::VerticalLines,
            MaskPattern::DiagonalLines,
            MaskPattern::LargeCheckerboard,
            MaskPattern::Fields,
            MaskPattern::Diamonds,
            MaskPattern::Meadow,
        ],
        // encode_auto only makes normal symbols; a micro one keeps the crate's choice.
        Version::Micro(_) => {
            return Ok(Modules {
                width,
                dark: dark_of(canvas.apply_best_mask()),
            })
        }
    };
    let mut best: Option<(u32, Vec<bool>)> = None;
    for mask in masks {
        let mut c = canvas.clone();
        c.apply_mask(*mask);
        let dark = dark_of(c);
        let score = penalty::penalty(&dark, width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, dark));
        }
    }
    let (_, dark) = best.ok_or_else(|| Error::internal("no QR mask pattern"))?;
    Ok(Modules { width, dark })
}

fn dark_of(canvas: Canvas) -> Vec<bool> {
    canvas
        .into_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect()
}

impl Modules {
    /// Dark modules row by row as (column, run length): one rectangle per run.
    pub fn dark_runs(&self) -> Vec<(usize, Vec<(usize, usize)>)> {
        (0..self.width)
            .map(|row| {
                let mut runs = Vec::new();
                let mut col = 0;
                while col < self.width {
                    if self.dark[row * self.width + col] {
                        let start = col;
                        while col < self.width && self.dark[row * self.width + col] {
                            col += 1;
                        }
                        runs.push((start, col - start));
                    } else {
                        col += 1;
                    }
                }
                (row, runs)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mask (and so every module) is the one the qrcode crate itself picks.
    #[test]
    fn same_symbol_as_the_qrcode_crate() {
        let generated =
            (0..60).map(|n| format!("https://example.org/{}?v={n}", "ab/Cd-".repeat(n)));
        for url in [
            "https://example.org/handouts/ketamine/en",
            "https://clinic.example.com/a/very/long/path/to/the/leaflet?lang=zh-Hans&v=2",
            "HTTPS://X.ORG/1",
            "https://example.org/",
        ]
        .map(String::from)
        .into_iter()
        .chain(generated)
        {
            let url = url.as_str();
            let ours = modules(url).unwrap();
            let theirs = qrcode::QrCode::with_error_correction_level(url, EcLevel::M).unwrap();
            let theirs: Vec<bool> = theirs
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            assert_eq!(ours.width * ours.width, theirs.len(), "{url}");
            assert_eq!(ours.dark, theirs, "{url}");
        }
    }
}
