use crate::layout::{Geometry, Imposition, PaperSize, PrintForm, Style};

/// A handout of `paragraphs` paragraphs of about 1 000 characters each.
fn document(paragraphs: usize) -> (tempfile::TempDir, crate::model::Document) {
    let text = "Ketamine may help people whose chronic pain does not respond to other treatment. "
        .repeat(12);
    let mut yaml = String::from(
        "language: en\ntitle: Long\nrevised: 2026-01-01\nversion: \"1\"\nsections:\n  - id: a\n    body:\n",
    );
    for _ in 0..paragraphs {
        yaml.push_str(&format!("      - \"{}\"\n", text.trim_end()));
    }
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("en.yaml");
    std::fs::write(&path, yaml).expect("write");
    let doc =
        crate::model::load_source(&path, "long", crate::model::Limits::default()).expect("load");
    (dir, doc)
}

/// Issue 11 item 13: past what the print form can hold (8 large-print pages), chunks
/// keep their height, for the overflow figure, but not their glyphs.
#[test]
fn chunks_past_the_page_limit_keep_their_height_but_no_elements() {
    let (_dir, doc) = document(60);
    let form = PrintForm::new(PaperSize::A4, true, Imposition::Single);
    let (style, geometry) = (Style::for_form(&form), Geometry::for_form(&form));
    let book = crate::text::FontBook::shared().expect("fonts");
    let flow = crate::layout::flow_in(&doc, book, &style, &geometry).expect("flow");
    let capacity = 8.0 * geometry.content.height;
    let mut height = 0.0;
    for c in &flow.chunks {
        height += c.height;
        if height < capacity {
            assert!(
                c.frame.as_ref().is_some_and(|f| !f.items.is_empty()),
                "a line within the limit lost its glyphs"
            );
        } else if height > capacity + c.height {
            assert!(
                c.frame.as_ref().is_some_and(|f| f.items.is_empty()),
                "a line past the limit kept its glyphs"
            );
        }
    }
    assert!(height > 2.0 * capacity, "the handout is {height} pt tall");
    let err = crate::layout::layout(&doc, &style, &geometry).expect_err("too long");
    assert!(
        err.to_string()
            .contains(" pages but A4 large print allows 8: it overflows by "),
        "{err}"
    );
}
