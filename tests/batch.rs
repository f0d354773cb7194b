//! Batch builds through the command line: parallel determinism, reports, failures,
//! shards and incremental rebuilds.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use support::run;

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or("")
}

fn pdfs(dir: &Path) -> BTreeSet<String> {
    support::pdfs_in(dir).into_iter().collect()
}

/// The ketamine handout's languages that the batch tests build.
const LOCALES: [&str; 8] = ["en", "de", "es", "fr", "ru", "vi", "ar", "zh-Hans"];

/// A handouts folder of its own in `dir` holding the ketamine handout in the eight
/// [`LOCALES`]: the tests count leaflets, so they must not depend on what a clinic
/// has added to the real `handouts/` folder.
fn ketamine_fixture(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("handouts");
    let k = root.join("ketamine");
    std::fs::create_dir_all(&k).expect("mkdir");
    for l in LOCALES {
        let f = format!("{l}.yaml");
        std::fs::copy(Path::new("handouts/ketamine").join(&f), k.join(&f)).expect("copy");
    }
    root
}

#[test]
fn parallel_output_is_identical_to_serial() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = ketamine_fixture(tmp.path());
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(run(&["build", s(&root), "-o", s(&a), "-j", "1", "-q"]).0, 0);
    assert_eq!(run(&["build", s(&root), "-o", s(&b), "-j", "2", "-q"]).0, 0);
    let names = pdfs(&a);
    assert_eq!(names.len(), 8);
    assert_eq!(names, pdfs(&b));
    for n in names {
        assert!(
            std::fs::read(a.join(&n)).ok() == std::fs::read(b.join(&n)).ok(),
            "{n} differs between -j 1 and -j 2"
        );
    }
}

#[test]
fn reports_list_every_leaflet_with_totals() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = ketamine_fixture(tmp.path());
    let out = tmp.path().join("out");
    let (json, xml) = (tmp.path().join("r.json"), tmp.path().join("j.xml"));
    let (code, _, err) = run(&[
        "build",
        s(&root),
        "-o",
        s(&out),
        "-q",
        "--report",
        s(&json),
        "--junit",
        s(&xml),
    ]);
    assert_eq!(code, 0, "{err}");
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("report")).expect("json");
    let leaflets = r["leaflets"].as_array().expect("leaflets");
    assert_eq!(leaflets.len(), 8);
    for l in leaflets {
        for key in [
            "handout",
            "locale",
            "output",
            "pages",
            "bytes",
            "sha256",
            "status",
            "warnings",
            "milliseconds",
        ] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
        let bytes = std::fs::read(l["output"].as_str().unwrap_or("")).expect("pdf");
        assert_eq!(l["bytes"].as_u64(), Some(bytes.len() as u64));
        assert_eq!(l["sha256"].as_str().map(str::len), Some(64));
    }
    assert_eq!(r["totals"]["leaflets"], 8);
    assert_eq!(r["totals"]["failed"], 0);
    let junit = std::fs::read_to_string(&xml).expect("junit");
    assert_eq!(junit.matches("<testcase ").count(), 8);
    assert!(junit.contains("failures=\"0\""));
}

/// A folder with the ketamine handout (en, de) and a broken handout.
fn with_broken(dir: &Path) {
    let k = dir.join("ketamine");
    std::fs::create_dir_all(&k).expect("mkdir");
    for f in ["en.yaml", "de.yaml"] {
        std::fs::copy(Path::new("handouts/ketamine").join(f), k.join(f)).expect("copy");
    }
    let b = dir.join("broken");
    std::fs::create_dir_all(&b).expect("mkdir");
    std::fs::write(
        b.join("en.yaml"),
        "language: en\ntitle: x\nrevised: 2026-11-25\nversion: \"1\"\nsections: []\n",
    )
    .expect("write");
}

/// A folder with the ketamine handout in English and German, built once into `out`.
fn two_leaflets_built(dir: &Path) -> std::path::PathBuf {
    with_broken(dir);
    std::fs::remove_dir_all(dir.join("broken")).expect("rm");
    let out = dir.join("out");
    assert_eq!(run(&["build", s(dir), "-o", s(&out), "-q"]).0, 0);
    out
}

/// Changes one heading of the German translation in `dir`.
fn edit_german(dir: &Path) {
    let de = dir.join("ketamine/de.yaml");
    let text = std::fs::read_to_string(&de).expect("read");
    std::fs::write(
        &de,
        text.replace("Was ist Ketamin?", "Was ist eigentlich Ketamin?"),
    )
    .expect("write");
}

