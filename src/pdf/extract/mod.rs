//! What a text extractor reads from the PDF, decided here and nowhere else: the text
//! each use of a glyph stands for, each glyph's `/ToUnicode` entry (one per glyph,
//! shared by all its uses), the `/ActualText` span of a use whose entry would be
//! wrong, and the direction marks that fence neutrals at a change of direction.
//!
//! The page model says what each glyph stands for in reading order and at which bidi
//! level it stands; how extractors are made to read that back is decided here.
//! Right-to-left text is drawn in visual order with one `/ToUnicode` entry per glyph:
//! extractors (poppler, pdf.js) turn such lines back into logical order themselves.
//! An /ActualText span with the logical line made poppler reverse it a second time,
//! so spans hold single glyphs, or single words given as drawn (see [`words`]).

mod words;

pub use words::{word_spans, WordSpan};

use crate::fast_map::FastMap;
use crate::layout::page::PlacedGlyph;
use crate::layout::{GlyphRun, Layout, Shape};
use crate::text::FaceId;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What extraction is to give for one use of a glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted<'a> {
    /// The text this use asks of the glyph's `/ToUnicode` entry.
    pub unicode: Cow<'a, str>,
    /// The text of this use alone (a neutral fenced by direction marks).
    pub actual: Option<String>,
}

impl Extracted<'_> {
    /// The text an extractor is to read for this use.
    pub fn text(&self) -> &str {
        self.actual.as_deref().unwrap_or(&self.unicode)
    }
}

/// What extraction is to give for each glyph of `run`, in the run's (visual) order.
pub fn glyph_texts(run: &GlyphRun) -> Vec<Extracted<'_>> {
    let mut out: Vec<Extracted> = run
        .glyphs
        .iter()
        .map(|g| Extracted {
            unicode: as_drawn(run.glyph_text(g), g.level),
            actual: None,
        })
        .collect();
    if has_right_to_left(run) {
        fence_neutrals(&run.glyphs, &mut out);
    }
    out
}

/// Whether any glyph of `run` stands at a right-to-left bidi level.
fn has_right_to_left(run: &GlyphRun) -> bool {
    run.glyphs.iter().any(|g| g.level % 2 == 1)
}

/// The `/ActualText` of one use of a glyph whose `/ToUnicode` entry gives `mapped`:
/// its own text where the entry would give another, or none at all (a mark shaped
/// into its base letter's cluster stands for no text, and says so with an empty span).
pub fn span_text<'a>(use_: &'a Extracted, mapped: &str) -> Option<&'a str> {
    use_.actual
        .as_deref()
        .or_else(|| (use_.unicode != mapped || mapped.is_empty()).then_some(&*use_.unicode))
}

/// Each glyph's `/ToUnicode` text, per face: of the texts the glyph stands for in
/// the document, the most frequent non-empty one (the first seen of equals). A use
/// with another text (a base letter that carries a mark elsewhere, a literal "ﬁ"
/// next to the ligature of "fi") gets a span of its own (see [`span_text`]).
pub fn to_unicode<'a>(layout: &'a Layout) -> BTreeMap<FaceId, BTreeMap<u16, String>> {
    // The texts one glyph stands for, in order of first appearance, with their counts
    // (a hash map while counting: one look-up per glyph drawn; sorted at the end).
    type Seen<'a> = Vec<(Cow<'a, str>, usize)>;
    let mut seen: FastMap<(FaceId, u16), Seen<'a>> = FastMap::default();
    for page in &layout.pages {
        page.frame.walk(&mut |element| {
            let Shape::Glyphs(run) = element.shape else {
                return;
            };
            let mut count = |g: &PlacedGlyph, text: Cow<'a, str>| {
                let texts = seen.entry((g.face, g.gid)).or_default();
                match texts.iter_mut().find(|(t, _)| *t == text) {
                    Some((_, n)) => *n += 1,
                    None => texts.push((text, 1)),
                }
            };
            // A left-to-right run's glyphs stand for their own text as it is (see
            // `glyph_texts`): no list of them is needed.
            if has_right_to_left(run) {
                for (g, e) in run.glyphs.iter().zip(glyph_texts(run)) {
                    count(g, e.unicode);
                }
            } else {
                for g in &run.glyphs {
                    count(g, Cow::Borrowed(run.glyph_text(g)));
                }
            }
        });
    }
    let mut by_face: BTreeMap<FaceId, BTreeMap<u16, String>> = BTreeMap::new();
    for ((face, gid), texts) in seen {
        let best = texts.iter().filter(|(t, _)| !t.is_empty()).fold(
            None::<(&str, usize)>,
            |best, (t, n)| match best {
                Some((_, m)) if m >= *n => best,
                _ => Some((t, *n)),
            },
        );
        by_face
            .entry(face)
            .or_default()
            .insert(gid, best.map_or(String::new(), |(t, _)| t.to_string()));
    }
    by_face
}

