//! Page-model snapshots: the ketamine leaflet laid out in each of the seven print
//! forms (English; Arabic for right-to-left; Chinese for CJK), as compact text under
//! tests/snapshots/, so that layout drift shows up in review as a diff.
//!
//! The page model is read through the public pipeline (`handout::build::load` and
//! `typeset`), not from the PDF. Positions are rounded to 0.1 pt; one line per glyph
//! run. When a change moves text on purpose:
//!
//! ```text
//! INSTA_UPDATE=always cargo test --test snapshots   # rewrite the snapshots
//! git diff tests/snapshots                           # review the drift
//! ```
//!
//! (or `cargo insta review`, where cargo-insta is installed; the tests do not need
//! it). A failing run also leaves the new text beside the old as `*.snap.new`.

mod support;

/// The leaflet of `locale` in print form `form` (a name of
/// [`support::pipeline::print_forms`]) as the page-model snapshot `locale-form`.
fn check(locale: &str, form: &str) {
    let (_, print) = support::pipeline::print_forms()
        .into_iter()
        .find(|(name, _)| *name == form)
        .expect("a print form of that name");
    let laid = support::pipeline::typeset_ketamine(locale, &print);
    let text = support::page_model::page_model(&laid);
    insta::assert_snapshot!(format!("{locale}-{form}"), text);
}

/// One test per locale and print form, so that each drift is reported on its own.
macro_rules! snapshots {
    ($($name:ident: $locale:literal, $form:literal;)*) => {
        $(
            #[test]
            fn $name() {
                check($locale, $form);
            }
        )*
    };
}

snapshots! {
    en_a4: "en", "a4";
    en_letter: "en", "letter";
    en_a5: "en", "a5";
    en_large: "en", "large";
    en_two_column: "en", "two-column";
    en_trifold: "en", "trifold";
    en_letter_trifold: "en", "letter-trifold";
    ar_a4: "ar", "a4";
    ar_letter: "ar", "letter";
    ar_a5: "ar", "a5";
    ar_large: "ar", "large";
    ar_two_column: "ar", "two-column";
    ar_trifold: "ar", "trifold";
    ar_letter_trifold: "ar", "letter-trifold";
    zh_a4: "zh-Hans", "a4";
    zh_letter: "zh-Hans", "letter";
    zh_a5: "zh-Hans", "a5";
    zh_large: "zh-Hans", "large";
    zh_two_column: "zh-Hans", "two-column";
    zh_trifold: "zh-Hans", "trifold";
    zh_letter_trifold: "zh-Hans", "letter-trifold";
}

/// Every print form has its snapshots: a form added to the list is not forgotten.
#[test]
fn every_print_form_has_snapshots() {
    let names: Vec<&str> = support::pipeline::print_forms()
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(
        names,
        [
            "a4",
            "letter",
            "a5",
            "large",
            "two-column",
            "trifold",
            "letter-trifold"
        ]
    );
}
