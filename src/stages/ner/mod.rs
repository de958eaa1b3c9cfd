//! Named-entity recognition with any Hugging Face token-classification model exported to ONNX (or, with
//! the `rust-bert` feature, a BERT-family model run by libtorch through rust-bert).
//!
//! Flow per batch of articles: tokenize each field once → cut sentence-aware, overlapping windows that
//! fit the model → sort all windows of the batch by length and run them in padded mini-batches → give
//! each token the prediction of the window where it sits most centrally → group sub-words into words
//! (`aggregation`) → repair the label sequence into spans → code-point offsets into the original field.
//! Because windows are merged per token before spans are built, an entity across a window boundary
//! comes out once and whole.

pub mod decode;
pub mod engine;
pub mod model;
pub mod onnx;
#[cfg(feature = "rust-bert")]
pub mod torch;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{Stage, StageError};
use crate::record::{Article, CharIndex, Entity, Field, Language};
pub use decode::{Aggregation, WindowMode};
pub use model::Backend;
use model::Model;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NerConfig {
    pub enabled: bool,
    /// Model directory: config.json (id2label), tokenizer.json, model.onnx (or rust_model.safetensors
    /// for the rust-bert backend).
    pub model_dir: PathBuf,
    /// Runtime for the network: "onnx" (default) or "rust-bert" (a build with `--features rust-bert`).
    pub backend: Backend,
    /// Weights file inside model_dir when it is not the backend's usual name (`model.onnx` or the single
    /// file in `onnx/`; `rust_model.safetensors` or `rust_model.ot`).
    pub model_file: Option<PathBuf>,
    /// libonnxruntime.so; default: $ORT_DYLIB_PATH, else where scripts/setup puts it.
    pub runtime_path: Option<PathBuf>,
    /// Intra-op threads of the shared model (ONNX Runtime session or libtorch).
    pub threads: usize,
    /// Windows per model call.
    pub batch_size: usize,
    /// Longest window in tokens, special tokens included (capped by the model).
    pub max_tokens: usize,
    /// Tokens shared by consecutive windows, so entities near a cut see context on both sides.
    pub overlap_tokens: usize,
    /// What a window may span: one sentence (default), one line, or as much as fits.
    pub windows: WindowMode,
    pub aggregation: Aggregation,
    /// Entities scoring below this are dropped.
    pub min_score: f32,
    /// Languages (ISO 639-1) the model was trained for. An article reliably detected as another
    /// language gets no `entities` field rather than confident nonsense (see [`gate`]); undetermined
    /// or unreliable ones are read. Empty = run on every language.
    pub languages: Vec<String>,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig {
            enabled: true,
            model_dir: PathBuf::from("models/ner-minilm-conll"),
            backend: Backend::Onnx,
            model_file: None,
            runtime_path: None,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            batch_size: 16,
            max_tokens: 256,
            overlap_tokens: 32,
            windows: WindowMode::default(),
            aggregation: Aggregation::First,
            min_score: 0.0,
            languages: vec!["en".into()],
        }
    }
}

