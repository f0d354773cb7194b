//! Standard output that survives a reader who stops reading.
//!
//! `println!` panics when stdout is a pipe whose reader has gone (`handout build |
//! head -1`): exit code 101 and a panic message. Here a closed pipe ends output
//! quietly instead; the work itself (PDFs, reports) still completes and the exit code
//! says how it went.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout (or stderr) has refused a write: nothing more is tried there.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

fn write(mut stream: impl Write, closed: &AtomicBool, text: &str) {
    if closed.load(Ordering::Relaxed) {
        return;
    }
    if stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
        .is_err()
    {
        // A broken pipe above all; any other failure (a full disk behind a
        // redirection) would fail the same way on every later line.
        closed.store(true, Ordering::Relaxed);
    }
}

/// Writes `text` to stdout as is.
pub fn text(text: &str) {
    write(std::io::stdout().lock(), &STDOUT_CLOSED, text);
}

/// Writes `text` (an error message, a rendered [`crate::error::Error`]) to stderr.
pub fn error(text: &str) {
    write(std::io::stderr().lock(), &STDERR_CLOSED, text);
}

/// Writes one line to stdout.
pub fn line(line: impl std::fmt::Display) {
    text(&format!("{line}\n"));
}
