//! OpenType shaping of one run (one face, one direction) with harfrust.

use super::fonts::{FaceId, FontBook};
use crate::fast_map::FastMap;
use harfrust::{Buffer, Direction, Language, Script, ShapeOptions, ShapePlan, ShaperFont};
use std::cell::RefCell;
use std::str::FromStr;

type PlanKey = (FaceId, bool, Option<Script>);

/// Shaped runs of one face and direction, by [`run_key`].
type KnownRuns = FastMap<Box<[u8]>, Box<[Unscaled]>>;

/// Runs remembered per thread before the memory is given back: a leaflet has one to
/// three thousand different runs; a batch thread builds many leaflets in a row.
const REMEMBERED_RUNS: usize = 30_000;

/// Per-thread shaping state, reused across calls: plans (costly to build), the
/// font wrappers, one glyph buffer and the runs already shaped.
#[derive(Default)]
struct ShapeCache {
    /// Plans by language tag, then face, direction and script (looked up without
    /// allocating: a tag is copied once per thread).
    plans: FastMap<String, FastMap<PlanKey, ShapePlan>>,
    fonts: FastMap<FaceId, ShaperFont<'static, 'static>>,
    buffer: Option<Buffer>,
    /// Shaped runs by face and direction, then by [`run_key`]: words repeat within
    /// a leaflet and across the print forms and handouts of a batch.
    runs: FastMap<(FaceId, bool), KnownRuns>,
    remembered: usize,
    /// The key being looked up (kept to reuse its memory).
    key: Vec<u8>,
}

thread_local! {
    static CACHE: RefCell<ShapeCache> = RefCell::new(ShapeCache::default());
}

/// A glyph as the font gives it: font units, cluster relative to the run's start.
#[derive(Debug, Clone, Copy)]
struct Unscaled {
    gid: u16,
    x_advance: i32,
    x_offset: i32,
    y_offset: i32,
    cluster: u32,
    /// Where the characters this glyph stands for end, relative to the run's start,
    /// if it is the first glyph of its cluster in logical order (see
    /// [`ShapedGlyph::text`]). Found once, when the run is shaped: it depends only on
    /// the clusters, the direction and the run's text, all part of the cache key.
    text_end: Option<u32>,
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

/// How many characters of context harfrust keeps on each side of a run.
const CONTEXT_CHARS: usize = 5;

/// The context before `start` that can change how harfrust shapes the run: it keeps
/// five characters, and reads them only for Arabic joining (up to the first
/// character that is not transparent) and to know whether any context exists. A
/// space neither joins nor is transparent, so nothing beyond it matters.
fn context_before(text: &str, start: usize) -> &str {
    let before = &text[..start];
    let mut cut = before.len();
    for (i, c) in before.char_indices().rev().take(CONTEXT_CHARS) {
        cut = i;
        if c.is_whitespace() {
            break;
        }
    }
    &before[cut..]
}

/// The context after `end`, cut like [`context_before`].
fn context_after(text: &str, end: usize) -> &str {
    let after = &text[end..];
    let mut cut = 0;
    for c in after.chars().take(CONTEXT_CHARS) {
        cut += c.len_utf8();
        if c.is_whitespace() {
            break;
        }
    }
    &after[..cut]
}

/// Everything besides face and direction that the shaped glyphs of `text[range]`
/// depend on: language, the context that matters, the run's text. Each part but the
/// last carries its length, so no two different inputs give the same key.
fn run_key(key: &mut Vec<u8>, language: &str, text: &str, range: &std::ops::Range<usize>) {
    key.clear();
    let parts = [
        language,
        context_before(text, range.start),
        context_after(text, range.end),
    ];
    for part in parts {
        key.extend_from_slice(&(part.len() as u32).to_le_bytes());
        key.extend_from_slice(part.as_bytes());
    }
    key.extend_from_slice(text[range.clone()].as_bytes());
}

/// Shapes `text[range]` with one face; cluster offsets refer to `text`. A run shaped
/// before with the same key is not shaped again (the result is the same: see
/// [`run_key`]).
pub fn shape_run(
    book: &'static FontBook,
    face_id: FaceId,
    text: &str,
    range: std::ops::Range<usize>,
    size: f32,
    language: &crate::model::Language,
    rtl: bool,
) -> Vec<ShapedGlyph> {
    let run = Run {
        face_id,
        text,
        range,
        size,
        rtl,
    };
    shape_with(book, run, language, Order::Visual, |glyphs| {
        glyphs.collect()
    })
}

/// One run to shape: `text[range]` in one face and direction, at `size` points.
pub struct Run<'a> {
    pub face_id: FaceId,
    pub text: &'a str,
    pub range: std::ops::Range<usize>,
    pub size: f32,
    pub rtl: bool,
}

/// The order glyphs are handed out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// As the font lays them out, left to right.
    Visual,
    /// As the text reads: a right-to-left run's glyphs reversed.
    Logical,
}

