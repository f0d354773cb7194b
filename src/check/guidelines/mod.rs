//! Print guidelines, checked on the page model of each print form built (type size,
//! line spacing, contrast against what is behind the text, line length, the printed
//! revision date) and on the text itself (emphasis, the revision date's age).

use super::chars;
use super::finding::Finding;
use super::rule;
use super::Subject;
use crate::error::Diagnostic;
use crate::layout::{Layout, PaperSize, PrintForm, Rgb, Role};
use crate::model::Document;
use page_model::{Fill, PageModel, Run};

mod page_model;
mod text;

/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;

/// Checks on the laid-out leaflet of one print form.
pub fn check(s: &Subject, laid: &Layout, form: &PrintForm, out: &mut Vec<Finding>) {
    let pages: Vec<PageModel> = laid.pages.iter().map(PageModel::of).collect();
    body_size(s.doc, &pages, form, out);
    line_spacing(s.doc, &pages, out);
    contrast(s.doc, &pages, out);
    line_length(s, &pages, out);
    revision_printed(s.doc, &pages, out);
}

/// Checks on the text that hold in every print form.
pub fn texts(s: &Subject, out: &mut Vec<Finding>) {
    text::emphasis_style(s.doc, out);
    text::revision_dates(s, out);
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

/// Every run of text, with the index of its page.
fn glyph_runs<'a>(pages: &'a [PageModel<'a>]) -> impl Iterator<Item = (usize, &'a Run<'a>)> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| page.runs.iter().map(move |r| (i, r)))
}

fn body_size(doc: &Document, pages: &[PageModel], form: &PrintForm, out: &mut Vec<Finding>) {
    let (content_min, content_guideline) = minimum(form);
    let mut smallest: Vec<(&'static str, f32, &'static str)> = Vec::new();
    for (_, r) in glyph_runs(pages) {
        // Page furniture (the footer with the revision date and page numbers) is
        // held to the EU's 9 pt in every form: large print's 16 pt is for the text.
        let (min, guideline) = if r.role == Role::Artifact {
            (9.0, "the EU readability guideline asks for at least 9 pt")
        } else {
            (content_min, content_guideline)
        };
        let size = r.run.size;
        if size + 0.01 >= min {
            continue;
        }
        let name = role_name(r.role);
        match smallest.iter_mut().find(|(n, ..)| *n == name) {
            Some((_, s, _)) => *s = s.min(size),
            None => smallest.push((name, size, guideline)),
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

fn line_spacing(doc: &Document, pages: &[PageModel], out: &mut Vec<Finding>) {
    // Baselines of each block's lines, page by page, in drawing (reading) order; a
    // negative step is a move to the next column or panel, a zero step another run on
    // the same line. Sorting by baseline instead would interleave the lines of a block
    // that continues in the next column of the same page (a false 2 mm step).
    let mut tightest: Option<(f32, Role)> = None;
    for page in pages {
        let mut lines: Vec<(usize, Role, f32)> = page
            .runs
            .iter()
            .filter(|r| r.role != Role::Artifact)
            .map(|r| (r.block, r.role, r.baseline))
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
fn background(fills: &[Fill], x: f32, y: f32) -> Rgb {
    fills
        .iter()
        .filter_map(|&(rx, ry, w, h, fill)| {
            (x >= rx && x <= rx + w && y >= ry && y <= ry + h).then_some((w * h, fill))
        })
        .min_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
        .map_or(Rgb(1.0, 1.0, 1.0), |(_, fill)| fill)
}

fn contrast(doc: &Document, pages: &[PageModel], out: &mut Vec<Finding>) {
    let mut worst: Option<(f32, Role, Rgb, Rgb)> = None;
    for (p, r) in glyph_runs(pages) {
        let run = r.run;
        let (x, y) = (r.x + run.width() / 2.0, r.baseline - run.size * 0.3);
        let bg = background(&pages[p].fills, x, y);
        let ratio = crate::model::clinic::contrast(
            (run.color.0, run.color.1, run.color.2),
            (bg.0, bg.1, bg.2),
        );
        if worst.is_none_or(|(w, ..)| ratio < w) {
            worst = Some((ratio, r.role, run.color, bg));
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
/// count two, combining marks none (ASCII is neither, and is most of a Latin
/// leaflet's text).
fn columns(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    if chars::is_nonspacing_or_enclosing_mark(c) {
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

fn line_length(s: &Subject, pages: &[PageModel], out: &mut Vec<Finding>) {
    let max = s.settings.max_line_chars;
    // A line: the body runs of one block on one baseline of one page.
    let mut lines: Vec<((usize, usize, i32), usize)> = Vec::new();
    for (p, r) in glyph_runs(pages) {
        if !matches!(r.role, Role::Paragraph | Role::ListItem | Role::Link) {
            continue;
        }
        let key = (p, r.block, (r.baseline * 10.0).round() as i32);
        let n: usize = r.run.text().chars().map(columns).sum();
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

fn revision_printed(doc: &Document, pages: &[PageModel], out: &mut Vec<Finding>) {
    let date = doc.language.date(&doc.meta.revised);
    let printed = glyph_runs(pages).any(|(_, r)| r.run.text().contains(&date));
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

/// The layout rules no input reaches through the command line with the shipped
/// styles (nothing is set under 9 pt or closer than 3 mm, and clinic.yaml refuses an
/// accent under 4.5:1), on hand-made page models; tests/check_rules.rs has the rest.
#[cfg(test)]
mod tests;
