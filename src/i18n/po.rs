//! Exchange with translation tools in gettext PO (Poedit, Weblate, Lokalize, OmegaT,
//! Crowdin all read it). PO was chosen over XLIFF 2 because its "fuzzy" flag with the
//! previous msgid (`#|`) is exactly our stale entry with its old source, and it is
//! line-oriented text that reviews well in git.
//!
//! Export: `msgctxt` = entry id, `msgid` = current source, `msgstr` = translation;
//! stale entries are `#, fuzzy` with the old source as `#| msgid`. Import: an entry
//! without the fuzzy flag is current (source and fingerprint become the msgid's).

use super::file::{fingerprint, Entry, TranslationFile};
use crate::error::{Diagnostic, Error, Pos, Result};
use crate::model::Document;
use std::path::Path;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn unescape(s: &str) -> Option<String> {
    let inner = s.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                other => out.push(other),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The PO text for a translation of `doc` (the source document).
pub fn export(doc: &Document, tf: &TranslationFile) -> String {
    let mut out = String::new();
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    out.push_str(&format!("\"Language: {}\\n\"\n", tf.language));
    out.push_str("\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    out.push_str(&format!("\"X-Handout: {}\\n\"\n", doc.meta.name));
    for t in doc.texts() {
        out.push('\n');
        let current = fingerprint(&t.markup);
        let entry = tf.entries.get(&t.id);
        if let Some(e) = entry {
            if e.fingerprint != current && !e.text.is_empty() {
                out.push_str("#, fuzzy\n");
                out.push_str(&format!("#| msgid {}\n", escape(&e.source)));
            }
        }
        out.push_str(&format!("msgctxt {}\n", escape(&t.id)));
        out.push_str(&format!("msgid {}\n", escape(&t.markup)));
        out.push_str(&format!(
            "msgstr {}\n",
            escape(entry.map(|e| e.text.as_str()).unwrap_or(""))
        ));
    }
    out
}

#[derive(Default)]
struct PoEntry {
    fuzzy: bool,
    ctxt: Option<String>,
    id: Option<String>,
    string: Option<String>,
}

/// Applies a PO file to `tf`; returns how many entries it set.
pub fn import(path: &Path, po: &str, tf: &mut TranslationFile) -> Result<usize> {
    let bad = |line: usize, msg: &str| {
        Error::input(
            Diagnostic::new(msg.to_string())
                .file(path)
                .at(po, Pos { line, column: 1 })
                .help("check the PO syntax: msgctxt, msgid and msgstr with double-quoted strings"),
        )
    };
    let mut entries = Vec::new();
    let mut cur = PoEntry::default();
    // Which field continuation lines ("...") append to.
    let mut field: Option<&'static str> = None;
    for (i, raw) in po.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let mut start_field = |name: &'static str, rest: &str, cur: &mut PoEntry| -> Result<()> {
            let v =
                unescape(rest).ok_or_else(|| bad(i + 1, "a PO string is not properly quoted"))?;
            match name {
                "msgctxt" => {
                    if cur.string.is_some() {
                        entries.push(std::mem::take(cur));
                    }
                    cur.ctxt = Some(v)
                }
                "msgid" => {
                    if cur.string.is_some() {
                        entries.push(std::mem::take(cur));
                    }
                    cur.id = Some(v)
                }
                _ => cur.string = Some(v),
            }
            field = Some(name);
            Ok(())
        };
        if line.starts_with("#,") {
            if cur.string.is_some() {
                entries.push(std::mem::take(&mut cur));
            }
            cur.fuzzy = line.contains("fuzzy");
        } else if line.starts_with('#') {
            continue;
        } else if let Some(rest) = line.strip_prefix("msgctxt ") {
            start_field("msgctxt", rest, &mut cur)?;
        } else if let Some(rest) = line.strip_prefix("msgid ") {
            start_field("msgid", rest, &mut cur)?;
        } else if let Some(rest) = line.strip_prefix("msgstr ") {
            start_field("msgstr", rest, &mut cur)?;
        } else if line.starts_with('"') {
            let v =
                unescape(line).ok_or_else(|| bad(i + 1, "a PO string is not properly quoted"))?;
            let target = match field {
                Some("msgctxt") => cur.ctxt.as_mut(),
                Some("msgid") => cur.id.as_mut(),
                Some(_) => cur.string.as_mut(),
                None => None,
            };
            target
                .ok_or_else(|| bad(i + 1, "a continuation line follows no msgid or msgstr"))?
                .push_str(&v);
        } else {
            return Err(bad(i + 1, "this line is not PO syntax"));
        }
    }
    if cur.string.is_some() {
        entries.push(cur);
    }
    let mut set = 0;
    for e in entries {
        let (Some(id), Some(source), Some(text)) = (e.ctxt, e.id, e.string) else {
            continue; // the header has no msgctxt
        };
        let slot = tf.entries.entry(id).or_insert_with(|| Entry {
            source: source.clone(),
            fingerprint: fingerprint(&source),
            text: String::new(),
        });
        slot.text = text;
        if !e.fuzzy {
            slot.fingerprint = fingerprint(&source);
            slot.source = source;
        }
        set += 1;
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for s in [
            "plain",
            "with \"quotes\" and \\ and\nnewline",
            "ümlaut «»",
            "",
        ] {
            assert_eq!(unescape(&escape(s)).as_deref(), Some(s));
        }
    }
}
