//! Property tests: random paragraphs set at random measures, and random small
//! documents built into PDFs and read back.
//!
//! The defaults take a few seconds in a debug build. For a longer hunt:
//! `PROPTEST_CASES=2000 cargo test --release --test properties`.

mod support;

use handout::layout::inline::linebreak::Mode;
use handout::layout::inline::{self, Context, SetLine, TextStyle};
use handout::layout::{Geometry, Imposition, PaperSize, PrintForm};
use handout::layout::{Layout, Rgb, Role, Shape, Style};
use handout::model::markup;
use handout::text::{hyphenate, FontBook};
use proptest::prelude::*;
use proptest::test_runner::Config;
use unicode_linebreak::linebreaks;

// ---- generators ----------------------------------------------------------------

const LONG_WORDS: &[&str] = &[
    "internationalization",
    "pharmacokinetics",
    "responsibilities",
    "anaesthetist",
    "hallucinations",
    "effectiveness",
    "administration",
    "intravenously",
    "neuropathic",
    "fibromyalgia",
    "management",
    "office",
    "sufficiently",
    "affluent",
    "difficult",
    // Last: wider than a title line at 22 pt.
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
];

const CJK: &[char] = &[
    '氯', '胺', '酮', '是', '一', '种', '麻', '醉', '药', '物', '慢', '性', '疼', '痛', '治', '疗',
    '的', '新', '方', '法', '患', '者', '医', '生',
];

const ARABIC: &[&str] = &[
    "الكيتامين",
    "لا",
    "الألم",
    "علاج",
    "مستقبلات",
    "المزمن",
    "طبيبك",
    "لأن",
];

/// Latin words; `fits` keeps every word narrower than a title line (documents have
/// no hyphenation in titles and headings, so a longer word would overflow).
fn latin_word(fits: bool) -> impl Strategy<Value = String> {
    let long_words = if fits {
        &LONG_WORDS[..LONG_WORDS.len() - 1]
    } else {
        LONG_WORDS
    };
    prop_oneof![
        8 => "[a-z]{1,9}",
        2 => "[A-Z][a-z]{1,8}",
        2 => proptest::sample::select(long_words).prop_map(String::from),
        1 => if fits { "[a-z]{14,20}" } else { "[a-z]{14,30}" },
        1 => "[a-z]{2,6}-[a-z]{2,7}",
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]{1,6}", "[0-9]{1,3}[.,][0-9]{1,2}", "[0-9]{1,3}%",]
}

fn cjk_run() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(CJK), 1..8),
        proptest::sample::select(&["", "", "。", "，"][..]),
    )
        .prop_map(|(cs, p)| cs.into_iter().collect::<String>() + p)
}

fn arabic_word() -> impl Strategy<Value = String> {
    proptest::sample::select(ARABIC).prop_map(String::from)
}

/// A word with optional brackets, trailing punctuation and inline markup.
fn token(latin_only: bool) -> BoxedStrategy<String> {
    let core = if latin_only {
        prop_oneof![8 => latin_word(true), 2 => number(), 1 => cjk_run()].boxed()
    } else {
        prop_oneof![
            8 => latin_word(false),
            2 => number(),
            2 => cjk_run(),
            2 => arabic_word(),
        ]
        .boxed()
    };
    (
        core,
        proptest::sample::select(&["", "", "", "", "", "("][..]),
        proptest::sample::select(&["", "", "", "", "", ",", ".", ";", ":", "!", "?", ")"][..]),
        0u8..10,
    )
        .prop_map(|(w, pre, post, m)| {
            let w = format!("{pre}{w}{post}");
            match m {
                0 => format!("**{w}**"),
                1 => format!("*{w}*"),
                _ => w,
            }
        })
        .boxed()
}

fn markup_text(latin_only: bool, words: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(token(latin_only), words).prop_map(|ws| ws.join(" "))
}

// ---- checking set lines against their input -----------------------------------

/// Byte offsets where UAX #14 allows a line to start.
fn opportunities(text: &str) -> Vec<usize> {
    linebreaks(text).map(|(i, _)| i).collect()
}

/// Dictionary hyphenation points (byte offsets into the text) of every segment, but
/// none inside bold emphasis (safety phrases are never hyphenated).
fn hyphen_points(styled: &markup::StyledText, language: &str) -> Vec<usize> {
    let text = styled.text.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    for end in opportunities(text) {
        let seg = &text[start..end];
        let word = seg.trim_end_matches(' ');
        out.extend(
            hyphenate::breaks(&handout::model::Language::new(language), word, &[])
                .into_iter()
                .map(|b| start + b)
                .filter(|p| !styled.style_at(*p).bold),
        );
        start = end;
    }
    out
}

