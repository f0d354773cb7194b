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
    // Tables start on 4-byte boundaries and are padded with zeros, so the whole
    // font's sum is the directory's plus the tables' own sums (read once each).
    let mut sum = 0u32;
    for (tag, data) in tables {
        let table_sum = checksum(data);
        sum = sum.wrapping_add(table_sum);
        font.extend_from_slice(tag);
        font.extend_from_slice(&table_sum.to_be_bytes());
        for field in [offset, data.len()] {
            let field = u32::try_from(field).map_err(|_| "font larger than 4 GB")?;
            font.extend_from_slice(&field.to_be_bytes());
        }
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    sum = sum.wrapping_add(checksum(&font));
    for (_, data) in tables {
        font.extend_from_slice(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    // The head table was written with checkSumAdjustment zeroed, as the sum requires.
    if let Some(head) = head_at {
        let adjustment = CHECKSUM_MAGIC.wrapping_sub(sum);
        font[head + 8..head + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    Ok(font)
}

/// The OpenType table checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    let words = data.chunks_exact(4);
    let tail = words.remainder();
    let sum = words.fold(0u32, |sum, word| {
        sum.wrapping_add(u32::from_be_bytes([word[0], word[1], word[2], word[3]]))
    });
    let mut padded = [0u8; 4];
    padded[..tail.len()].copy_from_slice(tail);
    sum.wrapping_add(u32::from_be_bytes(padded))
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
mod tests;
