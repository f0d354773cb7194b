//! The build's check of its own output: the PDF, read back, must hold the leaflet's
//! structure with each block's source text, and nothing that is neither an element's
//! content nor an artifact.
//!
//! The expectation comes from the layout's logical structure (each node's source
//! text, not the laid-out lines), so a line lost or doubled anywhere between the
//! model and the bytes shows up here as a mismatch.

use super::{read_back, same_normalised, ReadElement};
use crate::layout::structure::{Kind, Node};

/// The structure type each kind of node is tagged as (PDF 1.7 § 14.8.4).
fn expected_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Document => "Document",
        Kind::Notice | Kind::Paragraph => "P",
        Kind::Title => "H1",
        Kind::Heading => "H2",
        Kind::List => "L",
        Kind::ListItem => "LI",
        Kind::Label => "Lbl",
        Kind::ListBody => "LBody",
        Kind::Box => "Sect",
        Kind::Disclaimer => "Div",
        Kind::Figure | Kind::QrCode => "Figure",
    }
}

/// Every way `pdf` fails to read back as `structure`, each one line naming the
/// element (its type, its number in reading order and the start of its source text);
/// empty when it reads back whole.
pub fn mismatches(pdf: &[u8], structure: &Node) -> Vec<String> {
    let read = match read_back(pdf) {
        Ok(read) => read,
        Err(e) => return vec![format!("the PDF cannot be read back: {e}")],
    };
    let mut out: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
    // A link and a phrase in another language are elements the writer adds inside a
    // block; the block's text includes theirs.
    let elements: Vec<&ReadElement> = read
        .elements
        .iter()
        .filter(|e| e.kind != "Link" && e.kind != "Span")
        .collect();
    let mut nodes = Vec::new();
    structure.walk(&mut |node, depth| nodes.push((node, depth)));
    if elements.len() != nodes.len() {
        out.push(format!(
            "the structure tree has {} elements, the leaflet {} blocks and groups",
            elements.len(),
            nodes.len()
        ));
    }
    for (i, ((node, depth), e)) in nodes.iter().zip(&elements).enumerate() {
        let want = expected_type(node.kind);
        let name = || describe(i, want, &node.text);
        if e.kind != want || e.depth != *depth {
            out.push(format!(
                "{}: found {} at depth {} instead of {want} at depth {depth}",
                name(),
                e.kind,
                e.depth
            ));
            // Past a difference in shape, the texts no longer pair up.
            break;
        }
        if !node.text.is_empty() && !same_normalised(&e.text, &node.text) {
            out.push(format!(
                "{}: reads {:?}, its source says {:?}",
                name(),
                shorten(&e.text),
                shorten(&node.text)
            ));
        }
        if let Some(alt) = &node.alt {
            if e.alt.as_deref() != Some(alt.as_str()) {
                out.push(format!("{}: its /Alt is {:?}, not {alt:?}", name(), e.alt));
            }
            if e.marked.is_empty() {
                out.push(format!("{}: it holds nothing drawn", name()));
            }
        }
    }
    out
}

fn describe(index: usize, kind: &str, text: &str) -> String {
    if text.is_empty() {
        format!("element {} ({kind})", index + 1)
    } else {
        format!("element {} ({kind} {:?})", index + 1, shorten(text))
    }
}

/// The start of `text`, for a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = text.chars().take(MAX).collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}
