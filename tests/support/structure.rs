//! Reads a tagged PDF's structure tree back (lopdf only, independent of the writer):
//! each element in tree order with its marked content, and the text of that content.

use super::pdf::{pages, resolve, text_string, Glyph};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// One structure element.
#[derive(Debug, Clone)]
pub struct Element {
    /// Its type (`/S`), e.g. "H1", "LBody".
    pub kind: String,
    /// Depth in the tree (the root's children are 0).
    pub depth: usize,
    pub alt: Option<String>,
    pub lang: Option<String>,
    /// Its own marked content: (page index, MCID), in /K order.
    pub content: Vec<(usize, i64)>,
    /// Annotations it holds (OBJR).
    pub annotations: Vec<ObjectId>,
    /// Index of each child element in the list.
    pub children: Vec<usize>,
    /// Its marked content and children in /K order.
    pub order: Vec<Kid>,
}

/// A child of an element, in /K order.
#[derive(Debug, Clone, Copy)]
pub enum Kid {
    Content(usize, i64),
    Element(usize),
}

/// Every element under the StructTreeRoot, in tree (pre-)order; empty when untagged.
pub fn elements(doc: &Document) -> Vec<Element> {
    let page_index: HashMap<ObjectId, usize> = doc
        .get_pages()
        .values()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    let mut out = Vec::new();
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"StructTreeRoot").ok())
        .and_then(|r| resolve(doc, r).as_dict().ok())
    else {
        return out;
    };
    if let Ok(k) = root.get(b"K") {
        for kid in kids(doc, k) {
            if let Some(d) = as_element(doc, kid) {
                walk(doc, d, 0, None, &page_index, &mut out);
            }
        }
    }
    out
}

fn kids<'a>(doc: &'a Document, k: &'a Object) -> Vec<&'a Object> {
    match resolve(doc, k) {
        Object::Array(a) => a.iter().collect(),
        _ => vec![k],
    }
}

fn as_element<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    let d = resolve(doc, o).as_dict().ok()?;
    d.get(b"S").ok().map(|_| d)
}

fn string(doc: &Document, d: &Dictionary, key: &[u8]) -> Option<String> {
    match resolve(doc, d.get(key).ok()?) {
        Object::String(b, _) => Some(text_string(b)),
        _ => None,
    }
}

fn walk(
    doc: &Document,
    d: &Dictionary,
    depth: usize,
    page: Option<usize>,
    page_index: &HashMap<ObjectId, usize>,
    out: &mut Vec<Element>,
) -> usize {
    let page_of = |d: &Dictionary| {
        d.get(b"Pg")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| page_index.get(&id).copied())
    };
    let page = page_of(d).or(page);
    let index = out.len();
    out.push(Element {
        kind: d
            .get(b"S")
            .ok()
            .and_then(|s| s.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default(),
        depth,
        alt: string(doc, d, b"Alt"),
        lang: string(doc, d, b"Lang"),
        content: Vec::new(),
        annotations: Vec::new(),
        children: Vec::new(),
        order: Vec::new(),
    });
    let Ok(k) = d.get(b"K") else { return index };
    for kid in kids(doc, k) {
        match resolve(doc, kid) {
            Object::Integer(mcid) => {
                let p = page.unwrap_or(usize::MAX);
                out[index].content.push((p, *mcid));
                out[index].order.push(Kid::Content(p, *mcid));
            }
            Object::Dictionary(kd) if kd.get(b"S").is_ok() => {
                let child = walk(doc, kd, depth + 1, page, page_index, out);
                out[index].children.push(child);
                out[index].order.push(Kid::Element(child));
            }
            Object::Dictionary(kd) => {
                let ty = kd.get(b"Type").ok().and_then(|t| t.as_name().ok());
                if ty == Some(b"OBJR") {
                    if let Ok(obj) = kd.get(b"Obj").and_then(|o| o.as_reference()) {
                        out[index].annotations.push(obj);
                    }
                } else if let Ok(mcid) = kd.get(b"MCID").and_then(|m| m.as_i64()) {
                    let p = page_of(kd).or(page).unwrap_or(usize::MAX);
                    out[index].content.push((p, mcid));
                    out[index].order.push(Kid::Content(p, mcid));
                }
            }
            _ => {}
        }
    }
    index
}

/// The glyphs of each (page, MCID), in content order.
pub fn glyphs_by_mcid(doc: &Document) -> HashMap<(usize, i64), Vec<Glyph>> {
    let mut out: HashMap<(usize, i64), Vec<Glyph>> = HashMap::new();
    for (p, page) in pages(doc).into_iter().enumerate() {
        for g in page.glyphs {
            if let Some(m) = g.mcid {
                out.entry((p, m)).or_default().push(g);
            }
        }
    }
    out
}

/// The text of element `i` and everything under it, in /K order: each marked
/// sequence's glyphs in content order (one space between sequences and elements).
pub fn element_text(
    all: &[Element],
    i: usize,
    glyphs: &HashMap<(usize, i64), Vec<Glyph>>,
) -> String {
    all[i]
        .order
        .iter()
        .map(|kid| match kid {
            Kid::Content(p, m) => glyphs
                .get(&(*p, *m))
                .map(|gs| gs.iter().map(|g| g.text.as_str()).collect())
                .unwrap_or_default(),
            Kid::Element(c) => element_text(all, *c, glyphs),
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The marked content (page, MCID) of the draft notice: a paragraph read before the
/// title (and the span of its English half).
pub fn notice(doc: &Document) -> std::collections::HashSet<(usize, i64)> {
    let all = elements(doc);
    let title = all.iter().position(|e| e.kind == "H1").unwrap_or(0);
    let mut out = std::collections::HashSet::new();
    for e in all[..title].iter().filter(|e| e.kind != "Document") {
        out.extend(e.content.iter().copied());
    }
    out
}

/// The marked content (page, MCID) of the list labels (bullets) and of the draft
/// notice (a paragraph read before the title): content for a listener, but not part
/// of the running text that the break rules and column checks are about.
pub fn labels_and_notice(doc: &Document) -> std::collections::HashSet<(usize, i64)> {
    let mut out = notice(doc);
    for e in elements(doc).iter().filter(|e| e.kind == "Lbl") {
        out.extend(e.content.iter().copied());
    }
    out
}

/// Every page's glyphs as [`pages`] reads them, with the list labels and the draft
/// notice counted as furniture (`artifact`): the running text alone, for checks of
/// line breaks, columns and margins.
pub fn running_text_pages(doc: &Document) -> Vec<super::pdf::PageText> {
    let set_apart = labels_and_notice(doc);
    let mut out = pages(doc);
    for (p, page) in out.iter_mut().enumerate() {
        for g in &mut page.glyphs {
            if g.mcid.is_some_and(|m| set_apart.contains(&(p, m))) {
                g.artifact = true;
            }
        }
    }
    out
}
