//! The structure tree (ISO 32000-1 §14.7) → its elements in pre-order, each with the
//! text of the marked content it holds, and the checks that tie the tree to the
//! pages: every MCID an element names exists, is named once, and the page's
//! `/ParentTree` entry points back at that element.

use super::page_content::{Marked, PageContent};
use super::text_string;
use super::visual_order::{self, Direction};
use super::{Problem, ReadElement};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// Deeper trees are cut here (a guard against hostile input; ours are ~5 deep).
const MAX_DEPTH: usize = 256;

/// Where the tree is read from and what it is checked against.
pub struct Tree<'a> {
    pub doc: &'a Document,
    /// Page object → 0-based page index.
    pub page_index: &'a HashMap<ObjectId, usize>,
    pub pages: &'a [PageContent],
    /// Each page's `/StructParents` key.
    pub struct_parents: &'a [Option<i64>],
}

/// The elements under the catalog's `/StructTreeRoot`, and the MCIDs they claim.
pub fn read(tree: &Tree, problems: &mut Vec<Problem>) -> (Vec<ReadElement>, HashSet<(usize, i64)>) {
    let mut walker = Walker {
        tree,
        elements: Vec::new(),
        claimed: HashSet::new(),
        visited: HashSet::new(),
        problems,
        parent_tree: HashMap::new(),
    };
    let Some(root) = root(tree.doc) else {
        return (walker.elements, walker.claimed);
    };
    if let Ok(nums) = root.get(b"ParentTree") {
        walker.parent_tree = number_tree(tree.doc, nums);
    }
    let catalog_lang = tree
        .doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|o| text(tree.doc, o));
    let context = Context {
        depth: 0,
        page: None,
        direction: catalog_lang.as_deref().and_then(visual_order::of_language),
    };
    if let Ok(kids) = root.get(b"K") {
        walker.kids(kids, None, &context, &mut Texts::default(), 0);
    }
    (walker.elements, walker.claimed)
}

fn root(doc: &Document) -> Option<&Dictionary> {
    let root = doc.catalog().ok()?.get(b"StructTreeRoot").ok()?;
    doc.dereference(root).ok()?.1.as_dict().ok()
}

/// What an element inherits from its ancestors.
#[derive(Clone)]
struct Context {
    depth: usize,
    /// The nearest `/Pg`.
    page: Option<usize>,
    /// The direction of the nearest `/Lang`.
    direction: Option<Direction>,
}

/// Text pieces gathered for one element: its own MCIDs' and everything's.
#[derive(Default)]
struct Texts {
    own: Vec<String>,
    all: Vec<String>,
    first_page: Option<usize>,
    has_objr: bool,
    pictures: usize,
    marked: Vec<(usize, i64)>,
}

struct Walker<'a, 'p> {
    tree: &'a Tree<'a>,
    elements: Vec<ReadElement>,
    claimed: HashSet<(usize, i64)>,
    visited: HashSet<ObjectId>,
    problems: &'p mut Vec<Problem>,
    parent_tree: HashMap<i64, &'a Object>,
}

