//! The file-size limit is checked before a file is read, and no file is ever read
//! past it: a huge file costs nothing, however it is found.
//!
//! "Nothing read" is measured, not timed: Linux counts the bytes each thread reads
//! (`rchar` in /proc/thread-self/io), so a test can assert how much a call read.

mod support;

use handout::model::Limits;

/// Bytes this thread has read so far.
fn bytes_read() -> u64 {
    let io = std::fs::read_to_string("/proc/thread-self/io").expect("/proc/thread-self/io");
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("rchar")
}

#[test]
fn a_huge_file_in_a_handout_folder_is_refused_without_reading_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("en.yaml");
    // 1 GiB, sparse: no disk used, and reading it would take seconds and a gigabyte.
    std::fs::File::create(&file)
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let before = bytes_read();
    let err = handout::discover::discover_with(&dir, Limits::default()).expect_err("refused");
    let read = bytes_read() - before;
    assert!(read < 64 * 1024, "{read} bytes read to refuse the file");
    assert_eq!(
        err.diagnostics[0].message,
        "the file is 1073741824 bytes, more than the limit of 1048576 bytes"
    );
    assert_eq!(err.diagnostics[0].file.as_deref(), Some(file.as_path()));
}

#[test]
fn a_file_whose_size_is_unknown_is_read_only_to_the_limit() {
    // Files in /proc say they are empty but are not: the limit must hold anyway.
    let file = std::path::Path::new("/proc/self/maps");
    let limits = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    let real_size = std::fs::read(file).expect("maps").len();
    assert!(real_size > 2000, "{real_size}");
    // Reading the counter is itself a read (of a length that varies by a digit or
    // two): measure what that costs first.
    let start = bytes_read();
    let before = bytes_read();
    let counting = before - start;
    let err = handout::model::load::read_bounded(file, limits).expect_err("refused");
    let read = bytes_read() - before - counting;
    assert!(read < 200, "{read} bytes read for a limit of 100");
    assert_eq!(
        err.diagnostics[0].message,
        "the file is larger than the limit of 100 bytes"
    );
    assert_eq!(
        err.diagnostics[0].help.as_deref(),
        Some("split the handout, or raise the limit with --max-file-size if it is really meant to be this large")
    );
}

#[test]
fn the_build_command_refuses_a_huge_file_naming_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::File::create(dir.join("de.yaml"))
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let run = support::cli(["build", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&dir)
        .run();
    let stderr = run.stderr.as_str();
    assert_eq!(run.code, 1, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "error: the file is 1073741824 bytes, more than the limit of 1048576 bytes\n  --> {}\n  = help: split the handout, or raise the limit with --max-file-size if it is really meant to be this large\n",
            dir.join("de.yaml").display()
        )
    );
}

#[test]
fn a_huge_clinic_file_is_refused_without_reading_it() {
    // clinic.yaml is not looked at by discovery; the build reads it (for the cache
    // key and the branding) and must stop at the limit too.
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("h");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("en.yaml"),
        "language: en\ntitle: T\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n  - id: a\n    body:\n      - Text.\n",
    )
    .expect("write");
    let clinic = tmp.path().join("clinic.yaml");
    std::fs::File::create(&clinic)
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let handouts = handout::discover::discover_with(&dir, Limits::default()).expect("discover");
    let opts = handout::batch::Options {
        output: tmp.path().join("out"),
        limits: Limits::default(),
        form: handout::layout::PrintForm::default(),
        jobs: Some(1),
        fail_fast: false,
        force: false,
        shard: None,
    };
    let jobs = handout::batch::plan(&handouts, &[], &opts).expect("plan");
    let before = bytes_read();
    // One job runs on this thread, so this thread's counter sees every read.
    let outcomes = handout::batch::run(&jobs, &opts, &|_| {}).expect("run");
    let read = bytes_read() - before;
    assert!(read < 4 * 1024 * 1024, "{read} bytes read");
    let err = outcomes[0].error.as_ref().expect("refused");
    assert_eq!(
        err.diagnostics[0].message,
        "the file is 1073741824 bytes, more than the limit of 1048576 bytes"
    );
    assert_eq!(err.diagnostics[0].file.as_deref(), Some(clinic.as_path()));
}
