//! Crawler noise: marks the spans of an article that a crawler left in it — a `date …` field glued to
//! the body, an age banner, the headline repeated, a credit line, calls to subscribe, a print notice,
//! navigation, a trailing site mark — by kind, in code-point offsets. The text is never changed.
//!
//! What the marks are for:
//! - NER and claims read the article through [`Masked`], which blanks the noise spans (each code
//!   point becomes a space, line breaks stay) for the duration of their call, so no entity or claim
//!   comes from noise and offsets stay valid in the original fields (NER still sees a dateline's
//!   date: it names nothing, and the model reads a wire dateline best as written);
//! - facts the noise states fill empty record fields, with their provenance in `inferred`
//!   (`published_at` from a metadata prefix, dateline or print notice; `source` from a credit or
//!   print notice);
//! - the story without its noise gets a SimHash `fingerprint` ([`fingerprint`]), and an article close
//!   to one of the last `near_duplicate_window` articles of this instance names it in
//!   `near_duplicate_of`.
//!
//! The rules are in [`rules`], their cue words in `lexicon.tsv` ([`lexicon`]).
//! Imports: `record`, the `Stage` seam.

pub mod fingerprint;
pub mod lexicon;
pub mod rules;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Stage, StageError};
use crate::record::{Article, Field, Inferred, Noise, NoiseKind};
use fingerprint::Window;
use lexicon::{Lexicon, LexiconError};
use rules::{Found, Rules};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NoiseConfig {
    pub enabled: bool,
    /// Kinds reported, skipped by NER and claims and left out of the fingerprint; others are kept as
    /// story text.
    pub kinds: Vec<NoiseKind>,
    /// Fill an empty `published_at`/`source` from what the noise states (provenance in `inferred`).
    pub fill_fields: bool,
    /// Compute `fingerprint`.
    pub fingerprint: bool,
    /// Fingerprints of this many recent articles are kept in memory to find `near_duplicate_of`;
    /// 0 = no near-duplicate marking. Per instance: see the README for what it cannot see.
    pub near_duplicate_window: usize,
    /// Largest Hamming distance (bits of 64) between near-duplicates.
    pub near_duplicate_max_distance: u32,
}

