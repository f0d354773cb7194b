//! The site's own pages: `index.html`, listing every handout in every language, and
//! `sitemap.xml`, giving search engines every page with its language alternates.

use super::html::{attr, text};
use super::page::{url_path, Alternate};

/// One handout as the index lists it.
pub struct Listed {
    /// Folder-safe id for the heading (the handout's name).
    pub name: String,
    /// The revision date, `YYYY-MM-DD` (the sitemap's `lastmod`).
    pub revised: String,
    /// The versions, source first, each with its title in its language.
    pub versions: Vec<(Alternate, String)>,
}

/// The index page. It is in English: it belongs to no one handout, and each entry
/// names its language in that language (`lang` marks each).
pub fn index_html(
    base_path: &str,
    clinic: Option<&str>,
    handouts: &[Listed],
    logo: Option<(&str, &str)>,
) -> String {
    let heading = "Patient information";
    let mut h = String::with_capacity(8 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = match clinic {
        Some(c) => format!("{heading} – {c}"),
        None => heading.to_string(),
    };
    h.push_str(&format!("<title>{}</title>\n", text(&title)));
    h.push_str(&format!(
        "<base href=\"{}\">\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body>\n",
        attr(&url_path(base_path)),
        super::STYLESHEET
    ));
    if clinic.is_some() || logo.is_some() {
        h.push_str("<header>\n");
        if let Some((path, alt)) = logo {
            h.push_str(&format!(
                "<img src=\"{}\" alt=\"{}\">\n",
                attr(&url_path(path)),
                attr(alt)
            ));
        }
        if let Some(c) = clinic {
            h.push_str(&format!("<p class=\"clinic\">{}</p>\n", text(c)));
        }
        h.push_str("</header>\n");
    }
    h.push_str(&format!(
        "<main class=\"index\">\n<h1>{}</h1>\n",
        text(heading)
    ));
    for handout in handouts {
        let Some((source, source_title)) = handout.versions.first() else {
            continue;
        };
        // An id has no spaces: the name's other characters become `-`.
        let slug: String = handout
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let id = format!("handout_{slug}");
        h.push_str(&format!(
            "<section aria-labelledby=\"{}\">\n<h2 id=\"{}\" lang=\"{}\" dir=\"auto\">{}</h2>\n<ul>\n",
            attr(&id),
            attr(&id),
            attr(&source.tag),
            text(source_title)
        ));
        for (version, title) in &handout.versions {
            h.push_str(&format!(
                "<li lang=\"{}\" dir=\"auto\"><a href=\"{}/\" hreflang=\"{}\">{}</a>: {}</li>\n",
                attr(&version.tag),
                attr(&url_path(&version.folder)),
                attr(&version.tag),
                text(&version.name),
                text(title)
            ));
        }
        h.push_str("</ul>\n</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// `sitemap.xml` (sitemaps.org 0.9, with `xhtml:link` language alternates as search
/// engines ask for multilingual pages): the index, then every page.
pub fn sitemap(root: &str, handouts: &[Listed]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    x.push_str(&format!("<url><loc>{}</loc></url>\n", text(root)));
    for handout in handouts {
        for (version, _) in &handout.versions {
            x.push_str(&format!(
                "<url>\n<loc>{}</loc>\n<lastmod>{}</lastmod>\n",
                text(&version.address),
                text(&handout.revised)
            ));
            for (other, _) in &handout.versions {
                x.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    attr(&other.tag),
                    attr(&other.address)
                ));
            }
            x.push_str("</url>\n");
        }
    }
    x.push_str("</urlset>\n");
    x
}
