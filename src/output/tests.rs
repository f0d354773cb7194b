//! The atomic writer under injected failures. These are the disk-full tests: a real
//! full disk cannot be staged without root (a small tmpfs needs `mount`, and
//! /dev/full cannot be a rename target), so a writer that runs out of space part way
//! stands in for it.

use super::*;
use std::cell::Cell;
use std::fs::File;

/// A disk with `room` bytes left; `sync_error` makes the final flush fail instead.
struct FillingDisk {
    room: usize,
    fail: fn() -> io::Error,
    sync_fails: bool,
    wrote: Cell<usize>,
}

struct FillingFile<'a> {
    file: File,
    disk: &'a FillingDisk,
}

impl Write for FillingFile<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.disk.room - self.disk.wrote.get();
        if left == 0 {
            return Err((self.disk.fail)());
        }
        let n = self.file.write(&buf[..buf.len().min(left)])?;
        self.disk.wrote.set(self.disk.wrote.get() + n);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl<'a> Sink for &'a FillingDisk {
    type File = FillingFile<'a>;
    fn create(&self, path: &Path) -> io::Result<FillingFile<'a>> {
        Ok(FillingFile {
            file: File::create(path)?,
            disk: self,
        })
    }
    fn sync(&self, file: FillingFile<'a>) -> io::Result<()> {
        if self.sync_fails {
            return Err(io::Error::other("I/O error while flushing"));
        }
        file.file.sync_all()
    }
}

fn disk(room: usize, fail: fn() -> io::Error) -> FillingDisk {
    FillingDisk {
        room,
        fail,
        sync_fails: false,
        wrote: Cell::new(0),
    }
}

/// A sink that cannot even create the temporary file.
struct Refusing(fn() -> io::Error);

impl Sink for Refusing {
    type File = File;
    fn create(&self, _: &Path) -> io::Result<File> {
        Err((self.0)())
    }
    fn sync(&self, _: File) -> io::Result<()> {
        Ok(())
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

const OLD: &[u8] = b"%PDF-1.7 the previous good leaflet %%EOF";

fn new_pdf() -> Vec<u8> {
    let mut v = b"%PDF-1.7 ".to_vec();
    v.resize(64 * 1024, b'x');
    v
}

#[test]
fn disk_full_midway_keeps_the_previous_pdf_and_leaves_no_temp_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dest = tmp.path().join("h.en.pdf");
    std::fs::write(&dest, OLD).expect("write");
    let full = disk(1000, || io::Error::from_raw_os_error(28));
    let err = write_atomic_with(&&full, &dest, &new_pdf()).expect_err("disk is full");
    assert_eq!(full.wrote.get(), 1000, "the temp file was partly written");
    let msg = err.to_string();
    assert!(msg.contains(&dest.display().to_string()), "{msg}");
    assert!(msg.contains("the disk is full"), "{msg}");
    assert!(
        msg.contains(&format!(
            "free space on the disk holding {}",
            tmp.path().display()
        )),
        "{msg}"
    );
    assert!(msg.contains("build again"), "{msg}");
    assert!(msg.contains("previous"), "{msg}");
    assert_eq!(err.kind.exit_code(), 1);
    assert_eq!(std::fs::read(&dest).expect("read"), OLD);
    assert_eq!(names(tmp.path()), ["h.en.pdf"]);
}

#[test]
fn storage_full_kind_without_a_previous_pdf_leaves_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dest = tmp.path().join("h.en.pdf");
    let full = disk(0, || io::ErrorKind::StorageFull.into());
    let err = write_atomic_with(&&full, &dest, &new_pdf()).expect_err("disk is full");
    let msg = err.to_string();
    assert!(
        msg.contains("the disk is full") && msg.contains("h.en.pdf"),
        "{msg}"
    );
    assert!(!msg.contains("previous"), "{msg}");
    assert!(names(tmp.path()).is_empty(), "{:?}", names(tmp.path()));
}

#[test]
fn failed_flush_leaves_no_temp_file_and_keeps_the_previous_pdf() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dest = tmp.path().join("h.en.pdf");
    std::fs::write(&dest, OLD).expect("write");
    let mut d = disk(usize::MAX, || io::ErrorKind::StorageFull.into());
    d.sync_fails = true;
    let err = write_atomic_with(&&d, &dest, &new_pdf()).expect_err("flush fails");
    assert!(err.to_string().contains("h.en.pdf"), "{err}");
    assert!(err.to_string().contains("= help:"), "{err}");
    assert_eq!(std::fs::read(&dest).expect("read"), OLD);
    assert_eq!(names(tmp.path()), ["h.en.pdf"]);
}

#[test]
fn permission_denied_says_to_check_the_folder_or_choose_another() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dest = tmp.path().join("h.en.pdf");
    let err = write_atomic_with(
        &Refusing(|| io::ErrorKind::PermissionDenied.into()),
        &dest,
        b"x",
    )
    .expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("h.en.pdf"), "{msg}");
    assert!(msg.contains("check the permissions of the folder"), "{msg}");
    assert!(msg.contains("-o"), "{msg}");
    assert!(names(tmp.path()).is_empty());
}

