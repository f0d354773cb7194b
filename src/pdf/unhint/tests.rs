//! Tests of `strip_hinting` on real subsets of the repository's fonts.

use super::*;
use read_fonts::tables::glyf::{CompositeGlyphFlags, Glyph};
use read_fonts::types::{GlyphId, Tag};
use read_fonts::{FontRef, TableProvider};

const LATIN: &[u8] = include_bytes!("../../../fonts/NotoSans-Regular.ttf");
const ARABIC: &[u8] = include_bytes!("../../../fonts/NotoSansArabic-Regular.ttf");

/// A subset of `font` for `text`, made the way `fonts.rs` makes it.
fn subset(font: &[u8], text: &str) -> Vec<u8> {
    let cmap = FontRef::new(font).and_then(|f| f.cmap()).expect("cmap");
    let mut gids: Vec<u16> = text
        .chars()
        .filter_map(|c| cmap.map_codepoint(c))
        .map(|g| g.to_u32() as u16)
        .chain([0])
        .collect();
    gids.sort_unstable();
    gids.dedup();
    let remap = subsetter::GlyphRemapper::new_from_glyphs(&gids);
    subsetter::subset(font, 0, &remap).expect("subset")
}

fn latin() -> Vec<u8> {
    subset(LATIN, "Ketamine (NMDA) é ü ï, 50 % — fi “ok”?")
}

fn glyph<'a>(font: &FontRef<'a>, gid: u32) -> Option<Glyph<'a>> {
    let (glyf, loca) = (font.glyf().expect("glyf"), font.loca(None).expect("loca"));
    loca.get(GlyphId::new(gid), &glyf)
        .expect("readable glyph")
        .into_glyph()
}

/// Asserts `stripped` draws every glyph of `original` identically, with the same
/// advances, and carries no hinting; returns how many composite glyphs it saw.
fn assert_same_outlines_unhinted(original: &[u8], stripped: &[u8]) -> usize {
    let (a, b) = (
        FontRef::new(original).unwrap(),
        FontRef::new(stripped).unwrap(),
    );
    for tag in DROPPED {
        assert!(b.table_data(Tag::new(&tag)).is_none(), "{tag:?} kept");
    }
    let count = a.maxp().unwrap().num_glyphs();
    assert_eq!(b.maxp().unwrap().num_glyphs(), count);
    assert_eq!(b.maxp().unwrap().max_size_of_instructions(), Some(0));
    let (ha, hb) = (a.hmtx().unwrap(), b.hmtx().unwrap());
    let mut composites = 0;
    for gid in 0..u32::from(count) {
        let id = GlyphId::new(gid);
        assert_eq!(ha.advance(id), hb.advance(id), "advance of {gid}");
        assert_eq!(ha.side_bearing(id), hb.side_bearing(id), "lsb of {gid}");
        match (glyph(&a, gid), glyph(&b, gid)) {
            (None, None) => {}
            (Some(Glyph::Simple(x)), Some(Glyph::Simple(y))) => {
                assert_eq!(x.end_pts_of_contours(), y.end_pts_of_contours(), "{gid}");
                assert!(x.points().eq(y.points()), "points of {gid}");
                assert_eq!((x.x_min(), x.y_max()), (y.x_min(), y.y_max()));
                assert_eq!(y.instruction_length(), 0, "{gid}");
            }
            (Some(Glyph::Composite(x)), Some(Glyph::Composite(y))) => {
                composites += 1;
                let key = |c: read_fonts::tables::glyf::Component| {
                    let flags = c.flags - CompositeGlyphFlags::WE_HAVE_INSTRUCTIONS;
                    (flags, c.glyph, c.anchor, c.transform)
                };
                assert!(x.components().map(key).eq(y.components().map(key)), "{gid}");
                assert_eq!(y.instructions(), None, "{gid}");
                assert!(y
                    .components()
                    .all(|c| !c.flags.contains(CompositeGlyphFlags::WE_HAVE_INSTRUCTIONS)));
            }
            _ => panic!("glyph {gid} changed kind"),
        }
    }
    composites
}

#[test]
fn a_latin_subset_keeps_outlines_and_loses_hinting() {
    let original = latin();
    let original_font = FontRef::new(&original).unwrap();
    assert!(
        original_font.table_data(Tag::new(b"fpgm")).is_some(),
        "test needs hinting"
    );
    let stripped = strip_hinting(&original).unwrap();
    let composites = assert_same_outlines_unhinted(&original, &stripped);
    assert!(composites > 0, "é, ü, ï should be composite in Noto Sans");
    assert!(
        stripped.len() * 2 < original.len(),
        "{} of {}",
        stripped.len(),
        original.len()
    );
}

/// Noto Sans Arabic's composites carry instructions (Noto Sans's accented
/// Latin letters do not), so this is the test of the composite path.
#[test]
fn an_arabic_subset_keeps_outlines_and_loses_hinting() {
    let original = subset(ARABIC, "يُؤثر الألم المزمن على ملايين الأشخاص ١٢٣");
    let stripped = strip_hinting(&original).unwrap();
    assert_same_outlines_unhinted(&original, &stripped);
}

