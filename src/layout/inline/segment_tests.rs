//! Break opportunities by script and language, checked on sentences of the leaflets'
//! kind against ICU4X's word and grapheme-cluster segmenters and the kinsoku lists.

use super::*;
use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{GraphemeClusterSegmenter, WordSegmenter};

fn breaks(text: &str, tag: &str) -> Vec<usize> {
    opportunities(text, &Language::new(tag))
        .into_iter()
        .map(|(i, _)| i)
        .collect()
}

/// Sentences of the scripts written without spaces between words ("Ketamine is an
/// anaesthetic (used in hospitals…)"), each with words the segmenter must find whole.
const SPACELESS: &[(&str, &str, &[&str])] = &[
    (
        "th",
        "เคตามีนเป็นยาระงับความรู้สึก ใช้ในโรงพยาบาลเพื่อระงับความเจ็บปวด",
        &["เป็น", "ระงับ", "ความ", "ใช้", "เพื่อ"],
    ),
    (
        "lo",
        "ເຄຕາມີນແມ່ນຢາລະງັບຄວາມຮູ້ສຶກ ທີ່ໃຊ້ໃນໂຮງໝໍ",
        &["ແມ່ນ", "ຢາ", "ລະງັບ", "ທີ່", "ໃຊ້", "ໃນ"],
    ),
    (
        "km",
        "កេតាមីនគឺជាថ្នាំសន្លប់ ដែលប្រើនៅក្នុងមន្ទីរពេទ្យ",
        &["គឺជា", "ដែល", "ប្រើ", "នៅក្នុង"],
    ),
    (
        "my",
        "ကီတာမင်းသည် ထုံဆေးတစ်မျိုးဖြစ်သည်။ ဆေးရုံတွင် အသုံးပြုသည်။",
        &["ထုံဆေး", "တစ်", "မျိုး", "ဆေးရုံ", "အသုံးပြု"],
    ),
];

#[test]
fn spaceless_scripts_break_only_at_word_boundaries() {
    let words = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let graphemes = GraphemeClusterSegmenter::new();
    for (tag, text, _) in SPACELESS {
        let found = breaks(text, tag);
        let boundaries: Vec<usize> = words.segment_str(text).collect();
        let clusters: Vec<usize> = graphemes.segment_str(text).collect();
        for b in &found {
            assert!(boundaries.contains(b), "{tag}: {b} is no word boundary");
            assert!(clusters.contains(b), "{tag}: {b} is inside a cluster");
        }
        // UAX #14 alone breaks these sentences only at their spaces (and the end).
        let spaces = text.matches(' ').count();
        assert!(
            found.len() > spaces + 1 + 4,
            "{tag}: only {} breaks",
            found.len()
        );
    }
}

#[test]
fn spaceless_scripts_keep_their_words_whole() {
    for (tag, text, words) in SPACELESS {
        let found = breaks(text, tag);
        for word in *words {
            for (start, w) in text.match_indices(word) {
                let end = start + w.len();
                // A word followed by a space breaks after the space.
                let after = end + text[end..].len() - text[end..].trim_start().len();
                assert!(
                    found.contains(&start) || start == 0,
                    "{tag}: no break before {word}"
                );
                assert!(found.contains(&after), "{tag}: no break after {word}");
                assert!(
                    !found.iter().any(|b| start < *b && *b < end),
                    "{tag}: {word} is split"
                );
            }
        }
    }
}

/// The dictionaries cut the drug's name (not in them) into letters; no line may start
/// with the vowel after its consonant, nor end with the vowel before it.
#[test]
fn thai_and_lao_lines_start_and_end_with_whole_syllables() {
    for (tag, text, _) in SPACELESS.iter().filter(|(t, ..)| matches!(*t, "th" | "lo")) {
        for b in breaks(text, tag).into_iter().filter(|b| *b < text.len()) {
            let next = text[b..].chars().next().unwrap();
            let prev = text[..b].chars().next_back().unwrap();
            assert!(!follows_its_consonant(next), "{tag}: {}|", &text[..b]);
            assert!(!precedes_its_consonant(prev), "{tag}: {}|", &text[..b]);
        }
    }
    let name = "เคตามีน";
    assert!(!breaks(name, "th").contains(&"เคต".len()));
    // A line feed breaks even before such a vowel.
    let fed = "เคต\nามีน";
    assert!(breaks(fed, "th").contains(&"เคต\n".len()));
}

/// The quick test for text with words to find skips nothing it should find.
#[test]
fn no_complex_context_character_comes_before_thai() {
    let first = (0..=0x10FFFFu32)
        .find(|c| break_property(*c) == BreakClass::ComplexContext)
        .and_then(char::from_u32);
    assert_eq!(first, Some('\u{0E01}'), "Thai letter ko kai");
    assert!(first.is_some_and(|c| c >= FIRST_COMPLEX));
}

#[test]
fn spaceless_text_keeps_its_mandatory_breaks() {
    let text = "เคตามีนเป็นยา\nระงับความรู้สึก";
    let found = opportunities(text, &Language::new("th"));
    let newline = text.find('\n').unwrap() + 1;
    for (i, op) in found {
        let mandatory = i == newline || i == text.len();
        assert_eq!(op == BreakOpportunity::Mandatory, mandatory, "at {i}");
    }
}

