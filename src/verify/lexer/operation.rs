//! Content stream operations (ISO 32000-1 §7.8.2): operands followed by their
//! operator. A leaflet's pages hold thousands of operations; their operands go
//! into one buffer the caller keeps, arrays and dictionaries flattened into it (an
//! entry that opens one says how many entries follow inside it), so reading an
//! operation allocates nothing and dropping its operands costs nothing.

use super::{Lexer, RawStr, CLASS, REGULAR};

/// Arrays and dictionaries nest no deeper than this (a guard against hostile
/// input): a deeper one reads as empty, and what it held as its parent's.
const MAX_DEPTH: usize = 32;
/// An operation keeps at most this many entries; the rest are read and dropped
/// (no operator takes more; a long `TJ` line has hundreds).
const MAX_OPERANDS: usize = 1 << 16;

/// One entry of an operation's operands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand<'a> {
    /// A number as written: most (colours, rectangles) are never looked at, so
    /// they are parsed only when asked for.
    Number(&'a [u8]),
    Name(&'a [u8]),
    Str(RawStr<'a>),
    /// An array whose items are the next this many entries (nested ones counted
    /// with everything they hold).
    Array(u32),
    /// A dictionary: the next this many entries, key and value in turn.
    Dict(u32),
    /// `true`, `false`, `null`: nothing this reader needs.
    Keyword,
}

impl Operand<'_> {
    /// How many entries after this one belong to it.
    fn span(&self) -> usize {
        match self {
            Operand::Array(n) | Operand::Dict(n) => *n as usize,
            _ => 0,
        }
    }
}

/// An operand in an operation's buffer: itself and, for an array or dictionary,
/// what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Operands<'s, 'a> {
    entries: &'s [Operand<'a>],
}

impl<'s, 'a> Operands<'s, 'a> {
    /// The operation's operands (the buffer [`Lexer::next_operation`] filled).
    pub fn of(entries: &'s [Operand<'a>]) -> Self {
        Operands { entries }
    }

    /// The `index`th operand (arrays and dictionaries count as one).
    pub fn get(&self, index: usize) -> Option<Operands<'s, 'a>> {
        self.iter().nth(index)
    }

    pub fn first(&self) -> Option<Operands<'s, 'a>> {
        self.get(0)
    }

    /// The operands one after the other.
    pub fn iter(&self) -> impl Iterator<Item = Operands<'s, 'a>> {
        let entries = self.entries;
        let mut at = 0;
        std::iter::from_fn(move || {
            let first = entries.get(at)?;
            let end = (at + 1 + first.span()).min(entries.len());
            let item = Operands {
                entries: &entries[at..end],
            };
            at = end;
            Some(item)
        })
    }

    /// How many operands there are.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// The first `N` operands as numbers (0 for one that is not a number or
    /// is missing), read in one pass.
    pub fn numbers<const N: usize>(&self) -> [f32; N] {
        let mut out = [0.0; N];
        // Entry by entry while none holds others (`cm` and `Tm` as written).
        for (slot, entry) in out.iter_mut().zip(self.entries) {
            match entry {
                Operand::Number(n) => *slot = super::parse_number(n),
                Operand::Array(_) | Operand::Dict(_) => {
                    for (slot, operand) in out.iter_mut().zip(self.iter()) {
                        *slot = operand.number().unwrap_or(0.0);
                    }
                    return out;
                }
                _ => *slot = 0.0,
            }
        }
        out
    }

    /// This operand's entry (the first, for a list of them).
    pub fn operand(&self) -> Option<&'s Operand<'a>> {
        self.entries.first()
    }

    pub fn number(&self) -> Option<f32> {
        match self.operand()? {
            Operand::Number(n) => Some(super::parse_number(n)),
            _ => None,
        }
    }

    pub fn name(&self) -> Option<&'a [u8]> {
        match self.operand()? {
            Operand::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn string(&self) -> Option<RawStr<'a>> {
        match self.operand()? {
            Operand::Str(s) => Some(*s),
            _ => None,
        }
    }

    /// An array's items; None for anything else.
    pub fn items(&self) -> Option<Operands<'s, 'a>> {
        match self.operand()? {
            Operand::Array(_) => Some(Operands {
                entries: &self.entries[1..],
            }),
            _ => None,
        }
    }

    /// The value of `key` in a dictionary operand.
    pub fn get_key(&self, key: &[u8]) -> Option<Operands<'s, 'a>> {
        let Operand::Dict(_) = self.operand()? else {
            return None;
        };
        let mut pairs = Operands {
            entries: &self.entries[1..],
        }
        .iter();
        while let (Some(k), Some(v)) = (pairs.next(), pairs.next()) {
            if k.name() == Some(key) {
                return Some(v);
            }
        }
        None
    }
}

/// An array or dictionary being read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Open {
    /// Where its entry is in the buffer; None when it is not kept (past
    /// [`MAX_OPERANDS`]).
    at: Option<usize>,
    dict: bool,
    /// A dictionary that has read a key and waits for its value; the key's entry,
    /// if kept.
    awaiting_value: Option<Option<usize>>,
    /// It stands where a dictionary wants a key: it is read, then dropped.
    dropped: bool,
}

