//! Setting one paragraph: markup → fonts → shaping → hyphenation → total-fit lines.

use super::bidi::{bidi_levels, fence_neutrals, visual_order};
use super::linebreak::{self, Item, LineBreak, Mode, Params, INFINITY};
use super::page::{GlyphRun, PlacedGlyph, Rgb};
use crate::error::{Diagnostic, Error, Pos, Result};
use crate::model::markup::StyledText;
use crate::model::{Direction, Language, Text};
use crate::text::shape::{shape_run, ShapedGlyph};
use crate::text::{hyphenate, FaceId, FaceStyle, FontBook};
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    /// Baseline-to-baseline distance.
    pub leading: f32,
    pub color: Rgb,
    pub bold: bool,
    pub mode: Mode,
    pub hyphenate: bool,
    /// Even out all lines including the last (titles, headings).
    pub balance: bool,
    /// Break lines first-fit (as word processors do) instead of total-fit; kept so
    /// that the two can be compared on real text.
    pub first_fit: bool,
}

/// What every paragraph of one document shares.
pub struct Context<'a> {
    pub book: &'static FontBook,
    pub language: &'a Language,
    pub terms: &'a [String],
    /// Phrases never broken inside, wherever a line may otherwise break in them (the
    /// label beside the QR code: "Online version" read as "Online" / "version: …"
    /// looks like two things).
    pub keep_whole: &'a [String],
    /// Text of the file the paragraphs come from, for diagnostics.
    pub source_text: &'a str,
    /// The paragraphs' base direction: the language's, except for text that reads
    /// left to right in any language (a web address).
    pub direction: Direction,
}

impl Context<'_> {
    /// Whether paragraphs run right to left (Arabic, Hebrew…).
    pub fn rtl(&self) -> bool {
        self.direction == Direction::RightToLeft
    }
}

/// A set line: runs positioned from the line's left edge on baseline 0.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub runs: Vec<GlyphRun>,
    pub width: f32,
    /// The width the line was set in, and whether it aligns to its right end.
    pub measure: f32,
    pub rtl: bool,
    /// Clickable areas: x, width, target.
    pub links: Vec<(f32, f32, String)>,
    /// The line ends in a hyphen that hyphenation inserted (a word continues on the
    /// next line): no page, column or panel may end here.
    pub hyphenated: bool,
}

/// One unbreakable piece of a paragraph, with what it draws.
enum Content {
    Glyphs(Vec<(ShapedGlyph, Option<String>)>),
    Space(Option<(ShapedGlyph, Option<String>)>),
    Hyphen(Option<ShapedGlyph>),
    /// A break inside a ligature: the glyphs before the break, and the hyphen.
    PreBreak(Glyphs, Option<ShapedGlyph>),
    /// The ligature, drawn when the line does not break inside it.
    NoBreak(Glyphs),
    /// The glyphs after a break inside a ligature, drawn only at the start of a line.
    PostBreak(Glyphs),
    None,
}

/// Sets `text` into lines of width `measure`.
pub fn set(ctx: &Context, text: &Text, style: &TextStyle, measure: f32) -> Result<Vec<SetLine>> {
    set_styled(ctx, &text.styled, Some(text), style, measure)
}

/// Sets already-parsed text (also used for generated text such as the footer).
pub fn set_styled(
    ctx: &Context,
    styled: &StyledText,
    origin: Option<&Text>,
    style: &TextStyle,
    measure: f32,
) -> Result<Vec<SetLine>> {
    let faces = select_faces(ctx, styled, origin, style)?;
    let levels = bidi_levels(ctx, &styled.text);
    let (items, contents) = build_items(ctx, styled, &faces, &levels, style);
    if !items.iter().any(|i| matches!(i, Item::Box { .. })) {
        return Ok(Vec::new());
    }
    let mut params = Params::new(style.mode, style.size);
    params.balance = style.balance;
    params.runt_from = runt_from(&items, &contents);
    let breaks = if style.first_fit {
        linebreak::greedy(&items, measure)
    } else {
        linebreak::total_fit(&items, measure, &params)
    };
    Ok(breaks
        .iter()
        .map(|b| assemble(&items, &contents, b, style, measure, ctx.rtl()))
        .collect())
}

/// The face for every character, or an error naming the first one no font has.
fn select_faces(
    ctx: &Context,
    st: &StyledText,
    origin: Option<&Text>,
    style: &TextStyle,
) -> Result<Vec<FaceId>> {
    let mut faces = Vec::with_capacity(st.text.len());
    let mut prev: Option<FaceId> = None;
    for (i, c) in st.text.char_indices() {
        let s = st.style_at(i);
        let want = FaceStyle {
            bold: style.bold || s.bold,
            italic: s.italic,
        };
        // Marks and joiners stay with their base character's face.
        let keep = prev.filter(|f| is_cluster_continuation(c) && ctx.book.face(*f).covers(c));
        let face = match keep.or_else(|| ctx.book.select(c, want)) {
            Some(f) => f,
            None if is_ignorable(c) => prev.unwrap_or(FaceId(0)),
            None => return Err(uncovered(ctx, origin, c)),
        };
        faces.extend(std::iter::repeat_n(face, c.len_utf8()));
        prev = Some(face);
    }
    Ok(faces)
}

