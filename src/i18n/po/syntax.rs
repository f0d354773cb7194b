//! PO file syntax: quoting strings, and reading a file into entries with their lines.

use crate::error::{Diagnostic, Error, Pos, Result};
use std::path::Path;

/// `s` as a double-quoted PO string.
pub fn escape(s: &str) -> String {
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

/// One entry of a PO file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PoEntry {
    pub fuzzy: bool,
    pub ctxt: Option<String>,
    pub id: Option<String>,
    pub string: Option<String>,
    /// 1-based line where the entry starts (its flags, `msgctxt` or `msgid`).
    pub line: usize,
}

impl PoEntry {
    /// The header: the entry without context whose msgid is empty.
    pub fn is_header(&self) -> bool {
        self.ctxt.is_none() && self.id.as_deref() == Some("")
    }
}

/// The entries of `po` in file order (`path` names it in messages).
pub fn parse(path: &Path, po: &str) -> Result<Vec<PoEntry>> {
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
        // A new flag line or a new msgctxt/msgid after a msgstr starts the next entry.
        let starts_entry =
            line.starts_with("#,") || line.starts_with("msgctxt ") || line.starts_with("msgid ");
        if starts_entry && cur.string.is_some() {
            entries.push(std::mem::take(&mut cur));
        }
        if starts_entry && cur.line == 0 {
            cur.line = i + 1;
        }
        if line.starts_with("#,") {
            cur.fuzzy = line.contains("fuzzy");
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (name, rest) = if let Some(rest) = line.strip_prefix("msgctxt ") {
            ("msgctxt", rest)
        } else if let Some(rest) = line.strip_prefix("msgid ") {
            ("msgid", rest)
        } else if let Some(rest) = line.strip_prefix("msgstr ") {
            ("msgstr", rest)
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
            continue;
        } else {
            return Err(bad(i + 1, "this line is not PO syntax"));
        };
        let v = unescape(rest).ok_or_else(|| bad(i + 1, "a PO string is not properly quoted"))?;
        match name {
            "msgctxt" => cur.ctxt = Some(v),
            "msgid" => cur.id = Some(v),
            _ => cur.string = Some(v),
        }
        field = Some(name);
    }
    if cur.string.is_some() {
        entries.push(cur);
    }
    Ok(entries)
}

/// The value of header field `name` (`Language`) and the line it is on, if present.
pub fn header_field(po: &str, header: &PoEntry, name: &str) -> Option<(String, usize)> {
    let value = header
        .string
        .as_deref()?
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))?
        .trim()
        .to_string();
    let prefix = format!("\"{name}:");
    let line = po
        .lines()
        .enumerate()
        .skip(header.line.saturating_sub(1))
        .find(|(_, l)| l.trim_start().starts_with(&prefix))
        .map_or(header.line, |(i, _)| i + 1);
    Some((value, line))
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

    #[test]
    fn entries_keep_their_lines_and_flags() {
        let po = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\n#, fuzzy\n#| msgid \"old\"\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n\"x\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"y\"\n";
        let e = parse(Path::new("x.po"), po).expect("parses");
        assert_eq!(e.len(), 3);
        assert!(e[0].is_header());
        assert_eq!(header_field(po, &e[0], "Language"), Some(("de".into(), 3)));
        assert_eq!(
            (e[1].line, e[1].fuzzy, e[1].string.as_deref()),
            (5, true, Some("x"))
        );
        assert_eq!(
            (e[2].line, e[2].fuzzy, e[2].ctxt.as_deref()),
            (12, false, Some("b"))
        );
    }
}
