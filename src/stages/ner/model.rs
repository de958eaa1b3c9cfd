//! A Hugging Face token-classification model directory (`config.json` with `id2label`,
//! `tokenizer.json`, and the network's weights), loaded once and shared by all workers.
//!
//! The tokenizer, special tokens, casing cue and window length live in [`Model`]; the network itself is
//! an [`Engine`] built by [`Backend::engine`]: ONNX Runtime by default, libtorch through rust-bert
//! behind the `rust-bert` feature.
//! Both see the same padded input matrices, so windowing, aggregation and spans are shared.

use std::path::{Path, PathBuf};

use ndarray::Array2;
use tokenizers::Tokenizer;

use super::decode::Token;
use super::engine::{Engine, Inputs, Logits};
use super::onnx::OnnxEngine;
/// Where the runtime library is looked for, and its one initialisation (kept here for callers
/// that name them by this path).
pub use super::onnx::{init_runtime, DEFAULT_RUNTIME};
use super::NerError;

/// Which runtime runs the network (`stages.ner.backend`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Backend {
    /// ONNX Runtime on `model.onnx` (the default; what ships).
    #[default]
    Onnx,
    /// libtorch through rust-bert on `rust_model.safetensors` / `rust_model.ot` (BERT-family models;
    /// needs a build with `--features rust-bert`, see scripts/rust-bert).
    RustBert,
}

impl Backend {
    /// The engine factory: loads the network at `weights` on this backend. `config` is the model's
    /// `config.json` (libtorch builds the network from it); `runtime` is ONNX Runtime's library.
    pub fn engine(
        self,
        weights: &Path,
        config: &Path,
        threads: usize,
        runtime: Option<&Path>,
    ) -> Result<Box<dyn Engine>, NerError> {
        let _ = config;
        Ok(match self {
            Backend::Onnx => Box::new(OnnxEngine::load(weights, threads, runtime)?),
            #[cfg(feature = "rust-bert")]
            Backend::RustBert => {
                Box::new(super::torch::TorchEngine::load(weights, config, threads)?)
            }
            #[cfg(not(feature = "rust-bert"))]
            Backend::RustBert => {
                return Err(NerError::Model(
                    "backend rust-bert: this build has no libtorch support (rebuild with \
                     `--features rust-bert`, see scripts/rust-bert)"
                        .into(),
                ))
            }
        })
    }
}

pub struct Model {
    engine: Box<dyn Engine>,
    tokenizer: Tokenizer,
    pub labels: Vec<String>,
    /// Special tokens around every window ([CLS] … [SEP] or <s> … </s>), read from the tokenizer itself.
    prefix: Vec<u32>,
    suffix: Vec<u32>,
    pad_id: u32,
    /// The model was trained with word casing in `token_type_ids` (config.json `tidings.case_type_ids`):
    /// an uncased encoder's way to see capitals, the strongest NER cue in English.
    case_type_ids: bool,
    /// Lines without a lower-case letter (headlines, shouted table rows) get no casing cue
    /// (config.json `tidings.caseless_lines`; the model was trained with the same rule).
    caseless_lines: bool,
    /// Longest window the model accepts, special tokens included.
    pub max_len: usize,
    pub id: String,
}

