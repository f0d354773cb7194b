//! Reference values and sanity checks for every scored language.

use super::counting::{count, LongWord};
use super::syllables::Syllables;
use super::{assess, grade, Readability, Score};
use crate::model::Language;

fn score(tag: &str, text: &str) -> Score {
    match assess(&Language::new(tag), text) {
        Readability::Scored(score) => score,
        Readability::NotScored { reason } => panic!("{tag} not scored: {reason}"),
    }
}

fn syllables(rule: Syllables, words: &[(&str, usize)]) {
    for (word, expected) in words {
        let chars: Vec<char> = word.chars().collect();
        assert_eq!(rule.count(&chars), *expected, "{rule:?} {word}");
    }
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not {expected} ± {tolerance}"
    );
}

#[test]
fn flesch_reading_ease_examples_count_as_published() {
    // Wikipedia, "Flesch–Kincaid readability tests": "The cat sat on the mat." has a
    // reading ease of 116 (6 words, 6 syllables); the second sentence one of 69
    // (16 words, 23 syllables). Kincaid's grade follows from the same counts.
    let cat = score("en", "The cat sat on the mat.");
    assert_eq!((cat.words, cat.syllables, cat.sentences), (6, 6, 1));
    close(cat.value, 0.39 * 6.0 + 11.8 - 15.59, 1e-9);
    close(206.835 - 1.015 * 6.0 - 84.6, 116.0, 0.5);
    let point = score(
        "en",
        "This sentence, taken as a reading passage unto itself, is being used to prove a point.",
    );
    assert_eq!((point.words, point.syllables, point.sentences), (16, 23, 1));
    close(206.835 - 1.015 * 16.0 - 84.6 * 23.0 / 16.0, 69.0, 0.5);
    close(point.value, 0.39 * 16.0 + 11.8 * 23.0 / 16.0 - 15.59, 1e-9);
    assert_eq!(point.long_word_rule, "3 or more syllables");
}

#[test]
fn english_syllables_match_the_dictionary() {
    syllables(
        Syllables::English,
        &[
            ("the", 1),
            ("cat", 1),
            ("ketamine", 3),
            ("anesthetic", 4),
            ("dissociative", 5),
            ("australian", 4),
            ("reptilian", 4),
            ("creature", 2),
            ("platypus", 3),
            ("being", 2),
            ("studying", 3),
            ("studied", 2),
            ("used", 1),
            ("treated", 2),
            ("takes", 1),
            ("doses", 2),
            ("changes", 2),
            ("tables", 2),
            ("table", 2),
            ("management", 3),
            ("severely", 3),
            ("useful", 2),
            ("medication", 4),
            ("physician", 3),
            ("special", 2),
            ("medium", 3),
            ("actual", 3),
            ("quality", 3),
            ("opioid", 3),
            ("receptors", 3),
            ("perception", 3),
            ("hallucinations", 5),
            ("respiratory", 5),
            ("patients", 2),
            ("everyone", 3),
            ("years", 1),
            ("methyl", 2),
            ("aspartate", 3),
        ],
    );
}

#[test]
fn numbers_initialisms_and_hyphenated_words_are_one_word() {
    let s = score("en", "NMDA blocks N-methyl-D-aspartate for 50 years.");
    // NMDA 4 (letter by letter), blocks 1, N-methyl-D-aspartate 1+2+1+3, for 1, 50 2,
    // years 1.
    assert_eq!((s.words, s.syllables), (6, 16));
}

#[test]
fn sentences_end_at_punctuation_and_blank_lines_not_after_a_colon() {
    let c = |text: &str| count(text, Syllables::English, LongWord::Syllables(3));
    // Abbreviations and decimals do not end sentences.
    assert_eq!(c("Take 2.5 mg, e.g. with food. Then rest.").sentences, 2);
    // A colon-introduced list with comma-ended items is one sentence…
    let list = c("These may include:\n\ndizziness,\n\nnausea,\n\nvomiting.\n\nCall us.");
    assert_eq!((list.sentences, list.longest_sentence_words), (2, 6));
    // …unpunctuated items are one sentence each, and so is a heading.
    let items = c("Side effects\n\nDizziness\n\nNausea");
    assert_eq!(items.sentences, 3);
    // Text without a sentence end is one sentence.
    assert_eq!(c("just words").sentences, 1);
    assert_eq!(c("“Stop.” Then call.").sentences, 2);
}

