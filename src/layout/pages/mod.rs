//! The pages phase: the flow's chunks placed into regions (pages, columns, tri-fold
//! panels) by the break rules, and the page furniture (footers, draft notice, fold
//! marks) added as artifacts. `layout::layout` picks the imposition; each module here
//! fills one kind of sheet.

pub mod columns;
pub mod furniture;
pub mod trifold;