#[test]
fn read_only_file_system_says_to_choose_another_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dest = tmp.path().join("h.en.pdf");
    let err = write_atomic_with(
        &Refusing(|| io::ErrorKind::ReadOnlyFilesystem.into()),
        &dest,
        b"x",
    )
    .expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("read-only file system"), "{msg}");
    assert!(
        msg.contains("choose another output folder with -o"),
        "{msg}"
    );
}

#[test]
fn the_disk_replaces_the_previous_pdf_whole_and_leaves_no_temp_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dest = tmp.path().join("h.en.pdf");
    std::fs::write(&dest, OLD).expect("write");
    write_atomic(&dest, &new_pdf()).expect("written");
    assert_eq!(std::fs::read(&dest).expect("read"), new_pdf());
    assert_eq!(names(tmp.path()), ["h.en.pdf"]);
}

#[test]
fn temp_file_sits_beside_the_destination() {
    let t = temp_path(Path::new("out/h.en.pdf"));
    assert_eq!(folder_of(&t), Path::new("out"));
    assert_eq!(
        t.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some(format!(".h.en.pdf.{}.tmp", std::process::id()))
    );
    assert_eq!(folder_of(Path::new("x.pdf")), Path::new("."));
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_temp_name_is_replaced_not_followed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let input = tmp.path().join("en.yaml");
    std::fs::write(&input, "language: en\n").expect("write");
    let dest = tmp.path().join("h.en.pdf");
    std::os::unix::fs::symlink(&input, temp_path(&dest)).expect("symlink");
    write_atomic(&dest, &new_pdf()).expect("written");
    assert_eq!(
        std::fs::read_to_string(&input).expect("read"),
        "language: en\n"
    );
    assert_eq!(std::fs::read(&dest).expect("read"), new_pdf());
    assert_eq!(names(tmp.path()), ["en.yaml", "h.en.pdf"]);
}

#[test]
fn only_our_temporary_names_count_as_leftovers() {
    for ours in [
        ".h.en.pdf.123.tmp",
        ".h.en.letter.pdf.9.tmp",
        "..handout-cache.json.77.tmp",
        ".handout-probe.5.tmp",
    ] {
        assert!(is_temp_name(ours), "{ours}");
    }
    for theirs in [
        "h.en.pdf",
        ".h.en.pdf.tmp",
        ".h.en.pdf.12a.tmp",
        ".notes.txt.123.tmp",
        "..pdf.1.tmp",
        ".pdf.1.tmp",
        "x.tmp",
    ] {
        assert!(!is_temp_name(theirs), "{theirs}");
    }
}

#[test]
fn stale_leftovers_are_removed_and_fresh_ones_kept() {
    let tmp = tempfile::tempdir().expect("tmp");
    let old = tmp.path().join(".h.en.pdf.4242.tmp");
    let fresh = tmp.path().join(".h.de.pdf.4243.tmp");
    let theirs = tmp.path().join(".notes.txt.1.tmp");
    for p in [&old, &fresh, &theirs] {
        std::fs::write(p, "partial").expect("write");
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&old, &theirs] {
        File::options()
            .write(true)
            .open(p)
            .and_then(|f| f.set_modified(hour_ago))
            .expect("age");
    }
    assert_eq!(remove_stale(tmp.path(), STALE_AFTER), 1);
    assert_eq!(
        names(tmp.path()),
        [".h.de.pdf.4243.tmp", ".notes.txt.1.tmp"]
    );
}

#[test]
fn staged_files_replace_nothing_until_published() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b) = (tmp.path().join("a.pdf"), tmp.path().join("b.pdf"));
    std::fs::write(&a, "old a").expect("write");
    std::fs::write(&b, "old b").expect("write");
    let sa = stage(&a, b"new a").expect("stage a");
    let sb = stage(&b, b"new b").expect("stage b");
    // Written beside their destinations; the old files are still the ones there.
    assert_eq!(names(tmp.path()).len(), 4);
    assert_eq!(std::fs::read(&a).expect("a"), b"old a");
    flush(tmp.path(), &[&sa, &sb]).expect("flush");
    sa.publish().expect("publish a");
    sb.discard();
    assert_eq!(std::fs::read(&a).expect("a"), b"new a");
    assert_eq!(std::fs::read(&b).expect("b"), b"old b");
    assert_eq!(names(tmp.path()), ["a.pdf", "b.pdf"]);
}

#[test]
fn one_staged_file_is_flushed_by_itself() {
    let tmp = tempfile::tempdir().expect("tmp");
    let a = tmp.path().join("a.pdf");
    let sa = stage(&a, b"new a").expect("stage");
    flush(tmp.path(), &[&sa]).expect("flush");
    sa.publish().expect("publish");
    assert_eq!(std::fs::read(&a).expect("a"), b"new a");
}

#[cfg(unix)]
#[test]
fn holds_is_only_true_for_a_regular_file_with_the_same_bytes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (file, link) = (tmp.path().join("f.pdf"), tmp.path().join("l.pdf"));
    std::fs::write(&file, "same").expect("write");
    std::os::unix::fs::symlink(&file, &link).expect("symlink");
    assert!(holds(&file, b"same"));
    assert!(!holds(&file, b"other"));
    assert!(!holds(&link, b"same"), "a link is replaced, never kept");
    assert!(!holds(&tmp.path().join("missing.pdf"), b"same"));
}
