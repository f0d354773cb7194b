//! Counting sentences, words, syllables and letters in plain text, in one pass.

use super::syllables::Syllables;
use crate::check::chars;

/// What a text is made of, as the formulas count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Letters and digits inside words (Gulpease and LIX count characters of words).
    pub letters: usize,
    pub long_words: usize,
    pub longest_sentence_words: usize,
}

impl Counts {
    /// The counts of two texts read one after the other (each ending a sentence), such
    /// as the sections of a leaflet: the whole leaflet is scored from the sum of its
    /// sections' counts without counting it again.
    pub fn add(&self, other: &Counts) -> Counts {
        Counts {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
            letters: self.letters + other.letters,
            long_words: self.long_words + other.long_words,
            longest_sentence_words: self
                .longest_sentence_words
                .max(other.longest_sentence_words),
        }
    }

    /// Mean words per sentence (a text without a sentence end is one sentence).
    pub fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    /// Mean syllables per word.
    pub fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words.max(1) as f64
    }
}

/// When a word counts as long: the unit differs by language (see each formula).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongWord {
    /// At least this many syllables (Gunning's "hard words": 3 in English, 4 in Polish).
    Syllables(usize),
    /// More than this many letters (Björnsson's LIX: more than 6).
    Letters(usize),
}

impl LongWord {
    /// The rule in words, for reports.
    pub fn describe(self) -> &'static str {
        match self {
            LongWord::Syllables(3) => "3 or more syllables",
            LongWord::Syllables(4) => "4 or more syllables",
            LongWord::Letters(6) => "more than 6 letters",
            // Only the rules above are used (see `language`).
            LongWord::Syllables(_) | LongWord::Letters(_) => "long by the formula's rule",
        }
    }

    fn is_long(self, syllables: usize, letters: usize) -> bool {
        match self {
            LongWord::Syllables(n) => syllables >= n,
            LongWord::Letters(n) => letters > n,
        }
    }
}

/// Counts `text` (sentence rules in [`super::assess`]).
pub fn count(text: &str, syllables: Syllables, long_word: LongWord) -> Counts {
    let chars: Vec<char> = text.chars().collect();
    let mut counter = Counter {
        counts: Counts::default(),
        sentence_words: 0,
        syllables,
        long_word,
        part: Vec::with_capacity(32),
    };
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if is_word_char(c) {
            let start = i;
            i += 1;
            while i < n
                && (is_word_char(chars[i])
                    || (i + 1 < n && joins(chars[i - 1], chars[i], chars[i + 1])))
            {
                i += 1;
            }
            counter.word(&chars[start..i]);
        } else if is_sentence_end(c) {
            let mut j = i + 1;
            while j < n && (is_sentence_end(chars[j]) || is_closing(chars[j])) {
                j += 1;
            }
            if j == n || chars[j].is_whitespace() {
                // An abbreviation ("e.g. the", "approx. five") is followed by lower case.
                let next = chars[j..].iter().find(|c| !c.is_whitespace());
                if !next.is_some_and(|&c| chars::is_lowercase(c)) {
                    counter.end_sentence();
                }
            }
            i = j;
        } else if c == '\n' {
            let mut k = i + 1;
            while k < n && chars[k] != '\n' && chars[k].is_whitespace() {
                k += 1;
            }
            if k < n && chars[k] == '\n' {
                let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
                if !matches!(before, Some(':' | ',' | ';')) {
                    counter.end_sentence();
                }
                i = k;
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    counter.end_sentence();
    counter.counts
}

struct Counter {
    counts: Counts,
    sentence_words: usize,
    syllables: Syllables,
    long_word: LongWord,
    /// The current word part in lower case, reused between words.
    part: Vec<char>,
}

impl Counter {
    fn end_sentence(&mut self) {
        if self.sentence_words > 0 {
            self.counts.sentences += 1;
            self.counts.longest_sentence_words =
                self.counts.longest_sentence_words.max(self.sentence_words);
            self.sentence_words = 0;
        }
    }

    /// One word: its parts between hyphens (and the digit groups of a number) are
    /// counted apart; apostrophes only join ("patient’s", "l’effet").
    fn word(&mut self, word: &[char]) {
        let mut syllables = 0;
        let mut letters = 0;
        for part in word.split(|c| !is_word_char(*c) && !is_apostrophe(*c)) {
            let alphabetic = part.iter().filter(|c| is_letter(**c)).count();
            let digits =
                part.len() - alphabetic - part.iter().filter(|c| is_apostrophe(**c)).count();
            letters += alphabetic + digits;
            syllables += if alphabetic == 0 {
                // A number is read as words: about one syllable a digit ("50", "fifty").
                digits
            } else if alphabetic >= 2 && !part.iter().any(|&c| chars::is_lowercase(c)) {
                // An initialism is read letter by letter ("NMDA": en-em-dee-ay).
                alphabetic
            } else {
                self.part.clear();
                for &c in part.iter().filter(|c| !is_apostrophe(**c)) {
                    if c.is_ascii() {
                        self.part.push(c.to_ascii_lowercase());
                    } else {
                        self.part.extend(c.to_lowercase());
                    }
                }
                self.syllables.count(&self.part)
            };
        }
        self.counts.words += 1;
        self.counts.syllables += syllables;
        self.counts.letters += letters;
        if self.long_word.is_long(syllables, letters) {
            self.counts.long_words += 1;
        }
        self.sentence_words += 1;
    }
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || is_digit(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && !is_letter(c) && chars::is_numeric(c))
}

/// Letters, with the scripts of the scored languages answered by their ranges, the
/// rest from the memo of `char::is_alphabetic` (whose tables cost hundreds of
/// instructions a call outside ASCII).
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' | '×' | '÷' => false,
        'À'..='ɏ' | 'Ѐ'..='ҁ' | 'Ҋ'..='ԯ' => true,
        // Combining marks keep a decomposed letter ("e\u{301}") in its word.
        '\u{300}'..='\u{36f}' => true,
        _ => chars::is_alphabetic(c),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Whether `c` between `before` and `after` keeps one word: an apostrophe or hyphen
/// between letters, a decimal or thousands separator between digits.
fn joins(before: char, c: char, after: char) -> bool {
    if is_apostrophe(c) || matches!(c, '-' | '‐' | '‑') {
        is_word_char(before) && is_word_char(after)
    } else if matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}') {
        is_digit(before) && is_digit(after)
    } else {
        false
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '"' | '”' | '’' | '\'' | '»' | '“')
}
