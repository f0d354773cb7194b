//! Assembling one chosen line: its glyphs in visual order, spaces stretched or
//! shrunk to the measure, and the extraction text of neutrals at a change of
//! direction.

use super::itemize::Content;
use super::linebreak::{Item, LineBreak};
use super::{SetLine, TextStyle};
use crate::layout::page::{GlyphRun, PlacedGlyph};
use crate::text::shape::ShapedGlyph;

/// Turns one chosen line into one positioned run in visual order.
pub(super) fn assemble(
    items: &[Item],
    contents: &[Content],
    lb: &LineBreak,
    style: &TextStyle,
    measure: f32,
    rtl: bool,
) -> SetLine {
    // (glyph, advance, level, link) in logical order.
    let mut logical: Vec<(&ShapedGlyph, f32, Option<String>)> = Vec::new();
    for i in lb.start..lb.end {
        match (&items[i], &contents[i]) {
            (Item::Box { .. }, Content::Glyphs(gs)) | (Item::Glue { .. }, Content::NoBreak(gs)) => {
                logical.extend(gs.iter().map(|(g, link)| (g, g.advance, link.clone())));
            }
            (Item::Box { .. }, Content::PostBreak(gs)) if i == lb.start => {
                logical.extend(gs.iter().map(|(g, link)| (g, g.advance, link.clone())));
            }
            (
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                },
                Content::Space(Some((g, link))),
            ) => {
                let set = if lb.ratio >= 0.0 {
                    width + lb.ratio * stretch
                } else {
                    width + lb.ratio * shrink
                };
                logical.push((g, set, link.clone()));
            }
            _ => {}
        }
    }
    // Spaces before the break (e.g. before a penalty) are not drawn.
    while logical.last().is_some_and(|(g, _, _)| g.text == " ") {
        logical.pop();
    }
    if lb.hyphenated {
        match &contents[lb.end] {
            Content::Hyphen(Some(h)) => logical.push((h, h.advance, None)),
            Content::PreBreak(gs, h) => {
                logical.extend(gs.iter().map(|(g, link)| (g, g.advance, link.clone())));
                logical.extend(h.iter().map(|h| (h, h.advance, None)));
            }
            _ => {}
        }
    }
    let levels: Vec<u8> = logical.iter().map(|(g, _, _)| g.level).collect();
    let reordered = levels.iter().any(|l| l % 2 == 1);
    // A right-to-left glyph carries its cluster's text reversed (for extractors, see
    // `shape::collect`); the logical text puts it back the right way round.
    let actual_text = reordered.then(|| {
        logical
            .iter()
            .flat_map(|(g, _, _)| {
                let chars: Vec<char> = g.text.chars().collect();
                let rtl = g.level % 2 == 1;
                (0..chars.len()).map(move |k| chars[if rtl { chars.len() - 1 - k } else { k }])
            })
            .collect::<String>()
    });
    let order = if reordered {
        visual_order(&levels)
    } else {
        (0..logical.len()).collect()
    };

    let visual_levels: Vec<u8> = order.iter().map(|i| levels[*i]).collect();
    let mut glyphs = Vec::with_capacity(logical.len());
    let mut links: Vec<(f32, f32, String)> = Vec::new();
    let mut x = 0.0;
    for i in order {
        let (g, advance, link) = &logical[i];
        if let Some(url) = link {
            match links.last_mut() {
                Some((lx, lw, u)) if u == url && (*lx + *lw - x).abs() < 0.01 => *lw += advance,
                _ => links.push((x, *advance, url.clone())),
            }
        }
        glyphs.push(PlacedGlyph {
            face: g.face,
            gid: g.gid,
            x,
            advance: *advance,
            x_offset: g.x_offset,
            y_offset: g.y_offset,
            text: g.text.clone(),
            actual_text: None,
        });
        x += advance;
    }
    if reordered {
        fence_neutrals(&mut glyphs, &visual_levels);
    }
    SetLine {
        runs: vec![GlyphRun {
            x: 0.0,
            baseline: 0.0,
            size: style.size,
            color: style.color,
            glyphs,
            actual_text,
        }],
        width: x,
        measure,
        rtl,
        links,
        hyphenated: lb.hyphenated,
    }
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
