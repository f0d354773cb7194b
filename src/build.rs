//! The pipeline: one leaflet from its handout, locale, print form and branding.
//!
//! Load → localize → brand → check fonts → lay out → write the PDF, in this order,
//! for every caller: the batch, `watch`, `i18n status`, the tests and the examples
//! all go through [`leaflet`] (or, to stop before the PDF, [`prepare`] + [`typeset`]).

#![warn(missing_docs)]

use crate::discover::{file_name, Handout, LocaleFile};
use crate::error::{Diagnostic, Error, Result};
use crate::layout::{self, Geometry, PrintForm, Style};
use crate::model::clinic::Branding;
use crate::model::{self, Document, Limits};
use std::path::PathBuf;

/// The result of building one leaflet.
#[derive(Debug, Clone)]
pub struct Built {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Each image the leaflet shows, with its content digest (for incremental builds).
    pub images: Vec<(PathBuf, String)>,
    /// What `handout check` found that does not stop the build: warnings, notes and
    /// allowed findings (an error finding stops it).
    pub findings: Vec<crate::check::Finding>,
}

/// Builds the leaflet of `handout` in `locale`: `source` is the handout's loaded
/// source document, `form` the print form, `branding` the clinic's.
pub fn leaflet(
    handout: &Handout,
    source: Document,
    locale: &str,
    form: &PrintForm,
    branding: &Branding,
    limits: Limits,
) -> Result<Built> {
    // The checks compare a translation with its source: keep the source.
    let original = (locale != handout.source.locale).then(|| source.clone());
    let (doc, style) = prepare(handout, source, locale, form, branding, limits)?;
    let laid = typeset(&doc, &style, &Geometry::for_form(form))?;
    let subject = crate::check::Subject {
        handout: &handout.name,
        locale,
        source: original.as_ref().unwrap_or(&doc),
        doc: &doc,
        settings: &branding.check,
        today: crate::check::today(),
    };
    let mut findings = crate::check::texts(&subject);
    findings.extend(crate::check::laid_out(&subject, &laid, form));
    let findings = crate::check::settle(&subject, findings)?;
    refuse_errors(&findings)?;
    let mut built = write(&doc, &laid)?;
    built.findings = findings;
    Ok(built)
}

/// The error findings of the checks, as the build's error: the leaflet is unsafe to
/// print (a changed dose, a lost drug name), so it is not written.
fn refuse_errors(findings: &[crate::check::Finding]) -> Result<()> {
    let errors: Vec<Diagnostic> = findings
        .iter()
        .filter(|f| f.counts_at(crate::check::Severity::Error))
        .map(|f| {
            let mut d = f.diagnostic.clone();
            d.message = format!("[{} {}] {}", f.rule.id, f.rule.name, d.message);
            if let Some(form) = &f.form {
                d.message.push_str(&format!(" ({form})"));
            }
            d
        })
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(Error {
        kind: crate::error::ErrorKind::Input,
        diagnostics: errors,
    })
}

/// The document and style of one leaflet, ready to lay out: translated into `locale`,
/// and branded, in the typography of `form`.
pub fn prepare(
    handout: &Handout,
    source: Document,
    locale: &str,
    form: &PrintForm,
    branding: &Branding,
    limits: Limits,
) -> Result<(Document, Style)> {
    let mut doc = localize(handout, source, locale, limits)?;
    let mut style = Style::for_form(form);
    brand(&mut doc, &mut style, branding);
    Ok((doc, style))
}

/// Loads one leaflet's document from disk as [`leaflet`] builds it (source,
/// translation, the clinic's branding from beside the handout folder), with the
/// branded style of print form `form`; for callers that build one leaflet at a time.
pub fn load(
    handout: &Handout,
    locale: &str,
    form: &PrintForm,
    limits: Limits,
) -> Result<(Document, Style)> {
    let source = model::load_source(&handout.source.path, &handout.name, limits)?;
    let branding = crate::model::clinic::load_branding(handout.branding_dir(), limits)?;
    prepare(handout, source, locale, form, &branding, limits)
}

/// The already loaded source document of `handout` in `locale`.
pub fn localize(
    handout: &Handout,
    source: Document,
    locale: &str,
    limits: Limits,
) -> Result<Document> {
    let mut doc = if locale == handout.source.locale {
        check_language(&handout.source, &source)?;
        source
    } else {
        let lf = handout
            .translations
            .iter()
            .find(|t| t.locale == locale)
            .ok_or_else(|| crate::i18n::unknown_locale(handout, locale))?;
        crate::i18n::apply(source, lf, limits)?
    };
    // One address template serves every language: `{locale}` becomes this one.
    if let Some(url) = &mut doc.meta.url {
        *url = url.replace("{locale}", locale);
    }
    Ok(doc)
}

