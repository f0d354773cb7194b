//! Preparing a paragraph's text before it is shaped: the face of every character,
//! the bidi embedding levels, and where lines may break.

use super::segment;
use super::styles::Styles;
use super::Context;
use super::TextStyle;
use crate::error::{Diagnostic, Error, Pos, Result};
use crate::model::markup::StyledText;
use crate::model::{Language, Text};
use crate::text::{FaceId, FaceStyle, FontBook};
use unicode_linebreak::BreakOpportunity;

/// The face of every byte of a paragraph's text.
pub(super) type Faces = [FaceId];

/// The face for every character, or an error naming the first one no font has.
pub(super) fn select_faces(
    ctx: &Context,
    st: &StyledText,
    styles: &Styles,
    origin: Option<&Text>,
    style: &TextStyle,
) -> Result<Vec<FaceId>> {
    let mut faces = Vec::with_capacity(st.text.len());
    let mut prev: Option<FaceId> = None;
    let mut recent = Recent::new();
    // The style asked for, worked out again only where the span changes.
    let mut span = None;
    let mut want = FaceStyle::default();
    for (i, c) in st.text.char_indices() {
        let id = styles.id(i);
        if span != Some(id) {
            let s = styles.of_id(id);
            want = FaceStyle {
                bold: style.bold || s.bold,
                italic: s.italic,
            };
            span = Some(id);
        }
        // Marks and joiners stay with their base character's face.
        let keep = prev.filter(|f| is_cluster_continuation(c) && ctx.book.face(*f).covers(c));
        let face = match keep.or_else(|| recent.select(ctx.book, c, want)) {
            Some(f) => f,
            None if crate::text::fonts::drawn_by_no_font(c) => prev.unwrap_or(FaceId(0)),
            None => return Err(uncovered(ctx, origin, c)),
        };
        faces.resize(faces.len() + c.len_utf8(), face);
        prev = Some(face);
    }
    Ok(faces)
}

/// The faces a paragraph's characters were last given, in a small table by
/// character: [`FontBook::select`](crate::text::FontBook::select) remembers every
/// answer per thread, behind a thread-local hash look-up for each character; a
/// paragraph asks about the same few characters again and again. Any answer here is
/// one `select` gave.
struct Recent {
    /// By the character's low bits (all of ASCII apart): the character and style
    /// asked about (see [`Recent::key`]; 0 for none), and the answer.
    slots: [(u32, Option<FaceId>); Recent::SLOTS],
}

impl Recent {
    const SLOTS: usize = 128;

    fn new() -> Recent {
        Recent {
            slots: [(0, None); Recent::SLOTS],
        }
    }

    /// A number for `c` in `style`, never 0.
    fn key(c: char, style: FaceStyle) -> u32 {
        ((c as u32) << 2 | u32::from(style.bold) << 1 | u32::from(style.italic)) + 1
    }

    fn select(&mut self, book: &'static FontBook, c: char, style: FaceStyle) -> Option<FaceId> {
        let key = Recent::key(c, style);
        let slot = &mut self.slots[c as usize % Recent::SLOTS];
        if slot.0 != key {
            *slot = (key, book.select(c, style));
        }
        slot.1
    }
}

