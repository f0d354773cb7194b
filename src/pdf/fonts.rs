//! Embedded fonts: the glyphs a document uses, subset per face and written as
//! Type0 / CIDFontType2 fonts with Identity-H encoding, `/W` widths and a
//! `/ToUnicode` CMap, so the text can be searched and copied.

use super::deflate::deflate;
use super::refs::Refs;
use crate::error::{Error, Result};
use crate::fast_map::FastMap;
use crate::layout::Layout;
use crate::text::{FaceId, FontBook};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use read_fonts::TableProvider;
use subsetter::GlyphRemapper;

/// One face as the document uses it.
struct UsedFace {
    face: FaceId,
    /// The original ids of the glyphs it shows, ascending.
    gids: Vec<u16>,
    /// Original glyph id → glyph id in the subset, which is also its CID.
    remap: GlyphRemapper,
}

/// What the document embeds for one glyph of a face.
struct Embedded {
    /// Its id in the subset, which is also its CID.
    cid: u16,
    /// The text its `/ToUnicode` entry gives (chosen by `extract::to_unicode`).
    text: String,
}

/// The faces of a document and the CID of each glyph used.
pub struct Fonts {
    used: Vec<UsedFace>,
    /// (face, original glyph id) → what is embedded for it. Content streams ask for
    /// every glyph drawn: one hash look-up answers both the CID and the text.
    glyphs: FastMap<(FaceId, u16), Embedded>,
}

impl Fonts {
    /// Collects every glyph the layout shows, per face, with the text of its
    /// `/ToUnicode` entry (see `extract::to_unicode`).
    pub fn collect(layout: &Layout) -> Fonts {
        let mut glyphs = FastMap::default();
        let used = super::extract::to_unicode(layout)
            .into_iter()
            .map(|(face, texts)| {
                // Ascending original ids give a stable numbering (.notdef stays 0).
                let gids: Vec<u16> = texts.keys().copied().collect();
                let remap = GlyphRemapper::new_from_glyphs(&gids);
                for (gid, text) in texts {
                    let cid = remap.get(gid).unwrap_or(0);
                    glyphs.insert((face, gid), Embedded { cid, text });
                }
                UsedFace { face, gids, remap }
            })
            .collect();
        Fonts { used, glyphs }
    }

    /// The CID that shows glyph `gid` of `face` (its id in the subset), and the text
    /// extractors get for it from its `/ToUnicode` entry.
    pub fn glyph(&self, face: FaceId, gid: u16) -> (u16, &str) {
        self.glyphs
            .get(&(face, gid))
            .map_or((0, ""), |g| (g.cid, g.text.as_str()))
    }

    /// Writes every used face; returns each face's font dictionary.
    pub fn write(
        &self,
        pdf: &mut Pdf,
        refs: &mut Refs,
        book: &'static FontBook,
    ) -> Result<Vec<(FaceId, Ref)>> {
        self.used
            .iter()
            .map(|u| Ok((u.face, write_face(pdf, refs, book, u, &self.glyphs)?)))
            .collect()
    }
}

/// The resource name of a face in content streams (fixed, so output is reproducible).
pub fn resource_name(face: FaceId) -> String {
    format!("F{}", face.0)
}

