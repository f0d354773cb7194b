//! Assembling one chosen line: its glyphs in visual order, spaces stretched or
//! shrunk to the measure, each glyph pointing at the text it stands for.

use super::itemize::Content;
use super::linebreak::{Item, LineBreak};
use super::{SetLine, TextStyle};
use crate::layout::page::{GlyphRun, PlacedGlyph};
use crate::text::shape::ShapedGlyph;

/// Turns one chosen line into one positioned run in visual order; `text` is the
/// paragraph's text, which the glyphs of its words stand for.
pub(super) fn assemble(
    text: &str,
    items: &[Item],
    contents: &[Content],
    lb: &LineBreak,
    style: &TextStyle,
    measure: f32,
    rtl: bool,
) -> SetLine {
    let mut logical: Vec<Logical> = Vec::new();
    for i in lb.start..lb.end {
        match (&items[i], &contents[i]) {
            (Item::Box { .. }, Content::Glyphs(gs)) | (Item::Glue { .. }, Content::NoBreak(gs)) => {
                logical.extend(gs.iter().map(|w| word(text, w)));
            }
            (Item::Box { .. }, Content::PostBreak(gs)) if i == lb.start => {
                logical.extend(gs.iter().map(|w| word(text, w)));
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
                logical.push((g, set, link.as_deref(), cluster(" ", g)));
            }
            _ => {}
        }
    }
    // Spaces before the break (e.g. before a penalty) are not drawn.
    while logical.last().is_some_and(|(_, _, _, t)| *t == " ") {
        logical.pop();
    }
    if lb.hyphenated {
        match &contents[lb.end] {
            Content::Hyphen(Some(h)) => logical.push(hyphen(h)),
            Content::PreBreak(gs, h) => {
                logical.extend(gs.iter().map(|w| word(text, w)));
                logical.extend(h.iter().map(hyphen));
            }
            _ => {}
        }
    }
    // The line's text in logical order, once; each glyph points at its part of it.
    let mut line_text = String::with_capacity(logical.iter().map(|l| l.3.len()).sum());
    let ranges: Vec<std::ops::Range<u32>> = logical
        .iter()
        .map(|(_, _, _, t)| {
            let start = line_text.len() as u32;
            line_text.push_str(t);
            start..line_text.len() as u32
        })
        .collect();
    let levels: Vec<u8> = logical.iter().map(|(g, _, _, _)| g.level).collect();
    let order = if levels.iter().any(|l| l % 2 == 1) {
        visual_order(&levels)
    } else {
        (0..logical.len()).collect()
    };

    let mut glyphs = Vec::with_capacity(logical.len());
    let mut links: Vec<(f32, f32, String)> = Vec::new();
    let mut x = 0.0;
    for i in order {
        let (g, advance, link, _) = logical[i];
        if let Some(url) = link {
            match links.last_mut() {
                Some((lx, lw, u)) if u == url && (*lx + *lw - x).abs() < 0.01 => *lw += advance,
                _ => links.push((x, advance, url.to_string())),
            }
        }
        glyphs.push(PlacedGlyph {
            face: g.face,
            gid: g.gid,
            x,
            advance,
            x_offset: g.x_offset,
            y_offset: g.y_offset,
            text: ranges[i].clone(),
            level: g.level,
        });
        x += advance;
    }
    SetLine {
        runs: vec![GlyphRun {
            x: 0.0,
            baseline: 0.0,
            size: style.size,
            color: style.color,
            glyphs,
            text: line_text,
        }],
        width: x,
        measure,
        rtl,
        links,
        hyphenated: lb.hyphenated,
    }
}

/// A glyph, its advance, its link and the text it stands for, in logical order.
type Logical<'a> = (&'a ShapedGlyph, f32, Option<&'a str>, &'a str);

/// A glyph of a word, shaped from the paragraph's `text`.
fn word<'a>(text: &'a str, (g, link): &'a (ShapedGlyph, Option<String>)) -> Logical<'a> {
    (g, g.advance, link.as_deref(), cluster(text, g))
}

/// A hyphen, shaped on its own (see `itemize::items`), as are spaces.
fn hyphen(h: &ShapedGlyph) -> Logical<'_> {
    (h, h.advance, None, cluster("-", h))
}

/// The characters glyph `g`, shaped from `shaped`, stands for.
fn cluster<'a>(shaped: &'a str, g: &ShapedGlyph) -> &'a str {
    shaped.get(g.text.clone()).unwrap_or("")
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
