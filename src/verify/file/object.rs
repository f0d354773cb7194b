//! PDF objects (ISO 32000-1 §7.3) as the read-back needs them, borrowed from the
//! file's bytes: names, strings and stream data are slices of the file, decoded
//! only where they are read.

use crate::verify::lexer::{parse_number, Lexer, RawStr};
use std::borrow::Cow;

/// An object number and generation (`12 0 R`).
pub type Ref = (u32, u16);

/// Arrays and dictionaries nest no deeper than this (a guard against hostile input;
/// the writer's nest 3 deep).
const MAX_DEPTH: usize = 64;

/// One PDF object.
#[derive(Debug, Clone, PartialEq)]
pub enum Object<'a> {
    Null,
    Bool(bool),
    Integer(i64),
    Real(f64),
    /// A name without its slash, `#xx` escapes decoded.
    Name(Cow<'a, [u8]>),
    String(RawStr<'a>),
    Array(Vec<Object<'a>>),
    Dict(Dict<'a>),
    Stream(Stream<'a>),
    Ref(Ref),
}

/// A dictionary: its pairs in the order written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dict<'a> {
    pairs: Vec<(Cow<'a, [u8]>, Object<'a>)>,
}

/// A stream: its dictionary and its data as stored (still encoded).
#[derive(Debug, Clone, PartialEq)]
pub struct Stream<'a> {
    pub dict: Dict<'a>,
    pub data: &'a [u8],
}

impl<'a> Dict<'a> {
    /// The value of `key` (the last one where a key is written twice, as lopdf
    /// and most readers take it).
    pub fn get(&self, key: &[u8]) -> Option<&Object<'a>> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k.as_ref() == key)
            .map(|(_, v)| v)
    }

    pub fn has(&self, key: &[u8]) -> bool {
        self.get(key).is_some()
    }

    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &Object<'a>)> {
        self.pairs.iter().map(|(k, v)| (k.as_ref(), v))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

impl<'a> Object<'a> {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Object::Integer(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    /// A string's bytes, escapes decoded.
    pub fn as_str(&self) -> Option<Vec<u8>> {
        match self {
            Object::String(s) => Some(s.decode()),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&Dict<'a>> {
        match self {
            Object::Dict(d) => Some(d),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Object<'a>]> {
        match self {
            Object::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_stream(&self) -> Option<&Stream<'a>> {
        match self {
            Object::Stream(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_ref(&self) -> Option<Ref> {
        match self {
            Object::Ref(r) => Some(*r),
            _ => None,
        }
    }
}

/// The object at the lexer's position (a direct object: streams are told apart by
/// the caller, after the dictionary). None where it is malformed.
pub fn parse<'a>(lexer: &mut Lexer<'a>) -> Option<Object<'a>> {
    object(lexer, 0)
}

fn object<'a>(lexer: &mut Lexer<'a>, depth: usize) -> Option<Object<'a>> {
    lexer.skip_space();
    let c = lexer.peek()?;
    match c {
        b'/' => {
            lexer.advance(1);
            Some(Object::Name(name(lexer.regular_run())))
        }
        b'(' => {
            lexer.advance(1);
            Some(Object::String(lexer.literal()))
        }
        b'<' if lexer.rest().starts_with(b"<<") => {
            lexer.advance(2);
            dict(lexer, depth).map(Object::Dict)
        }
        b'<' => {
            lexer.advance(1);
            Some(Object::String(lexer.hex()))
        }
        b'[' => {
            lexer.advance(1);
            array(lexer, depth)
        }
        b'0'..=b'9' | b'+' | b'-' | b'.' => Some(number_or_ref(lexer)),
        _ => match lexer.regular_run() {
            b"true" => Some(Object::Bool(true)),
            b"false" => Some(Object::Bool(false)),
            b"null" => Some(Object::Null),
            // A delimiter out of place or a word that is no object.
            _ => None,
        },
    }
}

/// `<< … >>` after its opening `<<`.
pub fn dict<'a>(lexer: &mut Lexer<'a>, depth: usize) -> Option<Dict<'a>> {
    if depth >= MAX_DEPTH {
        return None;
    }
    let mut pairs = Vec::new();
    loop {
        lexer.skip_space();
        match lexer.peek()? {
            b'>' if lexer.rest().starts_with(b">>") => {
                lexer.advance(2);
                return Some(Dict { pairs });
            }
            b'/' => {
                lexer.advance(1);
                let key = name(lexer.regular_run());
                let value = object(lexer, depth + 1)?;
                pairs.push((key, value));
            }
            _ => return None,
        }
    }
}

/// `[ … ]` after its opening `[`.
fn array<'a>(lexer: &mut Lexer<'a>, depth: usize) -> Option<Object<'a>> {
    if depth >= MAX_DEPTH {
        return None;
    }
    let mut items = Vec::new();
    loop {
        lexer.skip_space();
        if lexer.peek()? == b']' {
            lexer.advance(1);
            return Some(Object::Array(items));
        }
        items.push(object(lexer, depth + 1)?);
    }
}

/// An integer, a real, or `n g R` (an integer followed by a generation and `R`).
fn number_or_ref<'a>(lexer: &mut Lexer<'a>) -> Object<'a> {
    let run = lexer.regular_run();
    let Some(number) = integer(run) else {
        return Object::Real(f64::from(parse_number(run)));
    };
    if let Ok(id) = u32::try_from(number) {
        let after_number = lexer.position();
        lexer.skip_space();
        let generation = integer(lexer.regular_run()).and_then(|g| u16::try_from(g).ok());
        lexer.skip_space();
        if let Some(generation) = generation {
            let r = lexer.regular_run();
            if r == b"R" {
                return Object::Ref((id, generation));
            }
        }
        lexer.set_position(after_number);
    }
    Object::Integer(number)
}

