//! Images and logos: embedded without lossy re-encoding, placed inside the margins with
//! their text alternative, paths confined to their folder, broken files refused.

mod support;

use lopdf::{Document, Object};
use std::path::{Path, PathBuf};

const HANDOUT: &str = r#"language: en
title: Images
revised: 2026-11-25
version: "1.0"
sections:
  - id: intro
    heading: A diagram
    body:
      - Some text before the picture.
      - image: IMAGE
        alt: Five receptors in a row.
      - Some text after it.
"#;

struct Case {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
}

/// A handouts folder with handout `h` showing `image` (a path as written in YAML).
fn case(image: &str) -> Case {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("handouts");
    std::fs::create_dir_all(root.join("h")).expect("mkdir");
    std::fs::write(root.join("h/en.yaml"), HANDOUT.replace("IMAGE", image)).expect("write");
    let out = tmp.path().join("out");
    Case {
        _tmp: tmp,
        root,
        out,
    }
}

fn jpeg(path: &Path) -> Vec<u8> {
    let img = image::RgbImage::from_fn(300, 120, |x, y| {
        image::Rgb([(x % 256) as u8, (y * 2) as u8, 90])
    });
    img.save(path).expect("jpeg");
    std::fs::read(path).expect("read")
}

fn png_with_alpha(path: &Path) -> image::RgbaImage {
    let img = image::RgbaImage::from_fn(64, 32, |x, y| {
        image::Rgba([x as u8 * 4, y as u8 * 8, 200, if x < 32 { 255 } else { 0 }])
    });
    img.save(path).expect("png");
    img
}

fn build(c: &Case, extra: &[&str]) -> support::Run {
    support::cli(["build"])
        .arg(&c.root)
        .arg("-o")
        .arg(&c.out)
        .arg("-q")
        .args(extra)
        .run()
}

/// Builds `c` (exit 0 asserted) and returns the bytes of output file `name`.
fn built(c: &Case, extra: &[&str], name: &str) -> Vec<u8> {
    let run = build(c, extra);
    assert!(run.success(), "{}", run.stderr);
    std::fs::read(c.out.join(name)).expect("pdf")
}

fn image_streams(pdf: &Document) -> Vec<lopdf::Stream> {
    pdf.objects
        .values()
        .filter_map(|o| match o {
            Object::Stream(s)
                if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
                    && s.dict.get(b"SMask").is_ok() == s.dict.get(b"SMask").is_ok() =>
            {
                Some(s.clone())
            }
            _ => None,
        })
        .collect()
}

