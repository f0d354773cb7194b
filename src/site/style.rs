//! The site's one stylesheet: the leaflet's colours (the clinic's accent) in light and
//! dark mode, each checked to WCAG's 4.5:1, reflow down to 320 CSS px, logical
//! properties so right-to-left pages mirror, a print style, and per-language font
//! stacks.
//!
//! Fonts: a system stack per script, no web fonts. Every phone and desktop system
//! ships fonts for these scripts (Android and most Linux systems the same Noto
//! families the PDFs embed, iOS/macOS and Windows their own, named after Noto), so a
//! page needs no request to any host and no download before its first line shows.
//! Self-hosting WOFF2 subsets would pin the exact faces but cost a subsetter that
//! keeps the `cmap` (ours drops it, as PDFs need none) and a WOFF2 encoder.

use crate::layout::{Rgb, Style};
use crate::model::clinic::contrast;

/// The background of dark mode (Material's recommended dark surface).
const DARK_BACKGROUND: Rgb = Rgb(
    0x12 as f32 / 255.0,
    0x12 as f32 / 255.0,
    0x12 as f32 / 255.0,
);
/// Text on dark mode's background: 15.9:1.
const DARK_TEXT: Rgb = Rgb(
    0xED as f32 / 255.0,
    0xED as f32 / 255.0,
    0xED as f32 / 255.0,
);
/// The contrast every text colour is brought to: WCAG 2.1 AA for normal text.
const MIN_CONTRAST: f32 = 4.5;

/// Fonts by ISO 15924 script, best first: Noto (as in the PDF), then the system
/// fonts of Apple platforms and of Windows for that script.
const FONT_STACKS: &[(&[&str], &str)] = &[
    (
        &["Hans"],
        "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"PingFang SC\", \"Microsoft YaHei\"",
    ),
    (
        &["Hant"],
        "\"Noto Sans CJK TC\", \"Noto Sans TC\", \"PingFang TC\", \"Microsoft JhengHei\"",
    ),
    (
        &["Jpan"],
        "\"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Sans\", \"Yu Gothic\", Meiryo",
    ),
    (
        &["Kore"],
        "\"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", \"Malgun Gothic\"",
    ),
    (
        &["Arab"],
        "\"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"Geeza Pro\", \"Segoe UI\", Tahoma",
    ),
    (
        &["Hebr"],
        "\"Noto Sans Hebrew\", \"Arial Hebrew\", \"Segoe UI\", Arial",
    ),
    (
        &["Deva"],
        "\"Noto Sans Devanagari\", \"Kohinoor Devanagari\", \"Nirmala UI\", Mangal",
    ),
    (
        &["Beng"],
        "\"Noto Sans Bengali\", \"Kohinoor Bangla\", \"Nirmala UI\", Vrinda",
    ),
    (
        &["Guru"],
        "\"Noto Sans Gurmukhi\", \"Gurmukhi MN\", \"Nirmala UI\", Raavi",
    ),
    (
        &["Gujr"],
        "\"Noto Sans Gujarati\", \"Gujarati Sangam MN\", \"Nirmala UI\", Shruti",
    ),
    (&["Ethi"], "\"Noto Sans Ethiopic\", Kefa, Ebrima, \"Nyala\""),
    (
        &["Khmr"],
        "\"Noto Sans Khmer\", \"Khmer Sangam MN\", \"Leelawadee UI\", \"Khmer UI\"",
    ),
    (
        &["Mymr"],
        "\"Noto Sans Myanmar\", \"Myanmar Sangam MN\", \"Myanmar Text\"",
    ),
    (
        &["Thai"],
        "\"Noto Sans Thai\", Thonburi, \"Leelawadee UI\", Tahoma",
    ),
    (
        &["Laoo"],
        "\"Noto Sans Lao\", \"Lao Sangam MN\", \"Leelawadee UI\", \"Lao UI\"",
    ),
    (&["Armn"], "\"Noto Sans Armenian\", Mshtakan, Sylfaen"),
    (
        &["Grek", "Cyrl", "Latn"],
        "\"Noto Sans\", \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial",
    ),
];

