//! Page model → PDF bytes (printpdf), finished with lopdf.

mod finish;
mod image;
mod write;

use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::text::FontBook;

/// Renders `layout` to PDF bytes; equal layouts give byte-identical files.
pub fn render(layout: &Layout) -> Result<Vec<u8>> {
    let book = FontBook::shared().map_err(Error::internal)?;
    let doc = write::to_printpdf(layout, book)?;
    write::save(&doc, layout)
}
