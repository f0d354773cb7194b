//! The content-stream operators the page writer uses, written straight into bytes.
//!
//! The bytes are the ones pdf-writer's `Content` writes with its default (pretty)
//! settings — every operation on a line of its own, operands separated by spaces,
//! property lists indented by two — so files stay byte for byte what they were.
//! Written here because `Content` formats every real number through ryu's general
//! shortest-digits search and checks each byte it pushes: it was about half of the
//! content streams' instructions. Coordinates here are rounded to thousandths (see
//! `content::r3`), and such a number is written from its integer count of
//! thousandths; anything else still goes through ryu, as `Content` does. How each
//! operand is spelled (numbers, names, strings) is `syntax.rs`'s.

use super::syntax::{integer, number, string, text_string, write_name};

/// A content stream being written.
pub struct Operators {
    buf: Vec<u8>,
}

impl Operators {
    pub fn new() -> Operators {
        Operators {
            buf: Vec::with_capacity(16 * 1024),
        }
    }

    /// The stream's bytes (without a trailing line break, as `Content::finish`).
    pub fn finish(mut self) -> Vec<u8> {
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
        }
        self.buf
    }

    /// Starts an operation: on a line of its own unless it is the first.
    fn start(&mut self) {
        if !self.buf.is_empty() {
            self.buf.push(b'\n');
        }
    }

    /// An operation of numbers only (`1 0 0 1 72 700 Tm`).
    fn numbers(&mut self, operands: &[f32], operator: &[u8]) {
        self.start();
        for (k, v) in operands.iter().enumerate() {
            if k > 0 {
                self.buf.push(b' ');
            }
            number(&mut self.buf, *v);
        }
        self.buf.push(b' ');
        self.buf.extend_from_slice(operator);
    }

    /// An operation without operands (`BT`, `q`, `EMC`).
    fn bare(&mut self, operator: &[u8]) {
        self.start();
        self.buf.extend_from_slice(operator);
    }

    pub fn begin_text(&mut self) {
        self.bare(b"BT");
    }

    pub fn end_text(&mut self) {
        self.bare(b"ET");
    }

    pub fn save_state(&mut self) {
        self.bare(b"q");
    }

    pub fn restore_state(&mut self) {
        self.bare(b"Q");
    }

    pub fn fill_nonzero(&mut self) {
        self.bare(b"f");
    }

    pub fn stroke(&mut self) {
        self.bare(b"S");
    }

    pub fn fill_nonzero_and_stroke(&mut self) {
        self.bare(b"B");
    }

    pub fn end_marked_content(&mut self) {
        self.bare(b"EMC");
    }

    pub fn set_fill_rgb(&mut self, r: f32, g: f32, b: f32) {
        self.numbers(&[r, g, b], b"rg");
    }

    pub fn set_stroke_rgb(&mut self, r: f32, g: f32, b: f32) {
        self.numbers(&[r, g, b], b"RG");
    }

    pub fn set_line_width(&mut self, width: f32) {
        self.numbers(&[width], b"w");
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.numbers(&[x, y, w, h], b"re");
    }

    pub fn move_to(&mut self, x: f32, y: f32) {
        self.numbers(&[x, y], b"m");
    }

    pub fn line_to(&mut self, x: f32, y: f32) {
        self.numbers(&[x, y], b"l");
    }

    pub fn transform(&mut self, matrix: [f32; 6]) {
        self.numbers(&matrix, b"cm");
    }

    pub fn set_text_matrix(&mut self, matrix: [f32; 6]) {
        self.numbers(&matrix, b"Tm");
    }

    pub fn set_rise(&mut self, rise: f32) {
        self.numbers(&[rise], b"Ts");
    }

    /// `/name size Tf`.
    pub fn set_font(&mut self, name: &[u8], size: f32) {
        self.start();
        write_name(&mut self.buf, name);
        self.buf.push(b' ');
        number(&mut self.buf, size);
        self.buf.extend_from_slice(b" Tf");
    }

    /// `/name Do`.
    pub fn x_object(&mut self, name: &[u8]) {
        self.start();
        write_name(&mut self.buf, name);
        self.buf.extend_from_slice(b" Do");
    }

    /// `/tag BMC`.
    pub fn begin_marked_content(&mut self, tag: &[u8]) {
        self.start();
        write_name(&mut self.buf, tag);
        self.buf.extend_from_slice(b" BMC");
    }

    /// `/tag <</MCID n>> BDC`: content of a structure element.
    pub fn begin_marked_content_with_mcid(&mut self, tag: &[u8], mcid: i32) {
        self.start();
        write_name(&mut self.buf, tag);
        self.buf.extend_from_slice(b" <<\n  /MCID ");
        integer(&mut self.buf, mcid);
        self.buf.extend_from_slice(b"\n>> BDC");
    }

    /// `/Span <</ActualText (text)>> BDC`.
    pub fn begin_span_with_actual_text(&mut self, text: &str) {
        self.start();
        self.buf.extend_from_slice(b"/Span <<\n  /ActualText ");
        text_string(&mut self.buf, text);
        self.buf.extend_from_slice(b"\n>> BDC");
    }

    /// `[(codes) adjustment (codes) …] TJ`: `items` writes the array's items.
    pub fn show_positioned(&mut self, items: impl FnOnce(&mut ShowItems)) {
        self.start();
        self.buf.push(b'[');
        let mut show = ShowItems {
            buf: &mut self.buf,
            first: true,
        };
        items(&mut show);
        self.buf.extend_from_slice(b"] TJ");
    }
}

