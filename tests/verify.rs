//! Issue 13: the build reads back every PDF it writes and refuses one that does not
//! read as its source. These feed the check a PDF with a block's text dropped and
//! one with a glyph outside every element and artifact, and expect both caught.

mod support;

use handout::layout::{FrameItem, Geometry, PrintForm, Role};
use lopdf::{Object, Stream};

/// The English A4 leaflet's document and layout, as the pipeline makes them.
fn laid_out() -> (handout::model::Document, handout::layout::Layout) {
    let form = PrintForm::default();
    let (doc, style) = support::pipeline::prepared_ketamine("en", &form);
    let laid = handout::build::typeset(&doc, &style, &Geometry::for_form(&form)).expect("typeset");
    (doc, laid)
}

#[test]
fn a_leaflet_reads_back_as_its_source() {
    let (doc, laid) = laid_out();
    let pdf = handout::pdf::render(&laid).expect("pdf");
    handout::build::verify(&doc, &laid, &pdf).expect("reads back");
}

#[test]
fn a_block_whose_line_went_missing_is_caught_and_named() {
    let (doc, mut laid) = laid_out();
    // Drop the second line of the first paragraph, as a faulty layout might.
    let items = &mut laid.pages[0].frame.items;
    let lines: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, (_, item))| matches!(item, FrameItem::Group(g) if g.role == Role::Paragraph))
        .map(|(i, _)| i)
        .collect();
    items.remove(lines[1]);
    let pdf = handout::pdf::render(&laid).expect("pdf");
    let err = handout::build::verify(&doc, &laid, &pdf).expect_err("caught");
    assert_eq!(err.kind.exit_code(), 3, "an internal error: {err}");
    let message = err.to_string();
    assert!(
        message.contains("does not read back") && message.contains("Chronic pain affects"),
        "{message}"
    );
}

#[test]
fn a_glyph_outside_every_element_and_artifact_is_caught() {
    let (doc, laid) = laid_out();
    let pdf = handout::pdf::render(&laid).expect("pdf");
    // Append text drawn outside any marked content to page 1's content stream.
    let mut file = lopdf::Document::load_mem(&pdf).expect("parses");
    let page = file.get_pages()[&1];
    let contents = file
        .get_dictionary(page)
        .and_then(|p| p.get(b"Contents"))
        .and_then(|c| c.as_reference())
        .expect("one content stream");
    let mut content = file.get_page_content(page);
    let font = String::from_utf8_lossy(
        file.get_page_fonts(page)
            .expect("fonts")
            .keys()
            .next()
            .expect("a font"),
    )
    .into_owned();
    content.extend_from_slice(format!("\nBT /{font} 10 Tf 72 72 Td <0001> Tj ET\n").as_bytes());
    file.objects.insert(
        contents,
        Object::Stream(Stream::new(lopdf::Dictionary::new(), content)),
    );
    let mut tampered = Vec::new();
    file.save_to(&mut tampered).expect("saves");
    let err = handout::build::verify(&doc, &laid, &tampered).expect_err("caught");
    assert!(err.to_string().contains("page 1"), "{err}");
    assert!(err.to_string().contains("outside tagged content"), "{err}");
}
