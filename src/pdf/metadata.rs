//! What the file says about itself: the Info dictionary, the XMP packet that claims
//! PDF/A-2a and PDF/UA-1, and the sRGB output intent.
//!
//! PDF/A requires every Info entry to equal its XMP counterpart (ISO 19005-2 §6.6.3),
//! so both are written here from one [`DocMeta`]. Nothing reads the clock: the dates
//! are the handout's revision date and the IDs a digest, so equal input gives
//! byte-identical files.
//!
//! The XMP packet is written with `xmp-writer` (Typst's; no dependencies), which
//! escapes text, orders namespaces deterministically and knows the PDF/A extension
//! schema vocabulary, rather than a hand-written template.

use super::deflate::deflate;
use crate::error::{Error, Result};
use crate::layout::Layout;
use pdf_writer::types::OutputIntentSubtype;
use pdf_writer::writers::Catalog;
use pdf_writer::{Filter, Finish, Name, Pdf, Ref, Str, TextStr};
use sha2::{Digest, Sha256};
use xmp_writer::{DateTime, LangId, Timezone, XmpWriter};

/// Info /Creator and XMP xmp:CreatorTool: the program that made the content.
const CREATOR: &str = concat!("handout ", env!("CARGO_PKG_VERSION"));
/// Info /Producer and XMP pdf:Producer: the program that wrote the PDF.
const PRODUCER: &str = "handout";

/// sRGB, ICC version 4.2 (the newest PDF 1.7 allows), CC0; see `icc/README.md`.
const SRGB_PROFILE: &[u8] = include_bytes!("../../icc/sRGB-v4.icc");
/// The registered ICC characterisation the profile implements.
const SRGB_CONDITION: &str = "sRGB IEC61966-2.1";

/// What the Info dictionary and the XMP packet both say about a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocMeta<'a> {
    /// Info /Title and dc:title.
    pub title: &'a str,
    /// BCP 47 tag, as in the catalog's /Lang.
    pub language: &'a str,
    /// Info /Author and the one dc:creator entry.
    pub author: Option<&'a str>,
    /// Info /Subject and dc:description.
    pub subject: Option<&'a str>,
    /// The revision date, `YYYY-MM-DD`: creation, modification and metadata date.
    pub date: &'a str,
}

impl<'a> From<&'a Layout> for DocMeta<'a> {
    fn from(layout: &'a Layout) -> DocMeta<'a> {
        DocMeta {
            title: &layout.title,
            language: &layout.language,
            author: layout.author.as_deref(),
            subject: layout.subject.as_deref(),
            date: &layout.date,
        }
    }
}

/// A calendar date, checked once so the Info and XMP forms cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// `YYYY-MM-DD`. The model already validated it; a failure here is a bug upstream,
    /// reported as an error rather than a panic.
    fn parse(date: &str) -> Result<Date> {
        let bad = || Error::internal(format!("revision date `{date}` is not YYYY-MM-DD"));
        let mut parts = date.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        let day = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// `D:YYYYMMDD000000Z`: midnight UTC, the same instant as [`Date::xmp`].
    fn pdf(self) -> String {
        format!("D:{:04}{:02}{:02}000000Z", self.year, self.month, self.day)
    }

    /// `YYYY-MM-DDT00:00:00Z`. With a time and zone, so validators comparing it to
    /// the Info date see one instant, not a date against a date-time.
    fn xmp(self) -> DateTime {
        DateTime {
            year: self.year,
            month: Some(self.month),
            day: Some(self.day),
            hour: Some(0),
            minute: Some(0),
            second: Some(0),
            timezone: Some(Timezone::Utc),
        }
    }
}

