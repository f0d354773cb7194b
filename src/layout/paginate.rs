//! Chunks → pages, honouring the break rules, then the footer on every page.

use super::flow::{offset, Chunk, Flow};
use super::page::{Element, Page, Role, Shape};
use super::paragraph;
use super::style::{Style, MM};
use crate::error::{Diagnostic, Error, Result};
use crate::model::Labels;
use crate::text::StyledText;

/// Splits the chunks into page ranges; errors if one chunk cannot fit any page.
pub fn page_ranges(chunks: &[Chunk], available: f32) -> Result<Vec<std::ops::Range<usize>>> {
    let mut pages = Vec::new();
    let mut i = 0;
    while i < chunks.len() {
        let start = i;
        let mut y = 0.0;
        while i < chunks.len() {
            let c = &chunks[i];
            let h = if i == start {
                c.height
            } else {
                c.space_before + c.height
            };
            if y + h <= available + 0.01 {
                y += h;
                i += 1;
                continue;
            }
            if i == start {
                return Err(Error::input(
                    Diagnostic::new(format!(
                        "a block is {:.0} mm tall but a page holds only {:.0} mm; it overflows by {:.0} mm",
                        c.height / MM,
                        available / MM,
                        (c.height - available) / MM
                    ))
                    .help("shorten the warning box or split it into two sections"),
                ));
            }
            // Go back to the last place a page may end.
            if let Some(k) = (start + 1..=i).rev().find(|k| chunks[*k].break_before) {
                i = k;
            }
            break;
        }
        pages.push(start..i);
    }
    Ok(pages)
}

/// Places chunks on pages and adds footers.
pub fn paginate(
    flow: &Flow,
    meta: &crate::model::Meta,
    labels: &Labels,
    draft: bool,
) -> Result<Vec<Page>> {
    let s: &Style = flow.style;
    let top = s.margin_top;
    let available = s.paper.height - s.margin_top - s.margin_bottom;
    let ranges = page_ranges(&flow.chunks, available)?;
    if let Some(budget) = s.max_pages.filter(|b| ranges.len() > *b) {
        // How much content lies past the last page of the budget.
        let extra: f32 = ranges[budget..]
            .iter()
            .flat_map(|r| r.clone())
            .map(|i| flow.chunks[i].space_before + flow.chunks[i].height)
            .sum();
        return Err(Error::input(
            Diagnostic::new(format!(
                "the `{}` leaflet needs {} pages but the layout allows {budget}: it overflows by {:.0} mm",
                flow.ctx.language,
                ranges.len(),
                extra / MM
            ))
            .help("shorten the text of this language, or choose a layout with more room"),
        ));
    }
    let total = ranges.len();
    let mut pages = Vec::with_capacity(total);
    for (pi, range) in ranges.into_iter().enumerate() {
        let mut elements = Vec::new();
        let mut y = top;
        for (k, idx) in range.clone().enumerate() {
            let c = &flow.chunks[idx];
            if k > 0 {
                y += c.space_before;
            }
            for e in &c.elements {
                let mut e = e.clone();
                offset(&mut e.shape, s.margin_left, y);
                elements.push(e);
            }
            y += c.height;
        }
        elements.extend(footer(flow, meta, labels, pi + 1, total)?);
        if draft {
            elements.extend(draft_notice(flow, labels)?);
        }
        pages.push(Page {
            width: s.paper.width,
            height: s.paper.height,
            elements,
        });
    }
    Ok(pages)
}

/// "Revised … · Version …" at the left, "Page x of y" at the right.
fn footer(
    flow: &Flow,
    meta: &crate::model::Meta,
    labels: &Labels,
    page: usize,
    pages: usize,
) -> Result<Vec<Element>> {
    let s = flow.style;
    let style = s.footer_text();
    let mut left = format!(
        "{} {} · {} {}",
        labels.revised, meta.revised, labels.version, meta.version
    );
    if let Some(clinic) = &meta.clinic {
        left = format!("{clinic} · {left}");
    }
    let right = labels
        .page
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string());
    let baseline = s.paper.height - s.footer_baseline;
    let mut out = Vec::new();
    // Mirrored in RTL: the page number sits at the left.
    let rtl = flow.ctx.rtl;
    for (text, align_right) in [(left, rtl), (right, !rtl)] {
        let styled = StyledText {
            spans: vec![(0..text.len(), Default::default())],
            text,
        };
        let lines = paragraph::set_styled(&flow.ctx, &styled, None, &style, s.measure())?;
        for line in lines {
            let x = if align_right {
                s.paper.width - s.margin_right - line.width
            } else {
                s.margin_left
            };
            for run in line.runs {
                let mut run = run;
                run.x += x;
                run.baseline = baseline;
                out.push(Element {
                    role: Role::Artifact,
                    block: usize::MAX,
                    shape: Shape::Glyphs(run),
                });
            }
        }
    }
    Ok(out)
}

/// "Draft translation — not reviewed", in the leaflet's language and in English, at
/// the top of every page of a translation no reviewer has signed off.
fn draft_notice(flow: &Flow, labels: &Labels) -> Result<Vec<Element>> {
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
    let style = s.notice_text();
    let styled = StyledText {
        spans: vec![(0..text.len(), Default::default())],
        text,
    };
    let mut out = Vec::new();
    for line in paragraph::set_styled(&flow.ctx, &styled, None, &style, s.measure())? {
        let x = if line.rtl {
            s.margin_left + s.measure() - line.width
        } else {
            s.margin_left
        };
        for mut run in line.runs {
            run.x += x;
            run.baseline = s.notice_baseline;
            out.push(Element {
                role: Role::Artifact,
                block: usize::MAX,
                shape: Shape::Glyphs(run),
            });
        }
    }
    Ok(out)
}
