//! Widows and orphans of short paragraphs, read back from the PDF: a two-line
//! paragraph is never split across a page or column break, and a three-line one
//! never leaves one line alone on either side. The cases move such a paragraph
//! across the break step by step (varying the text before it) and check that some
//! of them did reach the break, so that the test fails if the rule is broken.

mod support;

use handout::layout::PrintForm;
use support::breaks::{lines, source_blocks, Line};

/// A leaflet with `items` one-line list items, then `paragraphs` one-line
/// paragraphs, then `target`, then `after` one-line paragraphs.
fn leaflet(items: usize, paragraphs: usize, target: &str, after: usize) -> String {
    let mut y = String::from(
        "language: en\ntitle: Breaks\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n",
    );
    if items > 0 {
        y.push_str("      - list:\n");
        for i in 0..items {
            y.push_str(&format!("          - List item {i}.\n"));
        }
    }
    for i in 0..paragraphs {
        y.push_str(&format!("      - Filler paragraph {i}.\n"));
    }
    y.push_str(&format!("      - \"{target}\"\n"));
    for i in 0..after {
        y.push_str(&format!("      - Closing paragraph {i}.\n"));
    }
    y
}

/// `n` words of running text.
fn words(n: usize) -> String {
    let base = "patients should read this short paragraph about their pain treatment carefully";
    let mut out: Vec<&str> = base.split(' ').cycle().take(n).collect();
    out[0] = "Patients";
    format!("{}.", out.join(" "))
}

/// One leaflet built: the lines read back, and the target's block index.
fn lines_of(form: &PrintForm, yaml: &str, target: &str) -> (Vec<Line>, usize) {
    let b = support::pipeline::build_yaml(yaml, form);
    let (doc, built) = (&b.doc, &b.built);
    let pages = support::structure::running_text_pages(&support::load(&built.pdf));
    let blocks = source_blocks(doc);
    let squashed: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    let block = blocks
        .iter()
        .position(|b| b.squashed == squashed)
        .expect("the target paragraph");
    let ls = lines(&b.style, &b.geometry, doc, &pages, &blocks).expect("lines");
    (ls, block)
}

/// A print form with the sweep that takes a short paragraph across its first break.
struct Form {
    name: &'static str,
    form: PrintForm,
    /// Words that make a paragraph of two lines, and of three, in this form.
    words: [usize; 2],
    /// Numbers of one-line paragraphs before the target: from well before the break
    /// to well after it (list items before them shift it by less than a line).
    paragraphs: std::ops::RangeInclusive<usize>,
    /// One-line paragraphs after the target: enough to fill its page in two columns,
    /// so that the columns are full, not balanced.
    after: usize,
}

fn single_a4() -> Form {
    Form {
        name: "A4",
        form: support::pipeline::print_forms()[0].1,
        words: [16, 28],
        paragraphs: 24..=30,
        after: 3,
    }
}

fn two_column() -> Form {
    Form {
        name: "A4 two-column",
        form: support::pipeline::two_column(),
        words: [11, 16],
        paragraphs: 27..=33,
        after: 70,
    }
}

/// Builds every case of `form` with a target paragraph of `n` lines (2 or 3) and
/// checks the rule on each; asserts that the target was moved whole past a break
/// where the region before had room for 1 line (and, for 3 lines, for 2 lines): the
/// cases where a layout without the rule would have split it.
fn check(form: Form, n: usize) {
    let target = words(form.words[n - 2]);
    let cases: Vec<(String, Vec<Line>, usize)> = (0..=3)
        .flat_map(|items| form.paragraphs.clone().map(move |p| (items, p)))
        .map(|(items, p)| {
            let (ls, block) =
                lines_of(&form.form, &leaflet(items, p, &target, form.after), &target);
            (format!("{items} items, {p} paragraphs"), ls, block)
        })
        .collect();
    // The deepest baseline any region reached, the distance between the baselines of
    // two one-line paragraphs, and between two lines of one paragraph.
    let limit = cases
        .iter()
        .flat_map(|(_, ls, _)| ls)
        .map(|l| l.bottom)
        .fold(0.0, f32::max);
    let filler = |l: &Line| l.text.starts_with("Filler paragraph");
    let step = |pred: &dyn Fn(&Line, &Line) -> bool| {
        cases
            .iter()
            .flat_map(|(_, ls, _)| ls.windows(2))
            .find(|w| (w[0].page, w[0].region) == (w[1].page, w[1].region) && pred(&w[0], &w[1]))
            .map(|w| w[1].bottom - w[0].bottom)
            .expect("two lines in one region")
    };
    let paragraph_step = step(&|a, b| filler(a) && filler(b));
    let line_step = step(&|a, b| a.block == b.block && !filler(a));
    let mut room_seen = [false; 2];
    for (case, ls, block) in &cases {
        let mine: Vec<&Line> = ls.iter().filter(|l| l.block == *block).collect();
        assert_eq!(
            mine.len(),
            n,
            "{}, {case}: the target is not {n} lines",
            form.name
        );
        let mut per_region = std::collections::BTreeMap::new();
        for l in &mine {
            *per_region.entry((l.page, l.region)).or_insert(0) += 1;
        }
        if n == 2 {
            assert_eq!(
                per_region.len(),
                1,
                "{}, {case}: a 2-line paragraph is split",
                form.name
            );
        } else {
            assert!(
                per_region.values().all(|c| *c >= 2),
                "{}, {case}: a 3-line paragraph leaves one line alone: {per_region:?}",
                form.name
            );
        }
        // Was the target pushed whole past a break with room left before it?
        let first = ls.iter().position(|l| l.block == *block).expect("target");
        let Some(before) = first.checked_sub(1).map(|k| &ls[k]) else {
            continue;
        };
        let here = (mine[0].page, mine[0].region);
        if (before.page, before.region) != here && before.region != usize::MAX {
            let free = limit - before.bottom - paragraph_step;
            let fit = if free < -0.5 {
                0
            } else {
                1 + ((free + 0.5) / line_step).floor() as usize
            };
            for (k, seen) in room_seen.iter_mut().enumerate() {
                *seen |= fit == k + 1;
            }
        }
    }
    assert!(
        room_seen[0],
        "{}: no case put the {n}-line paragraph at the break with room for one line before it",
        form.name
    );
    if n == 3 {
        assert!(
            room_seen[1],
            "{}: no case put the 3-line paragraph at the break with room for two lines before it",
            form.name
        );
    }
}

#[test]
fn a_two_line_paragraph_is_never_split_across_pages() {
    check(single_a4(), 2);
}

#[test]
fn a_three_line_paragraph_never_leaves_one_line_alone_on_a_page() {
    check(single_a4(), 3);
}

#[test]
fn a_two_line_paragraph_is_never_split_across_columns() {
    check(two_column(), 2);
}

#[test]
fn a_three_line_paragraph_never_leaves_one_line_alone_in_a_column() {
    check(two_column(), 3);
}
