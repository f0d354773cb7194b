//! The tagged PDF's structure tree: which element each thing drawn belongs to, the
//! marked-content ids (MCIDs) that tie content to elements, and the tree itself.
//!
//! The layout's structure ([`Node`]) gives the elements and their order; the frames
//! give, for each shape, its role and block. Content of a block becomes marked content
//! of that block's element; a link becomes a Link element with its text and its
//! annotation (OBJR); a phrase in another language a Span with /Lang. Everything else
//! (footers, fold marks, the box's background, a repeated draft notice) is an artifact.

use crate::layout::structure::{Kind, Node};
use crate::layout::{Placed, Role, Shape};
use pdf_writer::types::StructRole;
use pdf_writer::{Finish, Name, Pdf, Ref, TextStr};
use std::collections::HashMap;

/// What one shape is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Not content: page furniture, backgrounds, a repeated notice.
    Artifact,
    /// Content of element `usize` (an index into the tree's elements).
    Element(usize),
}

/// A child of an element: a marked-content sequence on a page, an element, or an
/// annotation (a link's clickable area).
#[derive(Debug, Clone, Copy)]
enum Kid {
    Content { page: usize, mcid: i32 },
    Element(usize),
    Annotation { page: usize, annot: Ref },
}

struct Element<'a> {
    role: StructRole,
    parent: Option<usize>,
    alt: Option<&'a str>,
    lang: Option<&'a str>,
    /// The text of a link's annotation, and of its /Alt.
    link: Option<&'a str>,
    /// Children with their place in the reading order (see `Group::seq`): the
    /// structure's children first (0), then content in the order it is read.
    kids: Vec<(u32, Kid)>,
    /// Page and top edge (points from the page's top) of its first content: where a
    /// bookmark to it leads.
    first: Option<(usize, f32)>,
}

/// The structure tree being filled in as the pages' content is written.
pub struct Tags<'a> {
    elements: Vec<Element<'a>>,
    /// The element whose content each block is: (block, is a list item's label).
    by_block: HashMap<(usize, bool), usize>,
    /// The texts of the structure's leaves, for bookmarks: (element, text).
    headings: Vec<(usize, &'a str)>,
    /// For each page, the element of each of its MCIDs (the parent tree).
    page_mcids: Vec<Vec<usize>>,
    /// The link element of each annotation, in order (parent-tree keys after the
    /// pages').
    annotations: Vec<usize>,
    /// The link element whose area was met last (its text follows it).
    current_link: Option<usize>,
}

