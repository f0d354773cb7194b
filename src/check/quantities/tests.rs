use super::*;
use Unit::*;

/// (value, unit) of every quantity of `text` in language `tag`.
fn read(tag: &str, text: &str) -> Vec<(String, Option<Unit>)> {
    quantities(&Language::new(tag), text)
        .into_iter()
        .map(|q| (q.value, q.unit))
        .collect()
}

fn q(value: &str, unit: Option<Unit>) -> (String, Option<Unit>) {
    (value.to_string(), unit)
}

#[test]
fn separators_follow_the_language() {
    assert_eq!(read("en", "1,500 patients"), [q("1500", None)]);
    assert_eq!(read("en", "1,500.5 mg"), [q("1500.5", Some(Milligram))]);
    assert_eq!(read("de", "1,5 mg"), [q("1.5", Some(Milligram))]);
    assert_eq!(read("de", "1.500,5 mg"), [q("1500.5", Some(Milligram))]);
    assert_eq!(read("fr", "1 500 patients"), [q("1500", None)]);
    assert_eq!(read("fr", "1\u{202F}500 mg"), [q("1500", Some(Milligram))]);
    assert_eq!(
        read("ru", "1\u{A0}500,5 мг"),
        [q("1500.5", Some(Milligram))]
    );
    assert_eq!(read("hi", "1,50,000 लोग"), [q("150000", None)]);
    // English does not group with spaces: two numbers.
    assert_eq!(
        read("en", "take 2 500 mg tablets"),
        [q("2", None), q("500", Some(Milligram))]
    );
}

#[test]
fn digit_systems_read_as_ascii() {
    assert_eq!(read("ar", "٥٠ ملغ"), [q("50", Some(Milligram))]);
    assert_eq!(read("ar", "١٫٥ مل"), [q("1.5", Some(Millilitre))]);
    assert_eq!(read("ar", "١٬٥٠٠ ملغ"), [q("1500", Some(Milligram))]);
    assert_eq!(read("fa", "۵۰ سال"), [q("50", Some(Year))]);
    assert_eq!(read("ur", "۵۰ سال"), [q("50", Some(Year))]);
    assert_eq!(read("hi", "५० मिलीग्राम"), [q("50", Some(Milligram))]);
    assert_eq!(read("bn", "৫০ বছর"), [q("50", Some(Year))]);
    assert_eq!(read("pa", "੫੦ ਸਾਲ"), [q("50", Some(Year))]);
    assert_eq!(read("gu", "૫૦ વર્ષ"), [q("50", Some(Year))]);
    assert_eq!(read("th", "๕๐ ปี"), [q("50", Some(Year))]);
    assert_eq!(read("lo", "໕໐ ປີ"), [q("50", Some(Year))]);
    assert_eq!(read("km", "៥០ ឆ្នាំ"), [q("50", Some(Year))]);
    assert_eq!(read("my", "၅၀ နှစ်"), [q("50", Some(Year))]);
    assert_eq!(read("ja", "５０ｍｇ"), [q("50", Some(Milligram))]);
    assert_eq!(read("ja", "５０ミリグラム"), [q("50", Some(Milligram))]);
    assert_eq!(
        read("zh-Hans", "１，５００毫克"),
        [q("1500", Some(Milligram))]
    );
}

