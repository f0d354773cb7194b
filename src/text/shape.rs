//! OpenType shaping of one run (one face, one direction) with harfrust.

use super::fonts::{FaceId, FontBook};
use crate::fast_map::FastMap;
use harfrust::{Buffer, Direction, Language, Script, ShapeOptions, ShapePlan, ShaperFont};
use std::cell::RefCell;
use std::str::FromStr;

type PlanKey = (FaceId, bool, Option<Script>);

/// Per-thread shaping state, reused across calls: plans (costly to build), the
/// font wrappers and one glyph buffer.
#[derive(Default)]
struct ShapeCache {
    /// Plans by language tag, then face, direction and script (looked up without
    /// allocating: a tag is copied once per thread).
    plans: FastMap<String, FastMap<PlanKey, ShapePlan>>,
    fonts: FastMap<FaceId, ShaperFont<'static, 'static>>,
    buffer: Option<Buffer>,
}

thread_local! {
    static CACHE: RefCell<ShapeCache> = RefCell::new(ShapeCache::default());
}

/// A shaped glyph, sized in points, that remembers the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    pub face: FaceId,
    pub size: f32,
    pub gid: u16,
    /// Horizontal advance in points (kerning included).
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset of the glyph's cluster in the paragraph text.
    pub cluster: usize,
    /// Bidi embedding level (odd = right-to-left), set by the paragraph.
    pub level: u8,
    /// The characters this glyph stands for, as a byte range of the shaped text (the
    /// whole cluster on its first glyph, empty on the cluster's other glyphs).
    pub text: std::ops::Range<usize>,
}

/// Shapes `text[range]` with one face; cluster offsets refer to `text`.
pub fn shape_run(
    book: &'static FontBook,
    face_id: FaceId,
    text: &str,
    range: std::ops::Range<usize>,
    size: f32,
    language: &crate::model::Language,
    rtl: bool,
) -> Vec<ShapedGlyph> {
    let language = language.tag();
    let face = book.face(face_id);
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let ShapeCache {
            plans,
            fonts,
            buffer,
        } = &mut *cache;
        let shaper = fonts
            .entry(face_id)
            .or_insert_with(|| ShaperFont::new(&face.font));
        let mut buf = buffer.take().unwrap_or_default();
        buf.push_str(&text[range.clone()]);
        // Context lets Arabic joining and contextual forms see across run boundaries.
        buf.set_pre_context(&text[..range.start]);
        buf.set_post_context(&text[range.end..]);
        buf.guess_segment_properties();
        let direction = if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
        buf.set_direction(direction);
        let lang = Language::from_str(language).ok();
        buf.set_language(lang.clone());
        let script = buf.script();
        if !plans.contains_key(language) {
            plans.insert(language.to_string(), FastMap::default());
        }
        let plan = plans.get_mut(language).map(|by_face| {
            &*by_face.entry((face_id, rtl, script)).or_insert_with(|| {
                ShapePlan::new(&face.font, direction, script, lang.as_ref(), &[])
            })
        });
        let glyphs = match harfrust::shape(shaper, &mut buf, ShapeOptions::new().plan(plan)) {
            Ok(()) => collect(&buf, face_id, face.units_per_em, text, &range, size, rtl),
            Err(_) => Vec::new(),
        };
        buf.clear();
        *buffer = Some(buf);
        glyphs
    })
}

/// Turns the shaped buffer into glyphs; each cluster's text range goes on its first
/// glyph in logical order.
fn collect(
    buf: &Buffer,
    face_id: FaceId,
    units_per_em: f32,
    text: &str,
    range: &std::ops::Range<usize>,
    size: f32,
    rtl: bool,
) -> Vec<ShapedGlyph> {
    let scale = size / units_per_em;
    let infos = buf.glyph_infos();
    let positions = buf.glyph_positions();
    let local = &text[range.clone()];
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster_end = |start: usize| match starts.binary_search(&start) {
        Ok(k) => starts.get(k + 1).copied().unwrap_or(local.len()),
        Err(_) => local.len(),
    };
    let mut out: Vec<ShapedGlyph> = infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| ShapedGlyph {
            face: face_id,
            size,
            gid: info.glyph_id as u16,
            advance: pos.x_advance as f32 * scale,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
            cluster: range.start + info.cluster as usize,
            level: u8::from(rtl),
            text: 0..0,
        })
        .collect();
    // Glyphs of one cluster are adjacent; in RTL the logical first is the last.
    let n = out.len();
    let mut prev: Option<usize> = None;
    for k in 0..n {
        let i = if rtl { n - 1 - k } else { k };
        let c = infos[i].cluster as usize;
        if prev != Some(c) {
            let end = cluster_end(c);
            if local.get(c..end).is_some() {
                out[i].text = range.start + c..range.start + end;
            }
            prev = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    /// The first glyph of `text` shaped in `tag` with the face its book picks.
    fn glyph(tag: &str, text: &str) -> (String, u16) {
        let language = Language::new(tag);
        let book = FontBook::for_language(&language, &[]).expect("book");
        let c = text.chars().next().expect("text");
        let face = book.select(c, Default::default()).expect("a face has it");
        let g = shape_run(book, face, text, 0..text.len(), 12.0, &language, false);
        (book.face(face).name.clone(), g[0].gid)
    }

    /// Simplified and Traditional Chinese, Japanese and Korean each get their own
    /// regional glyph forms: the face of the CJK collection made for the language
    /// (one face with `locl` would not do: Noto Sans CJK's `locl` covers only
    /// punctuation; its regional ideographs differ by the faces' character maps).
    #[test]
    fn cjk_glyph_forms_follow_the_language() {
        // 化 is drawn differently in each of the four regions.
        let [hans, hant, ja, ko] = ["zh-Hans", "zh-Hant", "ja", "ko"].map(|l| glyph(l, "化"));
        assert_eq!(hans.0, "NotoSansCJKsc-Regular");
        assert_eq!(hant.0, "NotoSansCJKtc-Regular");
        assert_eq!(ja.0, "NotoSansCJKjp-Regular");
        assert_eq!(ko.0, "NotoSansCJKkr-Regular");
        let mut gids = vec![hans.1, hant.1, ja.1, ko.1];
        gids.sort_unstable();
        gids.dedup();
        assert_eq!(gids.len(), 4, "four forms of 化: {gids:?}");
        // Han text in a language that is not Chinese, Japanese or Korean: Simplified.
        assert_eq!(glyph("en", "化"), hans);
    }
}
