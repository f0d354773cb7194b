//! Text: font selection and coverage, shaping and hyphenation.

pub mod coverage;
pub mod fonts;
pub mod hyphenate;
pub mod shape;

pub use fonts::{FaceId, FaceStyle, FontBook};
pub use shape::ShapedGlyph;
