//! Syllable counting by language: vowel groups, with each language's rules for which
//! neighbouring vowels share a syllable and which written vowels are silent.
//!
//! Readability formulas were calibrated on syllables counted by hand; these rules
//! reproduce hand counts of ordinary words (the tests list the words checked). They
//! are heuristics: rare words (hiatus in loanwords, English exceptions) may be off by
//! one, which moves a 400-word score by a fraction of a point. Hyphenation patterns
//! were not used: they omit breaks near word ends and after single letters, so they
//! undercount ("a-gent" is one piece), and loading them costs more than counting.

mod english;
mod germanic;
mod romance;
mod slavic;

/// A language's syllable rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syllables {
    English,
    French,
    Spanish,
    Portuguese,
    Italian,
    German,
    Dutch,
    Russian,
    Polish,
}

impl Syllables {
    /// The syllables of one lower-case word part (letters only, no hyphens).
    pub fn count(self, part: &[char]) -> usize {
        let n = match self {
            Syllables::English => english::count(part),
            Syllables::French => romance::french(part),
            Syllables::Spanish => romance::spanish(part),
            Syllables::Portuguese => romance::portuguese(part),
            Syllables::Italian => romance::italian(part),
            Syllables::German => germanic::german(part),
            Syllables::Dutch => germanic::dutch(part),
            // Russian and Polish prepositions without a vowel ("в", "w", "z") are
            // pronounced with the next word: no syllable of their own.
            Syllables::Russian => return slavic::russian(part),
            Syllables::Polish => return slavic::polish(part),
        };
        // Every written word is at least one syllable ("D" of "N-methyl-D-aspartate").
        n.max(1)
    }
}

/// Vowel groups: maximal runs of letters for which `is_vowel(word, i)` holds.
pub(super) fn vowel_groups(word: &[char], is_vowel: impl Fn(&[char], usize) -> bool) -> usize {
    let mut groups = 0;
    let mut in_group = false;
    for i in 0..word.len() {
        let vowel = is_vowel(word, i);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups
}

/// Occurrences of two adjacent letters, the first of which is at an index for which
/// `also(word, i)` holds.
pub(super) fn pairs(
    word: &[char],
    first: char,
    second: char,
    also: impl Fn(&[char], usize) -> bool,
) -> usize {
    (0..word.len().saturating_sub(1))
        .filter(|&i| word[i] == first && word[i + 1] == second && also(word, i))
        .count()
}

/// Whether `word` ends with the letters of `suffix`.
pub(super) fn ends_with(word: &[char], suffix: &str) -> bool {
    let n = suffix.chars().count();
    word.len() >= n && word[word.len() - n..].iter().copied().eq(suffix.chars())
}
