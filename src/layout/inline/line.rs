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
    // Every glyph of the line's items, and a hyphen: sized once.
    let glyphs: usize = (lb.start..lb.end.min(items.len()))
        .map(|i| match &contents[i] {
            Content::Glyphs(gs) | Content::NoBreak(gs) | Content::PostBreak(gs) => gs.len(),
            Content::PreBreak(gs, _) => gs.len() + 1,
            _ => 1,
        })
        .sum();
    let mut line = LogicalLine {
        glyphs: Vec::with_capacity(glyphs + 1),
        // Room for a few bytes a glyph; it grows if a script needs more.
        text: String::with_capacity(4 * (glyphs + 1)),
    };
    for i in lb.start..lb.end {
        match (&items[i], &contents[i]) {
            (Item::Box { .. }, Content::Glyphs(gs)) | (Item::Glue { .. }, Content::NoBreak(gs)) => {
                line.push_word(text, gs);
            }
            (Item::Box { .. }, Content::PostBreak(gs)) if i == lb.start => {
                line.push_word(text, gs);
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
                line.push(g, set, *link, cluster(" ", g));
            }
            _ => {}
        }
    }
    // Spaces before the break (e.g. before a penalty) are not drawn.
    while line.ends_with_space() {
        line.pop();
    }
    if lb.hyphenated {
        match &contents[lb.end] {
            Content::Hyphen(Some(h)) => {
                let mark = line.glyphs.last().map_or(NO_MARK, |l| l.mark);
                line.hyphen(h, mark);
            }
            Content::PreBreak(gs, h) => {
                line.push_word(text, gs);
                let mark = line.glyphs.last().map_or(NO_MARK, |l| l.mark);
                if let Some(h) = h {
                    line.hyphen(h, mark);
                }
            }
            _ => {}
        }
    }
    let LogicalLine {
        glyphs: logical,
        text: line_text,
    } = line;
    // Visual order: logical order unless a glyph is right to left.
    let order = if logical.iter().any(|l| l.glyph.level % 2 == 1) {
        let levels: Vec<u8> = logical.iter().map(|l| l.glyph.level).collect();
        Some(visual_order(&levels))
    } else {
        None
    };
    let n = logical.len();
    let visual = (0..n).map(|k| order.as_ref().map_or(k, |o| o[k]));

    // Runs of one mark (a link, a phrase in another language) in visual order: each
    // becomes a run of its own, positioned from the line's left edge.
    let mut runs: Vec<(GlyphRun, Mark, usize)> = Vec::new();
    let mut x = 0.0;
    for (k, i) in visual.enumerate() {
        let LineGlyph {
            glyph: g,
            advance,
            mark,
            ref text,
        } = logical[i];
        let same = runs.last().is_some_and(|(_, m, _)| *m == mark);
        if !same {
            runs.push((
                GlyphRun {
                    x,
                    baseline: 0.0,
                    size: style.size,
                    color: style.color,
                    // Most lines are one run: room for the rest of the line.
                    glyphs: Vec::with_capacity(n - k),
                    text: String::new(),
                    lang: mark.lang().clone(),
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
                text: text.clone(),
                level: g.level,
            });
        }
        x += advance;
    }
    // Each run holds the text of its own glyphs, in logical order; the runs go in
    // logical order too, which is the order they are read in.
    runs.sort_by_key(|(_, _, first)| *first);
    let run_links = runs.iter().map(|(_, m, _)| m.link().clone()).collect();
    let runs = if runs.len() == 1 {
        // Most lines are one run, which stands for all the line's text.
        runs.into_iter()
            .next()
            .map(|(run, _, _)| own_whole(run, line_text))
            .into_iter()
            .collect()
    } else {
        runs.into_iter()
            .map(|(run, _, _)| own_text(run, &line_text))
            .collect()
    };
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
    let (start, end) = text_range(&run);
    run.text = text
        .get(start as usize..end as usize)
        .unwrap_or_default()
        .to_string();
    for g in &mut run.glyphs {
        g.text = g.text.start - start..g.text.end - start;
    }
    run
}

/// [`own_text`] of a line's only run: one that stands for the whole `text` takes
/// it as it is, uncopied.
fn own_whole(mut run: GlyphRun, text: String) -> GlyphRun {
    match text_range(&run) {
        (0, end) if end as usize == text.len() => {
            run.text = text;
            run
        }
        _ => own_text(run, &text),
    }
}

/// The part of the line's text a run's glyphs stand for.
fn text_range(run: &GlyphRun) -> (u32, u32) {
    let start = run.glyphs.iter().map(|g| g.text.start).min().unwrap_or(0);
    let end = run.glyphs.iter().map(|g| g.text.end).max().unwrap_or(0);
    (start, end)
}

/// A line's glyphs in logical order, and its text: each glyph's characters in turn.
struct LogicalLine<'a> {
    glyphs: Vec<LineGlyph<'a>>,
    text: String,
}

/// A glyph, its advance, its mark and the byte range of the line's text it stands for.
struct LineGlyph<'a> {
    glyph: &'a ShapedGlyph,
    advance: f32,
    mark: Mark<'a>,
    text: std::ops::Range<u32>,
}

impl<'a> LogicalLine<'a> {
    fn push(&mut self, glyph: &'a ShapedGlyph, advance: f32, mark: Mark<'a>, text: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(text);
        self.glyphs.push(LineGlyph {
            glyph,
            advance,
            mark,
            text: start..self.text.len() as u32,
        });
    }

    /// The glyphs of a word, shaped from the paragraph's `text`.
    fn push_word(&mut self, text: &str, glyphs: &'a [(ShapedGlyph, Mark<'a>)]) {
        for (g, mark) in glyphs {
            self.push(g, g.advance, *mark, cluster(text, g));
        }
    }

    /// A hyphen inserted at the break, shaped on its own (see `itemize::items`), as
    /// are spaces. It stands for a soft hyphen, not a hyphen: the word is one word,
    /// read and copied whole ("respiratory", not "respira- tory"; PDF 1.7
    /// § 14.8.2.2.3). It carries the mark of the word it ends.
    fn hyphen(&mut self, h: &'a ShapedGlyph, mark: Mark<'a>) {
        self.push(h, h.advance, mark, SOFT_HYPHEN);
    }

    fn ends_with_space(&self) -> bool {
        self.glyphs
            .last()
            .is_some_and(|l| self.text.get(l.text.start as usize..l.text.end as usize) == Some(" "))
    }

    fn pop(&mut self) {
        if let Some(l) = self.glyphs.pop() {
            self.text.truncate(l.text.start as usize);
        }
    }
}

/// The mark of a hyphen that ends no glyph: plain text.
static NO_MARK: Mark = Mark::of(&crate::model::markup::PLAIN);

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
