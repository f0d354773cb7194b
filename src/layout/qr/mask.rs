//! The eight mask patterns of a QR symbol applied to rows of bits, with the format
//! information each one brings, as the qrcode crate's `Canvas::apply_mask` draws
//! them (tested against it below).
//!
//! The crate masks a copy of its whole canvas module by module for each pattern
//! (~33 000 instructions each for a 33-module symbol); here the canvas is read
//! once, and a pattern flips the data modules of a row in a few word operations.

use super::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::Color;

/// The patterns of a normal (not micro) symbol, by their 3-bit number.
pub(super) const PATTERNS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// A symbol before masking, row by row.
pub(super) struct Unmasked<const N: usize> {
    width: usize,
    /// The modules drawn dark.
    dark: Vec<Bits<N>>,
    /// The modules a mask flips: data and error correction, and any left empty
    /// (which the crate masks as light ones).
    data: Vec<Bits<N>>,
}

impl<const N: usize> Unmasked<N> {
    /// Reads a canvas of a normal symbol `width` modules wide (at most `64 N − 4`)
    /// with its functional patterns and data drawn.
    pub fn read(canvas: &Canvas, width: usize) -> Self {
        let mut dark = vec![Bits::default(); width];
        let mut data = vec![Bits::default(); width];
        for y in 0..width {
            for x in 0..width {
                let module = canvas.get(x as i16, y as i16);
                let flips = matches!(module, Module::Unmasked(_) | Module::Empty);
                dark[y].set(x, Color::from(module) == Color::Dark);
                data[y].set(x, flips);
            }
        }
        Unmasked { width, dark, data }
    }

    /// The rows of the symbol masked with `pattern` (its number in [`PATTERNS`]),
    /// format information included.
    pub fn masked(&self, pattern: usize) -> Vec<Bits<N>> {
        let w = self.width;
        // Down a column every pattern repeats every 12 rows (it depends on `y`
        // through `y % 2`, `y % 3` and `y / 2 % 2`).
        let flipped: [Bits<N>; 12] = std::array::from_fn(|y| flips(pattern, y, w));
        let mut rows: Vec<Bits<N>> = (0..w)
            .map(|y| self.dark[y] ^ (self.data[y] & flipped[y % 12]))
            .collect();
        // The crate's FORMAT_INFOS_QR for level M (its entries 0–7), drawn from the
        // most significant of the 15 bits, at the crate's coordinates (negative ones
        // count from the far edge), then the dark module.
        debug_assert!(pattern < FORMAT_INFOS_M.len(), "mask pattern {pattern}");
        let format = FORMAT_INFOS_M.get(pattern).copied().unwrap_or(0);
        for coords in [&FORMAT_MAIN, &FORMAT_SIDE] {
            for (k, &(x, y)) in coords.iter().enumerate() {
                put(&mut rows, w, x, y, format >> (14 - k) & 1 == 1);
            }
        }
        put(&mut rows, w, 8, -8, true);
        rows
    }
}

/// Sets the module at (`x`, `y`), counting negative coordinates from the far edge.
fn put<const N: usize>(rows: &mut [Bits<N>], w: usize, x: i16, y: i16, dark: bool) {
    let at = |c: i16| {
        usize::try_from(c)
            .ok()
            .or_else(|| w.checked_sub(c.unsigned_abs().into()))
    };
    if let (Some(x), Some(y)) = (at(x), at(y)) {
        if x < w {
            if let Some(row) = rows.get_mut(y) {
                row.set(x, dark);
            }
        }
    }
}

/// Whether `pattern` flips the module at (`x`, `y`): ISO 18004 table 10, as the
/// crate's `mask_functions` write it.
fn flips_at(pattern: usize, x: usize, y: usize) -> bool {
    match pattern {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => ((y / 2) + (x / 3)).is_multiple_of(2),
        5 => (x * y) % 2 + (x * y) % 3 == 0,
        6 => ((x * y) % 2 + (x * y) % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + (x * y) % 3).is_multiple_of(2),
    }
}

