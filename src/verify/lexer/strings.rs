//! String operands (ISO 32000-1 §7.3.4): where they end, and their bytes.

/// A string operand as written: literal `( … )` with its escapes, or hex `< … >`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawStr<'a> {
    /// The bytes between the delimiters, escapes still in place.
    pub body: &'a [u8],
    pub hex: bool,
}

impl RawStr<'_> {
    /// The string's bytes, appended to `out`. One loop over the whole string: a
    /// page's strings are decoded this way, a glyph at a time costs twice as much.
    ///
    /// The bytes are written into room made at once (a string decodes to no more
    /// bytes than its body), not pushed one by one, and the writer's escape of
    /// three octal digits is recognised in one test of four bytes: a page's text is
    /// mostly such escapes (`\000\025`), and this halved the cost of decoding it.
    pub fn decode_into(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.resize(start + self.body.len(), 0);
        let written = self.decode_to(&mut out[start..]);
        out.truncate(start + written);
    }

    /// The string's bytes, written into `out`, which must be as long as the body
    /// (what does not fit is dropped); how many. For a buffer kept from one string
    /// to the next, not cleared and zeroed again for each.
    pub fn decode_to(&self, out: &mut [u8]) -> usize {
        // A short buffer would drop glyphs from the count that finds untagged ones.
        debug_assert!(out.len() >= self.body.len(), "buffer shorter than the body");
        if self.hex {
            decode_hex(self.body, out)
        } else {
            decode_literal(self.body, out)
        }
    }

    /// The string's bytes.
    pub fn decode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len());
        self.decode_into(&mut out);
        out
    }
}

/// A buffer filled from its start: what does not fit is dropped (the callers make
/// it as long as the body, which no string decodes to more than).
struct Filled<'a> {
    out: &'a mut [u8],
    written: usize,
}

impl Filled<'_> {
    fn put(&mut self, byte: u8) {
        if let Some(slot) = self.out.get_mut(self.written) {
            *slot = byte;
            self.written += 1;
        }
    }
}

/// A literal string's body (§7.3.4.2) → its bytes, written into `out` (as long as
/// the body: each step reads at least as many bytes as it writes); how many.
fn decode_literal(body: &[u8], out: &mut [u8]) -> usize {
    let mut out = Filled { out, written: 0 };
    let mut at = 0;
    while let Some(&first) = body.get(at) {
        if first != b'\\' && first != b'\r' {
            out.put(first);
            at += 1;
            continue;
        }
        // The writer's escape: a backslash and three octal digits, the first 0-3
        // (`\025`), tested as one little-endian word.
        let quad = body
            .get(at..at + 4)
            .and_then(|q| <[u8; 4]>::try_from(q).ok());
        if let Some(quad) = quad {
            let word = u32::from_le_bytes(quad);
            if word & 0xF8F8_FCFF == 0x3030_305C {
                // The digits' low bits: 2 of the first, 3 of each other.
                let (a, b, c) = (word >> 8 & 3, word >> 16 & 7, word >> 24 & 7);
                out.put((a << 6 | b << 3 | c) as u8);
                at += 4;
                continue;
            }
        }
        match body.get(at + 1) {
            Some(&e @ (b'n' | b'r' | b't' | b'b' | b'f' | b'(' | b')' | b'\\'))
                if first == b'\\' =>
            {
                out.put(match e {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'b' => 0x08,
                    b'f' => 0x0C,
                    other => other,
                });
                at += 2;
            }
            // Any other escape or end of line the general way, one at a time.
            _ => {
                let mut one = Literal { body, at };
                if let Some(byte) = one.next_byte() {
                    out.put(byte);
                }
                at = one.at.max(at + 1);
            }
        }
    }
    out.written
}

