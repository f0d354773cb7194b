//! The fonts a leaflet can be set in, and choosing a face for each character.
//!
//! A [`FontBook`] is the fallback order for one language and one clinic's own fonts:
//! the clinic's fonts for the scripts they are named for, then the shipped families of
//! the language's own script, then the Latin face, then every other family. A face
//! is parsed (and its file mapped) only when a character needs it, and once per process.

pub mod catalog;
pub mod clinic;
mod face;
pub mod folder;

pub use face::Face;

use crate::fast_map::FastMap;
use crate::model::Language;
use catalog::{Origin, SHIPPED};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use unicode_script::{Script, UnicodeScript};

/// A face, the same in every [`FontBook`] of the process (shaping caches and PDF
/// resources are keyed by it): shipped faces by catalog index, clinic faces after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

/// Weight and slant asked for by the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FaceStyle {
    pub bold: bool,
    pub italic: bool,
}

/// A face as a book uses it, loaded on first use.
struct Slot {
    family: String,
    style: FaceStyle,
    scripts: Vec<Script>,
    leading: f32,
    face: &'static OnceLock<Result<Face, String>>,
    load: Loader,
}

/// How to load a slot's face.
#[derive(Clone)]
enum Loader {
    Shipped(usize),
    Clinic(&'static clinic::ClinicFace),
}

/// The faces one language (with one clinic's fonts) is set in, in fallback order.
pub struct FontBook {
    /// Indexed by [`FaceId`]: the shipped faces in catalog order (so `FaceId(0)` is
    /// Noto Sans Regular, which is compiled in), then the clinic's (`None` where another
    /// clinic's face has the id).
    slots: Vec<Option<Slot>>,
    /// For each of the four styles, the slots in the order they are tried.
    chains: Vec<(FaceStyle, Vec<FaceId>)>,
    /// Line spacing relative to the Latin style's (see [`catalog::Shipped::leading`]).
    leading: f32,
    /// Noto Sans Regular (`FaceId(0)`), loaded when the book was built.
    latin: &'static Face,
}

/// The process-wide parsed shipped faces, by catalog index.
fn shipped_faces() -> &'static [OnceLock<Result<Face, String>>] {
    static FACES: OnceLock<Vec<OnceLock<Result<Face, String>>>> = OnceLock::new();
    FACES.get_or_init(|| SHIPPED.iter().map(|_| OnceLock::new()).collect())
}

fn load_shipped(index: usize) -> Result<Face, String> {
    let entry = &SHIPPED[index];
    let (data, index) = match entry.origin {
        Origin::Builtin(data) => (data, 0),
        Origin::Folder(file, index) => (folder::map(&folder::shipped_folder()?.join(file))?, index),
    };
    let style = FaceStyle {
        bold: entry.bold,
        italic: entry.italic,
    };
    Face::load(entry.name.to_string(), data, index, style)
        .ok_or_else(|| format!("the font file of {} cannot be read", entry.name))
}

