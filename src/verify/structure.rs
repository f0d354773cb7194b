//! The structure tree (ISO 32000-1 §14.7) → its elements in pre-order, each with the
//! text of the marked content it holds, and the checks that tie the tree to the
//! pages: every MCID an element names exists, is named once, and the page's
//! `/ParentTree` entry points back at that element.

use super::file::{Dict, File, Object, Ref};
use super::page_content::{Marked, PageContent};
use super::text_string;
use super::visual_order::{self, Direction};
use super::{Problem, ReadElement};
use std::collections::{BTreeMap, BTreeSet};

/// Deeper trees are cut here (a guard against hostile input; ours are ~5 deep).
const MAX_DEPTH: usize = 256;

/// Where the tree is read from and what it is checked against.
pub struct Tree<'f, 'a> {
    pub file: &'f File<'a>,
    /// Page object → 0-based page index, sorted by object.
    pub page_index: &'f [(Ref, usize)],
    pub pages: &'f [PageContent],
    /// Each page's `/StructParents` key.
    pub struct_parents: &'f [Option<i64>],
}

impl Tree<'_, '_> {
    /// The 0-based index of the page `object` refers to.
    fn page_index(&self, object: &Object) -> Option<usize> {
        let id = object.as_ref()?;
        let at = self.page_index.binary_search_by_key(&id, |p| p.0).ok()?;
        Some(self.page_index[at].1)
    }
}

/// The elements under the catalog's `/StructTreeRoot`, and the MCIDs they claim.
pub fn read(
    tree: &Tree,
    problems: &mut Vec<Problem>,
) -> (Vec<ReadElement>, BTreeSet<(usize, i64)>) {
    let mut walker = Walker {
        tree,
        elements: Vec::new(),
        claimed: BTreeSet::new(),
        visited: BTreeSet::new(),
        problems,
        parent_tree: BTreeMap::new(),
    };
    let Some(root) = root(tree.file) else {
        return (walker.elements, walker.claimed);
    };
    if let Some(nums) = root.get(b"ParentTree") {
        walker.parent_tree = number_tree(tree.file, nums);
    }
    let catalog_lang = tree
        .file
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(|o| text(tree.file, o));
    let context = Context {
        depth: 0,
        page: None,
        direction: catalog_lang.as_deref().and_then(visual_order::of_language),
    };
    if let Some(kids) = root.get(b"K") {
        walker.kids(kids, None, &context, &mut Texts::default(), 0);
    }
    (walker.elements, walker.claimed)
}

