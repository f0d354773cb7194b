//! Dates and numbers as a language writes them, from CLDR (ICU4X's compiled data, so
//! no data files are read at run time).
//!
//! Decisions (issue 14):
//! - **Length: CLDR's long date.** A leaflet read in another country must not leave
//!   02/12 to be guessed as 2 December or 12 February. CLDR's medium date is still all
//!   digits in German (25.11.2026), Arabic (25/11/2026), Korean and Japanese
//!   (2026/11/25); the long date names the month in a word in every supported language,
//!   or marks the number as the month (2026年11月25日, 2026년 11월 25일, 25 tháng 11 2026).
//! - **Calendar: Gregorian.** The printed day and year are those of `revised:`, of the
//!   PDF's metadata and of every other language version of the leaflet, so a clinician
//!   can compare versions. Where the region's default calendar is another one (Thai:
//!   Buddhist), CLDR marks the Gregorian year with its era (ค.ศ. 2026), so it is not
//!   read as a Buddhist-era year.
//! - **Digits: the locale's CLDR default numbering system**, for the date and the page
//!   numbers alike, so one footer never mixes two kinds of digit. CLDR 49 gives Persian
//!   digits for `fa`, Devanagari for `ne`, Bengali for `bn`, Myanmar for `my`, and Latin
//!   digits for `ar` (Modern Standard Arabic; `ar-EG` and `ar-SA` get Arabic-Indic),
//!   `hi`, `ur`, `th` and the rest — as the body text of those leaflets is written.
//! - **No data, no guess.** A language CLDR has no date data for (Haitian Creole,
//!   `ht`) would get CLDR root's placeholder months ("2026 M11 25"); it keeps the ISO
//!   form `2026-11-25` instead, with ASCII digits in the page numbers. Tags are
//!   canonicalized first (CLDR's aliases: `tl` is written as `fil`, `iw` as `he`).

use icu_calendar::Gregorian;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::GroupingStrategy;
use icu_decimal::DecimalFormatter;
use icu_locale::{Locale, LocaleCanonicalizer};

/// The ISO date `iso` (`YYYY-MM-DD`) as CLDR's long Gregorian date in the language of
/// BCP 47 tag `tag`; `None` where CLDR has no date data for it, or `iso` is no date.
pub(crate) fn long_date(tag: &str, iso: &str) -> Option<String> {
    let date = gregorian(iso)?;
    let locale = locale(tag)?;
    let written = long_date_in(&locale, &date)?;
    // Without data of its own a locale falls back to CLDR's root, whose months are
    // placeholders ("M11"): that is a form no reader uses.
    let root = long_date_in(&Locale::UNKNOWN, &date)?;
    (written != root).then_some(written)
}

/// `n` in the digits of the language's CLDR default numbering system, without
/// grouping separators (ASCII digits where CLDR has no data for the language).
pub(crate) fn number(tag: &str, n: usize) -> String {
    let formatter = locale(tag).and_then(|locale| {
        DecimalFormatter::try_new((&locale).into(), GroupingStrategy::Never.into()).ok()
    });
    match (formatter, u64::try_from(n)) {
        (Some(f), Ok(n)) => f.format(&Decimal::from(n)).to_string(),
        _ => n.to_string(),
    }
}

/// The canonical ICU locale of `tag` (CLDR's aliases applied); `None` if ICU cannot
/// read the tag.
fn locale(tag: &str) -> Option<Locale> {
    let mut locale = Locale::try_from_str(tag).ok()?;
    LocaleCanonicalizer::new_common().canonicalize(&mut locale);
    Some(locale)
}

fn long_date_in(locale: &Locale, date: &Date<Gregorian>) -> Option<String> {
    let formatter =
        FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(locale.into(), YMD::long()).ok()?;
    Some(formatter.format(date).to_string())
}

