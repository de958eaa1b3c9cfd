//! The cue words of the noise rules, read once from `lexicon.tsv` (compiled in with `include_str!`).
//! Which words play which part is data; how they combine with line shape and position is in
//! [`super::rules`]. Imports: std only.

use std::collections::HashMap;

/// Every class of cue in `lexicon.tsv`, phrases lower-cased.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub metadata_key: Vec<String>,
    pub age_subject: Vec<String>,
    pub age_cue: Vec<String>,
    pub age_unit: Vec<String>,
    pub age_count: Vec<String>,
    pub cta_verb: Vec<String>,
    pub cta_object: Vec<String>,
    pub cta_alone: Vec<String>,
    pub print_cue: Vec<String>,
    pub navigation: Vec<String>,
    pub credit_cue: Vec<String>,
    /// Lower-cased agency name → its spelling in the file (the value a credit fills `source` with).
    pub wire: HashMap<String, String>,
    pub end_mark: Vec<String>,
    /// Lower-cased month name → month number.
    pub month: HashMap<String, u32>,
}

/// A malformed line of the lexicon; the file ships inside the binary, so a unit test catches it.
#[derive(Debug, thiserror::Error)]
#[error("noise lexicon line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

pub const SHIPPED: &str = include_str!("lexicon.tsv");

impl Lexicon {
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, raw) in tsv.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError {
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let (class, phrase) = match cols.as_slice() {
                [class, _lang, phrase] | [class, _lang, phrase, _] => (*class, phrase.trim()),
                _ => {
                    return Err(err(format!(
                        "expected 3 or 4 tab-separated columns: {line:?}"
                    )))
                }
            };
            if phrase.is_empty() {
                return Err(err("empty phrase".into()));
            }
            let lower = phrase.to_lowercase();
            match class {
                "metadata_key" => lex.metadata_key.push(lower),
                "age_subject" => lex.age_subject.push(lower),
                "age_cue" => lex.age_cue.push(lower),
                "age_unit" => lex.age_unit.push(lower),
                "age_count" => lex.age_count.push(lower),
                "cta_verb" => lex.cta_verb.push(lower),
                "cta_object" => lex.cta_object.push(lower),
                "cta_alone" => lex.cta_alone.push(lower),
                "print_cue" => lex.print_cue.push(lower),
                "navigation" => lex.navigation.push(lower),
                "credit_cue" => lex.credit_cue.push(lower),
                "end_mark" => lex.end_mark.push(lower),
                "wire" => {
                    lex.wire.insert(lower, phrase.to_string());
                }
                "month" => {
                    let number = cols
                        .get(3)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(|| err("month needs a number 1-12 in column 4".into()))?;
                    lex.month.insert(lower, number);
                }
                other => return Err(err(format!("unknown class {other:?}"))),
            }
        }
        // Longest phrase first, so an alternation prefers "related news" over "related".
        for list in [
            &mut lex.metadata_key,
            &mut lex.age_subject,
            &mut lex.age_cue,
            &mut lex.age_unit,
            &mut lex.age_count,
            &mut lex.cta_verb,
            &mut lex.cta_object,
            &mut lex.cta_alone,
            &mut lex.print_cue,
            &mut lex.navigation,
            &mut lex.credit_cue,
            &mut lex.end_mark,
        ] {
            list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            list.dedup();
        }
        Ok(lex)
    }
}

/// `a|b|c` of regex-escaped phrases, any run of spaces in a phrase matching any horizontal space.
pub fn alternation<'a>(phrases: impl IntoIterator<Item = &'a String>) -> String {
    phrases
        .into_iter()
        .map(|p| {
            p.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[ \t]+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_parses_and_has_every_class() {
        let lex = Lexicon::parse(SHIPPED).unwrap();
        for (name, n) in [
            ("metadata_key", lex.metadata_key.len()),
            ("age_subject", lex.age_subject.len()),
            ("cta_verb", lex.cta_verb.len()),
            ("cta_object", lex.cta_object.len()),
            ("print_cue", lex.print_cue.len()),
            ("navigation", lex.navigation.len()),
            ("wire", lex.wire.len()),
            ("month", lex.month.len()),
        ] {
            assert!(n > 0, "class {name} is empty");
        }
        assert_eq!(lex.month.get("september"), Some(&9));
        assert_eq!(
            lex.wire.get("bloomberg").map(String::as_str),
            Some("Bloomberg")
        );
    }

    #[test]
    fn a_malformed_line_is_reported_with_its_number() {
        let e = Lexicon::parse("# c\nwire\tBloomberg\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Lexicon::parse("month\ten\tjanuary\t13\n").unwrap_err();
        assert!(e.message.contains("1-12"), "{e}");
        let e = Lexicon::parse("colour\ten\tred\n").unwrap_err();
        assert!(e.message.contains("unknown class"), "{e}");
    }
}
