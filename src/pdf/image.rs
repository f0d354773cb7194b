//! Images as PDF image XObjects: JPEG bytes unchanged (DCTDecode), other pixels
//! compressed losslessly (FlateDecode), alpha as a soft mask.

use super::deflate::deflate;
use super::refs::Refs;
use crate::error::Result;
use crate::images::{ImageData, Pixels};
use pdf_writer::{Filter, Name, Pdf, Ref};

/// The resource name of an image: from its digest, so that output is reproducible
/// and an image shown twice is stored once.
pub fn resource_name(data: &ImageData) -> String {
    format!("Im{}", data.digest)
}

/// Writes `data` as an image XObject (and its soft mask); returns its reference.
pub fn write(pdf: &mut Pdf, refs: &mut Refs, data: &ImageData) -> Result<Ref> {
    let id = refs.next();
    let (width, height) = (data.width as i32, data.height as i32);
    let color_space = |components: u8| {
        Name(if components == 1 {
            b"DeviceGray".as_slice()
        } else {
            b"DeviceRGB".as_slice()
        })
    };
    match &data.pixels {
        Pixels::Jpeg { bytes, components } => {
            pdf.image_xobject(id, bytes)
                .width(width)
                .height(height)
                .color_space_name(color_space(*components))
                .bits_per_component(8)
                .filter(Filter::DctDecode);
        }
        Pixels::Raw {
            samples,
            components,
            alpha,
        } => {
            let mask = match alpha {
                Some(alpha) => {
                    let mask = refs.next();
                    pdf.image_xobject(mask, &deflate(alpha)?)
                        .width(width)
                        .height(height)
                        .color_space_name(Name(b"DeviceGray"))
                        .bits_per_component(8)
                        .filter(Filter::FlateDecode);
                    Some(mask)
                }
                None => None,
            };
            let packed = deflate(samples)?;
            let mut image = pdf.image_xobject(id, &packed);
            image
                .width(width)
                .height(height)
                .color_space_name(color_space(*components))
                .bits_per_component(8);
            if let Some(mask) = mask {
                image.s_mask(mask);
            }
            image.filter(Filter::FlateDecode);
        }
    }
    Ok(id)
}
