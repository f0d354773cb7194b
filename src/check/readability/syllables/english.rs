//! English syllables: vowel groups (`y` a vowel after the first letter), minus silent
//! `e`s, plus vowel pairs usually read as two syllables.

use super::{ends_with, pairs, vowel_groups};

pub fn count(w: &[char]) -> usize {
    let n = w.len();
    let vowel = |w: &[char], i: usize| is_vowel(w, i);
    let mut count = vowel_groups(w, vowel) as isize;
    let consonant = |i: usize| !is_vowel(w, i);

    // Silent final e ("make", "ketamine"), but "-le" after a consonant is a syllable
    // ("ta-ble").
    if n >= 3 && w[n - 1] == 'e' && consonant(n - 2) && !(w[n - 2] == 'l' && consonant(n - 3)) {
        count -= 1;
    }
    // Silent e of "-es" ("takes", "seizures"), except after sibilants ("doses",
    // "changes", "services", "reaches") and in "-bles".
    if n >= 4 && ends_with(w, "es") && consonant(n - 3) {
        let p = w[n - 3];
        let sibilant = matches!(p, 's' | 'x' | 'z' | 'c' | 'g')
            || (p == 'h' && matches!(w[n - 4], 'c' | 's'))
            || (p == 'l' && consonant(n - 4));
        if !sibilant {
            count -= 1;
        }
    }
    // Silent e of "-ed" except after t and d ("used", but "treat-ed", "need-ed").
    if n >= 4 && ends_with(w, "ed") && consonant(n - 3) && !matches!(w[n - 3], 't' | 'd') {
        count -= 1;
    }
    // Silent e before a suffix: "manage-ment", "severe-ly", "use-ful", "aware-ness".
    for (suffix, shortest_stem) in [
        ("ment", 3),
        ("ments", 3),
        ("ly", 2),
        ("ful", 2),
        ("ness", 2),
        ("less", 2),
    ] {
        let len = suffix.len() + 1;
        if n >= len + shortest_stem && ends_with(w, suffix) {
            let e = n - len;
            if w[e] == 'e' && consonant(e - 1) && is_vowel(w, e - 2) {
                count -= 1;
            }
        }
    }
    // A vowel before "-ing" is its own syllable: "be-ing", "go-ing", "stu-dy-ing".
    if n >= 5 && ends_with(w, "ing") && is_vowel(w, n - 4) {
        count += 1;
    }
    // "-ism" is two syllables ("mech-a-nism").
    if n >= 5 && ends_with(w, "ism") {
        count += 1;
    }
    // Vowel pairs read as two syllables: "di-a-gnosis", "Aus-tra-li-an", "me-di-um",
    // "ac-tu-al", "bi-o-logy" — not in "-cial", "-tion", "-sion", "-gion", "qua-", "gua-".
    let sounded_i = |w: &[char], i: usize| {
        let soft = i > 0 && matches!(w[i - 1], 'c' | 't' | 's' | 'g' | 'x');
        let after = w.get(i + 2).copied();
        !(soft && matches!(after, None | Some('l' | 'n' | 'u' | 's')))
    };
    count += pairs(w, 'i', 'a', sounded_i) as isize;
    count += pairs(w, 'i', 'o', sounded_i) as isize;
    count += pairs(w, 'i', 'u', |_, _| true) as isize;
    let not_after_q_or_g = |w: &[char], i: usize| i == 0 || !matches!(w[i - 1], 'q' | 'g');
    count += pairs(w, 'u', 'a', not_after_q_or_g) as isize;
    count += pairs(w, 'u', 'o', not_after_q_or_g) as isize;
    count.max(1) as usize
}

fn is_vowel(w: &[char], i: usize) -> bool {
    match w[i] {
        'a' | 'e' | 'i' | 'o' | 'u' | 'é' | 'ë' | 'ï' => true,
        'y' => i > 0,
        _ => false,
    }
}
