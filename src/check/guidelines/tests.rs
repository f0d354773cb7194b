use super::text::capitals;
use super::*;

#[test]
fn capitals_are_shouting_only_when_every_letter_is_one() {
    let terms = vec!["NMDA".to_string()];
    assert_eq!(
        capitals("Please DO NOT drive.", &terms).as_deref(),
        Some("DO")
    );
    assert_eq!(
        capitals("WARNING: rare effects", &terms).as_deref(),
        Some("WARNING")
    );
    assert_eq!(capitals("the NMDA receptors", &terms), None);
    // Hangul has no case: a Latin capital in a Korean word is not shouting.
    assert_eq!(
        capitals("케타민은 N-메틸-D-아스파르트산(NMDA) 수용체", &terms),
        None
    );
    assert_eq!(capitals("Ketamine is an Anesthetic", &terms), None);
}
use crate::layout::page::PlacedGlyph;
use crate::layout::{Element, GlyphRun, Imposition, Shape};
use crate::text::FaceId;

fn doc() -> Document {
    let yaml = "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body: [\"Text.\"]\n";
    crate::model::parse_source(
        std::path::Path::new("en.yaml"),
        "t",
        yaml.as_bytes(),
        crate::model::Limits::default(),
    )
    .expect("a valid source")
}

/// A one-glyph run of `role` in `block` at baseline `y`.
fn run(role: Role, block: usize, x: f32, y: f32, size: f32, color: Rgb) -> Element {
    let glyph = PlacedGlyph {
        face: FaceId(0),
        gid: 1,
        x: 0.0,
        advance: size / 2.0,
        x_offset: 0.0,
        y_offset: 0.0,
        text: 0..1,
        level: 0,
    };
    Element {
        role,
        block,
        shape: Shape::Glyphs(GlyphRun {
            x,
            baseline: y,
            size,
            color,
            glyphs: vec![glyph],
            text: "a".into(),
            lang: None,
        }),
    }
}

fn text(block: usize, y: f32, size: f32) -> Element {
    run(Role::Paragraph, block, 50.0, y, size, Rgb::BLACK)
}

fn names(out: &[Finding]) -> Vec<&str> {
    out.iter().map(|f| f.rule.name).collect()
}

fn sizes(form: PrintForm, els: Vec<Element>) -> Vec<Finding> {
    let mut out = Vec::new();
    body_size(&doc(), &[PageModel::of_elements(&els)], &form, &mut out);
    out
}

#[test]
fn body_size_fires_under_the_forms_minimum() {
    let a4 = PrintForm::new(PaperSize::A4, false, Imposition::Single);
    let letter = PrintForm::new(PaperSize::Letter, false, Imposition::Single);
    let large = PrintForm::new(PaperSize::A4, true, Imposition::Single);
    assert_eq!(names(&sizes(a4, vec![text(0, 100.0, 8.5)])), ["body-size"]);
    assert_eq!(
        names(&sizes(letter, vec![text(0, 100.0, 9.5)])),
        ["body-size"]
    );
    assert_eq!(
        names(&sizes(large, vec![text(0, 100.0, 12.0)])),
        ["body-size"]
    );
    let footer = run(Role::Artifact, usize::MAX, 50.0, 800.0, 8.0, Rgb::BLACK);
    assert_eq!(names(&sizes(a4, vec![footer])), ["body-size"]);
}

#[test]
fn body_size_is_silent_at_the_forms_minimum() {
    let a4 = PrintForm::new(PaperSize::A4, false, Imposition::Single);
    let letter = PrintForm::new(PaperSize::Letter, false, Imposition::Single);
    let large = PrintForm::new(PaperSize::A4, true, Imposition::Single);
    assert!(sizes(a4, vec![text(0, 100.0, 9.0)]).is_empty());
    assert!(sizes(letter, vec![text(0, 100.0, 10.0)]).is_empty());
    // Large print holds its footer to the EU's 9 pt, its text to 16 pt.
    let footer = run(Role::Artifact, usize::MAX, 50.0, 800.0, 9.0, Rgb::BLACK);
    assert!(sizes(large, vec![text(0, 100.0, 16.0), footer]).is_empty());
}

fn spacing(els: Vec<Element>) -> Vec<Finding> {
    let mut out = Vec::new();
    line_spacing(&doc(), &[PageModel::of_elements(&els)], &mut out);
    out
}

#[test]
fn line_spacing_fires_under_3_mm() {
    // 8 pt is 2.8 mm.
    let out = spacing(vec![text(0, 100.0, 7.0), text(0, 108.0, 7.0)]);
    assert_eq!(names(&out), ["line-spacing"]);
}

#[test]
fn line_spacing_is_silent_at_3_mm_and_across_columns() {
    assert!(spacing(vec![text(0, 100.0, 9.0), text(0, 108.6, 9.0)]).is_empty());
    // A paragraph that ends its first column at 100 and 117 pt and goes on in the
    // next column at 108 and 125 pt: each column's lines are 17 pt apart (a
    // regression: sorting by baseline measured 100 → 108).
    let col = |x, y| run(Role::Paragraph, 0, x, y, 12.0, Rgb::BLACK);
    let els = vec![
        col(50.0, 100.0),
        col(50.0, 117.0),
        col(300.0, 108.0),
        col(300.0, 125.0),
    ];
    assert!(spacing(els).is_empty());
    // Furniture and two blocks side by side are no lines of one block.
    let footer = run(Role::Artifact, usize::MAX, 50.0, 104.0, 9.0, Rgb::BLACK);
    let els = vec![text(0, 100.0, 12.0), text(1, 104.0, 12.0), footer];
    assert!(spacing(els).is_empty());
}

fn contrasts(els: Vec<Element>) -> Vec<Finding> {
    let mut out = Vec::new();
    contrast(&doc(), &[PageModel::of_elements(&els)], &mut out);
    out
}

fn fill(color: Rgb) -> Element {
    Element {
        role: Role::Artifact,
        block: usize::MAX,
        shape: Shape::Rect {
            x: 0.0,
            y: 0.0,
            w: 500.0,
            h: 500.0,
            fill: Some(color),
            stroke: None,
        },
    }
}

#[test]
fn contrast_fires_under_4_5_to_1() {
    let grey = Rgb::hex(0xAAAAAA); // 2.3:1 on white
    let heading = run(Role::Heading, 0, 50.0, 100.0, 14.0, grey);
    assert_eq!(names(&contrasts(vec![heading])), ["contrast"]);
    // Black text on a dark box.
    let els = vec![fill(Rgb::hex(0x333333)), text(0, 100.0, 12.0)];
    assert_eq!(names(&contrasts(els)), ["contrast"]);
}

#[test]
fn contrast_is_silent_from_4_5_to_1() {
    let grey = Rgb::hex(0x767676); // 4.54:1 on white
    let heading = run(Role::Heading, 0, 50.0, 100.0, 14.0, grey);
    assert!(contrasts(vec![heading, text(1, 130.0, 12.0)]).is_empty());
    // White text on the dark box.
    let white = run(Role::Paragraph, 0, 50.0, 100.0, 12.0, Rgb(1.0, 1.0, 1.0));
    assert!(contrasts(vec![fill(Rgb::hex(0x333333)), white]).is_empty());
}
