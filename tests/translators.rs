//! The translator's workflow through the command line, on copies of the ketamine
//! handout: PO files are checked before they are imported, carry the labels and the
//! terms, `i18n status` says "ready" only for a leaflet that builds, and every
//! character no font has is listed in one run.

mod support;

use std::path::{Path, PathBuf};

/// `to/<name>/` holding the ketamine handout's English source and the German and
/// French translations.
fn copy_handout(to: &Path, name: &str) -> PathBuf {
    let dir = to.join(name);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for f in ["en.yaml", "de.yaml", "fr.yaml"] {
        std::fs::copy(Path::new("handouts/ketamine").join(f), dir.join(f)).expect("copy");
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or("")
}

use support::run;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("read")
}

/// Exports `locale` of the handout in `dir` to `<tmp>/<locale>.po`; returns its path.
fn export(dir: &Path, locale: &str) -> PathBuf {
    let po = dir.parent().expect("parent").join(format!("{locale}.po"));
    let (code, _, err) = run(&["i18n", "export", s(dir), "-l", locale, "-o", s(&po)]);
    assert_eq!(code, 0, "{err}");
    po
}

/// Imports `po` into `locale`, expecting it to be refused: returns stderr and checks
/// that the translation file was not touched.
fn refused(dir: &Path, locale: &str, po: &Path) -> String {
    let yaml = dir.join(format!("{locale}.yaml"));
    let before = read(&yaml);
    let (code, out, err) = run(&["i18n", "import", s(dir), "-l", locale, s(po)]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(!out.contains("imported"), "{out}");
    assert_eq!(
        read(&yaml),
        before,
        "a refused import changed {locale}.yaml"
    );
    err
}

// ---- item 1: import checks what it imports -------------------------------------------

#[test]
fn po_import_refuses_a_file_in_another_language() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let po = export(&dir, "de");
    let err = refused(&dir, "fr", &po);
    assert_eq!(
        err,
        format!(
            "error: the PO file is in `de` (its Language header), but it is being imported into `fr`\n  \
             --> {}:10:1\n   |\n10 | \"Language: de\\n\"\n   | ^\n  \
             = help: import it with `-l de` if that is its language; to translate into `fr`, export with `handout i18n export {} -l fr -o fr.po`\n",
            po.display(),
            dir.display()
        )
    );
    // gettext's spelling of a tag (`de_AT`, any case) is the same language.
    std::fs::write(
        dir.join("de-AT.yaml"),
        read(&dir.join("de.yaml")).replace("language: de\n", "language: de-AT\n"),
    )
    .expect("write");
    let po = export(&dir, "de-AT");
    std::fs::write(&po, read(&po).replace("Language: de-AT", "Language: DE_at")).expect("write");
    let (code, _, err) = run(&["i18n", "import", s(&dir), "-l", "de-AT", s(&po)]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn po_import_refuses_a_file_without_a_language() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let po = export(&dir, "de");
    std::fs::write(&po, read(&po).replace("\"Language: de\\n\"\n", "")).expect("write");
    let err = refused(&dir, "de", &po);
    assert_eq!(
        err,
        format!(
            "error: the PO file does not say its language (no Language header, or an empty one)\n  \
             --> {}:3:1\n  |\n3 | msgid \"\"\n  | ^\n  \
             = help: if this file is the `de` translation, add the line \"Language: de\\n\" to the header (the msgstr of msgid \"\")\n",
            po.display()
        )
    );
}

#[test]
fn po_import_refuses_a_file_from_another_handout() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let other = copy_handout(&tmp.path().join("elsewhere"), "aspirin");
    let po = export(&other, "de");
    // A translator's edit in the other handout's file must not reach this one.
    std::fs::write(
        &po,
        read(&po).replace("msgstr \"Was ist Ketamin?\"", "msgstr \"Was ist Aspirin?\""),
    )
    .expect("write");
    let err = refused(&dir, "de", &po);
    assert_eq!(
        err,
        format!(
            "error: the PO file is from handout `aspirin` (its X-Handout header), not `ketamine`\n  \
             --> {}:14:1\n   |\n14 | \"X-Handout: aspirin\\n\"\n   | ^\n  \
             = help: import it into the handout `aspirin`; to translate `ketamine`, export with `handout i18n export {} -l de -o de.po`\n",
            po.display(),
            dir.display()
        )
    );
}

