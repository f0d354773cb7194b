//! `handout check` and the checks inside `handout build`, run as a user runs them on
//! copies of the real ketamine handout with one mistake put in.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::{cli, no_pdf_in};

/// A copy of the ketamine handout with the source and these translations.
struct Copy {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Copy {
    fn new(locales: &[&str]) -> Copy {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("ketamine");
        std::fs::create_dir(&dir).expect("mkdir");
        for l in std::iter::once(&"en").chain(locales) {
            let from = Path::new("handouts/ketamine").join(format!("{l}.yaml"));
            std::fs::copy(&from, dir.join(format!("{l}.yaml"))).expect("copy");
        }
        Copy { _tmp: tmp, dir }
    }

    fn file(&self, locale: &str) -> PathBuf {
        self.dir.join(format!("{locale}.yaml"))
    }

    /// Replaces `from` by `to` in the `text:` of entry `id` of `locale`'s file;
    /// returns the 1-based line of that `text:`.
    fn edit_entry(&self, locale: &str, id: &str, from: &str, to: &str) -> usize {
        let path = self.file(locale);
        let yaml = std::fs::read_to_string(&path).expect("read");
        let mut lines: Vec<String> = yaml.lines().map(str::to_string).collect();
        let start = lines
            .iter()
            .position(|l| l.trim() == format!("\"{id}\":"))
            .unwrap_or_else(|| panic!("entry {id} in {locale}.yaml"));
        let text = (start..lines.len())
            .find(|&i| lines[i].trim_start().starts_with("text:"))
            .expect("text line");
        assert!(lines[text].contains(from), "{from} in {}", lines[text]);
        lines[text] = lines[text].replacen(from, to, 1);
        std::fs::write(&path, lines.join("\n") + "\n").expect("write");
        text + 1
    }

    /// Inserts `extra` (YAML lines) after the `text:` of entry `id`.
    fn after_entry_text(&self, locale: &str, id: &str, extra: &str) {
        let path = self.file(locale);
        let yaml = std::fs::read_to_string(&path).expect("read");
        let line = self.edit_entry(locale, id, "text:", "text:");
        let mut lines: Vec<&str> = yaml.lines().collect();
        lines.insert(line, extra);
        std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    }

    fn check(&self, args: &[&str]) -> (i32, Value) {
        let mut cmd =
            cli(["check", self.dir.to_str().unwrap_or(""), "--format", "json"]).args(args);
        if !args.contains(&"--today") {
            cmd = cmd.args(["--today", "2026-12-02"]);
        }
        let r = cmd.run();
        let json = serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("JSON ({e}): {}\n{}", r.stdout, r.stderr));
        (r.code, json)
    }
}

/// A copy whose German translation says "5 Jahren" where the source says "50 years",
/// and the line of that text.
fn changed_dose() -> (Copy, usize) {
    let copy = Copy::new(&["de"]);
    let line = copy.edit_entry(
        "de",
        "what-is-ketamine.1",
        "über 50 Jahren",
        "über 5 Jahren",
    );
    (copy, line)
}

/// The findings of rule `name` in a JSON report.
fn findings<'a>(report: &'a Value, name: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["name"] == name).collect())
        .unwrap_or_default()
}

#[test]
fn a_changed_dose_is_an_error_at_its_line() {
    let (copy, line) = changed_dose();
    let (code, report) = copy.check(&["-l", "de"]);
    assert_eq!(code, 1, "{report:#}");
    let found = findings(&report, "number-mismatch");
    assert_eq!(found.len(), 1, "{report:#}");
    let f = found[0];
    assert_eq!(f["rule"], "HC101");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["entry"], "what-is-ketamine.1");
    assert_eq!(f["line"], line);
    assert!(f["file"].as_str().is_some_and(|p| p.ends_with("de.yaml")));
    let message = f["message"].as_str().unwrap_or("");
    assert!(
        message.contains("“50 years”") && message.contains("“5 Jahren”"),
        "{message}"
    );
    // The unedited translation is clean of errors.
    let clean = Copy::new(&["de"]);
    let (code, report) = clean.check(&["-l", "de"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["totals"]["errors"], 0);
}

#[test]
fn a_changed_unit_is_an_error() {
    let copy = Copy::new(&["de"]);
    copy.edit_entry("de", "what-is-ketamine.1", "50 Jahren", "50 Tagen");
    let (code, report) = copy.check(&["-l", "de"]);
    assert_eq!(code, 1);
    let found = findings(&report, "unit-mismatch");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["entry"], "what-is-ketamine.1");
}

#[test]
fn arabic_indic_digits_that_match_are_no_finding() {
    let copy = Copy::new(&["ar", "fa"]);
    copy.edit_entry("ar", "what-is-ketamine.1", "50", "٥٠");
    let (_, report) = copy.check(&["-l", "ar"]);
    assert!(
        findings(&report, "number-mismatch").is_empty(),
        "{report:#}"
    );
    // … while a different number in those digits is found.
    copy.edit_entry("ar", "what-is-ketamine.1", "٥٠", "٥");
    let (code, report) = copy.check(&["-l", "ar"]);
    assert_eq!((code, findings(&report, "number-mismatch").len()), (1, 1));
}

