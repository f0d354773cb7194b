//! Error messages a newcomer meets first, asserted word for word: they point at the
//! line to fix, say what is wrong in the user's words, and never pass a terminal
//! control character (or a 200 KB line) from the file through to the screen.

mod support;

use std::path::{Path, PathBuf};

const HEAD: &str = "language: en\ntitle: Test leaflet\nrevised: 2026-11-25\nversion: \"1.0\"\n";

fn with_body(body: &str) -> String {
    format!("{HEAD}sections:\n  - id: intro\n    heading: Hello\n    body:\n{body}")
}

/// Builds `yaml` as handout `t` and returns stderr, the file's path written as FILE;
/// asserts exit code 1.
fn stderr_of(yaml: &str, extra: &[&str]) -> String {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_, err) = build_in(tmp.path(), yaml, extra);
    err
}

fn build_in(root: &Path, yaml: &str, extra: &[&str]) -> (PathBuf, String) {
    let dir = support::handout_dir(root, "t", &[("en.yaml", yaml)]);
    let file = dir.join("en.yaml");
    let run = support::cli(["build", "-q", "-o"])
        .arg(root.join("out"))
        .arg(&dir)
        .args(extra)
        .run();
    let err = run.stderr;
    assert_eq!(run.code, 1, "{err}");
    (
        file.clone(),
        err.replace(&file.display().to_string(), "FILE"),
    )
}

#[test]
fn a_mis_indented_heading_is_named_as_an_indentation_problem() {
    let yaml = with_body("      - Some text.\n").replace("    heading: Hello", "   heading: Hello");
    assert_eq!(
        stderr_of(&yaml, &[]),
        "error: `heading` is indented by 3 spaces, the keys before it by 4 (in `sections[0]`)
  --> FILE:7:4
  |
7 |    heading: Hello
  |    ^
  = help: indent it by exactly 4 spaces, like the keys before it: YAML places a key by its indentation (this is why it found no `body:` here)
"
    );
}

#[test]
fn a_mis_indented_body_is_pointed_at() {
    let yaml = with_body("      - Some text.\n").replace("    body:", "   body:");
    assert_eq!(
        stderr_of(&yaml, &[]),
        "error: `body` is indented by 3 spaces, the keys before it by 4 (in `sections[0]`)
  --> FILE:8:4
  |
8 |    body:
  |    ^
  = help: indent it by exactly 4 spaces, like the keys before it: YAML places a key by its indentation (this is why it found no `body:` here)
"
    );
}

#[test]
fn a_key_shifted_against_the_key_above_is_named() {
    let yaml = with_body("      - Some text.\n").replace("version:", " version:");
    assert_eq!(
        stderr_of(&yaml, &[]),
        "error: `version` is indented by 1 space, the key above it by 0
  --> FILE:4:2
  |
4 |  version: \"1.0\"
  |  ^
  = help: start it at the beginning of the line, like the key above it, if it belongs to the same part; YAML places a key by its indentation
"
    );
    let yaml = with_body("      - Some text.\n").replace("    heading:", "     heading:");
    assert!(
        stderr_of(&yaml, &[]).starts_with(
            "error: `heading` is indented by 5 spaces, the key above it by 4\n  --> FILE:7:6\n"
        ),
        "{yaml}"
    );
}

#[test]
fn a_lowercase_word_and_a_colon_also_suggest_quotes() {
    let err = stderr_of(&with_body("      - note: do not drive\n"), &[]);
    assert!(
        err.ends_with("  = help: the keys allowed here are: list, image, alt; if this is a text, put it in quotes (a colon followed by a space starts a key)\n"),
        "{err}"
    );
}

#[test]
fn a_text_with_a_colon_is_explained_and_shown_quoted() {
    let yaml = with_body("      - Common side effects: nausea and dizziness.\n");
    assert_eq!(
        stderr_of(&yaml, &[]),
        "error: a colon followed by a space starts a key, so this text was read as the key `Common side effects` (in `sections[0].body[0]`)
  --> FILE:9:9
  |
9 |       - Common side effects: nausea and dizziness.
  |         ^
  = help: put the whole text in quotes: \"Common side effects: nausea and dizziness.\", or write `>-` after the dash and the text on the next lines
"
    );
}

#[test]
fn a_file_that_is_one_text_is_explained_in_user_words() {
    assert_eq!(
        stderr_of("\"hello\"\n", &[]),
        "error: expected a handout file (keys such as `language:`, `title:` and `sections:`), found the text \"hello\"
  --> FILE:1:1
  |
1 | \"hello\"
  | ^
  = help: the file must hold keys such as `language:` and `title:`, one per line; `handout schema` lists them
"
    );
    let yaml = format!("{HEAD}sections:\n  - hello\n");
    assert_eq!(
        stderr_of(&yaml, &[]),
        "error: expected a section (`id:`, `heading:` and `body:`), found the text \"hello\" (in `sections[0]`)
  --> FILE:6:5
  |
6 |   - hello
  |     ^
  = help: check the value's form against `handout schema`
"
    );
}