#[test]
fn one_failure_does_not_stop_the_others() {
    let tmp = tempfile::tempdir().expect("tmp");
    with_broken(tmp.path());
    let out = tmp.path().join("out");
    let json = tmp.path().join("r.json");
    let (code, _, err) = run(&[
        "build",
        s(tmp.path()),
        "-o",
        s(&out),
        "-q",
        "--report",
        s(&json),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("the handout has no sections"), "{err}");
    assert_eq!(
        pdfs(&out),
        ["ketamine.de.pdf", "ketamine.en.pdf"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("report")).expect("json");
    assert_eq!(r["totals"]["failed"], 1);
    assert_eq!(r["totals"]["built"], 2);
    let failed: Vec<&serde_json::Value> = r["leaflets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| l["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["handout"], "broken");
    assert!(failed[0]["error"]
        .as_str()
        .unwrap_or("")
        .contains("no sections"));
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let tmp = tempfile::tempdir().expect("tmp");
    with_broken(tmp.path());
    let out = tmp.path().join("out");
    let json = tmp.path().join("r.json");
    // "broken" sorts first; with one worker nothing after it is attempted.
    let (code, _, _) = run(&[
        "build",
        s(tmp.path()),
        "-o",
        s(&out),
        "-q",
        "-j",
        "1",
        "--fail-fast",
        "--report",
        s(&json),
    ]);
    assert_eq!(code, 1);
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("report")).expect("json");
    assert_eq!(r["totals"]["failed"], 1);
    assert_eq!(r["totals"]["skipped"], 2);
    support::no_pdf_in(&out);
}

#[test]
fn shards_are_disjoint_and_cover_everything() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = ketamine_fixture(tmp.path());
    let mut union = BTreeSet::new();
    let mut total = 0;
    for k in 1..=3 {
        let out = tmp.path().join(format!("s{k}"));
        let (code, _, err) = run(&[
            "build",
            s(&root),
            "-o",
            s(&out),
            "-q",
            "--shard",
            &format!("{k}/3"),
        ]);
        assert_eq!(code, 0, "{err}");
        let got = pdfs(&out);
        total += got.len();
        union.extend(got);
    }
    assert_eq!(total, 8, "shards overlap");
    assert_eq!(union.len(), 8, "shards miss leaflets");
    assert_eq!(run(&["build", s(&root), "--shard", "4/3"]).0, 2);
}

#[test]
fn unchanged_leaflets_are_not_rebuilt() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = two_leaflets_built(tmp.path());
    let d = s(tmp.path());
    let (_, second, _) = run(&["build", d, "-o", s(&out)]);
    assert!(second.contains("0 built, 2 unchanged"), "{second}");

    // Changing the translation rebuilds only that leaflet.
    edit_german(tmp.path());
    let (_, third, _) = run(&["build", d, "-o", s(&out)]);
    assert!(third.contains("1 built, 1 unchanged"), "{third}");

    // A PDF changed behind our back is rebuilt, and --force rebuilds everything.
    std::fs::write(out.join("ketamine.en.pdf"), b"not the pdf").expect("write");
    let (_, fourth, _) = run(&["build", d, "-o", s(&out)]);
    assert!(fourth.contains("1 built, 1 unchanged"), "{fourth}");
    let (_, fifth, _) = run(&["build", d, "-o", s(&out), "--force"]);
    assert!(fifth.contains("2 built, 0 unchanged"), "{fifth}");
}

#[cfg(unix)]
#[test]
fn a_forced_rebuild_leaves_identical_pdfs_untouched_and_replaces_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().expect("tmp");
    let out = two_leaflets_built(tmp.path());
    let d = s(tmp.path());
    let file = |l: &str| out.join(format!("ketamine.{l}.pdf"));
    let inode = |l: &str| std::fs::metadata(file(l)).expect("pdf").ino();
    let (en, de) = (inode("en"), inode("de"));
    let de_before = std::fs::read(file("de")).expect("pdf");

    edit_german(tmp.path());
    let (code, report, _) = run(&["build", d, "-o", s(&out), "--force"]);
    assert_eq!(code, 0);
    assert!(report.contains("2 built, 0 unchanged"), "{report}");
    // English came out byte for byte the same: the file was left as it was.
    assert_eq!(inode("en"), en);
    // German changed: a new file took the old one's place, with the new text.
    assert_ne!(inode("de"), de);
    let de_after = std::fs::read(file("de")).expect("pdf");
    assert_ne!(de_after, de_before);
    let text = handout_text(&de_after);
    assert!(text.contains("eigentlich"), "{text}");
}

/// The text of a PDF, as its content streams show it (through the test support).
fn handout_text(pdf: &[u8]) -> String {
    support::content_text(&support::load(pdf))
}

#[test]
fn watch_rebuilds_what_changed() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().expect("tmp");
    with_broken(tmp.path());
    std::fs::remove_dir_all(tmp.path().join("broken")).expect("rm");
    let out = tmp.path().join("out");
    let mut child = support::cli(["watch", s(tmp.path()), "-o", s(&out), "--interval", "100"])
        .stdout(std::process::Stdio::piped())
        .spawn();
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let wait_summary = |rx: &std::sync::mpsc::Receiver<String>| -> String {
        loop {
            match rx.recv_timeout(std::time::Duration::from_secs(30)) {
                Ok(l) if l.contains(" leaflets: ") => return l,
                Ok(_) => continue,
                Err(_) => return String::new(),
            }
        }
    };
    let first = wait_summary(&rx);
    assert!(first.contains("2 built"), "first round: {first:?}");
    let de = tmp.path().join("ketamine/de.yaml");
    let text = std::fs::read_to_string(&de).expect("read");
    std::fs::write(
        &de,
        text.replace("Was ist Ketamin?", "Was genau ist Ketamin?"),
    )
    .expect("write");
    let second = wait_summary(&rx);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        second.contains("1 built, 1 unchanged"),
        "after a save: {second:?}"
    );
}
