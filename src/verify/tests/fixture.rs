//! Writes small tagged PDFs for the tests: one Type0 font whose `/ToUnicode`
//! maps each BMP code to itself, hand-written content, a structure tree with its
//! parent tree (pdf-writer).

use pdf_writer::{Filter, Finish, Name, Null, Pdf, Rect, Ref, TextStr};

/// A node of the structure tree to write.
pub enum Node {
    Element {
        kind: &'static str,
        lang: Option<&'static str>,
        alt: Option<&'static str>,
        kids: Vec<Node>,
    },
    /// An MCID on a page (0-based).
    Mcid(usize, i32),
    /// A link annotation on a page.
    Objr(usize),
}

/// An H1 (MCID 0 of page 0), then a paragraph of MCID 1, a link (MCID 2 and the
/// first annotation) and MCID `after`: the start most fixtures share.
pub fn heading_and_linked_paragraph(after: i32) -> Vec<Node> {
    vec![
        el("H1", vec![Node::Mcid(0, 0)]),
        el(
            "P",
            vec![
                Node::Mcid(0, 1),
                el("Link", vec![Node::Mcid(0, 2), Node::Objr(0)]),
                Node::Mcid(0, after),
            ],
        ),
    ]
}

pub fn el(kind: &'static str, kids: Vec<Node>) -> Node {
    Node::Element {
        kind,
        lang: None,
        alt: None,
        kids,
    }
}

/// A one-font PDF with the given page contents and structure tree.
pub struct Fixture {
    pub pages: Vec<String>,
    pub root: Option<Node>,
    pub lang: Option<&'static str>,
    /// Write each page's parent tree entry naming this element instead (by index
    /// of pre-order), to test the check.
    pub wrong_parent: Option<usize>,
}

impl Fixture {
    pub fn new(pages: &[String], root: Node) -> Fixture {
        Fixture {
            pages: pages.to_vec(),
            root: Some(root),
            lang: None,
            wrong_parent: None,
        }
    }

    pub fn build(&self) -> Vec<u8> {
        let (catalog, tree, font, cmap, resources, root_id) = (
            Ref::new(1),
            Ref::new(2),
            Ref::new(3),
            Ref::new(4),
            Ref::new(5),
            Ref::new(6),
        );
        let page_ref = |i: usize| Ref::new(10 + i as i32);
        let content_ref = |i: usize| Ref::new(100 + i as i32);
        let parents_ref = |i: usize| Ref::new(1000 + i as i32);
        let annot_ref = |i: usize| Ref::new(2000 + i as i32);
        let mut pdf = Pdf::new();
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree);
        if let Some(lang) = self.lang {
            cat.lang(TextStr(lang));
        }
        if self.root.is_some() {
            cat.pair(Name(b"StructTreeRoot"), root_id);
        }
        cat.finish();
        pdf.pages(tree)
            .kids((0..self.pages.len()).map(page_ref))
            .count(self.pages.len() as i32);
        for (i, content) in self.pages.iter().enumerate() {
            let mut page = pdf.page(page_ref(i));
            page.parent(tree)
                .media_box(Rect::new(0.0, 0.0, 595.0, 842.0))
                .contents(content_ref(i))
                .struct_parents(i as i32);
            page.pair(Name(b"Resources"), resources);
            page.insert(Name(b"Annots")).array().item(annot_ref(i));
            page.finish();
            // Odd pages compressed, even ones not: both must read.
            if i % 2 == 0 {
                let packed = compress(content.as_bytes());
                pdf.stream(content_ref(i), &packed)
                    .filter(Filter::FlateDecode);
            } else {
                pdf.stream(content_ref(i), content.as_bytes());
            }
            pdf.indirect(annot_ref(i))
                .dict()
                .pair(Name(b"Type"), Name(b"Annot"))
                .pair(Name(b"Subtype"), Name(b"Link"))
                .pair(Name(b"StructParent"), 100 + i as i32);
        }
        pdf.indirect(resources)
            .dict()
            .insert(Name(b"Font"))
            .dict()
            .pair(Name(b"F1"), font);
        pdf.indirect(font)
            .dict()
            .pair(Name(b"Type"), Name(b"Font"))
            .pair(Name(b"Subtype"), Name(b"Type0"))
            .pair(Name(b"Encoding"), Name(b"Identity-H"))
            .pair(Name(b"ToUnicode"), cmap);
        pdf.stream(cmap, CMAP.as_bytes());

