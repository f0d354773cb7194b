//! QR codes for the online version, as modules the layout draws as vector squares.

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
        let score = penalty(&dark, width);
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

/// The ISO 18004 mask penalty exactly as the qrcode crate computes it (runs of five or
/// more, 2×2 blocks, finder-like patterns, dark/light balance), on `dark` row by row.
fn penalty(dark: &[bool], w: usize) -> u32 {
    let mut score = 0u32;
    let mut line = Vec::with_capacity(w);
    for horizontal in [true, false] {
        for l in 0..w {
            line.clear();
            if horizontal {
                line.extend_from_slice(&dark[l * w..(l + 1) * w]);
            } else {
                line.extend((0..w).map(|k| dark[k * w + l]));
            }
            score += line_penalty(&line);
        }
    }
    // (The crate subtracts the finder patterns' own 360 per direction: a constant,
    // so leaving it out picks the same mask.)
    for y in 0..w.saturating_sub(1) {
        let (row, next) = (&dark[y * w..(y + 1) * w], &dark[(y + 1) * w..(y + 2) * w]);
        for x in 0..w - 1 {
            let c = row[x];
            if row[x + 1] == c && next[x] == c && next[x + 1] == c {
                score += 3;
            }
        }
    }
    let dark_count = dark.iter().filter(|d| **d).count();
    let ratio = dark_count * 200 / dark.len().max(1);
    score + ratio.abs_diff(100) as u32
}

/// Runs and finder-like patterns along one row or column.
fn line_penalty(line: &[bool]) -> u32 {
    let w = line.len();
    let mut score = 0;
    // Runs of one colour of length ≥ 5 cost length − 2.
    let mut run = 1u32;
    for k in 1..=w {
        if k < w && line[k] == line[k - 1] {
            run += 1;
        } else {
            if run >= 5 {
                score += run - 2;
            }
            run = 1;
        }
    }
    // A 1:1:3:1:1 dark-light-dark pattern at j..j+7 costs 40 unless both the four
    // modules before it and the four after hold a dark one (outside the symbol is
    // light). A sliding window of 15 modules holds before, pattern and after.
    const PATTERN: u32 = 0b1011101;
    let mut window = 0u32;
    let padded = line.iter().copied().chain([false; 4]);
    for (k, dark) in padded.enumerate() {
        let bit = u32::from(dark);
        window = ((window << 1) | bit) & 0x7fff;
        // The pattern ends at k − 4, so it starts at j = k − 10.
        let Some(j) = (k + 4).checked_sub(14) else {
            continue;
        };
        if j + 7 > w || (window >> 4) & 0x7f != PATTERN {
            continue;
        }
        let before = window >> 11;
        let after = window & 0xf;
        if before == 0 || after == 0 {
            score += 40;
        }
    }
    score
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
