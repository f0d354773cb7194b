//! The fonts compiled into the program, and choosing a face for each character.
//!
//! Fonts are loaded once per process and shared by every leaflet (they are read-only).

use harfrust::font::charmap::Charmap;
use harfrust::font::metrics::GlyphMetrics;
use harfrust::Font;
use std::sync::OnceLock;

/// Index of a face in the [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

/// Weight and slant asked for by the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FaceStyle {
    pub bold: bool,
    pub italic: bool,
}

/// One font file with the metrics layout needs, in font units.
pub struct Face {
    /// PostScript-like name used in the PDF (`NotoSans-Bold`).
    pub name: &'static str,
    pub data: &'static [u8],
    pub font: Font,
    pub units_per_em: f32,
    /// Typographic ascender and descender (descender positive, below the baseline).
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    pub style: FaceStyle,
    // Parsed once: building these per lookup dominated layout time.
    charmap: OnceLock<Charmap<'static>>,
    metrics: OnceLock<GlyphMetrics<'static>>,
}

impl Face {
    fn load(name: &'static str, data: &'static [u8], style: FaceStyle) -> Option<Face> {
        let font = Font::new(data, 0)?;
        let metrics = font.metrics();
        let units_per_em = f32::from(metrics.units_per_em);
        let line = metrics.typo_line.or(metrics.hhea_line)?;
        let ascender = line.ascender.to_f32();
        let descender = -line.descender.to_f32();
        let cap_height = metrics
            .cap_height
            .map(|c| c.to_f32())
            .unwrap_or(ascender * 0.7);
        Some(Face {
            name,
            data,
            font,
            units_per_em,
            ascender,
            descender,
            cap_height,
            style,
            charmap: OnceLock::new(),
            metrics: OnceLock::new(),
        })
    }

    /// Whether this face has a glyph for `c`.
    pub fn covers(&'static self, c: char) -> bool {
        self.charmap
            .get_or_init(|| self.font.charmap())
            .map_unicode(c)
            .is_some()
    }

    /// Advance of glyph `gid` in font units, as the PDF's /W array will state it.
    pub fn advance(&'static self, gid: u32) -> f32 {
        self.metrics
            .get_or_init(|| self.font.glyph_metrics())
            .h_advance(harfrust::GlyphId::new(gid))
    }
}

/// All faces the program can typeset with.
pub struct FontBook {
    faces: Vec<Face>,
    /// The fallback chain for each of the four styles, computed once.
    chains: Vec<(FaceStyle, Vec<FaceId>)>,
}

macro_rules! builtin {
    ($name:literal, $bold:expr, $italic:expr) => {
        (
            $name,
            include_bytes!(concat!("../../fonts/", $name, ".ttf")) as &[u8],
            FaceStyle {
                bold: $bold,
                italic: $italic,
            },
        )
    };
}

/// Every face, grouped by family in fallback order: a character is drawn by the first
/// family that has it, in the face of that family closest to the wanted style.
const BUILTIN: &[(&str, &[u8], FaceStyle)] = &[
    builtin!("NotoSans-Regular", false, false),
    builtin!("NotoSans-Bold", true, false),
    builtin!("NotoSans-Italic", false, true),
    builtin!("NotoSans-BoldItalic", true, true),
    builtin!("NotoSansArabic-Regular", false, false),
    builtin!("NotoSansArabic-Bold", true, false),
    // Simplified Chinese (and the rest of CJK); one weight only.
    builtin!("DroidSansFallbackFull", false, false),
];

impl FontBook {
    /// The process-wide book of built-in fonts, loaded on first use.
    pub fn shared() -> Result<&'static FontBook, String> {
        static BOOK: OnceLock<Result<FontBook, String>> = OnceLock::new();
        BOOK.get_or_init(|| {
            let faces = BUILTIN
                .iter()
                .map(|(name, data, style)| {
                    Face::load(name, data, *style)
                        .ok_or_else(|| format!("built-in font {name} cannot be read"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut book = FontBook {
                faces,
                chains: Vec::new(),
            };
            for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                let style = FaceStyle { bold, italic };
                let chain = book.chain(style).collect();
                book.chains.push((style, chain));
            }
            Ok(book)
        })
        .as_ref()
        .map_err(|e| e.clone())
    }

    pub fn face(&'static self, id: FaceId) -> &'static Face {
        &self.faces[id.0]
    }

    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.faces.iter().enumerate().map(|(i, f)| (FaceId(i), f))
    }

    /// The fallback chain for a style: per family (in order), its faces from the
    /// closest to `style` (same weight and slant, then same weight, then any).
    fn chain(&self, style: FaceStyle) -> impl Iterator<Item = FaceId> {
        let mut order: Vec<(usize, u8, usize)> = self
            .faces
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let distance = u8::from(f.style.bold != style.bold) * 2
                    + u8::from(f.style.italic != style.italic);
                (self.family_index(i), distance, i)
            })
            .collect();
        order.sort();
        order.into_iter().map(|(_, _, i)| FaceId(i))
    }

    /// Position of face `i`'s family in the fallback order.
    fn family_index(&self, i: usize) -> usize {
        let family = |n: &str| n.split('-').next().unwrap_or(n).to_string();
        let mut families: Vec<String> = Vec::new();
        for f in &self.faces {
            let fam = family(f.name);
            if !families.contains(&fam) {
                families.push(fam);
            }
        }
        let own = family(self.faces[i].name);
        families.iter().position(|f| *f == own).unwrap_or(0)
    }

    /// The face to draw `c` with in `style`, or `None` if no font has it.
    pub fn select(&'static self, c: char, style: FaceStyle) -> Option<FaceId> {
        // Controls and zero-width format characters are drawn by nobody; the shaper
        // handles them inside the surrounding run.
        let chain = self
            .chains
            .iter()
            .find(|(s, _)| *s == style)
            .map(|(_, c)| c.as_slice())
            .unwrap_or(&[]);
        chain.iter().copied().find(|id| self.face(*id).covers(c))
    }
}

/// Characters no font draws on purpose (soft hyphen, zero-width and direction
/// controls, byte-order mark): the shaper handles them inside the run, so they are
/// never "missing". Layout and the coverage check share this one definition.
pub fn drawn_by_no_font(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}
