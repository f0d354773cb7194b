//! OpenType shaping of one run (one face, one direction) with harfrust.

use super::fonts::{FaceId, FontBook};
use harfrust::{Buffer, Direction, Language, Script, ShapeOptions, ShapePlan, ShaperFont};
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

type PlanKey = (FaceId, bool, Option<Script>);

/// Per-thread shaping state, reused across calls: plans (costly to build), the
/// font wrappers and one glyph buffer.
#[derive(Default)]
struct ShapeCache {
    /// Plans by language tag, then face, direction and script (looked up without
    /// allocating: a tag is copied once per thread).
    plans: HashMap<String, HashMap<PlanKey, ShapePlan>>,
    fonts: HashMap<FaceId, ShaperFont<'static, 'static>>,
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
            plans.insert(language.to_string(), HashMap::new());
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
