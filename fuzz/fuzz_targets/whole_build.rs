//! The whole pipeline: YAML bytes → document → layout → PDF bytes, in every layout
//! (picked from the input's length so that each input always takes the same one).
#![no_main]
use handout::layout::{Geometry, Imposition, PaperSize, PrintForm, Style};
use handout::model::Limits;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz/en.yaml");
    if let Ok(doc) = handout::model::parse_source(path, "fuzz", data, Limits::default()) {
        let n = data.len();
        let paper = [PaperSize::A4, PaperSize::Letter, PaperSize::A5][n % 3];
        let imposition = [Imposition::Single, Imposition::TwoColumn, Imposition::TriFold][(n / 3) % 3];
        let form = PrintForm::new(paper, (n / 9) % 4 == 0, imposition);
        let _ = handout::build::render(&doc, &Style::for_form(&form), &Geometry::for_form(&form));
    }
});
