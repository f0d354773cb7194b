//! What the translation check reads from a source entry (its addresses and phone
//! numbers, its quantities, the terms it names), remembered per thread. Every
//! translation of a handout is checked against the same source: a batch of 33
//! languages read each source entry 32 times over, a third of the translation
//! check's instructions.
//!
//! An answer is remembered under what decides it, the entry's text and the source's
//! language and terms, and those are compared whole before it is used again: it is
//! the answer reading the entry again would give.

use super::chars::lowercase;
use super::hygiene::whole_words;
use super::quantities::{quantities_besides, tokens, Quantity, Token};
use crate::fast_map::Remembered;
use crate::model::Document;
use std::cell::RefCell;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Source entries a thread remembers (a handout has a few dozen).
const REMEMBERED: usize = 4096;

/// What the check reads from one source entry.
pub struct SourceFacts {
    /// Its URLs, e-mail addresses and phone numbers (`tokens::scan`).
    pub tokens: Vec<Token>,
    /// Its quantities outside those.
    pub quantities: Vec<Quantity>,
    /// For each of the source's terms, in order: whether the entry names it (as a
    /// whole word, in any letter case).
    pub names: Vec<bool>,
    /// What the facts were read from.
    tag: Box<str>,
    terms: Box<[String]>,
    text: Box<str>,
}

impl SourceFacts {
    fn read_from(&self, tag: &str, terms: &[String], text: &str) -> bool {
        *self.text == *text && *self.tag == *tag && *self.terms == *terms
    }
}

type Memo = Remembered<u64, Rc<SourceFacts>, REMEMBERED>;

/// The facts of `text`, an entry of `source`.
pub fn of(source: &Document, text: &str) -> Rc<SourceFacts> {
    thread_local! {
        static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    }
    let tag = source.language.tag();
    let terms = source.terms.as_slice();
    let key = foldhash::fast::FixedState::default().hash_one((tag, terms, text));
    let remembered = MEMO.with(|memo| {
        memo.borrow()
            .get(&key)
            .filter(|facts| facts.read_from(tag, terms, text))
            .cloned()
    });
    if let Some(facts) = remembered {
        return facts;
    }
    let tokens = tokens::scan(text);
    let quantities = quantities_besides(&source.language, text, &tokens);
    let lower = lowercase(text);
    let names = terms
        .iter()
        .map(|t| whole_words(&lower, &lowercase(t)))
        .collect();
    let facts = Rc::new(SourceFacts {
        tokens,
        quantities,
        names,
        tag: tag.into(),
        terms: terms.into(),
        text: text.into(),
    });
    MEMO.with(|memo| memo.borrow_mut().remember(key, Rc::clone(&facts)));
    facts
}

#[cfg(test)]
mod tests {
    //! Remembered facts are the facts read afresh, when documents of other
    //! languages and terms with the same entry text interleave in one thread.
    use super::*;

    fn source(language: &str, terms: &str) -> Document {
        let yaml = format!(
            "language: {language}\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\nterms: [{terms}]\nsections:\n  - id: a\n    body: [\"Text.\"]\n"
        );
        crate::model::parse_source(
            std::path::Path::new("x.yaml"),
            "t",
            yaml.as_bytes(),
            crate::model::Limits::default(),
        )
        .expect("a valid source")
    }

    fn fresh(doc: &Document, text: &str) -> (Vec<String>, Vec<String>, Vec<bool>) {
        let tokens = tokens::scan(text);
        let quantities = quantities_besides(&doc.language, text, &tokens);
        let lower = lowercase(text);
        let names = doc
            .terms
            .iter()
            .map(|t| whole_words(&lower, &lowercase(t)))
            .collect();
        (
            tokens.iter().map(|t| format!("{t:?}")).collect(),
            quantities.iter().map(|q| format!("{q:?}")).collect(),
            names,
        )
    }

    #[test]
    fn remembered_facts_are_fresh_facts() {
        let docs = [
            source("en", "ketamine, NMDA"),
            source("de", "ketamine, NMDA"),
            source("en", "ketamine"),
            source("en", "NMDA, ketamine"),
            source("ar", "ketamine"),
            source("en-GB", "ketamine, NMDA"),
            source("fr", ""),
        ];
        let texts = [
            "Take 1,5 mg of Ketamine (NMDA) at 1.000 mg.",
            "Call +49 30 1234567 or see https://example.org/1.5mg",
            "١٫٥ ملغ ketamine",
            "",
            "nmda 2 mg",
        ];
        for round in 0..3 {
            for (d, doc) in docs.iter().enumerate() {
                for text in texts.iter().skip((round + d) % 2) {
                    let facts = of(doc, text);
                    let got = (
                        facts
                            .tokens
                            .iter()
                            .map(|t| format!("{t:?}"))
                            .collect::<Vec<_>>(),
                        facts
                            .quantities
                            .iter()
                            .map(|q| format!("{q:?}"))
                            .collect::<Vec<_>>(),
                        facts.names.clone(),
                    );
                    assert_eq!(
                        got,
                        fresh(doc, text),
                        "{} {:?} {text:?}",
                        doc.language.tag(),
                        doc.terms
                    );
                }
            }
        }
        // Two languages read the same text differently: the memo keeps them apart.
        let (en, de) = (of(&docs[0], texts[0]), of(&docs[1], texts[0]));
        let (en, de) = (
            format!("{:?}", en.quantities),
            format!("{:?}", de.quantities),
        );
        assert_ne!(
            en, de,
            "1.000 mg is one milligram in English, a thousand in German"
        );
    }
}
