//! `handout site`: the online versions the leaflets' QR codes point to — one web page
//! per handout and language, made from the same document as the PDF (never scraped
//! from it), with the PDFs to download, an index, a sitemap and one stylesheet.
//!
//! Data flows one way, as in `build`: discover → load and localize each version
//! ([`crate::build::load`]) → build the PDFs (the batch, incremental, into a build
//! folder beside the site) → write the pages → publish the whole site at once
//! ([`publish`]).

mod address;
mod html;
mod index;
mod page;
mod pdfs;
pub mod publish;
mod style;

pub use address::BaseUrl;
pub use pdfs::parse_form;
pub use publish::Published;

use crate::discover::Handout;
use crate::error::{Diagnostic, Error, Result};
use crate::layout::{Imposition, PrintForm};
use crate::model::{Document, Limits};
use page::{Alternate, Download, Page};
use pdfs::{build_pdfs, form_label, Pdfs};
use publish::{Content, Tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The site's stylesheet, at its root.
pub const STYLESHEET: &str = "handout.css";

/// How to make a site.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's folder (replaced as a whole).
    pub output: PathBuf,
    /// Where the site will be published; by default the origin of the leaflets'
    /// `url:` addresses.
    pub base_url: Option<String>,
    /// The PDFs each page offers, in this order (single-column forms).
    pub forms: Vec<PrintForm>,
    pub limits: Limits,
    pub jobs: Option<usize>,
    /// Rebuild every PDF, even those whose inputs did not change.
    pub force: bool,
}

/// What a run made.
#[derive(Debug, Clone)]
pub struct Summary {
    pub pages: usize,
    pub pdfs_built: usize,
    pub pdfs_unchanged: usize,
    pub published: Published,
    pub warnings: Vec<String>,
}

/// One handout in one language, loaded, with the folder its page goes to.
struct Version<'a> {
    handout: &'a Handout,
    doc: Document,
    style: crate::layout::Style,
    folder: String,
}

/// Makes the site of `handouts` — every handout in every language, so that every
/// printed QR code finds its page — and publishes it at `opts.output`.
pub fn build(handouts: &[Handout], opts: &Options) -> Result<Summary> {
    let mut forms: Vec<PrintForm> = Vec::new();
    for form in &opts.forms {
        if form.imposition() != Imposition::Single {
            return Err(Error::usage(format!(
                "the site offers one-column PDFs (A4, Letter, A5, each also in large print), not {}; tri-folds and two-column leaflets are for printing at the clinic",
                form.name()
            )));
        }
        if !forms.contains(form) {
            forms.push(*form);
        }
    }
    let output = &opts.output;
    for h in handouts {
        if h.dir.starts_with(output) || output.starts_with(&h.dir) {
            return Err(Error::usage(format!(
                "the site folder {} and the handout folder {} hold one another; give `-o` a folder of its own",
                output.display(),
                h.dir.display()
            )));
        }
    }
    let versions = load_versions(handouts, opts.limits)?;
    let base = base_url(opts, &versions)?;
    let versions = place(versions, &base)?;
    let build_dir = publish::sibling(output, "pdfs");
    let (pdfs, counts, warnings) = build_pdfs(handouts, &forms, opts, &build_dir)?;

    let mut tree = Tree::new();
    let (styles, brand_of) = brandings(&versions);
    let languages = dedup(versions.iter().map(|v| v.doc.language.clone()).collect());
    tree.insert(
        STYLESHEET.into(),
        Content::Bytes(style::stylesheet(&styles, &languages).into_bytes()),
    );
    let media = media(&versions, &mut tree);
    let mut listed: Vec<index::Listed> = Vec::new();
    for h in handouts {
        let mine: Vec<usize> = (0..versions.len())
            .filter(|&i| std::ptr::eq(versions[i].handout, h))
            .collect();
        let alternates: Vec<Alternate> = mine
            .iter()
            .map(|&i| Alternate {
                tag: versions[i].doc.language.tag().to_string(),
                name: versions[i].doc.labels.language_name.clone(),
                folder: versions[i].folder.clone(),
                address: base.address_of(&versions[i].folder),
            })
            .collect();
        for (&i, me) in mine.iter().zip(&alternates) {
            let v = &versions[i];
            let downloads = downloads(v, &forms, &pdfs, &mut tree);
            let page = Page {
                doc: &v.doc,
                folder: &v.folder,
                address: &me.address,
                base_path: &base.path_of(&v.folder),
                source_language: alternates.first().map_or("", |a| a.tag.as_str()),
                brand: brand_of[i],
                versions: &alternates,
                downloads: &downloads,
                media: &media,
            };
            tree.insert(
                format!("{}/index.html", v.folder),
                Content::Bytes(page.html().into_bytes()),
            );
        }
        listed.push(index::Listed {
            name: h.name.clone(),
            revised: mine
                .first()
                .map(|&i| versions[i].doc.meta.revised.clone())
                .unwrap_or_default(),
            versions: alternates
                .into_iter()
                .zip(&mine)
                .map(|(a, &i)| (a, versions[i].doc.title.styled.text.clone()))
                .collect(),
        });
    }
    // The index names the clinic only when every handout is the same clinic's.
    let clinics: std::collections::BTreeSet<_> =
        versions.iter().map(|v| v.doc.meta.clinic.clone()).collect();
    let clinic = match clinics.len() {
        1 => clinics.into_iter().next().flatten(),
        _ => None,
    };
    let logo = clinic.as_ref().and_then(|_| {
        let l = versions.first()?.doc.meta.logo.as_ref()?;
        Some((media.get(&l.data.digest)?.clone(), l.alt.clone()))
    });
    tree.insert(
        "index.html".into(),
        Content::Bytes(
            index::index_html(
                &base.path_of(""),
                clinic.as_deref(),
                &listed,
                logo.as_ref().map(|(p, a)| (p.as_str(), a.as_str())),
            )
            .into_bytes(),
        ),
    );
    tree.insert(
        "sitemap.xml".into(),
        Content::Bytes(index::sitemap(&base.address_of(""), &listed).into_bytes()),
    );
    let published = publish::publish(output, tree)?;
    Ok(Summary {
        pages: versions.len(),
        pdfs_built: counts.0,
        pdfs_unchanged: counts.1,
        published,
        warnings,
    })
}