impl Model {
    pub fn load(
        dir: &Path,
        backend: Backend,
        model_file: Option<&Path>,
        threads: usize,
        max_len: usize,
        runtime: Option<&Path>,
    ) -> Result<Self, NerError> {
        let missing =
            |what: &str, p: &Path| NerError::Model(format!("{what} not found at {}", p.display()));
        let config_path = dir.join("config.json");
        let config: serde_json::Value = serde_json::from_slice(
            &std::fs::read(&config_path).map_err(|_| missing("config.json", &config_path))?,
        )
        .map_err(|e| NerError::load(&config_path, e))?;
        let labels = labels_from_config(&config).ok_or_else(|| {
            NerError::Model(format!("{}: no usable id2label", config_path.display()))
        })?;

        let tok_path = dir.join("tokenizer.json");
        let mut tokenizer =
            Tokenizer::from_file(&tok_path).map_err(|_| missing("tokenizer.json", &tok_path))?;
        tokenizer
            .with_truncation(None)
            .map_err(|e| NerError::load(&tok_path, e))?;
        tokenizer.with_padding(None);
        let specials = tokenizer
            .encode("", true)
            .map_err(|e| NerError::load(&tok_path, e))?;
        let special_ids = specials.get_ids();
        let (prefix, suffix) = match special_ids.len() {
            0 => (vec![], vec![]),
            1 => (special_ids.to_vec(), vec![]),
            n => (special_ids[..n / 2].to_vec(), special_ids[n / 2..].to_vec()),
        };
        let pad_id = ["[PAD]", "<pad>"]
            .iter()
            .find_map(|t| tokenizer.token_to_id(t))
            .unwrap_or(0);

        let model_path = match (model_file, backend) {
            (Some(p), _) if p.is_absolute() => p.to_path_buf(),
            (Some(p), _) => dir.join(p),
            (None, Backend::Onnx) => {
                find_onnx(dir).ok_or_else(|| missing("model.onnx", &dir.join("model.onnx")))?
            }
            (None, Backend::RustBert) => ["rust_model.safetensors", "rust_model.ot"]
                .iter()
                .map(|f| dir.join(f))
                .find(|p| p.is_file())
                .ok_or_else(|| {
                    missing(
                        "rust_model.safetensors",
                        &dir.join("rust_model.safetensors"),
                    )
                })?,
        };
        let engine = backend.engine(&model_path, &config_path, threads, runtime)?;
        let uses_token_type_ids = engine.uses_token_type_ids();
        let case_type_ids = config["tidings"]["case_type_ids"].as_bool() == Some(true);
        let caseless_lines = config["tidings"]["caseless_lines"].as_bool() == Some(true);
        if case_type_ids && !uses_token_type_ids {
            return Err(NerError::Model(format!(
                "{}: config.json asks for case_type_ids but the model has no token_type_ids input",
                config_path.display()
            )));
        }
        let max_positions = config["max_position_embeddings"].as_u64().unwrap_or(512) as usize;
        // RoBERTa-style models reserve two positions for the padding offset.
        let positions =
            if config["model_type"] == "roberta" || config["model_type"] == "xlm-roberta" {
                max_positions.saturating_sub(2)
            } else {
                max_positions
            };
        // Windows no longer than the model saw in training: a model fine-tuned on single sentences
        // drifts on long multi-sentence windows (measured: seed entities lost at 256 vs 128 tokens).
        let trained = config["tidings"]["max_length"]
            .as_u64()
            .map_or(usize::MAX, |n| n as usize);
        let limit = positions.min(trained);
        Ok(Model {
            engine,
            tokenizer,
            labels,
            prefix,
            suffix,
            pad_id,
            case_type_ids,
            caseless_lines,
            max_len: max_len.min(limit).max(8),
            id: format!(
                "{}/{}",
                dir.file_name()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default(),
                model_path
                    .file_name()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default()
            ),
        })
    }

    /// Tokens of a text with byte offsets, no special tokens.
    pub fn tokenize(&self, text: &str) -> Result<Vec<Token>, NerError> {
        let enc = self
            .tokenizer
            .encode(text, false)
            .map_err(NerError::Tokenizer)?;
        let caseless = if self.caseless_lines {
            caseless_lines(text)
        } else {
            Vec::new()
        };
        Ok(enc
            .get_ids()
            .iter()
            .zip(enc.get_offsets())
            .filter(|(_, (s, e))| e > s)
            .map(|(&id, &(start, end))| Token {
                id,
                start,
                end,
                // Same rules as training/train_ner.py `case_type` and `caseless`: an upper-case
                // letter in the piece, unless its line has no lower-case letter at all.
                type_id: u32::from(
                    self.case_type_ids
                        && !in_ranges(&caseless, start)
                        && text
                            .get(start..end)
                            .is_some_and(|p| p.chars().any(char::is_uppercase)),
                ),
            })
            .collect())
    }

    /// Room for content tokens in one window.
    pub fn window_len(&self) -> usize {
        self.max_len - self.prefix.len() - self.suffix.len()
    }

