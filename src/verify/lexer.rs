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

impl RawStr<'_> {
    /// The string's bytes, appended to `out`.
    pub fn decode_into(&self, out: &mut Vec<u8>) {
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
            let start = self.pos;
            let &c = self.data.get(self.pos)?;
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
                b')' => continue,
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    self.pos = start;
                    Token::Operand(Operand::Number(self.regular_run()))
                }
                _ => {
                    self.pos = start;
                    match self.regular_run() {
                        b"true" | b"false" | b"null" => Token::Operand(Operand::Keyword),
                        run => Token::Operator(run),
                    }
                }
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
    /// nest unless escaped.
    pub fn literal(&mut self) -> RawStr<'a> {
        let start = self.pos;
        let mut level = 1usize;
        let mut i = start;
        while let Some(offset) = self.data[i..]
            .iter()
            .position(|&b| matches!(b, b'\\' | b'(' | b')'))
        {
            i += offset;
            match self.data[i] {
                b'\\' => i += 2,
                b'(' => {
                    level += 1;
                    i += 1;
                }
                _ => {
                    level -= 1;
                    if level == 0 {
                        self.pos = i + 1;
                        return RawStr {
                            body: &self.data[start..i],
                            hex: false,
                        };
                    }
                    i += 1;
                }
            }
            if i >= self.data.len() {
                break;
            }
        }
        self.pos = self.data.len();
        RawStr {
            body: &self.data[start.min(self.pos)..],
            hex: false,
        }
    }

    /// Regular characters up to the next white-space or delimiter.
    pub fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        let rest = &self.data[start..];
        let length = rest
            .iter()
            .position(|&b| CLASS[usize::from(b)] != REGULAR)
            .unwrap_or(rest.len());
        self.pos = start + length;
        &rest[..length]
    }

    pub fn skip_space(&mut self) {
        loop {
            let rest = &self.data[self.pos..];
            let spaces = rest
                .iter()
                .position(|&b| CLASS[usize::from(b)] != SPACE)
                .unwrap_or(rest.len());
            self.pos += spaces;
            if rest.get(spaces) != Some(&b'%') {
                return;
            }
            let comment = &self.data[self.pos..];
            self.pos += comment
                .iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .unwrap_or(comment.len());
        }
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

fn decode_hex(body: &[u8], out: &mut Vec<u8>) {
    let mut high: Option<u8> = None;
    for &b in body {
        let nibble = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match high.take() {
            Some(h) => out.push(h << 4 | nibble),
            None => high = Some(nibble),
        }
    }
    // An odd final digit is followed by an implied 0 (§7.3.4.3).
    if let Some(h) = high {
        out.push(h << 4);
    }
}

fn decode_literal(body: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        i += 1;
        if b == b'\r' {
            // An end of line in a literal string reads as one LF (§7.3.4.2).
            if body.get(i) == Some(&b'\n') {
                i += 1;
            }
            out.push(b'\n');
            continue;
        }
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&e) = body.get(i) else { break };
        i += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // High-order overflow is ignored (§7.3.4.2).
                out.push((value & 0xFF) as u8);
            }
            // A backslash before an end of line continues the string.
            b'\r' => {
                if body.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
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
        let mut out = Vec::new();
        decode_literal(b"a\\101\\n(b)\\\\", &mut out);
        assert_eq!(out, b"aA\n(b)\\");
    }

    #[test]
    fn inline_image_data_is_skipped() {
        let data = b"BI /W 1 /H 1 ID \x00EI(\xFF EI Q";
        let names: Vec<String> = ops(data).into_iter().map(|(op, _)| op).collect();
        assert_eq!(names, ["BI", "ID", "Q"]);
    }
}
