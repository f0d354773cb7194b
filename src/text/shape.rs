//! OpenType shaping of one run (one face, one direction) with harfrust.

use super::fonts::{FaceId, FontBook};
use harfrust::{Buffer, Direction, Language, Script, ShapeOptions, ShapePlan, ShaperFont};
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

type PlanKey = (FaceId, bool, Option<Script>, String);

thread_local! {
    // Building a shape plan costs far more than shaping a word with it; plans depend
    // only on face, direction, script and language, so each thread keeps them.
    static PLANS: RefCell<HashMap<PlanKey, ShapePlan>> = RefCell::new(HashMap::new());
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
    /// The characters this glyph stands for in extracted text (the whole cluster on
    /// its first glyph, empty on the cluster's other glyphs).
    pub text: String,
}

/// Shapes `text[range]` with one face; cluster offsets refer to `text`.
pub fn shape_run(
    book: &'static FontBook,
    face_id: FaceId,
    text: &str,
    range: std::ops::Range<usize>,
    size: f32,
    language: &str,
    rtl: bool,
) -> Vec<ShapedGlyph> {
    let face = book.face(face_id);
    let shaper = ShaperFont::new(&face.font);
    let mut buffer = Buffer::new();
    buffer.push_str(&text[range.clone()]);
    // Context lets Arabic joining and contextual forms see across run boundaries.
    buffer.set_pre_context(&text[..range.start]);
    buffer.set_post_context(&text[range.end..]);
    buffer.guess_segment_properties();
    let direction = if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    };
    buffer.set_direction(direction);
    let lang = Language::from_str(language).ok();
    buffer.set_language(lang.clone());
    let script = buffer.script();
    let key: PlanKey = (face_id, rtl, script, language.to_string());
    let shaped = PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        let plan = plans
            .entry(key)
            .or_insert_with(|| ShapePlan::new(&face.font, direction, script, lang.as_ref(), &[]));
        harfrust::shape(&shaper, &mut buffer, ShapeOptions::new().plan(Some(plan)))
    });
    if shaped.is_err() {
        return Vec::new();
    }
    let scale = size / face.units_per_em;
    let infos = buffer.glyph_infos();
    let positions = buffer.glyph_positions();

    // Cluster boundaries in logical order give each cluster's text.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let local = &text[range.clone()];
    let cluster_text = |start: usize| -> &str {
        let next = starts
            .iter()
            .find(|s| **s > start)
            .copied()
            .unwrap_or(local.len());
        &local[start..next]
    };
    let mut seen = std::collections::HashSet::new();
    let order: Vec<usize> = if rtl {
        (0..infos.len()).rev().collect()
    } else {
        (0..infos.len()).collect()
    };
    let mut texts = vec![String::new(); infos.len()];
    for i in order {
        let c = infos[i].cluster as usize;
        if seen.insert(c) {
            texts[i] = cluster_text(c).to_string();
        }
    }
    infos
        .iter()
        .zip(positions)
        .zip(texts)
        .map(|((info, pos), text)| ShapedGlyph {
            face: face_id,
            size,
            gid: info.glyph_id as u16,
            advance: pos.x_advance as f32 * scale,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
            cluster: range.start + info.cluster as usize,
            text,
        })
        .collect()
}
