//! The English ketamine leaflet, built through the library and read back from the PDF.

mod support;

use handout::build;
use handout::layout::inline::linebreak::Mode;
use handout::layout::{Geometry, PrintForm, Role, Style};

const MM: f32 = 72.0 / 25.4;

fn build_en(form: &PrintForm) -> (handout::model::Document, build::Built) {
    support::build_ketamine("en", form)
}

#[test]
fn text_reads_back_in_order_and_complete() {
    let (doc, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    let text = support::content_text(&pdf);
    assert!(
        !text.contains('\u{FFFD}'),
        "replacement characters in:\n{text}"
    );
    let expected = support::source_words(&doc);
    let got = support::words_dehyphenated(&text, &expected);
    assert_eq!(got, expected, "extracted text:\n{text}");
}

/// The seed article as it was received (a copy of `shared/seed/ketamine-article.txt`),
/// split into its artefacts (page-break titles "… Chronic Pain 1", web-spam
/// sentences about an "external source", the trailing "related links" lines) and the
/// paragraphs of content that the handout is made from.
fn seed() -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string("tests/fixtures/seed-ketamine-article.txt").expect("seed");
    let (body, links) = text
        .split_once("Learn more about the topic")
        .expect("the seed's trailing links");
    let mut artefacts: Vec<String> = links
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("in the related links"))
        .map(String::from)
        .collect();
    artefacts.push("Learn more about the topic in the related links".into());
    let mut content = Vec::new();
    for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let numbered_title = para
            .strip_prefix("The Role of Ketamine in Managing Chronic Pain ")
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
        if numbered_title {
            artefacts.push(para.to_string());
            continue;
        }
        // Spam sentences sit at the end of real paragraphs.
        let mut kept = String::new();
        for sentence in para.split_inclusive(['.', '?']) {
            if sentence.contains("external source") {
                artefacts.push(sentence.trim().to_string());
            } else {
                kept.push_str(sentence);
            }
        }
        content.push(kept.trim().to_string());
    }
    (artefacts, content)
}

#[test]
fn seed_artefacts_are_left_out_and_its_facts_kept() {
    let (artefacts, content) = seed();
    // The artefacts the seed's README names are really found in it.
    assert_eq!(artefacts.len(), 7, "{artefacts:#?}");
    assert!(artefacts
        .iter()
        .any(|a| a == "Gain further insights about Examine here with this external source."));
    let (_, built) = build_en(&PrintForm::default());
    let text = support::content_text(&support::load(&built.pdf));
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let printed = flat(&text.replace("-\n", "").replace("\u{AD}\n", ""));
    for a in &artefacts {
        assert!(
            !printed.contains(&flat(a)),
            "the leaflet prints the artefact {a:?}"
        );
    }
    for n in ["Pain 1", "Pain 2", "external source", "in-depth content"] {
        assert!(!printed.contains(n), "found {n:?}");
    }
    // Facts of the content: every number and every side effect the seed names.
    let content = content.join(" ");
    let numbers: Vec<&str> = content
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(numbers, ["50"], "the seed's numbers");
    for fact in numbers.iter().copied().chain([
        "dizziness",
        "nausea",
        "vomiting",
        "hallucinations",
        "respiratory depression",
        "seizures",
        "N-methyl-D-aspartate (NMDA)",
        "intravenously",
        "healthcare provider",
    ]) {
        assert!(content.contains(fact), "the seed has no {fact:?}");
        assert!(
            printed.contains(fact),
            "the leaflet lost {fact:?}:\n{printed}"
        );
    }
}

