//! Print guidelines, checked on the page model of each print form built (type size,
//! line spacing, contrast against what is behind the text, line length, the printed
//! revision date) and on the text itself (emphasis, the revision date's age).

use super::finding::Finding;
use super::hygiene::at;
use super::rule;
use super::Subject;
use crate::error::{Diagnostic, Pos};
use crate::layout::{Element, Layout, PaperSize, PrintForm, Rgb, Role, Shape};
use crate::model::Document;

/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;

/// Checks on the laid-out leaflet of one print form.
pub fn check(s: &Subject, laid: &Layout, form: &PrintForm, out: &mut Vec<Finding>) {
    let pages: Vec<Vec<Element>> = laid.pages.iter().map(|p| p.elements()).collect();
    body_size(s.doc, &pages, form, out);
    line_spacing(s.doc, &pages, out);
    contrast(s.doc, &pages, out);
    line_length(s, &pages, out);
    revision_printed(s.doc, &pages, out);
}

/// Checks on the text that hold in every print form.
pub fn texts(s: &Subject, out: &mut Vec<Finding>) {
    emphasis_style(s.doc, out);
    revision_dates(s, out);
}

/// A finding about the whole leaflet file (no entry, no line).
fn about_file(doc: &Document, message: String) -> Diagnostic {
    Diagnostic::new(message).file(&doc.source_file)
}

/// The smallest size the form's guideline allows, and the guideline's name.
fn minimum(form: &PrintForm) -> (f32, &'static str) {
    if form.large_print() {
        (16.0, "large print asks for at least 16 pt")
    } else if form.paper() == PaperSize::Letter {
        (10.0, "US Medication Guides ask for at least 10 pt")
    } else {
        (9.0, "the EU readability guideline asks for at least 9 pt")
    }
}

/// What the role is called in messages.
fn role_name(role: Role) -> &'static str {
    match role {
        Role::Title => "the title",
        Role::Heading => "headings",
        Role::Paragraph | Role::ListItem | Role::ListLabel | Role::Link => "body text",
        Role::Notice => "the draft notice",
        Role::QrCode | Role::Figure => "figure captions",
        Role::Box => "the warning box",
        Role::Disclaimer => "the disclaimer",
        Role::Artifact => "the footer",
    }
}

fn glyph_runs(
    pages: &[Vec<Element>],
) -> impl Iterator<Item = (usize, &Element, &crate::layout::GlyphRun)> {
    pages.iter().enumerate().flat_map(|(i, els)| {
        els.iter().filter_map(move |e| match &e.shape {
            Shape::Glyphs(run) if !run.glyphs.is_empty() => Some((i, e, run)),
            _ => None,
        })
    })
}

fn body_size(doc: &Document, pages: &[Vec<Element>], form: &PrintForm, out: &mut Vec<Finding>) {
    let (content_min, content_guideline) = minimum(form);
    let mut smallest: Vec<(&'static str, f32, &'static str)> = Vec::new();
    for (_, e, run) in glyph_runs(pages) {
        // Page furniture (the footer with the revision date and page numbers) is
        // held to the EU's 9 pt in every form: large print's 16 pt is for the text.
        let (min, guideline) = if e.role == Role::Artifact {
            (9.0, "the EU readability guideline asks for at least 9 pt")
        } else {
            (content_min, content_guideline)
        };
        if run.size + 0.01 >= min {
            continue;
        }
        let name = role_name(e.role);
        match smallest.iter_mut().find(|(n, ..)| *n == name) {
            Some((_, s, _)) => *s = s.min(run.size),
            None => smallest.push((name, run.size, guideline)),
        }
    }
    for (name, size, guideline) in smallest {
        out.push(Finding::new(
            &rule::BODY_SIZE,
            about_file(doc, format!("{name} is set in {size:.1} pt; {guideline}"))
                .help("choose a larger print form (e.g. --large-print), or shorten the text so the form keeps its size"),
        ));
    }
}

