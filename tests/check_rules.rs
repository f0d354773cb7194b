//! Every rule of `handout check` with a failing case (the rule fires, at its entry
//! and line where it has one) and a passing case (the same input with the mistake
//! fixed: the rule is silent), run through the command line on a small handout
//! written here: an English source and, for the translation rules, a German
//! translation made with `handout i18n init`.
//!
//! Three layout rules cannot fire on any input with the shipped styles (no text is
//! set under 9 pt or closer than 3 mm, and clinic.yaml refuses an accent colour under
//! 4.5:1); they are tested on hand-made page models in `src/check/guidelines.rs`.
//! [`every_rule_is_tested`] fails when a rule is added without a test here or there.

mod support;

use serde_json::Value;
use std::path::PathBuf;
use support::cli;

/// The rules tested in this file, through the command line.
const TESTED_HERE: &[&str] = &[
    "translation-incomplete",
    "number-mismatch",
    "unit-mismatch",
    "term-missing",
    "url-mismatch",
    "phone-mismatch",
    "email-mismatch",
    "emphasis-mismatch",
    "list-mismatch",
    "reading-grade",
    "long-sentence",
    "not-scored",
    "emphasis-style",
    "line-length",
    "revision-date",
    "review-age",
    "placeholder",
    "untranslated",
    "wrong-language",
    "empty-section",
    "duplicate-sentence",
    "vague-link",
];

/// The rules no input reaches through the command line, tested on hand-made page
/// models by the unit tests of `src/check/guidelines.rs`.
const TESTED_ON_PAGE_MODELS: &[&str] = &["body-size", "line-spacing", "contrast"];

/// A clean source: no rule fires on it (readability grade 6, short sentences).
const SOURCE: &str = r#"language: en
title: Ketamine at home
revised: 2026-11-25
version: "1.0"
terms: [ketamine]
sections:
  - id: dose
    heading: Your dose
    body:
      - "Take **5 mg** of ketamine each morning with water."
      - "If you feel unwell, call us on 0123 456 789 or write to help@example.org."
      - "Our [ketamine page](https://example.org/ketamine) has more advice."
  - id: effects
    heading: Side effects
    body:
      - "You may feel:"
      - list:
          - dizzy,
          - sleepy,
          - sick.
"#;

/// The German text of each entry of [`SOURCE`].
const GERMAN: &[(&str, &str)] = &[
    ("title", "Ketamin zu Hause"),
    ("dose.heading", "Ihre Dosis"),
    (
        "dose.1",
        "Nehmen Sie jeden Morgen **5 mg** Ketamin mit Wasser ein.",
    ),
    (
        "dose.2",
        "Wenn es Ihnen nicht gut geht, rufen Sie uns unter 0123 456 789 an oder schreiben Sie an help@example.org.",
    ),
    (
        "dose.3",
        "Mehr steht auf unserer [Seite über Ketamin](https://example.org/ketamine).",
    ),
    ("effects.heading", "Nebenwirkungen"),
    ("effects.1", "Sie können sich so fühlen:"),
    ("effects.2.1", "schwindlig,"),
    ("effects.2.2", "müde,"),
    ("effects.2.3", "übel."),
];

/// A handout folder `ketamine` in a temporary folder (which may also hold the
/// clinic's `clinic.yaml`).
struct Handout {
    tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Handout {
    /// The English source alone.
    fn english() -> Handout {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("ketamine");
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("en.yaml"), SOURCE).expect("write");
        Handout { tmp, dir }
    }

    /// The source and its complete German translation.
    fn german() -> Handout {
        let h = Handout::english();
        let r = cli(["i18n", "init", h.dir.to_str().unwrap_or(""), "-l", "de"]).run();
        assert!(r.success(), "{}", r.stderr);
        let path = h.file("de");
        let yaml = std::fs::read_to_string(&path).expect("read");
        let mut lines: Vec<String> = yaml.lines().map(str::to_string).collect();
        for (id, text) in GERMAN {
            let start = lines
                .iter()
                .position(|l| l.trim() == format!("\"{id}\":"))
                .unwrap_or_else(|| panic!("entry {id} in de.yaml"));
            let at = (start..lines.len())
                .find(|&i| lines[i].trim() == "text: \"\"")
                .expect("an empty text");
            lines[at] = format!("    text: {}", serde_json::json!(text));
        }
        let yaml = lines.join("\n").replace(
            "terms: []",
            "terms: [Ketamin]\nterm_forms:\n  ketamine: [Ketamin]",
        ) + "\n";
        std::fs::write(&path, yaml).expect("write");
        h
    }

