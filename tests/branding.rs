//! A clinic's branding reaches the leaflet through the library pipeline the tests use
//! (`handout::build::load` + `render`) as it does through the command line: its name
//! in the footer, its contact line, its accent colour and its logo, read back from
//! the PDF in every print form; and both paths give the same bytes.

mod support;

use std::path::{Path, PathBuf};

const CLINIC: &str = "name: Riverside Pain Clinic\naccent: \"#6A1B9A\"\ncontact: \"Riverside Pain Clinic, 1 Main Street · 0123 456 789\"\nlogo:\n  file: logo.png\n  alt: Riverside Pain Clinic logo\n";

/// A clinic folder: clinic.yaml, its logo, and the ketamine handout in English.
fn clinic(root: &Path) -> PathBuf {
    let k = root.join("ketamine");
    std::fs::create_dir_all(&k).expect("mkdir");
    std::fs::copy("handouts/ketamine/en.yaml", k.join("en.yaml")).expect("copy");
    std::fs::write(root.join("clinic.yaml"), CLINIC).expect("write");
    image::RgbaImage::from_fn(48, 16, |x, _| {
        image::Rgba([0x6A, 0x1B, 0x9A, (x * 5) as u8])
    })
    .save(root.join("logo.png"))
    .expect("png");
    k
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn branding_reaches_the_pdf_through_the_library_in_every_print_form() {
    let tmp = tempfile::tempdir().expect("tmp");
    let h = support::pipeline::handout_in(&clinic(tmp.path()));
    for (form, print) in support::pipeline::print_forms() {
        let (doc, style) =
            handout::build::load(&h, "en", &print, handout::model::Limits::default())
                .expect("load");
        let geometry = handout::layout::Geometry::for_form(&print);
        let built = handout::build::render(&doc, &style, &geometry).expect("build");
        let pdf = support::load(&built.pdf);
        // (Compared without spaces: a narrow panel breaks the contact line.)
        let text = squash(&support::content_text(&pdf));
        assert!(
            text.contains(&squash("1 Main Street · 0123 456 789")),
            "{form}: {text}"
        );
        let footer: String = support::pages(&pdf)
            .iter()
            .map(|p| {
                let art: Vec<&support::Glyph> = p.glyphs.iter().filter(|g| g.artifact).collect();
                support::text_of(&art)
            })
            .collect();
        assert!(
            footer.contains("Riverside Pain Clinic · Revised"),
            "{form}: {footer}"
        );
        let accent = (0..support::pages(&pdf).len())
            .any(|p| support::uses_fill(&pdf, p, [0x6A, 0x1B, 0x9A]));
        assert!(accent, "{form}: accent colour not used");
        let alts: Vec<String> = (0..support::pages(&pdf).len())
            .flat_map(|p| support::figure_alts(&pdf, p))
            .collect();
        assert!(
            alts.iter().any(|a| a == "Riverside Pain Clinic logo"),
            "{form}: no logo: {alts:?}"
        );
    }
}

#[test]
fn the_library_and_the_command_line_build_the_same_leaflet() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = clinic(tmp.path());
    let out = tmp.path().join("out");
    let run = support::cli(["build", "-q", "-o"])
        .arg(&out)
        .arg(&dir)
        .run();
    assert!(run.success(), "{}", run.stderr);
    let h = support::pipeline::handout_in(&dir);
    let print = support::pipeline::print_forms()[0].1;
    let (doc, style) =
        handout::build::load(&h, "en", &print, handout::model::Limits::default()).expect("load");
    let geometry = handout::layout::Geometry::for_form(&print);
    let built = handout::build::render(&doc, &style, &geometry).expect("build");
    let cli = std::fs::read(out.join("ketamine.en.pdf")).expect("pdf");
    assert!(cli == built.pdf, "the command line and the library differ");
}
