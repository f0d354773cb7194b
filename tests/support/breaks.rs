//! Page, column and panel break rules, checked on a PDF read back: the glyphs of
//! each region (page, column or tri-fold panel) are grouped into lines and the lines
//! aligned, in reading order, with the texts of the document, so that every line is
//! known by its block and its place in it.
#![allow(dead_code)]

use super::{logical_line, strip_marks, Glyph, PageText};
use handout::layout::{Geometry, Imposition, Style};
use handout::model::{Block, Document, SectionKind};

/// What a block of the document is, for the rules that differ by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    /// A block inside the warning box (never split: the box moves whole).
    InBox,
    Disclaimer,
    /// "Online version: <address>" beside the QR code.
    Online,
}

/// One text of the document as the leaflet prints it.
#[derive(Debug, Clone)]
pub struct SourceBlock {
    pub kind: Kind,
    /// The text as printed, with its spaces (for the line-end rules by script).
    pub text: String,
    /// The text without whitespace (lines are compared without it).
    pub squashed: String,
}

/// The document's printed texts in reading order.
pub fn source_blocks(doc: &Document) -> Vec<SourceBlock> {
    let plain = |t: &handout::model::Text| {
        handout::model::markup::parse(&t.markup)
            .expect("markup")
            .text
    };
    let block = |kind: Kind, text: String| SourceBlock {
        kind,
        squashed: squash(&text),
        text,
    };
    let mut out = vec![block(Kind::Title, plain(&doc.title))];
    let blocks = |blocks: &[Block], para: Kind, item: Kind, out: &mut Vec<SourceBlock>| {
        for b in blocks {
            match b {
                Block::Paragraph(t) => out.push(block(para, plain(t))),
                Block::List(items) => out.extend(items.iter().map(|t| block(item, plain(t)))),
                Block::Image(_) => {}
            }
        }
    };
    for s in &doc.sections {
        let boxed = s.kind == SectionKind::Warning;
        if let Some(h) = &s.heading {
            out.push(block(
                if boxed { Kind::InBox } else { Kind::Heading },
                plain(h),
            ));
        }
        let (para, item) = if boxed {
            (Kind::InBox, Kind::InBox)
        } else {
            (Kind::Paragraph, Kind::ListItem)
        };
        blocks(&s.body, para, item, &mut out);
    }
    blocks(
        &doc.disclaimer,
        Kind::Disclaimer,
        Kind::Disclaimer,
        &mut out,
    );
    if let Some(url) = &doc.meta.url {
        out.push(block(Kind::Online, format!("{}: {url}", doc.labels.online)));
    }
    out
}

