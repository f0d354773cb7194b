//! One handout in one language as a web page: the same document the PDF is made
//! from (translated, branded), in semantic HTML — h1/h2, p, ul/li, an aside for
//! the warning box, a footer with revision and version — with `lang` and `dir`, the
//! draft notice on drafts, a language switcher with `hreflang` and the PDFs.

use super::address::relative;
use super::html::{attr, inline, text};
use crate::model::{Block, Document, SectionKind};

/// Another language version of the same handout, for the switcher and `hreflang`.
#[derive(Debug, Clone)]
pub struct Alternate {
    /// BCP 47 tag.
    pub tag: String,
    /// The language's own name ("Deutsch").
    pub name: String,
    /// Its site folder (`ketamine/de`).
    pub folder: String,
    /// Its absolute address.
    pub address: String,
}

/// A PDF of the page's leaflet, stored beside the page.
#[derive(Debug, Clone)]
pub struct Download {
    /// File name in the page's folder.
    pub file: String,
    /// What print form it is, in the page's language ("A4", "Großdruck (A4)").
    pub label: String,
    pub bytes: usize,
    pub pages: usize,
}

/// Everything a page shows besides its document.
pub struct Page<'a> {
    pub doc: &'a Document,
    /// This page's site folder (`ketamine/en`).
    pub folder: &'a str,
    /// Its absolute address.
    pub address: &'a str,
    /// Its address's path from the host's root, for `<base>`.
    pub base_path: &'a str,
    /// The language of the handout's source: the clinic's name, author and contact
    /// line are written in it, untranslated, and marked so.
    pub source_language: &'a str,
    /// Its branding's number (the stylesheet's `brand-n` colours).
    pub brand: usize,
    /// Every language version, this one included, in the handout's order (source
    /// first).
    pub versions: &'a [Alternate],
    pub downloads: &'a [Download],
    /// The site path of each image and logo, by its digest.
    pub media: &'a std::collections::BTreeMap<String, String>,
}

/// Ids of the page's own elements hold `_`, which a section id in a handout file may
/// not (`a-z`, `0-9`, `-`), so no section can take one.
const DOWNLOADS_ID: &str = "handout_downloads";

