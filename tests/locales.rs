//! Every locale of the ketamine handout, built and read back (the translator
//! workflow through the command line is in i18n_workflow.rs).

mod support;

use handout::build;
use handout::layout::{Geometry, PrintForm, Style};
use handout::model::Limits;

/// The source and its 32 translations: 33 languages in 20 scripts.
const LOCALES: &[&str] = &[
    "en", "es", "de", "fr", "ru", "vi", "ar", "zh-Hans", "zh-Hant", "ko", "ja", "tl", "ht", "pt",
    "pl", "it", "uk", "el", "hi", "ne", "bn", "pa", "gu", "ur", "fa", "he", "hy", "am", "so", "km",
    "my", "th", "lo",
];

/// Languages written without spaces between words: compared character by character.
fn unspaced(locale: &str) -> bool {
    ["zh", "ja", "th", "lo", "km", "my"]
        .iter()
        .any(|p| locale.split('-').next() == Some(*p))
}

/// The font family that must draw characters of `script` in `locale`.
fn family_for(locale: &str, script: unicode_script::Script) -> Option<&'static str> {
    use unicode_script::Script as S;
    Some(match script {
        S::Latin | S::Greek | S::Cyrillic => "NotoSans",
        S::Arabic if locale == "ur" => "NotoNastaliqUrdu",
        S::Arabic => "NotoSansArabic",
        S::Hebrew => "NotoSansHebrew",
        S::Devanagari => "NotoSansDevanagari",
        S::Bengali => "NotoSansBengali",
        S::Gurmukhi => "NotoSansGurmukhi",
        S::Gujarati => "NotoSansGujarati",
        S::Armenian => "NotoSansArmenian",
        S::Ethiopic => "NotoSansEthiopic",
        S::Khmer => "NotoSansKhmer",
        S::Myanmar => "NotoSansMyanmar",
        S::Thai => "NotoSansThai",
        S::Lao => "NotoSansLao",
        S::Han | S::Hiragana | S::Katakana | S::Hangul => match locale {
            "ja" => "NotoSansCJKjp",
            "ko" => "NotoSansCJKkr",
            "zh-Hant" => "NotoSansCJKtc",
            _ => "NotoSansCJKsc",
        },
        _ => return None,
    })
}

fn built(locale: &str) -> (handout::model::Document, build::Built) {
    support::build_ketamine(locale, &PrintForm::default())
}

/// Logical text of a visually ordered line the way poppler (pdftotext) rebuilds it:
/// by character class alone, without UAX #9's rules for neutrals. From the right,
/// a right-to-left section takes everything but letters and digits (reversed), then
/// a left-to-right section takes everything but right-to-left letters (kept).
/// Digits and number separators (`.` `,` `،` `:`) count as left to right.
fn poppler_line(line: &str, rtl: bool) -> String {
    use unicode_bidi::{bidi_class, BidiClass as B};
    let t: Vec<char> = line.chars().collect();
    let is_r = |c: char| matches!(bidi_class(c), B::R | B::AL);
    let is_l_or_num =
        |c: char| matches!(bidi_class(c), B::L | B::EN | B::AN | B::CS | B::ES | B::ET);
    let mut out = String::new();
    if rtl {
        // `end` is one past the last character not yet output.
        let mut end = t.len();
        while end > 0 {
            let mut start = end;
            while start > 0 && !is_l_or_num(t[start - 1]) {
                start -= 1;
            }
            out.extend(t[start..end].iter().rev());
            end = start;
            while start > 0 && !is_r(t[start - 1]) {
                start -= 1;
            }
            out.extend(&t[start..end]);
            end = start;
        }
    } else {
        let mut i = 0;
        while i < t.len() {
            let mut j = i;
            while j < t.len() && !is_r(t[j]) {
                j += 1;
            }
            out.extend(&t[i..j]);
            i = j;
            while j < t.len() && !is_l_or_num(t[j]) {
                j += 1;
            }
            out.extend(t[i..j].iter().rev());
            i = j;
        }
    }
    support::strip_marks(&out)
}

