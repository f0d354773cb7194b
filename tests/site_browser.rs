//! The web site of `handout site` in a real browser: every page opened in headless
//! Chromium at phone (320 CSS px), zoomed (640: 1280 at 200 %) and desktop (1280)
//! widths and checked for horizontal scrolling, missing text, reading direction,
//! broken links and, with axe-core, accessibility in light and dark mode. Every
//! problem of a run is listed in one failure.
//!
//! Skipped, with a message, where Chromium or axe-core is missing; `.ci/run`
//! installs both. `HANDOUT_SCREENSHOT=1` also saves docs/site-phone.png for the README.

#[path = "support/chromium.rs"]
mod chromium;
#[path = "support/static_server.rs"]
mod static_server;

use handout::model::{Block, Document, SectionKind};
use headless_chrome::Tab;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");
const AXE: &str = "tests/browser/node_modules/axe-core/axe.min.js";
const FACTS: &str = include_str!("browser/facts.js");
/// Each violation with the first three elements it was found on (CSS selectors).
const AXE_RUN: &str = "axe.run(document, OPTIONS).then(r => r.violations.map(v => \
    ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))";
/// WCAG 1.4.10 (reflow) asks for no horizontal scrolling at 320 CSS px, a small
/// phone; 640 is a 1280 px desktop at 200 % zoom.
const WIDTHS: [u32; 3] = [320, 640, 1280];
const HEIGHT: u32 = 800;
const RTL: [&str; 4] = ["ar", "he", "fa", "ur"];

/// Records a problem at `$at` (a page and width): a format string and its arguments.
macro_rules! fail {
    ($c:expr, $at:expr, $($msg:tt)+) => {
        $c.failures.push(format!("{}: {}", $at, format_args!($($msg)+)))
    };
}

#[test]
fn site_pages_in_chromium() {
    let Some((chrome, axe)) = prerequisites() else {
        return;
    };
    let started = Instant::now();
    let tmp = tempfile::tempdir().expect("create a temporary folder");
    let site = tmp.path().join("site");
    std::fs::create_dir(&site).expect("create the site folder");
    // The server comes first: its address is the base URL the site is built for.
    let base = format!("http://{}/", static_server::start(site.clone()));
    let handouts = tmp.path().join("handouts");
    copy_handouts(&Path::new(MANIFEST).join("handouts"), &handouts, &base);
    build_site(&handouts, &site, &base);
    eprintln!("site_browser: site built in {:.1?}", started.elapsed());

    let browser = chromium::launch(&chrome, &tmp.path().join("profile"));
    let tab = browser.new_tab().expect("open a tab in Chromium");
    // Every page gets axe-core before its own scripts run.
    chromium::add_to_every_page(&tab, &axe).expect("give the tab axe-core");
    let mut c = Checker {
        tab: &tab,
        base,
        failures: Vec::new(),
        fetched: HashMap::new(),
    };
    let pages = c.expected_pages(&handouts, &site);
    for page in &pages {
        c.page(page);
    }
    c.index(&pages);
    if std::env::var_os("HANDOUT_SCREENSHOT").is_some() {
        c.screenshot(
            "ketamine/en/",
            &Path::new(MANIFEST).join("docs/site-phone.png"),
        );
    }
    let (n, links, took) = (pages.len(), c.fetched.len(), started.elapsed());
    eprintln!(
        "site_browser: {n} pages and the index at {WIDTHS:?} px, {links} links, in {took:.1?}"
    );
    let failures = c.failures;
    let list = failures.join("\n");
    assert!(
        failures.is_empty(),
        "{} problems in the web site:\n{list}",
        failures.len()
    );
}

