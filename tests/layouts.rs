//! Two-column and tri-fold layouts, read back from the PDF: page size and count, every
//! glyph inside its column or panel, text in reading order, QR code, fold marks.

mod support;

use handout::build;
use handout::layout::{Geometry, Imposition, PaperSize, PrintForm, Style};
use support::Glyph;

const MM: f32 = 72.0 / 25.4;

fn build_with(
    locale: &str,
    paper: PaperSize,
    imposition: Imposition,
) -> (handout::model::Document, build::Built) {
    support::build_ketamine(locale, &PrintForm::new(paper, false, imposition))
}

fn inside(g: &Glyph, x0: f32, x1: f32) -> bool {
    g.x >= x0 - 0.5 && g.x + g.width <= x1 + 0.5
}

#[test]
fn two_columns_keep_every_glyph_in_its_column_and_read_in_order() {
    for locale in ["en", "de", "ar", "zh-Hans"] {
        let form = PrintForm::new(PaperSize::A4, false, Imposition::TwoColumn);
        let (style, geometry) = (Style::for_form(&form), Geometry::for_form(&form));
        let (doc, b) = build_with(locale, PaperSize::A4, Imposition::TwoColumn);
        let pdf = support::load(&b.pdf);
        // The draft notice runs across both columns, as the footer does.
        let pages = support::structure::running_text_pages(&pdf);
        assert!(pages.len() <= 2, "{locale}: {} pages", pages.len());
        let m = geometry.measure;
        let left = (geometry.margins.left, geometry.margins.left + m);
        let right = (
            left.1 + geometry.column_gap,
            left.1 + geometry.column_gap + m,
        );
        assert!(right.1 <= geometry.paper.width - geometry.margins.right + 0.01);
        for (pi, p) in pages.iter().enumerate() {
            assert!((p.width - 595.28).abs() < 0.1 && (p.height - 841.89).abs() < 0.1);
            for g in p.glyphs.iter().filter(|g| !g.artifact) {
                let title = pi == 0 && g.size >= style.title_size - 0.01;
                assert!(
                    title || inside(g, left.0, left.1) || inside(g, right.0, right.1),
                    "{locale} page {}: {g:?} crosses the gutter or a margin",
                    pi + 1
                );
            }
        }
        support::assert_reads_as(&doc, &support::content_text(&pdf), locale);
        // The text starts in the start-side column: the right one in Arabic.
        let first_body = pages[0]
            .glyphs
            .iter()
            .find(|g| !g.artifact && g.size < style.title_size - 0.01)
            .expect("body text");
        let (start, _) = if doc.language == "ar" {
            (right, left)
        } else {
            (left, right)
        };
        assert!(
            inside(first_body, start.0, start.1),
            "{locale}: {first_body:?}"
        );
        // The last page's columns are balanced: their bottoms differ by less than a
        // fifth of the page's content height.
        let last = pages.last().expect("a page");
        let bottom = |x0: f32, x1: f32| {
            last.glyphs
                .iter()
                .filter(|g| !g.artifact && inside(g, x0, x1))
                .map(|g| g.y)
                .fold(f32::MAX, f32::min)
        };
        let (b1, b2) = (bottom(left.0, left.1), bottom(right.0, right.1));
        let content_h = geometry.content.height;
        // (y grows upwards: a lower bottom is a longer column.)
        assert!(
            b1 < f32::MAX,
            "{locale}: the first column of the last page is empty"
        );
        if b2 < f32::MAX {
            assert!(
                (b1 - b2).abs() < content_h / 5.0,
                "{locale}: column bottoms at {b1} and {b2}"
            );
        }
    }
}

/// The six panels' x ranges in reading order (cover, flap, inside ×3, back) with page.
fn panels(geometry: &Geometry, rtl: bool) -> Vec<(usize, f32, f32)> {
    use handout::layout::panels::READING_ORDER;
    let sheet = geometry.panels().expect("a tri-fold has panels");
    READING_ORDER
        .iter()
        .map(|p| {
            let b = sheet.panel_box(*p, rtl);
            (b.page, b.x, b.x + b.width)
        })
        .collect()
}