/// The document's identity: the first 16 bytes of a SHA-256 over the bytes written so
/// far (pages, fonts, images) and the metadata, which the pages need not show. Used
/// for the trailer /ID and, as a UUID, for xmpMM:DocumentID and InstanceID.
pub fn file_id(body: &[u8], meta: &DocMeta) -> [u8; 16] {
    let mut hash = Sha256::new();
    hash.update(body);
    // Each field with its length first, so no two field lists hash alike.
    let fields = [
        Some(meta.title),
        Some(meta.language),
        meta.author,
        meta.subject,
        Some(meta.date),
    ];
    for field in fields {
        match field {
            Some(text) => {
                hash.update((text.len() as u64 + 1).to_le_bytes());
                hash.update(text.as_bytes());
            }
            None => hash.update(0u64.to_le_bytes()),
        }
    }
    let digest = hash.finalize();
    let mut id = [0; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

/// `uuid:` and the ID in UUID form, marked as an RFC 9562 version 8 (custom) UUID so
/// it is a well-formed one without pretending to be random.
fn uuid(id: &[u8; 16]) -> String {
    let mut b = *id;
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The Info dictionary: title, author, subject, creator, producer and dates.
pub fn write_info(pdf: &mut Pdf, id: Ref, meta: &DocMeta) -> Result<()> {
    let date = Date::parse(meta.date)?.pdf();
    let mut info = pdf.document_info(id);
    info.title(TextStr(meta.title));
    if let Some(author) = meta.author {
        info.author(TextStr(author));
    }
    if let Some(subject) = meta.subject {
        info.subject(TextStr(subject));
    }
    info.creator(TextStr(CREATOR))
        .producer(TextStr(PRODUCER))
        .pair(Name(b"CreationDate"), Str(date.as_bytes()))
        .pair(Name(b"ModDate"), Str(date.as_bytes()));
    Ok(())
}

/// The XMP packet: the Info values again, the PDF/A-2a and PDF/UA-1 claims.
fn xmp_packet(meta: &DocMeta, document_id: &[u8; 16]) -> Result<String> {
    let date = Date::parse(meta.date)?.xmp();
    // LangId is not Copy; each property gets its own.
    let lang = || LangId(meta.language);
    let mut xmp = XmpWriter::new();
    // x-default is what Info /Title must equal; the tagged entry tells readers
    // which language the title is in.
    xmp.title([(None, meta.title), (Some(lang()), meta.title)]);
    if let Some(author) = meta.author {
        // One entry, the Info /Author string whole (ISO 19005-2 §6.6.3 maps
        // Author to the first dc:creator item).
        xmp.creator([author]);
    }
    if let Some(subject) = meta.subject {
        xmp.description([(None, subject), (Some(lang()), subject)]);
    }
    xmp.language([lang()]);
    xmp.format("application/pdf");
    xmp.create_date(date)
        .modify_date(date)
        .metadata_date(date)
        .creator_tool(CREATOR);
    xmp.producer(PRODUCER);
    let id = uuid(document_id);
    xmp.document_id(&id).instance_id(&id);
    xmp.pdfa_part(2).pdfa_conformance("A");
    xmp.pdfua_part(1);
    // pdfuaid is not among the schemas PDF/A-2 predefines (XMP 2005 and pdfaid), so
    // PDF/A requires its description in the packet (ISO 19005-2 §6.6.2.3).
    xmp.extension_schemas()
        .pdfua_id()
        .properties()
        .describe_part();
    Ok(xmp.finish(None))
}

/// The XMP metadata stream, uncompressed as PDF/A requires (§6.6.2.1) so that tools
/// which do not parse PDF can still find the packet.
pub fn write_metadata(
    pdf: &mut Pdf,
    id: Ref,
    meta: &DocMeta,
    document_id: &[u8; 16],
) -> Result<()> {
    let packet = xmp_packet(meta, document_id)?;
    pdf.metadata(id, packet.as_bytes());
    Ok(())
}

/// The sRGB profile stream the output intent points at.
pub fn write_output_profile(pdf: &mut Pdf, id: Ref) -> Result<()> {
    // The same bytes in every leaflet: deflated once a process (each deflate resets
    // the compressor's 128 KiB of tables; a leaflet has seven to ten streams).
    static PACKED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let packed = match PACKED.get() {
        Some(packed) => packed,
        None => {
            let packed = deflate(SRGB_PROFILE)?;
            PACKED.get_or_init(|| packed)
        }
    };
    pdf.icc_profile(id, packed).n(3).filter(Filter::FlateDecode);
    Ok(())
}

/// The catalog's /Metadata and its one /OutputIntents entry: output is meant for sRGB,
/// which gives the DeviceRGB colours a defined meaning (ISO 19005-2 §6.2.4.3).
pub fn add_to_catalog(catalog: &mut Catalog, metadata: Ref, output_profile: Ref) {
    catalog.metadata(metadata);
    let mut intents = catalog.output_intents();
    intents
        .push()
        .subtype(OutputIntentSubtype::PDFA)
        .output_condition_identifier(TextStr(SRGB_CONDITION))
        .registry_name(TextStr("http://www.color.org"))
        .info(TextStr(SRGB_CONDITION))
        .dest_output_profile(output_profile);
    intents.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> DocMeta<'static> {
        DocMeta {
            title: "Ketamine & you <before> \"surgery\"",
            language: "de",
            author: Some("Klinik A, Station 3"),
            subject: Some("Was Sie wissen sollten"),
            date: "2026-11-25",
        }
    }

    fn packet() -> String {
        xmp_packet(&meta(), &[7; 16]).unwrap()
    }

    #[test]
    fn the_packet_claims_pdfa_2a_and_pdfua_1_and_describes_pdfuaid() {
        let xmp = packet();
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
        assert!(xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains(
            "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
        ));
        assert!(xmp.contains("<pdfaProperty:name>part</pdfaProperty:name>"));
    }

    #[test]
    fn the_packet_repeats_the_info_values_escaped() {
        let xmp = packet();
        let title = "Ketamine &amp; you &lt;before&gt; &quot;surgery&quot;";
        assert!(
            xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")),
            "{xmp}"
        );
        assert!(xmp.contains(&format!("<rdf:li xml:lang=\"de\">{title}</rdf:li>")));
        assert!(xmp.contains("<rdf:li>Klinik A, Station 3</rdf:li>"));
        assert!(xmp.contains("Was Sie wissen sollten</rdf:li>"));
        assert!(xmp.contains(&format!("<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>")));
        assert!(xmp.contains(&format!("<pdf:Producer>{PRODUCER}</pdf:Producer>")));
        for key in ["CreateDate", "ModifyDate", "MetadataDate"] {
            assert!(xmp.contains(&format!("<xmp:{key}>2026-11-25T00:00:00Z</xmp:{key}>")));
        }
    }

    #[test]
    fn the_info_date_and_the_xmp_date_are_one_instant() {
        let date = Date::parse("2026-11-25").unwrap();
        assert_eq!(date.pdf(), "D:20261125000000Z");
        assert!(packet().contains("<xmp:CreateDate>2026-11-25T00:00:00Z</xmp:CreateDate>"));
    }

    #[test]
    fn a_malformed_date_is_an_error_not_a_panic() {
        for bad in [
            "",
            "2026",
            "2026-11",
            "26-11-25",
            "2026-13-01",
            "2026-11-1x",
            "2026-11-25-1",
            "２０２６-11-25",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_ids_are_deterministic_and_depend_on_the_metadata() {
        let a = file_id(b"body", &meta());
        assert_eq!(a, file_id(b"body", &meta()));
        let other = DocMeta {
            subject: None,
            ..meta()
        };
        assert_ne!(a, file_id(b"body", &other));
        assert_ne!(a, file_id(b"body2", &meta()));
        let id = uuid(&[0xff; 16]);
        assert_eq!(id, "uuid:ffffffff-ffff-8fff-bfff-ffffffffffff");
        assert!(packet().contains(&format!(
            "<xmpMM:DocumentID>{}</xmpMM:DocumentID>",
            uuid(&[7; 16])
        )));
    }

    #[test]
    fn the_profile_is_an_rgb_display_profile_pdf_1_7_accepts() {
        // ICC header: size, version at 8 (4.2), class at 12, colour space at 16.
        assert_eq!(SRGB_PROFILE.len(), 480);
        assert_eq!(&SRGB_PROFILE[8..10], &[4, 0x20]);
        assert_eq!(&SRGB_PROFILE[12..16], b"mntr");
        assert_eq!(&SRGB_PROFILE[16..20], b"RGB ");
        assert_eq!(&SRGB_PROFILE[36..40], b"acsp");
    }
}
