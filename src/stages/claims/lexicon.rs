//! Words and symbols the tagger knows: number words, scale words per language, currencies and units,
//! each mapped to the canonical unit id and the NewsQuant-style `unit_name`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::record::QuantityKind;

/// One unit: (surface forms as a regex fragment, unit id, unit_name, kind).
pub type UnitRow = (&'static str, &'static str, &'static str, QuantityKind);

/// The unit catalogue, `data/units.tsv` (tidings' own rows, then a port of quantulum3's): data, so
/// adding a unit is one line and needs no Rust. Parsed once, on first use.
pub static UNITS: LazyLock<Vec<UnitRow>> =
    LazyLock::new(|| parse_units(include_str!("data/units.tsv")));

/// The tab-separated columns of each row of a built-in data file; '#' lines are comments.
fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// A number column of a built-in data file; a bad one is a bug in the shipped file, caught by every
/// test.
fn number(s: &str) -> f64 {
    s.parse()
        .unwrap_or_else(|_| panic!("built-in lexicon file: {s:?} is not a number"))
}

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

/// Currency symbols and codes that stand before a number: (regex fragment, ISO 4217, unit_name), from
/// `data/currency-prefixes.tsv`.
pub static CURRENCY_PREFIXES: LazyLock<Vec<(&'static str, &'static str, &'static str)>> =
    LazyLock::new(|| {
        rows(include_str!("data/currency-prefixes.tsv"))
            .map(|c| (c[0], c[1], c[2]))
            .collect()
    });

/// Scale words and abbreviations after a number, with their factor, from `data/scales.tsv`.
pub static SCALES: LazyLock<Vec<(&'static str, f64)>> = LazyLock::new(|| {
    rows(include_str!("data/scales.tsv"))
        .map(|c| (c[0], number(c[1])))
        .collect()
});

/// Number words for spelled-out quantities, from `data/number-words.tsv`.
pub static NUMBER_WORDS: LazyLock<Vec<(&'static str, f64)>> = LazyLock::new(|| {
    rows(include_str!("data/number-words.tsv"))
        .map(|c| (c[0], number(c[1])))
        .collect()
});

/// Nouns that are counted but say nothing on their own ("2,000 of them"); the count keeps "-" as name.
pub static NOT_COUNTED: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/not-counted.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// One country cue of a currency name several countries share, from `data/currency-context.tsv`:
/// the cues (a whole-word, case-sensitive regex) and the unit id and name they resolve to.
pub struct CurrencyCue {
    pub cues: regex::Regex,
    pub unit: &'static str,
    pub name: &'static str,
}

/// The cues by the plain name's unit id ("CHF" for "francs"), so an amount in a currency nobody
/// shares costs one lookup.
pub static CURRENCY_CONTEXT: LazyLock<HashMap<&'static str, Vec<CurrencyCue>>> =
    LazyLock::new(|| {
        currency_cues(
            "currency-context.tsv",
            include_str!("data/currency-context.tsv"),
        )
    });

/// The second tier of cues: companies, clubs, office-holders and towns, read only where no
/// country, capital or body of `CURRENCY_CONTEXT` is named in the amount's sentence.
pub static CURRENCY_COMPANIES: LazyLock<HashMap<&'static str, Vec<CurrencyCue>>> =
    LazyLock::new(|| {
        currency_cues(
            "currency-companies.tsv",
            include_str!("data/currency-companies.tsv"),
        )
    });