/// Chromium and axe-core, or `None` after saying which is missing and how to get it.
fn prerequisites() -> Option<(PathBuf, String)> {
    let chrome = std::env::var_os("CHROME").map_or("/usr/bin/chromium".into(), PathBuf::from);
    if !chrome.is_file() {
        let at = chrome.display();
        eprintln!(
            "skipped: no Chromium at {at}; install the Debian package chromium (.ci/run does)"
        );
        return None;
    }
    match std::fs::read_to_string(Path::new(MANIFEST).join(AXE)) {
        Ok(axe) => Some((chrome, axe)),
        Err(_) => {
            eprintln!("skipped: axe-core not installed; run npm ci --prefix tests/browser");
            None
        }
    }
}

/// Copies the handouts folder with each `url:` moved under `base`: `handout site`
/// refuses a site its QR codes do not point into, and here the site is the test's server.
fn copy_handouts(from: &Path, to: &Path, base: &str) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    let entries =
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()));
    for entry in entries.map(|e| e.expect("list the handouts folder")) {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_handouts(&src, &dst, base);
            continue;
        }
        let bytes = std::fs::read(&src).unwrap_or_else(|e| panic!("read {}: {e}", src.display()));
        let bytes = match String::from_utf8(bytes) {
            Ok(text) if src.extension().is_some_and(|x| x == "yaml") => {
                // `url: https://host/ketamine/{locale}` → `url: <base>ketamine/{locale}`
                let moved = |l: &str| {
                    let (_, rest) = l.strip_prefix("url: ")?.split_once("://")?;
                    Some(format!(
                        "url: {base}{}\n",
                        rest.split_once('/').map_or("", |r| r.1)
                    ))
                };
                let lines = text.lines().map(|l| moved(l).unwrap_or(format!("{l}\n")));
                lines.collect::<String>().into_bytes()
            }
            Ok(text) => text.into_bytes(),
            Err(e) => e.into_bytes(),
        };
        std::fs::write(&dst, bytes).unwrap_or_else(|e| panic!("write {}: {e}", dst.display()));
    }
}

fn build_site(handouts: &Path, site: &Path, base: &str) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_handout"))
        .arg("site")
        .arg(handouts)
        .arg("-o")
        .arg(site)
        .args(["--base-url", base])
        .output()
        .expect("run handout site");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "handout site failed ({}):\n{stderr}",
        out.status
    );
}

/// A page of one handout in one language, with what it must show.
struct PageSpec {
    path: String,
    locale: String,
    doc: Document,
}

struct Checker<'a> {
    tab: &'a Tab,
    base: String,
    failures: Vec<String>,
    /// Links already followed, and what was wrong: the pages share their language
    /// links, and a link needs fetching only once.
    fetched: HashMap<String, Option<String>>,
}

