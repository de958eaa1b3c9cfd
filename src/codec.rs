//! Bytes ⇄ records: decoding and validating a crawler's JSON into an [`Article`], and encoding the
//! enriched output. Pure functions; every rejection is a typed [`DecodeError`] whose `kind` becomes the
//! dead-letter reason.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::record::{Article, Claim, Enriched, Origin, Processing, SCHEMA};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CodecConfig {
    /// Input field names tried in order for the article body.
    pub text_fields: Vec<String>,
    pub title_field: String,
    pub id_field: String,
    /// Larger messages are dead-lettered unread (protects the workers' memory). Must leave room below
    /// the producer's `message.max.bytes` for a dead letter carrying the whole input (checked at start).
    pub max_bytes: usize,
    /// Claims written per record at most; the rest are cut and `processing.truncated` says so. A list
    /// of numbers yields ~95 bytes of output per input byte, so without a cap one article's output
    /// could exceed what the producer or broker accept.
    pub max_claims: usize,
    /// Entities written per record at most (same reason, same flag).
    pub max_entities: usize,
}

impl Default for CodecConfig {
    fn default() -> Self {
        CodecConfig {
            text_fields: vec!["text".into(), "body".into(), "content".into()],
            title_field: "title".into(),
            id_field: "id".into(),
            // Below librdkafka's default message.max.bytes (1 000 000) minus room for the dead-letter
            // envelope, so a rejected input always fits in its dead letter.
            max_bytes: 900_000,
            max_claims: 1000,
            max_entities: 1000,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DecodeError {
    #[error("message of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("message is not valid UTF-8 (first bad byte at {0})")]
    NotUtf8(usize),
    #[error("message is not JSON: {0}")]
    NotJson(String),
    #[error("message is JSON but not an object")]
    NotObject,
    #[error("no text: none of the fields {0:?} holds a non-empty string")]
    NoText(Vec<String>),
    #[error("field {0:?} must be a string")]
    BadField(String),
}

impl DecodeError {
    /// Stable machine-readable reason, used in dead-letter headers and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::NotUtf8(_) => "not_utf8",
            DecodeError::NotJson(_) => "not_json",
            DecodeError::NotObject => "not_object",
            DecodeError::NoText(_) => "no_text",
            DecodeError::BadField(_) => "bad_field",
        }
    }
}

pub struct Codec {
    config: CodecConfig,
}

impl Codec {
    pub fn new(config: CodecConfig) -> Self {
        Codec { config }
    }

    pub fn decode(&self, bytes: &[u8], origin: &Origin) -> Result<Article, DecodeError> {
        if bytes.len() > self.config.max_bytes {
            return Err(DecodeError::TooLarge {
                size: bytes.len(),
                limit: self.config.max_bytes,
            });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::NotUtf8(e.valid_up_to()))?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
        let Value::Object(mut obj) = value else {
            return Err(DecodeError::NotObject);
        };

        let body = self
            .config
            .text_fields
            .iter()
            .find_map(|f| match obj.get(f) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(f.clone()),
                _ => None,
            })
            .ok_or_else(|| DecodeError::NoText(self.config.text_fields.clone()))?;
        let text = take_string(&mut obj, &body)?.unwrap_or_default();
        let title = take_string(&mut obj, &self.config.title_field)?.unwrap_or_default();
        let url = take_string(&mut obj, "url")?;
        let id = match obj.remove(&self.config.id_field) {
            Some(Value::String(s)) if !s.is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Null) | None => derive_id(url.as_deref(), origin),
            Some(Value::String(_)) => derive_id(url.as_deref(), origin),
            Some(_) => return Err(DecodeError::BadField(self.config.id_field.clone())),
        };
        Ok(Article {
            id,
            url,
            title,
            text,
            published_at: take_string(&mut obj, "published_at")?,
            source: take_string(&mut obj, "source")?,
            lang_hint: take_string(&mut obj, "lang")?,
            extra: obj,
            ..Default::default()
        })
    }

    pub fn encode(&self, article: &Article, origin: &Origin) -> Vec<u8> {
        let stage_ms: Map<String, Value> = article
            .timings
            .iter()
            .map(|(n, ms)| {
                (
                    (*n).to_string(),
                    Value::from((ms * 1000.0).round() / 1000.0),
                )
            })
            .collect();
        let mut truncated = Map::new();
        let entities = article
            .entities
            .as_deref()
            .map(|e| cap(e, self.config.max_entities, "entities", &mut truncated));
        let claims = article
            .claims
            .as_deref()
            .map(|c| cap(c, self.config.max_claims, "claims", &mut truncated));
        // A claim's subject points into `entities` by index; an index past the cut would point at
        // nothing (or, to a reader, at a wrong entity), so those links are dropped, the text kept.
        let relinked: Option<Vec<Claim>> = match (entities, claims) {
            (Some(e), Some(c)) if truncated.contains_key("entities") => Some(
                c.iter()
                    .cloned()
                    .map(|mut claim| {
                        for s in &mut claim.subject {
                            s.entity = s.entity.filter(|&i| i < e.len());
                        }
                        claim
                    })
                    .collect(),
            ),
            _ => None,
        };
        let out = Enriched {
            schema: SCHEMA,
            id: &article.id,
            url: article.url.as_deref(),
            title: &article.title,
            published_at: article.published_at.as_deref(),
            source: article.source.as_deref(),
            passthrough: &article.extra,
            language: article.language.as_ref(),
            entities,
            claims: relinked.as_deref().or(claims),
            noise: article.noise.as_deref(),
            fingerprint: article.fingerprint.map(|f| format!("{f:016x}")),
            near_duplicate_of: article.near_duplicate_of.as_deref(),
            inferred: &article.inferred,
            processing: Processing {
                tidings_version: env!("CARGO_PKG_VERSION"),
                origin,
                stage_ms,
                models: &article.models,
                truncated,
            },
        };
        // Serialising plain data into a Vec cannot fail (no maps with non-string keys, no I/O).
        serde_json::to_vec(&out).unwrap_or_default()
    }
}