/// `s` as lines are compared: without directional marks and whitespace.
pub fn squash(s: &str) -> String {
    strip_marks(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A printed line, placed in the document.
#[derive(Debug, Clone)]
pub struct Line {
    pub page: usize,
    pub region: usize,
    pub text: String,
    /// Top of the line's glyphs, from the top of the page.
    pub top: f32,
    pub bottom: f32,
    pub block: usize,
    /// Index of the line in its block (0: the block's first line).
    pub index: usize,
    /// Where the line starts in its block's squashed text.
    pub start: usize,
    /// The line ends with a hyphen the source does not have.
    pub inserted_hyphen: bool,
    /// The glyph before that hyphen is bold.
    pub hyphen_after_bold: bool,
}

/// A region of a page that text flows through.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub page: usize,
    pub x0: f32,
    pub x1: f32,
    /// Height the region offers, for "half empty".
    pub height: f32,
}

/// The regions of every page of `pages` in reading order: pages, then columns or
/// panels (the two-column title is its own region at the top of page 1).
pub fn regions(g: &Geometry, rtl: bool, pages: usize) -> Vec<Region> {
    let height = g.content.height;
    let w = g.paper.width;
    match g.form.imposition() {
        Imposition::Single => (0..pages)
            .map(|page| Region {
                page,
                x0: 0.0,
                x1: w,
                height,
            })
            .collect(),
        Imposition::TwoColumn => {
            let m = g.measure;
            let left = (g.content.x - 1.0, g.content.x + m + 1.0);
            let right = (left.1 + g.column_gap - 2.0, w);
            let (a, b) = if rtl { (right, left) } else { (left, right) };
            (0..pages)
                .flat_map(|page| {
                    [a, b].map(|(x0, x1)| Region {
                        page,
                        x0,
                        x1,
                        height,
                    })
                })
                .collect()
        }
        Imposition::TriFold => {
            use handout::layout::panels::READING_ORDER;
            let sheet = g.panels().expect("a tri-fold has panels");
            READING_ORDER
                .iter()
                .map(|p| {
                    let b = sheet.panel_box(*p, rtl);
                    Region {
                        page: b.page,
                        x0: b.x,
                        x1: b.x + b.width,
                        height,
                    }
                })
                .collect()
        }
    }
}

/// The content lines of `pages` in reading order, aligned with `blocks`; an error
/// when the text read back does not follow the source.
pub fn lines(
    style: &Style,
    g: &Geometry,
    doc: &Document,
    pages: &[PageText],
    blocks: &[SourceBlock],
) -> Result<Vec<Line>, String> {
    let rtl = doc.language.is_rtl();
    let regions = regions(g, rtl, pages.len());
    // The whole text, and where each block starts in it.
    let mut all = String::new();
    let mut starts = Vec::new();
    for b in blocks {
        starts.push(all.len());
        all.push_str(&b.squashed);
    }
    let block_at = |pos: usize| starts.iter().rposition(|s| *s <= pos).unwrap_or(0);
    let mut pos = 0;
    let mut out: Vec<Line> = Vec::new();
    let title_region = g.form.imposition() == Imposition::TwoColumn && !pages.is_empty();
    let mut sequence: Vec<(usize, usize, Vec<&Glyph>)> = Vec::new();
    for (ri, r) in regions.iter().enumerate() {
        let page = &pages[r.page];
        let in_region = |g: &&Glyph| {
            let title = title_region && r.page == 0 && g.size >= style.title_size - 0.01;
            let mid = g.x + g.width / 2.0;
            !g.artifact && !title && mid >= r.x0 && mid < r.x1
        };
        if title_region && ri == 0 {
            let title: Vec<&Glyph> = page
                .glyphs
                .iter()
                .filter(|g| !g.artifact && g.size >= style.title_size - 0.01)
                .collect();
            sequence.push((0, usize::MAX, title));
        }
        sequence.push((r.page, ri, page.glyphs.iter().filter(in_region).collect()));
    }
    for (page, region, glyphs) in sequence {
        // Lines by baseline, top first (PDF y grows upwards).
        let mut rows: Vec<(f32, Vec<&Glyph>)> = Vec::new();
        for g in glyphs {
            match rows.iter_mut().find(|(y, _)| (y - g.y).abs() < 0.5) {
                Some((_, row)) => row.push(g),
                None => rows.push((g.y, vec![g])),
            }
        }
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        let page_h = pages[page].height;
        for (y, row) in rows {
            // Runs in visual order (a right-to-left line's runs are drawn in
            // reading order).
            let raw = super::text_of(&row);
            let text = if rtl {
                logical_line(&raw)
            } else {
                strip_marks(&raw)
            };
            let line = squash(&text);
            if line.is_empty() {
                continue;
            }
            let rest = &all[pos.min(all.len())..];
            let (taken, inserted) = if rest.starts_with(&line) {
                (line.len(), false)
            } else if let Some(stem) = line.strip_suffix('\u{AD}').filter(|s| rest.starts_with(*s))
            {
                (stem.len(), true)
            } else {
                return Err(format!(
                    "page {} region {region}: line {text:?} does not continue the text at {:?}",
                    page + 1,
                    rest.chars().take(40).collect::<String>()
                ));
            };
            let block = block_at(pos);
            let index = out.iter().rev().take_while(|l| l.block == block).count();
            let hyphen_after_bold = inserted
                && row
                    .iter()
                    .rev()
                    .nth(1)
                    .is_some_and(|g| g.font.contains("Bold"));
            let size = row.iter().map(|g| g.size).fold(0.0, f32::max);
            out.push(Line {
                page,
                region,
                text,
                top: page_h - y - size,
                bottom: page_h - y,
                block,
                index,
                start: pos - starts[block],
                inserted_hyphen: inserted,
                hyphen_after_bold,
            });
            pos += taken;
            // A line may end one block and the next begins on the next line.
        }
    }
    if pos != all.len() {
        return Err(format!(
            "text missing after {:?}",
            all[..pos].chars().rev().take(30).collect::<String>()
        ));
    }
    Ok(out)
}

/// Every break rule broken by `pages` (empty when all hold).
pub fn violations(style: &Style, g: &Geometry, doc: &Document, pages: &[PageText]) -> Vec<String> {
    let blocks = source_blocks(doc);
    let lines = match lines(style, g, doc, pages, &blocks) {
        Ok(l) => l,
        Err(e) => return vec![e],
    };
    let rtl = doc.language.is_rtl();
    let regions = regions(g, rtl, pages.len());
    let mut out = Vec::new();
    let count = |b: usize| lines.iter().filter(|l| l.block == b).count();
    let online = blocks.iter().position(|b| b.kind == Kind::Online);
    for (k, l) in lines.iter().enumerate() {
        let next = lines.get(k + 1);
        let last_in_region = next.is_none_or(|n| (n.page, n.region) != (l.page, l.region));
        // 16: no hyphenated word across a page, column or panel.
        if last_in_region && l.inserted_hyphen {
            out.push(format!(
                "page {} ends a region with a hyphenated word: {:?}",
                l.page + 1,
                l.text
            ));
        }
        // 20: never inside bold emphasis.
        if l.hyphen_after_bold {
            out.push(format!("hyphen inside bold text: {:?}", l.text));
        }
        let Some(n) = next.filter(|n| n.block == l.block && last_in_region) else {
            continue;
        };
        // 18: a block split across regions: never a short one (five lines or fewer),
        // never with fewer than two lines on either side, and never out of a region
        // that is half empty when the next one had room for it.
        let total = count(l.block);
        let kind = blocks[l.block].kind;
        if total <= 5 || l.index + 1 < 2 || total - n.index < 2 || kind == Kind::InBox {
            out.push(format!(
                "a {kind:?} of {total} lines is split after line {} (page {}): {:?} / {:?}",
                l.index + 1,
                l.page + 1,
                l.text,
                n.text
            ));
        }
        if l.region != usize::MAX && g.form.imposition() != Imposition::Single {
            let r = &regions[l.region];
            let top = lines
                .iter()
                .find(|x| x.region == l.region && x.page == l.page)
                .map_or(l.top, |x| x.top);
            // The region's height from its first line (under the title on the first
            // page of two columns) to the bottom margin.
            let height = (g.paper.height - g.margins.bottom - top).min(r.height);
            let used = l.bottom - top;
            // Whether the next region had room for the block's lines from this one.
            let in_region = |x: &&Line| (x.page, x.region) == (n.page, n.region);
            let next_used = lines
                .iter()
                .filter(in_region)
                .map(|x| x.bottom)
                .fold(0.0, f32::max)
                - lines.iter().find(in_region).map_or(0.0, |x| x.top);
            let part = l.bottom
                - lines
                    .iter()
                    .find(|x| x.block == l.block && (x.page, x.region) == (l.page, l.region))
                    .map_or(l.top, |x| x.top);
            let room = next_used + part <= 0.9 * height;
            // (Glyph extents read back are a line's leading shorter than the lines
            // layout stacks: under 45 % read back is under half full in the layout.)
            if used < 0.45 * height && room {
                out.push(format!(
                    "a {kind:?} is split out of a region {:.0}% full (page {}): {:?}",
                    used / height * 100.0,
                    l.page + 1,
                    l.text
                ));
            }
        }
    }
    // 18: no runt (≤ 2 CJK characters and punctuation) as a paragraph's last line
    // where the line before could have given it characters (it ends in CJK).
    let cjk = |c: &char| ('\u{4E00}'..='\u{9FFF}').contains(c);
    for (k, l) in lines.iter().enumerate() {
        let last_of_block = lines.get(k + 1).is_none_or(|n| n.block != l.block);
        let letters: Vec<char> = l.text.chars().filter(|c| c.is_alphanumeric()).collect();
        let avoidable = k > 0
            && lines[k - 1]
                .text
                .chars()
                .rev()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| cjk(&c));
        if last_of_block
            && l.index > 0
            && avoidable
            && !letters.is_empty()
            && letters.len() <= 2
            && letters.iter().all(cjk)
        {
            out.push(format!(
                "a runt last line {:?} (page {})",
                l.text,
                l.page + 1
            ));
        }
    }
    // 17: no page, column or panel holds the closing lines alone, and the code keeps
    // the disclaimer's last lines with it.
    // (Unless a warning box, never split, fills the region before: then nothing can
    // come along.)
    let mut seen: Vec<(usize, usize)> = lines.iter().map(|l| (l.page, l.region)).collect();
    seen.dedup();
    let after_box = |page: usize, region: usize| {
        let first = lines
            .iter()
            .position(|l| (l.page, l.region) == (page, region));
        first.is_some_and(|k| k > 0 && blocks[lines[k - 1].block].kind == Kind::InBox)
    };
    for (page, region) in seen {
        if after_box(page, region) {
            continue;
        }
        let content = lines
            .iter()
            .filter(|l| (l.page, l.region) == (page, region))
            .any(|l| Some(l.block) != online);
        if !content {
            out.push(format!(
                "page {} holds only the online address and QR code",
                page + 1
            ));
        }
    }
    // (A tri-fold's inside may be blank when the text is a line or two; never a page
    // with footer or notice and no text.)
    for (p, page) in pages.iter().enumerate() {
        if !lines.iter().any(|l| l.page == p) && page.glyphs.iter().any(|g| g.artifact) {
            out.push(format!("page {} holds furniture alone", p + 1));
        }
    }
    if let Some(o) = online {
        let first = lines.iter().find(|l| l.block == o);
        let disclaimer = lines
            .iter()
            .rev()
            .find(|l| blocks[l.block].kind == Kind::Disclaimer);
        if let (Some(f), Some(d)) = (first, disclaimer) {
            if (f.page, f.region) != (d.page, d.region) {
                out.push(format!(
                    "the QR code (page {}) is parted from the disclaimer's last line (page {})",
                    f.page + 1,
                    d.page + 1
                ));
            }
        }
        // 19: the label beside the code stays whole on one line.
        let label = squash(&doc.labels.online) + ":";
        if let Some(f) = first {
            if !squash(&f.text).starts_with(&label) {
                out.push(format!(
                    "the online label is broken: first line {:?}",
                    f.text
                ));
            }
        }
    }
    out
}
