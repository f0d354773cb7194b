//! Page furniture (artifacts, not content): footers, the draft notice, fold marks.

use super::flow::Flow;
use super::page::{Element, Rgb, Role, Shape};
use super::paragraph::{self, TextStyle};
use super::style::MM;
use crate::error::Result;
use crate::model::{Labels, Meta};
use crate::text::StyledText;

/// Plain `text` set in `style` at `measure`.
fn lines(
    flow: &Flow,
    text: String,
    style: &TextStyle,
    measure: f32,
) -> Result<Vec<paragraph::SetLine>> {
    let styled = StyledText {
        spans: vec![(0..text.len(), Default::default())],
        text,
    };
    paragraph::set_styled(&flow.ctx, &styled, None, style, measure)
}

/// Lines of `text` placed from the first baseline down, start-aligned in `x..x + measure`
/// (right-aligned when `align_right`).
#[allow(clippy::too_many_arguments)]
pub fn artifact_lines(
    flow: &Flow,
    text: String,
    style: &TextStyle,
    x: f32,
    measure: f32,
    first_baseline: f32,
    align_right: bool,
) -> Result<Vec<Element>> {
    let mut out = Vec::new();
    for (k, line) in lines(flow, text, style, measure)?.into_iter().enumerate() {
        let lx = if align_right {
            x + measure - line.width
        } else {
            x
        };
        for mut run in line.runs {
            run.x += lx;
            run.baseline = first_baseline + k as f32 * style.leading;
            out.push(Element {
                role: Role::Artifact,
                block: usize::MAX,
                shape: Shape::Glyphs(run),
            });
        }
    }
    Ok(out)
}

/// "Clinic · Revised … · Version …".
pub fn revision_text(meta: &Meta, labels: &Labels) -> String {
    let text = format!(
        "{} {} · {} {}",
        labels.revised, meta.revised, labels.version, meta.version
    );
    match &meta.clinic {
        Some(clinic) => format!("{clinic} · {text}"),
        None => text,
    }
}

/// The page footer: revision at the start side, "Page x of y" at the end side.
pub fn footer(
    flow: &Flow,
    meta: &Meta,
    labels: &Labels,
    page: usize,
    pages: usize,
) -> Result<Vec<Element>> {
    let s = flow.style;
    let style = s.footer_text();
    let right = labels
        .page
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string());
    let baseline = s.paper.height - s.footer_baseline;
    let width = s.paper.width - s.margin_left - s.margin_right;
    let mut out = Vec::new();
    // Mirrored in RTL: the page number sits at the left.
    let rtl = flow.ctx.rtl;
    for (text, align_right) in [(revision_text(meta, labels), rtl), (right, !rtl)] {
        out.extend(artifact_lines(
            flow,
            text,
            &style,
            s.margin_left,
            width,
            baseline,
            align_right,
        )?);
    }
    Ok(out)
}

/// "Draft translation — not reviewed", in the leaflet's language and in English, above
/// the content area in `x..x + measure`.
pub fn draft_notice(flow: &Flow, labels: &Labels, x: f32, measure: f32) -> Result<Vec<Element>> {
    let s = flow.style;
    let text = if labels.draft_notice == crate::model::DRAFT_NOTICE_EN {
        labels.draft_notice.clone()
    } else {
        format!(
            "{} · {}",
            labels.draft_notice,
            crate::model::DRAFT_NOTICE_EN
        )
    };
    artifact_lines(
        flow,
        text,
        &s.notice_text(),
        x,
        measure,
        s.notice_baseline,
        flow.ctx.rtl,
    )
}

/// Short fold lines at the top and bottom of the sheet at each `x`, inside the area
/// office printers reach (≥ 6.35 mm from the edge) and outside the content.
pub fn fold_marks(flow: &Flow, xs: &[f32]) -> Vec<Element> {
    let s = flow.style;
    let (from, to) = (6.5 * MM, 11.0 * MM);
    let mut out = Vec::new();
    for &x in xs {
        for (y1, y2) in [(from, to), (s.paper.height - to, s.paper.height - from)] {
            out.push(Element {
                role: Role::Artifact,
                block: usize::MAX,
                shape: Shape::Line {
                    x1: x,
                    y1,
                    x2: x,
                    y2,
                    color: Rgb::hex(0x767676),
                    width: 0.5,
                },
            });
        }
    }
    out
}
