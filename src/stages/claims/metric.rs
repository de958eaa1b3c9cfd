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

use regex::Regex;

use super::extract::{re, starts_with_ignore_ascii_case, Found};
use crate::record::QuantityKind;

/// Nouns that name something measured in the news; the head of most metrics.
const MEASURES: &str = r"deficits?|surplus(?:es)?|imports?|exports?|trade|volumes?|growth|revenues?|sales|profits?|earnings|income|prices?|tariffs?|levies|duties|gdp|output|production|investments?|spending|debts?|budgets?|rates?|shares?|value|costs?|jobs|unemployment|inflation|reserves|assets|capital|funding|loss(?:es)?|salar(?:y|ies)|wages?|population|emissions|demand|supply|consumption|turnover|stakes?|valuation|purchases|subsidies|taxes|fines?|deals?|contracts?|ban|talks|plan|bonds?|orders|shipments|deliveries|visitors|tourists|students|workers|employees|users|customers|cases|deaths|votes|seats";

/// Words that end a phrase when walking outwards from its head.
pub(crate) const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "with",
    "from",
    "that",
    "which",
    "who",
    "were",
    "was",
    "is",
    "are",
    "be",
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
    "says",
    "than",
    "more",
    "less",
    "over",
    "under",
    "about",
    "after",
    "before",
    "since",
    "last",
    "will",
    "would",
    "could",
    "can",
    "may",
    "it",
    "they",
    "we",
    "he",
    "she",
    "there",
    "also",
    "just",
    "only",
    "nearly",
    "almost",
    "around",
    "some",
    "into",
    "but",
    "however",
    "if",
    "when",
    "even",
    "still",
    "despite",
    "against",
    "between",
    "among",
    "both",
    "all",
    "each",
    "other",
    "new",
    "such",
    "not",
    "no",
    "so",
    "because",
    "leading",
    "noting",
    "saying",
    "stood",
    // Verbs of change and size end a noun phrase ("Imports of steel fell …").
    "fell",
    "rose",
    "grew",
    "jumped",
    "climbed",
    "dropped",
    "declined",
    "increased",
    "decreased",
    "reached",
    "totalled",
    "totaled",
    "hit",
    "surged",
    "slipped",
    "soared",
    "plunged",
    "tumbled",
    "gained",
    "lost",
    "amounted",
    "accounted",
    "remained",
    "expanded",
    "shrank",
    "widened",
    "narrowed",
    "doubled",
    "tripled",
    "halved",
    "fall",
    "rise",
    "falls",
    "rises",
    "grow",
    "grows",
];

pub struct MetricFinder {
    head: Regex,
    share: Regex,
    than: Regex,
    word: Regex,
}