fn is_cluster_continuation(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

fn uncovered(ctx: &Context, origin: Option<&Text>, c: char) -> Error {
    let mut d = Diagnostic::new(format!(
        "character U+{:04X} '{}' is not in any font for language `{}`",
        c as u32, c, ctx.language
    ))
    .help(crate::text::fonts::how_to_add_font(c));
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
fn locate_char(source: &str, from: Pos, c: char) -> Pos {
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

/// Break opportunities (byte offsets where a line may start), minus those inside terms,
/// links and phrases kept whole.
pub(super) fn break_points(ctx: &Context, st: &StyledText) -> Vec<(usize, BreakOpportunity)> {
    allowed_breaks(st, ctx.language, ctx.terms, ctx.keep_whole)
}

/// [`break_points`] from the parts of the context it reads.
fn allowed_breaks(
    st: &StyledText,
    language: &Language,
    terms: &[String],
    keep_whole: &[String],
) -> Vec<(usize, BreakOpportunity)> {
    let text = st.text.as_str();
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
    for phrase in keep_whole.iter().filter(|p| !p.is_empty()) {
        protected.extend(
            text.match_indices(phrase.as_str())
                .map(|(i, p)| i..i + p.len()),
        );
    }
    // A term breaks nowhere inside: one with a hyphen, space or slash, and in the
    // scripts written without spaces every one (the dictionary may not know a drug
    // name and cut it anywhere: Burmese "ကီ|တာ|မင်း").
    let mut kept_whole = terms
        .iter()
        .filter(|t| match t.chars().find(|c| SEPARATORS.contains(c)) {
            // Only a text with the separator can have the term (lowering neither makes
            // nor takes one: tested below): most paragraphs are not lowered at all.
            Some(separator) => text.contains(separator),
            None => super::segment::has_complex_context(t),
        })
        .peekable();
    let lower = kept_whole.peek().map(|_| text.to_lowercase());
    if let Some(lower) = lower.filter(|l| l.len() == text.len()) {
        for term in kept_whole {
            let t = term.to_lowercase();
            let mut from = 0;
            while let Some(i) = lower[from..].find(&t) {
                protected.push(from + i..from + i + t.len());
                from += i + t.len();
            }
        }
    }
    segment::opportunities(text, language)
        .into_iter()
        .filter(|(i, op)| {
            *op == BreakOpportunity::Mandatory
                || !protected.iter().any(|r| r.start < *i && *i < r.end)
        })
        .collect()
}

/// What makes a term one that never breaks inside, in any script.
const SEPARATORS: [char; 3] = ['-', ' ', '/'];

/// Longest link text (in bytes) that is kept on one line.
const MAX_UNBROKEN_LINK: usize = 60;

/// Whether `c` is in a block with no right-to-left, Arabic-number or explicit
/// directional character: before the Hebrew block (U+0590); from Devanagari
/// (U+0900: the Indic, Southeast Asian and Ethiopic scripts) to Greek Extended;
/// the dashes, quotation marks and other general punctuation but for the marks,
/// embeddings and isolates (U+200E–U+200F, U+202A–U+202E, U+2066–U+2069);
/// superscripts to the supplemental symbols; CJK (punctuation, kana,
/// ideographs); Hangul syllables; and the half- and full-width forms.
fn never_right_to_left(c: char) -> bool {
    matches!(c,
        '\0'..='\u{058F}'
        | '\u{0900}'..='\u{200D}'
        | '\u{2010}'..='\u{2029}'
        | '\u{202F}'..='\u{2065}'
        | '\u{2070}'..='\u{2BFF}'
        | '\u{3000}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// The UAX #9 embedding level of every byte of `text`.
pub(super) fn bidi_levels(ctx: &Context, text: &str) -> Vec<u8> {
    use unicode_bidi::{BidiInfo, Level};
    // Left-to-right text whose characters can only be left to right or neutral is
    // level 0 throughout (UAX #9: with no R, AL or AN and no explicit embedding, W7
    // turns every European number into L): most paragraphs of most languages.
    if !ctx.rtl() && text.chars().all(never_right_to_left) {
        return vec![0; text.len()];
    }
    let base = if ctx.rtl() {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(text, Some(base));
    info.levels.iter().map(|l| l.number()).collect()
}

#[cfg(test)]
mod tests {
    use super::{allowed_breaks, never_right_to_left, SEPARATORS};
    use crate::model::{markup, Language};
    use unicode_bidi::{bidi_class, BidiClass::*};

    /// Every character the fast path takes is one UAX #9 can never set right to left
    /// in a left-to-right paragraph: checked against the Unicode data, exhaustively.
    #[test]
    fn the_fast_path_takes_no_character_that_can_be_right_to_left() {
        let risky = |c: char| {
            matches!(
                bidi_class(c),
                R | AL | AN | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI
            )
        };
        let taken: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| never_right_to_left(*c))
            .collect();
        assert!(taken.len() > 40_000, "the fast path covers CJK too");
        let wrong: Vec<char> = taken.iter().copied().filter(|c| risky(*c)).collect();
        assert!(wrong.is_empty(), "{wrong:?}");
        // And unicode-bidi, which sets every other paragraph, sets them all at level
        // 0, whatever their neighbours (taken in runs, with digits between).
        for run in taken.chunks(61) {
            let text: String = run.iter().flat_map(|c| [*c, '7']).collect();
            let info = unicode_bidi::BidiInfo::new(&text, Some(unicode_bidi::Level::ltr()));
            let raised = info.levels.iter().position(|l| l.number() != 0);
            assert_eq!(raised, None, "{text:?}");
        }
    }

    /// A lowered text has a hyphen, space or slash where, and only where, the text
    /// has one: so a term with one can only be found in a text with one (checked
    /// against the Unicode data, exhaustively; the one character `str::to_lowercase`
    /// maps by its context, capital sigma, becomes a small sigma either way).
    #[test]
    fn lowering_makes_and_takes_no_separator() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let lowered: String = c.to_lowercase().collect();
            let separators = |s: &str| s.chars().filter(|c| SEPARATORS.contains(c)).count();
            let own = usize::from(SEPARATORS.contains(&c));
            assert_eq!(separators(&lowered), own, "U+{:04X}", c as u32);
        }
    }

    fn breaks(markup: &str, tag: &str, terms: &[&str], keep_whole: &[&str]) -> Vec<usize> {
        let st = markup::parse(markup).expect("markup");
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        allowed_breaks(&st, &Language::new(tag), &own(terms), &own(keep_whole))
            .into_iter()
            .map(|(i, _)| i)
            .collect()
    }

    /// In scripts without spaces a term stays whole, although the dictionary does not
    /// know it (it cuts the Burmese drug name "ကီ|တာ|မင်း").
    #[test]
    fn terms_stay_whole_in_scripts_without_spaces() {
        let text = "ကီတာမင်းသည် ကီတာမင်း၏အခန်းကဏ္ဍ";
        let name = "ကီတာမင်း";
        let unprotected = breaks(text, "my", &[], &[]);
        let inside = |i: &usize| {
            text.match_indices(name)
                .any(|(at, _)| at < *i && *i < at + name.len())
        };
        assert!(
            unprotected.iter().any(inside),
            "the dictionary cuts it: {unprotected:?}"
        );
        let protected = breaks(text, "my", &[name], &[]);
        assert!(!protected.iter().any(inside), "{protected:?}");
        assert!(protected.len() >= 2, "{protected:?}");
    }

    /// Terms, phrases kept whole and links stay whole in text that is segmented into
    /// words too (Thai) or kept in words (Korean); line feeds still break.
    #[test]
    fn protections_hold_in_segmented_text() {
        let thai = "ยาเคตามีนเป็นยาระงับความรู้สึก";
        let name = thai.find("เคตามีน").unwrap().."เคตามีน".len() + thai.find("เคตามีน").unwrap();
        let phrase = thai.find("ระงับ").unwrap()..thai.len();
        let found = breaks(thai, "th", &[], &["เคตามีน", "ระงับความรู้สึก"]);
        assert!(found.len() >= 3, "{found:?}");
        assert!(!found.iter().any(|b| name.start < *b && *b < name.end));
        assert!(!found.iter().any(|b| phrase.start < *b && *b < phrase.end));

        let korean = "케타민은 NMDA 수용체 길항제입니다.";
        let term = korean.find("NMDA").unwrap()..korean.find(" 길항").unwrap();
        let found = breaks(korean, "ko", &["nmda 수용체"], &[]);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(!found.iter().any(|b| term.start < *b && *b < term.end));

        let link = "ดูที่ [example.org/เคตามีน](https://example.org/k) เพื่อ";
        let found = breaks(link, "th", &[], &[]);
        let st = markup::parse(link).unwrap();
        let at = st.text.find("example").unwrap()..st.text.find(" เพื่อ").unwrap();
        assert!(!found.iter().any(|b| at.start < *b && *b < at.end));

        let text = "เคตามีน\nเป็นยา";
        let found = breaks(text, "th", &[], &[text]);
        assert!(found.contains(&(text.find('\n').unwrap() + 1)));
    }
}
