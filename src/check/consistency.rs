//! A translation against its source, entry by entry: the facts a patient acts on
//! must survive translation unchanged — numbers and their units, the drug's name and
//! the other terms, addresses, the emphasis on safety phrases, the list items.

use super::chars::lowercase;
use super::finding::Finding;
use super::hygiene::at;
use super::quantities::{quantities_besides, tokens, Quantity, Token, Tokens};
use super::rule::{self, Rule};
use super::source_facts::{self, SourceFacts};
use crate::error::quote;
use crate::model::{Block, Document, Text};

pub fn check(source: &Document, doc: &Document, out: &mut Vec<Finding>) {
    let sources = source.texts();
    for t in doc.texts() {
        let Some(src) = sources.iter().find(|s| s.id == t.id) else {
            continue;
        };
        let facts = source_facts::of(source, &src.styled.text);
        let pair = Pair {
            source,
            doc,
            src,
            t,
            facts: &facts,
            tokens: tokens::scan(&t.styled.text),
        };
        pair.numbers(out);
        pair.terms(out);
        pair.addresses(out);
        pair.emphasis(out);
    }
    lists(source, doc, out);
}

/// One entry: its source text and its translation.
struct Pair<'a> {
    source: &'a Document,
    doc: &'a Document,
    src: &'a Text,
    t: &'a Text,
    /// What the source entry says (its tokens, quantities and terms).
    facts: &'a SourceFacts,
    /// The URLs, e-mail addresses and phone numbers of the translation, scanned once
    /// for the addresses and the numbers (whose digits they are not).
    tokens: Vec<Token>,
}

