//! Page model → PDF operations via printpdf. Decides nothing about placement.

use crate::error::{Error, Result};
use crate::layout::{Element, GlyphRun, Layout, Role, Shape};
use crate::text::{FaceId, FontBook};
use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, DictItem, FontId, Line, LineDashPattern,
    LinePoint, LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn font_id(face: FaceId) -> FontId {
    // Fixed names: printpdf's own ids are random, which would break reproducible output.
    FontId(format!("F{}", face.0))
}

fn color(c: crate::layout::Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(c.0, c.1, c.2, None))
}

/// printpdf's parse of a face (its glyph widths and cmap), done once per process:
/// parsing a whole font costs more than writing a leaflet's pages.
pub fn pdf_font(book: &'static FontBook, face: FaceId) -> Option<&'static ParsedFont> {
    static PARSED: OnceLock<Vec<OnceLock<Option<ParsedFont>>>> = OnceLock::new();
    let cells = PARSED.get_or_init(|| book.faces().map(|_| OnceLock::new()).collect());
    cells
        .get(face.0)?
        .get_or_init(|| ParsedFont::from_bytes(book.face(face).data, 0, &mut Vec::new()))
        .as_ref()
}

/// Builds the printpdf document for `layout`.
pub fn to_printpdf(layout: &Layout, book: &'static FontBook) -> Result<PdfDocument> {
    let mut doc = PdfDocument::new(&layout.title);
    let used: BTreeSet<FaceId> = layout
        .pages
        .iter()
        .flat_map(|p| &p.elements)
        .flat_map(|e| match &e.shape {
            Shape::Glyphs(r) => r.glyphs.iter().map(|g| g.face).collect(),
            _ => Vec::new(),
        })
        .collect();
    for page in &layout.pages {
        for e in &page.elements {
            if let Shape::Image { data, .. } = &e.shape {
                super::image::register(&mut doc, data);
            }
        }
    }
    for face in used {
        let f = book.face(face);
        let parsed = pdf_font(book, face).ok_or_else(|| {
            Error::internal(format!("font {} could not be prepared for the PDF", f.name))
        })?;
        doc.resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(parsed.clone()));
    }
    let pages = layout
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::new();
            for e in &page.elements {
                element_ops(e, page.height, book, &mut ops);
            }
            let mut p = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), ops);
            p.media_box = Rect::from_wh(Pt(page.width), Pt(page.height));
            p.trim_box = p.media_box.clone();
            p.crop_box = p.media_box.clone();
            p
        })
        .collect();
    doc.with_pages(pages);
    Ok(doc)
}

fn element_ops(e: &Element, page_height: f32, book: &'static FontBook, ops: &mut Vec<Op>) {
    let artifact = e.role == Role::Artifact || e.role == Role::Box || e.role == Role::ListLabel;
    if artifact {
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        });
    }
    match &e.shape {
        Shape::Glyphs(run) => glyph_ops(run, page_height, book, ops),
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            ops.push(Op::SaveGraphicsState);
            if let Some(f) = fill {
                ops.push(Op::SetFillColor { col: color(*f) });
            }
            if let Some((c, width)) = stroke {
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            }
            let mode = match (fill.is_some(), stroke.is_some()) {
                (true, true) => PaintMode::FillStroke,
                (false, true) => PaintMode::Stroke,
                _ => PaintMode::Fill,
            };
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(page_height - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(mode),
                    winding_order: None,
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            color: c,
            width,
        } => {
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetOutlineColor { col: color(*c) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::default(),
            });
            let pt = |x: f32, y: f32| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(page_height - y),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![pt(*x1, *y1), pt(*x2, *y2)],
                    is_closed: false,
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Shape::Image {
            x,
            y,
            w,
            h,
            data,
            alt,
        } => super::image::ops(data, *x, *y, *w, *h, alt, page_height, ops),
        Shape::Link { x, y, w, h, url } => {
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect {
                        x: Pt(*x),
                        y: Pt(page_height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: None,
                        winding_order: None,
                    },
                    Actions::Uri(url.clone()),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    None,
                ),
            });
        }
    }
    if artifact {
        ops.push(Op::EndMarkedContent);
    }
}

/// One run as TJ arrays. Each glyph's advance in the layout may differ from the
/// font's (kerning, justified spaces); the TJ adjustment after a glyph makes up the
/// difference, in thousandths of an em. A change of face, or a glyph raised or
/// lowered by the shaper (marks), starts a new positioned segment.
///
/// Right-to-left text is drawn in visual order with one ToUnicode entry per glyph;
/// extractors (poppler, pdf.js) turn RTL lines back into logical order themselves.
/// An /ActualText span with the logical line made poppler reverse it a second time,
/// so it is not used for lines; single glyphs with their own text (mirrored
/// brackets, neutrals at a change of direction, see `paragraph::fence_neutrals`)
/// get a span each.
fn glyph_ops(run: &GlyphRun, page_height: f32, book: &'static FontBook, ops: &mut Vec<Op>) {
    let em = 1000.0 / run.size;
    let mut i = 0;
    while i < run.glyphs.len() {
        let (face_id, y_off) = (run.glyphs[i].face, run.glyphs[i].y_offset);
        let face = book.face(face_id);
        let actual = run.glyphs[i].actual_text.as_deref();
        let mut j = i + 1;
        // A glyph with its own text is a segment of its own, inside its span.
        while actual.is_none()
            && j < run.glyphs.len()
            && run.glyphs[j].face == face_id
            && run.glyphs[j].actual_text.is_none()
            && (run.glyphs[j].y_offset - y_off).abs() < 0.001
        {
            j += 1;
        }
        let seg = &run.glyphs[i..j];
        let start_x = run.x + seg[0].x + seg[0].x_offset;
        let codepoints: Vec<Codepoint> = seg
            .iter()
            .enumerate()
            .map(|(k, g)| {
                let font_adv = face.advance(u32::from(g.gid)) * run.size / face.units_per_em;
                // Where the next glyph must start, relative to where this one was drawn.
                let next_x = match seg.get(k + 1) {
                    Some(n) => n.x + n.x_offset,
                    None => g.x + g.x_offset + font_adv,
                };
                let wanted = next_x - (g.x + g.x_offset);
                let adjust = ((font_adv - wanted) * em * 100.0).round() / 100.0;
                Codepoint::with_cid(
                    g.gid,
                    if adjust.abs() < 0.01 { 0.0 } else { adjust },
                    g.text.clone(),
                )
            })
            .collect();
        if let Some(text) = actual {
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: actual_text(text),
            });
        }
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font_id(face_id)),
            size: Pt(run.size),
        });
        ops.push(Op::SetFillColor {
            col: color(run.color),
        });
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(start_x), Pt(page_height - run.baseline + y_off)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(codepoints)],
        });
        ops.push(Op::EndTextSection);
        if actual.is_some() {
            ops.push(Op::EndMarkedContent);
        }
        i = j;
    }
}

/// `<< /ActualText (text) >>` with the text as UTF-16BE with a byte-order mark.
fn actual_text(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::Dict {
        map: [(
            "ActualText".to_string(),
            DictItem::String {
                data,
                literal: false,
            },
        )]
        .into_iter()
        .collect(),
    }
}

/// Saves the document: subset fonts, then fix what printpdf leaves random or unset.
pub fn save(doc: &PdfDocument, layout: &Layout) -> Result<Vec<u8>> {
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    super::finish::finish(&mut lo, layout)?;
    super::finish::compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| Error::internal(format!("writing the PDF failed: {e}")))?;
    super::finish::set_file_id(&mut out)?;
    Ok(out)
}
