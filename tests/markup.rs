//! Inline markup is parsed and checked when a text is loaded: a malformed link or
//! emphasis is an input error at its line in the file it stands in, for a source as
//! for a translation, whatever print form is asked for.

mod support;

use std::path::Path;

const HEAD: &str = "language: en\ntitle: Test leaflet\nrevised: 2026-11-25\nversion: \"1.0\"\n";

fn with_body(body: &str) -> String {
    format!("{HEAD}sections:\n  - id: intro\n    heading: Hello\n    body:\n{body}")
}

/// Runs `handout build` on `dir` with `extra` arguments: exit code and stderr.
fn build(dir: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let run = support::cli(["build", "-q", "-o"])
        .arg(out)
        .arg(dir)
        .args(extra)
        .run();
    (run.code, run.stderr)
}

const LAYOUTS: [&[&str]; 3] = [
    &["--layout", "single"],
    &["--layout", "two-column"],
    &["--layout", "trifold"],
];

#[test]
fn a_link_that_goes_nowhere_in_the_source_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("t");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let yaml = with_body("      - Call us.\n      - See [our page](www.example.org) today.\n");
    std::fs::write(dir.join("en.yaml"), &yaml).expect("write");
    for layout in LAYOUTS {
        let (code, err) = build(&dir, &tmp.path().join("out"), layout);
        assert_eq!(code, 1, "{layout:?}: {err}");
        assert!(
            err.starts_with(&format!(
                "error: this link does not lead to a web, mail or phone address (in `intro.2`)\n  --> {}:10:13",
                dir.join("en.yaml").display()
            )),
            "{layout:?}: {err}"
        );
    }
}

#[test]
fn bad_markup_in_a_translation_is_an_error_at_its_line_in_every_layout() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("t");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("en.yaml"),
        with_body("      - Call at once.\n      - See the notes.\n"),
    )
    .expect("write");
    let init = support::cli(["i18n", "init", "-l", "de"]).arg(&dir).run();
    assert!(init.success(), "{}", init.stderr);
    let de = dir.join("de.yaml");
    let template = std::fs::read_to_string(&de).expect("de.yaml");
    let cases = [
        (
            "[Seite](https://x.org öffnen",
            "this link does not lead to a web, mail or phone address (in `intro.2`)",
        ),
        (
            "[Seite](x.org) öffnen",
            "this link does not lead to a web, mail or phone address (in `intro.2`)",
        ),
        (
            "Sofort **anrufen.",
            "this `**` starts bold text that is never closed (in `intro.2`)",
        ),
        (
            "# Notizen",
            "the text starts a heading (`#`) (Markdown block syntax), which is not allowed inside a text (entry `intro.2`)",
        ),
    ];
    for (bad, message) in cases {
        let mut text = template.clone();
        for t in ["Testblatt", "Hallo", "Sofort anrufen.", bad] {
            text = text.replacen("text: \"\"", &format!("text: \"{t}\""), 1);
        }
        std::fs::write(&de, &text).expect("write");
        let line = text.lines().position(|l| l.contains(bad)).expect("line") + 1;
        for layout in LAYOUTS {
            let mut args = vec!["-l", "de"];
            args.extend_from_slice(layout);
            let (code, err) = build(&dir, &tmp.path().join("out"), &args);
            assert_eq!(code, 1, "{bad} {layout:?}: {err}");
            assert!(
                err.starts_with(&format!("error: {message}\n  --> {}:{line}:", de.display())),
                "{bad} {layout:?}: {err}"
            );
        }
    }
}
