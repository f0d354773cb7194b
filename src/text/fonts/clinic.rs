//! A clinic's own fonts (named in clinic.yaml): checked once, then one more family in
//! the fallback order for the scripts they are named for.

use super::{Face, FaceStyle};
use crate::error::{Error, Result};
use crate::model::clinic::FontSource;
use read_fonts::TableProvider;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use unicode_script::Script;

/// A clinic font file that parsed and has the glyphs of its scripts.
pub struct ClinicFace {
    /// Its [`super::FaceId`]: after the shipped faces, one per file in the process.
    pub id: usize,
    pub path: PathBuf,
    /// The font's family name (its weights form one family in the fallback order).
    pub family: String,
    pub style: FaceStyle,
    pub scripts: Vec<Script>,
    pub(super) face: OnceLock<std::result::Result<Face, String>>,
    name: String,
    data: &'static [u8],
}

impl ClinicFace {
    pub(super) fn parse(&self) -> std::result::Result<Face, String> {
        Face::load(self.name.clone(), self.data, 0, self.style)
            .ok_or_else(|| format!("{} is not a font file", self.path.display()))
    }
}

/// Letters every font for a script must have, where one short list says it: the
/// basic alphabet (for Latin also the digits, which a Latin house font draws).
fn sample(script: Script) -> Option<&'static str> {
    Some(match script {
        Script::Latin => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        Script::Cyrillic => "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя",
        Script::Greek => "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω",
        Script::Arabic => "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
        Script::Hebrew => "אבגדהוזחטיכלמנסעפצקרשת",
        Script::Devanagari => "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
        Script::Cherokee => "ᎠᎡᎢᎣᎤᎥᎦᎧᎨᎩᎪᎫᎬᎭᎮᎯᎰᎱᎲᎳᎴᎵᎶᎷᎸᎹᎺᎻᎼᎽᎾᎿ",
        _ => return None,
    })
}

/// Loads and checks the clinic's fonts, once per file per process: a file that is
/// missing or not a font, or that lacks the letters of a script it is named for, is an
/// error naming it (and its line in clinic.yaml).
pub fn load(sources: &[FontSource]) -> Result<Vec<&'static ClinicFace>> {
    sources.iter().map(load_one).collect()
}

fn load_one(src: &FontSource) -> Result<&'static ClinicFace> {
    /// A file named for the same scripts is checked and mapped once per process.
    type Loaded = HashMap<(PathBuf, Vec<Script>), &'static ClinicFace>;
    static LOADED: OnceLock<Mutex<Loaded>> = OnceLock::new();
    let key = (src.path.clone(), src.scripts.clone());
    let cache = LOADED.get_or_init(Default::default);
    if let Some(face) = cache.lock().ok().and_then(|c| c.get(&key).copied()) {
        return Ok(face);
    }
    let face: &'static ClinicFace = Box::leak(Box::new(check(src)?));
    if let Ok(mut c) = cache.lock() {
        c.insert(key, face);
    }
    Ok(face)
}

fn check(src: &FontSource) -> Result<ClinicFace> {
    let fail = |message: String, help: &str| Error::input(src.diagnostic(message).help(help));
    let data = super::folder::map(&src.path).map_err(|e| {
        fail(
            format!("the font file cannot be read: {e}"),
            "put the font file in the folder of clinic.yaml and give its name under `fonts:`",
        )
    })?;
    let not_a_font = || {
        fail(
            format!(
                "{} is not a usable font file (TrueType or OpenType)",
                src.path.display()
            ),
            "use a .ttf or .otf file (one face, not a .ttc collection or a web font)",
        )
    };
    let file = read_fonts::FontRef::new(data).map_err(|_| not_a_font())?;
    let (weight, italic) = match file.os2() {
        Ok(os2) => (os2.us_weight_class(), os2.fs_selection().bits() & 1 != 0),
        Err(_) => (400, false),
    };
    let family = family_name(&file).unwrap_or_else(|| src.path.display().to_string());
    let style = FaceStyle {
        bold: weight >= 600,
        italic,
    };
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let face = ClinicFace {
        id: super::catalog::SHIPPED.len() + NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        path: src.path.clone(),
        name: pdf_name(&file, &src.path),
        family,
        style,
        scripts: src.scripts.clone(),
        face: OnceLock::new(),
        data,
    };
    let parsed = face.parse().map_err(|_| not_a_font())?;
    for script in &src.scripts {
        let missing: String = match sample(*script) {
            Some(letters) => letters.chars().filter(|c| !covers(&parsed, *c)).collect(),
            None => String::new(),
        };
        let has_any = sample(*script).is_some() || has_script(&parsed, *script);
        if !missing.is_empty() || !has_any {
            let what = if missing.is_empty() {
                "no letter".to_string()
            } else {
                format!("not the letters {missing}")
            };
            return Err(fail(
                format!(
                    "{} is named for the {} script but has {what}",
                    src.path.display(),
                    script.full_name()
                ),
                "name the scripts the font really draws, or use a font that has them",
            ));
        }
    }
    let _ = face.face.set(Ok(parsed));
    Ok(face)
}

fn covers(face: &Face, c: char) -> bool {
    face.font.charmap().map_unicode(c).is_some()
}

/// Whether the face has any character of `script` (every script is encoded below
/// U+40000).
fn has_script(face: &Face, script: Script) -> bool {
    use unicode_script::UnicodeScript;
    let charmap = face.font.charmap();
    (0..0x40000u32)
        .filter_map(char::from_u32)
        .any(|c| c.script() == script && charmap.map_unicode(c).is_some())
}

fn family_name(file: &read_fonts::FontRef) -> Option<String> {
    let name = file.name().ok()?;
    let wanted = [
        read_fonts::types::NameId::TYPOGRAPHIC_FAMILY_NAME,
        read_fonts::types::NameId::FAMILY_NAME,
    ];
    wanted.iter().find_map(|id| {
        name.name_record()
            .iter()
            .filter(|r| r.name_id() == *id)
            .find_map(|r| r.string(name.string_data()).ok())
            .map(|s| s.chars().collect::<String>())
    })
}

/// The font's PostScript name (letters, digits and `-` only, as a PDF font name must
/// be), else the file name's.
fn pdf_name(file: &read_fonts::FontRef, path: &std::path::Path) -> String {
    let postscript = file.name().ok().and_then(|name| {
        name.name_record()
            .iter()
            .filter(|r| r.name_id() == read_fonts::types::NameId::POSTSCRIPT_NAME)
            .find_map(|r| r.string(name.string_data()).ok())
            .map(|s| s.chars().collect::<String>())
    });
    let raw = postscript.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(60)
        .collect();
    if clean.is_empty() {
        "ClinicFont".to_string()
    } else {
        clean
    }
}
