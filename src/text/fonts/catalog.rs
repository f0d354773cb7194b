//! The fonts shipped with the program: which file draws which script, in which weight.
//!
//! Noto Sans (Latin, Greek, Cyrillic) is compiled into the binary, so the languages
//! most leaflets use never open a file. Every other face is memory-mapped from the
//! fonts folder (see `folder`) the first time a leaflet needs a character of its script:
//! the Chinese, Japanese and Korean faces are 20 MB, and English must not pay for them.

use unicode_script::Script;

/// Where a shipped face's bytes come from.
#[derive(Debug, Clone, Copy)]
pub enum Origin {
    /// Compiled into the binary.
    Builtin(&'static [u8]),
    /// Face `index` of a file in the fonts folder (a collection holds several),
    /// mapped on first use.
    Folder(&'static str, u32),
}

/// One shipped face.
#[derive(Debug, Clone, Copy)]
pub struct Shipped {
    /// The name the PDF gives the font (its file name without extension).
    pub name: &'static str,
    pub origin: Origin,
    pub bold: bool,
    pub italic: bool,
    /// The scripts whose characters it draws (characters of no script — digits,
    /// punctuation, spaces, combining marks — any face may draw).
    pub scripts: &'static [Script],
    /// Languages it is reserved for (`ja`, or `zh-Hant` for a language and script);
    /// empty: every language.
    pub only_for: &'static [&'static str],
    /// Line spacing relative to the Latin style's, for scripts that stack marks or
    /// hang far above and below the baseline (Nastaliq, Myanmar, Khmer).
    pub leading: f32,
}

macro_rules! builtin {
    ($name:literal) => {
        Origin::Builtin(include_bytes!(concat!("../../../fonts/", $name, ".ttf")))
    };
}

macro_rules! shipped {
    ($name:literal, $origin:expr, $bold:expr, $italic:expr, $scripts:expr, $leading:expr, $only:expr) => {
        Shipped {
            name: $name,
            origin: $origin,
            bold: $bold,
            italic: $italic,
            scripts: $scripts,
            only_for: $only,
            leading: $leading,
        }
    };
}

/// A face of the fonts folder.
macro_rules! folder {
    ($name:literal, $ext:literal, $bold:expr, $scripts:expr, $leading:expr, $only:expr) => {
        shipped!(
            $name,
            Origin::Folder(concat!($name, $ext), 0),
            $bold,
            false,
            $scripts,
            $leading,
            $only
        )
    };
}

/// A face of the CJK collections.
macro_rules! cjk {
    ($name:literal, $file:literal, $index:literal, $bold:expr, $only:expr) => {
        shipped!(
            $name,
            Origin::Folder($file, $index),
            $bold,
            false,
            CJK,
            1.0,
            $only
        )
    };
}

/// Urdu is written in Nastaliq, whose letters climb the line diagonally and hang far
/// below it: with Latin line spacing, lines touch (seen at 1.0; 1.35 keeps them apart
/// and the leaflet within two A4 pages).
const NASTALIQ_LEADING: f32 = 1.35;

const LATIN: &[Script] = &[Script::Latin, Script::Greek, Script::Cyrillic];
const CJK: &[Script] = &[
    Script::Han,
    Script::Hiragana,
    Script::Katakana,
    Script::Hangul,
    Script::Bopomofo,
];

/// Every shipped face, grouped by family in fallback order (see
/// [`crate::text::FontBook`]: the families of the leaflet's own script come first).
pub const SHIPPED: &[Shipped] = &[
    shipped!(
        "NotoSans-Regular",
        builtin!("NotoSans-Regular"),
        false,
        false,
        LATIN,
        1.0,
        &[]
    ),
    shipped!(
        "NotoSans-Bold",
        builtin!("NotoSans-Bold"),
        true,
        false,
        LATIN,
        1.0,
        &[]
    ),
    shipped!(
        "NotoSans-Italic",
        builtin!("NotoSans-Italic"),
        false,
        true,
        LATIN,
        1.0,
        &[]
    ),
    shipped!(
        "NotoSans-BoldItalic",
        builtin!("NotoSans-BoldItalic"),
        true,
        true,
        LATIN,
        1.0,
        &[]
    ),
    folder!(
        "NotoNastaliqUrdu-Regular",
        ".ttf",
        false,
        &[Script::Arabic],
        NASTALIQ_LEADING,
        &["ur"]
    ),
    folder!(
        "NotoNastaliqUrdu-Bold",
        ".ttf",
        true,
        &[Script::Arabic],
        NASTALIQ_LEADING,
        &["ur"]
    ),
    folder!(
        "NotoSansArabic-Regular",
        ".ttf",
        false,
        &[Script::Arabic],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansArabic-Bold",
        ".ttf",
        true,
        &[Script::Arabic],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansHebrew-Regular",
        ".ttf",
        false,
        &[Script::Hebrew],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansHebrew-Bold",
        ".ttf",
        true,
        &[Script::Hebrew],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansDevanagari-Regular",
        ".ttf",
        false,
        &[Script::Devanagari],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansDevanagari-Bold",
        ".ttf",
        true,
        &[Script::Devanagari],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansBengali-Regular",
        ".ttf",
        false,
        &[Script::Bengali],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansBengali-Bold",
        ".ttf",
        true,
        &[Script::Bengali],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansGurmukhi-Regular",
        ".ttf",
        false,
        &[Script::Gurmukhi],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansGurmukhi-Bold",
        ".ttf",
        true,
        &[Script::Gurmukhi],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansGujarati-Regular",
        ".ttf",
        false,
        &[Script::Gujarati],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansGujarati-Bold",
        ".ttf",
        true,
        &[Script::Gujarati],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansArmenian-Regular",
        ".ttf",
        false,
        &[Script::Armenian],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansArmenian-Bold",
        ".ttf",
        true,
        &[Script::Armenian],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansEthiopic-Regular",
        ".ttf",
        false,
        &[Script::Ethiopic],
        1.0,
        &[]
    ),
    folder!(
        "NotoSansEthiopic-Bold",
        ".ttf",
        true,
        &[Script::Ethiopic],
        1.0,
        &[]
    ),
    // Khmer stacks subscript consonants below the line, Myanmar medials and vowels
    // above and below it: with Latin line spacing their lines touch. (Myanmar at 1.1
    // keeps them apart at 12 pt and its leaflet within two Letter pages.)
    folder!(
        "NotoSansKhmer-Regular",
        ".ttf",
        false,
        &[Script::Khmer],
        1.2,
        &[]
    ),
    folder!(
        "NotoSansKhmer-Bold",
        ".ttf",
        true,
        &[Script::Khmer],
        1.2,
        &[]
    ),
    folder!(
        "NotoSansMyanmar-Regular",
        ".ttf",
        false,
        &[Script::Myanmar],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansMyanmar-Bold",
        ".ttf",
        true,
        &[Script::Myanmar],
        1.1,
        &[]
    ),
    folder!(
        "NotoSansThai-Regular",
        ".ttf",
        false,
        &[Script::Thai],
        1.1,
        &[]
    ),
    folder!("NotoSansThai-Bold", ".ttf", true, &[Script::Thai], 1.1, &[]),
    folder!(
        "NotoSansLao-Regular",
        ".ttf",
        false,
        &[Script::Lao],
        1.15,
        &[]
    ),
    folder!("NotoSansLao-Bold", ".ttf", true, &[Script::Lao], 1.15, &[]),
    // Noto Sans CJK: one collection per weight whose faces share every glyph and
    // differ in which glyph each character maps to, so that Japanese, Korean,
    // Traditional and Simplified Chinese each get their own forms (直, 骨, 写 …).
    // Simplified Chinese is the default for Han text in any other language.
    cjk!(
        "NotoSansCJKjp-Regular",
        "NotoSansCJK-Regular.ttc",
        0,
        false,
        &["ja"]
    ),
    cjk!(
        "NotoSansCJKjp-Bold",
        "NotoSansCJK-Bold.ttc",
        0,
        true,
        &["ja"]
    ),
    cjk!(
        "NotoSansCJKkr-Regular",
        "NotoSansCJK-Regular.ttc",
        1,
        false,
        &["ko"]
    ),
    cjk!(
        "NotoSansCJKkr-Bold",
        "NotoSansCJK-Bold.ttc",
        1,
        true,
        &["ko"]
    ),
    cjk!(
        "NotoSansCJKtc-Regular",
        "NotoSansCJK-Regular.ttc",
        3,
        false,
        &["zh-Hant"]
    ),
    cjk!(
        "NotoSansCJKtc-Bold",
        "NotoSansCJK-Bold.ttc",
        3,
        true,
        &["zh-Hant"]
    ),
    cjk!(
        "NotoSansCJKsc-Regular",
        "NotoSansCJK-Regular.ttc",
        2,
        false,
        &[]
    ),
    cjk!("NotoSansCJKsc-Bold", "NotoSansCJK-Bold.ttc", 2, true, &[]),
];

/// The scripts a language is written in (from its tag's script, see
/// [`crate::model::Language::script`]), as Unicode script values.
pub fn scripts_of(iso15924: Option<&str>) -> &'static [Script] {
    match iso15924 {
        Some("Arab") => &[Script::Arabic],
        Some("Hebr") => &[Script::Hebrew],
        Some("Deva") => &[Script::Devanagari],
        Some("Beng") => &[Script::Bengali],
        Some("Guru") => &[Script::Gurmukhi],
        Some("Gujr") => &[Script::Gujarati],
        Some("Armn") => &[Script::Armenian],
        Some("Ethi") => &[Script::Ethiopic],
        Some("Khmr") => &[Script::Khmer],
        Some("Mymr") => &[Script::Myanmar],
        Some("Thai") => &[Script::Thai],
        Some("Laoo") => &[Script::Lao],
        Some("Grek") => &[Script::Greek],
        Some("Cyrl") => &[Script::Cyrillic],
        Some("Hans" | "Hant" | "Hani") => &[Script::Han, Script::Bopomofo],
        Some("Jpan") => &[Script::Han, Script::Hiragana, Script::Katakana],
        Some("Kore") => &[Script::Hangul, Script::Han],
        Some(_) | None => &[Script::Latin],
    }
}

impl Shipped {
    /// Whether the face may set `language` (see [`Shipped::only_for`]).
    pub fn serves(&self, language: &crate::model::Language) -> bool {
        let primary = language.tag().split('-').next().unwrap_or("");
        self.only_for.is_empty()
            || self.only_for.iter().any(|want| match want.split_once('-') {
                Some((lang, script)) => lang == primary && language.script() == Some(script),
                None => *want == primary,
            })
    }
}
