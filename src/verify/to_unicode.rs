//! A font's `/ToUnicode` CMap (ISO 32000-1 §9.10.3): character code → text.
//! Parsed once per font object; looked up once per glyph drawn.

use super::lexer::{Lexer, Operands, RawStr};
use super::text_string::push_utf16be;
use std::collections::BTreeMap;

/// One range `bfrange` may map: larger ranges are cut here (a guard against a
/// hostile CMap that maps four billion codes).
const MAX_RANGE: u32 = 0x1_0000;
/// Codes below this are looked up in a table; the rest in a map.
const DENSE_LIMIT: u32 = 0x1_0000;
/// A CMap maps at most this many codes, with at most this much text (fonts have
/// fewer than 65,536 glyphs; this bounds what a hostile CMap can make us allocate).
const MAX_ENTRIES: usize = 1 << 18;
const MAX_TEXT_BYTES: usize = 16 << 20;
/// An entry: one character (its scalar value, below 0x110000), [`MISSING`], or
/// with [`LONGER`] set the index of a longer text in `ToUnicode::longer`. Most
/// glyphs stand for one character: they are read without a second look-up.
type Entry = u32;
/// No entry: the code has no text in this CMap.
const MISSING: Entry = u32::MAX;
const LONGER: Entry = 1 << 31;

/// Character code → the text it stands for.
#[derive(Debug, Default)]
pub struct ToUnicode {
    /// The texts of more (or less) than one character, end to end.
    text: String,
    /// Byte ranges of `text`.
    longer: Vec<(u32, u32)>,
    /// Code → entry, for codes below [`DENSE_LIMIT`] (a font's glyph IDs).
    dense: Vec<Entry>,
    sparse: BTreeMap<u32, Entry>,
    /// Byte length of codes, from the first `codespacerange` entry.
    pub code_length: Option<usize>,
    entries: usize,
}

