//! Content stream syntax (ISO 32000-1 §7.8.2, §7.3): operands followed by their
//! operator. Borrows from the decoded stream and allocates only for arrays and
//! dictionaries, because a leaflet's pages hold thousands of `TJ` operations.

/// A string operand as written: literal `( … )` with its escapes, or hex `< … >`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawStr<'a> {
    /// The bytes between the delimiters, escapes still in place.
    pub body: &'a [u8],
    pub hex: bool,
}

impl<'a> RawStr<'a> {
    /// The string's bytes, decoded one at a time as they are read (a page shows
    /// thousands of strings: none of them is copied out first).
    pub fn bytes(&self) -> Decoded<'a> {
        Decoded {
            body: self.body,
            at: 0,
            hex: self.hex,
        }
    }

    /// The string's bytes, appended to `out`.
    pub fn decode_into(&self, out: &mut Vec<u8>) {
        out.extend(self.bytes());
    }

    /// The string's bytes.
    pub fn decode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len());
        self.decode_into(&mut out);
        out
    }
}

/// One operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    /// A number as written: most (colours, rectangles) are never looked at, so they
    /// are parsed only when asked for ([`Operand::number`]).
    Number(&'a [u8]),
    Name(&'a [u8]),
    Str(RawStr<'a>),
    Array(Vec<Operand<'a>>),
    Dict(Vec<(&'a [u8], Operand<'a>)>),
    /// `true`, `false`, `null`: nothing this reader needs.
    Keyword,
}

impl<'a> Operand<'a> {
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(parse_number(n)),
            _ => None,
        }
    }

    pub fn name(&self) -> Option<&'a [u8]> {
        match self {
            Operand::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The value of `key` in a dictionary operand.
    pub fn get(&self, key: &[u8]) -> Option<&Operand<'a>> {
        match self {
            Operand::Dict(pairs) => pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// What the lexer found next.
enum Token<'a> {
    Operand(Operand<'a>),
    Operator(&'a [u8]),
    ArrayEnd,
    DictEnd,
}

/// Reads a content stream operation by operation.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

/// Arrays and dictionaries nest no deeper than this (a guard against hostile input).
const MAX_DEPTH: usize = 32;
/// An operation, array or dictionary keeps at most this many operands; the rest
/// are read and dropped (no operator takes more; a long `TJ` line has hundreds).
const MAX_OPERANDS: usize = 1 << 16;

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    /// A lexer reading `data` from byte `pos` (for objects inside a whole file).
    pub fn at(data: &'a [u8], pos: usize) -> Self {
        Lexer {
            data,
            pos: pos.min(data.len()),
        }
    }

    /// The byte offset reached.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Goes back (or on) to byte `pos`.
    pub fn set_position(&mut self, pos: usize) {
        self.pos = pos.min(self.data.len());
    }

    /// The next byte, not consumed.
    pub fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// The data from the position reached on.
    pub fn rest(&self) -> &'a [u8] {
        &self.data[self.pos..]
    }

    /// Moves `n` bytes on (no further than the end).
    pub fn advance(&mut self, n: usize) {
        self.pos = self.pos.saturating_add(n).min(self.data.len());
    }

    /// The next operator with its operands (in `operands`, cleared first), or None
    /// at the end. The binary data of an inline image (`BI … ID data EI`) is
    /// skipped: the operator `ID` is returned for it.
    pub fn next_operation(&mut self, operands: &mut Vec<Operand<'a>>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            match self.token(0)? {
                Token::Operand(o) if operands.len() < MAX_OPERANDS => operands.push(o),
                Token::Operand(_) => {}
                Token::Operator(op) => {
                    if op == b"ID" {
                        self.skip_inline_image();
                    }
                    return Some(op);
                }
                // A stray `]` or `>>`: not an operand, ignored.
                Token::ArrayEnd | Token::DictEnd => {}
            }
        }
    }

    fn token(&mut self, depth: usize) -> Option<Token<'a>> {
        loop {
            self.skip_space();
            let c = *self.data.get(self.pos)?;
            if CLASS[usize::from(c)] == REGULAR {
                let run = self.regular_run();
                return Some(match c {
                    b'0'..=b'9' | b'+' | b'-' | b'.' => Token::Operand(Operand::Number(run)),
                    _ => match run {
                        b"true" | b"false" | b"null" => Token::Operand(Operand::Keyword),
                        run => Token::Operator(run),
                    },
                });
            }
            self.pos += 1;
            return Some(match c {
                b'/' => Token::Operand(Operand::Name(self.regular_run())),
                b'(' => Token::Operand(Operand::Str(self.literal())),
                b'<' if self.data.get(self.pos) == Some(&b'<') => {
                    self.pos += 1;
                    Token::Operand(self.dict(depth))
                }
                b'<' => Token::Operand(Operand::Str(self.hex())),
                b'>' => {
                    if self.data.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                    }
                    Token::DictEnd
                }
                b'[' => Token::Operand(self.array(depth)),
                b']' => Token::ArrayEnd,
                // Braces only appear in PostScript calculator functions, never in content.
                b'{' | b'}' => Token::Operand(Operand::Keyword),
                // A stray `)`: no meaning here, skipped.
                _ => continue,
            });
        }
    }

    /// The body of a hex string; the opening `<` is consumed.
    pub fn hex(&mut self) -> RawStr<'a> {
        let start = self.pos;
        while self.data.get(self.pos).is_some_and(|&b| b != b'>') {
            self.pos += 1;
        }
        let body = &self.data[start..self.pos];
        self.pos = (self.pos + 1).min(self.data.len());
        RawStr { body, hex: true }
    }

    fn array(&mut self, depth: usize) -> Operand<'a> {
        let mut items = Vec::new();
        if depth >= MAX_DEPTH {
            return Operand::Array(items);
        }
        loop {
            match self.token(depth + 1) {
                Some(Token::Operand(o)) if items.len() < MAX_OPERANDS => items.push(o),
                Some(Token::Operand(_)) => {}
                // An operator inside an array is malformed; end the array there.
                Some(Token::Operator(_)) | Some(Token::ArrayEnd) | None => break,
                Some(Token::DictEnd) => {}
            }
        }
        Operand::Array(items)
    }

    fn dict(&mut self, depth: usize) -> Operand<'a> {
        let mut pairs = Vec::new();
        if depth >= MAX_DEPTH {
            return Operand::Dict(pairs);
        }
        loop {
            let key = match self.token(depth + 1) {
                Some(Token::Operand(Operand::Name(k))) => k,
                Some(Token::Operand(_)) | Some(Token::ArrayEnd) => continue,
                Some(Token::DictEnd) | Some(Token::Operator(_)) | None => break,
            };
            match self.token(depth + 1) {
                Some(Token::Operand(v)) if pairs.len() < MAX_OPERANDS => pairs.push((key, v)),
                Some(Token::Operand(_)) => {}
                _ => break,
            }
        }
        Operand::Dict(pairs)
    }

    /// The body of a literal string; the opening `(` is consumed. Parentheses
    /// nest unless escaped. A byte at a time: the writer's strings are mostly
    /// escapes (`\000\025`), so searching for the next special byte gains nothing.
    pub fn literal(&mut self) -> RawStr<'a> {
        let start = self.pos;
        let data = self.data;
        let mut level = 1usize;
        let mut i = start;
        while i < data.len() {
            match data[i] {
                b'\\' => i += 2,
                b'(' => {
                    level += 1;
                    i += 1;
                }
                b')' => {
                    level -= 1;
                    if level == 0 {
                        self.pos = i + 1;
                        return RawStr {
                            body: &data[start..i],
                            hex: false,
                        };
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        self.pos = data.len();
        RawStr {
            body: &data[start.min(self.pos)..],
            hex: false,
        }
    }

    /// Regular characters up to the next white-space or delimiter.
    #[inline]
    pub fn regular_run(&mut self) -> &'a [u8] {
        let data = self.data;
        let start = self.pos;
        let mut end = start;
        while end < data.len() && CLASS[usize::from(data[end])] == REGULAR {
            end += 1;
        }
        self.pos = end;
        &data[start..end]
    }

    #[inline]
    pub fn skip_space(&mut self) {
        let data = self.data;
        let mut pos = self.pos;
        while pos < data.len() {
            match data[pos] {
                b if CLASS[usize::from(b)] == SPACE => pos += 1,
                // A comment runs to the end of its line.
                b'%' => {
                    while pos < data.len() && !matches!(data[pos], b'\n' | b'\r') {
                        pos += 1;
                    }
                }
                _ => break,
            }
        }
        self.pos = pos;
    }

    /// After `ID`: one white-space byte, the data, then `EI` standing alone.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        while self.pos < self.data.len() {
            let at_ei = self.data[self.pos..].starts_with(b"EI")
                && self.pos > 0
                && is_space(self.data[self.pos - 1])
                && self.data.get(self.pos + 2).is_none_or(|&b| is_space(b));
            if at_ei {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
    }
}

const REGULAR: u8 = 0;
const SPACE: u8 = 1;
const DELIMITER: u8 = 2;

/// Each byte's class (§7.2.2), looked up rather than matched: the lexer's inner
/// loops test every byte of the stream.
static CLASS: [u8; 256] = {
    let mut table = [REGULAR; 256];
    let spaces = b" \n\r\t\x0C\0";
    let mut i = 0;
    while i < spaces.len() {
        table[spaces[i] as usize] = SPACE;
        i += 1;
    }
    let delimiters = b"()<>[]{}/%";
    let mut i = 0;
    while i < delimiters.len() {
        table[delimiters[i] as usize] = DELIMITER;
        i += 1;
    }
    table
};

pub fn is_space(b: u8) -> bool {
    CLASS[usize::from(b)] == SPACE
}

/// A PDF number (§7.3.3: sign, digits, at most one point, no exponent); what is
/// malformed reads as far as it is well formed, as viewers do. Written out by hand
/// because content streams are mostly numbers and `str::parse` is several times
/// slower.
pub fn parse_number(run: &[u8]) -> f32 {
    let (negative, digits) = match run.first() {
        Some(b'-') => (true, &run[1..]),
        Some(b'+') => (false, &run[1..]),
        _ => (false, run),
    };
    let mut value = 0f64;
    let mut scale = 0f64;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                let digit = f64::from(b - b'0');
                if scale == 0.0 {
                    value = value * 10.0 + digit;
                } else {
                    value += digit * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => break,
        }
    }
    let value = if negative { -value } else { value };
    value as f32
}