#[test]
fn trifold_panels_hold_their_text_in_reading_order() {
    for (paper, locale, w, h) in [
        (PaperSize::A4, "en", 841.89, 595.28),
        (PaperSize::A4, "de", 841.89, 595.28),
        (PaperSize::A4, "ar", 841.89, 595.28),
        (PaperSize::A4, "zh-Hans", 841.89, 595.28),
        (PaperSize::Letter, "en", 792.0, 612.0),
    ] {
        let geometry = Geometry::for_form(&PrintForm::new(paper, false, Imposition::TriFold));
        let (doc, b) = build_with(locale, paper, Imposition::TriFold);
        let rtl = doc.language == "ar";
        let pdf = support::load(&b.pdf);
        let pages = support::pages(&pdf);
        // The same without the draft notice (content on the cover) and the bullets.
        let running = support::structure::running_text_pages(&pdf);
        assert_eq!(pages.len(), 2, "{locale}: one sheet, two sides");
        for p in &pages {
            assert!((p.width - w).abs() < 0.1 && (p.height - h).abs() < 0.1);
        }
        let panels = panels(&geometry, rtl);
        // Every glyph, furniture included, keeps 3 mm from a fold and 6.35 mm from the edge.
        for (pi, p) in pages.iter().enumerate() {
            for g in &p.glyphs {
                let ok = panels.iter().any(|&(page, x0, x1)| {
                    let from_edge = |x: f32| {
                        if x < 1.0 || x > w - 1.0 {
                            6.35 * MM
                        } else {
                            3.0 * MM
                        }
                    };
                    page == pi && inside(g, x0 + from_edge(x0), x1 - from_edge(x1))
                });
                assert!(
                    ok,
                    "{locale} side {}: {g:?} is not inside one panel",
                    pi + 1
                );
                assert!(g.y >= 6.35 * MM && g.y + g.size <= h - 6.35 * MM, "{g:?}");
            }
        }
        // Reading the panels in order gives the text in order.
        let mut text = String::new();
        for (i, &(page, x0, x1)) in panels.iter().enumerate() {
            let gs: Vec<&Glyph> = pages[page]
                .glyphs
                .iter()
                .filter(|g| !g.artifact && inside(g, x0, x1))
                .collect();
            let panel_text = support::text_of(&gs);
            if i == 0 {
                // The cover carries the title alone (under the draft notice).
                let gs: Vec<&Glyph> = running[page]
                    .glyphs
                    .iter()
                    .filter(|g| !g.artifact && inside(g, x0, x1))
                    .collect();
                let panel_text = support::text_of(&gs);
                let title = handout::model::markup::parse(&doc.title.markup)
                    .expect("title")
                    .text;
                let mut cover = panel_text.clone();
                if rtl {
                    cover = cover
                        .lines()
                        .map(support::logical_line)
                        .collect::<Vec<_>>()
                        .join("\n");
                }
                let squash = |s: &str| s.split_whitespace().collect::<String>();
                assert_eq!(squash(&cover), squash(&title), "{locale}: cover");
            }
            text.push_str(&panel_text);
            text.push('\n');
        }
        support::assert_reads_as(&doc, &text, &format!("{paper:?} {locale}"));
        // The QR code is on the back panel, on the outside.
        let url = doc.meta.url.clone().expect("url");
        let rects = support::black_rects(&pdf, 0);
        assert_eq!(support::decode_qr(&rects, 6.0), vec![url], "{locale}");
        let back = panels[5];
        assert!(
            rects.iter().all(|r| r.0 >= back.1 && r.0 + r.2 <= back.2),
            "{locale}: QR off the back panel"
        );
    }
}

/// x positions where a path starts on page `index` (fold marks are vertical lines).
fn path_starts(pdf: &lopdf::Document, index: usize) -> Vec<f32> {
    let page = pdf.get_pages().into_values().nth(index).expect("page");
    let content = lopdf::content::Content::decode(&pdf.get_page_content(page)).expect("content");
    content
        .operations
        .iter()
        .filter(|op| op.operator == "m")
        .filter_map(|op| op.operands.first().and_then(|o| o.as_float().ok()))
        .collect()
}

