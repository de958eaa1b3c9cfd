//! Numeric-claim tagging: every quantity in an article as a structured claim.
//!
//! [`extract`] finds quantities (value or range, unit, kind, change) in the number format of the
//! detected language, with the words and symbols of [`lexicon`] matched through [`table`]. This
//! module places each in its sentence and links it: `metric` (the noun phrase it measures, see
//! [`metric`]), `period` (years and periods, relative ones resolved against `published_at`),
//! `subject` (NER entities of the sentence, by index), `asserted_by` (the attributed source) and
//! `is_claim` (false for bare numbers and page furniture).

pub mod extract;
pub mod lexicon;
pub mod metric;
pub mod number_format;
pub mod table;
pub mod words;

use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::{Stage, StageError};
use crate::record::{
    Article, CharIndex, Claim, Entity, Field, QuantityKind, Range, Span, SubjectRef,
};
use extract::{cue_re, re, Extractor, Found, NumberFormat, Year};
use metric::MetricFinder;
use words::Words;

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
        // One format per document, from a reliable language or else the numbers' own shapes.
        let format = number_format::for_article(
            article.language.as_ref(),
            &[article.title.as_str(), article.text.as_str()],
        );
        let entities = article.entities.clone().unwrap_or_default();
        let lang = words::language_for_article(
            article.language.as_ref(),
            &[article.title.as_str(), article.text.as_str()],
        );
        let mut claims = Vec::new();
        for field in Field::ALL {
            let text = article.field(field);
            claims.extend(self.tagger.tag_as(
                text,
                field,
                lang,
                format,
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
    metrics: MetricFinder,
    age_banner: Regex,
    comparison_base: Regex,
    on_target: Regex,
}

/// Bytes of text before a quantity that rules about it may read (its clause, in practice): a bound that
/// keeps tagging linear in the number of quantities, however long a sentence runs.
const LOOK_BACK: usize = 400;

/// Bytes of earlier text searched for a name given to a role or pronoun ("the spokesman").
const LOOK_BACK_NAMES: usize = 4000;

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
            according_to: re(&format!(
                r"(?i)(?-u:\b)(?:{})\s+(?:the\s+|a\s+|an\s+)?([^,.;:()“”\x22]{{2,60}}?)\s*(?:[,.;:()“”\x22]|(?-u:\b)on(?-u:\b)|(?-u:\b)in(?-u:\b)|$)",
                words::cues("according")
            )),
            // A verb ending in "é" has no ASCII word boundary after it.
            speech: re(&format!(
                r"(?-u:\b)(?:{})(?:(?-u:\b)|[^\p{{L}}\p{{N}}]|$)",
                words::cues("speech")
            )),
            said_name: re(&format!(
                r"(?-u:\b)(?:said|says)\s+((?:[A-Z][\w'’-]*)(?:\s+{CAP}){{0,4}})"
            )),
            half: re(
                r"(?i)(?-u:\b)(first|second|1st|2nd)\s+half(?-u:\b)(?:\s+(?:of\s+)?(?:(\d{4})|(?:the|this|last)\s+year))?",
            ),
            quarter: re(
                r"(?i)(?-u:\b)(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(\d{4}))?|Q([1-4])\s*(\d{4})?)",
            ),
            first_months: re(
                r"(?i)(?-u:\b)first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months(?:\s+of\s+(?:(\d{4})|the\s+year))?",
            ),
            year_span: re(
                r"(?i)(?-u:\b)(?:from|between)\s+(\d{4})\s+(?:to|and|until)\s+(\d{4})(?-u:\b)|(?-u:\b)(\d{4})\s?[-–]\s?(\d{4}|\d{2})(?-u:\b)",
            ),
            month_span: re(
                r"(?i)(?-u:\b)(january|february|march|april|may|june|july|august|september|october|november|december)\s?(?:-|–|to|through)\s?(january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)",
            ),
            relative: re(
                r"(?i)(?-u:\b)(last|this|next|previous)\s+(year|month)(?-u:\b)|(?-u:\b)a year earlier(?-u:\b)|(?-u:\b)vergangenen jahr(?-u:\b)|(?-u:\b)l'an dernier(?-u:\b)|(?-u:\b)año anterior(?-u:\b)",
            ),
            np_after: re(r"^\s*((?:[a-z][a-z'’-]*\s){0,3}[a-z][a-z'’-]*)"),
            np_before: re(
                r"(?i)((?:[\w'’-]+\s){0,4}[\w'’-]+)\s+(?:totalled|totaled|totaling|reached|stood at|amounted to|was|were|is|are|rose to|fell to|grew to|climbed to|dropped to|hit|of|at|by|to)\s+(?:[\w-]+\s){0,2}$",
            ),
            metrics: MetricFinder::new(),
            age_banner: re(
                r"(?i)(?-u:\b)(?:article|story|page|post|piece|report)\s+is\s+(?:more than|over|about|nearly|almost)?\s*$",
            ),
            comparison_base: cue_re(r"(?-u:\b)(?:{})(?-u:\b)", &["comparison_base"]),
            on_target: re(
                r"^\s+on\s+([\p{L}-]+(?:\s[\p{L}-]+){0,2}?)(?:\s+(?:and|or|but|while|from|since|last|next|this|in|at|by|for|to)(?-u:\b)|\s*[,.;]|\s*$)",
            ),
            furniture: re(
                r"(?i)(?-u:\b)(?:years? old|min(?:ute)?s? read|hours? ago|minutes? ago|days? ago|comments?|shares?|views?|photos?|page|copyright|©)(?-u:\b)",
            ),
        }
    }

    /// Claims of one field read in `lang`'s number format. `entities` are the article's NER entities
    /// (indices are kept for linking).
    pub fn tag(
        &self,
        text: &str,
        field: Field,
        lang: &str,
        published_at: Option<&str>,
        entities: &[Entity],
    ) -> Vec<Claim> {
        let format = NumberFormat::for_language(lang);
        self.tag_as(text, field, lang, format, published_at, entities)
    }

    /// Claims of one field, numbers read in `format` (decided per document by the stage), metrics and
    /// unit names in the words of `lang` (English when tidings has no words for it).
    #[allow(clippy::too_many_arguments)]
    pub fn tag_as(
        &self,
        text: &str,
        field: Field,
        lang: &str,
        format: NumberFormat,
        published_at: Option<&str>,
        entities: &[Entity],
    ) -> Vec<Claim> {
        let published = published_at.and_then(parse_date);
        // (A date of a year alone, "1996", still says which franc.)
        let before_euro = published_at
            .and_then(|p| p.get(..4)?.parse::<i32>().ok())
            .is_some_and(|year| year < 2002);
        let (found, years) = self.extractor.extract_dated(text, format, before_euro);
        if found.is_empty() {
            return Vec::new();
        }
        let words = words::for_language(lang);
        let english = words.code == "en";
        let chars = CharIndex::new(text);
        let sentences = joined_over_quantities(
            sentence_bounds(text, found.iter().map(|q| (q.start, q.end))),
            found
                .iter()
                .map(|q| (q.start, q.start + text[q.start..q.end].trim_end().len())),
        );
        // This field's entities (with their index in the article's list) in text order, so each
        // sentence finds its own by binary search rather than by a scan of the article's.
        let mut field_entities: Vec<(usize, &Entity)> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.field == field)
            .collect();
        field_entities.sort_by_key(|(_, e)| e.start);
        let named: Vec<(usize, &Entity)> = field_entities
            .iter()
            .filter(|(_, e)| e.text.chars().any(char::is_alphabetic))
            .copied()
            .collect();
        let mut found = names_removed(text, found, &named, &chars);
        ages_after_names(text, &mut found, &named, &chars);
        let mut claims: Vec<Claim> = Vec::with_capacity(found.len());
        let mut prev: Option<(usize, Option<String>)> = None;
        let mut facts: Option<SentenceFacts> = None;
        for mut q in found {
            // A span ends at its last visible character ("tens of " alone keeps no trailing space).
            let trimmed = text[q.start..q.end].trim_end().len();
            if trimmed > 0 {
                q.end = q.start + trimmed;
            }
            // Sentences are in order: a binary search, not a scan per quantity (quadratic on long texts).
            let (ss, se) = sentences
                .get(sentences.partition_point(|&(_, e)| e <= q.start))
                .copied()
                .filter(|&(s, _)| s <= q.start)
                .unwrap_or((0, text.len()));
            // Read only the words just before the quantity: the whole sentence prefix for each of a
            // long sentence's quantities was quadratic.
            let near_before = extract::tail_slice(text, q.start, (q.start - ss).min(LOOK_BACK));
            let prev_metric = prev
                .as_ref()
                .filter(|(s, _)| *s == ss)
                .and_then(|(_, m)| m.as_deref());
            let mut metric =
                self.metrics
                    .find(lang, text, q.start - near_before.len(), &q, prev_metric);
            // The fallbacks read English syntax ("totalled …", "tariffs of 25% on steel").
            if english {
                metric = metric
                    .or_else(|| self.metric(text, ss, &q))
                    .map(|m| self.with_target(m, &text[q.end..]));
            }
            // A metric names something in words: "1-0", "1996" or a bullet's "-" is none ("M3" is).
            let mut metric = metric.filter(|m| m.contains(char::is_alphabetic));
            if let Some(name) = words.units.get(q.unit.as_str()) {
                q.unit_name = (*name).to_string();
            }
            // Source, period and subjects belong to the sentence: worked out once for all its
            // quantities (resolving "the spokesman" scans the text before it).
            let sentence_facts = facts
                .take()
                .filter(|f| f.span == (ss, se))
                .unwrap_or_else(|| {
                    self.sentence_facts(
                        text,
                        (ss, se),
                        &years,
                        published,
                        &field_entities,
                        &chars,
                        words,
                    )
                });
            let s_char = chars.char_of(ss);
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
            // "This article is more than 1 year old": the page's age banner, not a statement.
            let banner = self.age_banner.is_match(near_before);
            if banner && q.unit == "year_of_age" {
                q.unit = "year".into();
                q.unit_name = "year".into();
            }
            let is_claim =
                !(q.bare || banner || se - ss < 12 || furniture && q.unit_name != "year of age");
            if !is_claim {
                metric = None;
            }
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
                change: q.change,
                metric,
                subject: sentence_facts.subject.clone(),
                period: sentence_facts.period.clone(),
                asserted_by: sentence_facts.asserted_by.clone(),
                is_claim,
            });
            facts = Some(sentence_facts);
        }
        claims
    }

    /// What a sentence says about all of its quantities: who asserts them, when, about whom.
    #[allow(clippy::too_many_arguments)]
    fn sentence_facts(
        &self,
        text: &str,
        (ss, se): (usize, usize),
        years: &[Year],
        published: Option<(i32, u32)>,
        entities: &[(usize, &Entity)],
        chars: &CharIndex,
        words: &Words,
    ) -> SentenceFacts {
        let asserted_by = self
            .speaker_in_order(&text[ss..se], words)
            .or_else(|| self.asserted_by(text, ss, se));
        let period = self.period(&text[ss..se], ss, years, published);
        let (s_char, e_char) = (chars.char_of(ss), chars.char_of(se));
        let first = entities.partition_point(|(_, e)| e.start < s_char);
        let subject = entities[first..]
            .iter()
            .take_while(|(_, e)| e.start < e_char)
            .filter(|(_, e)| e.end <= e_char)
            .filter(|(_, e)| matches!(e.label.as_str(), "LOC" | "ORG" | "GPE" | "NORP" | "MISC"))
            .filter(|(_, e)| asserted_by.as_deref().is_none_or(|a| !a.contains(&e.text)))
            .fold(Vec::<SubjectRef>::new(), |mut acc, (i, e)| {
                if !acc.iter().any(|s| s.text == e.text) {
                    acc.push(SubjectRef {
                        text: e.text.clone(),
                        entity: Some(*i),
                    });
                }
                acc
            });
        SentenceFacts {
            span: (ss, se),
            asserted_by,
            period,
            subject,
        }
    }

    /// "tariffs of 25% on steel": what the amount applies to, when the metric does not say already.
    fn with_target(&self, metric: String, after: &str) -> String {
        match self.on_target.captures(after) {
            Some(c) if !metric.contains(" on ") => format!("{metric} on {}", &c[1]),
            _ => metric,
        }
    }

    /// Fallback metric: the words before "totalled/reached/was … N".
    fn metric(&self, text: &str, sentence_start: usize, q: &Found) -> Option<String> {
        let before = extract::tail_slice(text, q.start, (q.start - sentence_start).min(LOOK_BACK));
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
        // "soared $5.50 to $16.875", "rose 10 percent to 5 million": a phrase that runs back into
        // another figure names no metric ("50", "percent").
        let phrase = c.get(1)?.as_str();
        if phrase
            .split_whitespace()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        let np = trim_stopwords(phrase);
        (!np.is_empty()).then_some(np)
    }

    /// The speaker where a language puts it elsewhere than English does: after the verb ("…, a
    /// indiqué le ministre du Travail à Paris", "…, informó el Ministerio de Industria") or between a
    /// lead word and a clause-final verb ("…, wie das Statistische Bundesamt mitteilte"). A place
    /// after the name ends it.
    fn speaker_in_order(&self, sentence: &str, words: &Words) -> Option<String> {
        if !words.speaker_after && words.speech_lead.is_empty() {
            return None;
        }
        let verb = self.speech.find(sentence)?;
        let before = sentence[..verb.start()].trim_end();
        let name = if words.speaker_after && before.ends_with(',') {
            sentence[verb.end()..]
                .split([',', '.', ';', ':', '('])
                .next()?
        } else {
            let clause = before.rsplit(',').next()?.trim_start();
            let (lead, rest) = clause.split_once(' ')?;
            if !words.speech_lead.contains(&lead.to_lowercase().as_str()) {
                return None;
            }
            rest
        };
        let name = words
            .place
            .iter()
            .filter_map(|p| name.find(&format!(" {p} ")))
            .min()
            .map_or(name, |at| &name[..at])
            .trim();
        // A name has a capital somewhere ("le ministre du Travail"); "…, a indiqué hier" has none.
        (name.contains(char::is_uppercase) && name.split_whitespace().count() <= 8)
            .then(|| name.to_string())
    }

    /// Who the sentence attributes its figures to. A named speaker ("Gao said", "said Zhou") comes
    /// before "according to …", which often names only the outlet that carried the statement. "The
    /// spokesman said" / "said the news agency" / "It calculated" are resolved to the name the
    /// article gave that role or pronoun earlier.
    fn asserted_by(&self, text: &str, ss: usize, se: usize) -> Option<String> {
        let sentence = &text[ss..se];
        let according = || {
            self.according_to
                .captures(sentence)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().trim().to_string())
        };
        if let Some(c) = self.said_name.captures(sentence) {
            let name = c.get(1)?.as_str().trim().to_string();
            return Some(name);
        }
        let Some(verb) = self.speech.find(sentence) else {
            return according();
        };
        // The clause just before the verb names the speaker, past an appositive
        // ("Gao Feng, spokesman of the Ministry of Commerce, told …").
        let before = sentence[..verb.start()]
            .trim_end()
            .trim_end_matches([',', '"', '“', '”', '\'', '’']);
        let segments: Vec<&str> = before.split([',', '"', '“', '”']).collect();
        let nearest = segments.last().map_or("", |s| s.trim());
        let lower = nearest.to_lowercase();
        if ["whose ", "which ", "who ", "that "]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            return according();
        }
        // "the spokesman said", "…, said the news agency": a role the article named earlier.
        let is_role = |r: &str| !r.is_empty() && r.chars().all(|c| c.is_lowercase() || c == ' ');
        if let Some(role) = nearest.strip_prefix("the ").filter(|r| is_role(r)) {
            return self.resolve_role(&text[..ss], role).or_else(according);
        }
        let after_verb = sentence[verb.end()..].trim_start();
        if let Some(rest) = after_verb.strip_prefix("the ") {
            let role = rest.split([',', '.', ';']).next().unwrap_or("").trim();
            if is_role(role) && role.split_whitespace().count() <= 3 {
                if let Some(name) = self.resolve_role(&text[..ss], role) {
                    return Some(name);
                }
            }
        }
        if matches!(lower.as_str(), "it" | "they") {
            return last_named_body(&text[..ss]).or_else(according);
        }
        for seg in [nearest]
            .into_iter()
            .chain(segments.iter().rev().skip(1).map(|s| s.trim()).take(2))
        {
            let seg = seg.strip_prefix("the ").unwrap_or(seg);
            if let Some(name) = speaker_in(seg) {
                return Some(name);
            }
        }
        according()
    }

    /// The name an earlier sentence gave a role: "Gao Feng, spokesman of …", "news agency Xinhua".
    fn resolve_role(&self, earlier: &str, role: &str) -> Option<String> {
        let head = role.split_whitespace().next_back()?;
        let earlier = extract::tail_slice(earlier, earlier.len(), LOOK_BACK_NAMES);
        let pos = earlier.rfind(head)?;
        // A capitalised name right after the role ("news agency Xinhua") …
        let after: Vec<&str> = earlier[pos + head.len()..]
            .split_whitespace()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .map(|w| w.trim_end_matches([',', '.', ';']))
            .collect();
        if !after.is_empty() {
            return Some(after.join(" "));
        }
        // … or before it ("Gao Feng, spokesman of …").
        let piece = earlier[..pos]
            .trim_end()
            .trim_end_matches(',')
            .rsplit(',')
            .next()
            .unwrap_or("");
        let name: Vec<&str> = piece
            .split_whitespace()
            .rev()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        (!name.is_empty()).then(|| name.join(" "))
    }

    fn period(
        &self,
        sentence: &str,
        offset: usize,
        years: &[Year],
        published: Option<(i32, u32)>,
    ) -> Option<String> {
        // Years of the sentence, less those it compares against ("up 600 percent from the imports
        // of 2016" is a figure of this year).
        // `years` is in text order: start at the sentence's first year, not at the article's.
        let local: Vec<i32> = years[years.partition_point(|y| y.start < offset)..]
            .iter()
            .take_while(|y| y.start < offset + sentence.len())
            .filter(|y| y.end <= offset + sentence.len())
            .filter(|y| {
                let lead = extract::tail_slice(sentence, y.start - offset, 28);
                !self.comparison_base.is_match(&lead.to_lowercase())
            })
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
            // "2006-16" is 2006 to 2016.
            let b = if b.len() == 2 {
                format!("{}{b}", a.chars().take(2).collect::<String>())
            } else {
                b.to_string()
            };
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

/// The per-sentence part of a claim (see `Tagger::sentence_facts`).
struct SentenceFacts {
    span: (usize, usize),
    asserted_by: Option<String>,
    period: Option<String>,
    subject: Vec<SubjectRef>,
}

/// Organisation-like nouns that finish a speaker's name ("the Chinese embassy", "the US Treasury").
const BODIES: &[&str] = &[
    "embassy",
    "ministry",
    "government",
    "agency",
    "institute",
    "bank",
    "department",
    "office",
    "commission",
    "council",
    "bureau",
    "administration",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "statement",
];

/// A speaker named in a clause: its trailing capitalised run ("… Commerce Secretary Wilbur Ross"), else
/// its leading one with an organisation noun ("Chinese embassy gave a positive cast on the talks").
fn speaker_in(seg: &str) -> Option<String> {
    let words: Vec<&str> = seg.split_whitespace().collect();
    let is_name =
        |w: &&&str| w.starts_with(char::is_uppercase) || ["of", "the", "and"].contains(*w);
    let tail: Vec<&str> = words.iter().rev().take_while(is_name).copied().collect();
    let tail: Vec<&str> = tail
        .into_iter()
        .rev()
        .skip_while(|w| ["of", "the", "and"].contains(w))
        .collect();
    if !tail.is_empty() && words.len() <= 8 {
        return Some(tail.join(" "));
    }
    let first = words.first()?;
    if first.starts_with(char::is_uppercase) {
        let mut name: Vec<&str> = words
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .copied()
            .collect();
        if let Some(next) = words
            .get(name.len())
            .filter(|w| BODIES.contains(&w.to_lowercase().as_str()))
        {
            name.push(next);
        }
        return Some(name.join(" "));
    }
    None
}

/// "It calculated …": the last multi-word capitalised name of the previous sentence
/// ("… reports such as that from the Economic Policy Institute released in August.").
fn last_named_body(earlier: &str) -> Option<String> {
    let prev = earlier.trim_end().trim_end_matches('.');
    let prev = &prev[prev.rfind(['.', '\n']).map_or(0, |i| i + 1)..];
    let mut best: Option<String> = None;
    let mut run: Vec<&str> = Vec::new();
    for w in prev.split_whitespace().chain(std::iter::once("x")) {
        let w = w.trim_end_matches([',', ';']);
        if w.starts_with(char::is_uppercase) || (!run.is_empty() && w == "of") {
            run.push(w);
        } else {
            while run.last() == Some(&"of") {
                run.pop();
            }
            if run.len() > 1 {
                best = Some(run.join(" "));
            }
            run.clear();
        }
    }
    best
}

/// Drops numbers that NER put inside a name ("the 1,000 Lakes Rally", "World War Two", "Airbus
/// A320", "Route 66"): the model sees the whole phrase, which the rules cannot. A quantity only
/// next to a name ("$2 million Canadian Open") stays, and so does one the model tagged alone ("the
/// 1.1 million Rwandan refugees" with "1.1" as MISC): a name has a word in it. A bare number right
/// after a person's name is a score ("Saeed Anwar 57").
fn names_removed(
    text: &str,
    found: Vec<Found>,
    entities: &[(usize, &Entity)],
    chars: &CharIndex,
) -> Vec<Found> {
    if entities.is_empty() {
        return found;
    }
    found
        .into_iter()
        .filter(|q| {
            let at = chars.char_of(q.start);
            // Entities are sorted by start: the last one starting at or before the number is the
            // only one that can hold it (names do not nest).
            let i = entities.partition_point(|(_, e)| e.start <= at);
            let Some(last) = i.checked_sub(1).map(|i| entities[i].1) else {
                return true;
            };
            let inside = last.end > at && q.kind != QuantityKind::Money;
            // "(Saeed Anwar 57, M. Atherton 65)": a bare whole number right after a person's
            // name inside a scorecard's bracket, with no comma of an age between, is that
            // player's score ("awarded Simpson 8 million", "Arafat 67 met" stay).
            let in_bracket = || {
                let near = extract::tail_slice(text, q.start, 200);
                near.rfind('(').is_some_and(|o| !near[o..].contains(')'))
            };
            let bare_whole = q.unit_name == "-"
                && q.kind == QuantityKind::Count
                && q.range.is_none()
                && q.value.is_some_and(|v| v.fract() == 0.0 && v < 1000.0);
            let score = last.label == "PER"
                && last.end + 1 == at
                && text[..q.start].ends_with(' ')
                && bare_whole
                && in_bracket();
            // "Lindsay Davenport (8) beat", "Anna Holm of Sweden (17)": a number alone in
            // brackets right after a player's name (or the player's country) is a seeding or a
            // ranking, a place in an order.
            let player = last.label == "PER"
                || last.label == "LOC"
                    && i >= 2
                    && entities[i - 2].1.label == "PER"
                    && entities[i - 2].1.end + 4 == last.start
                    && text[..q.start]
                        .strip_suffix(" (")
                        .and_then(|h| h.strip_suffix(last.text.as_str()))
                        .is_some_and(|h| h.ends_with(" of "));
            let seeding = player
                && last.end + 2 == at
                && text[..q.start].ends_with(" (")
                && text[q.end..].starts_with(')')
                && bare_whole;
            !inside && !score && !seeding
        })
        .collect()
}

/// "Severine Potty, 19 -- were", "Ruutel, 68 will": a bare whole number set off by a comma right
/// after a person's name is that person's age, whatever closes it (the rules alone need the
/// comma after it, as they cannot tell a person from a place: "in Lyon, 12, Nantes").
fn ages_after_names(
    text: &str,
    found: &mut [Found],
    entities: &[(usize, &Entity)],
    chars: &CharIndex,
) {
    for q in found.iter_mut() {
        let bare = q.unit_name == "-"
            && q.kind == QuantityKind::Count
            && q.range.is_none()
            && q.scale == 1.0
            && q.value
                .is_some_and(|v| v.fract() == 0.0 && (1.0..=110.0).contains(&v))
            && text[q.start..q.end].bytes().all(|b| b.is_ascii_digit());
        if !bare {
            continue;
        }
        let at = chars.char_of(q.start);
        let i = entities.partition_point(|(_, e)| e.start <= at);
        let Some(last) = i.checked_sub(1).map(|i| entities[i].1) else {
            continue;
        };
        // The age closes its apposition: a dash pair, a lower-case word, a comma before a word
        // ("Mary Bell, 68, American Father Tom Hill, 48") or the sentence's end. (A single dash or a bracket after it makes a line-up or a minute:
        // "Andre Joubert, 14 - Justin Swart", "(Alama Ieremia, 70)".)
        let rest = &text[q.end..];
        let closes = rest.starts_with(" --")
            || rest.starts_with(" —")
            || rest
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_lowercase))
            || rest
                .strip_prefix(", ")
                .is_some_and(|r| r.starts_with(char::is_alphabetic))
            || rest.starts_with(['.', '!', '?'])
                && rest[1..].chars().next().is_none_or(char::is_whitespace);
        if last.label == "PER" && last.end + 2 == at && text[..q.start].ends_with(", ") && closes {
            q.unit = "year_of_age".into();
            q.unit_name = "year of age".into();
            q.kind = QuantityKind::Duration;
            q.bare = false;
        }
    }
}

