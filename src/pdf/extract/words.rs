//! Words that extractors cannot rebuild from their glyphs, and the one `/ActualText`
//! span each of them is drawn in.
//!
//! Poppler (pdftotext, and the copy and paste of viewers built on it) rebuilds words
//! from glyph positions: a glyph that stands for no text of its own leaves a gap that
//! reads as a space, and glyphs on stepped baselines that overlap read as words of
//! their own. Two kinds of script do that to most words:
//! - scripts shaped in clusters of several glyphs (Devanagari, Bengali, Gurmukhi,
//!   Gujarati and the other Brahmic scripts; Khmer, Myanmar, Thai, Lao): a vowel
//!   sign drawn before its consonant, a reph, a stacked mark give the cluster's text
//!   to its first glyph and none to the others. `pdftotext -raw` read "दीर्घकालिक"
//!   as "दी र्घका लि क";
//! - Nastaliq (Urdu): the letters of a word climb diagonally, each on a baseline of
//!   its own and overlapping the next, and a letter's dots are glyphs of their own
//!   above or below it; poppler read every letter as a word and gave them in drawn
//!   order, so no Urdu word came back. The same goes for any right-to-left word
//!   with a glyph off the baseline (an Arabic vowel mark).
//!
//! Such a word is drawn inside one `/Span` whose `/ActualText` is the word (PDF 1.7
//! § 14.9.4, nested in the element's marked content as PDF/UA allows); the glyphs'
//! own spans inside it are dropped (readers take the outermost). The text is given
//! as drawn, like a right-to-left cluster's `/ToUnicode` text (see `as_drawn`):
//! extractors reverse right-to-left words themselves. Words that read right glyph by
//! glyph (Latin, Greek, Cyrillic, CJK, Hebrew, Arabic in Naskh without marks, a Hindi
//! word of simple letters) get no span, so those files do not change.

use super::{as_drawn, has_right_to_left, Extracted};
use crate::layout::page::PlacedGlyph;
use crate::layout::GlyphRun;
use std::ops::Range;

/// One word drawn inside one `/ActualText` span.
#[derive(Debug, Clone, PartialEq)]
pub struct WordSpan {
    /// Its glyphs: indices into the run's glyphs (visual order).
    pub glyphs: Range<usize>,
    /// What extractors are to read for them, as drawn (see the module's notes).
    pub text: String,
    /// The glyph to draw first: extractors put the word where its first glyph is,
    /// so it is the leftmost on the line's baseline (not a mark below a letter).
    pub first: usize,
}

/// The words of `run` that need a span, left to right. `texts` is what each glyph
/// stands for ([`super::glyph_texts`]) and `own` the text of each glyph's own span
/// ([`super::span_text`]). A word is a stretch of glyphs at one bidi level between
/// spaces and fenced neutrals (which keep their own spans).
pub fn word_spans(run: &GlyphRun, texts: &[Extracted], own: &[Option<&str>]) -> Vec<WordSpan> {
    // Most runs can hold no such word: none of their glyphs is right to left and none
    // of their text is of a script shaped in clusters. One look at the run says so
    // (a word's text is part of the run's) before its words are looked at.
    if !has_right_to_left(run) && !run.text.chars().any(shaped_in_clusters) {
        return Vec::new();
    }
    let separates = |k: usize| {
        let text = run.glyph_text(&run.glyphs[k]);
        texts[k].actual.is_some() || (!text.is_empty() && text.chars().all(char::is_whitespace))
    };
    let mut spans = Vec::new();
    let mut start = 0;
    while start < run.glyphs.len() {
        if separates(start) {
            start += 1;
            continue;
        }
        let level = run.glyphs[start].level;
        let mut end = start + 1;
        while end < run.glyphs.len() && !separates(end) && run.glyphs[end].level == level {
            end += 1;
        }
        spans.extend(word_span(run, texts, own, start..end));
        start = end;
    }
    spans
}

