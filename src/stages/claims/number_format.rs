//! Which number format a document is written in: "4.28" and "28,030" mean different things in English
//! and German. A reliable language decides (see `stages::lang`); otherwise the numbers' own shapes
//! do, because a short or table-like text's language guess is too weak to turn "4.28" into 4 and 28.

use super::extract::NumberFormat;
use crate::record::Language;

/// Evidence one number's shape gives for each format: (English, Continental, French).
type Votes = [f64; 3];

const ENGLISH: usize = 0;
const CONTINENTAL: usize = 1;
const FRENCH: usize = 2;

/// The format to read every field of one article in.
pub fn for_article(language: Option<&Language>, fields: &[&str]) -> NumberFormat {
    if let Some(l) = language.filter(|l| l.reliable) {
        return NumberFormat::for_language(&l.code);
    }
    let mut votes: Votes = [0.0; 3];
    // Whether a format has one unambiguous number for it ("1.234.567", "4,28").
    let mut strong = [false; 3];
    for field in fields {
        for token in numeric_tokens(field) {
            let v = shape_votes(token);
            for ((total, strong), v) in votes.iter_mut().zip(strong.iter_mut()).zip(v) {
                *total += v;
                *strong |= v >= 1.0;
            }
        }
    }
    // Ties go to the earlier format (English, then Continental): with no evidence at all every
    // format reads the numbers alike.
    let best = (0..3).fold(
        ENGLISH,
        |best, i| if votes[i] > votes[best] { i } else { best },
    );
    // Lone three-digit groups ("15.125 seconds", "208.442 kph" down a results table) are weak
    // evidence however many there are: without one unambiguous number for it, no format
    // displaces English, news's common one.
    if !strong[best] {
        return NumberFormat::English;
    }
    match best {
        CONTINENTAL => NumberFormat::Continental,
        FRENCH => NumberFormat::French,
        _ => NumberFormat::English,
    }
}

fn is_sep(c: char) -> bool {
    matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}')
}

/// Maximal runs of digits joined by single separators ("1.234,5", "45 000", "28,030"), not glued to
/// letters or other digits on either side.
fn numeric_tokens(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            let rest = &text[i..];
            let mut chars = rest.char_indices().peekable();
            while let Some((off, c)) = chars.next() {
                if c.is_ascii_digit() {
                    end = i + off + 1;
                } else if is_sep(c) && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit()) {
                    continue;
                } else {
                    break;
                }
            }
            i = end;
            let glued = text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',');
            if !glued {
                return Some(&text[start..end]);
            }
        }
        None
    })
}

