//! A stream's decoded data. The build writes streams either unfiltered or
//! `/FlateDecode` without predictors; those are what is read here, inflated straight
//! into the caller's buffer with one decoder state for the whole read-back (a fresh
//! state per stream, with its 32 KB window, cost a third of the decoding). Any other
//! filter, a predictor, or data that does not inflate cleanly is an error: the
//! read-back refuses what it cannot read rather than guess.
//!
//! The state and the buffer a page's content is decoded into are kept by each
//! thread from one PDF to the next (a batch reads every leaflet back): setting up a
//! state for each PDF, and for its fonts apart, cost 1 M instructions in 33 leaflets.
//! Streams are inflated by zlib-rs, not by the libdeflate that compresses them
//! (`pdf::deflate`), so that writer and reader stay separate implementations.

use super::file::{Object, Stream};
use flate2::{Decompress, FlushDecompress, Status};
use std::cell::RefCell;

/// Inflates `/FlateDecode` streams, reusing its state between them.
pub struct Inflater {
    state: Decompress,
}

impl Default for Inflater {
    fn default() -> Self {
        Inflater {
            state: Decompress::new(true),
        }
    }
}

/// What reading a PDF back decodes streams with: the decompressor's state and the
/// buffer for a page's content.
#[derive(Default)]
pub struct Streams {
    pub inflater: Inflater,
    pub content: Vec<u8>,
}

/// A content buffer grown past this by a large page is let go after the PDF, so that
/// a thread does not keep it for the rest of a batch (a leaflet's page is ~50 KB).
const KEPT_BYTES: usize = 1 << 20;

/// Runs `read` with this thread's [`Streams`] (fresh ones if they are in use).
pub fn with_streams<R>(read: impl FnOnce(&mut Streams) -> R) -> R {
    thread_local! {
        static STREAMS: RefCell<Streams> = RefCell::new(Streams::default());
    }
    STREAMS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut streams) => {
            let result = read(&mut streams);
            if streams.content.capacity() > KEPT_BYTES {
                streams.content = Vec::new();
            }
            result
        }
        Err(_) => read(&mut Streams::default()),
    })
}

impl Inflater {
    /// `stream`'s data decoded and appended to `out`; Err when it is larger than
    /// `limit` bytes, cannot be decoded or has a filter this reader does not know.
    pub fn decode_into(
        &mut self,
        stream: &Stream,
        limit: usize,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        match filter(stream)? {
            None if stream.data.len() > limit => Err(format!("larger than {limit} bytes")),
            None => {
                out.extend_from_slice(stream.data);
                Ok(())
            }
            Some(()) => {
                let start = out.len();
                self.inflate(stream.data, limit, out).ok_or_else(|| {
                    out.truncate(start);
                    format!("not valid /FlateDecode data, or larger than {limit} bytes")
                })
            }
        }
    }

    /// Appends the inflated `input` to `out`; None when the data is malformed,
    /// truncated or inflates to more than `limit` bytes.
    fn inflate(&mut self, input: &[u8], limit: usize, out: &mut Vec<u8>) -> Option<()> {
        self.state.reset(true);
        let start = out.len();
        // Content streams and CMaps inflate to 4–8 times their size.
        out.reserve(input.len().saturating_mul(8).min(limit).max(64));
        loop {
            let read = usize::try_from(self.state.total_in()).ok()?;
            let before = (read, out.len());
            let status = self
                .state
                .decompress_vec(input.get(read..)?, out, FlushDecompress::Finish)
                .ok()?;
            if out.len() - start > limit {
                return None;
            }
            if status == Status::StreamEnd {
                return Some(());
            }
            let now_read = usize::try_from(self.state.total_in()).ok()?;
            if out.len() == out.capacity() {
                out.reserve((out.len() - start).max(64));
            } else if (now_read, out.len()) == before {
                // No progress with room to write: the input ended early.
                return None;
            }
        }
    }
}

