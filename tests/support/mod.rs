//! Reads produced PDFs back for tests: text in content order with glyph positions,
//! fonts and page sizes. Independent of the code that wrote them (lopdf only).
#![allow(dead_code)]

pub mod breaks;

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub font: String,
    /// Inside an /Artifact marked-content sequence (footer, bullets, decoration).
    pub artifact: bool,
}

#[derive(Debug)]
pub struct PageText {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

pub struct FontInfo {
    pub base_font: String,
    pub to_unicode: HashMap<u16, String>,
    pub widths: HashMap<u16, f32>,
    pub default_width: f32,
    pub embedded_bytes: Option<usize>,
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn parse_hex_u16(s: &str) -> u16 {
    u16::from_str_radix(s, 16).unwrap_or(0)
}

/// A PDF text string: UTF-16BE after a byte-order mark, else (near enough) Latin-1.
pub fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

fn hex_to_string(s: &str) -> String {
    let units: Vec<u16> = (0..s.len() / 4)
        .map(|i| parse_hex_u16(&s[i * 4..i * 4 + 4]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Parses bfchar/bfrange sections of a ToUnicode CMap.
fn parse_cmap(text: &str) -> HashMap<u16, String> {
    let mut map = HashMap::new();
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].ends_with("beginbfchar") {
            i += 1;
            while i + 1 < tokens.len() && !tokens[i].starts_with("endbfchar") {
                let src = tokens[i].trim_matches(|c| c == '<' || c == '>');
                let dst = tokens[i + 1].trim_matches(|c| c == '<' || c == '>');
                map.insert(parse_hex_u16(src), hex_to_string(dst));
                i += 2;
            }
        } else if tokens[i].ends_with("beginbfrange") {
            i += 1;
            while i + 2 < tokens.len() && !tokens[i].starts_with("endbfrange") {
                let lo = parse_hex_u16(tokens[i].trim_matches(|c| c == '<' || c == '>'));
                let hi = parse_hex_u16(tokens[i + 1].trim_matches(|c| c == '<' || c == '>'));
                let dst = tokens[i + 2].trim_matches(|c| c == '<' || c == '>');
                let base = hex_to_string(dst);
                if let Some(first) = base.chars().next() {
                    for (k, code) in (lo..=hi).enumerate() {
                        if let Some(c) = char::from_u32(first as u32 + k as u32) {
                            map.insert(code, c.to_string());
                        }
                    }
                }
                i += 3;
            }
        } else {
            i += 1;
        }
    }
    map
}

pub fn font_info(doc: &Document, font: &Object) -> FontInfo {
    let dict = resolve(doc, font).as_dict().expect("font dict");
    let base_font = dict
        .get(b"BaseFont")
        .ok()
        .and_then(|b| b.as_name().ok())
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let mut to_unicode = HashMap::new();
    if let Ok(tu) = dict.get(b"ToUnicode") {
        if let Object::Stream(s) = resolve(doc, tu) {
            let data = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            to_unicode = parse_cmap(&String::from_utf8_lossy(&data));
        }
    }
    let mut widths = HashMap::new();
    let mut default_width = 1000.0;
    let mut embedded_bytes = None;
    if let Ok(Object::Array(desc)) = dict.get(b"DescendantFonts").map(|d| resolve(doc, d)) {
        if let Some(d) = desc
            .first()
            .map(|d| resolve(doc, d))
            .and_then(|d| d.as_dict().ok())
        {
            if let Ok(dw) = d.get(b"DW") {
                default_width = num(dw);
            }
            if let Ok(Object::Array(w)) = d.get(b"W").map(|w| resolve(doc, w)) {
                let mut i = 0;
                while i < w.len() {
                    let first = num(&w[i]) as u16;
                    match resolve(doc, &w[i + 1]) {
                        Object::Array(ws) => {
                            for (k, v) in ws.iter().enumerate() {
                                widths.insert(first + k as u16, num(v));
                            }
                            i += 2;
                        }
                        other => {
                            let last = num(other) as u16;
                            let v = num(&w[i + 2]);
                            for c in first..=last {
                                widths.insert(c, v);
                            }
                            i += 3;
                        }
                    }
                }
            }
            if let Ok(fd) = d
                .get(b"FontDescriptor")
                .map(|f| resolve(doc, f))
                .and_then(|f| f.as_dict())
            {
                for key in [&b"FontFile2"[..], b"FontFile3", b"FontFile"] {
                    if let Ok(Object::Stream(s)) = fd.get(key).map(|f| resolve(doc, f)) {
                        embedded_bytes = Some(
                            s.decompressed_content()
                                .map(|c| c.len())
                                .unwrap_or(s.content.len()),
                        );
                    }
                }
            }
        }
    }
    FontInfo {
        base_font,
        to_unicode,
        widths,
        default_width,
        embedded_bytes,
    }
}

/// All fonts of the document by object id.
pub fn fonts(doc: &Document) -> Vec<FontInfo> {
    doc.objects
        .values()
        .filter(|o| {
            o.as_dict()
                .ok()
                .and_then(|d| d.get(b"Subtype").ok())
                .and_then(|s| s.as_name().ok())
                == Some(b"Type0")
        })
        .map(|o| font_info(doc, o))
        .collect()
}

/// The `/Alt` text of every `/Figure` marked-content sequence on page `index`.
pub fn figure_alts(doc: &Document, index: usize) -> Vec<String> {
    let page = doc.get_pages()[&(index as u32 + 1)];
    let ops = Content::decode(&doc.get_page_content(page))
        .expect("content decodes")
        .operations;
    ops.iter()
        .filter(|op| op.operator == "BDC")
        .filter(|op| op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Figure"))
        .filter_map(|op| {
            let dict = resolve(doc, op.operands.get(1)?).as_dict().ok()?;
            match dict.get(b"Alt").ok()? {
                Object::String(bytes, _) => Some(text_string(bytes)),
                _ => None,
            }
        })
        .collect()
}

pub fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the PDF parses")
}

/// Every page's glyphs, in content-stream order.
pub fn pages(doc: &Document) -> Vec<PageText> {
    let mut out = Vec::new();
    for (_, page_id) in doc.get_pages() {
        out.push(page_text(doc, page_id));
    }
    out
}

fn page_text(doc: &Document, page_id: ObjectId) -> PageText {
    let page = doc.get_dictionary(page_id).expect("page dict");
    let mb = page
        .get(b"MediaBox")
        .ok()
        .and_then(|m| resolve(doc, m).as_array().ok().cloned())
        .unwrap_or_default();
    let (width, height) = if mb.len() == 4 {
        (num(&mb[2]) - num(&mb[0]), num(&mb[3]) - num(&mb[1]))
    } else {
        (0.0, 0.0)
    };
    let mut font_map: HashMap<Vec<u8>, FontInfo> = HashMap::new();
    if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
        let dicts = direct
            .into_iter()
            .chain(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
        for res in dicts {
            if let Ok(fd) = res
                .get(b"Font")
                .map(|f| resolve(doc, f))
                .and_then(|f| f.as_dict())
            {
                for (name, f) in fd.iter() {
                    font_map.insert(name.clone(), font_info(doc, f));
                }
            }
        }
    }
    let content = doc.get_page_content(page_id);
    let ops = Content::decode(&content)
        .expect("content decodes")
        .operations;
    let mut glyphs = Vec::new();
    let (mut font, mut size) = (Vec::new(), 0.0f32);
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut artifact_depth = 0usize;
    let mut marked: Vec<bool> = Vec::new();
    // Text of the innermost open /ActualText span: it replaces the glyphs inside
    // (given to the first, the others read as nothing), as extractors do.
    let mut actual: Vec<Option<String>> = Vec::new();
    for op in ops {
        match op.operator.as_str() {
            "BMC" | "BDC" => {
                let is_art =
                    op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                marked.push(is_art);
                if is_art {
                    artifact_depth += 1;
                }
                let text = op
                    .operands
                    .get(1)
                    .and_then(|p| resolve(doc, p).as_dict().ok())
                    .and_then(|d| d.get(b"ActualText").ok())
                    .and_then(|t| match t {
                        Object::String(bytes, _) => Some(text_string(bytes)),
                        _ => None,
                    });
                actual.push(text);
            }
            "EMC" => {
                actual.pop();
                if marked.pop() == Some(true) {
                    artifact_depth -= 1;
                }
            }
            "Tf" => {
                font = op.operands[0]
                    .as_name()
                    .map(|n| n.to_vec())
                    .unwrap_or_default();
                size = num(&op.operands[1]);
            }
            "Tm" => {
                x = num(&op.operands[4]);
                y = num(&op.operands[5]);
            }
            "Td" => {
                x += num(&op.operands[0]);
                y += num(&op.operands[1]);
            }
            "TJ" | "Tj" => {
                let items = match &op.operands[0] {
                    Object::Array(a) => a.clone(),
                    other => vec![other.clone()],
                };
                let Some(fi) = font_map.get(&font) else {
                    continue;
                };
                for it in items {
                    match it {
                        Object::String(bytes, _) => {
                            for pair in bytes.chunks(2) {
                                let code =
                                    u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                                let w = fi.widths.get(&code).copied().unwrap_or(fi.default_width)
                                    / 1000.0
                                    * size;
                                let replaced = actual.iter_mut().rev().find(|a| a.is_some());
                                let text = match replaced {
                                    Some(a) => a.replace(String::new()).unwrap_or_default(),
                                    None => fi
                                        .to_unicode
                                        .get(&code)
                                        .cloned()
                                        .unwrap_or_else(|| "\u{FFFD}".into()),
                                };
                                glyphs.push(Glyph {
                                    text,
                                    x,
                                    y,
                                    width: w,
                                    size,
                                    font: fi.base_font.clone(),
                                    artifact: artifact_depth > 0,
                                });
                                x += w;
                            }
                        }
                        other => x -= num(&other) / 1000.0 * size,
                    }
                }
            }
            _ => {}
        }
    }
    PageText {
        width,
        height,
        glyphs,
    }
}

/// Text of glyphs in content order, a newline wherever the baseline changes.
pub fn text_of(glyphs: &[&Glyph]) -> String {
    let mut s = String::new();
    let mut last_y: Option<f32> = None;
    for g in glyphs {
        if let Some(ly) = last_y {
            if (ly - g.y).abs() > 0.5 && !s.ends_with('\n') {
                s.push('\n');
            }
        }
        s.push_str(&g.text);
        last_y = Some(g.y);
    }
    s
}

/// Content text of the whole document (artifacts left out), lines joined with `\n`.
pub fn content_text(doc: &Document) -> String {
    let pages = pages(doc);
    let mut out = String::new();
    for p in &pages {
        let gs: Vec<&Glyph> = p.glyphs.iter().filter(|g| !g.artifact).collect();
        out.push_str(&text_of(&gs));
        out.push('\n');
    }
    out
}

fn last_owned(line: &str) -> String {
    line.split_whitespace().last().unwrap_or("").to_string()
}

/// Words of extracted text with line-end hyphens that are not in `source` removed.
pub fn words_dehyphenated(extracted: &str, source_words: &[String]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let lines: Vec<&str> = extracted.lines().collect();
    let mut carry: Option<String> = None;
    for line in lines {
        let mut ws: Vec<String> = line.split_whitespace().map(|w| w.to_string()).collect();
        if let Some(c) = carry.take() {
            if let Some(first) = ws.first_mut() {
                *first = format!("{c}{first}");
            } else {
                ws.push(c);
            }
        }
        if let Some(last) = ws.last() {
            // An address broken after a `/` continues on the next line.
            let address_part = last.contains("://")
                && last.ends_with('/')
                && source_words
                    .iter()
                    .any(|s| s.starts_with(last.as_str()) && s != last);
            if address_part {
                carry = ws.pop();
            } else if last.ends_with('-') && last.len() > 1 {
                let joined_candidate = last.trim_end_matches('-').to_string();
                // A hyphen the source has (take-home) stays; an inserted one goes.
                let is_source_hyphen = source_words.iter().any(|s| s.starts_with(last.as_str()));
                ws.pop();
                carry = Some(if is_source_hyphen {
                    last_owned(line)
                } else {
                    joined_candidate
                });
            }
        }
        words.extend(ws);
    }
    if let Some(c) = carry {
        words.push(c);
    }
    words
}

/// Filled black rectangles of a page (x, y, w, h in PDF user space), as drawn.
pub fn black_rects(doc: &Document, page_index: usize) -> Vec<(f32, f32, f32, f32)> {
    let Some((_, page_id)) = doc.get_pages().into_iter().nth(page_index) else {
        return Vec::new();
    };
    let content = doc.get_page_content(page_id);
    let ops = Content::decode(&content)
        .expect("content decodes")
        .operations;
    let mut fill = (1.0f32, 1.0f32, 1.0f32);
    let mut pending: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut out = Vec::new();
    for op in ops {
        match op.operator.as_str() {
            "rg" => {
                fill = (
                    num(&op.operands[0]),
                    num(&op.operands[1]),
                    num(&op.operands[2]),
                )
            }
            "g" => {
                let v = num(&op.operands[0]);
                fill = (v, v, v)
            }
            "re" => pending.push((
                num(&op.operands[0]),
                num(&op.operands[1]),
                num(&op.operands[2]),
                num(&op.operands[3]),
            )),
            "f" | "F" | "f*" | "B" | "b" => {
                if fill.0 + fill.1 + fill.2 < 0.05 {
                    out.append(&mut pending);
                }
                pending.clear();
            }
            "S" | "n" => pending.clear(),
            _ => {}
        }
    }
    out
}

/// Rasterises black rectangles (at `scale` pixels per point) and decodes the QR codes.
pub fn decode_qr(rects: &[(f32, f32, f32, f32)], scale: f32) -> Vec<String> {
    if rects.is_empty() {
        return Vec::new();
    }
    let min_x = rects.iter().map(|r| r.0).fold(f32::MAX, f32::min) - 20.0;
    let min_y = rects.iter().map(|r| r.1).fold(f32::MAX, f32::min) - 20.0;
    let max_x = rects.iter().map(|r| r.0 + r.2).fold(f32::MIN, f32::max) + 20.0;
    let max_y = rects.iter().map(|r| r.1 + r.3).fold(f32::MIN, f32::max) + 20.0;
    let (w, h) = (
        ((max_x - min_x) * scale) as usize,
        ((max_y - min_y) * scale) as usize,
    );
    let mut px = vec![255u8; w * h];
    for (x, y, rw, rh) in rects {
        let x0 = ((x - min_x) * scale).round() as usize;
        let x1 = ((x + rw - min_x) * scale).round() as usize;
        // PDF y grows upwards; image rows grow downwards.
        let y0 = ((max_y - (y + rh)) * scale).round() as usize;
        let y1 = ((max_y - y) * scale).round() as usize;
        for row in y0..y1.min(h) {
            for col in x0..x1.min(w) {
                px[row * w + col] = 0;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}

/// The ketamine handout's document in `locale`, loaded, translated and branded as
/// a build prepares it.
#[allow(dead_code)]
pub fn ketamine(locale: &str) -> handout::model::Document {
    prepared_ketamine(locale, &handout::layout::PrintForm::default()).0
}

/// The ketamine handout in `locale` and print form `form` as the pipeline prepares it,
/// with its branded style.
fn prepared_ketamine(
    locale: &str,
    form: &handout::layout::PrintForm,
) -> (handout::model::Document, handout::layout::Style) {
    let h = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    handout::build::load(&h, locale, form, handout::model::Limits::default()).expect("load")
}

/// The ketamine handout in `locale`, built in print form `form` through the pipeline.
#[allow(dead_code)]
pub fn build_ketamine(
    locale: &str,
    form: &handout::layout::PrintForm,
) -> (handout::model::Document, handout::build::Built) {
    let (doc, style) = prepared_ketamine(locale, form);
    let geometry = handout::layout::Geometry::for_form(form);
    let built = handout::build::render(&doc, &style, &geometry).expect("build");
    (doc, built)
}

/// The texts a leaflet of `doc` must print as content, in reading order, markup
/// removed: every text but the subject (metadata only), then the online line
/// (`label: address`) when there is an address.
#[allow(dead_code)]
pub fn source_texts(doc: &handout::model::Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .texts()
        .iter()
        .filter(|t| t.id != "subject")
        .map(|t| {
            handout::model::markup::parse(&t.markup)
                .expect("markup")
                .text
        })
        .collect();
    if let Some(url) = &doc.meta.url {
        out.push(format!("{}: {url}", doc.labels.online));
    }
    out
}

/// The words of [`source_texts`], in reading order.
#[allow(dead_code)]
pub fn source_words(doc: &handout::model::Document) -> Vec<String> {
    source_texts(doc)
        .iter()
        .flat_map(|t| t.split_whitespace().map(String::from))
        .collect()
}

/// Logical text of a visually ordered RTL line (UAX #9 reordering), without the
/// invisible directional marks the PDF adds for extractors.
pub fn logical_line(line: &str) -> String {
    use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};
    // A line without right-to-left letters (a broken web address) is left to right.
    if !line
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
    {
        return strip_marks(line);
    }
    let info = BidiInfo::new(line, Some(Level::rtl()));
    let text: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect();
    strip_marks(&text)
}

/// `s` without directional marks and embedding controls.
pub fn strip_marks(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect()
}

/// Asserts that extracted `text` reads as `doc`'s content: lines of right-to-left
/// languages are reordered to logical order; Chinese is compared without spaces.
pub fn assert_reads_as(doc: &handout::model::Document, text: &str, what: &str) {
    let mut text = text.to_string();
    if doc.language.is_rtl() {
        text = text
            .lines()
            .map(logical_line)
            .collect::<Vec<_>>()
            .join("\n");
    }
    let expected = source_words(doc);
    if doc.language.tag().starts_with("zh") {
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squash(&text), squash(&expected.join("")), "{what}");
    } else {
        assert_eq!(words_dehyphenated(&text, &expected), expected, "{what}");
    }
}

/// Runs the `handout` binary with `args`: exit code, standard output, standard error.
#[allow(dead_code)]
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_handout"))
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
