//! The ISO 18004 mask penalty (§7.8.3) exactly as the qrcode crate computes it:
//! runs of five or more, 2×2 blocks, finder-like patterns, dark/light balance.
//!
//! Scored on rows of bits: eight masks of a 37-module symbol took ~1 M
//! instructions a leaflet module by module, a few percent of a build; with each row
//! (and each column, after a transpose) as three machine words, a 2×2 block or a
//! finder-like pattern is found for 64 positions at once.

/// Version 40 is 177 modules wide; the finder-pattern test looks 10 past a row's
/// start, so rows of three words hold every symbol.
const MAX_WIDTH: usize = 177;
const WORDS: usize = 3;

/// One row or column: bit `i` is module `i` (1 dark); bits past the width are 0.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
struct Bits([u64; WORDS]);

impl Bits {
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// Bit `i` of the result is bit `i + k` of `self` (0 past the end).
    fn down(self, k: usize) -> Bits {
        let mut out = [0u64; WORDS];
        let (words, bits) = (k / 64, k % 64);
        for (i, slot) in out.iter_mut().enumerate() {
            let lo = self.0.get(i + words).copied().unwrap_or(0);
            let hi = self.0.get(i + words + 1).copied().unwrap_or(0);
            *slot = if bits == 0 {
                lo
            } else {
                lo >> bits | hi << (64 - bits)
            };
        }
        Bits(out)
    }

    /// Bit `i` of the result is bit `i - k` of `self`; the `k` lowest are `fill`.
    fn up(self, k: usize, fill: bool) -> Bits {
        let mut out = [0u64; WORDS];
        let (words, bits) = (k / 64, k % 64);
        for (i, slot) in out.iter_mut().enumerate() {
            let word = |j: Option<usize>| j.and_then(|j| self.0.get(j)).copied().unwrap_or(0);
            let lo = word(i.checked_sub(words));
            let below = word(i.checked_sub(words + 1));
            *slot = if bits == 0 {
                lo
            } else {
                lo << bits | below >> (64 - bits)
            };
        }
        let mut shifted = Bits(out);
        if fill {
            shifted = shifted.or(Bits::low(k));
        }
        shifted
    }

    fn and(self, other: Bits) -> Bits {
        Bits(std::array::from_fn(|i| self.0[i] & other.0[i]))
    }

    fn or(self, other: Bits) -> Bits {
        Bits(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    fn xor(self, other: Bits) -> Bits {
        Bits(std::array::from_fn(|i| self.0[i] ^ other.0[i]))
    }

    fn not(self) -> Bits {
        Bits(self.0.map(|w| !w))
    }

    /// The `n` lowest bits set.
    fn low(n: usize) -> Bits {
        Bits(std::array::from_fn(|i| {
            let from = i * 64;
            match n.saturating_sub(from) {
                0 => 0,
                k if k >= 64 => u64::MAX,
                k => (1u64 << k) - 1,
            }
        }))
    }

    fn count(self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    /// The set bits' positions, lowest first.
    fn ones(self) -> impl Iterator<Item = usize> {
        self.0.into_iter().enumerate().flat_map(|(i, mut word)| {
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                Some(i * 64 + bit)
            })
        })
    }
}

/// The penalty of the symbol `dark` (row by row, `w` × `w`).
pub fn penalty(dark: &[bool], w: usize) -> u32 {
    if !(2..=MAX_WIDTH).contains(&w) || dark.len() != w * w {
        return plain_penalty(dark, w);
    }
    let mut rows = vec![Bits::default(); w];
    let mut columns = vec![Bits::default(); w];
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (y, x) = (i / w, i % w);
        rows[y].set(x);
        columns[x].set(y);
    }
    let mut score = 0;
    for line in rows.iter().chain(&columns) {
        score += line_penalty(*line, w);
    }
    // (The crate subtracts the finder patterns' own 360 per direction: a constant,
    // so leaving it out picks the same mask.)
    let pairs = Bits::low(w - 1);
    for pair in rows.windows(2) {
        let (row, next) = (pair[0], pair[1]);
        // x and x + 1 alike in both rows, and the rows alike at x.
        let same = row
            .xor(row.down(1))
            .or(next.xor(next.down(1)))
            .or(row.xor(next))
            .not()
            .and(pairs);
        score += 3 * same.count();
    }
    let dark_count: u32 = rows.iter().map(|r| r.count()).sum();
    let ratio = dark_count as usize * 200 / dark.len().max(1);
    score + ratio.abs_diff(100) as u32
}

/// Runs and finder-like patterns along one row or column of width `w`.
fn line_penalty(line: Bits, w: usize) -> u32 {
    let mut score = 0;
    // Runs of one colour of length ≥ 5 cost length − 2. A run ends where a
    // module differs from the next, and at the end of the line.
    let ends = line.xor(line.down(1)).and(Bits::low(w - 1));
    let mut start = 0;
    for end in ends.ones().chain([w - 1]) {
        let run = (end + 1 - start) as u32;
        if run >= 5 {
            score += run - 2;
        }
        start = end + 1;
    }
    // A 1:1:3:1:1 dark-light-dark pattern at j..j+7 costs 40 unless both the four
    // modules before it and the four after hold a dark one (outside the symbol is
    // light).
    if w >= 7 {
        let light = line.not();
        let mut pattern = Bits::low(w - 6);
        for (k, dark) in [true, false, true, true, true, false, true]
            .into_iter()
            .enumerate()
        {
            pattern = pattern.and(if dark { line } else { light }.down(k));
        }
        let mut before = Bits::low(MAX_WIDTH + 11);
        let mut after = before;
        for k in 1..=4 {
            before = before.and(light.up(k, true));
            after = after.and(light.down(6 + k));
        }
        score += 40 * pattern.and(before.or(after)).count();
    }
    score
}

/// The same penalty module by module, as the qrcode crate computes it: the
/// reference the bitwise one is tested against, and what a symbol wider than
/// [`MAX_WIDTH`] (none is) would be scored with.
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

    #[test]
    fn bitwise_penalty_is_the_module_by_module_one() {
        for w in (2..=MAX_WIDTH)
            .step_by(5)
            .chain([21, 25, 37, 63, 64, 65, 127, 128, 129, 177])
        {
            for (seed, density) in [(1, 128), (7, 40), (99, 220), (5, 0), (3, 256)] {
                let dark = grid(w, seed * 1000 + w as u64, density);
                assert_eq!(
                    penalty(&dark, w),
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
        assert_eq!(penalty(&dark, w), plain_penalty(&dark, w));
    }
}
