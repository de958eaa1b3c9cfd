//! What a quantity measures: the noun phrase a reader would put in a table's column header
//! ("China's services trade deficit with the US", "growth of bilateral services trade volume").
//!
//! No parser: the phrase is found from the words around the quantity, in this order —
//! "$1.4 billion worth of crude oil" / "$398.5bn of exports" (what follows "of"); "a $309 billion trade
//! deficit" (the noun the amount modifies); "software accounted for 90%" (a share of the subject); the
//! nearest measure noun before it in the clause ("technology imports totalled $32.16 billion"); the
//! metric of the previous quantity in the sentence ("…, up 25.5 per cent"). The kind of quantity then
//! frames it: a change in percent is "growth of …", a duration "duration of …", a multiplier
//! "ratio of … to …".
//!
//! The words are the article's language's ([`super::words`]: measure nouns, stop words, qualifier
//! prepositions, frames), so a German figure gets "Rückgang: deutschen Exporte nach China"; where
//! adjectives follow the noun (French, Spanish) the phrase runs on to the right ("gasto total") and
//! across a "de" between two measure nouns ("taux de chômage").

use std::sync::LazyLock;

use regex::Regex;

use super::extract::{re, starts_with_ignore_ascii_case, Found};
use super::words::{self, Frames, Words};
use crate::record::{Change, QuantityKind};

/// The metric finder of every built-in language.
pub struct MetricFinder {
    languages: Vec<Finder>,
}

/// One language's finder: its words and the regexes built from them.
struct Finder {
    words: &'static Words,
    head: Regex,
    share: Option<Regex>,
    than: Option<Regex>,
}

/// A word of a noun phrase: letters and digits, with inner apostrophes, dots and hyphens.
static WORD: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*"));

impl Default for MetricFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl MetricFinder {
    pub fn new() -> Self {
        let languages = words::all()
            .iter()
            .map(|words| {
                // An ASCII word boundary is faster and enough for ASCII words; "Überschuss" needs
                // the Unicode one.
                let b = if words.measures.is_ascii() {
                    "(?-u:\\b)"
                } else {
                    "\\b"
                };
                let phrases = |alt: &str| alt.replace(' ', r"\s+");
                Finder {
                    words,
                    head: re(&format!("(?i){b}(?:{}){b}", words.measures)),
                    share: words.share.as_deref().map(|s| {
                        re(&format!(
                            r"(?i)(?-u:\b)({})\s+(?:\S+\s+){{0,2}}$",
                            phrases(s)
                        ))
                    }),
                    than: words
                        .than
                        .as_deref()
                        .map(|t| re(&format!(r"(?i)^\s*(?:{})\s+", phrases(t)))),
                }
            })
            .collect();
        MetricFinder { languages }
    }

    /// The metric of `q`, found in `text` from `ss` (the sentence start, or a bounded look-back in a
    /// long one) with the words of language `lang`; `prev` is the metric of the previous quantity of
    /// the same sentence.
    pub fn find(
        &self,
        lang: &str,
        text: &str,
        ss: usize,
        q: &Found,
        prev: Option<&str>,
    ) -> Option<String> {
        let f = self
            .languages
            .iter()
            .find(|f| f.words.code == lang)
            .unwrap_or(&self.languages[0]);
        f.find(text, ss, q, prev)
    }
}

impl Finder {
    fn find(&self, text: &str, ss: usize, q: &Found, prev: Option<&str>) -> Option<String> {
        let before = &text[ss..q.start];
        let after = &text[q.end..];
        let base = self
            .of_phrase(after)
            .or_else(|| self.modified_noun(before, after))
            .or_else(|| self.share_of(before, q))
            .or_else(|| self.nearest_measure(text, ss, before))
            .or_else(|| prev.map(str::to_string));
        let growth = q.kind == QuantityKind::Percent || q.unit == "count";
        let frames = &self.words.frames;
        match (q.kind, q.change) {
            (QuantityKind::Duration, _) => base.map(|m| Frames::apply(frames.duration, &m)),
            (QuantityKind::Ratio, _) => {
                let other = self
                    .than
                    .as_ref()
                    .and_then(|than| than.find(after))
                    .and_then(|m| self.phrase_from(&after[m.end()..]));
                match (base, other) {
                    (Some(a), Some(b)) => Some(frames.ratio_of(&a, &b)),
                    (a, _) => a,
                }
            }
            (_, Change::Up) if growth => {
                base.map(|m| Frames::apply(frames.growth, frames.strip(&m)))
            }
            (_, Change::Down) if growth => {
                base.map(|m| Frames::apply(frames.decline, frames.strip(&m)))
            }
            _ => base,
        }
    }