impl Default for NoiseConfig {
    fn default() -> Self {
        NoiseConfig {
            enabled: true,
            kinds: NoiseKind::ALL.to_vec(),
            fill_fields: true,
            fingerprint: true,
            near_duplicate_window: 1024,
            near_duplicate_max_distance: 8,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NoiseError {
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error("stages.noise.near_duplicate_max_distance must be at most 64, not {0}")]
    Distance(u32),
}

/// Fewer shingles than this make a fingerprint too coarse to call two articles the same story
/// (two one-line bulletins share most of their few shingles by chance).
const NEAR_DUPLICATE_MIN_SHINGLES: usize = 20;

pub struct NoiseStage {
    config: NoiseConfig,
    rules: Rules,
    window: Window,
}

impl NoiseStage {
    pub fn build(config: &NoiseConfig) -> Result<Self, NoiseError> {
        if config.near_duplicate_max_distance > 64 {
            return Err(NoiseError::Distance(config.near_duplicate_max_distance));
        }
        let lex = Lexicon::parse(lexicon::SHIPPED)?;
        Ok(NoiseStage {
            config: config.clone(),
            rules: Rules::new(lex)?,
            window: Window::new(
                config.near_duplicate_window,
                config.near_duplicate_max_distance,
            ),
        })
    }

    /// The noise spans of an article's text, of the configured kinds, in byte offsets.
    pub fn find(&self, title: &str, text: &str) -> Vec<Found> {
        let mut found = self.rules.find(title, text);
        found.retain(|f| self.config.kinds.contains(&f.kind));
        found
    }
}

impl Stage for NoiseStage {
    fn name(&self) -> &'static str {
        "noise"
    }

    fn process(&self, article: &mut Article) -> Result<(), StageError> {
        let found = self.find(&article.title, &article.text);
        let noise = to_spans(&article.text, Field::Text, &found);
        if self.config.fill_fields {
            fill(article, &noise);
        }
        if self.config.fingerprint {
            let skip: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
            let story = if article.text.trim().is_empty() {
                fingerprint::simhash(&article.title, &[])
            } else {
                fingerprint::simhash(&article.text, &merge(skip))
            };
            if let Some((fp, shingles)) = story {
                article.fingerprint = Some(fp);
                if shingles >= NEAR_DUPLICATE_MIN_SHINGLES {
                    article.near_duplicate_of = self.window.check(&article.id, fp);
                }
                article
                    .models
                    .insert("fingerprint".into(), fingerprint::METHOD.into());
            }
        }
        article.noise = Some(noise);
        Ok(())
    }
}

/// Byte spans → output spans in code points, counted in one pass over the text.
fn to_spans(text: &str, field: Field, found: &[Found]) -> Vec<Noise> {
    let mut bounds: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut chars_at = std::collections::HashMap::with_capacity(bounds.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    for b in bounds {
        chars += text[byte..b].chars().count();
        byte = b;
        chars_at.insert(b, chars);
    }
    found
        .iter()
        .map(|f| Noise {
            kind: f.kind,
            field,
            start: chars_at[&f.start],
            end: chars_at[&f.end],
            text: text[f.start..f.end].to_string(),
            carries: f.carries.clone(),
        })
        .collect()
}

/// Sorted byte ranges with overlaps joined (a site mark may lie inside a marked line's range).
fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Fills empty `published_at` and `source` from the noise, the most direct statement first: the
/// crawler's own field, then a dateline, then a print notice (print runs a day or more after the
/// web); for the source a credit names the story's agency, a print notice only the paper.
fn fill(article: &mut Article, noise: &[Noise]) {
    let pick = |order: &[NoiseKind], get: &dyn Fn(&Noise) -> Option<String>| {
        order.iter().find_map(|kind| {
            noise
                .iter()
                .filter(|n| n.kind == *kind)
                .find_map(|n| get(n).map(|v| (v, n)))
        })
    };
    if article
        .published_at
        .as_deref()
        .is_none_or(|p| p.trim().is_empty())
    {
        let order = [
            NoiseKind::MetadataPrefix,
            NoiseKind::Dateline,
            NoiseKind::PrintNotice,
        ];
        if let Some((value, n)) = pick(&order, &|n| n.carries.published_at.clone()) {
            article.inferred.insert("published_at", provenance(n));
            article.published_at = Some(value);
        }
    }
    if article
        .source
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        let order = [NoiseKind::Credit, NoiseKind::PrintNotice];
        if let Some((value, n)) = pick(&order, &|n| n.carries.source.clone()) {
            article.inferred.insert("source", provenance(n));
            article.source = Some(value);
        }
    }
}

fn provenance(n: &Noise) -> Inferred {
    Inferred {
        from: n.kind,
        field: n.field,
        start: n.start,
        end: n.end,
    }
}

/// Runs a stage on the article with its noise blanked: each code point of a noise span becomes a
/// space (line breaks stay, so line-based rules still see lines), and the original fields are put
/// back afterwards. Code-point offsets into the blanked text are offsets into the original, so the
/// wrapped stage's spans need no mapping. Articles without noise are passed through untouched.
/// Kinds in `shown` stay visible to the wrapped stage.
pub struct Masked {
    pub stage: Arc<dyn Stage>,
    pub shown: &'static [NoiseKind],
}

impl Masked {
    /// What NER sees: everything but a dateline's date. The date yields no name, and the model
    /// was trained on wire datelines as they stand ("LONDON 1996-08-30"); blanking the date leaves
    /// a bare all-caps place on its line, which it reads worse (eng.testa all-caps lines 94.5 → 91.5).
    pub fn for_ner(stage: Arc<dyn Stage>) -> Self {
        Masked {
            stage,
            shown: &[NoiseKind::Dateline],
        }
    }

    /// What claims see: no noise at all (a dateline's date is not a figure of the story).
    pub fn for_claims(stage: Arc<dyn Stage>) -> Self {
        Masked { stage, shown: &[] }
    }

    fn blank(&self, article: &mut Article) -> Saved {
        blank(article, self.shown)
    }
}

impl Stage for Masked {
    fn name(&self) -> &'static str {
        self.stage.name()
    }

    fn process(&self, article: &mut Article) -> Result<(), StageError> {
        let saved = self.blank(article);
        let result = self.stage.process(article);
        restore(article, saved);
        result
    }

    fn process_batch(&self, articles: &mut [&mut Article]) -> Vec<Result<(), StageError>> {
        let saved: Vec<_> = articles.iter_mut().map(|a| self.blank(a)).collect();
        let results = self.stage.process_batch(articles);
        for (a, s) in articles.iter_mut().zip(saved) {
            restore(a, s);
        }
        results
    }
}

/// The original title and text of an article whose noise was blanked (None: nothing was changed).
type Saved = Option<(String, String)>;