#[test]
fn po_import_refuses_entries_the_source_does_not_have_and_takes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let po = export(&dir, "de");
    let text = read(&po)
        // A good edit in the same file is not taken either: all or nothing.
        .replace(
            "msgstr \"Was ist Ketamin?\"",
            "msgstr \"Was ist eigentlich Ketamin?\"",
        )
        + "\nmsgctxt \"no-such-section.1\"\nmsgid \"Gone\"\nmsgstr \"Weg\"\n";
    std::fs::write(&po, &text).expect("write");
    let line = text.lines().count() - 2;
    let err = refused(&dir, "de", &po);
    assert_eq!(
        err,
        format!(
            "error: msgctxt `no-such-section.1` is not a text of handout `ketamine`: the source has no such entry\n  \
             --> {}:{line}:1\n    |\n{line} | msgctxt \"no-such-section.1\"\n    | ^\n  \
             = help: remove this entry from the PO file; it comes from an older version of the handout or from another file\n",
            po.display()
        )
    );
}

// ---- item 2: header fields, labels and terms -------------------------------------------

#[test]
fn po_export_has_the_standard_header_fields() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let po = read(&export(&dir, "fr"));
    let header = "# The fr translation of handout `ketamine`.\n\
        # Keep the Language and X-Handout lines: import checks them.\n\
        msgid \"\"\nmsgstr \"\"\n\
        \"Project-Id-Version: ketamine 1.0\\n\"\n\
        \"POT-Creation-Date: 2026-11-25 00:00+0000\\n\"\n\
        \"PO-Revision-Date: 2026-11-25 00:00+0000\\n\"\n\
        \"Last-Translator: Machine-assisted draft, back-translation checked\\n\"\n\
        \"Language-Team: fr\\n\"\n\
        \"Language: fr\\n\"\n\
        \"MIME-Version: 1.0\\n\"\n\
        \"Content-Type: text/plain; charset=UTF-8\\n\"\n\
        \"Content-Transfer-Encoding: 8bit\\n\"\n\
        \"X-Handout: ketamine\\n\"\n\nmsgctxt \"title\"\n";
    assert!(po.starts_with(header), "{po}");
    // The dates come from the files, never the clock: a second export is identical,
    // and a reviewed translation carries its review date.
    assert_eq!(read(&export(&dir, "fr")), po);
    let fr = dir.join("fr.yaml");
    std::fs::write(
        &fr,
        read(&fr).replace(
            "status: draft\n",
            "status: draft\nreviewed_on: \"2026-12-01\"\n",
        ),
    )
    .expect("write");
    assert!(read(&export(&dir, "fr")).contains("\"PO-Revision-Date: 2026-12-01 00:00+0000\\n\"\n"));
}