#[test]
fn every_locale_reads_back_in_logical_order() {
    for locale in LOCALES {
        let (doc, b) = built(locale);
        assert!(b.pages <= 2, "{locale}: {} pages", b.pages);
        let pdf = support::load(&b.pdf);
        let mut text = support::content_text(&pdf);
        assert!(!text.contains('\u{FFFD}'), "{locale}: U+FFFD in\n{text}");
        if doc.language.is_rtl() {
            text = text
                .lines()
                .map(support::logical_line)
                .collect::<Vec<_>>()
                .join("\n");
        }
        let expected = support::source_texts(&doc);
        if unspaced(locale) {
            // No spaces between words: compare the characters.
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(squash(&text), squash(&expected.join("")), "{locale}");
        } else {
            let words: Vec<String> = expected
                .iter()
                .flat_map(|t| t.split_whitespace().map(String::from))
                .collect();
            let got = support::words_dehyphenated(&text, &words);
            assert_eq!(got, words, "{locale}: extracted\n{text}");
        }
    }
}

/// A Hindi word is drawn inside one `/ActualText` span that holds the whole word,
/// and no glyph of it is left standing for nothing: extractors that rebuild words
/// from glyph positions (poppler) read such a glyph's gap as a space ("दीर्घकालिक"
/// came back as "दी र्घका लि क").
#[test]
fn indic_words_are_extracted_as_whole_words() {
    use unicode_script::{Script, UnicodeScript};
    let (doc, b) = built("hi");
    let words: Vec<String> = support::source_texts(&doc)
        .iter()
        .flat_map(|t| t.split_whitespace().map(String::from))
        .collect();
    let spans = support::actual_texts(&support::load(&b.pdf));
    assert!(
        !spans.iter().any(String::is_empty),
        "a glyph drawn as standing for nothing"
    );
    let devanagari: Vec<&String> = spans
        .iter()
        .filter(|t| t.chars().any(|c| c.script() == Script::Devanagari))
        .collect();
    assert!(devanagari.len() > 200, "{} word spans", devanagari.len());
    for text in devanagari {
        // A word broken at a line end is two spans: each a piece of the word.
        let piece = text.trim_end_matches(['\u{AD}', '-']);
        assert!(
            words.iter().any(|w| w == piece || w.contains(piece)),
            "span {text:?} is not a source word"
        );
    }
}

