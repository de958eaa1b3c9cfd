//! The enrichment stages and the [`Pipeline`] that runs them in order over one [`Article`].
//!
//! A stage is plain synchronous code: no tokio, no Kafka, no files after `build`. That keeps each one
//! testable on a hand-made article and lets the worker pool run them off the async reactor.
//! Imports: `record` only (plus each stage's own crates).

mod budget;
pub mod claims;
pub mod lang;
pub mod ner;
pub mod noise;

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::record::Article;

/// Why a stage could not enrich an article. Every variant ends in the dead-letter topic with its reason.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// The article itself is unusable for this stage (retrying cannot help).
    #[error("{stage}: invalid input: {message}")]
    Input {
        stage: &'static str,
        message: String,
    },
    /// The stage failed for a reason that may pass (e.g. a runtime error); retried a bounded number of times.
    #[error("{stage}: {message}")]
    Transient {
        stage: &'static str,
        message: String,
    },
    /// The stage ran past `stages.timeout_ms` on this article (not retried: it would again).
    #[error(
        "{stage}: timeout: still running after the budget of {budget_ms} ms (stages.timeout_ms)"
    )]
    Timeout { stage: &'static str, budget_ms: u64 },
}

/// One enrichment step. `process_batch` exists so NER can batch windows across articles; the default
/// runs `process` on each and keeps per-article errors apart.
pub trait Stage: Send + Sync {
    fn name(&self) -> &'static str;
    fn process(&self, article: &mut Article) -> Result<(), StageError>;
    fn process_batch(&self, articles: &mut [&mut Article]) -> Vec<Result<(), StageError>> {
        articles.iter_mut().map(|a| self.process(a)).collect()
    }
}

/// Which stages run, and their settings; a disabled stage is absent from the output, never faked.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StagesConfig {
    pub lang: lang::LangConfig,
    pub ner: ner::NerConfig,
    pub claims: claims::ClaimsConfig,
    pub noise: noise::NoiseConfig,
    /// Attempts for a stage that fails transiently, before the article is dead-lettered.
    pub max_attempts: u32,
    /// Fault injection for tests and soak runs: a stage that sleeps this long per article. Keep 0.
    pub delay_ms: u64,
    /// Time one stage may take per article before the article is dead-lettered (`stage_failed`,
    /// timeout) and the worker moves on; 0 = no budget. See [`budget`].
    pub timeout_ms: u64,
}

impl Default for StagesConfig {
    fn default() -> Self {
        StagesConfig {
            lang: Default::default(),
            ner: Default::default(),
            claims: Default::default(),
            noise: Default::default(),
            max_attempts: 3,
            delay_ms: 0,
            timeout_ms: 30_000,
        }
    }
}

/// The `delay_ms` stage: stands in for a slow model so backpressure and memory bounds can be tested.
struct Delay(std::time::Duration);

impl Stage for Delay {
    fn name(&self) -> &'static str {
        "delay"
    }

    fn process(&self, _article: &mut Article) -> Result<(), StageError> {
        std::thread::sleep(self.0);
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("ner stage")]
    Ner(#[from] ner::NerError),
    #[error("noise stage: {0}")]
    Noise(#[from] noise::NoiseError),
}

/// The configured stages in their fixed order: langid → noise → ner → claims (claims link to NER
/// entities and read numbers in the detected language, and both skip what noise marked, so the order
/// is not configurable).
pub struct Pipeline {
    /// Shared with the helper threads of the time budget, which may outlive a call.
    stages: Vec<Arc<dyn Stage>>,
    max_attempts: u32,
    budget: Option<Duration>,
}

impl Pipeline {
    pub fn build(config: &StagesConfig) -> Result<Self, BuildError> {
        let mut stages: Vec<Box<dyn Stage>> = Vec::new();
        if config.delay_ms > 0 {
            stages.push(Box::new(Delay(std::time::Duration::from_millis(
                config.delay_ms,
            ))));
        }
        if config.lang.enabled {
            stages.push(Box::new(lang::LangStage::new(config.lang.clone())));
        }
        if config.noise.enabled {
            stages.push(Box::new(noise::NoiseStage::build(&config.noise)?));
        }
        // NER and claims read the article with its noise blanked (a no-op without noise spans).
        let masked = |stage: Box<dyn Stage>, wrap: fn(Arc<dyn Stage>) -> noise::Masked| {
            if config.noise.enabled {
                Box::new(wrap(Arc::from(stage))) as Box<dyn Stage>
            } else {
                stage
            }
        };
        if config.ner.enabled {
            let ner = Box::new(ner::NerStage::build(&config.ner)?);
            stages.push(masked(ner, noise::Masked::for_ner));
        }
        if config.claims.enabled {
            let claims = Box::new(claims::ClaimsStage::new(config.claims.clone()));
            stages.push(masked(claims, noise::Masked::for_claims));
        }
        Ok(Pipeline {
            stages: stages.into_iter().map(Arc::from).collect(),
            max_attempts: config.max_attempts.max(1),
            budget: (config.timeout_ms > 0).then(|| Duration::from_millis(config.timeout_ms)),
        })
    }

    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Self {
        Pipeline {
            stages: stages.into_iter().map(Arc::from).collect(),
            max_attempts: 1,
            budget: None,
        }
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over a batch. Returns one result per article; a failed article is skipped by the
    /// later stages (its record goes to the dead-letter topic instead).
    pub fn run_batch(&self, articles: &mut [Article]) -> Vec<Result<(), StageError>> {
        let mut results: Vec<Result<(), StageError>> = articles.iter().map(|_| Ok(())).collect();
        for stage in &self.stages {
            let live: Vec<usize> = (0..articles.len())
                .filter(|&i| results[i].is_ok())
                .collect();
            if live.is_empty() {
                break;
            }
            let started = Instant::now();
            let mut refs: Vec<&mut Article> = articles
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| results[*i].is_ok())
                .map(|(_, a)| a)
                .collect();
            let mut outcome = match self.budget {
                Some(b) => budget::process_batch(stage, &mut refs, b),
                None => stage.process_batch(&mut refs),
            };
            // Bounded retries, per article, for transient failures only.
            for attempt in 1..self.max_attempts {
                let retry: Vec<usize> = outcome
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| matches!(r, Err(StageError::Transient { .. })))
                    .map(|(i, _)| i)
                    .collect();
                if retry.is_empty() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10 << attempt.min(6)));
                for i in retry {
                    outcome[i] = stage.process(refs[i]);
                }
            }
            // Batch time is shared out evenly: per-article cost inside a batched model call is not observable.
            let per_article_ms = started.elapsed().as_secs_f64() * 1e3 / refs.len() as f64;
            for a in refs.iter_mut() {
                a.timings.push((stage.name(), per_article_ms));
            }
            for (slot, r) in live.into_iter().zip(outcome) {
                results[slot] = r;
            }
        }
        results
    }
}