#[test]
fn po_export_carries_labels_and_terms_and_round_trips() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let de = dir.join("de.yaml");
    let before = read(&de);
    let po = read(&export(&dir, "de"));
    for entry in [
        "#. Printed on every page while the translation is a draft.\nmsgctxt \"labels.draft_notice\"\nmsgid \"Draft translation — not reviewed\"\nmsgstr \"Übersetzungsentwurf – nicht geprüft\"\n",
        "msgctxt \"labels.revised\"\nmsgid \"Revised\"\nmsgstr \"Überarbeitet\"\n",
        // The German word is the English one: shown as untranslated, kept if left so.
        "#. Left empty, the label stays \"Version\".\nmsgctxt \"labels.version\"\nmsgid \"Version\"\nmsgstr \"\"\n",
        "#. Page numbering in the footer: keep {page} and {pages}, they become the numbers.\nmsgctxt \"labels.page\"\nmsgid \"Page {page} of {pages}\"\nmsgstr \"Seite {page} von {pages}\"\n",
        "msgctxt \"labels.online\"\nmsgid \"Online version\"\nmsgstr \"Online-Version\"\n",
        "msgctxt \"term_forms.ketamine\"\nmsgid \"ketamine\"\nmsgstr \"Ketamin\"\n",
        "msgctxt \"terms\"\nmsgid \"ketamine\\nNMDA\\nN-methyl-D-aspartate\\nfibromyalgia\\nopioid\\nopioids\"\nmsgstr \"Ketamin\\nNMDA\\nN-Methyl-D-Aspartat\\nFibromyalgie\\nOpioide\\nOpioiden\\nOpioidrezeptoren\"\n",
    ] {
        assert!(po.contains(entry), "no {entry:?} in\n{po}");
    }
    // Export, then import: the translation file comes back byte for byte.
    let file = tmp.path().join("de.po");
    let (code, out, err) = run(&["i18n", "import", s(&dir), "-l", "de", s(&file)]);
    assert_eq!(code, 0, "{err}");
    // 24 texts, 9 labels (one left in English), the terms, 5 term forms (NMDA is
    // written as in the source).
    assert_eq!(out, format!("imported 39 entries into {}\n", de.display()));
    assert_eq!(read(&de), before);
}

#[test]
fn a_translator_working_only_in_po_ships_translated_labels_and_terms() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let de = dir.join("de.yaml");
    // The state `i18n init` leaves labels and terms in: English labels, no terms.
    let yaml = read(&de);
    let start = yaml.find("labels:\n").expect("labels");
    let end = yaml.find("entries:\n").expect("entries");
    let english = "labels:\n  draft_notice: \"Draft translation — not reviewed\"\n  revised: \"Revised\"\n  version: \"Version\"\n  page: \"Page {page} of {pages}\"\n  online: \"Online version\"\nterms: []\n";
    std::fs::write(&de, format!("{}{english}{}", &yaml[..start], &yaml[end..])).expect("write");

    let po = export(&dir, "de");
    let mut text = read(&po);
    for (label, german) in [
        ("draft_notice", "Übersetzungsentwurf – nicht geprüft"),
        ("revised", "Überarbeitet"),
        ("page", "Seite {page} von {pages}"),
        ("online", "Online-Version"),
    ] {
        let at = text
            .find(&format!("msgctxt \"labels.{label}\""))
            .expect("label entry");
        let empty = at + text[at..].find("msgstr \"\"").expect("untranslated");
        text.replace_range(empty..empty + 9, &format!("msgstr \"{german}\""));
    }
    // The terms entry (its msgid is the source's list, ending in "opioids").
    text = text.replacen(
        "\\nopioids\"\nmsgstr \"\"",
        "\\nopioids\"\nmsgstr \"Ketamin\\nNMDA\\nN-Methyl-D-Aspartat\"",
        1,
    );
    // How the German text writes each term, for the consistency check of the build.
    for (term, german) in [
        ("ketamine", "Ketamin"),
        ("N-methyl-D-aspartate", "N-Methyl-D-Aspartat"),
        ("fibromyalgia", "Fibromyalgie"),
        ("opioid", "Opioid"),
        ("opioids", "Opioid"),
    ] {
        text = text.replace(
            &format!("msgctxt \"term_forms.{term}\"\nmsgid \"{term}\"\nmsgstr \"\""),
            &format!("msgctxt \"term_forms.{term}\"\nmsgid \"{term}\"\nmsgstr \"{german}\""),
        );
    }
    std::fs::write(&po, text).expect("write");
    let (code, _, err) = run(&["i18n", "import", s(&dir), "-l", "de", s(&po)]);
    assert_eq!(code, 0, "{err}");
    let file: handout::i18n::TranslationFile = serde_yaml::from_str(&read(&de)).expect("parse");
    assert_eq!(file.terms, ["Ketamin", "NMDA", "N-Methyl-D-Aspartat"]);
    assert_eq!(file.term_forms["opioids"], ["Opioid"]);
    assert!(!file.term_forms.contains_key("NMDA"));
    assert_eq!(file.labels.page, "Seite {page} von {pages}");

    let out = tmp.path().join("out");
    let (code, _, err) = run(&["build", s(&dir), "-l", "de", "-o", s(&out), "-q"]);
    assert_eq!(code, 0, "{err}");
    let pdf = support::load(&std::fs::read(out.join("ketamine.de.pdf")).expect("pdf"));
    let pages = support::pages(&pdf);
    let furniture: Vec<&support::Glyph> = pages[0].glyphs.iter().filter(|g| g.artifact).collect();
    let furniture = support::text_of(&furniture);
    // The notice is content on the first page (it is read there), furniture after.
    let content = support::content_text(&pdf);
    assert!(
        content.starts_with("Übersetzungsentwurf – nicht geprüft"),
        "{content}"
    );
    for want in [
        "Überarbeitet 25. November 2026",
        &format!("Seite 1 von {}", pages.len()),
    ] {
        assert!(furniture.contains(want), "no {want:?} in\n{furniture}");
    }
    let content = support::content_text(&pdf);
    assert!(content.contains("Online-Version: https://"), "{content}");
    assert!(!content.contains("Online version"), "{content}");
}

