//! Reads produced PDFs back for tests: text in content order with glyph positions,
//! fonts and page sizes. Independent of the code that wrote them (lopdf only).

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Glyph {
    /// What extractors read for it: its /ToUnicode text, or for the first glyph of
    /// an /ActualText span the span's text (the others read as nothing).
    pub text: String,
    /// Its own /ToUnicode text, inside a span or not.
    pub unicode: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub font: String,
    /// Inside an /Artifact marked-content sequence (footer, fold marks, decoration).
    pub artifact: bool,
    /// The marked-content id of the innermost tagged sequence it is drawn in.
    pub mcid: Option<i64>,
    /// The text object (BT … ET) it is drawn in, counted from 0 on its page.
    pub run: usize,
    /// The text rise (`Ts`) it is drawn with: its distance above `y`, the baseline.
    pub rise: f32,
    /// The outermost /ActualText span it is drawn in (counted from 0 on its page):
    /// extractors read the span's text, once, where its first glyph is.
    pub span: Option<usize>,
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

pub(super) fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

pub(super) fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
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

/// The `/Alt` text of every `/Figure` element with content on page `index`.
pub fn figure_alts(doc: &Document, index: usize) -> Vec<String> {
    super::structure::elements(doc)
        .into_iter()
        .filter(|e| e.kind == "Figure" && e.content.iter().any(|(p, _)| *p == index))
        .filter_map(|e| e.alt)
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

/// Every `/ActualText` of a marked-content sequence on the pages outside
/// artifacts, in content order.
pub fn actual_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let content = doc.get_page_content(page_id);
        let ops = Content::decode(&content)
            .expect("content decodes")
            .operations;
        // For each open sequence: whether it is an artifact.
        let mut open: Vec<bool> = Vec::new();
        for op in &ops {
            match op.operator.as_str() {
                "BMC" | "BDC" => {
                    let artifact =
                        op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                    let text = op
                        .operands
                        .get(1)
                        .and_then(|p| resolve(doc, p).as_dict().ok())
                        .and_then(|d| d.get(b"ActualText").ok());
                    if let (Some(Object::String(bytes, _)), false) = (text, open.contains(&true)) {
                        out.push(text_string(bytes));
                    }
                    open.push(artifact);
                }
                "EMC" => {
                    open.pop();
                }
                _ => {}
            }
        }
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
    let (mut x, mut y, mut rise) = (0.0f32, 0.0f32, 0.0f32);
    let mut artifact_depth = 0usize;
    let mut marked: Vec<bool> = Vec::new();
    let mut mcids: Vec<Option<i64>> = Vec::new();
    let mut run = 0usize;
    // Text of the innermost open /ActualText span: it replaces the glyphs inside
    // (given to the first, the others read as nothing), as extractors do.
    let mut actual: Vec<Option<String>> = Vec::new();
    let (mut spans, mut span) = (0usize, None);
    for op in ops {
        match op.operator.as_str() {
            "BMC" | "BDC" => {
                let is_art =
                    op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                marked.push(is_art);
                if is_art {
                    artifact_depth += 1;
                }
                let props = op
                    .operands
                    .get(1)
                    .and_then(|p| resolve(doc, p).as_dict().ok());
                mcids.push(
                    props
                        .and_then(|d| d.get(b"MCID").ok())
                        .and_then(|m| m.as_i64().ok()),
                );
                let text = props
                    .and_then(|d| d.get(b"ActualText").ok())
                    .and_then(|t| match t {
                        Object::String(bytes, _) => Some(text_string(bytes)),
                        _ => None,
                    });
                if text.is_some() && actual.iter().all(Option::is_none) {
                    span = Some(spans);
                    spans += 1;
                }
                actual.push(text);
            }
            "EMC" => {
                actual.pop();
                if actual.iter().all(Option::is_none) {
                    span = None;
                }
                mcids.pop();
                if marked.pop() == Some(true) {
                    artifact_depth -= 1;
                }
            }
            "BT" => run += 1,
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
            "Ts" => rise = num(&op.operands[0]),
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
                                let unicode = fi
                                    .to_unicode
                                    .get(&code)
                                    .cloned()
                                    .unwrap_or_else(|| "\u{FFFD}".into());
                                let text = match replaced {
                                    Some(a) => a.replace(String::new()).unwrap_or_default(),
                                    None => unicode.clone(),
                                };
                                glyphs.push(Glyph {
                                    text,
                                    unicode,
                                    x,
                                    y,
                                    width: w,
                                    size,
                                    font: fi.base_font.clone(),
                                    artifact: artifact_depth > 0,
                                    mcid: mcids.iter().rev().find_map(|m| *m),
                                    run,
                                    rise,
                                    span,
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

/// Text of glyphs as lines, a newline wherever the baseline changes. Within a line,
/// text objects (runs) are taken from left to right, each in its content order: a
/// line is drawn as runs in reading order (a link, a phrase in another language is a
/// run of its own), which in a right-to-left line is not their visual order.
pub fn text_of(glyphs: &[&Glyph]) -> String {
    let mut s = String::new();
    let mut line: Vec<&Glyph> = Vec::new();
    let flush = |line: &mut Vec<&Glyph>, s: &mut String| {
        let mut runs: Vec<Vec<&Glyph>> = Vec::new();
        for g in line.drain(..) {
            match runs.last_mut() {
                Some(r) if r[0].run == g.run => r.push(g),
                _ => runs.push(vec![g]),
            }
        }
        runs.sort_by(|a, b| {
            let x = |r: &[&Glyph]| r.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
            x(a).total_cmp(&x(b))
        });
        for g in runs.iter().flatten() {
            s.push_str(&g.text);
        }
    };
    for g in glyphs {
        if let Some(last) = line.last() {
            if (last.y - g.y).abs() > 0.5 {
                flush(&mut line, &mut s);
                if !s.ends_with('\n') {
                    s.push('\n');
                }
            }
        }
        line.push(g);
    }
    flush(&mut line, &mut s);
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
