//! Words and symbols the tagger knows: number words, scale words per language, currencies and units,
//! each mapped to the canonical unit id and the NewsQuant-style `unit_name`.

use std::sync::LazyLock;

use crate::record::QuantityKind;

/// One unit: (surface forms as a regex fragment, unit id, unit_name, kind).
pub type UnitRow = (&'static str, &'static str, &'static str, QuantityKind);

/// The unit catalogue, `data/units.tsv` (tidings' own rows, then a port of quantulum3's): data, so
/// adding a unit is one line and needs no Rust. Parsed once, on first use.
pub static UNITS: LazyLock<Vec<UnitRow>> =
    LazyLock::new(|| parse_units(include_str!("data/units.tsv")));

/// Rows of a units file; '#' lines are comments. The file ships inside the binary, so a malformed
/// line is a bug caught by every test, not an input error.
fn parse_units(src: &'static str) -> Vec<UnitRow> {
    src.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let kind = match cols.get(3).copied() {
                Some("Money") => QuantityKind::Money,
                Some("Percent") => QuantityKind::Percent,
                Some("Count") => QuantityKind::Count,
                Some("Duration") => QuantityKind::Duration,
                Some("Measure") => QuantityKind::Measure,
                Some("Ratio") => QuantityKind::Ratio,
                _ => panic!("data/units.tsv: bad kind in {line:?}"),
            };
            (cols[0], cols[1], cols[2], kind)
        })
        .collect()
}

/// Currency symbols and codes that stand before a number: (regex fragment, ISO 4217, unit_name).
pub const CURRENCY_PREFIXES: &[(&str, &str, &str)] = &[
    // Case-insensitive only where the lower-case form cannot be an ordinary word ("a $5 bill").
    (r"(?i:us ?\$|u\.s\. ?\$|usd)|\$ ?US", "USD", "dollar"),
    (r"(?i:hk ?\$|hkd)", "HKD", "hong kong dollar"),
    (r"A\$|(?i:au ?\$|aud ?\$?)", "AUD", "australian dollar"),
    (r"(?i:c ?\$|ca ?\$|cad ?\$?)", "CAD", "canadian dollar"),
    (r"(?i:nz ?\$|nzd ?\$?)", "NZD", "new zealand dollar"),
    (r"S\$|SGD", "SGD", "singapore dollar"),
    (r"R\$|BRL", "BRL", "brazilian real"),
    (r"(?i:mex ?\$|mxn ?\$?)", "MXN", "mexican peso"),
    (r"NT ?\$|TWD", "TWD", "new taiwan dollar"),
    (r"RM|MYR", "MYR", "malaysian ringgit"),
    (r"Rp\.?|IDR", "IDR", "indonesian rupiah"),
    // Old encoders wrote ¥ as "Y=" (Reuters 1990s copy); their "PS" for £ is left out, as it is
    // also a product prefix ("PS5").
    (r"Y=", "JPY", "japanese yen"),
    (r"\$", "USD", "dollar"),
    (r"€|EUR", "EUR", "euro"),
    (r"£|GBP", "GBP", "pound sterling"),
    (r"¥|JPY", "JPY", "japanese yen"),
    (r"(?i:rmb)|CNY|元", "CNY", "chinese yuan"),
    (r"(?i:dollars?)", "USD", "dollar"),
    (r"₹|INR|Rs\.?", "INR", "rupee"),
    (r"₩|KRW", "KRW", "south korean won"),
    (r"CHF|SFr\.?", "CHF", "swiss franc"),
    (r"₽|RUB", "RUB", "russian ruble"),
    (r"₺", "TRY", "turkish lira"),
    (r"₿|BTC", "BTC", "bitcoin"),
    (r"₪|ILS", "ILS", "israeli new shekel"),
];