fn is_cluster_continuation(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn uncovered(ctx: &Context, origin: Option<&Text>, c: char) -> Error {
    let mut d = Diagnostic::new(format!(
        "character U+{:04X} '{}' is not in any font for language `{}`",
        c as u32, c, ctx.language
    ))
    .help("replace the character, or add a font that has it to fonts/ (see fonts/README.md)");
    if let Some(t) = origin {
        d.message.push_str(&format!(" (entry `{}`)", t.id));
        d = d.file(&t.origin.file).at(
            ctx.source_text,
            locate_char(ctx.source_text, t.origin.pos, c),
        );
    }
    Error::input(d)
}

/// The position of the first `c` at or after `from` in `source` (falls back to `from`).
pub fn locate_char(source: &str, from: Pos, c: char) -> Pos {
    for (li, line) in source.lines().enumerate().skip(from.line.saturating_sub(1)) {
        let skip = if li + 1 == from.line {
            from.column.saturating_sub(1)
        } else {
            0
        };
        if let Some((col, _)) = line.chars().enumerate().skip(skip).find(|(_, ch)| *ch == c) {
            return Pos {
                line: li + 1,
                column: col + 1,
            };
        }
    }
    from
}

/// Break opportunities (byte offsets where a line may start), minus those inside terms.
fn break_points(ctx: &Context, st: &StyledText) -> Vec<(usize, BreakOpportunity)> {
    let text = st.text.as_str();
    let lower = text.to_lowercase();
    // Addresses shown as links stay whole (a broken URL is misread or mistyped) unless
    // they are too long to fit a line anyway.
    let mut protected: Vec<std::ops::Range<usize>> = st
        .spans
        .iter()
        .filter(|(r, style)| {
            style.link.is_some() && !text[r.clone()].contains(' ') && r.len() <= MAX_UNBROKEN_LINK
        })
        .map(|(r, _)| r.clone())
        .collect();
    for phrase in ctx.keep_whole.iter().filter(|p| !p.is_empty()) {
        protected.extend(
            text.match_indices(phrase.as_str())
                .map(|(i, p)| i..i + p.len()),
        );
    }
    if lower.len() == text.len() {
        for term in ctx.terms.iter().filter(|t| t.contains(['-', ' ', '/'])) {
            let t = term.to_lowercase();
            let mut from = 0;
            while let Some(i) = lower[from..].find(&t) {
                protected.push(from + i..from + i + t.len());
                from += i + t.len();
            }
        }
    }
    linebreaks(text)
        .filter(|(i, op)| {
            *op == BreakOpportunity::Mandatory
                || !protected.iter().any(|r| r.start < *i && *i < r.end)
        })
        .collect()
}

type Faces = [FaceId];

/// Longest link text (in bytes) that is kept on one line.
const MAX_UNBROKEN_LINK: usize = 60;

fn build_items(
    ctx: &Context,
    st: &StyledText,
    faces: &Faces,
    levels: &[u8],
    style: &TextStyle,
) -> (Vec<Item>, Vec<Content>) {
    let mut items = Vec::new();
    let mut contents = Vec::new();
    let text = st.text.as_str();
    let mut seg_start = 0;
    let breaks = break_points(ctx, st);
    let last = breaks.len().saturating_sub(1);
    // Spaces and hyphens repeat for every word: shape each once per face.
    let mut single: std::collections::HashMap<(FaceId, &str), Option<ShapedGlyph>> =
        Default::default();
    let mut glyph_of = |face: FaceId, s: &'static str| {
        single
            .entry((face, s))
            .or_insert_with(|| shape_word_text(ctx, face, style.size, s))
            .clone()
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
                    .filter(|c| !st.style_at(word.start + c).bold)
                    .collect()
            } else {
                Vec::new()
            };
            let glyphs = shape_word(ctx, st, faces, levels, style, word.clone());
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
                        let pre = shape_word(ctx, st, faces, levels, style, start..cut);
                        let post = shape_word(ctx, st, faces, levels, style, cut..end);
                        let width = |gs: &[(ShapedGlyph, Option<String>)]| -> f32 {
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
            let link = st.style_at(seg_start + word_len).link.clone();
            contents.push(Content::Space(space.map(|s| (s, link))));
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
fn runt_from(items: &[Item], contents: &[Content]) -> Option<usize> {
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
            for c in gs.iter().flat_map(|(g, _)| g.text.chars()) {
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

/// Shapes `range` in runs of one face and one inline style.
fn shape_word(
    ctx: &Context,
    st: &StyledText,
    faces: &Faces,
    levels: &[u8],
    style: &TextStyle,
    range: std::ops::Range<usize>,
) -> Vec<(ShapedGlyph, Option<String>)> {
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
            out.push((g, span.link.clone()));
        }
        start = end;
    }
    out
}

fn shape_word_text(ctx: &Context, face: FaceId, size: f32, s: &str) -> Option<ShapedGlyph> {
    shape_run(ctx.book, face, s, 0..s.len(), size, ctx.language, false)
        .into_iter()
        .next()
}

type Glyphs = Vec<(ShapedGlyph, Option<String>)>;

/// A word's material between hyphenation points.
enum Part {
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
fn split_word(glyphs: Glyphs, cuts: impl Iterator<Item = usize>, word_end: usize) -> Vec<Part> {
    let starts: Vec<usize> = {
        let mut v: Vec<usize> = glyphs.iter().map(|(g, _)| g.cluster).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut parts = Vec::new();
    let mut rest = glyphs.into_iter().peekable();
    fn take_before(
        rest: &mut std::iter::Peekable<std::vec::IntoIter<(ShapedGlyph, Option<String>)>>,
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

/// Turns one chosen line into one positioned run in visual order.
fn assemble(
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