/// The Gregorian date of `YYYY-MM-DD`.
fn gregorian(iso: &str) -> Option<Date<Gregorian>> {
    let mut parts = iso.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Date::try_new_gregorian(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 33 locales of issue 14.
    const LOCALES: [&str; 33] = [
        "en", "de", "es", "fr", "ru", "vi", "ar", "zh-Hans", "zh-Hant", "ko", "ja", "tl", "ht",
        "pt", "pl", "it", "uk", "el", "hi", "ne", "bn", "pa", "gu", "ur", "fa", "he", "hy", "am",
        "so", "km", "my", "th", "lo",
    ];

    #[test]
    fn the_long_date_is_cldrs_in_the_locales_digits() {
        // CLDR 49 (ICU4X 2.4). The same strings come from ICU4C 78 (CLDR 48) for all
        // but `hi`, where CLDR 48's long date had no comma ("d MMMM y").
        for (tag, want) in [
            ("en", "November 25, 2026"),
            ("de", "25. November 2026"),
            ("ar", "25 نوفمبر 2026"),
            ("fa", "۲۵ نوامبر ۲۰۲۶"),
            ("zh-Hans", "2026年11月25日"),
            ("ja", "2026年11月25日"),
            ("hi", "25 नवंबर, 2026"),
            ("th", "25 พฤศจิกายน ค.ศ. 2026"),
        ] {
            assert_eq!(long_date(tag, "2026-11-25").as_deref(), Some(want), "{tag}");
        }
    }

    #[test]
    fn every_locale_but_haitian_creole_has_a_long_date_naming_the_month() {
        for tag in LOCALES {
            let written = long_date(tag, "2026-02-12");
            if tag == "ht" {
                // CLDR has no date data for Haitian Creole: no guess.
                assert_eq!(written, None);
                continue;
            }
            let written = written.unwrap_or_else(|| panic!("{tag}: no CLDR date"));
            assert!(!written.contains("2026-02"), "{tag}: {written}");
            // 12 February and 12 November differ in more than digits (the month is a
            // word), or the month's number carries its mark (月, 월, tháng): never two
            // bare numbers a reader could swap.
            let november = long_date(tag, "2026-11-12").unwrap_or_default();
            let words = |s: &str| s.chars().filter(|c| !c.is_numeric()).collect::<String>();
            let marked = ["月", "월", "tháng"].iter().any(|m| written.contains(m));
            assert!(
                words(&written) != words(&november) || marked,
                "{tag}: {written} / {november}"
            );
        }
    }

    #[test]
    fn aliases_are_resolved_and_unknown_languages_get_no_date() {
        // Tagalog is written `fil` in CLDR.
        assert_eq!(
            long_date("tl", "2026-11-25").as_deref(),
            Some("Nobyembre 25, 2026")
        );
        assert_eq!(long_date("ht", "2026-11-25"), None);
        assert_eq!(long_date("tlh", "2026-11-25"), None);
        assert_eq!(long_date("en", "2026-13-01"), None);
        assert_eq!(long_date("en", "25.11.2026"), None);
        // The region's numbering system: Arabic-Indic digits in Egypt.
        assert_eq!(
            long_date("ar-EG", "2026-11-25").as_deref(),
            Some("٢٥ نوفمبر ٢٠٢٦")
        );
    }

    #[test]
    fn page_numbers_use_the_digits_of_the_date() {
        for (tag, want) in [
            ("en", "12"),
            ("ar", "12"),
            ("ar-EG", "١٢"),
            ("fa", "۱۲"),
            ("ne", "१२"),
            ("bn", "১২"),
            ("my", "၁၂"),
            ("hi", "12"),
            ("th", "12"),
            ("ht", "12"),
            ("tlh", "12"),
        ] {
            assert_eq!(number(tag, 12), want, "{tag}");
        }
        // Each locale's page numbers are written in the digits of its date's year.
        for tag in LOCALES {
            let year = number(tag, 2026);
            let date = long_date(tag, "2026-11-25").unwrap_or_else(|| "2026-11-25".into());
            assert!(date.contains(&year), "{tag}: {date} has no {year}");
        }
    }
}
