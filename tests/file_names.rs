//! Output file names: the locale comes from the file's `language:`, the handout's name
//! from its folder, and every print form has a name of its own.

mod support;

use std::path::Path;

const LEAFLET: &str = "language: en\ntitle: Naming test\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - Text of the naming test.\n";

fn build(args: &[&str], out: &Path) -> support::Run {
    support::cli(["build"]).args(args).arg("-o").arg(out).run()
}

/// The PDFs in `out`, which must exist.
fn pdfs(out: &Path) -> Vec<String> {
    assert!(out.is_dir(), "no output folder {}", out.display());
    support::pdfs_in(out)
}

fn text_of(pdf: &Path) -> String {
    support::content_text(&support::load(&std::fs::read(pdf).expect("pdf")))
}

#[test]
fn a_file_not_named_after_its_language_takes_the_locale_from_language() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = support::handout_dir(tmp.path(), "x", &[("leaflet.yaml", LEAFLET)]);
    let file = dir.join("leaflet.yaml");
    // The file given alone is named by itself: not leaflet.leaflet.pdf.
    let out = tmp.path().join("one");
    let run = build(&[file.to_str().expect("utf-8")], &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(pdfs(&out), ["leaflet.en.pdf"]);
    assert!(text_of(&out.join("leaflet.en.pdf")).contains("Text of the naming test."));
    // Its folder given: the folder names the handout.
    let out = tmp.path().join("folder");
    let run = build(&[dir.to_str().expect("utf-8")], &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(pdfs(&out), ["x.en.pdf"]);
    assert!(text_of(&out.join("x.en.pdf")).contains("Text of the naming test."));
}

#[test]
fn a_short_stem_is_not_taken_for_a_language() {
    // "faq" has the shape of a language tag; a source file saying `language: en`
    // under that name is refused instead of being built as locale `faq`.
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = support::handout_dir(tmp.path(), "x", &[("faq.yaml", LEAFLET)]);
    let out = tmp.path().join("out");
    let run = build(&[dir.to_str().expect("utf-8")], &out);
    let stderr = run.stderr.as_str();
    assert_eq!(run.code, 1, "{stderr}");
    assert_eq!(
        stderr.lines().take(6).collect::<Vec<_>>().join("\n"),
        format!(
            "error: the file is named faq.yaml but says `language: en`\n  --> {}:1:11\n  |\n1 | language: en\n  |           ^\n  = help: rename the file to en.yaml, or correct `language:`",
            dir.join("faq.yaml").display()
        )
    );
    assert!(pdfs(&out).is_empty());
    support::no_pdf_in(&out);
}

#[test]
fn a_source_named_for_another_language_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = support::handout_dir(tmp.path(), "x", &[("de.yaml", LEAFLET)]);
    let file = dir.join("de.yaml");
    let out = tmp.path().join("out");
    let run = build(&[file.to_str().expect("utf-8")], &out);
    let stderr = run.stderr.as_str();
    assert_eq!(run.code, 1, "{stderr}");
    assert!(
        stderr.starts_with("error: the file is named de.yaml but says `language: en`\n"),
        "{stderr}"
    );
    support::no_pdf_in(&out);
}

#[test]
fn two_files_in_one_language_are_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = support::handout_dir(
        tmp.path(),
        "x",
        &[("en.yaml", LEAFLET), ("leaflet.yaml", LEAFLET)],
    );
    let out = tmp.path().join("out");
    let run = build(&[dir.to_str().expect("utf-8")], &out);
    let stderr = run.stderr.as_str();
    assert_eq!(run.code, 1, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "error: handout `x` has two files for `en`: en.yaml and leaflet.yaml\n  --> {}\n  = help: keep one file per language; both would be written to the same PDF\n",
            dir.display()
        )
    );
}

#[test]
fn fold_marks_have_their_own_file_and_cache_entry() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = support::handout_dir(tmp.path(), "h", &[("en.yaml", LEAFLET)]);
    let out = tmp.path().join("out");
    let src = dir.to_str().expect("utf-8");
    let plain = ["--layout", "trifold", src];
    let marks = ["--layout", "trifold", "--fold-marks", src];
    for args in [&plain[..], &marks[..]] {
        let run = build(args, &out);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    assert_eq!(
        pdfs(&out),
        ["h.en.trifold.fold-marks.pdf", "h.en.trifold.pdf"]
    );
    let with = std::fs::read(out.join("h.en.trifold.fold-marks.pdf")).expect("pdf");
    let without = std::fs::read(out.join("h.en.trifold.pdf")).expect("pdf");
    // The same leaflet, the one with fold lines drawn: more path operations.
    let paths = |bytes: &[u8]| -> usize {
        let doc = support::load(bytes);
        doc.get_pages()
            .into_values()
            .map(|p| {
                lopdf::content::Content::decode(&doc.get_page_content(p))
                    .expect("decode")
                    .operations
                    .iter()
                    .filter(|op| op.operator == "m")
                    .count()
            })
            .sum()
    };
    assert!(paths(&with) > paths(&without));
    assert_eq!(
        support::content_text(&support::load(&with)),
        support::content_text(&support::load(&without))
    );
    // Each is up to date in the cache: a second round rebuilds neither.
    for args in [&plain[..], &marks[..]] {
        let run = build(args, &out);
        let stdout = run.stdout.as_str();
        assert!(
            stdout.contains("1 leaflet: 0 built, 1 unchanged, 0 failed"),
            "{stdout}"
        );
    }
}