impl<'a> Tags<'a> {
    /// The elements of `structure`, for a document of `pages` pages.
    pub fn new(structure: &'a Node, pages: usize) -> Tags<'a> {
        let mut tags = Tags {
            elements: Vec::new(),
            by_block: HashMap::new(),
            headings: Vec::new(),
            page_mcids: vec![Vec::new(); pages],
            annotations: Vec::new(),
            current_link: None,
        };
        tags.add(structure, None);
        tags
    }

    fn add(&mut self, node: &'a Node, parent: Option<usize>) {
        let index = self.push(role(node.kind), parent);
        self.elements[index].alt = node.alt.as_deref();
        if let Some(block) = node.block {
            let key = (block, node.kind == Kind::Label);
            // A list item's container and its body share the block: the body (a leaf,
            // added after its item) holds the content.
            if node.children.is_empty() {
                self.by_block.insert(key, index);
            }
        }
        if matches!(node.kind, Kind::Title | Kind::Heading) {
            self.headings.push((index, &node.text));
        }
        for child in &node.children {
            let at = self.elements.len();
            self.kid(index, 0, Kid::Element(at));
            self.add(child, Some(index));
        }
    }

    fn push(&mut self, role: StructRole, parent: Option<usize>) -> usize {
        self.elements.push(Element {
            role,
            parent,
            alt: None,
            lang: None,
            link: None,
            kids: Vec::new(),
            first: None,
        });
        self.elements.len() - 1
    }

    fn kid(&mut self, element: usize, seq: u32, kid: Kid) {
        if let Some(e) = self.elements.get_mut(element) {
            e.kids.push((seq, kid));
        }
    }

    /// What the shape `e` is drawn as. A link and a phrase in another language are an
    /// element of their own under their block's; a link's text belongs to the link
    /// whose area came just before it.
    pub fn target(&mut self, e: &Placed<'a, '_>) -> Target {
        let leaf = match e.role {
            Role::Artifact | Role::Box => return Target::Artifact,
            Role::ListLabel => self.by_block.get(&(e.block, true)),
            _ => self.by_block.get(&(e.block, false)),
        };
        // Content that no element claims would be lost to a screen reader: the
        // build's read-back (`verify`) reports it, so it is never silently dropped.
        let Some(&leaf) = leaf else {
            return Target::Artifact;
        };
        match (e.role, e.shape) {
            // A link's area comes before its text: one Link element for the pieces of
            // one address in one block (an address broken over two lines is one link).
            (Role::Link, Shape::Link { url, .. }) => {
                let same = self.current_link.filter(|l| {
                    let e = &self.elements[*l];
                    e.parent == Some(leaf) && e.link == Some(url.as_str())
                });
                let link = same.unwrap_or_else(|| {
                    let link = self.push(StructRole::Link, Some(leaf));
                    self.elements[link].link = Some(url.as_str());
                    self.kid(leaf, e.seq, Kid::Element(link));
                    link
                });
                self.current_link = Some(link);
                Target::Element(link)
            }
            (Role::Link, _) => Target::Element(self.current_link.unwrap_or(leaf)),
            // A phrase in another language continued on the next line is one span.
            (_, Shape::Glyphs(run)) if run.lang.is_some() => {
                let last = self.elements[leaf].kids.last().map(|(_, k)| *k);
                let span = match last {
                    Some(Kid::Element(s)) if self.elements[s].lang == run.lang.as_deref() => s,
                    _ => {
                        let span = self.push(StructRole::Span, Some(leaf));
                        self.elements[span].lang = run.lang.as_deref();
                        self.kid(leaf, e.seq, Kid::Element(span));
                        span
                    }
                };
                Target::Element(span)
            }
            _ => Target::Element(leaf),
        }
    }

    /// A new MCID on `page` for content of `element`, read at `seq`, whose top edge is
    /// `top` points from the page's top.
    pub fn mark(&mut self, page: usize, element: usize, seq: u32, top: f32) -> i32 {
        let Some(mcids) = self.page_mcids.get_mut(page) else {
            return 0;
        };
        let mcid = mcids.len() as i32;
        mcids.push(element);
        self.kid(element, seq, Kid::Content { page, mcid });
        if let Some(e) = self.elements.get_mut(element) {
            e.first.get_or_insert((page, top));
        }
        mcid
    }

    /// The parent-tree key of a new link annotation of `element` on `page` (after
    /// the pages' keys), and its place as the link's child.
    pub fn annotation(&mut self, element: usize, page: usize, annot: Ref, url: &'a str) -> i32 {
        let key = (self.page_mcids.len() + self.annotations.len()) as i32;
        self.annotations.push(element);
        if let Some(e) = self.elements.get_mut(element) {
            e.link = Some(url);
            let seq = e.kids.last().map_or(0, |(s, _)| *s);
            e.kids.push((seq, Kid::Annotation { page, annot }));
        }
        key
    }

    /// The struct type to write in marked content of `element`.
    pub fn tag(&self, element: usize) -> Name<'static> {
        self.elements
            .get(element)
            .map_or(Name(b"Span"), |e| e.role.to_name())
    }

    /// The title and headings with the page and top edge where each starts, in
    /// reading order (for bookmarks).
    pub fn bookmarks(&self) -> Vec<(&'a str, usize, f32)> {
        self.headings
            .iter()
            .filter_map(|&(e, text)| {
                let (page, top) = self.elements.get(e)?.first?;
                Some((text, page, top))
            })
            .collect()
    }