/// Urdu is written in Nastaliq, whose letters climb well above and below the line.
const NASTALIQ: &str = "\"Noto Nastaliq Urdu\", \"Jameel Noori Nastaleeq\", \"Urdu Typesetting\"";

/// The stylesheet for a site whose pages are in `languages`, in the colours of each
/// branding in `styles`: the page of a handout of `styles[n]` has `class="brand-n"`
/// on its body (handouts of several clinics can share a site).
pub fn stylesheet(styles: &[Style], languages: &[crate::model::Language]) -> String {
    let mut css = String::from(BASE);
    let mut dark_css = String::new();
    for (n, style) in styles.iter().enumerate() {
        let (light, dark) = palettes(style);
        // The first branding is also the default (the index page).
        let selector = if n == 0 {
            ":root, .brand-0".to_string()
        } else {
            format!(".brand-{n}")
        };
        css.push_str(&format!("{selector} {{\n{}}}\n", light.variables()));
        dark_css.push_str(&format!("  {selector} {{\n{}  }}\n", dark.variables()));
    }
    css.push_str(&format!(
        "@media (prefers-color-scheme: dark) {{\n{dark_css}}}\n"
    ));
    // After the colours, which it overrides: paper is white whatever the screen's mode.
    css.push_str(PRINT);
    css.push_str(&fonts(languages));
    css
}

/// The colours of `style` in light and in dark mode.
fn palettes(style: &Style) -> (Palette, Palette) {
    let white = Rgb(1.0, 1.0, 1.0);
    let light = Palette {
        background: white,
        text: style.text_color,
        accent: readable(style.accent, white, false),
        muted: readable(style.muted, white, false),
        box_fill: style.box_fill,
        box_rule: style.box_accent,
        box_heading: readable(
            readable(style.box_heading, style.box_fill, false),
            white,
            false,
        ),
    };
    let dark_fill = mix(style.box_accent, DARK_BACKGROUND, 0.18);
    let dark = Palette {
        background: DARK_BACKGROUND,
        text: DARK_TEXT,
        accent: readable(style.accent, DARK_BACKGROUND, true),
        muted: readable(style.muted, DARK_BACKGROUND, true),
        box_fill: dark_fill,
        box_rule: readable(style.box_accent, DARK_BACKGROUND, true),
        box_heading: readable(style.box_heading, dark_fill, true),
    };
    (light, dark)
}

/// The page colours of one mode.
struct Palette {
    background: Rgb,
    text: Rgb,
    accent: Rgb,
    muted: Rgb,
    box_fill: Rgb,
    box_rule: Rgb,
    box_heading: Rgb,
}

impl Palette {
    fn variables(&self) -> String {
        [
            ("background", self.background),
            ("text", self.text),
            ("accent", self.accent),
            ("muted", self.muted),
            ("box-fill", self.box_fill),
            ("box-rule", self.box_rule),
            ("box-heading", self.box_heading),
        ]
        .iter()
        .map(|(name, c)| format!("  --{name}: {};\n", hex(*c)))
        .collect()
    }
}

/// `colour`, or the nearest colour towards white (`lighten`) or black that reaches
/// 4.5:1 against `background`: a clinic's dark blue stays blue in dark mode, only
/// lighter.
fn readable(colour: Rgb, background: Rgb, lighten: bool) -> Rgb {
    let target = if lighten {
        Rgb(1.0, 1.0, 1.0)
    } else {
        Rgb(0.0, 0.0, 0.0)
    };
    (0..=20)
        .map(|step| mix(target, colour, step as f32 / 20.0))
        .find(|c| contrast(rgb(*c), rgb(background)) >= MIN_CONTRAST + 0.05)
        .unwrap_or(target)
}

