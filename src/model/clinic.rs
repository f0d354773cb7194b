//! Clinic branding: one file (`handouts/clinic.yaml`) that re-brands every handout.

use super::load::{load_file, Limits};
use crate::error::{Diagnostic, Error, Pos, Result};
use schemars::JsonSchema;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// `clinic.yaml` beside the handout folders.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClinicFile {
    /// Clinic name, printed in every footer.
    #[serde(default)]
    pub name: Option<String>,
    /// Accent colour for titles and headings, `#RRGGBB`; must have ≥ 4.5:1 contrast on white.
    #[serde(default)]
    pub accent: Option<String>,
    /// Contact line (address, phone) printed above the online address.
    #[serde(default)]
    pub contact: Option<String>,
    /// The clinic's logo, printed above every title.
    #[serde(default)]
    pub logo: Option<LogoSource>,
    /// Body text `ragged` (ragged right, the default: easiest to read) or `justified`
    /// (flush with both edges of the column), in every handout and print form.
    #[serde(default)]
    pub text_align: TextAlign,
    /// The clinic's own fonts, in this folder: a house font for Latin text, or a font
    /// for a script the program does not ship. Each is tried before the shipped fonts
    /// for the scripts it is named for.
    #[serde(default)]
    pub fonts: Vec<FontEntry>,
    /// Limits of `handout check` (and of the checks every build runs).
    #[serde(default)]
    pub check: CheckSettings,
}

/// The thresholds of `handout check`, each with the default used when it is left out.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CheckSettings {
    /// Highest reading grade (US school grade) a section or leaflet may need; above
    /// it warns. Patient material should read at grade 6–8. Default 8.
    pub max_grade: f64,
    /// Longest sentence, in words, before it warns. Default 25.
    pub max_sentence_words: usize,
    /// Longest line of body text, in characters, before it warns (CJK text: half).
    /// Default 80 (WCAG 1.4.8).
    pub max_line_chars: usize,
    /// Years after the revision date when a leaflet warns that it needs a review.
    /// Default 3.
    pub review_years: u32,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            max_grade: 8.0,
            max_sentence_words: 25,
            max_line_chars: 80,
            review_years: 3,
        }
    }
}

/// One font file of the clinic's.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FontEntry {
    /// File name in the clinic's folder, e.g. `HouseSans-Regular.ttf` (TrueType or
    /// OpenType; weight and slant are read from the font).
    pub file: String,
    /// The scripts it draws, as ISO 15924 codes: `Latn` (Latin), `Cher` (Cherokee), …
    pub scripts: Vec<String>,
}

/// A clinic font entry, resolved and with where it is written (for errors).
#[derive(Debug, Clone, PartialEq)]
pub struct FontSource {
    pub path: PathBuf,
    pub scripts: Vec<unicode_script::Script>,
    /// Points at the entry in clinic.yaml.
    at: Diagnostic,
}

impl FontSource {
    /// A diagnostic about this font, pointing at its entry in clinic.yaml.
    pub fn diagnostic(&self, message: String) -> Diagnostic {
        Diagnostic {
            message,
            ..self.at.clone()
        }
    }
}

/// How running text meets the right edge of its column (the clinic's one choice of
/// layout; content files carry none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TextAlign {
    /// Ragged right (left in right-to-left scripts).
    #[default]
    Ragged,
    /// Flush with both edges; the last line of a paragraph stays ragged.
    Justified,
}

/// A logo file beside clinic.yaml (PNG or JPEG) and its text alternative.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogoSource {
    /// File name in the clinic's folder (the one holding clinic.yaml), e.g. `logo.png`.
    pub file: String,
    /// What the logo says, for readers who cannot see it, e.g. the clinic's name.
    pub alt: String,
}

/// Branding that applies to a build, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Branding {
    pub name: Option<String>,
    pub accent: Option<(f32, f32, f32)>,
    pub contact: Option<String>,
    pub logo: Option<super::Logo>,
    pub file: Option<PathBuf>,
    pub text_align: TextAlign,
    pub fonts: Vec<FontSource>,
    pub check: CheckSettings,
}