fn blank(article: &mut Article, shown: &[NoiseKind]) -> Saved {
    let noise: Vec<&Noise> = article
        .noise
        .iter()
        .flatten()
        .filter(|n| !shown.contains(&n.kind))
        .collect();
    if noise.is_empty() {
        return None;
    }
    let title = blanked(&article.title, &noise, Field::Title);
    let text = blanked(&article.text, &noise, Field::Text);
    Some((
        std::mem::replace(&mut article.title, title),
        std::mem::replace(&mut article.text, text),
    ))
}

fn restore(article: &mut Article, saved: Saved) {
    if let Some((title, text)) = saved {
        article.title = title;
        article.text = text;
    }
}

/// `s` with every code point inside a noise span of `field` replaced by a space, except line breaks.
fn blanked(s: &str, noise: &[&Noise], field: Field) -> String {
    let mut spans: Vec<(usize, usize)> = noise
        .iter()
        .filter(|n| n.field == field)
        .map(|n| (n.start, n.end))
        .collect();
    if spans.is_empty() {
        return s.to_string();
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(s.len());
    let mut spans = spans.into_iter().peekable();
    for (i, c) in s.chars().enumerate() {
        while spans.peek().is_some_and(|&(_, end)| end <= i) {
            spans.next();
        }
        let inside = spans.peek().is_some_and(|&(start, _)| start <= i);
        out.push(if inside && c != '\n' && c != '\r' {
            ' '
        } else {
            c
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "t".into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn blanking_keeps_code_point_offsets_and_line_breaks() {
        let promo = Noise {
            kind: NoiseKind::Promo,
            field: Field::Text,
            start: 2,
            end: 6,
            text: String::new(),
            carries: Default::default(),
        };
        let noise = vec![&promo];
        let s = "é€x\nyz";
        let b = blanked(s, &noise, Field::Text);
        assert_eq!(b.chars().count(), s.chars().count());
        assert_eq!(b, "é€ \n  ");
        assert_eq!(blanked(s, &noise, Field::Title), s);
    }

    #[test]
    fn a_date_prefix_fills_published_at_with_its_provenance() {
        let stage = NoiseStage::build(&NoiseConfig::default()).unwrap();
        let mut a = article(
            "published: 2021-03-04 Officials in Nairobi said on Thursday that the new rail line would open next year.",
        );
        stage.process(&mut a).unwrap();
        assert_eq!(a.published_at.as_deref(), Some("2021-03-04"));
        let p = &a.inferred["published_at"];
        assert_eq!(p.from, NoiseKind::MetadataPrefix);
        assert_eq!((p.start, p.end), (0, 22));
        // A value the crawler sent is never overwritten.
        let mut b = article(&a.text.clone());
        b.published_at = Some("2021-03-05T08:00:00Z".into());
        stage.process(&mut b).unwrap();
        assert_eq!(b.published_at.as_deref(), Some("2021-03-05T08:00:00Z"));
        assert!(b.inferred.is_empty());
    }

    #[test]
    fn kinds_not_configured_stay_story_text() {
        let config = NoiseConfig {
            kinds: vec![NoiseKind::Promo],
            ..NoiseConfig::default()
        };
        let stage = NoiseStage::build(&config).unwrap();
        let mut a = article("Headline\n\nThis article is more than 2 years old\n\nFollow us on Twitter for the latest updates.");
        stage.process(&mut a).unwrap();
        let kinds: Vec<NoiseKind> = a.noise.unwrap().iter().map(|n| n.kind).collect();
        assert_eq!(kinds, vec![NoiseKind::Promo]);
    }

    #[test]
    fn masked_stage_sees_blanks_and_the_article_comes_back_unchanged() {
        struct Peek;
        impl Stage for Peek {
            fn name(&self) -> &'static str {
                "peek"
            }
            fn process(&self, a: &mut Article) -> Result<(), StageError> {
                a.source = Some(a.text.clone());
                Ok(())
            }
        }
        let stage = NoiseStage::build(&NoiseConfig::default()).unwrap();
        let text = "Headline\n\nA long enough paragraph of the story, which the wrapped stage reads.\n\nSubscribe";
        let mut a = article(text);
        stage.process(&mut a).unwrap();
        Masked::for_claims(Arc::new(Peek)).process(&mut a).unwrap();
        assert_eq!(a.text, text);
        let seen = a.source.unwrap();
        assert!(seen.ends_with("\n\n         "), "{seen:?}");
    }
}