#[test]
fn spanish_syllables_follow_the_diphthong_rules() {
    syllables(
        Syllables::Spanish,
        &[
            ("paciente", 3),
            ("medicación", 4),
            ("hospital", 3),
            ("día", 2),
            ("leer", 2),
            ("muy", 1),
            ("y", 1),
            ("que", 1),
            ("guerra", 2),
            ("cuidado", 3),
            ("dolor", 2),
            ("crónico", 3),
            ("ketamina", 4),
        ],
    );
}

#[test]
fn portuguese_italian_french_syllables() {
    syllables(
        Syllables::Portuguese,
        &[
            ("saúde", 3),
            ("mão", 1),
            ("tratamento", 4),
            ("quando", 2),
            ("dor", 1),
        ],
    );
    syllables(
        Syllables::Italian,
        &[
            ("dolore", 3),
            ("cronico", 3),
            ("paziente", 3),
            ("chiesa", 2),
            ("qui", 1),
        ],
    );
    syllables(
        Syllables::French,
        &[
            ("douleur", 2),
            ("chronique", 2),
            ("traitement", 3),
            ("eau", 1),
            ("patientes", 2),
            ("kétamine", 3),
            ("fatigue", 2),
            ("naïf", 2),
            ("durée", 2),
        ],
    );
}

#[test]
fn german_dutch_russian_polish_syllables() {
    syllables(
        Syllables::German,
        &[
            ("schmerzen", 2),
            ("behandlungsmöglichkeit", 6),
            ("situation", 5),
            ("patient", 3),
            ("feuer", 2),
            ("quelle", 2),
            ("aktuell", 3),
            ("ketamin", 3),
        ],
    );
    syllables(
        Syllables::Dutch,
        &[
            ("pijn", 1),
            ("behandeling", 4),
            ("patiënt", 3),
            ("radio", 3),
            ("ketamine", 4),
        ],
    );
    syllables(
        Syllables::Russian,
        &[("боль", 1), ("кетамин", 3), ("лечение", 4), ("в", 0)],
    );
    syllables(
        Syllables::Polish,
        &[
            ("nie", 1),
            ("się", 1),
            ("ból", 1),
            ("leczenie", 3),
            ("pacjentów", 3),
            ("w", 0),
        ],
    );
}

#[test]
fn gulpease_counts_letters_sentences_and_words() {
    // 89 + (300 × 1 sentence − 10 × 17 letters) / 4 words = 121.5.
    let s = score("it", "Il cane dormiva bene.");
    close(s.value, 89.0 + (300.0 - 10.0 * 17.0) / 4.0, 1e-9);
}

#[test]
fn grade_tables_interpolate_their_bands() {
    close(grade::of(65.0, grade::FLESCH), 8.0, 1e-9);
    close(grade::of(90.0, grade::FLESCH), 5.0, 1e-9);
    close(grade::of(110.0, grade::FLESCH), 3.0, 1e-9);
    close(grade::of(-30.0, grade::FLESCH), 20.0, 1e-9);
    close(grade::of(60.0, grade::GULPEASE), 8.0, 1e-9);
    close(grade::of(100.0, grade::GULPEASE), 2.0, 1e-9);
    close(grade::of(50.0, grade::MARTINS), 8.0, 1e-9);
    close(grade::of(65.0, grade::FERNANDEZ_HUERTA), 7.0, 1e-9);
}