#[test]
fn a_lost_drug_name_is_an_error() {
    let copy = Copy::new(&["de"]);
    let line = copy.edit_entry("de", "what-is-ketamine.1", "Ketamin ist", "Es ist");
    let (code, report) = copy.check(&["-l", "de"]);
    assert_eq!(code, 1);
    let found = findings(&report, "term-missing");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["line"], line);
    assert!(found[0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("ketamine"));
}

#[test]
fn a_dropped_list_item_is_an_error_naming_it() {
    let copy = Copy::new(&["de"]);
    let path = copy.file("de");
    let yaml = std::fs::read_to_string(&path).expect("read");
    // The whole entry of the third side effect removed.
    let start = yaml.find("  \"side-effects.2.3\":").expect("entry");
    let end = start + yaml[start..].find("  \"side-effects.2.4\":").expect("next");
    std::fs::write(&path, format!("{}{}", &yaml[..start], &yaml[end..])).expect("write");
    let (code, report) = copy.check(&["-l", "de"]);
    assert_eq!(code, 1);
    let found = findings(&report, "translation-incomplete");
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(found[0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("side-effects.2.3"));
    // An item repeated in place of another is found too.
    let copy = Copy::new(&["de"]);
    copy.edit_entry("de", "side-effects.2.3", "Erbrechen,", "Übelkeit,");
    let (code, report) = copy.check(&["-l", "de"]);
    assert_eq!(
        (code, findings(&report, "list-mismatch").len()),
        (1, 1),
        "{report:#}"
    );
}

#[test]
fn an_allowed_finding_counts_no_more_but_stays_in_the_report() {
    let (copy, _) = changed_dose();
    copy.after_entry_text(
        "de",
        "what-is-ketamine.1",
        "    allow:\n      number-mismatch: \"test: a deliberate change\"",
    );
    let (code, report) = copy.check(&["-l", "de"]);
    assert_eq!(code, 0, "{report:#}");
    let found = findings(&report, "number-mismatch");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["allowed"], true);
    assert_eq!(found[0]["reason"], "test: a deliberate change");
    assert_eq!(report["totals"]["allowed"], 1);
}

#[test]
fn an_allowance_naming_no_rule_or_no_reason_is_refused() {
    let copy = Copy::new(&["de"]);
    copy.after_entry_text("de", "title", "    allow:\n      numbr-mismatch: \"typo\"");
    let r = cli(["check", copy.dir.to_str().unwrap_or(""), "-l", "de"]).run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("`numbr-mismatch`, which is no rule"),
        "{}",
        r.stderr
    );
    let copy = Copy::new(&["de"]);
    copy.after_entry_text("de", "title", "    allow:\n      HC101: \"  \"");
    let r = cli(["check", copy.dir.to_str().unwrap_or(""), "-l", "de"]).run();
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("gives no reason"), "{}", r.stderr);
}

#[test]
fn warnings_fail_only_when_denied() {
    let copy = Copy::new(&[]);
    let (code, report) = copy.check(&["-l", "en"]);
    assert_eq!(code, 0);
    // The seed text is dense: the English source reads above grade 8.
    let grades = findings(&report, "reading-grade");
    assert!(!grades.is_empty());
    let scores = &report["readability"][0]["scores"];
    let whole = scores
        .as_array()
        .and_then(|s| s.iter().find(|s| s["scope"] == "leaflet"))
        .expect("a score for the whole leaflet");
    assert!(whole["formula"].as_str().unwrap_or("").contains("Flesch"));
    assert!(whole["grade"].as_f64().unwrap_or(0.0) > 8.0);
    let (code, _) = copy.check(&["-l", "en", "--deny", "warnings"]);
    assert_eq!(code, 1);
    let r = cli(["check", "handouts/ketamine", "--deny", "everything"]).run();
    assert_eq!(r.code, 2);
}

#[test]
fn a_language_without_a_formula_is_not_scored() {
    let copy = Copy::new(&["th"]);
    let (_, report) = copy.check(&["-l", "th"]);
    let notes = findings(&report, "not-scored");
    assert_eq!(notes.len(), 1, "{report:#}");
    assert_eq!(notes[0]["severity"], "note");
    assert!(findings(&report, "reading-grade").is_empty());
}

#[test]
fn a_revision_date_in_the_future_is_an_error() {
    let copy = Copy::new(&[]);
    let (code, report) = copy.check(&["-l", "en", "--today", "2026-01-01"]);
    // The revision (2026-11-25) lies after that day.
    assert_eq!(code, 1, "{report:#}");
    let found = findings(&report, "revision-date");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["line"], 7);
    let (_, report) = copy.check(&["-l", "en", "--today", "2031-01-01"]);
    assert_eq!(findings(&report, "review-age").len(), 1);
}