/// The items of one TJ array.
pub struct ShowItems<'a> {
    buf: &'a mut Vec<u8>,
    first: bool,
}

impl ShowItems<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.buf.push(b' ');
        }
        self.first = false;
    }

    /// A string of glyph codes.
    pub fn show(&mut self, codes: &[u8]) {
        self.separate();
        string(self.buf, codes);
    }

    /// An adjustment, in thousandths of an em.
    pub fn adjust(&mut self, amount: f32) {
        self.separate();
        number(self.buf, amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same operations through pdf-writer's `Content` and through these give
    /// the same bytes, numbers of every kind the pages use included.
    #[test]
    fn writes_what_pdf_writer_writes() {
        use pdf_writer::{Content, Name, Str, TextStr};
        let numbers = [
            0.0,
            -0.0,
            1.0,
            0.5,
            0.122,
            0.306,
            70.866,
            768.83,
            -3.25,
            12.34,
            841.89,
            0.001,
            -0.001,
            8191.999,
            9000.123,
            1.0e-7,
            1.5e13,
            10.799_999,
            1.0 / 3.0,
        ];
        let mut theirs = Content::new();
        let mut ours = Operators::new();
        for &v in &numbers {
            theirs.set_text_matrix([1.0, 0.0, 0.0, 1.0, v, -v]);
            ours.set_text_matrix([1.0, 0.0, 0.0, 1.0, v, -v]);
            theirs.set_rise(v);
            ours.set_rise(v);
        }
        // Every seventh value a rounding to thousandths gives from -1000 to 1000 points.
        for k in (-1_000_000..=1_000_000).step_by(7) {
            let v = (k as f32 / 1000.0 * 1000.0).round() / 1000.0;
            theirs.set_line_width(v.abs());
            ours.set_line_width(v.abs());
        }
        theirs.begin_marked_content(Name(b"Artifact"));
        ours.begin_marked_content(b"Artifact");
        theirs
            .begin_marked_content_with_properties(Name(b"H1"))
            .properties()
            .pair(Name(b"MCID"), 12);
        ours.begin_marked_content_with_mcid(b"H1", 12);
        for text in ["fi", "(a)", ")(", "a\\b", "दी", "\u{200F})\u{200F}"] {
            theirs
                .begin_marked_content_with_properties(Name(b"Span"))
                .properties()
                .actual_text(TextStr(text));
            ours.begin_span_with_actual_text(text);
        }
        theirs.begin_text();
        ours.begin_text();
        theirs.set_font(Name(b"F12"), 10.5);
        ours.set_font(b"F12", 10.5);
        let codes: [&[u8]; 5] = [
            b"\x00\x0c\x00(\x00)",
            b"\x00)\x00(",
            b"\x01\x80",
            b"\\\n\r\t\x08\x0c",
            b"",
        ];
        {
            let mut tj = theirs.show_positioned();
            let mut items = tj.items();
            for c in codes {
                items.show(Str(c));
                items.adjust(-20.5);
            }
        }
        ours.show_positioned(|items| {
            for c in codes {
                items.show(c);
                items.adjust(-20.5);
            }
        });
        theirs.end_text();
        ours.end_text();
        theirs.save_state();
        ours.save_state();
        theirs.set_fill_rgb(0.122, 0.306, 0.475);
        ours.set_fill_rgb(0.122, 0.306, 0.475);
        theirs.set_stroke_rgb(1.0, 0.0, 0.5);
        ours.set_stroke_rgb(1.0, 0.0, 0.5);
        theirs.rect(1.0, 2.5, 3.0, 4.25);
        ours.rect(1.0, 2.5, 3.0, 4.25);
        theirs.move_to(1.0, 2.0);
        ours.move_to(1.0, 2.0);
        theirs.line_to(3.0, 4.0);
        ours.line_to(3.0, 4.0);
        theirs.fill_nonzero_and_stroke();
        ours.fill_nonzero_and_stroke();
        theirs.stroke();
        ours.stroke();
        theirs.fill_nonzero();
        ours.fill_nonzero();
        theirs.transform([100.0, 0.0, 0.0, 50.5, 10.0, 20.0]);
        ours.transform([100.0, 0.0, 0.0, 50.5, 10.0, 20.0]);
        theirs.x_object(Name(b"Im1a#"));
        ours.x_object(b"Im1a#");
        theirs.restore_state();
        ours.restore_state();
        theirs.end_marked_content();
        ours.end_marked_content();
        assert_eq!(
            String::from_utf8_lossy(&ours.finish()),
            String::from_utf8_lossy(&theirs.finish().into_vec())
        );
    }
}
