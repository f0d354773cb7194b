//! The YAML loader on arbitrary bytes: source and translation files.
#![no_main]
use handout::model::Limits;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz/en.yaml");
    let _ = handout::model::parse_source(path, "fuzz", data, Limits::default());
    let _ = handout::model::load::parse::<handout::i18n::TranslationFile>(path, data, Limits::default());
});