/// The span of the word drawn by `glyphs`, if extractors would not read it right.
fn word_span(
    run: &GlyphRun,
    texts: &[Extracted],
    own: &[Option<&str>],
    glyphs: Range<usize>,
) -> Option<WordSpan> {
    let drawn = &run.glyphs[glyphs.clone()];
    if drawn.len() < 2 {
        return None;
    }
    // The cheap tests first: most words of most leaflets need no span.
    let rtl = drawn[0].level % 2 == 1;
    let needed = if rtl {
        leaves_the_baseline(drawn)
    } else {
        drawn
            .iter()
            .any(|g| run.glyph_text(g).chars().any(shaped_in_clusters))
            && !reads_glyph_by_glyph(drawn, &own[glyphs.clone()])
    };
    if !needed {
        return None;
    }
    let text = run.text.get(logical_range(drawn)?)?;
    if !rtl {
        return Some(WordSpan {
            first: glyphs.start,
            glyphs,
            text: text.to_string(),
        });
    }
    // Poppler puts a space between two words only where their glyphs leave a gap,
    // and Nastaliq's spaces are narrower than the gap it wants: the space before the
    // word (drawn to its right) is part of its span, which then ends where the next
    // word begins, and poppler reads the line's words as one stretch of text.
    let space = Some(glyphs.end).filter(|&k| {
        run.glyphs.get(k).is_some_and(|g| {
            g.level == drawn[0].level
                && texts[k].actual.is_none()
                && own[k].is_none()
                && run.glyph_text(g) == " "
        })
    });
    // Extractors reverse the stretch from a word's first right-to-left letter: a word
    // that ends in a mark (Urdu's izafat, "نظرِ") would begin with it as drawn and
    // keep it in front, so a right-to-left mark comes first.
    let mut shown = String::with_capacity(text.len() + 4);
    let drawn_text = as_drawn(text, drawn[0].level);
    if drawn_text
        .chars()
        .next()
        .is_some_and(|c| !strong_right_to_left(c))
    {
        shown.push('\u{200F}');
    }
    shown.push_str(&drawn_text);
    if space.is_some() {
        shown.push(' ');
    }
    let on_baseline = drawn.iter().position(|g| g.y_offset.abs() < 0.001);
    Some(WordSpan {
        first: glyphs.start + on_baseline.unwrap_or(0),
        glyphs: glyphs.start..space.map_or(glyphs.end, |k| k + 1),
        text: shown,
    })
}

