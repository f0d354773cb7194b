//! A `TJ` array reads back as its strings shown one by one with `Tj`, on random
//! pages: the reader takes an array's strings as one, which is right only while it
//! never moves the pen by glyph widths (and the baseline is finite).

use super::fixture::{el, Fixture, Node};
use super::*;

struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn string(rng: &mut Rng) -> String {
    match rng.next(8) {
        0 => "()".into(),
        1 => "<>".into(),
        2 => "(\\000A\\000b)".into(),
        3 => "(\\0\\101\\\r\n\\n)".into(),
        4 => "<0041 0\n6 3>".into(),
        5 => "(a)".into(), // one byte: a short code of its own
        6 => "<0627064406450633>".into(),
        _ => format!("<{:04X}{:04X}>", 0x41 + rng.next(26), 0x61 + rng.next(26)),
    }
}

/// A page with `TJ` arrays, and the same page with each array's strings shown by `Tj`.
fn page(rng: &mut Rng) -> (String, String) {
    let (mut tj, mut split) = (String::new(), String::new());
    macro_rules! push {
        ($s:expr) => {{
            let s: &str = &$s;
            tj.push_str(s);
            split.push_str(s);
        }};
    }
    let mut open: i32 = 0;
    push!("BT ");
    for _ in 0..(1 + rng.next(14)) {
        let kind = rng.next(12);
        if kind < 4 {
            open += 1;
        }
        match kind {
            0 => push!(&format!("/P <</MCID {}>> BDC\n", rng.next(3))),
            1 => push!("/Artifact BMC\n"),
            2 => push!("/Span <</ActualText <FEFF00580059>>> BDC\n"),
            3 => push!(&format!(
                "/P <</MCID {} /ActualText (Z)>> BDC\n",
                rng.next(3)
            )),
            4 => {
                push!("EMC\n");
                open -= 1;
            }
            5 => push!(&format!(
                "1 0 0 1 72 {} Tm\n",
                [700, 700, 705, 690, 0][rng.next(5)]
            )),
            6 => push!(["/F1 10 Tf\n", "/F9 10 Tf\n", "/F1 0 Tf\n"][rng.next(3)]),
            7 => push!(&format!(
                "1 0 0 1 0 {} cm\n",
                ["0", "99999999999999999999999999999999999999999", "-5"][rng.next(3)]
            )),
            8 => push!(&format!(
                "0 {} Td\n",
                ["-12", "0", "999999999999999999999999999999999999999999"][rng.next(3)]
            )),
            _ => {
                let items: Vec<String> = (0..rng.next(5))
                    .map(|_| match rng.next(3) {
                        0 => format!("-{}", rng.next(300)),
                        _ => string(rng),
                    })
                    .collect();
                tj.push_str(&format!("[{}] TJ\n", items.join(" ")));
                for item in items.iter().filter(|i| !i.starts_with('-')) {
                    split.push_str(&format!("{item} Tj\n"));
                }
            }
        }
    }
    for _ in 0..open.max(0) {
        if rng.next(5) > 0 {
            push!("EMC\n");
        }
    }
    tj.push_str("ET\n");
    split.push_str("ET\n");
    (tj, split)
}

#[test]
fn tj_arrays_read_as_their_strings_one_by_one() {
    let mut rng = Rng(77);
    let mut differ = 0;
    for _ in 0..600 {
        let (tj, split) = page(&mut rng);
        let tree = || {
            el(
                "Document",
                vec![el("P", (0..3).map(|n| Node::Mcid(0, n)).collect())],
            )
        };
        let a = read_back(&Fixture::new(std::slice::from_ref(&tj), tree()).build());
        let b = read_back(&Fixture::new(std::slice::from_ref(&split), tree()).build());
        let (a, b) = (format!("{a:?}"), format!("{b:?}"));
        if a != b {
            differ += 1;
            eprintln!("TJ:\n{tj}\nTj:\n{split}\n{a}\n{b}\n");
        }
    }
    assert_eq!(differ, 0);
}