/// A plain and a dense text in each scored language: the plain one must grade lower.
#[test]
fn plain_text_grades_below_dense_text_in_every_scored_language() {
    let pairs = [
        (
            "en",
            "Take one pill. Drink water. Call us if you feel sick.",
            "Ketamine is a dissociative anesthetic agent whose effectiveness in managing \
             chronic neuropathic pain has been extensively investigated in randomized trials.",
        ),
        (
            "es",
            "Tome una pastilla. Beba agua. Llame si se siente mal.",
            "La ketamina es un agente anestésico disociativo cuya efectividad en el \
             tratamiento del dolor neuropático crónico ha sido ampliamente investigada.",
        ),
        (
            "de",
            "Nehmen Sie eine Tablette. Trinken Sie Wasser. Rufen Sie an, wenn es Ihnen schlecht geht.",
            "Ketamin ist ein dissoziatives Narkosemittel, dessen Wirksamkeit bei der \
             Behandlung chronischer neuropathischer Schmerzen umfassend untersucht wurde.",
        ),
        (
            "fr",
            "Prenez un comprimé. Buvez de l’eau. Appelez-nous si vous allez mal.",
            "La kétamine est un agent anesthésique dissociatif dont l’efficacité dans le \
             traitement des douleurs neuropathiques chroniques a été largement étudiée.",
        ),
        (
            "it",
            "Prenda una pillola. Beva acqua. Ci chiami se sta male.",
            "La ketamina è un agente anestetico dissociativo la cui efficacia nel trattamento \
             del dolore neuropatico cronico è stata ampiamente studiata.",
        ),
        (
            "pt",
            "Tome um comprimido. Beba água. Ligue se se sentir mal.",
            "A cetamina é um agente anestésico dissociativo cuja eficácia no tratamento da \
             dor neuropática crônica tem sido amplamente investigada.",
        ),
        (
            "ru",
            "Примите таблетку. Пейте воду. Звоните, если вам плохо.",
            "Кетамин является диссоциативным анестетиком, эффективность которого при лечении \
             хронической нейропатической боли широко исследовалась.",
        ),
        (
            "nl",
            "Neem een pil. Drink water. Bel ons als u zich ziek voelt.",
            "Ketamine is een dissociatief anestheticum waarvan de effectiviteit bij de \
             behandeling van chronische neuropathische pijn uitgebreid onderzocht is.",
        ),
        (
            "pl",
            "Weź jedną tabletkę. Pij wodę. Zadzwoń, jeśli źle się czujesz.",
            "Ketamina jest dysocjacyjnym środkiem znieczulającym, którego skuteczność w \
             leczeniu przewlekłego bólu neuropatycznego była szeroko badana.",
        ),
    ];
    for (tag, plain, dense) in pairs {
        let (plain, dense) = (score(tag, plain), score(tag, dense));
        assert!(
            plain.grade + 4.0 < dense.grade,
            "{tag}: plain grade {} dense grade {}",
            plain.grade,
            dense.grade
        );
        assert!(plain.grade >= 0.0);
    }
}

#[test]
fn languages_without_an_established_formula_are_not_scored() {
    for tag in [
        "th", "zh-Hans", "zh-Hant", "ar", "ja", "ko", "he", "fa", "ur", "hi", "bn", "uk", "el",
        "vi", "am", "so", "ht", "tl", "hy", "km", "lo", "my", "ne", "pa", "gu",
    ] {
        match assess(&Language::new(tag), "Some words. More words.") {
            Readability::NotScored { reason } => assert!(!reason.is_empty(), "{tag}"),
            Readability::Scored(s) => panic!("{tag} scored with {}", s.formula),
        }
    }
    // Regional tags use their language's formula; empty text is not scored.
    assert_eq!(
        score("en-GB", "Hello there.").formula,
        "Flesch–Kincaid grade level"
    );
    assert_eq!(score("pt-BR", "Olá.").words, 1);
    assert!(matches!(
        assess(&Language::new("en"), " \n\n "),
        Readability::NotScored { .. }
    ));
}

#[test]
fn counts_of_sections_add_up_to_the_counts_of_the_whole() {
    let en = Language::new("en");
    let a = "What is ketamine?\n\nKetamine is an anesthetic. It is used for pain.";
    let b = "These may include:\n\nnausea,\n\nvomiting.";
    let whole = super::count(&en, &format!("{a}\n\n{b}")).unwrap();
    let sum = super::count(&en, a)
        .unwrap()
        .add(&super::count(&en, b).unwrap());
    assert_eq!(whole, sum);
    assert_eq!(super::score(&en, &sum), assess(&en, &format!("{a}\n\n{b}")));
    assert!(super::count(&Language::new("th"), a).is_err());
}
