//! Readability scores: the established formula of each language, applied to plain text.
//!
//! Each scored language uses the formula its own readability research established (see
//! [`formula`]); a language without one is [`Readability::NotScored`] with the reason,
//! never scored with another language's formula. Counting (sentences, words, syllables)
//! is in [`counting`] and [`syllables`]; the published interpretation tables that turn an
//! ease score into a US school grade are in [`grade`]. Counting is one pass over the
//! text with nothing to load or compile: about 1,200 instructions an English word, so a
//! 400-word leaflet's sections and whole cost ~0.45 M instructions (well under 0.1 ms;
//! docs/readability-evaluation.md).

mod counting;
mod formula;
mod grade;
mod language;
mod syllables;

#[cfg(test)]
mod tests;

pub use counting::Counts;

/// A readability assessment of one text in one language.
#[derive(Debug, Clone, PartialEq)]
pub enum Readability {
    /// Scored with the language's established formula.
    Scored(Score),
    /// No established, implementable formula for the language, or no words to score.
    NotScored { reason: String },
}

/// One text's score by its language's formula, and the counts behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// The formula's name, e.g. "Flesch–Kincaid grade level", "Amstad (Flesch for German)".
    pub formula: &'static str,
    /// The formula's own number: a reading ease (higher is easier) or a grade.
    pub value: f64,
    /// The US school grade the formula's published interpretation table gives `value`
    /// (`value` itself for grade formulas; never below 0).
    pub grade: f64,
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub words_per_sentence: f64,
    /// Words that count as long in this language (see `long_word_rule`).
    pub long_words: usize,
    /// What makes a word long here, e.g. "3 or more syllables".
    pub long_word_rule: &'static str,
    pub longest_sentence_words: usize,
}

/// The readability of plain `text` (markup stripped) in `language`.
///
/// Sentences end at `.`, `!`, `?` or `…` followed by a space and a word that does not
/// start in lower case (so "e.g. the" and "2.5" do not end one), and at a blank line:
/// paragraphs and list items joined with "\n\n" each end a sentence, except that a
/// blank line after `:`, `,` or `;` does not, so a list introduced by a colon whose
/// items end in commas ("These may include: dizziness, nausea, vomiting.") reads as the
/// one sentence it is written as, while unpunctuated list items count one sentence each.
pub fn assess(language: &crate::model::Language, text: &str) -> Readability {
    match count(language, text) {
        Ok(counts) => score(language, &counts),
        Err(reason) => Readability::NotScored { reason },
    }
}

/// What `text` is made of, counted as `language`'s formula counts; the reason the
/// language is not scored otherwise. Counts of several texts add up ([`Counts::add`]).
pub fn count(language: &crate::model::Language, text: &str) -> Result<Counts, String> {
    let formula = language::formula_for(language)?;
    Ok(counting::count(text, formula.syllables, formula.long_word))
}

/// The readability of a text with `counts` (from [`count`]) in `language`.
pub fn score(language: &crate::model::Language, counts: &Counts) -> Readability {
    let formula = match language::formula_for(language) {
        Ok(formula) => formula,
        Err(reason) => return Readability::NotScored { reason },
    };
    if counts.words == 0 {
        return Readability::NotScored {
            reason: "no words to score".to_string(),
        };
    }
    let (value, grade) = formula.score(counts);
    Readability::Scored(Score {
        formula: formula.name,
        value,
        grade: grade.max(0.0),
        words: counts.words,
        sentences: counts.sentences,
        syllables: counts.syllables,
        words_per_sentence: counts.words_per_sentence(),
        long_words: counts.long_words,
        long_word_rule: formula.long_word.describe(),
        longest_sentence_words: counts.longest_sentence_words,
    })
}
