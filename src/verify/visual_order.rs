//! One line drawn in visual order (glyphs left to right on the page) → its text in
//! logical order.
//!
//! Visual order loses information, so no reader can invert it in every case; this
//! one does what extractors do: it takes the visual string for a line in the
//! paragraph's direction, runs UAX #9 on it and reorders it (rule L2). Reversing
//! runs twice gives back the logical order whenever the visual string gets the same
//! levels as the logical one had. Where it would not (a neutral between runs of two
//! directions, "A1 50 ketamine"), the writer fences the neutral with a mark of its
//! own direction (U+200E/U+200F inside `/ActualText`), which gives it its level back.
//!
//! The paragraph's direction comes from the language of the text (`/Lang`), as the
//! layout took it; without one, from the line's strong characters (see [`guess`]).

use std::borrow::Cow;
use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

/// A paragraph's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// The logical order of `visual`, one line of a paragraph whose direction is `base`
/// (None: unknown). Text without right-to-left characters in a left-to-right
/// paragraph is returned as it is.
pub fn logical_line(visual: &str, base: Option<Direction>) -> Cow<'_, str> {
    let base = base.unwrap_or_else(|| guess(visual));
    // A line with nothing right to left in it reads left to right in any paragraph
    // (as extractors take it): a web address set left to right in an Arabic leaflet.
    // A Latin line whose trailing neutral was drawn on the left in a right-to-left
    // paragraph carries the writer's right-to-left mark around that neutral, so it
    // is still reordered.
    // The class table is looked up only for characters that may have such a class:
    // skipping it for ASCII halved the cost of an English leaflet's lines, and for
    // the other scripts too, the cost of a Greek, Hindi or Chinese one.
    let needs_reordering = !visual.is_ascii() && has_right_to_left(visual);
    if !needs_reordering || visual.is_empty() {
        return Cow::Borrowed(visual);
    }
    if base == Direction::RightToLeft && one_right_to_left_run(visual) {
        return Cow::Owned(visual.chars().rev().collect());
    }
    let level = match base {
        Direction::LeftToRight => Level::ltr(),
        Direction::RightToLeft => Level::rtl(),
    };
    let info = BidiInfo::new(visual, Some(level));
    let mut out = String::with_capacity(visual.len());
    for paragraph in &info.paragraphs {
        out.push_str(&info.reorder_line(paragraph, paragraph.range.clone()));
    }
    Cow::Owned(out)
}

/// Whether UAX #9 resolves every character of a line in a right-to-left paragraph
/// to the paragraph's level, so that rule L2 reverses the line character by
/// character (most lines of an Arabic, Persian or Urdu leaflet): it holds only
/// right-to-left letters (R, AL), neutrals and separators (WS, ON, CS, ES, ET) and
/// marks (NSM). With no left-to-right letter, digit, explicit control, boundary
/// neutral, segment or paragraph separator, no rule gives a character another
/// level: W1 turns marks into the class before them, W4–W6 leave no number to join
/// and W6 makes separators and terminators ON, N0–N2 resolve every neutral to R
/// (R on both sides, or the paragraph's own direction), and I2 and L1 keep level 1.
/// Running `BidiInfo` on such a line cost about 35,000 instructions; a test checks
/// the two agree.
fn one_right_to_left_run(visual: &str) -> bool {
    visual.chars().all(|c| {
        // ASCII without a table look-up: its space is WS and its punctuation ON,
        // ES, ET or CS; letters, digits and controls are none of these.
        if c.is_ascii() {
            return c == ' ' || c.is_ascii_punctuation();
        }
        matches!(
            bidi_class(c),
            BidiClass::R
                | BidiClass::AL
                | BidiClass::WS
                | BidiClass::ON
                | BidiClass::CS
                | BidiClass::ES
                | BidiClass::ET
                | BidiClass::NSM
        )
    })
}

/// Whether the line holds a right-to-left character, or an RLI (U+2067). Only the
/// characters whose UTF-8 form starts as one of [`may_be_right_to_left`]'s does
/// ([`may_start_right_to_left`]) are decoded and looked up: the lines of Indic,
/// Cyrillic or CJK leaflets are passed over a byte at a time.
fn has_right_to_left(visual: &str) -> bool {
    let bytes = visual.as_bytes();
    for (at, &lead) in bytes.iter().enumerate() {
        // ASCII, continuation bytes and the first bytes of U+0000–U+057F.
        if lead < 0xD6 {
            continue;
        }
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        if !may_start_right_to_left(lead, next) {
            continue;
        }
        let c = visual.get(at..).and_then(|rest| rest.chars().next());
        if c.is_some_and(|c| {
            may_be_right_to_left(c) && is_right_to_left(bidi_class(c)) || c == '\u{2067}'
        }) {
            return true;
        }
    }
    false
}