#[test]
fn fold_marks_sit_on_the_folds_only_when_asked() {
    let form = PrintForm::new(PaperSize::A4, false, Imposition::TriFold);
    let (_, plain) = support::build_ketamine("en", &form);
    let (_, marked) = support::build_ketamine("en", &form.with_fold_marks().expect("a tri-fold"));
    let near = |xs: &[f32], v: f32| xs.iter().filter(|x| (**x - v * MM).abs() < 0.1).count();
    let (outside, inside) = (
        path_starts(&support::load(&marked.pdf), 0),
        path_starts(&support::load(&marked.pdf), 1),
    );
    // A mark at the top and at the bottom of each fold.
    assert_eq!(
        (near(&outside, 97.0), near(&outside, 197.0)),
        (2, 2),
        "{outside:?}"
    );
    assert_eq!(
        (near(&inside, 100.0), near(&inside, 200.0)),
        (2, 2),
        "{inside:?}"
    );
    let plain_starts = path_starts(&support::load(&plain.pdf), 0);
    assert_eq!(near(&plain_starts, 97.0), 0);
}

#[test]
fn trifold_that_does_not_fit_says_by_how_much_and_writes_nothing() {
    let long = "Ketamine treatment may be beneficial for individuals with chronic pain that is not responsive to traditional pain management techniques. ".repeat(6);
    let mut yaml =
        String::from("language: en\ntitle: Long\nrevised: 2026-01-01\nversion: \"1\"\nsections:\n");
    for i in 0..14 {
        yaml.push_str(&format!(
            "  - id: s{i}\n    heading: Section {i}\n    body:\n      - \"{long}\"\n"
        ));
    }
    let (dir, run) = build_dir(&yaml, "trifold");
    let out = dir.path().join("out");
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    assert!(
        err.contains(
            "the `en` leaflet does not fit the A4 tri-fold (one sheet, both sides): the text overflows by "
        )
            && err.contains(" mm")
            && err.contains("en.yaml"),
        "{err}"
    );
    support::no_pdf_in(&out);
}

#[test]
fn fold_marks_without_a_trifold_is_a_usage_error() {
    let run = support::cli([
        "build",
        "handouts/ketamine",
        "--fold-marks",
        "-o",
        "/nonexistent",
    ])
    .run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--layout trifold"));
}

#[test]
fn a_long_address_breaks_after_a_slash_in_a_narrow_column() {
    let form = PrintForm::new(PaperSize::A5, false, Imposition::TwoColumn);
    let geometry = Geometry::for_form(&form);
    let (doc, b) = support::build_ketamine("en", &form);
    let pdf = support::load(&b.pdf);
    let text = support::content_text(&pdf);
    let url = doc.meta.url.clone().expect("url");
    let (head, tail) = url.split_at(url.find("ketamine").expect("path"));
    assert!(text.contains(&format!("{head}\n{tail}")), "{text}");
    for p in support::pages(&pdf) {
        for g in p.glyphs.iter().filter(|g| !g.artifact) {
            assert!(
                g.x + g.width <= p.width - geometry.margins.right + 0.5,
                "{g:?}"
            );
        }
    }
}

fn build_dir(yaml: &str, layout: &str) -> (tempfile::TempDir, support::Run) {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("h")).expect("mkdir");
    std::fs::write(dir.path().join("h/en.yaml"), yaml).expect("write");
    let run = support::cli(["build", "--layout", layout, "-o"])
        .arg(dir.path().join("out"))
        .arg(dir.path().join("h"))
        .run();
    (dir, run)
}

#[test]
fn a_word_wider_than_a_column_is_an_error_not_an_overprint() {
    let yaml = "language: en\ntitle: Long words\nrevised: 2026-11-25\nversion: \"1\"\nterms: [Pneumonoultramicroscopicsilicovolcanoconiosis]\nsections:\n  - id: a\n    body:\n      - \"A word: Pneumonoultramicroscopicsilicovolcanoconiosis is long.\"\n";
    let (dir, run) = build_dir(yaml, "trifold");
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    assert!(
        err.contains("`Pneumonoultramicroscopicsilicovolcanoconiosis` is")
            && err.contains("en.yaml:9:9")
            && err.contains("text column of this layout is 81 mm"),
        "{err}"
    );
    support::no_pdf_in(&dir.path().join("out"));
    // The same text fits the single column.
    let (_dir, run) = build_dir(yaml, "single");
    assert!(run.success(), "{}", run.stderr);
}

#[test]
fn a_title_taller_than_the_page_is_an_error_in_two_columns() {
    let title = "Pain ".repeat(400);
    let yaml = format!("language: en\ntitle: {title}\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - Text.\n");
    let (_dir, run) = build_dir(&yaml, "two-column");
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    assert!(
        err.contains("the title is") && err.contains("overflows by"),
        "{err}"
    );
}
