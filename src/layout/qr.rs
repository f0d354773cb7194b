//! QR codes for the online version, as modules the layout draws as vector squares.

use crate::error::{Diagnostic, Error, Result};
use qrcode::{Color, EcLevel, QrCode};

/// A QR symbol without its quiet zone.
pub struct Modules {
    pub width: usize,
    dark: Vec<bool>,
}

/// Encodes `url` with error correction level M (15 %: survives a fold or a smudge).
pub fn modules(url: &str) -> Result<Modules> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).map_err(|e| {
        Error::input(
            Diagnostic::new(format!(
                "the address {url} cannot be made into a QR code: {e}"
            ))
            .help("use a shorter address (a few hundred characters at most)"),
        )
    })?;
    Ok(Modules {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
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