/// The distinct brandings (colours) of the versions, and each version's.
fn brandings(versions: &[Version]) -> (Vec<crate::layout::Style>, Vec<usize>) {
    use crate::layout::{Rgb, Style};
    // The colours the stylesheet takes from a style; the rest is typography.
    let colours = |s: &Style| -> [Rgb; 6] {
        [
            s.accent,
            s.muted,
            s.text_color,
            s.box_fill,
            s.box_accent,
            s.box_heading,
        ]
    };
    let mut styles: Vec<Style> = Vec::new();
    let mut of = Vec::new();
    for v in versions {
        let n = match styles.iter().position(|s| colours(s) == colours(&v.style)) {
            Some(n) => n,
            None => {
                styles.push(v.style.clone());
                styles.len() - 1
            }
        };
        of.push(n);
    }
    if styles.is_empty() {
        styles.push(Style::default());
    }
    (styles, of)
}

/// Copies every image and logo the pages show into `media/`, named by content, and
/// returns the site path of each by its digest.
fn media(versions: &[Version], tree: &mut Tree) -> BTreeMap<String, String> {
    let mut paths = BTreeMap::new();
    for v in versions {
        for image in v.doc.images() {
            let path = format!("media/{}.{}", image.digest, extension(&image.path));
            paths.insert(image.digest.clone(), path.clone());
            tree.insert(path, Content::Copy(image.path.clone()));
        }
    }
    paths
}

/// The PDFs of version `v`, linked into its folder.
fn downloads(v: &Version, forms: &[PrintForm], pdfs: &Pdfs, tree: &mut Tree) -> Vec<Download> {
    let locale = v.doc.language.tag();
    let name = &v.handout.name;
    let mut out = Vec::new();
    for form in forms {
        let Some(pdf) = pdfs.get(&(name.clone(), locale.to_string(), form.suffix())) else {
            continue;
        };
        let file = format!("{name}.{locale}{}.pdf", form.suffix());
        tree.insert(
            format!("{}/{file}", v.folder),
            Content::Link(pdf.path.clone()),
        );
        out.push(Download {
            file,
            label: form_label(form, &v.doc),
            bytes: pdf.bytes,
            pages: pdf.pages,
        });
    }
    out
}