impl Pair<'_> {
    fn finding(&self, rule: &'static Rule, message: String, help: String) -> Finding {
        Finding::new(
            rule,
            at(self.doc, self.t, message).help(format!(
                "{help}\n      source: {}\n translation: {}",
                quote(&self.src.styled.text),
                quote(&self.t.styled.text)
            )),
        )
        .entry(&self.t.id)
    }

    /// Numbers (in any digit system, with the language's separators) compared as
    /// multisets; then, number by number, the unit written with it.
    fn numbers(&self, out: &mut Vec<Finding>) {
        let want = &self.facts.quantities;
        let have = quantities_besides(&self.doc.language, &self.t.styled.text, &self.tokens);
        let mut unmatched: Vec<&Quantity> = have.iter().collect();
        let mut missing = Vec::new();
        let mut wrong_unit = Vec::new();
        for q in want {
            // Prefer the same number with the same unit; else the same number.
            let pick = unmatched
                .iter()
                .position(|h| h.value == q.value && h.unit == q.unit && h.per == q.per)
                .or_else(|| unmatched.iter().position(|h| h.value == q.value));
            match pick {
                Some(i) => {
                    let h = unmatched.remove(i);
                    // A unit the source gives must be there, and the same ("per kg"
                    // included); a unit only the translation writes ("50 años" for
                    // "50") is its way of saying the number.
                    if q.unit.is_some() && (h.unit != q.unit || h.per != q.per) {
                        wrong_unit.push((q, h));
                    }
                }
                None => missing.push(q),
            }
        }
        if !missing.is_empty() || !unmatched.is_empty() {
            let list = |qs: &[&Quantity]| {
                qs.iter()
                    .map(|q| format!("“{}”", q.written))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut what = Vec::new();
            if !missing.is_empty() {
                what.push(format!(
                    "the source's {} not in the translation",
                    list(&missing)
                ));
            }
            if !unmatched.is_empty() {
                what.push(format!(
                    "the translation's {} not in the source",
                    list(&unmatched)
                ));
            }
            out.push(self.finding(
                &rule::NUMBER_MISMATCH,
                format!("the numbers of `{}` differ: {}", self.t.id, what.join("; ")),
                "write the same numbers as the source (any digits the language uses)".into(),
            ));
        }
        for (q, h) in wrong_unit {
            out.push(self.finding(
                &rule::UNIT_MISMATCH,
                format!(
                    "in `{}`, the source's “{}” is “{}” in the translation",
                    self.t.id, q.written, h.written
                ),
                "write the number with the same unit as the source".into(),
            ));
        }
    }

    /// Every term the source text uses must be in the translation, as the
    /// translation file writes it (`term_forms`), or as in the source.
    fn terms(&self, out: &mut Vec<Finding>) {
        // The translation is lowered once its source is found to name a term.
        let mut text_lower = None;
        for (term, &named) in self.source.terms.iter().zip(&self.facts.names) {
            if !named {
                continue;
            }
            let text_lower: &str = text_lower.get_or_insert_with(|| lowercase(&self.t.styled.text));
            let forms = self
                .doc
                .term_forms
                .get(term)
                .filter(|f| !f.is_empty())
                .cloned()
                .unwrap_or_else(|| vec![term.clone()]);
            if forms
                .iter()
                .any(|f| !f.trim().is_empty() && text_lower.contains(&*lowercase(f)))
            {
                continue;
            }
            out.push(self.finding(
                &rule::TERM_MISSING,
                format!(
                    "the source of `{}` names “{term}”, the translation has none of {}",
                    self.t.id,
                    forms.iter().map(|f| format!("“{f}”")).collect::<Vec<_>>().join(", ")
                ),
                format!(
                    "keep the term in the text; if this language writes it differently, say how in the file's `term_forms:` (e.g. `{term}: [\"…\"]`)"
                ),
            ));
        }
    }

    /// Web addresses, e-mail addresses and phone numbers, compared as sets.
    fn addresses(&self, out: &mut Vec<Finding>) {
        let want = Tokens::of(&self.facts.tokens);
        let have = Tokens::of(&self.tokens);
        // Link targets are addresses too, although not printed as text.
        let link_targets = |t: &Text| -> Vec<String> {
            t.styled
                .spans
                .iter()
                .filter_map(|(_, s)| s.link.clone())
                .collect()
        };
        let (src_links, links) = (link_targets(self.src), link_targets(self.t));
        let kinds: [(&'static Rule, &str, Vec<String>, Vec<String>); 4] = [
            (
                &rule::URL_MISMATCH,
                "web addresses",
                want.urls.clone(),
                have.urls.clone(),
            ),
            (&rule::URL_MISMATCH, "link targets", src_links, links),
            (
                &rule::EMAIL_MISMATCH,
                "e-mail addresses",
                want.emails.clone(),
                have.emails.clone(),
            ),
            (
                &rule::PHONE_MISMATCH,
                "phone numbers",
                want.phones.clone(),
                have.phones.clone(),
            ),
        ];
        for (rule, what, mut a, mut b) in kinds {
            a.sort();
            b.sort();
            if a != b {
                out.push(self.finding(
                    rule,
                    format!(
                        "the {what} of `{}` differ: source [{}], translation [{}]",
                        self.t.id,
                        a.join(", "),
                        b.join(", ")
                    ),
                    format!("copy the {what} exactly as the source writes them"),
                ));
            }
        }
    }

    /// As many bold emphases as the source: bold marks the safety phrases.
    fn emphasis(&self, out: &mut Vec<Finding>) {
        let bold = |t: &Text| {
            let mut n = 0;
            let mut last_end = None;
            for (r, s) in &t.styled.spans {
                if s.bold && last_end != Some(r.start) {
                    n += 1;
                }
                last_end = s.bold.then_some(r.end);
            }
            n
        };
        let (a, b) = (bold(self.src), bold(self.t));
        if a != b {
            out.push(self.finding(
                &rule::EMPHASIS_MISMATCH,
                format!(
                    "`{}` has {} in the source and {} in the translation",
                    self.t.id,
                    crate::error::count(a, "bold emphasis", "bold emphases"),
                    b
                ),
                "mark the same phrases bold with **…** as the source does".into(),
            ));
        }
    }
}

/// Lists: no item empty, repeated or holding two items (a line break, or "; "
/// where the source item has none).
fn lists(source: &Document, doc: &Document, out: &mut Vec<Finding>) {
    let blocks = |d: &'_ Document| -> Vec<Vec<Text>> {
        d.sections
            .iter()
            .flat_map(|s| &s.body)
            .chain(&d.disclaimer)
            .filter_map(|b| match b {
                Block::List(items) => Some(items.clone()),
                _ => None,
            })
            .collect()
    };
    for (src, items) in blocks(source).iter().zip(blocks(doc).iter()) {
        for (i, t) in items.iter().enumerate() {
            let plain = t.styled.text.trim();
            let src_plain = src.get(i).map(|s| s.styled.text.as_str()).unwrap_or("");
            let problem = if plain.chars().all(|c| !super::chars::is_alphanumeric(c)) {
                Some("is empty".to_string())
            } else if let Some(j) = items[..i]
                .iter()
                .position(|o| o.styled.text.trim().eq_ignore_ascii_case(plain))
            {
                Some(format!("repeats item {} (`{}`)", j + 1, items[j].id))
            } else if t.markup.trim().contains('\n') && !src_plain.contains('\n') {
                Some("holds a line break: two items in one?".to_string())
            } else if inner_semicolons(plain) > inner_semicolons(src_plain) {
                Some("holds a “;” the source item has not: two items in one?".to_string())
            } else {
                None
            };
            if let Some(p) = problem {
                out.push(
                    Finding::new(
                        &rule::LIST_MISMATCH,
                        at(doc, t, format!("list item `{}` {p}", t.id)).help(format!(
                            "translate each item on its own; the source item is: {}",
                            quote(src_plain)
                        )),
                    )
                    .entry(&t.id),
                );
            }
        }
    }
}

/// Semicolons inside a list item: French and Russian lists end each item with one,
/// which says nothing about two items joined.
fn inner_semicolons(item: &str) -> usize {
    item.trim_end()
        .trim_end_matches([';', ',', '.', '\u{37e}', '؛'])
        .matches([';', '؛'])
        .count()
}
