//! Shaping a paragraph's words into glyphs (one face, direction and inline style per
//! shaped run) and cutting them at hyphenation points.

use super::prepare::Faces;
use super::{Context, Mark, TextStyle};
use crate::model::markup::StyledText;
use crate::text::shape::{shape_run, ShapedGlyph};
use crate::text::FaceId;

/// Shapes `range` in runs of one face and one inline style.
pub(super) fn shape_word(
    ctx: &Context,
    st: &StyledText,
    faces: &Faces,
    levels: &[u8],
    style: &TextStyle,
    range: std::ops::Range<usize>,
) -> Vec<(ShapedGlyph, Mark)> {
    let mut out = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let face = faces[start];
        let span = st.style_at(start);
        let level = levels[start];
        let mut end = start;
        while end < range.end
            && faces[end] == face
            && levels[end] == level
            && st.style_at(end) == span
        {
            end += st.text[end..]
                .chars()
                .next()
                .map(|c| c.len_utf8())
                .unwrap_or(1);
        }
        let rtl = level % 2 == 1;
        let mut glyphs = shape_run(
            ctx.book,
            face,
            &st.text,
            start..end,
            style.size,
            ctx.language,
            rtl,
        );
        // Kept in logical order until the line is reordered as a whole.
        if rtl {
            glyphs.reverse();
        }
        for mut g in glyphs {
            g.level = level;
            out.push((g, Mark::of(span)));
        }
        start = end;
    }
    out
}

pub(super) fn shape_word_text(
    ctx: &Context,
    face: FaceId,
    size: f32,
    s: &str,
) -> Option<ShapedGlyph> {
    shape_run(ctx.book, face, s, 0..s.len(), size, ctx.language, false)
        .into_iter()
        .next()
}

pub(super) type Glyphs = Vec<(ShapedGlyph, Mark)>;

/// A word's material between hyphenation points.
pub(super) enum Part {
    /// Glyphs, and whether a hyphenation point comes before them.
    Glyphs(Glyphs, bool),
    /// A left-to-right cluster of several characters (a ligature such as "ffi") with a
    /// hyphenation point inside it: byte range `start..end`, the point at `cut`, and
    /// its glyphs as shaped whole. A break may come at `cut`, nowhere else inside.
    Ligature {
        start: usize,
        cut: usize,
        end: usize,
        whole: Glyphs,
        /// A hyphenation point also comes right before the cluster.
        break_before: bool,
    },
}

/// Splits shaped glyphs at each cut (a byte offset in the paragraph). A cut inside a
/// left-to-right cluster gives a [`Part::Ligature`]; one inside a right-to-left
/// cluster is dropped.
pub(super) fn split_word(
    glyphs: Glyphs,
    cuts: impl Iterator<Item = usize>,
    word_end: usize,
) -> Vec<Part> {
    let starts: Vec<usize> = {
        let mut v: Vec<usize> = glyphs.iter().map(|(g, _)| g.cluster).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut parts = Vec::new();
    let mut rest = glyphs.into_iter().peekable();
    fn take_before(
        rest: &mut std::iter::Peekable<std::vec::IntoIter<(ShapedGlyph, Mark)>>,
        limit: usize,
        parts: &mut Vec<Part>,
        break_before: &mut bool,
    ) {
        let mut piece = Vec::new();
        while let Some(item) = rest.next_if(|(g, _)| g.cluster < limit) {
            piece.push(item);
        }
        if !piece.is_empty() {
            parts.push(Part::Glyphs(piece, *break_before));
            *break_before = false;
        }
    }
    let mut break_before = false;
    let mut done = 0;
    for cut in cuts {
        if cut < done {
            continue;
        }
        if starts.binary_search(&cut).is_ok() {
            take_before(&mut rest, cut, &mut parts, &mut break_before);
            break_before = true;
            done = cut;
            continue;
        }
        // The cluster the cut falls into, and where the next one starts.
        let Some(start) = starts.iter().copied().rfind(|s| *s < cut) else {
            continue;
        };
        let end = starts
            .iter()
            .copied()
            .find(|s| *s > cut)
            .unwrap_or(word_end);
        if start < done || end > word_end {
            continue;
        }
        take_before(&mut rest, start, &mut parts, &mut break_before);
        let mut whole = Vec::new();
        while let Some(item) = rest.next_if(|(g, _)| g.cluster < end) {
            whole.push(item);
        }
        let ltr = !whole.is_empty() && whole.iter().all(|(g, _)| g.level % 2 == 0);
        if ltr {
            parts.push(Part::Ligature {
                start,
                cut,
                end,
                whole,
                break_before,
            });
        } else if !whole.is_empty() {
            parts.push(Part::Glyphs(whole, break_before));
        }
        break_before = false;
        done = end;
    }
    take_before(&mut rest, usize::MAX, &mut parts, &mut break_before);
    parts
}
