//! German and Dutch syllables: vowel groups (doubled vowels and the diphthongs "ei",
//! "ie", "au", "eu", "äu", Dutch "ij", "oe", "ui", "ou" are one vowel), plus the vowel
//! pairs that are two syllables in loanwords ("Si-tu-a-ti-on", "Pa-ti-ent", "ra-di-o").

use super::{pairs, vowel_groups};

pub fn german(w: &[char]) -> usize {
    let is_vowel = |w: &[char], i: usize| {
        matches!(w[i], 'a' | 'e' | 'i' | 'o' | 'u' | 'ä' | 'ö' | 'ü' | 'y')
            && !(w[i] == 'u' && i > 0 && w[i - 1] == 'q')
    };
    let any = |_: &[char], _: usize| true;
    let not_after_q = |w: &[char], i: usize| i == 0 || w[i - 1] != 'q';
    let mut count = vowel_groups(w, is_vowel);
    for (a, b) in [
        ('e', 'a'),
        ('e', 'o'),
        ('i', 'a'),
        ('i', 'o'),
        ('i', 'u'),
        ('o', 'a'),
        ('u', 'a'),
        ('u', 'o'),
        ('a', 'o'),
    ] {
        count += pairs(w, a, b, any);
    }
    // "ue" in "aktu-ell", "Feu-er", "Bau-er" (not "Quelle", where u is consonantal).
    count += pairs(w, 'u', 'e', not_after_q);
    // "ie" before "nt"/"nz" is two: "Pa-ti-ent", "Ef-fi-zi-enz", "Kli-ent".
    count += pairs(w, 'i', 'e', |w, i| {
        matches!((w.get(i + 2), w.get(i + 3)), (Some('n'), Some('t' | 'z')))
    });
    count
}

pub fn dutch(w: &[char]) -> usize {
    let is_vowel = |w: &[char], i: usize| {
        matches!(
            w[i],
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'ê' | 'á' | 'ó' | 'ú'
        )
    };
    let any = |_: &[char], _: usize| true;
    // A diaeresis starts a new syllable ("pati-ënt", "re-ëel").
    let diaeresis = (1..w.len())
        .filter(|&i| matches!(w[i], 'ë' | 'ï' | 'ö' | 'ü') && is_vowel(w, i - 1))
        .count();
    let all = |w: &[char], i: usize| is_vowel(w, i) || matches!(w[i], 'ë' | 'ï' | 'ö' | 'ü');
    let mut count = vowel_groups(w, all) + diaeresis;
    for (a, b) in [
        ('i', 'a'),
        ('i', 'o'),
        ('i', 'u'),
        ('u', 'a'),
        ('e', 'o'),
        ('o', 'a'),
    ] {
        count += pairs(w, a, b, any);
    }
    count
}