/// The properties SARIF 2.1.0's schema requires, and their types, on a report.
fn assert_sarif_2_1_0(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-2.1.0")));
    let runs = log["runs"].as_array().expect("runs: array");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert!(driver["name"].is_string(), "tool.driver.name required");
    let rules = driver["rules"].as_array().expect("rules");
    for r in rules {
        assert!(r["id"].is_string(), "reportingDescriptor.id required");
        assert!(r["shortDescription"]["text"].is_string());
        let level = r["defaultConfiguration"]["level"].as_str().unwrap_or("");
        assert!(["none", "note", "warning", "error"].contains(&level));
    }
    for result in runs[0]["results"].as_array().expect("results: array") {
        assert!(
            result["message"]["text"].is_string(),
            "result.message.text required"
        );
        let id = result["ruleId"].as_str().expect("ruleId");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at its rule");
        let level = result["level"].as_str().unwrap_or("");
        assert!(["none", "note", "warning", "error"].contains(&level));
        for loc in result["locations"].as_array().expect("locations") {
            let phys = &loc["physicalLocation"];
            assert!(phys["artifactLocation"]["uri"].is_string());
            if let Some(region) = phys.get("region") {
                assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1));
                assert!(region["startColumn"].as_u64().is_some_and(|c| c >= 1));
            }
        }
        if let Some(s) = result.get("suppressions") {
            for s in s.as_array().expect("suppressions: array") {
                assert!(["inSource", "external"].contains(&s["kind"].as_str().unwrap_or("")));
            }
        }
    }
}

#[test]
fn sarif_output_has_the_structure_of_sarif_2_1_0() {
    let (copy, _) = changed_dose();
    copy.after_entry_text(
        "de",
        "title",
        "    allow:\n      untranslated: \"a test reason\"",
    );
    let r = cli([
        "check",
        copy.dir.to_str().unwrap_or(""),
        "--format",
        "sarif",
        "--today",
        "2026-12-02",
    ])
    .run();
    assert_eq!(r.code, 1);
    let log: Value = serde_json::from_str(&r.stdout).expect("SARIF is JSON");
    assert_sarif_2_1_0(&log);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let dose = results
        .iter()
        .find(|r| r["ruleId"] == "HC101")
        .expect("the changed dose");
    assert_eq!(dose["level"], "error");
    assert!(
        dose["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("de.yaml"))
    );
}

#[test]
fn github_annotations_name_file_line_and_rule() {
    let (copy, line) = changed_dose();
    let r = cli([
        "check",
        copy.dir.to_str().unwrap_or(""),
        "-l",
        "de",
        "--format",
        "github",
    ])
    .run();
    assert_eq!(r.code, 1);
    let annotation = r
        .stdout
        .lines()
        .find(|l| l.contains("HC101"))
        .expect("an annotation for the dose");
    assert!(annotation.starts_with("::error file="), "{annotation}");
    assert!(
        annotation.contains(&format!(",line={line},")),
        "{annotation}"
    );
    assert!(!annotation.contains('\n'));
    // Every line is one workflow command.
    assert!(r.stdout.lines().all(|l| l.starts_with("::")));
}

#[test]
fn the_build_refuses_an_unsafe_translation_and_reports_warnings() {
    let (copy, _) = changed_dose();
    let out = copy._tmp.path().join("out");
    let r = cli([
        "build",
        copy.dir.to_str().unwrap_or(""),
        "-l",
        "de",
        "-o",
        out.to_str().unwrap_or(""),
    ])
    .run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("[HC101 number-mismatch]"), "{}", r.stderr);
    no_pdf_in(&out);
    // The English source builds, with its readability warnings in the report.
    let report = copy._tmp.path().join("report.json");
    let build_en = || {
        let r = cli([
            "build",
            copy.dir.to_str().unwrap_or(""),
            "-l",
            "en",
            "-o",
            out.to_str().unwrap_or(""),
            "--report",
            report.to_str().unwrap_or(""),
        ])
        .run();
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(&report).expect("report")).expect("JSON");
        (r, json)
    };
    let (r, json) = build_en();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("warning[HC201 reading-grade]"),
        "{}",
        r.stdout
    );
    let warnings = json["leaflets"][0]["warnings"]
        .as_array()
        .expect("warnings");
    assert!(warnings
        .iter()
        .any(|w| w.as_str().unwrap_or("").contains("HC201")));
    // Built again with nothing changed: the leaflet is not rebuilt, and the run
    // reports the same warnings (a CI report does not depend on a warm cache).
    let (again, json_again) = build_en();
    assert!(again.stdout.contains("unchanged"), "{}", again.stdout);
    assert_eq!(json_again["leaflets"][0]["status"], "unchanged");
    assert_eq!(
        json_again["leaflets"][0]["warnings"],
        json["leaflets"][0]["warnings"]
    );
}

#[test]
fn every_shipped_translation_is_consistent_with_its_source() {
    // All 33 locales: no error finding (warnings are readability and line length,
    // listed in the README).
    let r = cli([
        "check",
        "handouts",
        "--format",
        "json",
        "--today",
        "2026-12-02",
    ])
    .run();
    let report: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let errors: Vec<&Value> = report["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["severity"] == "error").collect())
        .unwrap_or_default();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(r.code, 0);
}
