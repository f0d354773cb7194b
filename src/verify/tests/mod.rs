//! Small tagged PDFs written with pdf-writer, read back.

mod fixture;
mod tj_arrays;
mod whole_files;

use super::*;
use fixture::{
    artifact, el, heading_and_linked_paragraph, line, mcid, tj, utf16_hex, Fixture, Node,
};

fn read(fixture: &Fixture) -> ReadBack {
    read_back(&fixture.build()).expect("the fixture is a readable PDF")
}

fn kinds_and_texts(read: &ReadBack) -> Vec<(usize, &str, &str)> {
    read.elements
        .iter()
        .map(|e| (e.depth, e.kind.as_str(), e.text.as_str()))
        .collect()
}

#[test]
fn elements_in_tree_order_with_their_texts() {
    let page0 = [
        mcid("H1", 0, &line(800.0, &tj("Ketamine"))),
        mcid("P", 1, &line(780.0, &tj("Before the "))),
        mcid("Link", 2, &line(780.0, &tj("test"))),
        mcid("P", 3, &line(780.0, &tj(", eat nothing."))),
        artifact(&line(760.0, &tj("•"))),
        mcid("LBody", 4, &line(760.0, &tj("First item"))),
    ]
    .concat();
    let page1 = [
        artifact(&line(20.0, &tj("Page 2"))),
        mcid("P", 0, &line(800.0, &tj("Second page."))),
    ]
    .concat();
    let mut kids = heading_and_linked_paragraph(3);
    kids.extend([
        el(
            "L",
            vec![el("LI", vec![el("LBody", vec![Node::Mcid(0, 4)])])],
        ),
        el("P", vec![Node::Mcid(1, 0)]),
    ]);
    let tree = el("Document", kids);
    let mut fixture = Fixture::new(&[page0, page1], tree);
    let read = read(&fixture);
    assert_eq!(read.problems, []);
    assert_eq!(
        kinds_and_texts(&read),
        [
            (
                0,
                "Document",
                "Ketamine Before the  test , eat nothing. First item Second page."
            ),
            (1, "H1", "Ketamine"),
            (1, "P", "Before the  test , eat nothing."),
            (2, "Link", "test"),
            (1, "L", "First item"),
            (2, "LI", "First item"),
            (3, "LBody", "First item"),
            (1, "P", "Second page."),
        ]
    );
    let p = &read.elements[2];
    assert_eq!(p.own_text, "Before the  , eat nothing.");
    assert_eq!(p.marked, [(0, 1), (0, 3)]);
    assert!(read.elements[3].has_objr && !p.has_objr);
    assert_eq!(read.elements[7].page, Some(1));
    assert_eq!(read.elements[0].page, Some(0));
    assert_eq!(
        normalise(&p.text),
        normalise("Before the test, eat nothing.")
    );
    // A parent tree naming another element for the link annotation is caught.
    fixture.wrong_parent = Some(0);
    let problems = super::read_back(&fixture.build()).map(|r| r.problems);
    assert!(
        problems.is_ok_and(|p| p.contains(&Problem::AnnotationParentMismatch { page: Some(0) }))
    );
}

#[test]
fn an_untagged_glyph_is_reported_and_artifacts_are_not() {
    let page = [
        mcid("P", 0, &line(800.0, &tj("Tagged"))),
        artifact(&line(20.0, &tj("Footer"))),
        line(700.0, &tj("Loose")),
        // An untagged path and an untagged image, and a tagged path.
        "0 0 10 10 re f\n/Im1 Do\n".to_string(),
        mcid("Figure", 1, "0 0 5 5 re f\n"),
    ]
    .concat();
    let tree = el(
        "Document",
        vec![
            el("P", vec![Node::Mcid(0, 0)]),
            el("Figure", vec![Node::Mcid(0, 1)]),
        ],
    );
    let read = read(&Fixture::new(&[page], tree));
    assert_eq!(
        read.problems,
        [
            Problem::UntaggedGlyphs {
                page: 0,
                count: 5,
                sample_text: "Loose".into()
            },
            Problem::UntaggedContent {
                page: 0,
                what: "image",
                count: 1
            },
            Problem::UntaggedContent {
                page: 0,
                what: "path",
                count: 1
            },
        ]
    );
    assert_eq!(read.glyphs, "TaggedFooterLoose".len());
}

