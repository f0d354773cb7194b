//! Paper sizes and large print: the same content re-laid, read back from the PDF.

mod support;

use handout::build;
use handout::layout::{Geometry, Imposition, PaperSize, PrintForm};

fn build_with(
    locale: &str,
    paper: PaperSize,
    large: bool,
) -> (handout::model::Document, build::Built) {
    support::build_ketamine(locale, &PrintForm::new(paper, large, Imposition::Single))
}

#[test]
fn paper_sizes_have_their_dimensions_and_keep_every_word() {
    for (paper, w, h) in [
        (PaperSize::A4, 595.28, 841.89),
        (PaperSize::Letter, 612.0, 792.0),
        (PaperSize::A5, 419.53, 595.28),
    ] {
        for locale in ["en", "de"] {
            let (doc, b) = build_with(locale, paper, false);
            let pdf = support::load(&b.pdf);
            let pages = support::pages(&pdf);
            for p in &pages {
                assert!(
                    (p.width - w).abs() < 0.1 && (p.height - h).abs() < 0.1,
                    "{paper:?}: {}x{}",
                    p.width,
                    p.height
                );
                for g in &p.glyphs {
                    let m = 6.35 * 72.0 / 25.4;
                    assert!(
                        g.x >= m
                            && g.x + g.width <= p.width - m
                            && g.y >= m
                            && g.y + g.size <= p.height - m,
                        "{paper:?}: {g:?}"
                    );
                }
            }
            let text = support::content_text(&pdf);
            let expected = support::source_words(&doc);
            assert_eq!(
                support::words_dehyphenated(&text, &expected),
                expected,
                "{paper:?} {locale}"
            );
        }
    }
}

#[test]
fn large_print_is_16pt_or_more_in_the_same_order() {
    let (doc, regular) = build_with("en", PaperSize::A4, false);
    let (_, large) = build_with("en", PaperSize::A4, true);
    assert!(large.pages > regular.pages, "large print needs more pages");
    let pdf = support::load(&large.pdf);
    for p in support::pages(&pdf) {
        for g in p.glyphs.iter().filter(|g| !g.artifact) {
            assert!(g.size >= 16.0, "{g:?} is under 16 pt");
        }
    }
    let expected = support::source_words(&doc);
    assert_eq!(
        support::words_dehyphenated(&support::content_text(&pdf), &expected),
        expected
    );
}

#[test]
fn qr_code_decodes_to_the_leaflets_address_in_every_form() {
    for (paper, large) in [
        (PaperSize::A4, false),
        (PaperSize::Letter, false),
        (PaperSize::A5, false),
        (PaperSize::A4, true),
    ] {
        for locale in ["en", "ar"] {
            let (doc, b) = build_with(locale, paper, large);
            let url = doc.meta.url.clone().expect("url");
            let pdf = support::load(&b.pdf);
            let found: Vec<String> = (0..b.pages)
                .flat_map(|p| support::decode_qr(&support::black_rects(&pdf, p), 6.0))
                .collect();
            assert_eq!(found, vec![url.clone()], "{paper:?} large={large} {locale}");
            // Modules of at least 0.4 mm.
            let smallest = (0..b.pages)
                .flat_map(|p| support::black_rects(&pdf, p))
                .map(|r| r.3)
                .fold(f32::MAX, f32::min);
            assert!(smallest >= 0.4 * 72.0 / 25.4 - 0.01, "module {smallest} pt");
            // The address is printed as text too.
            assert!(
                support::content_text(&pdf).contains(&url),
                "{locale}: URL not printed"
            );
        }
    }
}

fn brand_run(clinic_yaml: &str) -> (tempfile::TempDir, support::Run) {
    let tmp = tempfile::tempdir().expect("tmp");
    let k = tmp.path().join("ketamine");
    std::fs::create_dir_all(&k).expect("mkdir");
    std::fs::copy("handouts/ketamine/en.yaml", k.join("en.yaml")).expect("copy");
    std::fs::write(tmp.path().join("clinic.yaml"), clinic_yaml).expect("write");
    let out = support::cli([
        "build",
        tmp.path().to_str().unwrap_or(""),
        "-o",
        tmp.path().join("out").to_str().unwrap_or(""),
        "-q",
    ])
    .run();
    (tmp, out)
}

#[test]
fn clinic_branding_applies_to_every_handout() {
    let (tmp, out) = brand_run("name: Riverside Pain Clinic\naccent: \"#6A1B9A\"\ncontact: \"Riverside Pain Clinic, 1 Main Street · 0123 456 789\"\n");
    assert!(out.success(), "{}", out.stderr);
    let bytes = std::fs::read(tmp.path().join("out/ketamine.en.pdf")).expect("pdf");
    let pdf = support::load(&bytes);
    let text = support::content_text(&pdf);
    assert!(text.contains("1 Main Street · 0123 456 789"), "{text}");
    for p in support::pages(&pdf) {
        let art: Vec<&support::Glyph> = p.glyphs.iter().filter(|g| g.artifact).collect();
        assert!(support::text_of(&art).contains("Riverside Pain Clinic · Revised"));
    }
    // #6A1B9A as a fill colour, to within half an 8-bit level.
    assert!(
        support::uses_fill(&pdf, 0, [0x6A, 0x1B, 0x9A]),
        "accent colour not used"
    );
}