        // The tree: elements numbered in pre-order from 300.
        let mut claims: Vec<(usize, i32, Ref)> = Vec::new();
        let mut links: Vec<(usize, Ref)> = Vec::new();
        let mut next = 300;
        let mut top = Vec::new();
        if let Some(root) = &self.root {
            let id = write_node(
                &mut pdf,
                root,
                root_id,
                &mut next,
                &mut claims,
                &mut links,
                annot_ref,
            );
            top.extend(id);
        }
        if self.root.is_some() {
            let mut r = pdf.indirect(root_id).dict();
            r.pair(Name(b"Type"), Name(b"StructTreeRoot"));
            r.insert(Name(b"K")).array().items(top);
            let mut nums = r.insert(Name(b"ParentTree")).dict();
            let mut entries = nums.insert(Name(b"Nums")).array();
            for i in 0..self.pages.len() {
                entries.item(i as i32).item(parents_ref(i));
            }
            // Each page's link annotation: /StructParent 100 + page.
            for (page, owner) in &links {
                let named = self
                    .wrong_parent
                    .map_or(*owner, |k| Ref::new(300 + k as i32));
                entries.item(100 + *page as i32).item(named);
            }
            entries.finish();
            nums.finish();
        }
        for i in 0..self.pages.len() {
            let on_page: Vec<&(usize, i32, Ref)> = claims.iter().filter(|c| c.0 == i).collect();
            let len = on_page.iter().map(|c| c.1 + 1).max().unwrap_or(0);
            let mut array = pdf.indirect(parents_ref(i)).array();
            for mcid in 0..len {
                match on_page.iter().find(|c| c.1 == mcid) {
                    Some(_) if self.wrong_parent.is_some() => {
                        array.item(Ref::new(300 + self.wrong_parent.unwrap_or(0) as i32));
                    }
                    Some(c) => {
                        array.item(c.2);
                    }
                    None => {
                        array.item(Null);
                    }
                }
            }
        }
        pdf.finish()
    }
}

/// Writes `node` (an element) and its descendants; returns its reference.
fn write_node(
    pdf: &mut Pdf,
    node: &Node,
    parent: Ref,
    next: &mut i32,
    claims: &mut Vec<(usize, i32, Ref)>,
    links: &mut Vec<(usize, Ref)>,
    annot_ref: impl Fn(usize) -> Ref + Copy,
) -> Option<Ref> {
    let Node::Element {
        kind,
        lang,
        alt,
        kids,
    } = node
    else {
        return None;
    };
    let id = Ref::new(*next);
    *next += 1;
    // Children first get their numbers (pre-order) and are written after.
    let mut child_ids = Vec::new();
    for kid in kids {
        child_ids.push(write_node(pdf, kid, id, next, claims, links, annot_ref));
    }
    let first_page = kids.iter().find_map(|k| match k {
        Node::Mcid(page, _) => Some(*page),
        _ => None,
    });
    let page_ref = |i: usize| Ref::new(10 + i as i32);
    let mut e = pdf.struct_element(id);
    e.custom_kind(Name(kind.as_bytes())).parent(parent);
    if let Some(page) = first_page {
        e.page(page_ref(page));
    }
    if let Some(lang) = lang {
        e.lang(TextStr(lang));
    }
    if let Some(alt) = alt {
        e.alt(TextStr(alt));
    }
    let mut children = e.children();
    for (kid, child_id) in kids.iter().zip(child_ids) {
        match kid {
            Node::Element { .. } => {
                if let Some(child) = child_id {
                    children.struct_element(child);
                }
            }
            Node::Mcid(page, mcid) => {
                claims.push((*page, *mcid, id));
                // On the element's page: a bare MCID; elsewhere an MCR.
                if Some(*page) == first_page {
                    children.marked_content_id(*mcid);
                } else {
                    children
                        .marked_content_ref()
                        .page(page_ref(*page))
                        .marked_content_id(*mcid);
                }
            }
            Node::Objr(page) => {
                links.push((*page, id));
                children
                    .object_ref()
                    .page(page_ref(*page))
                    .object(annot_ref(*page));
            }
        }
    }
    children.finish();
    e.finish();
    Some(id)
}

/// Every BMP character maps to itself; a few codes in the private use area stand
/// for clusters: U+E000 "fi", U+E001 lam-alef given reversed (as a writer gives a
/// right-to-left cluster for visual order).
const CMAP: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
1 beginbfrange <0020> <06FF> <0020> endbfrange
2 beginbfchar <E000> <00660069> <E001> <06270644> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";

fn compress(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(data)
        .expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}

/// `text` shown as 2-byte codes (one per UTF-16 unit) with Tj.
pub fn tj(text: &str) -> String {
    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<{hex}> Tj")
}

/// One line of text at height `y`.
pub fn line(y: f32, body: &str) -> String {
    format!("BT /F1 10 Tf 1 0 0 1 72 {y} Tm {body} ET\n")
}

pub fn mcid(tag: &str, n: i32, body: &str) -> String {
    format!("/{tag} <</MCID {n}>> BDC\n{body}EMC\n")
}

pub fn artifact(body: &str) -> String {
    format!("/Artifact BMC\n{body}EMC\n")
}

/// `text` as a PDF hex text string in UTF-16BE with a byte order mark.
pub fn utf16_hex(text: &str) -> String {
    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}>")
}
