//! Russian and Polish syllables: one per vowel letter, as Russian and Polish
//! readability research counts them.

/// Russian: every vowel letter is a syllable.
pub fn russian(w: &[char]) -> usize {
    w.iter()
        .filter(|c| matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я'))
        .count()
}

/// Polish: every vowel letter, except `i` before another vowel, which only softens
/// the consonant ("nie", "się", "pacjen-tów"), and the loan diphthongs "au", "eu".
pub fn polish(w: &[char]) -> usize {
    let vowel = |c: char| matches!(c, 'a' | 'ą' | 'e' | 'ę' | 'i' | 'o' | 'ó' | 'u' | 'y');
    (0..w.len())
        .filter(|&i| {
            let c = w[i];
            let next = w.get(i + 1).copied();
            let softening_i = c == 'i' && next.is_some_and(vowel);
            let second_of_diphthong = c == 'u' && i > 0 && matches!(w[i - 1], 'a' | 'e');
            vowel(c) && !softening_i && !second_of_diphthong
        })
        .count()
}
