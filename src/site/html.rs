//! Writing HTML safely: every text and attribute value goes through [`text`] or
//! [`attr`], and a handout's inline markup becomes `<strong>`, `<em>`, `<a>` and
//! `<span lang>` (the same styled text the PDF prints, never its raw markup).

use crate::model::markup::{SpanStyle, StyledText};

/// `s` escaped for element content.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` escaped for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// A styled text as inline HTML. Consecutive pieces with the same link become one
/// `<a>`, so a link with a bold word in it is one link for a screen reader.
pub fn inline(styled: &StyledText) -> String {
    let mut out = String::with_capacity(styled.text.len() + 32);
    let pieces = pieces(styled);
    let mut i = 0;
    while i < pieces.len() {
        let link = pieces[i].1.link.as_deref();
        let mut j = i + 1;
        while j < pieces.len() && pieces[j].1.link.as_deref() == link {
            j += 1;
        }
        if let Some(href) = link {
            out.push_str(&format!("<a href=\"{}\">", attr(href)));
        }
        for (piece, style) in &pieces[i..j] {
            styled_piece(&mut out, piece, style);
        }
        if link.is_some() {
            out.push_str("</a>");
        }
        i = j;
    }
    out
}

fn styled_piece(out: &mut String, piece: &str, style: &SpanStyle) {
    let mut close = Vec::new();
    if let Some(lang) = &style.lang {
        out.push_str(&format!("<span lang=\"{}\">", attr(lang)));
        close.push("</span>");
    }
    if style.bold {
        out.push_str("<strong>");
        close.push("</strong>");
    }
    if style.italic {
        out.push_str("<em>");
        close.push("</em>");
    }
    out.push_str(&text(piece));
    for tag in close.iter().rev() {
        out.push_str(tag);
    }
}

/// The text cut where its style changes, each piece with its style.
fn pieces(styled: &StyledText) -> Vec<(&str, SpanStyle)> {
    let plain = SpanStyle::default();
    let mut out = Vec::new();
    let mut at = 0;
    let mut spans: Vec<&(std::ops::Range<usize>, SpanStyle)> = styled.spans.iter().collect();
    spans.sort_by_key(|(r, _)| r.start);
    for (range, style) in spans {
        let (start, end) = (range.start.max(at), range.end.min(styled.text.len()));
        if start >= end {
            continue;
        }
        if let Some(gap) = styled.text.get(at..start).filter(|g| !g.is_empty()) {
            out.push((gap, plain.clone()));
        }
        if let Some(piece) = styled.text.get(start..end) {
            out.push((piece, style.clone()));
        }
        at = end;
    }
    if let Some(rest) = styled.text.get(at..).filter(|r| !r.is_empty()) {
        out.push((rest, plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::parse;

    #[test]
    fn markup_becomes_elements_and_text_is_escaped() {
        let styled =
            parse("Call **now** if <b> & [the **clinic** line](tel:+123) *today*").unwrap();
        assert_eq!(
            inline(&styled),
            "Call <strong>now</strong> if &lt;b&gt; &amp; <a href=\"tel:+123\">the <strong>clinic</strong> line</a> <em>today</em>"
        );
        assert_eq!(attr("a\"b<"), "a&quot;b&lt;");
    }
}
