//! Leaflets built through the pipeline users run (`handout::build`), branding
//! included; and the seven print forms the command line offers, made in one place
//! for the tests that go through all of them (snapshots, branding, widows).

use handout::layout::{Geometry, Imposition, PaperSize, PrintForm, Style};

/// The ketamine handout's document in `locale`, loaded, translated and branded as
/// a build prepares it.
pub fn ketamine(locale: &str) -> handout::model::Document {
    prepared_ketamine(locale, &PrintForm::default()).0
}

/// The ketamine handout in `locale` and print form `form` as the pipeline prepares it,
/// with its branded style.
pub fn prepared_ketamine(locale: &str, form: &PrintForm) -> (handout::model::Document, Style) {
    let h = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    handout::build::load(&h, locale, form, handout::model::Limits::default()).expect("load")
}

/// The ketamine handout in `locale`, built in print form `form` through the pipeline.
pub fn build_ketamine(
    locale: &str,
    form: &PrintForm,
) -> (handout::model::Document, handout::build::Built) {
    let (doc, built) = try_build_ketamine(locale, form);
    (doc, built.expect("build"))
}

/// [`build_ketamine`] for a build that may fail (the leaflet does not fit `form`).
pub fn try_build_ketamine(
    locale: &str,
    form: &PrintForm,
) -> (
    handout::model::Document,
    handout::error::Result<handout::build::Built>,
) {
    let (doc, style) = prepared_ketamine(locale, form);
    let built = handout::build::render(&doc, &style, &Geometry::for_form(form));
    (doc, built)
}

/// The ketamine handout in `locale`, laid out in print form `form` through the
/// pipeline (the page model, before the PDF).
pub fn typeset_ketamine(locale: &str, form: &PrintForm) -> handout::layout::Layout {
    let (doc, style) = prepared_ketamine(locale, form);
    handout::build::typeset(&doc, &style, &Geometry::for_form(form)).expect("typeset")
}

/// The one handout in folder `dir` (a folder of `<locale>.yaml` files).
pub fn handout_in(dir: &std::path::Path) -> handout::discover::Handout {
    let mut found = handout::discover::discover(dir).expect("discover");
    assert_eq!(found.len(), 1, "one handout in {}", dir.display());
    found.remove(0)
}

/// The seven print forms the command line offers, by the name of their file suffix:
/// A4, Letter, A5, large print, two columns, tri-fold A4, tri-fold Letter.
pub fn print_forms() -> Vec<(&'static str, PrintForm)> {
    use Imposition::{Single, TriFold, TwoColumn};
    vec![
        ("a4", PrintForm::new(PaperSize::A4, false, Single)),
        ("letter", PrintForm::new(PaperSize::Letter, false, Single)),
        ("a5", PrintForm::new(PaperSize::A5, false, Single)),
        ("large", PrintForm::new(PaperSize::A4, true, Single)),
        (
            "two-column",
            PrintForm::new(PaperSize::A4, false, TwoColumn),
        ),
        ("trifold", PrintForm::new(PaperSize::A4, false, TriFold)),
        (
            "letter-trifold",
            PrintForm::new(PaperSize::Letter, false, TriFold),
        ),
    ]
}

/// The A4 two-column print form.
pub fn two_column() -> PrintForm {
    PrintForm::new(PaperSize::A4, false, Imposition::TwoColumn)
}

/// A leaflet built by [`build_yaml`]: the prepared document, its branded style, the
/// geometry of its print form and the built PDF.
pub struct BuiltYaml {
    pub doc: handout::model::Document,
    pub style: Style,
    pub geometry: Geometry,
    pub built: handout::build::Built,
}

/// Creates the handout folder `root/name` holding `files` (file name, text).
pub fn handout_dir(
    root: &std::path::Path,
    name: &str,
    files: &[(&str, &str)],
) -> std::path::PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("write");
    }
    dir
}

/// Builds `yaml` as the English source of handout `h` in a temporary folder, in
/// print form `form`, through the pipeline (`load` with the folder's branding, then
/// `render`).
pub fn build_yaml(yaml: &str, form: &PrintForm) -> BuiltYaml {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = handout_dir(tmp.path(), "h", &[("en.yaml", yaml)]);
    let h = handout_in(&dir);
    let (doc, style) =
        handout::build::load(&h, "en", form, handout::model::Limits::default()).expect("load");
    let geometry = Geometry::for_form(form);
    let built = handout::build::render(&doc, &style, &geometry).expect("build");
    BuiltYaml {
        doc,
        style,
        geometry,
        built,
    }
}
