//! TrueType hinting removed from an embedded font subset.
//!
//! Hinting (the `fpgm`/`prep`/`cvt ` programs and each glyph's instructions) only
//! grid-fits outlines for a rasteriser that runs the TrueType interpreter; PDF
//! viewers and printers draw the outlines themselves, and ISO 32000-1 § 9.9 asks
//! only for the tables that give outlines and metrics. The `name` table stays,
//! though no PDF consumer needs it: it carries the font's copyright and licence
//! notice (SIL OFL), which travels with every copy of the font program. Measured on
//! the English A4 leaflet: 35,620 bytes with hinting, 26,387 without hinting and
//! without `name`, about 28 KB with `name` kept; the budget is 32 KiB.

/// Tables no PDF consumer of a subset reads: the three hinting programs.
const DROPPED: [[u8; 4]; 3] = [*b"fpgm", *b"prep", *b"cvt "];

/// `head.checkSumAdjustment` makes the whole font sum to this (OpenType `head`).
const CHECKSUM_MAGIC: u32 = 0xB1B0_AFBA;

// Composite glyph component flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

/// Glyph header: numberOfContours, xMin, yMin, xMax, yMax.
const GLYPH_HEADER: usize = 10;

/// Returns `font` (a TrueType sfnt, as subsetter writes it) without `fpgm`, `prep`,
/// `cvt ` and without per-glyph instructions; outlines and metrics are
/// unchanged. Any malformed input is an error (the caller then embeds the original).
pub fn strip_hinting(font: &[u8]) -> Result<Vec<u8>, String> {
    let (version, tables) = read_directory(font)?;
    let table = |tag: &[u8; 4]| {
        tables
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, data)| *data)
            .ok_or_else(|| format!("no '{}' table", String::from_utf8_lossy(tag)))
    };
    let head = table(b"head")?;
    let maxp = table(b"maxp")?;
    if head.len() < 54 {
        return Err("'head' table too short".into());
    }
    let long_loca = match be_u16(head, 50)? {
        0 => false,
        1 => true,
        other => return Err(format!("unknown indexToLocFormat {other}")),
    };
    let glyph_count = usize::from(be_u16(maxp, 4)?);
    let glyphs = strip_glyf(table(b"glyf")?, table(b"loca")?, long_loca, glyph_count)?;

    let mut head = head.to_vec();
    head[8..12].fill(0);
    head[50..52].copy_from_slice(&u16::from(glyphs.long_loca).to_be_bytes());
    let mut maxp = maxp.to_vec();
    // maxSizeOfInstructions exists only in version 1.0 maxp (32 bytes).
    if be_u32(&maxp, 0)? == 0x0001_0000 && maxp.len() >= 32 {
        maxp[26..28].fill(0);
    }

    let mut kept: Vec<Table> = tables
        .iter()
        .filter(|(tag, _)| !DROPPED.contains(tag))
        .map(|&(tag, data)| match &tag {
            b"head" => (tag, head.as_slice()),
            b"maxp" => (tag, maxp.as_slice()),
            b"glyf" => (tag, glyphs.glyf.as_slice()),
            b"loca" => (tag, glyphs.loca.as_slice()),
            _ => (tag, data),
        })
        .collect();
    kept.sort_by_key(|&(tag, _)| tag);
    write_font(version, &kept)
}

/// A table's tag and bytes.
type Table<'a> = ([u8; 4], &'a [u8]);

/// The sfnt version and each table, bounds-checked.
fn read_directory(font: &[u8]) -> Result<(u32, Vec<Table<'_>>), String> {
    let version = be_u32(font, 0)?;
    // 0x00010000 and 'true' are TrueType outlines; 'OTTO' (CFF) and 'ttcf' have no glyf.
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return Err(format!(
            "not a TrueType font (sfnt version {version:#010x})"
        ));
    }
    let count = usize::from(be_u16(font, 4)?);
    let mut tables: Vec<Table> = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag = bytes(font, record, 4)?;
        let tag = [tag[0], tag[1], tag[2], tag[3]];
        let offset = be_u32(font, record + 8)? as usize;
        let length = be_u32(font, record + 12)? as usize;
        tables.push((tag, bytes(font, offset, length)?));
    }
    let mut tags: Vec<[u8; 4]> = tables.iter().map(|&(tag, _)| tag).collect();
    tags.sort_unstable();
    if let Some(twice) = tags.windows(2).find(|pair| pair[0] == pair[1]) {
        let tag = String::from_utf8_lossy(&twice[0]);
        return Err(format!("table '{tag}' listed twice"));
    }
    Ok((version, tables))
}

