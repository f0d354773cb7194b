//! Assembling one chosen line: its glyphs in visual order, spaces stretched or
//! shrunk to the measure, each glyph pointing at the text it stands for.

use super::itemize::Content;
use super::linebreak::{Item, LineBreak};
use super::{Mark, SetLine, TextStyle};
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
                logical.push((g, set, link, cluster(" ", g)));
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
            Content::Hyphen(Some(h)) => {
                let mark = logical.last().map_or(&NO_MARK, |l| l.2);
                logical.push(hyphen(h, mark));
            }
            Content::PreBreak(gs, h) => {
                logical.extend(gs.iter().map(|w| word(text, w)));
                let mark = logical.last().map_or(&NO_MARK, |l| l.2);
                logical.extend(h.iter().map(|h| hyphen(h, mark)));
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

    // Runs of one mark (a link, a phrase in another language) in visual order: each
    // becomes a run of its own, positioned from the line's left edge.
    let mut runs: Vec<(GlyphRun, &Mark, usize)> = Vec::new();
    let mut x = 0.0;
    for i in order {
        let (g, advance, mark, _) = logical[i];
        let same = runs.last().is_some_and(|(_, m, _)| *m == mark);
        if !same {
            runs.push((
                GlyphRun {
                    x,
                    baseline: 0.0,
                    size: style.size,
                    color: style.color,
                    glyphs: Vec::new(),
                    text: String::new(),
                    lang: mark.lang.clone(),
                },
                mark,
                i,
            ));
        }
        if let Some((run, _, first)) = runs.last_mut() {
            *first = (*first).min(i);
            run.glyphs.push(PlacedGlyph {
                face: g.face,
                gid: g.gid,
                x: x - run.x,
                advance,
                x_offset: g.x_offset,
                y_offset: g.y_offset,
                text: ranges[i].clone(),
                level: g.level,
            });
        }
        x += advance;
    }
    // Each run holds the text of its own glyphs, in logical order; the runs go in
    // logical order too, which is the order they are read in.
    runs.sort_by_key(|(_, _, first)| *first);
    let run_links = runs.iter().map(|(_, m, _)| m.link.clone()).collect();
    let runs = runs
        .into_iter()
        .map(|(run, _, _)| own_text(run, &line_text))
        .collect();
    SetLine {
        runs,
        width: x,
        measure,
        rtl,
        run_links,
        hyphenated: lb.hyphenated,
    }
}

/// `run` with the part of the line's `text` its glyphs stand for as its own text, and
/// each glyph's range pointing into it.
fn own_text(mut run: GlyphRun, text: &str) -> GlyphRun {
    let start = run.glyphs.iter().map(|g| g.text.start).min().unwrap_or(0);
    let end = run.glyphs.iter().map(|g| g.text.end).max().unwrap_or(0);
    run.text = text
        .get(start as usize..end as usize)
        .unwrap_or_default()
        .to_string();
    for g in &mut run.glyphs {
        g.text = g.text.start - start..g.text.end - start;
    }
    run
}

/// A glyph, its advance, its mark and the text it stands for, in logical order.
type Logical<'a> = (&'a ShapedGlyph, f32, &'a Mark, &'a str);

/// A glyph of a word, shaped from the paragraph's `text`.
fn word<'a>(text: &'a str, (g, mark): &'a (ShapedGlyph, Mark)) -> Logical<'a> {
    (g, g.advance, mark, cluster(text, g))
}

/// A hyphen inserted at the break, shaped on its own (see `itemize::items`), as are
/// spaces. It stands for a soft hyphen, not a hyphen: the word is one word, read
/// and copied whole ("respiratory", not "respira- tory"; PDF 1.7 § 14.8.2.2.3).
/// It carries the mark of the word it ends.
fn hyphen<'a>(h: &'a ShapedGlyph, mark: &'a Mark) -> Logical<'a> {
    (h, h.advance, mark, SOFT_HYPHEN)
}

static NO_MARK: Mark = Mark {
    link: None,
    lang: None,
};

/// What an inserted hyphen stands for.
pub const SOFT_HYPHEN: &str = "\u{AD}";

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
