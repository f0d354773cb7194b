//! Post-processing of the saved document with lopdf: what printpdf has no API for
//! (catalog language, viewer preferences) or leaves random (file ID, XMP instance id).

use crate::error::{Error, Result};
use crate::layout::Layout;
use lopdf::{Dictionary, Object, StringFormat};
use sha2::{Digest, Sha256};

/// A PDF text string: UTF-16BE with a byte-order mark, so any script survives.
pub fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `YYYY-MM-DD` → `D:YYYYMMDD000000Z`.
fn pdf_date(date: &str) -> Object {
    let digits: String = date.chars().filter(|c| c.is_ascii_digit()).collect();
    Object::String(
        format!("D:{digits}000000Z").into_bytes(),
        StringFormat::Literal,
    )
}

pub fn finish(doc: &mut lopdf::Document, layout: &Layout) -> Result<()> {
    // Soft masks (1.4) and /ActualText (1.5) are used.
    doc.version = "1.5".to_string();
    let bad = |what: &str| Error::internal(format!("the PDF written by printpdf has no {what}"));
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| bad("catalog"))?;

    let mut info = Dictionary::new();
    info.set("Title", text_string(&layout.title));
    if let Some(a) = &layout.author {
        info.set("Author", text_string(a));
    }
    if let Some(s) = &layout.subject {
        info.set("Subject", text_string(s));
    }
    info.set(
        "Creator",
        text_string(concat!("handout ", env!("CARGO_PKG_VERSION"))),
    );
    info.set("Producer", text_string("handout with printpdf"));
    info.set("CreationDate", pdf_date(&layout.date));
    info.set("ModDate", pdf_date(&layout.date));
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    let catalog = doc
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .map_err(|_| bad("catalog dictionary"))?;
    catalog.remove(b"Metadata");
    catalog.set("Lang", text_string(&layout.language));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    if layout.rtl {
        prefs.set("Direction", Object::Name(b"R2L".to_vec()));
    }
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    doc.prune_objects();
    tag_subsets(doc);

    // The file ID is a digest of the written bytes (see `set_file_id`); until then a
    // placeholder of the same length holds its place.
    let id = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}

/// Stands in for the file ID until the bytes are written: 16 bytes, so the same
/// length as the digest that replaces it.
const ID_PLACEHOLDER: &[u8; 16] = b"handout-file-id!";

/// Replaces the placeholder file ID in the trailer of the saved `pdf` with the first
/// 16 bytes of the SHA-256 of the saved bytes (placeholder included), so equal input
/// gives equal bytes. Hashing the finished file once is cheaper than hashing every
/// object's formatted form.
pub fn set_file_id(pdf: &mut [u8]) -> Result<()> {
    let mut hex = Vec::with_capacity(34);
    hex.push(b'<');
    hex.extend(ID_PLACEHOLDER.iter().flat_map(|b| upper_hex(*b)));
    hex.push(b'>');
    // The trailer comes last: look for the placeholder after its last `trailer`.
    let trailer = pdf
        .windows(7)
        .rposition(|w| w == b"trailer")
        .ok_or_else(|| Error::internal("the written PDF has no trailer"))?;
    let spots: Vec<usize> = pdf[trailer..]
        .windows(hex.len())
        .enumerate()
        .filter(|(_, w)| *w == hex.as_slice())
        .map(|(i, _)| trailer + i)
        .collect();
    if spots.len() != 2 {
        return Err(Error::internal("the written PDF's trailer has no file ID"));
    }
    let digest = Sha256::digest(&*pdf);
    let mut id = Vec::with_capacity(34);
    id.push(b'<');
    id.extend(digest[..16].iter().flat_map(|b| upper_hex(*b)));
    id.push(b'>');
    for at in spots {
        pdf[at..at + id.len()].copy_from_slice(&id);
    }
    Ok(())
}

fn upper_hex(b: u8) -> [u8; 2] {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]]
}

/// Gives every embedded font the `ABCDEF+` subset tag PDF readers expect (ISO 32000
/// 9.6.4), derived from the font program so that it is stable.
pub fn tag_subsets(doc: &mut lopdf::Document) {
    let mut renames: Vec<(lopdf::ObjectId, Vec<u8>, &'static [u8])> = Vec::new();
    for (id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        for key in [&b"BaseFont"[..], &b"FontName"[..]] {
            if let Ok(Object::Name(name)) = dict.get(key) {
                let base = match name.iter().position(|b| *b == b'+') {
                    Some(i) => &name[i + 1..],
                    None => &name[..],
                };
                let digest = Sha256::digest(format!("{id:?}{base:?}").as_bytes());
                let mut tagged: Vec<u8> = digest[..6].iter().map(|b| b'A' + b % 26).collect();
                tagged.push(b'+');
                tagged.extend_from_slice(base);
                renames.push((
                    *id,
                    tagged,
                    if key == b"BaseFont" {
                        b"BaseFont"
                    } else {
                        b"FontName"
                    },
                ));
            }
        }
    }
    // One tag per font file: the Type0 font, its descendant and descriptor agree.
    let mut by_base: std::collections::BTreeMap<Vec<u8>, Vec<u8>> =
        std::collections::BTreeMap::new();
    for (_, tagged, _) in &renames {
        let base = tagged[7..].to_vec();
        by_base.entry(base).or_insert_with(|| tagged.clone());
    }
    for (id, tagged, key) in renames {
        let chosen = by_base.get(&tagged[7..]).cloned().unwrap_or(tagged);
        if let Ok(dict) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            dict.set(key, Object::Name(chosen));
        }
    }
}

/// Deflates every stream not yet filtered. lopdf's own `compress` uses the slowest
/// level and a fresh encoder per stream; together they cost a quarter of a leaflet's
/// build time for files ~2 % smaller.
pub fn compress(doc: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::new(2), true);
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        z.reset();
        let mut packed = Vec::with_capacity(stream.content.len() / 2 + 64);
        loop {
            let before = z.total_in() as usize;
            let status = z.compress_vec(
                &stream.content[before..],
                &mut packed,
                flate2::FlushCompress::Finish,
            );
            match status {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => packed.reserve(packed.capacity().max(1024)),
                Err(_) => {
                    packed.clear();
                    break;
                }
            }
        }
        if !packed.is_empty() && packed.len() + 19 < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
}
