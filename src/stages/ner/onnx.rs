//! The ONNX Runtime engine (the default and what ships): the process-wide runtime library and one
//! shared session per model.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::TensorRef;

use super::engine::{Engine, Inputs, Logits};
use super::NerError;

/// The ONNX Runtime shared library is process-global: initialise it once, remember the outcome.
static RUNTIME: OnceLock<Result<PathBuf, RuntimeError>> = OnceLock::new();

/// Where `libonnxruntime.so` is looked for when neither config nor `ORT_DYLIB_PATH` names it:
/// the place `scripts/setup` unpacks the PyPI wheel to.
pub const DEFAULT_RUNTIME: &str = ".cache/onnxruntime/libonnxruntime.so";

pub fn init_runtime(configured: Option<&Path>) -> Result<PathBuf, NerError> {
    RUNTIME
        .get_or_init(|| {
            let path = configured
                .map(Path::to_path_buf)
                .or_else(|| std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from(DEFAULT_RUNTIME));
            let failed = |problem| RuntimeError {
                path: path.clone(),
                problem,
            };
            if !path.is_file() {
                return Err(failed(RuntimeProblem::NotFound));
            }
            // ort panics on a library it cannot load; turn that into an error at start-up.
            let p = path.clone();
            match std::panic::catch_unwind(move || ort::init_from(p.to_string_lossy()).commit()) {
                Ok(Ok(_)) => Ok(path),
                Ok(Err(e)) => Err(failed(RuntimeProblem::Init(Arc::new(e)))),
                Err(_) => Err(failed(RuntimeProblem::Panicked)),
            }
        })
        .clone()
        .map_err(NerError::Runtime)
}

/// Why the ONNX Runtime library is unusable. Cloneable: the outcome of the one initialisation is
/// kept for every later caller.
#[derive(Debug, Clone, thiserror::Error)]
#[error("ONNX Runtime{problem}", problem = match problem {
    RuntimeProblem::NotFound => format!(
        " library not found at {} (run scripts/setup, or set ORT_DYLIB_PATH or stages.ner.runtime_path)",
        path.display()
    ),
    RuntimeProblem::Init(e) => format!(" at {}: {e}", path.display()),
    RuntimeProblem::Panicked => format!(" at {} could not be loaded", path.display()),
})]
pub struct RuntimeError {
    path: PathBuf,
    problem: RuntimeProblem,
}

#[derive(Debug, Clone)]
enum RuntimeProblem {
    NotFound,
    /// ort refused the library (wrong version, missing symbols).
    Init(Arc<ort::Error>),
    /// ort panicked while loading it.
    Panicked,
}

/// ONNX Runtime engine.
pub struct OnnxEngine {
    /// `Session::run` takes `&mut self` in ort 2.0; one session is shared, its intra-op threads do the
    /// parallel work, and the lock is held only for the run itself.
    session: Mutex<Session>,
    uses_token_type_ids: bool,
}

impl OnnxEngine {
    pub fn load(path: &Path, threads: usize, runtime: Option<&Path>) -> Result<Self, NerError> {
        init_runtime(runtime)?;
        let session = Session::builder()
            .and_then(|b| b.with_optimization_level(GraphOptimizationLevel::Level3))
            .and_then(|b| b.with_intra_threads(threads.max(1)))
            // Fold int8 weights stored behind DequantizeLinear (training/weight_only.py) into fp32
            // at load instead of keeping them as quantised operators: fp32 activations make each
            // window's logits independent of its batch, and so entities deterministic.
            .and_then(|b| b.with_config_entry("session.disable_quant_qdq", "1"))
            .and_then(|b| b.commit_from_file(path))
            .map_err(|e| NerError::load(path, e))?;
        let names: Vec<&str> = session.inputs.iter().map(|i| i.name.as_str()).collect();
        for required in ["input_ids", "attention_mask"] {
            if !names.contains(&required) {
                return Err(NerError::Model(format!(
                    "{}: model has inputs {names:?}, needs {required}",
                    path.display()
                )));
            }
        }
        let uses_token_type_ids = names.contains(&"token_type_ids");
        Ok(OnnxEngine {
            session: Mutex::new(session),
            uses_token_type_ids,
        })
    }
}

impl Engine for OnnxEngine {
    fn uses_token_type_ids(&self) -> bool {
        self.uses_token_type_ids
    }

    fn run(&self, inputs: &Inputs) -> Result<Logits, NerError> {
        let err = NerError::Onnx;
        let mut session = self
            .session
            .lock()
            .map_err(|_| NerError::Inference("model lock poisoned by an earlier panic".into()))?;
        let mut feed = ort::inputs![
            "input_ids" => TensorRef::from_array_view(&inputs.ids).map_err(err)?,
            "attention_mask" => TensorRef::from_array_view(&inputs.mask).map_err(err)?,
        ];
        if self.uses_token_type_ids {
            feed.push((
                "token_type_ids".into(),
                TensorRef::from_array_view(&inputs.types)
                    .map_err(err)?
                    .into(),
            ));
        }
        let outputs = session.run(feed).map_err(err)?;
        let (shape, data) = outputs[0].try_extract_tensor::<f32>().map_err(err)?;
        if shape.len() != 3 {
            return Err(NerError::Inference(format!(
                "model output has shape {shape:?}, expected [batch, sequence, labels]"
            )));
        }
        Ok(Logits {
            data: data.to_vec(),
            seq: shape[1] as usize,
            labels: shape[2] as usize,
        })
    }
}