/// The text of a glyph as extractors read it where it is drawn. Extractors reverse
/// right-to-left lines character by character to get logical order, which would also
/// reverse a ligature's text (lam-alef "لا" → "ال"); giving a right-to-left cluster
/// of several characters in reverse makes that come out right.
fn as_drawn(text: &str, level: u8) -> Cow<'_, str> {
    if level % 2 == 1 && text.chars().nth(1).is_some() {
        Cow::Owned(text.chars().rev().collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Gives neutral glyphs at a change of direction (brackets, punctuation, spaces)
/// their own extraction text, fenced by invisible directional marks.
///
/// Extractors rebuild logical order from glyphs in visual order; poppler does it by
/// character class alone, so a neutral next to letters of the other direction (or
/// digits) joins them and comes out on the wrong side ("(NMDA)" in Arabic read back
/// as "( )NMDA"), and its digit class for `.` `,` `،` splits Arabic sentences. A mark
/// of the neutral's own direction keeps it where UAX #9 put it. A mirrored bracket
/// also keeps, as its glyph's own (shared) text, the bracket it shows, so the same
/// glyph in left-to-right text stays right.
fn fence_neutrals(glyphs: &[PlacedGlyph], out: &mut [Extracted]) {
    use unicode_bidi::{bidi_class, BidiClass};
    let rtl_at = |k: usize| glyphs[k].level % 2 == 1;
    for (k, e) in out.iter_mut().enumerate() {
        let rtl = rtl_at(k);
        let text = &e.unicode;
        // Digits read as left to right everywhere (extractors agree), so a number is
        // never fenced: marks inside "50" would break searching for it.
        let strong = text.chars().any(|c| {
            matches!(
                (rtl, bidi_class(c)),
                (true, BidiClass::R | BidiClass::AL)
                    | (false, BidiClass::L)
                    | (_, BidiClass::EN | BidiClass::AN)
            )
        });
        if text.is_empty() || strong {
            continue;
        }
        let space = text.chars().all(char::is_whitespace);
        let fence = if rtl {
            // Right-to-left: any punctuation; a space only before (visually left of)
            // left-to-right material.
            !space || (k + 1 < glyphs.len() && !rtl_at(k + 1))
        } else {
            // Left-to-right: what follows (visually right of) right-to-left material.
            k > 0 && rtl_at(k - 1)
        };
        if !fence {
            continue;
        }
        let mark = if rtl { '\u{200F}' } else { '\u{200E}' };
        let shown = if rtl { mirrored(text) } else { None };
        e.actual = Some(format!("{mark}{text}{mark}"));
        if let Some(c) = shown {
            e.unicode = Cow::Owned(c.to_string());
        }
    }
}

/// The character a glyph of right-to-left `text` shows: the shaper mirrors paired
/// brackets and a few other characters.
fn mirrored(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    const PAIRS: &[(char, char)] = &[
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('≤', '≥'),
    ];
    PAIRS.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::page::PlacedGlyph;
    use crate::layout::Rgb;

    /// A run of one glyph per character of `text` (logical order) at `levels`,
    /// drawn in the visual order `visual` (indices into the characters).
    fn run(text: &str, levels: &[u8], visual: &[usize]) -> GlyphRun {
        let ranges: Vec<std::ops::Range<u32>> = text
            .char_indices()
            .map(|(i, c)| i as u32..(i + c.len_utf8()) as u32)
            .collect();
        GlyphRun {
            x: 0.0,
            baseline: 0.0,
            size: 10.0,
            color: Rgb::BLACK,
            glyphs: visual
                .iter()
                .map(|&k| PlacedGlyph {
                    face: FaceId(0),
                    gid: k as u16,
                    x: 0.0,
                    advance: 1.0,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: ranges[k].clone(),
                    level: levels[k],
                })
                .collect(),
            text: text.into(),
            lang: None,
        }
    }

    #[test]
    fn left_to_right_text_is_read_as_it_stands() {
        let r = run("a (b)", &[0; 5], &[0, 1, 2, 3, 4]);
        let texts: Vec<String> = glyph_texts(&r).iter().map(|e| e.text().into()).collect();
        assert_eq!(texts, ["a", " ", "(", "b", ")"]);
    }

    #[test]
    fn a_bracket_in_right_to_left_text_shows_its_mirror_inside_marks() {
        // "ب (ج)" right to left: drawn as ")ج( ب" with the brackets mirrored.
        let r = run("ب (ج)", &[1; 5], &[4, 3, 2, 1, 0]);
        let texts = glyph_texts(&r);
        assert_eq!(texts[0].unicode, "(");
        assert_eq!(texts[0].actual.as_deref(), Some("\u{200F})\u{200F}"));
        assert_eq!(texts[1].text(), "ج");
        assert_eq!(texts[2].unicode, ")");
        // A space between right-to-left letters needs no mark.
        assert_eq!(texts[3].text(), " ");
    }

    #[test]
    fn a_right_to_left_cluster_is_given_reversed_and_a_span_only_where_needed() {
        let r = run("لا", &[1, 1], &[1, 0]);
        assert_eq!(as_drawn("لا", 1), "ال");
        assert_eq!(as_drawn("fi", 0), "fi");
        let texts = glyph_texts(&r);
        assert_eq!(span_text(&texts[0], "ا"), None);
        assert_eq!(span_text(&texts[0], "x"), Some("ا"));
        assert_eq!(span_text(&texts[0], ""), Some("ا"));
    }
}