    fn file(&self, locale: &str) -> PathBuf {
        self.dir.join(format!("{locale}.yaml"))
    }

    /// Replaces `from` (which occurs once in `locale`'s file) by `to`; returns the
    /// 1-based line where it was.
    fn edit(&self, locale: &str, from: &str, to: &str) -> usize {
        let path = self.file(locale);
        let yaml = std::fs::read_to_string(&path).expect("read");
        assert_eq!(yaml.matches(from).count(), 1, "{from} once in {yaml}");
        let at = yaml.find(from).unwrap_or(0);
        std::fs::write(&path, yaml.replacen(from, to, 1)).expect("write");
        yaml[..at].matches('\n').count() + 1
    }

    /// Writes the clinic's settings beside the handout folder.
    fn clinic(&self, yaml: &str) {
        std::fs::write(self.tmp.path().join("clinic.yaml"), yaml).expect("write");
    }

    /// `handout check` in JSON, judging dates by 2026-12-02 unless `args` say.
    fn check(&self, args: &[&str]) -> Value {
        let mut cmd =
            cli(["check", self.dir.to_str().unwrap_or(""), "--format", "json"]).args(args);
        if !args.contains(&"--today") {
            cmd = cmd.args(["--today", "2026-12-02"]);
        }
        let r = cmd.run();
        serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("JSON ({e}): {}\n{}", r.stdout, r.stderr))
    }

    fn check_en(&self) -> Value {
        self.check(&["-l", "en"])
    }

    fn check_de(&self) -> Value {
        self.check(&["-l", "de"])
    }
}

/// The findings of rule `name` in a JSON report.
fn findings<'a>(report: &'a Value, name: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["name"] == name).collect())
        .unwrap_or_default()
}

/// Asserts that rule `name` fires once, at entry `entry` on line `line` of `locale`'s
/// file; returns the finding.
fn fires_at<'a>(
    report: &'a Value,
    name: &str,
    locale: &str,
    entry: &str,
    line: usize,
) -> &'a Value {
    let found = findings(report, name);
    assert_eq!(found.len(), 1, "one {name} in {report:#}");
    let f = found[0];
    assert_eq!(f["entry"], entry, "{f:#}");
    assert_eq!(f["line"], line, "{f:#}");
    let file = format!("{locale}.yaml");
    assert!(
        f["file"].as_str().is_some_and(|p| p.ends_with(&file)),
        "{f:#}"
    );
    f
}

/// Asserts that rule `name` does not fire.
fn silent(report: &Value, name: &str) {
    let found = findings(report, name);
    assert!(found.is_empty(), "no {name}: {found:#?}");
}

#[test]
fn the_clean_handout_has_no_finding() {
    let h = Handout::german();
    for report in [h.check_en(), h.check_de()] {
        assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    }
}

// Translation (HC1xx).

#[test]
fn translation_incomplete_fires_on_an_empty_entry() {
    let h = Handout::german();
    h.edit("de", "\"müde,\"", "\"\"");
    let report = h.check_de();
    let found = findings(&report, "translation-incomplete");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["severity"], "error");
    assert!(found[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("effects.2.2")));
}

#[test]
fn translation_incomplete_is_silent_on_a_complete_translation() {
    silent(&Handout::german().check_de(), "translation-incomplete");
}

#[test]
fn number_mismatch_fires_on_a_changed_dose() {
    let h = Handout::german();
    let line = h.edit("de", "**5 mg** Ketamin", "**50 mg** Ketamin");
    fires_at(&h.check_de(), "number-mismatch", "de", "dose.1", line);
}

#[test]
fn number_mismatch_is_silent_on_the_same_dose() {
    silent(&Handout::german().check_de(), "number-mismatch");
}

#[test]
fn unit_mismatch_fires_on_a_changed_unit() {
    let h = Handout::german();
    let line = h.edit("de", "**5 mg** Ketamin", "**5 g** Ketamin");
    fires_at(&h.check_de(), "unit-mismatch", "de", "dose.1", line);
}

#[test]
fn unit_mismatch_is_silent_on_the_same_unit() {
    silent(&Handout::german().check_de(), "unit-mismatch");
}

#[test]
fn term_missing_fires_on_a_lost_drug_name() {
    let h = Handout::german();
    let line = h.edit("de", "**5 mg** Ketamin", "**5 mg** davon");
    let report = h.check_de();
    let f = fires_at(&report, "term-missing", "de", "dose.1", line);
    assert!(f["message"]
        .as_str()
        .is_some_and(|m| m.contains("ketamine")));
}