/// One line located in the input: its text is `input[start..end]`, followed by an
/// inserted hyphen if `hyphenated`; the next line starts at `next`.
#[derive(Debug)]
struct Located {
    start: usize,
    end: usize,
    next: usize,
}

/// Locates every line's text in `input` in order. A line must continue exactly where
/// the previous one broke (after the space the break consumed), and every break must
/// be a UAX #14 opportunity or, with an inserted hyphen, a hyphenation point.
fn locate(
    input: &str,
    lines: &[String],
    opps: &[usize],
    hyphens: &[usize],
) -> Result<Vec<Located>, String> {
    let mut out = Vec::new();
    let mut p = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            return Err(format!("line {i} is empty"));
        }
        let rest = &input[p..];
        let mut found = None;
        // The line's text as it stands in the source, or without an inserted hyphen.
        if rest.starts_with(line.as_str()) {
            let end = p + line.len();
            let next = if input[end..].starts_with(' ') {
                end + 1
            } else {
                end
            };
            if next == input.len() || opps.contains(&next) {
                found = Some(Located {
                    start: p,
                    end,
                    next,
                });
            }
        }
        if found.is_none() {
            if let Some(stem) = line.strip_suffix('-') {
                let end = p + stem.len();
                if rest.starts_with(stem) && hyphens.contains(&end) {
                    found = Some(Located {
                        start: p,
                        end,
                        next: end,
                    });
                }
            }
        }
        let Some(l) = found else {
            return Err(format!(
                "line {i} {line:?} does not continue the input at byte {p} ({rest:?}) with a legal break"
            ));
        };
        p = l.next;
        out.push(l);
    }
    if p != input.len() {
        return Err(format!(
            "input left over after the last line: {:?}",
            &input[p..]
        ));
    }
    Ok(out)
}

fn book() -> &'static FontBook {
    FontBook::shared().expect("fonts")
}

// ---- the paragraph property ----------------------------------------------------

#[derive(Debug, Clone)]
struct ParaCase {
    markup: String,
    measure: f32,
    size: f32,
    mode: Mode,
    hyphenate: bool,
    first_fit: bool,
    balance: bool,
    rtl: bool,
}

fn para_case() -> impl Strategy<Value = ParaCase> {
    (
        markup_text(false, 1..40),
        prop_oneof![1 => 8.0f32..40.0, 4 => 40.0f32..420.0],
        8.0f32..20.0,
        prop_oneof![Just(Mode::RaggedRight), Just(Mode::Justified)],
        any::<bool>(),
        (0u8..4).prop_map(|v| v == 0),
        (0u8..4).prop_map(|v| v == 0),
        (0u8..5).prop_map(|v| v == 0),
    )
        .prop_map(
            |(markup, measure, size, mode, hyphenate, first_fit, balance, rtl)| ParaCase {
                markup,
                measure,
                size,
                mode,
                hyphenate,
                first_fit,
                balance,
                rtl,
            },
        )
}

fn set_case(c: &ParaCase, styled: &markup::StyledText) -> Vec<SetLine> {
    let language = handout::model::Language::new(if c.rtl { "ar" } else { "en" });
    let ctx = Context {
        keep_whole: &[],
        book: book(),
        language: &language,
        terms: &[],
        source_text: "",
        direction: language.direction(),
    };
    let style = TextStyle {
        size: c.size,
        leading: c.size * 1.4,
        color: Rgb::BLACK,
        bold: false,
        mode: c.mode,
        hyphenate: c.hyphenate,
        balance: c.balance,
        first_fit: c.first_fit,
    };
    inline::set_styled(&ctx, styled, None, &style, c.measure).expect("set")
}

