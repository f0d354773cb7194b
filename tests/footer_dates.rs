//! The footer's revision date and page numbers in each locale's own form (CLDR's long
//! date, the locale's digits), read back from the PDF; the metadata keeps ISO dates.

mod support;

use handout::layout::{Imposition, PaperSize, PrintForm};

/// The footer text of every page of `pdf`, in logical order.
fn footers(pdf: &lopdf::Document, rtl: bool) -> Vec<String> {
    support::pages(pdf)
        .iter()
        .map(|p| {
            let art: Vec<&support::Glyph> = p.glyphs.iter().filter(|g| g.artifact).collect();
            let text = support::text_of(&art);
            match rtl {
                true => text
                    .lines()
                    .map(support::logical_line)
                    .collect::<Vec<_>>()
                    .join("\n"),
                false => text,
            }
        })
        .collect()
}

/// The Info dictionary's creation date and the XMP packet of `pdf`.
fn metadata_dates(pdf: &lopdf::Document) -> (Vec<u8>, String) {
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|id| pdf.get_dictionary(id))
        .expect("Info");
    let created = info
        .get(b"CreationDate")
        .and_then(|v| v.as_str())
        .expect("CreationDate")
        .to_vec();
    let xmp = pdf
        .catalog()
        .and_then(|root| root.get(b"Metadata"))
        .and_then(|m| m.as_reference())
        .and_then(|id| pdf.get_object(id))
        .and_then(|o| o.as_stream())
        .expect("XMP metadata stream");
    (created, String::from_utf8_lossy(&xmp.content).into_owned())
}

/// The expected lines are CLDR's long date for 2026-11-25 (the same in CLDR 48 through
/// ICU4C 78 and CLDR 49 through ICU4X 2.4) after each translation's `revised` label.
const REVISED: [(&str, &str); 8] = [
    ("en", "Revised November 25, 2026"),
    ("de", "Überarbeitet 25. November 2026"),
    ("es", "Revisado 25 de noviembre de 2026"),
    ("fr", "Révisé 25 novembre 2026"),
    ("ru", "Пересмотрено 25 ноября 2026\u{202F}г."),
    ("vi", "Đã sửa đổi 25 tháng 11 2026"),
    ("ar", "منقح 25 نوفمبر 2026"),
    ("zh-Hans", "已修订 2026年11月25日"),
];

#[test]
fn every_page_dates_the_leaflet_as_its_language_does() {
    for (locale, want) in REVISED {
        let (doc, built) = support::build_ketamine(locale, &PrintForm::default());
        let pdf = support::load(&built.pdf);
        let footers = footers(&pdf, doc.language.is_rtl());
        for (i, footer) in footers.iter().enumerate() {
            assert!(footer.contains(want), "{locale} page {}: {footer}", i + 1);
            assert!(!footer.contains("2026-11-25"), "{locale}: {footer}");
            // These eight locales write Latin digits (CLDR: `ar` too, as its text).
            let page = doc
                .labels
                .page
                .replace("{page}", &(i + 1).to_string())
                .replace("{pages}", &footers.len().to_string());
            assert!(footer.contains(&page), "{locale}: no {page:?} in {footer}");
        }
        // Machine dates stay ISO 8601.
        let (created, xmp) = metadata_dates(&pdf);
        assert_eq!(created, b"D:20261125000000Z", "{locale}");
        assert!(xmp.contains("2026-11-25T00:00:00Z"), "{locale}: {xmp}");
    }
}

#[test]
fn the_tri_fold_back_panel_never_breaks_inside_the_date() {
    // The back panel is the narrowest footer. A clinic name of every length from 20 to
    // 70 characters moves the revision line's break across the whole date: the date may
    // go to the next line, but never breaks inside ("25 de noviembre / de 2026").
    let trifold = PrintForm::new(PaperSize::A4, false, Imposition::TriFold);
    let date = "25 de noviembre de 2026";
    let mut wrapped = 0;
    for extra in 0..=50 {
        let clinic = format!("Clínica {}", "x".repeat(12 + extra));
        let yaml = format!("language: es\ntitle: T\nclinic: {clinic}\nrevised: 2026-11-25\nversion: \"1.0\"\nsections:\n  - id: a\n    body:\n      - Texto.\n");
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = support::handout_dir(tmp.path(), "h", &[("es.yaml", &yaml)]);
        let h = support::pipeline::handout_in(&dir);
        let (doc, style) =
            handout::build::load(&h, "es", &trifold, handout::model::Limits::default())
                .expect("load");
        let geometry = handout::layout::Geometry::for_form(&trifold);
        let built = handout::build::render(&doc, &style, &geometry).expect("build");
        let lines: Vec<String> = footers(&support::load(&built.pdf), false)
            .iter()
            .flat_map(|f| f.lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| !l.contains("Page"))
            .collect();
        assert!(
            lines.iter().any(|l| l.contains(date)),
            "{clinic}: the date is broken in {lines:?}"
        );
        if !lines
            .iter()
            .any(|l| l.contains(&clinic) && l.contains(date))
        {
            wrapped += 1;
        }
    }
    // The sweep did make the line wrap before the date.
    assert!(wrapped > 0);
}