#[test]
fn term_missing_is_silent_on_the_term_as_the_translation_writes_it() {
    // "Ketamin" is the German form of the term, from `term_forms`.
    silent(&Handout::german().check_de(), "term-missing");
}

#[test]
fn url_mismatch_fires_on_a_changed_link_target() {
    let h = Handout::german();
    let line = h.edit(
        "de",
        "(https://example.org/ketamine).",
        "(https://example.org/ketamin).",
    );
    fires_at(&h.check_de(), "url-mismatch", "de", "dose.3", line);
}

#[test]
fn url_mismatch_is_silent_on_the_same_link_target() {
    silent(&Handout::german().check_de(), "url-mismatch");
}

#[test]
fn phone_mismatch_fires_on_a_changed_digit() {
    let h = Handout::german();
    let line = h.edit("de", "0123 456 789 an", "0123 456 788 an");
    fires_at(&h.check_de(), "phone-mismatch", "de", "dose.2", line);
}

#[test]
fn phone_mismatch_is_silent_on_the_same_number() {
    silent(&Handout::german().check_de(), "phone-mismatch");
}

#[test]
fn email_mismatch_fires_on_a_translated_address() {
    let h = Handout::german();
    let line = h.edit("de", "an help@example.org", "an hilfe@example.org");
    fires_at(&h.check_de(), "email-mismatch", "de", "dose.2", line);
}

#[test]
fn email_mismatch_is_silent_on_the_same_address() {
    silent(&Handout::german().check_de(), "email-mismatch");
}

#[test]
fn emphasis_mismatch_fires_on_a_lost_bold() {
    let h = Handout::german();
    let line = h.edit("de", "**5 mg** Ketamin", "5 mg Ketamin");
    fires_at(&h.check_de(), "emphasis-mismatch", "de", "dose.1", line);
}

#[test]
fn emphasis_mismatch_is_silent_on_the_same_bold() {
    silent(&Handout::german().check_de(), "emphasis-mismatch");
}

#[test]
fn list_mismatch_fires_on_a_repeated_item() {
    let h = Handout::german();
    let line = h.edit("de", "\"übel.\"", "\"müde,\"");
    fires_at(&h.check_de(), "list-mismatch", "de", "effects.2.3", line);
}

#[test]
fn list_mismatch_is_silent_on_distinct_items() {
    silent(&Handout::german().check_de(), "list-mismatch");
}

// Readability (HC2xx).

/// The first paragraph of the source in words that need a higher school grade.
const DENSE: &str = "Pharmacological administration of ketamine necessitates meticulous \
    consideration of concomitant medications. Cardiovascular comorbidities require \
    individualised therapeutic monitoring.";

#[test]
fn reading_grade_fires_on_a_dense_section() {
    let h = Handout::english();
    let line = h.edit(
        "en",
        "Take **5 mg** of ketamine each morning with water.",
        DENSE,
    );
    let report = h.check_en();
    let found = findings(&report, "reading-grade");
    // The section, at its first text; and the whole leaflet, which has no line.
    let section = found
        .iter()
        .find(|f| f["entry"] == "dose")
        .unwrap_or_else(|| panic!("the section in {report:#}"));
    assert_eq!(section["line"], line);
    assert_eq!(section["severity"], "warning");
}

#[test]
fn reading_grade_is_silent_on_plain_words() {
    silent(&Handout::english().check_en(), "reading-grade");
}

/// 30 words; with a full stop after "morning", two sentences of 9 and 21.
const LONG: &str = "Take one tablet each morning and one more tablet each night with \
    a glass of water or milk and do not take any more than that on the same day.";

#[test]
fn long_sentence_fires_on_a_sentence_of_30_words() {
    let h = Handout::english();
    let line = h.edit(
        "en",
        "Take **5 mg** of ketamine each morning with water.",
        LONG,
    );
    fires_at(&h.check_en(), "long-sentence", "en", "dose.1", line);
}

#[test]
fn long_sentence_is_silent_on_the_same_words_in_two_sentences() {
    let h = Handout::english();
    h.edit(
        "en",
        "Take **5 mg** of ketamine each morning with water.",
        &LONG.replacen("morning and", "morning. Take", 1),
    );
    silent(&h.check_en(), "long-sentence");
}