/// A run of digits with an optional sign; None for anything else (a real) or
/// what does not fit in an i64.
pub fn integer(run: &[u8]) -> Option<i64> {
    let (negative, digits) = match run.first()? {
        b'-' => (true, &run[1..]),
        b'+' => (false, &run[1..]),
        _ => (false, run),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
    Some(if negative { -value } else { value })
}

/// A name's bytes with `#xx` escapes decoded (§7.3.5); borrowed when it has none.
fn name(run: &[u8]) -> Cow<'_, [u8]> {
    if !run.contains(&b'#') {
        return Cow::Borrowed(run);
    }
    let mut out = Vec::with_capacity(run.len());
    let mut i = 0;
    while i < run.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (run[i], run.get(i + 1), run.get(i + 2)) {
            (b'#', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Object<'_>> {
        parse(&mut Lexer::new(text.as_bytes()))
    }

    #[test]
    fn objects_of_every_kind() {
        let o = read("<</Type /Pg#20x /K [1 2 0 R 3.5 -4 (a\\)b) <4142> true null] /D <<>>>>")
            .expect("parses");
        let d = o.as_dict().expect("a dictionary");
        assert_eq!(d.get(b"Type"), Some(&Object::Name(Cow::Borrowed(b"Pg x"))));
        let k = d.get(b"K").and_then(Object::as_array).expect("an array");
        assert_eq!(k[0], Object::Integer(1));
        assert_eq!(k[1], Object::Ref((2, 0)));
        assert_eq!(k[2], Object::Real(3.5));
        assert_eq!(k[3], Object::Integer(-4));
        assert_eq!(k[4].as_str().as_deref(), Some(&b"a)b"[..]));
        assert_eq!(k[5].as_str().as_deref(), Some(&b"AB"[..]));
        assert_eq!(k[6], Object::Bool(true));
        assert_eq!(k[7], Object::Null);
        assert!(d
            .get(b"D")
            .and_then(Object::as_dict)
            .is_some_and(Dict::is_empty));
    }

    #[test]
    fn two_integers_without_r_stay_integers() {
        let o = read("[1 2 3 0 R 4 5]").expect("parses");
        let items = o.as_array().expect("an array");
        assert_eq!(
            items,
            [
                Object::Integer(1),
                Object::Integer(2),
                Object::Ref((3, 0)),
                Object::Integer(4),
                Object::Integer(5)
            ]
        );
    }

    #[test]
    fn malformed_and_hostile_input_is_refused() {
        assert_eq!(read("<</A 1"), None);
        assert_eq!(read("[1 2"), None);
        assert_eq!(read("<</A>>"), None);
        assert_eq!(read("endobj"), None);
        let deep = "[".repeat(100_000);
        assert_eq!(read(&deep), None);
    }
}
