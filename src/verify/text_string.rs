//! PDF text strings (ISO 32000-1 §7.9.2.2) → Rust strings: `/Alt`, `/Lang`,
//! `/ActualText` and the like are PDFDocEncoding, or UTF-16BE after the byte order
//! mark FE FF (PDF 2.0 also allows UTF-8 after EF BB BF).

/// Decodes a PDF text string; bytes that encode nothing become U+FFFD.
pub fn decode(bytes: &[u8]) -> String {
    let mut out = String::new();
    push_decoded(bytes, &mut out);
    out
}

/// [`decode`], appended to `out` (a page's `/ActualText` spans are decoded into one
/// buffer the reader keeps).
pub fn push_decoded(bytes: &[u8], out: &mut String) {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        push_utf16be(utf16, out);
    } else if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        out.push_str(&String::from_utf8_lossy(utf8));
    } else {
        out.extend(bytes.iter().map(|&b| pdf_doc_char(b)));
    }
}

/// UTF-16BE without its byte order mark, appended to `out` (a CMap's hundreds of
/// texts are decoded into one buffer, with no vector of code units in between). A
/// language tag escape (U+001B, two or four letters, U+001B — §7.9.2.2) is not text
/// and is dropped; a lone surrogate or odd trailing byte becomes U+FFFD.
pub fn push_utf16be(bytes: &[u8], out: &mut String) {
    // A code unit is at most three bytes of UTF-8 (a surrogate pair four in all):
    // reserved once, not grown character by character.
    out.reserve(bytes.len().div_ceil(2) * 3);
    let units = bytes.chunks(2).map(|pair| match pair {
        [hi, lo] => u16::from_be_bytes([*hi, *lo]),
        _ => 0xFFFD,
    });
    let mut in_language_escape = false;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\u{1B}') => in_language_escape = !in_language_escape,
            Ok(_) if in_language_escape => {}
            Ok(c) => out.push(c),
            Err(_) => out.push(char::REPLACEMENT_CHARACTER),
        }
    }
}

/// One byte of PDFDocEncoding (Annex D.2): Latin-1 except for the accents at
/// 0x18–0x1F and the typographic characters at 0x80–0xA0.
fn pdf_doc_char(b: u8) -> char {
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match b {
        0x18..=0x1F => LOW[usize::from(b - 0x18)],
        0x80..=0xA0 => HIGH[usize::from(b - 0x80)],
        // 0xAD is undefined in PDFDocEncoding (Latin-1 would make it a soft hyphen).
        0xAD => char::REPLACEMENT_CHARACTER,
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_and_surrogates() {
        // "aé😀" in UTF-16BE with a BOM.
        let bytes = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0xE9, 0xD8, 0x3D, 0xDE, 0x00];
        assert_eq!(decode(&bytes), "aé😀");
    }

    #[test]
    fn utf16_language_escape_is_not_text() {
        let mut bytes = vec![0xFE, 0xFF];
        for c in "\u{1B}en\u{1B}Hi".encode_utf16() {
            bytes.extend_from_slice(&c.to_be_bytes());
        }
        assert_eq!(decode(&bytes), "Hi");
    }

    #[test]
    fn pdf_doc_encoding_differs_from_latin1() {
        assert_eq!(decode(b"a\x84b\x93\xE9"), "a—bﬁé");
    }

    #[test]
    fn utf8_with_bom() {
        assert_eq!(decode("\u{FEFF}سلام".as_bytes()), "سلام");
    }
}
