//! Hostile or broken input: every case exits non-zero with a message that names the
//! file (and position where there is one) and says what to do, and writes no PDF.

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stderr: String,
}

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
    let o = Command::new(env!("CARGO_BIN_EXE_handout"))
        .args(&args)
        .output()
        .expect("run");
    let run = Run {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("h/en.yaml"),
        "no file named: {}",
        run.stderr
    );
    assert!(run.stderr.contains("= help:"), "no advice: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let written = std::fs::read_dir(&out)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().contains(".pdf"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(written, 0, "a PDF was written");
    run
}

const HEAD: &str = "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\n";

fn with_body(body: &str) -> String {
    format!("{HEAD}sections:\n  - id: a\n    body:\n      - {body}\n")
}

#[test]
fn null_document() {
    let r = refuse(b"~\n", &[]);
    assert!(
        r.stderr.contains("expected struct SourceFile") && r.stderr.contains("must be a mapping"),
        "{}",
        r.stderr
    );
}

#[test]
fn wrong_top_level_type() {
    let r = refuse(b"- language: en\n- title: x\n", &[]);
    assert!(r.stderr.contains("invalid type: sequence"), "{}", r.stderr);
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
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(with_body("Fine.").as_bytes());
    std::fs::write(dir.join("en.yaml"), bytes).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_handout"))
        .args([
            "build",
            dir.to_str().unwrap_or(""),
            "-o",
            tmp.path().join("o").to_str().unwrap_or(""),
            "-q",
        ])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
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
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("en.yaml"), big).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_handout"))
        .args([
            "build",
            dir.to_str().unwrap_or(""),
            "-o",
            tmp.path().join("o").to_str().unwrap_or(""),
            "-q",
            "--max-file-size",
            "5000000",
        ])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
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
    let o = Command::new(env!("CARGO_BIN_EXE_handout"))
        .args([
            "build",
            dir.to_str().unwrap_or(""),
            "-o",
            dir.to_str().unwrap_or(""),
            "-q",
        ])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.join("en.yaml")).expect("read"),
        yaml
    );
    assert!(Path::new(&dir.join("h.en.pdf")).is_file());
}
