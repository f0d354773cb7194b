//! Stream compression.

use crate::error::{Error, Result};

/// libdeflate's level 1. Measured on the 33 leaflets of the ketamine handout against
/// zlib-rs at level 2 (used before): 8 % fewer instructions for the whole build and
/// files 1 % smaller (libdeflate compresses a whole buffer at once and finds longer
/// matches at the same speed); levels 3–6 make files up to 5 % smaller for 4–6 %
/// more instructions.
const LEVEL: i32 = 1;

/// Deflates `data` (zlib format, for /FlateDecode).
///
/// One compressor per thread: setting one up for each of a document's seven or more
/// streams cost more than compressing the small ones.
pub fn deflate(data: &[u8]) -> Result<Vec<u8>> {
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Option<libdeflater::Compressor>> =
            const { std::cell::RefCell::new(None) };
    }
    COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        let compressor = match &mut *cell {
            Some(compressor) => compressor,
            None => {
                let level = libdeflater::CompressionLvl::new(LEVEL)
                    .map_err(|e| Error::internal(format!("compression level: {e:?}")))?;
                cell.insert(libdeflater::Compressor::new(level))
            }
        };
        let mut packed = vec![0; compressor.zlib_compress_bound(data.len())];
        let size = compressor
            .zlib_compress(data, &mut packed)
            .map_err(|e| Error::internal(format!("compressing a stream failed: {e:?}")))?;
        packed.truncate(size);
        Ok(packed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// What is packed comes back whole through an independent zlib reader, for an
    /// empty stream, a tiny one and one larger than the compressor's window.
    #[test]
    fn round_trips_through_zlib() {
        let large: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        for data in [&b""[..], b"BT /F1 12 Tf ET", &large] {
            let packed = deflate(data).expect("deflate");
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut back)
                .expect("inflate");
            assert_eq!(back, data);
        }
    }
}
