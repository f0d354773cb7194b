//! One page's content streams → the text of each marked-content sequence (by MCID),
//! line by line in the order drawn, and what is drawn outside both marked content
//! and artifacts.
//!
//! Only what decides which glyph belongs where is interpreted: marked content
//! (`BDC`/`BMC`/`EMC`), fonts (`Tf`), text showing (`Tj`, `TJ`, `'`, `"`), and the
//! text and graphics matrices as far as they tell one line from the next (the
//! baseline's height). Glyph widths are not needed: the text of a line is the
//! glyphs' texts in the order shown, and spaces are glyphs of their own.

mod marked;

use super::file::{Dict, File, Object};
use super::fonts::{Font, FontCache};
use super::inflate::Inflater;
use super::lexer::{Lexer, Operands, RawStr};
use super::Problem;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Text of one MCID as drawn.
#[derive(Debug, Default)]
pub struct Marked {
    /// The tag of its `BDC` (the element's type, by convention).
    pub tag: Vec<u8>,
    /// Its text line by line, each in the order drawn (visual order).
    pub lines: Vec<String>,
    /// How many sequences on the page carry this MCID (1 unless malformed).
    pub sequences: u32,
    /// Images, forms and shadings painted inside it (paths are not counted: a
    /// rule or a box's border is not content to check).
    pub pictures: usize,
    /// Baseline height (device space) of the last line.
    last_baseline: Option<f32>,
}

/// What one page's content says.
#[derive(Debug, Default)]
pub struct PageContent {
    pub marked: BTreeMap<i64, Marked>,
    /// Glyphs drawn, tagged or not (for measurements and sanity checks).
    pub glyphs: usize,
}

/// Saved graphics states and open marked-content sequences kept at most (ISO
/// 32000-1 Annex C suggests 28 levels of `q`).
const MAX_NESTING: usize = 256;

