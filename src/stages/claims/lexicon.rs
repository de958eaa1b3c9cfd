//! Words and symbols the tagger knows: number words, scale words per language, currencies and units,
//! each mapped to the canonical unit id and the NewsQuant-style `unit_name`.

use crate::record::QuantityKind;

/// (surface forms, unit id, unit_name, kind). Surface forms are regex fragments, matched
/// case-insensitively and longest-first; kept as data so adding a unit is one line.
pub const UNITS: &[(&str, &str, &str, QuantityKind)] = &[
    (
        r"percentage points?|pct points?|prozentpunkte?|points? de pourcentage|puntos porcentuales",
        "percentage_point",
        "percentage point",
        QuantityKind::Percent,
    ),
    (
        r"basis points?|bps|bp",
        "basis_point",
        "basis point",
        QuantityKind::Percent,
    ),
    // Index and standings points ("fell 120 points", "leads by 6 pts").
    (r"points?|pts", "point", "point", QuantityKind::Measure),
    (
        r"per ?cent|percent|pct|%|prozent|pour ?cent|por ?ciento",
        "percent",
        "percentage",
        QuantityKind::Percent,
    ),
    (
        r"u\.?s\.? dollars?|american dollars?|dollars?|dólares?|usd|us ?\$|\$",
        "USD",
        "dollar",
        QuantityKind::Money,
    ),
    (
        r"australian dollars?|aud|a\$",
        "AUD",
        "australian dollar",
        QuantityKind::Money,
    ),
    (
        r"canadian dollars?|cad|c\$",
        "CAD",
        "canadian dollar",
        QuantityKind::Money,
    ),
    (
        r"hong kong dollars?|hkd|hk\$",
        "HKD",
        "hong kong dollar",
        QuantityKind::Money,
    ),
    (
        r"new zealand dollars?|nzd",
        "NZD",
        "new zealand dollar",
        QuantityKind::Money,
    ),
    (
        r"singapore dollars?|sgd",
        "SGD",
        "singapore dollar",
        QuantityKind::Money,
    ),
    (r"euros?|eur|€", "EUR", "euro", QuantityKind::Money),
    (
        r"pounds? sterling|sterling|british pounds?|gbp|£",
        "GBP",
        "pound sterling",
        QuantityKind::Money,
    ),
    (
        r"(?:chinese )?yuan|renminbi|rmb|cny|元|kuai",
        "CNY",
        "chinese yuan",
        QuantityKind::Money,
    ),
    (r"yen|jpy|¥|円", "JPY", "japanese yen", QuantityKind::Money),
    // Bare "francs" in today's news are mostly Swiss; the old French and Belgian ones are named.
    (
        r"swiss francs?|francs?|chf",
        "CHF",
        "swiss franc",
        QuantityKind::Money,
    ),
    (
        r"french francs?",
        "FRF",
        "french franc",
        QuantityKind::Money,
    ),
    (
        r"belgian francs?",
        "BEF",
        "belgian franc",
        QuantityKind::Money,
    ),
    (
        r"(?:finnish )?markkas?",
        "FIM",
        "finnish markka",
        QuantityKind::Money,
    ),
    (
        r"(?:deutsche|german) ?marks?|d-marks?|deutschmarks?|marks?",
        "DEM",
        "deutsche mark",
        QuantityKind::Money,
    ),
    (
        r"(?:dutch |netherlands )?guilders?",
        "NLG",
        "netherlands guilder",
        QuantityKind::Money,
    ),
    (
        r"(?:italian )?lire|italian lira",
        "ITL",
        "italian lira",
        QuantityKind::Money,
    ),
    (
        r"turkish liras?|liras?|try",
        "TRY",
        "turkish lira",
        QuantityKind::Money,
    ),
    (
        r"(?:spanish )?pesetas?",
        "ESP",
        "peseta",
        QuantityKind::Money,
    ),
    (
        r"(?:russian )?(?:roubles?|rubles?)|rub|₽",
        "RUB",
        "russian ruble",
        QuantityKind::Money,
    ),
    (r"rupees?|inr|₹", "INR", "rupee", QuantityKind::Money),
    (
        r"(?:mexican )?pesos?|mxn",
        "MXN",
        "mexican peso",
        QuantityKind::Money,
    ),
    (
        r"(?:south )?korean won|krw|₩",
        "KRW",
        "south korean won",
        QuantityKind::Money,
    ),
    (
        r"(?:south african )?rand",
        "ZAR",
        "south african rand",
        QuantityKind::Money,
    ),
    (
        r"(?:saudi )?riyals?",
        "SAR",
        "saudi riyal",
        QuantityKind::Money,
    ),
    (r"dirhams?", "AED", "uae dirham", QuantityKind::Money),
    (r"bitcoins?|btc|₿", "BTC", "bitcoin", QuantityKind::Money),
    (
        r"₡|colón|colones",
        "CRC",
        "costa rican colón",
        QuantityKind::Money,
    ),
    (
        r"swedish kron(?:a|or)|sek",
        "SEK",
        "swedish krona",
        QuantityKind::Money,
    ),
    (
        r"norwegian kron(?:e|er)|nok",
        "NOK",
        "norwegian krone",
        QuantityKind::Money,
    ),
    (
        r"danish kron(?:e|er)|dkk",
        "DKK",
        "danish krone",
        QuantityKind::Money,
    ),
    (r"₾|lari", "GEL", "georgian lari", QuantityKind::Money),
    (r"₭|kip", "LAK", "lao kip", QuantityKind::Money),
    (
        r"₫|vnd|(?:vietnamese )?dong",
        "VND",
        "vietnamese dong",
        QuantityKind::Money,
    ),
    (
        r"₱|php|philippine pesos?",
        "PHP",
        "philippine peso",
        QuantityKind::Money,
    ),
    (r"₦|ngn|naira", "NGN", "nigerian naira", QuantityKind::Money),
    (
        r"₴|uah|hryvnias?",
        "UAH",
        "ukrainian hryvnia",
        QuantityKind::Money,
    ),
    (r"฿|thb|baht", "THB", "thai baht", QuantityKind::Money),
    (
        r"₪|ils|shekels?",
        "ILS",
        "israeli new shekel",
        QuantityKind::Money,
    ),
    (
        r"(?:romanian )?(?:lei|leu)",
        "RON",
        "romanian leu",
        QuantityKind::Money,
    ),
    (
        r"(?:croatian )?kunas?",
        "HRK",
        "croatian kuna",
        QuantityKind::Money,
    ),
    (
        r"(?:bangladeshi )?takas?",
        "BDT",
        "bangladeshi taka",
        QuantityKind::Money,
    ),
    (
        r"(?:austrian )?schillings?|ats",
        "ATS",
        "austrian schilling",
        QuantityKind::Money,
    ),
    (
        r"ecus?|european currency units?",
        "XEU",
        "european currency unit",
        QuantityKind::Money,
    ),
    (
        r"(?:malaysian )?ringgit",
        "MYR",
        "malaysian ringgit",
        QuantityKind::Money,
    ),
    (
        r"(?:polish )?zlot(?:y|ys|ies)|pln",
        "PLN",
        "polish zloty",
        QuantityKind::Money,
    ),
    (
        r"(?:hungarian )?forints?|huf",
        "HUF",
        "hungarian forint",
        QuantityKind::Money,
    ),
    (
        r"(?:indonesian )?rupiah",
        "IDR",
        "indonesian rupiah",
        QuantityKind::Money,
    ),
    (
        r"(?:portuguese )?escudos?",
        "PTE",
        "portuguese escudo",
        QuantityKind::Money,
    ),
    (
        r"(?:greek )?drachmas?|drachmae",
        "GRD",
        "greek drachma",
        QuantityKind::Money,
    ),
    (
        r"(?:irish )?punts?",
        "IEP",
        "irish pound",
        QuantityKind::Money,
    ),
    (
        r"(?:czech )?korun(?:a|y)|czk",
        "CZK",
        "czech koruna",
        QuantityKind::Money,
    ),
    (
        r"(?:brazilian )?reais|(?:brazilian )?real|brl",
        "BRL",
        "brazilian real",
        QuantityKind::Money,
    ),
    (
        r"(?:kenyan )?shillings?",
        "KES",
        "kenyan shilling",
        QuantityKind::Money,
    ),
    (
        r"pakistani rupees?",
        "PKR",
        "pakistani rupee",
        QuantityKind::Money,
    ),
    (
        r"sri lankan rupees?",
        "LKR",
        "sri lankan rupee",
        QuantityKind::Money,
    ),
    (
        r"egyptian pounds?",
        "EGP",
        "egyptian pound",
        QuantityKind::Money,
    ),
    (
        r"(?:jordanian |kuwaiti |bahraini |iraqi |tunisian |algerian |libyan )?dinars?",
        "DIN",
        "dinar",
        QuantityKind::Money,
    ),
    (
        r"(?:slovak |swedish |danish |norwegian |czech )?crowns?",
        "CRW",
        "crown",
        QuantityKind::Money,
    ),
    (r"stg", "GBP", "pound sterling", QuantityKind::Money),
    (r"cents?", "USD_cent", "cent", QuantityKind::Money),
    (
        r"pence|pennies|penny|p",
        "GBP_penny",
        "penny",
        QuantityKind::Money,
    ),
    (
        r"km/h|km/hr|kmph|kph|kilomet(?:er|re)s? (?:per|an|a) hour",
        "km/h",
        "kilometre per hour",
        QuantityKind::Measure,
    ),
    (
        r"mph|miles (?:per|an|a) hour",
        "mph",
        "mile per hour",
        QuantityKind::Measure,
    ),
    (
        r"barrels? (?:per|a) day|bpd",
        "bbl/d",
        "barrel per day",
        QuantityKind::Measure,
    ),
    (
        r"square kilomet(?:er|re)s?|sq km|km2|km²",
        "km2",
        "square kilometre",
        QuantityKind::Measure,
    ),
    (
        r"square met(?:er|re)s?|sq m|m2|m²",
        "m2",
        "square metre",
        QuantityKind::Measure,
    ),
    (
        r"square miles?",
        "sq_mi",
        "square mile",
        QuantityKind::Measure,
    ),
    (
        r"square feet|sq ft",
        "sq_ft",
        "square foot",
        QuantityKind::Measure,
    ),
    (
        r"cubic met(?:er|re)s?|m3|m³",
        "m3",
        "cubic metre",
        QuantityKind::Measure,
    ),
    (
        r"cubic feet|cubic foot|cu ft",
        "cu_ft",
        "cubic foot",
        QuantityKind::Measure,
    ),
    (
        r"decimet(?:er|re)s?|dm",
        "dm",
        "decimetre",
        QuantityKind::Measure,
    ),
    (
        r"microgram(?:me)?s?|μg|mcg",
        "ug",
        "microgram",
        QuantityKind::Measure,
    ),
    (r"megabytes?|mb", "MB", "megabyte", QuantityKind::Measure),
    (r"gigabytes?|gb", "GB", "gigabyte", QuantityKind::Measure),
    (r"terabytes?|tb", "TB", "terabyte", QuantityKind::Measure),
    (r"radians?|rad", "rad", "radian", QuantityKind::Measure),
    (
        r"tablespoons?|tbsp",
        "tbsp",
        "tablespoon",
        QuantityKind::Measure,
    ),
    (r"teaspoons?|tsp", "tsp", "teaspoon", QuantityKind::Measure),
    (r"cups?", "cup", "cup", QuantityKind::Measure),
    (
        r"kilomet(?:er|re)s?|km",
        "km",
        "kilometre",
        QuantityKind::Measure,
    ),
    (
        r"picomet(?:er|re)s?",
        "pm",
        "picometre",
        QuantityKind::Measure,
    ),
    (
        r"nanomet(?:er|re)s?|nm",
        "nm",
        "nanometre",
        QuantityKind::Measure,
    ),
    (
        r"micromet(?:er|re)s?|microns?|μm",
        "um",
        "micrometre",
        QuantityKind::Measure,
    ),
    (
        r"millimet(?:er|re)s?|mm",
        "mm",
        "millimetre",
        QuantityKind::Measure,
    ),
    (
        r"centimet(?:er|re)s?|cm",
        "cm",
        "centimetre",
        QuantityKind::Measure,
    ),
    // A bare "m" is a metre only where it cannot be a million (see `Extractor::extract`).
    (r"met(?:er|re)s?|m", "m", "metre", QuantityKind::Measure),
    (r"miles?", "mi", "mile", QuantityKind::Measure),
    (r"feet|foot|ft", "ft", "foot", QuantityKind::Measure),
    (r"inch(?:es)?", "in", "inch", QuantityKind::Measure),
    (
        r"kilograms?|kilos?|kg",
        "kg",
        "kilogram",
        QuantityKind::Measure,
    ),
    (
        r"milligram(?:me)?s?|mg",
        "mg",
        "milligram",
        QuantityKind::Measure,
    ),
    (r"gram(?:me)?s?|g", "g", "gram", QuantityKind::Measure),
    (
        r"metric tons?|tonnes?|t",
        "t",
        "metric ton",
        QuantityKind::Measure,
    ),
    (r"tons?", "ton", "ton", QuantityKind::Measure),
    (r"pounds?|lbs?", "lb", "pound-mass", QuantityKind::Measure),
    (r"ounces?|oz", "oz", "ounce", QuantityKind::Measure),
    (r"barrels?", "bbl", "barrel", QuantityKind::Measure),
    (r"gallons?", "gal", "gallon", QuantityKind::Measure),
    (
        r"millilit(?:er|re)s?|ml",
        "ml",
        "millilitre",
        QuantityKind::Measure,
    ),
    (r"lit(?:er|re)s?", "l", "litre", QuantityKind::Measure),
    (r"hectares?", "ha", "hectare", QuantityKind::Measure),
    (r"acres?", "acre", "acre", QuantityKind::Measure),
    (r"megawatts?|mw", "MW", "megawatt", QuantityKind::Measure),
    (r"gigawatts?|gw", "GW", "gigawatt", QuantityKind::Measure),
    (
        r"(?:(?:degrees?|deg\.?|°) ?)?(?:celsius|celcius|centigrade|centigrate)|(?:degrees?|deg\.?|°) ?c",
        "degC",
        "celsius",
        QuantityKind::Measure,
    ),
    (
        r"(?:(?:degrees?|deg\.?|°) ?)?(?:fahrenheit|farenheit)|(?:degrees?|deg\.?|°) ?f",
        "degF",
        "fahrenheit",
        QuantityKind::Measure,
    ),
    (r"degrees?|deg\.?|°", "deg", "degree", QuantityKind::Measure),
    (
        r"years?(?: ?- ?| )olds?|years? of age|yo|y/o|yrs? old",
        "year_of_age",
        "year of age",
        QuantityKind::Duration,
    ),
    (
        r"months?(?: ?- ?| )old|months? of age",
        "month_of_age",
        "month of age",
        QuantityKind::Duration,
    ),
    (
        r"weeks?(?: ?- ?| )old|weeks? of age",
        "week_of_age",
        "week of age",
        QuantityKind::Duration,
    ),
    (
        r"days?(?: ?- ?| )old|days? of age",
        "day_of_age",
        "day of age",
        QuantityKind::Duration,
    ),
    (
        r"years?|jahre?n?|ans?|años?",
        "year",
        "year",
        QuantityKind::Duration,
    ),
    (
        r"months?|monate?n?|mois|meses?",
        "month",
        "month",
        QuantityKind::Duration,
    ),
    (
        r"weeks?|wochen?|semaines?|semanas?",
        "week",
        "week",
        QuantityKind::Duration,
    ),
    (
        r"days?|tage?n?|jours?|días?",
        "day",
        "day",
        QuantityKind::Duration,
    ),
    (
        r"hours?|stunden?|heures?|horas?",
        "hour",
        "hour",
        QuantityKind::Duration,
    ),
    (
        r"minutes?|minuten?|minutos?",
        "minute",
        "minute",
        QuantityKind::Duration,
    ),
    (
        r"seconds?|sekunden?|secondes?|segundos?",
        "second",
        "second",
        QuantityKind::Duration,
    ),
    (r"decades?", "decade", "decade", QuantityKind::Duration),
    (
        r"on the richter scale",
        "richter",
        "richter scale",
        QuantityKind::Measure,
    ),
    (
        r"times|fold|-fold|mal|fois|veces",
        "times",
        "times",
        QuantityKind::Ratio,
    ),
];

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
    ("dozens", 12.0),
    ("twice", 2.0),
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
