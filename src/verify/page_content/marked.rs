//! Marked content on a page: `BDC`/`BMC`/`EMC`, the MCID each glyph belongs to, and
//! `/ActualText` spans, as the page reader meets them.

use super::{Mark, PageReader, MAX_NESTING};
use crate::verify::file::Object;
use crate::verify::lexer::{Operand, Operands};
use crate::verify::{text_string, Problem};

impl PageReader<'_, '_, '_> {
    pub(super) fn begin_marked(&mut self, operands: Operands) {
        if self.marks.len() >= MAX_NESTING {
            // Deeper than any real content: the page is reported, not followed.
            self.unbalanced = true;
            return;
        }
        let tag = operands.first().and_then(|o| o.name()).unwrap_or_default();
        let properties = operands.get(1);
        // An `/ActualText`'s bytes go to the reader's scratch buffer; they are
        // decoded only where the span's text is used.
        self.bytes.clear();
        let (mcid, actual_text) = match properties.as_ref().and_then(Operands::operand) {
            Some(Operand::Dict(_)) => {
                let get = |key: &[u8]| properties.and_then(|d| d.get_key(key));
                let text = get(b"ActualText").and_then(|s| s.string());
                if let Some(text) = text {
                    text.decode_into(&mut self.bytes);
                }
                (
                    get(b"MCID").and_then(|n| n.number()).map(|n| n as i64),
                    text.is_some(),
                )
            }
            Some(Operand::Name(name)) => self.named_properties(name),
            _ => (None, false),
        };
        let mark = if tag == b"Artifact" {
            self.artifacts += 1;
            Mark::Artifact
        } else if let Some(mcid) = mcid {
            self.open_mcid(tag, mcid);
            // Pushed first so the span's text goes to this MCID.
            self.marks.push(Mark::Mcid { mcid, actual_text });
            if actual_text {
                self.open_actual_text();
            }
            return;
        } else if actual_text {
            self.open_actual_text();
            Mark::ActualText
        } else {
            Mark::Other
        };
        self.marks.push(mark);
    }

    /// Properties named in `/Resources /Properties` (`/P /MC0 BDC`): the MCID, and
    /// whether there is an `/ActualText` (its bytes put in the scratch buffer).
    fn named_properties(&mut self, name: &[u8]) -> (Option<i64>, bool) {
        let Some(dict) = self
            .resource(b"Properties", name)
            .and_then(|o| self.file.dict(o))
        else {
            return (None, false);
        };
        let mcid = dict.get(b"MCID").and_then(Object::as_i64);
        let text = match dict.get(b"ActualText") {
            Some(Object::String(text)) => Some(text),
            _ => None,
        };
        if let Some(text) = text {
            text.decode_into(&mut self.bytes);
        }
        (mcid, text.is_some())
    }

    fn open_mcid(&mut self, tag: &[u8], mcid: i64) {
        let page = self.page;
        if self.artifacts > 0 {
            self.problems.push(Problem::McidInArtifact { page, mcid });
        }
        if self.current_mcid().is_some() {
            self.problems.push(Problem::NestedMcid { page, mcid });
        }
        let marked = self.out.marked.entry(mcid).or_default();
        marked.sequences += 1;
        if marked.sequences == 2 {
            self.problems.push(Problem::McidTwice { page, mcid });
        }
        if marked.tag.is_empty() {
            marked.tag = tag.to_vec();
        }
    }

    /// The span's text (its bytes in the scratch buffer) stands where its glyphs
    /// are drawn (their line), once: it is placed with the first of them, or at the
    /// span's end.
    fn open_actual_text(&mut self) {
        if self.artifacts == 0 && self.actual_texts == 0 {
            self.span_text.clear();
            text_string::push_decoded(&self.bytes, &mut self.span_text);
            self.span_pending = true;
        }
        self.actual_texts += 1;
    }

    fn close_actual_text(&mut self) {
        self.actual_texts -= 1;
        if self.actual_texts == 0 {
            self.place_actual_text();
        }
    }

    pub(super) fn end_marked(&mut self) {
        // An MCID's own /ActualText is placed while the MCID is still current.
        if let Some(Mark::Mcid {
            actual_text: true, ..
        }) = self.marks.last()
        {
            self.close_actual_text();
        }
        match self.marks.pop() {
            Some(Mark::Artifact) => self.artifacts -= 1,
            Some(Mark::ActualText) => self.close_actual_text(),
            Some(Mark::Mcid { .. } | Mark::Other) => {}
            None => self.unbalanced = true,
        }
    }

    /// The open `/ActualText` span's text, where the pen is now.
    pub(super) fn place_actual_text(&mut self) {
        if !std::mem::take(&mut self.span_pending) {
            return;
        }
        let text = std::mem::take(&mut self.span_text);
        match self.current_mcid() {
            Some(mcid) => self.push_text(mcid, &text),
            None => self.note_untagged(&text),
        }
        self.span_text = text;
    }

    pub(super) fn current_mcid(&self) -> Option<i64> {
        self.marks.iter().rev().find_map(|m| match m {
            Mark::Mcid { mcid, .. } => Some(*mcid),
            _ => None,
        })
    }
}
