//! Text: inline markup, font selection, shaping and hyphenation.

pub mod coverage;
pub mod fonts;
pub mod hyphenate;
pub mod markup;
pub mod shape;

pub use fonts::{FaceId, FaceStyle, FontBook};
pub use markup::{SpanStyle, StyledText};
pub use shape::ShapedGlyph;
