//! `handout watch` takes the print-form options of `build` and builds that form.

mod support;

use std::time::{Duration, Instant};

/// Starts `handout watch` on a copy of the English ketamine handout with `form`,
/// waits for its first build to write `expected`, then stops it; returns the PDF
/// (none if it did not appear within two minutes) and which PDFs the folder holds.
fn first_build(form: &[&str], expected: &str) -> (Option<Vec<u8>>, Vec<String>) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("ketamine");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy("handouts/ketamine/en.yaml", dir.join("en.yaml")).expect("copy");
    let out = tmp.path().join("out");
    let mut child = support::cli(["watch"])
        .arg(&dir)
        .arg("-o")
        .arg(&out)
        .args(["--interval", "50"])
        .args(form)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let started = Instant::now();
    let target = out.join(expected);
    // The PDF is renamed into place once complete, so its existence means it is whole.
    while !target.exists() && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    (std::fs::read(&target).ok(), support::pdfs_in(&out))
}

#[test]
fn watch_builds_the_requested_print_form() {
    let (built, pdfs) = first_build(
        &[
            "--paper",
            "letter",
            "--large-print",
            "--layout",
            "two-column",
        ],
        "ketamine.en.letter.large.two-column.pdf",
    );
    let pdf = support::load(&built.expect("no PDF in the requested form"));
    assert_eq!(pdfs, ["ketamine.en.letter.large.two-column.pdf"]);
    let pages = support::pages(&pdf);
    assert!((pages[0].width - 612.0).abs() < 0.1, "{}", pages[0].width);
    // Large print: body text at 17 pt.
    assert!(pages[0].glyphs.iter().any(|g| (g.size - 17.0).abs() < 0.01));
}

#[test]
fn watch_builds_a_trifold_with_fold_marks() {
    let (built, pdfs) = first_build(
        &["--layout", "trifold", "--fold-marks"],
        "ketamine.en.trifold.fold-marks.pdf",
    );
    let pdf = support::load(&built.expect("no PDF in the requested form"));
    assert_eq!(pdfs, ["ketamine.en.trifold.fold-marks.pdf"]);
    let pages = support::pages(&pdf);
    assert_eq!(pages.len(), 2);
    assert!((pages[0].width - 841.89).abs() < 0.1, "{}", pages[0].width);
}

#[test]
fn watch_refuses_fold_marks_without_a_trifold() {
    let (code, _, err) = support::run(&["watch", "handouts/ketamine", "--fold-marks"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--layout trifold"), "{err}");
}
