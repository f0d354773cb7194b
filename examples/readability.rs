//! Prints the readability of each section and of the whole ketamine leaflet, for the
//! languages given (default: the source and the translations with a formula), and the
//! time scoring takes: `cargo run --release --example readability [LOCALE...]`.
use handout::check::readability::{assess, count, score, Counts, Readability};
use handout::model::{Block, Document};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let locales: Vec<&str> = if args.is_empty() {
        vec!["en", "es", "de", "fr", "it", "pt", "ru", "pl"]
    } else {
        args.iter().map(String::as_str).collect()
    };
    let handout = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    for locale in locales {
        let (doc, _) =
            handout::build::load(&handout, locale, &Default::default(), Default::default())
                .expect("load");
        let mut parts: Vec<(String, String)> = doc
            .sections
            .iter()
            .map(|s| {
                let mut texts: Vec<&str> =
                    s.heading.iter().map(|h| h.styled.text.as_str()).collect();
                texts.extend(block_texts(&s.body));
                (s.id.clone(), texts.join("\n\n"))
            })
            .collect();
        parts.push((
            "disclaimer".into(),
            block_texts(&doc.disclaimer).join("\n\n"),
        ));
        let whole = parts
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        parts.push(("WHOLE".into(), whole.clone()));
        for (id, text) in &parts {
            println!("{locale}\t{id}\t{}", line(&doc, text));
        }
        let rounds: u32 = std::env::var("ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1000);
        let sections = &parts[..parts.len() - 1];
        let start = Instant::now();
        for _ in 0..rounds {
            // What `handout check` needs: each section scored, the whole from their sum.
            let mut whole = Counts::default();
            for (_, text) in sections {
                if let Ok(counts) = count(&doc.language, std::hint::black_box(text)) {
                    std::hint::black_box(score(&doc.language, &counts));
                    whole = whole.add(&counts);
                }
            }
            std::hint::black_box(score(&doc.language, &whole));
        }
        println!(
            "{locale}\ttime: {:.1} µs for {} sections and the whole from their counts",
            start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds),
            sections.len()
        );
    }
}

fn block_texts(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(t) => out.push(t.styled.text.as_str()),
            Block::List(items) => out.extend(items.iter().map(|t| t.styled.text.as_str())),
            Block::Image(_) => {}
        }
    }
    out
}

fn line(doc: &Document, text: &str) -> String {
    match assess(&doc.language, text) {
        Readability::Scored(s) => format!(
            "{}\tvalue {:.1}\tgrade {:.1}\twords {}\tsentences {}\tsyll/word {:.2}\twords/sentence {:.1}\tlong {} ({})\tlongest {}",
            s.formula,
            s.value,
            s.grade,
            s.words,
            s.sentences,
            s.syllables as f64 / s.words as f64,
            s.words_per_sentence,
            s.long_words,
            s.long_word_rule,
            s.longest_sentence_words
        ),
        Readability::NotScored { reason } => format!("not scored: {reason}"),
    }
}
