//! Inline markup of handout texts: `**bold**`, `*italic*`, `[text](https://…)`.
//!
//! Parsed with pulldown-cmark. Only inline syntax is allowed; block syntax (a line
//! starting with `#`, `- ` or `1. `) is refused rather than silently reinterpreted.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A piece of text with one inline style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// A paragraph's plain text and its styled ranges (byte offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StyledText {
    pub text: String,
    pub spans: Vec<(std::ops::Range<usize>, SpanStyle)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct SpanStyle {
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// Parses `markup` into styled text with whitespace runs collapsed to one space.
pub fn parse(markup: &str) -> Result<StyledText, String> {
    let mut out = StyledText::default();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut link: Option<String> = None;
    let mut blocks = 0;
    for event in Parser::new(markup) {
        match event {
            Event::Start(Tag::Paragraph) => {
                blocks += 1;
                if blocks > 1 {
                    return Err(
                        "the text has a blank line in it, which would start a new paragraph".into(),
                    );
                }
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => link = None,
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                push(&mut out, &t, bold > 0, italic > 0, link.clone())
            }
            Event::SoftBreak | Event::HardBreak => {
                push(&mut out, " ", bold > 0, italic > 0, link.clone())
            }
            Event::Start(other) => {
                return Err(format!(
                "the text starts a {} (Markdown block syntax), which is not allowed inside a text",
                describe(&other)
            ))
            }
            _ => {}
        }
    }
    let trimmed_end = out.text.trim_end().len();
    out.text.truncate(trimmed_end);
    out.spans.retain_mut(|(r, _)| {
        r.end = r.end.min(trimmed_end);
        r.start < r.end
    });
    Ok(out)
}

/// The byte offset of a `**` in `markup` that opens no bold text (it has no closing
/// `**`), if there is one: printed as it stands, "**vomiting blood" would lose the
/// emphasis its author meant for a safety phrase.
///
/// A single `*` left over is no error: "5 * 2", a footnote star or "Ketamine*" are
/// ordinary text, and a lone star cannot be told from them. A doubled star has no
/// such use in a leaflet; `\*\*` writes two stars.
pub fn unclosed_bold(markup: &str) -> Option<usize> {
    // Left-over delimiters come as text events of their own ("*", "*"): runs of
    // adjacent text are joined before looking.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (event, range) in Parser::new(markup).into_offset_iter() {
        if let Event::Text(_) = event {
            match runs.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => runs.push(range),
            }
        }
    }
    runs.into_iter().find_map(|r| {
        markup
            .get(r.clone())
            .and_then(|raw| raw.find("**"))
            .map(|i| r.start + i)
    })
}

/// The byte offset of a link that goes nowhere a reader can follow: one whose
/// address is not a web, mail or phone address (`[here](www.x.org)`, `[here]()`),
/// or link syntax left open (`[here](https://x.org` prints its brackets).
pub fn bad_link(markup: &str) -> Option<usize> {
    let mut text_runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (event, range) in Parser::new(markup).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if !is_address(&dest_url) => {
                return Some(range.start)
            }
            Event::Text(_) => match text_runs.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => text_runs.push(range),
            },
            _ => {}
        }
    }
    // A link that did not parse stays as text: `[`, `here`, `](`… joined.
    text_runs.into_iter().find_map(|r| {
        let raw = markup.get(r.clone())?;
        let close = raw.find("](")?;
        Some(r.start + raw[..close].rfind('[').unwrap_or(close))
    })
}

/// Whether a link target is an address a reader (or a phone) can open.
fn is_address(dest: &str) -> bool {
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| dest.len() > p.len() && dest.starts_with(p))
}

fn describe(tag: &Tag) -> &'static str {
    match tag {
        Tag::Heading { .. } => "heading (`#`)",
        Tag::List(_) | Tag::Item => {
            "list (`- ` or `1. `); use `list:` for lists, or write `\\-` / `1\\.`"
        }
        Tag::BlockQuote(_) => "quote (`>`)",
        Tag::CodeBlock(_) => "code block (indented text)",
        Tag::Image { .. } => "image",
        _ => "block",
    }
}

/// Appends `t` with whitespace collapsed; a space never starts the paragraph.
fn push(out: &mut StyledText, t: &str, bold: bool, italic: bool, link: Option<String>) {
    let start = out.text.len();
    for c in t.chars() {
        if c.is_whitespace() && c != '\u{00A0}' && c != '\u{202F}' {
            if !out.text.is_empty() && !out.text.ends_with(' ') {
                out.text.push(' ');
            }
        } else {
            out.text.push(c);
        }
    }
    if out.text.len() > start {
        let style = SpanStyle { bold, italic, link };
        match out.spans.last_mut() {
            Some((r, s)) if *s == style && r.end == start => r.end = out.text.len(),
            _ => out.spans.push((start..out.text.len(), style)),
        }
    }
}

impl StyledText {
    /// The style at byte `i`.
    pub fn style_at(&self, i: usize) -> &SpanStyle {
        static PLAIN: SpanStyle = SpanStyle {
            bold: false,
            italic: false,
            link: None,
        };
        self.spans
            .iter()
            .find(|(r, _)| r.contains(&i))
            .map(|(_, s)| s)
            .unwrap_or(&PLAIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_and_links() {
        let s =
            parse("In rare cases **serious   side effects**\n see [here](https://x.org).").unwrap();
        assert_eq!(s.text, "In rare cases serious side effects see here.");
        assert!(s.style_at(15).bold);
        assert!(!s.style_at(2).bold);
        assert_eq!(s.style_at(40).link.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn an_unclosed_double_star_is_found() {
        assert_eq!(unclosed_bold("Call if **vomiting blood"), Some(8));
        assert_eq!(unclosed_bold("**bold** and ***both***"), None);
        assert_eq!(unclosed_bold("5 * 2 = 10, see note*"), None);
        assert_eq!(unclosed_bold("two stars: \\*\\*"), None);
        assert_eq!(unclosed_bold("`**` in code"), None);
        assert_eq!(unclosed_bold("**open and *italic*"), Some(0));
    }

    #[test]
    fn a_link_that_goes_nowhere_is_found() {
        assert_eq!(bad_link("see [here](https://x.org) or call"), None);
        assert_eq!(bad_link("call [us](tel:+4930123)"), None);
        assert_eq!(bad_link("see [here](www.x.org)"), Some(4));
        assert_eq!(bad_link("see [here]()"), Some(4));
        assert_eq!(bad_link("see [here](https://x.org"), Some(4));
        assert_eq!(bad_link("a [1] note"), None);
    }

    #[test]
    fn block_syntax_is_refused() {
        assert!(parse("- not a list item").is_err());
        assert!(parse("# heading").is_err());
        assert!(parse("one\n\ntwo").is_err());
        assert_eq!(parse("50 years").unwrap().text, "50 years");
    }
}