/// A rewritten `glyf` and the `loca` that indexes it.
struct Glyphs {
    glyf: Vec<u8>,
    loca: Vec<u8>,
    long_loca: bool,
}

/// Rewrites every glyph without instructions and indexes the result, keeping the
/// short `loca` format unless the smaller table would still overflow it.
fn strip_glyf(
    glyf: &[u8],
    loca: &[u8],
    long_loca: bool,
    glyph_count: usize,
) -> Result<Glyphs, String> {
    let offset_at = |i: usize| -> Result<usize, String> {
        Ok(if long_loca {
            be_u32(loca, 4 * i)? as usize
        } else {
            2 * usize::from(be_u16(loca, 2 * i)?)
        })
    };
    // Short offsets count 16-bit words, so every glyph must start on an even byte.
    let align = if long_loca { 4 } else { 2 };
    let mut out = Vec::with_capacity(glyf.len());
    let mut starts = Vec::with_capacity(glyph_count + 1);
    let mut start = offset_at(0)?;
    for i in 0..glyph_count {
        let end = offset_at(i + 1)?;
        if end < start {
            return Err(format!("loca offsets descend at glyph {i}"));
        }
        starts.push(out.len());
        append_unhinted(bytes(glyf, start, end - start)?, &mut out)
            .map_err(|e| format!("glyph {i}: {e}"))?;
        out.resize(out.len().next_multiple_of(align), 0);
        start = end;
    }
    starts.push(out.len());

    // Stripping only shrinks glyphs, but a font can arrive already near the limit.
    let long_loca = long_loca || out.len() / 2 > usize::from(u16::MAX);
    let mut index = Vec::with_capacity(starts.len() * if long_loca { 4 } else { 2 });
    for start in starts {
        if long_loca {
            let start = u32::try_from(start).map_err(|_| "glyf larger than 4 GB")?;
            index.extend_from_slice(&start.to_be_bytes());
        } else {
            // Fits: checked above, and every start is even.
            index.extend_from_slice(&((start / 2) as u16).to_be_bytes());
        }
    }
    Ok(Glyphs {
        glyf: out,
        loca: index,
        long_loca,
    })
}

