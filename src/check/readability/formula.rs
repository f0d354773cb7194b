//! The formulas, with their published coefficients and sources.

use super::counting::{Counts, LongWord};
use super::grade;
use super::syllables::Syllables;

/// A language's readability formula and how to count for it.
#[derive(Debug, Clone, Copy)]
pub struct Formula {
    pub name: &'static str,
    pub kind: Kind,
    pub syllables: Syllables,
    pub long_word: LongWord,
}

/// What a formula computes from the counts.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// `base − per_sentence × words/sentence − per_syllable × syllables/word`, an ease
    /// read as a grade through `table`.
    FleschEase {
        base: f64,
        per_sentence: f64,
        per_syllable: f64,
        table: grade::Table,
    },
    /// Kincaid et al. (1975): `0.39 × words/sentence + 11.8 × syllables/word − 15.59`.
    FleschKincaidGrade,
    /// Lucisano & Piemontese (1988): `89 + (300 × sentences − 10 × letters) / words`.
    Gulpease,
    /// Gunning's fog index with Polish hard words (4+ syllables), as Jasnopis (IPI PAN)
    /// computes it: `0.4 × (words/sentence + 100 × hard words/words)`, years of school.
    FogPl,
}

impl Formula {
    /// The formula's value and the US grade its interpretation gives.
    pub fn score(&self, counts: &Counts) -> (f64, f64) {
        let per_sentence = counts.words_per_sentence();
        let per_word = counts.syllables_per_word();
        let words = counts.words.max(1) as f64;
        match self.kind {
            Kind::FleschEase {
                base,
                per_sentence: a,
                per_syllable: b,
                table,
            } => {
                let ease = base - a * per_sentence - b * per_word;
                (ease, grade::of(ease, table))
            }
            Kind::FleschKincaidGrade => {
                let g = 0.39 * per_sentence + 11.8 * per_word - 15.59;
                (g, g)
            }
            Kind::Gulpease => {
                let sentences = counts.sentences.max(1) as f64;
                let g = 89.0 + (300.0 * sentences - 10.0 * counts.letters as f64) / words;
                (g, grade::of(g, grade::GULPEASE))
            }
            Kind::FogPl => {
                let fog = 0.4 * (per_sentence + 100.0 * counts.long_words as f64 / words);
                (fog, fog)
            }
        }
    }
}

/// LIX's long word, used where the formula itself has none.
const LIX_LONG: LongWord = LongWord::Letters(6);

/// English: Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers & Chissom 1975), the
/// grade formula US health-literacy guidance quotes.
pub const ENGLISH: Formula = Formula {
    name: "Flesch–Kincaid grade level",
    kind: Kind::FleschKincaidGrade,
    syllables: Syllables::English,
    long_word: LongWord::Syllables(3),
};

/// Spanish: Fernández Huerta (1959) as corrected by Law (2011): `206.84 − 1.02 ×
/// words/sentence − 60 × syllables/word` (the often-quoted "F = sentences per 100
/// words" is a misprint that makes short sentences harder).
pub const SPANISH: Formula = Formula {
    name: "Fernández Huerta",
    kind: Kind::FleschEase {
        base: 206.84,
        per_sentence: 1.02,
        per_syllable: 60.0,
        table: grade::FERNANDEZ_HUERTA,
    },
    syllables: Syllables::Spanish,
    long_word: LIX_LONG,
};

/// German: Amstad (1978), Flesch for German: `180 − words/sentence − 58.5 ×
/// syllables/word`.
pub const GERMAN: Formula = Formula {
    name: "Amstad (Flesch for German)",
    kind: Kind::FleschEase {
        base: 180.0,
        per_sentence: 1.0,
        per_syllable: 58.5,
        table: grade::FLESCH,
    },
    syllables: Syllables::German,
    long_word: LIX_LONG,
};

/// French: Kandel & Moles (1958), Flesch for French: `207 − 1.015 × words/sentence −
/// 73.6 × syllables/word`.
pub const FRENCH: Formula = Formula {
    name: "Kandel–Moles (Flesch for French)",
    kind: Kind::FleschEase {
        base: 207.0,
        per_sentence: 1.015,
        per_syllable: 73.6,
        table: grade::FLESCH,
    },
    syllables: Syllables::French,
    long_word: LIX_LONG,
};

/// Italian: the Gulpease index (Lucisano & Piemontese 1988), designed for Italian and
/// counting letters, not syllables.
pub const ITALIAN: Formula = Formula {
    name: "Gulpease",
    kind: Kind::Gulpease,
    syllables: Syllables::Italian,
    long_word: LIX_LONG,
};

/// Portuguese: Flesch adapted by Martins, Ghiraldelo, Nunes & Oliveira (1996):
/// `248.835 − 1.015 × words/sentence − 84.6 × syllables/word`.
pub const PORTUGUESE: Formula = Formula {
    name: "Flesch adapted for Portuguese (Martins et al.)",
    kind: Kind::FleschEase {
        base: 248.835,
        per_sentence: 1.015,
        per_syllable: 84.6,
        table: grade::MARTINS,
    },
    syllables: Syllables::Portuguese,
    long_word: LIX_LONG,
};

/// Russian: Flesch recalibrated by Oborneva (2006): `206.835 − 1.3 × words/sentence −
/// 60.1 × syllables/word`.
pub const RUSSIAN: Formula = Formula {
    name: "Oborneva (Flesch for Russian)",
    kind: Kind::FleschEase {
        base: 206.835,
        per_sentence: 1.3,
        per_syllable: 60.1,
        table: grade::FLESCH,
    },
    syllables: Syllables::Russian,
    long_word: LIX_LONG,
};

/// Dutch: Flesch–Douma (1960): `206.835 − 0.93 × words/sentence − 77 × syllables/word`.
pub const DUTCH: Formula = Formula {
    name: "Flesch–Douma",
    kind: Kind::FleschEase {
        base: 206.835,
        per_sentence: 0.93,
        per_syllable: 77.0,
        table: grade::FLESCH,
    },
    syllables: Syllables::Dutch,
    long_word: LIX_LONG,
};

/// Polish: FOG-PL, the fog index with hard words of 4 or more syllables (Jasnopis,
/// Broda et al. 2014, on inflected word forms).
pub const POLISH: Formula = Formula {
    name: "FOG-PL (Gunning fog for Polish)",
    kind: Kind::FogPl,
    syllables: Syllables::Polish,
    long_word: LongWord::Syllables(4),
};