/// `share` of `a` mixed into `b`.
fn mix(a: Rgb, b: Rgb, share: f32) -> Rgb {
    let m = |x: f32, y: f32| x * share + y * (1.0 - share);
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

fn rgb(c: Rgb) -> (f32, f32, f32) {
    (c.0, c.1, c.2)
}

fn hex(c: Rgb) -> String {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", byte(c.0), byte(c.1), byte(c.2))
}

/// One font-family rule per language of the site, by its script.
fn fonts(languages: &[crate::model::Language]) -> String {
    let mut css = String::new();
    for language in languages {
        let stack = if language.primary() == "ur" {
            Some(NASTALIQ)
        } else {
            language.script().and_then(|script| {
                FONT_STACKS
                    .iter()
                    .find(|(scripts, _)| scripts.contains(&script))
                    .map(|(_, stack)| *stack)
            })
        };
        if let Some(stack) = stack {
            css.push_str(&format!(
                ":lang({}) {{ font-family: {stack}, system-ui, sans-serif; }}\n",
                language.tag()
            ));
        }
    }
    css
}

/// The print style: no navigation, black on white, link addresses printed.
const PRINT: &str = r#"@media print {
  :root, body, body[class] { --background: #fff; --text: #000; --muted: #333; }
  nav.languages, .downloads { display: none; }
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
  h2, .warning { break-after: avoid; break-inside: avoid; }
}
"#;

/// Layout, independent of colours and languages.
const BASE: &str = r#"*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--background);
  color: var(--text);
  font-family: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, system-ui, sans-serif;
  font-size: 1.125rem;
  line-height: 1.6;
  overflow-wrap: break-word;
}
header, main, footer { max-width: 40rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
header .clinic { margin: 0; color: var(--muted); font-weight: 600; }
header img { display: block; max-width: 12rem; height: auto; margin-bottom: 0.5rem; }
:lang(ur) body, body:lang(ur) { line-height: 2.3; }
h1, h2 { color: var(--accent); line-height: 1.25; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: 1rem 0; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
:lang(ur) h1, :lang(ur) h2 { line-height: 2; }
p, ul { margin: 0 0 0.85rem; }
ul { padding-inline-start: 1.5rem; }
li { margin-bottom: 0.3rem; }
strong { font-weight: 700; }
a { color: var(--accent); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
img { max-width: 100%; height: auto; }
figure { margin: 1rem 0; }
.draft {
  border: 2px solid var(--accent);
  padding: 0.5rem 0.75rem;
  font-weight: 700;
}
.warning {
  background: var(--box-fill);
  border-inline-start: 0.35rem solid var(--box-rule);
  padding: 0.25rem 1rem 0.5rem;
  margin: 1.5rem 0;
}
.warning h2 { color: var(--box-heading); margin-top: 0.75rem; }
.warning a { color: var(--box-heading); }
.disclaimer { font-size: 1rem; border-top: 1px solid var(--muted); margin-top: 2rem; padding-top: 0.75rem; }
.downloads ul { list-style: none; padding: 0; }
.downloads li { margin-bottom: 0.6rem; }
.downloads .details { color: var(--muted); }
nav.languages summary { cursor: pointer; color: var(--accent); padding: 0.5rem 0; }
nav.languages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 1.25rem; }
footer { color: var(--muted); font-size: 1rem; padding-bottom: 2rem; margin-top: 2rem; }
footer p { margin: 0.25rem 0; }
.index h2 { margin-top: 1.5rem; }
.index ul { list-style: none; padding: 0; }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_reaches_four_and_a_half_to_one_in_both_modes() {
        // A pale accent a clinic might choose: darkened on white, kept on black.
        let style = Style {
            accent: Rgb(0.6, 0.8, 1.0),
            ..Style::default()
        };
        let light = readable(style.accent, Rgb(1.0, 1.0, 1.0), false);
        assert!(contrast(rgb(light), (1.0, 1.0, 1.0)) >= 4.5);
        let dark = readable(Style::default().accent, DARK_BACKGROUND, true);
        assert!(contrast(rgb(dark), rgb(DARK_BACKGROUND)) >= 4.5);
        let css = stylesheet(&[style], &[crate::model::Language::new("ur")]);
        assert!(css.contains("prefers-color-scheme: dark"));
        assert!(css.contains(":lang(ur) { font-family: \"Noto Nastaliq Urdu\""));
    }
}