/// A string's bytes with its escapes (literal, §7.3.4.2) or hex digits (§7.3.4.3)
/// decoded.
pub struct Decoded<'a> {
    body: &'a [u8],
    at: usize,
    hex: bool,
}

impl Iterator for Decoded<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        if self.hex {
            self.next_hex()
        } else {
            self.next_literal()
        }
    }
}

impl Decoded<'_> {
    fn nibble(&mut self) -> Option<u8> {
        while let Some(&b) = self.body.get(self.at) {
            self.at += 1;
            match b {
                b'0'..=b'9' => return Some(b - b'0'),
                b'a'..=b'f' => return Some(b - b'a' + 10),
                b'A'..=b'F' => return Some(b - b'A' + 10),
                // White space (and anything else) between digits is skipped.
                _ => {}
            }
        }
        None
    }

    fn next_hex(&mut self) -> Option<u8> {
        let high = self.nibble()?;
        // An odd final digit is followed by an implied 0.
        Some(high << 4 | self.nibble().unwrap_or(0))
    }

    fn next_literal(&mut self) -> Option<u8> {
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

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(data);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lexer.next_operation(&mut operands) {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.clone()));
        }
        out
    }

    #[test]
    fn operations_with_strings_arrays_and_dicts() {
        let data = b"/P <</MCID 3>> BDC [(a\\)b) -20 <00410042>] TJ EMC % comment\nBT";
        let got = ops(data);
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BDC", "TJ", "EMC", "BT"]);
        assert_eq!(
            got[0].1[1].get(b"MCID").and_then(Operand::number),
            Some(3.0)
        );
        let Operand::Array(items) = &got[1].1[0] else {
            panic!("TJ takes an array")
        };
        let Operand::Str(s) = &items[0] else {
            panic!("a string")
        };
        assert_eq!(s.decode(), b"a)b");
        let Operand::Str(h) = &items[2] else {
            panic!("a hex string")
        };
        assert_eq!(h.decode(), [0x00, 0x41, 0x00, 0x42]);
    }

    #[test]
    fn numbers() {
        for (text, value) in [
            ("12", 12.0),
            ("-3.5", -3.5),
            ("+.25", 0.25),
            ("4.", 4.0),
            ("-.002", -0.002),
            ("0.1.2", 0.1),
            ("--1", 0.0),
        ] {
            assert!(
                (parse_number(text.as_bytes()) - value).abs() < 1e-6,
                "{text}"
            );
        }
    }

    #[test]
    fn literal_escapes() {
        let literal = |body: &'static [u8]| RawStr { body, hex: false }.decode();
        assert_eq!(literal(b"a\\101\\n(b)\\\\"), b"aA\n(b)\\");
        assert_eq!(literal(b"a\\\r\nb\r\nc\\\nd\\0612\\"), b"ab\ncd12");
        let hex = |body: &'static [u8]| RawStr { body, hex: true }.decode();
        assert_eq!(hex(b"4 1a\n4"), [0x41, 0xA4]);
        assert_eq!(hex(b""), b"");
    }

    #[test]
    fn inline_image_data_is_skipped() {
        let data = b"BI /W 1 /H 1 ID \x00EI(\xFF EI Q";
        let names: Vec<String> = ops(data).into_iter().map(|(op, _)| op).collect();
        assert_eq!(names, ["BI", "ID", "Q"]);
    }
}
