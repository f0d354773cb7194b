//! Hostile or broken input: every case exits non-zero with a message that names the
//! file (and position where there is one) and says what to do, and writes no PDF.

mod support;

use std::path::Path;
use support::Run;

/// Builds a handout whose en.yaml holds `bytes`; asserts exit 1 and no PDF written.
fn refuse(bytes: &[u8], extra: &[&str]) -> Run {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), bytes).expect("write");
    let out = tmp.path().join("out");
    let mut args = vec![
        "build",
        dir.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
        "-q",
    ];
    args.extend_from_slice(extra);
    let run = support::cli(&args).run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("h/en.yaml"),
        "no file named: {}",
        run.stderr
    );
    assert!(run.stderr.contains("= help:"), "no advice: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    support::no_pdf_in(&out);
    run
}

/// Builds a handout whose en.yaml holds `bytes`; asserts success.
fn accept(bytes: &[u8], extra: &[&str]) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), bytes).expect("write");
    let o = support::cli(["build", "-q", "-o"])
        .arg(tmp.path().join("o"))
        .arg(&dir)
        .args(extra)
        .run();
    assert!(o.success(), "{}", o.stderr);
}

const HEAD: &str = "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\n";

fn with_body(body: &str) -> String {
    format!("{HEAD}sections:\n  - id: a\n    body:\n      - {body}\n")
}

#[test]
fn null_document() {
    let r = refuse(b"~\n", &[]);
    assert!(
        r.stderr.contains("expected a handout file (keys such as `language:`, `title:` and `sections:`), found nothing (an empty value)")
            && r.stderr.contains("the file must hold keys such as `language:` and `title:`, one per line"),
        "{}",
        r.stderr
    );
}

#[test]
fn wrong_top_level_type() {
    let r = refuse(b"- language: en\n- title: x\n", &[]);
    assert!(
        r.stderr.contains("expected a handout file (keys such as `language:`, `title:` and `sections:`), found a list"),
        "{}",
        r.stderr
    );
}

