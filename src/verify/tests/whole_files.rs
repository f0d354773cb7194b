//! Whole files: a real leaflet timed, and the read-back's own object reader
//! compared with lopdf's on the fixtures and on real leaflets.

use super::super::*;
use super::fixture::{artifact, el, heading_and_linked_paragraph, line, mcid, tj, Fixture};

/// Times reading a real leaflet: `READBACK_PDF=/tmp/rb-out/ketamine.en.pdf cargo
/// test --release --lib verify::tests::timing -- --ignored --nocapture --exact`.
/// Measured 2026-12-02 on 2 shared cores (load average ~4, so medians are noisy;
/// minimum in brackets), untagged PDFs of today's writer: ketamine en 27 KB,
/// 2695 glyphs 0.44 ms (0.30); ar 58 KB, 2255 glyphs 0.94 ms (0.60); zh-Hans
/// 51 KB, 947 glyphs 0.54 ms (0.47); lopdf parsed every object then, before
/// `load` read only the objects reachable from the catalog, and before the
/// read-back had its own object reader.
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

/// Whether our object and lopdf's are the same PDF object.
fn same(ours: &file::Object, theirs: &lopdf::Object) -> bool {
    use file::Object as O;
    use lopdf::Object as L;
    match (ours, theirs) {
        (O::Null, L::Null) => true,
        (O::Bool(a), L::Boolean(b)) => a == b,
        (O::Integer(a), L::Integer(b)) => a == b,
        (O::Real(a), L::Real(b)) => (a - f64::from(*b)).abs() < 1e-3,
        (O::Name(a), L::Name(b)) => a.as_ref() == b.as_slice(),
        (O::String(a), L::String(b, _)) => a.decode() == *b,
        (O::Array(a), L::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (O::Dict(a), L::Dictionary(b)) => same_dict(a, b),
        (O::Stream(a), L::Stream(b)) => same_dict(&a.dict, &b.dict) && a.data == b.content,
        (O::Ref(a), L::Reference(b)) => a == b,
        _ => false,
    }
}

fn same_dict(ours: &file::Dict, theirs: &lopdf::Dictionary) -> bool {
    ours.len() == theirs.len()
        && ours
            .iter()
            .all(|(key, value)| theirs.get(key).is_ok_and(|t| same(value, t)))
}

/// Every object lopdf reads in `pdf`, ours reads the same (and nothing else).
fn reads_as_lopdf_reads(pdf: &[u8]) {
    let ours = File::open(pdf).expect("our reader opens it");
    let theirs = lopdf::Document::load_mem(pdf).expect("lopdf reads it");
    assert!(theirs.objects.len() > 5);
    for (id, object) in &theirs.objects {
        let mine = ours.get(*id);
        assert!(
            mine.is_some_and(|m| same(m, object)),
            "object {id:?}: ours {mine:?}, lopdf's {object:?}"
        );
    }
    let pages: Vec<_> = theirs.page_iter().collect();
    assert_eq!(ours.pages(), pages);
}

fn fixture_pdf(lang: Option<&'static str>, wrong_parent: Option<usize>) -> Vec<u8> {
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
    fixture.lang = lang;
    fixture.wrong_parent = wrong_parent;
    fixture.build()
}

#[test]
fn the_object_reader_reads_every_object_as_lopdf_does() {
    for (lang, wrong_parent) in [(None, None), (Some("ar"), Some(1))] {
        let pdf = fixture_pdf(lang, wrong_parent);
        reads_as_lopdf_reads(&pdf);
        let read = read_back(&pdf).expect("reads");
        assert!(!read.problems.is_empty() && !read.elements.is_empty());
    }
    // Real leaflets, made without `build` (which uses this module): the source
    // and its Arabic translation, unbranded.
    let h = crate::discover::discover(std::path::Path::new("handouts/ketamine")).expect("discover")
        [0]
    .clone();
    let limits = crate::model::Limits::default();
    let source = crate::model::load_source(&h.source.path, &h.name, limits).expect("load");
    let arabic = h
        .translations
        .iter()
        .find(|t| t.locale == "ar")
        .expect("an Arabic translation");
    let translated = crate::i18n::apply(source.clone(), arabic, limits).expect("translate");
    for doc in [source, translated] {
        let form = crate::layout::PrintForm::default();
        let style = crate::layout::Style::for_form(&form);
        let laid = crate::layout::layout(&doc, &style, &crate::layout::Geometry::for_form(&form))
            .expect("layout");
        let pdf = crate::pdf::render(&laid).expect("pdf");
        reads_as_lopdf_reads(&pdf);
    }
}

/// An update appended to a file (a new table with `/Prev`) replaces the objects
/// it lists; a file whose `startxref` leads to no table is not read.
#[test]
fn an_update_section_wins_and_a_cross_reference_stream_is_refused() {
    let pdf = fixture_pdf(None, None);
    let before = read_back(&pdf).expect("reads");
    assert_eq!(before.elements[0].kind, "Document");
    let startxref = |pdf: &[u8]| {
        let at = pdf
            .windows(9)
            .rposition(|w| w == b"startxref")
            .expect("startxref");
        String::from_utf8_lossy(&pdf[at + 9..])
            .split_whitespace()
            .next()
            .expect("an offset")
            .parse::<usize>()
            .expect("a number")
    };
    // Object 300 (the first element) retyped as a Sect by an update.
    let prev = startxref(&pdf);
    let mut updated = pdf.clone();
    let object = updated.len();
    let original = File::open(&pdf).expect("opens");
    let Some(file::Object::Dict(dict)) = original.get((300, 0)) else {
        panic!("object 300 is the first element")
    };
    let kids = dict.get(b"K").expect("kids");
    let file::Object::Array(kids) = kids else {
        panic!("an array of kids")
    };
    let kids: Vec<String> = kids
        .iter()
        .map(|k| match k {
            file::Object::Ref((n, g)) => format!("{n} {g} R"),
            other => panic!("{other:?}"),
        })
        .collect();
    updated.extend_from_slice(
        format!(
            "300 0 obj\n<</Type /StructElem /S /Sect /P 6 0 R /K [{}]>>\nendobj\n",
            kids.join(" ")
        )
        .as_bytes(),
    );
    let table = updated.len();
    updated.extend_from_slice(
        format!(
            "xref\n300 1\n{object:010} 00000 n \ntrailer\n<</Size 2100 /Root 1 0 R /Prev {prev}>>\nstartxref\n{table}\n%%EOF\n"
        )
        .as_bytes(),
    );
    let after = read_back(&updated).expect("reads the update");
    assert_eq!(after.elements[0].kind, "Sect");
    assert_eq!(after.elements[1..], before.elements[1..]);

    let mut stream = pdf.clone();
    let at = stream.len();
    stream.extend_from_slice(
        format!("9999 0 obj\n<</Type /XRef /Size 1>>\nstream\n\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n")
            .as_bytes(),
    );
    let err = read_back(&stream).expect_err("not read");
    assert!(err.contains("cross-reference stream"), "{err}");
    assert!(read_back(b"%PDF-1.7\nnot a table").is_err());
}