fn check_paragraph(c: &ParaCase) -> Result<(), TestCaseError> {
    let styled = markup::parse(&c.markup);
    prop_assume!(styled.is_ok(), "markup refused (block syntax)");
    let styled = styled.unwrap_or_default();
    let input = styled.text.as_str();
    let lines = set_case(c, &styled);
    prop_assert!(!lines.is_empty(), "no lines for {input:?}");

    let texts: Vec<String> = lines
        .iter()
        .map(|l| l.runs.iter().map(|r| r.text()).collect())
        .collect();
    let opps = opportunities(input);
    let language = if c.rtl { "ar" } else { "en" };
    let hyphens = if c.hyphenate {
        hyphen_points(&styled, language)
    } else {
        Vec::new()
    };
    let located = locate(input, &texts, &opps, &hyphens)
        .map_err(|e| TestCaseError::fail(format!("{e}\ninput {input:?}\nlines {texts:#?}")))?;

    for (i, (line, at)) in lines.iter().zip(&located).enumerate() {
        // Glyphs advance left to right without overlapping (no negative spaces).
        for run in &line.runs {
            for g in &run.glyphs {
                prop_assert!(
                    g.advance >= -0.001,
                    "line {i} {:?}: glyph {:?} has advance {}",
                    texts[i],
                    g.text,
                    g.advance
                );
            }
        }
        // What extractors get glyph by glyph (the ToUnicode text, or the span's text
        // without its directional marks) holds the line's characters, each once.
        let sorted = |s: &str| {
            let mut v: Vec<char> = s
                .chars()
                .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}'))
                .collect();
            v.sort_unstable();
            v
        };
        let extracted: String = line
            .runs
            .iter()
            .flat_map(handout::pdf::extract::glyph_texts)
            .map(|e| e.text().to_string())
            .collect();
        prop_assert_eq!(
            sorted(&extracted),
            sorted(&texts[i]),
            "line {}: extracted {:?}, logical {:?}",
            i,
            extracted,
            texts[i]
        );
        let width = line
            .runs
            .iter()
            .map(|r| r.x + r.width())
            .fold(0.0, f32::max);
        prop_assert!(
            (width - line.width).abs() < 0.01,
            "line {i}: width {} but runs end at {width}",
            line.width
        );
        if line.width > c.measure + 0.01 {
            // Overfull only when the line holds one unbreakable piece.
            let inside: Vec<usize> = opps
                .iter()
                .chain(&hyphens)
                .copied()
                .filter(|b| at.start < *b && *b < at.end)
                .collect();
            prop_assert!(
                inside.is_empty(),
                "line {i} {:?} is {} wide at measure {} but could break at {inside:?}\nlines {texts:#?}",
                texts[i],
                line.width,
                c.measure
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 64, ..Config::default() })]

    #[test]
    fn paragraphs_fit_keep_their_text_and_break_where_allowed(c in para_case()) {
        check_paragraph(&c)?;
    }
}

// ---- regressions found by the properties ---------------------------------------

fn case(markup: &str, measure: f32) -> ParaCase {
    ParaCase {
        markup: markup.into(),
        measure,
        size: 10.0,
        mode: Mode::RaggedRight,
        hyphenate: true,
        first_fit: false,
        balance: false,
        rtl: false,
    }
}

/// The lam-alef ligature stands for two characters; its logical text is "لا", not
/// the reversed form its glyph carries for extractors.
#[test]
fn rtl_ligature_text_is_logical() {
    for rtl in [true, false] {
        let c = ParaCase {
            rtl,
            ..case("لا الألم", 200.0)
        };
        check_paragraph(&c).expect("property");
        let styled = markup::parse(&c.markup).expect("markup");
        let text: String = set_case(&c, &styled)[0].runs[0].text().to_string();
        assert_eq!(text, "لا الألم");
    }
}

/// A paragraph whose penultimate line ends with a hyphen used to dodge the
/// final-hyphen demerits by breaking at the closing glue: an empty last line.
#[test]
fn no_paragraph_ends_with_an_empty_line() {
    let c = ParaCase {
        markup: "**a** *awimariai,* **(لا,**".into(),
        measure: 44.571457,
        size: 8.932045,
        ..case("", 0.0)
    };
    check_paragraph(&c).expect("property");
    let styled = markup::parse(&c.markup).expect("markup");
    for line in set_case(&c, &styled) {
        assert!(
            line.runs.iter().any(|r| !r.glyphs.is_empty()),
            "an empty line"
        );
    }
}

// ---- the document property -----------------------------------------------------

#[derive(Debug, Clone)]
enum BlockCase {
    Paragraph(String),
    List(Vec<String>),
}

#[derive(Debug, Clone)]
struct SectionCase {
    heading: Option<String>,
    warning: bool,
    body: Vec<BlockCase>,
}

#[derive(Debug, Clone)]
struct DocCase {
    title: String,
    sections: Vec<SectionCase>,
    disclaimer: Option<String>,
}