#[test]
fn every_language_formats_back_through_cldr() {
    // ICU4X formats 1234567.5 the CLDR way for each locale (its digits, its marks, its
    // grouping); reading it back must give the same number.
    use icu_decimal::input::Decimal;
    use icu_decimal::DecimalFormatter;
    use std::str::FromStr;
    let number = Decimal::from_str("1234567.5").expect("a decimal");
    let mut wrong = Vec::new();
    for tag in [
        "am", "ar", "bn", "de", "el", "en", "es", "fa", "fr", "gu", "he", "hi", "ht", "hy", "it",
        "ja", "km", "ko", "lo", "my", "ne", "pa", "pl", "pt", "ru", "so", "th", "tl", "uk", "ur",
        "vi", "zh-Hans", "zh-Hant",
    ] {
        let locale = icu_locale::Locale::from_str(tag).expect("a locale");
        let formatter =
            DecimalFormatter::try_new((&locale).into(), Default::default()).expect("CLDR data");
        let written = formatter.format(&number).to_string();
        let values: Vec<String> = read(tag, &written).into_iter().map(|(v, _)| v).collect();
        if values != ["1234567.5"] {
            wrong.push(format!("{tag}: {written:?} read as {values:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn percent_before_or_after() {
    assert_eq!(read("en", "10 %"), [q("10", Some(Percent))]);
    assert_eq!(read("en", "10%"), [q("10", Some(Percent))]);
    assert_eq!(read("fa", "%10"), [q("10", Some(Percent))]);
    assert_eq!(read("fa", "٪۱۰"), [q("10", Some(Percent))]);
    assert_eq!(
        read("en", "10% 20"),
        [q("10", Some(Percent)), q("20", None)]
    );
    assert_eq!(read("fr", "10\u{202F}%"), [q("10", Some(Percent))]);
}

#[test]
fn dates_versions_and_links_are_not_quantities() {
    assert_eq!(read("en", "Revised 2026-11-25."), []);
    assert_eq!(read("de", "Stand: 25.11.2026"), []);
    assert_eq!(read("en", "version 1.0.2, v1.0, B12"), []);
    assert_eq!(
        read(
            "en",
            "See https://handouts.example.org/ketamine/en?v=1.0 or mail pain2@clinic.org"
        ),
        []
    );
    assert_eq!(
        read("en", "Call +1 555 123 4567 or (030) 1234-567 for 5 mg."),
        [q("5", Some(Milligram))]
    );
    assert_eq!(
        read("ja", "2026年11月25日"),
        [q("2026", None), q("25", None)]
    );
}

#[test]
fn ranges_share_the_unit() {
    assert_eq!(
        read("en", "2–3 mg"),
        [q("2", Some(Milligram)), q("3", Some(Milligram))]
    );
    assert_eq!(
        read("en", "2-3 mg"),
        [q("2", Some(Milligram)), q("3", Some(Milligram))]
    );
    assert_eq!(
        read("ja", "2〜3mg"),
        [q("2", Some(Milligram)), q("3", Some(Milligram))]
    );
    assert_eq!(
        read("de", "2 mg – 3 mg"),
        [q("2", Some(Milligram)), q("3", Some(Milligram))]
    );
    assert_eq!(
        read("en", "2 or 3 mg"),
        [q("2", None), q("3", Some(Milligram))]
    );
}

#[test]
fn units_next_to_the_number_by_script() {
    assert_eq!(read("en", "for over 50 years"), [q("50", Some(Year))]);
    assert_eq!(
        read("en", "50 patients over 3 years"),
        [q("50", None), q("3", Some(Year))]
    );
    assert_eq!(read("en", "a 50-year-old"), [q("50", Some(Year))]);
    assert_eq!(read("ru", "более 50 лет"), [q("50", Some(Year))]);
    assert_eq!(read("ru", "2 года"), [q("2", Some(Year))]);
    assert_eq!(read("pl", "od ponad 50 lat"), [q("50", Some(Year))]);
    assert_eq!(read("de", "seit über 50 Jahren"), [q("50", Some(Year))]);
    assert_eq!(read("ar", "منذ أكثر من 50 عامًا"), [q("50", Some(Year))]);
    assert_eq!(read("ar", "50 سنة"), [q("50", Some(Year))]);
    assert_eq!(read("zh-Hans", "已有50多年"), [q("50", Some(Year))]);
    assert_eq!(read("ko", "50여 년"), [q("50", Some(Year))]);
    assert_eq!(read("hi", "50 से अधिक वर्षों से"), [q("50", Some(Year))]);
    assert_eq!(read("my", "နှစ်ပေါင်း 50 ကျော်"), [q("50", Some(Year))]);
    assert_eq!(read("am", "ከ50 ዓመታት በላይ"), [q("50", Some(Year))]);
    assert_eq!(read("he", "יותר מ-50 שנה"), [q("50", Some(Year))]);
    assert_eq!(read("en", "0.5 mg/kg"), [q("0.5", Some(Milligram))]);
    let rate = quantities(&Language::new("ru"), "0,5 мг/кг");
    assert_eq!(
        (rate[0].unit, rate[0].per),
        (Some(Milligram), Some(Kilogram))
    );
    assert_eq!(rate[0].written, "0,5 мг/кг");
}

#[test]
fn spans_cover_number_and_unit() {
    let text = "Take ٥٠ ملغ daily";
    let found = quantities(&Language::new("ar"), text);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "٥٠ ملغ");
    assert_eq!(found[0].written, "٥٠ ملغ");
}
