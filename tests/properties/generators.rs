//! Generators of random paragraphs and documents: words of Latin, CJK and Arabic
//! script, numbers, brackets, punctuation and inline markup.

use super::*;

pub const LONG_WORDS: &[&str] = &[
    "internationalization",
    "pharmacokinetics",
    "responsibilities",
    "anaesthetist",
    "hallucinations",
    "effectiveness",
    "administration",
    "intravenously",
    "neuropathic",
    "fibromyalgia",
    "management",
    "office",
    "sufficiently",
    "affluent",
    "difficult",
    // Last: wider than a title line at 22 pt.
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
];

pub const CJK: &[char] = &[
    '氯', '胺', '酮', '是', '一', '种', '麻', '醉', '药', '物', '慢', '性', '疼', '痛', '治', '疗',
    '的', '新', '方', '法', '患', '者', '医', '生',
];

pub const ARABIC: &[&str] = &[
    "الكيتامين",
    "لا",
    "الألم",
    "علاج",
    "مستقبلات",
    "المزمن",
    "طبيبك",
    "لأن",
];

/// Latin words; `fits` keeps every word narrower than a title line (documents have
/// no hyphenation in titles and headings, so a longer word would overflow).
pub fn latin_word(fits: bool) -> impl Strategy<Value = String> {
    let long_words = if fits {
        &LONG_WORDS[..LONG_WORDS.len() - 1]
    } else {
        LONG_WORDS
    };
    prop_oneof![
        8 => "[a-z]{1,9}",
        2 => "[A-Z][a-z]{1,8}",
        2 => proptest::sample::select(long_words).prop_map(String::from),
        1 => if fits { "[a-z]{14,20}" } else { "[a-z]{14,30}" },
        1 => "[a-z]{2,6}-[a-z]{2,7}",
    ]
}

pub fn number() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]{1,6}", "[0-9]{1,3}[.,][0-9]{1,2}", "[0-9]{1,3}%",]
}

pub fn cjk_run() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(CJK), 1..8),
        proptest::sample::select(&["", "", "。", "，"][..]),
    )
        .prop_map(|(cs, p)| cs.into_iter().collect::<String>() + p)
}

pub fn arabic_word() -> impl Strategy<Value = String> {
    proptest::sample::select(ARABIC).prop_map(String::from)
}

/// A word with optional brackets, trailing punctuation and inline markup.
pub fn token(latin_only: bool) -> BoxedStrategy<String> {
    let core = if latin_only {
        prop_oneof![8 => latin_word(true), 2 => number(), 1 => cjk_run()].boxed()
    } else {
        prop_oneof![
            8 => latin_word(false),
            2 => number(),
            2 => cjk_run(),
            2 => arabic_word(),
        ]
        .boxed()
    };
    (
        core,
        proptest::sample::select(&["", "", "", "", "", "("][..]),
        proptest::sample::select(&["", "", "", "", "", ",", ".", ";", ":", "!", "?", ")"][..]),
        0u8..10,
    )
        .prop_map(|(w, pre, post, m)| {
            let w = format!("{pre}{w}{post}");
            match m {
                0 => format!("**{w}**"),
                1 => format!("*{w}*"),
                _ => w,
            }
        })
        .boxed()
}

pub fn markup_text(
    latin_only: bool,
    words: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    proptest::collection::vec(token(latin_only), words).prop_map(|ws| ws.join(" "))
}
