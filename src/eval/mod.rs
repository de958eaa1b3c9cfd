//! Scoring commands: `tidings eval claims FILE` and `tidings eval ner FILE`.

use std::path::Path;

use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("{0}")]
    Stage(String),
}

pub fn claims(_file: &Path, _docs: Option<&Path>, _config: &Config) -> Result<String, EvalError> {
    Err(EvalError::Stage("not yet".into()))
}

pub fn ner(_file: &Path, _config: &Config) -> Result<String, EvalError> {
    Err(EvalError::Stage("not yet".into()))
}