#[test]
fn duplicate_keys_point_at_the_second() {
    let r = refuse(
        format!("{HEAD}title: Again\nsections: []\n").as_bytes(),
        &[],
    );
    assert!(
        r.stderr.contains("duplicate field `title`") && r.stderr.contains("en.yaml:5:1"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8() {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b"subject: caf\xe9\n");
    let r = refuse(&bytes, &[]);
    assert!(
        r.stderr.contains("not valid UTF-8") && r.stderr.contains("en.yaml:5:"),
        "{}",
        r.stderr
    );
}

#[test]
fn nul_bytes() {
    let r = refuse(format!("{HEAD}subject: a\0b\n").as_bytes(), &[]);
    assert!(
        r.stderr.contains("NUL byte") && r.stderr.contains("en.yaml:5:"),
        "{}",
        r.stderr
    );
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..4000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let r = refuse(&junk, &[]);
    assert!(
        r.stderr.contains("UTF-8") || r.stderr.contains("NUL"),
        "{}",
        r.stderr
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(with_body("Fine.").as_bytes());
    accept(&bytes, &[]);
}

#[test]
fn custom_tags() {
    let r = refuse(with_body("!include other.yaml").as_bytes(), &[]);
    assert!(
        r.stderr.contains("custom tag !include") && r.stderr.contains("en.yaml:8:9"),
        "{}",
        r.stderr
    );
}

#[test]
fn alias_bomb() {
    let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9u8 {
        let (c, p) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        s.push_str(&format!(
            "{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        ));
    }
    s.push_str(&format!("{HEAD}terms: *i\nsections: []\n"));
    let r = refuse(s.as_bytes(), &[]);
    assert!(
        r.stderr.contains("anchor (&name) is not allowed"),
        "{}",
        r.stderr
    );
}

#[test]
fn recursive_alias() {
    let r = refuse(
        format!("{HEAD}terms: &t [a, *t]\nsections: []\n").as_bytes(),
        &[],
    );
    assert!(
        r.stderr.contains("not allowed in handout files"),
        "{}",
        r.stderr
    );
}

#[test]
fn very_deep_nesting() {
    let deep = format!(
        "{HEAD}terms: {}x{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let r = refuse(deep.as_bytes(), &[]);
    assert!(r.stderr.contains("nests deeper than"), "{}", r.stderr);
}

#[test]
fn very_large_file_and_the_flag_that_allows_it() {
    let filler: String = (0..30_000)
        .map(|i| format!("# comment line {i} to make the file large\n"))
        .collect();
    let big = format!("{filler}{}", with_body("Fine."));
    let r = refuse(big.as_bytes(), &[]);
    assert!(
        r.stderr.contains("more than the limit") && r.stderr.contains("--max-file-size"),
        "{}",
        r.stderr
    );
    accept(big.as_bytes(), &["--max-file-size", "5000000"]);
}

#[test]
fn huge_strings() {
    let r = refuse(with_body(&"word ".repeat(5_000)).as_bytes(), &[]);
    assert!(
        r.stderr
            .contains("characters long; a text may have at most 10000"),
        "{}",
        r.stderr
    );
}

#[test]
fn empty_sections_and_empty_texts() {
    let r = refuse(format!("{HEAD}sections: []\n").as_bytes(), &[]);
    assert!(r.stderr.contains("no sections"), "{}", r.stderr);
    let r = refuse(with_body("\"  \"").as_bytes(), &[]);
    assert!(r.stderr.contains("`a.1` is empty"), "{}", r.stderr);
}

#[test]
fn inputs_are_never_overwritten() {
    // The output folder is the handout folder itself: PDFs land beside the YAML,
    // which stays untouched.
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let yaml = with_body("Fine.");
    std::fs::write(dir.join("en.yaml"), &yaml).expect("write");
    let o = support::cli([
        "build",
        dir.to_str().unwrap_or(""),
        "-o",
        dir.to_str().unwrap_or(""),
        "-q",
    ])
    .run();
    assert!(o.success(), "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("en.yaml")).expect("read"),
        yaml
    );
    assert!(Path::new(&dir.join("h.en.pdf")).is_file());
}

// Output folder failures. A real full disk cannot be staged here without root (a
// small tmpfs needs `mount`; /dev/full cannot be a rename target): the disk-full
// tests are the unit tests in src/output/tests.rs, which inject a writer that runs
// out of space part way.

fn handout(args: &[&str]) -> Run {
    let run = support::cli(args).run();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// A handout folder `h` with a valid en.yaml, and the output folder path `out`.
fn one_handout() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), with_body("Fine.")).expect("write");
    let out = tmp.path().join("out");
    (tmp, dir, out)
}

fn build(dir: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "build",
        dir.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
        "-q",
    ];
    args.extend_from_slice(extra);
    handout(&args)
}

/// Names in `dir` that look like temporary files.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn output_folder_that_is_a_file_is_named_and_left_untouched() {
    let (tmp, dir, _) = one_handout();
    let file = tmp.path().join("notes.txt");
    std::fs::write(&file, "keep me").expect("write");
    let r = build(&dir, &file, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("notes.txt is a file, not a folder"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("choose another output folder with -o"),
        "{}",
        r.stderr
    );
    // A folder below that file cannot be created either.
    let r = build(&dir, &file.join("out"), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("notes.txt/out"), "{}", r.stderr);
    assert!(
        r.stderr.contains("is a file, not a folder")
            && r.stderr.contains("choose another output folder with -o"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me");
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("ls").count(),
        2,
        "only h/ and notes.txt"
    );
}

#[cfg(unix)]
#[test]
fn unwritable_output_folder_is_named_and_the_previous_pdf_kept() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir, out) = one_handout();
    let first = build(&dir, &out, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let good = std::fs::read(out.join("h.en.pdf")).expect("first build");
    let mode = |m| std::fs::set_permissions(&out, std::fs::Permissions::from_mode(m));
    mode(0o555).expect("chmod");
    // Root (and CAP_DAC_OVERRIDE) ignores folder permissions: nothing to test then.
    let probe = out.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        mode(0o755).expect("chmod back");
        eprintln!("skipped: running as root, which may write to a read-only folder");
        return;
    }
    let r = build(&dir, &out, &["--force"]);
    mode(0o755).expect("chmod back");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("output folder {}", out.display())),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("check the permissions of the folder")
            && r.stderr.contains("choose another output folder with -o"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(out.join("h.en.pdf")).expect("read"), good);
    assert!(temp_files(&out).is_empty(), "{:?}", temp_files(&out));
}

#[test]
fn failed_rebuild_keeps_the_previous_good_pdf() {
    let (_tmp, dir, out) = one_handout();
    let first = build(&dir, &out, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let good = std::fs::read(out.join("h.en.pdf")).expect("first build");
    std::fs::write(dir.join("en.yaml"), format!("{HEAD}sections: []\n")).expect("break it");
    let r = build(&dir, &out, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("h/en.yaml") && r.stderr.contains("no sections"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(out.join("h.en.pdf")).expect("read"), good);
    assert!(temp_files(&out).is_empty(), "{:?}", temp_files(&out));
}

#[test]
fn stale_temp_files_are_no_output_and_old_ones_are_cleaned() {
    let (_tmp, dir, out) = one_handout();
    std::fs::create_dir_all(&out).expect("mkdir");
    let stale = out.join(".h.en.pdf.99999.tmp");
    let fresh = out.join(".h.de.pdf.99998.tmp");
    std::fs::write(&stale, "%PDF-1.7 half").expect("write");
    std::fs::write(&fresh, "%PDF-1.7 half").expect("write");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("age");
    let report = out.join("report.json");
    let r = build(&dir, &out, &["--report", report.to_str().unwrap_or("")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rep: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("json");
    assert_eq!(rep["totals"]["leaflets"], 1, "{rep}");
    assert_eq!(rep["leaflets"][0]["status"], "built", "{rep}");
    assert!(!stale.exists(), "a leftover from a killed run is removed");
    assert!(fresh.exists(), "a recent one may belong to a running build");
    assert_eq!(temp_files(&out), [".h.de.pdf.99998.tmp"]);
}

#[test]
fn reports_and_links_never_overwrite_an_input() {
    let (_tmp, dir, out) = one_handout();
    let input = dir.join("en.yaml");
    let yaml = std::fs::read(&input).expect("read");
    for flag in ["--report", "--junit"] {
        let r = build(&dir, &out, &[flag, input.to_str().unwrap_or("")]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("would overwrite an input file")
                && r.stderr.contains("h/en.yaml")
                && r.stderr.contains(&format!("give {flag} a new file name")),
            "{}",
            r.stderr
        );
    }
    // A link in the output folder pointing at an input is replaced, not written through.
    #[cfg(unix)]
    {
        std::fs::create_dir_all(&out).expect("mkdir");
        std::os::unix::fs::symlink(&input, out.join("h.en.pdf")).expect("symlink");
        let r = build(&dir, &out, &[]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(std::fs::read(out.join("h.en.pdf"))
            .expect("pdf")
            .starts_with(b"%PDF"));
    }
    assert_eq!(std::fs::read(&input).expect("read"), yaml);
}

#[cfg(unix)]
#[test]
fn a_forced_rebuild_replaces_a_link_even_to_identical_bytes() {
    let (tmp, dir, out) = one_handout();
    assert_eq!(build(&dir, &out, &[]).code, 0);
    let pdf = out.join("h.en.pdf");
    let elsewhere = tmp.path().join("elsewhere.pdf");
    std::fs::rename(&pdf, &elsewhere).expect("move");
    std::os::unix::fs::symlink(&elsewhere, &pdf).expect("symlink");
    let r = build(&dir, &out, &["--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let meta = std::fs::symlink_metadata(&pdf).expect("pdf");
    assert!(meta.is_file(), "the link was kept");
    assert_eq!(
        std::fs::read(&pdf).expect("pdf"),
        std::fs::read(&elsewhere).expect("old")
    );
}

/// Output paths are used as the operating system gives them, not as printed text.
#[cfg(target_os = "linux")]
#[test]
fn an_output_folder_whose_name_is_not_utf8_works() {
    use std::os::unix::ffi::OsStrExt;
    let (tmp, dir, _) = one_handout();
    // Two handouts in one folder, so that a batch of one and a batch of two are built.
    let both = tmp.path().join("handouts");
    std::fs::create_dir_all(both.join("h2")).expect("mkdir");
    std::fs::copy(dir.join("en.yaml"), both.join("h2/en.yaml")).expect("copy");
    std::fs::rename(&dir, both.join("h")).expect("move");
    for (input, pdfs) in [
        (both.join("h"), &["h.en.pdf"][..]),
        (both, &["h.en.pdf", "h2.en.pdf"]),
    ] {
        let out = tmp.path().join(std::ffi::OsStr::from_bytes(b"out_\xff"));
        let o = support::cli(["build"])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .arg("-q")
            .arg("--force")
            .run();
        let stderr = o.stderr.as_str();
        assert_eq!(o.code, 0, "{stderr}");
        for pdf in pdfs {
            assert!(std::fs::read(out.join(pdf))
                .expect("pdf")
                .starts_with(b"%PDF"));
        }
    }
}

#[test]
fn two_handouts_writing_the_same_pdf_are_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let yaml = "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - Text.\n";
    for side in ["a", "b"] {
        std::fs::create_dir_all(tmp.path().join(side).join("k")).expect("mkdir");
        std::fs::write(tmp.path().join(side).join("k/en.yaml"), yaml).expect("write");
    }
    let out = tmp.path().join("out");
    let o = support::cli(["build"])
        .arg(tmp.path().join("a/k"))
        .arg(tmp.path().join("b/k"))
        .arg("-o")
        .arg(&out)
        .run();
    let err = o.stderr.as_str();
    assert_eq!(o.code, 1, "{err}");
    assert!(
        err.contains("would both be written to") && err.contains("k.en.pdf"),
        "{err}"
    );
    support::no_pdf_in(&out);
}