/// Whether a character whose UTF-8 form starts with `lead`, `next` may be one of
/// [`may_be_right_to_left`]'s or RLI (a test checks every character).
fn may_start_right_to_left(lead: u8, next: u8) -> bool {
    match lead {
        // U+0580–U+07FF; U+0800–U+08FF.
        0xD6..=0xDF => true,
        0xE0 => (0xA0..=0xA3).contains(&next),
        // U+2000–U+207F: RLM, RLE, RLO, RLI.
        0xE2 => matches!(next, 0x80 | 0x81),
        // U+FB00–U+FEFF.
        0xEF => (0xAC..=0xBB).contains(&next),
        // U+10800–U+10FFF, U+1E800–U+1EFFF.
        0xF0 => matches!(next, 0x90 | 0x9E),
        _ => false,
    }
}

/// The classes that make a line need reordering.
fn is_right_to_left(class: BidiClass) -> bool {
    matches!(
        class,
        BidiClass::R | BidiClass::AL | BidiClass::AN | BidiClass::RLE | BidiClass::RLO
    )
}

/// False for a character whose bidi class cannot be [`is_right_to_left`]: such
/// characters are all in the blocks of right-to-left scripts (where Unicode also
/// gives unassigned code points a right-to-left class), or are RLM, RLE or RLO.
/// A test checks every character against the class table.
fn may_be_right_to_left(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF
            | 0x200F
            | 0x202B
            | 0x202E
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
            | 0x10800..=0x10FFF
            | 0x1E800..=0x1EFFF
    )
}