fn currency_cues(file: &str, tsv: &'static str) -> HashMap<&'static str, Vec<CurrencyCue>> {
    let mut by_plain: HashMap<&'static str, Vec<CurrencyCue>> = HashMap::new();
    for c in rows(tsv) {
        let cues = regex::Regex::new(&format!(r"\b(?:{})\b", c[1]))
            .unwrap_or_else(|e| panic!("data/{file}: bad cues {:?}: {e}", c[1]));
        by_plain.entry(c[0]).or_default().push(CurrencyCue {
            cues,
            unit: c[2],
            name: c[3],
        });
    }
    by_plain
}

/// Singular of a counted English noun, good enough for unit names ("jobs" → "job", "people" stays).
pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(single) = super::words::for_language("en")
        .irregular_plurals
        .get(w.as_str())
    {
        return (*single).into();
    }
    // "species", "series", "news": nouns in -s that are their own singular.
    if super::words::for_language("en")
        .s_nouns
        .contains(w.as_str())
    {
        return w;
    }
    // "midwives", "housewives".
    if let Some(stem) = w.strip_suffix("wives") {
        return format!("{stem}wife");
    }
    // "Englishmen", "policemen".
    if let Some(stem) = w.strip_suffix("men").filter(|s| {
        s.len() > 2
            && !super::words::for_language("en")
                .men_nouns
                .contains(w.as_str())
    }) {
        return format!("{stem}man");
    }
    // A capitalised plural is a people or a name: only its "s" goes ("Aussies" → "aussie").
    if word.starts_with(char::is_uppercase) && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    // "buses", "bonuses": nouns in -s (`s_noun` rows of data/lang/en.tsv).
    if let Some(stem) = w.strip_suffix("es") {
        if super::words::for_language("en").s_nouns.contains(stem) {
            return stem.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("ies") {
        // "birdies", "movies": nouns in -ie (`ie_noun` rows of data/lang/en.tsv).
        let ie = &w[..w.len() - 1];
        if super::words::for_language("en").ie_nouns.contains(ie) {
            return ie.to_string();
        }
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    // "cargoes", "heroes", "tomatoes" lose "es"; "shoes", "canoes" (`oe_noun` rows) only "s".
    if let Some(stem) = w
        .strip_suffix("es")
        .filter(|s| s.ends_with('o') && s.len() > 2)
    {
        if !super::words::for_language("en")
            .oe_nouns
            .contains(&w[..w.len() - 1])
        {
            return stem.to_string();
        }
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    // "glass", "serious", "crisis", "virus" (`s_noun` rows): singular words in -s.
    let singular_in_s = ["ss", "ous", "sis"].iter().any(|e| w.ends_with(e))
        || super::words::for_language("en")
            .s_nouns
            .contains(w.as_str());
    if w.ends_with('s') && !singular_in_s && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_data_files_parse_with_all_their_columns() {
        // Each file's rows, forced here so a malformed line fails one named test.
        assert!(UNITS.len() > 200);
        assert!(UNITS
            .iter()
            .all(|(p, id, name, _)| !p.is_empty() && !id.is_empty() && !name.is_empty()));
        assert!(CURRENCY_PREFIXES
            .iter()
            .all(|(p, code, name)| !p.is_empty() && code.len() == 3 && !name.is_empty()));
        assert!(CURRENCY_CONTEXT.values().map(Vec::len).sum::<usize>() > 30);
        assert!(CURRENCY_COMPANIES.values().map(Vec::len).sum::<usize>() > 5);
        assert!(SCALES
            .iter()
            .all(|(p, f)| !p.is_empty() && (*f >= 100.0 || *f <= 0.1)));
        let word = |w: &str| NUMBER_WORDS.iter().find(|(x, _)| *x == w).map(|(_, v)| *v);
        assert_eq!(
            (word("twelve"), word("a third")),
            (Some(12.0), Some(1.0 / 3.0))
        );
    }

    #[test]
    fn singulars_of_nouns_in_ie_y_and_o() {
        assert_eq!(singular("birdies"), "birdie");
        assert_eq!(singular("species"), "species");
        assert_eq!(singular("midwives"), "midwife");
        assert_eq!(singular("series"), "series");
        assert_eq!(singular("barracks"), "barracks");
        assert_eq!(singular("buses"), "bus");
        assert_eq!(singular("virus"), "virus");
        assert_eq!(singular("crisis"), "crisis");
        assert_eq!(singular("cannabis"), "cannabis");
        assert_eq!(singular("serious"), "serious");
        assert_eq!(singular("taxis"), "taxi");
        assert_eq!(singular("houses"), "house");
        assert_eq!(singular("rookies"), "rookie");
        assert_eq!(singular("companies"), "company");
        assert_eq!(singular("policies"), "policy");
        assert_eq!(singular("cargoes"), "cargo");
        assert_eq!(singular("heroes"), "hero");
        assert_eq!(singular("shoes"), "shoe");
        assert_eq!(singular("canoes"), "canoe");
        assert_eq!(singular("videos"), "video");
    }
}