fn line_spacing(doc: &Document, pages: &[Vec<Element>], out: &mut Vec<Finding>) {
    // Baselines of each block's lines, page by page, in drawing (reading) order; a
    // negative step is a move to the next column or panel, a zero step another run on
    // the same line. Sorting by baseline instead would interleave the lines of a block
    // that continues in the next column of the same page (a false 2 mm step).
    let mut tightest: Option<(f32, Role)> = None;
    for els in pages {
        let mut lines: Vec<(usize, Role, f32)> = glyph_runs(std::slice::from_ref(els))
            .filter(|(_, e, _)| e.role != Role::Artifact)
            .map(|(_, e, r)| (e.block, e.role, r.baseline))
            .collect();
        // Stable: each block's lines stay in drawing order.
        lines.sort_by_key(|&(block, ..)| block);
        for w in lines.windows(2) {
            let ((b1, _, y1), (b2, role, y2)) = (w[0], w[1]);
            let step = y2 - y1;
            if b1 == b2 && step > 0.5 && tightest.is_none_or(|(t, _)| step < t) {
                tightest = Some((step, role));
            }
        }
    }
    if let Some((step, role)) = tightest {
        if step < 3.0 * MM - 0.01 {
            out.push(Finding::new(
                &rule::LINE_SPACING,
                about_file(doc, format!(
                    "lines of {} are {:.2} mm apart; the EU readability guideline asks for at least 3 mm",
                    role_name(role),
                    step / MM
                ))
                .help("this is a program limit for this print form: report it"),
            ));
        }
    }
}

/// The colour behind a point: the innermost filled rectangle holding it, else the
/// paper (white).
fn background(els: &[Element], x: f32, y: f32) -> Rgb {
    els.iter()
        .filter_map(|e| match e.shape {
            Shape::Rect {
                x: rx,
                y: ry,
                w,
                h,
                fill: Some(fill),
                ..
            } if x >= rx && x <= rx + w && y >= ry && y <= ry + h => Some((w * h, fill)),
            _ => None,
        })
        .min_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
        .map_or(Rgb(1.0, 1.0, 1.0), |(_, fill)| fill)
}

fn contrast(doc: &Document, pages: &[Vec<Element>], out: &mut Vec<Finding>) {
    let mut worst: Option<(f32, Role, Rgb, Rgb)> = None;
    for (p, e, run) in glyph_runs(pages) {
        let (x, y) = (run.x + run.width() / 2.0, run.baseline - run.size * 0.3);
        let bg = background(&pages[p], x, y);
        let ratio = crate::model::clinic::contrast(
            (run.color.0, run.color.1, run.color.2),
            (bg.0, bg.1, bg.2),
        );
        if worst.is_none_or(|(w, ..)| ratio < w) {
            worst = Some((ratio, e.role, run.color, bg));
        }
    }
    if let Some((ratio, role, fg, bg)) = worst {
        if ratio < 4.5 {
            let hex = |c: Rgb| {
                let v = |f: f32| (f * 255.0).round() as u8;
                format!("#{:02X}{:02X}{:02X}", v(c.0), v(c.1), v(c.2))
            };
            out.push(Finding::new(
                &rule::CONTRAST,
                about_file(
                    doc,
                    format!(
                        "{} ({}) on {} has a contrast of {ratio:.2}:1; WCAG 2.1 AA asks for 4.5:1",
                        role_name(role),
                        hex(fg),
                        hex(bg)
                    ),
                )
                .help("choose a darker `accent:` in clinic.yaml"),
            ));
        }
    }
}

