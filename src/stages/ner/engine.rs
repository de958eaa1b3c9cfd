//! The seam between the NER model and the runtime that executes its network: padded inputs in,
//! per-token logits out. Implemented by [`super::onnx::OnnxEngine`] and, with the `rust-bert`
//! feature, `super::torch::TorchEngine`; [`super::model::Backend::engine`] picks one. Imports
//! neither runtime, so the engines and the model depend on this file and not on each other.

use ndarray::Array2;

use super::NerError;

/// Padded model inputs for one batch of windows, each `[batch, seq]`.
pub struct Inputs {
    pub ids: Array2<i64>,
    pub mask: Array2<i64>,
    pub types: Array2<i64>,
}

/// Logits `[batch, seq, labels]`, row-major.
pub struct Logits {
    pub data: Vec<f32>,
    pub seq: usize,
    pub labels: usize,
}

/// The network: padded inputs in, per-token logits out. Shared by all workers.
pub trait Engine: Send + Sync {
    /// Whether the network reads `token_type_ids`.
    fn uses_token_type_ids(&self) -> bool;
    fn run(&self, inputs: &Inputs) -> Result<Logits, NerError>;
}