impl Checker<'_> {
    /// The pages the handouts call for; one missing from the site or its sitemap is a
    /// failure, and so is a sitemap address the server does not answer.
    fn expected_pages(&mut self, handouts: &Path, site: &Path) -> Vec<PageSpec> {
        let base = self.base.clone();
        let sitemap = std::fs::read_to_string(site.join("sitemap.xml"));
        let sitemap = sitemap.unwrap_or_else(|e| {
            fail!(self, "sitemap.xml", "cannot read it: {e}");
            String::new()
        });
        let locs = sitemap
            .split("<loc>")
            .skip(1)
            .filter_map(|s| s.split("</loc>").next());
        let listed: BTreeSet<String> = locs.map(|s| s.trim().replace("&amp;", "&")).collect();
        for url in &listed {
            match url
                .strip_prefix(&base)
                .map(|path| static_server::get(&base, path))
            {
                Some(Ok(r)) if r.status == 200 => {}
                Some(Ok(r)) => fail!(self, "sitemap.xml", "{url} answers {}", r.status),
                Some(Err(e)) => fail!(self, "sitemap.xml", "{url}: {e}"),
                None => fail!(self, "sitemap.xml", "{url} is not under {base}"),
            }
        }
        let mut pages = Vec::new();
        for h in handout::discover::discover(handouts).expect("find the handouts") {
            for locale in h.locales() {
                let path = format!("{}/{locale}/", h.name);
                if !site.join(&path).join("index.html").is_file() {
                    fail!(self, path, "no index.html");
                    continue;
                }
                let url = format!("{base}{path}");
                if !listed.contains(&url) && !listed.contains(&format!("{url}index.html")) {
                    fail!(self, "sitemap.xml", "does not list {url}");
                }
                let form = handout::layout::PrintForm::default();
                let (doc, _) = handout::build::load(&h, locale, &form, Default::default())
                    .unwrap_or_else(|e| panic!("load {} in {locale}: {e:?}", h.name));
                let locale = locale.to_string();
                pages.push(PageSpec { path, locale, doc });
            }
        }
        pages
    }

    fn page(&mut self, page: &PageSpec) {
        if !self.open(&page.path) {
            return;
        }
        let ids: Vec<&str> = page.doc.sections.iter().map(|s| s.id.as_str()).collect();
        let rtl = RTL.contains(&page.locale.as_str());
        let dir = if rtl { "rtl" } else { "ltr" };
        for width in WIDTHS {
            let at = format!("{} @{width}", page.path);
            let Some(facts) = self.at_width(&at, width, &ids) else {
                continue;
            };
            if facts["lang"] != page.locale.as_str() {
                fail!(
                    self,
                    at,
                    "<html lang> is {}, not {}",
                    facts["lang"],
                    page.locale
                );
            }
            if facts["dir"] != dir || facts["direction"] != dir {
                let (d, body) = (&facts["dir"], &facts["direction"]);
                fail!(
                    self,
                    at,
                    "<html dir> is {d}, body's direction {body}; want {dir}"
                );
            }
            self.check_texts(&at, &page.doc, &facts);
            if width == WIDTHS[0] {
                // Links do not change with the width: follow them once.
                self.check_links(&page.path, &facts);
            }
            self.axe(&at, None);
        }
        self.dark(&page.path);
    }

    fn index(&mut self, pages: &[PageSpec]) {
        if !self.open("") {
            return;
        }
        for width in WIDTHS {
            let at = format!("index.html @{width}");
            let Some(facts) = self.at_width(&at, width, &[]) else {
                continue;
            };
            let links = strings(&facts["links"]);
            for p in pages.iter().filter(|_| width == WIDTHS[0]) {
                let url = format!("{}{}", self.base, p.path);
                if !links.contains(&&*url) && !links.contains(&&*format!("{url}index.html")) {
                    fail!(self, "index.html", "no link to {}", p.path);
                }
            }
            self.axe(&at, None);
        }
        self.dark("index.html");
    }

    /// Opens `path`; false, with a failure, if it cannot be.
    fn open(&mut self, path: &str) -> bool {
        let url = format!("{}{path}", self.base);
        let opened = chromium::open(self.tab, &url);
        opened
            .map_err(|e| fail!(self, path, "cannot open {url}: {e}"))
            .is_ok()
    }

    /// Sets the viewport to `width` CSS px and gathers the page's facts there, after
    /// checking that the width took and that nothing sticks out sideways.
    fn at_width(&mut self, at: &str, width: u32, section_ids: &[&str]) -> Option<Value> {
        // 640 stands for 200 % zoom: two device pixels per CSS px. The phone is a
        // mobile viewport, so that a missing <meta name=viewport> shows.
        let scale = if width == 640 { 2.0 } else { 1.0 };
        let script = FACTS.replace("SECTIONS", &json!(section_ids).to_string());
        let facts = chromium::viewport(self.tab, width, HEIGHT, scale, width == 320)
            .and_then(|()| chromium::eval(self.tab, &script, false));
        let facts = facts
            .map_err(|e| fail!(self, at, "cannot read the page: {e}"))
            .ok()?;
        if facts["innerWidth"] != width {
            let w = &facts["innerWidth"];
            fail!(
                self,
                at,
                "innerWidth is {w}, not {width} (no <meta name=viewport>?)"
            );
        }
        let (scroll, client) = (&facts["scrollWidth"], &facts["clientWidth"]);
        if scroll.as_f64() > client.as_f64() {
            fail!(
                self,
                at,
                "scrolls sideways: scrollWidth {scroll} > {client}"
            );
        }
        if let Some(e) = facts["overflow"].as_str() {
            fail!(self, at, "sticks out of the {width} px viewport: {e}");
        }
        Some(facts)
    }

    /// Every text of the handout shows on the page, each section's in its element.
    fn check_texts(&mut self, at: &str, doc: &Document, facts: &Value) {
        let body = normalize(str_of(&facts["body"]));
        let h1 = normalize(str_of(&facts["h1"]));
        let title = normalize(&doc.title.styled.text);
        if h1 != title {
            fail!(self, at, "<main>'s <h1> is {h1:?}, not the title {title:?}");
        }
        for s in &doc.sections {
            let warning = s.kind == SectionKind::Warning;
            let tag = if warning { "aside" } else { "section" };
            let el = &facts["sections"][&s.id];
            if el.is_null() {
                fail!(self, at, "no <{tag} id=\"{}\"> in <main>", s.id);
                continue;
            } else if el["tag"] != tag {
                fail!(
                    self,
                    at,
                    "#{} is a <{}>, not a <{tag}>",
                    s.id,
                    str_of(&el["tag"])
                );
            }
            let shown = normalize(str_of(&el["text"]));
            if shown.is_empty() {
                fail!(self, at, "#{} shows no text", s.id);
            }
            let heading = s.heading.iter().map(|h| normalize(&h.styled.text));
            for t in heading.chain(texts(&s.body)).filter(|t| !shown.contains(t)) {
                fail!(self, at, "#{} does not show {:?}", s.id, short(&t));
            }
        }
        for t in texts(&doc.disclaimer)
            .into_iter()
            .filter(|t| !body.contains(t))
        {
            fail!(
                self,
                at,
                "the page does not show the disclaimer's {:?}",
                short(&t)
            );
        }
        // The subject is the PDF's metadata; on the web, the page's description.
        if let Some(subject) = doc.subject.as_ref().map(|s| normalize(&s.styled.text)) {
            if !body.contains(&subject) && normalize(str_of(&facts["description"])) != subject {
                fail!(
                    self,
                    at,
                    "subject {subject:?} neither shown nor the description"
                );
            }
        }
    }

    /// Every PDF link gives a PDF; every language link a page in that language.
    fn check_links(&mut self, path: &str, facts: &Value) {
        let list = |key: &str| facts[key].as_array().cloned().unwrap_or_default();
        let (pdfs, languages) = (list("pdfs"), list("languages"));
        if pdfs.is_empty() {
            fail!(self, path, "no <a type=\"application/pdf\"> links");
        }
        for a in &pdfs {
            if a["inDownloads"] != true {
                fail!(self, path, "PDF link {} is outside .downloads", a["href"]);
            }
            self.follow(path, str_of(&a["href"]), None);
        }
        if languages.is_empty() {
            fail!(self, path, "no <nav> links with hreflang");
        }
        for a in &languages {
            self.follow(path, str_of(&a["href"]), Some(str_of(&a["hreflang"])));
        }
    }

    /// Fetches `url` from the test's server, once: a PDF when `lang` is `None`, else
    /// a page whose <html lang> is `lang`.
    fn follow(&mut self, page: &str, url: &str, lang: Option<&str>) {
        let base = &self.base;
        let key = format!("{url} {lang:?}");
        let problem = self
            .fetched
            .entry(key)
            .or_insert_with(|| link_problem(base, url, lang));
        if let Some(p) = problem.clone() {
            fail!(self, page, "link {url}: {p}");
        }
    }

    /// axe-core on the page as it is now: all its rules, or only `rules`.
    fn axe(&mut self, at: &str, rules: Option<&[&str]>) {
        // Only violations are reported, so axe need not collect the other results.
        let mut options = json!({"resultTypes": ["violations"]});
        if let Some(rules) = rules {
            options["runOnly"] = json!({"type": "rule", "values": rules});
        }
        let script = AXE_RUN.replace("OPTIONS", &options.to_string());
        match chromium::eval(self.tab, &script, true) {
            Ok(Value::Array(violations)) => {
                for v in violations {
                    let (id, impact) = (str_of(&v["id"]), str_of(&v["impact"]));
                    let nodes = strings(&v["nodes"]).join(" | ");
                    fail!(self, at, "axe {id} ({impact}): {nodes}");
                }
            }
            Ok(v) => fail!(self, at, "axe gave {v}, not a list of violations"),
            Err(e) => fail!(self, at, "axe did not run: {e}"),
        }
    }

    /// Colour contrast again with the system in dark mode, at desktop width (the
    /// last width checked, still set).
    fn dark(&mut self, path: &str) {
        let at = format!("{path} @1280 dark");
        let dark = "matchMedia('(prefers-color-scheme: dark)').matches";
        let dark = chromium::color_scheme(self.tab, "dark")
            .and_then(|()| chromium::eval(self.tab, dark, false));
        match dark {
            Ok(v) if v == true => self.axe(&at, Some(&["color-contrast"])),
            Ok(_) => fail!(self, at, "dark mode emulation did not take"),
            Err(e) => fail!(self, at, "cannot emulate dark mode: {e}"),
        }
        if let Err(e) = chromium::color_scheme(self.tab, "") {
            fail!(self, at, "cannot end dark mode: {e}");
        }
    }

    /// Saves the phone view of `path` for the README: 320×640 CSS px, two device
    /// pixels per CSS px as phones have.
    fn screenshot(&mut self, path: &str, to: &Path) {
        if !self.open(path) {
            return;
        }
        let png = chromium::viewport(self.tab, 320, 640, 2.0, true)
            .and_then(|()| chromium::screenshot(self.tab));
        match png {
            Ok(png) => {
                std::fs::write(to, png).unwrap_or_else(|e| panic!("write {}: {e}", to.display()))
            }
            Err(e) => fail!(self, path, "no screenshot: {e}"),
        }
    }
}

