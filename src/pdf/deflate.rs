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
/// streams cost more than compressing the small ones. It writes into a buffer of the
/// thread's that only grows, so a stream's worst-case size is not zeroed each time;
/// what it packed is copied out.
pub fn deflate(data: &[u8]) -> Result<Vec<u8>> {
    struct Packer {
        compressor: libdeflater::Compressor,
        out: Vec<u8>,
    }
    thread_local! {
        static PACKER: std::cell::RefCell<Option<Packer>> =
            const { std::cell::RefCell::new(None) };
    }
    PACKER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let packer = match &mut *cell {
            Some(packer) => packer,
            None => {
                let level = libdeflater::CompressionLvl::new(LEVEL)
                    .map_err(|e| Error::internal(format!("compression level: {e:?}")))?;
                cell.insert(Packer {
                    compressor: libdeflater::Compressor::new(level),
                    out: Vec::new(),
                })
            }
        };
        let bound = packer.compressor.zlib_compress_bound(data.len());
        if packer.out.len() < bound {
            packer.out.resize(bound, 0);
        }
        let size = packer
            .compressor
            .zlib_compress(data, &mut packer.out[..bound])
            .map_err(|e| Error::internal(format!("compressing a stream failed: {e:?}")))?;
        Ok(packer.out[..size].to_vec())
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
