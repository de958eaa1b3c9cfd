//! Property tests of the claims stage: on any UTF-8 input, in any of its number-format languages, it
//! never panics, and every span is a code-point range inside its field whose text is the slice.

use std::sync::LazyLock;

use proptest::prelude::*;
use tidings::record::{Article, Field, Language};
use tidings::stages::claims::ClaimsStage;
use tidings::stages::Stage;

/// Pieces that exercise the scanner's corners: numbers in every separator style, scale words and
/// abbreviations of four languages, currency symbols, ranges, dashes, and multi-byte neighbours.
const PIECES: &[&str] = &[
    "1",
    "2,000",
    "1.234,5",
    "1 234,5",
    "25.5",
    "0.",
    ".5",
    "10-12",
    "10–12",
    "3/4",
    "½",
    "３",
    "٣",
    "$",
    "US$",
    "HK$",
    "€",
    "£",
    "¥",
    "RMB",
    "yuan",
    "bn",
    "billion",
    "Mrd.",
    "Millionen",
    "milliards",
    "millones",
    "per cent",
    "percent",
    "%",
    "pp",
    "percentage points",
    "tens of",
    "nearly",
    "over",
    "up",
    "fell by a third",
    "between",
    "and",
    "to",
    "year-on-year",
    "in 2017",
    "last month",
    "according to the ministry",
    "said",
    "km",
    "°C",
    "a dozen",
    "four",
    "half",
    "times",
    "-",
    "—",
    ".",
    ",",
    "\n",
    "  ",
    "😀",
    "🇺🇸",
    "e\u{301}",
    "北京",
    "\u{200b}",
    "x",
];

fn article(title: String, text: String, lang: &str) -> Article {
    Article {
        id: "prop".into(),
        title,
        text,
        language: Some(Language {
            code: lang.into(),
            name: String::new(),
            script: "Latin".into(),
            confidence: 1.0,
            method: "test".into(),
            reliable: true,
        }),
        published_at: Some("2018-03-09".into()),
        ..Default::default()
    }
}

/// Built once: compiling the tagger's patterns takes seconds, and every case reuses them.
static STAGE: LazyLock<ClaimsStage> = LazyLock::new(|| ClaimsStage::new(Default::default()));

fn check(title: String, text: String, lang: &str) -> Result<(), TestCaseError> {
    let stage = &*STAGE;
    let mut a = article(title, text, lang);
    prop_assert!(stage.process(&mut a).is_ok());
    for c in a.claims.as_deref().unwrap_or_default() {
        let field: Vec<char> = a.field(c.field).chars().collect();
        prop_assert!(c.start <= c.end && c.end <= field.len(), "{c:?}");
        let slice: String = field[c.start..c.end].iter().collect();
        prop_assert_eq!(&slice, &c.text);
        prop_assert!(
            c.sentence.start <= c.start && c.end <= c.sentence.end && c.sentence.end <= field.len(),
            "sentence {:?} does not hold {c:?}",
            c.sentence
        );
        prop_assert!(c.value.is_none_or(f64::is_finite), "{c:?}");
        if let Some(r) = &c.range {
            prop_assert!(r.low.is_finite() && r.high.is_finite(), "{c:?}");
        }
    }
    Ok(())
}

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", " ", "\u{a0}"][..]),
        ),
        0..40,
    )
    .prop_map(|v| v.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
}

fn lang() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["en", "de", "fr", "es", "und"][..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_stay_in_their_field(
        title in any::<String>(), text in any::<String>(), lang in lang()
    ) {
        check(title, text, lang)?;
    }

    #[test]
    fn number_heavy_text_never_panics_and_spans_stay_in_their_field(
        title in pieces(), text in pieces(), lang in lang()
    ) {
        check(title, text, lang)?;
    }
}

#[test]
fn both_fields_are_scanned() {
    let stage = &*STAGE;
    let mut a = article(
        "Exports up 5% in May".into(),
        "Imports fell 3 per cent.".into(),
        "en",
    );
    stage.process(&mut a).unwrap();
    let fields: Vec<Field> = a.claims.unwrap().iter().map(|c| c.field).collect();
    assert!(fields.contains(&Field::Title) && fields.contains(&Field::Text));
}

/// An unsure language guess on a short text names units in that language only when the text
/// holds its words: an English line guessed French keeps English names.
#[test]
fn an_unsure_language_guess_names_units_only_when_the_text_bears_it_out() {
    let stage = &*STAGE;
    let unsure = |text: &str, lang: &str| {
        let mut a = article(String::new(), text.into(), lang);
        if let Some(l) = a.language.as_mut() {
            l.reliable = false;
            l.confidence = 0.2;
        }
        stage.process(&mut a).unwrap();
        a.claims.unwrap_or_default()
    };
    let c = unsure("Sales rose 5,000 tonnes.", "fr");
    assert_eq!(c[0].unit_name, "metric ton", "{c:?}");
    let c = unsure("Der Umsatz stieg um 5 Prozent.", "de");
    assert_eq!(c[0].unit_name, "Prozent", "{c:?}");
}