/// Untagged glyphs are reported with this many characters of their text.
const SAMPLE_CHARS: usize = 60;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` (PDF matrices are row vectors: a point is transformed by `a`, then `b`).
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// One open marked-content sequence.
enum Mark {
    Artifact,
    /// A sequence with an MCID, maybe with an `/ActualText` of its own.
    Mcid {
        mcid: i64,
        actual_text: bool,
    },
    /// A span whose `/ActualText` stands for the glyphs inside it.
    ActualText,
    Other,
}

/// Reads one page. `content` is the page's streams, decoded and concatenated.
pub fn read_page<'f, 'a>(
    file: &'f File<'a>,
    page: usize,
    content: &[u8],
    resources: Option<&'f Dict<'a>>,
    fonts: &mut FontCache,
    inflater: &mut Inflater,
    problems: &mut Vec<Problem>,
) -> PageContent {
    let mut reader = PageReader {
        file,
        page,
        resources,
        fonts,
        inflater,
        out: PageContent::default(),
        problems,
        ctm: IDENTITY,
        saved: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        leading: 0.0,
        font: None,
        page_fonts: Vec::new(),
        font_index: 0,
        size: 0.0,
        marks: Vec::new(),
        artifacts: 0,
        actual_texts: 0,
        span_text: String::new(),
        span_pending: false,
        untagged: 0,
        sample: String::new(),
        sample_chars: 0,
        text: String::new(),
        unmapped: BTreeMap::new(),
        untagged_content: BTreeMap::new(),
        unbalanced: false,
        bytes: Vec::new(),
        glyph_bytes: Vec::new(),
    };
    let mut lexer = Lexer::new(content);
    let mut operands = Vec::new();
    while let Some(op) = lexer.next_operation(&mut operands) {
        reader.operation(op, Operands::of(&operands));
    }
    reader.finish()
}

/// `/Resources /<category> /<name>`.
fn resource<'f, 'a>(
    file: &'f File<'a>,
    resources: Option<&'f Dict<'a>>,
    category: &[u8],
    name: &[u8],
) -> Option<&'f Object<'a>> {
    file.dict(resources?.get(category)?)?.get(name)
}

struct PageReader<'f, 'a, 'p> {
    file: &'f File<'a>,
    page: usize,
    resources: Option<&'f Dict<'a>>,
    fonts: &'p mut FontCache,
    /// What the fonts' `/ToUnicode` streams are inflated with.
    inflater: &'p mut Inflater,
    out: PageContent,
    problems: &'p mut Vec<Problem>,
    ctm: Matrix,
    saved: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    leading: f32,
    font: Option<Rc<Font>>,
    /// The fonts used so far by resource name, and which one is current.
    page_fonts: Vec<(Vec<u8>, Option<Rc<Font>>)>,
    font_index: usize,
    size: f32,
    marks: Vec<Mark>,
    /// Open artifacts and `/ActualText` spans among `marks`.
    artifacts: usize,
    actual_texts: usize,
    /// The outermost open span's `/ActualText`, until its place is known (when
    /// `span_pending`); the buffer is kept from one span to the next.
    span_text: String,
    span_pending: bool,
    untagged: usize,
    sample: String,
    sample_chars: usize,
    /// Codes without a `/ToUnicode` entry, per font (index in `page_fonts`).
    unmapped: BTreeMap<usize, usize>,
    untagged_content: BTreeMap<&'static str, usize>,
    unbalanced: bool,
    /// Scratch: the bytes of an `/ActualText`; of the string being shown (at the
    /// start of a buffer that is kept as long as the longest string); its text.
    bytes: Vec<u8>,
    glyph_bytes: Vec<u8>,
    text: String,
}

impl<'f, 'a> PageReader<'f, 'a, '_> {
    fn operation(&mut self, op: &[u8], operands: Operands) {
        let number = |i: usize| operands.get(i).and_then(|o| o.number()).unwrap_or(0.0);
        match op {
            b"BDC" | b"BMC" => self.begin_marked(operands),
            b"EMC" => self.end_marked(),
            // Nesting deeper than any real content is malformed: not saved, so
            // hostile input cannot make the stack grow with the stream.
            b"q" if self.saved.len() < MAX_NESTING => self.saved.push(self.ctm),
            b"Q" => self.ctm = self.saved.pop().unwrap_or(IDENTITY),
            b"cm" => {
                let m = operands.numbers::<6>();
                self.ctm = multiply(&m, &self.ctm);
            }
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tm" => {
                self.tm = operands.numbers::<6>();
                self.tlm = self.tm;
            }
            b"Td" => self.next_line(number(0), number(1)),
            b"TD" => {
                self.leading = -number(1);
                self.next_line(number(0), number(1));
            }
            b"T*" => self.next_line(0.0, -self.leading),
            b"TL" => self.leading = number(0),
            b"Tf" => self.set_font(operands),
            b"Tj" => self.show_strings(operands.first()),
            b"'" => {
                self.next_line(0.0, -self.leading);
                self.show_strings(operands.first());
            }
            b"\"" => {
                self.next_line(0.0, -self.leading);
                self.show_strings(operands.get(2));
            }
            b"TJ" => {
                if let Some(items) = operands.first().and_then(|o| o.items()) {
                    self.show_array(items);
                }
            }
            b"f" | b"F" | b"f*" | b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*" => self.content("path"),
            b"sh" => self.content("shading"),
            b"ID" => self.content("inline image"),
            b"Do" => self.x_object(operands),
            _ => {}
        }
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn set_font(&mut self, operands: Operands) {
        self.size = operands.get(1).and_then(|o| o.number()).unwrap_or(0.0);
        let Some(name) = operands.first().and_then(|o| o.name()) else {
            return;
        };
        // A page switches between a few fonts hundreds of times (a space in one
        // font, the words in another): look each name up once.
        let index = match self.page_fonts.iter().position(|(n, _)| n == name) {
            Some(index) => index,
            None => {
                let font = resource(self.file, self.resources, b"Font", name)
                    .map(|o| self.fonts.get(self.file, o, self.inflater));
                if font.is_none() {
                    self.problems.push(Problem::UnknownFont {
                        page: self.page,
                        font: String::from_utf8_lossy(name).into_owned(),
                    });
                }
                self.page_fonts.push((name.to_vec(), font));
                self.page_fonts.len() - 1
            }
        };
        self.font_index = index;
        self.font = self.page_fonts[index].1.clone();
    }

    fn resource(&self, category: &[u8], name: &[u8]) -> Option<&'f Object<'a>> {
        resource(self.file, self.resources, category, name)
    }

    /// Shows a string operand (`Tj`, `'`, `"`).
    fn show_strings(&mut self, operand: Option<Operands>) {
        let Some(s) = operand.and_then(|o| o.string()) else {
            return;
        };
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let (count, unmapped) = self.glyphs(s, &mut text);
        self.place(count, unmapped, &text);
        self.text = text;
    }

    /// Shows the strings of a `TJ` array (its numbers only move the pen) as one
    /// string: nothing between them moves the baseline, so each would go on the
    /// line the first went on, and a line of a leaflet is one `TJ` of several
    /// strings. Where the baseline is not a finite number, no two strings would be
    /// on one line; they are shown one by one.
    fn show_array(&mut self, items: Operands) {
        if !multiply(&self.tm, &self.ctm)[5].is_finite() {
            for item in items.iter() {
                self.show_strings(Some(item));
            }
            return;
        }
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let (mut count, mut unmapped, mut any) = (0, 0, false);
        for s in items.iter().filter_map(|item| item.string()) {
            let (glyphs, without_text) = self.glyphs(s, &mut text);
            count += glyphs;
            unmapped += without_text;
            any = true;
        }
        if any {
            self.place(count, unmapped, &text);
        }
        self.text = text;
    }

    /// The glyphs of string `s` in the current font: their text appended to `text`
    /// (where it is wanted), how many there are, and how many have no text.
    fn glyphs(&mut self, s: RawStr, text: &mut String) -> (usize, usize) {
        // Without a font, each byte counts as a glyph with no text to give.
        let font = self.font.as_deref();
        let step = font.map_or(1, |f| f.code_length.max(1));
        // Glyphs inside an artifact have no text, nor those inside an
        // /ActualText span (they stand for nothing of their own).
        let wants_text = self.artifacts == 0 && self.actual_texts == 0;
        let map = font.and_then(|f| f.to_unicode.as_ref());
        // The buffer only grows: a string decodes to no more bytes than it has.
        let mut buffer = std::mem::take(&mut self.glyph_bytes);
        if buffer.len() < s.body.len() {
            buffer.resize(s.body.len(), 0);
        }
        let written = s.decode_to(&mut buffer);
        let bytes = &buffer[..written];
        // Codes of `step` bytes, big-endian; a short last one as far as it goes.
        let count = bytes.len().div_ceil(step);
        let mut unmapped = 0;
        if wants_text && font.is_some() {
            let mut text_of = |code: u32| {
                if !map.is_some_and(|m| m.push_text(code, text)) {
                    unmapped += 1;
                    text.push('\u{FFFD}');
                }
            };
            if step == 2 {
                // Type0 fonts, every glyph of a leaflet: the loop without a fold.
                let pairs = bytes.chunks_exact(2);
                let last = pairs.remainder().first().copied();
                for pair in pairs {
                    text_of(u32::from(u16::from_be_bytes([pair[0], pair[1]])));
                }
                if let Some(b) = last {
                    text_of(u32::from(b));
                }
            } else {
                for code in bytes.chunks(step) {
                    text_of(code.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)));
                }
            }
        }
        self.glyph_bytes = buffer;
        (count, unmapped)
    }

    /// `count` glyphs shown, with `text` (`unmapped` of them without): counted,
    /// and their text put where it belongs.
    fn place(&mut self, count: usize, unmapped: usize, text: &str) {
        self.out.glyphs += count;
        if self.artifacts > 0 {
            return;
        }
        let mcid = self.current_mcid();
        if mcid.is_none() {
            self.untagged += count;
        }
        if self.actual_texts > 0 {
            self.place_actual_text();
        } else if self.font.is_some() {
            if unmapped > 0 {
                *self.unmapped.entry(self.font_index).or_default() += unmapped;
            }
            match mcid {
                Some(mcid) => self.push_text(mcid, text),
                None => self.note_untagged(text),
            }
        }
    }

    /// Appends `text` to the MCID's current line, starting a new line when the
    /// baseline has moved by more than half the font size.
    fn push_text(&mut self, mcid: i64, text: &str) {
        let m = multiply(&self.tm, &self.ctm);
        let (baseline, scale) = (m[5], (m[2] * m[2] + m[3] * m[3]).sqrt());
        let threshold = (0.5 * self.size.abs() * scale).max(0.01);
        let marked = self.out.marked.entry(mcid).or_default();
        let same_line = marked
            .last_baseline
            .is_some_and(|y| (y - baseline).abs() <= threshold);
        if !same_line {
            marked.lines.push(String::new());
            marked.last_baseline = Some(baseline);
        }
        if let Some(line) = marked.lines.last_mut() {
            line.push_str(text);
        }
    }

    fn note_untagged(&mut self, text: &str) {
        for c in text.chars() {
            if self.sample_chars >= SAMPLE_CHARS {
                return;
            }
            self.sample.push(c);
            self.sample_chars += 1;
        }
    }

    /// Something painted: a problem unless it is marked.
    fn content(&mut self, what: &'static str) {
        if self.artifacts > 0 {
            return;
        }
        match self.current_mcid() {
            None => *self.untagged_content.entry(what).or_default() += 1,
            Some(mcid) if what != "path" => {
                self.out.marked.entry(mcid).or_default().pictures += 1;
            }
            Some(_) => {}
        }
    }

    fn x_object(&mut self, operands: Operands) {
        let subtype = operands
            .first()
            .and_then(|o| o.name())
            .and_then(|name| self.resource(b"XObject", name))
            .and_then(|o| self.file.resolve(o))
            .and_then(Object::as_stream)
            .and_then(|s| s.dict.get(b"Subtype"))
            .and_then(Object::as_name);
        self.content(match subtype {
            Some(b"Form") => "form XObject",
            _ => "image",
        });
    }

    fn finish(self) -> PageContent {
        let page = self.page;
        if self.unbalanced || !self.marks.is_empty() {
            self.problems
                .push(Problem::UnbalancedMarkedContent { page });
        }
        if self.untagged > 0 {
            self.problems.push(Problem::UntaggedGlyphs {
                page,
                count: self.untagged,
                sample_text: self.sample,
            });
        }
        for (font, count) in self.unmapped {
            let name = self.page_fonts.get(font).map(|(n, _)| n.as_slice());
            self.problems.push(Problem::UnmappedGlyphs {
                page,
                font: String::from_utf8_lossy(name.unwrap_or_default()).into_owned(),
                count,
            });
        }
        for (what, count) in self.untagged_content {
            self.problems
                .push(Problem::UntaggedContent { page, what, count });
        }
        self.out
    }
}