/// An Urdu word in Nastaliq is drawn inside one span with its text, given as drawn
/// (extractors reverse right-to-left text themselves), with the space before it.
#[test]
fn nastaliq_words_are_extracted_as_whole_words() {
    let (doc, b) = built("ur");
    let words: Vec<String> = support::source_texts(&doc)
        .iter()
        .flat_map(|t| t.split_whitespace().map(String::from))
        .collect();
    let spans = support::actual_texts(&support::load(&b.pdf));
    let arabic: Vec<String> = spans
        .iter()
        .filter(|t| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
        .map(|t| support::strip_marks(&t.chars().rev().collect::<String>()))
        .collect();
    assert!(arabic.len() > 300, "{} word spans", arabic.len());
    let mut whole = 0;
    for word in &arabic {
        let piece = word.trim();
        whole += usize::from(words.iter().any(|w| w == piece));
        assert!(
            words.iter().any(|w| w.contains(piece)),
            "span {word:?} is not in a source word"
        );
    }
    // The others are words with punctuation after them, which keeps its own span.
    assert!(
        whole * 10 >= arabic.len() * 8,
        "{whole} of {} spans are whole words",
        arabic.len()
    );
}

/// A right-to-left word that extractors read piece by piece (glyph by glyph, or a
/// glyph's own /ActualText span) has its pieces on one baseline: poppler starts a
/// new word wherever the baseline changes, even at a piece that stands for no text
/// (a Nastaliq letter's dots, drawn as glyphs of their own), and "زیادہ" came back
/// as "ز یادہ" while only its letters were compared.
#[test]
fn right_to_left_words_read_piece_by_piece_stay_on_one_baseline() {
    for locale in ["ar", "fa", "he", "ur"] {
        let (_, b) = built(locale);
        let mut off_baseline = Vec::new();
        for (page, text) in support::pages(&support::load(&b.pdf)).iter().enumerate() {
            // What extractors read, in drawn order: a span's text where its first
            // glyph is, or a glyph outside spans.
            let pieces: Vec<&support::Glyph> = text
                .glyphs
                .iter()
                .enumerate()
                .filter(|(k, g)| {
                    !g.artifact
                        && (g.span.is_none() || *k == 0 || text.glyphs[k - 1].span != g.span)
                })
                .map(|(_, g)| g)
                .collect();
            let ends_word = |g: &support::Glyph| g.text.ends_with(char::is_whitespace);
            for pair in pieces.windows(2) {
                let [a, b] = pair else { continue };
                let one_word = a.run == b.run && !ends_word(a) && !ends_word(b);
                if one_word && (a.rise - b.rise).abs() > 0.001 {
                    off_baseline.push(format!(
                        "page {}: {:?} (rise {}) then {:?} (rise {})",
                        page + 1,
                        a.text,
                        a.rise,
                        b.text,
                        b.rise
                    ));
                }
            }
        }
        assert!(off_baseline.is_empty(), "{locale}: {off_baseline:#?}");
    }
}

#[test]
fn scripts_use_their_fonts_as_subsets() {
    for (locale, family) in [
        ("ar", "NotoSansArabic"),
        ("zh-Hans", "NotoSansCJKsc"),
        ("ru", "NotoSans"),
        ("vi", "NotoSans"),
    ] {
        let (_, b) = built(locale);
        let fonts = support::fonts(&support::load(&b.pdf));
        assert!(
            fonts.iter().any(|f| f
                .base_font
                .split_once('+')
                .is_some_and(|(_, n)| n.starts_with(family))),
            "{locale}: no {family} among {:?}",
            fonts.iter().map(|f| &f.base_font).collect::<Vec<_>>()
        );
        for f in &fonts {
            let size = f.embedded_bytes.expect("embedded");
            assert!(
                size < 150_000,
                "{locale}: {} embeds {size} bytes",
                f.base_font
            );
        }
        // Chinese embeds two CFF subsets (headings have a real bold face since the
        // pan-CJK font replaced the one-weight fallback): 85 KB where 51 KB was one face.
        let limit = if locale == "zh-Hans" { 100_000 } else { 80_000 };
        assert!(b.pdf.len() < limit, "{locale}: {} bytes", b.pdf.len());
    }
}

/// Every glyph of every leaflet comes from the font chosen for its script in its
/// language (Urdu in Nastaliq, Chinese, Japanese and Korean from the pan-CJK face…),
/// and every font is embedded as a subset.
#[test]
fn every_glyph_comes_from_the_font_for_its_script() {
    use unicode_script::{Script, UnicodeScript};
    for locale in LOCALES {
        let (_, b) = built(locale);
        let pdf = support::load(&b.pdf);
        for f in support::fonts(&pdf) {
            assert!(
                f.embedded_bytes.is_some(),
                "{locale}: {} not embedded",
                f.base_font
            );
            assert!(
                f.base_font.contains('+'),
                "{locale}: {} is not a subset",
                f.base_font
            );
        }
        let mut checked = 0;
        for page in support::pages(&pdf) {
            // Each glyph's own text: a word's /ActualText span gives it to the first.
            for g in &page.glyphs {
                let Some(script) = g
                    .unicode
                    .chars()
                    .map(|c| c.script())
                    .find(|s| !matches!(s, Script::Common | Script::Inherited))
                else {
                    continue;
                };
                let want = family_for(locale, script)
                    .unwrap_or_else(|| panic!("{locale}: no font expected for {script:?}"));
                let family = g.font.split_once('+').map_or(g.font.as_str(), |(_, n)| n);
                assert!(
                    family.split('-').next() == Some(want),
                    "{locale}: {:?} ({script:?}) drawn with {family}, not {want}",
                    g.unicode
                );
                checked += 1;
            }
        }
        assert!(checked > 500, "{locale}: only {checked} glyphs");
    }
}

#[test]
fn drafts_say_so_on_every_page_in_both_languages() {
    for locale in LOCALES.iter().filter(|l| **l != "en") {
        let (doc, b) = built(locale);
        assert!(doc.draft, "{locale} is marked draft");
        for (i, p) in support::pages(&support::load(&b.pdf)).iter().enumerate() {
            // Content where it is first read (a listener must hear it), furniture
            // where it repeats.
            let notice: Vec<&support::Glyph> =
                p.glyphs.iter().filter(|g| g.artifact == (i > 0)).collect();
            let mut t = support::text_of(&notice);
            if doc.language.is_rtl() {
                t = t
                    .lines()
                    .map(support::logical_line)
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            assert!(
                t.contains("Draft translation — not reviewed"),
                "{locale} page {i}: {t}"
            );
            assert!(
                t.contains(&doc.labels.draft_notice),
                "{locale} page {i}: {t}"
            );
        }
    }
    let (_, en) = built("en");
    let raw = support::content_text(&support::load(&en.pdf));
    assert!(
        !raw.contains("Draft"),
        "the source leaflet has no draft notice"
    );
}

#[test]
fn right_to_left_leaflets_are_right_aligned_and_mirrored() {
    for locale in ["ar", "he", "fa", "ur"] {
        right_aligned_and_mirrored(locale);
    }
}

fn right_aligned_and_mirrored(locale: &str) {
    let (_, b) = built(locale);
    let pdf = support::load(&b.pdf);
    let catalog = pdf.catalog().expect("catalog");
    let prefs = catalog
        .get(b"ViewerPreferences")
        .and_then(|p| p.as_dict())
        .expect("prefs");
    assert_eq!(
        prefs.get(b"Direction").and_then(|d| d.as_name()).ok(),
        Some(&b"R2L"[..])
    );
    let right = 595.28 - 25.0 * 72.0 / 25.4;
    let page = &support::pages(&pdf)[0];
    // Body lines end at the right margin (ragged on the left).
    let mut line_ends: std::collections::BTreeMap<i32, f32> = Default::default();
    for g in page
        .glyphs
        .iter()
        .filter(|g| !g.artifact && (g.size - 12.0).abs() < 0.01)
    {
        let e = line_ends.entry(g.y.round() as i32).or_insert(0.0);
        *e = e.max(g.x + g.width);
    }
    // Flush right within their region: the column, a list (16 pt indent on the right)
    // or the warning box (9 pt padding); ragged lines would end anywhere.
    let style = Style::default();
    let deepest = style.list_indent + style.box_padding;
    for (y, e) in &line_ends {
        assert!(
            *e <= right + 0.5 && *e >= right - deepest - 0.5,
            "{locale}: line at y={y} ends at {e}, right margin {right}"
        );
    }
    let flush = line_ends
        .values()
        .filter(|e| (right - **e).abs() < 1.0)
        .count();
    assert!(
        flush * 2 >= line_ends.len(),
        "{locale}: {flush} of {} lines end at the right margin",
        line_ends.len()
    );
    // Bullets sit on the right-hand side.
    let bullets: Vec<&support::Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.text.contains('•'))
        .collect();
    assert!(!bullets.is_empty());
    assert!(
        bullets.iter().all(|b| b.x > 595.28 / 2.0),
        "{locale}: bullets on the left: {bullets:?}"
    );
}

#[test]
fn overflowing_the_page_budget_names_the_locale_and_the_amount() {
    let (doc, style) = support::pipeline::prepared_ketamine("de", &PrintForm::default());
    let geometry = Geometry {
        max_pages: Some(1),
        ..Geometry::for_form(&PrintForm::default())
    };
    let err = build::render(&doc, &style, &geometry)
        .expect_err("two pages do not fit one")
        .to_string();
    assert!(
        err.contains("the `de` leaflet needs 2 pages but A4 allows 1: it overflows by "),
        "{err}"
    );
    assert!(err.contains("overflows by") && err.contains(" mm"), "{err}");
}

#[test]
fn chinese_and_japanese_closing_punctuation_never_starts_a_line() {
    for locale in ["zh-Hans", "zh-Hant", "ja"] {
        let (_, b) = built(locale);
        let text = support::content_text(&support::load(&b.pdf));
        for line in text.lines() {
            let first = line.chars().next();
            assert!(
                !matches!(
                    first,
                    Some(
                        '。' | '，'
                            | '、'
                            | '）'
                            | '：'
                            | '；'
                            | '？'
                            | '！'
                            | '」'
                            | '』'
                            | '”'
                            | 'ー'
                            | 'ッ'
                            | 'ャ'
                            | 'ュ'
                            | 'ョ'
                            | 'っ'
                            | 'ゃ'
                            | 'ゅ'
                            | 'ょ'
                    )
                ),
                "{locale}: line starts with closing punctuation or a small kana: {line}"
            );
            let last = line.chars().last();
            assert!(
                !matches!(last, Some('（' | '「' | '『' | '“')),
                "{locale}: line ends with opening punctuation: {line}"
            );
        }
        assert!(text.lines().count() > 20, "{locale}");
    }
}

// ---- right-to-left extraction ----------------------------------------------------

/// Lines of the content text of `pdf` read back the way `read` rebuilds them.
fn lines_read(pdf: &[u8], read: impl Fn(&str) -> String) -> Vec<String> {
    support::content_text(&support::load(pdf))
        .lines()
        .map(read)
        .collect()
}

/// Brackets are mirrored in Arabic text (the glyph of `)` drawn for `(`); they,
/// numbers, punctuation and the lam-alef ligature read back in logical order both by
/// UAX #9 and by a class-only reordering like poppler's, which used to give
/// "( )NMDA" and move commas and spaces next to Latin text and digits.
#[test]
fn arabic_brackets_numbers_and_punctuation_read_back_in_logical_order() {
    let (_, b) = built("ar");
    for (how, lines) in [
        ("UAX #9", lines_read(&b.pdf, support::logical_line)),
        ("poppler", lines_read(&b.pdf, |l| poppler_line(l, true))),
    ] {
        let text = lines.join("\n");
        for want in [
            "أسبارتات (NMDA) في الدماغ.",
            "مستقبلات NMDA في الإحساس",
            "منذ أكثر من 50 عاما. ويستخدم",
            "حول العالم، ولا تكون",
        ] {
            assert!(text.contains(want), "{how}: no {want:?} in\n{text}");
        }
    }
    // Numbers carry no invisible marks inside them, so searching the PDF for "50" works.
    let raw = support::content_text(&support::load(&b.pdf));
    assert!(raw.contains("50"), "a mark inside 50 in\n{raw}");
}

/// One bracket glyph serves `(` in left-to-right text and a mirrored `)` in
/// right-to-left text: each use reads back as its own character.
#[test]
fn a_mirrored_bracket_does_not_change_the_same_glyph_elsewhere() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("mixed");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("en.yaml"),
        "language: en\ntitle: Brackets\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - \"The receptor (NMDA) is named الألم (علاج) الكيتامين in Arabic (الألم) too (see [1]).\"\n",
    )
    .expect("write");
    let h = handout::discover::discover(&dir).expect("discover")[0].clone();
    let form = PrintForm::default();
    let (doc, style) = build::load(&h, "en", &form, Limits::default()).expect("load");
    let b = build::render(&doc, &style, &Geometry::for_form(&form)).expect("build");
    let text = lines_read(&b.pdf, |l| poppler_line(l, false)).join("\n");
    assert!(
        text.contains(
            "The receptor (NMDA) is named الألم (علاج) الكيتامين in Arabic (الألم) too (see [1])."
        ),
        "{text}"
    );
}

