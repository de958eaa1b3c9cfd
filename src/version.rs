//! What this binary is, for `tidings --version` and the `tidings_build_info` metric: its version and
//! git commit (from `build.rs`), the librdkafka it links, the ONNX Runtime library it loads, and the
//! NER model it would run (directory name and SHA-256 of the weights), so an operator can tell two
//! deployments apart from the outside.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::stages::ner::{Backend, NerConfig};
use crate::stages::StagesConfig;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// Set by build.rs: `git rev-parse --short=12 HEAD`, `TIDINGS_GIT_COMMIT` at build, or "unknown".
pub const COMMIT: &str = env!("TIDINGS_GIT_COMMIT");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelInfo {
    /// The model directory's name (e.g. `ner-minilm-conll`).
    pub name: String,
    /// The weights file that was hashed.
    pub weights: PathBuf,
    /// Hex SHA-256 of the weights, or why it could not be read.
    pub sha256: Result<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildInfo {
    pub version: &'static str,
    pub commit: &'static str,
    pub librdkafka: String,
    /// ONNX Runtime's version and library path; None when the ONNX backend is not in use.
    pub onnxruntime: Option<Result<(String, PathBuf), String>>,
    /// None when NER is disabled.
    pub model: Option<ModelInfo>,
}

impl BuildInfo {
    /// Gathers the facts for the configured stages: loads the ONNX Runtime library (once per
    /// process) and hashes the model weights (≈ 0.1 s for the shipped 23 MB model).
    pub fn gather(stages: &StagesConfig) -> BuildInfo {
        let librdkafka = crate::kafka::librdkafka_version();
        let ner = &stages.ner;
        let onnx = ner.enabled && ner.backend == Backend::Onnx;
        BuildInfo {
            version: VERSION,
            commit: COMMIT,
            librdkafka,
            onnxruntime: onnx.then(|| onnx_runtime(ner)),
            model: ner.enabled.then(|| model(ner)),
        }
    }

    /// Label pairs of the `tidings_build_info` metric.
    pub fn labels(&self) -> Vec<(String, String)> {
        let mut labels = vec![
            ("version".to_string(), self.version.to_string()),
            ("commit".into(), self.commit.into()),
            ("librdkafka".into(), self.librdkafka.clone()),
        ];
        if let Some(Ok((v, _))) = &self.onnxruntime {
            labels.push(("onnxruntime".into(), v.clone()));
        }
        if let Some(m) = &self.model {
            labels.push(("model".into(), m.name.clone()));
            if let Ok(h) = &m.sha256 {
                labels.push(("model_sha256".into(), h.clone()));
            }
        }
        labels
    }
}

impl fmt::Display for BuildInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "tidings {} (commit {})", self.version, self.commit)?;
        write!(f, "librdkafka {}", self.librdkafka)?;
        match &self.onnxruntime {
            Some(Ok((v, path))) => write!(f, "\nonnxruntime {v} ({})", path.display())?,
            Some(Err(e)) => write!(f, "\nonnxruntime: {e}")?,
            None => write!(f, "\nonnxruntime: not used (NER off or another backend)")?,
        }
        match &self.model {
            Some(m) => match &m.sha256 {
                Ok(h) => write!(f, "\nmodel {} sha256:{h} ({})", m.name, m.weights.display()),
                Err(e) => write!(f, "\nmodel {}: {e}", m.name),
            },
            None => write!(f, "\nmodel: none (NER off)"),
        }
    }
}

fn onnx_runtime(ner: &NerConfig) -> Result<(String, PathBuf), String> {
    let path = crate::stages::ner::model::init_runtime(ner.runtime_path.as_deref())
        .map_err(|e| e.to_string())?;
    let version = runtime_version(&path).unwrap_or_else(|| ort::info().to_string());
    Ok((version, path))
}

/// ONNX Runtime's own version string ("1.31.1"), from the library ort already loaded.
fn runtime_version(path: &Path) -> Option<String> {
    type GetApiBase = unsafe extern "system" fn() -> *const ort::sys::OrtApiBase;
    // SAFETY: `path` is the library ort has loaded (init_runtime succeeded), so opening it again
    // returns the same handle without running anything new; OrtGetApiBase and GetVersionString are
    // argument-less C getters of static data, and the string is copied before the handle is dropped.
    unsafe {
        let lib = libloading::Library::new(path).ok()?;
        let get: libloading::Symbol<GetApiBase> = lib.get(b"OrtGetApiBase").ok()?;
        let base = get();
        if base.is_null() {
            return None;
        }
        let v = ((*base).GetVersionString)();
        if v.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(v).to_string_lossy().into_owned())
    }
}

/// The weights file a backend reads, as [`crate::stages::ner::model`] picks it.
fn weights(ner: &NerConfig) -> PathBuf {
    if let Some(f) = &ner.model_file {
        return ner.model_dir.join(f);
    }
    let names: &[&str] = match ner.backend {
        Backend::Onnx => &["model.onnx"],
        Backend::RustBert => &["rust_model.safetensors", "rust_model.ot"],
    };
    names
        .iter()
        .map(|n| ner.model_dir.join(n))
        .find(|p| p.is_file())
        .unwrap_or_else(|| ner.model_dir.join(names[0]))
}

fn model(ner: &NerConfig) -> ModelInfo {
    // Hashed once per process and file: the demo and the tests start many runs on one model.
    static HASHES: Mutex<BTreeMap<PathBuf, Result<String, String>>> = Mutex::new(BTreeMap::new());
    let weights = weights(ner);
    let sha256 = HASHES
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry(weights.clone())
        .or_insert_with(|| {
            sha256(&weights).map_err(|e| format!("cannot read {}: {e}", weights.display()))
        })
        .clone();
    let name = ner.model_dir.file_name().map_or_else(
        || ner.model_dir.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    ModelInfo {
        name,
        sha256,
        weights,
    }
}

fn sha256(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
