//! The libtorch engine: a BERT-family token classifier run by rust-bert (feature `rust-bert`).
//!
//! Only the network lives here; tokenizer, windows, casing cue and decoding are the same as for ONNX
//! Runtime, so the two backends differ in nothing but the arithmetic. Weights come from a
//! `rust_model.safetensors` (or rust-bert's own `.ot`) with Hugging Face parameter names, and
//! `config.json` must be a full BERT config (scripts/rust-bert writes both from the shipped model).

use std::path::Path;
use std::sync::Mutex;

use rust_bert::bert::{BertConfig, BertForTokenClassification};
use tch::{nn::VarStore, Device, Kind, Tensor};

use super::engine::{Engine, Inputs, Logits};
use super::NerError;

pub struct TorchEngine {
    /// rust-bert modules are not `Sync`; one model is shared and calls take turns, libtorch's
    /// intra-op threads doing the parallel work as with ONNX Runtime.
    model: Mutex<BertForTokenClassification>,
    /// Owns the weights the model's modules point into.
    _weights: VarStore,
}

impl TorchEngine {
    pub fn load(weights: &Path, config: &Path, threads: usize) -> Result<Self, NerError> {
        // rust-bert's `Config::from_file` panics on a bad file; read it ourselves for a clean error.
        let text = std::fs::read_to_string(config).map_err(|e| NerError::load(config, e))?;
        let bert: BertConfig = serde_json::from_str(&text).map_err(|e| NerError::Load {
            path: config.to_path_buf(),
            what: "not a full BERT config for the rust-bert backend",
            source: Box::new(e),
        })?;
        tch::set_num_threads(i32::try_from(threads.max(1)).unwrap_or(1));
        let mut vs = VarStore::new(Device::Cpu);
        let model = BertForTokenClassification::new(vs.root(), &bert)
            .map_err(|e| NerError::load(config, e))?;
        vs.load(weights).map_err(|e| NerError::load(weights, e))?;
        Ok(TorchEngine {
            model: Mutex::new(model),
            _weights: vs,
        })
    }
}

impl Engine for TorchEngine {
    fn uses_token_type_ids(&self) -> bool {
        true
    }

    fn run(&self, inputs: &Inputs) -> Result<Logits, NerError> {
        let (batch, seq) = inputs.ids.dim();
        let tensor = |a: &ndarray::Array2<i64>| -> Result<Tensor, NerError> {
            let flat = a
                .as_slice()
                .ok_or_else(|| NerError::Inference("input matrix not contiguous".into()))?;
            Ok(Tensor::from_slice(flat).view([batch as i64, seq as i64]))
        };
        let (ids, mask, types) = (
            tensor(&inputs.ids)?,
            tensor(&inputs.mask)?,
            tensor(&inputs.types)?,
        );
        let model = self
            .model
            .lock()
            .map_err(|_| NerError::Inference("model lock poisoned by an earlier panic".into()))?;
        let logits = tch::no_grad(|| {
            model
                .forward_t(Some(&ids), Some(&mask), Some(&types), None, None, false)
                .logits
        });
        let labels = logits.size().last().copied().unwrap_or(0) as usize;
        let data: Vec<f32> =
            Vec::try_from(logits.to_kind(Kind::Float).flatten(0, -1)).map_err(NerError::Torch)?;
        Ok(Logits { data, seq, labels })
    }
}
