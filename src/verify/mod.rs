//! Reads a tagged PDF back as a reader would: the structure tree's elements in
//! order, each with the text of the glyphs it holds, and every way the content and
//! the tree fail to agree (glyphs outside both elements and artifacts, MCIDs in no
//! element or in two, MCIDs an element names that the page lacks).
//!
//! The build compares these texts with the source text of each block before it
//! publishes a PDF (issue 13). So that the check is independent of the writer, this
//! module reads the PDF bytes only, with its own reader for the file's objects,
//! content streams and `/ToUnicode` CMaps, and shares no code with `pdf` or `layout`.

mod against;
mod file;
mod fonts;
mod inflate;
mod lexer;
mod page_content;
mod structure;
mod text_string;
mod to_unicode;
mod visual_order;

#[cfg(test)]
mod tests;

pub use against::mismatches;
use file::{Dict, File, Object};
use fonts::FontCache;
use inflate::{Inflater, Streams};
use std::fmt;

/// A page whose decoded content is larger than this is not read (a guard against a
/// decompression bomb; a leaflet page is ~50 KB).
const MAX_CONTENT_BYTES: usize = 16 << 20;

/// What a tagged PDF says, read back.
#[derive(Debug, Default)]
pub struct ReadBack {
    /// Every structure element in tree (pre-)order.
    pub elements: Vec<ReadElement>,
    /// Everything that does not fit together, in page order, then tree order.
    pub problems: Vec<Problem>,
    /// Glyphs drawn on all pages (tagged, artifacts and untagged).
    pub glyphs: usize,
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadElement {
    /// 0 for the elements directly under the root (the `Document`).
    pub depth: usize,
    /// Its structure type (`/S`), as written (not role-mapped).
    pub kind: String,
    /// Its text: its own MCIDs' and its descendants', in `/K` order, one space
    /// between pieces; lines in logical order, soft hyphens removed.
    pub text: String,
    /// The text of the MCIDs directly in its `/K` only.
    pub own_text: String,
    pub alt: Option<String>,
    pub lang: Option<String>,
    pub actual_text: Option<String>,
    /// 0-based index of the page of its first marked content (or its `/Pg`).
    pub page: Option<usize>,
    /// It holds an object reference (a link annotation).
    pub has_objr: bool,
    /// Images, forms and shadings painted in its own MCIDs (a figure's picture).
    pub pictures: usize,
    /// Its own MCIDs, as (page, MCID).
    pub marked: Vec<(usize, i64)>,
}

/// A way the content and the structure tree disagree. Pages are 0-based.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Glyphs neither in an element's marked content nor in an artifact.
    UntaggedGlyphs {
        page: usize,
        count: usize,
        sample_text: String,
    },
    /// Paths, images or forms painted outside both marked content and artifacts.
    UntaggedContent {
        page: usize,
        what: &'static str,
        count: usize,
    },
    /// Marked content with an MCID no element names.
    McidNotInTree { page: usize, mcid: i64 },
    /// The page marks the same MCID more than once.
    McidTwice { page: usize, mcid: i64 },
    /// Two `/K` entries name the same MCID.
    McidClaimedTwice { page: usize, mcid: i64 },
    /// An element names an MCID the page does not have.
    McidMissing { page: usize, mcid: i64 },
    /// An element names an MCID but no page for it (no `/Pg` up the tree).
    McidWithoutPage { mcid: i64 },
    /// Marked content with an MCID inside another (its glyphs would belong twice).
    NestedMcid { page: usize, mcid: i64 },
    /// Marked content with an MCID inside an artifact.
    McidInArtifact { page: usize, mcid: i64 },
    /// An `EMC` without its `BDC`/`BMC`, or one left open at the end of the page.
    UnbalancedMarkedContent { page: usize },
    /// The page's `/ParentTree` entry does not name the element holding the MCID.
    ParentTreeMismatch { page: usize, mcid: i64 },
    /// An annotation's `/StructParent` entry does not name the element holding
    /// its object reference.
    AnnotationParentMismatch { page: Option<usize> },
    /// Glyphs whose code has no `/ToUnicode` entry (read as U+FFFD).
    UnmappedGlyphs {
        page: usize,
        font: String,
        count: usize,
    },
    /// `Tf` names a font the page's resources lack.
    UnknownFont { page: usize, font: String },
    /// The tree itself is malformed.
    Structure { what: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Problem::UntaggedGlyphs {
                page,
                count,
                sample_text,
            } => write!(
                f,
                "page {}: {count} glyphs outside tagged content and artifacts (\"{sample_text}\")",
                page + 1
            ),
            Problem::UntaggedContent { page, what, count } => write!(
                f,
                "page {}: {count} × {what} outside tagged content and artifacts",
                page + 1
            ),
            Problem::McidNotInTree { page, mcid } => {
                write!(
                    f,
                    "page {}: MCID {mcid} is in no structure element",
                    page + 1
                )
            }
            Problem::McidTwice { page, mcid } => {
                write!(
                    f,
                    "page {}: MCID {mcid} marks more than one sequence",
                    page + 1
                )
            }
            Problem::McidClaimedTwice { page, mcid } => {
                write!(
                    f,
                    "page {}: MCID {mcid} is named twice in the tree",
                    page + 1
                )
            }
            Problem::McidMissing { page, mcid } => write!(
                f,
                "page {}: the tree names MCID {mcid}, which the page lacks",
                page + 1
            ),
            Problem::McidWithoutPage { mcid } => {
                write!(f, "the tree names MCID {mcid} without a page (/Pg)")
            }
            Problem::NestedMcid { page, mcid } => {
                write!(f, "page {}: MCID {mcid} is inside another MCID", page + 1)
            }
            Problem::McidInArtifact { page, mcid } => {
                write!(f, "page {}: MCID {mcid} is inside an artifact", page + 1)
            }
            Problem::UnbalancedMarkedContent { page } => {
                write!(f, "page {}: BDC/BMC and EMC do not pair up", page + 1)
            }
            Problem::ParentTreeMismatch { page, mcid } => write!(
                f,
                "page {}: the parent tree does not name the element holding MCID {mcid}",
                page + 1
            ),
            Problem::AnnotationParentMismatch { page } => write!(
                f,
                "{}: an annotation's parent tree entry does not name the element holding it",
                page.map_or("an unknown page".into(), |p| format!("page {}", p + 1))
            ),
            Problem::UnmappedGlyphs { page, font, count } => write!(
                f,
                "page {}: {count} glyphs of font /{font} have no /ToUnicode entry",
                page + 1
            ),
            Problem::UnknownFont { page, font } => {
                write!(
                    f,
                    "page {}: font /{font} is not in the page's resources",
                    page + 1
                )
            }
            Problem::Structure { what } => write!(f, "structure tree: {what}"),
        }
    }
}

