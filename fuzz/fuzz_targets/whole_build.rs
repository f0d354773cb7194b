//! The whole pipeline: YAML bytes → document → layout → PDF bytes.
#![no_main]
use handout::layout::Style;
use handout::model::Limits;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz/en.yaml");
    if let Ok(doc) = handout::model::parse_source(path, "fuzz", data, Limits::default()) {
        let _ = handout::build::build(&doc, &Style::default());
    }
});