impl<'a> Lexer<'a> {
    /// The next operator with its operands (in `operands`, cleared first, read with
    /// [`Operands::of`]), or None at the end. The binary data of an inline image
    /// (`BI … ID data EI`) is skipped: the operator `ID` is returned for it.
    ///
    /// Malformed content reads as viewers read it: an operator inside an array or
    /// dictionary ends the innermost one (and is dropped), a stray `]`, `>>` or `)`
    /// is skipped, a dictionary drops what is not a name where it wants a key and
    /// ends where it wants a value and finds none.
    pub fn next_operation(&mut self, operands: &mut Vec<Operand<'a>>) -> Option<&'a [u8]> {
        operands.clear();
        self.open.clear();
        loop {
            self.skip_space();
            let c = *self.data.get(self.pos)?;
            let operand = if CLASS[usize::from(c)] == REGULAR {
                let run = self.regular_run();
                match c {
                    b'0'..=b'9' | b'+' | b'-' | b'.' => Operand::Number(run),
                    _ => match run {
                        b"true" | b"false" | b"null" => Operand::Keyword,
                        op if self.open.is_empty() => {
                            if op == b"ID" {
                                self.skip_inline_image();
                            }
                            return Some(op);
                        }
                        _ => {
                            self.close(operands);
                            continue;
                        }
                    },
                }
            } else {
                self.pos += 1;
                match c {
                    b'/' => Operand::Name(self.regular_run()),
                    b'(' => Operand::Str(self.literal()),
                    b'<' if self.data.get(self.pos) == Some(&b'<') => {
                        self.pos += 1;
                        self.open_one(operands, true);
                        continue;
                    }
                    b'<' => Operand::Str(self.hex()),
                    b'>' => {
                        if self.data.get(self.pos) == Some(&b'>') {
                            self.pos += 1;
                        }
                        if self.open.last().is_some_and(|o| o.dict) {
                            self.close(operands);
                        }
                        continue;
                    }
                    b'[' => {
                        self.open_one(operands, false);
                        continue;
                    }
                    b']' => {
                        match self.open.last() {
                            Some(o) if !o.dict => self.close(operands),
                            // A dictionary waiting for a value ends; one
                            // waiting for a key skips it.
                            Some(o) if o.awaiting_value.is_some() => self.close(operands),
                            _ => {}
                        }
                        continue;
                    }
                    // Braces only appear in PostScript calculator functions.
                    b'{' | b'}' => Operand::Keyword,
                    // A stray `)`: no meaning here.
                    _ => continue,
                }
            };
            self.add(operands, operand);
        }
    }

    /// Whether an entry added now is kept.
    fn keeps(&self, operands: &[Operand<'a>]) -> bool {
        operands.len() < MAX_OPERANDS && self.open.last().is_none_or(|o| o.at.is_some())
    }

    /// A number, name, string or keyword (or an array or dictionary nested too
    /// deep, read as empty) in its place.
    fn add(&mut self, operands: &mut Vec<Operand<'a>>, operand: Operand<'a>) {
        let keep = self.keeps(operands);
        let Some(innermost) = self.open.last_mut() else {
            if keep {
                operands.push(operand);
            }
            return;
        };
        if !innermost.dict {
            if keep {
                operands.push(operand);
            }
            return;
        }
        match innermost.awaiting_value {
            None => {
                if let Operand::Name(_) = operand {
                    innermost.awaiting_value = Some(keep.then_some(operands.len()));
                    if keep {
                        operands.push(operand);
                    }
                }
            }
            Some(key) => {
                innermost.awaiting_value = None;
                if keep {
                    operands.push(operand);
                } else if let Some(key) = key {
                    // A value not kept: nor is its key.
                    operands.truncate(key);
                }
            }
        }
    }

    /// `[` or `<<`.
    fn open_one(&mut self, operands: &mut Vec<Operand<'a>>, dict: bool) {
        if self.open.len() >= MAX_DEPTH {
            let empty = if dict {
                Operand::Dict(0)
            } else {
                Operand::Array(0)
            };
            self.add(operands, empty);
            return;
        }
        let dropped = self
            .open
            .last()
            .is_some_and(|o| o.dict && o.awaiting_value.is_none());
        let at = self.keeps(operands).then(|| {
            operands.push(if dict {
                Operand::Dict(0)
            } else {
                Operand::Array(0)
            });
            operands.len() - 1
        });
        self.open.push(Open {
            at,
            dict,
            awaiting_value: None,
            dropped,
        });
    }

    /// The innermost array or dictionary ends.
    fn close(&mut self, operands: &mut Vec<Operand<'a>>) {
        let Some(closed) = self.open.pop() else {
            return;
        };
        if let Some(Some(key)) = closed.awaiting_value {
            // A key without its value.
            operands.truncate(key);
        }
        let Some(at) = closed.at else {
            // Not kept: its parent dictionary, if any, has its value all the same.
            self.settle_parent(operands, None);
            return;
        };
        if closed.dropped {
            operands.truncate(at);
            return;
        }
        let span = (operands.len() - at - 1) as u32;
        operands[at] = if closed.dict {
            Operand::Dict(span)
        } else {
            Operand::Array(span)
        };
        self.settle_parent(operands, Some(at));
    }

    /// An array or dictionary (kept at `at`, or not) was a value of the innermost
    /// dictionary, if that is what holds it.
    fn settle_parent(&mut self, operands: &mut Vec<Operand<'a>>, at: Option<usize>) {
        let Some(parent) = self.open.last_mut() else {
            return;
        };
        if !parent.dict {
            return;
        }
        if let Some(key) = parent.awaiting_value.take() {
            if let (None, Some(key)) = (at, key) {
                operands.truncate(key);
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
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
        let bdc = Operands::of(&got[0].1);
        assert_eq!(bdc.len(), 2);
        assert_eq!(bdc.first().and_then(|o| o.name()), Some(&b"P"[..]));
        let mcid = bdc.get(1).and_then(|d| d.get_key(b"MCID"));
        assert_eq!(mcid.and_then(|n| n.number()), Some(3.0));
        let tj = Operands::of(&got[1].1);
        let items = tj
            .first()
            .and_then(|a| a.items())
            .expect("TJ takes an array");
        let items: Vec<_> = items.iter().collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].string().map(|s| s.decode()), Some(b"a)b".to_vec()));
        assert_eq!(items[1].number(), Some(-20.0));
        assert_eq!(
            items[2].string().map(|s| s.decode()),
            Some(vec![0x00, 0x41, 0x00, 0x42])
        );
    }

    #[test]
    fn nested_and_malformed_arrays_and_dicts() {
        // Nested values; a number where a key belongs is dropped with the array
        // after it; a key left without a value at `>>` is dropped.
        let data = b"<</A [1 [2 3] <</B 4>>] 7 [/x] /C (s) /D /E /F>> [1 2] 5 op";
        let got = ops(data);
        assert_eq!(got.len(), 1);
        let all = Operands::of(&got[0].1);
        assert_eq!(all.len(), 3);
        let dict = all.first().expect("a dict");
        let pairs = dict.operand().map(|d| d.span());
        assert_eq!(
            pairs,
            Some(1 + 3 + 2 + 1 + 2 + 2 + 2),
            "A [1 [2 3] <<B 4>>] C (s) D E"
        );
        let a: Vec<_> = dict
            .get_key(b"A")
            .and_then(|a| a.items())
            .expect("A")
            .iter()
            .collect();
        assert_eq!(a.len(), 3);
        assert_eq!(a[1].items().map(|i| i.len()), Some(2));
        assert_eq!(a[2].get_key(b"B").and_then(|b| b.number()), Some(4.0));
        assert_eq!(
            dict.get_key(b"C")
                .and_then(|c| c.string())
                .map(|s| s.decode()),
            Some(b"s".to_vec())
        );
        assert_eq!(dict.get_key(b"D").and_then(|d| d.name()), Some(&b"E"[..]));
        assert_eq!(all.get(1).and_then(|a| a.items()).map(|i| i.len()), Some(2));
        assert_eq!(all.get(2).and_then(|n| n.number()), Some(5.0));

        // An operator inside an array ends it and is dropped; `]` ends a
        // dictionary that waits for a value; stray closers are skipped.
        let got = ops(b"[1 2 Tx 3 ] >> ) Tj <</K ] 9 BDC");
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["Tj", "BDC"]);
        let tj = Operands::of(&got[0].1);
        assert_eq!(tj.len(), 2);
        assert_eq!(tj.first().and_then(|a| a.items()).map(|i| i.len()), Some(2));
        let bdc = Operands::of(&got[1].1);
        assert_eq!(bdc.len(), 2);
        assert!(bdc.first().and_then(|d| d.get_key(b"K")).is_none());
        assert_eq!(bdc.get(1).and_then(|n| n.number()), Some(9.0));
    }

    #[test]
    fn numbers_are_read_in_one_pass_around_arrays_too() {
        let got = ops(b"1 2.5 -3 4 5 6 cm 1 [2] /x 4 Tm");
        assert_eq!(
            Operands::of(&got[0].1).numbers::<6>(),
            [1.0, 2.5, -3.0, 4.0, 5.0, 6.0]
        );
        assert_eq!(
            Operands::of(&got[1].1).numbers::<6>(),
            [1.0, 0.0, 0.0, 4.0, 0.0, 0.0]
        );
        assert_eq!(Operands::of(&got[1].1).numbers::<2>(), [1.0, 0.0]);
    }

    #[test]
    fn hostile_nesting_and_length_are_bounded() {
        let deep = "[".repeat(1000) + "(x)" + &"]".repeat(1000) + " TJ";
        let got = ops(deep.as_bytes());
        assert_eq!(got.len(), 1);
        assert!(got[0].1.len() <= 1000 + 1);
        let long = "1 ".repeat(MAX_OPERANDS + 10) + "[ " + &"2 ".repeat(10) + "] re";
        let got = ops(long.as_bytes());
        assert_eq!(got[0].0, "re");
        assert_eq!(got[0].1.len(), MAX_OPERANDS);
    }
}
