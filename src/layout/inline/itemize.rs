//! Itemizing a paragraph: its words shaped and cut at hyphenation points, as the
//! boxes, glue and penalties the line breaker chooses from, each with what it draws.

use super::linebreak::{Item, Mode, Params, INFINITY};
use super::prepare::{break_points, Faces};
use super::shape::{shape_word, shape_word_text, split_word, Glyphs, Part};
use super::styles::Styles;
use super::{Context, Mark, TextStyle};
use crate::model::markup::StyledText;
use crate::text::shape::ShapedGlyph;
use crate::text::{hyphenate, FaceId};

/// One unbreakable piece of a paragraph, with what it draws.
pub(super) enum Content<'a> {
    Glyphs(Glyphs<'a>),
    Space(Option<(ShapedGlyph, Mark<'a>)>),
    Hyphen(Option<ShapedGlyph>),
    /// A break inside a ligature: the glyphs before the break, and the hyphen.
    PreBreak(Glyphs<'a>, Option<ShapedGlyph>),
    /// The ligature, drawn when the line does not break inside it.
    NoBreak(Glyphs<'a>),
    /// The glyphs after a break inside a ligature, drawn only at the start of a line.
    PostBreak(Glyphs<'a>),
    None,
}

/// The items of a paragraph and, for each, what it draws.
pub(super) fn items<'a>(
    ctx: &Context,
    st: &StyledText,
    faces: &Faces,
    levels: &[u8],
    styles: &Styles<'a>,
    style: &TextStyle,
) -> (Vec<Item>, Vec<Content<'a>>) {
    let text = st.text.as_str();
    let mut seg_start = 0;
    let breaks = break_points(ctx, st);
    let last = breaks.len().saturating_sub(1);
    // A box and a glue or penalty for most segments, and the three closing items.
    let mut items = Vec::with_capacity(2 * breaks.len() + 3);
    let mut contents = Vec::with_capacity(2 * breaks.len() + 3);
    // Spaces and hyphens repeat for every word: shape each once per face (a
    // paragraph has a face or two: a list, not a hash map, finds them).
    let mut single: Vec<(FaceId, &str, Option<ShapedGlyph>)> = Vec::new();
    let mut glyph_of = |face: FaceId, s: &'static str| {
        if let Some((_, _, g)) = single.iter().find(|(f, t, _)| *f == face && *t == s) {
            return g.clone();
        }
        let g = shape_word_text(ctx, face, style.size, s);
        single.push((face, s, g.clone()));
        g
    };
    for (bi, (seg_end, _)) in breaks.into_iter().enumerate() {
        let seg = &text[seg_start..seg_end];
        let word_len = seg.trim_end_matches(' ').len();
        let word = seg_start..seg_start + word_len;
        if !word.is_empty() {
            let cuts: Vec<usize> = if style.hyphenate && !style.bold {
                hyphenate::breaks(ctx.language, &text[word.clone()], ctx.terms)
                    .into_iter()
                    // Bold marks the safety phrases ("vomiting blood"): a reader who
                    // skims for them must find each word whole.
                    .filter(|c| !styles.at(word.start + c).bold)
                    .collect()
            } else {
                Vec::new()
            };
            let glyphs = shape_word(ctx, st, faces, levels, styles, style, word.clone());
            let face = faces[word.start];
            let hyphen = glyph_of(face, "-").map(|mut h| {
                h.level = levels[word.start] % 2;
                h
            });
            let hyphen_width = hyphen.as_ref().map(|h| h.advance).unwrap_or(0.0);
            let cost = Params::new(style.mode, style.size).hyphen_penalty;
            // A place to break with a hyphen (a flagged penalty that draws one).
            let hyphen_point = |items: &mut Vec<Item>, contents: &mut Vec<Content>| {
                items.push(Item::Penalty {
                    width: hyphen_width,
                    cost,
                    flagged: true,
                });
                contents.push(Content::Hyphen(hyphen.clone()));
            };
            for part in split_word(glyphs, cuts.iter().map(|c| word.start + c), word.end) {
                match part {
                    Part::Glyphs(piece, break_before) => {
                        if break_before {
                            hyphen_point(&mut items, &mut contents);
                        }
                        let width = piece.iter().map(|(g, _)| g.advance).sum();
                        items.push(Item::Box { width });
                        contents.push(Content::Glyphs(piece));
                    }
                    Part::Ligature {
                        start,
                        cut,
                        end,
                        whole,
                        break_before,
                    } => {
                        if break_before {
                            hyphen_point(&mut items, &mut contents);
                        }
                        // TeX's discretionary: "f-" before the break, "fi" after it,
                        // the "ffi" ligature without it. The glue (never a break: it
                        // follows a penalty) and the box after it together are as wide
                        // as the ligature; a line that starts at that box draws it.
                        let pre = shape_word(ctx, st, faces, levels, styles, style, start..cut);
                        let post = shape_word(ctx, st, faces, levels, styles, style, cut..end);
                        let width = |gs: &[(ShapedGlyph, Mark)]| -> f32 {
                            gs.iter().map(|(g, _)| g.advance).sum()
                        };
                        items.push(Item::Penalty {
                            width: width(&pre) + hyphen_width,
                            cost,
                            flagged: true,
                        });
                        contents.push(Content::PreBreak(pre, hyphen.clone()));
                        items.push(Item::Glue {
                            width: width(&whole) - width(&post),
                            stretch: 0.0,
                            shrink: 0.0,
                        });
                        contents.push(Content::NoBreak(whole));
                        items.push(Item::Box {
                            width: width(&post),
                        });
                        contents.push(Content::PostBreak(post));
                    }
                }
            }
        }
        if word_len < seg.len() {
            let face = faces[seg_start + word_len];
            let space = glyph_of(face, " ").map(|mut g| {
                g.level = levels[seg_start + word_len];
                g.cluster = seg_start + word_len;
                g
            });
            let width = space
                .as_ref()
                .map(|s| s.advance)
                .unwrap_or(style.size / 4.0);
            let (stretch, shrink) = match style.mode {
                Mode::Justified => (width / 2.0, width / 3.0),
                Mode::RaggedRight => (0.0, 0.0),
            };
            items.push(Item::Glue {
                width,
                stretch,
                shrink,
            });
            let mark = Mark::of(styles.at(seg_start + word_len));
            contents.push(Content::Space(space.map(|s| (s, mark))));
        } else if bi < last {
            // A break after a hyphen or dash: nothing is added when it is taken.
            items.push(Item::Penalty {
                width: 0.0,
                cost: 0.0,
                flagged: false,
            });
            contents.push(Content::None);
        }
        seg_start = seg_end;
    }
    // TeX's \parfillskip preceded by \nobreak: the closing glue is never a break,
    // or a paragraph could end with an empty line (cheaper than a last line that
    // follows a hyphen, which pays the final-hyphen demerits).
    items.push(Item::Penalty {
        width: 0.0,
        cost: INFINITY,
        flagged: false,
    });
    contents.push(Content::None);
    items.push(Item::Glue {
        width: 0.0,
        stretch: 1e6,
        shrink: 0.0,
    });
    contents.push(Content::None);
    items.push(Item::Penalty {
        width: 0.0,
        cost: -INFINITY,
        flagged: false,
    });
    contents.push(Content::None);
    (items, contents)
}

/// The first item from which the rest of the paragraph is a runt: one or two CJK
/// characters and punctuation ("法。"), a last line too short to read as one, which
/// the line breaker avoids as it avoids a widow. `None` for any other ending.
pub(super) fn runt_from(text: &str, items: &[Item], contents: &[Content]) -> Option<usize> {
    // Kana and Han: characters that are words or syllables of their own (Hangul is
    // set in words, so a short last word is as usual as in English).
    let cjk = |c: char| {
        matches!(
            c,
            '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        )
    };
    let mut letters = 0;
    let mut from = None;
    for (i, (item, content)) in items.iter().zip(contents).enumerate().rev() {
        if let (Item::Box { .. }, Content::Glyphs(gs)) = (item, content) {
            for c in gs
                .iter()
                .flat_map(|(g, _)| text.get(g.text.clone()).unwrap_or("").chars())
            {
                if c.is_alphanumeric() {
                    if !cjk(c) {
                        return from;
                    }
                    letters += 1;
                }
            }
            if letters > 2 {
                return from;
            }
            if letters > 0 {
                from = Some(i);
            }
        }
    }
    // The whole paragraph is that short: it has no other line to join.
    None
}
