//! What a leaflet must say, from its source document, and extracted text compared
//! with it (hyphens, right-to-left order, CJK spacing).

fn last_owned(line: &str) -> String {
    line.split_whitespace().last().unwrap_or("").to_string()
}

/// Words of extracted text with line-end hyphens that are not in `source` removed.
pub fn words_dehyphenated(extracted: &str, source_words: &[String]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let lines: Vec<&str> = extracted.lines().collect();
    let mut carry: Option<String> = None;
    for line in lines {
        let mut ws: Vec<String> = line.split_whitespace().map(|w| w.to_string()).collect();
        if let Some(c) = carry.take() {
            if let Some(first) = ws.first_mut() {
                *first = format!("{c}{first}");
            } else {
                ws.push(c);
            }
        }
        if let Some(last) = ws.last() {
            // An address broken after a `/` continues on the next line.
            let address_part = last.contains("://")
                && last.ends_with('/')
                && source_words
                    .iter()
                    .any(|s| s.starts_with(last.as_str()) && s != last);
            if address_part {
                carry = ws.pop();
            } else if let Some(stem) = last.strip_suffix('\u{AD}') {
                // A hyphen inserted at the break is written as a soft hyphen (PDF 1.7
                // § 14.8.2.2.3): the word continues on the next line.
                carry = Some(stem.to_string());
                ws.pop();
            } else if last.ends_with('-') && last.len() > 1 {
                let joined_candidate = last.trim_end_matches('-').to_string();
                // A hyphen the source has (take-home) stays; an inserted one goes.
                let is_source_hyphen = source_words.iter().any(|s| s.starts_with(last.as_str()));
                ws.pop();
                carry = Some(if is_source_hyphen {
                    last_owned(line)
                } else {
                    joined_candidate
                });
            }
        }
        words.extend(ws);
    }
    if let Some(c) = carry {
        words.push(c);
    }
    words
}

/// The texts a leaflet of `doc` must print as content, in reading order, markup
/// removed: the draft notice of a translation not yet reviewed (content where it is
/// first read), every text but the subject (metadata only) with a list item's bullet
/// before it, then the online line (`label: address`) when there is an address.
pub fn source_texts(doc: &handout::model::Document) -> Vec<String> {
    use handout::model::Block;
    let items: Vec<*const handout::model::Text> = doc
        .sections
        .iter()
        .flat_map(|s| &s.body)
        .chain(&doc.disclaimer)
        .filter_map(|b| match b {
            Block::List(items) => Some(items),
            _ => None,
        })
        .flatten()
        .map(|t| t as *const _)
        .collect();
    let mut out: Vec<String> = draft_notice(doc).into_iter().collect();
    out.extend(doc.texts().iter().filter(|t| t.id != "subject").map(|t| {
        let text = handout::model::markup::parse(&t.markup)
            .expect("markup")
            .text;
        if items.contains(&(*t as *const _)) {
            format!("• {text}")
        } else {
            text
        }
    }));
    if let Some(url) = &doc.meta.url {
        out.push(format!("{}: {url}", doc.labels.online));
    }
    out
}

/// The draft notice a translation not yet reviewed reads as: in its language, then
/// in English (English alone where the label is not translated); `None` if not a draft.
pub fn draft_notice(doc: &handout::model::Document) -> Option<String> {
    use handout::model::DRAFT_NOTICE_EN;
    doc.draft.then(|| {
        if doc.labels.draft_notice == DRAFT_NOTICE_EN {
            DRAFT_NOTICE_EN.to_string()
        } else {
            format!("{} · {DRAFT_NOTICE_EN}", doc.labels.draft_notice)
        }
    })
}

/// The words of [`source_texts`], in reading order.
pub fn source_words(doc: &handout::model::Document) -> Vec<String> {
    source_texts(doc)
        .iter()
        .flat_map(|t| t.split_whitespace().map(String::from))
        .collect()
}

/// Logical text of a visually ordered RTL line (UAX #9 reordering), without the
/// invisible directional marks the PDF adds for extractors.
pub fn logical_line(line: &str) -> String {
    use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};
    // A line without right-to-left letters (a broken web address) is left to right.
    if !line
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
    {
        return strip_marks(line);
    }
    let info = BidiInfo::new(line, Some(Level::rtl()));
    let text: String = info
        .paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect();
    strip_marks(&text)
}

/// `s` without directional marks and embedding controls.
pub fn strip_marks(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect()
}

/// Asserts that extracted `text` reads as `doc`'s content: lines of right-to-left
/// languages are reordered to logical order; Chinese is compared without spaces.
pub fn assert_reads_as(doc: &handout::model::Document, text: &str, what: &str) {
    let mut text = text.to_string();
    if doc.language.is_rtl() {
        text = text
            .lines()
            .map(logical_line)
            .collect::<Vec<_>>()
            .join("\n");
    }
    let expected = source_words(doc);
    if doc.language.tag().starts_with("zh") {
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squash(&text), squash(&expected.join("")), "{what}");
    } else {
        assert_eq!(words_dehyphenated(&text, &expected), expected, "{what}");
    }
}