/// Reads `pdf` back. Err only when the file cannot be read as a PDF at all;
/// everything else is a [`Problem`].
pub fn read_back(pdf: &[u8]) -> Result<ReadBack, String> {
    let file = File::open(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    read_document(&file)
}

/// What the opened `file` says (see [`read_back`]).
fn read_document(file: &File) -> Result<ReadBack, String> {
    inflate::with_streams(|streams| read_pages(file, streams))
}

fn read_pages(file: &File, streams: &mut Streams) -> Result<ReadBack, String> {
    let page_ids = file.pages();
    if page_ids.is_empty() {
        return Err("the PDF has no pages".into());
    }
    let Streams { inflater, content } = streams;
    let mut problems = Vec::new();
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut struct_parents = Vec::with_capacity(page_ids.len());
    for (index, id) in page_ids.iter().enumerate() {
        let dict = file
            .get(*id)
            .and_then(Object::as_dict)
            .ok_or_else(|| format!("page {}: not a dictionary", index + 1))?;
        content.clear();
        page_content_bytes(file, dict, inflater, content)
            .map_err(|e| format!("page {}: {e}", index + 1))?;
        let resources = page_resources(file, dict);
        pages.push(page_content::read_page(
            file,
            index,
            content,
            resources,
            &mut fonts,
            inflater,
            &mut problems,
        ));
        struct_parents.push(dict.get(b"StructParents").and_then(Object::as_i64));
    }
    let mut page_index: Vec<_> = page_ids.iter().copied().zip(0..).collect();
    page_index.sort_unstable();
    let tree = structure::Tree {
        file,
        page_index: &page_index,
        pages: &pages,
        struct_parents: &struct_parents,
    };
    let (elements, claimed) = structure::read(&tree, &mut problems);
    for (index, page) in pages.iter().enumerate() {
        for &mcid in page.marked.keys() {
            if !claimed.contains(&(index, mcid)) {
                problems.push(Problem::McidNotInTree { page: index, mcid });
            }
        }
    }
    Ok(ReadBack {
        elements,
        problems,
        glyphs: pages.iter().map(|p| p.glyphs).sum(),
    })
}

/// The page's content streams, decoded and joined into `out` (a stream may end
/// mid-token only where the next one continues it, so a separator is added).
fn page_content_bytes<'a>(
    file: &File<'a>,
    page: &Dict<'a>,
    inflater: &mut Inflater,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let Some(contents) = page.get(b"Contents") else {
        return Ok(());
    };
    let contents = file
        .resolve(contents)
        .ok_or("its /Contents is not in the file")?;
    let streams = match contents {
        Object::Array(items) => items.as_slice(),
        other => std::slice::from_ref(other),
    };
    for stream in streams {
        let stream = file
            .resolve(stream)
            .and_then(Object::as_stream)
            .ok_or("a content stream is not a stream")?;
        let limit = MAX_CONTENT_BYTES.saturating_sub(out.len());
        inflater
            .decode_into(stream, limit, out)
            .map_err(|e| format!("content stream: {e}"))?;
        out.push(b'\n');
    }
    Ok(())
}

