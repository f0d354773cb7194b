//! The fonts text is shown in: how many bytes a character code takes and what
//! text each code stands for. Read once per font object, shared by every page that
//! uses it (all pages of a leaflet share one `/Resources` dictionary).

use super::file::{File, Object, Ref};
use super::inflate::Inflater;
use super::to_unicode::ToUnicode;
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
    /// A leaflet has two to six fonts: a list is quicker than hashing.
    by_object: Vec<(Ref, Rc<Font>)>,
    /// Each `/ToUnicode` stream is decoded here in turn.
    data: Vec<u8>,
}

impl FontCache {
    /// The font `object` (a font dictionary or a reference to one).
    pub fn get<'a>(
        &mut self,
        file: &File<'a>,
        object: &Object<'a>,
        inflater: &mut Inflater,
    ) -> Rc<Font> {
        match object {
            Object::Ref(id) => {
                if let Some((_, font)) = self.by_object.iter().find(|(r, _)| r == id) {
                    return Rc::clone(font);
                }
                let font = Rc::new(read_font(file, file.get(*id), inflater, &mut self.data));
                self.by_object.push((*id, Rc::clone(&font)));
                font
            }
            other => Rc::new(read_font(file, Some(other), inflater, &mut self.data)),
        }
    }
}

fn read_font<'a>(
    file: &File<'a>,
    object: Option<&Object<'a>>,
    inflater: &mut Inflater,
    data: &mut Vec<u8>,
) -> Font {
    let dict = object.and_then(Object::as_dict);
    let type0 = dict
        .and_then(|d| d.get(b"Subtype"))
        .and_then(Object::as_name)
        == Some(b"Type0".as_slice());
    let to_unicode = dict
        .and_then(|d| d.get(b"ToUnicode"))
        .and_then(|o| file.resolve(o))
        .and_then(Object::as_stream)
        .and_then(|s| {
            data.clear();
            inflater.decode_into(s, MAX_CMAP_BYTES, data).ok()
        })
        .map(|()| ToUnicode::parse(data));
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
