//! The translator workflow through the command line, on a copy of the ketamine
//! handout: a stale entry fails the build until accepted, missing entries and
//! unknown locales are errors, `i18n init` and the PO round trip, and a character
//! no font has names the locale, file and line.

mod support;

use std::path::{Path, PathBuf};
use support::run;

fn copy_handout(to: &Path) -> PathBuf {
    let dir = to.join("ketamine");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for f in ["en.yaml", "de.yaml"] {
        std::fs::copy(Path::new("handouts/ketamine").join(f), dir.join(f)).expect("copy");
    }
    dir
}

#[test]
fn stale_translation_fails_until_accepted() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path());
    let d = dir.to_str().unwrap_or("");
    let out = tmp.path().join("out");
    let o = out.to_str().unwrap_or("");
    let en = dir.join("en.yaml");
    let text = std::fs::read_to_string(&en).expect("read");
    std::fs::write(
        &en,
        text.replace("How does ketamine work?", "How does ketamine act?"),
    )
    .expect("write");

    let (code, _, err) = run(&["build", d, "-l", "de", "-o", o]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`how-does-it-work.heading` in de.yaml is stale"),
        "{err}"
    );
    assert!(
        err.contains("How does ketamine work?") && err.contains("How does ketamine act?"),
        "{err}"
    );
    assert!(err.contains("de.yaml:"), "{err}");
    support::no_pdf_in(&out);

    let (_, json, _) = run(&["i18n", "status", d, "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    let de = rows
        .as_array()
        .and_then(|r| r.iter().find(|r| r["locale"] == "de"))
        .expect("de row")
        .clone();
    assert_eq!(de["stale"], serde_json::json!(["how-does-it-work.heading"]));
    assert_eq!(de["ready"], serde_json::json!(false));

    let (code, stdout, err) = run(&[
        "i18n",
        "accept",
        d,
        "-l",
        "de",
        "--entry",
        "how-does-it-work.heading",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("accepted how-does-it-work.heading"));
    let (code, _, err) = run(&["build", d, "-l", "de", "-o", o]);
    assert_eq!(code, 0, "{err}");
    assert!(out.join("ketamine.de.pdf").is_file());
}

#[test]
fn missing_entries_and_unknown_locales_are_errors() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path());
    let d = dir.to_str().unwrap_or("");
    let o = tmp.path().join("out");
    let de = dir.join("de.yaml");
    let text = std::fs::read_to_string(&de).expect("read");
    let start = text.find("  \"what-is-ketamine.1\":").expect("entry");
    let end = start + text[start..].find("    text:").expect("text");
    let end = end + text[end..].find('\n').expect("eol") + 1;
    std::fs::write(&de, format!("{}{}", &text[..start], &text[end..])).expect("write");
    let (code, _, err) = run(&["build", d, "-l", "de", "-o", o.to_str().unwrap_or("")]);
    assert_eq!(code, 1);
    assert!(
        err.contains("the translation of `what-is-ketamine.1` is missing in de.yaml"),
        "{err}"
    );
    assert!(
        err.contains("translate: Ketamine is a dissociative"),
        "{err}"
    );

    let (code, _, err) = run(&["build", d, "-l", "pt", "-o", o.to_str().unwrap_or("")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown locale `pt`") && err.contains("de, en"),
        "{err}"
    );
}

#[test]
fn init_creates_every_entry_and_building_it_fails_until_translated() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path());
    let d = dir.to_str().unwrap_or("");
    let (code, out, err) = run(&["i18n", "init", d, "-l", "pt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("pt.yaml"));
    let file: handout::i18n::TranslationFile =
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("pt.yaml")).expect("read"))
            .expect("parse");
    assert_eq!(file.entries.len(), 24);
    // The program's own Portuguese labels come filled in (translated once for
    // every handout); the translator may still reword them.
    assert_eq!(file.labels.online, "Versão on-line");
    assert_eq!(file.labels.language_name, "Português");
    // In a language the program has no labels for, every label is there to
    // translate; the language's own name is left empty (`handout site` names it
    // until it is filled), never "English".
    let (code, _, err) = run(&["i18n", "init", d, "-l", "sw"]);
    assert_eq!(code, 0, "{err}");
    let sw = std::fs::read_to_string(dir.join("sw.yaml")).expect("read");
    let sw_file: handout::i18n::TranslationFile = serde_yaml::from_str(&sw).expect("parse");
    assert_eq!(sw_file.labels.online, "Online version");
    assert_eq!(sw_file.labels.language_name, "");
    assert!(sw.contains("  language_name: \"\"\n"));
    let (_, status, _) = run(&["i18n", "status", d]);
    assert!(
        status.contains("web page: missing labels.language_name"),
        "{status}"
    );
    std::fs::remove_file(dir.join("sw.yaml")).expect("rm");
    assert!(file
        .entries
        .values()
        .all(|e| e.text.is_empty() && e.fingerprint.len() == 10));
    let (code, _, err) = run(&[
        "build",
        d,
        "-l",
        "pt",
        "-o",
        tmp.path().join("o").to_str().unwrap_or(""),
    ]);
    assert_eq!(code, 1);
    assert_eq!(err.matches("is missing in pt.yaml").count(), 24, "{err}");
}

#[test]
fn po_export_import_round_trips() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path());
    let d = dir.to_str().unwrap_or("");
    let before = std::fs::read_to_string(dir.join("de.yaml")).expect("read");
    let po = tmp.path().join("de.po");
    let (code, _, err) = run(&[
        "i18n",
        "export",
        d,
        "-l",
        "de",
        "-o",
        po.to_str().unwrap_or(""),
    ]);
    assert_eq!(code, 0, "{err}");
    let po_text = std::fs::read_to_string(&po).expect("po");
    assert!(po_text.contains("msgctxt \"what-is-ketamine.heading\"\nmsgid \"What is ketamine?\"\nmsgstr \"Was ist Ketamin?\""));
    let (code, _, err) = run(&["i18n", "import", d, "-l", "de", po.to_str().unwrap_or("")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("de.yaml")).expect("read"),
        before
    );

    // A translator's edit in the PO comes back into the YAML.
    std::fs::write(
        &po,
        po_text.replace(
            "msgstr \"Was ist Ketamin?\"",
            "msgstr \"Was ist eigentlich Ketamin?\"",
        ),
    )
    .expect("write");
    run(&["i18n", "import", d, "-l", "de", po.to_str().unwrap_or("")]);
    let after = std::fs::read_to_string(dir.join("de.yaml")).expect("read");
    assert!(after.contains("Was ist eigentlich Ketamin?"));
}

#[test]
fn a_character_no_font_has_names_locale_file_and_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path());
    let de = dir.join("de.yaml");
    let text = std::fs::read_to_string(&de).expect("read");
    std::fs::write(
        &de,
        text.replace("Was ist Ketamin?", "Was ist Ketamin \u{1F9EA}?"),
    )
    .expect("write");
    let (code, _, err) = run(&[
        "build",
        dir.to_str().unwrap_or(""),
        "-l",
        "de",
        "-o",
        tmp.path().join("o").to_str().unwrap_or(""),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("U+1F9EA") && err.contains("language `de`"),
        "{err}"
    );
    assert!(
        err.contains("de.yaml:") && err.contains("what-is-ketamine.heading"),
        "{err}"
    );
}
