//! Decoded images (logos, diagrams), checked and ready to embed: what the model
//! loads and the PDF stage writes, without either stage depending on the other.
//!
//! JPEG files are embedded as they are (no second lossy generation); PNG files are
//! decoded to pixels that the PDF stores losslessly (Flate), with alpha as a soft mask.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest accepted image file: leaflets print logos and diagrams, not photographs.
pub const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;
/// Largest accepted image in pixels: 8 million (3 500 × 2 300) is a 59 cm wide print
/// at 150 dpi, more than any leaflet needs, and keeps a build under 200 MiB (the
/// robustness budget) while it decodes and embeds the pixels.
pub const MAX_IMAGE_PIXELS: u64 = 8_000_000;

/// Pixels the PDF can take as they are.
#[derive(Debug, Clone, PartialEq)]
pub enum Pixels {
    /// A baseline or progressive JPEG file, embedded unchanged (DCTDecode).
    Jpeg { bytes: Vec<u8>, components: u8 },
    /// 8-bit samples, row by row: grey or RGB, and an optional alpha channel.
    Raw {
        samples: Vec<u8>,
        components: u8,
        alpha: Option<Vec<u8>>,
    },
}

/// A checked image, shared by every leaflet that shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageData {
    pub width: u32,
    pub height: u32,
    pub pixels: Pixels,
    /// A digest of the file, naming the image in the PDF (equal files, equal names).
    pub digest: String,
    /// Where the file is (for incremental builds: a changed image means a rebuild).
    pub path: PathBuf,
}

/// The digest of an image file's bytes (16 hex digits of SHA-256).
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads and checks the image at `path`.
pub fn load(path: &Path) -> std::result::Result<Arc<ImageData>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot be read: {e}"))?
        .len();
    if size > MAX_IMAGE_BYTES {
        return Err(format!(
            "is {} MB; images may have at most {} MB",
            size / 1_000_000,
            MAX_IMAGE_BYTES / 1_000_000
        ));
    }
    // At most one byte past the limit is read, whatever the size said (the file
    // may have grown since).
    use std::io::Read;
    let mut bytes = Vec::with_capacity(size as usize + 1);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_IMAGE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(format!(
            "is larger than {} MB, the most an image may have",
            MAX_IMAGE_BYTES / 1_000_000
        ));
    }
    let digest = digest(&bytes);
    let format =
        image::guess_format(&bytes).map_err(|_| "is neither a PNG nor a JPEG file".to_string())?;
    if !matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg) {
        return Err(format!(
            "is a {format:?} image; use PNG (diagrams, logos) or JPEG (photographs)"
        ));
    }
    // The size from the header first: too many pixels is said as such, not as damage.
    let header = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    if let Ok((w, h)) = header.into_dimensions() {
        if u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS {
            return Err(format!(
                "has {w} × {h} pixels; images may have at most {} million",
                MAX_IMAGE_PIXELS / 1_000_000
            ));
        }
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let mut limits = image::Limits::default();
    // 16-bit RGBA takes 8 bytes a pixel.
    limits.max_alloc = Some(MAX_IMAGE_PIXELS * 8);
    reader.limits(limits);
    // Decoded in full even when the file is embedded as it is: a damaged image is
    // refused here, not left for the printer to find.
    let decoded = reader
        .decode()
        .map_err(|e| format!("is damaged or unreadable: {e}"))?;
    let (width, height) = (decoded.width(), decoded.height());
    if width == 0 || height == 0 {
        return Err(format!("has an unusable size of {width} × {height} pixels"));
    }
    let grey = !decoded.color().has_color();
    // Grey and YCbCr JPEGs go in unchanged; CMYK ones (4 components) as pixels.
    let jpeg = match jpeg_components(&bytes) {
        Some(c @ (1 | 3)) if format == image::ImageFormat::Jpeg => Some(c),
        _ => None,
    };
    let pixels = if let Some(components) = jpeg {
        Pixels::Jpeg { bytes, components }
    } else {
        let alpha = decoded
            .color()
            .has_alpha()
            .then(|| {
                decoded
                    .to_luma_alpha8()
                    .pixels()
                    .map(|p| p.0[1])
                    .collect::<Vec<u8>>()
            })
            .filter(|a| a.iter().any(|v| *v != 255));
        let (samples, components) = if grey {
            (decoded.to_luma8().into_raw(), 1)
        } else {
            (decoded.to_rgb8().into_raw(), 3)
        };
        Pixels::Raw {
            samples,
            components,
            alpha,
        }
    };
    Ok(Arc::new(ImageData {
        width,
        height,
        pixels,
        digest,
        path: path.to_path_buf(),
    }))
}

/// The number of colour components in a JPEG's frame header (1 grey, 3 YCbCr, 4 CMYK).
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // Start-of-frame markers, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return bytes.get(i + 9).copied();
        }
        i += 2 + len;
    }
    None
}
