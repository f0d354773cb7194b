//! Frames: shapes and groups positioned relative to the frame that holds them.
//!
//! Layout builds a line, a box or a closing block once, in its own coordinates, and
//! places it by giving its group one position: moving a block is one translate, never
//! a rewrite of its shapes. Groups carry the semantic role and the source block, so
//! the tree is what tagging walks (page → box → heading, paragraph…).

use super::{Element, Role, Shape};

/// A position in points, relative to the frame that holds the item (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Distance from the frame's left edge.
    pub x: f32,
    /// Distance from the frame's top edge.
    pub y: f32,
}

impl Point {
    /// The frame's origin.
    pub const ZERO: Point = Point { x: 0.0, y: 0.0 };

    /// The point (x, y).
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// Positioned items in drawing order (content in reading order, then furniture).
///
/// A frame records no extent: what holds it (a chunk, a page) knows its size, and
/// nothing downstream needs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Each item and where its origin sits in this frame.
    pub items: Vec<(Point, FrameItem)>,
}

/// What a frame holds.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameItem {
    /// A nested frame with its place in the document's structure.
    Group(Group),
    /// Something drawn, in the coordinates of the frame that holds it.
    Shape(Shape),
}

/// A frame that is one thing in the document's structure: a line of a paragraph, a
/// heading, the warning box with its contents, a figure, the QR code, furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What it is; its shapes have this role unless a nested group says otherwise.
    pub role: Role,
    /// Index of the logical block in reading order (groups of one block share it,
    /// even across pages); `None` for furniture and for groups that hold several blocks.
    pub block: Option<usize>,
    /// Its place in the reading order: the index of the chunk it was placed as, plus
    /// one (0: not placed as a chunk; it reads where the group holding it reads). A
    /// block split over a tri-fold's two sides is drawn in print order but read in
    /// this order.
    pub seq: u32,
    /// What it holds, relative to its own origin.
    pub frame: Frame,
}

impl Group {
    /// A group of `role` and `block` holding `shapes` at its origin.
    pub fn of_shapes(role: Role, block: Option<usize>, shapes: Vec<Shape>) -> Group {
        let items = shapes
            .into_iter()
            .map(|s| (Point::ZERO, FrameItem::Shape(s)))
            .collect();
        Group {
            role,
            block,
            seq: 0,
            frame: Frame { items },
        }
    }
}

impl Frame {
    /// A frame holding only `group`, at its origin.
    pub fn of(group: Group) -> Frame {
        Frame {
            items: vec![(Point::ZERO, FrameItem::Group(group))],
        }
    }

    /// Adds `group` with its origin at `at`.
    pub fn push(&mut self, at: Point, group: Group) {
        self.items.push((at, FrameItem::Group(group)));
    }

    /// Calls `f` with every shape in drawing order, its role and block (from the
    /// innermost group; furniture's block is `usize::MAX`) and the positions of the
    /// frames that hold it.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(Placed<'a, '_>)) {
        self.walk_in(Role::Artifact, usize::MAX, 0, None, f);
    }

    fn walk_in<'a>(
        &'a self,
        role: Role,
        block: usize,
        seq: u32,
        outer: Option<&Path<'_>>,
        f: &mut impl FnMut(Placed<'a, '_>),
    ) {
        for (at, item) in &self.items {
            // The positions so far live on the stack: a walk allocates nothing.
            let path = Path { at: *at, outer };
            match item {
                FrameItem::Shape(shape) => f(Placed {
                    role,
                    block,
                    seq,
                    shape,
                    path: &path,
                }),
                FrameItem::Group(g) => {
                    let block = g.block.unwrap_or(block);
                    let seq = if g.seq == 0 { seq } else { g.seq };
                    g.frame.walk_in(g.role, block, seq, Some(&path), f);
                }
            }
        }
    }

    /// Every shape with its role and block, moved into this frame's coordinates.
    pub fn elements(&self) -> Vec<Element> {
        let mut out = Vec::new();
        self.walk(&mut |p| out.push(p.element()));
        out
    }
}

/// A shape met by [`Frame::walk`], with the positions that place it.
pub struct Placed<'a, 'p> {
    /// Its role in the document's structure.
    pub role: Role,
    /// Its logical block (`usize::MAX` for furniture).
    pub block: usize,
    /// Its place in the reading order (see [`Group::seq`]).
    pub seq: u32,
    /// The shape in its own frame's coordinates.
    pub shape: &'a Shape,
    /// Its own position, then those of the groups that hold it, innermost first.
    path: &'p Path<'p>,
}

/// A position and those of the items around it, innermost first.
struct Path<'p> {
    at: Point,
    outer: Option<&'p Path<'p>>,
}

impl Placed<'_, '_> {
    /// (x, y) of the shape's frame in the walked frame's coordinates. The innermost
    /// position is added first, as each move was made, so a block lands on exactly the
    /// same f32 coordinates wherever the tree was cut into groups.
    pub fn at(&self, x: f32, y: f32) -> (f32, f32) {
        let (mut x, mut y) = (x, y);
        let mut path = Some(self.path);
        while let Some(p) = path {
            (x, y) = (x + p.at.x, y + p.at.y);
            path = p.outer;
        }
        (x, y)
    }

    /// The shape moved into the walked frame's coordinates, with its role and block.
    pub fn element(&self) -> Element {
        let mut shape = self.shape.clone();
        match &mut shape {
            Shape::Glyphs(r) => (r.x, r.baseline) = self.at(r.x, r.baseline),
            Shape::Rect { x, y, .. } | Shape::Link { x, y, .. } | Shape::Image { x, y, .. } => {
                (*x, *y) = self.at(*x, *y)
            }
            Shape::Line { x1, y1, x2, y2, .. } => {
                (*x1, *y1) = self.at(*x1, *y1);
                (*x2, *y2) = self.at(*x2, *y2);
            }
        }
        Element {
            role: self.role,
            block: self.block,
            shape,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x: f32, y: f32) -> Shape {
        Shape::Line {
            x1: x,
            y1: y,
            x2: x + 1.0,
            y2: y,
            color: crate::layout::page::Rgb::BLACK,
            width: 1.0,
        }
    }

    #[test]
    fn a_group_moves_its_shapes_and_names_their_role_and_block() {
        // A box (block 1) holding a heading (block 2) 5 pt down, placed at (10, 20).
        let heading = Group::of_shapes(Role::Heading, Some(2), vec![line(1.0, 1.0)]);
        let mut inner = Frame::of(Group::of_shapes(Role::Box, None, vec![line(0.0, 0.0)]));
        inner.push(Point::new(0.0, 5.0), heading);
        let boxed = Group {
            seq: 0,
            role: Role::Box,
            block: Some(1),
            frame: inner,
        };
        let mut page = Frame::default();
        page.push(Point::new(10.0, 20.0), boxed);
        let got: Vec<(Role, usize, Shape)> = page
            .elements()
            .into_iter()
            .map(|e| (e.role, e.block, e.shape))
            .collect();
        assert_eq!(
            got,
            vec![
                (Role::Box, 1, line(10.0, 20.0)),
                (Role::Heading, 2, line(11.0, 26.0)),
            ]
        );
    }
}