/// Appends `glyph` to `out` with its instructions removed; an empty glyph stays empty.
fn append_unhinted(glyph: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
    if glyph.is_empty() {
        return Ok(());
    }
    let contours = be_u16(glyph, 0)? as i16;
    if contours >= 0 {
        // endPtsOfContours, instructionLength, instructions, then flags and points.
        let lengths = GLYPH_HEADER + 2 * contours as usize;
        let instructions = usize::from(be_u16(glyph, lengths)?);
        let point_count = match contours {
            0 => 0,
            _ => usize::from(be_u16(glyph, lengths - 2)?) + 1,
        };
        let points = lengths + 2 + instructions;
        let outline = bytes(glyph, points, outline_length(glyph, points, point_count)?)?;
        out.extend_from_slice(bytes(glyph, 0, lengths)?);
        out.extend_from_slice(&0u16.to_be_bytes());
        out.extend_from_slice(outline);
        return Ok(());
    }
    out.extend_from_slice(bytes(glyph, 0, GLYPH_HEADER)?);
    let mut at = GLYPH_HEADER;
    let mut instructed = false;
    loop {
        let flags = be_u16(glyph, at)?;
        let args = if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        let transform = if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else {
            0
        };
        // flags, glyphIndex, arguments, transform.
        let component = bytes(glyph, at, 4 + args + transform)?;
        // The flag may be set on any component (ISO/IEC 14496-22); the
        // instructions always follow the last one.
        instructed |= flags & WE_HAVE_INSTRUCTIONS != 0;
        out.extend_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(&component[2..]);
        at += component.len();
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    if instructed {
        let length = usize::from(be_u16(glyph, at)?);
        bytes(glyph, at + 2, length)?;
    }
    Ok(())
}

/// The length of a simple glyph's flags and coordinates starting at `at`, read from
/// its flags: the old padding after them is dropped, because once the instructions
/// are gone it would no longer fit the new alignment (readers flag 4 stray bytes).
fn outline_length(glyph: &[u8], at: usize, point_count: usize) -> Result<usize, String> {
    const X_SHORT: u8 = 0x02;
    const Y_SHORT: u8 = 0x04;
    const REPEAT: u8 = 0x08;
    const X_SAME_OR_POSITIVE: u8 = 0x10;
    const Y_SAME_OR_POSITIVE: u8 = 0x20;
    let coordinate = |flag: u8, short: u8, same: u8| match (flag & short != 0, flag & same != 0) {
        (true, _) => 1,
        (false, true) => 0,
        (false, false) => 2,
    };
    let (mut flag_bytes, mut coordinate_bytes, mut points) = (0, 0, 0);
    while points < point_count {
        let flag = bytes(glyph, at + flag_bytes, 1)?[0];
        flag_bytes += 1;
        let mut times = 1;
        if flag & REPEAT != 0 {
            times += usize::from(bytes(glyph, at + flag_bytes, 1)?[0]);
            flag_bytes += 1;
        }
        points += times;
        if points > point_count {
            return Err("flags repeat past the last point".into());
        }
        coordinate_bytes += times
            * (coordinate(flag, X_SHORT, X_SAME_OR_POSITIVE)
                + coordinate(flag, Y_SHORT, Y_SAME_OR_POSITIVE));
    }
    Ok(flag_bytes + coordinate_bytes)
}

/// Writes an sfnt from tables sorted by tag: directory with its binary-search
/// fields, 4-byte aligned tables, table checksums and `head.checkSumAdjustment`.
fn write_font(version: u32, tables: &[Table]) -> Result<Vec<u8>, String> {
    let count = tables.len();
    // Largest power of two not above the table count (at least 1: glyf is always kept).
    let entry_selector = (usize::BITS - 1).saturating_sub(count.max(1).leading_zeros());
    let search_range = 16usize << entry_selector;
    let directory = 12 + 16 * count;
    let body: usize = tables
        .iter()
        .map(|(_, d)| d.len().next_multiple_of(4))
        .sum();
    let mut font = Vec::with_capacity(directory + body);
    font.extend_from_slice(&version.to_be_bytes());
    let range_shift = (16 * count).saturating_sub(search_range);
    for field in [count, search_range, entry_selector as usize, range_shift] {
        font.extend_from_slice(&(field as u16).to_be_bytes());
    }
    let mut offset = directory;
    let mut head_at = None;
    for (tag, data) in tables {
        font.extend_from_slice(tag);
        font.extend_from_slice(&checksum(data).to_be_bytes());
        for field in [offset, data.len()] {
            let field = u32::try_from(field).map_err(|_| "font larger than 4 GB")?;
            font.extend_from_slice(&field.to_be_bytes());
        }
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in tables {
        font.extend_from_slice(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    // The head table was written with checkSumAdjustment zeroed, as the sum requires.
    if let Some(head) = head_at {
        let adjustment = CHECKSUM_MAGIC.wrapping_sub(checksum(&font));
        font[head + 8..head + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    Ok(font)
}

/// The OpenType table checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, word| {
        let mut padded = [0u8; 4];
        padded[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(padded))
    })
}

/// `len` bytes of `data` from `at`, or an error naming the overrun.
fn bytes(data: &[u8], at: usize, len: usize) -> Result<&[u8], String> {
    at.checked_add(len)
        .and_then(|end| data.get(at..end))
        .ok_or_else(|| {
            format!(
                "{len} bytes at {at} run past the end ({} bytes)",
                data.len()
            )
        })
}

fn be_u16(data: &[u8], at: usize) -> Result<u16, String> {
    let b = bytes(data, at, 2)?;
    Ok(u16::from_be_bytes([b[0], b[1]]))
}

fn be_u32(data: &[u8], at: usize) -> Result<u32, String> {
    let b = bytes(data, at, 4)?;
    Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use read_fonts::tables::glyf::{CompositeGlyphFlags, Glyph};
    use read_fonts::types::{GlyphId, Tag};
    use read_fonts::{FontRef, TableProvider};

    const LATIN: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
    const ARABIC: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Regular.ttf");

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
}
