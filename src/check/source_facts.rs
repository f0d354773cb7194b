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