/// Some(()) for `/FlateDecode` (alone, without `/DecodeParms`), None for no
/// filter, Err for anything else.
fn filter(stream: &Stream) -> Result<Option<()>, String> {
    let filter = match stream.dict.get(b"Filter") {
        None => return Ok(None),
        Some(Object::Array(items)) if items.is_empty() => return Ok(None),
        Some(Object::Name(name)) => name.as_ref(),
        Some(Object::Array(items)) if items.len() == 1 => match &items[0] {
            Object::Name(name) => name.as_ref(),
            _ => return Err("a malformed /Filter".into()),
        },
        Some(_) => return Err("a filter other than /FlateDecode alone".into()),
    };
    if filter != b"FlateDecode" {
        return Err(format!(
            "the filter /{} is not read",
            String::from_utf8_lossy(filter)
        ));
    }
    if stream.dict.has(b"DecodeParms") {
        return Err("a predictor (/DecodeParms) is not read".into());
    }
    Ok(Some(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::file::parse_object;
    use crate::verify::lexer::Lexer;
    use std::io::Write;

    fn flate(data: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).expect("in memory");
        encoder.finish().expect("in memory")
    }

    /// A stream with the dictionary `dict` (PDF syntax) and `data`.
    fn stream<'a>(dict: &'static str, data: &'a [u8]) -> Stream<'a> {
        let Some(Object::Dict(dict)) = parse_object(&mut Lexer::new(dict.as_bytes())) else {
            panic!("{dict} is a dictionary")
        };
        Stream { dict, data }
    }

    /// A thread's streams are handed out again, and fresh ones while in use.
    #[test]
    fn a_thread_keeps_its_streams() {
        with_streams(|streams| streams.content.extend_from_slice(b"page"));
        let kept = with_streams(|streams| {
            let inner = with_streams(|inner| inner.content.len());
            (streams.content.clone(), inner)
        });
        assert_eq!(kept, (b"page".to_vec(), 0));
    }

    #[test]
    fn inflates_appends_and_reuses_its_state() {
        let mut inflater = Inflater::default();
        let big: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        let mut out = b"x".to_vec();
        for data in [&b"BT /F0 12 Tf ET"[..], &big] {
            let packed = flate(data);
            let stream = stream("<</Filter /FlateDecode>>", &packed);
            let start = out.len();
            inflater
                .decode_into(&stream, 1 << 20, &mut out)
                .expect("decodes");
            assert_eq!(&out[start..], data);
        }
        assert_eq!(out[0], b'x');
    }

    #[test]
    fn over_the_limit_broken_or_unknown_is_refused_and_plain_is_read() {
        let mut inflater = Inflater::default();
        let data = vec![b'a'; 10_000];
        let packed = flate(&data);
        let whole = stream("<</Filter [/FlateDecode]>>", &packed);
        assert!(inflater.decode_into(&whole, 1000, &mut Vec::new()).is_err());
        let truncated = stream("<</Filter /FlateDecode>>", &packed[..packed.len() / 2]);
        let mut out = b"kept".to_vec();
        assert!(inflater.decode_into(&truncated, 1 << 20, &mut out).is_err());
        assert_eq!(out, b"kept");
        let mut corrupt = packed.clone();
        let last = corrupt.len() - 1;
        corrupt[last] ^= 1;
        let corrupt = stream("<</Filter /FlateDecode>>", &corrupt);
        assert!(inflater.decode_into(&corrupt, 1 << 20, &mut out).is_err());
        assert_eq!(out, b"kept", "a wrong Adler-32 is refused");
        for dict in [
            "<</Filter /LZWDecode>>",
            "<</Filter [/ASCIIHexDecode /FlateDecode]>>",
            "<</Filter /FlateDecode /DecodeParms <</Predictor 12>>>>",
        ] {
            let s = stream(dict, &packed);
            assert!(
                inflater.decode_into(&s, 1 << 20, &mut Vec::new()).is_err(),
                "{dict}"
            );
        }
        let plain = stream("<<>>", b"q Q");
        let mut out = Vec::new();
        inflater.decode_into(&plain, 10, &mut out).expect("plain");
        assert_eq!(out, b"q Q");
        assert!(inflater.decode_into(&plain, 2, &mut Vec::new()).is_err());
        // The state is still good after the errors.
        let mut out = Vec::new();
        inflater
            .decode_into(&whole, 1 << 20, &mut out)
            .expect("decodes");
        assert_eq!(out, data);
    }
}
