//! One parsed font face with the metrics layout and the PDF writer need.

use super::FaceStyle;
use harfrust::font::charmap::Charmap;
use harfrust::font::metrics::GlyphMetrics;
use harfrust::Font;
use std::sync::OnceLock;

/// One font file with the metrics layout needs, in font units.
pub struct Face {
    /// The name the PDF gives the font (`NotoSans-Bold`), letters, digits and `-`.
    pub name: String,
    pub data: &'static [u8],
    /// Which face of `data` (a collection holds several).
    pub index: u32,
    pub font: Font,
    pub units_per_em: f32,
    /// Typographic ascender and descender (descender positive, below the baseline).
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    pub style: FaceStyle,
    /// Whether the outlines are CFF (PostScript) rather than TrueType: the PDF embeds
    /// the two differently.
    pub cff: bool,
    // Parsed once: building these per lookup dominated layout time.
    charmap: OnceLock<Charmap<'static>>,
    metrics: OnceLock<GlyphMetrics<'static>>,
}

impl Face {
    /// Parses face `index` of `data`; `None` if it is not a usable font.
    pub fn load(name: String, data: &'static [u8], index: u32, style: FaceStyle) -> Option<Face> {
        let font = Font::new(data, index)?;
        let metrics = font.metrics();
        let units_per_em = f32::from(metrics.units_per_em);
        let line = metrics.typo_line.or(metrics.hhea_line)?;
        let ascender = line.ascender.to_f32();
        let descender = -line.descender.to_f32();
        let cap_height = metrics
            .cap_height
            .map(|c| c.to_f32())
            .unwrap_or(ascender * 0.7);
        let cff = {
            use read_fonts::TableProvider;
            let file = read_fonts::FontRef::from_index(data, index).ok()?;
            // A face with neither outline table draws nothing: not a usable font.
            match (file.glyf().is_ok(), file.cff().is_ok()) {
                (true, _) => false,
                (false, true) => true,
                (false, false) => return None,
            }
        };
        Some(Face {
            name,
            data,
            index,
            font,
            units_per_em,
            ascender,
            descender,
            cap_height,
            style,
            cff,
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
