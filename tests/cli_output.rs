//! What the command line prints: counts in agreement with their numbers, and output
//! to a pipe whose reader has gone ending quietly instead of a panic (exit code 101).

mod support;

use std::path::Path;

const LEAFLET: &str = "language: en\ntitle: Pipe test\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - Short text for the pipe test.\n";

/// A folder of `n` handouts, each with one English source file.
fn handouts(root: &Path, n: usize) -> std::path::PathBuf {
    let all = root.join("handouts");
    for i in 0..n {
        let dir = all.join(format!("h{i}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("en.yaml"), LEAFLET).expect("write");
    }
    all
}

/// Runs `handout args` with stdout a pipe whose reading end is already closed, so
/// the very first write fails with EPIPE (no race with the child: it never had a
/// reader).
fn run_into_closed_pipe(args: &[&str]) -> support::Run {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    support::cli(args).stdout(writer).run()
}

/// `handout build SRC -o OUT` into a closed pipe.
fn build_into_closed_pipe(src: &Path, out: &Path, extra: &[&str]) -> support::Run {
    let mut args = vec![
        "build",
        src.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    run_into_closed_pipe(&args)
}

#[test]
fn a_closed_pipe_ends_output_quietly_and_the_build_completes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let src = handouts(tmp.path(), 3);
    let out = tmp.path().join("out");
    let run = build_into_closed_pipe(&src, &out, &["-j", "1"]);
    let stderr = run.stderr.as_str();
    assert_eq!(run.code, 0, "{stderr}");
    assert_eq!(stderr, "", "nothing is said about the closed pipe");
    // The work is not cut short: every leaflet is built and complete.
    for i in 0..3 {
        let pdf = std::fs::read(out.join(format!("h{i}.en.pdf"))).expect("pdf");
        let doc = support::load(&pdf);
        assert!(
            support::content_text(&doc).contains("Short text for the pipe test."),
            "h{i}"
        );
    }
}

#[test]
fn a_closed_pipe_after_schema_is_no_panic() {
    let run = run_into_closed_pipe(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
}

#[test]
fn a_failed_build_into_a_closed_pipe_keeps_its_exit_code() {
    let tmp = tempfile::tempdir().expect("tmp");
    let src = handouts(tmp.path(), 1);
    std::fs::write(
        src.join("h0/en.yaml"),
        LEAFLET.replace("2026-11-25", "soon"),
    )
    .expect("write");
    let out = tmp.path().join("out");
    let run = build_into_closed_pipe(&src, &out, &[]);
    let stderr = run.stderr.as_str();
    assert_eq!(run.code, 1, "{stderr}");
    assert!(
        stderr.starts_with("error: `revised: soon` is not a date"),
        "{stderr}"
    );
}

/// `handout build -o OUT SRC` with `extra` arguments; returns stdout after asserting
/// success.
fn build(out: &Path, src: &Path, extra: &[&str]) -> String {
    let run = support::cli(["build"])
        .args(extra)
        .arg("-o")
        .arg(out)
        .arg(src)
        .run();
    assert_eq!(run.code, 0, "{}", run.stdout);
    run.stdout
}

#[test]
fn one_leaflet_and_one_page_are_singular() {
    let tmp = tempfile::tempdir().expect("tmp");
    let src = handouts(tmp.path(), 1);
    let out = tmp.path().join("out");
    let stdout = build(&out, &src, &[]);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let pdf = out.join("h0.en.pdf");
    let size = std::fs::metadata(&pdf).expect("pdf").len() as f64 / 1024.0;
    assert_eq!(
        lines[0],
        format!("built {} (1 page, {size:.1} KB)", pdf.display())
    );
    assert!(
        lines[1].starts_with("1 leaflet: 1 built, 0 unchanged, 0 failed in "),
        "{}",
        lines[1]
    );
    assert_eq!(
        support::pages(&support::load(&std::fs::read(&pdf).expect("pdf"))).len(),
        1
    );
    // Two leaflets are plural.
    let src = handouts(tmp.path(), 2);
    build(&out, &src, &["-q"]);
    let stdout = build(&out, &src, &[]);
    assert!(
        stdout.contains("\n2 leaflets: 0 built, 2 unchanged, 0 failed in "),
        "{stdout}"
    );
}

#[test]
fn translator_commands_into_a_closed_pipe_are_no_panic() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("ketamine");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for f in ["en.yaml", "de.yaml"] {
        std::fs::copy(Path::new("handouts/ketamine").join(f), dir.join(f)).expect("copy");
    }
    let d = dir.to_str().expect("utf-8");
    for args in [
        vec!["i18n", "export", d, "-l", "de"],
        vec!["i18n", "status", d],
        vec!["i18n", "status", d, "--json"],
    ] {
        let run = run_into_closed_pipe(&args);
        let stderr = run.stderr.as_str();
        assert_eq!(run.code, 0, "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}
