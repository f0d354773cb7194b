//! The rules `handout check` applies: each with a stable id and name, one line that
//! says what it finds, why it matters, and how serious a finding is by default.
//!
//! Ids never change meaning once released (scripts and allow lists refer to them);
//! a retired rule keeps its id unused.

use serde::Serialize;

/// How serious a finding is. Errors stop a leaflet from being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information (e.g. a language no readability formula scores).
    Note,
    /// Worth a look before printing; fails only with `--deny warnings`.
    Warning,
    /// Unsafe to print: the leaflet is not built.
    Error,
}

impl Severity {
    /// The word used in messages and SARIF (`error`, `warning`, `note`).
    pub fn word(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a rule looks at, which decides where it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// A translation against its source text.
    Translation,
    /// How hard the text is to read.
    Readability,
    /// The laid-out leaflet of one print form against print guidelines.
    Layout,
    /// Leftovers and slips in the text.
    Hygiene,
}

/// One rule.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable id, e.g. `HC101`.
    pub id: &'static str,
    /// Stable name, e.g. `number-mismatch` (allow lists may use either).
    pub name: &'static str,
    /// What it finds, in one line.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    pub area: Area,
}

macro_rules! rules {
    ($($konst:ident = $id:literal $name:literal $sev:ident $area:ident
        $summary:literal $why:literal;)*) => {
        $(
            #[doc = $summary]
            pub static $konst: Rule = Rule {
                id: $id,
                name: $name,
                summary: $summary,
                why: $why,
                severity: Severity::$sev,
                area: Area::$area,
            };
        )*
        /// Every rule, in id order.
        pub static RULES: &[&Rule] = &[$(&$konst),*];
    };
}

rules! {
    TRANSLATION_INCOMPLETE = "HC100" "translation-incomplete" Error Translation
        "An entry of the source is missing, stale or obsolete in a translation."
        "A half-translated leaflet mixes languages or prints outdated advice.";
    NUMBER_MISMATCH = "HC101" "number-mismatch" Error Translation
        "A number in the translation differs from the numbers in its source text."
        "\"5 mg\" where the source says \"50 mg\" can hurt a patient.";
    UNIT_MISMATCH = "HC102" "unit-mismatch" Error Translation
        "A number's unit (mg, ml, %, hours, years …) differs from its source text."
        "50 mg and 50 g, or 2 hours and 2 days, are different instructions.";
    TERM_MISSING = "HC103" "term-missing" Error Translation
        "A drug name or term of the source text is not in its translation."
        "A leaflet that loses the drug's name no longer says what it is about.";
    URL_MISMATCH = "HC104" "url-mismatch" Error Translation
        "A web address differs between a translation and its source text."
        "A patient who types the address must reach the same page.";
    PHONE_MISMATCH = "HC105" "phone-mismatch" Error Translation
        "A phone number differs between a translation and its source text."
        "A wrong digit sends a patient's call for help elsewhere.";
    EMAIL_MISMATCH = "HC106" "email-mismatch" Error Translation
        "An e-mail address differs between a translation and its source text."
        "Questions must reach the clinic.";
    EMPHASIS_MISMATCH = "HC107" "emphasis-mismatch" Error Translation
        "The number of bold emphases differs from the source text."
        "Bold marks the safety phrases; a lost emphasis hides a warning.";
    LIST_MISMATCH = "HC108" "list-mismatch" Error Translation
        "A list item of the translation is empty, repeats another item, or joins two items."
        "Each item of a side-effects list is one thing to look out for.";
    READING_GRADE = "HC201" "reading-grade" Warning Readability
        "A section or the whole leaflet reads above the target grade (default 8)."
        "Patient material should read at a 6th–8th grade level (AMA, NIH, CDC).";
    LONG_SENTENCE = "HC202" "long-sentence" Warning Readability
        "A sentence is longer than the limit (default 25 words)."
        "Long sentences are the first thing plain-language guides shorten.";
    NOT_SCORED = "HC203" "not-scored" Note Readability
        "No established readability formula exists for the language; it is not scored."
        "A formula made for another language would give a number that means nothing.";
    BODY_SIZE = "HC301" "body-size" Error Layout
        "Text is set smaller than the print form's minimum (EU 9 pt, US Medication Guide 10 pt, large print 16 pt)."
        "Small type excludes older readers and readers with low vision.";
    LINE_SPACING = "HC302" "line-spacing" Error Layout
        "Lines of text are closer than 3 mm (baseline to baseline)."
        "The EU readability guideline asks for at least 3 mm line spacing.";
    CONTRAST = "HC303" "contrast" Error Layout
        "Text contrasts less than 4.5:1 with what is drawn behind it."
        "WCAG 2.1 AA asks for 4.5:1 so readers with low vision can read it.";
    EMPHASIS_STYLE = "HC304" "emphasis-style" Warning Layout
        "Emphasis by italics, underline or capitals instead of bold."
        "The EU readability guideline asks for bold; italics and capitals are harder to read.";
    LINE_LENGTH = "HC305" "line-length" Warning Layout
        "Lines of body text are longer than the limit (default 80 characters, 40 for CJK)."
        "Long lines are hard to follow back to the next line (WCAG 1.4.8).";
    REVISION_DATE = "HC306" "revision-date" Error Layout
        "The revision date is not printed on the leaflet, or lies in the future."
        "The EU guideline asks for the revision date; a future date is a typing error.";
    REVIEW_AGE = "HC307" "review-age" Warning Layout
        "The leaflet was last revised longer ago than the review period (default 3 years)."
        "Medical advice ages; old leaflets need a review.";
    PLACEHOLDER = "HC401" "placeholder" Error Hygiene
        "A placeholder (TODO, TBD, XXX, FIXME, lorem ipsum) is left in the text."
        "A placeholder printed on a leaflet looks careless and hides missing advice.";
    UNTRANSLATED = "HC402" "untranslated" Warning Hygiene
        "A translated entry is identical to its source text."
        "An untranslated sentence is one a patient cannot read.";
    WRONG_LANGUAGE = "HC403" "wrong-language" Warning Hygiene
        "The text of an entry reads as another language than the file's."
        "A sentence pasted in the wrong language is one a patient cannot read.";
    EMPTY_SECTION = "HC404" "empty-section" Warning Hygiene
        "A section has a heading but no text."
        "An empty section promises advice it does not give.";
    DUPLICATE_SENTENCE = "HC405" "duplicate-sentence" Warning Hygiene
        "The same sentence appears twice in the leaflet."
        "Repetition is usually a copy-and-paste slip and costs space.";
    VAGUE_LINK = "HC406" "vague-link" Warning Hygiene
        "A link's text says \"click here\", \"here\" or \"more\" instead of where it leads."
        "Screen-reader users list links by their text; \"here\" says nothing (WCAG 2.4.4).";
}

/// The rule with this id or name (`HC101` or `number-mismatch`).
pub fn find(key: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(key) || r.name == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        for (i, a) in RULES.iter().enumerate() {
            assert!(a.id.starts_with("HC") && a.id.len() == 5, "{}", a.id);
            assert!(a.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(a.summary.ends_with('.') && a.why.ends_with('.'));
            for b in &RULES[i + 1..] {
                assert!(a.id < b.id, "{} before {}", a.id, b.id);
                assert_ne!(a.name, b.name);
            }
        }
        assert_eq!(find("hc101"), Some(&NUMBER_MISMATCH));
        assert_eq!(find("number-mismatch"), Some(&NUMBER_MISMATCH));
        assert_eq!(find("nope"), None);
    }
}
