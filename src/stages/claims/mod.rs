//! Numeric-claim tagging: every quantity in an article as a structured claim.
//!
//! [`extract`] finds quantities (value or range, unit, kind, change) in the number format of the
//! detected language. This module places each in its sentence and links it: `metric` (the noun phrase
//! it measures), `period` (years and periods, relative ones resolved against `published_at`),
//! `subject` (NER entities of the sentence, by index), `asserted_by` (the attributed source) and
//! `is_claim` (false for bare numbers and page furniture).

pub mod extract;
pub mod lexicon;

use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::{Stage, StageError};
use crate::record::{Article, CharIndex, Claim, Entity, Field, Range, Span, SubjectRef};
use extract::{re, Extractor, Found, NumberFormat, Year};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimsConfig {
    pub enabled: bool,
    /// Also report bare numbers (no unit, no counted noun) with `is_claim: false`.
    pub keep_bare_numbers: bool,
}

impl Default for ClaimsConfig {
    fn default() -> Self {
        ClaimsConfig {
            enabled: true,
            keep_bare_numbers: true,
        }
    }
}

pub struct ClaimsStage {
    config: ClaimsConfig,
    tagger: Tagger,
}

impl ClaimsStage {
    pub fn new(config: ClaimsConfig) -> Self {
        ClaimsStage {
            config,
            tagger: Tagger::new(),
        }
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }
}

impl Stage for ClaimsStage {
    fn name(&self) -> &'static str {
        "claims"
    }

    fn process(&self, article: &mut Article) -> Result<(), StageError> {
        let lang = article
            .language
            .as_ref()
            .map_or("en", |l| l.code.as_str())
            .to_string();
        let entities = article.entities.clone().unwrap_or_default();
        let mut claims = Vec::new();
        for field in Field::ALL {
            let text = article.field(field);
            claims.extend(self.tagger.tag(
                text,
                field,
                &lang,
                article.published_at.as_deref(),
                &entities,
            ));
        }
        if !self.config.keep_bare_numbers {
            claims.retain(|c: &Claim| c.unit_name != "-");
        }
        article.claims = Some(claims);
        Ok(())
    }
}

/// The tagger proper, usable without an [`Article`] (eval command, benchmarks, fuzzing).
pub struct Tagger {
    extractor: Extractor,
    according_to: Regex,
    speech: Regex,
    said_name: Regex,
    half: Regex,
    quarter: Regex,
    first_months: Regex,
    year_span: Regex,
    month_span: Regex,
    relative: Regex,
    np_after: Regex,
    np_before: Regex,
    furniture: Regex,
}

const CAP: &str = r"(?:[A-Z][\w.'’-]*|of|the|and|for|de|du|der|des)";

impl Default for Tagger {
    fn default() -> Self {
        Self::new()
    }
}

impl Tagger {
    pub fn new() -> Self {
        Tagger {
            extractor: Extractor::new(),
            according_to: re(
                r"(?i)\b(?:according to|citing|selon|laut|según)\s+(?:the\s+|a\s+|an\s+)?([^,.;:()“”\x22]{2,60}?)\s*(?:[,.;:()“”\x22]|\bon\b|\bin\b|$)",
            ),
            speech: re(
                r"\b(?:said|says|told|noted|stated|added|announced|reported|estimated|wrote|warned|explained|confirmed|sagte|teilte|mitteilte|a déclaré|a indiqué|indiqué|informó|dijo)\b",
            ),
            said_name: re(&format!(
                r"\b(?:said|says|according to)\s+((?:[A-Z][\w.'’-]*)(?:\s+{CAP}){{0,4}})"
            )),
            half: re(
                r"(?i)\b(first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:(\d{4})|(?:the|this|last)\s+year)?",
            ),
            quarter: re(
                r"(?i)\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(\d{4}))?|Q([1-4])\s*(\d{4})?)",
            ),
            first_months: re(
                r"(?i)\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months(?:\s+of\s+(?:(\d{4})|the\s+year))?",
            ),
            year_span: re(
                r"(?i)\b(?:from|between)\s+(\d{4})\s+(?:to|and|until)\s+(\d{4})\b|\b(\d{4})\s?[-–]\s?(\d{4})\b",
            ),
            month_span: re(
                r"(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s?(?:-|–|to|through)\s?(january|february|march|april|may|june|july|august|september|october|november|december)\b",
            ),
            relative: re(
                r"(?i)\b(last|this|next|previous)\s+(year|month)\b|\ba year earlier\b|\bvergangenen jahr\b|\bl'an dernier\b|\baño anterior\b",
            ),
            np_after: re(r"^\s*((?:[a-z][a-z'’-]*\s){0,3}[a-z][a-z'’-]*)"),
            np_before: re(
                r"(?i)((?:[\w'’-]+\s){0,4}[\w'’-]+)\s+(?:totalled|totaled|totaling|reached|stood at|amounted to|was|were|is|are|rose to|fell to|grew to|climbed to|dropped to|hit|of|at|by|to)\s+(?:[\w-]+\s){0,2}$",
            ),
            furniture: re(
                r"(?i)\b(?:years? old|min(?:ute)?s? read|hours? ago|minutes? ago|days? ago|comments?|shares?|views?|photos?|page|copyright|©)\b",
            ),
        }
    }