impl Page<'_> {
    /// The page as a complete HTML document.
    pub fn html(&self) -> String {
        let doc = self.doc;
        let tag = doc.language.tag();
        let dir = if doc.language.is_rtl() { "rtl" } else { "ltr" };
        let mut h = String::with_capacity(16 * 1024);
        h.push_str(&format!(
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            attr(tag)
        ));
        let title = match &doc.meta.clinic {
            Some(clinic) => format!("{} – {}", doc.title.styled.text, clinic),
            None => doc.title.styled.text.clone(),
        };
        h.push_str(&format!("<title>{}</title>\n", text(&title)));
        if let Some(subject) = &doc.subject {
            h.push_str(&format!(
                "<meta name=\"description\" content=\"{}\">\n",
                attr(&subject.styled.text)
            ));
        }
        h.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            attr(self.address)
        ));
        for v in self.versions {
            h.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                attr(&v.tag),
                attr(&v.address)
            ));
        }
        if let Some(source) = self.versions.first() {
            h.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
                attr(&source.address)
            ));
        }
        // Relative links resolve against the page's folder even where a host serves
        // `/ketamine/en` without redirecting to `/ketamine/en/`.
        h.push_str(&format!(
            "<base href=\"{}\">\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body class=\"brand-{}\">\n",
            attr(&url_path(self.base_path)),
            url_path(&relative(self.folder, super::STYLESHEET)),
            self.brand
        ));
        self.header(&mut h);
        h.push_str("<main>\n");
        if doc.draft {
            h.push_str(&format!("<p class=\"draft\">{}</p>\n", draft_notice(doc)));
        }
        h.push_str(&format!("<h1>{}</h1>\n", inline(&doc.title.styled)));
        for section in &doc.sections {
            let heading_id = format!("{}_heading", section.id);
            let (element, class) = match section.kind {
                SectionKind::Warning => ("aside", " class=\"warning\""),
                SectionKind::Normal => ("section", ""),
            };
            match &section.heading {
                Some(heading) => {
                    h.push_str(&format!(
                        "<{element} id=\"{}\"{class} aria-labelledby=\"{}\">\n<h2 id=\"{}\">{}</h2>\n",
                        attr(&section.id),
                        attr(&heading_id),
                        attr(&heading_id),
                        inline(&heading.styled)
                    ));
                }
                None => h.push_str(&format!(
                    "<{element} id=\"{}\"{class}>\n",
                    attr(&section.id)
                )),
            }
            self.blocks(&mut h, &section.body);
            h.push_str(&format!("</{element}>\n"));
        }
        if !doc.disclaimer.is_empty() {
            h.push_str("<section id=\"handout_disclaimer\" class=\"disclaimer\">\n");
            self.blocks(&mut h, &doc.disclaimer);
            h.push_str("</section>\n");
        }
        self.downloads(&mut h);
        h.push_str("</main>\n");
        self.footer(&mut h);
        h.push_str("</body>\n</html>\n");
        h
    }

    /// ` lang="en" dir="auto"` on a text in the source's language inside a page in
    /// another (a screen reader switches voice; a right-to-left page keeps its order).
    fn source_lang_attr(&self) -> String {
        if self.source_language.is_empty() || self.source_language == self.doc.language.tag() {
            String::new()
        } else {
            format!(" lang=\"{}\" dir=\"auto\"", attr(self.source_language))
        }
    }

    fn header(&self, h: &mut String) {
        let doc = self.doc;
        h.push_str("<header>\n");
        if let Some(logo) = &doc.meta.logo {
            if let Some(path) = self.media.get(&logo.data.digest) {
                h.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\"{} width=\"{}\" height=\"{}\">\n",
                    attr(&url_path(&relative(self.folder, path))),
                    attr(&logo.alt),
                    self.source_lang_attr(),
                    logo.data.width,
                    logo.data.height
                ));
            }
        }
        if let Some(clinic) = &doc.meta.clinic {
            h.push_str(&format!(
                "<p class=\"clinic\"{}>{}</p>\n",
                self.source_lang_attr(),
                text(clinic)
            ));
        }
        let others: Vec<&Alternate> = self
            .versions
            .iter()
            .filter(|v| v.tag != doc.language.tag())
            .collect();
        if !others.is_empty() {
            // A closed list: 32 language names would push the leaflet below the
            // first screen of a phone; the summary names the list in this language.
            h.push_str(&format!(
                "<nav class=\"languages\" aria-label=\"{}\">\n<details>\n<summary>{}</summary>\n<ul>\n",
                attr(&doc.labels.languages),
                text(&doc.labels.languages)
            ));
            for v in others {
                h.push_str(&format!(
                    "<li><a href=\"{}\" hreflang=\"{}\" lang=\"{}\" dir=\"auto\">{}</a></li>\n",
                    attr(&url_path(&relative(self.folder, &format!("{}/", v.folder)))),
                    attr(&v.tag),
                    attr(&v.tag),
                    text(&v.name)
                ));
            }
            h.push_str("</ul>\n</details>\n</nav>\n");
        }
        h.push_str("</header>\n");
    }

    fn blocks(&self, h: &mut String, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(t) => h.push_str(&format!("<p>{}</p>\n", inline(&t.styled))),
                Block::List(items) => {
                    h.push_str("<ul>\n");
                    for item in items {
                        h.push_str(&format!("<li>{}</li>\n", inline(&item.styled)));
                    }
                    h.push_str("</ul>\n");
                }
                Block::Image(image) => {
                    if let Some(path) = self.media.get(&image.data.digest) {
                        h.push_str(&format!(
                            "<figure><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"></figure>\n",
                            attr(&url_path(&relative(self.folder, path))),
                            attr(&image.alt.styled.text),
                            image.data.width,
                            image.data.height
                        ));
                    }
                }
            }
        }
    }

    fn downloads(&self, h: &mut String) {
        if self.downloads.is_empty() {
            return;
        }
        let labels = &self.doc.labels;
        let language = &self.doc.language;
        h.push_str(&format!(
            "<section class=\"downloads\" aria-labelledby=\"{DOWNLOADS_ID}\">\n<h2 id=\"{DOWNLOADS_ID}\">{}</h2>\n<ul>\n",
            text(&labels.downloads)
        ));
        for d in self.downloads {
            let kilobytes = d.bytes.div_ceil(1024);
            h.push_str(&format!(
                "<li><a href=\"{}\" type=\"application/pdf\">{}</a> <span class=\"details\">(PDF, {} KB, {}: {})</span></li>\n",
                attr(&url_path(&d.file)),
                text(&d.label),
                language.number(kilobytes),
                text(&labels.pages),
                language.number(d.pages)
            ));
        }
        h.push_str("</ul>\n</section>\n");
    }

    fn footer(&self, h: &mut String) {
        let doc = self.doc;
        let labels = &doc.labels;
        h.push_str("<footer>\n");
        h.push_str(&format!(
            "<p>{}: <time datetime=\"{}\">{}</time> · {} {}</p>\n",
            text(&labels.revised),
            attr(&doc.meta.revised),
            text(&doc.language.date(&doc.meta.revised)),
            text(&labels.version),
            text(&doc.meta.version)
        ));
        for line in [&doc.meta.author, &doc.meta.contact].into_iter().flatten() {
            h.push_str(&format!(
                "<p{}>{}</p>\n",
                self.source_lang_attr(),
                text(line)
            ));
        }
        h.push_str("</footer>\n");
    }
}

/// A site path with every byte outside the characters an address may hold as they
/// are percent-encoded (a handout file named `a b.pdf` → `a%20b.pdf`).
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '/') {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The draft notice as the leaflet prints it: in the page's language, then in
/// English marked as English (a screen reader switches voice).
fn draft_notice(doc: &Document) -> String {
    let english = crate::model::DRAFT_NOTICE_EN;
    match doc.labels.local_draft_notice() {
        Some(local) => format!(
            "{} · <span lang=\"en\" dir=\"ltr\">{}</span>",
            text(local),
            text(english)
        ),
        None => text(english),
    }
}
