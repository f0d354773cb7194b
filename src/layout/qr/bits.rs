//! One row of a QR symbol as machine words, bit `x` for the module in column `x`
//! (1 dark): a mask is applied to a row, and a row scored, 64 modules at a time.
//!
//! `N` words hold a symbol up to `64 N − 4` modules wide (see [`words_for`]):
//! the finder-pattern test reads four modules past a row's end, where a symbol
//! is light. A handout's address fits one word (version 10, 57 modules, holds
//! 213 bytes at level M).

use std::ops::{BitAnd, BitOr, BitXor, Not};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Bits<const N: usize>(pub [u64; N]);

/// How many words a row of a symbol `width` modules wide needs (1, 2 or 3; the
/// widest symbol, version 40, has 177).
pub(super) fn words_for(width: usize) -> usize {
    width.saturating_add(4).div_ceil(64)
}

impl<const N: usize> Default for Bits<N> {
    fn default() -> Self {
        Bits([0; N])
    }
}

impl<const N: usize> Bits<N> {
    pub fn set(&mut self, i: usize, on: bool) {
        if let Some(word) = self.0.get_mut(i / 64) {
            let bit = 1u64 << (i % 64);
            if on {
                *word |= bit;
            } else {
                *word &= !bit;
            }
        }
    }

    pub fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Bit `i` of the result is bit `i + k` of `self` (0 past the end).
    pub fn down(self, k: usize) -> Self {
        let (words, bits) = (k / 64, k % 64);
        Bits(std::array::from_fn(|i| {
            let lo = self.0.get(i + words).copied().unwrap_or(0);
            let hi = self.0.get(i + words + 1).copied().unwrap_or(0);
            if bits == 0 {
                lo
            } else {
                lo >> bits | hi << (64 - bits)
            }
        }))
    }

    /// Bit `i` of the result is bit `i - k` of `self`; the `k` lowest are 0.
    pub fn up(self, k: usize) -> Self {
        let (words, bits) = (k / 64, k % 64);
        let word = |j: Option<usize>| j.and_then(|j| self.0.get(j)).copied().unwrap_or(0);
        Bits(std::array::from_fn(|i| {
            let lo = word(i.checked_sub(words));
            let below = word(i.checked_sub(words + 1));
            if bits == 0 {
                lo
            } else {
                lo << bits | below >> (64 - bits)
            }
        }))
    }

    /// The `n` lowest bits set.
    pub fn low(n: usize) -> Self {
        Bits(std::array::from_fn(|i| match n.saturating_sub(i * 64) {
            0 => 0,
            k if k >= 64 => u64::MAX,
            k => (1u64 << k) - 1,
        }))
    }

    pub fn count(self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }
}

impl<const N: usize> BitAnd for Bits<N> {
    type Output = Self;
    fn bitand(self, other: Self) -> Self {
        Bits(std::array::from_fn(|i| self.0[i] & other.0[i]))
    }
}

impl<const N: usize> BitOr for Bits<N> {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        Bits(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }
}

impl<const N: usize> BitXor for Bits<N> {
    type Output = Self;
    fn bitxor(self, other: Self) -> Self {
        Bits(std::array::from_fn(|i| self.0[i] ^ other.0[i]))
    }
}

impl<const N: usize> Not for Bits<N> {
    type Output = Self;
    fn not(self) -> Self {
        Bits(self.0.map(|w| !w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_cross_words() {
        let mut b = Bits::<3>::default();
        for i in [0, 5, 63, 64, 100, 127, 128, 191] {
            b.set(i, true);
        }
        let ones = |b: Bits<3>| (0..192).filter(|i| b.get(*i)).collect::<Vec<_>>();
        assert_eq!(ones(b.down(5)), [0, 58, 59, 95, 122, 123, 186]);
        assert_eq!(ones(b.up(64)), [64, 69, 127, 128, 164, 191]);
        assert_eq!(ones(b.up(1)), [1, 6, 64, 65, 101, 128, 129]);
        assert_eq!(Bits::<3>::low(70).count(), 70);
        b.set(64, false);
        assert!(!b.get(64) && b.get(63));
        assert_eq!(
            [21, 57, 60, 61, 124, 125, 177].map(words_for),
            [1, 1, 1, 2, 2, 3, 3]
        );
    }
}