/// The page texts of `blocks`, normalized; an image's text is its alt attribute.
fn texts(blocks: &[Block]) -> Vec<String> {
    let texts = blocks.iter().flat_map(|b| match b {
        Block::Paragraph(t) => vec![t],
        Block::List(items) => items.iter().collect(),
        Block::Image(_) => vec![],
    });
    texts.map(|t| normalize(&t.styled.text)).collect()
}

/// What is wrong with the link `url` (see `Checker::follow`), if anything.
fn link_problem(base: &str, url: &str, lang: Option<&str>) -> Option<String> {
    let Some(path) = url.strip_prefix(base) else {
        return Some(format!("leaves the site ({base})"));
    };
    let r = match static_server::get_following(base, path) {
        Ok(r) if r.status == 200 => r,
        Ok(r) => return Some(format!("answers {}", r.status)),
        Err(e) => return Some(e.to_string()),
    };
    let Some(lang) = lang else {
        return (!r.body.starts_with(b"%PDF"))
            .then(|| "is not a PDF (no %PDF at its start)".into());
    };
    let html = String::from_utf8_lossy(&r.body);
    let tag = html
        .split("<html")
        .nth(1)
        .and_then(|s| s.split('>').next())
        .unwrap_or("");
    let ok = [format!("lang=\"{lang}\""), format!("lang={lang}")]
        .iter()
        .any(|l| tag.contains(l));
    (!ok).then(|| format!("<html{tag}> is not in its hreflang {lang}"))
}

/// The strings of a JSON array (none if it is not one).
fn strings(v: &Value) -> Vec<&str> {
    v.as_array().into_iter().flatten().map(str_of).collect()
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// Runs of white space as one space, no soft hyphens: how text compares between the
/// source and a browser's innerText (which ends blocks with line breaks).
fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{AD}', "")
}

fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