impl ToUnicode {
    /// Parses a CMap's (decoded) stream; what cannot be read is skipped.
    pub fn parse(data: &[u8]) -> ToUnicode {
        let mut map = ToUnicode::default();
        let mut lexer = Lexer::new(data);
        let mut entries = Vec::new();
        let mut scratch = Scratch::default();
        while let Some(op) = lexer.next_operation(&mut entries) {
            let operands = Operands::of(&entries);
            match op {
                b"endcodespacerange" => {
                    if let Some(low) = operands.first().and_then(|o| o.string()) {
                        let length = scratch.bytes(low).len();
                        map.code_length.get_or_insert(length.clamp(1, 4));
                    }
                }
                b"endbfchar" => {
                    let mut all = operands.iter();
                    while let (Some(code), Some(dst)) = (all.next(), all.next()) {
                        if let (Some(code), Some(dst)) = (code.string(), dst.string()) {
                            let code = scratch.code(code);
                            map.insert_string(code, dst, &mut scratch);
                        }
                    }
                }
                b"endbfrange" => {
                    let mut all = operands.iter();
                    while let (Some(lo), Some(hi), Some(dst)) = (all.next(), all.next(), all.next())
                    {
                        if let (Some(lo), Some(hi)) = (lo.string(), hi.string()) {
                            let (lo, hi) = (scratch.code(lo), scratch.code(hi));
                            map.insert_range(lo, hi, dst, &mut scratch);
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    /// Appends the text of `code` to `out`; false where the CMap has no entry
    /// for it.
    #[inline]
    pub fn push_text(&self, code: u32, out: &mut String) -> bool {
        // `dense` is shorter than DENSE_LIMIT: a code past it is in `sparse` or
        // nowhere.
        let entry = match self.dense.get(code as usize) {
            Some(&entry) => entry,
            None if code < DENSE_LIMIT => return false,
            None => match self.sparse.get(&code) {
                Some(&entry) => entry,
                None => return false,
            },
        };
        if entry < 0x80 {
            out.push(char::from(entry as u8));
            return true;
        }
        self.push_entry(entry, out)
    }

    /// [`ToUnicode::push_text`] past an ASCII character.
    fn push_entry(&self, entry: Entry, out: &mut String) -> bool {
        if entry == MISSING {
            return false;
        }
        if entry & LONGER == 0 {
            // Only scalar values are stored without the flag.
            out.push(char::from_u32(entry).unwrap_or(char::REPLACEMENT_CHARACTER));
            return true;
        }
        let Some(&(start, end)) = self.longer.get((entry & !LONGER) as usize) else {
            return false;
        };
        match self.text.get(start as usize..end as usize) {
            Some(text) => {
                out.push_str(text);
                true
            }
            None => false,
        }
    }

    /// The text of `code`, or None where the CMap has no entry for it.
    #[cfg(test)]
    pub fn get(&self, code: u32) -> Option<String> {
        let mut out = String::new();
        self.push_text(code, &mut out).then_some(out)
    }

    /// The text string `dst` for `code`. A destination of one UTF-16 unit that is a
    /// character (most of them) is inserted without being decoded into text first.
    fn insert_string(&mut self, code: u32, dst: RawStr, scratch: &mut Scratch) {
        let one_char = match short_hex(dst) {
            // U+001B would open a language escape, a lone surrogate is no text.
            Some((unit, 2)) if unit != 0x1B => char::from_u32(unit),
            _ => None,
        };
        match one_char {
            Some(c) => self.insert_char(code, c),
            None => self.insert(code, scratch.text(dst)),
        }
    }

    fn insert(&mut self, code: u32, text: &str) {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            self.insert_char(code, c);
            return;
        }
        if self.full(text.len()) {
            return;
        }
        self.entries += 1;
        let start = self.text.len() as u32;
        self.text.push_str(text);
        self.longer.push((start, self.text.len() as u32));
        self.set(code, (self.longer.len() - 1) as u32 | LONGER);
    }

    fn insert_char(&mut self, code: u32, c: char) {
        if self.full(c.len_utf8()) {
            return;
        }
        self.entries += 1;
        self.set(code, u32::from(c));
    }

    /// Whether the map is as large as it may grow, for another `text_bytes`.
    fn full(&self, text_bytes: usize) -> bool {
        self.entries >= MAX_ENTRIES || self.text.len() + text_bytes > MAX_TEXT_BYTES
    }

    fn set(&mut self, code: u32, entry: Entry) {
        if code < DENSE_LIMIT {
            let index = code as usize;
            if self.dense.len() <= index {
                // Grown by doubling, not code by code (a CMap lists its codes in
                // order); what lies past the codes is MISSING, as no entry is.
                let len = (index + 1).max(self.dense.len() * 2);
                self.dense.resize(len.min(DENSE_LIMIT as usize), MISSING);
            }
            self.dense[index] = entry;
        } else {
            self.sparse.insert(code, entry);
        }
    }

    /// `lo hi dst`: dst is an array of texts, one per code, or one text whose last
    /// UTF-16 unit is incremented for each code after the first (§9.10.3).
    fn insert_range(&mut self, lo: u32, hi: u32, dst: Operands, scratch: &mut Scratch) {
        if hi < lo {
            return;
        }
        let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
        if let Some(texts) = dst.items() {
            for (code, text) in (lo..=hi).zip(texts.iter()) {
                if let Some(s) = text.string() {
                    self.insert_string(code, s, scratch);
                }
            }
        } else if let Some(s) = dst.string() {
            {
                let bytes = s.decode();
                let mut units: Vec<u16> = bytes
                    .chunks(2)
                    .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
                    .collect();
                for code in lo..=hi {
                    let text: String = char::decode_utf16(units.iter().copied())
                        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                        .collect();
                    self.insert(code, &text);
                    if let Some(last) = units.last_mut() {
                        *last = last.wrapping_add(1);
                    }
                }
            }
        }
    }
}

/// Buffers reused for every string of a CMap (it has hundreds, each a few bytes:
/// allocating for each cost more than reading it).
#[derive(Default)]
struct Scratch {
    bytes: Vec<u8>,
    text: String,
}

impl Scratch {
    /// The code `s` writes: its bytes, big-endian (at most four count).
    fn code(&mut self, s: RawStr) -> u32 {
        match short_hex(s) {
            Some((value, _)) => value,
            None => code_value(self.bytes(s)),
        }
    }

    /// `s`'s bytes.
    fn bytes(&mut self, s: RawStr) -> &[u8] {
        self.bytes.clear();
        s.decode_into(&mut self.bytes);
        &self.bytes
    }

    /// The text `s` holds (UTF-16BE, §9.10.3).
    fn text(&mut self, s: RawStr) -> &str {
        self.bytes.clear();
        s.decode_into(&mut self.bytes);
        self.text.clear();
        push_utf16be(&self.bytes, &mut self.text);
        &self.text
    }
}

/// A hex string of two, four, six or eight digits and nothing else (codes, and most
/// destinations), as the number its bytes make big-endian and their count: what
/// [`code_value`] and the decoding give, without a buffer in between. None for any
/// other string.
fn short_hex(s: RawStr) -> Option<(u32, usize)> {
    let digits = s.body;
    if !s.hex || !digits.len().is_multiple_of(2) || !(2..=8).contains(&digits.len()) {
        return None;
    }
    let mut value = 0u32;
    for &b in digits {
        value = value << 4 | char::from(b).to_digit(16)?;
    }
    Some((value, digits.len() / 2))
}

/// A code's bytes, big-endian (at most four count).
fn code_value(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <ffff> endcodespacerange
4 beginbfchar
<0001> <0041>
<0002> <00660069>
<0003> <D83DDE00>
<0004> <00AD>
endbfchar
2 beginbfrange
<0010> <0012> <0061>
<0020> <0021> [<0644> <06440627>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_bfrange_surrogates_and_clusters() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.code_length, Some(2));
        assert_eq!(map.get(1).as_deref(), Some("A"));
        assert_eq!(map.get(2).as_deref(), Some("fi"));
        assert_eq!(map.get(3).as_deref(), Some("😀"));
        assert_eq!(map.get(4).as_deref(), Some("\u{AD}"));
        assert_eq!(map.get(0x12).as_deref(), Some("c"));
        assert_eq!(map.get(0x21).as_deref(), Some("لا"));
        assert_eq!(map.get(5), None);
        assert_eq!(map.get(0x9999), None);
    }

    /// Destinations read without decoding them and those read the general way give
    /// what decoding gives.
    #[test]
    fn short_and_odd_destinations() {
        let map = ToUnicode::parse(
            b"6 beginbfchar <0005> <001B> <0006> <D800> <0007> <41> <00 08> <0042>
<09> <00E9> <0000000A> <0043> endbfchar",
        );
        assert_eq!(map.get(5).as_deref(), Some(""));
        assert_eq!(map.get(6).as_deref(), Some("\u{FFFD}"));
        assert_eq!(map.get(7).as_deref(), Some("\u{FFFD}"));
        assert_eq!(map.get(8).as_deref(), Some("B"));
        assert_eq!(map.get(9).as_deref(), Some("é"));
        assert_eq!(map.get(10).as_deref(), Some("C"));
    }

    #[test]
    fn a_huge_range_is_cut() {
        let map = ToUnicode::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(map.get(0).as_deref(), Some("A"));
        assert_eq!(map.get(MAX_RANGE), None);
        let many = "<0000> <FFFF> <0041>\n".repeat(8);
        let map = ToUnicode::parse(format!("8 beginbfrange {many} endbfrange").as_bytes());
        assert_eq!(map.entries, MAX_ENTRIES);
    }
}
