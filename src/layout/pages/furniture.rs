//! Page furniture (artifacts, not content): footers, the draft notice, fold marks.

use crate::error::Result;
use crate::layout::flow::Flow;
use crate::layout::form::Imposition;
use crate::layout::geometry::Geometry;
use crate::layout::inline::{self, TextStyle};
use crate::layout::page::{Group, Rgb, Role, Shape};
use crate::model::markup::StyledText;
use crate::model::{Labels, Language, Meta};

/// Plain `text` set in `style` at `measure`.
fn lines_in(
    ctx: &inline::Context,
    text: String,
    style: &TextStyle,
    measure: f32,
) -> Result<Vec<inline::SetLine>> {
    let styled = StyledText {
        spans: vec![(0..text.len(), Default::default())],
        text,
    };
    inline::set_styled(ctx, &styled, None, style, measure)
}

/// Set `lines` placed from the first baseline down, start-aligned in `x..x + measure`
/// (right-aligned when `align_right`), as artifacts.
pub fn place_lines(
    lines: &[inline::SetLine],
    leading: f32,
    x: f32,
    measure: f32,
    first_baseline: f32,
    align_right: bool,
) -> Group {
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let lx = if align_right {
            x + measure - line.width
        } else {
            x
        };
        for run in &line.runs {
            let mut run = run.clone();
            run.x += lx;
            run.baseline = first_baseline + k as f32 * leading;
            out.push(Shape::Glyphs(run));
        }
    }
    Group::of_shapes(Role::Artifact, None, out)
}

/// `text` set and placed as by [`place_lines`], and how many lines it took.
#[allow(clippy::too_many_arguments)]
pub fn artifact_lines(
    flow: &Flow,
    text: String,
    style: &TextStyle,
    x: f32,
    measure: f32,
    first_baseline: f32,
    align_right: bool,
) -> Result<(Group, usize)> {
    set_and_place(
        &flow.ctx,
        text,
        style,
        x,
        measure,
        first_baseline,
        align_right,
    )
}

/// [`artifact_lines`] with the paragraph context `ctx`.
#[allow(clippy::too_many_arguments)]
fn set_and_place(
    ctx: &inline::Context,
    text: String,
    style: &TextStyle,
    x: f32,
    measure: f32,
    first_baseline: f32,
    align_right: bool,
) -> Result<(Group, usize)> {
    let lines = lines_in(ctx, text, style, measure)?;
    let placed = place_lines(
        &lines,
        style.leading,
        x,
        measure,
        first_baseline,
        align_right,
    );
    Ok((placed, lines.len()))
}

/// "Clinic · Revised November 25, 2026 · Version …": the date as the leaflet's language
/// writes it (the PDF's metadata keeps the ISO date); the version as written, since it
/// names the same edition in every language.
pub fn revision_text(meta: &Meta, labels: &Labels, language: &Language) -> RevisionText {
    let date = language.date(&meta.revised);
    let text = format!(
        "{} {date} · {} {}",
        labels.revised, labels.version, meta.version
    );
    let text = match &meta.clinic {
        Some(clinic) => format!("{clinic} · {text}"),
        None => text,
    };
    RevisionText { text, date }
}

/// The revision line and the date in it, which a narrow panel may not break
/// ("25 de noviembre / de 2026" reads as two things).
pub struct RevisionText {
    pub text: String,
    pub date: String,
}

impl RevisionText {
    /// The line set and placed as by [`artifact_lines`], the date kept on one line.
    pub fn place(
        self,
        flow: &Flow,
        style: &TextStyle,
        x: f32,
        measure: f32,
        first_baseline: f32,
        align_right: bool,
    ) -> Result<(Group, usize)> {
        let keep = [self.date];
        let ctx = inline::Context {
            keep_whole: &keep,
            ..flow.ctx
        };
        set_and_place(
            &ctx,
            self.text,
            style,
            x,
            measure,
            first_baseline,
            align_right,
        )
    }
}

/// The footer's revision line, at the start side (the same on every page).
pub fn revision_footer(flow: &Flow, meta: &Meta, labels: &Labels) -> Result<Group> {
    let revision = revision_text(meta, labels, flow.ctx.language);
    let g = flow.geometry;
    let (group, _) = revision.place(
        flow,
        &flow.style.footer_text(),
        g.content.x,
        g.content.width,
        g.paper.height - g.footer_baseline,
        flow.ctx.rtl(),
    )?;
    Ok(group)
}