fn write_face(
    pdf: &mut Pdf,
    refs: &mut Refs,
    book: &'static FontBook,
    used: &UsedFace,
    glyphs: &FastMap<(FaceId, u16), Embedded>,
) -> Result<Ref> {
    let face = book.face(used.face);
    let program = subsetter::subset(face.data, face.index, &used.remap)
        .map_err(|e| Error::internal(format!("font {} could not be subset: {e}", face.name)))?;
    // Hinting is dead weight in a PDF; a subset we cannot parse is embedded as written.
    // (CFF subsets keep their hints: they are a few bytes a glyph.)
    let program = match face.cff {
        false => super::unhint::strip_hinting(&program).unwrap_or(program),
        true => program,
    };
    let metrics = Metrics::read(face.data, face.index).ok_or_else(|| {
        Error::internal(format!(
            "font {} has no head, post or OS/2 table",
            face.name
        ))
    })?;
    let scale = 1000.0 / face.units_per_em;
    let base_name = format!("{}+{}", subset_tag(&face.name, &used.gids), face.name);

    let type0 = refs.next();
    let cid_font = refs.next();
    let descriptor = refs.next();
    let file = refs.next();
    let cmap = refs.next();

    pdf.type0_font(type0)
        .base_font(Name(base_name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_font)
        .to_unicode(cmap);

    // CIDs are the subset's glyph ids, which run from 0 without gaps.
    let widths: Vec<f32> = used
        .remap
        .remapped_gids()
        .map(|gid| round2(face.advance(u32::from(gid)) * scale))
        .collect();
    // TrueType outlines are a CIDFontType2 font addressed through CIDToGIDMap; CFF
    // outlines a CIDFontType0 font whose CIDs are the subset's glyph ids already
    // (the subsetter writes an identity charset).
    let mut cid = pdf.cid_font(cid_font);
    cid.subtype(match face.cff {
        false => CidFontType::Type2,
        true => CidFontType::Type0,
    })
    .base_font(Name(base_name.as_bytes()))
    .system_info(SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    })
    .font_descriptor(descriptor);
    if !face.cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    cid.widths().consecutive(0, widths);
    cid.finish();

    let mut flags = FontFlags::SYMBOLIC;
    if face.style.italic {
        flags |= FontFlags::ITALIC;
    }
    let mut fd = pdf.font_descriptor(descriptor);
    fd.name(Name(base_name.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            metrics.bbox[0] * scale,
            metrics.bbox[1] * scale,
            metrics.bbox[2] * scale,
            metrics.bbox[3] * scale,
        ))
        .italic_angle(metrics.italic_angle)
        .ascent(round2(face.ascender * scale))
        .descent(round2(-face.descender * scale))
        .cap_height(round2(face.cap_height * scale))
        .stem_v(10.0 + 0.244 * (metrics.weight - 50.0));
    match face.cff {
        false => fd.font_file2(file),
        true => fd.font_file3(file),
    };
    fd.finish();

    let packed = deflate(&program)?;
    let mut stream = pdf.stream(file, &packed);
    stream.filter(Filter::FlateDecode);
    match face.cff {
        // An OpenType font with CFF outlines (PDF 1.6), as the subsetter writes it.
        true => stream.pair(Name(b"Subtype"), Name(b"OpenType")),
        false => stream.pair(Name(b"Length1"), program.len() as i32),
    };
    stream.finish();

    let mut unicode = UnicodeCmap::new(
        Name(b"Custom"),
        SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        },
    );
    for gid in &used.gids {
        if let Some(glyph) = glyphs.get(&(used.face, *gid)) {
            if !glyph.text.is_empty() {
                unicode.pair_with_multiple(glyph.cid, glyph.text.chars());
            }
        }
    }
    let cmap_bytes = unicode.finish();
    pdf.cmap(cmap, &deflate(cmap_bytes.as_slice())?)
        .name(Name(b"Custom"))
        .system_info(SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        })
        .filter(Filter::FlateDecode);
    Ok(type0)
}

/// What the font descriptor needs beyond the layout's metrics, in font units.
struct Metrics {
    bbox: [f32; 4],
    italic_angle: f32,
    weight: f32,
}

impl Metrics {
    fn read(data: &[u8], index: u32) -> Option<Metrics> {
        let font = read_fonts::FontRef::from_index(data, index).ok()?;
        let head = font.head().ok()?;
        let italic_angle = font
            .post()
            .map(|p| p.italic_angle().to_f64() as f32)
            .unwrap_or(0.0);
        let weight = font
            .os2()
            .map(|o| f32::from(o.us_weight_class()))
            .unwrap_or(400.0);
        Some(Metrics {
            bbox: [
                f32::from(head.x_min()),
                f32::from(head.y_min()),
                f32::from(head.x_max()),
                f32::from(head.y_max()),
            ],
            italic_angle,
            weight,
        })
    }
}

/// The six capital letters that mark an embedded subset (ISO 32000 9.6.4), derived
/// from the face and the glyphs kept so that equal documents get equal tags.
fn subset_tag(name: &str, gids: &[u16]) -> String {
    // FNV-1a: a stable, cheap hash; the tag only has to differ between subsets.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    name.bytes().for_each(&mut eat);
    for gid in gids {
        gid.to_be_bytes().into_iter().for_each(&mut eat);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 10)) % 26) as u8))
        .collect()
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}