/// [`shape_run`], handing the glyphs in `order` to `take` instead of collecting
/// them: a paragraph puts them straight into its own vectors. `take` runs while this
/// thread's shaping cache is borrowed, so it must not shape (that would panic).
///
/// A run harfrust refuses (its errors are API misuse: a plan for another direction
/// or script, which the plan key rules out) or cannot finish for lack of memory
/// has no glyphs. That text is then missing from the PDF, and the read-back that
/// gates publishing (`verify`) refuses the leaflet: it is never printed short.
pub fn shape_with<R>(
    book: &'static FontBook,
    run: Run,
    language: &crate::model::Language,
    order: Order,
    take: impl FnOnce(Scaled) -> R,
) -> R {
    let Run {
        face_id,
        text,
        ref range,
        rtl,
        ..
    } = run;
    let reverse = rtl && order == Order::Logical;
    let language = language.tag();
    let face = book.face(face_id);
    let scale = run.size / face.units_per_em;
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let ShapeCache {
            plans,
            fonts,
            buffer,
            runs,
            remembered,
            key,
        } = &mut *cache;
        run_key(key, language, text, range);
        if let Some(glyphs) = runs
            .get(&(face_id, rtl))
            .and_then(|known| known.get(key.as_slice()))
        {
            return take(Scaled::new(glyphs, &run, scale, reverse));
        }
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
        let shaped = harfrust::shape(shaper, &mut buf, ShapeOptions::new().plan(plan)).is_ok()
            && buf.allocation_successful();
        let mut glyphs: Box<[Unscaled]> = buf
            .glyph_infos()
            .iter()
            .zip(buf.glyph_positions())
            .map(|(info, pos)| Unscaled {
                gid: info.glyph_id as u16,
                x_advance: pos.x_advance,
                x_offset: pos.x_offset,
                y_offset: pos.y_offset,
                cluster: info.cluster,
                text_end: None,
            })
            .collect();
        buf.clear();
        *buffer = Some(buf);
        if !shaped {
            return take(Scaled::new(&[], &run, scale, reverse));
        }
        cluster_texts(&mut glyphs, &text[range.clone()], rtl);
        let out = take(Scaled::new(&glyphs, &run, scale, reverse));
        if *remembered >= REMEMBERED_RUNS {
            runs.clear();
            *remembered = 0;
        }
        runs.entry((face_id, rtl))
            .or_default()
            .insert(key.as_slice().into(), glyphs);
        *remembered += 1;
        out
    })
}

/// Marks the first glyph of each cluster in logical order with where the cluster's
/// characters end in `local` (the run's text): the next cluster's start, or the end
/// of the run. A cluster whose range is not whole characters of `local` gets none.
fn cluster_texts(glyphs: &mut [Unscaled], local: &str, rtl: bool) {
    let mut starts: Vec<u32> = glyphs.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let len = local.len() as u32;
    let cluster_end = |start: u32| match starts.binary_search(&start) {
        Ok(k) => starts.get(k + 1).copied().unwrap_or(len),
        Err(_) => len,
    };
    // Glyphs of one cluster are adjacent; in RTL the logical first is the last.
    let n = glyphs.len();
    let mut prev: Option<u32> = None;
    for k in 0..n {
        let i = if rtl { n - 1 - k } else { k };
        let c = glyphs[i].cluster;
        if prev != Some(c) {
            let end = cluster_end(c);
            if local.get(c as usize..end as usize).is_some() {
                glyphs[i].text_end = Some(end);
            }
            prev = Some(c);
        }
    }
}

/// A shaped run's glyphs sized (`scale` points per font unit) and placed in the
/// paragraph, one by one, reversed if asked: an iterator of known length, so that
/// a vector collecting them grows once.
pub struct Scaled<'a> {
    glyphs: std::slice::Iter<'a, Unscaled>,
    face: FaceId,
    size: f32,
    scale: f32,
    /// Where the run starts in the paragraph.
    start: usize,
    level: u8,
    reverse: bool,
}

impl<'a> Scaled<'a> {
    fn new(glyphs: &'a [Unscaled], run: &Run, scale: f32, reverse: bool) -> Self {
        Scaled {
            glyphs: glyphs.iter(),
            face: run.face_id,
            size: run.size,
            scale,
            start: run.range.start,
            level: u8::from(run.rtl),
            reverse,
        }
    }
}

impl Iterator for Scaled<'_> {
    type Item = ShapedGlyph;

    fn next(&mut self) -> Option<ShapedGlyph> {
        let g = if self.reverse {
            self.glyphs.next_back()
        } else {
            self.glyphs.next()
        }?;
        let (start, scale) = (self.start, self.scale);
        Some(ShapedGlyph {
            face: self.face,
            size: self.size,
            gid: g.gid,
            advance: g.x_advance as f32 * scale,
            x_offset: g.x_offset as f32 * scale,
            y_offset: g.y_offset as f32 * scale,
            cluster: start + g.cluster as usize,
            level: self.level,
            text: match g.text_end {
                Some(end) => start + g.cluster as usize..start + end as usize,
                None => 0..0,
            },
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.glyphs.size_hint()
    }
}

impl ExactSizeIterator for Scaled<'_> {}

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

    /// A run shaped again comes from the cache, and the context that changes its
    /// glyphs is part of the key: Arabic beh after seen joins to it (final form),
    /// after a space it stands alone (isolated form), in whichever order they come.
    #[test]
    fn remembered_runs_keep_the_context_that_shapes_them() {
        let language = Language::new("ar");
        let book = FontBook::for_language(&language, &[]).expect("book");
        let face = book
            .select('ب', Default::default())
            .expect("a face has beh");
        let beh = |text: &str| {
            let range = text.len() - 'ب'.len_utf8()..text.len();
            shape_run(book, face, text, range, 12.0, &language, true)[0].gid
        };
        let joined = beh("سب");
        let alone = beh("س ب");
        assert_ne!(joined, alone, "final and isolated beh are different glyphs");
        assert_eq!(beh("سب"), joined);
        assert_eq!(beh("س ب"), alone);
        assert_eq!(beh("كسب"), joined, "only the context up to a space matters");
    }

    #[test]
    fn context_stops_after_a_space_or_five_characters() {
        assert_eq!(context_before("one two", 4), " ");
        assert_eq!(context_before("abcdefgh", 8), "defgh");
        assert_eq!(context_before("ab", 0), "");
        assert_eq!(context_after("one two", 3), " ");
        assert_eq!(context_after("x.)abcdef", 1), ".)abc");
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