impl<'a> Walker<'a, '_> {
    /// One entry of a `/K`: an element's kids, or the root's. `nesting`: arrays
    /// within arrays so far.
    fn kids(
        &mut self,
        kid: &'a Object,
        owner: Option<ObjectId>,
        context: &Context,
        texts: &mut Texts,
        nesting: usize,
    ) {
        let doc = self.tree.doc;
        match kid {
            Object::Array(_) if nesting >= MAX_DEPTH => self.problems.push(Problem::Structure {
                what: "/K arrays nested too deep".into(),
            }),
            Object::Array(items) => {
                for item in items {
                    self.kids(item, owner, context, texts, nesting + 1);
                }
            }
            Object::Integer(mcid) => self.mcid(*mcid, context.page, owner, context, texts),
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(Object::Dictionary(dict)) if is_element(dict) => {
                    self.element(Some(*id), dict, context, texts)
                }
                Ok(Object::Dictionary(dict)) => self.reference(dict, owner, context, texts),
                _ => self.problems.push(Problem::Structure {
                    what: format!("kid {} {} R is not a dictionary", id.0, id.1),
                }),
            },
            Object::Dictionary(dict) if is_element(dict) => {
                self.element(None, dict, context, texts)
            }
            Object::Dictionary(dict) => self.reference(dict, owner, context, texts),
            Object::Null => {}
            _ => self.problems.push(Problem::Structure {
                what: "a kid that is neither an MCID, a reference nor an element".into(),
            }),
        }
    }

    /// A marked-content reference (`/MCR`) or an object reference (`/OBJR`).
    fn reference(
        &mut self,
        dict: &Dictionary,
        owner: Option<ObjectId>,
        context: &Context,
        texts: &mut Texts,
    ) {
        let page = dict
            .get(b"Pg")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| self.tree.page_index.get(&id).copied())
            .or(context.page);
        if let Ok(object) = dict.get(b"Obj") {
            texts.has_objr = true;
            texts.first_page = texts.first_page.or(page);
            self.check_annotation_parent(object, owner, page);
        } else if let Ok(mcid) = dict.get(b"MCID").and_then(Object::as_i64) {
            self.mcid(mcid, page, owner, context, texts);
        } else {
            self.problems.push(Problem::Structure {
                what: "a kid dictionary that is neither an element, an MCR nor an OBJR".into(),
            });
        }
    }

    fn element(
        &mut self,
        id: Option<ObjectId>,
        dict: &'a Dictionary,
        parent: &Context,
        parent_texts: &mut Texts,
    ) {
        if let Some(id) = id {
            if !self.visited.insert(id) {
                self.problems.push(Problem::Structure {
                    what: format!("element {} {} R is reached twice", id.0, id.1),
                });
                return;
            }
        }
        if parent.depth >= MAX_DEPTH {
            self.problems.push(Problem::Structure {
                what: format!("the tree is deeper than {MAX_DEPTH}"),
            });
            return;
        }
        let doc = self.tree.doc;
        let field = |key: &[u8]| dict.get(key).ok().and_then(|o| text(doc, o));
        let lang = field(b"Lang");
        let context = Context {
            depth: parent.depth + 1,
            page: dict
                .get(b"Pg")
                .ok()
                .and_then(|o| o.as_reference().ok())
                .and_then(|id| self.tree.page_index.get(&id).copied())
                .or(parent.page),
            direction: lang
                .as_deref()
                .and_then(visual_order::of_language)
                .or(parent.direction),
        };
        let index = self.elements.len();
        self.elements.push(ReadElement {
            depth: parent.depth,
            kind: dict
                .get(b"S")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default(),
            text: String::new(),
            own_text: String::new(),
            alt: field(b"Alt"),
            lang,
            actual_text: field(b"ActualText"),
            page: None,
            has_objr: false,
            pictures: 0,
            marked: Vec::new(),
        });
        let mut texts = Texts::default();
        if let Ok(kids) = dict.get(b"K") {
            self.kids(kids, id, &context, &mut texts, 0);
        }
        let text = join(&texts.all);
        let element = &mut self.elements[index];
        element.own_text = join(&texts.own);
        element.page = texts.first_page.or(context.page);
        element.has_objr = texts.has_objr;
        element.pictures = texts.pictures;
        element.marked = texts.marked;
        element.text = text.clone();
        if !text.is_empty() {
            parent_texts.all.push(text);
        }
        parent_texts.first_page = parent_texts.first_page.or(element.page);
    }

    /// One MCID an element (`owner`) names, on `page`.
    fn mcid(
        &mut self,
        mcid: i64,
        page: Option<usize>,
        owner: Option<ObjectId>,
        context: &Context,
        texts: &mut Texts,
    ) {
        let Some(page) = page else {
            self.problems.push(Problem::McidWithoutPage { mcid });
            return;
        };
        texts.first_page = texts.first_page.or(Some(page));
        texts.marked.push((page, mcid));
        if !self.claimed.insert((page, mcid)) {
            self.problems.push(Problem::McidClaimedTwice { page, mcid });
        }
        self.check_parent_tree(page, mcid, owner);
        let marked = self.tree.pages.get(page).and_then(|p| p.marked.get(&mcid));
        let Some(marked) = marked else {
            self.problems.push(Problem::McidMissing { page, mcid });
            return;
        };
        texts.pictures += marked.pictures;
        let text = marked_text(marked, context.direction);
        if !text.is_empty() {
            texts.own.push(text.clone());
            texts.all.push(text);
        }
    }

    /// The annotation's `/StructParent` entry in the parent tree names the element
    /// holding its object reference.
    fn check_annotation_parent(
        &mut self,
        object: &Object,
        owner: Option<ObjectId>,
        page: Option<usize>,
    ) {
        let Some(owner) = owner else { return };
        let doc = self.tree.doc;
        let named = doc
            .dereference(object)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|d| d.get(b"StructParent").and_then(Object::as_i64).ok())
            .and_then(|key| self.parent_tree.get(&key))
            .and_then(|o| o.as_reference().ok());
        if named != Some(owner) {
            self.problems
                .push(Problem::AnnotationParentMismatch { page });
        }
    }

    /// The page's `/ParentTree` array names the element at index `mcid`.
    fn check_parent_tree(&mut self, page: usize, mcid: i64, owner: Option<ObjectId>) {
        let Some(owner) = owner else { return };
        let doc = self.tree.doc;
        let named = self
            .tree
            .struct_parents
            .get(page)
            .copied()
            .flatten()
            .and_then(|key| self.parent_tree.get(&key))
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .and_then(|array| usize::try_from(mcid).ok().and_then(|i| array.get(i)))
            .and_then(|o| o.as_reference().ok());
        if named != Some(owner) {
            self.problems
                .push(Problem::ParentTreeMismatch { page, mcid });
        }
    }
}

