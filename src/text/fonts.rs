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

const BUILTIN: &[(&str, &[u8], FaceStyle)] = &[
    builtin!("NotoSans-Regular", false, false),
    builtin!("NotoSans-Bold", true, false),
    builtin!("NotoSans-Italic", false, true),
    builtin!("NotoSans-BoldItalic", true, true),
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
            Ok(FontBook { faces })
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

    /// The fallback chain for a style: the face of that style first, then the others.
    fn chain(&'static self, style: FaceStyle) -> impl Iterator<Item = FaceId> + 'static {
        let exact = self.faces.iter().position(|f| f.style == style);
        exact
            .into_iter()
            .chain((0..self.faces.len()).filter(move |i| Some(*i) != exact))
            .map(FaceId)
    }

    /// The face to draw `c` with in `style`, or `None` if no font has it.
    pub fn select(&'static self, c: char, style: FaceStyle) -> Option<FaceId> {
        // Controls and zero-width format characters are drawn by nobody; the shaper
        // handles them inside the surrounding run.
        self.chain(style).find(|id| self.face(*id).covers(c))
    }
}