/// The modules of row `y` that `pattern` flips, in a row `w` modules wide. Along a
/// row every pattern repeats every 6 modules (it depends on `x` through `x % 2`,
/// `x % 3` and `x / 3 % 2`): each word is six modules worked out and copied.
fn flips<const N: usize>(pattern: usize, y: usize, w: usize) -> Bits<N> {
    let words = std::array::from_fn(|i| {
        let x0 = i * 64;
        let mut word = (0..6).fold(0u64, |word, k| {
            word | u64::from(flips_at(pattern, x0 + k, y)) << k
        });
        for shift in [6, 12, 24, 48] {
            word |= word << shift;
        }
        word
    });
    Bits(words) & Bits::low(w)
}

/// FORMAT_INFOS_QR of the qrcode crate for error correction level M: the format
/// number of level M with mask `p` is entry `(M ^ 1) << 3 | p`, M being 1.
const FORMAT_INFOS_M: [u16; 8] = [
    0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0,
];
// The table above is level M's: a symbol of another level would get wrong format bits.
const _: () = assert!(matches!(super::LEVEL, qrcode::EcLevel::M));

/// FORMAT_INFO_COORDS_QR_MAIN of the qrcode crate, (x, y).
const FORMAT_MAIN: [(i16, i16); 15] = [
    (0, 8),
    (1, 8),
    (2, 8),
    (3, 8),
    (4, 8),
    (5, 8),
    (7, 8),
    (8, 8),
    (8, 7),
    (8, 5),
    (8, 4),
    (8, 3),
    (8, 2),
    (8, 1),
    (8, 0),
];

/// FORMAT_INFO_COORDS_QR_SIDE of the qrcode crate, (x, y).
const FORMAT_SIDE: [(i16, i16); 15] = [
    (8, -1),
    (8, -2),
    (8, -3),
    (8, -4),
    (8, -5),
    (8, -6),
    (8, -7),
    (-8, 8),
    (-7, 8),
    (-6, 8),
    (-5, 8),
    (-4, 8),
    (-3, 8),
    (-2, 8),
    (-1, 8),
];

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{EcLevel, Version};

    /// Every pattern gives the modules the crate's `apply_mask` gives, at each row
    /// width (one, two and three words), with data modules light, dark, mixed and
    /// left empty.
    #[test]
    fn masks_as_the_crate_does() {
        fn check<const N: usize>(canvas: &Canvas, w: usize) {
            let ours = Unmasked::<N>::read(canvas, w);
            for (p, pattern) in PATTERNS.into_iter().enumerate() {
                let mut theirs = canvas.clone();
                theirs.apply_mask(pattern);
                let rows = ours.masked(p);
                for (y, row) in rows.iter().enumerate() {
                    for x in 0..w {
                        let dark = theirs.get(x as i16, y as i16).is_dark();
                        assert_eq!(row.get(x), dark, "w {w} mask {p} at ({x}, {y})");
                    }
                    assert_eq!(*row & !Bits::low(w), Bits::default(), "w {w}");
                }
            }
        }
        let mixed: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        let fills = [
            vec![0u8; 4000],
            vec![0xFF; 4000],
            mixed.clone(),
            mixed[..40].to_vec(),
        ];
        for v in (1..=11).chain([14, 26, 27, 40]) {
            let version = Version::Normal(v);
            let w = version.width() as usize;
            for data in &fills {
                let mut canvas = Canvas::new(version, EcLevel::M);
                canvas.draw_all_functional_patterns();
                // As many codewords as the symbol holds; the short fill leaves most
                // data modules empty.
                canvas.draw_data(data, &[]);
                match super::super::bits::words_for(w) {
                    1 => check::<1>(&canvas, w),
                    2 => check::<2>(&canvas, w),
                    _ => check::<3>(&canvas, w),
                }
            }
        }
    }
}