/// WCAG relative luminance of an sRGB colour with components in 0..=1.
pub fn luminance((r, g, b): (f32, f32, f32)) -> f32 {
    let lin = |c: f32| {
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: (f32, f32, f32), b: (f32, f32, f32)) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn parse_hex(s: &str) -> Option<(f32, f32, f32)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    Some((
        ((v >> 16) & 0xff) as f32 / 255.0,
        ((v >> 8) & 0xff) as f32 / 255.0,
        (v & 0xff) as f32 / 255.0,
    ))
}

/// The branding for handouts in `handouts_root` (none if it has no clinic.yaml).
pub fn load_branding(handouts_root: &Path, limits: Limits) -> Result<Branding> {
    let path = handouts_root.join("clinic.yaml");
    if !path.is_file() {
        return Ok(Branding::default());
    }
    let loaded = load_file::<ClinicFile>(&path, limits)?;
    let mut b = Branding {
        name: loaded.value.name.clone(),
        contact: loaded.value.contact.clone(),
        file: Some(path.clone()),
        accent: None,
        logo: None,
        text_align: loaded.value.text_align,
        fonts: Vec::new(),
        check: loaded.value.check,
    };
    if let Some(logo) = &loaded.value.logo {
        let at = |p: &str| {
            loaded
                .positions
                .get(p)
                .unwrap_or(Pos { line: 1, column: 1 })
        };
        if logo.alt.trim().is_empty() {
            return Err(Error::input(
                Diagnostic::new("the logo's `alt:` text is empty".to_string())
                    .file(&path)
                    .at(&loaded.text, at("logo.alt"))
                    .help("write what the logo says, e.g. the clinic's name"),
            ));
        }
        let data = super::image::resolve(handouts_root, &logo.file, |m| {
            Diagnostic::new(m)
                .file(&path)
                .at(&loaded.text, at("logo.file"))
        })?;
        b.logo = Some(super::Logo {
            data,
            alt: logo.alt.clone(),
        });
    }
    for (i, font) in loaded.value.fonts.iter().enumerate() {
        let at = |field: &str| {
            let p = loaded
                .positions
                .get(&format!("fonts[{i}].{field}"))
                .or_else(|| loaded.positions.get(&format!("fonts[{i}]")))
                .unwrap_or(Pos { line: 1, column: 1 });
            Diagnostic::new(String::new())
                .file(&path)
                .at(&loaded.text, p)
        };
        let resolved = super::image::confine(handouts_root, &font.file).map_err(|m| {
            let m = m.replace("image", "font");
            Error::input(Diagnostic { message: format!("font {m}"), ..at("file") }.help(
                "put the font file in the folder of clinic.yaml and write its name, e.g. HouseSans-Regular.ttf",
            ))
        })?;
        let mut scripts = Vec::new();
        for code in &font.scripts {
            let script = unicode_script::Script::from_short_name(code).ok_or_else(|| {
                Error::input(
                    Diagnostic {
                        message: format!("`{code}` is not a script code"),
                        ..at("scripts")
                    }
                    .help("write ISO 15924 codes such as Latn, Cyrl, Arab, Cher"),
                )
            })?;
            scripts.push(script);
        }
        if scripts.is_empty() {
            return Err(Error::input(
                Diagnostic {
                    message: format!("the font `{}` is named for no script", font.file),
                    ..at("scripts")
                }
                .help("list the scripts it draws, e.g. `scripts: [Latn]`"),
            ));
        }
        b.fonts.push(FontSource {
            path: resolved,
            scripts,
            at: at("file"),
        });
    }
    if let Some(hex) = &loaded.value.accent {
        let pos = loaded
            .positions
            .get("accent")
            .unwrap_or(Pos { line: 1, column: 1 });
        let bad = |msg: String, help: &str| {
            Error::input(
                Diagnostic::new(msg)
                    .file(&path)
                    .at(&loaded.text, pos)
                    .help(help),
            )
        };
        let c = parse_hex(hex).ok_or_else(|| {
            bad(
                format!("`accent: {hex}` is not a colour"),
                "write it as #RRGGBB, e.g. #1F4E79",
            )
        })?;
        let ratio = contrast(c, (1.0, 1.0, 1.0));
        if ratio < 4.5 {
            return Err(bad(
                format!("the accent colour {hex} has a contrast of {ratio:.1}:1 against white; text needs at least 4.5:1"),
                "choose a darker colour (WCAG 2.x, 1.4.3)",
            ));
        }
        b.accent = Some(c);
    }
    Ok(b)
}
