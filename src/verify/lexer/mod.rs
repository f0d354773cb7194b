//! PDF syntax at the byte level (ISO 32000-1 §7.2, §7.3): white space and
//! comments, runs of regular characters, strings and numbers. Content streams and
//! CMaps are read operation by operation (`operation.rs`), the file's objects by
//! `verify::file`; both borrow from the bytes and allocate nothing per token.

mod operation;
mod strings;

pub use operation::{Operand, Operands};
pub use strings::RawStr;

/// Reads PDF syntax from `data`, a token at a time.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// The arrays and dictionaries open in the operation being read.
    open: Vec<operation::Open>,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer::at(data, 0)
    }

    /// A lexer reading `data` from byte `pos` (for objects inside a whole file).
    pub fn at(data: &'a [u8], pos: usize) -> Self {
        Lexer {
            data,
            pos: pos.min(data.len()),
            open: Vec::new(),
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

    /// The body of a hex string; the opening `<` is consumed.
    pub fn hex(&mut self) -> RawStr<'a> {
        let start = self.pos;
        // memchr: a page's text is mostly hex strings, four digits a glyph.
        self.pos = memchr::memchr(b'>', &self.data[start..]).map_or(self.data.len(), |n| start + n);
        let body = &self.data[start..self.pos];
        self.pos = (self.pos + 1).min(self.data.len());
        RawStr { body, hex: true }
    }

    /// The body of a literal string; the opening `(` is consumed. Parentheses
    /// nest unless escaped. Only parentheses are searched for (memchr), and one is
    /// escaped when an odd run of backslashes stands before it: the writer's
    /// strings are mostly escapes (`\000\025`), which a byte-by-byte scan pays for.
    pub fn literal(&mut self) -> RawStr<'a> {
        let start = self.pos;
        let data = self.data;
        let mut level = 1usize;
        let mut from = start;
        while let Some(found) = memchr::memchr2(b'(', b')', &data[from..]) {
            let at = from + found;
            from = at + 1;
            let backslashes = data[start..at]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count();
            if backslashes % 2 == 1 {
                continue;
            }
            if data[at] == b'(' {
                level += 1;
                continue;
            }
            level -= 1;
            if level == 0 {
                self.pos = at + 1;
                return RawStr {
                    body: &data[start..at],
                    hex: false,
                };
            }
        }
        self.pos = data.len();
        RawStr {
            body: &data[start..],
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

pub(super) const REGULAR: u8 = 0;
const SPACE: u8 = 1;
const DELIMITER: u8 = 2;

/// Each byte's class (§7.2.2), looked up rather than matched: the lexer's inner
/// loops test every byte of the stream.
pub(super) static CLASS: [u8; 256] = {
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
#[inline]
pub fn parse_number(run: &[u8]) -> f32 {
    // One digit: most numbers of a text matrix (`1 0 0 1 x y Tm`).
    if let &[d @ b'0'..=b'9'] = run {
        return f32::from(d - b'0');
    }
    let (negative, digits) = match run.first() {
        Some(b'-') => (true, &run[1..]),
        Some(b'+') => (false, &run[1..]),
        _ => (false, run),
    };
    let value = quick_value(digits).unwrap_or_else(|| slow_value(digits));
    let value = if negative { -value } else { value };
    value as f32
}

/// How the value of a number's digits was always computed: whole digits times ten,
/// then each decimal times a scale divided by ten at each step.
fn slow_value(digits: &[u8]) -> f64 {
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
    value
}

/// The scales [`slow_value`] reaches, one for each decimal, computed as it computes
/// them.
const SCALES: [f64; 16] = {
    let mut scales = [0.0; 16];
    let mut scale = 0.1;
    let mut i = 0;
    while i < scales.len() {
        scales[i] = scale;
        scale /= 10.0;
        i += 1;
    }
    scales
};

/// [`slow_value`] to the bit, for numbers of at most 15 whole digits and 16
/// decimals (every number a writer writes): the whole digits are summed as an
/// integer, which is what the floating-point sum is below 2^53, and each decimal
/// is added as the slow loop adds it, with the scale it would have divided its way
/// to. It takes half the instructions (no division, no test of the scale a digit).
/// None for anything longer.
#[inline]
fn quick_value(digits: &[u8]) -> Option<f64> {
    let mut whole = 0u64;
    let mut at = 0;
    while let Some(&b) = digits.get(at) {
        if !b.is_ascii_digit() {
            break;
        }
        if at == 15 {
            return None;
        }
        whole = whole * 10 + u64::from(b - b'0');
        at += 1;
    }
    let mut value = whole as f64;
    if digits.get(at) != Some(&b'.') {
        return Some(value);
    }
    for (&scale, &b) in SCALES.iter().zip(&digits[at + 1..]) {
        if !b.is_ascii_digit() {
            return Some(value);
        }
        value += f64::from(b - b'0') * scale;
    }
    // Past the table: as long as the slow loop would still be reading decimals.
    match digits.get(at + 1 + SCALES.len()) {
        Some(b) if b.is_ascii_digit() => None,
        _ => Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_strings_end_at_their_unescaped_closing_parenthesis() {
        for (data, body, rest) in [
            (&br"a)b"[..], &br"a"[..], &br"b"[..]),
            (br"a(b)c)d", br"a(b)c", br"d"),
            (br"\))", br"\)", br""),
            (br"\\))", br"\\", br")"),
            (br"\\\))", br"\\\)", br""),
            (br"\(()x", br"\(()x", br""),
            (br"\000\025\()", br"\000\025\(", br""),
            (br"\", br"\", br""),
        ] {
            let mut lexer = Lexer::new(data);
            let got = lexer.literal();
            assert_eq!(got.body, body, "{:?}", String::from_utf8_lossy(data));
            assert_eq!(lexer.rest(), rest, "{:?}", String::from_utf8_lossy(data));
        }
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

    /// The quick path gives the slow loop's value to the bit, for numbers as the
    /// writer writes them and for malformed and overlong ones.
    #[test]
    fn quick_numbers_are_the_slow_ones() {
        let mut cases: Vec<String> = [
            "0",
            "1",
            "-1",
            "12.5",
            "70.866",
            "768.83",
            "0.122",
            ".5",
            "5.",
            "1.2.3",
            "1..2",
            "12a",
            "a",
            "",
            "-",
            "+.",
            "123456789012345",
            "1234567890123456",
            "99999999999999999999",
            "0.1234567890123456",
            "0.12345678901234567",
            "0.123456789012345678",
            "1.0000000000000001",
            "3.14159265358979323846",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut state = 7u64;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let whole = (state >> 40) % 100_000;
            let decimals = (state >> 20) % 1_000_000;
            let places = (state % 7) as usize;
            cases.push(format!("{whole}.{decimals:0places$}"));
        }
        for case in &cases {
            let digits = case.trim_start_matches(['-', '+']).as_bytes();
            if let Some(quick) = quick_value(digits) {
                assert_eq!(quick.to_bits(), slow_value(digits).to_bits(), "{case}");
            }
        }
        assert!(quick_value(b"1234567890123456").is_none());
        assert!(quick_value(b"0.12345678901234567").is_none());
    }

    #[test]
    fn inline_image_data_is_skipped() {
        let data = b"BI /W 1 /H 1 ID \x00EI(\xFF EI Q";
        let names: Vec<String> = operation::tests::ops(data)
            .into_iter()
            .map(|(op, _)| op)
            .collect();
        assert_eq!(names, ["BI", "ID", "Q"]);
    }
}
