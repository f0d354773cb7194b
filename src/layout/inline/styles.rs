//! The inline style of every byte of a paragraph, found once.
//!
//! [`StyledText::style_at`] searches the spans for each byte it is asked about;
//! shaping asked it for every byte of every word, font selection for every
//! character. Here each byte holds the number of its span, so a look-up is an index
//! and "the same style" is mostly the same number.

use crate::model::markup::{SpanStyle, StyledText, PLAIN};

/// The span of each byte of a paragraph's text.
pub(super) struct Styles<'a> {
    spans: &'a [(std::ops::Range<usize>, SpanStyle)],
    /// 1 + the index of the span [`StyledText::style_at`] finds for each byte (the
    /// first that contains it), or 0 for a byte in none (plain text).
    of_byte: Vec<u32>,
}

impl<'a> Styles<'a> {
    pub fn new(st: &'a StyledText) -> Styles<'a> {
        let len = st.text.len();
        let mut of_byte = vec![0u32; len];
        // The first span containing a byte wins: filled last to first, each earlier
        // span overwrites the later ones it overlaps (markup makes disjoint spans).
        for (k, (range, _)) in st.spans.iter().enumerate().rev() {
            let end = range.end.min(len);
            if range.start < end {
                let id = u32::try_from(k + 1).unwrap_or(u32::MAX);
                of_byte[range.start..end].fill(id);
            }
        }
        Styles {
            spans: &st.spans,
            of_byte,
        }
    }

    /// The span number of byte `i` (0 for plain text, and past the end of the text,
    /// which no one asks about).
    pub fn id(&self, i: usize) -> u32 {
        self.of_byte.get(i).copied().unwrap_or(0)
    }

    /// The style with span number `id`.
    pub fn of_id(&self, id: u32) -> &'a SpanStyle {
        match (id as usize).checked_sub(1) {
            Some(k) => self.spans.get(k).map_or(&PLAIN, |(_, s)| s),
            None => &PLAIN,
        }
    }

    /// The style at byte `i`: [`StyledText::style_at`]`(i)`.
    pub fn at(&self, i: usize) -> &'a SpanStyle {
        self.of_id(self.id(i))
    }

    /// Whether byte `i` has the style of span number `id`: compared as styles, as
    /// `style_at(i) == style_at(j)` compares them (two spans may be equally styled).
    pub fn same(&self, i: usize, id: u32) -> bool {
        let here = self.id(i);
        here == id || self.of_id(here) == self.of_id(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;

    fn check(st: &StyledText) {
        let styles = Styles::new(st);
        for i in 0..st.text.len() {
            assert_eq!(styles.at(i), st.style_at(i), "byte {i}");
            for j in 0..st.text.len() {
                assert_eq!(
                    styles.same(i, styles.id(j)),
                    st.style_at(i) == st.style_at(j),
                    "bytes {i} and {j}"
                );
            }
        }
    }

    #[test]
    fn every_byte_has_the_style_style_at_finds() {
        for text in [
            "plain only",
            "In rare cases **serious   side effects** see [here](https://x.org).",
            "*a* **b** *c* [d](https://x.org) [e](https://x.org) [f](https://y.org)",
            "",
        ] {
            check(&markup::parse(text).expect("markup"));
        }
        let bold = SpanStyle {
            bold: true,
            ..Default::default()
        };
        // Spans as code may build them: overlapping, out of order, equal styles side
        // by side, plain-styled spans, past the end.
        check(&StyledText {
            text: "abcdefghij".into(),
            spans: vec![
                (4..8, bold.clone()),
                (2..6, Default::default()),
                (8..9, bold.clone()),
                (9..30, bold),
                #[allow(clippy::reversed_empty_ranges)]
                (7..3, Default::default()),
            ],
        });
    }
}