    /// One window's `input_ids` and `token_type_ids`, special tokens included, unpadded.
    pub fn row(&self, window: &[Token]) -> (Vec<i64>, Vec<i64>) {
        let special = |ids: &[u32]| ids.iter().map(|&id| (id, 0)).collect::<Vec<_>>();
        special(&self.prefix)
            .into_iter()
            .chain(window.iter().map(|t| (t.id, t.type_id)))
            .chain(special(&self.suffix))
            .map(|(id, t)| (i64::from(id), i64::from(t)))
            .unzip()
    }

    /// Runs one padded batch; returns per window, per content token, the label probabilities.
    pub fn infer(&self, windows: &[&[Token]]) -> Result<Vec<Vec<Vec<f32>>>, NerError> {
        let extra = self.prefix.len() + self.suffix.len();
        let width = windows.iter().map(|w| w.len()).max().unwrap_or(0) + extra;
        let mut ids = Array2::<i64>::from_elem((windows.len(), width), self.pad_id as i64);
        let mut mask = Array2::<i64>::zeros((windows.len(), width));
        let mut types = Array2::<i64>::zeros((windows.len(), width));
        for (r, w) in windows.iter().enumerate() {
            let (row_ids, row_types) = self.row(w);
            for (c, (id, type_id)) in row_ids.into_iter().zip(row_types).enumerate() {
                ids[[r, c]] = id;
                mask[[r, c]] = 1;
                types[[r, c]] = type_id;
            }
        }
        let Logits { data, seq, labels } = self.engine.run(&Inputs { ids, mask, types })?;
        let k = labels;
        if k != self.labels.len() || data.len() < windows.len() * seq * k {
            return Err(NerError::Inference(format!(
                "model output [{}, {seq}, {k}] does not match {} windows and {} labels",
                data.len() / (seq * k).max(1),
                windows.len(),
                self.labels.len()
            )));
        }
        Ok(windows
            .iter()
            .enumerate()
            .map(|(r, w)| {
                (0..w.len())
                    .map(|t| softmax(&data[(r * seq + t + self.prefix.len()) * k..][..k]))
                    .collect()
            })
            .collect())
    }
}

/// Byte ranges of the lines of `text` that have letters but no lower-case one.
fn caseless_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if line.chars().any(char::is_uppercase) && !line.chars().any(char::is_lowercase) {
            out.push(start..end);
        }
        start = end;
    }
    out
}

/// Whether `at` lies in one of `ranges` (sorted, disjoint): a binary search, so long texts with many
/// headlines stay linear-logarithmic.
fn in_ranges(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).is_some_and(|r| r.contains(&at))
}

fn softmax(logits: &[f32]) -> Vec<f32> {
    let m = logits.iter().copied().fold(f32::MIN, f32::max);
    let exp: Vec<f32> = logits.iter().map(|x| (x - m).exp()).collect();
    let sum: f32 = exp.iter().sum();
    exp.into_iter().map(|x| x / sum).collect()
}

fn labels_from_config(config: &serde_json::Value) -> Option<Vec<String>> {
    let map = config.get("id2label")?.as_object()?;
    let mut labels = vec![String::new(); map.len()];
    for (k, v) in map {
        let i: usize = k.parse().ok()?;
        *labels.get_mut(i)? = v.as_str()?.to_string();
    }
    Some(labels)
}

/// `model.onnx`, else the single `.onnx` file in `onnx/` (the Hugging Face Optimum layout).
fn find_onnx(dir: &Path) -> Option<PathBuf> {
    let direct = dir.join("model.onnx");
    if direct.is_file() {
        return Some(direct);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("onnx"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "onnx"))
        .collect();
    found.sort();
    (found.len() == 1).then(|| found.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caseless_lines_are_the_lines_with_capitals_and_no_lower_case() {
        let text = "SOCCER - JAPAN WIN\nJapan beat Syria 2-1.\n1996-08-30\nÉTÉ À PARIS";
        let lines = caseless_lines(text);
        let line_of = |s: &str| text.find(s).unwrap();
        assert!(in_ranges(&lines, line_of("JAPAN")));
        assert!(!in_ranges(&lines, line_of("Japan")));
        assert!(
            !in_ranges(&lines, line_of("1996")),
            "no letters: nothing to switch off"
        );
        assert!(in_ranges(&lines, line_of("PARIS")));
        assert!(!in_ranges(&lines, text.len()));
    }
}