impl Default for MetricFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl MetricFinder {
    pub fn new() -> Self {
        MetricFinder {
            head: re(&format!(r"(?i)(?-u:\b)(?:{MEASURES})(?-u:\b)")),
            share: re(
                r"(?i)(?-u:\b)(accounted for|accounts for|account for|made up|makes up|represented|represents)\s+(?:\S+\s+){0,2}$",
            ),
            than: re(r"(?i)^\s*(?:greater|larger|bigger|higher|more)\s+than\s+"),
            word: re(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*"),
        }
    }

    /// The metric of `q`, found in `text` from `ss` (the sentence start, or a bounded look-back in a
    /// long one); `prev` is the metric of the
    /// previous quantity of the same sentence.
    pub fn find(&self, text: &str, ss: usize, q: &Found, prev: Option<&str>) -> Option<String> {
        let before = &text[ss..q.start];
        let after = &text[q.end..];
        let base = self
            .of_phrase(after)
            .or_else(|| self.modified_noun(before, after))
            .or_else(|| self.share_of(before, q))
            .or_else(|| self.nearest_measure(text, ss, before))
            .or_else(|| prev.map(str::to_string));
        let growth = q.kind == QuantityKind::Percent || q.unit == "count";
        match (q.kind, q.change) {
            (QuantityKind::Duration, _) => base.map(|m| format!("duration of {m}")),
            (QuantityKind::Ratio, _) => {
                let other = self
                    .than
                    .find(after)
                    .and_then(|m| self.phrase_from(&after[m.end()..]));
                match (base, other) {
                    (Some(a), Some(b)) => Some(format!("ratio of {a} to {b}")),
                    (a, _) => a,
                }
            }
            (_, "up") if growth => base.map(|m| format!("growth of {}", strip_frame(&m))),
            (_, "down") if growth => base.map(|m| format!("decline of {}", strip_frame(&m))),
            _ => base,
        }
    }

    /// "$1.4 billion worth of crude oil …", "$398.5bn of exports to the United States",
    /// "tens of billions of dollars in United States goods".
    fn of_phrase(&self, after: &str) -> Option<String> {
        let trimmed = after.trim_start();
        let skip = ["worth of ", "of ", "in "]
            .into_iter()
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
        if !(["a", "an", "the", "its", "their"].contains(&det.as_str()) || possessive) {
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
        let m = self.share.find(before)?;
        let subject = phrase_before(&before[..m.start()])?;
        Some(format!("{subject} share"))
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
        let left = phrase_before(&before[..head.end()])?;
        let right = self.qualifier(&before[head.end()..]);
        let np = format!("{left}{right}");
        // "the deficit": name it as the text named it before ("services trade deficit").
        if np.split_whitespace().count() == 1 {
            // The last few kilobytes only: searching the whole article back for each quantity was
            // quadratic on long texts.
            let earlier = super::extract::tail_slice(text, ss + head.start(), 4000);
            if let Some(end) = last_word(earlier, head.as_str()) {
                if let Some(longer) = phrase_before(&earlier[..end]) {
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
        for m in self.word.find_iter(s) {
            let gap = &s[end..m.start()];
            if !words.is_empty() && !gap.chars().all(char::is_whitespace) {
                break;
            }
            let w = m.as_str().trim_end_matches('.');
            if STOP.contains(&w.to_lowercase().as_str()) || words.len() >= 6 {
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
        for p in [" with ", " to ", " on ", " from ", " of ", " for "] {
            if !starts_with_ignore_ascii_case(s, p) {
                continue;
            }
            let rest = &s[p.len()..];
            let (det, rest) = match rest.split_once(' ') {
                Some((d, r)) if ["the", "its", "their"].contains(&d.to_lowercase().as_str()) => {
                    (format!("{d} "), r)
                }
                _ => (String::new(), rest),
            };
            let mut words = Vec::new();
            for m in self.word.find_iter(rest).take(3) {
                let w = m.as_str().trim_end_matches('.');
                let gap_ok = rest[..m.start()]
                    .trim_start_matches(|c: char| c.is_alphanumeric() || "'’.- ".contains(c))
                    .is_empty();
                if !gap_ok
                    || STOP.contains(&w.to_lowercase().as_str())
                    || w.chars().all(|c| c.is_ascii_digit())
                {
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
}

/// Up to four modifier words ending at the end of `s` ("China's services trade deficit").
fn phrase_before(s: &str) -> Option<String> {
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
        if STOP.contains(&lower.as_str())
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

/// End of the last whole-word occurrence of `word` in `s`, ignoring ASCII case.
fn last_word(s: &str, word: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let n = word.len();
    (0..=bytes.len().checked_sub(n)?).rev().find_map(|i| {
        let hit = bytes[i..i + n].eq_ignore_ascii_case(word.as_bytes())
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + n).is_none_or(|b| !b.is_ascii_alphanumeric());
        // Only ASCII bytes compare equal to the ASCII measure nouns, so `i + n` is a char boundary.
        hit.then_some(i + n)
    })
}

/// "growth of growth of X" reads badly when the previous metric was already framed.
fn strip_frame(m: &str) -> &str {
    m.strip_prefix("growth of ")
        .or_else(|| m.strip_prefix("decline of "))
        .unwrap_or(m)
}
