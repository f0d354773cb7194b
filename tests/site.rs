//! `handout site`: the web pages the QR codes open, read back as a browser parses
//! them (html5ever), against the documents and PDFs they come from. The same pages
//! in a real browser, with axe-core: tests/site_browser.rs.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::html::{self, all, attr, first};

const HANDOUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/handouts");
const RIGHT_TO_LEFT: [&str; 4] = ["ar", "fa", "he", "ur"];

/// The site of the shipped handouts, every locale, A4 and A4 large print PDFs; made
/// once for this file's tests.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir").keep();
        let out = dir.join("site");
        let run = support::cli(["site", HANDOUTS, "--pdf", "a4,a4-large", "-q", "-o"])
            .arg(&out)
            .run();
        assert!(run.success(), "site failed: {}", run.stderr);
        out
    })
}

/// Every handout page: (site folder, e.g. `ketamine/de`, locale).
fn pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(site().join("ketamine")).expect("ketamine folder") {
        let entry = entry.expect("entry");
        if entry.path().join("index.html").is_file() {
            let locale = entry.file_name().to_string_lossy().into_owned();
            out.push((format!("ketamine/{locale}"), locale));
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A site file's bytes by path, for comparing two sites.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
            let name = format!("{prefix}{}", e.file_name().to_string_lossy());
            if e.path().is_dir() {
                walk(&e.path(), &format!("{name}/"), out);
            } else {
                out.insert(name, std::fs::read(e.path()).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, "", &mut out);
    out
}

#[test]
fn every_page_parses_as_html5_without_errors_with_its_language_and_direction() {
    let pages = pages();
    assert_eq!(pages.len(), 33, "one page per locale");
    for (folder, locale) in pages {
        let page = html::parse(&read(&site().join(&folder).join("index.html")));
        assert!(page.errors.is_empty(), "{folder}: {:?}", page.errors);
        let root = first(&page.root, "html").expect("html element");
        assert_eq!(attr(&root, "lang").as_deref(), Some(locale.as_str()));
        let dir = if RIGHT_TO_LEFT.contains(&locale.as_str()) {
            "rtl"
        } else {
            "ltr"
        };
        assert_eq!(attr(&root, "dir").as_deref(), Some(dir), "{folder}");
    }
    let index = html::parse(&read(&site().join("index.html")));
    assert!(index.errors.is_empty(), "index: {:?}", index.errors);
}

#[test]
fn a_page_holds_every_text_of_its_leaflet_in_reading_order_in_semantic_elements() {
    for locale in ["en", "de", "ar", "zh-Hans", "ur"] {
        let doc = support::ketamine(locale);
        let page = html::parse(&read(
            &site().join("ketamine").join(locale).join("index.html"),
        ));
        let main = first(&page.root, "main").expect("main");
        let h1 = first(&main, "h1").expect("h1");
        assert_eq!(html::text(&h1), doc.title.styled.text, "{locale}");
        let description = all(&page.root, "meta")
            .into_iter()
            .find(|m| attr(m, "name").as_deref() == Some("description"))
            .and_then(|m| attr(&m, "content"));
        assert_eq!(
            description,
            doc.subject.as_ref().map(|s| s.styled.text.clone())
        );
        let body = html::text(&main);
        let mut at = 0;
        // Every printed text: the subject is metadata (the PDF's and the page's
        // description), an image's alt text an attribute.
        let alts: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| &s.body)
            .filter_map(|b| match b {
                handout::model::Block::Image(i) => Some(i.alt.id.as_str()),
                _ => None,
            })
            .collect();
        for t in doc.texts().into_iter().skip(1) {
            if t.id == "subject" || alts.contains(&t.id.as_str()) {
                continue;
            }
            let wanted: String = t
                .styled
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match body[at..].find(&wanted) {
                Some(i) => at += i + wanted.len(),
                None => panic!("{locale}: `{}` missing or out of order", t.id),
            }
        }
        // One h2 per headed section; the warning box is an aside, the lists are lists.
        let headed = doc.sections.iter().filter(|s| s.heading.is_some()).count();
        let downloads = 1;
        assert_eq!(all(&main, "h2").len(), headed + downloads, "{locale}");
        let asides = all(&main, "aside");
        assert_eq!(asides.len(), 1, "{locale}: the side-effects box");
        assert_eq!(attr(&asides[0], "id").as_deref(), Some("side-effects"));
        let items: usize = doc
            .sections
            .iter()
            .flat_map(|s| &s.body)
            .map(|b| match b {
                handout::model::Block::List(items) => items.len(),
                _ => 0,
            })
            .sum();
        assert_eq!(
            all(&main, "li").len(),
            items + 2,
            "{locale}: list items + 2 PDFs"
        );
        assert!(
            first(&page.root, "footer").is_some_and(|f| html::text(&f).contains(&doc.meta.version))
        );
    }
}

#[test]
fn a_draft_says_so_in_its_language_and_in_english_marked_as_english() {
    let page = html::parse(&read(&site().join("ketamine/de/index.html")));
    let notice = all(&page.root, "p")
        .into_iter()
        .find(|p| attr(p, "class").as_deref() == Some("draft"))
        .expect("draft notice");
    let english = first(&notice, "span").expect("English half");
    assert_eq!(attr(&english, "lang").as_deref(), Some("en"));
    assert_eq!(html::text(&english), handout::model::DRAFT_NOTICE_EN);
    let source = html::parse(&read(&site().join("ketamine/en/index.html")));
    assert!(all(&source.root, "p")
        .iter()
        .all(|p| attr(p, "class").as_deref() != Some("draft")));
}

#[test]
fn every_qr_code_opens_the_page_its_pdf_is_offered_on() {
    for (folder, locale) in pages() {
        let pdf_path = site().join(&folder).join(format!("ketamine.{locale}.pdf"));
        let pdf = support::load(&std::fs::read(&pdf_path).expect("A4 PDF beside the page"));
        let pages = pdf.get_pages().len();
        let urls: Vec<String> = (0..pages)
            .flat_map(|p| support::decode_qr(&support::black_rects(&pdf, p), 6.0))
            .collect();
        assert_eq!(urls.len(), 1, "{folder}: one QR code");
        let path = urls[0]
            .strip_prefix("https://handouts.example.org/")
            .expect("under the site's address");
        let path = path.split('?').next().unwrap_or_default();
        assert_eq!(path, folder, "the QR code of {folder}'s PDF");
        assert!(site().join(path).join("index.html").is_file());
    }
}

#[test]
fn pages_link_every_language_version_and_their_pdfs_with_size_and_page_count() {
    let (folders, locales): (Vec<String>, Vec<String>) = pages().into_iter().unzip();
    for (folder, locale) in folders.iter().zip(&locales) {
        let dir = site().join(folder);
        let page = html::parse(&read(&dir.join("index.html")));
        let alternates: Vec<String> = all(&page.root, "link")
            .iter()
            .filter(|l| attr(l, "rel").as_deref() == Some("alternate"))
            .filter_map(|l| attr(l, "hreflang"))
            .collect();
        assert_eq!(
            alternates.len(),
            locales.len() + 1,
            "{folder}: all + x-default"
        );
        let links = all(&first(&page.root, "nav").expect("language switcher"), "a");
        assert_eq!(
            links.len(),
            locales.len() - 1,
            "{folder}: every other language"
        );
        for a in &links {
            let href = attr(a, "href").expect("href");
            assert!(
                dir.join(&href).join("index.html").is_file(),
                "{folder}: {href}"
            );
            assert_eq!(attr(a, "hreflang"), attr(a, "lang"));
        }
        let pdfs: Vec<_> = all(&page.root, "a")
            .into_iter()
            .filter(|a| attr(a, "type").as_deref() == Some("application/pdf"))
            .collect();
        assert_eq!(pdfs.len(), 2, "{folder}: A4 and large print");
        for a in pdfs {
            let file = dir.join(attr(&a, "href").expect("href"));
            let bytes = std::fs::read(&file).expect("the PDF is in the site");
            assert!(bytes.starts_with(b"%PDF-"), "{}", file.display());
            let details = html::text(&a.parent.take().and_then(|p| p.upgrade()).expect("li"));
            let pages = support::load(&bytes).get_pages().len();
            let doc = support::ketamine(locale);
            let kb = doc.language.number(bytes.len().div_ceil(1024));
            assert!(details.contains(&format!("{kb} KB")), "{folder}: {details}");
            assert!(
                details.contains(&format!(": {})", doc.language.number(pages))),
                "{folder}: {details}"
            );
        }
    }
}

#[test]
fn the_sitemap_and_index_list_every_page_once() {
    let sitemap = read(&site().join("sitemap.xml"));
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    assert_eq!(locs.len(), 34, "the index and 33 pages");
    for loc in &locs {
        let path = loc
            .strip_prefix("https://handouts.example.org/")
            .expect("absolute");
        assert!(site().join(path).join("index.html").is_file(), "{loc}");
    }
    let index = html::parse(&read(&site().join("index.html")));
    let links: Vec<String> = all(&index.root, "a")
        .iter()
        .filter_map(|a| attr(a, "href"))
        .collect();
    assert_eq!(links.len(), 33);
    assert!(links
        .iter()
        .all(|l| site().join(l).join("index.html").is_file()));
}

/// The shipped handouts copied into a temporary folder, to change.
fn copy_of_handouts() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let to = dir.path().join("handouts/ketamine");
    std::fs::create_dir_all(&to).expect("mkdir");
    for file in ["en.yaml", "de.yaml"] {
        std::fs::copy(
            Path::new(HANDOUTS).join("ketamine").join(file),
            to.join(file),
        )
        .expect("copy");
    }
    let handouts = dir.path().join("handouts");
    (dir, handouts)
}