/// Why NER could not load or run. Load errors reach the operator through the error chain (the
/// cause is a `#[source]`); inference errors become dead-letter reasons through `to_string`, so
/// those variants print their cause in their own message (and do not also chain it).
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error(transparent)]
    Runtime(#[from] onnx::RuntimeError),
    /// A model file that is missing or wrong, with no underlying error to carry.
    #[error("model: {0}")]
    Model(String),
    /// A model file that could not be read or parsed.
    #[error("model: {}{}{what}", path.display(), if what.is_empty() { "" } else { ": " })]
    Load {
        path: PathBuf,
        /// What was expected of the file, when the cause alone would not say it ("" if nothing).
        what: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The model's output does not fit its inputs or labels.
    #[error("inference: {0}")]
    Inference(String),
    #[error("inference: {0}")]
    Onnx(ort::Error),
    #[error("inference: tokenizer: {0}")]
    Tokenizer(tokenizers::Error),
    #[cfg(feature = "rust-bert")]
    #[error("inference: {0}")]
    Torch(tch::TchError),
}

impl NerError {
    fn load(
        path: &std::path::Path,
        e: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        NerError::Load {
            path: path.to_path_buf(),
            what: "",
            source: e.into(),
        }
    }
}

/// One window's `input_ids` and `token_type_ids`, special tokens included.
pub type ModelRow = (Vec<i64>, Vec<i64>);

pub struct NerStage {
    model: Model,
    config: NerConfig,
}

/// One window of one field of one article, waiting for its model call.
struct Window {
    doc: usize,
    /// Index into the doc's `windows`/`probs`.
    slot: usize,
    start: usize,
    end: usize,
}

/// A tokenized field of one article in the batch.
struct Doc {
    field: Field,
    tokens: Vec<decode::Token>,
    windows: Vec<(usize, usize)>,
    probs: Vec<Option<Vec<Vec<f32>>>>,
}

impl NerStage {
    pub fn build(config: &NerConfig) -> Result<Self, NerError> {
        if !config.model_dir.is_dir() {
            return Err(NerError::Model(format!(
                "model directory {} does not exist",
                config.model_dir.display()
            )));
        }
        let model = Model::load(
            &config.model_dir,
            config.backend,
            config.model_file.as_deref(),
            config.threads,
            config.max_tokens,
            config.runtime_path.as_deref(),
        )?;
        Ok(NerStage {
            model,
            config: config.clone(),
        })
    }

    pub fn model_id(&self) -> &str {
        &self.model.id
    }

    /// Entities of several texts at once; the batched core behind both `process` and `process_batch`.
    pub fn recognize(&self, texts: &[(usize, Field, &str)]) -> Result<Vec<Vec<Entity>>, NerError> {
        let (mut docs, queue) = self.prepare(texts)?;
        let views: Vec<&[decode::Token]> = queue
            .iter()
            .map(|w| &docs[w.doc].tokens[w.start..w.end])
            .collect();
        let mut results = Vec::with_capacity(views.len());
        for chunk in views.chunks(self.config.batch_size.max(1)) {
            results.extend(self.model.infer(chunk)?);
        }
        for (w, probs) in queue.iter().zip(results) {
            docs[w.doc].probs[w.slot] = Some(probs);
        }
        Ok(docs
            .into_iter()
            .zip(texts)
            .map(|(doc, (_, _, text))| self.entities(&doc, text))
            .collect())
    }

    /// Tokenizes every field, cuts its windows, and orders all windows of the batch by length so
    /// similar lengths share a padded model call.
    fn prepare(&self, texts: &[(usize, Field, &str)]) -> Result<(Vec<Doc>, Vec<Window>), NerError> {
        let mut docs = Vec::with_capacity(texts.len());
        for &(_, field, text) in texts {
            let tokens = self.model.tokenize(text)?;
            let windows = decode::field_windows(
                text,
                &tokens,
                self.config.windows,
                self.model.window_len(),
                self.config.overlap_tokens,
            );
            docs.push(Doc {
                field,
                probs: vec![None; windows.len()],
                tokens,
                windows,
            });
        }
        let mut queue: Vec<Window> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.windows
                    .iter()
                    .enumerate()
                    .map(move |(slot, &(start, end))| Window {
                        doc: d,
                        slot,
                        start,
                        end,
                    })
            })
            .collect();
        queue.sort_by_key(|w| w.end - w.start);
        Ok((docs, queue))
    }

    /// Tokens the model reads for these texts (overlaps counted once per window), for benchmarks.
    pub fn token_count(&self, texts: &[(usize, Field, &str)]) -> Result<usize, NerError> {
        let (_, queue) = self.prepare(texts)?;
        Ok(queue.iter().map(|w| w.end - w.start).sum())
    }

    /// The exact model inputs `recognize` would send, in call order: per window, `input_ids` and
    /// `token_type_ids` with special tokens. Lets benches/ner_ort.py time the bare runtime on them.
    pub fn model_rows(&self, texts: &[(usize, Field, &str)]) -> Result<Vec<ModelRow>, NerError> {
        let (docs, queue) = self.prepare(texts)?;
        Ok(queue
            .iter()
            .map(|w| self.model.row(&docs[w.doc].tokens[w.start..w.end]))
            .collect())
    }

    fn entities(&self, doc: &Doc, text: &str) -> Vec<Entity> {
        if doc.tokens.is_empty() {
            return Vec::new();
        }
        let best = decode::best_window_per_token(doc.tokens.len(), &doc.windows);
        let probs: Vec<Vec<f32>> = best
            .iter()
            .enumerate()
            .map(|(t, &w)| {
                let (start, _) = doc.windows[w];
                doc.probs[w]
                    .as_ref()
                    .map(|p| p[t - start].clone())
                    .unwrap_or_default()
            })
            .collect();
        let words = decode::words(text, &doc.tokens);
        let labels = decode::aggregate(&words, &probs, self.config.aggregation);
        let chars = CharIndex::new(text);
        let word_start = |w: usize| doc.tokens[words[w].start].start;
        let word_end = |w: usize| doc.tokens[words[w].end - 1].end;
        let word_text = |w: usize| text.get(word_start(w)..word_end(w)).unwrap_or("");
        let has_alnum = |w: usize| word_text(w).chars().any(char::is_alphanumeric);
        let mut out = Vec::new();
        for s in decode::spans(&labels, &self.model.labels) {
            if s.score < self.config.min_score {
                continue;
            }
            // A name never runs across a line break: a headline, a table row or a list item ends
            // where its line ends ("DETROIT\nCHICAGO" is two places), whatever the model joined.
            let mut from = s.start;
            for w in s.start..=s.end {
                let breaks = w == s.end
                    || (w > from
                        && text
                            .get(word_end(w - 1)..word_start(w))
                            .is_some_and(|gap| gap.contains('\n')));
                if !breaks {
                    continue;
                }
                // A word of bare punctuation never opens or closes a name: trim it, and drop a
                // piece left empty (models put stray labels on list numbers' dots and quote marks).
                let first = (from..w).find(|&x| has_alnum(x));
                let last = (from..w).rev().find(|&x| has_alnum(x));
                from = w;
                let (Some(first), Some(last)) = (first, last) else {
                    continue;
                };
                let (start, end) = (word_start(first), word_end(last));
                let Some(surface) = text.get(start..end) else {
                    continue;
                };
                out.push(Entity {
                    label: s.label.clone(),
                    text: surface.to_string(),
                    field: doc.field,
                    start: chars.char_of(start),
                    end: chars.char_of(end),
                    score: (s.score * 1000.0).round() / 1000.0,
                });
            }
        }
        out
    }
}

