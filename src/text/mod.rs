//! Text: font selection and coverage, shaping and hyphenation.

pub(crate) mod coverage;
pub(crate) mod fonts;
pub mod hyphenate;
pub(crate) mod shape;

pub use fonts::{FaceId, FaceStyle, FontBook};
pub use shape::ShapedGlyph;