fn block_case() -> impl Strategy<Value = BlockCase> {
    prop_oneof![
        3 => markup_text(true, 1..30).prop_map(BlockCase::Paragraph),
        1 => proptest::collection::vec(markup_text(true, 1..10), 1..4).prop_map(BlockCase::List),
    ]
}

fn section_case() -> impl Strategy<Value = SectionCase> {
    (
        proptest::option::of(markup_text(true, 1..7)),
        (0u8..4).prop_map(|v| v == 0),
        proptest::collection::vec(block_case(), 1..3),
    )
        .prop_map(|(heading, warning, body)| SectionCase {
            heading,
            warning,
            body,
        })
}

fn doc_case() -> impl Strategy<Value = DocCase> {
    (
        markup_text(true, 1..7),
        proptest::collection::vec(section_case(), 1..4),
        proptest::option::of(markup_text(true, 3..20)),
    )
        .prop_map(|(title, sections, disclaimer)| DocCase {
            title,
            sections,
            disclaimer,
        })
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn yaml(d: &DocCase) -> String {
    let mut y = format!(
        "language: en\ntitle: {}\nrevised: 2026-11-25\nversion: \"1\"\nsections:\n",
        quoted(&d.title)
    );
    let block = |y: &mut String, b: &BlockCase, indent: &str| match b {
        BlockCase::Paragraph(t) => y.push_str(&format!("{indent}- {}\n", quoted(t))),
        BlockCase::List(items) => {
            y.push_str(&format!("{indent}- list:\n"));
            for it in items {
                y.push_str(&format!("{indent}    - {}\n", quoted(it)));
            }
        }
    };
    for (i, s) in d.sections.iter().enumerate() {
        y.push_str(&format!("  - id: s{i}\n"));
        if let Some(h) = &s.heading {
            y.push_str(&format!("    heading: {}\n", quoted(h)));
        }
        if s.warning {
            y.push_str("    kind: warning\n");
        }
        y.push_str("    body:\n");
        for b in &s.body {
            block(&mut y, b, "      ");
        }
    }
    if let Some(t) = &d.disclaimer {
        y.push_str("disclaimer:\n");
        block(&mut y, &BlockCase::Paragraph(t.clone()), "  ");
    }
    y
}

/// A glyph as the PDF should give it back: text, x, y (PDF user space), size,
/// whether it is an artifact, and the index of its element on the page.
type ModelGlyph = (String, f32, f32, f32, bool, usize);

/// Every glyph the page model draws, page by page.
fn model_glyphs(layout: &Layout) -> Vec<Vec<ModelGlyph>> {
    layout
        .pages
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            for (ei, e) in p.elements.iter().enumerate() {
                let Shape::Glyphs(run) = &e.shape else {
                    continue;
                };
                let artifact = matches!(e.role, Role::Artifact | Role::Box | Role::ListLabel);
                let texts = handout::pdf::extract::glyph_texts(run);
                for (g, e) in run.glyphs.iter().zip(&texts) {
                    out.push((
                        e.text().to_string(),
                        run.x + g.x + g.x_offset,
                        p.height - run.baseline + g.y_offset,
                        run.size,
                        artifact,
                        ei,
                    ));
                }
            }
            out
        })
        .collect()
}

