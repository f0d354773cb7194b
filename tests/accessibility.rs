//! Issue 13: every leaflet is a tagged PDF whose structure tree, read back with lopdf
//! (independently of the writer), holds the document's blocks in reading order with
//! their text, in every print form: en, de, ar (right to left) and zh-Hans (no spaces).

mod support;

use handout::model::{Block, Document, SectionKind, DRAFT_NOTICE_EN};
use support::structure::{element_text, elements, glyphs_by_mcid, Element};

/// The structure the leaflet of `doc` must have, in tree order: (depth, type, text).
/// Texts are compared without whitespace (lines join with a space, CJK without).
fn expected(doc: &Document) -> Vec<(usize, &'static str, String)> {
    let plain = |t: &handout::model::Text| t.styled.text.clone();
    let mut out = vec![(0, "Document", String::new())];
    if let Some(notice) = support::draft_notice(doc) {
        let english_half = notice != DRAFT_NOTICE_EN;
        out.push((1, "P", notice));
        if english_half {
            out.push((2, "Span", DRAFT_NOTICE_EN.into()));
        }
    }
    out.push((1, "H1", plain(&doc.title)));
    let blocks = |out: &mut Vec<(usize, &'static str, String)>, blocks: &[Block], d: usize| {
        for b in blocks {
            match b {
                Block::Paragraph(t) => out.push((d, "P", plain(t))),
                Block::Image(_) => out.push((d, "Figure", String::new())),
                Block::List(items) => {
                    out.push((d, "L", String::new()));
                    for item in items {
                        out.push((d + 1, "LI", String::new()));
                        out.push((d + 2, "Lbl", "•".into()));
                        out.push((d + 2, "LBody", plain(item)));
                    }
                }
            }
        }
    };
    for s in &doc.sections {
        let d = match s.kind {
            SectionKind::Normal => 1,
            SectionKind::Warning => {
                out.push((1, "Sect", String::new()));
                2
            }
        };
        if let Some(h) = &s.heading {
            out.push((d, "H2", plain(h)));
        }
        blocks(&mut out, &s.body, d);
    }
    if !doc.disclaimer.is_empty() {
        out.push((1, "Div", String::new()));
        blocks(&mut out, &doc.disclaimer, 2);
    }
    if let Some(url) = &doc.meta.url {
        out.push((1, "Figure", String::new()));
        out.push((1, "P", format!("{}: {url}", doc.labels.online)));
        out.push((2, "Link", url.clone()));
    }
    out
}