/// A one-file leaflet in `language` holding `text`, built through the command line.
fn built(language: &str, text: &str) -> lopdf::Document {
    support::load(&support::cli::build_one_file(language, "1.0", text))
}

#[test]
fn persian_dates_and_numbers_pages_in_persian_digits() {
    // CLDR's default digits for Persian are the Extended Arabic-Indic ones; the page
    // numbers beside the date use them too, so one footer never mixes two kinds.
    let pdf = built("fa", "کتامین یک داروی بیهوشی است.");
    let pages = support::pages(&pdf);
    assert_eq!(pages.len(), 1);
    // Right to left: the revision line at the right, the page number at the left (read
    // apart, as one visual line they would reorder into each other).
    let page = &pages[0];
    let side = |right: bool| {
        let glyphs: Vec<&support::Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.artifact && (g.x > page.width / 2.0) == right)
            .collect();
        support::logical_line(&support::text_of(&glyphs))
    };
    // A source file written in Persian has the program's Persian labels; the version
    // is printed as written.
    assert_eq!(side(true), "بازنگری‌شده ۲۵ نوامبر ۲۰۲۶ · نسخه 1.0");
    assert_eq!(side(false), "صفحه ۱ از ۱");
    let (created, _) = metadata_dates(&pdf);
    assert_eq!(created, b"D:20261125000000Z");
}

#[test]
fn a_language_without_cldr_dates_keeps_the_iso_date() {
    // CLDR has no date data for Haitian Creole: ISO 8601 rather than a guess.
    let pdf = built("ht", "Ketamin se yon medikaman.");
    let footers = footers(&pdf, false);
    assert!(
        footers[0].contains("Revize 2026-11-25 · Vèsyon 1.0"),
        "{footers:?}"
    );
    assert!(footers[0].contains("Paj 1 sou 1"), "{footers:?}");
}

#[test]
fn a_source_in_another_language_prints_the_programs_words_in_it() {
    // A clinic that writes its handouts in Spanish gets a Spanish footer, not
    // "Revised … · Version" around a Spanish date.
    let footers = footers(&built("es", "La ketamina es un anestésico."), false);
    // One visual line: the revision at the start side, the page number at the end.
    assert_eq!(
        footers,
        ["Revisado 25 de noviembre de 2026 · Versión 1.0Página 1 de 1"]
    );
}

/// Runs `handout build` on a one-file handout in `source`; returns the exit code,
/// standard error and the footer of the PDF if one was written.
fn build_source(source: &str) -> (i32, String, Option<String>) {
    let tmp = tempfile::tempdir().expect("tmp");
    let yaml = tmp.path().join("leaflet.yaml");
    std::fs::write(&yaml, source).expect("write");
    let out = tmp.path().join("out");
    let (code, _, err) = support::cli::run(&[
        "build",
        yaml.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
        "-q",
    ]);
    let footer = support::cli::pdfs_in(&out).first().map(|name| {
        let pdf = support::load(&std::fs::read(out.join(name)).expect("pdf"));
        footers(&pdf, false).join("\n")
    });
    (code, err, footer)
}

const SWAHILI: &str = "language: sw\ntitle: Mafua\nrevised: 2026-11-25\nversion: \"1\"\nurl: https://example.org/mafua\nsections:\n  - id: a\n    body:\n      - Pumzika na unywe maji mengi.\n";

#[test]
fn a_language_without_built_in_labels_must_bring_its_own() {
    // Without labels the footer would be in no language: refused, naming each label.
    let (code, err, pdf) = build_source(SWAHILI);
    assert_eq!(code, 1, "{err}");
    assert!(pdf.is_none());
    assert!(
        err.contains("`language: sw` has no built-in labels")
            && err.contains("missing: `revised`, `version`, `page`, `online`")
            && err.contains("leaflet.yaml:1:11"),
        "{err}"
    );
    // A page label that would drop a number is refused where it is written.
    let labels =
        "labels:\n  revised: Imesahihishwa\n  version: Toleo\n  online: Toleo la mtandaoni\n";
    let (code, err, _) = build_source(&format!("{SWAHILI}{labels}  page: Ukurasa {{page}}\n"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the label `page` has `{pages}` 0 times instead of once")
            && err.contains("leaflet.yaml:14:9"),
        "{err}"
    );
    let (code, err, footer) = build_source(&format!(
        "{SWAHILI}{labels}  page: Ukurasa {{page}} kati ya {{pages}}\n"
    ));
    assert_eq!(code, 0, "{err}");
    let footer = footer.expect("a PDF");
    assert!(
        footer.contains("Imesahihishwa 25 Novemba 2026 · Toleo 1")
            && footer.contains("Ukurasa 1 kati ya 1"),
        "{footer}"
    );
}
