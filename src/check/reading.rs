//! Readability findings: a grade per section and for the whole leaflet by the
//! established formula of its language (see `readability`), and long sentences.

use super::finding::Finding;
use super::hygiene::at;
use super::readability::{count, score, Counts, Readability, Score};
use super::rule;
use super::sentences::Split;
use super::Subject;
use crate::error::{quote, Diagnostic};
use crate::model::{Block, Document, Text};
use serde::Serialize;

/// One readability score, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreLine {
    /// `leaflet`, or the section's id.
    pub scope: String,
    pub formula: &'static str,
    pub value: f64,
    pub grade: f64,
    pub words: usize,
    pub sentences: usize,
}

/// The texts a reader reads as prose in a section: paragraphs and list items (not
/// headings, which are questions or labels, nor image descriptions).
fn prose(blocks: &[Block]) -> Vec<&Text> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(t) => out.push(t),
            Block::List(items) => out.extend(items),
            Block::Image(_) => {}
        }
    }
    out
}

fn joined(texts: &[&Text]) -> String {
    texts
        .iter()
        .map(|t| t.styled.text.trim())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The scopes scored: each section with prose, the disclaimer, and last the whole
/// leaflet (`leaflet`), each with its texts.
fn scopes(doc: &Document) -> Vec<(String, Vec<&Text>)> {
    let mut out: Vec<(String, Vec<&Text>)> = doc
        .sections
        .iter()
        .map(|s| (s.id.clone(), prose(&s.body)))
        .chain(std::iter::once((
            "disclaimer".to_string(),
            prose(&doc.disclaimer),
        )))
        .filter(|(_, texts)| !texts.is_empty())
        .collect();
    let all: Vec<&Text> = out.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    out.push(("leaflet".into(), all));
    out
}

/// One scope (`leaflet`, a section's id or `disclaimer`), its texts and readability.
type Scoped<'a> = (String, Vec<&'a Text>, Readability);

/// The readability of every scope of `doc` ([`scopes`]): each part is counted once,
/// and the whole leaflet scored from the sum of its parts' counts. `Err` holds why the
/// language is not scored.
fn assess_scopes(doc: &Document) -> Result<Vec<Scoped<'_>>, String> {
    let scopes = scopes(doc);
    let mut total: Option<Counts> = None;
    let mut out = Vec::new();
    for (scope, texts) in scopes {
        let counts = if scope == "leaflet" {
            total.unwrap_or_default()
        } else {
            let c = count(&doc.language, &joined(&texts))?;
            total = Some(match &total {
                Some(t) => t.add(&c),
                None => c,
            });
            c
        };
        let readability = score(&doc.language, &counts);
        out.push((scope, texts, readability));
    }
    Ok(out)
}

/// Scores of every section and of the whole leaflet; empty when the language is not
/// scored.
pub fn scores(doc: &Document) -> Vec<ScoreLine> {
    assess_scopes(doc)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(scope, _, r)| match r {
            Readability::Scored(s) => Some(line(scope, &s)),
            Readability::NotScored { .. } => None,
        })
        .collect()
}

fn line(scope: String, s: &Score) -> ScoreLine {
    let round = |v: f64| (v * 10.0).round() / 10.0;
    ScoreLine {
        scope,
        formula: s.formula,
        value: round(s.value),
        grade: round(s.grade),
        words: s.words,
        sentences: s.sentences,
    }
}

pub fn check(s: &Subject, split: &Split, out: &mut Vec<Finding>) {
    let doc = s.doc;
    let max = s.settings.max_grade;
    let scored = match assess_scopes(doc) {
        Ok(scored) => scored,
        Err(reason) => {
            out.push(Finding::new(
                &rule::NOT_SCORED,
                Diagnostic::new(format!("{} text is not scored: {reason}", doc.language))
                    .file(&doc.source_file),
            ));
            Vec::new()
        }
    };
    for (scope, texts, readability) in scored {
        let Some(first) = texts.first() else { continue };
        match readability {
            Readability::NotScored { .. } => {}
            Readability::Scored(score) if score.grade > max => {
                let whole = scope == "leaflet";
                let what = if whole {
                    "the leaflet".to_string()
                } else {
                    format!("section `{scope}`")
                };
                let mut f = Finding::new(
                    &rule::READING_GRADE,
                    at(doc, first, format!(
                        "{what} reads at grade {:.1} ({} = {:.1}); the target is grade {max} or below",
                        score.grade, score.formula, score.value
                    ))
                    .help(format!(
                        "{} words in {} sentences, {:.1} words a sentence, {} long words: shorter sentences and everyday words lower the grade",
                        score.words, score.sentences, score.words_per_sentence, score.long_words
                    )),
                );
                if whole {
                    // The whole leaflet is no entry: its finding belongs to the file.
                    f.diagnostic.pos = None;
                    f.diagnostic.snippet = None;
                } else {
                    f = f.entry(scope);
                }
                out.push(f);
            }
            Readability::Scored(_) => {}
        }
    }
    long_sentences(s, split, out);
}

fn long_sentences(s: &Subject, split: &Split, out: &mut Vec<Finding>) {
    let doc = s.doc;
    if !split.spaced {
        return; // words are not counted by spaces there; the grade still applies
    }
    let max = s.settings.max_sentence_words;
    for (t, sentences) in &split.texts {
        for sentence in sentences {
            let (n, sentence) = (sentence.words, sentence.text);
            if n > max {
                out.push(
                    Finding::new(
                        &rule::LONG_SENTENCE,
                        at(
                            doc,
                            t,
                            format!(
                                "`{}` has a sentence of {n} words (limit {max}): “{}”",
                                t.id,
                                quote(sentence)
                            ),
                        )
                        .help("split it in two; one idea a sentence"),
                    )
                    .entry(&t.id),
                );
            }
        }
    }
}
