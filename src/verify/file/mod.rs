//! The PDF file read back: its cross-reference table and the objects it lists,
//! each parsed the first time something asks for it.
//!
//! This is the read-back's own reader (it shares no code with the writer in `pdf`).
//! It replaced lopdf here: lopdf spent about 25 k instructions per object, and
//! reading the leaflet's 70 or so objects cost as much as everything else the
//! read-back does. Only what ISO 32000-1 calls a classic file is read: one or more
//! cross-reference tables (§7.5.4) chained by `/Prev`, objects in the body; a
//! cross-reference stream, an object stream or encryption makes the file unreadable
//! here, and the build refuses what it cannot read back.

mod object;

#[cfg(test)]
pub use object::parse as parse_object;
pub use object::{Dict, Object, Ref, Stream};

use super::lexer::{is_space, Lexer};
use object::integer;
use std::cell::OnceCell;
use std::collections::HashSet;

/// A file's update sections followed through `/Prev` at most (a guard against
/// hostile chains; an edited file has a few).
const MAX_SECTIONS: usize = 64;
/// The page tree is followed no deeper than this.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// One object the table lists: where it starts, or that it is free.
#[derive(Debug, Clone, Copy)]
struct Entry {
    id: u32,
    generation: u16,
    /// None: free (deleted by an update).
    offset: Option<usize>,
}

/// A PDF file with its objects parsed as they are asked for.
pub struct File<'a> {
    bytes: &'a [u8],
    /// By object number, one per number (the newest section's).
    entries: Vec<Entry>,
    /// Beside `entries`: each object once parsed (None: it does not parse).
    parsed: Vec<OnceCell<Option<Object<'a>>>>,
    trailer: Dict<'a>,
}

impl<'a> File<'a> {
    /// Reads the cross-reference sections and the trailer; objects are parsed
    /// later, when asked for.
    pub fn open(bytes: &'a [u8]) -> Result<File<'a>, String> {
        if !bytes.starts_with(b"%PDF-") {
            return Err("no %PDF- header".into());
        }
        let mut offset = last_startxref(bytes).ok_or("no startxref at the end")?;
        let mut entries = Vec::new();
        let mut trailer = None;
        let mut seen = HashSet::new();
        loop {
            if !seen.insert(offset) || seen.len() > MAX_SECTIONS {
                return Err("the cross-reference sections loop".into());
            }
            let section = table(bytes, offset, &mut entries)?;
            if section.has(b"XRefStm") {
                return Err("a cross-reference stream (/XRefStm) is not read".into());
            }
            if section.has(b"Encrypt") {
                return Err("the file is encrypted".into());
            }
            let prev = section.get(b"Prev").and_then(Object::as_i64);
            trailer.get_or_insert(section);
            match prev.map(usize::try_from) {
                Some(Ok(prev)) => offset = prev,
                Some(Err(_)) => return Err("a negative /Prev".into()),
                None => break,
            }
        }
        // Newest first: after a stable sort, the first of each number wins.
        entries.sort_by_key(|e: &Entry| e.id);
        entries.dedup_by_key(|e| e.id);
        let parsed = entries.iter().map(|_| OnceCell::new()).collect();
        Ok(File {
            bytes,
            entries,
            parsed,
            trailer: trailer.unwrap_or_default(),
        })
    }

    /// The object `id`, parsed on first use; None where the table does not list
    /// it (or lists it free, or with another generation) or it does not parse.
    pub fn get(&self, id: Ref) -> Option<&Object<'a>> {
        let index = self.entries.binary_search_by_key(&id.0, |e| e.id).ok()?;
        let entry = self.entries[index];
        if entry.generation != id.1 {
            return None;
        }
        self.parsed[index]
            .get_or_init(|| self.parse_at(id, entry.offset?))
            .as_ref()
    }

