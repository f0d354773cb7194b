//! Shared test support: the binary run as users run it, leaflets built through the
//! pipeline, and produced PDFs read back independently of the code that wrote them.
#![allow(dead_code, unused_imports)]

pub mod breaks;
pub mod cli;
mod graphics;
pub mod html;
pub mod line_ends;
pub mod page_model;
mod pdf;
pub mod pipeline;
pub mod structure;
mod text;

pub use cli::{cli, no_pdf_in, pdfs_in, run, Run};
pub use graphics::{black_rects, decode_qr, uses_fill};
pub use pdf::*;
pub use pipeline::{build_ketamine, handout_dir, ketamine};
pub use text::*;
