//! Opens the PDF for reading back, parsing only the objects the read-back can reach.
//!
//! `lopdf::Document::load_mem` parses every object in the file: the Info dictionary,
//! the XMP packet, the outline, the CID fonts' width arrays and descriptors. None of
//! them says anything about what the pages read as, and parsing them was over a
//! third of the read-back (callgrind, English leaflet: 2.3 M of 6.0 M instructions).
//! For a file with one classic cross-reference table (what the build writes), this
//! reads the table itself and asks lopdf's parser for the objects reachable from the
//! catalog, not following the keys in [`NOT_FOLLOWED`]. Anything else (a
//! cross-reference stream, an update section, encryption) is loaded whole by lopdf,
//! as before. Either way the result is a `Document` the rest of the module reads.

use lopdf::xref::{Xref, XrefEntry, XrefType};
use lopdf::{Dictionary, Document, Object, ObjectId, Reader};
use std::collections::{BTreeMap, HashSet};

/// Keys whose values the read-back never looks at (fonts are read through their
/// `/Subtype` and `/ToUnicode` only).
const NOT_FOLLOWED: &[&[u8]] = &[
    b"Metadata",
    b"OutputIntents",
    b"Outlines",
    b"Names",
    b"Dests",
    b"DescendantFonts",
    b"FontDescriptor",
    b"FontFile",
    b"FontFile2",
    b"FontFile3",
];

/// The document, or lopdf's error for a file it cannot read at all.
pub fn load(pdf: &[u8]) -> Result<Document, lopdf::Error> {
    match reachable(pdf) {
        Some(doc) => Ok(doc),
        None => Document::load_mem(pdf),
    }
}

/// The objects reachable from the catalog, or None where the file is not one
/// classic table this reader takes on (lopdf then loads it whole).
pub(super) fn reachable(pdf: &[u8]) -> Option<Document> {
    if !pdf.starts_with(b"%PDF-") {
        return None;
    }
    let table = classic_table(pdf)?;
    let mut reader = Reader {
        buffer: pdf,
        document: Document::new(),
        encryption_state: None,
        raw_objects: BTreeMap::new(),
        password: None,
        strict: false,
        max_decompressed_size: None,
    };
    let mut xref = Xref::new(table.size, XrefType::CrossReferenceTable);
    for (id, entry) in table.entries {
        xref.insert(id, entry);
    }
    reader.document.max_id = table.size.saturating_sub(1);
    reader.document.reference_table = xref;
    let mut trailer = Dictionary::new();
    trailer.set("Root", Object::Reference(table.root));
    reader.document.trailer = trailer;

    let mut objects = BTreeMap::new();
    let mut seen = HashSet::new();
    let mut pending = vec![table.root];
    // lopdf's cycle guard for indirect stream lengths, cleared rather than made
    // anew for each object (it allocates on first use).
    let mut resolving = HashSet::new();
    while let Some(id) = pending.pop() {
        if !seen.insert(id) {
            continue;
        }
        resolving.clear();
        // An object that does not parse is left out, as lopdf's own loader does;
        // whatever names it then finds nothing there.
        let Ok(object) = reader.get_object(id, &mut resolving) else {
            continue;
        };
        references(&object, &mut pending);
        objects.insert(id, object);
    }
    let mut doc = reader.document;
    doc.objects = objects;
    Some(doc)
}

/// Every reference in `object` (not inside streams' data), but those under
/// [`NOT_FOLLOWED`] keys. Direct objects nest as deep as the parser let them.
fn references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|o| references(o, out)),
        Object::Dictionary(dict) => dictionary_references(dict, out),
        Object::Stream(stream) => dictionary_references(&stream.dict, out),
        _ => {}
    }
}

fn dictionary_references(dict: &Dictionary, out: &mut Vec<ObjectId>) {
    for (key, value) in dict.iter() {
        if !NOT_FOLLOWED.contains(&key.as_slice()) {
            references(value, out);
        }
    }
}

/// A file's one cross-reference table and what its trailer says.
struct ClassicTable {
    entries: Vec<(u32, XrefEntry)>,
    size: u32,
    root: ObjectId,
}

/// The table `startxref` points at, when it is a classic table (§7.5.4) whose
/// trailer names `/Root` and has no `/Prev`, `/XRefStm` or `/Encrypt`.
fn classic_table(pdf: &[u8]) -> Option<ClassicTable> {
    let tail_start = pdf.len().saturating_sub(1024);
    let tail = &pdf[tail_start..];
    let at = rfind(tail, b"startxref")?;
    let mut words = Words::new(&tail[at + b"startxref".len()..]);
    let offset = usize::try_from(words.number()?).ok()?;
    let mut words = Words::new(pdf.get(offset..)?);
    if words.next()? != b"xref" {
        return None;
    }
    let mut entries = Vec::new();
    loop {
        let first = words.next()?;
        if first == b"trailer" {
            break;
        }
        let start = parse_u64(first)?;
        let count = words.number()?;
        for i in 0..count {
            let offset = words.number()?;
            let generation = words.number()?;
            let kind = words.next()?;
            let id = u32::try_from(start.checked_add(i)?).ok()?;
            if kind == b"n" {
                entries.push((
                    id,
                    XrefEntry::Normal {
                        offset: u32::try_from(offset).ok()?,
                        generation: u16::try_from(generation).ok()?,
                    },
                ));
            }
        }
    }
    let trailer = &words.rest()[..rfind(words.rest(), b"startxref")?];
    if [&b"/Prev"[..], b"/XRefStm", b"/Encrypt"]
        .iter()
        .any(|key| rfind(trailer, key).is_some())
    {
        return None;
    }
    let root_at = rfind(trailer, b"/Root")?;
    let mut words = Words::new(&trailer[root_at + b"/Root".len()..]);
    let number = u32::try_from(words.number()?).ok()?;
    let generation = u16::try_from(words.number()?).ok()?;
    if words.next()? != b"R" {
        return None;
    }
    let size = entries.iter().map(|(id, _)| id + 1).max()?;
    Some(ClassicTable {
        entries,
        size,
        root: (number, generation),
    })
}

/// Runs of bytes between PDF white space and delimiters.
struct Words<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Words<'a> {
    fn new(data: &'a [u8]) -> Self {
        Words { data, pos: 0 }
    }

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = self.data.get(self.pos..)?;
        let start = rest.iter().position(|&b| !is_space(b))?;
        let length = rest[start..]
            .iter()
            .position(|&b| is_space(b) || b"/<>[]()%".contains(&b))
            .unwrap_or(rest.len() - start)
            .max(1);
        self.pos += start + length;
        Some(&rest[start..start + length])
    }

    fn number(&mut self) -> Option<u64> {
        parse_u64(self.next()?)
    }

    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'\0')
}

fn parse_u64(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 19 || !word.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        word.iter()
            .fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0')),
    )
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