/// The footer's "Page x of y", at the end side (at the left in RTL), its numbers in
/// the digits of the revision date beside it.
pub fn page_footer(flow: &Flow, labels: &Labels, page: usize, pages: usize) -> Result<Group> {
    let language = flow.ctx.language;
    let text = labels
        .page
        .replace("{page}", &language.number(page))
        .replace("{pages}", &language.number(pages));
    let g = flow.geometry;
    let (group, _) = artifact_lines(
        flow,
        text,
        &flow.style.footer_text(),
        g.content.x,
        g.content.width,
        g.paper.height - g.footer_baseline,
        !flow.ctx.rtl(),
    )?;
    Ok(group)
}

/// "Draft translation — not reviewed", in the leaflet's language and in English (the
/// English half marked as English, for a screen reader's voice), set at `measure`: its
/// text and its lines. [`place_notice`] puts it above a content area.
pub fn draft_notice(
    flow: &Flow,
    labels: &Labels,
    measure: f32,
) -> Result<(String, Vec<inline::SetLine>)> {
    let english = crate::model::DRAFT_NOTICE_EN;
    let styled = if let Some(local) = labels.local_draft_notice() {
        let text = format!("{local} · {english}");
        let start = text.len() - english.len();
        let en = crate::model::markup::SpanStyle {
            lang: Some("en".into()),
            ..Default::default()
        };
        StyledText {
            spans: vec![(0..start, Default::default()), (start..text.len(), en)],
            text,
        }
    } else {
        StyledText {
            spans: vec![(0..english.len(), Default::default())],
            text: english.to_string(),
        }
    };
    let lines = inline::set_styled(&flow.ctx, &styled, None, &flow.style.notice_text(), measure)?;
    Ok((styled.text, lines))
}

/// The geometry with room above the content for the draft notice, where it wraps so
/// far that its last line would come within half a line of the content (A5: two
/// lines, the second on the title); `None` where it fits as it is.
pub fn notice_room(flow: &Flow, labels: &Labels) -> Result<Option<Geometry>> {
    let g = flow.geometry;
    let width = match g.form.imposition() {
        Imposition::TriFold => g.measure,
        Imposition::Single | Imposition::TwoColumn => g.content.width,
    };
    let (_, lines) = draft_notice(flow, labels, width)?;
    let leading = flow.style.notice_text().leading;
    let last = g.notice_baseline + lines.len().saturating_sub(1) as f32 * leading;
    // Below the last baseline: its descenders and a gap, before the content's top.
    let extra = last + 0.6 * leading - g.content.y;
    if lines.len() < 2 || extra <= 0.0 {
        return Ok(None);
    }
    let mut margins = g.margins;
    margins.top += extra;
    Ok(Some(g.clone().with_margins(margins)))
}

/// The draft notice above the content area in `x..x + measure`: the content of
/// `block` where it is read (the first page or panel), an artifact where it repeats.
pub fn place_notice(
    flow: &Flow,
    notice: &[inline::SetLine],
    x: f32,
    measure: f32,
    block: Option<usize>,
) -> Group {
    let leading = flow.style.notice_text().leading;
    let baseline = flow.geometry.notice_baseline;
    let mut group = place_lines(notice, leading, x, measure, baseline, flow.ctx.rtl());
    if let Some(block) = block {
        group.role = Role::Notice;
        group.block = Some(block);
    }
    group
}

/// Short fold lines at the top and bottom of the sheet at each `x`, inside the area
/// office printers reach (≥ 6.35 mm from the edge) and outside the content.
pub fn fold_marks(flow: &Flow, xs: &[f32]) -> Group {
    let height = flow.geometry.paper.height;
    let s = flow.style;
    let (from, to) = (s.fold_mark_from, s.fold_mark_to);
    let mut out = Vec::new();
    for &x in xs {
        for (y1, y2) in [(from, to), (height - to, height - from)] {
            out.push(Shape::Line {
                x1: x,
                y1,
                x2: x,
                y2,
                color: Rgb::hex(0x767676),
                width: s.fold_mark_width,
            });
        }
    }
    Group::of_shapes(Role::Artifact, None, out)
}