/// The first `max` items; when that cuts, notes `{kept, total}` under `name` in `truncated`.
fn cap<'a, T>(
    items: &'a [T],
    max: usize,
    name: &str,
    truncated: &mut Map<String, Value>,
) -> &'a [T] {
    if items.len() <= max {
        return items;
    }
    truncated.insert(
        name.to_string(),
        serde_json::json!({"kept": max, "total": items.len()}),
    );
    &items[..max]
}

fn take_string(obj: &mut Map<String, Value>, key: &str) -> Result<Option<String>, DecodeError> {
    match obj.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(DecodeError::BadField(key.to_string())),
    }
}

/// A stable id when the crawler sent none: hash of the URL (same article, same id across re-crawls),
/// else the record's position in its source.
fn derive_id(url: Option<&str>, origin: &Origin) -> String {
    let seed = match url {
        Some(u) if !u.is_empty() => format!("url:{u}"),
        _ => format!("origin:{origin}"),
    };
    let digest = Sha256::digest(seed.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::File {
            path: "t".into(),
            line: 1,
        }
    }

    fn decode(bytes: &[u8]) -> Result<Article, DecodeError> {
        Codec::new(CodecConfig::default()).decode(bytes, &origin())
    }

    #[test]
    fn decodes_known_fields_and_keeps_unknown_ones() {
        let a =
            decode(br#"{"id":"a1","title":"T","body":"Some text","lang":"en","crawler":{"v":2}}"#)
                .unwrap();
        assert_eq!(
            (a.id.as_str(), a.title.as_str(), a.text.as_str()),
            ("a1", "T", "Some text")
        );
        assert_eq!(a.lang_hint.as_deref(), Some("en"));
        assert_eq!(a.extra["crawler"]["v"], 2);
    }

    #[test]
    fn derives_a_stable_id_from_the_url() {
        let a = decode(br#"{"url":"https://x.test/a","text":"t"}"#).unwrap();
        let b = decode(br#"{"url":"https://x.test/a","text":"other"}"#).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
    }

    #[test]
    fn rejects_each_kind_of_bad_input_with_its_reason() {
        let cases: [(&[u8], &str); 6] = [
            (b"\xff\xfe{}", "not_utf8"),
            (b"{not json", "not_json"),
            (b"[1,2]", "not_object"),
            (br#"{"title":"only a title"}"#, "no_text"),
            (br#"{"text":"   "}"#, "no_text"),
            (br#"{"text":"x","title":7}"#, "bad_field"),
        ];
        for (bytes, kind) in cases {
            assert_eq!(
                decode(bytes).unwrap_err().kind(),
                kind,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        let small = Codec::new(CodecConfig {
            max_bytes: 8,
            ..Default::default()
        });
        assert_eq!(
            small
                .decode(br#"{"text":"long enough"}"#, &origin())
                .unwrap_err()
                .kind(),
            "too_large"
        );
    }
}