/// A structure element rather than an MCR or OBJR dictionary.
fn is_element(dict: &Dictionary) -> bool {
    dict.has(b"S") && !dict.has(b"MCID") && !dict.has(b"Obj")
}

/// Pieces of text separated by one space.
fn join(pieces: &[String]) -> String {
    pieces.join(" ")
}

/// The text of one marked-content sequence in logical order: each line reordered,
/// soft hyphens dropped (a word broken by one is joined again), lines joined by a
/// space.
fn marked_text(marked: &Marked, direction: Option<Direction>) -> String {
    let mut out = String::new();
    let mut hyphenated = false;
    for line in &marked.lines {
        let logical = visual_order::logical_line(line, direction);
        let joins = !out.is_empty()
            && !hyphenated
            && !out.ends_with(char::is_whitespace)
            && !logical.starts_with(char::is_whitespace);
        if joins {
            out.push(' ');
        }
        let trimmed = logical.trim_end_matches(char::is_whitespace);
        hyphenated = trimmed.ends_with('\u{AD}');
        out.extend(logical.chars().filter(|&c| c != '\u{AD}'));
    }
    out
}

/// A text string, direct or referenced.
fn text(doc: &Document, object: &Object) -> Option<String> {
    let (_, object) = doc.dereference(object).ok()?;
    object.as_str().ok().map(text_string::decode)
}

/// A number tree's leaves (§7.9.7): key → value.
fn number_tree<'a>(doc: &'a Document, node: &'a Object) -> HashMap<i64, &'a Object> {
    let mut out = HashMap::new();
    let mut stack = vec![(node, 0usize)];
    let mut seen = HashSet::new();
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        if let Object::Reference(id) = node {
            if !seen.insert(*id) {
                continue;
            }
        }
        let Some(dict) = doc
            .dereference(node)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok())
        else {
            continue;
        };
        if let Ok(nums) = dict.get(b"Nums").and_then(Object::as_array) {
            for pair in nums.chunks(2) {
                if let [key, value] = pair {
                    if let Ok(key) = key.as_i64() {
                        out.insert(key, value);
                    }
                }
            }
        }
        if let Ok(kids) = dict.get(b"Kids").and_then(Object::as_array) {
            stack.extend(kids.iter().map(|k| (k, depth + 1)));
        }
    }
    out
}