/// Width of a character in columns: East Asian wide and full-width characters
/// count two, combining marks none.
fn columns(c: char) -> usize {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    if matches!(
        c.general_category(),
        GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
    ) {
        return 0;
    }
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

fn line_length(s: &Subject, pages: &[Vec<Element>], out: &mut Vec<Finding>) {
    let max = s.settings.max_line_chars;
    // A line: the body runs of one block on one baseline of one page.
    let mut lines: Vec<((usize, usize, i32), usize)> = Vec::new();
    for (p, e, run) in glyph_runs(pages) {
        if !matches!(e.role, Role::Paragraph | Role::ListItem | Role::Link) {
            continue;
        }
        let key = (p, e.block, (run.baseline * 10.0).round() as i32);
        let n: usize = run.text().chars().map(columns).sum();
        match lines.iter_mut().find(|(k, _)| *k == key) {
            Some((_, total)) => *total += n,
            None => lines.push((key, n)),
        }
    }
    let longest = lines.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if longest > max {
        out.push(Finding::new(
            &rule::LINE_LENGTH,
            about_file(s.doc, format!(
                "lines of body text run to {longest} characters; the limit is {max} (CJK characters count two)"
            ))
            .help("a two-column or tri-fold print form shortens the lines; the limit is `check: {max_line_chars: …}` in clinic.yaml"),
        ));
    }
}

fn revision_printed(doc: &Document, pages: &[Vec<Element>], out: &mut Vec<Finding>) {
    let date = doc.language.date(&doc.meta.revised);
    let printed = glyph_runs(pages).any(|(_, _, run)| run.text().contains(&date));
    if !printed {
        out.push(Finding::new(
            &rule::REVISION_DATE,
            about_file(
                doc,
                format!("the revision date “{date}” is not printed on the leaflet"),
            )
            .help("this is a program error for this print form: report it"),
        ));
    }
}

/// Where `revised:` is written (in the source file, which translations share).
fn revised_at(s: &Subject) -> Diagnostic {
    let src = s.source;
    // The top-level key, at the start of its line.
    let pos = src
        .source_text
        .lines()
        .position(|l| l.starts_with("revised:"))
        .map_or(Pos { line: 1, column: 1 }, |i| Pos {
            line: i + 1,
            column: 10,
        });
    Diagnostic::new(String::new())
        .file(&src.source_file)
        .at(&src.source_text, pos)
}

/// Days since 0000-03-01 of a `YYYY-MM-DD` date, for differences.
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

fn revision_dates(s: &Subject, out: &mut Vec<Finding>) {
    let revised = &s.source.meta.revised;
    let (Some(r), Some(today)) = (day_number(revised), day_number(s.today)) else {
        return;
    };
    // One day of grace: the author's time zone may be ahead of the build machine's.
    if r > today + 1 {
        let d = revised_at(s);
        out.push(Finding::new(
            &rule::REVISION_DATE,
            Diagnostic {
                message: format!(
                    "the revision date {revised} lies in the future (today is {})",
                    s.today
                ),
                ..d
            }
            .help("write the date of the last revision, e.g. today's"),
        ));
    } else if (today - r) as f64 > f64::from(s.settings.review_years) * 365.25 {
        let d = revised_at(s);
        out.push(Finding::new(
            &rule::REVIEW_AGE,
            Diagnostic {
                message: format!(
                    "the leaflet was last revised on {revised}, more than {} ago",
                    crate::error::count(s.settings.review_years as usize, "year", "years")
                ),
                ..d
            }
            .help("have the content reviewed, then update `revised:`"),
        ));
    }
}

/// Italics, and words in capitals, used for emphasis: the EU guideline asks for bold.
fn emphasis_style(doc: &Document, out: &mut Vec<Finding>) {
    for t in doc.texts() {
        let italic = t.styled.spans.iter().any(|(_, s)| s.italic);
        let shouting = capitals(&t.styled.text, &doc.terms);
        let what = match (italic, shouting) {
            (true, _) => "italics".to_string(),
            (false, Some(w)) => format!("capitals (“{w}”)"),
            (false, None) => continue,
        };
        out.push(
            Finding::new(
                &rule::EMPHASIS_STYLE,
                at(doc, t, format!("`{}` emphasises with {what}", t.id))
                    .help("use bold (**…**) for emphasis; italics and capitals are harder to read"),
            )
            .entry(&t.id),
        );
    }
}

/// The first word in capitals used for emphasis: five letters or more, or two
/// capitalised words in a row, that are not terms (acronyms such as NMDA are terms).
fn capitals(text: &str, terms: &[String]) -> Option<String> {
    // Letters in capitals: an uppercase letter first (one lookup a word, false at
    // once in scripts without case), then no lowercase one, then no uncased one.
    let caps_letters = |w: &str| -> usize {
        if !w.chars().next().is_some_and(char::is_uppercase)
            || w.chars().any(char::is_lowercase)
            || terms.iter().any(|t| t == w)
        {
            return 0;
        }
        // Every letter a capital: a word with letters of a script without case
        // ("N-메틸-D-아스파르트산") is no shouting.
        let letters = w.chars().filter(|c| c.is_alphabetic());
        if letters.clone().all(char::is_uppercase) {
            letters.count()
        } else {
            0
        }
    };
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    for (i, w) in words.iter().enumerate() {
        let n = caps_letters(w);
        if n >= 2 && (n >= 5 || words.get(i + 1).is_some_and(|next| caps_letters(next) >= 2)) {
            return Some(w.to_string());
        }
    }
    None
}

/// The layout rules no input reaches through the command line with the shipped
/// styles (nothing is set under 9 pt or closer than 3 mm, and clinic.yaml refuses an
/// accent under 4.5:1), on hand-made page models; tests/check_rules.rs has the rest.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_shouting_only_when_every_letter_is_one() {
        let terms = vec!["NMDA".to_string()];
        assert_eq!(
            capitals("Please DO NOT drive.", &terms).as_deref(),
            Some("DO")
        );
        assert_eq!(
            capitals("WARNING: rare effects", &terms).as_deref(),
            Some("WARNING")
        );
        assert_eq!(capitals("the NMDA receptors", &terms), None);
        // Hangul has no case: a Latin capital in a Korean word is not shouting.
        assert_eq!(
            capitals("케타민은 N-메틸-D-아스파르트산(NMDA) 수용체", &terms),
            None
        );
        assert_eq!(capitals("Ketamine is an Anesthetic", &terms), None);
    }
    use crate::layout::page::PlacedGlyph;
    use crate::layout::{GlyphRun, Imposition};
    use crate::text::FaceId;

    fn doc() -> Document {
        let yaml = "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body: [\"Text.\"]\n";
        crate::model::parse_source(
            std::path::Path::new("en.yaml"),
            "t",
            yaml.as_bytes(),
            crate::model::Limits::default(),
        )
        .expect("a valid source")
    }

    /// A one-glyph run of `role` in `block` at baseline `y`.
    fn run(role: Role, block: usize, x: f32, y: f32, size: f32, color: Rgb) -> Element {
        let glyph = PlacedGlyph {
            face: FaceId(0),
            gid: 1,
            x: 0.0,
            advance: size / 2.0,
            x_offset: 0.0,
            y_offset: 0.0,
            text: 0..1,
            level: 0,
        };
        Element {
            role,
            block,
            shape: Shape::Glyphs(GlyphRun {
                x,
                baseline: y,
                size,
                color,
                glyphs: vec![glyph],
                text: "a".into(),
                lang: None,
            }),
        }
    }

    fn text(block: usize, y: f32, size: f32) -> Element {
        run(Role::Paragraph, block, 50.0, y, size, Rgb::BLACK)
    }

    fn names(out: &[Finding]) -> Vec<&str> {
        out.iter().map(|f| f.rule.name).collect()
    }

    fn sizes(form: PrintForm, els: Vec<Element>) -> Vec<Finding> {
        let mut out = Vec::new();
        body_size(&doc(), &[els], &form, &mut out);
        out
    }

    #[test]
    fn body_size_fires_under_the_forms_minimum() {
        let a4 = PrintForm::new(PaperSize::A4, false, Imposition::Single);
        let letter = PrintForm::new(PaperSize::Letter, false, Imposition::Single);
        let large = PrintForm::new(PaperSize::A4, true, Imposition::Single);
        assert_eq!(names(&sizes(a4, vec![text(0, 100.0, 8.5)])), ["body-size"]);
        assert_eq!(
            names(&sizes(letter, vec![text(0, 100.0, 9.5)])),
            ["body-size"]
        );
        assert_eq!(
            names(&sizes(large, vec![text(0, 100.0, 12.0)])),
            ["body-size"]
        );
        let footer = run(Role::Artifact, usize::MAX, 50.0, 800.0, 8.0, Rgb::BLACK);
        assert_eq!(names(&sizes(a4, vec![footer])), ["body-size"]);
    }

    #[test]
    fn body_size_is_silent_at_the_forms_minimum() {
        let a4 = PrintForm::new(PaperSize::A4, false, Imposition::Single);
        let letter = PrintForm::new(PaperSize::Letter, false, Imposition::Single);
        let large = PrintForm::new(PaperSize::A4, true, Imposition::Single);
        assert!(sizes(a4, vec![text(0, 100.0, 9.0)]).is_empty());
        assert!(sizes(letter, vec![text(0, 100.0, 10.0)]).is_empty());
        // Large print holds its footer to the EU's 9 pt, its text to 16 pt.
        let footer = run(Role::Artifact, usize::MAX, 50.0, 800.0, 9.0, Rgb::BLACK);
        assert!(sizes(large, vec![text(0, 100.0, 16.0), footer]).is_empty());
    }

    fn spacing(els: Vec<Element>) -> Vec<Finding> {
        let mut out = Vec::new();
        line_spacing(&doc(), &[els], &mut out);
        out
    }

    #[test]
    fn line_spacing_fires_under_3_mm() {
        // 8 pt is 2.8 mm.
        let out = spacing(vec![text(0, 100.0, 7.0), text(0, 108.0, 7.0)]);
        assert_eq!(names(&out), ["line-spacing"]);
    }

    #[test]
    fn line_spacing_is_silent_at_3_mm_and_across_columns() {
        assert!(spacing(vec![text(0, 100.0, 9.0), text(0, 108.6, 9.0)]).is_empty());
        // A paragraph that ends its first column at 100 and 117 pt and goes on in the
        // next column at 108 and 125 pt: each column's lines are 17 pt apart (a
        // regression: sorting by baseline measured 100 → 108).
        let col = |x, y| run(Role::Paragraph, 0, x, y, 12.0, Rgb::BLACK);
        let els = vec![
            col(50.0, 100.0),
            col(50.0, 117.0),
            col(300.0, 108.0),
            col(300.0, 125.0),
        ];
        assert!(spacing(els).is_empty());
        // Furniture and two blocks side by side are no lines of one block.
        let footer = run(Role::Artifact, usize::MAX, 50.0, 104.0, 9.0, Rgb::BLACK);
        let els = vec![text(0, 100.0, 12.0), text(1, 104.0, 12.0), footer];
        assert!(spacing(els).is_empty());
    }

    fn contrasts(els: Vec<Element>) -> Vec<Finding> {
        let mut out = Vec::new();
        contrast(&doc(), &[els], &mut out);
        out
    }

    fn fill(color: Rgb) -> Element {
        Element {
            role: Role::Artifact,
            block: usize::MAX,
            shape: Shape::Rect {
                x: 0.0,
                y: 0.0,
                w: 500.0,
                h: 500.0,
                fill: Some(color),
                stroke: None,
            },
        }
    }

    #[test]
    fn contrast_fires_under_4_5_to_1() {
        let grey = Rgb::hex(0xAAAAAA); // 2.3:1 on white
        let heading = run(Role::Heading, 0, 50.0, 100.0, 14.0, grey);
        assert_eq!(names(&contrasts(vec![heading])), ["contrast"]);
        // Black text on a dark box.
        let els = vec![fill(Rgb::hex(0x333333)), text(0, 100.0, 12.0)];
        assert_eq!(names(&contrasts(els)), ["contrast"]);
    }

    #[test]
    fn contrast_is_silent_from_4_5_to_1() {
        let grey = Rgb::hex(0x767676); // 4.54:1 on white
        let heading = run(Role::Heading, 0, 50.0, 100.0, 14.0, grey);
        assert!(contrasts(vec![heading, text(1, 130.0, 12.0)]).is_empty());
        // White text on the dark box.
        let white = run(Role::Paragraph, 0, 50.0, 100.0, 12.0, Rgb(1.0, 1.0, 1.0));
        assert!(contrasts(vec![fill(Rgb::hex(0x333333)), white]).is_empty());
    }
}
