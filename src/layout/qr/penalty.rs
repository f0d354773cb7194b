//! The ISO 18004 mask penalty (§7.8.3) exactly as the qrcode crate computes it:
//! runs of five or more, 2×2 blocks, finder-like patterns, dark/light balance.
//!
//! Scored on rows of bits (see [`Bits`]), 64 modules at a time. Along a row the
//! tests shift the row against itself; down the columns they combine whole rows, so
//! every column is scored at once and the symbol is never transposed. The module by
//! module reading the crate has (kept below as the reference the tests compare
//! with) took ~66 000 instructions for each of the eight masks of a 33-module symbol.

use super::bits::Bits;

/// The 1:1:3:1:1 finder-like pattern, dark first, from its first module.
const FINDER: [bool; 7] = [true, false, true, true, true, false, true];

/// The penalty of the symbol whose rows are `rows`, `w` modules each (`w` at most
/// `64 N − 4`: see [`Bits`]).
pub(super) fn penalty<const N: usize>(rows: &[Bits<N>], w: usize) -> u32 {
    debug_assert!(w >= 2 && rows.len() == w, "{} rows of {w}", rows.len());
    if w < 2 || rows.len() != w {
        return 0;
    }
    // (The crate subtracts the finder patterns' own 360 per direction: a constant,
    // so leaving it out picks the same mask.)
    let mut score = rows.iter().map(|r| along(*r, w)).sum::<u32>() + down(rows, w);
    let pairs = Bits::low(w - 1);
    for pair in rows.windows(2) {
        let (row, next) = (pair[0], pair[1]);
        // x and x + 1 alike in both rows, and the rows alike at x.
        let same = !((row ^ row.down(1)) | (next ^ next.down(1)) | (row ^ next)) & pairs;
        score += 3 * same.count();
    }
    let dark_count: u32 = rows.iter().map(|r| r.count()).sum();
    let ratio = dark_count as usize * 200 / (w * w);
    score + ratio.abs_diff(100) as u32
}

/// What runs of one colour cost, given where windows of five alike start (bit `i`:
/// modules `i..i + 5` alike): a run of length `L ≥ 5` holds `L − 4` such windows in
/// a row and costs `L − 2`, so each window costs 1 and each run's first window 2
/// more. (Two runs' windows are never adjacent: the last of one starts 5 modules
/// before the first of the next.)
fn runs_cost<const N: usize>(windows: Bits<N>, before: Bits<N>) -> u32 {
    windows.count() + 2 * (windows & !before).count()
}

/// Runs and finder-like patterns along one row of width `w`.
fn along<const N: usize>(line: Bits<N>, w: usize) -> u32 {
    // Bit i: modules i and i + 1 alike.
    let alike = !(line ^ line.down(1)) & Bits::low(w - 1);
    let windows = alike & alike.down(1) & alike.down(2) & alike.down(3);
    let mut score = runs_cost(windows, windows.up(1));
    // A 1:1:3:1:1 dark-light-dark pattern at j..j+7 costs 40 unless both the four
    // modules before it and the four after hold a dark one (outside the symbol is
    // light: the bits past `w` of `light` are set, and the four lowest filled in).
    if w >= 7 {
        let light = !line;
        let mut pattern = Bits::low(w - 6);
        for (k, dark) in FINDER.into_iter().enumerate() {
            pattern = pattern & if dark { line } else { light }.down(k);
        }
        let mut before = !Bits::default();
        let mut after = before;
        for k in 1..=4 {
            before = before & (light.up(k) | Bits::low(k));
            after = after & light.down(6 + k);
        }
        score += 40 * (pattern & (before | after)).count();
    }
    score
}

/// Runs and finder-like patterns down every column at once: bit `x` of each value
/// below is about column `x`.
fn down<const N: usize>(rows: &[Bits<N>], w: usize) -> u32 {
    let columns = Bits::low(w);
    // Rows y and y + 1 alike, in each column.
    let alike = |y: usize| !(rows[y] ^ rows[y + 1]) & columns;
    let mut score = 0;
    let mut previous = Bits::default();
    for y in 0..w.saturating_sub(4) {
        let windows = alike(y) & alike(y + 1) & alike(y + 2) & alike(y + 3);
        score += runs_cost(windows, previous);
        previous = windows;
    }
    if w >= 7 {
        // Outside the symbol is light.
        let light = |y: Option<usize>| match y.and_then(|y| rows.get(y)) {
            Some(row) => !*row,
            None => !Bits::default(),
        };
        for j in 0..=w - 7 {
            let mut pattern = columns;
            for (k, dark) in FINDER.into_iter().enumerate() {
                let row = rows[j + k];
                pattern = pattern & if dark { row } else { !row };
            }
            if pattern == Bits::default() {
                continue;
            }
            let mut before = !Bits::default();
            let mut after = before;
            for k in 1..=4 {
                before = before & light(j.checked_sub(k));
                after = after & light(Some(j + 6 + k));
            }
            score += 40 * (pattern & (before | after)).count();
        }
    }
    score
}

/// The same penalty module by module, as the qrcode crate computes it: the
/// reference the bitwise one is tested against.
#[cfg(test)]
fn plain_penalty(dark: &[bool], w: usize) -> u32 {
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
            score += plain_line_penalty(&line);
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
#[cfg(test)]
fn plain_line_penalty(line: &[bool]) -> u32 {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Version 40.
    const MAX_WIDTH: usize = 177;

    /// A pseudo-random grid (xorshift), `density` dark in 256.
    fn grid(w: usize, seed: u64, density: u64) -> Vec<bool> {
        let mut state = seed | 1;
        (0..w * w)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state % 256 < density
            })
            .collect()
    }

    /// [`penalty`] of a grid of modules, row by row, in as many words as it needs.
    fn bitwise(dark: &[bool], w: usize) -> u32 {
        fn rows<const N: usize>(dark: &[bool], w: usize) -> Vec<Bits<N>> {
            (0..w)
                .map(|y| {
                    let mut row = Bits::default();
                    (0..w).for_each(|x| row.set(x, dark[y * w + x]));
                    row
                })
                .collect()
        }
        match super::super::bits::words_for(w) {
            1 => penalty(&rows::<1>(dark, w), w),
            2 => penalty(&rows::<2>(dark, w), w),
            _ => penalty(&rows::<3>(dark, w), w),
        }
    }

    #[test]
    fn bitwise_penalty_is_the_module_by_module_one() {
        for w in (2..=MAX_WIDTH)
            .step_by(5)
            .chain([21, 25, 37, 63, 64, 65, 127, 128, 129, 177])
        {
            for (seed, density) in [(1, 128), (7, 40), (99, 220), (5, 0), (3, 256)] {
                let dark = grid(w, seed * 1000 + w as u64, density);
                assert_eq!(
                    bitwise(&dark, w),
                    plain_penalty(&dark, w),
                    "w {w} seed {seed}"
                );
            }
        }
        // Finder-like patterns at the edges and next to each other.
        let w = 21;
        let mut dark = vec![false; w * w];
        for (row, at) in [(0, 0), (1, 14), (2, 7), (3, 3), (4, 10)] {
            for (k, d) in [true, false, true, true, true, false, true]
                .into_iter()
                .enumerate()
            {
                dark[row * w + at + k] = d;
            }
        }
        assert_eq!(bitwise(&dark, w), plain_penalty(&dark, w));
        // And down the columns: the same patterns transposed.
        let transposed: Vec<bool> = (0..w * w).map(|i| dark[(i % w) * w + i / w]).collect();
        assert_eq!(bitwise(&transposed, w), plain_penalty(&transposed, w));
    }
}