// ---- items 3 and 4: ready means it builds; every missing character at once --------

/// The ketamine handout with characters no font has: a test tube twice in one
/// heading and once in another, a snowman in a label, and a private-use character
/// (invisible on a terminal) in a paragraph.
fn with_missing_characters(dir: &Path) {
    let de = dir.join("de.yaml");
    let text = read(&de)
        .replace(
            "\"Was ist Ketamin?\"",
            "\"Was ist Ketamin \u{1F9EA}? \u{1F9EA}\"",
        )
        .replace("\"Wie wirkt Ketamin?\"", "\"Wie wirkt Ketamin \u{1F9EA}?\"")
        .replace("\"Online-Version\"", "\"Online-Version \u{13A0}\"")
        .replace("text: \"Ketamin ist ein", "text: \"\u{E000}Ketamin ist ein");
    std::fs::write(&de, text).expect("write");
}

#[test]
fn every_character_no_font_has_is_listed_in_one_build() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    with_missing_characters(&dir);
    let out = tmp.path().join("out");
    let (code, _, err) = run(&["build", s(&dir), "-l", "de", "-o", s(&out), "-q"]);
    assert_eq!(code, 1, "{err}");
    let de = dir.join("de.yaml").display().to_string();
    let expected = format!(
        "error: character U+1F9EA '\u{1F9EA}' is not in any font for language `de`; it occurs in 3 places:\n         \
         {de}:41:28 (entry `what-is-ketamine.heading`)\n         \
         {de}:41:31 (entry `what-is-ketamine.heading`)\n         \
         {de}:49:30 (entry `how-does-it-work.heading`)\n  \
         --> {de}:41:28\n   |\n41 |     text: \"Was ist Ketamin \u{1F9EA}? \u{1F9EA}\"\n   |                            ^\n  \
         = help: replace the character, or give the clinic a font that has it (Common script): put the .ttf or .otf file beside clinic.yaml and name it there, e.g. `fonts: [{{file: MyFont-Regular.ttf, scripts: [Zyyy]}}]` (no rebuild of the program needed; see README, \"Clinic fonts\")\n\n\
         error: character U+E000 '\\u{{E000}}' is not in any font for language `de` (entry `what-is-ketamine.1`)\n  \
         --> {de}:45:12\n"
    );
    assert!(err.starts_with(&expected), "{err}");
    assert!(
        err.contains(&format!(
            "error: character U+13A0 '\u{13A0}' is not in any font for language `de` (label `online`)\n  --> {de}:12:27\n"
        )),
        "{err}"
    );
    assert_eq!(err.matches("error: ").count(), 3, "{err}");
    support::no_pdf_in(&out);
}