/// Scale words and abbreviations after a number, with their factor.
pub const SCALES: &[(&str, f64)] = &[
    // The stretched spellings ("BEEELLION") are headline emphasis, not typos to ignore.
    (
        r"trillion|tn|trn|billones|billion(?:s)? de|bio\.|tr[ie]{2,}l+i*on",
        1e12,
    ),
    (
        r"billion|bn|b|milliarden?|mrd\.?|mrd|milliards?|mil millones|b[ie]{2,}l+i*on",
        1e9,
    ),
    (
        r"million|millions|mn|mln|m|millionen|million|mio\.?|millones|millón|millions",
        1e6,
    ),
    (r"thousand|k|tsd\.?|mille|mil", 1e3),
    (r"crores?", 1e7),
    (r"lakhs?|lacs?", 1e5),
    (r"hundred", 1e2),
];

/// Small number words (English, German, French, Spanish) for spelled-out quantities.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
    ("a dozen", 12.0),
    ("half", 0.5),
    ("a third", 1.0 / 3.0),
    ("one third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("two thirds", 2.0 / 3.0),
    ("one half", 0.5),
    ("one-half", 0.5),
    ("a half", 0.5),
    ("one quarter", 0.25),
    ("one-quarter", 0.25),
    ("a fifth", 0.2),
    ("one fifth", 0.2),
    ("one-fifth", 0.2),
    ("a tenth", 0.1),
    ("one tenth", 0.1),
    ("a quarter", 0.25),
    ("quarter", 0.25),
    ("three quarters", 0.75),
    ("two-thirds", 2.0 / 3.0),
    ("three-quarters", 0.75),
];

/// Nouns that are counted but say nothing on their own ("2,000 of them"); the count keeps "-" as name.
pub const NOT_COUNTED: &[&str] = &[
    "of",
    "in",
    "to",
    "and",
    "or",
    "the",
    "a",
    "an",
    "for",
    "on",
    "at",
    "by",
    "from",
    "with",
    "as",
    "than",
    "per",
    "is",
    "was",
    "were",
    "are",
    "be",
    "has",
    "have",
    "had",
    "that",
    "this",
    "which",
    "who",
    "more",
    "less",
    "up",
    "down",
    "over",
    "under",
    "into",
    "after",
    "before",
    "since",
    "until",
    "said",
    "says",
    "will",
    "would",
    "could",
    "can",
    "its",
    "their",
    "his",
    "her",
    "it",
    "they",
    "we",
    "he",
    "she",
    "out",
    "last",
    "next",
    "year-on-year",
    "compared",
    "while",
    "but",
    "them",
    "us",
    "whom",
    "off",
    "moins",
    "plus",
    "más",
    "menos",
    "mehr",
    "weniger",
];

/// Words hyphenated before a number that qualify it rather than name a model ("minus-40 degrees",
/// "sub-5 nanometre", "mid-30s"); any other word before "-N" makes a name ("F-35", "scp-173").
pub const NUMBER_QUALIFIERS: &[&str] = &[
    "minus", "plus", "sub", "mid", "over", "under", "near", "pre", "post", "top", "low", "high",
    "upper", "lower", "non", "anti", "ultra", "super", "all", "about", "some", "nearly", "almost",
];

/// Adjectives skipped when finding the counted noun ("2,000 different technologies").
/// Leading words dropped from a counted noun phrase: they say which or how many, not what
/// ("2,000 different technologies" counts technologies). Describing adjectives stay ("large contract").
pub const COUNT_ADJECTIVES: &[&str] = &[
    "different",
    "additional",
    "separate",
    "various",
    "such",
    "most",
    "further",
    "extra",
];

/// Singular of a counted English noun, good enough for unit names ("jobs" → "job", "people" stays).
pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    for (plural, single) in [
        ("people", "people"),
        ("children", "child"),
        ("men", "man"),
        ("women", "woman"),
    ] {
        if w == plural {
            return single.into();
        }
    }
    // "Englishmen", "policemen".
    if let Some(stem) = w.strip_suffix("men").filter(|s| s.len() > 2) {
        return format!("{stem}man");
    }
    // A capitalised plural is a people or a name: only its "s" goes ("Aussies" → "aussie").
    if word.starts_with(char::is_uppercase) && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w
}