/// A one-file handout in `language` with one paragraph `text`.
fn one_file(language: &str, text: &str) -> Value {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join(format!("{language}.yaml"));
    std::fs::write(
        &file,
        format!("language: {language}\ntitle: T\nrevised: 2026-11-25\nversion: \"1.0\"\nsections:\n  - id: a\n    body:\n      - \"{text}\"\n"),
    )
    .expect("write");
    let r = cli(["check", file.to_str().unwrap_or(""), "--format", "json"])
        .args(["--today", "2026-12-02"])
        .run();
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("JSON ({e}): {}", r.stderr))
}

#[test]
fn not_scored_notes_a_language_without_a_formula() {
    let report = one_file("th", "กินยาวันละครั้งตอนเช้า");
    let found = findings(&report, "not-scored");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["severity"], "note");
}

#[test]
fn not_scored_is_silent_on_a_language_with_a_formula() {
    silent(
        &one_file("en", "Take one tablet each morning."),
        "not-scored",
    );
}

// Layout (HC3xx).

#[test]
fn emphasis_style_fires_on_italics_and_on_capitals() {
    let h = Handout::english();
    let line = h.edit("en", "Take **5 mg** of", "Take *5 mg* of");
    fires_at(&h.check_en(), "emphasis-style", "en", "dose.1", line);
    let h = Handout::english();
    let line = h.edit("en", "ketamine each morning", "ketamine EVERY morning");
    let report = h.check_en();
    let f = fires_at(&report, "emphasis-style", "en", "dose.1", line);
    assert!(f["message"].as_str().is_some_and(|m| m.contains("EVERY")));
}

#[test]
fn emphasis_style_is_silent_on_bold() {
    silent(&Handout::english().check_en(), "emphasis-style");
}

/// A paragraph whose lines run to about 86 characters on A4 in one column and 48 in
/// two.
const WIDE: &str = "Take it with a cup of tea or a big glass of cold water. Do not take it \
    if you are sick or if you are due to go to the dentist. If you are not sure, ask \
    us and we will tell you what to do next time. Do not drive a car on the day you \
    take it, and do not use any tools.";

fn wide_paragraph() -> Handout {
    let h = Handout::english();
    h.edit(
        "en",
        "Take **5 mg** of ketamine each morning with water.",
        WIDE,
    );
    h
}

#[test]
fn line_length_fires_on_one_wide_column() {
    let report = wide_paragraph().check(&["-l", "en", "--layout", "single"]);
    let found = findings(&report, "line-length");
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(found[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("the limit is 80")));
    // A clinic's own limit applies to narrower columns too.
    let h = wide_paragraph();
    h.clinic("check:\n  max_line_chars: 40\n");
    let report = h.check(&["-l", "en", "--layout", "two-column"]);
    assert_eq!(findings(&report, "line-length").len(), 1, "{report:#}");
}

#[test]
fn line_length_is_silent_on_two_columns() {
    let report = wide_paragraph().check(&["-l", "en", "--layout", "two-column"]);
    silent(&report, "line-length");
}

#[test]
fn line_spacing_is_silent_on_a_paragraph_that_goes_on_in_the_next_column() {
    // A regression: the lines of one paragraph in two columns of a page were sorted
    // by baseline, so the 2 mm between a line of each column read as line spacing
    // (an error that refused the leaflet). The failing case is in
    // src/check/guidelines.rs: no shipped style sets lines under 3 mm.
    let h = Handout::english();
    let long = "Take it with a cup of tea or a big glass of cold water. ".repeat(40);
    h.edit(
        "en",
        "Take **5 mg** of ketamine each morning with water.",
        long.trim(),
    );
    let report = h.check(&["-l", "en", "--layout", "two-column"]);
    assert_eq!(report["readability"][0]["locale"], "en", "{report:#}");
    silent(&report, "line-spacing");
}

#[test]
fn revision_date_fires_on_a_date_in_the_future() {
    let h = Handout::english();
    let report = h.check(&["-l", "en", "--today", "2026-11-20"]);
    let found = findings(&report, "revision-date");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["line"], 3, "the line of `revised:`");
    assert_eq!(found[0]["severity"], "error");
}

#[test]
fn revision_date_is_silent_on_a_past_date() {
    let h = Handout::english();
    h.edit("en", "revised: 2026-11-25", "revised: 2026-11-01");
    silent(
        &h.check(&["-l", "en", "--today", "2026-11-20"]),
        "revision-date",
    );
}

#[test]
fn review_age_fires_after_three_years() {
    let report = Handout::english().check(&["-l", "en", "--today", "2030-01-01"]);
    let found = findings(&report, "review-age");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["line"], 3);
}