/// NER's language gate: the model reads every article that is in one of its languages *or* whose
/// language was not decided reliably (undetermined, a hint, or too little running text: tables, score
/// lines, name lists and headlines are English enough for a news model). It is skipped only when the
/// language stage decided, on enough running text, a language the model was not trained on; the
/// `Err` says why, for the record's `processing.models.ner`.
pub fn gate(config: &NerConfig, language: Option<&Language>) -> Result<(), String> {
    let Some(l) = language else { return Ok(()) };
    if config.languages.is_empty() || !l.reliable || config.languages.contains(&l.code) {
        return Ok(());
    }
    Err(format!(
        "language {} decided by {} (confidence {}) on running text; the model reads {}",
        l.code,
        l.method,
        l.confidence,
        config.languages.join(", ")
    ))
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn process(&self, article: &mut Article) -> Result<(), StageError> {
        let mut one = [article];
        self.process_batch(&mut one).pop().unwrap_or(Ok(()))
    }

    fn process_batch(&self, articles: &mut [&mut Article]) -> Vec<Result<(), StageError>> {
        let gates: Vec<Result<(), String>> = articles
            .iter()
            .map(|a| gate(&self.config, a.language.as_ref()))
            .collect();
        let supported: Vec<bool> = gates.iter().map(Result::is_ok).collect();
        let texts: Vec<(usize, Field, &str)> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| supported[*i])
            .flat_map(|(i, a)| Field::ALL.into_iter().map(move |f| (i, f, a.field(f))))
            .collect();
        match self.recognize(&texts) {
            Ok(found) => {
                let mut per_article: Vec<Vec<Entity>> = vec![Vec::new(); articles.len()];
                for ((i, _, _), ents) in texts.iter().zip(found) {
                    per_article[*i].extend(ents);
                }
                for ((a, ents), gate) in articles.iter_mut().zip(per_article).zip(gates) {
                    match gate {
                        Ok(()) => {
                            a.entities = Some(ents);
                            a.models.insert("ner".into(), self.model.id.clone().into());
                        }
                        Err(why) => {
                            a.models
                                .insert("ner".into(), format!("skipped: {why}").into());
                        }
                    }
                }
                articles.iter().map(|_| Ok(())).collect()
            }
            // One failed call fails the batch; the pipeline retries each article alone.
            Err(e) => articles
                .iter()
                .map(|_| {
                    Err(StageError::Transient {
                        stage: "ner",
                        message: e.to_string(),
                    })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_model_config_is_a_load_error_carrying_its_path_and_typed_cause() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("config.json"), b"{ not json").expect("write config");
        let config = NerConfig {
            model_dir: dir.path().to_path_buf(),
            ..NerConfig::default()
        };
        let Err(e) = NerStage::build(&config) else {
            panic!("a config.json that is not JSON loaded");
        };
        let NerError::Load { path, source, .. } = &e else {
            panic!("expected NerError::Load, got {e:?}");
        };
        assert_eq!(path, &dir.path().join("config.json"));
        assert!(source.downcast_ref::<serde_json::Error>().is_some());
        // Printed as a chain, the path and the parser's reason each appear once.
        let chain = crate::telemetry::error_chain(&e);
        assert_eq!(chain.matches("config.json").count(), 1, "{chain}");
        assert!(chain.contains("key must be a string"), "{chain}");
    }

    #[test]
    fn gate_reads_english_and_everything_not_reliably_another_language() {
        let config = NerConfig::default();
        assert!(gate(&config, None).is_ok());
        assert!(gate(&config, Some(&Language::for_tests("en", true))).is_ok());
        // Undetermined, or guessed from a table or headline: read it.
        assert!(gate(&config, Some(&Language::for_tests("und", false))).is_ok());
        assert!(gate(&config, Some(&Language::for_tests("fr", false))).is_ok());
        // Decided on running text: skipped, and the reason names the language.
        let why = gate(&config, Some(&Language::for_tests("de", true))).unwrap_err();
        assert!(why.contains("language de"), "{why}");
        // An empty list means every language.
        let all = NerConfig {
            languages: Vec::new(),
            ..NerConfig::default()
        };
        assert!(gate(&all, Some(&Language::for_tests("de", true))).is_ok());
    }
}