#[test]
fn an_mcid_in_no_element_and_one_the_page_lacks_are_reported() {
    let page = [
        mcid("P", 0, &line(800.0, &tj("Named"))),
        mcid("P", 1, &line(780.0, &tj("Orphan"))),
    ]
    .concat();
    let tree = el(
        "Document",
        vec![el("P", vec![Node::Mcid(0, 0), Node::Mcid(0, 7)])],
    );
    let read = read(&Fixture::new(&[page], tree));
    assert!(read
        .problems
        .contains(&Problem::McidMissing { page: 0, mcid: 7 }));
    assert!(read
        .problems
        .contains(&Problem::McidNotInTree { page: 0, mcid: 1 }));
    assert_eq!(read.elements[1].text, "Named");
}

#[test]
fn an_mcid_marked_twice_nested_or_named_twice_is_reported() {
    let page = [
        mcid("P", 0, &line(800.0, &tj("a"))),
        mcid("P", 0, &line(780.0, &tj("b"))),
        mcid("P", 1, &mcid("Span", 2, &line(760.0, &tj("c")))),
    ]
    .concat();
    let tree = el(
        "Document",
        vec![
            el("P", vec![Node::Mcid(0, 0), Node::Mcid(0, 1)]),
            el("P", vec![Node::Mcid(0, 1), Node::Mcid(0, 2)]),
        ],
    );
    let read = read(&Fixture::new(&[page], tree));
    for expected in [
        Problem::McidTwice { page: 0, mcid: 0 },
        Problem::NestedMcid { page: 0, mcid: 2 },
        Problem::McidClaimedTwice { page: 0, mcid: 1 },
    ] {
        assert!(
            read.problems.contains(&expected),
            "{expected:?} in {:?}",
            read.problems
        );
    }
}

#[test]
fn actual_text_replaces_the_glyphs_and_an_empty_one_stands_for_nothing() {
    let body = [
        tj("a"),
        format!(
            " /Span <</ActualText {}>> BDC {} EMC ",
            utf16_hex("fi"),
            tj("\u{E000}")
        ),
        tj("ne"),
        // A mark shaped into its base letter: its glyph stands for nothing.
        format!(" /Span <</ActualText ()>> BDC {} EMC ", tj("x")),
        // A literal-string ActualText in PDFDocEncoding.
        format!(" /Span <</ActualText (\\204)>> BDC {} EMC ", tj("y")),
    ]
    .concat();
    // An MCID sequence with an /ActualText of its own (as krilla writes spans).
    let own = format!(
        "/Span <</MCID 1 /ActualText ({})>> BDC {} EMC\n",
        "row",
        line(780.0, &tj("ro-"))
    );
    let page = mcid("P", 0, &line(800.0, &body)) + &own;
    let tree = el("P", vec![Node::Mcid(0, 0), Node::Mcid(0, 1)]);
    let read = read(&Fixture::new(&[page], tree));
    assert_eq!(read.problems, []);
    assert_eq!(read.elements[0].text, "afine— row");
}

#[test]
fn a_word_span_over_raised_segments_reads_as_its_word_once_on_its_line() {
    // As the writer draws a Hindi or Nastaliq word: one span for the word, its
    // glyphs in several segments moved with `Tm` and raised with `Ts`, a glyph with
    // an empty span of its own inside (readers take the outermost span).
    let word = format!(
        "/Span <</ActualText {}>> BDC 1 0 0 1 72 800 Tm {} 3.5 Ts 1 0 0 1 78 800 Tm {} \
         /Span <</ActualText ()>> BDC {} EMC 0 Ts 1 0 0 1 90 800 Tm {} EMC",
        utf16_hex("दीर्घकालिक"),
        tj("a"),
        tj("b"),
        tj("c"),
        tj("d")
    );
    let body = format!("{word} 1 0 0 1 100 800 Tm {}", tj(" next"));
    let page = mcid("P", 0, &line(800.0, &body));
    let read = read(&Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)])));
    assert_eq!(read.problems, []);
    assert_eq!(read.elements[0].text, "दीर्घकालिक next");
}

