//! Leaflets built through the pipeline users run (`handout::build`), branding
//! included; and the seven print forms the command line offers, made in one place
//! for the tests that go through all of them (snapshots, branding, widows).

use handout::layout::style::{Imposition, PaperSize};
use handout::layout::Style;

/// The ketamine handout's document in `locale`, loaded, translated and branded as
/// a build prepares it.
pub fn ketamine(locale: &str) -> handout::model::Document {
    prepared_ketamine(locale, &handout::layout::Style::default()).0
}

/// The ketamine handout in `locale` and `style` as the pipeline prepares it.
pub fn prepared_ketamine(
    locale: &str,
    style: &handout::layout::Style,
) -> (handout::model::Document, handout::layout::Style) {
    let h = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    handout::build::load(&h, locale, style, handout::model::Limits::default()).expect("load")
}

/// The ketamine handout in `locale`, built with `style` through the pipeline.
pub fn build_ketamine(
    locale: &str,
    style: &handout::layout::Style,
) -> (handout::model::Document, handout::build::Built) {
    let (doc, built) = try_build_ketamine(locale, style);
    (doc, built.expect("build"))
}

/// [`build_ketamine`] for a build that may fail (the leaflet does not fit `style`).
pub fn try_build_ketamine(
    locale: &str,
    style: &handout::layout::Style,
) -> (
    handout::model::Document,
    handout::error::Result<handout::build::Built>,
) {
    let (doc, style) = prepared_ketamine(locale, style);
    let built = handout::build::render(&doc, &style);
    (doc, built)
}

/// The ketamine handout in `locale`, laid out in `style` through the pipeline (the
/// page model, before the PDF).
pub fn typeset_ketamine(locale: &str, style: &Style) -> handout::layout::Layout {
    let (doc, style) = prepared_ketamine(locale, style);
    handout::build::typeset(&doc, &style).expect("typeset")
}

/// The one handout in folder `dir` (a folder of `<locale>.yaml` files).
pub fn handout_in(dir: &std::path::Path) -> handout::discover::Handout {
    let mut found = handout::discover::discover(dir).expect("discover");
    assert_eq!(found.len(), 1, "one handout in {}", dir.display());
    found.remove(0)
}

/// The seven print forms the command line offers, by the name of their file suffix:
/// A4, Letter, A5, large print, two columns, tri-fold A4, tri-fold Letter.
pub fn print_forms() -> Vec<(&'static str, Style)> {
    let a4 = || Style::for_print(PaperSize::A4, false);
    vec![
        ("a4", a4()),
        ("letter", Style::for_print(PaperSize::Letter, false)),
        ("a5", Style::for_print(PaperSize::A5, false)),
        ("large", Style::for_print(PaperSize::A4, true)),
        ("two-column", a4().with_imposition(Imposition::TwoColumn)),
        ("trifold", a4().with_imposition(Imposition::TriFold)),
        (
            "letter-trifold",
            Style::for_print(PaperSize::Letter, false).with_imposition(Imposition::TriFold),
        ),
    ]
}

/// The A4 two-column print form.
pub fn two_column() -> Style {
    Style::for_print(PaperSize::A4, false).with_imposition(Imposition::TwoColumn)
}

/// Builds `yaml` as the English source of handout `h` in a temporary folder, in
/// print form `style`, through the pipeline (`load` with the folder's branding, then
/// `render`): the prepared document, its style and the built leaflet.
pub fn build_yaml(
    yaml: &str,
    style: &Style,
) -> (handout::model::Document, Style, handout::build::Built) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), yaml).expect("write");
    let h = handout_in(&dir);
    let (doc, style) =
        handout::build::load(&h, "en", style, handout::model::Limits::default()).expect("load");
    let built = handout::build::render(&doc, &style).expect("build");
    (doc, style, built)
}
