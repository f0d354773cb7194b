//! Spanish, Portuguese, Italian and French syllables.
//!
//! Spanish, Portuguese and Italian: every vowel is a syllable nucleus, except that an
//! unstressed `i` or `u` joins its neighbour in a diphthong ("cau-sa", "cien", "muy");
//! two strong vowels, or a written-accent `í`/`ú`, are in hiatus ("le-er", "dí-a",
//! "sa-ú-de"). The `u` of "que", "qui", "gue", "gui" is silent. French: vowel groups
//! ("eau", "oi", "ou" are one vowel), minus the mute final `e`/`es`.

use super::{ends_with, vowel_groups};

/// Vowel strength for the diphthong rule: `None` for a consonant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Vowel {
    Strong,
    Weak,
}

pub fn spanish(w: &[char]) -> usize {
    nuclei(w, |w, i| match w[i] {
        'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Some(Vowel::Strong),
        'i' | 'u' | 'ü' => Some(Vowel::Weak),
        // "y" is a vowel alone ("y") and after a vowel at the end ("muy", "hoy").
        'y' if w.len() == 1 || i + 1 == w.len() => Some(Vowel::Weak),
        _ => None,
    })
}

pub fn portuguese(w: &[char]) -> usize {
    let nasal_diphthongs = w
        .windows(2)
        .filter(|p| matches!(p, ['ã' | 'õ', 'o' | 'e' | 'i']))
        .count();
    // "mão", "mãe", "põe": the nasal vowel and its glide are one syllable.
    nuclei(w, |w, i| match w[i] {
        'a' | 'e' | 'o' | 'á' | 'à' | 'â' | 'ã' | 'é' | 'ê' | 'ó' | 'ô' | 'õ' | 'í' | 'ú' => {
            Some(Vowel::Strong)
        }
        'i' | 'u' | 'ü' | 'y' => Some(Vowel::Weak),
        _ => None,
    })
    .saturating_sub(nasal_diphthongs)
}

pub fn italian(w: &[char]) -> usize {
    nuclei(w, |w, i| match w[i] {
        'a' | 'e' | 'o' | 'à' | 'è' | 'é' | 'ò' | 'ó' | 'ì' | 'ù' | 'í' | 'ú' => {
            Some(Vowel::Strong)
        }
        'i' | 'u' | 'y' => Some(Vowel::Weak),
        _ => None,
    })
}

/// Syllable nuclei by the diphthong rule; `u` after `q` (and `gu` before `e`/`i`) is
/// silent.
fn nuclei(w: &[char], vowel: impl Fn(&[char], usize) -> Option<Vowel>) -> usize {
    let mut count = 0;
    let mut previous: Option<Vowel> = None;
    for i in 0..w.len() {
        let silent_u = w[i] == 'u'
            && i > 0
            && (w[i - 1] == 'q'
                || (w[i - 1] == 'g' && matches!(w.get(i + 1), Some('e' | 'i' | 'é' | 'í'))));
        let current = if silent_u { None } else { vowel(w, i) };
        match (previous, current) {
            (_, None) => {}
            // A weak vowel next to another vowel glides into its syllable.
            (Some(Vowel::Weak), Some(_)) | (Some(Vowel::Strong), Some(Vowel::Weak)) => {}
            (_, Some(_)) => count += 1,
        }
        previous = current;
    }
    count
}

pub fn french(w: &[char]) -> usize {
    let n = w.len();
    let is_vowel = |w: &[char], i: usize| {
        let silent_u = w[i] == 'u'
            && i > 0
            && (w[i - 1] == 'q'
                || (w[i - 1] == 'g' && matches!(w.get(i + 1), Some('e' | 'i' | 'é' | 'è'))));
        !silent_u
            && matches!(
                w[i],
                'a' | 'e'
                    | 'i'
                    | 'o'
                    | 'u'
                    | 'y'
                    | 'à'
                    | 'â'
                    | 'é'
                    | 'è'
                    | 'ê'
                    | 'î'
                    | 'ô'
                    | 'ù'
                    | 'û'
                    | 'ÿ'
                    | 'œ'
                    | 'æ'
            )
    };
    // A diaeresis starts a new syllable ("na-ïf", "No-ël").
    let diaeresis = (1..n)
        .filter(|&i| matches!(w[i], 'ë' | 'ï' | 'ü') && is_vowel(w, i - 1))
        .count();
    let all_vowels = |w: &[char], i: usize| is_vowel(w, i) || matches!(w[i], 'ë' | 'ï' | 'ü');
    let mut count = vowel_groups(w, all_vowels) + diaeresis;
    // Mute final "e"/"es" after a consonant ("dose", "doses", "chronique").
    let mute_e = |e: usize| e >= 1 && w[e] == 'e' && !all_vowels(w, e - 1);
    if count > 1 && ((n >= 2 && mute_e(n - 1)) || (n >= 3 && ends_with(w, "es") && mute_e(n - 2))) {
        count -= 1;
    }
    count
}
