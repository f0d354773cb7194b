//! Leftovers and slips: placeholders, untranslated or wrong-language text, empty
//! sections, repeated sentences, links that say "click here".

use super::chars;
use super::finding::Finding;
use super::rule;
use super::sentences::{words, Split};
use super::Subject;
use crate::error::{quote, Diagnostic, Pos};
use crate::model::{Block, Document, Text};

pub fn check(s: &Subject, split: &Split, out: &mut Vec<Finding>) {
    let doc = s.doc;
    for t in doc.texts() {
        placeholder(doc, t, out);
        vague_links(doc, t, out);
    }
    if s.is_translation() {
        untranslated(s.source, doc, out);
        wrong_language(s.source, doc, out);
    } else {
        empty_sections(doc, out);
    }
    duplicate_sentences(doc, split, out);
}

/// A diagnostic pointing at text `t` of `doc`.
pub fn at(doc: &Document, t: &Text, message: String) -> Diagnostic {
    let d = Diagnostic::new(message).file(&t.origin.file);
    let pos = t.origin.pos;
    if t.origin.file != doc.source_file {
        return Diagnostic {
            pos: Some(pos),
            ..d
        };
    }
    // The line is found by counting newlines (memchr), not by splitting off every
    // line before it, which cost a finding 27,000 instructions: the snippet is
    // taken from the text from the line's start, whose first line it is.
    let source = &doc.source_text;
    let start = match pos.line.saturating_sub(1) {
        0 => Some(0),
        n => memchr::memchr_iter(b'\n', source.as_bytes())
            .nth(n - 1)
            .map(|newline| newline + 1),
    };
    let from_line = start.and_then(|s| source.get(s..)).unwrap_or("");
    Diagnostic {
        pos: Some(pos),
        ..d.at(from_line, Pos { line: 1, ..pos })
    }
}

/// Placeholders written while drafting. Capitals only for the short ones: "todo" is
/// Spanish and Portuguese for "all". Each starts with T, X or F (`placeholder`
/// relies on it).
const PLACEHOLDERS: &[&str] = &["TODO", "TBD", "XXX", "FIXME", "TK"];

fn placeholder(doc: &Document, t: &Text, out: &mut Vec<Finding>) {
    let plain = &t.styled.text;
    // Every placeholder starts with T, X or F: a text without these capitals (most
    // translations) is searched five times for nothing.
    let may_hold = memchr::memchr3(b'T', b'X', b'F', plain.as_bytes()).is_some();
    let found = PLACEHOLDERS
        .iter()
        .find(|p| may_hold && whole_words(plain, p))
        .map(|p| p.to_string())
        .or_else(|| {
            ["lorem ipsum", "[translate"]
                .into_iter()
                .find(|p| contains_ignoring_ascii_case(plain, p))
                .map(str::to_string)
        });
    if let Some(p) = found {
        out.push(
            Finding::new(
                &rule::PLACEHOLDER,
                at(doc, t, format!("`{}` holds the placeholder “{p}”", t.id))
                    .help("write the text the placeholder stands for"),
            )
            .entry(&t.id),
        );
    }
}