    /// `object`, or what it refers to.
    pub fn resolve<'s>(&'s self, object: &'s Object<'a>) -> Option<&'s Object<'a>> {
        match object {
            Object::Ref(id) => self.get(*id),
            other => Some(other),
        }
    }

    /// The dictionary `object` is or refers to.
    pub fn dict<'s>(&'s self, object: &'s Object<'a>) -> Option<&'s Dict<'a>> {
        self.resolve(object)?.as_dict()
    }

    /// The trailer's `/Root`.
    pub fn catalog(&self) -> Option<&Dict<'a>> {
        self.dict(self.trailer.get(b"Root")?)
    }

    /// The pages in order (the page tree's leaves, §7.7.3.2).
    pub fn pages(&self) -> Vec<Ref> {
        let mut pages = Vec::new();
        let Some(root) = self.catalog().and_then(|c| c.get(b"Pages")) else {
            return pages;
        };
        let mut seen = HashSet::new();
        self.page_tree(root, 0, &mut seen, &mut pages);
        pages
    }

    fn page_tree(
        &self,
        node: &Object<'a>,
        depth: usize,
        seen: &mut HashSet<Ref>,
        pages: &mut Vec<Ref>,
    ) {
        let Some(id) = node.as_ref() else { return };
        if depth > MAX_PAGE_TREE_DEPTH || !seen.insert(id) {
            return;
        }
        let Some(dict) = self.get(id).and_then(Object::as_dict) else {
            return;
        };
        if let Some(kids) = dict.get(b"Kids").and_then(Object::as_array) {
            for kid in kids {
                self.page_tree(kid, depth + 1, seen, pages);
            }
        } else if dict.get(b"Type").and_then(Object::as_name) == Some(b"Page") {
            pages.push(id);
        }
    }

    /// `id G obj … endobj` at `offset`.
    fn parse_at(&self, id: Ref, offset: usize) -> Option<Object<'a>> {
        let mut lexer = object_header(self.bytes, id, offset)?;
        let object = object::parse(&mut lexer)?;
        let Object::Dict(dict) = object else {
            return Some(object);
        };
        lexer.skip_space();
        if !lexer.rest().starts_with(b"stream") {
            return Some(Object::Dict(dict));
        }
        lexer.advance(b"stream".len());
        // The keyword is followed by CRLF or LF (a lone CR is taken too).
        match lexer.rest() {
            [b'\r', b'\n', ..] => lexer.advance(2),
            [b'\n' | b'\r', ..] => lexer.advance(1),
            _ => {}
        }
        let start = lexer.position();
        let data = self.stream_data(&dict, start)?;
        Some(Object::Stream(Stream { dict, data }))
    }

    /// A stream's data from `start`: `/Length` bytes where `endstream` follows
    /// them, else up to the next `endstream` (as readers recover a wrong length).
    fn stream_data(&self, dict: &Dict<'a>, start: usize) -> Option<&'a [u8]> {
        let length = match dict.get(b"Length") {
            Some(Object::Integer(n)) => Some(*n),
            // An indirect length is parsed on its own, never through the cache:
            // a length naming its own stream must not recurse.
            Some(Object::Ref(id)) => self
                .entry(*id)
                .and_then(|offset| object_header(self.bytes, *id, offset))
                .and_then(|mut lexer| object::parse(&mut lexer))
                .and_then(|o| o.as_i64()),
            _ => None,
        };
        let end = length
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| start.checked_add(n))
            .filter(|&end| {
                self.bytes.get(end..).is_some_and(|rest| {
                    let spaces = rest.iter().take_while(|&&b| is_space(b)).count();
                    rest[spaces..].starts_with(b"endstream")
                })
            });
        let end = match end {
            Some(end) => end,
            None => {
                let rest = self.bytes.get(start..)?;
                let at = start + find(rest, b"endstream")?;
                // The end of line before `endstream` is not data.
                let data = &self.bytes[start..at];
                start
                    + match data {
                        [.., b'\r', b'\n'] => data.len() - 2,
                        [.., b'\n' | b'\r'] => data.len() - 1,
                        _ => data.len(),
                    }
            }
        };
        self.bytes.get(start..end)
    }

    fn entry(&self, id: Ref) -> Option<usize> {
        let index = self.entries.binary_search_by_key(&id.0, |e| e.id).ok()?;
        let entry = self.entries[index];
        (entry.generation == id.1).then_some(entry.offset).flatten()
    }
}

/// A lexer after `id G obj` at `offset`; None where that is not what is there.
fn object_header(bytes: &[u8], id: Ref, offset: usize) -> Option<Lexer<'_>> {
    if offset >= bytes.len() {
        return None;
    }
    let mut lexer = Lexer::at(bytes, offset);
    lexer.skip_space();
    let number = integer(lexer.regular_run())?;
    lexer.skip_space();
    let generation = integer(lexer.regular_run())?;
    lexer.skip_space();
    let keyword = lexer.regular_run();
    (number == i64::from(id.0) && generation == i64::from(id.1) && keyword == b"obj")
        .then_some(lexer)
}

/// The offset after the last `startxref`.
fn last_startxref(bytes: &[u8]) -> Option<usize> {
    let tail_start = bytes.len().saturating_sub(1024);
    let tail = &bytes[tail_start..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let mut lexer = Lexer::at(tail, at + 9);
    lexer.skip_space();
    usize::try_from(integer(lexer.regular_run())?).ok()
}

/// The table at `offset` (§7.5.4): its entries appended to `entries`, and its
/// trailer dictionary.
fn table<'a>(bytes: &'a [u8], offset: usize, entries: &mut Vec<Entry>) -> Result<Dict<'a>, String> {
    let malformed = || format!("the cross-reference table at byte {offset} is malformed");
    if offset >= bytes.len() {
        return Err(malformed());
    }
    let mut lexer = Lexer::at(bytes, offset);
    lexer.skip_space();
    if lexer.regular_run() != b"xref" {
        return Err(format!(
            "no cross-reference table at byte {offset} (a cross-reference stream is not read)"
        ));
    }
    let word = |lexer: &mut Lexer<'a>| {
        lexer.skip_space();
        lexer.regular_run()
    };
    loop {
        let first = word(&mut lexer);
        if first == b"trailer" {
            break;
        }
        let start = integer(first).ok_or_else(malformed)?;
        let count = integer(word(&mut lexer)).ok_or_else(malformed)?;
        for i in 0..count {
            let position = integer(word(&mut lexer));
            let generation = integer(word(&mut lexer));
            let kind = word(&mut lexer);
            let (Some(position), Some(generation)) = (position, generation) else {
                return Err(malformed());
            };
            let id = start
                .checked_add(i)
                .and_then(|id| u32::try_from(id).ok())
                .ok_or_else(malformed)?;
            let generation = u16::try_from(generation).map_err(|_| malformed())?;
            let offset = match kind {
                b"n" => Some(usize::try_from(position).map_err(|_| malformed())?),
                b"f" => None,
                _ => return Err(malformed()),
            };
            entries.push(Entry {
                id,
                generation,
                offset,
            });
        }
    }
    lexer.skip_space();
    if !lexer.rest().starts_with(b"<<") {
        return Err(malformed());
    }
    lexer.advance(2);
    object::dict(&mut lexer, 0).ok_or_else(malformed)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