#[test]
fn review_age_is_silent_after_a_review() {
    let h = Handout::english();
    h.edit("en", "revised: 2026-11-25", "revised: 2029-12-01");
    silent(
        &h.check(&["-l", "en", "--today", "2030-01-01"]),
        "review-age",
    );
}

// Hygiene (HC4xx).

#[test]
fn placeholder_fires_on_a_todo() {
    let h = Handout::english();
    let line = h.edit("en", "has more advice.", "has more advice. TODO");
    fires_at(&h.check_en(), "placeholder", "en", "dose.3", line);
}

#[test]
fn placeholder_is_silent_on_written_text() {
    silent(&Handout::english().check_en(), "placeholder");
}

#[test]
fn untranslated_fires_on_the_source_text_copied() {
    let h = Handout::german();
    let line = h.edit(
        "de",
        "Nehmen Sie jeden Morgen **5 mg** Ketamin mit Wasser ein.",
        "Take **5 mg** of ketamine each morning with water.",
    );
    fires_at(&h.check_de(), "untranslated", "de", "dose.1", line);
}

#[test]
fn untranslated_is_silent_on_translated_text() {
    silent(&Handout::german().check_de(), "untranslated");
}

#[test]
fn wrong_language_fires_on_an_english_sentence_in_german() {
    let h = Handout::german();
    let line = h.edit(
        "de",
        "Wenn es Ihnen nicht gut geht, rufen Sie uns unter 0123 456 789 an oder schreiben Sie an help@example.org.",
        "If you are feeling unwell, please phone us at 0123 456 789 or send an e-mail to help@example.org.",
    );
    fires_at(&h.check_de(), "wrong-language", "de", "dose.2", line);
}

#[test]
fn wrong_language_is_silent_on_german() {
    silent(&Handout::german().check_de(), "wrong-language");
}

/// A section `notes` with a heading and the body `body` at the end of the source.
fn with_notes(body: &str) -> (Handout, usize) {
    let h = Handout::english();
    let path = h.file("en");
    let yaml = std::fs::read_to_string(&path).expect("read");
    let heading = yaml.lines().count() + 2;
    std::fs::write(
        &path,
        format!("{yaml}  - id: notes\n    heading: Notes\n    body:\n      - {body}\n"),
    )
    .expect("write");
    (h, heading)
}

#[test]
fn empty_section_fires_on_a_heading_over_an_empty_list() {
    let (h, heading) = with_notes("list: []");
    fires_at(&h.check_en(), "empty-section", "en", "notes", heading);
}

#[test]
fn empty_section_is_silent_on_a_section_with_text() {
    let (h, _) = with_notes("\"Bring this leaflet to each visit.\"");
    silent(&h.check_en(), "empty-section");
}

#[test]
fn duplicate_sentence_fires_on_a_repeated_sentence() {
    let h = Handout::english();
    let line = h.edit(
        "en",
        "has more advice.",
        "has more advice. Take 5 mg of ketamine each morning with water.",
    );
    fires_at(&h.check_en(), "duplicate-sentence", "en", "dose.3", line);
}

#[test]
fn duplicate_sentence_is_silent_on_a_sentence_said_once() {
    silent(&Handout::english().check_en(), "duplicate-sentence");
}

#[test]
fn vague_link_fires_on_here() {
    let h = Handout::english();
    let line = h.edit(
        "en",
        "Our [ketamine page](https://example.org/ketamine) has more advice.",
        "There is more advice [here](https://example.org/ketamine).",
    );
    fires_at(&h.check_en(), "vague-link", "en", "dose.3", line);
}

#[test]
fn vague_link_is_silent_on_a_link_that_names_its_page() {
    silent(&Handout::english().check_en(), "vague-link");
}

#[test]
fn every_rule_is_tested() {
    let r = cli(["check", "--rules"]).run();
    assert!(r.success(), "{}", r.stderr);
    let listed: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert!(!listed.is_empty(), "{}", r.stdout);
    for name in &listed {
        assert!(
            TESTED_HERE.contains(name) || TESTED_ON_PAGE_MODELS.contains(name),
            "rule {name} has no failing and passing test in tests/check_rules.rs \
             (or on page models in src/check/guidelines.rs)"
        );
    }
    for name in TESTED_HERE.iter().chain(TESTED_ON_PAGE_MODELS) {
        assert!(listed.contains(name), "{name} is no rule");
    }
}
