//! Whole files: a real leaflet timed, and the two ways of loading a file (only what
//! the catalog reaches, or all of it with lopdf) compared.

use super::super::*;
use super::fixture::{artifact, el, heading_and_linked_paragraph, line, mcid, tj, Fixture};

/// Times reading a real leaflet: `READBACK_PDF=/tmp/rb-out/ketamine.en.pdf cargo
/// test --release --lib verify::tests::timing -- --ignored --nocapture --exact`.
/// Measured 2026-12-02 on 2 shared cores (load average ~4, so medians are noisy;
/// minimum in brackets), untagged PDFs of today's writer: ketamine en 27 KB,
/// 2695 glyphs 0.44 ms (0.30); ar 58 KB, 2255 glyphs 0.94 ms (0.60); zh-Hans
/// 51 KB, 947 glyphs 0.54 ms (0.47); lopdf parsed every object then, before
/// `load` read only the objects reachable from the catalog.
#[test]
#[ignore]
fn timing() {
    let path = std::env::var("READBACK_PDF").unwrap_or("/tmp/rb-out/ketamine.en.pdf".into());
    let pdf = std::fs::read(&path).expect("a leaflet PDF to time");
    let first = read_back(&pdf).expect("readable");
    let runs = 200;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = std::time::Instant::now();
        let read = read_back(&pdf).expect("readable");
        times.push(start.elapsed());
        assert_eq!(read.glyphs, first.glyphs);
    }
    times.sort();
    println!(
        "{path}: {} bytes, {} glyphs, {} elements, {} problems; median {:?}, min {:?}, max {:?}",
        pdf.len(),
        first.glyphs,
        first.elements.len(),
        first.problems.len(),
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
    for p in &first.problems {
        println!("  {p}");
    }
}

/// The read-back parses only the objects it can reach from the catalog; what it
/// reads that way is what it reads from the whole file parsed by lopdf.
#[test]
fn reading_reachable_objects_only_reads_the_same_as_the_whole_file() {
    let page = [
        mcid("H1", 0, &line(800.0, &tj("Title"))),
        artifact(&line(20.0, &tj("Page 1"))),
        mcid("P", 1, &line(780.0, &tj("Body "))),
        mcid("Link", 2, &line(780.0, &tj("link"))),
        line(700.0, &tj("untagged")),
    ]
    .concat();
    let tree = el("Document", heading_and_linked_paragraph(7));
    let mut fixture = Fixture::new(&[page.clone(), page], tree);
    for (lang, wrong_parent) in [(None, None), (Some("ar"), Some(1))] {
        fixture.lang = lang;
        fixture.wrong_parent = wrong_parent;
        let pdf = fixture.build();
        let reachable = load::reachable(&pdf).expect("a classic table: read lazily");
        let whole = Document::load_mem(&pdf).expect("lopdf reads it");
        let (lazy, full) = (
            read_document(&reachable).expect("reads"),
            read_document(&whole).expect("reads"),
        );
        assert!(!lazy.problems.is_empty() && !lazy.elements.is_empty());
        assert_eq!(format!("{lazy:?}"), format!("{full:?}"));
    }
    // A file this reader does not take on whole goes to lopdf.
    let pdf = fixture.build();
    let at = pdf
        .windows(8)
        .rposition(|w| w == b"trailer\n")
        .expect("a trailer");
    let mut updated = pdf[..at + 8].to_vec();
    updated.extend_from_slice(b"<</Prev 0 ");
    updated.extend_from_slice(&pdf[at + 8 + 2..]);
    assert!(load::reachable(&updated).is_none());
    assert!(load::reachable(b"%PDF-1.7\nnot a table").is_none());
}