/// Where images are drawn on page `index`: the `cm` before each `Do`, in PDF space.
fn placements(pdf: &Document, index: usize) -> Vec<(f32, f32, f32, f32)> {
    let page = pdf.get_pages().into_values().nth(index).expect("page");
    let ops = lopdf::content::Content::decode(&pdf.get_page_content(page))
        .expect("content")
        .operations;
    let mut cm = None;
    let mut out = Vec::new();
    for op in ops {
        match op.operator.as_str() {
            "cm" => {
                let v: Vec<f32> = op
                    .operands
                    .iter()
                    .map(|o| o.as_float().unwrap_or(0.0))
                    .collect();
                cm = Some((v[4], v[5], v[0], v[3]));
            }
            "Do" => out.extend(cm.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn jpeg_is_embedded_byte_for_byte_inside_the_margins_with_its_alt_text() {
    let c = case("diagram.jpg");
    let original = jpeg(&c.root.join("h/diagram.jpg"));
    let pdf = support::load(&built(&c, &[], "h.en.pdf"));
    let images = image_streams(&pdf);
    assert_eq!(images.len(), 1);
    let s = &images[0];
    assert_eq!(
        s.dict.get(b"Filter").and_then(Object::as_name).ok(),
        Some(&b"DCTDecode"[..])
    );
    assert_eq!(s.content, original, "the JPEG must be stored unchanged");
    let (x, y, w, h) = placements(&pdf, 0)[0];
    let m = 12.0 * 72.0 / 25.4;
    assert!(
        x >= m && y >= m && x + w <= 595.28 - m && y + h <= 841.89 - m,
        "{x} {y} {w} {h}"
    );
    // 300 px at 150 dpi: 2 inches wide, aspect kept.
    assert!(
        (w - 144.0).abs() < 0.5 && (h / w - 0.4).abs() < 0.01,
        "{w}×{h}"
    );
    assert_eq!(
        support::figure_alts(&pdf, 0),
        ["Five receptors in a row."],
        "the image is marked as a figure with its alt text"
    );
    // The text around the image reads in order; the alt text is not printed.
    let text = support::content_text(&pdf);
    let (a, b) = (
        text.find("before the picture").expect("a"),
        text.find("after it").expect("b"),
    );
    assert!(a < b && !text.contains("Five receptors"));
}

#[test]
fn png_pixels_and_transparency_are_kept_losslessly() {
    let c = case("logo.png");
    let img = png_with_alpha(&c.root.join("h/logo.png"));
    let pdf = support::load(&built(&c, &[], "h.en.pdf"));
    let main = image_streams(&pdf)
        .into_iter()
        .find(|s| s.dict.get(b"SMask").is_ok())
        .expect("an image with a soft mask");
    let rgb: Vec<u8> = img
        .pixels()
        .flat_map(|p| [p.0[0], p.0[1], p.0[2]])
        .collect();
    assert_eq!(main.decompressed_content().expect("flate"), rgb);
    let mask_id = main
        .dict
        .get(b"SMask")
        .and_then(Object::as_reference)
        .expect("ref");
    let mask = pdf
        .get_object(mask_id)
        .and_then(Object::as_stream)
        .expect("mask");
    let alpha: Vec<u8> = img.pixels().map(|p| p.0[3]).collect();
    assert_eq!(mask.decompressed_content().expect("flate"), alpha);
}

fn refused(c: &Case, wanted: &[&str]) {
    let run = build(c, &[]);
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    for w in wanted {
        assert!(err.contains(w), "expected {w:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    // No PDF for a refused input.
    support::no_pdf_in(&c.out);
}

#[test]
fn missing_image_names_the_file_line_and_column() {
    refused(
        &case("nothere.png"),
        &[
            "en.yaml:10:16",
            "`nothere.png` does not exist",
            "put the image in",
        ],
    );
}

#[test]
fn corrupt_and_unsupported_images_are_refused() {
    let c = case("junk.png");
    std::fs::write(c.root.join("h/junk.png"), b"this is not an image at all").expect("write");
    refused(
        &c,
        &[
            "en.yaml:10:16",
            "is neither a PNG nor a JPEG",
            "save the image again",
        ],
    );

    let c = case("cut.png");
    png_with_alpha(&c.root.join("h/full.png"));
    let full = std::fs::read(c.root.join("h/full.png")).expect("read");
    std::fs::write(c.root.join("h/cut.png"), &full[..full.len() / 2]).expect("write");
    refused(&c, &["image `cut.png` is damaged or unreadable"]);

    let c = case("pic.gif");
    std::fs::write(
        c.root.join("h/pic.gif"),
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    )
    .expect("write");
    refused(&c, &["use PNG"]);
}

#[test]
fn image_paths_may_not_leave_the_handout_folder() {
    let c = case("../secret.png");
    png_with_alpha(&c.root.join("secret.png"));
    refused(&c, &["leaves the folder with `..`"]);

    let c = case("/etc/hostname");
    refused(&c, &["is an absolute path"]);

    #[cfg(unix)]
    {
        let c = case("link.png");
        let outside = c.root.parent().expect("parent").join("outside.png");
        png_with_alpha(&outside);
        std::os::unix::fs::symlink(&outside, c.root.join("h/link.png")).expect("symlink");
        refused(&c, &["is a link that leads outside"]);
    }
}

#[test]
fn an_image_needs_alt_text() {
    let c = case("x.png");
    let yaml = HANDOUT
        .replace("IMAGE", "x.png")
        .replace("        alt: Five receptors in a row.\n", "");
    std::fs::write(c.root.join("h/en.yaml"), yaml).expect("write");
    png_with_alpha(&c.root.join("h/x.png"));
    refused(&c, &["an image needs `alt:`"]);
}

/// A handout without section images, and a clinic.yaml with a logo beside it.
fn with_logo(clinic_yaml: &str) -> Case {
    let c = case("x.png");
    let yaml = HANDOUT.replace(
        "      - image: IMAGE\n        alt: Five receptors in a row.\n",
        "",
    );
    std::fs::write(c.root.join("h/en.yaml"), yaml).expect("write");
    png_with_alpha(&c.root.join("logo.png"));
    std::fs::write(c.root.join("clinic.yaml"), clinic_yaml).expect("write");
    c
}

#[test]
fn clinic_logo_sits_above_the_title_and_is_checked() {
    let c = with_logo("name: Riverside\nlogo:\n  file: logo.png\n  alt: Riverside Pain Clinic\n");
    for layout in ["single", "trifold"] {
        let name = if layout == "single" {
            "h.en.pdf"
        } else {
            "h.en.trifold.pdf"
        };
        let pdf = support::load(&built(&c, &["--layout", layout], name));
        let pages = support::pages(&pdf);
        // The page that shows the title also shows the logo, above it.
        let title_y = pages[0]
            .glyphs
            .iter()
            .filter(|g| g.text == "I" && g.size > 20.0)
            .map(|g| g.y)
            .fold(f32::MIN, f32::max);
        let logo = placements(&pdf, 0);
        assert_eq!(logo.len(), 1, "{layout}");
        let (x, y, _, h) = logo[0];
        assert!(
            y > title_y && (h - 14.0 * 72.0 / 25.4).abs() < 0.5,
            "{layout}: logo at {y}, title at {title_y}"
        );
        if layout == "trifold" {
            // On the cover: the right-hand panel of the outside.
            assert!(x > 197.0 * 72.0 / 25.4, "{x}");
        }
    }
    // A logo outside the clinic's folder is refused, naming clinic.yaml.
    std::fs::write(
        c.root.join("clinic.yaml"),
        "logo:\n  file: ../logo.png\n  alt: Riverside\n",
    )
    .expect("write");
    let run = build(&c, &["--force"]);
    let err = run.stderr.as_str();
    assert_eq!(run.code, 1, "{err}");
    assert!(
        err.contains("clinic.yaml:2:9") && err.contains("leaves the folder"),
        "{err}"
    );
}

#[test]
fn a_changed_image_is_rebuilt() {
    let c = case("d.jpg");
    jpeg(&c.root.join("h/d.jpg"));
    let report = c.out.join("r.json");
    let status = |c: &Case| {
        let run = build(c, &["--report", report.to_str().unwrap_or("")]);
        assert!(run.success());
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("json");
        v["leaflets"][0]["status"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(status(&c), "built");
    assert_eq!(status(&c), "unchanged");
    let img = image::RgbImage::from_fn(300, 120, |_, _| image::Rgb([10, 200, 10]));
    img.save(c.root.join("h/d.jpg")).expect("save");
    assert_eq!(status(&c), "built");
}

#[test]
fn a_logo_resolves_when_building_from_inside_the_handouts_folder() {
    let c = with_logo("logo:\n  file: logo.png\n  alt: Riverside\n");
    let run = support::cli(["build", "h", "-q", "-o"])
        .arg(&c.out)
        .current_dir(&c.root)
        .run();
    assert!(run.success(), "{}", run.stderr);
    let bytes = std::fs::read(c.out.join("h.en.pdf")).expect("pdf");
    assert!(
        bytes.starts_with(b"%PDF-1.7"),
        "soft masks need PDF 1.4 or later; PDF/A-2 and PDF/UA-1 are based on 1.7"
    );
    assert_eq!(placements(&support::load(&bytes), 0).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_link_pointed_at_another_image_is_a_change() {
    let c = case("pic.jpg");
    let (red, blue) = (c.root.join("h/red.jpg"), c.root.join("h/blue.jpg"));
    image::RgbImage::from_fn(60, 30, |_, _| image::Rgb([200, 10, 10]))
        .save(&red)
        .expect("red");
    image::RgbImage::from_fn(60, 30, |_, _| image::Rgb([10, 10, 200]))
        .save(&blue)
        .expect("blue");
    let link = c.root.join("h/pic.jpg");
    std::os::unix::fs::symlink("red.jpg", &link).expect("link");
    assert!(build(&c, &[]).success());
    let first = std::fs::read(c.out.join("h.en.pdf")).expect("pdf");
    std::fs::remove_file(&link).expect("unlink");
    std::os::unix::fs::symlink("blue.jpg", &link).expect("relink");
    assert!(build(&c, &[]).success());
    let second = std::fs::read(c.out.join("h.en.pdf")).expect("pdf");
    assert_ne!(first, second, "the leaflet must show the new picture");
}

#[test]
fn an_image_over_the_pixel_limit_is_refused_from_its_header() {
    // A PNG whose header claims 10 000 × 10 000 pixels: refused before decoding, so
    // a decompression bomb costs nothing.
    let c = case("huge.png");
    let path = c.root.join("h/huge.png");
    png_with_alpha(&path);
    let mut bytes = std::fs::read(&path).expect("read");
    // IHDR data starts at byte 16 (8 signature + 4 length + 4 type).
    bytes[16..20].copy_from_slice(&10_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&10_000u32.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    std::fs::write(&path, bytes).expect("write");
    refused(&c, &["has 10000 × 10000 pixels", "at most 8 million"]);
}
