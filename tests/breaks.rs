//! Page, column and panel breaks, checked on every print form of the shipped handout
//! (every locale, paper, large print, two columns, tri-fold) read back from the PDF.

mod support;

use handout::layout::style::{Imposition, PaperSize};
use handout::layout::Style;

const LOCALES: [&str; 8] = ["en", "ar", "de", "es", "fr", "ru", "vi", "zh-Hans"];

/// Every print form: paper × large print × imposition (tri-folds with fold marks).
fn forms() -> Vec<(String, Style)> {
    let mut out = Vec::new();
    for paper in [PaperSize::A4, PaperSize::Letter, PaperSize::A5] {
        for large in [false, true] {
            for imposition in [Imposition::Single, Imposition::TwoColumn, Imposition::TriFold] {
                let mut style = Style::for_print(paper, large).with_imposition(imposition);
                style.fold_marks = imposition == Imposition::TriFold;
                let name = format!(
                    "{}{}",
                    format!("{paper:?}").to_lowercase(),
                    Style::variant(paper, large, imposition)
                );
                out.push((name, style));
            }
        }
    }
    out
}

#[test]
fn shipped_leaflets_follow_the_break_rules_in_every_form() {
    let mut broken = Vec::new();
    let mut failed = Vec::new();
    for locale in LOCALES {
        let doc = support::ketamine(locale);
        for (name, style) in forms() {
            let built = match handout::build::build(&doc, &style) {
                Ok(b) => b,
                Err(_) => {
                    failed.push(format!("{locale} {name}"));
                    continue;
                }
            };
            let pages = support::pages(&support::load(&built.pdf));
            for v in support::breaks::violations(&style, &doc, &pages) {
                broken.push(format!("{locale} {name}: {v}"));
            }
        }
    }
    eprintln!("not built: {failed:#?}");
    assert!(broken.is_empty(), "{broken:#?}");
}