    /// Claims of one field. `entities` are the article's NER entities (indices are kept for linking).
    pub fn tag(
        &self,
        text: &str,
        field: Field,
        lang: &str,
        published_at: Option<&str>,
        entities: &[Entity],
    ) -> Vec<Claim> {
        let (found, years) = self
            .extractor
            .extract(text, NumberFormat::for_language(lang));
        if found.is_empty() {
            return Vec::new();
        }
        let chars = CharIndex::new(text);
        let sentences: Vec<(usize, usize)> = text
            .split_sentence_bound_indices()
            .map(|(i, s)| (i, i + s.len()))
            .collect();
        let published = published_at.and_then(parse_date);
        let mut claims: Vec<Claim> = Vec::with_capacity(found.len());
        let mut prev: Option<(usize, Option<String>)> = None;
        for mut q in found {
            // A span ends at its last visible character ("tens of " alone keeps no trailing space).
            let trimmed = text[q.start..q.end].trim_end().len();
            if trimmed > 0 {
                q.end = q.start + trimmed;
            }
            let (ss, mut se) = sentences
                .iter()
                .copied()
                .find(|&(s, e)| s <= q.start && q.start < e)
                .unwrap_or((0, text.len()));
            // A quantity never straddles sentences: when it does, the splitter broke after an
            // abbreviation inside it ("1 Mrd. Euro"), so the sentence runs on to the next bound.
            if q.end > se {
                se = sentences
                    .iter()
                    .map(|&(_, e)| e)
                    .find(|&e| e >= q.end)
                    .unwrap_or(text.len());
            }
            let sentence = &text[ss..se];
            let metric = self.metric(text, ss, &q).or_else(|| {
                prev.as_ref()
                    .filter(|(s, _)| *s == ss && q.change != "=")
                    .and_then(|(_, m)| m.clone())
            });
            let asserted_by = self.asserted_by(sentence);
            let period = self.period(sentence, ss, &years, published);
            let (s_char, e_char) = (chars.char_of(ss), chars.char_of(se));
            let subject = entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.field == field && e.start >= s_char && e.end <= e_char)
                .filter(|(_, e)| {
                    matches!(e.label.as_str(), "LOC" | "ORG" | "GPE" | "NORP" | "MISC")
                })
                .filter(|(_, e)| asserted_by.as_deref().is_none_or(|a| !a.contains(&e.text)))
                .fold(Vec::<SubjectRef>::new(), |mut acc, (i, e)| {
                    if !acc.iter().any(|s| s.text == e.text) {
                        acc.push(SubjectRef {
                            text: e.text.clone(),
                            entity: Some(i),
                        });
                    }
                    acc
                });
            let mut around_end = (q.end + 16).min(text.len());
            while !text.is_char_boundary(around_end) {
                around_end -= 1; // 16 bytes may end inside a multi-byte character
            }
            let around = &text[q.end..around_end];
            let furniture = self.furniture.is_match(&format!(
                "{}{}",
                &text[q.start..q.end],
                around
                    .get(
                        ..around
                            .char_indices()
                            .nth(12)
                            .map_or(around.len(), |(i, _)| i)
                    )
                    .unwrap_or("")
            ));
            let is_claim = !(q.bare || se - ss < 12 || furniture && q.unit_name != "year of age");
            prev = Some((ss, metric.clone()));
            claims.push(Claim {
                text: text[q.start..q.end].to_string(),
                field,
                start: chars.char_of(q.start),
                end: chars.char_of(q.end),
                sentence: Span {
                    start: s_char,
                    end: chars.char_of(trim_end(text, ss, se)),
                },
                value: q.value,
                range: q.range.map(|(low, high)| Range { low, high }),
                kind: q.kind,
                unit: q.unit.clone(),
                unit_name: q.unit_name.clone(),
                change: q.change.to_string(),
                metric,
                subject,
                period,
                asserted_by,
                is_claim,
            });
        }
        claims
    }

    fn metric(&self, text: &str, sentence_start: usize, q: &Found) -> Option<String> {
        let before = &text[sentence_start..q.start];
        let after = &text[q.end..];
        let article_before = before
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str()));
        let after = after
            .strip_prefix(" worth of")
            .or_else(|| after.strip_prefix(" in"))
            .filter(|_| !article_before)
            .unwrap_or(after);
        if article_before || text[q.end..].starts_with(" worth of") {
            if let Some(m) = self.np_after.captures(after).and_then(|c| c.get(1)) {
                let np = trim_stopwords(m.as_str());
                if !np.is_empty() {
                    return Some(np);
                }
            }
        }
        let c = self.np_before.captures(before)?;
        let np = trim_stopwords(c.get(1)?.as_str());
        (!np.is_empty()).then_some(np)
    }

    fn asserted_by(&self, sentence: &str) -> Option<String> {
        if let Some(c) = self.according_to.captures(sentence) {
            return c.get(1).map(|m| m.as_str().trim().to_string());
        }
        if let Some(c) = self.said_name.captures(sentence) {
            return c.get(1).map(|m| m.as_str().trim().to_string());
        }
        let verb = self.speech.find(sentence)?;
        // The speaker is the capitalised name before the verb, skipping an appositive
        // ("Gao Feng, spokesman of the Ministry of Commerce, told ...").
        let before = sentence[..verb.start()].trim_end().trim_end_matches(',');
        let segments: Vec<&str> = before.split(',').collect();
        for seg in segments.iter().rev() {
            let seg = seg.trim();
            let seg = seg.strip_prefix("the ").unwrap_or(seg);
            if seg.starts_with(|c: char| c.is_uppercase()) {
                let name: Vec<&str> = seg
                    .split_whitespace()
                    .rev()
                    .take_while(|w| {
                        w.starts_with(|c: char| c.is_uppercase())
                            || ["of", "the", "and"].contains(w)
                    })
                    .collect();
                let name: Vec<&str> = name
                    .into_iter()
                    .rev()
                    .skip_while(|w| ["of", "the", "and"].contains(w))
                    .collect();
                if !name.is_empty() {
                    return Some(name.join(" "));
                }
            }
        }
        None
    }

    fn period(
        &self,
        sentence: &str,
        offset: usize,
        years: &[Year],
        published: Option<(i32, u32)>,
    ) -> Option<String> {
        let local: Vec<i32> = years
            .iter()
            .filter(|y| y.start >= offset && y.end <= offset + sentence.len())
            .map(|y| y.year)
            .collect();
        let year_or = |m: Option<regex::Match>| -> Option<i32> {
            m.and_then(|m| m.as_str().parse().ok())
                .or_else(|| local.first().copied())
                .or(published.map(|p| p.0))
        };
        if let Some(c) = self.year_span.captures(sentence) {
            let a = c.get(1).or(c.get(3))?.as_str();
            let b = c.get(2).or(c.get(4))?.as_str();
            return Some(format!("{a}/{b}"));
        }
        if let Some(c) = self.first_months.captures(sentence) {
            let n = [
                "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            ]
            .iter()
            .position(|w| c[1].eq_ignore_ascii_case(w))?
                + 2;
            let y = year_or(c.get(2))?;
            return Some(format!("{y}-01/{y}-{n:02}"));
        }
        if let Some(c) = self.month_span.captures(sentence) {
            let m = |s: &str| {
                MONTHS
                    .iter()
                    .position(|x| s.eq_ignore_ascii_case(x))
                    .map(|i| i + 1)
            };
            let y = year_or(None)?;
            return Some(format!("{y}-{:02}/{y}-{:02}", m(&c[1])?, m(&c[2])?));
        }
        if let Some(c) = self.half.captures(sentence) {
            let h = if c[1].starts_with(['f', 'F', '1']) {
                1
            } else {
                2
            };
            let y = year_or(c.get(2))?;
            return Some(format!("{y}-H{h}"));
        }
        if let Some(c) = self.quarter.captures(sentence) {
            let n = match c.get(1).map(|m| m.as_str().to_lowercase()) {
                Some(w) => ["first", "second", "third", "fourth"]
                    .iter()
                    .position(|x| w.starts_with(&x[..1]) && (w == *x || w.len() == 3))
                    .map(|i| i + 1)?,
                None => c.get(3)?.as_str().parse().ok()?,
            };
            let y = year_or(c.get(2).or(c.get(4)))?;
            return Some(format!("{y}-Q{n}"));
        }
        if let Some(y) = local.first() {
            return Some(y.to_string());
        }
        let c = self.relative.captures(sentence)?;
        let (py, pm) = published?;
        let which = c.get(1).map(|m| m.as_str().to_lowercase());
        let unit = c.get(2).map(|m| m.as_str().to_lowercase());
        match (which.as_deref(), unit.as_deref()) {
            (Some("this"), Some("year")) => Some(py.to_string()),
            (Some("next"), Some("year")) => Some((py + 1).to_string()),
            (Some("this"), Some("month")) => Some(format!("{py}-{pm:02}")),
            (Some("last" | "previous"), Some("month")) => {
                let (y, m) = if pm == 1 { (py - 1, 12) } else { (py, pm - 1) };
                Some(format!("{y}-{m:02}"))
            }
            (Some("next"), Some("month")) => {
                let (y, m) = if pm == 12 { (py + 1, 1) } else { (py, pm + 1) };
                Some(format!("{y}-{m:02}"))
            }
            _ => Some((py - 1).to_string()),
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Year and month of an ISO-8601-ish date ("2017-07-27", "2017-07-27T09:00:00Z").
pub fn parse_date(s: &str) -> Option<(i32, u32)> {
    let y: i32 = s.get(..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    (1..=12).contains(&m).then_some((y, m))
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn trim_stopwords(np: &str) -> String {
    const STOP: &[&str] = &[
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "of",
        "and",
        "to",
        "in",
        "on",
        "with",
        "from",
        "that",
        "which",
        "were",
        "was",
        "is",
        "are",
        "has",
        "have",
        "had",
        "been",
        "this",
        "these",
        "those",
        "according",
        "while",
        "up",
        "down",
        "by",
        "for",
        "as",
        "said",
        "with",
    ];
    let words: Vec<&str> = np.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| !STOP.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let mut end = words.len();
    while end > start && STOP.contains(&words[end - 1].to_lowercase().as_str()) {
        end -= 1;
    }
    // Cut at the first stop word after the head so "trade deficit according to" stays "trade deficit".
    let mut cut = start;
    while cut < end && (words[cut] == "of" || !STOP.contains(&words[cut].to_lowercase().as_str())) {
        cut += 1;
    }
    words[start..cut.max(start)].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str, published: Option<&str>) -> Vec<Claim> {
        Tagger::new().tag(text, Field::Text, "en", published, &[])
    }

    #[test]
    fn links_metric_period_and_source() {
        let c = tag("Technology imports totalled $32.16 billion in 2011, up 25.5 per cent year-on-year, the ministry said.", None);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].metric.as_deref(), Some("Technology imports"));
        assert_eq!(c[0].period.as_deref(), Some("2011"));
        assert_eq!(
            (c[1].change.as_str(), c[1].metric.as_deref()),
            ("up", Some("Technology imports"))
        );
        let c = tag("Imports expanded even faster, leading to a $309 billion trade deficit, according to media reports.", None);
        assert_eq!(c[0].metric.as_deref(), Some("trade deficit"));
        assert_eq!(c[0].asserted_by.as_deref(), Some("media reports"));
    }

    #[test]
    fn resolves_relative_periods_against_publication_date() {
        let c = tag(
            "Exports rose 5% in the first half of the year, Gao Feng told reporters.",
            Some("2017-07-27"),
        );
        assert_eq!(c[0].period.as_deref(), Some("2017-H1"));
        assert_eq!(c[0].asserted_by.as_deref(), Some("Gao Feng"));
        let c = tag(
            "Sales fell 3 percent last month.",
            Some("2024-01-10T00:00:00Z"),
        );
        assert_eq!(c[0].period.as_deref(), Some("2023-12"));
    }

    #[test]
    fn offsets_are_code_points_into_the_field() {
        let text = "Über 😀 nearly 90 per cent";
        let c = tag(text, None);
        let got: String = text
            .chars()
            .skip(c[0].start)
            .take(c[0].end - c[0].start)
            .collect();
        assert_eq!(got, c[0].text);
    }
}
