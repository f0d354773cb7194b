//! Images as PDF image XObjects: JPEG bytes unchanged (DCTDecode), other pixels raw
//! (compressed losslessly with the other streams), alpha as a soft mask.

use crate::model::image::{ImageData, Pixels};
use printpdf::{
    DictItem, ExternalStream, ExternalXObject, Op, PdfDocument, Pt, XObject, XObjectId,
    XObjectTransform,
};
use std::collections::BTreeMap;

/// The XObject name of an image: from its digest, so that output is reproducible and
/// an image shown twice is stored once.
pub fn xobject_id(data: &ImageData) -> XObjectId {
    XObjectId(format!("Im{}", data.digest))
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn image_dict(width: u32, height: u32, components: u8) -> BTreeMap<String, DictItem> {
    let mut d = BTreeMap::new();
    d.insert("Type".into(), name("XObject"));
    d.insert("Subtype".into(), name("Image"));
    d.insert("Width".into(), DictItem::Int(i64::from(width)));
    d.insert("Height".into(), DictItem::Int(i64::from(height)));
    d.insert(
        "ColorSpace".into(),
        name(if components == 1 {
            "DeviceGray"
        } else {
            "DeviceRGB"
        }),
    );
    d.insert("BitsPerComponent".into(), DictItem::Int(8));
    d
}

/// Adds `data` to the document's resources (once per image).
pub fn register(doc: &mut PdfDocument, data: &ImageData) {
    let id = xobject_id(data);
    if doc.resources.xobjects.map.contains_key(&id) {
        return;
    }
    let stream = match &data.pixels {
        Pixels::Jpeg { bytes, components } => {
            let mut dict = image_dict(data.width, data.height, *components);
            dict.insert("Filter".into(), name("DCTDecode"));
            ExternalStream {
                dict,
                content: bytes.clone(),
                compress: false,
            }
        }
        Pixels::Raw {
            samples,
            components,
            alpha,
        } => {
            let mut dict = image_dict(data.width, data.height, *components);
            if let Some(alpha) = alpha {
                dict.insert(
                    "SMask".into(),
                    DictItem::Stream {
                        stream: ExternalStream {
                            dict: image_dict(data.width, data.height, 1),
                            content: alpha.clone(),
                            compress: false,
                        },
                    },
                );
            }
            ExternalStream {
                dict,
                content: samples.clone(),
                compress: false,
            }
        }
    };
    doc.resources.xobjects.map.insert(
        id,
        XObject::External(ExternalXObject {
            stream,
            width: None,
            height: None,
            dpi: None,
        }),
    );
}

/// Draws `data` into the box (x, y from the top-left, w × h points), marked as a figure
/// with its text alternative.
#[allow(clippy::too_many_arguments)]
pub fn ops(
    data: &ImageData,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    alt: &str,
    page_height: f32,
    ops: &mut Vec<Op>,
) {
    let mut props = BTreeMap::new();
    let mut utf16 = vec![0xFE, 0xFF];
    for unit in alt.encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    props.insert(
        "Alt".to_string(),
        DictItem::String {
            data: utf16,
            literal: false,
        },
    );
    ops.push(Op::BeginMarkedContentWithProperties {
        tag: "Figure".into(),
        properties: DictItem::Dict { map: props },
    });
    ops.push(Op::UseXobject {
        id: xobject_id(data),
        transform: XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(page_height - y - h)),
            scale_x: Some(w),
            scale_y: Some(h),
            no_auto_scale: true,
            ..Default::default()
        },
    });
    ops.push(Op::EndMarkedContent);
}