/// Sentence bounds (byte ranges, in order) of the sentences of `text` that hold one of `spans`, and of
/// the sentences between two of them in one line; the rest of the text is not segmented (the splitter
/// was a third of the tagger's time on news pages, where most text holds no number). Segmenting may
/// start at a line start, since a line break always ends a sentence (UAX #29 rule SB4), or at a known
/// bound, since no rule looks back across one: the bounds are those segmenting the whole text gives.
/// Linear in the text: every search starts where the last one stopped.
fn sentence_bounds(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = spans.collect();
    spans.sort_unstable();
    let mut bounds = Vec::new();
    let mut covered = 0; // a sentence bound: everything before it is segmented or skipped
    for (start, end) in spans {
        if end <= covered {
            continue;
        }
        let from = if start < covered {
            covered
        } else {
            text[covered..start]
                .rfind('\n')
                .map_or(covered, |i| covered + i + 1)
        };
        for (i, s) in text[from..].split_sentence_bound_indices() {
            covered = from + i + s.len();
            bounds.push((from + i, covered));
            if covered >= end {
                break;
            }
        }
    }
    bounds
}

/// Sentences with those a quantity straddles made one: the splitter broke after an abbreviation
/// inside it ("97,3 Mrd. Euro", German nouns being capitalised), so every quantity of that sentence,
/// not only the straddling one, belongs to the whole of it. `bounds` are in order and disjoint.
fn joined_over_quantities(
    mut bounds: Vec<(usize, usize)>,
    spans: impl Iterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    for (start, end) in spans {
        let first = bounds.partition_point(|&(_, e)| e <= start);
        let last = bounds.partition_point(|&(_, e)| e < end);
        if first < last && last < bounds.len() && bounds[first].0 <= start {
            bounds[first].1 = bounds[last].1;
            bounds.drain(first + 1..=last);
        }
    }
    bounds
}

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
    let stop = &words::for_language("en").stop;
    let words: Vec<&str> = np.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| !stop.contains(w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let mut end = words.len();
    while end > start && stop.contains(words[end - 1].to_lowercase().as_str()) {
        end -= 1;
    }
    // Cut at the first stop word after the head so "trade deficit according to" stays "trade deficit".
    let mut cut = start;
    while cut < end && (words[cut] == "of" || !stop.contains(words[cut].to_lowercase().as_str())) {
        cut += 1;
    }
    words[start..cut.max(start)].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text pieces around sentence bounds: terminators, abbreviations, closing quotes, line breaks.
    const PIECES: &[&str] = &[
        "Sales", "rose", "5%", "Mr.", "U.S.", "to", "1.5", "bn.", "\"", ")", "!", "?", ". ", ".\n",
        "\n", "\r\n", "\n\n", " ", "  ", "Ölpreis", "stieg.", "é", "…", "。",
    ];

    proptest! {
        /// Segmenting only the lines that hold a quantity gives the bounds the whole text has.
        #[test]
        fn sentence_bounds_of_some_lines_are_those_of_the_whole_text(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..60),
            picks in prop::collection::vec((0usize..1000, 0usize..12), 0..6),
        ) {
            let text: String = parts.concat();
            let all: Vec<(usize, usize)> = text
                .split_sentence_bound_indices()
                .map(|(i, s)| (i, i + s.len()))
                .collect();
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            // Quantities are never empty.
            let last = boundaries.len() - 1;
            let spans: Vec<(usize, usize)> = picks
                .iter()
                .filter(|_| last > 0)
                .map(|&(at, len)| {
                    let i = at % last;
                    (boundaries[i], boundaries[(i + 1 + len).min(last)])
                })
                .collect();
            let some = sentence_bounds(&text, spans.iter().copied());
            prop_assert!(some.windows(2).all(|w| w[0].1 <= w[1].0), "{some:?}");
            for b in &some {
                prop_assert!(all.contains(b), "{b:?} is not a sentence of {text:?}: {all:?}");
            }
            for &(s, e) in &spans {
                for &b in all.iter().filter(|b| b.0 <= s && s < b.1 || b.0 < e && e <= b.1) {
                    prop_assert!(some.contains(&b), "{b:?} of span {s}..{e} missing in {text:?}");
                }
            }
        }
    }

    fn tag(text: &str, published: Option<&str>) -> Vec<Claim> {
        Tagger::new().tag(text, Field::Text, "en", published, &[])
    }

    #[test]
    fn a_metric_is_words_not_the_digits_of_a_figure_before() {
        let c = tag(
            "Acme's stock jumped $3.75 to $21.125 in New York trading.",
            None,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(
            c.iter().all(|q| q
                .metric
                .as_deref()
                .is_none_or(|m| m.chars().any(char::is_alphabetic))),
            "{c:?}"
        );
        let c = tag("Subscribers rose 10 percent to 5 million.", None);
        assert!(
            c.iter().all(|q| q.metric.as_deref() != Some("percent")),
            "{c:?}"
        );
        let c = tag("The Yankees won 1-0 to 4 games in a row.", None);
        assert!(
            c.iter().all(|q| q.metric.as_deref() != Some("1-0")),
            "{c:?}"
        );
    }

    #[test]
    fn links_metric_period_and_source() {
        let c = tag("Technology imports totalled $32.16 billion in 2011, up 25.5 per cent year-on-year, the ministry said.", None);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].metric.as_deref(), Some("Technology imports"));
        assert_eq!(c[0].period.as_deref(), Some("2011"));
        assert_eq!(
            (c[1].change.as_str(), c[1].metric.as_deref()),
            ("up", Some("growth of Technology imports"))
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
    fn numbers_inside_recognised_names_are_not_quantities() {
        let text = "Fans of the 24 Hours of Le Mans paid $40 at the Canadian Open.";
        let entity = |name: &str, label: &str| {
            let start = text
                .find(name)
                .map(|b| text[..b].chars().count())
                .unwrap_or(0);
            Entity {
                label: label.into(),
                text: name.into(),
                field: Field::Text,
                start,
                end: start + name.chars().count(),
                score: 0.9,
            }
        };
        let entities = [
            entity("24 Hours of Le Mans", "MISC"),
            entity("Canadian Open", "MISC"),
        ];
        let c = Tagger::new().tag(text, Field::Text, "en", None, &entities);
        assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), [Some(40.0)]);
        // Without the entities the number in the name is taken.
        assert_eq!(tag(text, None).len(), 2);
        // A number the model tagged alone is no name.
        let text = "Some of the 2.5 million Somali refugees went home.";
        let number = Entity {
            label: "MISC".into(),
            text: "2.5".into(),
            field: Field::Text,
            start: 12,
            end: 15,
            score: 0.9,
        };
        assert_eq!(text.get(12..15), Some("2.5"));
        let c = Tagger::new().tag(text, Field::Text, "en", None, &[number]);
        assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), [Some(2.5e6)]);
    }

    /// A person entity over the first `name` in `text` (ASCII text: bytes are chars).
    fn person(text: &str, name: &str) -> Entity {
        let start = text.find(name).unwrap_or(0);
        Entity {
            label: "PER".into(),
            text: name.into(),
            field: Field::Text,
            start,
            end: start + name.len(),
            score: 0.9,
        }
    }

    #[test]
    fn a_bare_number_after_a_persons_name_is_a_score() {
        let text = "Durham 231 (R. Tennant 65; J. Bloggs 53 runs), and Smith, 41, took 3 wickets.";
        let entities = ["R. Tennant", "J. Bloggs", "Smith"].map(|n| person(text, n));
        let c = Tagger::new().tag(text, Field::Text, "en", None, &entities);
        let values: Vec<_> = c.iter().map(|c| c.value).collect();
        // 65 goes; 53 keeps its unit, the age keeps its comma, the count its noun.
        assert_eq!(
            values,
            [Some(231.0), Some(53.0), Some(41.0), Some(3.0)],
            "{c:?}"
        );
        // Outside a scorecard's bracket a number after a name stays.
        let text = "The jury awarded Smith 8 million.";
        let c = Tagger::new().tag(text, Field::Text, "en", None, &[person(text, "Smith")]);
        assert_eq!(c.len(), 1, "{c:?}");
        // A number alone in brackets after a player's name is a seeding.
        let text = "Lena Berg (8) beat Anna Holm of Sweden (17) and 3 others.";
        let mut entities = ["Lena Berg", "Anna Holm"].map(|n| person(text, n)).to_vec();
        entities.insert(
            2,
            Entity {
                label: "LOC".into(),
                ..person(text, "Sweden")
            },
        );
        let c = Tagger::new().tag(text, Field::Text, "en", None, &entities);
        assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), [Some(3.0)]);
    }

    #[test]
    fn a_number_set_off_after_a_persons_name_is_an_age() {
        let units = |text: &str, names: &[&str]| {
            let entities: Vec<Entity> = names.iter().map(|n| person(text, n)).collect();
            Tagger::new()
                .tag(text, Field::Text, "en", None, &entities)
                .into_iter()
                .map(|c| c.unit_name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            units(
                "Both Tom Vail, 67, and Ed Ruud, 68 will run.",
                &["Tom Vail", "Ed Ruud"]
            ),
            ["year of age", "year of age"]
        );
        assert_eq!(
            units(
                "The two -- Ann Roy, 18, and Eve Lund, 19 -- left.",
                &["Ann Roy", "Eve Lund"]
            ),
            ["year of age", "year of age"]
        );
        // Not after a place, nor before a score's dash.
        assert_eq!(units("He won in Lyon, 12 more times.", &[]), ["time"]);
        let u = units("Ed Ruud, 68 - 70, led.", &["Ed Ruud"]);
        assert!(
            !u.is_empty() && !u.contains(&"year of age".to_string()),
            "{u:?}"
        );
        // Nor in a line-up of shirt numbers, nor a substitute's minute in brackets.
        let text = "Wales - 15 - Ed Ruud, 14 - Tom Vail (Ian Bell, 70), 13 - Al Day.";
        let u = units(text, &["Ed Ruud", "Tom Vail", "Ian Bell", "Al Day"]);
        assert!(!u.contains(&"year of age".to_string()), "{u:?}");
    }

    #[test]
    fn metrics_and_unit_names_are_in_the_language_of_the_text() {
        let tagged = |lang: &str, text: &str| {
            let format = NumberFormat::for_language(lang);
            Tagger::new().tag_as(text, Field::Text, lang, format, None, &[])
        };
        let c = tagged(
            "de",
            "Der Handelsüberschuss der Schweiz mit Japan wuchs um 4,2 Prozent auf 3,1 Mrd. Franken.",
        );
        assert_eq!(c[0].unit_name, "Prozent");
        assert_eq!(
            c[0].metric.as_deref(),
            Some("Zuwachs: Handelsüberschuss der Schweiz")
        );
        let c = tagged(
            "fr",
            "Le taux d'inflation en Belgique a atteint 3,4 %, et les ventes ont baissé de 2 %.",
        );
        assert_eq!(c[0].unit_name, "pour cent");
        assert_eq!(c[0].metric.as_deref(), Some("taux d'inflation en Belgique"));
        let c = tagged(
            "es",
            "Las exportaciones agrícolas sumaron 7.300 millones de dólares el año pasado.",
        );
        assert_eq!((c[0].kind, c[0].value), (QuantityKind::Money, Some(7.3e9)));
        assert_eq!(c[0].unit_name, "dólar estadounidense");
        assert_eq!(c[0].metric.as_deref(), Some("exportaciones agrícolas"));
        // The speaker where French and Spanish put it: after the verb, a place after the name.
        let c = tagged(
            "fr",
            "Les réserves d'or ont atteint 2 436 tonnes, a précisé la Banque de France à Paris.",
        );
        assert_eq!(c[0].asserted_by.as_deref(), Some("la Banque de France"));
        let c = tagged(
            "es",
            "La deuda pública bajó un 2,5%, señaló el Banco de España en un informe.",
        );
        assert_eq!(c[0].asserted_by.as_deref(), Some("el Banco de España"));
        assert_eq!(c[0].metric.as_deref(), Some("caída: deuda pública"));
        // A language tidings has no words for reads as English.
        let c = tagged("it", "Sales rose 5% in March.");
        assert_eq!(c[0].unit_name, "percentage");
    }

    #[test]
    fn a_sentence_broken_inside_a_quantity_is_one_for_all_its_quantities() {
        let text = "Der Umsatz von Bosch stieg um 3,1 Prozent auf 12,4 Mrd. Euro, wie der Konzern mitteilte. Danach fiel er.";
        let format = NumberFormat::for_language("de");
        let c = Tagger::new().tag_as(text, Field::Text, "de", format, None, &[]);
        let ends: Vec<usize> = c.iter().map(|c| c.sentence.end).collect();
        let first = text.find(" Danach").map(|b| text[..b].chars().count());
        assert_eq!(ends, [first.unwrap(); 2], "{c:?}");
        assert_eq!(c[0].asserted_by.as_deref(), Some("der Konzern"));
        // Bounds away from quantities stay where the splitter put them.
        assert_eq!(
            joined_over_quantities(vec![(0, 5), (5, 9), (9, 20)], [(6, 12)].into_iter()),
            [(0, 5), (5, 20)]
        );
        assert_eq!(
            joined_over_quantities(vec![(0, 5), (5, 9)], [(1, 5)].into_iter()),
            [(0, 5), (5, 9)]
        );
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

    #[test]
    fn plain_francs_follow_the_article_s_date() {
        let names = |published| -> Vec<String> {
            tag("The stock rose 12 francs to 1,420.", published)
                .into_iter()
                .map(|c| c.unit_name)
                .collect()
        };
        // Before the euro the franc news quoted most was France's; after it, Switzerland's.
        assert_eq!(names(Some("1996-08-22")), ["french franc", "french franc"]);
        assert_eq!(names(Some("2011-03-01")), ["swiss franc", "swiss franc"]);
        assert_eq!(names(None), ["swiss franc", "swiss franc"]);
        // A country named near still decides, and so does a franc written with its country.
        for text in [
            "A Zurich court fined him 800 francs.",
            "He paid 40 Swiss francs.",
        ] {
            let c = tag(text, Some("1996-08-22"));
            assert_eq!(c[0].unit_name, "swiss franc", "{text}");
        }
    }
}