fn root<'f, 'a>(file: &'f File<'a>) -> Option<&'f Dict<'a>> {
    file.dict(file.catalog()?.get(b"StructTreeRoot")?)
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

struct Walker<'t, 'f, 'a, 'p> {
    tree: &'t Tree<'f, 'a>,
    elements: Vec<ReadElement>,
    claimed: BTreeSet<(usize, i64)>,
    visited: BTreeSet<Ref>,
    problems: &'p mut Vec<Problem>,
    parent_tree: BTreeMap<i64, &'f Object<'a>>,
}

impl<'f, 'a> Walker<'_, 'f, 'a, '_> {
    /// One entry of a `/K`: an element's kids, or the root's. `nesting`: arrays
    /// within arrays so far.
    fn kids(
        &mut self,
        kid: &'f Object<'a>,
        owner: Option<Ref>,
        context: &Context,
        texts: &mut Texts,
        nesting: usize,
    ) {
        let file = self.tree.file;
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
            Object::Ref(id) => match file.get(*id) {
                Some(Object::Dict(dict)) if is_element(dict) => {
                    self.element(Some(*id), dict, context, texts)
                }
                Some(Object::Dict(dict)) => self.reference(dict, owner, context, texts),
                _ => self.problems.push(Problem::Structure {
                    what: format!("kid {} {} R is not a dictionary", id.0, id.1),
                }),
            },
            Object::Dict(dict) if is_element(dict) => self.element(None, dict, context, texts),
            Object::Dict(dict) => self.reference(dict, owner, context, texts),
            Object::Null => {}
            _ => self.problems.push(Problem::Structure {
                what: "a kid that is neither an MCID, a reference nor an element".into(),
            }),
        }
    }

    /// A marked-content reference (`/MCR`) or an object reference (`/OBJR`).
    fn reference(
        &mut self,
        dict: &Dict<'a>,
        owner: Option<Ref>,
        context: &Context,
        texts: &mut Texts,
    ) {
        let page = dict
            .get(b"Pg")
            .and_then(|o| self.tree.page_index(o))
            .or(context.page);
        if let Some(object) = dict.get(b"Obj") {
            texts.has_objr = true;
            texts.first_page = texts.first_page.or(page);
            self.check_annotation_parent(object, owner, page);
        } else if let Some(mcid) = dict.get(b"MCID").and_then(Object::as_i64) {
            self.mcid(mcid, page, owner, context, texts);
        } else {
            self.problems.push(Problem::Structure {
                what: "a kid dictionary that is neither an element, an MCR nor an OBJR".into(),
            });
        }
    }

    fn element(
        &mut self,
        id: Option<Ref>,
        dict: &'f Dict<'a>,
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
        let file = self.tree.file;
        let field = |key: &[u8]| dict.get(key).and_then(|o| text(file, o));
        let lang = field(b"Lang");
        let context = Context {
            depth: parent.depth + 1,
            page: dict
                .get(b"Pg")
                .and_then(|o| self.tree.page_index(o))
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
        if let Some(kids) = dict.get(b"K") {
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
        owner: Option<Ref>,
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
        object: &Object<'a>,
        owner: Option<Ref>,
        page: Option<usize>,
    ) {
        let Some(owner) = owner else { return };
        let named = self
            .tree
            .file
            .dict(object)
            .and_then(|d| d.get(b"StructParent"))
            .and_then(Object::as_i64)
            .and_then(|key| self.parent_tree.get(&key))
            .and_then(|o| o.as_ref());
        if named != Some(owner) {
            self.problems
                .push(Problem::AnnotationParentMismatch { page });
        }
    }

    /// The page's `/ParentTree` array names the element at index `mcid`.
    fn check_parent_tree(&mut self, page: usize, mcid: i64, owner: Option<Ref>) {
        let Some(owner) = owner else { return };
        let file = self.tree.file;
        let named = self
            .tree
            .struct_parents
            .get(page)
            .copied()
            .flatten()
            .and_then(|key| self.parent_tree.get(&key))
            .and_then(|o| file.resolve(o))
            .and_then(Object::as_array)
            .and_then(|array| usize::try_from(mcid).ok().and_then(|i| array.get(i)))
            .and_then(Object::as_ref);
        if named != Some(owner) {
            self.problems
                .push(Problem::ParentTreeMismatch { page, mcid });
        }
    }
}

/// A structure element rather than an MCR or OBJR dictionary.
fn is_element(dict: &Dict) -> bool {
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
        for piece in logical.split('\u{AD}') {
            out.push_str(piece);
        }
    }
    out
}

/// A text string, direct or referenced.
fn text<'a>(file: &File<'a>, object: &Object<'a>) -> Option<String> {
    file.resolve(object)?
        .as_str()
        .map(|s| text_string::decode(&s))
}

/// A number tree's leaves (§7.9.7): key → value.
fn number_tree<'f, 'a>(file: &'f File<'a>, node: &'f Object<'a>) -> BTreeMap<i64, &'f Object<'a>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![(node, 0usize)];
    let mut seen = BTreeSet::new();
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            continue;
        }
        if let Object::Ref(id) = node {
            if !seen.insert(*id) {
                continue;
            }
        }
        let Some(dict) = file.dict(node) else {
            continue;
        };
        if let Some(nums) = dict.get(b"Nums").and_then(Object::as_array) {
            for pair in nums.chunks(2) {
                if let [key, value] = pair {
                    if let Some(key) = key.as_i64() {
                        out.insert(key, value);
                    }
                }
            }
        }
        if let Some(kids) = dict.get(b"Kids").and_then(Object::as_array) {
            stack.extend(kids.iter().map(|k| (k, depth + 1)));
        }
    }
    out
}