/// Builds a one-file handout holding `text` in `language`; returns the characters
/// extractors get, glyph by glyph (/ToUnicode, or a glyph's own /ActualText).
fn extracted(language: &str, text: &str) -> String {
    let doc = support::load(&support::cli::build_one_file(language, "1", text));
    support::pages(&doc)
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| !g.artifact)
        .map(|g| g.text.as_str())
        .collect()
}

/// The characters of `s` but spaces and direction marks (a right-to-left word that
/// ends in a vowel mark is given as drawn behind a right-to-left mark), sorted.
fn sorted_letters(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200E}' | '\u{200F}'))
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn a_glyph_used_with_different_texts_extracts_each_text() {
    // The same base letter with and without a vowel mark: the marks must survive.
    let arabic = "كتب كَتَبَ وكتب";
    let got = extracted("ar", arabic);
    assert_eq!(
        sorted_letters(&got),
        sorted_letters(&format!("T{arabic}")),
        "{got}"
    );
    // A literal ligature character next to the shaped ligature of "fi", and a
    // letter with a combining mark next to the bare letter.
    let latin = "The ﬁle and fine fish. q\u{303} and q.";
    let got = extracted("en", latin);
    let letters: String = got.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(letters.contains("Theﬁleandfinefish.q\u{303}andq."), "{got}");
}
