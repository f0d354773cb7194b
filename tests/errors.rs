//! Input errors and the command line: messages name file, line and column, say what
//! to do, and map to the documented exit codes.

mod support;

use std::path::{Path, PathBuf};
use support::Run;

const VALID: &str = r#"language: en
title: Test leaflet
revised: 2026-11-25
version: "1.0"
sections:
  - id: intro
    heading: Hello
    body:
      - Some text.
"#;

fn write_handout(dir: &Path, name: &str, yaml: &str) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).expect("mkdir");
    let file = folder.join("en.yaml");
    std::fs::write(&file, yaml).expect("write");
    file
}

fn handout(args: &[&str]) -> Run {
    support::cli(args).run()
}

/// Builds `yaml` and returns the failed run (asserting exit 1 and no PDF written).
fn fails(yaml: &str) -> Run {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = write_handout(tmp.path(), "t", yaml);
    let out = tmp.path().join("out");
    let run = handout(&[
        "build",
        file.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
    ]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    support::no_pdf_in(&out);
    run
}

#[test]
fn valid_input_builds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_handout(tmp.path(), "t", VALID);
    let out = tmp.path().join("out");
    let run = handout(&[
        "build",
        tmp.path().join("t").to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("t.en.pdf"), "{}", run.stdout);
    assert!(out.join("t.en.pdf").is_file());
}

#[test]
fn unknown_key_suggests_the_right_one_with_position() {
    let run = fails(&VALID.replace("    heading: Hello", "    heding: Hello"));
    assert!(
        run.stderr.contains("unknown field `heding`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `heading`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("en.yaml:7:5"), "{}", run.stderr);
    assert!(
        run.stderr.contains("7 |     heding: Hello"),
        "snippet: {}",
        run.stderr
    );
}

#[test]
fn missing_field_says_what_to_add() {
    let run = fails(&VALID.replace("version: \"1.0\"\n", ""));
    assert!(
        run.stderr.contains("missing field `version`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("add `version:`"), "{}", run.stderr);
}

#[test]
fn wrong_value_type_is_explained() {
    let run = fails(&VALID.replace("title: Test leaflet", "title: [a, b]"));
    assert!(
        run.stderr
            .contains("expected a text, found a list (in `title`)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("in quotes") || run.stderr.contains("schema"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("en.yaml:2:"), "{}", run.stderr);
}

#[test]
fn bad_date_points_at_it() {
    let run = fails(&VALID.replace("2026-11-25", "25/11/2026"));
    assert!(run.stderr.contains("is not a date"), "{}", run.stderr);
    assert!(run.stderr.contains("en.yaml:3:10"), "{}", run.stderr);
    assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);
}

#[test]
fn character_without_font_is_named() {
    let run = fails(&VALID.replace("Some text.", "Take with care \u{1F48A} daily."));
    assert!(run.stderr.contains("U+1F48A"), "{}", run.stderr);
    assert!(run.stderr.contains("en.yaml:9:"), "{}", run.stderr);
    assert!(run.stderr.contains("entry `intro.1`"), "{}", run.stderr);
}

#[test]
fn tabs_empty_files_and_block_syntax() {
    let run = fails(&VALID.replace("    heading: Hello", "\theading: Hello"));
    assert!(run.stderr.contains("tab"), "{}", run.stderr);
    let run = fails("# only a comment\n");
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
    let run = fails(&VALID.replace("Some text.", "\"- looks like a list\""));
    assert!(run.stderr.contains("list"), "{}", run.stderr);
    assert!(run.stderr.contains("entry `intro.1`"), "{}", run.stderr);
}

#[test]
fn wrong_block_shape_lists_what_is_expected() {
    let run = fails(&VALID.replace("      - Some text.", "      - items: [a]"));
    assert!(
        run.stderr.contains("unknown field `items`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `list`?") || run.stderr.contains("list"),
        "{}",
        run.stderr
    );
}

#[test]
fn yaml_syntax_error_has_a_position() {
    let run = fails(&VALID.replace("title: Test leaflet", "title: [unclosed"));
    assert!(run.stderr.contains("en.yaml:"), "{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}

#[test]
fn exit_codes() {
    assert_eq!(handout(&["--help"]).code, 0);
    assert_eq!(handout(&["build", "--help"]).code, 0);
    let v = handout(&["--version"]);
    assert_eq!(v.code, 0);
    assert!(v.stdout.contains(env!("CARGO_PKG_VERSION")));
    assert_eq!(handout(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(handout(&["frobnicate"]).code, 2);
    let missing = handout(&["build", "/definitely/not/here"]);
    assert_eq!(missing.code, 1, "{}", missing.stderr);
}

#[test]
fn unknown_locale_lists_the_existing_ones() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = handout(&[
        "build",
        "handouts/ketamine",
        "-l",
        "nl",
        "-o",
        tmp.path().to_str().unwrap_or(""),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("unknown locale `nl`"), "{}", run.stderr);
    assert!(run.stderr.contains("en"), "{}", run.stderr);
}

#[test]
fn output_path_that_is_a_file_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("out");
    std::fs::write(&file, "x").expect("write");
    let run = handout(&[
        "build",
        "handouts/ketamine",
        "-o",
        file.to_str().unwrap_or(""),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is a file"), "{}", run.stderr);
}

#[test]
fn schema_is_json_schema_for_the_source_format() {
    let run = handout(&["schema"]);
    assert_eq!(run.code, 0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let props = &v["properties"];
    for key in [
        "language",
        "title",
        "revised",
        "version",
        "sections",
        "disclaimer",
        "terms",
    ] {
        assert!(props.get(key).is_some(), "schema lacks {key}");
    }
    assert_eq!(v["additionalProperties"], serde_json::Value::Bool(false));
}

#[test]
fn committed_schema_matches_the_program() {
    let run = handout(&["schema"]);
    let committed =
        std::fs::read_to_string("schema/handout.schema.json").expect("schema/handout.schema.json");
    assert_eq!(
        committed.trim(),
        run.stdout.trim(),
        "run `handout schema > schema/handout.schema.json`"
    );
}