    /// Writes the elements (ids from `next_ref`) and the parent tree at
    /// `parent_tree`; returns the document element's id and the parent tree's next key.
    pub fn write(
        mut self,
        pdf: &mut Pdf,
        mut next_ref: impl FnMut() -> Ref,
        pages: &[Ref],
        parent_tree: Ref,
    ) -> (Ref, i32) {
        let ids: Vec<Ref> = self.elements.iter().map(|_| next_ref()).collect();
        for (i, e) in self.elements.iter_mut().enumerate() {
            // Content in the order it is read (stable: drawing order within a chunk).
            e.kids.sort_by_key(|(seq, _)| *seq);
            write_element(pdf, e, &ids, ids[i], pages);
        }
        // The parent tree: for each page the element of each MCID, then for each
        // annotation its link.
        let mut tree = pdf.indirect(parent_tree).dict();
        let mut nums = tree.insert(Name(b"Nums")).array();
        for (p, elements) in self.page_mcids.iter().enumerate() {
            nums.item(p as i32);
            nums.push().array().items(elements.iter().map(|e| ids[*e]));
        }
        let first_annotation = self.page_mcids.len() as i32;
        for (k, e) in self.annotations.iter().enumerate() {
            nums.item(first_annotation + k as i32);
            nums.item(ids[*e]);
        }
        nums.finish();
        tree.finish();
        (ids[0], first_annotation + self.annotations.len() as i32)
    }
}

fn write_element(pdf: &mut Pdf, e: &Element, ids: &[Ref], id: Ref, pages: &[Ref]) {
    let page = e.kids.iter().find_map(|(_, k)| match k {
        Kid::Content { page, .. } => Some(*page),
        _ => None,
    });
    let mut w = pdf.struct_element(id);
    w.kind(e.role);
    if let Some(p) = e.parent {
        w.parent(ids[p]);
    }
    if let Some(p) = page.and_then(|p| pages.get(p)) {
        w.page(*p);
    }
    if let Some(alt) = e.alt.or(e.link) {
        w.alt(TextStr(alt));
    }
    if let Some(lang) = e.lang {
        w.lang(TextStr(lang));
    }
    // One marked-content sequence on its own page: a bare MCID (the common case for
    // headings and short paragraphs; also what some checkers expect of headings).
    if let [(_, Kid::Content { page: p, mcid })] = e.kids.as_slice() {
        if Some(*p) == page {
            w.pair(Name(b"K"), *mcid);
            return;
        }
    }
    let mut kids = w.children();
    for (_, kid) in &e.kids {
        match *kid {
            Kid::Element(k) => {
                kids.struct_element(ids[k]);
            }
            // On the element's own page a bare MCID; elsewhere a reference that
            // names its page.
            Kid::Content { page: p, mcid } if Some(p) == page => {
                kids.marked_content_id(mcid);
            }
            Kid::Content { page: p, mcid } => {
                let mut r = kids.marked_content_ref();
                r.marked_content_id(mcid);
                if let Some(pg) = pages.get(p) {
                    r.page(*pg);
                }
            }
            Kid::Annotation { page: p, annot } => {
                let mut r = kids.object_ref();
                r.object(annot);
                if let Some(pg) = pages.get(p) {
                    r.page(*pg);
                }
            }
        }
    }
}

/// The standard structure type of each kind (PDF 1.7 § 14.8.4).
fn role(kind: Kind) -> StructRole {
    match kind {
        Kind::Document => StructRole::Document,
        Kind::Notice | Kind::Paragraph => StructRole::P,
        Kind::Title => StructRole::H1,
        Kind::Heading => StructRole::H2,
        Kind::List => StructRole::L,
        Kind::ListItem => StructRole::LI,
        Kind::Label => StructRole::Lbl,
        Kind::ListBody => StructRole::LBody,
        // The warning box groups its heading and content: a section of its own.
        Kind::Box => StructRole::Sect,
        Kind::Disclaimer => StructRole::Div,
        Kind::Figure | Kind::QrCode => StructRole::Figure,
    }
}
