//! Object numbers, handed out in writing order so that output is reproducible.

use pdf_writer::Ref;

pub struct Refs(i32);

impl Refs {
    pub fn new() -> Refs {
        Refs(0)
    }

    pub fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}