/// Whether `text` holds `needle` (ASCII) in any letter case, without lowering the
/// whole text. Only where the needle's first byte stands, in either case, is the
/// rest compared (memchr): comparing at every byte cost 12 instructions a byte of
/// every entry, for each of the two needles.
fn contains_ignoring_ascii_case(text: &str, needle: &str) -> bool {
    let (bytes, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, bytes).any(|at| {
        bytes
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Whether `word` occurs in `text` with no letter or digit on either side.
pub fn whole_words(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(chars::is_alphanumeric) && !after.is_some_and(chars::is_alphanumeric)
    })
}

/// Link texts that say nothing about where the link leads, in the languages we
/// ship (lower case, without final punctuation).
const VAGUE_LINKS: &[&str] = &[
    "click here",
    "here",
    "more",
    "read more",
    "link",
    "this link",
    "click",
    "hier",
    "hier klicken",
    "mehr",
    "ici",
    "cliquez ici",
    "plus",
    "aquí",
    "haga clic aquí",
    "más",
    "qui",
    "clicca qui",
    "aqui",
    "clique aqui",
    "tutaj",
    "kliknij tutaj",
    "здесь",
    "тут",
    "тут",
    "нажмите здесь",
    "тут",
    "тисніть тут",
    "đây",
    "bấm vào đây",
    "اضغط هنا",
    "هنا",
    "اینجا",
    "کلیک کنید",
    "यहाँ",
    "यहां क्लिक करें",
    "这里",
    "点击这里",
    "這裡",
    "點擊這裡",
    "ここ",
    "こちら",
    "여기",
    "여기를 클릭",
];

fn vague_links(doc: &Document, t: &Text, out: &mut Vec<Finding>) {
    for (range, style) in &t.styled.spans {
        if style.link.is_none() {
            continue;
        }
        let Some(text) = t.styled.text.get(range.clone()) else {
            continue;
        };
        let said = text
            .trim()
            .trim_end_matches(['.', ':', '!', '…'])
            .to_lowercase();
        if VAGUE_LINKS.contains(&said.as_str()) {
            out.push(
                Finding::new(
                    &rule::VAGUE_LINK,
                    at(doc, t, format!("the link text “{}” does not say where it leads", quote(text.trim())))
                        .help("link the words that name the page, e.g. [the ketamine leaflet online](https://…)"),
                )
                .entry(&t.id),
            );
        }
    }
}

/// Whitespace runs as one space: the same text rewrapped is the same text.
fn normal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `normal(a) == normal(b)`, word by word: a translation differs from its source
/// within its first words, so neither is copied (32 translations × every entry).
fn same_words(a: &str, b: &str) -> bool {
    words(a).eq(words(b))
}

/// A translated entry identical to its source, unless it holds nothing to translate
/// (only terms, numbers, addresses: "NMDA").
fn untranslated(source: &Document, doc: &Document, out: &mut Vec<Finding>) {
    let sources = source.texts();
    for t in doc.texts() {
        let Some(src) = sources.iter().find(|s| s.id == t.id) else {
            continue;
        };
        if !same_words(&src.markup, &t.markup) || !has_words(&src.styled.text, &source.terms) {
            continue;
        }
        // One or two words alike in two languages of one script are usually the
        // same word ("nausea" in Italian, "hallucinations" in French); in another
        // script, or in a sentence, they are text left untranslated.
        if doc.language.script() == source.language.script()
            && super::sentences::word_count(&t.styled.text) < 3
        {
            continue;
        }
        out.push(
            Finding::new(
                &rule::UNTRANSLATED,
                at(doc, t, format!("`{}` is the same as the source text", t.id))
                    .help("translate it; if it is right as it is (a name), allow it with a reason: `allow: {untranslated: \"…\"}`"),
            )
            .entry(&t.id),
        );
    }
}

/// Whether `text` holds a word that is not a term, a number or an address.
fn has_words(text: &str, terms: &[String]) -> bool {
    words(text).any(|w| {
        let w = w.trim_matches(|c: char| !chars::is_alphanumeric(c));
        w.chars().filter(|&c| chars::is_alphabetic(c)).count() > 1
            && !w.contains("://")
            && !terms.iter().any(|t| t.eq_ignore_ascii_case(w))
    })
}

/// whatlang's code of a language we ship, where it knows the language.
fn whatlang_code(primary: &str) -> Option<whatlang::Lang> {
    let code = match primary {
        "en" => "eng",
        "de" => "deu",
        "es" => "spa",
        "fr" => "fra",
        "it" => "ita",
        "pt" => "por",
        "pl" => "pol",
        "ru" => "rus",
        "uk" => "ukr",
        "el" => "ell",
        "hi" => "hin",
        "ne" => "nep",
        "bn" => "ben",
        "pa" => "pan",
        "gu" => "guj",
        "ur" => "urd",
        "fa" => "pes",
        "he" => "heb",
        "hy" => "hye",
        "am" => "amh",
        "km" => "khm",
        "my" => "mya",
        "th" => "tha",
        "vi" => "vie",
        "tl" => "tgl",
        "ko" => "kor",
        "ja" => "jpn",
        "zh" => "cmn",
        "ar" => "ara",
        "nl" => "nld",
        "tr" => "tur",
        "sv" => "swe",
        "da" => "dan",
        "ro" => "ron",
        "cs" => "ces",
        _ => return None,
    };
    whatlang::Lang::from_code(code)
}

/// An entry that reads as the source language rather than the translation's: the
/// usual slip is a sentence left in (or pasted from) the source. whatlang decides
/// between exactly those two languages, and only on texts long enough to tell.
fn wrong_language(source: &Document, doc: &Document, out: &mut Vec<Finding>) {
    let (Some(want), Some(from)) = (
        whatlang_code(doc.language.primary()),
        whatlang_code(source.language.primary()),
    ) else {
        return; // a language whatlang does not know is not guessed at
    };
    if want == from {
        return;
    }
    let detector = whatlang::Detector::with_allowlist(vec![want, from]);
    for t in doc.texts() {
        let text = &t.styled.text;
        // Long enough to tell two languages apart (counted in characters: a letter
        // test per character costs more than whatlang's own work on short texts).
        if text.chars().count() < 60 {
            continue;
        }
        // whatlang finds the text's main script first and answers only a language of
        // that script: where it cannot be the source language's, the trigram count
        // (most of whatlang's work) cannot end in a finding. Same pass, same answer.
        if !whatlang::detect_script(text).is_some_and(|script| can_answer(script, from)) {
            continue;
        }
        if let Some(info) = detector.detect(text) {
            if info.lang() == from && info.is_reliable() {
                out.push(
                    Finding::new(
                        &rule::WRONG_LANGUAGE,
                        at(doc, t, format!(
                            "`{}` reads as {} rather than {}",
                            t.id,
                            from.eng_name(),
                            want.eng_name()
                        ))
                        .help("translate the text; a sentence may have been left in the source language"),
                    )
                    .entry(&t.id),
                );
            }
        }
    }
}

/// Whether whatlang, having found `script` to be a text's main script, can answer
/// `lang` (whatlang 0.18): a language it lists for the script, or Japanese for Han
/// characters (told from Chinese by the kana among them).
fn can_answer(script: whatlang::Script, lang: whatlang::Lang) -> bool {
    script.langs().contains(&lang)
        || (script == whatlang::Script::Mandarin && lang == whatlang::Lang::Jpn)
}

fn empty_sections(doc: &Document, out: &mut Vec<Finding>) {
    for s in &doc.sections {
        let has_text = s.body.iter().any(|b| match b {
            Block::Paragraph(t) => !t.styled.text.trim().is_empty(),
            Block::List(items) => !items.is_empty(),
            Block::Image(_) => true,
        });
        if has_text {
            continue;
        }
        let d = match &s.heading {
            Some(h) => at(
                doc,
                h,
                format!("section `{}` has a heading but no text", s.id),
            ),
            None => {
                Diagnostic::new(format!("section `{}` has no text", s.id)).file(&doc.source_file)
            }
        };
        out.push(
            Finding::new(
                &rule::EMPTY_SECTION,
                d.help("write its text, or remove the section"),
            )
            .entry(&s.id),
        );
    }
}

/// The same sentence twice (ignoring case and spacing); short ones ("Yes.") repeat
/// by nature and are left alone.
fn duplicate_sentences(doc: &Document, split: &Split, out: &mut Vec<Finding>) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for (t, sentences) in &split.texts {
        for sentence in sentences {
            let long_enough = if split.spaced {
                sentence.words >= 5
            } else {
                sentence.text.chars().count() >= 12
            };
            if !long_enough {
                continue;
            }
            let sentence = sentence.text;
            let key = normal(&chars::lowercase(sentence));
            match seen.iter().find(|(k, _)| *k == key) {
                Some((_, first)) => out.push(
                    Finding::new(
                        &rule::DUPLICATE_SENTENCE,
                        at(
                            doc,
                            t,
                            format!(
                                "`{}` repeats a sentence of `{first}`: “{}”",
                                t.id,
                                quote(sentence)
                            ),
                        )
                        .help("say it once, or allow it with a reason if the repetition is meant"),
                    )
                    .entry(&t.id),
                ),
                None => seen.push((key, t.id.as_str())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{can_answer, PLACEHOLDERS};
    use whatlang::{detect_script, Detector, Lang};

    #[test]
    fn needles_are_found_in_any_letter_case() {
        use super::contains_ignoring_ascii_case as holds;
        for (text, needle, want) in [
            ("Lorem Ipsum dolor", "lorem ipsum", true),
            ("xx LOREM IPSUM", "lorem ipsum", true),
            ("lorem ipsu", "lorem ipsum", false),
            ("Lórem ipsum", "lorem ipsum", false),
            ("see [Translate me]", "[translate", true),
            ("ll lo lor lorem  ipsum", "lorem ipsum", false),
            ("", "[translate", false),
        ] {
            let bytes = text.as_bytes();
            let windows = bytes
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
            assert_eq!(holds(text, needle), want, "{text:?}");
            assert_eq!(windows, want, "{text:?}");
        }
    }

    /// `placeholder` looks for a placeholder only in texts holding one of these.
    #[test]
    fn placeholders_start_with_the_capitals_searched_for() {
        for p in PLACEHOLDERS {
            assert!(matches!(p.as_bytes()[0], b'T' | b'X' | b'F'), "{p}");
        }
    }

    /// What whatlang answers is always a language `can_answer` allows for the text's
    /// main script: the shortcut in `wrong_language` skips no possible finding.
    #[test]
    fn whatlang_answers_a_language_of_the_main_script() {
        let texts = [
            "If you feel unwell after the infusion, phone the pain clinic at once.",
            "Если вы плохо себя чувствуете, позвоните нам. If you feel unwell, phone us at once please.",
            "Если вы плохо себя чувствуете после инфузии, сразу позвоните в клинику.",
            "إذا شعرت بتوعك بعد التسريب، اتصل بعيادة الألم على الفور من فضلك.",
            "यदि आप अस्वस्थ महसूस करते हैं तो तुरंत दर्द क्लिनिक को फ़ोन करें।",
            "点滴の後で気分が悪くなったら、すぐに痛みのクリニックに電話してください。",
            "输液后如果感到不适，请立即致电疼痛诊所。",
            "Αν νιώσετε αδιαθεσία μετά την έγχυση, τηλεφωνήστε αμέσως στην κλινική.",
        ];
        let pairs = [
            [Lang::Rus, Lang::Eng],
            [Lang::Ara, Lang::Eng],
            [Lang::Hin, Lang::Eng],
            [Lang::Jpn, Lang::Eng],
            [Lang::Cmn, Lang::Eng],
            [Lang::Ell, Lang::Eng],
            [Lang::Deu, Lang::Eng],
            [Lang::Jpn, Lang::Cmn],
        ];
        for text in texts {
            for pair in &pairs {
                let Some(info) = Detector::with_allowlist(pair.to_vec()).detect(text) else {
                    continue;
                };
                let script = detect_script(text);
                assert!(
                    script.is_some_and(|s| can_answer(s, info.lang())),
                    "{text}: {:?} in {script:?}",
                    info.lang()
                );
            }
        }
    }
}
