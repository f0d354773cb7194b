//! The default palette: every colour text is set in keeps WCAG 2.x contrast of at
//! least 4.5:1 against the surface it is printed on (white paper, or the tint of the
//! side-effects box), in every print form's style.

use handout::layout::{PrintForm, Rgb, Style};
use handout::model::clinic::contrast;

const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

fn ratio(a: Rgb, b: Rgb) -> f32 {
    contrast((a.0, a.1, a.2), (b.0, b.1, b.2))
}

/// (what, text colour, background) for every text the layout sets.
fn pairs(s: &Style) -> Vec<(&'static str, Rgb, Rgb)> {
    vec![
        ("body text", s.text_color, WHITE),
        ("title and headings", s.accent, WHITE),
        ("footer and closing lines", s.muted, WHITE),
        ("draft notice", s.notice, WHITE),
        ("box heading", s.box_heading, s.box_fill),
        ("body text in the box", s.text_color, s.box_fill),
    ]
}

#[test]
fn every_text_colour_has_4_5_to_1_against_its_background() {
    for form in PrintForm::all() {
        let style = Style::for_form(&form);
        for (what, fg, bg) in pairs(&style) {
            let r = ratio(fg, bg);
            assert!(
                r >= 4.5,
                "{what} in {}: {r:.2}:1 is under 4.5:1",
                form.name()
            );
        }
    }
}

#[test]
fn the_contrast_formula_matches_wcag_examples() {
    // WCAG's extremes and a well-known mid grey (#767676 on white is 4.54:1).
    assert!((ratio(Rgb::BLACK, WHITE) - 21.0).abs() < 0.01);
    assert!((ratio(WHITE, WHITE) - 1.0).abs() < 0.001);
    assert!((ratio(Rgb::hex(0x767676), WHITE) - 4.54).abs() < 0.01);
    assert!(ratio(Rgb::hex(0x777777), WHITE) < 4.5);
}