fn strong_right_to_left(c: char) -> bool {
    use unicode_bidi::{bidi_class, BidiClass};
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The characters the glyphs stand for, if they are one stretch of the run's text
/// (a word's glyphs are; anything else is left to the glyphs' own texts).
fn logical_range(drawn: &[PlacedGlyph]) -> Option<Range<usize>> {
    let mut ranges: Vec<&Range<u32>> = drawn.iter().map(|g| &g.text).collect();
    ranges.retain(|r| !r.is_empty());
    ranges.sort_by_key(|r| r.start);
    let (first, last) = (ranges.first()?, ranges.last()?);
    let adjoining = ranges.windows(2).all(|w| w[0].end == w[1].start);
    adjoining.then_some(first.start as usize..last.end as usize)
}

/// Left-to-right glyphs each with its own text (no span), in the characters' order:
/// what extractors rebuild right without help.
fn reads_glyph_by_glyph(drawn: &[PlacedGlyph], own: &[Option<&str>]) -> bool {
    own.iter().all(Option::is_none) && drawn.windows(2).all(|w| w[0].text.end <= w[1].text.start)
}

/// Glyphs of a right-to-left word on more than one baseline: Nastaliq's cascade, or a
/// dot or mark drawn above or below its letter. Poppler starts a new word wherever
/// the baseline changes from one glyph to the next, even at a glyph that stands for
/// no text of its own (a Nastaliq letter's dots, drawn as glyphs of their own), so
/// "زیادہ" came back as "ز یادہ" when only the letters were compared.
fn leaves_the_baseline(drawn: &[PlacedGlyph]) -> bool {
    drawn
        .windows(2)
        .any(|w| (w[0].y_offset - w[1].y_offset).abs() > 0.001)
}

/// Scripts whose shaping turns one cluster of characters into several glyphs that
/// are reordered or stacked (the Brahmic scripts of South and South-East Asia).
fn shaped_in_clusters(c: char) -> bool {
    !outside_clustered_scripts(c) && of_clustered_script(c)
}

/// [`shaped_in_clusters`] asked of the script table alone.
fn of_clustered_script(c: char) -> bool {
    use unicode_script::{Script as S, UnicodeScript};
    matches!(
        c.script(),
        S::Devanagari
            | S::Bengali
            | S::Gurmukhi
            | S::Gujarati
            | S::Oriya
            | S::Tamil
            | S::Telugu
            | S::Kannada
            | S::Malayalam
            | S::Sinhala
            | S::Tibetan
            | S::Khmer
            | S::Myanmar
            | S::Thai
            | S::Lao
    )
}

/// Characters no script of [`shaped_in_clusters`] has, told without the script
/// table: everything before Devanagari (Latin, Greek, Cyrillic, Hebrew, Arabic) and
/// the CJK blocks from U+3000 to U+9FFF (kana, Hangul jamo, the ideographs).
fn outside_clustered_scripts(c: char) -> bool {
    c < '\u{900}' || ('\u{3000}'..='\u{9FFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::super::{glyph_texts, span_text};
    use super::*;
    use crate::layout::Rgb;
    use crate::text::FaceId;

    /// A run drawing `text` with `glyphs` in visual order: (byte range of the text,
    /// bidi level, vertical offset, advance) each.
    fn run(text: &str, glyphs: &[(Range<u32>, u8, f32, f32)]) -> GlyphRun {
        GlyphRun {
            x: 0.0,
            baseline: 0.0,
            size: 10.0,
            color: Rgb::BLACK,
            glyphs: glyphs
                .iter()
                .enumerate()
                .map(|(k, (text, level, y_offset, advance))| PlacedGlyph {
                    face: FaceId(0),
                    gid: k as u16,
                    x: k as f32,
                    advance: *advance,
                    x_offset: 0.0,
                    y_offset: *y_offset,
                    text: text.clone(),
                    level: *level,
                })
                .collect(),
            text: text.into(),
            lang: None,
        }
    }

    /// The spans of `run` when each glyph's `/ToUnicode` text is `mapped`.
    fn spans(run: &GlyphRun, mapped: &[&str]) -> Vec<WordSpan> {
        let texts = glyph_texts(run);
        let own: Vec<Option<&str>> = texts
            .iter()
            .zip(mapped)
            .map(|(e, m)| span_text(e, m))
            .collect();
        word_spans(run, &texts, &own)
    }

    #[test]
    fn the_quick_test_agrees_with_the_script_table() {
        for c in ('\0'..='\u{8FF}').chain('\u{3000}'..='\u{9FFF}') {
            assert!(outside_clustered_scripts(c));
            // The script table, asked without the quick test, says the same.
            assert!(!of_clustered_script(c), "{c:?} is of a clustered script");
        }
        assert!(!outside_clustered_scripts('\u{915}'));
        assert!(shaped_in_clusters('\u{915}'));
    }

    #[test]
    fn a_vowel_sign_drawn_before_its_consonant_puts_the_word_in_one_span() {
        // "कि" drawn as ि before क (ि carries the cluster, क nothing), then a space
        // and "न" alone.
        let r = run(
            "कि न",
            &[
                (0..6, 0, 0.0, 1.0),
                (6..6, 0, 0.0, 1.0),
                (6..7, 0, 0.0, 1.0),
                (7..10, 0, 0.0, 1.0),
            ],
        );
        let got = spans(&r, &["ि", "क", " ", "न"]);
        assert_eq!(
            got,
            [WordSpan {
                glyphs: 0..2,
                text: "कि".into(),
                first: 0,
            }]
        );
    }

    #[test]
    fn words_extractors_read_glyph_by_glyph_get_no_span() {
        // Latin with a mark of its own glyph, and a Hindi word of simple letters.
        let r = run("q\u{303}", &[(0..3, 0, 0.0, 1.0), (3..3, 0, 2.0, 0.0)]);
        assert!(spans(&r, &["q", "\u{303}"]).is_empty());
        let r = run("कन", &[(0..3, 0, 0.0, 1.0), (3..6, 0, 0.0, 1.0)]);
        assert!(spans(&r, &["क", "न"]).is_empty());
        // Arabic in Naskh: letters on one baseline.
        let r = run(
            "كتب",
            &[
                (4..6, 1, 0.0, 1.0),
                (2..4, 1, 0.0, 1.0),
                (0..2, 1, 0.0, 1.0),
            ],
        );
        assert!(spans(&r, &["ب", "ت", "ك"]).is_empty());
    }

    #[test]
    fn a_glyph_off_the_baseline_puts_a_right_to_left_word_in_one_span() {
        // "زیا" in Nastaliq with its letters on the baseline and the ی's dots a
        // glyph of their own below it, standing for no text: poppler would end the
        // word at the dots.
        let text = "زیا";
        let r = run(
            text,
            &[
                (4..6, 1, 0.0, 1.0),
                (6..6, 1, -3.3, 0.0),
                (2..4, 1, 0.0, 1.0),
                (0..2, 1, 0.0, 1.0),
            ],
        );
        let got = spans(&r, &["ا", "", "ی", "ز"]);
        assert_eq!(
            got,
            [WordSpan {
                glyphs: 0..4,
                text: "ایز".into(),
                first: 0,
            }]
        );
    }

    #[test]
    fn a_nastaliq_word_is_given_as_drawn_with_the_space_before_it() {
        // "ب نظرِ" right to left: drawn as "ِرظن ب" with the letters stepping down;
        // the zer below the ر comes first and carries the cluster's text.
        let text = "ب نظرِ";
        let r = run(
            text,
            &[
                (7..11, 1, -3.0, 0.0),
                (11..11, 1, 0.0, 1.0),
                (5..7, 1, 2.0, 1.0),
                (3..5, 1, 4.0, 1.0),
                (2..3, 1, 0.0, 1.0),
                (0..2, 1, 0.0, 1.0),
            ],
        );
        let got = spans(&r, &["رِ", "", "ظ", "ن", " ", "ب"]);
        assert_eq!(
            got,
            [WordSpan {
                glyphs: 0..5,
                // A mark first as drawn would stay in front: a right-to-left mark
                // leads.
                text: "\u{200F}\u{650}رظن ".into(),
                // The ر, on the baseline, is drawn first.
                first: 1,
            }]
        );
    }
}
