//! The fonts text is shown in: how many bytes a character code takes and what
//! text each code stands for. Read once per font object, shared by every page that
//! uses it (all pages of a leaflet share one `/Resources` dictionary).

use super::inflate::Inflater;
use super::to_unicode::ToUnicode;
use lopdf::{Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// A decoded `/ToUnicode` stream larger than this is not read (a guard against a
/// decompression bomb; a real one is a few kilobytes per thousand glyphs).
const MAX_CMAP_BYTES: usize = 16 << 20;

/// What reading text needs of one font.
#[derive(Debug)]
pub struct Font {
    /// Bytes per character code: 2 for a Type0 font (Identity-H and the like),
    /// 1 for a simple font, or what its `/ToUnicode` code space says.
    pub code_length: usize,
    /// None when the font has no readable `/ToUnicode`.
    pub to_unicode: Option<ToUnicode>,
}

/// Fonts read so far, by object.
#[derive(Default)]
pub struct FontCache {
    by_object: HashMap<ObjectId, Rc<Font>>,
    inflater: Inflater,
}

impl FontCache {
    /// The font `object` (a font dictionary or a reference to one).
    pub fn get(&mut self, doc: &Document, object: &Object) -> Rc<Font> {
        match object {
            Object::Reference(id) => {
                if let Some(font) = self.by_object.get(id) {
                    return Rc::clone(font);
                }
                let font = Rc::new(read_font(doc, doc.get_object(*id).ok(), &mut self.inflater));
                self.by_object.insert(*id, Rc::clone(&font));
                font
            }
            other => Rc::new(read_font(doc, Some(other), &mut self.inflater)),
        }
    }
}

fn read_font(doc: &Document, object: Option<&Object>, inflater: &mut Inflater) -> Font {
    let dict = object.and_then(|o| o.as_dict().ok());
    let type0 = dict
        .and_then(|d| d.get(b"Subtype").ok())
        .and_then(|o| o.as_name().ok())
        == Some(b"Type0".as_slice());
    let to_unicode = dict
        .and_then(|d| d.get(b"ToUnicode").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .and_then(|s| {
            let mut data = Vec::new();
            inflater
                .decode_into(s, MAX_CMAP_BYTES, &mut data)
                .ok()
                .map(|()| data)
        })
        .map(|data| ToUnicode::parse(&data));
    let code_length = if type0 {
        2
    } else {
        to_unicode.as_ref().and_then(|m| m.code_length).unwrap_or(1)
    };
    Font {
        code_length,
        to_unicode,
    }
}
