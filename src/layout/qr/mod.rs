//! QR codes for the online version, as modules the layout draws as vector squares.

mod bits;
mod mask;
mod penalty;

use crate::error::{Diagnostic, Error, Result};
use bits::Bits;
use qrcode::canvas::Canvas;
use qrcode::{Color, EcLevel, Version};

/// The error correction level of every symbol: M (15 %) survives a fold or a smudge.
/// `mask` draws the format information of this level only.
const LEVEL: EcLevel = EcLevel::M;

/// A QR symbol without its quiet zone.
pub struct Modules {
    pub width: usize,
    dark: Vec<bool>,
}

/// Encodes `url` with error correction level M (15 %: survives a fold or a smudge).
///
/// The mask is the one the qrcode crate would choose (lowest ISO 18004 penalty, the
/// first of equals), but applied and scored here on rows of bits: the crate's own
/// masking and scoring took ~1 M instructions a leaflet, more than shaping.
pub fn modules(url: &str) -> Result<Modules> {
    let refuse = |e: qrcode::types::QrError| {
        Error::input(
            Diagnostic::new(format!(
                "the address {url} cannot be made into a QR code: {e}"
            ))
            .help("use a shorter address (a few hundred characters at most)"),
        )
    };
    let bits = qrcode::bits::encode_auto(url.as_bytes(), LEVEL).map_err(refuse)?;
    let version = bits.version();
    let (data, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, LEVEL).map_err(refuse)?;
    let mut canvas = Canvas::new(version, LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = version.width().max(0) as usize;
    let dark = match version {
        Version::Normal(_) => match bits::words_for(width) {
            1 => best_mask::<1>(&canvas, width),
            2 => best_mask::<2>(&canvas, width),
            3 => best_mask::<3>(&canvas, width),
            _ => None,
        }
        .ok_or_else(|| Error::internal("no QR mask pattern"))?,
        // encode_auto only makes normal symbols; a micro one keeps the crate's choice.
        Version::Micro(_) => canvas
            .apply_best_mask()
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    };
    Ok(Modules { width, dark })
}

/// The modules of the normal symbol drawn on `canvas` (`width` modules wide, rows
/// of `N` words) under the mask of lowest penalty, the first of equals.
fn best_mask<const N: usize>(canvas: &Canvas, width: usize) -> Option<Vec<bool>> {
    let unmasked = mask::Unmasked::<N>::read(canvas, width);
    let mut best: Option<(u32, Vec<Bits<N>>)> = None;
    for pattern in 0..mask::PATTERNS.len() {
        let rows = unmasked.masked(pattern);
        let score = penalty::penalty(&rows, width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, rows));
        }
    }
    let (_, rows) = best?;
    Some(
        rows.iter()
            .flat_map(|row| (0..width).map(|x| row.get(x)))
            .collect(),
    )
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

    /// Every version, 1 to 40: the shortest address of each (found by the crate's
    /// encoder, which is cheap) through `modules` against the crate's whole symbol.
    #[test]
    fn same_symbol_as_the_qrcode_crate_for_every_version() {
        let path: String = (0..2400)
            .map(|i| char::from(b'a' + ((i * 7 + i / 13) % 26) as u8))
            .collect();
        let mut versions = std::collections::BTreeSet::new();
        for len in 1..path.len() {
            // Lowercase letters: byte mode, as addresses are.
            let url = &path[..len];
            let Ok(bits) = qrcode::bits::encode_auto(url.as_bytes(), LEVEL) else {
                break;
            };
            if !versions.insert(bits.version().width()) {
                continue;
            }
            let ours = modules(url).unwrap();
            let theirs: Vec<bool> = qrcode::QrCode::with_error_correction_level(url, LEVEL)
                .unwrap()
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            assert_eq!(ours.dark, theirs, "{:?}", bits.version());
        }
        assert_eq!(versions.len(), 40, "{versions:?}");
    }
}