#[test]
fn an_actual_text_span_opened_before_its_position_is_set_stays_on_its_line() {
    // The span opens before `Tm` moves the pen to the line (the writer does this
    // for a glyph with text of its own); its text belongs to that line.
    let body = format!(
        "BT /F1 10 Tf 1 0 0 1 72 800 Tm {} ET BT /Span <</ActualText ({})>> BDC \
         1 0 0 1 60 800 Tm {} EMC ET\n",
        tj("word"),
        "\\056",
        tj("x")
    );
    let page = mcid("P", 0, &body);
    let read = read(&Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)])));
    assert_eq!(read.elements[0].text, "word.");
}

#[test]
fn a_soft_hyphen_is_dropped_and_a_broken_word_joined() {
    let page = mcid(
        "P",
        0,
        &[
            line(800.0, &tj("Take keta\u{AD}")),
            line(788.0, &tj("mine with")),
            line(776.0, &tj("water.")),
        ]
        .concat(),
    );
    let read = read(&Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)])));
    assert_eq!(read.elements[0].text, "Take ketamine with water.");
}

#[test]
fn text_moved_by_td_and_tstar_keeps_its_lines() {
    // Superscript-like offsets smaller than half the size stay on the line.
    let body = format!(
        "BT /F1 10 Tf 14 TL 72 800 Td {} 0 3 Td {} T* {} ET\n",
        tj("x"),
        tj("2"),
        tj("next")
    );
    let page = mcid("P", 0, &body);
    let read = read(&Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)])));
    assert_eq!(read.elements[0].text, "x2 next");
}

/// What a right-to-left line looks like drawn: the logical text's characters in
/// visual order (UAX #9), lam-alef as its ligature glyph.
fn visual(logical: &str) -> String {
    let info = unicode_bidi::BidiInfo::new(logical, Some(unicode_bidi::Level::rtl()));
    let para = &info.paragraphs[0];
    info.reorder_line(para, para.range.clone())
        .replace("\u{627}\u{644}", "\u{E001}")
}

#[test]
fn a_right_to_left_line_in_visual_order_reads_back_in_logical_order() {
    let first = "تناول 50 ملغ من ketamine";
    let second = "لا تأكل قبل الأكل.";
    let body = [
        line(800.0, &tj(&visual(first))),
        line(780.0, &tj(&visual(second))),
    ]
    .concat();
    assert!(
        visual(first).starts_with("ketamine"),
        "Latin drawn leftmost"
    );
    assert!(
        visual(second).contains('\u{E001}'),
        "lam-alef drawn as one glyph"
    );
    let page = mcid("P", 0, &body);
    let mut fixture = Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)]));
    fixture.lang = Some("ar");
    let read = read(&fixture);
    assert_eq!(read.elements[0].text, format!("{first} {second}"));
    // Without the language the line's own letters decide, and agree here.
    fixture.lang = None;
    assert_eq!(
        super::read_back(&fixture.build()).map(|r| r.elements[0].text.clone()),
        Ok(format!("{first} {second}"))
    );
}

#[test]
fn an_element_language_overrides_the_documents() {
    // An English paragraph in an Arabic leaflet: left to right, full stop last.
    let page = [
        mcid("P", 0, &line(800.0, &tj("See page 2."))),
        mcid("P", 1, &line(780.0, &tj(&visual("انظر الصفحة 2.")))),
    ]
    .concat();
    let tree = el(
        "Document",
        vec![
            Node::Element {
                kind: "P",
                lang: Some("en"),
                alt: None,
                kids: vec![Node::Mcid(0, 0)],
            },
            el("P", vec![Node::Mcid(0, 1)]),
        ],
    );
    let mut fixture = Fixture::new(&[page], tree);
    fixture.lang = Some("ar");
    let read = read(&fixture);
    assert_eq!(read.elements[1].text, "See page 2.");
    assert_eq!(read.elements[1].lang.as_deref(), Some("en"));
    assert_eq!(read.elements[2].text, "انظر الصفحة 2.");
}

