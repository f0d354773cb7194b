//! A compact text form of the laid-out page model, for snapshots that show layout
//! drift in review. It reads only what every version of the page model has (page
//! size; per element its role, block, position, size and text), in this one file, so
//! that a change of the page model's types is one change here.

use handout::layout::{Layout, Shape};
use std::fmt::Write;

/// One line per page and per element: a glyph run with its text (not one line per
/// glyph), a rectangle, a rule, an image with its alternative text, a link with its
/// address. Runs of rectangles of one block (the modules of a QR code) are one line
/// with their count and bounding box. Positions in points, rounded to 0.1.
pub fn page_model(laid: &Layout) -> String {
    let mut out = String::new();
    for (i, page) in laid.pages.iter().enumerate() {
        let _ = writeln!(out, "page {} {}x{}", i + 1, pt(page.width), pt(page.height));
        let mut rects: Option<Rects> = None;
        for e in &page.elements() {
            let head = format!("  {:?} {}", e.role, block(e.block));
            if let Shape::Rect { x, y, w, h, .. } = &e.shape {
                match &mut rects {
                    Some(r) if r.head == head => r.add(*x, *y, *w, *h),
                    _ => {
                        flush(&mut out, rects.take());
                        rects = Some(Rects::new(head, *x, *y, *w, *h));
                    }
                }
                continue;
            }
            flush(&mut out, rects.take());
            let _ = match &e.shape {
                Shape::Glyphs(run) => writeln!(
                    out,
                    "{head} text {},{} size {} {:?}",
                    pt(run.x),
                    pt(run.baseline),
                    pt(run.size),
                    run.text()
                ),
                Shape::Line { x1, y1, x2, y2, .. } => writeln!(
                    out,
                    "{head} line {},{} {},{}",
                    pt(*x1),
                    pt(*y1),
                    pt(*x2),
                    pt(*y2)
                ),
                Shape::Image {
                    x, y, w, h, alt, ..
                } => writeln!(
                    out,
                    "{head} image {},{} {}x{} {alt:?}",
                    pt(*x),
                    pt(*y),
                    pt(*w),
                    pt(*h)
                ),
                Shape::Link { x, y, w, h, url } => writeln!(
                    out,
                    "{head} link {},{} {}x{} {url}",
                    pt(*x),
                    pt(*y),
                    pt(*w),
                    pt(*h)
                ),
                Shape::Rect { .. } => Ok(()),
            };
        }
        flush(&mut out, rects.take());
    }
    out
}

/// A block index; furniture that belongs to no block (`usize::MAX`) is `b-`.
fn block(b: usize) -> String {
    if b == usize::MAX {
        "b-".to_string()
    } else {
        format!("b{b}")
    }
}

/// A point value rounded to 0.1 pt, without a sign on zero.
fn pt(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    format!("{:.1}", if r == 0.0 { 0.0 } else { r })
}

/// Consecutive rectangles of one role and block, by count and bounding box.
struct Rects {
    head: String,
    count: usize,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl Rects {
    fn new(head: String, x: f32, y: f32, w: f32, h: f32) -> Rects {
        Rects {
            head,
            count: 1,
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        }
    }

    fn add(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.count += 1;
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x + w);
        self.y1 = self.y1.max(y + h);
    }
}

fn flush(out: &mut String, rects: Option<Rects>) {
    let Some(r) = rects else { return };
    let what = if r.count == 1 {
        "rect".to_string()
    } else {
        format!("rects({})", r.count)
    };
    let _ = writeln!(
        out,
        "{} {what} {},{} {}x{}",
        r.head,
        pt(r.x0),
        pt(r.y0),
        pt(r.x1 - r.x0),
        pt(r.y1 - r.y0)
    );
}