#[test]
fn low_contrast_branding_is_refused() {
    let (_tmp, out) = brand_run("accent: \"#FFD54F\"\n");
    assert_eq!(out.code, 1);
    let err = out.stderr.as_str();
    assert!(
        err.contains("contrast of 1.")
            && err.contains("at least 4.5:1")
            && err.contains("clinic.yaml:1:9"),
        "{err}"
    );
}

/// A handout of `sections` sections of about 9 800 characters each (the most one text
/// may hold), with an online address.
fn huge_handout(sections: usize) -> String {
    let words = "ketamine treatment may be beneficial for people with chronic pain that does not respond to traditional methods ";
    let text: String = words.repeat(9_800 / words.len());
    let mut yaml = String::from(
        "language: en\ntitle: Huge\nrevised: 2026-01-01\nversion: \"1\"\nurl: https://example.org/huge/{locale}\nsections:\n",
    );
    for i in 0..sections {
        yaml.push_str(&format!(
            "  - id: s{i}\n    heading: Section {i}\n    body:\n      - \"{}\"\n",
            text.trim_end()
        ));
    }
    yaml
}

/// Issue 11 item 13: large print had no page limit (a 1 MB handout gave a 650-page
/// PDF); now every print form has one, and the error names the form, the limit and
/// the overflow, and writes nothing.
#[test]
fn large_print_has_a_page_limit_and_names_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("huge");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), huge_handout(30)).expect("write");
    let out = tmp.path().join("out");
    let run = support::cli(["build", "--large-print", "-q", "-o"])
        .arg(&out)
        .arg(&dir)
        .run();
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    let message = err.lines().next().unwrap_or("");
    let (needs, rest) = message
        .strip_prefix("error: the `en` leaflet needs ")
        .and_then(|m| m.split_once(" pages but A4 large print allows 8: it overflows by "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(needs.parse::<usize>().is_ok_and(|n| n > 8), "{err}");
    assert!(
        rest.strip_suffix(" mm")
            .is_some_and(|mm| mm.parse::<usize>().is_ok_and(|v| v > 1000)),
        "{err}"
    );
    support::no_pdf_in(&out);
}

#[test]
fn every_print_form_has_a_page_limit() {
    let limit = |paper, large, imposition| {
        Geometry::for_form(&PrintForm::new(paper, large, imposition)).max_pages
    };
    for (paper, regular) in [
        (PaperSize::A4, 2),
        (PaperSize::Letter, 2),
        (PaperSize::A5, 4),
    ] {
        for imposition in [Imposition::Single, Imposition::TwoColumn] {
            assert_eq!(limit(paper, false, imposition), Some(regular));
            assert_eq!(limit(paper, true, imposition), Some(4 * regular));
        }
        for large in [false, true] {
            assert_eq!(limit(paper, large, Imposition::TriFold), Some(2));
        }
    }
}

/// A draft notice that wraps (A5 is narrow) stays clear of the title under it: the
/// content moves down rather than touch it.
#[test]
fn a_wrapped_draft_notice_keeps_clear_of_the_title() {
    let form = PrintForm::new(PaperSize::A5, false, handout::layout::Imposition::Single);
    let mut wrapped = 0;
    for locale in ["de", "es", "fr", "ru", "vi", "ar", "zh-Hans"] {
        let (_, built) = support::build_ketamine(locale, &form);
        let pdf = support::load(&built.pdf);
        let set_apart = support::structure::notice(&pdf);
        let page = &support::pages(&pdf)[0];
        let notice: Vec<&support::Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.mcid.is_some_and(|m| set_apart.contains(&(0, m))))
            .collect();
        let lines = notice
            .iter()
            .map(|g| (g.y * 10.0).round() as i64)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        wrapped += usize::from(lines > 1);
        // PDF y grows upwards: the notice's lowest baseline and the content's top.
        let notice_bottom = notice
            .iter()
            .map(|g| g.y - 0.25 * g.size)
            .fold(f32::MAX, f32::min);
        let content_top = page
            .glyphs
            .iter()
            .filter(|g| !g.artifact && g.mcid.is_some_and(|m| !set_apart.contains(&(0, m))))
            .map(|g| g.y + 0.75 * g.size)
            .fold(f32::MIN, f32::max);
        assert!(
            notice_bottom > content_top + 2.0,
            "{locale}: the notice reaches {notice_bottom}, the title {content_top}"
        );
    }
    assert!(
        wrapped > 0,
        "some notice wraps on A5 (else this tests nothing)"
    );
}