#[test]
fn utf16_text_strings_are_decoded() {
    let page = mcid("Figure", 0, "/Im1 Do\n");
    let tree = Node::Element {
        kind: "Figure",
        lang: Some("ar"),
        alt: Some("صورة – “Ketamine”"),
        kids: vec![Node::Mcid(0, 0)],
    };
    let read = read(&Fixture::new(&[page], tree));
    assert_eq!(read.problems, []);
    let figure = &read.elements[0];
    assert_eq!(figure.alt.as_deref(), Some("صورة – “Ketamine”"));
    assert_eq!(figure.lang.as_deref(), Some("ar"));
    assert_eq!(figure.text, "");
    assert_eq!(figure.pictures, 1);
}

#[test]
fn a_parent_tree_naming_another_element_is_reported() {
    let page = [
        mcid("H1", 0, &line(800.0, &tj("Title"))),
        mcid("P", 1, &line(780.0, &tj("Body"))),
    ]
    .concat();
    let tree = el(
        "Document",
        vec![
            el("H1", vec![Node::Mcid(0, 0)]),
            el("P", vec![Node::Mcid(0, 1)]),
        ],
    );
    let mut fixture = Fixture::new(&[page], tree);
    assert_eq!(read(&fixture).problems, []);
    // Every entry names the H1 (element 1 in pre-order): MCID 1 is wrong.
    fixture.wrong_parent = Some(1);
    assert_eq!(
        read(&fixture).problems,
        [Problem::ParentTreeMismatch { page: 0, mcid: 1 }]
    );
}

#[test]
fn an_untagged_pdf_lists_every_glyph_and_no_elements() {
    let page = line(800.0, &tj("Hello"));
    let mut fixture = Fixture::new(&[page], el("Document", vec![]));
    fixture.root = None;
    let read = read(&fixture);
    assert!(read.elements.is_empty());
    assert_eq!(
        read.problems,
        [Problem::UntaggedGlyphs {
            page: 0,
            count: 5,
            sample_text: "Hello".into()
        }]
    );
}

#[test]
fn unbalanced_marked_content_and_unmapped_codes_are_reported() {
    let page = format!("{}EMC\n", mcid("P", 0, &line(800.0, "<0041FFFF> Tj")));
    let read = read(&Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)])));
    assert!(read
        .problems
        .contains(&Problem::UnbalancedMarkedContent { page: 0 }));
    assert!(read.problems.contains(&Problem::UnmappedGlyphs {
        page: 0,
        font: "F1".into(),
        count: 1
    }));
    assert_eq!(read.elements[0].text, "A\u{FFFD}");
}

#[test]
fn what_is_not_a_pdf_is_an_error() {
    assert!(read_back(b"not a pdf").is_err());
    assert!(read_back(b"").is_err());
}

#[test]
fn normalise_drops_spacing_soft_hyphens_and_bidi_controls() {
    assert_eq!(
        normalise(" a\u{AD}b\u{200F} c\u{200E}\u{061C}\u{2067}d\u{2069}\n"),
        "abcd"
    );
    for (a, b) in [
        (
            " a\u{AD}b\u{200F} c\u{200E}\u{061C}\u{2067}d\u{2069}\n",
            "abcd",
        ),
        ("ketamine\u{3000}é", " keta\u{AD}mine é"),
        ("كَتَبَ ١٢", "كَتَبَ١٢"),
        ("", " \u{200E}"),
        ("abc", "abd"),
        ("ab", "abc"),
        ("é", "e"),
        ("\u{A0}x", "x"),
        // Alike for a while, then apart inside a character or at spacing.
        ("aéb", "aèb"),
        ("日本語", "日本誤"),
        ("ab\u{AD}cd", "ab\u{AD}cd "),
        ("Ketamine ist ein", "Ketamine\nist\u{AD} ein"),
        ("Ketamine ist ein", "Ketamine\nist\u{AD} eine"),
    ] {
        assert_eq!(
            same_normalised(a, b),
            normalise(a) == normalise(b),
            "{a:?} {b:?}"
        );
        assert_eq!(same_normalised(b, a), same_normalised(a, b));
    }
}

#[test]
fn hostile_nesting_is_bounded_and_reported() {
    let deep = "/Span BMC ".repeat(10_000) + &"q ".repeat(100_000) + &tj("x");
    let page = mcid("P", 0, &line(800.0, &deep));
    let read = read(&Fixture::new(&[page], el("P", vec![Node::Mcid(0, 0)])));
    assert!(read
        .problems
        .contains(&Problem::UnbalancedMarkedContent { page: 0 }));
}
