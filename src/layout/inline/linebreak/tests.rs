//! Line breaking on made-up paragraphs.

use super::*;

fn words(lens: &[f32]) -> Vec<Item> {
    let mut v = Vec::new();
    for (i, l) in lens.iter().enumerate() {
        if i > 0 {
            v.push(Item::Glue {
                width: 3.0,
                stretch: 1.5,
                shrink: 1.0,
            });
        }
        v.push(Item::Box { width: *l });
    }
    v.push(Item::Glue {
        width: 0.0,
        stretch: 1e5,
        shrink: 0.0,
    });
    v.push(Item::Penalty {
        width: 0.0,
        cost: -INFINITY,
        flagged: false,
    });
    v
}

fn line_width(items: &[Item], l: &LineBreak) -> f32 {
    items[l.start..l.end]
        .iter()
        .map(|i| match i {
            Item::Box { width } | Item::Glue { width, .. } => *width,
            _ => 0.0,
        })
        .sum()
}

#[test]
fn every_line_fits_its_measure() {
    let items = words(&[
        20.0, 35.0, 12.0, 40.0, 18.0, 25.0, 30.0, 22.0, 15.0, 38.0, 10.0,
    ]);
    for mode in [Mode::Justified, Mode::RaggedRight] {
        let lines = total_fit(&items, 100.0, &Params::new(mode, 10.0));
        assert!(lines.len() >= 3);
        for l in &lines {
            assert!(line_width(&items, l) <= 100.0 + 1.0 * 3.0, "{mode:?} {l:?}");
        }
    }
}

#[test]
fn ragged_total_fit_is_more_even_than_greedy() {
    let items = words(&[
        30.0, 30.0, 30.0, 8.0, 60.0, 30.0, 30.0, 30.0, 8.0, 60.0, 20.0,
    ]);
    let spread = |lines: &[LineBreak]| {
        let w: Vec<f32> = lines[..lines.len() - 1]
            .iter()
            .map(|l| line_width(&items, l))
            .collect();
        w.iter().cloned().fold(f32::MIN, f32::max) - w.iter().cloned().fold(f32::MAX, f32::min)
    };
    let kp = total_fit(&items, 110.0, &Params::new(Mode::RaggedRight, 10.0));
    let gr = greedy(&items, 110.0);
    assert!(spread(&kp) <= spread(&gr), "kp {kp:?} greedy {gr:?}");
}

#[test]
fn first_fit_gives_each_over_wide_piece_its_own_line() {
    // Three CJK characters, each wider than the measure, with break penalties
    // between them (no spaces).
    let mut items = Vec::new();
    for k in 0..3 {
        if k > 0 {
            items.push(Item::Penalty {
                width: 0.0,
                cost: 0.0,
                flagged: false,
            });
        }
        items.push(Item::Box { width: 12.0 });
    }
    items.extend(words(&[]));
    let lines = greedy(&items, 8.0);
    assert_eq!(lines.len(), 3, "{lines:?}");
    for l in &lines {
        assert!(line_width(&items, l) <= 12.0, "{l:?}");
    }
}

#[test]
fn an_overlong_word_still_gets_a_line() {
    let items = words(&[20.0, 250.0, 20.0]);
    let lines = total_fit(&items, 100.0, &Params::new(Mode::Justified, 10.0));
    assert_eq!(lines.last().map(|l| l.end), Some(items.len() - 1));
}
