//! How PDF spells the operands of content-stream operators — numbers, names,
//! strings — byte for byte as pdf-writer spells them (its `Content`, `Name`, `Str`
//! and `TextStr`), so that `operators.rs` can write streams without it.

/// A name, `#`-escaping what is not a regular character (as `pdf_writer::Name`).
pub fn write_name(buf: &mut Vec<u8>, name: &[u8]) {
    buf.push(b'/');
    for &byte in name {
        if byte != b'#' && byte.is_ascii_graphic() && !delimits_names(byte) {
            buf.push(byte);
        } else {
            buf.push(b'#');
            hex(buf, byte);
        }
    }
}

fn delimits_names(byte: u8) -> bool {
    matches!(
        byte,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// A real number as `Content` writes it: an integer without a point, otherwise the
/// shortest decimal that reads back as the same `f32`.
pub fn number(buf: &mut Vec<u8>, v: f32) {
    if v as i32 as f32 == v {
        integer(buf, v as i32);
    } else if let Some(k) = thousandths(v) {
        decimal_thousandths(buf, k);
    } else if v == 0.0 || (v.abs() > 1e-6 && v.abs() < 1e12) {
        buf.extend_from_slice(ryu::Buffer::new().format(v).as_bytes());
    } else {
        buf.extend_from_slice(format!("{v}").as_bytes());
    }
}

/// `v` as a count of thousandths, if `v` is the `f32` nearest to that many
/// thousandths and small enough that no shorter decimal reads back as `v`: below
/// 8192 the `f32`s are less than 0.001 apart, so the shortest decimal of `v` is
/// that count of thousandths itself, trailing zeros dropped.
fn thousandths(v: f32) -> Option<i32> {
    // (NaN passes here and fails the check below.)
    if v.abs() >= 8192.0 {
        return None;
    }
    // Rounded half away from zero without a call to libm; where this guess is off by
    // one the check below fails and ryu writes the number.
    let x = f64::from(v) * 1000.0;
    let k = (x + 0.5f64.copysign(x)) as i32;
    (k as f32 / 1000.0 == v).then_some(k)
}

fn decimal_thousandths(buf: &mut Vec<u8>, k: i32) {
    if k < 0 {
        buf.push(b'-');
    }
    let k = k.unsigned_abs();
    unsigned(buf, k / 1000);
    let fraction = k % 1000;
    if fraction != 0 {
        let digits = [
            b'0' + (fraction / 100) as u8,
            b'0' + (fraction / 10 % 10) as u8,
            b'0' + (fraction % 10) as u8,
        ];
        let len = if fraction.is_multiple_of(100) {
            1
        } else if fraction.is_multiple_of(10) {
            2
        } else {
            3
        };
        buf.push(b'.');
        buf.extend_from_slice(&digits[..len]);
    }
}

pub fn integer(buf: &mut Vec<u8>, v: i32) {
    if v < 0 {
        buf.push(b'-');
    }
    unsigned(buf, v.unsigned_abs());
}

fn unsigned(buf: &mut Vec<u8>, mut v: u32) {
    // Points on a page have at most three digits before the point.
    let digit = |d: u32| b'0' + d as u8;
    if v < 10 {
        buf.push(digit(v));
        return;
    }
    if v < 100 {
        buf.extend_from_slice(&[digit(v / 10), digit(v % 10)]);
        return;
    }
    if v < 1000 {
        buf.extend_from_slice(&[digit(v / 100), digit(v / 10 % 10), digit(v % 10)]);
        return;
    }
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

fn hex(buf: &mut Vec<u8>, byte: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    buf.push(DIGITS[usize::from(byte >> 4)]);
    buf.push(DIGITS[usize::from(byte & 0xF)]);
}

/// A byte string as `pdf_writer::Str` writes it: ASCII as a literal string with
/// escapes (parentheses escaped unless the string's are balanced), anything else
/// in hexadecimal.
pub fn string(buf: &mut Vec<u8>, bytes: &[u8]) {
    if !bytes.is_ascii() {
        buf.reserve(2 + 2 * bytes.len());
        buf.push(b'<');
        for &byte in bytes {
            hex(buf, byte);
        }
        buf.push(b'>');
        return;
    }
    buf.reserve(2 + bytes.len());
    buf.push(b'(');
    let mut balanced = None;
    for &byte in bytes {
        match byte {
            b'(' | b')' => {
                if !*balanced.get_or_insert_with(|| byte != b')' && is_balanced(bytes)) {
                    buf.push(b'\\');
                }
                buf.push(byte);
            }
            b'\\' => buf.extend_from_slice(br"\\"),
            b' '..=b'~' => buf.push(byte),
            b'\n' => buf.extend_from_slice(br"\n"),
            b'\r' => buf.extend_from_slice(br"\r"),
            b'\t' => buf.extend_from_slice(br"\t"),
            b'\x08' => buf.extend_from_slice(br"\b"),
            b'\x0c' => buf.extend_from_slice(br"\f"),
            _ => buf.extend_from_slice(&[
                b'\\',
                b'0' + (byte >> 6),
                b'0' + ((byte >> 3) & 7),
                b'0' + (byte & 7),
            ]),
        }
    }
    buf.push(b')');
}

fn is_balanced(bytes: &[u8]) -> bool {
    let mut depth = 0usize;
    for &byte in bytes {
        match byte {
            b'(' => depth += 1,
            b')' if depth > 0 => depth -= 1,
            b')' => return false,
            _ => {}
        }
    }
    depth == 0
}

/// A text string as `pdf_writer::TextStr` writes it: printable ASCII as a literal
/// string, anything else as UTF-16BE with a byte order mark, in hexadecimal.
pub fn text_string(buf: &mut Vec<u8>, text: &str) {
    if text.bytes().all(|b| matches!(b, 32..=126)) {
        string(buf, text.as_bytes());
        return;
    }
    buf.reserve(6 + 4 * text.len());
    buf.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        let [high, low] = unit.to_be_bytes();
        hex(buf, high);
        hex(buf, low);
    }
    buf.push(b'>');
}
