//! A stream's decoded data. The streams the build writes are `/FlateDecode` without
//! predictors; those are inflated here straight into a buffer sized for them, one
//! decoder state for the whole read-back. lopdf's decoder reads through an
//! `io::Read` adapter into a buffer grown from twice the input, with a fresh state
//! (and its 32 KB window) per stream; that overhead was a third of the read-back's
//! decoding cost. Any other stream, and any stream this path cannot inflate cleanly,
//! goes to lopdf, as before, so what is read does not change.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Object, Stream};

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

impl Inflater {
    /// `stream`'s data decoded and appended to `out`; Err when it is larger than
    /// `limit` bytes or cannot be decoded.
    pub fn decode_into(
        &mut self,
        stream: &Stream,
        limit: usize,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        let start = out.len();
        if plain_flate(stream) && self.inflate(&stream.content, limit, out).is_some() {
            return Ok(());
        }
        out.truncate(start);
        let data = if stream.dict.has(b"Filter") {
            stream
                .decompressed_content_with_limit(limit)
                .map_err(|e| e.to_string())?
        } else if stream.content.len() > limit {
            return Err(format!("larger than {limit} bytes"));
        } else {
            stream.content.clone()
        };
        out.extend_from_slice(&data);
        Ok(())
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

/// Exactly one filter, `/FlateDecode`, and no `/DecodeParms` (so no predictor).
fn plain_flate(stream: &Stream) -> bool {
    let filter = match stream.dict.get(b"Filter") {
        Ok(Object::Name(name)) => name.as_slice(),
        Ok(Object::Array(items)) if items.len() == 1 => match &items[0] {
            Object::Name(name) => name.as_slice(),
            _ => return false,
        },
        _ => return false,
    };
    filter == b"FlateDecode" && !stream.dict.has(b"DecodeParms")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};
    use std::io::Write;

    fn flate(data: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).expect("in memory");
        encoder.finish().expect("in memory")
    }

    #[test]
    fn inflates_appends_and_reuses_its_state() {
        let mut inflater = Inflater::default();
        let big: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        let mut out = b"x".to_vec();
        for data in [&b"BT /F0 12 Tf ET"[..], &big] {
            let stream = Stream::new(dictionary! {"Filter" => "FlateDecode"}, flate(data));
            let start = out.len();
            inflater
                .decode_into(&stream, 1 << 20, &mut out)
                .expect("decodes");
            assert_eq!(&out[start..], data);
        }
        assert_eq!(out[0], b'x');
    }

    #[test]
    fn a_stream_over_the_limit_is_refused_and_a_broken_one_read_as_lopdf_reads_it() {
        let mut inflater = Inflater::default();
        let data = vec![b'a'; 10_000];
        let stream = Stream::new(dictionary! {"Filter" => "FlateDecode"}, flate(&data));
        assert!(inflater
            .decode_into(&stream, 1000, &mut Vec::new())
            .is_err());
        let mut truncated = flate(&data);
        truncated.truncate(truncated.len() / 2);
        let stream = Stream::new(dictionary! {"Filter" => "FlateDecode"}, truncated);
        let mut ours = Vec::new();
        let theirs = stream.decompressed_content_with_limit(1 << 20);
        let got = inflater.decode_into(&stream, 1 << 20, &mut ours);
        assert_eq!(got.is_ok(), theirs.is_ok());
        if let Ok(theirs) = theirs {
            assert_eq!(ours, theirs);
        }
        let plain = Stream::new(dictionary! {}, b"q Q".to_vec());
        let mut out = Vec::new();
        inflater.decode_into(&plain, 10, &mut out).expect("plain");
        assert_eq!(out, b"q Q");
    }
}