fn squash(s: &str) -> String {
    support::strip_marks(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{AD}')
        .collect()
}

/// The text of element `i` as a reader gets it: right-to-left lines back in logical
/// order, soft hyphens (inserted at line breaks) dropped.
fn read_text(
    doc: &Document,
    all: &[Element],
    i: usize,
    glyphs: &std::collections::HashMap<(usize, i64), Vec<support::Glyph>>,
) -> String {
    let text = element_text(all, i, glyphs);
    if doc.language.is_rtl() {
        support::logical_line(&text)
    } else {
        text
    }
}

#[test]
fn the_structure_tree_holds_every_block_in_reading_order_in_every_print_form() {
    for locale in ["en", "de", "ar", "zh-Hans"] {
        for (name, form) in support::pipeline::print_forms() {
            let (doc, built) = support::build_ketamine(locale, &form);
            let pdf = support::load(&built.pdf);
            let all = elements(&pdf);
            let glyphs = glyphs_by_mcid(&pdf);
            let want = expected(&doc);
            let got: Vec<(usize, &str)> = all.iter().map(|e| (e.depth, e.kind.as_str())).collect();
            let want_kinds: Vec<(usize, &str)> = want.iter().map(|(d, k, _)| (*d, *k)).collect();
            assert_eq!(
                got, want_kinds,
                "{locale} {name}: element types in tree order"
            );
            for (i, (_, kind, text)) in want.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                // A right-to-left element is compared per line (each line one
                // sequence): reorder line by line.
                let read = if doc.language.is_rtl() && *kind != "Link" {
                    all[i]
                        .content
                        .iter()
                        .map(|k| {
                            let line: String = glyphs
                                .get(k)
                                .map(|gs| {
                                    let refs: Vec<&support::Glyph> = gs.iter().collect();
                                    support::text_of(&refs)
                                })
                                .unwrap_or_default();
                            line.lines()
                                .map(support::logical_line)
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .chain(
                            all[i]
                                .children
                                .iter()
                                .map(|c| read_text(&doc, &all, *c, &glyphs)),
                        )
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    read_text(&doc, &all, i, &glyphs)
                };
                assert_eq!(
                    squash(&read),
                    squash(text),
                    "{locale} {name}: the text of {kind} #{i}"
                );
            }
        }
    }
}

#[test]
fn figures_have_alt_text_links_their_annotation_and_the_english_notice_its_language() {
    for locale in ["en", "ar"] {
        let (doc, built) = support::build_ketamine(locale, &support::pipeline::print_forms()[0].1);
        let pdf = support::load(&built.pdf);
        let all = elements(&pdf);
        let url = doc.meta.url.clone().expect("url");
        // The QR code names the address it opens.
        let qr = all.iter().find(|e| e.kind == "Figure").expect("QR figure");
        assert!(
            qr.alt.as_deref().is_some_and(|a| a.contains(&url)),
            "{locale}: {:?}",
            qr.alt
        );
        // The link holds its annotation, which describes itself.
        let link = all.iter().find(|e| e.kind == "Link").expect("link");
        assert_eq!(link.annotations.len(), 1, "{locale}");
        let annot = pdf.get_dictionary(link.annotations[0]).expect("annotation");
        assert_eq!(
            annot.get(b"Contents").ok().and_then(|c| c.as_str().ok()),
            Some(url.as_bytes()),
            "{locale}: /Contents"
        );
        assert!(
            annot.get(b"StructParent").is_ok(),
            "{locale}: /StructParent"
        );
        // A translation's draft notice marks its English half as English.
        let spans: Vec<&Element> = all.iter().filter(|e| e.kind == "Span").collect();
        if doc.draft {
            assert_eq!(spans.len(), 1, "{locale}");
            assert_eq!(spans[0].lang.as_deref(), Some("en"), "{locale}");
        } else {
            assert!(spans.is_empty(), "{locale}");
        }
    }
}

#[test]
fn the_catalog_declares_language_title_bookmarks_and_tab_order() {
    let (doc, built) = support::build_ketamine("de", &support::pipeline::print_forms()[0].1);
    let pdf = support::load(&built.pdf);
    let catalog = pdf.catalog().expect("catalog");
    assert_eq!(
        catalog.get(b"Lang").ok().and_then(|l| l.as_str().ok()),
        Some(&b"de"[..])
    );
    let marked = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(|m| m.as_dict().ok())
        .and_then(|m| m.get(b"Marked").ok())
        .and_then(|m| m.as_bool().ok());
    assert_eq!(marked, Some(true));
    // Bookmarks: the title, then every section heading, in the leaflet's language.
    let mut titles = Vec::new();
    let outlines = catalog
        .get(b"Outlines")
        .and_then(|o| o.as_reference())
        .expect("outlines");
    let mut next = pdf
        .get_dictionary(outlines)
        .ok()
        .and_then(|o| o.get(b"First").ok())
        .and_then(|f| f.as_reference().ok());
    while let Some(id) = next {
        let item = pdf.get_dictionary(id).expect("outline item");
        if let Ok(lopdf::Object::String(t, _)) = item.get(b"Title") {
            titles.push(support::text_string(t));
        }
        assert!(item.get(b"Dest").is_ok(), "a bookmark leads somewhere");
        next = item.get(b"Next").ok().and_then(|n| n.as_reference().ok());
    }
    let mut want = vec![doc.title.styled.text.clone()];
    want.extend(
        doc.sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .map(|h| h.styled.text.clone()),
    );
    assert_eq!(titles, want);
    for (_, page) in pdf.get_pages() {
        let page = pdf.get_dictionary(page).expect("page");
        assert_eq!(
            page.get(b"Tabs").ok().and_then(|t| t.as_name().ok()),
            Some(&b"S"[..]),
            "links are reached in reading order"
        );
    }
}

#[test]
fn a_hyphen_inserted_at_a_line_break_is_a_soft_hyphen() {
    // The English A4 leaflet hyphenates "respira-tory" (see the snapshot).
    let (_, built) = support::build_ketamine("en", &support::pipeline::print_forms()[0].1);
    let pdf = support::load(&built.pdf);
    let text = support::content_text(&pdf);
    assert!(text.contains("respira\u{AD}\ntory"), "{text}");
    assert!(!text.contains("respira-"), "{text}");
}
