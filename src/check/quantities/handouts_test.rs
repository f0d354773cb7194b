//! The shipped translations say the same numbers as their source: for every entry of every
//! `handouts/*/<locale>.yaml`, the multiset of (value, unit, per) of `text` equals that of
//! `source`. No exceptions were needed (the one number, "over 50 years", reads as 50 years
//! in all 32 translations).

use super::{quantities, Unit};
use crate::model::Language;
use std::path::Path;

type Key = (String, Option<Unit>, Option<Unit>);

fn keys(language: &Language, text: &str) -> Vec<Key> {
    let mut keys: Vec<Key> = quantities(language, text)
        .into_iter()
        .map(|q| (q.value, q.unit, q.per))
        .collect();
    keys.sort();
    keys
}

#[test]
fn every_translation_says_the_numbers_of_its_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("handouts");
    let english = Language::new("en");
    let mut files = 0;
    let mut with_numbers = 0;
    let mut mismatches = Vec::new();
    let mut handouts: Vec<_> = std::fs::read_dir(&root)
        .expect("handouts/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    handouts.sort();
    for handout in handouts {
        let mut paths: Vec<_> = std::fs::read_dir(&handout)
            .expect("handout folder is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        paths.sort();
        for path in paths {
            let yaml: serde_yaml::Value =
                serde_yaml::from_str(&std::fs::read_to_string(&path).expect("readable"))
                    .expect("valid YAML");
            let Some(entries) = yaml.get("entries").and_then(|e| e.as_mapping()) else {
                continue; // the source file itself
            };
            let tag = yaml["language"].as_str().expect("a language tag");
            let language = Language::new(tag);
            files += 1;
            for (id, entry) in entries {
                let source = entry["source"].as_str().unwrap_or("");
                let text = entry["text"].as_str().unwrap_or("");
                let expected = keys(&english, source);
                let actual = keys(&language, text);
                with_numbers += usize::from(!expected.is_empty());
                if expected != actual {
                    mismatches.push(format!(
                        "{} {:?}: source {expected:?} vs text {actual:?}\n  {text}",
                        path.display(),
                        id.as_str().unwrap_or("?")
                    ));
                }
            }
        }
    }
    assert!(files >= 32, "found only {files} translation files");
    assert!(
        with_numbers >= 32,
        "only {with_numbers} entries with numbers"
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
