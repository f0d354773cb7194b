//! The `handout` binary run as a user runs it: one runner, with the few variations
//! tests need (working folder, where standard output goes, a child left running),
//! and what a run leaves in its output folder.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A finished run: exit code (-1 when killed by a signal), standard output and error.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Whether the run exited with code 0.
    pub fn success(&self) -> bool {
        self.code == 0
    }
}

/// A run of the `handout` binary being set up; [`Cli::run`] runs it to the end.
pub struct Cli(Command);

/// The `handout` binary with `args` (paths need not be UTF-8).
pub fn cli<I, S>(args: I) -> Cli
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handout"));
    cmd.args(args);
    Cli(cmd)
}

impl Cli {
    /// One more argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.0.arg(arg);
        self
    }

    /// More arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.0.args(args);
        self
    }

    /// Runs in `dir` instead of the crate's folder.
    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.0.current_dir(dir);
        self
    }

    /// Standard output goes to `to` (a pipe, a file, nowhere) instead of being
    /// captured.
    pub fn stdout(mut self, to: impl Into<Stdio>) -> Self {
        self.0.stdout(to);
        self
    }

    /// Standard error goes to `to`; a child left running ([`Cli::spawn`]) otherwise
    /// shares the test's.
    pub fn stderr(mut self, to: impl Into<Stdio>) -> Self {
        self.0.stderr(to);
        self
    }

    /// Runs to the end and captures what was printed (standard output and error
    /// unless sent elsewhere).
    pub fn run(mut self) -> Run {
        let out = self.0.output().expect("run the handout binary");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Starts the run and leaves it running (`handout watch`).
    pub fn spawn(mut self) -> Child {
        self.0.spawn().expect("start the handout binary")
    }
}

/// Runs the `handout` binary with `args`: exit code, standard output, standard error.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let r = cli(args).run();
    (r.code, r.stdout, r.stderr)
}

/// The sorted names of the PDFs in `dir` (none when `dir` does not exist).
pub fn pdfs_in(dir: &Path) -> Vec<String> {
    names_in(dir, |n| n.ends_with(".pdf"))
}

/// Asserts that `dir` (which need not exist) holds no PDF, finished or partial
/// (our temporary files: `.NAME.pdf.PID.tmp` and any other `*.tmp`).
pub fn no_pdf_in(dir: &Path) {
    let written = names_in(dir, |n| n.contains(".pdf") || n.ends_with(".tmp"));
    assert!(
        written.is_empty(),
        "a PDF (or partial PDF) was written to {}: {written:?}",
        dir.display()
    );
}

fn names_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| keep(n))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Builds, through the command line, a one-file handout in `language` with version
/// `version` and one paragraph `text`; returns the PDF's bytes.
pub fn build_one_file(language: &str, version: &str, text: &str) -> Vec<u8> {
    let tmp = tempfile::tempdir().expect("tmp");
    let yaml = tmp.path().join(format!("{language}.yaml"));
    std::fs::write(
        &yaml,
        format!("language: {language}\ntitle: T\nrevised: 2026-11-25\nversion: \"{version}\"\nsections:\n  - id: a\n    body:\n      - \"{text}\"\n"),
    )
    .expect("write");
    let out = tmp.path().join("out");
    let (code, _, err) = run(&[
        "build",
        yaml.to_str().unwrap_or(""),
        "-o",
        out.to_str().unwrap_or(""),
        "-q",
    ]);
    assert_eq!(code, 0, "{err}");
    let pdf = pdfs_in(&out).into_iter().next().expect("a PDF");
    std::fs::read(out.join(pdf)).expect("pdf")
}