/// The direction of a line with no language to go by: right to left when it has
/// more right-to-left strong characters than left-to-right ones. (The first strong
/// character would not do: a right-to-left line ending in a Latin word is drawn
/// with that word first.)
pub fn guess(visual: &str) -> Direction {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in visual.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    if rtl > ltr {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

/// The direction of a BCP 47 language tag: its script subtag if it has one, else
/// its language's usual script.
pub fn of_language(tag: &str) -> Option<Direction> {
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?.to_ascii_lowercase();
    if language.is_empty() {
        return None;
    }
    const RTL_SCRIPTS: &[&str] = &[
        "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "yezi",
    ];
    if let Some(script) = subtags.find(|s| s.len() == 4 && s.chars().all(char::is_alphabetic)) {
        let rtl = RTL_SCRIPTS.contains(&script.to_ascii_lowercase().as_str());
        return Some(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
    }
    const RTL_LANGUAGES: &[&str] = &[
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur",
        "yi", "prs", "pnb", "azb", "lrc", "mzn", "glk", "bal", "bqi",
    ];
    Some(if RTL_LANGUAGES.contains(&language.as_str()) {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_bidi::BidiInfo;

    /// What a writer draws for the logical `text` in a paragraph of `base`: the
    /// characters in visual order (UAX #9 L1–L2).
    fn draw(text: &str, base: Direction) -> String {
        let level = match base {
            Direction::LeftToRight => Level::ltr(),
            Direction::RightToLeft => Level::rtl(),
        };
        let info = BidiInfo::new(text, Some(level));
        let para = &info.paragraphs[0];
        info.reorder_line(para, para.range.clone()).into_owned()
    }

    fn round_trip(logical: &str, base: Direction) -> String {
        let visual = draw(logical, base);
        assert_ne!(visual, logical, "the test needs text that reorders");
        logical_line(&visual, Some(base)).into_owned()
    }

    #[test]
    fn arabic_with_digits_and_a_latin_word_reads_back_in_logical_order() {
        let rtl = Direction::RightToLeft;
        for logical in [
            "الجرعة 50 ملغ",
            "يسمى ketamine في المستشفى",
            "الجرعة 50 ملغ من ketamine كل يوم",
            "خذ ketamine 50 mg مرة",
            "الكيتامين (ketamine).",
            "ketamine هو دواء.",
        ] {
            assert_eq!(round_trip(logical, rtl), logical);
        }
    }

    #[test]
    fn an_arabic_word_in_english_reads_back() {
        let logical = "The word سلام means peace, 50 times.";
        assert_eq!(round_trip(logical, Direction::LeftToRight), logical);
    }

    #[test]
    fn the_writers_marks_fence_a_neutral_that_would_move() {
        // Unfenced, "A 50 ketamine" is ambiguous once drawn: the visual string
        // gives the number the Latin word's direction and reads back wrong.
        let logical = "خذ 50 ketamine";
        let visual = draw(logical, Direction::RightToLeft);
        let unfenced = logical_line(&visual, Some(Direction::RightToLeft)).into_owned();
        assert_ne!(unfenced, logical);
        // The writer fences the space (drawn right-to-left) with RLMs.
        let fenced_visual = visual.replacen("ketamine ", "ketamine\u{200F} \u{200F}", 1);
        let read = logical_line(&fenced_visual, Some(Direction::RightToLeft));
        assert_eq!(
            crate::verify::normalise(&read),
            crate::verify::normalise(logical)
        );
    }

    #[test]
    fn a_latin_line_ending_in_a_full_stop_in_an_arabic_paragraph() {
        // The writer fences the full stop with right-to-left marks.
        assert_eq!(
            crate::verify::normalise(&logical_line(
                "\u{200F}.\u{200F}ketamine",
                Some(Direction::RightToLeft)
            )),
            "ketamine."
        );
        // A line with nothing right to left reads as it stands (an address).
        assert_eq!(
            logical_line("https://example.org/", Some(Direction::RightToLeft)),
            "https://example.org/"
        );
        assert_eq!(
            logical_line("ketamine.", Some(Direction::LeftToRight)),
            "ketamine."
        );
    }

    /// Lines of right-to-left letters, neutrals and marks, reversed whole, read as
    /// `BidiInfo` reads them; lines with anything else are left to it. Random lines
    /// (a fixed generator) of characters the shortcut takes, and of ones it refuses.
    #[test]
    fn one_right_to_left_run_reads_as_bidi_info() {
        let taken: Vec<char> = "سلامכתב\u{64B}\u{64F} .,:;!?()[]«»-+%#$/،؟\u{200F}"
            .chars()
            .collect();
        let refused: Vec<char> =
            "a5\u{665}\u{6F5}\u{200E}\t\u{AD}\u{200C}\u{200D}\u{2067}\u{2069}\u{202B}\n"
                .chars()
                .collect();
        let mut state = 0x2545_f491_u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        let (mut whole, mut left) = (0, 0);
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let line: String = (0..len)
                .map(|_| match next(8) {
                    0 => refused[next(refused.len())],
                    _ => taken[next(taken.len())],
                })
                .collect();
            let info = BidiInfo::new(&line, Some(Level::rtl()));
            let mut want = String::new();
            for paragraph in &info.paragraphs {
                want.push_str(&info.reorder_line(paragraph, paragraph.range.clone()));
            }
            if one_right_to_left_run(&line) {
                whole += 1;
                let reversed: String = line.chars().rev().collect();
                assert_eq!(reversed, want, "{line:?}");
                if line.chars().any(|c| is_right_to_left(bidi_class(c))) {
                    assert_eq!(logical_line(&line, Some(Direction::RightToLeft)), want);
                }
            } else {
                left += 1;
            }
        }
        assert!(whole > 1000 && left > 1000, "{whole} {left}");
        for c in (0..0x80u8).map(char::from) {
            let class = bidi_class(c);
            let taken = matches!(
                class,
                BidiClass::WS | BidiClass::ON | BidiClass::CS | BidiClass::ES | BidiClass::ET
            );
            // Only what the classes allow is taken (a form feed, WS, is left to
            // `BidiInfo`).
            if one_right_to_left_run(&c.to_string()) {
                assert!(taken, "{c:?}");
            }
        }
    }

    #[test]
    fn without_a_language_the_line_decides() {
        let logical = "يسمى ketamine في المستشفى";
        let visual = draw(logical, Direction::RightToLeft);
        assert_eq!(guess(&visual), Direction::RightToLeft);
        assert_eq!(logical_line(&visual, None), logical);
    }

    #[test]
    fn only_the_right_to_left_blocks_are_looked_up() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_right_to_left(bidi_class(c)) {
                assert!(may_be_right_to_left(c), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn right_to_left_characters_are_found_by_their_first_bytes() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if may_be_right_to_left(c) || c == '\u{2067}' {
                let mut utf8 = [0; 4];
                let bytes = c.encode_utf8(&mut utf8).as_bytes();
                assert!(
                    may_start_right_to_left(bytes[0], bytes.get(1).copied().unwrap_or(0)),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
        assert!(has_right_to_left("ab سلام"));
        assert!(has_right_to_left("\u{2067}x\u{2069}"));
        assert!(!has_right_to_left("केटामाइन Ωμέγα 日本"));
    }

    #[test]
    fn language_tags() {
        assert_eq!(of_language("ar"), Some(Direction::RightToLeft));
        assert_eq!(of_language("fa-IR"), Some(Direction::RightToLeft));
        assert_eq!(of_language("en-GB"), Some(Direction::LeftToRight));
        assert_eq!(of_language("pa-Arab"), Some(Direction::RightToLeft));
        assert_eq!(of_language("az-Latn"), Some(Direction::LeftToRight));
        assert_eq!(of_language(""), None);
    }
}