/// What one number's separators say about the format. Unambiguous shapes ("1,234.5", "1.234.567",
/// "4,28", "45 000") count 1; a lone three-digit group ("28,030", "1.234") could be either grouping or
/// three decimals and counts 0.25 toward the grouping reading, which is the common one in news.
fn shape_votes(token: &str) -> Votes {
    let mut votes: Votes = [0.0; 3];
    let groups: Vec<&str> = token.split(is_sep).collect();
    let seps: Vec<char> = token.chars().filter(|c| is_sep(*c)).collect();
    let (Some(&first), Some(&last_sep)) = (groups.first(), seps.last()) else {
        return votes;
    };
    let grouped = |from: usize, to: usize| groups[from..to].iter().all(|g| g.len() == 3);
    let n = groups.len();
    let lead_ok = (1..=3).contains(&first.len()) && !(first.starts_with('0') && first.len() > 1);
    let spaces = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    if seps.iter().all(|c| *c == last_sep) {
        // One kind of separator throughout.
        let tail = groups[n - 1];
        match last_sep {
            ',' | '.' => {
                let (grouping, decimal) = if last_sep == ',' {
                    (ENGLISH, CONTINENTAL)
                } else {
                    (CONTINENTAL, ENGLISH)
                };
                if n == 2 && (tail.len() != 3 || !lead_ok || first == "0") {
                    votes[decimal] = 1.0;
                    // French writes the decimal comma too: "2,3" supports both readings.
                    if decimal == CONTINENTAL {
                        votes[FRENCH] = 1.0;
                    }
                } else if lead_ok && grouped(1, n) {
                    votes[grouping] = if n > 2 { 1.0 } else { 0.25 };
                }
            }
            c if spaces(c) && lead_ok && grouped(1, n) => {
                // A plain space also separates two numbers ("in 2017 500 people"): only the
                // typographic spaces, or several groups, are strong evidence.
                votes[FRENCH] = if c != ' ' || n > 2 { 1.0 } else { 0.25 };
            }
            _ => {}
        }
        return votes;
    }
    // Grouping then a different decimal mark: "1,234.5", "1.234,5", "1 234,5".
    if lead_ok && grouped(1, n - 1) {
        let grouping = seps[0];
        if seps[..seps.len() - 1].iter().all(|c| *c == grouping) {
            match (grouping, last_sep) {
                (',', '.') => votes[ENGLISH] = 1.0,
                ('.', ',') => votes[CONTINENTAL] = 1.0,
                (g, ',') if spaces(g) => votes[FRENCH] = 1.0,
                _ => {}
            }
        }
    }
    votes
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::record::Language;

    #[test]
    fn a_reliable_language_decides() {
        let de = Language::for_tests("de", true);
        assert_eq!(
            for_article(Some(&de), &["Der Umsatz stieg um 4.28 Prozent"]),
            NumberFormat::Continental
        );
    }

    #[test]
    fn an_unreliable_guess_defers_to_the_numbers_shapes() {
        // A short English headline guessed as German must still read "4.28" as one number.
        let de = Language::for_tests("de", false);
        let cases = [
            (
                "Shares rose 4.28 pct to 28,030 points",
                NumberFormat::English,
            ),
            (
                "Umsatz 1.234.567 Euro, plus 4,5 Prozent",
                NumberFormat::Continental,
            ),
            (
                "soit 45\u{a0}000 personnes et 2,3 millions",
                NumberFormat::French,
            ),
            ("GDP 1,234.5 bln", NumberFormat::English),
            ("Kurs 1.234,50", NumberFormat::Continental),
        ];
        for (text, want) in cases {
            assert_eq!(for_article(Some(&de), &[text]), want, "{text}");
            assert_eq!(for_article(None, &[text]), want, "{text}");
        }
    }

    #[test]
    fn no_evidence_or_weak_evidence_reads_as_english() {
        let de = Language::for_tests("de", false);
        for text in ["Exports rose in 2017", "28,030 fans", "", "ISBN 978-3-16"] {
            assert_eq!(
                for_article(Some(&de), &[text]),
                NumberFormat::English,
                "{text}"
            );
        }
        // Three decimals in a results line are decimals, not thousands.
        for text in [
            "15.125 seconds (average speed 208.442 kph)",
            "The car weighs 1.250 tonnes.",
            "1. Ann 10.125 2. Bea 10.234 3. Cid 10.456 4. Dee 10.512 5. Eve 10.678",
        ] {
            assert_eq!(for_article(None, &[text]), NumberFormat::English, "{text}");
        }
        // Dates and versions are not number formats.
        assert_eq!(
            for_article(None, &["am 27.07.2017 um 10.30 Uhr"]),
            NumberFormat::English
        );
    }

    #[test]
    fn the_stage_reads_a_short_english_sentence_guessed_as_german_in_english() {
        use crate::stages::claims::{ClaimsConfig, ClaimsStage};
        use crate::stages::Stage;
        let mut article = crate::record::Article {
            text: "Shares rose 4.28 percent to 28,030 points.".into(),
            language: Some(Language::for_tests("de", false)),
            ..Default::default()
        };
        ClaimsStage::new(ClaimsConfig::default())
            .process(&mut article)
            .expect("claims");
        let values: Vec<f64> = article
            .claims
            .unwrap_or_default()
            .iter()
            .filter_map(|c| c.value)
            .collect();
        assert_eq!(values, vec![4.28, 28030.0]);
    }

    #[test]
    fn tokens_do_not_join_numbers_across_words_or_glue() {
        let t: Vec<&str> = numeric_tokens("A380 costs 1,234.5, then 7 and 8.").collect();
        assert_eq!(t, vec!["1,234.5", "7", "8"]);
    }
}