/// The page's `/Resources`, inherited from the page tree if need be.
fn page_resources<'f, 'a>(file: &'f File<'a>, page: &'f Dict<'a>) -> Option<&'f Dict<'a>> {
    let mut node = page;
    for _ in 0..64 {
        if let Some(resources) = node.get(b"Resources") {
            return file.dict(resources);
        }
        node = file.dict(node.get(b"Parent")?)?;
    }
    None
}

/// Text for comparing: without white space, soft hyphens or bidi controls
/// (U+200E/U+200F/U+061C, embeddings, overrides and isolates), which say how text
/// is drawn or read, not what it is.
pub fn normalise(s: &str) -> String {
    s.chars().filter(|&c| !ignored(c)).collect()
}

/// `normalise(a) == normalise(b)`, without making either (the build compares
/// every element's text, the whole leaflet's at the top).
pub fn same_normalised(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (mut i, mut j) = (0, 0);
    loop {
        // Where the two run alike byte for byte (most of a block's text: they
        // differ where lines were broken), the characters are the same, kept or
        // ignored in both alike, and are stepped over without being decoded. The
        // run is cut back to a character boundary, which is at the same offset in
        // both (the bytes before it are the same).
        let alike = a.as_bytes()[i..]
            .iter()
            .zip(&b.as_bytes()[j..])
            .take_while(|(x, y)| x == y)
            .count();
        let mut step = alike;
        while !a.is_char_boundary(i + step) {
            step -= 1;
        }
        i += step;
        j += step;
        let x = next_kept(a, &mut i);
        if x != next_kept(b, &mut j) {
            return false;
        }
        if x.is_none() {
            return true;
        }
    }
}

/// The next character of `text` from byte `at` that [`normalise`] keeps. ASCII
/// (most of it) is taken byte by byte.
#[inline]
fn next_kept(text: &str, at: &mut usize) -> Option<char> {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(*at) {
        if b.is_ascii() {
            *at += 1;
            if !matches!(b, b'\t'..=b'\r' | b' ') {
                return Some(char::from(b));
            }
            continue;
        }
        // `at` is always where a character starts.
        let c = text.get(*at..)?.chars().next()?;
        *at += c.len_utf8();
        if !ignored(c) {
            return Some(c);
        }
    }
    None
}

fn ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{AD}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}
