//! Writes the English leaflet in both paragraph styles, for comparing line breaking:
//! `cargo run --release --example justified -- OUTDIR`.
use handout::layout::inline::linebreak::Mode;
use handout::layout::Style;

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "out".into());
    std::fs::create_dir_all(&out).expect("create the output folder");
    let h = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    for (name, mode) in [
        ("ragged", Mode::RaggedRight),
        ("justified", Mode::Justified),
    ] {
        let form = handout::layout::PrintForm::default();
        let (doc, style) = handout::build::load(&h, "en", &form, Default::default()).expect("load");
        let style = Style {
            body_mode: mode,
            ..style
        };
        let geometry = handout::layout::Geometry::for_form(&form);
        let built = handout::build::render(&doc, &style, &geometry).expect("build");
        let path = format!("{out}/ketamine.en.{name}.pdf");
        std::fs::write(&path, built.pdf).expect("write");
        println!("{path}");
    }
}