/// The document of case `d` (with `extra` YAML keys), loaded as a build loads it, its
/// YAML source, and the folder that holds it.
fn load_case(
    d: &DocCase,
    extra: &str,
) -> Result<(handout::model::Document, String, tempfile::TempDir), TestCaseError> {
    for t in std::iter::once(&d.title)
        .chain(d.disclaimer.iter())
        .chain(d.sections.iter().flat_map(|s| s.heading.iter()))
    {
        prop_assume!(markup::parse(t).is_ok());
    }
    for s in &d.sections {
        for b in &s.body {
            match b {
                BlockCase::Paragraph(t) => prop_assume!(markup::parse(t).is_ok()),
                BlockCase::List(items) => {
                    for t in items {
                        prop_assume!(markup::parse(t).is_ok());
                    }
                }
            }
        }
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("prop");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let source = yaml(d).replacen("version: \"1\"\n", &format!("version: \"1\"\n{extra}"), 1);
    std::fs::write(dir.join("en.yaml"), &source).expect("write");
    let h = handout::discover::discover(&dir).expect("discover")[0].clone();
    let (doc, _) = handout::build::load(
        &h,
        "en",
        &PrintForm::default(),
        handout::model::Limits::default(),
    )
    .map_err(|e| TestCaseError::fail(format!("{e:?}\n{source}")))?;
    Ok((doc, source, tmp))
}

fn check_document(d: &DocCase) -> Result<(), TestCaseError> {
    let (doc, source, _tmp) = load_case(d, "")?;
    let style = Style::default();
    let geometry = Geometry {
        max_pages: None,
        ..Geometry::for_form(&PrintForm::default())
    };
    let layout = handout::layout::layout(&doc, &style, &geometry)
        .map_err(|e| TestCaseError::fail(format!("{e:?}\n{source}")))?;
    let pdf = handout::pdf::render(&layout).expect("render");
    let read = support::pages(&support::load(&pdf));
    prop_assert_eq!(read.len(), layout.pages.len());

    // The PDF gives back the page model, glyph for glyph.
    let model = model_glyphs(&layout);
    for (pi, (page, want)) in read.iter().zip(&model).enumerate() {
        prop_assert_eq!(page.glyphs.len(), want.len(), "page {} glyph count", pi);
        for (g, (text, x, y, size, artifact, _)) in page.glyphs.iter().zip(want) {
            let same = g.text == *text
                && (g.x - x).abs() < 0.05
                && (g.y - y).abs() < 0.01
                && (g.size - size).abs() < 0.01
                && g.artifact == *artifact;
            prop_assert!(
                same,
                "page {pi}: read {g:?}, model ({text:?}, {x}, {y}, {size}, {artifact})\n{source}"
            );
            // Inside the margins (horizontally: all; vertically: content).
            prop_assert!(
                g.x >= geometry.margins.left - 0.01
                    && g.x + g.width <= page.width - geometry.margins.right + 0.01,
                "page {pi}: glyph {g:?} outside the side margins\n{source}"
            );
            if !g.artifact {
                let from_top = page.height - g.y;
                prop_assert!(
                    from_top >= geometry.margins.top - 0.01
                        && from_top <= page.height - geometry.margins.bottom + 0.01,
                    "page {pi}: glyph {g:?} outside the top/bottom margins\n{source}"
                );
            }
        }
    }

    // Block by block, the text read back is the input text.
    let content_roles = [
        Role::Title,
        Role::Heading,
        Role::Paragraph,
        Role::ListItem,
        Role::Disclaimer,
    ];
    let mut blocks: std::collections::BTreeMap<usize, (Role, Vec<String>)> = Default::default();
    for ((page, layout_page), want) in read.iter().zip(&layout.pages).zip(&model) {
        let mut k = 0;
        for (ei, e) in layout_page.elements.iter().enumerate() {
            let Shape::Glyphs(run) = &e.shape else {
                continue;
            };
            // The glyphs of this run, as read from the PDF.
            let n = run.glyphs.len();
            prop_assert!(want[k..k + n].iter().all(|m| m.5 == ei));
            let text: String = page.glyphs[k..k + n]
                .iter()
                .map(|g| g.text.as_str())
                .collect();
            k += n;
            if content_roles.contains(&e.role) {
                blocks
                    .entry(e.block)
                    .or_insert((e.role, Vec::new()))
                    .1
                    .push(text);
            }
        }
    }
    let texts: Vec<markup::StyledText> = doc
        .texts()
        .iter()
        .map(|t| markup::parse(&t.markup).expect("markup"))
        .collect();
    prop_assert_eq!(blocks.len(), texts.len(), "blocks {:?}", blocks);
    for ((role, lines), styled) in blocks.values().zip(&texts) {
        let input = &styled.text;
        let hyphenated = matches!(role, Role::Paragraph | Role::ListItem | Role::Disclaimer);
        let hyphens = if hyphenated {
            hyphen_points(styled, "en")
        } else {
            Vec::new()
        };
        locate(input, lines, &opportunities(input), &hyphens).map_err(|e| {
            TestCaseError::fail(format!("{role:?}: {e}\ninput {input:?}\nlines {lines:#?}"))
        })?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 32, ..Config::default() })]

    #[test]
    fn documents_read_back_as_their_page_model_and_text(d in doc_case()) {
        check_document(&d)?;
    }
}

/// Print forms the break rules are checked in: paper, large print, imposition.
const FORMS: [(PaperSize, bool, Imposition); 6] = [
    (PaperSize::A4, false, Imposition::Single),
    (PaperSize::A4, true, Imposition::Single),
    (PaperSize::A4, false, Imposition::TwoColumn),
    (PaperSize::Letter, true, Imposition::TwoColumn),
    (PaperSize::A5, false, Imposition::TwoColumn),
    (PaperSize::A4, false, Imposition::TriFold),
];