impl FontBook {
    /// The book for the Latin-script languages with the shipped fonts only.
    pub fn shared() -> Result<&'static FontBook, String> {
        FontBook::for_language(&Language::new("en"), &[])
    }

    /// The book for `doc`'s language with its clinic's fonts (checked on first use:
    /// a missing, damaged or wrongly named clinic font is an error naming the file).
    pub fn for_document(doc: &crate::model::Document) -> crate::error::Result<&'static FontBook> {
        let clinic = clinic::load(&doc.meta.fonts)?;
        FontBook::for_language(&doc.language, &clinic).map_err(crate::error::Error::internal)
    }

    /// The book for `language` with the clinic's fonts `clinic` (already checked, see
    /// [`clinic::load`]), built once per process for each combination.
    pub fn for_language(
        language: &Language,
        clinic: &[&'static clinic::ClinicFace],
    ) -> Result<&'static FontBook, String> {
        type Key = (String, Vec<usize>);
        static BOOKS: OnceLock<Mutex<HashMap<Key, &'static FontBook>>> = OnceLock::new();
        let key: Key = (
            chain_key(language),
            clinic.iter().map(|c| *c as *const _ as usize).collect(),
        );
        let books = BOOKS.get_or_init(Default::default);
        let mut books = books
            .lock()
            .map_err(|_| "font books poisoned".to_string())?;
        if let Some(book) = books.get(&key) {
            return Ok(book);
        }
        let book: &'static FontBook = Box::leak(Box::new(FontBook::build(language, clinic)?));
        books.insert(key, book);
        Ok(book)
    }

    fn build(
        language: &Language,
        clinic: &[&'static clinic::ClinicFace],
    ) -> Result<FontBook, String> {
        let faces = shipped_faces();
        let mut slots: Vec<Option<Slot>> = SHIPPED
            .iter()
            .enumerate()
            .map(|(i, s)| {
                // A face reserved for other languages is in no chain of this book.
                let usable = s.serves(language);
                usable.then(|| Slot {
                    family: s.name.split('-').next().unwrap_or(s.name).to_string(),
                    style: FaceStyle {
                        bold: s.bold,
                        italic: s.italic,
                    },
                    scripts: s.scripts.to_vec(),
                    leading: s.leading,
                    face: &faces[i],
                    load: Loader::Shipped(i),
                })
            })
            .collect();
        for c in clinic {
            if slots.len() <= c.id {
                slots.resize_with(c.id + 1, || None);
            }
            slots[c.id] = Some(Slot {
                family: c.family.clone(),
                style: c.style,
                scripts: c.scripts.clone(),
                leading: 1.0,
                face: &c.face,
                load: Loader::Clinic(c),
            });
        }
        // Noto Sans Regular is compiled in: the book can always draw Latin text.
        let first = slots
            .first()
            .and_then(Option::as_ref)
            .ok_or_else(|| "no fonts are shipped".to_string())?;
        let latin: &'static Face = first
            .face
            .get_or_init(|| load_shipped(0))
            .as_ref()
            .map_err(Clone::clone)?;
        let own = catalog::scripts_of(language.script());
        let leading = slots
            .iter()
            .flatten()
            .filter(|s| s.scripts.iter().any(|x| own.contains(x)))
            .map(|s| s.leading)
            .fold(1.0_f32, f32::max);
        let mut book = FontBook {
            slots,
            chains: Vec::new(),
            leading,
            latin,
        };
        for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
            let style = FaceStyle { bold, italic };
            let chain = book.chain(style, own);
            book.chains.push((style, chain));
        }
        Ok(book)
    }

    /// The fallback chain for a style: clinic families first, then the families of
    /// the language's own scripts, then the others in catalog order (Latin first);
    /// within a family, its faces from the closest to `style`.
    fn chain(&self, style: FaceStyle, own: &[Script]) -> Vec<FaceId> {
        let families: Vec<&str> = {
            let mut seen: Vec<&str> = Vec::new();
            for s in self.slots.iter().flatten() {
                if !seen.contains(&s.family.as_str()) {
                    seen.push(&s.family);
                }
            }
            seen
        };
        let rank = |s: &Slot| {
            let group = match (&s.load, s.scripts.iter().any(|x| own.contains(x))) {
                // A clinic face of another weight comes last: a house font with no
                // bold must not turn the bold safety phrases regular while a shipped
                // bold face can draw them, but it still draws its own script.
                (Loader::Clinic(_), _) if s.style.bold != style.bold => 3,
                (Loader::Clinic(_), _) => 0,
                (_, true) => 1,
                _ => 2,
            };
            let family = families.iter().position(|f| *f == s.family).unwrap_or(0);
            let distance =
                u8::from(s.style.bold != style.bold) * 2 + u8::from(s.style.italic != style.italic);
            (group, family, distance)
        };
        let mut order: Vec<(usize, &Slot)> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, s.as_ref()?)))
            .collect();
        order.sort_by_key(|(_, s)| rank(s));
        order.into_iter().map(|(i, _)| FaceId(i)).collect()
    }

    /// The face `id` (one `select` returned, or `FaceId(0)`), parsed on first use.
    pub fn face(&'static self, id: FaceId) -> &'static Face {
        match self
            .slots
            .get(id.0)
            .and_then(Option::as_ref)
            .map(|s| self.loaded(s))
        {
            Some(Ok(face)) => face,
            // `select` only hands out faces that loaded; slot 0 is compiled in.
            _ => self.latin,
        }
    }

    fn loaded(&'static self, slot: &'static Slot) -> Result<&'static Face, &'static String> {
        slot.face
            .get_or_init(|| match &slot.load {
                Loader::Shipped(i) => load_shipped(*i),
                Loader::Clinic(c) => c.parse(),
            })
            .as_ref()
    }

    /// Every face this book has loaded so far (the ones its leaflets used).
    pub fn loaded_faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((FaceId(i), s.as_ref()?.face.get()?.as_ref().ok()?)))
    }

    /// Line spacing for this book's language, relative to the Latin style's.
    pub fn leading_scale(&self) -> f32 {
        self.leading
    }

    /// The face to draw `c` with in `style`, or `None` if no font has it.
    ///
    /// Remembered per thread and book: a leaflet asks for every character it sets,
    /// most of them hundreds of times, and the answer (a script look-up and a
    /// character-map search in each candidate face) never changes for a book.
    pub fn select(&'static self, c: char, style: FaceStyle) -> Option<FaceId> {
        type Chosen = FastMap<(usize, char, FaceStyle), Option<FaceId>>;
        thread_local! {
            static CHOSEN: std::cell::RefCell<Chosen> = std::cell::RefCell::default();
        }
        // Books live as long as the process (see `for_language`): the address names one.
        let key = (self as *const FontBook as usize, c, style);
        CHOSEN.with(|chosen| {
            if let Some(face) = chosen.borrow().get(&key) {
                return *face;
            }
            let face = self
                .candidates(c, style)
                .find(|(_, slot)| matches!(self.loaded(slot), Ok(face) if face.covers(c)))
                .map(|(id, _)| id);
            chosen.borrow_mut().insert(key, face);
            face
        })
    }

    /// Why the fonts that could draw `c` did not load, if one of them failed (a missing
    /// fonts folder, a damaged file): what to say instead of "no font has it".
    pub fn load_failure(&'static self, c: char) -> Option<String> {
        self.candidates(c, FaceStyle::default())
            .find_map(|(_, slot)| self.loaded(slot).err().cloned())
    }

    /// The slots whose scripts admit `c`, in the chain's order for `style`.
    fn candidates(
        &'static self,
        c: char,
        style: FaceStyle,
    ) -> impl Iterator<Item = (FaceId, &'static Slot)> {
        let chain = self
            .chains
            .iter()
            .find(|(s, _)| *s == style)
            .map(|(_, c)| c.as_slice())
            .unwrap_or(&[]);
        // ASCII needs no table look-up: its letters are Latin, the rest belong to no
        // one script (most characters of most leaflets are ASCII).
        let script = match c {
            'a'..='z' | 'A'..='Z' => Script::Latin,
            _ if c.is_ascii() => Script::Common,
            _ => c.script(),
        };
        // Digits, punctuation, spaces and combining marks belong to no one script:
        // any face may draw them, the language's own first.
        let anyone = matches!(script, Script::Common | Script::Inherited);
        chain.iter().filter_map(move |id| {
            let slot = self.slots.get(id.0)?.as_ref()?;
            (anyone || slot.scripts.contains(&script)).then_some((*id, slot))
        })
    }
}

/// The part of a language that decides its book: its primary subtag (Urdu's Nastaliq)
/// and its script.
fn chain_key(language: &Language) -> String {
    let primary = language.tag().split('-').next().unwrap_or("");
    format!("{primary}/{}", language.script().unwrap_or(""))
}

/// What to do about a character no font has: the clinic can add a font for its script
/// without recompiling anything.
pub fn how_to_add_font(c: char) -> String {
    let script = c.script();
    let code = match script {
        Script::Common | Script::Inherited | Script::Unknown => "Zyyy".to_string(),
        s => s.short_name().to_string(),
    };
    format!(
        "replace the character, or give the clinic a font that has it ({} script): put the \
         .ttf or .otf file beside clinic.yaml and name it there, e.g. \
         `fonts: [{{file: MyFont-Regular.ttf, scripts: [{code}]}}]` (no rebuild of the \
         program needed; see README, \"Clinic fonts\")",
        script.full_name()
    )
}

/// Characters no font draws on purpose (soft hyphen, zero-width and direction
/// controls, byte-order mark): the shaper handles them inside the run, so they are
/// never "missing". Layout and the coverage check share this one definition.
pub fn drawn_by_no_font(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}