#[test]
fn an_open_quote_is_reported_where_it_opens() {
    let expected = |q: char| {
        format!(
            "error: this quote is not closed on its line
  --> FILE:2:8
  |
2 | title: {q}Test leaflet
  |        ^
  = help: end the text with the same quote mark on this line; inside \"…\" write a \" as \\\", inside '…' write a ' as ''
"
        )
    };
    for q in ['"', '\''] {
        let yaml = with_body("      - Some text.\n")
            .replace("title: Test leaflet", &format!("title: {q}Test leaflet"));
        assert_eq!(stderr_of(&yaml, &[]), expected(q), "quote {q}");
    }
}

#[test]
fn an_over_long_address_has_a_line_number() {
    let url = format!("https://example.org/{}", "a".repeat(3000));
    let yaml = with_body("      - Some text.\n").replace(
        "version: \"1.0\"\n",
        &format!("version: \"1.0\"\nurl: {url}\n"),
    );
    assert_eq!(
        stderr_of(&yaml, &[]),
        format!(
            "error: the address in `url` is 3020 characters long; it may have at most 2000
  --> FILE:5:6
  |
5 | url: {}…
  |      ^
  = help: use a shorter address: it is printed on the leaflet and made into a QR code
",
            &url[..75]
        )
    );
}

#[test]
fn an_unclosed_double_star_is_an_error_at_its_place() {
    let yaml = with_body(
        "      - >-\n        Call at once if you are\n        vomiting **blood.\n      - \"A footnote* and 5 * 2 are fine.\"\n",
    );
    assert_eq!(
        stderr_of(&yaml, &[]),
        "error: this `**` starts bold text that is never closed (in `intro.1`)
  --> FILE:11:18
   |
11 |         vomiting **blood.
   |                  ^
  = help: end the bold text with `**` after its last word, or write `\\*\\*` for two stars
"
    );
}

#[test]
fn an_unclosed_double_star_in_a_translation_is_an_error_too() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("t");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), with_body("      - Call at once.\n")).expect("write");
    let init = support::cli(["i18n", "init", "-l", "de"]).arg(&dir).run();
    assert!(init.success(), "{}", init.stderr);
    let de = dir.join("de.yaml");
    let mut text = std::fs::read_to_string(&de).expect("de.yaml");
    for t in ["Testblatt", "Hallo", "Sofort **anrufen."] {
        text = text.replacen("text: \"\"", &format!("text: \"{t}\""), 1);
    }
    std::fs::write(&de, &text).expect("write");
    let line = text
        .lines()
        .position(|l| l.contains("**anrufen"))
        .expect("line")
        + 1;
    let run = support::cli(["build", "-q", "-l", "de", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&dir)
        .run();
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "error: this `**` starts bold text that is never closed (in `intro.1`)\n  --> {}:{line}:",
            de.display()
        )),
        "{err}"
    );
}

#[test]
fn a_long_line_is_shown_as_a_window_and_a_control_character_at_its_place() {
    // One error on a 200 KB line: the escape character at column 100 010.
    let line = format!("{}\u{1b}[2J{}", "a".repeat(100_000), "b".repeat(100_000));
    let yaml = with_body(&format!("      - {line}\n"));
    let err = stderr_of(&yaml, &[]);
    assert_eq!(
        err,
        format!(
            "error: the file contains the control character U+001B
  --> FILE:9:100009
  |
9 | …{}\\u{{001b}}[2J{}…
  | {}^
  = help: remove it: handout files hold printable text only (a control character is invisible in an editor and can act on a terminal)
",
            "a".repeat(40),
            "b".repeat(36),
            " ".repeat(41)
        )
    );
}

#[test]
fn text_quoted_from_the_file_is_escaped_in_messages_and_reports() {
    // YAML's own escapes put an ESC and a right-to-left override into the value
    // without either being in the file: the message must show them as escapes.
    let yaml = with_body("      - Some text.\n")
        .replace("id: intro", "id: \"\\e[2J\\e[1;1Hbuilt ok \\u202E\"");
    let tmp = tempfile::tempdir().expect("tmp");
    let report = tmp.path().join("report.json");
    let junit = tmp.path().join("junit.xml");
    let (_, err) = build_in(
        tmp.path(),
        &yaml,
        &[
            "--report",
            report.to_str().expect("utf-8"),
            "--junit",
            junit.to_str().expect("utf-8"),
        ],
    );
    let first =
        "error: section id `\\u{001b}[2J\\u{001b}[1;1Hbuilt ok \\u{202e}` is not a valid id";
    assert!(err.starts_with(first), "{err}");
    for (what, text) in [
        ("stderr", err.clone()),
        ("report", std::fs::read_to_string(&report).expect("report")),
        ("junit", std::fs::read_to_string(&junit).expect("junit")),
    ] {
        assert!(
            !text.chars().any(|c| c == '\u{1b}' || c == '\u{202e}'),
            "{what}: {text:?}"
        );
    }
    let report = std::fs::read_to_string(&report).expect("report");
    assert!(report.contains("section id `\\\\u{001b}[2J"), "{report}");
}
