//! Drawing read back from a PDF: fill colours, black rectangles and the QR codes
//! they make.

use super::pdf::num;
use lopdf::content::Content;
use lopdf::Document;

/// Filled black rectangles of a page (x, y, w, h in PDF user space), as drawn.
pub fn black_rects(doc: &Document, page_index: usize) -> Vec<(f32, f32, f32, f32)> {
    let Some((_, page_id)) = doc.get_pages().into_iter().nth(page_index) else {
        return Vec::new();
    };
    let content = doc.get_page_content(page_id);
    let ops = Content::decode(&content)
        .expect("content decodes")
        .operations;
    let mut fill = (1.0f32, 1.0f32, 1.0f32);
    let mut pending: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut out = Vec::new();
    for op in ops {
        match op.operator.as_str() {
            "rg" => {
                fill = (
                    num(&op.operands[0]),
                    num(&op.operands[1]),
                    num(&op.operands[2]),
                )
            }
            "g" => {
                let v = num(&op.operands[0]);
                fill = (v, v, v)
            }
            "re" => pending.push((
                num(&op.operands[0]),
                num(&op.operands[1]),
                num(&op.operands[2]),
                num(&op.operands[3]),
            )),
            "f" | "F" | "f*" | "B" | "b" => {
                if fill.0 + fill.1 + fill.2 < 0.05 {
                    out.append(&mut pending);
                }
                pending.clear();
            }
            "S" | "n" => pending.clear(),
            _ => {}
        }
    }
    out
}

/// Rasterises black rectangles (at `scale` pixels per point) and decodes the QR codes.
pub fn decode_qr(rects: &[(f32, f32, f32, f32)], scale: f32) -> Vec<String> {
    if rects.is_empty() {
        return Vec::new();
    }
    let min_x = rects.iter().map(|r| r.0).fold(f32::MAX, f32::min) - 20.0;
    let min_y = rects.iter().map(|r| r.1).fold(f32::MAX, f32::min) - 20.0;
    let max_x = rects.iter().map(|r| r.0 + r.2).fold(f32::MIN, f32::max) + 20.0;
    let max_y = rects.iter().map(|r| r.1 + r.3).fold(f32::MIN, f32::max) + 20.0;
    let (w, h) = (
        ((max_x - min_x) * scale) as usize,
        ((max_y - min_y) * scale) as usize,
    );
    let mut px = vec![255u8; w * h];
    for (x, y, rw, rh) in rects {
        let x0 = ((x - min_x) * scale).round() as usize;
        let x1 = ((x + rw - min_x) * scale).round() as usize;
        // PDF y grows upwards; image rows grow downwards.
        let y0 = ((max_y - (y + rh)) * scale).round() as usize;
        let y1 = ((max_y - y) * scale).round() as usize;
        for row in y0..y1.min(h) {
            for col in x0..x1.min(w) {
                px[row * w + col] = 0;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}

/// Whether page `page_index` sets `rgb` as a fill colour (`rg`), to within half an
/// 8-bit level.
pub fn uses_fill(doc: &Document, page_index: usize, rgb: [u8; 3]) -> bool {
    let Some((_, page_id)) = doc.get_pages().into_iter().nth(page_index) else {
        return false;
    };
    let want = rgb.map(|v| f32::from(v) / 255.0);
    let content = doc.get_page_content(page_id);
    Content::decode(&content)
        .expect("content decodes")
        .operations
        .iter()
        .filter(|op| op.operator == "rg" && op.operands.len() == 3)
        .any(|op| {
            op.operands
                .iter()
                .zip(want)
                .all(|(o, w)| (o.as_float().unwrap_or(-1.0) - w).abs() < 0.5 / 255.0)
        })
}
