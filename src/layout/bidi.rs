//! Bidirectional text (UAX #9) for set lines: embedding levels, visual order, and
//! the extraction text of neutrals at a change of direction.

use super::page::PlacedGlyph;
use super::paragraph::Context;

/// The UAX #9 embedding level of every byte of `text`.
pub fn bidi_levels(ctx: &Context, text: &str) -> Vec<u8> {
    use unicode_bidi::{BidiInfo, Level};
    let base = if ctx.rtl() {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(text, Some(base));
    info.levels.iter().map(|l| l.number()).collect()
}

/// Visual order of items with bidi `levels` (UAX #9 rule L2).
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let max = levels.iter().copied().max().unwrap_or(0);
    let min_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(max + 1);
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
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
pub fn fence_neutrals(glyphs: &mut [PlacedGlyph], levels: &[u8]) {
    use unicode_bidi::{bidi_class, BidiClass};
    for k in 0..glyphs.len() {
        let rtl = levels[k] % 2 == 1;
        let text = &glyphs[k].text;
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
            !space || levels.get(k + 1).is_some_and(|l| l % 2 == 0)
        } else {
            // Left-to-right: what follows (visually right of) right-to-left material.
            k > 0 && levels[k - 1] % 2 == 1
        };
        if !fence {
            continue;
        }
        let mark = if rtl { '\u{200F}' } else { '\u{200E}' };
        let shown = if rtl { mirrored(text) } else { None };
        let g = &mut glyphs[k];
        g.actual_text = Some(format!("{mark}{}{mark}", g.text));
        if let Some(c) = shown {
            g.text = c.to_string();
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