#[test]
fn a4_one_or_two_pages_with_footer() {
    let (_, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    let pages = support::pages(&pdf);
    assert!((1..=2).contains(&pages.len()), "{} pages", pages.len());
    assert_eq!(pages.len(), built.pages);
    for (i, p) in pages.iter().enumerate() {
        assert!(
            (p.width - 595.28).abs() < 0.1 && (p.height - 841.89).abs() < 0.1,
            "page size {}x{}",
            p.width,
            p.height
        );
        let art: Vec<&support::Glyph> = p.glyphs.iter().filter(|g| g.artifact).collect();
        let footer = support::text_of(&art);
        // The date as English writes it (CLDR's long date); the metadata keeps ISO.
        assert!(
            footer.contains("Revised November 25, 2026"),
            "footer: {footer}"
        );
        assert!(!footer.contains("2026-11-25"), "footer: {footer}");
        assert!(footer.contains("Version 1.0"), "footer: {footer}");
        assert!(
            footer.contains(&format!("Page {} of {}", i + 1, pages.len())),
            "footer: {footer}"
        );
    }
}

#[test]
fn every_glyph_is_inside_the_margins() {
    let (_, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    for p in support::pages(&pdf) {
        assert!(!p.glyphs.is_empty());
        for g in &p.glyphs {
            let margin = 12.0 * MM;
            assert!(
                g.x >= margin && g.x + g.width <= p.width - margin,
                "{g:?} outside horizontally"
            );
            // Baseline minus descender and plus ascender stay inside too.
            assert!(
                g.y - 0.3 * g.size >= margin && g.y + g.size <= p.height - margin,
                "{g:?} outside vertically"
            );
        }
    }
}

#[test]
fn body_text_is_at_least_10pt_and_lines_at_most_80_characters_on_average() {
    let (_, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    let mut line_lengths = Vec::new();
    for p in support::pages(&pdf) {
        for g in p.glyphs.iter().filter(|g| !g.artifact) {
            assert!(g.size >= 10.0, "{g:?} is under 10 pt");
        }
        let body: Vec<&support::Glyph> = p
            .glyphs
            .iter()
            .filter(|g| !g.artifact && (g.size - 12.0).abs() < 0.01)
            .collect();
        line_lengths.extend(support::text_of(&body).lines().map(|l| l.chars().count()));
    }
    let full: Vec<usize> = line_lengths.iter().copied().filter(|l| *l > 40).collect();
    let avg = full.iter().sum::<usize>() as f32 / full.len() as f32;
    assert!(avg <= 80.0, "average line length {avg}");
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let (_, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    let fonts = support::fonts(&pdf);
    assert!(fonts.len() >= 2, "regular and bold");
    for f in fonts {
        let (tag, name) = f.base_font.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{}",
            f.base_font
        );
        assert!(name.starts_with("NotoSans"), "{name}");
        let size = f.embedded_bytes.expect("font program embedded");
        assert!(size < 100_000, "{name} embeds {size} bytes: not subset");
    }
    assert!(built.pdf.len() < 40_000, "PDF is {} bytes", built.pdf.len());
}

/// The embedded subsets carry outlines, metrics and the licence notice (`name`), not
/// TrueType hinting, which no PDF viewer or printer needs (a quarter of the file).
#[test]
fn embedded_fonts_carry_no_hinting_but_keep_their_licence_notice() {
    let (_, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    let mut programs = 0;
    for (_, object) in pdf.objects.iter() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if stream.dict.get(b"Length1").is_err() {
            continue;
        }
        let font = stream.decompressed_content().expect("FontFile2 inflates");
        let tables = u16::from_be_bytes([font[4], font[5]]) as usize;
        let tags: Vec<&[u8]> = (0..tables)
            .map(|i| &font[12 + 16 * i..12 + 16 * i + 4])
            .collect();
        for hinting in [&b"fpgm"[..], b"prep", b"cvt "] {
            assert!(
                !tags.contains(&hinting),
                "{:?}",
                String::from_utf8_lossy(hinting)
            );
        }
        assert!(tags.contains(&&b"name"[..]), "the licence notice stays");
        assert!(tags.contains(&&b"glyf"[..]));
        programs += 1;
    }
    assert!(programs >= 2, "regular and bold");
}

#[test]
fn output_is_byte_identical_across_builds() {
    let (_, a) = build_en(&PrintForm::default());
    let (_, b) = build_en(&PrintForm::default());
    assert!(a.pdf == b.pdf, "two builds differ");
}

#[test]
fn metadata_title_author_subject_language() {
    let (_, built) = build_en(&PrintForm::default());
    let raw = String::from_utf8_lossy(&built.pdf).into_owned();
    let pdf = support::load(&built.pdf);
    let info_id = pdf
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .expect("Info");
    let info = pdf.get_dictionary(info_id).expect("Info dict");
    let text =
        |k: &[u8]| support::text_string(info.get(k).and_then(|v| v.as_str()).expect("string"));
    assert_eq!(
        text(b"Title"),
        "The Role of Ketamine in Managing Chronic Pain"
    );
    assert_eq!(text(b"Author"), "Pain Management Service");
    assert!(text(b"Subject").contains("ketamine"));
    let date = info
        .get(b"CreationDate")
        .and_then(|v| v.as_str())
        .expect("date");
    assert_eq!(date, b"D:20261125000000Z");
    let root = pdf.catalog().expect("catalog");
    assert!(root.get(b"Lang").is_ok(), "catalog /Lang");
    // XMP metadata (PDF/A-2a, PDF/UA-1) says what the Info dictionary says, with the
    // revision date, never the clock.
    let xmp = root
        .get(b"Metadata")
        .and_then(|m| m.as_reference())
        .and_then(|id| pdf.get_object(id))
        .and_then(|o| o.as_stream())
        .expect("XMP metadata stream");
    assert!(
        xmp.dict.get(b"Filter").is_err(),
        "PDF/A: XMP is not compressed"
    );
    let xmp = String::from_utf8_lossy(&xmp.content);
    for want in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "The Role of Ketamine in Managing Chronic Pain",
        "Pain Management Service",
        "2026-11-25T00:00:00Z",
    ] {
        assert!(xmp.contains(want), "no {want:?} in\n{xmp}");
    }
    assert!(raw.contains("/OutputIntents"), "an sRGB output intent");
}

#[test]
fn headings_are_never_last_on_a_page_and_the_box_is_whole() {
    let doc = support::ketamine("en");
    // A tight page forces breaks in many places (and more pages than the budget).
    for bottom in [24.0, 60.0, 90.0, 120.0] {
        let style = Style::default();
        let a4 = Geometry::for_form(&PrintForm::default());
        let geometry = Geometry {
            max_pages: None,
            ..a4.clone().with_margins(handout::layout::geometry::Margins {
                bottom: bottom * MM,
                ..a4.margins
            })
        };
        let laid = handout::build::typeset(&doc, &style, &geometry).expect("layout");
        let mut box_pages = std::collections::HashSet::new();
        for (pi, page) in laid.pages.iter().enumerate() {
            let elements = page.elements();
            let content: Vec<_> = elements
                .iter()
                .filter(|e| e.role != Role::Artifact)
                .collect();
            let last = content.last().expect("page has content");
            assert_ne!(
                last.role,
                Role::Heading,
                "page {pi} ends with a heading (bottom {bottom} mm)"
            );
            for e in &content {
                if e.role == Role::Box {
                    box_pages.insert((e.block, pi));
                }
            }
            // Orphans and widows: each paragraph block has 0 or ≥ 2 lines on a page.
            let mut lines: std::collections::HashMap<usize, std::collections::BTreeSet<i32>> =
                Default::default();
            for e in &content {
                if let handout::layout::Shape::Glyphs(r) = &e.shape {
                    if e.role == Role::Paragraph {
                        lines
                            .entry(e.block)
                            .or_default()
                            .insert(r.baseline.round() as i32);
                    }
                }
            }
            for (block, ls) in lines {
                let total: usize = laid
                    .pages
                    .iter()
                    .flat_map(|p| p.elements())
                    .filter(|e| e.block == block)
                    .filter_map(|e| match &e.shape {
                        handout::layout::Shape::Glyphs(r) => {
                            Some((r.baseline.round() as i32, e.block))
                        }
                        _ => None,
                    })
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                if total >= 4 && ls.len() < total {
                    assert!(
                        ls.len() >= 2,
                        "block {block}: {} of {total} lines on page {pi}",
                        ls.len()
                    );
                }
                // A paragraph of two lines is never split; one of three never leaves
                // one line alone (tests/widows.rs puts them at breaks on purpose).
                if total == 2 || total == 3 {
                    assert!(
                        ls.len() == total || (total == 3 && ls.len() == 2),
                        "block {block}: {} of {total} lines on page {pi}",
                        ls.len()
                    );
                }
            }
        }
        let boxes: std::collections::HashSet<usize> = box_pages.iter().map(|(b, _)| *b).collect();
        assert_eq!(
            boxes.len(),
            box_pages.len(),
            "the warning box is split across pages"
        );
    }
}

#[test]
fn justified_lines_fill_the_measure() {
    let style = Style {
        body_mode: Mode::Justified,
        ..Style::default()
    };
    let doc = support::ketamine("en");
    let geometry = Geometry::for_form(&PrintForm::default());
    let laid = handout::build::typeset(&doc, &style, &geometry).expect("layout");
    let right = geometry.paper.width - geometry.margins.right;
    let mut full = 0;
    for page in &laid.pages {
        let mut ends: std::collections::BTreeMap<(usize, i32), f32> = Default::default();
        for e in &page.elements() {
            if let (Role::Paragraph, handout::layout::Shape::Glyphs(r)) = (e.role, &e.shape) {
                let end = r.x + r.width();
                let k = (e.block, r.baseline.round() as i32);
                let v = ends.entry(k).or_insert(0.0);
                *v = v.max(end);
            }
        }
        for ((_, _), end) in ends {
            assert!(
                end <= right + 0.5,
                "line runs past the margin: {end} > {right}"
            );
            if (end - right).abs() < 0.5 {
                full += 1;
            }
        }
    }
    assert!(
        full >= 10,
        "only {full} justified lines reach the right margin"
    );
}

/// Distances from the right margin to the end of every body line that is not the last
/// of its paragraph, and the number of hyphenated line ends.
fn ragged_profile(style: &Style) -> (Vec<f32>, usize) {
    let doc = support::ketamine("en");
    let geometry = Geometry::for_form(&PrintForm::default());
    let laid = handout::build::typeset(&doc, style, &geometry).expect("layout");
    let right = geometry.paper.width - geometry.margins.right;
    // (page, block, baseline, start x, end x, text)
    let mut lines: Vec<(usize, usize, i32, f32, f32, String)> = Vec::new();
    for (pi, page) in laid.pages.iter().enumerate() {
        for e in &page.elements() {
            if let (Role::Paragraph, handout::layout::Shape::Glyphs(r)) = (e.role, &e.shape) {
                let key = (pi, e.block, r.baseline.round() as i32);
                match lines.iter_mut().find(|l| (l.0, l.1, l.2) == key) {
                    Some(l) => {
                        l.3 = l.3.min(r.x);
                        l.4 = l.4.max(r.x + r.width());
                        l.5.push_str(r.text());
                    }
                    None => lines.push((
                        pi,
                        e.block,
                        key.2,
                        r.x,
                        r.x + r.width(),
                        r.text().to_string(),
                    )),
                }
            }
        }
    }
    let mut slack = Vec::new();
    let mut hyphens = 0;
    for (i, l) in lines.iter().enumerate() {
        let last_of_block = lines.get(i + 1).is_none_or(|n| n.1 != l.1);
        // Only lines at the full measure (not the narrower box).
        let full_measure = (l.3 - geometry.margins.left).abs() < 0.5;
        if !last_of_block && full_measure {
            slack.push(right - l.4);
            if l.5.ends_with('\u{AD}') {
                hyphens += 1;
            }
        }
    }
    (slack, hyphens)
}

fn std_dev(v: &[f32]) -> f32 {
    let mean = v.iter().sum::<f32>() / v.len() as f32;
    (v.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / v.len() as f32).sqrt()
}

#[test]
fn ragged_total_fit_is_more_even_than_first_fit_on_the_leaflet() {
    let (tf, tf_hyph) = ragged_profile(&Style::default());
    let (ff, ff_hyph) = ragged_profile(&Style {
        body_first_fit: true,
        ..Style::default()
    });
    let (sd_tf, sd_ff) = (std_dev(&tf), std_dev(&ff));
    eprintln!("total-fit: sd {sd_tf:.2} pt over {} lines, {tf_hyph} hyphens; first-fit: sd {sd_ff:.2} pt, {ff_hyph} hyphens", tf.len());
    assert!(tf.len() >= 15, "{} lines", tf.len());
    assert!(sd_tf < sd_ff, "total-fit sd {sd_tf} vs first-fit {sd_ff}");
    assert!(
        tf_hyph <= ff_hyph,
        "total-fit uses more hyphens ({tf_hyph} > {ff_hyph})"
    );
}

#[test]
fn the_online_address_is_a_link_on_the_page_that_shows_it() {
    let (_, built) = build_en(&PrintForm::default());
    let pdf = support::load(&built.pdf);
    let mut links = Vec::new();
    for (number, page) in pdf.get_pages() {
        let dict = pdf.get_dictionary(page).expect("page");
        let Ok(annots) = dict.get(b"Annots").and_then(lopdf::Object::as_array) else {
            continue;
        };
        for a in annots {
            let annot = pdf
                .get_dictionary(a.as_reference().expect("annotation reference"))
                .expect("annotation");
            assert_eq!(
                annot.get(b"Subtype").and_then(|s| s.as_name()).ok(),
                Some(&b"Link"[..])
            );
            let action = annot.get(b"A").and_then(|a| a.as_dict()).expect("action");
            let uri = action.get(b"URI").and_then(|u| u.as_str()).expect("URI");
            let rect: Vec<f32> = annot
                .get(b"Rect")
                .and_then(|r| r.as_array())
                .expect("Rect")
                .iter()
                .map(|v| v.as_float().expect("number"))
                .collect();
            links.push((number, String::from_utf8_lossy(uri).into_owned(), rect));
        }
    }
    assert!(!links.is_empty(), "no link annotation");
    let url = "https://handouts.example.org/ketamine/en?v=1.0";
    for (number, uri, rect) in &links {
        assert_eq!(uri, url);
        // The clickable area lies on the page, over the printed address.
        assert!(rect[0] >= 0.0 && rect[2] <= 595.3 && rect[1] >= 0.0 && rect[3] <= 841.9);
        let page = &support::pages(&pdf)[*number as usize - 1];
        let inside: String = page
            .glyphs
            .iter()
            .filter(|g| {
                g.x >= rect[0] - 1.0
                    && g.x <= rect[2] + 1.0
                    && g.y >= rect[1] - 1.0
                    && g.y <= rect[3] + 1.0
            })
            .map(|g| g.text.as_str())
            .collect();
        assert!(
            inside.contains("handouts.example.org"),
            "link area shows {inside:?}"
        );
    }
}