/// Builds case `d` with an online address in print form `form` and checks the break
/// rules on the PDF read back; a leaflet that does not fit the form is skipped.
fn check_breaks(d: &DocCase, form: usize) -> Result<(), TestCaseError> {
    let (doc, source, _tmp) = load_case(d, "url: https://example.org/leaflets/p?v=1\n")?;
    let (paper, large, imposition) = FORMS[form];
    let print = PrintForm::new(paper, large, imposition);
    let style = Style::for_form(&print);
    let geometry = Geometry {
        max_pages: None,
        ..Geometry::for_form(&print)
    };
    let built = match handout::build::render(&doc, &style, &geometry) {
        Ok(b) => b,
        Err(e) => {
            let msg = e.to_string();
            let too_big = ["does not fit", "overflows by", "mm wide but"];
            // Skipped: the leaflet does not fit this form (said so by the error).
            prop_assume!(!too_big.iter().any(|m| msg.contains(m)), "too big: {}", msg);
            return Err(TestCaseError::fail(format!("{msg}\n{source}")));
        }
    };
    let pages = support::pages(&support::load(&built.pdf));
    let broken = support::breaks::violations(&style, &geometry, &doc, &pages);
    prop_assert!(broken.is_empty(), "{}: {broken:#?}\n{source}", print.name());
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 32, ..Config::default() })]

    #[test]
    fn documents_follow_the_break_rules_in_every_form(
        d in doc_case(),
        form in 0..FORMS.len(),
    ) {
        check_breaks(&d, form)?;
    }
}

/// A hyphenation point inside a ligature ("ef|fec": the "ff" is one glyph) is a
/// break like any other: "f-" ends the line, "f" starts the next; unbroken, the word
/// keeps its ligature.
#[test]
fn ligatures_break_at_hyphenation_points() {
    let c = case("effectiveness office", 8.0);
    check_paragraph(&c).expect("property");
    let styled = markup::parse(&c.markup).expect("markup");
    let lines: Vec<String> = set_case(&c, &styled)
        .iter()
        .map(|l| l.runs[0].text().to_string())
        .collect();
    assert_eq!(lines, ["ef-", "fec-", "tive-", "ness", "of-", "fice"]);
    let wide = set_case(&case("effectiveness office", 400.0), &styled);
    let run = &wide[0].runs[0];
    let glyphs: Vec<&str> = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
    assert!(
        glyphs.contains(&"ff") && glyphs.contains(&"ffi"),
        "{glyphs:?}"
    );
}

/// The lines of `markup` set by [`case`] at `measure` and `size`, as text.
fn set_lines(markup: &str, measure: f32, size: f32) -> Vec<String> {
    let c = ParaCase {
        size,
        ..case(markup, measure)
    };
    check_paragraph(&c).expect("property");
    let styled = markup::parse(&c.markup).expect("markup");
    set_case(&c, &styled)
        .iter()
        .map(|l| l.runs[0].text().to_string())
        .collect()
}

/// Issue 11 item 18: a paragraph whose last line would be one or two CJK characters
/// and a full stop (a runt) is broken so that its last line holds more.
#[test]
fn cjk_paragraphs_do_not_end_in_a_runt() {
    let letters = |l: &str| l.chars().filter(|c| c.is_alphanumeric()).count();
    // Ten characters a line: eleven and a full stop left one on the last line.
    let lines = set_lines("氯胺酮是一种麻醉药物慢性。", 100.5, 10.0);
    assert!(letters(lines.last().expect("a line")) >= 3, "{lines:?}");
    for measure in (300..500).step_by(3) {
        let lines = set_lines(
            "**000%** (anaesthetist, *acanai* **氯氯氯氯氯氯氯** **氯氯氯氯氯氯。,**",
            measure as f32,
            17.0,
        );
        assert!(
            letters(lines.last().expect("a line")) >= 3,
            "{measure} {lines:?}"
        );
    }
}

/// Issue 11 item 20: bold emphasis (the warning box's safety phrases) is never
/// hyphenated, even in a column too narrow for the word; plain text still is.
#[test]
fn bold_words_are_never_hyphenated() {
    let lines = set_lines("**vomiting blood** or difficulty breathing", 45.0, 10.0);
    assert_eq!(lines[..2], ["vomiting", "blood or"], "{lines:?}");
    assert!(lines.iter().any(|l| l.ends_with('-')), "{lines:?}");
}