/// A source file named after one language must be in that language (translations
/// are checked the same way when they are applied): a `de.yaml` that says
/// `language: fr` would print French under a German file name.
fn check_language(file: &LocaleFile, doc: &Document) -> Result<()> {
    if doc.language.tag() == file.locale {
        return Ok(());
    }
    let at = crate::model::probe::probe(&doc.source_text)
        .language
        .map_or(crate::error::Pos { line: 1, column: 1 }, |(_, pos)| pos);
    Err(Error::input(
        Diagnostic::new(format!(
            "the file is named {} but says `language: {}`",
            file_name(&file.path),
            doc.language
        ))
        .file(&file.path)
        .at(&doc.source_text, at)
        .help(format!(
            "rename the file to {}.yaml, or correct `language:`",
            doc.language
        )),
    ))
}

/// Applies a clinic's branding: its name (unless the handout names one), its contact
/// line, its accent colour and its choice of justified text.
pub fn brand(doc: &mut Document, style: &mut Style, branding: &crate::model::clinic::Branding) {
    if doc.meta.clinic.is_none() {
        doc.meta.clinic = branding.name.clone();
    }
    doc.meta.contact = branding.contact.clone();
    doc.meta.logo = branding.logo.clone();
    doc.meta.fonts = branding.fonts.clone();
    if let Some((r, g, b)) = branding.accent {
        style.accent = crate::layout::Rgb(r, g, b);
    }
    if branding.text_align == crate::model::clinic::TextAlign::Justified {
        style.body_mode = crate::layout::inline::linebreak::Mode::Justified;
    }
}

/// Typesets a prepared `doc` in `style` on `geometry` into PDF bytes.
pub fn render(doc: &Document, style: &Style, geometry: &Geometry) -> Result<Built> {
    write(doc, &typeset(doc, style, geometry)?)
}

/// Writes the PDF of a laid-out `doc` and reads it back (see [`verify`]).
fn write(doc: &Document, laid: &layout::Layout) -> Result<Built> {
    let pdf = crate::pdf::render(laid)?;
    verify(doc, laid, &pdf)?;
    Ok(Built {
        pdf,
        pages: laid.pages.len(),
        images: doc
            .images()
            .map(|i| (i.path.clone(), i.digest.clone()))
            .collect(),
        findings: Vec::new(),
    })
}

/// Reads `pdf` back and checks it against the leaflet's structure (every block with
/// its source text, every glyph an element's or an artifact): a PDF that would lose,
/// double or misplace text for a reader is never published. A mismatch is an error
/// of this program, not of the input.
pub fn verify(doc: &Document, laid: &layout::Layout, pdf: &[u8]) -> Result<()> {
    let found = crate::verify::mismatches(pdf, &laid.structure);
    if found.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "the PDF of {} ({}) does not read back as its source; nothing was written:",
        doc.source_file.display(),
        doc.language
    );
    for m in found.iter().take(10) {
        message.push_str("\n  ");
        message.push_str(m);
    }
    if found.len() > 10 {
        message.push_str(&format!("\n  … and {} more", found.len() - 10));
    }
    Err(Error::internal(message))
}

/// Lays `doc` out in `style` on `geometry`, after checking that the fonts have every
/// character it prints (so that one error lists every missing character, not only the
/// first).
pub fn typeset(doc: &Document, style: &Style, geometry: &Geometry) -> Result<layout::Layout> {
    let book = crate::text::FontBook::for_document(doc)?;
    crate::text::coverage::check(doc, book)?;
    layout::layout(doc, style, geometry)
}

/// Whether `handout` builds in `locale` in the default print form (A4, one column),
/// with the clinic's branding, as `build` would make it: every reason it does not.
/// `source` is the handout's loaded source document.
pub fn check(handout: &Handout, source: Document, locale: &str, limits: Limits) -> Result<()> {
    let branding = crate::model::clinic::load_branding(handout.branding_dir(), limits)?;
    let form = PrintForm::default();
    let (doc, style) = prepare(handout, source, locale, &form, &branding, limits)?;
    typeset(&doc, &style, &Geometry::for_form(&form)).map(|_| ())
}
