//! Numeric-claim tagging: every quantity in an article as a structured claim.

use serde::{Deserialize, Serialize};

use super::{Stage, StageError};
use crate::record::Article;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClaimsConfig {
    pub enabled: bool,
}

impl Default for ClaimsConfig {
    fn default() -> Self {
        ClaimsConfig { enabled: true }
    }
}

pub struct ClaimsStage {
    #[allow(dead_code)]
    config: ClaimsConfig,
}

impl ClaimsStage {
    pub fn new(config: ClaimsConfig) -> Self {
        ClaimsStage { config }
    }
}

impl Stage for ClaimsStage {
    fn name(&self) -> &'static str {
        "claims"
    }

    fn process(&self, article: &mut Article) -> Result<(), StageError> {
        article.claims = Some(Vec::new());
        Ok(())
    }
}
