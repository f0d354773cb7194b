//! The document properties: random small documents built through the pipeline into
//! PDFs read back as their page model and text, and following the break rules in
//! several print forms.

use super::*;

#[derive(Debug, Clone)]
pub enum BlockCase {
    Paragraph(String),
    List(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct SectionCase {
    heading: Option<String>,
    warning: bool,
    body: Vec<BlockCase>,
}

#[derive(Debug, Clone)]
pub struct DocCase {
    title: String,
    sections: Vec<SectionCase>,
    disclaimer: Option<String>,
}

pub fn block_case() -> impl Strategy<Value = BlockCase> {
    prop_oneof![
        3 => markup_text(true, 1..30).prop_map(BlockCase::Paragraph),
        1 => proptest::collection::vec(markup_text(true, 1..10), 1..4).prop_map(BlockCase::List),
    ]
}

pub fn section_case() -> impl Strategy<Value = SectionCase> {
    (
        proptest::option::of(markup_text(true, 1..7)),
        (0u8..4).prop_map(|v| v == 0),
        proptest::collection::vec(block_case(), 1..3),
    )
        .prop_map(|(heading, warning, body)| SectionCase {
            heading,
            warning,
            body,
        })
}

pub fn doc_case() -> impl Strategy<Value = DocCase> {
    (
        markup_text(true, 1..7),
        proptest::collection::vec(section_case(), 1..4),
        proptest::option::of(markup_text(true, 3..20)),
    )
        .prop_map(|(title, sections, disclaimer)| DocCase {
            title,
            sections,
            disclaimer,
        })
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

pub fn yaml(d: &DocCase) -> String {
    let mut y = format!(
        "language: en\ntitle: {}\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n",
        quoted(&d.title)
    );
    let block = |y: &mut String, b: &BlockCase, indent: &str| match b {
        BlockCase::Paragraph(t) => y.push_str(&format!("{indent}- {}\n", quoted(t))),
        BlockCase::List(items) => {
            y.push_str(&format!("{indent}- list:\n"));
            for it in items {
                y.push_str(&format!("{indent}    - {}\n", quoted(it)));
            }
        }
    };
    for (i, s) in d.sections.iter().enumerate() {
        y.push_str(&format!("  - id: s{i}\n"));
        if let Some(h) = &s.heading {
            y.push_str(&format!("    heading: {}\n", quoted(h)));
        }
        if s.warning {
            y.push_str("    kind: warning\n");
        }
        y.push_str("    body:\n");
        for b in &s.body {
            block(&mut y, b, "      ");
        }
    }
    if let Some(t) = &d.disclaimer {
        y.push_str("disclaimer:\n");
        block(&mut y, &BlockCase::Paragraph(t.clone()), "  ");
    }
    y
}

/// A glyph as the PDF should give it back: text, x, y (PDF user space), size,
/// whether it is an artifact, and the index of its element on the page.
type ModelGlyph = (String, f32, f32, f32, bool, usize);

/// Every glyph the page model draws, page by page.
pub fn model_glyphs(layout: &Layout) -> Vec<Vec<ModelGlyph>> {
    layout
        .pages
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            for (ei, e) in p.elements().iter().enumerate() {
                let Shape::Glyphs(run) = &e.shape else {
                    continue;
                };
                // A list item's label is content (the Lbl of its item).
                let artifact = matches!(e.role, Role::Artifact | Role::Box);
                let texts = handout::pdf::extract::glyph_texts(run);
                for (g, e) in run.glyphs.iter().zip(&texts) {
                    out.push((
                        e.text().to_string(),
                        run.x + g.x + g.x_offset,
                        p.height - run.baseline + g.y_offset,
                        run.size,
                        artifact,
                        ei,
                    ));
                }
            }
            out
        })
        .collect()
}

/// The document of case `d` (with `extra` YAML keys) and its style, loaded in print
/// form `form` as a build loads them, its YAML source, and the folder that holds it.
pub fn load_case(
    d: &DocCase,
    extra: &str,
    form: &PrintForm,
) -> Result<(handout::model::Document, Style, String, tempfile::TempDir), TestCaseError> {
    for t in std::iter::once(&d.title)
        .chain(d.disclaimer.iter())
        .chain(d.sections.iter().flat_map(|s| s.heading.iter()))
    {
        prop_assume!(markup::parse(t).is_ok());
    }
    for s in &d.sections {
        for b in &s.body {
            match b {
                BlockCase::Paragraph(t) => prop_assume!(markup::parse(t).is_ok()),
                BlockCase::List(items) => {
                    for t in items {
                        prop_assume!(markup::parse(t).is_ok());
                    }
                }
            }
        }
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("prop");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let source = yaml(d).replacen("version: \"1\"\n", &format!("version: \"1\"\n{extra}"), 1);
    std::fs::write(dir.join("en.yaml"), &source).expect("write");
    let h = handout::discover::discover(&dir).expect("discover")[0].clone();
    let (doc, style) = handout::build::load(&h, "en", form, handout::model::Limits::default())
        .map_err(|e| TestCaseError::fail(format!("{e:?}\n{source}")))?;
    Ok((doc, style, source, tmp))
}

pub fn check_document(d: &DocCase) -> Result<(), TestCaseError> {
    let geometry = Geometry {
        max_pages: None,
        ..Geometry::for_form(&PrintForm::default())
    };
    let (doc, style, source, _tmp) = load_case(d, "", &PrintForm::default())?;
    let layout = handout::build::typeset(&doc, &style, &geometry)
        .map_err(|e| TestCaseError::fail(format!("{e:?}\n{source}")))?;
    let pdf = handout::pdf::render(&layout).expect("render");
    let read = support::pages(&support::load(&pdf));
    prop_assert_eq!(read.len(), layout.pages.len());

    // The PDF gives back the page model, glyph for glyph.
    let model = model_glyphs(&layout);
    for (pi, (page, want)) in read.iter().zip(&model).enumerate() {
        prop_assert_eq!(page.glyphs.len(), want.len(), "page {} glyph count", pi);
        for (g, (text, x, y, size, artifact, _)) in page.glyphs.iter().zip(want) {
            let same = g.text == *text
                && (g.x - x).abs() < 0.05
                && (g.y - y).abs() < 0.01
                && (g.size - size).abs() < 0.01
                && g.artifact == *artifact;
            prop_assert!(
                same,
                "page {pi}: read {g:?}, model ({text:?}, {x}, {y}, {size}, {artifact})\n{source}"
            );
            // Inside the margins (horizontally: all; vertically: content).
            prop_assert!(
                g.x >= geometry.margins.left - 0.01
                    && g.x + g.width <= page.width - geometry.margins.right + 0.01,
                "page {pi}: glyph {g:?} outside the side margins\n{source}"
            );
            if !g.artifact {
                let from_top = page.height - g.y;
                prop_assert!(
                    from_top >= geometry.margins.top - 0.01
                        && from_top <= page.height - geometry.margins.bottom + 0.01,
                    "page {pi}: glyph {g:?} outside the top/bottom margins\n{source}"
                );
            }
        }
    }

    // Block by block, the text read back is the input text.
    let content_roles = [
        Role::Title,
        Role::Heading,
        Role::Paragraph,
        Role::ListItem,
        Role::Disclaimer,
    ];
    let mut blocks: std::collections::BTreeMap<usize, (Role, Vec<String>)> = Default::default();
    for ((page, layout_page), want) in read.iter().zip(&layout.pages).zip(&model) {
        let mut k = 0;
        for (ei, e) in layout_page.elements().iter().enumerate() {
            let Shape::Glyphs(run) = &e.shape else {
                continue;
            };
            // The glyphs of this run, as read from the PDF.
            let n = run.glyphs.len();
            prop_assert!(want[k..k + n].iter().all(|m| m.5 == ei));
            let text: String = page.glyphs[k..k + n]
                .iter()
                .map(|g| g.text.as_str())
                .collect();
            k += n;
            if content_roles.contains(&e.role) {
                blocks
                    .entry(e.block)
                    .or_insert((e.role, Vec::new()))
                    .1
                    .push(text);
            }
        }
    }
    let texts: Vec<markup::StyledText> = doc
        .texts()
        .iter()
        .map(|t| markup::parse(&t.markup).expect("markup"))
        .collect();
    prop_assert_eq!(blocks.len(), texts.len(), "blocks {:?}", blocks);
    for ((role, lines), styled) in blocks.values().zip(&texts) {
        let input = &styled.text;
        let hyphenated = matches!(role, Role::Paragraph | Role::ListItem | Role::Disclaimer);
        let hyphens = if hyphenated {
            hyphen_points(styled, "en")
        } else {
            Vec::new()
        };
        locate(input, lines, &opportunities(input), &hyphens).map_err(|e| {
            TestCaseError::fail(format!("{role:?}: {e}\ninput {input:?}\nlines {lines:#?}"))
        })?;
    }
    Ok(())
}

/// Print forms the break rules are checked in: paper, large print, imposition.
pub const FORMS: [(PaperSize, bool, Imposition); 6] = [
    (PaperSize::A4, false, Imposition::Single),
    (PaperSize::A4, true, Imposition::Single),
    (PaperSize::A4, false, Imposition::TwoColumn),
    (PaperSize::Letter, true, Imposition::TwoColumn),
    (PaperSize::A5, false, Imposition::TwoColumn),
    (PaperSize::A4, false, Imposition::TriFold),
];

/// Builds case `d` with an online address in print form `form` and checks the break
/// rules on the PDF read back; a leaflet that does not fit the form is skipped.
pub fn check_breaks(d: &DocCase, form: usize) -> Result<(), TestCaseError> {
    let (paper, large, imposition) = FORMS[form];
    let print = PrintForm::new(paper, large, imposition);
    let geometry = Geometry {
        max_pages: None,
        ..Geometry::for_form(&print)
    };
    let (doc, style, source, _tmp) =
        load_case(d, "url: https://example.org/leaflets/p?v=1\n", &print)?;
    let built = match handout::build::render(&doc, &style, &geometry) {
        Ok(b) => b,
        Err(e) => {
            let msg = e.to_string();
            let too_big = ["does not fit", "overflows by", "mm wide but"];
            // Skipped: the leaflet does not fit this form (said so by the error).
            prop_assume!(!too_big.iter().any(|m| msg.contains(m)), "too big: {}", msg);
            return Err(TestCaseError::fail(format!("{msg}\n{source}")));
        }
    };
    let pages = support::structure::running_text_pages(&support::load(&built.pdf));
    let broken = support::breaks::violations(&style, &geometry, &doc, &pages);
    prop_assert!(broken.is_empty(), "{}: {broken:#?}\n{source}", print.name());
    Ok(())
}