/// Loads every version the site shows; every failure is reported, not the first.
fn load_versions(handouts: &[Handout], limits: Limits) -> Result<Vec<Version<'_>>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for h in handouts {
        // The source and the branding once per handout, not once per language.
        let loaded = crate::model::load_source(&h.source.path, &h.name, limits).and_then(|s| {
            crate::model::clinic::load_branding(h.branding_dir(), limits).map(|b| (s, b))
        });
        let (source, branding) = match loaded {
            Ok(loaded) => loaded,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for locale in h.locales() {
            let form = PrintForm::default();
            match crate::build::prepare(h, source.clone(), locale, &form, &branding, limits)
                .and_then(|(doc, style)| site_labels(h, &doc).map(|_| (doc, style)))
            {
                Ok((doc, style)) => out.push(Version {
                    handout: h,
                    doc,
                    style,
                    folder: String::new(),
                }),
                Err(e) => errors.push(e),
            }
        }
    }
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// A page in one language shows no label in another: a translation without the web
/// page's labels is refused, naming them.
fn site_labels(h: &Handout, doc: &Document) -> Result<()> {
    let missing = doc.labels.missing_site_labels();
    if missing.is_empty() {
        return Ok(());
    }
    let file = h
        .translations
        .iter()
        .find(|t| t.locale == doc.language.tag())
        .map_or(&h.source.path, |t| &t.path);
    Err(Error::input(
        Diagnostic::new(format!(
            "the translation has no {} for its web page",
            missing
                .iter()
                .map(|k| format!("`labels.{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .file(file)
        .help("add them under `labels:` in the file (see the README's translator section), or fill them in the PO file `handout i18n export` writes"),
    ))
}

/// The site's address: `--base-url`, else the one origin of the leaflets' addresses.
fn base_url(opts: &Options, versions: &[Version]) -> Result<BaseUrl> {
    if let Some(text) = &opts.base_url {
        return BaseUrl::parse(text).map_err(|e| Error::usage(format!("--base-url: {e}")));
    }
    let mut origins: Vec<BaseUrl> = versions
        .iter()
        .filter_map(|v| v.doc.meta.url.as_deref().and_then(BaseUrl::origin_of))
        .collect();
    origins.dedup();
    match origins.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Error::usage(
            "no handout has a `url:`, so the site's address is unknown; pass --base-url (e.g. --base-url https://clinic.org/handouts/)",
        )),
        _ => Err(Error::usage(
            "the handouts' `url:` addresses are on different hosts; pass --base-url with the address the site is published at",
        )),
    }
}

/// Gives each version its folder: the path of its QR address under the base, or
/// `<handout>/<locale>` for a handout without one. Two versions in one folder, or an
/// address outside the site, are errors: a QR code would open the wrong page or none.
fn place<'a>(mut versions: Vec<Version<'a>>, base: &BaseUrl) -> Result<Vec<Version<'a>>> {
    let mut errors = Vec::new();
    // Folders that differ only in case are one folder on macOS and Windows.
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for v in &mut versions {
        let who = format!("{} ({})", v.handout.name, v.doc.language.tag());
        match folder_of(v, &who, base, &mut taken) {
            Ok(folder) => v.folder = folder,
            Err(e) => errors.push(e),
        }
    }
    match Error::merge(errors) {
        Some(e) => Err(e),
        None => Ok(versions),
    }
}

/// The folder of version `v` (`who` in messages); `taken` holds the folders given
/// so far, in lower case.
fn folder_of(
    v: &Version,
    who: &str,
    base: &BaseUrl,
    taken: &mut BTreeMap<String, String>,
) -> Result<String> {
    let refuse = |d: Diagnostic| Error::input(d.file(&v.handout.source.path));
    const RESERVED: [&str; 5] = [
        STYLESHEET,
        "index.html",
        "sitemap.xml",
        "media",
        publish::MANIFEST,
    ];
    let folder = match &v.doc.meta.url {
        Some(url) => base.folder_of(url).map_err(|why| {
            refuse(Diagnostic::new(format!("the QR address of {who}: {why}")).help(
                "correct `url:` in the source file, or pass the --base-url the site is published at",
            ))
        })?,
        None if address::is_folder_name(&v.handout.name) => {
            format!("{}/{}", v.handout.name, v.doc.language.tag())
        }
        None => {
            return Err(refuse(Diagnostic::new(format!(
                "{who} has no `url:`, and its folder name cannot stand in a web address"
            ))
            .help("give the handout a `url:`, or rename its folder with letters, digits, - _ . ~")))
        }
    };
    let first = folder.split('/').next().unwrap_or_default();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(first)) {
        return Err(refuse(
            Diagnostic::new(format!(
                "the page of {who} would be {}, a name the site keeps for its own file",
                base.address_of(&folder)
            ))
            .help("choose another path in `url:`"),
        ));
    }
    match taken.insert(folder.to_lowercase(), who.to_string()) {
        Some(first) => Err(refuse(Diagnostic::new(format!(
            "{first} and {who} would both be the page {}",
            base.address_of(&folder)
        ))
        .help("give each handout and language its own address: `{locale}` in the path of `url:` (e.g. https://clinic.org/ketamine/{locale}), and a path of its own for each handout"))),
        None => Ok(folder),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_else(|| "png".into())
}

fn dedup(mut languages: Vec<crate::model::Language>) -> Vec<crate::model::Language> {
    let mut seen = std::collections::BTreeSet::new();
    languages.retain(|l| seen.insert(l.tag().to_string()));
    languages
}