/// A Thai sentence in an English leaflet (a phrase marked `lang`) is segmented too,
/// and the English around it breaks as before.
#[test]
fn spaceless_phrases_in_other_languages_are_segmented() {
    let text = "Ask for เคตามีนเป็นยาระงับความรู้สึก at the desk.";
    let found = breaks(text, "en");
    let thai = text.find('เ').unwrap()..text.find(" at").unwrap();
    assert!(found.iter().filter(|b| thai.contains(b)).count() >= 4);
    let english: Vec<usize> = unicode_linebreak::linebreaks(text)
        .map(|(i, _)| i)
        .filter(|i| !thai.contains(i))
        .collect();
    let ours: Vec<usize> = found.into_iter().filter(|i| !thai.contains(i)).collect();
    assert_eq!(ours, english);
}

const KOREAN: &str =
    "케타민은 마취제입니다. 병원에서 통증을 줄이기 위해 사용합니다(수술 전 NMDA 수용체 차단).";

#[test]
fn korean_breaks_between_words_only() {
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    for tag in ["ko", "ko-KR"] {
        let found = breaks(KOREAN, tag);
        // At every space, and before the opening parenthesis (a word may end a line
        // and its bracketed gloss start the next).
        let spaces = KOREAN.matches(' ').count();
        assert_eq!(found.len(), spaces + 2, "{tag}");
        for b in found.into_iter().filter(|b| *b < KOREAN.len()) {
            let before = KOREAN[..b].chars().next_back().unwrap();
            let after = KOREAN[b..].chars().next().unwrap();
            assert!(
                before == ' ' || after == '(',
                "{tag}: a word is split at {:?}",
                &KOREAN[..b]
            );
            assert!(!(hangul(before) && hangul(after)), "{tag}");
        }
    }
}

/// Keep-all is Korean's rule: in other languages' text UAX #14 breaks between
/// Hangul syllables (as between Han characters).
#[test]
fn keep_all_is_for_korean_text_only() {
    let found = breaks(KOREAN, "en");
    assert!(found.iter().any(|b| !KOREAN[..*b].ends_with(' ')));
}

/// Kinsoku (JIS X 4051, strict): no line starts with these.
const NO_LINE_START: &str =
    "、。，．）」』】！？：；…‥ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々";
/// … and no line ends with these.
const NO_LINE_END: &str = "（「『【";

const JAPANESE: &str = "ケタミンは麻酔薬です。手術、検査（内視鏡など）に使います。\
    「痛み」を和らげ、『安全』です【重要】！本当？注意：量；そして…ちょっとシャワーを\
    ぁぃぅぇぉゃゅょゎァィゥェォャュョヮヵヶ人々。";
const CHINESE: &str = "氯胺酮是一种麻醉药，用于手术（全身麻醉）。请注意：剂量０．５毫克；\
    副作用！是否？「重要」『安全』【注意】……慢性疼痛。";
const TRADITIONAL: &str = "氯胺酮是一種麻醉藥，用於手術（全身麻醉）。請注意：劑量；副作用！\
    是否？「重要」『安全』【注意】……慢性疼痛。";

fn kinsoku_violations(text: &str, found: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    for &b in found.iter().filter(|b| **b < text.len()) {
        let next = text[b..].chars().next().unwrap();
        let prev = text[..b].chars().next_back().unwrap();
        if NO_LINE_START.contains(next) || NO_LINE_END.contains(prev) {
            out.push(format!("{}|{}", &text[..b], &text[b..]));
        }
    }
    out
}

#[test]
fn chinese_and_japanese_follow_kinsoku() {
    for (tag, text) in [
        ("ja", JAPANESE),
        ("zh-Hans", CHINESE),
        ("zh-Hant", TRADITIONAL),
    ] {
        let found = breaks(text, tag);
        // Breaks between ideographs and kana are the rule, not the exception.
        assert!(found.len() > text.chars().count() / 3, "{tag}");
        assert_eq!(
            kinsoku_violations(text, &found),
            Vec::<String>::new(),
            "{tag}"
        );
    }
}

/// The paragraphs that take ICU4X's segmenter (one with a Thai phrase in it, say)
/// keep kinsoku and break as UAX #14 does everywhere else: the two implementations
/// agree on text without words to find.
#[test]
fn both_segmenters_agree_where_no_words_are_found() {
    let english = "Ketamine (an NMDA-receptor antagonist) is used at 0.5–1 mg/kg; \
        see https://example.org/ketamine — or ask your doctor/nurse. \"Don't drive!\"";
    let arabic = "الكيتامين دواء مخدر (NMDA) يُستخدم في المستشفيات، ١٠ ملغ.";
    for text in [english, arabic, JAPANESE, CHINESE, TRADITIONAL, KOREAN] {
        let ours = segmented(text, false);
        let uax14: Vec<(usize, BreakOpportunity)> = unicode_linebreak::linebreaks(text).collect();
        assert_eq!(ours, uax14, "{text}");
        let at: Vec<usize> = ours.iter().map(|(i, _)| *i).collect();
        assert!(kinsoku_violations(text, &at).is_empty(), "{text}");
    }
}

/// ICU4X's Burmese dictionary puts a boundary before a dependent vowel sign ("သရ|ာ"):
/// a line break there would leave the sign without its consonant (drawn on a dotted
/// circle). Only grapheme-cluster boundaries are kept.
#[test]
fn a_dictionary_boundary_inside_a_cluster_is_not_a_break() {
    let t = "နာတာရှည်နာကျင်မှုကိုထိန်းချုပ်ကုသရာတွင် ကီတာမင်း၏အခန်းကဏ္ဍ";
    let cut = t.find("ရာ").expect("ရာ") + "ရ".len();
    let ops = opportunities(t, &crate::model::Language::new("my"));
    assert!(!ops.iter().any(|(i, _)| *i == cut), "{ops:?}");
    assert!(ops.len() > 5, "still breaks between words: {ops:?}");
}