#[test]
fn the_output_is_a_valid_sfnt_and_stripping_is_idempotent() {
    let stripped = strip_hinting(&latin()).unwrap();
    assert_eq!(
        checksum(&stripped),
        CHECKSUM_MAGIC,
        "head.checkSumAdjustment"
    );
    assert_eq!(stripped.len() % 4, 0);
    let font = FontRef::new(&stripped).unwrap();
    let records = font.table_directory.table_records();
    let tags: Vec<Tag> = records.iter().map(|r| r.tag()).collect();
    assert!(tags.windows(2).all(|w| w[0] < w[1]), "sorted: {tags:?}");
    let directory = &stripped[4..12];
    let n = records.len() as u16;
    let (range, selector) = (16 * (1u16 << n.ilog2()), n.ilog2() as u16);
    let expected: Vec<u8> = [n, range, selector, 16 * n - range]
        .iter()
        .flat_map(|v| v.to_be_bytes())
        .collect();
    assert_eq!(directory, expected.as_slice());
    for record in records {
        let start = record.offset() as usize;
        assert_eq!(start % 4, 0);
        let mut data = stripped[start..start + record.length() as usize].to_vec();
        if record.tag() == Tag::new(b"head") {
            data[8..12].fill(0);
        }
        assert_eq!(checksum(&data), record.checksum(), "{}", record.tag());
    }
    assert_eq!(strip_hinting(&stripped).unwrap(), stripped);
    assert_eq!(strip_hinting(&latin()).unwrap(), stripped, "deterministic");
}

/// Where table `tag` starts in `font`.
fn table_offset(font: &[u8], tag: &[u8; 4]) -> usize {
    let (_, tables) = read_directory(font).unwrap();
    let (_, data) = tables.iter().find(|(t, _)| t == tag).unwrap();
    data.as_ptr() as usize - font.as_ptr() as usize
}

/// Where, in `font`, glyph `gid` starts (short loca, as Noto's subsets have).
fn glyph_offset(font: &[u8], gid: usize) -> usize {
    let loca = table_offset(font, b"loca");
    table_offset(font, b"glyf") + 2 * usize::from(be_u16(font, loca + 2 * gid).unwrap())
}

fn first_glyph(font: &[u8], composite: bool) -> usize {
    let parsed = FontRef::new(font).unwrap();
    (1..parsed.maxp().unwrap().num_glyphs())
        .find(|&g| match glyph(&parsed, u32::from(g)) {
            Some(Glyph::Composite(_)) => composite,
            Some(Glyph::Simple(_)) => !composite,
            None => false,
        })
        .map(usize::from)
        .unwrap()
}

#[test]
fn truncated_fonts_are_errors() {
    let font = latin();
    let (_, tables) = read_directory(&font).unwrap();
    let end = tables
        .iter()
        .map(|(_, d)| d.as_ptr() as usize - font.as_ptr() as usize + d.len())
        .max()
        .unwrap();
    for len in (0..end).step_by(7) {
        assert!(
            strip_hinting(&font[..len]).is_err(),
            "prefix of {len} bytes"
        );
    }
}

#[test]
fn wrong_offsets_and_lengths_are_errors() {
    let font = latin();
    let corrupt = |at: usize, bytes: &[u8]| {
        let mut bad = font.clone();
        bad[at..at + bytes.len()].copy_from_slice(bytes);
        strip_hinting(&bad)
    };
    // A table record pointing past the end; two records with one tag.
    assert!(corrupt(12 + 8, &(font.len() as u32).to_be_bytes()).is_err());
    assert!(corrupt(12 + 16, &font[12..16]).is_err());
    // Not TrueType outlines.
    assert!(corrupt(0, b"OTTO").is_err());
    // An unknown loca format.
    assert!(corrupt(table_offset(&font, b"head") + 50, &[0, 7]).is_err());
    // Loca going backwards, and past the end of glyf.
    let loca = table_offset(&font, b"loca");
    assert!(corrupt(loca + 2 * 3, &[0, 0]).is_err());
    assert!(corrupt(loca + 2 * 3, &[0xFF, 0xFF]).is_err());
    // A simple glyph whose instructions run past its end.
    let simple = glyph_offset(&font, first_glyph(&font, false));
    let contours = usize::from(be_u16(&font, simple).unwrap());
    assert!(corrupt(simple + 10 + 2 * contours, &[0xFF, 0xFF]).is_err());
    // A composite glyph whose last component claims another follows.
    let composite = glyph_offset(&font, first_glyph(&font, true));
    let mut at = composite + 10;
    while be_u16(&font, at).unwrap() & MORE_COMPONENTS != 0 {
        let flags = be_u16(&font, at).unwrap();
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        at += [(0x80, 8), (0x40, 4), (0x08, 2)]
            .iter()
            .find(|(bit, _)| flags & bit != 0)
            .map_or(0, |(_, n)| *n);
    }
    let flags = be_u16(&font, at).unwrap() | MORE_COMPONENTS | WE_HAVE_A_TWO_BY_TWO;
    assert!(corrupt(at, &flags.to_be_bytes()).is_err());
}

proptest::proptest! {
    #[test]
    fn corrupted_bytes_never_panic(flips in proptest::collection::vec((0usize..4096, proptest::num::u8::ANY), 1..8)) {
        let mut font = latin();
        for (at, value) in flips {
            let at = at % font.len();
            font[at] = value;
        }
        let _ = strip_hinting(&font);
    }
}
