//! Shaping a paragraph's words into glyphs (one face, direction and inline style per
//! shaped run) and cutting them at hyphenation points.

use super::prepare::Faces;
use super::styles::Styles;
use super::{Context, Mark, TextStyle};
use crate::model::markup::StyledText;
use crate::text::shape::{shape_with, Order, Run, ShapedGlyph};
use crate::text::FaceId;

/// Shapes `range` in runs of one face, one bidi level and one inline style.
pub(super) fn shape_word<'a>(
    ctx: &Context,
    st: &StyledText,
    faces: &Faces,
    levels: &[u8],
    styles: &Styles<'a>,
    style: &TextStyle,
    range: std::ops::Range<usize>,
) -> Glyphs<'a> {
    let text = st.text.as_bytes();
    let mut out = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let face = faces[start];
        let id = styles.id(start);
        let level = levels[start];
        let mut end = start;
        while end < range.end && faces[end] == face && levels[end] == level && styles.same(end, id)
        {
            end += text.get(end).map_or(1, |b| utf8_len(*b));
        }
        let mark = Mark::of(styles.of_id(id));
        let run = Run {
            face_id: face,
            text: &st.text,
            range: start..end,
            size: style.size,
            rtl: level % 2 == 1,
        };
        // Kept in logical order until the line is reordered as a whole.
        shape_with(ctx.book, run, ctx.language, Order::Logical, |glyphs| {
            out.extend(glyphs.map(|mut g| {
                g.level = level;
                (g, mark)
            }))
        });
        start = end;
    }
    out
}

/// The length of the UTF-8 character that starts with byte `b`, which must be the
/// first byte of a character of valid UTF-8 (the runs above step through a `&str`
/// from a character boundary): the run boundaries are found byte-wise on the
/// per-byte face, level and style tables, without decoding each character.
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xE0 => 1 + usize::from(b >= 0xC0),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

pub(super) fn shape_word_text(
    ctx: &Context,
    face: FaceId,
    size: f32,
    s: &str,
) -> Option<ShapedGlyph> {
    let run = Run {
        face_id: face,
        text: s,
        range: 0..s.len(),
        size,
        rtl: false,
    };
    shape_with(ctx.book, run, ctx.language, Order::Visual, |mut glyphs| {
        glyphs.next()
    })
}

pub(super) type Glyphs<'a> = Vec<(ShapedGlyph, Mark<'a>)>;

/// A word's material between hyphenation points.
pub(super) enum Part<'a> {
    /// Glyphs, and whether a hyphenation point comes before them.
    Glyphs(Glyphs<'a>, bool),
    /// A left-to-right cluster of several characters (a ligature such as "ffi") with a
    /// hyphenation point inside it: byte range `start..end`, the point at `cut`, and
    /// its glyphs as shaped whole. A break may come at `cut`, nowhere else inside.
    Ligature {
        start: usize,
        cut: usize,
        end: usize,
        whole: Glyphs<'a>,
        /// A hyphenation point also comes right before the cluster.
        break_before: bool,
    },
}

/// Splits shaped glyphs at each cut (a byte offset in the paragraph). A cut inside a
/// left-to-right cluster gives a [`Part::Ligature`]; one inside a right-to-left
/// cluster is dropped.
pub(super) fn split_word(
    glyphs: Glyphs<'_>,
    cuts: impl Iterator<Item = usize>,
    word_end: usize,
) -> Vec<Part<'_>> {
    // Most words have no hyphenation point: one part, the glyphs as they are.
    let mut cuts = cuts.peekable();
    if cuts.peek().is_none() {
        return if glyphs.is_empty() {
            Vec::new()
        } else {
            vec![Part::Glyphs(glyphs, false)]
        };
    }
    let starts: Vec<usize> = {
        let mut v: Vec<usize> = glyphs.iter().map(|(g, _)| g.cluster).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut parts = Vec::new();
    let mut rest = glyphs.into_iter();
    fn take_before<'a>(
        rest: &mut std::vec::IntoIter<(ShapedGlyph, Mark<'a>)>,
        limit: usize,
        parts: &mut Vec<Part<'a>>,
        break_before: &mut bool,
    ) {
        let n = rest
            .as_slice()
            .iter()
            .take_while(|(g, _)| g.cluster < limit)
            .count();
        if n > 0 {
            let piece: Glyphs = rest.by_ref().take(n).collect();
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
        let n = rest
            .as_slice()
            .iter()
            .take_while(|(g, _)| g.cluster < end)
            .count();
        let whole: Glyphs = rest.by_ref().take(n).collect();
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