/// A hex string's body (§7.3.4.3) → its bytes, written into `out` (at least half
/// as long as the body, rounded up); how many. White space (and anything else)
/// between digits is skipped; an odd final digit is followed by an implied 0. (A
/// CMap is mostly hex strings, two to eight digits each.)
fn decode_hex(body: &[u8], out: &mut [u8]) -> usize {
    let mut out = Filled { out, written: 0 };
    // Two digits at a time while nothing stands between them (a writer's strings,
    // a glyph's four digits): a table look-up each, no state between bytes.
    let mut at = 0;
    while let [h, l, ..] = body[at..] {
        let (h, l) = (HEX_DIGIT[usize::from(h)], HEX_DIGIT[usize::from(l)]);
        if (h | l) > 0xF {
            break;
        }
        out.put(h << 4 | l);
        at += 2;
    }
    let mut high = None;
    for &b in &body[at..] {
        let nibble = HEX_DIGIT[usize::from(b)];
        if nibble > 0xF {
            continue;
        }
        match high.take() {
            None => high = Some(nibble),
            Some(high) => out.put(high << 4 | nibble),
        }
    }
    if let Some(high) = high {
        out.put(high << 4);
    }
    out.written
}

/// Each byte's value as a hex digit; [`NOT_HEX`] for the other bytes.
static HEX_DIGIT: [u8; 256] = {
    let mut table = [NOT_HEX; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            d @ b'0'..=b'9' => d - b'0',
            d @ b'a'..=b'f' => d - b'a' + 10,
            d @ b'A'..=b'F' => d - b'A' + 10,
            _ => NOT_HEX,
        };
        b += 1;
    }
    table
};
const NOT_HEX: u8 = 0xFF;

/// A literal string's body (§7.3.4.2) read from `at`, one escape or end of line
/// at a time: what [`decode_literal`] leaves to the general case.
struct Literal<'a> {
    body: &'a [u8],
    at: usize,
}

impl Literal<'_> {
    /// The next byte the string stands for.
    fn next_byte(&mut self) -> Option<u8> {
        let body = self.body;
        loop {
            let &b = body.get(self.at)?;
            self.at += 1;
            if b == b'\r' {
                // An end of line in a literal string reads as one LF.
                if body.get(self.at) == Some(&b'\n') {
                    self.at += 1;
                }
                return Some(b'\n');
            }
            if b != b'\\' {
                return Some(b);
            }
            let &e = body.get(self.at)?;
            self.at += 1;
            return Some(match e {
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'b' => 0x08,
                b'f' => 0x0C,
                b'0'..=b'7' => {
                    let mut value = u32::from(e - b'0');
                    for _ in 0..2 {
                        match body.get(self.at) {
                            Some(&d @ b'0'..=b'7') => {
                                value = value * 8 + u32::from(d - b'0');
                                self.at += 1;
                            }
                            _ => break,
                        }
                    }
                    // High-order overflow is ignored.
                    (value & 0xFF) as u8
                }
                // A backslash before an end of line continues the string.
                b'\r' => {
                    if body.get(self.at) == Some(&b'\n') {
                        self.at += 1;
                    }
                    continue;
                }
                b'\n' => continue,
                other => other,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_escapes() {
        let literal = |body: &'static [u8]| RawStr { body, hex: false }.decode();
        assert_eq!(literal(b"a\\101\\n(b)\\\\"), b"aA\n(b)\\");
        assert_eq!(literal(b"a\\\r\nb\r\nc\\\nd\\0612\\"), b"ab\ncd12");
        // Three octal digits (the first 0-3 fits a byte), fewer, and more.
        assert_eq!(
            literal(b"\\000\\377\\7\\1234\\477"),
            [0, 0xFF, 7, 0o123, b'4', 0o77]
        );
        let hex = |body: &'static [u8]| RawStr { body, hex: true }.decode();
        assert_eq!(hex(b"4 1a\n4"), [0x41, 0xA4]);
        assert_eq!(hex(b"fE\tFf g7"), [0xFE, 0xFF, 0x70]);
        assert_eq!(hex(b""), b"");
    }
}