fn small_site(handouts: &Path, out: &Path, extra: &[&str]) -> support::Run {
    support::cli(["site", "--pdf", "a4", "-o"])
        .arg(out)
        .arg(handouts)
        .args(extra)
        .run()
}

#[test]
fn a_second_run_changes_nothing_and_two_runs_make_the_same_bytes() {
    let (dir, handouts) = copy_of_handouts();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let first = small_site(&handouts, &a, &[]);
    assert!(first.success(), "{}", first.stderr);
    assert!(
        first.stdout.contains("2 built, 0 unchanged"),
        "{}",
        first.stdout
    );
    let before = std::fs::metadata(a.join("ketamine/de/index.html"))
        .and_then(|m| m.modified())
        .expect("mtime");
    let again = small_site(&handouts, &a, &[]);
    assert!(
        again.stdout.contains("0 built, 2 unchanged"),
        "{}",
        again.stdout
    );
    assert!(again
        .stdout
        .contains("unchanged: the site already held these files"));
    let after = std::fs::metadata(a.join("ketamine/de/index.html"))
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after, "an unchanged site is not rewritten");
    assert!(small_site(&handouts, &b, &["--force"]).success());
    assert_eq!(tree(&a), tree(&b), "same input, same site, byte for byte");
}

#[test]
fn a_failed_run_leaves_the_previous_site_as_it_was() {
    let (dir, handouts) = copy_of_handouts();
    let out = dir.path().join("site");
    assert!(small_site(&handouts, &out, &[]).success());
    let before = tree(&out);
    // A dose changed in the translation: the check refuses the German leaflet.
    let de = handouts.join("ketamine/de.yaml");
    let text = read(&de);
    assert!(text.contains("50 Jahren"), "the German text names 50 years");
    std::fs::write(&de, text.replace("50 Jahren", "5 Jahren")).expect("write");
    let failed = small_site(&handouts, &out, &[]);
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    assert!(failed.stderr.contains("de.yaml"), "{}", failed.stderr);
    assert_eq!(tree(&out), before, "the published site is untouched");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".new") || n.ends_with(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_translation_without_the_web_labels_is_refused_by_name() {
    let (dir, handouts) = copy_of_handouts();
    let de = handouts.join("ketamine/de.yaml");
    let text: String = read(&de)
        .lines()
        .filter(|l| !l.trim_start().starts_with("language_name:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&de, text).expect("write");
    let run = small_site(&handouts, &dir.path().join("site"), &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("de.yaml") && run.stderr.contains("labels.language_name"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("site").exists(), "nothing published");
    // The leaflets themselves do not need the web page's labels.
    let build = support::cli(["build", "-q", "-o"])
        .arg(dir.path().join("out"))
        .arg(&handouts)
        .run();
    assert!(build.success(), "{}", build.stderr);
}

#[test]
fn an_address_outside_the_site_and_a_folder_of_other_files_are_refused() {
    let (dir, handouts) = copy_of_handouts();
    let run = small_site(
        &handouts,
        &dir.path().join("site"),
        &["--base-url", "https://other.org/handouts/"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("not under the site's address https://other.org/handouts/"),
        "{}",
        run.stderr
    );
    let mine = dir.path().join("mine");
    std::fs::create_dir_all(&mine).expect("mkdir");
    std::fs::write(mine.join("notes.txt"), "keep").expect("write");
    let run = small_site(&handouts, &mine, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(read(&mine.join("notes.txt")), "keep");
}

#[test]
fn completions_and_the_man_page_cover_every_command() {
    let bash = support::cli(["completions", "bash"]).run();
    assert!(bash.success());
    assert!(
        bash.stdout.contains("complete -F _handout"),
        "a bash completion script"
    );
    for command in ["build", "check", "site", "i18n", "completions"] {
        assert!(bash.stdout.contains(command), "{command}");
    }
    let man = support::cli(["man"]).run();
    assert!(man.success());
    assert!(
        man.stdout.contains(".TH handout 1"),
        "roff with a title line"
    );
    assert!(man.stdout.contains("handout\\-site") && man.stdout.contains("\\-\\-base\\-url"));
}

#[test]
fn a_branded_page_shows_the_logo_images_with_their_alt_text_colour_and_contact_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let handouts = dir.path().join("handouts");
    std::fs::create_dir_all(handouts.join("h")).expect("mkdir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/branding-example");
    for file in ["clinic.yaml", "logo.png"] {
        std::fs::copy(example.join(file), handouts.join(file)).expect("copy");
    }
    std::fs::copy(example.join("logo.png"), handouts.join("h/diagram.png")).expect("copy");
    std::fs::write(
        handouts.join("h/en.yaml"),
        "language: en\ntitle: Images\nrevised: 2026-11-25\nversion: \"1.0\"\nsections:\n  - id: intro\n    heading: A diagram\n    body:\n      - Some text before the picture.\n      - image: diagram.png\n        alt: Five receptors in a row.\n",
    )
    .expect("write");
    let out = dir.path().join("site");
    let run = support::cli([
        "site",
        "--pdf",
        "a4",
        "--base-url",
        "https://clinic.example/leaflets",
        "-o",
    ])
    .arg(&out)
    .arg(&handouts)
    .run();
    assert!(run.success(), "{}", run.stderr);
    let page_dir = out.join("h/en");
    let page = html::parse(&read(&page_dir.join("index.html")));
    let images = all(&page.root, "img");
    let alts: Vec<String> = images.iter().filter_map(|i| attr(i, "alt")).collect();
    assert_eq!(alts, ["Riverside Pain Clinic", "Five receptors in a row."]);
    for img in &images {
        let src = attr(img, "src").expect("src");
        assert!(page_dir.join(&src).is_file(), "{src}");
    }
    let footer = html::text(&first(&page.root, "footer").expect("footer"));
    assert!(footer.contains("1 Main Street, Springfield"), "{footer}");
    let title = html::text(&first(&page.root, "title").expect("title"));
    assert_eq!(title, "Images – Riverside Pain Clinic");
    assert!(read(&out.join("handout.css")).contains("--accent: #1f4e79;"));
    assert!(
        read(&out.join("sitemap.xml")).contains("<loc>https://clinic.example/leaflets/h/en/</loc>")
    );
}

#[test]
fn handouts_of_two_clinics_share_a_site_each_page_with_its_clinics_logo_and_colours() {
    let dir = tempfile::tempdir().expect("tempdir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/branding-example");
    let mut roots = Vec::new();
    for (clinic, accent, handout) in [("A", "#1F4E79", "ha"), ("B", "#6A1B9A", "hb")] {
        let root = dir.path().join(format!("clinic-{clinic}"));
        std::fs::create_dir_all(root.join(handout)).expect("mkdir");
        let logo = image::RgbImage::from_fn(40 + clinic.len() as u32 * 8, 20, |x, _| {
            image::Rgb([x as u8 * 5, if clinic == "A" { 0 } else { 200 }, 90])
        });
        logo.save(root.join("logo.png")).expect("logo");
        std::fs::write(
            root.join("clinic.yaml"),
            format!("name: Clinic {clinic}\naccent: \"{accent}\"\nlogo:\n  file: logo.png\n  alt: Clinic {clinic} logo\n"),
        )
        .expect("clinic.yaml");
        let source = read(&example.join("../../handouts/ketamine/en.yaml"));
        let source = source.replace(
            "url: https://handouts.example.org/ketamine/{locale}?v=1.0",
            &format!("url: https://handouts.example.org/{handout}/{{locale}}"),
        );
        std::fs::write(root.join(handout).join("en.yaml"), source).expect("en.yaml");
        roots.push(root);
    }
    let out = dir.path().join("site");
    let run = support::cli(["site", "--pdf", "a4", "-o"])
        .arg(&out)
        .args(&roots)
        .run();
    assert!(run.success(), "{}", run.stderr);
    let css = read(&out.join("handout.css"));
    for (clinic, handout, accent) in [("A", "ha", "#1f4e79"), ("B", "hb", "#6a1b9a")] {
        let page_dir = out.join(handout).join("en");
        let page = html::parse(&read(&page_dir.join("index.html")));
        let img = first(&page.root, "img").expect("logo");
        assert_eq!(attr(&img, "alt"), Some(format!("Clinic {clinic} logo")));
        let src = page_dir.join(attr(&img, "src").expect("src"));
        let own = dir.path().join(format!("clinic-{clinic}/logo.png"));
        assert_eq!(
            std::fs::read(src).expect("logo in the site"),
            std::fs::read(own).expect("logo")
        );
        let body = first(&page.root, "body").expect("body");
        let class = attr(&body, "class").expect("brand class");
        let rule = css
            .split('}')
            .find(|rule| {
                rule.contains(&format!(".{class} {{")) || rule.contains(&format!(".{class}{{"))
            })
            .unwrap_or_else(|| panic!("no rule for {class} in\n{css}"));
        assert!(
            rule.contains(&format!("--accent: {accent};")),
            "{clinic}: {rule}"
        );
    }
    // Two clinics: the index names neither.
    let index = html::parse(&read(&out.join("index.html")));
    assert!(first(&index.root, "header").is_none());
}
