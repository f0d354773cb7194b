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
    /// The language of this span where it is not the text's (BCP 47), for the tagged
    /// PDF's /Lang (the English half of a translation's draft notice).
    pub lang: Option<String>,
}

/// A text's markup read once: what it prints (or why it cannot be printed), and
/// where it has a mistake that would print wrongly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The styled text, whitespace runs collapsed to one space; an error for block
    /// syntax, which a text may not hold.
    pub styled: Result<StyledText, String>,
    /// The byte offset of a `**` that opens no bold text (it has no closing `**`):
    /// printed as it stands, "**vomiting blood" would lose the emphasis its author
    /// meant for a safety phrase. A single `*` left over is no error: "5 * 2", a
    /// footnote star or "Ketamine*" are ordinary text, and a lone star cannot be told
    /// from them. A doubled star has no such use in a leaflet; `\*\*` writes two.
    pub unclosed_bold: Option<usize>,
    /// The byte offset of a link that goes nowhere a reader can follow: one whose
    /// address is not a web, mail or phone address (`[here](www.x.org)`, `[here]()`),
    /// or link syntax left open (`[here](https://x.org` prints its brackets).
    pub bad_link: Option<usize>,
}

/// Parses `markup` into styled text with whitespace runs collapsed to one space.
pub fn parse(markup: &str) -> Result<StyledText, String> {
    read(markup).styled
}

/// Reads `markup` in one pass: its styled text and its mistakes (see [`Parsed`]).
pub fn read(markup: &str) -> Parsed {
    let mut out = StyledText::default();
    let mut error: Option<String> = None;
    let mut bad_link: Option<usize> = None;
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut link: Option<String> = None;
    let mut blocks = 0;
    // Left-over delimiters come as text events of their own ("*", "*"): runs of
    // adjacent text are joined before looking for them.
    let mut text_runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (event, range) in Parser::new(markup).into_offset_iter() {
        if let Event::Text(_) = event {
            match text_runs.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => text_runs.push(range.clone()),
            }
        }
        match event {
            Event::Start(Tag::Paragraph) => {
                blocks += 1;
                if blocks > 1 && error.is_none() {
                    error = Some(
                        "the text has a blank line in it, which would start a new paragraph".into(),
                    );
                }
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if bad_link.is_none() && !is_address(&dest_url) {
                    bad_link = Some(range.start);
                }
                link = Some(dest_url.to_string())
            }
            Event::End(TagEnd::Link) => link = None,
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                push(&mut out, &t, bold > 0, italic > 0, link.clone())
            }
            Event::SoftBreak | Event::HardBreak => {
                push(&mut out, " ", bold > 0, italic > 0, link.clone())
            }
            Event::Start(other) => {
                error.get_or_insert_with(|| {
                    format!(
                        "the text starts a {} (Markdown block syntax), which is not allowed inside a text",
                        describe(&other)
                    )
                });
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
    let raw = |r: &std::ops::Range<usize>| markup.get(r.clone());
    let unclosed_bold = text_runs
        .iter()
        .find_map(|r| raw(r)?.find("**").map(|i| r.start + i));
    // A link that did not parse stays as text: `[`, `here`, `](`… joined.
    let bad_link = bad_link.or_else(|| {
        text_runs.iter().find_map(|r| {
            let raw = raw(r)?;
            let close = raw.find("](")?;
            Some(r.start + raw[..close].rfind('[').unwrap_or(close))
        })
    });
    Parsed {
        styled: error.map_or(Ok(out), Err),
        unclosed_bold,
        bad_link,
    }
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
        let style = SpanStyle {
            bold,
            italic,
            link,
            lang: None,
        };
        match out.spans.last_mut() {
            Some((r, s)) if *s == style && r.end == start => r.end = out.text.len(),
            _ => out.spans.push((start..out.text.len(), style)),
        }
    }
}

/// The style of text in no span: regular, not a link, in the paragraph's language.
pub static PLAIN: SpanStyle = SpanStyle {
    bold: false,
    italic: false,
    link: None,
    lang: None,
};

impl StyledText {
    /// The style at byte `i`, found by searching the spans (layout indexes them once
    /// instead: `layout::inline::styles`; this is the plain definition it is tested
    /// against).
    pub fn style_at(&self, i: usize) -> &SpanStyle {
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
        assert_eq!(read("Call if **vomiting blood").unclosed_bold, Some(8));
        assert_eq!(read("**bold** and ***both***").unclosed_bold, None);
        assert_eq!(read("5 * 2 = 10, see note*").unclosed_bold, None);
        assert_eq!(read("two stars: \\*\\*").unclosed_bold, None);
        assert_eq!(read("`**` in code").unclosed_bold, None);
        assert_eq!(read("**open and *italic*").unclosed_bold, Some(0));
    }

    #[test]
    fn a_link_that_goes_nowhere_is_found() {
        assert_eq!(read("see [here](https://x.org) or call").bad_link, None);
        assert_eq!(read("call [us](tel:+4930123)").bad_link, None);
        assert_eq!(read("see [here](www.x.org)").bad_link, Some(4));
        assert_eq!(read("see [here]()").bad_link, Some(4));
        assert_eq!(read("see [here](https://x.org").bad_link, Some(4));
        assert_eq!(read("a [1] note").bad_link, None);
    }

    #[test]
    fn block_syntax_is_refused() {
        assert!(parse("- not a list item").is_err());
        assert!(parse("# heading").is_err());
        assert!(parse("one\n\ntwo").is_err());
        assert_eq!(parse("50 years").unwrap().text, "50 years");
    }
}