#[test]
fn status_is_ready_only_for_a_leaflet_that_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    with_missing_characters(&dir);
    let (code, json, err) = run(&["i18n", "status", s(&dir), "--json"]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    let row = |l: &str| {
        rows.as_array()
            .and_then(|r| r.iter().find(|r| r["locale"] == l))
            .expect("row")
            .clone()
    };
    let de_path = dir.join("de.yaml").display().to_string();
    let de = row("de");
    assert_eq!(de["translated"], 24);
    assert_eq!(de["ready"], false);
    assert_eq!(
        de["problems"],
        serde_json::json!([
            format!("{de_path}:41:28: character U+1F9EA '\u{1F9EA}' is not in any font for language `de`; it occurs in 3 places: {de_path}:41:28 (entry `what-is-ketamine.heading`); {de_path}:41:31 (entry `what-is-ketamine.heading`); {de_path}:49:30 (entry `how-does-it-work.heading`)"),
            format!("{de_path}:45:12: character U+E000 '\\u{{E000}}' is not in any font for language `de` (entry `what-is-ketamine.1`)"),
            format!("{de_path}:12:27: character U+13A0 '\u{13A0}' is not in any font for language `de` (label `online`)"),
        ])
    );
    for l in ["en", "fr"] {
        assert_eq!(row(l)["ready"], true, "{l}");
        assert_eq!(row(l)["problems"], serde_json::json!([]), "{l}");
    }
    let (_, table, _) = run(&["i18n", "status", s(&dir)]);
    assert!(
        table.contains(&format!("    not ready: {de_path}:12:27: character U+13A0 '\u{13A0}' is not in any font for language `de` (label `online`)\n")),
        "{table}"
    );
    let de_line = table
        .lines()
        .find(|l| l.starts_with("ketamine         de "))
        .expect("de line");
    assert!(de_line.ends_with(" no"), "{table}");
}

// ---- item 5: the source language is not a translation --------------------------------

#[test]
fn translation_commands_on_the_source_language_say_it_is_the_source() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let message = format!(
        "error: `en` is the source language of handout `ketamine` ({}), not a translation: export, import and accept work on translations; its translations are: de, fr\n",
        dir.join("en.yaml").display()
    );
    let po = tmp.path().join("x.po");
    std::fs::write(&po, "").expect("write");
    for args in [
        vec!["i18n", "export", s(&dir), "-l", "en"],
        vec!["i18n", "import", s(&dir), "-l", "en", s(&po)],
        vec!["i18n", "accept", s(&dir), "-l", "en"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(err, message, "{args:?}");
    }
    let (code, _, err) = run(&["i18n", "export", s(&dir), "-l", "pt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "error: handout `ketamine` has no translation `pt`; its translations are: de, fr (start a new one with `handout i18n init {} -l pt`)\n",
            dir.display()
        )
    );
}

#[test]
fn importing_one_entry_says_one_entry() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let full = read(&export(&dir, "de"));
    // The header block and the title's entry only.
    let blocks: Vec<&str> = full.split("\n\n").collect();
    let title = blocks
        .iter()
        .find(|b| b.contains("msgctxt \"title\""))
        .expect("title entry");
    let po = tmp.path().join("one.po");
    std::fs::write(&po, format!("{}\n\n{title}\n", blocks[0])).expect("write");
    let (code, out, err) = run(&["i18n", "import", s(&dir), "-l", "de", s(&po)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("imported 1 entry into {}\n", dir.join("de.yaml").display())
    );
}

#[test]
fn a_page_label_that_would_drop_the_page_numbers_is_refused_where_it_is() {
    // "Seite von" would print a footer without numbers, and no check read it.
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = copy_handout(tmp.path(), "ketamine");
    let de = dir.join("de.yaml");
    let text = read(&de);
    let at = text
        .find("Seite {page} von {pages}")
        .expect("German page label");
    let line = text[..at].lines().count();
    std::fs::write(&de, text.replace("Seite {page} von {pages}", "Seite von")).expect("write");
    let out = tmp.path().join("out");
    let (code, _, err) = run(&["build", s(&dir), "-l", "de", "-o", s(&out), "-q"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the label `page` has `{page}` 0 times instead of once")
            && err.contains("the label `page` has `{pages}` 0 times instead of once")
            && err.contains(&format!("de.yaml:{line}:")),
        "{err}"
    );
    support::cli::no_pdf_in(&out);
}