    /// "$1.4 billion worth of crude oil …", "$398.5bn of exports to the United States",
    /// "tens of billions of dollars in United States goods".
    fn of_phrase(&self, after: &str) -> Option<String> {
        let trimmed = after.trim_start();
        let skip = self
            .words
            .of
            .iter()
            .find(|p| starts_with_ignore_ascii_case(trimmed, p))?;
        let rest = &trimmed[skip.len()..];
        // "of 2016", "in October": a date, not a thing.
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let np = self.phrase_from(rest)?;
        // "in" only introduces a metric when it names measured things ("in United States goods").
        (skip != "in " || np.split_whitespace().count() > 1 && !np.contains("year")).then_some(np)
    }

    /// "a $309 billion trade deficit", "a 14-year ban", "the $375bn USA goods trade deficit with China".
    fn modified_noun(&self, before: &str, after: &str) -> Option<String> {
        let det = before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .map(str::to_lowercase)?;
        let possessive = det.ends_with("'s") || det.ends_with("’s");
        if !(self.words.determiners.contains(&det.as_str()) || possessive) {
            return None;
        }
        let rest = after.trim_start_matches(['+', ' ']);
        let np = self.phrase_from(rest)?;
        self.head.is_match(&np).then_some(np)
    }

    /// "software accounted for nearly 90 per cent" → "software share".
    fn share_of(&self, before: &str, q: &Found) -> Option<String> {
        if q.kind != QuantityKind::Percent {
            return None;
        }
        let m = self.share.as_ref()?.find(before)?;
        let subject = self.phrase_before(&before[..m.start()])?;
        Some(Frames::apply(self.words.frames.share, &subject))
    }

    /// The nearest measure noun before the quantity in its clause, with its modifiers and a
    /// following "with/of/to …" ("China's services trade deficit with the US reached …").
    fn nearest_measure(&self, text: &str, ss: usize, before: &str) -> Option<String> {
        let head = self.head.find_iter(before).last()?;
        // A clause boundary between head and quantity other than a relative "which/that" means the
        // noun belongs to another statement.
        let between = &before[head.end()..];
        if between.contains([';', ':', '(']) || between.split_whitespace().count() > 10 {
            return None;
        }
        let mut left = self.phrase_before(&before[..head.end()])?;
        if self.words.noun_first {
            if let Some(outer) = self.measure_of(&before[..head.end() - left.len()]) {
                left = format!("{outer}{left}");
            }
        }
        // "turistas internacionales", "gasto total": where adjectives follow the noun, they are
        // part of the phrase too.
        let (adjectives, rest) = if self.words.noun_first {
            self.words_after(between)
        } else {
            (String::new(), between)
        };
        let right = self.qualifier(rest);
        let left = format!("{left}{adjectives}");
        let np = format!("{left}{right}");
        // "the deficit": name it as the text named it before ("services trade deficit").
        if np.split_whitespace().count() == 1 {
            // The last few kilobytes only: searching the whole article back for each quantity was
            // quadratic on long texts.
            let earlier = super::extract::tail_slice(text, ss + head.start(), 4000);
            if let Some(end) = last_word(earlier, head.as_str()) {
                if let Some(longer) = self.phrase_before(&earlier[..end]) {
                    if longer.split_whitespace().count() > 1 {
                        return Some(longer);
                    }
                }
            }
        }
        Some(np)
    }

    /// A noun phrase starting at `s`: words up to a stop word or punctuation, with one following
    /// "with/of/to/on/from …" qualifier.
    fn phrase_from(&self, s: &str) -> Option<String> {
        let mut words = Vec::new();
        let mut end = 0;
        for m in WORD.find_iter(s) {
            let gap = &s[end..m.start()];
            if !words.is_empty() && !gap.chars().all(char::is_whitespace) {
                break;
            }
            let w = m.as_str().trim_end_matches('.');
            if self.stop(w) || words.len() >= 6 {
                break;
            }
            words.push(w.to_string());
            end = m.end();
        }
        if words.is_empty() {
            return None;
        }
        let qual = self.qualifier(&s[end..]);
        Some(format!("{}{qual}", words.join(" ")))
    }

