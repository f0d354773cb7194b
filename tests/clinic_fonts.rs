//! A clinic's own fonts (clinic.yaml `fonts:`): used for the scripts they are named
//! for, refused with the file's name when missing, damaged or lacking those letters;
//! and a character no font has is refused with its code and how to add a font.

mod support;

use std::path::{Path, PathBuf};
use support::run;

/// "Cherokee" in Cherokee syllabary: a script the program does not ship.
const CHEROKEE: &str = "ᏣᎳᎩ";

/// A clinic folder with the English ketamine handout whose title ends in a Cherokee
/// word, and `clinic` as its clinic.yaml (if any).
fn clinic(root: &Path, clinic: Option<&str>) -> PathBuf {
    let k = root.join("ketamine");
    std::fs::create_dir_all(&k).expect("mkdir");
    let en = std::fs::read_to_string("handouts/ketamine/en.yaml").expect("en");
    let en = en.replace(
        "title: The Role of Ketamine in Managing Chronic Pain",
        &format!("title: The Role of Ketamine in Managing Chronic Pain {CHEROKEE}"),
    );
    std::fs::write(k.join("en.yaml"), en).expect("write");
    if let Some(text) = clinic {
        std::fs::write(root.join("clinic.yaml"), text).expect("write");
    }
    k
}

fn cherokee_font(root: &Path) {
    std::fs::copy(
        "tests/fixtures/fonts/NotoSansCherokee-Regular.ttf",
        root.join("Cherokee.ttf"),
    )
    .expect("copy");
}

fn build(dir: &Path, out: &Path) -> (i32, String) {
    let (code, _, err) = run(&[
        "build",
        dir.to_str().unwrap_or(""),
        "-l",
        "en",
        "-o",
        out.to_str().unwrap_or(""),
        "-q",
    ]);
    (code, err)
}

#[test]
fn a_character_no_font_has_is_refused_with_its_code_and_how_to_add_a_font() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = clinic(tmp.path(), None);
    let out = tmp.path().join("out");
    let (code, err) = build(&dir, &out);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("character U+13E3 'Ꮳ' is not in any font"),
        "{err}"
    );
    assert!(err.contains("beside clinic.yaml"), "{err}");
    assert!(err.contains("scripts: [Cher]"), "{err}");
    support::no_pdf_in(&out);
}

#[test]
fn a_clinic_font_draws_the_script_it_is_named_for() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = clinic(
        tmp.path(),
        Some("fonts:\n  - file: Cherokee.ttf\n    scripts: [Cher]\n"),
    );
    cherokee_font(tmp.path());
    let out = tmp.path().join("out");
    let (code, err) = build(&dir, &out);
    assert_eq!(code, 0, "{err}");
    let pdf = support::load(&std::fs::read(out.join("ketamine.en.pdf")).expect("pdf"));
    let glyphs: Vec<support::Glyph> = support::pages(&pdf)
        .into_iter()
        .flat_map(|p| p.glyphs)
        .collect();
    let cherokee: Vec<&support::Glyph> = glyphs
        .iter()
        .filter(|g| {
            g.text
                .chars()
                .any(|c| ('\u{13A0}'..='\u{13FF}').contains(&c))
        })
        .collect();
    assert_eq!(
        cherokee.iter().map(|g| g.text.as_str()).collect::<String>(),
        CHEROKEE
    );
    for g in &cherokee {
        assert!(g.font.ends_with("+NotoSansCherokee-Regular"), "{g:?}");
    }
    // Latin text keeps the shipped face.
    assert!(glyphs
        .iter()
        .filter(|g| g.text == "K")
        .all(|g| g.font.contains("+NotoSans-")));
}

#[test]
fn a_damaged_or_missing_clinic_font_is_an_error_naming_the_file() {
    for (file, setup, expect) in [
        (
            "Broken.ttf",
            Some(&b"not a font at all"[..]),
            "Broken.ttf is not a usable font file",
        ),
        ("Absent.ttf", None, "Absent.ttf"),
    ] {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = clinic(
            tmp.path(),
            Some(&format!(
                "name: Clinic\nfonts:\n  - file: {file}\n    scripts: [Cher]\n"
            )),
        );
        if let Some(bytes) = setup {
            std::fs::write(tmp.path().join(file), bytes).expect("write");
        }
        let out = tmp.path().join("out");
        let (code, err) = build(&dir, &out);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(expect), "{err}");
        assert!(err.contains("clinic.yaml:3:"), "points at the entry: {err}");
        support::no_pdf_in(&out);
    }
}

#[test]
fn a_clinic_font_named_for_a_script_it_lacks_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = clinic(
        tmp.path(),
        Some("fonts:\n  - file: Cherokee.ttf\n    scripts: [Latn]\n"),
    );
    cherokee_font(tmp.path());
    let out = tmp.path().join("out");
    let (code, err) = build(&dir, &out);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("is named for the Latin script but has not the letters"),
        "{err}"
    );
    assert!(err.contains("Cherokee.ttf"), "{err}");
    let dir = clinic(
        tmp.path(),
        Some("fonts:\n  - file: Cherokee.ttf\n    scripts: [Klingon]\n"),
    );
    let (code, err) = build(&dir, &out);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`Klingon` is not a script code"), "{err}");
}
