//! The inline phase: one paragraph's styled text set into lines.
//!
//! Prepare (fonts, bidi levels, break opportunities) → shape words and itemize them
//! into boxes, glue and penalties → break lines (total-fit) → assemble each line
//! (visual order, justification). The flow phase calls [`set`] and [`set_styled`].

mod itemize;
mod line;
pub mod linebreak;
mod prepare;
mod segment;
mod shape;
mod styles;

use super::page::{GlyphRun, Rgb};
use crate::error::Result;
use crate::model::markup::StyledText;
use crate::model::{Direction, Language, Text};
use crate::text::FontBook;
use linebreak::{Item, Mode, Params};

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

/// What a piece of inline text is besides its glyphs: the address it links to, and
/// its language where that is not the paragraph's. Each glyph keeps it until its line
/// is assembled, where a change of mark starts a run of its own (a link or a phrase in
/// another language is one element in the tagged PDF).
///
/// It points at the span's style and compares only these two of its fields: every
/// glyph of a word carries one, and two strings copied for each made a glyph
/// (with its mark) 104 bytes instead of 64.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark<'a>(&'a crate::model::markup::SpanStyle);

impl<'a> Mark<'a> {
    const fn of(span: &'a crate::model::markup::SpanStyle) -> Mark<'a> {
        Mark(span)
    }

    pub fn link(&self) -> &'a Option<String> {
        &self.0.link
    }

    pub fn lang(&self) -> &'a Option<String> {
        &self.0.lang
    }
}

impl PartialEq for Mark<'_> {
    fn eq(&self, other: &Self) -> bool {
        // The glyphs of a span point at the same style: most comparisons end here.
        std::ptr::eq(self.0, other.0) || self.link() == other.link() && self.lang() == other.lang()
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
    /// The address each run (of `runs`) links to.
    pub run_links: Vec<Option<String>>,
    /// The line ends in a hyphen that hyphenation inserted (a word continues on the
    /// next line): no page, column or panel may end here.
    pub hyphenated: bool,
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
    let styles = styles::Styles::new(styled);
    let faces = prepare::select_faces(ctx, styled, &styles, origin, style)?;
    let levels = prepare::bidi_levels(ctx, &styled.text);
    let (items, contents) = itemize::items(ctx, styled, &faces, &levels, &styles, style);
    if !items.iter().any(|i| matches!(i, Item::Box { .. })) {
        return Ok(Vec::new());
    }
    let mut params = Params::new(style.mode, style.size);
    params.balance = style.balance;
    params.runt_from = itemize::runt_from(&styled.text, &items, &contents);
    let breaks = if style.first_fit {
        linebreak::greedy(&items, measure)
    } else {
        linebreak::total_fit(&items, measure, &params)
    };
    Ok(breaks
        .iter()
        .map(|b| {
            line::assemble(
                &styled.text,
                &items,
                &contents,
                b,
                style,
                measure,
                ctx.rtl(),
            )
        })
        .collect())
}
