//! A clinic's one layout choice: `text_align: justified` in clinic.yaml sets body text
//! flush with both edges of the column, read back from the PDF's glyph positions.

mod support;

use handout::layout::{Geometry, PrintForm};

/// Builds the English ketamine leaflet (A4) through the command line from a handouts
/// folder whose clinic.yaml is `clinic`: exit code, standard error, the PDF if any.
fn build(clinic: &str) -> (i32, String, Option<Vec<u8>>) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("handouts/ketamine");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy("handouts/ketamine/en.yaml", dir.join("en.yaml")).expect("copy");
    std::fs::write(tmp.path().join("handouts/clinic.yaml"), clinic).expect("clinic");
    let out = tmp.path().join("out");
    let handouts = tmp.path().join("handouts");
    let (code, _, err) = support::run(&[
        "build",
        handouts.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
        "-q",
    ]);
    (code, err, std::fs::read(out.join("ketamine.en.pdf")).ok())
}

/// The ends of the body lines (the right edge of each line's last glyph) of the
/// leaflet built with `clinic`, and the right edge of the measure.
fn line_ends(clinic: &str) -> (Vec<f32>, f32) {
    let (code, err, pdf) = build(clinic);
    assert_eq!(code, 0, "{err}");
    let pdf = support::load(&pdf.expect("pdf"));
    let g = Geometry::for_form(&PrintForm::default());
    let right = g.paper.width - g.margins.right;
    let mut ends = Vec::new();
    for page in support::pages(&pdf) {
        // Body text is set at 12 pt; group its glyphs into lines by baseline.
        let mut lines: std::collections::BTreeMap<i32, f32> = Default::default();
        for glyph in page.glyphs.iter().filter(|g| !g.artifact) {
            if (glyph.size - 12.0).abs() < 0.01 {
                let end = lines.entry((glyph.y * 10.0).round() as i32).or_insert(0.0);
                *end = end.max(glyph.x + glyph.width);
            }
        }
        ends.extend(lines.into_values());
    }
    (ends, right)
}

fn flush(ends: &[f32], right: f32) -> usize {
    ends.iter().filter(|e| (**e - right).abs() < 0.5).count()
}

#[test]
fn a_clinic_may_justify_body_text() {
    let (justified, right) = line_ends("name: Test clinic\ntext_align: justified\n");
    let (ragged, _) = line_ends("name: Test clinic\n");
    for end in &justified {
        assert!(
            *end <= right + 0.5,
            "a line runs past the margin: {end} > {right}"
        );
    }
    // Most full-measure lines end flush (the last line of each paragraph, and lines
    // in the narrower box, do not); ragged text almost never does.
    let (j, r) = (flush(&justified, right), flush(&ragged, right));
    assert!(
        j >= 10 && j > 4 * r.max(1),
        "{j} justified vs {r} ragged lines end flush"
    );
}

#[test]
fn text_align_takes_only_ragged_or_justified() {
    let (code, err, pdf) = build("text_align: centred\n");
    assert!(pdf.is_none());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("clinic.yaml") && err.contains("centred"),
        "{err}"
    );
}