    /// " with China", " to the United States", " on steel": one prepositional qualifier.
    fn qualifier(&self, s: &str) -> String {
        for p in &self.words.links {
            if !starts_with_ignore_ascii_case(s, p) {
                continue;
            }
            let rest = &s[p.len()..];
            let (det, rest) = match rest.split_once(' ') {
                Some((d, r)) if self.words.articles.contains(&d.to_lowercase().as_str()) => {
                    (format!("{d} "), r)
                }
                _ => (String::new(), rest),
            };
            let mut words = Vec::new();
            for m in WORD.find_iter(rest).take(3) {
                let w = m.as_str().trim_end_matches('.');
                let gap_ok = rest[..m.start()]
                    .trim_start_matches(|c: char| c.is_alphanumeric() || "'’.- ".contains(c))
                    .is_empty();
                if !gap_ok || self.stop(w) || w.chars().all(|c| c.is_ascii_digit()) {
                    break;
                }
                words.push(w);
                if rest[m.end()..].starts_with([',', '.', ';', ':']) {
                    break;
                }
            }
            if !words.is_empty() {
                return format!("{p}{det}{}", words.join(" "))
                    .trim_end()
                    .to_string();
            }
        }
        String::new()
    }

    /// Up to four modifier words ending at the end of `s` ("China's services trade deficit").
    fn phrase_before(&self, s: &str) -> Option<String> {
        let mut words: Vec<&str> = Vec::new();
        for w in s.split_whitespace().rev() {
            let clean =
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-');
            if clean.is_empty()
                || clean.len() != w.trim_end_matches([',', '.']).len() && !words.is_empty()
            {
                break;
            }
            let lower = clean.to_lowercase();
            if self.words.stop.contains(lower.as_str())
                || (!words.is_empty() && (lower.ends_with("ed") || w.ends_with(',')))
                || words.len() >= 5
            {
                break;
            }
            words.push(clean);
        }
        words.reverse();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// "taux de " before "chômage": the measure whose "de" complement the next one is, with the
    /// link ("taux de "), when `s` ends in one.
    fn measure_of(&self, s: &str) -> Option<String> {
        let lower = s.to_lowercase();
        let link = self
            .words
            .of
            .iter()
            .find(|l| lower.ends_with(&format!(" {l}")))?;
        let before = s[..s.len() - link.len()].trim_end();
        let last = WORD.find_iter(before).last()?;
        let whole = self
            .head
            .find(last.as_str())
            .is_some_and(|m| m.len() == last.len());
        (whole && last.end() == before.len())
            .then(|| format!("{} {}", last.as_str(), &s[s.len() - link.len()..]))
    }

    /// Whether `w` ends a noun phrase.
    fn stop(&self, w: &str) -> bool {
        self.words.stop.contains(w.to_lowercase().as_str())
    }

    /// Up to two words right after a head noun, before a stop word or punctuation (" total" of
    /// "gasto total alcanzó"), and the text after them.
    fn words_after<'a>(&self, s: &'a str) -> (String, &'a str) {
        let mut taken = String::new();
        let mut end = 0;
        for m in WORD.find_iter(s).take(2) {
            let w = m.as_str();
            if !s[end..m.start()].chars().all(char::is_whitespace)
                || self.stop(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            taken.push(' ');
            taken.push_str(w);
            end = m.end();
        }
        (taken, &s[end..])
    }
}

/// End of the last whole-word occurrence of `word` in `s`, ignoring ASCII case.
fn last_word(s: &str, word: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let n = word.len();
    (0..=bytes.len().checked_sub(n)?).rev().find_map(|i| {
        let hit = bytes[i..i + n].eq_ignore_ascii_case(word.as_bytes())
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + n).is_none_or(|b| !b.is_ascii_alphanumeric());
        // The bytes at `i` equal the whole word's or differ only in ASCII case, so `i` and `i + n`
        // are char boundaries.
        hit.then_some(i + n)
    })
}
